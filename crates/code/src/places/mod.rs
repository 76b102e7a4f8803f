//! Places: toponyms found in the text and geocoded with the gazetteer.
//!
//! Detection ([`find_toponyms`]): capitalised word sequences the gazetteer knows (names,
//! aliases, AP state abbreviations, demonyms), dropped when the context says otherwise: a
//! one-word name that is also a common English word ("Mobile") needs a locative before it
//! ("in Mobile"); a name inside a longer capitalised name ("George Washington") is a person's
//! or organisation's, unless what comes before is a word like "the" or "Northeast"; "a
//! Charleston man", "Oxford Police", "R-Elbow Lake" and "Atlanta-based" are places, and so
//! are datelines in capitals ("MANSFIELD --", "MOUNT GILEAD (AP)"). A name only doubted by
//! its context (a common word after "the", a first name before a capital, "Gainesville
//! says") is kept when the same story places it plainly elsewhere ("in Gainesville"): one
//! sense per story. The entity recogniser's tags are not used:
//! on the geo dev set its Person tag, as a veto, cost more real places than it saved.
//! Demonyms ("Kazakh") and names standing for governments ("Moscow said") are kept with
//! their [`Role`], for evaluation, but they are actors, not places: [`find_places`] leaves
//! them out.
//!
//! Resolution: see the `resolve` module: prominence plus agreement with the rest of the
//! document (qualifiers, countries, states and counties named elsewhere).
//!
//! ```
//! use herald_core::Document;
//! let doc = Document::from_text("Protesters gathered in Almaty, Kazakhstan's largest city.");
//! let places = herald_code::places::find_places(&doc, &[]);
//! let almaty = places.iter().find(|p| p.name == "Almaty").unwrap();
//! assert_eq!(almaty.country.as_deref(), Some("KZ"));
//! assert!((almaty.lat - 43.24).abs() < 0.1 && (almaty.lon - 76.89).abs() < 0.1);
//! ```

mod assign;
mod detect;
mod resolve;

pub use assign::{main_place, place_events};
pub use detect::Role;
pub use herald_geo::Gazetteer;

use herald_core::{Document, Place, Sentence};
use herald_geo::Kind;

/// A geocoded toponym and what it does in its sentence.
#[derive(Clone, Debug, PartialEq)]
pub struct Toponym {
    /// The place, with the span of its name in the text.
    pub place: Place,
    /// Place, demonym, or metonym.
    pub role: Role,
    /// What kind of place the name resolved to.
    pub kind: Kind,
}

/// Every toponym of a document, demonyms and metonyms included, resolved with `gaz`.
pub fn find_toponyms(doc: &Document, sentences: &[Sentence], gaz: &Gazetteer) -> Vec<Toponym> {
    let words = detect::words(&doc.text, sentences, gaz);
    let cands = detect::detect(&doc.text, &words, gaz);
    let ids = resolve::resolve(&words, &cands, gaz);
    cands
        .iter()
        .zip(ids)
        .filter_map(|(c, id)| {
            let e = gaz.entry(id?);
            Some(Toponym {
                place: Place {
                    name: e.name.clone(),
                    lat: e.lat,
                    lon: e.lon,
                    country: (!e.country.is_empty()).then(|| e.country.clone()),
                    span: c.span,
                },
                role: c.role,
                kind: e.kind,
            })
        })
        .collect()
}

/// The places of a document (toponyms used as places), geocoded with the embedded gazetteer.
pub fn find_places(doc: &Document, sentences: &[Sentence]) -> Vec<Place> {
    find_places_with(doc, sentences, Gazetteer::embedded())
}

/// [`find_places`] with a given gazetteer (e.g. [`Gazetteer::load_geonames`]).
pub fn find_places_with(doc: &Document, sentences: &[Sentence], gaz: &Gazetteer) -> Vec<Place> {
    find_toponyms(doc, sentences, gaz)
        .into_iter()
        .filter(|t| t.role == Role::Place)
        .map(|t| t.place)
        .collect()
}

#[cfg(test)]
mod tests;
