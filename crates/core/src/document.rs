//! The document: an article's text and what is known about it before coding.

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

/// An article ready for coding. `text` is the only thing stages read; every span points into it.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct Document {
    /// The input's id, else a content hash (see [`Document::content_id`]).
    pub id: String,
    /// Headline, when the input has one.
    pub title: Option<String>,
    /// Where the article came from.
    pub url: Option<String>,
    /// Publisher or feed name.
    pub source: Option<String>,
    /// Publication date: from the input, its metadata, or `--date`. Relative dates resolve
    /// against it.
    pub published: Option<NaiveDate>,
    /// Author line, when the input has one.
    pub byline: Option<String>,
    /// ISO 639-1 language code.
    pub language: String,
    /// The article text, UTF-8.
    pub text: String,
    /// Fields of the input record that herald does not interpret, kept as they were.
    #[serde(default, skip_serializing_if = "serde_json::Map::is_empty")]
    pub extra: serde_json::Map<String, serde_json::Value>,
}

impl Document {
    /// A document from bare text, its id the content hash.
    pub fn from_text(text: impl Into<String>) -> Document {
        let text = text.into();
        Document {
            id: Document::content_id(&text),
            language: "en".into(),
            text,
            ..Default::default()
        }
    }

    /// A stable id for a text: 16 hex digits of its 64-bit FNV-1a hash. Stable across runs,
    /// platforms and versions (it is part of the store's idempotence).
    pub fn content_id(text: &str) -> String {
        format!("{:016x}", fnv1a64(text.as_bytes()))
    }

    /// The metadata block of the output contract.
    pub fn meta(&self) -> DocMeta {
        DocMeta {
            id: self.id.clone(),
            title: self.title.clone(),
            url: self.url.clone(),
            source: self.source.clone(),
            published: self.published,
            language: self.language.clone(),
        }
    }
}

/// 64-bit FNV-1a: tiny, fast, and fixed forever, which is what an id needs.
pub(crate) fn fnv1a64(bytes: &[u8]) -> u64 {
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    for &b in bytes {
        h ^= u64::from(b);
        h = h.wrapping_mul(0x0000_0100_0000_01b3);
    }
    h
}

/// The `doc` object of `herald code`'s output.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct DocMeta {
    /// Echo of the input's id.
    pub id: String,
    /// Headline.
    pub title: Option<String>,
    /// Source URL.
    pub url: Option<String>,
    /// Publisher.
    pub source: Option<String>,
    /// Publication date, `YYYY-MM-DD`.
    pub published: Option<NaiveDate>,
    /// Language code.
    pub language: String,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn content_id_is_stable() {
        assert_eq!(Document::content_id(""), "cbf29ce484222325");
        assert_eq!(Document::content_id("a"), "af63dc4c8601ec8c");
        assert_ne!(Document::content_id("a"), Document::content_id("b"));
    }
}
