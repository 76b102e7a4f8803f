//! Actors: dictionary names and agents found in a sentence and composed into actor units.
//!
//! A unit is one noun phrase that names one or more actors: "Kazakh police" (`KAZ` + `COP`),
//! "the government of Gondor", "Gondor's main opposition group", "MSF Arnor" (prefix agent),
//! "Lawmakers and officials in Fornost and Gondor" (two agents × two countries = four
//! members). An agent with no country keeps its agent code behind `---` (`---GOV`): the actor
//! is kept, never dropped. Other stages (quotes) use [`resolve_span`] to code a speaker.

pub mod words;

use herald_core::{Mention, Span, Upos};
use herald_dict::compile::{AgentCode, CompiledDict};

pub use words::{Word, words};

/// One actor inside a unit: its code and the words it came from.
#[derive(Clone, Debug, PartialEq)]
pub struct Member {
    /// CAMEO actor code (`GONGOV`, `---COP`).
    pub code: String,
    /// Bytes of the words naming it.
    pub span: Span,
    /// person, country, agent… (from the dictionary, or `agent` for agent-only members).
    pub kind: String,
}

/// A noun phrase naming actors, over words `start..end` of the sentence.
#[derive(Clone, Debug, PartialEq)]
pub struct Unit {
    /// First word.
    pub start: usize,
    /// One past the last word.
    pub end: usize,
    /// The actors named (several for "Arnor, Osgiliath and Gondor").
    pub members: Vec<Member>,
    /// The preposition governing the phrase ("with", "by"…), when there is one.
    pub prep: Option<String>,
}

#[derive(Clone, Debug)]
enum Raw {
    Actor { code: String, kind: String },
    Agent(AgentCode),
}

#[derive(Clone, Debug)]
struct Match {
    start: usize,
    end: usize,
    what: Raw,
}

const PREPS: &[&str] = &[
    "with", "to", "of", "from", "in", "on", "at", "by", "for", "against", "between", "into",
    "over", "about", "toward", "towards", "among", "near", "across", "through", "under", "inside",
    "outside", "within", "after", "before", "during", "amid", "along",
];
const DETS: &[&str] = &[
    "the", "a", "an", "its", "their", "his", "her", "our", "this", "that",
];

/// "foreign", "external", "outside", "international", "overseas": a word that places the
/// actor after it outside the country a text is about (lower case).
pub fn foreign_word(w: &str) -> bool {
    matches!(
        w,
        "foreign" | "external" | "outside" | "international" | "overseas"
    )
}

/// Joins an actor code with an agent code.
pub fn compose(actor: &str, agent: &AgentCode) -> String {
    if agent.prefix {
        format!("{}{}", agent.code, actor)
    } else if actor.ends_with(&agent.code) || actor.len() > 3 && actor[3..].contains(&agent.code) {
        actor.to_string()
    } else {
        // ("Defence Minister Christine Lambrecht": DEUGOV and GOVMIL make DEUGOVMIL.)
        let roles = actor.get(3..).unwrap_or("");
        let overlap = (1..=roles.len() / 3)
            .rev()
            .map(|k| k * 3)
            .find(|&k| agent.code.starts_with(&roles[roles.len() - k..]))
            .unwrap_or(0);
        format!("{actor}{}", &agent.code[overlap.min(agent.code.len())..])
    }
}

fn matches(
    ws: &[Word],
    lower: &[&str],
    dict: &CompiledDict,
    date: Option<chrono::NaiveDate>,
) -> Vec<Match> {
    let mut out = Vec::new();
    let mut i = 0;
    while i < ws.len() {
        if ws[i].punct {
            i += 1;
            continue;
        }
        let code_of =
            |(n, ids): (usize, Vec<&usize>)| dict.actor_code_of(&ids, date).map(|c| (n, c));
        // A blank in a PETRARCH phrase lets modifiers in: "Ithilen state-run television".
        let gap_ok = |j: usize| {
            ws[j].lower == "-" || matches!(ws[j].upos, Some(Upos::Adj | Upos::Noun)) && !ws[j].cap
        };
        let actor = dict
            .actors
            .longest_gapped(lower, i, gap_ok)
            .and_then(code_of);
        // "US", "WHO": names that are also common words match only in capitals.
        let exact = dict
            .exact_actors
            .longest(lower, i)
            .filter(|(n, _)| ws[i..i + n].iter().all(|w| w.upper || w.punct))
            .and_then(code_of);
        let actor = match (actor, exact) {
            (Some(a), Some(e)) => Some(if e.0 > a.0 { e } else { a }),
            (a, e) => a.or(e),
        };
        let agent = dict.agents.longest_gapped(lower, i, gap_ok);
        let an = actor.as_ref().map_or(0, |a| a.0);
        // "the West Bank": "the West" must not take the first word of a longer name that
        // starts inside it.
        if an > 1
            && (i + 1..i + an).any(|k| {
                dict.actors
                    .longest(lower, k)
                    .is_some_and(|(n, _)| k + n > i + an)
            })
        {
            i += 1;
            continue;
        }
        let gn = agent.as_ref().map_or(0, |a| a.0);
        if an > 0 && an >= gn {
            let (n, c) = actor.expect("checked");
            // A null code (`---`) names something that is deliberately not an actor.
            if !c.code.starts_with("---") && c.code != "+++" && c.code != "###" {
                out.push(Match {
                    start: i,
                    end: i + n,
                    what: Raw::Actor {
                        code: c.code.to_uppercase(),
                        kind: c.kind.clone(),
                    },
                });
            }
            i += n;
        } else if let Some(end) = (gn > 0)
            .then(|| company_name(ws, lower, i, i + gn))
            .flatten()
        {
            out.push(Match {
                start: i,
                end,
                what: Raw::Actor {
                    code: "---BUS".into(),
                    kind: "organization".into(),
                },
            });
            i = end;
        } else if gn > 0 && !(gn == 1 && infinitive(ws, lower, i)) && !hyphened(ws, i + gn) {
            let (n, codes) = agent.expect("checked");
            out.push(Match {
                start: i,
                end: i + n,
                what: Raw::Agent(codes[0].clone()),
            });
            i += n;
        } else {
            i += 1;
        }
    }
    merge_agents(&mut out, dict.follows_codebook());
    out
}

/// "exiled leaders", "army commanders", "Islamist opposition leaders": agents written next to
/// each other name one agent. PETRARCH's dictionaries stack their codes in order (`OPP` +
/// `MUS` → `OPPMUS`, as its validation records code "exiled leaders of Egypt's Muslim
/// Brotherhood" `EGYOPPMUS`); herald's lexicon, following the codebook, reads the last word
/// as the role and the first as what kind of role it is: a role the head repeats or that
/// only says "official" adds nothing ("army commanders" `MIL`, "military officials" `MIL`),
/// and a non-state armed group's commanders are that group (`REB`, not `REBMIL`).
fn merge_agents(ms: &mut Vec<Match>, codebook: bool) {
    let mut k = 0;
    while k + 1 < ms.len() {
        let (a, b) = (&ms[k], &ms[k + 1]);
        let (Raw::Agent(x), Raw::Agent(y)) = (&a.what, &b.what) else {
            k += 1;
            continue;
        };
        if x.prefix || y.prefix || a.end != b.start {
            k += 1;
            continue;
        }
        let code = stack_roles(&x.code, &y.code, codebook);
        let merged = AgentCode {
            code,
            prefix: false,
            line: y.line,
        };
        ms[k].end = ms[k + 1].end;
        ms[k].what = Raw::Agent(merged);
        ms.remove(k + 1);
    }
}

/// The role code of agent `first` written before agent `head` (see [`merge_agents`]).
fn stack_roles(first: &str, head: &str, codebook: bool) -> String {
    let roles = |c: &str| -> Vec<String> {
        c.as_bytes()
            .chunks(3)
            .map(|r| String::from_utf8_lossy(r).into_owned())
            .collect()
    };
    let mut out = roles(first);
    for r in roles(head) {
        if !out.contains(&r) {
            out.push(r);
        }
    }
    if codebook && out.len() > 1 {
        // "military officials", "police spokesman": the official of a body is that body.
        if out.last().is_some_and(|r| r == "GOV") {
            out.pop();
        }
        // "government forces", "regime warplanes": an army (GOVMIL is a defence ministry).
        if out.len() > 1 && out[0] == "GOV" && out[1] == "MIL" {
            out.remove(0);
        }
        // "rebel commanders", "militia fighters": the armed group, not an army.
        if out.len() > 1
            && out.last().is_some_and(|r| r == "MIL" || r == "REB")
            && out[..out.len() - 1]
                .iter()
                .any(|r| matches!(r.as_str(), "REB" | "INS" | "SEP" | "UAF"))
        {
            out.pop();
        }
    }
    out.truncate(3);
    out.concat()
}

/// "Union Oil Co", "Bishop Graphics Inc": capitalised agent words `start..end` that open a
/// name ending, within three more capitalised words, in a company's ending; returns the end
/// of the name.
fn company_name(ws: &[Word], lower: &[&str], start: usize, end: usize) -> Option<usize> {
    if !ws[start].cap {
        return None;
    }
    (end..(end + 3).min(ws.len()))
        .take_while(|&k| ws[k].cap)
        .find(|&k| corporate(lower[k]))
        .map(|k| k + 1)
}

/// "military-ruled Myanmar", "rebel-held Aleppo": an agent word joined by a hyphen to the
/// word after it (at `end`) is a modifier, not an actor.
fn hyphened(ws: &[Word], end: usize) -> bool {
    end + 1 < ws.len()
        && ws[end].lower == "-"
        && ws[end - 1].span.end == ws[end].span.start
        && ws[end].span.end == ws[end + 1].span.start
}

/// "to press their demands", "to police the streets", "police suspect Russia": an agent word
/// used as a verb in its plain form. (A plural noun the tagger takes for a verb in "-s", as in
/// "Rohingya refugees", stays an agent.)
fn infinitive(ws: &[Word], lower: &[&str], i: usize) -> bool {
    ws[i].upos == Some(Upos::Verb) && (ws[i].lemma == lower[i] || i > 0 && lower[i - 1] == "to")
}

/// Finds the actor units of a sentence. `date` selects date-restricted codes.
pub fn units(ws: &[Word], dict: &CompiledDict, date: Option<chrono::NaiveDate>) -> Vec<Unit> {
    let lower: Vec<&str> = ws.iter().map(|w| w.lower.as_str()).collect();
    let ms = matches(ws, &lower, dict, date);
    let span = |a: usize, b: usize| ws[a].span.cover(ws[b - 1].span);
    let between = |a: usize, b: usize| -> Vec<&str> { lower[a..b].to_vec() };
    let mut out: Vec<Unit> = Vec::new();
    let mut r = 0;
    while r < ms.len() {
        let m = &ms[r];
        let next = ms.get(r + 1);
        match &m.what {
            Raw::Agent(ag) if ag.prefix => {
                // "MSF Arnor": prefix agent right before a country.
                if let Some(n) = next
                    && n.start == m.end
                    && let Raw::Actor { code, .. } = &n.what
                {
                    out.push(unit1(
                        m.start,
                        n.end,
                        compose(code, ag),
                        span(m.start, n.end),
                        "organization",
                    ));
                    r += 2;
                    continue;
                }
                out.push(unit1(
                    m.start,
                    m.end,
                    format!("{}---", ag.code),
                    span(m.start, m.end),
                    "agent",
                ));
                r += 1;
            }
            Raw::Actor { code, kind } => {
                // "Russia's Security Council", "the Kazakh Security Council": a country's own
                // security council is its government, not the UN's.
                if let Some(n) = next
                    && let Raw::Actor { code: body, .. } = &n.what
                    && body == "IGOUNO"
                    && lower[n.start..n.end] == ["security", "council"]
                    && matches!(between(m.end, n.start).as_slice(), [] | ["'s"] | ["'"])
                    && code.len() == 3
                    && code.chars().all(|c| c.is_ascii_uppercase())
                {
                    out.push(unit1(
                        m.start,
                        n.end,
                        format!("{code}GOV"),
                        span(m.start, n.end),
                        "organization",
                    ));
                    r += 2;
                    continue;
                }
                // "Arnor cleric", "Gondor's main opposition group", "Bree Prime Minister".
                if let Some(n) = next
                    && let Raw::Agent(ag) = &n.what
                    && !ag.prefix
                {
                    let gap = between(m.end, n.start);
                    // "Vietnamese-led forces", "Saudi-led coalition" (not "US-backed rebels").
                    let led = gap == ["-", "led"];
                    let gap_ok = led
                        || gap.len() <= 3
                            && gap.iter().enumerate().all(|(k, w)| {
                                (*w == "'s" || *w == "'") && k == 0
                                    || !ws[m.end + k].punct
                                        && !PREPS.contains(w)
                                        && !DETS.contains(w)
                                        && *w != "and"
                                        && nominal(&ws[m.end + k], dict)
                            });
                    if gap_ok {
                        // "Bree Prime Minister Romendacil": a name right after is the same person.
                        let mut end = n.end;
                        let mut used = 2;
                        if let Some(p) = ms.get(r + 2)
                            && p.start == n.end
                            && matches!(p.what, Raw::Actor { .. })
                        {
                            end = p.end;
                            used = 3;
                        }
                        out.push(unit1(
                            m.start,
                            end,
                            compose(code, ag),
                            span(m.start, end),
                            "agent",
                        ));
                        r += used;
                        continue;
                    }
                }
                out.push(unit1(
                    m.start,
                    m.end,
                    code.clone(),
                    span(m.start, m.end),
                    kind,
                ));
                r += 1;
            }
            Raw::Agent(ag)
                if next
                    .is_some_and(|n| n.start == m.end && matches!(n.what, Raw::Actor { .. })) =>
            {
                // "Minister Telemar", "President Obama": the agent qualifies the named actor.
                let n = next.expect("checked");
                let Raw::Actor { code, kind } = &n.what else {
                    unreachable!()
                };
                // ("Prime Minister Theresa May" in 2022: a former office holder is the
                // country's elite whatever the title the text still gives.)
                let former = kind == "person" && code.ends_with("ELI");
                out.push(unit1(
                    m.start,
                    n.end,
                    if former {
                        code.clone()
                    } else {
                        compose(code, ag)
                    },
                    span(m.start, n.end),
                    "person",
                ));
                r += 2;
            }
            Raw::Agent(_) => {
                // Agents joined by "and": "Lawmakers and officials in Fornost and Gondor".
                let mut agents = vec![r];
                let mut k = r;
                while let Some(n) = ms.get(k + 1)
                    && matches!(&n.what, Raw::Agent(a) if !a.prefix)
                    && matches!(
                        between(ms[k].end, n.start).as_slice(),
                        ["and"] | [","] | [",", "and"]
                    )
                {
                    agents.push(k + 1);
                    k += 1;
                }
                // A list ends with "and": "detained 20 people, police said" joins nothing.
                while agents.len() > 1 && between(ms[k - 1].end, ms[k].start).as_slice() == [","] {
                    agents.pop();
                    k -= 1;
                }
                let last = &ms[k];
                // "... of|from|in the Arnor, Osgiliath and Gondor"
                let mut actors = Vec::new();
                if let Some(n) = ms.get(k + 1)
                    && matches!(&n.what, Raw::Actor { .. })
                {
                    // "of|from|in|for (the) (up to two modifiers)": "the mayor of the northern
                    // West Bank city of Nablus".
                    let gap = between(last.end, n.start);
                    // "foreign troops in Almaty" are not Kazakh troops, nor is "its forces in
                    // Crimea" an army of Crimea's.
                    // (Nor "withdrawing its peacekeepers from Kazakhstan" Kazakh troops.)
                    let owned = m.start > 0
                        && matches!(lower[m.start - 1], "its" | "their" | "his" | "her" | "our")
                        && matches!(gap.first(), Some(&"in" | &"from"));
                    let foreign = m.start > 0 && foreign_word(lower[m.start - 1]) || owned;
                    // ("from military-ruled Myanmar": a hyphened compound is one modifier.)
                    let glued = |k: usize| hyphened(ws, k) && k > last.end;
                    let mods: Vec<usize> = (last.end + 1..n.start)
                        .filter(|&k| !glued(k) && !glued(k - 1))
                        .collect();
                    let ok = !foreign
                        && gap
                            .first()
                            .is_some_and(|p| ["of", "from", "in", "for"].contains(p))
                        && mods.len() <= 3
                        && mods.iter().all(|&k| {
                            !ws[k].punct && !PREPS.contains(&lower[k]) && lower[k] != "and"
                        })
                        && (mods.len() <= 1 || lower[mods[0]] == "the");
                    if ok {
                        actors.push(k + 1);
                        let mut j = k + 1;
                        while let Some(n2) = ms.get(j + 1)
                            && matches!(&n2.what, Raw::Actor { .. })
                            && matches!(
                                between(ms[j].end, n2.start).as_slice(),
                                ["and"] | [","] | [",", "and"]
                            )
                        {
                            actors.push(j + 1);
                            j += 1;
                        }
                    }
                }
                // "exiled leaders of Egypt's Muslim Brotherhood", "commanders of Syria's
                // army": an agent owned by the one country the phrase names adds its role.
                let owned = match actors.as_slice() {
                    &[c] => ms.get(c + 1).and_then(|n| match &n.what {
                        Raw::Agent(a)
                            if !a.prefix
                                && matches!(
                                    between(ms[c].end, n.start).as_slice(),
                                    ["'s" | "'"]
                                ) =>
                        {
                            Some((c + 1, a))
                        }
                        _ => None,
                    }),
                    _ => None,
                };
                let mut end = owned.map_or_else(
                    || actors.last().map_or(last.end, |&j| ms[j].end),
                    |(o, _)| ms[o].end,
                );
                if actors.is_empty() && agents.len() == 1 && modifier(ws, last.end) {
                    // ("radical Islamist groups", "militant cells": a noun that only says the
                    // agents form a body keeps them actors, and joins the phrase. PETRARCH's
                    // dictionaries list such phrases themselves: "ISLAMIST_GROUP".)
                    if !(dict.follows_codebook() && COLLECTIVE.contains(&lower[last.end])) {
                        r = k + 1;
                        continue;
                    }
                    end = last.end + 1;
                }
                let mut members = Vec::new();
                for &a in &agents {
                    let Raw::Agent(ag) = &ms[a].what else {
                        continue;
                    };
                    // (PETRARCH stacks roles in the order written; herald's lexicon reads the
                    // leading agent as the head: "leaders of Egypt's army" is the army's.)
                    let stacked;
                    let ag = match owned {
                        Some((_, o)) => {
                            let codebook = dict.follows_codebook();
                            let (first, head) = if codebook { (o, ag) } else { (ag, o) };
                            stacked = AgentCode {
                                code: stack_roles(&first.code, &head.code, codebook),
                                ..ag.clone()
                            };
                            &stacked
                        }
                        None => ag,
                    };
                    if actors.is_empty() {
                        members.push(Member {
                            code: format!("---{}", ag.code),
                            span: span(ms[a].start, ms[a].end),
                            kind: "agent".into(),
                        });
                    }
                    for &c in &actors {
                        let Raw::Actor { code, .. } = &ms[c].what else {
                            continue;
                        };
                        members.push(Member {
                            code: compose(code, ag),
                            span: span(ms[a].start, ms[a].end).cover(span(
                                ms[c].start,
                                owned.map_or(ms[c].end, |(o, _)| ms[o].end),
                            )),
                            kind: "agent".into(),
                        });
                    }
                }
                out.push(Unit {
                    start: m.start,
                    end,
                    members,
                    prep: None,
                });
                r = owned.map_or_else(|| actors.last().map_or(k + 1, |&j| j + 1), |(o, _)| o + 1);
            }
        }
    }
    share_agents(&mut out, &ms, &lower);
    coordinate(&mut out, &lower);
    for u in &mut out {
        u.prep = governing_prep(&lower, u.start);
    }
    out
}

/// "Police in Los Angeles have …", "protesters in Almaty attacked …": a role with no country
/// (`---COP`) followed by "in" and a place the gazetteer knows, then the verb, takes that
/// place's country (`USACOP`). The place must be a country, a state or province, or a town of
/// at least 10,000 people. So does a role the name of a state, a province or a city of
/// 100,000 people stands right before ("Texas police", "New York Governor Andrew Cuomo",
/// "Sindh provincial government"), which then joins the unit.
pub fn locate_roles(
    ws: &[Word],
    units: &mut [Unit],
    dict: &CompiledDict,
    date: Option<chrono::NaiveDate>,
) {
    use herald_geo::{Gazetteer, Kind};
    let gaz = Gazetteer::embedded();
    let name = |words: &[Word]| {
        words
            .iter()
            .map(|w| w.lower.as_str())
            .collect::<Vec<_>>()
            .join(" ")
    };
    // The dictionary's code of the country a gazetteer entry lies in.
    let country_code = |cc: &str| {
        let country = &gaz.entry(gaz.country(cc)?).name;
        let words: Vec<String> = crate::actors::norm_words(country);
        dict.actors
            .longest(&words, 0)
            .filter(|(n, _)| *n == words.len())
            .and_then(|(_, ids)| dict.actor_code_of(&ids, date))
            .map(|c| c.code.clone())
            .filter(|c| c.len() == 3)
    };
    let taken: Vec<(usize, usize)> = units.iter().map(|u| (u.start, u.end)).collect();
    for u in units.iter_mut() {
        let [m] = u.members.as_mut_slice() else {
            continue;
        };
        let Some(role) = m.code.strip_prefix("---").filter(|r| !r.is_empty()) else {
            continue;
        };
        let role = role.to_owned();
        if ws.get(u.end).is_some_and(|w| w.lower == "in") {
            let start = u.end + 1;
            let place = (1..=3).rev().find_map(|len| {
                let words = ws.get(start..start + len)?;
                // The phrase ends a subject ("police in Los Angeles have …"); after a verb,
                // "in X" is where the event happened ("arrested students in Moscow today").
                let verb_next = ws
                    .get(start + len)
                    .is_some_and(|w| matches!(w.upos, Some(Upos::Verb | Upos::Aux)));
                if !verb_next || !words.iter().all(|w| w.cap && !w.punct) {
                    return None;
                }
                gaz.lookup(&name(words))
                    .iter()
                    .map(|h| gaz.entry(h.id))
                    .filter(|e| {
                        !e.country.is_empty()
                            && match e.kind {
                                Kind::Country | Kind::Admin1 => true,
                                Kind::City => e.population >= 10_000,
                                _ => false,
                            }
                    })
                    .max_by_key(|e| (e.kind == Kind::Country, e.population))
            });
            if let Some(code) = place.and_then(|p| country_code(&p.country)) {
                m.code = format!("{code}{role}");
                continue;
            }
        }
        // The place before the role: whole capitalised words no other unit holds, opening
        // the sentence or after a word in lower case, a determiner or a preposition. Not
        // before a company or a paper, whose names hold places ("Piedmont Airlines", "Los
        // Angeles Times"), nor a word of the language ("Food and Drug Administration").
        if matches!(role.as_str(), "BUS" | "MED") {
            continue;
        }
        let before = (1..=3).rev().find_map(|len| {
            let s = u.start.checked_sub(len)?;
            let words = &ws[s..u.start];
            let whole =
                s == 0 || !ws[s - 1].cap || matches!(ws[s - 1].upos, Some(Upos::Det | Upos::Adp));
            if !whole
                || !words.iter().all(|w| w.cap && !w.punct && !w.is_poss())
                || len == 1 && gaz.is_common_word(&words[0].lower)
                || taken.iter().any(|&(a, b)| a < u.start && b > s)
            {
                return None;
            }
            let hits = gaz.lookup(&name(words));
            let places: Vec<_> = hits
                .iter()
                .map(|h| gaz.entry(h.id))
                .filter(|e| {
                    !e.country.is_empty()
                        && match e.kind {
                            Kind::Admin1 => true,
                            Kind::City => e.population >= 100_000,
                            _ => false,
                        }
                })
                .collect();
            // One country only: "Victoria" is a state of Australia and a city of Canada.
            let first = places.first()?;
            places
                .iter()
                .all(|e| e.country == first.country)
                .then(|| (s, first.country.clone()))
        });
        if let Some((s, cc)) = before
            && let Some(code) = country_code(&cc)
        {
            m.code = format!("{code}{role}");
            m.span = ws[s].span.cover(m.span);
            u.start = s;
        }
    }
}

/// "Kazakhstan says its security forces killed …", "Sierra Leone denied that its army …": a
/// role with no country after "its" or "their" takes the country of the actor named last
/// before it in the sentence, when that actor has one (after "Apple said its engineers" the
/// nearest actor is a company with none, and the role stays `---`).
pub fn possessed_roles(ws: &[Word], units: &mut [Unit]) {
    for i in 0..units.len() {
        let u = &units[i];
        let possessed = u
            .start
            .checked_sub(1)
            .is_some_and(|k| matches!(ws[k].lower.as_str(), "its" | "their"));
        let [m] = u.members.as_slice() else {
            continue;
        };
        if !possessed || !m.code.starts_with("---") || m.code.len() < 6 {
            continue;
        }
        let Some(owner) = units[..i].iter().rev().find(|o| o.end < u.start) else {
            continue;
        };
        let country = owner.members[0].code.get(..3).filter(|c| {
            *c != "---"
                && c.bytes().all(|b| b.is_ascii_uppercase())
                && owner.members.iter().all(|m| m.code.starts_with(*c))
        });
        if let Some(c) = country.map(str::to_owned) {
            units[i].members[0].code.replace_range(..3, &c);
        }
    }
}

/// "Former U.S. President Barack Obama", "ex-defence minister …": an office holder no longer
/// in office is one of the country's elites (CAMEO `ELI`), whatever the title says.
pub fn former_roles(ws: &[Word], units: &mut [Unit]) {
    for u in units.iter_mut() {
        let former = u
            .start
            .checked_sub(1)
            .and_then(|k| ws.get(k))
            .is_some_and(|w| matches!(w.lower.as_str(), "former" | "ex"))
            || ws.get(u.start).is_some_and(|w| w.lower.starts_with("ex-"));
        let [m] = u.members.as_mut_slice() else {
            continue;
        };
        let role = m.code.get(3..).unwrap_or("");
        if former
            && m.code.len() >= 6
            && ["GOV", "MIL", "LEG", "JUD", "COP", "SPY"]
                .iter()
                .any(|r| role.starts_with(r))
        {
            m.code.replace_range(3.., "ELI");
        }
    }
}

/// Lower-case words of a name, as the dictionary index keys them.
fn norm_words(name: &str) -> Vec<String> {
    herald_dict::compile::norm_phrase(name)
        .split(' ')
        .map(str::to_string)
        .collect()
}

/// Adds the names the entity recogniser found that no dictionary entry covers ("activist
/// Evan Mawarire", "the Civil Liberty Organization") as actors of unknown code (`---`, kind
/// `unknown`): an event on them keeps their text instead of being dropped. So are the
/// unnamed actors from abroad that statements blame ("external actors", "foreign powers").
pub fn add_unknown(ws: &[Word], sentence: &herald_core::Sentence, units: &mut Vec<Unit>) {
    use herald_core::EntityKind;
    let lower: Vec<&str> = ws.iter().map(|w| w.lower.as_str()).collect();
    let ent = |i: usize| {
        sentence
            .tokens
            .get(ws[i].tok)
            .and_then(|t| t.entity)
            .filter(|(k, _)| matches!(k, EntityKind::Person | EntityKind::Organization))
    };
    let free = |i: usize, units: &[Unit]| {
        !ws[i].punct && !ws[i].is_poss() && !units.iter().any(|u| u.start <= i && i < u.end)
    };
    let mut i = 0;
    while i < ws.len() {
        let Some((kind, _)) = ent(i).filter(|_| free(i, units)) else {
            i += 1;
            continue;
        };
        let mut start = i;
        i += 1;
        while i < ws.len()
            && free(i, units)
            && ent(i)
                .is_some_and(|(k, begins)| k == kind && (!begins || ws[i].tok == ws[i - 1].tok))
        {
            i += 1;
        }
        // A name is capitalised: trim words that are not ("who has" is no name), and verbs
        // (a headline's "Lifts Travel Ban").
        let name = |k: usize| {
            ws[k].cap && !matches!(ws[k].upos, Some(Upos::Pron | Upos::Det | Upos::Verb))
        };
        let mut end = i;
        while start < end && !name(start) {
            start += 1;
        }
        while end > start && !name(end - 1) {
            end -= 1;
        }
        if start == end {
            continue;
        }
        // "Egyptian President Hosni Mubarak", "Kazakh Interior Minister Ahmed Foo", "Arab
        // League Secretary General Chadli Klibi": a person the dictionaries do not know, named
        // right after an office or body they code, holds the office or speaks for the body.
        let titled = kind == EntityKind::Person || is_title_word(lower[start]);
        // ("the European Union's High Representative": a possessive and capitalised
        // adjectives may stand between the body and its office.)
        let mut at = start;
        while at > 0
            && (ws[at - 1].is_poss() || ws[at - 1].cap && ws[at - 1].upos == Some(Upos::Adj))
            && !units
                .iter()
                .any(|u| u.start < at && at - 1 < u.end && u.end != at)
        {
            at -= 1;
        }
        if titled
            && let Some(u) = units
                .iter_mut()
                .find(|u| u.end == start || u.end == at && at < start)
            && let Some(m) = u.members.last_mut()
            && m.code.len() > 3
            && m.kind != "person"
            && m.span.end == ws[u.end - 1].span.end
        {
            u.end = end;
            m.span = m.span.cover(ws[end - 1].span);
            continue;
        }
        insert_unknown(ws, &lower, start, end, units);
    }
    // "The FLA released the hostages": a name the recogniser missed that is the subject of
    // a verb acts; it is kept as an actor of unknown code too (with the capitalised words
    // before it that name it with it: "the Free Aceh Movement").
    for i in 0..ws.len() {
        let Some(t) = sentence.tokens.get(ws[i].tok) else {
            continue;
        };
        let verb_head = t.head > 0
            && sentence
                .tokens
                .get(t.head - 1)
                .is_some_and(|h| h.upos == Upos::Verb);
        if t.deprel != "nsubj"
            || !verb_head
            || ws[i].upos != Some(Upos::Propn)
            || !ws[i].cap
            || lower[i].chars().filter(|c| c.is_alphabetic()).count() < 2
            || crate::time::words::month(lower[i]).is_some()
            || crate::time::words::weekday(lower[i]).is_some()
            || !free(i, units)
        {
            continue;
        }
        let mut start = i;
        while start > 0
            && free(start - 1, units)
            && ws[start - 1].cap
            && matches!(
                ws[start - 1].upos,
                Some(Upos::Propn | Upos::Noun | Upos::Adj)
            )
        {
            start -= 1;
        }
        // (A name right after an actor, or after an actor's "'s", is that actor's, as "Prime
        // Minister Yasuhiro Nakasone", "carmaker General Motors", "Argentina's Industry
        // Secretary": the actor acts.)
        let owner = if start > 0 && ws[start - 1].is_poss() {
            start - 1
        } else {
            start
        };
        if units.iter().any(|u| u.end == start || u.end == owner) {
            continue;
        }
        insert_unknown(ws, &lower, start, i + 1, units);
    }
    // "external actors", "foreign powers": actors the text leaves unnamed, from abroad.
    for i in 1..ws.len() {
        let phrase = foreign_word(lower[i - 1])
            && matches!(
                lower[i],
                "actors" | "powers" | "agents" | "elements" | "hands"
            );
        if !phrase || !free(i - 1, units) || !free(i, units) {
            continue;
        }
        insert_unknown(ws, &lower, i - 1, i + 1, units);
    }
}

/// Words that open an office holder's title ("Secretary General", "Foreign Minister").
fn is_title_word(w: &str) -> bool {
    matches!(
        w,
        "secretary"
            | "secretary-general"
            | "president"
            | "chairman"
            | "chairwoman"
            | "director"
            | "director-general"
            | "commissioner"
            | "envoy"
            | "ambassador"
            | "chief"
            | "spokesman"
            | "spokeswoman"
            | "head"
            | "leader"
            | "minister"
            | "commander"
            | "governor"
            | "prime"
            | "deputy"
            | "vice"
            | "foreign"
            | "general"
    )
}

/// Inserts words `start..end` as an actor of unknown code, in text order.
fn insert_unknown(ws: &[Word], lower: &[&str], start: usize, end: usize, units: &mut Vec<Unit>) {
    let at = units
        .iter()
        .position(|u| u.start > start)
        .unwrap_or(units.len());
    // "Pogo Producing Co", "Fisons Plc": a name with a company's ending is a business (the
    // ending taken in when the name stops right before it).
    let mut end = end;
    if end < ws.len()
        && ws[end].cap
        && corporate(lower[end])
        && !units.iter().any(|u| u.start == end)
    {
        end += 1;
    }
    let code = if corporate(lower[end - 1]) {
        "---BUS"
    } else {
        "---"
    };
    let mut u = unit1(
        start,
        end,
        code.to_string(),
        ws[start].span.cover(ws[end - 1].span),
        "unknown",
    );
    u.prep = governing_prep(lower, start);
    units.insert(at, u);
}

/// The word that ends a company's name ("Inc", "Corp.", "Plc"), lower case.
fn corporate(w: &str) -> bool {
    matches!(
        w.trim_end_matches('.'),
        "inc" | "corp" | "co" | "ltd" | "plc" | "llc" | "ag" | "gmbh" | "nv" | "bancorp" | "cos"
    )
}

/// "US and British activists": a bare country joined by "and" to a country+agent phrase takes
/// the same agent. "Danish media and government": a bare agent joined by "and" to a
/// country+agent phrase takes the same country.
fn share_agents(units: &mut [Unit], ms: &[Match], lower: &[&str]) {
    for i in 0..units.len().saturating_sub(1) {
        if lower[units[i].end..units[i + 1].start] != ["and"] || units[i].members.len() != 1 {
            continue;
        }
        if let [next] = units[i + 1].members.as_slice()
            && next.code.starts_with("---")
            && let Some(country) = country_of_phrase(ms, &units[i])
            && let Some(Match {
                what: Raw::Agent(a),
                ..
            }) = ms
                .iter()
                .find(|m| m.start == units[i + 1].start && m.end == units[i + 1].end)
        {
            let code = compose(&country, a);
            units[i + 1].members[0].code = code;
            continue;
        }
        let bare = ms.iter().any(|m| {
            m.start == units[i].start
                && m.end == units[i].end
                && matches!(m.what, Raw::Actor { .. })
        });
        // The right unit: a country immediately followed by an agent.
        let right = ms.iter().position(|m| m.start == units[i + 1].start);
        let agent = right.and_then(|r| match (&ms[r].what, ms.get(r + 1)) {
            (Raw::Actor { .. }, Some(n)) if n.end == units[i + 1].end => match &n.what {
                Raw::Agent(a) if !a.prefix => Some(a.clone()),
                _ => None,
            },
            _ => None,
        });
        if bare && let Some(a) = agent {
            let code = compose(&units[i].members[0].code, &a);
            units[i].members[0].code = code;
        }
    }
}

/// The country of a unit written country-then-agent ("Danish media"), from its matches.
fn country_of_phrase(ms: &[Match], u: &Unit) -> Option<String> {
    let first = ms.iter().position(|m| m.start == u.start)?;
    match (&ms[first].what, ms.get(first + 1)) {
        (Raw::Actor { code, .. }, Some(n)) if n.end == u.end && code.len() == 3 => match &n.what {
            Raw::Agent(a) if !a.prefix => Some(code.clone()),
            _ => None,
        },
        _ => None,
    }
}

/// A word that can sit inside a noun phrase: by its tag when tagged, else not a verb form the
/// dictionary knows ("Tokayev ordered security forces" is not one phrase).
fn nominal(w: &Word, dict: &CompiledDict) -> bool {
    match w.upos {
        Some(u) => matches!(
            u,
            Upos::Adj | Upos::Noun | Upos::Propn | Upos::Num | Upos::X
        ),
        None => !dict.verbs.contains_key(&w.lower),
    }
}

/// An agent word used as a modifier ("military assistance", "press conference") names no
/// actor: the next word is a noun.
/// Nouns that make a body of the agents before them ("Islamist groups", "militant cells").
const COLLECTIVE: &[&str] = &[
    "group",
    "groups",
    "organisation",
    "organisations",
    "organization",
    "organizations",
    "faction",
    "factions",
    "movement",
    "movements",
    "cell",
    "cells",
    "outfit",
    "outfits",
    "wing",
    "elements",
    "members",
    "supporters",
];

fn modifier(ws: &[Word], end: usize) -> bool {
    ws.get(end)
        .is_some_and(|w| w.upos == Some(Upos::Noun) && !w.punct)
}

fn unit1(start: usize, end: usize, code: String, span: Span, kind: &str) -> Unit {
    Unit {
        start,
        end,
        members: vec![Member {
            code,
            span,
            kind: if kind.is_empty() {
                "actor".into()
            } else {
                kind.into()
            },
        }],
        prep: None,
    }
}

/// Merges units joined by "and" / "," / ", and" into one compound unit. A comma alone joins
/// only inside a list that an "and" closes ("Mordor, Rohan, Fornost and Bree"); otherwise
/// "X, the state's foe," is an apposition.
fn coordinate(units: &mut Vec<Unit>, lower: &[&str]) {
    let gap_kind = |a: &Unit, b: &Unit| -> u8 {
        match &lower[a.end..b.start] {
            ["and"] | [",", "and"] | ["and", "the"] | [",", "and", "the"] => 2,
            [","] | [",", "the"] => 1,
            _ => 0,
        }
    };
    let mut i = 0;
    while i + 1 < units.len() {
        // Longest chain i..=j of joinable gaps.
        let mut j = i;
        let mut last_and = None;
        while j + 1 < units.len() {
            let k = gap_kind(&units[j], &units[j + 1]);
            if k == 0 {
                break;
            }
            if k == 2 {
                last_and = Some(j + 1);
            }
            j += 1;
        }
        match last_and {
            Some(end) => {
                let merged: Vec<Unit> = units.drain(i + 1..=end).collect();
                for m in merged {
                    units[i].end = m.end;
                    units[i].members.extend(m.members);
                }
                i += 1;
            }
            None => i += 1,
        }
    }
}

/// The preposition right before word `start`, skipping determiners and adjectives-like words.
fn governing_prep(lower: &[&str], start: usize) -> Option<String> {
    let mut k = start;
    let mut skipped = 0;
    while k > 0 {
        k -= 1;
        let w = lower[k];
        if PREPS.contains(&w) {
            return Some(w.to_string());
        }
        if DETS.contains(&w)
            || w == "anti-"
            || skipped < 2 && w.chars().all(char::is_alphabetic) && skipped_ok(w)
        {
            skipped += 1;
            continue;
        }
        return None;
    }
    None
}

fn skipped_ok(w: &str) -> bool {
    // Words that sit between a preposition and a name: "with the former Soviet republic".
    matches!(
        w,
        "former"
            | "main"
            | "new"
            | "neighbouring"
            | "neighboring"
            | "fellow"
            | "other"
            | "several"
            | "both"
            | "all"
    )
}

/// Mentions for the output contract, one per unit member.
pub fn mentions(text: &str, units: &[Unit]) -> Vec<Mention> {
    units
        .iter()
        .flat_map(|u| u.members.iter())
        .map(|m| Mention {
            text: m.span.get(text).unwrap_or("").to_string(),
            kind: m.kind.clone(),
            code: Some(m.code.clone()),
            span: m.span,
        })
        .collect()
}

/// Codes the actor named at `span` of `text` (a speaker, say), or `None` when no dictionary
/// entry covers it. Scans the words overlapping the span with the same rules as [`units`].
pub fn resolve_span(
    text: &str,
    sentence: &herald_core::Sentence,
    span: Span,
    dict: &CompiledDict,
    date: Option<chrono::NaiveDate>,
) -> Option<Member> {
    let ws = words(text, sentence);
    units(&ws, dict, date)
        .into_iter()
        .flat_map(|u| u.members)
        .find(|m| m.span.overlaps(span))
}

#[cfg(test)]
mod tests {
    use super::{compose, stack_roles};
    use herald_dict::compile::AgentCode;

    #[test]
    fn composition_does_not_repeat_a_role() {
        let ag = |code: &str, prefix: bool| AgentCode {
            code: code.into(),
            prefix,
            line: 0,
        };
        assert_eq!(compose("KAZ", &ag("COP", false)), "KAZCOP");
        assert_eq!(compose("DEUGOV", &ag("GOVMIL", false)), "DEUGOVMIL");
        assert_eq!(compose("DEUGOV", &ag("GOV", false)), "DEUGOV");
        assert_eq!(compose("USAGOV", &ag("MIL", false)), "USAGOVMIL");
        assert_eq!(compose("ARN", &ag("NGO", true)), "NGOARN");
    }

    #[test]
    fn stacked_roles_follow_each_dictionary_s_convention() {
        // PETRARCH: every role, in the order written, each once.
        assert_eq!(stack_roles("OPP", "MUS", false), "OPPMUS");
        assert_eq!(stack_roles("GOV", "MIL", false), "GOVMIL");
        assert_eq!(stack_roles("MIL", "MIL", false), "MIL");
        // herald's lexicon: the head is the role, a body's officials are the body.
        assert_eq!(stack_roles("MIL", "GOV", true), "MIL");
        assert_eq!(stack_roles("GOV", "GOV", true), "GOV");
        assert_eq!(stack_roles("GOV", "MIL", true), "MIL");
        assert_eq!(stack_roles("REB", "MIL", true), "REB");
        assert_eq!(stack_roles("BUS", "GOV", true), "BUS");
        assert_eq!(stack_roles("MUS", "INS", true), "MUSINS");
        // At most three roles.
        assert_eq!(stack_roles("RADMUS", "OPPCVL", false), "RADMUSOPP");
    }
}
