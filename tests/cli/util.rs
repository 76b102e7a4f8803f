//! Running the binary and comparing its output readably.

use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};

/// What one run of `herald` produced.
#[derive(Debug)]
pub struct Run {
    pub stdout: String,
    pub stderr: String,
    pub code: Option<i32>,
}

impl Run {
    /// The JSON lines of stdout, parsed.
    pub fn json_lines(&self) -> Vec<serde_json::Value> {
        self.stdout
            .lines()
            .map(|l| serde_json::from_str(l).unwrap_or_else(|e| panic!("bad JSON line {l:?}: {e}")))
            .collect()
    }

    /// `doc.id` of every output line, in order.
    pub fn ids(&self) -> Vec<String> {
        self.json_lines()
            .iter()
            .map(|v| v["doc"]["id"].as_str().expect("doc.id").to_string())
            .collect()
    }

    /// Panics with both streams when the exit code is not `want`.
    pub fn expect_code(&self, want: i32) -> &Run {
        assert_eq!(
            self.code,
            Some(want),
            "exit code\n--- stderr ---\n{}\n--- stdout (first 2000 bytes) ---\n{}",
            self.stderr,
            &self.stdout[..self.stdout.len().min(2000)]
        );
        assert!(!self.stderr.contains("panicked"), "panic:\n{}", self.stderr);
        self
    }
}

/// The binary under test.
pub fn bin() -> PathBuf {
    PathBuf::from(env!("CARGO_BIN_EXE_herald"))
}

/// Runs `herald args…` in `dir`, feeding `stdin` when given.
pub fn herald(dir: &Path, args: &[&str], stdin: Option<&[u8]>) -> Run {
    let mut child = Command::new(bin())
        .args(args)
        .current_dir(dir)
        .stdin(if stdin.is_some() {
            Stdio::piped()
        } else {
            Stdio::null()
        })
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("spawn herald");
    if let Some(input) = stdin {
        let mut pipe = child.stdin.take().expect("stdin");
        let input = input.to_vec();
        // Write from a thread so a large input cannot deadlock against a full stdout pipe.
        std::thread::spawn(move || {
            let _ = pipe.write_all(&input);
        });
    }
    let out = child.wait_with_output().expect("wait for herald");
    Run {
        stdout: String::from_utf8(out.stdout).expect("stdout is UTF-8"),
        stderr: String::from_utf8_lossy(&out.stderr).into_owned(),
        code: out.status.code(),
    }
}

/// A fresh temporary directory.
pub fn tempdir() -> tempfile::TempDir {
    tempfile::tempdir().expect("temp dir")
}

/// Writes `bytes` to `dir/name`, creating parent directories.
pub fn write(dir: &Path, name: &str, bytes: impl AsRef<[u8]>) -> PathBuf {
    let path = dir.join(name);
    if let Some(parent) = path.parent() {
        std::fs::create_dir_all(parent).expect("mkdir");
    }
    std::fs::write(&path, bytes).expect("write fixture");
    path
}

/// A fixture of the reader crate.
pub fn fixture(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("crates/read/tests/fixtures")
        .join(name)
}

/// Asserts two line lists are equal, printing a line diff (`-` want, `+` got) when not.
pub fn assert_lines(got: &[String], want: &[&str]) {
    if got.iter().map(String::as_str).eq(want.iter().copied()) {
        return;
    }
    let mut diff = String::new();
    for i in 0..got.len().max(want.len()) {
        match (want.get(i), got.get(i)) {
            (Some(w), Some(g)) if *w == g => diff.push_str(&format!("  {w}\n")),
            (w, g) => {
                if let Some(w) = w {
                    diff.push_str(&format!("- {w}\n"));
                }
                if let Some(g) = g {
                    diff.push_str(&format!("+ {g}\n"));
                }
            }
        }
    }
    panic!("lines differ (- want, + got):\n{diff}");
}

/// The stderr lines that report a bad record or file.
pub fn reported(run: &Run) -> Vec<String> {
    run.stderr
        .lines()
        .filter(|l| l.starts_with("herald: ") && !l.contains(" documents stored, "))
        .map(|l| l.trim_start_matches("herald: ").to_string())
        .collect()
}
