//! Methods of the builtin types (`xs.append(x)`, `d.get(k)`, ...) and attribute
//! access on builtin objects. `call_method` is the one entry point; the str and
//! set methods live in `strobj` and `setops`.

use skink_abi::{self as abi, Word};

use crate::call::Kw;
use crate::dict::Dict;
use crate::exc::{self, ExcType, PyResult};
use crate::int::{self, Int};
use crate::object::{self, Items, Owned, PyType, ViewKind, type_name};
use crate::{iter, ops};

const LIST_METHODS: &[&str] = &[
    "append", "extend", "insert", "pop", "remove", "index", "count", "sort", "reverse", "copy",
    "clear",
];
const TUPLE_METHODS: &[&str] = &["index", "count"];
const DICT_METHODS: &[&str] = &[
    "get",
    "setdefault",
    "pop",
    "popitem",
    "items",
    "keys",
    "values",
    "update",
    "copy",
    "clear",
    "fromkeys",
];
const INT_METHODS: &[&str] = &["bit_length", "bit_count", "conjugate"];
const FLOAT_METHODS: &[&str] = &["is_integer", "conjugate", "hex"];

/// Whether values of type `ty` have the method `name`.
pub fn has_method(ty: PyType, name: &str) -> bool {
    let table: &[&str] = match ty {
        PyType::List => LIST_METHODS,
        PyType::Tuple => TUPLE_METHODS,
        PyType::Dict => DICT_METHODS,
        PyType::Str => crate::strobj::METHODS,
        PyType::Set => crate::setops::SET_METHODS,
        PyType::FrozenSet => crate::setops::FROZENSET_METHODS,
        PyType::Bytes => crate::bytesmethods::METHODS,
        PyType::Int | PyType::Bool => INT_METHODS,
        PyType::Float => FLOAT_METHODS,
        PyType::Range => TUPLE_METHODS,
        PyType::Array => crate::array::METHODS,
        PyType::File(_) => crate::file::METHODS,
        _ => &[],
    };
    table.contains(&name)
}

pub fn no_attribute<T>(obj: Word, name: &str) -> PyResult<T> {
    if let Some(t) = object::as_type(obj) {
        return exc::raise(
            ExcType::AttributeError,
            format!("type object '{}' has no attribute '{name}'", t.name()),
        );
    }
    exc::raise(
        ExcType::AttributeError,
        format!("'{}' object has no attribute '{name}'", type_name(obj)),
    )
}

/// Raises `AttributeError` unless `obj.name` is a method (checked before the
/// arguments of a method call are evaluated, as CPython looks the method up first).
pub fn check_method(obj: Word, name: &str) -> PyResult<()> {
    if crate::generator::as_generator(obj).is_some()
        && matches!(name, "send" | "throw" | "close" | "__next__")
    {
        return Ok(());
    }
    if crate::class::is_user_object(obj) {
        let key = object::Owned(object::new_str(name.to_string()));
        return crate::class::check_method(obj, key.0);
    }
    if has_method(object::dispatch_type(obj), name) {
        return Ok(());
    }
    if let Some(c) = crate::class::subclass_of(obj) {
        let key = object::Owned(object::new_str(name.to_string()));
        if crate::class::lookup(c, key.0)?.is_some() {
            return Ok(());
        }
    }
    // `dict.fromkeys(...)`, `str.join(...)`, an attribute set on a function, ...:
    // whatever getattr finds.
    let attr = getattr(obj, name)?;
    object::decref(attr);
    Ok(())
}

/// `obj.name`.
pub fn getattr(obj: Word, name: &str) -> PyResult<Word> {
    if crate::class::is_user_object(obj) {
        let key = object::Owned(object::new_str(name.to_string()));
        if let Some(r) = crate::class::getattr(obj, key.0) {
            return r;
        }
    }
    builtin_getattr(obj, name)
}

/// `obj.name` for the attributes builtin types have.
pub fn builtin_getattr(obj: Word, name: &str) -> PyResult<Word> {
    if let Some(a) = crate::array::as_array(obj)
        && let Some(v) = crate::array::getattr(a, name)
    {
        return Ok(v);
    }
    if let Some(f) = crate::file::as_file(obj)
        && let Some(v) = crate::file::getattr(f, name)
    {
        return Ok(v);
    }
    if name == "__class__" {
        return Ok(crate::builtin_objects::type_object(object::type_of(obj)));
    }
    if let Some(p) = crate::class::as_property(obj) {
        let w = match name {
            "fget" => p.fget.0,
            "fset" => p.fset.0,
            "fdel" => p.fdel.0,
            "getter" | "setter" | "deleter" => {
                object::incref(obj);
                return Ok(object::new_bound_method(obj, name.to_string(), false));
            }
            _ => return no_attribute(obj, name),
        };
        let w = if w == abi::NULL { abi::NONE } else { w };
        object::incref(w);
        return Ok(w);
    }
    if let Some(e) = object::as_exception(obj) {
        let key = object::Owned(object::new_str(name.to_string()));
        if let Some(v) = e.dict.get(key.0)? {
            object::incref(v);
            return Ok(v);
        }
        let w = match name {
            "args" => e.args.0,
            "__cause__" => e.cause.0,
            "__context__" => e.context.0,
            "__suppress_context__" => abi::bool_word(e.suppress_context),
            "value" if e.ty.is_subclass(ExcType::StopIteration) => {
                let v = object::as_tuple(e.args.0)
                    .and_then(|t| t.items.first().copied())
                    .unwrap_or(abi::NONE);
                object::incref(v);
                return Ok(v);
            }
            "errno" | "strerror" | "filename" if e.ty.is_subclass(ExcType::OSError) => {
                let args = object::as_tuple(e.args.0)
                    .map(|t| t.items.to_vec())
                    .unwrap_or_default();
                let key = object::Owned(object::new_str("filename".into()));
                match (name, args.as_slice()) {
                    ("errno", [errno, _]) => *errno,
                    ("strerror", [_, strerror]) => *strerror,
                    ("filename", _) => e.dict.get(key.0)?.unwrap_or(abi::NONE),
                    _ => abi::NONE,
                }
            }
            "code" if e.ty == ExcType::SystemExit => {
                let args = object::as_tuple(e.args.0)
                    .map(|t| t.items.to_vec())
                    .unwrap_or_default();
                match args.as_slice() {
                    [] => abi::NONE,
                    [one] => *one,
                    _ => e.args.0,
                }
            }
            _ => return no_attribute(obj, name),
        };
        let w = if w == abi::NULL { abi::NONE } else { w };
        object::incref(w);
        return Ok(w);
    }
    if let Some(t) = object::as_type(obj) {
        if name == "__name__" || name == "__qualname__" {
            return Ok(object::new_str(t.name().to_string()));
        }
        if has_method(t, name) {
            object::incref(obj);
            return Ok(object::new_bound_method(obj, name.to_string(), true));
        }
        if let Some(m) = crate::class::builtin_base_method(t, name) {
            return Ok(m);
        }
        return no_attribute(obj, name);
    }
    if let Some(m) = crate::function::as_method(obj) {
        let (func, receiver) = (m.func.0, m.receiver.0);
        return match name {
            "__self__" | "__func__" => {
                let w = if name == "__self__" { receiver } else { func };
                object::incref(w);
                Ok(w)
            }
            // A method reads the other attributes of its function.
            _ => getattr(func, name),
        };
    }
    if let Some(f) = crate::function::as_function(obj) {
        // What the program set (`wrapper.__name__ = f.__name__`, `f.calls = 0`) wins.
        if let Some(d) = object::as_dict(f.dict.0) {
            let key = object::Owned(object::new_str(name.to_string()));
            if let Some(v) = d.get(key.0)? {
                object::incref(v);
                return Ok(v);
            }
        }
        let shared = |w: Word| {
            let w = if w == abi::NULL { abi::NONE } else { w };
            object::incref(w);
            Ok(w)
        };
        let set = match name {
            "__name__" => f.name.0,
            "__qualname__" => f.qualname.0,
            "__doc__" => f.doc.0,
            _ => abi::NULL,
        };
        if set != abi::NULL {
            return shared(set);
        }
        match name {
            "__name__" => return Ok(object::new_str(f.code.name.to_string())),
            "__qualname__" => return Ok(object::new_str(f.code.qualname.to_string())),
            "__doc__" => {
                return Ok(f
                    .code
                    .doc
                    .map_or(abi::NONE, |d| object::new_str(d.to_string())));
            }
            "__module__" => return Ok(object::new_str("__main__".into())),
            "__defaults__" => return shared(f.defaults.0),
            "__kwdefaults__" => return shared(f.kwdefaults.0),
            "__dict__" => {
                if f.dict.0 == abi::NULL {
                    f.dict = object::Owned(object::new_dict(crate::dict::Dict::new()));
                }
                return shared(f.dict.0);
            }
            _ => {}
        }
    }
    if name == "__name__"
        && let Some(f) = object::as_builtin_fn(obj)
    {
        return Ok(object::new_str(f.name().to_string()));
    }
    if let Some(r) = object::as_range(obj) {
        let w = match name {
            "start" => r.start.0,
            "stop" => r.stop.0,
            "step" => r.step.0,
            _ => abi::NULL,
        };
        if w != abi::NULL {
            object::incref(w);
            return Ok(w);
        }
    }
    if let Some(s) = object::as_slice(obj) {
        let w = match name {
            "start" => s.start.0,
            "stop" => s.stop.0,
            "step" => s.step.0,
            _ => abi::NULL,
        };
        if w != abi::NULL {
            object::incref(w);
            return Ok(w);
        }
    }
    if int::int_of(obj).is_some() {
        match name {
            "real" | "numerator" => {
                return Ok(int::to_word(int::int_of(obj).unwrap_or(Int::Small(0))));
            }
            "imag" => return Ok(abi::small_int(0)),
            "denominator" => return Ok(abi::small_int(1)),
            _ => {}
        }
    }
    if let Some(f) = object::as_float(obj) {
        match name {
            "real" => return Ok(object::new_float(f)),
            "imag" => return Ok(object::new_float(0.0)),
            _ => {}
        }
    }
    if let Some(r) = crate::class::subclass_attr(obj, name) {
        return r;
    }
    if has_method(object::dispatch_type(obj), name) {
        object::incref(obj);
        return Ok(object::new_builtin_bound_method(obj, name.to_string()));
    }
    no_attribute(obj, name)
}

pub(crate) fn no_kw(ty: &str, name: &str, kw: &Kw) -> PyResult<()> {
    if kw.is_empty() {
        Ok(())
    } else {
        exc::type_error(format!("{ty}.{name}() takes no keyword arguments"))
    }
}

/// Argument count check with the message Argument Clinic gives.
pub fn arity(name: &str, args: &[Word], min: usize, max: usize) -> PyResult<()> {
    let n = args.len();
    if n >= min && n <= max {
        return Ok(());
    }
    if min == max {
        let s = if min == 1 { "" } else { "s" };
        return exc::type_error(format!("{name} expected {min} argument{s}, got {n}"));
    }
    if n < min {
        let s = if min == 1 { "" } else { "s" };
        return exc::type_error(format!(
            "{name} expected at least {min} argument{s}, got {n}"
        ));
    }
    let s = if max == 1 { "" } else { "s" };
    exc::type_error(format!(
        "{name} expected at most {max} argument{s}, got {n}"
    ))
}

/// Argument count check with the message `PyArg_ParseTuple` gives (the methods
/// CPython has not converted to Argument Clinic: `str.find`, `str.startswith`).
pub fn parse_tuple_arity(name: &str, args: &[Word], min: usize, max: usize) -> PyResult<()> {
    let n = args.len();
    let (how, bound) = match n {
        _ if n < min && min == max => ("exactly", min),
        _ if n < min => ("at least", min),
        _ if n > max && min == max => ("exactly", max),
        _ if n > max => ("at most", max),
        _ => return Ok(()),
    };
    let s = if bound == 1 { "" } else { "s" };
    exc::type_error(format!(
        "{name}() takes {how} {bound} argument{s} ({n} given)"
    ))
}

/// For methods of exactly one argument: "list.append() takes exactly one argument (0 given)".
pub fn one_arg(ty: &str, name: &str, args: &[Word]) -> PyResult<Word> {
    match args {
        [x] => Ok(*x),
        _ => exc::type_error(format!(
            "{ty}.{name}() takes exactly one argument ({} given)",
            args.len()
        )),
    }
}

pub fn no_args(ty: &str, name: &str, args: &[Word]) -> PyResult<()> {
    if args.is_empty() {
        Ok(())
    } else {
        exc::type_error(format!(
            "{ty}.{name}() takes no arguments ({} given)",
            args.len()
        ))
    }
}

/// `obj.name(*args, **kw)`.
pub fn call_method(obj: Word, name: &str, args: &[Word], kw: &Kw) -> PyResult<Word> {
    if let Some(rest) = name.strip_prefix("super:") {
        return crate::class::call_builtin_base(obj, rest, args, kw);
    }
    if crate::class::is_user_object(obj) {
        let key = object::Owned(object::new_str(name.to_string()));
        return crate::class::call_method_word(obj, key.0, args, kw);
    }
    if let Some(c) = crate::class::subclass_of(obj) {
        let key = object::Owned(object::new_str(name.to_string()));
        if let Some(m) = crate::class::lookup(c, key.0)? {
            let mut full = vec![obj];
            full.extend_from_slice(args);
            return crate::call::call(m, &full, kw);
        }
    }
    let ty = object::dispatch_type(obj);
    if ty == PyType::Property {
        return crate::class::property_method(obj, name, args);
    }
    if crate::array::as_array(obj).is_some() {
        return crate::array::call_method(obj, name, args, kw);
    }
    if crate::file::as_file(obj).is_some() {
        return crate::file::call_method(obj, name, args, kw);
    }
    if crate::generator::as_generator(obj).is_some() {
        no_kw("generator", name, kw)?;
        return match (name, args) {
            ("send", [v]) => crate::generator::send(obj, *v),
            ("throw", [e]) => crate::generator::throw(obj, *e),
            ("close", []) => crate::generator::close(obj).map(|()| abi::NONE),
            ("__next__", []) => {
                let r = crate::generator::next(obj);
                crate::generator::stop_to_exception(obj, r)
            }
            ("send" | "throw" | "close" | "__next__", _) => exc::type_error(format!(
                "generator.{name}() got the wrong number of arguments"
            )),
            _ => no_attribute(obj, name),
        };
    }
    match ty {
        PyType::List => list_method(obj, name, args, kw),
        PyType::Tuple => tuple_method(obj, name, args, kw),
        PyType::Dict => dict_method(obj, name, args, kw),
        PyType::Str => crate::strobj::call(obj, name, args, kw),
        PyType::Set | PyType::FrozenSet => crate::setops::call(obj, name, args, kw),
        PyType::Bytes => bytes_method(obj, name, args, kw),
        PyType::Range if has_method(ty, name) => {
            no_kw("range", name, kw)?;
            let x = one_arg("range", name, args)?;
            let found = crate::seq::contains(obj, x)?;
            if name == "count" {
                return Ok(int::from_i64(found as i64));
            }
            if !found {
                return exc::value_error(format!("{} is not in range", ops::repr_of(x)?));
            }
            let (start, _, step, _) = crate::seq::range_parts(obj);
            let i = int::int_of(x).map(|i| i.to_big()).unwrap_or_default();
            Ok(int::from_big(num_integer::Integer::div_floor(
                &(i - start),
                &step,
            )))
        }
        PyType::Int | PyType::Bool if has_method(ty, name) => {
            no_kw("int", name, kw)?;
            no_args("int", name, args)?;
            let i = int::int_of(obj).unwrap_or(Int::Small(0));
            match name {
                "bit_length" => Ok(int::from_i64(i.to_big().bits() as i64)),
                "bit_count" => Ok(int::from_i64(
                    i.to_big()
                        .magnitude()
                        .iter_u64_digits()
                        .map(|d| d.count_ones() as i64)
                        .sum(),
                )),
                _ => Ok(int::to_word(i)),
            }
        }
        PyType::Float if has_method(ty, name) => {
            no_kw("float", name, kw)?;
            no_args("float", name, args)?;
            let f = object::as_float(obj).unwrap_or(0.0);
            match name {
                "is_integer" => Ok(abi::bool_word(f.is_finite() && f.fract() == 0.0)),
                "conjugate" => Ok(object::new_float(f)),
                _ => exc::type_error("skink: float.hex() is not supported"),
            }
        }
        PyType::Type if name == "fromkeys" && object::as_type(obj) == Some(PyType::Dict) => {
            dict_fromkeys(args, kw)
        }
        _ => {
            // A method looked up on a type (`str.join(sep, xs)`) or any callable attribute.
            let attr = Owned(getattr(obj, name)?);
            crate::call::call(attr.0, args, kw)
        }
    }
}

fn equal_index(items: &[Word], x: Word, start: usize, end: usize) -> PyResult<Option<usize>> {
    for (i, &w) in items.iter().enumerate().take(end).skip(start) {
        let w = Owned::share(w);
        if ops::equal(w.0, x)? {
            return Ok(Some(i));
        }
    }
    Ok(None)
}

/// `start`/`end` arguments of `index`: clamped like slice bounds.
fn search_bounds(args: &[Word], len: usize) -> PyResult<(usize, usize)> {
    let bound = |w: Option<&Word>, default: usize| -> PyResult<usize> {
        let Some(&w) = w else { return Ok(default) };
        let Some(i) = int::int_of(w) else {
            return exc::type_error("slice indices must be integers or have an __index__ method");
        };
        let v = match i {
            Int::Small(v) => v,
            Int::Big(b) if num_traits::Signed::is_negative(b) => i64::MIN,
            Int::Big(_) => i64::MAX,
        };
        let v = if v < 0 {
            v.saturating_add(len as i64).max(0)
        } else {
            v
        };
        Ok((v as usize).min(len))
    };
    Ok((bound(args.get(1), 0)?, bound(args.get(2), len)?))
}

fn count_equal(items: &[Word], x: Word) -> PyResult<Word> {
    let mut n = 0;
    for &w in items {
        let w = Owned::share(w);
        if ops::equal(w.0, x)? {
            n += 1;
        }
    }
    Ok(int::from_i64(n))
}

/// Where `list.insert(i, x)` puts `x` in a list of `len` items: a negative `i`
/// counts from the end, and both ends clamp.
pub(crate) fn insert_position(i: i64, len: usize) -> usize {
    let len = len as i64;
    let i = if i < 0 {
        i.saturating_add(len).max(0)
    } else {
        i.min(len)
    };
    i as usize
}

pub(crate) fn list_method(obj: Word, name: &str, args: &[Word], kw: &Kw) -> PyResult<Word> {
    let snapshot = || -> Items {
        let items = object::as_list(obj)
            .map(|l| l.items.to_vec())
            .unwrap_or_default();
        items.iter().for_each(|&w| object::incref(w));
        Items(items)
    };
    if name != "sort" {
        no_kw("list", name, kw)?;
    }
    let Some(list) = object::as_list(obj) else {
        return exc::type_error("expected a list");
    };
    match name {
        "append" => {
            let x = one_arg("list", name, args)?;
            object::incref(x);
            list.items.push(x);
            Ok(abi::NONE)
        }
        "extend" => {
            let x = one_arg("list", name, args)?;
            let new = iter::collect(x)?;
            if let Some(list) = object::as_list(obj) {
                list.items.extend(new);
            }
            Ok(abi::NONE)
        }
        "insert" => {
            arity("insert", args, 2, 2)?;
            let i = insert_position(int::as_ssize(args[0])?, list.items.len());
            object::incref(args[1]);
            list.items.insert(i, args[1]);
            Ok(abi::NONE)
        }
        "pop" => {
            arity("pop", args, 0, 1)?;
            // The argument is converted first, as Argument Clinic does.
            let index = args.first().map(|&w| int::as_ssize(w)).transpose()?;
            if list.items.is_empty() {
                return exc::raise(ExcType::IndexError, "pop from empty list");
            }
            let len = list.items.len() as i64;
            let i = index.unwrap_or(len - 1);
            let i = if i < 0 { i.saturating_add(len) } else { i };
            if !(0..len).contains(&i) {
                return exc::raise(ExcType::IndexError, "pop index out of range");
            }
            Ok(list.items.remove(i as usize))
        }
        "remove" => {
            let x = one_arg("list", name, args)?;
            let items = snapshot();
            match equal_index(&items, x, 0, items.len())? {
                Some(i) => {
                    if let Some(list) = object::as_list(obj)
                        && i < list.items.len()
                    {
                        let old = list.items.remove(i);
                        object::decref(old);
                    }
                    Ok(abi::NONE)
                }
                None => exc::value_error("list.remove(x): x not in list"),
            }
        }
        "index" => {
            arity("index", args, 1, 3)?;
            let items = snapshot();
            let (start, end) = search_bounds(args, items.len())?;
            match equal_index(&items, args[0], start, end)? {
                Some(i) => Ok(int::from_i64(i as i64)),
                None => exc::value_error(format!("{} is not in list", ops::repr_of(args[0])?)),
            }
        }
        "count" => {
            let x = one_arg("list", name, args)?;
            count_equal(&snapshot(), x)
        }
        "sort" => {
            if !args.is_empty() {
                return exc::type_error("sort() takes no positional arguments");
            }
            let mut key = None;
            let mut reverse = None;
            for &(k, v) in kw {
                match k {
                    "key" => key = Some(v),
                    "reverse" => reverse = Some(v),
                    _ => {
                        return exc::type_error(format!(
                            "sort() got an unexpected keyword argument '{k}'"
                        ));
                    }
                }
            }
            list_sort(obj, key, reverse)?;
            Ok(abi::NONE)
        }
        "reverse" => {
            no_args("list", name, args)?;
            list.items.reverse();
            Ok(abi::NONE)
        }
        "copy" => {
            no_args("list", name, args)?;
            // The new list takes over the snapshot's references.
            Ok(object::new_list(std::mem::take(&mut snapshot().0)))
        }
        "clear" => {
            no_args("list", name, args)?;
            let old = std::mem::take(&mut list.items.0);
            old.iter().for_each(|&w| object::decref(w));
            Ok(abi::NONE)
        }
        _ => no_attribute(obj, name),
    }
}

/// Stable sort of a list by `<` of the items or of their keys (CPython uses only `<`).
pub fn list_sort(list: Word, key: Option<Word>, reverse: Option<Word>) -> PyResult<()> {
    let key = key.filter(|&k| k != abi::NONE);
    let reverse = match reverse {
        Some(r) => ops::truthy(r)?,
        None => false,
    };
    // Sort a snapshot (as CPython empties the list while sorting), then store it.
    let Some(l) = object::as_list(list) else {
        return Ok(());
    };
    let mut items = std::mem::take(&mut l.items.0);
    let keys: Items = match key {
        Some(k) => {
            let mut keys = Items(Vec::with_capacity(items.len()));
            for &item in &items {
                match crate::call::call(k, &[item], &[]) {
                    Ok(v) => keys.push(v),
                    Err(e) => {
                        restore(list, items);
                        return Err(e);
                    }
                }
            }
            keys
        }
        None => {
            items.iter().for_each(|&w| object::incref(w));
            Items(items.clone())
        }
    };
    let mut order: Vec<usize> = (0..items.len()).collect();
    // CPython reverses, sorts stably, and reverses again: equal items keep
    // their order either way.
    if reverse {
        order.reverse();
    }
    let sorted = crate::timsort::sort(&mut order, |a, b| {
        ops::compare(ops::CmpOp::Lt, keys[a], keys[b])
    });
    // On an error the list keeps the permutation the sort reached, as in CPython.
    if reverse {
        order.reverse();
    }
    let new: Vec<Word> = order.into_iter().map(|i| items[i]).collect();
    items.clear();
    let modified = restore(list, new);
    sorted?;
    if modified {
        return exc::value_error("list modified during sort");
    }
    Ok(())
}

/// Puts the sorted items back; whether the program changed the list meanwhile
/// (what it added is dropped, as CPython does).
fn restore(list: Word, items: Vec<Word>) -> bool {
    let Some(l) = object::as_list(list) else {
        return false;
    };
    let extra = std::mem::replace(&mut l.items.0, items);
    let modified = !extra.is_empty();
    extra.iter().for_each(|&w| object::decref(w));
    modified
}

pub(crate) fn tuple_method(obj: Word, name: &str, args: &[Word], kw: &Kw) -> PyResult<Word> {
    no_kw("tuple", name, kw)?;
    let items = object::as_seq(obj).unwrap_or(&[]);
    match name {
        "index" => {
            arity("index", args, 1, 3)?;
            let (start, end) = search_bounds(args, items.len())?;
            match equal_index(items, args[0], start, end)? {
                Some(i) => Ok(int::from_i64(i as i64)),
                None => exc::value_error("tuple.index(x): x not in tuple"),
            }
        }
        "count" => count_equal(items, one_arg("tuple", name, args)?),
        _ => no_attribute(obj, name),
    }
}

pub(crate) fn dict_method(obj: Word, name: &str, args: &[Word], kw: &Kw) -> PyResult<Word> {
    if name != "update" {
        no_kw("dict", name, kw)?;
    }
    let Some(d) = object::as_dict(obj) else {
        return exc::type_error("expected a dict");
    };
    match name {
        "get" => {
            arity("get", args, 1, 2)?;
            let v = d
                .get(args[0])?
                .unwrap_or(args.get(1).copied().unwrap_or(abi::NONE));
            object::incref(v);
            Ok(v)
        }
        "setdefault" => {
            arity("setdefault", args, 1, 2)?;
            if let Some(v) = d.get(args[0])? {
                object::incref(v);
                return Ok(v);
            }
            let v = args.get(1).copied().unwrap_or(abi::NONE);
            d.set(args[0], v)?;
            object::incref(v);
            Ok(v)
        }
        "pop" => {
            arity("pop", args, 1, 2)?;
            match d.remove(args[0])? {
                Some((k, v)) => {
                    object::decref(k);
                    Ok(v)
                }
                None => match args.get(1) {
                    Some(&default) => {
                        object::incref(default);
                        Ok(default)
                    }
                    None => {
                        object::incref(args[0]);
                        exc::raise_with_arg(ExcType::KeyError, args[0])
                    }
                },
            }
        }
        "popitem" => {
            no_args("dict", name, args)?;
            match d.pop_last() {
                Some((k, v)) => Ok(crate::free_tuples::take(&[k, v])),
                None => exc::raise(ExcType::KeyError, "popitem(): dictionary is empty"),
            }
        }
        "items" | "keys" | "values" => {
            no_args("dict", name, args)?;
            let which = match name {
                "items" => ViewKind::Items,
                "keys" => ViewKind::Keys,
                _ => ViewKind::Values,
            };
            object::incref(obj);
            Ok(object::new_dict_view(obj, which))
        }
        "update" => {
            if args.len() > 1 {
                return exc::type_error(format!(
                    "update expected at most 1 argument, got {}",
                    args.len()
                ));
            }
            if let Some(&src) = args.first() {
                dict_update(obj, src)?;
            }
            for &(k, v) in kw {
                let k = Owned(object::new_str(k.to_string()));
                if let Some(d) = object::as_dict(obj) {
                    d.set(k.0, v)?;
                }
            }
            Ok(abi::NONE)
        }
        "copy" => {
            no_args("dict", name, args)?;
            Ok(object::new_dict(d.copy()))
        }
        "clear" => {
            no_args("dict", name, args)?;
            d.clear();
            Ok(abi::NONE)
        }
        "fromkeys" => dict_fromkeys(args, kw),
        _ => no_attribute(obj, name),
    }
}

/// `dict.fromkeys(iterable, value=None)`.
pub fn dict_fromkeys(args: &[Word], kw: &Kw) -> PyResult<Word> {
    no_kw("dict", "fromkeys", kw)?;
    arity("fromkeys", args, 1, 2)?;
    let value = args.get(1).copied().unwrap_or(abi::NONE);
    let keys = Items(iter::collect(args[0])?);
    let mut d = Dict::new();
    for &k in keys.iter() {
        d.set(k, value)?;
    }
    Ok(object::new_dict(d))
}

/// The (key, value) pairs of a mapping: a dict, or an object with `keys()` whose
/// items are read with `[]` (CPython's rule for `dict(m)`, `{**m}` and `f(**m)`);
/// `None` for anything else.
pub fn mapping_pairs(src: Word) -> PyResult<Option<Vec<(Owned, Owned)>>> {
    if let Some(m) = object::as_dict(src) {
        let pairs = m
            .iter()
            .map(|e| (Owned::share(e.key), Owned::share(e.value)))
            .collect();
        return Ok(Some(pairs));
    }
    let has_keys = match crate::class::class_of(src) {
        Some(cls) => crate::class::lookup(cls, crate::class::intern("keys"))?.is_some(),
        None => false,
    };
    if !has_keys {
        return Ok(None);
    }
    let keys = Owned(call_method(src, "keys", &[], &[])?);
    let keys = object::Items(iter::collect(keys.0)?);
    let mut pairs = Vec::with_capacity(keys.len());
    for &k in keys.iter() {
        let v = crate::seq::getitem(src, k)?;
        pairs.push((Owned::share(k), Owned(v)));
    }
    Ok(Some(pairs))
}

/// `d.update(src)` for a mapping or an iterable of pairs.
pub fn dict_update(d: Word, src: Word) -> PyResult<()> {
    if object::as_dict(src).is_none()
        && let Some(pairs) = mapping_pairs(src)?
    {
        for (k, v) in pairs {
            if let Some(d) = object::as_dict(d) {
                d.set(k.0, v.0)?;
            }
        }
        return Ok(());
    }
    if let Some(other) = object::as_dict(src) {
        let entries: Vec<(Owned, i64, Owned)> = other
            .iter()
            .map(|e| (Owned::share(e.key), e.hash, Owned::share(e.value)))
            .collect();
        for (k, h, v) in entries {
            if let Some(d) = object::as_dict(d) {
                d.set_hashed(k.0, h, v.0)?;
            }
        }
        return Ok(());
    }
    let it = match iter::iter(src) {
        Ok(it) => Owned(it),
        Err(e) => {
            if exc::pending_is(ExcType::TypeError) {
                exc::clear_pending();
                return exc::type_error(format!("'{}' object is not iterable", type_name(src)));
            }
            return Err(e);
        }
    };
    let mut index = 0;
    loop {
        let item = iter::next(it.0)?;
        if item == abi::STOP {
            return Ok(());
        }
        let item = Owned(item);
        let pair = match iter::collect(item.0) {
            Ok(p) => Items(p),
            Err(e) => {
                if exc::pending_is(ExcType::TypeError) {
                    exc::clear_pending();
                    return exc::type_error(format!(
                        "cannot convert dictionary update sequence element #{index} to a sequence"
                    ));
                }
                return Err(e);
            }
        };
        if pair.len() != 2 {
            return exc::value_error(format!(
                "dictionary update sequence element #{index} has length {}; 2 is required",
                pair.len()
            ));
        }
        if let Some(d) = object::as_dict(d) {
            d.set(pair[0], pair[1])?;
        }
        index += 1;
    }
}

pub(crate) fn bytes_method(obj: Word, name: &str, args: &[Word], kw: &Kw) -> PyResult<Word> {
    let bytes = object::as_bytes(obj)
        .map(|b| b.value.clone())
        .unwrap_or_default();
    match name {
        "decode" => {
            let mut encoding = args.first().copied();
            let mut errors = args.get(1).copied();
            for &(k, v) in kw {
                match k {
                    "encoding" => encoding = Some(v),
                    "errors" => errors = Some(v),
                    _ => {
                        return exc::type_error(format!(
                            "decode() got an unexpected keyword argument '{k}'"
                        ));
                    }
                }
            }
            arity("decode", args, 0, 2)?;
            let text = |w: Option<Word>, default: &str, what: &str| -> PyResult<String> {
                match w {
                    None => Ok(default.to_string()),
                    Some(w) => match object::as_str(w) {
                        Some(s) => Ok(s.value.clone()),
                        None => exc::type_error(format!(
                            "decode() argument '{what}' must be str, not {}",
                            type_name(w)
                        )),
                    },
                }
            };
            let encoding = text(encoding, "utf-8", "encoding")?;
            let errors = text(errors, "strict", "errors")?;
            decode(&bytes, &encoding, &errors)
        }
        "hex" => {
            no_kw("bytes", name, kw)?;
            no_args("bytes", name, args)?;
            Ok(object::new_str(
                bytes.iter().map(|b| format!("{b:02x}")).collect(),
            ))
        }
        _ => crate::bytesmethods::call(obj, name, args, kw),
    }
}

/// `bytes.decode` for the codecs skink knows.
pub fn decode(bytes: &[u8], encoding: &str, errors: &str) -> PyResult<Word> {
    match crate::strmethods::bytes_decode(bytes, encoding, errors) {
        Ok(s) => Ok(object::new_str(s)),
        Err(e) => crate::strobj::raise_str_error(e),
    }
}

/// `str.encode` for the codecs skink knows.
pub fn encode(text: &str, encoding: &str, errors: &str) -> PyResult<Word> {
    match crate::strmethods::str_encode(text, encoding, errors) {
        Ok(b) => Ok(object::new_bytes(b)),
        Err(e) => crate::strobj::raise_str_error(e),
    }
}
