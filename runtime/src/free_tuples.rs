//! Reuse of freed small tuples, as CPython's per-size tuple free lists: `enumerate`,
//! `zip`, `dict.items()` and tuple displays make a tuple per step, and a tuple is
//! two allocations (the object and its item buffer). A kept tuple keeps its buffer.
//!
//! `SKINK_MALLOC=malloc` turns reuse off, as for floats (`free_floats`).

use skink_abi::{Word, kind};

use crate::object::{self, TupleObj};
use crate::pool::Pool;

/// The longest tuple that is kept, and the most buffer a kept one may hold.
const MAX_LEN: usize = 4;
const MAX_CAPACITY: usize = 8;
/// How many freed tuples are kept; more go back to the allocator.
const CAPACITY: usize = 128;

thread_local! {
    /// Kept tuples: unreachable `TupleObj`s with empty item buffers.
    static KEPT: Pool = const { Pool::new(CAPACITY) };
}

/// A new tuple holding `items` (whose references it takes over), a kept one when
/// there is one.
pub fn take(items: &[Word]) -> Word {
    if items.len() <= MAX_LEN
        && let Some(w) = KEPT.with(Pool::take)
    {
        // SAFETY: kept words are tuples this module owns, with empty buffers.
        let tuple = unsafe { &mut *(w as *mut TupleObj) };
        tuple.header = object::header(kind::TUPLE);
        tuple.items.extend_from_slice(items);
        return w;
    }
    object::new_tuple(items.to_vec())
}

/// Frees a tuple whose count reached zero, releasing its items, and keeps it for
/// reuse when it is small and there is room.
///
/// # Safety
/// `w` is a tuple object (allocated as a `Box<TupleObj>`) that no one refers to.
pub unsafe fn give_back(w: Word) {
    // SAFETY: guaranteed by the caller.
    let tuple = unsafe { &mut *(w as *mut TupleObj) };
    if tuple.items.len() <= MAX_LEN && tuple.items.capacity() <= MAX_CAPACITY {
        // Releasing the items can free other tuples, which come back here: the
        // list is not borrowed meanwhile. A plain Vec releases nothing when dropped.
        let mut items: Vec<Word> = std::mem::take(&mut tuple.items.0);
        object::decref_all(&items);
        items.clear();
        tuple.items.0 = items;
        if KEPT.with(|kept| kept.keep(w)) {
            return;
        }
    }
    // SAFETY: guaranteed by the caller.
    drop(unsafe { Box::from_raw(w as *mut TupleObj) });
}

/// Frees every kept tuple (at program exit).
pub fn release_all() {
    for w in KEPT.with(Pool::drain) {
        // SAFETY: kept words are unreachable tuples this module owns, with empty
        // buffers, allocated as `Box<TupleObj>`.
        drop(unsafe { Box::from_raw(w as *mut TupleObj) });
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_kept_tuple_releases_its_items_and_comes_back_fresh() {
        let item = object::new_float(2.5);
        object::incref(item);
        let first = take(&[item, small_int(7)]);
        object::decref(first);
        // The tuple went back to the pool, and its items were released.
        assert_eq!(object::refcount(item), 1);
        let second = take(&[item]);
        assert_eq!(second, first, "the kept tuple is reused");
        let tuple = object::as_tuple(second).expect("a tuple");
        assert_eq!(tuple.items.as_slice(), &[item]);
        assert_eq!(object::refcount(second), 1);
        object::decref(second);
        release_all();
    }

    fn small_int(n: i64) -> Word {
        crate::int::from_i64(n)
    }
}
