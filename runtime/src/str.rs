//! Python strs: repr with CPython's quoting and escapes, whitespace as Python
//! defines it, concatenation and repetition.

use unicode_general_category::{GeneralCategory, get_general_category};

use crate::exc::{self, PyResult};

/// `str.isspace()` for one character, as `str.strip()` and `int()` use it.
pub fn is_python_whitespace(c: char) -> bool {
    matches!(c, '\t'..='\r' | '\x1c'..='\x1f' | ' ' | '\u{85}')
        || (c as u32 > 0x7f && c.is_whitespace())
}

/// The decimal value of a Unicode decimal digit (category Nd). Unicode encodes every
/// set of decimal digits as contiguous runs of ten, from zero to nine.
fn decimal_value(c: char) -> Option<u32> {
    let is_digit = |c: char| get_general_category(c) == GeneralCategory::DecimalNumber;
    if !is_digit(c) {
        return None;
    }
    let mut start = c as u32;
    while let Some(prev) = start.checked_sub(1).and_then(char::from_u32)
        && is_digit(prev)
    {
        start -= 1;
    }
    Some((c as u32 - start) % 10)
}

/// CPython's `_PyUnicode_TransformDecimalAndSpaceToASCII`, which `int()` and
/// `float()` apply first: Unicode decimal digits become ASCII digits, non-ASCII
/// whitespace a space, any other non-ASCII character a `?` that fails the parse.
pub fn numeric_ascii(s: &str) -> String {
    s.chars()
        .map(|c| {
            if c.is_ascii() {
                c
            } else if is_python_whitespace(c) {
                ' '
            } else {
                decimal_value(c)
                    .and_then(|d| char::from_digit(d, 10))
                    .unwrap_or('?')
            }
        })
        .collect()
}

/// Whitespace as the number parsers see it after `numeric_ascii`: C's `isspace`.
pub fn is_c_whitespace(c: char) -> bool {
    matches!(c, ' ' | '\t' | '\n' | '\x0b' | '\x0c' | '\r')
}

/// `repr(s)`.
pub fn repr(s: &str) -> String {
    let quote = if s.contains('\'') && !s.contains('"') {
        '"'
    } else {
        '\''
    };
    let mut out = String::with_capacity(s.len() + 2);
    out.push(quote);
    for c in s.chars() {
        match c {
            '\\' => out.push_str("\\\\"),
            '\t' => out.push_str("\\t"),
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            c if c == quote => {
                out.push('\\');
                out.push(c);
            }
            c if (c as u32) < 0x20 || c as u32 == 0x7f => {
                out.push_str(&format!("\\x{:02x}", c as u32))
            }
            c if c.is_ascii() || crate::strmethods::is_printable(c) => out.push(c),
            c if (c as u32) < 0x100 => out.push_str(&format!("\\x{:02x}", c as u32)),
            c if (c as u32) < 0x10000 => out.push_str(&format!("\\u{:04x}", c as u32)),
            c => out.push_str(&format!("\\U{:08x}", c as u32)),
        }
    }
    out.push(quote);
    out
}

/// `s * n` (`s` has `char_len` code points); `n` comes from an int that may be
/// too large for a machine word.
pub fn repeat(s: &str, char_len: usize, n: Option<i64>) -> PyResult<String> {
    let Some(n) = n else {
        return exc::overflow_error("cannot fit 'int' into an index-sized integer");
    };
    if n <= 0 || s.is_empty() {
        return Ok(String::new());
    }
    if char_len as i64 > i64::MAX / n {
        return exc::overflow_error("repeated string is too long");
    }
    match s.len().checked_mul(n as usize) {
        Some(total) if total <= isize::MAX as usize / 2 => Ok(s.repeat(n as usize)),
        _ => exc::raise(exc::ExcType::MemoryError, ""),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn repr_quotes_and_escapes_like_cpython() {
        let cases = [
            ("abc", "'abc'"),
            ("it's", "\"it's\""),
            ("both ' and \"", "'both \\' and \"'"),
            ("tab\there\n", "'tab\\there\\n'"),
            ("\x00\x7f", "'\\x00\\x7f'"),
            ("héllo wörld ✓", "'héllo wörld ✓'"),
            ("\u{a0}\u{2028}", "'\\xa0\\u2028'"),
        ];
        for (s, want) in cases {
            assert_eq!(repr(s), want);
        }
    }
}
