//! Linear models over hashed features: the averaged perceptron used in training and the
//! compact, quantised table used at run time.
//!
//! A feature is a `u32` hash (see [`crate::features`]). At run time a model is an
//! open-addressing table from feature to a short run of `(class, weight)` pairs: only the
//! classes a feature ever voted for are stored, and weights are `i16` with one scale per model.

use crate::model_io::{Reader, Writer};
use herald_core::Result;
use std::collections::HashMap;
use std::hash::{BuildHasherDefault, Hasher};

/// A hasher for keys that are already hashes.
#[derive(Default)]
pub struct IdHasher(u64);

impl Hasher for IdHasher {
    fn finish(&self) -> u64 {
        self.0
    }
    fn write(&mut self, bytes: &[u8]) {
        for &b in bytes {
            self.0 = (self.0 << 8) | b as u64;
        }
    }
    fn write_u32(&mut self, v: u32) {
        self.0 = (v as u64).wrapping_mul(0x9E37_79B9_7F4A_7C15);
    }
    fn write_u64(&mut self, v: u64) {
        self.0 = v.wrapping_mul(0x9E37_79B9_7F4A_7C15);
    }
}

/// A `HashMap` keyed by pre-hashed integers.
pub type IdMap<K, V> = HashMap<K, V, BuildHasherDefault<IdHasher>>;

#[derive(Clone, Copy)]
struct Entry {
    class: u16,
    w: i32,
    ts: u32,
    total: i64,
}

/// An averaged multi-class perceptron with sparse rows (training only).
pub struct Perceptron {
    n_classes: usize,
    rows: IdMap<u32, Vec<Entry>>,
    clock: u32,
}

impl Perceptron {
    /// An empty model over `n_classes` classes.
    pub fn new(n_classes: usize) -> Perceptron {
        assert!(n_classes <= 256, "at most 256 classes");
        Perceptron {
            n_classes,
            rows: IdMap::default(),
            clock: 0,
        }
    }

    /// Number of classes.
    pub fn n_classes(&self) -> usize {
        self.n_classes
    }

    /// Adds the current (not averaged) weights of `feats` to `scores`.
    pub fn score(&self, feats: &[u32], scores: &mut [f32]) {
        scores.iter_mut().for_each(|s| *s = 0.0);
        for f in feats {
            if let Some(row) = self.rows.get(f) {
                for e in row {
                    scores[e.class as usize] += e.w as f32;
                }
            }
        }
    }

    /// Advances the averaging clock by one training example.
    pub fn tick(&mut self) {
        self.clock += 1;
    }

    /// Moves the weights of `feats` by `delta` for `class`.
    pub fn add(&mut self, feats: &[u32], class: usize, delta: i32) {
        let now = self.clock;
        for &f in feats {
            let row = self.rows.entry(f).or_default();
            match row.iter_mut().find(|e| e.class as usize == class) {
                Some(e) => {
                    e.total += e.w as i64 * (now - e.ts) as i64;
                    e.ts = now;
                    e.w += delta;
                }
                None => row.push(Entry {
                    class: class as u16,
                    w: delta,
                    ts: now,
                    total: 0,
                }),
            }
        }
    }

    /// The usual perceptron update: towards `truth`, away from `guess`.
    pub fn update(&mut self, feats: &[u32], truth: usize, guess: usize) {
        if truth != guess {
            self.add(feats, truth, 1);
            self.add(feats, guess, -1);
        }
    }

    /// Averages, quantises to `i16` and drops weights that round to zero or whose magnitude
    /// is below `min_abs` (in averaged-weight units).
    pub fn finish(self, min_abs: f32) -> Weights {
        let now = self.clock.max(1);
        let mut avg: Vec<(u32, Vec<(u16, f32)>)> = Vec::with_capacity(self.rows.len());
        let mut max_abs = 0f32;
        for (f, row) in self.rows {
            let mut out = Vec::new();
            for e in row {
                let total = e.total + e.w as i64 * (now - e.ts) as i64;
                let a = total as f64 / now as f64;
                let a = a as f32;
                if a.abs() >= min_abs && a != 0.0 {
                    max_abs = max_abs.max(a.abs());
                    out.push((e.class, a));
                }
            }
            if !out.is_empty() {
                avg.push((f, out));
            }
        }
        let scale = if max_abs > 0.0 {
            max_abs / 32767.0
        } else {
            1.0
        };
        avg.sort_unstable_by_key(|(f, _)| *f);
        let rows = avg
            .into_iter()
            .filter_map(|(f, row)| {
                let mut q: Vec<(u16, i16)> = row
                    .into_iter()
                    .map(|(c, a)| (c, (a / scale).round() as i16))
                    .filter(|&(_, w)| w != 0)
                    .collect();
                q.sort_unstable_by_key(|&(c, _)| c);
                (!q.is_empty()).then_some((f, q))
            })
            .collect::<Vec<_>>();
        Weights::from_rows(self.n_classes, scale, &rows)
    }
}

/// One feature's place in the table. Most features vote for one or two classes: their
/// weights sit in the slot itself (`inline`), so a lookup costs one cache miss, not two.
/// Longer runs live in `entries`, starting at `inline[0]`. Sixteen bytes: four slots to a
/// cache line, none straddling two.
#[derive(Clone, Copy, Default)]
#[repr(C, align(16))]
struct Slot {
    key: u32,
    /// Number of weights; 0 marks an empty slot.
    len: u32,
    inline: [u32; INLINE as usize],
}

/// Weights a slot holds itself.
const INLINE: u32 = 2;

/// A trained linear model: feature → sparse class weights, `i16` with one scale.
pub struct Weights {
    n_classes: usize,
    scale: f32,
    mask: usize,
    slots: Vec<Slot>,
    entries: Vec<u32>,
    n_features: usize,
}

impl Weights {
    fn from_rows(n_classes: usize, scale: f32, rows: &[(u32, Vec<(u16, i16)>)]) -> Weights {
        let cap = (rows.len() * 2).next_power_of_two().max(16);
        let mut slots = vec![Slot::default(); cap];
        let mut entries = Vec::with_capacity(rows.iter().map(|r| r.1.len()).sum());
        let mask = cap - 1;
        let pack = |&(c, w): &(u16, i16)| ((c as u32) << 16) | (w as u16 as u32);
        for (f, row) in rows {
            let len = row.len() as u32;
            let mut inline = [0; INLINE as usize];
            if len <= INLINE {
                for (k, e) in row.iter().enumerate() {
                    inline[k] = pack(e);
                }
            } else {
                inline[0] = entries.len() as u32;
                entries.extend(row.iter().map(pack));
            }
            let mut i = *f as usize & mask;
            while slots[i].len != 0 {
                i = (i + 1) & mask;
            }
            slots[i] = Slot {
                key: *f,
                len,
                inline,
            };
        }
        Weights {
            n_classes,
            scale,
            mask,
            slots,
            entries,
            n_features: rows.len(),
        }
    }

    /// Number of classes.
    pub fn n_classes(&self) -> usize {
        self.n_classes
    }

    /// Number of stored features.
    pub fn n_features(&self) -> usize {
        self.n_features
    }

    /// Number of stored (feature, class) weights.
    pub fn n_weights(&self) -> usize {
        self.slots.iter().map(|s| s.len as usize).sum()
    }

    /// The packed `(class << 16) | weight` entries of an occupied slot.
    fn row<'a>(&'a self, s: &'a Slot) -> &'a [u32] {
        if s.len <= INLINE {
            &s.inline[..s.len as usize]
        } else {
            let start = s.inline[0] as usize;
            &self.entries[start..start + s.len as usize]
        }
    }

    /// The value of one quantised unit.
    pub fn scale(&self) -> f32 {
        self.scale
    }

    /// Sums the weights of `feats` into `scores` (cleared first), in quantised units.
    ///
    /// The table rarely fits in cache, so memory latency dominates: the slots of a batch of
    /// features are prefetched, then probed (prefetching each feature's run of weights), then
    /// the runs are added, so that the loads overlap instead of waiting one after another.
    #[inline]
    pub fn score(&self, feats: &[u32], scores: &mut [i32]) {
        scores.iter_mut().for_each(|s| *s = 0);
        let mut runs = [(0u32, 0u32); 32];
        for chunk in feats.chunks(32) {
            for &f in chunk {
                prefetch(&self.slots[f as usize & self.mask]);
            }
            let mut k = 0;
            for &f in chunk {
                let mut i = f as usize & self.mask;
                loop {
                    let s = &self.slots[i];
                    if s.len == 0 {
                        break;
                    }
                    if s.key == f {
                        if s.len <= INLINE {
                            for &e in &s.inline[..s.len as usize] {
                                scores[(e >> 16) as usize] += e as u16 as i16 as i32;
                            }
                        } else {
                            runs[k] = (s.inline[0], s.len);
                            k += 1;
                            prefetch(&self.entries[s.inline[0] as usize]);
                        }
                        break;
                    }
                    i = (i + 1) & self.mask;
                }
            }
            for &(start, len) in &runs[..k] {
                for &e in &self.entries[start as usize..(start + len) as usize] {
                    scores[(e >> 16) as usize] += e as u16 as i16 as i32;
                }
            }
        }
    }

    /// A copy without the weights whose magnitude is below `min_q` quantised units (and without
    /// the features left empty).
    pub fn pruned(&self, min_q: i16) -> Weights {
        let mut rows: Vec<(u32, Vec<(u16, i16)>)> = Vec::with_capacity(self.n_features);
        for s in self.slots.iter().filter(|s| s.len != 0) {
            let row: Vec<(u16, i16)> = self
                .row(s)
                .iter()
                .map(|&e| ((e >> 16) as u16, e as u16 as i16))
                .filter(|&(_, w)| w.unsigned_abs() >= min_q.unsigned_abs())
                .collect();
            if !row.is_empty() {
                rows.push((s.key, row));
            }
        }
        rows.sort_unstable_by_key(|r| r.0);
        Weights::from_rows(self.n_classes, self.scale, &rows)
    }

    /// Writes the model (after the caller's header).
    pub fn write(&self, w: &mut Writer) {
        w.u16(self.n_classes as u16);
        w.f32(self.scale);
        let mut used: Vec<Slot> = self.slots.iter().copied().filter(|s| s.len != 0).collect();
        used.sort_unstable_by_key(|s| s.key);
        w.u32(used.len() as u32);
        for s in used {
            w.u32(s.key);
            w.u8((s.len - 1) as u8);
            for &e in self.row(&s) {
                w.u8((e >> 16) as u8);
                w.i16(e as u16 as i16);
            }
        }
    }

    /// Reads a model written by [`Weights::write`].
    pub fn read(r: &mut Reader<'_>) -> Result<Weights> {
        let n_classes = r.u16()? as usize;
        let scale = r.f32()?;
        let n = r.u32()? as usize;
        let mut rows = Vec::with_capacity(n);
        for _ in 0..n {
            let key = r.u32()?;
            let len = r.u8()? as usize + 1;
            let mut row = Vec::with_capacity(len);
            for _ in 0..len {
                let c = r.u8()? as u16;
                if c as usize >= n_classes {
                    return Err(r.err("class index out of range"));
                }
                row.push((c, r.i16()?));
            }
            rows.push((key, row));
        }
        Ok(Weights::from_rows(n_classes, scale, &rows))
    }
}

/// Hints the CPU to start loading `v`'s cache line.
#[inline(always)]
fn prefetch<T>(v: &T) {
    #[cfg(target_arch = "x86_64")]
    {
        use std::arch::x86_64::{_MM_HINT_T0, _mm_prefetch};
        // SAFETY: a prefetch is only a hint; the pointer comes from a valid reference and
        // SSE is part of the x86_64 baseline.
        unsafe { _mm_prefetch::<_MM_HINT_T0>((v as *const T).cast::<i8>()) };
    }
    #[cfg(not(target_arch = "x86_64"))]
    let _ = v;
}

/// The index of the largest score (the first one on ties).
#[inline]
pub fn argmax<T: PartialOrd + Copy>(scores: &[T]) -> usize {
    let mut best = 0;
    for i in 1..scores.len() {
        if scores[i] > scores[best] {
            best = i;
        }
    }
    best
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn learns_separable_classes_and_round_trips() {
        let mut p = Perceptron::new(3);
        let data = [(vec![1u32, 10], 0usize), (vec![2, 10], 1), (vec![3, 10], 2)];
        let mut s = vec![0f32; 3];
        for _ in 0..10 {
            for (f, y) in &data {
                p.score(f, &mut s);
                let g = argmax(&s);
                p.update(f, *y, g);
                p.tick();
            }
        }
        let w = p.finish(0.0);
        let mut buf = Writer::with_header(b"TEST");
        w.write(&mut buf);
        let mut r = Reader::open(&buf.buf, b"TEST", "t").unwrap();
        let w2 = Weights::read(&mut r).unwrap();
        assert!(r.at_end());
        let mut sc = vec![0i32; 3];
        for model in [&w, &w2] {
            for (f, y) in &data {
                model.score(f, &mut sc);
                assert_eq!(argmax(&sc), *y);
            }
        }
        assert_eq!(w2.n_features(), w.n_features());
    }
}
