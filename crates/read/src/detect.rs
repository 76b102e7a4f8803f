//! Which reader a file needs: by extension first, then by sniffing its first bytes.

use std::path::Path;

/// The input formats herald reads.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Format {
    /// Plain text: the whole file is one article.
    Text,
    /// An HTML page.
    Html,
    /// JSON Lines, one article per line.
    Jsonl,
    /// An RSS or Atom feed, one article per item.
    Feed,
}

impl Format {
    /// The format an extension names, if it names one (`.txt`, `.html`, `.jsonl`, `.rss`…).
    /// `.xml` names none: it may be a feed or anything else, so it is sniffed.
    pub fn from_extension(path: &Path) -> Option<Format> {
        let ext = path.extension()?.to_str()?.to_ascii_lowercase();
        Some(match ext.as_str() {
            "txt" | "text" | "md" => Format::Text,
            "html" | "htm" | "xhtml" | "shtml" => Format::Html,
            "jsonl" | "ndjson" | "json" => Format::Jsonl,
            "rss" | "atom" | "rdf" => Format::Feed,
            _ => return None,
        })
    }

    /// The format the first bytes of a file suggest; plain text when nothing else fits.
    pub fn sniff(head: &[u8]) -> Format {
        let head = head.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(head);
        let start = head
            .iter()
            .position(|b| !b.is_ascii_whitespace())
            .unwrap_or(head.len());
        let head = &head[start..];
        if head.first() == Some(&b'{') {
            return Format::Jsonl;
        }
        if head.first() != Some(&b'<') {
            return Format::Text;
        }
        let lower: Vec<u8> = head.iter().take(4096).map(u8::to_ascii_lowercase).collect();
        let has = |needle: &[u8]| lower.windows(needle.len()).any(|w| w == needle);
        if has(b"<rss") || has(b"<rdf:rdf") || (has(b"<feed") && has(b"w3.org/2005/atom")) {
            Format::Feed
        } else if has(b"<html")
            || has(b"<!doctype html")
            || has(b"<head")
            || has(b"<body")
            || has(b"<p")
            || has(b"<div")
        {
            Format::Html
        } else {
            Format::Text
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn by_extension() {
        let cases = [
            ("a.txt", Some(Format::Text)),
            ("a.TXT", Some(Format::Text)),
            ("dir/a.htm", Some(Format::Html)),
            ("a.jsonl", Some(Format::Jsonl)),
            ("a.ndjson", Some(Format::Jsonl)),
            ("a.rss", Some(Format::Feed)),
            ("a.atom", Some(Format::Feed)),
            ("a.xml", None),
            ("README", None),
        ];
        for (p, want) in cases {
            assert_eq!(Format::from_extension(Path::new(p)), want, "{p}");
        }
    }

    #[test]
    fn by_content() {
        let cases: &[(&[u8], Format)] = &[
            (b"{\"text\":\"x\"}\n", Format::Jsonl),
            (b"\xEF\xBB\xBF  \n{\"text\":\"x\"}", Format::Jsonl),
            (
                b"<?xml version=\"1.0\"?><rss version=\"2.0\">",
                Format::Feed,
            ),
            (
                b"<?xml version=\"1.0\"?>\n<feed xmlns=\"http://www.w3.org/2005/Atom\">",
                Format::Feed,
            ),
            (b"<rdf:RDF xmlns:rdf=\"x\">", Format::Feed),
            (b"<!DOCTYPE html><html>", Format::Html),
            (b"<div><p>Hi</p></div>", Format::Html),
            (b"<?xml version=\"1.0\"?><dictionary>", Format::Text),
            (b"ALMATY, Jan 10 (wire) - Protests", Format::Text),
            (b"", Format::Text),
        ];
        for (head, want) in cases {
            assert_eq!(
                Format::sniff(head),
                *want,
                "{}",
                String::from_utf8_lossy(head)
            );
        }
    }
}
