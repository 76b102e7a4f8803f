//! The tokenizer: a hand-written scanner that cuts text into UD English (EWT/GUM) tokens.
//!
//! Text is first cut at whitespace into chunks; each chunk is then peeled from both ends
//! (opening quotes and brackets in front; closing quotes, brackets, commas, final periods,
//! `?!` runs behind) and its core is split at inner punctuation, at hyphens after words that are
//! not prefixes ("30 - year", but "anti-government"), before unit suffixes of numbers
//! ("1.2 bn") and before clitics ("do n't", "Kazakhstan 's"). URLs and e-mail addresses stay
//! whole. A chunk's tokens always tile it exactly, so every non-whitespace character of the
//! text lies in exactly one token.

use super::lexicon::{self, Abbrev};
use herald_core::Span;

/// What a token is, as far as sentence splitting cares.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Kind {
    /// Letters, digits, URLs, symbols inside words.
    Word,
    /// A word kept together with its final period ("Mr.", "U.S.", "a.m.").
    Abbrev(Abbrev),
    /// A single letter and its period ("W.", "J.").
    Initial,
    /// A list number at the start of a line ("1.").
    ListNumber,
    /// A lone period.
    Period,
    /// `!`, `?` or a run mixing them ("?!", "!!!").
    Terminal,
    /// "...", "..", "…".
    Ellipsis,
    /// An opening bracket or typographic opening quote.
    Open,
    /// A closing bracket or typographic closing quote.
    Close,
    /// A straight quote (`"`, `'`, `''`, ``` `` ```) whose direction the context decides.
    Quote,
    /// "-", "--", "—", "–".
    Dash,
    /// ",", ";", ":".
    Comma,
    /// Any other symbol.
    Other,
}

/// Emoticons kept whole when they stand alone.
const EMOTICONS: [&str; 12] = [
    ":)", ":-)", ":(", ":-(", ";)", ";-)", ":D", ":-D", ":P", ":-P", ":/", "<3",
];

/// A token: its bytes and kind.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) struct Tok {
    /// Bytes in the text.
    pub span: Span,
    /// Kind.
    pub kind: Kind,
}

/// Appends the tokens of `text` to `out`.
pub(crate) fn tokenize(text: &str, out: &mut Vec<Tok>) {
    let bytes = text.as_bytes();
    let (mut chars, mut trailing) = (Vec::new(), Vec::new());
    let mut i = 0;
    let mut line_start = true;
    while i < bytes.len() {
        let b = bytes[i];
        if b.is_ascii_whitespace() {
            line_start |= b == b'\n';
            i += 1;
            continue;
        }
        if b >= 0x80 {
            let c = text[i..].chars().next().expect("char boundary");
            if c.is_whitespace() {
                line_start |= matches!(c, '\u{2028}' | '\u{2029}' | '\u{85}');
                i += c.len_utf8();
                continue;
            }
        }
        let start = i;
        while i < bytes.len() {
            let b = bytes[i];
            if b < 0x80 {
                if b.is_ascii_whitespace() {
                    break;
                }
                i += 1;
            } else {
                let c = text[i..].chars().next().expect("char boundary");
                if c.is_whitespace() {
                    break;
                }
                i += c.len_utf8();
            }
        }
        Chunk {
            text,
            out,
            chars: &mut chars,
            trailing: &mut trailing,
            line_start,
        }
        .run(start, i);
        line_start = false;
    }
}

/// Tokenises one whitespace-free chunk.
struct Chunk<'a> {
    text: &'a str,
    out: &'a mut Vec<Tok>,
    chars: &'a mut Vec<(usize, char)>,
    trailing: &'a mut Vec<Tok>,
    line_start: bool,
}

fn is_open(c: char) -> bool {
    matches!(c, '(' | '[' | '{' | '“' | '‘' | '«' | '„' | '¿' | '¡')
}

fn is_close(c: char) -> bool {
    matches!(c, ')' | ']' | '}' | '”' | '»')
}

fn is_dash(c: char) -> bool {
    matches!(c, '-' | '—' | '–' | '‒' | '―')
}

fn is_apostrophe(c: char) -> bool {
    c == '\'' || c == '’'
}

/// The kind of a piece that is not a word.
fn classify(piece: &str) -> Kind {
    let mut cs = piece.chars();
    let Some(first) = cs.next() else {
        return Kind::Other;
    };
    if piece.chars().any(char::is_alphanumeric) {
        return Kind::Word;
    }
    let single = cs.next().is_none();
    match first {
        '.' if single => Kind::Period,
        '.' | '…' if piece.chars().all(|c| c == '.' || c == '…') => Kind::Ellipsis,
        '!' | '?' | '.' if piece.chars().all(|c| matches!(c, '!' | '?' | '.')) => Kind::Terminal,
        ',' | ';' | ':' if single => Kind::Comma,
        '"' | '\'' | '`' | '’' => Kind::Quote,
        c if is_dash(c) && piece.chars().all(is_dash) => Kind::Dash,
        c if is_open(c) && single => Kind::Open,
        c if is_close(c) && single => Kind::Close,
        _ => Kind::Other,
    }
}

/// True when the token starting at `rest` is a bare clitic ("s", "ll", "ve"…), case-insensitive.
fn is_clitic(rest: &str) -> bool {
    matches!(
        rest,
        "s" | "S" | "m" | "M" | "d" | "D" | "ll" | "LL" | "re" | "RE" | "ve" | "VE"
    )
}

/// A URL or e-mail address: kept as one token.
fn is_url(core: &str) -> bool {
    let b = core.as_bytes();
    let www = b.len() > 4 && b[..4].eq_ignore_ascii_case(b"www.");
    if !www && !b.iter().any(|&c| c == b':' || c == b'@') {
        return false;
    }
    if core.contains("://") {
        return true;
    }
    let b = core.as_bytes();
    if b.len() > 4 && b[..4].eq_ignore_ascii_case(b"www.") {
        return true;
    }
    if let Some(at) = core.find('@') {
        let (user, domain) = (&core[..at], &core[at + 1..]);
        return !user.is_empty()
            && user
                .bytes()
                .all(|c| c.is_ascii_alphanumeric() || b"._%+-".contains(&c))
            && domain.contains('.')
            && domain
                .bytes()
                .all(|c| c.is_ascii_alphanumeric() || c == b'.' || c == b'-')
            && !domain.ends_with('.');
    }
    false
}

/// Abbreviation reading of `stem` (a word without its final period), or `None` for a plain word.
fn abbreviation(stem: &str, next_is_digit: bool) -> Option<Kind> {
    let tail_start = stem
        .char_indices()
        .rev()
        .find(|&(_, c)| !(c.is_alphanumeric() || c == '.' || is_apostrophe(c)))
        .map_or(0, |(i, c)| i + c.len_utf8());
    let tail = &stem[tail_start..];
    let mut cs = tail.chars();
    let first = cs.next()?;
    if cs.next().is_none() {
        return first.is_alphabetic().then_some(Kind::Initial);
    }
    if !tail.chars().all(|c| c.is_alphabetic() || c == '.') {
        return None;
    }
    if tail.contains('.') {
        if let Some(a) = lexicon::abbrev(tail) {
            return Some(Kind::Abbrev(a));
        }
        // Dotted initials and acronyms: "U.S", "a.m", "Ph.D", "D.C".
        let ok = tail.split('.').all(|seg| {
            let n = seg.chars().count();
            let upper = seg.starts_with(|c: char| c.is_uppercase());
            n >= 1 && (n <= 2 || upper && n <= 3)
        });
        return ok.then_some(Kind::Abbrev(Abbrev::Final));
    }
    match lexicon::abbrev(tail)? {
        Abbrev::BeforeNumber if !next_is_digit => None,
        a => Some(Kind::Abbrev(a)),
    }
}

impl Chunk<'_> {
    fn push(&mut self, start: usize, end: usize, kind: Kind) {
        if start < end {
            self.out.push(Tok {
                span: Span::new(start, end),
                kind,
            });
        }
    }

    /// The first non-whitespace char after `end`.
    fn next_char(&self, end: usize) -> Option<char> {
        self.text[end..].chars().find(|c| !c.is_whitespace())
    }

    fn run(&mut self, start: usize, end: usize) {
        if EMOTICONS.contains(&&self.text[start..end]) {
            // Like a closing bracket: stays with the sentence before it.
            self.push(start, end, Kind::Close);
            return;
        }
        let a = self.lead(start, end);
        let mark = self.out.len();
        let url = is_url(&self.text[a..end]);
        let (z, last_kind) = self.trail(start, a, end, url);
        // The trailing tokens were pushed last-first.
        self.out[mark..].reverse();
        let mut trailing = std::mem::take(self.trailing);
        trailing.clear();
        trailing.extend(self.out.drain(mark..));
        if url || is_url(&self.text[a..z]) {
            self.push(a, z, Kind::Word);
        } else {
            self.core(a, z, last_kind);
        }
        self.out.extend_from_slice(&trailing);
        *self.trailing = trailing;
    }

    /// Peels opening quotes, brackets, currency signs and dashes off the front of the chunk
    /// `[a, end)`; returns where the rest starts.
    fn lead(&mut self, mut a: usize, end: usize) -> usize {
        loop {
            let rest = &self.text[a..end];
            let mut cs = rest.chars();
            let (Some(c), Some(c2)) = (cs.next(), cs.next()) else {
                return a;
            };
            let (n, kind) = if rest.starts_with("``") {
                (2, Kind::Quote)
            } else if is_open(c) {
                (c.len_utf8(), Kind::Open)
            } else if c == '"' {
                (1, Kind::Quote)
            } else if is_apostrophe(c) {
                let after = &rest[c.len_utf8()..];
                let elided = is_clitic(after)
                    || c2.is_ascii_digit()
                    || ["em", "til", "cause", "n"].contains(&after);
                if elided {
                    return a;
                }
                (c.len_utf8(), Kind::Quote)
            } else if matches!(c, '$' | '£' | '€' | '¥' | '#') && c2.is_ascii_digit() {
                (c.len_utf8(), Kind::Other)
            } else if is_dash(c) {
                let n: usize = rest
                    .chars()
                    .take_while(|&d| d == c)
                    .map(char::len_utf8)
                    .sum();
                (n, Kind::Dash)
            } else if matches!(c, '•' | '·' | '<' | '>' | '~' | '*') && c2 != c {
                (c.len_utf8(), Kind::Other)
            } else {
                return a;
            };
            if n >= rest.len() {
                return a;
            }
            self.push(a, a + n, kind);
            a += n;
        }
    }

    /// Peels closing quotes and brackets, commas, final periods (unless the word is an
    /// abbreviation), `?!` runs, ellipses and dashes off the back of `[a, end)`, pushing them
    /// last-first. Returns where the core ends and the kind of the core's last piece.
    fn trail(&mut self, start: usize, a: usize, end: usize, url: bool) -> (usize, Kind) {
        let text = self.text;
        let mut z = end;
        loop {
            let core = &text[a..z];
            let mut rc = core.chars().rev();
            let (Some(c), Some(prev)) = (rc.next(), rc.next()) else {
                return (z, Kind::Word);
            };
            let run = |f: &dyn Fn(char) -> bool| -> usize {
                core.chars()
                    .rev()
                    .take_while(|&d| f(d))
                    .map(char::len_utf8)
                    .sum()
            };
            let (n, kind) = if url {
                let unbalanced = c == ')' && core.matches(')').count() > core.matches('(').count();
                let strip = ".,;:!?\"'”’>]".contains(c) || unbalanced;
                if !strip {
                    return (z, Kind::Word);
                }
                (c.len_utf8(), classify(&core[core.len() - c.len_utf8()..]))
            } else if is_close(c) || c == '"' {
                (c.len_utf8(), classify(&core[core.len() - c.len_utf8()..]))
            } else if c == '%' || c == '>' {
                (1, Kind::Other)
            } else if is_apostrophe(c) {
                let n = if is_apostrophe(prev) {
                    c.len_utf8() + prev.len_utf8()
                } else {
                    c.len_utf8()
                };
                (n, Kind::Quote)
            } else if matches!(c, ',' | ';' | ':') {
                (1, Kind::Comma)
            } else if matches!(c, '!' | '?') || c == '.' && matches!(prev, '!' | '?') {
                (run(&|d| matches!(d, '!' | '?' | '.')), Kind::Terminal)
            } else if c == '.' && prev == '.' || c == '…' {
                (run(&|d| d == '.' || d == '…'), Kind::Ellipsis)
            } else if c == '.' {
                let stem = &core[..core.len() - 1];
                let list_number = self.line_start
                    && a == start
                    && z == end
                    && stem.len() <= 3
                    && stem.bytes().all(|b| b.is_ascii_digit());
                if list_number {
                    return (z, Kind::ListNumber);
                }
                let next_digit = self.next_char(end).is_some_and(|c| c.is_ascii_digit());
                if let Some(kind) = abbreviation(stem, next_digit) {
                    return (z, kind);
                }
                (1, Kind::Period)
            } else if is_dash(c) {
                (run(&|d| d == c), Kind::Dash)
            } else {
                return (z, Kind::Word);
            };
            if n >= core.len() {
                return (z, Kind::Word);
            }
            self.push(z - n, z, kind);
            z -= n;
        }
    }

    /// Splits the core of a chunk at inner punctuation, hyphens, unit suffixes and clitics.
    fn core(&mut self, a: usize, z: usize, last_kind: Kind) {
        let text = self.text;
        let core = &text[a..z];
        if core.is_empty() {
            return;
        }
        // Fast path: plain ASCII word.
        if core.bytes().all(|b| b.is_ascii_alphabetic()) {
            self.word(a, z, last_kind);
            return;
        }
        // Digit groups joined by two or more hyphens ("713-853-3989", "2022-01-10") or by
        // two slashes ("08/16/2000") stay one token.
        let groups = |sep: u8| {
            let n = core.bytes().filter(|&b| b == sep).count();
            let ok = core.bytes().all(|b| b.is_ascii_digit() || b == sep)
                && core.split(sep as char).all(|g| !g.is_empty());
            if ok { n } else { 0 }
        };
        let code = groups(b'-') >= 2;
        let date = groups(b'/') == 2 && core.split('/').all(|g| g.len() <= 4);
        let mut chars = std::mem::take(self.chars);
        chars.clear();
        chars.extend(core.char_indices().map(|(i, c)| (a + i, c)));
        let at = |k: usize| chars.get(k).map(|&(_, c)| c);
        let pos = |k: usize| chars.get(k).map_or(z, |&(i, _)| i);
        let mut p = a; // start of the current piece
        let mut k = 0;
        while k < chars.len() {
            let (i, c) = chars[k];
            let prev = if k > 0 { at(k - 1) } else { None };
            let next = at(k + 1);
            // Length in chars of a punctuation token starting here, 0 to keep going.
            let split: usize = match c {
                '"' | '(' | ')' | '[' | ']' | '{' | '}' | '“' | '”' | '‘' | '«' | '»' | ';'
                | '!' | '?' | '…' | '—' | '–' | '|' | '%' => {
                    if matches!(c, '!' | '?') {
                        chars[k..]
                            .iter()
                            .take_while(|&&(_, d)| matches!(d, '!' | '?'))
                            .count()
                    } else {
                        1
                    }
                }
                ',' => {
                    let digits_after = chars[k + 1..]
                        .iter()
                        .take_while(|&&(_, d)| d.is_ascii_digit())
                        .count();
                    let grouped = prev.is_some_and(|d| d.is_ascii_digit()) && digits_after == 3;
                    usize::from(!grouped)
                }
                ':' => {
                    let time = prev.is_some_and(|d| d.is_ascii_digit())
                        && next.is_some_and(|d| d.is_ascii_digit());
                    usize::from(!time)
                }
                '/' => usize::from(!Self::keeps_slash(&text[p..i], &chars, k, date)),
                '$' | '£' | '€' | '¥' if next.is_some_and(|d| d.is_ascii_digit()) => 1,
                '.' if next == Some('.') => {
                    chars[k..].iter().take_while(|&&(_, d)| d == '.').count()
                }
                '-' => {
                    let run = chars[k..].iter().take_while(|&&(_, d)| d == '-').count();
                    if run > 1 || !Self::keeps_hyphen(&text[p..i], &chars, k, code) {
                        run
                    } else {
                        0
                    }
                }
                '\'' | '’' if i > p => {
                    let rest = &text[i + c.len_utf8()..z];
                    if is_clitic(rest) {
                        self.word(p, i, Kind::Word);
                        self.push(i, z, Kind::Word);
                        p = z;
                        break;
                    }
                    if (rest == "t" || rest == "T") && matches!(prev, Some('n' | 'N')) && i - 1 > p
                    {
                        self.word(p, i - 1, Kind::Word);
                        self.push(i - 1, z, Kind::Word);
                        p = z;
                        break;
                    }
                    0
                }
                c if c.is_ascii_alphabetic() && prev.is_some_and(|d| d.is_ascii_digit()) => {
                    let piece = &text[p..i];
                    let numeric = piece
                        .bytes()
                        .all(|b| b.is_ascii_digit() || b".,:".contains(&b));
                    let run = chars[k..]
                        .iter()
                        .take_while(|&&(_, d)| d.is_ascii_alphabetic())
                        .count();
                    let suffix = &text[i..pos(k + run)];
                    let ends = at(k + run).is_none_or(|d| !d.is_alphanumeric());
                    if numeric && ends && lexicon::is_unit(suffix) {
                        self.push(p, i, Kind::Word);
                        p = i;
                    }
                    0
                }
                _ => 0,
            };
            if split > 0 {
                self.word(p, i, Kind::Word);
                let e = pos(k + split);
                self.push(i, e, classify(&text[i..e]));
                p = e;
                k += split;
            } else {
                k += 1;
            }
        }
        if p < z {
            self.word(p, z, last_kind);
        }
        *self.chars = chars;
    }

    /// Whether a single hyphen at `chars[k]` stays inside the word: after a prefix UD keeps
    /// ("anti-war"), and in number codes (`code`: phone numbers, ISO dates).
    fn keeps_hyphen(left: &str, chars: &[(usize, char)], k: usize, code: bool) -> bool {
        let right_ok = chars.get(k + 1).is_some_and(|&(_, c)| c.is_alphanumeric());
        !left.is_empty() && right_ok && (code || lexicon::is_hyphen_prefix(left))
    }

    /// Whether the slash at `chars[k]` stays inside the word: in dates (`date`: "08/16/2000")
    /// and between single letters ("b/c", "w/o").
    fn keeps_slash(left: &str, chars: &[(usize, char)], k: usize, date: bool) -> bool {
        let letter = |i: usize| chars.get(i).is_some_and(|&(_, c)| c.is_ascii_alphabetic());
        let alnum = |i: usize| chars.get(i).is_some_and(|&(_, c)| c.is_alphanumeric());
        let one_letter_each_side = left.len() == 1
            && left.bytes().all(|b| b.is_ascii_alphabetic())
            && letter(k + 1)
            && !alnum(k + 2);
        date || one_letter_each_side
    }

    /// Emits a word piece, splitting fused forms ("gonna" → "gon" + "na").
    fn word(&mut self, p: usize, e: usize, kind: Kind) {
        if p >= e {
            return;
        }
        let piece = &self.text[p..e];
        let kind = if kind == Kind::Word {
            classify(piece)
        } else {
            kind
        };
        if kind == Kind::Word
            && let Some(n) = lexicon::fused_split(piece)
        {
            self.push(p, p + n, Kind::Word);
            self.push(p + n, e, Kind::Word);
            return;
        }
        self.push(p, e, kind);
    }
}
