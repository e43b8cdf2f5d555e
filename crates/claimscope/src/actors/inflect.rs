//! Inflection of names from per-language suffix classes (`data/inflect/*.tsv`).
//!
//! Generation: every word of an alias is inflected with the longest matching
//! suffix row for its kind (man, woman, thing); multi-word names take the same
//! case in every word. Reversal (`Inflector::lemmas`) reads the same rows
//! backwards to bring unknown names to the nominative.

use crate::fasthash::FastMap;

use crate::error::{Error, Result};
use crate::lang::Lang;

/// Number of case slots: nom, gen, dat, acc, inst, loc, voc.
pub const CASES: usize = 7;

/// Who a word belongs to, for choosing a suffix row.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Who {
    /// A man's name.
    Male,
    /// A woman's name.
    Female,
    /// Anything else (places, organizations).
    Thing,
}

impl Who {
    fn bit(self) -> u8 {
        match self {
            Who::Male => 1,
            Who::Female => 2,
            Who::Thing => 4,
        }
    }
}

#[derive(Debug, Clone)]
struct Row {
    /// Lowercase suffix; empty for the `*` row.
    suffix: String,
    /// Whole-word exception.
    whole: bool,
    who: u8,
    /// Replacements per case 1.. (gen..voc); `None` = same as nominative.
    cells: [Vec<Option<String>>; CASES - 1],
}

/// The suffix table of one language.
#[derive(Debug, Clone, Default)]
pub struct Table {
    rows: Vec<Row>,
    /// Index: last char of the suffix → row indices (rows with empty suffix under '\0').
    by_last: FastMap<char, Vec<usize>>,
    /// Reverse index: last char of a case ending → (row, ending); whole-word
    /// rows under the form itself.
    by_ending: FastMap<char, Vec<(usize, String)>>,
    by_form: FastMap<String, Vec<usize>>,
    fem: Vec<(String, String)>,
}

impl Table {
    /// Parses a table (format in `data/inflect/README.md`).
    ///
    /// # Errors
    /// [`Error::Data`] naming the file and line of a malformed row.
    pub fn parse(file: &str, content: &str) -> Result<Table> {
        let mut t = Table::default();
        for (i, raw) in content.lines().enumerate() {
            let line = raw.trim_end_matches('\r');
            if line.trim().is_empty() || line.starts_with('#') {
                continue;
            }
            let err = |msg: String| Error::Data {
                file: file.to_string(),
                line: i + 1,
                msg,
            };
            let cols: Vec<&str> = line.split('\t').collect();
            if cols[0] == "@fem" {
                if cols.len() != 3 {
                    return Err(err("@fem needs a suffix and a replacement".into()));
                }
                t.fem.push((cols[1].to_lowercase(), cols[2].to_lowercase()));
                continue;
            }
            if cols.len() != 2 + CASES - 1 {
                return Err(err(format!(
                    "expected {} tab-separated columns, found {}",
                    2 + CASES - 1,
                    cols.len()
                )));
            }
            let (suffix, whole) = match cols[0] {
                "*" => (String::new(), false),
                s if s.starts_with('=') && s.len() > 1 => (s[1..].to_lowercase(), true),
                s if !s.is_empty() => (s.to_lowercase(), false),
                _ => return Err(err("empty suffix".into())),
            };
            let mut who = 0u8;
            for c in cols[1].chars() {
                who |= match c {
                    'm' => 1,
                    'f' => 2,
                    'x' => 4,
                    _ => return Err(err(format!("unknown class letter {c:?} in {:?}", cols[1]))),
                };
            }
            let mut cells: [Vec<Option<String>>; CASES - 1] = Default::default();
            for (k, cell) in cols[2..].iter().enumerate() {
                let cell = cell.trim();
                if cell == "-" {
                    continue;
                }
                for alt in cell.split('/') {
                    cells[k].push(if alt == "=" {
                        None
                    } else {
                        Some(alt.to_lowercase())
                    });
                }
            }
            let idx = t.rows.len();
            for rep in cells.iter().flatten().flatten() {
                if whole {
                    t.by_form.entry(rep.clone()).or_default().push(idx);
                } else if let Some(c) = rep.chars().last() {
                    let v = t.by_ending.entry(c).or_default();
                    if !v.iter().any(|(i, r)| *i == idx && r == rep) {
                        v.push((idx, rep.clone()));
                    }
                }
            }
            let key = suffix.chars().last().unwrap_or('\0');
            t.by_last.entry(key).or_default().push(idx);
            t.rows.push(Row {
                suffix,
                whole,
                who,
                cells,
            });
        }
        Ok(t)
    }

    /// The row for a lowercase word, if any: longest suffix wins, whole-word
    /// exceptions beat suffixes.
    fn row_for(&self, lower: &str, who: Who) -> Option<&Row> {
        let last = lower.chars().last()?;
        let mut best: Option<&Row> = None;
        let cands = self
            .by_last
            .get(&last)
            .into_iter()
            .flatten()
            .chain(self.by_last.get(&'\0').into_iter().flatten());
        for &i in cands {
            let r = &self.rows[i];
            if r.who & who.bit() == 0 {
                continue;
            }
            let ok = if r.whole {
                lower == r.suffix
            } else {
                lower.ends_with(&r.suffix) && lower.len() > r.suffix.len()
            };
            if !ok {
                continue;
            }
            let better = match best {
                None => true,
                Some(b) => (r.whole, r.suffix.len()) > (b.whole, b.suffix.len()),
            };
            if better {
                best = Some(r);
            }
        }
        best
    }

    /// True when a row of the table applies to this lowercase word.
    #[must_use]
    pub fn declines(&self, lower: &str, who: Who) -> bool {
        self.row_for(lower, who).is_some()
    }

    /// All case forms of one word, indexed by case; the nominative is the word.
    /// Keeps the capitalization of the word's stem.
    pub fn word_forms(&self, word: &str, who: Who) -> [Vec<String>; CASES] {
        let mut out: [Vec<String>; CASES] = Default::default();
        out[0].push(word.to_string());
        if is_acronym(word) || inner_capital(word) || word.chars().count() < 2 {
            for o in out.iter_mut().skip(1) {
                o.push(word.to_string());
            }
            return out;
        }
        let lower = word.to_lowercase();
        let Some(row) = self.row_for(&lower, who) else {
            for o in out.iter_mut().skip(1) {
                o.push(word.to_string());
            }
            return out;
        };
        // Stem in original case: drop as many chars as the suffix has.
        let n_suffix = row.suffix.chars().count();
        let n_word = word.chars().count();
        let stem: String = word.chars().take(n_word.saturating_sub(n_suffix)).collect();
        let upper = word.chars().skip(1).all(|c| !c.is_lowercase()) && n_word > 1;
        for (k, alts) in row.cells.iter().enumerate() {
            for alt in alts {
                let f = match alt {
                    None => word.to_string(),
                    Some(rep) => {
                        let rep = if upper {
                            rep.to_uppercase()
                        } else {
                            rep.clone()
                        };
                        if stem.is_empty() {
                            capitalize_like(&rep, word)
                        } else {
                            format!("{stem}{rep}")
                        }
                    }
                };
                if !out[k + 1].contains(&f) {
                    out[k + 1].push(f);
                }
            }
        }
        out
    }

    /// The woman's nominative of a man's surname (`Путин` → `Путина`), if a
    /// `@fem` rule applies.
    pub fn feminine(&self, word: &str) -> Option<String> {
        let lower = word.to_lowercase();
        let (suf, rep) = self
            .fem
            .iter()
            .filter(|(s, _)| lower.ends_with(s.as_str()))
            .max_by_key(|(s, _)| s.len())?;
        let n = word.chars().count() - suf.chars().count();
        let stem: String = word.chars().take(n).collect();
        Some(format!("{stem}{rep}"))
    }

    /// Candidate nominatives of an inflected lowercase word, best first: each
    /// row whose case ending the word carries gives `stem + suffix`.
    /// The word itself (already nominative) comes last unless nothing else fits.
    pub fn lemmas(&self, lower: &str, who: Who) -> Vec<String> {
        let mut cands: Vec<(usize, String)> = Vec::new();
        let last = lower.chars().last().unwrap_or('\0');
        for (ri, rep) in self.by_ending.get(&last).into_iter().flatten() {
            let r = &self.rows[*ri];
            if r.who & who.bit() == 0 || !lower.ends_with(rep.as_str()) {
                continue;
            }
            let stem = &lower[..lower.len() - rep.len()];
            if stem.chars().count() < 2 {
                continue;
            }
            let lemma = format!("{stem}{}", r.suffix);
            // The lemma must itself be inflected by this row (longest-suffix rule).
            let back = self.row_for(&lemma, who);
            if !back.is_some_and(|b| std::ptr::eq(b, r)) {
                continue;
            }
            cands.push((rep.len(), lemma));
        }
        for &ri in self.by_form.get(lower).into_iter().flatten() {
            let r = &self.rows[ri];
            if r.who & who.bit() != 0 {
                cands.push((usize::MAX, r.suffix.clone()));
            }
        }
        cands.sort_by_key(|c| std::cmp::Reverse(c.0));
        let mut out: Vec<String> = Vec::new();
        for (_, l) in cands {
            if !out.contains(&l) {
                out.push(l);
            }
        }
        out
    }
}

/// All-caps word of two letters or more (`NATO`, `МИД`): never inflected by the tables.
#[must_use]
pub fn is_acronym(word: &str) -> bool {
    let letters = word.chars().filter(|c| c.is_alphabetic()).count();
    letters >= 2 && word.chars().all(|c| !c.is_lowercase())
}

/// `PiS`, `McCain`: a capital after the first letter; such words are not
/// inflected by the tables.
#[must_use]
pub fn inner_capital(word: &str) -> bool {
    let cs: Vec<char> = word.chars().collect();
    cs.windows(2)
        .any(|w| w[0].is_lowercase() && w[1].is_uppercase())
}

fn capitalize_like(rep: &str, word: &str) -> String {
    if word.chars().next().is_some_and(char::is_uppercase) {
        let mut cs = rep.chars();
        match cs.next() {
            Some(f) => f.to_uppercase().chain(cs).collect(),
            None => String::new(),
        }
    } else {
        rep.to_string()
    }
}

/// The built-in suffix tables, one per language (empty for en and fr).
#[derive(Debug, Clone, Default)]
pub struct Inflector {
    tables: FastMap<Lang, Table>,
}

const BUILTIN: &[(Lang, &str, &str)] = &[
    (
        Lang::Pl,
        "inflect/pl.tsv",
        include_str!("../../data/inflect/pl.tsv"),
    ),
    (
        Lang::Ru,
        "inflect/ru.tsv",
        include_str!("../../data/inflect/ru.tsv"),
    ),
    (
        Lang::Uk,
        "inflect/uk.tsv",
        include_str!("../../data/inflect/uk.tsv"),
    ),
    (
        Lang::Be,
        "inflect/be.tsv",
        include_str!("../../data/inflect/be.tsv"),
    ),
    (
        Lang::De,
        "inflect/de.tsv",
        include_str!("../../data/inflect/de.tsv"),
    ),
];

impl Inflector {
    /// Loads the built-in tables.
    ///
    /// # Errors
    /// [`Error::Data`] if a built-in table is malformed (a bug).
    pub fn builtin() -> Result<Self> {
        let mut tables = FastMap::default();
        for &(lang, file, content) in BUILTIN {
            tables.insert(lang, Table::parse(file, content)?);
        }
        Ok(Inflector { tables })
    }

    /// The table of a language, if it has one.
    #[must_use]
    pub fn table(&self, lang: Lang) -> Option<&Table> {
        self.tables.get(&lang)
    }

    /// The inflected forms of a (possibly multi-word) name, nominative first,
    /// without duplicates. Words are separated by single spaces. Multi-word
    /// names take the same case in every word. `surname_last` marks person
    /// names whose last word is the surname (for the feminine derivation).
    #[must_use]
    pub fn forms(&self, name: &str, lang: Lang, who: Who) -> Vec<String> {
        let Some(table) = self.tables.get(&lang) else {
            return vec![name.to_string()];
        };
        let mut words: Vec<String> = name.split(' ').map(str::to_string).collect();
        if who == Who::Female && lang != Lang::Pl {
            if let Some(last) = words.last_mut() {
                if let Some(f) = table.feminine(last) {
                    *last = f;
                }
            }
        }
        if lang == Lang::Pl
            && words.len() == 1
            && (is_acronym(&words[0]) || inner_capital(&words[0]))
        {
            let mut out = polish_acronym(&words[0]);
            // TikTok → TikToka: longer mixed-case names decline like other words.
            if !is_acronym(&words[0]) && words[0].chars().count() > 3 {
                for f in table
                    .word_forms(&words[0].to_lowercase(), who)
                    .into_iter()
                    .flatten()
                {
                    let n = words[0].chars().count().min(f.chars().count());
                    let mut g: String = words[0].chars().take(n).collect();
                    g.extend(f.chars().skip(n));
                    if !out.contains(&g) {
                        out.push(g);
                    }
                }
            }
            return out;
        }
        if lang.is_cyrillic() && words.len() == 1 && is_acronym(&words[0]) {
            return cyrillic_acronym(&words[0], lang);
        }
        if words.len() == 1 {
            let mut out: Vec<String> = Vec::with_capacity(8);
            for f in table.word_forms(&words[0], who).into_iter().flatten() {
                if !out.contains(&f) {
                    out.push(f);
                }
            }
            return out;
        }
        let per_word: Vec<[Vec<String>; CASES]> =
            words.iter().map(|w| table.word_forms(w, who)).collect();
        let mut out: Vec<String> = Vec::new();
        // Names of things may end in a genitive complement that does not
        // inflect (`Ministerstwo Obrony Narodowej` → `Ministerstwa Obrony
        // Narodowej`, `Совет Федерации`): besides inflecting every word, also
        // inflect only the first word, and only the first two.
        let mut spans = vec![words.len()];
        if who == Who::Thing {
            spans.extend((1..words.len().min(3)).rev());
        }
        for inflected_words in spans {
            for case in 0..CASES {
                let mut acc: Vec<String> = vec![String::new()];
                for (i, wf) in per_word.iter().enumerate() {
                    let fixed = [words[i].clone()];
                    let alts: &[String] = if i < inflected_words {
                        &wf[case]
                    } else {
                        &fixed
                    };
                    if alts.is_empty() {
                        acc.clear();
                        break;
                    }
                    let mut next = Vec::with_capacity(acc.len() * alts.len());
                    for a in &acc {
                        for w in alts {
                            let mut s = a.clone();
                            if i > 0 {
                                s.push(' ');
                            }
                            s.push_str(w);
                            next.push(s);
                        }
                    }
                    acc = next;
                    if acc.len() > 16 {
                        acc.truncate(16);
                    }
                }
                for s in acc {
                    if !out.contains(&s) {
                        out.push(s);
                    }
                }
            }
        }
        if out.is_empty() {
            out.push(name.to_string());
        }
        out
    }
}

/// Russian, Ukrainian and Belarusian acronyms read as words and ending in a
/// consonant take endings without a hyphen in the press (`МИДа`, `МИДом`);
/// the others (`НАТО`, `США`) are indeclinable.
fn cyrillic_acronym(word: &str, lang: Lang) -> Vec<String> {
    let mut out = vec![word.to_string()];
    let last_consonant = word
        .chars()
        .last()
        .is_some_and(|c| c.is_alphabetic() && !"АЕЁИОУЫЭЮЯІЇЄЎ".contains(c));
    if last_consonant {
        let ends: &[&str] = match lang {
            Lang::Uk => &["у", "а", "ом", "і", "ові"],
            Lang::Be => &["а", "у", "ам", "е"],
            _ => &["а", "у", "ом", "е"],
        };
        for e in ends {
            out.push(format!("{word}{e}"));
        }
    }
    out
}

/// Polish acronyms are mostly indeclinable (`NATO`, `MSZ`, `ONZ`), but some take
/// hyphenated endings (`PiS-u`, `ZUS-owi`); the hyphenated forms are added for all.
fn polish_acronym(word: &str) -> Vec<String> {
    let mut out = vec![word.to_string()];
    if word
        .chars()
        .last()
        .is_some_and(|c| c.is_alphabetic() && !"AEIOUYaeiouy".contains(c))
    {
        for suf in ["-u", "-owi", "-em", "-ie", "-a"] {
            out.push(format!("{word}{suf}"));
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn inf() -> Inflector {
        Inflector::builtin().expect("tables")
    }

    #[test]
    fn polish_people_and_places() {
        let i = inf();
        let f = i.forms("Władimir Putin", Lang::Pl, Who::Male);
        assert!(f.contains(&"Władimira Putina".to_string()), "{f:?}");
        assert!(f.contains(&"Władimirze Putinie".to_string()), "{f:?}");
        let f = i.forms("Łukaszenko", Lang::Pl, Who::Male);
        for w in ["Łukaszenki", "Łukaszence", "Łukaszenkę", "Łukaszenką"] {
            assert!(f.contains(&w.to_string()), "{w} {f:?}");
        }
        let f = i.forms("Unia Europejska", Lang::Pl, Who::Thing);
        assert!(f.contains(&"Unii Europejskiej".to_string()), "{f:?}");
        assert!(f.contains(&"Unią Europejską".to_string()), "{f:?}");
        let f = i.forms("Kijów", Lang::Pl, Who::Thing);
        assert!(f.contains(&"Kijowa".to_string()));
        let f = i.forms("Stany Zjednoczone", Lang::Pl, Who::Thing);
        assert!(f.contains(&"Stanach Zjednoczonych".to_string()), "{f:?}");
        let f = i.forms("Państwo Związkowe", Lang::Pl, Who::Thing);
        assert!(f.contains(&"Państwa Związkowego".to_string()), "{f:?}");
        let f = i.forms("PiS", Lang::Pl, Who::Thing);
        assert!(f.contains(&"PiS-u".to_string()), "{f:?}");
        let f = i.forms("Ministerstwo Obrony Narodowej", Lang::Pl, Who::Thing);
        assert!(
            f.contains(&"Ministerstwa Obrony Narodowej".to_string()),
            "{f:?}"
        );
        let f = i.forms("TikTok", Lang::Pl, Who::Thing);
        assert!(f.contains(&"TikToka".to_string()), "{f:?}");
        let f = i.forms("NATO", Lang::Pl, Who::Thing);
        assert_eq!(f, vec!["NATO".to_string()]);
    }

    #[test]
    fn russian_and_ukrainian() {
        let i = inf();
        let f = i.forms("Лукашенко", Lang::Ru, Who::Male);
        assert_eq!(f, vec!["Лукашенко".to_string()]);
        let f = i.forms("Лукашенко", Lang::Uk, Who::Male);
        assert!(f.contains(&"Лукашенка".to_string()), "{f:?}");
        let f = i.forms("Путин", Lang::Ru, Who::Male);
        assert!(f.contains(&"Путиным".to_string()));
        let f = i.forms("Трамп", Lang::Ru, Who::Male);
        assert!(f.contains(&"Трампом".to_string()));
        let f = i.forms("Київ", Lang::Uk, Who::Thing);
        assert!(f.contains(&"Києва".to_string()));
        let f = i.forms("Путин", Lang::Ru, Who::Female);
        assert!(f.contains(&"Путиной".to_string()), "{f:?}");
        let f = i.forms("Білорусь", Lang::Uk, Who::Thing);
        assert!(f.contains(&"Білоруссю".to_string()), "{f:?}");
    }

    #[test]
    fn no_adjectives_generated() {
        let i = inf();
        let f = i.forms("Rosja", Lang::Pl, Who::Thing);
        assert!(!f.iter().any(|x| x.starts_with("Rosyj")));
        let f = i.forms("Россия", Lang::Ru, Who::Thing);
        assert!(!f.iter().any(|x| x.starts_with("Росси") && x.contains("ск")));
    }

    #[test]
    fn lemmas_reverse() {
        let i = inf();
        let t = i.table(Lang::Pl).expect("pl");
        assert_eq!(
            t.lemmas("kowalskiego", Who::Male)
                .first()
                .map(String::as_str),
            Some("kowalski")
        );
        assert!(
            t.lemmas("pieskowa", Who::Male)
                .contains(&"pieskow".to_string())
        );
        let t = i.table(Lang::Ru).expect("ru");
        assert!(
            t.lemmas("карасиным", Who::Male)
                .contains(&"карасин".to_string())
        );
    }

    #[test]
    fn malformed_table() {
        match Table::parse("x.tsv", "# c\nab\tm\ta\n") {
            Err(Error::Data { file, line, .. }) => {
                assert_eq!(file, "x.tsv");
                assert_eq!(line, 2);
            }
            other => panic!("{other:?}"),
        }
    }
}
