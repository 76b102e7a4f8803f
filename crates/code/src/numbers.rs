//! Numbers as news writes them: digits with separators (`8,000`), decimals and scales
//! (`1.2 million`), number words (`two thousand`, `one hundred and sixty-four`, `a hundred`,
//! `two dozen`), digit ranges (`20-30`) and vague counts (`dozens`, `hundreds`,
//! `tens of thousands`).
//!
//! The parser reads lower-cased words (see [`parse_quantity`]) and reports how many it used, so a
//! caller can scan a word sequence. Qualifiers ("more than", "almost") and ranges spelled with
//! words ("between 20 and 30") are the caller's: they depend on what is being counted.

/// A parsed number: its best value and bounds, and how many words it took.
#[derive(Clone, Copy, Debug, PartialEq)]
pub(crate) struct Quantity {
    /// Best single value.
    pub value: f64,
    /// Lower bound.
    pub low: f64,
    /// Upper bound; `None` when the words leave it open ("dozens").
    pub high: Option<f64>,
    /// Words consumed.
    pub len: usize,
    /// True when written in digits (`164`, `8,000`), false for words.
    pub digits: bool,
}

impl Quantity {
    fn exact(v: f64, len: usize, digits: bool) -> Quantity {
        Quantity {
            value: v,
            low: v,
            high: Some(v),
            len,
            digits,
        }
    }
}

/// Value of a single number word ("seven" → 7, "sixty-four" → 64); `None` for anything else.
pub(crate) fn word_value(w: &str) -> Option<f64> {
    const UNITS: [&str; 20] = [
        "zero",
        "one",
        "two",
        "three",
        "four",
        "five",
        "six",
        "seven",
        "eight",
        "nine",
        "ten",
        "eleven",
        "twelve",
        "thirteen",
        "fourteen",
        "fifteen",
        "sixteen",
        "seventeen",
        "eighteen",
        "nineteen",
    ];
    const TENS: [&str; 8] = [
        "twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety",
    ];
    if let Some(i) = UNITS.iter().position(|u| *u == w) {
        return Some(i as f64);
    }
    if let Some(i) = TENS.iter().position(|u| *u == w) {
        return Some(20.0 + 10.0 * i as f64);
    }
    let (t, u) = w.split_once('-')?;
    let t = TENS.iter().position(|x| *x == t)?;
    let u = UNITS[1..10].iter().position(|x| *x == u)?;
    Some(20.0 + 10.0 * t as f64 + 1.0 + u as f64)
}

/// Multiplier of a scale word ("thousand" → 1000).
pub(crate) fn scale_value(w: &str) -> Option<f64> {
    Some(match w {
        "dozen" => 12.0,
        "hundred" => 100.0,
        "thousand" => 1e3,
        "million" | "mln" => 1e6,
        "billion" | "bn" => 1e9,
        _ => return None,
    })
}

/// Parses digits: `8,000`, `164`, `1.2`. Rejects `1,20` and similar misplaced separators.
pub(crate) fn digits_value(w: &str) -> Option<f64> {
    if !w.starts_with(|c: char| c.is_ascii_digit()) {
        return None;
    }
    if !w
        .chars()
        .all(|c| c.is_ascii_digit() || c == ',' || c == '.')
    {
        return None;
    }
    let (int, frac) = match w.split_once('.') {
        Some((i, f)) if !f.is_empty() && f.chars().all(|c| c.is_ascii_digit()) => (i, Some(f)),
        Some(_) => return None,
        None => (w, None),
    };
    let groups: Vec<&str> = int.split(',').collect();
    if groups.len() > 1
        && (groups[0].is_empty() || groups[0].len() > 3 || groups[1..].iter().any(|g| g.len() != 3))
    {
        return None;
    }
    let mut s: String = groups.concat();
    if let Some(f) = frac {
        s.push('.');
        s.push_str(f);
    }
    s.parse().ok()
}

/// Vague counts: "dozens" (24 or more), "hundreds" (200 or more)…
fn vague(words: &[&str]) -> Option<Quantity> {
    let open = |low: f64, len| Quantity {
        value: low,
        low,
        high: None,
        len,
        digits: false,
    };
    let first = *words.first()?;
    let base = match first {
        "dozens" => 24.0,
        "scores" => 40.0,
        "hundreds" => 200.0,
        "thousands" => 2000.0,
        "millions" => 2e6,
        "tens" => {
            // "tens of thousands"
            if words.get(1) == Some(&"of") {
                let s = words
                    .get(2)
                    .and_then(|w| scale_value(w.trim_end_matches('s')))?;
                return Some(open(20.0 * s, 3));
            }
            return None;
        }
        _ => return None,
    };
    // "hundreds of thousands"
    if words.get(1) == Some(&"of")
        && let Some(s) = words
            .get(2)
            .filter(|w| w.ends_with('s'))
            .and_then(|w| scale_value(w.trim_end_matches('s')))
        && s > base / 2.0
    {
        return Some(open(base * s, 3));
    }
    Some(open(base, 1))
}

/// Parses a number at the start of `words` (lower-cased). `None` when the first word starts no
/// number. "a"/"an" count only before a scale word ("a hundred", "a dozen").
pub(crate) fn parse_quantity(words: &[&str]) -> Option<Quantity> {
    let first = *words.first()?;
    if let Some(q) = vague(words) {
        return Some(q);
    }
    // Digit range in one word: 20-30.
    if let Some((a, b)) = first.split_once('-')
        && let (Some(a), Some(b)) = (digits_value(a), digits_value(b))
        && a < b
    {
        return Some(Quantity {
            value: (a + b) / 2.0,
            low: a,
            high: Some(b),
            len: 1,
            digits: true,
        });
    }
    if let Some(v) = digits_value(first) {
        // 1.2 million, 3 thousand, 2 dozen
        if let Some(s) = words.get(1).and_then(|w| scale_value(w)) {
            return Some(Quantity::exact(v * s, 2, true));
        }
        return Some(Quantity::exact(v, 1, true));
    }
    parse_words(words)
}

/// Number words: "two thousand", "one hundred and sixty-four", "a hundred", "two dozen".
fn parse_words(words: &[&str]) -> Option<Quantity> {
    #[derive(PartialEq)]
    enum Last {
        Start,
        Unit,
        Tens,
        Scale,
    }
    let mut total = 0.0;
    let mut current: f64 = 0.0;
    let mut used = 0;
    let mut any = false;
    let mut last = Last::Start;
    let mut i = 0;
    while i < words.len() {
        let w = words[i];
        if let Some(v) = word_value(w) {
            // "five six" is not one number; "twenty five" is.
            let fits = match last {
                Last::Unit => false,
                Last::Tens => v > 0.0 && v < 10.0,
                Last::Start | Last::Scale => true,
            };
            if !fits {
                break;
            }
            current += v;
            any = true;
            last = if v >= 20.0 && v % 10.0 == 0.0 {
                Last::Tens
            } else {
                Last::Unit
            };
            i += 1;
            used = i;
        } else if let Some(s) = scale_value(w) {
            if !any {
                break;
            }
            if s == 100.0 {
                current = current.max(1.0) * 100.0;
            } else {
                total += current.max(1.0) * s;
                current = 0.0;
            }
            last = Last::Scale;
            i += 1;
            used = i;
        } else if (w == "a" || w == "an") && i == 0 {
            match words.get(1).and_then(|x| scale_value(x)) {
                Some(_) => {
                    current = 1.0;
                    any = true;
                    i += 1;
                }
                None => return None,
            }
        } else if w == "and"
            && last == Last::Scale
            && words.get(i + 1).is_some_and(|x| word_value(x).is_some())
        {
            i += 1;
        } else {
            break;
        }
    }
    if !any || used == 0 {
        return None;
    }
    Some(Quantity::exact(total + current, used, false))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn parse(s: &str) -> Option<(f64, f64, Option<f64>, usize)> {
        let ws: Vec<&str> = s.split_whitespace().collect();
        parse_quantity(&ws).map(|q| (q.value, q.low, q.high, q.len))
    }

    #[test]
    fn exact_numbers() {
        let cases: &[(&str, f64, usize)] = &[
            ("164 people", 164.0, 1),
            ("8,000 detained", 8000.0, 1),
            ("1,234,567", 1_234_567.0, 1),
            ("1.2 million people", 1_200_000.0, 2),
            ("3 thousand", 3000.0, 2),
            ("two thousand troops", 2000.0, 2),
            ("a hundred people", 100.0, 2),
            ("a dozen police", 12.0, 2),
            ("two dozen", 24.0, 2),
            ("one hundred sixty-four", 164.0, 3),
            ("one hundred and sixty-four dead", 164.0, 4),
            ("sixty-four", 64.0, 1),
            ("twenty five", 25.0, 2),
            ("seventy", 70.0, 1),
            ("nineteen", 19.0, 1),
            ("three million", 3e6, 2),
            ("two hundred thousand", 200_000.0, 3),
        ];
        for (s, v, len) in cases {
            let got = parse(s).unwrap_or_else(|| panic!("no number in {s:?}"));
            assert_eq!((got.0, got.3), (*v, *len), "{s}");
        }
    }

    #[test]
    fn vague_and_ranges() {
        let cases: &[(&str, f64, Option<f64>, usize)] = &[
            ("dozens of people", 24.0, None, 1),
            ("hundreds of protesters", 200.0, None, 1),
            ("tens of thousands of people", 20_000.0, None, 3),
            ("hundreds of thousands", 200_000.0, None, 3),
            ("20-30 people", 20.0, Some(30.0), 1),
        ];
        for (s, low, high, len) in cases {
            let got = parse(s).unwrap_or_else(|| panic!("no number in {s:?}"));
            assert_eq!((got.1, got.2, got.3), (*low, *high, *len), "{s}");
        }
    }

    #[test]
    fn not_numbers() {
        for s in [
            "a man",
            "the hundred",
            "hundred",
            "people",
            "1,20",
            "five six",
            "first",
        ] {
            let got = parse(s);
            assert!(
                got.is_none() || (s == "five six" && got.unwrap().3 == 1),
                "{s}: {got:?}"
            );
        }
    }
}
