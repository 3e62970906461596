//! The iterator protocol: `iter(x)`, `next(it)` (returning `STOP` at the end
//! instead of raising `StopIteration`) and the lazy builtin iterators
//! (`enumerate`, `zip`, `map`, `filter`, `reversed`).

use num_bigint::BigInt;
use num_traits::{One, Signed};
use skink_abi::{self as abi, Word};

use crate::exc::{self, ExcType, PyResult};
use crate::int::{self, Int};
use crate::object::{self, Items, IterState, Owned, RangeCursor, ViewKind, type_name};
use crate::{ops, seq};

fn range_cursor(start: BigInt, stop: BigInt, step: BigInt) -> RangeCursor {
    use num_traits::ToPrimitive;
    match (start.to_i64(), stop.to_i64(), step.to_i64()) {
        // Keep `next + step` from overflowing an i64.
        (Some(next), Some(stop), Some(step))
            if next.checked_add(step).is_some() && stop.checked_add(step).is_some() =>
        {
            RangeCursor::Small { next, stop, step }
        }
        _ => RangeCursor::Big {
            next: start,
            stop,
            step,
        },
    }
}

/// The iterator of `for x in range(...)`: laid out for compiled code to step
/// inline when the bounds fit an i64.
pub fn for_range(r: Word) -> PyResult<Word> {
    let (start, stop, step, _) = seq::range_parts(r);
    Ok(match range_cursor(start, stop, step) {
        RangeCursor::Small { next, stop, step } => object::new_loop_range_iter(next, stop, step),
        big => object::new_range_iter(big),
    })
}

/// `iter(v)`: a new reference to an iterator over `v`.
pub fn iter(v: Word) -> PyResult<Word> {
    use object::PyType as T;
    if let Some(r) = crate::class::iter(v) {
        return r;
    }
    if crate::generator::as_generator(v).is_some() {
        object::incref(v);
        return Ok(v);
    }
    if crate::file::as_file(v).is_some() {
        return crate::file::iter(v);
    }
    let state = match object::dispatch_type(v) {
        T::List | T::Tuple | T::Str | T::Bytes | T::Array => IterState::Seq {
            seq: Owned::share(v),
            pos: 0,
        },
        T::Range => {
            let (start, stop, step, _) = seq::range_parts(v);
            IterState::Range(range_cursor(start, stop, step))
        }
        T::Dict => dict_state(v, ViewKind::Keys),
        T::Set | T::FrozenSet => {
            let keys: Vec<Word> = object::as_anyset(v)
                .map(|t| t.iter().map(|(k, _)| k).collect())
                .unwrap_or_default();
            keys.iter().for_each(|&k| object::incref(k));
            let len = keys.len();
            IterState::Set {
                set: Owned::share(v),
                keys: Items(keys),
                pos: 0,
                len,
            }
        }
        _ if object::as_iter(v).is_some() => {
            object::incref(v);
            return Ok(v);
        }
        _ => match object::as_dict_view(v) {
            Some(view) => dict_state(view.dict.0, view.which),
            None => {
                return exc::type_error(format!("'{}' object is not iterable", type_name(v)));
            }
        },
    };
    Ok(object::new_iter(state))
}

fn dict_state(d: Word, which: ViewKind) -> IterState {
    IterState::Dict {
        dict: Owned::share(d),
        pos: 0,
        len: object::as_dict(d).map_or(0, |d| d.len()),
        which,
    }
}

/// Whether `iter(w)` can work (without calling anything).
pub fn is_iterable(w: Word) -> bool {
    use object::PyType as T;
    matches!(
        object::dispatch_type(w),
        T::List | T::Tuple | T::Str | T::Bytes | T::Range | T::Dict | T::Set | T::FrozenSet
    ) || is_iterator(w)
        || object::as_dict_view(w).is_some()
        || crate::class::has_special(w, "__iter__")
        || crate::class::has_special(w, "__getitem__")
}

/// Whether `next()` applies to `w`.
pub fn is_iterator(w: Word) -> bool {
    object::as_iter(w).is_some()
        || crate::generator::as_generator(w).is_some()
        || crate::file::as_file(w).is_some()
        || crate::class::has_special(w, "__next__")
}

/// `obj[index]` for the sequence protocol, with `IndexError` and `StopIteration`
/// meaning the end (`STOP`).
fn item_or_stop(obj: Word, index: usize) -> PyResult<Word> {
    let i = Owned(int::from_i64(index as i64));
    match crate::seq::getitem(obj, i.0) {
        Ok(v) => Ok(v),
        Err(_)
            if exc::pending_is(ExcType::IndexError) || exc::pending_is(ExcType::StopIteration) =>
        {
            exc::clear_pending();
            Ok(abi::STOP)
        }
        Err(e) => Err(e),
    }
}

/// The next item (a new reference), or `STOP`.
pub fn next(it: Word) -> PyResult<Word> {
    // A `for` loop over a list or tuple is the commonest step of all: one item
    // without the general dispatch below (an exhausted one takes that path).
    if let Some(obj) = object::as_iter(it)
        && let IterState::Seq { seq, pos } = &mut obj.state
        && let Some(items) = object::as_seq(seq.0)
        && let Some(&item) = items.get(*pos)
    {
        *pos += 1;
        object::incref(item);
        return Ok(item);
    }
    if let Some(r) = object::as_loop_range_iter(it) {
        let mut cursor = RangeCursor::Small {
            next: r.next,
            stop: r.stop,
            step: r.step,
        };
        let value = range_next(&mut cursor);
        if let RangeCursor::Small { next, .. } = cursor {
            r.next = next;
        }
        return Ok(value);
    }
    // Builtin iterators first: they are the common case.
    let Some(obj) = object::as_iter(it) else {
        if crate::generator::as_generator(it).is_some() {
            return crate::generator::next(it);
        }
        if crate::file::as_file(it).is_some() {
            return crate::file::next(it);
        }
        if let Some(r) = crate::class::next(it) {
            return r;
        }
        return exc::type_error(format!("'{}' object is not an iterator", type_name(it)));
    };
    let r = step(&mut obj.state);
    if let Ok(abi::STOP) = r
        && let Some(obj) = object::as_iter(it)
        && !matches!(obj.state, IterState::Range(_))
    {
        // Release what an exhausted iterator holds, as CPython does.
        obj.state = IterState::Exhausted;
    }
    r
}

fn step(state: &mut IterState) -> PyResult<Word> {
    match state {
        IterState::Range(c) => Ok(range_next(c)),
        IterState::GetItem { obj, index } => {
            let v = item_or_stop(obj.0, *index)?;
            if v != abi::STOP {
                *index += 1;
            }
            Ok(v)
        }
        IterState::ReversedGetItem { obj, left } => {
            if *left == 0 {
                return Ok(abi::STOP);
            }
            *left -= 1;
            let v = item_or_stop(obj.0, *left)?;
            if v == abi::STOP {
                *left = 0;
            }
            Ok(v)
        }
        IterState::Seq { seq, pos } => Ok(seq_next(seq.0, pos)),
        IterState::Reversed { seq, pos } => {
            let Some(items) = object::as_seq(seq.0) else {
                return Ok(abi::STOP);
            };
            if *pos == 0 || *pos > items.len() {
                *pos = 0;
                return Ok(abi::STOP);
            }
            *pos -= 1;
            let w = items[*pos];
            object::incref(w);
            Ok(w)
        }
        IterState::Dict {
            dict,
            pos,
            len,
            which,
        } => {
            let Some(d) = object::as_dict(dict.0) else {
                return Ok(abi::STOP);
            };
            if d.len() != *len {
                *len = usize::MAX;
                return exc::raise(
                    ExcType::RuntimeError,
                    "dictionary changed size during iteration",
                );
            }
            while *pos < d.slots() {
                let slot = d.slot(*pos);
                *pos += 1;
                if let Some(e) = slot {
                    return Ok(match which {
                        ViewKind::Keys => {
                            object::incref(e.key);
                            e.key
                        }
                        ViewKind::Values => {
                            object::incref(e.value);
                            e.value
                        }
                        ViewKind::Items => {
                            object::incref(e.key);
                            object::incref(e.value);
                            crate::free_tuples::take(&[e.key, e.value])
                        }
                    });
                }
            }
            Ok(abi::STOP)
        }
        IterState::Set {
            set,
            keys,
            pos,
            len,
        } => {
            if object::as_anyset(set.0).map_or(0, |t| t.len()) != *len {
                *len = usize::MAX;
                return exc::raise(ExcType::RuntimeError, "Set changed size during iteration");
            }
            let Some(&k) = keys.get(*pos) else {
                return Ok(abi::STOP);
            };
            *pos += 1;
            object::incref(k);
            Ok(k)
        }
        IterState::Enumerate { inner, count } => {
            let item = next(inner.0)?;
            if item == abi::STOP {
                return Ok(abi::STOP);
            }
            let n = count.0;
            let following = match int::int_of(n) {
                Some(i) => int::add(i, Int::Small(1)),
                None => abi::small_int(0),
            };
            let n = std::mem::replace(&mut count.0, following);
            Ok(crate::free_tuples::take(&[n, item]))
        }
        IterState::Zip { iters } => {
            if iters.is_empty() {
                return Ok(abi::STOP);
            }
            if let [first, second] = iters.as_slice() {
                // Two iterables, the common case, without a vector.
                let a = next(*first)?;
                if a == abi::STOP {
                    return Ok(abi::STOP);
                }
                let b = next(*second);
                if !matches!(b, Ok(w) if w != abi::STOP) {
                    object::decref(a);
                }
                let b = b?;
                if b == abi::STOP {
                    return Ok(abi::STOP);
                }
                return Ok(crate::free_tuples::take(&[a, b]));
            }
            let mut items = Items(Vec::with_capacity(iters.len()));
            for &i in iters.iter() {
                let item = next(i)?;
                if item == abi::STOP {
                    return Ok(abi::STOP);
                }
                items.push(item);
            }
            Ok(object::new_tuple(std::mem::take(&mut items.0)))
        }
        IterState::Map { func, iters } => {
            let mut args = Items(Vec::with_capacity(iters.len()));
            for &i in iters.iter() {
                let item = next(i)?;
                if item == abi::STOP {
                    return Ok(abi::STOP);
                }
                args.push(item);
            }
            crate::call::call(func.0, &args, &[])
        }
        IterState::Filter { func, inner } => loop {
            let item = next(inner.0)?;
            if item == abi::STOP {
                return Ok(abi::STOP);
            }
            let item = Owned(item);
            let keep = if func.0 == abi::NONE {
                ops::truthy(item.0)?
            } else {
                let r = Owned(crate::call::call(func.0, &[item.0], &[])?);
                ops::truthy(r.0)?
            };
            if keep {
                return Ok(item.into_word());
            }
        },
        IterState::Exhausted => Ok(abi::STOP),
    }
}

fn seq_next(seq: Word, pos: &mut usize) -> Word {
    if let Some(items) = object::as_seq(seq) {
        let Some(&item) = items.get(*pos) else {
            return abi::STOP;
        };
        *pos += 1;
        object::incref(item);
        return item;
    }
    if let Some(s) = object::as_str(seq) {
        let Some(c) = s.value[*pos..].chars().next() else {
            return abi::STOP;
        };
        *pos += c.len_utf8();
        return object::char_str(c);
    }
    if let Some(a) = crate::array::as_array(seq) {
        if *pos >= crate::array::len(a) {
            return abi::STOP;
        }
        let key = int::from_i64(*pos as i64);
        *pos += 1;
        return crate::array::getitem(seq, key).unwrap_or(abi::STOP);
    }
    if let Some(b) = object::as_bytes(seq) {
        let Some(&byte) = b.value.get(*pos) else {
            return abi::STOP;
        };
        *pos += 1;
        return int::from_i64(byte as i64);
    }
    abi::STOP
}

fn range_next(c: &mut RangeCursor) -> Word {
    match c {
        RangeCursor::Small { next, stop, step } => {
            let more = if *step > 0 {
                *next < *stop
            } else {
                *next > *stop
            };
            if !more {
                return abi::STOP;
            }
            let value = *next;
            // The cursor was built so that this cannot overflow.
            *next += *step;
            int::from_i64(value)
        }
        RangeCursor::Big { next, stop, step } => {
            let more = if step.is_positive() {
                *next < *stop
            } else {
                *next > *stop
            };
            if !more {
                return abi::STOP;
            }
            let value = next.clone();
            *next += &*step;
            int::from_big(value)
        }
    }
}

/// All items of an iterable, as new references.
pub fn collect(v: Word) -> PyResult<Vec<Word>> {
    if let Some(items) = object::as_seq(v) {
        let items = items.to_vec();
        items.iter().for_each(|&w| object::incref(w));
        return Ok(items);
    }
    let it = Owned(iter(v)?);
    let mut out = Items(Vec::new());
    loop {
        let item = next(it.0)?;
        if item == abi::STOP {
            return Ok(std::mem::take(&mut out.0));
        }
        out.push(item);
    }
}

/// `reversed(v)`.
pub fn reversed(v: Word) -> PyResult<Word> {
    use object::PyType as T;
    if crate::class::class_of(v).is_some() {
        if let Some(r) = crate::class::call_special(v, "__reversed__", &[]) {
            return r;
        }
        // The sequence protocol: `__len__` and `__getitem__`, from the end.
        if crate::class::has_special(v, "__getitem__") {
            let left = crate::builtins::length(v)?;
            return Ok(object::new_iter(IterState::ReversedGetItem {
                obj: Owned::share(v),
                left,
            }));
        }
    }
    let state = match object::dispatch_type(v) {
        T::List | T::Tuple => IterState::Reversed {
            seq: Owned::share(v),
            pos: object::as_seq(v).map_or(0, |s| s.len()),
        },
        _ if matches!(object::dispatch_type(v), T::Str | T::Dict)
            || object::as_dict_view(v).is_some() =>
        {
            let items = collect(v)?;
            let n = items.len();
            IterState::Reversed {
                seq: Owned(object::new_tuple(items)),
                pos: n,
            }
        }
        T::Range => {
            let (start, _, step, len) = seq::range_parts(v);
            let last = &start + &step * (&len - BigInt::one());
            let stop = &start - &step;
            IterState::Range(range_cursor(last, stop, -step))
        }
        _ => {
            return exc::type_error(format!("'{}' object is not reversible", type_name(v)));
        }
    };
    Ok(object::new_iter(state))
}

pub fn enumerate(v: Word, start: Word) -> PyResult<Word> {
    if int::int_of(start).is_none() {
        return exc::type_error(format!(
            "'{}' object cannot be interpreted as an integer",
            type_name(start)
        ));
    }
    let inner = Owned(iter(v)?);
    let count = match int::int_of(start) {
        Some(i) => int::to_word(i),
        None => abi::small_int(0),
    };
    Ok(object::new_iter(IterState::Enumerate {
        inner,
        count: Owned(count),
    }))
}

fn iters_of(args: &[Word], what: &str) -> PyResult<Items> {
    let mut iters = Items(Vec::with_capacity(args.len()));
    for (i, &a) in args.iter().enumerate() {
        match iter(a) {
            Ok(it) => iters.push(it),
            Err(e) => {
                if exc::pending_is(ExcType::TypeError) && !what.is_empty() {
                    exc::clear_pending();
                    return exc::type_error(format!(
                        "{what} argument #{} must support iteration",
                        i + 1
                    ));
                }
                return Err(e);
            }
        }
    }
    Ok(iters)
}

pub fn zip(args: &[Word]) -> PyResult<Word> {
    let iters = iters_of(args, "zip()")?;
    Ok(object::new_iter(IterState::Zip { iters }))
}

pub fn map(func: Word, args: &[Word]) -> PyResult<Word> {
    if args.is_empty() {
        return exc::type_error("map() must have at least two arguments.");
    }
    let iters = iters_of(args, "")?;
    Ok(object::new_iter(IterState::Map {
        func: Owned::share(func),
        iters,
    }))
}

pub fn filter(func: Word, v: Word) -> PyResult<Word> {
    let inner = Owned(iter(v)?);
    Ok(object::new_iter(IterState::Filter {
        func: Owned::share(func),
        inner,
    }))
}
