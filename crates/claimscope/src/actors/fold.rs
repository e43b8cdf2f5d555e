//! A case-folded view of a text with a map back to the original bytes.
//!
//! Folding: Unicode lowercase, `ё`→`е` (and `Ё`), typographic apostrophes →
//! `'`, ignorable characters (soft hyphen, zero-width, bidi) dropped, runs of
//! whitespace → one space, the combining dot that `İ` lowercases to dropped.
//! Offsets found in the folded copy are mapped back with [`Folded::orig_span`];
//! the folded copy's offsets are never reported.

use std::sync::LazyLock;

use crate::text::is_ignorable;

/// The folded text and its offset map.
///
/// Most chars fold to the same number of bytes (ASCII, basic Cyrillic,
/// Latin-1 and Latin Extended-A letters), so the map is kept sparse: a list
/// of shifts (from folded byte `out` on, a char at folded byte `i` came from
/// original byte `i + delta`) and a list of the units that do not follow that
/// rule (a char whose folded length differs, a run of whitespace).
#[derive(Debug, Clone, Default)]
pub struct Folded {
    /// The folded text.
    pub text: String,
    /// `(out, delta)`, sorted by `out`: the shift from folded byte `out` on.
    shifts: Vec<(usize, i64)>,
    /// Irregular units, sorted: folded bytes `out.0..out.1` came from original
    /// bytes `orig.0..orig.1`.
    units: Vec<Unit>,
    /// The original text's length.
    orig_len: usize,
}

/// A place in a [`Folded`]'s map, for look-ups in increasing order
/// ([`Folded::orig_from`]).
#[derive(Debug, Clone, Copy, Default)]
pub struct Cursor {
    unit: usize,
    shift: usize,
    delta: i64,
}

#[derive(Debug, Clone, Copy)]
struct Unit {
    out: (usize, usize),
    orig: (usize, usize),
}

/// Builds a [`Folded`]: the folded bytes and the sparse map.
struct Builder {
    out: String,
    shifts: Vec<(usize, i64)>,
    units: Vec<Unit>,
    delta: i64,
}

impl Builder {
    /// Called before the output of the char (or run) that starts at original
    /// byte `orig` is appended: records a shift if it does not follow.
    #[inline(always)]
    fn at(&mut self, orig: usize) {
        let o = self.out.len();
        let d = orig as i64 - o as i64;
        if d != self.delta {
            self.delta = d;
            match self.shifts.last_mut() {
                Some(last) if last.0 == o => last.1 = d,
                _ => self.shifts.push((o, d)),
            }
        }
    }

    /// Records the unit just appended from `out_start` as irregular.
    fn unit(&mut self, out_start: usize, orig: (usize, usize)) {
        self.units.push(Unit {
            out: (out_start, self.out.len()),
            orig,
        });
    }
}

/// Letter or digit (`char::is_alphanumeric`): by range for ASCII, Latin-1,
/// Latin Extended-A and basic Cyrillic, from a bit table below U+3000.
#[inline]
#[must_use]
pub fn is_word_char(c: char) -> bool {
    let u = c as u32;
    if u < 0x80 {
        return c.is_ascii_alphanumeric();
    }
    if (0x400..=0x45F).contains(&u) || ((0xC0..=0x17F).contains(&u) && u != 0xD7 && u != 0xF7) {
        return true;
    }
    ALNUM.get(u).unwrap_or_else(|| c.is_alphanumeric())
}

/// A char property of every char below [`CharBits::END`] (Greek, Hebrew,
/// Arabic, Indic and other scripts) as bits, filled from the standard
/// library's answer on first use (its look-ups are binary searches).
pub(crate) struct CharBits(Box<[u64]>);

impl CharBits {
    /// Chars below this are in the table.
    pub(crate) const END: u32 = 0x3000;

    pub(crate) fn new(property: fn(char) -> bool) -> CharBits {
        let mut bits = vec![0u64; (Self::END / 64) as usize];
        for u in 0..Self::END {
            if char::from_u32(u).is_some_and(property) {
                bits[(u >> 6) as usize] |= 1 << (u & 63);
            }
        }
        CharBits(bits.into_boxed_slice())
    }

    /// The property of code point `u`, if it is in the table.
    #[inline]
    pub(crate) fn get(&self, u: u32) -> Option<bool> {
        (u < Self::END).then(|| self.0[(u >> 6) as usize] & (1 << (u & 63)) != 0)
    }
}

/// `char::is_alphanumeric` below U+3000.
static ALNUM: LazyLock<CharBits> = LazyLock::new(|| CharBits::new(char::is_alphanumeric));

#[inline(always)]
fn push_char(out: &mut String, c: char) {
    let u = c as u32;
    // Fast paths with the same result as the general rule below.
    if u < 0x80 {
        out.push(match c {
            'A'..='Z' => c.to_ascii_lowercase(),
            '`' => '\'',
            _ => c,
        });
        return;
    }
    match u {
        // А–Я → а–я; а–я, ђ–џ unchanged; Ѐ–Џ → ѐ–џ; ё, Ё → е.
        0x401 | 0x451 => {
            out.push('е');
            return;
        }
        0x410..=0x42F => {
            out.push(char::from_u32(u + 0x20).unwrap_or(c));
            return;
        }
        0x400..=0x40F => {
            out.push(char::from_u32(u + 0x50).unwrap_or(c));
            return;
        }
        // Latin-1 and Latin Extended-A: capitals are one below their small
        // letter (À–Þ 0x20 below); `İ` lowercases to two chars.
        0xC0..=0xDE if u != 0xD7 => {
            out.push(char::from_u32(u + 0x20).unwrap_or(c));
            return;
        }
        0xDF..=0xFF | 0x138 | 0x149 | 0x17F => {
            out.push(c);
            return;
        }
        0x100..=0x12F | 0x132..=0x137 | 0x14A..=0x177 => {
            out.push(char::from_u32(u | 1).unwrap_or(c));
            return;
        }
        0x139..=0x148 | 0x179..=0x17E => {
            out.push(char::from_u32(u + (u & 1)).unwrap_or(c));
            return;
        }
        0x178 => {
            out.push('ÿ');
            return;
        }
        // Lower-case Cyrillic; Hebrew, Arabic, Syriac, Thaana, N'Ko and the
        // other caseless scripts up to U+08FF (U+0590–U+08FF).
        0x430..=0x45F | 0x590..=0x8FF => {
            out.push(c);
            return;
        }
        _ => {}
    }
    match c {
        'ё' => out.push('е'),
        '\u{2019}' | '\u{02BC}' | '\u{2018}' | '`' | '\u{00B4}' | '\u{2032}' => out.push('\''),
        '\u{0307}' => {}
        _ => {
            if c.is_lowercase() || !c.is_alphabetic() {
                out.push(c);
            } else {
                for l in c.to_lowercase() {
                    if l == '\u{0307}' {
                        continue;
                    }
                    out.push(if l == 'ё' { 'е' } else { l });
                }
            }
        }
    }
}

/// Folds a name or pattern the same way as a text (no map).
#[must_use]
pub fn fold_str(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut prev_space = false;
    for c in s.chars() {
        if is_ignorable(c) {
            continue;
        }
        if c.is_whitespace() {
            if !prev_space {
                out.push(' ');
            }
            prev_space = true;
        } else {
            push_char(&mut out, c);
            prev_space = false;
        }
    }
    out
}

/// Bytes that end a run of plain ASCII in [`fold`]: non-ASCII, `` ` `` and
/// whitespace other than the space.
const RUN_STOP: [bool; 256] = {
    let mut t = [false; 256];
    let mut b = 0;
    while b < 256 {
        t[b] = b >= 0x80 || b == b'`' as usize || (b >= b'\t' as usize && b <= b'\r' as usize);
        b += 1;
    }
    t
};

/// Folds a text.
#[must_use]
pub fn fold(text: &str) -> Folded {
    let mut f = Builder {
        out: String::with_capacity(text.len()),
        shifts: Vec::new(),
        units: Vec::new(),
        delta: 0,
    };
    let mut prev_space = false;
    let bytes = text.as_bytes();
    let mut b = 0usize;
    while b < bytes.len() {
        let byte = bytes[b];
        // Fast paths, with the same result as the general rule below.
        if byte < 0x80 {
            let ws = matches!(byte, b'\t'..=b'\r' | b' ');
            if ws && prev_space {
                // Whitespace after whitespace: the space's unit covers it.
                extend_space(&mut f, b + 1);
                b += 1;
                continue;
            }
            if ws || byte == b'`' {
                f.at(b);
                f.out.push(if ws { ' ' } else { '\'' });
                prev_space = ws;
                b += 1;
                continue;
            }
            // A run of other ASCII (most bytes of most texts) and single
            // spaces: copied, then lowercased in place.
            let mut r = b;
            let mut space = false;
            while let Some(&x) = bytes.get(r) {
                if RUN_STOP[usize::from(x)] || (x == b' ' && space) {
                    break;
                }
                space = x == b' ';
                r += 1;
            }
            f.at(b);
            let o = f.out.len();
            f.out.push_str(&text[b..r]);
            f.out[o..].make_ascii_lowercase();
            prev_space = space;
            b = r;
            continue;
        }
        // Basic Cyrillic (U+0400–U+045F): two bytes in, two bytes out.
        if matches!(byte, 0xD0 | 0xD1) {
            if let Some(&next) = bytes.get(b + 1) {
                let u = (u32::from(byte & 0x1F) << 6) | u32::from(next & 0x3F);
                if u <= 0x45F {
                    let l = match u {
                        0x401 | 0x451 => 0x435,
                        0x410..=0x42F => u + 0x20,
                        0x400..=0x40F => u + 0x50,
                        _ => u,
                    };
                    f.at(b);
                    f.out.push(char::from_u32(l).unwrap_or('\u{FFFD}'));
                    prev_space = false;
                    b += 2;
                    continue;
                }
            }
        }
        let Some(c) = text[b..].chars().next() else {
            break;
        };
        let next = b + c.len_utf8();
        // Two-byte letters of Latin-1, Latin Extended-A and basic Cyrillic
        // (lead bytes C3–C5, D0–D1: U+00C0–U+017F, U+0400–U+047F) are never
        // whitespace nor ignorable.
        let plain = matches!(byte, 0xC3..=0xC5 | 0xD0..=0xD1);
        if !plain && is_ignorable(c) {
            b = next;
            continue;
        }
        if !plain && c.is_whitespace() {
            if prev_space {
                extend_space(&mut f, next);
                b = next;
                continue;
            }
            f.at(b);
            let o = f.out.len();
            f.out.push(' ');
            if next - b != 1 {
                f.unit(o, (b, next));
            }
            prev_space = true;
        } else {
            f.at(b);
            let o = f.out.len();
            push_char(&mut f.out, c);
            // Irregular: a length change (a char that folds to nothing has no unit).
            if f.out.len() - o != next - b && f.out.len() > o {
                f.unit(o, (b, next));
            }
            prev_space = false;
        }
        b = next;
    }
    Folded {
        text: f.out,
        shifts: f.shifts,
        units: f.units,
        orig_len: text.len(),
    }
}

/// Whitespace after whitespace: the last folded space (the last byte out)
/// now stands for original bytes up to `orig_end`.
fn extend_space(f: &mut Builder, orig_end: usize) {
    let o = f.out.len().saturating_sub(1);
    if let Some(u) = f.units.last_mut() {
        if u.out.0 == o {
            u.orig.1 = orig_end;
            return;
        }
    }
    // The space was regular: it came from original byte `o + delta`.
    let start = usize::try_from(o as i64 + f.delta).unwrap_or(0);
    f.unit(o, (start, orig_end));
}

impl Folded {
    /// The original byte span of folded bytes `[s, e)` (non-empty).
    #[must_use]
    pub fn orig_span(&self, s: usize, e: usize) -> (usize, usize) {
        let os = self.orig(s);
        let oe = if e == 0 { os } else { self.orig_end(e - 1) };
        (os, oe.max(os))
    }

    /// The original byte offset of the char that produced folded byte `i`
    /// (the end of the original text from the end of the folded one on).
    #[must_use]
    pub fn orig(&self, i: usize) -> usize {
        self.locate(i).map_or(self.orig_len, |(s, _)| s)
    }

    /// The original byte offset just past the char that produced folded byte
    /// `i` (over the whole run for a space that stands for several).
    #[must_use]
    pub fn orig_end(&self, i: usize) -> usize {
        self.locate(i).map_or(self.orig_len, |(_, e)| e)
    }

    /// As [`Folded::orig`] for a char boundary `i`, for callers that ask
    /// in increasing order: `cursor` (start at `Cursor::default()`) keeps
    /// the place, so each call is constant time on average.
    #[must_use]
    pub fn orig_from(&self, cursor: &mut Cursor, i: usize) -> usize {
        if i >= self.text.len() {
            return self.orig_len;
        }
        while self.units.get(cursor.unit).is_some_and(|u| u.out.1 <= i) {
            cursor.unit += 1;
        }
        if let Some(u) = self.units.get(cursor.unit) {
            if u.out.0 <= i {
                return u.orig.0;
            }
        }
        while self.shifts.get(cursor.shift).is_some_and(|&(o, _)| o <= i) {
            cursor.delta = self.shifts[cursor.shift].1;
            cursor.shift += 1;
        }
        usize::try_from(i as i64 + cursor.delta).unwrap_or(0)
    }

    /// The original span of the unit that produced folded byte `i`.
    fn locate(&self, i: usize) -> Option<(usize, usize)> {
        if i >= self.text.len() {
            return None;
        }
        let k = self.units.partition_point(|u| u.out.0 <= i);
        if let Some(u) = k.checked_sub(1).map(|k| self.units[k]) {
            if i < u.out.1 {
                return Some(u.orig);
            }
        }
        // A regular char: same length as its original, at a fixed shift.
        let mut start = i;
        while !self.text.is_char_boundary(start) {
            start -= 1;
        }
        let len = self.text[start..].chars().next().map_or(1, char::len_utf8);
        let k = self.shifts.partition_point(|&(o, _)| o <= start);
        let delta = k.checked_sub(1).map_or(0, |k| self.shifts[k].1);
        let os = usize::try_from(start as i64 + delta).unwrap_or(0);
        Some((os, os + len))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn maps_back_through_length_changes() {
        let t = "İstanbul and Straße, ПЕСКОВ  Ёлкин\u{00AD}а";
        let f = fold(t);
        assert!(f.text.starts_with("istanbul and straße, песков елкина"));
        let i = f.text.find("straße").expect("found");
        let (s, e) = f.orig_span(i, i + "straße".len());
        assert_eq!(&t[s..e], "Straße");
        let i = f.text.find("песков").expect("found");
        let (s, e) = f.orig_span(i, i + "песков".len());
        assert_eq!(&t[s..e], "ПЕСКОВ");
        let i = f.text.find("istanbul").expect("found");
        let (s, e) = f.orig_span(i, i + "istanbul".len());
        assert_eq!(&t[s..e], "İstanbul");
        let i = f.text.find("елкина").expect("found");
        let (s, e) = f.orig_span(i, i + "елкина".len());
        assert_eq!(&t[s..e], "Ёлкин\u{00AD}а");
    }

    /// The general folding rule, without fast paths.
    fn push_char_reference(out: &mut String, c: char) {
        match c {
            'ё' => out.push('е'),
            '\u{2019}' | '\u{02BC}' | '\u{2018}' | '`' | '\u{00B4}' | '\u{2032}' => out.push('\''),
            '\u{0307}' => {}
            _ => {
                if c.is_lowercase() || !c.is_alphabetic() {
                    out.push(c);
                } else {
                    for l in c.to_lowercase() {
                        if l == '\u{0307}' {
                            continue;
                        }
                        out.push(if l == 'ё' { 'е' } else { l });
                    }
                }
            }
        }
    }

    #[test]
    fn fast_paths_agree_with_the_general_rule() {
        for u in (0u32..0x3100).chain(0xFF00..0xFFFF) {
            let Some(c) = char::from_u32(u) else {
                continue;
            };
            let (mut a, mut b) = (String::new(), String::new());
            push_char(&mut a, c);
            push_char_reference(&mut b, c);
            assert_eq!(a, b, "U+{u:04X}");
            assert_eq!(is_word_char(c), c.is_alphanumeric(), "U+{u:04X}");
        }
    }

    /// `fold` as first written: char by char.
    fn fold_reference(text: &str) -> (String, Vec<(usize, usize)>) {
        let mut out = String::new();
        let mut spans: Vec<(usize, usize)> = Vec::new();
        let mut prev_space = false;
        for (b, c) in text.char_indices() {
            if is_ignorable(c) {
                continue;
            }
            let before = out.len();
            if c.is_whitespace() {
                if prev_space {
                    if let Some(last) = spans.last_mut() {
                        last.1 = b + c.len_utf8();
                    }
                    continue;
                }
                out.push(' ');
                prev_space = true;
            } else {
                push_char_reference(&mut out, c);
                prev_space = false;
            }
            for _ in before..out.len() {
                spans.push((b, b + c.len_utf8()));
            }
        }
        (out, spans)
    }

    #[test]
    fn fold_agrees_with_the_char_by_char_reference() {
        let samples = [
            "İstanbul and Straße, ПЕСКОВ  Ёлкин\u{00AD}а \t\n x",
            "Łukaszenko powiedział: „Nie”. ЄС і Ґанок — ‘quoted’ `tick` ´acute",
            "\u{200B}\u{FEFF}  \r\n\u{0085}\u{00A0}end\u{0307}Ǆ ǅ ǆ ΣΑΣ ﬁ",
            "",
            " ",
        ];
        for t in samples {
            let f = fold(t);
            let (text, spans) = fold_reference(t);
            assert_eq!(f.text, text, "{t:?}");
            for (i, &(s, e)) in spans.iter().enumerate() {
                assert_eq!((f.orig(i), f.orig_end(i)), (s, e), "{t:?} byte {i}");
            }
        }
    }

    proptest::proptest! {
        #[test]
        fn fold_agrees_on_any_text(t in "(\\PC|[ \t\n\u{00A0}\u{2028}\u{3000}\u{00AD}\u{200B}\u{FEFF}\u{0307}İ’`]){0,60}") {
            agrees_with_reference(&t)?;
        }

        #[test]
        fn fold_agrees_on_random_text(t in "[a-zA-Z ĄąŁłŻżЁёЕеЄєІіЇїҐґ İıẞß\u{00AD}\u{200B}\u{0307}`’\t\n\u{00A0}ΣσǅΐŉﬁÅÅ.,0-9]{0,40}") {
            agrees_with_reference(&t)?;
        }
    }

    /// The folded text, the map (by binary search and by cursor) and the
    /// end of text against the char-by-char reference.
    fn agrees_with_reference(t: &str) -> Result<(), proptest::test_runner::TestCaseError> {
        let f = fold(t);
        let (text, spans) = fold_reference(t);
        proptest::prop_assert_eq!(&f.text, &text);
        for (i, &(s, e)) in spans.iter().enumerate() {
            proptest::prop_assert_eq!((f.orig(i), f.orig_end(i)), (s, e), "byte {}", i);
        }
        proptest::prop_assert_eq!(f.orig(text.len()), t.len());
        let mut cursor = Cursor::default();
        for (i, _) in text.char_indices() {
            proptest::prop_assert_eq!(f.orig_from(&mut cursor, i), f.orig(i), "byte {}", i);
        }
        Ok(())
    }

    #[test]
    fn apostrophes_and_spaces() {
        assert_eq!(fold_str("Russia’s  \n new"), "russia's new");
    }
}
