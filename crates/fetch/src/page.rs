//! A fetched body made into documents, as `herald ingest URL` reads it: the same readers as
//! for files, the format chosen by `Content-Type` and else by the body's first bytes.

use crate::client::Page;
use herald_core::Document;
use herald_read::readers::{feed, html, jsonl, text};
use herald_read::{Error, Format, Origin};

/// The reader a body needs: the content type when it names one, else sniffing.
pub(crate) fn format_of(content_type: &str, body: &[u8]) -> Format {
    let mime = content_type
        .split(';')
        .next()
        .unwrap_or("")
        .trim()
        .to_ascii_lowercase();
    match mime.as_str() {
        m if m.contains("html") => Format::Html,
        m if m.contains("rss") || m.contains("atom") || m.contains("rdf") => Format::Feed,
        m if m.contains("ndjson") || m.contains("jsonl") || m.ends_with("json") => Format::Jsonl,
        "text/plain" => Format::Text,
        _ => Format::sniff(body),
    }
}

/// Every document in a fetched body, or the bad records, named by the page's URL (and line,
/// for JSON Lines). A document without a URL of its own gets the page's.
pub fn documents(page: &Page) -> Vec<Result<Document, Error>> {
    let ctype = page.content_type.as_deref().unwrap_or("");
    let origin = |line: Option<usize>, id: Option<String>| Origin {
        file: page.url.clone(),
        line,
        id,
    };
    let results: Vec<(Option<usize>, Result<Document, herald_read::Invalid>)> =
        match format_of(ctype, &page.body) {
            Format::Html => vec![(None, html::parse(&page.body))],
            Format::Text => vec![(None, text::parse(&page.body))],
            Format::Feed => match feed::parse(&page.body) {
                Ok(items) => items.into_iter().map(|r| (None, r)).collect(),
                Err(e) => vec![(None, Err(e))],
            },
            Format::Jsonl => page
                .body
                .split(|&b| b == b'\n')
                .enumerate()
                .filter(|(_, l)| !l.iter().all(u8::is_ascii_whitespace))
                .map(|(i, l)| {
                    let l = l.strip_suffix(b"\r").unwrap_or(l);
                    let l = if i == 0 {
                        l.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(l)
                    } else {
                        l
                    };
                    (Some(i + 1), jsonl::parse_line(l))
                })
                .collect(),
        };
    results
        .into_iter()
        .map(|(line, r)| match r {
            Ok(mut doc) => {
                if doc.url.is_none() {
                    doc.url = Some(page.url.clone());
                }
                Ok(doc)
            }
            Err(inv) => Err(Error::bad(origin(line, inv.id), inv.reason)),
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::client::Validators;

    fn page(ctype: Option<&str>, body: &str) -> Page {
        Page {
            url: "http://a.example/in".into(),
            status: 200,
            content_type: ctype.map(String::from),
            validators: Validators::default(),
            body: body.as_bytes().to_vec(),
        }
    }

    #[test]
    fn formats() {
        let cases: &[(&str, &[u8], Format)] = &[
            ("text/html; charset=utf-8", b"x", Format::Html),
            ("application/rss+xml", b"x", Format::Feed),
            ("application/x-ndjson", b"x", Format::Jsonl),
            ("application/json", b"x", Format::Jsonl),
            ("text/plain", b"<html>", Format::Text),
            ("application/xml", b"<rss version=\"2.0\">", Format::Feed),
            ("", b"<!DOCTYPE html><html>", Format::Html),
            ("application/octet-stream", b"Plain words.", Format::Text),
        ];
        for (ct, body, want) in cases {
            assert_eq!(format_of(ct, body), *want, "{ct}");
        }
    }

    #[test]
    fn jsonl_pages_name_url_and_line() {
        let p = page(
            Some("application/x-ndjson"),
            "{\"id\":\"a\",\"text\":\"Talks resumed.\"}\n\n{\"id\":\"b\"}\n",
        );
        let docs = documents(&p);
        assert_eq!(docs.len(), 2);
        let a = docs[0].as_ref().unwrap();
        assert_eq!(a.id, "a");
        assert_eq!(a.url.as_deref(), Some("http://a.example/in"));
        let err = docs[1].as_ref().unwrap_err().to_string();
        assert!(err.starts_with("http://a.example/in:3 (id b): "), "{err}");
    }

    #[test]
    fn text_and_bad_pages() {
        let docs = documents(&page(None, "Police detained 40 protesters."));
        assert_eq!(
            docs[0].as_ref().unwrap().text,
            "Police detained 40 protesters."
        );
        let docs = documents(&page(Some("text/html"), "<html><body></body></html>"));
        let err = docs[0].as_ref().unwrap_err().to_string();
        assert!(err.starts_with("http://a.example/in: "), "{err}");
    }
}
