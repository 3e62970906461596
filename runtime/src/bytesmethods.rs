//! The methods of `bytes` beyond `decode` and `hex`: searching, splitting,
//! joining, stripping and the ASCII case and class tests, with CPython's messages.

use skink_abi::{self as abi, Word};

use crate::call::Kw;
use crate::exc::{self, PyResult};
use crate::int::{self, Int};
use crate::methods::{arity, no_args, no_kw, one_arg};
use crate::object::{self, Owned, type_name};

pub const METHODS: &[&str] = &[
    "decode",
    "hex",
    "split",
    "rsplit",
    "join",
    "strip",
    "lstrip",
    "rstrip",
    "startswith",
    "endswith",
    "find",
    "rfind",
    "index",
    "rindex",
    "count",
    "replace",
    "upper",
    "lower",
    "isdigit",
    "isalpha",
    "isalnum",
    "isspace",
    "isupper",
    "islower",
    "splitlines",
    "partition",
    "rpartition",
    "removeprefix",
    "removesuffix",
];

/// Python's ASCII whitespace for bytes.
fn is_space(b: u8) -> bool {
    matches!(b, b' ' | b'\t' | b'\n' | b'\r' | 0x0b | 0x0c)
}

fn new(b: &[u8]) -> Word {
    object::new_bytes(b.to_vec())
}

/// A bytes-like argument, with "a bytes-like object is required".
fn bytes_arg<'a>(w: Word) -> PyResult<&'a [u8]> {
    match object::as_bytes(w) {
        Some(b) => Ok(b.value.as_slice()),
        None => exc::type_error(format!(
            "a bytes-like object is required, not '{}'",
            type_name(w)
        )),
    }
}

/// The needle of `find`/`count`/`index`: bytes or a single byte value.
fn needle(w: Word) -> PyResult<Vec<u8>> {
    if let Some(b) = object::as_bytes(w) {
        return Ok(b.value.clone());
    }
    match int::int_of(w) {
        Some(Int::Small(v)) if (0..256).contains(&v) => Ok(vec![v as u8]),
        Some(_) => exc::value_error("byte must be in range(0, 256)"),
        None => exc::type_error(format!(
            "argument should be integer or bytes-like object, not '{}'",
            type_name(w)
        )),
    }
}

/// The `start`/`end` arguments (after the needle) as a byte window, and whether
/// `start` lies within the bytes (beyond it nothing is found, not even b"").
fn window(args: &[Word], len: usize) -> PyResult<(usize, usize, bool)> {
    let start = crate::strobj::bound(args.get(1).copied())?;
    let end = crate::strobj::bound(args.get(2).copied())?;
    let (start, end) = crate::strmethods::adjust_indices(start, end, len);
    let valid = start <= len as i64;
    let start = start.min(len as i64) as usize;
    let end = (end.max(0) as usize).max(start);
    Ok((start, end, valid))
}

fn find_in(hay: &[u8], sub: &[u8], reverse: bool) -> Option<usize> {
    if reverse {
        crate::search::rfind(hay, sub)
    } else {
        crate::search::find(hay, sub)
    }
}

fn count_in(hay: &[u8], sub: &[u8]) -> usize {
    if sub.is_empty() {
        return hay.len() + 1;
    }
    crate::search::count(hay, sub)
}

/// `sep` and `maxsplit` of `split`/`rsplit`.
fn split_params(args: &[Word], kw: &Kw, name: &str) -> PyResult<(Option<Vec<u8>>, i64)> {
    if args.len() > 2 {
        return exc::type_error(format!(
            "{name}() takes at most 2 arguments ({} given)",
            args.len()
        ));
    }
    let mut sep = args.first().copied();
    let mut maxsplit = args.get(1).copied();
    for &(k, v) in kw {
        match k {
            "sep" if sep.is_none() => sep = Some(v),
            "maxsplit" if maxsplit.is_none() => maxsplit = Some(v),
            "sep" | "maxsplit" => {
                return exc::type_error(format!(
                    "argument for {name}() given by name ('{k}') and position"
                ));
            }
            _ => {
                return exc::type_error(format!(
                    "{name}() got an unexpected keyword argument '{k}'"
                ));
            }
        }
    }
    let sep = match sep {
        None | Some(abi::NONE) => None,
        Some(w) => {
            let b = bytes_arg(w)?;
            if b.is_empty() {
                return exc::value_error("empty separator");
            }
            Some(b.to_vec())
        }
    };
    let maxsplit = match maxsplit {
        None => -1,
        Some(w) => match int::int_of(w) {
            Some(Int::Small(v)) => v,
            Some(Int::Big(_)) => {
                return exc::overflow_error("Python int too large to convert to C ssize_t");
            }
            None => {
                return exc::type_error(format!(
                    "'{}' object cannot be interpreted as an integer",
                    type_name(w)
                ));
            }
        },
    };
    Ok((sep, maxsplit))
}

fn split(b: &[u8], sep: Option<&[u8]>, maxsplit: i64) -> Vec<Word> {
    let mut out = Vec::new();
    let mut left = if maxsplit < 0 {
        usize::MAX
    } else {
        maxsplit as usize
    };
    match sep {
        Some(sep) => {
            let mut start = 0;
            while left > 0
                && let Some(i) = find_in(&b[start..], sep, false)
            {
                out.push(new(&b[start..start + i]));
                start += i + sep.len();
                left -= 1;
            }
            out.push(new(&b[start..]));
        }
        None => {
            let mut i = 0;
            loop {
                while i < b.len() && is_space(b[i]) {
                    i += 1;
                }
                if i == b.len() {
                    break;
                }
                if left == 0 {
                    // The rest keeps its trailing whitespace, as in CPython.
                    out.push(new(&b[i..]));
                    break;
                }
                let start = i;
                while i < b.len() && !is_space(b[i]) {
                    i += 1;
                }
                out.push(new(&b[start..i]));
                left -= 1;
            }
        }
    }
    out
}

fn rsplit(b: &[u8], sep: Option<&[u8]>, maxsplit: i64) -> Vec<Word> {
    let mut out = Vec::new();
    let mut left = if maxsplit < 0 {
        usize::MAX
    } else {
        maxsplit as usize
    };
    match sep {
        Some(sep) => {
            let mut end = b.len();
            while left > 0
                && let Some(i) = find_in(&b[..end], sep, true)
            {
                out.push(new(&b[i + sep.len()..end]));
                end = i;
                left -= 1;
            }
            out.push(new(&b[..end]));
        }
        None => {
            let mut i = b.len();
            loop {
                while i > 0 && is_space(b[i - 1]) {
                    i -= 1;
                }
                if i == 0 {
                    break;
                }
                if left == 0 {
                    out.push(new(&b[..i]));
                    break;
                }
                let end = i;
                while i > 0 && !is_space(b[i - 1]) {
                    i -= 1;
                }
                out.push(new(&b[i..end]));
                left -= 1;
            }
        }
    }
    out.reverse();
    out
}

fn strip(b: &[u8], chars: Option<&[u8]>, left: bool, right: bool) -> Word {
    let strip_it = |c: u8| chars.map_or(is_space(c), |cs| cs.contains(&c));
    let mut start = 0;
    let mut end = b.len();
    if left {
        while start < end && strip_it(b[start]) {
            start += 1;
        }
    }
    if right {
        while end > start && strip_it(b[end - 1]) {
            end -= 1;
        }
    }
    new(&b[start..end])
}

fn join(sep: &[u8], iterable: Word) -> PyResult<Word> {
    if !crate::iter::is_iterable(iterable) {
        return exc::type_error("can only join an iterable");
    }
    let items = crate::iter::collect(iterable)?;
    let items: Vec<Owned> = items.into_iter().map(Owned).collect();
    let mut out = Vec::new();
    for (i, item) in items.iter().enumerate() {
        let Some(b) = object::as_bytes(item.0) else {
            return exc::type_error(format!(
                "sequence item {i}: expected a bytes-like object, {} found",
                type_name(item.0)
            ));
        };
        if i > 0 {
            out.extend_from_slice(sep);
        }
        out.extend_from_slice(&b.value);
    }
    Ok(object::new_bytes(out))
}

fn splitlines(b: &[u8], keepends: bool) -> Vec<Word> {
    let mut out = Vec::new();
    let mut start = 0;
    let mut i = 0;
    while i < b.len() {
        let end_len = match b[i] {
            b'\r' if b.get(i + 1) == Some(&b'\n') => 2,
            b'\r' | b'\n' => 1,
            _ => {
                i += 1;
                continue;
            }
        };
        let stop = if keepends { i + end_len } else { i };
        out.push(new(&b[start..stop]));
        i += end_len;
        start = i;
    }
    if start < b.len() {
        out.push(new(&b[start..]));
    }
    out
}

fn ascii_test(b: &[u8], name: &str) -> bool {
    match name {
        "isdigit" => !b.is_empty() && b.iter().all(u8::is_ascii_digit),
        "isalpha" => !b.is_empty() && b.iter().all(u8::is_ascii_alphabetic),
        "isalnum" => !b.is_empty() && b.iter().all(u8::is_ascii_alphanumeric),
        "isspace" => !b.is_empty() && b.iter().all(|&c| is_space(c)),
        "isupper" => b.iter().any(u8::is_ascii_uppercase) && !b.iter().any(u8::is_ascii_lowercase),
        _ => b.iter().any(u8::is_ascii_lowercase) && !b.iter().any(u8::is_ascii_uppercase),
    }
}

/// `b.name(*args, **kw)` for the methods in [`METHODS`] other than `decode`/`hex`.
pub fn call(obj: Word, name: &str, args: &[Word], kw: &Kw) -> PyResult<Word> {
    let Some(this) = object::as_bytes(obj) else {
        return crate::methods::no_attribute(obj, name);
    };
    let b = this.value.as_slice();
    match name {
        "split" | "rsplit" => {
            let (sep, maxsplit) = split_params(args, kw, name)?;
            let parts = if name == "split" {
                split(b, sep.as_deref(), maxsplit)
            } else {
                rsplit(b, sep.as_deref(), maxsplit)
            };
            return Ok(object::new_list(parts));
        }
        "splitlines" => {
            if args.len() > 1 {
                return exc::type_error(format!(
                    "splitlines() takes at most 1 argument ({} given)",
                    args.len()
                ));
            }
            let mut keep = args.first().copied();
            for &(k, v) in kw {
                if k != "keepends" || keep.is_some() {
                    return exc::type_error(format!(
                        "splitlines() got an unexpected keyword argument '{k}'"
                    ));
                }
                keep = Some(v);
            }
            let keepends = match keep {
                Some(w) => crate::ops::truthy(w)?,
                None => false,
            };
            return Ok(object::new_list(splitlines(b, keepends)));
        }
        _ => no_kw("bytes", name, kw)?,
    }
    match name {
        "join" => {
            let iterable = one_arg("bytes", name, args)?;
            join(b, iterable)
        }
        "strip" | "lstrip" | "rstrip" => {
            arity(name, args, 0, 1)?;
            let chars = match args.first() {
                None | Some(&abi::NONE) => None,
                Some(&w) => Some(bytes_arg(w)?),
            };
            Ok(strip(b, chars, name != "rstrip", name != "lstrip"))
        }
        "startswith" | "endswith" => {
            arity(name, args, 1, 3)?;
            let (start, end, valid) = window(args, b.len())?;
            let hay = &b[start..end];
            let test = |p: &[u8]| {
                valid
                    && if name == "startswith" {
                        hay.starts_with(p)
                    } else {
                        hay.ends_with(p)
                    }
            };
            let wrong = |w: Word| {
                exc::type_error(format!(
                    "{name} first arg must be bytes or a tuple of bytes, not {}",
                    type_name(w)
                ))
            };
            if let Some(t) = object::as_tuple(args[0]) {
                for &item in t.items.iter() {
                    match object::as_bytes(item) {
                        Some(p) if test(&p.value) => return Ok(abi::TRUE),
                        Some(_) => {}
                        None => return wrong(item),
                    }
                }
                return Ok(abi::FALSE);
            }
            match object::as_bytes(args[0]) {
                Some(p) => Ok(abi::bool_word(test(&p.value))),
                None => wrong(args[0]),
            }
        }
        "find" | "rfind" | "index" | "rindex" | "count" => {
            arity(name, args, 1, 3)?;
            let sub = needle(args[0])?;
            let (start, end, valid) = window(args, b.len())?;
            let hay = &b[start..end];
            if name == "count" {
                let n = if valid { count_in(hay, &sub) } else { 0 };
                return Ok(int::from_i64(n as i64));
            }
            let reverse = name.starts_with('r');
            let found = if valid {
                find_in(hay, &sub, reverse)
            } else {
                None
            };
            match found {
                Some(i) => Ok(int::from_i64((start + i) as i64)),
                None if name.ends_with("find") => Ok(int::from_i64(-1)),
                None => exc::value_error("subsection not found"),
            }
        }
        "replace" => {
            arity(name, args, 2, 3)?;
            let old = bytes_arg(args[0])?;
            let with = bytes_arg(args[1])?;
            let mut left = match args.get(2).map(|&w| int::int_of(w)) {
                None => usize::MAX,
                Some(Some(Int::Small(v))) if v < 0 => usize::MAX,
                Some(Some(Int::Small(v))) => v as usize,
                Some(Some(Int::Big(_))) => usize::MAX,
                Some(None) => {
                    return exc::type_error(format!(
                        "'{}' object cannot be interpreted as an integer",
                        type_name(args[2])
                    ));
                }
            };
            let mut out = Vec::new();
            if old.is_empty() {
                // An empty pattern matches between every byte and at both ends.
                for (i, &c) in b.iter().enumerate() {
                    if left > 0 {
                        out.extend_from_slice(with);
                        left -= 1;
                    }
                    out.push(c);
                    if i + 1 == b.len() && left > 0 {
                        out.extend_from_slice(with);
                    }
                }
                if b.is_empty() && left > 0 {
                    out.extend_from_slice(with);
                }
                return Ok(object::new_bytes(out));
            }
            let mut i = 0;
            while i < b.len() {
                if left > 0 && b[i..].starts_with(old) {
                    out.extend_from_slice(with);
                    i += old.len();
                    left -= 1;
                } else {
                    out.push(b[i]);
                    i += 1;
                }
            }
            Ok(object::new_bytes(out))
        }
        "partition" | "rpartition" => {
            let sep = one_arg("bytes", name, args)?;
            let sep = bytes_arg(sep)?;
            if sep.is_empty() {
                return exc::value_error("empty separator");
            }
            let parts = match find_in(b, sep, name == "rpartition") {
                Some(i) => [&b[..i], sep, &b[i + sep.len()..]],
                None if name == "partition" => [b, &[], &[]],
                None => [&[], &[], b],
            };
            Ok(object::new_tuple(parts.iter().map(|p| new(p)).collect()))
        }
        "removeprefix" | "removesuffix" => {
            let affix = one_arg("bytes", name, args)?;
            let affix = bytes_arg(affix)?;
            let rest = if name == "removeprefix" {
                b.strip_prefix(affix)
            } else {
                b.strip_suffix(affix)
            };
            Ok(new(rest.unwrap_or(b)))
        }
        "upper" | "lower" => {
            no_args("bytes", name, args)?;
            Ok(object::new_bytes(if name == "upper" {
                b.to_ascii_uppercase()
            } else {
                b.to_ascii_lowercase()
            }))
        }
        "isdigit" | "isalpha" | "isalnum" | "isspace" | "isupper" | "islower" => {
            no_args("bytes", name, args)?;
            Ok(abi::bool_word(ascii_test(b, name)))
        }
        _ => crate::methods::no_attribute(obj, name),
    }
}
