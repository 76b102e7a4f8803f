//! Progress on a terminal (indicatif): a counter with rate, becoming a bar with an ETA once the
//! number of documents is known. Hidden when stderr is not a terminal; messages printed
//! through it never tear the bar.

use indicatif::{ProgressBar, ProgressDrawTarget, ProgressStyle};
use std::io::IsTerminal;
use std::path::{Path, PathBuf};
use std::time::Duration;

/// A progress display on stderr.
#[derive(Clone, Debug)]
pub(crate) struct Progress {
    bar: ProgressBar,
    unit: &'static str,
}

impl Progress {
    /// A counter of `unit`s ("documents", "articles"), drawn only on a terminal.
    pub fn new(unit: &'static str) -> Progress {
        let bar = ProgressBar::with_draw_target(None, draw_target());
        bar.set_style(
            ProgressStyle::with_template(&format!(
                "{{spinner}} {{human_pos}} {unit}  {{per_sec}}  {{elapsed}}  {{msg}}"
            ))
            .expect("valid template"),
        );
        bar.enable_steady_tick(Duration::from_millis(200));
        Progress { bar, unit }
    }

    /// The total became known: the counter becomes a bar with an ETA.
    pub fn set_total(&self, total: u64) {
        self.bar.set_length(total.max(self.bar.position()));
        self.bar.set_style(
            ProgressStyle::with_template(&format!(
                "[{{bar:30}}] {{human_pos}}/{{human_len}} {}  {{per_sec}}  ETA {{eta}}  {{msg}}",
                self.unit
            ))
            .expect("valid template")
            .progress_chars("=> "),
        );
    }

    /// `n` more done.
    pub fn inc(&self, n: u64) {
        self.bar.inc(n);
    }

    /// A short status after the counts.
    pub fn set_message(&self, msg: String) {
        self.bar.set_message(msg);
    }

    /// Prints a line on stderr above the bar (or alone when there is no bar).
    pub fn println(&self, line: &str) {
        self.bar.suspend(|| eprintln!("{line}"));
    }

    /// Removes the bar.
    pub fn finish(&self) {
        self.bar.finish_and_clear();
    }

    /// Counts the documents in `inputs` on a background thread (only when the bar is shown)
    /// and turns the counter into a bar when done. Estimates: a JSON Lines file counts its
    /// non-blank lines, a feed its items, any other file one; `-` and URLs count one each.
    pub fn count_in_background(&self, inputs: Vec<PathBuf>) {
        if self.bar.is_hidden() {
            return;
        }
        let this = self.clone();
        std::thread::Builder::new()
            .name("count".into())
            .spawn(move || {
                let total: u64 = inputs.iter().map(|p| estimate(p)).sum();
                this.set_total(total);
            })
            .ok();
    }
}

fn draw_target() -> ProgressDrawTarget {
    if std::io::stderr().is_terminal() {
        ProgressDrawTarget::stderr_with_hz(5)
    } else {
        ProgressDrawTarget::hidden()
    }
}

/// How many documents `path` holds, roughly (see [`Progress::count_in_background`]).
fn estimate(path: &Path) -> u64 {
    if path.as_os_str() == "-" || herald_fetch::is_url(&path.to_string_lossy()) {
        return 1;
    }
    let Ok(meta) = std::fs::metadata(path) else {
        return 1;
    };
    if meta.is_dir() {
        let Ok(entries) = std::fs::read_dir(path) else {
            return 0;
        };
        return entries
            .flatten()
            .filter(|e| !e.file_name().as_encoded_bytes().starts_with(b"."))
            .map(|e| {
                let p = e.path();
                if e.file_type().is_ok_and(|t| t.is_dir()) || p.is_file() {
                    estimate(&p)
                } else {
                    0
                }
            })
            .sum();
    }
    let Ok(bytes) = std::fs::read(path) else {
        return 1;
    };
    let format = herald_read::Format::from_extension(path)
        .unwrap_or_else(|| herald_read::Format::sniff(&bytes[..bytes.len().min(4096)]));
    match format {
        herald_read::Format::Jsonl => bytes
            .split(|&b| b == b'\n')
            .filter(|l| !l.iter().all(u8::is_ascii_whitespace))
            .count() as u64,
        herald_read::Format::Feed => {
            let count =
                |needle: &[u8]| bytes.windows(needle.len()).filter(|w| w == &needle).count();
            (count(b"<item") + count(b"<entry")) as u64
        }
        _ => 1,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn estimates() {
        let dir = tempfile::tempdir().unwrap();
        let d = dir.path();
        std::fs::write(d.join("a.jsonl"), "{\"text\":\"a\"}\n\n{\"text\":\"b\"}\n").unwrap();
        std::fs::write(d.join("b.txt"), "words").unwrap();
        std::fs::write(d.join(".hidden.txt"), "skipped").unwrap();
        std::fs::create_dir(d.join("sub")).unwrap();
        std::fs::write(
            d.join("sub/f.rss"),
            "<rss><channel><item></item><item></item></channel></rss>",
        )
        .unwrap();
        assert_eq!(estimate(d), 2 + 1 + 2);
        assert_eq!(estimate(&d.join("a.jsonl")), 2);
        assert_eq!(estimate(Path::new("-")), 1);
        assert_eq!(estimate(Path::new("https://a.example/x")), 1);
    }
}
