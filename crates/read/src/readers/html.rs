//! HTML pages: the article's main text, title, byline and publication date.
//!
//! The main text comes from `dom_smoothie` (a port of Mozilla's Readability) in its formatted
//! mode, which keeps one blank line between paragraphs and leaves navigation, cookie banners,
//! related-story lists and footers out. When it finds no article or a very short one (under 200
//! bytes, where its last resort keeps navigation), the body text without `nav`, `header`, `footer`, `aside`, `form`, scripts and styles is used instead.
//!
//! The date is the first found of: Readability's metadata (JSON-LD `datePublished`,
//! `article:published_time`), other common meta tags (`date`, `pubdate`, `DC.date.issued`,
//! `parsely-pub-date`…), `itemprop="datePublished"`, `<time pubdate>`, and the first
//! `<time datetime>` inside `<article>`.

use crate::date::parse_date;
use crate::error::Invalid;
use crate::readers::text;
use dom_query::Document as Dom;
use dom_smoothie::{Config, Readability, TextMode};
use encoding_rs::Encoding;
use herald_core::Document;

/// Reads an HTML page. Pure: bytes in, a document (id = hash of the article text) or a reason.
pub fn parse(bytes: &[u8]) -> Result<Document, Invalid> {
    let html = decode(bytes)?;
    let dom = Dom::from(html.as_str());
    let meta = scan_meta(&dom);
    let cfg = Config {
        text_mode: TextMode::Formatted,
        ..Default::default()
    };
    let article = Readability::with_document(dom, None, Some(cfg))
        .ok()
        .and_then(|mut r| r.parse().ok());

    let (mut body, title, byline, published, site, lang) = match article {
        Some(a) => (
            a.text_content.to_string(),
            Some(a.title).filter(|t| !t.trim().is_empty()),
            a.byline,
            a.published_time.as_deref().and_then(parse_date),
            a.site_name,
            a.lang,
        ),
        None => (String::new(), None, None, None, None, None),
    };
    if body.trim().len() < SHORT {
        // Readability's last resort on a tiny page is whatever text is left, navigation
        // included; the plain body without page furniture is the better reading there.
        body = fallback_text(&html);
    }
    let title = title.or(meta.title);
    let byline = byline.or(meta.byline).map(|b| squash(&b));
    let body = drop_byline_line(body.trim(), byline.as_deref(), title.as_deref());
    let text = text::normalise_newlines(body.trim());
    if text.is_empty() {
        return Err(Invalid::new("no article text in the page"));
    }
    let mut doc = Document::from_text(text);
    doc.title = title.map(|t| squash(&t));
    doc.byline = byline.filter(|b| !b.is_empty());
    doc.published = published.or(meta.published);
    doc.url = meta.url;
    doc.source = site.filter(|s| !s.trim().is_empty());
    if let Some(lang) = lang.as_deref().and_then(primary_language) {
        doc.language = lang;
    }
    Ok(doc)
}

/// Below this many bytes of article text, the page is read by [`fallback_text`] instead.
const SHORT: usize = 200;

/// Metadata read straight from the page, before Readability rewrites the tree.
#[derive(Debug, Default)]
struct Meta {
    title: Option<String>,
    byline: Option<String>,
    published: Option<chrono::NaiveDate>,
    url: Option<String>,
}

fn scan_meta(dom: &Dom) -> Meta {
    const DATE_META: &[&str] = &[
        "meta[property='article:published_time']",
        "meta[property='og:published_time']",
        "meta[name='article:published_time']",
        "meta[itemprop='datePublished']",
        "meta[name='date']",
        "meta[name='pubdate']",
        "meta[name='publishdate']",
        "meta[name='publish-date']",
        "meta[name='DC.date.issued']",
        "meta[name='dc.date.issued']",
        "meta[name='dcterms.created']",
        "meta[name='DC.date']",
        "meta[name='parsely-pub-date']",
        "meta[name='sailthru.date']",
    ];
    let attr = |sel: &str, name: &str| {
        dom.select(sel)
            .iter()
            .find_map(|s| s.attr(name).map(|v| v.trim().to_string()))
            .filter(|v| !v.is_empty())
    };
    let published = DATE_META
        .iter()
        .filter_map(|sel| attr(sel, "content"))
        .find_map(|v| parse_date(&v))
        .or_else(|| {
            [
                "[itemprop='datePublished']",
                "time[pubdate]",
                "article time",
            ]
            .iter()
            .flat_map(|sel| dom.select(sel).iter().collect::<Vec<_>>())
            .find_map(|s| {
                s.attr("datetime")
                    .or_else(|| s.attr("content"))
                    .and_then(|v| parse_date(&v))
            })
        });
    Meta {
        title: attr("meta[property='og:title']", "content")
            .or_else(|| Some(dom.select("title").text().trim().to_string()))
            .filter(|t| !t.is_empty()),
        byline: attr("meta[name='author']", "content"),
        published,
        url: attr("link[rel='canonical']", "href")
            .or_else(|| attr("meta[property='og:url']", "content")),
    }
}

/// Body text of a page Readability could not make an article of.
fn fallback_text(html: &str) -> String {
    let dom = Dom::from(html);
    dom.select("script, style, noscript, template, nav, header, footer, aside, form, iframe")
        .remove();
    match dom.body() {
        Some(body) => body.formatted_text().to_string(),
        None => dom.formatted_text().to_string(),
    }
}

/// The article's first paragraph when it is only the byline ("By Ann Lee, 14 March 2023") or
/// the headline again: dropped, so the text starts with the story.
fn drop_byline_line<'t>(text: &'t str, byline: Option<&str>, title: Option<&str>) -> &'t str {
    let end = text.find('\n').unwrap_or(text.len());
    let first = text[..end].trim();
    let is_byline = first.len() < 160
        && first
            .get(..3)
            .is_some_and(|p| p.eq_ignore_ascii_case("by "))
        && byline.is_none_or(|b| first.contains(b));
    let is_title = title.is_some_and(|t| squash(t) == squash(first));
    if (is_byline || is_title) && end < text.len() {
        text[end..].trim_start()
    } else {
        text
    }
}

/// Text of an HTML fragment (a feed item's content): block elements become paragraphs,
/// scripts and styles are dropped, entities are decoded.
pub fn fragment_text(html: &str) -> String {
    let dom = Dom::fragment(html);
    dom.select("script, style, noscript, template").remove();
    text::normalise_newlines(dom.formatted_text().trim())
}

/// Whitespace runs become one space.
fn squash(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// `en-GB` → `en`; anything that is not a 2–3 letter code → `None`.
fn primary_language(tag: &str) -> Option<String> {
    let primary = tag.trim().split(['-', '_']).next()?.to_ascii_lowercase();
    ((2..=3).contains(&primary.len()) && primary.bytes().all(|b| b.is_ascii_lowercase()))
        .then_some(primary)
}

/// Bytes to a string: BOM, then valid UTF-8, then a declared `charset`, then a guess.
fn decode(bytes: &[u8]) -> Result<String, Invalid> {
    if Encoding::for_bom(bytes).is_some() || std::str::from_utf8(bytes).is_ok() {
        return text::decode(bytes);
    }
    if text::looks_binary(bytes) {
        return Err(Invalid::new("binary data (NUL bytes), not HTML"));
    }
    let head = String::from_utf8_lossy(&bytes[..bytes.len().min(2048)]).to_ascii_lowercase();
    let declared = head.find("charset=").and_then(|i| {
        let label: String = head[i + 8..]
            .trim_start_matches(['"', '\''])
            .chars()
            .take_while(|c| c.is_ascii_alphanumeric() || matches!(c, '-' | '_' | ':' | '.'))
            .collect();
        Encoding::for_label(label.as_bytes())
    });
    match declared {
        Some(enc) => Ok(enc.decode_without_bom_handling(bytes).0.into_owned()),
        None => text::decode(bytes),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::NaiveDate;

    const PAGE: &str = include_str!("../../tests/fixtures/article.html");

    #[test]
    fn article_page() {
        let doc = parse(PAGE.as_bytes()).unwrap();
        assert_eq!(
            doc.title.as_deref(),
            Some("Dock workers strike in Rotterdam over pay")
        );
        assert_eq!(doc.byline.as_deref(), Some("Mara Lindqvist"));
        assert_eq!(doc.published, NaiveDate::from_ymd_opt(2023, 3, 14));
        assert_eq!(doc.source.as_deref(), Some("The Harbour Ledger"));
        let paragraphs: Vec<&str> = doc.text.split("\n\n").collect();
        assert_eq!(paragraphs.len(), 5, "{}", doc.text);
        assert!(paragraphs[0].starts_with("Several thousand dock workers"));
        assert!(paragraphs[4].ends_with("lasted more than six weeks."));
        for boilerplate in [
            "cookie",
            "Subscribe",
            "Related stories",
            "All rights reserved",
            "analytics",
            "Privacy",
        ] {
            assert!(!doc.text.contains(boilerplate), "kept {boilerplate:?}");
        }
    }

    #[test]
    fn metadata_sources() {
        type Case<'a> = (&'a str, Option<(i32, u32, u32)>);
        let cases: &[Case] = &[
            (
                r#"<meta name="date" content="10 Jan 2022">"#,
                Some((2022, 1, 10)),
            ),
            (
                r#"<meta name="DC.date.issued" content="2022-01-11">"#,
                Some((2022, 1, 11)),
            ),
            (
                r#"<span itemprop="datePublished" content="2022-01-12T10:00:00Z"></span>"#,
                Some((2022, 1, 12)),
            ),
            (
                r#"<article><p>Posted <time datetime="2022-01-13">Thursday</time></p></article>"#,
                Some((2022, 1, 13)),
            ),
            (r#"<meta name="date" content="soon">"#, None),
            ("", None),
        ];
        for (head, want) in cases {
            let page = format!(
                "<html><head><title>T</title></head><body>{head}<p>Police detained dozens of people in the capital on Sunday evening after a march.</p></body></html>"
            );
            let doc = parse(page.as_bytes()).unwrap();
            let want = want.and_then(|(y, m, d)| NaiveDate::from_ymd_opt(y, m, d));
            assert_eq!(doc.published, want, "{head}");
            assert!(
                doc.text.contains("Police detained dozens"),
                "{head}: {}",
                doc.text
            );
        }
    }

    #[test]
    fn legacy_charset_and_bad_pages() {
        let (body, _, _) = encoding_rs::WINDOWS_1252
            .encode("<html><head><meta charset=\"windows-1252\"></head><body><p>Le préfet a interdit la manifestation prévue à Besançon.</p></body></html>");
        let doc = parse(&body).unwrap();
        assert!(doc.text.contains("préfet"), "{}", doc.text);
        for (bytes, reason) in [
            (
                &b"<html><body><nav>Home</nav></body></html>"[..],
                "no article text",
            ),
            (b"", "no article text"),
            (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\xff", "binary"),
        ] {
            let e = parse(bytes).unwrap_err();
            assert!(e.reason.contains(reason), "{:?}", e.reason);
        }
    }
}
