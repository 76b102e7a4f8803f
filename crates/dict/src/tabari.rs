//! Readers for TABARI's dictionary formats: `.actors` (date-restricted codes), `.verbs` (verbs
//! with `- pattern [code]` lines, irregular forms, synsets), `.agents` and the discard and
//! issue parts of `.options`. Each reader turns a file into the plain entries of
//! [`crate::entry`] plus one [`Problem`] per line it could not read, with the line number: a bad
//! line never stops the rest.
//!
//! What the readers accept (TABARI's conventions):
//! - `;` starts a comment, as does `#` at the start of a line or after a space (outside
//!   `[…]`, so the discard code `[###]` survives); blank lines are skipped; lines end in LF,
//!   CRLF or a lone CR (old Mac files);
//! - words are joined with `_`; a name or verb that does not end in `_` is a TABARI *stem*,
//!   which also matches its inflections: herald, which matches whole words, adds the regular
//!   plural of an actor's or agent's last word and the regular forms of a verb. A trailing `_`
//!   means the exact word only;
//! - actors: `NAME [CODE]`; several codes with date restrictions on the line or on indented
//!   lines below it: `[CODE >YYMMDD]` (after), `[CODE <YYMMDD]` (before),
//!   `[CODE YYMMDD-YYMMDD]` (between, inclusive); dates YYMMDD (30–99 → 19xx) or YYYYMMDD.
//!   `[---]` is an actor that codes nothing (skipped); `[###]` is a discard phrase;
//! - verbs: `VERB [CODE]`, `VERB {IRREGULAR FORMS} [CODE]`, phrasal `CALL_+OFF`/`CALL_OFF`
//!   (the first word or the one marked `+` is the verb); the pattern lines `- … [CODE]` below a
//!   verb belong to it. In a pattern `*` is the verb (the verb comes first when there is no
//!   `*`), `+` the target, `$` the source, `&NAME` a synset (`&NAME` then `+member` lines), other
//!   words literal; `[---]` codes nothing but blocks less specific patterns. The compound-actor
//!   `%` and skip `^` markers have no equivalent in herald's patterns: such lines are reported
//!   and skipped. `---` lines are section separators;
//! - agents: `PHRASE [~CODE]` (code after the country's), `PHRASE [CODE~]` (before it, kept as
//!   `CODE~` as the PETRARCH reader does), `PHRASE {PLURALS} [~CODE]`;
//! - options: lines `PHRASE [###]` (or `DISCARD: PHRASE`) are discards; inside
//!   `<ISSUE …>` … `</ISSUE>` blocks, `PHRASE [CODE]` lines are issues. Other option commands
//!   (TABARI's `COMPLEX`, `DELETE`, `REPLACE`…) change the coder, not the dictionaries: they
//!   are reported as unsupported.

use crate::entry::{ActorEntry, AgentEntry, PatternItem, PhraseEntry, VerbEntry};
use crate::petrarch::{Parsed, Problem, parse_restriction, plural, verb_forms};
use chrono::NaiveDate;

/// The kinds of TABARI dictionary file.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Kind {
    /// `.actors`
    Actors,
    /// `.verbs`
    Verbs,
    /// `.agents`
    Agents,
    /// `.options` (discards and issues only)
    Options,
}

impl Kind {
    /// Parses `actors`, `verbs`, `agents`, `options` (singular or plural, any case).
    pub fn parse(s: &str) -> Option<Kind> {
        Some(match s.to_ascii_lowercase().trim_start_matches('.') {
            "actors" | "actor" => Kind::Actors,
            "verbs" | "verb" => Kind::Verbs,
            "agents" | "agent" => Kind::Agents,
            "options" | "option" => Kind::Options,
            _ => return None,
        })
    }
}

/// Reads a TABARI file of the given kind.
pub fn read(kind: Kind, text: &str) -> Parsed {
    let mut p = match kind {
        Kind::Actors => read_actors(text),
        Kind::Verbs => read_verbs(text),
        Kind::Agents => read_agents(text),
        Kind::Options => read_options(text),
    };
    p.problems.sort_by_key(|p| p.line);
    p
}

fn problem(out: &mut Parsed, line: usize, message: impl Into<String>) {
    out.problems.push(Problem {
        line,
        message: message.into(),
    });
}

/// The lines of `text` with their 1-based numbers, comments removed and trailing space
/// trimmed; LF, CRLF and lone CR all end a line.
fn lines(text: &str) -> impl Iterator<Item = (usize, &str)> {
    text.split('\n')
        .flat_map(|l| l.strip_suffix('\r').unwrap_or(l).split('\r'))
        .enumerate()
        .map(|(i, l)| (i + 1, strip_comment(l)))
}

/// The line before its `;` or `#` comment (a `#` only at the start or after a space, and
/// neither inside `[…]` or `{…}`).
fn strip_comment(line: &str) -> &str {
    let mut depth = 0i32;
    let mut prev = ' ';
    for (i, c) in line.char_indices() {
        match c {
            '[' | '{' => depth += 1,
            ']' | '}' => depth = (depth - 1).max(0),
            ';' if depth == 0 => return line[..i].trim_end(),
            '#' if depth == 0 && prev.is_whitespace() => return line[..i].trim_end(),
            _ => {}
        }
        prev = c;
    }
    line.trim_end()
}

/// A control character, or a `#` that is not part of the discard code `[###]`, in a line
/// (herald's format could not carry it: `#` after a space starts a comment there).
fn bad_chars(t: &str) -> Option<String> {
    if let Some(c) = t.chars().find(|&c| c.is_control() && c != '\t') {
        return Some(format!("control character {c:?}"));
    }
    if t.replace("[###]", "").contains('#') {
        return Some("`#` inside a word".into());
    }
    None
}

/// Every `[…]` of a line: the text before the first one, the contents, and an error for an
/// unclosed `[`.
fn brackets(line: &str) -> Result<(&str, Vec<&str>), String> {
    let Some(first) = line.find('[') else {
        return Ok((line, Vec::new()));
    };
    let mut codes = Vec::new();
    let mut rest = &line[first..];
    while let Some(open) = rest.find('[') {
        let after = &rest[open + 1..];
        let close = after.find(']').ok_or("unclosed [")?;
        codes.push(after[..close].trim());
        rest = &after[close + 1..];
    }
    if !rest.trim().is_empty() {
        return Err(format!("text after the code: {:?}", rest.trim()));
    }
    Ok((&line[..first], codes))
}

/// Lower-case words of a `_`-joined phrase and whether it ends in `_` (exact words only).
fn words(phrase: &str) -> (Vec<String>, bool) {
    let p = phrase.trim();
    let exact = p.ends_with('_');
    let ws = p
        .split(['_', ' ', '\t'])
        .filter(|w| !w.is_empty())
        .map(str::to_lowercase)
        .collect();
    (ws, exact)
}

/// A name and, for a stem, its regular plural.
fn with_plural(ws: &[String], exact: bool) -> Vec<String> {
    let name = ws.join(" ");
    let mut out = vec![name.clone()];
    if !exact && let Some((last, head)) = ws.split_last() {
        let mut pl: Vec<String> = head.to_vec();
        pl.push(plural(last));
        let pl = pl.join(" ");
        if pl != name {
            out.push(pl);
        }
    }
    out
}

type Restriction = (String, Option<NaiveDate>, Option<NaiveDate>);

/// `CODE`, `CODE <date`, `CODE >date`, `CODE date-date`: PETRARCH's syntax, and TABARI also
/// refuses a range that ends before it starts.
fn restriction(inner: &str) -> Result<Restriction, String> {
    let r = parse_restriction(inner)?;
    if let (_, Some(a), Some(b)) = &r
        && b < a
    {
        let rest: String = inner.split_whitespace().skip(1).collect();
        return Err(format!("date range ends before it starts: {rest}"));
    }
    Ok(r)
}

/// The record being read: names, first line, codes.
#[derive(Default)]
struct ActorRecord {
    names: Vec<String>,
    line: usize,
    codes: Vec<Restriction>,
    null: bool,
}

/// Reads a TABARI `.actors` file.
pub fn read_actors(text: &str) -> Parsed {
    let mut out = Parsed::default();
    let mut rec: Option<ActorRecord> = None;
    let finish = |out: &mut Parsed, rec: Option<ActorRecord>| {
        let Some(r) = rec else { return };
        if r.codes.is_empty() {
            if !r.null {
                problem(out, r.line, format!("actor {:?} has no code", r.names[0]));
            }
            return;
        }
        for (code, from, until) in r.codes {
            out.dict.actors.push(ActorEntry {
                code,
                names: r.names.clone(),
                from,
                until,
                note: "tabari".into(),
                line: r.line,
                ..Default::default()
            });
        }
    };
    for (n, line) in lines(text) {
        let t = line.trim();
        if t.is_empty() {
            continue;
        }
        if let Some(reason) = bad_chars(t) {
            problem(&mut out, n, reason);
            continue;
        }
        let (head, codes) = match brackets(t) {
            Ok(x) => x,
            Err(e) => {
                problem(&mut out, n, e);
                continue;
            }
        };
        let head = head.trim();
        if head.is_empty() {
            // Codes for the record above.
            let Some(r) = rec.as_mut() else {
                problem(&mut out, n, "code before any actor");
                continue;
            };
            add_codes(&mut out, n, r, &codes);
            continue;
        }
        finish(&mut out, rec.take());
        let (ws, exact) = words(head);
        if ws.is_empty() {
            problem(&mut out, n, "actor line without a name");
            continue;
        }
        if codes.contains(&"###") {
            out.dict.discards.push(PhraseEntry {
                code: String::new(),
                phrase: ws.join(" "),
                line: n,
            });
            continue;
        }
        let mut r = ActorRecord {
            names: with_plural(&ws, exact),
            line: n,
            ..Default::default()
        };
        add_codes(&mut out, n, &mut r, &codes);
        rec = Some(r);
    }
    finish(&mut out, rec.take());
    out
}

fn add_codes(out: &mut Parsed, n: usize, r: &mut ActorRecord, codes: &[&str]) {
    for c in codes {
        if *c == "---" {
            r.null = true;
            continue;
        }
        match restriction(c) {
            Ok(x) => r.codes.push(x),
            Err(e) => problem(out, n, e),
        }
    }
}

/// A verb: words before it, its forms, words after it.
struct Verb {
    pre: Vec<String>,
    forms: Vec<String>,
    post: Vec<String>,
}

impl Verb {
    fn items(&self) -> Vec<PatternItem> {
        let mut items: Vec<PatternItem> = self
            .pre
            .iter()
            .map(|w| PatternItem::Word(vec![w.clone()]))
            .collect();
        items.push(PatternItem::Verb);
        items.push(PatternItem::Word(self.forms.clone()));
        items.extend(self.post.iter().map(|w| PatternItem::Word(vec![w.clone()])));
        items
    }
}

/// `[CODE]` of a verb or pattern: `---` → empty (codes nothing).
fn verb_code(codes: &[&str]) -> Result<String, String> {
    match codes {
        [] => Ok(String::new()),
        [""] => Err("empty [code]".into()),
        [c] if *c == "---" => Ok(String::new()),
        [c] if c.contains(char::is_whitespace) => Err(format!("bad verb code [{c}]")),
        [c] => Ok(c.to_string()),
        _ => Err("more than one [code]".into()),
    }
}

/// `HURRY`, `SEND {SENT SENDS SENDING}`, `CALL_+OFF`, `SAID_`.
fn parse_verb(head: &str) -> Result<Verb, String> {
    let (phrase, irregular) = match head.find('{') {
        Some(i) => {
            let close = head[i..]
                .find('}')
                .map(|j| i + j)
                .ok_or("unclosed { in verb forms")?;
            if !head[close + 1..].trim().is_empty() {
                return Err("text after the verb forms".into());
            }
            (&head[..i], Some(&head[i + 1..close]))
        }
        None => (head, None),
    };
    let phrase = phrase.trim();
    if phrase.contains(char::is_whitespace) {
        return Err(format!(
            "verb phrase with a space (join words with _): {phrase}"
        ));
    }
    let exact = phrase.ends_with('_');
    let ws: Vec<&str> = phrase.split('_').filter(|w| !w.is_empty()).collect();
    let vi = ws.iter().position(|w| w.starts_with('+')).unwrap_or(0);
    let lower = |w: &str| w.trim_start_matches('+').to_lowercase();
    let verb = ws.get(vi).map(|w| lower(w)).unwrap_or_default();
    if verb.is_empty() || verb.contains(['*', '$', '%', '^', '&', '[', ']', '{', '}', '-']) {
        return Err(format!("bad verb: {phrase:?}"));
    }
    let forms = match irregular {
        Some(list) => {
            let mut forms = vec![verb.clone()];
            for f in list.split_whitespace() {
                let f = lower(f.trim_end_matches('_'));
                if !f.is_empty() && !forms.contains(&f) {
                    forms.push(f);
                }
            }
            forms
        }
        None if exact => vec![verb.clone()],
        None => verb_forms(&verb),
    };
    Ok(Verb {
        pre: ws[..vi].iter().map(|w| lower(w)).collect(),
        forms,
        post: ws[vi + 1..].iter().map(|w| lower(w)).collect(),
    })
}

/// A pattern line after its `-`: items (with `Verb` where `*` is, first when absent).
fn parse_pattern(body: &str) -> Result<Vec<PatternItem>, String> {
    let mut items = Vec::new();
    for tok in body.split([' ', '\t', '_']).filter(|t| !t.is_empty()) {
        let mut rest = tok;
        while let Some(c) = rest.chars().next() {
            let item = match c {
                '*' => PatternItem::Verb,
                '+' => PatternItem::Target,
                '$' => PatternItem::Source,
                '%' => PatternItem::Compound,
                '^' => PatternItem::Skip,
                _ => break,
            };
            items.push(item);
            rest = &rest[1..];
        }
        if rest.is_empty() {
            continue;
        }
        if let Some(s) = rest.strip_prefix('&') {
            if s.is_empty() || s.contains(['*', '+', '$', '&', '%', '^']) {
                return Err(format!("bad synset name: {rest:?}"));
            }
            items.push(PatternItem::Synset(s.to_string()));
            continue;
        }
        let w = rest.trim_end_matches(['*', '+', '$']);
        if w.contains(['*', '+', '$', '%', '^', '&', '{', '}', '|']) {
            return Err(format!("bad pattern word: {rest:?}"));
        }
        items.push(PatternItem::Word(vec![w.to_lowercase()]));
        for c in rest[w.len()..].chars() {
            items.push(match c {
                '*' => PatternItem::Verb,
                '+' => PatternItem::Target,
                _ => PatternItem::Source,
            });
        }
    }
    if items.is_empty() {
        return Err("empty pattern".into());
    }
    match items.iter().filter(|i| **i == PatternItem::Verb).count() {
        0 => items.insert(0, PatternItem::Verb),
        1 => {}
        n => return Err(format!("pattern has {n} verbs (*), at most one allowed")),
    }
    Ok(items)
}

/// Reads a TABARI `.verbs` file.
pub fn read_verbs(text: &str) -> Parsed {
    let mut out = Parsed::default();
    let mut verb: Option<Verb> = None;
    let mut synset: Option<(String, Vec<String>, usize)> = None;
    for (n, line) in lines(text) {
        let t = line.trim();
        if t.is_empty() {
            continue;
        }
        if let Some(reason) = bad_chars(t) {
            problem(&mut out, n, reason);
            continue;
        }
        if let Some(s) = synset.as_mut()
            && let Some(m) = t.strip_prefix('+')
        {
            let (ws, exact) = words(m);
            if ws.is_empty() {
                problem(&mut out, n, "empty synset member");
            } else {
                s.1.extend(with_plural(&ws, exact));
            }
            continue;
        }
        if let Some((name, members, line)) = synset.take() {
            if members.is_empty() {
                problem(&mut out, line, format!("synset &{name} has no members"));
            } else {
                out.dict.synsets.push((name, members));
            }
        }
        if t.starts_with("---") {
            verb = None;
            continue;
        }
        if let Some(name) = t.strip_prefix('&') {
            let name = name.trim().trim_end_matches('_');
            if name.is_empty() || name.contains(|c: char| !(c.is_alphanumeric() || c == '_')) {
                problem(&mut out, n, format!("bad synset name: {t:?}"));
            } else {
                synset = Some((name.to_string(), Vec::new(), n));
            }
            verb = None;
            continue;
        }
        if t.starts_with('~') {
            continue; // PETRARCH-era transformations: nothing to read
        }
        let (head, codes) = match brackets(t) {
            Ok(x) => x,
            Err(e) => {
                problem(&mut out, n, e);
                continue;
            }
        };
        let code = match verb_code(&codes) {
            Ok(c) => c,
            Err(e) => {
                problem(&mut out, n, e);
                continue;
            }
        };
        if let Some(p) = head.trim_start().strip_prefix('-') {
            let Some(v) = verb.as_ref() else {
                problem(&mut out, n, "pattern before any verb");
                continue;
            };
            if codes.is_empty() {
                problem(&mut out, n, "pattern without [code]");
                continue;
            }
            if codes == ["###"] {
                problem(&mut out, n, "discard patterns ([###]) are not supported");
                continue;
            }
            match parse_pattern(p) {
                Ok(items) => {
                    let star = items.iter().position(|i| *i == PatternItem::Verb);
                    let star = star.unwrap_or(0);
                    let mut pattern = items[..star].to_vec();
                    pattern.extend(v.items());
                    pattern.extend(items[star + 1..].iter().cloned());
                    out.dict.verbs.push(VerbEntry {
                        code,
                        pattern,
                        note: String::new(),
                        line: n,
                    });
                }
                Err(e) => problem(&mut out, n, e),
            }
            continue;
        }
        if codes == ["###"] {
            let (ws, _) = words(head);
            if ws.is_empty() {
                problem(&mut out, n, "empty discard phrase");
            } else {
                out.dict.discards.push(PhraseEntry {
                    code: String::new(),
                    phrase: ws.join(" "),
                    line: n,
                });
            }
            verb = None;
            continue;
        }
        match parse_verb(head) {
            Ok(v) => {
                out.dict.verbs.push(VerbEntry {
                    code,
                    pattern: v.items(),
                    note: String::new(),
                    line: n,
                });
                verb = Some(v);
            }
            Err(e) => {
                problem(&mut out, n, e);
                verb = None;
            }
        }
    }
    if let Some((name, members, line)) = synset.take() {
        if members.is_empty() {
            problem(&mut out, line, format!("synset &{name} has no members"));
        } else {
            out.dict.synsets.push((name, members));
        }
    }
    let names: std::collections::HashSet<&str> =
        out.dict.synsets.iter().map(|(n, _)| n.as_str()).collect();
    let mut missing = Vec::new();
    for v in &out.dict.verbs {
        for it in &v.pattern {
            if let PatternItem::Synset(s) = it
                && !names.contains(s.as_str())
            {
                missing.push((v.line, format!("unknown synset &{s}")));
            }
        }
    }
    for (line, m) in missing {
        problem(&mut out, line, m);
    }
    out
}

/// Reads a TABARI `.agents` file.
pub fn read_agents(text: &str) -> Parsed {
    let mut out = Parsed::default();
    for (n, line) in lines(text) {
        let t = line.trim();
        if t.is_empty() {
            continue;
        }
        if let Some(reason) = bad_chars(t) {
            problem(&mut out, n, reason);
            continue;
        }
        let (head, codes) = match brackets(t) {
            Ok((h, c)) if c.len() == 1 => (h, c[0]),
            Ok(_) => {
                problem(&mut out, n, "agent needs exactly one [code]");
                continue;
            }
            Err(e) => {
                problem(&mut out, n, e);
                continue;
            }
        };
        let code: String = codes.chars().filter(|c| !c.is_whitespace()).collect();
        let code = match code.strip_prefix('~') {
            Some(c) => c.to_string(),
            None => code,
        };
        let core = code.strip_suffix('~').unwrap_or(&code);
        if core.is_empty() || core.contains(['[', ']', '~', '{', '}']) {
            problem(&mut out, n, format!("bad agent code [{codes}]"));
            continue;
        }
        let (phrase, plurals) = match head.find('{') {
            Some(i) => match head[i..].find('}') {
                Some(j) => (&head[..i], Some(&head[i + 1..i + j])),
                None => {
                    problem(&mut out, n, "unclosed { in plurals");
                    continue;
                }
            },
            None => (head, None),
        };
        let (ws, exact) = words(phrase);
        if ws.is_empty() {
            problem(&mut out, n, "agent without a phrase");
            continue;
        }
        let names = match plurals {
            Some(list) => {
                let mut names = vec![ws.join(" ")];
                for p in list.split_whitespace() {
                    let (pw, _) = words(p);
                    let p = pw.join(" ");
                    if !p.is_empty() && !names.contains(&p) {
                        names.push(p);
                    }
                }
                names
            }
            None => with_plural(&ws, exact),
        };
        out.dict.agents.push(AgentEntry {
            code,
            names,
            line: n,
        });
    }
    out
}

/// Reads the discards and issues of a TABARI `.options` file.
pub fn read_options(text: &str) -> Parsed {
    let mut out = Parsed::default();
    let mut issue = false;
    for (n, line) in lines(text) {
        let t = line.trim();
        if t.is_empty() {
            continue;
        }
        if let Some(reason) = bad_chars(t) {
            problem(&mut out, n, reason);
            continue;
        }
        let upper = t.to_ascii_uppercase();
        if upper.starts_with("<ISSUE") {
            issue = true;
            continue;
        }
        if upper.starts_with("</ISSUE") {
            issue = false;
            continue;
        }
        if let Some(p) = upper
            .strip_prefix("DISCARD:")
            .map(|_| &t["DISCARD:".len()..])
        {
            push_phrase(&mut out, n, p, String::new(), false);
            continue;
        }
        let (head, codes) = match brackets(t) {
            Ok(x) => x,
            Err(e) => {
                problem(&mut out, n, e);
                continue;
            }
        };
        match codes.as_slice() {
            ["###"] => push_phrase(&mut out, n, head, String::new(), false),
            [code] if issue && !code.is_empty() && !code.contains(char::is_whitespace) => {
                push_phrase(&mut out, n, head, code.to_string(), true)
            }
            _ if issue => problem(&mut out, n, "issue phrase needs one [CODE]"),
            _ => problem(
                &mut out,
                n,
                format!("unsupported option (only discards and issues are read): {t}"),
            ),
        }
    }
    out
}

fn push_phrase(out: &mut Parsed, n: usize, phrase: &str, code: String, issue: bool) {
    let (ws, _) = words(phrase);
    if ws.is_empty() {
        problem(out, n, "empty phrase");
        return;
    }
    let e = PhraseEntry {
        code,
        phrase: ws.join(" "),
        line: n,
    };
    if issue {
        out.dict.issues.push(e);
    } else {
        out.dict.discards.push(e);
    }
}

#[cfg(test)]
#[path = "tabari_tests.rs"]
mod tests;
