//! RSS and Atom feeds (via `feed-rs`): one document per item.
//!
//! Item text is the full content when the feed carries it, else the summary/description, with
//! HTML stripped to paragraphs. The item's date is its `published` date, else its `updated`
//! date (Atom requires only the latter). The feed's title becomes each document's `source`;
//! the item's authors its byline; its first link its `url`; its id (`guid`, Atom `id`, or the
//! stable id `feed-rs` derives from link and title) the document id.

use crate::error::Invalid;
use crate::readers::html::fragment_text;
use feed_rs::model::{Entry, Feed, Text};
use herald_core::Document;

/// Parses a whole feed. `Err` when the bytes are not a feed; otherwise one result per item (an
/// item without text is a bad record naming its id).
pub fn parse(bytes: &[u8]) -> Result<Vec<Result<Document, Invalid>>, Invalid> {
    let feed = feed_rs::parser::parse(bytes)
        .map_err(|e| Invalid::new(format!("not a valid RSS/Atom feed: {e}")))?;
    Ok(feed.entries.iter().map(|e| entry(&feed, e)).collect())
}

fn entry(feed: &Feed, e: &Entry) -> Result<Document, Invalid> {
    let id = Some(e.id.trim().to_string()).filter(|s| !s.is_empty());
    let body = e
        .content
        .as_ref()
        .and_then(|c| c.body.as_deref())
        .filter(|b| !b.trim().is_empty())
        .map(to_text)
        .or_else(|| e.summary.as_ref().map(text_of));
    let text = body.unwrap_or_default();
    if text.trim().is_empty() {
        return Err(Invalid::new("feed item has no text (no content or description)").with_id(id));
    }
    let mut doc = Document::from_text(text);
    if let Some(id) = id {
        doc.id = id;
    }
    doc.title = e.title.as_ref().map(text_of).filter(|t| !t.is_empty());
    doc.url = e.links.first().map(|l| l.href.clone());
    doc.published = e.published.or(e.updated).map(|d| d.date_naive());
    doc.source = feed.title.as_ref().map(text_of).filter(|t| !t.is_empty());
    let authors: Vec<&str> = e
        .authors
        .iter()
        .filter_map(|p| p.name.as_deref())
        .map(str::trim)
        .filter(|n| !n.is_empty())
        .collect();
    doc.byline = (!authors.is_empty()).then(|| authors.join(", "));
    if let Some(lang) = e.language.as_deref().or(feed.language.as_deref()) {
        let primary = lang
            .split(['-', '_'])
            .next()
            .unwrap_or("")
            .to_ascii_lowercase();
        if (2..=3).contains(&primary.len()) && primary.bytes().all(|b| b.is_ascii_lowercase()) {
            doc.language = primary;
        }
    }
    Ok(doc)
}

fn text_of(t: &Text) -> String {
    to_text(&t.content)
}

/// Markup becomes text; plain text only has its whitespace tidied.
fn to_text(s: &str) -> String {
    let has_markup = s
        .as_bytes()
        .windows(2)
        .any(|w| w[0] == b'<' && (w[1].is_ascii_alphabetic() || w[1] == b'/' || w[1] == b'!'));
    if has_markup || s.contains('&') {
        fragment_text(s)
    } else {
        crate::readers::text::normalise_newlines(s.trim())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::NaiveDate;

    const RSS: &str = include_str!("../../tests/fixtures/feed.rss");
    const ATOM: &str = include_str!("../../tests/fixtures/feed.atom");

    #[test]
    fn rss_items() {
        let items = parse(RSS.as_bytes()).unwrap();
        assert_eq!(items.len(), 3);
        let first = items[0].as_ref().unwrap();
        assert_eq!(first.id, "urn:lakeside:2023:0412");
        assert_eq!(
            first.title.as_deref(),
            Some("Ferry crews end two-day stoppage")
        );
        assert_eq!(first.published, NaiveDate::from_ymd_opt(2023, 4, 12));
        assert_eq!(first.source.as_deref(), Some("Lakeside Courier"));
        assert_eq!(
            first.url.as_deref(),
            Some("https://lakeside.example/ferry-stoppage")
        );
        assert!(!first.text.contains('<'), "{}", first.text);
        assert!(
            first
                .text
                .contains("Ferry crews on the northern lake routes")
        );
        assert!(
            first.text.contains("\n\n"),
            "paragraphs kept: {}",
            first.text
        );
        let second = items[1].as_ref().unwrap();
        assert_eq!(
            second.text,
            "Council members voted 7–2 to extend the curfew around the old market & harbour."
        );
        let bad = items[2].as_ref().unwrap_err();
        assert_eq!(bad.id.as_deref(), Some("urn:lakeside:2023:0414"));
        assert!(bad.reason.contains("no text"));
    }

    #[test]
    fn atom_entries() {
        let items = parse(ATOM.as_bytes()).unwrap();
        assert_eq!(items.len(), 2);
        let a = items[0].as_ref().unwrap();
        assert_eq!(a.id, "tag:ridgeline.example,2023:entry-1");
        assert_eq!(a.published, NaiveDate::from_ymd_opt(2023, 5, 2));
        assert_eq!(a.byline.as_deref(), Some("Tomas Okafor"));
        assert!(
            a.text.starts_with("Road crews reopened the mountain pass"),
            "{}",
            a.text
        );
        let b = items[1].as_ref().unwrap();
        assert_eq!(
            b.published,
            NaiveDate::from_ymd_opt(2023, 5, 6),
            "updated when no published"
        );
        assert_eq!(b.language, "en");
    }

    #[test]
    fn not_feeds() {
        for bytes in [
            &b"<html><body>hi</body></html>"[..],
            b"",
            b"<rss><channel><item>",
            b"\x00\x01",
        ] {
            assert!(
                parse(bytes).is_err(),
                "{:?}",
                String::from_utf8_lossy(bytes)
            );
        }
    }
}
