//! Actor codes for speakers, from the actor mentions the actors stage found.
//!
//! A speaker takes the code of the mention at its own span ("the Kazakh Foreign Ministry"),
//! else of the latest earlier mention of the name it resolved to ("he" → "Putin" → the
//! code of the last "Putin" or "Vladimir Putin" before the quote).

use herald_core::{Mention, Quote};

fn last_word(s: &str) -> String {
    s.split_whitespace()
        .last()
        .unwrap_or_default()
        .trim_matches(|c: char| !c.is_alphanumeric())
        .to_lowercase()
}

/// Fills `speaker.code` from `mentions` where a coded mention names the speaker.
pub fn code_speakers(quotes: &mut [Quote], mentions: &[Mention]) {
    for q in quotes.iter_mut() {
        let at = q.span.start;
        let Some(sp) = q.speaker.as_mut() else {
            continue;
        };
        if sp.code.is_some() {
            continue;
        }
        let coded = || {
            mentions
                .iter()
                .filter(|m| m.code.as_deref().is_some_and(|c| !c.is_empty()))
        };
        let here = coded().find(|m| m.span.overlaps(sp.span));
        let key = last_word(&sp.text);
        let named = || {
            coded()
                .filter(|m| !key.is_empty() && last_word(&m.text) == key)
                .filter(|m| m.span.start <= at.max(sp.span.end))
                .max_by_key(|m| m.span.start)
        };
        sp.code = here.or_else(named).and_then(|m| m.code.clone());
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
        let mentions = [
            mention("Vladimir Putin", "RUSGOV", 10),
            mention("Tokayev", "KAZGOV", 40),
        ];
        // (speaker text, speaker span, quote start, code)
        let cases = [
            ("Putin", Span::new(100, 102), 120, Some("RUSGOV")),
            ("Tokayev", Span::new(40, 47), 60, Some("KAZGOV")),
            ("Tokayev", Span::new(5, 7), 8, None),
            ("the crowd", Span::new(100, 109), 120, None),
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
            code_speakers(&mut q, &mentions);
            assert_eq!(
                q[0].speaker.as_ref().unwrap().code.as_deref(),
                code,
                "{text}"
            );
        }
    }
}
