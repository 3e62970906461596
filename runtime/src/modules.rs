//! The standard-library modules skink provides: `math`, `time`, `sys` and
//! `array`. A module is an immortal
//! object with a dict of attributes; its functions are native functions (a name
//! and a Rust function), called like builtins.

use crate::fixedmap::FixedMap;
use std::cell::RefCell;
use std::sync::{Mutex, PoisonError};

use skink_abi::{self as abi, ObjHeader, Word, kind};

use crate::call::Kw;
use crate::dict::Dict;
use crate::exc::{self, ExcType, PyResult};
use crate::int;
use crate::object;

pub type NativeFn = fn(&[Word], &Kw) -> PyResult<Word>;

#[repr(C)]
pub struct ModuleObj {
    pub header: ObjHeader,
    pub name: &'static str,
    pub dict: Dict,
}

/// A function of a module (`math.sqrt`) or a method of a module object
/// (`sys.stdout.write`).
#[repr(C)]
pub struct NativeFnObj {
    pub header: ObjHeader,
    pub name: &'static str,
    pub f: NativeFn,
}

pub fn as_module<'a>(w: Word) -> Option<&'a ModuleObj> {
    object::view::<ModuleObj>(w, kind::MODULE)
}

pub fn as_native<'a>(w: Word) -> Option<&'a NativeFnObj> {
    object::view::<NativeFnObj>(w, kind::NATIVE_FN)
}

fn native(name: &'static str, f: NativeFn) -> Word {
    object::make_immortal(object::into_word(Box::new(NativeFnObj {
        header: object::header(kind::NATIVE_FN),
        name,
        f,
    })))
}

// Process-wide so that memory checkers see the immortal modules as reachable.
static MODULES: Mutex<Option<FixedMap<&'static str, Word>>> = Mutex::new(None);

thread_local! {
    static ARGV: RefCell<Vec<String>> = const { RefCell::new(Vec::new()) };
}

fn cached_module(name: &str) -> Option<Word> {
    let table = MODULES.lock().unwrap_or_else(PoisonError::into_inner);
    table.as_ref().and_then(|t| t.get(name).copied())
}

/// Records the program's command line for `sys.argv`.
pub fn set_argv(args: Vec<String>) {
    ARGV.with(|a| *a.borrow_mut() = args);
}

/// The names a module defines (checked at compile time as well).
pub const MODULES_PROVIDED: &[&str] = &["math", "time", "sys", "array"];

/// `import name`: the module object, or NULL for a module skink lacks.
pub fn import(name: &str) -> Word {
    let Some(&static_name) = MODULES_PROVIDED.iter().find(|m| **m == name) else {
        return abi::NULL;
    };
    if let Some(m) = cached_module(static_name) {
        return m;
    }
    let mut dict = Dict::new();
    let mut put = |k: &'static str, v: Word| {
        let key = crate::class::intern(k);
        let _ = dict.set(key, v);
        object::decref(v);
    };
    match static_name {
        "math" => math_contents(&mut put),
        "time" => {
            put(
                "time",
                native("time", |a, k| {
                    no_args("time", a, k).map(|()| float(unix_now()))
                }),
            );
            put(
                "time_ns",
                native("time_ns", |a, k| {
                    no_args("time_ns", a, k).map(|()| int_of_u128((unix_now() * 1e9) as u128))
                }),
            );
            put(
                "perf_counter",
                native("perf_counter", |a, k| {
                    no_args("perf_counter", a, k).map(|()| float(monotonic()))
                }),
            );
            put(
                "perf_counter_ns",
                native("perf_counter_ns", |a, k| {
                    no_args("perf_counter_ns", a, k)
                        .map(|()| int_of_u128((monotonic() * 1e9) as u128))
                }),
            );
            put(
                "monotonic",
                native("monotonic", |a, k| {
                    no_args("monotonic", a, k).map(|()| float(monotonic()))
                }),
            );
            put(
                "sleep",
                native("sleep", |a, k| {
                    let s = one_float("sleep", a, k)?;
                    if s < 0.0 {
                        return exc::value_error("sleep length must be non-negative");
                    }
                    crate::io::flush_stdout();
                    std::thread::sleep(std::time::Duration::from_secs_f64(s));
                    Ok(abi::NONE)
                }),
            );
        }
        "sys" => {
            let argv = ARGV.with(|a| a.borrow().clone());
            put(
                "argv",
                object::new_list(argv.into_iter().map(object::new_str).collect()),
            );
            put("maxsize", int::from_i64(i64::MAX));
            put("maxunicode", int::from_i64(0x10FFFF));
            put("byteorder", object::new_str("little".into()));
            put("platform", object::new_str("linux".into()));
            put("exit", native("exit", sys_exit));
            put(
                "getrecursionlimit",
                native("getrecursionlimit", |a, k| {
                    no_args("getrecursionlimit", a, k)
                        .map(|()| int::from_i64(exc::recursion_limit()))
                }),
            );
            put(
                "setrecursionlimit",
                native("setrecursionlimit", |a, k| {
                    if !k.is_empty() || a.len() != 1 {
                        return exc::type_error("setrecursionlimit() takes exactly one argument");
                    }
                    let Some(int::Int::Small(n)) = int::int_of(a[0]) else {
                        return exc::type_error(
                            "'float' object cannot be interpreted as an integer",
                        );
                    };
                    if n < 1 {
                        return exc::value_error("recursion limit must be greater or equal than 1");
                    }
                    exc::set_recursion_limit(n);
                    Ok(abi::NONE)
                }),
            );
            put("stdout", crate::file::standard_stream(false));
            put("stderr", crate::file::standard_stream(true));
        }
        "array" => {
            put(
                "array",
                crate::builtin_objects::type_object(object::PyType::Array),
            );
            put("typecodes", object::new_str("bBild".into()));
        }
        _ => {}
    }
    let m = object::make_immortal(object::into_word(Box::new(ModuleObj {
        header: object::header(kind::MODULE),
        name: static_name,
        dict,
    })));
    MODULES
        .lock()
        .unwrap_or_else(PoisonError::into_inner)
        .get_or_insert_with(FixedMap::default)
        .insert(static_name, m);
    m
}

/// `module.name`.
pub fn getattr(m: &ModuleObj, name: Word) -> PyResult<Word> {
    match m.dict.get(name)? {
        Some(v) => {
            object::incref(v);
            Ok(v)
        }
        None => {
            let text = object::as_str(name).map_or(String::new(), |s| s.value.clone());
            exc::raise(
                ExcType::AttributeError,
                format!("module '{}' has no attribute '{text}'", m.name),
            )
        }
    }
}

fn sys_exit(args: &[Word], kw: &Kw) -> PyResult<Word> {
    if !kw.is_empty() || args.len() > 1 {
        return exc::type_error(format!(
            "exit expected at most 1 argument, got {}",
            args.len()
        ));
    }
    let items: Vec<Word> = args
        .iter()
        .map(|&a| {
            object::incref(a);
            a
        })
        .collect();
    exc::raise_object(object::new_exception(
        ExcType::SystemExit,
        object::new_tuple(items),
    ))
}

fn unix_now() -> f64 {
    std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map_or(0.0, |d| d.as_secs_f64())
}

fn monotonic() -> f64 {
    thread_local! {
        static START: std::time::Instant = std::time::Instant::now();
    }
    // An arbitrary but fixed origin, as CPython's perf_counter has.
    START.with(|s| s.elapsed().as_secs_f64() + 1000.0)
}

fn int_of_u128(v: u128) -> Word {
    match i64::try_from(v) {
        Ok(i) => int::from_i64(i),
        Err(_) => object::new_big_obj(num_bigint::BigInt::from(v)),
    }
}

fn float(x: f64) -> Word {
    object::new_float(x)
}

fn no_args(name: &str, args: &[Word], kw: &Kw) -> PyResult<()> {
    if !kw.is_empty() {
        return exc::type_error(format!("{name}() takes no keyword arguments"));
    }
    if !args.is_empty() {
        return exc::type_error(format!(
            "{name}() takes no arguments ({} given)",
            args.len()
        ));
    }
    Ok(())
}

/// A float argument as CPython's `PyFloat_AsDouble` converts it.
pub fn to_float(w: Word) -> PyResult<f64> {
    if let Some(f) = object::as_float(w) {
        return Ok(f);
    }
    if let Some(i) = int::int_of(w) {
        return int::to_f64(i);
    }
    exc::type_error(format!("must be real number, not {}", object::type_name(w)))
}

fn one_float(name: &str, args: &[Word], kw: &Kw) -> PyResult<f64> {
    if !kw.is_empty() {
        return exc::type_error(format!("{name}() takes no keyword arguments"));
    }
    match args {
        [x] => to_float(*x),
        _ => exc::type_error(format!(
            "{name}() takes exactly one argument ({} given)",
            args.len()
        )),
    }
}

fn two_floats(name: &str, args: &[Word], kw: &Kw) -> PyResult<(f64, f64)> {
    if !kw.is_empty() {
        return exc::type_error(format!("{name}() takes no keyword arguments"));
    }
    match args {
        [x, y] => Ok((to_float(*x)?, to_float(*y)?)),
        _ => exc::type_error(format!("{name} expected 2 arguments, got {}", args.len())),
    }
}

/// The C library's functions where Rust's `f64` methods do not call it (they
/// compute in Rust, which can differ from CPython in the last bit).
mod libm {
    mod c {
        unsafe extern "C" {
            // The `_Float64` name (glibc 2.27+): Rust's compiler builtins define a
            // `cbrt` of their own that the static link would pick instead.
            #[link_name = "cbrtf64"]
            pub fn cbrt(x: f64) -> f64;
            pub fn asinh(x: f64) -> f64;
            pub fn acosh(x: f64) -> f64;
            pub fn atanh(x: f64) -> f64;
        }
    }

    pub fn cbrt(x: f64) -> f64 {
        // SAFETY: a pure function of a double.
        unsafe { c::cbrt(x) }
    }

    pub fn asinh(x: f64) -> f64 {
        // SAFETY: as above.
        unsafe { c::asinh(x) }
    }

    pub fn acosh(x: f64) -> f64 {
        // SAFETY: as above.
        unsafe { c::acosh(x) }
    }

    pub fn atanh(x: f64) -> f64 {
        // SAFETY: as above.
        unsafe { c::atanh(x) }
    }
}

/// CPython's `math_1`: a domain error for NaN from a non-NaN argument, a range
/// error for an infinite result from a finite argument.
fn checked(x: f64, r: f64, can_overflow: bool) -> PyResult<Word> {
    if r.is_nan() && !x.is_nan() {
        return exc::value_error("math domain error");
    }
    if r.is_infinite() && x.is_finite() {
        if can_overflow {
            return exc::overflow_error("math range error");
        }
        return exc::value_error("math domain error");
    }
    Ok(float(r))
}

macro_rules! unary_math {
    ($put:ident, $($name:literal => $f:expr, $overflow:expr;)*) => {$(
        $put($name, native($name, |a, k| {
            let x = one_float($name, a, k)?;
            let f: fn(f64) -> f64 = $f;
            checked(x, f(x), $overflow)
        }));
    )*};
}

fn math_contents(put: &mut impl FnMut(&'static str, Word)) {
    put("pi", float(std::f64::consts::PI));
    put("e", float(std::f64::consts::E));
    put("tau", float(std::f64::consts::TAU));
    put("inf", float(f64::INFINITY));
    put("nan", float(f64::NAN));
    unary_math! { put,
        "sqrt" => f64::sqrt, false;
        "exp" => f64::exp, true;
        "expm1" => f64::exp_m1, true;
        "sin" => f64::sin, false;
        "cos" => f64::cos, false;
        "tan" => f64::tan, false;
        "asin" => f64::asin, false;
        "acos" => f64::acos, false;
        "atan" => f64::atan, false;
        "sinh" => f64::sinh, true;
        "cosh" => f64::cosh, true;
        "tanh" => f64::tanh, false;
        "asinh" => libm::asinh, false;
        "acosh" => libm::acosh, false;
        "atanh" => libm::atanh, false;
        "fabs" => f64::abs, false;
        "cbrt" => libm::cbrt, false;
        "exp2" => f64::exp2, true;
        "log1p" => f64::ln_1p, false;
        "degrees" => f64::to_degrees, true;
        "radians" => f64::to_radians, false;
    }
    put("log", native("log", math_log));
    put(
        "log2",
        native("log2", |a, k| log_base("log2", a, k, f64::log2)),
    );
    put(
        "log10",
        native("log10", |a, k| log_base("log10", a, k, f64::log10)),
    );
    put(
        "atan2",
        native("atan2", |a, k| {
            let (y, x) = two_floats("atan2", a, k)?;
            Ok(float(y.atan2(x)))
        }),
    );
    put(
        "hypot",
        native("hypot", |a, k| {
            if !k.is_empty() {
                return exc::type_error("hypot() takes no keyword arguments");
            }
            let mut acc = 0.0f64;
            for &x in a {
                acc = acc.hypot(to_float(x)?);
            }
            Ok(float(acc))
        }),
    );
    put(
        "pow",
        native("pow", |a, k| {
            let (x, y) = two_floats("pow", a, k)?;
            let r = x.powf(y);
            if x == 0.0 && y < 0.0 {
                return exc::value_error("math domain error");
            }
            if r.is_nan() && !x.is_nan() && !y.is_nan() {
                return exc::value_error("math domain error");
            }
            if r.is_infinite() && x.is_finite() && y.is_finite() {
                return exc::overflow_error("math range error");
            }
            Ok(float(r))
        }),
    );
    put(
        "fmod",
        native("fmod", |a, k| {
            let (x, y) = two_floats("fmod", a, k)?;
            if y == 0.0 && !x.is_nan() || x.is_infinite() && !y.is_nan() {
                return exc::value_error("math domain error");
            }
            Ok(float(x % y))
        }),
    );
    put(
        "copysign",
        native("copysign", |a, k| {
            let (x, y) = two_floats("copysign", a, k)?;
            Ok(float(x.copysign(y)))
        }),
    );
    put(
        "isnan",
        native("isnan", |a, k| {
            Ok(abi::bool_word(one_float("isnan", a, k)?.is_nan()))
        }),
    );
    put(
        "isinf",
        native("isinf", |a, k| {
            Ok(abi::bool_word(one_float("isinf", a, k)?.is_infinite()))
        }),
    );
    put(
        "isfinite",
        native("isfinite", |a, k| {
            Ok(abi::bool_word(one_float("isfinite", a, k)?.is_finite()))
        }),
    );
    put(
        "floor",
        native("floor", |a, k| round_to_int("floor", a, k, f64::floor)),
    );
    put(
        "ceil",
        native("ceil", |a, k| round_to_int("ceil", a, k, f64::ceil)),
    );
    put(
        "trunc",
        native("trunc", |a, k| round_to_int("trunc", a, k, f64::trunc)),
    );
    put(
        "factorial",
        native("factorial", |a, k| {
            let n = one_int("factorial", a, k)?;
            if n.sign() == num_bigint::Sign::Minus {
                return exc::value_error("factorial() not defined for negative values");
            }
            let n: u64 = num_traits::ToPrimitive::to_u64(&n)
                .ok_or(())
                .or_else(|()| {
                    exc::overflow_error(
                        "factorial() argument should not exceed 9223372036854775807",
                    )
                })?;
            let mut acc = num_bigint::BigInt::from(1u8);
            for i in 2..=n {
                acc *= i;
            }
            Ok(int::from_big(acc))
        }),
    );
    put(
        "gcd",
        native("gcd", |a, k| {
            if !k.is_empty() {
                return exc::type_error("gcd() takes no keyword arguments");
            }
            let mut acc = num_bigint::BigInt::from(0u8);
            for &x in a {
                acc = num_integer::Integer::gcd(&acc, &int_arg(x)?);
            }
            Ok(int::from_big(acc))
        }),
    );
    put("lcm", native("lcm", math_lcm));
    put("comb", native("comb", |a, k| comb_perm("comb", a, k)));
    put("perm", native("perm", |a, k| comb_perm("perm", a, k)));
    put("prod", native("prod", math_prod));
    put(
        "modf",
        native("modf", |a, k| {
            let x = one_float("modf", a, k)?;
            let whole = x.trunc();
            // modf(inf) is (0.0, inf), with the sign kept on the zero.
            let frac = if x.is_infinite() {
                0.0f64.copysign(x)
            } else {
                x - whole
            };
            Ok(object::new_tuple(vec![float(frac), float(whole)]))
        }),
    );
    put(
        "frexp",
        native("frexp", |a, k| {
            let x = one_float("frexp", a, k)?;
            let (m, e) = frexp(x);
            Ok(object::new_tuple(vec![float(m), int::from_i64(e)]))
        }),
    );
    put("ldexp", native("ldexp", math_ldexp));
    put(
        "isqrt",
        native("isqrt", |a, k| {
            let n = one_int("isqrt", a, k)?;
            if n.sign() == num_bigint::Sign::Minus {
                return exc::value_error("isqrt() argument must be nonnegative");
            }
            Ok(int::from_big(n.sqrt()))
        }),
    );
    put(
        "fsum",
        native("fsum", |a, k| {
            if !k.is_empty() || a.len() != 1 {
                return exc::type_error("fsum() takes exactly one argument");
            }
            let items = crate::iter::collect(a[0])?;
            let items = object::Items(items);
            let mut values = Vec::with_capacity(items.len());
            for &x in items.iter() {
                values.push(to_float(x)?);
            }
            Ok(float(fsum(&values)))
        }),
    );
    put(
        "isclose",
        native("isclose", |a, k| {
            let (x, y) = match a {
                [x, y] => (to_float(*x)?, to_float(*y)?),
                _ => return exc::type_error("isclose() takes exactly 2 positional arguments"),
            };
            let mut rel = 1e-9;
            let mut abs_tol = 0.0;
            for &(name, v) in k {
                match name {
                    "rel_tol" => rel = to_float(v)?,
                    "abs_tol" => abs_tol = to_float(v)?,
                    _ => {
                        return exc::type_error(format!(
                            "isclose() got an unexpected keyword argument '{name}'"
                        ));
                    }
                }
            }
            if rel < 0.0 || abs_tol < 0.0 {
                return exc::value_error("tolerances must be non-negative");
            }
            if x == y {
                return Ok(abi::TRUE);
            }
            if x.is_infinite() || y.is_infinite() {
                return Ok(abi::FALSE);
            }
            let diff = (y - x).abs();
            Ok(abi::bool_word(
                diff <= (rel * y).abs() || diff <= (rel * x).abs() || diff <= abs_tol,
            ))
        }),
    );
}

fn math_log(a: &[Word], k: &Kw) -> PyResult<Word> {
    if !k.is_empty() {
        return exc::type_error("log() takes no keyword arguments");
    }
    let ln = |w: Word| -> PyResult<f64> {
        if let Some(int::Int::Big(b)) = int::int_of(w) {
            if b.sign() != num_bigint::Sign::Plus {
                return exc::value_error("math domain error");
            }
            // ln(b) = ln(mantissa) + e * ln(2), exact enough for huge ints.
            let bits = b.bits();
            let shift = bits.saturating_sub(60);
            let top: num_bigint::BigInt = b >> shift;
            let m = num_traits::ToPrimitive::to_f64(&top).unwrap_or(f64::NAN);
            return Ok(m.ln() + shift as f64 * std::f64::consts::LN_2);
        }
        let x = to_float(w)?;
        if x <= 0.0 || x.is_nan() {
            if x.is_nan() {
                return Ok(x);
            }
            return exc::value_error("math domain error");
        }
        Ok(x.ln())
    };
    match a {
        [x] => Ok(float(ln(*x)?)),
        [x, base] => {
            let num = ln(*x)?;
            let den = ln(*base)?;
            if den == 0.0 {
                return exc::zero_division("float division by zero");
            }
            Ok(float(num / den))
        }
        _ => exc::type_error(format!("log expected 1 or 2 arguments, got {}", a.len())),
    }
}

fn log_base(name: &str, a: &[Word], k: &Kw, f: fn(f64) -> f64) -> PyResult<Word> {
    let x = one_float(name, a, k)?;
    if x.is_nan() {
        return Ok(float(x));
    }
    if x <= 0.0 {
        return exc::value_error("math domain error");
    }
    Ok(float(f(x)))
}

/// C's `frexp`: `x = m * 2**e` with `0.5 <= |m| < 1` (`(x, 0)` for 0, inf, NaN).
fn frexp(x: f64) -> (f64, i64) {
    if x == 0.0 || !x.is_finite() {
        return (x, 0);
    }
    let bits = x.to_bits();
    let exponent = ((bits >> 52) & 0x7ff) as i64;
    if exponent == 0 {
        // Subnormal: scale into the normal range first.
        let (m, e) = frexp(x * 2f64.powi(64));
        return (m, e - 64);
    }
    let m = f64::from_bits((bits & !(0x7ff << 52)) | (1022 << 52));
    (m, exponent - 1022)
}

fn math_ldexp(a: &[Word], k: &Kw) -> PyResult<Word> {
    if !k.is_empty() {
        return exc::type_error("ldexp() takes no keyword arguments");
    }
    let [x, e] = a else {
        return exc::type_error(format!("ldexp expected 2 arguments, got {}", a.len()));
    };
    let x = to_float(*x)?;
    let Some(e) = int::int_of(*e) else {
        return exc::type_error("Expected an int as second argument to ldexp.");
    };
    if x == 0.0 || !x.is_finite() {
        return Ok(float(x));
    }
    // Exponents beyond any f64 saturate: huge ones overflow, tiny ones give zero.
    let e = num_traits::ToPrimitive::to_i64(&e.to_big()).unwrap_or(
        if e.to_big().sign() == num_bigint::Sign::Minus {
            i64::MIN
        } else {
            i64::MAX
        },
    );
    let (m, ex) = frexp(x);
    let t = ex.saturating_add(e);
    if t > 1024 {
        return exc::overflow_error("math range error");
    }
    if t >= -1021 {
        // A normal result: exact (in two steps, as 2**1024 is not a double).
        return Ok(float(m * 2f64.powi(t as i32 - 1) * 2.0));
    }
    // A subnormal result, rounded once (half to even) from the 53-bit mantissa.
    let mantissa = (m.abs() * 2f64.powi(53)) as u64;
    let shift = (53 - 1074 - t) as u64;
    let r = if shift >= 64 {
        0
    } else {
        let kept = mantissa >> shift;
        let rest = mantissa & ((1u64 << shift) - 1);
        let half = 1u64 << (shift - 1);
        if rest > half || (rest == half && kept & 1 == 1) {
            kept + 1
        } else {
            kept
        }
    };
    let r = f64::from_bits(r).copysign(x);
    Ok(float(r))
}

fn math_lcm(a: &[Word], k: &Kw) -> PyResult<Word> {
    if !k.is_empty() {
        return exc::type_error("lcm() takes no keyword arguments");
    }
    let mut acc = num_bigint::BigInt::from(1u8);
    for &x in a {
        acc = num_integer::Integer::lcm(&acc, &int_arg(x)?);
    }
    Ok(int::from_big(acc))
}

/// `comb(n, k)` and `perm(n, k=None)`.
fn comb_perm(name: &str, a: &[Word], k: &Kw) -> PyResult<Word> {
    use num_bigint::{BigInt, Sign};
    if !k.is_empty() {
        return exc::type_error(format!("{name}() takes no keyword arguments"));
    }
    let (n, r) = match (name, a) {
        (_, [n, r]) if *r != abi::NONE || name == "perm" => (*n, Some(*r)),
        ("perm", [n]) => (*n, None),
        ("comb", _) => {
            return exc::type_error(format!("comb expected 2 arguments, got {}", a.len()));
        }
        _ => {
            return exc::type_error(format!(
                "perm expected at most 2 arguments, got {}",
                a.len()
            ));
        }
    };
    let n = int_arg(n)?;
    let r = match r {
        Some(w) if w != abi::NONE => Some(int_arg(w)?),
        _ => None,
    };
    let Some(r) = r else {
        if n.sign() == Sign::Minus {
            return exc::value_error("factorial() not defined for negative values");
        }
        let mut acc = BigInt::from(1u8);
        let mut i = BigInt::from(2u8);
        while i <= n {
            acc *= &i;
            i += 1u8;
        }
        return Ok(int::from_big(acc));
    };
    if n.sign() == Sign::Minus {
        return exc::value_error("n must be a non-negative integer");
    }
    if r.sign() == Sign::Minus {
        return exc::value_error("k must be a non-negative integer");
    }
    if r > n {
        return Ok(abi::small_int(0));
    }
    let r = if name == "comb" {
        std::cmp::min(r.clone(), &n - &r)
    } else {
        r
    };
    let mut acc = BigInt::from(1u8);
    let mut i = BigInt::from(0u8);
    while i < r {
        acc *= &n - &i;
        i += 1u8;
        if name == "comb" {
            acc /= &i;
        }
    }
    Ok(int::from_big(acc))
}

/// `prod(iterable, /, *, start=1)`, multiplying as `*` does.
fn math_prod(a: &[Word], k: &Kw) -> PyResult<Word> {
    let [iterable] = a else {
        return exc::type_error(format!(
            "prod() takes exactly 1 positional argument ({} given)",
            a.len()
        ));
    };
    let mut start = abi::small_int(1);
    for &(name, v) in k {
        if name != "start" {
            return exc::type_error(format!(
                "prod() got an unexpected keyword argument '{name}'"
            ));
        }
        start = v;
    }
    let items = object::Items(crate::iter::collect(*iterable)?);
    object::incref(start);
    let mut acc = object::Owned(start);
    for &x in items.iter() {
        acc = object::Owned(crate::ops::binary(crate::ops::BinOp::Mul, acc.0, x)?);
    }
    Ok(acc.into_word())
}

fn int_arg(w: Word) -> PyResult<num_bigint::BigInt> {
    match int::int_of(w) {
        Some(i) => Ok(i.to_big()),
        None => exc::type_error(format!(
            "'{}' object cannot be interpreted as an integer",
            object::type_name(w)
        )),
    }
}

fn one_int(name: &str, a: &[Word], k: &Kw) -> PyResult<num_bigint::BigInt> {
    if !k.is_empty() {
        return exc::type_error(format!("{name}() takes no keyword arguments"));
    }
    match a {
        [x] => int_arg(*x),
        _ => exc::type_error(format!(
            "{name}() takes exactly one argument ({} given)",
            a.len()
        )),
    }
}

/// `math.floor` and friends: ints pass through; floats become exact ints.
fn round_to_int(name: &str, a: &[Word], k: &Kw, f: fn(f64) -> f64) -> PyResult<Word> {
    if !k.is_empty() || a.len() != 1 {
        return exc::type_error(format!("{name}() takes exactly one argument"));
    }
    if let Some(i) = int::int_of(a[0]) {
        return Ok(int::to_word(i));
    }
    let x = to_float(a[0])?;
    if x.is_nan() {
        return exc::value_error("cannot convert float NaN to integer");
    }
    if x.is_infinite() {
        return exc::overflow_error("cannot convert float infinity to integer");
    }
    crate::float::to_int(f(x)).map(int::from_big)
}

/// Shewchuk's exactly rounded sum (the algorithm CPython's `math.fsum` uses).
fn fsum(values: &[f64]) -> f64 {
    let mut partials: Vec<f64> = Vec::new();
    let mut special = 0.0f64;
    for &x in values {
        if !x.is_finite() {
            special += x;
            continue;
        }
        let mut x = x;
        let mut i = 0;
        for j in 0..partials.len() {
            let mut y = partials[j];
            if x.abs() < y.abs() {
                std::mem::swap(&mut x, &mut y);
            }
            let hi = x + y;
            let lo = y - (hi - x);
            if lo != 0.0 {
                partials[i] = lo;
                i += 1;
            }
            x = hi;
        }
        partials.truncate(i);
        partials.push(x);
    }
    if special != 0.0 || special.is_nan() {
        return special;
    }
    let mut hi = 0.0;
    if let Some(mut n) = partials.len().checked_sub(1) {
        hi = partials[n];
        let mut lo = 0.0;
        while n > 0 {
            n -= 1;
            let x = hi;
            let y = partials[n];
            hi = x + y;
            let yr = hi - x;
            lo = y - yr;
            if lo != 0.0 {
                break;
            }
        }
        if n > 0 && ((lo < 0.0 && partials[n - 1] < 0.0) || (lo > 0.0 && partials[n - 1] > 0.0)) {
            let y = lo * 2.0;
            let x = hi + y;
            let yr = x - hi;
            if y == yr {
                hi = x;
            }
        }
    }
    hi
}

/// Calls a native function.
pub fn call_native(f: &NativeFnObj, args: &[Word], kw: &Kw) -> PyResult<Word> {
    (f.f)(args, kw)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The compiler accepts exactly the names `abi::stdlib` lists; each module must
    /// define exactly those.
    #[test]
    fn modules_define_the_names_the_compiler_accepts() {
        for &(module, names) in abi::stdlib::MODULES {
            let m = import(module);
            let m = as_module(m).unwrap_or_else(|| panic!("skink lacks the module {module}"));
            let mut defined: Vec<String> = m
                .dict
                .iter()
                .filter_map(|e| object::as_str(e.key).map(|s| s.value.clone()))
                .collect();
            defined.sort();
            let mut expected: Vec<String> = names.iter().map(|n| n.to_string()).collect();
            expected.sort();
            assert_eq!(defined, expected, "the names of `{module}`");
        }
        assert_eq!(MODULES_PROVIDED.len(), abi::stdlib::MODULES.len());
    }
}
