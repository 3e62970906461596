//! The type attribute cache, as CPython's: the result of looking a name up along
//! a class's MRO, by (class, name object), so that `self.x` and `obj.method()`
//! do not search every dict of the MRO each time. Any change to any class's
//! namespace bumps one version number, which invalidates every entry: classes
//! are changed while a program sets itself up, hardly ever after.
//!
//! A cached value is borrowed from the class dict that holds it, which no change
//! can touch without bumping the version. Only immortal names are cached (the
//! attribute names of the program's code and the runtime's interned ones), so
//! no other str can ever take a cached name's address, and the cache owns
//! nothing that would have to be released at exit.
//!
//! An entry also holds the name's index in the class's instance layout
//! (`instance_attrs`), which a growing layout invalidates by the same version.

use std::cell::RefCell;
use std::sync::atomic::{AtomicU64, Ordering};

use skink_abi::{self as abi, Word};

use crate::object;

const SIZE: usize = 4096;

#[derive(Clone, Copy)]
struct Entry {
    class: usize,
    /// An immortal str; NULL for an empty entry.
    name: Word,
    version: u64,
    /// The attribute found (borrowed), or NULL when the MRO has none.
    value: Word,
    /// The name's index in the class's instance layout, or `NO_SLOT`.
    slot: u32,
}

const NO_SLOT: u32 = u32::MAX;

/// What is known of a name on a class: the attribute its MRO gives (borrowed)
/// and the name's index in the layout of its instances.
#[derive(Clone, Copy)]
pub struct Found {
    pub attr: Option<Word>,
    pub slot: Option<usize>,
}

const EMPTY: Entry = Entry {
    class: 0,
    name: abi::NULL,
    version: 0,
    value: abi::NULL,
    slot: NO_SLOT,
};

thread_local! {
    static ENTRIES: RefCell<Vec<Entry>> = const { RefCell::new(Vec::new()) };
}

/// The version entries are valid at (`abi::ATTR_VERSION_SYMBOL`): compiled code
/// reads it inline to check its sites' caches. Threads (only tests have several)
/// share it, which can only invalidate more.
#[unsafe(no_mangle)]
#[allow(non_upper_case_globals)]
pub static skink_attr_version: AtomicU64 = AtomicU64::new(1);

fn slot(class: usize, name: Word) -> usize {
    // Objects are 16-byte aligned: drop the bits that are always zero.
    ((class >> 4) ^ (name as usize >> 4).wrapping_mul(0x9e37_79b9)) % SIZE
}

/// The cached lookup of `name` on `class`, `None` when nothing is cached.
#[inline]
pub fn get(class: usize, name: Word) -> Option<Found> {
    let version = version();
    ENTRIES.with(|e| {
        let e = e.borrow();
        let entry = e.get(slot(class, name))?;
        (entry.class == class && entry.name == name && entry.version == version).then(|| Found {
            attr: (entry.value != abi::NULL).then_some(entry.value),
            slot: (entry.slot != NO_SLOT).then_some(entry.slot as usize),
        })
    })
}

/// Records the lookup of `name` on `class`, when the name is immortal.
pub fn put(class: usize, name: Word, found: Found) {
    if !object::is_immortal(name) {
        return;
    }
    let version = version();
    ENTRIES.with(|e| {
        let mut e = e.borrow_mut();
        if e.is_empty() {
            e.resize(SIZE, EMPTY);
        }
        e[slot(class, name)] = Entry {
            class,
            name,
            version,
            value: found.attr.unwrap_or(abi::NULL),
            slot: found.slot.map_or(NO_SLOT, |i| i as u32),
        };
    });
}

/// The version entries are valid at: any change to a class namespace or an
/// instance layout makes a new one.
#[inline]
pub fn version() -> u64 {
    skink_attr_version.load(Ordering::Relaxed)
}

/// Invalidates every entry: a class namespace or an instance layout changed.
pub fn class_changed() {
    skink_attr_version.fetch_add(1, Ordering::Relaxed);
}
