//! CAMEO event codes: Goldstein score, quad class and PLOVER type/mode.
//!
//! The table (`data/cameo.tsv`) lists every CAMEO code with its Goldstein score and PLOVER
//! type and mode; the quad class follows from the root (01–05 verbal cooperation, 06–09
//! material cooperation, 10–14 verbal conflict, 15–20 material conflict). A code missing from
//! the table (a dictionary's private code) takes its nearest parent's values.

use std::collections::HashMap;
use std::sync::LazyLock;

/// What the ontology says about one CAMEO code.
#[derive(Clone, Debug, PartialEq)]
pub struct CodeInfo {
    /// The code as the table has it (may be a parent of the code asked for).
    pub code: &'static str,
    /// Goldstein conflict–cooperation score, −10 to +10.
    pub goldstein: f64,
    /// PLOVER event type; `None` for CAMEO 01 and 02 (statements and appeals), which PLOVER
    /// drops.
    pub plover_type: Option<&'static str>,
    /// PLOVER mode, when the code fixes one.
    pub plover_mode: Option<&'static str>,
}

static TABLE: LazyLock<HashMap<&'static str, CodeInfo>> = LazyLock::new(|| {
    let mut m = HashMap::new();
    for line in include_str!("../data/cameo.tsv").lines() {
        if line.starts_with('#') || line.trim().is_empty() {
            continue;
        }
        let f: Vec<&'static str> = line.split('\t').collect();
        let goldstein: f64 = f
            .get(1)
            .and_then(|g| g.parse().ok())
            .expect("cameo.tsv: bad Goldstein score");
        let opt = |i: usize| f.get(i).copied().filter(|s| !s.is_empty());
        m.insert(
            f[0],
            CodeInfo {
                code: f[0],
                goldstein,
                plover_type: opt(2),
                plover_mode: opt(3),
            },
        );
    }
    m
});

/// The CAMEO root (first two digits) of a code: `"1721"` → `"17"`.
pub fn root(code: &str) -> &str {
    code.get(..2).unwrap_or(code)
}

/// Quad class of a code from its root: 1 verbal cooperation, 2 material cooperation,
/// 3 verbal conflict, 4 material conflict; `None` when the code has no numeric root.
pub fn quad_class(code: &str) -> Option<u8> {
    let r: u8 = root(code).parse().ok()?;
    Some(match r {
        1..=5 => 1,
        6..=9 => 2,
        10..=14 => 3,
        15..=20 => 4,
        _ => return None,
    })
}

/// Phoenix's five-way class of a code from its root ("PentaClass", the Phoenix pipeline's
/// `quad_conversion`): 0 statements and appeals (01, 02), 1 verbal cooperation (03-05),
/// 2 material cooperation (06-08), 3 verbal conflict (09-13 and 16, reducing relations),
/// 4 material conflict (14, 15, 17-20). The conflict-news classification sets (ConfliBERT's)
/// are labelled this way; GDELT's [`quad_class`] puts 02 with cooperation, 09 with material
/// cooperation, 14 with verbal and 16 with material conflict.
pub fn penta_class(code: &str) -> Option<u8> {
    let r: u8 = root(code).parse().ok()?;
    Some(match r {
        1 | 2 => 0,
        3..=5 => 1,
        6..=8 => 2,
        9..=13 | 16 => 3,
        14 | 15 | 17..=20 => 4,
        _ => return None,
    })
}

/// What the table knows about `code`, or about its nearest listed parent.
pub fn info(code: &str) -> Option<&'static CodeInfo> {
    let mut c = code;
    while c.len() >= 2 {
        if let Some(i) = TABLE.get(c) {
            return Some(i);
        }
        c = &c[..c.len() - 1];
    }
    None
}

/// True when `code` is a CAMEO event code the table lists.
pub fn is_known(code: &str) -> bool {
    TABLE.contains_key(code)
}

/// Number of codes in the table.
pub fn len() -> usize {
    TABLE.len()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn table_is_complete_and_consistent() {
        assert!(len() >= 300, "{} codes", len());
        for root in 1..=20 {
            let r = format!("{root:02}");
            assert!(is_known(&r), "root {r} missing");
            assert!(is_known(&format!("{r}0")), "{r}0 missing");
        }
        for (code, i) in TABLE.iter() {
            assert!((-10.0..=10.0).contains(&i.goldstein), "{code}");
            let root: u8 = code[..2].parse().unwrap();
            assert_eq!(i.plover_type.is_none(), root <= 2, "{code}");
        }
    }

    #[test]
    fn known_codes() {
        let cases = [
            ("175", Some(4), -9.0, Some("ASSAULT")),
            ("141", Some(3), -6.5, Some("PROTEST")),
            ("0874", Some(2), 10.0, Some("RETREAT")),
            ("023", Some(1), 3.4, None),
            ("1721", Some(4), -5.0, Some("COERCE")),
        ];
        for (code, quad, g, plover) in cases {
            let i = info(code).unwrap();
            assert_eq!(quad_class(code), quad, "{code}");
            assert_eq!(i.goldstein, g, "{code}");
            assert_eq!(i.plover_type, plover, "{code}");
        }
    }

    #[test]
    fn unknown_codes_fall_back_to_parent() {
        assert_eq!(info("0641").unwrap().code, "064");
        assert!(info("9").is_none());
        assert_eq!(quad_class("---"), None);
    }
}
