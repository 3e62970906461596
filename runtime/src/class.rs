//! User-defined classes: class objects (C3 method resolution order, a namespace
//! dict), instances with attribute dicts, descriptors (`property`, `classmethod`,
//! `staticmethod`, functions binding to methods), `super()`, and the lookup of
//! special methods that the operators, builtins and statements dispatch to.
//!
//! Classes are immortal: a class is referenced by its instances, its methods'
//! `__class__` cells and its subclasses, and programs define them once.

use crate::fixedmap::FixedMap;
use crate::textcache::TextCache;
use std::sync::{Mutex, PoisonError};

use skink_abi::{self as abi, ObjHeader, Word, kind};

use crate::attrcache::{self, Found};
use crate::call::{self, Kw};
use crate::dict::Dict;
use crate::exc::{self, ExcType, PyResult};
use crate::function;
use crate::instance_attrs::{Attrs, Layout};
use crate::object::{self, Owned, PyType};

/// A class object, by address (classes never move and never die).
#[derive(Clone, Copy)]
pub struct ClassRef(pub usize);

impl ClassRef {
    pub fn get(self) -> &'static mut ClassObj {
        // SAFETY: a ClassRef is only made from a live, immortal class object.
        unsafe { &mut *(self.0 as *mut ClassObj) }
    }

    pub fn word(self) -> Word {
        self.0 as Word
    }
}

impl PartialEq for ClassRef {
    fn eq(&self, other: &Self) -> bool {
        self.0 == other.0
    }
}

impl Eq for ClassRef {}

impl std::hash::Hash for ClassRef {
    fn hash<H: std::hash::Hasher>(&self, state: &mut H) {
        self.0.hash(state)
    }
}

impl std::fmt::Debug for ClassRef {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "<class {}>", self.get().name)
    }
}

#[repr(C)]
pub struct ClassObj {
    pub header: ObjHeader,
    pub name: &'static str,
    pub qualname: &'static str,
    pub bases: Vec<PyType>,
    /// The method resolution order, starting with the class itself.
    pub mro: Vec<PyType>,
    pub dict: Dict,
    /// What instances are made of: `object`, or the builtin exception they derive from.
    pub builtin: PyType,
    /// The attributes instances may have when `__slots__` (here and in every base)
    /// leaves them no `__dict__`; None when they may have any.
    pub slots: Option<Vec<String>>,
    /// The attribute names its instances have been given.
    pub layout: Layout,
}

#[repr(C)]
pub struct InstanceObj {
    pub header: ObjHeader,
    pub class: ClassRef,
    pub attrs: Attrs,
}

#[repr(C)]
pub struct PropertyObj {
    pub header: ObjHeader,
    pub fget: Owned,
    pub fset: Owned,
    pub fdel: Owned,
}

/// `classmethod(f)` or `staticmethod(f)` (the kind tells which).
#[repr(C)]
pub struct WrapperObj {
    pub header: ObjHeader,
    pub func: Owned,
}

/// `super(class, obj)`: attribute lookup starts after `class` in `obj`'s MRO.
#[repr(C)]
pub struct SuperObj {
    pub header: ObjHeader,
    pub class: ClassRef,
    pub obj: Owned,
}

pub fn as_class(w: Word) -> Option<ClassRef> {
    (object::heap_kind(w) == Some(kind::CLASS)).then_some(ClassRef(w as usize))
}

pub fn as_instance<'a>(w: Word) -> Option<&'a mut InstanceObj> {
    object::view_mut::<InstanceObj>(w, kind::INSTANCE)
}

pub fn as_property<'a>(w: Word) -> Option<&'a PropertyObj> {
    object::view::<PropertyObj>(w, kind::PROPERTY)
}

fn as_wrapper<'a>(w: Word, k: u32) -> Option<&'a WrapperObj> {
    object::view::<WrapperObj>(w, k)
}

pub fn as_super<'a>(w: Word) -> Option<&'a SuperObj> {
    object::view::<SuperObj>(w, kind::SUPER)
}

/// The user class of an instance or of a user exception.
#[inline]
pub fn class_of(w: Word) -> Option<ClassRef> {
    match object::heap_kind(w)? {
        kind::INSTANCE => as_instance(w).map(|i| i.class),
        kind::EXCEPTION => object::as_exception(w).and_then(|e| as_class(e.class)),
        _ => None,
    }
}

/// The user class of an instance of a subclass of `list` (which is a list).
pub fn subclass_of(w: Word) -> Option<ClassRef> {
    let l = object::as_list(w)?;
    as_class(l.class)
}

/// `obj.name` found on the user class of a builtin-subclass instance.
pub fn subclass_attr(obj: Word, name: &str) -> Option<PyResult<Word>> {
    let c = subclass_of(obj)?;
    let key = Owned(object::new_str(name.to_string()));
    match lookup(c, key.0) {
        Ok(Some(a)) => Some(bind(a, Some(obj), c, key.0)),
        Ok(None) => None,
        Err(e) => Some(Err(e)),
    }
}

/// Instances, user exceptions, classes and `super` objects: what this module
/// handles attributes of.
pub fn is_user_object(w: Word) -> bool {
    match object::heap_kind(w) {
        Some(kind::INSTANCE | kind::CLASS | kind::SUPER) => true,
        Some(kind::EXCEPTION) => class_of(w).is_some(),
        _ => false,
    }
}

/// Where an instance or a user exception keeps its attributes.
enum Store<'a> {
    Layout(&'a mut Attrs, &'a mut Layout),
    Dict(&'a mut Dict),
}

/// The attributes of `w`, an instance or a user exception of class `cls`.
fn store<'a>(w: Word, cls: ClassRef) -> Option<Store<'a>> {
    match object::heap_kind(w)? {
        kind::INSTANCE => {
            as_instance(w).map(|i| Store::Layout(&mut i.attrs, &mut cls.get().layout))
        }
        kind::EXCEPTION => object::as_exception(w)
            .filter(|e| e.class != abi::NULL)
            .map(|e| Store::Dict(&mut e.dict)),
        _ => None,
    }
}

impl Store<'_> {
    /// `name`'s value (borrowed); `found` is its lookup on the class.
    fn get(&self, found: Found, name: Word) -> PyResult<Option<Word>> {
        match self {
            Store::Layout(attrs, _) => attrs.get(found.slot, name),
            Store::Dict(d) => d.get(name),
        }
    }

    fn set(&mut self, name: Word, value: Word) -> PyResult<()> {
        match self {
            Store::Layout(attrs, layout) => attrs.set(layout, name, value),
            Store::Dict(d) => d.set(name, value),
        }
    }

    /// Removes `name`, giving back its value (owned).
    fn remove(&mut self, found: Found, name: Word) -> PyResult<Option<Word>> {
        match self {
            Store::Layout(attrs, _) => attrs.remove(found.slot, name),
            Store::Dict(d) => Ok(d.remove(name)?.map(|(k, v)| {
                object::decref(k);
                v
            })),
        }
    }
}

// A process-wide static rather than a thread-local: memory checkers scan it, so
// these immortal strs count as reachable at exit.
static INTERNED: Mutex<Option<FixedMap<&'static str, Word>>> = Mutex::new(None);

thread_local! {
    /// Every operator dispatch asks for its special method's name.
    static RECENT: TextCache<256> = const { TextCache::new() };
}

/// An immortal str for a name the runtime looks up (`__add__`, `__init__`, ...).
pub fn intern(name: &'static str) -> Word {
    RECENT.with(|r| {
        r.get(name, || {
            let mut table = INTERNED.lock().unwrap_or_else(PoisonError::into_inner);
            *table
                .get_or_insert_with(FixedMap::default)
                .entry(name)
                .or_insert_with(|| object::make_immortal(object::new_str(name.to_string())))
        })
    })
}

fn leak(s: &str) -> &'static str {
    Box::leak(s.to_string().into_boxed_str())
}

fn str_value(w: Word) -> String {
    object::as_str(w).map_or(String::new(), |s| s.value.clone())
}

// ---- building classes ----

/// The MRO of a type (builtin chains end with `object`).
fn mro_of(t: PyType) -> Vec<PyType> {
    match t {
        PyType::Class(c) => c.get().mro.clone(),
        _ => {
            let mut out = vec![t];
            let mut cur = t;
            while let Some(b) = cur.base() {
                out.push(b);
                cur = b;
            }
            out
        }
    }
}

/// C3 linearization; on a conflict, the heads left unmerged (CPython names them).
fn c3(bases: &[PyType]) -> Result<Vec<PyType>, Vec<PyType>> {
    let mut seqs: Vec<Vec<PyType>> = bases.iter().map(|&b| mro_of(b)).collect();
    seqs.push(bases.to_vec());
    let mut out = Vec::new();
    loop {
        seqs.retain(|s| !s.is_empty());
        if seqs.is_empty() {
            return Ok(out);
        }
        let head = seqs
            .iter()
            .map(|s| s[0])
            .find(|&h| !seqs.iter().any(|s| s[1..].iter().any(|t| t.same(h))));
        let Some(head) = head else {
            let mut heads: Vec<PyType> = Vec::new();
            for s in &seqs {
                if !heads.iter().any(|h| h.same(s[0])) {
                    heads.push(s[0]);
                }
            }
            return Err(heads);
        };
        out.push(head);
        for s in &mut seqs {
            if s[0].same(head) {
                s.remove(0);
            }
        }
    }
}

/// `class name(bases): ns` once the body ran.
pub fn build_class(name: &str, qualname: &str, bases: Word, ns: Word) -> PyResult<Word> {
    let base_words = object::as_tuple(bases).map_or(Vec::new(), |t| t.items.to_vec());
    let mut bases = Vec::new();
    for &b in &base_words {
        match object::as_type(b) {
            Some(t @ (PyType::Object | PyType::Class(_) | PyType::Exc(_) | PyType::List)) => {
                bases.push(t)
            }
            Some(t) => {
                return exc::raise(
                    ExcType::NotImplementedError,
                    format!(
                        "skink: subclassing the builtin type '{}' is not supported",
                        t.name()
                    ),
                );
            }
            None => {
                return exc::type_error(format!(
                    "bases must be types, not '{}'",
                    object::type_name(b)
                ));
            }
        }
    }
    for (i, b) in bases.iter().enumerate() {
        if bases[..i].iter().any(|p| p.same(*b)) {
            return exc::type_error(format!("duplicate base class {}", b.name()));
        }
    }
    if bases.is_empty() {
        bases.push(PyType::Object);
    }
    let rest = match c3(&bases) {
        Ok(rest) => rest,
        Err(heads) => {
            let names: Vec<&str> = heads.iter().map(|b| b.name()).collect();
            // CPython's message has this line break.
            return exc::type_error(format!(
                "Cannot create a consistent method resolution\norder (MRO) for bases {}",
                names.join(", ")
            ));
        }
    };
    // The most derived builtin type in the MRO: `class B(A, KeyError)` with
    // `class A(Exception)` is a KeyError.
    let builtin = rest
        .iter()
        .copied()
        .find(|t| matches!(t, PyType::Exc(_) | PyType::List))
        .unwrap_or(PyType::Object);
    let mut dict = object::as_dict(ns).map_or_else(Dict::new, |d| d.copy());
    // Every class has its own `__doc__`, None without a docstring.
    if dict.get(intern("__doc__"))?.is_none() {
        dict.set(intern("__doc__"), abi::NONE)?;
    }
    // A class that defines `__eq__` without `__hash__` is unhashable.
    if dict.get(intern("__eq__"))?.is_some() && dict.get(intern("__hash__"))?.is_none() {
        dict.set(intern("__hash__"), abi::NONE)?;
    }
    let slots = slots_of(&dict, &rest, builtin)?;
    let class = Box::new(ClassObj {
        header: object::header(kind::CLASS),
        name: leak(name),
        qualname: leak(qualname),
        bases,
        mro: Vec::new(),
        dict,
        builtin,
        slots,
        layout: Layout::default(),
    });
    let w = object::make_immortal(object::into_word(class));
    attrcache::class_changed();
    let c = ClassRef(w as usize);
    let mut mro = vec![PyType::Class(c)];
    mro.extend(rest);
    c.get().mro = mro;
    Ok(w)
}

/// The instance attributes `__slots__` allows, with CPython's checks of the
/// declaration; None when instances keep a `__dict__`.
fn slots_of(dict: &Dict, bases: &[PyType], builtin: PyType) -> PyResult<Option<Vec<String>>> {
    let Some(declared) = dict.get(intern("__slots__"))? else {
        return Ok(None);
    };
    let names = if object::as_str(declared).is_some() {
        vec![declared]
    } else {
        crate::iter::collect(declared)?
    };
    let names = object::Items(names);
    let mut slots = Vec::new();
    for &n in names.iter() {
        let Some(s) = object::as_str(n) else {
            return exc::type_error(format!(
                "__slots__ items must be strings, not '{}'",
                object::type_name(n)
            ));
        };
        if dict.get(n)?.is_some() {
            return exc::value_error(format!(
                "'{}' in __slots__ conflicts with class variable",
                s.value
            ));
        }
        slots.push(s.value.clone());
    }
    if slots.iter().any(|s| s == "__dict__") || !builtin.same(PyType::Object) {
        return Ok(None);
    }
    for b in bases {
        match b {
            PyType::Class(c) => match &c.get().slots {
                Some(inherited) => slots.extend(inherited.iter().cloned()),
                None => return Ok(None),
            },
            PyType::Object => {}
            _ => return Ok(None),
        }
    }
    Ok(Some(slots))
}

// ---- lookup ----

/// `name` in the dicts along the MRO of `cls` (borrowed), from position `start`.
fn lookup_from(cls: ClassRef, start: usize, name: Word) -> PyResult<Option<Word>> {
    for t in cls.get().mro.iter().skip(start) {
        if let PyType::Class(c) = t
            && let Some(v) = c.get().dict.get(name)?
        {
            return Ok(Some(v));
        }
    }
    Ok(None)
}

pub fn lookup(cls: ClassRef, name: Word) -> PyResult<Option<Word>> {
    Ok(find(cls, name)?.attr)
}

/// `name` on `cls`: its attribute along the MRO and its index in the layout of
/// the class's instances.
#[inline]
pub fn find(cls: ClassRef, name: Word) -> PyResult<Found> {
    if let Some(found) = attrcache::get(cls.0, name) {
        return Ok(found);
    }
    let found = Found {
        attr: lookup_from(cls, 0, name)?,
        slot: cls.get().layout.find(name),
    };
    attrcache::put(cls.0, name, found);
    Ok(found)
}

/// What the attribute `name`, found on `cls` as `a`, gives when read through
/// `obj` (`None` when read through the class itself): a new reference.
fn bind(a: Word, obj: Option<Word>, cls: ClassRef, name: Word) -> PyResult<Word> {
    if let Some(w) = as_wrapper(a, kind::CLASSMETHOD) {
        object::incref(w.func.0);
        return Ok(function::new_method(w.func.0, cls.word()));
    }
    if let Some(w) = as_wrapper(a, kind::STATICMETHOD) {
        object::incref(w.func.0);
        return Ok(w.func.0);
    }
    if let Some(obj) = obj {
        if as_property(a).is_some() {
            return property_get(a, obj, cls, name);
        }
        if function::as_function(a).is_some() {
            object::incref(a);
            object::incref(obj);
            return Ok(function::new_method(a, obj));
        }
    }
    object::incref(a);
    Ok(a)
}

/// `obj.name` for instances, user exceptions, classes and `super` objects;
/// `None` when `obj` is none of those.
pub fn getattr(obj: Word, name: Word) -> Option<PyResult<Word>> {
    if let Some(cls) = class_of(obj) {
        return Some(instance_getattr(obj, cls, name));
    }
    if let Some(cls) = as_class(obj) {
        return Some(class_getattr(cls, name));
    }
    if let Some(s) = as_super(obj) {
        return Some(super_getattr(s, name));
    }
    None
}

fn instance_getattr(obj: Word, cls: ClassRef, name: Word) -> PyResult<Word> {
    if object::as_str(name).is_some_and(|s| s.value == "__class__") {
        return Ok(cls.word());
    }
    let found = find(cls, name)?;
    let attr = found.attr;
    if let Some(a) = attr
        && as_property(a).is_some()
    {
        let r = property_get(a, obj, cls, name);
        // A getter's AttributeError falls back to `__getattr__`, as CPython's slot does.
        if r.is_err()
            && exc::pending_is(ExcType::AttributeError)
            && let Some(g) = lookup(cls, intern("__getattr__"))?
        {
            exc::clear_pending();
            return call_bound(g, obj, cls, intern("__getattr__"), &[name], &[]);
        }
        return r;
    }
    if let Some(d) = store(obj, cls)
        && let Some(v) = d.get(found, name)?
    {
        object::incref(v);
        return Ok(v);
    }
    if let Some(a) = attr {
        return bind(a, Some(obj), cls, name);
    }
    let text = str_value(name);
    if object::as_exception(obj).is_some() {
        return crate::methods::builtin_getattr(obj, &text);
    }
    if let Some(g) = lookup(cls, intern("__getattr__"))? {
        return call_bound(g, obj, cls, intern("__getattr__"), &[name], &[]);
    }
    exc::raise(
        ExcType::AttributeError,
        format!("'{}' object has no attribute '{text}'", cls.get().name),
    )
}

fn property_get(p: Word, obj: Word, cls: ClassRef, name: Word) -> PyResult<Word> {
    match as_property(p) {
        Some(prop) if prop.fget.0 != abi::NULL => call::call(prop.fget.0, &[obj], &[]),
        _ => exc::raise(
            ExcType::AttributeError,
            format!(
                "property '{}' of '{}' object has no getter",
                str_value(name),
                cls.get().name
            ),
        ),
    }
}

fn class_getattr(cls: ClassRef, name: Word) -> PyResult<Word> {
    let c = cls.get();
    let text = str_value(name);
    match text.as_str() {
        "__name__" => return Ok(object::new_str(c.name.to_string())),
        "__qualname__" => return Ok(object::new_str(c.qualname.to_string())),
        "__mro__" | "__bases__" => {
            let types = if text == "__mro__" { &c.mro } else { &c.bases };
            let items = types
                .iter()
                .map(|&t| crate::builtin_objects::type_object(t))
                .collect();
            return Ok(object::new_tuple(items));
        }
        "__module__" => {
            if let Some(v) = lookup(cls, name)? {
                object::incref(v);
                return Ok(v);
            }
        }
        _ => {}
    }
    if let Some(a) = lookup(cls, name)? {
        return bind(a, None, cls, name);
    }
    // `C.__init__` of a class without one: its builtin base's.
    if let Some(m) = builtin_base_method(c.builtin, &text) {
        return Ok(m);
    }
    exc::raise(
        ExcType::AttributeError,
        format!("type object '{}' has no attribute '{text}'", c.name),
    )
}

/// `object.__init__`, `Exception.__str__`, ...: the builtin base's method as an
/// unbound method, called with the instance first (`Base.__init__(self, ...)`).
pub fn builtin_base_method(ty: PyType, name: &str) -> Option<Word> {
    if !matches!(ty, PyType::Object | PyType::Exc(_)) || !is_base_method_name(name) {
        return None;
    }
    Some(object::new_bound_method(
        crate::builtin_objects::type_object(ty),
        format!("super:{name}"),
        true,
    ))
}

fn is_base_method_name(name: &str) -> bool {
    matches!(
        name,
        "__init__"
            | "__repr__"
            | "__str__"
            | "__eq__"
            | "__ne__"
            | "__hash__"
            | "__setattr__"
            | "__getattribute__"
            | "__format__"
    )
}

/// What `super().name` finds along the MRO after the class: the attribute,
/// the class of the object the MRO is taken from, and the instance (`None` in a
/// classmethod, whose `super()` has the class as its object).
fn super_find(s: &SuperObj, name: Word) -> PyResult<(Option<Word>, ClassRef, Option<Word>)> {
    let obj = s.obj.0;
    let (start_cls, instance) = match as_class(obj) {
        Some(c) => (c, None),
        None => match class_of(obj).or_else(|| subclass_of(obj)) {
            Some(c) => (c, Some(obj)),
            None => {
                return exc::type_error(
                    "super(type, obj): obj must be an instance or subtype of type",
                );
            }
        },
    };
    let mro = &start_cls.get().mro;
    let pos = mro
        .iter()
        .position(|t| t.same(PyType::Class(s.class)))
        .map_or(mro.len(), |p| p + 1);
    Ok((lookup_from(start_cls, pos, name)?, start_cls, instance))
}

/// `super().name(*args, **kw)`: a plain function found for an instance is
/// called on it without a bound method; anything else is bound as `super().name`.
fn super_call_method(s: &SuperObj, name: Word, args: &[Word], kw: &Kw) -> PyResult<Word> {
    if let (Some(a), _, Some(instance)) = super_find(s, name)?
        && function::as_function(a).is_some()
    {
        return function::call_function_on(a, instance, args, kw);
    }
    let m = Owned(super_getattr(s, name)?);
    call::call(m.0, args, kw)
}

fn super_getattr(s: &SuperObj, name: Word) -> PyResult<Word> {
    let (found, start_cls, instance) = super_find(s, name)?;
    if let Some(a) = found {
        return bind(a, instance, start_cls, name);
    }
    // The builtin base's methods (`object.__init__`, `Exception.__init__`, ...).
    let text = str_value(name);
    if let Some(o) = instance
        && builtin_method_exists(o, &text)
    {
        object::incref(o);
        return Ok(object::new_bound_method(o, format!("super:{text}"), false));
    }
    exc::raise(
        ExcType::AttributeError,
        format!("'super' object has no attribute '{text}'"),
    )
}

/// Methods a builtin base provides to `super()` and to instances without their own.
fn builtin_method_exists(obj: Word, name: &str) -> bool {
    is_base_method_name(name)
        || (object::as_exception(obj).is_some() && name == "with_traceback")
        || (object::as_list(obj).is_some() && crate::methods::has_method(PyType::List, name))
}

/// Calls a builtin base's method reached through `super()`.
pub fn call_builtin_base(obj: Word, name: &str, args: &[Word], kw: &Kw) -> PyResult<Word> {
    // A list subclass's instance is a list: `list`'s own methods, not the overrides.
    if let Some(list) = object::as_list(obj) {
        if crate::methods::has_method(PyType::List, name) {
            return crate::methods::list_method(obj, name, args, kw);
        }
        if name == "__init__" {
            if !kw.is_empty() {
                return exc::type_error("list() takes no keyword arguments");
            }
            let items = match args {
                [] => Vec::new(),
                [iterable] => crate::iter::collect(*iterable)?,
                _ => {
                    return exc::type_error(format!(
                        "list expected at most 1 argument, got {}",
                        args.len()
                    ));
                }
            };
            // The old items are released once the new ones are in place.
            list.items = object::Items(items);
            return Ok(abi::NONE);
        }
    }
    match name {
        "__init__" => {
            if let Some(e) = object::as_exception(obj) {
                if !kw.is_empty() {
                    return exc::type_error(format!(
                        "{}() takes no keyword arguments",
                        object::type_name(obj)
                    ));
                }
                let t = object::new_tuple(
                    args.iter()
                        .map(|&a| {
                            object::incref(a);
                            a
                        })
                        .collect(),
                );
                let old = std::mem::replace(&mut e.args, Owned(t));
                drop(old);
                return Ok(abi::NONE);
            }
            if !args.is_empty() || !kw.is_empty() {
                return exc::type_error(format!(
                    "{}.__init__() takes exactly one argument (the instance to initialize)",
                    object::type_name(obj)
                ));
            }
            Ok(abi::NONE)
        }
        // The builtin base's own forms, never the user overrides that called them.
        "__repr__" if object::as_exception(obj).is_some() => {
            Ok(object::new_str(crate::ops::exception_repr(obj)?))
        }
        "__repr__" => Ok(object::new_str(default_repr(obj))),
        "__str__" => match object::as_exception(obj) {
            Some(e) => Ok(object::new_str(crate::ops::exception_str(e)?)),
            // `object.__str__` is `repr()`, which finds a user `__repr__`.
            None => Ok(object::new_str(crate::ops::repr_of(obj)?)),
        },
        "__eq__" => Ok(match args {
            [o] if *o == obj => abi::TRUE,
            _ => abi::NOT_IMPLEMENTED,
        }),
        "__ne__" => Ok(match args {
            [o] if *o == obj => abi::FALSE,
            _ => abi::NOT_IMPLEMENTED,
        }),
        "__hash__" => Ok(crate::int::from_i64(crate::ops::identity_hash(obj))),
        "__setattr__" => match args {
            [n, v] => {
                setattr(obj, *n, *v)?;
                Ok(abi::NONE)
            }
            _ => exc::type_error("expected 2 arguments"),
        },
        "__getattribute__" => match args {
            [n] => match getattr(obj, *n) {
                Some(r) => r,
                None => crate::methods::getattr(obj, &str_value(*n)),
            },
            _ => exc::type_error("expected 1 argument"),
        },
        "__format__" => match args {
            [spec] if object::as_str(*spec).is_some_and(|s| s.value.is_empty()) => {
                Ok(object::new_str(crate::ops::str_of(obj)?))
            }
            _ => exc::type_error(format!(
                "unsupported format string passed to {}.__format__",
                object::type_name(obj)
            )),
        },
        _ => exc::raise(
            ExcType::AttributeError,
            format!("'super' object has no attribute '{name}'"),
        ),
    }
}

/// `<__main__.A object at 0x...>`.
pub fn default_repr(obj: Word) -> String {
    let name = class_of(obj).map_or(object::type_name(obj), |c| c.get().qualname);
    format!("<__main__.{name} object at {obj:#x}>")
}

// ---- setting and deleting ----

pub fn setattr(obj: Word, name: Word, value: Word) -> PyResult<()> {
    if let Some(e) = object::as_exception(obj)
        && object::as_str(name).is_some_and(|s| s.value == "args")
    {
        let items = crate::iter::collect(value)?;
        e.args = Owned(object::new_tuple(items));
        return Ok(());
    }
    if let Some(cls) = class_of(obj) {
        if let Some(a) = lookup(cls, name)?
            && let Some(p) = as_property(a)
        {
            if p.fset.0 == abi::NULL {
                return exc::raise(
                    ExcType::AttributeError,
                    format!(
                        "property '{}' of '{}' object has no setter",
                        str_value(name),
                        cls.get().name
                    ),
                );
            }
            call::call(p.fset.0, &[obj, value], &[]).map(object::decref)?;
            return Ok(());
        }
        if let Some(slots) = &cls.get().slots {
            let text = object::as_str(name).map_or("", |s| s.value.as_str());
            if !slots.iter().any(|slot| slot == text) {
                return exc::raise(
                    ExcType::AttributeError,
                    format!("'{}' object has no attribute '{text}'", cls.get().name),
                );
            }
        }
        if let Some(mut d) = store(obj, cls) {
            return d.set(name, value);
        }
    }
    if let Some(cls) = as_class(obj) {
        let r = cls.get().dict.set(name, value);
        attrcache::class_changed();
        return r;
    }
    if let Some(f) = function::as_function(obj) {
        let text = str_value(name);
        let slot = match text.as_str() {
            "__name__" => Some(&mut f.name),
            "__qualname__" => Some(&mut f.qualname),
            "__doc__" => Some(&mut f.doc),
            _ => None,
        };
        if let Some(slot) = slot {
            if text != "__doc__" && object::as_str(value).is_none() {
                return exc::type_error(format!("{text} must be set to a string object"));
            }
            object::incref(value);
            *slot = Owned(value);
            return Ok(());
        }
        if f.dict.0 == abi::NULL {
            f.dict = Owned(object::new_dict(Dict::new()));
        }
        return object::as_dict(f.dict.0).map_or(Ok(()), |d| d.set(name, value));
    }
    if let Some(e) = object::as_exception(obj) {
        return e.dict.set(name, value);
    }
    let text = str_value(name);
    read_only(obj, &text)?;
    exc::raise(
        ExcType::AttributeError,
        format!(
            "'{}' object has no attribute '{text}'",
            object::type_name(obj)
        ),
    )
}

/// CPython's errors for setting or deleting an attribute a builtin type defines.
fn read_only(obj: Word, text: &str) -> PyResult<()> {
    let ty = object::type_name(obj);
    if (text == "real" || text == "imag") && crate::int::int_of(obj).is_some() {
        return exc::raise(
            ExcType::AttributeError,
            format!("attribute '{text}' of '{ty}' objects is not writable"),
        );
    }
    if crate::methods::has_method(object::type_of(obj), text) {
        return exc::raise(
            ExcType::AttributeError,
            format!("'{ty}' object attribute '{text}' is read-only"),
        );
    }
    Ok(())
}

pub fn delattr(obj: Word, name: Word) -> PyResult<()> {
    let text = str_value(name);
    if let Some(cls) = class_of(obj) {
        let found = find(cls, name)?;
        if let Some(a) = found.attr
            && let Some(p) = as_property(a)
        {
            if p.fdel.0 == abi::NULL {
                return exc::raise(
                    ExcType::AttributeError,
                    format!(
                        "property '{text}' of '{}' object has no deleter",
                        cls.get().name
                    ),
                );
            }
            call::call(p.fdel.0, &[obj], &[]).map(object::decref)?;
            return Ok(());
        }
        if let Some(mut d) = store(obj, cls)
            && let Some(v) = d.remove(found, name)?
        {
            object::decref(v);
            return Ok(());
        }
        return exc::raise(
            ExcType::AttributeError,
            format!("'{}' object has no attribute '{text}'", cls.get().name),
        );
    }
    if let Some(cls) = as_class(obj)
        && let Some((k, v)) = cls.get().dict.remove(name)?
    {
        attrcache::class_changed();
        object::decref(k);
        object::decref(v);
        return Ok(());
    }
    read_only(obj, &text)?;
    crate::methods::no_attribute(obj, &text)
}

// ---- calling ----

/// Calls `attr` (found as `name` on `cls`, the class of `obj`) as a method of `obj`.
fn call_bound(
    attr: Word,
    obj: Word,
    cls: ClassRef,
    name: Word,
    args: &[Word],
    kw: &Kw,
) -> PyResult<Word> {
    if function::as_function(attr).is_some() {
        return function::call_function_on(attr, obj, args, kw);
    }
    let bound = Owned(bind(attr, Some(obj), cls, name)?);
    call::call(bound.0, args, kw)
}

/// `obj.name(*args, **kw)` for instances without building a bound method; `None`
/// when `obj` is not a user object.
pub fn call_method(obj: Word, name: Word, args: &[Word], kw: &Kw) -> Option<PyResult<Word>> {
    let cls = class_of(obj)?;
    Some((|| {
        let found = find(cls, name)?;
        let shadowed = match store(obj, cls) {
            Some(d) => d.get(found, name)?.is_some(),
            None => false,
        };
        match found.attr {
            Some(a) if !shadowed && function::as_function(a).is_some() => {
                call_bound(a, obj, cls, name, args, kw)
            }
            _ => {
                let m = Owned(instance_getattr(obj, cls, name)?);
                call::call(m.0, args, kw)
            }
        }
    })())
}

/// `obj.name(*args)` for any user object (instances, classes, `super`).
pub fn call_method_word(obj: Word, name: Word, args: &[Word], kw: &Kw) -> PyResult<Word> {
    if let Some(r) = call_method(obj, name, args, kw) {
        return r;
    }
    if let Some(s) = as_super(obj) {
        return super_call_method(s, name, args, kw);
    }
    let m = match getattr(obj, name) {
        Some(r) => Owned(r?),
        None => Owned(crate::methods::getattr(obj, &str_value(name))?),
    };
    call::call(m.0, args, kw)
}

/// Raises `AttributeError` now when `obj.name` cannot exist, without running a
/// property's getter or `__getattr__` (the call does that).
pub fn check_method(obj: Word, name: Word) -> PyResult<()> {
    if let Some(cls) = class_of(obj) {
        let found = find(cls, name)?;
        if found.attr.is_some()
            || store(obj, cls).is_some_and(|d| matches!(d.get(found, name), Ok(Some(_))))
            || lookup(cls, intern("__getattr__"))?.is_some()
            || object::as_exception(obj).is_some()
        {
            return Ok(());
        }
        return exc::raise(
            ExcType::AttributeError,
            format!(
                "'{}' object has no attribute '{}'",
                cls.get().name,
                str_value(name)
            ),
        );
    }
    // `super().name` that finds a plain function needs no bound method to tell.
    if let Some(s) = as_super(obj)
        && let (Some(a), _, Some(_)) = super_find(s, name)?
        && function::as_function(a).is_some()
    {
        return Ok(());
    }
    match getattr(obj, name) {
        Some(r) => r.map(object::decref),
        None => Ok(()),
    }
}

/// `with mgr:` checks `__enter__` and `__exit__` on the type and returns the
/// bound `__exit__` (the statement calls `__enter__` next).
pub fn context_exit(mgr: Word) -> PyResult<Word> {
    let no_protocol = |extra: &str| {
        exc::type_error(format!(
            "'{}' object does not support the context manager protocol{extra}",
            object::type_name(mgr)
        ))
    };
    let Some(cls) = class_of(mgr) else {
        let ty = object::dispatch_type(mgr);
        if crate::methods::has_method(ty, "__enter__") && crate::methods::has_method(ty, "__exit__")
        {
            return crate::methods::builtin_getattr(mgr, "__exit__");
        }
        return no_protocol("");
    };
    if lookup(cls, intern("__enter__"))?.is_none() {
        return no_protocol("");
    }
    match lookup(cls, intern("__exit__"))? {
        Some(exit) => bind(exit, Some(mgr), cls, intern("__exit__")),
        None => no_protocol(" (missed __exit__ method)"),
    }
}

/// The interned `"__init__"`, looked up once per instance made.
fn init_name() -> Word {
    static NAME: std::sync::atomic::AtomicI64 = std::sync::atomic::AtomicI64::new(abi::NULL);
    let name = NAME.load(std::sync::atomic::Ordering::Relaxed);
    if name != abi::NULL {
        return name;
    }
    let name = intern("__init__");
    NAME.store(name, std::sync::atomic::Ordering::Relaxed);
    name
}

/// `cls(*args, **kw)`: a new instance, initialized by `__init__`.
pub fn instantiate(cls: ClassRef, args: &[Word], kw: &Kw) -> PyResult<Word> {
    let c = cls.get();
    let init = lookup(cls, init_name())?;
    let obj = match c.builtin {
        PyType::Exc(ty) => {
            let e = exc::new_exception_from_args(ty, args);
            if let Some(x) = object::as_exception(e) {
                x.class = cls.word();
            }
            e
        }
        PyType::List => {
            let items = match (init, args) {
                (None, [iterable]) => crate::iter::collect(*iterable)?,
                (None, []) | (Some(_), _) => Vec::new(),
                (None, _) => {
                    return exc::type_error(format!(
                        "list expected at most 1 argument, got {}",
                        args.len()
                    ));
                }
            };
            let l = object::new_list(items);
            if let Some(x) = object::as_list(l) {
                x.class = cls.word();
            }
            l
        }
        _ => {
            if init.is_none() && (!args.is_empty() || !kw.is_empty()) {
                return exc::type_error(format!("{}() takes no arguments", c.name));
            }
            crate::free_instances::new_instance(cls, c.layout.len())
        }
    };
    let obj = Owned(obj);
    if let Some(init) = init {
        let r = call_bound(init, obj.0, cls, init_name(), args, kw)?;
        if r != abi::NONE {
            let t = object::type_name(r);
            object::decref(r);
            return exc::type_error(format!("__init__() should return None, not '{t}'"));
        }
    } else if object::as_exception(obj.0).is_some() && !kw.is_empty() {
        return exc::type_error(format!("{}() takes no keyword arguments", c.name));
    }
    Ok(obj.into_word())
}

/// Calls the special method `name` of a user object: `None` when `obj` is not
/// one or its class lacks the method.
#[inline]
pub fn call_special(obj: Word, name: &'static str, args: &[Word]) -> Option<PyResult<Word>> {
    // Most objects are not instances: decided inline, without a call.
    let cls = class_of(obj)?;
    call_special_of(cls, obj, name, args)
}

fn call_special_of(
    cls: ClassRef,
    obj: Word,
    name: &'static str,
    args: &[Word],
) -> Option<PyResult<Word>> {
    let key = intern(name);
    match lookup(cls, key) {
        Err(e) => Some(Err(e)),
        Ok(None) => None,
        Ok(Some(abi::NONE)) if name == "__hash__" => Some(exc::type_error(format!(
            "unhashable type: '{}'",
            cls.get().name
        ))),
        Ok(Some(a)) => Some(call_bound(a, obj, cls, key, args, &[])),
    }
}

/// Whether the class of `obj` defines `name` (along its MRO).
pub fn has_special(obj: Word, name: &'static str) -> bool {
    class_of(obj).is_some_and(|c| matches!(lookup(c, intern(name)), Ok(Some(_))))
}

// ---- descriptors as builtins ----

pub fn new_property(fget: Word, fset: Word, fdel: Word) -> Word {
    for w in [fget, fset, fdel] {
        if w != abi::NULL && w != abi::NONE {
            object::incref(w);
        }
    }
    let norm = |w: Word| if w == abi::NONE { abi::NULL } else { w };
    object::into_word(Box::new(PropertyObj {
        header: object::header(kind::PROPERTY),
        fget: Owned(norm(fget)),
        fset: Owned(norm(fset)),
        fdel: Owned(norm(fdel)),
    }))
}

/// `classmethod(f)` / `staticmethod(f)`.
pub fn new_wrapper(k: u32, func: Word) -> Word {
    object::incref(func);
    object::into_word(Box::new(WrapperObj {
        header: object::header(k),
        func: Owned(func),
    }))
}

pub fn new_super(class: Word, obj: Word) -> PyResult<Word> {
    let Some(c) = as_class(class) else {
        if let Some(t) = object::as_type(class) {
            let ok = object::type_of(obj).is_subtype(t)
                || object::as_type(obj).is_some_and(|o| o.is_subtype(t));
            if !ok {
                return exc::type_error(
                    "super(type, obj): obj must be an instance or subtype of type",
                );
            }
            return exc::raise(
                ExcType::NotImplementedError,
                format!("skink: super() of the builtin type '{}'", t.name()),
            );
        }
        return exc::type_error(format!(
            "super() argument 1 must be a type, not {}",
            object::type_name(class)
        ));
    };
    let ok = match as_class(obj) {
        Some(o) => o.get().mro.iter().any(|t| t.same(PyType::Class(c))),
        None => class_of(obj)
            .or_else(|| subclass_of(obj))
            .is_some_and(|o| o.get().mro.iter().any(|t| t.same(PyType::Class(c)))),
    };
    if !ok {
        return exc::type_error("super(type, obj): obj must be an instance or subtype of type");
    }
    object::incref(obj);
    Ok(object::into_word(Box::new(SuperObj {
        header: object::header(kind::SUPER),
        class: c,
        obj: Owned(obj),
    })))
}

/// `prop.setter(f)` and friends: a copy of the property with one function replaced.
pub fn property_method(p: Word, name: &str, args: &[Word]) -> PyResult<Word> {
    let Some(prop) = as_property(p) else {
        return exc::type_error("not a property");
    };
    let [f] = args else {
        return exc::type_error(format!("{name}() takes exactly one argument"));
    };
    let (mut get, mut set, mut del) = (prop.fget.0, prop.fset.0, prop.fdel.0);
    match name {
        "getter" => get = *f,
        "setter" => set = *f,
        "deleter" => del = *f,
        _ => return crate::methods::no_attribute(p, name),
    }
    Ok(new_property(get, set, del))
}

/// Frees the objects of this module's kinds.
///
/// # Safety
/// `w` must be a dead object of one of these kinds.
pub unsafe fn free(w: Word, k: u32) {
    // SAFETY: forwarded contract; each kind was allocated as a Box of its type.
    unsafe {
        match k {
            kind::INSTANCE => crate::free_instances::give_back(w),
            kind::PROPERTY => drop(Box::from_raw(w as *mut PropertyObj)),
            kind::CLASSMETHOD | kind::STATICMETHOD => drop(Box::from_raw(w as *mut WrapperObj)),
            kind::SUPER => drop(Box::from_raw(w as *mut SuperObj)),
            _ => crate::fatal("class::free of a foreign kind"),
        }
    }
}

// ---- operators ----

use crate::ops::{BinOp, CmpOp};

fn binop_names(op: BinOp) -> (&'static str, &'static str, &'static str) {
    match op {
        BinOp::Add => ("__add__", "__radd__", "__iadd__"),
        BinOp::Sub => ("__sub__", "__rsub__", "__isub__"),
        BinOp::Mul => ("__mul__", "__rmul__", "__imul__"),
        BinOp::TrueDiv => ("__truediv__", "__rtruediv__", "__itruediv__"),
        BinOp::FloorDiv => ("__floordiv__", "__rfloordiv__", "__ifloordiv__"),
        BinOp::Mod => ("__mod__", "__rmod__", "__imod__"),
        BinOp::Pow => ("__pow__", "__rpow__", "__ipow__"),
        BinOp::LShift => ("__lshift__", "__rlshift__", "__ilshift__"),
        BinOp::RShift => ("__rshift__", "__rrshift__", "__irshift__"),
        BinOp::And => ("__and__", "__rand__", "__iand__"),
        BinOp::Or => ("__or__", "__ror__", "__ior__"),
        BinOp::Xor => ("__xor__", "__rxor__", "__ixor__"),
    }
}

/// Runs a special method, treating `NotImplemented` (and a missing method) as `None`.
fn try_special(obj: Word, name: &'static str, args: &[Word]) -> PyResult<Option<Word>> {
    match call_special(obj, name, args) {
        None => Ok(None),
        Some(r) => {
            let r = r?;
            Ok((r != abi::NOT_IMPLEMENTED).then_some(r))
        }
    }
}

/// Whether `b`'s type is a proper subclass of `a`'s (its reflected method goes first).
fn reflected_first(a: Word, b: Word) -> bool {
    let (ta, tb) = (object::type_of(a), object::type_of(b));
    class_of(b).is_some() && !ta.same(tb) && tb.is_subtype(ta)
}

/// The special methods of `a OP b` (reflected ones included, a subclass's first);
/// `None` when all are missing or return `NotImplemented`.
fn user_binary(op: BinOp, a: Word, b: Word) -> PyResult<Option<Word>> {
    let (fwd, rev, _) = binop_names(op);
    let different = !object::type_of(a).same(object::type_of(b));
    let early = reflected_first(a, b) && has_special(b, rev);
    if early && let Some(r) = try_special(b, rev, &[a])? {
        return Ok(Some(r));
    }
    if let Some(r) = try_special(a, fwd, &[b])? {
        return Ok(Some(r));
    }
    if different && !early {
        return try_special(b, rev, &[a]);
    }
    Ok(None)
}

/// `a OP b` when either operand is a user object; `None` otherwise. Without a
/// special method, the builtin operand's own rules give the error (`str + x`
/// says "can only concatenate str").
pub fn binary_op(op: BinOp, a: Word, b: Word) -> Option<PyResult<Word>> {
    if class_of(a).is_none() && class_of(b).is_none() {
        return None;
    }
    Some(match user_binary(op, a, b) {
        Ok(Some(r)) => Ok(r),
        Ok(None) => crate::ops::sequence_op(op, a, b, false),
        Err(e) => Err(e),
    })
}

/// `a OP= b` when either operand is a user object: the in-place method, then the
/// binary ones; the error names `OP=`.
pub fn inplace_op(op: BinOp, a: Word, b: Word) -> Option<PyResult<Word>> {
    if class_of(a).is_none() && class_of(b).is_none() {
        return None;
    }
    let (_, _, name) = binop_names(op);
    Some((|| {
        if class_of(a).is_some()
            && let Some(r) = try_special(a, name, &[b])?
        {
            return Ok(r);
        }
        match user_binary(op, a, b)? {
            Some(r) => Ok(r),
            None => crate::ops::sequence_op(op, a, b, true),
        }
    })())
}

fn cmp_names(op: CmpOp) -> (&'static str, &'static str) {
    match op {
        CmpOp::Eq => ("__eq__", "__eq__"),
        CmpOp::Ne => ("__ne__", "__ne__"),
        CmpOp::Lt => ("__lt__", "__gt__"),
        CmpOp::Le => ("__le__", "__ge__"),
        CmpOp::Gt => ("__gt__", "__lt__"),
        CmpOp::Ge => ("__ge__", "__le__"),
    }
}

/// One side of a rich comparison; `object.__ne__` inverts `__eq__`.
fn compare_side(obj: Word, name: &'static str, other: Word) -> PyResult<Option<Word>> {
    if name == "__ne__" && !has_special(obj, "__ne__") {
        return match try_special(obj, "__eq__", &[other])? {
            Some(r) => {
                let r = Owned(r);
                Ok(Some(abi::bool_word(!crate::ops::truthy(r.0)?)))
            }
            None => Ok(None),
        };
    }
    try_special(obj, name, &[other])
}

/// `a OP b` for comparisons when either operand is a user object: the result of
/// the special method (any object), or identity for `==`/`!=`.
pub fn rich_compare(op: CmpOp, a: Word, b: Word) -> Option<PyResult<Word>> {
    if class_of(a).is_none() && class_of(b).is_none() {
        return None;
    }
    let (name, reflected) = cmp_names(op);
    Some((|| {
        let early = reflected_first(a, b);
        if early && let Some(r) = compare_side(b, reflected, a)? {
            return Ok(r);
        }
        if class_of(a).is_some()
            && let Some(r) = compare_side(a, name, b)?
        {
            return Ok(r);
        }
        if !early
            && class_of(b).is_some()
            && let Some(r) = compare_side(b, reflected, a)?
        {
            return Ok(r);
        }
        match op {
            CmpOp::Eq => Ok(abi::bool_word(a == b)),
            CmpOp::Ne => Ok(abi::bool_word(a != b)),
            _ => exc::type_error(format!(
                "'{}' not supported between instances of '{}' and '{}'",
                crate::ops::cmp_symbol(op),
                object::type_name(a),
                object::type_name(b)
            )),
        }
    })())
}

/// A unary special method (`__neg__`, `__abs__`, ...) of a user object.
pub fn unary(obj: Word, name: &'static str) -> Option<PyResult<Word>> {
    call_special(obj, name, &[])
}

/// `hash(obj)` for a user object.
pub fn hash(obj: Word) -> Option<PyResult<i64>> {
    let r = call_special(obj, "__hash__", &[])?;
    Some(r.and_then(|r| {
        let r = Owned(r);
        if crate::int::int_of(r.0).is_none() {
            return exc::type_error("__hash__ method should return an integer");
        }
        crate::ops::hash(r.0)
    }))
}

/// `repr(obj)` / `str(obj)` through the user object's method `name`; a result
/// that is not a str is a `TypeError` naming `caller` (`str()` reaching
/// `__repr__` through `object.__str__` names `__str__`, as CPython does).
pub fn to_text(obj: Word, name: &'static str, caller: &str) -> Option<PyResult<String>> {
    let r = call_special(obj, name, &[])?;
    Some(r.and_then(|r| {
        let r = Owned(r);
        match object::as_str(r.0) {
            Some(s) => Ok(s.value.clone()),
            None => exc::type_error(format!(
                "{caller} returned non-string (type {})",
                object::type_name(r.0)
            )),
        }
    }))
}

/// `bool(obj)` for a user object: `__bool__`, else `__len__`, else true.
pub fn truthy(obj: Word) -> Option<PyResult<bool>> {
    class_of(obj)?;
    if let Some(r) = call_special(obj, "__bool__", &[]) {
        return Some(r.and_then(|r| match r {
            abi::TRUE => Ok(true),
            abi::FALSE => Ok(false),
            other => {
                let t = object::type_name(other);
                object::decref(other);
                exc::type_error(format!("__bool__ should return bool, returned {t}"))
            }
        }));
    }
    if has_special(obj, "__len__") {
        return Some(length(obj)?.map(|n| n != 0));
    }
    Some(Ok(true))
}

/// `len(obj)` for a user object.
pub fn length(obj: Word) -> Option<PyResult<usize>> {
    let r = call_special(obj, "__len__", &[])?;
    Some(r.and_then(|r| {
        let r = Owned(r);
        let Some(i) = crate::int::int_of(r.0) else {
            return exc::type_error(format!(
                "'{}' object cannot be interpreted as an integer",
                object::type_name(r.0)
            ));
        };
        if i.is_negative() {
            return exc::value_error("__len__() should return >= 0");
        }
        match i {
            crate::int::Int::Small(n) => Ok(n as usize),
            crate::int::Int::Big(_) => {
                exc::overflow_error("cannot fit 'int' into an index-sized integer")
            }
        }
    }))
}

// ---- containers and iteration ----

fn type_error_of<T>(obj: Word, what: &str) -> PyResult<T> {
    exc::type_error(format!("'{}' object {what}", object::type_name(obj)))
}

/// `obj[key]` for a user object.
pub fn getitem(obj: Word, key: Word) -> Option<PyResult<Word>> {
    if let Some(c) = as_class(obj) {
        return Some(exc::type_error(format!(
            "type '{}' is not subscriptable",
            c.get().name
        )));
    }
    class_of(obj)?;
    Some(
        call_special(obj, "__getitem__", &[key])
            .unwrap_or_else(|| type_error_of(obj, "is not subscriptable")),
    )
}

pub fn setitem(obj: Word, key: Word, value: Word) -> Option<PyResult<()>> {
    class_of(obj)?;
    Some(
        call_special(obj, "__setitem__", &[key, value])
            .unwrap_or_else(|| type_error_of(obj, "does not support item assignment"))
            .map(object::decref),
    )
}

pub fn delitem(obj: Word, key: Word) -> Option<PyResult<()>> {
    class_of(obj)?;
    Some(
        call_special(obj, "__delitem__", &[key])
            .unwrap_or_else(|| type_error_of(obj, "doesn't support item deletion"))
            .map(object::decref),
    )
}

/// `item in obj` for a user object: `__contains__`, else iteration.
pub fn contains(obj: Word, item: Word) -> Option<PyResult<bool>> {
    class_of(obj)?;
    if let Some(r) = call_special(obj, "__contains__", &[item]) {
        return Some(r.and_then(|r| {
            let r = Owned(r);
            crate::ops::truthy(r.0)
        }));
    }
    if !has_special(obj, "__iter__") && !has_special(obj, "__getitem__") {
        return Some(exc::type_error(format!(
            "argument of type '{}' is not iterable",
            object::type_name(obj)
        )));
    }
    Some((|| {
        let it = Owned(crate::iter::iter(obj)?);
        loop {
            let x = crate::iter::next(it.0)?;
            if x == abi::STOP {
                return Ok(false);
            }
            let x = Owned(x);
            if crate::ops::equal(x.0, item)? {
                return Ok(true);
            }
        }
    })())
}

/// `iter(obj)` for a user object: `__iter__`, else the `__getitem__` protocol.
pub fn iter(obj: Word) -> Option<PyResult<Word>> {
    class_of(obj)?;
    if let Some(r) = call_special(obj, "__iter__", &[]) {
        return Some(r.and_then(|it| {
            if crate::iter::is_iterator(it) {
                Ok(it)
            } else {
                let t = object::type_name(it);
                object::decref(it);
                exc::type_error(format!("iter() returned non-iterator of type '{t}'"))
            }
        }));
    }
    if has_special(obj, "__getitem__") {
        return Some(Ok(object::new_iter(object::IterState::GetItem {
            obj: Owned::share(obj),
            index: 0,
        })));
    }
    Some(type_error_of(obj, "is not iterable"))
}

/// The next item of a user iterator, or `STOP` when `__next__` raised `StopIteration`.
pub fn next(obj: Word) -> Option<PyResult<Word>> {
    let r = call_special(obj, "__next__", &[])?;
    Some(match r {
        Err(e) if exc::pending_is(ExcType::StopIteration) => {
            let _ = e;
            exc::clear_pending();
            Ok(abi::STOP)
        }
        other => other,
    })
}
