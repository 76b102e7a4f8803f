//! Sentences and tokens, with the syntax the tagger and parser add.

use crate::Span;
use serde::{Deserialize, Serialize};

/// Universal part-of-speech tags (UD v2).
#[derive(
    Clone, Copy, Debug, Default, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize,
)]
#[allow(missing_docs)]
pub enum Upos {
    Adj,
    Adp,
    Adv,
    Aux,
    Cconj,
    Det,
    Intj,
    Noun,
    Num,
    Part,
    Pron,
    Propn,
    Punct,
    Sconj,
    Sym,
    Verb,
    #[default]
    X,
}

impl Upos {
    /// All tags, in a fixed order (the order of a model's tag indices).
    pub const ALL: [Upos; 17] = [
        Upos::Adj,
        Upos::Adp,
        Upos::Adv,
        Upos::Aux,
        Upos::Cconj,
        Upos::Det,
        Upos::Intj,
        Upos::Noun,
        Upos::Num,
        Upos::Part,
        Upos::Pron,
        Upos::Propn,
        Upos::Punct,
        Upos::Sconj,
        Upos::Sym,
        Upos::Verb,
        Upos::X,
    ];

    /// The tag as CoNLL-U writes it (`NOUN`, `PROPN`…).
    pub fn as_str(self) -> &'static str {
        match self {
            Upos::Adj => "ADJ",
            Upos::Adp => "ADP",
            Upos::Adv => "ADV",
            Upos::Aux => "AUX",
            Upos::Cconj => "CCONJ",
            Upos::Det => "DET",
            Upos::Intj => "INTJ",
            Upos::Noun => "NOUN",
            Upos::Num => "NUM",
            Upos::Part => "PART",
            Upos::Pron => "PRON",
            Upos::Propn => "PROPN",
            Upos::Punct => "PUNCT",
            Upos::Sconj => "SCONJ",
            Upos::Sym => "SYM",
            Upos::Verb => "VERB",
            Upos::X => "X",
        }
    }

    /// Parses a CoNLL-U UPOS column; unknown tags are `None`.
    pub fn parse(s: &str) -> Option<Upos> {
        Upos::ALL.iter().copied().find(|u| u.as_str() == s)
    }
}

/// Named-entity classes the recogniser predicts.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum EntityKind {
    /// A person.
    Person,
    /// An organisation (government bodies, companies, armed groups…).
    Organization,
    /// A location or geo-political entity.
    Location,
}

/// One token of a sentence. The tokenizer fills `span`; the tagger `upos`, `xpos`, `lemma`;
/// the parser `head` and `deprel`; the recogniser `entity`.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Token {
    /// Bytes of the token in the document text.
    pub span: Span,
    /// Universal POS tag.
    pub upos: Upos,
    /// Penn Treebank tag (`NNP`, `VBD`…), empty until tagged.
    pub xpos: String,
    /// Lemma, lower-cased for common words; empty until lemmatised.
    pub lemma: String,
    /// Head token, 1-based within the sentence; 0 is the root. Meaningless until parsed.
    pub head: usize,
    /// UD relation to the head (`nsubj`, `obj`, `obl`…), empty until parsed.
    pub deprel: String,
    /// Entity tag: `Some((kind, begins))` where `begins` marks the first token of an entity.
    pub entity: Option<(EntityKind, bool)>,
}

/// A sentence: its span and its tokens in order.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Sentence {
    /// Bytes of the sentence in the document text.
    pub span: Span,
    /// Tokens, in text order.
    pub tokens: Vec<Token>,
}

impl Sentence {
    /// The token's text.
    pub fn word<'t>(&self, text: &'t str, i: usize) -> &'t str {
        self.tokens[i].span.slice(text)
    }

    /// 0-based indices of the dependents of 0-based token `i`.
    pub fn children(&self, i: usize) -> impl Iterator<Item = usize> + '_ {
        self.tokens
            .iter()
            .enumerate()
            .filter(move |(_, t)| t.head == i + 1)
            .map(|(j, _)| j)
    }

    /// 0-based index of the head of token `i`, `None` for the root.
    pub fn head_of(&self, i: usize) -> Option<usize> {
        self.tokens[i].head.checked_sub(1)
    }
}
