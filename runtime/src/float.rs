//! Python floats: IEEE doubles with CPython's repr (shortest round-trip digits from
//! `ryu`, laid out by CPython's rules), floor division and modulo, `pow` with its
//! special cases and errors, exact rounding and exact comparison with ints.

use std::cmp::Ordering;

use num_bigint::BigInt;
use num_integer::Integer;
use num_traits::{FromPrimitive, Signed, Zero};

use crate::exc::{self, PyResult};
use crate::int::{self, Int};

/// The shortest digits that round-trip and the decimal exponent: `x = 0.DIGITS * 10**point`.
fn shortest_digits(x: f64) -> (String, i32) {
    let mut buf = ryu::Buffer::new();
    let text = buf.format_finite(x.abs());
    let (mantissa, exp) = match text.split_once(['e', 'E']) {
        Some((m, e)) => (m, e.parse::<i32>().unwrap_or(0)),
        None => (text, 0),
    };
    let (int_part, frac_part) = mantissa.split_once('.').unwrap_or((mantissa, ""));
    let all: String = format!("{int_part}{frac_part}");
    let leading_zeros = all.len() - all.trim_start_matches('0').len();
    let digits = all.trim_start_matches('0').trim_end_matches('0');
    if digits.is_empty() {
        return ("0".to_string(), 1);
    }
    let point = int_part.len() as i32 - leading_zeros as i32 + exp;
    (digits.to_string(), point)
}

/// `repr(x)`, which is also `str(x)`.
pub fn repr(x: f64) -> String {
    if x.is_nan() {
        return "nan".into();
    }
    if x.is_infinite() {
        return if x > 0.0 { "inf".into() } else { "-inf".into() };
    }
    let sign = if x.is_sign_negative() { "-" } else { "" };
    if x == 0.0 {
        return format!("{sign}0.0");
    }
    let (digits, point) = shortest_digits(x);
    let n = digits.len() as i32;
    // CPython's 'r' format: scientific when the exponent is < -4 or >= 16.
    if point <= -4 || point > 16 {
        let exp = point - 1;
        let (first, rest) = digits.split_at(1);
        let frac = if rest.is_empty() {
            String::new()
        } else {
            format!(".{rest}")
        };
        let esign = if exp < 0 { '-' } else { '+' };
        return format!("{sign}{first}{frac}e{esign}{:02}", exp.abs());
    }
    if point <= 0 {
        format!("{sign}0.{}{digits}", "0".repeat((-point) as usize))
    } else if point >= n {
        format!("{sign}{digits}{}.0", "0".repeat((point - n) as usize))
    } else {
        let (a, b) = digits.split_at(point as usize);
        format!("{sign}{a}.{b}")
    }
}

pub fn truediv(a: f64, b: f64) -> PyResult<f64> {
    if b == 0.0 {
        return exc::zero_division("float division by zero");
    }
    Ok(a / b)
}

/// CPython's `float_divmod`, shared by `//`, `%` and `divmod`.
fn divmod_unchecked(vx: f64, wx: f64) -> (f64, f64) {
    let mut m = vx % wx;
    let mut div = (vx - m) / wx;
    if m != 0.0 {
        if (wx < 0.0) != (m < 0.0) {
            m += wx;
            div -= 1.0;
        }
    } else {
        m = 0.0f64.copysign(wx);
    }
    let floordiv = if div != 0.0 {
        let f = div.floor();
        if div - f > 0.5 { f + 1.0 } else { f }
    } else {
        0.0f64.copysign(vx / wx)
    };
    (floordiv, m)
}

pub fn floordiv(a: f64, b: f64) -> PyResult<f64> {
    if b == 0.0 {
        return exc::zero_division("float floor division by zero");
    }
    Ok(divmod_unchecked(a, b).0)
}

pub fn modulo(a: f64, b: f64) -> PyResult<f64> {
    if b == 0.0 {
        return exc::zero_division("float modulo");
    }
    Ok(modulo_nonzero(a, b))
}

/// `a % b` for `b != 0`: C's `fmod`, then the divisor's sign.
pub fn modulo_nonzero(a: f64, b: f64) -> f64 {
    let mut m = a % b;
    if m != 0.0 {
        if (b < 0.0) != (m < 0.0) {
            m += b;
        }
    } else {
        m = 0.0f64.copysign(b);
    }
    m
}

pub fn divmod(a: f64, b: f64) -> PyResult<(f64, f64)> {
    if b == 0.0 {
        return exc::zero_division("float divmod()");
    }
    Ok(divmod_unchecked(a, b))
}

fn is_odd_integer(y: f64) -> bool {
    y.is_finite() && y.floor() == y && (y / 2.0).floor() != y / 2.0
}

/// CPython's `float_pow`.
/// `base ** exponent` of a finite `base > 0` and a finite `exponent`: infinite
/// on overflow (which `pow` raises).
pub fn pow_positive(base: f64, exponent: f64) -> f64 {
    if exponent == 0.0 || base == 1.0 {
        return 1.0;
    }
    base.powf(exponent)
}

pub fn pow(iv: f64, iw: f64) -> PyResult<f64> {
    if iw == 0.0 {
        return Ok(1.0);
    }
    if iv.is_nan() {
        return Ok(iv);
    }
    if iw.is_nan() {
        return Ok(if iv == 1.0 { 1.0 } else { iw });
    }
    if iw.is_infinite() {
        let v = iv.abs();
        return Ok(if v == 1.0 {
            1.0
        } else if (iw > 0.0) == (v > 1.0) {
            iw.abs()
        } else {
            0.0
        });
    }
    if iv.is_infinite() {
        let odd = is_odd_integer(iw);
        return Ok(if iw > 0.0 {
            if odd { iv } else { iv.abs() }
        } else if odd {
            0.0f64.copysign(iv)
        } else {
            0.0
        });
    }
    if iv == 0.0 {
        if iw < 0.0 {
            return exc::zero_division("0.0 cannot be raised to a negative power");
        }
        return Ok(if is_odd_integer(iw) { iv } else { 0.0 });
    }
    let mut base = iv;
    let mut negate = false;
    if base < 0.0 {
        if iw != iw.floor() {
            // CPython returns a complex number here; skink has no complex type yet.
            return exc::raise(
                exc::ExcType::NotImplementedError,
                "skink: a negative float raised to a fractional power gives a complex number, which skink does not support yet",
            );
        }
        base = -base;
        negate = is_odd_integer(iw);
    }
    let r = pow_positive(base, iw);
    if r.is_infinite() {
        return exc::overflow_error("(34, 'Numerical result out of range')");
    }
    Ok(if negate { -r } else { r })
}

/// The exact value of a finite float as a ratio `num / den` with `den` a power of two.
fn exact_ratio(x: f64) -> (BigInt, BigInt) {
    let bits = x.to_bits();
    let exponent = ((bits >> 52) & 0x7ff) as i64;
    let fraction = bits & ((1u64 << 52) - 1);
    let (mantissa, exp2) = if exponent == 0 {
        (fraction, -1074)
    } else {
        (fraction | (1u64 << 52), exponent - 1075)
    };
    let mut num = BigInt::from(mantissa);
    if x < 0.0 {
        num = -num;
    }
    if exp2 >= 0 {
        (num << exp2 as usize, BigInt::from(1))
    } else {
        (num, BigInt::from(1) << (-exp2) as usize)
    }
}

/// Rounds `num / den` (den > 0) to the nearest integer, ties to even.
pub fn round_half_even(num: &BigInt, den: &BigInt) -> BigInt {
    let (q, r) = num.div_mod_floor(den);
    let twice: BigInt = &r * 2u32;
    match twice.cmp(den) {
        Ordering::Less => q,
        Ordering::Greater => q + 1,
        Ordering::Equal if q.is_even() => q,
        Ordering::Equal => q + 1,
    }
}

/// `round(x)`: the nearest int, ties to even.
pub fn round_to_int(x: f64) -> PyResult<BigInt> {
    to_int(x.round_ties_even())
}

/// `round(x, ndigits)`: correctly rounded, ties to even on the exact binary value.
pub fn round_ndigits(x: f64, ndigits: i64) -> PyResult<f64> {
    // CPython's limits: beyond them the answer is `x` or a signed zero.
    const NDIGITS_MAX: i64 = 323;
    const NDIGITS_MIN: i64 = -308;
    if ndigits > NDIGITS_MAX || !x.is_finite() || x == 0.0 {
        return Ok(x);
    }
    if ndigits < NDIGITS_MIN {
        return Ok(0.0 * x);
    }
    let (num, den) = exact_ratio(x);
    let pow10 = BigInt::from(10).pow(ndigits.unsigned_abs() as u32);
    let rounded = if ndigits >= 0 {
        round_half_even(&(num * &pow10), &den)
    } else {
        round_half_even(&num, &(den * &pow10)) * &pow10
    };
    if rounded.is_zero() {
        return Ok(0.0f64.copysign(x));
    }
    let magnitude = if ndigits >= 0 {
        int::ratio_to_f64(&rounded.abs(), &pow10)
    } else {
        // Too large for a float: reported just below (replacing the pending error).
        int::big_to_f64(&rounded.abs()).unwrap_or(f64::INFINITY)
    };
    if magnitude.is_infinite() {
        return exc::overflow_error("rounded value too large to represent");
    }
    Ok(if rounded.is_negative() {
        -magnitude
    } else {
        magnitude
    })
}

/// Truncation toward zero, as `int(x)`.
pub fn to_int(x: f64) -> PyResult<BigInt> {
    if x.is_nan() {
        return exc::value_error("cannot convert float NaN to integer");
    }
    if x.is_infinite() {
        return exc::overflow_error("cannot convert float infinity to integer");
    }
    Ok(BigInt::from_f64(x.trunc()).unwrap_or_default())
}

/// Exact comparison of an int with a float; `None` when the float is NaN.
pub fn cmp_int_float(a: Int, f: f64) -> Option<Ordering> {
    if f.is_nan() {
        return None;
    }
    if f.is_infinite() {
        return Some(if f > 0.0 {
            Ordering::Less
        } else {
            Ordering::Greater
        });
    }
    let floor = f.floor();
    let fi = BigInt::from_f64(floor).unwrap_or_default();
    Some(match a.to_big().cmp(&fi) {
        Ordering::Equal if f > floor => Ordering::Less,
        other => other,
    })
}

/// `float(text)`: Python's grammar, underscores only between digits.
pub fn parse(text: &str) -> PyResult<f64> {
    let invalid = || {
        exc::value_error(format!(
            "could not convert string to float: {}",
            crate::str::repr(text)
        ))
    };
    let ascii = crate::str::numeric_ascii(text);
    let s = ascii.trim_matches(crate::str::is_c_whitespace);
    let bytes = s.as_bytes();
    let mut clean = String::with_capacity(s.len());
    for (i, &c) in bytes.iter().enumerate() {
        if c == b'_' {
            let digit_before = i > 0 && bytes[i - 1].is_ascii_digit();
            let digit_after = bytes.get(i + 1).is_some_and(u8::is_ascii_digit);
            if !(digit_before && digit_after) {
                return invalid();
            }
            continue;
        }
        if !c.is_ascii() {
            return invalid();
        }
        clean.push(c as char);
    }
    let lower = clean.to_ascii_lowercase();
    let unsigned = lower.trim_start_matches(['+', '-']);
    // Rust also accepts forms Python does not; allow only Python's words and digits.
    let word_ok = matches!(unsigned, "inf" | "infinity" | "nan");
    let number_ok = !unsigned.is_empty()
        && unsigned
            .bytes()
            .all(|c| c.is_ascii_digit() || matches!(c, b'.' | b'e' | b'+' | b'-'))
        && lower.len() - unsigned.len() <= 1;
    if !(word_ok || number_ok) {
        return invalid();
    }
    match lower.parse::<f64>() {
        Ok(v) => Ok(v),
        Err(_) => invalid(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn repr_follows_cpython_layout() {
        let cases = [
            (0.1 + 0.2, "0.30000000000000004"),
            (1e16, "1e+16"),
            (1e15, "1000000000000000.0"),
            (1e-7, "1e-07"),
            (0.0001, "0.0001"),
            (0.00001, "1e-05"),
            (-0.0, "-0.0"),
            (1.5, "1.5"),
            (123456789.125, "123456789.125"),
            (5e-324, "5e-324"),
            (1.7976931348623157e308, "1.7976931348623157e+308"),
            (2.0f64.powi(60), "1.152921504606847e+18"),
        ];
        for (x, want) in cases {
            assert_eq!(repr(x), want, "repr of {x:e}");
        }
    }
}
