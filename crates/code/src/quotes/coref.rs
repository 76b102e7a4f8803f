//! Coreference for speakers: what "he", "the Ministry" or "the Russian leader" stands for.
//!
//! A salience list of the names seen so far, Lappin and Leass style: speakers and sentence
//! subjects weigh more, weight halves with every sentence; `he`/`she` and role descriptions
//! ("the Russian leader") take the most salient person, "the Ministry" the latest name with the
//! same head word, "who" the phrase before it, "they" the latest counted or definite plural of
//! this sentence or the one before ("four armed individuals").

use super::speaker::{is_boundary, is_determiner, np_left};
use super::words::Word;
use herald_core::Span;

/// Person role nouns: a definite description with one of these as head names a person.
fn is_role_noun(lower: &str) -> bool {
    matches!(
        lower,
        "leader"
            | "president"
            | "minister"
            | "secretary"
            | "spokesman"
            | "spokeswoman"
            | "spokesperson"
            | "head"
            | "chief"
            | "diplomat"
            | "envoy"
            | "representative"
            | "premier"
            | "correspondent"
            | "candidate"
            | "senator"
            | "governor"
            | "mayor"
            | "ambassador"
            | "chancellor"
            | "official"
            | "general"
            | "commander"
            | "king"
            | "queen"
            | "prime"
            | "nominee"
            | "congressman"
            | "congresswoman"
            | "lawmaker"
            | "businessman"
            | "director"
            | "chairman"
            | "chairwoman"
            | "founder"
            | "author"
    )
}

/// Nouns that a demonym or country name modifies ("Kazakh government").
fn is_group_noun(lower: &str) -> bool {
    matches!(
        lower,
        "government"
            | "authorities"
            | "troops"
            | "forces"
            | "people"
            | "officials"
            | "army"
            | "police"
            | "military"
            | "state"
            | "media"
            | "embassy"
            | "side"
            | "delegation"
            | "administration"
            | "campaign"
            | "leadership"
            | "parliament"
            | "regime"
    )
}

/// Titles before a name that mark it as a person's.
fn is_title(w: &str) -> bool {
    matches!(
        w.trim_end_matches('.'),
        "Mr" | "Mrs"
            | "Ms"
            | "Dr"
            | "President"
            | "Secretary"
            | "Minister"
            | "Senator"
            | "Sen"
            | "Rep"
            | "Gov"
            | "Governor"
            | "Chancellor"
            | "Premier"
            | "Prime"
            | "King"
            | "Queen"
            | "Pope"
            | "General"
            | "Gen"
            | "Prof"
            | "correspondent"
            | "spokesman"
            | "spokeswoman"
            | "leader"
            | "Ambassador"
            | "Mayor"
            | "Judge"
            | "Justice"
    )
}

/// Words that make a name an organisation's or a place's, not a person's.
fn is_org_word(w: &str) -> bool {
    matches!(
        w,
        "Ministry"
            | "Organisation"
            | "Organization"
            | "Council"
            | "Union"
            | "Party"
            | "Department"
            | "Office"
            | "Government"
            | "Committee"
            | "Agency"
            | "Bank"
            | "Court"
            | "Police"
            | "Times"
            | "Post"
            | "News"
            | "House"
            | "Kremlin"
            | "Forces"
            | "Army"
            | "Movement"
            | "Association"
            | "Institute"
            | "University"
            | "Group"
            | "Press"
            | "Reuters"
            | "BBC"
            | "CNN"
            | "AP"
            | "AFP"
            | "Network"
            | "Parliament"
            | "Senate"
            | "Congress"
            | "Assembly"
            | "Commission"
            | "Service"
            | "Treaty"
            | "Nations"
            | "States"
            | "Republic"
            | "Kingdom"
            | "Federation"
            | "Administration"
            | "Campaign"
            | "Foundation"
            | "Center"
            | "Centre"
            | "Board"
            | "Corporation"
            | "Company"
            | "Inc"
            | "Journal"
            | "Daily"
            | "Tribune"
            | "Street"
            | "City"
            | "County"
            | "Province"
            | "Region"
            | "Twitter"
            | "Facebook"
            | "Fox"
            | "MSNBC"
            | "Democrats"
            | "Republicans"
            | "Pentagon"
            | "Interior"
            | "Affairs"
    )
}

/// One mention of a named or resolved entity, for coreference.
#[derive(Clone, Debug)]
struct Mention {
    /// Key: the last word of the name, lower-cased.
    key: String,
    /// The name as to be shown.
    name: String,
    /// Byte where the mention starts.
    at: usize,
    sentence: usize,
    weight: f64,
}

/// Salience-based coreference over one document.
#[derive(Debug, Default)]
pub(crate) struct Resolver {
    mentions: Vec<Mention>,
    /// Keys known to be persons.
    persons: std::collections::HashSet<String>,
    /// Keys known not to be persons.
    orgs: std::collections::HashSet<String>,
    /// Counted or definite plural noun phrases ("four armed individuals", "the protesters"):
    /// (text, byte where it starts, sentence), what "they" can stand for.
    plurals: Vec<(String, usize, usize)>,
}

/// Words that count or fix a plural noun phrase: "four armed individuals", "the protesters".
fn is_plural_opener(lower: &str) -> bool {
    let count = crate::numbers::word_value(lower).or_else(|| crate::numbers::digits_value(lower));
    count.is_some_and(|n| n >= 2.0)
        || matches!(
            lower,
            "the" | "these" | "those" | "dozens" | "hundreds" | "thousands" | "several" | "many"
        )
}

/// Role of a name in its sentence.
#[derive(Clone, Copy, Debug, PartialEq)]
pub(crate) enum Role {
    Speaker,
    Subject,
    Other,
    Possessive,
}

impl Resolver {
    /// Records the capitalised names of a sentence. `speakers` are spans of attributed
    /// speakers in it.
    pub(crate) fn observe(&mut self, ws: &[Word], sentence: usize, speakers: &[Span]) {
        self.observe_plurals(ws, sentence);
        let mut i = 0;
        while i < ws.len() {
            if !ws[i].is_capitalized() || is_title(ws[i].text) && ws.get(i + 1).is_none() {
                i += 1;
                continue;
            }
            let start = i;
            let mut j = i;
            while j + 1 < ws.len()
                && (ws[j + 1].is_capitalized()
                    || (ws[j + 1].text == "of"
                        && ws.get(j + 2).is_some_and(|w| w.is_capitalized())))
            {
                j += 1;
            }
            // Sentence-initial function words are not names.
            let mut s = start;
            while s <= j && (is_boundary(&ws[s].lower()) || is_determiner(&ws[s].lower())) {
                s += 1;
            }
            // "the Russian leader", "Kazakh troops": a name used as an adjective.
            let demonym = ws[j].text.ends_with("an")
                || ws[j].text.ends_with("ese")
                || ws[j].text.ends_with("ish")
                || ws[j].text.ends_with("ic");
            let adjective = ws.get(j + 1).is_some_and(|w| {
                let l = w.lower();
                is_role_noun(&l)
                    || is_group_noun(&l)
                    || (demonym && w.is_alnum() && !w.is_capitalized() && !is_boundary(&l))
            });
            if s <= j && !adjective {
                self.add_name(ws, s, j, sentence, speakers);
            }
            i = j + 1;
        }
    }

    /// Records the counted or definite plural noun phrases of a sentence: an opener, at most
    /// two lower-case modifiers, a lower-case head ending in "s".
    fn observe_plurals(&mut self, ws: &[Word], sentence: usize) {
        for (t, w) in ws.iter().enumerate() {
            let head = w.lower();
            let plural = head.len() > 3
                && head.ends_with('s')
                && !head.ends_with("ss")
                && !head.ends_with("us")
                && w.is_alnum()
                && !w.is_capitalized();
            if !plural {
                continue;
            }
            let opener = (t.saturating_sub(3)..t).find(|&o| {
                is_plural_opener(&ws[o].lower())
                    && ws[o + 1..t]
                        .iter()
                        .all(|m| m.is_alnum() && !m.is_capitalized())
            });
            if let Some(o) = opener {
                let text: Vec<&str> = ws[o..=t].iter().map(|w| w.text).collect();
                self.plurals
                    .push((text.join(" "), ws[o].span.start, sentence));
            }
        }
    }

    /// The latest plural noun phrase before byte `at`, in this sentence or the one before.
    fn latest_plural(&self, at: usize, sentence: usize) -> Option<&str> {
        self.plurals
            .iter()
            .filter(|(_, a, s)| *a < at && *s + 1 >= sentence)
            .max_by_key(|(_, a, _)| *a)
            .map(|(text, _, _)| text.as_str())
    }

    fn add_name(&mut self, ws: &[Word], s: usize, j: usize, sentence: usize, speakers: &[Span]) {
        let span = ws[s].span.cover(ws[j].span);
        let names: Vec<&str> = ws[s..=j].iter().map(|w| w.text).collect();
        // The head: the last word before "of" ("Ministry of the Interior" → ministry).
        let head = names
            .iter()
            .position(|w| *w == "of")
            .map_or(names.len(), |p| p.max(1));
        let key = names[head - 1].to_lowercase();
        let titled = is_title(ws[s].text) || (s > 0 && is_title(ws[s - 1].text));
        let org = names.iter().any(|w| is_org_word(w));
        let capitals = names.iter().filter(|w| !is_title(w)).count();
        if org {
            self.orgs.insert(key.clone());
        } else if titled || (2..=3).contains(&capitals) {
            self.persons.insert(key.clone());
        }
        let possessive = ws
            .get(j + 1)
            .is_some_and(|w| w.text == "'s" || w.text == "’s");
        let role = if speakers.iter().any(|sp| sp.overlaps(span)) {
            Role::Speaker
        } else if possessive {
            Role::Possessive
        } else if s == 0 || (s > 0 && ws[s - 1].text == ",") && s < 4 {
            Role::Subject
        } else {
            Role::Other
        };
        if role == Role::Speaker && !org {
            self.persons.insert(key.clone());
        }
        let name: Vec<&str> = names
            .iter()
            .copied()
            .skip_while(|w| is_title(w) || matches!(*w, "The" | "the"))
            .collect();
        let name = if name.is_empty() {
            names.join(" ")
        } else {
            name.join(" ")
        };
        self.push(key, name, span.start, sentence, role);
    }

    fn push(&mut self, key: String, name: String, at: usize, sentence: usize, role: Role) {
        let weight = match role {
            Role::Speaker => 90.0,
            Role::Subject => 80.0,
            Role::Other => 50.0,
            Role::Possessive => 40.0,
        };
        self.mentions.push(Mention {
            key,
            name,
            at,
            sentence,
            weight,
        });
    }

    /// Records that the speaker mention at `at` refers to `name`.
    pub(crate) fn note_speaker(&mut self, name: &str, at: usize, sentence: usize) {
        let key = name
            .split_whitespace()
            .last()
            .unwrap_or(name)
            .to_lowercase();
        self.push(key, name.to_string(), at, sentence, Role::Speaker);
    }

    /// The most salient person mentioned before byte `at` in sentence `sentence`: salience is
    /// summed over an entity's mentions, each worth its role's weight plus 100, halved with
    /// every sentence since.
    fn best_person(&self, at: usize, sentence: usize) -> Option<&str> {
        let mut score: std::collections::HashMap<&str, (f64, usize, &str)> = Default::default();
        for m in self.mentions.iter().filter(|m| m.at < at) {
            if !self.persons.contains(&m.key) || self.orgs.contains(&m.key) {
                continue;
            }
            let dist = sentence.saturating_sub(m.sentence).min(30) as i32;
            let e = score
                .entry(m.key.as_str())
                .or_insert((0.0, 0, m.name.as_str()));
            e.0 += (m.weight + 100.0) * 0.5f64.powi(dist);
            // Show the longest name the entity went by.
            if m.name.len() > e.2.len() && m.at >= e.1 || e.1 == 0 {
                e.2 = m.name.as_str();
            }
            e.1 = e.1.max(m.at);
        }
        score
            .into_values()
            .filter(|(s, _, _)| *s > 20.0)
            .max_by(|a, b| a.0.total_cmp(&b.0).then(a.1.cmp(&b.1)))
            .map(|(_, _, name)| name)
    }

    /// The latest name whose head word is `head`, before byte `at`.
    fn latest_with_head(&self, head: &str, at: usize) -> Option<&str> {
        self.mentions
            .iter()
            .filter(|m| m.at < at && m.key == head && m.name.split_whitespace().count() > 1)
            .max_by_key(|m| m.at)
            .map(|m| m.name.as_str())
    }

    /// What the speaker phrase `ws[s..=e]` refers to, as a name to show.
    pub(crate) fn resolve(&self, ws: &[Word], s: usize, e: usize, sentence: usize) -> String {
        let text = |a: usize, b: usize| -> String {
            ws[a..=b].iter().fold(String::new(), |mut acc, w| {
                if !acc.is_empty() && w.text != "'s" && w.text != "’s" {
                    acc.push(' ');
                }
                acc.push_str(w.text);
                acc
            })
        };
        let at = ws[s].span.start;
        let head = ws[e].lower();
        if s == e && matches!(head.as_str(), "he" | "she" | "him" | "her") {
            return self
                .best_person(at, sentence)
                .map_or_else(|| text(s, e), str::to_string);
        }
        if s == e && head == "they" {
            return self
                .latest_plural(at, sentence)
                .map_or_else(|| text(s, e), str::to_string);
        }
        if s == e && matches!(head.as_str(), "who" | "which" | "that") {
            // The relative pronoun's antecedent: the phrase before ", who".
            let mut j = s;
            if j > 0 && ws[j - 1].text == "," {
                j -= 1;
            }
            if j > 0
                && let Some((a, b)) = np_left(ws, j - 1, 0)
            {
                return self.resolve(ws, a, b, sentence);
            }
            return text(s, e);
        }
        let definite = matches!(ws[s].lower().as_str(), "the" | "this");
        if definite && s < e {
            let has_name = ws[e].is_capitalized() && !is_org_word(ws[e].text);
            let role =
                is_role_noun(&head) || ws[s + 1..=e].iter().any(|w| is_role_noun(&w.lower()));
            let found = if ws[e].is_capitalized() && is_org_word(ws[e].text) {
                self.latest_with_head(&head, at)
            } else if !has_name && role {
                self.best_person(at, sentence)
            } else {
                None
            };
            if let Some(n) = found {
                return n.to_string();
            }
        }
        text(s, e)
    }
}

#[cfg(test)]
mod tests {
    use super::super::words::words;
    use super::*;

    #[test]
    fn resolves_pronouns_and_descriptions() {
        let text = "Prime Minister Ann Tell met the Foreign Ministry. The Foreign Ministry of Ruritania \
                    agreed. The minister left. He spoke. The Ministry replied.";
        let mut r = Resolver::default();
        let mut sents = Vec::new();
        let mut start = 0;
        for (i, _) in text.match_indices(". ") {
            sents.push((start, i + 1));
            start = i + 2;
        }
        sents.push((start, text.len()));
        let mut all = Vec::new();
        for (k, (a, b)) in sents.iter().enumerate() {
            let ws = words(text, Span::new(*a, *b));
            r.observe(&ws, k, &[]);
            all.push(ws);
        }
        assert_eq!(r.resolve(&all[3], 0, 0, 3), "Ann Tell");
        assert_eq!(r.resolve(&all[2], 0, 1, 2), "Ann Tell");
        assert_eq!(r.resolve(&all[4], 0, 1, 4), "Foreign Ministry of Ruritania");
    }
}
