//! In-document coreference, kept simple: "he"/"she" take the last person named, "the former
//! Soviet republic", "the country" take the last country named, and "they" as a subject takes
//! the plural actor that was the subject of the sentence before ("Protesters gathered in
//! Almaty. They threw stones at police.").
//!
//! [`Coref::resolve`] adds a unit for each resolvable pronoun or definite description of a
//! sentence (coded as its antecedent, spanning the pronoun's own words); [`Coref::update`]
//! then remembers the sentence's last person and country.

use crate::actors::{Member, Unit, Word};
use herald_core::Sentence;

/// What earlier sentences named.
#[derive(Clone, Debug, Default)]
pub struct Coref {
    person: Option<Member>,
    country: Option<Member>,
    /// How often each country was named so far (country names and country-coded actors).
    named: Vec<(String, u32)>,
    /// The plural actor the previous sentence had as its subject: what "they" stands for.
    group: Option<Member>,
}

const DESCRIPTIONS: &[&[&str]] = &[
    &["the", "former", "soviet", "republic"],
    &["the", "country"],
    &["the", "central", "asian", "country"],
    &["the", "central", "asian", "nation"],
    &["the", "nation"],
];

/// Office words that, after "the", name the person last mentioned ("the minister said").
const TITLES: &[&str] = &[
    "head",
    "chief",
    "leader",
    "minister",
    "president",
    "premier",
    "chancellor",
    "secretary",
    "spokesman",
    "spokeswoman",
    "spokesperson",
    "envoy",
    "diplomat",
    "ambassador",
    "commander",
    "governor",
    "mayor",
];

/// "The head of European diplomacy", "the veteran diplomat": `the`, at most two free
/// modifiers, then an office word, not followed by "of" and a country ("the president of
/// France" is someone else). Returns the end of the description.
fn title_description(ws: &[Word], i: usize, units: &[Unit]) -> Option<usize> {
    if ws[i].lower != "the" {
        return None;
    }
    let free = |k: usize| !units.iter().any(|u| u.start <= k && k < u.end);
    let t = (i + 1..ws.len().min(i + 4))
        .take_while(|&k| free(k) && !ws[k].punct)
        .find(|&k| TITLES.contains(&ws[k].lower.as_str()))?;
    let of_country = t + 2 < ws.len()
        && ws[t + 1].lower == "of"
        && units
            .iter()
            .find(|u| u.start == t + 2)
            .is_some_and(|u| u.members.iter().any(|m| m.kind == "country"));
    (!of_country).then_some(t + 1)
}

/// The sentence's first subject token. "They" stands for an earlier sentence's group only
/// there: in "Officials said they would pay", it is the officials.
fn first_subject(sentence: &Sentence) -> Option<usize> {
    sentence
        .tokens
        .iter()
        .position(|t| t.deprel.starts_with("nsubj"))
}

/// The actor of the sentence's last plural subject: a plural noun heading an actor phrase
/// ("Protesters gathered"), or "they" already resolved. `None` when that subject is no actor
/// ("Hundreds of people gathered"): "they" would then mean the people, not an earlier group.
fn plural_subject(ws: &[Word], sentence: &Sentence, units: &[Unit]) -> Option<Member> {
    let toks = &sentence.tokens;
    let mut found = None;
    for (k, t) in toks.iter().enumerate() {
        if !t.deprel.starts_with("nsubj") {
            continue;
        }
        let word = ws.iter().position(|w| w.tok == k);
        let unit_of = |i: usize| units.iter().find(|u| u.start <= i && i < u.end);
        // "Hundreds of residents fled": the counted phrase is the actor.
        let counted = || {
            toks.iter()
                .enumerate()
                .filter(|(_, c)| c.head == k + 1 && c.deprel == "nmod")
                .find_map(|(c, _)| ws.iter().position(|w| w.tok == c).and_then(unit_of))
        };
        let unit = word.and_then(unit_of).or_else(counted);
        let they = word.is_some_and(|i| ws[i].lower == "they");
        if they {
            match unit {
                Some(u) => found = (u.members.len() == 1).then(|| u.members[0].clone()),
                // A "they" nobody resolved ends the chain when it opens the sentence; later
                // ones are another subject's ("traders said they expected").
                None if first_subject(sentence) == Some(k) => found = None,
                None => {}
            }
        } else if matches!(t.xpos.as_str(), "NNS" | "NNPS") {
            found = unit
                .filter(|u| u.members.len() == 1 && u.members[0].kind != "country")
                .map(|u| u.members[0].clone());
        }
    }
    found
}

impl Coref {
    /// Adds units for pronouns and descriptions that refer back to a known actor. `sentence`
    /// gives the parse ("they" is resolved only as a subject).
    pub fn resolve(&self, ws: &[Word], sentence: &Sentence, units: &mut Vec<Unit>) {
        let free = |i: usize, units: &[Unit]| !units.iter().any(|u| u.start <= i && i < u.end);
        let mut add = Vec::new();
        for i in 0..ws.len() {
            if !free(i, units) {
                continue;
            }
            if let Some(p) = &self.person
                && matches!(ws[i].lower.as_str(), "he" | "she")
            {
                add.push((i, i + 1, p.code.clone()));
                continue;
            }
            if let Some(g) = &self.group
                && ws[i].lower == "they"
                && first_subject(sentence) == Some(ws[i].tok)
            {
                add.push((i, i + 1, g.code.clone()));
                continue;
            }
            if let Some(p) = &self.person
                && let Some(end) = title_description(ws, i, units)
            {
                add.push((i, end, p.code.clone()));
                continue;
            }
            if let Some(c) = &self.country {
                for d in DESCRIPTIONS {
                    if i + d.len() <= ws.len()
                        && d.iter().enumerate().all(|(k, w)| ws[i + k].lower == *w)
                    {
                        add.push((i, i + d.len(), c.code.clone()));
                        break;
                    }
                }
            }
        }
        for (a, b, code) in add {
            let span = ws[a].span.cover(ws[b - 1].span);
            let at = units
                .iter()
                .position(|u| u.start > a)
                .unwrap_or(units.len());
            units.insert(
                at,
                Unit {
                    start: a,
                    end: b,
                    members: vec![Member {
                        code,
                        span,
                        kind: "coreference".into(),
                    }],
                    prep: a.checked_sub(1).map(|k| ws[k].lower.clone()).filter(|w| {
                        matches!(
                            w.as_str(),
                            "with"
                                | "to"
                                | "of"
                                | "from"
                                | "in"
                                | "on"
                                | "at"
                                | "by"
                                | "for"
                                | "against"
                        )
                    }),
                },
            );
        }
    }

    /// Remembers the last person and country a sentence names, and its plural subject.
    pub fn update(&mut self, ws: &[Word], sentence: &Sentence, units: &[Unit]) {
        self.group = plural_subject(ws, sentence, units);
        // ("The Russian leader also pointed out …. 'Not the last', he added": an office
        // named by its title is a person too.)
        for u in units {
            if let [m] = u.members.as_slice()
                && m.kind != "coreference"
                && m.code.len() > 3
                && !m.code.starts_with("---")
                && ws
                    .get(u.end - 1)
                    .is_some_and(|w| TITLES.contains(&w.lower.as_str()))
            {
                self.person = Some(m.clone());
            }
        }
        for m in units
            .iter()
            .filter(|u| u.members.len() == 1)
            .flat_map(|u| &u.members)
        {
            match m.kind.as_str() {
                "person" => self.person = Some(m.clone()),
                "country" => self.country = Some(m.clone()),
                _ => {}
            }
        }
        for m in units.iter().flat_map(|u| &u.members) {
            let c = m.code.get(..3).unwrap_or("");
            if c.bytes().all(|b| b.is_ascii_uppercase())
                && !matches!(c, "IGO" | "NGO" | "MNC" | "UNO")
                && !matches!(
                    m.kind.as_str(),
                    "region" | "organization" | "organisation" | "igo"
                )
            {
                match self.named.iter_mut().find(|(n, _)| n == c) {
                    Some((_, k)) => *k += 1,
                    None => self.named.push((c.to_string(), 1)),
                }
            }
        }
    }

    /// The country the text is about so far: named at least twice and more often than any
    /// other. An actor known only by its role ("protesters", `---OPP`) takes it.
    pub fn context_country(&self) -> Option<&str> {
        let mut best: Option<&(String, u32)> = None;
        let mut tie = false;
        for e in &self.named {
            match best {
                Some(b) if e.1 == b.1 => tie = true,
                Some(b) if e.1 < b.1 => {}
                _ => {
                    best = Some(e);
                    tie = false;
                }
            }
        }
        best.filter(|b| b.1 >= 2 && !tie).map(|b| b.0.as_str())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use herald_core::Span;

    fn w(s: &str, at: usize) -> Word {
        Word {
            lower: s.to_lowercase(),
            span: Span::new(at, at + s.len()),
            tok: 0,
            punct: false,
            cap: false,
            upper: false,
            upos: None,
            lemma: String::new(),
        }
    }

    #[test]
    fn pronoun_and_description() {
        let mut c = Coref::default();
        let m = |code: &str, kind: &str| Member {
            code: code.into(),
            span: Span::new(0, 5),
            kind: kind.into(),
        };
        c.update(
            &[],
            &Sentence::default(),
            &[
                Unit {
                    start: 0,
                    end: 1,
                    members: vec![m("RUSGOV", "person")],
                    prep: None,
                },
                Unit {
                    start: 2,
                    end: 3,
                    members: vec![m("KAZ", "country")],
                    prep: None,
                },
            ],
        );
        let ws: Vec<Word> = ["he", "praised", "the", "former", "soviet", "republic"]
            .iter()
            .scan(0, |at, s| {
                let x = w(s, *at);
                *at += s.len() + 1;
                Some(x)
            })
            .collect();
        let mut units = Vec::new();
        c.resolve(&ws, &Sentence::default(), &mut units);
        assert_eq!(units.len(), 2);
        assert_eq!(units[0].members[0].code, "RUSGOV");
        assert_eq!((units[1].start, units[1].end), (2, 6));
        assert_eq!(units[1].members[0].code, "KAZ");
        // Nothing to refer to: nothing added.
        let mut none = Vec::new();
        Coref::default().resolve(&ws, &Sentence::default(), &mut none);
        assert!(none.is_empty());
    }
}
