//! The sentence splitter: decides, between consecutive tokens, where a sentence ends.
//!
//! A sentence ends
//! - at a blank line (except after a dateline such as "ALMATY, Jan 10 (Reuters) -");
//! - after a period, `?`, `!` or ellipsis, with the closing quotes and brackets attached to it
//!   ("It is over." | He left.), unless the next word is lower-case or is punctuation
//!   ("Is it over?" he asked.);
//! - after an abbreviation that can end a sentence ("Inc.", "p.m.", "U.S.", an initial) only
//!   when the next word is a typical sentence opener ("The", "He"…) or starts a new line;
//!   never after a title ("Gen.", "Mr.") or "No." before a number;
//! - at a line break when the line has no final punctuation (a headline, a list item) — unless
//!   the text is hard-wrapped (many lines continue in lower case), the line ends in a comma or
//!   dash, or the next line starts in lower case; before a bullet ("•", "-", "1.") always.

use super::lexicon::{self, Abbrev};
use super::tokenizer::{Kind, Tok};

/// Line-break facts about the gap between two tokens.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Gap {
    /// Spaces only (or nothing).
    Inline,
    /// One line break.
    Newline,
    /// A blank line.
    Blank,
}

fn gap(text: &str) -> Gap {
    let mut newlines = 0;
    for b in text.bytes() {
        if b == b'\n' {
            newlines += 1;
        }
    }
    if newlines == 0 && text.contains(['\u{2028}', '\u{2029}', '\u{85}']) {
        newlines = if text.contains('\u{2029}') { 2 } else { 1 };
    }
    match newlines {
        0 => Gap::Inline,
        1 => Gap::Newline,
        _ => Gap::Blank,
    }
}

fn first_char(text: &str, t: &Tok) -> char {
    t.span.slice(text).chars().next().unwrap_or(' ')
}

/// True when the token opens a list item at the start of a line.
fn is_bullet(text: &str, t: &Tok) -> bool {
    match t.kind {
        Kind::ListNumber | Kind::Dash => true,
        Kind::Other => matches!(t.span.slice(text), "•" | "·" | "*" | "▪" | "■" | "►"),
        _ => false,
    }
}

/// True when many single line breaks fall inside sentences: the text is hard-wrapped, and a
/// line break alone says nothing.
fn is_wrapped(text: &str, toks: &[Tok]) -> bool {
    let (mut breaks, mut lower) = (0usize, 0usize);
    for w in toks.windows(2) {
        if gap(&text[w[0].span.end..w[1].span.start]) == Gap::Newline {
            breaks += 1;
            if first_char(text, &w[1]).is_lowercase() {
                lower += 1;
            }
        }
    }
    lower > 0 && lower * 5 >= breaks
}

/// Splits `toks` (the tokens of `text`, in order) into sentences: returns the exclusive end
/// index of every sentence's last token.
pub(crate) fn split(text: &str, toks: &[Tok]) -> Vec<usize> {
    let mut ends = Vec::new();
    if toks.is_empty() {
        return ends;
    }
    let wrapped = toks.len() > 1 && is_wrapped(text, toks);
    let mut start = 0; // first token of the current sentence
    let mut has_word = false; // the current sentence has a word so far
    let mut i = 0;
    while i + 1 < toks.len() {
        let t = &toks[i];
        // Attach closing quotes and brackets glued to a sentence-final mark.
        let mut last = i;
        if ends_sentence_kind(t.kind) {
            while last + 1 < toks.len()
                && matches!(toks[last + 1].kind, Kind::Close | Kind::Quote)
                && toks[last].span.end == toks[last + 1].span.start
            {
                last += 1;
            }
        }
        // A footnote mark ("[17]") stays with the sentence it follows.
        if ends_sentence_kind(t.kind)
            && let Some(n) = footnote(text, &toks[last + 1..])
        {
            last += n;
        }
        let Some(next) = toks.get(last + 1) else {
            break;
        };
        let g = gap(&text[toks[last].span.end..next.span.start]);
        let dateline = toks[last].kind == Kind::Dash && is_dateline(text, &toks[start..=last]);
        // A sentence needs a word: punctuation alone ("...", "?") joins what follows.
        has_word |= toks[i..=last].iter().any(|t| {
            matches!(
                t.kind,
                Kind::Word | Kind::Abbrev(_) | Kind::Initial | Kind::ListNumber
            )
        });
        let boundary = if g == Gap::Blank {
            !dateline
        } else {
            has_word
                && punct_boundary(
                    text,
                    t,
                    next,
                    if wrapped && g == Gap::Newline {
                        Gap::Inline
                    } else {
                        g
                    },
                    last > i,
                )
                || g == Gap::Newline && !dateline && line_boundary(text, &toks[last], next, wrapped)
        };
        if boundary {
            ends.push(last + 1);
            start = last + 1;
            has_word = false;
        }
        i = last + 1;
    }
    ends.push(toks.len());
    ends
}

/// Tokens of a footnote mark "[12]" at the start of `toks`: its length, or `None`.
fn footnote(text: &str, toks: &[Tok]) -> Option<usize> {
    match toks {
        [o, n, c, ..]
            if o.span.slice(text) == "["
                && c.span.slice(text) == "]"
                && n.span.slice(text).bytes().all(|b| b.is_ascii_digit()) =>
        {
            Some(3)
        }
        _ => None,
    }
}

/// True when `sent` (ending in a dash) is a dateline: "ALMATY, Jan 10 (Reuters) -",
/// "WASHINGTON --": a short run starting with a place in capitals or naming a source in
/// brackets.
fn is_dateline(text: &str, sent: &[Tok]) -> bool {
    if sent.len() > 15 {
        return false;
    }
    let first = sent[0].span.slice(text);
    let caps = first.chars().count() >= 2 && first.chars().all(|c| c.is_uppercase() || c == '.');
    let source = sent.windows(3).any(|w| {
        w[0].span.slice(text) == "("
            && w[1].kind == Kind::Word
            && first_char(text, &w[1]).is_uppercase()
            && w[2].span.slice(text) == ")"
    });
    caps || source
}

fn ends_sentence_kind(k: Kind) -> bool {
    matches!(
        k,
        Kind::Period | Kind::Terminal | Kind::Ellipsis | Kind::Abbrev(_) | Kind::Initial
    )
}

/// A boundary after sentence-final punctuation `t` (closers already attached), before `next`.
fn punct_boundary(text: &str, t: &Tok, next: &Tok, g: Gap, quoted: bool) -> bool {
    let c = first_char(text, next);
    let word = next.span.slice(text);
    let lower_ok = t.kind == Kind::Period || t.kind == Kind::Terminal && !quoted;
    let starts_like_sentence = match next.kind {
        Kind::Word => lower_ok || !c.is_lowercase(),
        Kind::Open | Kind::Quote | Kind::Other | Kind::Dash | Kind::ListNumber => true,
        Kind::Abbrev(_) | Kind::Initial => c.is_uppercase(),
        _ => false,
    };
    if !starts_like_sentence {
        return false;
    }
    match t.kind {
        Kind::Period | Kind::Terminal => true,
        Kind::Ellipsis => c.is_uppercase() || next.kind == Kind::Open || g != Gap::Inline,
        Kind::Abbrev(Abbrev::Title | Abbrev::BeforeNumber) => false,
        Kind::Abbrev(Abbrev::Inner) => g != Gap::Inline && c.is_uppercase(),
        Kind::Abbrev(Abbrev::Month) if c.is_ascii_digit() => false,
        Kind::Abbrev(_) | Kind::Initial => {
            (g != Gap::Inline && c.is_uppercase()) || lexicon::is_sentence_opener(word)
        }
        _ => false,
    }
}

/// A boundary at a single line break after `prev` (not sentence-final punctuation), before
/// `next`.
fn line_boundary(text: &str, prev: &Tok, next: &Tok, wrapped: bool) -> bool {
    if is_bullet(text, next) {
        return true;
    }
    if wrapped {
        return false;
    }
    if matches!(
        prev.kind,
        Kind::Comma | Kind::Dash | Kind::Open | Kind::Abbrev(Abbrev::Title)
    ) {
        return false;
    }
    let c = first_char(text, next);
    match next.kind {
        Kind::Word | Kind::Abbrev(_) | Kind::Initial => c.is_uppercase() || c.is_ascii_digit(),
        Kind::Open | Kind::Quote | Kind::Other => true,
        _ => false,
    }
}
