//! The coder's view of a sentence: words with punctuation and possessives split off, lower
//! case, each keeping its byte span and the tags of the token it came from.
//!
//! Whatever the tokenizer does with "Gondor's," or "(Tokayev)", the coder sees the same
//! units: `gondor`, `'s`, `,`.

use herald_core::{Sentence, Span, Upos};

/// One unit of a sentence as the coder matches it.
#[derive(Clone, Debug, PartialEq)]
pub struct Word {
    /// Lower-case text (`'s` for a possessive, the character for punctuation).
    pub lower: String,
    /// Bytes in the document.
    pub span: Span,
    /// Index of the token it came from.
    pub tok: usize,
    /// Punctuation.
    pub punct: bool,
    /// The text starts with an upper-case letter.
    pub cap: bool,
    /// The token's tag, when the sentence is tagged.
    pub upos: Option<Upos>,
    /// The token's lemma (lower case), when known.
    pub lemma: String,
}

impl Word {
    /// True for the possessive marker.
    pub fn is_poss(&self) -> bool {
        self.lower == "'s" || self.lower == "'"
    }
}

const LEAD: &[char] = &['"', '(', '[', '{', '`', '“', '‘', '«', '\''];
const TRAIL: &[char] = &[
    ',', '.', ';', ':', '!', '?', '"', ')', ']', '}', '”', '’', '»', '\'', '`',
];

/// Splits a sentence's tokens into [`Word`]s.
pub fn words(text: &str, sentence: &Sentence) -> Vec<Word> {
    let mut out = Vec::with_capacity(sentence.tokens.len() + 4);
    let tagged = sentence.tokens.iter().any(|t| t.upos != Upos::X);
    for (ti, tok) in sentence.tokens.iter().enumerate() {
        let Some(s) = tok.span.get(text) else {
            continue;
        };
        let upos = tagged.then_some(tok.upos);
        let lemma = tok.lemma.to_lowercase();
        // A possessive the tokenizer split off already.
        if matches!(s, "'s" | "’s" | "'S" | "’S") {
            let mut w = unit(s, tok.span.start, 0, s.len(), ti, false, upos, lemma);
            w.lower = "'s".into();
            out.push(w);
            continue;
        }
        let base = tok.span.start;
        let mut a = 0;
        let mut b = s.len();
        let mut lead = Vec::new();
        while let Some(c) = s[a..b].chars().next() {
            if LEAD.contains(&c) && b - a > c.len_utf8() {
                lead.push((a, a + c.len_utf8()));
                a += c.len_utf8();
            } else {
                break;
            }
        }
        let mut trail = Vec::new();
        while let Some(c) = s[a..b].chars().next_back() {
            let lower_tail = s[a..b].to_lowercase();
            let poss = lower_tail.ends_with("'s") || lower_tail.ends_with("’s");
            if poss && b - a > 3 {
                let plen = if lower_tail.ends_with("’s") { 4 } else { 2 };
                trail.push((b - plen, b, true));
                b -= plen;
                continue;
            }
            if TRAIL.contains(&c) && b - a > c.len_utf8() {
                // Keep the dot of an abbreviation ("U.S.", "Mr.") attached.
                if c == '.' && s[a..b - 1].contains('.') {
                    break;
                }
                trail.push((b - c.len_utf8(), b, false));
                b -= c.len_utf8();
            } else {
                break;
            }
        }
        let punct_only = |w: &str| w.chars().all(|c| !c.is_alphanumeric());
        for (x, y) in lead {
            out.push(unit(s, base, x, y, ti, true, None, String::new()));
        }
        let core = &s[a..b];
        let is_punct = punct_only(core) || upos == Some(Upos::Punct);
        out.push(unit(s, base, a, b, ti, is_punct, upos, lemma));
        for (x, y, poss) in trail.into_iter().rev() {
            let mut w = unit(s, base, x, y, ti, !poss, None, String::new());
            if poss {
                w.lower = "'s".into();
                w.upos = upos.map(|_| Upos::Part);
            }
            out.push(w);
        }
    }
    out
}

#[allow(clippy::too_many_arguments)]
fn unit(
    s: &str,
    base: usize,
    a: usize,
    b: usize,
    tok: usize,
    punct: bool,
    upos: Option<Upos>,
    lemma: String,
) -> Word {
    let t = &s[a..b];
    let lower = t.to_lowercase().replace('’', "'");
    Word {
        cap: t.chars().next().is_some_and(char::is_uppercase),
        lower,
        span: Span::new(base + a, base + b),
        tok,
        punct: punct || t.chars().all(|c| !c.is_alphanumeric()),
        upos,
        lemma,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use herald_core::Token;

    fn sent(text: &str) -> Sentence {
        let mut tokens = Vec::new();
        let mut start = None;
        for (i, c) in text
            .char_indices()
            .chain(std::iter::once((text.len(), ' ')))
        {
            if c == ' ' {
                if let Some(s) = start.take() {
                    tokens.push(Token {
                        span: Span::new(s, i),
                        ..Default::default()
                    });
                }
            } else if start.is_none() {
                start = Some(i);
            }
        }
        Sentence {
            span: Span::new(0, text.len()),
            tokens,
        }
    }

    #[test]
    fn splits_punctuation_and_possessives() {
        let text = "Gondor's envoy, (Arnor) met U.S. officials’ “friends”.";
        let ws = words(text, &sent(text));
        let lower: Vec<&str> = ws.iter().map(|w| w.lower.as_str()).collect();
        assert_eq!(
            lower,
            [
                "gondor",
                "'s",
                "envoy",
                ",",
                "(",
                "arnor",
                ")",
                "met",
                "u.s.",
                "officials",
                "'",
                "“",
                "friends",
                "”",
                "."
            ]
        );
        for w in &ws {
            assert_eq!(w.span.slice(text).to_lowercase().replace('’', "'"), w.lower);
        }
        assert!(ws[0].cap && ws[1].is_poss() && ws[3].punct);
    }
}
