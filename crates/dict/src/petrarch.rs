//! Readers for PETRARCH's dictionary formats: verbs (PETRARCH 1 and 2 pattern syntax, synsets),
//! actors (with date-ranged codes), agents (with `!SUBST!` classes and plurals), discards and
//! issues. Each reader turns a file into the plain entries of [`crate::entry`] plus a list of
//! [`Problem`]s, one per line it could not read: a bad line never stops the rest.
//!
//! Conventions for what PETRARCH expresses and the entry types have no field for:
//! - a paired code `032:033` stays in [`VerbEntry::code`] as written: the matcher codes the
//!   first part source→target and the second part target→source;
//! - an agent whose code goes *before* the country (PETRARCH `[NGO~]`) keeps the trailing `~`
//!   in [`AgentEntry::code`] (`NGO~`); the usual `[~GOV]` becomes `GOV`;
//! - a verb pattern is `[pre-verb items…, Verb, Word(verb forms), post-verb items…]`: the
//!   word right after [`PatternItem::Verb`] is the verb.

use crate::compile::GAP;
use crate::entry::{
    ActorEntry, AgentEntry, Dictionary, PatternItem, PhraseEntry, TransformEntry, VerbEntry,
};
use chrono::NaiveDate;

/// A line of a dictionary file that could not be read, and why.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Problem {
    /// 1-based line number.
    pub line: usize,
    /// What is wrong, in words.
    pub message: String,
}

/// A file read into entries, with the problems met on the way.
#[derive(Clone, Debug, Default)]
pub struct Parsed {
    /// The entries that could be read.
    pub dict: Dictionary,
    /// One per unreadable line.
    pub problems: Vec<Problem>,
}

impl Parsed {
    fn problem(&mut self, line: usize, message: impl Into<String>) {
        self.problems.push(Problem {
            line,
            message: message.into(),
        });
    }
}

/// The kinds of PETRARCH dictionary file.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Kind {
    /// Verb patterns and synsets.
    Verbs,
    /// Actors.
    Actors,
    /// Agents.
    Agents,
    /// Discard phrases.
    Discards,
    /// Issue phrases.
    Issues,
}

impl Kind {
    /// Parses `verbs`, `actors`, `agents`, `discards`, `issues`.
    pub fn parse(s: &str) -> Option<Kind> {
        Some(match s.to_ascii_lowercase().as_str() {
            "verbs" | "verb" => Kind::Verbs,
            "actors" | "actor" => Kind::Actors,
            "agents" | "agent" => Kind::Agents,
            "discards" | "discard" => Kind::Discards,
            "issues" | "issue" => Kind::Issues,
            _ => return None,
        })
    }
}

/// Reads a PETRARCH file of the given kind.
pub fn read(kind: Kind, text: &str) -> Parsed {
    match kind {
        Kind::Verbs => read_verbs(text),
        Kind::Actors => read_actors(text),
        Kind::Agents => read_agents(text),
        Kind::Discards => read_discards(text),
        Kind::Issues => read_issues(text),
    }
}

/// The line without its `#` comment, trimmed at the end; XML-style `<!-- … -->` lines are empty.
fn strip(line: &str) -> &str {
    let l = line.trim_start();
    if l.starts_with("<!--") || l.starts_with("-->") {
        return "";
    }
    match line.find('#') {
        Some(i) => line[..i].trim_end(),
        None => line.trim_end(),
    }
}

/// Regular English noun plurals as PETRARCH generates them.
pub fn plural(word: &str) -> String {
    if let Some(stem) = word.strip_suffix('y')
        && !stem.ends_with(['a', 'e', 'o', 'u'])
    {
        return format!("{stem}ies");
    }
    if word.ends_with("ss") || word.ends_with("sh") || word.ends_with("ch") || word.ends_with('x') {
        return format!("{word}es");
    }
    format!("{word}s")
}

/// Regular English verb forms (3rd person, past, gerund) of a lower-case verb.
pub fn verb_forms(verb: &str) -> Vec<String> {
    let mut out = vec![verb.to_string()];
    let cons = |c: char| !"aeiou".contains(c);
    if let Some(stem) = verb.strip_suffix('e') {
        out.push(format!("{verb}s"));
        out.push(format!("{verb}d"));
        out.push(format!("{stem}ing"));
    } else if let Some(stem) = verb.strip_suffix('y')
        && stem.chars().last().is_some_and(cons)
    {
        out.push(format!("{stem}ies"));
        out.push(format!("{stem}ied"));
        out.push(format!("{verb}ing"));
    } else {
        let es = verb.ends_with("ss")
            || verb.ends_with("sh")
            || verb.ends_with("ch")
            || verb.ends_with('x');
        out.push(if es {
            format!("{verb}es")
        } else {
            format!("{verb}s")
        });
        out.push(format!("{verb}ed"));
        out.push(format!("{verb}ing"));
        // Consonant doubling for short closed syllables: "ban" → "banned", "stop" → "stopping".
        let cs: Vec<char> = verb.chars().collect();
        let n = cs.len();
        if n >= 3
            && cons(cs[n - 1])
            && !"wxy".contains(cs[n - 1])
            && !cons(cs[n - 2])
            && cons(cs[n - 3])
            && verb.chars().filter(|&c| !cons(c)).count() == 1
        {
            let last = cs[n - 1];
            out.push(format!("{verb}{last}ed"));
            out.push(format!("{verb}{last}ing"));
        }
    }
    out
}

/// A bracketed code `[...]` in a line: (text before, code, text after).
fn bracket(line: &str) -> Option<(&str, &str, &str)> {
    let open = line.find('[')?;
    let close = line[open..].find(']')? + open;
    Some((
        &line[..open],
        line[open + 1..close].trim(),
        &line[close + 1..],
    ))
}

/// Words of a phrase written with `_` or spaces, lower-cased, trailing `_` marks dropped.
fn phrase_words(s: &str) -> Vec<String> {
    s.split(['_', ' ', '\t'])
        .filter(|w| !w.is_empty())
        .map(|w| w.to_lowercase())
        .collect()
}

/// Words of an actor or agent phrase, lower-cased, with [`GAP`] between two words written
/// with a blank: PETRARCH lets other words come between them ("ITHILEN TELEVISION" codes
/// "Ithilen state-run television"), while `_` joins words that must follow each other.
fn gapped_words(s: &str) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    for chunk in s.split([' ', '\t']).filter(|c| !c.is_empty()) {
        let words: Vec<String> = chunk
            .split('_')
            .filter(|w| !w.is_empty())
            .map(str::to_lowercase)
            .collect();
        if words.is_empty() {
            continue;
        }
        if !out.is_empty() {
            out.push(GAP.to_string());
        }
        out.extend(words);
    }
    out
}

/// `ws` without gaps at either end or two in a row.
fn trim_gaps(ws: Vec<String>) -> Vec<String> {
    let mut out: Vec<String> = Vec::with_capacity(ws.len());
    for w in ws {
        if w == GAP && out.last().is_none_or(|l| l == GAP) {
            continue;
        }
        out.push(w);
    }
    if out.last().is_some_and(|l| l == GAP) {
        out.pop();
    }
    out
}

/// Reads a PETRARCH verb dictionary: synsets, verb blocks and patterns, in either the
/// PETRARCH 1 (`- $ * + [code]`) or PETRARCH 2 (`- * (FOR {FINANCIAL AID}) [code]`) syntax.
pub fn read_verbs(text: &str) -> Parsed {
    let mut out = Parsed::default();
    let mut synset: Option<(String, Vec<String>)> = None;
    let mut block: Option<Block> = None;
    for (n, raw) in text.lines().enumerate() {
        let line_no = n + 1;
        let line = strip(raw);
        let t = line.trim();
        if t.is_empty() {
            continue;
        }
        if let Some(name) = t.strip_prefix('&') {
            flush_synset(&mut out, &mut synset);
            if let Some(b) = block.take() {
                b.finish(&mut out.dict);
            }
            let name = name.split_whitespace().next().unwrap_or("");
            synset = Some((name.trim_end_matches('_').to_string(), Vec::new()));
            if name.ends_with('_') {
                // No plurals for any member: remember with a marker.
                if let Some(s) = synset.as_mut() {
                    s.1.push("\u{0}nopl".into());
                }
            }
            continue;
        }
        if let Some(s) = synset.as_mut()
            && let Some(member) = t.strip_prefix('+')
        {
            let m = member.trim();
            if m.is_empty() {
                out.problem(line_no, "empty synset member");
            } else {
                s.1.push(m.to_string());
            }
            continue;
        }
        flush_synset(&mut out, &mut synset);
        if t.starts_with("---") {
            if let Some(b) = block.take() {
                b.finish(&mut out.dict);
            }
            let code = match bracket(t) {
                Some((_, c, _)) if c.contains(char::is_whitespace) => {
                    out.problem(line_no, format!("space in code [{c}]"));
                    "---".into()
                }
                Some((_, c, _)) => c.to_string(),
                None => {
                    out.problem(line_no, "verb block header without [code]");
                    "---".into()
                }
            };
            block = Some(Block {
                code,
                verbs: Vec::new(),
                patterns: Vec::new(),
            });
            continue;
        }
        if t.starts_with('~') {
            // ("~ a (b . ATTACK) SAY = a b 112  # comment")
            let rule = t.split('#').next().unwrap_or(t);
            match rule.parse() {
                Ok(rule) => out.dict.transforms.push(TransformEntry {
                    rule,
                    note: String::new(),
                    line: line_no,
                }),
                Err(e) => out.problem(line_no, e),
            }
            continue;
        }
        let Some(b) = block.as_mut() else {
            out.problem(line_no, format!("line outside any verb block: {t}"));
            continue;
        };
        if let Some(p) = t.strip_prefix('-') {
            match parse_pattern(p) {
                Ok((items, code)) => b.patterns.push((items, code, line_no)),
                Err(e) => out.problem(line_no, e),
            }
            continue;
        }
        match parse_verb_line(t) {
            Ok(v) => b.verbs.push((v, line_no)),
            Err(e) => out.problem(line_no, e),
        }
    }
    flush_synset(&mut out, &mut synset);
    if let Some(b) = block.take() {
        b.finish(&mut out.dict);
    }
    resolve_transform_verbs(&mut out.dict);
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
        out.problem(line, m);
    }
    out
}

/// PETRARCH's transformations name verbs that stand for their codes ("the verbs in the
/// patterns are converted to codes, so synonyms also match"): `ATTACK` is every verb coded
/// 190. A verb without a code (`ATTEMPT [---]`) stays a word.
fn resolve_transform_verbs(dict: &mut Dictionary) {
    use crate::transform::VerbRef;
    let mut code_of: std::collections::HashMap<&str, &str> = std::collections::HashMap::new();
    for v in &dict.verbs {
        if let [PatternItem::Verb, PatternItem::Word(forms)] = v.pattern.as_slice()
            && !v.code.is_empty()
            && let Some(lemma) = forms.first()
        {
            code_of.entry(lemma.as_str()).or_insert(v.code.as_str());
        }
    }
    let resolve = |r: &VerbRef| match r {
        VerbRef::Word(w) => code_of
            .get(w.as_str())
            .map_or_else(|| r.clone(), |c| VerbRef::Code(c.to_string())),
        _ => r.clone(),
    };
    let resolved: Vec<(VerbRef, VerbRef)> = dict
        .transforms
        .iter()
        .map(|t| (resolve(&t.rule.upper_verb), resolve(&t.rule.lower_verb)))
        .collect();
    for (t, (upper, lower)) in dict.transforms.iter_mut().zip(resolved) {
        t.rule.upper_verb = upper;
        t.rule.lower_verb = lower;
    }
}

fn flush_synset(out: &mut Parsed, synset: &mut Option<(String, Vec<String>)>) {
    if let Some((name, members)) = synset.take() {
        let nopl = members.first().is_some_and(|m| m == "\u{0}nopl");
        let mut words = Vec::new();
        for m in members.into_iter().filter(|m| m != "\u{0}nopl") {
            if m.starts_with('&') {
                words.push(m.trim_end_matches('_').to_string());
                continue;
            }
            let stop = m.ends_with('_');
            let p = phrase_words(&m).join(" ");
            if !stop && !nopl {
                let mut ws: Vec<&str> = p.split(' ').collect();
                let last = ws.pop().unwrap_or("");
                let pl = plural(last);
                ws.push(&pl);
                let pl_phrase = ws.join(" ");
                words.push(p);
                words.push(pl_phrase);
            } else {
                words.push(p);
            }
        }
        out.dict.synsets.push((name, words));
    }
}

/// One verb line of a block: the words before the verb, the verb's forms, the words after,
/// and its own code.
#[derive(Debug)]
struct VerbLine {
    pre: Vec<String>,
    forms: Vec<String>,
    post: Vec<String>,
    code: Option<String>,
}

struct Block {
    code: String,
    verbs: Vec<(VerbLine, usize)>,
    patterns: Vec<(Vec<PatternItem>, String, usize)>,
}

impl Block {
    fn finish(self, dict: &mut Dictionary) {
        let block_code = if self.code == "---" {
            String::new()
        } else {
            self.code
        };
        // Bare verbs, each with its own or the block's code.
        let mut single: Vec<String> = Vec::new();
        for (v, line) in &self.verbs {
            let code = match &v.code {
                Some(c) if c == "---" => String::new(),
                Some(c) => c.clone(),
                None => block_code.clone(),
            };
            dict.verbs.push(VerbEntry {
                code,
                pattern: verb_items(v),
                note: String::new(),
                line: *line,
            });
            if v.pre.is_empty() && v.post.is_empty() {
                single.extend(v.forms.iter().cloned());
            }
        }
        // Patterns: once for all single-word verbs, once per multi-word verb.
        for (items, code, line) in &self.patterns {
            let code = if code == "---" {
                String::new()
            } else {
                code.clone()
            };
            let mut heads: Vec<Vec<PatternItem>> = Vec::new();
            if !single.is_empty() {
                heads.push(vec![PatternItem::Verb, PatternItem::Word(single.clone())]);
            }
            for (v, _) in &self.verbs {
                if !(v.pre.is_empty() && v.post.is_empty()) {
                    heads.push(verb_items(v));
                }
            }
            for head in heads {
                let star = items
                    .iter()
                    .position(|i| *i == PatternItem::Verb)
                    .unwrap_or(0);
                let mut pattern: Vec<PatternItem> = items[..star].to_vec();
                pattern.extend(head);
                pattern.extend(items[star + 1..].iter().cloned());
                dict.verbs.push(VerbEntry {
                    code: code.clone(),
                    pattern,
                    note: String::new(),
                    line: *line,
                });
            }
        }
    }
}

fn verb_items(v: &VerbLine) -> Vec<PatternItem> {
    let mut items: Vec<PatternItem> = v
        .pre
        .iter()
        .map(|w| PatternItem::Word(vec![w.clone()]))
        .collect();
    items.push(PatternItem::Verb);
    items.push(PatternItem::Word(v.forms.clone()));
    items.extend(v.post.iter().map(|w| PatternItem::Word(vec![w.clone()])));
    items
}

/// `HURRY {HURRIES HURRYING HURRIED}`, `+CORDON_OFF {…}`, `WIRE_+TAP`, `KLM_NOP_+RST [002]`.
fn parse_verb_line(t: &str) -> Result<VerbLine, String> {
    let (head, code) = match bracket(t) {
        Some((_, code, _)) if code.contains(char::is_whitespace) => {
            return Err(format!("space in code [{code}]"));
        }
        Some((before, code, _)) => (before, Some(code.to_string())),
        None => (t, None),
    };
    let (phrase, irregular) = match head.find('{') {
        Some(i) => {
            let close = head[i..]
                .find('}')
                .map(|j| i + j)
                .ok_or("unclosed { in verb forms")?;
            (&head[..i], Some(&head[i + 1..close]))
        }
        None => (head, None),
    };
    let phrase = phrase.trim();
    if phrase.is_empty() {
        return Err("verb line without a verb".into());
    }
    // ("LASH OUT": a space joins the words of a phrase as `_` does.)
    let words: Vec<&str> = phrase
        .split(['_', ' ', '\t'])
        .filter(|w| !w.is_empty())
        .collect();
    let vi = words.iter().position(|w| w.starts_with('+')).unwrap_or(0);
    let verb = words[vi].trim_start_matches('+').to_lowercase();
    if verb.is_empty() || verb.contains(char::is_whitespace) {
        return Err(format!("bad verb phrase: {phrase}"));
    }
    let pre: Vec<String> = words[..vi].iter().map(|w| w.to_lowercase()).collect();
    let post: Vec<String> = words[vi + 1..].iter().map(|w| w.to_lowercase()).collect();
    let mut forms = vec![verb.clone()];
    match irregular {
        Some(list) => {
            for f in list.split_whitespace() {
                let ws: Vec<&str> = f.split('_').filter(|w| !w.is_empty()).collect();
                let fi = ws.iter().position(|w| w.starts_with('+')).unwrap_or(0);
                if let Some(w) = ws.get(fi) {
                    let w = w.trim_start_matches('+').to_lowercase();
                    if !forms.contains(&w) {
                        forms.push(w);
                    }
                }
            }
        }
        None => forms = verb_forms(&verb),
    }
    Ok(VerbLine {
        pre,
        forms,
        post,
        code,
    })
}

/// A pattern line after its leading `-`: the items and the code.
fn parse_pattern(p: &str) -> Result<(Vec<PatternItem>, String), String> {
    let (body, code, _) = bracket(p).ok_or("pattern without [code]")?;
    if code.is_empty() {
        return Err("empty [code] in pattern".into());
    }
    if code.contains(char::is_whitespace) {
        return Err(format!("space in code [{code}]"));
    }
    let mut items = Vec::new();
    // Words joined by `_` follow each other with nothing between ("NEW_&TIETYPES_RELATIONS").
    let wordlike = |i: &PatternItem| {
        matches!(
            i,
            PatternItem::Word(_) | PatternItem::Synset(_) | PatternItem::Verb
        )
    };
    for chunk in body.split([' ', '\t', '(', ')', '{', '}']) {
        // The last piece of this chunk ended in a word, so a word next touches it.
        let mut joined = false;
        for tok in chunk.split('_') {
            let before = items.len();
            parse_pattern_token(tok.trim(), &mut items);
            let Some(last) = items.last().filter(|_| items.len() > before) else {
                joined = false;
                continue;
            };
            let ends_in_word = wordlike(last);
            if joined && wordlike(&items[before]) {
                items.insert(before, PatternItem::Adjacent);
            }
            joined = ends_in_word;
        }
    }
    let verbs = items.iter().filter(|i| **i == PatternItem::Verb).count();
    if verbs != 1 {
        return Err(format!("pattern needs exactly one *, found {verbs}"));
    }
    Ok((items, code.to_string()))
}

/// One `_`-separated piece of a pattern: markers, a word or a synset.
fn parse_pattern_token(tok: &str, items: &mut Vec<PatternItem>) {
    if tok.is_empty() {
        return;
    }
    // "SUGGESTED_+" / "+X": a lone marker or marker glued to a word.
    let mut rest = tok;
    while let Some(c) = rest.chars().next() {
        match c {
            '*' => items.push(PatternItem::Verb),
            '+' => items.push(PatternItem::Target),
            '$' => items.push(PatternItem::Source),
            '%' => items.push(PatternItem::Compound),
            '^' => items.push(PatternItem::Skip),
            _ => break,
        }
        rest = &rest[1..];
    }
    if rest.is_empty() {
        return;
    }
    if let Some(s) = rest.strip_prefix('&') {
        items.push(PatternItem::Synset(s.to_string()));
    } else {
        let w = rest.trim_end_matches(['*', '+', '$']).to_lowercase();
        items.push(PatternItem::Word(vec![w]));
        for c in rest.chars().rev().take_while(|c| "*+$".contains(*c)) {
            items.push(match c {
                '*' => PatternItem::Verb,
                '+' => PatternItem::Target,
                _ => PatternItem::Source,
            });
        }
    }
}

/// Reads a PETRARCH actor dictionary.
pub fn read_actors(text: &str) -> Parsed {
    let mut out = Parsed::default();
    // The record being built: names, default code, dated codes.
    let mut names: Vec<String> = Vec::new();
    let mut default: Option<String> = None;
    let mut dated: Vec<(String, Option<NaiveDate>, Option<NaiveDate>)> = Vec::new();
    let mut first_line = 0usize;
    let flush = |out: &mut Parsed,
                 names: &mut Vec<String>,
                 default: &mut Option<String>,
                 dated: &mut Vec<(String, Option<NaiveDate>, Option<NaiveDate>)>,
                 line: usize| {
        if names.is_empty() {
            return;
        }
        let mut any = false;
        for (code, from, until) in dated.drain(..) {
            any = true;
            out.dict.actors.push(ActorEntry {
                code,
                names: names.clone(),
                from,
                until,
                line,
                ..Default::default()
            });
        }
        if let Some(code) = default.take() {
            any = true;
            out.dict.actors.push(ActorEntry {
                code,
                names: names.clone(),
                note: "default".into(),
                line,
                ..Default::default()
            });
        }
        if !any {
            out.problem(line, format!("actor {} has no code", names[0]));
        }
        names.clear();
    };
    for (n, raw) in text.lines().enumerate() {
        let line_no = n + 1;
        let line = strip(raw);
        if line.trim().is_empty() {
            continue;
        }
        let indented = line.starts_with([' ', '\t']);
        let t = line.trim();
        if t.starts_with('[') && indented || t.starts_with('[') && !names.is_empty() {
            let Some((_, inner, _)) = bracket(t) else {
                out.problem(line_no, "unclosed [");
                continue;
            };
            match parse_restriction(inner) {
                Ok((code, None, None)) => default = Some(code),
                Ok((code, from, until)) => dated.push((code, from, until)),
                Err(e) => out.problem(line_no, e),
            }
            continue;
        }
        let (syn, body) = match t.strip_prefix('+') {
            Some(b) => (true, b),
            None => (false, t),
        };
        if !syn {
            flush(&mut out, &mut names, &mut default, &mut dated, first_line);
            first_line = line_no;
        } else if names.is_empty() {
            out.problem(line_no, "synonym before any actor");
            continue;
        }
        let (phrase, code) = match bracket(body) {
            Some((before, code, _)) => (before, Some(code)),
            None => (body, None),
        };
        let ws = gapped_words(phrase.trim_end_matches(';'));
        let ws: Vec<String> = ws.into_iter().filter(|w| w != ";").collect();
        let ws = trim_gaps(ws);
        if ws.is_empty() {
            out.problem(line_no, "actor line without a name");
            continue;
        }
        names.push(ws.join(" "));
        if let Some(c) = code {
            match parse_restriction(c) {
                Ok((code, None, None)) => default = Some(code),
                Ok((code, from, until)) => dated.push((code, from, until)),
                Err(e) => out.problem(line_no, e),
            }
        }
    }
    flush(&mut out, &mut names, &mut default, &mut dated, first_line);
    out
}

type Restriction = (String, Option<NaiveDate>, Option<NaiveDate>);

/// `CODE`, `CODE <date`, `CODE >date`, `CODE date-date` (YYYYMMDD or YYMMDD).
pub(crate) fn parse_restriction(inner: &str) -> Result<Restriction, String> {
    let inner = inner.trim();
    let (code, rest) = match inner.find(char::is_whitespace) {
        Some(i) => (&inner[..i], inner[i..].trim()),
        None => (inner, ""),
    };
    // A restriction that starts with a digit or < > has no code: PETRARCH rejects it.
    if code.is_empty() || code.starts_with(|c: char| c.is_ascii_digit() || c == '<' || c == '>') {
        return Err(format!("date restriction without a code: [{inner}]"));
    }
    if rest.is_empty() {
        return Ok((code.to_string(), None, None));
    }
    let rest: String = rest.chars().filter(|c| !c.is_whitespace()).collect();
    if let Some(d) = rest.strip_prefix('<') {
        let d = parse_date(d)?;
        return Ok((code.into(), None, d.pred_opt()));
    }
    if let Some(d) = rest.strip_prefix('>') {
        let d = parse_date(d)?;
        return Ok((code.into(), d.succ_opt(), None));
    }
    let (a, b) = rest
        .split_once('-')
        .ok_or_else(|| format!("bad date restriction: {rest}"))?;
    Ok((code.into(), Some(parse_date(a)?), Some(parse_date(b)?)))
}

/// YYYYMMDD or YYMMDD (two-digit years: 30–99 → 19xx, else 20xx, as TABARI).
pub fn parse_date(s: &str) -> Result<NaiveDate, String> {
    let s = s.trim();
    let bad = || format!("bad date: {s}");
    if !s.chars().all(|c| c.is_ascii_digit()) {
        return Err(bad());
    }
    let (y, rest) = match s.len() {
        8 => (s[..4].parse::<i32>().map_err(|_| bad())?, &s[4..]),
        6 => {
            let yy: i32 = s[..2].parse().map_err(|_| bad())?;
            (if yy >= 30 { 1900 + yy } else { 2000 + yy }, &s[2..])
        }
        _ => return Err(bad()),
    };
    let m: u32 = rest[..2].parse().map_err(|_| bad())?;
    let d: u32 = rest[2..].parse().map_err(|_| bad())?;
    NaiveDate::from_ymd_opt(y, m, d).ok_or_else(bad)
}

/// Reads a PETRARCH agent dictionary.
pub fn read_agents(text: &str) -> Parsed {
    let mut out = Parsed::default();
    let mut subst: Vec<(String, Vec<String>)> = Vec::new();
    for (n, raw) in text.lines().enumerate() {
        let line_no = n + 1;
        let t = strip(raw).trim();
        if t.is_empty() {
            continue;
        }
        if t.starts_with('!')
            && let Some((name, list)) = t.split_once('=')
        {
            let words = list
                .split(',')
                .map(|w| w.trim().to_lowercase())
                .filter(|w| !w.is_empty())
                .collect();
            subst.push((name.trim().to_string(), words));
            continue;
        }
        let Some((before, code, _)) = bracket(t) else {
            out.problem(line_no, "agent without [code]");
            continue;
        };
        let code: String = code.chars().filter(|c| !c.is_whitespace()).collect();
        let code = if let Some(c) = code.strip_prefix('~') {
            c.to_string()
        } else if code.ends_with('~') {
            code
        } else {
            out.problem(line_no, format!("agent code without ~: [{code}]"));
            continue;
        };
        let (phrase, plurals) = match before.find('{') {
            Some(i) => {
                let close = before[i..].find('}').map(|j| i + j).unwrap_or(before.len());
                (&before[..i], Some(&before[i + 1..close]))
            }
            None => (before, None),
        };
        // Expand !SUBST! classes.
        let mut phrases = vec![phrase.trim().to_string()];
        for (name, words) in &subst {
            if phrases.iter().any(|p| p.contains(name.as_str())) {
                phrases = phrases
                    .iter()
                    .flat_map(|p| {
                        words
                            .iter()
                            .map(move |w| p.replace(name.as_str(), &w.to_uppercase()))
                    })
                    .collect();
            }
        }
        if phrases.iter().any(|p| p.contains('!')) {
            out.problem(line_no, "unknown !substitution! class");
            continue;
        }
        let mut names = Vec::new();
        for p in &phrases {
            let ws = trim_gaps(gapped_words(p));
            if ws.is_empty() {
                continue;
            }
            names.push(ws.join(" "));
            match plurals {
                Some(list) => {
                    for pl in list.split_whitespace() {
                        names.push(phrase_words(pl).join(" "));
                    }
                }
                None => {
                    let mut ws = ws.clone();
                    if let Some(last) = ws.pop() {
                        ws.push(plural(&last));
                        names.push(ws.join(" "));
                    }
                }
            }
        }
        if names.is_empty() {
            out.problem(line_no, "agent without a phrase");
            continue;
        }
        out.dict.agents.push(AgentEntry {
            code,
            names,
            line: line_no,
        });
    }
    out
}

/// Reads a PETRARCH discard list: `+PHRASE` voids the story, `PHRASE` the sentence.
pub fn read_discards(text: &str) -> Parsed {
    let mut out = Parsed::default();
    for (n, raw) in text.lines().enumerate() {
        let t = strip(raw).trim();
        if t.is_empty() {
            continue;
        }
        let (code, p) = match t.strip_prefix('+') {
            Some(p) => ("+", p),
            None => ("", t),
        };
        let phrase = phrase_words(p).join(" ");
        if phrase.is_empty() {
            out.problem(n + 1, "empty discard phrase");
            continue;
        }
        out.dict.discards.push(PhraseEntry {
            code: code.into(),
            phrase,
            line: n + 1,
        });
    }
    out
}

/// Reads a PETRARCH issues file (`phrase [CODE]` lines; `<ISSUE …>` category headers and
/// `~` exclusions are skipped; `n:` and `+` markers are dropped).
pub fn read_issues(text: &str) -> Parsed {
    let mut out = Parsed::default();
    for (n, raw) in text.lines().enumerate() {
        let t = strip(raw).trim();
        if t.is_empty() || t.starts_with('<') || t.starts_with('~') {
            continue;
        }
        let Some((before, code, _)) = bracket(t) else {
            out.problem(n + 1, "issue phrase without [CODE]");
            continue;
        };
        if code.is_empty() || code.contains(char::is_whitespace) {
            out.problem(n + 1, format!("bad issue code [{code}]"));
            continue;
        }
        let phrase = before
            .replace("n:", "")
            .replace('+', " ")
            .split_whitespace()
            .map(|w| w.to_lowercase())
            .collect::<Vec<_>>()
            .join(" ");
        if phrase.is_empty() {
            out.problem(n + 1, "empty issue phrase");
            continue;
        }
        out.dict.issues.push(PhraseEntry {
            code: code.into(),
            phrase,
            line: n + 1,
        });
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn verb_forms_regular() {
        assert_eq!(
            verb_forms("restore"),
            ["restore", "restores", "restored", "restoring"]
        );
        assert_eq!(verb_forms("deny"), ["deny", "denies", "denied", "denying"]);
        assert!(verb_forms("ban").contains(&"banned".to_string()));
        assert!(verb_forms("attack").contains(&"attacked".to_string()));
    }

    #[test]
    fn compound_skip_and_joined_pattern_markers() {
        use PatternItem::*;
        let w = |s: &str| Word(vec![s.to_string()]);
        let (items, code) = parse_pattern(" % HAVE POSTPONED *  [191]").unwrap();
        assert_eq!(code, "191");
        assert_eq!(items, [Compound, w("have"), w("postponed"), Verb]);
        let (items, _) = parse_pattern(" * IFTAR AT ^ ^ +  [044]").unwrap();
        assert_eq!(items, [Verb, w("iftar"), w("at"), Skip, Skip, Target]);
        let (items, _) = parse_pattern(" * NEW_&TIETYPES_RELATIONS [903]").unwrap();
        assert_eq!(
            items,
            [
                Verb,
                w("new"),
                Adjacent,
                Synset("TIETYPES".into()),
                Adjacent,
                w("relations")
            ]
        );
        // A trailing `_` joins nothing; a marker glued by `_` is no joined word.
        let (items, _) = parse_pattern(" % SAID WOULD_*_TALKS  [102]").unwrap();
        assert_eq!(
            items,
            [
                Compound,
                w("said"),
                w("would"),
                Adjacent,
                Verb,
                Adjacent,
                w("talks")
            ]
        );
        let (items, _) = parse_pattern(" + WAS_ * TO_ ^ FROM $  [174]").unwrap();
        assert_eq!(
            items,
            [Target, w("was"), Verb, w("to"), Skip, w("from"), Source]
        );
    }

    #[test]
    fn verbs_blocks_patterns_synsets() {
        let text = "&TIES\n+MILITARY\n+ECONOMIC_\n\n--- RESTORE [064] ---\nRESTORE\nMEND {MENDS MENDED}\n\
                    +CORDON_OFF [1721]\n- * &TIES TIES [902] # c\n- $ * + (WITH {FULL AID}) [032:033]\n";
        let p = read_verbs(text);
        assert!(p.problems.is_empty(), "{:?}", p.problems);
        let ties = &p.dict.synsets[0];
        assert_eq!(ties.0, "TIES");
        assert!(ties.1.contains(&"militaries".to_string()));
        assert!(!ties.1.contains(&"economics".to_string()));
        let bare: Vec<_> = p
            .dict
            .verbs
            .iter()
            .filter(|v| v.pattern.len() == 2)
            .collect();
        assert_eq!(bare.len(), 2);
        assert_eq!(bare[0].code, "064");
        let cordon = p.dict.verbs.iter().find(|v| v.code == "1721").unwrap();
        assert_eq!(
            cordon.pattern,
            vec![
                PatternItem::Verb,
                PatternItem::Word(verb_forms("cordon")),
                PatternItem::Word(vec!["off".into()])
            ]
        );
        let paired = p.dict.verbs.iter().find(|v| v.code == "032:033").unwrap();
        assert_eq!(paired.pattern[0], PatternItem::Source);
        assert_eq!(paired.pattern[3], PatternItem::Target);
        assert_eq!(
            paired.pattern.last(),
            Some(&PatternItem::Word(vec!["aid".into()]))
        );
    }

    #[test]
    fn transformations_name_verbs_by_their_codes() {
        use crate::transform::VerbRef;
        let text = "--- SAY [010] ---\nSAY {SAYS SAID}\n--- ATTEMPT [---] ---\nATTEMPT\n\
                    --- FIGHT [190] ---\nATTACK\n\
                    ~ a (b . ATTACK) SAY = a b 112  # accuse\n\
                    ~ a (_ b ATTACK) ATTEMPT = a b 185\n~ a (b ATTACK) SAY = a b 112\n";
        let p = read_verbs(text);
        assert_eq!(p.problems.iter().map(|p| p.line).collect::<Vec<_>>(), [9]);
        let t = &p.dict.transforms;
        assert_eq!(t.len(), 2);
        assert_eq!(t[0].rule.upper_verb, VerbRef::Code("010".into()));
        assert_eq!(t[0].rule.lower_verb, VerbRef::Code("190".into()));
        // A verb with no code stays a word.
        assert_eq!(t[1].rule.upper_verb, VerbRef::Word("attempt".into()));
        assert_eq!(t[1].line, 8);
    }

    #[test]
    fn verbs_report_problems_with_lines() {
        let p = read_verbs("--- X [010] ---\nX\n- * Y\n- Y [020]\n- * &NOPE [030]\n");
        let lines: Vec<usize> = p.problems.iter().map(|p| p.line).collect();
        assert_eq!(lines, [3, 4, 5]);
    }

    #[test]
    fn actors_with_dates() {
        let text = "ARNOR_ [ARN]\nGOLLUM # x\n+SLINKER\n\t[HOB < 950601]\n\t[HOBGOV 19950601 - 19990815]\n\t[HOBREB > 990816]\n";
        let p = read_actors(text);
        assert!(p.problems.is_empty(), "{:?}", p.problems);
        assert_eq!(p.dict.actors.len(), 4);
        assert_eq!(p.dict.actors[0].names, ["arnor"]);
        let gov = &p.dict.actors[2];
        assert_eq!(gov.code, "HOBGOV");
        assert_eq!(gov.names, ["gollum", "slinker"]);
        assert_eq!(gov.from, NaiveDate::from_ymd_opt(1995, 6, 1));
        assert_eq!(p.dict.actors[1].until, NaiveDate::from_ymd_opt(1995, 5, 31));
    }

    #[test]
    fn actor_restriction_without_code_is_a_problem() {
        let p = read_actors("GOLLUM\n\t[950601-990815]\n\t[HOB]\n");
        assert_eq!(p.problems.len(), 1);
        assert_eq!(p.problems[0].line, 2);
        assert_eq!(p.dict.actors.len(), 1);
    }

    #[test]
    fn agents_subst_plural_prefix() {
        let text = "!P! = MAN, WOMAN\nCONGRESS!P! [~LEG]\nPOLICE {} [~COP]\nMSF {} [NGO~]\nGOLDEN_GOOSE {GOLDEN_GEESE} [~GGS]\nCLERIC [~REL]\n";
        let p = read_agents(text);
        assert!(p.problems.is_empty());
        assert_eq!(
            p.dict.agents[0].names,
            [
                "congressman",
                "congressmans",
                "congresswoman",
                "congresswomans"
            ]
        );
        assert_eq!(p.dict.agents[1].names, ["police"]);
        assert_eq!(p.dict.agents[2].code, "NGO~");
        assert_eq!(p.dict.agents[3].names, ["golden goose", "golden geese"]);
        assert_eq!(p.dict.agents[4].names, ["cleric", "clerics"]);
    }

    /// Inputs the `petrarch_dict` fuzz target found: codes with spaces were imported and then
    /// written to herald's format, which cannot read them back.
    #[test]
    fn fuzz_regressions_codes_with_spaces_are_problems() {
        let p = read_verbs("--- X [IM [PSEGZA] ---\nGO\nCOME [01 0]\n- * + [04 2]\n");
        assert_eq!(
            p.problems.iter().map(|p| p.line).collect::<Vec<_>>(),
            [1, 3, 4]
        );
        assert!(p.dict.verbs.iter().all(|v| !v.code.contains(' ')));
        let p = read_issues("FUEL [FU EL]\nTAX []\n");
        assert_eq!(p.problems.len(), 2);
        let p = read_agents("COP [~C\tOP]\n");
        assert_eq!(p.dict.agents[0].code, "COP");
        // The writer refuses such a code instead of writing what the parser rejects.
        let mut d = crate::Dictionary::default();
        d.actors.push(crate::ActorEntry {
            code: "IM PSE".into(),
            names: vec!["x".into()],
            ..Default::default()
        });
        assert!(crate::format::write(&d).is_err());
    }

    #[test]
    fn discards_and_dates() {
        let p = read_discards("YEARS LATER\n+TYPHOON # x\n");
        assert_eq!(p.dict.discards[1].code, "+");
        assert_eq!(p.dict.discards[0].phrase, "years later");
        assert!(parse_date("991301").is_err());
        assert_eq!(
            parse_date("120106"),
            Ok(NaiveDate::from_ymd_opt(2012, 1, 6).unwrap())
        );
    }
}
