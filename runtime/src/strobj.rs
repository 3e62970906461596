//! The methods of `str` for compiled programs: argument parsing with CPython's
//! messages around the pure text functions of `strmethods`.

use skink_abi::{self as abi, Word};

use crate::call::Kw;
use crate::exc::{self, ExcType, PyResult};
use crate::int::{self, Int};
use crate::object::{self, Items, type_name};
use crate::strmethods::{self as sm, StrError};
use crate::{iter, methods};

pub const METHODS: &[&str] = &[
    "split",
    "rsplit",
    "join",
    "strip",
    "lstrip",
    "rstrip",
    "replace",
    "find",
    "rfind",
    "index",
    "rindex",
    "count",
    "startswith",
    "endswith",
    "upper",
    "lower",
    "title",
    "capitalize",
    "swapcase",
    "casefold",
    "isdigit",
    "isdecimal",
    "isnumeric",
    "isalpha",
    "isalnum",
    "isspace",
    "isupper",
    "islower",
    "istitle",
    "isidentifier",
    "isprintable",
    "isascii",
    "center",
    "ljust",
    "rjust",
    "zfill",
    "partition",
    "rpartition",
    "removeprefix",
    "removesuffix",
    "splitlines",
    "format",
    "encode",
    "expandtabs",
];

/// Raises the exception a text function reported.
pub fn raise_str_error<T>(e: StrError) -> PyResult<T> {
    match e {
        StrError::Value(m) => exc::value_error(m),
        StrError::Lookup(m) => exc::raise(ExcType::LookupError, m),
        StrError::Type(m) => exc::type_error(m),
        StrError::Overflow(m) => exc::overflow_error(m),
        StrError::Memory => exc::raise(ExcType::MemoryError, ""),
        StrError::UnicodeEncode(m) => exc::raise(ExcType::UnicodeEncodeError, m),
        StrError::UnicodeDecode(m) => exc::raise(ExcType::UnicodeDecodeError, m),
        StrError::Unsupported(m) => exc::raise(
            ExcType::NotImplementedError,
            format!("skink: {m} is not supported"),
        ),
    }
}

fn lift<T>(r: Result<T, StrError>) -> PyResult<T> {
    r.or_else(raise_str_error)
}

fn new_str(s: String) -> Word {
    object::new_str(s)
}

fn str_list(parts: Vec<String>) -> Word {
    object::new_list(parts.into_iter().map(new_str).collect())
}

/// Positional arguments merged with the allowed keywords, in parameter order.
fn params(name: &str, args: &[Word], kw: &Kw, names: &[&str]) -> PyResult<Vec<Option<Word>>> {
    if args.len() > names.len() {
        return exc::type_error(format!(
            "{name}() takes at most {} arguments ({} given)",
            names.len(),
            args.len()
        ));
    }
    let mut out: Vec<Option<Word>> = args.iter().map(|&a| Some(a)).collect();
    out.resize(names.len(), None);
    for &(k, v) in kw {
        match names.iter().position(|&n| n == k) {
            Some(i) if out[i].is_none() => out[i] = Some(v),
            Some(_) => {
                return exc::type_error(format!(
                    "argument for {name}() given by name ('{k}') and position"
                ));
            }
            None => {
                return exc::type_error(format!(
                    "{name}() got an unexpected keyword argument '{k}'"
                ));
            }
        }
    }
    Ok(out)
}

fn text<'a>(w: Word, what: impl Fn(&str) -> String) -> PyResult<&'a str> {
    match object::as_str(w) {
        Some(s) => Ok(s.value.as_str()),
        None => exc::type_error(what(type_name(w))),
    }
}

fn must_str<'a>(w: Word, name: &str, pos: usize) -> PyResult<&'a str> {
    text(w, |t| {
        format!("{name}() argument {pos} must be str, not {t}")
    })
}

fn opt_str<'a>(w: Option<Word>, what: &str) -> PyResult<Option<&'a str>> {
    match w {
        None | Some(abi::NONE) => Ok(None),
        Some(w) => text(w, |t| format!("{what} must be None or str, not {t}")).map(Some),
    }
}

/// A `start`/`end` bound: None or an int (huge ones clamp, as slices do).
pub(crate) fn bound(w: Option<Word>) -> PyResult<Option<i64>> {
    match w {
        None | Some(abi::NONE) => Ok(None),
        Some(w) => match int::int_of(w) {
            Some(Int::Small(v)) => Ok(Some(v)),
            Some(Int::Big(b)) if num_traits::Signed::is_negative(b) => Ok(Some(i64::MIN)),
            Some(Int::Big(_)) => Ok(Some(i64::MAX)),
            None => exc::type_error(
                "slice indices must be integers or None or have an __index__ method",
            ),
        },
    }
}

fn exactly(name: &str, args: &[Word], n: usize) -> PyResult<()> {
    if args.len() == n {
        return Ok(());
    }
    if n == 1 {
        return exc::type_error(format!(
            "str.{name}() takes exactly one argument ({} given)",
            args.len()
        ));
    }
    if n == 0 {
        return exc::type_error(format!(
            "str.{name}() takes no arguments ({} given)",
            args.len()
        ));
    }
    methods::arity(name, args, n, n)
}

/// `s.name(*args, **kw)`.
pub fn call(obj: Word, name: &str, args: &[Word], kw: &Kw) -> PyResult<Word> {
    let s: &str = object::as_str(obj).map_or("", |s| s.value.as_str());
    let no_kw = |kw: &Kw| -> PyResult<()> {
        if kw.is_empty() {
            Ok(())
        } else {
            exc::type_error(format!("str.{name}() takes no keyword arguments"))
        }
    };
    let predicate = |f: fn(&str) -> bool| -> PyResult<Word> {
        no_kw(kw)?;
        exactly(name, args, 0)?;
        Ok(abi::bool_word(f(s)))
    };
    let mapping = |f: fn(&str) -> String| -> PyResult<Word> {
        no_kw(kw)?;
        exactly(name, args, 0)?;
        Ok(new_str(f(s)))
    };
    match name {
        "split" | "rsplit" => {
            let p = params(name, args, kw, &["sep", "maxsplit"])?;
            let sep = opt_str(p[0], "must be str or None")?;
            let sep = match (sep, p[0]) {
                (None, Some(w)) if w != abi::NONE => {
                    return exc::type_error(format!("must be str or None, not {}", type_name(w)));
                }
                (s, _) => s,
            };
            let maxsplit = match p[1] {
                Some(w) => int::as_ssize(w)?,
                None => -1,
            };
            let parts = if name == "split" {
                sm::str_split(s, sep, maxsplit)
            } else {
                sm::str_rsplit(s, sep, maxsplit)
            };
            Ok(str_list(lift(parts)?))
        }
        "join" => {
            no_kw(kw)?;
            exactly(name, args, 1)?;
            let items = Items(iter::collect(args[0])?);
            let mut out = String::new();
            for (i, &item) in items.iter().enumerate() {
                let Some(piece) = object::as_str(item) else {
                    return exc::type_error(format!(
                        "sequence item {i}: expected str instance, {} found",
                        type_name(item)
                    ));
                };
                if i > 0 {
                    out.push_str(s);
                }
                out.push_str(&piece.value);
            }
            Ok(new_str(out))
        }
        "strip" | "lstrip" | "rstrip" => {
            no_kw(kw)?;
            methods::arity(name, args, 0, 1)?;
            let chars = match args.first() {
                None | Some(&abi::NONE) => None,
                Some(&w) => Some(text(w, |_| format!("{name} arg must be None or str"))?),
            };
            Ok(new_str(match name {
                "strip" => sm::str_strip(s, chars),
                "lstrip" => sm::str_lstrip(s, chars),
                _ => sm::str_rstrip(s, chars),
            }))
        }
        "replace" => {
            no_kw(kw)?;
            methods::arity("replace", args, 2, 3)?;
            let old = must_str(args[0], "replace", 1)?;
            let new = must_str(args[1], "replace", 2)?;
            let count = match args.get(2) {
                Some(&w) => int::as_ssize(w)?,
                None => -1,
            };
            Ok(new_str(lift(sm::str_replace(s, old, new, count))?))
        }
        "find" | "rfind" | "index" | "rindex" | "count" => {
            no_kw(kw)?;
            methods::parse_tuple_arity(name, args, 1, 3)?;
            let sub = text(args[0], |t| format!("must be str, not {t}"))?;
            let (start, end) = (bound(args.get(1).copied())?, bound(args.get(2).copied())?);
            let r = match name {
                "find" => sm::str_find(s, sub, start, end),
                "rfind" => sm::str_rfind(s, sub, start, end),
                "index" => lift(sm::str_index(s, sub, start, end))?,
                "rindex" => lift(sm::str_rindex(s, sub, start, end))?,
                _ => sm::str_count(s, sub, start, end),
            };
            Ok(int::from_i64(r))
        }
        "startswith" | "endswith" => {
            no_kw(kw)?;
            methods::parse_tuple_arity(name, args, 1, 3)?;
            let owned;
            let prefixes: Vec<&str> = if let Some(t) = object::as_tuple(args[0]) {
                owned = t.items.to_vec();
                owned
                    .iter()
                    .map(|&w| {
                        text(w, |t| {
                            format!("tuple for {name} must only contain str, not {t}")
                        })
                    })
                    .collect::<PyResult<_>>()?
            } else {
                vec![text(args[0], |t| {
                    format!("{name} first arg must be str or a tuple of str, not {t}")
                })?]
            };
            let (start, end) = (bound(args.get(1).copied())?, bound(args.get(2).copied())?);
            let r = if name == "startswith" {
                sm::str_startswith(s, &prefixes, start, end)
            } else {
                sm::str_endswith(s, &prefixes, start, end)
            };
            Ok(abi::bool_word(r))
        }
        "upper" => mapping(sm::str_upper),
        "lower" => mapping(sm::str_lower),
        "title" => mapping(sm::str_title),
        "capitalize" => mapping(sm::str_capitalize),
        "swapcase" => mapping(sm::str_swapcase),
        "casefold" => mapping(sm::str_casefold),
        "isdigit" => predicate(sm::str_isdigit),
        "isdecimal" => predicate(sm::str_isdecimal),
        "isnumeric" => predicate(sm::str_isnumeric),
        "isalpha" => predicate(sm::str_isalpha),
        "isalnum" => predicate(sm::str_isalnum),
        "isspace" => predicate(sm::str_isspace),
        "isupper" => predicate(sm::str_isupper),
        "islower" => predicate(sm::str_islower),
        "istitle" => predicate(sm::str_istitle),
        "isidentifier" => predicate(sm::str_isidentifier),
        "isprintable" => predicate(sm::str_isprintable),
        "isascii" => predicate(sm::str_isascii),
        "center" | "ljust" | "rjust" => {
            no_kw(kw)?;
            methods::arity(name, args, 1, 2)?;
            let width = int::as_ssize(args[0])?;
            let fill = match args.get(1) {
                None => ' ',
                Some(&w) => {
                    let f = text(w, |t| format!("{name}() argument 2 must be str, not {t}"))?;
                    let mut cs = f.chars();
                    match (cs.next(), cs.next()) {
                        (Some(c), None) => c,
                        _ => {
                            return exc::type_error(
                                "The fill character must be exactly one character long",
                            );
                        }
                    }
                }
            };
            let r = match name {
                "center" => sm::str_center(s, width, fill),
                "ljust" => sm::str_ljust(s, width, fill),
                _ => sm::str_rjust(s, width, fill),
            };
            Ok(new_str(lift(r)?))
        }
        "zfill" => {
            no_kw(kw)?;
            exactly(name, args, 1)?;
            Ok(new_str(lift(sm::str_zfill(s, int::as_ssize(args[0])?))?))
        }
        "removeprefix" | "removesuffix" => {
            no_kw(kw)?;
            exactly(name, args, 1)?;
            let affix = text(args[0], |t| {
                format!("{name}() argument must be str, not {t}")
            })?;
            let rest = if name == "removeprefix" {
                s.strip_prefix(affix)
            } else {
                s.strip_suffix(affix)
            };
            Ok(new_str(rest.unwrap_or(s).to_string()))
        }
        "partition" | "rpartition" => {
            no_kw(kw)?;
            exactly(name, args, 1)?;
            let sep = text(args[0], |t| format!("must be str, not {t}"))?;
            let (a, b, c) = lift(if name == "partition" {
                sm::str_partition(s, sep)
            } else {
                sm::str_rpartition(s, sep)
            })?;
            Ok(object::new_tuple(vec![new_str(a), new_str(b), new_str(c)]))
        }
        "splitlines" => {
            let p = params(name, args, kw, &["keepends"])?;
            let keep = match p[0] {
                Some(w) => crate::ops::truthy(w)?,
                None => false,
            };
            Ok(str_list(sm::str_splitlines(s, keep)))
        }
        "expandtabs" => {
            let p = params(name, args, kw, &["tabsize"])?;
            let size = match p[0] {
                Some(w) => int::as_ssize(w)?,
                None => 8,
            };
            Ok(new_str(lift(sm::str_expandtabs(s, size))?))
        }
        "format" => crate::fmt::str_format(s, args, kw),
        "encode" => {
            let p = params(name, args, kw, &["encoding", "errors"])?;
            let encoding = match p[0] {
                Some(w) => text(w, |t| {
                    format!("encode() argument 'encoding' must be str, not {t}")
                })?,
                None => "utf-8",
            };
            let errors = match p[1] {
                Some(w) => text(w, |t| {
                    format!("encode() argument 'errors' must be str, not {t}")
                })?,
                None => "strict",
            };
            methods::encode(s, encoding, errors)
        }
        _ => exc::raise(
            ExcType::AttributeError,
            format!("'str' object has no attribute '{name}'"),
        ),
    }
}
