//! Feed lists: OPML (`<outline xmlUrl="…">`, nested to any depth) or plain text with one URL
//! per line (`#` starts a comment).

use herald_read::Invalid;
use quick_xml::events::Event;

/// The feed URLs a list names, in document order, duplicates dropped.
pub fn feed_urls(bytes: &[u8]) -> Result<Vec<String>, Invalid> {
    let head = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    let first = head.iter().find(|b| !b.is_ascii_whitespace());
    let urls = if first == Some(&b'<') {
        opml(head)?
    } else {
        plain(head)?
    };
    let mut seen = std::collections::HashSet::new();
    Ok(urls
        .into_iter()
        .filter(|u| seen.insert(u.clone()))
        .collect())
}

fn opml(bytes: &[u8]) -> Result<Vec<String>, Invalid> {
    let mut reader = quick_xml::Reader::from_reader(bytes);
    let mut buf = Vec::new();
    let mut urls = Vec::new();
    let mut is_opml = false;
    loop {
        let event = reader.read_event_into(&mut buf).map_err(|e| {
            Invalid::new(format!(
                "not valid OPML (XML error at byte {}: {e})",
                reader.error_position()
            ))
        })?;
        match event {
            Event::Start(e) | Event::Empty(e) => {
                let name = e.local_name();
                if name.as_ref().eq_ignore_ascii_case("opml") {
                    is_opml = true;
                } else if name.as_ref().eq_ignore_ascii_case("outline") {
                    for attr in e.attributes().flatten() {
                        if attr
                            .key
                            .local_name()
                            .as_ref()
                            .eq_ignore_ascii_case("xmlurl")
                        {
                            let v = attr
                                .normalized_value(quick_xml::XmlVersion::Implicit1_0)
                                .map_err(|e| Invalid::new(format!("bad xmlUrl: {e}")))?;
                            let v = v.trim();
                            if !v.is_empty() {
                                urls.push(v.to_string());
                            }
                        }
                    }
                }
            }
            Event::Eof => break,
            _ => {}
        }
        buf.clear();
    }
    if !is_opml {
        return Err(Invalid::new("not an OPML file (no <opml> element)"));
    }
    Ok(urls)
}

fn plain(bytes: &[u8]) -> Result<Vec<String>, Invalid> {
    let text = std::str::from_utf8(bytes)
        .map_err(|_| Invalid::new("neither OPML nor a UTF-8 list of URLs"))?;
    let mut urls = Vec::new();
    for (i, line) in text.lines().enumerate() {
        let line = line.trim();
        if line.is_empty() || line.starts_with('#') {
            continue;
        }
        if !crate::client::is_url(line) {
            return Err(Invalid::new(format!(
                "line {}: {line:?} is not an http(s) URL (expected OPML or one URL per line)",
                i + 1
            )));
        }
        urls.push(line.to_string());
    }
    Ok(urls)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn opml_outlines_nested() {
        let opml = br#"<?xml version="1.0"?>
<opml version="2.0"><head><title>News</title></head><body>
  <outline text="World">
    <outline type="rss" text="A" xmlUrl="http://a.example/rss?x=1&amp;y=2"/>
    <outline type="rss" text="B" xmlURL="https://b.example/atom"></outline>
  </outline>
  <outline type="rss" text="A again" xmlUrl="http://a.example/rss?x=1&amp;y=2"/>
  <outline text="no feed"/>
</body></opml>"#;
        assert_eq!(
            feed_urls(opml).unwrap(),
            ["http://a.example/rss?x=1&y=2", "https://b.example/atom"]
        );
    }

    #[test]
    fn plain_lists_and_errors() {
        assert_eq!(
            feed_urls(b"# mine\nhttp://a.example/f\n\n  https://b.example/g \n").unwrap(),
            ["http://a.example/f", "https://b.example/g"]
        );
        let bad: &[&[u8]] = &[
            b"http://a.example/f\nnot a url\n",
            b"<html><body/></html>",
            b"<opml><body><outline xmlUrl=\"x\"",
            b"\xff\xfe\x00",
        ];
        for b in bad {
            assert!(feed_urls(b).is_err(), "{:?}", String::from_utf8_lossy(b));
        }
        let err = feed_urls(b"http://a.example/f\nnot a url\n").unwrap_err();
        assert!(err.reason.starts_with("line 2: "), "{}", err.reason);
    }
}
