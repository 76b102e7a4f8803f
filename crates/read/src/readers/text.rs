//! Plain text: one file, one document.
//!
//! Encoding: a byte-order mark decides (UTF-8, UTF-16 LE/BE); otherwise valid UTF-8 is taken as
//! it is, and anything else is decoded in the legacy encoding `chardetng` guesses (Windows-1252,
//! ISO-8859-x, Shift_JIS, GBK…) — old wire archives are full of those, and refusing them would
//! lose real articles. A NUL byte outside UTF-16 marks a binary file, which is refused. Line
//! ends are normalised to `\n`, so every span counts the same bytes whatever the source OS.

use crate::error::Invalid;
use encoding_rs::{Encoding, UTF_8, UTF_16BE, UTF_16LE};
use herald_core::Document;

/// Reads a plain-text article. Pure: bytes in, a document (id = content hash) or a reason out.
pub fn parse(bytes: &[u8]) -> Result<Document, Invalid> {
    let text = normalise_newlines(&decode(bytes)?);
    if text.trim().is_empty() {
        return Err(Invalid::new("empty text"));
    }
    Ok(Document::from_text(text))
}

/// Decodes bytes of unknown encoding into a string (see the module docs for the rules).
pub fn decode(bytes: &[u8]) -> Result<String, Invalid> {
    if let Some((enc, bom_len)) = Encoding::for_bom(bytes) {
        let body = &bytes[bom_len..];
        let (text, had_errors) = if enc == UTF_16LE || enc == UTF_16BE {
            enc.decode_without_bom_handling(body)
        } else {
            UTF_8.decode_without_bom_handling(body)
        };
        if had_errors {
            return Err(Invalid::new(format!(
                "malformed {} after its byte-order mark",
                enc.name()
            )));
        }
        return Ok(text.into_owned());
    }
    if looks_binary(bytes) {
        return Err(Invalid::new("binary data (NUL bytes), not text"));
    }
    match std::str::from_utf8(bytes) {
        Ok(s) => Ok(s.to_owned()),
        Err(_) => {
            let mut det = chardetng::EncodingDetector::new(chardetng::Iso2022JpDetection::Deny);
            det.feed(bytes, true);
            let enc = det.guess(None, chardetng::Utf8Detection::Deny);
            let (text, _, had_errors) = enc.decode(bytes);
            if had_errors {
                return Err(Invalid::new(format!(
                    "not UTF-8, and not valid {} either",
                    enc.name()
                )));
            }
            Ok(text.into_owned())
        }
    }
}

/// True when the bytes hold a NUL: no text encoding but UTF-16/32 (caught by their BOM) has one.
pub fn looks_binary(bytes: &[u8]) -> bool {
    bytes.contains(&0)
}

/// `\r\n` and lone `\r` become `\n`.
pub fn normalise_newlines(s: &str) -> String {
    if !s.contains('\r') {
        return s.to_owned();
    }
    s.replace("\r\n", "\n").replace('\r', "\n")
}

#[cfg(test)]
mod tests {
    use super::*;

    fn utf16(s: &str, big_endian: bool) -> Vec<u8> {
        let mut out = if big_endian {
            vec![0xFE, 0xFF]
        } else {
            vec![0xFF, 0xFE]
        };
        for u in s.encode_utf16() {
            let b = if big_endian {
                u.to_be_bytes()
            } else {
                u.to_le_bytes()
            };
            out.extend_from_slice(&b);
        }
        out
    }

    #[test]
    fn decodes() {
        let cafe = "Le café a fermé à Genève.";
        let mut bom8 = vec![0xEF, 0xBB, 0xBF];
        bom8.extend_from_slice(cafe.as_bytes());
        let (latin1, _, _) = encoding_rs::WINDOWS_1252.encode(
            "Les manifestants réclamaient la démission du préfet et des élections anticipées.",
        );
        let (sjis, _, _) = encoding_rs::SHIFT_JIS.encode("東京で大規模な抗議デモが行われた。");
        let cases: Vec<(Vec<u8>, Result<&str, &str>)> = vec![
            (cafe.as_bytes().to_vec(), Ok(cafe)),
            (bom8, Ok(cafe)),
            (utf16(cafe, false), Ok(cafe)),
            (utf16(cafe, true), Ok(cafe)),
            (
                latin1.into_owned(),
                Ok(
                    "Les manifestants réclamaient la démission du préfet et des élections anticipées.",
                ),
            ),
            (sjis.into_owned(), Ok("東京で大規模な抗議デモが行われた。")),
            (b"GIF89a\x01\x00\x00\x00".to_vec(), Err("binary")),
            (vec![0xFF, 0xFE, 0x00, 0xD8], Err("malformed UTF-16LE")),
        ];
        for (bytes, want) in cases {
            let got = decode(&bytes);
            match want {
                Ok(s) => assert_eq!(got.as_deref(), Ok(s), "{bytes:?}"),
                Err(part) => {
                    let e = got.expect_err("should fail");
                    assert!(e.reason.contains(part), "{} lacks {part}", e.reason);
                }
            }
        }
    }

    #[test]
    fn parse_rules() {
        let doc = parse(b"Line one.\r\nLine two.\rLine three.\n").unwrap();
        assert_eq!(doc.text, "Line one.\nLine two.\nLine three.\n");
        assert_eq!(doc.id, Document::content_id(&doc.text));
        for empty in [&b""[..], b"   \n\t\r\n", &[0xEF, 0xBB, 0xBF]] {
            assert_eq!(parse(empty).unwrap_err().reason, "empty text");
        }
        let long = "word ".repeat(400_000);
        assert_eq!(parse(long.as_bytes()).unwrap().text.len(), 2_000_000);
    }
}
