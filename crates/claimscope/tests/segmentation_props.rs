//! Property tests of the tokenizer and the sentence splitter on arbitrary
//! Unicode input, with extra weight on the characters that break tokenizers:
//! CRLF, NBSP, narrow NBSP, zero-width characters, soft hyphens, combining
//! marks, bidi marks, emoji with modifiers and joiners, every quotation mark,
//! apostrophes, dots and dashes.

#![allow(clippy::expect_used, clippy::unwrap_used)]

use claimscope::{Lang, OffsetIndex, TokenKind, sentence, tokenize};
use proptest::prelude::*;

const TRICKY: &[&str] = &[
    "\r\n",
    "\n",
    "\n\n",
    " ",
    "\u{00A0}",
    "\u{202F}",
    "\u{2009}",
    "\u{200B}",
    "\u{200C}",
    "\u{200D}",
    "\u{00AD}",
    "\u{0301}",
    "\u{0483}",
    "\u{200E}",
    "\u{200F}",
    "\u{202E}",
    "\u{FEFF}",
    "\u{2066}",
    "👍🏽",
    "👨‍👩‍👧",
    "🇵🇱",
    "1️⃣",
    "❤️",
    "„",
    "”",
    "“",
    "«",
    "»",
    "‚",
    "‘",
    "’",
    "‹",
    "›",
    "\"",
    "'",
    "ʼ",
    ".",
    "...",
    "…",
    "!",
    "?",
    "-",
    "–",
    "—",
    "(",
    ")",
    "[",
    "]",
    "@",
    "#",
    "&#39;",
    "&",
    "http://",
    "www.",
    "://",
    "@x.pl",
    "1 300",
    "3,5",
    "12:30",
    "Dr.",
    "U.S.",
    "m.in.",
    "np.",
    "г.",
    "т.е.",
    "р.",
    "r.",
    "W.",
    "А.",
    "м'ясо",
    "об’єкт",
    "don't",
    "it's",
    "S-400",
    "e-mail",
    "Łódź",
    "Пyтин",
    "北京",
    "a",
    "Z",
    "7",
    ":)",
    "$$$",
    "_",
    "°",
    "N°",
    "\u{0000}",
    "\u{7F}",
    "\u{85}",
    "\u{2028}",
    "\t",
];

fn tricky_text() -> impl Strategy<Value = String> {
    let piece = prop_oneof![
        3 => proptest::sample::select(TRICKY).prop_map(str::to_string),
        2 => "[a-zA-Ząęłńóśźżа-яёіїєґў0-9]{1,8}",
        1 => any::<char>().prop_map(|c| c.to_string()),
    ];
    proptest::collection::vec(piece, 0..40).prop_map(|v| v.concat())
}

fn lang() -> impl Strategy<Value = Lang> {
    let mut all = Lang::ALL.to_vec();
    all.push(Lang::Und);
    proptest::sample::select(all)
}

fn check(text: &str, lang: Lang) {
    let toks = tokenize(text, lang);
    let mut prev_end = 0usize;
    for t in &toks {
        let (s, e) = (t.span.start(), t.span.end());
        assert!(s < e, "empty token {t:?} in {text:?}");
        assert!(
            s >= prev_end,
            "overlapping or unsorted tokens in {text:?}: {toks:?}"
        );
        assert!(e <= text.len(), "token past the end in {text:?}");
        assert!(
            text.is_char_boundary(s) && text.is_char_boundary(e),
            "token off a char boundary in {text:?}"
        );
        let piece = t.text(text);
        assert!(!piece.is_empty());
        assert!(
            !piece.starts_with(char::is_whitespace),
            "token starts with whitespace: {piece:?} in {text:?}"
        );
        if t.kind == TokenKind::Word || t.kind == TokenKind::Number {
            assert!(
                !piece.contains(char::is_whitespace) || piece.chars().any(|c| c.is_ascii_digit()),
                "word with whitespace: {piece:?}"
            );
        }
        prev_end = e;
    }
    let sents = sentence::split(text, &toks, lang);
    let mut next = 0u32;
    let mut prev_end = 0usize;
    for s in &sents {
        assert_eq!(
            s.first_token, next,
            "sentences do not tile the tokens in {text:?}"
        );
        assert!(s.end_token > s.first_token, "empty sentence in {text:?}");
        let first = toks[s.first_token as usize];
        let last = toks[s.end_token as usize - 1];
        assert_eq!(s.span.start(), first.span.start());
        assert_eq!(s.span.end(), last.span.end());
        assert!(s.span.start() >= prev_end);
        prev_end = s.span.end();
        next = s.end_token;
    }
    assert_eq!(
        next as usize,
        toks.len(),
        "sentences miss tokens in {text:?}"
    );
    assert!(sents.first().is_none_or(|s| s.paragraph_start));

    // Code-point offsets round-trip.
    let idx = OffsetIndex::new(text);
    let cps: Vec<usize> = text.char_indices().map(|(b, _)| b).collect();
    for t in &toks {
        let (cs, ce) = idx.span(t.span);
        assert_eq!(idx.to_byte(cs), t.span.start());
        assert_eq!(idx.to_byte(ce), t.span.end());
        assert_eq!(cps.get(cs).copied().unwrap_or(text.len()), t.span.start());
        let via_chars: String = text.chars().skip(cs).take(ce - cs).collect();
        assert_eq!(via_chars, t.text(text));
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(2000))]

    #[test]
    fn tokens_and_sentences_are_consistent(text in tricky_text(), lang in lang()) {
        check(&text, lang);
    }

    #[test]
    fn arbitrary_strings_do_not_panic(text in any::<String>(), lang in lang()) {
        check(&text, lang);
        let _ = claimscope::detect_language(&text);
    }
}

#[test]
fn invisible_characters_stay_inside_words() {
    let text = "Ku\u{00AD}ba wo\u{200D}rd e\u{0301}te м'ясо об’єкт мʼясо\r\nNBSP\u{00A0}x";
    let toks: Vec<&str> = tokenize(text, Lang::Uk)
        .iter()
        .map(|t| t.text(text))
        .collect();
    assert_eq!(
        toks,
        [
            "Ku\u{00AD}ba",
            "wo\u{200D}rd",
            "e\u{0301}te",
            "м'ясо",
            "об’єкт",
            "мʼясо",
            "NBSP",
            "x"
        ]
    );
    check(text, Lang::Uk);
}
