//! Methods of builtin objects called straight from a call site's cache: a site
//! that calls `line.split(",")` or `items.append(x)` on a plain str or list
//! resolves the method once per kind to a function of this module, and later
//! calls go to it directly, skipping the dispatch on the receiver
//! (`methods::call_method`) and the keyword split. Only calls without keywords
//! come here.
//!
//! Most methods forward to their type's method function, so arguments, results
//! and error messages are those of the general path; the commonest (the `str.is*`
//! predicates, `list.append`, `list.pop` and `list.insert` with small int
//! positions) are written out, and hand any other arguments to the general path
//! too. Bound methods of plain builtin objects keep theirs as well.

use skink_abi::{self as abi, Word};

use crate::exc::PyResult;
use crate::object::{self, PyType};
use crate::strmethods as sm;

/// A builtin method for one kind of receiver: `(receiver, name, args)`.
pub type DirectMethod = fn(Word, &str, &[Word]) -> PyResult<Word>;

/// A `str.is*` predicate without arguments; anything else goes the general way.
macro_rules! predicate {
    ($test:path) => {
        Some(
            (|obj: Word, name: &str, args: &[Word]| match (object::as_str(obj), args) {
                (Some(s), []) => Ok(abi::bool_word($test(&s.value))),
                _ => crate::strobj::call(obj, name, args, &[]),
            }) as DirectMethod,
        )
    };
}

/// The direct function of method `name` for plain objects of type `ty`, when
/// the type has the method.
pub fn find(ty: PyType, name: &str) -> Option<DirectMethod> {
    if !crate::methods::has_method(ty, name) {
        return None;
    }
    match (ty, name) {
        (PyType::Str, "isdigit") => predicate!(sm::str_isdigit),
        (PyType::Str, "isdecimal") => predicate!(sm::str_isdecimal),
        (PyType::Str, "isnumeric") => predicate!(sm::str_isnumeric),
        (PyType::Str, "isalpha") => predicate!(sm::str_isalpha),
        (PyType::Str, "isalnum") => predicate!(sm::str_isalnum),
        (PyType::Str, "isspace") => predicate!(sm::str_isspace),
        (PyType::Str, "isupper") => predicate!(sm::str_isupper),
        (PyType::Str, "islower") => predicate!(sm::str_islower),
        (PyType::Str, "isidentifier") => predicate!(sm::str_isidentifier),
        (PyType::Str, _) => Some(|obj, name, args| crate::strobj::call(obj, name, args, &[])),
        (PyType::List, "append") => Some(list_append),
        (PyType::List, "pop") => Some(list_pop),
        (PyType::List, "insert") => Some(list_insert),
        (PyType::List, _) => {
            Some(|obj, name, args| crate::methods::list_method(obj, name, args, &[]))
        }
        (PyType::Dict, _) => {
            Some(|obj, name, args| crate::methods::dict_method(obj, name, args, &[]))
        }
        (PyType::Tuple, _) => {
            Some(|obj, name, args| crate::methods::tuple_method(obj, name, args, &[]))
        }
        (PyType::Bytes, _) => {
            Some(|obj, name, args| crate::methods::bytes_method(obj, name, args, &[]))
        }
        (PyType::Set | PyType::FrozenSet, _) => {
            Some(|obj, name, args| crate::setops::call(obj, name, args, &[]))
        }
        _ => None,
    }
}

/// `lst.pop()` and `lst.pop(i)` with a small int in range; the errors and other
/// arguments go the general way.
fn list_pop(obj: Word, name: &str, args: &[Word]) -> PyResult<Word> {
    if let Some(list) = object::as_list(obj) {
        let len = list.items.len();
        let index = match args {
            [] => len.checked_sub(1),
            &[i] => crate::seq::small_index(len, i),
            _ => None,
        };
        if let Some(i) = index {
            return Ok(list.items.remove(i));
        }
    }
    crate::methods::list_method(obj, name, args, &[])
}

/// `lst.insert(i, x)` with a small int `i` (clamped to the list, as CPython).
fn list_insert(obj: Word, name: &str, args: &[Word]) -> PyResult<Word> {
    if let (Some(list), &[i, x]) = (object::as_list(obj), args)
        && abi::is_small_int(i)
    {
        let i = crate::methods::insert_position(i >> 1, list.items.len());
        object::incref(x);
        list.items.insert(i, x);
        return Ok(abi::NONE);
    }
    crate::methods::list_method(obj, name, args, &[])
}

fn list_append(obj: Word, name: &str, args: &[Word]) -> PyResult<Word> {
    match (object::as_list(obj), args) {
        (Some(list), &[x]) => {
            object::incref(x);
            list.items.push(x);
            Ok(abi::NONE)
        }
        _ => crate::methods::list_method(obj, name, args, &[]),
    }
}
