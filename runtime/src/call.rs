//! Calling any callable value: builtin functions and types, compiled functions,
//! bound methods and method descriptors. Keyword arguments arrive as
//! (name, value) pairs after the positional ones, as CPython's vectorcall passes them.

use skink_abi::Word;

use crate::exc::{self, PyResult};
use crate::function;
use crate::object::{self, type_name};

/// Keyword arguments: (name, borrowed value).
pub type Kw<'a> = [(&'a str, Word)];

/// `callable(*args, **kw)`: a new reference.
pub fn call(callable: Word, args: &[Word], kw: &Kw) -> PyResult<Word> {
    if let Some(f) = object::as_builtin_fn(callable) {
        return crate::builtins::call_builtin(f, args, kw);
    }
    if let Some(t) = object::as_type(callable) {
        return crate::builtins::construct(t, args, kw);
    }
    if let Some(f) = crate::modules::as_native(callable) {
        return crate::modules::call_native(f, args, kw);
    }
    if function::as_function(callable).is_some() {
        return function::call_function(callable, args, kw);
    }
    if let Some(m) = function::as_method(callable) {
        if function::as_function(m.func.0).is_some() {
            return function::call_function_on(m.func.0, m.receiver.0, args, kw);
        }
        let mut full = Vec::with_capacity(args.len() + 1);
        full.push(m.receiver.0);
        full.extend_from_slice(args);
        return call(m.func.0, &full, kw);
    }
    if let Some(m) = object::as_bound_method(callable) {
        let receiver = m.receiver.0;
        // The caller holds `callable`, so the method object and its name outlive
        // the call.
        let name = m.name.as_str();
        if let Some(direct) = m.direct
            && kw.is_empty()
        {
            return direct(receiver, name, args);
        }
        if !m.unbound {
            return crate::methods::call_method(receiver, name, args, kw);
        }
        let owner = object::as_type(receiver).unwrap_or(object::PyType::Object);
        if owner == object::PyType::Dict && name == "fromkeys" {
            return crate::methods::dict_fromkeys(args, kw);
        }
        // `Base.__init__(self, ...)` of a builtin base is called like `super()`'s.
        let shown = name.strip_prefix("super:").unwrap_or(name);
        let Some((&this, rest)) = args.split_first() else {
            if name.starts_with("super:") {
                return exc::type_error(format!(
                    "descriptor '{shown}' of '{}' object needs an argument",
                    owner.name()
                ));
            }
            return exc::type_error(format!(
                "unbound method {}.{shown}() needs an argument",
                owner.name()
            ));
        };
        if !object::type_of(this).is_subtype(owner) {
            return exc::type_error(format!(
                "descriptor '{shown}' for '{}' objects doesn't apply to a '{}' object",
                owner.name(),
                type_name(this)
            ));
        }
        // `list.pop(self)` in a `list` subclass that overrides `pop` means
        // list's own method, not the override.
        if owner == object::PyType::List && crate::class::subclass_of(this).is_some() {
            return crate::class::call_builtin_base(this, shown, rest, kw);
        }
        return crate::methods::call_method(this, name, rest, kw);
    }
    if crate::class::class_of(callable).is_some() {
        let name = crate::class::intern("__call__");
        if crate::class::has_special(callable, "__call__") {
            return crate::class::call_method_word(callable, name, args, kw);
        }
    }
    exc::type_error(format!("'{}' object is not callable", type_name(callable)))
}

/// Whether `callable(w)` holds.
pub fn is_callable(w: Word) -> bool {
    object::as_builtin_fn(w).is_some()
        || object::as_type(w).is_some()
        || function::as_function(w).is_some()
        || function::as_method(w).is_some()
        || crate::modules::as_native(w).is_some()
        || crate::class::has_special(w, "__call__")
        || object::as_bound_method(w).is_some()
}

/// CPython's `_PyObject_FunctionStr`: how call errors name the callable.
pub fn function_str(w: Word) -> String {
    if let Some(f) = function::as_function(w) {
        return format!("__main__.{}()", f.code.qualname);
    }
    if let Some(m) = function::as_method(w) {
        return function_str(m.func.0);
    }
    if let Some(c) = crate::class::as_class(w) {
        return format!("__main__.{}()", c.get().qualname);
    }
    if let Some(f) = object::as_builtin_fn(w) {
        return format!("{}()", f.name());
    }
    if let Some(t) = object::as_type(w) {
        return format!("{}()", t.name());
    }
    format!("{} object", type_name(w))
}
