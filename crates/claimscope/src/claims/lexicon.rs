//! Cue lexicons: reporting verbs, reporting nouns and attribution phrases.
//!
//! A lexicon is a TSV file with the header `lemma<TAB>form<TAB>tags`, where
//! `form` is one word or a phrase (words separated by spaces) and `tags` is a
//! `;`-separated list of `key=value` pairs. The keys read here are `pos`
//! (`VERB`, `PHRASE`, `PREP`, `ATTR_NOUN`, `NOUN`), `form` (`past`,
//! `nonpast`, `impersonal`, `adv_part…`), `ptb` (English verb tags), `class`
//! (`say`, `according_to`, `appeal`, `*_impers`, `source_doc`, …), `gend`,
//! `num` and `speaker_in` (the index of the word of a phrase that names the
//! speaker, as in `по его словам`). Lines starting with `#` are comments.

use std::collections::HashMap;

use crate::error::{Error, Result};
use crate::fasthash::{FastMap, hash_str};
use crate::lang::Lang;

/// What a cue does in a sentence.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum CueRole {
    /// A finite reporting verb (`said`, `stwierdził`, `заявил`).
    Verb,
    /// A participle or gerund that adds a second report to a clause
    /// (`adding`, `wskazując`, `заявив`).
    Participle,
    /// An impersonal report (`czytamy`, `сообщается`, `йдеться`).
    Impersonal,
    /// An adverbial attribution (`according to`, `zdaniem`, `по словам`).
    AccordingTo,
    /// A reporting noun (`warning`, `oświadczenie`, `заявление`).
    Noun,
    /// A directive (`urged`, `zaapelował`, `призвал`): never a claim.
    Directive,
}

/// Grammatical gender and number of a verb form, where the language marks it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
pub enum Agreement {
    /// Not marked (present tense, English).
    #[default]
    Any,
    /// Masculine singular.
    Masc,
    /// Feminine singular.
    Fem,
    /// Neuter singular.
    Neut,
    /// Plural.
    Plural,
}

/// One cue form.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Cue {
    /// The lemma (for explanations).
    pub lemma: String,
    /// The normalized words of the form.
    pub words: Vec<String>,
    /// What the cue does.
    pub role: CueRole,
    /// The semantic class (`say`, `warn`, `name`, `accuse`, `cite`, …).
    pub class: String,
    /// Gender and number of the form.
    pub agreement: Agreement,
    /// Index of the word inside a phrase that names the speaker.
    pub speaker_in: Option<usize>,
}

/// The cues of one language, indexed by their first word.
#[derive(Debug, Clone, Default)]
pub struct Lexicon {
    cues: Vec<Cue>,
    by_first: FastMap<String, Vec<usize>>,
    /// Per cue, a fingerprint of its second word (0 for one-word cues): the
    /// many phrases sharing a first word (`по словам`, `по мнению`, …) are
    /// told apart without comparing their words.
    second_fp: Vec<u64>,
    /// A 64K-bit filter of the first words' [`first_sig`]: most words of a
    /// text start no cue, and are passed over without hashing the whole word.
    first_filter: Box<[u64]>,
}

/// A cheap 16-bit signature of a word (length, first, middle and last byte),
/// for [`Lexicon::first_filter`].
fn first_sig(w: &str) -> usize {
    let b = w.as_bytes();
    let n = b.len();
    let Some(&last) = b.last() else {
        return 0;
    };
    let x = (n as u32 & 0xFF)
        | u32::from(b[0]) << 8
        | u32::from(b[n / 2]) << 16
        | u32::from(last) << 24;
    (x.wrapping_mul(0x9E37_79B1) >> 16) as usize
}

/// The fingerprint of a word for [`Lexicon::match_with`].
fn word_fp(w: &str) -> u64 {
    hash_str(w) | 1
}

/// A cue found in a token sequence: tokens `[start, end)`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct CueHit {
    /// First token.
    pub start: usize,
    /// One past the last token.
    pub end: usize,
    /// Index into [`Lexicon::cue`].
    pub cue: usize,
}

impl Lexicon {
    /// The built-in lexicon of a language (empty for languages without one).
    ///
    /// # Errors
    /// [`Error::Data`] if the built-in file is malformed (a bug).
    pub fn builtin(lang: Lang) -> Result<Lexicon> {
        let mut lex = Lexicon::default();
        let (name, data) = match lang {
            Lang::En => ("data/en/cues.tsv", include_str!("../../data/en/cues.tsv")),
            Lang::Pl => ("data/pl/cues.tsv", include_str!("../../data/pl/cues.tsv")),
            Lang::Ru => ("data/ru/cues.tsv", include_str!("../../data/ru/cues.tsv")),
            Lang::Uk => ("data/uk/cues.tsv", include_str!("../../data/uk/cues.tsv")),
            _ => return Ok(lex),
        };
        lex.load(name, data)?;
        Ok(lex)
    }

    /// Adds the cues of a TSV file (see the module docs for the format).
    ///
    /// # Errors
    /// [`Error::Data`] naming the file and line of the first malformed row.
    pub fn load(&mut self, name: &str, data: &str) -> Result<()> {
        for (i, raw) in data.lines().enumerate() {
            let line_no = i + 1;
            let line = raw.trim_end_matches('\r');
            if line.trim().is_empty() || line.trim_start().starts_with('#') {
                continue;
            }
            let err = |msg: String| Error::Data {
                file: name.to_string(),
                line: line_no,
                msg,
            };
            let cols: Vec<&str> = line.split('\t').collect();
            if cols.len() < 2 || cols.len() > 3 {
                return Err(err(format!(
                    "expected `lemma<TAB>form<TAB>tags`, found {} column(s)",
                    cols.len()
                )));
            }
            if line_no == 1 && cols[0] == "lemma" && cols[1] == "form" {
                continue;
            }
            let lemma = cols[0].trim();
            let form = cols[1].trim();
            if lemma.is_empty() || form.is_empty() {
                return Err(err("empty lemma or form".to_string()));
            }
            let mut tags: HashMap<&str, &str> = HashMap::new();
            if let Some(t) = cols.get(2) {
                for kv in t.split(';').map(str::trim).filter(|s| !s.is_empty()) {
                    let Some((k, v)) = kv.split_once('=') else {
                        return Err(err(format!("tag {kv:?} is not key=value")));
                    };
                    tags.insert(k.trim(), v.trim());
                }
            }
            let words: Vec<String> = form
                .split_whitespace()
                .map(crate::text::normalize_word)
                .collect();
            let class = tags.get("class").copied().unwrap_or("say").to_string();
            let pos = tags.get("pos").copied().unwrap_or("VERB");
            let vform = tags.get("form").copied().unwrap_or("");
            let ptb = tags.get("ptb").copied().unwrap_or("");
            let role = if class == "appeal" {
                CueRole::Directive
            } else if class == "according_to" {
                CueRole::AccordingTo
            } else if class == "source_doc" || class.ends_with("_impers") || vform == "impersonal" {
                CueRole::Impersonal
            } else if pos == "NOUN" {
                CueRole::Noun
            } else if vform.starts_with("adv_part") || ptb == "VBG" {
                CueRole::Participle
            } else if matches!(pos, "VERB" | "PHRASE") {
                CueRole::Verb
            } else {
                return Err(err(format!("unknown pos {pos:?} for class {class:?}")));
            };
            // English infinitives and participles (`to say`, `has said`) are handled as verbs.
            let speaker_in = match tags.get("speaker_in") {
                Some(v) => {
                    let k: usize = v
                        .parse()
                        .map_err(|_| err(format!("speaker_in {v:?} is not a number")))?;
                    if k >= words.len() {
                        return Err(err(format!("speaker_in {k} is outside the phrase")));
                    }
                    Some(k)
                }
                None => None,
            };
            let gend = tags.get("gend").copied().unwrap_or("");
            let num = tags.get("num").copied().unwrap_or("");
            let agreement = parse_agreement(gend, num);
            let cue = Cue {
                lemma: lemma.to_string(),
                words,
                role,
                class,
                agreement,
                speaker_in,
            };
            if self
                .cues
                .iter()
                .any(|c| c.words == cue.words && c.role == cue.role)
            {
                continue;
            }
            let idx = self.cues.len();
            if self.first_filter.is_empty() {
                self.first_filter = vec![0u64; 65536 / 64].into_boxed_slice();
            }
            let sig = first_sig(&cue.words[0]);
            self.first_filter[sig >> 6] |= 1 << (sig & 63);
            self.by_first
                .entry(cue.words[0].clone())
                .or_default()
                .push(idx);
            self.second_fp
                .push(cue.words.get(1).map_or(0, |w| word_fp(w)));
            self.cues.push(cue);
        }
        Ok(())
    }

    /// The cue at an index returned in a [`CueHit`].
    #[must_use]
    pub fn cue(&self, idx: usize) -> &Cue {
        &self.cues[idx]
    }

    /// Number of cue forms.
    #[must_use]
    pub fn len(&self) -> usize {
        self.cues.len()
    }

    /// True when the lexicon has no cue.
    #[must_use]
    pub fn is_empty(&self) -> bool {
        self.cues.is_empty()
    }

    /// The longest cue starting at word `i` of `norms` (normalized words;
    /// `None` marks a token that is not a word).
    #[must_use]
    pub fn match_at(&self, norms: &[Option<String>], i: usize) -> Option<CueHit> {
        self.match_with(norms.len(), i, |k| norms.get(k).and_then(Option::as_deref))
    }

    /// As [`Lexicon::match_at`], over `n` tokens whose normalized word `word`
    /// gives (`None` for a token that is not a word; only called below `n`).
    pub(crate) fn match_with<'w>(
        &self,
        n_toks: usize,
        i: usize,
        word: impl Fn(usize) -> Option<&'w str>,
    ) -> Option<CueHit> {
        if i >= n_toks {
            return None;
        }
        let first = word(i)?;
        let sig = first_sig(first);
        if self
            .first_filter
            .get(sig >> 6)
            .is_none_or(|&bits| bits & (1 << (sig & 63)) == 0)
        {
            return None;
        }
        let cands = self.by_first.get(first)?;
        let mut best: Option<CueHit> = None;
        // The second word's fingerprint, computed once (0: no word there).
        let mut second: Option<u64> = None;
        for &ci in cands {
            let c = &self.cues[ci];
            let n = c.words.len();
            if i + n > n_toks {
                continue;
            }
            if n > 1 {
                let fp = *second.get_or_insert_with(|| word(i + 1).map_or(0, word_fp));
                if fp != self.second_fp[ci] {
                    continue;
                }
            }
            let ok = c
                .words
                .iter()
                .enumerate()
                .all(|(k, w)| word(i + k) == Some(w.as_str()));
            if ok {
                let better = match best {
                    None => true,
                    Some(b) => {
                        let bl = b.end - b.start;
                        n > bl || (n == bl && role_rank(c.role) > role_rank(self.cues[b.cue].role))
                    }
                };
                if better {
                    best = Some(CueHit {
                        start: i,
                        end: i + n,
                        cue: ci,
                    });
                }
            }
        }
        best
    }
}

fn role_rank(r: CueRole) -> u8 {
    match r {
        CueRole::Directive => 0,
        CueRole::Noun => 1,
        CueRole::Participle => 2,
        CueRole::Impersonal => 3,
        CueRole::AccordingTo => 4,
        CueRole::Verb => 5,
    }
}

fn parse_agreement(gend: &str, num: &str) -> Agreement {
    let plural = matches!(num, "pl" | "plur");
    match gend {
        "f" | "femn" => Agreement::Fem,
        "n" | "neut" => Agreement::Neut,
        "plur" => Agreement::Plural,
        g if g.starts_with("m1.m2") || g == "masc" => Agreement::Masc,
        _ if plural => Agreement::Plural,
        g if !g.is_empty() && plural => Agreement::Plural,
        _ => Agreement::Any,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn norms(s: &str) -> Vec<Option<String>> {
        s.split_whitespace()
            .map(|w| Some(crate::text::normalize_word(w)))
            .collect()
    }

    #[test]
    fn builtin_lexicons_load() {
        for l in [Lang::En, Lang::Pl, Lang::Ru, Lang::Uk] {
            let lex = Lexicon::builtin(l).expect("builtin");
            assert!(lex.len() > 250, "{l}: {}", lex.len());
        }
        assert!(Lexicon::builtin(Lang::De).expect("de").is_empty());
    }

    #[test]
    fn every_cue_is_found_through_the_first_word_filter() {
        for l in [Lang::En, Lang::Pl, Lang::Ru, Lang::Uk] {
            let lex = Lexicon::builtin(l).expect("builtin");
            for c in &lex.cues {
                let n: Vec<Option<String>> = c.words.iter().map(|w| Some(w.clone())).collect();
                let hit = lex.match_at(&n, 0);
                assert!(
                    hit.is_some_and(|h| h.end == c.words.len()),
                    "{l}: {:?}",
                    c.words
                );
            }
        }
    }

    #[test]
    fn longest_match_and_agreement() {
        let lex = Lexicon::builtin(Lang::Pl).expect("pl");
        let n = norms("Jak zwrócił uwagę premier");
        let hit = lex.match_at(&n, 1).expect("hit");
        assert_eq!((hit.start, hit.end), (1, 3));
        assert_eq!(lex.cue(hit.cue).agreement, Agreement::Masc);
        let n = norms("Stwierdziła");
        let hit = lex.match_at(&n, 0).expect("hit");
        assert_eq!(lex.cue(hit.cue).agreement, Agreement::Fem);
        let ru = Lexicon::builtin(Lang::Ru).expect("ru");
        let n = norms("По его словам ,");
        let hit = ru.match_at(&n, 0).expect("hit");
        assert_eq!(hit.end, 3);
        assert_eq!(ru.cue(hit.cue).speaker_in, Some(1));
        assert_eq!(ru.cue(hit.cue).role, CueRole::AccordingTo);
        let uk = Lexicon::builtin(Lang::Uk).expect("uk");
        let n = norms("заявила");
        let hit = uk.match_at(&n, 0).expect("hit");
        assert_eq!(uk.cue(hit.cue).agreement, Agreement::Fem);
    }

    #[test]
    fn directives_are_marked() {
        let ru = Lexicon::builtin(Lang::Ru).expect("ru");
        let n = norms("призвал");
        let hit = ru.match_at(&n, 0).expect("hit");
        assert_eq!(ru.cue(hit.cue).role, CueRole::Directive);
    }

    #[test]
    fn malformed_rows_name_the_line() {
        let mut lex = Lexicon::default();
        let bad = "lemma\tform\ttags\nsay\tsaid\tpos=VERB\nsay\n";
        match lex.load("user.tsv", bad) {
            Err(Error::Data { file, line, .. }) => {
                assert_eq!(file, "user.tsv");
                assert_eq!(line, 3);
            }
            other => panic!("unexpected {other:?}"),
        }
        let bad_tag = "say\tsaid\tpos\n";
        assert!(matches!(
            Lexicon::default().load("u.tsv", bad_tag),
            Err(Error::Data { line: 1, .. })
        ));
        let bad_idx = "x\tpo jego\tclass=according_to;speaker_in=5\n";
        assert!(Lexicon::default().load("u.tsv", bad_idx).is_err());
    }
}
