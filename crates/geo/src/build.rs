//! Building a gazetteer: entries, their names, and the project's hand-written tables.

use crate::{Entry, Gazetteer, Hit, Kind, fold};

/// The project's countries: `cc lat lon names demonyms`.
const COUNTRIES: &str = include_str!("../data/countries.tsv");
/// The project's regions: `lat lon names adjectives`.
const REGIONS: &str = include_str!("../data/regions.tsv");

impl Gazetteer {
    /// Adds an entry and returns its id.
    pub(crate) fn push(&mut self, entry: Entry) -> u32 {
        let id = u32::try_from(self.entries.len()).expect("fewer than 2^32 places");
        if entry.kind == Kind::Country && !self.countries.contains_key(&entry.country) {
            self.countries.insert(entry.country.clone(), id);
        }
        self.entries.push(entry);
        id
    }

    /// Files `name` under entry `id`.
    pub(crate) fn name(&mut self, id: u32, name: &str, alias: bool) {
        let key = fold(name);
        if key.is_empty() {
            return;
        }
        self.max_words = self.max_words.max(key.split(' ').count());
        let hits = self.names.entry(key).or_default();
        if !hits.iter().any(|h| h.id == id) {
            hits.push(Hit { id, alias });
        }
    }

    /// Files a demonym or adjective under entry `id`.
    pub(crate) fn adjective_of(&mut self, id: u32, word: &str) {
        let ids = self.adjectives.entry(fold(word)).or_default();
        if !ids.contains(&id) {
            ids.push(id);
        }
    }

    /// Marks a one-word name as a common English word.
    pub(crate) fn common_word(&mut self, word: &str) {
        self.common.insert(fold(word));
    }

    /// Adds the project's countries and regions.
    pub(crate) fn add_tables(&mut self) {
        for line in data_lines(COUNTRIES) {
            let f: Vec<&str> = line.split('\t').collect();
            let (cc, lat, lon, names, adjectives) = (f[0], f[1], f[2], f[3], f.get(4));
            let id = self.push(Entry {
                name: names.split('|').next().unwrap_or(cc).to_string(),
                lat: lat.parse().expect("countries.tsv: latitude"),
                lon: lon.parse().expect("countries.tsv: longitude"),
                country: cc.to_string(),
                kind: Kind::Country,
                population: 0,
                admin1: None,
                admin2: None,
                capital: false,
            });
            self.add_names(id, names, adjectives.copied());
        }
        for line in data_lines(REGIONS) {
            let f: Vec<&str> = line.split('\t').collect();
            let (lat, lon, names, adjectives) = (f[0], f[1], f[2], f.get(3));
            let id = self.push(Entry {
                name: names.split('|').next().unwrap_or_default().to_string(),
                lat: lat.parse().expect("regions.tsv: latitude"),
                lon: lon.parse().expect("regions.tsv: longitude"),
                country: String::new(),
                kind: Kind::Region,
                population: 0,
                admin1: None,
                admin2: None,
                capital: false,
            });
            self.add_names(id, names, adjectives.copied());
        }
    }

    fn add_names(&mut self, id: u32, names: &str, adjectives: Option<&str>) {
        for (i, n) in names.split('|').enumerate() {
            self.name(id, n, i > 0);
        }
        for a in adjectives.unwrap_or_default().split('|') {
            if !a.is_empty() {
                self.adjective_of(id, a);
            }
        }
    }
}

/// United States state abbreviations in AP style, with the states' names. (Two-letter postal
/// codes are left out: "IN", "OR" and "ME" are words.)
const US_STATES: &[(&str, &str)] = &[
    ("Ala.", "Alabama"),
    ("Alaska", "Alaska"),
    ("Ariz.", "Arizona"),
    ("Ark.", "Arkansas"),
    ("Calif.|Cal.", "California"),
    ("Colo.", "Colorado"),
    ("Conn.", "Connecticut"),
    ("Del.", "Delaware"),
    ("D.C.", "District of Columbia"),
    ("Fla.", "Florida"),
    ("Ga.", "Georgia"),
    ("Hawaii", "Hawaii"),
    ("Idaho", "Idaho"),
    ("Ill.", "Illinois"),
    ("Ind.", "Indiana"),
    ("Iowa", "Iowa"),
    ("Kan.|Kans.", "Kansas"),
    ("Ky.", "Kentucky"),
    ("La.", "Louisiana"),
    ("Maine", "Maine"),
    ("Md.", "Maryland"),
    ("Mass.", "Massachusetts"),
    ("Mich.", "Michigan"),
    ("Minn.", "Minnesota"),
    ("Miss.", "Mississippi"),
    ("Mo.", "Missouri"),
    ("Mont.", "Montana"),
    ("Neb.|Nebr.", "Nebraska"),
    ("Nev.", "Nevada"),
    ("N.H.", "New Hampshire"),
    ("N.J.", "New Jersey"),
    ("N.M.|N.Mex.", "New Mexico"),
    ("N.Y.", "New York"),
    ("N.C.", "North Carolina"),
    ("N.D.|N.Dak.", "North Dakota"),
    ("Ohio", "Ohio"),
    ("Okla.", "Oklahoma"),
    ("Ore.|Oreg.", "Oregon"),
    ("Pa.|Penn.", "Pennsylvania"),
    ("R.I.", "Rhode Island"),
    ("S.C.", "South Carolina"),
    ("S.D.|S.Dak.", "South Dakota"),
    ("Tenn.", "Tennessee"),
    ("Texas|Tex.", "Texas"),
    ("Utah", "Utah"),
    ("Vt.", "Vermont"),
    ("Va.", "Virginia"),
    ("Wash.", "Washington"),
    ("W.Va.|W. Va.", "West Virginia"),
    ("Wis.|Wisc.", "Wisconsin"),
    ("Wyo.", "Wyoming"),
];

impl Gazetteer {
    /// Files the abbreviations of the United States' states under their first-level
    /// divisions, once those are loaded.
    pub(crate) fn add_us_abbreviations(&mut self) {
        for (abbrevs, state) in US_STATES {
            let id = self
                .lookup(state)
                .iter()
                .find(|h| {
                    let e = &self.entries[h.id as usize];
                    e.kind == Kind::Admin1 && e.country == "US"
                })
                .map(|h| h.id);
            if let Some(id) = id {
                for a in abbrevs.split('|') {
                    self.name(id, a, true);
                }
            }
        }
    }
}

/// Lines of a hand-written table: blank lines and `#` comments skipped.
fn data_lines(text: &str) -> impl Iterator<Item = &str> {
    text.lines()
        .map(|l| l.trim_end_matches('\r'))
        .filter(|l| !l.trim().is_empty() && !l.starts_with('#'))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tables_are_well_formed() {
        for line in data_lines(COUNTRIES) {
            let f: Vec<&str> = line.split('\t').collect();
            assert!(f.len() >= 4, "countries.tsv: {line}");
            assert_eq!(f[0].len(), 2, "countries.tsv: {line}");
            let lat: f64 = f[1].parse().expect(line);
            let lon: f64 = f[2].parse().expect(line);
            assert!(
                (-90.0..=90.0).contains(&lat) && (-180.0..=180.0).contains(&lon),
                "{line}"
            );
        }
        for line in data_lines(REGIONS) {
            let f: Vec<&str> = line.split('\t').collect();
            assert!(f.len() >= 3, "regions.tsv: {line}");
            let _: f64 = f[0].parse().expect(line);
            let _: f64 = f[1].parse().expect(line);
        }
    }
}
