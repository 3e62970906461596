//! Operators on dynamic values: dispatch on the operand types to the int, float and
//! str implementations, with CPython's coercions and its `TypeError` messages.

use std::cmp::Ordering;

use skink_abi::{self as abi, Word};

use crate::exc::{self, PyResult};
use crate::int::{self, Int};
use crate::object::{self, PyType, type_name};
use crate::{float, settable, str as pystr};

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

pub fn unsupported<T>(op: BinOp, a: Word, b: Word) -> PyResult<T> {
    unsupported_as(op.symbol(), a, b)
}

fn unsupported_as<T>(symbol: &str, a: Word, b: Word) -> PyResult<T> {
    exc::type_error(format!(
        "unsupported operand type(s) for {symbol}: '{}' and '{}'",
        type_name(a),
        type_name(b)
    ))
}

fn is_bool(w: Word) -> bool {
    w == abi::TRUE || w == abi::FALSE
}

/// `a OP b` for every binary operator.
pub fn binary(op: BinOp, a: Word, b: Word) -> PyResult<Word> {
    binary_as(op, a, b, false)
}

/// `a OP b`, or for an augmented assignment whose operands have no in-place
/// meaning, `a OP= b` (whose failure names `OP=`).
fn binary_as(op: BinOp, a: Word, b: Word, inplace: bool) -> PyResult<Word> {
    // Text built by `+` (strs are never user objects here).
    if op == BinOp::Add
        && let (Some(x), Some(y)) = (object::as_str(a), object::as_str(b))
    {
        return Ok(concat_strs(x, y));
    }
    // Sums of small ints reach here from the runtime's own loops (`sum`); the
    // untagged values are below 2**62 in size, so neither can overflow an i64.
    if abi::is_small_int(a) && abi::is_small_int(b) {
        match op {
            BinOp::Add => return Ok(int::from_i64((a >> 1) + (b >> 1))),
            BinOp::Sub => return Ok(int::from_i64((a >> 1) - (b >> 1))),
            _ => {}
        }
    }
    // Float arithmetic on values the compiler could not unbox is the commonest
    // case that reaches here (the int fast paths are inline in compiled code).
    if let (Some(x), Some(y)) = (object::as_float(a), object::as_float(b)) {
        match op {
            BinOp::Add => return Ok(object::new_float(x + y)),
            BinOp::Sub => return Ok(object::new_float(x - y)),
            BinOp::Mul => return Ok(object::new_float(x * y)),
            _ => {}
        }
    }
    match (num_of(a), num_of(b)) {
        (Some(Num::Int(x)), Some(Num::Int(y))) => int_binary(op, a, b, x, y),
        (Some(x), Some(y)) => float_binary(op, a, b, x, y, inplace),
        _ => match crate::class::binary_op(op, a, b) {
            Some(r) => r,
            None => sequence_op(op, a, b, inplace),
        },
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

fn float_binary(op: BinOp, a: Word, b: Word, x: Num, y: Num, inplace: bool) -> PyResult<Word> {
    if matches!(
        op,
        BinOp::LShift | BinOp::RShift | BinOp::And | BinOp::Or | BinOp::Xor
    ) {
        return unsupported_for(op, a, b, inplace);
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

fn concat_items(x: &[Word], y: &[Word]) -> Vec<Word> {
    let items: Vec<Word> = x.iter().chain(y).copied().collect();
    items.iter().for_each(|&w| object::incref(w));
    items
}

/// `items * n` with new references; `None` for a count that cannot fit.
pub fn repeat_items(items: &[Word], n: Option<i64>) -> PyResult<Vec<Word>> {
    let n = match n {
        Some(n) if n <= 0 => return Ok(Vec::new()),
        Some(n) => n as usize,
        None => return exc::overflow_error("cannot fit 'int' into an index-sized integer"),
    };
    if items.is_empty() {
        return Ok(Vec::new());
    }
    let total = items
        .len()
        .checked_mul(n)
        .filter(|&t| t <= (isize::MAX as usize) / 8);
    let Some(total) = total else {
        return exc::raise(exc::ExcType::MemoryError, "");
    };
    let mut out = Vec::with_capacity(total);
    if let [item] = items {
        // `[x] * n`, the common case: a fill, not n copies of one word.
        out.resize(total, *item);
    } else {
        // Doubling copies: log2(n) copies instead of n.
        out.extend_from_slice(items);
        while out.len() < total {
            let more = (total - out.len()).min(out.len());
            out.extend_from_within(..more);
        }
    }
    // One count per item, raised by the number of copies at once.
    for &w in items {
        object::incref_by(w, n as i64);
    }
    Ok(out)
}

pub fn sequence_binary(op: BinOp, a: Word, b: Word) -> PyResult<Word> {
    sequence_op(op, a, b, false)
}

/// `x + y` of two strs (the length known, not counted again).
fn concat_strs(x: &object::StrObj, y: &object::StrObj) -> Word {
    let mut s = String::with_capacity(x.value.len() + y.value.len());
    s.push_str(&x.value);
    s.push_str(&y.value);
    object::new_str_counted(s, x.char_len + y.char_len)
}

/// The sequence and mapping meanings of the operators (concatenation,
/// repetition, dict union); an augmented assignment's failure names `op=`.
pub fn sequence_op(op: BinOp, a: Word, b: Word, inplace: bool) -> PyResult<Word> {
    match op {
        BinOp::Add => {
            if let (Some(x), Some(y)) = (object::as_str(a), object::as_str(b)) {
                return Ok(concat_strs(x, y));
            }
            if let (Some(x), Some(y)) = (object::as_tuple(a), object::as_tuple(b)) {
                return Ok(object::new_tuple(concat_items(&x.items, &y.items)));
            }
            if let (Some(x), Some(y)) = (object::as_list(a), object::as_list(b)) {
                let items = concat_items(&x.items, &y.items);
                return Ok(object::new_list(items));
            }
            if let (Some(x), Some(y)) = (object::as_bytes(a), object::as_bytes(b)) {
                return Ok(object::new_bytes([x.value.as_slice(), &y.value].concat()));
            }
            let what = match object::dispatch_type(a) {
                PyType::Str => Some("str"),
                PyType::List => Some("list"),
                PyType::Tuple => Some("tuple"),
                _ => None,
            };
            if let Some(what) = what {
                return exc::type_error(format!(
                    "can only concatenate {what} (not \"{}\") to {what}",
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
            let is_seq = |w: Word| {
                matches!(
                    object::dispatch_type(w),
                    PyType::Str | PyType::List | PyType::Tuple | PyType::Bytes
                )
            };
            if let Some(n) = int::int_of(count) {
                let n = repeat_count(n);
                if let Some(s) = object::as_str(seq) {
                    return Ok(object::new_str(pystr::repeat(&s.value, s.char_len, n)?));
                }
                if let Some(t) = object::as_tuple(seq) {
                    return Ok(object::new_tuple(repeat_items(&t.items, n)?));
                }
                if let Some(l) = object::as_list(seq) {
                    let items = repeat_items(&l.items, n)?;
                    return Ok(object::new_list(items));
                }
                if let Some(bs) = object::as_bytes(seq) {
                    let n = n.unwrap_or(i64::MAX).max(0) as usize;
                    if bs
                        .value
                        .len()
                        .checked_mul(n)
                        .is_none_or(|t| t > isize::MAX as usize / 2)
                    {
                        return exc::raise(exc::ExcType::MemoryError, "");
                    }
                    return Ok(object::new_bytes(bs.value.repeat(n)));
                }
            } else if is_seq(a) || is_seq(b) {
                let other = if is_seq(a) { b } else { a };
                return exc::type_error(format!(
                    "can't multiply sequence by non-int of type '{}'",
                    type_name(other)
                ));
            }
        }
        BinOp::Mod if object::as_str(a).is_some() => return crate::fmt::percent(a, b),
        BinOp::Or | BinOp::And | BinOp::Sub | BinOp::Xor => {
            if let Some(r) = crate::setops::binary(op, a, b) {
                return r;
            }
            // Keys and items views are set-like: the result is a set.
            let set_like = |w: Word| {
                object::as_dict_view(w).is_some_and(|v| v.which != object::ViewKind::Values)
            };
            if set_like(a) || set_like(b) {
                let other = if set_like(a) { b } else { a };
                if object::as_anyset(other).is_some()
                    || crate::iter::iter(other).map(object::decref).is_ok()
                {
                    let x = object::Owned(crate::setops::set_of(a)?);
                    let y = object::Owned(crate::setops::set_of(b)?);
                    if let Some(r) = crate::setops::binary(op, x.0, y.0) {
                        return r;
                    }
                } else {
                    exc::clear_pending();
                }
            }
            if op == BinOp::Or
                && let (Some(x), Some(y)) = (object::as_dict(a), object::as_dict(b))
            {
                let mut d = x.copy();
                for e in y.iter() {
                    d.set_hashed(e.key, e.hash, e.value)?;
                }
                return Ok(object::new_dict(d));
            }
        }
        _ => {}
    }
    unsupported_for(op, a, b, inplace)
}

fn unsupported_for<T>(op: BinOp, a: Word, b: Word, inplace: bool) -> PyResult<T> {
    match (inplace, op) {
        (false, _) => unsupported(op, a, b),
        (true, BinOp::Pow) => unsupported_as("**=", a, b),
        (true, _) => unsupported_as(&format!("{}=", op.symbol()), a, b),
    }
}

/// `a op= b`: lists, sets and dicts change in place; everything else rebinds.
/// Returns a new reference to the result.
pub fn inplace(op: BinOp, a: Word, b: Word) -> PyResult<Word> {
    // Numbers have no in-place forms; skip the searches for one.
    if num_of(a).is_some() && num_of(b).is_some() {
        return binary_as(op, a, b, true);
    }
    if let Some(r) = crate::class::inplace_op(op, a, b) {
        return r;
    }
    if let Some(list) = object::as_list(a) {
        match op {
            BinOp::Add => {
                let items = crate::iter::collect(b)?;
                let list = object::as_list(a).unwrap_or(list);
                list.items.extend(items);
                object::incref(a);
                return Ok(a);
            }
            BinOp::Mul if int::int_of(b).is_some() => {
                let n = int::int_of(b).and_then(repeat_count);
                let items = repeat_items(&list.items, n)?;
                let old = std::mem::replace(&mut list.items.0, items);
                old.iter().for_each(|&w| object::decref(w));
                object::incref(a);
                return Ok(a);
            }
            _ => {}
        }
    }
    if object::is_set(a)
        && let Some(r) = crate::setops::inplace(op, a, b)
    {
        return r;
    }
    if op == BinOp::Or && object::as_dict(a).is_some() {
        crate::methods::dict_update(a, b)?;
        object::incref(a);
        return Ok(a);
    }
    binary_as(op, a, b, true)
}

pub fn neg(a: Word) -> PyResult<Word> {
    if let Some(r) = crate::class::unary(a, "__neg__") {
        return r;
    }
    match num_of(a) {
        Some(Num::Int(x)) => Ok(int::neg(x)),
        Some(Num::Float(f)) => Ok(object::new_float(-f)),
        None => exc::type_error(format!("bad operand type for unary -: '{}'", type_name(a))),
    }
}

pub fn pos(a: Word) -> PyResult<Word> {
    if let Some(r) = crate::class::unary(a, "__pos__") {
        return r;
    }
    match num_of(a) {
        Some(Num::Int(x)) => Ok(int::to_word(x)),
        Some(Num::Float(f)) => Ok(object::new_float(f)),
        None => exc::type_error(format!("bad operand type for unary +: '{}'", type_name(a))),
    }
}

pub fn invert(a: Word) -> PyResult<Word> {
    if let Some(r) = crate::class::unary(a, "__invert__") {
        return r;
    }
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
    if let Some(items) = object::as_seq(a) {
        return Ok(!items.is_empty());
    }
    if let Some(d) = object::as_dict(a) {
        return Ok(!d.is_empty());
    }
    if let Some(t) = object::as_anyset(a) {
        return Ok(!t.is_empty());
    }
    if let Some(b) = object::as_bytes(a) {
        return Ok(!b.value.is_empty());
    }
    if object::as_range(a).is_some() || object::as_dict_view(a).is_some() {
        return Ok(crate::builtins::length(a)? != 0);
    }
    if let Some(r) = crate::class::truthy(a) {
        return r;
    }
    if let Some(arr) = crate::array::as_array(a) {
        return Ok(crate::array::len(arr) != 0);
    }
    // Big ints are never zero (zero is small); other objects are true.
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

/// The operator's symbol, as error messages print it.
pub fn cmp_symbol(op: CmpOp) -> &'static str {
    op.symbol()
}

/// `a OP b` as the comparison operators evaluate it: a user class's method may
/// return any object.
pub fn rich_compare(op: CmpOp, a: Word, b: Word) -> PyResult<Word> {
    // Two strs (never user objects: str cannot be subclassed here), the commonest
    // comparison compiled code leaves to the runtime.
    if let (Some(x), Some(y)) = (object::as_str(a), object::as_str(b)) {
        let (x, y) = (x.value.as_bytes(), y.value.as_bytes());
        return Ok(abi::bool_word(match op {
            CmpOp::Eq => x == y,
            CmpOp::Ne => x != y,
            // UTF-8 byte order is code point order.
            _ => op.holds(x.cmp(y)),
        }));
    }
    if let Some(r) = crate::class::rich_compare(op, a, b) {
        return r;
    }
    compare(op, a, b).map(abi::bool_word)
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
    if abi::is_small_int(a) && abi::is_small_int(b) {
        // Two small ints are equal only as the same word.
        return Ok(false);
    }
    if let (Some(x), Some(y)) = (object::as_str(a), object::as_str(b)) {
        // Set and dict probes of str keys: lengths first, then the bytes.
        return Ok(x.value == y.value);
    }
    compare(CmpOp::Eq, a, b)
}

pub fn compare(op: CmpOp, a: Word, b: Word) -> PyResult<bool> {
    if abi::is_small_int(a) && abi::is_small_int(b) {
        // The tagged words order as the ints do.
        return Ok(op.holds(a.cmp(&b)));
    }
    if let Some(ord) = ordering(a, b) {
        return Ok(match ord {
            Some(o) => op.holds(o),
            None => op == CmpOp::Ne,
        });
    }
    // Numbers and strs (above) are never user objects.
    if let Some(r) = crate::class::rich_compare(op, a, b) {
        let r = object::Owned(r?);
        return truthy(r.0);
    }
    if let (Some(x), Some(y)) = (object::as_tuple(a), object::as_tuple(b)) {
        return compare_seqs(op, &x.items, &y.items);
    }
    if let (Some(x), Some(y)) = (object::as_list(a), object::as_list(b)) {
        // Snapshots with references: a comparison may run code that mutates the lists.
        let (x, y) = (shared(&x.items), shared(&y.items));
        return compare_seqs(op, &x, &y);
    }
    if let (Some(x), Some(y)) = (object::as_bytes(a), object::as_bytes(b)) {
        return Ok(op.holds(x.value.cmp(&y.value)));
    }
    if object::as_anyset(a).is_some() && object::as_anyset(b).is_some() {
        return crate::setops::compare(op, a, b);
    }
    if let (Some(x), Some(y), CmpOp::Eq | CmpOp::Ne) =
        (crate::array::as_array(a), crate::array::as_array(b), op)
    {
        return Ok(crate::array::equal(x, y)? == (op == CmpOp::Eq));
    }
    if matches!(op, CmpOp::Eq | CmpOp::Ne) {
        if let Some(eq) = container_eq(a, b)? {
            return Ok(eq == (op == CmpOp::Eq));
        }
        if let (Some(x), Some(y)) = (method_identity(a), method_identity(b)) {
            return Ok((x == y) == (op == CmpOp::Eq));
        }
        // Values of unrelated types compare by identity.
        return Ok((a == b) == (op == CmpOp::Eq));
    }
    exc::type_error(format!(
        "'{}' not supported between instances of '{}' and '{}'",
        op.symbol(),
        type_name(a),
        type_name(b)
    ))
}

/// What makes two bound methods equal (CPython 3.8+): the same receiver (by
/// identity) and the same function, or for builtin methods the same name.
fn method_identity(w: Word) -> Option<(Word, Word, String)> {
    if let Some(m) = crate::function::as_method(w) {
        return Some((m.receiver.0, m.func.0, String::new()));
    }
    object::as_bound_method(w).map(|m| (m.receiver.0, abi::NULL, m.name.clone()))
}

/// New references to `items`, released when the vector drops.
fn shared(items: &[Word]) -> object::Items {
    items.iter().for_each(|&w| object::incref(w));
    object::Items(items.to_vec())
}

/// Equality of dicts, ranges, dict views and type objects; `None` when it does not apply.
fn container_eq(a: Word, b: Word) -> PyResult<Option<bool>> {
    if let (Some(x), Some(y)) = (object::as_dict(a), object::as_dict(b)) {
        if x.len() != y.len() {
            return Ok(Some(false));
        }
        let entries: Vec<_> = x.iter().collect();
        for e in entries {
            let Some(v) = y.get_hashed(e.key, e.hash)? else {
                return Ok(Some(false));
            };
            let v = object::Owned::share(v);
            let value = object::Owned::share(e.value);
            if !equal(value.0, v.0)? {
                return Ok(Some(false));
            }
        }
        return Ok(Some(true));
    }
    if let (Some(x), Some(y)) = (object::as_range(a), object::as_range(b)) {
        let (lx, ly) = (crate::builtins::length(a)?, crate::builtins::length(b)?);
        if lx != ly {
            return Ok(Some(false));
        }
        if lx == 0 {
            return Ok(Some(true));
        }
        if !equal(x.start.0, y.start.0)? {
            return Ok(Some(false));
        }
        return Ok(Some(lx == 1 || equal(x.step.0, y.step.0)?));
    }
    if let (Some(x), Some(y)) = (object::as_type(a), object::as_type(b)) {
        return Ok(Some(x.same(y)));
    }
    if let (Some(x), Some(y)) = (object::as_dict_view(a), object::as_dict_view(b))
        && x.which == y.which
        && x.which != object::ViewKind::Values
    {
        let (sx, sy) = (crate::setops::set_of(a)?, crate::setops::set_of(b)?);
        let (sx, sy) = (object::Owned(sx), object::Owned(sy));
        return Ok(Some(crate::setops::compare(CmpOp::Eq, sx.0, sy.0)?));
    }
    Ok(None)
}

fn compare_seqs(op: CmpOp, x: &[Word], y: &[Word]) -> PyResult<bool> {
    exc::nested(" in comparison", || compare_items(op, x, y))
}

/// Whether `w` cannot hold other objects (a small int or a str): hashing it
/// cannot recurse, so needs no recursion guard.
#[inline]
fn flat_item(w: Word) -> bool {
    abi::is_small_int(w) || object::as_str(w).is_some()
}

fn compare_items(op: CmpOp, x: &[Word], y: &[Word]) -> PyResult<bool> {
    if matches!(op, CmpOp::Eq | CmpOp::Ne) && x.len() != y.len() {
        return Ok(op == CmpOp::Ne);
    }
    for (&p, &q) in x.iter().zip(y) {
        // `equal` and `compare` start with these two tests too; made here, the
        // commonest items (small ints) cost no call (lists_sort 7% fewer
        // instructions than leaving them to `equal`).
        if p == q {
            // Identity implies equality (`PyObject_RichCompareBool`), and
            // two small ints are equal only when their words are.
            continue;
        }
        if abi::is_small_int(p) && abi::is_small_int(q) {
            return Ok(match op {
                CmpOp::Eq => false,
                CmpOp::Ne => true,
                _ => op.holds(p.cmp(&q)),
            });
        }
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

/// `hash(w)`, as CPython computes it wherever CPython's is deterministic.
pub fn hash(w: Word) -> PyResult<i64> {
    if abi::is_small_int(w) {
        return Ok(settable::hash_i64(w >> 1));
    }
    match w {
        abi::TRUE => return Ok(1),
        abi::FALSE => return Ok(0),
        // CPython hashes None by address; any constant is as good.
        abi::NONE => return Ok(0x7a3b_2c1d),
        _ => {}
    }
    if let Some(b) = object::as_big(w) {
        return Ok(settable::hash_int(b));
    }
    if let Some(f) = object::as_float(w) {
        // NaN hashes by identity in CPython 3.10+.
        return Ok(settable::hash_float(f).unwrap_or(identity_hash(w)));
    }
    if let Some(s) = object::as_str(w) {
        return Ok(s.hash());
    }
    if let Some(t) = object::as_tuple(w) {
        let mut h = settable::TupleHash::new();
        let mut add_all = || -> PyResult<()> {
            for &item in t.items.iter() {
                h.add(hash(item)?);
            }
            Ok(())
        };
        if t.items.iter().all(|&i| flat_item(i)) {
            add_all()?;
        } else {
            exc::nested("", add_all)?;
        }
        return Ok(h.finish());
    }
    if let Some(b) = object::as_bytes(w) {
        return Ok(settable::hash_bytes(&b.value));
    }
    if object::is_frozenset(w) {
        return Ok(crate::setops::frozenset_hash(w));
    }
    if let Some(h) = crate::class::hash(w) {
        return h;
    }
    if let Some((receiver, func, name)) = method_identity(w) {
        let mut h = identity_hash(receiver) ^ identity_hash(func);
        for b in name.bytes() {
            h = h.wrapping_mul(1_000_003) ^ i64::from(b);
        }
        return Ok(if h == -1 { -2 } else { h });
    }
    match object::dispatch_type(w) {
        PyType::List | PyType::Dict | PyType::Set | PyType::Slice => {
            exc::type_error(format!("unhashable type: '{}'", type_name(w)))
        }
        PyType::Range => {
            let r = object::as_range(w).map(|r| (r.start.0, r.stop.0, r.step.0));
            let Some((start, _, step)) = r else {
                return Ok(identity_hash(w));
            };
            let len = crate::builtins::length(w)?;
            let items = match len {
                0 => vec![hash(int::from_i64(0))?, hash(abi::NONE)?, hash(abi::NONE)?],
                1 => vec![hash(int::from_i64(1))?, hash(start)?, hash(abi::NONE)?],
                n => vec![hash(int::from_i64(n as i64))?, hash(start)?, hash(step)?],
            };
            Ok(settable::hash_tuple(&items))
        }
        _ => Ok(identity_hash(w)),
    }
}

/// CPython's default object hash: the address rotated by 4 bits.
pub fn identity_hash(w: Word) -> i64 {
    let h = (w as u64).rotate_right(4) as i64;
    if h == -1 { -2 } else { h }
}

thread_local! {
    /// Containers whose repr is being computed, to print `[...]` for cycles.
    static REPR_ACTIVE: std::cell::RefCell<Vec<Word>> = const { std::cell::RefCell::new(Vec::new()) };
}

/// `str(w)`.
pub fn str_of(w: Word) -> PyResult<String> {
    if let Some(s) = object::as_str(w) {
        return Ok(s.value.clone());
    }
    if let Some(r) = crate::class::to_text(w, "__str__", "__str__") {
        return r;
    }
    // `object.__str__` calls `__repr__`.
    if object::as_exception(w).is_none()
        && let Some(r) = crate::class::to_text(w, "__repr__", "__str__")
    {
        return r;
    }
    if let Some(e) = object::as_exception(w) {
        return exception_str(e);
    }
    repr_of(w)
}

/// `BaseException.__str__`: from `args` (with OSError's and KeyError's forms).
pub fn exception_str(e: &object::ExceptionObj) -> PyResult<String> {
    let args = object::as_tuple(e.args.0)
        .map(|t| t.items.to_vec())
        .unwrap_or_default();
    let os_error = e.ty.is_subclass(exc::ExcType::OSError);
    match args.as_slice() {
        [] => Ok(String::new()),
        [errno, strerror] if os_error => {
            let key = object::Owned(object::new_str("filename".into()));
            let filename = e.dict.get(key.0)?;
            let mut text = format!("[Errno {}] {}", str_of(*errno)?, str_of(*strerror)?);
            if let Some(f) = filename {
                text.push_str(&format!(": {}", repr_of(f)?));
            }
            Ok(text)
        }
        [k] if e.ty == exc::ExcType::KeyError => repr_of(*k),
        [one] => str_of(*one),
        _ => repr_of(e.args.0),
    }
}

/// Joins the reprs of `items` between `open` and `close`, guarding against cycles.
fn repr_items(w: Word, items: &[Word], open: &str, close: &str, cycle: &str) -> PyResult<String> {
    if REPR_ACTIVE.with(|r| r.borrow().contains(&w)) {
        return Ok(cycle.to_string());
    }
    REPR_ACTIVE.with(|r| r.borrow_mut().push(w));
    let items = shared(items);
    let parts: PyResult<Vec<String>> = exc::nested(" while getting the repr of an object", || {
        items.iter().map(|&i| repr_of(i)).collect()
    });
    REPR_ACTIVE.with(|r| r.borrow_mut().pop());
    Ok(format!("{open}{}{close}", parts?.join(", ")))
}

fn repr_dict(w: Word, d: &crate::dict::Dict) -> PyResult<String> {
    if REPR_ACTIVE.with(|r| r.borrow().contains(&w)) {
        return Ok("{...}".to_string());
    }
    let pairs: Vec<(object::Owned, object::Owned)> = d
        .iter()
        .map(|e| (object::Owned::share(e.key), object::Owned::share(e.value)))
        .collect();
    REPR_ACTIVE.with(|r| r.borrow_mut().push(w));
    let parts: PyResult<Vec<String>> = exc::nested(" while getting the repr of an object", || {
        pairs
            .iter()
            .map(|(k, v)| Ok(format!("{}: {}", repr_of(k.0)?, repr_of(v.0)?)))
            .collect()
    });
    REPR_ACTIVE.with(|r| r.borrow_mut().pop());
    Ok(format!("{{{}}}", parts?.join(", ")))
}

/// `BaseException.__repr__`: the type's name and the repr of `args`.
pub fn exception_repr(w: Word) -> PyResult<String> {
    let Some(e) = object::as_exception(w) else {
        return Ok(String::new());
    };
    let name = object::type_name(w);
    let args = object::as_tuple(e.args.0)
        .map(|t| t.items.to_vec())
        .unwrap_or_default();
    match args.as_slice() {
        [one] => Ok(format!("{name}({})", repr_of(*one)?)),
        _ => Ok(format!("{name}{}", repr_of(e.args.0)?)),
    }
}

/// `repr(w)`.
pub fn repr_of(w: Word) -> PyResult<String> {
    if crate::class::class_of(w).is_some() {
        if let Some(r) = crate::class::to_text(w, "__repr__", "__repr__") {
            return r;
        }
        if object::as_exception(w).is_none() {
            return Ok(crate::class::default_repr(w));
        }
    }
    if w == abi::ELLIPSIS {
        return Ok("Ellipsis".into());
    }
    if w == abi::NOT_IMPLEMENTED {
        return Ok("NotImplemented".into());
    }
    if let Some(a) = crate::array::as_array(w) {
        return crate::array::repr(a);
    }
    if let Some(f) = crate::file::as_file(w) {
        return crate::file::repr(f);
    }
    if crate::generator::as_generator(w).is_some() {
        return Ok(crate::generator::repr(w));
    }
    if let Some(f) = crate::modules::as_native(w) {
        return Ok(format!("<built-in function {}>", f.name));
    }
    if let Some(m) = crate::modules::as_module(w) {
        return Ok(format!("<module '{}' (built-in)>", m.name));
    }
    if let Some(c) = crate::class::as_class(w) {
        return Ok(format!("<class '__main__.{}'>", c.get().qualname));
    }
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
        if t.items.len() == 1 {
            return repr_items(w, &t.items, "(", ",)", "(...)");
        }
        return repr_items(w, &t.items, "(", ")", "(...)");
    }
    if let Some(l) = object::as_list(w) {
        return repr_items(w, &l.items.to_vec(), "[", "]", "[...]");
    }
    if let Some(d) = object::as_dict(w) {
        return repr_dict(w, d);
    }
    if let Some(t) = object::as_anyset(w) {
        let keys: Vec<Word> = t.iter().map(|(k, _)| k).collect();
        let frozen = object::is_frozenset(w);
        return match (keys.is_empty(), frozen) {
            (true, false) => Ok("set()".into()),
            (true, true) => Ok("frozenset()".into()),
            (false, false) => repr_items(w, &keys, "{", "}", "set(...)"),
            (false, true) => repr_items(w, &keys, "frozenset({", "})", "frozenset(...)"),
        };
    }
    if let Some(r) = object::as_range(w) {
        let (start, stop) = (repr_of(r.start.0)?, repr_of(r.stop.0)?);
        if r.step.0 == abi::small_int(1) {
            return Ok(format!("range({start}, {stop})"));
        }
        return Ok(format!("range({start}, {stop}, {})", repr_of(r.step.0)?));
    }
    if let Some(s) = object::as_slice(w) {
        return Ok(format!(
            "slice({}, {}, {})",
            repr_of(s.start.0)?,
            repr_of(s.stop.0)?,
            repr_of(s.step.0)?
        ));
    }
    if let Some(b) = object::as_bytes(w) {
        return Ok(crate::strmethods::bytes_repr(&b.value));
    }
    if object::as_dict_view(w).is_some() {
        let name = type_name(w);
        let items = object::Items(crate::iter::collect(w)?);
        return repr_items(w, &items, &format!("{name}(["), "])", "...");
    }
    if object::as_exception(w).is_some() {
        return exception_repr(w);
    }
    if let Some(t) = object::as_type(w) {
        return Ok(format!("<class '{}'>", t.name()));
    }
    if let Some(f) = object::as_builtin_fn(w) {
        return Ok(format!("<built-in function {}>", f.name()));
    }
    if let Some(f) = crate::function::as_function(w) {
        let qualname = match object::as_str(f.qualname.0) {
            Some(s) => s.value.clone(),
            None => f.code.qualname.to_string(),
        };
        return Ok(format!("<function {qualname} at {w:#x}>"));
    }
    if let Some(m) = crate::function::as_method(w) {
        let qualname = crate::function::as_function(m.func.0).map_or("?", |f| f.code.qualname);
        return Ok(format!(
            "<bound method {qualname} of {}>",
            repr_of(m.receiver.0)?
        ));
    }
    if let Some(m) = object::as_bound_method(w) {
        let owner = match object::as_type(m.receiver.0) {
            Some(t) => t.name(),
            None => type_name(m.receiver.0),
        };
        if m.unbound {
            return Ok(format!("<method '{}' of '{owner}' objects>", m.name));
        }
        return Ok(format!(
            "<built-in method {} of {owner} object at {:#x}>",
            m.name, m.receiver.0
        ));
    }
    Ok(format!("<{} object at {:#x}>", type_name(w), w))
}
