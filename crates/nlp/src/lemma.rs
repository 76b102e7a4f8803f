//! Lemmatizer: edit scripts learned from the treebanks.
//!
//! A lemma is produced from the word form by an *edit script*: keep or lower-case the form,
//! strip `n` characters from its end, append a string (`studies`/NNS → lower, strip 3, add
//! `y`). Training counts scripts per (lower-cased form, XPOS) and per (XPOS, final 0–5
//! characters). At run time the longest suffix rule with enough support gives the script,
//! and a word whose own most frequent script differs from that rule is kept as an exception
//! (`went`/VBD → strip all, add `go`). Unseen words fall to the suffix rules; for verbs and
//! plural nouns, the longest rule whose result is a lemma seen in training wins over longer
//! rules that make up a word ("freed" → `free`, not `fre`).

use crate::conllu::ConlluSentence;
use crate::features::{char_suffix, hash_str};
use crate::model_io::{Reader, Writer};
use crate::weights::IdMap;
use herald_core::Result;
use std::collections::HashMap;

const KIND: &[u8; 4] = b"LEMM";
const MAX_SUFFIX: usize = 5;

/// One way to derive a lemma from a form.
#[derive(Clone, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
struct Script {
    lower: bool,
    strip: u8,
    add: String,
}

impl Script {
    fn learn(form: &str, lemma: &str) -> Script {
        let lower_form = form.to_lowercase();
        let (base, lower) = if common_prefix(form, lemma) > common_prefix(&lower_form, lemma) {
            (form.to_string(), false)
        } else {
            (lower_form, true)
        };
        let cp = common_prefix(&base, lemma);
        let strip = base[cp..].chars().count().min(255) as u8;
        Script {
            lower,
            strip,
            add: lemma[cp..].to_string(),
        }
    }

    fn apply(&self, form: &str, out: &mut String) {
        out.clear();
        if self.lower {
            out.extend(form.chars().flat_map(char::to_lowercase));
        } else {
            out.push_str(form);
        }
        let n = out.chars().count();
        if (self.strip as usize) <= n {
            let keep = n - self.strip as usize;
            let cut = out.char_indices().nth(keep).map_or(out.len(), |(i, _)| i);
            out.truncate(cut);
        }
        out.push_str(&self.add);
    }
}

/// Length in bytes of the common prefix, on a char boundary.
fn common_prefix(a: &str, b: &str) -> usize {
    a.char_indices()
        .zip(b.chars())
        .find(|((_, x), y)| x != y)
        .map_or_else(|| a.len().min(b.len()), |((i, _), _)| i)
}

/// Regular inflections of a tag, as (ending, replacement), tried when the suffix rules give
/// no known lemma.
fn regular_endings(xpos: &str) -> &'static [(&'static str, &'static str)] {
    match xpos {
        "VBD" | "VBN" => &[("ied", "y"), ("d", ""), ("ed", ""), ("ed", "e")],
        "VBZ" => &[("ies", "y"), ("s", ""), ("es", "")],
        "VBG" => &[("ing", ""), ("ing", "e"), ("ying", "ie")],
        "NNS" => &[("ies", "y"), ("s", ""), ("es", "")],
        _ => &[],
    }
}

/// A trained lemmatizer.
pub struct Lemmatizer {
    scripts: Vec<Script>,
    xpos: Vec<String>,
    /// hash(lower form) ^ xpos key → script.
    exceptions: IdMap<u64, u16>,
    /// hash(suffix) ^ xpos key → script.
    rules: IdMap<u64, u16>,
    /// Hashes of the lower-cased lemmas seen at least twice in training.
    known: IdMap<u64, ()>,
}

fn xkey(h: u64, x: usize, k: usize) -> u64 {
    h ^ ((x as u64 + 1) << 48) ^ ((k as u64 + 1) << 40)
}

impl Lemmatizer {
    /// The lemma of `form` tagged `xpos`, written into `out`.
    pub fn lemma_into(&self, form: &str, xpos: &str, out: &mut String) {
        let Some(x) = self.xpos.iter().position(|t| t == xpos) else {
            out.clear();
            out.extend(form.chars().flat_map(char::to_lowercase));
            return;
        };
        let lower: String = form.chars().flat_map(char::to_lowercase).collect();
        let n = lower.chars().count();
        let rule = |k: usize| {
            let suf = if k == 0 { "" } else { char_suffix(&lower, k) };
            self.rules.get(&xkey(hash_str(suf), x, k))
        };
        if let Some(&s) = self.exceptions.get(&xkey(hash_str(&lower), x, 9)) {
            self.scripts[s as usize].apply(form, out);
            return;
        }
        // An irregular verb behind a prefix the treebanks never showed with it: "overran" is
        // "over" + "ran" → "overrun", "withheld" → "withhold".
        if xpos.starts_with("VB") {
            for prefix in ["over", "under", "out", "with", "fore", "mis", "re"] {
                if let Some(rest) = lower.strip_prefix(prefix)
                    && rest.len() >= 2
                    && let Some(&s) = self.exceptions.get(&xkey(hash_str(rest), x, 9))
                {
                    self.scripts[s as usize].apply(rest, out);
                    out.insert_str(0, prefix);
                    return;
                }
            }
        }
        let mut rules = (0..=MAX_SUFFIX.min(n)).rev().filter_map(rule);
        let Some(&first) = rules.next() else {
            out.clear();
            out.push_str(&lower);
            return;
        };
        let regular = regular_endings(xpos);
        if !self.known.is_empty() && !regular.is_empty() {
            // The rules from the longest suffix down, then the regular endings: the first
            // that gives a known lemma wins.
            let known = |out: &String| self.known.contains_key(&hash_str(out));
            for &s in std::iter::once(&first).chain(rules) {
                self.scripts[s as usize].apply(&lower, out);
                if known(out) {
                    return;
                }
            }
            for &(strip, add) in regular {
                if let Some(stem) = lower.strip_suffix(strip) {
                    out.clear();
                    out.push_str(stem);
                    out.push_str(add);
                    if stem.len() >= 2 && known(out) {
                        return;
                    }
                }
            }
        }
        self.scripts[first as usize].apply(form, out);
    }

    /// The lemma of `form` tagged `xpos`.
    pub fn lemma(&self, form: &str, xpos: &str) -> String {
        let mut s = String::new();
        self.lemma_into(form, xpos, &mut s);
        s
    }

    /// Serialises the model.
    pub fn to_bytes(&self) -> Vec<u8> {
        let mut w = Writer::with_header(KIND);
        w.strs(&self.xpos);
        w.u32(self.scripts.len() as u32);
        for s in &self.scripts {
            w.u8(s.lower as u8);
            w.u8(s.strip);
            w.str(&s.add);
        }
        for table in [&self.exceptions, &self.rules] {
            let mut v: Vec<(u64, u16)> = table.iter().map(|(k, v)| (*k, *v)).collect();
            v.sort_unstable();
            w.u32(v.len() as u32);
            for (k, s) in v {
                w.buf.extend_from_slice(&k.to_le_bytes());
                w.u16(s);
            }
        }
        let mut known: Vec<u64> = self.known.keys().copied().collect();
        known.sort_unstable();
        w.u32(known.len() as u32);
        for k in known {
            w.buf.extend_from_slice(&k.to_le_bytes());
        }
        w.buf
    }

    /// Reads a model written by [`Lemmatizer::to_bytes`].
    pub fn from_bytes(bytes: &[u8], name: &str) -> Result<Lemmatizer> {
        let mut r = Reader::open(bytes, KIND, name)?;
        let xpos = r.strs()?;
        let n = r.u32()? as usize;
        let mut scripts = Vec::with_capacity(n);
        for _ in 0..n {
            let lower = r.u8()? != 0;
            let strip = r.u8()?;
            scripts.push(Script {
                lower,
                strip,
                add: r.str()?,
            });
        }
        let mut tables = [IdMap::default(), IdMap::default()];
        for t in &mut tables {
            let m = r.u32()? as usize;
            for _ in 0..m {
                let k = u64::from_le_bytes(r.take(8)?.try_into().expect("8 bytes"));
                let s = r.u16()?;
                if s as usize >= n {
                    return Err(r.err("script index out of range"));
                }
                t.insert(k, s);
            }
        }
        let mut known = IdMap::default();
        // Models written before the lemma list ends here.
        if !r.at_end() {
            let m = r.u32()? as usize;
            for _ in 0..m {
                known.insert(
                    u64::from_le_bytes(r.take(8)?.try_into().expect("8 bytes")),
                    (),
                );
            }
        }
        if !r.at_end() {
            return Err(r.err("trailing bytes"));
        }
        let [exceptions, rules] = tables;
        Ok(Lemmatizer {
            scripts,
            xpos,
            exceptions,
            rules,
            known,
        })
    }
}

/// Minimum count of a suffix rule.
const MIN_RULE_SUPPORT: usize = 3;

/// Learns a lemmatizer from gold sentences.
pub fn train(sents: &[ConlluSentence]) -> Lemmatizer {
    let mut script_ids: HashMap<Script, u16> = HashMap::new();
    let mut scripts: Vec<Script> = Vec::new();
    let mut xpos: Vec<String> = Vec::new();
    let mut words: HashMap<(String, usize), HashMap<u16, usize>> = HashMap::new();
    let mut lemma_counts: IdMap<u64, u32> = IdMap::default();
    for s in sents {
        for w in &s.words {
            if w.lemma == "_" && w.form != "_" {
                continue;
            }
            *lemma_counts
                .entry(hash_str(&w.lemma.to_lowercase()))
                .or_default() += 1;
            let x = match xpos.iter().position(|t| *t == w.xpos) {
                Some(x) => x,
                None => {
                    xpos.push(w.xpos.clone());
                    xpos.len() - 1
                }
            };
            let sc = Script::learn(&w.form, &w.lemma);
            let id = *script_ids.entry(sc.clone()).or_insert_with(|| {
                scripts.push(sc);
                (scripts.len() - 1) as u16
            });
            *words
                .entry((w.form.to_lowercase(), x))
                .or_default()
                .entry(id)
                .or_default() += 1;
        }
    }
    let best = |m: &HashMap<u16, usize>| -> u16 {
        *m.iter()
            .max_by_key(|(s, n)| (**n, u16::MAX - **s))
            .unwrap()
            .0
    };
    // Suffix rules, counted over word types (each type votes with its best script).
    let mut rule_counts: HashMap<(String, usize, usize), HashMap<u16, usize>> = HashMap::new();
    let mut sorted: Vec<_> = words.iter().collect();
    sorted.sort_by(|a, b| a.0.cmp(b.0));
    for ((lower, x), m) in &sorted {
        let b = best(m);
        let n = lower.chars().count();
        for k in 0..=MAX_SUFFIX.min(n) {
            let suf = if k == 0 {
                String::new()
            } else {
                char_suffix(lower, k).to_string()
            };
            *rule_counts
                .entry((suf, *x, k))
                .or_default()
                .entry(b)
                .or_default() += 1;
        }
    }
    let mut rule_best: HashMap<(String, usize, usize), u16> = HashMap::new();
    for (key, m) in &rule_counts {
        if m.values().sum::<usize>() >= MIN_RULE_SUPPORT || key.2 == 0 {
            rule_best.insert(key.clone(), best(m));
        }
    }
    let predict =
        |lower: &str, x: usize, rb: &HashMap<(String, usize, usize), u16>| -> Option<u16> {
            let n = lower.chars().count();
            (0..=MAX_SUFFIX.min(n)).rev().find_map(|k| {
                let suf = if k == 0 {
                    String::new()
                } else {
                    char_suffix(lower, k).to_string()
                };
                rb.get(&(suf, x, k)).copied()
            })
        };
    // Keep a rule only when it differs from what the next shorter suffix would give.
    let mut rules = IdMap::default();
    let mut kept: HashMap<(String, usize, usize), u16> = HashMap::new();
    let mut keys: Vec<_> = rule_best.keys().cloned().collect();
    keys.sort_by_key(|k| (k.2, k.1, k.0.clone()));
    for key in keys {
        let s = rule_best[&key];
        let parent = (0..key.2).rev().find_map(|k| {
            let suf = if k == 0 {
                String::new()
            } else {
                char_suffix(&key.0, k).to_string()
            };
            rule_best.get(&(suf, key.1, k)).copied()
        });
        if key.2 == 0 || parent != Some(s) {
            kept.insert(key.clone(), s);
        }
    }
    for ((suf, x, k), s) in &kept {
        let h = hash_str(if *k == 0 { "" } else { suf });
        rules.insert(xkey(h, *x, *k), *s);
    }
    // A lemma seen once may be a slip of the annotator ("freed" → `fre`).
    let known: IdMap<u64, ()> = lemma_counts
        .into_iter()
        .filter(|&(_, n)| n >= 2)
        .map(|(h, _)| (h, ()))
        .collect();
    let mut exceptions = IdMap::default();
    let mut lemma = String::new();
    for ((lower, x), m) in sorted {
        let b = best(m);
        if predict(lower, *x, &rule_best) != Some(b) {
            // A word seen once whose lemma is seen nowhere else, when a regular ending gives
            // a known lemma, is not trusted either.
            scripts[b as usize].apply(lower, &mut lemma);
            let regular = || {
                regular_endings(&xpos[*x]).iter().any(|(strip, add)| {
                    lower
                        .strip_suffix(strip)
                        .is_some_and(|stem| known.contains_key(&hash_str(&format!("{stem}{add}"))))
                })
            };
            if m.values().sum::<usize>() < 2 && !known.contains_key(&hash_str(&lemma)) && regular()
            {
                continue;
            }
            exceptions.insert(xkey(hash_str(lower), *x, 9), b);
        }
    }
    Lemmatizer {
        scripts,
        xpos,
        exceptions,
        rules,
        known,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn scripts_round_trip_forms() {
        for (form, lemma) in [
            ("studies", "study"),
            ("Went", "go"),
            ("The", "the"),
            ("Apple", "Apple"),
            ("naïvest", "naïve"),
            ("n't", "not"),
        ] {
            let s = Script::learn(form, lemma);
            let mut out = String::new();
            s.apply(form, &mut out);
            assert_eq!(out, lemma, "{form}");
        }
    }

    #[test]
    fn unseen_inflections_prefer_known_lemmas() {
        let l = &crate::Models::embedded().lemmatizer;
        // Suffix rules alone strip "-ed" ("needed" → need): a known lemma wins.
        assert_eq!(l.lemma("freed", "VBD"), "free");
        // The treebank once lemmatises "freed"/VBN as `fre`: a slip, not an exception.
        assert_eq!(l.lemma("freed", "VBN"), "free");
        assert_eq!(l.lemma("guaranteed", "VBD"), "guarantee");
        assert_eq!(l.lemma("needed", "VBD"), "need");
        // An unknown stem still gets the rule's answer.
        assert_eq!(l.lemma("tweeted", "VBD"), "tweet");
    }

    #[test]
    fn a_prefixed_irregular_verb_takes_its_verb_s_lemma() {
        let l = &crate::Models::embedded().lemmatizer;
        assert_eq!(l.lemma("overran", "VBD"), "overrun");
        assert_eq!(l.lemma("withheld", "VBD"), "withhold");
        assert_eq!(l.lemma("undertook", "VBD"), "undertake");
    }

    #[test]
    fn common_prefix_respects_char_boundaries() {
        assert_eq!(common_prefix("naïve", "naive"), 2);
        assert_eq!(common_prefix("abc", "abc"), 3);
        assert_eq!(common_prefix("ab", "abc"), 2);
    }
}
