//! Reuse of freed list and slice objects, as CPython keeps freed lists on a free
//! list and one freed slice: `a[i:j]`, `a[::-1]` and slice assignment make a slice
//! object each time and usually a list, and each is an allocation and a free.
//! A kept list keeps its item buffer when it is small (up to `KEPT_BUFFER`
//! words), so a list made by slicing reuses both allocations; keeping costs at
//! most one small block and one small buffer per kept object.
//!
//! `SKINK_MALLOC=malloc` turns reuse off, as for floats (`free_floats`).

use skink_abi::{self as abi, Word, kind};

use crate::object::{self, Items, ListObj, Owned, SliceObj};
use crate::pool::Pool;

/// How many freed objects of each kind are kept; more go back to the allocator.
const CAPACITY: usize = 64;

/// A freed list keeps an item buffer of at most this many words.
const KEPT_BUFFER: usize = 64;

thread_local! {
    /// Kept lists: unreachable `ListObj`s with empty item vectors (whose buffers
    /// hold at most `KEPT_BUFFER` words).
    static LISTS: Pool = const { Pool::new(CAPACITY) };
    /// Kept slices: unreachable `SliceObj`s whose three parts are NULL.
    static SLICES: Pool = const { Pool::new(CAPACITY) };
}

/// A new list holding `items` (whose references it takes over).
pub fn new_list(items: Vec<Word>) -> Word {
    if let Some((w, list)) = reused_list() {
        // The kept vector is empty: replacing it releases no items.
        list.items.0 = items;
        return w;
    }
    object::into_word(Box::new(ListObj {
        header: object::header(kind::LIST),
        items: Items(items),
        class: abi::NULL,
    }))
}

/// A new list whose items `fill` pushes (taking references for them) into an
/// empty vector: a kept list's buffer when there is one.
pub fn new_list_filled(fill: impl FnOnce(&mut Vec<Word>)) -> Word {
    if let Some((w, list)) = reused_list() {
        fill(&mut list.items.0);
        return w;
    }
    let mut items = Vec::new();
    fill(&mut items);
    new_list(items)
}

/// A kept list made a fresh, empty list object again, if one is kept.
fn reused_list<'a>() -> Option<(Word, &'a mut ListObj)> {
    let w = LISTS.with(Pool::take)?;
    // SAFETY: kept words are lists this module owns, unreachable from elsewhere.
    let list = unsafe { &mut *(w as *mut ListObj) };
    list.header = object::header(kind::LIST);
    list.class = abi::NULL;
    Some((w, list))
}

/// A new slice object `slice(start, stop, step)`, taking over the three references.
pub fn new_slice(start: Word, stop: Word, step: Word) -> Word {
    if let Some(w) = SLICES.with(Pool::take) {
        // SAFETY: kept words are slices this module owns, unreachable from elsewhere.
        let slice = unsafe { &mut *(w as *mut SliceObj) };
        slice.header = object::header(kind::SLICE);
        // The kept parts are NULL, so replacing them releases nothing.
        slice.start = Owned(start);
        slice.stop = Owned(stop);
        slice.step = Owned(step);
        return w;
    }
    object::into_word(Box::new(SliceObj {
        header: object::header(kind::SLICE),
        start: Owned(start),
        stop: Owned(stop),
        step: Owned(step),
    }))
}

/// Frees a list whose count reached zero, releasing its items, and keeps the
/// object for reuse when there is room.
///
/// # Safety
/// `w` is a list object (allocated as a `Box<ListObj>`) that no one refers to.
pub unsafe fn give_back_list(w: Word) {
    // SAFETY: guaranteed by the caller.
    let list = unsafe { &mut *(w as *mut ListObj) };
    // Releasing the items can free other lists, which come back here: nothing is
    // borrowed meanwhile.
    let mut items = std::mem::take(&mut list.items);
    // The items are this function's own now: releasing them cannot reach them.
    object::decref_all(&items.0);
    items.0.clear();
    if LISTS.with(|kept| kept.keep(w)) {
        if items.0.capacity() <= KEPT_BUFFER {
            // SAFETY: as above; `w` is kept, and nothing else refers to it.
            let list = unsafe { &mut *(w as *mut ListObj) };
            list.items.0 = std::mem::take(&mut items.0);
        }
        return;
    }
    // SAFETY: guaranteed by the caller.
    drop(unsafe { Box::from_raw(w as *mut ListObj) });
}

/// Frees a slice whose count reached zero, releasing its parts, and keeps the
/// object for reuse when there is room.
///
/// # Safety
/// `w` is a slice object (allocated as a `Box<SliceObj>`) that no one refers to.
pub unsafe fn give_back_slice(w: Word) {
    // SAFETY: guaranteed by the caller.
    let slice = unsafe { &mut *(w as *mut SliceObj) };
    let parts = [
        std::mem::replace(&mut slice.start, Owned(abi::NULL)),
        std::mem::replace(&mut slice.stop, Owned(abi::NULL)),
        std::mem::replace(&mut slice.step, Owned(abi::NULL)),
    ];
    drop(parts);
    if SLICES.with(|kept| kept.keep(w)) {
        return;
    }
    // SAFETY: guaranteed by the caller.
    drop(unsafe { Box::from_raw(w as *mut SliceObj) });
}

/// Frees every kept object (at program exit).
pub fn release_all() {
    for w in LISTS.with(Pool::drain) {
        // SAFETY: kept words are unreachable lists this module owns, with empty
        // item vectors, allocated as `Box<ListObj>`.
        drop(unsafe { Box::from_raw(w as *mut ListObj) });
    }
    for w in SLICES.with(Pool::drain) {
        // SAFETY: kept words are unreachable slices this module owns, with NULL
        // parts, allocated as `Box<SliceObj>`.
        drop(unsafe { Box::from_raw(w as *mut SliceObj) });
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_freed_list_is_reused_without_its_items() {
        let item = object::new_float(2.5);
        let first = new_list(vec![item]);
        object::decref(first);
        let second = new_list(Vec::new());
        assert_eq!(second, first, "the freed list object comes back");
        assert!(object::as_seq(second).is_some_and(<[Word]>::is_empty));
        object::decref(second);
        release_all();
    }

    #[test]
    fn a_freed_slice_releases_its_parts_and_is_reused() {
        let part = object::new_float(1.5);
        object::incref(part);
        let first = new_slice(part, abi::NONE, abi::NONE);
        assert_eq!(object::refcount(part), 2);
        object::decref(first);
        assert_eq!(object::refcount(part), 1, "the kept slice holds no part");
        object::incref(part);
        let second = new_slice(abi::NONE, part, abi::NONE);
        assert_eq!(second, first);
        assert!(object::as_slice(second).is_some_and(|s| s.stop.0 == part));
        object::decref(second);
        assert_eq!(object::refcount(part), 1);
        object::decref(part);
        release_all();
    }
}
