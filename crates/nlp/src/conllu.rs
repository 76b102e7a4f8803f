//! Reading CoNLL-U treebanks (UD): sentences with their `# text`, tokens and gold annotation.

use herald_core::{Error, Result};

/// One word line of a CoNLL-U file (multi-word token ranges and empty nodes are kept apart).
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Word {
    /// FORM.
    pub form: String,
    /// LEMMA.
    pub lemma: String,
    /// UPOS.
    pub upos: String,
    /// XPOS.
    pub xpos: String,
    /// FEATS.
    pub feats: String,
    /// HEAD (0 = root).
    pub head: usize,
    /// DEPREL.
    pub deprel: String,
    /// MISC.
    pub misc: String,
}

/// A multi-word token line (`3-4 don't`): its word range and surface form.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct MultiWord {
    /// First word id (1-based).
    pub first: usize,
    /// Last word id (1-based, inclusive).
    pub last: usize,
    /// Surface form.
    pub form: String,
}

/// One sentence of a CoNLL-U file.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct ConlluSentence {
    /// `# sent_id`.
    pub id: String,
    /// `# text`, the raw sentence.
    pub text: String,
    /// `# newdoc id`, when this sentence starts a document.
    pub newdoc: Option<String>,
    /// `# newpar`, when this sentence starts a paragraph.
    pub newpar: bool,
    /// Syntactic words, in order.
    pub words: Vec<Word>,
    /// Multi-word tokens.
    pub multiwords: Vec<MultiWord>,
    /// Every comment line as it was.
    pub comments: Vec<String>,
}

/// Parses CoNLL-U text. `origin` names the file in errors.
pub fn parse(input: &str, origin: &str) -> Result<Vec<ConlluSentence>> {
    let mut out = Vec::new();
    let mut cur = ConlluSentence::default();
    for (n, line) in input.lines().enumerate() {
        let line = line.trim_end_matches('\r');
        if line.is_empty() {
            if !cur.words.is_empty() || !cur.comments.is_empty() {
                out.push(std::mem::take(&mut cur));
            }
            continue;
        }
        if let Some(c) = line.strip_prefix('#') {
            let c = c.trim();
            if let Some(v) = c.strip_prefix("sent_id =") {
                cur.id = v.trim().to_string();
            } else if let Some(v) = c.strip_prefix("text =") {
                cur.text = v.trim().to_string();
            } else if let Some(v) = c.strip_prefix("newdoc id =") {
                cur.newdoc = Some(v.trim().to_string());
            } else if c == "newdoc" {
                cur.newdoc = Some(String::new());
            } else if c.starts_with("newpar") {
                cur.newpar = true;
            }
            cur.comments.push(line.to_string());
            continue;
        }
        let cols: Vec<&str> = line.split('\t').collect();
        if cols.len() != 10 {
            return Err(Error::format(
                format!("{origin}:{}", n + 1),
                format!("expected 10 tab-separated columns, found {}", cols.len()),
            ));
        }
        let id = cols[0];
        if id.contains('.') {
            continue; // empty node (enhanced dependencies only)
        }
        if let Some((a, b)) = id.split_once('-') {
            let (Ok(first), Ok(last)) = (a.parse(), b.parse()) else {
                return Err(Error::format(
                    format!("{origin}:{}", n + 1),
                    format!("bad token range {id:?}"),
                ));
            };
            cur.multiwords.push(MultiWord {
                first,
                last,
                form: cols[1].to_string(),
            });
            continue;
        }
        let head = if cols[6] == "_" {
            0
        } else {
            cols[6].parse().map_err(|_| {
                Error::format(
                    format!("{origin}:{}", n + 1),
                    format!("bad HEAD {:?}", cols[6]),
                )
            })?
        };
        cur.words.push(Word {
            form: cols[1].to_string(),
            lemma: cols[2].to_string(),
            upos: cols[3].to_string(),
            xpos: cols[4].to_string(),
            feats: cols[5].to_string(),
            head,
            deprel: cols[7].to_string(),
            misc: cols[9].to_string(),
        });
    }
    if !cur.words.is_empty() {
        out.push(cur);
    }
    Ok(out)
}

/// Reads and parses a CoNLL-U file.
pub fn read(path: &std::path::Path) -> Result<Vec<ConlluSentence>> {
    let text = std::fs::read_to_string(path).map_err(|e| Error::io(path.display(), e))?;
    parse(&text, &path.display().to_string())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_words_multiwords_and_comments() {
        let src = "# sent_id = a-1\n# text = I don't.\n1\tI\tI\tPRON\tPRP\t_\t3\tnsubj\t_\t_\n2-3\tdon't\t_\t_\t_\t_\t_\t_\t_\t_\n2\tdo\tdo\tAUX\tVBP\t_\t3\taux\t_\t_\n3\tn't\tnot\tPART\tRB\t_\t0\troot\t_\tSpaceAfter=No\n4\t.\t.\tPUNCT\t.\t_\t3\tpunct\t_\t_\n\n";
        let s = parse(src, "t").unwrap();
        assert_eq!(s.len(), 1);
        assert_eq!(s[0].text, "I don't.");
        assert_eq!(s[0].words.len(), 4);
        assert_eq!(
            s[0].multiwords,
            vec![MultiWord {
                first: 2,
                last: 3,
                form: "don't".into()
            }]
        );
        assert_eq!(s[0].words[2].head, 0);
    }

    #[test]
    fn names_the_line_of_a_bad_row() {
        let err = parse("1\tI\tI\n", "f.conllu").unwrap_err().to_string();
        assert!(err.starts_with("f.conllu:1:"), "{err}");
    }
}
