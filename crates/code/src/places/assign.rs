//! Placing events: the place named in the event's own sentence, else the document's main
//! place.

use std::collections::HashMap;

use herald_core::{Event, Place, Sentence, Span};

/// The document's main place: among the places of the most-mentioned country, the
/// most-mentioned place below country level (a city over its country: "Almaty" in a story
/// about Kazakhstan), else that country; ties go to the first mentioned.
pub fn main_place(places: &[Place]) -> Option<&Place> {
    let mut by_country: HashMap<&str, usize> = HashMap::new();
    for p in places {
        *by_country
            .entry(p.country.as_deref().unwrap_or(""))
            .or_default() += 1;
    }
    let first_of = |cc: &str| {
        places
            .iter()
            .position(|p| p.country.as_deref().unwrap_or("") == cc)
    };
    let (cc, _) = by_country
        .iter()
        .filter(|(cc, _)| !cc.is_empty())
        .max_by_key(|(cc, n)| (**n, std::cmp::Reverse(first_of(cc))))?;
    let in_country: Vec<&Place> = places
        .iter()
        .filter(|p| p.country.as_deref() == Some(*cc))
        .collect();
    let mut counts: HashMap<&str, usize> = HashMap::new();
    for p in &in_country {
        *counts.entry(p.name.as_str()).or_default() += 1;
    }
    // A place whose name is not the country's own (the country entry has the country's
    // coordinates; any other name is more specific).
    let country_name = in_country
        .iter()
        .map(|p| p.name.as_str())
        .max_by_key(|n| counts[n])
        .unwrap_or_default();
    let specific = in_country
        .iter()
        .filter(|p| p.name != country_name || counts.len() == 1)
        .max_by_key(|p| (counts[p.name.as_str()], std::cmp::Reverse(p.span.start)));
    specific.or_else(|| in_country.first()).copied()
}

/// Gives every event the place named in its sentence (the one nearest its evidence), else
/// the document's main place ([`main_place`]). `places` are the document's places
/// ([`super::find_places`]): demonyms and metonyms are not among them. A place that is the
/// event's own source actor ("The United States, meanwhile, criticised…") is metonymy: it
/// says who acted, not where, so it never places that event.
pub fn place_events(events: &mut [Event], places: &[Place], sentences: &[Sentence]) {
    let main = main_place(places).cloned();
    for event in events.iter_mut() {
        let sentence: Option<Span> = sentences
            .iter()
            .find(|s| s.span.start <= event.evidence.start && event.evidence.start < s.span.end)
            .or_else(|| sentences.get(event.sentence))
            .map(|s| s.span);
        let local = sentence.and_then(|s| {
            places
                .iter()
                .filter(|p| s.contains(p.span) && !p.span.overlaps(event.source.span))
                .min_by_key(|p| distance(p.span, event.evidence))
        });
        event.place = local.cloned().or_else(|| main.clone());
    }
}

/// Bytes between two spans (0 when they overlap).
fn distance(a: Span, b: Span) -> usize {
    if a.end <= b.start {
        b.start - a.end
    } else {
        a.start.saturating_sub(b.end)
    }
}
