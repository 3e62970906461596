//! The allocator of compiled programs: small blocks from per-thread lists of
//! freed blocks, one per 16-byte size class, filled from slabs; everything
//! else from the C library's `malloc`.
//!
//! Programs that live in strs, dicts and lists allocate and free millions of
//! small blocks (a str's text, a dict's table, a list's items). glibc keeps
//! only seven freed blocks of a size in its per-thread cache; past that each
//! `free` took its general path, about 70 instructions, and each new block
//! `_int_malloc`'s: a quarter of the instructions of the text-heavy bench
//! programs. Here a freed small block is pushed on its class's list (its first
//! word links the list), the next request of the class pops it, and an empty
//! list is served by carving the class's current slab (16 KB from `malloc`).
//! As CPython's `pymalloc`, small blocks are never given back to the C
//! library: the memory of the most small objects alive at once stays with
//! the program. mimalloc, the crate made for the whole job, was measured
//! before this and made the pyperformance programs 10-30% slower, so the C
//! library stays underneath.
//!
//! Until `enable` (which `skink_main` calls unless `SKINK_MALLOC=malloc`),
//! every block is the C library's own, allocated at its class's full size, so
//! that once enabled any freed block serves any request of its class; leak
//! checkers, run with `SKINK_MALLOC=malloc`, see every block.
//!
//! Only the runtime library programs link uses it (feature `program`);
//! the compiler and the MIR interpreter, which link the runtime as a Rust
//! library, keep the default allocator.

use std::alloc::{GlobalAlloc, Layout, System};
use std::cell::Cell;
use std::ptr;

/// The width of a size class, which is also the alignment every block has.
const CLASS_BYTES: usize = 16;
/// Blocks of up to this many bytes are served from the lists.
const LARGEST_SMALL: usize = 256;
const CLASSES: usize = LARGEST_SMALL / CLASS_BYTES;
/// The bytes of a slab carved into blocks of one class.
const SLAB_BYTES: usize = 16 * 1024;

#[derive(Clone, Copy)]
struct Class {
    /// The freed blocks, each linking the next by its first word.
    free: *mut u8,
    /// The uncarved rest of the class's current slab.
    next: *mut u8,
    end: *mut u8,
}

const EMPTY: Class = Class {
    free: ptr::null_mut(),
    next: ptr::null_mut(),
    end: ptr::null_mut(),
};

#[derive(Clone, Copy)]
struct Lists {
    enabled: bool,
    classes: [Class; CLASSES],
}

thread_local! {
    // Constant-initialized and without destructors: safe to reach from an
    // allocator, which must not allocate or register anything itself.
    static LISTS: Cell<Lists> = const {
        Cell::new(Lists {
            enabled: false,
            classes: [EMPTY; CLASSES],
        })
    };
}

/// This thread's lists (no reference escapes the allocator's calls).
#[inline(always)]
fn lists() -> *mut Lists {
    LISTS.with(Cell::as_ptr)
}

/// Serves small blocks from the lists from now on (never turned off again:
/// carved blocks cannot go back to the C library).
pub fn enable() {
    // SAFETY: this thread's lists.
    unsafe { (*lists()).enabled = true };
}

/// The size class of a small request, if it is one.
#[inline]
fn class_of(layout: Layout) -> Option<usize> {
    let size = layout.size();
    (size != 0 && size <= LARGEST_SMALL && layout.align() <= CLASS_BYTES)
        .then(|| (size - 1) / CLASS_BYTES)
}

#[inline]
fn class_layout(class: usize) -> Layout {
    // SAFETY: a nonzero multiple of 16 with alignment 16.
    unsafe { Layout::from_size_align_unchecked((class + 1) * CLASS_BYTES, CLASS_BYTES) }
}

/// A block of `class` carved from its slab, a new slab when it is used up.
#[cold]
#[inline(never)]
fn carve(class: usize) -> *mut u8 {
    let size = (class + 1) * CLASS_BYTES;
    // SAFETY: this thread's lists.
    let c = unsafe { &mut (*lists()).classes[class] };
    if (c.end as usize) - (c.next as usize) < size {
        // SAFETY: a valid nonzero layout.
        let slab =
            unsafe { System.alloc(Layout::from_size_align_unchecked(SLAB_BYTES, CLASS_BYTES)) };
        if slab.is_null() {
            return slab;
        }
        c.next = slab;
        // SAFETY: within the slab just allocated.
        c.end = unsafe { slab.add(SLAB_BYTES) };
    }
    let block = c.next;
    // SAFETY: at least `size` bytes of the slab remain.
    c.next = unsafe { block.add(size) };
    block
}

/// A request the lists do not serve: the C library's, a small one at its
/// class's full size (see the module documentation).
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

// SAFETY: a small block is at least its class's size and 16-aligned, from the
// C library at the class layout or carved from a slab; once enabled, a freed
// small block goes on its class's list, where it stays until the next request
// of the class takes it; nothing else holds it meanwhile.
unsafe impl GlobalAlloc for BlockCache {
    #[inline]
    unsafe fn alloc(&self, layout: Layout) -> *mut u8 {
        if let Some(class) = class_of(layout) {
            // SAFETY: this thread's lists; a freed block's first word links
            // the next.
            unsafe {
                let lists = &mut *lists();
                if lists.enabled {
                    let c = &mut lists.classes[class];
                    let block = c.free;
                    if block.is_null() {
                        return carve(class);
                    }
                    c.free = *(block as *mut *mut u8);
                    return block;
                }
            }
        }
        alloc_from_system(layout)
    }

    #[inline]
    unsafe fn dealloc(&self, block: *mut u8, layout: Layout) {
        if let Some(class) = class_of(layout) {
            // SAFETY: this thread's lists; the block is free and at least 16
            // bytes.
            unsafe {
                let lists = &mut *lists();
                if lists.enabled {
                    let c = &mut lists.classes[class];
                    *(block as *mut *mut u8) = c.free;
                    c.free = block;
                    return;
                }
            }
        }
        dealloc_to_system(block, layout)
    }

    #[inline(never)]
    unsafe fn realloc(&self, block: *mut u8, layout: Layout, new_size: usize) -> *mut u8 {
        // SAFETY: the caller guarantees a valid layout for the new size.
        let new_layout = unsafe { Layout::from_size_align_unchecked(new_size, layout.align()) };
        match (class_of(layout), class_of(new_layout)) {
            // Neither small: the C library's own `realloc`.
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
            // Before enabling, a block is the C library's at its class size,
            // which the lists take once enabled.
            let early = cache.alloc(small);
            enable();
            cache.dealloc(early, small);
            let b = cache.alloc(same_class);
            assert_eq!(early, b, "a block of the class comes back");
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
            // Carved blocks of a class are distinct and apart by its size.
            let (x, y) = (cache.alloc(other_class), cache.alloc(other_class));
            assert_ne!(x, y);
            cache.dealloc(x, other_class);
            cache.dealloc(y, other_class);
        }
    }
}
