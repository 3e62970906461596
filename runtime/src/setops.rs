//! `set` and `frozenset` for compiled programs: construction, membership, the
//! operators and the methods, on top of `settable` (which lays tables out as
//! CPython does, so iteration order matches). This module owns the reference
//! counting: every key a table gains is increfed, every key it drops released.

use skink_abi::{self as abi, Word};

use crate::call::Kw;
use crate::exc::{self, ExcType, PyResult, Raised};
use crate::object::{self, Items, Owned};
use crate::ops::{self, BinOp, CmpOp};
use crate::settable::{self, Changes, SetTable};
use crate::{iter, methods};

pub const SET_METHODS: &[&str] = &[
    "add",
    "discard",
    "remove",
    "pop",
    "clear",
    "copy",
    "union",
    "intersection",
    "difference",
    "symmetric_difference",
    "update",
    "intersection_update",
    "difference_update",
    "symmetric_difference_update",
    "issubset",
    "issuperset",
    "isdisjoint",
];

pub const FROZENSET_METHODS: &[&str] = &[
    "copy",
    "union",
    "intersection",
    "difference",
    "symmetric_difference",
    "issubset",
    "issuperset",
    "isdisjoint",
];

fn eq(a: Word, b: Word) -> Result<bool, Raised> {
    ops::equal(a, b)
}

fn table<'a>(w: Word) -> &'a mut SetTable<Word> {
    match object::as_anyset(w) {
        Some(t) => t,
        None => crate::fatal("set operation on a non-set"),
    }
}

/// Takes references to every key of a freshly built table.
fn owned_set(t: SetTable<Word>, frozen: bool) -> Word {
    for (k, _) in t.iter() {
        object::incref(k);
    }
    object::new_set(t, frozen)
}

/// Applies the reference changes of an in-place table operation.
fn apply(changes: Changes<Word, Raised>) -> PyResult<()> {
    changes.added.iter().for_each(|&k| object::incref(k));
    changes.removed.iter().for_each(|&k| object::decref(k));
    changes.result
}

/// Items of an iterable with their hashes (holding references in `items`).
fn hashed(items: &Items) -> PyResult<Vec<(Word, i64)>> {
    items.iter().map(|&k| Ok((k, ops::hash(k)?))).collect()
}

fn collect(w: Word) -> PyResult<Items> {
    Ok(Items(iter::collect(w)?))
}

/// A set of the given (borrowed) items.
pub fn from_items(items: &[Word], frozen: bool) -> PyResult<Word> {
    let keys: Vec<(Word, i64)> = items
        .iter()
        .map(|&k| Ok((k, ops::hash(k)?)))
        .collect::<PyResult<_>>()?;
    let t = SetTable::from_keys(keys.into_iter().map(Ok), &mut eq)?;
    Ok(owned_set(t, frozen))
}

/// `{c1, c2, c3, ...}` of constants: CPython compiles it to an empty set updated
/// from a frozenset constant, whose layout decides the order.
pub fn from_const_items(items: &[Word]) -> PyResult<Word> {
    let keys: Vec<(Word, i64)> = items
        .iter()
        .map(|&k| Ok((k, ops::hash(k)?)))
        .collect::<PyResult<_>>()?;
    let frozen = SetTable::constant_frozenset(&keys, &mut eq)?;
    let mut t = SetTable::new();
    let changes = t.update(&frozen, &mut eq);
    changes.result?;
    Ok(owned_set(t, false))
}

/// `set(x)` / `frozenset(x)`.
pub fn construct(arg: Option<Word>, frozen: bool) -> PyResult<Word> {
    let Some(src) = arg else {
        return Ok(object::new_set(SetTable::new(), frozen));
    };
    if frozen && object::is_frozenset(src) {
        object::incref(src);
        return Ok(src);
    }
    if let Some(t) = object::as_anyset(src) {
        return Ok(owned_set(t.copy(), frozen));
    }
    let items = collect(src)?;
    from_items(&items, frozen)
}

pub fn add(set: Word, item: Word) -> PyResult<()> {
    let h = ops::hash(item)?;
    if table(set).insert(item, h, &mut eq)? {
        object::incref(item);
    }
    Ok(())
}

pub fn contains(set: Word, item: Word) -> PyResult<bool> {
    let h = match ops::hash(item) {
        Ok(h) => h,
        // `[1] in {…}` is False in CPython only for sets: an unhashable set
        // probes as a frozenset; anything else unhashable raises.
        Err(e) => {
            if object::is_set(item) && exc::pending_is(ExcType::TypeError) {
                exc::clear_pending();
                let frozen = Owned(construct(Some(item), true)?);
                return contains(set, frozen.0);
            }
            return Err(e);
        }
    };
    table(set).contains(item, h, &mut eq)
}

/// `a | b`, `a & b`, `a - b`, `a ^ b` for two sets; `None` when either is not one.
pub fn binary(op: BinOp, a: Word, b: Word) -> Option<PyResult<Word>> {
    if object::as_anyset(a).is_none() || object::as_anyset(b).is_none() {
        return None;
    }
    let frozen = object::is_frozenset(a);
    let (x, y) = (table(a), table(b));
    let r = match op {
        BinOp::Or => x.union(y, &mut eq),
        BinOp::And => x.intersection(y, &mut eq),
        BinOp::Sub => x.difference(y, &mut eq),
        BinOp::Xor => x.symmetric_difference(y, &mut eq),
        _ => return None,
    };
    Some(r.map(|t| owned_set(t, frozen)))
}

/// `a |= b` and friends for a (mutable) set.
pub fn inplace(op: BinOp, a: Word, b: Word) -> Option<PyResult<Word>> {
    object::as_anyset(b)?;
    let same = a == b;
    let (x, y) = (table(a), table(b));
    let changes = match op {
        BinOp::Or if same => return Some(Ok(share(a))),
        BinOp::Or => x.update(y, &mut eq),
        BinOp::And if same => return Some(Ok(share(a))),
        BinOp::And => x.intersection_update(y, &mut eq),
        BinOp::Sub | BinOp::Xor if same => {
            let keys = x.clear();
            keys.iter().for_each(|&k| object::decref(k));
            return Some(Ok(share(a)));
        }
        BinOp::Sub => x.difference_update(y, &mut eq),
        BinOp::Xor => x.symmetric_difference_update(y, &mut eq),
        _ => return None,
    };
    Some(apply(changes).map(|()| share(a)))
}

fn share(w: Word) -> Word {
    object::incref(w);
    w
}

/// Comparisons of two sets: equality and the subset orders.
pub fn compare(op: CmpOp, a: Word, b: Word) -> PyResult<bool> {
    let (x, y) = (table(a), table(b));
    Ok(match op {
        CmpOp::Eq => x.is_equal(y, &mut eq)?,
        CmpOp::Ne => !x.is_equal(y, &mut eq)?,
        CmpOp::Le => x.is_subset(y, &mut eq)?,
        CmpOp::Lt => x.is_proper_subset(y, &mut eq)?,
        CmpOp::Ge => x.is_superset(y, &mut eq)?,
        CmpOp::Gt => x.is_proper_superset(y, &mut eq)?,
    })
}

/// A set of the items of any iterable.
pub fn set_of(w: Word) -> PyResult<Word> {
    construct(Some(w), false)
}

/// `hash(frozenset)`, CPython's algorithm over the element hashes.
pub fn frozenset_hash(w: Word) -> i64 {
    let hashes: Vec<i64> = table(w).iter().map(|(_, h)| h).collect();
    settable::hash_frozenset(&hashes)
}

/// A temporary set for a method argument that is not a set.
fn as_set_arg(w: Word) -> PyResult<Owned> {
    if object::as_anyset(w).is_some() {
        return Ok(Owned::share(w));
    }
    Ok(Owned(set_of(w)?))
}

/// `s.name(*args)`.
pub fn call(obj: Word, name: &str, args: &[Word], kw: &Kw) -> PyResult<Word> {
    let frozen = object::is_frozenset(obj);
    let ty = if frozen { "frozenset" } else { "set" };
    if !kw.is_empty() {
        return exc::type_error(format!("{ty}.{name}() takes no keyword arguments"));
    }
    let allowed = if frozen {
        FROZENSET_METHODS
    } else {
        SET_METHODS
    };
    if !allowed.contains(&name) {
        return methods::no_attribute(obj, name);
    }
    let one_arg = |name, args| methods::one_arg(ty, name, args);
    let no_args = |args| methods::no_args(ty, name, args);
    match name {
        "add" => {
            add(obj, one_arg(name, args)?)?;
            Ok(abi::NONE)
        }
        "discard" | "remove" => {
            let x = one_arg(name, args)?;
            let h = match ops::hash(x) {
                Ok(h) => h,
                Err(e) if object::is_set(x) && exc::pending_is(ExcType::TypeError) => {
                    let _ = e;
                    exc::clear_pending();
                    let f = Owned(construct(Some(x), true)?);
                    return call(obj, name, &[f.0], kw);
                }
                Err(e) => return Err(e),
            };
            match table(obj).remove(x, h, &mut eq)? {
                Some(old) => {
                    object::decref(old);
                    Ok(abi::NONE)
                }
                None if name == "remove" => {
                    object::incref(x);
                    exc::raise_with_arg(ExcType::KeyError, x)
                }
                None => Ok(abi::NONE),
            }
        }
        "pop" => {
            no_args(args)?;
            match table(obj).pop() {
                Some(k) => Ok(k),
                None => exc::raise(ExcType::KeyError, "pop from an empty set"),
            }
        }
        "clear" => {
            no_args(args)?;
            let keys = table(obj).clear();
            keys.iter().for_each(|&k| object::decref(k));
            Ok(abi::NONE)
        }
        "copy" => {
            no_args(args)?;
            if frozen {
                return Ok(share(obj));
            }
            Ok(owned_set(table(obj).copy(), false))
        }
        "union" | "intersection" | "difference" => {
            let mut result = Owned(owned_set(table(obj).copy(), frozen));
            if name == "intersection" && args.is_empty() {
                return Ok(result.into_word());
            }
            for &other in args {
                let other = as_set_arg(other)?;
                let op = match name {
                    "union" => BinOp::Or,
                    "intersection" => BinOp::And,
                    _ => BinOp::Sub,
                };
                let next = binary(op, result.0, other.0).unwrap_or(Ok(abi::NONE))?;
                result = Owned(next);
            }
            if frozen && !object::is_frozenset(result.0) {
                let f = construct(Some(result.0), true)?;
                return Ok(f);
            }
            Ok(result.into_word())
        }
        "symmetric_difference" => {
            let other = as_set_arg(one_arg(name, args)?)?;
            binary(BinOp::Xor, obj, other.0).unwrap_or(Ok(abi::NONE))
        }
        "update" | "intersection_update" | "difference_update" => {
            for &other in args {
                if name == "update" && object::as_anyset(other).is_none() {
                    // A general iterable is added one item at a time.
                    let items = collect(other)?;
                    let keys = hashed(&items)?;
                    apply(table(obj).update_iter(keys.into_iter().map(Ok), &mut eq))?;
                    continue;
                }
                let other = as_set_arg(other)?;
                let op = match name {
                    "update" => BinOp::Or,
                    "intersection_update" => BinOp::And,
                    _ => BinOp::Sub,
                };
                let r = inplace(op, obj, other.0).unwrap_or(Ok(abi::NONE))?;
                object::decref(r);
            }
            Ok(abi::NONE)
        }
        "symmetric_difference_update" => {
            let other = as_set_arg(one_arg(name, args)?)?;
            let r = inplace(BinOp::Xor, obj, other.0).unwrap_or(Ok(abi::NONE))?;
            object::decref(r);
            Ok(abi::NONE)
        }
        "issubset" | "issuperset" | "isdisjoint" => {
            let other = as_set_arg(one_arg(name, args)?)?;
            let (x, y) = (table(obj), table(other.0));
            let r = match name {
                "issubset" => x.is_subset(y, &mut eq)?,
                "issuperset" => x.is_superset(y, &mut eq)?,
                _ => x.is_disjoint(y, &mut eq)?,
            };
            Ok(abi::bool_word(r))
        }
        _ => methods::no_attribute(obj, name),
    }
}
