//! The allocator of compiled programs: the C library's `malloc` behind a
//! per-thread cache of freed small blocks, one list per 16-byte size class.
//!
//! Programs that live in strs, dicts and lists free millions of small blocks
//! (a str's text, a dict's table, a list's items). glibc keeps only seven
//! freed blocks of a size in its per-thread cache; past that each `free` takes
//! its general path, about 70 instructions, and the text-heavy bench programs
//! spent a quarter of their instructions there. Here a freed small block is
//! pushed on its class's list (its first word links the list) and the next
//! request of the class pops it. mimalloc, the crate made for the whole job,
//! was measured before this and made the pyperformance programs 10-30%
//! slower, so the C library stays underneath.
//!
//! A small block is always allocated with its class's full size, so that any
//! block on a class's list serves any request of the class. `SKINK_MALLOC=malloc`
//! turns the caching of freed blocks off (`set_enabled`), as for the object
//! pools, so that leak checkers see every block freed.
//!
//! Only the runtime library programs link uses it (feature `program`);
//! the compiler and the MIR interpreter, which link the runtime as a Rust
//! library, keep the default allocator.

use std::alloc::{GlobalAlloc, Layout, System};
use std::cell::Cell;
use std::ptr;

/// The width of a size class, which is also the alignment every block has.
const CLASS_BYTES: usize = 16;
/// Blocks of up to this many bytes are cached.
const LARGEST_CACHED: usize = 256;
const CLASSES: usize = LARGEST_CACHED / CLASS_BYTES;
/// Freed blocks kept per class: enough for a loop's worth of temporaries,
/// at most 2 MB for the largest class.
const KEPT_PER_CLASS: u32 = 8192;

#[derive(Clone, Copy)]
struct FreeList {
    head: *mut u8,
    len: u32,
}

const EMPTY: FreeList = FreeList {
    head: ptr::null_mut(),
    len: 0,
};

thread_local! {
    // Constant-initialized and without destructors: safe to reach from an
    // allocator, which must not allocate or register anything itself.
    static LISTS: Cell<[FreeList; CLASSES]> = const { Cell::new([EMPTY; CLASSES]) };
    static ENABLED: Cell<bool> = const { Cell::new(true) };
}

/// Whether freed small blocks are kept (`SKINK_MALLOC=malloc` turns it off).
pub fn set_enabled(enabled: bool) {
    ENABLED.with(|e| e.set(enabled));
    if !enabled {
        release_all();
    }
}

/// The size class of a request the cache serves, if it does.
#[inline]
fn class_of(layout: Layout) -> Option<usize> {
    let size = layout.size();
    (size != 0 && size <= LARGEST_CACHED && layout.align() <= CLASS_BYTES)
        .then(|| (size - 1) / CLASS_BYTES)
}

#[inline]
fn class_layout(class: usize) -> Layout {
    // SAFETY: a nonzero multiple of 16 with alignment 16.
    unsafe { Layout::from_size_align_unchecked((class + 1) * CLASS_BYTES, CLASS_BYTES) }
}

/// Gives every kept block back to the C library (at program exit, so that leak
/// checkers see none held).
pub fn release_all() {
    let lists = LISTS.with(|l| l.replace([EMPTY; CLASSES]));
    for (class, list) in lists.iter().enumerate() {
        let mut block = list.head;
        while !block.is_null() {
            // SAFETY: a kept block's first word links the next one.
            let next = unsafe { *(block as *mut *mut u8) };
            // SAFETY: kept blocks were allocated by `System` with the class layout.
            unsafe { System.dealloc(block, class_layout(class)) };
            block = next;
        }
    }
}

/// A kept block of `class`, or NULL when its list is empty.
#[inline(always)]
fn pop(class: usize) -> *mut u8 {
    LISTS.with(|l| {
        // SAFETY: the lists are this thread's own; no reference escapes.
        let lists = unsafe { &mut *l.as_ptr() };
        let list = &mut lists[class];
        let block = list.head;
        if !block.is_null() {
            // SAFETY: a kept block's first word links the next one.
            list.head = unsafe { *(block as *mut *mut u8) };
            list.len -= 1;
        }
        block
    })
}

/// Keeps `block` of `class` when keeping is on and its list has room.
#[inline(always)]
fn push(class: usize, block: *mut u8) -> bool {
    ENABLED.with(Cell::get)
        && LISTS.with(|l| {
            // SAFETY: the lists are this thread's own; no reference escapes.
            let lists = unsafe { &mut *l.as_ptr() };
            let list = &mut lists[class];
            if list.len == KEPT_PER_CLASS {
                return false;
            }
            // SAFETY: the block is at least 16 bytes and no longer used.
            unsafe { *(block as *mut *mut u8) = list.head };
            list.head = block;
            list.len += 1;
            true
        })
}

/// A request the lists did not serve: the C library's.
#[cold]
#[inline(never)]
fn alloc_from_system(layout: Layout) -> *mut u8 {
    let layout = class_of(layout).map_or(layout, class_layout);
    // SAFETY: a valid nonzero layout (the allocator is never asked for zero bytes).
    unsafe { System.alloc(layout) }
}

/// A block the lists do not keep: back to the C library.
#[cold]
#[inline(never)]
fn dealloc_to_system(block: *mut u8, layout: Layout) {
    let layout = class_of(layout).map_or(layout, class_layout);
    // SAFETY: allocated by `System` with this layout (`alloc_from_system`).
    unsafe { System.dealloc(block, layout) }
}

/// The program allocator (see the module documentation). Only the lists'
/// fast paths are inlined where Rust code allocates; everything else is a
/// call, so that allocation sites stay small.
pub struct BlockCache;

// SAFETY: small blocks come from `System` with their class's layout, which
// covers any request of the class and its alignment; a block is on a list only
// while no one else holds it.
unsafe impl GlobalAlloc for BlockCache {
    #[inline]
    unsafe fn alloc(&self, layout: Layout) -> *mut u8 {
        if let Some(class) = class_of(layout) {
            let block = pop(class);
            if !block.is_null() {
                return block;
            }
        }
        alloc_from_system(layout)
    }

    #[inline]
    unsafe fn dealloc(&self, block: *mut u8, layout: Layout) {
        if let Some(class) = class_of(layout)
            && push(class, block)
        {
            return;
        }
        dealloc_to_system(block, layout)
    }

    #[inline(never)]
    unsafe fn realloc(&self, block: *mut u8, layout: Layout, new_size: usize) -> *mut u8 {
        // SAFETY: the caller guarantees a valid layout for the new size.
        let new_layout = unsafe { Layout::from_size_align_unchecked(new_size, layout.align()) };
        match (class_of(layout), class_of(new_layout)) {
            // Neither cached: the C library's own `realloc`.
            // SAFETY: forwarded contract.
            (None, None) => unsafe { System.realloc(block, layout, new_size) },
            // The same class: the block already has the room.
            (Some(old), Some(new)) if old == new => block,
            _ => {
                // SAFETY: forwarded contract; the copy covers the smaller size.
                unsafe {
                    let moved = self.alloc(new_layout);
                    if !moved.is_null() {
                        ptr::copy_nonoverlapping(block, moved, layout.size().min(new_size));
                        self.dealloc(block, layout);
                    }
                    moved
                }
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_freed_block_serves_the_next_request_of_its_class_only() {
        let cache = BlockCache;
        let small = Layout::from_size_align(20, 8).unwrap();
        let same_class = Layout::from_size_align(32, 16).unwrap();
        let other_class = Layout::from_size_align(33, 8).unwrap();
        // SAFETY: layouts are valid; every block is freed with its own layout.
        unsafe {
            let a = cache.alloc(small);
            cache.dealloc(a, small);
            let b = cache.alloc(same_class);
            assert_eq!(a, b, "a block of the class comes back");
            let c = cache.alloc(other_class);
            assert_ne!(b, c);
            // Growing within the class keeps the block; past it moves the bytes.
            *b = 7;
            let grown = cache.realloc(b, same_class, 30);
            assert_eq!(grown, b);
            let moved = cache.realloc(grown, Layout::from_size_align(30, 16).unwrap(), 100);
            assert_eq!(*moved, 7);
            cache.dealloc(moved, Layout::from_size_align(100, 16).unwrap());
            cache.dealloc(c, other_class);
        }
        release_all();
    }
}
