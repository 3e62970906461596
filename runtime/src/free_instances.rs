//! Reuse of freed instances of user classes: a program that makes a small
//! object per step (`Vec(x + o.x, y + o.y)`) otherwise allocates and frees two
//! blocks for each, the instance and its attribute values. A kept instance
//! keeps its values' buffer (all NULL, up to `KEPT_VALUES` words), so a new
//! instance whose class's layout fits it allocates nothing.

use skink_abi::Word;
use skink_abi::kind;

use crate::class::{ClassRef, InstanceObj};
use crate::instance_attrs::Attrs;
use crate::object;
use crate::pool::Pool;

/// How many freed instances are kept; more go back to the allocator.
const CAPACITY: usize = 128;
/// The most value words a kept instance's buffer may hold.
const KEPT_VALUES: usize = 16;

thread_local! {
    /// Kept instances: unreachable `InstanceObj`s without attribute values.
    static KEPT: Pool = const { Pool::new(CAPACITY) };
}

/// A new instance of `cls` without attributes, with room for the values of
/// `names` names.
pub fn new_instance(cls: ClassRef, names: usize) -> Word {
    if let Some(w) = KEPT.with(Pool::take) {
        // SAFETY: kept words are instances this module owns, unreachable from
        // elsewhere, whose values are all NULL.
        let inst = unsafe { &mut *(w as *mut InstanceObj) };
        inst.header = object::header(kind::INSTANCE);
        inst.class = cls;
        inst.attrs.reserve_names(names);
        return w;
    }
    let mut attrs = Attrs::default();
    attrs.reserve_names(names);
    object::into_word(Box::new(InstanceObj {
        header: object::header(kind::INSTANCE),
        class: cls,
        attrs,
    }))
}

/// Frees an instance whose count reached zero, releasing its attribute values,
/// and keeps it for reuse when there is room.
///
/// # Safety
/// `w` is an instance (allocated as a `Box<InstanceObj>`) that no one refers to.
pub unsafe fn give_back(w: Word) {
    // SAFETY: guaranteed by the caller.
    let inst = unsafe { &mut *(w as *mut InstanceObj) };
    // Releasing the values can free other instances, which come back here: the
    // values are taken out first, and nothing is borrowed meanwhile.
    let mut attrs = std::mem::take(&mut inst.attrs);
    attrs.release(KEPT_VALUES);
    // SAFETY: as above; the values released no reference to `w`.
    let inst = unsafe { &mut *(w as *mut InstanceObj) };
    inst.attrs = attrs;
    if KEPT.with(|kept| kept.keep(w)) {
        return;
    }
    // SAFETY: guaranteed by the caller.
    drop(unsafe { Box::from_raw(w as *mut InstanceObj) });
}

/// Frees every kept instance (at program exit).
pub fn release_all() {
    for w in KEPT.with(Pool::drain) {
        // SAFETY: kept words are unreachable instances this module owns,
        // allocated as `Box<InstanceObj>`.
        drop(unsafe { Box::from_raw(w as *mut InstanceObj) });
    }
}
