//! String formatting for compiled programs: f-string fields, `format()`,
//! `str.format` and printf-style `%`, on top of the mini-language in `format`.

use skink_abi::{self as abi, Word};

use crate::exc::{self, ExcType, PyResult, Raised};
use crate::format::{self, FmtError, FormatArg, ItemKey};
use crate::int::{self, Int};
use crate::object::{self, Owned, PyType, type_name};
use crate::ops;

/// Raises the exception a formatting error stands for.
pub fn raise_fmt<T>(e: FmtError) -> PyResult<T> {
    match e {
        FmtError::Value(m) => exc::value_error(m),
        FmtError::Type(m) => exc::type_error(m),
        FmtError::Index(m) => exc::raise(ExcType::IndexError, m),
        FmtError::Overflow(m) => exc::overflow_error(m),
        FmtError::Key(key) => exc::raise_with_arg(ExcType::KeyError, object::new_str(key)),
    }
}

/// A pending exception carried through the formatting code as an error.
const PENDING: &str = "\u{0}skink-pending";

fn pending() -> FmtError {
    FmtError::Value(PENDING.to_string())
}

/// Converts a runtime result into a formatting result, keeping the exception pending.
fn lift<T>(r: PyResult<T>) -> Result<T, FmtError> {
    r.map_err(|Raised| pending())
}

/// Converts a formatting result back, raising unless an exception is already pending.
fn lower<T>(r: Result<T, FmtError>) -> PyResult<T> {
    match r {
        Ok(v) => Ok(v),
        Err(FmtError::Value(m)) if m == PENDING => Err(Raised),
        Err(e) => raise_fmt(e),
    }
}

/// An argument of `%` or `str.format`, holding a reference.
struct Arg(Owned);

impl Arg {
    fn new(w: Word) -> Arg {
        Arg(Owned::share(w))
    }
}

impl FormatArg for Arg {
    fn as_int(&self) -> Option<num_bigint::BigInt> {
        int::int_of(self.0.0).map(|i| i.to_big())
    }

    fn as_float(&self) -> Option<f64> {
        object::as_float(self.0.0)
    }

    fn is_bool(&self) -> bool {
        matches!(self.0.0, abi::TRUE | abi::FALSE)
    }

    fn str(&self) -> Result<String, FmtError> {
        lift(ops::str_of(self.0.0))
    }

    fn repr(&self) -> Result<String, FmtError> {
        lift(ops::repr_of(self.0.0))
    }

    fn type_name(&self) -> String {
        type_name(self.0.0).to_string()
    }

    fn format(&self, spec: &str) -> Result<String, FmtError> {
        format_to_string(self.0.0, spec)
    }

    fn getitem(&self, key: &ItemKey) -> Result<Self, FmtError> {
        let k = match key {
            ItemKey::Int(i) => Owned(int::from_i64(*i)),
            ItemKey::Str(s) => Owned(object::new_str(s.clone())),
        };
        let v = lift(crate::seq::getitem(self.0.0, k.0))?;
        Ok(Arg(Owned(v)))
    }

    fn getattr(&self, name: &str) -> Result<Self, FmtError> {
        let v = lift(crate::methods::getattr(self.0.0, name))?;
        Ok(Arg(Owned(v)))
    }

    fn is_mapping(&self) -> bool {
        // CPython: anything subscriptable but a tuple or a str.
        matches!(
            object::type_of(self.0.0),
            PyType::Dict | PyType::List | PyType::Range | PyType::Bytes
        )
    }

    fn mapping_get(&self, key: &str) -> Option<Result<Self, FmtError>> {
        if !self.is_mapping() {
            return None;
        }
        let k = Owned(object::new_str(key.to_string()));
        Some(lift(crate::seq::getitem(self.0.0, k.0)).map(|v| Arg(Owned(v))))
    }

    fn tuple_items(&self) -> Option<Vec<Self>> {
        let t = object::as_tuple(self.0.0)?;
        Some(t.items.iter().map(|&w| Arg::new(w)).collect())
    }
}

/// `format(value, spec)` as a Rust string.
fn format_to_string(value: Word, spec: &str) -> Result<String, FmtError> {
    match object::type_of(value) {
        PyType::Int => {
            let i = int::int_of(value).unwrap_or(Int::Small(0));
            format::format_int(&i.to_big(), spec)
        }
        PyType::Bool => format::format_bool(value == abi::TRUE, spec),
        PyType::Float => format::format_float(object::as_float(value).unwrap_or(0.0), spec),
        PyType::Str => {
            let s = object::as_str(value).map_or("", |s| s.value.as_str());
            format::format_str(s, spec)
        }
        _ if spec.is_empty() => lift(ops::str_of(value)),
        _ => Err(FmtError::Type(format!(
            "unsupported format string passed to {}.__format__",
            type_name(value)
        ))),
    }
}

/// `format(value[, spec])`.
pub fn format_value(value: Word, spec: Option<Word>) -> PyResult<Word> {
    let spec = match spec {
        None => String::new(),
        Some(s) => match object::as_str(s) {
            Some(s) => s.value.clone(),
            None => {
                return exc::type_error(format!(
                    "format() argument 2 must be str, not {}",
                    type_name(s)
                ));
            }
        },
    };
    if object::as_str(value).is_some() && spec.is_empty() {
        object::incref(value);
        return Ok(value);
    }
    Ok(object::new_str(lower(format_to_string(value, &spec))?))
}

/// `ascii(x)` given `repr(x)`.
pub fn ascii(repr: &str) -> String {
    format::ascii_escape(repr)
}

/// `fmt % args`.
pub fn percent(fmt: Word, args: Word) -> PyResult<Word> {
    let f = object::as_str(fmt)
        .map(|s| s.value.clone())
        .unwrap_or_default();
    let r = format::percent_format(&f, &Arg::new(args));
    Ok(object::new_str(lower(r)?))
}

/// `fmt.format(*args, **kw)`.
pub fn str_format(fmt: &str, args: &[Word], kw: &[(&str, Word)]) -> PyResult<Word> {
    let positional: Vec<Arg> = args.iter().map(|&w| Arg::new(w)).collect();
    let keywords: Vec<(String, Arg)> = kw
        .iter()
        .map(|&(k, v)| (k.to_string(), Arg::new(v)))
        .collect();
    let r = format::str_format(fmt, &positional, &keywords);
    Ok(object::new_str(lower(r)?))
}

/// The f-string conversions `!s` (1), `!r` (2) and `!a` (3).
pub fn convert(value: Word, how: i64) -> PyResult<Word> {
    match how {
        1 => Ok(object::new_str(ops::str_of(value)?)),
        2 => Ok(object::new_str(ops::repr_of(value)?)),
        _ => Ok(object::new_str(ascii(&ops::repr_of(value)?))),
    }
}
