//! The object layouts compiled code reads inline, checked against the offsets
//! in `skink_abi`. Tuples and lists keep their items in a `Vec`, whose field
//! order Rust does not promise, so the check runs at every program's start
//! (a few loads) as well as in the tests: a toolchain that laid a `Vec` out
//! differently stops the program with an internal error before any compiled
//! code reads a wrong field.

use skink_abi::{self as abi, Word};

use crate::object::{self, IterState};

/// Reads the word at `offset` in the object `w`.
///
/// # Safety
/// `w` is a live object at least `offset + 8` bytes long.
unsafe fn word_at(w: Word, offset: i32) -> Word {
    // SAFETY: guaranteed by the caller.
    unsafe { *((w + offset as Word) as *const Word) }
}

/// Whether the inline offsets of `skink_abi` match this build of the runtime.
pub fn matches() -> bool {
    let items = vec![abi::NONE, abi::TRUE, abi::FALSE];
    let list = object::new_list(items);
    let ok = {
        let l = object::as_list(list).expect("a new list");
        // SAFETY: `list` is a live list object.
        unsafe {
            word_at(list, abi::SEQ_ITEMS_OFFSET) == l.items.as_ptr() as Word
                && word_at(list, abi::SEQ_LEN_OFFSET) == 3
                && word_at(list, abi::LIST_CLASS_OFFSET) == abi::NULL
        }
    };
    let it = object::new_iter(IterState::Seq {
        seq: object::Owned(list),
        pos: 2,
    });
    // SAFETY: `it` is a live iterator object, whose state holds the list.
    let ok = ok
        && unsafe {
            *((it + abi::ITER_TAG_OFFSET as Word) as *const u32) == abi::ITER_SEQ_TAG
                && word_at(it, abi::ITER_SEQ_OFFSET) == list
                && word_at(it, abi::ITER_POS_OFFSET) == 2
        };
    object::decref(it);
    ok
}

/// Stops the program when compiled code would misread objects.
pub fn check() {
    if !matches() {
        eprintln!("skink: internal error: the runtime's object layout differs from skink_abi's");
        std::process::exit(70);
    }
}

#[cfg(test)]
mod tests {
    #[test]
    fn inline_offsets_match_the_runtime() {
        assert!(super::matches());
    }
}
