//! Small per-language word lists used around names: role nouns, first names,
//! reporting verbs, organization head nouns and capitalized function words.

use crate::fasthash::{FastMap, FastSet};

use super::inflect::{Inflector, Who};
use crate::error::Result;
use crate::lang::Lang;

/// The word lists of one language (lowercase).
#[derive(Debug, Clone, Default)]
pub struct Lists {
    /// Role nouns in every generated case form.
    pub(crate) roles: FastSet<String>,
    /// First names, nominative.
    pub(crate) first: FastSet<&'static str>,
    /// Reporting-verb forms.
    pub(crate) verbs: FastSet<&'static str>,
    /// Organization head nouns, nominative.
    pub(crate) org_heads: FastSet<&'static str>,
    /// Capitalized words that never start a name.
    pub(crate) stop: FastSet<&'static str>,
}

/// All languages' lists.
#[derive(Debug, Clone, Default)]
pub struct Lexicon {
    by_lang: FastMap<Lang, Lists>,
    /// The role nouns of all languages together.
    all_roles: FastSet<String>,
    /// The first names of all languages together.
    all_first: FastSet<&'static str>,
}

macro_rules! lang_files {
    ($l:literal) => {
        [
            include_str!(concat!("../../data/", $l, "/roles.txt")),
            include_str!(concat!("../../data/", $l, "/first_names.txt")),
            include_str!(concat!("../../data/", $l, "/report_verbs.txt")),
            include_str!(concat!("../../data/", $l, "/org_heads.txt")),
            include_str!(concat!("../../data/", $l, "/stop.txt")),
        ]
    };
}

fn words(content: &'static str) -> impl Iterator<Item = &'static str> {
    content
        .lines()
        .map(str::trim)
        .filter(|l| !l.is_empty() && !l.starts_with('#'))
}

impl Lexicon {
    /// Loads the built-in lists; role nouns are inflected with `inf`.
    ///
    /// # Errors
    /// Never in practice; kept for symmetry with the other loaders.
    pub fn builtin(inf: &Inflector) -> Result<Self> {
        let mut by_lang = FastMap::default();
        for (lang, files) in [
            (Lang::En, lang_files!("en")),
            (Lang::Pl, lang_files!("pl")),
            (Lang::Ru, lang_files!("ru")),
            (Lang::Uk, lang_files!("uk")),
        ] {
            let [roles, first, verbs, heads, stop] = files;
            let mut l = Lists::default();
            for w in words(roles) {
                let w = w.to_lowercase();
                for who in [Who::Male, Who::Thing] {
                    for f in inf.forms(&w, lang, who) {
                        l.roles.insert(f);
                    }
                }
                // Plural of English roles (spokesmen are rare next to one name; keep singular).
                l.roles.insert(w);
            }
            // The lists are written in lower case.
            l.first = words(first).collect();
            l.verbs = words(verbs).collect();
            l.org_heads = words(heads).collect();
            l.stop = words(stop).collect();
            by_lang.insert(lang, l);
        }
        let all_roles = by_lang
            .values()
            .flat_map(|l| l.roles.iter().cloned())
            .collect();
        let all_first = by_lang
            .values()
            .flat_map(|l| l.first.iter().copied())
            .collect();
        Ok(Lexicon {
            by_lang,
            all_roles,
            all_first,
        })
    }

    /// The lists of a language; Belarusian uses the Russian ones, others English.
    #[must_use]
    pub fn get(&self, lang: Lang) -> Option<&Lists> {
        let l = match lang {
            Lang::Be => Lang::Ru,
            Lang::De | Lang::Fr | Lang::Und => Lang::En,
            l => l,
        };
        self.by_lang.get(&l)
    }

    /// True when `lower` is a first name (nominative) in any language.
    #[must_use]
    pub fn is_first_name(&self, lower: &str) -> bool {
        self.all_first.contains(lower)
    }

    /// True when `lower` is a role noun in any language.
    #[must_use]
    pub fn is_role(&self, lower: &str) -> bool {
        self.all_roles.contains(lower)
    }
}
