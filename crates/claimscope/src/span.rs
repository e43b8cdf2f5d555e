//! Byte spans into the original text, and the one conversion to code points.

use serde::{Deserialize, Serialize};

/// A half-open range `[start, end)` of UTF-8 byte offsets into the *original* text.
///
/// Invariants: `start <= end`, both on char boundaries of the text the span was made for.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Default, Serialize, Deserialize,
)]
pub struct Span {
    /// First byte.
    pub start: u32,
    /// One past the last byte.
    pub end: u32,
}

impl Span {
    /// A span from byte offsets. Offsets past `u32::MAX` saturate; documents are
    /// limited to 4 GiB by [`crate::Analyzer`].
    #[must_use]
    pub fn new(start: usize, end: usize) -> Self {
        let s = u32::try_from(start).unwrap_or(u32::MAX);
        let e = u32::try_from(end).unwrap_or(u32::MAX);
        Span {
            start: s.min(e),
            end: e,
        }
    }

    /// Start as `usize`.
    #[must_use]
    pub fn start(&self) -> usize {
        self.start as usize
    }

    /// End as `usize`.
    #[must_use]
    pub fn end(&self) -> usize {
        self.end as usize
    }

    /// Length in bytes.
    #[must_use]
    pub fn len(&self) -> usize {
        (self.end - self.start) as usize
    }

    /// True when the span covers no byte.
    #[must_use]
    pub fn is_empty(&self) -> bool {
        self.start == self.end
    }

    /// The text the span covers, or `""` when it does not fit `text`.
    ///
    /// # Examples
    /// ```
    /// use claimscope::Span;
    /// assert_eq!(Span::new(0, 5).slice("Łódź is"), "Łód");
    /// ```
    #[must_use]
    pub fn slice<'t>(&self, text: &'t str) -> &'t str {
        text.get(self.start()..self.end()).unwrap_or("")
    }

    /// True when `other` lies inside `self`.
    #[must_use]
    pub fn contains(&self, other: Span) -> bool {
        self.start <= other.start && other.end <= self.end
    }

    /// True when the two spans share at least one byte.
    #[must_use]
    pub fn overlaps(&self, other: Span) -> bool {
        self.start < other.end && other.start < self.end
    }

    /// The smallest span covering both.
    #[must_use]
    pub fn cover(&self, other: Span) -> Span {
        Span {
            start: self.start.min(other.start),
            end: self.end.max(other.end),
        }
    }
}

/// Maps byte offsets of one text to Unicode code-point offsets, built once per document.
///
/// For ASCII text no table is stored. Lookups of offsets that are not on a char
/// boundary return the code point that contains the byte.
#[derive(Debug, Clone)]
pub struct OffsetIndex {
    /// `table[b]` = code-point index of byte `b`; empty when the text is ASCII.
    table: Vec<u32>,
    len_bytes: usize,
    len_chars: usize,
}

impl OffsetIndex {
    /// Builds the index for `text`.
    #[must_use]
    pub fn new(text: &str) -> Self {
        if text.is_ascii() {
            return OffsetIndex {
                table: Vec::new(),
                len_bytes: text.len(),
                len_chars: text.len(),
            };
        }
        let mut table = Vec::with_capacity(text.len() + 1);
        let mut cp: u32 = 0;
        for ch in text.chars() {
            for _ in 0..ch.len_utf8() {
                table.push(cp);
            }
            cp += 1;
        }
        table.push(cp);
        OffsetIndex {
            table,
            len_bytes: text.len(),
            len_chars: cp as usize,
        }
    }

    /// Code-point offset of byte offset `byte` (clamped to the text length).
    #[must_use]
    pub fn to_char(&self, byte: usize) -> usize {
        let b = byte.min(self.len_bytes);
        if self.table.is_empty() {
            b
        } else {
            self.table[b] as usize
        }
    }

    /// A byte span as a code-point `(start, end)` pair.
    #[must_use]
    pub fn span(&self, span: Span) -> (usize, usize) {
        (self.to_char(span.start()), self.to_char(span.end()))
    }

    /// Byte offset of code-point offset `ch` (clamped to the text length).
    #[must_use]
    pub fn to_byte(&self, ch: usize) -> usize {
        if self.table.is_empty() {
            return ch.min(self.len_bytes);
        }
        if ch >= self.len_chars {
            return self.len_bytes;
        }
        // First byte whose code point index is `ch`.
        self.table.partition_point(|&c| (c as usize) < ch)
    }

    /// Length of the text in code points.
    #[must_use]
    pub fn len_chars(&self) -> usize {
        self.len_chars
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn round_trip_mixed_scripts() {
        let text = "Łukaszenko — Лукашенко 北京 👍🏽 ok";
        let idx = OffsetIndex::new(text);
        for (cp, (b, _)) in text.char_indices().enumerate() {
            assert_eq!(idx.to_char(b), cp);
            assert_eq!(idx.to_byte(cp), b);
        }
        assert_eq!(idx.to_char(text.len()), text.chars().count());
        assert_eq!(idx.len_chars(), text.chars().count());
    }

    #[test]
    fn ascii_fast_path() {
        let idx = OffsetIndex::new("hello");
        assert_eq!(idx.span(Span::new(1, 3)), (1, 3));
        assert_eq!(idx.to_byte(9), 5);
    }

    #[test]
    fn slice_out_of_range_is_empty() {
        assert_eq!(Span::new(3, 99).slice("abc"), "");
        assert_eq!(Span::new(1, 2).slice("Ł"), "");
    }
}
