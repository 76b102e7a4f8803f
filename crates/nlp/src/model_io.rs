//! The binary model format: a versioned header and little-endian sections.
//!
//! Every model file starts with the 8-byte magic `HERALDM\0`, a `u32` format version and a
//! 4-byte kind (`TAGR`, `LEMM`, `PARS`, `NERR`). Strings are a `u32` length and UTF-8 bytes.
//!
//! The version is [`FORMAT_VERSION`] for every kind whose layout has not changed since; a kind
//! whose own layout or feature set changes bumps its own version ([`Writer::with_version`],
//! [`Reader::open_version`]) so that the other committed models stay valid. The tagger is at
//! version 2 (several passes, each with a direction).

use herald_core::{Error, Result};

/// Magic bytes at the start of every model file.
pub const MAGIC: &[u8; 8] = b"HERALDM\0";
/// Current format version; bumped whenever the layout or the feature set changes.
pub const FORMAT_VERSION: u32 = 1;

/// Appends primitive values to a byte buffer.
#[derive(Default)]
pub struct Writer {
    /// The bytes written so far.
    pub buf: Vec<u8>,
}

impl Writer {
    /// A writer that has already written the header for `kind`.
    pub fn with_header(kind: &[u8; 4]) -> Writer {
        Writer::with_version(kind, FORMAT_VERSION)
    }
    /// A writer that has already written the header for `kind` at its own `version`.
    pub fn with_version(kind: &[u8; 4], version: u32) -> Writer {
        let mut w = Writer::default();
        w.buf.extend_from_slice(MAGIC);
        w.u32(version);
        w.buf.extend_from_slice(kind);
        w
    }
    /// Writes one byte.
    pub fn u8(&mut self, v: u8) {
        self.buf.push(v);
    }
    /// Writes a `u16`.
    pub fn u16(&mut self, v: u16) {
        self.buf.extend_from_slice(&v.to_le_bytes());
    }
    /// Writes a `u32`.
    pub fn u32(&mut self, v: u32) {
        self.buf.extend_from_slice(&v.to_le_bytes());
    }
    /// Writes an `i16`.
    pub fn i16(&mut self, v: i16) {
        self.buf.extend_from_slice(&v.to_le_bytes());
    }
    /// Writes an `f32`.
    pub fn f32(&mut self, v: f32) {
        self.buf.extend_from_slice(&v.to_le_bytes());
    }
    /// Writes a length-prefixed string.
    pub fn str(&mut self, s: &str) {
        self.u32(s.len() as u32);
        self.buf.extend_from_slice(s.as_bytes());
    }
    /// Writes a counted list of strings.
    pub fn strs<S: AsRef<str>>(&mut self, list: &[S]) {
        self.u32(list.len() as u32);
        for s in list {
            self.str(s.as_ref());
        }
    }
}

/// Reads primitive values from a model file, with errors naming the model.
pub struct Reader<'a> {
    bytes: &'a [u8],
    pos: usize,
    name: &'a str,
}

impl<'a> Reader<'a> {
    /// Checks the header (magic, version, kind) and returns a reader positioned after it.
    pub fn open(bytes: &'a [u8], kind: &[u8; 4], name: &'a str) -> Result<Reader<'a>> {
        Reader::open_version(bytes, kind, FORMAT_VERSION, name)
    }

    /// [`Reader::open`] for a kind at its own `version`.
    pub fn open_version(
        bytes: &'a [u8],
        kind: &[u8; 4],
        version: u32,
        name: &'a str,
    ) -> Result<Reader<'a>> {
        let mut r = Reader {
            bytes,
            pos: 0,
            name,
        };
        if r.take(8)? != MAGIC {
            return Err(r.err("not a herald model file (bad magic)"));
        }
        let v = r.u32()?;
        if v != version {
            return Err(r.err(&format!(
                "model format version {v}, this build reads version {version}: retrain"
            )));
        }
        if r.take(4)? != kind {
            return Err(r.err(&format!(
                "model kind is not {}",
                String::from_utf8_lossy(kind)
            )));
        }
        Ok(r)
    }

    /// An error naming the model and the byte offset.
    pub fn err(&self, reason: &str) -> Error {
        Error::format(format!("{} (byte {})", self.name, self.pos), reason)
    }

    /// The next `n` bytes.
    pub fn take(&mut self, n: usize) -> Result<&'a [u8]> {
        let end = self
            .pos
            .checked_add(n)
            .filter(|&e| e <= self.bytes.len())
            .ok_or_else(|| self.err("truncated model file"))?;
        let s = &self.bytes[self.pos..end];
        self.pos = end;
        Ok(s)
    }
    /// Reads one byte.
    pub fn u8(&mut self) -> Result<u8> {
        Ok(self.take(1)?[0])
    }
    /// Reads a `u16`.
    pub fn u16(&mut self) -> Result<u16> {
        let b = self.take(2)?;
        Ok(u16::from_le_bytes([b[0], b[1]]))
    }
    /// Reads a `u32`.
    pub fn u32(&mut self) -> Result<u32> {
        let b = self.take(4)?;
        Ok(u32::from_le_bytes([b[0], b[1], b[2], b[3]]))
    }
    /// Reads an `i16`.
    pub fn i16(&mut self) -> Result<i16> {
        let b = self.take(2)?;
        Ok(i16::from_le_bytes([b[0], b[1]]))
    }
    /// Reads an `f32`.
    pub fn f32(&mut self) -> Result<f32> {
        let b = self.take(4)?;
        Ok(f32::from_le_bytes([b[0], b[1], b[2], b[3]]))
    }
    /// Reads a length-prefixed string.
    pub fn str(&mut self) -> Result<String> {
        let n = self.u32()? as usize;
        let b = self.take(n)?;
        String::from_utf8(b.to_vec()).map_err(|_| self.err("string is not UTF-8"))
    }
    /// Reads a counted list of strings.
    pub fn strs(&mut self) -> Result<Vec<String>> {
        let n = self.u32()? as usize;
        (0..n).map(|_| self.str()).collect()
    }
    /// True when every byte has been read.
    pub fn at_end(&self) -> bool {
        self.pos == self.bytes.len()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn round_trips_values_and_checks_header() {
        let mut w = Writer::with_header(b"TEST");
        w.u32(7);
        w.i16(-3);
        w.str("naïve");
        w.strs(&["a", "bc"]);
        let mut r = Reader::open(&w.buf, b"TEST", "t").unwrap();
        assert_eq!(r.u32().unwrap(), 7);
        assert_eq!(r.i16().unwrap(), -3);
        assert_eq!(r.str().unwrap(), "naïve");
        assert_eq!(r.strs().unwrap(), vec!["a", "bc"]);
        assert!(r.at_end());
        assert!(Reader::open(&w.buf, b"PARS", "t").is_err());
        let err = Reader::open(&w.buf[..10], b"TEST", "t").err().unwrap();
        assert!(err.to_string().contains("truncated"), "{err}");
        let mut bad = w.buf.clone();
        bad[8] = 99;
        assert!(
            Reader::open(&bad, b"TEST", "t")
                .err()
                .unwrap()
                .to_string()
                .contains("version")
        );
    }
}
