//! Tests of the embedded default dictionaries: they check clean and meet coverage floors.

use std::collections::{HashMap, HashSet};

use chrono::NaiveDate;

use super::*;
use crate::entry::ActorEntry;
use crate::format::{check, is_cameo_event_code};

fn day(s: &str) -> NaiveDate {
    NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap()
}

fn in_force(a: &ActorEntry, on: NaiveDate) -> bool {
    a.from.is_none_or(|f| f <= on) && a.until.is_none_or(|u| on <= u)
}

/// The codes a name (case-insensitive, whole name) has on a day.
fn codes_of(name: &str, on: &str) -> HashSet<String> {
    let on = day(on);
    defaults()
        .actors
        .iter()
        .filter(|a| in_force(a, on) && a.names.iter().any(|n| n.eq_ignore_ascii_case(name)))
        .map(|a| a.code.clone())
        .collect()
}

fn only(codes: &[&str]) -> HashSet<String> {
    codes.iter().map(|c| c.to_string()).collect()
}

#[test]
fn every_embedded_file_checks_clean() {
    for (name, text) in FILES {
        let problems = check(text, name);
        let shown: Vec<String> = problems.iter().take(20).map(|p| p.to_string()).collect();
        assert!(
            problems.is_empty(),
            "{} problems:\n{}",
            problems.len(),
            shown.join("\n")
        );
    }
}

#[test]
fn names_code_as_expected_on_the_day() {
    let cases: &[(&str, &str, &[&str])] = &[
        ("Tokayev", "2022-01-10", &["KAZGOV"]),
        ("Tokayev", "2015-06-01", &["KAZLEG"]),
        ("Nazarbayev", "2018-06-01", &["KAZGOV"]),
        ("Nazarbayev", "2023-01-01", &["KAZELI"]),
        ("Kazakh", "2022-01-10", &["KAZ"]),
        ("Astana", "2022-01-10", &["KAZ"]),
        ("Akorda", "2022-01-10", &["KAZGOV"]),
        ("Kremlin", "2020-01-01", &["RUSGOV"]),
        ("Moscow", "2020-01-01", &["RUS"]),
        ("Putin", "2015-03-01", &["RUSGOV"]),
        ("Trump", "2023-01-01", &["USAELI"]),
        ("Trump", "2025-06-01", &["USAGOV"]),
        ("Zelensky", "2022-03-01", &["UKRGOV"]),
        ("Pashinyan", "2021-06-01", &["ARMGOV"]),
        ("Ilham Aliyev", "2020-10-01", &["AZEGOV"]),
        ("Mirziyoyev", "2022-07-01", &["UZBGOV"]),
        ("Japarov", "2022-09-15", &["KGZGOV"]),
        ("Emomali Rahmon", "2022-09-15", &["TJKGOV"]),
        ("Serdar Berdimuhamedov", "2023-05-01", &["TKMGOV"]),
        ("CSTO", "2022-01-06", &["IGOCASCST"]),
        ("NATO", "2022-01-06", &["IGOWSTNAT"]),
        ("Central Asia", "2022-01-06", &["CAS"]),
    ];
    for (name, on, want) in cases {
        assert_eq!(codes_of(name, on), only(want), "{name} on {on}");
    }
}

#[test]
fn no_name_has_two_codes_on_the_same_day() {
    // A person line per office: offices held one after another must not overlap, or the
    // coder could not choose. Walk each name's periods and compare every pair.
    let mut by_name: HashMap<String, Vec<&ActorEntry>> = HashMap::new();
    for a in &defaults().actors {
        for n in &a.names {
            by_name.entry(n.to_lowercase()).or_default().push(a);
        }
    }
    let mut clashes = Vec::new();
    for (name, entries) in &by_name {
        for (i, a) in entries.iter().enumerate() {
            for b in &entries[i + 1..] {
                let lo = a.from.max(b.from);
                let hi = match (a.until, b.until) {
                    (Some(x), Some(y)) => Some(x.min(y)),
                    (x, None) | (None, x) => x,
                };
                let overlap = match (lo, hi) {
                    (Some(l), Some(h)) => l <= h,
                    _ => true,
                };
                if a.code != b.code && overlap {
                    clashes.push(format!(
                        "{name}: {} (line {}) / {} (line {})",
                        a.code, a.line, b.code, b.line
                    ));
                }
            }
        }
    }
    clashes.sort();
    assert!(
        clashes.is_empty(),
        "{} clashes:\n{}",
        clashes.len(),
        clashes.join("\n")
    );
}

/// ISO 3166-1 alpha-3 codes of every country and territory, plus Kosovo (XKX, CAMEO KSV).
const ISO3: &str = "AFG ALA ALB DZA ASM AND AGO AIA ATA ATG ARG ARM ABW AUS AUT AZE BHS BHR BGD BRB \
BLR BEL BLZ BEN BMU BTN BOL BES BIH BWA BVT BRA IOT BRN BGR BFA BDI CPV KHM CMR CAN CYM CAF TCD CHL \
CHN CXR CCK COL COM COG COD COK CRI CIV HRV CUB CUW CYP CZE DNK DJI DMA DOM ECU EGY SLV GNQ ERI EST \
SWZ ETH FLK FRO FJI FIN FRA GUF PYF ATF GAB GMB GEO DEU GHA GIB GRC GRL GRD GLP GUM GTM GGY GIN GNB \
GUY HTI HMD VAT HND HKG HUN ISL IND IDN IRN IRQ IRL IMN ISR ITA JAM JPN JEY JOR KAZ KEN KIR PRK KOR \
KWT KGZ LAO LVA LBN LSO LBR LBY LIE LTU LUX MAC MDG MWI MYS MDV MLI MLT MHL MTQ MRT MUS MYT MEX FSM \
MDA MCO MNG MNE MSR MAR MOZ MMR NAM NRU NPL NLD NCL NZL NIC NER NGA NIU NFK MKD MNP NOR OMN PAK PLW \
PSE PAN PNG PRY PER PHL PCN POL PRT PRI QAT REU ROU RUS RWA BLM SHN KNA LCA MAF SPM VCT WSM SMR STP \
SAU SEN SRB SYC SLE SGP SXM SVK SVN SLB SOM ZAF SGS SSD ESP LKA SDN SUR SJM SWE CHE SYR TWN TJK TZA \
THA TLS TGO TKL TON TTO TUN TUR TKM TCA TUV UGA UKR ARE GBR USA UMI URY UZB VUT VEN VNM VGB VIR WLF \
ESH YEM ZMB ZWE KSV";

#[test]
fn every_country_and_territory_has_a_code_line() {
    let coded: HashSet<&str> = defaults()
        .actors
        .iter()
        .filter(|a| a.kind == "country" || a.kind == "territory")
        .map(|a| a.code.as_str())
        .collect();
    let codes: Vec<&str> = ISO3.split_whitespace().collect();
    assert_eq!(codes.len(), 250);
    let missing: Vec<&&str> = codes.iter().filter(|c| !coded.contains(**c)).collect();
    assert!(missing.is_empty(), "no country line for {missing:?}");
}

#[test]
fn organisations_and_regions_meet_their_floors() {
    let orgs: HashSet<(&str, &str)> = defaults()
        .actors
        .iter()
        .filter(|a| {
            a.kind == "organization" && (a.code.starts_with("IGO") || a.code.starts_with("NGO"))
        })
        .map(|a| (a.code.as_str(), a.names[0].as_str()))
        .collect();
    assert!(orgs.len() >= 150, "{} organisations", orgs.len());
    let regions = defaults()
        .actors
        .iter()
        .filter(|a| a.kind == "region")
        .count();
    assert!(regions >= 20, "{regions} regions");
}

#[test]
fn agents_compose_as_cameo_does() {
    let code_of = |word: &str| -> Vec<&str> {
        defaults()
            .agents
            .iter()
            .filter(|a| a.names.iter().any(|n| n == word))
            .map(|a| a.code.as_str())
            .collect()
    };
    for (word, code) in [
        ("police", "COP"),
        ("security forces", "COP"),
        ("protesters", "OPP"),
        ("soldiers", "MIL"),
        ("rebels", "REB"),
        ("militia", "UAF"),
        ("journalists", "MED"),
        ("government", "GOV"),
        ("refugees", "REF"),
    ] {
        assert_eq!(code_of(word), [code], "{word}");
    }
}

#[test]
fn verbs_cover_every_cameo_root_and_most_codes() {
    let verbs = &defaults().verbs;
    assert!(verbs.len() >= 1000, "{} patterns", verbs.len());
    let codes: HashSet<&str> = verbs.iter().map(|v| v.code.as_str()).collect();
    for root in 1..=20 {
        let root = format!("{root:02}");
        assert!(
            codes.iter().any(|c| c.starts_with(&root)),
            "no pattern for root {root}"
        );
    }
    // (An empty code is a pattern that codes nothing: "fight an epidemic".)
    assert!(codes.iter().all(|c| c.is_empty() || is_cameo_event_code(c)));
    assert!(codes.contains(""), "no silent pattern");
    // Every three- and four-digit CAMEO code has at least one pattern.
    let ontology = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../../../shared/data/ontology/CAMEO.eventcodes.txt"
    );
    let Ok(text) = std::fs::read_to_string(ontology) else {
        eprintln!("skipping the per-code check: {ontology} not found");
        return;
    };
    let missing: Vec<&str> = text
        .lines()
        .skip(1)
        .filter_map(|l| l.split('\t').next())
        .filter(|c| c.len() >= 3)
        .filter(|c| !codes.contains(c))
        .collect();
    assert!(missing.is_empty(), "no pattern for {missing:?}");
}

/// Elected members of the UN Security Council by year (the permanent five are in the G20).
const UNSC: &[(i32, &str)] = &[
    (2015, "AGO TCD CHL JOR LTU MYS NZL NGA ESP VEN"),
    (2016, "AGO EGY JPN MYS NZL SEN ESP UKR URY VEN"),
    (2017, "BOL EGY ETH ITA JPN KAZ SEN SWE UKR URY"),
    (2018, "BOL CIV GNQ ETH KAZ KWT NLD PER POL SWE"),
    (2019, "BEL CIV DOM GNQ DEU IDN KWT PER POL ZAF"),
    (2020, "BEL DOM EST DEU IDN NER VCT ZAF TUN VNM"),
    (2021, "EST IND IRL KEN MEX NER NOR VCT TUN VNM"),
    (2022, "ALB BRA GAB GHA IND IRL KEN MEX NOR ARE"),
    (2023, "ALB BRA ECU GAB GHA JPN MLT MOZ CHE ARE"),
    (2024, "DZA ECU GUY JPN MLT MOZ KOR SLE SVN CHE"),
    (2025, "DZA DNK GRC GUY PAK PAN KOR SLE SVN SOM"),
    (2026, "BHR COL COD DNK GRC LVA LBR PAK PAN SOM"),
];

const G20_AND_P5: &str =
    "ARG AUS BRA CAN CHN FRA DEU IND IDN ITA JPN KOR MEX RUS SAU ZAF TUR GBR USA";

#[test]
fn office_holders_cover_g20_unsc_and_central_asia() {
    let has_leader = |country: &str, on: NaiveDate| {
        let gov = format!("{country}GOV");
        defaults()
            .actors
            .iter()
            .any(|a| a.kind == "person" && a.code == gov && in_force(a, on))
    };
    let mut missing = Vec::new();
    for (year, members) in UNSC {
        let on = NaiveDate::from_ymd_opt(*year, 6, 30).unwrap();
        for c in members.split_whitespace() {
            if !has_leader(c, on) {
                missing.push(format!("{c} {year}"));
            }
        }
    }
    let central = "KAZ KGZ TJK TKM UZB ARM AZE GEO UKR ISR IRN";
    for year in 2015..=2026 {
        let on = NaiveDate::from_ymd_opt(year, 6, 30).unwrap();
        for c in G20_AND_P5
            .split_whitespace()
            .chain(central.split_whitespace())
        {
            if !has_leader(c, on) {
                missing.push(format!("{c} {year}"));
            }
        }
    }
    assert!(missing.is_empty(), "no office holder for {missing:?}");
}
