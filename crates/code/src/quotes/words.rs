//! A small word lexer over raw text, independent of the tokenizer: words keep internal
//! apostrophes, hyphens and the separators of numbers (`8,000`, `1.2`, `U.S`), every other
//! non-space character is a token of its own (`''` and ``` `` ``` as one), and a possessive `'s`
//! is split off. Quotes and figures read surface patterns over these words, so they work before
//! the tagger and parser and whatever the tokenizer does.

use herald_core::Span;

/// One word or punctuation mark with its byte span in the document.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) struct Word<'t> {
    /// The characters, as in the text.
    pub text: &'t str,
    /// Bytes in the document.
    pub span: Span,
}

impl Word<'_> {
    /// True for a word starting with a letter or digit.
    pub fn is_alnum(&self) -> bool {
        self.text.chars().next().is_some_and(char::is_alphanumeric)
    }

    /// True for a word starting with an upper-case letter.
    pub fn is_capitalized(&self) -> bool {
        self.text.chars().next().is_some_and(char::is_uppercase)
    }

    /// The word lower-cased, curly apostrophes made straight.
    pub fn lower(&self) -> String {
        self.text.to_lowercase().replace('’', "'")
    }
}

fn joins(c: char) -> bool {
    matches!(c, '\'' | '’' | '-' | '.' | ',' | '&')
}

/// Words of `text[span]`, spans absolute in the document.
pub(crate) fn words(text: &str, span: Span) -> Vec<Word<'_>> {
    let Some(slice) = span.get(text) else {
        return Vec::new();
    };
    let base = span.start;
    let chars: Vec<(usize, char)> = slice.char_indices().collect();
    let mut out = Vec::new();
    let mut i = 0;
    while i < chars.len() {
        let (b, c) = chars[i];
        if c.is_whitespace() {
            i += 1;
            continue;
        }
        if c.is_alphanumeric() {
            let mut j = i + 1;
            while j < chars.len() {
                let cj = chars[j].1;
                if cj.is_alphanumeric() {
                    j += 1;
                } else if joins(cj) && j + 1 < chars.len() && chars[j + 1].1.is_alphanumeric() {
                    // `,` and `.` join only digits (8,000 1.2) or single letters (U.S).
                    let prev = chars[j - 1].1;
                    let ok = match cj {
                        ',' => prev.is_ascii_digit() && chars[j + 1].1.is_ascii_digit(),
                        '.' => {
                            (prev.is_ascii_digit() && chars[j + 1].1.is_ascii_digit())
                                || (prev.is_uppercase()
                                    && (j < 2 || !chars[j - 2].1.is_alphanumeric()))
                        }
                        _ => true,
                    };
                    if !ok {
                        break;
                    }
                    j += 1;
                } else {
                    break;
                }
            }
            // A plural possessive keeps its apostrophe ("Sanders’ campaign"), unless a single
            // quote is open in the sentence (then it may close it).
            if chars[j - 1].1.eq_ignore_ascii_case(&'s')
                && chars.get(j).is_some_and(|x| x.1 == '’' || x.1 == '\'')
                && chars.get(j + 1).is_none_or(|x| x.1.is_whitespace())
                && !slice[..b].contains('‘')
                && !slice[..b].contains(" '")
                && !slice[..b].starts_with('\'')
            {
                j += 1;
            }
            let mut end = chars.get(j).map_or(slice.len(), |x| x.0);
            // Abbreviations keep their period: "Mr.", "U.S.", "Gen.".
            if chars.get(j).is_some_and(|x| x.1 == '.') && is_abbreviation(&slice[b..end]) {
                end += 1;
                j += 1;
            }
            let w = &slice[b..end];
            // Split a possessive 's / ’s.
            let poss = ["'s", "’s", "'S", "’S"]
                .iter()
                .find(|p| w.len() > p.len() + 1 && w.ends_with(*p));
            match poss {
                Some(p) => {
                    let cut = end - p.len();
                    out.push(word(slice, base, b, cut));
                    out.push(word(slice, base, cut, end));
                }
                None => out.push(word(slice, base, b, end)),
            }
            i = j;
            continue;
        }
        // Doubled ASCII quote marks as one token.
        if (c == '`' || c == '\'') && chars.get(i + 1).is_some_and(|x| x.1 == c) {
            let end = chars.get(i + 2).map_or(slice.len(), |x| x.0);
            out.push(word(slice, base, b, end));
            i += 2;
            continue;
        }
        let end = chars.get(i + 1).map_or(slice.len(), |x| x.0);
        out.push(word(slice, base, b, end));
        i += 1;
    }
    out
}

/// Words that take a period without ending a sentence.
fn is_abbreviation(w: &str) -> bool {
    const ABBR: &[&str] = &[
        "Mr", "Mrs", "Ms", "Dr", "St", "Gen", "Sen", "Rep", "Gov", "Jr", "Sr", "Lt", "Col", "Prof",
        "Capt", "Sgt", "Maj", "Adm", "Cmdr", "Rev", "Hon", "Pres", "Supt", "Insp",
    ];
    ABBR.contains(&w)
        || (w.contains('.') && w.chars().all(|c| c == '.' || c.is_uppercase()))
        || (w.len() == 1 && w.chars().all(char::is_uppercase))
}

fn word(slice: &str, base: usize, s: usize, e: usize) -> Word<'_> {
    Word {
        text: &slice[s..e],
        span: Span::new(base + s, base + e),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lexes() {
        let cases: &[(&str, &[&str])] = &[
            ("almost 8,000 people.", &["almost", "8,000", "people", "."]),
            ("1.2 million", &["1.2", "million"]),
            ("Tokayev's request", &["Tokayev", "'s", "request"]),
            ("the U.S. said", &["the", "U.S.", "said"]),
            ("Mr. Trump said.", &["Mr.", "Trump", "said", "."]),
            ("``Yes,'' he said", &["``", "Yes", ",", "''", "he", "said"]),
            ("“an act”", &["“", "an", "act", "”"]),
            ("a 19-year-old don’t", &["a", "19-year-old", "don’t"]),
            ("Sanders’ campaign", &["Sanders’", "campaign"]),
            (
                "‘the Democrats’ said",
                &["‘", "the", "Democrats", "’", "said"],
            ),
            ("end.Start", &["end", ".", "Start"]),
        ];
        for (text, want) in cases {
            let got: Vec<&str> = words(text, Span::new(0, text.len()))
                .iter()
                .map(|w| w.text)
                .collect();
            assert_eq!(&got, want, "{text}");
        }
    }

    #[test]
    fn spans_are_absolute() {
        let text = "xx said it";
        let ws = words(text, Span::new(3, text.len()));
        assert_eq!(ws[0].span.slice(text), "said");
        assert_eq!(ws[1].span, Span::new(8, 10));
    }
}
