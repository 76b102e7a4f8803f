//! A feed's items as `herald watch` needs them: a stable key, the article link, and the
//! item's own text as a fallback document; and an article page made into the item's document.

use crate::client::Page;
use herald_core::Document;
use herald_read::Invalid;
use herald_read::readers::{feed, html, text};

/// One item of a feed.
#[derive(Debug)]
pub struct Item {
    /// The item's guid (Atom `id`), else its link: what makes it "seen".
    pub key: String,
    /// The article's URL, made absolute against the feed's URL.
    pub link: Option<String>,
    /// The document the item itself makes (its content or description), or why it makes none.
    pub fallback: Result<Document, Invalid>,
}

/// Parses a feed into items, in feed order. `base` (the feed's URL) resolves relative links.
pub fn items(bytes: &[u8], base: &str) -> Result<Vec<Item>, Invalid> {
    let parsed = feed_rs::parser::parse(bytes)
        .map_err(|e| Invalid::new(format!("not a valid RSS/Atom feed: {e}")))?;
    let docs = feed::parse(bytes)?;
    if docs.len() != parsed.entries.len() {
        // Both read the same bytes with the same parser; a mismatch is a bug, not bad input.
        return Err(Invalid::new(
            "feed items could not be matched to their text",
        ));
    }
    let mut out = Vec::with_capacity(docs.len());
    for (entry, doc) in parsed.entries.iter().zip(docs) {
        let link = entry
            .links
            .iter()
            .find(|l| l.rel.as_deref().is_none_or(|r| r == "alternate"))
            .or(entry.links.first())
            .map(|l| resolve(base, l.href.trim()))
            .filter(|l| !l.is_empty());
        let id = entry.id.trim();
        let key = if !id.is_empty() {
            id.to_string()
        } else if let Some(link) = &link {
            link.clone()
        } else {
            continue; // feed-rs derives an id for every entry; nothing to key this one by
        };
        let fallback = doc.map(|mut d| {
            d.url = link.clone().or(d.url);
            d
        });
        out.push(Item {
            key,
            link,
            fallback,
        });
    }
    Ok(out)
}

/// `href` made absolute against `base` (scheme-relative, host-relative and path-relative).
pub fn resolve(base: &str, href: &str) -> String {
    if href.is_empty() || crate::client::is_url(href) || href.contains("://") {
        return href.to_string();
    }
    let Ok(uri) = base.parse::<ureq::http::Uri>() else {
        return href.to_string();
    };
    let (Some(scheme), Some(authority)) = (uri.scheme_str(), uri.authority()) else {
        return href.to_string();
    };
    if let Some(rest) = href.strip_prefix("//") {
        return format!("{scheme}://{rest}");
    }
    if href.starts_with('/') {
        return format!("{scheme}://{authority}{href}");
    }
    let path = uri.path();
    let dir = &path[..path.rfind('/').map_or(0, |i| i + 1)];
    let dir = if dir.is_empty() { "/" } else { dir };
    format!("{scheme}://{authority}{dir}{href}")
}

/// The article a feed item links to, read from its page, with the item's metadata where the
/// page has none. `Err` when the page holds no article (then the item's own text serves).
///
/// The page's text wins unless it is shorter than the item's own text: an extraction shorter
/// than the teaser means the page was a consent wall, a paywall or a script shell.
pub fn article(page: &Page, item: &Item) -> Result<Document, Invalid> {
    let mut doc = page_article(page)?;
    let fallback = item.fallback.as_ref().ok();
    if let Some(f) = fallback
        && doc.text.trim().len() < f.text.trim().len()
    {
        return Err(Invalid::new(format!(
            "the page's text ({} bytes) is shorter than the feed's ({} bytes)",
            doc.text.trim().len(),
            f.text.trim().len()
        )));
    }
    doc.id = item.key.clone();
    doc.url = Some(item.link.clone().unwrap_or_else(|| page.url.clone()));
    if let Some(f) = fallback {
        // The feed's metadata is the publisher's own; the page's fills what it lacks.
        doc.published = f.published.or(doc.published);
        doc.title = f.title.clone().or(doc.title.take());
        doc.source = f.source.clone().or(doc.source.take());
        doc.byline = doc.byline.take().or(f.byline.clone());
    }
    Ok(doc)
}

/// An article page's document: HTML through the article extractor, plain text as is.
fn page_article(page: &Page) -> Result<Document, Invalid> {
    let ctype = page
        .content_type
        .as_deref()
        .unwrap_or("")
        .to_ascii_lowercase();
    let format = crate::page::format_of(&ctype, &page.body);
    match format {
        herald_read::Format::Html => html::parse(&page.body),
        herald_read::Format::Text => text::parse(&page.body),
        other => Err(Invalid::new(format!(
            "not an article page ({} , read as {other:?})",
            if ctype.is_empty() {
                "no content type"
            } else {
                ctype.as_str()
            }
        ))),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::client::Validators;

    const RSS: &str = r#"<?xml version="1.0"?><rss version="2.0"><channel><title>Valley Post</title>
<item><guid>vp-1</guid><title>Bridge reopens</title><link>/news/bridge</link>
<description>The river bridge reopened on Monday after repairs.</description>
<pubDate>Tue, 04 Apr 2023 08:00:00 GMT</pubDate></item>
<item><title>No guid</title><link>https://other.example/x</link><description>Short.</description></item>
<item><guid>vp-3</guid><link>rel/page.html</link></item>
</channel></rss>"#;

    #[test]
    fn keys_links_and_fallbacks() {
        let items = items(RSS.as_bytes(), "http://127.0.0.1:9/feeds/main.rss").unwrap();
        assert_eq!(items.len(), 3);
        assert_eq!(items[0].key, "vp-1");
        assert_eq!(
            items[0].link.as_deref(),
            Some("http://127.0.0.1:9/news/bridge")
        );
        let doc = items[0].fallback.as_ref().unwrap();
        assert_eq!(doc.url.as_deref(), Some("http://127.0.0.1:9/news/bridge"));
        assert_eq!(doc.source.as_deref(), Some("Valley Post"));
        assert!(!items[1].key.is_empty(), "feed-rs derives an id");
        assert_eq!(
            items[2].link.as_deref(),
            Some("http://127.0.0.1:9/feeds/rel/page.html")
        );
        assert!(items[2].fallback.is_err(), "no text of its own");
        assert!(super::items(b"<html>not a feed</html>", "http://x/").is_err());
    }

    #[test]
    fn resolving() {
        let cases = [
            (
                "http://a.example/x/feed",
                "http://b.example/p",
                "http://b.example/p",
            ),
            (
                "https://a.example/x/feed",
                "//c.example/p",
                "https://c.example/p",
            ),
            (
                "http://a.example:81/x/feed",
                "/p?q=1",
                "http://a.example:81/p?q=1",
            ),
            (
                "http://a.example/x/feed",
                "p.html",
                "http://a.example/x/p.html",
            ),
            ("http://a.example", "p.html", "http://a.example/p.html"),
        ];
        for (base, href, want) in cases {
            assert_eq!(resolve(base, href), want, "{base} + {href}");
        }
    }

    fn page(ctype: &str, body: &str) -> Page {
        Page {
            url: "http://a.example/p".into(),
            status: 200,
            content_type: Some(ctype.into()),
            validators: Validators::default(),
            body: body.as_bytes().to_vec(),
        }
    }

    #[test]
    fn article_merges_page_text_with_feed_metadata() {
        let items = items(RSS.as_bytes(), "http://a.example/feed").unwrap();
        let body = "<html><head><title>Page title</title></head><body><article>\
            <p>The river bridge reopened on Monday after eight months of repairs, the council said.</p>\
            <p>Traffic was light in the morning and the ferry service will end next week.</p>\
            </article></body></html>";
        let doc = article(&page("text/html; charset=utf-8", body), &items[0]).unwrap();
        assert!(doc.text.contains("eight months of repairs"), "{}", doc.text);
        assert_eq!(doc.id, "vp-1");
        assert_eq!(doc.title.as_deref(), Some("Bridge reopens"));
        assert_eq!(doc.published.unwrap().to_string(), "2023-04-04");
        assert_eq!(doc.url.as_deref(), Some("http://a.example/news/bridge"));

        let short = "<html><body><p>Please enable JavaScript.</p></body></html>";
        let err = article(&page("text/html", short), &items[0]).unwrap_err();
        assert!(
            err.reason.contains("shorter than the feed"),
            "{}",
            err.reason
        );
        let json = article(&page("application/json", "{\"a\":1}"), &items[0]).unwrap_err();
        assert!(
            json.reason.contains("not an article page"),
            "{}",
            json.reason
        );
    }
}
