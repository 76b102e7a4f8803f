//! Event nouns: "protests against the government", "the detention of activists", "Russia's
//! attack on the port", "launched an investigation into …".
//!
//! News names many events with a noun rather than a verb. A noun of the dictionary's `@nouns`
//! section that no verb pattern has used codes an event of its own:
//!
//! - the doer is, in order: the actor that owns or modifies the noun ("Russia's attack",
//!   "police crackdown"), a `by` phrase ("arrests by the police"), the subject of a light verb
//!   whose object the noun is ("Iraqi troops launched an assault"), a `from` phrase for
//!   statements ("criticism from Washington"), else the entry's doer role composed with the
//!   text's country ("protests" in a story about Kazakhstan are done by `KAZOPP`);
//! - the target is the actor of a phrase right after the noun (`against`, `on`, `of`, `to`,
//!   `with`, `into`, `at`, `toward`), or the indirect object of the light verb ("gave Putin a
//!   warning"); a protest's target is only what it is `against` ("protests spread to Almaty"
//!   is a place, "protests of workers" the protesters).
//!
//! A noun whose verb undoes it ("lifted the boycott", "called off the strike") codes nothing;
//! one whose verb only intends it ("threatened sanctions", "called for protests") is hedged.

use super::{CLAUSE, Ctx, Emit, Flags};
use crate::actors::Member;
use herald_core::{Event, Span, Upos};
use herald_dict::compile::CompiledDict;

/// Verbs whose subject does what their object names.
const LIGHT: &[&str] = &[
    "launch",
    "start",
    "stage",
    "hold",
    "give",
    "pay",
    "issue",
    "impose",
    "declare",
    "announce",
    "conduct",
    "carry",
    "mount",
    "make",
    "begin",
    "organise",
    "organize",
    "lead",
    "level",
    "lodge",
    "file",
    "voice",
    "express",
    "step",
    "intensify",
    "continue",
    "resume",
    "order",
    "threaten",
    "plan",
    "propose",
    "extend",
    "renew",
    "escalate",
    "unleash",
    "wage",
    "host",
    "accept",
    "offer",
    "deliver",
    "send",
    "sign",
    "reach",
    "broker",
    "open",
];
/// Light verbs that only intend the event.
const INTEND: &[&str] = &["threaten", "plan", "propose", "offer", "consider", "seek"];
/// Verbs that undo or prevent what their object names.
const UNDO: &[&str] = &[
    "lift", "end", "ease", "cancel", "suspend", "halt", "stop", "postpone", "delay", "prevent",
    "avoid", "deny", "reject", "drop", "withdraw", "scrap", "abandon", "ban", "outlaw",
];
/// Prepositions that introduce the target of an event noun.
const TARGET_PREPS: &[&str] = &[
    "against", "on", "of", "to", "with", "into", "at", "toward", "towards", "upon",
];

/// Codes the event nouns of a sentence (see the module documentation).
pub(super) fn code_nouns(
    ctx: &Ctx,
    dict: &CompiledDict,
    consumed: &[bool],
    context: Option<&str>,
    date: Option<chrono::NaiveDate>,
    sentence: usize,
    events: &mut Vec<Event>,
) {
    if !dict.follows_codebook() {
        return;
    }
    for n in 0..ctx.ws.len() {
        if consumed[n] || ctx.in_unit(n).is_some() {
            continue;
        }
        let Some(entry) = dict.nouns.get(ctx.lower[n]) else {
            continue;
        };
        if ctx.ws[n]
            .upos
            .is_some_and(|u| !matches!(u, Upos::Noun | Upos::Propn))
        {
            continue;
        }
        // ("issued arrest warrants for two men": a noun modifying a noun that a verb's
        // pattern has used is part of that event.)
        if ctx.parsed()
            && ctx.sentence.tokens[ctx.ws[n].tok].deprel == "compound"
            && consumed.get(n + 1) == Some(&true)
        {
            continue;
        }
        let gov = governor(ctx, n);
        let gov_lemma = gov.map(|g| lemma(ctx, g));
        // "lifts blockade" in a headline is often tagged as two nouns: look at the words too.
        let undone = (n.saturating_sub(3)..n).any(|k| {
            let l = lemma(ctx, k);
            UNDO.contains(&l) || UNDO.contains(&l.strip_suffix('s').unwrap_or(""))
        });
        if undone || gov_lemma.is_some_and(|l| UNDO.contains(&l)) {
            continue;
        }
        let light = gov.filter(|_| gov_lemma.is_some_and(|l| LIGHT.contains(&l)));
        // An event the governing verb already coded ("condemned the attack" is coded as the
        // condemnation; its words are not reused).
        if light.is_some_and(|g| consumed[g]) {
            continue;
        }
        let root = entry.code.get(..2).unwrap_or("");
        let protest = root == "14";
        let verbal = matches!(
            root,
            "01" | "02" | "03" | "04" | "05" | "10" | "11" | "12" | "13"
        );
        let stop = (n + 1..ctx.ws.len())
            .find(|&k| CLAUSE.contains(&ctx.lower[k]) && ctx.in_unit(k).is_none())
            .unwrap_or(ctx.ws.len());
        let after = |preps: &[&str]| {
            ctx.units.iter().position(|u| {
                u.start > n
                    && u.start <= n + 4
                    && u.start < stop
                    && u.prep.as_deref().is_some_and(|p| preps.contains(&p))
            })
        };
        let mut src = owner(ctx, n)
            .or_else(|| after(&["by"]))
            .or_else(|| light.and_then(|g| ctx.subject(g)));
        if src.is_none() && verbal {
            src = after(&["from"]);
        }
        if src.is_none() && protest {
            src = after(&["of"]);
        }
        let tgt = ctx
            .units
            .iter()
            .enumerate()
            .position(|(i, u)| {
                Some(i) != src
                    && u.start > n
                    && u.start <= n + 4
                    && u.start < stop
                    && u.prep.as_deref().is_some_and(|p| {
                        if protest {
                            p == "against"
                        } else {
                            TARGET_PREPS.contains(&p)
                        }
                    })
            })
            .or_else(|| {
                // "gave Putin a stern warning": the light verb's indirect object.
                light.and_then(|g| {
                    ctx.units
                        .iter()
                        .position(|u| u.start > g && u.end <= n && u.prep.is_none())
                        .filter(|&i| Some(i) != src)
                })
            });
        let noun_span = ctx.ws[n].span;
        // "the number of detainees": a noun in "-ee" names those the act is done to. They are
        // the target, and the doer, unnamed, holds no words (an empty span at the noun).
        let patient = ctx.lower[n].trim_end_matches('s').ends_with("ee");
        let doer;
        let done_to;
        let sources: &[Member] = match src {
            Some(s) => &ctx.units[s].members,
            None if !entry.doer.is_empty() => {
                doer = [Member {
                    code: format!("---{}", entry.doer),
                    span: if patient {
                        Span::new(noun_span.start, noun_span.start)
                    } else {
                        noun_span
                    },
                    kind: if patient { "unnamed" } else { "event noun" }.into(),
                }];
                &doer
            }
            None => continue,
        };
        let mut flags: Flags =
            ctx.flags(gov.unwrap_or(n), &[], src.map_or(n, |s| ctx.units[s].end));
        flags.hedged |= light.is_some() && gov_lemma.is_some_and(|l| INTEND.contains(&l));
        let mut evidence: Span = noun_span;
        for u in [src, tgt].into_iter().flatten() {
            let u = &ctx.units[u];
            evidence = evidence.cover(ctx.ws[u.start].span.cover(ctx.ws[u.end - 1].span));
        }
        if let Some(g) = light {
            evidence = evidence.cover(ctx.ws[g].span);
        }
        let rule = format!("noun {} [{}] line {}", ctx.lower[n], entry.code, entry.line);
        let emit = Emit {
            text: ctx.text,
            sentence,
            date,
            context,
            flags,
            evidence,
            rule: &rule,
            // "imposed a curfew": a light verb and its noun name the event on their own.
            specific: light.is_some(),
        };
        let targets = match tgt {
            Some(t) => Some(ctx.units[t].members.as_slice()),
            // (Without the text's country, a doer known only by its role codes nothing, as
            // with other event nouns.)
            None if patient && (src.is_some() || context.is_some()) => {
                done_to = [Member {
                    code: "---".into(),
                    span: noun_span,
                    kind: "event noun".into(),
                }];
                Some(&done_to[..])
            }
            None => None,
        };
        emit.all(events, sources, targets, &[entry.code.as_str()]);
    }
}

/// The lemma of word `k` (its lower-case form when untagged).
fn lemma<'a>(ctx: &'a Ctx, k: usize) -> &'a str {
    let l = ctx.ws[k].lemma.as_str();
    if l.is_empty() { ctx.lower[k] } else { l }
}

/// The verb whose object noun `n` is: from the parse when there is one, else the nearest verb
/// at most three words back with only determiners and modifiers between.
fn governor(ctx: &Ctx, n: usize) -> Option<usize> {
    if ctx.parsed() {
        let tok = ctx.ws[n].tok;
        let t = &ctx.sentence.tokens[tok];
        if !matches!(t.deprel.as_str(), "obj" | "iobj" | "nsubj:pass") {
            return None;
        }
        let h = ctx.sentence.head_of(tok)?;
        let g = ctx.word_of(h)?;
        return matches!(ctx.ws[g].upos, Some(Upos::Verb)).then_some(g);
    }
    (n.saturating_sub(4)..n)
        .rev()
        .find(|&k| LIGHT.contains(&lemma(ctx, k)) || UNDO.contains(&lemma(ctx, k)))
}

/// The actor that owns or modifies noun `n`: "Russia's attack", "the police crackdown",
/// "Kazakh protests" (with at most two modifiers between).
fn owner(ctx: &Ctx, n: usize) -> Option<usize> {
    let u = ctx.units.iter().rposition(|u| u.end <= n)?;
    let unit = &ctx.units[u];
    if unit.prep.is_some() {
        return None;
    }
    let mut k = unit.end;
    if k < n && ctx.ws[k].is_poss() {
        k += 1;
    }
    let between = n - k;
    let modifiers = (k..n).all(|j| {
        !ctx.ws[j].punct
            && ctx.ws[j]
                .upos
                .is_none_or(|u| matches!(u, Upos::Adj | Upos::Noun | Upos::Num))
    });
    (between <= 2 && modifiers).then_some(u)
}
