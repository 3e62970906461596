//! Free lists of freed objects, as CPython keeps one per type for tuples, lists,
//! slices and floats: a program that makes and drops an object per loop step
//! reuses the same few blocks instead of calling the allocator twice per step.
//! A pool only holds words; what state a kept object is in (its items released,
//! which buffers it keeps) is up to the module of its kind.
//!
//! Pools are per thread (the MIR interpreter and the tests run programs on
//! several threads over one runtime). `SKINK_MALLOC=malloc` turns every pool
//! off, as CPython's `PYTHONMALLOC=malloc`, so that leak checkers see each object.

use std::cell::{Cell, RefCell};

use skink_abi::Word;

thread_local! {
    static ENABLED: Cell<bool> = const { Cell::new(true) };
}

/// Whether freed objects are kept, by the pools and by `free_floats`
/// (`skink_main` decides, from `SKINK_MALLOC`, before any object exists).
pub fn set_enabled(enabled: bool) {
    ENABLED.with(|e| e.set(enabled));
}

#[inline]
pub fn enabled() -> bool {
    ENABLED.with(Cell::get)
}

/// Up to `capacity` kept objects of one kind.
pub struct Pool {
    kept: RefCell<Vec<Word>>,
    capacity: usize,
}

impl Pool {
    pub const fn new(capacity: usize) -> Self {
        Pool {
            kept: RefCell::new(Vec::new()),
            capacity,
        }
    }

    /// A kept object, if there is one.
    #[inline]
    pub fn take(&self) -> Option<Word> {
        self.kept.borrow_mut().pop()
    }

    /// Keeps `w` when reuse is on and there is room; `false` leaves it to the
    /// caller to free.
    #[inline]
    pub fn keep(&self, w: Word) -> bool {
        if !enabled() {
            return false;
        }
        let mut kept = self.kept.borrow_mut();
        if kept.len() == self.capacity {
            return false;
        }
        kept.push(w);
        true
    }

    /// Every kept object, leaving none (at program exit).
    pub fn drain(&self) -> Vec<Word> {
        std::mem::take(&mut *self.kept.borrow_mut())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_full_pool_keeps_nothing_more_and_gives_back_the_last_kept_first() {
        let pool = Pool::new(2);
        assert!(pool.keep(8) && pool.keep(16));
        assert!(!pool.keep(24), "the pool is full");
        assert_eq!(pool.take(), Some(16));
        assert_eq!(pool.drain(), vec![8]);
        assert_eq!(pool.take(), None);
    }
}
