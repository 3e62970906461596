//! The builtin functions and the constructors of the builtin types. Each borrows
//! its arguments and returns a new reference; arity and argument types are
//! checked here, with CPython's messages.

use num_bigint::BigInt;
use num_traits::Signed;
use skink_abi::{self as abi, Word};

use crate::call::Kw;
use crate::exc::ExcType;
use crate::exc::{self, PyResult};
use crate::int::{self, Int};
use crate::object::{self, BuiltinFn, Items, Owned, PyType, type_name};
use crate::ops::{self, BinOp, CmpOp, Num};
use crate::{float, io, iter};

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

/// An int argument used as a machine-sized index, as `round`'s `ndigits`.
pub fn index_arg(w: Word) -> PyResult<Int<'static>> {
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
        [b, enc] | [b, enc, _] if object::as_bytes(*b).is_some() => {
            let errors = match args.get(2) {
                Some(&e) => text_arg(e, "str() argument 'errors'")?.unwrap_or_default(),
                None => "strict".into(),
            };
            let enc = text_arg(*enc, "str() argument 'encoding'")?.unwrap_or_default();
            let bytes = object::as_bytes(*b)
                .map(|b| b.value.clone())
                .unwrap_or_default();
            crate::methods::decode(&bytes, &enc, &errors)
        }
        [_, _] | [_, _, _] => exc::type_error("decoding str is not supported"),
        _ => exc::type_error(format!(
            "str() takes at most 3 arguments ({} given)",
            args.len()
        )),
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
    if let Some(r) = crate::class::unary(x, "__abs__") {
        return r;
    }
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
    Ok(crate::free_tuples::take(&[q, r]))
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

/// The decimal text of a constant int literal.
pub fn const_int(text: &str) -> Word {
    match text.parse::<BigInt>() {
        Ok(v) => int::from_big(v),
        Err(_) => crate::fatal("malformed int constant"),
    }
}

/// Refuses keyword arguments for builtins that take none.
fn no_kw(name: &str, kw: &Kw) -> PyResult<()> {
    if kw.is_empty() {
        Ok(())
    } else {
        exc::type_error(format!("{name}() takes no keyword arguments"))
    }
}

/// Takes the allowed keywords out of `kw`, refusing any other.
fn keywords<const N: usize>(
    name: &str,
    kw: &Kw,
    allowed: [&str; N],
) -> PyResult<[Option<Word>; N]> {
    let mut out = [None; N];
    for &(k, v) in kw {
        match allowed.iter().position(|&a| a == k) {
            Some(i) => out[i] = Some(v),
            None => {
                return exc::type_error(format!(
                    "'{k}' is an invalid keyword argument for {name}()"
                ));
            }
        }
    }
    Ok(out)
}

/// Binds the arguments of a builtin with a fixed signature as Argument Clinic's
/// `_PyArg_UnpackKeywords` does, with its messages: the first `posonly` of
/// `params` are positional-only, the first `required` are required.
fn clinic<const N: usize>(
    name: &str,
    args: &[Word],
    kw: &Kw,
    params: [&str; N],
    posonly: usize,
    required: usize,
) -> PyResult<[Option<Word>; N]> {
    let plural = |n: usize| if n == 1 { "" } else { "s" };
    let positional_required = required.min(posonly);
    if args.len() < positional_required {
        return exc::type_error(format!(
            "{name}() takes at least {positional_required} positional argument{} ({} given)",
            plural(positional_required),
            args.len()
        ));
    }
    let total = args.len() + kw.len();
    if total > N {
        let what = if args.is_empty() { "keyword " } else { "" };
        return exc::type_error(format!(
            "{name}() takes at most {N} {what}argument{} ({total} given)",
            plural(N)
        ));
    }
    let mut out = [None; N];
    for (slot, &a) in out.iter_mut().zip(args) {
        *slot = Some(a);
    }
    let mut used = 0;
    for (i, p) in params.iter().enumerate().skip(posonly) {
        if let Some(&(k, v)) = kw.iter().find(|(k, _)| k == p) {
            if out[i].is_some() {
                return exc::type_error(format!(
                    "argument for {name}() given by name ('{k}') and position ({})",
                    i + 1
                ));
            }
            out[i] = Some(v);
            used += 1;
        } else if i < required && out[i].is_none() {
            return exc::type_error(format!(
                "{name}() missing required argument '{p}' (pos {})",
                i + 1
            ));
        }
    }
    if used < kw.len() {
        for &(k, _) in kw {
            if !params[posonly..].contains(&k) {
                return exc::type_error(format!(
                    "'{k}' is an invalid keyword argument for {name}()"
                ));
            }
        }
    }
    Ok(out)
}

fn exactly_one(name: &str, args: &[Word]) -> PyResult<Word> {
    match args {
        [x] => Ok(*x),
        _ => exc::type_error(format!(
            "{name}() takes exactly one argument ({} given)",
            args.len()
        )),
    }
}

fn expect_args(name: &str, args: &[Word], min: usize, max: usize) -> PyResult<()> {
    if args.len() < min {
        let what = if min == max { "" } else { "at least " };
        let s = if min == 1 { "" } else { "s" };
        return exc::type_error(format!(
            "{name} expected {what}{min} argument{s}, got {}",
            args.len()
        ));
    }
    if args.len() > max {
        let what = if min == max { "" } else { "at most " };
        let s = if max == 1 { "" } else { "s" };
        return exc::type_error(format!(
            "{name} expected {what}{max} argument{s}, got {}",
            args.len()
        ));
    }
    Ok(())
}

/// Calls a builtin function.
pub fn call_builtin(f: BuiltinFn, args: &[Word], kw: &Kw) -> PyResult<Word> {
    let name = f.name();
    match f {
        BuiltinFn::Print => {
            let [sep, end, file, flush] = keywords(name, kw, ["sep", "end", "file", "flush"])?;
            let _ = flush;
            match file {
                Some(f) if f != abi::NONE && !crate::file::is_standard_stream(f, false) => {
                    let text =
                        print_text(args, sep.unwrap_or(abi::NONE), end.unwrap_or(abi::NONE))?;
                    crate::file::print_to(f, &text)?;
                    Ok(abi::NONE)
                }
                _ => print(args, sep.unwrap_or(abi::NONE), end.unwrap_or(abi::NONE)),
            }
        }
        BuiltinFn::Len => {
            no_kw(name, kw)?;
            let x = exactly_one(name, args)?;
            Ok(int::from_i64(length(x)? as i64))
        }
        BuiltinFn::Repr => {
            no_kw(name, kw)?;
            repr(exactly_one(name, args)?)
        }
        BuiltinFn::Ascii => {
            no_kw(name, kw)?;
            let r = ops::repr_of(exactly_one(name, args)?)?;
            Ok(object::new_str(crate::fmt::ascii(&r)))
        }
        BuiltinFn::Abs => {
            no_kw(name, kw)?;
            abs(exactly_one(name, args)?)
        }
        BuiltinFn::Divmod => {
            no_kw(name, kw)?;
            expect_args(name, args, 2, 2)?;
            divmod(args[0], args[1])
        }
        BuiltinFn::Pow => {
            let bound = clinic(name, args, kw, ["base", "exp", "mod"], 0, 2)?;
            let all: Vec<Word> = bound.into_iter().flatten().collect();
            pow(&all)
        }
        BuiltinFn::Round => {
            let bound = clinic(name, args, kw, ["number", "ndigits"], 0, 1)?;
            let all: Vec<Word> = bound.into_iter().flatten().collect();
            round(&all)
        }
        BuiltinFn::Min => min_max(name, args, kw, CmpOp::Lt),
        BuiltinFn::Max => min_max(name, args, kw, CmpOp::Gt),
        BuiltinFn::Sum => {
            let [iterable, start] = clinic(name, args, kw, ["iterable", "start"], 1, 1)?;
            let iterable = iterable.unwrap_or(abi::NONE);
            sum(iterable, start.unwrap_or(abi::small_int(0)))
        }
        BuiltinFn::Sorted => {
            expect_args("sorted", args, 1, 1)?;
            // The keywords go on to `list.sort`, which reports them.
            let [key, reverse] = keywords("sort", kw, ["key", "reverse"])?;
            let items = iter::collect(args[0])?;
            let list = Owned(object::new_list(items));
            crate::methods::list_sort(list.0, key, reverse)?;
            Ok(list.into_word())
        }
        BuiltinFn::Any | BuiltinFn::All => {
            no_kw(name, kw)?;
            let x = exactly_one(name, args)?;
            let want = f == BuiltinFn::Any;
            let it = Owned(iter::iter(x)?);
            loop {
                let item = iter::next(it.0)?;
                if item == abi::STOP {
                    return Ok(abi::bool_word(!want));
                }
                let item = Owned(item);
                if ops::truthy(item.0)? == want {
                    return Ok(abi::bool_word(want));
                }
            }
        }
        BuiltinFn::Isinstance | BuiltinFn::Issubclass => {
            no_kw(name, kw)?;
            expect_args(name, args, 2, 2)?;
            let ty = if f == BuiltinFn::Isinstance {
                object::type_of(args[0])
            } else {
                match object::as_type(args[0]) {
                    Some(t) => t,
                    None => return exc::type_error("issubclass() arg 1 must be a class"),
                }
            };
            Ok(abi::bool_word(type_matches(name, ty, args[1])?))
        }
        BuiltinFn::Ord => {
            no_kw(name, kw)?;
            let x = exactly_one(name, args)?;
            if let Some(s) = object::as_str(x) {
                let mut chars = s.value.chars();
                return match (chars.next(), chars.next()) {
                    (Some(c), None) => Ok(int::from_i64(c as i64)),
                    _ => exc::type_error(format!(
                        "ord() expected a character, but string of length {} found",
                        s.char_len
                    )),
                };
            }
            if let Some(b) = object::as_bytes(x) {
                return match b.value.as_slice() {
                    [c] => Ok(int::from_i64(*c as i64)),
                    v => exc::type_error(format!(
                        "ord() expected a character, but string of length {} found",
                        v.len()
                    )),
                };
            }
            exc::type_error(format!(
                "ord() expected string of length 1, but {} found",
                type_name(x)
            ))
        }
        BuiltinFn::Chr => {
            no_kw(name, kw)?;
            let x = exactly_one(name, args)?;
            let i = index_arg(x)?;
            let v = match i {
                Int::Small(v) => v,
                Int::Big(_) => {
                    return exc::overflow_error("Python int too large to convert to C int");
                }
            };
            if !(0..0x110000).contains(&v) {
                return exc::value_error("chr() arg not in range(0x110000)");
            }
            match char::from_u32(v as u32) {
                Some(c) => Ok(object::char_str(c)),
                None => exc::value_error("skink: lone surrogates are not supported"),
            }
        }
        BuiltinFn::Hash => {
            no_kw(name, kw)?;
            Ok(int::from_i64(ops::hash(exactly_one(name, args)?)?))
        }
        BuiltinFn::Iter => {
            no_kw(name, kw)?;
            match args {
                [x] => iter::iter(*x),
                _ => exc::type_error(format!("iter expected 1 argument, got {}", args.len())),
            }
        }
        BuiltinFn::Next => {
            no_kw(name, kw)?;
            expect_args("next", args, 1, 2)?;
            if !iter::is_iterator(args[0]) {
                return exc::type_error(format!(
                    "'{}' object is not an iterator",
                    type_name(args[0])
                ));
            }
            let item = iter::next(args[0])?;
            if item != abi::STOP {
                return Ok(item);
            }
            if crate::generator::as_generator(args[0]).is_some() && args.len() == 1 {
                return crate::generator::stop_to_exception(args[0], Ok(item));
            }
            match args.get(1) {
                Some(&d) => {
                    object::incref(d);
                    Ok(d)
                }
                None => exc::raise_object(object::new_exception(
                    ExcType::StopIteration,
                    object::new_tuple(Vec::new()),
                )),
            }
        }
        BuiltinFn::Format => {
            no_kw(name, kw)?;
            expect_args("format", args, 1, 2)?;
            let spec = args.get(1).copied();
            crate::fmt::format_value(args[0], spec)
        }
        BuiltinFn::Hex | BuiltinFn::Oct | BuiltinFn::Bin => {
            no_kw(name, kw)?;
            let x = exactly_one(name, args)?;
            let i = index_arg(x)?.to_big();
            let (prefix, radix) = match f {
                BuiltinFn::Hex => ("0x", 16),
                BuiltinFn::Oct => ("0o", 8),
                _ => ("0b", 2),
            };
            let sign = if i.is_negative() { "-" } else { "" };
            Ok(object::new_str(format!(
                "{sign}{prefix}{}",
                i.magnitude().to_str_radix(radix)
            )))
        }
        BuiltinFn::Getattr | BuiltinFn::Hasattr | BuiltinFn::Setattr | BuiltinFn::Delattr => {
            no_kw(name, kw)?;
            let (lo, hi) = match f {
                BuiltinFn::Getattr => (2, 3),
                BuiltinFn::Setattr => (3, 3),
                _ => (2, 2),
            };
            expect_args(name, args, lo, hi)?;
            if object::as_str(args[1]).is_none() {
                return exc::type_error(format!(
                    "attribute name must be string, not '{}'",
                    type_name(args[1])
                ));
            }
            match f {
                BuiltinFn::Setattr => {
                    crate::class::setattr(args[0], args[1], args[2]).map(|()| abi::NONE)
                }
                BuiltinFn::Delattr => crate::class::delattr(args[0], args[1]).map(|()| abi::NONE),
                _ => {
                    let r = match crate::class::getattr(args[0], args[1]) {
                        Some(r) => r,
                        None => crate::methods::getattr(
                            args[0],
                            &object::as_str(args[1]).map_or(String::new(), |s| s.value.clone()),
                        ),
                    };
                    match r {
                        Ok(v) if f == BuiltinFn::Hasattr => {
                            object::decref(v);
                            Ok(abi::TRUE)
                        }
                        Ok(v) => Ok(v),
                        Err(_) if exc::pending_is(ExcType::AttributeError) => {
                            if f == BuiltinFn::Hasattr {
                                exc::clear_pending();
                                return Ok(abi::FALSE);
                            }
                            match args.get(2) {
                                Some(&d) => {
                                    exc::clear_pending();
                                    object::incref(d);
                                    Ok(d)
                                }
                                None => Err(exc::Raised),
                            }
                        }
                        Err(e) => Err(e),
                    }
                }
            }
        }
        BuiltinFn::Id => {
            no_kw(name, kw)?;
            let x = exactly_one(name, args)?;
            Ok(crate::int::from_i64(x))
        }
        BuiltinFn::Open => crate::file::open(args, kw),
        BuiltinFn::Callable => {
            no_kw(name, kw)?;
            Ok(abi::bool_word(crate::call::is_callable(exactly_one(
                name, args,
            )?)))
        }
    }
}

/// `isinstance`'s second argument: a type or a (nested) tuple of types.
fn type_matches(name: &str, ty: PyType, spec: Word) -> PyResult<bool> {
    if let Some(t) = object::as_type(spec) {
        return Ok(ty.is_subtype(t));
    }
    if let Some(items) = object::as_tuple(spec) {
        for &t in items.items.iter() {
            if type_matches(name, ty, t)? {
                return Ok(true);
            }
        }
        return Ok(false);
    }
    exc::type_error(format!(
        "{name}() arg 2 must be a type, a tuple of types, or a union"
    ))
}

pub fn print(args: &[Word], sep: Word, end: Word) -> PyResult<Word> {
    let line = print_text(args, sep, end)?;
    io::write_stdout(&line);
    Ok(abi::NONE)
}

/// What `print` writes.
fn print_text(args: &[Word], sep: Word, end: Word) -> PyResult<String> {
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
    Ok(line)
}

/// `len(x)`.
pub fn length(x: Word) -> PyResult<usize> {
    if let Some(a) = crate::array::as_array(x) {
        return Ok(crate::array::len(a));
    }
    if let Some(r) = crate::class::length(x) {
        return r;
    }
    if let Some(s) = object::as_str(x) {
        return Ok(s.char_len);
    }
    if let Some(items) = object::as_seq(x) {
        return Ok(items.len());
    }
    if let Some(d) = object::as_dict(x) {
        return Ok(d.len());
    }
    if let Some(t) = object::as_anyset(x) {
        return Ok(t.len());
    }
    if let Some(b) = object::as_bytes(x) {
        return Ok(b.value.len());
    }
    if let Some(v) = object::as_dict_view(x) {
        return Ok(object::as_dict(v.dict.0).map_or(0, |d| d.len()));
    }
    if object::as_range(x).is_some() {
        let (_, _, _, len) = crate::seq::range_parts(x);
        return match num_traits::ToPrimitive::to_usize(&len) {
            Some(n) if n <= isize::MAX as usize => Ok(n),
            _ => exc::overflow_error("Python int too large to convert to C ssize_t"),
        };
    }
    exc::type_error(format!("object of type '{}' has no len()", type_name(x)))
}

/// `sum(iterable, start)`.
fn sum(iterable: Word, start: Word) -> PyResult<Word> {
    match object::type_of(start) {
        PyType::Str => {
            return exc::type_error("sum() can't sum strings [use ''.join(seq) instead]");
        }
        PyType::Bytes => {
            return exc::type_error("sum() can't sum bytes [use b''.join(seq) instead]");
        }
        _ => {}
    }
    let it = Owned(iter::iter(iterable)?);
    object::incref(start);
    let mut total = Owned(start);
    loop {
        let item = iter::next(it.0)?;
        if item == abi::STOP {
            return Ok(total.into_word());
        }
        let item = Owned(item);
        total = Owned(ops::binary(BinOp::Add, total.0, item.0)?);
    }
}

/// `min`/`max` over arguments or one iterable, with `key=` and `default=`.
fn min_max(name: &str, args: &[Word], kw: &Kw, op: CmpOp) -> PyResult<Word> {
    // `min(a, b, c)` of small ints, the usual form in loops: no list of items,
    // no keyed copies. The first of equal values wins, as below.
    if kw.is_empty() && args.len() > 1 && args.iter().all(|&w| abi::is_small_int(w)) {
        let better = |w: Word, best: Word| match op {
            CmpOp::Lt => w < best,
            _ => w > best,
        };
        // Tagged small ints order as their values.
        let best = args[1..]
            .iter()
            .fold(args[0], |best, &w| if better(w, best) { w } else { best });
        return Ok(best);
    }
    let [key, default] = keywords(name, kw, ["key", "default"])?;
    let key = key.filter(|&k| k != abi::NONE);
    let items = match args {
        [] => {
            return exc::type_error(format!("{name} expected at least 1 argument, got 0"));
        }
        [one] => Items(iter::collect(*one)?),
        _ => {
            if default.is_some() {
                return exc::type_error(format!(
                    "Cannot specify a default for {name}() with multiple positional arguments"
                ));
            }
            args.iter().for_each(|&w| object::incref(w));
            Items(args.to_vec())
        }
    };
    if items.is_empty() {
        return match default {
            Some(d) => {
                object::incref(d);
                Ok(d)
            }
            None => exc::value_error(format!("{name}() arg is an empty sequence")),
        };
    }
    let keyed = |w: Word| -> PyResult<Owned> {
        match key {
            Some(k) => Ok(Owned(crate::call::call(k, &[w], &[])?)),
            None => Ok(Owned::share(w)),
        }
    };
    let mut best = items[0];
    let mut best_key = keyed(best)?;
    for &item in &items[1..] {
        let k = keyed(item)?;
        if ops::compare(op, k.0, best_key.0)? {
            best = item;
            best_key = k;
        }
    }
    object::incref(best);
    Ok(best)
}

/// Constructs a builtin type: `int(x)`, `list(xs)`, `ValueError("m")`, ...
pub fn construct(ty: PyType, args: &[Word], kw: &Kw) -> PyResult<Word> {
    let name = ty.name();
    match ty {
        // `int(x)` and `str(x)` of one value are the common forms.
        PyType::Int if kw.is_empty() && args.len() == 1 => int_new(args),
        PyType::Str if kw.is_empty() && args.len() == 1 && abi::is_small_int(args[0]) => {
            let digits = (args[0] >> 1).to_string();
            let len = digits.len();
            Ok(object::new_str_counted(digits, len))
        }
        PyType::Str if kw.is_empty() && args.len() == 1 && object::as_str(args[0]).is_some() => {
            object::incref(args[0]);
            Ok(args[0])
        }
        PyType::Int => {
            let [x, base] = clinic(name, args, kw, ["x", "base"], 1, 0)?;
            let all: Vec<Word> = match (x, base) {
                (None, Some(_)) => return exc::type_error("int() missing string argument"),
                (x, base) => x.into_iter().chain(base).collect(),
            };
            int_new(&all)
        }
        PyType::Float => {
            no_kw("float", kw)?;
            float_new(args)
        }
        PyType::Str => {
            let bound = clinic(name, args, kw, ["object", "encoding", "errors"], 0, 0)?;
            if bound[0].is_none() {
                // `str(encoding='utf-8')` without an object is ''.
                return Ok(object::new_str(String::new()));
            }
            let all: Vec<Word> = bound.into_iter().flatten().collect();
            str_new(&all)
        }
        PyType::Bool => {
            no_kw("bool", kw)?;
            bool_new(args)
        }
        PyType::List | PyType::Tuple | PyType::Set | PyType::FrozenSet => {
            no_kw(name, kw)?;
            expect_args(name, args, 0, 1)?;
            match ty {
                PyType::List => Ok(object::new_list(match args {
                    [x] => iter::collect(*x)?,
                    _ => Vec::new(),
                })),
                PyType::Tuple => match args {
                    [x] if object::as_tuple(*x).is_some() => {
                        object::incref(*x);
                        Ok(*x)
                    }
                    [x] => Ok(object::new_tuple(iter::collect(*x)?)),
                    _ => Ok(object::new_tuple(Vec::new())),
                },
                _ => crate::setops::construct(args.first().copied(), ty == PyType::FrozenSet),
            }
        }
        PyType::Dict => {
            expect_args("dict", args, 0, 1)?;
            let d = Owned(object::new_dict(crate::dict::Dict::new()));
            if let Some(&src) = args.first() {
                crate::methods::dict_update(d.0, src)?;
            }
            if let Some(dict) = object::as_dict(d.0) {
                for &(k, v) in kw {
                    let k = Owned(object::new_str(k.to_string()));
                    dict.set(k.0, v)?;
                }
            }
            Ok(d.into_word())
        }
        PyType::Range => {
            no_kw("range", kw)?;
            range_new(args)
        }
        PyType::Slice => {
            no_kw("slice", kw)?;
            expect_args("slice", args, 1, 3)?;
            let (start, stop, step) = match args {
                [stop] => (abi::NONE, *stop, abi::NONE),
                [start, stop] => (*start, *stop, abi::NONE),
                _ => (args[0], args[1], args[2]),
            };
            [start, stop, step].iter().for_each(|&w| object::incref(w));
            Ok(object::new_slice(start, stop, step))
        }
        PyType::Bytes => {
            let [source, encoding, errors] = keywords(name, kw, ["source", "encoding", "errors"])?;
            let mut all = args.to_vec();
            all.extend(source);
            all.extend(encoding);
            all.extend(errors);
            bytes_new(&all)
        }
        PyType::Type => {
            no_kw("type", kw)?;
            match args {
                [x] => Ok(crate::builtin_objects::type_object(object::type_of(*x))),
                _ => exc::type_error("type() takes 1 or 3 arguments"),
            }
        }
        PyType::Class(c) => crate::class::instantiate(c, args, kw),
        PyType::Array => crate::array::construct(args, kw),
        PyType::Property => {
            let [fget, fset, fdel, _doc] = keywords(name, kw, ["fget", "fset", "fdel", "doc"])?;
            expect_args(name, args, 0, 4)?;
            let pick = |i: usize, k: Option<Word>| args.get(i).copied().or(k).unwrap_or(abi::NULL);
            Ok(crate::class::new_property(
                pick(0, fget),
                pick(1, fset),
                pick(2, fdel),
            ))
        }
        PyType::ClassMethod | PyType::StaticMethod => {
            no_kw(name, kw)?;
            expect_args(name, args, 1, 1)?;
            let k = if ty == PyType::ClassMethod {
                skink_abi::kind::CLASSMETHOD
            } else {
                skink_abi::kind::STATICMETHOD
            };
            Ok(crate::class::new_wrapper(k, args[0]))
        }
        PyType::Super => match args {
            [] => exc::raise(ExcType::RuntimeError, "super(): no arguments"),
            [cls, obj] if *cls == abi::NULL => {
                let _ = obj;
                exc::raise(ExcType::RuntimeError, "super(): __class__ cell not found")
            }
            [cls, obj] => crate::class::new_super(*cls, *obj),
            _ => exc::type_error("skink: super() takes no arguments or (type, obj)"),
        },
        PyType::Object => {
            if !args.is_empty() || !kw.is_empty() {
                return exc::type_error("object() takes no arguments");
            }
            exc::type_error("skink: object() instances are not supported")
        }
        PyType::Enumerate => {
            if args.len() + kw.len() > 2 {
                return exc::type_error(format!(
                    "enumerate() takes at most 2 arguments ({} given)",
                    args.len() + kw.len()
                ));
            }
            let [iterable, start] = keywords(name, kw, ["iterable", "start"])?;
            let mut all = args.to_vec();
            all.extend(iterable);
            all.extend(start);
            match all.as_slice() {
                [x] => iter::enumerate(*x, abi::small_int(0)),
                [x, s] => iter::enumerate(*x, *s),
                _ => exc::type_error("enumerate() missing required argument 'iterable'"),
            }
        }
        PyType::Zip => {
            if kw.len() > 1 {
                return exc::type_error(format!(
                    "zip() takes at most 1 keyword argument ({} given)",
                    kw.len()
                ));
            }
            let [strict] = keywords(name, kw, ["strict"])?;
            if strict.is_some_and(|s| s != abi::FALSE) {
                return exc::type_error("skink: zip(strict=True) is not supported");
            }
            iter::zip(args)
        }
        PyType::Map => {
            no_kw("map", kw)?;
            match args.split_first() {
                Some((&f, rest)) => iter::map(f, rest),
                None => exc::type_error("map() must have at least two arguments."),
            }
        }
        PyType::Filter => {
            no_kw("filter", kw)?;
            expect_args("filter", args, 2, 2)?;
            iter::filter(args[0], args[1])
        }
        PyType::Reversed => {
            no_kw("reversed", kw)?;
            expect_args("reversed", args, 1, 1)?;
            iter::reversed(args[0])
        }
        PyType::Exc(t) => {
            no_kw(t.name(), kw)?;
            Ok(exc::new_exception_from_args(t, args))
        }
        PyType::NoneType | PyType::Other(_) | PyType::File(_) => {
            exc::type_error(format!("cannot create '{name}' instances"))
        }
    }
}

/// `range(...)` as an object.
pub fn range_new(args: &[Word]) -> PyResult<Word> {
    let ints = args
        .iter()
        .map(|&a| index_arg(a))
        .collect::<PyResult<Vec<_>>>()?;
    let (start, stop, step) = match ints.as_slice() {
        [stop] => (Int::Small(0), *stop, Int::Small(1)),
        [start, stop] => (*start, *stop, Int::Small(1)),
        [start, stop, step] => (*start, *stop, *step),
        [] => return exc::type_error("range expected at least 1 argument, got 0"),
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
    Ok(object::new_range(
        int::to_word(start),
        int::to_word(stop),
        int::to_word(step),
    ))
}

/// The iterator of `for x in range(...)`, without the range object.
pub fn range_iter(args: &[Word]) -> PyResult<Word> {
    let r = Owned(range_new(args)?);
    iter::for_range(r.0)
}

fn bytes_new(args: &[Word]) -> PyResult<Word> {
    match args {
        [] => Ok(object::new_bytes(Vec::new())),
        [s, enc] | [s, enc, _] if object::as_str(*s).is_some() => {
            let enc = text_arg(*enc, "bytes() argument 'encoding'")?.unwrap_or_default();
            let errors = match args.get(2) {
                Some(&e) => text_arg(e, "bytes() argument 'errors'")?.unwrap_or_default(),
                None => "strict".into(),
            };
            let text = object::as_str(*s)
                .map(|s| s.value.clone())
                .unwrap_or_default();
            crate::methods::encode(&text, &enc, &errors)
        }
        [s] if object::as_str(*s).is_some() => {
            exc::type_error("string argument without an encoding")
        }
        [n] if int::int_of(*n).is_some() => {
            let n = match int::int_of(*n) {
                Some(Int::Small(v)) => v,
                _ => return exc::overflow_error("cannot fit 'int' into an index-sized integer"),
            };
            if n < 0 {
                return exc::value_error("negative count");
            }
            Ok(object::new_bytes(vec![0; n as usize]))
        }
        [x] => {
            if let Some(b) = object::as_bytes(*x) {
                return Ok(object::new_bytes(b.value.clone()));
            }
            let items = Items(iter::collect(*x)?);
            let mut out = Vec::with_capacity(items.len());
            for &i in items.iter() {
                match int::int_of(i) {
                    Some(Int::Small(v)) if (0..256).contains(&v) => out.push(v as u8),
                    Some(_) => return exc::value_error("bytes must be in range(0, 256)"),
                    None => {
                        return exc::type_error(format!(
                            "'{}' object cannot be interpreted as an integer",
                            type_name(i)
                        ));
                    }
                }
            }
            Ok(object::new_bytes(out))
        }
        _ => exc::type_error("bytes() takes at most 3 arguments"),
    }
}

/// The items of an unpacking's right-hand side, with CPython's message for a
/// value that is not iterable.
fn items_to_unpack(value: Word) -> PyResult<Items> {
    match iter::collect(value) {
        Ok(items) => Ok(Items(items)),
        Err(e) => {
            if exc::pending_is(ExcType::TypeError) && !is_iterable(value) {
                exc::clear_pending();
                return exc::type_error(format!(
                    "cannot unpack non-iterable {} object",
                    type_name(value)
                ));
            }
            Err(e)
        }
    }
}

/// Unpacks `value` into exactly `out.len()` new references.
#[inline]
pub fn unpack(value: Word, out: &mut [Word]) -> PyResult<()> {
    if let Some(items) = object::as_seq(value)
        && items.len() == out.len()
    {
        // A tuple or list of the right length, the common case: no iteration.
        items.iter().for_each(|&w| object::incref(w));
        out.copy_from_slice(items);
        return Ok(());
    }
    unpack_general(value, out)
}

/// `unpack` past its fast path, out of line so that the fast path saves no
/// registers.
#[inline(never)]
fn unpack_general(value: Word, out: &mut [Word]) -> PyResult<()> {
    let items = items_to_unpack(value)?;
    if items.len() != out.len() {
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
    let mut items = items;
    out.copy_from_slice(&std::mem::take(&mut items.0));
    Ok(())
}

/// `a, *b, c = value`: `before` items, the middle as a list, `after` items.
pub fn unpack_ex(value: Word, before: usize, after: usize, out: &mut [Word]) -> PyResult<()> {
    let mut owned = items_to_unpack(value)?;
    if owned.len() < before + after {
        let got = owned.len();
        return exc::value_error(format!(
            "not enough values to unpack (expected at least {}, got {got})",
            before + after
        ));
    }
    let mut items = std::mem::take(&mut owned.0);
    let tail = items.split_off(items.len() - after);
    let middle = items.split_off(before);
    out[..before].copy_from_slice(&items);
    out[before] = object::new_list(middle);
    out[before + 1..].copy_from_slice(&tail);
    Ok(())
}

fn is_iterable(w: Word) -> bool {
    match iter::iter(w) {
        Ok(it) => {
            object::decref(it);
            true
        }
        Err(_) => {
            exc::clear_pending();
            false
        }
    }
}
