//! Feature hashing shared by the tagger, parser and entity recogniser.
//!
//! Every feature is a 32-bit hash of a template number and one to three values. Token-level
//! values (normalised word, shape, affixes) are hashed once per token into [`Atoms`], so the hot
//! loops combine integers and never allocate.

/// Multiplier of the 64-bit mixer (from SplitMix64).
const K1: u64 = 0x9E37_79B9_7F4A_7C15;
const K2: u64 = 0xBF58_476D_1CE4_E5B9;
const K3: u64 = 0x94D0_49BB_1331_11EB;

/// Finalises a 64-bit value into a well-mixed one (SplitMix64 finaliser).
#[inline]
pub fn mix(mut z: u64) -> u64 {
    z = (z ^ (z >> 30)).wrapping_mul(K2);
    z = (z ^ (z >> 27)).wrapping_mul(K3);
    z ^ (z >> 31)
}

/// Hashes a byte string (deterministic across runs and platforms).
#[inline]
pub fn hash_bytes(bytes: &[u8]) -> u64 {
    let mut h = (bytes.len() as u64).wrapping_mul(K1);
    let mut chunks = bytes.chunks_exact(8);
    for c in &mut chunks {
        let v = u64::from_le_bytes([c[0], c[1], c[2], c[3], c[4], c[5], c[6], c[7]]);
        h = mix(h ^ v).wrapping_add(K1);
    }
    let rest = chunks.remainder();
    if !rest.is_empty() {
        let mut buf = [0u8; 8];
        buf[..rest.len()].copy_from_slice(rest);
        h = mix(h ^ u64::from_le_bytes(buf)).wrapping_add(K3);
    }
    mix(h)
}

/// Hashes a string.
#[inline]
pub fn hash_str(s: &str) -> u64 {
    hash_bytes(s.as_bytes())
}

/// A feature from a template number and one value.
#[inline]
pub fn f1(t: u32, a: u64) -> u32 {
    fold(mix(a ^ (t as u64).wrapping_mul(K1)))
}

/// A feature from a template number and two values.
#[inline]
pub fn f2(t: u32, a: u64, b: u64) -> u32 {
    fold(mix(
        mix(a ^ (t as u64).wrapping_mul(K1)) ^ b.wrapping_mul(K2)
    ))
}

/// A feature from a template number and three values.
#[inline]
pub fn f3(t: u32, a: u64, b: u64, c: u64) -> u32 {
    fold(mix(mix(
        mix(a ^ (t as u64).wrapping_mul(K1)) ^ b.wrapping_mul(K2)
    ) ^ c.wrapping_mul(K3)))
}

#[inline]
fn fold(h: u64) -> u32 {
    (h ^ (h >> 32)) as u32
}

/// Word-level values of one token, hashed once.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Atoms {
    /// The exact form.
    pub form: u64,
    /// Lower-cased form with digits mapped to `0`.
    pub norm: u64,
    /// Word shape with runs collapsed (`Xx`, `d.d`, `x-x`).
    pub shape: u64,
    /// Suffixes of the normalised form, 1 to 4 characters.
    pub suf: [u64; 4],
    /// Prefixes of the normalised form, 1 to 3 characters.
    pub pre: [u64; 3],
    /// Small flags: bit 0 capitalised, 1 all caps, 2 has digit, 3 has hyphen, 4 has letter.
    pub flags: u64,
}

/// Hashes for padding positions before the first and after the last token.
pub const PAD_BEFORE: Atoms = Atoms {
    form: 0x5151,
    norm: 0x5151,
    shape: 0x5151,
    suf: [0x5151; 4],
    pre: [0x5151; 3],
    flags: 0x5151,
};
/// See [`PAD_BEFORE`].
pub const PAD_AFTER: Atoms = Atoms {
    form: 0xE0E0,
    norm: 0xE0E0,
    shape: 0xE0E0,
    suf: [0xE0E0; 4],
    pre: [0xE0E0; 3],
    flags: 0xE0E0,
};

/// Reusable buffers for computing [`Atoms`] without allocating per token.
#[derive(Default)]
pub struct AtomBuf {
    norm: String,
    shape: String,
}

impl AtomBuf {
    /// Computes the atoms of `word`.
    pub fn atoms(&mut self, word: &str) -> Atoms {
        normalise_into(word, &mut self.norm);
        self.shape.clear();
        let mut flags = 0u64;
        let mut last = '\0';
        let mut n_upper = 0usize;
        let mut n_alpha = 0usize;
        for (i, c) in word.chars().enumerate() {
            let s = if c.is_uppercase() {
                n_upper += 1;
                n_alpha += 1;
                if i == 0 {
                    flags |= 1;
                }
                'X'
            } else if c.is_alphabetic() {
                n_alpha += 1;
                'x'
            } else if c.is_ascii_digit() {
                flags |= 4;
                'd'
            } else {
                if c == '-' {
                    flags |= 8;
                }
                c
            };
            if s != last {
                self.shape.push(s);
                last = s;
            }
        }
        if n_alpha > 0 {
            flags |= 16;
            if n_upper == n_alpha && n_alpha > 1 {
                flags |= 2;
            }
        }
        let norm = self.norm.as_str();
        let mut suf = [0u64; 4];
        let mut pre = [0u64; 3];
        for (k, s) in suf.iter_mut().enumerate() {
            *s = hash_str(char_suffix(norm, k + 1)) ^ (k as u64 + 1);
        }
        for (k, p) in pre.iter_mut().enumerate() {
            *p = hash_str(char_prefix(norm, k + 1)) ^ ((k as u64 + 1) << 8);
        }
        Atoms {
            form: hash_str(word) ^ 0xF0F0_0000,
            norm: hash_str(norm),
            shape: hash_str(&self.shape) ^ 0x5A5A_0000_0000,
            suf,
            pre,
            flags,
        }
    }
}

impl AtomBuf {
    /// Only the normalised-form hash of `word` (equal to `atoms(word).norm`).
    pub fn norm(&mut self, word: &str) -> u64 {
        normalise_into(word, &mut self.norm);
        hash_str(&self.norm)
    }
}

/// Lower-cases `word` and maps ASCII digits to `0` into `out`.
pub fn normalise_into(word: &str, out: &mut String) {
    out.clear();
    for c in word.chars() {
        if c.is_ascii_digit() {
            out.push('0');
        } else if c.is_ascii() {
            out.push(c.to_ascii_lowercase());
        } else {
            out.extend(c.to_lowercase());
        }
    }
}

/// The last `n` characters of `s` (all of it when shorter).
pub fn char_suffix(s: &str, n: usize) -> &str {
    match s.char_indices().rev().nth(n - 1) {
        Some((i, _)) => &s[i..],
        None => s,
    }
}

/// The first `n` characters of `s` (all of it when shorter).
pub fn char_prefix(s: &str, n: usize) -> &str {
    match s.char_indices().nth(n) {
        Some((i, _)) => &s[..i],
        None => s,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn affixes_count_characters() {
        assert_eq!(char_suffix("naïve", 3), "ïve");
        assert_eq!(char_suffix("ab", 4), "ab");
        assert_eq!(char_prefix("naïve", 3), "naï");
        assert_eq!(char_prefix("a", 2), "a");
    }

    #[test]
    fn atoms_normalise_case_and_digits() {
        let mut b = AtomBuf::default();
        let a = b.atoms("Year1999");
        let c = b.atoms("year2000");
        assert_eq!(a.norm, c.norm);
        assert_ne!(a.form, c.form);
        assert_eq!(a.flags & 1, 1);
        assert_eq!(c.flags & 1, 0);
        assert_eq!(b.atoms("NATO").flags & 2, 2);
    }

    #[test]
    fn features_differ_by_template_and_order() {
        assert_ne!(f1(1, 7), f1(2, 7));
        assert_ne!(f2(1, 7, 8), f2(1, 8, 7));
        assert_eq!(f3(3, 1, 2, 3), f3(3, 1, 2, 3));
    }
}
