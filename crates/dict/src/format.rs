//! herald's own dictionary format: parser, checker and writer.
//!
//! The format is line-based UTF-8 text, described with examples in `crates/dict/FORMAT.md`:
//!
//! ```
//! use herald_dict::format;
//!
//! let text = "@actors\n\
//!     KAZGOV\tKassym-Jomart Tokayev ; Tokayev\tperson\t2019-03-20..\tPresident\n\
//!     @agents\nCOP\tpolice ; policeman ; policemen\n\
//!     @verbs\n173\tarrest +\n0874\ttroop|soldier * withdraw from +\n";
//! let dict = format::parse(text, "example.hd").unwrap();
//! assert_eq!(dict.actors[0].code, "KAZGOV");
//! assert_eq!(format::verb_position(&dict.verbs[1].pattern), Some(2));
//! assert_eq!(format::parse(&format::write(&dict).unwrap(), "again").unwrap().verbs.len(), 2);
//! ```
//!
//! [`parse`] stops at the first error; [`check`] reads the whole text and reports every
//! problem with its line, including those that do not stop parsing (a reversed date range, an
//! unknown CAMEO code, a duplicate entry, an undefined synset). [`write()`] turns a
//! [`Dictionary`] back into this format so that `write` → `parse` gives back the same entries.
//!
//! In a verb pattern, `*` marks the verb: the word right after `*` is the verb lemma and the
//! items before `*` must precede the verb in the text. Without `*`, the first word is the verb.
//! [`verb_position`] finds the verb's item for either shape.

use std::collections::{HashMap, HashSet};
use std::fmt;

use chrono::NaiveDate;

use crate::entry::{
    ActorEntry, AgentEntry, Dictionary, NounEntry, PatternItem, PhraseEntry, TransformEntry,
    VerbEntry,
};

#[path = "format_write.rs"]
mod writer;
pub use writer::{write, write_pattern};

/// The actor kinds the format knows (an empty kind, written `-`, is allowed too).
pub const ACTOR_KINDS: &[&str] = &[
    "country",
    "territory",
    "region",
    "capital",
    "city",
    "organization",
    "person",
    "group",
];

/// Every CAMEO event code (roots and sub-codes), as numbers only.
const CAMEO_CODES: &str = "01 010 011 012 013 014 015 016 017 018 019 02 020 021 0211 0212 0213 \
0214 022 023 0231 0232 0233 0234 024 0241 0242 0243 0244 025 0251 0252 0253 0254 0255 0256 026 \
027 028 03 030 031 0311 0312 0313 0314 032 033 0331 0332 0333 0334 034 0341 0342 0343 0344 035 \
0351 0352 0353 0354 0355 0356 036 037 038 039 04 040 041 042 043 044 045 046 05 050 051 052 053 \
054 055 056 057 06 060 061 062 063 064 07 070 071 072 073 074 075 08 080 081 0811 0812 0813 0814 \
082 083 0831 0832 0833 0834 084 0841 0842 085 086 0861 0862 0863 087 0871 0872 0873 0874 09 090 \
091 092 093 094 10 100 101 1011 1012 1013 1014 102 103 1031 1032 1033 1034 104 1041 1042 1043 \
1044 105 1051 1052 1053 1054 1055 1056 106 107 108 11 110 111 112 1121 1122 1123 1124 1125 113 \
114 115 116 12 120 121 1211 1212 122 1221 1222 1223 1224 123 1231 1232 1233 1234 124 1241 1242 \
1243 1244 1245 1246 125 126 127 128 129 13 130 131 1311 1312 1313 132 1321 1322 1323 1324 133 \
134 135 136 137 138 1381 1382 1383 1384 1385 139 14 140 141 1411 1412 1413 1414 142 1421 1422 \
1423 1424 143 1431 1432 1433 1434 144 1441 1442 1443 1444 145 1451 1452 1453 1454 15 150 151 \
152 153 154 16 160 161 162 1621 1622 1623 163 164 165 166 1661 1662 1663 17 170 171 1711 1712 \
172 1721 1722 1723 1724 173 174 175 18 180 181 182 1821 1822 1823 183 1831 1832 1833 184 185 \
186 19 190 191 192 193 194 195 196 20 200 201 202 203 204 2041 2042";

/// True when `code` is a CAMEO event code (`"173"`, `"0874"`, `"14"`).
pub fn is_cameo_event_code(code: &str) -> bool {
    CAMEO_CODES.split(' ').any(|c| c == code)
}

/// Errors reading or writing herald's format.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum FormatError {
    /// A line that cannot be read.
    #[error("{origin}:{line}: {reason}")]
    Syntax {
        /// File or source name.
        origin: String,
        /// 1-based line.
        line: usize,
        /// What is wrong.
        reason: String,
    },
    /// An entry that the format cannot represent (a field holding a TAB, a newline or `#`…).
    #[error("cannot write {what}: {reason}")]
    Unwritable {
        /// The entry, as `section CODE`.
        what: String,
        /// What is wrong.
        reason: String,
    },
}

/// How bad a [`Problem`] is.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Severity {
    /// The line cannot be read: [`parse`] fails on it.
    Error,
    /// The line reads but is probably wrong (reversed dates, unknown code, duplicate…).
    Warning,
}

/// One problem found by [`check`].
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Problem {
    /// File or source name.
    pub origin: String,
    /// 1-based line.
    pub line: usize,
    /// Error or warning.
    pub severity: Severity,
    /// What is wrong.
    pub reason: String,
}

impl fmt::Display for Problem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let level = match self.severity {
            Severity::Error => "error",
            Severity::Warning => "warning",
        };
        write!(f, "{}:{}: {level}: {}", self.origin, self.line, self.reason)
    }
}

#[derive(Clone, Copy, PartialEq, Eq)]
enum Section {
    Actors,
    Agents,
    Verbs,
    Nouns,
    Synsets,
    Discards,
    Issues,
    Transformations,
}

impl Section {
    fn from_header(s: &str) -> Option<Section> {
        Some(match s {
            "@actors" => Section::Actors,
            "@agents" => Section::Agents,
            "@verbs" => Section::Verbs,
            "@nouns" => Section::Nouns,
            "@synsets" => Section::Synsets,
            "@discards" => Section::Discards,
            "@issues" => Section::Issues,
            "@transformations" => Section::Transformations,
            _ => return None,
        })
    }
}

/// Parses herald-format `text`; `origin` names it in errors. Fails on the first line that
/// cannot be read; warnings (see [`check`]) do not fail.
pub fn parse(text: &str, origin: &str) -> Result<Dictionary, FormatError> {
    let (dict, problems) = read(text, origin);
    match problems.into_iter().find(|p| p.severity == Severity::Error) {
        Some(p) => Err(FormatError::Syntax {
            origin: p.origin,
            line: p.line,
            reason: p.reason,
        }),
        None => Ok(dict),
    }
}

/// Reads all of `text` and reports every problem, errors and warnings, in line order.
pub fn check(text: &str, origin: &str) -> Vec<Problem> {
    let (dict, mut problems, synset_lines) = read_lines(text, origin);
    let mut warn = |line: usize, reason: String| {
        problems.push(Problem {
            origin: origin.to_string(),
            line,
            severity: Severity::Warning,
            reason,
        })
    };
    for a in &dict.actors {
        if !is_code_shape(&a.code) {
            warn(
                a.line,
                format!("actor code {:?} is not 3-letter blocks", a.code),
            );
        }
        if let (Some(f), Some(u)) = (a.from, a.until)
            && f > u
        {
            warn(a.line, format!("date range reversed: {f} is after {u}"));
        }
    }
    for a in &dict.agents {
        if !is_code_shape(&a.code) {
            warn(
                a.line,
                format!("agent code {:?} is not 3-letter blocks", a.code),
            );
        }
    }
    let synsets: HashSet<&str> = dict.synsets.iter().map(|(n, _)| n.as_str()).collect();
    for v in &dict.verbs {
        if !v.code.is_empty() && !is_cameo_event_code(&v.code) {
            warn(v.line, format!("{:?} is not a CAMEO event code", v.code));
        }
        if let Some(w) = repeated_word(&v.pattern) {
            warn(
                v.line,
                format!(
                    "{w:?} appears twice in the pattern: multi-word alternatives are joined \
                     with _ (\"call for ceasefire|cessation_of_hostility\")"
                ),
            );
        }
        for item in &v.pattern {
            if let PatternItem::Synset(name) = item
                && !synsets.contains(name.as_str())
            {
                warn(
                    v.line,
                    format!("synset &{name} is not defined in this file"),
                );
            }
        }
    }
    for t in &dict.transforms {
        let r = &t.rule;
        for v in [&r.upper_verb, &r.lower_verb, &r.code] {
            if let crate::transform::VerbRef::Code(c) = v
                && !is_cameo_event_code(c)
            {
                warn(t.line, format!("{c:?} is not a CAMEO event code"));
            }
        }
    }
    duplicates(&dict, &synset_lines, &mut warn);
    problems.sort_by_key(|p| p.line);
    problems
}

/// A content word written twice in one pattern, the mark of multi-word alternatives joined
/// with spaces ("offer of offer of help", "vow to support|back|support"). A multi-word
/// alternative (`war_crime`) counts as one word.
fn repeated_word(pattern: &[PatternItem]) -> Option<&str> {
    const FUNCTION: &[&str] = &[
        "a", "against", "and", "at", "by", "for", "from", "in", "into", "of", "on", "the", "to",
        "with",
    ];
    let mut seen = HashSet::new();
    pattern
        .iter()
        .filter_map(|item| match item {
            PatternItem::Word(alts) => Some(alts),
            _ => None,
        })
        .flatten()
        .map(String::as_str)
        .filter(|w| !FUNCTION.contains(w))
        .find(|w| !seen.insert(*w))
}

/// Reports entries identical to an earlier one (line and note aside).
fn duplicates(dict: &Dictionary, synset_lines: &[usize], warn: &mut impl FnMut(usize, String)) {
    fn scan<K: std::hash::Hash + Eq>(
        items: impl Iterator<Item = (K, usize, String)>,
        warn: &mut impl FnMut(usize, String),
    ) {
        let mut seen: HashMap<K, usize> = HashMap::new();
        for (key, line, what) in items {
            if let Some(first) = seen.get(&key) {
                warn(line, format!("duplicate {what} (first on line {first})"));
            } else {
                seen.insert(key, line);
            }
        }
    }
    scan(
        dict.actors.iter().map(|a| {
            let key = (&a.code, &a.names, &a.kind, a.from, a.until);
            (key, a.line, format!("actor {}", a.code))
        }),
        warn,
    );
    scan(
        dict.agents
            .iter()
            .map(|a| ((&a.code, &a.names), a.line, format!("agent {}", a.code))),
        warn,
    );
    scan(
        dict.verbs.iter().map(|v| {
            (
                (&v.code, write_pattern(&v.pattern)),
                v.line,
                format!("verb pattern {}", v.code),
            )
        }),
        warn,
    );
    scan(
        dict.synsets
            .iter()
            .zip(synset_lines)
            .map(|((name, _), line)| (name, *line, format!("synset &{name}"))),
        warn,
    );
    scan(
        dict.discards
            .iter()
            .map(|d| ((&d.code, &d.phrase), d.line, "discard".to_string())),
        warn,
    );
    scan(
        dict.issues
            .iter()
            .map(|d| ((&d.code, &d.phrase), d.line, "issue".to_string())),
        warn,
    );
}

/// `KAZ`, `KAZGOV`, `IGOUNO`: non-empty blocks of three upper-case letters or digits.
fn is_code_shape(code: &str) -> bool {
    !code.is_empty()
        && code.len().is_multiple_of(3)
        && code
            .bytes()
            .all(|b| b.is_ascii_uppercase() || b.is_ascii_digit())
}

/// The index in `pattern` of the verb's word: the first [`PatternItem::Word`] after
/// [`PatternItem::Verb`] when there is one, else the first `Word`.
pub fn verb_position(pattern: &[PatternItem]) -> Option<usize> {
    let start = pattern
        .iter()
        .position(|i| *i == PatternItem::Verb)
        .map_or(0, |p| p + 1);
    pattern[start..]
        .iter()
        .position(|i| matches!(i, PatternItem::Word(_)))
        .map(|p| p + start)
}

/// Reads every line, collecting entries and the problems that stop parsing.
fn read(text: &str, origin: &str) -> (Dictionary, Vec<Problem>) {
    let (dict, problems, _) = read_lines(text, origin);
    (dict, problems)
}

/// [`read`], also giving each synset's line (the entry does not keep it).
fn read_lines(text: &str, origin: &str) -> (Dictionary, Vec<Problem>, Vec<usize>) {
    let mut dict = Dictionary::default();
    let mut problems = Vec::new();
    let mut synset_lines = Vec::new();
    let mut section: Option<Section> = None;
    for (i, raw) in text.lines().enumerate() {
        let line = i + 1;
        let content = strip_comment(raw);
        if content.trim().is_empty() {
            continue;
        }
        let mut error = |reason: String| {
            problems.push(Problem {
                origin: origin.to_string(),
                line,
                severity: Severity::Error,
                reason,
            })
        };
        let trimmed = content.trim();
        if trimmed.starts_with('@') {
            match Section::from_header(trimmed) {
                Some(s) => section = Some(s),
                None => error(format!(
                    "unknown section {trimmed:?} (expected @actors, @agents, @verbs, \
                     @nouns, @synsets, @discards, @issues or @transformations)"
                )),
            }
            continue;
        }
        let cols: Vec<&str> = content
            .trim_end_matches(['\r', ' '])
            .split('\t')
            .map(str::trim)
            .collect();
        let result = match section {
            None => Err("entry before any section header (@actors, @verbs…)".to_string()),
            Some(Section::Actors) => read_actor(&cols, line).map(|a| dict.actors.push(a)),
            Some(Section::Agents) => read_agent(&cols, line).map(|a| dict.agents.push(a)),
            Some(Section::Verbs) => read_verb(&cols, line).map(|v| dict.verbs.push(v)),
            Some(Section::Nouns) => read_noun(&cols, line).map(|n| dict.nouns.push(n)),
            Some(Section::Synsets) => read_synset(&cols).map(|s| {
                dict.synsets.push(s);
                synset_lines.push(line);
            }),
            Some(Section::Discards) => {
                read_phrase(&cols, line, true).map(|p| dict.discards.push(p))
            }
            Some(Section::Issues) => read_phrase(&cols, line, false).map(|p| dict.issues.push(p)),
            Some(Section::Transformations) => {
                read_transform(&cols, line).map(|t| dict.transforms.push(t))
            }
        };
        if let Err(reason) = result {
            error(reason);
        }
    }
    (dict, problems, synset_lines)
}

/// The line without its comment: `#` at the start of the line or after a space or TAB begins
/// one (`C#` inside a word does not).
fn strip_comment(line: &str) -> &str {
    let bytes = line.as_bytes();
    let at = (0..bytes.len())
        .find(|&i| bytes[i] == b'#' && (i == 0 || bytes[i - 1] == b' ' || bytes[i - 1] == b'\t'));
    at.map_or(line, |i| &line[..i])
}

fn column<'a>(cols: &[&'a str], i: usize) -> &'a str {
    cols.get(i).copied().unwrap_or("")
}

fn read_code(cols: &[&str], what: &str) -> Result<String, String> {
    let code = column(cols, 0);
    if code.is_empty() {
        return Err(format!("missing {what} code in the first column"));
    }
    if code.contains(char::is_whitespace) {
        return Err(format!(
            "{what} code {code:?} holds a space: columns are TAB-separated"
        ));
    }
    Ok(code.to_string())
}

fn read_names(field: &str) -> Result<Vec<String>, String> {
    let names: Vec<String> = field
        .split(';')
        .map(|n| n.trim().to_string())
        .filter(|n| !n.is_empty())
        .collect();
    if names.is_empty() {
        Err("no names (names are separated by `;`)".to_string())
    } else {
        Ok(names)
    }
}

fn read_date(s: &str) -> Result<Option<NaiveDate>, String> {
    if s.is_empty() {
        return Ok(None);
    }
    NaiveDate::parse_from_str(s, "%Y-%m-%d")
        .map(Some)
        .map_err(|_| format!("bad date {s:?} (expected YYYY-MM-DD)"))
}

/// `FROM..UNTIL`, either side empty; `-` or empty for always.
fn read_dates(field: &str) -> Result<(Option<NaiveDate>, Option<NaiveDate>), String> {
    if field.is_empty() || field == "-" {
        return Ok((None, None));
    }
    let Some((from, until)) = field.split_once("..") else {
        return Err(format!(
            "bad date range {field:?} (expected FROM..UNTIL, e.g. 2019-03-20..)"
        ));
    };
    Ok((read_date(from.trim())?, read_date(until.trim())?))
}

fn read_actor(cols: &[&str], line: usize) -> Result<ActorEntry, String> {
    if cols.len() > 5 {
        return Err(format!("{} columns; actors have at most 5", cols.len()));
    }
    let code = read_code(cols, "actor")?;
    let names = read_names(column(cols, 1))?;
    let kind = match column(cols, 2) {
        "" | "-" => String::new(),
        k if ACTOR_KINDS.contains(&k) => k.to_string(),
        k => {
            return Err(format!(
                "unknown kind {k:?} (expected one of {})",
                ACTOR_KINDS.join(", ")
            ));
        }
    };
    let (from, until) = read_dates(column(cols, 3))?;
    Ok(ActorEntry {
        code,
        names,
        kind,
        from,
        until,
        note: column(cols, 4).to_string(),
        line,
    })
}

fn read_agent(cols: &[&str], line: usize) -> Result<AgentEntry, String> {
    if cols.len() > 2 {
        return Err(format!(
            "{} columns; agents have 2 (CODE, names)",
            cols.len()
        ));
    }
    Ok(AgentEntry {
        code: read_code(cols, "agent")?,
        names: read_names(column(cols, 1))?,
        line,
    })
}

/// Reads a pattern: words (`a|b` alternatives), `*`, `+`, `$`, `%`, `^`, `_`, `&SYNSET`.
pub fn read_pattern(field: &str) -> Result<Vec<PatternItem>, String> {
    let mut items = Vec::new();
    for tok in field.split_whitespace() {
        items.push(match tok {
            "*" => PatternItem::Verb,
            "+" => PatternItem::Target,
            "$" => PatternItem::Source,
            "%" => PatternItem::Compound,
            "^" => PatternItem::Skip,
            "_" => PatternItem::Adjacent,
            t if t.starts_with('&') => {
                let name = &t[1..];
                if name.is_empty() || !name.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'_')
                {
                    return Err(format!("bad synset name {t:?}"));
                }
                PatternItem::Synset(name.to_string())
            }
            t => {
                let alts: Vec<String> = t.split('|').map(|a| a.replace('_', " ")).collect();
                if let Some(bad) = alts.iter().find(|a| a.is_empty() || is_marker(a)) {
                    return Err(format!("bad word {bad:?} in {t:?}"));
                }
                PatternItem::Word(alts)
            }
        });
    }
    if items.is_empty() {
        return Err("empty pattern".to_string());
    }
    if items.iter().filter(|i| **i == PatternItem::Verb).count() > 1 {
        return Err("more than one `*` in the pattern".to_string());
    }
    if verb_position(&items).is_none() {
        return Err(if items.contains(&PatternItem::Verb) {
            "`*` is not followed by the verb lemma".to_string()
        } else {
            "pattern without a verb (no word)".to_string()
        });
    }
    Ok(items)
}

fn is_marker(s: &str) -> bool {
    matches!(s, "*" | "+" | "$" | "%" | "^" | "_") || s.starts_with('&')
}

fn read_verb(cols: &[&str], line: usize) -> Result<VerbEntry, String> {
    if cols.len() > 3 {
        return Err(format!("{} columns; verbs have at most 3", cols.len()));
    }
    let code = read_code(cols, "event")?;
    let code = if code == "---" { String::new() } else { code };
    let pattern =
        read_pattern(column(cols, 1)).map_err(|e| format!("{e} in {:?}", column(cols, 1)))?;
    Ok(VerbEntry {
        code,
        pattern,
        note: column(cols, 2).to_string(),
        line,
    })
}

fn read_noun(cols: &[&str], line: usize) -> Result<NounEntry, String> {
    if cols.len() > 4 {
        return Err(format!(
            "{} columns; nouns have at most 4 (CAMEO, nouns, doer, note)",
            cols.len()
        ));
    }
    let code = read_code(cols, "event")?;
    if !is_cameo_event_code(&code) {
        return Err(format!("{code:?} is not a CAMEO event code"));
    }
    let nouns = read_names(column(cols, 1))?;
    if let Some(n) = nouns.iter().find(|n| n.contains(' ')) {
        return Err(format!("{n:?}: an event noun is one word"));
    }
    let doer = match column(cols, 2) {
        "" | "-" => String::new(),
        d if is_code_shape(d) => d.to_string(),
        d => {
            return Err(format!(
                "doer {d:?} is not an agent code (OPP, GOV, COP…) or -"
            ));
        }
    };
    Ok(NounEntry {
        code,
        nouns,
        doer,
        note: column(cols, 3).to_string(),
        line,
    })
}

fn read_synset(cols: &[&str]) -> Result<(String, Vec<String>), String> {
    if cols.len() > 2 {
        return Err(format!(
            "{} columns; synsets have 2 (NAME, words)",
            cols.len()
        ));
    }
    let name = read_code(cols, "synset")?;
    let name = name.strip_prefix('&').unwrap_or(&name).to_string();
    Ok((name, read_names(column(cols, 1))?))
}

fn read_transform(cols: &[&str], line: usize) -> Result<TransformEntry, String> {
    Ok(TransformEntry {
        rule: column(cols, 0).parse()?,
        note: column(cols, 1).to_string(),
        line,
    })
}

fn read_phrase(cols: &[&str], line: usize, discard: bool) -> Result<PhraseEntry, String> {
    let (code, phrase) = match cols {
        [phrase] if discard => ("", *phrase),
        [code, phrase] => (*code, *phrase),
        _ => return Err(format!("{} columns; expected CODE<TAB>phrase", cols.len())),
    };
    if phrase.is_empty() {
        return Err("empty phrase".to_string());
    }
    Ok(PhraseEntry {
        code: if code == "-" { "" } else { code }.to_string(),
        phrase: phrase.to_string(),
        line,
    })
}

#[cfg(test)]
#[path = "format_tests.rs"]
mod tests;
