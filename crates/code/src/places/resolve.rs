//! Toponym resolution: which of a name's places the document means.
//!
//! Each candidate place scores its prominence (log population; countries and capitals
//! high, divisions discounted against the cities they hold) plus its agreement with the
//! document: a qualifier right after the name ("Paris, Texas", "Gainesville, Fla."), the
//! countries and first- and second-level divisions the document's other names resolve to. A
//! first pass resolves every name by prominence and qualifier alone; the next two add the
//! context of the previous pass's choices for the *other* names, each agreeing name adding
//! weight (with diminishing returns).

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
    /// Names with a single candidate place: their votes count double.
    sure: std::collections::HashSet<String>,
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

    /// How many names other than `key` point to country `cc` (unambiguous names count twice).
    fn country_votes(&self, key: &str, cc: &str) -> usize {
        self.countries
            .iter()
            .filter(|(k, v)| k.as_str() != key && v.iter().any(|c| c == cc))
            .map(|(k, _)| if self.sure.contains(k) { 2 } else { 1 })
            .sum()
    }

    /// How many names other than `key` point to division `id` (unambiguous names count twice).
    fn division_votes(&self, key: &str, id: u32) -> usize {
        self.divisions
            .iter()
            .filter(|(k, v)| k.as_str() != key && v.contains(&id))
            .map(|(k, _)| if self.sure.contains(k) { 2 } else { 1 })
            .sum()
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
            // More names agreeing weigh more, with diminishing returns.
            let weight = |n: usize| (n.min(4) as f64).sqrt();
            if !e.country.is_empty() {
                s += 3.0 * weight(ctx.country_votes(&key, &e.country));
            }
            let own = match e.kind {
                Kind::Admin1 | Kind::Admin2 => Some(id),
                _ => None,
            };
            if let Some(a) = e.admin1.or(own) {
                s += 4.0 * weight(ctx.division_votes(&key, a));
            }
            if let Some(a) = e.admin2 {
                s += 1.5 * weight(ctx.division_votes(&key, a));
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
    // Context from the previous pass's choices; a second round lets names settled by the
    // first round's context pull the rest along.
    let mut chosen = pick(None);
    for _ in 0..2 {
        let mut ctx = Context::default();
        for (c, id) in cands.iter().zip(&chosen) {
            if let Some(id) = id {
                ctx.add(&fold(&c.key), *id, gaz);
                if options(c, gaz).len() == 1 {
                    ctx.sure.insert(fold(&c.key));
                }
            }
        }
        chosen = pick(Some(&ctx));
    }
    chosen
}
