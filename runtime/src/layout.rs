//! The object layouts compiled code reads inline, checked against the offsets
//! in `skink_abi`. Tuples and lists keep their items in a `Vec`, whose field
//! order Rust does not promise, so the check runs at every program's start
//! (a few loads) as well as in the tests: a toolchain that laid a `Vec` out
//! differently stops the program with an internal error before any compiled
//! code reads a wrong field.

use std::mem::ManuallyDrop;

use skink_abi::{self as abi, Word};

use crate::object::{self, Items, IterObj, IterState, ListObj, Owned};

/// Reads the word at `offset` in the object `w`.
///
/// # Safety
/// `w` is a live object at least `offset + 8` bytes long.
unsafe fn word_at(w: Word, offset: i32) -> Word {
    // SAFETY: guaranteed by the caller.
    unsafe { *((w + offset as Word) as *const Word) }
}

/// Whether the inline offsets of `skink_abi` match this build of the runtime.
/// The objects are made on the stack: no allocator pool starts for this.
pub fn matches() -> bool {
    let list = ListObj {
        header: object::header(abi::kind::LIST),
        items: Items(vec![abi::NONE, abi::TRUE, abi::FALSE]),
        class: abi::NULL,
    };
    let list_word = &list as *const ListObj as Word;
    // The state's `Owned` must not release the list, which is no heap object.
    let it = ManuallyDrop::new(IterObj {
        header: object::header(abi::kind::ITER),
        state: IterState::Seq {
            seq: Owned(list_word),
            pos: 2,
        },
    });
    let it_word = &*it as *const IterObj as Word;
    // SAFETY: both words point at live objects of these types on the stack.
    unsafe {
        word_at(list_word, abi::SEQ_ITEMS_OFFSET) == list.items.as_ptr() as Word
            && word_at(list_word, abi::SEQ_LEN_OFFSET) == 3
            && *((it_word + abi::ITER_TAG_OFFSET as Word) as *const u32) == abi::ITER_SEQ_TAG
            && word_at(it_word, abi::ITER_SEQ_OFFSET) == list_word
            && word_at(it_word, abi::ITER_POS_OFFSET) == 2
    }
}

/// Stops the program when compiled code would misread objects.
pub fn check() {
    if !matches() {
        crate::fatal("the runtime's object layout differs from skink_abi's offsets");
    }
}

#[cfg(test)]
mod tests {
    #[test]
    fn inline_offsets_match_the_runtime() {
        assert!(super::matches());
    }
}
