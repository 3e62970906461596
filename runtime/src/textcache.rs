//! A small direct-mapped cache from static text, by its address and length, to
//! the immortal word a lookup made of it: the names compiled code passes
//! (`len`, `__add__`) are static, and the same address and length are the same
//! name, so the lookup by content runs once per name and slot.

use std::cell::RefCell;

use skink_abi::{self as abi, Word};

pub struct TextCache<const N: usize>(RefCell<[(usize, usize, Word); N]>);

impl<const N: usize> TextCache<N> {
    pub const fn new() -> Self {
        TextCache(RefCell::new([(0, 0, abi::NULL); N]))
    }

    /// The word for `text`, from `lookup` when it is not cached. `lookup` must
    /// give the same immortal word for the same text every time.
    pub fn get(&self, text: &'static str, lookup: impl FnOnce() -> Word) -> Word {
        let key = (text.as_ptr() as usize, text.len());
        // Texts are packed byte by byte: neighbours differ in the lowest bits.
        let slot = key.0 % N;
        let (p, l, w) = self.0.borrow()[slot];
        if (p, l) == key {
            return w;
        }
        let w = lookup();
        self.0.borrow_mut()[slot] = (key.0, key.1, w);
        w
    }
}

impl<const N: usize> Default for TextCache<N> {
    fn default() -> Self {
        Self::new()
    }
}
