//! The cue lexicon: verbs and phrases that attribute words to a speaker.
//!
//! Strong cues (`say`, `tell`, `warn`…) attribute whatever follows them; weak cues (`think`,
//! `show`, `want`…) attribute only a clause (after `that`, or starting like one). Inflected
//! forms are generated from the lemma with a small table of irregulars.

use std::collections::HashMap;
use std::sync::LazyLock;

/// How a cue word behaves.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum CueKind {
    /// A verb of saying: attributes what follows, or a quote before it.
    Strong,
    /// A verb of thinking, wanting or showing: attributes a following clause only.
    Weak,
    /// "tell": the hearer comes first ("told reporters that …").
    Tell,
}

/// Verbs of saying. An entry is `lemma` or `lemma past participle`, for irregulars.
const STRONG: &[&str] = &[
    "say said said",
    "tell told told",
    "add",
    "state",
    "claim",
    "argue",
    "insist",
    "explain",
    "note",
    "warn",
    "announce",
    "declare",
    "report",
    "write wrote written",
    "tweet",
    "post",
    "respond",
    "reply replied replied",
    "answer",
    "ask",
    "acknowledge",
    "admit admitted admitted",
    "confirm",
    "deny denied denied",
    "suggest",
    "predict",
    "promise",
    "pledge",
    "vow",
    "urge",
    "call",
    "describe",
    "accuse",
    "criticise",
    "criticize",
    "praise",
    "complain",
    "lament",
    "recall",
    "reveal",
    "stress",
    "emphasise",
    "emphasize",
    "conclude",
    "continue",
    "maintain",
    "contend",
    "assert",
    "allege",
    "concede",
    "mention",
    "observe",
    "remark",
    "comment",
    "estimate",
    "indicate",
    "threaten",
    "demand",
    "propose",
    "recommend",
    "dismiss",
    "joke",
    "quip quipped quipped",
    "boast",
    "testify testified testified",
    "caution",
    "counter",
    "retort",
    "shout",
    "chant",
    "cite",
    "speak spoke spoken",
    "agree",
    "charge",
    "point",
    "reiterate",
    "affirm",
    "proclaim",
    "brag bragged bragged",
    "muse",
    "wonder",
    "question",
    "blame",
    "attack",
    "slam slammed slammed",
    "defend",
    "vowed",
    "express",
    "announce",
    "inform",
    "assure",
    "remind",
    "advise",
    // Verbs of judging aloud: "Japan branded North Korea an “outlaw nation”".
    "blast",
    "denounce",
    "condemn",
    "decry decried decried",
    "brand",
    "dub dubbed dubbed",
    "hail",
    "laud",
    "exhort",
    "scold",
    "lambast",
    "chide",
    "rebuke",
    "tout",
];

/// Verbs of thinking, wanting, showing: attribute a clause only.
const WEAK: &[&str] = &[
    "think thought thought",
    "believe",
    "hope",
    "fear",
    "know knew known",
    "feel felt felt",
    "expect",
    "show showed shown",
    "find found found",
    "want",
    "worry worried worried",
    "doubt",
    "understand understood understood",
    "agree",
    "support",
    "oppose",
    "endorse",
    "plan planned planned",
    "seem",
    "appear",
    "learn",
    "decide",
    "recognize",
    "recognise",
    "consider",
    "suspect",
    "assume",
    "insist",
];

/// Cue verbs whose bare and -s forms are nouns as often as verbs.
const NOUNISH: &[&str] = &[
    "state", "post", "report", "note", "call", "comment", "counter", "question", "charge", "point",
    "attack", "plan", "stress", "remark", "estimate", "chant", "shout", "answer", "demand",
    "promise", "pledge", "vow", "claim", "praise", "support", "doubt", "fear", "hope", "show",
    "find", "tweet", "blame", "reply", "joke", "quip", "boast", "speak", "continue", "express",
    "defend", "mention", "caution", "cite", "report", "concern", "request", "blast", "brand",
    "hail", "rebuke", "tout",
];

fn forms(entry: &str) -> Vec<String> {
    let mut parts = entry.split_whitespace();
    let lemma = parts.next().unwrap_or_default().to_string();
    let past: Vec<String> = parts.map(str::to_string).collect();
    let stem = lemma.strip_suffix('e').unwrap_or(&lemma).to_string();
    let third = if lemma.ends_with(['s', 'x', 'h']) {
        format!("{lemma}es")
    } else if let Some(s) = lemma.strip_suffix('y').filter(|_| !lemma.ends_with("ay")) {
        format!("{s}ies")
    } else {
        format!("{lemma}s")
    };
    let ing = if lemma.ends_with("ie") {
        format!("{}ying", &lemma[..lemma.len() - 2])
    } else if lemma.ends_with("ee") {
        format!("{lemma}ing")
    } else {
        format!("{stem}ing")
    };
    let mut out = vec![lemma.clone(), third, ing];
    if past.is_empty() {
        if lemma.ends_with('e') {
            out.push(format!("{lemma}d"));
        } else if let Some(s) = lemma.strip_suffix('y').filter(|_| !lemma.ends_with("ay")) {
            out.push(format!("{s}ied"));
        } else {
            out.push(format!("{lemma}ed"));
        }
    } else {
        out.extend(past);
    }
    // Doubled final consonant for the irregular-listed verbs: "admitting", "planning".
    if entry.split_whitespace().nth(1).is_some_and(|p| {
        p.ends_with("ted")
            || p.ends_with("ned")
            || p.ends_with("med")
            || p.ends_with("ped")
            || p.ends_with("ged")
    }) {
        let last = lemma.chars().last().unwrap_or_default();
        out.push(format!("{lemma}{last}ing"));
    }
    out
}

static LEXICON: LazyLock<HashMap<String, CueKind>> = LazyLock::new(|| {
    let mut m = HashMap::new();
    for e in WEAK {
        for f in forms(e) {
            m.insert(f, CueKind::Weak);
        }
    }
    for e in STRONG {
        for f in forms(e) {
            m.insert(f, CueKind::Strong);
        }
    }
    for f in forms("tell told told") {
        m.insert(f, CueKind::Tell);
    }
    // Verbs that are nouns as often: the bare form is dropped, the -s form is a weak cue
    // ("Gowdy's office calls the whole thing …" but "the calls", "his remarks").
    for w in NOUNISH {
        m.remove(*w);
        m.remove(&format!("{w}s"));
        m.remove(&format!("{w}es"));
        if !matches!(
            *w,
            "remark" | "comment" | "promise" | "pledge" | "vow" | "tweet"
        ) {
            let third = if w.ends_with(['s', 'h']) {
                format!("{w}es")
            } else {
                format!("{w}s")
            };
            m.insert(third, CueKind::Weak);
        }
    }
    m
});

/// The cue kind of a lower-cased word, if it is a cue.
pub(crate) fn cue_kind(lower: &str) -> Option<CueKind> {
    LEXICON.get(lower).copied()
}

/// Auxiliaries and adverbs that may stand between a speaker and the cue ("has also said").
pub(crate) fn is_aux_or_adverb(lower: &str) -> bool {
    matches!(
        lower,
        "has"
            | "have"
            | "had"
            | "will"
            | "would"
            | "could"
            | "can"
            | "may"
            | "might"
            | "should"
            | "must"
            | "is"
            | "was"
            | "were"
            | "are"
            | "be"
            | "been"
            | "did"
            | "does"
            | "do"
            | "also"
            | "then"
            | "later"
            | "previously"
            | "repeatedly"
            | "once"
            | "recently"
            | "again"
            | "further"
            | "publicly"
            | "reportedly"
            | "privately"
            | "earlier"
            | "often"
            | "frequently"
            | "already"
            | "still"
            | "just"
            | "even"
            | "never"
            | "always"
            | "subsequently"
            | "separately"
            | "simply"
            | "now"
            | "first"
            | "not"
            | "n't"
            | "openly"
            | "loudly"
            | "angrily"
            | "flatly"
            | "bluntly"
            | "firmly"
            | "clearly"
            | "explicitly"
            | "famously"
            | "herself"
            | "himself"
            | "themselves"
            | "itself"
            | "finally"
            | "only"
            | "however"
            | "cannot"
            | "can't"
            | "won't"
            | "wouldn't"
            | "didn't"
            | "doesn't"
            | "don't"
            | "hasn't"
            | "haven't"
            | "isn't"
            | "wasn't"
            | "shall"
            | "being"
    )
}

/// Particles that complete a phrasal cue ("point out", "called for", "called on").
pub(crate) fn is_cue_particle(cue: &str, next: &str) -> bool {
    matches!(
        (cue, next),
        ("point" | "points" | "pointed" | "pointing", "out")
            | ("call" | "calls" | "called" | "calling", "for" | "on")
            | (
                "speak" | "speaks" | "spoke" | "spoken" | "speaking",
                "of" | "about" | "out"
            )
            | ("warn" | "warns" | "warned" | "warning", "of" | "against")
            | (
                "complain" | "complains" | "complained" | "complaining",
                "about" | "of"
            )
            | ("agree" | "agrees" | "agreed" | "agreeing", "with")
            | ("refer" | "refers" | "referred" | "referring", "to")
            | ("ask" | "asks" | "asked" | "asking", "for" | "about")
            | ("accuse" | "accuses" | "accused" | "accusing", "of")
            | ("respond" | "responds" | "responded" | "responding", "to")
            | ("comment" | "comments" | "commented" | "commenting", "on")
            | ("insist" | "insists" | "insisted" | "insisting", "on")
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn inflections() {
        let cases: &[(&str, Option<CueKind>)] = &[
            ("said", Some(CueKind::Strong)),
            ("says", Some(CueKind::Strong)),
            ("saying", Some(CueKind::Strong)),
            ("told", Some(CueKind::Tell)),
            ("telling", Some(CueKind::Tell)),
            ("explained", Some(CueKind::Strong)),
            ("denies", Some(CueKind::Strong)),
            ("replied", Some(CueKind::Strong)),
            ("argues", Some(CueKind::Strong)),
            ("thinks", Some(CueKind::Weak)),
            ("believed", Some(CueKind::Weak)),
            ("wrote", Some(CueKind::Strong)),
            ("admitting", Some(CueKind::Strong)),
            ("report", None),
            ("reports", Some(CueKind::Weak)),
            ("remarks", None),
            ("calls", Some(CueKind::Weak)),
            ("table", None),
            ("denounced", Some(CueKind::Strong)),
            ("dubbed", Some(CueKind::Strong)),
            ("hails", Some(CueKind::Weak)),
            ("hail", None),
            ("blasts", Some(CueKind::Weak)),
            ("the", None),
        ];
        for (w, k) in cases {
            assert_eq!(cue_kind(w), *k, "{w}");
        }
    }

    #[test]
    fn particles() {
        assert!(is_cue_particle("pointed", "out"));
        assert!(is_cue_particle("called", "for"));
        assert!(is_cue_particle("spoken", "of"));
        assert!(!is_cue_particle("said", "out"));
    }
}
