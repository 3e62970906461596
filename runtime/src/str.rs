//! Python strs: repr with CPython's quoting and escapes, whitespace as Python
//! defines it, concatenation and repetition.

use unicode_general_category::{GeneralCategory, get_general_category};

use crate::exc::{self, PyResult};

/// `str.isspace()` for one character, as `str.strip()` and `int()` use it.
pub fn is_python_whitespace(c: char) -> bool {
    matches!(c, '\t'..='\r' | '\x1c'..='\x1f' | ' ' | '\u{85}')
        || (c as u32 > 0x7f && c.is_whitespace())
}

/// CPython's `Py_UNICODE_ISPRINTABLE`.
fn is_printable(c: char) -> bool {
    if c == ' ' {
        return true;
    }
    !matches!(
        get_general_category(c),
        GeneralCategory::Control
            | GeneralCategory::Format
            | GeneralCategory::Surrogate
            | GeneralCategory::PrivateUse
            | GeneralCategory::Unassigned
            | GeneralCategory::LineSeparator
            | GeneralCategory::ParagraphSeparator
            | GeneralCategory::SpaceSeparator
    )
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
            c if c.is_ascii() || is_printable(c) => out.push(c),
            c if (c as u32) < 0x100 => out.push_str(&format!("\\x{:02x}", c as u32)),
            c if (c as u32) < 0x10000 => out.push_str(&format!("\\u{:04x}", c as u32)),
            c => out.push_str(&format!("\\U{:08x}", c as u32)),
        }
    }
    out.push(quote);
    out
}

/// `s * n`; `n` comes from an int that may be too large for a machine word.
pub fn repeat(s: &str, n: Option<i64>) -> PyResult<String> {
    let Some(n) = n else {
        return exc::overflow_error("cannot fit 'int' into an index-sized integer");
    };
    if n <= 0 || s.is_empty() {
        return Ok(String::new());
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
