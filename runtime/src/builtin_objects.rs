//! The immortal objects behind builtin names: one type object per builtin type and
//! one function object per builtin function, so that `type(x) is int` and
//! `key=len` work by identity as in CPython.

use crate::fixedmap::FixedMap;
use std::sync::{Mutex, PoisonError};

use skink_abi::{self as abi, Word};

use crate::object::{self, BuiltinFn, PyType};

// Process-wide statics rather than thread-locals: memory checkers scan them, so
// these immortal objects count as reachable at exit.
static TYPES: Mutex<Option<FixedMap<PyType, Word>>> = Mutex::new(None);
static FUNCTIONS: Mutex<Option<FixedMap<BuiltinFn, Word>>> = Mutex::new(None);

/// The type object of `ty` (immortal, so the caller owns a reference for free).
pub fn type_object(ty: PyType) -> Word {
    if let PyType::Class(c) = ty {
        return c.word();
    }
    let mut table = TYPES.lock().unwrap_or_else(PoisonError::into_inner);
    *table
        .get_or_insert_with(FixedMap::default)
        .entry(ty)
        .or_insert_with(|| object::make_immortal(object::new_type(ty)))
}

pub fn function_object(f: BuiltinFn) -> Word {
    let mut table = FUNCTIONS.lock().unwrap_or_else(PoisonError::into_inner);
    *table
        .get_or_insert_with(FixedMap::default)
        .entry(f)
        .or_insert_with(|| object::make_immortal(object::new_builtin_fn(f)))
}

/// The object a builtin name denotes, or NULL for a name skink does not know.
pub fn load(name: &str) -> Word {
    if name == "Ellipsis" {
        return abi::ELLIPSIS;
    }
    if name == "NotImplemented" {
        return abi::NOT_IMPLEMENTED;
    }
    if let Some(ty) = PyType::named(name) {
        return type_object(ty);
    }
    match BuiltinFn::ALL.iter().find(|f| f.name() == name) {
        Some(&f) => function_object(f),
        None => abi::NULL,
    }
}
