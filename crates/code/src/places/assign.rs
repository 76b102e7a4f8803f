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
/// ([`super::find_places`]): demonyms and metonyms are not among them. In the sentence, a
/// place that is an actor of one of its events ("The United States, meanwhile, criticised
/// Russia"; "Armenia and Belarus have come to the aid…") says who acted, not where, so it
/// places none of them; and a country or region places an event only after a locative ("in
/// Kazakhstan", "troops arrived in Kazakhstan", not "the CSTO, made up of Russia, Armenia…"
/// or "troops from Russia"), while a city or district does wherever it stands ("Almaty
/// protests").
///
/// `gaz` is the gazetteer the places came from.
pub fn place_events(
    events: &mut [Event],
    places: &[Place],
    sentences: &[Sentence],
    text: &str,
    gaz: &herald_geo::Gazetteer,
) {
    // Places at country level or above: their name is their country's, or they have none.
    let broad = |p: &Place| match &p.country {
        None => true,
        Some(cc) => gaz
            .country(cc)
            .is_some_and(|id| gaz.entry(id).name == p.name),
    };
    let located = |p: &Place| {
        let before = text[..p.span.start].trim_end();
        let word = before
            .rsplit(|c: char| !c.is_alphanumeric())
            .next()
            .unwrap_or("")
            .to_lowercase();
        word != "from" && super::detect::is_locative(&word)
    };
    let actors: Vec<Span> = events
        .iter()
        .flat_map(|e| [Some(e.source.span), e.target.as_ref().map(|t| t.span)])
        .flatten()
        .filter(|s| !s.is_empty())
        .collect();
    // The main place, from the places that locate something (else those that are no actor,
    // else all): "The United States criticised Russia. Protesters marched in Almaty." is
    // about Almaty.
    let is_actor = |p: &Place| actors.iter().any(|a| a.overlaps(p.span));
    let free: Vec<Place> = places.iter().filter(|p| !is_actor(p)).cloned().collect();
    let sited: Vec<Place> = free
        .iter()
        .filter(|p| !broad(p) || located(p))
        .cloned()
        .collect();
    let main = main_place(&sited)
        .or_else(|| main_place(&free))
        .or_else(|| main_place(places))
        .cloned();
    for event in events.iter_mut() {
        let sentence: Option<Span> = sentences
            .iter()
            .find(|s| s.span.start <= event.evidence.start && event.evidence.start < s.span.end)
            .or_else(|| sentences.get(event.sentence))
            .map(|s| s.span);
        let local = sentence.and_then(|s| {
            places
                .iter()
                .filter(|p| s.contains(p.span) && !is_actor(p))
                .filter(|p| !broad(p) || located(p))
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
