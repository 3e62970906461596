//! Reuse of freed float objects, as CPython's float free list does: float
//! arithmetic on values the compiler could not unbox makes and drops one object per
//! operation, and malloc plus free were half of pyperformance's nbody.
//!
//! `SKINK_MALLOC=malloc` in the environment turns reuse off, so that valgrind sees
//! every float freed (CPython's `PYTHONMALLOC=malloc` is the precedent).

use std::cell::Cell;

use skink_abi::{ObjHeader, Word};

use crate::object::FloatObj;

/// How many freed floats are kept; more go back to the allocator.
const CAPACITY: u32 = 256;

thread_local! {
    /// The kept floats, linked through their `value` field, and how many there are.
    static KEPT: Cell<(*mut FloatObj, u32)> = const { Cell::new((std::ptr::null_mut(), 0)) };
    static ENABLED: Cell<bool> = const { Cell::new(true) };
}

/// Whether freed objects are kept (`skink_main` decides, from `SKINK_MALLOC`).
pub fn set_enabled(enabled: bool) {
    ENABLED.with(|e| e.set(enabled));
}

/// A float object with a count of 1: a kept one when there is one.
pub fn take(header: ObjHeader, value: f64) -> Word {
    let reused = KEPT.with(|kept| {
        let (head, n) = kept.get();
        if head.is_null() {
            return None;
        }
        // SAFETY: kept objects are unreachable floats this module owns; the next
        // link was stored in the value field by `give_back`.
        let next = unsafe { (*head).value.to_bits() } as *mut FloatObj;
        kept.set((next, n - 1));
        Some(head)
    });
    match reused {
        Some(obj) => {
            // SAFETY: `obj` is a kept, properly allocated FloatObj no one refers to.
            unsafe { obj.write(FloatObj { header, value }) };
            obj as Word
        }
        None => Box::into_raw(Box::new(FloatObj { header, value })) as Word,
    }
}

/// Frees a float whose count reached zero, keeping it for reuse when there is room.
///
/// # Safety
/// `w` is a float object allocated by `take` (or as a `Box<FloatObj>`) that no one
/// refers to any more.
pub unsafe fn give_back(w: Word) {
    let obj = w as *mut FloatObj;
    let kept_it = KEPT.with(|kept| {
        let (head, n) = kept.get();
        if n >= CAPACITY || !ENABLED.with(Cell::get) {
            return false;
        }
        // SAFETY: guaranteed by the caller; the object is ours now.
        unsafe { (*obj).value = f64::from_bits(head as u64) };
        kept.set((obj, n + 1));
        true
    });
    if !kept_it {
        // SAFETY: guaranteed by the caller.
        drop(unsafe { Box::from_raw(obj) });
    }
}

/// Frees every kept float (at program exit).
pub fn release_all() {
    let (mut head, _) = KEPT.with(|kept| kept.replace((std::ptr::null_mut(), 0)));
    while !head.is_null() {
        // SAFETY: kept objects are unreachable floats this module owns, linked
        // through their value field.
        let next = unsafe { (*head).value.to_bits() } as *mut FloatObj;
        // SAFETY: as above; each was allocated as a `Box<FloatObj>`.
        drop(unsafe { Box::from_raw(head) });
        head = next;
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::object;

    #[test]
    fn a_kept_float_is_reused_with_its_new_value() {
        let first = object::new_float(1.5);
        object::decref(first);
        let second = object::new_float(-0.0);
        assert_eq!(second, first, "the kept float is reused");
        assert_eq!(
            object::as_float(second).map(f64::to_bits),
            Some((-0.0f64).to_bits())
        );
        assert_eq!(object::refcount(second), 1);
        object::decref(second);
        release_all();
        assert_eq!(KEPT.with(Cell::get).1, 0);
    }
}
