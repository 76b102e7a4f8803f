//! CAMEO actor codes taken apart into GDELT's actor fields, and country facts from herald's
//! own dictionaries.
//!
//! A CAMEO actor code is a run of 3-character parts: an optional country or region
//! (`KAZ`, `AFR`; after `IGO` too, as in `IGOEUREEC`), then roles (`GOV`, `COP`), religions (`MOS`, `SHI`) and known groups
//! (`UNO` in `IGOUNO`). Countries and regions come from herald's default dictionaries
//! (`herald-dict`); roles are CAMEO's role codes plus every agent code the dictionaries use;
//! religions are CAMEO's religion codes. A part that is none of these is taken as a known
//! group. herald's dictionaries code no ethnicity, so the ethnic field stays empty.

use std::collections::{HashMap, HashSet};
use std::sync::LazyLock;

/// CAMEO role (type) codes, domestic and international.
const ROLES: &[&str] = &[
    "AGR", "BUS", "COP", "CRM", "CVL", "DEV", "EDU", "ELI", "ENV", "GOV", "HLH", "HRI", "IGO",
    "IMG", "INS", "INT", "JUD", "LAB", "LEG", "MED", "MIL", "MNC", "MOD", "NGM", "NGO", "OPP",
    "PTY", "RAD", "REB", "REF", "SEP", "SET", "SPY", "UAF", "UIS",
];

/// CAMEO religion codes (general and denominations).
const RELIGIONS: &[&str] = &[
    "ALE", "ATH", "BAH", "BUD", "CHR", "CON", "CPT", "CTH", "DRZ", "HIN", "JAN", "JEW", "JHW",
    "LDS", "MOS", "ORT", "PRO", "SFI", "SHI", "SHN", "SIK", "SUN", "TAO", "ZRO",
];

/// What herald's dictionaries know about countries.
struct Facts {
    /// CAMEO country and region codes (`KAZ`, `AFR`).
    countries: HashSet<String>,
    /// Role codes: [`ROLES`] and the parts of every agent code.
    roles: HashSet<String>,
    /// ISO 3166 alpha-2 → country name (`KZ` → `Kazakhstan`).
    names: HashMap<String, String>,
}

static FACTS: LazyLock<Facts> = LazyLock::new(|| {
    let dict = herald_dict::defaults::defaults();
    let mut facts = Facts {
        countries: HashSet::new(),
        roles: ROLES.iter().map(|s| s.to_string()).collect(),
        names: HashMap::new(),
    };
    for a in &dict.actors {
        match a.kind.as_str() {
            "country" | "territory" | "region" if a.code.len() == 3 => {
                facts.countries.insert(a.code.clone());
                // Notes read "ISO 3166 KZ KAZ".
                let iso: Vec<&str> = a.note.split_whitespace().collect();
                if let ["ISO", "3166", alpha2, _] = iso[..]
                    && let Some(name) = a.names.first()
                {
                    facts
                        .names
                        .entry(alpha2.to_string())
                        .or_insert_with(|| name.clone());
                }
            }
            _ => {}
        }
    }
    for g in &dict.agents {
        for part in parts(&g.code) {
            facts.roles.insert(part.to_string());
        }
    }
    facts
});

/// `code` in 3-character parts (a shorter tail is its own part).
fn parts(code: &str) -> impl Iterator<Item = &str> {
    let mut rest = code;
    std::iter::from_fn(move || {
        if rest.is_empty() {
            return None;
        }
        let cut = rest.char_indices().nth(3).map_or(rest.len(), |(i, _)| i);
        let (part, tail) = rest.split_at(cut);
        rest = tail;
        Some(part)
    })
}

/// The code as GDELT writes it: PETRARCH's `---` (unknown country) parts left out.
pub(crate) fn gdelt_code(code: &str) -> String {
    parts(code.trim()).filter(|p| *p != "---").collect()
}

/// GDELT's ten actor fields but the name.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub(crate) struct ActorFields {
    pub(crate) country: String,
    pub(crate) known_group: String,
    pub(crate) ethnic: String,
    pub(crate) religion: [String; 2],
    pub(crate) types: [String; 3],
}

/// Takes a CAMEO actor code apart. Parts beyond GDELT's slots (a fourth role, a third
/// religion, a second group) are dropped, as GDELT drops them.
pub(crate) fn split(code: &str) -> ActorFields {
    let facts = &*FACTS;
    let code = code.trim().to_ascii_uppercase();
    let mut out = ActorFields::default();
    let (mut nt, mut nr) = (0, 0);
    for part in parts(&code) {
        if part == "---" {
            // PETRARCH's placeholder for an unknown country.
            continue;
        }
        if out.country.is_empty() && out.known_group.is_empty() && facts.countries.contains(part) {
            out.country = part.to_string();
        } else if facts.roles.contains(part) {
            if nt < 3 {
                out.types[nt] = part.to_string();
                nt += 1;
            }
        } else if RELIGIONS.contains(&part) {
            if nr < 2 {
                out.religion[nr] = part.to_string();
                nr += 1;
            }
        } else if out.known_group.is_empty() && part.len() == 3 {
            out.known_group = part.to_string();
        }
    }
    out
}

/// The country's name for an ISO 3166 alpha-2 code, from herald's dictionaries.
pub(crate) fn country_name(alpha2: &str) -> Option<&'static str> {
    FACTS
        .names
        .get(&alpha2.to_ascii_uppercase())
        .map(String::as_str)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn s(x: &str) -> String {
        x.to_string()
    }

    #[test]
    fn splits_actor_codes() {
        let f = |country: &str, group: &str, rel: [&str; 2], types: [&str; 3]| ActorFields {
            country: s(country),
            known_group: s(group),
            ethnic: String::new(),
            religion: rel.map(s),
            types: types.map(s),
        };
        let cases = [
            ("KAZGOV", f("KAZ", "", ["", ""], ["GOV", "", ""])),
            ("kazcop", f("KAZ", "", ["", ""], ["COP", "", ""])),
            ("RUS", f("RUS", "", ["", ""], ["", "", ""])),
            ("IGOUNOHRI", f("", "UNO", ["", ""], ["IGO", "HRI", ""])),
            ("USAGOVMIL", f("USA", "", ["", ""], ["GOV", "MIL", ""])),
            (
                "IRQMOSSHIREB",
                f("IRQ", "", ["MOS", "SHI"], ["REB", "", ""]),
            ),
            ("AFRMIL", f("AFR", "", ["", ""], ["MIL", "", ""])),
            ("GOV", f("", "", ["", ""], ["GOV", "", ""])),
            ("---OPP", f("", "", ["", ""], ["OPP", "", ""])),
            ("IGOEUREEC", f("EUR", "EEC", ["", ""], ["IGO", "", ""])),
            (
                "IGOEUREECGOV",
                f("EUR", "EEC", ["", ""], ["IGO", "GOV", ""]),
            ),
            ("", f("", "", ["", ""], ["", "", ""])),
        ];
        for (code, want) in cases {
            assert_eq!(split(code), want, "{code}");
        }
    }

    #[test]
    fn gdelt_codes_drop_placeholders() {
        assert_eq!(gdelt_code("---COP"), "COP");
        assert_eq!(gdelt_code("KAZGOV"), "KAZGOV");
        assert_eq!(gdelt_code("---"), "");
    }

    #[test]
    fn country_names_from_the_dictionaries() {
        assert_eq!(country_name("KZ"), Some("Kazakhstan"));
        assert_eq!(country_name("ge"), Some("Georgia"));
        assert_eq!(country_name("XX"), None);
    }
}
