//! Constant folding: the value Python gives an op on constant operands, for the
//! optimizer's e-graph analysis. `None` wherever Python raises, the result would
//! not fit the constant's machine form (ints are i64 here), or exactness would
//! need more than plain machine arithmetic; the op then simply stays. The
//! verifier checks these answers against CPython (`skink-rules-verify`).

use crate::ops::Op;

/// A constant operand or result.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum Konst {
    Int(i64),
    Float(f64),
    Bool(bool),
}

impl Konst {
    /// The same constant: floats by their bits (-0.0 is not 0.0, nan is nan).
    pub fn same(self, other: Konst) -> bool {
        match (self, other) {
            (Konst::Float(a), Konst::Float(b)) => a.to_bits() == b.to_bits(),
            (a, b) => a == b,
        }
    }

    /// The Python literal of the constant.
    pub fn python(self) -> String {
        match self {
            Konst::Int(i) => format!("({i})"),
            Konst::Float(x) if x.is_nan() => "float('nan')".into(),
            Konst::Float(x) if x.is_infinite() => {
                format!("float('{}inf')", if x < 0.0 { "-" } else { "" })
            }
            Konst::Float(x) => format!("({})", crate::syntax::float_literal(x)),
            Konst::Bool(b) => (if b { "True" } else { "False" }).into(),
        }
    }
}

/// A number as arithmetic sees it: bools are the ints 0 and 1.
#[derive(Clone, Copy)]
enum Num {
    I(i64),
    F(f64),
}

fn num(k: Konst) -> Num {
    match k {
        Konst::Int(i) => Num::I(i),
        Konst::Bool(b) => Num::I(b as i64),
        Konst::Float(x) => Num::F(x),
    }
}

/// `2**53`: ints up to this size convert to floats exactly.
const EXACT: i64 = 1 << 53;

/// Both operands as floats, as Python's mixed arithmetic converts them
/// (correctly rounded, which `as` is).
fn floats(a: Num, b: Num) -> (f64, f64) {
    let f = |n| match n {
        Num::I(i) => i as f64,
        Num::F(x) => x,
    };
    (f(a), f(b))
}

fn floor_div(a: i64, b: i64) -> Option<i64> {
    let q = a.checked_div(b)?;
    Some(if a % b != 0 && ((a < 0) != (b < 0)) {
        q - 1
    } else {
        q
    })
}

fn floor_mod(a: i64, b: i64) -> Option<i64> {
    let r = a.checked_rem(b)?;
    Some(if r != 0 && ((r < 0) != (b < 0)) {
        r + b
    } else {
        r
    })
}

/// Python's `op` on constant operands, where it is exact and does not raise.
pub fn fold(op: Op, args: &[Konst]) -> Option<Konst> {
    use Konst::{Bool, Float, Int};
    match (op, args) {
        (Op::Box | Op::Unbox, [a]) => Some(*a),
        (Op::FitsI64, [Int(_) | Bool(_)]) => Some(Bool(true)),
        (Op::Not, [a]) => Some(Bool(match *a {
            Int(i) => i == 0,
            Bool(b) => !b,
            Float(x) => x == 0.0,
        })),
        (Op::BitAnd, [Bool(a), Bool(b)]) => Some(Bool(*a & *b)),
        (Op::BitOr, [Bool(a), Bool(b)]) => Some(Bool(*a | *b)),
        (Op::BitXor, [Bool(a), Bool(b)]) => Some(Bool(*a ^ *b)),
        (_, [a]) => unary(op, num(*a)),
        (_, [a, b]) => binary(op, num(*a), num(*b)),
        _ => None,
    }
}

fn unary(op: Op, a: Num) -> Option<Konst> {
    use Konst::{Float, Int};
    match (op, a) {
        (Op::Neg, Num::I(i)) => i.checked_neg().map(Int),
        (Op::Neg, Num::F(x)) => Some(Float(-x)),
        (Op::Abs, Num::I(i)) => i.checked_abs().map(Int),
        (Op::Abs, Num::F(x)) => Some(Float(x.abs())),
        (Op::Invert, Num::I(i)) => Some(Int(!i)),
        _ => None,
    }
}

fn binary(op: Op, a: Num, b: Num) -> Option<Konst> {
    use Konst::{Bool, Float, Int};
    if let Some(order) = compare(op, a, b) {
        return Some(Bool(order));
    }
    match (a, b) {
        (Num::I(x), Num::I(y)) => match op {
            Op::Add => x.checked_add(y).map(Int),
            Op::Sub => x.checked_sub(y).map(Int),
            Op::Mul => x.checked_mul(y).map(Int),
            Op::FloorDiv => floor_div(x, y).map(Int),
            Op::Mod => floor_mod(x, y).map(Int),
            // int / int is correctly rounded; below 2**53 that is one float division.
            Op::TrueDiv
                if y != 0
                    && x.unsigned_abs() <= EXACT as u64
                    && y.unsigned_abs() <= EXACT as u64 =>
            {
                Some(Float(x as f64 / y as f64))
            }
            Op::BitAnd => Some(Int(x & y)),
            Op::BitOr => Some(Int(x | y)),
            Op::BitXor => Some(Int(x ^ y)),
            Op::Shl if (0..63).contains(&y) => {
                let r = x << y;
                (r >> y == x).then_some(Int(r))
            }
            Op::Shr if y >= 0 => Some(Int(x >> y.min(63))),
            _ => None,
        },
        _ => {
            let (x, y) = floats(a, b);
            match op {
                Op::Add => Some(Float(x + y)),
                Op::Sub => Some(Float(x - y)),
                Op::Mul => Some(Float(x * y)),
                Op::TrueDiv if y != 0.0 => Some(Float(x / y)),
                _ => None,
            }
        }
    }
}

/// A comparison's result; `None` for other ops, and for an int past 2**53
/// against a float (Python compares those exactly, not after converting).
fn compare(op: Op, a: Num, b: Num) -> Option<bool> {
    use std::cmp::Ordering;
    let order: Option<Ordering> = match (a, b) {
        (Num::I(x), Num::I(y)) => Some(x.cmp(&y)),
        (Num::I(i), Num::F(_)) | (Num::F(_), Num::I(i)) if i.unsigned_abs() > EXACT as u64 => {
            return None;
        }
        _ => {
            let (x, y) = floats(a, b);
            x.partial_cmp(&y)
        }
    };
    // An unordered pair (a nan) is only `!=`.
    Some(match op {
        Op::Lt => order == Some(Ordering::Less),
        Op::Le => matches!(order, Some(Ordering::Less | Ordering::Equal)),
        Op::Gt => order == Some(Ordering::Greater),
        Op::Ge => matches!(order, Some(Ordering::Greater | Ordering::Equal)),
        Op::Eq => order == Some(Ordering::Equal),
        Op::Ne => order != Some(Ordering::Equal),
        _ => return None,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    /// `input` is `op a b`; `expect` the folded constant or `-` for none.
    fn check(op: Op, args: &[Konst], expect: &str) {
        let got = fold(op, args).map_or("-".to_string(), |k| k.python());
        assert_eq!(got, expect, "{op:?} {args:?}");
    }

    #[test]
    fn folds_exactly_or_not_at_all() {
        use Konst::*;
        check(Op::FloorDiv, &[Int(-7), Int(2)], "(-4)");
        check(Op::Mod, &[Int(-7), Int(2)], "(1)");
        check(Op::Mod, &[Int(7), Int(-2)], "(-1)");
        check(Op::FloorDiv, &[Int(1), Int(0)], "-");
        check(Op::FloorDiv, &[Int(i64::MIN), Int(-1)], "-");
        check(Op::Add, &[Int(i64::MAX), Int(1)], "-");
        check(Op::Add, &[Bool(true), Bool(true)], "(2)");
        check(Op::BitAnd, &[Bool(true), Bool(false)], "False");
        check(Op::Lt, &[Float(f64::NAN), Float(1.0)], "False");
        check(Op::Ne, &[Float(f64::NAN), Float(f64::NAN)], "True");
        check(
            Op::Eq,
            &[Int((1 << 53) + 1), Float(9007199254740992.0)],
            "-",
        );
        check(Op::TrueDiv, &[Float(1.0), Float(-0.0)], "-");
        check(Op::Neg, &[Float(0.0)], "(-0.0)");
        check(Op::Shl, &[Int(1), Int(62)], "(4611686018427387904)");
        check(Op::Shl, &[Int(1), Int(63)], "-");
        check(Op::Shr, &[Int(-5), Int(100)], "(-1)");
        check(Op::Pow, &[Int(2), Int(3)], "-");
    }
}
