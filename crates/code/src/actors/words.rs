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
    /// The text has letters and all of them are upper case ("US", "WHO").
    pub upper: bool,
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
/// A sentence's dateline ("BRUSSELS -", "ALMATY, Jan 10 (Reuters) -"), which names where the
/// story was filed, not who acted, is left out.
pub fn words(text: &str, sentence: &Sentence) -> Vec<Word> {
    let mut out = Vec::with_capacity(sentence.tokens.len() + 4);
    let tagged = sentence.tokens.iter().any(|t| t.upos != Upos::X);
    let skip = dateline_len(text, sentence);
    for (ti, tok) in sentence.tokens.iter().enumerate().skip(skip) {
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
        upper: t.chars().any(char::is_alphabetic)
            && t.chars()
                .filter(|c| c.is_alphabetic())
                .all(char::is_uppercase),
        lower,
        span: Span::new(base + a, base + b),
        tok,
        punct: punct || t.chars().all(|c| !c.is_alphanumeric()),
        upos,
        lemma,
    }
}

/// Tokens of a dateline opening the sentence: a first word in capitals ("BRUSSELS", "DAR")
/// and, within the next dozen tokens, a dash or AP's underscore followed by a capital, with no
/// lower-case word before it outside brackets. 0 when there is none.
fn dateline_len(text: &str, sentence: &Sentence) -> usize {
    let word = |i: usize| sentence.tokens[i].span.get(text).unwrap_or("");
    let Some(first) = sentence.tokens.first().and_then(|t| t.span.get(text)) else {
        return 0;
    };
    let letters = first.chars().filter(|c| c.is_alphabetic()).count();
    if letters < 3 || first.chars().any(|c| c.is_lowercase()) {
        return 0;
    }
    let mut bracket = false;
    for i in 1..sentence.tokens.len().min(14) {
        match word(i) {
            // The story proper starts after the dash, with a capital ("NATO-led" is no dateline).
            "-" | "--" | "–" | "—" | "_" => {
                let next = (i + 1 < sentence.tokens.len()).then(|| word(i + 1));
                let starts = next.is_some_and(|w| {
                    w.starts_with(|c: char| c.is_uppercase() || "\"“‘'".contains(c))
                });
                return if starts { i + 1 } else { 0 };
            }
            "(" => bracket = true,
            ")" => bracket = false,
            w if !bracket && w.starts_with(char::is_lowercase) => return 0,
            _ => {}
        }
    }
    0
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

    #[test]
    fn leaves_out_the_dateline() {
        let cases: &[(&str, &str)] = &[
            ("BRUSSELS - The union called on Gondor .", "the"),
            (
                "ALMATY , Jan 10 ( Reuters ) - Police detained 40 .",
                "police",
            ),
            (
                "DAR ES SALAAM , Tanzania ( AP ) _ The bomb exploded .",
                "the",
            ),
            ("NATO - led troops arrived .", "nato"),
            ("US troops - mostly marines - arrived .", "us"),
            ("Police - who arrived late - left .", "police"),
        ];
        for (text, first) in cases {
            let ws = words(text, &sent(text));
            assert_eq!(ws[0].lower, *first, "{text}");
        }
    }
}
