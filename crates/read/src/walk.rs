//! From command-line paths to a stream of documents: files, directories (recursively, sorted,
//! hidden entries skipped) and `-` for standard input.
//!
//! JSON Lines are streamed line by line, so memory stays bounded by the longest line; every
//! other format is read whole (one file is one page or one feed).

use crate::detect::Format;
use crate::error::{Error, Invalid, Origin};
use crate::readers::{feed, html, jsonl, text};
use chrono::NaiveDate;
use herald_core::Document;
use std::collections::VecDeque;
use std::fs::File;
use std::io::{BufRead, BufReader, Read};
use std::path::{Path, PathBuf};

/// Longest JSON line accepted; a longer one is reported and skipped (memory stays bounded).
pub const MAX_LINE: usize = 64 << 20;

/// How to read.
#[derive(Clone, Debug, Default)]
pub struct Options {
    /// Publication date for documents whose input gives none (the `--date` flag). A record's
    /// own date always wins.
    pub date: Option<NaiveDate>,
    /// Read every input in this format instead of detecting it.
    pub format: Option<Format>,
}

/// Reads `inputs` (files, directories, `-`) lazily, in order: one result per document or bad
/// record. Errors never stop the stream.
///
/// ```no_run
/// let opts = herald_read::Options::default();
/// for doc in herald_read::read(["articles.jsonl", "pages/"], &opts) {
///     match doc {
///         Ok(doc) => println!("{}", doc.id),
///         Err(e) => eprintln!("{e}"),
///     }
/// }
/// ```
pub fn read<I, P>(inputs: I, opts: &Options) -> Records
where
    I: IntoIterator<Item = P>,
    P: AsRef<Path>,
{
    Records {
        pending: inputs
            .into_iter()
            .map(|p| Pending::Explicit(p.as_ref().to_path_buf()))
            .collect(),
        current: None,
        opts: opts.clone(),
    }
}

enum Pending {
    /// Named by the user: read even when hidden.
    Explicit(PathBuf),
    /// Found in a directory.
    File(PathBuf),
    Dir(PathBuf),
}

/// The document stream returned by [`read`].
pub struct Records {
    pending: VecDeque<Pending>,
    current: Option<Current>,
    opts: Options,
}

enum Current {
    Lines(Lines),
    Docs(std::vec::IntoIter<Result<Document, Error>>),
}

impl Iterator for Records {
    type Item = Result<Document, Error>;

    fn next(&mut self) -> Option<Self::Item> {
        loop {
            let item = match &mut self.current {
                Some(Current::Lines(lines)) => lines.next(),
                Some(Current::Docs(docs)) => docs.next(),
                None => None,
            };
            if let Some(item) = item {
                return Some(item.map(|mut doc| {
                    if doc.published.is_none() {
                        doc.published = self.opts.date;
                    }
                    doc
                }));
            }
            self.current = None;
            let next = self.pending.pop_front()?;
            self.visit(next);
        }
    }
}

impl Records {
    fn visit(&mut self, p: Pending) {
        match p {
            Pending::Explicit(path) if path.as_os_str() == "-" => {
                let stdin = BufReader::with_capacity(1 << 16, std::io::stdin());
                self.current = Some(self.open(Box::new(stdin), "<stdin>".into(), None));
            }
            Pending::Explicit(path) => match std::fs::metadata(&path) {
                Ok(m) if m.is_dir() => self.pending.push_front(Pending::Dir(path)),
                Ok(_) => self.visit(Pending::File(path)),
                Err(e) => self.fail(Error::Io {
                    path: path.display().to_string(),
                    source: e,
                }),
            },
            Pending::File(path) => match File::open(&path) {
                Ok(f) => {
                    let reader = BufReader::with_capacity(1 << 16, f);
                    let name = path.display().to_string();
                    self.current = Some(self.open(Box::new(reader), name, Some(&path)));
                }
                Err(e) => self.fail(Error::Io {
                    path: path.display().to_string(),
                    source: e,
                }),
            },
            Pending::Dir(path) => match list_dir(&path) {
                Ok(entries) => {
                    for entry in entries.into_iter().rev() {
                        self.pending.push_front(entry);
                    }
                }
                Err(e) => self.fail(Error::Io {
                    path: path.display().to_string(),
                    source: e,
                }),
            },
        }
    }

    fn fail(&mut self, e: Error) {
        self.current = Some(Current::Docs(vec![Err(e)].into_iter()));
    }

    fn open(&self, mut reader: Box<dyn BufRead>, name: String, path: Option<&Path>) -> Current {
        let origin = Origin {
            file: name.clone(),
            ..Origin::default()
        };
        let head = match reader.fill_buf() {
            Ok(h) => h,
            Err(e) => return io_failure(name, e),
        };
        let format = self
            .opts
            .format
            .or_else(|| path.and_then(Format::from_extension))
            .unwrap_or_else(|| Format::sniff(head));
        if format == Format::Jsonl {
            if text::looks_binary(head) {
                return bad_file(origin, "binary data (NUL bytes), not JSON Lines");
            }
            return Current::Lines(Lines {
                reader,
                file: name,
                line: 0,
                buf: Vec::new(),
            });
        }
        let mut bytes = Vec::new();
        if let Err(e) = reader.read_to_end(&mut bytes) {
            return io_failure(name, e);
        }
        let results: Vec<Result<Document, Invalid>> = match format {
            Format::Text => vec![text::parse(&bytes)],
            Format::Html => vec![html::parse(&bytes)],
            Format::Feed => match feed::parse(&bytes) {
                Ok(items) => items,
                Err(e) => vec![Err(e)],
            },
            Format::Jsonl => unreachable!("streamed above"),
        };
        let docs: Vec<_> = results
            .into_iter()
            .map(|r| {
                r.map_err(|inv| {
                    let origin = Origin {
                        id: inv.id,
                        ..origin.clone()
                    };
                    Error::bad(origin, inv.reason)
                })
            })
            .collect();
        Current::Docs(docs.into_iter())
    }
}

fn io_failure(path: String, source: std::io::Error) -> Current {
    Current::Docs(vec![Err(Error::Io { path, source })].into_iter())
}

fn bad_file(origin: Origin, reason: &str) -> Current {
    Current::Docs(vec![Err(Error::bad(origin, reason))].into_iter())
}

/// A directory's entries, sorted by name, hidden ones (`.name`) left out. Symbolic links to
/// files are followed; links to directories are not (no cycles).
fn list_dir(dir: &Path) -> std::io::Result<Vec<Pending>> {
    let mut entries = Vec::new();
    for entry in std::fs::read_dir(dir)? {
        let entry = entry?;
        let name = entry.file_name();
        if name.as_encoded_bytes().starts_with(b".") {
            continue;
        }
        let path = entry.path();
        let kind = entry.file_type()?;
        if kind.is_dir() {
            entries.push((name, Pending::Dir(path)));
        } else if kind.is_file() || (kind.is_symlink() && path.is_file()) {
            entries.push((name, Pending::File(path)));
        }
    }
    entries.sort_by(|a, b| a.0.cmp(&b.0));
    Ok(entries.into_iter().map(|(_, p)| p).collect())
}

/// JSON Lines, one record per `next`.
struct Lines {
    reader: Box<dyn BufRead>,
    file: String,
    line: usize,
    buf: Vec<u8>,
}

impl Lines {
    fn next(&mut self) -> Option<Result<Document, Error>> {
        loop {
            self.buf.clear();
            self.line += 1;
            let origin = Origin {
                file: self.file.clone(),
                line: Some(self.line),
                id: None,
            };
            let limit = MAX_LINE as u64 + 1;
            match (&mut self.reader)
                .take(limit)
                .read_until(b'\n', &mut self.buf)
            {
                Ok(0) => return None,
                Ok(_) => {}
                Err(e) => {
                    self.reader = Box::new(std::io::empty());
                    return Some(Err(Error::Io {
                        path: format!("{}:{}", self.file, self.line),
                        source: e,
                    }));
                }
            }
            if self.buf.len() > MAX_LINE && self.buf.last() != Some(&b'\n') {
                if let Err(e) = skip_line(&mut self.reader) {
                    self.reader = Box::new(std::io::empty());
                    return Some(Err(Error::Io {
                        path: origin.to_string(),
                        source: e,
                    }));
                }
                let reason = format!("line longer than {} MiB, skipped", MAX_LINE >> 20);
                return Some(Err(Error::bad(origin, reason)));
            }
            let mut line = self.buf.as_slice();
            if self.line == 1 {
                line = line.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(line);
            }
            let line = line.strip_suffix(b"\n").unwrap_or(line);
            let line = line.strip_suffix(b"\r").unwrap_or(line);
            if line.iter().all(u8::is_ascii_whitespace) {
                continue;
            }
            return Some(jsonl::parse_line(line).map_err(|inv| {
                Error::bad(
                    Origin {
                        id: inv.id,
                        ..origin
                    },
                    inv.reason,
                )
            }));
        }
    }
}

/// Consumes the rest of an over-long line without keeping it.
fn skip_line(reader: &mut Box<dyn BufRead>) -> std::io::Result<()> {
    loop {
        let buf = reader.fill_buf()?;
        if buf.is_empty() {
            return Ok(());
        }
        if let Some(i) = buf.iter().position(|&b| b == b'\n') {
            reader.consume(i + 1);
            return Ok(());
        }
        let n = buf.len();
        reader.consume(n);
    }
}
