//! Transformations: what an event becomes when its verb reports or governs another event's
//! verb (PETRARCH's `~` lines). "The US said Iraq had attacked Syria" is no statement plus an
//! attack but an accusation of Iraq:
//!
//! ```
//! use herald_dict::transform::{Rule, Slot, VerbRef};
//!
//! let r: Rule = "a (b . ATTACK) SAY = a b 112".parse().unwrap();
//! assert_eq!(r.lower_source, Slot::Var('b'));
//! assert_eq!(r.lower_verb, VerbRef::Word("attack".into()));
//! assert_eq!(r.code, VerbRef::Code("112".into()));
//! assert_eq!(r.to_string(), "a (b . attack) say = a b 112");
//! ```
//!
//! The rule reads `UPPER-SOURCE (LOWER-SOURCE LOWER-TARGET LOWER-VERB) UPPER-VERB = SOURCE
//! TARGET CODE`: the upper event's verb governs the lower event's (a reported clause, an
//! infinitive). An actor slot is a letter (the same letter is the same actor), `.` (any actor)
//! or `_` (none of its own: the lower verb is an infinitive whose subject is the upper one's).
//! A verb is a lemma (that verb only), a CAMEO code (every verb coded so, and when the code is
//! a root, `190` or `19`, every code under it), or `Q` (any verb; as the result's code, the
//! lower event's code). PETRARCH names a verb and means its code ("synonyms also match"), so
//! its importer turns each name into the code its dictionary gives that verb.

use std::fmt;
use std::str::FromStr;

/// An actor slot of a rule.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Slot {
    /// A named actor: the same letter in two places is the same actor.
    Var(char),
    /// Any actor (`.`).
    Any,
    /// No actor of its own (`_`).
    Absent,
}

/// A verb of a rule, or the result's code.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum VerbRef {
    /// Any verb (`Q`); as the result, the lower event's code.
    Any,
    /// A CAMEO event code.
    Code(String),
    /// A verb's lemma (lower case).
    Word(String),
}

/// One transformation.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Rule {
    /// Source of the governing (upper) event.
    pub upper_source: Slot,
    /// Source of the governed (lower) event.
    pub lower_source: Slot,
    /// Target of the lower event.
    pub lower_target: Slot,
    /// Verb of the lower event.
    pub lower_verb: VerbRef,
    /// Verb of the upper event.
    pub upper_verb: VerbRef,
    /// Source of the event both become.
    pub source: Slot,
    /// Target of the event both become.
    pub target: Slot,
    /// Code of the event both become.
    pub code: VerbRef,
}

fn slot(s: &str) -> Result<Slot, String> {
    match s {
        "." => Ok(Slot::Any),
        "_" => Ok(Slot::Absent),
        _ => {
            let mut cs = s.chars();
            match (cs.next(), cs.next()) {
                (Some(c), None) if c.is_ascii_alphabetic() => Ok(Slot::Var(c.to_ascii_lowercase())),
                _ => Err(format!("actor slot {s:?} is not a letter, `.` or `_`")),
            }
        }
    }
}

fn verb(s: &str) -> Result<VerbRef, String> {
    if s == "Q" || s == "q" {
        Ok(VerbRef::Any)
    } else if s.chars().all(|c| c.is_ascii_digit()) {
        Ok(VerbRef::Code(s.to_string()))
    } else if s.chars().all(|c| c.is_alphabetic() || c == '_' || c == '-') {
        Ok(VerbRef::Word(s.to_lowercase()))
    } else {
        Err(format!("verb {s:?} is not a word, a code or Q"))
    }
}

impl FromStr for Rule {
    type Err = String;

    fn from_str(s: &str) -> Result<Rule, String> {
        let s = s.trim().trim_start_matches('~');
        let (lhs, rhs) = s
            .split_once('=')
            .ok_or("transformation without `=` (a (b . ATTACK) SAY = a b 112)")?;
        let open = lhs.find('(').ok_or("transformation without `(`")?;
        let close = lhs.find(')').ok_or("transformation without `)`")?;
        if close < open {
            return Err("`)` before `(`".into());
        }
        let upper: Vec<&str> = lhs[..open].split_whitespace().collect();
        let inner: Vec<&str> = lhs[open + 1..close].split_whitespace().collect();
        let after: Vec<&str> = lhs[close + 1..].split_whitespace().collect();
        let out: Vec<&str> = rhs.split_whitespace().collect();
        let [us] = upper[..] else {
            return Err("one actor slot expected before `(`".into());
        };
        let [ls, lt, lv] = inner[..] else {
            return Err("`(SOURCE TARGET VERB)` expected".into());
        };
        let [uv] = after[..] else {
            return Err("one verb expected after `)`".into());
        };
        let [os, ot, oc] = out[..] else {
            return Err("`SOURCE TARGET CODE` expected after `=`".into());
        };
        let rule = Rule {
            upper_source: slot(us)?,
            lower_source: slot(ls)?,
            lower_target: slot(lt)?,
            lower_verb: verb(lv)?,
            upper_verb: verb(uv)?,
            source: slot(os)?,
            target: slot(ot)?,
            code: verb(oc)?,
        };
        if matches!(rule.code, VerbRef::Word(_)) {
            return Err(format!("result code {oc:?} is not a code or Q"));
        }
        for (what, s) in [("source", rule.source), ("target", rule.target)] {
            if let Slot::Var(c) = s
                && ![rule.upper_source, rule.lower_source, rule.lower_target].contains(&s)
            {
                return Err(format!("result {what} `{c}` is not bound on the left"));
            }
        }
        Ok(rule)
    }
}

impl fmt::Display for Slot {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Slot::Var(c) => write!(f, "{c}"),
            Slot::Any => f.write_str("."),
            Slot::Absent => f.write_str("_"),
        }
    }
}

impl fmt::Display for VerbRef {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            VerbRef::Any => f.write_str("Q"),
            VerbRef::Code(c) | VerbRef::Word(c) => f.write_str(c),
        }
    }
}

impl fmt::Display for Rule {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "{} ({} {} {}) {} = {} {} {}",
            self.upper_source,
            self.lower_source,
            self.lower_target,
            self.lower_verb,
            self.upper_verb,
            self.source,
            self.target,
            self.code
        )
    }
}

/// True when an event coded `code` falls under `rule_code`: the same code, or any code under
/// a root (`190` covers `193` and `1951`; `110` covers `112`).
pub fn covers(rule_code: &str, code: &str) -> bool {
    match rule_code.strip_suffix('0') {
        Some(root) if rule_code.len() == 3 => code.starts_with(root),
        _ => code.starts_with(rule_code),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_and_writes_rules() {
        let r: Rule = "~ a (_ b ASSASSINATE) ATTEMPT = a b 185".parse().unwrap();
        assert_eq!(r.lower_source, Slot::Absent);
        assert_eq!(r.upper_verb, VerbRef::Word("attempt".into()));
        let q: Rule = "a (a b Q) SAY = a b Q".parse().unwrap();
        assert_eq!(
            (q.lower_verb.clone(), q.code.clone()),
            (VerbRef::Any, VerbRef::Any)
        );
        assert_eq!(q.to_string().parse::<Rule>().unwrap(), q);
        let coded: Rule = "a (b . 190) 010 = a b 112".parse().unwrap();
        assert_eq!(coded.upper_verb, VerbRef::Code("010".into()));
    }

    #[test]
    fn refuses_malformed_rules() {
        for bad in [
            "a (b . ATTACK) SAY",
            "a b . ATTACK SAY = a b 112",
            "a (b ATTACK) SAY = a b 112",
            "a (b . ATTACK) SAY = a c 112",
            "a (b . ATTACK) SAY = a b ATTACK",
            "ab (b . ATTACK) SAY = a b 112",
        ] {
            assert!(bad.parse::<Rule>().is_err(), "{bad}");
        }
    }

    #[test]
    fn root_codes_cover_their_branch() {
        assert!(covers("190", "195"));
        assert!(covers("010", "010"));
        assert!(covers("110", "1122"));
        assert!(!covers("112", "110"));
        assert!(!covers("185", "186"));
        assert!(covers("0874", "0874"));
    }
}
