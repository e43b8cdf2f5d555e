//! Per-language abbreviation lists (`data/<lang>/abbreviations.txt`), compiled in
//! and parsed once on first use.

use std::sync::LazyLock;

use crate::fasthash::{FastMap, FastSet};

use crate::lang::Lang;

/// How an abbreviation behaves at a possible sentence end.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum AbbrevClass {
    /// Never ends a sentence before a capitalized word ("Dr. Smith", "ul. Polna").
    Title,
    /// Often ends a sentence ("etc.", "r.", "г."): a capitalized word after it starts a new one.
    Final,
}

/// The abbreviations of one language, keyed by their text without the final dot
/// (`"m.in"`, `"U.S"`, `"т.е"`).
#[derive(Debug, Default)]
pub struct Abbreviations {
    map: FastMap<&'static str, AbbrevClass>,
    max_len: usize,
}

impl Abbreviations {
    fn parse(data: &'static str) -> Self {
        let mut map = FastMap::default();
        let mut max_len = 0;
        for line in data.lines() {
            let line = line.trim_end();
            if line.is_empty() || line.starts_with('#') {
                continue;
            }
            let mut cols = line.split('\t');
            let word = cols.next().unwrap_or("").trim();
            let class = match cols.next().map(str::trim) {
                Some("final") => AbbrevClass::Final,
                _ => AbbrevClass::Title,
            };
            let key = word.strip_suffix('.').unwrap_or(word);
            if key.is_empty() || key.contains(' ') {
                continue;
            }
            max_len = max_len.max(key.len());
            map.insert(key, class);
        }
        Abbreviations { map, max_len }
    }

    /// The class of `word` (given without its final dot), if it is an abbreviation.
    /// A lowercase entry also matches the word with its first letter capitalized.
    #[must_use]
    pub fn lookup(&self, word: &str) -> Option<AbbrevClass> {
        if word.is_empty() || word.len() > self.max_len {
            return None;
        }
        if let Some(c) = self.map.get(word) {
            return Some(*c);
        }
        let mut chars = word.chars();
        let first = chars.next()?;
        if !first.is_uppercase() {
            return None;
        }
        // Lowercase the first letter into a small stack buffer (no allocation).
        let mut buf = [0u8; 64];
        let rest = chars.as_str();
        let mut n = 0;
        for l in first.to_lowercase() {
            n += l.encode_utf8(&mut buf[n..]).len();
        }
        if n + rest.len() > buf.len() {
            return None;
        }
        buf[n..n + rest.len()].copy_from_slice(rest.as_bytes());
        let key = std::str::from_utf8(&buf[..n + rest.len()]).ok()?;
        self.map.get(key).copied()
    }

    /// True when `word` is an abbreviation.
    #[must_use]
    pub fn contains(&self, word: &str) -> bool {
        self.lookup(word).is_some()
    }
}

static EN: LazyLock<Abbreviations> =
    LazyLock::new(|| Abbreviations::parse(include_str!("../../data/en/abbreviations.txt")));
static PL: LazyLock<Abbreviations> =
    LazyLock::new(|| Abbreviations::parse(include_str!("../../data/pl/abbreviations.txt")));
static RU: LazyLock<Abbreviations> =
    LazyLock::new(|| Abbreviations::parse(include_str!("../../data/ru/abbreviations.txt")));
static UK: LazyLock<Abbreviations> =
    LazyLock::new(|| Abbreviations::parse(include_str!("../../data/uk/abbreviations.txt")));
static BE: LazyLock<Abbreviations> =
    LazyLock::new(|| Abbreviations::parse(include_str!("../../data/be/abbreviations.txt")));
static DE: LazyLock<Abbreviations> =
    LazyLock::new(|| Abbreviations::parse(include_str!("../../data/de/abbreviations.txt")));
static NONE: LazyLock<Abbreviations> = LazyLock::new(Abbreviations::default);

/// Lowercase words that typically open a sentence (`data/<lang>/sentence_starters.txt`).
#[derive(Debug, Default)]
pub struct Starters {
    set: FastSet<&'static str>,
}

impl Starters {
    fn parse(data: &'static str) -> Self {
        let set = data
            .lines()
            .map(str::trim)
            .filter(|l| !l.is_empty() && !l.starts_with('#'))
            .collect();
        Starters { set }
    }

    /// True when `word` (any case) is a sentence starter.
    #[must_use]
    pub fn contains(&self, word: &str) -> bool {
        !self.set.is_empty() && crate::text::with_to_lowercase(word, |w| self.set.contains(w))
    }
}

macro_rules! starters {
    ($name:ident, $lang:literal) => {
        static $name: LazyLock<Starters> = LazyLock::new(|| {
            Starters::parse(include_str!(concat!(
                "../../data/",
                $lang,
                "/sentence_starters.txt"
            )))
        });
    };
}
starters!(EN_S, "en");
starters!(PL_S, "pl");
starters!(RU_S, "ru");
starters!(UK_S, "uk");
starters!(BE_S, "be");
starters!(DE_S, "de");
static NO_S: LazyLock<Starters> = LazyLock::new(Starters::default);

/// The sentence starters of `lang` (empty for languages without a list).
#[must_use]
pub fn starters(lang: Lang) -> &'static Starters {
    match lang {
        Lang::En => &EN_S,
        Lang::Pl => &PL_S,
        Lang::Ru => &RU_S,
        Lang::Uk => &UK_S,
        Lang::Be => &BE_S,
        Lang::De => &DE_S,
        Lang::Fr | Lang::Und => &NO_S,
    }
}

/// The abbreviation list of `lang` (empty for languages without one).
#[must_use]
pub fn for_lang(lang: Lang) -> &'static Abbreviations {
    match lang {
        Lang::En => &EN,
        Lang::Pl => &PL,
        Lang::Ru => &RU,
        Lang::Uk => &UK,
        Lang::Be => &BE,
        Lang::De => &DE,
        Lang::Fr | Lang::Und => &NONE,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lists_parse_and_match() {
        let pl = for_lang(Lang::Pl);
        assert_eq!(pl.lookup("np"), Some(AbbrevClass::Title));
        assert_eq!(pl.lookup("Np"), Some(AbbrevClass::Title));
        assert_eq!(pl.lookup("m.in"), Some(AbbrevClass::Title));
        assert_eq!(pl.lookup("płk"), Some(AbbrevClass::Title));
        assert_eq!(pl.lookup("r"), Some(AbbrevClass::Final));
        assert_eq!(pl.lookup("kot"), None);
        let ru = for_lang(Lang::Ru);
        assert_eq!(ru.lookup("т.е"), Some(AbbrevClass::Title));
        assert_eq!(ru.lookup("г"), Some(AbbrevClass::Final));
        assert_eq!(ru.lookup("Ул"), Some(AbbrevClass::Title));
        let en = for_lang(Lang::En);
        assert_eq!(en.lookup("U.S"), Some(AbbrevClass::Final));
        assert_eq!(en.lookup("Mr"), Some(AbbrevClass::Title));
        // Capitalized entries do not match lowercase words: "no." is not "No.".
        assert_eq!(en.lookup("no"), None);
        assert!(for_lang(Lang::Uk).contains("вул"));
        assert!(!for_lang(Lang::Fr).contains("etc"));
        assert!(starters(Lang::Pl).contains("Jednak"));
        assert!(starters(Lang::Ru).contains("В"));
        assert!(!starters(Lang::En).contains("Government"));
    }
}
