//! CPython 3.11's string formatting, reproduced exactly: the format-spec
//! mini-language behind `format()` for int, bool, float and str, printf-style
//! `fmt % args`, and `str.format`. Output matches CPython digit for digit and
//! error messages word for word.
//!
//! The code deliberately follows the structure of CPython's own implementation
//! (Python/formatter_unicode.c, Python/pystrtod.c, `PyUnicode_Format` in
//! Objects/unicodeobject.c and Objects/stringlib/unicode_format.h): many corner
//! cases (which error wins, how zero padding interacts with grouping, what a
//! trailing `%` means) only come out right when the same steps run in the same
//! order. Strings are treated as sequences of code points, so widths,
//! precisions and error indexes count characters, not bytes.

use num_bigint::{BigInt, BigUint};
use num_traits::{FromPrimitive, Signed, ToPrimitive, Zero};

/// A formatting failure: the exception CPython raises, type and exact message.
///
/// The module only builds these five kinds itself; errors coming back from
/// [`FormatArg`] methods are passed through untouched.
#[derive(Debug, Clone, PartialEq)]
pub enum FmtError {
    /// `ValueError(message)`.
    Value(String),
    /// `TypeError(message)`.
    Type(String),
    /// `KeyError(key)`, holding the missing key (a str).
    Key(String),
    /// `IndexError(message)`.
    Index(String),
    /// `OverflowError(message)`.
    Overflow(String),
}

/// A `ValueError` with `msg`.
fn value_err(msg: impl Into<String>) -> FmtError {
    FmtError::Value(msg.into())
}

/// CPython's `PY_SSIZE_T_MAX`, the bound on widths and field indexes.
const SSIZE_MAX: i64 = i64::MAX;
/// CPython's `INT_MAX`, the bound on float precisions.
const INT_MAX: i64 = i32::MAX as i64;
/// CPython 3.11's default `sys.get_int_max_str_digits()`.
const MAX_STR_DIGITS: usize = 4300;

/// The error for an output CPython could not allocate either (it raises
/// `MemoryError`, which `FmtError` cannot express); returned instead of
/// letting the allocator abort the process.
fn too_big() -> FmtError {
    FmtError::Overflow("formatted string is too large to allocate".to_owned())
}

/// Reserves room for `bytes` more bytes, failing softly where CPython would
/// raise `MemoryError`.
fn reserve(out: &mut String, bytes: i64) -> Result<(), FmtError> {
    let bytes = usize::try_from(bytes.max(0)).map_err(|_| too_big())?;
    out.try_reserve(bytes).map_err(|_| too_big())
}

/// Appends `n` copies of `fill` (nothing when `n <= 0`).
fn push_fill(out: &mut String, fill: char, n: i64) {
    out.extend(std::iter::repeat_n(fill, usize::try_from(n).unwrap_or(0)));
}

/// `%.200s` of a type name, as CPython's messages truncate it (to 200 bytes).
fn tp_name(name: &str) -> &str {
    if name.len() <= 200 {
        return name;
    }
    let mut end = 200;
    while !name.is_char_boundary(end) {
        end -= 1;
    }
    &name[..end]
}

// ---------------------------------------------------------------------------
// Unicode helpers
// ---------------------------------------------------------------------------

/// The code points that are digit zero of a run of ten Unicode decimal digits
/// (Unicode 14.0, as in Python 3.11); ASCII is handled separately. CPython
/// accepts any of these digits in widths, precisions and field indexes.
const DECIMAL_ZEROS: &[u32] = &[
    0x660, 0x6F0, 0x7C0, 0x966, 0x9E6, 0xA66, 0xAE6, 0xB66, 0xBE6, 0xC66, 0xCE6, 0xD66, 0xDE6,
    0xE50, 0xED0, 0xF20, 0x1040, 0x1090, 0x17E0, 0x1810, 0x1946, 0x19D0, 0x1A80, 0x1A90, 0x1B50,
    0x1BB0, 0x1C40, 0x1C50, 0xA620, 0xA8D0, 0xA900, 0xA9D0, 0xA9F0, 0xAA50, 0xABF0, 0xFF10,
    0x104A0, 0x10D30, 0x11066, 0x110F0, 0x11136, 0x111D0, 0x112F0, 0x11450, 0x114D0, 0x11650,
    0x116C0, 0x11730, 0x118E0, 0x11950, 0x11C50, 0x11D50, 0x11DA0, 0x16A60, 0x16AC0, 0x16B50,
    0x1D7CE, 0x1D7D8, 0x1D7E2, 0x1D7EC, 0x1D7F6, 0x1E140, 0x1E2F0, 0x1E950, 0x1FBF0,
];

/// Python's `Py_UNICODE_TODECIMAL`: the value of a decimal digit of any script.
fn decimal_value(c: char) -> Option<i64> {
    if c.is_ascii() {
        return c.to_digit(10).map(i64::from);
    }
    let cp = u32::from(c);
    let i = DECIMAL_ZEROS.partition_point(|&z| z <= cp);
    let zero = *DECIMAL_ZEROS.get(i.checked_sub(1)?)?;
    (cp - zero < 10).then(|| i64::from(cp - zero))
}

/// Appends the shortest of `\xhh`, `\uhhhh`, `\Uhhhhhhhh` that holds `c`.
fn push_escape(out: &mut String, c: char) {
    let cp = u32::from(c);
    let text = if cp < 0x100 {
        format!("\\x{cp:02x}")
    } else if cp < 0x10000 {
        format!("\\u{cp:04x}")
    } else {
        format!("\\U{cp:08x}")
    };
    out.push_str(&text);
}

/// `ascii(x)` given `repr(x)`: escapes non-ASCII as `\xhh`, `\uhhhh`, `\Uhhhhhhhh`
/// (the `backslashreplace` error handler).
pub fn ascii_escape(repr: &str) -> String {
    let mut out = String::with_capacity(repr.len());
    for c in repr.chars() {
        if c.is_ascii() {
            out.push(c);
        } else {
            push_escape(&mut out, c);
        }
    }
    out
}

/// The one-character string `chr(cp)`; lone surrogates are valid Python code
/// points but cannot live in a Rust `String`, so they are refused.
fn char_from_code(cp: i64) -> Result<char, FmtError> {
    u32::try_from(cp)
        .ok()
        .and_then(char::from_u32)
        .ok_or_else(|| {
            value_err(format!(
                "%c arg {cp:#x} is a lone surrogate, which a str cannot hold here"
            ))
        })
}

// ---------------------------------------------------------------------------
// Numbers: int to text and float conversions
// ---------------------------------------------------------------------------

/// Decimal digits of `|v|`, refusing (like CPython 3.11) more than 4300 digits.
fn decimal_digits(mag: &BigUint) -> Result<String, FmtError> {
    let limit = || {
        value_err(format!(
            "Exceeds the limit ({MAX_STR_DIGITS} digits) for integer string conversion; \
             use sys.set_int_max_str_digits() to increase the limit"
        ))
    };
    // bits * log10(2) bounds the digit count, so a huge int is refused
    // without paying for its conversion.
    if mag.bits() as f64 * std::f64::consts::LOG10_2 > MAX_STR_DIGITS as f64 + 1.0 {
        return Err(limit());
    }
    let text = mag.to_string();
    if text.len() > MAX_STR_DIGITS {
        return Err(limit());
    }
    Ok(text)
}

/// Digits of `|v|` in `base` (lowercase), with the decimal digit limit.
fn int_digits(v: &BigInt, base: u32) -> Result<String, FmtError> {
    // Most formatted ints fit a machine word: no big-integer conversion.
    if let Some(m) = v.magnitude().to_u64() {
        return Ok(match base {
            2 => format!("{m:b}"),
            8 => format!("{m:o}"),
            16 => format!("{m:x}"),
            _ => m.to_string(),
        });
    }
    if base == 10 {
        decimal_digits(v.magnitude())
    } else {
        Ok(v.magnitude().to_str_radix(base))
    }
}

/// `float(v)` for an int, correctly rounded (half to even) like
/// `PyLong_AsDouble`; `None` when the result would overflow.
fn int_to_f64(v: &BigInt) -> Option<f64> {
    let mag = v.magnitude();
    let bits = mag.bits();
    let magnitude = if bits <= 64 {
        mag.to_u64()? as f64
    } else {
        // Keep the top 64 bits and fold everything below into a sticky bit:
        // the u64 -> f64 conversion then rounds exactly as the full value would.
        let shift = bits - 64;
        let top = (mag >> shift).to_u64()?;
        let sticky = mag.trailing_zeros().is_some_and(|tz| tz < shift);
        let rounded = (top | u64::from(sticky)) as f64;
        if shift > 1023 {
            return None;
        }
        rounded * f64::from_bits((1023 + shift) << 52)
    };
    if magnitude.is_infinite() {
        return None;
    }
    Some(if v.is_negative() {
        -magnitude
    } else {
        magnitude
    })
}

/// `int(x)` for a float: truncation, with CPython's errors for nan and inf.
fn float_to_int(x: f64) -> Result<BigInt, FmtError> {
    if x.is_nan() {
        return Err(value_err("cannot convert float NaN to integer"));
    }
    if x.is_infinite() {
        return Err(FmtError::Overflow(
            "cannot convert float infinity to integer".to_owned(),
        ));
    }
    Ok(BigInt::from_f64(x.trunc()).unwrap_or_else(BigInt::zero))
}

/// What `_Py_dg_dtoa` returns for a finite `x >= 0`: significant digits with
/// no trailing zeros (zero is `"0"`), and the decimal point position `decpt`
/// (the value is `0.digits * 10**decpt`).
///
/// Mode 0 is the shortest round-trip string, mode 2 rounds to `ndigits`
/// significant digits, mode 3 to `ndigits` places after the point. Rust's
/// float formatting is correctly rounded (ties to even on exact halves) like
/// Gay's dtoa, so its digits are reused for modes 2 and 3. A double never has
/// more than 767 significant digits nor more than 1074 places after the
/// point, so larger requests are capped: the digits beyond are zeros, which
/// the caller pads.
fn dtoa(x: f64, mode: u8, ndigits: i64) -> (Vec<u8>, i64) {
    let text = match mode {
        // Ryu breaks ties between equally short candidates towards the even
        // digit, as Gay's dtoa does (Rust's own `{:e}` does not).
        0 => ryu::Buffer::new().format_finite(x).to_owned(),
        2 => format!("{:.*e}", (ndigits.clamp(1, 800) - 1) as usize, x),
        _ => format!("{:.*}", ndigits.clamp(0, 1100) as usize, x),
    };
    let (mantissa, exp) = match text.split_once('e') {
        Some((m, e)) => (m, e.parse::<i64>().unwrap_or(0)),
        None => (text.as_str(), 0),
    };
    let (int_part, frac) = mantissa.split_once('.').unwrap_or((mantissa, ""));
    let mut decpt = int_part.len() as i64 + exp;
    let mut digits: Vec<u8> = int_part.bytes().chain(frac.bytes()).collect();
    let lead = digits.iter().take_while(|&&d| d == b'0').count();
    digits.drain(..lead);
    decpt -= lead as i64;
    while digits.last() == Some(&b'0') {
        digits.pop();
    }
    if digits.is_empty() {
        // Gay's dtoa returns no digits when mode 3 rounds to zero; "0" at
        // decpt 1 lays out identically and is what it returns for 0.0.
        return (vec![b'0'], 1);
    }
    (digits, decpt)
}

/// The `Py_DTSF_*` flags of `PyOS_double_to_string` that formatting uses.
#[derive(Clone, Copy, Default)]
struct DtoaFlags {
    /// Write `.0` after an integral value shown without exponent (repr).
    add_dot_0: bool,
    /// Alternate form: keep the decimal point and, for 'g', trailing zeros.
    alt: bool,
    /// 'z': turn a negative zero result into a positive one.
    no_neg_0: bool,
}

/// `PyOS_double_to_string(x, code, precision, flags)`: `code` is one of
/// `e E f F g G r` ('r' = repr, shortest digits, precision ignored).
fn double_to_string(
    x: f64,
    code: char,
    precision: i64,
    flags: DtoaFlags,
) -> Result<String, FmtError> {
    // CPython keeps the precision in a C int; 'e' adds one to it, which wraps
    // for INT_MAX (and Gay's dtoa then treats the non-positive count as 1).
    let c_precision = i32::try_from(precision).unwrap_or(i32::MAX);
    let (code, upper, mode, precision) = match code {
        'e' | 'E' => (b'e', code == 'E', 2, i64::from(c_precision.wrapping_add(1))),
        'f' | 'F' => (b'f', code == 'F', 3, precision),
        'g' | 'G' => (b'g', code == 'G', 2, precision.max(1)),
        _ => (b'r', false, 0, 0),
    };
    format_float_short(x, code, mode, precision, flags, upper)
}

/// `float.__repr__`: shortest round-trip digits, exponent from 1e16 and below 1e-4.
fn float_repr(x: f64) -> String {
    let flags = DtoaFlags {
        add_dot_0: true,
        ..DtoaFlags::default()
    };
    format_float_short(x, b'r', 0, 0, flags, false).unwrap_or_default()
}

/// Port of pystrtod.c's `format_float_short`: lays out dtoa's digits for
/// `code` in `e f g r`, padding with zeros on either side as needed.
fn format_float_short(
    x: f64,
    code: u8,
    mode: u8,
    precision: i64,
    flags: DtoaFlags,
    upper: bool,
) -> Result<String, FmtError> {
    let mut out = String::new();
    if !x.is_finite() {
        // The sign of a nan is ignored.
        if x.is_infinite() && x < 0.0 {
            out.push('-');
        }
        out.push_str(match (x.is_nan(), upper) {
            (true, false) => "nan",
            (true, true) => "NAN",
            (false, false) => "inf",
            (false, true) => "INF",
        });
        return Ok(out);
    }
    let (digits, mut decpt) = dtoa(x.abs(), mode, precision);
    let mut negative = x.is_sign_negative();
    if flags.no_neg_0 && negative && digits == b"0" {
        negative = false;
    }
    let digits_len = digits.len() as i64;

    // The output is the slice vdigits[vdigits_start..vdigits_end] of the
    // digits padded with infinitely many zeros on both sides, with the point
    // after position decpt.
    let mut vdigits_end = digits_len;
    let mut use_exp = false;
    match code {
        b'e' => {
            use_exp = true;
            vdigits_end = precision;
        }
        b'f' => vdigits_end = decpt.saturating_add(precision),
        b'g' => {
            let limit = if flags.add_dot_0 {
                precision - 1
            } else {
                precision
            };
            if decpt <= -4 || decpt > limit {
                use_exp = true;
            }
            if flags.alt {
                vdigits_end = precision;
            }
        }
        _ => {
            if decpt <= -4 || decpt > 16 {
                use_exp = true;
            }
        }
    }
    let mut exp = 0;
    if use_exp {
        exp = decpt - 1;
        decpt = 1;
    }
    let vdigits_start = if decpt <= 0 { decpt - 1 } else { 0 };
    vdigits_end = if !use_exp && flags.add_dot_0 {
        vdigits_end.max(decpt + 1)
    } else {
        vdigits_end.max(decpt)
    };
    reserve(
        &mut out,
        8 + (vdigits_end - vdigits_start) + if use_exp { 5 } else { 0 },
    )?;

    let zeros = |out: &mut String, n: i64| push_fill(out, '0', n);
    let text = |out: &mut String, d: &[u8]| out.extend(d.iter().map(|&b| char::from(b)));
    if negative {
        out.push('-');
    }
    // Exactly one of the three steps below writes the decimal point.
    if decpt <= 0 {
        zeros(&mut out, decpt - vdigits_start);
        out.push('.');
        zeros(&mut out, -decpt);
    } else {
        zeros(&mut out, -vdigits_start);
    }
    if 0 < decpt && decpt <= digits_len {
        let split = decpt as usize;
        text(&mut out, &digits[..split]);
        out.push('.');
        text(&mut out, &digits[split..]);
    } else {
        text(&mut out, &digits);
    }
    if digits_len < decpt {
        zeros(&mut out, decpt - digits_len);
        out.push('.');
        zeros(&mut out, vdigits_end - decpt);
    } else {
        zeros(&mut out, vdigits_end - digits_len);
    }
    if out.ends_with('.') && !flags.alt {
        out.pop();
    }
    if use_exp {
        out.push(if upper { 'E' } else { 'e' });
        out.push(if exp < 0 { '-' } else { '+' });
        out.push_str(&format!("{:02}", exp.unsigned_abs()));
    }
    Ok(out)
}

// ---------------------------------------------------------------------------
// The format-spec mini-language
// ---------------------------------------------------------------------------

/// Which thousands separator a spec asked for. (`n` would use the locale's,
/// but skink runs in the C locale, which groups nothing.)
#[derive(Clone, Copy, PartialEq, Eq)]
enum Grouping {
    None,
    Comma,
    Underscore,
    /// `_` with `b o x X`: every four digits.
    UnderscoreFour,
}

/// A parsed format spec (CPython's `InternalFormatSpec`).
#[derive(Clone, Copy)]
struct Spec {
    fill: char,
    align: char,
    /// `'\0'` when absent, else `+ - ' '`.
    sign: char,
    no_neg_0: bool,
    alternate: bool,
    /// -1 when absent.
    width: i64,
    grouping: Grouping,
    /// -1 when absent.
    precision: i64,
    /// The type letter, or the caller's default (`'\0'` for float).
    ty: char,
}

/// A character as CPython's messages show it: quoted when printable ASCII,
/// else as a `\x` escape.
fn quoted_code(c: char) -> String {
    let cp = u32::from(c);
    if cp > 32 && cp < 128 {
        format!("'{c}'")
    } else {
        format!("'\\x{cp:x}'")
    }
}

/// CPython's `unknown_presentation_type` error.
fn unknown_code(ty: char, type_name: &str) -> FmtError {
    value_err(format!(
        "Unknown format code {} for object of type '{}'",
        quoted_code(ty),
        tp_name(type_name)
    ))
}

/// Port of formatter_unicode.c's `get_integer`: reads decimal digits (of any
/// script) at `*pos`, returning the value and how many digits were read.
fn parse_digits(s: &[char], pos: &mut usize) -> Result<(i64, usize), FmtError> {
    let mut acc: i64 = 0;
    let mut count = 0;
    while let Some(d) = s.get(*pos).and_then(|&c| decimal_value(c)) {
        if acc > (SSIZE_MAX - d) / 10 {
            return Err(value_err("Too many decimal digits in format string"));
        }
        acc = acc * 10 + d;
        *pos += 1;
        count += 1;
    }
    Ok((acc, count))
}

/// Port of `parse_internal_render_format_spec`: the checks that do not depend
/// on the type being formatted.
fn parse_spec(
    spec: &str,
    type_name: &str,
    default_type: char,
    default_align: char,
) -> Result<Spec, FmtError> {
    let s: Vec<char> = spec.chars().collect();
    let end = s.len();
    let mut pos = 0;
    let mut out = Spec {
        fill: ' ',
        align: default_align,
        sign: '\0',
        no_neg_0: false,
        alternate: false,
        width: -1,
        grouping: Grouping::None,
        precision: -1,
        ty: default_type,
    };
    let is_align = |c: char| matches!(c, '<' | '>' | '=' | '^');
    let mut align_specified = false;
    let mut fill_specified = false;
    if end >= 2 && is_align(s[1]) {
        out.align = s[1];
        out.fill = s[0];
        fill_specified = true;
        align_specified = true;
        pos = 2;
    } else if end >= 1 && is_align(s[0]) {
        out.align = s[0];
        align_specified = true;
        pos = 1;
    }
    if pos < end && matches!(s[pos], '+' | '-' | ' ') {
        out.sign = s[pos];
        pos += 1;
    }
    if pos < end && s[pos] == 'z' {
        out.no_neg_0 = true;
        pos += 1;
    }
    if pos < end && s[pos] == '#' {
        out.alternate = true;
        pos += 1;
    }
    // A leading '0' means zero padding after the sign, unless a fill was given.
    if !fill_specified && pos < end && s[pos] == '0' {
        out.fill = '0';
        if !align_specified && default_align == '>' {
            out.align = '=';
        }
        pos += 1;
    }
    let (width, digits) = parse_digits(&s, &mut pos)?;
    if digits > 0 {
        out.width = width;
    }
    let both = || value_err("Cannot specify both ',' and '_'.");
    if pos < end && s[pos] == ',' {
        out.grouping = Grouping::Comma;
        pos += 1;
    }
    if pos < end && s[pos] == '_' {
        if out.grouping != Grouping::None {
            return Err(both());
        }
        out.grouping = Grouping::Underscore;
        pos += 1;
    }
    if pos < end && s[pos] == ',' && out.grouping == Grouping::Underscore {
        return Err(both());
    }
    if pos < end && s[pos] == '.' {
        pos += 1;
        let (precision, digits) = parse_digits(&s, &mut pos)?;
        if digits == 0 {
            return Err(value_err("Format specifier missing precision"));
        }
        out.precision = precision;
    }
    if end - pos > 1 {
        return Err(value_err(format!(
            "Invalid format specifier '{spec}' for object of type '{}'",
            tp_name(type_name)
        )));
    }
    if end - pos == 1 {
        out.ty = s[pos];
    }
    if out.grouping != Grouping::None {
        match out.ty {
            'd' | 'e' | 'f' | 'g' | 'E' | 'G' | '%' | 'F' | '\0' => {}
            'b' | 'o' | 'x' | 'X' if out.grouping == Grouping::Underscore => {
                out.grouping = Grouping::UnderscoreFour;
            }
            ty => {
                let sep = if out.grouping == Grouping::Comma {
                    ','
                } else {
                    '_'
                };
                return Err(value_err(format!(
                    "Cannot specify '{sep}' with {}.",
                    quoted_code(ty)
                )));
            }
        }
    }
    Ok(out)
}

/// The pieces of a formatted number before padding (CPython lays a number out
/// as `<lpad><sign><prefix><spad><grouped digits><decimal><remainder><rpad>`).
struct Number<'a> {
    negative: bool,
    /// `0x` and friends, lowercase.
    prefix: &'a str,
    /// The ASCII digits that grouping applies to (the integral part).
    digits: &'a [u8],
    /// Whether a decimal point follows the digits.
    decimal: bool,
    /// Everything after the point (or the character, for `c`).
    remainder: &'a str,
    /// `X`: uppercase the prefix and the digits.
    upper: bool,
}

/// Port of `_PyUnicode_InsertThousandsGrouping`: groups `digits` from the
/// right, first padding with zeros (and separators) up to `min_width`
/// characters, which is how '0' padding and grouping combine. `group == 0`
/// means no separators.
fn group_digits(digits: &[u8], min_width: i64, group: i64, sep: u8) -> Result<Vec<u8>, FmtError> {
    let mut min_width = min_width.max(0);
    let mut remaining = digits.len() as i64;
    // At most max(digits, min_width) characters plus one separator a group
    // (and one extra when a separator lands in front).
    let most = remaining.max(min_width);
    let most = most.saturating_add(if group > 0 { most / group + 2 } else { 0 });
    let mut rev: Vec<u8> = Vec::new();
    rev.try_reserve(usize::try_from(most).map_err(|_| too_big())?)
        .map_err(|_| too_big())?;
    let mut next = digits.len();
    // Written backwards (from the last digit); reversed at the end.
    let mut emit = |rev: &mut Vec<u8>, n_chars: i64, n_zeros: i64, use_sep: bool| {
        if use_sep {
            rev.push(sep);
        }
        for _ in 0..n_chars {
            next -= 1;
            rev.push(digits[next]);
        }
        rev.extend(std::iter::repeat_n(b'0', n_zeros.max(0) as usize));
    };
    let mut use_sep = false;
    let mut done = false;
    if group > 0 {
        loop {
            let len = group.min(remaining.max(min_width).max(1));
            let n_zeros = (len - remaining).max(0);
            let n_chars = remaining.min(len).max(0);
            emit(&mut rev, n_chars, n_zeros, use_sep);
            use_sep = true;
            remaining -= n_chars;
            min_width -= len;
            if remaining <= 0 && min_width <= 0 {
                done = true;
                break;
            }
            min_width -= 1;
        }
    }
    if !done {
        let len = remaining.max(min_width).max(1);
        let n_zeros = (len - remaining).max(0);
        let n_chars = remaining.min(len).max(0);
        emit(&mut rev, n_chars, n_zeros, use_sep);
    }
    rev.reverse();
    Ok(rev)
}

/// Ports of `calc_number_widths` and `fill_number`: sign, padding and grouping.
fn render_number(num: &Number<'_>, spec: &Spec) -> Result<String, FmtError> {
    let (group, sep) = match spec.grouping {
        Grouping::None => (0, b','),
        Grouping::Comma => (3, b','),
        Grouping::Underscore => (3, b'_'),
        Grouping::UnderscoreFour => (4, b'_'),
    };
    let sign = match spec.sign {
        '+' => Some(if num.negative { '-' } else { '+' }),
        ' ' => Some(if num.negative { '-' } else { ' ' }),
        _ => num.negative.then_some('-'),
    };
    let n_remainder = num.remainder.chars().count() as i64;
    let non_digit =
        i64::from(sign.is_some()) + num.prefix.len() as i64 + i64::from(num.decimal) + n_remainder;
    // With '0' fill and '=' alignment the padding is made of digits, so it
    // takes part in grouping.
    let min_width = if spec.fill == '0' && spec.align == '=' {
        spec.width - non_digit
    } else {
        0
    };
    let mut grouped = if num.digits.is_empty() {
        Vec::new()
    } else {
        group_digits(num.digits, min_width, group, sep)?
    };
    if num.upper {
        grouped.make_ascii_uppercase();
    }
    let n_padding = spec.width - (non_digit + grouped.len() as i64);
    let (mut lpad, mut spad, mut rpad) = (0, 0, 0);
    if n_padding > 0 {
        match spec.align {
            '<' => rpad = n_padding,
            '^' => {
                lpad = n_padding / 2;
                rpad = n_padding - lpad;
            }
            '=' => spad = n_padding,
            _ => lpad = n_padding,
        }
    }
    let mut out = String::new();
    let fill_bytes = n_padding.max(0).saturating_mul(spec.fill.len_utf8() as i64);
    reserve(
        &mut out,
        fill_bytes.saturating_add(4 * non_digit + grouped.len() as i64),
    )?;
    push_fill(&mut out, spec.fill, lpad);
    if let Some(sign) = sign {
        out.push(sign);
    }
    if num.upper {
        out.push_str(&num.prefix.to_ascii_uppercase());
    } else {
        out.push_str(num.prefix);
    }
    push_fill(&mut out, spec.fill, spad);
    out.extend(grouped.iter().map(|&b| char::from(b)));
    if num.decimal {
        out.push('.');
    }
    out.push_str(num.remainder);
    push_fill(&mut out, spec.fill, rpad);
    Ok(out)
}

/// `format(i, spec)` for an int (also used for bool with the bool converted
/// to 0/1 by the caller when spec is non-empty; see also [`format_bool`]).
pub fn format_int(v: &BigInt, spec: &str) -> Result<String, FmtError> {
    format_int_as(v, spec, "int")
}

/// `format(b, spec)` for a bool: `str(b)` for an empty spec, else the int
/// 0/1, with `bool` named in error messages.
pub fn format_bool(b: bool, spec: &str) -> Result<String, FmtError> {
    if spec.is_empty() {
        return Ok(if b { "True" } else { "False" }.to_owned());
    }
    format_int_as(&BigInt::from(u8::from(b)), spec, "bool")
}

/// `int.__format__` for an object whose type is called `type_name`.
fn format_int_as(v: &BigInt, spec: &str, type_name: &str) -> Result<String, FmtError> {
    if spec.is_empty() {
        let digits = int_digits(v, 10)?;
        return Ok(if v.is_negative() {
            format!("-{digits}")
        } else {
            digits
        });
    }
    let spec = parse_spec(spec, type_name, 'd', '>')?;
    match spec.ty {
        'b' | 'c' | 'd' | 'o' | 'x' | 'X' | 'n' => format_long(v, &spec),
        'e' | 'E' | 'f' | 'F' | 'g' | 'G' | '%' => {
            let x = int_to_f64(v).ok_or_else(|| {
                FmtError::Overflow("int too large to convert to float".to_owned())
            })?;
            format_float_spec(x, &spec)
        }
        ty => Err(unknown_code(ty, type_name)),
    }
}

/// Port of `format_long_internal`.
fn format_long(v: &BigInt, spec: &Spec) -> Result<String, FmtError> {
    if spec.precision != -1 {
        return Err(value_err(
            "Precision not allowed in integer format specifier",
        ));
    }
    if spec.no_neg_0 {
        return Err(value_err(
            "Negative zero coercion (z) not allowed in integer format specifier",
        ));
    }
    if spec.ty == 'c' {
        if spec.sign != '\0' {
            return Err(value_err(
                "Sign not allowed with integer format specifier 'c'",
            ));
        }
        if spec.alternate {
            return Err(value_err(
                "Alternate form (#) not allowed with integer format specifier 'c'",
            ));
        }
        let x = v.to_i64().ok_or_else(|| {
            FmtError::Overflow("Python int too large to convert to C long".to_owned())
        })?;
        if !(0..=0x10ffff).contains(&x) {
            return Err(FmtError::Overflow(
                "%c arg not in range(0x110000)".to_owned(),
            ));
        }
        let mut buf = [0u8; 4];
        let ch: &str = char_from_code(x)?.encode_utf8(&mut buf);
        // The character is laid out as a "remainder": never grouped.
        let num = Number {
            negative: false,
            prefix: "",
            digits: &[],
            decimal: false,
            remainder: ch,
            upper: false,
        };
        return render_number(&num, spec);
    }
    let (base, prefix) = match spec.ty {
        'b' => (2, "0b"),
        'o' => (8, "0o"),
        'x' | 'X' => (16, "0x"),
        _ => (10, ""),
    };
    let digits = int_digits(v, base)?;
    let num = Number {
        negative: v.is_negative(),
        prefix: if spec.alternate { prefix } else { "" },
        digits: digits.as_bytes(),
        decimal: false,
        remainder: "",
        upper: spec.ty == 'X',
    };
    render_number(&num, spec)
}

/// `format(x, spec)` for a float; `spec == ""` gives `repr(x)`.
pub fn format_float(x: f64, spec: &str) -> Result<String, FmtError> {
    if spec.is_empty() {
        return Ok(float_repr(x));
    }
    let spec = parse_spec(spec, "float", '\0', '>')?;
    match spec.ty {
        '\0' | 'e' | 'E' | 'f' | 'F' | 'g' | 'G' | 'n' | '%' => format_float_spec(x, &spec),
        ty => Err(unknown_code(ty, "float")),
    }
}

/// Port of `format_float_internal` (also used for ints with float types).
fn format_float_spec(x: f64, spec: &Spec) -> Result<String, FmtError> {
    if spec.precision > INT_MAX {
        return Err(value_err("precision too big"));
    }
    let mut flags = DtoaFlags {
        alt: spec.alternate,
        no_neg_0: spec.no_neg_0,
        ..DtoaFlags::default()
    };
    let mut ty = spec.ty;
    let mut default_precision = 6;
    if ty == '\0' {
        // Like repr without a precision, else like 'g' but keeping a digit
        // after the point when no exponent is used.
        flags.add_dot_0 = true;
        ty = 'r';
        default_precision = 0;
    }
    if ty == 'n' {
        ty = 'g';
    }
    let mut x = x;
    let add_pct = ty == '%';
    if add_pct {
        ty = 'f';
        x *= 100.0;
    }
    let mut precision = spec.precision;
    if precision < 0 {
        precision = default_precision;
    } else if ty == 'r' {
        ty = 'g';
    }
    let mut text = double_to_string(x, ty, precision, flags)?;
    if add_pct {
        text.push('%');
    }
    let (negative, body) = match text.strip_prefix('-') {
        Some(body) => (true, body),
        None => (false, text.as_str()),
    };
    let n_digits = body.bytes().take_while(u8::is_ascii_digit).count();
    let (digits, rest) = body.split_at(n_digits);
    let (decimal, remainder) = match rest.strip_prefix('.') {
        Some(r) => (true, r),
        None => (false, rest),
    };
    let num = Number {
        negative,
        prefix: "",
        digits: digits.as_bytes(),
        decimal,
        remainder,
        upper: false,
    };
    render_number(&num, spec)
}

/// `format(s, spec)` for a str.
pub fn format_str(s: &str, spec: &str) -> Result<String, FmtError> {
    if spec.is_empty() {
        return Ok(s.to_owned());
    }
    let spec = parse_spec(spec, "str", 's', '<')?;
    if spec.ty != 's' {
        return Err(unknown_code(spec.ty, "str"));
    }
    if spec.sign == ' ' {
        return Err(value_err("Space not allowed in string format specifier"));
    }
    if spec.sign != '\0' {
        return Err(value_err("Sign not allowed in string format specifier"));
    }
    if spec.no_neg_0 {
        return Err(value_err(
            "Negative zero coercion (z) not allowed in string format specifier",
        ));
    }
    if spec.alternate {
        return Err(value_err(
            "Alternate form (#) not allowed in string format specifier",
        ));
    }
    if spec.align == '=' {
        return Err(value_err(
            "'=' alignment not allowed in string format specifier",
        ));
    }
    let mut len = s.chars().count() as i64;
    if (spec.width == -1 || spec.width <= len) && (spec.precision == -1 || spec.precision >= len) {
        return Ok(s.to_owned());
    }
    if spec.precision >= 0 && len >= spec.precision {
        len = spec.precision;
    }
    let total = spec.width.max(len);
    let lpad = match spec.align {
        '>' => total - len,
        '^' => (total - len) / 2,
        _ => 0,
    };
    let rpad = total - len - lpad;
    let mut out = String::new();
    reserve(
        &mut out,
        (total - len)
            .saturating_mul(spec.fill.len_utf8() as i64)
            .saturating_add(s.len() as i64),
    )?;
    push_fill(&mut out, spec.fill, lpad);
    out.extend(s.chars().take(len as usize));
    push_fill(&mut out, spec.fill, rpad);
    Ok(out)
}

// ---------------------------------------------------------------------------
// Objects being formatted
// ---------------------------------------------------------------------------

/// The key of a `{0[key]}` lookup in `str.format`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ItemKey {
    /// The key text was all decimal digits.
    Int(i64),
    /// Any other key text, used as a str.
    Str(String),
}

/// A value being formatted by `%` or `str.format`; the runtime implements
/// this for its objects.
pub trait FormatArg: Sized {
    /// The exact int value if the object is an int or a bool (bool as 0/1).
    fn as_int(&self) -> Option<BigInt>;
    /// The value if the object is a float.
    fn as_float(&self) -> Option<f64>;
    /// Whether the object is a bool. (The algorithms here treat a bool as
    /// the int it is, as CPython does; bool-specific output comes from
    /// `str`/`repr`/`format`.)
    fn is_bool(&self) -> bool;
    /// `str(self)`.
    fn str(&self) -> Result<String, FmtError>;
    /// `repr(self)`.
    fn repr(&self) -> Result<String, FmtError>;
    /// The type's name, e.g. `"str"`, `"list"` (must be `"str"` for a str:
    /// `%c` accepts a one-character str).
    fn type_name(&self) -> String;
    /// `format(self, spec)` (the object's `__format__`; for int, bool, float
    /// and str the runtime calls [`format_int`], [`format_bool`],
    /// [`format_float`], [`format_str`]).
    fn format(&self, spec: &str) -> Result<String, FmtError>;
    /// `self[key]` for `str.format`'s `{0[key]}`.
    fn getitem(&self, key: &ItemKey) -> Result<Self, FmtError>;
    /// `self.name` for `{0.name}`.
    fn getattr(&self, name: &str) -> Result<Self, FmtError>;
    /// For `%(name)s`: `Some(self[name])` when self is a mapping, `None` when
    /// it is not. As in CPython, anything with `__getitem__` except a tuple
    /// or a str counts as a mapping here.
    fn mapping_get(&self, key: &str) -> Option<Result<Self, FmtError>>;
    /// The items if self is a tuple (the `%` operand that supplies several
    /// arguments), else `None`.
    fn tuple_items(&self) -> Option<Vec<Self>>;
    /// Whether self is a mapping in the sense of [`FormatArg::mapping_get`].
    /// Consulted by `%` before it parses a `%(key)` (a non-mapping fails
    /// first) and when a single argument is left unused (`'x' % {}` is
    /// allowed, `'x' % 5` is not). The default probes `mapping_get` with an
    /// empty key, which is harmless for a dict; override it if a lookup can
    /// have side effects or is costly.
    fn is_mapping(&self) -> bool {
        self.mapping_get("").is_some()
    }
}

/// A field value that is either one of the caller's arguments or a new
/// object obtained through `getitem`/`getattr`/`mapping_get`.
enum Held<'a, A> {
    Borrowed(&'a A),
    Owned(A),
}

impl<A> Held<'_, A> {
    /// The object itself, wherever it lives.
    fn get(&self) -> &A {
        match self {
            Held::Borrowed(a) => a,
            Held::Owned(a) => a,
        }
    }
}

// ---------------------------------------------------------------------------
// printf-style formatting: fmt % args
// ---------------------------------------------------------------------------

const F_LJUST: u8 = 1;
const F_SIGN: u8 = 2;
const F_BLANK: u8 = 4;
const F_ALT: u8 = 8;
const F_ZERO: u8 = 16;

/// One `%` conversion being processed (CPython's `unicode_format_arg_t`).
struct PercentArg {
    ch: char,
    flags: u8,
    width: i64,
    prec: i64,
    /// Whether the conversion is numeric (a sign and '0' padding apply).
    sign: bool,
}

/// The state of a `%` formatting run (CPython's `unicode_formatter_t`). The
/// `pos`/`cnt` bookkeeping is kept exactly as CPython's so that truncated
/// specs fail with the same errors.
struct Percent<'a, A> {
    fmt: Vec<char>,
    pos: i64,
    cnt: i64,
    /// The right operand of `%`.
    args: &'a A,
    /// Its items when it is a tuple.
    items: Option<Vec<A>>,
    /// The value of the last `%(key)` lookup, which replaces `args`.
    looked_up: Option<A>,
    arglen: i64,
    argidx: i64,
    /// Whether `args` counts as a mapping, computed when first needed.
    dict: Option<bool>,
}

impl<'a, A: FormatArg> Percent<'a, A> {
    /// The format character at `i`; past the end CPython reads the string's
    /// terminating NUL.
    fn read(&self, i: i64) -> char {
        usize::try_from(i)
            .ok()
            .and_then(|i| self.fmt.get(i))
            .copied()
            .unwrap_or('\0')
    }

    /// Reads the next character into `ch` if any remain (CPython's
    /// `if (--fmtcnt >= 0) ch = fmt[fmtpos++]`).
    fn advance(&mut self, ch: &mut char) -> bool {
        self.cnt -= 1;
        if self.cnt >= 0 {
            *ch = self.read(self.pos);
            self.pos += 1;
            true
        } else {
            false
        }
    }

    /// Whether `args` is CPython's `ctx->dict`: a mapping other than a tuple or a str.
    fn is_dict(&mut self) -> bool {
        if self.dict.is_none() {
            let args = self.args;
            let dict = self.items.is_none() && args.type_name() != "str" && args.is_mapping();
            self.dict = Some(dict);
        }
        self.dict == Some(true)
    }

    /// `unicode_format_getnextarg`: the next argument to consume.
    fn next_arg(&mut self) -> Result<&A, FmtError> {
        let idx = self.argidx;
        if idx < self.arglen {
            self.argidx += 1;
            if self.arglen < 0 {
                return Ok(self.looked_up.as_ref().unwrap_or(self.args));
            }
            if let Some(item) = self
                .items
                .as_ref()
                .and_then(|items| items.get(idx as usize))
            {
                return Ok(item);
            }
        }
        Err(FmtError::Type(
            "not enough arguments for format string".to_owned(),
        ))
    }

    /// An int argument for `*` (width or precision).
    fn star_arg(&mut self) -> Result<BigInt, FmtError> {
        self.next_arg()?
            .as_int()
            .ok_or_else(|| FmtError::Type("* wants int".to_owned()))
    }

    /// The main loop of `PyUnicode_Format`: literal text and conversions.
    fn run(&mut self) -> Result<String, FmtError> {
        let mut out = String::new();
        reserve(&mut out, self.fmt.len() as i64 + 100)?;
        loop {
            self.cnt -= 1;
            if self.cnt < 0 {
                break;
            }
            if self.read(self.pos) != '%' {
                let start = self.pos;
                self.pos += 1;
                while self.cnt >= 0 && self.read(self.pos) != '%' {
                    self.pos += 1;
                    self.cnt -= 1;
                }
                if self.cnt < 0 {
                    self.pos -= 1;
                }
                out.extend(&self.fmt[start as usize..self.pos as usize]);
            } else {
                self.pos += 1;
                self.format_arg(&mut out)?;
            }
        }
        if self.argidx < self.arglen && !self.is_dict() {
            return Err(FmtError::Type(
                "not all arguments converted during string formatting".to_owned(),
            ));
        }
        Ok(out)
    }

    /// `unicode_format_arg`: one conversion, starting after its `%`.
    fn format_arg(&mut self, out: &mut String) -> Result<(), FmtError> {
        let ch = self.read(self.pos);
        if ch == '%' {
            self.pos += 1;
            self.cnt -= 1;
            out.push('%');
            return Ok(());
        }
        let mut arg = PercentArg {
            ch,
            flags: 0,
            width: -1,
            prec: -1,
            sign: false,
        };
        self.parse_arg(&mut arg)?;
        let text = self.convert(&mut arg)?;
        output_percent(out, &mut arg, &text)?;
        if self.argidx < self.arglen && self.is_dict() {
            return Err(FmtError::Type(
                "not all arguments converted during string formatting".to_owned(),
            ));
        }
        Ok(())
    }

    /// `unicode_format_arg_parse`: mapping key, flags, width, precision and
    /// length modifier.
    fn parse_arg(&mut self, arg: &mut PercentArg) -> Result<(), FmtError> {
        if self.read(self.pos) == '(' {
            if !self.is_dict() {
                return Err(FmtError::Type("format requires a mapping".to_owned()));
            }
            let args = self.args;
            self.pos += 1;
            self.cnt -= 1;
            let keystart = self.pos;
            let mut depth = 1;
            while depth > 0 {
                self.cnt -= 1;
                if self.cnt < 0 {
                    break;
                }
                arg.ch = self.read(self.pos);
                if arg.ch == ')' {
                    depth -= 1;
                } else if arg.ch == '(' {
                    depth += 1;
                }
                self.pos += 1;
            }
            if self.cnt < 0 || depth > 0 {
                return Err(value_err("incomplete format key"));
            }
            let key: String = self.fmt[keystart as usize..(self.pos - 1) as usize]
                .iter()
                .collect();
            match args.mapping_get(&key) {
                None => return Err(FmtError::Type("format requires a mapping".to_owned())),
                Some(value) => self.looked_up = Some(value?),
            }
            self.arglen = -1;
            self.argidx = -2;
        }

        while self.advance(&mut arg.ch) {
            arg.flags |= match arg.ch {
                '-' => F_LJUST,
                '+' => F_SIGN,
                ' ' => F_BLANK,
                '#' => F_ALT,
                '0' => F_ZERO,
                _ => break,
            };
        }

        if arg.ch == '*' {
            let width = self.star_arg()?.to_i64().ok_or_else(|| {
                FmtError::Overflow("Python int too large to convert to C ssize_t".to_owned())
            })?;
            arg.width = width;
            if width < 0 {
                arg.flags |= F_LJUST;
                arg.width = width.wrapping_neg();
            }
            self.advance(&mut arg.ch);
        } else if let Some(d) = arg.ch.to_digit(10) {
            arg.width = i64::from(d);
            while self.advance(&mut arg.ch) {
                let Some(d) = arg.ch.to_digit(10).map(i64::from) else {
                    break;
                };
                if arg.width > (SSIZE_MAX - d) / 10 {
                    return Err(value_err("width too big"));
                }
                arg.width = arg.width * 10 + d;
            }
        }

        if arg.ch == '.' {
            arg.prec = 0;
            self.advance(&mut arg.ch);
            if arg.ch == '*' {
                let prec = self.star_arg()?.to_i32().ok_or_else(|| {
                    FmtError::Overflow("Python int too large to convert to C int".to_owned())
                })?;
                arg.prec = i64::from(prec.max(0));
                self.advance(&mut arg.ch);
            } else if let Some(d) = arg.ch.to_digit(10) {
                arg.prec = i64::from(d);
                while self.advance(&mut arg.ch) {
                    let Some(d) = arg.ch.to_digit(10).map(i64::from) else {
                        break;
                    };
                    if arg.prec > (INT_MAX - d) / 10 {
                        return Err(value_err("precision too big"));
                    }
                    arg.prec = arg.prec * 10 + d;
                }
            }
        }

        // "h", "l" and "L" length modifiers are accepted and ignored.
        if self.cnt >= 0 && matches!(arg.ch, 'h' | 'l' | 'L') {
            self.advance(&mut arg.ch);
        }
        if self.cnt < 0 {
            return Err(value_err("incomplete format"));
        }
        Ok(())
    }

    /// `unicode_format_arg_format`: the converted text before padding. The
    /// argument is consumed before the conversion letter is checked, as in
    /// CPython (so `'%q' % ()` complains about arguments).
    fn convert(&mut self, arg: &mut PercentArg) -> Result<String, FmtError> {
        let ch = arg.ch;
        let index = self.pos - 1;
        let v = self.next_arg()?;
        match ch {
            's' => v.str(),
            'r' => v.repr(),
            'a' => Ok(ascii_escape(&v.repr()?)),
            'i' | 'd' | 'u' | 'o' | 'x' | 'X' => {
                let text = format_long_arg(v, arg)?;
                arg.sign = true;
                Ok(text)
            }
            'e' | 'E' | 'f' | 'F' | 'g' | 'G' => {
                arg.sign = true;
                format_float_arg(v, arg)
            }
            'c' => Ok(format_char_arg(v)?.to_string()),
            _ => {
                let shown = if (' '..='~').contains(&ch) || ch == '\x1f' {
                    ch
                } else {
                    '?'
                };
                Err(value_err(format!(
                    "unsupported format character '{shown}' (0x{:x}) at index {index}",
                    u32::from(ch)
                )))
            }
        }
    }
}

/// `mainformatlong` + `_PyUnicode_FormatLong`: `%d %i %u %o %x %X`.
fn format_long_arg<A: FormatArg>(v: &A, arg: &PercentArg) -> Result<String, FmtError> {
    let ty = arg.ch;
    let wrong_type = || {
        let what = if matches!(ty, 'o' | 'x' | 'X') {
            "an integer"
        } else {
            "a real number"
        };
        FmtError::Type(format!(
            "%{ty} format: {what} is required, not {}",
            tp_name(&v.type_name())
        ))
    };
    let value = match (v.as_int(), v.as_float()) {
        (Some(i), _) => i,
        (None, Some(_)) if matches!(ty, 'o' | 'x' | 'X') => return Err(wrong_type()),
        (None, Some(x)) => float_to_int(x)?,
        (None, None) => return Err(wrong_type()),
    };
    if arg.prec > INT_MAX - 3 {
        return Err(FmtError::Overflow("precision too large".to_owned()));
    }
    let (base, prefix) = match ty {
        'o' => (8, "0o"),
        'x' | 'X' => (16, "0x"),
        _ => (10, ""),
    };
    let digits = int_digits(&value, base)?;
    let mut out = String::new();
    let zeros = (arg.prec - digits.len() as i64).max(0);
    reserve(&mut out, digits.len() as i64 + 3 + zeros)?;
    if value.is_negative() {
        out.push('-');
    }
    if arg.flags & F_ALT != 0 {
        out.push_str(prefix);
    }
    push_fill(&mut out, '0', zeros);
    out.push_str(&digits);
    if ty == 'X' {
        out.make_ascii_uppercase();
    }
    Ok(out)
}

/// `formatfloat`: `%e %E %f %F %g %G`.
fn format_float_arg<A: FormatArg>(v: &A, arg: &PercentArg) -> Result<String, FmtError> {
    let x = match (v.as_float(), v.as_int()) {
        (Some(x), _) => x,
        (None, Some(i)) => int_to_f64(&i)
            .ok_or_else(|| FmtError::Overflow("int too large to convert to float".to_owned()))?,
        (None, None) => {
            return Err(FmtError::Type(format!(
                "must be real number, not {}",
                tp_name(&v.type_name())
            )));
        }
    };
    let prec = if arg.prec < 0 { 6 } else { arg.prec };
    let flags = DtoaFlags {
        alt: arg.flags & F_ALT != 0,
        ..DtoaFlags::default()
    };
    double_to_string(x, arg.ch, prec, flags)
}

/// `formatchar`: `%c` takes an int code point or a one-character str.
fn format_char_arg<A: FormatArg>(v: &A) -> Result<char, FmtError> {
    let wrong = || FmtError::Type("%c requires int or char".to_owned());
    if v.type_name() == "str" {
        let s = v.str()?;
        let mut chars = s.chars();
        return match (chars.next(), chars.next()) {
            (Some(c), None) => Ok(c),
            _ => Err(wrong()),
        };
    }
    let i = v.as_int().ok_or_else(wrong)?;
    match i.to_i64() {
        Some(x) if (0..=0x10ffff).contains(&x) => char_from_code(x),
        _ => Err(FmtError::Overflow(
            "%c arg not in range(0x110000)".to_owned(),
        )),
    }
}

/// `unicode_format_arg_output`: precision truncation for `s r a`, then sign,
/// `0x`/`0o` prefix and padding, in CPython's order (a '0' fill goes after
/// the sign and prefix, a ' ' fill before them).
fn output_percent(out: &mut String, arg: &mut PercentArg, text: &str) -> Result<(), FmtError> {
    let fill = if arg.sign && arg.flags & F_ZERO != 0 {
        '0'
    } else {
        ' '
    };
    let chars: Vec<char> = text.chars().collect();
    let mut len = chars.len() as i64;
    if (arg.width == -1 || arg.width <= len)
        && (arg.prec == -1 || arg.prec >= len)
        && arg.flags & (F_SIGN | F_BLANK) == 0
    {
        out.push_str(text);
        return Ok(());
    }
    if matches!(arg.ch, 's' | 'r' | 'a') && arg.prec >= 0 && len > arg.prec {
        len = arg.prec;
    }
    let mut pindex: usize = 0;
    let mut signchar = '\0';
    if arg.sign {
        match chars.first() {
            Some(&c) if c == '-' || c == '+' => {
                signchar = c;
                len -= 1;
                pindex += 1;
            }
            _ if arg.flags & F_SIGN != 0 => signchar = '+',
            _ if arg.flags & F_BLANK != 0 => signchar = ' ',
            _ => arg.sign = false,
        }
    }
    if arg.width < len {
        arg.width = len;
    }
    reserve(
        out,
        arg.width
            .saturating_add(1)
            .saturating_add(text.len() as i64),
    )?;
    let alt_prefix = arg.flags & F_ALT != 0 && matches!(arg.ch, 'x' | 'X' | 'o');
    if arg.sign {
        if fill != ' ' {
            out.push(signchar);
        }
        if arg.width > len {
            arg.width -= 1;
        }
    }
    if alt_prefix {
        if fill != ' ' {
            out.push('0');
            out.push(arg.ch);
            pindex += 2;
        }
        arg.width = (arg.width - 2).max(0);
        len -= 2;
    }
    if arg.width > len && arg.flags & F_LJUST == 0 {
        push_fill(out, fill, arg.width - len);
        arg.width = len;
    }
    if fill == ' ' {
        if arg.sign {
            out.push(signchar);
        }
        if alt_prefix {
            out.push('0');
            out.push(arg.ch);
            pindex += 2;
        }
    }
    if len > 0 {
        out.extend(chars.iter().skip(pindex).take(len.max(0) as usize));
    }
    if arg.width > len {
        push_fill(out, ' ', arg.width - len);
    }
    Ok(())
}

/// printf-style `fmt % args` (`args` is the right operand as is: a tuple, a
/// mapping or a single value).
pub fn percent_format<A: FormatArg>(fmt: &str, args: &A) -> Result<String, FmtError> {
    let items = args.tuple_items();
    let (arglen, argidx) = match &items {
        Some(items) => (items.len() as i64, 0),
        None => (-1, -2),
    };
    let fmt: Vec<char> = fmt.chars().collect();
    let cnt = fmt.len() as i64;
    let mut state = Percent {
        fmt,
        pos: 0,
        cnt,
        args,
        items,
        looked_up: None,
        arglen,
        argidx,
        dict: None,
    };
    state.run()
}

// ---------------------------------------------------------------------------
// str.format
// ---------------------------------------------------------------------------

/// Automatic (`{}`) versus manual (`{0}`) field numbering; mixing is an error.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Numbering {
    Unset,
    Auto,
    Manual,
}

/// One replacement field, as `parse_field` splits it.
struct Field<'s> {
    name: &'s [char],
    conversion: Option<char>,
    spec: &'s [char],
    /// The spec contains `{`: it is itself formatted first.
    spec_needs_expanding: bool,
}

/// Port of unicode_format.h's `get_integer`: `None` unless `s` is a
/// non-empty run of decimal digits.
fn field_integer(s: &[char]) -> Result<Option<i64>, FmtError> {
    if s.is_empty() {
        return Ok(None);
    }
    let mut acc: i64 = 0;
    for &c in s {
        let Some(d) = decimal_value(c) else {
            return Ok(None);
        };
        if acc > (SSIZE_MAX - d) / 10 {
            return Err(value_err("Too many decimal digits in format string"));
        }
        acc = acc * 10 + d;
    }
    Ok(Some(acc))
}

/// A piece of a `str.format` string: literal text, then maybe a field.
struct Markup<'s> {
    literal: &'s [char],
    field: Option<Field<'s>>,
}

/// Port of `MarkupIterator_next`: the literal text up to the next field and
/// that field, if any. `None` at the end of the input.
fn next_markup<'s>(s: &'s [char], pos: &mut usize) -> Result<Option<Markup<'s>>, FmtError> {
    let end = s.len();
    if *pos >= end {
        return Ok(None);
    }
    let start = *pos;
    let mut c = '\0';
    let mut markup_follows = false;
    while *pos < end {
        c = s[*pos];
        *pos += 1;
        if c == '{' || c == '}' {
            markup_follows = true;
            break;
        }
    }
    let at_end = *pos >= end;
    let mut len = *pos - start;
    if c == '}' && (at_end || s[*pos] != '}') {
        return Err(value_err("Single '}' encountered in format string"));
    }
    if at_end && c == '{' {
        return Err(value_err("Single '{' encountered in format string"));
    }
    if !at_end {
        if s[*pos] == c {
            // An escaped brace: the literal keeps one of the two.
            *pos += 1;
            markup_follows = false;
        } else {
            len -= 1;
        }
    }
    let literal = &s[start..start + len];
    if !markup_follows {
        return Ok(Some(Markup {
            literal,
            field: None,
        }));
    }
    Ok(Some(Markup {
        literal,
        field: Some(parse_field(s, pos)?),
    }))
}

/// Port of `parse_field`: reads `name[!conversion][:spec]}` after a `{`.
fn parse_field<'s>(s: &'s [char], pos: &mut usize) -> Result<Field<'s>, FmtError> {
    let end = s.len();
    let name_start = *pos;
    let mut c = '\0';
    while *pos < end {
        c = s[*pos];
        *pos += 1;
        match c {
            '{' => return Err(value_err("unexpected '{' in field name")),
            '[' => {
                while *pos < end && s[*pos] != ']' {
                    *pos += 1;
                }
            }
            '}' | ':' | '!' => break,
            _ => {}
        }
    }
    // The terminator is not part of the name (when the input ran out
    // instead, an error follows below).
    let name = &s[name_start..(*pos - 1).max(name_start)];
    let mut field = Field {
        name,
        conversion: None,
        spec: &[],
        spec_needs_expanding: false,
    };
    if c == '!' || c == ':' {
        if c == '!' {
            if *pos >= end {
                return Err(value_err(
                    "end of string while looking for conversion specifier",
                ));
            }
            field.conversion = Some(s[*pos]);
            *pos += 1;
            if *pos < end {
                let next = s[*pos];
                *pos += 1;
                if next == '}' {
                    return Ok(field);
                }
                if next != ':' {
                    return Err(value_err("expected ':' after conversion specifier"));
                }
            }
        }
        let spec_start = *pos;
        let mut depth = 1;
        while *pos < end {
            let c = s[*pos];
            *pos += 1;
            if c == '{' {
                field.spec_needs_expanding = true;
                depth += 1;
            } else if c == '}' {
                depth -= 1;
                if depth == 0 {
                    field.spec = &s[spec_start..*pos - 1];
                    return Ok(field);
                }
            }
        }
        return Err(value_err("unmatched '{' in format spec"));
    }
    if c != '}' {
        return Err(value_err("expected '}' before end of string"));
    }
    Ok(field)
}

/// The arguments of a `str.format` call and its numbering state.
struct FormatCall<'a, A> {
    positional: &'a [A],
    keywords: &'a [(String, A)],
    numbering: Numbering,
    next_auto: i64,
}

impl<'a, A: FormatArg> FormatCall<'a, A> {
    /// `build_string`: formats `input`; `depth` bounds the nesting of
    /// replacement fields inside format specs.
    fn build(&mut self, input: &[char], depth: i32) -> Result<String, FmtError> {
        if depth <= 0 {
            return Err(value_err("Max string recursion exceeded"));
        }
        let mut out = String::new();
        let mut pos = 0;
        while let Some(Markup { literal, field }) = next_markup(input, &mut pos)? {
            out.extend(literal);
            if let Some(field) = field {
                self.output_field(&field, depth, &mut out)?;
            }
        }
        Ok(out)
    }

    /// `output_field`: look the object up, convert it, expand the spec, format.
    fn output_field(
        &mut self,
        field: &Field<'_>,
        depth: i32,
        out: &mut String,
    ) -> Result<(), FmtError> {
        let obj = self.field_object(field.name)?;
        let converted = match field.conversion {
            None => None,
            Some('r') => Some(obj.get().repr()?),
            Some('s') => Some(obj.get().str()?),
            Some('a') => Some(ascii_escape(&obj.get().repr()?)),
            Some(c) => {
                let cp = u32::from(c);
                return Err(value_err(if cp > 32 && cp < 127 {
                    format!("Unknown conversion specifier {c}")
                } else {
                    format!("Unknown conversion specifier \\x{cp:x}")
                }));
            }
        };
        let spec: String = if field.spec_needs_expanding {
            self.build(field.spec, depth - 1)?
        } else {
            field.spec.iter().collect()
        };
        let text = match converted {
            Some(s) => format_str(&s, &spec)?,
            None => obj.get().format(&spec)?,
        };
        out.push_str(&text);
        Ok(())
    }

    /// `get_field_object`: resolves `first(.attr|[key])*`.
    fn field_object(&mut self, name: &[char]) -> Result<Held<'a, A>, FmtError> {
        let split = name
            .iter()
            .position(|&c| c == '.' || c == '[')
            .unwrap_or(name.len());
        let (first, rest) = name.split_at(split);
        let mut index = field_integer(first)?;
        let empty = first.is_empty();
        if empty || index.is_some() {
            if self.numbering == Numbering::Unset {
                self.numbering = if empty {
                    Numbering::Auto
                } else {
                    Numbering::Manual
                };
            }
            if self.numbering == Numbering::Manual && empty {
                return Err(value_err(
                    "cannot switch from manual field specification to automatic field numbering",
                ));
            }
            if self.numbering == Numbering::Auto && !empty {
                return Err(value_err(
                    "cannot switch from automatic field numbering to manual field specification",
                ));
            }
            if empty {
                index = Some(self.next_auto);
                self.next_auto += 1;
            }
        }
        let mut obj = match index {
            Some(i) => Held::Borrowed(
                usize::try_from(i)
                    .ok()
                    .and_then(|i| self.positional.get(i))
                    .ok_or_else(|| {
                        FmtError::Index(format!(
                            "Replacement index {i} out of range for positional args tuple"
                        ))
                    })?,
            ),
            None => {
                let key: String = first.iter().collect();
                match self.keywords.iter().find(|(k, _)| *k == key) {
                    Some((_, v)) => Held::Borrowed(v),
                    None => return Err(FmtError::Key(key.to_string())),
                }
            }
        };
        let mut pos = 0;
        while pos < rest.len() {
            let c = rest[pos];
            pos += 1;
            let start = pos;
            let (is_attr, part) = match c {
                '.' => {
                    while pos < rest.len() && rest[pos] != '.' && rest[pos] != '[' {
                        pos += 1;
                    }
                    (true, &rest[start..pos])
                }
                '[' => {
                    while pos < rest.len() && rest[pos] != ']' {
                        pos += 1;
                    }
                    if pos >= rest.len() {
                        return Err(value_err("Missing ']' in format string"));
                    }
                    pos += 1;
                    (false, &rest[start..pos - 1])
                }
                _ => {
                    return Err(value_err(
                        "Only '.' or '[' may follow ']' in format field specifier",
                    ));
                }
            };
            let item_index = if is_attr { None } else { field_integer(part)? };
            if part.is_empty() {
                return Err(value_err("Empty attribute in format string"));
            }
            let text: String = part.iter().collect();
            let next = if is_attr {
                obj.get().getattr(&text)?
            } else if let Some(i) = item_index {
                obj.get().getitem(&ItemKey::Int(i))?
            } else {
                obj.get().getitem(&ItemKey::Str(text))?
            };
            obj = Held::Owned(next);
        }
        Ok(obj)
    }
}

/// `fmt.format(*positional, **keywords)`.
pub fn str_format<A: FormatArg>(
    fmt: &str,
    positional: &[A],
    keywords: &[(String, A)],
) -> Result<String, FmtError> {
    let fmt: Vec<char> = fmt.chars().collect();
    let mut call = FormatCall {
        positional,
        keywords,
        numbering: Numbering::Unset,
        next_auto: 0,
    };
    // PEP 3101 allows one level of fields nested in a spec: "{0:{1}}".
    call.build(&fmt, 2)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A minimal object model for the `%` and `str.format` rows.
    #[derive(Clone, Debug)]
    enum O {
        B(bool),
        I(i128),
        F(f64),
        S(&'static str),
        T(Vec<O>),
        D(Vec<(&'static str, O)>),
    }

    impl O {
        /// The Python type name.
        fn name(&self) -> &'static str {
            match self {
                O::B(_) => "bool",
                O::I(_) => "int",
                O::F(_) => "float",
                O::S(_) => "str",
                O::T(_) => "tuple",
                O::D(_) => "dict",
            }
        }
    }

    impl FormatArg for O {
        fn as_int(&self) -> Option<BigInt> {
            match self {
                O::B(b) => Some(BigInt::from(u8::from(*b))),
                O::I(i) => Some(BigInt::from(*i)),
                _ => None,
            }
        }
        fn as_float(&self) -> Option<f64> {
            match self {
                O::F(x) => Some(*x),
                _ => None,
            }
        }
        fn is_bool(&self) -> bool {
            matches!(self, O::B(_))
        }
        fn str(&self) -> Result<String, FmtError> {
            match self {
                O::S(s) => Ok((*s).to_owned()),
                o => o.repr(),
            }
        }
        fn repr(&self) -> Result<String, FmtError> {
            let join = |items: Vec<String>| items.join(", ");
            Ok(match self {
                O::B(b) => if *b { "True" } else { "False" }.to_owned(),
                O::I(i) => i.to_string(),
                O::F(x) => float_repr(*x),
                O::S(s) => crate::str::repr(s),
                O::T(items) if items.len() == 1 => format!("({},)", items[0].repr()?),
                O::T(items) => format!(
                    "({})",
                    join(items.iter().map(|o| o.repr()).collect::<Result<_, _>>()?)
                ),
                O::D(items) => format!(
                    "{{{}}}",
                    join(
                        items
                            .iter()
                            .map(|(k, o)| Ok(format!("{}: {}", crate::str::repr(k), o.repr()?)))
                            .collect::<Result<_, _>>()?
                    )
                ),
            })
        }
        fn type_name(&self) -> String {
            self.name().to_owned()
        }
        fn format(&self, spec: &str) -> Result<String, FmtError> {
            match self {
                O::B(b) => format_bool(*b, spec),
                O::I(i) => format_int(&BigInt::from(*i), spec),
                O::F(x) => format_float(*x, spec),
                O::S(s) => format_str(s, spec),
                o if spec.is_empty() => o.str(),
                o => Err(FmtError::Type(format!(
                    "unsupported format string passed to {}.__format__",
                    o.name()
                ))),
            }
        }
        fn getitem(&self, key: &ItemKey) -> Result<O, FmtError> {
            match (self, key) {
                (O::T(items), ItemKey::Int(i)) => items
                    .get(*i as usize)
                    .cloned()
                    .ok_or_else(|| FmtError::Index("tuple index out of range".into())),
                (O::D(items), ItemKey::Str(k)) => items
                    .iter()
                    .find(|(name, _)| name == k)
                    .map(|(_, o)| o.clone())
                    .ok_or_else(|| FmtError::Key(k.to_string())),
                (o, _) => Err(FmtError::Type(format!(
                    "'{}' object is not subscriptable",
                    o.name()
                ))),
            }
        }
        fn getattr(&self, name: &str) -> Result<O, FmtError> {
            match (self, name) {
                (O::I(_) | O::F(_), "real") => Ok(self.clone()),
                (o, _) => Err(FmtError::Type(format!(
                    "'{}' object has no attribute '{name}'",
                    o.name()
                ))),
            }
        }
        fn mapping_get(&self, key: &str) -> Option<Result<O, FmtError>> {
            match self {
                O::D(_) => Some(self.getitem(&ItemKey::Str(key.to_owned()))),
                _ => None,
            }
        }
        fn tuple_items(&self) -> Option<Vec<O>> {
            match self {
                O::T(items) => Some(items.clone()),
                _ => None,
            }
        }
    }

    /// What a row formats; the row's second column is the spec, or the
    /// format string for `Percent` and `Format`.
    enum C {
        Int(BigInt),
        Bool(bool),
        Float(f64),
        Str(&'static str),
        /// `fmt % operand`.
        Percent(O),
        /// `fmt.format(1, 'ab', 2.5, (10, 'x'), {'k': 'v'}, name='Bob', w=8, p=2)`.
        Format,
    }

    /// An int row from decimal text or `a**b`, optionally `+`/`-` another such term.
    fn int(text: &str) -> C {
        let term = |t: &str| match t.split_once("**") {
            Some((base, exp)) => {
                BigInt::from(base.parse::<i64>().unwrap()).pow(exp.parse().unwrap())
            }
            None => t.parse::<BigInt>().unwrap(),
        };
        let (negative, body) = match text.strip_prefix('-') {
            Some(rest) => (true, rest),
            None => (false, text),
        };
        let value = if let Some((a, b)) = body.split_once('-') {
            term(a) - term(b)
        } else if let Some((a, b)) = body.split_once('+') {
            term(a) + term(b)
        } else {
            term(body)
        };
        C::Int(if negative { -value } else { value })
    }

    /// Runs every row and compares with CPython 3.11's output, an error being
    /// written `<ValueError> message` (a `KeyError` shows the key's repr).
    fn check(rows: Vec<(C, &str, &str)>) {
        let positional = vec![
            O::I(1),
            O::S("ab"),
            O::F(2.5),
            O::T(vec![O::I(10), O::S("x")]),
            O::D(vec![("k", O::S("v"))]),
        ];
        let keywords = vec![
            ("name".to_owned(), O::S("Bob")),
            ("w".to_owned(), O::I(8)),
            ("p".to_owned(), O::I(2)),
        ];
        for (case, spec, want) in rows {
            let got = match &case {
                C::Int(v) => format_int(v, spec),
                C::Bool(b) => format_bool(*b, spec),
                C::Float(x) => format_float(*x, spec),
                C::Str(s) => format_str(s, spec),
                C::Percent(args) => percent_format(spec, args),
                C::Format => str_format(spec, &positional, &keywords),
            };
            let got = match got {
                Ok(text) => text,
                Err(FmtError::Value(m)) => format!("<ValueError> {m}"),
                Err(FmtError::Type(m)) => format!("<TypeError> {m}"),
                Err(FmtError::Key(m)) => format!("<KeyError> {}", crate::str::repr(&m)),
                Err(FmtError::Index(m)) => format!("<IndexError> {m}"),
                Err(FmtError::Overflow(m)) => format!("<OverflowError> {m}"),
                // Keeps the tests compiling if the runtime adds variants.
                #[allow(unreachable_patterns)]
                Err(other) => format!("{other:?}"),
            };
            assert_eq!(got, want, "spec/format {spec:?}");
        }
    }

    /// Rows whose expected column was produced by python3.11.
    #[test]
    fn matches_cpython() {
        check(vec![
            (int("0"), "", "0"),
            (int("-42"), "", "-42"),
            (
                int("10**30"),
                ",",
                "1,000,000,000,000,000,000,000,000,000,000",
            ),
            (
                int("-10**30"),
                "_",
                "-1_000_000_000_000_000_000_000_000_000_000",
            ),
            (int("2**64"), "_x", "1_0000_0000_0000_0000"),
            (int("255"), "#x", "0xff"),
            (int("255"), "#010x", "0x000000ff"),
            (int("-255"), "#010X", "-0X00000FF"),
            (int("255"), "#_b", "0b1111_1111"),
            (int("1234"), "09,", "0,001,234"),
            (int("1234"), "08,", "0,001,234"),
            (int("1234"), "0=10_", "00_001_234"),
            (int("1234"), "<08", "12340000"),
            (int("-1234"), "^+12,", "   -1,234   "),
            (int("-7"), "=+8", "-      7"),
            (int("7"), " 5", "    7"),
            (int("65"), "c", "A"),
            (int("65"), ">5c", "    A"),
            (int("128013"), "c", "🐍"),
            (
                int("1114112"),
                "c",
                "<OverflowError> %c arg not in range(0x110000)",
            ),
            (
                int("-1"),
                "c",
                "<OverflowError> %c arg not in range(0x110000)",
            ),
            (
                int("2**70"),
                "c",
                "<OverflowError> Python int too large to convert to C long",
            ),
            (
                int("65"),
                "+c",
                "<ValueError> Sign not allowed with integer format specifier 'c'",
            ),
            (
                int("65"),
                "#c",
                "<ValueError> Alternate form (#) not allowed with integer format specifier 'c'",
            ),
            (int("65"), ",c", "<ValueError> Cannot specify ',' with 'c'."),
            (
                int("1"),
                "s",
                "<ValueError> Unknown format code 's' for object of type 'int'",
            ),
            (
                int("1"),
                ".2",
                "<ValueError> Precision not allowed in integer format specifier",
            ),
            (
                int("1"),
                "z",
                "<ValueError> Negative zero coercion (z) not allowed in integer format specifier",
            ),
            (
                int("1"),
                "10.x",
                "<ValueError> Format specifier missing precision",
            ),
            (
                int("1"),
                "<<<",
                "<ValueError> Unknown format code '<' for object of type 'int'",
            ),
            (
                int("1"),
                "abc",
                "<ValueError> Invalid format specifier 'abc' for object of type 'int'",
            ),
            (
                int("1"),
                ",_",
                "<ValueError> Cannot specify both ',' and '_'.",
            ),
            (
                int("1"),
                "_,",
                "<ValueError> Cannot specify both ',' and '_'.",
            ),
            (int("1"), ",n", "<ValueError> Cannot specify ',' with 'n'."),
            (int("1234567"), "n", "1234567"),
            (
                int("1"),
                "99999999999999999999",
                "<ValueError> Too many decimal digits in format string",
            ),
            (int("3"), "*^9", "****3****"),
            (int("3"), "é^9", "éééé3éééé"),
            (int("3"), "🐍<4", "3🐍🐍🐍"),
            (int("3"), "٣", "  3"),
            (int("1"), "f", "1.000000"),
            (int("10**20"), "e", "1.000000e+20"),
            (
                int("2**1024"),
                "e",
                "<OverflowError> int too large to convert to float",
            ),
            (
                int("2**1024-2**970"),
                "g",
                "<OverflowError> int too large to convert to float",
            ),
            (int("3"), "%", "300.000000%"),
            (int("-3"), ".1%", "-300.0%"),
            (int("2**53+1"), ".1f", "9007199254740992.0"),
            (
                int("10**4300"),
                "",
                "<ValueError> Exceeds the limit (4300 digits) for integer string conversion; use sys.set_int_max_str_digits() to increase the limit",
            ),
            (
                int("10**4300"),
                "x",
                "1392bd7c2a1aa84a72e2056d3b17f01cb08800b8238bf7ce68df91012d37248ba88280ed133521896f4bbe4477173d77983ea028148a6c68560c55174c8e426436bf253f076d5e8e5526256c24e1e31e73f490f60869f11dc2402671a6b60c8b3add0f28716b78a85bc71eb7bc6fca26284e8c6e109cfcfbde3f205a6e37bad57b1c6b5961f8d1348a2a7e00eea55da8dbb9addb2e737e5327140077a6d3bd94f6bdb992a0bab5a22c2bcbec2a6e56ca24adb2055357755f6f3ab83081e3e91bb6469429808e92b75e2b977be7cec590799a428cb555e8b7b92638ed280ac3726341808bd6a089e112813cc9eef629e5908bb43b1320886c8b351b6e6487b92a664cc468775555aa9a570dc60b70d3965bf460c7442945ce85a3e24dd76d98d6dea48d137548583914ccdd4305dfd0368d49055494306167e7a3011d080081abace3781ae430f499214b8523e41145ba2fa710933e0b6456bc0b1349b5f8905beeaa3a8aaafc196556bf5edc9819edd96d17c76e58497e6d7ebdcfbdb05154f7a0436b7dc6a5ff911fbef96a3fb45031c82e10afe7729783ccc8ae36a2f7f602a8c9a8162841db2e9cd9f9b0335f6051a84d42c80b904e5990d65f61e5f0748d9b487d4926904e8b6a8061ed54ab47ff818fc3a0862c3276209b349415c25f5fe4c23307f24f999d10914b0eaf71fdca9435cadee7dd14eba127996f2cffbad0d5f63680b42604a7d9a6d1bbb9d9fc3cff29350305c8f80b45f4e385667e5ea1c72db30614bcbee56c523d30f9acf457f1d2b6f1c9d059b9be5bcc4f1e98e7ae27cd5447a57a51ae1e81bc1965058fd2af4a3fd21f34e1d8dde06d62c445dc508260ab0fa2b4306b4ecec0513124402c2c9fd2613f6d58bcee9c1f088909c246b60d9a4629a7c941b15e78f5bb9c7cf3605f3c2a4786eddcaf3197bb198ad5a68e2be0f5e2fbb19ad1e0e55d22913b24bb46ccdb34943b317a594caa8a22048d0bede2d33ef1f1384f78c467264552c8cef24e5c8ca6394c666ee2fb61c441d867b4f0c69a828f201b6683bd9d73347b0afa8e0d1bd263587d95f93652878f6d82ed3ce2ccdcb164cd95a5f68345fe98b02c525b543c854b59c3c1f90334918d679b52b4a2e56cdde0e42afd7e7cea4839ec13c099a97b2608d35a8d60ddd530efac1233aa2f92fd64c9bb6b9db9e61dd5696ae510698e0078880c37b3b55ee0f9691a307ed1f8d49f8383dcac699714dbd5e8d4188903f52d152025749b4a65d8391ee519ff5e434a7e97c1dc83819678b4eb361ac7d12d2a6653fcda7e520653e8dd065063fb1415e036c3a0c93d224a04a588648fe93ff76bf0cdba6ef42c13bc1b976be01ef8f48d3f7ff4b00a3a086c5b6454e16992706af1c8777d50fe0275d453bd2a23ecbb1df1032fe5687385fb3cd26b432c8af0d17819467508f2fa78f5f6a56f955187560d8d4aa1fa480062f9fca86929c627432ca70f53b80c4cd5253418f486714f55ffdb6fcac3c7d96d288aeeaba86260d9d4b53829b7eefdc35c5b56d5b9916e992a477c44b9df5cc8c1f11dc52d3c6eec387366615783239839ad4c586f2ce4cc5c6ded0ab5c126e0b8f916c560295c3ed33dc1b983f40d4f35716fbf50b6ed4e00895978d084e82cde6a4d1920a200c4dcb8beecc82aec8c3e5bac54f3b39ddba1aa296b04aecff3a14f658130513931a8a0f325386782c7ac5ef8f0e3f8991a79ff5d4701e96ca03d884ac5d243488a769a4967177510000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000",
            ),
            (C::Bool(true), "", "True"),
            (C::Bool(false), "d", "0"),
            (C::Bool(true), ">5", "    1"),
            (
                C::Bool(true),
                "s",
                "<ValueError> Unknown format code 's' for object of type 'bool'",
            ),
            (C::Bool(true), "f", "1.000000"),
            (C::Float(0.1), "", "0.1"),
            (C::Float(1e+16), "", "1e+16"),
            (C::Float(1e-05), "", "1e-05"),
            (C::Float(0.0001), "", "0.0001"),
            (C::Float(-0.0), "", "-0.0"),
            (C::Float(f64::INFINITY), "", "inf"),
            (C::Float(f64::NAN), "", "nan"),
            (C::Float(1774100723015438.2), "", "1774100723015438.2"),
            (C::Float(5e-324), "", "5e-324"),
            (
                C::Float(1.7976931348623157e+308),
                "",
                "1.7976931348623157e+308",
            ),
            (C::Float(1.0), ".3", "1.0"),
            (C::Float(1e+16), ".3", "1e+16"),
            (C::Float(123456.0), ".3", "1.23e+05"),
            (C::Float(1.0), "#", "1.0"),
            (C::Float(1e+16), "#", "1.e+16"),
            (C::Float(2.5), ".0f", "2"),
            (C::Float(0.125), ".2f", "0.12"),
            (C::Float(1.0), "#.0f", "1."),
            (C::Float(1.0), "#.0e", "1.e+00"),
            (C::Float(1.0), "#g", "1.00000"),
            (C::Float(1234.5), "g", "1234.5"),
            (C::Float(1e-05), "g", "1e-05"),
            (C::Float(1e-05), "G", "1E-05"),
            (C::Float(123456789.0), ".3e", "1.235e+08"),
            (C::Float(123456789.0), ".3E", "1.235E+08"),
            (C::Float(-0.0), ".2f", "-0.00"),
            (C::Float(-0.0), "z.2f", "0.00"),
            (C::Float(-0.0001), "z.1f", "0.0"),
            (C::Float(-0.0), "+", "-0.0"),
            (C::Float(-0.0), "010", "-0000000.0"),
            (C::Float(f64::INFINITY), "010", "0000000inf"),
            (C::Float(f64::NEG_INFINITY), "+010,", "-000000inf"),
            (C::Float(f64::NAN), "+", "+nan"),
            (C::Float(-f64::NAN), " 08", " 0000nan"),
            (C::Float(f64::INFINITY), "F", "INF"),
            (C::Float(f64::NAN), "E", "NAN"),
            (C::Float(f64::INFINITY), "%", "inf%"),
            (C::Float(0.25), "%", "25.000000%"),
            (C::Float(0.5), ".0%", "50%"),
            (C::Float(1234567.891), ",.2f", "1,234,567.89"),
            (C::Float(1234567.891), "020_.2f", "0_000_001_234_567.89"),
            (C::Float(-1234567.891), "0=20,.3e", "-000,000,001.235e+06"),
            (C::Float(1234.5), "n", "1234.5"),
            (C::Float(1234.5), "012n", "0000001234.5"),
            (
                C::Float(1.5),
                "d",
                "<ValueError> Unknown format code 'd' for object of type 'float'",
            ),
            (
                C::Float(1.5),
                ",c",
                "<ValueError> Cannot specify ',' with 'c'.",
            ),
            (C::Float(1.5), "x<+10.1f", "+1.5xxxxxx"),
            (
                C::Float(1.0),
                ".2147483648",
                "<ValueError> precision too big",
            ),
            (
                C::Float(5e-324),
                ".1075f",
                "0.0000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000049406564584124654417656879286822137236505980261432476442558568250067550727020875186529983636163599237979656469544571773092665671035593979639877479601078187812630071319031140452784581716784898210368871863605699873072305000638740915356498438731247339727316961514003171538539807412623856559117102665855668676818703956031062493194527159149245532930545654440112748012970999954193198940908041656332452475714786901472678015935523861155013480352649347201937902681071074917033322268447533357208324319360923828934583680601060115061698097530783422773183292479049825247307763759272478746560847782037344696995336470179726777175851256605511991315048911014510378627381672509558373897335989936648099411642057026370902792427675445652290875386825064197182655334472656250",
            ),
            (C::Float(1e+22), ",", "1e+22"),
            (C::Str("abc"), "", "abc"),
            (C::Str("abc"), ">6", "   abc"),
            (C::Str("abc"), "^6", " abc  "),
            (C::Str("abc"), "*^7", "**abc**"),
            (C::Str("héllo"), ".2", "hé"),
            (C::Str("héllo"), "🐍^8.3", "🐍🐍hél🐍🐍🐍"),
            (C::Str("abc"), "05", "abc00"),
            (
                C::Str("abc"),
                "d",
                "<ValueError> Unknown format code 'd' for object of type 'str'",
            ),
            (
                C::Str("abc"),
                "+",
                "<ValueError> Sign not allowed in string format specifier",
            ),
            (
                C::Str("abc"),
                " ",
                "<ValueError> Space not allowed in string format specifier",
            ),
            (
                C::Str("abc"),
                "#",
                "<ValueError> Alternate form (#) not allowed in string format specifier",
            ),
            (
                C::Str("abc"),
                "z",
                "<ValueError> Negative zero coercion (z) not allowed in string format specifier",
            ),
            (
                C::Str("abc"),
                "=",
                "<ValueError> '=' alignment not allowed in string format specifier",
            ),
            (
                C::Str("abc"),
                ",s",
                "<ValueError> Cannot specify ',' with 's'.",
            ),
            (C::Str("abc"), ".0", ""),
            (
                C::Str("abc"),
                "x",
                "<ValueError> Unknown format code 'x' for object of type 'str'",
            ),
            (C::Percent(O::I(5)), "%s", "5"),
            (C::Percent(O::T(vec![O::I(5)])), "%s", "5"),
            (
                C::Percent(O::T(vec![O::S("é"), O::S("é")])),
                "%r|%a",
                "'é'|'\\xe9'",
            ),
            (C::Percent(O::S("héllo")), "%5.2s|", "   hé|"),
            (C::Percent(O::I(42)), "%-6d|", "42    |"),
            (C::Percent(O::I(42)), "%+05d", "+0042"),
            (C::Percent(O::I(42)), "% d", " 42"),
            (C::Percent(O::I(8)), "%#o", "0o10"),
            (C::Percent(O::I(8)), "%#08o", "0o000010"),
            (C::Percent(O::I(-255)), "%#08x", "-0x000ff"),
            (C::Percent(O::I(255)), "%#8X", "    0XFF"),
            (C::Percent(O::I(-42)), "%.5d", "-00042"),
            (
                C::Percent(O::I(18446744073709551616)),
                "%x",
                "10000000000000000",
            ),
            (C::Percent(O::F(3.99)), "%d", "3"),
            (C::Percent(O::F(-3.99)), "%d", "-3"),
            (
                C::Percent(O::F(f64::NAN)),
                "%d",
                "<ValueError> cannot convert float NaN to integer",
            ),
            (
                C::Percent(O::F(f64::INFINITY)),
                "%d",
                "<OverflowError> cannot convert float infinity to integer",
            ),
            (
                C::Percent(O::F(3.0)),
                "%x",
                "<TypeError> %x format: an integer is required, not float",
            ),
            (
                C::Percent(O::S("x")),
                "%d",
                "<TypeError> %d format: a real number is required, not str",
            ),
            (
                C::Percent(O::S("x")),
                "%f",
                "<TypeError> must be real number, not str",
            ),
            (C::Percent(O::I(2)), "%.2f", "2.00"),
            (C::Percent(O::I(4611686018427387904)), "%.3e", "4.612e+18"),
            (C::Percent(O::F(-1.5)), "%010.3f", "-00001.500"),
            (C::Percent(O::F(1.5)), "%-10.3e|", "1.500e+00 |"),
            (C::Percent(O::F(1e-05)), "%g", "1e-05"),
            (C::Percent(O::F(1.0)), "%#g", "1.00000"),
            (C::Percent(O::F(f64::INFINITY)), "%G", "INF"),
            (C::Percent(O::F(f64::NAN)), "%05f", "00nan"),
            (C::Percent(O::I(65)), "%c", "A"),
            (C::Percent(O::S("é")), "%c", "é"),
            (
                C::Percent(O::S("ab")),
                "%c",
                "<TypeError> %c requires int or char",
            ),
            (
                C::Percent(O::F(1.0)),
                "%c",
                "<TypeError> %c requires int or char",
            ),
            (
                C::Percent(O::I(1114112)),
                "%c",
                "<OverflowError> %c arg not in range(0x110000)",
            ),
            (C::Percent(O::T(vec![O::I(5), O::I(1)])), "%*d|", "    1|"),
            (C::Percent(O::T(vec![O::I(-5), O::I(1)])), "%-*d|", "1    |"),
            (
                C::Percent(O::T(vec![O::I(2), O::F(2.71875)])),
                "%.*f",
                "2.72",
            ),
            (
                C::Percent(O::T(vec![O::S("x"), O::I(1)])),
                "%*d",
                "<TypeError> * wants int",
            ),
            (
                C::Percent(O::D(vec![("a", O::S("x")), ("b", O::I(2))])),
                "%(a)s-%(b)d",
                "x-2",
            ),
            (
                C::Percent(O::T(vec![O::I(1)])),
                "%(a)s",
                "<TypeError> format requires a mapping",
            ),
            (
                C::Percent(O::I(5)),
                "%(a)s",
                "<TypeError> format requires a mapping",
            ),
            (
                C::Percent(O::D(vec![("a", O::I(1))])),
                "%(z)s",
                "<KeyError> 'z'",
            ),
            (
                C::Percent(O::D(vec![("a", O::I(1))])),
                "%(a",
                "<ValueError> incomplete format key",
            ),
            (C::Percent(O::D(vec![("a", O::I(1))])), "%s", "{'a': 1}"),
            (C::Percent(O::D(vec![])), "abc", "abc"),
            (
                C::Percent(O::I(5)),
                "abc",
                "<TypeError> not all arguments converted during string formatting",
            ),
            (
                C::Percent(O::T(vec![O::I(1)])),
                "%s %s",
                "<TypeError> not enough arguments for format string",
            ),
            (
                C::Percent(O::T(vec![O::I(1), O::I(2)])),
                "%s",
                "<TypeError> not all arguments converted during string formatting",
            ),
            (
                C::Percent(O::T(vec![])),
                "%",
                "<ValueError> incomplete format",
            ),
            (C::Percent(O::I(1)), "%5", "<ValueError> incomplete format"),
            (
                C::Percent(O::I(1)),
                "abc %q",
                "<ValueError> unsupported format character 'q' (0x71) at index 5",
            ),
            (
                C::Percent(O::T(vec![])),
                "%q",
                "<TypeError> not enough arguments for format string",
            ),
            (
                C::Percent(O::I(1)),
                "%5%",
                "<ValueError> unsupported format character '%' (0x25) at index 2",
            ),
            (C::Percent(O::T(vec![])), "100%%", "100%"),
            (C::Percent(O::T(vec![O::I(1), O::S("x")])), "%ld %hs", "1 x"),
            (
                C::Percent(O::T(vec![O::B(true), O::B(false), O::B(true)])),
                "%d %s %x",
                "1 False 1",
            ),
            (
                C::Percent(O::I(1)),
                "%99999999999999999999d",
                "<ValueError> width too big",
            ),
            (
                C::Percent(O::F(1.0)),
                "%.2147483648f",
                "<ValueError> precision too big",
            ),
            (
                C::Percent(O::T(vec![])),
                "%s",
                "<TypeError> not enough arguments for format string",
            ),
            (C::Format, "{} {}", "1 ab"),
            (C::Format, "{1}{0}", "ab1"),
            (C::Format, "{name!r:>8}", "   'Bob'"),
            (C::Format, "{1!a}", "'ab'"),
            (C::Format, "{0:{w}}", "       1"),
            (C::Format, "{2:{w}.{p}f}", "    2.50"),
            (
                C::Format,
                "{:{}}",
                "<ValueError> Invalid format specifier 'ab' for object of type 'int'",
            ),
            (
                C::Format,
                "{0:{1:{2}}}",
                "<ValueError> Max string recursion exceeded",
            ),
            (C::Format, "{{}}{{", "{}{"),
            (
                C::Format,
                "a}b",
                "<ValueError> Single '}' encountered in format string",
            ),
            (
                C::Format,
                "a{b",
                "<ValueError> expected '}' before end of string",
            ),
            (
                C::Format,
                "{0",
                "<ValueError> expected '}' before end of string",
            ),
            (
                C::Format,
                "{0!x}",
                "<ValueError> Unknown conversion specifier x",
            ),
            (
                C::Format,
                "{0!}",
                "<ValueError> unmatched '{' in format spec",
            ),
            (
                C::Format,
                "{0!rr}",
                "<ValueError> expected ':' after conversion specifier",
            ),
            (
                C::Format,
                "{} {0}",
                "<ValueError> cannot switch from automatic field numbering to manual field specification",
            ),
            (
                C::Format,
                "{0} {}",
                "<ValueError> cannot switch from manual field specification to automatic field numbering",
            ),
            (C::Format, "{3[1]}", "x"),
            (C::Format, "{3[9]}", "<IndexError> tuple index out of range"),
            (C::Format, "{4[k]}", "v"),
            (C::Format, "{2.real}", "2.5"),
            (
                C::Format,
                "{0[]}",
                "<ValueError> Empty attribute in format string",
            ),
            (
                C::Format,
                "{3[0]x}",
                "<ValueError> Only '.' or '[' may follow ']' in format field specifier",
            ),
            (
                C::Format,
                "{9}",
                "<IndexError> Replacement index 9 out of range for positional args tuple",
            ),
            (C::Format, "{nope}", "<KeyError> 'nope'"),
            (C::Format, "{\u{85}}", "<KeyError> '\\x85'"),
            (
                C::Format,
                "{99999999999999999999}",
                "<ValueError> Too many decimal digits in format string",
            ),
            (C::Format, "{0:٣}", "  1"),
            (
                C::Format,
                "{1:d}",
                "<ValueError> Unknown format code 'd' for object of type 'str'",
            ),
            (
                C::Format,
                "{[0]}",
                "<TypeError> 'int' object is not subscriptable",
            ),
            (
                C::Format,
                "{0.}",
                "<ValueError> Empty attribute in format string",
            ),
            (
                C::Format,
                "{0[}",
                "<ValueError> expected '}' before end of string",
            ),
            (
                C::Format,
                "{:{:{}}}",
                "<ValueError> Max string recursion exceeded",
            ),
        ]);
    }

    /// `ascii('é€🐍')` in Python 3.11.
    #[test]
    fn ascii_escapes_non_ascii() {
        assert_eq!(ascii_escape("'é€🐍'"), "'\\xe9\\u20ac\\U0001f40d'");
    }

    /// Widths are bounded only by memory, and running out of it is an error.
    #[test]
    fn big_widths_work_and_absurd_ones_fail_softly() {
        assert_eq!(
            format_str("x", "^1000000").unwrap().chars().count(),
            1_000_000
        );
        assert_eq!(
            format_int(&BigInt::from(-5), "0=1000000,").unwrap().len(),
            1_000_000
        );
        // CPython raises MemoryError for these; here they must not abort.
        assert!(format_str("x", "9223372036854775807").is_err());
        assert!(format_int(&BigInt::from(1), "09223372036854775807,").is_err());
        assert!(percent_format("%9223372036854775807d", &O::I(1)).is_err());
    }
}
