//! The allocator of compiled programs. Python programs allocate and free small
//! objects at a high rate (a str is two blocks, a dict's entries another), and
//! glibc's malloc spends 70 or more instructions on a free once its per-thread
//! cache is full; so compiled programs allocate with mimalloc, as CPython uses
//! its own small-object allocator. On the dict, str and tokenizer bench programs
//! it runs 11-20% fewer instructions (`docs/performance.md`).
//!
//! `SKINK_MALLOC=malloc` keeps the system allocator, so that memory checkers see
//! every block (CPython's `PYTHONMALLOC=malloc`). The choice is made at the first
//! allocation, from the environment as the C library holds it (reading it through
//! `std` would allocate), and never changes: a block always goes back to the
//! allocator that made it.

use std::alloc::{GlobalAlloc, Layout, System};
use std::sync::atomic::{AtomicU8, Ordering};

const UNDECIDED: u8 = 0;
const MIMALLOC: u8 = 1;
const SYSTEM: u8 = 2;

static CHOICE: AtomicU8 = AtomicU8::new(UNDECIDED);

unsafe extern "C" {
    fn getenv(name: *const std::ffi::c_char) -> *const std::ffi::c_char;
}

#[inline]
fn choice() -> u8 {
    let c = CHOICE.load(Ordering::Relaxed);
    if c != UNDECIDED {
        return c;
    }
    decide()
}

#[cold]
fn decide() -> u8 {
    // SAFETY: a NUL-terminated name; the result is NULL or a NUL-terminated value.
    let value = unsafe { getenv(c"SKINK_MALLOC".as_ptr()) };
    // SAFETY: checked non-NULL; getenv's values are NUL-terminated.
    let system = !value.is_null() && unsafe { std::ffi::CStr::from_ptr(value) } == c"malloc";
    let c = if system { SYSTEM } else { MIMALLOC };
    CHOICE.store(c, Ordering::Relaxed);
    c
}

pub struct ProgramAllocator;

// SAFETY: each call forwards to the allocator chosen once for the process.
unsafe impl GlobalAlloc for ProgramAllocator {
    #[inline]
    unsafe fn alloc(&self, layout: Layout) -> *mut u8 {
        // SAFETY: forwarded contract.
        unsafe {
            if choice() == MIMALLOC {
                mimalloc::MiMalloc.alloc(layout)
            } else {
                System.alloc(layout)
            }
        }
    }

    #[inline]
    unsafe fn dealloc(&self, ptr: *mut u8, layout: Layout) {
        // SAFETY: forwarded contract; the block came from the same allocator.
        unsafe {
            if choice() == MIMALLOC {
                mimalloc::MiMalloc.dealloc(ptr, layout)
            } else {
                System.dealloc(ptr, layout)
            }
        }
    }

    #[inline]
    unsafe fn alloc_zeroed(&self, layout: Layout) -> *mut u8 {
        // SAFETY: forwarded contract.
        unsafe {
            if choice() == MIMALLOC {
                mimalloc::MiMalloc.alloc_zeroed(layout)
            } else {
                System.alloc_zeroed(layout)
            }
        }
    }

    #[inline]
    unsafe fn realloc(&self, ptr: *mut u8, layout: Layout, new_size: usize) -> *mut u8 {
        // SAFETY: forwarded contract; the block came from the same allocator.
        unsafe {
            if choice() == MIMALLOC {
                mimalloc::MiMalloc.realloc(ptr, layout, new_size)
            } else {
                System.realloc(ptr, layout, new_size)
            }
        }
    }
}

#[global_allocator]
static GLOBAL: ProgramAllocator = ProgramAllocator;
