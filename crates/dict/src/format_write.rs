//! The writer of herald's format: [`Dictionary`] → text that [`parse`](super::parse) reads back.

use super::{FormatError, read_pattern};
use crate::entry::{Dictionary, PatternItem};

/// Writes `dict` in herald's format; [`parse`](crate::format::parse) reads it back to the same entries (lines aside).
pub fn write(dict: &Dictionary) -> Result<String, FormatError> {
    let mut out = String::new();
    let opt = |s: &str| {
        if s.is_empty() {
            "-".to_string()
        } else {
            s.to_string()
        }
    };
    if !dict.actors.is_empty() {
        out.push_str("@actors\n");
        for a in &dict.actors {
            let what = || format!("actor {}", a.code);
            let dates = match (a.from, a.until) {
                (None, None) => "-".to_string(),
                (f, u) => format!(
                    "{}..{}",
                    f.map(|d| d.to_string()).unwrap_or_default(),
                    u.map(|d| d.to_string()).unwrap_or_default()
                ),
            };
            let row = [
                code(&a.code, what)?,
                names(&a.names, what)?,
                field(&opt(&a.kind), what)?,
                dates,
                field(&a.note, what)?,
            ];
            push_row(&mut out, &row);
        }
    }
    if !dict.agents.is_empty() {
        out.push_str("@agents\n");
        for a in &dict.agents {
            let what = || format!("agent {}", a.code);
            push_row(&mut out, &[code(&a.code, what)?, names(&a.names, what)?]);
        }
    }
    if !dict.synsets.is_empty() {
        out.push_str("@synsets\n");
        for (name, words) in &dict.synsets {
            let what = || format!("synset {name}");
            push_row(&mut out, &[field(name, what)?, names(words, what)?]);
        }
    }
    if !dict.verbs.is_empty() {
        out.push_str("@verbs\n");
        for v in &dict.verbs {
            let what = || format!("verb {}", v.code);
            let code = if v.code.is_empty() { "---" } else { &v.code };
            let pattern = write_pattern(&v.pattern);
            let back = read_pattern(&pattern).map_err(|reason| FormatError::Unwritable {
                what: what(),
                reason,
            })?;
            if back != v.pattern {
                return Err(FormatError::Unwritable {
                    what: what(),
                    reason: format!("pattern {pattern:?} would not read back the same"),
                });
            }
            push_row(
                &mut out,
                &[
                    self::code(code, what)?,
                    field(&pattern, what)?,
                    field(&v.note, what)?,
                ],
            );
        }
    }
    if !dict.nouns.is_empty() {
        out.push_str("@nouns\n");
        for n in &dict.nouns {
            let what = || format!("noun {}", n.code);
            let doer = opt(&n.doer);
            push_row(
                &mut out,
                &[
                    code(&n.code, what)?,
                    names(&n.nouns, what)?,
                    code(&doer, what)?,
                    field(&n.note, what)?,
                ],
            );
        }
    }
    for (header, list) in [("@discards", &dict.discards), ("@issues", &dict.issues)] {
        if list.is_empty() {
            continue;
        }
        out.push_str(header);
        out.push('\n');
        for p in list {
            let what = || format!("{} {:?}", &header[1..], p.phrase);
            if p.code == "-" {
                return Err(FormatError::Unwritable {
                    what: what(),
                    reason: "code `-` reads back as no code".to_string(),
                });
            }
            push_row(
                &mut out,
                &[code(&opt(&p.code), what)?, field(&p.phrase, what)?],
            );
        }
    }
    if !dict.transforms.is_empty() {
        out.push_str("@transformations\n");
        for t in &dict.transforms {
            let what = || format!("transformation {}", t.rule);
            push_row(
                &mut out,
                &[field(&t.rule.to_string(), what)?, field(&t.note, what)?],
            );
        }
    }
    Ok(out)
}

/// Writes a pattern as the format spells it.
pub fn write_pattern(pattern: &[PatternItem]) -> String {
    let items: Vec<String> = pattern
        .iter()
        .map(|i| match i {
            PatternItem::Word(alts) => alts
                .iter()
                .map(|a| a.split_whitespace().collect::<Vec<_>>().join("_"))
                .collect::<Vec<_>>()
                .join("|"),
            PatternItem::Verb => "*".to_string(),
            PatternItem::Target => "+".to_string(),
            PatternItem::Source => "$".to_string(),
            PatternItem::Compound => "%".to_string(),
            PatternItem::Skip => "^".to_string(),
            PatternItem::Adjacent => "_".to_string(),
            PatternItem::Synset(name) => format!("&{name}"),
        })
        .collect();
    items.join(" ")
}

fn push_row(out: &mut String, row: &[String]) {
    let mut n = row.len();
    while n > 2 && (row[n - 1].is_empty() || row[n - 1] == "-") {
        n -= 1;
    }
    out.push_str(&row[..n].join("\t"));
    out.push('\n');
}

fn field(s: &str, what: impl Fn() -> String) -> Result<String, FormatError> {
    let bad = |reason: &str| FormatError::Unwritable {
        what: what(),
        reason: format!("{reason} in {s:?}"),
    };
    if s.contains(['\t', '\n', '\r']) || s.starts_with('#') || s.contains(" #") {
        return Err(bad("TAB, newline or `#` after a space"));
    }
    if s.trim() != s {
        return Err(bad("leading or trailing space"));
    }
    if s.starts_with('@') {
        return Err(bad("leading `@`"));
    }
    Ok(s.to_string())
}

/// A code column: a field without spaces (the parser splits columns on TAB but refuses a code
/// holding a space).
fn code(s: &str, what: impl Fn() -> String) -> Result<String, FormatError> {
    if s.is_empty() || s.contains(char::is_whitespace) {
        return Err(FormatError::Unwritable {
            what: what(),
            reason: format!("code {s:?} is empty or holds a space"),
        });
    }
    field(s, what)
}

fn names(list: &[String], what: impl Fn() -> String + Copy) -> Result<String, FormatError> {
    if list.is_empty() {
        return Err(FormatError::Unwritable {
            what: what(),
            reason: "no names".to_string(),
        });
    }
    let mut out = Vec::with_capacity(list.len());
    for n in list {
        if n.is_empty() || n.contains(';') {
            return Err(FormatError::Unwritable {
                what: what(),
                reason: format!("name {n:?} is empty or holds `;`"),
            });
        }
        out.push(field(n, what)?);
    }
    Ok(out.join(" ; "))
}
