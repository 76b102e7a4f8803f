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

/// First-level divisions of the United States and Canada: their abbreviations in AP and
/// Canadian Press style, and their demonyms (`abbreviations`, `name`, `demonyms`; lists
/// separated by '|'). Two-letter postal codes are left out: "IN", "OR" and "ME" are words.
const DIVISIONS: &[(&str, &str, &str, &str)] = &[
    (
        "US",
        "Ala.",
        "Alabama",
        "Alabamian|Alabamians|Alabaman|Alabamans",
    ),
    ("US", "", "Alaska", "Alaskan|Alaskans"),
    ("US", "Ariz.", "Arizona", "Arizonan|Arizonans"),
    ("US", "Ark.", "Arkansas", "Arkansan|Arkansans"),
    (
        "US",
        "Calif.|Cal.",
        "California",
        "Californian|Californians",
    ),
    ("US", "Colo.", "Colorado", "Coloradan|Coloradans"),
    ("US", "Conn.", "Connecticut", ""),
    ("US", "Del.", "Delaware", "Delawarean|Delawareans"),
    ("US", "D.C.", "District of Columbia", ""),
    ("US", "Fla.", "Florida", "Floridian|Floridians"),
    ("US", "Ga.", "Georgia", "Georgian|Georgians"),
    ("US", "", "Hawaii", "Hawaiian|Hawaiians"),
    ("US", "", "Idaho", "Idahoan|Idahoans"),
    ("US", "Ill.", "Illinois", "Illinoisan|Illinoisans"),
    (
        "US",
        "Ind.",
        "Indiana",
        "Hoosier|Hoosiers|Indianan|Indianans",
    ),
    ("US", "", "Iowa", "Iowan|Iowans"),
    ("US", "Kan.|Kans.", "Kansas", "Kansan|Kansans"),
    ("US", "Ky.", "Kentucky", "Kentuckian|Kentuckians"),
    (
        "US",
        "La.",
        "Louisiana",
        "Louisianan|Louisianans|Louisianian|Louisianians",
    ),
    ("US", "", "Maine", "Mainer|Mainers"),
    ("US", "Md.", "Maryland", "Marylander|Marylanders"),
    ("US", "Mass.", "Massachusetts", ""),
    ("US", "Mich.", "Michigan", "Michigander|Michiganders"),
    ("US", "Minn.", "Minnesota", "Minnesotan|Minnesotans"),
    ("US", "Miss.", "Mississippi", "Mississippian|Mississippians"),
    ("US", "Mo.", "Missouri", "Missourian|Missourians"),
    ("US", "Mont.", "Montana", "Montanan|Montanans"),
    ("US", "Neb.|Nebr.", "Nebraska", "Nebraskan|Nebraskans"),
    ("US", "Nev.", "Nevada", "Nevadan|Nevadans"),
    (
        "US",
        "N.H.",
        "New Hampshire",
        "New Hampshirite|New Hampshirites",
    ),
    ("US", "N.J.", "New Jersey", "New Jerseyan|New Jerseyans"),
    (
        "US",
        "N.M.|N.Mex.",
        "New Mexico",
        "New Mexican|New Mexicans",
    ),
    ("US", "N.Y.", "New York", "New Yorker|New Yorkers"),
    (
        "US",
        "N.C.",
        "North Carolina",
        "North Carolinian|North Carolinians",
    ),
    (
        "US",
        "N.D.|N.Dak.",
        "North Dakota",
        "North Dakotan|North Dakotans",
    ),
    ("US", "", "Ohio", "Ohioan|Ohioans"),
    ("US", "Okla.", "Oklahoma", "Oklahoman|Oklahomans"),
    ("US", "Ore.|Oreg.", "Oregon", "Oregonian|Oregonians"),
    (
        "US",
        "Pa.|Penn.",
        "Pennsylvania",
        "Pennsylvanian|Pennsylvanians",
    ),
    (
        "US",
        "R.I.",
        "Rhode Island",
        "Rhode Islander|Rhode Islanders",
    ),
    (
        "US",
        "S.C.",
        "South Carolina",
        "South Carolinian|South Carolinians",
    ),
    (
        "US",
        "S.D.|S.Dak.",
        "South Dakota",
        "South Dakotan|South Dakotans",
    ),
    ("US", "Tenn.", "Tennessee", "Tennessean|Tennesseans"),
    ("US", "Tex.", "Texas", "Texan|Texans"),
    ("US", "", "Utah", "Utahn|Utahns"),
    ("US", "Vt.", "Vermont", "Vermonter|Vermonters"),
    ("US", "Va.", "Virginia", "Virginian|Virginians"),
    ("US", "Wash.", "Washington", "Washingtonian|Washingtonians"),
    (
        "US",
        "W.Va.|W. Va.",
        "West Virginia",
        "West Virginian|West Virginians",
    ),
    (
        "US",
        "Wis.|Wisc.",
        "Wisconsin",
        "Wisconsinite|Wisconsinites",
    ),
    ("US", "Wyo.", "Wyoming", "Wyomingite|Wyomingites"),
    ("CA", "Alta.", "Alberta", "Albertan|Albertans"),
    (
        "CA",
        "B.C.",
        "British Columbia",
        "British Columbian|British Columbians",
    ),
    ("CA", "", "Manitoba", "Manitoban|Manitobans"),
    (
        "CA",
        "N.B.",
        "New Brunswick",
        "New Brunswicker|New Brunswickers",
    ),
    (
        "CA",
        "N.L.|Nfld.",
        "Newfoundland and Labrador",
        "Newfoundlander|Newfoundlanders",
    ),
    ("CA", "N.S.", "Nova Scotia", "Nova Scotian|Nova Scotians"),
    (
        "CA",
        "Ont.",
        "Ontario",
        "Ontarian|Ontarians|Ontarioan|Ontarioans",
    ),
    ("CA", "P.E.I.", "Prince Edward Island", ""),
    (
        "CA",
        "Que.",
        "Quebec",
        "Quebecer|Quebecers|Quebecker|Quebeckers",
    ),
    ("CA", "Sask.", "Saskatchewan", ""),
    ("CA", "N.W.T.", "Northwest Territories", ""),
];

/// Representative points of the United States' states and Canada's provinces as GeoNames
/// gives them (facts, written by the project). The generated gazetteer has no points for
/// divisions and places them at the centre of their cities' extent, which is close for most
/// but not for a state or province whose people live at one edge: Ontario's box centre is
/// 200 km south of GeoNames' point, Quebec's 260 km east, and GeoNames puts Virginia at its
/// capital, 175 km from the box centre. Those points are what a GeoNames-based reader, and
/// the gold data of `herald eval geo`, expect. Alberta, Kentucky, Pennsylvania and the three
/// territories are left at the box centre: their GeoNames points are not known here.
const DIVISION_POINTS: &[(&str, &str, f64, f64)] = &[
    ("US", "Alabama", 32.75, -86.75),
    ("US", "Alaska", 64.0, -150.0),
    ("US", "Arizona", 34.5, -111.5),
    ("US", "Arkansas", 34.75, -92.5),
    ("US", "California", 37.25, -119.75),
    ("US", "Colorado", 39.0, -105.5),
    ("US", "Connecticut", 41.67, -72.67),
    ("US", "Delaware", 39.0, -75.5),
    ("US", "District of Columbia", 38.92, -77.0),
    ("US", "Florida", 28.75, -82.5),
    ("US", "Georgia", 32.75, -83.5),
    ("US", "Hawaii", 20.75, -156.5),
    ("US", "Idaho", 44.5, -114.25),
    ("US", "Illinois", 40.0, -89.25),
    ("US", "Indiana", 40.0, -86.25),
    ("US", "Iowa", 42.0, -93.5),
    ("US", "Kansas", 38.5, -98.5),
    ("US", "Louisiana", 31.0, -92.0),
    ("US", "Maine", 45.5, -69.25),
    ("US", "Maryland", 39.0, -76.75),
    ("US", "Massachusetts", 42.37, -71.11),
    ("US", "Michigan", 44.25, -85.5),
    ("US", "Minnesota", 46.25, -94.25),
    ("US", "Mississippi", 32.75, -89.75),
    ("US", "Missouri", 38.25, -92.5),
    ("US", "Montana", 47.0, -109.75),
    ("US", "Nebraska", 41.5, -99.75),
    ("US", "Nevada", 39.25, -116.75),
    ("US", "New Hampshire", 43.67, -71.5),
    ("US", "New Jersey", 40.17, -74.5),
    ("US", "New Mexico", 34.5, -106.0),
    ("US", "New York", 43.0, -75.5),
    ("US", "North Carolina", 35.5, -80.0),
    ("US", "North Dakota", 47.5, -100.0),
    ("US", "Ohio", 40.25, -83.0),
    ("US", "Oklahoma", 35.49, -97.5),
    ("US", "Oregon", 44.0, -120.5),
    ("US", "Rhode Island", 41.67, -71.5),
    ("US", "South Carolina", 34.0, -81.0),
    ("US", "South Dakota", 44.5, -100.25),
    ("US", "Tennessee", 35.75, -86.25),
    ("US", "Texas", 31.25, -99.25),
    ("US", "Utah", 39.25, -111.75),
    ("US", "Vermont", 44.0, -72.75),
    ("US", "Virginia", 37.55, -77.45),
    ("US", "Washington", 47.5, -120.5),
    ("US", "West Virginia", 38.5, -80.5),
    ("US", "Wisconsin", 44.5, -90.0),
    ("US", "Wyoming", 43.0, -107.55),
    ("CA", "British Columbia", 54.0, -125.0),
    ("CA", "Manitoba", 55.0, -97.0),
    ("CA", "New Brunswick", 46.5, -66.75),
    ("CA", "Newfoundland and Labrador", 52.0, -56.0),
    ("CA", "Nova Scotia", 45.0, -63.0),
    ("CA", "Ontario", 49.25, -84.5),
    ("CA", "Prince Edward Island", 46.33, -63.5),
    ("CA", "Quebec", 52.0, -72.0),
    ("CA", "Saskatchewan", 54.0, -106.0),
];

/// Short names of large cities (`aliases`, `name`, `country`).
const CITY_ALIASES: &[(&str, &str, &str)] = &[
    ("L.A.", "Los Angeles", "US"),
    ("NYC|N.Y.C.", "New York City", "US"),
    ("Philly", "Philadelphia", "US"),
];

impl Gazetteer {
    /// The largest entry of `kind` named `name` in country `cc`.
    fn find(&self, name: &str, kind: Kind, cc: &str) -> Option<u32> {
        self.lookup(name)
            .iter()
            .map(|h| h.id)
            .filter(|&id| {
                let e = &self.entries[id as usize];
                e.kind == kind && e.country == cc
            })
            .max_by_key(|&id| self.entries[id as usize].population)
    }

    /// Files the abbreviations and demonyms of the United States' states and Canada's
    /// provinces under their first-level divisions, puts them at GeoNames' points, and files
    /// short names of large cities, once those are loaded.
    pub(crate) fn add_division_names(&mut self) {
        for (cc, abbrevs, name, demonyms) in DIVISIONS {
            let Some(id) = self.find(name, Kind::Admin1, cc) else {
                continue;
            };
            for a in abbrevs.split('|').filter(|a| !a.is_empty()) {
                self.name(id, a, true);
            }
            for d in demonyms.split('|').filter(|d| !d.is_empty()) {
                self.adjective_of(id, d);
            }
        }
        for &(cc, name, lat, lon) in DIVISION_POINTS {
            if let Some(id) = self.find(name, Kind::Admin1, cc) {
                let e = &mut self.entries[id as usize];
                (e.lat, e.lon) = (lat, lon);
            }
        }
        for (aliases, name, cc) in CITY_ALIASES {
            if let Some(id) = self.find(name, Kind::City, cc) {
                for a in aliases.split('|') {
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

    /// Every division given a point exists under that name, and takes the point.
    #[test]
    fn division_points_apply() {
        let gaz = Gazetteer::embedded();
        for &(cc, name, lat, lon) in DIVISION_POINTS {
            let id = gaz
                .find(name, Kind::Admin1, cc)
                .unwrap_or_else(|| panic!("{cc} {name}"));
            let e = gaz.entry(id);
            assert_eq!((e.lat, e.lon), (lat, lon), "{name}");
        }
    }
}
