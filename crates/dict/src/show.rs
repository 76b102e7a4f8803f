//! `herald dict show TERM`: how a word or name codes, in words.

use crate::compile::{CompiledDict, norm_phrase};

/// Lines explaining how `term` codes: as an actor (every dated code), as an agent, and as a
/// verb (every pattern on that form, most specific first), and as an event noun.
pub fn explain(dict: &CompiledDict, term: &str) -> Vec<String> {
    let words: Vec<String> = norm_phrase(term).split(' ').map(str::to_string).collect();
    let mut out = Vec::new();
    let exact = dict.exact_actors.longest(&words, 0).filter(|_| {
        term.chars()
            .filter(|c| c.is_alphabetic())
            .all(char::is_uppercase)
    });
    if let Some((n, ids)) = dict.actors.longest(&words, 0).or(exact)
        && n == words.len()
    {
        for &&id in &ids {
            for c in &dict.actor_codes[id] {
                let dates = match (c.from, c.until) {
                    (None, None) => "always".to_string(),
                    (f, u) => format!(
                        "{} to {}",
                        f.map_or("…".into(), |d| d.to_string()),
                        u.map_or("…".into(), |d| d.to_string())
                    ),
                };
                let former = if c.former {
                    ", former office holder, when no term covers the day"
                } else {
                    ""
                };
                out.push(format!(
                    "actor {} ({dates}{former}) line {}",
                    c.code, c.line
                ));
            }
        }
    }
    if let Some((n, codes)) = dict.agents.longest(&words, 0)
        && n == words.len()
    {
        for a in codes {
            let how = if a.prefix {
                format!(
                    "agent {}: composes before the country ({}XXX)",
                    a.code, a.code
                )
            } else {
                format!(
                    "agent {}: composes after the country (XXX{})",
                    a.code, a.code
                )
            };
            out.push(format!("{how} line {}", a.line));
        }
    }
    // The form as written, else a lemma guessed by stripping a regular ending ("arrested").
    let w0 = words.first().cloned().unwrap_or_default();
    let guesses = [
        w0.clone(),
        w0.strip_suffix("ed")
            .map(str::to_string)
            .unwrap_or_default(),
        w0.strip_suffix('d').map(str::to_string).unwrap_or_default(),
        w0.strip_suffix("ing")
            .map(str::to_string)
            .unwrap_or_default(),
        w0.strip_suffix('s').map(str::to_string).unwrap_or_default(),
    ];
    if words.len() == 1
        && let Some(ids) = guesses.iter().find_map(|g| dict.verbs.get(g))
    {
        let mut ps: Vec<_> = ids.iter().map(|&i| &dict.patterns[i]).collect();
        ps.sort_by_key(|p| std::cmp::Reverse(p.specificity()));
        for p in ps {
            let code = if p.code.is_empty() {
                "no event"
            } else {
                &p.code
            };
            out.push(format!("verb pattern {} → {code} line {}", p.text, p.line));
        }
    }
    if words.len() == 1
        && let Some(n) = dict.nouns.get(&w0)
    {
        let doer = if n.doer.is_empty() {
            String::new()
        } else {
            format!(", done by XXX{} when no one is named", n.doer)
        };
        out.push(format!("event noun → {}{doer} line {}", n.code, n.line));
    }
    if out.is_empty() {
        out.push(format!("{term:?}: not in the dictionary"));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::petrarch;

    #[test]
    fn explains_actor_agent_verb() {
        let mut d =
            petrarch::read_actors("GOLLUM\n\t[HOB < 950601]\n\t[HOBGOV 19950601-19990815]\n").dict;
        d.extend(petrarch::read_agents("POLICE {} [~COP]\n").dict);
        d.extend(
            petrarch::read_verbs(
                "--- ARREST [212] ---\nARREST\n- * + (FOR &X) [1711]\n&X\n+THEFT\n",
            )
            .dict,
        );
        let c = CompiledDict::new(&d);
        let g = explain(&c, "Gollum");
        assert_eq!(g.len(), 2, "{g:?}");
        assert!(g[1].contains("HOBGOV (1995-06-01 to 1999-08-15)"));
        assert!(explain(&c, "police")[0].contains("agent COP"));
        let v = explain(&c, "arrested");
        assert!(v[0].contains("1711") && v[1].contains("212"), "{v:?}");
        assert!(explain(&c, "zzz")[0].contains("not in"));
    }
}
