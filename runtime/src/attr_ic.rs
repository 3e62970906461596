//! Inline caches of attribute sites, as CPython 3.11's specialized `LOAD_ATTR`,
//! `STORE_ATTR` and `LOAD_METHOD`: compiled code gives every `obj.name`,
//! `obj.name = v` and `obj.name(...)` a zeroed `AttrIc` of its own, which the first
//! lookup on an instance fills with the instance's class, the attribute cache's
//! version, the name's index in the class's instance layout and, for a method,
//! the function the class gives. While the class and the version are the same,
//! nothing about the name can have changed on the class (any change to any class
//! namespace or layout makes a new version), so a hit only reads the instance.
//!
//! Only plain instances (not user exceptions) are cached, and only names that
//! are immortal, as the attribute cache's. A hit does exactly what the full
//! lookup would; anything else takes the full lookup.

use skink_abi::{self as abi, Word, kind};

use crate::attrcache;
use crate::call::Kw;
use crate::class::{self, InstanceObj};
use crate::direct_methods::{self, DirectMethod};
use crate::exc::PyResult;
use crate::function;
use crate::object;

/// One site's cache, as compiled code lays it out: `ATTR_CACHE_WORDS` zeroed
/// words. It holds up to `WAYS` classes, as a method of a base class sees the
/// instances of its subclasses; a full cache replaces its entries in turn.
#[repr(C)]
pub struct AttrIc {
    /// The attribute cache's version the entries were filled at.
    version: u64,
    /// The entry the next fill replaces.
    next: u64,
    entries: [Entry; WAYS],
}

const WAYS: usize = 4;

const _: () = {
    use std::mem::{offset_of, size_of};
    assert!(size_of::<AttrIc>() == abi::ATTR_CACHE_WORDS * 8);
    assert!(offset_of!(AttrIc, version) == abi::ATTR_CACHE_VERSION_OFFSET as usize);
    let first = offset_of!(AttrIc, entries);
    assert!(first + offset_of!(Entry, class) == abi::ATTR_CACHE_CLASS_OFFSET as usize);
    assert!(first + offset_of!(Entry, slot) == abi::ATTR_CACHE_SLOT_OFFSET as usize);
    assert!(first + offset_of!(Entry, method) == abi::ATTR_CACHE_METHOD_OFFSET as usize);
    assert!(offset_of!(InstanceObj, class) == abi::INSTANCE_CLASS_OFFSET as usize);
    assert!(offset_of!(InstanceObj, attrs) == abi::INSTANCE_VALUES_OFFSET as usize);
    assert!(offset_of!(InstanceObj, attrs) + 8 == abi::INSTANCE_VALUES_LEN_OFFSET as usize);
};

#[repr(C)]
#[derive(Clone, Copy)]
struct Entry {
    /// The class of the instances it was filled for; 0 when empty.
    class: usize,
    /// The name's index in the class's instance layout, or `NO_SLOT`.
    slot: u64,
    /// For a method: the function the class gives (borrowed from its dict).
    method: Word,
}

const NO_SLOT: u64 = u64::MAX;

/// The instance `obj` and the entry filled for its class at this version.
#[inline]
fn hit<'a>(ic: &AttrIc, obj: Word) -> Option<(&'a mut InstanceObj, Entry)> {
    let inst = class::as_instance(obj)?;
    let entry = ic.entry(inst.class.0)?;
    Some((inst, entry))
}

/// Fills an entry of `ic` for `obj`'s class when `obj` is a plain instance and
/// the name's lookup can be cached: for a method (`want_method`), only when the
/// class gives a plain function, which a call may then call directly.
fn fill(ic: &mut AttrIc, obj: Word, name: Word, want_method: bool) -> PyResult<()> {
    let Some(inst) = class::as_instance(obj) else {
        return Ok(());
    };
    if !object::is_immortal(name) || object::as_str(name).is_none_or(|s| s.value == "__class__") {
        return Ok(());
    }
    let cls = inst.class;
    let found = class::find(cls, name)?;
    if found.attr.is_some_and(|a| class::as_property(a).is_some()) {
        return Ok(());
    }
    let method = match found.attr {
        Some(a) if want_method && function::as_function(a).is_some() => a,
        _ if want_method => return Ok(()),
        _ => abi::NULL,
    };
    ic.take_entry(Entry {
        class: cls.0,
        slot: found.slot.map_or(NO_SLOT, |i| i as u64),
        method,
    });
    Ok(())
}

impl AttrIc {
    /// The entry of `class` (or of a builtin kind's key), when filled at the
    /// current version.
    #[inline]
    fn entry(&self, class: usize) -> Option<Entry> {
        if self.version != attrcache::version() {
            return None;
        }
        self.entries.iter().find(|e| e.class == class).copied()
    }

    /// Records `entry` at the current version, in turn with the others.
    fn take_entry(&mut self, entry: Entry) {
        let version = attrcache::version();
        if self.version != version {
            *self = AttrIc {
                version,
                next: 0,
                entries: [EMPTY; WAYS],
            };
        }
        let way = self.next as usize % WAYS;
        self.next = self.next.wrapping_add(1);
        self.entries[way] = entry;
    }
}

const EMPTY: Entry = Entry {
    class: 0,
    slot: NO_SLOT,
    method: abi::NULL,
};

/// `module.name` (a new reference) of the module `module` (the word `m`),
/// through the site's cache when there is one. A module's names never change
/// once it is made (the compiler rejects stores to them), and modules live
/// forever, so the module's address is a key no class can have and what the
/// site found once is the value for good.
pub fn module_attr(
    ic: Option<&mut AttrIc>,
    m: Word,
    module: &crate::modules::ModuleObj,
    name: Word,
) -> PyResult<Word> {
    let Some(ic) = ic else {
        return crate::modules::getattr(module, name);
    };
    if let Some(e) = ic.entry(m as usize) {
        object::incref(e.method);
        return Ok(e.method);
    }
    let v = crate::modules::getattr(module, name)?;
    ic.take_entry(Entry {
        class: m as usize,
        slot: NO_SLOT,
        method: v,
    });
    Ok(v)
}

/// `obj.name`.
pub fn getattr(ic: &mut AttrIc, obj: Word, name: Word) -> Option<PyResult<Word>> {
    if let Some((inst, e)) = hit(ic, obj)
        && let Some(v) = usize::try_from(e.slot).ok().and_then(|i| inst.attrs.at(i))
    {
        object::incref(v);
        return Some(Ok(v));
    }
    let r = class::getattr(obj, name)?;
    if r.is_ok() {
        // The value was found; filling cannot fail where the lookup did not.
        let _ = fill(ic, obj, name, false);
    }
    Some(r)
}

/// `obj.name = value`.
pub fn setattr(ic: &mut AttrIc, obj: Word, name: Word, value: Word) -> PyResult<()> {
    if let Some((inst, e)) = hit(ic, obj)
        && e.slot != NO_SLOT
    {
        inst.attrs.set_at(e.slot as usize, value);
        return Ok(());
    }
    class::setattr(obj, name, value)?;
    // After the store: a new name has grown the layout (a new version).
    fill(ic, obj, name, false)
}

/// The function `obj.name(...)` calls when the cache knows it: the class gives
/// a plain function and the instance has no attribute of that name.
#[inline]
pub fn cached_method(ic: &AttrIc, obj: Word) -> Option<Word> {
    let (inst, e) = hit(ic, obj)?;
    if e.method == abi::NULL {
        return None;
    }
    let shadowed = match usize::try_from(e.slot) {
        Ok(i) => inst.attrs.at(i).is_some(),
        Err(_) => inst.attrs.has_extra(),
    };
    (!shadowed).then_some(e.method)
}

/// The direct function for the builtin method `name` of `obj` (a plain str, list,
/// dict, set, tuple or bytes) at this site, found by name at the site's first
/// call on that kind and remembered (see `direct_methods`).
pub fn builtin_method(ic: &mut AttrIc, obj: Word, name: &str) -> Option<DirectMethod> {
    let key = builtin_key(obj)?;
    // A list subclass's instance is a list whose class may override the method.
    if crate::class::subclass_of(obj).is_some() {
        return None;
    }
    if let Some(e) = ic.entry(key) {
        if e.method == abi::NULL {
            return None;
        }
        // SAFETY: builtin keys' entries hold `DirectMethod`s (filled below).
        return Some(unsafe { std::mem::transmute::<usize, DirectMethod>(e.method as usize) });
    }
    let f = direct_methods::find(object::type_of(obj), name);
    ic.take_entry(Entry {
        class: key,
        slot: NO_SLOT,
        method: f.map_or(abi::NULL, |f| f as usize as Word),
    });
    f
}

/// The key a builtin container or str takes in a site's entries in place of a
/// class: odd multiples of 8, which no class address (16-aligned) can be. Their
/// methods are fixed tables, so a name found once is there for good.
fn builtin_key(obj: Word) -> Option<usize> {
    match object::heap_kind(obj)? {
        k @ (kind::STR
        | kind::TUPLE
        | kind::LIST
        | kind::DICT
        | kind::SET
        | kind::FROZENSET
        | kind::BYTES) => Some(((k as usize) << 4) | 8),
        _ => None,
    }
}

/// The method check of a builtin container or str at a cached site: it passes
/// when the site has seen the name on this kind before; else `check` (the full
/// check) runs, and a success is remembered.
pub fn check_builtin_method(
    ic: &mut AttrIc,
    obj: Word,
    check: impl FnOnce() -> PyResult<()>,
) -> PyResult<()> {
    let Some(key) = builtin_key(obj) else {
        return check();
    };
    if ic.entry(key).is_some() {
        return Ok(());
    }
    check()?;
    ic.take_entry(Entry {
        class: key,
        ..EMPTY
    });
    Ok(())
}

/// Raises `AttributeError` now when `obj.name` cannot exist (see `class::check_method`).
pub fn check_method(ic: &mut AttrIc, obj: Word, name: Word) -> PyResult<()> {
    // The class gives a function: the attribute exists, shadowed or not.
    if hit(ic, obj).is_some_and(|(_, e)| e.method != abi::NULL) {
        return Ok(());
    }
    class::check_method(obj, name)?;
    fill(ic, obj, name, true)
}

/// `obj.name(*args, **kw)` for user objects (calls with keywords, and those the
/// caller's `cached_method` did not know).
pub fn call_method(
    ic: &mut AttrIc,
    obj: Word,
    name: Word,
    args: &[Word],
    kw: &Kw,
) -> PyResult<Word> {
    if let Some(f) = cached_method(ic, obj) {
        return function::call_function_on(f, obj, args, kw);
    }
    fill(ic, obj, name, true)?;
    class::call_method_word(obj, name, args, kw)
}
