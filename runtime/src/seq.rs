//! Subscripts and membership: `x[i]`, `x[a:b:c]`, their assignment and deletion,
//! and `in`, for every builtin container, with CPython's index rules and messages.

use num_bigint::BigInt;
use num_traits::{Signed, Zero};
use skink_abi::{self as abi, Word};

use crate::exc::{self, ExcType, PyResult};
use crate::int::{self, Int};
use crate::object::{self, Owned, PyType, type_name};
use crate::ops;

/// An int index as a machine integer; huge values saturate (they are out of range anyway).
fn index_value(i: Int) -> i64 {
    match i {
        Int::Small(v) => v,
        Int::Big(b) if b.is_negative() => i64::MIN,
        Int::Big(_) => i64::MAX,
    }
}

/// Resolves `key` against a sequence of `len` items: `Ok(None)` when out of range.
fn item_index(key: Int, len: usize) -> PyResult<Option<usize>> {
    // Beyond the small-int range but within a machine word (-(2**63)) is an
    // ordinary index; only wider ones cannot be one.
    let i = match key {
        Int::Small(v) => v,
        Int::Big(b) => match num_traits::ToPrimitive::to_i64(b) {
            Some(v) => v,
            None => {
                return exc::raise(
                    ExcType::IndexError,
                    "cannot fit 'int' into an index-sized integer",
                );
            }
        },
    };
    let i = if i < 0 { i + len as i64 } else { i };
    Ok((0..len as i64).contains(&i).then_some(i as usize))
}

/// Normalized slice bounds: (start, stop, step, count), as `PySlice_AdjustIndices`.
pub struct SliceBounds {
    pub start: i64,
    pub stop: i64,
    pub step: i64,
    pub count: usize,
}

impl SliceBounds {
    pub fn indices(&self) -> impl Iterator<Item = usize> + '_ {
        (0..self.count).map(|k| (self.start + k as i64 * self.step) as usize)
    }

    /// The positions a step-1 slice covers in a list of `len` items, clamped to
    /// it (the length may have changed since the bounds were taken).
    fn contiguous(&self, len: usize) -> std::ops::Range<usize> {
        let start = (self.start.max(0) as usize).min(len);
        let stop = (start + self.count).min(len);
        start..stop
    }
}

/// A slice part that is `None` or a small int, as `slice_part` gives it.
#[inline]
fn small_part(w: Word) -> Option<Option<i64>> {
    if w == abi::NONE {
        Some(None)
    } else if abi::is_small_int(w) {
        Some(Some(w >> 1))
    } else {
        None
    }
}

fn slice_part(w: Word) -> PyResult<Option<i64>> {
    if w == abi::NONE {
        return Ok(None);
    }
    match int::int_of(w) {
        Some(i) => Ok(Some(index_value(i))),
        None => {
            exc::type_error("slice indices must be integers or None or have an __index__ method")
        }
    }
}

/// A slice's parts as machine integers, as `PySlice_Unpack` makes them: the step
/// checked and clamped, a part left out as `None`.
#[derive(Clone, Copy)]
pub struct SliceParts {
    start: Option<i64>,
    stop: Option<i64>,
    step: i64,
}

impl SliceParts {
    /// The parts of `slice(start, stop, step)`, converted in CPython's order.
    #[inline]
    pub fn of_words(start: Word, stop: Word, step: Word) -> PyResult<Self> {
        // Small ints and `None`, the parts of nearly every slice, need no
        // conversion (and a small int's magnitude is far below `i64::MAX`).
        if let (Some(start), Some(stop), Some(step)) =
            (small_part(start), small_part(stop), small_part(step))
            && step != Some(0)
        {
            return Ok(SliceParts {
                start,
                stop,
                step: step.unwrap_or(1),
            });
        }
        Self::of_other_words(start, stop, step)
    }

    #[inline(never)]
    fn of_other_words(start: Word, stop: Word, step: Word) -> PyResult<Self> {
        let step = slice_part(step)?.unwrap_or(1);
        if step == 0 {
            return exc::value_error("slice step cannot be zero");
        }
        Ok(SliceParts {
            start: slice_part(start)?,
            stop: slice_part(stop)?,
            // Keep `-step` representable, as CPython does.
            step: step.max(-i64::MAX),
        })
    }

    /// The parts of a slice object.
    pub fn of_slice(slice: Word) -> PyResult<Self> {
        match object::as_slice(slice) {
            Some(s) => Self::of_words(s.start.0, s.stop.0, s.step.0),
            None => exc::type_error("expected a slice"),
        }
    }

    /// The bounds over a sequence of `len` items, as `PySlice_AdjustIndices`.
    pub fn adjust(self, len: usize) -> SliceBounds {
        let step = self.step;
        let len = len as i64;
        let adjust = |v: Option<i64>, default: i64| -> i64 {
            let Some(v) = v else { return default };
            if v < 0 {
                let v = v.saturating_add(len);
                if v < 0 {
                    if step < 0 { -1 } else { 0 }
                } else {
                    v
                }
            } else if v >= len {
                if step < 0 { len - 1 } else { len }
            } else {
                v
            }
        };
        let (start, stop) = if step > 0 {
            (adjust(self.start, 0), adjust(self.stop, len))
        } else {
            (adjust(self.start, len - 1), adjust(self.stop, -1))
        };
        let count = if step > 0 {
            if stop > start {
                ((stop - start - 1) / step + 1) as usize
            } else {
                0
            }
        } else if start > stop {
            ((start - stop - 1) / (-step) + 1) as usize
        } else {
            0
        };
        SliceBounds {
            start,
            stop,
            step,
            count,
        }
    }
}

pub fn slice_bounds(slice: Word, len: usize) -> PyResult<SliceBounds> {
    Ok(SliceParts::of_slice(slice)?.adjust(len))
}

/// The items of an exact list or a tuple (not a user subclass's instance), and
/// whether it is a list: what slicing needs no dispatch for.
fn exact_list_or_tuple<'a>(w: Word) -> Option<(&'a [Word], bool)> {
    match object::heap_kind(w) {
        Some(skink_abi::kind::TUPLE) => object::as_seq(w).map(|items| (items, false)),
        Some(skink_abi::kind::LIST) => {
            let list = object::as_list(w)?;
            (list.class == abi::NULL).then_some((list.items.as_slice(), true))
        }
        _ => None,
    }
}

/// `container[start:stop:step]` (borrowed parts): an exact list or tuple is
/// sliced without a slice object; anything else gets one.
pub fn getslice(container: Word, start: Word, stop: Word, step: Word) -> PyResult<Word> {
    if let Some((items, is_list)) = exact_list_or_tuple(container) {
        let b = SliceParts::of_words(start, stop, step)?.adjust(items.len());
        return Ok(slice_items(items, &b, is_list));
    }
    let slice = slice_object(start, stop, step);
    getitem(container, slice.0)
}

/// `container[start:stop:step] = value` (borrowed parts), as [`getslice`].
pub fn setslice(container: Word, start: Word, stop: Word, step: Word, value: Word) -> PyResult<()> {
    if let Some((_, true)) = exact_list_or_tuple(container) {
        let parts = SliceParts::of_words(start, stop, step)?;
        return list_assign_slice(container, parts, value);
    }
    let slice = slice_object(start, stop, step);
    setitem(container, slice.0, value)
}

/// A new slice object of the (borrowed) parts.
pub fn slice_object(start: Word, stop: Word, step: Word) -> Owned {
    [start, stop, step].iter().for_each(|&w| object::incref(w));
    Owned(object::new_slice(start, stop, step))
}

/// A new list or tuple of the items `b` selects.
fn slice_items(items: &[Word], b: &SliceBounds, is_list: bool) -> Word {
    let copy = |out: &mut Vec<Word>| {
        out.extend(b.indices().map(|i| {
            object::incref(items[i]);
            items[i]
        }));
    };
    if is_list {
        // A kept list's own buffer, when there is one.
        return crate::free_lists_slices::new_list_filled(copy);
    }
    let mut out = Vec::with_capacity(b.count);
    copy(&mut out);
    object::new_tuple(out)
}

fn index_type_error<T>(container: Word, key: Word) -> PyResult<T> {
    let what = match object::dispatch_type(container) {
        PyType::Str => {
            return exc::type_error(format!(
                "string indices must be integers, not '{}'",
                type_name(key)
            ));
        }
        PyType::Bytes => "byte",
        other => other.name(),
    };
    exc::type_error(format!(
        "{what} indices must be integers or slices, not {}",
        type_name(key)
    ))
}

/// The code points of a str, for indexing non-ASCII text.
fn chars_of(s: &str) -> Vec<char> {
    s.chars().collect()
}

/// The position `key` names in a sequence of `len` items, when `key` is a small
/// int within its bounds: the common case, decided before any other dispatch.
#[inline]
pub(crate) fn small_index(len: usize, key: Word) -> Option<usize> {
    if !abi::is_small_int(key) {
        return None;
    }
    let (i, n) = (key >> 1, len as i64);
    let i = if i < 0 { i + n } else { i };
    (0..n).contains(&i).then_some(i as usize)
}

/// `container[key]`.
#[inline]
pub fn getitem(container: Word, key: Word) -> PyResult<Word> {
    if let Some(items) = object::as_seq(container)
        && let Some(i) = small_index(items.len(), key)
    {
        object::incref(items[i]);
        return Ok(items[i]);
    }
    // A character of ASCII text (tokenizers index text one character at a time).
    if let Some(s) = object::as_str(container)
        && s.is_ascii()
        && let Some(i) = small_index(s.value.len(), key)
    {
        return Ok(object::char_str(s.value.as_bytes()[i] as char));
    }
    getitem_general(container, key)
}

/// `getitem` past its fast path, out of line so that the fast path saves no
/// registers.
#[inline(never)]
fn getitem_general(container: Word, key: Word) -> PyResult<Word> {
    if crate::array::as_array(container).is_some() {
        return crate::array::getitem(container, key);
    }
    if let Some(r) = crate::class::getitem(container, key) {
        return r;
    }
    if let Some(d) = object::as_dict(container) {
        return match d.get(key)? {
            Some(v) => {
                object::incref(v);
                Ok(v)
            }
            None => {
                object::incref(key);
                exc::raise_with_arg(ExcType::KeyError, key)
            }
        };
    }
    let ty = object::dispatch_type(container);
    let is_slice = object::as_slice(key).is_some();
    match ty {
        PyType::List | PyType::Tuple => {
            let items = object::as_seq(container).unwrap_or(&[]);
            if is_slice {
                let b = slice_bounds(key, items.len())?;
                return Ok(slice_items(items, &b, ty == PyType::List));
            }
            let Some(k) = int::int_of(key) else {
                return index_type_error(container, key);
            };
            match item_index(k, items.len())? {
                Some(i) => {
                    object::incref(items[i]);
                    Ok(items[i])
                }
                None => exc::raise(
                    ExcType::IndexError,
                    format!("{} index out of range", ty.name()),
                ),
            }
        }
        PyType::Str => {
            let (s, char_len, ascii) = object::as_str(container).map_or(("", 0, true), |s| {
                (s.value.as_str(), s.char_len, s.is_ascii())
            });
            if is_slice {
                if ascii {
                    let b = slice_bounds(key, s.len())?;
                    if b.step == 1 {
                        let start = b.start.max(0) as usize;
                        return Ok(object::new_str(s[start..start + b.count].to_string()));
                    }
                    let bytes = s.as_bytes();
                    return Ok(object::new_str(
                        b.indices().map(|i| bytes[i] as char).collect(),
                    ));
                }
                let chars = chars_of(s);
                let b = slice_bounds(key, chars.len())?;
                return Ok(object::new_str(b.indices().map(|i| chars[i]).collect()));
            }
            let Some(k) = int::int_of(key) else {
                return index_type_error(container, key);
            };
            match item_index(k, char_len)? {
                Some(i) if ascii => Ok(object::char_str(s.as_bytes()[i] as char)),
                Some(i) => Ok(s
                    .chars()
                    .nth(i)
                    .map_or_else(|| object::new_str(String::new()), object::char_str)),
                None => exc::raise(ExcType::IndexError, "string index out of range"),
            }
        }
        PyType::Bytes => {
            let v = object::as_bytes(container).map_or(&[][..], |b| b.value.as_slice());
            if is_slice {
                let b = slice_bounds(key, v.len())?;
                return Ok(object::new_bytes(b.indices().map(|i| v[i]).collect()));
            }
            let Some(k) = int::int_of(key) else {
                return index_type_error(container, key);
            };
            match item_index(k, v.len())? {
                Some(i) => Ok(int::from_i64(v[i] as i64)),
                None => exc::raise(ExcType::IndexError, "index out of range"),
            }
        }
        PyType::Range => range_getitem(container, key),
        _ => exc::type_error(format!(
            "'{}' object is not subscriptable",
            type_name(container)
        )),
    }
}

fn big_of(w: Word) -> BigInt {
    int::int_of(w).map(|i| i.to_big()).unwrap_or_default()
}

/// Slice bounds over a length that may exceed a machine word (ranges).
fn big_slice_bounds(s: &object::SliceObj, len: &BigInt) -> PyResult<(BigInt, BigInt, BigInt)> {
    let part = |w: Word| -> PyResult<Option<BigInt>> {
        if w == abi::NONE {
            return Ok(None);
        }
        match int::int_of(w) {
            Some(i) => Ok(Some(i.to_big())),
            None => exc::type_error(
                "slice indices must be integers or None or have an __index__ method",
            ),
        }
    };
    let step = part(s.step.0)?.unwrap_or_else(|| BigInt::from(1));
    if step.is_zero() {
        return exc::value_error("slice step cannot be zero");
    }
    let neg = step.is_negative();
    let (lower, upper) = if neg {
        (BigInt::from(-1), len - 1u32)
    } else {
        (BigInt::zero(), len.clone())
    };
    let adjust = |v: Option<BigInt>, default: &BigInt| -> BigInt {
        let Some(mut v) = v else {
            return default.clone();
        };
        if v.is_negative() {
            v += len;
            if v < lower { lower.clone() } else { v }
        } else if v > upper {
            upper.clone()
        } else {
            v
        }
    };
    let (start, stop) = if neg {
        (
            adjust(part(s.start.0)?, &upper),
            adjust(part(s.stop.0)?, &lower),
        )
    } else {
        (
            adjust(part(s.start.0)?, &lower),
            adjust(part(s.stop.0)?, &upper),
        )
    };
    Ok((start, stop, step))
}

/// The parts of a range as big ints: (start, stop, step, length).
pub fn range_parts(r: Word) -> (BigInt, BigInt, BigInt, BigInt) {
    let Some(r) = object::as_range(r) else {
        return Default::default();
    };
    let (start, stop, step) = (big_of(r.start.0), big_of(r.stop.0), big_of(r.step.0));
    let len = if step.is_positive() && start < stop {
        (&stop - &start - 1u32) / &step + 1u32
    } else if step.is_negative() && start > stop {
        (&start - &stop - 1u32) / (-&step) + 1u32
    } else {
        BigInt::zero()
    };
    (start, stop, step, len)
}

fn range_getitem(r: Word, key: Word) -> PyResult<Word> {
    let (start, _, step, len) = range_parts(r);
    if let Some(s) = object::as_slice(key) {
        let (b_start, b_stop, b_step) = big_slice_bounds(s, &len)?;
        let new_start = &start + &step * b_start;
        let new_step = &step * b_step;
        let new_stop = &start + &step * b_stop;
        return Ok(object::new_range(
            int::from_big(new_start),
            int::from_big(new_stop),
            int::from_big(new_step),
        ));
    }
    let Some(k) = int::int_of(key) else {
        return index_type_error(r, key);
    };
    let mut i = k.to_big();
    if i.is_negative() {
        i += &len;
    }
    if i.is_negative() || i >= len {
        return exc::raise(ExcType::IndexError, "range object index out of range");
    }
    Ok(int::from_big(start + step * i))
}

/// `container[key] = value`.
#[inline]
pub fn setitem(container: Word, key: Word, value: Word) -> PyResult<()> {
    if let Some(list) = object::as_list(container)
        && let Some(i) = small_index(list.items.len(), key)
    {
        object::incref(value);
        let old = std::mem::replace(&mut list.items[i], value);
        object::decref(old);
        return Ok(());
    }
    setitem_general(container, key, value)
}

/// `setitem` past its fast path, out of line so that the fast path saves no
/// registers.
#[inline(never)]
fn setitem_general(container: Word, key: Word, value: Word) -> PyResult<()> {
    if crate::array::as_array(container).is_some() {
        return crate::array::setitem(container, key, value);
    }
    if let Some(r) = crate::class::setitem(container, key, value) {
        return r;
    }
    if let Some(d) = object::as_dict(container) {
        return d.set(key, value);
    }
    if object::as_list(container).is_some() {
        if object::as_slice(key).is_some() {
            let parts = SliceParts::of_slice(key)?;
            return list_assign_slice(container, parts, value);
        }
        let Some(k) = int::int_of(key) else {
            return index_type_error(container, key);
        };
        let Some(list) = object::as_list(container) else {
            return Ok(());
        };
        return match item_index(k, list.items.len())? {
            Some(i) => {
                object::incref(value);
                let old = std::mem::replace(&mut list.items[i], value);
                object::decref(old);
                Ok(())
            }
            None => exc::raise(ExcType::IndexError, "list assignment index out of range"),
        };
    }
    exc::type_error(format!(
        "'{}' object does not support item assignment",
        type_name(container)
    ))
}

/// `list[parts] = value`, in CPython's order: the parts were converted, the
/// bounds are taken with the list's length, then the value is collected (it may
/// be the list itself).
fn list_assign_slice(list_w: Word, parts: SliceParts, value: Word) -> PyResult<()> {
    let Some(list) = object::as_list(list_w) else {
        return Ok(());
    };
    let before = list.items.len();
    let b = parts.adjust(before);
    let extended = b.step != 1;
    // An exact list or tuple (another object) of the slice's length is copied
    // in place, without collecting it first. Releasing an old item runs no code
    // (skink has no `__del__`) and cannot free either list.
    if value != list_w
        && let Some((src, _)) = exact_list_or_tuple(value)
    {
        if !extended {
            let range = b.contiguous(before);
            if src.len() == range.len() {
                let slots = &mut list.items.0[range];
                if !object::any_heap(src.iter().copied())
                    && !object::any_heap(slots.iter().copied())
                {
                    // Immediates over immediates (a permutation of small ints).
                    slots.copy_from_slice(src);
                    return Ok(());
                }
                for (slot, &w) in slots.iter_mut().zip(src) {
                    object::incref(w);
                    object::decref(std::mem::replace(slot, w));
                }
                return Ok(());
            }
        } else if src.len() == b.count {
            // `adjust` kept every index of the extended slice within the list.
            let counted = object::any_heap(src.iter().copied());
            // A slice: its bounds stay in registers across the stores.
            let items: &mut [Word] = &mut list.items.0;
            if !counted && !object::any_heap(b.indices().map(|i| items[i])) {
                // Immediates over immediates (flags in a sieve): no counts at all.
                for (i, &w) in b.indices().zip(src) {
                    items[i] = w;
                }
                return Ok(());
            }
            for (i, &w) in b.indices().zip(src) {
                if counted {
                    object::incref(w);
                }
                object::decref(std::mem::replace(&mut items[i], w));
            }
            return Ok(());
        }
    }
    let mut new = match crate::iter::collect(value) {
        Ok(items) => items,
        Err(e) => {
            if exc::pending_is(ExcType::TypeError)
                && crate::iter::iter(value).map(object::decref).is_err()
            {
                exc::clear_pending();
                return exc::type_error(if extended {
                    "must assign iterable to extended slice"
                } else {
                    "can only assign an iterable"
                });
            }
            return Err(e);
        }
    };
    let Some(list) = object::as_list(list_w) else {
        return Ok(());
    };
    let len = list.items.len();
    if !extended {
        // Clamped to the length now, which collecting the value may have changed.
        let range = b.contiguous(len);
        // An assignment of the same length swaps the new items in and releases
        // the old ones from the collected vector, after the list is whole again.
        if new.len() == range.len() {
            list.items.0[range].swap_with_slice(&mut new);
            drop(object::Items(new));
            return Ok(());
        }
        let removed: Vec<Word> = list.items.0.splice(range, new).collect();
        removed.iter().for_each(|&w| object::decref(w));
        return Ok(());
    }
    // Collecting may have changed the length (CPython then writes out of bounds):
    // the bounds are taken again rather than trusted.
    let b = if len == before { b } else { parts.adjust(len) };
    if new.len() != b.count {
        let n = new.len();
        drop(object::Items(new));
        return exc::value_error(format!(
            "attempt to assign sequence of size {n} to extended slice of size {}",
            b.count
        ));
    }
    for (i, w) in b.indices().zip(new.iter_mut()) {
        std::mem::swap(&mut list.items.0[i], w);
    }
    drop(object::Items(new));
    Ok(())
}

/// `del container[key]`.
pub fn delitem(container: Word, key: Word) -> PyResult<()> {
    if crate::array::as_array(container).is_some() {
        return exc::raise(
            ExcType::NotImplementedError,
            "skink: deleting items of an array is not supported yet",
        );
    }
    if let Some(r) = crate::class::delitem(container, key) {
        return r;
    }
    if let Some(d) = object::as_dict(container) {
        return match d.remove(key)? {
            Some((k, v)) => {
                object::decref(k);
                object::decref(v);
                Ok(())
            }
            None => {
                object::incref(key);
                exc::raise_with_arg(ExcType::KeyError, key)
            }
        };
    }
    if let Some(list) = object::as_list(container) {
        if object::as_slice(key).is_some() {
            let b = slice_bounds(key, list.items.len())?;
            let mut doomed: Vec<usize> = b.indices().collect();
            doomed.sort_unstable();
            let mut removed = Vec::with_capacity(doomed.len());
            for &i in doomed.iter().rev() {
                removed.push(list.items.remove(i));
            }
            removed.iter().for_each(|&w| object::decref(w));
            return Ok(());
        }
        let Some(k) = int::int_of(key) else {
            return index_type_error(container, key);
        };
        return match item_index(k, list.items.len())? {
            Some(i) => {
                let old = list.items.remove(i);
                object::decref(old);
                Ok(())
            }
            None => exc::raise(ExcType::IndexError, "list assignment index out of range"),
        };
    }
    exc::type_error(format!(
        "'{}' object doesn't support item deletion",
        type_name(container)
    ))
}

/// `item in container`.
pub fn contains(container: Word, item: Word) -> PyResult<bool> {
    if let Some(r) = crate::class::contains(container, item) {
        return r;
    }
    if let Some(s) = object::as_str(container) {
        return match object::as_str(item) {
            Some(sub) => Ok(s.value.contains(sub.value.as_str())),
            None => exc::type_error(format!(
                "'in <string>' requires string as left operand, not {}",
                type_name(item)
            )),
        };
    }
    if object::as_seq(container).is_some() {
        let items = Owned::share(container);
        let mut i = 0;
        while let Some(&w) = object::as_seq(items.0).and_then(|s| s.get(i)) {
            let w = Owned::share(w);
            if ops::equal(w.0, item)? {
                return Ok(true);
            }
            i += 1;
        }
        return Ok(false);
    }
    if let Some(d) = object::as_dict(container) {
        return Ok(d.get(item)?.is_some());
    }
    if object::as_anyset(container).is_some() {
        return crate::setops::contains(container, item);
    }
    if let Some(b) = object::as_bytes(container) {
        if let Some(i) = int::int_of(item) {
            let v = index_value(i);
            if !(0..256).contains(&v) {
                return exc::value_error("byte must be in range(0, 256)");
            }
            return Ok(b.value.contains(&(v as u8)));
        }
        if let Some(sub) = object::as_bytes(item) {
            return Ok(sub.value.is_empty()
                || b.value
                    .windows(sub.value.len())
                    .any(|w| w == sub.value.as_slice()));
        }
        return exc::type_error(format!(
            "a bytes-like object is required, not '{}'",
            type_name(item)
        ));
    }
    if object::as_range(container).is_some()
        && let Some(i) = int::int_of(item)
    {
        let (start, stop, step, _) = range_parts(container);
        let i = i.to_big();
        let inside = if step.is_positive() {
            start <= i && i < stop
        } else {
            stop < i && i <= start
        };
        return Ok(inside && num_integer::Integer::mod_floor(&(i - &start), &step).is_zero());
    }
    if let Some(v) = object::as_dict_view(container) {
        let d = v.dict.0;
        match v.which {
            object::ViewKind::Keys => return contains(d, item),
            object::ViewKind::Items => {
                let Some(pair) = object::as_tuple(item).filter(|t| t.items.len() == 2) else {
                    return Ok(false);
                };
                let (k, val) = (pair.items[0], pair.items[1]);
                let found = object::as_dict(d).map(|d| d.get(k)).transpose()?.flatten();
                return match found {
                    Some(found) => {
                        let found = Owned::share(found);
                        ops::equal(found.0, val)
                    }
                    None => Ok(false),
                };
            }
            object::ViewKind::Values => {}
        }
    }
    // Any other iterable: walk it.
    let it = match crate::iter::iter(container) {
        Ok(it) => Owned(it),
        Err(_) if exc::pending_is(ExcType::TypeError) => {
            exc::clear_pending();
            return exc::type_error(format!(
                "argument of type '{}' is not iterable",
                type_name(container)
            ));
        }
        Err(e) => return Err(e),
    };
    loop {
        let next = crate::iter::next(it.0)?;
        if next == abi::STOP {
            return Ok(false);
        }
        let next = Owned(next);
        if ops::equal(next.0, item)? {
            return Ok(true);
        }
    }
}
