//! A small lexer for time expressions: words, numbers and punctuation with byte spans.
//!
//! The recogniser works on its own tokens rather than the tokenizer's so that "2022-01-07",
//! "Jan." and "1990s" look the same whatever the tokenizer does with them.

use herald_core::Span;

/// What a lexeme is.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Lx {
    /// Letters (and apostrophes inside them), lower-cased in `Tok::low`.
    Word,
    /// Digits, possibly with a suffix: `7`, `7th`, `1990s`; `value` holds the number.
    Num,
    /// One punctuation or symbol character.
    Punct,
}

/// One lexeme.
#[derive(Clone, Debug, PartialEq)]
pub(crate) struct Tok {
    /// Kind.
    pub kind: Lx,
    /// The text, lower-cased.
    pub low: String,
    /// Bytes in the document.
    pub span: Span,
    /// For numbers: the value of the digits.
    pub value: u32,
    /// For numbers: how many digits.
    pub digits: usize,
    /// For numbers: the letters after the digits (`th`, `s`), lower-cased.
    pub suffix: String,
    /// True when the word starts with a capital letter.
    pub capital: bool,
}

impl Tok {
    /// True when this is the punctuation character `c`.
    pub fn is_punct(&self, c: char) -> bool {
        self.kind == Lx::Punct && self.low.starts_with(c)
    }
}

/// Lexes `text[span]`; spans are offsets into `text`.
pub(crate) fn lex(text: &str, span: Span) -> Vec<Tok> {
    let part = &text[span.start..span.end];
    let mut toks = Vec::new();
    let mut it = part.char_indices().peekable();
    while let Some((i, c)) = it.next() {
        let start = span.start + i;
        if c.is_whitespace() {
            continue;
        }
        if c.is_ascii_digit() {
            let mut end = i + c.len_utf8();
            while let Some(&(j, d)) = it.peek() {
                if !d.is_ascii_digit() {
                    break;
                }
                end = j + d.len_utf8();
                it.next();
            }
            let digits = &part[i..end];
            let mut suf_end = end;
            while let Some(&(j, d)) = it.peek() {
                if !d.is_ascii_alphabetic() {
                    break;
                }
                suf_end = j + d.len_utf8();
                it.next();
            }
            toks.push(Tok {
                kind: Lx::Num,
                low: part[i..suf_end].to_lowercase(),
                span: Span::new(start, span.start + suf_end),
                value: digits.parse().unwrap_or(u32::MAX),
                digits: digits.len(),
                suffix: part[end..suf_end].to_lowercase(),
                capital: false,
            });
        } else if c.is_alphabetic() {
            let mut end = i + c.len_utf8();
            while let Some(&(j, d)) = it.peek() {
                let apostrophe = matches!(d, '\'' | '’')
                    && part[j + d.len_utf8()..]
                        .chars()
                        .next()
                        .is_some_and(|n| n.is_alphabetic())
                    && !part[j + d.len_utf8()..].to_lowercase().starts_with("s ")
                    && !part[j + d.len_utf8()..].eq_ignore_ascii_case("s");
                if !(d.is_alphabetic() || apostrophe) {
                    break;
                }
                end = j + d.len_utf8();
                it.next();
            }
            toks.push(Tok {
                kind: Lx::Word,
                low: part[i..end].to_lowercase(),
                span: Span::new(start, span.start + end),
                value: 0,
                digits: 0,
                suffix: String::new(),
                capital: c.is_uppercase(),
            });
        } else {
            toks.push(Tok {
                kind: Lx::Punct,
                low: c.to_string(),
                span: Span::new(start, start + c.len_utf8()),
                value: 0,
                digits: 0,
                suffix: String::new(),
                capital: false,
            });
        }
    }
    toks
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lexes_dates_and_words() {
        let text = "On Jan. 7th, 2022-01-07 and the 1990s, Friday's O'Hare";
        let toks = lex(text, Span::new(0, text.len()));
        let shown: Vec<String> = toks
            .iter()
            .map(|t| format!("{:?}:{}", t.kind, t.span.slice(text)))
            .collect();
        assert_eq!(
            shown,
            [
                "Word:On",
                "Word:Jan",
                "Punct:.",
                "Num:7th",
                "Punct:,",
                "Num:2022",
                "Punct:-",
                "Num:01",
                "Punct:-",
                "Num:07",
                "Word:and",
                "Word:the",
                "Num:1990s",
                "Punct:,",
                "Word:Friday",
                "Punct:'",
                "Word:s",
                "Word:O'Hare"
            ]
        );
        assert_eq!((toks[3].value, toks[3].suffix.as_str()), (7, "th"));
        assert_eq!(toks[12].suffix, "s");
        assert!(toks[1].capital && !toks[10].capital);
    }
}
