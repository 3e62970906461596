//! Operators on dynamic values: dispatch on the operand types to the int, float and
//! str implementations, with CPython's coercions and its `TypeError` messages.

use std::cmp::Ordering;

use skink_abi::{self as abi, Word};

use crate::exc::{self, PyResult};
use crate::int::{self, Int};
use crate::object::{self, type_name};
use crate::{float, str as pystr};

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum BinOp {
    Add,
    Sub,
    Mul,
    TrueDiv,
    FloorDiv,
    Mod,
    Pow,
    LShift,
    RShift,
    And,
    Or,
    Xor,
}

impl BinOp {
    fn symbol(self) -> &'static str {
        match self {
            BinOp::Add => "+",
            BinOp::Sub => "-",
            BinOp::Mul => "*",
            BinOp::TrueDiv => "/",
            BinOp::FloorDiv => "//",
            BinOp::Mod => "%",
            BinOp::Pow => "** or pow()",
            BinOp::LShift => "<<",
            BinOp::RShift => ">>",
            BinOp::And => "&",
            BinOp::Or => "|",
            BinOp::Xor => "^",
        }
    }
}

#[derive(Clone, Copy)]
pub enum Num<'a> {
    Int(Int<'a>),
    Float(f64),
}

pub fn num_of<'a>(w: Word) -> Option<Num<'a>> {
    int::int_of(w)
        .map(Num::Int)
        .or_else(|| object::as_float(w).map(Num::Float))
}

fn to_f64(n: Num) -> PyResult<f64> {
    match n {
        Num::Int(i) => int::to_f64(i),
        Num::Float(f) => Ok(f),
    }
}

fn unsupported<T>(op: BinOp, a: Word, b: Word) -> PyResult<T> {
    exc::type_error(format!(
        "unsupported operand type(s) for {}: '{}' and '{}'",
        op.symbol(),
        type_name(a),
        type_name(b)
    ))
}

fn is_bool(w: Word) -> bool {
    w == abi::TRUE || w == abi::FALSE
}

/// `a OP b` for every binary operator.
pub fn binary(op: BinOp, a: Word, b: Word) -> PyResult<Word> {
    match (num_of(a), num_of(b)) {
        (Some(Num::Int(x)), Some(Num::Int(y))) => int_binary(op, a, b, x, y),
        (Some(x), Some(y)) => float_binary(op, a, b, x, y),
        _ => sequence_binary(op, a, b),
    }
}

fn int_binary(op: BinOp, a: Word, b: Word, x: Int, y: Int) -> PyResult<Word> {
    // `&`, `|` and `^` of two bools stay bools.
    let both_bool = is_bool(a) && is_bool(b);
    Ok(match op {
        BinOp::Add => int::add(x, y),
        BinOp::Sub => int::sub(x, y),
        BinOp::Mul => int::mul(x, y),
        BinOp::TrueDiv => object::new_float(int::truediv(x, y)?),
        BinOp::FloorDiv => int::floordiv(x, y)?,
        BinOp::Mod => int::modulo(x, y)?,
        BinOp::Pow if y.is_negative() => {
            object::new_float(float::pow(int::to_f64(x)?, int::to_f64(y)?)?)
        }
        BinOp::Pow => int::pow_nonneg(x, y)?,
        BinOp::LShift => int::lshift(x, y)?,
        BinOp::RShift => int::rshift(x, y)?,
        BinOp::And if both_bool => abi::bool_word(a == abi::TRUE && b == abi::TRUE),
        BinOp::Or if both_bool => abi::bool_word(a == abi::TRUE || b == abi::TRUE),
        BinOp::Xor if both_bool => abi::bool_word((a == abi::TRUE) != (b == abi::TRUE)),
        BinOp::And => int::bitand(x, y),
        BinOp::Or => int::bitor(x, y),
        BinOp::Xor => int::bitxor(x, y),
    })
}

fn float_binary(op: BinOp, a: Word, b: Word, x: Num, y: Num) -> PyResult<Word> {
    if matches!(
        op,
        BinOp::LShift | BinOp::RShift | BinOp::And | BinOp::Or | BinOp::Xor
    ) {
        return unsupported(op, a, b);
    }
    let (x, y) = (to_f64(x)?, to_f64(y)?);
    let r = match op {
        BinOp::Add => x + y,
        BinOp::Sub => x - y,
        BinOp::Mul => x * y,
        BinOp::TrueDiv => float::truediv(x, y)?,
        BinOp::FloorDiv => float::floordiv(x, y)?,
        BinOp::Mod => float::modulo(x, y)?,
        BinOp::Pow => float::pow(x, y)?,
        _ => unreachable!("bitwise operators were refused above"),
    };
    Ok(object::new_float(r))
}

/// The repeat count of `seq * n`: `None` when `n` does not fit a machine word.
fn repeat_count(n: Int) -> Option<i64> {
    match n {
        Int::Small(v) => Some(v),
        Int::Big(b) => num_traits::ToPrimitive::to_i64(b),
    }
}

fn sequence_binary(op: BinOp, a: Word, b: Word) -> PyResult<Word> {
    match op {
        BinOp::Add => {
            if let (Some(x), Some(y)) = (object::as_str(a), object::as_str(b)) {
                return Ok(object::new_str(format!("{}{}", x.value, y.value)));
            }
            if let (Some(x), Some(y)) = (object::as_tuple(a), object::as_tuple(b)) {
                let items: Vec<Word> = x.items.iter().chain(&y.items).copied().collect();
                items.iter().for_each(|&w| object::incref(w));
                return Ok(object::new_tuple(items));
            }
            if object::as_str(a).is_some() && object::as_str(b).is_none() {
                return exc::type_error(format!(
                    "can only concatenate str (not \"{}\") to str",
                    type_name(b)
                ));
            }
        }
        BinOp::Mul => {
            let (seq, count) = if int::int_of(b).is_some() {
                (a, b)
            } else {
                (b, a)
            };
            if let Some(n) = int::int_of(count) {
                if let Some(s) = object::as_str(seq) {
                    return Ok(object::new_str(pystr::repeat(
                        &s.value,
                        s.char_len,
                        repeat_count(n),
                    )?));
                }
            } else if object::as_str(a).is_some() || object::as_str(b).is_some() {
                let other = if object::as_str(a).is_some() { b } else { a };
                return exc::type_error(format!(
                    "can't multiply sequence by non-int of type '{}'",
                    type_name(other)
                ));
            }
        }
        _ => {}
    }
    unsupported(op, a, b)
}

pub fn neg(a: Word) -> PyResult<Word> {
    match num_of(a) {
        Some(Num::Int(x)) => Ok(int::neg(x)),
        Some(Num::Float(f)) => Ok(object::new_float(-f)),
        None => exc::type_error(format!("bad operand type for unary -: '{}'", type_name(a))),
    }
}

pub fn pos(a: Word) -> PyResult<Word> {
    match num_of(a) {
        Some(Num::Int(x)) => Ok(int::to_word(x)),
        Some(Num::Float(f)) => Ok(object::new_float(f)),
        None => exc::type_error(format!("bad operand type for unary +: '{}'", type_name(a))),
    }
}

pub fn invert(a: Word) -> PyResult<Word> {
    match int::int_of(a) {
        Some(x) => Ok(int::invert(x)),
        None => exc::type_error(format!("bad operand type for unary ~: '{}'", type_name(a))),
    }
}

pub fn truthy(a: Word) -> PyResult<bool> {
    if abi::is_small_int(a) {
        return Ok(a != abi::small_int(0));
    }
    match a {
        abi::TRUE => return Ok(true),
        abi::FALSE | abi::NONE => return Ok(false),
        _ => {}
    }
    if let Some(f) = object::as_float(a) {
        return Ok(f != 0.0);
    }
    if let Some(s) = object::as_str(a) {
        return Ok(!s.value.is_empty());
    }
    if let Some(t) = object::as_tuple(a) {
        return Ok(!t.items.is_empty());
    }
    // Big ints are never zero (zero is small).
    Ok(true)
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum CmpOp {
    Eq,
    Ne,
    Lt,
    Le,
    Gt,
    Ge,
}

impl CmpOp {
    fn symbol(self) -> &'static str {
        match self {
            CmpOp::Eq => "==",
            CmpOp::Ne => "!=",
            CmpOp::Lt => "<",
            CmpOp::Le => "<=",
            CmpOp::Gt => ">",
            CmpOp::Ge => ">=",
        }
    }

    fn holds(self, ord: Ordering) -> bool {
        match self {
            CmpOp::Eq => ord == Ordering::Equal,
            CmpOp::Ne => ord != Ordering::Equal,
            CmpOp::Lt => ord == Ordering::Less,
            CmpOp::Le => ord != Ordering::Greater,
            CmpOp::Gt => ord == Ordering::Greater,
            CmpOp::Ge => ord != Ordering::Less,
        }
    }
}

/// Orders two values of comparable types; `Ok(None)` for unordered (NaN) and
/// `Err` never; incomparable types are reported by the caller.
fn ordering(a: Word, b: Word) -> Option<Option<Ordering>> {
    match (num_of(a), num_of(b)) {
        (Some(Num::Int(x)), Some(Num::Int(y))) => return Some(Some(int::cmp(x, y))),
        (Some(Num::Float(x)), Some(Num::Float(y))) => return Some(x.partial_cmp(&y)),
        (Some(Num::Int(x)), Some(Num::Float(y))) => return Some(float::cmp_int_float(x, y)),
        (Some(Num::Float(x)), Some(Num::Int(y))) => {
            return Some(float::cmp_int_float(y, x).map(Ordering::reverse));
        }
        _ => {}
    }
    if let (Some(x), Some(y)) = (object::as_str(a), object::as_str(b)) {
        // UTF-8 byte order is code point order.
        return Some(Some(x.value.as_bytes().cmp(y.value.as_bytes())));
    }
    None
}

/// `a == b` as CPython's `PyObject_RichCompareBool`: identity implies equality.
pub fn equal(a: Word, b: Word) -> PyResult<bool> {
    if a == b {
        return Ok(true);
    }
    compare(CmpOp::Eq, a, b)
}

pub fn compare(op: CmpOp, a: Word, b: Word) -> PyResult<bool> {
    if let Some(ord) = ordering(a, b) {
        return Ok(match ord {
            Some(o) => op.holds(o),
            None => op == CmpOp::Ne,
        });
    }
    if let (Some(x), Some(y)) = (object::as_tuple(a), object::as_tuple(b)) {
        return compare_tuples(op, &x.items, &y.items);
    }
    match op {
        // Values of unrelated types compare by identity.
        CmpOp::Eq => Ok(a == b),
        CmpOp::Ne => Ok(a != b),
        _ => exc::type_error(format!(
            "'{}' not supported between instances of '{}' and '{}'",
            op.symbol(),
            type_name(a),
            type_name(b)
        )),
    }
}

fn compare_tuples(op: CmpOp, x: &[Word], y: &[Word]) -> PyResult<bool> {
    for (&p, &q) in x.iter().zip(y) {
        if !equal(p, q)? {
            return match op {
                CmpOp::Eq => Ok(false),
                CmpOp::Ne => Ok(true),
                _ => compare(op, p, q),
            };
        }
    }
    Ok(op.holds(x.len().cmp(&y.len())))
}

/// `str(w)`.
pub fn str_of(w: Word) -> PyResult<String> {
    if let Some(s) = object::as_str(w) {
        return Ok(s.value.clone());
    }
    if let Some(e) = object::as_exception(w) {
        return Ok(e.message.clone());
    }
    repr_of(w)
}

/// `repr(w)`.
pub fn repr_of(w: Word) -> PyResult<String> {
    if let Some(i) = int::int_of(w) {
        return match w {
            abi::TRUE => Ok("True".into()),
            abi::FALSE => Ok("False".into()),
            _ => int::to_decimal(i),
        };
    }
    if w == abi::NONE {
        return Ok("None".into());
    }
    if let Some(f) = object::as_float(w) {
        return Ok(float::repr(f));
    }
    if let Some(s) = object::as_str(w) {
        return Ok(pystr::repr(&s.value));
    }
    if let Some(t) = object::as_tuple(w) {
        let parts = t
            .items
            .iter()
            .map(|&item| repr_of(item))
            .collect::<PyResult<Vec<_>>>()?;
        return Ok(match parts.len() {
            1 => format!("({},)", parts[0]),
            _ => format!("({})", parts.join(", ")),
        });
    }
    if let Some(e) = object::as_exception(w) {
        return Ok(format!("{}({})", e.ty.name(), pystr::repr(&e.message)));
    }
    Ok(format!("<{} object>", type_name(w)))
}
