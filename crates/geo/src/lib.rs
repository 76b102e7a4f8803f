//! herald's gazetteer: place names to coordinates.
//!
//! Place in the pipeline: the places stage of `herald-code` finds toponyms in the text and asks
//! this crate what they may refer to; it chooses among the candidates with the document's
//! context. Three sources make the embedded [`Gazetteer`]:
//!
//! - `data/countries.tsv` and `data/regions.tsv`, written by the project: every country with a
//!   representative point, its names and its demonyms; continents, seas and regions news names;
//! - `data/gazetteer.tsv.gz`, generated from GeoNames (CC BY 4.0) by `gen/gen_gazetteer.py`:
//!   cities with their population (every place of 1,000 people or more, and every place of 500
//!   or more in the United States, Canada, the United Kingdom, Ireland, Australia and New
//!   Zealand) and first- and second-level administrative divisions (states, provinces,
//!   counties);
//! - with [`Gazetteer::load_geonames`], a full GeoNames dump the user has (`allCountries.txt`,
//!   `cities500.txt`…) in place of the embedded cities.
//!
//! The embedded data is decoded once, on first use.
//!
//! ```
//! use herald_geo::{Gazetteer, Kind};
//! let gaz = Gazetteer::embedded();
//! let best = gaz
//!     .lookup("Almaty")
//!     .iter()
//!     .map(|h| gaz.entry(h.id))
//!     .filter(|e| e.kind == Kind::City)
//!     .max_by_key(|e| e.population)
//!     .unwrap();
//! assert_eq!(best.country, "KZ");
//! assert_eq!(best.kind, Kind::City);
//! assert!((best.lat - 43.25).abs() < 0.1 && (best.lon - 76.91).abs() < 0.1);
//! ```
#![deny(missing_docs)]

mod build;
mod embedded;
mod fold;
mod geonames;

use std::collections::{HashMap, HashSet};
use std::sync::LazyLock;

pub use fold::fold;

/// What kind of place an entry is.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Kind {
    /// A country or dependent territory.
    Country,
    /// A continent, sea, or region that is no administrative unit.
    Region,
    /// A first-level division: state, province, oblast…
    Admin1,
    /// A second-level division: county, parish, district…
    Admin2,
    /// A populated place.
    City,
    /// Any other feature of a GeoNames dump (river, mountain, park…).
    Feature,
}

/// One place.
#[derive(Clone, Debug, PartialEq)]
pub struct Entry {
    /// Its name.
    pub name: String,
    /// Latitude, degrees north.
    pub lat: f64,
    /// Longitude, degrees east.
    pub lon: f64,
    /// ISO 3166-1 alpha-2 code of its country; empty for regions that span countries.
    pub country: String,
    /// What kind of place it is.
    pub kind: Kind,
    /// Population (for a division: of its places; 0 when unknown).
    pub population: u64,
    /// The first-level division it lies in (an entry id).
    pub admin1: Option<u32>,
    /// The second-level division it lies in (an entry id).
    pub admin2: Option<u32>,
    /// True for a national capital.
    pub capital: bool,
}

/// A name's candidate: the entry and whether the name is its main one or an alias.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Hit {
    /// The entry id ([`Gazetteer::entry`]).
    pub id: u32,
    /// True when the name is an alternate name of the entry.
    pub alias: bool,
}

/// Place names and what they may refer to. Build once ([`Gazetteer::embedded`],
/// [`Gazetteer::load_geonames`]); lookups take folded or raw names.
#[derive(Debug, Default)]
pub struct Gazetteer {
    entries: Vec<Entry>,
    names: HashMap<String, Vec<Hit>>,
    adjectives: HashMap<String, Vec<u32>>,
    common: HashSet<String>,
    countries: HashMap<String, u32>,
    max_words: usize,
}

static EMBEDDED: LazyLock<Gazetteer> = LazyLock::new(embedded::load);

impl Gazetteer {
    /// The embedded gazetteer, decoded on first use.
    pub fn embedded() -> &'static Gazetteer {
        &EMBEDDED
    }

    /// The project's countries and regions plus every record of a GeoNames dump
    /// (`allCountries.txt`, `citiesN.txt`: the 19-column tab-separated format) in place of the
    /// embedded cities and divisions.
    pub fn load_geonames(path: impl AsRef<std::path::Path>) -> herald_core::Result<Gazetteer> {
        geonames::load(path.as_ref())
    }

    /// Candidates for a name (folded by [`fold`] first), main names and aliases.
    pub fn lookup(&self, name: &str) -> &[Hit] {
        self.names.get(&fold(name)).map_or(&[], Vec::as_slice)
    }

    /// Places a demonym or adjective refers to ("Kazakh" → Kazakhstan).
    pub fn adjective(&self, word: &str) -> &[u32] {
        self.adjectives.get(&fold(word)).map_or(&[], Vec::as_slice)
    }

    /// True when a one-word name is also a common English word ("Mobile", "Reading").
    pub fn is_common_word(&self, word: &str) -> bool {
        self.common.contains(&fold(word))
    }

    /// The entry with this id. Panics on an id this gazetteer did not hand out.
    pub fn entry(&self, id: u32) -> &Entry {
        &self.entries[id as usize]
    }

    /// The country entry for an ISO 3166-1 alpha-2 code.
    pub fn country(&self, cc: &str) -> Option<u32> {
        self.countries.get(cc).copied()
    }

    /// The most words any name has (lookups of longer spans cannot match).
    pub fn max_name_words(&self) -> usize {
        self.max_words
    }

    /// Number of entries.
    pub fn len(&self) -> usize {
        self.entries.len()
    }

    /// True when the gazetteer has no entries.
    pub fn is_empty(&self) -> bool {
        self.entries.is_empty()
    }
}

/// Great-circle distance in kilometres between two points given in degrees.
pub fn distance_km(lat1: f64, lon1: f64, lat2: f64, lon2: f64) -> f64 {
    let (p1, p2) = (lat1.to_radians(), lat2.to_radians());
    let dp = p2 - p1;
    let dl = (lon2 - lon1).to_radians();
    let a = (dp / 2.0).sin().powi(2) + p1.cos() * p2.cos() * (dl / 2.0).sin().powi(2);
    2.0 * 6371.0088 * a.sqrt().min(1.0).asin()
}
