//! Property tests of the whole pipeline: span invariants, code-point round trip,
//! determinism, on generated news-like text in four languages.

#![allow(clippy::expect_used, clippy::unwrap_used)]
use claimscope::{AnalyzeOptions, Analyzer, Lang, OffsetIndex, OutputFields, Span};
use proptest::prelude::*;
use std::sync::LazyLock;

static ANALYZER: LazyLock<Analyzer> = LazyLock::new(|| Analyzer::new().expect("analyzer"));

/// Pieces that exercise the rules: names, cues, quotes, dashes, odd characters.
const PIECES: &[&str] = &[
    "Putin",
    "Łukaszenko",
    "Лукашенко",
    "Зеленський",
    "ISW",
    "the Kremlin",
    "Pieskow",
    "Песков",
    "said",
    "stwierdził",
    "заявил",
    "заявив",
    "według",
    "по словам",
    "that",
    "że",
    "iż",
    "что",
    "що",
    "\"",
    "„",
    "”",
    "«",
    "»",
    "“",
    "‘",
    "’",
    "'",
    " - ",
    " — ",
    " – ",
    ": ",
    ", ",
    ".",
    "...",
    "…",
    "?",
    "!",
    "(",
    ")",
    "\n",
    "\n\n",
    " ",
    " ",
    "\u{00A0}",
    "\u{202F}",
    "\u{00AD}",
    "\u{200B}",
    "\u{200D}",
    "\u{202E}",
    "\u{0301}",
    "👍🏽",
    "👨‍👩‍👧",
    "北京",
    "שלום",
    "\r\n",
    "\t",
    "\0",
    "1 300",
    "S-400",
    "m.in.",
    "U.S.",
    "e.g.",
    "т.е.",
    "https://example.com/a?b=1",
    "a@b.pl",
    "#tag",
    "@user",
    "Reklama\n",
    "Czytaj więcej ",
    "İstanbul",
    "STRASSE",
    "ß",
    "ﬁ",
];

fn text_strategy() -> impl Strategy<Value = String> {
    prop_oneof![
        prop::collection::vec(prop::sample::select(PIECES), 0..60).prop_map(|v| v.concat()),
        any::<String>(),
        prop::collection::vec(
            prop_oneof![
                prop::sample::select(PIECES).prop_map(str::to_string),
                any::<String>()
            ],
            0..20
        )
        .prop_map(|v| v.concat()),
    ]
}

fn lang_strategy() -> impl Strategy<Value = Option<Lang>> {
    prop_oneof![
        Just(None),
        prop::sample::select(Lang::ALL.to_vec()).prop_map(Some)
    ]
}

fn valid(text: &str, s: Span) -> bool {
    s.start <= s.end
        && s.end() <= text.len()
        && text.is_char_boundary(s.start())
        && text.is_char_boundary(s.end())
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 400, ..ProptestConfig::default() })]

    #[test]
    fn spans_valid_and_deterministic(text in text_strategy(), lang in lang_strategy()) {
        let analyzer = &*ANALYZER;
        let opts = AnalyzeOptions { id: Some("p".into()), lang };
        let doc = analyzer.analyze(&text, &opts).expect("analyze");
        prop_assert_eq!(&doc.text, &text);
        for t in &doc.tokens {
            prop_assert!(valid(&text, t.span) && !t.span.is_empty(), "token {:?}", t);
        }
        for w in doc.tokens.windows(2) {
            prop_assert!(w[0].span.end <= w[1].span.start, "tokens overlap {:?}", w);
        }
        for s in &doc.sentences {
            prop_assert!(valid(&text, s.span));
            prop_assert!(s.first_token <= s.end_token && s.end_token as usize <= doc.tokens.len());
        }
        for w in doc.sentences.windows(2) {
            prop_assert!(w[0].span.end <= w[1].span.start, "sentences overlap");
        }
        for a in &doc.actors {
            prop_assert!(!a.mentions.is_empty());
            for m in &a.mentions {
                prop_assert!(valid(&text, m.span) && !m.span.is_empty());
            }
        }
        for c in &doc.claims {
            prop_assert!(valid(&text, c.content));
            if let Some(cue) = c.cue { prop_assert!(valid(&text, cue)); }
            if let Some(sp) = c.speaker.as_ref().and_then(|s| s.span) { prop_assert!(valid(&text, sp)); }
        }
        // Deterministic: the same input gives the same document.
        let again = analyzer.analyze(&text, &opts).expect("analyze");
        prop_assert_eq!(&doc, &again);
        // Code points at the boundary agree with Rust's own char counting.
        let out = doc.to_output(OutputFields { tokens: true, sentences: true, text: false });
        let idx = OffsetIndex::new(&text);
        for (t, [s, e]) in doc.tokens.iter().zip(out.tokens.unwrap_or_default()) {
            prop_assert_eq!(s, text[..t.span.start()].chars().count());
            prop_assert_eq!(e, text[..t.span.end()].chars().count());
            prop_assert_eq!(idx.to_byte(s), t.span.start());
        }
    }
}
