//! Sentence splitting and tokenisation for news text, with exact byte spans.
//!
//! Place in the pipeline: first step of [`crate::analyze`]; the tagger and parser read the
//! tokens it makes. The tokenizer (`tokenizer.rs`) follows UD English (EWT/GUM) conventions,
//! because the parser is trained on UD words: clitics split ("do n't", "Kazakhstan 's",
//! "gon na"), punctuation off words, hyphens split except after prefixes ("30 - year",
//! "anti-government"), quotes their own tokens. The splitter (`splitter.rs`) knows news
//! abbreviations, initials, quotes, datelines, headlines and bullet lists.
//!
//! Both are hand-written scanners over the text (no regular expressions); see
//! `benches/segment.rs` for throughput.
//!
//! ```
//! use herald_nlp::segment::segment;
//! let text = "ALMATY, Jan 10 (Reuters) - Gen. Smith didn't stay. \"It is over.\" He left.";
//! let sents = segment(text);
//! assert_eq!(sents.len(), 3);
//! let words: Vec<&str> = sents[0].tokens.iter().map(|t| t.span.slice(text)).collect();
//! assert_eq!(&words[..4], ["ALMATY", ",", "Jan", "10"]);
//! assert!(words.contains(&"n't"));
//! assert_eq!(sents[1].span.slice(text), "\"It is over.\"");
//! ```

mod eval;
mod lexicon;
mod splitter;
mod tokenizer;

pub use eval::{Prf, SegmentScore, Splitter, evaluate, evaluate_file};

use herald_core::{Sentence, Span, Token};

/// Splits `text` into sentences of tokens with exact byte spans.
///
/// Tokens carry only their span (other fields default). Sentences cover their tokens; tokens
/// are in order, never overlap, never contain whitespace and lie on char boundaries; every
/// non-whitespace character of `text` is in exactly one token.
pub fn segment(text: &str) -> Vec<Sentence> {
    let mut toks = Vec::with_capacity(text.len() / 5 + 1);
    tokenizer::tokenize(text, &mut toks);
    let ends = splitter::split(text, &toks);
    let mut sentences = Vec::with_capacity(ends.len());
    let mut start = 0;
    for end in ends {
        let part = &toks[start..end];
        if let (Some(first), Some(last)) = (part.first(), part.last()) {
            sentences.push(Sentence {
                span: Span::new(first.span.start, last.span.end),
                tokens: part
                    .iter()
                    .map(|t| Token {
                        span: t.span,
                        ..Default::default()
                    })
                    .collect(),
            });
        }
        start = end;
    }
    sentences
}

/// Tokens of `text` without sentence splitting (spans only).
pub fn tokenize(text: &str) -> Vec<Span> {
    let mut toks = Vec::with_capacity(text.len() / 5 + 1);
    tokenizer::tokenize(text, &mut toks);
    toks.into_iter().map(|t| t.span).collect()
}

#[cfg(test)]
mod tests;
