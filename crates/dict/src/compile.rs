//! The compiled dictionary: entries indexed for matching over a sentence's words.
//!
//! Names, agents, discards and issue phrases go into a token-level phrase index (a hash on
//! the first word, candidates longest first), which finds the longest entry starting at a
//! word in one lookup. Verb patterns are indexed by every form of their verb. Matching is
//! case-insensitive: the index holds lower-case words and callers pass lower-case words.

use crate::entry::{Dictionary, PatternItem};
use chrono::NaiveDate;
use std::collections::HashMap;

/// The word of a phrase that stands for up to [`MAX_GAP`] other words (PETRARCH's blank
/// between two words of an actor or agent phrase).
pub const GAP: &str = "…";

/// The most words a [`GAP`] passes over.
pub const MAX_GAP: usize = 3;

/// Where the words after a phrase's first one end, when they match `words` from `j`.
fn match_rest<S: AsRef<str>>(
    rest: &[String],
    words: &[S],
    mut j: usize,
    gap_ok: &impl Fn(usize) -> bool,
) -> Option<usize> {
    let mut k = 0;
    while k < rest.len() {
        if rest[k] == GAP {
            let next = rest.get(k + 1)?;
            let mut g = 0;
            while words.get(j + g)?.as_ref() != next {
                if g == MAX_GAP || !gap_ok(j + g) {
                    return None;
                }
                g += 1;
            }
            j += g + 1;
            k += 2;
        } else {
            if words.get(j)?.as_ref() != rest[k] {
                return None;
            }
            j += 1;
            k += 1;
        }
    }
    Some(j)
}

/// Phrases (sequences of lower-case words) → values; finds the longest phrase at a position.
#[derive(Clone, Debug)]
pub struct PhraseIndex<V> {
    by_first: HashMap<String, Vec<(Vec<String>, V)>>,
}

impl<V> Default for PhraseIndex<V> {
    fn default() -> Self {
        PhraseIndex {
            by_first: HashMap::new(),
        }
    }
}

impl<V: Clone + PartialEq> PhraseIndex<V> {
    /// Adds a phrase (words separated by spaces). A phrase with hyphenated words is also
    /// added as UD tokenisation splits it ("hard-liners" → "hard", "-", "liners").
    pub fn insert(&mut self, phrase: &str, value: V) {
        let whole: Vec<String> = phrase.split_whitespace().map(str::to_string).collect();
        let split: Vec<String> = whole
            .iter()
            .flat_map(|w| {
                let inner = w.contains('-') && !w.starts_with('-') && !w.ends_with('-');
                let parts: Vec<&str> = if inner {
                    w.split('-').collect()
                } else {
                    vec![w]
                };
                let n = parts.len();
                parts.into_iter().enumerate().flat_map(move |(k, p)| {
                    let hyphen = (k + 1 < n).then(|| "-".to_string());
                    std::iter::once(p.to_string()).chain(hyphen)
                })
            })
            .collect();
        let same = split == whole;
        for words in std::iter::once(whole).chain((!same).then_some(split)) {
            let mut words = words.into_iter();
            let Some(first) = words.next() else { return };
            let rest: Vec<String> = words.collect();
            let list = self.by_first.entry(first).or_default();
            if !list.iter().any(|(r, v)| *r == rest && *v == value) {
                list.push((rest, value.clone()));
            }
        }
    }

    fn finish(&mut self) {
        for list in self.by_first.values_mut() {
            list.sort_by_key(|(rest, _)| std::cmp::Reverse(rest.len()));
        }
    }

    /// The longest phrase starting at `words[i]`: its length in words and every value it has.
    /// Gaps ([`GAP`]) match no word here.
    pub fn longest<S: AsRef<str>>(&self, words: &[S], i: usize) -> Option<(usize, Vec<&V>)> {
        self.longest_gapped(words, i, |_| false)
    }

    /// As [`PhraseIndex::longest`], a [`GAP`] in a phrase passing over up to [`MAX_GAP`]
    /// words for which `gap_ok` holds.
    pub fn longest_gapped<S: AsRef<str>>(
        &self,
        words: &[S],
        i: usize,
        gap_ok: impl Fn(usize) -> bool,
    ) -> Option<(usize, Vec<&V>)> {
        let list = self.by_first.get(words.get(i)?.as_ref())?;
        let mut best: Option<usize> = None;
        let mut vals = Vec::new();
        for (rest, v) in list {
            let gaps = rest.iter().filter(|w| *w == GAP).count();
            if best.is_some_and(|b| rest.len() + gaps * MAX_GAP + 1 < b) {
                continue;
            }
            let Some(end) = match_rest(rest, words, i + 1, &gap_ok) else {
                continue;
            };
            let len = end - i;
            if best.is_some_and(|b| len < b) {
                continue;
            }
            if best.is_some_and(|b| len > b) {
                vals.clear();
            }
            best = Some(len);
            vals.push(v);
        }
        best.map(|b| (b, vals))
    }

    /// Number of phrases.
    pub fn len(&self) -> usize {
        self.by_first.values().map(Vec::len).sum()
    }

    /// True when empty.
    pub fn is_empty(&self) -> bool {
        self.by_first.is_empty()
    }
}

/// One code of an actor, valid between two dates (inclusive, open when `None`).
#[derive(Clone, Debug, PartialEq)]
pub struct DatedCode {
    /// The code.
    pub code: String,
    /// First valid day.
    pub from: Option<NaiveDate>,
    /// Last valid day.
    pub until: Option<NaiveDate>,
    /// Entry kind (country, person…), when the dictionary says.
    pub kind: String,
    /// Line in the dictionary source.
    pub line: usize,
    /// True for the code herald derives for a person of its own dictionaries once a term of
    /// office has ended and no other covers the day: the country's elite (`GBRELI`), as
    /// CAMEO codes former office holders.
    pub former: bool,
}

impl DatedCode {
    fn dated(&self) -> bool {
        self.from.is_some() || self.until.is_some()
    }
    fn covers(&self, d: NaiveDate) -> bool {
        self.from.is_none_or(|f| f <= d) && self.until.is_none_or(|u| d <= u)
    }
}

/// An agent's code and where it goes relative to the country code.
#[derive(Clone, Debug, PartialEq)]
pub struct AgentCode {
    /// The agent code (`GOV`, `NGO`).
    pub code: String,
    /// True when the code precedes the country (`NGO` + `ARN` → `NGOARN`).
    pub prefix: bool,
    /// Line in the dictionary source.
    pub line: usize,
}

/// A pattern item once synsets are resolved.
#[derive(Clone, Debug, PartialEq)]
pub enum Item {
    /// Any of these phrases (each a sequence of lower-case words).
    Words(Vec<Vec<String>>),
    /// The target slot.
    Target,
    /// A source slot.
    Source,
    /// A compound actor: the subject or target must name two or more actors.
    Compound,
    /// One noun phrase passed over.
    Skip,
    /// The neighbouring items touch: no word between them.
    Adjacent,
}

/// A compiled verb pattern.
#[derive(Clone, Debug, PartialEq)]
pub struct Pattern {
    /// CAMEO code as written (may be paired `032:033`, or empty for a null code).
    pub code: String,
    /// Items before the verb, in text order.
    pub pre: Vec<Item>,
    /// Items after the verb, in text order.
    pub post: Vec<Item>,
    /// Line in the dictionary source.
    pub line: usize,
    /// A readable rendering of the pattern, for `rule` and `dict show`.
    pub text: String,
}

impl Pattern {
    /// How specific the pattern is: words it needs besides the verb.
    pub fn specificity(&self) -> usize {
        let n = |items: &[Item]| {
            items
                .iter()
                .map(|i| match i {
                    Item::Words(_) => 2,
                    _ => 1,
                })
                .sum::<usize>()
        };
        n(&self.pre) + n(&self.post)
    }
}

/// What an event noun codes to.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct NounCode {
    /// CAMEO event code.
    pub code: String,
    /// Agent code of the doer when the text names none, or empty.
    pub doer: String,
    /// Line of the entry.
    pub line: usize,
}

/// A verb of a compiled transformation: a code (with every code under it when a root), or a
/// verb's lemma. Neither: any verb.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct VerbTest {
    /// CAMEO code.
    pub code: Option<String>,
    /// Verb lemma.
    pub word: Option<String>,
}

impl VerbTest {
    fn new(v: &crate::transform::VerbRef) -> VerbTest {
        use crate::transform::VerbRef;
        match v {
            VerbRef::Any => VerbTest::default(),
            VerbRef::Code(c) => VerbTest {
                code: Some(c.clone()),
                word: None,
            },
            VerbRef::Word(w) => VerbTest {
                code: None,
                word: Some(w.clone()),
            },
        }
    }

    /// True for an event coded `code` by the verb `lemma`.
    pub fn matches(&self, code: &str, lemma: &str) -> bool {
        match (&self.code, &self.word) {
            (Some(c), _) => crate::transform::covers(c, code),
            (None, Some(w)) => w == lemma,
            (None, None) => true,
        }
    }
}

/// A compiled transformation.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Transform {
    /// The rule as written.
    pub rule: crate::transform::Rule,
    /// Its upper (governing) verb.
    pub upper: VerbTest,
    /// Its lower (governed) verb.
    pub lower: VerbTest,
    /// Line in the dictionary source.
    pub line: usize,
}

/// Dictionaries compiled for matching.
#[derive(Clone, Debug, Default)]
pub struct CompiledDict {
    /// Actor names → indices into `actor_codes`.
    pub actors: PhraseIndex<usize>,
    /// Case-sensitive actor names (written `=US` in herald's format): match only text in
    /// capitals, keyed like `actors`.
    pub exact_actors: PhraseIndex<usize>,
    /// Codes of each actor record.
    pub actor_codes: Vec<Vec<DatedCode>>,
    /// Agent phrases → agent codes.
    pub agents: PhraseIndex<AgentCode>,
    /// Verb forms → indices into `patterns`.
    pub verbs: HashMap<String, Vec<usize>>,
    /// All verb patterns.
    pub patterns: Vec<Pattern>,
    /// Event nouns (lower case, as written) → code; a later entry replaces an earlier one.
    pub nouns: HashMap<String, NounCode>,
    /// Discard phrases → true when the whole story is void.
    pub discards: PhraseIndex<bool>,
    /// Issue phrases → issue codes.
    pub issues: PhraseIndex<String>,
    /// Transformations, in the order written.
    pub transforms: Vec<Transform>,
}

impl CompiledDict {
    /// True when the dictionary is herald's own lexicon, which follows the CAMEO codebook
    /// where PETRARCH's dictionaries and validation records keep their own convention: an act
    /// announced is an intent or threat (03x, 13x), one demanded of another a demand (10x),
    /// and event nouns code. herald's format is the only one with event nouns, so their
    /// presence tells the two apart.
    pub fn follows_codebook(&self) -> bool {
        !self.nouns.is_empty()
    }

    /// Compiles a dictionary.
    pub fn new(dict: &Dictionary) -> CompiledDict {
        let mut c = CompiledDict::default();
        // Actors: entries sharing the same name list form one record.
        let mut record_of: HashMap<Vec<String>, usize> = HashMap::new();
        for a in &dict.actors {
            let names: Vec<String> = a
                .names
                .iter()
                .map(|n| norm_phrase(n.strip_prefix('=').unwrap_or(n)))
                .collect();
            let id = *record_of.entry(names.clone()).or_insert_with(|| {
                c.actor_codes.push(Vec::new());
                c.actor_codes.len() - 1
            });
            c.actor_codes[id].push(DatedCode {
                code: a.code.clone(),
                from: a.from,
                until: a.until,
                kind: a.kind.clone(),
                line: a.line,
                former: false,
            });
            for (n, raw) in names.iter().zip(&a.names) {
                // A name of several words may be written with underscores for some of its
                // spaces, as the dictionaries write it ("the Prince of Dol_Amroth").
                for n in &underscore_variants(n) {
                    if raw.starts_with('=') {
                        c.exact_actors.insert(n, id);
                    } else {
                        c.actors.insert(n, id);
                    }
                }
            }
        }
        for a in &dict.agents {
            let (code, prefix) = match a.code.strip_suffix('~') {
                Some(p) => (p.to_string(), true),
                None => (a.code.trim_start_matches('~').to_string(), false),
            };
            for n in &a.names {
                c.agents.insert(
                    &norm_phrase(n),
                    AgentCode {
                        code: code.clone(),
                        prefix,
                        line: a.line,
                    },
                );
            }
        }
        let synsets = resolve_synsets(&dict.synsets);
        for v in &dict.verbs {
            let Some((forms, pattern)) = compile_pattern(v, &synsets) else {
                continue;
            };
            // A verb of several words among the alternatives ("participate|take_part in
            // exercise") is its first word with the others right after it, in a pattern of
            // its own.
            let (single, multi): (Vec<String>, Vec<String>) =
                forms.into_iter().partition(|f| !f.contains(' '));
            for f in multi {
                let mut words = f.split(' ').map(str::to_string);
                let Some(head) = words.next() else { continue };
                let mut p = pattern.clone();
                let rest: Vec<Item> = words.map(|w| Item::Words(vec![vec![w]])).collect();
                p.post.splice(0..0, rest);
                let id = c.patterns.len();
                c.patterns.push(p);
                c.verbs.entry(head).or_default().push(id);
            }
            if single.is_empty() {
                continue;
            }
            let id = c.patterns.len();
            c.patterns.push(pattern);
            for f in single {
                let list = c.verbs.entry(f).or_default();
                if !list.contains(&id) {
                    list.push(id);
                }
            }
        }
        for n in &dict.nouns {
            for form in &n.nouns {
                c.nouns.insert(
                    form.to_lowercase(),
                    NounCode {
                        code: n.code.clone(),
                        doer: n.doer.clone(),
                        line: n.line,
                    },
                );
            }
        }
        for d in &dict.discards {
            c.discards.insert(&norm_phrase(&d.phrase), d.code == "+");
        }
        for i in &dict.issues {
            c.issues.insert(&norm_phrase(&i.phrase), i.code.clone());
        }
        for t in &dict.transforms {
            c.transforms.push(Transform {
                upper: VerbTest::new(&t.rule.upper_verb),
                lower: VerbTest::new(&t.rule.lower_verb),
                rule: t.rule.clone(),
                line: t.line,
            });
        }
        c.add_former_codes();
        c.actors.finish();
        c.exact_actors.finish();
        c.agents.finish();
        c.discards.finish();
        c.issues.finish();
        c
    }

    /// "Theresa May" in 2022, "Donald Trump" in 2023: a person of herald's own dictionaries
    /// (kind `person`) on a day after one of their terms ended and in none: the country's
    /// elite (country code + `ELI`), CAMEO's code for former office holders, when the code
    /// starts with a country's. Before the first term the name stays uncoded.
    fn add_former_codes(&mut self) {
        let countries: std::collections::HashSet<String> = self
            .actor_codes
            .iter()
            .flatten()
            .filter(|c| c.kind == "country" && c.code.len() == 3)
            .map(|c| c.code.clone())
            .collect();
        for codes in &mut self.actor_codes {
            if codes.iter().any(|c| c.kind != "person" || !c.dated()) {
                continue;
            }
            let Some(first_end) = codes.iter().filter_map(|c| c.until).min() else {
                continue;
            };
            let latest = codes
                .iter()
                .max_by_key(|c| c.until.unwrap_or(NaiveDate::MAX));
            let Some(country) = latest
                .and_then(|c| c.code.get(..3))
                .filter(|p| countries.contains(*p))
            else {
                continue;
            };
            let former = DatedCode {
                code: format!("{country}ELI"),
                from: first_end.succ_opt(),
                until: None,
                kind: "person".to_string(),
                line: latest.map_or(0, |c| c.line),
                former: true,
            };
            codes.push(former);
        }
    }

    /// The code of the first of several records sharing a name ("President Bush" is two
    /// people) that dates a code to `date`; else the first record's code as
    /// [`actor_code`](Self::actor_code) gives it.
    pub fn actor_code_of(&self, ids: &[&usize], date: Option<NaiveDate>) -> Option<&DatedCode> {
        let dated = date.and_then(|d| {
            ids.iter().find_map(|&&id| {
                self.actor_codes
                    .get(id)?
                    .iter()
                    .find(|c| c.dated() && !c.former && c.covers(d))
            })
        });
        dated.or_else(|| ids.iter().find_map(|&&id| self.actor_code(id, date)))
    }

    /// The code of actor record `id` on `date`: a dated code covering the date first, else an
    /// undated one, else the derived code of a former office holder; without a date, the
    /// undated code, else the latest dated one.
    pub fn actor_code(&self, id: usize, date: Option<NaiveDate>) -> Option<&DatedCode> {
        let codes = self.actor_codes.get(id)?;
        if let Some(d) = date
            && let Some(c) = codes.iter().find(|c| c.dated() && !c.former && c.covers(d))
        {
            return Some(c);
        }
        if let Some(c) = codes.iter().find(|c| !c.dated()) {
            return Some(c);
        }
        match date {
            Some(d) => codes.iter().find(|c| c.former && c.covers(d)),
            None => codes.iter().filter(|c| !c.former).max_by_key(|c| c.from),
        }
    }
}

/// `phrase` (words joined by spaces) with every choice of its spaces (and gaps) written as
/// `_`, itself first; phrases of more than five words only as written.
fn underscore_variants(phrase: &str) -> Vec<String> {
    // The words, and before each but the first the separator written: " " or " … ".
    let mut words: Vec<&str> = Vec::new();
    let mut seps: Vec<&str> = Vec::new();
    let mut gap = false;
    for w in phrase.split(' ') {
        if w == GAP {
            gap = true;
            continue;
        }
        if !words.is_empty() {
            seps.push(if gap { " … " } else { " " });
        }
        gap = false;
        words.push(w);
    }
    if seps.is_empty() || seps.len() > 4 {
        return vec![phrase.to_string()];
    }
    (0..1u32 << seps.len())
        .map(|mask| {
            let mut out = words[0].to_string();
            for (g, w) in words[1..].iter().enumerate() {
                out.push_str(if mask & (1 << g) == 0 { seps[g] } else { "_" });
                out.push_str(w);
            }
            out
        })
        .collect()
}

/// Lower-case words of a phrase, `_` and spaces as separators.
pub fn norm_phrase(p: &str) -> String {
    p.split(['_', ' ', '\t'])
        .filter(|w| !w.is_empty())
        .map(str::to_lowercase)
        .collect::<Vec<_>>()
        .join(" ")
}

/// Synsets with nested `&NAME` members expanded (cycles cut).
fn resolve_synsets(raw: &[(String, Vec<String>)]) -> HashMap<String, Vec<Vec<String>>> {
    let by_name: HashMap<&str, &Vec<String>> = raw.iter().map(|(n, w)| (n.as_str(), w)).collect();
    fn expand(
        name: &str,
        by_name: &HashMap<&str, &Vec<String>>,
        depth: usize,
        out: &mut Vec<Vec<String>>,
    ) {
        let Some(words) = by_name.get(name) else {
            return;
        };
        for w in words.iter() {
            if let Some(inner) = w.strip_prefix('&') {
                if depth < 4 {
                    expand(inner, by_name, depth + 1, out);
                }
            } else {
                let p: Vec<String> = norm_phrase(w).split(' ').map(str::to_string).collect();
                if !p.is_empty() && !out.contains(&p) {
                    out.push(p);
                }
            }
        }
    }
    raw.iter()
        .map(|(n, _)| {
            let mut out = Vec::new();
            expand(n, &by_name, 0, &mut out);
            (n.clone(), out)
        })
        .collect()
}

fn compile_pattern(
    v: &crate::entry::VerbEntry,
    synsets: &HashMap<String, Vec<Vec<String>>>,
) -> Option<(Vec<String>, Pattern)> {
    let items = &v.pattern;
    let vi = match items.iter().position(|i| *i == PatternItem::Verb) {
        Some(s) if matches!(items.get(s + 1), Some(PatternItem::Word(_))) => s + 1,
        _ => items
            .iter()
            .position(|i| matches!(i, PatternItem::Word(_)))?,
    };
    let PatternItem::Word(forms) = &items[vi] else {
        return None;
    };
    let convert = |i: &PatternItem| -> Option<Item> {
        match i {
            PatternItem::Word(ws) => Some(Item::Words(
                ws.iter()
                    .map(|w| norm_phrase(w).split(' ').map(str::to_string).collect())
                    .collect(),
            )),
            PatternItem::Synset(s) => Some(Item::Words(synsets.get(s)?.clone())),
            PatternItem::Target => Some(Item::Target),
            PatternItem::Source => Some(Item::Source),
            PatternItem::Compound => Some(Item::Compound),
            PatternItem::Skip => Some(Item::Skip),
            PatternItem::Adjacent => Some(Item::Adjacent),
            PatternItem::Verb => None,
        }
    };
    let pre: Vec<Item> = items[..vi].iter().filter_map(convert).collect();
    let post: Vec<Item> = items[vi + 1..].iter().filter_map(convert).collect();
    let forms: Vec<String> = forms.iter().map(|f| f.to_lowercase()).collect();
    let text = render(items);
    Some((
        forms,
        Pattern {
            code: v.code.clone(),
            pre,
            post,
            line: v.line,
            text,
        },
    ))
}

fn render(items: &[PatternItem]) -> String {
    let mut out = Vec::new();
    let mut after_verb = false;
    for i in items {
        match i {
            PatternItem::Verb => {
                out.push("*".to_string());
                after_verb = true;
            }
            PatternItem::Word(ws) if after_verb => {
                out.pop();
                out.push(format!("*{}", ws.join("|")));
                after_verb = false;
            }
            PatternItem::Word(ws) => out.push(ws.join("|")),
            PatternItem::Target => out.push("+".into()),
            PatternItem::Source => out.push("$".into()),
            PatternItem::Compound => out.push("%".into()),
            PatternItem::Skip => out.push("^".into()),
            PatternItem::Adjacent => out.push("_".into()),
            PatternItem::Synset(s) => out.push(format!("&{s}")),
        }
    }
    out.join(" ")
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::petrarch;

    #[test]
    fn phrase_index_longest() {
        let mut ix = PhraseIndex::default();
        ix.insert("gaza", 1);
        ix.insert("gaza city", 2);
        ix.insert("gaza city hall", 3);
        let words = ["in", "gaza", "city", "today"];
        assert_eq!(ix.longest(&words, 1), Some((2, vec![&2])));
        assert_eq!(ix.longest(&words, 0), None);
        assert_eq!(ix.longest(&words[..2], 1), Some((1, vec![&1])));
    }

    #[test]
    fn hyphenated_phrases_match_whole_or_split() {
        let mut ix = PhraseIndex::default();
        ix.insert("hard-liners", 1);
        ix.insert("åland-islands group", 2);
        ix.insert("-ist", 3);
        assert_eq!(ix.longest(&["hard-liners"], 0), Some((1, vec![&1])));
        assert_eq!(
            ix.longest(&["hard", "-", "liners", "x"], 0),
            Some((3, vec![&1]))
        );
        assert_eq!(
            ix.longest(&["åland", "-", "islands", "group"], 0),
            Some((4, vec![&2]))
        );
        assert_eq!(ix.longest(&["-ist"], 0), Some((1, vec![&3])));
        assert_eq!(ix.longest(&["hard", "liners"], 0), None);
    }

    #[test]
    fn a_blank_in_a_petrarch_name_lets_modifiers_in() {
        let p = petrarch::read_actors(
            "ITHILEN [ITH]\nITHILEN TELEVISION [ITHTV]\nWORLD_UIGHUR CONGRESS_ [NGO]\n",
        );
        assert_eq!(p.dict.actors[1].names, ["ithilen … television"]);
        let c = CompiledDict::new(&p.dict);
        let code = |words: &[&str], ok: &dyn Fn(usize) -> bool| {
            c.actors
                .longest_gapped(words, 0, ok)
                .map(|(n, ids)| (n, c.actor_codes[*ids[0]][0].code.clone()))
        };
        let modifier = |j: usize| j < 4;
        let words = ["ithilen", "state", "-", "run", "television"];
        assert_eq!(code(&words, &modifier), Some((5, "ITHTV".into())));
        // Words the caller does not let in, or too many of them, leave the shorter name.
        assert_eq!(code(&words, &|_| false), Some((1, "ITH".into())));
        let long = ["ithilen", "new", "state", "-", "run", "television"];
        assert_eq!(code(&long, &|_| true), Some((1, "ITH".into())));
        assert_eq!(
            code(&["ithilen", "television"], &|_| false),
            Some((2, "ITHTV".into()))
        );
        // An underscore joins words that must follow each other; the blank still gaps.
        assert_eq!(
            code(&["world", "new", "uighur", "congress"], &|_| true),
            None
        );
        assert_eq!(
            code(&["world", "uighur", "exile", "congress"], &|_| true),
            Some((4, "NGO".into()))
        );
        assert_eq!(
            code(&["world_uighur", "congress"], &|_| false),
            Some((2, "NGO".into()))
        );
    }

    #[test]
    fn names_written_with_underscores_match() {
        let p = petrarch::read_actors("PRINCE OF DOL AMROTH [DOL]\nARNOR [ARN]\n");
        let c = CompiledDict::new(&p.dict);
        for words in [
            &["the", "prince", "of", "dol", "amroth"][..],
            &["the", "prince", "of", "dol_amroth"],
            &["the", "prince_of_dol_amroth"],
        ] {
            let (n, _) = c.actors.longest(words, 1).unwrap();
            assert_eq!(n, words.len() - 1, "{words:?}");
        }
        assert_eq!(underscore_variants("arnor"), ["arnor"]);
        assert_eq!(underscore_variants("a b").len(), 2);
    }

    #[test]
    fn actor_codes_by_date() {
        let p = petrarch::read_actors(
            "GOLLUM\n\t[HOB < 950601]\n\t[HOBGOV 19950601 - 19990815]\n\t[HOBREB > 990816]\nARNOR [ARN]\n",
        );
        let c = CompiledDict::new(&p.dict);
        let (n, ids) = c.actors.longest(&["gollum"], 0).unwrap();
        assert_eq!(n, 1);
        let d = |y, m, d| NaiveDate::from_ymd_opt(y, m, d);
        let code = |date| c.actor_code(*ids[0], date).map(|c| c.code.as_str());
        assert_eq!(code(d(1994, 1, 1)), Some("HOB"));
        assert_eq!(code(d(1997, 1, 1)), Some("HOBGOV"));
        assert_eq!(code(d(2001, 1, 1)), Some("HOBREB"));
        let (_, ids) = c.actors.longest(&["arnor"], 0).unwrap();
        assert_eq!(c.actor_code(*ids[0], None).unwrap().code, "ARN");
    }

    #[test]
    fn a_name_two_records_share_takes_the_code_dated_to_the_day() {
        // Two presidents Bush: the father's record comes first, with an undated fallback.
        let p = petrarch::read_actors(
            "GEORGE_BUSH_\n+PRESIDENT_BUSH\n\t[USAGOV 890120-930120]\n\t[USAELI]\n\
             GEORGE_W._BUSH_\n+PRESIDENT_BUSH_\n\t[USAGOV 010120-090120]\n\t[USAELI]\n",
        );
        let c = CompiledDict::new(&p.dict);
        let (_, ids) = c.actors.longest(&["president", "bush"], 0).unwrap();
        assert_eq!(ids.len(), 2);
        let code = |y| {
            let date = NaiveDate::from_ymd_opt(y, 6, 1);
            c.actor_code_of(&ids, date).map(|c| c.code.as_str())
        };
        assert_eq!(code(1990), Some("USAGOV"));
        assert_eq!(code(2008), Some("USAGOV"));
        assert_eq!(code(2015), Some("USAELI"));
    }

    #[test]
    fn a_former_office_holder_is_the_country_s_elite() {
        let text = "@actors\n\
                    GBR\tUnited Kingdom\tcountry\t-\n\
                    USA\tUnited States\tcountry\t-\n\
                    GBRGOV\tTheresa May\tperson\t2010-05-12..2019-07-24\n\
                    USAGOV\tDonald Trump\tperson\t2017-01-20..2021-01-20\n\
                    USAGOV\tDonald Trump\tperson\t2025-01-20..\n\
                    IGOUNO\tBan Ki-moon\tperson\t2007-01-01..2016-12-31\n";
        let c = CompiledDict::new(&crate::format::parse(text, "t.hd").unwrap());
        let code = |name: &[&str], y| {
            let (_, ids) = c.actors.longest(name, 0).unwrap();
            let date = NaiveDate::from_ymd_opt(y, 6, 1);
            c.actor_code_of(&ids, date).map(|c| c.code.clone())
        };
        let may = ["theresa", "may"];
        assert_eq!(code(&may, 2018).as_deref(), Some("GBRGOV"));
        assert_eq!(code(&may, 2022).as_deref(), Some("GBRELI"));
        // Before the first term: no code.
        assert_eq!(code(&may, 2005), None);
        // Between two terms, the elite; in the second, the office again.
        let trump = ["donald", "trump"];
        assert_eq!(code(&trump, 2023).as_deref(), Some("USAELI"));
        assert_eq!(code(&trump, 2026).as_deref(), Some("USAGOV"));
        // Only a country's office holders: no "IGOELI".
        assert_eq!(code(&["ban", "ki-moon"], 2020), None);
        // Without a date, the latest office, not the derived code.
        let (_, ids) = c.actors.longest(&may, 0).unwrap();
        assert_eq!(c.actor_code_of(&ids, None).unwrap().code, "GBRGOV");
    }

    #[test]
    fn verbs_index_forms_and_particles() {
        let p = petrarch::read_verbs(
            "&T\n+MILITARY\n--- CORDON [---] ---\n+CORDON_OFF [1721]\n--- ABANDON [345] ---\nABANDON\n- * &T TIES [902]\n",
        );
        let c = CompiledDict::new(&p.dict);
        let cordon = &c.patterns[c.verbs["cordoned"][0]];
        assert_eq!(cordon.post, [Item::Words(vec![vec!["off".to_string()]])]);
        assert_eq!(cordon.code, "1721");
        let ids = &c.verbs["abandoned"];
        assert_eq!(ids.len(), 2);
        let ties = ids
            .iter()
            .map(|&i| &c.patterns[i])
            .find(|p| p.code == "902")
            .unwrap();
        assert_eq!(ties.post.len(), 2);
        assert!(
            matches!(&ties.post[0], Item::Words(w) if w.contains(&vec!["militaries".to_string()]))
        );
        assert!(ties.specificity() > 0);
    }
}
