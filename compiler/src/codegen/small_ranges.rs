//! Value ranges in the small-int copy, so that `+` and `-` whose result
//! provably stays a small int need no overflow check. Every int there is
//! small; a branch on an int comparison narrows the local compared on each
//! edge (`if n < 2: ... else: n - 1` cannot overflow), and a block with a
//! single predecessor starts with what that edge proved. The facts hold only
//! in the small copy, where every int is checked on the way in.

use std::collections::HashMap;

use cranelift_codegen::ir::condcodes::{CondCode, IntCC};
use skink_abi as abi;

use crate::mir::{BlockId, LocalId, ValueId};

/// Inclusive bounds of an int.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) struct Range {
    pub lo: i64,
    pub hi: i64,
}

impl Range {
    /// What any small int may be.
    pub const SMALL: Range = Range {
        lo: abi::SMALL_INT_MIN,
        hi: abi::SMALL_INT_MAX,
    };

    pub fn exact(x: i64) -> Range {
        Range { lo: x, hi: x }
    }

    fn is_small(self) -> bool {
        self.lo >= abi::SMALL_INT_MIN && self.hi <= abi::SMALL_INT_MAX && self.lo <= self.hi
    }

    /// The range of `a + b` or `a - b`, if it is within the small ints.
    pub fn add_sub(self, other: Range, add: bool) -> Option<Range> {
        let (lo, hi) = if add {
            (
                self.lo.checked_add(other.lo)?,
                self.hi.checked_add(other.hi)?,
            )
        } else {
            (
                self.lo.checked_sub(other.hi)?,
                self.hi.checked_sub(other.lo)?,
            )
        };
        let r = Range { lo, hi };
        r.is_small().then_some(r)
    }

    /// The range of `a // d` for `a` in this (nonnegative) range and `d > 0`.
    pub fn floor_div(self, d: i64) -> Range {
        Range {
            lo: self.lo / d,
            hi: self.hi / d,
        }
    }

    /// The range of `a % d` for `a` in this (nonnegative) range and `d > 0`:
    /// `a` itself when every `a` is below `d`.
    pub fn modulo(self, d: i64) -> Range {
        if self.hi < d {
            self
        } else {
            Range { lo: 0, hi: d - 1 }
        }
    }

    /// This range where `self cc other` holds (`None` where it never does).
    fn where_holds(self, cc: IntCC, other: Range) -> Option<Range> {
        let (lo, hi) = match cc {
            IntCC::SignedLessThan => (self.lo, self.hi.min(other.hi.checked_sub(1)?)),
            IntCC::SignedLessThanOrEqual => (self.lo, self.hi.min(other.hi)),
            IntCC::SignedGreaterThan => (self.lo.max(other.lo.checked_add(1)?), self.hi),
            IntCC::SignedGreaterThanOrEqual => (self.lo.max(other.lo), self.hi),
            IntCC::Equal => (self.lo.max(other.lo), self.hi.min(other.hi)),
            _ => (self.lo, self.hi),
        };
        (lo <= hi).then_some(Range { lo, hi })
    }
}

/// What the small copy knows of ranges while it is translated, block by block
/// in reverse postorder (a block's single predecessor comes first).
#[derive(Default)]
pub(super) struct Ranges {
    /// Ranges narrower than `SMALL` of values (constants, sums, loaded locals).
    values: HashMap<ValueId, Range>,
    /// Ranges of locals at the current point of the current block.
    locals: HashMap<LocalId, Range>,
    /// The local each value of the current block was loaded from, while that
    /// local still holds it.
    loaded: HashMap<ValueId, LocalId>,
    /// The int comparisons of the current block: result, condition, operands.
    compares: HashMap<ValueId, (IntCC, ValueId, ValueId)>,
    /// Local ranges on the edges out of translated blocks.
    edges: HashMap<(BlockId, BlockId), HashMap<LocalId, Range>>,
}

impl Ranges {
    /// Starts block `b`: with what its only predecessor's edge proved, if it
    /// has exactly one, else with nothing.
    pub fn enter(&mut self, b: BlockId, preds: &[BlockId]) {
        self.locals = match preds {
            [p] => self.edges.get(&(*p, b)).cloned().unwrap_or_default(),
            _ => HashMap::new(),
        };
        self.loaded.clear();
        self.compares.clear();
    }

    /// The range of a small int value.
    pub fn of(&self, v: ValueId) -> Range {
        self.values.get(&v).copied().unwrap_or(Range::SMALL)
    }

    pub fn set(&mut self, v: ValueId, r: Range) {
        if r != Range::SMALL {
            self.values.insert(v, r);
        }
    }

    pub fn load(&mut self, dst: ValueId, local: LocalId) {
        if let Some(&r) = self.locals.get(&local) {
            self.set(dst, r);
        }
        self.loaded.insert(dst, local);
    }

    /// A store to `local`: it holds `src` now (whose range is `known` when
    /// `src` is a small int), and values loaded before no longer stand for it.
    pub fn store(&mut self, local: LocalId, src: ValueId, known: bool) {
        self.loaded.retain(|_, l| *l != local);
        match self.values.get(&src) {
            Some(&r) if known => {
                self.locals.insert(local, r);
            }
            _ => {
                self.locals.remove(&local);
            }
        }
        if known {
            self.loaded.insert(src, local);
        }
    }

    pub fn compare(&mut self, dst: ValueId, cc: IntCC, a: ValueId, b: ValueId) {
        self.compares.insert(dst, (cc, a, b));
    }

    /// Leaves the current block by a jump to `to`.
    pub fn jump(&mut self, from: BlockId, to: BlockId) {
        self.edges.insert((from, to), self.locals.clone());
    }

    /// Leaves the current block by a branch on `cond`.
    pub fn branch(&mut self, from: BlockId, cond: ValueId, then_: BlockId, else_: BlockId) {
        let Some(&(cc, a, b)) = self.compares.get(&cond) else {
            self.jump(from, then_);
            self.jump(from, else_);
            return;
        };
        let then_facts = self.narrowed(cc, a, b);
        let else_facts = self.narrowed(cc.complement(), a, b);
        // A branch to one block both ways proves nothing either way.
        if then_ == else_ {
            self.jump(from, then_);
            return;
        }
        self.edges.insert((from, then_), then_facts);
        self.edges.insert((from, else_), else_facts);
    }

    /// The local ranges where `a cc b` holds.
    fn narrowed(&self, cc: IntCC, a: ValueId, b: ValueId) -> HashMap<LocalId, Range> {
        let mut facts = self.locals.clone();
        let (ra, rb) = (self.of(a), self.of(b));
        let mut narrow = |v: ValueId, cc: IntCC, mine: Range, other: Range| {
            if let Some(&l) = self.loaded.get(&v) {
                match mine.where_holds(cc, other) {
                    Some(r) => {
                        facts.insert(l, r);
                    }
                    // Never taken: nothing to know there.
                    None => {
                        facts.remove(&l);
                    }
                }
            }
        };
        narrow(a, cc, ra, rb);
        narrow(b, cc.swap_args(), rb, ra);
        facts
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sums_stay_small_only_when_proven() {
        let two_up = Range {
            lo: 2,
            hi: abi::SMALL_INT_MAX,
        };
        assert_eq!(
            two_up.add_sub(Range::exact(1), false),
            Some(Range {
                lo: 1,
                hi: abi::SMALL_INT_MAX - 1
            })
        );
        assert_eq!(Range::SMALL.add_sub(Range::exact(1), false), None);
        assert_eq!(Range::SMALL.add_sub(Range::exact(1), true), None);
        assert_eq!(two_up.add_sub(Range::exact(1), true), None);
        let below_max = Range::SMALL
            .where_holds(IntCC::SignedLessThan, Range::SMALL)
            .expect("some int is below another");
        assert!(below_max.add_sub(Range::exact(1), true).is_some());
        assert_eq!(
            Range::exact(5).where_holds(IntCC::SignedLessThan, Range::exact(3)),
            None
        );
    }

    #[test]
    fn floor_ops_of_nonnegatives_bound_their_results() {
        let digits = Range { lo: 1, hi: 99 };
        assert_eq!(digits.floor_div(10), Range { lo: 0, hi: 9 });
        assert_eq!(digits.modulo(10), Range { lo: 0, hi: 9 });
        assert_eq!(digits.modulo(1000), digits);
        let any = Range {
            lo: 0,
            hi: abi::SMALL_INT_MAX,
        };
        assert_eq!(any.modulo(7), Range { lo: 0, hi: 6 });
        assert_eq!(any.floor_div(1), any);
    }
}
