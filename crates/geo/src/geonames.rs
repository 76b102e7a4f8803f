//! Loading a GeoNames dump (`allCountries.txt`, `cities500.txt`…).

use std::collections::HashMap;
use std::io::BufRead;
use std::path::Path;

use herald_core::{Error, Result};

use crate::{Entry, Gazetteer, Kind};

/// Columns of the GeoNames `geoname` table.
const COLUMNS: usize = 19;

/// The project's tables plus every usable record of the dump at `path`.
pub(crate) fn load(path: &Path) -> Result<Gazetteer> {
    let file = std::fs::File::open(path).map_err(|e| Error::io(path.display(), e))?;
    let mut gaz = Gazetteer::default();
    gaz.add_tables();
    read(
        &mut gaz,
        std::io::BufReader::new(file),
        &path.display().to_string(),
    )?;
    gaz.add_division_names();
    Ok(gaz)
}

/// Reads dump records from `input`; `origin` names it in errors.
pub(crate) fn read(gaz: &mut Gazetteer, input: impl BufRead, origin: &str) -> Result<()> {
    let mut admin1: HashMap<(String, String), u32> = HashMap::new();
    let mut admin2: HashMap<(String, String, String), u32> = HashMap::new();
    // (entry, country, admin1 code, admin2 code) to link once every division is known.
    let mut links: Vec<(u32, String, String, String)> = Vec::new();
    for (n, line) in input.lines().enumerate() {
        let at = || format!("{origin}:{}", n + 1);
        let line = line.map_err(|e| Error::format(at(), e.to_string()))?;
        if line.is_empty() || line.starts_with('#') {
            continue;
        }
        let f: Vec<&str> = line.split('\t').collect();
        if f.len() != COLUMNS {
            return Err(Error::format(
                at(),
                format!(
                    "expected {COLUMNS} tab-separated columns (GeoNames format), found {}",
                    f.len()
                ),
            ));
        }
        let num = |i: usize, what: &str| -> Result<f64> {
            f[i].parse()
                .map_err(|_| Error::format(at(), format!("bad {what} {:?}", f[i])))
        };
        let (lat, lon) = (num(4, "latitude")?, num(5, "longitude")?);
        let (class, code, cc) = (f[6], f[7], f[8]);
        let kind = match (class, code) {
            ("A", c) if c.starts_with("PCL") => continue, // the project's table has countries
            ("A", "ADM1") => Kind::Admin1,
            ("A", "ADM2") => Kind::Admin2,
            ("P", _) => Kind::City,
            ("A", _) => continue,
            _ => Kind::Feature,
        };
        let population = f[14].parse().unwrap_or(0);
        let id = gaz.push(Entry {
            name: f[1].to_string(),
            lat,
            lon,
            country: cc.to_string(),
            kind,
            population,
            admin1: None,
            admin2: None,
            capital: code == "PPLC",
        });
        match kind {
            Kind::Admin1 => {
                admin1.insert((cc.to_string(), f[10].to_string()), id);
            }
            Kind::Admin2 => {
                admin2.insert((cc.to_string(), f[10].to_string(), f[11].to_string()), id);
            }
            _ => {}
        }
        links.push((id, cc.to_string(), f[10].to_string(), f[11].to_string()));
        gaz.name(id, f[1], false);
        if f[2] != f[1] {
            gaz.name(id, f[2], true);
        }
        for alt in f[3].split(',').filter(|a| usable_alias(a)) {
            gaz.name(id, alt, true);
        }
    }
    for (id, cc, a1, a2) in links {
        let e = &mut gaz.entries[id as usize];
        if e.kind != Kind::Admin1 {
            e.admin1 = admin1.get(&(cc.clone(), a1.clone())).copied();
        }
        if !matches!(e.kind, Kind::Admin1 | Kind::Admin2) {
            e.admin2 = admin2.get(&(cc, a1, a2)).copied();
        }
    }
    Ok(())
}

/// An alternate name worth matching in English text: Latin letters, capitalised, not a code.
fn usable_alias(a: &str) -> bool {
    a.len() >= 4
        && a.is_ascii()
        && a.starts_with(|c: char| c.is_ascii_uppercase())
        && !a.chars().all(|c| c.is_ascii_uppercase())
        && a.chars()
            .all(|c| c.is_ascii_alphabetic() || " -'.".contains(c))
}

#[cfg(test)]
mod tests {
    use super::*;

    const DUMP: &str = "\
1526384\tAlmaty\tAlmaty\tAlma-Ata,ALA,Verny\t43.25\t76.91667\tP\tPPLA\tKZ\t\t02\t\t\t\t2000900\t\t786\tAsia/Almaty\t2023-01-01
1537162\tAlmaty Oblysy\tAlmaty Oblysy\t\t45.0\t78.0\tA\tADM1\tKZ\t\t10\t\t\t\t2000000\t\t\tAsia/Almaty\t2023-01-01
1526395\tAlmaty Qalasy\tAlmaty Qalasy\t\t43.25\t76.9\tA\tADM1\tKZ\t\t02\t\t\t\t1900000\t\t\tAsia/Almaty\t2023-01-01
";

    #[test]
    fn reads_geonames_rows() {
        let mut gaz = Gazetteer::default();
        read(&mut gaz, DUMP.as_bytes(), "test").unwrap();
        let hits = gaz.lookup("Alma-Ata");
        assert_eq!(hits.len(), 1);
        let e = gaz.entry(hits[0].id);
        assert_eq!(
            (e.name.as_str(), e.kind, e.population),
            ("Almaty", Kind::City, 2000900)
        );
        assert_eq!(gaz.entry(e.admin1.unwrap()).name, "Almaty Qalasy");
        assert!(gaz.lookup("ALA").is_empty(), "codes are not names");
    }

    #[test]
    fn bad_rows_name_file_and_line() {
        let mut gaz = Gazetteer::default();
        let err = read(&mut gaz, "1\tX\tX\n".as_bytes(), "dump.txt").unwrap_err();
        assert!(err.to_string().starts_with("dump.txt:1:"), "{err}");
        let bad = DUMP.replacen("43.25", "north", 1);
        let err = read(&mut gaz, bad.as_bytes(), "dump.txt").unwrap_err();
        assert!(err.to_string().contains("latitude"), "{err}");
    }

    #[test]
    fn missing_file_is_an_error() {
        assert!(Gazetteer::load_geonames("/nonexistent/allCountries.txt").is_err());
    }
}
