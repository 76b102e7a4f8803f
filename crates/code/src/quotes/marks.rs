//! Quotation marks: where quoted words begin and end.
//!
//! Double marks (straight `"`, curly `“ ”`, `„`, and the wire's ``` `` ``` … `''`) pair within
//! a paragraph; a paragraph that opens a quote and does not close it runs to its end, and the
//! next paragraph's opening mark continues it (the newspaper convention for quotes over several
//! paragraphs). Single marks (`'…'`, `‘…’`) count only outside double quotes, only at word
//! edges (so apostrophes are not quotes), and only when they close within the paragraph.

use herald_core::Span;

/// One stretch of quoted words.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) struct Marked {
    /// The quoted words, without the marks.
    pub inner: Span,
    /// The words with their marks (to the paragraph's end when unclosed).
    pub outer: Span,
    /// False when the paragraph ended before a closing mark.
    pub closed: bool,
    /// Index of the quote this one continues (the previous paragraph's unclosed quote).
    pub continues: Option<usize>,
    /// True when nothing but punctuation follows the quote in its paragraph.
    pub para_end: bool,
}

#[derive(Clone, Copy, PartialEq)]
enum Role {
    Open,
    Close,
    Either,
}

/// The double mark at byte `i` of `p`, with its length and role.
fn double_mark(p: &str, i: usize) -> Option<(usize, Role)> {
    let rest = &p[i..];
    if rest.starts_with("``") {
        return Some((2, Role::Open));
    }
    if rest.starts_with("''") {
        // Some wires open with '' as well as close with it.
        return Some((2, Role::Either));
    }
    let c = rest.chars().next()?;
    match c {
        '“' | '„' => Some((c.len_utf8(), Role::Open)),
        '”' => Some((c.len_utf8(), Role::Close)),
        '"' => Some((1, Role::Either)),
        _ => None,
    }
}

/// All quotes of `text`, in order.
pub(crate) fn find(text: &str) -> Vec<Marked> {
    let mut out: Vec<Marked> = Vec::new();
    let mut para_start = 0;
    let mut pending: Option<usize> = None; // unclosed quote of the previous paragraph
    for para in text.split_inclusive('\n') {
        let base = para_start;
        para_start += para.len();
        let body = para.trim_end();
        if body.trim().is_empty() {
            continue;
        }
        let mut marks = Vec::new();
        let doubles = paragraph_doubles(body, base, &mut marks);
        paragraph_singles(body, base, &doubles, &mut marks);
        marks.sort_by_key(|m| m.outer.start);
        for m in &mut marks {
            let rest = &body[m.outer.end.min(base + body.len()) - base..];
            m.para_end = !rest.chars().any(char::is_alphanumeric);
        }
        // The continuation convention: this paragraph opens with a mark.
        let lead = base + body.len() - body.trim_start().len();
        if let Some(prev) = pending.take()
            && let Some(first) = marks.first_mut()
            && first.outer.start == lead
        {
            first.continues = Some(prev);
        }
        if marks
            .last()
            .is_some_and(|m| !m.closed && m.outer.end == base + body.len())
        {
            pending = Some(out.len() + marks.len() - 1);
        }
        out.extend(marks);
    }
    out
}

/// Pairs double marks in one paragraph; returns the quoted regions (outer spans).
fn paragraph_doubles(p: &str, base: usize, out: &mut Vec<Marked>) -> Vec<Span> {
    let mut regions = Vec::new();
    let mut open: Option<(usize, usize)> = None; // (start, after-mark)
    let mut i = 0;
    while i < p.len() {
        if !p.is_char_boundary(i) {
            i += 1;
            continue;
        }
        let Some((len, role)) = double_mark(p, i) else {
            i += p[i..].chars().next().map_or(1, char::len_utf8);
            continue;
        };
        if let Some((s, a)) = open
            && let Some(skip) = nested(p, &p[s..a], i, len)
        {
            i = skip;
            continue;
        }
        match (open, role) {
            (None, Role::Open | Role::Either) => open = Some((i, i + len)),
            (Some((s, a)), Role::Close | Role::Either) => {
                push(out, &mut regions, base, s, a, i, i + len, true);
                open = None;
            }
            // A second opening mark before a close: the first quote was left open.
            (Some((s, a)), Role::Open) => {
                push(out, &mut regions, base, s, a, i, i, false);
                open = Some((i, i + len));
            }
            // "”Fear. I am afraid…”": a closing mark that opens a paragraph is a typo for an
            // opening one.
            (None, Role::Close) if p[..i].trim().is_empty() && p[i + len..].contains('”') => {
                open = Some((i, i + len));
            }
            (None, Role::Close) => {}
        }
        i += len;
    }
    if let Some((s, a)) = open {
        push(out, &mut regions, base, s, a, p.len(), p.len(), false);
    }
    regions
}

/// A curly quote nested in a straight one (`"He read: “Is it true?” Yes."`), or a short scare
/// quote in a curly one (`“I'd live in what he calls “hell” first.”`): the byte after the
/// nested quote's close, when it closes and the outer quote's close follows it in the
/// paragraph. (A straight mark in a curly quote is left alone: `“…,"` is a common typo.)
fn nested(p: &str, outer_open: &str, i: usize, len: usize) -> Option<usize> {
    let mark = &p[i..i + len];
    let (inner_close, outer_close): (&[&str], &[&str]) = match (outer_open, mark) {
        ("\"", "“" | "„") => (&["”"], &["\""]),
        ("\"", "``") => (&["''"], &["\""]),
        ("“", "“") => (&["”"], &["”"]),
        _ => return None,
    };
    let rest = &p[i + len..];
    let (at, close) = inner_close
        .iter()
        .filter_map(|c| rest.find(c).map(|k| (k, c.len())))
        .min()?;
    // A curly quote in a curly quote only as a scare quote: a few words, no sentence in it.
    let inside = &rest[..at];
    if outer_open == mark
        && (inside.split_whitespace().count() > 4 || inside.contains(['.', '!', '?', '“']))
    {
        return None;
    }
    let after = i + len + at + close;
    outer_close
        .iter()
        .any(|c| p[after..].contains(c))
        .then_some(after)
}

#[allow(clippy::too_many_arguments)]
fn push(
    out: &mut Vec<Marked>,
    regions: &mut Vec<Span>,
    base: usize,
    s: usize,
    a: usize,
    close_start: usize,
    close_end: usize,
    closed: bool,
) {
    let outer = Span::new(base + s, base + close_end);
    regions.push(outer);
    if close_start > a {
        out.push(Marked {
            inner: Span::new(base + a, base + close_start),
            outer,
            closed,
            continues: None,
            para_end: false,
        });
    }
}

fn paragraph_singles(p: &str, base: usize, doubles: &[Span], out: &mut Vec<Marked>) {
    let chars: Vec<(usize, char)> = p.char_indices().collect();
    let inside = |b: usize| {
        doubles
            .iter()
            .any(|d| d.start <= base + b && base + b < d.end)
    };
    let mut open: Option<(usize, usize)> = None;
    for (k, &(b, c)) in chars.iter().enumerate() {
        if c != '\'' && c != '‘' && c != '’' {
            continue;
        }
        if inside(b) {
            continue;
        }
        let prev = k.checked_sub(1).map(|x| chars[x].1);
        let next = chars.get(k + 1).map(|x| x.1);
        let opens = c != '’'
            && prev.is_none_or(|p| p.is_whitespace() || "([—–-".contains(p))
            && next.is_some_and(char::is_alphanumeric);
        let closes = c != '‘'
            && prev.is_some_and(|p| p.is_alphanumeric() || ".,!?".contains(p))
            && next.is_none_or(|n| !n.is_alphanumeric());
        if let Some((s, a)) = open
            && closes
        {
            let words = p[a..b].split_whitespace().count();
            if words <= 40 {
                out.push(Marked {
                    inner: Span::new(base + a, base + b),
                    outer: Span::new(base + s, base + b + c.len_utf8()),
                    closed: true,
                    continues: None,
                    para_end: false,
                });
            }
            open = None;
        } else if opens && open.is_none() {
            open = Some((b, b + c.len_utf8()));
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn inner(text: &str) -> Vec<&str> {
        find(text).iter().map(|m| m.inner.slice(text)).collect()
    }

    #[test]
    fn pairs_marks() {
        let cases: &[(&str, &[&str])] = &[
            ("He said \"go home\" and left.", &["go home"]),
            (
                "She called it “a disgrace”, then “a farce”.",
                &["a disgrace", "a farce"],
            ),
            ("``We won,'' he said.", &["We won,"]),
            ("The 'rebels' fled; Tokayev's men did not.", &["rebels"]),
            ("‘Enough,’ she said.", &["Enough,"]),
            ("It's the governors' call.", &[]),
            ("“Outer ‘inner’ end.”", &["Outer ‘inner’ end."]),
            (
                "\"He read: “Is it true?” Yes.\" she said.",
                &["He read: “Is it true?” Yes."],
            ),
            ("“Go on,\" he said. \"We wait.”", &["Go on,", "We wait."]),
            (
                "“I’d live in what he calls “hell” first.” ― Ana",
                &["I’d live in what he calls “hell” first."],
            ),
            ("“Stop. “Go,” he said.", &["Stop. ", "Go,"]),
            ("”Fear. I am afraid.” ― Ana", &["Fear. I am afraid."]),
            ("”Fear.", &[]),
            // No outer close after it: the curly mark opens a quote of its own.
            ("\"Go “now” then", &["Go ", "now"]),
        ];
        for (text, want) in cases {
            assert_eq!(&inner(text), want, "{text}");
        }
    }

    #[test]
    fn quotes_run_over_paragraphs() {
        let text = "“First part of it.\n\n“Second part,” he said.";
        let ms = find(text);
        assert_eq!(ms.len(), 2);
        assert!(!ms[0].closed);
        assert_eq!(ms[0].inner.slice(text), "First part of it.");
        assert_eq!(ms[1].continues, Some(0));
        assert_eq!(ms[1].inner.slice(text), "Second part,");
        assert!(ms[0].para_end);
        assert!(!ms[1].para_end);
    }
}
