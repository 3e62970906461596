//! Python ints: arbitrary precision, small values inline in the word, big ones as
//! `num_bigint::BigInt` objects. Division and modulo floor; nothing ever wraps.

use num_bigint::{BigInt, Sign};
use num_integer::Integer;
use num_traits::{One, Signed, ToPrimitive, Zero};
use skink_abi::{self as abi, Word};

use crate::exc::{self, ExcType, PyResult};
use crate::object;

/// CPython 3.11's default `sys.get_int_max_str_digits()`.
pub const MAX_STR_DIGITS: usize = 4300;

/// A borrowed view of an int (or bool) value.
#[derive(Clone, Copy)]
pub enum Int<'a> {
    Small(i64),
    Big(&'a BigInt),
}

impl Int<'_> {
    pub fn to_big(self) -> BigInt {
        match self {
            Int::Small(v) => BigInt::from(v),
            Int::Big(b) => b.clone(),
        }
    }

    pub fn is_zero(self) -> bool {
        matches!(self, Int::Small(0))
    }

    pub fn is_negative(self) -> bool {
        match self {
            Int::Small(v) => v < 0,
            Int::Big(b) => b.is_negative(),
        }
    }
}

/// Views `w` as an int when it is an int or a bool.
pub fn int_of<'a>(w: Word) -> Option<Int<'a>> {
    if abi::is_small_int(w) {
        return Some(Int::Small(w >> 1));
    }
    match w {
        abi::TRUE => Some(Int::Small(1)),
        abi::FALSE => Some(Int::Small(0)),
        _ => object::as_big(w).map(Int::Big),
    }
}

/// `w` as a C `Py_ssize_t`, as CPython converts the index arguments of methods
/// (`list.pop`, `list.insert`, `str.center`...): an int outside 64 bits raises
/// `OverflowError`.
pub fn as_ssize(w: Word) -> PyResult<i64> {
    match int_of(w) {
        Some(Int::Small(v)) => Ok(v),
        Some(Int::Big(b)) => match b.to_i64() {
            Some(v) => Ok(v),
            None => exc::overflow_error("Python int too large to convert to C ssize_t"),
        },
        None => exc::type_error(format!(
            "'{}' object cannot be interpreted as an integer",
            object::type_name(w)
        )),
    }
}

pub fn from_i64(v: i64) -> Word {
    if (abi::SMALL_INT_MIN..=abi::SMALL_INT_MAX).contains(&v) {
        abi::small_int(v)
    } else {
        object::new_big_obj(BigInt::from(v))
    }
}

pub fn from_i128(v: i128) -> Word {
    match i64::try_from(v) {
        Ok(v) => from_i64(v),
        Err(_) => object::new_big_obj(BigInt::from(v)),
    }
}

/// Keeps the one-representation invariant: small values go inline.
pub fn from_big(v: BigInt) -> Word {
    match v.to_i64() {
        Some(s) => from_i64(s),
        None => object::new_big_obj(v),
    }
}

fn big_binop(a: Int, b: Int, op: impl FnOnce(BigInt, BigInt) -> BigInt) -> Word {
    from_big(op(a.to_big(), b.to_big()))
}

pub fn add(a: Int, b: Int) -> Word {
    match (a, b) {
        (Int::Small(x), Int::Small(y)) => from_i128(x as i128 + y as i128),
        _ => big_binop(a, b, |x, y| x + y),
    }
}

pub fn sub(a: Int, b: Int) -> Word {
    match (a, b) {
        (Int::Small(x), Int::Small(y)) => from_i128(x as i128 - y as i128),
        _ => big_binop(a, b, |x, y| x - y),
    }
}

pub fn mul(a: Int, b: Int) -> Word {
    match (a, b) {
        (Int::Small(x), Int::Small(y)) => from_i128(x as i128 * y as i128),
        _ => big_binop(a, b, |x, y| x * y),
    }
}

pub fn floordiv(a: Int, b: Int) -> PyResult<Word> {
    if b.is_zero() {
        return exc::zero_division("integer division or modulo by zero");
    }
    Ok(match (a, b) {
        (Int::Small(x), Int::Small(y)) => from_i128(Integer::div_floor(&(x as i128), &(y as i128))),
        _ => big_binop(a, b, |x, y| x.div_floor(&y)),
    })
}

pub fn modulo(a: Int, b: Int) -> PyResult<Word> {
    if b.is_zero() {
        return exc::zero_division("integer modulo by zero");
    }
    Ok(match (a, b) {
        (Int::Small(x), Int::Small(y)) => from_i64(x.mod_floor(&y)),
        _ => big_binop(a, b, |x, y| x.mod_floor(&y)),
    })
}

pub fn divmod(a: Int, b: Int) -> PyResult<(Word, Word)> {
    if b.is_zero() {
        return exc::zero_division("integer division or modulo by zero");
    }
    let (q, r) = a.to_big().div_mod_floor(&b.to_big());
    Ok((from_big(q), from_big(r)))
}

pub fn neg(a: Int) -> Word {
    match a {
        Int::Small(x) => from_i128(-(x as i128)),
        Int::Big(b) => from_big(-b),
    }
}

pub fn invert(a: Int) -> Word {
    match a {
        Int::Small(x) => from_i64(!x),
        Int::Big(b) => from_big(-b - 1),
    }
}

pub fn abs(a: Int) -> Word {
    if a.is_negative() { neg(a) } else { to_word(a) }
}

/// A new reference to the int `a` (a bool becomes a plain int).
pub fn to_word(a: Int) -> Word {
    match a {
        Int::Small(x) => from_i64(x),
        Int::Big(b) => from_big(b.clone()),
    }
}

pub fn bitand(a: Int, b: Int) -> Word {
    match (a, b) {
        (Int::Small(x), Int::Small(y)) => from_i64(x & y),
        _ => big_binop(a, b, |x, y| x & y),
    }
}

pub fn bitor(a: Int, b: Int) -> Word {
    match (a, b) {
        (Int::Small(x), Int::Small(y)) => from_i64(x | y),
        _ => big_binop(a, b, |x, y| x | y),
    }
}

pub fn bitxor(a: Int, b: Int) -> Word {
    match (a, b) {
        (Int::Small(x), Int::Small(y)) => from_i64(x ^ y),
        _ => big_binop(a, b, |x, y| x ^ y),
    }
}

/// A shift count as a machine number; `None` when it is too large to be one.
fn shift_count(b: Int) -> PyResult<Option<u64>> {
    if b.is_negative() {
        return exc::value_error("negative shift count");
    }
    Ok(match b {
        Int::Small(v) => Some(v as u64),
        Int::Big(v) => v.to_u64(),
    })
}

pub fn lshift(a: Int, b: Int) -> PyResult<Word> {
    let count = shift_count(b)?;
    if a.is_zero() {
        return Ok(abi::small_int(0));
    }
    // CPython's ints hold at most MAX_LONG_DIGITS 30-bit digits; past that the
    // shift is an OverflowError, below it a result too large for memory fails.
    const MAX_LONG_DIGITS: u64 = (i64::MAX as u64 - 24) / 4;
    const MAX_BITS: u64 = 1 << 40;
    let old_digits = match a {
        Int::Small(x) => (64 - x.unsigned_abs().leading_zeros() as u64).div_ceil(30),
        Int::Big(b) => b.bits().div_ceil(30),
    };
    let too_many_digits = match count {
        Some(n) => n / 30 > MAX_LONG_DIGITS - old_digits - 1,
        None => true,
    };
    if too_many_digits {
        return exc::overflow_error("too many digits in integer");
    }
    match count {
        Some(n) if n < MAX_BITS => {
            if let Int::Small(x) = a
                && n < 62
                && let Some(v) = (x as i128).checked_shl(n as u32)
            {
                return Ok(from_i128(v));
            }
            Ok(from_big(a.to_big() << n as usize))
        }
        _ => exc::raise(ExcType::MemoryError, ""),
    }
}

pub fn rshift(a: Int, b: Int) -> PyResult<Word> {
    let count = shift_count(b)?;
    let negative = a.is_negative();
    Ok(match (a, count) {
        (_, None) => abi::small_int(if negative { -1 } else { 0 }),
        (Int::Small(x), Some(n)) => from_i64(x >> n.min(63)),
        // BigInt's `>>` rounds toward negative infinity, as Python does.
        (Int::Big(v), Some(n)) => from_big(v >> n.min(usize::MAX as u64) as usize),
    })
}

/// `a ** b` for ints with `b >= 0`.
pub fn pow_nonneg(a: Int, b: Int) -> PyResult<Word> {
    let base = a.to_big();
    if base.is_zero() || base.is_one() {
        return Ok(from_big(if b.is_zero() { BigInt::one() } else { base }));
    }
    if base == BigInt::from(-1) {
        let odd = match b {
            Int::Small(e) => e & 1 == 1,
            Int::Big(e) => e.is_odd(),
        };
        return Ok(from_i64(if odd { -1 } else { 1 }));
    }
    let exponent = match b {
        Int::Small(e) => u32::try_from(e).ok(),
        Int::Big(_) => None,
    };
    match exponent {
        // Past this the result has more bits than memory holds.
        Some(e) if (e as u64) * base.bits() < (1 << 36) => Ok(from_big(base.pow(e))),
        _ => exc::raise(ExcType::MemoryError, ""),
    }
}

/// Three-argument `pow(a, b, m)` for ints.
pub fn pow_mod(a: Int, b: Int, m: Int) -> PyResult<Word> {
    if m.is_zero() {
        return exc::value_error("pow() 3rd argument cannot be 0");
    }
    let m = m.to_big();
    let mut base = a.to_big();
    let mut exponent = b.to_big();
    if exponent.is_negative() {
        base = match mod_inverse(&base, &m) {
            Some(inv) => inv,
            None => return exc::value_error("base is not invertible for the given modulus"),
        };
        exponent = -exponent;
    }
    let modulus = m.abs();
    let mut r = base.mod_floor(&modulus).modpow(&exponent, &modulus);
    // The result takes the sign of the modulus, as `%` does.
    if m.is_negative() && !r.is_zero() {
        r += &m;
    }
    Ok(from_big(r))
}

fn mod_inverse(a: &BigInt, m: &BigInt) -> Option<BigInt> {
    let modulus = m.abs();
    let e = a.mod_floor(&modulus).extended_gcd(&modulus);
    e.gcd.is_one().then(|| e.x.mod_floor(&modulus))
}

pub fn cmp(a: Int, b: Int) -> std::cmp::Ordering {
    match (a, b) {
        (Int::Small(x), Int::Small(y)) => x.cmp(&y),
        _ => a.to_big().cmp(&b.to_big()),
    }
}

/// Correctly rounded conversion to a float (round half to even).
pub fn to_f64(a: Int) -> PyResult<f64> {
    match a {
        Int::Small(v) => Ok(v as f64),
        Int::Big(b) => big_to_f64(b),
    }
}

pub fn big_to_f64(b: &BigInt) -> PyResult<f64> {
    let bits = b.bits();
    if bits <= 64 {
        // u64 -> f64 rounds to nearest even.
        let mag = b.magnitude().to_u64().unwrap_or(0) as f64;
        return Ok(if b.is_negative() { -mag } else { mag });
    }
    // Keep 55 significant bits plus a sticky bit so the final rounding is exact.
    let shift = bits - 55;
    let mag = b.magnitude();
    let mut top = (mag >> shift).to_u64().unwrap_or(0);
    if (mag.trailing_zeros().unwrap_or(0)) < shift {
        top |= 1;
    }
    let value = scale_by_pow2(top as f64, shift as i64);
    if value.is_infinite() {
        return exc::overflow_error("int too large to convert to float");
    }
    Ok(if b.is_negative() { -value } else { value })
}

/// `x * 2**e` without intermediate overflow of the power.
pub fn scale_by_pow2(mut x: f64, mut e: i64) -> f64 {
    while e > 1000 {
        x *= 2f64.powi(1000);
        e -= 1000;
    }
    while e < -1000 {
        x *= 2f64.powi(-1000);
        e += 1000;
    }
    x * 2f64.powi(e as i32)
}

/// `a / b` for ints, correctly rounded as CPython's `long_true_divide`.
pub fn truediv(a: Int, b: Int) -> PyResult<f64> {
    if b.is_zero() {
        return exc::zero_division("division by zero");
    }
    const EXACT: i64 = 1 << 53;
    if let (Int::Small(x), Int::Small(y)) = (a, b)
        && x.abs() <= EXACT
        && y.abs() <= EXACT
    {
        return Ok(x as f64 / y as f64);
    }
    let negative = a.is_negative() != b.is_negative();
    let (n, d) = (a.to_big().abs(), b.to_big().abs());
    if n.is_zero() {
        return Ok(if negative { -0.0 } else { 0.0 });
    }
    let value = ratio_to_f64(&n, &d);
    if value.is_infinite() {
        return exc::overflow_error("integer division result too large for a float");
    }
    Ok(if negative { -value } else { value })
}

/// The float nearest to `n / d` for positive `n` and `d` (infinite when too large).
pub fn ratio_to_f64(n: &BigInt, d: &BigInt) -> f64 {
    // Scale so the quotient has 55 or 56 bits; the remainder becomes a sticky bit.
    let shift = n.bits() as i64 - d.bits() as i64 - 55;
    let (num, den) = if shift >= 0 {
        (n.clone(), d << shift as usize)
    } else {
        (n << (-shift) as usize, d.clone())
    };
    let (q, r) = num.div_rem(&den);
    let mut q = q.to_u64().unwrap_or(u64::MAX);
    if !r.is_zero() {
        q |= 1;
    }
    // Results below the normal range would be rounded twice; fold the excess bits
    // into the sticky bit first so only one rounding happens.
    let exponent = shift + 64 - q.leading_zeros() as i64;
    let lowest_normal = -1021;
    if exponent < lowest_normal {
        let drop = (lowest_normal - exponent).min(63) as u32;
        let sticky = q & ((1u64 << drop) - 1) != 0;
        q = (q >> drop) | sticky as u64;
        return scale_by_pow2(q as f64, shift + drop as i64);
    }
    scale_by_pow2(q as f64, shift)
}

/// Decimal text of an int, refusing more digits than CPython's default limit.
pub fn to_decimal(a: Int) -> PyResult<String> {
    match a {
        Int::Small(v) => Ok(v.to_string()),
        Int::Big(b) => {
            // A cheap bound first (bits * log10(2) digits, give or take one), so a
            // huge int is refused without converting it; then the exact count.
            let too_long_for_sure =
                b.bits() as f64 * std::f64::consts::LOG10_2 > MAX_STR_DIGITS as f64 + 1.0;
            let s = (!too_long_for_sure).then(|| b.to_string());
            match s {
                Some(s) if s.len() - usize::from(b.sign() == Sign::Minus) <= MAX_STR_DIGITS => {
                    Ok(s)
                }
                _ => exc::value_error(format!(
                    "Exceeds the limit ({MAX_STR_DIGITS} digits) for integer string conversion; use sys.set_int_max_str_digits() to increase the limit"
                )),
            }
        }
    }
}

/// `int(text)` of the common text, an optional sign and 1 to 18 ASCII
/// digits, maybe between ASCII whitespace (no underscore): its value without
/// the general parse.
fn short_decimal(text: &str) -> Option<i64> {
    // ASCII whitespace is whitespace to `int()` too; other whitespace is left
    // to the general parse (it fails the digit test below).
    let text = text.trim_matches(|c: char| matches!(c, ' ' | '\t' | '\n' | '\r' | '\x0b' | '\x0c'));
    let (negative, digits) = match text.as_bytes() {
        [b'-', rest @ ..] => (true, rest),
        [b'+', rest @ ..] => (false, rest),
        rest => (false, rest),
    };
    if digits.is_empty() || digits.len() > 18 {
        return None;
    }
    let mut n: i64 = 0;
    for &d in digits {
        if !d.is_ascii_digit() {
            return None;
        }
        n = n * 10 + i64::from(d - b'0');
    }
    Some(if negative { -n } else { n })
}

/// `int(text, base)` with Python's grammar: surrounding whitespace, a sign,
/// an optional prefix matching the base, single underscores between digits.
pub fn parse(text: &str, base: u32) -> PyResult<Word> {
    if base == 10
        && let Some(n) = short_decimal(text)
    {
        return Ok(from_i64(n));
    }
    let invalid = || {
        exc::value_error(format!(
            "invalid literal for int() with base {base}: {}",
            crate::str::repr(text)
        ))
    };
    let ascii = crate::str::numeric_ascii(text);
    let s = ascii.trim_matches(crate::str::is_c_whitespace);
    let (negative, s) = match s.as_bytes().first() {
        Some(b'-') => (true, &s[1..]),
        Some(b'+') => (false, &s[1..]),
        _ => (false, s),
    };
    let lower = s.to_ascii_lowercase();
    let prefix_base = match lower.get(..2) {
        Some("0x") => Some(16),
        Some("0o") => Some(8),
        Some("0b") => Some(2),
        _ => None,
    };
    let (base_used, mut digits) = match (base, prefix_base) {
        (0, Some(p)) => (p, &s[2..]),
        (b, Some(p)) if b == p => (b, &s[2..]),
        (0, None) => (10, s),
        (b, _) => (b, s),
    };
    let had_prefix = digits.len() != s.len();
    if had_prefix {
        // `0x_1f` is allowed: one underscore may follow the prefix.
        digits = digits.strip_prefix('_').unwrap_or(digits);
    }
    let mut clean = String::with_capacity(digits.len());
    let mut prev_underscore = true;
    for c in digits.chars() {
        if c == '_' {
            if prev_underscore {
                return invalid();
            }
            prev_underscore = true;
            continue;
        }
        match c.to_digit(base_used) {
            Some(_) => clean.push(c),
            None => return invalid(),
        }
        prev_underscore = false;
    }
    if clean.is_empty() || prev_underscore {
        return invalid();
    }
    // Base 0 refuses leading zeros in a nonzero decimal literal, as Python source does.
    if base == 0
        && !had_prefix
        && clean.len() > 1
        && clean.starts_with('0')
        && clean.bytes().any(|c| c != b'0')
    {
        return invalid();
    }
    if !base_used.is_power_of_two() && clean.len() > MAX_STR_DIGITS {
        return exc::value_error(format!(
            "Exceeds the limit ({MAX_STR_DIGITS} digits) for integer string conversion: value has {} digits; use sys.set_int_max_str_digits() to increase the limit",
            clean.len()
        ));
    }
    let value = BigInt::parse_bytes(clean.as_bytes(), base_used).ok_or(exc::Raised);
    match value {
        Ok(v) => Ok(from_big(if negative { -v } else { v })),
        Err(_) => invalid(),
    }
}
