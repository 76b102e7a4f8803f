//! Toponym resolution: which of a name's places the document means.
//!
//! Each candidate place has a prior: its prominence (log population; countries and capitals
//! high, divisions discounted against the cities they hold), less a little for an alternate
//! name, plus a qualifier right after the name ("Paris, Texas", "Gainesville, Fla."), which
//! then holds for every mention of that name in the document (one sense per discourse).
//!
//! The document's other names then vote, softly: each name is a probability distribution
//! over its own candidates (a softmax of their scores), and a candidate place gains by the
//! share of that probability which agrees with it: the same country, the same first- or
//! second-level division, a point nearby. Agreement from several names adds up with
//! diminishing returns, and a name with a single candidate counts double. Three rounds
//! update the distributions. Unlike the hard choice per round this replaced, a name's
//! unlikely readings vote with their small probability, and a name that several places share
//! follows the county and state the story names ("Huntsville" with "Walker County" and
//! "Texas"). Measured on the geo dev set (`herald eval geo`): within 161 km 79.2% → 80.3%.

use std::collections::HashMap;

use herald_geo::{Entry, Gazetteer, Kind, fold};

use super::detect::{Candidate, Role, Word, is_institution_word};

/// Readings of a name kept, by prior (a name like "Madison" has dozens; 16 left out
/// small namesakes that the rest of the story points to: Madison, Georgia, or Nebraska).
const MAX_OPTIONS: usize = 32;
/// Prior bonus of the town a short form names ("Avondale" for "Avondale Estates").
const SHORT_FORM: f64 = 20.0;
/// Rounds of context updates.
const ROUNDS: usize = 3;

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

/// The divisions a place is, or lies in.
fn divisions(id: u32, e: &Entry) -> impl Iterator<Item = u32> {
    let own = matches!(e.kind, Kind::Admin1 | Kind::Admin2).then_some(id);
    own.into_iter().chain(e.admin1).chain(e.admin2)
}

/// True for places that are points on a map (not countries, states or regions).
fn is_point(e: &Entry) -> bool {
    matches!(e.kind, Kind::City | Kind::Admin2 | Kind::Feature)
}

/// Bonus for a place near another place of the story.
fn near_bonus(km: f64) -> f64 {
    if km < 50.0 {
        3.0
    } else if km < 200.0 {
        2.0
    } else if km < 600.0 {
        1.0
    } else {
        0.0
    }
}

/// What one name says about where the story is: its readings' probabilities spread over
/// countries and divisions, weighted by the name's vote (2 for a name with a single
/// reading, else 1).
#[derive(Default)]
struct Evidence {
    countries: HashMap<String, f64>,
    divisions: HashMap<u32, f64>,
}

impl Evidence {
    fn new(readings: &[(u32, f64)], weight: f64, gaz: &Gazetteer) -> Evidence {
        let mut ev = Evidence::default();
        for &(id, p) in readings {
            let e = gaz.entry(id);
            if !e.country.is_empty() {
                *ev.countries.entry(e.country.clone()).or_default() += weight * p;
            }
            for d in divisions(id, e) {
                *ev.divisions.entry(d).or_default() += weight * p;
            }
        }
        ev
    }

    /// Adds `other`'s votes to these.
    fn add(&mut self, other: &Evidence) {
        for (k, v) in &other.countries {
            *self.countries.entry(k.clone()).or_default() += v;
        }
        for (k, v) in &other.divisions {
            *self.divisions.entry(*k).or_default() += v;
        }
    }
}

/// Degrees of a grid cell of [`Points`].
const CELL: f64 = 2.0;

/// The point readings of every name, by grid cell, with their probabilities: which names
/// have a reading near a place, without comparing every reading with every other.
#[derive(Default)]
struct Points {
    /// Every point: (name, lat, lon, probability).
    all: Vec<Point>,
    /// Indices into `all` by cell, once there are many points.
    cells: HashMap<(i32, i32), Vec<u32>>,
}

/// A point reading: (name, lat, lon, probability).
type Point = (usize, f64, f64, f64);

/// Below this many points a plain scan beats the grid.
const SCAN: usize = 256;

impl Points {
    fn cell(lat: f64, lon: f64) -> (i32, i32) {
        ((lat / CELL).floor() as i32, (lon / CELL).floor() as i32)
    }

    fn add(&mut self, name: usize, lat: f64, lon: f64, p: f64) {
        self.all.push((name, lat, lon, p));
    }

    /// Files the points by cell when there are enough of them for it to pay.
    fn index(&mut self) {
        if self.all.len() > SCAN {
            for (k, &(_, lat, lon, _)) in self.all.iter().enumerate() {
                self.cells
                    .entry(Points::cell(lat, lon))
                    .or_default()
                    .push(k as u32);
            }
        }
    }

    /// The largest expected nearness bonus any name but `own` gives the point: for each
    /// name, the sum over its readings of probability times [`near_bonus`]. `sums` is
    /// scratch space with one zero per name, left zeroed.
    fn near(&self, own: usize, lat: f64, lon: f64, sums: &mut [f64]) -> f64 {
        // 600 km is under 5.5 degrees of latitude, and of longitude up to 60 degrees north
        // or south; nearer the poles every column is searched.
        let mut touched: Vec<usize> = Vec::new();
        let mut visit = |&(name, la, lo, p): &Point| {
            if name == own || (la - lat).abs() >= 5.5 {
                return;
            }
            let b = p * near_bonus(herald_geo::distance_km(lat, lon, la, lo));
            if b > 0.0 {
                if sums[name] == 0.0 {
                    touched.push(name);
                }
                sums[name] += b;
            }
        };
        if self.cells.is_empty() {
            self.all.iter().for_each(&mut visit);
        } else {
            let (ci, cj) = Points::cell(lat, lon);
            let dlat = (5.5 / CELL).ceil() as i32;
            // Columns wrap around the antimeridian; near the poles each is searched once.
            let cols = (360.0 / CELL) as i32;
            let (j0, j1) = if lat.abs() < 60.0 {
                let dlon = (11.0 / CELL).ceil() as i32;
                (cj - dlon, cj + dlon)
            } else {
                (-cols / 2, cols / 2 - 1)
            };
            for i in ci - dlat..=ci + dlat {
                for j in j0..=j1 {
                    let jj = (j + cols / 2).rem_euclid(cols) - cols / 2;
                    for &k in self.cells.get(&(i, jj)).map_or(&[][..], Vec::as_slice) {
                        visit(&self.all[k as usize]);
                    }
                }
            }
        }
        let mut best: f64 = 0.0;
        for name in touched {
            best = best.max(sums[name]);
            sums[name] = 0.0;
        }
        best
    }
}

/// Context score of reading `id` of name `n`: the votes of every name (`all`) less the
/// name's own (`own`), and the nearest other names' points.
fn context_score(
    id: u32,
    e: &Entry,
    n: usize,
    own: &Evidence,
    all: &Evidence,
    points: &Points,
    sums: &mut [f64],
) -> f64 {
    // More names agreeing weigh more, with diminishing returns.
    let weight = |n: f64| n.clamp(0.0, 4.0).sqrt();
    let others = |m: &HashMap<u32, f64>, o: &HashMap<u32, f64>, k: u32| {
        m.get(&k).copied().unwrap_or(0.0) - o.get(&k).copied().unwrap_or(0.0)
    };
    let own_id = matches!(e.kind, Kind::Admin1 | Kind::Admin2).then_some(id);
    let country = if e.country.is_empty() {
        0.0
    } else {
        all.countries.get(&e.country).copied().unwrap_or(0.0)
            - own.countries.get(&e.country).copied().unwrap_or(0.0)
    };
    let admin1 = e
        .admin1
        .or(own_id)
        .map_or(0.0, |a| others(&all.divisions, &own.divisions, a));
    let admin2 = e
        .admin2
        .or(own_id.filter(|_| e.kind == Kind::Admin2))
        .map_or(0.0, |a| others(&all.divisions, &own.divisions, a));
    let near = if is_point(e) {
        points.near(n, e.lat, e.lon, sums)
    } else {
        0.0
    };
    3.0 * weight(country) + 4.0 * weight(admin1) + 1.5 * weight(admin2) + near
}

/// Probabilities from scores (softmax).
fn softmax(scores: &[f64]) -> Vec<f64> {
    let max = scores.iter().copied().fold(f64::NEG_INFINITY, f64::max);
    let exp: Vec<f64> = scores.iter().map(|s| (s - max).exp()).collect();
    let sum: f64 = exp.iter().sum();
    exp.iter().map(|x| x / sum).collect()
}

/// The place each candidate refers to (`None` when the gazetteer has nothing usable).
pub(crate) fn resolve(words: &[Word], cands: &[Candidate], gaz: &Gazetteer) -> Vec<Option<u32>> {
    // A qualifier: the next candidate, right after a comma, naming a division or country.
    let qualifier: Vec<Vec<u32>> = cands
        .iter()
        .enumerate()
        .map(|(k, c)| {
            let Some(next) = cands.get(k + 1) else {
                return Vec::new();
            };
            let comma = words[c.end - 1].punct_after == Some(',');
            if !comma || next.first != c.end || next.role == Role::Adjectival {
                return Vec::new();
            }
            options(next, gaz)
                .into_iter()
                .map(|(id, _)| id)
                .filter(|&id| {
                    matches!(
                        gaz.entry(id).kind,
                        Kind::Admin1 | Kind::Admin2 | Kind::Country
                    )
                })
                .collect()
        })
        .collect();
    // +20 for a reading inside one of the qualifiers, -3 for one outside them all.
    let qualified = |id: u32, quals: &[&[u32]]| -> f64 {
        if quals.is_empty() {
            return 0.0;
        }
        let e = gaz.entry(id);
        let inside = quals.iter().flat_map(|q| q.iter()).any(|&qid| {
            let qe = gaz.entry(qid);
            match qe.kind {
                Kind::Country => e.country == qe.country,
                _ => e.admin1 == Some(qid) || e.admin2 == Some(qid),
            }
        });
        if inside { 20.0 } else { -3.0 }
    };
    // The document's names, each with its mentions.
    let mut index: HashMap<String, usize> = HashMap::new();
    let mut mentions: Vec<Vec<usize>> = Vec::new();
    let name_of: Vec<usize> = cands
        .iter()
        .enumerate()
        .map(|(k, c)| {
            let n = *index.entry(fold(&c.key)).or_insert_with(|| {
                mentions.push(Vec::new());
                mentions.len() - 1
            });
            mentions[n].push(k);
            n
        })
        .collect();
    // Each name's readings and their priors; a qualifier of one mention holds for all.
    let mut single = Vec::with_capacity(mentions.len());
    let mut readings: Vec<Vec<(u32, bool, f64)>> = mentions
        .iter()
        .map(|ks| {
            let quals: Vec<&[u32]> = ks
                .iter()
                .map(|&k| qualifier[k].as_slice())
                .filter(|q| !q.is_empty())
                .collect();
            let opts = options(&cands[ks[0]], gaz);
            single.push(opts.len() == 1);
            let mut r: Vec<(u32, bool, f64)> = opts
                .into_iter()
                .map(|(id, alias)| {
                    let mut s = (1.0 + prominence(gaz.entry(id))).ln();
                    if alias {
                        s -= 2.0;
                    }
                    (id, alias, s + qualified(id, &quals))
                })
                .collect();
            r.sort_by(|a, b| b.2.total_cmp(&a.2).then(a.0.cmp(&b.0)));
            r.truncate(MAX_OPTIONS);
            r
        })
        .collect();
    // A short form of a longer name the story uses ("Avondale" after "Avondale Estates")
    // names the same town, unless it is a state or country of its own ("New York").
    let keys: Vec<String> = mentions.iter().map(|ks| fold(&cands[ks[0]].key)).collect();
    for n in 0..readings.len() {
        let polity = readings[n].iter().any(|r| !is_point(gaz.entry(r.0)));
        if polity || cands[mentions[n][0]].role == Role::Adjectival {
            continue;
        }
        let prefix = format!("{} ", keys[n]);
        let longer: Vec<(u32, bool, f64)> = (0..readings.len())
            .filter(|&m| {
                // Not the place of an institution: "Dublin City Council".
                let next = cands[mentions[m][0]]
                    .key
                    .split(' ')
                    .nth(prefix.split(' ').count() - 1);
                keys[m].starts_with(&prefix) && !next.is_some_and(is_institution_word)
            })
            .flat_map(|m| readings[m].iter().take(1))
            .filter(|r| gaz.entry(r.0).kind == Kind::City)
            .map(|&(id, _, prior)| (id, false, prior + SHORT_FORM))
            .collect();
        readings[n].extend(longer);
    }
    let mut scores: Vec<Vec<f64>> = readings
        .iter()
        .map(|r| r.iter().map(|x| x.2).collect())
        .collect();
    let mut sums = vec![0.0; readings.len()];
    for _ in 0..ROUNDS {
        let mut all = Evidence::default();
        let mut points = Points::default();
        let evidence: Vec<Evidence> = readings
            .iter()
            .zip(&scores)
            .zip(&single)
            .enumerate()
            .map(|(n, ((r, s), &one))| {
                let p: Vec<(u32, f64)> = r.iter().map(|x| x.0).zip(softmax(s)).collect();
                for &(id, p) in &p {
                    let e = gaz.entry(id);
                    if is_point(e) {
                        points.add(n, e.lat, e.lon, p);
                    }
                }
                let ev = Evidence::new(&p, if one { 2.0 } else { 1.0 }, gaz);
                all.add(&ev);
                ev
            })
            .collect();
        points.index();
        scores = readings
            .iter()
            .enumerate()
            .map(|(n, r)| {
                r.iter()
                    .map(|&(id, _, prior)| {
                        let e = gaz.entry(id);
                        prior + context_score(id, e, n, &evidence[n], &all, &points, &mut sums)
                    })
                    .collect()
            })
            .collect();
    }
    // Each mention takes its name's best reading; a mention with its own qualifier is
    // judged by that qualifier rather than the name's.
    cands
        .iter()
        .enumerate()
        .map(|(k, _)| {
            let n = name_of[k];
            let own = qualifier[k].as_slice();
            let all: Vec<&[u32]> = mentions[n]
                .iter()
                .map(|&m| qualifier[m].as_slice())
                .filter(|q| !q.is_empty())
                .collect();
            readings[n]
                .iter()
                .zip(&scores[n])
                .map(|(&(id, _, _), &s)| {
                    let s = if own.is_empty() {
                        s
                    } else {
                        s - qualified(id, &all) + qualified(id, &[own])
                    };
                    (id, s)
                })
                .max_by(|a, b| a.1.total_cmp(&b.1).then(b.0.cmp(&a.0)))
                .map(|(id, _)| id)
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The grid finds what a plain scan finds, near the poles and across the antimeridian too.
    #[test]
    fn grid_and_scan_agree() {
        let mut state = 0x2545_F491_4F6C_DD1Du64;
        let mut next = || {
            state ^= state << 13;
            state ^= state >> 7;
            state ^= state << 17;
            (state >> 11) as f64 / (1u64 << 53) as f64
        };
        let mut scan = Points::default();
        let mut probes = Vec::new();
        for k in 0..600 {
            // Clusters, so that points have neighbours within 600 km.
            let (lat, lon) = if k % 3 == 0 {
                (next() * 170.0 - 85.0, next() * 360.0 - 180.0)
            } else {
                let c = [(64.0, 179.0), (-10.0, -179.5), (40.0, -90.0), (80.0, 10.0)];
                let (a, b) = c[k % 4];
                (
                    a + next() * 6.0 - 3.0,
                    (b + next() * 10.0 - 5.0 + 540.0) % 360.0 - 180.0,
                )
            };
            scan.add(k % 40, lat, lon, next());
            probes.push((k % 40, lat, lon));
        }
        let mut grid = Points {
            all: scan.all.clone(),
            ..Default::default()
        };
        grid.index();
        assert!(!grid.cells.is_empty() && scan.cells.is_empty());
        let mut sums = vec![0.0; 40];
        for &(own, lat, lon) in &probes {
            let a = scan.near(own, lat, lon, &mut sums);
            let b = grid.near(own, lat, lon, &mut sums);
            assert!((a - b).abs() < 1e-9, "{lat} {lon}: scan {a} grid {b}");
        }
    }
}
