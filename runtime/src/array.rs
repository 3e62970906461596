//! `array.array` for the typecodes `b B i l d`: a typed, packed sequence with
//! CPython's range checks and messages on every store.

use skink_abi::{self as abi, ObjHeader, Word, kind};

use crate::call::Kw;
use crate::exc::{self, ExcType, PyResult};
use crate::int;
use crate::object::{self, Owned};

#[derive(Clone, Debug)]
pub enum Items {
    Int(Vec<i64>),
    Float(Vec<f64>),
}

#[repr(C)]
pub struct ArrayObj {
    pub header: ObjHeader,
    pub typecode: char,
    pub items: Items,
}

pub fn as_array<'a>(w: Word) -> Option<&'a mut ArrayObj> {
    object::view_mut::<ArrayObj>(w, kind::ARRAY)
}

/// The range of an integer typecode and CPython's messages when a value leaves it.
fn int_range(typecode: char) -> (i64, i64, &'static str, &'static str) {
    match typecode {
        'b' => (
            -128,
            127,
            "signed char is less than minimum",
            "signed char is greater than maximum",
        ),
        'B' => (
            0,
            255,
            "unsigned byte integer is less than minimum",
            "unsigned byte integer is greater than maximum",
        ),
        'i' => (
            i32::MIN as i64,
            i32::MAX as i64,
            "signed integer is less than minimum",
            "signed integer is greater than maximum",
        ),
        _ => (
            i64::MIN,
            i64::MAX,
            "Python int too large to convert to C long",
            "Python int too large to convert to C long",
        ),
    }
}

fn itemsize(typecode: char) -> i64 {
    match typecode {
        'b' | 'B' => 1,
        'i' => 4,
        _ => 8,
    }
}

/// Converts a value for storing into an array of `typecode`.
fn convert_int(typecode: char, w: Word) -> PyResult<i64> {
    let Some(i) = int::int_of(w) else {
        if object::as_float(w).is_some() {
            return exc::type_error("'float' object cannot be interpreted as an integer");
        }
        return exc::type_error(format!(
            "an integer is required (got type {})",
            object::type_name(w)
        ));
    };
    let (lo, hi, below, above) = int_range(typecode);
    match i {
        int::Int::Small(v) if v < lo => exc::overflow_error(below),
        int::Int::Small(v) if v > hi => exc::overflow_error(above),
        int::Int::Small(v) => Ok(v),
        int::Int::Big(b) if b.sign() == num_bigint::Sign::Minus => exc::overflow_error(below),
        int::Int::Big(_) => exc::overflow_error(above),
    }
}

fn convert_float(w: Word) -> PyResult<f64> {
    if let Some(f) = object::as_float(w) {
        return Ok(f);
    }
    if let Some(i) = int::int_of(w) {
        return int::to_f64(i);
    }
    exc::type_error(format!("must be real number, not {}", object::type_name(w)))
}

fn new(typecode: char, items: Items) -> Word {
    object::into_word(Box::new(ArrayObj {
        header: object::header(kind::ARRAY),
        typecode,
        items,
    }))
}

/// `array.array(typecode[, initializer])`.
pub fn construct(args: &[Word], kw: &Kw) -> PyResult<Word> {
    if !kw.is_empty() {
        return exc::type_error("array.array() takes no keyword arguments");
    }
    let (code, init) = match args {
        [c] => (*c, None),
        [c, i] => (*c, Some(*i)),
        _ => {
            return exc::type_error(format!(
                "array() takes at most 2 arguments ({} given)",
                args.len()
            ));
        }
    };
    let Some(code_str) = object::as_str(code) else {
        return exc::type_error(format!(
            "array() argument 1 must be a unicode character, not {}",
            object::type_name(code)
        ));
    };
    let mut chars = code_str.value.chars();
    let (Some(typecode), None) = (chars.next(), chars.next()) else {
        return exc::type_error("array() argument 1 must be a unicode character, not str");
    };
    let items = match typecode {
        'b' | 'B' | 'i' | 'l' => Items::Int(Vec::new()),
        'd' => Items::Float(Vec::new()),
        'u' | 'h' | 'H' | 'I' | 'L' | 'q' | 'Q' | 'f' => {
            return exc::raise(
                ExcType::NotImplementedError,
                format!("skink: array typecode '{typecode}' is not supported yet"),
            );
        }
        _ => {
            return exc::value_error(
                "bad typecode (must be b, B, u, h, H, i, I, l, L, q, Q, f or d)",
            );
        }
    };
    let a = Owned(new(typecode, items));
    if let Some(init) = init {
        extend(a.0, init)?;
    }
    Ok(a.into_word())
}

fn extend(a: Word, iterable: Word) -> PyResult<()> {
    let values = object::Items(crate::iter::collect(iterable)?);
    for &v in values.iter() {
        append(a, v)?;
    }
    Ok(())
}

fn append(a: Word, v: Word) -> PyResult<()> {
    let Some(arr) = as_array(a) else {
        return Ok(());
    };
    let tc = arr.typecode;
    match &mut arr.items {
        Items::Int(xs) => xs.push(convert_int(tc, v)?),
        Items::Float(xs) => xs.push(convert_float(v)?),
    }
    Ok(())
}

pub fn len(a: &ArrayObj) -> usize {
    match &a.items {
        Items::Int(xs) => xs.len(),
        Items::Float(xs) => xs.len(),
    }
}

fn get(a: &ArrayObj, i: usize) -> Word {
    match &a.items {
        Items::Int(xs) => int::from_i64(xs[i]),
        Items::Float(xs) => object::new_float(xs[i]),
    }
}

/// A Python index into an array of `len` items.
fn index(key: Word, len: usize, what: &str) -> PyResult<usize> {
    let Some(i) = int::int_of(key) else {
        return exc::type_error("array indices must be integers");
    };
    let i = match i {
        int::Int::Small(v) => v,
        int::Int::Big(_) => return exc::raise(ExcType::IndexError, what.to_string()),
    };
    let i = if i < 0 { i + len as i64 } else { i };
    if i < 0 || i >= len as i64 {
        return exc::raise(ExcType::IndexError, what.to_string());
    }
    Ok(i as usize)
}

pub fn getitem(w: Word, key: Word) -> PyResult<Word> {
    let Some(a) = as_array(w) else {
        return exc::type_error("not an array");
    };
    if object::as_slice(key).is_some() {
        let b = crate::seq::slice_bounds(key, len(a))?;
        let items = match &a.items {
            Items::Int(xs) => Items::Int(b.indices().map(|i| xs[i]).collect()),
            Items::Float(xs) => Items::Float(b.indices().map(|i| xs[i]).collect()),
        };
        return Ok(new(a.typecode, items));
    }
    let i = index(key, len(a), "array index out of range")?;
    Ok(get(a, i))
}

pub fn setitem(w: Word, key: Word, v: Word) -> PyResult<()> {
    let Some(a) = as_array(w) else {
        return exc::type_error("not an array");
    };
    if object::as_slice(key).is_some() {
        return exc::raise(
            ExcType::NotImplementedError,
            "skink: slice assignment to an array is not supported yet",
        );
    }
    let i = index(key, len(a), "array assignment index out of range")?;
    let tc = a.typecode;
    match &mut a.items {
        Items::Int(xs) => xs[i] = convert_int(tc, v)?,
        Items::Float(xs) => xs[i] = convert_float(v)?,
    }
    Ok(())
}

/// The items as new references (for iteration, comparison, `tolist`).
pub fn values(a: &ArrayObj) -> Vec<Word> {
    (0..len(a)).map(|i| get(a, i)).collect()
}

pub fn repr(a: &ArrayObj) -> PyResult<String> {
    if len(a) == 0 {
        return Ok(format!("array('{}')", a.typecode));
    }
    let items = object::Items(values(a));
    let parts: PyResult<Vec<String>> = items.iter().map(|&w| crate::ops::repr_of(w)).collect();
    Ok(format!("array('{}', [{}])", a.typecode, parts?.join(", ")))
}

pub const METHODS: &[&str] = &[
    "append", "extend", "tolist", "pop", "insert", "index", "count", "reverse", "tobytes",
];

pub fn call_method(w: Word, name: &str, args: &[Word], kw: &Kw) -> PyResult<Word> {
    if !kw.is_empty() {
        return exc::type_error(format!("array.{name}() takes no keyword arguments"));
    }
    let Some(a) = as_array(w) else {
        return exc::type_error("not an array");
    };
    match (name, args) {
        ("append", [v]) => append(w, *v).map(|()| abi::NONE),
        ("extend", [v]) => extend(w, *v).map(|()| abi::NONE),
        ("tolist", []) => Ok(object::new_list(values(a))),
        ("pop", _) if args.len() <= 1 => {
            if len(a) == 0 {
                return exc::raise(ExcType::IndexError, "pop from empty array");
            }
            let i = match args.first() {
                Some(&k) => index(k, len(a), "pop index out of range")?,
                None => len(a) - 1,
            };
            let v = get(a, i);
            match &mut a.items {
                Items::Int(xs) => {
                    xs.remove(i);
                }
                Items::Float(xs) => {
                    xs.remove(i);
                }
            }
            Ok(v)
        }
        ("index" | "count", [x]) => {
            let items = object::Items(values(a));
            let mut count = 0;
            for (i, &v) in items.iter().enumerate() {
                if crate::ops::equal(v, *x)? {
                    if name == "index" {
                        return Ok(int::from_i64(i as i64));
                    }
                    count += 1;
                }
            }
            if name == "index" {
                return exc::value_error("array.index(x): x not in array");
            }
            Ok(int::from_i64(count))
        }
        ("reverse", []) => {
            match &mut a.items {
                Items::Int(xs) => xs.reverse(),
                Items::Float(xs) => xs.reverse(),
            }
            Ok(abi::NONE)
        }
        ("insert", [i, v]) => {
            let n = len(a) as i64;
            let Some(int::Int::Small(mut at)) = int::int_of(*i) else {
                return exc::type_error("an integer is required");
            };
            if at < 0 {
                at = (at + n).max(0);
            }
            let at = at.min(n) as usize;
            let tc = a.typecode;
            match &mut a.items {
                Items::Int(xs) => xs.insert(at, convert_int(tc, *v)?),
                Items::Float(xs) => xs.insert(at, convert_float(*v)?),
            }
            Ok(abi::NONE)
        }
        ("tobytes", []) => Ok(object::new_bytes(to_bytes(a))),
        _ if METHODS.contains(&name) => exc::type_error(format!(
            "array.{name}() got the wrong number of arguments ({} given)",
            args.len()
        )),
        _ => crate::methods::no_attribute(w, name),
    }
}

/// `a.typecode`, `a.itemsize`.
/// The machine representation of the items (`tobytes()`, `file.write(a)`).
pub fn to_bytes(a: &ArrayObj) -> Vec<u8> {
    let size = itemsize(a.typecode) as usize;
    let mut out = Vec::new();
    match &a.items {
        Items::Int(xs) => {
            for x in xs {
                out.extend_from_slice(&x.to_le_bytes()[..size]);
            }
        }
        Items::Float(xs) => {
            for x in xs {
                out.extend_from_slice(&x.to_le_bytes());
            }
        }
    }
    out
}

pub fn getattr(a: &ArrayObj, name: &str) -> Option<Word> {
    match name {
        "typecode" => Some(object::new_str(a.typecode.to_string())),
        "itemsize" => Some(int::from_i64(itemsize(a.typecode))),
        _ => None,
    }
}

/// `a == b` for two arrays (by their values, as CPython compares them).
pub fn equal(a: &ArrayObj, b: &ArrayObj) -> PyResult<bool> {
    if len(a) != len(b) {
        return Ok(false);
    }
    let (x, y) = (object::Items(values(a)), object::Items(values(b)));
    for (&p, &q) in x.iter().zip(y.iter()) {
        if !crate::ops::equal(p, q)? {
            return Ok(false);
        }
    }
    Ok(true)
}
