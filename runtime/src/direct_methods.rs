//! Methods of builtin objects called straight from a call site's cache: a site
//! that calls `line.split(",")` or `items.append(x)` on a plain str or list
//! resolves the name once to a function of this module and later calls go to
//! it directly, skipping the lookup by name (`methods::call_method`) and the
//! keyword split. Only calls without keywords come here.
//!
//! Most entries forward to the type's method function with the name fixed, so
//! arguments, results and error messages are those of the general path; a few
//! of the commonest (the `str.is*` predicates, `list.append`) are written out,
//! and hand any other argument count to the general path too.

use skink_abi::{self as abi, Word, kind};

use crate::exc::PyResult;
use crate::object;
use crate::strmethods as sm;

/// A builtin method bound to its receiver's kind and name: `(receiver, args)`.
pub type DirectMethod = fn(Word, &[Word]) -> PyResult<Word>;

/// Each name forwards to `$call(receiver, name, args, no keywords)`.
macro_rules! forward {
    ($call:path, $name:expr, [$($method:literal),* $(,)?]) => {
        match $name {
            $($method => Some((|obj: Word, args: &[Word]| $call(obj, $method, args, &[])) as DirectMethod),)*
            _ => None,
        }
    };
}

/// A `str.is*` predicate without arguments; anything else goes the general way.
macro_rules! predicate {
    ($method:literal, $test:path) => {
        Some(
            (|obj: Word, args: &[Word]| match (object::as_str(obj), args) {
                (Some(s), []) => Ok(abi::bool_word($test(&s.value))),
                _ => crate::strobj::call(obj, $method, args, &[]),
            }) as DirectMethod,
        )
    };
}

/// The direct function of method `name` for objects of heap kind `kind`, when
/// this module has one.
pub fn find(kind: u32, name: &str) -> Option<DirectMethod> {
    match kind {
        kind::STR => str_method(name),
        kind::LIST => list_method(name),
        kind::DICT => forward!(
            crate::methods::dict_method,
            name,
            [
                "get",
                "setdefault",
                "pop",
                "popitem",
                "items",
                "keys",
                "values",
                "update",
                "copy",
                "clear"
            ]
        ),
        kind::TUPLE => forward!(crate::methods::tuple_method, name, ["index", "count"]),
        kind::SET | kind::FROZENSET => forward!(
            crate::setops::call,
            name,
            [
                "add",
                "discard",
                "remove",
                "pop",
                "clear",
                "copy",
                "union",
                "intersection",
                "difference",
                "symmetric_difference",
                "update",
                "issubset",
                "issuperset",
                "isdisjoint",
            ]
        ),
        kind::BYTES => forward!(
            crate::methods::bytes_method,
            name,
            [
                "decode",
                "split",
                "join",
                "strip",
                "startswith",
                "endswith",
                "find",
                "count",
                "replace"
            ]
        ),
        _ => None,
    }
}

fn str_method(name: &str) -> Option<DirectMethod> {
    match name {
        "isdigit" => predicate!("isdigit", sm::str_isdigit),
        "isdecimal" => predicate!("isdecimal", sm::str_isdecimal),
        "isnumeric" => predicate!("isnumeric", sm::str_isnumeric),
        "isalpha" => predicate!("isalpha", sm::str_isalpha),
        "isalnum" => predicate!("isalnum", sm::str_isalnum),
        "isspace" => predicate!("isspace", sm::str_isspace),
        "isupper" => predicate!("isupper", sm::str_isupper),
        "islower" => predicate!("islower", sm::str_islower),
        "isidentifier" => predicate!("isidentifier", sm::str_isidentifier),
        _ => forward!(
            crate::strobj::call,
            name,
            [
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
                "partition",
                "rpartition",
                "removeprefix",
                "removesuffix",
                "splitlines",
                "format",
                "encode",
                "center",
                "ljust",
                "rjust",
                "zfill",
            ]
        ),
    }
}

fn list_method(name: &str) -> Option<DirectMethod> {
    match name {
        "append" => Some(list_append),
        _ => forward!(
            crate::methods::list_method,
            name,
            [
                "extend", "insert", "pop", "remove", "index", "count", "reverse", "copy", "clear"
            ]
        ),
    }
}

fn list_append(obj: Word, args: &[Word]) -> PyResult<Word> {
    match (object::as_list(obj), args) {
        (Some(list), &[x]) => {
            object::incref(x);
            list.items.push(x);
            Ok(abi::NONE)
        }
        _ => crate::methods::list_method(obj, "append", args, &[]),
    }
}
