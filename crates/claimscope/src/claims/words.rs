//! Small closed word classes the attribution rules need, per language:
//! complementizers, subject pronouns, prepositions, role nouns and
//! back-reference openers. Closed classes are grammar, not vocabulary, so they
//! live in code; open vocabularies (cues) live in the data files.

use std::sync::LazyLock;

use crate::lang::Lang;

use super::lexicon::Agreement;

/// Complementizers introducing a reported clause.
#[must_use]
pub fn is_complementizer(lang: Lang, w: &str) -> bool {
    match lang {
        Lang::En => w == "that",
        Lang::Pl => matches!(w, "że" | "iż" | "jakoby"),
        Lang::Ru => matches!(w, "что" | "будто"),
        Lang::Uk => matches!(w, "що" | "нібито" | "начебто"),
        _ => matches!(w, "that" | "że" | "что" | "що"),
    }
}

/// Subject pronouns that may name a speaker, with their agreement.
#[must_use]
pub fn subject_pronoun(lang: Lang, w: &str) -> Option<Agreement> {
    Some(match (lang, w) {
        (Lang::En, "he") | (Lang::Pl, "on") | (Lang::Ru, "он") | (Lang::Uk, "він") => {
            Agreement::Masc
        }
        (Lang::En, "she") | (Lang::Pl, "ona") | (Lang::Ru, "она") | (Lang::Uk, "вона") => {
            Agreement::Fem
        }
        (Lang::En, "they") | (Lang::Pl, "oni" | "one") | (Lang::Ru, "они") | (Lang::Uk, "вони") => {
            Agreement::Plural
        }
        _ => return None,
    })
}

/// Possessive pronouns inside attribution phrases (`по его словам`, `jego zdaniem`).
#[must_use]
pub fn possessive_pronoun(w: &str) -> Option<Agreement> {
    Some(match w {
        "his" | "jego" | "niego" | "его" | "його" => Agreement::Masc,
        "her" | "jej" | "niej" | "ее" | "её" | "її" => Agreement::Fem,
        "their" | "ich" | "nich" | "их" | "їхніми" | "їх" | "їхню" => {
            Agreement::Plural
        }
        _ => return None,
    })
}

/// Prepositions: a name right after one is not a subject.
#[must_use]
pub fn is_preposition(lang: Lang, w: &str) -> bool {
    match lang {
        Lang::En => matches!(
            w,
            "in" | "at"
                | "on"
                | "from"
                | "to"
                | "of"
                | "with"
                | "by"
                | "for"
                | "about"
                | "against"
                | "into"
                | "towards"
                | "toward"
                | "near"
                | "over"
                | "between"
                | "via"
        ),
        Lang::Pl => matches!(
            w,
            "w" | "we"
                | "na"
                | "z"
                | "ze"
                | "do"
                | "o"
                | "od"
                | "po"
                | "przy"
                | "przez"
                | "dla"
                | "u"
                | "za"
                | "nad"
                | "pod"
                | "przed"
                | "między"
                | "wobec"
                | "ku"
                | "bez"
                | "wokół"
                | "dzięki"
        ),
        Lang::Ru => matches!(
            w,
            "в" | "во"
                | "на"
                | "с"
                | "со"
                | "к"
                | "ко"
                | "о"
                | "об"
                | "от"
                | "по"
                | "при"
                | "у"
                | "из"
                | "за"
                | "для"
                | "до"
                | "под"
                | "над"
                | "перед"
                | "между"
                | "через"
                | "без"
                | "про"
                | "против"
        ),
        Lang::Uk => matches!(
            w,
            "в" | "у"
                | "на"
                | "з"
                | "із"
                | "зі"
                | "до"
                | "о"
                | "об"
                | "від"
                | "по"
                | "при"
                | "за"
                | "для"
                | "під"
                | "над"
                | "перед"
                | "між"
                | "через"
                | "без"
                | "про"
                | "проти"
        ),
        _ => false,
    }
}

/// Determiners and articles (skipped when looking left of a name for a preposition).
#[must_use]
pub fn is_determiner(w: &str) -> bool {
    matches!(w, "the" | "a" | "an" | "its" | "this" | "that" | "these")
}

/// What a role noun refers to.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum RoleKind {
    /// A person described by role (`rzecznik`, `министр`, `the official`).
    Person,
    /// An organization described by kind (`think tank`, `ministry`, `firma`).
    Org,
}

const EN_PERSON: &[&str] = &[
    "spokesman",
    "spokeswoman",
    "spokesperson",
    "minister",
    "president",
    "official",
    "officials",
    "prosecutor",
    "judge",
    "leader",
    "chief",
    "head",
    "analyst",
    "analysts",
    "expert",
    "experts",
    "researchers",
    "ambassador",
    "governor",
    "mayor",
    "senator",
    "lawmaker",
    "diplomat",
    "source",
    "sources",
    "secretary",
    "director",
    "commander",
    "professor",
    "premier",
];
const EN_ORG: &[&str] = &[
    "ministry",
    "office",
    "university",
    "company",
    "firm",
    "agency",
    "tank",
    "government",
    "department",
    "military",
    "army",
    "police",
    "institute",
    "committee",
    "commission",
    "council",
    "campaign",
    "administration",
    "authorities",
    "kremlin",
    "court",
    "organization",
    "organisation",
];
const PL_PERSON: &[&str] = &[
    "rzecznik",
    "rzeczniczk",
    "minist",
    "wiceminist",
    "wiceszef",
    "szef",
    "prezydent",
    "premier",
    "prezes",
    "dyrektor",
    "ekspert",
    "analityk",
    "ambasador",
    "dyplomat",
    "przedstawiciel",
    "polityk",
    "poseł",
    "posłank",
    "europoseł",
    "senator",
    "dowódc",
    "generał",
    "gen.",
    "prokurator",
    "sędzi",
    "źródł",
    "wiceprem",
    "przewodnicząc",
    "burmistrz",
    "gubernator",
    "kanclerz",
    "lider",
    "przywódc",
];
const PL_ORG: &[&str] = &[
    "firm",
    "spółk",
    "instytut",
    "ośrodek",
    "ośrodk",
    "resort",
    "urząd",
    "władz",
    "rząd",
    "armi",
    "wojsk",
    "sztab",
    "obóz",
    "służb",
    "policj",
    "prokuratur",
    "sąd",
    "media",
    "mediów",
    "portal",
    "serwis",
    "agencj",
    "dziennik",
    "gazet",
    "komisj",
    "ministerstw",
    "kancelari",
    "think",
    "strona",
    "stron",
];
const RU_PERSON: &[&str] = &[
    "пресс-секретар",
    "секретар",
    "представител",
    "министр",
    "замминистр",
    "замглав",
    "глав",
    "президент",
    "премьер",
    "посол",
    "дипломат",
    "чиновник",
    "эксперт",
    "аналитик",
    "генсек",
    "депутат",
    "сенатор",
    "губернатор",
    "мэр",
    "прокурор",
    "судья",
    "судьи",
    "обвинительниц",
    "источник",
    "руководител",
    "директор",
    "командующ",
    "лидер",
    "спикер",
    "председател",
];
const RU_ORG: &[&str] = &[
    "ведомств",
    "министерств",
    "правительств",
    "власт",
    "компани",
    "сми",
    "издани",
    "агентств",
    "командовани",
    "штаб",
    "суд",
    "кремл",
    "администраци",
    "служб",
    "армия",
    "армии",
];
const UK_PERSON: &[&str] = &[
    "речни",
    "представни",
    "міністр",
    "заступник",
    "голов",
    "президент",
    "прем'єр",
    "посол",
    "дипломат",
    "чиновник",
    "посадов",
    "експерт",
    "аналітик",
    "генсек",
    "депутат",
    "губернатор",
    "мер",
    "прокурор",
    "суддя",
    "джерел",
    "керівник",
    "директор",
    "командувач",
    "лідер",
    "спікер",
    "очільни",
];
const UK_ORG: &[&str] = &[
    "відомств",
    "міністерств",
    "уряд",
    "влад",
    "компані",
    "змі",
    "видання",
    "агентств",
    "командуванн",
    "штаб",
    "суд",
    "кремл",
    "адміністраці",
    "служб",
    "армія",
    "армії",
];

/// Per stem list pair (Polish, Russian, Ukrainian): a 64K-bit set of the
/// first two bytes of the stems, or `None` if a stem is shorter than that.
/// Most words start no stem and are answered with one bit.
static STEM_HEADS: LazyLock<[Option<Box<[u64]>>; 3]> = LazyLock::new(|| {
    let heads = |lists: [&[&str]; 2]| {
        let mut bits = vec![0u64; 65536 / 64].into_boxed_slice();
        for p in lists.iter().flat_map(|l| l.iter()) {
            let [b0, b1, ..] = *p.as_bytes() else {
                return None;
            };
            let k = usize::from(b0) << 8 | usize::from(b1);
            bits[k >> 6] |= 1 << (k & 63);
        }
        Some(bits)
    };
    [
        heads([PL_PERSON, PL_ORG]),
        heads([RU_PERSON, RU_ORG]),
        heads([UK_PERSON, UK_ORG]),
    ]
});

/// The role noun a word is, if any (matched on the word's start, so that
/// inflected forms match: `rzecznika`, `министра`, `заступника`).
#[must_use]
pub fn role_noun(lang: Lang, w: &str) -> Option<RoleKind> {
    let (person, org, exact, heads) = match lang {
        Lang::En => (EN_PERSON, EN_ORG, true, None),
        Lang::Pl => (PL_PERSON, PL_ORG, false, STEM_HEADS[0].as_deref()),
        Lang::Ru => (RU_PERSON, RU_ORG, false, STEM_HEADS[1].as_deref()),
        Lang::Uk => (UK_PERSON, UK_ORG, false, STEM_HEADS[2].as_deref()),
        _ => return None,
    };
    let wb = w.as_bytes();
    if let Some(bits) = heads {
        // Every stem has two bytes or more: a word must start with the first two of one.
        let [b0, b1, ..] = *wb else {
            return None;
        };
        let k = usize::from(b0) << 8 | usize::from(b1);
        if bits[k >> 6] & (1 << (k & 63)) == 0 {
            return None;
        }
    }
    let hit = |list: &[&str]| {
        list.iter().any(|p| {
            if exact {
                w == *p
            } else {
                // The first two bytes first: most stems differ there, and
                // `starts_with` is a library call.
                let pb = p.as_bytes();
                let head_ok = match (pb, wb) {
                    ([p0, p1, ..], [w0, w1, ..]) => p0 == w0 && p1 == w1,
                    ([_, _, ..], _) => false,
                    _ => true,
                };
                head_ok && w.starts_with(p) && w.chars().count() <= p.chars().count() + 4
            }
        })
    };
    if hit(person) {
        Some(RoleKind::Person)
    } else if hit(org) {
        Some(RoleKind::Org)
    } else {
        None
    }
}

/// Back-reference openers (`Об этом`, `Про це`, `O tym`): the content of the
/// sentence's cue is the earlier text.
#[must_use]
pub fn back_reference(lang: Lang, a: &str, b: &str) -> bool {
    match lang {
        Lang::Ru => matches!((a, b), ("об", "этом") | ("о", "чем") | ("о", "чём")),
        Lang::Uk => matches!((a, b), ("про", "це") | ("про", "що")),
        Lang::Pl => matches!((a, b), ("o", "tym") | ("o", "czym")),
        _ => false,
    }
}

/// "As X said" openers: `jak`, `как`, `як`.
#[must_use]
pub fn is_as(lang: Lang, w: &str) -> bool {
    match lang {
        Lang::Pl => w == "jak",
        Lang::Ru => w == "как",
        Lang::Uk => w == "як",
        Lang::En => w == "as",
        _ => false,
    }
}

/// Coordinators after which a new attributed clause begins
/// (`, while X said`, `, podczas gdy X stwierdził`).
#[must_use]
pub fn is_clause_coordinator(w: &str) -> bool {
    matches!(
        w,
        "while"
            | "whereas"
            | "but"
            | "and"
            | "podczas"
            | "natomiast"
            | "a"
            | "ale"
            | "zaś"
            | "а"
            | "но"
            | "тогда"
            | "однако"
            | "але"
            | "тоді"
            | "проте"
            | "і"
            | "и"
            | "й"
    )
}

/// English words that show a clause follows a verb without `that`
/// (auxiliaries and modals).
#[must_use]
pub fn is_en_aux(w: &str) -> bool {
    matches!(
        w,
        "is" | "are"
            | "was"
            | "were"
            | "had"
            | "has"
            | "have"
            | "would"
            | "will"
            | "could"
            | "can"
            | "should"
            | "might"
            | "must"
            | "did"
            | "does"
            | "do"
            | "may"
            | "means"
            | "remains"
            | "wants"
            | "needs"
            | "failed"
            | "'s"
            | "isn't"
            | "wasn't"
            | "won't"
            | "didn't"
            | "doesn't"
    )
}

/// English words that may open a clause right after a reporting verb.
#[must_use]
pub fn is_en_clause_opener(w: &str) -> bool {
    matches!(
        w,
        "he" | "she"
            | "it"
            | "they"
            | "we"
            | "i"
            | "you"
            | "there"
            | "the"
            | "a"
            | "an"
            | "this"
            | "these"
            | "those"
            | "its"
            | "his"
            | "her"
            | "their"
            | "our"
            | "no"
            | "some"
            | "all"
            | "any"
            | "many"
            | "most"
            | "if"
            | "more"
            | "only"
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn role_stems_pass_their_filter() {
        for (lang, person, org) in [
            (Lang::Pl, PL_PERSON, PL_ORG),
            (Lang::Ru, RU_PERSON, RU_ORG),
            (Lang::Uk, UK_PERSON, UK_ORG),
        ] {
            for p in person {
                assert_eq!(role_noun(lang, p), Some(RoleKind::Person), "{lang}: {p}");
                let inflected = format!("{p}a");
                assert!(role_noun(lang, &inflected).is_some(), "{lang}: {inflected}");
            }
            for p in org {
                assert!(role_noun(lang, p).is_some(), "{lang}: {p}");
            }
            assert_eq!(role_noun(lang, "x"), None);
            assert_eq!(role_noun(lang, ""), None);
        }
        assert_eq!(role_noun(Lang::Pl, "rzecznika"), Some(RoleKind::Person));
        assert_eq!(role_noun(Lang::Ru, "министра"), Some(RoleKind::Person));
        assert_eq!(role_noun(Lang::Pl, "kot"), None);
    }
}
