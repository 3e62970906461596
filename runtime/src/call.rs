//! Calling any callable value: builtin functions and types, compiled functions,
//! bound methods and method descriptors. Keyword arguments arrive as
//! (name, value) pairs after the positional ones, as CPython's vectorcall passes them.

use skink_abi::{self as abi, Word};

use crate::exc::{self, PyResult, Raised};
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
    if let Some(f) = object::as_function(callable) {
        return call_function(f, args, kw);
    }
    if let Some(m) = object::as_bound_method(callable) {
        let receiver = m.receiver.0;
        let name = m.name.clone();
        if !m.unbound {
            return crate::methods::call_method(receiver, &name, args, kw);
        }
        let owner = object::as_type(receiver).unwrap_or(object::PyType::Object);
        if owner == object::PyType::Dict && name == "fromkeys" {
            return crate::methods::dict_fromkeys(args, kw);
        }
        let Some((&this, rest)) = args.split_first() else {
            return exc::type_error(format!(
                "unbound method {}.{name}() needs an argument",
                owner.name()
            ));
        };
        if !object::type_of(this).is_subtype(owner) {
            return exc::type_error(format!(
                "descriptor '{name}' for '{}' objects doesn't apply to a '{}' object",
                owner.name(),
                type_name(this)
            ));
        }
        return crate::methods::call_method(this, &name, rest, kw);
    }
    exc::type_error(format!("'{}' object is not callable", type_name(callable)))
}

/// Whether `callable(w)` holds.
pub fn is_callable(w: Word) -> bool {
    object::as_builtin_fn(w).is_some()
        || object::as_type(w).is_some()
        || object::as_function(w).is_some()
        || object::as_bound_method(w).is_some()
}

macro_rules! call_native {
    ($code:expr, $a:expr, $($i:tt)*) => {{
        // SAFETY: the compiler made `code` a function of exactly this many word
        // parameters (checked against `nparams` by the caller).
        let f: extern "C" fn($(call_native!(@w $i)),*) -> Word = unsafe { std::mem::transmute($code) };
        f($($a[$i]),*)
    }};
    (@w $i:tt) => { Word };
}

/// The most parameters a function called through a value may have.
pub const MAX_DYNAMIC_PARAMS: usize = 12;

fn call_function(f: &object::FunctionObj, args: &[Word], kw: &Kw) -> PyResult<Word> {
    if let Some((name, _)) = kw.first() {
        return exc::type_error(format!(
            "{}() got an unexpected keyword argument '{name}'",
            f.name
        ));
    }
    let defaults = object::as_tuple(f.defaults.0).map_or(&[][..], |t| t.items.as_slice());
    let required = f.nparams - defaults.len().min(f.nparams);
    if args.len() > f.nparams || args.len() < required {
        return exc::type_error(arity_message(f.name, f.nparams, required, args.len()));
    }
    let mut full: Vec<Word> = args.to_vec();
    full.extend_from_slice(&defaults[defaults.len() - (f.nparams - args.len())..]);
    // The callee owns its parameters.
    full.iter().for_each(|&w| object::incref(w));
    let code = f.code as *const ();
    let a = &full;
    let r = match f.nparams {
        0 => call_native!(code, a,),
        1 => call_native!(code, a, 0),
        2 => call_native!(code, a, 0 1),
        3 => call_native!(code, a, 0 1 2),
        4 => call_native!(code, a, 0 1 2 3),
        5 => call_native!(code, a, 0 1 2 3 4),
        6 => call_native!(code, a, 0 1 2 3 4 5),
        7 => call_native!(code, a, 0 1 2 3 4 5 6),
        8 => call_native!(code, a, 0 1 2 3 4 5 6 7),
        9 => call_native!(code, a, 0 1 2 3 4 5 6 7 8),
        10 => call_native!(code, a, 0 1 2 3 4 5 6 7 8 9),
        11 => call_native!(code, a, 0 1 2 3 4 5 6 7 8 9 10),
        12 => call_native!(code, a, 0 1 2 3 4 5 6 7 8 9 10 11),
        _ => crate::fatal("function value with too many parameters"),
    };
    if r == abi::NULL { Err(Raised) } else { Ok(r) }
}

/// CPython's message for a call with the wrong number of positional arguments.
fn arity_message(name: &str, nparams: usize, required: usize, given: usize) -> String {
    if given > nparams {
        let takes = if required == nparams {
            let s = if nparams == 1 { "" } else { "s" };
            format!("{nparams} positional argument{s}")
        } else {
            format!("from {required} to {nparams} positional arguments")
        };
        let was = if given == 1 { "was" } else { "were" };
        return format!("{name}() takes {takes} but {given} {was} given");
    }
    let missing = required - given;
    let s = if missing == 1 { "" } else { "s" };
    format!("{name}() missing {missing} required positional argument{s}")
}
