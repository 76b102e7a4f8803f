//! Toponym resolution: which of a name's places the document means.
//!
//! Each candidate place scores its prominence (log population; countries and capitals
//! high, divisions discounted against the cities they hold) plus its agreement with the
//! document: a qualifier right after the name ("Paris, Texas", "Gainesville, Fla."), the
//! countries and first- and second-level divisions the document's other names resolve to. A
//! first pass resolves every name by prominence and qualifier alone; the second adds the
//! context of the first pass's choices for the *other* names.

use std::collections::HashMap;

use herald_geo::{Entry, Gazetteer, Kind, fold};

use super::detect::{Candidate, Role, Word};

/// Prominence of a place, as a population-like figure.
fn prominence(e: &Entry) -> f64 {
    let pop = e.population as f64;
    match e.kind {
        Kind::Country => 5e7,
        Kind::Region => 2e7,
        Kind::Admin1 => pop * 0.5,
        Kind::Admin2 => pop * 0.3,
        Kind::City if e.capital => pop * 10.0,
        Kind::City => pop,
        Kind::Feature => pop.max(1000.0),
    }
}

/// What the rest of the document says about where it is.
#[derive(Default)]
struct Context {
    /// (key, country) → mentions.
    countries: HashMap<String, Vec<String>>,
    /// (key, division entry) → mentions.
    divisions: HashMap<String, Vec<u32>>,
    /// (key, point) of places below country level.
    points: Vec<(String, f64, f64)>,
}

impl Context {
    fn add(&mut self, key: &str, id: u32, gaz: &Gazetteer) {
        let e = gaz.entry(id);
        if !e.country.is_empty() {
            self.countries
                .entry(key.into())
                .or_default()
                .push(e.country.clone());
        }
        let divs = self.divisions.entry(key.into()).or_default();
        match e.kind {
            Kind::Admin1 | Kind::Admin2 => divs.push(id),
            _ => {}
        }
        divs.extend(e.admin1);
        divs.extend(e.admin2);
        if matches!(e.kind, Kind::City | Kind::Admin2 | Kind::Feature) {
            self.points.push((key.into(), e.lat, e.lon));
        }
    }

    /// Distance in km from a point to the nearest place another name resolved to.
    fn nearest_km(&self, key: &str, lat: f64, lon: f64) -> Option<f64> {
        self.points
            .iter()
            .filter(|(k, ..)| k != key)
            .map(|(_, la, lo)| herald_geo::distance_km(lat, lon, *la, *lo))
            .min_by(f64::total_cmp)
    }

    /// True when a name other than `key` points to country `cc`.
    fn has_country(&self, key: &str, cc: &str) -> bool {
        self.countries
            .iter()
            .any(|(k, v)| k != key && v.iter().any(|c| c == cc))
    }

    /// True when a name other than `key` points to division `id`.
    fn has_division(&self, key: &str, id: u32) -> bool {
        self.divisions
            .iter()
            .any(|(k, v)| k != key && v.contains(&id))
    }
}

/// Candidate places of a detected name.
fn options(c: &Candidate, gaz: &Gazetteer) -> Vec<(u32, bool)> {
    if c.role == Role::Adjectival {
        return gaz
            .adjective(&c.key)
            .iter()
            .map(|&id| (id, false))
            .collect();
    }
    gaz.lookup(&c.key).iter().map(|h| (h.id, h.alias)).collect()
}

/// The place each candidate refers to (`None` when the gazetteer has nothing usable).
pub(crate) fn resolve(words: &[Word], cands: &[Candidate], gaz: &Gazetteer) -> Vec<Option<u32>> {
    // A qualifier: the next candidate, right after a comma, naming a division or country.
    let qualifier: Vec<Option<Vec<u32>>> = cands
        .iter()
        .enumerate()
        .map(|(k, c)| {
            let next = cands.get(k + 1)?;
            let comma = words[c.end - 1].punct_after == Some(',');
            (comma && next.first == c.end && next.role != Role::Adjectival).then(|| {
                options(next, gaz)
                    .into_iter()
                    .map(|(id, _)| id)
                    .filter(|&id| {
                        matches!(
                            gaz.entry(id).kind,
                            Kind::Admin1 | Kind::Admin2 | Kind::Country
                        )
                    })
                    .collect::<Vec<u32>>()
            })
        })
        .collect();
    let score = |k: usize, id: u32, alias: bool, ctx: Option<&Context>| -> f64 {
        let c = &cands[k];
        let e = gaz.entry(id);
        let mut s = (1.0 + prominence(e)).ln();
        if alias {
            s -= 2.0;
        }
        if let Some(q) = qualifier[k].as_ref().filter(|q| !q.is_empty()) {
            let inside = q.iter().any(|&qid| {
                let qe = gaz.entry(qid);
                match qe.kind {
                    Kind::Country => e.country == qe.country,
                    _ => e.admin1 == Some(qid) || e.admin2 == Some(qid),
                }
            });
            s += if inside { 20.0 } else { -3.0 };
        }
        if let Some(ctx) = ctx {
            let key = fold(&c.key);
            if !e.country.is_empty() && ctx.has_country(&key, &e.country) {
                s += 3.0;
            }
            let own = match e.kind {
                Kind::Admin1 | Kind::Admin2 => Some(id),
                _ => None,
            };
            if e.admin1.or(own).is_some_and(|a| ctx.has_division(&key, a)) {
                s += 4.0;
            }
            if e.admin2.is_some_and(|a| ctx.has_division(&key, a)) {
                s += 1.5;
            }
            // Places of one story lie near each other.
            if matches!(e.kind, Kind::City | Kind::Admin2 | Kind::Feature) {
                s += match ctx.nearest_km(&key, e.lat, e.lon) {
                    Some(d) if d < 50.0 => 3.0,
                    Some(d) if d < 200.0 => 2.0,
                    Some(d) if d < 600.0 => 1.0,
                    _ => 0.0,
                };
            }
        }
        s
    };
    let pick = |ctx: Option<&Context>| -> Vec<Option<u32>> {
        cands
            .iter()
            .enumerate()
            .map(|(k, c)| {
                options(c, gaz)
                    .into_iter()
                    .map(|(id, alias)| (id, score(k, id, alias, ctx)))
                    .max_by(|a, b| a.1.total_cmp(&b.1))
                    .map(|(id, _)| id)
            })
            .collect()
    };
    let first = pick(None);
    let mut ctx = Context::default();
    for (c, id) in cands.iter().zip(&first) {
        if let Some(id) = id {
            ctx.add(&fold(&c.key), *id, gaz);
        }
    }
    pick(Some(&ctx))
}
