//! Compiled functions as values: code objects (what a call must know of a
//! function), function objects, cells and closures, bound methods, and binding
//! the arguments of a call to parameter slots as CPython 3.11's
//! `initialize_locals` does, with its `TypeError` messages.

use skink_abi::{self as abi, ObjHeader, Word, code_flags, kind};

use crate::call::Kw;
use crate::dict::Dict;
use crate::exc::{self, PyResult, Raised};
use crate::object::{self, Owned};

/// What a call needs to know of a compiled function (immortal).
#[repr(C)]
pub struct CodeObj {
    pub header: ObjHeader,
    pub name: &'static str,
    pub qualname: &'static str,
    pub posonly: usize,
    /// Positional parameters, the positional-only ones included.
    pub positional: usize,
    pub kwonly: usize,
    pub flags: u32,
    /// Every parameter in slot order: positional, keyword-only, `*args`, `**kwargs`.
    pub names: Vec<&'static str>,
    /// `__doc__`.
    pub doc: Option<&'static str>,
}

impl CodeObj {
    pub fn has(&self, flag: u32) -> bool {
        self.flags & flag != 0
    }

    pub fn slots(&self) -> usize {
        self.names.len()
    }
}

/// A variable captured by a nested function.
#[repr(C)]
pub struct CellObj {
    pub header: ObjHeader,
    /// Owned; NULL when unbound.
    pub value: Word,
}

impl Drop for CellObj {
    fn drop(&mut self) {
        if self.value != abi::NULL {
            object::decref(self.value);
        }
    }
}

const _: () = assert!(std::mem::offset_of!(CellObj, value) == abi::CELL_VALUE_OFFSET as usize);

/// A compiled function as a value.
#[repr(C)]
pub struct FunctionObj {
    pub header: ObjHeader,
    pub code: &'static CodeObj,
    /// `extern "C" fn(function, *const Word) -> Word`: takes over the slot values.
    pub entry: usize,
    /// A tuple with the defaults of the last positional parameters, or NULL.
    pub defaults: Owned,
    /// A dict of keyword-only defaults, or NULL.
    pub kwdefaults: Owned,
    /// A tuple of cells, or NULL.
    pub closure: Owned,
    /// Attributes set on the function (`f.calls = 0`), created on demand.
    pub dict: Owned,
    /// `__name__`, `__qualname__` and `__doc__` as the program set them; NULL
    /// until then (the code object's apply).
    pub name: Owned,
    pub qualname: Owned,
    pub doc: Owned,
}

/// A function bound to the instance it was looked up on (`obj.method`).
#[repr(C)]
pub struct MethodObj {
    pub header: ObjHeader,
    pub func: Owned,
    pub receiver: Owned,
}

pub fn as_code<'a>(w: Word) -> Option<&'a CodeObj> {
    object::view::<CodeObj>(w, kind::CODE)
}

pub fn as_function<'a>(w: Word) -> Option<&'a mut FunctionObj> {
    object::view_mut::<FunctionObj>(w, kind::FUNCTION)
}

pub fn as_method<'a>(w: Word) -> Option<&'a MethodObj> {
    object::view::<MethodObj>(w, kind::METHOD)
}

pub fn as_cell<'a>(w: Word) -> Option<&'a mut CellObj> {
    object::view_mut::<CellObj>(w, kind::CELL)
}

/// Parses the text form of a code constant (see `RtFn::ConstCode`).
pub fn new_code(text: &'static str) -> Word {
    let mut fields = text.split('\0');
    let mut next = || fields.next().unwrap_or("");
    let name = next();
    let qualname = next();
    let mut count = || next().parse::<usize>().unwrap_or(0);
    let (posonly, positional, kwonly) = (count(), count(), count());
    let flags = count() as u32;
    let slots = positional
        + kwonly
        + usize::from(flags & code_flags::VARARGS != 0)
        + usize::from(flags & code_flags::VARKW != 0);
    let mut rest = text.splitn(7 + slots, '\0').skip(6);
    let names: Vec<&'static str> = rest.by_ref().take(slots).collect();
    let doc = rest.next();
    let code = CodeObj {
        header: object::header(kind::CODE),
        name,
        qualname,
        posonly,
        positional,
        kwonly,
        flags,
        names,
        doc,
    };
    object::make_immortal(object::into_word(Box::new(code)))
}

/// Borrows `code`; takes over `defaults`, `kwdefaults` and `closure` (each may be NULL).
pub fn new_function(
    code: Word,
    entry: usize,
    defaults: Word,
    kwdefaults: Word,
    closure: Word,
) -> Word {
    let Some(code) = as_code(code) else {
        crate::fatal("make_function without a code object");
    };
    object::into_word(Box::new(FunctionObj {
        header: object::header(kind::FUNCTION),
        code,
        entry,
        defaults: Owned(defaults),
        kwdefaults: Owned(kwdefaults),
        closure: Owned(closure),
        dict: Owned(abi::NULL),
        name: Owned(abi::NULL),
        qualname: Owned(abi::NULL),
        doc: Owned(abi::NULL),
    }))
}

/// Takes over both references.
pub fn new_method(func: Word, receiver: Word) -> Word {
    object::into_word(Box::new(MethodObj {
        header: object::header(kind::METHOD),
        func: Owned(func),
        receiver: Owned(receiver),
    }))
}

/// Borrows `value` (NULL for an unbound cell).
pub fn new_cell(value: Word) -> Word {
    if value != abi::NULL {
        object::incref(value);
    }
    object::into_word(Box::new(CellObj {
        header: object::header(kind::CELL),
        value,
    }))
}

/// A new reference to cell `i` of the closure of `func`.
pub fn closure_cell(func: Word, i: usize) -> Word {
    let cell = as_function(func)
        .and_then(|f| object::as_tuple(f.closure.0))
        .and_then(|t| t.items.get(i).copied());
    match cell {
        Some(c) => {
            object::incref(c);
            c
        }
        None => crate::fatal("closure cell out of range"),
    }
}

/// The most parameter slots a call fills in an array on the stack.
const SHORT: usize = 8;

/// Calls the function object `func` with positional `args` and keywords `kw`.
pub fn call_function(func: Word, args: &[Word], kw: &Kw) -> PyResult<Word> {
    let Some(f) = as_function(func) else {
        return exc::type_error("not a function");
    };
    let code = f.code;
    let plain = code.kwonly == 0 && !code.has(code_flags::VARARGS) && !code.has(code_flags::VARKW);
    if plain && kw.is_empty() && args.len() == code.positional {
        // Exactly the positional parameters: the arguments are the slots.
        args.iter().for_each(|&w| object::incref(w));
        return enter(f, func, args);
    }
    if plain && kw.is_empty() && args.len() < code.positional && code.positional <= SHORT {
        // Positional arguments, the rest from the defaults (`lambda x, k=k:`).
        let defaults = object::as_tuple(f.defaults.0).map_or(&[][..], |t| t.items.as_slice());
        let missing = code.positional - args.len();
        if missing <= defaults.len() {
            let mut slots = [abi::NULL; SHORT];
            slots[..args.len()].copy_from_slice(args);
            slots[args.len()..code.positional]
                .copy_from_slice(&defaults[defaults.len() - missing..]);
            let slots = &slots[..code.positional];
            slots.iter().for_each(|&w| object::incref(w));
            return enter(f, func, slots);
        }
    }
    let slots = bind(f, args, kw)?;
    enter(f, func, &slots)
}

/// `func(obj, *args, **kw)`: a method called on `obj`, without a bound method.
pub fn call_function_on(func: Word, obj: Word, args: &[Word], kw: &Kw) -> PyResult<Word> {
    if args.len() < SHORT {
        let mut all = [abi::NULL; SHORT];
        all[0] = obj;
        all[1..=args.len()].copy_from_slice(args);
        return call_function(func, &all[..=args.len()], kw);
    }
    let mut all = Vec::with_capacity(args.len() + 1);
    all.push(obj);
    all.extend_from_slice(args);
    call_function(func, &all, kw)
}

/// Runs `f` (the object `func`) on its slot values, which it takes over.
fn enter(f: &FunctionObj, func: Word, slots: &[Word]) -> PyResult<Word> {
    // SAFETY: `entry` is the array entry the compiler made for this code object; it
    // reads exactly `code.slots()` words and takes them over.
    let entry: extern "C" fn(Word, *const Word) -> Word =
        unsafe { std::mem::transmute::<usize, extern "C" fn(Word, *const Word) -> Word>(f.entry) };
    let r = entry(func, slots.as_ptr());
    if r == abi::NULL { Err(Raised) } else { Ok(r) }
}

/// Binds a call's arguments to the parameter slots of `f`: new references in slot
/// order, or CPython's `TypeError`.
pub fn bind(f: &FunctionObj, args: &[Word], kw: &Kw) -> PyResult<Vec<Word>> {
    let code = f.code;
    let qualname = code.qualname;
    let npos = code.positional;
    // Borrowed until the end; `packed` owns the `*args` tuple and `**kwargs` dict.
    let mut slots = vec![abi::NULL; npos + code.kwonly];
    for (slot, &a) in slots[..npos].iter_mut().zip(args) {
        *slot = a;
    }
    let varargs = code.has(code_flags::VARARGS).then(|| {
        let extra = args.get(npos..).unwrap_or(&[]).to_vec();
        extra.iter().for_each(|&w| object::incref(w));
        Owned(object::new_tuple(extra))
    });
    let varkw = code
        .has(code_flags::VARKW)
        .then(|| Owned(object::new_dict(Dict::new())));
    for &(name, value) in kw {
        let found = (code.posonly..npos + code.kwonly).find(|&j| code.names[j] == name);
        match (found, &varkw) {
            (Some(j), _) => {
                if slots[j] != abi::NULL {
                    return exc::type_error(format!(
                        "{qualname}() got multiple values for argument '{name}'"
                    ));
                }
                slots[j] = value;
            }
            (None, Some(d)) => {
                let key = Owned(object::new_str(name.to_string()));
                object::as_dict(d.0).map_or(Ok(()), |d| d.set(key.0, value))?;
            }
            (None, None) => {
                let posonly: Vec<&str> = code.names[..code.posonly]
                    .iter()
                    .copied()
                    .filter(|p| kw.iter().any(|(k, _)| k == p))
                    .collect();
                if !posonly.is_empty() {
                    return exc::type_error(format!(
                        "{qualname}() got some positional-only arguments passed as keyword arguments: '{}'",
                        posonly.join(", ")
                    ));
                }
                return exc::type_error(format!(
                    "{qualname}() got an unexpected keyword argument '{name}'"
                ));
            }
        }
    }
    let defaults = object::as_tuple(f.defaults.0).map_or(&[][..], |t| t.items.as_slice());
    if args.len() > npos && varargs.is_none() {
        return exc::type_error(too_many_positional(
            code,
            &slots,
            defaults.len(),
            args.len(),
        ));
    }
    if args.len() < npos {
        let first_default = npos - defaults.len().min(npos);
        let missing: Vec<&str> = (args.len()..first_default)
            .filter(|&i| slots[i] == abi::NULL)
            .map(|i| code.names[i])
            .collect();
        if !missing.is_empty() {
            return exc::type_error(missing_message(qualname, "positional", &missing));
        }
        for i in first_default.max(args.len())..npos {
            if slots[i] == abi::NULL {
                slots[i] = defaults[i - first_default];
            }
        }
    }
    let mut missing = Vec::new();
    for (slot, &name) in slots[npos..].iter_mut().zip(&code.names[npos..]) {
        if *slot != abi::NULL {
            continue;
        }
        let default = match object::as_dict(f.kwdefaults.0) {
            Some(d) => {
                let key = Owned(object::new_str(name.to_string()));
                d.get(key.0)?
            }
            None => None,
        };
        match default {
            Some(d) => *slot = d,
            None => missing.push(name),
        }
    }
    if !missing.is_empty() {
        return exc::type_error(missing_message(qualname, "keyword-only", &missing));
    }
    slots.iter().for_each(|&w| object::incref(w));
    slots.extend(varargs.map(Owned::into_word));
    slots.extend(varkw.map(Owned::into_word));
    Ok(slots)
}

/// CPython's `too_many_positional`.
fn too_many_positional(code: &CodeObj, slots: &[Word], ndefaults: usize, given: usize) -> String {
    let npos = code.positional;
    let kwonly_given = slots[npos..].iter().filter(|&&w| w != abi::NULL).count();
    let (sig, plural) = if ndefaults > 0 {
        (format!("from {} to {npos}", npos - ndefaults), true)
    } else {
        (npos.to_string(), npos != 1)
    };
    let kwonly_sig = if kwonly_given > 0 {
        format!(
            " positional argument{} (and {kwonly_given} keyword-only argument{})",
            if given != 1 { "s" } else { "" },
            if kwonly_given != 1 { "s" } else { "" }
        )
    } else {
        String::new()
    };
    format!(
        "{}() takes {sig} positional argument{} but {given}{kwonly_sig} {} given",
        code.qualname,
        if plural { "s" } else { "" },
        if given == 1 && kwonly_given == 0 {
            "was"
        } else {
            "were"
        }
    )
}

/// CPython's `missing_arguments` / `format_missing`.
fn missing_message(qualname: &str, kind: &str, names: &[&str]) -> String {
    let quoted: Vec<String> = names.iter().map(|n| format!("'{n}'")).collect();
    let list = match quoted.as_slice() {
        [one] => one.clone(),
        [a, b] => format!("{a} and {b}"),
        [init @ .., a, b] => format!("{}, {a}, and {b}", init.join(", ")),
        [] => String::new(),
    };
    let s = if names.len() == 1 { "" } else { "s" };
    format!(
        "{qualname}() missing {} required {kind} argument{s}: {list}",
        names.len()
    )
}
