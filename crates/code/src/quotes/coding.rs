//! Actor codes for speakers, from the actor mentions the actors stage found.
//!
//! A speaker named in place takes the code of the mention at its span ("the Kazakh Foreign
//! Ministry"); a speaker resolved from a pronoun or description takes the code of the latest
//! earlier mention of the name it resolved to ("he" → "Putin" → the code of the last "Putin"
//! or "Vladimir Putin" before the quote), and the mention at its span only failing that.

use herald_core::{Mention, Quote};

fn last_word(s: &str) -> String {
    s.split_whitespace()
        .last()
        .unwrap_or_default()
        .trim_matches(|c: char| !c.is_alphanumeric())
        .to_lowercase()
}

/// Fills `speaker.code` from `mentions` where a coded mention names the speaker; `text` is the
/// document text the spans index.
pub fn code_speakers(quotes: &mut [Quote], mentions: &[Mention], text: &str) {
    for q in quotes.iter_mut() {
        let at = q.span.start;
        let Some(sp) = q.speaker.as_mut() else {
            continue;
        };
        if sp.code.is_some() {
            continue;
        }
        let coded = || {
            mentions.iter().filter(|m| {
                m.code
                    .as_deref()
                    .is_some_and(|c| !c.is_empty() && c != "---")
            })
        };
        // The head of the speaker's phrase comes last: "US press secretary Jen Psaki" is the
        // person, not "US press".
        let here = coded()
            .filter(|m| m.span.overlaps(sp.span))
            .max_by_key(|m| m.span.end);
        let key = last_word(&sp.text);
        let named = || {
            coded()
                .filter(|m| !key.is_empty() && last_word(&m.text) == key)
                .filter(|m| m.span.start <= at.max(sp.span.end))
                .max_by_key(|m| m.span.start)
        };
        let resolved = sp.span.get(text).is_some_and(|s| s != sp.text);
        let found = if resolved {
            named().or(here)
        } else {
            here.or_else(named)
        };
        sp.code = found.and_then(|m| m.code.clone());
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use herald_core::{Span, Speaker};

    fn mention(text: &str, code: &str, at: usize) -> Mention {
        Mention {
            text: text.into(),
            kind: "person".into(),
            code: Some(code.into()),
            span: Span::new(at, at + text.len()),
        }
    }

    #[test]
    fn codes_by_span_then_by_name() {
        let doc = "x".repeat(200);
        let mentions = [
            mention("Vladimir Putin", "RUSGOV", 10),
            mention("Tokayev", "KAZGOV", 40),
            // A code at a pronoun's span loses to the name the pronoun resolved to.
            Mention {
                span: Span::new(150, 152),
                ..mention("he", "KAZGOV", 150)
            },
        ];
        // (speaker text, speaker span, quote start, code)
        let cases = [
            ("Putin", Span::new(100, 102), 120, Some("RUSGOV")),
            ("Tokayev", Span::new(40, 47), 60, Some("KAZGOV")),
            ("Tokayev", Span::new(5, 7), 8, None),
            ("the crowd", Span::new(100, 109), 120, None),
            ("Putin", Span::new(150, 152), 160, Some("RUSGOV")),
        ];
        for (text, span, at, code) in cases {
            let mut q = [Quote {
                span: Span::new(at, at + 5),
                speaker: Some(Speaker {
                    text: text.into(),
                    code: None,
                    span,
                }),
                ..Default::default()
            }];
            code_speakers(&mut q, &mentions, &doc);
            assert_eq!(
                q[0].speaker.as_ref().unwrap().code.as_deref(),
                code,
                "{text}"
            );
        }
    }
}
