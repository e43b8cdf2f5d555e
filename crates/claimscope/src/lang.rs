//! Languages and per-document language identification.

use serde::{Deserialize, Serialize};

use crate::error::{Error, Result};

/// A language claimscope knows. `Und` means undetermined.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Lang {
    /// English.
    En,
    /// Polish.
    Pl,
    /// Russian.
    Ru,
    /// Ukrainian.
    Uk,
    /// Belarusian.
    Be,
    /// German.
    De,
    /// French.
    Fr,
    /// Undetermined.
    Und,
}

impl Lang {
    /// Every language with rules, in a fixed order.
    pub const ALL: [Lang; 7] = [
        Lang::En,
        Lang::Pl,
        Lang::Ru,
        Lang::Uk,
        Lang::Be,
        Lang::De,
        Lang::Fr,
    ];

    /// The ISO 639-1 code (`und` for undetermined).
    #[must_use]
    pub fn code(self) -> &'static str {
        match self {
            Lang::En => "en",
            Lang::Pl => "pl",
            Lang::Ru => "ru",
            Lang::Uk => "uk",
            Lang::Be => "be",
            Lang::De => "de",
            Lang::Fr => "fr",
            Lang::Und => "und",
        }
    }

    /// Parses an ISO 639-1 code (case-insensitive).
    ///
    /// # Errors
    /// [`Error::UnknownLanguage`] for anything else.
    pub fn from_code(code: &str) -> Result<Lang> {
        let c = code.trim().to_ascii_lowercase();
        Ok(match c.as_str() {
            "en" => Lang::En,
            "pl" => Lang::Pl,
            "ru" => Lang::Ru,
            "uk" => Lang::Uk,
            "be" => Lang::Be,
            "de" => Lang::De,
            "fr" => Lang::Fr,
            "und" => Lang::Und,
            _ => return Err(Error::UnknownLanguage(code.to_string())),
        })
    }

    /// True for languages written in Cyrillic.
    #[must_use]
    pub fn is_cyrillic(self) -> bool {
        matches!(self, Lang::Ru | Lang::Uk | Lang::Be)
    }
}

impl std::fmt::Display for Lang {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.code())
    }
}

/// Identifies the language of a document, `Lang::Und` when unsure.
///
/// # Examples
/// ```
/// use claimscope::{detect_language, Lang};
/// assert_eq!(detect_language("Prezydent powiedział, że rozmowy będą kontynuowane w przyszłym tygodniu."), Lang::Pl);
/// ```
#[must_use]
pub fn detect_language(text: &str) -> Lang {
    // Bounded sample: language of a news article is clear from its first few KB.
    let sample = prefix_on_char_boundary(text, 4096);
    let allow = vec![
        whatlang::Lang::Eng,
        whatlang::Lang::Pol,
        whatlang::Lang::Rus,
        whatlang::Lang::Ukr,
        whatlang::Lang::Bel,
        whatlang::Lang::Deu,
        whatlang::Lang::Fra,
    ];
    let detector = whatlang::Detector::with_allowlist(allow);
    match detector.detect(sample) {
        Some(info) if info.confidence() > 0.0 || sample.chars().count() > 20 => match info.lang() {
            whatlang::Lang::Eng => Lang::En,
            whatlang::Lang::Pol => Lang::Pl,
            whatlang::Lang::Rus => Lang::Ru,
            whatlang::Lang::Ukr => Lang::Uk,
            whatlang::Lang::Bel => Lang::Be,
            whatlang::Lang::Deu => Lang::De,
            whatlang::Lang::Fra => Lang::Fr,
            _ => Lang::Und,
        },
        _ => Lang::Und,
    }
}

/// The longest prefix of `text` of at most `max` bytes that ends on a char boundary.
pub(crate) fn prefix_on_char_boundary(text: &str, max: usize) -> &str {
    if text.len() <= max {
        return text;
    }
    let mut end = max;
    while !text.is_char_boundary(end) {
        end -= 1;
    }
    &text[..end]
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn codes_round_trip() {
        for l in Lang::ALL {
            assert_eq!(Lang::from_code(l.code()).ok(), Some(l));
        }
        assert!(Lang::from_code("xx").is_err());
    }

    #[test]
    fn detects_main_languages() {
        assert_eq!(
            detect_language("The president said on Monday that the talks would continue."),
            Lang::En
        );
        assert_eq!(
            detect_language("Пресс-секретарь президента заявил, что переговоры продолжатся."),
            Lang::Ru
        );
        assert_eq!(
            detect_language(
                "Речник президента заявив, що переговори з Україною продовжаться наступного тижня."
            ),
            Lang::Uk
        );
    }

    #[test]
    fn empty_is_und() {
        assert_eq!(detect_language(""), Lang::Und);
    }
}
