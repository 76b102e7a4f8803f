//! Finding and loading the treebanks the models are trained and measured on.
//!
//! Training uses UD English EWT train and UD English GUM train without its wikiHow
//! (`GUM_whow_*`) and fiction (`GUM_fiction_*`) documents, whose licence is non-commercial.

use crate::conllu::{self, ConlluSentence};
use herald_core::{Error, Result};
use std::path::{Path, PathBuf};

/// GUM document-id prefixes left out of every shipped model (non-commercial licence).
pub const GUM_EXCLUDED: [&str; 2] = ["GUM_whow_", "GUM_fiction_"];

/// Finds `shared/data/ud` by walking up from the current directory and from this crate's
/// source directory. `None` when absent (a fresh clone).
pub fn find_ud_dir() -> Option<PathBuf> {
    let mut starts = Vec::new();
    if let Ok(cwd) = std::env::current_dir() {
        starts.push(cwd);
    }
    starts.push(PathBuf::from(env!("CARGO_MANIFEST_DIR")));
    for start in starts {
        let mut dir: Option<&Path> = Some(&start);
        while let Some(d) = dir {
            let cand = d.join("shared/data/ud");
            if cand.join("en_ewt-ud-train.conllu").is_file() {
                return Some(cand);
            }
            dir = d.parent();
        }
    }
    None
}

/// The UD directory, or an error explaining where it was looked for.
pub fn ud_dir() -> Result<PathBuf> {
    find_ud_dir().ok_or_else(|| {
        Error::Other(
            "shared/data/ud not found above the current directory (it holds the UD treebanks)"
                .into(),
        )
    })
}

/// True for GUM sentences whose document may go into a shipped model.
pub fn allowed(sent: &ConlluSentence) -> bool {
    !GUM_EXCLUDED.iter().any(|p| sent.id.starts_with(p))
}

/// EWT train plus the permitted part of GUM train.
pub fn training_sentences(ud: &Path) -> Result<Vec<ConlluSentence>> {
    let mut out = conllu::read(&ud.join("en_ewt-ud-train.conllu"))?;
    let gum = conllu::read(&ud.join("en_gum-ud-train.conllu"))?;
    out.extend(gum.into_iter().filter(allowed));
    Ok(out)
}

/// A small deterministic random generator (xorshift64*) for shuffling and exploration.
pub struct Rng(u64);

impl Rng {
    /// A generator from a fixed seed.
    pub fn new(seed: u64) -> Rng {
        Rng(seed.max(1))
    }
    /// The next 64 random bits.
    pub fn next_u64(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_F491_4F6C_DD1D)
    }
    /// A float in `[0, 1)`.
    pub fn unit(&mut self) -> f64 {
        (self.next_u64() >> 11) as f64 / (1u64 << 53) as f64
    }
    /// Shuffles `v` in place (Fisher–Yates).
    pub fn shuffle<T>(&mut self, v: &mut [T]) {
        for i in (1..v.len()).rev() {
            let j = (self.next_u64() % (i as u64 + 1)) as usize;
            v.swap(i, j);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn excludes_non_commercial_gum_documents() {
        let mut s = ConlluSentence {
            id: "GUM_whow_cook-3".into(),
            ..Default::default()
        };
        assert!(!allowed(&s));
        s.id = "GUM_fiction_beast-1".into();
        assert!(!allowed(&s));
        s.id = "GUM_news_iodine-1".into();
        assert!(allowed(&s));
        s.id = "weblog-blogspot.com_x-0001".into();
        assert!(allowed(&s));
    }

    #[test]
    fn rng_is_deterministic() {
        let mut a = Rng::new(7);
        let mut b = Rng::new(7);
        let mut v: Vec<u32> = (0..20).collect();
        let mut w = v.clone();
        a.shuffle(&mut v);
        b.shuffle(&mut w);
        assert_eq!(v, w);
        assert_ne!(v, (0..20).collect::<Vec<_>>());
    }
}
