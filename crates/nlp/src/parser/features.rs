//! Parser features: words, tags, labels and valencies around the stack top and the buffer
//! front, in the style of Zhang & Nivre (2011) adapted to arc-hybrid.

use super::state::{NONE, State};
use crate::features::{f1, f2, f3};

const NOWORD: u64 = 0x6E6F_6E65;
const NOLABEL: u64 = 0x4C4C;

/// Per-sentence inputs: word hashes and tag values, index `n` being the root.
pub struct Inputs<'a> {
    /// Normalised word hash per position.
    pub w: &'a [u64],
    /// Tag value per position.
    pub t: &'a [u64],
}

#[inline]
fn get(v: &[u64], i: usize) -> u64 {
    if i == NONE { NOWORD } else { v[i] }
}

/// Writes the features of `st` into `out`.
pub fn extract(st: &State, x: &Inputs<'_>, out: &mut Vec<u32>) {
    out.clear();
    let n = st.n;
    let s0 = st.s(0);
    let s1 = st.s(1);
    let s2 = st.s(2);
    let b0 = st.b;
    let b1 = if b0 < n { b0 + 1 } else { NONE };
    let b2 = if b0 + 2 <= n { b0 + 2 } else { NONE };
    let (w, t) = (x.w, x.t);
    let lab = |i: usize| {
        if i == NONE {
            NOLABEL
        } else {
            st.label[i] as u64 + 1
        }
    };
    let child = |i: usize, left: bool, k: usize| {
        if i == NONE {
            NONE
        } else if left {
            st.lc[i][k]
        } else {
            st.rc[i][k]
        }
    };
    let (s0w, s0t, s1w, s1t, s2t) = (get(w, s0), get(t, s0), get(w, s1), get(t, s1), get(t, s2));
    let (b0w, b0t, b1w, b1t, b2w, b2t) = (
        get(w, b0),
        get(t, b0),
        get(w, b1),
        get(t, b1),
        get(w, b2),
        get(t, b2),
    );
    let s0l1 = child(s0, true, 0);
    let s0l2 = child(s0, true, 1);
    let s0r1 = child(s0, false, 0);
    let s0r2 = child(s0, false, 1);
    let s1l1 = child(s1, true, 0);
    let s1r1 = child(s1, false, 0);
    let s1r2 = child(s1, false, 1);
    let b0l1 = child(b0, true, 0);
    let b0l2 = child(b0, true, 1);
    let dist = |a: usize, b: usize| -> u64 {
        if a == NONE || b == NONE {
            99
        } else {
            let d = a.abs_diff(b);
            (if d > 6 { 6 + (d > 10) as usize } else { d }) as u64
        }
    };
    let d_s0b0 = dist(s0, b0);
    let d_s1s0 = dist(s1, s0);
    let val = |v: &[u8], i: usize| if i == NONE { 255 } else { v[i].min(4) as u64 };
    let set = |v: &[u64], i: usize| if i == NONE { 1 << 63 } else { v[i] };
    out.extend_from_slice(&[
        f1(0, 1),
        // single words
        f1(1, s0w),
        f1(2, s0t),
        f2(3, s0w, s0t),
        f1(4, s1w),
        f1(5, s1t),
        f2(6, s1w, s1t),
        f1(7, b0w),
        f1(8, b0t),
        f2(9, b0w, b0t),
        f1(10, b1w),
        f1(11, b1t),
        f2(12, b1w, b1t),
        f1(13, b2w),
        f1(14, b2t),
        f1(15, s2t),
        // pairs s0-b0
        f3(16, s0w, s0t, f2(0, b0w, b0t) as u64),
        f3(17, s0w, s0t, b0w),
        f3(18, s0w, b0w, b0t),
        f3(19, s0w, s0t, b0t),
        f3(20, s0t, b0w, b0t),
        f2(21, s0w, b0w),
        f2(22, s0t, b0t),
        f2(23, b0t, b1t),
        // pairs s1-s0 (the right-arc decision)
        f3(24, s1w, s1t, f2(0, s0w, s0t) as u64),
        f2(25, s1w, s0w),
        f2(26, s1t, s0t),
        f3(27, s1t, s0w, s0t),
        f3(28, s1w, s1t, s0t),
        // tag trigrams
        f3(29, b0t, b1t, b2t),
        f3(30, s0t, b0t, b1t),
        f3(31, s1t, s0t, b0t),
        f3(32, s0t, get(t, s0l1), b0t),
        f3(33, s0t, get(t, s0r1), b0t),
        f3(34, s0t, b0t, get(t, b0l1)),
        f3(35, s2t, s1t, s0t),
        f3(36, s1t, s0t, get(t, s0l1)),
        f3(37, s1t, s0t, get(t, s0r1)),
        f3(38, s1t, get(t, s1r1), s0t),
        // distance
        f2(39, s0w, d_s0b0),
        f2(40, s0t, d_s0b0),
        f2(41, b0w, d_s0b0),
        f2(42, b0t, d_s0b0),
        f3(43, s0t, b0t, d_s0b0),
        f3(44, s1t, s0t, d_s1s0),
        f3(45, s1w, s0w, d_s1s0),
        // valency
        f2(46, s0w, val(&st.nr, s0)),
        f2(47, s0t, val(&st.nr, s0)),
        f2(48, s0w, val(&st.nl, s0)),
        f2(49, s0t, val(&st.nl, s0)),
        f2(50, b0w, val(&st.nl, b0)),
        f2(51, b0t, val(&st.nl, b0)),
        f2(52, s1t, val(&st.nr, s1)),
        // children words, tags, labels
        f1(53, get(w, s0l1)),
        f1(54, get(t, s0l1)),
        f1(55, lab(s0l1)),
        f1(56, get(w, s0r1)),
        f1(57, get(t, s0r1)),
        f1(58, lab(s0r1)),
        f1(59, get(w, b0l1)),
        f1(60, get(t, b0l1)),
        f1(61, lab(b0l1)),
        f1(62, get(t, s0l2)),
        f1(63, lab(s0l2)),
        f1(64, get(t, s0r2)),
        f1(65, lab(s0r2)),
        f1(66, get(t, b0l2)),
        f1(67, lab(b0l2)),
        f1(68, lab(s1r1)),
        f2(69, get(t, s1l1), lab(s1l1)),
        // third order
        f3(70, s0t, lab(s0l1), lab(s0l2)),
        f3(71, s0t, lab(s0r1), lab(s0r2)),
        f3(72, b0t, lab(b0l1), lab(b0l2)),
        f3(73, s1t, lab(s1r1), lab(s1r2)),
        // label sets
        f2(74, s0w, set(&st.rset, s0)),
        f2(75, s0t, set(&st.rset, s0)),
        f2(76, s0w, set(&st.lset, s0)),
        f2(77, s0t, set(&st.lset, s0)),
        f2(78, b0w, set(&st.lset, b0)),
        f2(79, b0t, set(&st.lset, b0)),
        f2(80, s1t, set(&st.rset, s1)),
        // lexicalised children
        f3(81, s0w, get(t, s0r1), lab(s0r1)),
        f3(82, b0w, get(t, b0l1), lab(b0l1)),
        f3(83, s0t, s1t, get(w, s0r1)),
        f2(84, s0w, b1w),
        f3(85, s0t, b0w, b1t),
        f2(86, (st.stack.len().min(4)) as u64, s0t),
    ]);
}
