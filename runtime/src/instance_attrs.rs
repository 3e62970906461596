//! Instance attributes stored by their class's layout, as CPython's shared-key
//! instance dicts: a class keeps the attribute names its instances were given, in
//! the order they first appeared (`Layout`), and each instance keeps one value per
//! name (`Attrs`), so finding `self.x` is finding `x`'s index once per class and
//! name (the attribute cache remembers it) and reading a vector.
//!
//! A layout only grows, so an index, once given, means the same name for every
//! instance of the class for the rest of the run. Past `LAYOUT_CAP` names (a program
//! setting computed names) an instance keeps the rest in a dict of its own.
//! Nothing visible depends on the order: instances expose no `__dict__`.

use skink_abi::{self as abi, Word};

use crate::dict::Dict;
use crate::exc::PyResult;
use crate::object;

/// The most names a class's layout holds.
pub const LAYOUT_CAP: usize = 64;

/// The attribute names of a class's instances: immortal strs, never removed.
#[derive(Default)]
pub struct Layout {
    names: Vec<Word>,
}

impl Layout {
    /// The index of `name` (a str), comparing identity first as names are
    /// usually the program's own constants.
    pub fn find(&self, name: Word) -> Option<usize> {
        if let Some(i) = self.names.iter().position(|&n| n == name) {
            return Some(i);
        }
        let text = &object::as_str(name)?.value;
        self.names
            .iter()
            .position(|&n| object::as_str(n).is_some_and(|s| &s.value == text))
    }

    /// How many names the layout holds.
    pub fn len(&self) -> usize {
        self.names.len()
    }

    pub fn is_empty(&self) -> bool {
        self.names.is_empty()
    }

    /// The index of `name`, adding it when there is room; a new name bumps the
    /// attribute cache, which remembers that names are missing.
    fn find_or_add(&mut self, name: Word) -> Option<usize> {
        if let Some(i) = self.find(name) {
            return Some(i);
        }
        if self.names.len() == LAYOUT_CAP {
            return None;
        }
        let name = if object::is_immortal(name) {
            name
        } else {
            let text = object::as_str(name).map_or(String::new(), |s| s.value.clone());
            object::make_immortal(object::new_str(text))
        };
        self.names.push(name);
        crate::attrcache::class_changed();
        Some(self.names.len() - 1)
    }
}

/// One instance's attributes: owned values by layout index (NULL when unset) and
/// the names past the layout's cap. Compiled code reads the values inline
/// (`abi::INSTANCE_VALUES_OFFSET`), so they are a pointer and a length of a boxed
/// slice rather than a `Vec`, whose layout Rust does not promise.
#[repr(C)]
pub struct Attrs {
    values: *mut Word,
    len: usize,
    extra: Option<Box<Dict>>,
}

impl Default for Attrs {
    fn default() -> Self {
        Attrs {
            values: std::ptr::NonNull::dangling().as_ptr(),
            len: 0,
            extra: None,
        }
    }
}

impl Drop for Attrs {
    fn drop(&mut self) {
        for &v in self.values() {
            if v != abi::NULL {
                object::decref(v);
            }
        }
        drop(self.take_values());
    }
}

impl Attrs {
    #[inline]
    fn values(&self) -> &[Word] {
        // SAFETY: `values` is a boxed slice of `len` words (dangling when empty).
        unsafe { std::slice::from_raw_parts(self.values, self.len) }
    }

    fn values_mut(&mut self) -> &mut [Word] {
        // SAFETY: as in `values`, and `self` is borrowed mutably.
        unsafe { std::slice::from_raw_parts_mut(self.values, self.len) }
    }

    /// The values as the box they were allocated as, leaving none.
    fn take_values(&mut self) -> Box<[Word]> {
        let len = std::mem::take(&mut self.len);
        let ptr = std::mem::replace(&mut self.values, std::ptr::NonNull::dangling().as_ptr());
        // SAFETY: `ptr` and `len` came from `Box::into_raw` of a boxed slice (an
        // empty one is dangling, which is what an empty box holds too).
        unsafe { Box::from_raw(std::ptr::slice_from_raw_parts_mut(ptr, len)) }
    }

    /// Room for layout index `slot`: new places are NULL.
    fn reserve(&mut self, slot: usize) {
        if slot < self.len {
            return;
        }
        let mut grown = self.take_values().into_vec();
        grown.resize((slot + 1).next_power_of_two().max(4), abi::NULL);
        let grown = Box::into_raw(grown.into_boxed_slice());
        self.len = grown.len();
        self.values = grown.cast::<Word>();
    }

    /// Room for the values of a layout of `names` names, so that setting them
    /// allocates nothing.
    pub fn reserve_names(&mut self, names: usize) {
        if names > 0 {
            self.reserve(names - 1);
        }
    }

    /// Releases every value, leaving the instance without attributes: the buffer
    /// stays (all NULL) when it holds at most `max_kept` words.
    pub fn release(&mut self, max_kept: usize) {
        self.extra = None;
        if self.len > max_kept {
            // Dropping releases the values.
            drop(std::mem::take(self));
            return;
        }
        for v in self.values_mut() {
            let old = std::mem::replace(v, abi::NULL);
            if old != abi::NULL {
                object::decref(old);
            }
        }
    }

    /// The value at layout index `slot` (borrowed).
    #[inline]
    pub fn at(&self, slot: usize) -> Option<Word> {
        self.values().get(slot).copied().filter(|&v| v != abi::NULL)
    }

    /// Whether names past the layout's cap have values here.
    #[inline]
    pub fn has_extra(&self) -> bool {
        self.extra.as_ref().is_some_and(|d| !d.is_empty())
    }

    /// Sets the value at layout index `slot`, taking a new reference to it.
    pub fn set_at(&mut self, slot: usize, value: Word) {
        self.reserve(slot);
        object::incref(value);
        let old = std::mem::replace(&mut self.values_mut()[slot], value);
        if old != abi::NULL {
            object::decref(old);
        }
    }

    /// `name`'s value (borrowed); `slot` is its layout index when it has one.
    pub fn get(&self, slot: Option<usize>, name: Word) -> PyResult<Option<Word>> {
        match (slot, &self.extra) {
            (Some(i), _) => Ok(self.at(i)),
            (None, Some(d)) => d.get(name),
            (None, None) => Ok(None),
        }
    }

    /// Sets `name` to `value`, taking a new reference to it.
    pub fn set(&mut self, layout: &mut Layout, name: Word, value: Word) -> PyResult<()> {
        let Some(i) = layout.find_or_add(name) else {
            return self.extra.get_or_insert_default().set(name, value);
        };
        self.set_at(i, value);
        Ok(())
    }

    /// Removes `name`, giving back its value (owned).
    pub fn remove(&mut self, slot: Option<usize>, name: Word) -> PyResult<Option<Word>> {
        match (slot, &mut self.extra) {
            (Some(i), _) => Ok(self
                .values_mut()
                .get_mut(i)
                .map(|v| std::mem::replace(v, abi::NULL))
                .filter(|&v| v != abi::NULL)),
            (None, Some(d)) => Ok(d.remove(name)?.map(|(k, v)| {
                object::decref(k);
                v
            })),
            (None, None) => Ok(None),
        }
    }
}

const _: () = {
    use std::mem::offset_of;
    assert!(offset_of!(Attrs, values) == 0);
    assert!(offset_of!(Attrs, len) == 8);
};

#[cfg(test)]
mod tests {
    use super::*;

    fn name(text: &str) -> Word {
        object::make_immortal(object::new_str(text.to_string()))
    }

    #[test]
    fn equal_names_share_an_index_and_values_are_released() {
        let mut layout = Layout::default();
        let mut attrs = Attrs::default();
        let (x, y) = (name("x"), name("y"));
        let value = object::new_str("v".to_string());
        attrs.set(&mut layout, x, value).unwrap();
        attrs.set(&mut layout, y, abi::NONE).unwrap();
        // A mortal str with the same text finds the same index.
        let other_x = object::new_str("x".to_string());
        assert_eq!(layout.find(other_x), Some(0));
        assert_eq!(
            attrs.get(layout.find(other_x), other_x).unwrap(),
            Some(value)
        );
        assert_eq!(object::refcount(value), 2);
        drop(attrs);
        assert_eq!(object::refcount(value), 1);
        object::decref(value);
        object::decref(other_x);
    }

    #[test]
    fn names_past_the_cap_live_in_the_instance_dict() {
        let mut layout = Layout::default();
        let mut attrs = Attrs::default();
        let names: Vec<Word> = (0..=LAYOUT_CAP).map(|i| name(&format!("a{i}"))).collect();
        for (i, &n) in names.iter().enumerate() {
            attrs.set(&mut layout, n, abi::small_int(i as i64)).unwrap();
        }
        let last = names[LAYOUT_CAP];
        assert_eq!(layout.find(last), None);
        assert_eq!(
            attrs.get(None, last).unwrap(),
            Some(abi::small_int(LAYOUT_CAP as i64))
        );
        assert_eq!(
            attrs.remove(None, last).unwrap(),
            Some(abi::small_int(LAYOUT_CAP as i64))
        );
        assert_eq!(attrs.get(None, last).unwrap(), None);
        assert_eq!(
            attrs.remove(Some(3), names[3]).unwrap(),
            Some(abi::small_int(3))
        );
        assert_eq!(attrs.at(3), None);
    }
}
