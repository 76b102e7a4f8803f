//! Figures: how many were killed, injured, detained, displaced, missing, deployed, protesting,
//! and counts of anything else ("75 military aircraft").
//!
//! Place in the pipeline: beside quotes, after segmentation. [`find_figures`] reads surface
//! patterns over a word lexer: a number (`crate::numbers`: digits, words, scales, vague counts,
//! ranges) with its qualifier ("almost", "more than", "between … and …"), the noun it counts,
//! the category that noun or the words around it give ("the lives of 164 people" → killed, "the
//! number of detainees has risen to 8,000" → detained) and the source ("according to the
//! Ministry of the Interior", "police said"). Years, dates, ages, money, percentages, times,
//! street numbers, measures and ordinals are not counts of people and are left out.
//!
//! Bounds: "more than N" → low N, no high; "almost/nearly/close to/just under N" → value N,
//! high N, low 90% of N (an analyst reads "almost 8,000" as a bit under 8,000, not as anything
//! from 0); "up to/fewer than/as many as N" → high N, low 0 (the text gives no lower bound); "between A and B", "A to B", "A-B" → low A, high B, value the
//! middle; "dozens" → low 24, no high; "about/some N" and plain N → low = high = N.
//!
//! ```
//! use herald_core::Document;
//! let doc = Document::from_text("Police said at least 12 people were killed.");
//! let sentences = herald_nlp::segment::segment(&doc.text);
//! let figures = herald_code::figures::find_figures(&doc, &sentences);
//! assert_eq!(figures[0].category, "killed");
//! assert_eq!(figures[0].low, 12.0);
//! assert_eq!(figures[0].high, None);
//! assert_eq!(figures[0].according_to.as_deref(), Some("Police"));
//! ```

mod lexicon;

use crate::numbers::{Quantity, parse_quantity};
use crate::quotes::speaker::{np_left, np_right};
use crate::quotes::words::{Word, words};
use herald_core::{Document, Figure, Sentence};
use lexicon::{
    Excluded, category_of_context, category_of_noun, excluded_after, is_month, qualifier,
};

/// Links each figure to the event it quantifies: an event of the figure's own sentence, one
/// whose CAMEO root fits the category first ("164 killed" → an assault, "8,000 detained" → an
/// arrest), else the sentence's first event that is more than a statement.
pub fn link_events(figures: &mut [Figure], events: &[herald_core::Event], sentences: &[Sentence]) {
    for f in figures.iter_mut() {
        let Some(s) = sentences
            .iter()
            .position(|s| s.span.start <= f.span.start && f.span.start < s.span.end)
        else {
            continue;
        };
        let roots: &[&str] = match f.category.as_str() {
            "killed" | "injured" | "missing" | "displaced" => &["18", "19", "20", "14"],
            "detained" => &["17"],
            "troops" | "aircraft" => &["07", "15", "19"],
            "protesters" => &["14"],
            _ => &[],
        };
        let own = || events.iter().filter(|e| e.sentence == s && !e.negated);
        f.event = own()
            .find(|e| roots.contains(&e.root.as_str()))
            .or_else(|| own().find(|e| e.root != "01"))
            .map(|e| e.id.clone());
    }
}

/// All figures of `doc`, in text order.
pub fn find_figures(doc: &Document, sentences: &[Sentence]) -> Vec<Figure> {
    let text = &doc.text;
    let mut out = Vec::new();
    for s in sentences {
        let ws = words(text, s.span);
        out.extend(in_sentence(text, &ws));
    }
    out
}

fn lower_words(ws: &[Word]) -> Vec<String> {
    ws.iter().map(Word::lower).collect()
}

fn in_sentence(text: &str, ws: &[Word]) -> Vec<Figure> {
    let lw = lower_words(ws);
    let refs: Vec<&str> = lw.iter().map(String::as_str).collect();
    let source = according_to(text, ws, &refs);
    let mut out = Vec::new();
    let mut i = 0;
    while i < ws.len() {
        let Some(q) = parse_quantity(&refs[i..]) else {
            i += 1;
            continue;
        };
        match figure_at(text, ws, &refs, i, q) {
            Some((mut f, next)) => {
                f.according_to = source.clone();
                out.push(f);
                i = next;
            }
            None => i += q.len.max(1),
        }
    }
    out
}

/// The figure whose number starts at word `i`, and the index after it.
fn figure_at(
    text: &str,
    ws: &[Word],
    lw: &[&str],
    i: usize,
    q: Quantity,
) -> Option<(Figure, usize)> {
    let mut q = q;
    let mut end = i + q.len; // one past the number
    // "a" alone, "one of", ordinal-looking or decimal counts are not figures.
    if !q.digits && q.value == 1.0 && q.high == Some(1.0) && lw.get(end) == Some(&"of") {
        return None;
    }
    if q.low.fract() != 0.0 {
        return None;
    }
    // Ranges spelled out: "20 to 30", "between 20 and 30".
    let between = i > 0 && lw[i - 1] == "between";
    if matches!(lw.get(end), Some(&"to") | Some(&"and") if between || lw.get(end) == Some(&"to"))
        && let Some(q2) = lw.get(end + 1..).and_then(parse_quantity)
        && q2.value > q.value
    {
        q = Quantity {
            value: (q.low + q2.value) / 2.0,
            low: q.low,
            high: Some(q2.value),
            len: q.len + 1 + q2.len,
            digits: q.digits,
        };
        end = i + q.len;
    }
    // Not counts: money, percentages, measures, times, dates, ages, street numbers, years.
    if i > 0
        && (matches!(
            lw[i - 1],
            "$" | "€" | "£" | "¥" | "us$" | "aged" | "age" | "ages" | "no" | "no." | "number" | "#"
        ) || is_month(lw[i - 1]))
    {
        return None;
    }
    if lw.get(end).is_some_and(|w| is_month(w)) {
        return None;
    }
    match excluded_after(&lw[end..], ws.get(end..).unwrap_or_default()) {
        Excluded::Yes => return None,
        Excluded::No => {}
    }
    let year_like =
        q.digits && q.len == 1 && (1800.0..=2100.0).contains(&q.value) && !ws[i].text.contains(',');
    // Qualifier before the number.
    let (qual, qual_start) = qualifier(&lw[..i]).map_or((None, i), |(qw, n)| (Some(qw), i - n));
    let qual_start = if between { i - 1 } else { qual_start };
    // The counted noun: "164 people", "75 military aircraft", "dozens of protesters".
    let mut k = end;
    if lw.get(k) == Some(&"of") && q.high.is_none() {
        k += 1;
        if lw.get(k) == Some(&"the") {
            k += 1;
        }
    }
    let mut noun: Option<usize> = None;
    let mut j = k;
    while j < ws.len() && j < k + 4 && ws[j].is_alnum() && !lexicon::stops_noun(lw[j]) {
        noun = Some(j);
        if category_of_noun(lw[j]).is_some() {
            break;
        }
        j += 1;
    }
    let head_cat = noun.and_then(|n| category_of_noun(lw[n]));
    let (context_cat, context_at) = category_of_context(lw, i, end).unzip();
    let fate = |c: &str| {
        matches!(
            c,
            "killed" | "injured" | "detained" | "displaced" | "missing"
        )
    };
    let category: String = match (head_cat, context_cat) {
        // "12 dead", "30 injured"
        (Some(h), _) if fate(h) => h.to_string(),
        // "2,500 protesters were arrested": what happened to them counts.
        (Some(_), Some(c)) if fate(c) => c.to_string(),
        (Some("people"), Some(c)) => c.to_string(),
        (Some(h), _) => h.to_string(),
        // "164 were killed", "the number of detainees … 8,000"
        (None, Some(c)) if noun.is_none() => c.to_string(),
        (None, _) => match noun {
            Some(n) if !year_like && q.value >= 2.0 => lexicon::free_category(lw[n])?,
            _ => return None,
        },
    };
    if year_like && head_cat.is_none() {
        return None;
    }
    // Bounds from the qualifier.
    let (low, high) = match qual {
        Some(qw) if lexicon::is_lower_bound(qw) => (q.low, None),
        Some(qw) if lexicon::is_near_below(qw) => {
            let high = q.high.unwrap_or(q.value);
            ((high * 0.9).round(), Some(high))
        }
        Some(qw) if lexicon::is_upper_bound(qw) => (0.0, Some(q.high.unwrap_or(q.value))),
        _ => (q.low, q.high),
    };
    let last = noun.unwrap_or(end - 1).max(end - 1);
    let mut first = qual_start;
    // "the lives of 164 people": the words that gave the category belong to the figure.
    if let Some(at) = context_at.flatten()
        && at < first
        && first - at <= 4
    {
        first = at;
    }
    let span = ws[first].span.cover(ws[last].span);
    Some((
        Figure {
            category,
            value: q.value,
            low,
            high,
            qualifier: qual.map(str::to_string),
            text: span.slice(text).to_string(),
            span,
            according_to: None,
            event: None,
        },
        last + 1,
    ))
}

/// The source a sentence gives for its figures: "according to X", "X said".
fn according_to(text: &str, ws: &[Word], lw: &[&str]) -> Option<String> {
    let slice = |(a, b): (usize, usize)| ws[a].span.cover(ws[b].span).slice(text).to_string();
    if let Some(i) = lw.windows(2).position(|w| w == ["according", "to"]) {
        return np_right(ws, i + 2, ws.len()).map(slice);
    }
    let cue = lw.iter().position(|w| {
        matches!(
            *w,
            "said"
                | "says"
                | "reported"
                | "announced"
                | "estimated"
                | "estimates"
                | "confirmed"
                | "told"
                | "reports"
                | "stated"
        )
    })?;
    let mut j = cue.checked_sub(1)?;
    while j > 0 && crate::quotes::cues::is_aux_or_adverb(lw[j]) {
        j -= 1;
    }
    np_left(ws, j, 0)
        .filter(|&(a, b)| {
            // A pronoun tells nothing about the source.
            !(a == b && crate::quotes::speaker::is_pronoun(lw[a]))
        })
        .map(slice)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn figures(text: &str) -> Vec<Figure> {
        let doc = Document::from_text(text);
        find_figures(&doc, &herald_nlp::segment::segment(text))
    }

    #[test]
    fn categories_values_bounds() {
        // (text, category, value, low, high, qualifier)
        type Case = (
            &'static str,
            &'static str,
            f64,
            f64,
            Option<f64>,
            Option<&'static str>,
        );
        let cases: &[Case] = &[
            (
                "The blast killed 12 people in the market.",
                "killed",
                12.0,
                12.0,
                Some(12.0),
                None,
            ),
            (
                "At least 30 people were injured.",
                "injured",
                30.0,
                30.0,
                None,
                Some("at least"),
            ),
            (
                "Nearly 2,500 protesters were arrested.",
                "detained",
                2500.0,
                2250.0,
                Some(2500.0),
                Some("nearly"),
            ),
            (
                "Police detained more than 200 people.",
                "detained",
                200.0,
                200.0,
                None,
                Some("more than"),
            ),
            (
                "The flood displaced 1.2 million people.",
                "displaced",
                1.2e6,
                1.2e6,
                Some(1.2e6),
                None,
            ),
            (
                "Between 20 and 30 soldiers were deployed.",
                "troops",
                25.0,
                20.0,
                Some(30.0),
                None,
            ),
            (
                "Some 15-20 fishermen are missing.",
                "missing",
                17.5,
                15.0,
                Some(20.0),
                Some("some"),
            ),
            (
                "Dozens of demonstrators gathered outside.",
                "protesters",
                24.0,
                24.0,
                None,
                None,
            ),
            (
                "Two thousand troops crossed the border.",
                "troops",
                2000.0,
                2000.0,
                Some(2000.0),
                None,
            ),
            (
                "The army sent up to 40 tanks.",
                "tanks",
                40.0,
                0.0,
                Some(40.0),
                Some("up to"),
            ),
            (
                "The death toll rose to 51 on Sunday.",
                "killed",
                51.0,
                51.0,
                Some(51.0),
                None,
            ),
            (
                "Hundreds of people fled their homes.",
                "displaced",
                200.0,
                200.0,
                None,
                None,
            ),
        ];
        for (text, cat, value, low, high, qual) in cases {
            let got = figures(text);
            assert_eq!(got.len(), 1, "{text}: {got:#?}");
            let f = &got[0];
            assert_eq!(
                (
                    f.category.as_str(),
                    f.value,
                    f.low,
                    f.high,
                    f.qualifier.as_deref()
                ),
                (*cat, *value, *low, *high, *qual),
                "{text}"
            );
            assert_eq!(f.span.slice(text), f.text);
        }
    }

    #[test]
    fn not_counts_of_people() {
        for text in [
            "The party has a 30-year history.",
            "A 19-year-old student was hurt.",
            "He was aged 19 at the time.",
            "Prices rose by 40 percent in 2021.",
            "The talks began on January 5 at 10:30.",
            "They paid $300 for it.",
            "She lives at 221 Baker Street.",
            "It was the first time in 2019.",
            "It cost 5 million dollars.",
            "He walked 12 kilometres.",
            "The alliance now has 6 republics.",
            "He gave 3 reasons for the delay.",
        ] {
            let got = figures(text);
            assert!(got.is_empty(), "{text}: {got:#?}");
        }
    }

    #[test]
    fn sources() {
        let got = figures(
            "The number of detainees rose to almost 8,000, according to the Ministry of Health.",
        );
        assert_eq!(got[0].category, "detained");
        assert_eq!(
            (got[0].value, got[0].low, got[0].high),
            (8000.0, 7200.0, Some(8000.0))
        );
        assert_eq!(
            got[0].according_to.as_deref(),
            Some("the Ministry of Health")
        );
        let got = figures("Officials said 9 people died.");
        assert_eq!(got[0].according_to.as_deref(), Some("Officials"));
        assert_eq!(got[0].category, "killed");
    }
}
