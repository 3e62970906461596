//! The skink runtime: what every compiled program links. Compiled code calls the
//! `extern "C"` functions below (their table is `skink_abi::RtFn`); they borrow
//! their arguments and return new references, or a sentinel with an exception
//! pending. Built as a static library for the linker and as an rlib for tests.

pub mod array;
pub mod attr_ic;
pub mod attrcache;
pub mod block_cache;
pub mod builtin_objects;
pub mod builtins;
pub mod bytesmethods;
pub mod call;
pub mod class;
pub mod dict;
pub mod direct_methods;
pub mod exc;
pub mod file;
pub mod fixedmap;
pub mod float;
pub mod fmt;
pub mod format;
pub mod free_floats;
pub mod free_instances;
pub mod free_lists_slices;
pub mod free_tuples;
pub mod function;
pub mod generator;
pub mod instance_attrs;
pub mod int;
pub mod io;
pub mod iter;
pub mod layout;
pub mod methods;
pub mod modules;
pub mod object;
pub mod ops;
pub mod pool;
pub mod search;
pub mod seq;
pub mod setops;
pub mod settable;
pub mod str;
pub mod strmethods;
pub mod strobj;
pub mod textcache;
pub mod timsort;

/// Compiled programs allocate through the block cache (see `block_cache`).
#[cfg(feature = "program")]
#[global_allocator]
static PROGRAM_ALLOCATOR: block_cache::BlockCache = block_cache::BlockCache;

use skink_abi::{self as abi, Word};

use crate::exc::{static_str, to_word};
use crate::ops::{BinOp, CmpOp};

/// Defined only by a runtime whose ABI matches the compiler's; every compiled
/// object refers to it, so a mismatch fails at link time.
#[unsafe(export_name = "skink_abi_fingerprint_v5")]
pub static ABI_FINGERPRINT: u32 = abi::ABI_VERSION;

const _: () = assert!(
    abi::ABI_VERSION == 5,
    "rename the fingerprint symbol with the version"
);

/// An internal invariant broke: report and stop (never reached by user input).
pub fn fatal(what: &str) -> ! {
    io::flush_stdout();
    io::write_stderr(&format!("skink runtime: internal error: {what}\n"));
    std::process::abort()
}

/// Views the (pointer, count) argument arrays compiled code passes.
///
/// # Safety
/// `ptr` must point at `n` initialized words (or `n` must be 0).
unsafe fn args<'a>(ptr: *const Word, n: i64) -> &'a [Word] {
    if n == 0 {
        return &[];
    }
    // SAFETY: guaranteed by the caller.
    unsafe { std::slice::from_raw_parts(ptr, n as usize) }
}

macro_rules! binary_ops {
    ($($name:ident => $op:expr;)*) => {$(
        #[unsafe(no_mangle)]
        pub extern "C" fn $name(a: Word, b: Word) -> Word {
            to_word(ops::binary($op, a, b))
        }
    )*};
}

binary_ops! {
    skink_op_add => BinOp::Add;
    skink_op_sub => BinOp::Sub;
    skink_op_mul => BinOp::Mul;
    skink_op_truediv => BinOp::TrueDiv;
    skink_op_floordiv => BinOp::FloorDiv;
    skink_op_mod => BinOp::Mod;
    skink_op_pow => BinOp::Pow;
    skink_op_lshift => BinOp::LShift;
    skink_op_rshift => BinOp::RShift;
    skink_op_and => BinOp::And;
    skink_op_or => BinOp::Or;
    skink_op_xor => BinOp::Xor;
}

macro_rules! compare_ops {
    ($($name:ident => $op:expr;)*) => {$(
        #[unsafe(no_mangle)]
        pub extern "C" fn $name(a: Word, b: Word) -> Word {
            to_word(ops::rich_compare($op, a, b))
        }
    )*};
}

compare_ops! {
    skink_cmp_eq => CmpOp::Eq;
    skink_cmp_ne => CmpOp::Ne;
    skink_cmp_lt => CmpOp::Lt;
    skink_cmp_le => CmpOp::Le;
    skink_cmp_gt => CmpOp::Gt;
    skink_cmp_ge => CmpOp::Ge;
}

#[unsafe(no_mangle)]
pub extern "C" fn skink_op_neg(a: Word) -> Word {
    to_word(ops::neg(a))
}

#[unsafe(no_mangle)]
pub extern "C" fn skink_op_pos(a: Word) -> Word {
    to_word(ops::pos(a))
}

#[unsafe(no_mangle)]
pub extern "C" fn skink_op_invert(a: Word) -> Word {
    to_word(ops::invert(a))
}

#[unsafe(no_mangle)]
pub extern "C" fn skink_truthy(a: Word) -> i32 {
    match ops::truthy(a) {
        Ok(b) => b as i32,
        Err(_) => -1,
    }
}

#[unsafe(no_mangle)]
pub extern "C" fn skink_dealloc(a: Word) {
    object::dealloc(a);
}

/// # Safety
/// `ptr` must point at `len` bytes of UTF-8 in the program's data.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn skink_const_str(ptr: *const u8, len: i64) -> Word {
    // SAFETY: forwarded contract.
    let s = unsafe { static_str(ptr, len) };
    object::make_immortal(object::new_str(s.to_string()))
}

/// # Safety
/// `ptr` must point at `len` bytes of hex digits in the program's data.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn skink_const_bytes(ptr: *const u8, len: i64) -> Word {
    // SAFETY: forwarded contract.
    let hex = unsafe { static_str(ptr, len) };
    let bytes = (0..hex.len() / 2)
        .map(|i| u8::from_str_radix(&hex[2 * i..2 * i + 2], 16).unwrap_or(0))
        .collect();
    object::make_immortal(object::new_bytes(bytes))
}

/// # Safety
/// `ptr` must point at `len` bytes of decimal digits in the program's data.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn skink_const_int(ptr: *const u8, len: i64) -> Word {
    // SAFETY: forwarded contract.
    let s = unsafe { static_str(ptr, len) };
    object::make_immortal(builtins::const_int(s))
}

#[unsafe(no_mangle)]
pub extern "C" fn skink_const_float(x: f64) -> Word {
    object::make_immortal(object::new_float(x))
}

/// # Safety
/// `ptr` must point at `len` bytes of UTF-8 in the program's data.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn skink_const_names(ptr: *const u8, len: i64) -> Word {
    // SAFETY: forwarded contract.
    let s = unsafe { static_str(ptr, len) };
    let names = s
        .split('\0')
        .map(|n| object::make_immortal(object::new_str(n.to_string())))
        .collect();
    object::make_immortal(object::new_tuple(names))
}

/// # Safety
/// `ptr` must point at `n` words.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn skink_range_iter(ptr: *const Word, n: i64) -> Word {
    // SAFETY: forwarded contract.
    let a = unsafe { args(ptr, n) };
    to_word(builtins::range_iter(a))
}

/// # Safety
/// `ptr` must point at `n` words.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn skink_range_new(ptr: *const Word, n: i64) -> Word {
    // SAFETY: forwarded contract.
    let a = unsafe { args(ptr, n) };
    to_word(builtins::range_new(a))
}

#[unsafe(no_mangle)]
pub extern "C" fn skink_range_field(range: Word, which: i64) -> Word {
    let Some(r) = object::as_range(range) else {
        fatal("skink_range_field of something other than a range");
    };
    let w = if which == 0 { r.start.0 } else { r.stop.0 };
    object::incref(w);
    w
}

#[unsafe(no_mangle)]
pub extern "C" fn skink_iter(v: Word) -> Word {
    to_word(iter::iter(v))
}

#[unsafe(no_mangle)]
pub extern "C" fn skink_iter_next(it: Word) -> Word {
    to_word(iter::next(it))
}

/// # Safety
/// `ptr` must point at `n` owned words, which the tuple takes over.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn skink_tuple_new(ptr: *const Word, n: i64) -> Word {
    // SAFETY: forwarded contract.
    let a = unsafe { args(ptr, n) };
    free_tuples::take(a)
}

/// # Safety
/// `ptr` must point at `n` owned words, which the list takes over.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn skink_list_new(ptr: *const Word, n: i64) -> Word {
    // SAFETY: forwarded contract.
    let a = unsafe { args(ptr, n) };
    object::new_list(a.to_vec())
}

/// # Safety
/// `ptr` must point at `n` words.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn skink_set_new(ptr: *const Word, n: i64) -> Word {
    // SAFETY: forwarded contract.
    let a = unsafe { args(ptr, n) };
    to_word(setops::from_items(a, false))
}

/// # Safety
/// `ptr` must point at `n` words.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn skink_set_new_const(ptr: *const Word, n: i64) -> Word {
    // SAFETY: forwarded contract.
    let a = unsafe { args(ptr, n) };
    to_word(setops::from_const_items(a))
}

/// # Safety
/// `ptr` must point at `n` words: keys and values alternating.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn skink_dict_new(ptr: *const Word, n: i64) -> Word {
    // SAFETY: forwarded contract.
    let a = unsafe { args(ptr, n) };
    let d = object::Owned(object::new_dict(dict::Dict::new()));
    if let Some(dict) = object::as_dict(d.0) {
        for pair in a.chunks(2) {
            if dict.set(pair[0], pair[1]).is_err() {
                return abi::NULL;
            }
        }
    }
    d.into_word()
}

fn status(r: exc::PyResult<()>) -> i32 {
    match r {
        Ok(()) => 0,
        Err(_) => -1,
    }
}

#[unsafe(no_mangle)]
pub extern "C" fn skink_list_append(list: Word, item: Word) -> i32 {
    if let Some(l) = object::as_list(list) {
        object::incref(item);
        l.items.push(item);
    }
    0
}

#[unsafe(no_mangle)]
pub extern "C" fn skink_set_add(set: Word, item: Word) -> i32 {
    status(setops::add(set, item))
}

#[unsafe(no_mangle)]
pub extern "C" fn skink_extend(target: Word, iterable: Word) -> i32 {
    status((|| {
        let items = object::Items(iter::collect(iterable)?);
        for &item in items.iter() {
            if let Some(l) = object::as_list(target) {
                object::incref(item);
                l.items.push(item);
            } else {
                setops::add(target, item)?;
            }
        }
        Ok(())
    })())
}

#[unsafe(no_mangle)]
pub extern "C" fn skink_dict_merge(target: Word, mapping: Word) -> i32 {
    status((|| {
        let Some(pairs) = methods::mapping_pairs(mapping)? else {
            return exc::type_error(format!(
                "'{}' object is not a mapping",
                object::type_name(mapping)
            ));
        };
        let Some(d) = object::as_dict(target) else {
            return Ok(());
        };
        for (k, v) in pairs {
            d.set(k.0, v.0)?;
        }
        Ok(())
    })())
}

#[unsafe(no_mangle)]
pub extern "C" fn skink_call_args_extend(list: Word, iterable: Word, func: Word) -> i32 {
    if !iter::is_iterable(iterable) {
        return status(exc::type_error(format!(
            "{} argument after * must be an iterable, not {}",
            call::function_str(func),
            object::type_name(iterable)
        )));
    }
    skink_extend(list, iterable)
}

#[unsafe(no_mangle)]
pub extern "C" fn skink_call_kwargs_add(dict: Word, key: Word, value: Word, func: Word) -> i32 {
    let Some(d) = object::as_dict(dict) else {
        return -1;
    };
    let pairs: Vec<(object::Owned, object::Owned)> = if key == abi::NULL {
        match methods::mapping_pairs(value) {
            Ok(Some(pairs)) => pairs,
            Ok(None) => {
                return status(exc::type_error(format!(
                    "{} argument after ** must be a mapping, not {}",
                    call::function_str(func),
                    object::type_name(value)
                )));
            }
            Err(e) => return status(Err(e)),
        }
    } else {
        vec![(object::Owned::share(key), object::Owned::share(value))]
    };
    for (k, v) in pairs {
        let (k, v) = (k.0, v.0);
        let Some(name) = object::as_str(k).map(|s| s.value.clone()) else {
            return status(exc::type_error("keywords must be strings"));
        };
        match d.get(k) {
            Ok(Some(_)) => {
                return status(exc::type_error(format!(
                    "{} got multiple values for keyword argument '{name}'",
                    call::function_str(func)
                )));
            }
            Ok(None) => {}
            Err(_) => return -1,
        }
        if d.set(k, v).is_err() {
            return -1;
        }
    }
    0
}

#[unsafe(no_mangle)]
pub extern "C" fn skink_list_to_tuple(list: Word) -> Word {
    let items = object::as_seq(list).map(|s| s.to_vec()).unwrap_or_default();
    items.iter().for_each(|&w| object::incref(w));
    object::new_tuple(items)
}

#[unsafe(no_mangle)]
pub extern "C" fn skink_getitem(container: Word, key: Word) -> Word {
    to_word(seq::getitem(container, key))
}

#[unsafe(no_mangle)]
pub extern "C" fn skink_setitem(container: Word, key: Word, value: Word) -> i32 {
    status(seq::setitem(container, key, value))
}

#[unsafe(no_mangle)]
pub extern "C" fn skink_getslice(container: Word, start: Word, stop: Word, step: Word) -> Word {
    to_word(seq::getslice(container, start, stop, step))
}

#[unsafe(no_mangle)]
pub extern "C" fn skink_setslice(
    container: Word,
    start: Word,
    stop: Word,
    step: Word,
    value: Word,
) -> i32 {
    status(seq::setslice(container, start, stop, step, value))
}

#[unsafe(no_mangle)]
pub extern "C" fn skink_delitem(container: Word, key: Word) -> i32 {
    status(seq::delitem(container, key))
}

#[unsafe(no_mangle)]
pub extern "C" fn skink_slice_new(start: Word, stop: Word, step: Word) -> Word {
    seq::slice_object(start, stop, step).into_word()
}

#[unsafe(no_mangle)]
pub extern "C" fn skink_contains(container: Word, item: Word) -> i32 {
    match seq::contains(container, item) {
        Ok(b) => b as i32,
        Err(_) => -1,
    }
}

fn name_of<'a>(name: Word) -> &'a str {
    object::as_str(name).map_or("", |s| s.value.as_str())
}

/// The inline cache of an attribute site (compiled code passes a zeroed one of
/// its own; NULL for none).
///
/// # Safety
/// `ic` is NULL or points at a live `AttrIc` nothing else uses during the call.
unsafe fn site_cache<'a>(ic: *mut attr_ic::AttrIc) -> Option<&'a mut attr_ic::AttrIc> {
    // SAFETY: forwarded contract.
    unsafe { ic.as_mut() }
}

/// # Safety
/// `ic` is NULL or an attribute site's cache.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn skink_getattr(obj: Word, name: Word, ic: *mut attr_ic::AttrIc) -> Word {
    // SAFETY: forwarded contract.
    if let Some(ic) = unsafe { site_cache(ic) } {
        if let Some(r) = attr_ic::getattr(ic, obj, name) {
            return to_word(r);
        }
    } else if let Some(r) = class::getattr(obj, name) {
        return to_word(r);
    }
    if let Some(m) = modules::as_module(obj) {
        // SAFETY: forwarded contract.
        return to_word(attr_ic::module_attr(
            unsafe { site_cache(ic) },
            obj,
            m,
            name,
        ));
    }
    to_word(methods::getattr(obj, name_of(name)))
}

/// # Safety
/// `ic` is NULL or an attribute site's cache.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn skink_check_method(
    obj: Word,
    name: Word,
    ic: *mut attr_ic::AttrIc,
) -> i32 {
    if class::is_user_object(obj) {
        // SAFETY: forwarded contract.
        return status(match unsafe { site_cache(ic) } {
            Some(ic) => attr_ic::check_method(ic, obj, name),
            None => class::check_method(obj, name),
        });
    }
    if let Some(m) = modules::as_module(obj) {
        // SAFETY: forwarded contract.
        let ic = unsafe { site_cache(ic) };
        return status(attr_ic::module_attr(ic, obj, m, name).map(object::decref));
    }
    let check = || methods::check_method(obj, name_of(name));
    // SAFETY: forwarded contract.
    status(match unsafe { site_cache(ic) } {
        Some(ic) => attr_ic::check_builtin_method(ic, obj, check),
        None => check(),
    })
}

/// # Safety
/// `ic` is NULL or an attribute site's cache.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn skink_setattr(
    obj: Word,
    name: Word,
    value: Word,
    ic: *mut attr_ic::AttrIc,
) -> i32 {
    // SAFETY: forwarded contract.
    status(match unsafe { site_cache(ic) } {
        Some(ic) => attr_ic::setattr(ic, obj, name, value),
        None => class::setattr(obj, name, value),
    })
}

#[unsafe(no_mangle)]
pub extern "C" fn skink_delattr(obj: Word, name: Word) -> i32 {
    status(class::delattr(obj, name))
}

/// # Safety
/// The name pointers must point at UTF-8 text of the given lengths.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn skink_build_class(
    name: *const u8,
    name_len: i64,
    qualname: *const u8,
    qualname_len: i64,
    bases: Word,
    ns: Word,
) -> Word {
    // SAFETY: forwarded contract.
    let (name, qualname) = unsafe {
        (
            static_str(name, name_len),
            static_str(qualname, qualname_len),
        )
    };
    to_word(class::build_class(name, qualname, bases, ns))
}

/// Splits a call's argument array into positional arguments and keywords.
#[inline(always)]
fn split_kw(a: &[Word], kwnames: Word) -> (&[Word], Vec<(&str, Word)>) {
    if kwnames == abi::NULL {
        return (a, Vec::new());
    }
    split_named_kw(a, kwnames)
}

/// `split_kw` of a call with keywords.
#[inline(never)]
fn split_named_kw(a: &[Word], kwnames: Word) -> (&[Word], Vec<(&str, Word)>) {
    let names: &[Word] = object::as_tuple(kwnames).map_or(&[], |t| t.items.as_slice());
    let split = a.len().saturating_sub(names.len());
    let kw = names
        .iter()
        .zip(&a[split..])
        .map(|(&n, &v)| (name_of(n), v))
        .collect();
    (&a[..split], kw)
}

/// # Safety
/// `ptr` must point at `n` words; `ic` is NULL or an attribute site's cache.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn skink_call_method(
    obj: Word,
    name: Word,
    ptr: *const Word,
    n: i64,
    kwnames: Word,
    ic: *mut attr_ic::AttrIc,
) -> Word {
    // SAFETY: forwarded contract.
    let a = unsafe { args(ptr, n) };
    // SAFETY: forwarded contract.
    let mut ic = unsafe { site_cache(ic) };
    // The site's method, known for this instance's class: no lookups at all
    // (and no keyword split).
    if kwnames == abi::NULL
        && let Some(ic) = &ic
        && let Some(f) = attr_ic::cached_method(ic, obj)
    {
        return to_word(function::call_function_on(f, obj, a, &[]));
    }
    if kwnames == abi::NULL
        && let Some(ic) = ic.as_deref_mut()
    {
        let name = name_of(name);
        if let Some(f) = attr_ic::builtin_method(ic, obj, name) {
            return to_word(f(obj, name, a));
        }
    }
    let (pos, kw) = split_kw(a, kwnames);
    if class::is_user_object(obj) {
        return to_word(match ic {
            Some(ic) => attr_ic::call_method(ic, obj, name, pos, &kw),
            None => class::call_method_word(obj, name, pos, &kw),
        });
    }
    if let Some(m) = modules::as_module(obj) {
        return to_word(attr_ic::module_attr(ic, obj, m, name).and_then(|f| {
            let f = object::Owned(f);
            call::call(f.0, pos, &kw)
        }));
    }
    to_word(methods::call_method(obj, name_of(name), pos, &kw))
}

/// # Safety
/// `ptr` must point at `n` words.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn skink_call(
    callable: Word,
    ptr: *const Word,
    n: i64,
    kwnames: Word,
) -> Word {
    // SAFETY: forwarded contract.
    let a = unsafe { args(ptr, n) };
    let (pos, kw) = split_kw(a, kwnames);
    to_word(call::call(callable, pos, &kw))
}

#[unsafe(no_mangle)]
pub extern "C" fn skink_call_star(callable: Word, positional: Word, kwargs: Word) -> Word {
    to_word((|| {
        let pos = object::Items(iter::collect(positional)?);
        let mut kw: Vec<(&str, Word)> = Vec::new();
        if kwargs != abi::NULL {
            let Some(d) = object::as_dict(kwargs) else {
                return exc::type_error(format!(
                    "argument after ** must be a mapping, not {}",
                    object::type_name(kwargs)
                ));
            };
            for e in d.iter() {
                match object::as_str(e.key) {
                    Some(k) => kw.push((k.value.as_str(), e.value)),
                    None => return exc::type_error("keywords must be strings"),
                }
            }
        }
        call::call(callable, &pos, &kw)
    })())
}

/// # Safety
/// `ptr` must point at `len` bytes of UTF-8 in the program's data.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn skink_load_builtin(ptr: *const u8, len: i64) -> Word {
    // SAFETY: forwarded contract.
    let name = unsafe { static_str(ptr, len) };
    thread_local! {
        static LOADED: textcache::TextCache<64> = const { textcache::TextCache::new() };
    }
    LOADED.with(|c| c.get(name, || builtin_objects::load(name)))
}

#[unsafe(no_mangle)]
pub extern "C" fn skink_make_function(
    code: Word,
    entry: usize,
    defaults: Word,
    kwdefaults: Word,
    closure: Word,
) -> Word {
    for w in [defaults, kwdefaults, closure] {
        if w != abi::NULL {
            object::incref(w);
        }
    }
    function::new_function(code, entry, defaults, kwdefaults, closure)
}

/// # Safety
/// `args` must point at `n` owned words.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn skink_gen_new(func: Word, body: usize, args: *const Word, n: i64) -> Word {
    // SAFETY: forwarded contract.
    unsafe { generator::new(func, body, args, n as usize) }
}

#[unsafe(no_mangle)]
pub extern "C" fn skink_yield(value: Word) -> Word {
    generator::yield_value(value)
}

#[unsafe(no_mangle)]
pub extern "C" fn skink_yield_from(it: Word) -> Word {
    to_word(generator::yield_from(it))
}

/// # Safety
/// `name` must point at `len` bytes of UTF-8 in the program's data.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn skink_import(name: *const u8, len: i64) -> Word {
    // SAFETY: forwarded contract.
    let name = unsafe { static_str(name, len) };
    let m = modules::import(name);
    if m == abi::NULL {
        return to_word(exc::raise(
            exc::ExcType::ModuleNotFoundError,
            format!("No module named '{name}'"),
        ));
    }
    m
}

#[unsafe(no_mangle)]
pub extern "C" fn skink_context_exit(mgr: Word) -> Word {
    to_word(class::context_exit(mgr))
}

#[unsafe(no_mangle)]
pub extern "C" fn skink_context_exit_exception(exit: Word) -> i32 {
    let exc = exc::handled_top();
    let r = (|| {
        let ty = crate::builtin_objects::type_object(object::type_of(exc));
        let r = object::Owned(call::call(exit, &[ty, exc, abi::NONE], &[])?);
        ops::truthy(r.0)
    })();
    match r {
        Ok(b) => b as i32,
        Err(_) => -1,
    }
}

#[unsafe(no_mangle)]
pub extern "C" fn skink_cell_new(value: Word) -> Word {
    function::new_cell(value)
}

#[unsafe(no_mangle)]
pub extern "C" fn skink_closure_cell(func: Word, i: i64) -> Word {
    function::closure_cell(func, i as usize)
}

/// # Safety
/// `ptr` must point at `len` bytes of UTF-8 in the program's data.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn skink_const_code(ptr: *const u8, len: i64) -> Word {
    // SAFETY: forwarded contract.
    let text = unsafe { static_str(ptr, len) };
    function::new_code(text)
}

#[unsafe(no_mangle)]
pub extern "C" fn skink_ns_load(ns: Word, name: Word) -> Word {
    let found = object::as_dict(ns).map(|d| d.get(name));
    match found {
        Some(Ok(Some(v))) => {
            object::incref(v);
            v
        }
        _ => abi::NULL,
    }
}

#[unsafe(no_mangle)]
pub extern "C" fn skink_ns_del(ns: Word, name: Word) -> i32 {
    let removed = match object::as_dict(ns) {
        Some(d) => d.remove(name),
        None => Ok(None),
    };
    match removed {
        Ok(Some((k, v))) => {
            object::decref(k);
            object::decref(v);
            0
        }
        Ok(None) => {
            let text = object::as_str(name).map_or(String::new(), |s| s.value.clone());
            let _ = exc::raise::<()>(
                exc::ExcType::NameError,
                format!("name '{text}' is not defined"),
            );
            -1
        }
        Err(_) => -1,
    }
}

#[unsafe(no_mangle)]
pub extern "C" fn skink_op_inplace(a: Word, b: Word, op: i64) -> Word {
    let op = match op {
        abi::inplace::ADD => BinOp::Add,
        abi::inplace::SUB => BinOp::Sub,
        abi::inplace::MUL => BinOp::Mul,
        abi::inplace::TRUEDIV => BinOp::TrueDiv,
        abi::inplace::FLOORDIV => BinOp::FloorDiv,
        abi::inplace::MOD => BinOp::Mod,
        abi::inplace::POW => BinOp::Pow,
        abi::inplace::LSHIFT => BinOp::LShift,
        abi::inplace::RSHIFT => BinOp::RShift,
        abi::inplace::AND => BinOp::And,
        abi::inplace::OR => BinOp::Or,
        _ => BinOp::Xor,
    };
    to_word(ops::inplace(op, a, b))
}

#[unsafe(no_mangle)]
pub extern "C" fn skink_format_value(value: Word, spec: Word) -> Word {
    to_word(fmt::format_value(value, Some(spec)))
}

#[unsafe(no_mangle)]
pub extern "C" fn skink_convert(value: Word, how: i64) -> Word {
    to_word(fmt::convert(value, how))
}

/// # Safety
/// `ptr` must point at `n` words, each a str.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn skink_build_string(ptr: *const Word, n: i64) -> Word {
    // SAFETY: forwarded contract.
    let a = unsafe { args(ptr, n) };
    let mut out = String::new();
    for &w in a {
        if let Some(s) = object::as_str(w) {
            out.push_str(&s.value);
        }
    }
    object::new_str(out)
}

/// # Safety
/// `out` must point at room for `n` words.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn skink_unpack(value: Word, n: i64, out: *mut Word) -> i32 {
    // SAFETY: forwarded contract.
    let out = unsafe { std::slice::from_raw_parts_mut(out, n as usize) };
    status(builtins::unpack(value, out))
}

/// # Safety
/// `out` must point at room for `before + 1 + after` words.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn skink_unpack_ex(
    value: Word,
    before: i64,
    after: i64,
    out: *mut Word,
) -> i32 {
    let n = (before + 1 + after) as usize;
    // SAFETY: forwarded contract.
    let out = unsafe { std::slice::from_raw_parts_mut(out, n) };
    status(builtins::unpack_ex(
        value,
        before as usize,
        after as usize,
        out,
    ))
}

/// The program entry, called by the `main` that skink generates.
///
/// # Safety
/// `file` must point at `len` bytes of UTF-8 in the program's data.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn skink_main(
    argc: i32,
    argv_ptr: *const *const u8,
    module: extern "C" fn() -> Word,
    file: *const u8,
    len: i64,
) -> i32 {
    // SAFETY: forwarded contract.
    let file = unsafe { static_str(file, len) };
    let mut argv = Vec::new();
    for i in 0..argc.max(0) as usize {
        // SAFETY: the C runtime passes `argc` valid NUL-terminated strings.
        let arg = unsafe { std::ffi::CStr::from_ptr(*argv_ptr.add(i) as *const std::ffi::c_char) };
        argv.push(arg.to_string_lossy().into_owned());
    }
    // CPython's sys.argv[0] is the script, as the program was given.
    if let Some(first) = argv.first_mut() {
        *first = file.to_string();
    }
    modules::set_argv(argv);
    // `SKINK_MALLOC=malloc` frees every object (CPython's `PYTHONMALLOC=malloc`).
    let reuse = std::env::var_os("SKINK_MALLOC").is_none_or(|v| v != "malloc");
    pool::set_enabled(reuse);
    if reuse {
        free_floats::use_process_wide_list();
        block_cache::enable();
    }
    layout::check();
    let status = exc::run_module(module, file);
    // Kept objects go back to the allocator, so that leak checkers see no block lost.
    free_floats::release_all();
    free_tuples::release_all();
    free_lists_slices::release_all();
    free_instances::release_all();
    status
}

#[unsafe(no_mangle)]
pub extern "C" fn skink_float_new(x: f64) -> Word {
    object::new_float(x)
}

/// `x ** y` of a finite `x > 0` and a finite `y`: `float::pow`'s own path for
/// such operands, without its checks (compiled code tests the operands before
/// and an infinite result after, and leaves both cases to `float::pow`).
#[unsafe(no_mangle)]
pub extern "C" fn skink_float_pow_positive(x: f64, y: f64) -> f64 {
    float::pow_positive(x, y)
}

/// `float(i)` of an int the compiler proved to be one.
#[unsafe(no_mangle)]
pub extern "C" fn skink_float_of_int(i: Word) -> Word {
    exc::to_word(match int::int_of(i) {
        Some(n) => int::to_f64(n).map(object::new_float),
        None => exc::type_error("skink_float_of_int of a non-int"),
    })
}

/// `x % y` of floats with `y != 0` (compiled code raises for zero first).
#[unsafe(no_mangle)]
pub extern "C" fn skink_float_mod(x: f64, y: f64) -> f64 {
    float::modulo_nonzero(x, y)
}

#[unsafe(no_mangle)]
pub extern "C" fn skink_raise_float_mod_zero() -> Word {
    exc::to_word(exc::zero_division("float modulo"))
}

#[unsafe(no_mangle)]
pub extern "C" fn skink_raise_float_div_zero() -> Word {
    exc::to_word(exc::zero_division("float division by zero"))
}
