//! Float objects: allocated in chunks and reused, as CPython's float free list
//! and its small-object allocator do. Float arithmetic on values the compiler
//! could not unbox makes and drops one object per operation, and malloc plus
//! free were half of pyperformance's nbody; a program that keeps many floats
//! (pyperformance's float holds 300,000) made malloc take a slow path for each.
//! A freed float always goes back on the list, so memory for floats stays at
//! the most ever alive at once, and is reused only for floats.
//!
//! `SKINK_MALLOC=malloc` in the environment turns chunks and reuse off, so that
//! valgrind sees every float allocated and freed on its own (CPython's
//! `PYTHONMALLOC=malloc` is the precedent).

use std::alloc::Layout;
use std::cell::{Cell, RefCell};

use skink_abi::{ObjHeader, Word};

use crate::object::FloatObj;

/// Floats per chunk: 24 KiB, below malloc's threshold for a mapping of its own.
const CHUNK: usize = 1024;

thread_local! {
    /// The kept floats, linked through their `value` field, and how many there are.
    static KEPT: Cell<(*mut FloatObj, usize)> = const { Cell::new((std::ptr::null_mut(), 0)) };
    /// Every chunk allocated, to be freed at exit.
    static CHUNKS: RefCell<Vec<*mut FloatObj>> = const { RefCell::new(Vec::new()) };
    static ENABLED: Cell<bool> = const { Cell::new(true) };
}

fn chunk_layout() -> Layout {
    Layout::array::<FloatObj>(CHUNK).expect("a chunk of floats fits in memory")
}

/// Whether floats come from chunks and are kept (`skink_main` decides, from
/// `SKINK_MALLOC`, before any float exists).
pub fn set_enabled(enabled: bool) {
    ENABLED.with(|e| e.set(enabled));
}

/// Pushes `obj`, a float no one refers to, on the kept list.
fn push(obj: *mut FloatObj) {
    KEPT.with(|kept| {
        let (head, n) = kept.get();
        // SAFETY: the object is unreachable and ours; its value field holds the link.
        unsafe { (*obj).value = f64::from_bits(head as u64) };
        kept.set((obj, n + 1));
    });
}

/// Allocates a chunk and keeps all its floats but the first, which it returns.
#[cold]
fn new_chunk() -> *mut FloatObj {
    let layout = chunk_layout();
    // SAFETY: the layout has a nonzero size.
    let chunk = unsafe { std::alloc::alloc(layout) } as *mut FloatObj;
    if chunk.is_null() {
        std::alloc::handle_alloc_error(layout);
    }
    CHUNKS.with(|c| c.borrow_mut().push(chunk));
    for i in (1..CHUNK).rev() {
        // SAFETY: `i` is within the chunk.
        push(unsafe { chunk.add(i) });
    }
    chunk
}

/// A float object with a count of 1: a kept one when there is one.
pub fn take(header: ObjHeader, value: f64) -> Word {
    let reused = KEPT.with(|kept| {
        let (head, n) = kept.get();
        if head.is_null() {
            return None;
        }
        // SAFETY: kept objects are unreachable floats this module owns; the next
        // link was stored in the value field by `push`.
        let next = unsafe { (*head).value.to_bits() } as *mut FloatObj;
        kept.set((next, n - 1));
        Some(head)
    });
    let obj = match reused {
        Some(obj) => obj,
        None if ENABLED.with(Cell::get) => new_chunk(),
        None => return Box::into_raw(Box::new(FloatObj { header, value })) as Word,
    };
    // SAFETY: `obj` is a kept or new float slot no one refers to.
    unsafe { obj.write(FloatObj { header, value }) };
    obj as Word
}

/// Frees a float whose count reached zero: back on the list, or to the
/// allocator when reuse is off.
///
/// # Safety
/// `w` is a float object allocated by `take` that no one refers to any more.
pub unsafe fn give_back(w: Word) {
    let obj = w as *mut FloatObj;
    if ENABLED.with(Cell::get) {
        push(obj);
    } else {
        // SAFETY: guaranteed by the caller; with reuse off `take` boxed it.
        drop(unsafe { Box::from_raw(obj) });
    }
}

/// Frees the chunks at program exit, when every float in them is back (a
/// float still referred to keeps them all, reachable, to the end).
pub fn release_all() {
    let chunks = CHUNKS.with(|c| c.borrow().len());
    if KEPT.with(Cell::get).1 != chunks * CHUNK {
        return;
    }
    KEPT.with(|kept| kept.set((std::ptr::null_mut(), 0)));
    for chunk in CHUNKS.with(|c| std::mem::take(&mut *c.borrow_mut())) {
        // SAFETY: each chunk was allocated with this layout and no float in it
        // is referred to.
        unsafe { std::alloc::dealloc(chunk as *mut u8, chunk_layout()) };
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
        assert_eq!(KEPT.with(Cell::get).1, 0, "every chunk is freed");
        assert!(CHUNKS.with(|c| c.borrow().is_empty()));
    }
}
