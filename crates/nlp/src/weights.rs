//! Linear models over hashed features: the averaged perceptron used in training and the
//! compact, quantised table used at run time.
//!
//! A feature is a `u32` hash (see [`crate::features`]). At run time a model is an
//! open-addressing table from feature to its class weights, `i16` with one scale per model:
//! a feature that votes for one class holds it in its 8-byte slot, one that votes for a few
//! points to a sparse run of `(class, weight)` pairs, one that votes for many to a dense row
//! added as a vector. The table is the hot data of tagging and parsing (half of all the time
//! of `herald code`): it lives on huge pages where the system offers them.

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

/// One feature's place in the table: its key and what it holds (`val`, 0 for an empty slot).
///
/// The top two bits of `val` say where the weights are: [`ONE`] — the feature votes for one
/// class and the slot holds it (`class << 16 | weight`), so the lookup touches one cache line;
/// [`SPARSE`] — a run in `entries` (its length first, then `class << 16 | weight` pairs);
/// [`DENSE`] — a row of `stride` weights in `dense`. The low 30 bits index the run or row.
/// Eight bytes, so the table is half the size it would be with the weights inline.
#[derive(Clone, Copy, Default)]
#[repr(C, align(8))]
struct Slot {
    key: u32,
    val: u32,
}

const KIND: u32 = 3 << 30;
const ONE: u32 = 1 << 30;
const SPARSE: u32 = 2 << 30;
const DENSE: u32 = 3 << 30;
const INDEX: u32 = !KIND;

/// An index that fits the low bits of [`Slot::val`].
fn index(i: usize) -> u32 {
    assert!(i <= INDEX as usize, "model too large for its table");
    i as u32
}

/// A row with at least one weight for every `DENSE_RATIO` classes is stored dense: adding a
/// dense row is a vector add, where a sparse one is a scattered add per weight. Measured on
/// the parser over EWT dev: 26 weights added per feature looked up, 90% of them from rows
/// this long.
const DENSE_RATIO: usize = 4;

/// A trained linear model: feature → sparse class weights, `i16` with one scale.
pub struct Weights {
    n_classes: usize,
    scale: f32,
    mask: usize,
    slots: HugeArray<Slot>,
    entries: Vec<u32>,
    /// Dense rows, `stride` weights each (the classes, padded to a multiple of 16).
    dense: Vec<i16>,
    stride: usize,
    n_features: usize,
    #[cfg(target_arch = "x86_64")]
    avx2: bool,
}

impl Weights {
    fn from_rows(n_classes: usize, scale: f32, rows: &[(u32, Vec<(u16, i16)>)]) -> Weights {
        assert!(n_classes <= 256, "at most 256 classes");
        let cap = (rows.len() * 2).next_power_of_two().max(16);
        let stride = n_classes.next_multiple_of(16);
        let mut slots = HugeArray::<Slot>::zeroed(cap);
        let mut entries = Vec::new();
        let mut dense = Vec::new();
        let mask = cap - 1;
        let pack = |&(c, w): &(u16, i16)| ((c as u32) << 16) | (w as u16 as u32);
        for (f, row) in rows {
            let val = match row.len() {
                0 => continue,
                1 => ONE | pack(&row[0]),
                len if len * DENSE_RATIO >= n_classes => {
                    let at = dense.len();
                    dense.resize(at + stride, 0);
                    for &(c, w) in row {
                        dense[at + c as usize] = w;
                    }
                    DENSE | index(at / stride)
                }
                len => {
                    let at = entries.len();
                    entries.push(len as u32);
                    entries.extend(row.iter().map(pack));
                    SPARSE | index(at)
                }
            };
            let mut i = *f as usize & mask;
            while slots[i].val != 0 {
                i = (i + 1) & mask;
            }
            slots[i] = Slot { key: *f, val };
        }
        Weights {
            n_classes,
            scale,
            mask,
            slots,
            entries,
            dense,
            stride,
            n_features: rows.iter().filter(|r| !r.1.is_empty()).count(),
            #[cfg(target_arch = "x86_64")]
            avx2: std::is_x86_feature_detected!("avx2"),
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
        self.slots
            .iter()
            .filter(|s| s.val != 0)
            .map(|s| self.row(s).len())
            .sum()
    }

    /// The `(class, weight)` pairs of an occupied slot, by class.
    fn row(&self, s: &Slot) -> Vec<(u16, i16)> {
        let unpack = |&e: &u32| ((e >> 16) as u16, e as u16 as i16);
        let at = (s.val & INDEX) as usize;
        match s.val & KIND {
            ONE => vec![unpack(&(s.val & 0xFF_FFFF))],
            SPARSE => {
                let len = self.entries[at] as usize;
                self.entries[at + 1..at + 1 + len]
                    .iter()
                    .map(unpack)
                    .collect()
            }
            _ => {
                let row = &self.dense[at * self.stride..at * self.stride + self.n_classes];
                (0..self.n_classes)
                    .filter(|&c| row[c] != 0)
                    .map(|c| (c as u16, row[c]))
                    .collect()
            }
        }
    }

    /// The value of one quantised unit.
    pub fn scale(&self) -> f32 {
        self.scale
    }

    /// Sums the weights of `feats` into `scores` (cleared first), in quantised units.
    #[inline]
    pub fn score(&self, feats: &[u32], scores: &mut [i32]) {
        #[cfg(target_arch = "x86_64")]
        if self.avx2 {
            // SAFETY: the CPU was checked for AVX2 when the model was built.
            unsafe { self.score_avx2(feats, scores) };
            return;
        }
        self.score_with(feats, scores);
    }

    /// [`Weights::score`] compiled for AVX2: the dense rows are added eight classes at a time.
    #[cfg(target_arch = "x86_64")]
    #[target_feature(enable = "avx2")]
    unsafe fn score_avx2(&self, feats: &[u32], scores: &mut [i32]) {
        self.score_with(feats, scores);
    }

    /// The table rarely fits in cache, so memory latency matters: the slots of a batch of
    /// features are prefetched, then probed (prefetching each feature's run of weights), then
    /// the runs are added, so that the loads overlap instead of waiting one after another.
    #[inline(always)]
    fn score_with(&self, feats: &[u32], scores: &mut [i32]) {
        scores.iter_mut().for_each(|s| *s = 0);
        let n = self.n_classes;
        let scores = &mut scores[..n];
        let mut runs = [0u32; 32];
        for chunk in feats.chunks(32) {
            for &f in chunk {
                prefetch(&self.slots[f as usize & self.mask]);
            }
            let mut k = 0;
            for &f in chunk {
                let mut i = f as usize & self.mask;
                loop {
                    let s = self.slots[i];
                    if s.val == 0 {
                        break;
                    }
                    if s.key == f {
                        let at = (s.val & INDEX) as usize;
                        match s.val & KIND {
                            ONE => scores[(at >> 16) & 0xFF] += s.val as u16 as i16 as i32,
                            SPARSE => {
                                prefetch(&self.entries[at]);
                                runs[k] = s.val;
                                k += 1;
                            }
                            _ => {
                                let row = &self.dense[at * self.stride..];
                                for line in (0..n).step_by(32) {
                                    prefetch(&row[line]);
                                }
                                runs[k] = s.val;
                                k += 1;
                            }
                        }
                        break;
                    }
                    i = (i + 1) & self.mask;
                }
            }
            for &val in &runs[..k] {
                let at = (val & INDEX) as usize;
                if val & KIND == DENSE {
                    let row = &self.dense[at * self.stride..at * self.stride + n];
                    for (s, &w) in scores.iter_mut().zip(row) {
                        *s += w as i32;
                    }
                } else {
                    let len = self.entries[at] as usize;
                    for &e in &self.entries[at + 1..at + 1 + len] {
                        scores[(e >> 16) as usize] += e as u16 as i16 as i32;
                    }
                }
            }
        }
    }

    /// A copy without the weights whose magnitude is below `min_q` quantised units (and without
    /// the features left empty).
    pub fn pruned(&self, min_q: i16) -> Weights {
        let mut rows: Vec<(u32, Vec<(u16, i16)>)> = Vec::with_capacity(self.n_features);
        for s in self.slots.iter().filter(|s| s.val != 0) {
            let row: Vec<(u16, i16)> = self
                .row(s)
                .into_iter()
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
        let mut used: Vec<Slot> = self.slots.iter().copied().filter(|s| s.val != 0).collect();
        used.sort_unstable_by_key(|s| s.key);
        w.u32(used.len() as u32);
        for s in used {
            let row = self.row(&s);
            w.u32(s.key);
            w.u8((row.len() - 1) as u8);
            for (c, v) in row {
                w.u8(c as u8);
                w.i16(v);
            }
        }
    }

    /// Reads a model written by [`Weights::write`].
    pub fn read(r: &mut Reader<'_>) -> Result<Weights> {
        let n_classes = r.u16()? as usize;
        if n_classes > 256 {
            return Err(r.err("more than 256 classes"));
        }
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

/// Huge pages: 2 MiB on x86_64 Linux.
const HUGE_PAGE: usize = 2 << 20;

/// A fixed-length array of plain values, zeroed, on memory aligned to [`HUGE_PAGE`] when it is
/// that large, and marked for transparent huge pages on Linux. A model's slot table is tens of
/// MB read at random: with 4 KiB pages nearly every lookup also misses the TLB (measured on
/// EWT dev: parsing 12% faster on huge pages).
struct HugeArray<T: Copy> {
    ptr: std::ptr::NonNull<T>,
    len: usize,
    layout: std::alloc::Layout,
}

impl<T: Copy + Default> HugeArray<T> {
    /// `len` default values; `T::default()` must be all-zero bytes.
    fn zeroed(len: usize) -> HugeArray<T> {
        use std::alloc::{Layout, alloc, handle_alloc_error};
        let size = (len * size_of::<T>()).max(1);
        let align = if size >= HUGE_PAGE {
            HUGE_PAGE
        } else {
            align_of::<T>()
        };
        let layout = Layout::from_size_align(size, align).expect("array size overflows");
        // SAFETY: the layout has a non-zero size.
        let raw = unsafe { alloc(layout) };
        let Some(ptr) = std::ptr::NonNull::new(raw.cast::<T>()) else {
            handle_alloc_error(layout)
        };
        #[cfg(target_os = "linux")]
        if align == HUGE_PAGE {
            // SAFETY: the range is the allocation just made, page-aligned; madvise only sets
            // a hint on it. Done before the first write, so the pages fault in huge.
            unsafe { libc::madvise(raw.cast(), size, libc::MADV_HUGEPAGE) };
        }
        // SAFETY: `size` bytes were allocated at `raw`; zero bytes are `T::default()`.
        unsafe { std::ptr::write_bytes(raw, 0, size) };
        HugeArray { ptr, len, layout }
    }
}

impl<T: Copy> std::ops::Deref for HugeArray<T> {
    type Target = [T];
    fn deref(&self) -> &[T] {
        // SAFETY: `ptr` holds `len` initialised values for the array's lifetime.
        unsafe { std::slice::from_raw_parts(self.ptr.as_ptr(), self.len) }
    }
}

impl<T: Copy> std::ops::DerefMut for HugeArray<T> {
    fn deref_mut(&mut self) -> &mut [T] {
        // SAFETY: as for `deref`, and `&mut self` makes the borrow unique.
        unsafe { std::slice::from_raw_parts_mut(self.ptr.as_ptr(), self.len) }
    }
}

impl<T: Copy> Drop for HugeArray<T> {
    fn drop(&mut self) {
        // SAFETY: allocated in `zeroed` with this layout.
        unsafe { std::alloc::dealloc(self.ptr.as_ptr().cast(), self.layout) }
    }
}

// SAFETY: a HugeArray owns its values like a Box<[T]>.
unsafe impl<T: Copy + Send> Send for HugeArray<T> {}
// SAFETY: shared access only reads.
unsafe impl<T: Copy + Sync> Sync for HugeArray<T> {}

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

    #[test]
    fn a_model_with_too_many_classes_is_an_error() {
        let mut buf = Writer::with_header(b"TEST");
        buf.u16(300);
        buf.f32(1.0);
        buf.u32(0);
        let mut r = Reader::open(&buf.buf, b"TEST", "t").unwrap();
        assert!(Weights::read(&mut r).is_err());
    }

    #[test]
    fn one_sparse_and_dense_rows_add_up_as_written() {
        // 64 classes: a row of 1 weight sits in its slot, 5 in a sparse run, 40 in a dense row.
        let n = 64;
        let mut rows: Vec<(u32, Vec<(u16, i16)>)> = Vec::new();
        for (f, len) in [(7u32, 1usize), (8, 5), (9, 40), (0xDEAD_BEEF, 64), (10, 2)] {
            let row = (0..len)
                .map(|k| {
                    (
                        (k * 61 % n) as u16,
                        (k as i16 + 1) * if k % 2 == 0 { 3 } else { -7 },
                    )
                })
                .collect::<std::collections::BTreeMap<_, _>>()
                .into_iter()
                .collect();
            rows.push((f, row));
        }
        let w = Weights::from_rows(n, 1.0, &rows);
        let feats = [7u32, 8, 9, 0xDEAD_BEEF, 10, 12345, 9];
        let mut want = vec![0i32; n];
        for f in feats {
            for (_, row) in rows.iter().filter(|r| r.0 == f) {
                for &(c, v) in row {
                    want[c as usize] += v as i32;
                }
            }
        }
        let mut got = vec![1i32; n + 3];
        w.score(&feats, &mut got);
        assert_eq!(&got[..n], &want[..]);
        assert!(got[n..].iter().all(|&s| s == 0), "the tail is cleared too");
        let mut plain = vec![0i32; n];
        w.score_with(&feats, &mut plain);
        assert_eq!(
            plain, want,
            "the portable path agrees with the dispatched one"
        );
        assert_eq!(w.n_weights(), 1 + 5 + 40 + 64 + 2);
        let mut buf = Writer::with_header(b"TEST");
        w.write(&mut buf);
        let mut r = Reader::open(&buf.buf, b"TEST", "t").unwrap();
        let w2 = Weights::read(&mut r).unwrap();
        let mut again = vec![0i32; n];
        w2.score(&feats, &mut again);
        assert_eq!(again, want);
        let p = w.pruned(8);
        assert!(
            p.n_weights() < w.n_weights() && p.n_features() == 4,
            "row 7 (|w| = 3) goes"
        );
    }
}
