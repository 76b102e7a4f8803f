//! Dating events: the time stated in the event's own clause, else the publication date.

use herald_core::{Document, Event, Sentence, Span, TimeExpr};

/// Gives every event a date. An event takes the time expression stated in its own clause (the
/// nearest one to its evidence, within the same sentence and not inside another clause: a
/// relative clause, or one across a semicolon, "but" or "while"): `date` is that day (the
/// first day of a coarser period: a week's Monday, a month's first, a year's 1 January) and
/// `date_text` its words. Otherwise the event takes the publication date, with `date_text`
/// `None`.
pub fn date_events(
    events: &mut [Event],
    times: &[TimeExpr],
    sentences: &[Sentence],
    doc: &Document,
) {
    for event in events.iter_mut() {
        let sentence = sentence_span(event, sentences, doc);
        let chosen = sentence.and_then(|s| clause_time(event.evidence, s, times, &doc.text));
        match chosen.and_then(|t| Some((t, super::parse_value(t.value.as_deref()?)?.start()?))) {
            Some((t, date)) => {
                event.date = Some(date);
                event.date_text = Some(t.text.clone());
            }
            None => {
                event.date = doc.published;
                event.date_text = None;
            }
        }
    }
}

/// The span of the event's sentence: the one holding its evidence, else its index.
fn sentence_span(event: &Event, sentences: &[Sentence], doc: &Document) -> Option<Span> {
    if event.evidence.is_empty() && sentences.is_empty() {
        return None;
    }
    sentences
        .iter()
        .find(|s| s.span.start <= event.evidence.start && event.evidence.start < s.span.end)
        .or_else(|| sentences.get(event.sentence))
        .map(|s| s.span)
        .or_else(|| (!event.evidence.is_empty()).then(|| Span::new(0, doc.text.len())))
}

/// The time of the clause around `evidence` in `sentence`, if any.
fn clause_time<'t>(
    evidence: Span,
    sentence: Span,
    times: &'t [TimeExpr],
    text: &str,
) -> Option<&'t TimeExpr> {
    let within: Vec<&TimeExpr> = times
        .iter()
        .filter(|t| sentence.contains(t.span) && t.value.is_some())
        .collect();
    if within.is_empty() {
        return None;
    }
    let clauses = clauses(sentence, text);
    // The innermost clause holding a byte: a relative clause lies inside its main clause.
    let home = |at: usize| {
        clauses
            .iter()
            .enumerate()
            .filter(|(_, c)| c.start <= at && at < c.end)
            .min_by_key(|(_, c)| c.len())
            .map(|(i, _)| i)
    };
    let ev_clause = home(evidence.start);
    within
        .into_iter()
        .filter(|t| home(t.span.start) == ev_clause)
        .min_by_key(|t| {
            if t.span.end <= evidence.start {
                evidence.start - t.span.end
            } else {
                t.span.start.saturating_sub(evidence.end)
            }
        })
}

/// Splits a sentence into clause spans: at semicolons, "but", "while", "whereas", and around
/// relative clauses (", who … ,", ", which … ,", ", where … ,"), which become clauses of their
/// own.
fn clauses(sentence: Span, text: &str) -> Vec<Span> {
    let s = sentence.slice(text);
    let lower = s.to_ascii_lowercase();
    let mut cuts: Vec<(usize, usize)> = Vec::new(); // (start, end) of relative clauses
    let mut bounds: Vec<usize> = vec![0];
    for (i, _) in lower.match_indices(';') {
        bounds.push(i + 1);
    }
    for marker in [" but ", " while ", " whereas "] {
        for (i, _) in lower.match_indices(marker) {
            bounds.push(i + 1);
        }
    }
    for marker in [", who ", ", which ", ", where ", ", whose "] {
        for (i, _) in lower.match_indices(marker) {
            let end = lower[i + marker.len()..]
                .find([',', ';'])
                .map_or(s.len(), |j| i + marker.len() + j);
            cuts.push((i + 1, end));
        }
    }
    for &(a, b) in &cuts {
        bounds.push(a);
        bounds.push(b);
    }
    bounds.push(s.len());
    bounds.sort_unstable();
    bounds.dedup();
    let mut spans: Vec<Span> = bounds
        .windows(2)
        .map(|w| Span::new(sentence.start + w[0], sentence.start + w[1]))
        .collect();
    // The parts of a main clause around a relative clause are one clause: give them the same
    // index by merging each part that follows a relative clause into the part before it.
    let rel: Vec<Span> = cuts
        .iter()
        .map(|&(a, b)| Span::new(sentence.start + a, sentence.start + b))
        .collect();
    let mut merged: Vec<Span> = Vec::new();
    let mut pending: Option<usize> = None; // index in merged of the main clause before a cut
    for sp in spans.drain(..) {
        let is_rel = rel.iter().any(|r| r.contains(sp));
        if is_rel {
            merged.push(sp);
        } else if let Some(main) = pending.take() {
            // A main-clause part right after a relative clause continues the earlier main
            // part: the main clause's span grows over both (and over the relative clause,
            // which stays the innermost clause of its own bytes).
            let m = merged[main];
            merged[main] = Span::new(m.start, m.end.max(sp.end));
            continue;
        } else {
            merged.push(sp);
        }
        if is_rel && merged.len() >= 2 {
            pending = Some(merged.len() - 2);
        }
    }
    merged
}
