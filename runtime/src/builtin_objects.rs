//! The immortal objects behind builtin names: one type object per builtin type and
//! one function object per builtin function, so that `type(x) is int` and
//! `key=len` work by identity as in CPython.

use std::cell::RefCell;
use std::collections::HashMap;

use skink_abi::{self as abi, Word};

use crate::object::{self, BuiltinFn, PyType};

thread_local! {
    static TYPES: RefCell<HashMap<PyType, Word>> = RefCell::new(HashMap::new());
    static FUNCTIONS: RefCell<HashMap<BuiltinFn, Word>> = RefCell::new(HashMap::new());
}

/// The type object of `ty` (immortal, so the caller owns a reference for free).
pub fn type_object(ty: PyType) -> Word {
    TYPES.with(|t| {
        *t.borrow_mut()
            .entry(ty)
            .or_insert_with(|| object::make_immortal(object::new_type(ty)))
    })
}

pub fn function_object(f: BuiltinFn) -> Word {
    FUNCTIONS.with(|t| {
        *t.borrow_mut()
            .entry(f)
            .or_insert_with(|| object::make_immortal(object::new_builtin_fn(f)))
    })
}

/// The object a builtin name denotes, or NULL for a name skink does not know.
pub fn load(name: &str) -> Word {
    if let Some(ty) = PyType::named(name) {
        return type_object(ty);
    }
    match BuiltinFn::ALL.iter().find(|f| f.name() == name) {
        Some(&f) => function_object(f),
        None => abi::NULL,
    }
}
