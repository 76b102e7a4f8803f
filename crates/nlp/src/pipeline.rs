//! The embedded models and the annotator that runs them over sentences.

use crate::features::AtomBuf;
use crate::lemma::Lemmatizer;
use crate::ner::{Ner, NerScratch, entity_of};
use crate::parser::{ParseScratch, Parser, tag_value};
use crate::tagger::{TagScratch, Tagger};
use herald_core::{Error, Result, Sentence, Upos};
use std::path::Path;
use std::sync::LazyLock;
use std::time::{Duration, Instant};

/// File names of the models, in `crates/nlp/models/` or a directory given to [`Models::load`].
pub const TAGGER_FILE: &str = "tagger.bin";
/// See [`TAGGER_FILE`].
pub const LEMMA_FILE: &str = "lemma.bin";
/// See [`TAGGER_FILE`].
pub const PARSER_FILE: &str = "parser.bin";
/// See [`TAGGER_FILE`].
pub const NER_FILE: &str = "ner.bin";

static TAGGER_BYTES: &[u8] = include_bytes!("../models/tagger.bin");
static LEMMA_BYTES: &[u8] = include_bytes!("../models/lemma.bin");
static PARSER_BYTES: &[u8] = include_bytes!("../models/parser.bin");
static NER_BYTES: &[u8] = include_bytes!("../models/ner.bin");

/// The trained models the pipeline runs.
pub struct Models {
    /// Part-of-speech tagger.
    pub tagger: Tagger,
    /// Lemmatizer.
    pub lemmatizer: Lemmatizer,
    /// Dependency parser.
    pub parser: Option<Parser>,
    /// Entity recogniser.
    pub ner: Option<Ner>,
    /// Parser tag value per tagger class.
    tag_values: Vec<u64>,
}

static EMBEDDED: LazyLock<Models> = LazyLock::new(|| {
    // Corrupt embedded models are a build bug (regenerate with `herald train`).
    Models::new(
        Tagger::from_bytes(TAGGER_BYTES, "embedded tagger.bin").expect("embedded tagger"),
        Lemmatizer::from_bytes(LEMMA_BYTES, "embedded lemma.bin").expect("embedded lemmatizer"),
        Some(Parser::from_bytes(PARSER_BYTES, "embedded parser.bin").expect("embedded parser")),
        Some(Ner::from_bytes(NER_BYTES, "embedded ner.bin").expect("embedded recogniser")),
    )
});

impl Models {
    /// Bundles trained models.
    pub fn new(
        tagger: Tagger,
        lemmatizer: Lemmatizer,
        parser: Option<Parser>,
        ner: Option<Ner>,
    ) -> Models {
        let tag_values = (0..tagger.n_classes())
            .map(|c| tag_value(tagger.upos(c).as_str(), tagger.xpos(c)))
            .collect();
        Models {
            tagger,
            lemmatizer,
            parser,
            ner,
            tag_values,
        }
    }

    /// The models compiled into the library (decoded once, on first use).
    pub fn embedded() -> &'static Models {
        &EMBEDDED
    }

    /// Loads models from files in `dir` (as written by `herald train`); the parser is
    /// optional.
    pub fn load(dir: &Path) -> Result<Models> {
        let read = |name: &str| {
            let p = dir.join(name);
            std::fs::read(&p).map_err(|e| Error::io(p.display(), e))
        };
        let name = |f: &str| dir.join(f).display().to_string();
        let tagger = Tagger::from_bytes(&read(TAGGER_FILE)?, &name(TAGGER_FILE))?;
        let lemmatizer = Lemmatizer::from_bytes(&read(LEMMA_FILE)?, &name(LEMMA_FILE))?;
        let parser = if dir.join(PARSER_FILE).is_file() {
            Some(Parser::from_bytes(&read(PARSER_FILE)?, &name(PARSER_FILE))?)
        } else {
            None
        };
        let ner = if dir.join(NER_FILE).is_file() {
            Some(Ner::from_bytes(&read(NER_FILE)?, &name(NER_FILE))?)
        } else {
            None
        };
        Ok(Models::new(tagger, lemmatizer, parser, ner))
    }
}

/// The words of a headline written in title case, with every capitalised word after the
/// first in lower case; `None` for other sentences. A headline here has at least two
/// capitalised words after the first, capitals on at least half of its words after the first,
/// and no lower-case word of four letters or more ("Russia Sends Troops to Kazakhstan"; not
/// "Kazakh President Tokayev asked Russia for help"). Acronyms ("EU", "U.S.") stay as they are.
fn headline_lowered(words: &[&str]) -> Option<Vec<String>> {
    let alpha = |w: &&&str| w.chars().next().is_some_and(char::is_alphabetic);
    let rest = words.get(1..)?;
    let (mut caps, mut n) = (0, 0);
    for w in rest.iter().filter(alpha) {
        n += 1;
        if title(w) {
            caps += 1;
        } else if w.chars().next().is_some_and(char::is_lowercase) && w.chars().count() >= 4 {
            return None;
        }
    }
    if caps < 2 || 2 * caps < n {
        return None;
    }
    let mut out: Vec<String> = words.iter().map(|w| w.to_string()).collect();
    for w in &mut out[1..] {
        if title(w) && w.chars().all(char::is_alphabetic) {
            *w = w.to_lowercase();
        }
    }
    Some(out)
}

/// `w` is written in title case: a capital, then lower case somewhere ("Lifts", not "EU").
fn title(w: &str) -> bool {
    let mut cs = w.chars();
    cs.next().is_some_and(char::is_uppercase) && cs.any(char::is_lowercase)
}

/// Runs the models over sentences, reusing its buffers between calls.
pub struct Annotator<'m> {
    models: &'m Models,
    tag_scratch: TagScratch,
    parse_scratch: ParseScratch,
    atom_buf: AtomBuf,
    tags: Vec<usize>,
    /// Tags of a headline read in lower case.
    low_tags: Vec<usize>,
    wvals: Vec<u64>,
    tvals: Vec<u64>,
    heads: Vec<usize>,
    labels: Vec<u8>,
    ner_scratch: NerScratch,
    entities: Vec<usize>,
}

impl<'m> Annotator<'m> {
    /// An annotator over `models`.
    pub fn new(models: &'m Models) -> Annotator<'m> {
        Annotator {
            models,
            tag_scratch: TagScratch::default(),
            parse_scratch: ParseScratch::default(),
            atom_buf: AtomBuf::default(),
            tags: Vec::new(),
            low_tags: Vec::new(),
            wvals: Vec::new(),
            tvals: Vec::new(),
            heads: Vec::new(),
            labels: Vec::new(),
            ner_scratch: NerScratch::default(),
            entities: Vec::new(),
        }
    }

    /// The models in use.
    pub fn models(&self) -> &'m Models {
        self.models
    }

    /// Tags `words`; returns one tagger class per word.
    ///
    /// A headline in title case ("U.S. Lifts Travel Ban to Lebanon") is tagged a second time
    /// with its capitalised words in lower case, and a word read as a name in the first
    /// reading takes the second reading where that is a verb ("Lifts", "Storm"). Names stay
    /// names ("Theresa May Says …": "may" would be a modal).
    pub fn tag(&mut self, words: &[&str]) -> &[usize] {
        let t = &self.models.tagger;
        let lowered = headline_lowered(words);
        if let Some(lw) = &lowered {
            let refs: Vec<&str> = lw.iter().map(String::as_str).collect();
            t.tag(&refs, &mut self.tag_scratch, &mut self.low_tags);
        }
        // Last, so that the scratch holds the words as written for the entity recogniser.
        t.tag(words, &mut self.tag_scratch, &mut self.tags);
        if let Some(lw) = &lowered {
            for i in 1..words.len() {
                let (c, low) = (self.tags[i], self.low_tags[i]);
                // (A word the tagger never saw is a verb by its ending only, and not right
                // after another unseen word in title case, which makes it part of a name:
                // "Becky Stephens", but "EU Condemns"; read in lower case, "Kazakhstan" after
                // "to" looks like a verb too.)
                let after_name = title(words[i - 1]) && !t.knows(words[i - 1]);
                let ending = matches!(t.xpos(low), "VBZ" | "VBD" | "VBG" | "VBN") && !after_name;
                if lw[i] != words[i]
                    && t.upos(c) == Upos::Propn
                    && t.upos(low) == Upos::Verb
                    && (t.knows(words[i]) || ending)
                {
                    self.tags[i] = low;
                }
            }
        }
        &self.tags
    }

    /// Parses `words` tagged with tagger classes `tags`: heads (0 = root, else 1-based) and
    /// label indices into the parser's label list. `None` without a parser.
    pub fn parse_indices(&mut self, words: &[&str], tags: &[usize]) -> Option<(&[usize], &[u8])> {
        let parser = self.models.parser.as_ref()?;
        self.wvals.clear();
        for w in words {
            let h = self.atom_buf.norm(w);
            self.wvals.push(h);
        }
        self.tvals.clear();
        self.tvals
            .extend(tags.iter().map(|&c| self.models.tag_values[c]));
        parser.parse(
            &self.wvals,
            &self.tvals,
            &mut self.parse_scratch,
            &mut self.heads,
            &mut self.labels,
        );
        Some((&self.heads, &self.labels))
    }

    /// Like [`Annotator::parse_indices`] with relation names.
    pub fn parse_tagged(
        &mut self,
        words: &[&str],
        tags: &[usize],
    ) -> Option<(Vec<usize>, Vec<String>)> {
        let models = self.models;
        let (heads, labels) = self.parse_indices(words, tags)?;
        let names = models.parser.as_ref()?.labels();
        Some((
            heads.to_vec(),
            labels.iter().map(|&l| names[l as usize].clone()).collect(),
        ))
    }

    /// Fills the syntax fields of every token of `sentences`, whose spans index `text`.
    pub fn annotate(&mut self, text: &str, sentences: &mut [Sentence]) {
        self.annotate_inner(text, sentences, None);
    }

    /// [`Annotator::annotate`], adding the time spent in each model to `times` (for
    /// `herald bench`; the annotations are the same).
    pub fn annotate_timed(&mut self, text: &str, sentences: &mut [Sentence], times: &mut NlpTimes) {
        self.annotate_inner(text, sentences, Some(times));
    }

    fn annotate_inner(
        &mut self,
        text: &str,
        sentences: &mut [Sentence],
        mut times: Option<&mut NlpTimes>,
    ) {
        let mut words: Vec<&str> = Vec::new();
        let models = self.models;
        let mut clock = times.as_ref().map(|_| Instant::now());
        // Adds the time since the last lap to one field of `times` (nothing when untimed).
        let mut lap = |times: &mut Option<&mut NlpTimes>,
                       field: fn(&mut NlpTimes) -> &mut Duration| {
            if let (Some(t), Some(c)) = (times.as_deref_mut(), clock.as_mut()) {
                let now = Instant::now();
                *field(t) += now - *c;
                *c = now;
            }
        };
        for s in sentences {
            words.clear();
            words.extend(s.tokens.iter().map(|t| t.span.get(text).unwrap_or("")));
            self.tag(&words);
            let tags = std::mem::take(&mut self.tags);
            lap(&mut times, |t| &mut t.tag);
            let t = &models.tagger;
            for (i, tok) in s.tokens.iter_mut().enumerate() {
                tok.upos = t.upos(tags[i]);
                tok.xpos = t.xpos(tags[i]).to_string();
                models
                    .lemmatizer
                    .lemma_into(words[i], t.xpos(tags[i]), &mut tok.lemma);
            }
            lap(&mut times, |t| &mut t.lemma);
            if let Some((heads, labels)) = self.parse_indices(&words, &tags) {
                let names = models.parser.as_ref().map(|p| p.labels()).unwrap_or(&[]);
                for (i, tok) in s.tokens.iter_mut().enumerate() {
                    tok.head = heads[i];
                    tok.deprel = names[labels[i] as usize].clone();
                }
            }
            lap(&mut times, |t| &mut t.parse);
            if let Some(ner) = &models.ner {
                self.tvals.clear();
                self.tvals
                    .extend(tags.iter().map(|&c| models.tag_values[c]));
                ner.tag(
                    self.tag_scratch.atoms(),
                    &self.tvals,
                    &mut self.ner_scratch,
                    &mut self.entities,
                );
                for (tok, &c) in s.tokens.iter_mut().zip(&self.entities) {
                    tok.entity = entity_of(c);
                }
            }
            lap(&mut times, |t| &mut t.ner);
            self.tags = tags;
        }
    }
}

/// Time spent in each step of [`crate::analyze_timed`], summed over calls.
#[derive(Clone, Copy, Debug, Default, PartialEq)]
pub struct NlpTimes {
    /// Sentence splitting and tokenisation.
    pub segment: Duration,
    /// Part-of-speech tagging.
    pub tag: Duration,
    /// Lemmatisation.
    pub lemma: Duration,
    /// Dependency parsing.
    pub parse: Duration,
    /// Entity recognition.
    pub ner: Duration,
    /// Sentences analysed.
    pub sentences: u64,
    /// Tokens analysed.
    pub tokens: u64,
}

impl NlpTimes {
    /// Adds `other` to `self`.
    pub fn add(&mut self, other: &NlpTimes) {
        self.segment += other.segment;
        self.tag += other.tag;
        self.lemma += other.lemma;
        self.parse += other.parse;
        self.ner += other.ner;
        self.sentences += other.sentences;
        self.tokens += other.tokens;
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_title_case_headline_keeps_its_verbs_and_its_names() {
        let h = "U.S. Lifts Travel Ban to Lebanon";
        assert_eq!(upos_of(h, "Lifts"), Upos::Verb);
        assert_eq!(upos_of(h, "Lebanon"), Upos::Propn);
        // An unseen name after "to" is no verb; a name that is a modal stays a name.
        assert_eq!(
            upos_of("Russia Sends Troops to Kazakhstan", "Kazakhstan"),
            Upos::Propn
        );
        assert_eq!(
            upos_of("EU Condemns Israeli Strikes on Gaza", "Condemns"),
            Upos::Verb
        );
        assert_eq!(
            upos_of("Theresa May Says Britain Will Leave EU", "May"),
            Upos::Propn
        );
        assert_eq!(
            headline_lowered(&["Tokayev", "asked", "Russia", "for", "Help"]),
            None
        );
        assert_eq!(
            headline_lowered(&["EU", "Condemns", "Strikes", "on", "Gaza"]),
            Some(
                vec!["EU", "condemns", "strikes", "on", "gaza"]
                    .into_iter()
                    .map(String::from)
                    .collect()
            )
        );
    }

    #[test]
    fn embedded_models_annotate_a_news_sentence() {
        let text = "Police arrested 20 protesters in Almaty on Friday.";
        let s = crate::analyze(text);
        assert_eq!(s.len(), 1);
        let toks = &s[0].tokens;
        let find = |w: &str| {
            toks.iter()
                .find(|t| t.span.slice(text) == w)
                .unwrap_or_else(|| panic!("no token {w}"))
        };
        assert_eq!(find("arrested").upos, Upos::Verb);
        assert_eq!(find("arrested").xpos, "VBD");
        assert_eq!(find("arrested").lemma, "arrest");
        assert_eq!(find("protesters").lemma, "protester");
        assert_eq!(find("20").upos, Upos::Num);
        assert_eq!(find("Almaty").upos, Upos::Propn);
        assert_eq!(find("in").upos, Upos::Adp);
        let idx = |w: &str| toks.iter().position(|t| t.span.slice(text) == w).unwrap();
        let verb = idx("arrested");
        assert_eq!(toks[verb].head, 0, "root");
        assert_eq!(toks[verb].deprel, "root");
        assert_eq!(toks[idx("Police")].head, verb + 1);
        assert_eq!(toks[idx("Police")].deprel, "nsubj");
        assert_eq!(toks[idx("protesters")].head, verb + 1);
        assert_eq!(toks[idx("protesters")].deprel, "obj");
        assert_eq!(
            toks[idx("Almaty")].entity,
            Some((herald_core::EntityKind::Location, true))
        );
        assert_eq!(s[0].tokens.iter().filter(|t| t.head == 0).count(), 1);
    }

    #[test]
    fn passive_agent_and_subject() {
        let text = "The building was stormed by hundreds of protesters.";
        let s = crate::analyze(text);
        let toks = &s[0].tokens;
        let idx = |w: &str| toks.iter().position(|t| t.span.slice(text) == w).unwrap();
        assert_eq!(toks[idx("building")].deprel, "nsubj:pass");
        assert_eq!(toks[idx("building")].head, idx("stormed") + 1);
        assert!(toks[idx("hundreds")].deprel.starts_with("obl"));
    }

    #[test]
    fn a_verbless_statement_gets_its_verb() {
        // The two passes read "set" as an adjective or a noun here; a statement needs a verb.
        let text = "Jewish settlers in the West Bank city of Hebron set fire to the offices of the \
                    Palestinian administrators overnight.";
        let s = crate::analyze(text);
        let toks = &s[0].tokens;
        let set = toks.iter().find(|t| t.span.slice(text) == "set").unwrap();
        assert_eq!(set.upos, herald_core::Upos::Verb);
        assert_eq!(set.deprel, "root");
        // A fragment with no word near a verb reading stays one.
        let text = "Oper shr 17 cts vs 25 cts.";
        let s = crate::analyze(text);
        assert!(
            s[0].tokens
                .iter()
                .all(|t| t.upos != herald_core::Upos::Verb),
            "{:?}",
            s[0].tokens.iter().map(|t| t.upos).collect::<Vec<_>>()
        );
    }

    #[test]
    fn a_statement_before_its_attribution_gets_its_verb() {
        // "…, officials said": the verb of the attribution is not the statement's.
        let text = "Protesters in Almaty set fire to the mayor's office, officials said.";
        assert_eq!(upos_of(text, "set"), herald_core::Upos::Verb);
        // An infinitive is no finite verb.
        let text = "China and Russia call on US to lift sanctions against Iran.";
        assert_eq!(upos_of(text, "call"), herald_core::Upos::Verb);
        // A statement that has its finite verb keeps its tags.
        let text = "Output rose 5 pct in March, up from 3 pct in February, officials said.";
        assert_eq!(upos_of(text, "up"), herald_core::Upos::Adv);
    }

    #[test]
    fn only_particles_are_particles() {
        // After a name, the passes read "set" as a possessive ending.
        let text = "Protesters in Almaty set fire to the building.";
        assert_ne!(upos_of(text, "set"), herald_core::Upos::Part);
        assert_eq!(
            upos_of("The mayor's office burned.", "'s"),
            herald_core::Upos::Part
        );
        assert_eq!(upos_of("They did not go.", "not"), herald_core::Upos::Part);
    }

    /// The tag of `word` in `text`, read as one sentence.
    fn upos_of(text: &str, word: &str) -> herald_core::Upos {
        let s = crate::analyze(text);
        s[0].tokens
            .iter()
            .find(|t| t.span.slice(text) == word)
            .unwrap()
            .upos
    }

    #[test]
    fn a_word_after_a_modal_may_be_a_verb() {
        // "free" is an adjective in every training sentence.
        assert_eq!(
            upos_of(
                "Israel announced it would free 150 Palestinian prisoners.",
                "free"
            ),
            herald_core::Upos::Verb
        );
        assert_eq!(
            upos_of("The prisoners were set free on Monday.", "free"),
            herald_core::Upos::Adj
        );
    }

    #[test]
    fn annotator_handles_empty_and_odd_tokens() {
        let models = Models::embedded();
        let mut a = Annotator::new(models);
        assert!(a.tag(&[]).is_empty());
        let tags = a.tag(&["", "\u{1F600}", "--", "x"]).to_vec();
        assert_eq!(tags.len(), 4);
    }

    #[test]
    fn ewt_dev_scores_clear_the_floor() {
        let Some(ud) = crate::data::find_ud_dir() else {
            eprintln!("skipping: shared/data/ud not found");
            return;
        };
        let gold = crate::conllu::read(&ud.join("en_ewt-ud-dev.conllu")).unwrap();
        let mut a = Annotator::new(Models::embedded());
        let sc = crate::eval_ud::evaluate(&mut a, &gold);
        assert!(sc.pct(sc.upos) > 94.5, "UPOS {:.2}", sc.pct(sc.upos));
        assert!(sc.pct(sc.xpos) > 94.0, "XPOS {:.2}", sc.pct(sc.xpos));
        assert!(sc.pct(sc.lemma) > 95.5, "lemma {:.2}", sc.pct(sc.lemma));
        assert!(sc.pct(sc.uas) > 84.0, "UAS {:.2}", sc.pct(sc.uas));
        assert!(sc.pct(sc.las) > 81.0, "LAS {:.2}", sc.pct(sc.las));
    }
}
