//! The vocabulary of rules: the pure ops of typed MIR, with Python's typing of
//! each (the result type for given operand types) and how each reads in Python.

use std::fmt;

/// The static types a rule variable may have. `Int` excludes bool: Python's bool
/// is an int subclass, and most int identities change the type of a bool.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Ty {
    Int,
    Bool,
    Float,
}

impl Ty {
    pub fn name(self) -> &'static str {
        match self {
            Ty::Int => "int",
            Ty::Bool => "bool",
            Ty::Float => "float",
        }
    }

    pub fn parse(text: &str) -> Option<Ty> {
        Some(match text {
            "int" => Ty::Int,
            "bool" => Ty::Bool,
            "float" => Ty::Float,
            _ => return None,
        })
    }
}

impl fmt::Display for Ty {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.name())
    }
}

/// A pure op. Each may still raise (`//` by zero): raising is part of its meaning,
/// and a rule must raise exactly when its left side does.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Op {
    Add,
    Sub,
    Mul,
    TrueDiv,
    FloorDiv,
    Mod,
    Pow,
    Neg,
    Abs,
    BitAnd,
    BitOr,
    BitXor,
    Invert,
    Shl,
    Shr,
    Not,
    Lt,
    Le,
    Gt,
    Ge,
    Eq,
    Ne,
    /// An unboxed value made into its object; the identity on Python values.
    Box,
    /// An object's unboxed value; the identity on Python values.
    Unbox,
    /// The overflow check of an unboxed int: -2**63 <= x < 2**63.
    FitsI64,
}

pub const ALL_OPS: [Op; 25] = [
    Op::Add,
    Op::Sub,
    Op::Mul,
    Op::TrueDiv,
    Op::FloorDiv,
    Op::Mod,
    Op::Pow,
    Op::Neg,
    Op::Abs,
    Op::BitAnd,
    Op::BitOr,
    Op::BitXor,
    Op::Invert,
    Op::Shl,
    Op::Shr,
    Op::Not,
    Op::Lt,
    Op::Le,
    Op::Gt,
    Op::Ge,
    Op::Eq,
    Op::Ne,
    Op::Box,
    Op::Unbox,
    Op::FitsI64,
];

impl Op {
    pub fn name(self) -> &'static str {
        match self {
            Op::Add => "add",
            Op::Sub => "sub",
            Op::Mul => "mul",
            Op::TrueDiv => "truediv",
            Op::FloorDiv => "floordiv",
            Op::Mod => "mod",
            Op::Pow => "pow",
            Op::Neg => "neg",
            Op::Abs => "abs",
            Op::BitAnd => "bitand",
            Op::BitOr => "bitor",
            Op::BitXor => "bitxor",
            Op::Invert => "invert",
            Op::Shl => "shl",
            Op::Shr => "shr",
            Op::Not => "not",
            Op::Lt => "lt",
            Op::Le => "le",
            Op::Gt => "gt",
            Op::Ge => "ge",
            Op::Eq => "eq",
            Op::Ne => "ne",
            Op::Box => "box",
            Op::Unbox => "unbox",
            Op::FitsI64 => "fits_i64",
        }
    }

    pub fn parse(text: &str) -> Option<Op> {
        ALL_OPS.into_iter().find(|op| op.name() == text)
    }

    pub fn arity(self) -> usize {
        match self {
            Op::Neg | Op::Abs | Op::Invert | Op::Not | Op::Box | Op::Unbox | Op::FitsI64 => 1,
            _ => 2,
        }
    }

    /// The Python expression of this op applied to rendered operands.
    pub fn python(self, args: &[String]) -> String {
        let bin = |sym: &str| format!("({} {sym} {})", args[0], args[1]);
        match self {
            Op::Add => bin("+"),
            Op::Sub => bin("-"),
            Op::Mul => bin("*"),
            Op::TrueDiv => bin("/"),
            Op::FloorDiv => bin("//"),
            Op::Mod => bin("%"),
            Op::Pow => bin("**"),
            Op::BitAnd => bin("&"),
            Op::BitOr => bin("|"),
            Op::BitXor => bin("^"),
            Op::Shl => bin("<<"),
            Op::Shr => bin(">>"),
            Op::Lt => bin("<"),
            Op::Le => bin("<="),
            Op::Gt => bin(">"),
            Op::Ge => bin(">="),
            Op::Eq => bin("=="),
            Op::Ne => bin("!="),
            Op::Neg => format!("(-{})", args[0]),
            Op::Invert => format!("(~{})", args[0]),
            Op::Not => format!("(not {})", args[0]),
            Op::Abs => format!("abs({})", args[0]),
            Op::Box | Op::Unbox => format!("({})", args[0]),
            Op::FitsI64 => format!("(-(2**63) <= {} < 2**63)", args[0]),
        }
    }

    /// Python's result type for these operand types, or `None` where Python
    /// raises TypeError (or the result type depends on the values, as for
    /// `int ** int`, which is a float for a negative exponent).
    pub fn result(self, args: &[Ty]) -> Option<Ty> {
        use Ty::*;
        let numeric = |a: Ty, b: Ty| if a == Float || b == Float { Float } else { Int };
        Some(match (self, args) {
            (Op::Add | Op::Sub | Op::Mul | Op::FloorDiv | Op::Mod, [a, b]) => numeric(*a, *b),
            (Op::TrueDiv, [_, _]) => Float,
            (Op::Pow, [a, b]) if *a == Float || *b == Float => Float,
            // Typed as int only with a constant non-negative exponent; see `Term::ty`.
            (Op::Pow, [_, _]) => return None,
            (Op::Neg | Op::Abs, [Float]) => Float,
            (Op::Neg | Op::Abs, [_]) => Int,
            (Op::BitAnd | Op::BitOr | Op::BitXor, [Bool, Bool]) => Bool,
            (Op::BitAnd | Op::BitOr | Op::BitXor | Op::Shl | Op::Shr, [a, b])
                if *a != Float && *b != Float =>
            {
                Int
            }
            (Op::Invert, [a]) if *a != Float => Int,
            (Op::Not, [_]) => Bool,
            (Op::Lt | Op::Le | Op::Gt | Op::Ge | Op::Eq | Op::Ne, [_, _]) => Bool,
            (Op::Box | Op::Unbox, [a]) => *a,
            (Op::FitsI64, [a]) if *a != Float => Bool,
            _ => return None,
        })
    }
}
