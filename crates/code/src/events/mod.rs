//! Events: verbs matched against the verb patterns, source and target from the actor units.
//!
//! For every verb the dictionary knows, the most specific pattern whose words appear around
//! it (in order, before and after the verb) gives the CAMEO code. The source is the subject
//! (the dependency parse's `nsubj` when the sentence is parsed, else the nearest actor unit to
//! the left in the same clause that is not inside a prepositional phrase; a passive takes its
//! `by` phrase); the target is the pattern's `+` slot, else the first actor unit after the
//! verb that is not the speaker of a reporting tail (", officials said"). Violence whose
//! author the text does not name ("a roadside bomb killed two soldiers", "three protesters
//! were killed") is kept with herald's own lexicon: its source has no code and holds the
//! weapon's words, or none (an empty span at the verb). Compound units give
//! one event per source × target; paired codes (`032:033`) give the reverse event too.
//! Negated events are flagged (`negated`), hedged ones (`could`, `plans to`) flagged
//! `hedged`, and claims inside reported speech flagged `reported`.

pub mod class_eval;
mod nominal;
pub mod petrarch_eval;
mod stage;

pub use stage::EventStage;

use crate::actors::{self, Unit, Word};
use crate::coref::Coref;
use crate::ontology;
use herald_core::{ActorRef, Event, Mention, Plover, Sentence, Span, Upos};
use herald_dict::compile::{CompiledDict, Item, Pattern};

const SAY: &[&str] = &[
    "said",
    "says",
    "say",
    "told",
    "tells",
    "reported",
    "reports",
    "stated",
    "announced",
    "claimed",
    "claims",
    "added",
    "noted",
    "according",
];
const SUBORD: &[&str] = &[
    "after", "when", "because", "while", "before", "since", "until", "although", "though", "if",
    "that", "which", "who", "whom", "whose", "where", "whereas", "unless",
];
/// Subordinators that open a clause the verb's target does not reach into.
const CLAUSE: &[&str] = &[
    "after", "when", "because", "while", "before", "since", "until", "although", "though", "if",
    "whereas", "unless",
];
/// Words that count the noun after "of": "hundreds of protesters".
const COUNTS: &[&str] = &[
    "hundred",
    "hundreds",
    "thousand",
    "thousands",
    "dozen",
    "dozens",
    "score",
    "scores",
    "million",
    "millions",
];
const BE: &[&str] = &[
    "was", "were", "is", "are", "been", "being", "be", "get", "got",
];
/// Nouns naming what somebody says another did, which a denial disputes.
const CLAIM: &[&str] = &[
    "charge",
    "charges",
    "accusation",
    "accusations",
    "allegation",
    "allegations",
    "claim",
    "claims",
    "report",
    "reports",
    "suggestion",
    "suggestions",
    "assertion",
    "assertions",
    "rumour",
    "rumours",
    "rumor",
    "rumors",
];

const NEG: &[&str] = &["not", "n't", "never", "no"];
const HEDGE: &[&str] = &[
    "could",
    "might",
    "may",
    "would",
    "should",
    "plans",
    "plan",
    "planned",
    "planning",
    "wants",
    "want",
    "wanted",
    "intends",
    "intend",
    "seeks",
    "seek",
    "expected",
    "likely",
    "possibly",
    "reportedly",
    "allegedly",
    "threatened",
    "considering",
    "consider",
];
const DETS: &[&str] = &[
    "the", "a", "an", "its", "their", "his", "her", "our", "this", "these", "those", "such", "any",
    "every", "each", "'s", "'",
];
const PREPS: &[&str] = &[
    "of", "for", "in", "on", "with", "by", "from", "at", "into", "over", "about", "against",
];

/// What one sentence yields.
#[derive(Clone, Debug, Default)]
pub struct SentenceCoding {
    /// Actor units found.
    pub units: Vec<Unit>,
    /// Events coded (negated ones included, flagged).
    pub events: Vec<Event>,
    /// A discard phrase voids the sentence.
    pub discarded: bool,
    /// A story-level discard phrase voids the whole document.
    pub story_discard: bool,
}

/// Nouns of number before "of": the actor is what they count.
const QUANTITY: &[&str] = &[
    "thousands",
    "hundreds",
    "dozens",
    "scores",
    "tens",
    "millions",
    "crowds",
    "crowd",
    "group",
    "groups",
    "number",
    "some",
    "many",
    "most",
    "several",
    "hundred",
    "thousand",
    "dozen",
    "all",
];

/// Codes every sentence of a document: actor mentions and events in text order. A story
/// discard (PETRARCH `+PHRASE`) voids all events.
pub fn code_events(
    text: &str,
    sentences: &[Sentence],
    dict: &CompiledDict,
    date: Option<chrono::NaiveDate>,
) -> (Vec<Mention>, Vec<Event>) {
    let mut mentions = Vec::new();
    let mut events = Vec::new();
    let mut void = false;
    let mut coref = Coref::default();
    for (i, s) in sentences.iter().enumerate() {
        let c = code_sentence_with(text, i, s, dict, date, &mut coref);
        let context = coref.context_country();
        mentions.extend(actors::mentions(text, &c.units).into_iter().map(|mut m| {
            // "the Ministry" in a story about Kazakhstan is the Kazakh one, as in its events.
            if let (Some(code), Some(c)) = (&m.code, context)
                && let Some(role) = code.strip_prefix("---").filter(|r| !r.is_empty())
                && !foreign(text, m.span)
            {
                m.code = Some(format!("{c}{role}"));
            }
            m
        }));
        void |= c.story_discard;
        events.extend(c.events);
    }
    if void {
        events.clear();
    }
    for (n, e) in events.iter_mut().enumerate() {
        e.id = format!("e{n}");
    }
    (mentions, events)
}

/// Codes one sentence on its own (`index` is its 0-based position in the document).
pub fn code_sentence(
    text: &str,
    index: usize,
    sentence: &Sentence,
    dict: &CompiledDict,
    date: Option<chrono::NaiveDate>,
) -> SentenceCoding {
    code_sentence_with(text, index, sentence, dict, date, &mut Coref::default())
}

/// Codes one sentence, resolving pronouns against (and updating) `coref`.
pub fn code_sentence_with(
    text: &str,
    index: usize,
    sentence: &Sentence,
    dict: &CompiledDict,
    date: Option<chrono::NaiveDate>,
    coref: &mut Coref,
) -> SentenceCoding {
    let ws = actors::words(text, sentence);
    let lower: Vec<&str> = ws.iter().map(|w| w.lower.as_str()).collect();
    let mut out = SentenceCoding::default();
    for i in 0..ws.len() {
        if let Some((_, story)) = dict.discards.longest(&lower, i) {
            out.discarded = true;
            out.story_discard |= story.iter().any(|s| **s);
        }
    }
    out.units = actors::units(&ws, dict, date);
    actors::add_unknown(&ws, sentence, &mut out.units);
    actors::locate_roles(&ws, &mut out.units, dict, date);
    actors::possessed_roles(&ws, &mut out.units);
    actors::former_roles(&ws, &mut out.units);
    same_role_country(text, &ws, &mut out.units);
    coref.resolve(&ws, sentence, &mut out.units);
    coref.update(&ws, sentence, &out.units);
    let context = coref.context_country().map(str::to_owned);
    if out.discarded {
        return out;
    }
    // Tokens with a subject of their own, found once for the sentence.
    let mut subject_heads = vec![false; sentence.tokens.len()];
    for t in &sentence.tokens {
        if t.deprel.starts_with("nsubj")
            && let Some(h) = t.head.checked_sub(1)
            && h < subject_heads.len()
        {
            subject_heads[h] = true;
        }
    }
    let ctx = Ctx {
        ws: &ws,
        lower: &lower,
        units: &out.units,
        sentence,
        text,
        subject_heads: &subject_heads,
    };
    let mut consumed = vec![false; ws.len()];
    let mut coded: Vec<Coded> = Vec::new();
    let mut unclaimed: Vec<Unclaimed> = Vec::new();
    let mut last_source: Option<usize> = None;
    let mut coded_clause_end: Option<usize> = None;
    for v in 0..ws.len() {
        if consumed[v] || ws[v].punct || ctx.in_unit(v).is_some() {
            continue;
        }
        // ("Young Algerians blocked roads": the tagger may take a past tense for an
        // adjective, and its lemma is then the word itself. Only before any verb of the
        // sentence: "a video of four armed individuals" has its verb already.)
        let stems = || participle_stems(lower[v]).find_map(|st| dict.verbs.get(st.as_str()));
        // ("Saudi Arabia lifts blockade": a headline's present tense read as a plural noun.)
        let headline = ctx.headline_verb(v);
        // ("Israeli military struck a target": a past tense the tagger read as a noun.)
        let past = ctx.past_tense(v);
        let Some(ids) = dict
            .verbs
            .get(lower[v])
            .or_else(|| dict.verbs.get(ws[v].lemma.as_str()))
            .or_else(|| {
                // (Or a past tense the lemmatizer got wrong: "rioted" → "riote".)
                (ws[v].upos == Some(Upos::Adj) && !ctx.verb_before(v)
                    || ws[v].upos == Some(Upos::Verb))
                .then(stems)
                .flatten()
            })
            .or_else(|| headline.and_then(|st| dict.verbs.get(st)))
            .or_else(|| past.as_deref().and_then(|st| dict.verbs.get(st)))
            .or_else(|| {
                // ("Israeli troops shot dead two Palestinians": a past tense tagged present,
                // whose lemma is then the word itself.)
                let w = &ws[v];
                let lemmatizer = &herald_nlp::Models::embedded().lemmatizer;
                (w.upos == Some(Upos::Verb) && w.lemma == lower[v])
                    .then(|| {
                        ["VBD", "VBN"]
                            .into_iter()
                            .map(|x| lemmatizer.lemma(lower[v], x))
                            .find(|l| l != lower[v])
                    })
                    .flatten()
                    .and_then(|l| dict.verbs.get(l.as_str()))
            })
        else {
            coded.extend(uncoded_demand(&ctx, dict, v));
            continue;
        };
        // ("Moscow was ready for talks with Kyiv": a copula codes only with a pattern's
        // words, below.)
        let copula =
            ws[v].lemma == "be" && ws[v].upos == Some(Upos::Aux) && dict.follows_codebook();
        if !(ctx.looks_verbal(v) || headline.is_some() || past.is_some() || copula) || ctx.naming(v)
        {
            continue;
        }
        // "Before leaving for Beijing, President Bush …", "… held talks, offering support":
        // PETRARCH's dictionaries and validation records code no gerund with no subject of
        // its own that hangs on a preposition or follows a comma. (herald's lexicon codes
        // it: "after meeting Putin, Xi said" is a meeting.)
        if !dict.follows_codebook() && (ctx.gerund_adjunct(v) || ctx.reduced_relative(v)) {
            continue;
        }
        // An infinitive after a coded verb is part of that verb's event ("urged B to help",
        // "met B on Tuesday to discuss"); not one in a clause of its own ("said the US must
        // be ready to mediate").
        if v > 0
            && lower[v - 1] == "to"
            && coded_clause_end.is_some_and(|c| {
                // (Nor is "a pleasant place to visit" an act of its own.)
                v >= 2 && ws[v - 2].upos == Some(Upos::Noun)
                    || !(c + 1..v - 1).any(|k| {
                        lower[k] == "that"
                            || ws[k].upos == Some(Upos::Aux) && ctx.in_unit(k).is_none()
                    })
            })
        {
            // ("wants to attack B": kept aside in case a transformation makes the two one
            // event, a threat.)
            let combines = !dict.transforms.is_empty() || !dict.follows_codebook();
            if let Some(up) = coded.len().checked_sub(1).filter(|_| combines)
                && let Some(m) =
                    best_match(&ctx, dict, ids, v).filter(|m| !m.pattern.code.is_empty())
            {
                let src = coded[up].src;
                let tgt = m.target.or_else(|| ctx.first_target(v, Some(src)));
                coded.push(Coded {
                    v,
                    src,
                    tgt: tgt.filter(|&t| t != src),
                    codes: m.pattern.code.split(':').map(str::to_owned).collect(),
                    flags: Flags::default(),
                    evidence: ws[v].span,
                    rule: format!(
                        "{} [{}] line {}",
                        m.pattern.text, m.pattern.code, m.pattern.line
                    ),
                    specific: false,
                    role: Role::Infinitive(up),
                });
            }
            continue;
        }
        let Some(m) = best_match(&ctx, dict, ids, v) else {
            coded.extend(uncoded_demand(&ctx, dict, v));
            continue;
        };
        // (And only when what the copula says is said of an actor: "a treaty would be ready
        // for signing" is no readiness to talk.)
        if copula
            && (m.words.is_empty()
                || !ctx.parsed()
                || !ctx.sentence.head_of(ws[v].tok).is_some_and(|h| {
                    ctx.sentence.children(h).any(|c| {
                        ctx.sentence.tokens[c].deprel.starts_with("nsubj")
                            && ctx.unit_of_token(c).is_some()
                    })
                }))
        {
            continue;
        }
        // "expelled exiled leaders": a past participle right after a verb, which the parse
        // hangs on the noun after it, is that noun's modifier, unless the noun is part of
        // what the pattern names ("announced renewed sanctions").
        if m.words.is_empty() && ctx.attributive_participle(v) {
            continue;
        }
        for &k in &m.words {
            consumed[k] = true;
        }
        // A verb with no code of its own may still govern a transformation ("attempted to
        // assassinate": PETRARCH's ATTEMPT).
        let silent = m.pattern.code.is_empty();
        if silent
            && !dict.transforms.iter().any(|t| {
                t.upper.code.is_none() && t.upper.word.as_deref() == Some(ws[v].lemma.as_str())
            })
        {
            continue;
        }
        let passive = ctx.passive(v);
        let victim = dict.follows_codebook()
            && m.pattern.pre.contains(&Item::Target)
            && m.target.is_some_and(|t| ctx.units[t].end <= v);
        let (src, tgt) = if passive {
            // (Not the agent of another verb after it: "will be funded by the issue of shares
            // to the group, controlled by entrepreneur Dick Pratt".)
            let by = ctx.units.iter().position(|u| {
                u.start > v
                    && u.prep.as_deref() == Some("by")
                    && !(v + 1..u.start)
                        .any(|k| ctx.ws[k].upos == Some(Upos::Verb) && !ctx.conjunct_of(k, v))
            });
            let done_to = || {
                if ctx.reduced_passive(v) {
                    ctx.modified(v)
                } else {
                    // ("was tortured and killed": the second shares the first's subject;
                    // "farmers who were killed": a relative clause's is the noun it follows.)
                    ctx.subject(v)
                        .or_else(|| ctx.conjoined_to(v).and_then(|h| ctx.subject(h)))
                        .or_else(|| ctx.modified(v))
                }
            };
            // "Rockets were fired from Gaza at southern Israel": with no agent, where an
            // attack came from is who made it, and what it was aimed at is its target.
            let violent = matches!(m.pattern.code.get(..2), Some("18" | "19" | "20"));
            let aimed = |preps: &[&str]| {
                let stop = ctx.clause_end_after(v);
                ctx.units.iter().position(|u| {
                    u.start > v
                        && u.start < stop
                        && u.prep.as_deref().is_some_and(|p| preps.contains(&p))
                })
            };
            // ("Two UN inspectors were expelled from North Korea": the country they were
            // expelled from expelled them.)
            let expelled = matches!(m.pattern.code.get(..3), Some("174" | "166"));
            let origin = || {
                if (violent || expelled) && by.is_none() {
                    aimed(&["from"])
                } else {
                    None
                }
            };
            let aim = || {
                if violent {
                    aimed(&["at", "against", "on"])
                } else {
                    None
                }
            };
            // (A pattern's target may have matched the agent itself: "detained by troops".
            // The object of a bare "verb +" is a passive's subject, whatever comes after:
            // "protesters were killed in clashes with police" killed protesters.)
            let bare =
                matches!(m.pattern.post.as_slice(), [Item::Target]) && m.pattern.pre.is_empty();
            let tgt = m.target.filter(|&t| Some(t) != by || m.source.is_some());
            let tgt = if bare && dict.follows_codebook() {
                ctx.passive_target(v).or(tgt).or_else(done_to)
            } else {
                tgt.or_else(done_to)
            };
            let src = m.source.or(by).or_else(origin);
            let tgt = tgt.or_else(aim).filter(|&t| Some(t) != src);
            (src, tgt)
        } else {
            // ("opposition supporters protesting the election results": a participle that
            // describes a noun is done by it.)
            let describing = ctx.parsed()
                && lower[v].ends_with("ing")
                && ctx.sentence.tokens[ws[v].tok].deprel == "acl";
            let s = m
                .source
                .or_else(|| describing.then(|| ctx.modified(v)).flatten())
                .or_else(|| ctx.subject(v))
                .or_else(|| {
                    // "condemned … and promised raids": a coordinated verb shares the subject.
                    (v > 0 && (lower[v - 1] == "and" || ctx.after_and(v)))
                        .then_some(last_source)
                        .flatten()
                });
            // ("+ * die of torture": the subject is what was done to; the doer is unnamed.)
            let s = s.filter(|_| !(victim && m.source.is_none()));
            // In giving aid and moving forces (CAMEO 07, 15, 087) the pattern's own words are
            // what is sent, not to whom ("has sent troops", "provided aid workers"); elsewhere
            // they may well be the target ("killed soldiers", "told reporters").
            let sent = matches!(m.pattern.code.get(..2), Some("07" | "15"))
                // ("withdrew troops from the area": the troops are what moves.)
                || m.pattern.code.starts_with("087");
            let theme = |t: usize| {
                sent && (ctx.units[t].start..ctx.units[t].end).all(|k| m.words.contains(&k))
            };
            // ("met in Washington for talks": a capital after "in" or "at" is where people
            // meet, negotiate or agree, not with whom.)
            let gathering = matches!(m.pattern.code.get(..2), Some("03" | "04" | "05" | "06"))
                && !m.pattern.code.starts_with("042")
                // (Nor where two sides clash: "the army and the RSF clashed in Khartoum".)
                || matches!(
                    ws[v].lemma.as_str(),
                    "clash" | "fight" | "battle" | "skirmish"
                );
            let venue = |u: &Unit| {
                gathering
                    && matches!(u.prep.as_deref(), Some("in" | "at"))
                    && u.members.iter().all(|mm| mm.kind == "capital")
            };
            let t = if m.compound {
                m.target
            } else {
                m.target
                    .or_else(|| ctx.first_target_but(v, s, venue).filter(|&t| !theme(t)))
            };
            (s, t)
        };
        let weapon = if src.is_none() && victim && !passive {
            Some(Weapon::Words(v, v))
        } else if src.is_none() && dict.follows_codebook() && !silent {
            ctx.weapon(v, passive, &m.pattern.code)
        } else {
            None
        };
        let src = match weapon {
            Some(Weapon::Of(u)) => Some(u),
            _ => src,
        };
        let Some(src) = src else {
            // "A roadside bomb killed one U.S. soldier": violence whose author the text does
            // not name is kept, its source the weapon (no code), when it has a target.
            // (Not in a clause describing a noun: "paid his respects to a soldier killed in
            // Afghanistan a decade ago" names the soldier by what befell him.)
            // (Its target is what the verb's object would be: for a passive, its subject, and
            // no pattern word before the verb, which would name the author: "Gul Rahman, a
            // suspected militant, was tortured and killed" is no "militant … kill".)
            let t = if passive {
                ctx.passive_target(v).filter(|_| m.pattern.pre.is_empty())
            } else {
                tgt
            };
            if let Some(t) = t
                && let Some(Weapon::Words(a, b)) = weapon
                && !ctx.describes_noun(v)
            {
                // ("Protesters were killed": no words name the author; the source's span is
                // empty, at the verb.)
                let span = if a == b {
                    Span::new(ws[v].span.start, ws[v].span.start)
                } else {
                    ws[a].span.cover(ws[b - 1].span)
                };
                let flags = ctx.flags(v, &m.words, b.max(a));
                // (An actor released or freed is a person or group let go: CAMEO 0841.)
                let first = m.pattern.code.split(':').next().unwrap_or_default();
                let code = if passive && matches!(ws[v].lemma.as_str(), "release" | "free") {
                    "0841"
                } else {
                    first
                };
                let mut evidence = ws[v].span;
                for &k in &m.words {
                    evidence = evidence.cover(ws[k].span);
                }
                unclaimed.push(Unclaimed {
                    v,
                    source: actors::Member {
                        code: String::new(),
                        span,
                        kind: if a == b { "unnamed" } else { "weapon" }.to_string(),
                    },
                    tgt: t,
                    code: code.to_string(),
                    flags,
                    evidence,
                    rule: format!(
                        "{} [{}] line {} + author unnamed{}",
                        m.pattern.text,
                        m.pattern.code,
                        m.pattern.line,
                        if code == first {
                            String::new()
                        } else {
                            format!(" [{code}]")
                        }
                    ),
                });
            }
            continue;
        };
        if Some(src) == tgt {
            continue;
        }
        if silent {
            coded.push(Coded {
                v,
                src,
                tgt,
                codes: Vec::new(),
                flags: Flags::default(),
                evidence: ws[v].span.cover(out.units[src].span(&ws)),
                rule: format!("{} [---] line {}", m.pattern.text, m.pattern.line),
                specific: false,
                role: Role::Silent,
            });
            continue;
        }
        // ", a senior official said": with PETRARCH's dictionaries, an attribution with
        // nothing said to anyone marks the claim as reported and is no event of its own.
        // (Not "For their part, the Americans claimed that …": a clause follows the verb.)
        // herald's lexicon codes it, as it codes "a senior official said that …": the
        // statement is its speaker's event.
        let clause_after = ws[v + 1..]
            .iter()
            .any(|w| matches!(w.upos, Some(Upos::Verb | Upos::Aux)));
        if !dict.follows_codebook()
            && tgt.is_none()
            && SAY.contains(&lower[v])
            && out.units[src].start > 0
            && lower[..out.units[src].start].contains(&",")
            && !clause_after
        {
            continue;
        }
        last_source = Some(src);
        coded_clause_end = Some(v);
        let mut flags = ctx.flags(v, &m.words, out.units[src].end);
        // ("was not overly concerned": a copula's negation stands after it.)
        if copula
            && let Some(&first) = m.words.first()
            && (v + 1..first).any(|k| NEG.contains(&lower[k]) || lower[k].ends_with("n't"))
        {
            flags.negated = true;
        }
        let mut codes: Vec<&str> = m.pattern.code.split(':').collect();
        // "will not lift the ban", "refused to release the prisoners": refusing to yield is
        // a rejection, which CAMEO codes as such (124x, 123).
        let refusal = match codes.as_slice() {
            [c] if refuses(&lower, v, flags.negated) => refusal_code(c),
            _ => None,
        };
        if let Some(r) = refusal {
            codes = vec![r];
            flags.negated = false;
            flags.hedged = false;
        }
        // "declared that China must drop the barriers", "Ukraine should withdraw its troops,
        // Russia said": an act the speaker says another must do is the speaker's demand of
        // them (CAMEO 10x), not the act.
        let demand = match codes.as_slice() {
            [c] if refusal.is_none()
                && !flags.negated
                && dict.follows_codebook()
                && obliged(&lower, v) =>
            {
                demand_code(c).zip(ctx.speaker(v).filter(|&sp| sp != src))
            }
            _ => None,
        };
        let (src, tgt) = match demand {
            Some((code, speaker)) => {
                codes = vec![code];
                flags.hedged = false;
                flags.reported = false;
                (speaker, Some(src))
            }
            None => (src, tgt),
        };
        // "will support", "agreed to send troops", "would allow the inspectors back": a
        // cooperative act announced, not done, is an intent to cooperate (CAMEO 03x); "will
        // attack", "vowed to cut ties", "said it would strike": a hostile one is a threat
        // (13x), not the act. PETRARCH's dictionaries and validation records code "will
        // contribute" as the contribution itself; herald's own lexicon follows the codebook.
        let announced = match codes.as_slice() {
            [c] if refusal.is_none()
                && demand.is_none()
                && !flags.negated
                && dict.follows_codebook()
                && intends(&lower, v)
                && !ctx.hoped_for(v) =>
            {
                intent_code(c)
                    .map(|i| (i, "intended"))
                    .or_else(|| threat_code(c).map(|t| (t, "threatened")))
            }
            _ => None,
        };
        if let Some((code, _)) = announced {
            codes = vec![code];
            flags.hedged = false;
        }
        // "Japan is considering sending aid to North Korea": an act weighed is a policy
        // option considered (CAMEO 014), not the act.
        let considered = codes.len() == 1
            && refusal.is_none()
            && demand.is_none()
            && announced.is_none()
            && dict.follows_codebook()
            && considers(&lower, v);
        if considered {
            codes = vec!["014"];
            flags.hedged = false;
            // (The considering verb's own event is this one.)
            for c in coded
                .iter_mut()
                .filter(|c| c.v + 1 == v && c.codes == ["014"])
            {
                c.role = Role::Gone;
            }
        }
        // "said the riots were orchestrated by foreign terrorists": a statement that lays an
        // act at someone's door is an accusation of them.
        let blame = codes == ["010"] && tgt.is_some_and(|t| blamed(&lower, &out.units[t], v));
        if blame {
            codes = vec!["112"];
        }
        let mut evidence = ws[v].span.cover(out.units[src].span(&ws));
        if let Some(t) = tgt {
            evidence = evidence.cover(out.units[t].span(&ws));
        }
        for &k in &m.words {
            evidence = evidence.cover(ws[k].span);
        }
        let mut rule = format!(
            "{} [{}] line {}",
            m.pattern.text, m.pattern.code, m.pattern.line
        );
        if blame {
            rule.push_str(" + blamed by agent [112]");
        }
        if let Some(r) = refusal {
            rule.push_str(&format!(" + refused [{r}]"));
        }
        if let Some((code, how)) = announced {
            rule.push_str(&format!(" + {how} [{code}]"));
        }
        if let Some((code, _)) = demand {
            rule.push_str(&format!(" + demanded by the speaker [{code}]"));
        }
        if considered {
            rule.push_str(" + considered [014]");
        }
        coded.push(Coded {
            v,
            src,
            tgt,
            // (Words of a pattern besides the verb name the event: two always ("hold
            // special talks"), one when done by a public role or a name the dictionaries do
            // not know ("officials imposed a curfew", "workers stopped work", "the FLA
            // released the hostages"; not a company's "signed a contract").
            specific: (m.words.len() > 1
                || m.words.len() == 1
                    && out.units[src].members.iter().all(|mm| {
                        mm.code.len() > 3 && !mm.code.ends_with("BUS")
                            || mm.code == "---" && mm.kind == "unknown"
                    }))
                && !codes[0].starts_with("01"),
            codes: codes.into_iter().map(str::to_owned).collect(),
            flags,
            evidence,
            rule,
            role: Role::Event,
        });
    }
    transform(&ctx, dict, &mut coded);
    let base = Emit {
        text,
        sentence: index,
        date,
        context: context.as_deref(),
        flags: Flags::default(),
        evidence: Span::new(0, 0),
        rule: "",
        specific: false,
    };
    // In the order of their verbs, the events with an unnamed author among the others.
    let mut next = unclaimed.iter().peekable();
    let mut unclaimed_before = |v: usize, events: &mut Vec<Event>| {
        while let Some(c) = next.next_if(|c| c.v < v) {
            let targets = out.units[c.tgt].members.as_slice();
            let emit = Emit {
                flags: c.flags,
                evidence: c.evidence,
                rule: &c.rule,
                specific: true,
                ..base
            };
            emit.all(
                events,
                std::slice::from_ref(&c.source),
                Some(targets),
                &[c.code.as_str()],
            );
        }
    };
    for c in coded.iter().filter(|c| c.role == Role::Event) {
        unclaimed_before(c.v, &mut out.events);
        let codes: Vec<&str> = c.codes.iter().map(String::as_str).collect();
        let tmembers = c.tgt.map(|t| out.units[t].members.as_slice());
        let emit = Emit {
            flags: c.flags,
            evidence: c.evidence,
            rule: &c.rule,
            specific: c.specific,
            ..base
        };
        emit.all(&mut out.events, &out.units[c.src].members, tmembers, &codes);
    }
    unclaimed_before(usize::MAX, &mut out.events);
    nominal::code_nouns(
        &ctx,
        dict,
        &consumed,
        context.as_deref(),
        date,
        index,
        &mut out.events,
    );
    drop_doubled_statements(&mut out.events);
    out
}

/// True when verb `v` is refused rather than merely not done: "will not / won't / would
/// not lift", "refused / declined / refuses to release" (`negated`: a negation stands before
/// it). "has not lifted" is no refusal.
fn refuses(lower: &[&str], v: usize, negated: bool) -> bool {
    let before = |k: usize| v.checked_sub(k).map_or("", |i| lower[i]);
    let refuse = before(1) == "to"
        && matches!(
            before(2),
            "refuse" | "refuses" | "refused" | "refusing" | "decline" | "declines" | "declined"
        );
    let will_not = negated
        && (1..=4).any(|k| matches!(before(k), "will" | "would" | "wo" | "shall"))
        && (1..=3).any(|k| matches!(before(k), "not" | "n't" | "never"));
    refuse || will_not
}

/// True when verb `v` is a gerund weighed as an option: "considering sending aid",
/// "mulling imposing sanctions".
fn considers(lower: &[&str], v: usize) -> bool {
    v > 0
        && lower[v].ends_with("ing")
        && matches!(
            lower[v - 1],
            "consider"
                | "considers"
                | "considered"
                | "considering"
                | "weigh"
                | "weighs"
                | "weighing"
                | "mull"
                | "mulls"
                | "mulling"
                | "contemplate"
                | "contemplates"
                | "contemplating"
                | "explore"
                | "explores"
                | "exploring"
        )
}

/// True when verb `v` is announced for later: "will / would / shall support", "agreed /
/// pledged / promised / plans / is ready to send".
fn intends(lower: &[&str], v: usize) -> bool {
    let before = |k: usize| v.checked_sub(k).map_or("", |i| lower[i]);
    let modal = |w: &str| matches!(w, "will" | "'ll" | "shall" | "would");
    let adverb = |w: &str| matches!(w, "also" | "soon" | "now" | "then" | "still" | "jointly");
    let intent = |w: &str| {
        matches!(
            w,
            "agree"
                | "agrees"
                | "agreed"
                | "pledge"
                | "pledges"
                | "pledged"
                | "promise"
                | "promises"
                | "promised"
                | "vow"
                | "vows"
                | "vowed"
                | "threaten"
                | "threatens"
                | "threatened"
                | "offer"
                | "offers"
                | "offered"
                | "plan"
                | "plans"
                | "planned"
                | "intend"
                | "intends"
                | "intended"
                | "willing"
                | "ready"
                | "prepared"
        )
    };
    modal(before(1))
        || modal(before(2)) && adverb(before(1))
        || before(1) == "to" && intent(before(2))
}

/// The CAMEO intent (03x) of a cooperative act: consulting, diplomatic and material
/// cooperation, aid, yielding.
fn intent_code(code: &str) -> Option<&'static str> {
    Some(match code {
        "045" => "039",
        "061" | "0611" => "0311",
        "062" => "0312",
        "063" => "0313",
        "064" => "0314",
        "071" => "0331",
        "072" => "0332",
        "073" => "0333",
        "074" => "0334",
        "081" | "0811" | "0812" | "0813" | "0814" => "0351",
        "082" => "0352",
        "0831" => "0341",
        "0832" => "0342",
        "0833" => "0343",
        "0834" => "0344",
        "084" | "0841" | "0842" => "0353",
        "085" => "0354",
        "086" | "0861" | "0862" | "0863" => "0355",
        "087" | "0871" | "0872" | "0873" | "0874" => "0356",
        _ => match code.get(..2)? {
            "04" => "036",
            "05" => "032",
            "06" => "031",
            "07" => "033",
            "08" => match code.get(..3)? {
                "083" => "034",
                _ => "035",
            },
            _ => return None,
        },
    })
}

/// True when verb `v` is put as an obligation: "must / should / has to / needs to withdraw",
/// "must be ready to mediate".
fn obliged(lower: &[&str], v: usize) -> bool {
    let before = |k: usize| v.checked_sub(k).map_or("", |i| lower[i]);
    let must = |w: &str| matches!(w, "must" | "should");
    let adverb = |w: &str| matches!(w, "also" | "now" | "immediately" | "first" | "still");
    let to = |k: usize| {
        before(k) == "to" && matches!(before(k + 1), "has" | "have" | "needs" | "need" | "ought")
    };
    must(before(1))
        || must(before(2)) && adverb(before(1))
        || to(1)
        || before(1) == "to"
            && matches!(before(2), "ready" | "prepared" | "willing")
            && before(3) == "be"
            && must(before(4))
}

/// Verbs of state and change, which after "should" or "must" forecast rather than demand.
const FORECAST: &[&str] = &[
    "be", "have", "see", "get", "remain", "become", "continue", "grow", "rise", "fall", "increase",
    "decline", "drop", "reach", "total", "come", "go", "happen", "exceed", "improve", "recover",
    "benefit", "expect", "show", "reflect", "ease", "rebound", "know", "help", "prove", "last",
    "stay", "mean", "result", "follow",
];

/// "The Red Cross said US and British forces must ensure security": an act no pattern
/// codes, which a speaker says another must do, is still the speaker's demand of them
/// (CAMEO 100), as a coded act is (see [`demand_code`]).
fn uncoded_demand(ctx: &Ctx, dict: &CompiledDict, v: usize) -> Option<Coded> {
    if !dict.follows_codebook() {
        return None;
    }
    let w = &ctx.ws[v];
    // "must" or "should" right before (an adverb may stand between): "has to" and "would
    // have to" more often describe a constraint ("Brazil has to do business through the
    // banks"). Verbs of state and change are forecasts ("Corp should have another strong
    // year", "output must rise").
    let must = |k: usize| matches!(ctx.lower[k], "must" | "should");
    let modal = v >= 1 && must(v - 1)
        || v >= 2 && must(v - 2) && matches!(ctx.lower[v - 1], "also" | "now" | "immediately");
    if w.upos != Some(Upos::Verb)
        || !modal
        || FORECAST.contains(&w.lemma.as_str())
        || ctx.in_unit(v).is_some()
    {
        return None;
    }
    let tgt = ctx.subject(v)?;
    let src = ctx.speaker(v).filter(|&sp| sp != tgt)?;
    let span = |u: usize| ctx.units[u].span(ctx.ws);
    Some(Coded {
        v,
        src,
        tgt: Some(tgt),
        codes: vec!["100".to_owned()],
        flags: Flags::default(),
        evidence: w.span.cover(span(src)).cover(span(tgt)),
        rule: format!("{} put as another's obligation [100]", w.lemma),
        specific: false,
        role: Role::Event,
    })
}

/// The CAMEO demand (10x) that another do a cooperative act: the codebook's 10x mirror
/// the appeals (02x) and intents (03x), by what is asked.
fn demand_code(code: &str) -> Option<&'static str> {
    Some(match code {
        "045" | "039" => "108",
        "046" | "036" => "106",
        "061" | "0611" | "0311" => "1011",
        "062" | "0312" => "1012",
        "063" | "0313" => "1013",
        "064" | "0314" => "1014",
        "071" | "0331" => "1031",
        "072" | "0332" => "1032",
        "073" | "0333" => "1033",
        "074" | "0334" => "1034",
        "0831" | "0341" => "1041",
        "0832" | "0342" => "1042",
        "0833" | "0343" => "1043",
        "0834" | "0344" => "1044",
        "080" | "035" => "105",
        "082" | "0352" => "1052",
        "084" | "0841" | "0842" | "0353" => "1053",
        "085" | "0354" => "1054",
        "086" | "0861" | "0862" | "0863" | "0355" => "1055",
        "087" | "0871" | "0872" | "0873" | "0874" | "0356" => "1056",
        _ => match code.get(..2)? {
            "04" => "106",
            "05" | "03" => "102",
            "06" => "101",
            "07" => "103",
            "08" => match code.get(..3)? {
                "081" | "0351" => "1051",
                "083" => "104",
                _ => "105",
            },
            _ => return None,
        },
    })
}

/// The CAMEO threat (13x) of a hostile act announced: cutting ties or aid, sanctions,
/// protest, repression, force.
fn threat_code(code: &str) -> Option<&'static str> {
    Some(match code {
        "161" => "1313",
        "162" | "1621" | "1622" | "1623" => "1311",
        "163" => "1312",
        "164" => "134",
        "165" => "135",
        "166" | "1661" | "1662" | "1663" => "136",
        "172" | "173" | "174" => "132",
        "1721" => "1321",
        "1722" => "1322",
        "1723" => "1323",
        "1724" => "1324",
        "175" => "137",
        "191" => "1381",
        "192" => "1382",
        "204" | "2041" | "2042" => "1385",
        _ => match code.get(..2)? {
            "14" => "133",
            "16" => "131",
            "17" => "130",
            "18" | "20" => "1383",
            "19" => "1384",
            _ => return None,
        },
    })
}

/// The CAMEO refusal of a yielding act (08x): easing sanctions, releasing people, allowing
/// international involvement, de-escalating.
fn refusal_code(code: &str) -> Option<&'static str> {
    // An intent refused is the act refused ("will not accept the proposal", "will not agree
    // to a ceasefire"): CAMEO pairs each 03x with its rejection.
    match code {
        "0311" => return Some("1211"),
        "0312" => return Some("1212"),
        "0331" => return Some("1221"),
        "0332" => return Some("1222"),
        "0333" => return Some("1223"),
        "0334" => return Some("1224"),
        "0351" => return Some("1241"),
        "0352" => return Some("1242"),
        "0353" => return Some("1243"),
        "0354" => return Some("1245"),
        "0355" | "0356" => return Some("1246"),
        _ => {}
    }
    Some(match code.get(..3)? {
        "030" | "032" => "120",
        "031" => "121",
        "033" => "122",
        "034" => "123",
        "035" => "124",
        "036" => "125",
        "037" | "057" => "127",
        "038" => "126",
        "080" => "124",
        "081" => "1241",
        "082" => "1242",
        "083" => "123",
        "084" => "1243",
        "085" => "1244",
        "086" => "1245",
        "087" => "1246",
        // Refusing to meet or negotiate, to cooperate, to give aid (CAMEO 125, 121x, 122x).
        "040" | "041" | "042" | "043" | "044" | "045" | "046" => "125",
        "060" | "063" | "064" => "121",
        "061" => "1211",
        "062" => "1212",
        "070" | "075" => "122",
        "071" => "1221",
        "072" => "1222",
        "073" => "1223",
        "074" => "1224",
        _ => return None,
    })
}

/// Participles that, before "by", lay an act at the agent's door ("provoked by", "orchestrated
/// by"); "organised by" or "attended by" do not.
const BLAME: &[&str] = &[
    "provoked",
    "orchestrated",
    "instigated",
    "masterminded",
    "incited",
    "engineered",
    "staged",
    "plotted",
    "perpetrated",
    "committed",
    "caused",
    "fomented",
    "stoked",
    "fuelled",
    "fueled",
];

/// True when `unit` (after statement verb `v`) is the agent of a blaming passive: "by" just
/// before it (an article or adjective may stand between: "by external forces") and a
/// [`BLAME`] participle right before that (an adverb may stand between: "were allegedly
/// orchestrated by").
fn blamed(lower: &[&str], unit: &Unit, v: usize) -> bool {
    if unit.start <= v {
        return false;
    }
    let Some(by) = (unit.start.saturating_sub(3).max(v + 1)..unit.start)
        .rev()
        .find(|&k| lower[k] == "by")
    else {
        return false;
    };
    (by.saturating_sub(2)..by)
        .rev()
        .take_while(|&k| k > v)
        .any(|k| BLAME.contains(&lower[k]))
}

/// "Israeli warplanes struck Gaza, the army said": the speaker of a reporting tail known only
/// by its role takes the country of the one actor of the sentence with that role and a
/// country (ISRMIL), before the text's country is tried. (Only there: in "said removing
/// sanctions would reward the regime", the regime is not the speakers'.)
fn same_role_country(text: &str, ws: &[Word], units: &mut [Unit]) {
    let tail = |u: &Unit| {
        let before = ws[..u.start]
            .iter()
            .rev()
            .find(|w| w.lower != "the")
            .is_some_and(|w| w.lower == ",");
        let after = ws[u.end..]
            .iter()
            .find(|w| !matches!(w.lower.as_str(), "also" | "later" | "has" | "had"))
            .is_some_and(|w| SAY.contains(&w.lower.as_str()));
        before && after
    };
    let countries = |role: &str, units: &[Unit]| {
        let mut found: Vec<String> = units
            .iter()
            .flat_map(|u| &u.members)
            .filter_map(|m| {
                let (c, r) = m.code.split_at_checked(3)?;
                (r == role
                    && c.bytes().all(|b| b.is_ascii_uppercase())
                    && !matches!(c, "IGO" | "NGO" | "MNC"))
                .then(|| c.to_string())
            })
            .collect();
        found.sort();
        found.dedup();
        found
    };
    for i in 0..units.len() {
        let [m] = units[i].members.as_slice() else {
            continue;
        };
        let Some(role) = m.code.strip_prefix("---").filter(|r| !r.is_empty()) else {
            continue;
        };
        if foreign(text, m.span) || !tail(&units[i]) {
            continue;
        }
        if let [c] = countries(role, units).as_slice() {
            let code = format!("{c}{role}");
            units[i].members[0].code = code;
        }
    }
}

/// An actor known only by its role (`---OPP`) takes the text's country when there is one
/// ("protesters" in a story about Kazakhstan are `KAZOPP`); its span still shows its words.
fn in_context(m: &actors::Member, country: Option<&str>, text: &str) -> actors::Member {
    match (m.code.strip_prefix("---"), country) {
        (Some(role), Some(c)) if !role.is_empty() && !foreign(text, m.span) => actors::Member {
            code: format!("{c}{role}"),
            ..m.clone()
        },
        _ => m.clone(),
    }
}

/// "External forces", "foreign troops": an actor the text places outside the country it is
/// about (the word is its first or the one right before it).
fn foreign(text: &str, span: Span) -> bool {
    let is_foreign = |w: &str| {
        actors::foreign_word(
            &w.trim_matches(|c: char| !c.is_alphanumeric())
                .to_lowercase(),
        )
    };
    let first = span.get(text).and_then(|w| w.split_whitespace().next());
    let before = text
        .get(..span.start)
        .and_then(|t| t.split_whitespace().next_back());
    first.is_some_and(is_foreign) || before.is_some_and(is_foreign)
}

/// How the events of one match are written: where they come from and what they say.
struct Emit<'a> {
    text: &'a str,
    sentence: usize,
    date: Option<chrono::NaiveDate>,
    context: Option<&'a str>,
    flags: Flags,
    evidence: Span,
    rule: &'a str,
    /// The words name the event on their own ("went on strike", "imposed a curfew"), so
    /// that an actor known only by its role may act with no target.
    specific: bool,
}

impl Emit<'_> {
    /// One event per source × target member (and the reverse event of a paired code).
    fn all(
        &self,
        events: &mut Vec<Event>,
        sources: &[actors::Member],
        targets: Option<&[actors::Member]>,
        codes: &[&str],
    ) {
        let mut push = |s: &actors::Member, t: Option<&actors::Member>, code: &str| {
            let s = in_context(s, self.context, self.text);
            let t = t.map(|t| in_context(t, self.context, self.text));
            // (Nor between two actors known only as names or companies, with no country:
            // "Quaker Oats Co said it filed … with the Securities and Exchange Commission".)
            let anonymous = |c: &str| matches!(c, "---" | "---BUS");
            if t.as_ref().is_some_and(|t| {
                // (Unless the words name the event on their own, done by a name nobody
                // coded: "Roberto Micheletti declared a state of siege", "USAir rejected
                // TWA's offer" are kept, with their texts.)
                anonymous(&t.code) && anonymous(&s.code) && !(self.specific && s.kind == "unknown")
            }) {
                return;
            }
            // An actor acting on its own kind ("Pompeo lifts restrictions on contacts between
            // U.S. officials …") acts with no target: the act is there, the target is not
            // another actor. (Not a statement: "Gondor's minister told Gondor's press".)
            let t = match t {
                Some(t) if t.code == s.code && !anonymous(&s.code) => {
                    if !self.specific {
                        return;
                    }
                    None
                }
                t => t,
            };
            events.push(make_event(
                self.text,
                self.sentence,
                self.date,
                &s,
                t.as_ref(),
                code,
                self.flags,
                self.evidence,
                self.rule,
            ));
        };
        match targets {
            Some(ts) => {
                for s in sources {
                    for t in ts {
                        push(s, Some(t), codes[0]);
                        if let Some(back) = codes.get(1) {
                            push(t, Some(s), back);
                        }
                    }
                }
            }
            // "Gondor and Osgiliath renewed ties": a compound subject acting with no target
            // acts on its own members. ("The White House and the State Department declined
            // to comment" name one actor twice: it acts alone, below.)
            None if sources.iter().any(|s| s.code != sources[0].code) => {
                for s in sources {
                    for t in sources {
                        if s.code != t.code {
                            push(s, Some(t), codes[0]);
                        }
                    }
                }
            }
            None => {
                for (i, s) in sources.iter().enumerate() {
                    if sources[..i].iter().any(|p| p.code == s.code) {
                        continue;
                    }
                    // An unidentified actor ("officials") doing nothing to anyone codes
                    // nothing, unless the text says which country it belongs to, or the
                    // words name the event on their own and the actor has a role
                    // ("teachers went on strike": ---EDU 143), or a name the dictionaries do not
                    // know ("the ONLF declared a unilateral ceasefire": --- 0331 … kept with
                    // its text, not dropped).
                    let role = s.code.len() > 3 || s.kind == "unknown";
                    if !s.code.starts_with("---") || self.context.is_some() || self.specific && role
                    {
                        push(s, None, codes[0]);
                    }
                }
            }
        }
    }
}

/// "Tokayev criticised Russia, saying …": a bare statement (`010`) of a speaker who does
/// something more specific in the same sentence is that act, not a second event. A statement
/// framing someone else's act is kept: "Putin said Russian troops will leave" is Putin's
/// statement and the troops' reported intent.
fn drop_doubled_statements(events: &mut Vec<Event>) {
    let doubled = |st: &Event| {
        st.cameo == "010"
            && events
                .iter()
                .any(|e| e.cameo != "010" && !e.negated && e.source.span == st.source.span)
    };
    // ("the Ministry explained, as reported by Reuters": one statement, said once.)
    let repeated = |i: usize| {
        let st = &events[i];
        st.cameo == "010"
            && events[..i].iter().any(|e| {
                e.cameo == "010"
                    && e.source.span == st.source.span
                    && e.target.as_ref().map(|t| &t.code) == st.target.as_ref().map(|t| &t.code)
            })
    };
    let keep: Vec<bool> = (0..events.len())
        .map(|i| !doubled(&events[i]) && !repeated(i))
        .collect();
    let mut k = keep.iter();
    events.retain(|_| *k.next().unwrap_or(&true));
}

/// PETRARCH's convention, for its evaluation: "X said Y attacked Z" is Y's attack only; a
/// bare statement (`010`) is not counted once something else the record says is coded.
/// herald's own output keeps the statement as an event of its speaker, the claim flagged
/// `reported`.
pub(crate) fn drop_framing_statements(events: &mut Vec<Event>) {
    if events.iter().any(|e| e.cameo != "010" && !e.negated) {
        events.retain(|e| e.cameo != "010");
    }
}

/// Verb lemmas an "-ed" or "-ing" word may come from: "blocked" → block, "imposed" → impose,
/// "denied" → deny, "banned" → ban, "raping" → rape.
fn participle_stems(w: &str) -> impl Iterator<Item = String> + '_ {
    // ("raping" → rape, which a lemmatizer that never saw it makes "rap".)
    let gerund = w.strip_suffix("ing").filter(|b| b.len() >= 2);
    let base = w.strip_suffix("ed");
    let doubled = base.filter(|b| {
        let b = b.as_bytes();
        b.len() >= 3 && b[b.len() - 1] == b[b.len() - 2]
    });
    [
        base.map(str::to_string),
        w.strip_suffix('d')
            .filter(|_| base.is_some())
            .map(str::to_string),
        w.strip_suffix("ied").map(|b| format!("{b}y")),
        doubled.map(|b| b[..b.len() - 1].to_string()),
        gerund.map(|b| format!("{b}e")),
        gerund.map(str::to_string),
    ]
    .into_iter()
    .flatten()
}

/// A CAMEO event code: two to four digits.
fn is_event_code(c: &str) -> bool {
    (2..=4).contains(&c.len()) && c.bytes().all(|b| b.is_ascii_digit())
}

impl Unit {
    fn span(&self, ws: &[Word]) -> Span {
        ws[self.start].span.cover(ws[self.end - 1].span)
    }
}

/// What a coded verb is to the sentence's events.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Role {
    /// An event.
    Event,
    /// An infinitive after the coded verb at this index ("wants to attack B"), whose
    /// subject is that verb's: no event unless a transformation makes the two one.
    Infinitive(usize),
    /// A verb with no code ("attempted"), kept for the transformations it governs.
    Silent,
    /// Merged into another by a transformation.
    Gone,
}

/// One coded verb, before it becomes events.
struct Coded {
    /// The verb (word index).
    v: usize,
    /// Source and target units.
    src: usize,
    tgt: Option<usize>,
    /// CAMEO code (a paired code: both halves).
    codes: Vec<String>,
    flags: Flags,
    evidence: Span,
    rule: String,
    specific: bool,
    role: Role,
}

/// An act of violence whose author the text does not name: its source is the weapon.
struct Unclaimed {
    /// The verb (word index).
    v: usize,
    source: actors::Member,
    tgt: usize,
    code: String,
    flags: Flags,
    evidence: Span,
    rule: String,
}

/// What stands where the author of violence would.
enum Weapon {
    /// An actor unit in the weapon's words ("an Israeli air strike").
    Of(usize),
    /// Words `a..b` naming the weapon, no actor among them; `a == b` when nothing does.
    Words(usize, usize),
}

/// Nouns naming a weapon or an attack, which may stand where the author of violence would
/// ("a car bomb killed", "was killed in an air strike").
const WEAPONS: &[&str] = &[
    "airstrike",
    "ambush",
    "artillery",
    "attack",
    "barrage",
    "blast",
    "bomb",
    "bombardment",
    "bombing",
    "bullet",
    "car-bomb",
    "crossfire",
    "drone",
    "explosion",
    "explosive",
    "gunfire",
    "grenade",
    "ied",
    "landmine",
    "mine",
    "missile",
    "mortar",
    "raid",
    "rocket",
    "shell",
    "shelling",
    "shooting",
    "shot",
    // Fighting whose sides the sentence does not name ("were killed in clashes").
    "battle",
    "clash",
    "combat",
    "crackdown",
    "firefight",
    "fighting",
    "gunbattle",
    "riot",
    "shootout",
    "skirmish",
    "unrest",
    "violence",
];

/// Verbs of bodily violence and of custody, whose passive is an event even when nobody is
/// named as its author ("two protesters were killed", "three journalists were arrested",
/// "the hostages were freed"). (Not "hit", "hurt", "target": as often a market's.)
const UNNAMED: &[&str] = &[
    "abduct",
    "assassinate",
    "behead",
    "execute",
    "injure",
    "kidnap",
    "kill",
    "lynch",
    "maim",
    "massacre",
    "murder",
    "rape",
    "shoot",
    "slaughter",
    "slay",
    "stab",
    "torture",
    "wound",
    "arrest",
    "detain",
    "imprison",
    "jail",
    "deport",
    "release",
    "free",
];

/// Applies the dictionary's transformations: an event whose verb governs another's becomes
/// one event with the other ("The US claimed that ISIL had attacked Iraq" → an accusation of
/// ISIL, with PETRARCH's `~ a (b . ATTACK) CLAIM = a b 112`). The first rule that fits a
/// pair wins; each governing event is transformed once.
fn transform(ctx: &Ctx, dict: &CompiledDict, coded: &mut [Coded]) {
    use herald_dict::transform::{Slot, VerbRef};
    if dict.transforms.is_empty() {
        return;
    }
    let same = |a: usize, b: usize| {
        let codes = |u: usize| {
            let mut c: Vec<&str> = ctx.units[u]
                .members
                .iter()
                .map(|m| m.code.as_str())
                .collect();
            c.sort_unstable();
            c
        };
        a == b || codes(a) == codes(b)
    };
    for li in 0..coded.len() {
        let lower = &coded[li];
        if matches!(lower.role, Role::Silent | Role::Gone) {
            continue;
        }
        let up = match lower.role {
            Role::Infinitive(up) => Some(up),
            _ => coded.iter().position(|u| {
                u.v != lower.v
                    && matches!(u.role, Role::Event | Role::Silent)
                    && (ctx.reporting_verb(lower.v, |k| k == u.v).is_some()
                        || ctx.complement_of(lower.v) == Some(u.v))
            }),
        };
        let Some(up) = up.filter(|&u| matches!(coded[u].role, Role::Event | Role::Silent)) else {
            continue;
        };
        let upper = &coded[up];
        let code_of = |c: &Coded| c.codes.first().cloned().unwrap_or_default();
        // An infinitive's subject is the governing verb's: PETRARCH's `_`.
        let absent = matches!(lower.role, Role::Infinitive(_))
            || lower.v > 0 && ctx.lower[lower.v - 1] == "to";
        let fired = dict.transforms.iter().find_map(|t| {
            let r = &t.rule;
            if !t.upper.matches(&code_of(upper), &ctx.ws[upper.v].lemma)
                || !t.lower.matches(&code_of(lower), &ctx.ws[lower.v].lemma)
            {
                return None;
            }
            // Letters bound so far; a lower target's letter binds to no target too ("The
            // Taliban claimed they had attacked": `a (a b ATTACK) CLAIM` with no b).
            let mut bound: Vec<(char, Option<usize>)> = Vec::new();
            let mut bind = |slot: Slot, unit: Option<usize>, absent: bool| match slot {
                Slot::Absent => absent || unit.is_none(),
                Slot::Any => !absent,
                Slot::Var(x) => {
                    let same = |b: Option<usize>| match (b, unit) {
                        (Some(b), Some(u)) => same(b, u),
                        _ => false,
                    };
                    if absent {
                        false
                    } else if let Some(&(_, b)) = bound.iter().find(|(y, _)| *y == x) {
                        same(b)
                    } else if bound.iter().any(|&(_, b)| same(b)) {
                        // Different letters are different actors.
                        false
                    } else {
                        bound.push((x, unit));
                        true
                    }
                }
            };
            let fits = bind(r.upper_source, Some(upper.src), false)
                && bind(r.lower_source, Some(lower.src), absent)
                && (r.lower_target == Slot::Any || bind(r.lower_target, lower.tgt, false));
            if !fits {
                return None;
            }
            let unit = |s: Slot| match s {
                Slot::Var(x) => bound.iter().find(|(y, _)| *y == x).and_then(|&(_, u)| u),
                _ => None,
            };
            let src = unit(r.source)?;
            let codes = match &r.code {
                VerbRef::Code(c) => vec![c.clone()],
                _ => lower.codes.clone(),
            };
            Some((src, unit(r.target), codes, t.line))
        });
        // With no rule, PETRARCH's combination of the two codes: what an actor intends
        // (`030`: "want", "pledge") to do is coded as the deed ("pledged to expel the
        // leaders" → 174, "want to re-examine the refineries" → 090), as its validation
        // records code them. herald's own lexicon makes it an intent or threat instead
        // (`intends`), before this point.
        let combined = || {
            (matches!(lower.role, Role::Infinitive(_))
                && !dict.follows_codebook()
                && code_of(upper) == "030")
                .then(|| {
                    (
                        upper.src,
                        lower.tgt.or(upper.tgt),
                        lower.codes.clone(),
                        None,
                    )
                })
        };
        let Some((src, tgt, codes, line)) = fired
            .map(|(s, t, c, l)| (s, t, c, Some(l)))
            .or_else(combined)
        else {
            continue;
        };
        let (evidence, flags) = (lower.evidence, upper.flags);
        let lower_rule = lower.rule.clone();
        let upper = &mut coded[up];
        upper.src = src;
        upper.tgt = tgt.filter(|&t| t != src);
        upper.specific = true;
        upper.codes = codes;
        upper.flags = Flags {
            reported: false,
            ..flags
        };
        upper.evidence = upper.evidence.cover(evidence);
        match line {
            Some(line) => upper
                .rule
                .push_str(&format!(" + transformation line {line}")),
            None => upper
                .rule
                .push_str(&format!(" + combined with {lower_rule}")),
        }
        upper.role = Role::Event;
        coded[li].role = Role::Gone;
    }
    for c in coded.iter_mut() {
        if matches!(c.role, Role::Infinitive(_) | Role::Silent) {
            c.role = Role::Gone;
        }
    }
}

#[derive(Clone, Copy, Debug, Default)]
struct Flags {
    negated: bool,
    hedged: bool,
    reported: bool,
}

#[allow(clippy::too_many_arguments)]
fn make_event(
    text: &str,
    sentence: usize,
    date: Option<chrono::NaiveDate>,
    s: &actors::Member,
    t: Option<&actors::Member>,
    code: &str,
    flags: Flags,
    evidence: Span,
    rule: &str,
) -> Event {
    let actor = |m: &actors::Member| ActorRef {
        code: m.code.clone(),
        text: m.span.get(text).unwrap_or("").to_string(),
        span: m.span,
    };
    let info = ontology::info(code);
    Event {
        id: String::new(),
        sentence,
        date,
        date_text: None,
        source: actor(s),
        target: t.map(actor),
        cameo: code.to_string(),
        root: ontology::root(code).to_string(),
        goldstein: info.map_or(0.0, |i| i.goldstein),
        quad_class: ontology::quad_class(code).unwrap_or(0),
        plover: info.and_then(|i| {
            i.plover_type.map(|k| Plover {
                kind: k.to_string(),
                mode: i.plover_mode.map(str::to_string),
            })
        }),
        place: None,
        negated: flags.negated,
        hedged: flags.hedged,
        reported: flags.reported,
        evidence,
        rule: rule.to_string(),
    }
}

struct Ctx<'a> {
    ws: &'a [Word],
    lower: &'a [&'a str],
    units: &'a [Unit],
    sentence: &'a Sentence,
    #[allow(dead_code)]
    text: &'a str,
    /// By token: the token has a subject (`nsubj…`) among its children.
    subject_heads: &'a [bool],
}

struct Match<'d> {
    pattern: &'d Pattern,
    source: Option<usize>,
    target: Option<usize>,
    words: Vec<usize>,
    /// The pattern named a compound subject (`%` before the verb): its members act on each
    /// other, and no target is looked for.
    compound: bool,
}

/// The most specific pattern of `ids` matching around verb word `v`.
fn best_match<'d>(ctx: &Ctx, dict: &'d CompiledDict, ids: &[usize], v: usize) -> Option<Match<'d>> {
    let mut best: Option<Match> = None;
    let passive_subject = ctx.passive_subject(v);
    for &id in ids {
        let p = &dict.patterns[id];
        // A pattern whose code is no CAMEO code ("[+++]", a dictionary's placeholder) gives
        // way to the others rather than silence the verb.
        if !p.code.is_empty() && !p.code.split(':').all(is_event_code) {
            continue;
        }
        // "Evidence against Russia was presented by the US": a passive's subject holds what
        // the pattern seeks after the verb.
        let inverted = || {
            let region = passive_subject?;
            (p.pre.is_empty() && p.post.iter().any(|i| matches!(i, Item::Words(_))))
                .then(|| match_pattern_in(ctx, p, v, region))
                .flatten()
        };
        let Some(m) = match_pattern(ctx, p, v).or_else(inverted) else {
            continue;
        };
        // The more specific pattern wins. Between patterns as specific, the one whose words
        // the verb governs, then the one whose words are nearer: "reduced military aid to the
        // Colombian army" is aid reduced, not an army; "cancelled a planned visit" a visit
        // called off, not a plan. (The same pattern written twice with two codes: the later
        // line wins, as a PETRARCH dictionary overwrites it.)
        let better = match &best {
            None => true,
            Some(b) => match p.specificity().cmp(&b.pattern.specificity()) {
                std::cmp::Ordering::Greater => true,
                std::cmp::Ordering::Less => false,
                std::cmp::Ordering::Equal => {
                    p.text == b.pattern.text || ctx.closeness(&m, v) > ctx.closeness(b, v)
                }
            },
        };
        if better {
            best = Some(m);
        }
    }
    best
}

const MAX_GAP: usize = 8;

/// The number of the sentence's words that `phrase` matches from word `j`. A hyphenated
/// pattern word matches one word or, as UD tokenises it, the parts and hyphens ("cease-fire"
/// is "cease", "-", "fire").
fn phrase_at(ctx: &Ctx, phrase: &[String], j: usize) -> Option<usize> {
    let mut at = j;
    for w in phrase {
        let x = ctx.ws.get(at)?;
        if word_matches(x, w) {
            at += 1;
            continue;
        }
        if !w.contains('-') || w.starts_with('-') || w.ends_with('-') {
            return None;
        }
        for (k, part) in w.split('-').enumerate() {
            if k > 0 {
                (ctx.ws.get(at)?.lower == "-").then_some(())?;
                at += 1;
            }
            word_matches(ctx.ws.get(at)?, part).then_some(())?;
            at += 1;
        }
    }
    Some(at - j)
}

/// A pattern word (a lemma) matches the text's word, its lemma, or its regular plural: the
/// lemmatizer keeps some plurals whole ("troops"), and a pattern should not miss them.
fn word_matches(x: &actors::Word, w: &str) -> bool {
    // ("called for comments by March 31": a month is no march.)
    if x.cap && matches!(w, "march" | "may") && x.upos == Some(Upos::Propn) {
        return false;
    }
    if x.lower == w || !x.lemma.is_empty() && x.lemma == w {
        return true;
    }
    let l = x.lower.as_str();
    l.len() > w.len()
        && l.starts_with(w)
        && match &l[w.len()..] {
            "s" => !w.ends_with('s'),
            "es" => w.ends_with(['s', 'x', 'z', 'h', 'o']),
            _ => false,
        }
        || l.strip_suffix("ies")
            .is_some_and(|stem| w.strip_suffix('y') == Some(stem))
}

fn match_pattern<'d>(ctx: &Ctx, p: &'d Pattern, v: usize) -> Option<Match<'d>> {
    match_pattern_in(ctx, p, v, (v + 1, ctx.ws.len()))
}

/// [`match_pattern`] with the items after the verb sought in the words `region` (from, to)
/// rather than after the verb: a passive's subject (`passive_subject`).
fn match_pattern_in<'d>(
    ctx: &Ctx,
    p: &'d Pattern,
    v: usize,
    region: (usize, usize),
) -> Option<Match<'d>> {
    let mut m = Match {
        pattern: p,
        source: None,
        target: None,
        words: Vec::new(),
        compound: false,
    };
    let compound = |u: usize| {
        let ms = &ctx.units[u].members;
        ms.iter().any(|m| m.code != ms[0].code)
    };
    // After the verb, left to right.
    let (mut pos, limit) = region;
    let clause_end = (v + 1..ctx.ws.len())
        .find(|&k| ctx.has_subject(k))
        .unwrap_or(ctx.ws.len());
    // A target is not sought past a comma opening a subordinate or relative clause
    // ("condemned the attack, while Prime Minister Abe stated …": Abe is not condemned).
    let subordinate = (v + 2..ctx.ws.len())
        .find(|&k| ctx.ws[k - 1].punct && ctx.opens_clause(k))
        .unwrap_or(ctx.ws.len());
    let own = ctx.participle(v);
    // The item just read was `_`: the next must touch the one before.
    let mut tight = false;
    let gap = |tight: bool| if tight { 1 } else { MAX_GAP };
    for (i, item) in p.post.iter().enumerate() {
        let touch = std::mem::take(&mut tight);
        match item {
            Item::Adjacent => tight = true,
            Item::Words(alts) => {
                // (Not the verb of a clause of its own: in "claimed that ISIL had attacked
                // Iraq" the claim is no "claim … attack".)
                // Nor a word past such a verb: "announced it would prohibit all aid" is no
                // "announce … aid".
                // (Nor the speaker of a reporting tail: "killed eight people, officials say"
                // is no "kill … official".)
                let tail = |j: usize| {
                    ctx.in_unit(j).is_some_and(|u| {
                        let u = &ctx.units[u];
                        u.start > 0 && ctx.ws[u.start - 1].punct && ctx.reporting_subject(u)
                    })
                };
                let (j, len) =
                    (pos..(pos + gap(touch)).min(clause_end).min(limit)).find_map(|j| {
                        if tail(j) {
                            return None;
                        }
                        alts.iter()
                            .find_map(|a| phrase_at(ctx, a, j))
                            .map(|len| (j, len))
                    })?;
                m.words.extend(j..j + len);
                pos = j + len;
            }
            Item::Target | Item::Source => {
                // Not past an infinitive right after the verb: "seek to destabilise Central
                // Asia" is no appeal to Central Asia.
                let u = ctx.units.iter().position(|u| {
                    u.start >= pos
                        && u.start < pos + gap(touch)
                        && u.end <= limit
                        && (u.start < subordinate || limit < ctx.ws.len())
                        && (!own || (u.start..u.end).any(|k| ctx.governs(v, k)))
                        // (Nor the speaker of a reporting tail: "…, Gondor's minister said".)
                        && !(*item == Item::Target
                            && u.start > 0
                            && ctx.ws[u.start - 1].punct
                            && ctx.reporting_subject(u))
                        // (Nor past a gerund after the pattern's words: in "warned NATO
                        // against deploying troops", the troops are not warned against.)
                        && !(pos > v + 1
                            && (pos..u.start).any(|k| {
                                ctx.ws[k].upos == Some(Upos::Verb) && ctx.lower[k].ends_with("ing")
                            }))
                });
                // ("Two policemen were wounded": a passive's target is its subject, so a
                // pattern's last `+` may go unfilled after the verb.)
                let Some(u) = u else {
                    if *item == Item::Target && i + 1 == p.post.len() && ctx.passive(v) {
                        continue;
                    }
                    return None;
                };
                if pos == v + 1
                    && ctx.lower.get(pos) == Some(&"to")
                    && ctx.ws[pos + 1..]
                        .iter()
                        .find(|w| !w.punct)
                        .is_some_and(|w| w.upos == Some(Upos::Verb))
                {
                    return None;
                }
                if *item == Item::Target {
                    m.target = Some(u);
                } else {
                    m.source = Some(u);
                }
                pos = ctx.units[u].end;
            }
            Item::Compound => {
                let u = ctx
                    .units
                    .iter()
                    .position(|u| u.start >= pos && u.start < pos + gap(touch))
                    .filter(|&u| compound(u))?;
                m.target = Some(u);
                pos = ctx.units[u].end;
            }
            Item::Skip => pos = ctx.skip_phrase(pos)?,
        }
    }
    // Before the verb, right to left.
    let mut end = v;
    for item in p.pre.iter().rev() {
        let touch = std::mem::take(&mut tight);
        match item {
            Item::Adjacent => tight = true,
            Item::Words(alts) => {
                let lo = end.saturating_sub(MAX_GAP);
                let fits = |j: usize, len: usize| {
                    if touch {
                        j + len == end
                    } else {
                        j + len <= end
                    }
                };
                // ("were they in force this year, would have left Britain": a word before
                // the verb names the doer, never the object of a preposition.)
                // (But "hundreds of British troops arrived" are the troops.)
                let governed = |j: usize, len: usize| {
                    let t = ctx.ws[j + len - 1].tok;
                    let counted = ctx
                        .sentence
                        .head_of(t)
                        .is_some_and(|h| COUNTS.contains(&ctx.sentence.tokens[h].lemma.as_str()));
                    ctx.parsed()
                        && !counted
                        && ctx
                            .sentence
                            .children(t)
                            .any(|c| ctx.sentence.tokens[c].deprel == "case")
                };
                let (j, len) = (lo..end).rev().find_map(|j| {
                    alts.iter()
                        .find_map(|a| {
                            phrase_at(ctx, a, j).filter(|&len| fits(j, len) && !governed(j, len))
                        })
                        .map(|len| (j, len))
                })?;
                m.words.extend(j..j + len);
                end = j;
            }
            Item::Target | Item::Source => {
                let u = ctx
                    .units
                    .iter()
                    .rposition(|u| u.end <= end && u.end + gap(touch) > end)?;
                if *item == Item::Target {
                    m.target = Some(u);
                } else {
                    m.source = Some(u);
                }
                end = ctx.units[u].start;
            }
            Item::Compound => {
                let u = ctx
                    .units
                    .iter()
                    .rposition(|u| u.end <= end && u.end + gap(touch) > end)
                    .filter(|&u| compound(u))?;
                m.source = Some(u);
                m.compound = true;
                end = ctx.units[u].start;
            }
            Item::Skip => end = ctx.skip_phrase_back(end)?,
        }
    }
    Some(m)
}

impl Ctx<'_> {
    /// How closely a match's words hang on verb word `v`: how many of the words after it the
    /// verb governs (what was done says more than who did it: "troops attacked the village"
    /// is an attack on a village before it is an attack by troops), then how many in all,
    /// then how many are no adjective modifying another word (a parse that misses the
    /// object still shows "planned" only qualifies a visit), then how near the farthest is
    /// (nearer is more).
    fn closeness(
        &self,
        m: &Match<'_>,
        v: usize,
    ) -> (usize, usize, usize, std::cmp::Reverse<usize>) {
        let vt = self.ws[v].tok;
        let governs = |w: usize| self.sentence.tokens[self.ws[w].tok].head == vt + 1;
        let words: Vec<usize> = m.words.iter().copied().filter(|&w| w != v).collect();
        let after = words.iter().filter(|&&w| w > v && governs(w)).count();
        let heads = words
            .iter()
            .filter(|&&w| self.sentence.tokens[self.ws[w].tok].deprel != "amod")
            .count();
        let all = words.iter().filter(|&&w| governs(w)).count();
        let far = words.iter().map(|&w| w.abs_diff(v)).max().unwrap_or(0);
        (after, heads, all, std::cmp::Reverse(far))
    }

    fn in_unit(&self, i: usize) -> Option<usize> {
        self.units.iter().position(|u| u.start <= i && i < u.end)
    }

    /// Words `a..b` naming the weapon of violent verb `v` (CAMEO 18, 19, 20, 175, 1712) that has no
    /// author: its subject ("A roadside bomb killed", "the blast wounded"; a verb joined by
    /// "and" shares it) or, for a passive, its "in" / "by" phrase ("was killed in a car bomb
    /// explosion", "wounded by shrapnel"). "Strike" and "fire" need a word saying which
    /// ("air strike", "rocket fire"), as "device" does ("explosive device").
    fn weapon(&self, v: usize, passive: bool, code: &str) -> Option<Weapon> {
        let violent = matches!(code.get(..2), Some("18" | "19" | "20"))
            || code.starts_with("175")
            || code.starts_with("1712");
        let unnamed = passive && UNNAMED.contains(&self.ws[v].lemma.as_str());
        if !(violent || unnamed) || !self.parsed() {
            return None;
        }
        let s = self.sentence;
        let t = self.ws[v].tok;
        let candidates: Vec<usize> = if passive {
            s.children(t)
                .filter(|&c| {
                    s.tokens[c].deprel.starts_with("obl")
                        && s.children(c).any(|k| {
                            s.tokens[k].deprel == "case"
                                && matches!(s.tokens[k].lemma.as_str(), "in" | "by")
                        })
                })
                .collect()
        } else {
            let own = |t: usize| -> Vec<usize> {
                s.children(t)
                    .filter(|&c| s.tokens[c].deprel == "nsubj")
                    .collect()
            };
            let mut c = own(t);
            if c.is_empty() && s.tokens[t].deprel == "conj" && s.tokens[t].head > 0 {
                c = own(s.tokens[t].head - 1);
            }
            c
        };
        // (Only violence has a weapon; custody has none.)
        let candidates = if violent { candidates } else { Vec::new() };
        let found = candidates.into_iter().find_map(|c| {
            let k = self.word_of(c)?;
            let lemma = self.ws[k].lemma.as_str();
            let mods: Vec<usize> = s
                .children(c)
                .filter(|&d| {
                    d < c
                        && matches!(
                            s.tokens[d].deprel.as_str(),
                            "det" | "amod" | "compound" | "nummod"
                        )
                })
                .collect();
            let modifier = |ws: &[&str]| {
                mods.iter()
                    .any(|&d| ws.contains(&s.tokens[d].lemma.as_str()))
            };
            let named = match lemma {
                "strike" => modifier(&["air", "drone", "missile", "rocket", "artillery", "aerial"]),
                "fire" | "firing" => {
                    modifier(&[
                        "rocket",
                        "artillery",
                        "mortar",
                        "tank",
                        "sniper",
                        "machine-gun",
                    ]) || mods
                        .iter()
                        .any(|&d| self.word_of(d).is_some_and(|k| self.in_unit(k).is_some()))
                }
                "device" => modifier(&["explosive", "incendiary"]),
                l => WEAPONS.contains(&l),
            };
            if !named || self.in_unit(k).is_some() {
                return None;
            }
            let first = mods
                .iter()
                .filter_map(|&d| self.word_of(d))
                .min()
                .unwrap_or(k);
            Some((first, k + 1))
        });
        // ("killed in an Israeli air strike", "in police firing": the weapon's owner is
        // the author.)
        if let Some((a, b)) = found
            && let Some(u) = (a..b).find_map(|k| self.in_unit(k))
        {
            return Some(Weapon::Of(u));
        }
        let found = found.map(|(a, b)| Weapon::Words(a, b));
        // A passive with no agent and no weapon: the author is not named at all (an empty
        // range at the verb). Only for verbs that say violence in any register ("was hit",
        // "were hurt" are as often a market's).
        // (Not when a "by" phrase names someone the dictionaries do not know: "shot down by
        // others in the administration".)
        let agent = s.children(t).any(|c| s.tokens[c].deprel == "obl:agent")
            || self.lower.get(v + 1).is_some_and(|w| *w == "by");
        found.or_else(|| (unnamed && !agent).then_some(Weapon::Words(v, v)))
    }

    /// The word that token `tok` became, when it became one.
    fn word_of(&self, tok: usize) -> Option<usize> {
        self.ws.iter().position(|w| w.tok == tok)
    }

    fn parsed(&self) -> bool {
        self.sentence.tokens.iter().any(|t| !t.deprel.is_empty())
    }

    /// "after the museum shooting last week", "the embassy bombing killed 12": a gerund
    /// closing a noun phrase that a determiner opens, with no object or subject of its own,
    /// names the event; it is no verb.
    fn compound_gerund(&self, v: usize) -> bool {
        if v < 2 || !self.lower[v].ends_with("ing") || !self.parsed() {
            return false;
        }
        let t = self.ws[v].tok;
        if self.sentence.children(t).any(|c| {
            let r = self.sentence.tokens[c].deprel.as_str();
            r == "obj" || r.starts_with("nsubj") || r == "ccomp" || r == "xcomp"
        }) || self.ws.get(v + 1).is_some_and(|w| {
            // ("a cargo plane flying from Karachi": a participle of its own.)
            matches!(
                w.upos,
                Some(Upos::Det | Upos::Pron | Upos::Propn | Upos::Adp | Upos::Part)
            )
        }) {
            return false;
        }
        let mut k = v - 1;
        if self.ws[k].upos != Some(Upos::Noun) {
            return false;
        }
        while k > 0 && matches!(self.ws[k].upos, Some(Upos::Noun | Upos::Propn | Upos::Adj)) {
            k -= 1;
        }
        self.ws[k].upos == Some(Upos::Det)
    }

    /// Word `v` is a past participle right after a verb, modifying the noun after it.
    fn attributive_participle(&self, v: usize) -> bool {
        v > 0
            && self.ws[v - 1].upos == Some(Upos::Verb)
            && self.parsed()
            && self.sentence.tokens[self.ws[v].tok].deprel == "amod"
            && self.sentence.tokens[self.ws[v].tok].xpos == "VBN"
    }

    /// Whether word `v` is used as a verb here (tags when present, else its neighbours).
    fn looks_verbal(&self, v: usize) -> bool {
        // "Qaeda-linked", "Russian-backed", "state-run": the second half of a hyphenated
        // modifier.
        if v > 1 && self.lower[v - 1] == "-" && self.ws[v - 1].span.end == self.ws[v].span.start {
            return false;
        }
        if let Some(u) = self.ws[v].upos {
            // ("the occupied territories": an adjective.)
            let attributive =
                v > 0 && matches!(self.ws[v - 1].upos, Some(Upos::Det | Upos::Adp | Upos::Num));
            // ("the detained leaders", "an estimated 2,000": a participle between a determiner
            // and its noun or number.)
            let modifier = attributive
                && self.parsed()
                && self.sentence.tokens[self.ws[v].tok].xpos == "VBN"
                && self
                    .ws
                    .get(v + 1)
                    .is_some_and(|w| matches!(w.upos, Some(Upos::Noun | Upos::Propn | Upos::Num)));
            return matches!(u, Upos::Verb) && !modifier && !self.compound_gerund(v)
                || u == Upos::Adj && self.lower[v].ends_with("ed") && !attributive;
        }
        if v == 0 {
            return true;
        }
        let prev = self.lower[v - 1];
        if DETS.contains(&prev) || PREPS.contains(&prev) || prev.chars().all(|c| c.is_ascii_digit())
        {
            return false;
        }
        // "a further show": determiner two words back with an adjective between.
        if v >= 2
            && DETS.contains(&self.lower[v - 2])
            && !self.ws[v - 1].punct
            && !matches!(prev, "not" | "n't" | "also")
        {
            return false;
        }
        true
    }

    /// The lemma of word `v` read as a past tense, when the tagger took it for a noun or an
    /// adjective right after an actor, before any verb, and a determiner, name, number or
    /// pronoun follows: "Israeli military struck a target", "The Syrian army seized all three
    /// stations"; or after any noun in a sentence with no verb tagged at all. (A plural or a
    /// word the past-tense reading leaves alone is no verb.)
    fn past_tense(&self, v: usize) -> Option<String> {
        let w = &self.ws[v];
        if !matches!(w.upos, Some(Upos::Noun | Upos::Adj))
            || w.lower.ends_with('s')
            || self.verb_before(v)
        {
            return None;
        }
        // In a sentence the tagger found no verb in at all, after any noun ("the new mayor
        // left yesterday for Minas Tirith"); else right after an actor and before a noun
        // phrase of its own.
        let verbless = v > 0
            && matches!(self.ws[v - 1].upos, Some(Upos::Noun | Upos::Propn))
            && !self.ws[v..]
                .iter()
                .any(|w| matches!(w.upos, Some(Upos::Verb | Upos::Aux)));
        if !verbless {
            if !self.units.iter().any(|u| u.end == v) {
                return None;
            }
            let next = self.ws.get(v + 1)?;
            if !matches!(
                next.upos,
                Some(Upos::Det | Upos::Propn | Upos::Num | Upos::Pron)
            ) {
                return None;
            }
        }
        let lemma = herald_nlp::Models::embedded()
            .lemmatizer
            .lemma(&w.lower, "VBD");
        // (In a verbless sentence a past tense that is its own lemma counts too: "Jewish
        // settlers set fire to the offices".)
        (lemma != w.lower || verbless).then_some(lemma)
    }

    /// "Saudi Arabia lifts blockade of Qatar", "Myanmar president calls for reform": a word
    /// tagged as a plural noun right after an actor, in a sentence whose parse has no verb at
    /// its root and no verb before the word, is a headline's present tense. Returns the stem
    /// to look up ("lifts" → "lift", "pushes" → "push").
    /// ("Fornost and Gondor welcome a resumption of ties": "welcome" tagged as an
    /// interjection right after an actor is the verb, whatever stands at the root.)
    fn headline_verb(&self, v: usize) -> Option<&str> {
        let w = self.lower[v];
        let after_actor = self.units.iter().any(|u| u.end == v) && !self.verb_before(v);
        if self.ws[v].upos == Some(Upos::Intj) && after_actor {
            return Some(w);
        }
        if self.ws[v].upos != Some(Upos::Noun)
            || !w.ends_with('s')
            || w.ends_with("ss")
            || !after_actor
            || !self.parsed()
        {
            return None;
        }
        // With a verb at the root, only a "noun" the parse hangs a clause on ("The US
        // military trains Iraqi pilots, Roberts said": `ccomp`) is read as the verb.
        let rel = self.sentence.tokens[self.ws[v].tok].deprel.as_str();
        if self.root_verb().is_some() && !matches!(rel, "ccomp" | "parataxis" | "advcl") {
            return None;
        }
        let stem = w.strip_suffix("es").filter(|s| {
            s.ends_with("sh") || s.ends_with("ch") || s.ends_with('x') || s.ends_with("ss")
        });
        Some(stem.unwrap_or(&w[..w.len() - 1]))
    }

    /// "a militia called the Liberation Movement": a participle that names the noun before
    /// it is not an event ("called" is no phone call).
    fn naming(&self, v: usize) -> bool {
        let w = self.lower[v];
        if !matches!(
            w,
            "called" | "named" | "dubbed" | "titled" | "labelled" | "labeled"
        ) {
            return false;
        }
        // ("The United Nations called for a ceasefire": a phrasal verb names nothing, even when
        // the parse hangs it on the name.)
        if matches!(
            self.lower.get(v + 1).copied(),
            Some("for" | "on" | "upon" | "off" | "in" | "out" | "back")
        ) {
            return false;
        }
        if self.parsed() {
            return self.sentence.tokens[self.ws[v].tok]
                .deprel
                .starts_with("acl");
        }
        v > 0 && matches!(self.ws[v - 1].upos, Some(Upos::Noun))
    }

    /// Passive voice: a participle after a form of "be", or one that modifies a noun
    /// ("victims killed by the crash").
    fn passive(&self, v: usize) -> bool {
        // ("Serb forces were engaged in ethnic cleansing": a state the subject is in, done by
        // the subject.)
        if matches!(self.lower[v], "engaged" | "involved") && self.lower.get(v + 1) == Some(&"in") {
            return false;
        }
        if self.parsed() {
            let t = self.ws[v].tok;
            // (A passive subject beside an active one and no passive auxiliary is the parse's
            // slip: "Indonesia has established ties …, in what the government said is an
            // effort" is active.)
            let own = |t: usize| {
                let rel = |r: &str| {
                    self.sentence
                        .children(t)
                        .any(|c| self.sentence.tokens[c].deprel == r)
                };
                rel("aux:pass") || rel("nsubj:pass") && !rel("nsubj")
            };
            // ("were tortured and killed": a participle joined to a passive shares its voice.)
            let tok = &self.sentence.tokens[t];
            let shared = tok.deprel == "conj"
                && tok.xpos == "VBN"
                && tok.head > 0
                && !self.sentence.children(t).any(|c| {
                    let d = self.sentence.tokens[c].deprel.as_str();
                    d.starts_with("nsubj") || d.starts_with("aux") || d == "obj"
                })
                && own(tok.head - 1);
            return self.reduced_passive(v) || own(t) || shared;
        }
        let w = self.lower[v];
        if !(w.ends_with("ed") || w.ends_with("en") || w.ends_with("wn")) {
            return false;
        }
        let mut k = v;
        while k > 0 {
            k -= 1;
            let p = self.lower[k];
            if BE.contains(&p) {
                return true;
            }
            if !p.ends_with("ly") && !matches!(p, "not" | "also" | "reportedly" | "allegedly") {
                return false;
            }
        }
        false
    }

    /// "victims killed by the crash", "a member of Hamas jailed a year ago": a past participle
    /// that modifies a noun, with no subject or auxiliary of its own, is passive, and the noun
    /// is what was done to.
    fn reduced_passive(&self, v: usize) -> bool {
        let t = self.ws[v].tok;
        let tok = &self.sentence.tokens[t];
        // (Unless the participle follows the noun phrase that opens the sentence, no agent
        // follows, and the only other verbs report the sentence or hang on it: in "Prisoners
        // rioted at a jail …, local sources said" the parse missed the main verb.)
        let agent = self.lower.get(v + 1) == Some(&"by");
        let opens = !self.ws[..v]
            .iter()
            .any(|w| w.punct || w.upos == Some(Upos::Verb));
        let other_verb = !opens
            || (0..self.ws.len()).any(|k| {
                k != v
                    && matches!(self.ws[k].upos, Some(Upos::Verb))
                    && !SAY.contains(&self.lower[k])
                    && !self.lower[k].ends_with("ing")
            });
        tok.deprel == "acl"
            && tok.xpos == "VBN"
            && self.main_verb_besides(t)
            && (agent || other_verb)
            && !self.sentence.children(t).any(|c| {
                let r = self.sentence.tokens[c].deprel.as_str();
                r.starts_with("nsubj") || r.starts_with("aux") || r == "obj"
            })
    }

    /// The sentence has a main verb other than `t`: a participle on a noun in a sentence
    /// rooted in a noun is often the parse missing that verb ("Ithilen's militia vowed on
    /// Thursday to …", "Hundreds of Kazakh protesters rallied in Almaty").
    fn main_verb_besides(&self, t: usize) -> bool {
        // (The root, or a verb with a subject: "LYON: Interpol has said …" hangs the
        // sentence on the dateline.)
        self.root_verb().is_some_and(|r| r != t)
            || (0..self.ws.len()).any(|k| self.ws[k].tok != t && self.has_subject(k))
    }

    /// The token at the root of the parse, when it is a verb.
    fn root_verb(&self) -> Option<usize> {
        self.sentence
            .tokens
            .iter()
            .position(|k| k.deprel == "root" && matches!(k.upos, Upos::Verb | Upos::Aux))
    }

    /// Word `v` is a gerund right after a preposition ("after leaving Eriador", "before
    /// meeting the envoy") or a comma (", offering support to Lebanon"), with no subject of
    /// its own, or a verb such a gerund governs ("for helping young militants join an armed
    /// group") or is coordinated with (", scaling a pole and unfurling banners").
    fn gerund_adjunct(&self, v: usize) -> bool {
        let t = self.ws[v].tok;
        if self.parsed()
            && matches!(self.sentence.tokens[t].deprel.as_str(), "xcomp" | "conj")
            && let Some(h) = self.sentence.head_of(t)
            && let Some(hv) = self.word_of(h)
            && hv < v
            && self.gerund_adjunct(hv)
        {
            return true;
        }
        v > 0
            && self.ws[v].upos == Some(Upos::Verb)
            && self.lower[v].ends_with("ing")
            && (matches!(self.ws[v - 1].upos, Some(Upos::Adp | Upos::Sconj))
                && self.lower[v - 1] != "to"
                // (", offering further military support": a participle clause after a comma.)
                || self.lower[v - 1] == ",")
            && !self.has_subject(v)
    }

    /// Word `v` is a participle modifying a noun, with no subject of its own ("an
    /// agreement forced on Qatar by Saudi Arabia", "victims killed by the crash"). A past
    /// participle counts only where it reads as a passive: with an object, or in a sentence
    /// with no other main verb, it is the main verb the parse missed ("Egyptian clerics
    /// criticized Qatar").
    fn reduced_relative(&self, v: usize) -> bool {
        let t = self.ws[v].tok;
        self.parsed()
            && self.sentence.tokens[t].deprel.starts_with("acl")
            && !self.has_subject(v)
            && match self.sentence.tokens[t].xpos.as_str() {
                "VBN" => self.reduced_passive(v),
                "VBG" => true,
                _ => false,
            }
    }

    /// A word before `v` is tagged as a verb.
    fn verb_before(&self, v: usize) -> bool {
        self.ws[..v]
            .iter()
            .any(|w| matches!(w.upos, Some(Upos::Verb | Upos::Aux)))
    }

    /// The unit of the noun that the clause of verb `v` modifies: "the group that has seized
    /// Mosul", "troops guarding the border", "victims killed by the crash".
    fn modified(&self, v: usize) -> Option<usize> {
        let t = self.ws[v].tok;
        if !self.sentence.tokens[t].deprel.starts_with("acl") {
            return None;
        }
        self.unit_of_token(self.sentence.head_of(t)?)
    }

    /// True when verb `v` heads a clause with its own subject that a hope or wish governs
    /// ("voiced hope that the new government will help Turkey", "hopes Japan will persuade
    /// Biden to lift sanctions"): wished for by another, neither done nor announced.
    fn hoped_for(&self, v: usize) -> bool {
        if !self.parsed() {
            return false;
        }
        let toks = &self.sentence.tokens;
        let mut t = self.ws[v].tok;
        // ("hopes Japan will persuade Biden to lift sanctions": up to the clause's verb.)
        for _ in 0..3 {
            let rel = toks[t].deprel.as_str();
            if (matches!(rel, "xcomp" | "conj") || rel == "advcl" && self.infinitive(t))
                && toks[t].head > 0
            {
                t = toks[t].head - 1;
            }
        }
        let hope = |k: usize| {
            matches!(
                toks[k].lemma.to_lowercase().as_str(),
                "hope" | "hopeful" | "wish" | "optimism" | "optimistic" | "dream"
            )
        };
        let own_subject = self
            .sentence
            .children(t)
            .any(|c| toks[c].deprel.starts_with("nsubj"));
        if !own_subject || !matches!(toks[t].deprel.as_str(), "ccomp" | "acl" | "acl:relcl") {
            return false;
        }
        // ("expressed hopes the government will change its policy": the hope may be the
        // object of the verb the clause hangs on.)
        let h = toks[t].head;
        h > 0
            && (hope(h - 1)
                || self
                    .sentence
                    .children(h - 1)
                    .any(|c| toks[c].deprel == "obj" && hope(c)))
    }

    /// Start of the clause containing word `v`: after the last subordinator or `;`/`:`.
    fn clause_start(&self, v: usize) -> usize {
        (0..v)
            .rev()
            .find(|&k| {
                SUBORD.contains(&self.lower[k]) && self.in_unit(k).is_none()
                    || matches!(self.lower[k], ";" | ":")
            })
            .map_or(0, |k| k + 1)
    }

    /// The speaker of the reported clause that holds verb `v`: the subject of the statement
    /// verb the clause hangs on ("The US declared that China must …", "… must withdraw,
    /// Russia said"). Needs the parse.
    fn speaker(&self, v: usize) -> Option<usize> {
        self.statement_verb(v).and_then(|k| self.subject(k))
    }

    /// The statement verb (word index) whose reported clause holds verb `v`.
    /// Token `t` heads a "to" infinitive.
    fn infinitive(&self, t: usize) -> bool {
        let toks = &self.sentence.tokens;
        self.sentence
            .children(t)
            .any(|c| toks[c].deprel == "mark" && toks[c].lemma == "to")
    }

    /// An epistemic modal governs `v`'s clause, or the clause `v` is the purpose or open
    /// complement of: "Russia could be behind this video to justify its intervention".
    fn modal_clause(&self, v: usize) -> bool {
        if !self.parsed() {
            return false;
        }
        let toks = &self.sentence.tokens;
        let mut t = self.ws[v].tok;
        for _ in 0..4 {
            if self.sentence.children(t).any(|c| {
                toks[c].deprel == "aux"
                    && matches!(toks[c].lemma.as_str(), "could" | "might" | "may")
                    && toks[c].upos == Upos::Aux
            }) {
                return true;
            }
            let rel = toks[t].deprel.as_str();
            let up = rel == "xcomp" || matches!(rel, "advcl" | "acl") && self.infinitive(t);
            match self.sentence.head_of(t) {
                Some(h) if up => t = h,
                _ => break,
            }
        }
        false
    }

    fn statement_verb(&self, v: usize) -> Option<usize> {
        let statement = |k: usize| {
            SAY.contains(&self.lower[k])
                || matches!(
                    self.ws[k].lemma.as_str(),
                    "say"
                        | "declare"
                        | "announce"
                        | "state"
                        | "insist"
                        | "stress"
                        | "tell"
                        | "conclude"
                        | "warn"
                        | "argue"
                        | "add"
                        | "reiterate"
                        | "remind"
                        | "claim"
                )
        };
        self.reporting_verb(v, statement)
    }

    /// The verb (word index) whose open complement verb `v` is: "attempted" in "attempted
    /// to assassinate".
    fn complement_of(&self, v: usize) -> Option<usize> {
        let t = self.ws[v].tok;
        if !self.parsed() || self.sentence.tokens[t].deprel != "xcomp" {
            return None;
        }
        let h = self.sentence.head_of(t)?;
        self.word_of(h)
    }

    /// The words (from, to) of the subject of passive verb `v` ("Evidence against Russia
    /// was presented …").
    /// The actor passive verb `v` is done to, when an actor's unit holds the head word of its
    /// subject ("two policemen were wounded"; not "an Egyptian sarcophagus was returned"),
    /// of the subject of the verb it is joined to ("were tortured and killed"), or of the
    /// noun its clause describes ("farmers who were killed", "a soldier killed in action").
    fn passive_target(&self, v: usize) -> Option<usize> {
        if !self.parsed() {
            return None;
        }
        let s = self.sentence;
        // (A relative pronoun stands for the noun before it: "Qatar, which has been
        // isolated".)
        let subject = |v: usize| {
            let k = s
                .children(self.ws[v].tok)
                .find(|&c| s.tokens[c].deprel.starts_with("nsubj"))
                .and_then(|t| self.word_of(t))?;
            self.in_unit(k)
                .or_else(|| {
                    matches!(self.lower[k], "who" | "which" | "that")
                        .then(|| self.subject(v))
                        .flatten()
                })
                // ("Hundreds of political prisoners have been released": the prisoners.)
                .or_else(|| {
                    COUNTS.contains(&self.lower[k]).then_some(())?;
                    s.children(self.ws[k].tok)
                        .filter(|&c| s.tokens[c].deprel == "nmod")
                        .find_map(|c| self.word_of(c).and_then(|j| self.in_unit(j)))
                })
        };
        subject(v)
            .or_else(|| self.conjoined_to(v).and_then(subject))
            .or_else(|| {
                let t = self.ws[v].tok;
                if !s.tokens[t].deprel.starts_with("acl") {
                    return None;
                }
                s.head_of(t)
                    .and_then(|t| self.word_of(t))
                    .and_then(|k| self.in_unit(k))
            })
    }

    /// Verb `v` heads a clause that modifies a noun ("a soldier killed in Afghanistan",
    /// "farmers who were killed").
    fn describes_noun(&self, v: usize) -> bool {
        self.parsed()
            && self.sentence.tokens[self.ws[v].tok]
                .deprel
                .starts_with("acl")
    }

    /// Verb `k` is joined to verb `v` by a conjunction ("tortured and killed").
    fn conjunct_of(&self, k: usize, v: usize) -> bool {
        self.conjoined_to(k) == Some(v)
    }

    /// The verb that verb `v` is joined to by a conjunction, when the parse says so.
    fn conjoined_to(&self, v: usize) -> Option<usize> {
        let t = &self.sentence.tokens[self.ws[v].tok];
        if !self.parsed() || t.deprel != "conj" || t.head == 0 {
            return None;
        }
        self.word_of(t.head - 1)
    }

    fn passive_subject(&self, v: usize) -> Option<(usize, usize)> {
        if !self.parsed() {
            return None;
        }
        let t = self.ws[v].tok;
        let subj = self
            .sentence
            .children(t)
            .find(|&c| self.sentence.tokens[c].deprel.starts_with("nsubj:pass"))?;
        let s = self.word_of(subj)?;
        let inside = |k: usize| k == s || self.governs(s, k);
        let from = (0..s).rev().take_while(|&k| inside(k)).last().unwrap_or(s);
        let to = (s + 1..v)
            .take_while(|&k| inside(k))
            .last()
            .map_or(s + 1, |k| k + 1);
        Some((from, to))
    }

    /// Where the clause of verb `v` ends: at a subordinator or relative pronoun outside an
    /// actor's name, or at the next verb with a subject of its own.
    fn clause_end_after(&self, v: usize) -> usize {
        (v + 1..self.ws.len())
            .find(|&k| self.opens_clause(k) || self.has_subject(k))
            .unwrap_or(self.ws.len())
    }

    /// Verb `v` is a gerund right after one of `preps`, with a word of lemma in `lemmas` in
    /// the eight words before ("barred aid agencies from providing", "arrested for
    /// collaborating").
    fn gerund_after(&self, v: usize, preps: &[&str], lemmas: &[&str]) -> bool {
        v >= 2
            && self.lower[v].ends_with("ing")
            && preps.contains(&self.lower[v - 1])
            && (v.saturating_sub(8)..v - 1).any(|k| lemmas.contains(&self.ws[k].lemma.as_str()))
    }

    /// Word `k` opens a subordinate or relative clause (outside an actor's name).
    fn opens_clause(&self, k: usize) -> bool {
        (CLAUSE.contains(&self.lower[k]) || self.relative_pronoun(k)) && self.in_unit(k).is_none()
    }

    /// True when word `k` is a verb with a subject of its own in the parse.
    fn has_subject(&self, k: usize) -> bool {
        self.parsed()
            && self.ws[k].upos == Some(Upos::Verb)
            && self.subject_heads.get(self.ws[k].tok) == Some(&true)
    }

    /// The verb (word index) passing `accept` whose reported clause holds verb `v`: "The US
    /// declared that China must …", "… must withdraw, Russia said". Needs the parse.
    fn reporting_verb(&self, v: usize, accept: impl Fn(usize) -> bool) -> Option<usize> {
        if !self.parsed() {
            return None;
        }
        let statement = |t: usize| {
            let k = self.word_of(t)?;
            accept(k).then_some(k)
        };
        let mut h = self.ws[v].tok;
        for _ in 0..4 {
            // "…, Russia said": the reporting clause hangs on the reported verb.
            if let Some(k) = self
                .sentence
                .children(h)
                .filter(|&c| self.sentence.tokens[c].deprel == "parataxis")
                .find_map(statement)
            {
                return Some(k);
            }
            let rel = self.sentence.tokens[h].deprel.as_str();
            let Some(head) = self.sentence.head_of(h) else {
                break;
            };
            match rel {
                "ccomp" | "parataxis" => {
                    if let Some(k) = statement(head) {
                        return Some(k);
                    }
                    break;
                }
                "xcomp" | "conj" => h = head,
                // ("could be behind the video to justify its intervention": a purpose.)
                "advcl" | "acl" if self.infinitive(h) => h = head,
                _ => break,
            }
        }
        // The parse missed it: "X said (here on Wednesday) that …" by the word order.
        let cs = self.clause_start(v);
        if cs >= 2 && self.lower[cs - 1] == "that" {
            return (cs.saturating_sub(6)..cs - 1)
                .rev()
                .find(|&k| statement(self.ws[k].tok).is_some());
        }
        None
    }

    /// The subject unit of verb `v`; "CSTO states such as Armenia and Belarus sent troops":
    /// the named examples are the subject, not the group they belong to.
    fn subject(&self, v: usize) -> Option<usize> {
        let u = self.head_subject(v)?;
        let named = self.units.iter().position(|w| {
            w.start >= self.units[u].end
                && w.end <= v
                && w.start >= 2
                && (self.lower[w.start - 2] == "such" && self.lower[w.start - 1] == "as"
                    || self.lower[w.start - 1] == "including")
                && w.start - self.units[u].end <= 4
        });
        Some(named.unwrap_or(u))
    }

    /// The subject unit of verb `v` as the parse or the word order gives it.
    fn head_subject(&self, v: usize) -> Option<usize> {
        // "thanked the CSTO for sending troops", "warned Finland against joining NATO",
        // "barred Serbia from sending troops": the gerund's subject is the object just
        // before the preposition.
        if v >= 2
            && matches!(self.lower[v - 1], "for" | "against" | "from")
            && self.lower[v].ends_with("ing")
            && let Some(u) = self.units.iter().position(|u| u.end == v - 1)
        {
            return Some(u);
        }
        if self.parsed() {
            let t = self.ws[v].tok;
            // "… after Arnor met Gondor": an actor the dictionaries know, right before a
            // finite verb whose parse gives it no subject it knows, is that verb's subject
            // (the parse may have hung the name on the preposition and the verb on the main
            // clause).
            let parsed_subject = self.sentence.children(t).any(|c| {
                self.sentence.tokens[c].deprel.starts_with("nsubj")
                    && self.unit_of_token(c).is_some()
            });
            if !parsed_subject
                && matches!(self.sentence.tokens[t].xpos.as_str(), "VBD" | "VBZ" | "VBP")
                && let Some(u) = self.units.iter().position(|u| {
                    u.end == v
                        && u.prep.as_deref().is_none_or(|p| CLAUSE.contains(&p))
                        && !u.members.iter().all(|m| m.code.starts_with("---"))
                })
            {
                return Some(u);
            }
            let mut head = Some(t);
            let mut climbed_advcl = false;
            // Follow xcomp/conj up to a verb with a subject.
            for _ in 0..4 {
                let h = head?;
                if let Some(u) = self.controller(h) {
                    return Some(u);
                }
                if let Some(s) = self
                    .sentence
                    .children(h)
                    .find(|&c| self.sentence.tokens[c].deprel.starts_with("nsubj"))
                {
                    let su = self.unit_of_token(s);
                    if su.is_some() {
                        return su;
                    }
                    // "the group that has seized Mosul": the relative pronoun stands for the
                    // noun its clause modifies.
                    let hw = self.word_of(h)?;
                    match self.sentence.tokens[s].lemma.as_str() {
                        "that" | "which" | "who" => return self.modified(hw),
                        // "The US claimed that they had attacked Iraq": a pronoun no
                        // earlier sentence resolves, in a reported clause, is its speaker.
                        // (The statement's own subject as the parse gives it: a pronoun
                        // there is not followed further, so two clauses reporting each
                        // other cannot send this round for ever.)
                        "it" | "they" | "we"
                            if let Some(sp) = self.statement_verb(hw).and_then(|k| {
                                self.sentence
                                    .children(self.ws[k].tok)
                                    .find(|&c| self.sentence.tokens[c].deprel.starts_with("nsubj"))
                                    .and_then(|c| self.unit_of_token(c))
                            }) =>
                        {
                            return Some(sp);
                        }
                        _ => {}
                    }
                    break;
                }
                let rel = self.sentence.tokens[h].deprel.as_str();
                // "troops guarding the border": a participle's subject is the noun it modifies.
                // (Not reached through an adverbial clause: "… director Michel Camdessus before
                // travelling to Europe" is the parse hanging the clause on the wrong verb.)
                if rel == "acl"
                    && self.sentence.tokens[h].xpos == "VBG"
                    && self.main_verb_besides(h)
                    && !climbed_advcl
                {
                    let hw = self.word_of(h)?;
                    return self.modified(hw);
                }
                if !(rel == "xcomp" || rel == "conj" || rel.starts_with("advcl")) {
                    break;
                }
                climbed_advcl |= rel.starts_with("advcl");
                head = self.sentence.head_of(h);
            }
        }
        let cs = self.clause_start(v);
        // ("Fornost welcomes the talks, the news agency said": the speaker is not an actor of
        // the clause it reports.)
        let attribution = SAY.contains(&self.lower[v]);
        let found = self.units.iter().rposition(|u| {
            u.end <= v
                && u.start >= cs
                && (u.prep.is_none() || u.prep.as_deref() == Some("of") && self.counted(u))
                && !(attribution && self.lower[u.end..v].contains(&","))
        });
        if found.is_some() {
            return found;
        }
        // "Putin, who has sent …": a relative clause's subject is its antecedent.
        if cs > 0 && matches!(self.lower[cs - 1], "who" | "which") {
            let mut k = cs - 1;
            while k > 0 && self.ws[k - 1].punct {
                k -= 1;
            }
            return self.units.iter().position(|u| u.end == k);
        }
        None
    }

    /// The object that is the understood subject of token `h`: "helping young militants join
    /// a group" (an open complement's subject is its verb's object), "jailed a student for
    /// helping militants", "thanked the CSTO for sending troops" (a gerund after "for" or
    /// "of" is done by the object of the verb it hangs on).
    fn controller(&self, h: usize) -> Option<usize> {
        let tok = &self.sentence.tokens[h];
        let gerund = tok.xpos == "VBG"
            && tok.deprel.starts_with("advcl")
            && self.sentence.children(h).any(|c| {
                let w = &self.sentence.tokens[c];
                w.deprel == "mark" && matches!(w.lemma.as_str(), "for" | "of")
            });
        if tok.deprel != "xcomp" && !gerund {
            return None;
        }
        let verb = self.sentence.head_of(h)?;
        if self.sentence.tokens[verb].upos != Upos::Verb {
            return None;
        }
        let obj = self
            .sentence
            .children(verb)
            .find(|&c| self.sentence.tokens[c].deprel == "obj")?;
        self.unit_of_token(obj)
    }

    /// "Thousands of protesters", "a crowd of students": the phrase after a quantity is the
    /// actor.
    fn counted(&self, u: &Unit) -> bool {
        u.start >= 2
            && self.lower[u.start - 1] == "of"
            && QUANTITY.contains(&self.lower[u.start - 2])
    }

    fn unit_of_token(&self, tok: usize) -> Option<usize> {
        // The subject's phrase: the token or any of its dependents inside a unit.
        let wi = self.word_of(tok)?;
        if let Some(u) = self.in_unit(wi) {
            return Some(u);
        }
        // A dependent known to the dictionaries before a name it does not know ("US press
        // secretary Jen Psaki": the person, not "US" alone).
        let units: Vec<usize> = self
            .sentence
            .children(tok)
            .filter_map(|c| self.word_of(c))
            .filter_map(|w| self.in_unit(w))
            .collect();
        let known = |&&u: &&usize| self.units[u].members.iter().any(|m| m.code != "---");
        units.iter().find(known).or(units.first()).copied()
    }

    /// Verb `v` follows "and" with no actor between it and the previous verb.
    fn after_and(&self, v: usize) -> bool {
        let mut k = v;
        while k > 0 {
            k -= 1;
            if self.in_unit(k).is_some() {
                return false;
            }
            if self.lower[k] == "and" {
                return true;
            }
            if self.ws[k].punct {
                return false;
            }
        }
        false
    }

    /// The first unit after verb `v` that can be a target.
    fn first_target(&self, v: usize, src: Option<usize>) -> Option<usize> {
        self.first_target_but(v, src, |_| false)
    }

    /// [`Ctx::first_target`] passing over the units `skip` rejects.
    fn first_target_but(
        &self,
        v: usize,
        src: Option<usize>,
        skip: impl Fn(&Unit) -> bool,
    ) -> Option<usize> {
        // Stop at a subordinate clause ("… after a hafling was reported on the pass").
        // Nor cross into a relative clause ("its campaign against the group that has seized
        // parts of Iraq": Iraq is no target of the campaign).
        let stop = (v + 1..self.ws.len())
            .find(|&k| self.opens_clause(k))
            .unwrap_or(self.ws.len());
        let own = self.participle(v);
        (0..self.units.len()).find(|&i| {
            let u = &self.units[i];
            u.start > v
                && u.start < stop
                && !skip(u)
                && (!own || (u.start..u.end).any(|k| self.governs(v, k)))
                && Some(i) != src
                && !self.reporting_subject(u)
                // ("stepped down as head of the Security Council": an office, no target.)
                && !(u.start >= 3
                    && u.prep.as_deref() == Some("of")
                    && (u.start.saturating_sub(5)..u.start - 2).any(|k| self.lower[k] == "as"))
                && !(u.prep.as_deref() == Some("by")
                    && u.start >= 2
                    && SAY.contains(&self.lower[u.start - 2]))
        })
    }

    /// Verb `v` heads a clause that modifies a noun, and its target lies inside that clause
    /// ("soldiers guarding the border arrested smugglers": the smugglers are not guarded).
    fn participle(&self, v: usize) -> bool {
        self.parsed()
            && self.sentence.tokens[self.ws[v].tok]
                .deprel
                .starts_with("acl")
    }

    /// Where the noun phrase at word `pos` ends (PETRARCH's `^`): an actor's phrase, a run of
    /// noun-phrase words ("the northern city"), or else the one word.
    fn skip_phrase(&self, pos: usize) -> Option<usize> {
        if pos >= self.ws.len() {
            return None;
        }
        if let Some(u) = self.units.iter().find(|u| u.start == pos) {
            return Some(u.end);
        }
        // ("called the protests an act of aggression": a determiner opens the next phrase.)
        let run = (pos..self.ws.len())
            .take_while(|&k| self.nominal(k) && (k == pos || self.ws[k].upos != Some(Upos::Det)))
            .count();
        Some(pos + run.max(1))
    }

    /// Where the noun phrase ending before word `end` starts: `skip_phrase` read backwards.
    fn skip_phrase_back(&self, end: usize) -> Option<usize> {
        if end == 0 {
            return None;
        }
        if let Some(u) = self.units.iter().find(|u| u.end == end) {
            return Some(u.start);
        }
        let run = (0..end).rev().take_while(|&k| self.nominal(k)).count();
        Some(end - run.max(1))
    }

    /// Word `k` can be part of a noun phrase.
    fn nominal(&self, k: usize) -> bool {
        matches!(
            self.ws[k].upos,
            Some(Upos::Det | Upos::Adj | Upos::Num | Upos::Noun | Upos::Propn | Upos::Pron)
        )
    }

    /// Word `v`'s token is an ancestor of word `k`'s in the parse.
    fn governs(&self, v: usize, k: usize) -> bool {
        let top = self.ws[v].tok;
        let mut t = self.ws[k].tok;
        for _ in 0..self.sentence.tokens.len() {
            match self.sentence.head_of(t) {
                Some(h) if h == top => return true,
                Some(h) => t = h,
                None => return false,
            }
        }
        false
    }

    /// Word `k` opens a relative clause: "that", "which", "who" or "whom" inside a clause
    /// that modifies a noun (by the parse; without one, "which", "who" or "whom" after a noun
    /// or a comma).
    fn relative_pronoun(&self, k: usize) -> bool {
        if !matches!(self.lower[k], "that" | "which" | "who" | "whom") {
            return false;
        }
        if self.parsed() {
            let t = self.ws[k].tok;
            return self
                .sentence
                .head_of(t)
                .is_some_and(|h| self.sentence.tokens[h].deprel == "acl:relcl");
        }
        self.lower[k] != "that"
            && k > 0
            && (self.ws[k - 1].punct || matches!(self.ws[k - 1].upos, Some(Upos::Noun)))
    }

    /// ", a senior official said": the unit is the speaker of a reporting tail.
    fn reporting_subject(&self, u: &Unit) -> bool {
        let mut k = u.end;
        // ("US officials said", "US Deputy Secretary of Energy Jeffrey Kupfer said": the
        // rest of the speaker's noun phrase, a name, may stand between.)
        let name = |k: usize| {
            matches!(self.ws[k].upos, Some(Upos::Noun | Upos::Propn))
                // ("Roman Vassilenko": a first name the tagger reads as an adjective.)
                || self.ws[k].cap && self.ws[k].upos == Some(Upos::Adj)
        };
        let mut names = 0;
        while k < self.ws.len()
            && (self.lower[k].ends_with("ly")
                || matches!(self.lower[k], "also" | "later" | "has" | "have" | "had")
                || names < 4 && name(k) && !SAY.contains(&self.lower[k]))
        {
            if name(k) {
                names += 1;
            }
            k += 1;
        }
        k < self.ws.len() && SAY.contains(&self.lower[k])
    }

    /// Verb `v` tells what somebody denies: the clause of a charge, claim or report that is
    /// rejected ("denied charges that his government had helped conspirators", "rejected
    /// accusations that a deal … put dissidents at risk"), or the clause a denial verb
    /// governs ("denied that his guards attacked protesters"). Such an act is the accusers'
    /// claim, which the sentence reports disputed, not an event it asserts.
    fn denied_claim(&self, v: usize) -> bool {
        let denial = |k: usize| {
            matches!(
                self.ws[k].lemma.as_str(),
                "deny" | "reject" | "dismiss" | "refute" | "rebut" | "rebuff" | "dispute"
            )
        };
        // (A denial is the speaker's own: "rejected suggestions the won is undervalued, and
        // denied any plans …".)
        if denial(v) {
            return false;
        }
        // By the words: a claim noun after a denial verb, then "that" and the clause, with no
        // comma or semicolon between the claim and the verb (what follows one is the
        // sentence's own: "…in Tigray, where fighting has displaced thousands").
        for k in (v.saturating_sub(16)..v).rev() {
            if matches!(self.lower[k], "," | ";" | ":" | "but") {
                break;
            }
            if CLAIM.contains(&self.lower[k])
                && (k.saturating_sub(4)..k).any(denial)
                && (k + 1..v).any(|j| self.lower[j] == "that")
            {
                return true;
            }
        }
        // By the parse: the clause (through its conjuncts and open complements) is the
        // complement of a denial verb or of a claim noun that a denial verb takes.
        if !self.parsed() {
            return false;
        }
        let mut h = self.ws[v].tok;
        for _ in 0..6 {
            let rel = self.sentence.tokens[h].deprel.as_str();
            let Some(head) = self.sentence.head_of(h) else {
                return false;
            };
            match rel {
                // ("Iran denied supplying drones": the gerund is what is denied.)
                "xcomp" if self.word_of(head).is_some_and(denial) => return true,
                "conj" | "xcomp" => h = head,
                "ccomp" | "acl" | "acl:relcl" => {
                    let Some(k) = self.word_of(head) else {
                        return false;
                    };
                    if rel == "ccomp" && denial(k) {
                        return true;
                    }
                    return CLAIM.contains(&self.lower[k])
                        && self
                            .sentence
                            .head_of(head)
                            .and_then(|t| self.word_of(t))
                            .is_some_and(|d| denial(d) && d < k);
                }
                _ => return false,
            }
        }
        false
    }

    /// Negation, hedging and reported speech around word `v`, whose source unit ends at
    /// `src_end`; `words` are the pattern's own words (never a negation).
    fn flags(&self, v: usize, words: &[usize], src_end: usize) -> Flags {
        let lo = src_end.min(v).max(v.saturating_sub(5));
        let window = lo..v;
        // ("failed to reach agreement": what was tried and not done.)
        let failed = v >= 2
            && self.lower[v - 1] == "to"
            && matches!(self.lower[v - 2], "failed" | "fails" | "fail" | "failing");
        // ("gave equipment without demanding payment": what was not done.)
        let without = v >= 1
            && self.lower[v].ends_with("ing")
            && (self.lower[v - 1] == "without"
                || v >= 2 && self.lower[v - 2] == "without" && self.lower[v - 1].ends_with("ly"));
        // ("barred aid agencies from providing assistance": what one is kept from doing.)
        let kept_from = self.gerund_after(
            v,
            &["from"],
            &[
                "prevent", "bar", "ban", "stop", "block", "prohibit", "forbid", "keep", "restrain",
                "deter", "refrain", "exclude", "preclude",
            ],
        );
        let denied = self.denied_claim(v);
        let negated = failed
            || without
            || kept_from
            || denied
            || window.clone().any(|k| {
                !words.contains(&k)
                    && (NEG.contains(&self.lower[k]) || self.lower[k].ends_with("n't"))
            });
        // ("warned NATO against deploying troops": what one is warned against is not done.)
        let against = v >= 1 && self.lower[v - 1] == "against" && self.lower[v].ends_with("ing");
        let hedged = self.hoped_for(v)
            || self.modal_clause(v)
            || against
            || window.clone().any(|k| {
                // ("Theresa May called for …": a modal is a modal, not a name.)
                HEDGE.contains(&self.lower[k])
                    && !(self.ws[k].cap && self.ws[k].upos == Some(Upos::Propn))
                    && self.in_unit(k).is_none()
            })
            || v >= 2
                && matches!(
                    (self.lower[v - 2], self.lower[v - 1]),
                    (
                        "plans" | "plan" | "planned" | "wants" | "intends" | "seeks",
                        "to"
                    )
                );
        let cs = self.clause_start(v);
        // ("was arrested for collaborating with Boko Haram": the act is the charge, which
        // the sentence reports as the authorities' claim.)
        // ("were accused of killing civilians": an allegation, the accuser's claim.)
        let charged = self.gerund_after(
            v,
            &["for", "of"],
            &[
                "arrest",
                "detain",
                "jail",
                "imprison",
                "sentence",
                "convict",
                "charge",
                "indict",
                "prosecute",
                "punish",
                "fine",
                "execute",
                "accuse",
                "blame",
                "condemn",
                "criticize",
                "criticise",
                "sanction",
                "expel",
                "deport",
                "suspect",
                "allege",
                "guilty",
            ],
        );
        let reported = denied
            || charged
            // ("The former Soviet republic said terrorists had attacked its cities": a
            // reported clause without "that", as the parse gives it.)
            || self.statement_verb(v).is_some_and(|k| k < v)
            || (cs > 0
                && self.lower[cs - 1] == "that"
                && (0..cs).any(|k| SAY.contains(&self.lower[k])))
            // (Not a statement in a subordinate clause of its own: "condemned the attack,
            // while Abe stated that …"; but "… after a convoy was attacked, Unicef said".)
            || (v + 1..self.ws.len()).any(|k| {
                SAY.contains(&self.lower[k])
                    && self.lower[..k].contains(&",")
                    && !(v + 2..k).rev().take_while(|&j| self.lower[j] != ",").any(|j| {
                        self.lower[j - 1] == "," && CLAUSE.contains(&self.lower[j])
                    })
                    && !(self.parsed()
                        && self.sentence.children(self.ws[k].tok).any(|c| {
                            self.sentence.tokens[c].deprel == "mark"
                                && self.word_of(c).is_some_and(|j| CLAUSE.contains(&self.lower[j]))
                        }))
            });
        Flags {
            negated,
            hedged,
            reported,
        }
    }
}
