//! Byte spans into a document's text, and conversion to character offsets.

use serde::{Deserialize, Serialize};

/// A half-open byte range `[start, end)` into a document's UTF-8 text.
///
/// Serialised as a two-element array `[start, end]`, as in the output contract.
#[derive(
    Clone, Copy, Debug, Default, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize,
)]
#[serde(from = "[usize; 2]", into = "[usize; 2]")]
pub struct Span {
    /// First byte.
    pub start: usize,
    /// One past the last byte.
    pub end: usize,
}

impl Span {
    /// A span from `start` to `end` (bytes).
    pub const fn new(start: usize, end: usize) -> Span {
        Span { start, end }
    }

    /// Length in bytes.
    pub const fn len(&self) -> usize {
        self.end - self.start
    }

    /// True when the span covers no bytes.
    pub const fn is_empty(&self) -> bool {
        self.end <= self.start
    }

    /// The text the span covers. Panics if the span is out of bounds or not on char boundaries,
    /// which is a bug in the stage that made it.
    pub fn slice<'t>(&self, text: &'t str) -> &'t str {
        &text[self.start..self.end]
    }

    /// The text the span covers, or `None` when it does not slice `text` cleanly.
    pub fn get<'t>(&self, text: &'t str) -> Option<&'t str> {
        text.get(self.start..self.end)
    }

    /// The smallest span covering both.
    pub fn cover(&self, other: Span) -> Span {
        Span::new(self.start.min(other.start), self.end.max(other.end))
    }

    /// True when the two spans share at least one byte.
    pub fn overlaps(&self, other: Span) -> bool {
        self.start < other.end && other.start < self.end
    }

    /// Number of bytes the two spans share.
    pub fn overlap_len(&self, other: Span) -> usize {
        self.end
            .min(other.end)
            .saturating_sub(self.start.max(other.start))
    }

    /// True when `other` lies within this span.
    pub fn contains(&self, other: Span) -> bool {
        self.start <= other.start && other.end <= self.end
    }

    /// The span shifted right by `by` bytes.
    pub fn shift(&self, by: usize) -> Span {
        Span::new(self.start + by, self.end + by)
    }
}

impl From<[usize; 2]> for Span {
    fn from(a: [usize; 2]) -> Span {
        Span::new(a[0], a[1])
    }
}

impl From<Span> for [usize; 2] {
    fn from(s: Span) -> [usize; 2] {
        [s.start, s.end]
    }
}

impl From<std::ops::Range<usize>> for Span {
    fn from(r: std::ops::Range<usize>) -> Span {
        Span::new(r.start, r.end)
    }
}

/// Converts between byte offsets (herald's) and Unicode character offsets (the gold files').
///
/// Built once per text; both directions are `O(log n)`.
#[derive(Clone, Debug)]
pub struct CharIndex {
    /// Byte offset of every char, plus the text length at the end.
    bytes: Vec<usize>,
}

impl CharIndex {
    /// Indexes `text`.
    pub fn new(text: &str) -> CharIndex {
        let mut bytes: Vec<usize> = text.char_indices().map(|(b, _)| b).collect();
        bytes.push(text.len());
        CharIndex { bytes }
    }

    /// Byte offset of character offset `c` (clamped to the text's end).
    pub fn byte(&self, c: usize) -> usize {
        self.bytes[c.min(self.bytes.len() - 1)]
    }

    /// Character offset of byte offset `b` (a byte inside a char maps to that char).
    pub fn char(&self, b: usize) -> usize {
        match self.bytes.binary_search(&b) {
            Ok(i) => i,
            Err(i) => i.saturating_sub(1),
        }
    }

    /// A character-offset range as a byte span.
    pub fn span_from_chars(&self, start: usize, end: usize) -> Span {
        Span::new(self.byte(start), self.byte(end))
    }

    /// A byte span as character offsets.
    pub fn chars_of(&self, span: Span) -> (usize, usize) {
        (self.char(span.start), self.char(span.end))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn serialises_as_pair() {
        let s = Span::new(3, 9);
        assert_eq!(serde_json::to_string(&s).unwrap(), "[3,9]");
        let back: Span = serde_json::from_str("[3,9]").unwrap();
        assert_eq!(back, s);
    }

    #[test]
    fn char_index_round_trip() {
        let text = "Josep Borrell, the European Union’s High Representative";
        let idx = CharIndex::new(text);
        let b = text.find("High").unwrap();
        let c = idx.char(b);
        assert_eq!(text.chars().skip(c).take(4).collect::<String>(), "High");
        assert_eq!(idx.byte(c), b);
        let sp = idx.span_from_chars(c, c + 4);
        assert_eq!(sp.slice(text), "High");
    }

    #[test]
    fn overlap() {
        let a = Span::new(0, 10);
        assert!(a.overlaps(Span::new(9, 12)));
        assert!(!a.overlaps(Span::new(10, 12)));
        assert_eq!(a.overlap_len(Span::new(5, 20)), 5);
        assert!(a.contains(Span::new(2, 4)));
    }
}
