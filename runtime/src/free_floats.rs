//! Float objects: allocated in chunks and reused, as CPython's float free list
//! and its small-object allocator do. Float arithmetic on values the compiler
//! could not unbox makes and drops one object per operation, and malloc plus
//! free were half of pyperformance's nbody; a program that keeps many floats
//! (pyperformance's float holds 300,000) made malloc take a slow path for each.
//! A freed float always goes back on the list, so memory for floats stays at
//! the most ever alive at once, and is reused only for floats.
//!
//! In a compiled program the list's head is a process-wide symbol
//! (`abi::FLOAT_FREE_SYMBOL`): compiled code boxing a float takes the first kept
//! one inline, as `take` does (a program runs on one thread; the atomics compile
//! to plain loads and stores). Only the runtime gives floats back. Elsewhere
//! (the MIR interpreter, tests), where several threads may use the runtime at
//! once, each thread keeps a list of its own.
//!
//! `SKINK_MALLOC=malloc` in the environment turns chunks and reuse off, so that
//! valgrind sees every float allocated and freed on its own (CPython's
//! `PYTHONMALLOC=malloc` is the precedent).

use std::alloc::Layout;
use std::cell::{Cell, RefCell};
use std::sync::atomic::{AtomicBool, AtomicPtr, Ordering};

use skink_abi::{ObjHeader, Word};

use crate::object::FloatObj;

/// Floats per chunk: 24 KiB, below malloc's threshold for a mapping of its own.
const CHUNK: usize = 1024;

/// The first kept float (NULL when none); each links to the next through its
/// `value` field.
#[unsafe(no_mangle)]
pub static skink_float_free: AtomicPtr<FloatObj> = AtomicPtr::new(std::ptr::null_mut());

/// Whether the list is `skink_float_free` (a compiled program) or the thread's.
static PROCESS_WIDE: AtomicBool = AtomicBool::new(false);

thread_local! {
    static THREAD_HEAD: Cell<*mut FloatObj> = const { Cell::new(std::ptr::null_mut()) };
    /// Every chunk allocated, to be freed at exit.
    static CHUNKS: RefCell<Vec<*mut FloatObj>> = const { RefCell::new(Vec::new()) };
}

fn chunk_layout() -> Layout {
    Layout::array::<FloatObj>(CHUNK).expect("a chunk of floats fits in memory")
}

/// Makes the list process-wide, where compiled code finds it (`skink_main`
/// does, before any float exists, unless `SKINK_MALLOC=malloc` turned reuse off).
pub fn use_process_wide_list() {
    PROCESS_WIDE.store(true, Ordering::Relaxed);
}

fn head() -> *mut FloatObj {
    if PROCESS_WIDE.load(Ordering::Relaxed) {
        skink_float_free.load(Ordering::Relaxed)
    } else {
        THREAD_HEAD.with(Cell::get)
    }
}

fn set_head(obj: *mut FloatObj) {
    if PROCESS_WIDE.load(Ordering::Relaxed) {
        skink_float_free.store(obj, Ordering::Relaxed);
    } else {
        THREAD_HEAD.with(|h| h.set(obj));
    }
}

/// Pushes `obj`, a float no one refers to, on the kept list.
fn push(obj: *mut FloatObj) {
    if PROCESS_WIDE.load(Ordering::Relaxed) {
        push_process_wide(obj);
    } else {
        THREAD_HEAD.with(|h| {
            link(obj, h.get());
            h.set(obj);
        });
    }
}

/// `push` on a compiled program's list, which `give_back` calls without the
/// thread-local access the other list needs: every float freed comes here.
fn push_process_wide(obj: *mut FloatObj) {
    link(obj, skink_float_free.load(Ordering::Relaxed));
    skink_float_free.store(obj, Ordering::Relaxed);
}

/// Makes `next` the kept float after `obj`.
fn link(obj: *mut FloatObj, next: *mut FloatObj) {
    // SAFETY: `obj` is an unreachable float of this module; its value field
    // holds the link.
    unsafe { (*obj).value = f64::from_bits(next as u64) };
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
    let head = head();
    let reused = (!head.is_null()).then(|| {
        // SAFETY: kept objects are unreachable floats this module owns; the next
        // link was stored in the value field by `push`.
        let next = unsafe { (*head).value.to_bits() } as *mut FloatObj;
        set_head(next);
        head
    });
    let obj = match reused {
        Some(obj) => obj,
        None if crate::pool::enabled() => new_chunk(),
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
    if PROCESS_WIDE.load(Ordering::Relaxed) {
        // A compiled program's list, never off: no thread-local test.
        push_process_wide(obj);
    } else if crate::pool::enabled() {
        push(obj);
    } else {
        // SAFETY: guaranteed by the caller; with reuse off `take` boxed it.
        drop(unsafe { Box::from_raw(obj) });
    }
}

/// How many floats are kept (a walk of the list, made once at exit).
fn kept_count() -> usize {
    let mut n = 0;
    let mut at = head();
    while !at.is_null() {
        n += 1;
        // SAFETY: as in `take`: each kept float links to the next.
        at = unsafe { (*at).value.to_bits() } as *mut FloatObj;
    }
    n
}

/// Frees the chunks at program exit, when every float in them is back (a
/// float still referred to keeps them all, reachable, to the end).
pub fn release_all() {
    let chunks = CHUNKS.with(|c| c.borrow().len());
    if kept_count() != chunks * CHUNK {
        return;
    }
    set_head(std::ptr::null_mut());
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
        assert_eq!(kept_count(), 0, "every chunk is freed");
        assert!(CHUNKS.with(|c| c.borrow().is_empty()));
    }
}
