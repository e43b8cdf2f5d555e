//! The name forms of one gazetteer row: every alias inflected, case-folded,
//! with what the matcher needs to check capitalization.
//!
//! Shared by the runtime (user dictionaries) and `build.rs`, which runs it
//! over the built-in gazetteer at compile time so that building an analyzer
//! does not have to inflect thousands of names.

use super::fold::fold_str;
use super::gazetteer::Entry;
use super::inflect::{Inflector, Who, is_acronym};
use crate::lang::Lang;
use crate::model::ActorType;

/// One generated form.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Form {
    /// The folded form (the matcher's key).
    pub key: String,
    /// The alias language.
    pub lang: Lang,
    /// Not the nominative written in the gazetteer.
    pub inflected: bool,
    /// Bit `i`: word `i` must start upper-case.
    pub caps: u32,
    /// For short acronyms: how many leading letters must be capitals.
    pub acr_len: u8,
    /// `@cs`: the exact surface.
    pub cs: Option<String>,
}

/// All forms of all aliases of `e`.
#[must_use]
pub fn entry_forms(inf: &Inflector, e: &Entry) -> Vec<Form> {
    let who = match (e.kind, e.female) {
        (ActorType::Person, true) => Who::Female,
        (ActorType::Person, false) => Who::Male,
        _ => Who::Thing,
    };
    let mut out: Vec<Form> = Vec::new();
    for a in &e.aliases {
        let forms = if a.form || a.indecl {
            vec![a.text.clone()]
        } else {
            inf.forms(&a.text, a.lang, who)
        };
        let mut caps = 0u32;
        let mut n_words = 0usize;
        for (i, w) in a.text.split(' ').enumerate() {
            n_words += 1;
            if i < 32 && w.chars().next().is_some_and(char::is_uppercase) {
                caps |= 1 << i;
            }
        }
        let acr_len = if n_words == 1 && is_acronym(&a.text) {
            let n = a.text.chars().filter(|c| c.is_alphabetic()).count();
            if n <= 3 {
                u8::try_from(n).unwrap_or(3)
            } else {
                1
            }
        } else {
            0
        };
        for (fi, f) in forms.into_iter().enumerate() {
            let key = fold_str(&f);
            if key.trim().is_empty() {
                continue;
            }
            let inflected = a.form || fi > 0;
            if out
                .iter()
                .any(|x| x.key == key && x.lang == a.lang && x.inflected == inflected)
            {
                continue;
            }
            out.push(Form {
                key,
                lang: a.lang,
                inflected,
                caps,
                acr_len,
                cs: a.cs.then_some(f),
            });
        }
    }
    out
}
