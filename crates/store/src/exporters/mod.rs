//! Exports of the stored events: GDELT 2.0 event table, CSV, JSON Lines, Parquet.
//!
//! | format | rows | columns |
//! |---|---|---|
//! | `gdelt` | one per consolidated event | GDELT 2.0's 61, tab-separated, no header (see `gdelt.rs` for what is filled and how herald differs) |
//! | `csv` | one per stored event report | the flat columns, with a header |
//! | `jsonl` | one per stored event report | the [`EventRow`](crate::EventRow) JSON, one per line |
//! | `parquet` | one per stored event report | the flat columns, typed |
//!
//! Every format takes the same [`Filter`] as queries and writes in the same order.

mod cameo;
mod flat;
mod gdelt;
mod parquet;

use crate::{Error, EventRow, Filter, Result, Store};
use std::io::Write;
use std::str::FromStr;

/// An export format.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Format {
    /// GDELT 2.0 event table: 61 tab-separated columns, no header.
    Gdelt,
    /// Comma-separated flat columns with a header.
    Csv,
    /// One [`EventRow`](crate::EventRow) JSON object per line.
    Jsonl,
    /// Apache Parquet, typed flat columns.
    Parquet,
}

impl Format {
    /// Every format, by name.
    pub const ALL: [(&'static str, Format); 4] = [
        ("gdelt", Format::Gdelt),
        ("csv", Format::Csv),
        ("jsonl", Format::Jsonl),
        ("parquet", Format::Parquet),
    ];

    /// True for formats that are not text (need a file, not a terminal).
    pub fn is_binary(self) -> bool {
        self == Format::Parquet
    }
}

impl FromStr for Format {
    type Err = String;

    fn from_str(s: &str) -> std::result::Result<Format, String> {
        Format::ALL
            .iter()
            .find(|(name, _)| name.eq_ignore_ascii_case(s))
            .map(|(_, f)| *f)
            .ok_or_else(|| format!("unknown format {s:?} (gdelt, csv, jsonl, parquet)"))
    }
}

/// The header of the CSV export (and the Parquet columns), in order.
pub fn flat_columns() -> Vec<&'static str> {
    flat::COLUMNS.iter().map(|(name, _)| *name).collect()
}

/// Writes rows as the CSV export does (header, then one flat row each); returns the count.
pub fn write_csv<'a, W: Write>(
    rows: impl IntoIterator<Item = &'a EventRow>,
    out: W,
) -> Result<u64> {
    let mut w = csv::Writer::from_writer(out);
    w.write_record(flat_columns())?;
    let mut n = 0;
    for row in rows {
        w.write_record(flat::cells(row).iter().map(|c| c.text()))?;
        n += 1;
    }
    w.flush()?;
    Ok(n)
}

impl Store {
    /// Writes the events matching `filter` to `out` in `format`; returns the number of rows.
    pub fn export<W: Write + Send>(&self, filter: &Filter, format: Format, out: W) -> Result<u64> {
        let mut n = 0u64;
        match format {
            Format::Gdelt => {
                let mut out = std::io::BufWriter::new(out);
                self.scan(filter, true, |row| {
                    let line = gdelt::fields(&row, row.added.as_deref()).join("\t");
                    writeln!(out, "{line}")?;
                    n += 1;
                    Ok(true)
                })?;
                out.flush()?;
            }
            Format::Csv => {
                let mut w = csv::Writer::from_writer(out);
                w.write_record(flat_columns())?;
                self.scan(filter, false, |row| {
                    w.write_record(flat::cells(&row).iter().map(|c| c.text()))?;
                    n += 1;
                    Ok(true)
                })?;
                w.flush()?;
            }
            Format::Jsonl => {
                let mut out = std::io::BufWriter::new(out);
                self.scan(filter, false, |row| {
                    serde_json::to_writer(&mut out, &row)?;
                    out.write_all(b"\n")?;
                    n += 1;
                    Ok(true)
                })?;
                out.flush()?;
            }
            Format::Parquet => {
                let mut sink = parquet::ParquetSink::new(out)?;
                self.scan(filter, false, |row| {
                    sink.push(flat::cells(&row))?;
                    n += 1;
                    Ok(true)
                })?;
                sink.finish()?.flush()?;
            }
        }
        Ok(n)
    }

    /// Calls `each` on every matching event (only each consolidated event's representative
    /// when `consolidated`); an error from `each` stops the scan and is returned.
    fn scan(
        &self,
        filter: &Filter,
        consolidated: bool,
        each: impl FnMut(EventRow) -> Result<bool>,
    ) -> Result<()> {
        self.scan_events(filter, consolidated, each)?
    }
}

impl From<::parquet::errors::ParquetError> for Error {
    fn from(e: ::parquet::errors::ParquetError) -> Error {
        Error::Export(e.to_string())
    }
}

impl From<csv::Error> for Error {
    fn from(e: csv::Error) -> Error {
        match e.into_kind() {
            csv::ErrorKind::Io(io) => Error::Io(io),
            other => Error::Export(format!("{other:?}")),
        }
    }
}

#[cfg(test)]
mod tests;
