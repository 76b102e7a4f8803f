//! Dictionary entries as every reader produces them: herald's own format, PETRARCH's and
//! TABARI's all parse into these plain structs, and the matcher compiles from them.

use chrono::NaiveDate;

/// An actor: names that code to `code` between `from` and `until` (inclusive; open when `None`).
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct ActorEntry {
    /// CAMEO actor code: `KAZ`, `KAZGOV`, `IGOCSTO`…
    pub code: String,
    /// Names as written in text ("Kassym-Jomart Tokayev", "Tokayev"); matched case-insensitively
    /// on token boundaries.
    pub names: Vec<String>,
    /// country, person, organization, region, capital, group…
    pub kind: String,
    /// First day the code applies.
    pub from: Option<NaiveDate>,
    /// Last day the code applies.
    pub until: Option<NaiveDate>,
    /// Free text (office held, ISO code, capital…).
    pub note: String,
    /// Line in the source file, for messages.
    pub line: usize,
}

/// An agent: generic words ("police", "protesters") whose code composes with a country
/// ("Kazakh police" → `KAZCOP`).
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct AgentEntry {
    /// CAMEO agent code without country: `COP`, `GOV`, `MIL`, `OPP`…
    pub code: String,
    /// Words and phrases, singular and plural.
    pub names: Vec<String>,
    /// Line in the source file.
    pub line: usize,
}

/// One element of a verb pattern.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum PatternItem {
    /// A word (lemma, lower case); several alternatives allowed.
    Word(Vec<String>),
    /// The verb itself: items before it precede the verb in the text. When a pattern has no
    /// `Verb`, its first `Word` is the verb.
    Verb,
    /// The target slot: the noun phrase found here is the event's target.
    Target,
    /// A source slot other than the subject (e.g. after "by").
    Source,
    /// A named word class (PETRARCH `&SYNSET`), resolved against the dictionary's synsets.
    Synset(String),
    /// A compound actor (PETRARCH `%`): before the verb, a subject of two or more actors
    /// coded with each other ("Gondor and Osgiliath postponed their meeting"); after it, a
    /// target of two or more.
    Compound,
    /// Any one noun phrase, skipped (PETRARCH `^`): "* iftar in ^ +" passes over the place.
    Skip,
    /// The items on either side follow each other with no word between (PETRARCH's `_`
    /// inside a pattern: "NEW_&TIETYPES_RELATIONS").
    Adjacent,
}

/// A verb pattern coding to a CAMEO event code.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct VerbEntry {
    /// CAMEO event code (`173`, `0874`…). Empty for a pattern that codes nothing (a
    /// PETRARCH `---` null code), which still blocks less specific patterns.
    pub code: String,
    /// The pattern.
    pub pattern: Vec<PatternItem>,
    /// Free text.
    pub note: String,
    /// Line in the source file.
    pub line: usize,
}

/// An event noun: "protests", "the detention of …", "launched an attack" code as events.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct NounEntry {
    /// CAMEO event code.
    pub code: String,
    /// The noun's forms as written in text (singular and plural).
    pub nouns: Vec<String>,
    /// Agent code of the doer when the text names none (`OPP` for protests), or empty.
    pub doer: String,
    /// Free text.
    pub note: String,
    /// Line in the source file.
    pub line: usize,
}

/// A phrase that voids a sentence or a story (PETRARCH discards), or tags an issue.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct PhraseEntry {
    /// Code: the issue code, or for discards `+` (story) / empty (sentence).
    pub code: String,
    /// The phrase.
    pub phrase: String,
    /// Line in the source file.
    pub line: usize,
}

/// A transformation: what an event becomes when its verb governs another event's.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct TransformEntry {
    /// The rule.
    pub rule: crate::transform::Rule,
    /// Free text.
    pub note: String,
    /// Line in the source file.
    pub line: usize,
}

/// Everything one or more dictionary files define.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Dictionary {
    /// Actors.
    pub actors: Vec<ActorEntry>,
    /// Agents.
    pub agents: Vec<AgentEntry>,
    /// Verb patterns.
    pub verbs: Vec<VerbEntry>,
    /// Event nouns.
    pub nouns: Vec<NounEntry>,
    /// Named word classes: name (without `&`) → words.
    pub synsets: Vec<(String, Vec<String>)>,
    /// Discard phrases.
    pub discards: Vec<PhraseEntry>,
    /// Issue phrases.
    pub issues: Vec<PhraseEntry>,
    /// Transformations, in the order written (the first that applies wins).
    pub transforms: Vec<TransformEntry>,
}

impl Dictionary {
    /// Appends everything `other` defines.
    pub fn extend(&mut self, other: Dictionary) {
        self.actors.extend(other.actors);
        self.agents.extend(other.agents);
        self.verbs.extend(other.verbs);
        self.nouns.extend(other.nouns);
        self.synsets.extend(other.synsets);
        self.discards.extend(other.discards);
        self.issues.extend(other.issues);
        self.transforms.extend(other.transforms);
    }
}
