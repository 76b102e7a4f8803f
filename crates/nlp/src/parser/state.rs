//! The arc-hybrid transition system with the root at the end of the buffer, and its dynamic
//! oracle (Goldberg & Nivre 2013).
//!
//! Transitions: `SHIFT` moves the buffer front onto the stack; `LEFT(l)` makes the buffer front
//! the head of the stack top and pops it; `RIGHT(l)` makes the second stack item the head of
//! the top and pops it. The artificial root sits after the last word, so exactly one word is
//! attached to it (`LEFT` onto the root only when the stack holds one word).

/// Marker for "no token".
pub const NONE: usize = usize::MAX;

/// A transition, encoded as a class index: 0 = shift, `1 + l` = left(l), `1 + L + l` = right(l).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Move {
    /// Push the buffer front.
    Shift,
    /// Buffer front becomes head of the stack top, with label `l`.
    Left(u8),
    /// Second stack item becomes head of the stack top, with label `l`.
    Right(u8),
}

impl Move {
    /// The class index of this move among `n_labels` labels.
    pub fn class(self, n_labels: usize) -> usize {
        match self {
            Move::Shift => 0,
            Move::Left(l) => 1 + l as usize,
            Move::Right(l) => 1 + n_labels + l as usize,
        }
    }

    /// The move of a class index.
    pub fn from_class(c: usize, n_labels: usize) -> Move {
        if c == 0 {
            Move::Shift
        } else if c <= n_labels {
            Move::Left((c - 1) as u8)
        } else {
            Move::Right((c - 1 - n_labels) as u8)
        }
    }
}

/// Parser configuration over `n` words (indices `0..n`; `n` is the root).
#[derive(Clone, Debug, Default)]
pub struct State {
    /// Number of words.
    pub n: usize,
    /// Stack of word indices.
    pub stack: Vec<usize>,
    /// Buffer front (`n` = only the root is left).
    pub b: usize,
    /// Head per word (`n` = root, [`NONE`] = not yet attached).
    pub head: Vec<usize>,
    /// Label per word.
    pub label: Vec<u8>,
    /// Leftmost and second-leftmost dependents.
    pub lc: Vec<[usize; 2]>,
    /// Rightmost and second-rightmost dependents.
    pub rc: Vec<[usize; 2]>,
    /// Number of left and right dependents.
    pub nl: Vec<u8>,
    /// See `nl`.
    pub nr: Vec<u8>,
    /// Bit set of the labels of left dependents.
    pub lset: Vec<u64>,
    /// Bit set of the labels of right dependents.
    pub rset: Vec<u64>,
}

impl State {
    /// Resets to the initial configuration for `n` words.
    pub fn reset(&mut self, n: usize) {
        self.n = n;
        self.stack.clear();
        self.b = 0;
        self.head.clear();
        self.head.resize(n + 1, NONE);
        self.label.clear();
        self.label.resize(n + 1, 0);
        self.lc.clear();
        self.lc.resize(n + 1, [NONE; 2]);
        self.rc.clear();
        self.rc.resize(n + 1, [NONE; 2]);
        self.nl.clear();
        self.nl.resize(n + 1, 0);
        self.nr.clear();
        self.nr.resize(n + 1, 0);
        self.lset.clear();
        self.lset.resize(n + 1, 0);
        self.rset.clear();
        self.rset.resize(n + 1, 0);
    }

    /// True when parsing is finished.
    pub fn terminal(&self) -> bool {
        self.b == self.n && self.stack.is_empty()
    }

    /// Stack item `k` from the top, or [`NONE`].
    #[inline]
    pub fn s(&self, k: usize) -> usize {
        if k < self.stack.len() {
            self.stack[self.stack.len() - 1 - k]
        } else {
            NONE
        }
    }

    /// Which of shift / left / right are allowed.
    pub fn valid(&self) -> [bool; 3] {
        let shift = self.b < self.n;
        let left = !self.stack.is_empty() && (self.b < self.n || self.stack.len() == 1);
        let right = self.stack.len() >= 2;
        [shift, left, right]
    }

    /// Applies a move (which must be valid).
    pub fn apply(&mut self, m: Move) {
        match m {
            Move::Shift => {
                self.stack.push(self.b);
                self.b += 1;
            }
            Move::Left(l) => {
                let d = self.stack.pop().expect("left on empty stack");
                self.attach(self.b, d, l);
            }
            Move::Right(l) => {
                let d = self.stack.pop().expect("right on short stack");
                let h = *self.stack.last().expect("right on short stack");
                self.attach(h, d, l);
            }
        }
    }

    fn attach(&mut self, h: usize, d: usize, l: u8) {
        self.head[d] = h;
        self.label[d] = l;
        if d < h {
            let c = &mut self.lc[h];
            if c[0] == NONE || d < c[0] {
                c[1] = c[0];
                c[0] = d;
            } else if c[1] == NONE || d < c[1] {
                c[1] = d;
            }
            self.nl[h] = self.nl[h].saturating_add(1);
            self.lset[h] |= 1u64 << (l & 63);
        } else {
            let c = &mut self.rc[h];
            if c[0] == NONE || d > c[0] {
                c[1] = c[0];
                c[0] = d;
            } else if c[1] == NONE || d > c[1] {
                c[1] = d;
            }
            self.nr[h] = self.nr[h].saturating_add(1);
            self.rset[h] |= 1u64 << (l & 63);
        }
    }

    /// Costs of shift, left and right (unlabelled) against gold heads `gh` (root = `n`):
    /// how many gold arcs each move makes unreachable. `None` for invalid moves.
    pub fn costs(&self, gh: &[usize]) -> [Option<u32>; 3] {
        let [vs, vl, vr] = self.valid();
        let s0 = self.s(0);
        let s1 = self.s(1);
        let b = self.b;
        let n = self.n;
        let shift = vs.then(|| {
            let mut c = 0;
            for &d in &self.stack {
                if gh[d] == b {
                    c += 1;
                }
            }
            let h = gh[b];
            if h != s0 && h < b && self.stack.contains(&h) {
                c += 1;
            }
            c
        });
        let deps_in_buffer = |x: usize| (b..n).filter(|&d| gh[d] == x).count() as u32;
        let left = vl.then(|| {
            let h = gh[s0];
            let lost_head = h != b && (h == s1 || h > b);
            lost_head as u32 + deps_in_buffer(s0)
        });
        let right = vr.then(|| {
            let h = gh[s0];
            let lost_head = h != s1 && h >= b;
            lost_head as u32 + deps_in_buffer(s0)
        });
        [shift, left, right]
    }
}

/// Makes a tree projective by lifting non-projective arcs to the head's head, shortest first.
/// `heads` uses 0 for the root and 1-based word indices (CoNLL-U convention).
pub fn projectivize(heads: &mut [usize]) {
    let n = heads.len();
    loop {
        let mut worst: Option<(usize, usize)> = None; // (span length, dependent)
        for d in 1..=n {
            let h = heads[d - 1];
            if h == 0 {
                continue;
            }
            let (lo, hi) = if h < d { (h, d) } else { (d, h) };
            let nonproj = (lo + 1..hi).any(|k| !dominates(heads, h, k));
            if nonproj && worst.is_none_or(|(len, _)| hi - lo < len) {
                worst = Some((hi - lo, d));
            }
        }
        match worst {
            Some((_, d)) => heads[d - 1] = heads[heads[d - 1] - 1],
            None => return,
        }
    }
}

/// True when `h` is an ancestor of `k` (1-based; 0 is the root and dominates everything).
fn dominates(heads: &[usize], h: usize, mut k: usize) -> bool {
    let mut steps = 0;
    while k != 0 && steps <= heads.len() {
        if k == h {
            return true;
        }
        k = heads[k - 1];
        steps += 1;
    }
    h == 0
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Follows the zero-cost moves; must rebuild a projective tree exactly.
    fn oracle_parse(gold: &[usize]) -> Vec<usize> {
        let n = gold.len();
        let gh: Vec<usize> = gold
            .iter()
            .map(|&h| if h == 0 { n } else { h - 1 })
            .collect();
        let mut st = State::default();
        st.reset(n);
        while !st.terminal() {
            let c = st.costs(&gh);
            let m = if c[0] == Some(0) && c[1] != Some(0) && c[2] != Some(0) {
                Move::Shift
            } else if c[1] == Some(0) {
                Move::Left(0)
            } else if c[2] == Some(0) {
                Move::Right(0)
            } else {
                Move::Shift
            };
            st.apply(m);
        }
        st.head[..n]
            .iter()
            .map(|&h| if h == n { 0 } else { h + 1 })
            .collect()
    }

    #[test]
    fn zero_cost_moves_rebuild_projective_trees() {
        for gold in [
            vec![2, 0, 2],
            vec![0, 1, 2, 3],
            vec![3, 3, 0, 5, 3, 3],
            vec![2, 0, 4, 2, 2],
        ] {
            assert_eq!(oracle_parse(&gold), gold);
        }
    }

    #[test]
    fn lifts_non_projective_arcs() {
        // 1 <- 3 crosses 2 -> 4 (4's head 2 spans 3, whose head is outside).
        let mut h = vec![3, 0, 2, 2];
        projectivize(&mut h);
        for d in 1..=h.len() {
            let hd = h[d - 1];
            if hd == 0 {
                continue;
            }
            let (lo, hi) = (hd.min(d), hd.max(d));
            assert!((lo + 1..hi).all(|k| dominates(&h, hd, k)), "{h:?}");
        }
    }

    #[test]
    fn move_classes_round_trip() {
        for m in [
            Move::Shift,
            Move::Left(0),
            Move::Left(4),
            Move::Right(0),
            Move::Right(4),
        ] {
            assert_eq!(Move::from_class(m.class(5), 5), m);
        }
    }
}
