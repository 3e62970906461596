//! The builtin functions of this slice. Each borrows its positional arguments as
//! a slice of words and returns a new reference; arity is checked by the compiler,
//! argument types here, with CPython's messages.

use num_bigint::BigInt;
use num_traits::Signed;
use skink_abi::{self as abi, Word};

use crate::exc::{self, PyResult};
use crate::int::{self, Int};
use crate::object::{self, RangeCursor, type_name};
use crate::ops::{self, BinOp, CmpOp, Num};
use crate::{float, io};

fn text_arg(w: Word, what: &str) -> PyResult<Option<String>> {
    if w == abi::NONE {
        return Ok(None);
    }
    match object::as_str(w) {
        Some(s) => Ok(Some(s.value.clone())),
        None => exc::type_error(format!(
            "{what} must be None or a string, not {}",
            type_name(w)
        )),
    }
}

pub fn print(args: &[Word], sep: Word, end: Word) -> PyResult<Word> {
    let sep = text_arg(sep, "sep")?.unwrap_or_else(|| " ".into());
    let end = text_arg(end, "end")?.unwrap_or_else(|| "\n".into());
    let mut line = String::new();
    for (i, &a) in args.iter().enumerate() {
        if i > 0 {
            line.push_str(&sep);
        }
        line.push_str(&ops::str_of(a)?);
    }
    line.push_str(&end);
    io::write_stdout(&line);
    Ok(abi::NONE)
}

/// An int argument used as a machine-sized index, as `round`'s `ndigits`.
fn index_arg(w: Word) -> PyResult<Int<'static>> {
    match int::int_of(w) {
        Some(i) => Ok(i),
        None => exc::type_error(format!(
            "'{}' object cannot be interpreted as an integer",
            type_name(w)
        )),
    }
}

pub fn int_new(args: &[Word]) -> PyResult<Word> {
    match args {
        [] => Ok(abi::small_int(0)),
        [x] => {
            if let Some(i) = int::int_of(*x) {
                return Ok(int::to_word(i));
            }
            if let Some(f) = object::as_float(*x) {
                return Ok(int::from_big(float::to_int(f)?));
            }
            if let Some(s) = object::as_str(*x) {
                return int::parse(&s.value, 10);
            }
            exc::type_error(format!(
                "int() argument must be a string, a bytes-like object or a real number, not '{}'",
                type_name(*x)
            ))
        }
        [x, base] => {
            let base = index_arg(*base)?;
            let base = match base {
                Int::Small(b) if b == 0 || (2..=36).contains(&b) => b as u32,
                _ => return exc::value_error("int() base must be >= 2 and <= 36, or 0"),
            };
            match object::as_str(*x) {
                Some(s) => int::parse(&s.value, base),
                None => exc::type_error("int() can't convert non-string with explicit base"),
            }
        }
        _ => exc::type_error(format!(
            "int() takes at most 2 arguments ({} given)",
            args.len()
        )),
    }
}

pub fn float_new(args: &[Word]) -> PyResult<Word> {
    match args {
        [] => Ok(object::new_float(0.0)),
        [x] => {
            let v = match ops::num_of(*x) {
                Some(Num::Float(f)) => f,
                Some(Num::Int(i)) => int::to_f64(i)?,
                None => match object::as_str(*x) {
                    Some(s) => float::parse(&s.value)?,
                    None => {
                        return exc::type_error(format!(
                            "float() argument must be a string or a real number, not '{}'",
                            type_name(*x)
                        ));
                    }
                },
            };
            Ok(object::new_float(v))
        }
        _ => exc::type_error(format!(
            "float expected at most 1 argument, got {}",
            args.len()
        )),
    }
}

pub fn str_new(args: &[Word]) -> PyResult<Word> {
    match args {
        [] => Ok(object::new_str(String::new())),
        [x] => Ok(object::new_str(ops::str_of(*x)?)),
        _ => exc::type_error("str() with an encoding is not supported"),
    }
}

pub fn bool_new(args: &[Word]) -> PyResult<Word> {
    match args {
        [] => Ok(abi::FALSE),
        [x] => Ok(abi::bool_word(ops::truthy(*x)?)),
        _ => exc::type_error(format!(
            "bool expected at most 1 argument, got {}",
            args.len()
        )),
    }
}

pub fn repr(x: Word) -> PyResult<Word> {
    Ok(object::new_str(ops::repr_of(x)?))
}

pub fn abs(x: Word) -> PyResult<Word> {
    match ops::num_of(x) {
        Some(Num::Int(i)) => Ok(int::abs(i)),
        Some(Num::Float(f)) => Ok(object::new_float(f.abs())),
        None => exc::type_error(format!("bad operand type for abs(): '{}'", type_name(x))),
    }
}

pub fn divmod(a: Word, b: Word) -> PyResult<Word> {
    let (q, r) = match (ops::num_of(a), ops::num_of(b)) {
        (Some(Num::Int(x)), Some(Num::Int(y))) => int::divmod(x, y)?,
        (Some(x), Some(y)) => {
            let to_f = |n| match n {
                Num::Int(i) => int::to_f64(i),
                Num::Float(f) => Ok(f),
            };
            let (q, r) = float::divmod(to_f(x)?, to_f(y)?)?;
            (object::new_float(q), object::new_float(r))
        }
        _ => {
            return exc::type_error(format!(
                "unsupported operand type(s) for divmod(): '{}' and '{}'",
                type_name(a),
                type_name(b)
            ));
        }
    };
    Ok(object::new_tuple(vec![q, r]))
}

pub fn pow(args: &[Word]) -> PyResult<Word> {
    match args {
        [a, b] => ops::binary(BinOp::Pow, *a, *b),
        [a, b, m] if *m == abi::NONE => ops::binary(BinOp::Pow, *a, *b),
        [a, b, m] => match (int::int_of(*a), int::int_of(*b), int::int_of(*m)) {
            (Some(x), Some(y), Some(z)) => int::pow_mod(x, y, z),
            _ if ops::num_of(*a).is_some()
                && ops::num_of(*b).is_some()
                && ops::num_of(*m).is_some() =>
            {
                exc::type_error("pow() 3rd argument not allowed unless all arguments are integers")
            }
            _ => exc::type_error(format!(
                "unsupported operand type(s) for ** or pow(): '{}', '{}', '{}'",
                type_name(*a),
                type_name(*b),
                type_name(*m)
            )),
        },
        _ => exc::type_error("pow() takes 2 or 3 arguments"),
    }
}

/// `round(int, ndigits)` with ndigits < 0: round to a multiple of 10**-ndigits, ties to even.
fn round_int(x: Int, ndigits: Int) -> PyResult<Word> {
    if !ndigits.is_negative() {
        return Ok(int::to_word(x));
    }
    let places = match ndigits {
        Int::Small(n) => n.unsigned_abs(),
        Int::Big(_) => u64::MAX,
    };
    let value = x.to_big();
    // A power of ten wider than the value rounds it to zero.
    if places as f64 > value.bits() as f64 * std::f64::consts::LOG10_2 + 1.0 {
        return Ok(abi::small_int(0));
    }
    let pow = BigInt::from(10).pow(places as u32);
    let q = float::round_half_even(&value, &pow);
    Ok(int::from_big(q * pow))
}

pub fn round(args: &[Word]) -> PyResult<Word> {
    let (x, ndigits) = match args {
        [x] => (*x, None),
        [x, n] if *n == abi::NONE => (*x, None),
        [x, n] => (*x, Some(index_arg(*n)?)),
        _ => return exc::type_error("round() takes 1 or 2 arguments"),
    };
    match (ops::num_of(x), ndigits) {
        (Some(Num::Int(i)), None) => Ok(int::to_word(i)),
        (Some(Num::Int(i)), Some(n)) => round_int(i, n),
        (Some(Num::Float(f)), None) => Ok(int::from_big(float::round_to_int(f)?)),
        (Some(Num::Float(f)), Some(n)) => {
            let n = match n {
                Int::Small(v) => v,
                Int::Big(b) if b.is_negative() => i64::MIN,
                Int::Big(_) => i64::MAX,
            };
            Ok(object::new_float(float::round_ndigits(f, n)?))
        }
        (None, _) => exc::type_error(format!(
            "type {} doesn't define __round__ method",
            type_name(x)
        )),
    }
}

/// `min`/`max` of two or more arguments: the first extreme one wins.
pub fn min_max(args: &[Word], op: CmpOp) -> PyResult<Word> {
    let Some((&first, rest)) = args.split_first() else {
        return exc::type_error("expected at least 1 argument, got 0");
    };
    let mut best = first;
    for &item in rest {
        if ops::compare(op, item, best)? {
            best = item;
        }
    }
    object::incref(best);
    Ok(best)
}

pub fn len(x: Word) -> PyResult<Word> {
    if let Some(s) = object::as_str(x) {
        return Ok(int::from_i64(s.char_len as i64));
    }
    if let Some(t) = object::as_tuple(x) {
        return Ok(int::from_i64(t.items.len() as i64));
    }
    exc::type_error(format!("object of type '{}' has no len()", type_name(x)))
}

pub fn range_iter(args: &[Word]) -> PyResult<Word> {
    let ints = args
        .iter()
        .map(|&a| index_arg(a))
        .collect::<PyResult<Vec<_>>>()?;
    let (start, stop, step) = match ints.as_slice() {
        [stop] => (Int::Small(0), *stop, Int::Small(1)),
        [start, stop] => (*start, *stop, Int::Small(1)),
        [start, stop, step] => (*start, *stop, *step),
        _ => {
            return exc::type_error(format!(
                "range expected at most 3 arguments, got {}",
                args.len()
            ));
        }
    };
    if step.is_zero() {
        return exc::value_error("range() arg 3 must not be zero");
    }
    let cursor = match (start, stop, step) {
        (Int::Small(next), Int::Small(stop), Int::Small(step)) => {
            RangeCursor::Small { next, stop, step }
        }
        _ => RangeCursor::Big {
            next: start.to_big(),
            stop: stop.to_big(),
            step: step.to_big(),
        },
    };
    Ok(object::new_range_iter(cursor))
}

/// `iter(v)` for the iterables of this slice other than range.
pub fn iter(v: Word) -> PyResult<Word> {
    if object::as_tuple(v).is_some() || object::as_str(v).is_some() {
        object::incref(v);
        return Ok(object::new_seq_iter(v));
    }
    exc::type_error(format!("'{}' object is not iterable", type_name(v)))
}

/// The next item of any iterator, or `STOP`.
pub fn iter_next(it: Word) -> Word {
    if let Some(seq_it) = object::as_seq_iter(it) {
        return seq_next(seq_it);
    }
    range_next(it)
}

fn seq_next(it: &mut object::SeqIterObj) -> Word {
    if let Some(t) = object::as_tuple(it.seq) {
        let Some(&item) = t.items.get(it.pos) else {
            return abi::STOP;
        };
        it.pos += 1;
        object::incref(item);
        return item;
    }
    if let Some(s) = object::as_str(it.seq) {
        let Some(c) = s.value[it.pos..].chars().next() else {
            return abi::STOP;
        };
        it.pos += c.len_utf8();
        return object::new_str(c.to_string());
    }
    abi::STOP
}

fn range_next(it: Word) -> Word {
    let Some(it) = object::as_range_iter(it) else {
        return abi::STOP;
    };
    match &mut it.next {
        RangeCursor::Small { next, stop, step } => {
            let more = if *step > 0 {
                *next < *stop
            } else {
                *next > *stop
            };
            if !more {
                return abi::STOP;
            }
            let value = *next;
            // Small-int operands cannot overflow an i64 sum.
            *next += *step;
            int::from_i64(value)
        }
        RangeCursor::Big { next, stop, step } => {
            let more = if step.is_positive() {
                *next < *stop
            } else {
                *next > *stop
            };
            if !more {
                return abi::STOP;
            }
            let value = next.clone();
            *next += &*step;
            int::from_big(value)
        }
    }
}

/// Unpacks `value` into exactly `out.len()` new references.
pub fn unpack(value: Word, out: &mut [Word]) -> PyResult<()> {
    let items: Vec<Word> = if let Some(t) = object::as_tuple(value) {
        t.items
            .iter()
            .map(|&w| {
                object::incref(w);
                w
            })
            .collect()
    } else if let Some(s) = object::as_str(value) {
        s.value
            .chars()
            .map(|c| object::new_str(c.to_string()))
            .collect()
    } else {
        return exc::type_error(format!(
            "cannot unpack non-iterable {} object",
            type_name(value)
        ));
    };
    if items.len() != out.len() {
        items.iter().for_each(|&w| object::decref(w));
        return if items.len() > out.len() {
            exc::value_error(format!(
                "too many values to unpack (expected {})",
                out.len()
            ))
        } else {
            exc::value_error(format!(
                "not enough values to unpack (expected {}, got {})",
                out.len(),
                items.len()
            ))
        };
    }
    out.copy_from_slice(&items);
    Ok(())
}

/// The decimal text of a constant int literal.
pub fn const_int(text: &str) -> Word {
    match text.parse::<BigInt>() {
        Ok(v) => int::from_big(v),
        Err(_) => crate::fatal("malformed int constant"),
    }
}

/// Count of items a range would yield, for tests of the cursor.
#[cfg(test)]
fn count_range(args: &[Word]) -> usize {
    let it = range_iter(args).ok().unwrap_or(abi::NULL);
    let mut n = 0;
    while iter_next(it) != abi::STOP {
        n += 1;
    }
    object::decref(it);
    n
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn range_counts_match_python() {
        let s = abi::small_int;
        assert_eq!(count_range(&[s(10)]), 10);
        assert_eq!(count_range(&[s(10), s(0), s(-3)]), 4);
        assert_eq!(count_range(&[s(0), s(0)]), 0);
        let big = int::from_big(BigInt::from(1u64 << 63));
        let big_plus = int::from_big(BigInt::from(1u64 << 63) + 3);
        assert_eq!(count_range(&[big, big_plus]), 3);
    }
}
