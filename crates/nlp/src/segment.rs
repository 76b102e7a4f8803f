//! Sentence splitting and tokenisation.

use herald_core::{Sentence, Span, Token};

/// Splits `text` into sentences of tokens with exact byte spans.
///
/// Provisional: splits on whitespace and at `.`, `!`, `?` ending a word. Replaced by the news
/// segmenter.
pub fn segment(text: &str) -> Vec<Sentence> {
    let mut sentences = Vec::new();
    let mut tokens = Vec::new();
    let mut start = None;
    for (i, c) in text
        .char_indices()
        .chain(std::iter::once((text.len(), ' ')))
    {
        if c.is_whitespace() {
            if let Some(s) = start.take() {
                let word = &text[s..i];
                let ends = word.ends_with(['.', '!', '?']);
                tokens.push(Token {
                    span: Span::new(s, i),
                    ..Default::default()
                });
                if ends {
                    flush(&mut sentences, &mut tokens);
                }
            }
        } else if start.is_none() {
            start = Some(i);
        }
    }
    flush(&mut sentences, &mut tokens);
    sentences
}

fn flush(sentences: &mut Vec<Sentence>, tokens: &mut Vec<Token>) {
    if let (Some(first), Some(last)) = (tokens.first(), tokens.last()) {
        let span = first.span.cover(last.span);
        sentences.push(Sentence {
            span,
            tokens: std::mem::take(tokens),
        });
    }
}
