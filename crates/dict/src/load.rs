//! Loading dictionary files named on the command line: `KIND=PATH`, where KIND is a PETRARCH
//! file kind (`verbs`, `actors`, `agents`, `discards`, `issues`), a TABARI one
//! (`tabari-actors`, `tabari-verbs`, `tabari-agents`, `tabari-options`) or `herald` for
//! herald's own format.

use crate::entry::Dictionary;
use crate::{format, petrarch, tabari};
use herald_core::{Error, Result};
use std::path::Path;

/// Reads one dictionary file of `kind`. Lines a PETRARCH reader cannot read are returned as
/// warnings (`file:line: reason`); a herald-format file with an error fails.
pub fn load(kind: &str, path: &Path) -> Result<(Dictionary, Vec<String>)> {
    let text = std::fs::read_to_string(path).map_err(|e| Error::io(path.display(), e))?;
    let origin = path.display().to_string();
    if matches!(kind, "herald" | "hd" | "own") {
        let d = format::parse(&text, &origin).map_err(|e| Error::format(&origin, e.to_string()))?;
        return Ok((d, Vec::new()));
    }
    let p = if let Some(t) = kind.strip_prefix("tabari-") {
        let k = tabari::Kind::parse(t).ok_or_else(|| {
            Error::Other(format!(
                "unknown TABARI dictionary kind {kind:?} (tabari-actors, tabari-verbs, tabari-agents, tabari-options)"
            ))
        })?;
        tabari::read(k, &text)
    } else {
        let k = petrarch::Kind::parse(kind).ok_or_else(|| {
            Error::Other(format!(
                "unknown dictionary kind {kind:?} (verbs, actors, agents, discards, issues, tabari-actors, tabari-verbs, tabari-agents, tabari-options, herald)"
            ))
        })?;
        petrarch::read(k, &text)
    };
    let warnings = p
        .problems
        .iter()
        .map(|p| format!("{origin}:{}: {}", p.line, p.message))
        .collect();
    Ok((p.dict, warnings))
}

/// Splits a `KIND=PATH` argument.
pub fn split_spec(spec: &str) -> Result<(&str, &Path)> {
    let (k, p) = spec
        .split_once('=')
        .ok_or_else(|| Error::Other(format!("--dict {spec:?}: expected KIND=PATH")))?;
    Ok((k, Path::new(p)))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn spec_and_errors() {
        assert_eq!(split_spec("verbs=a/b.txt").unwrap().0, "verbs");
        assert!(split_spec("verbs").is_err());
        let e = load("verbs", Path::new("/nonexistent/x.txt")).unwrap_err();
        assert!(e.to_string().contains("/nonexistent/x.txt"));
        let dir = std::env::temp_dir().join(format!("herald-load-{}", std::process::id()));
        std::fs::create_dir_all(&dir).unwrap();
        let f = dir.join("a.txt");
        std::fs::write(&f, "ARNOR [ARN]\n+\n").unwrap();
        let (d, w) = load("actors", &f).unwrap();
        assert_eq!(d.actors.len(), 1);
        assert_eq!(w.len(), 1, "{w:?}");
        assert!(load("nouns", &f).is_err());
        let (d, w) = load("tabari-actors", &f).unwrap();
        assert_eq!((d.actors.len(), w.len()), (1, 1), "{w:?}");
        assert!(load("tabari-nouns", &f).is_err());
        std::fs::remove_dir_all(&dir).ok();
    }
}
