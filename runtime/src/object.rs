//! The object model: heap objects behind the tagged word of `skink_abi`, their
//! allocation, reference counting and the typed views the operations work on.

use num_bigint::BigInt;
use skink_abi::{self as abi, ObjHeader, Word, kind};

use crate::exc::ExcType;

/// A heap-allocated arbitrary-precision int. Invariant: its value is outside the
/// small-int range, so every int has exactly one representation.
#[repr(C)]
pub struct IntObj {
    pub header: ObjHeader,
    pub value: BigInt,
}

#[repr(C)]
pub struct FloatObj {
    pub header: ObjHeader,
    pub value: f64,
}

#[repr(C)]
pub struct StrObj {
    pub header: ObjHeader,
    pub value: String,
    /// Length in code points, as Python counts it.
    pub char_len: usize,
}

#[repr(C)]
pub struct TupleObj {
    pub header: ObjHeader,
    /// Owned references.
    pub items: Vec<Word>,
}

#[repr(C)]
pub struct RangeIterObj {
    pub header: ObjHeader,
    pub next: RangeCursor,
}

/// Iterates a tuple or a str (by code point), holding a reference to it.
#[repr(C)]
pub struct SeqIterObj {
    pub header: ObjHeader,
    pub seq: Word,
    /// Index of the next item (a byte offset for a str).
    pub pos: usize,
}

pub enum RangeCursor {
    Small {
        next: i64,
        stop: i64,
        step: i64,
    },
    Big {
        next: BigInt,
        stop: BigInt,
        step: BigInt,
    },
}

#[repr(C)]
pub struct ExceptionObj {
    pub header: ObjHeader,
    pub ty: ExcType,
    pub message: String,
}

const _: () = {
    assert!(std::mem::size_of::<ObjHeader>() == abi::HEADER_SIZE);
    assert!(std::mem::offset_of!(ObjHeader, refcount) == abi::REFCOUNT_OFFSET as usize);
    assert!(std::mem::offset_of!(ObjHeader, kind) == abi::KIND_OFFSET as usize);
    assert!(std::mem::align_of::<ObjHeader>() >= 8);
};

fn header(kind: u32) -> ObjHeader {
    ObjHeader {
        refcount: 1,
        kind,
        reserved: 0,
    }
}

fn into_word<T>(obj: Box<T>) -> Word {
    Box::into_raw(obj) as Word
}

/// The header of a heap word.
///
/// # Safety
/// `w` must be a live heap object.
unsafe fn header_of<'a>(w: Word) -> &'a mut ObjHeader {
    // SAFETY: the caller guarantees `w` points at a live object, which starts with a header.
    unsafe { &mut *(w as *mut ObjHeader) }
}

pub fn heap_kind(w: Word) -> Option<u32> {
    // SAFETY: values that compiled code hands us are live while borrowed.
    abi::is_heap(w).then(|| unsafe { header_of(w) }.kind)
}

pub fn incref(w: Word) {
    if abi::is_heap(w) {
        // SAFETY: a heap word is a live object.
        unsafe { header_of(w) }.refcount += 1;
    }
}

pub fn decref(w: Word) {
    if abi::is_heap(w) {
        // SAFETY: a heap word is a live object.
        let h = unsafe { header_of(w) };
        h.refcount -= 1;
        if h.refcount == 0 {
            dealloc(w);
        }
    }
}

/// Makes a freshly created object live forever (program constants).
pub fn make_immortal(w: Word) -> Word {
    if abi::is_heap(w) {
        // SAFETY: a heap word is a live object.
        unsafe { header_of(w) }.refcount = abi::IMMORTAL_REFCOUNT;
    }
    w
}

/// Frees an object whose count reached zero, releasing what it owns.
pub fn dealloc(w: Word) {
    // SAFETY: each kind was allocated as a `Box` of the matching type in this module,
    // and the count reached zero, so nobody else refers to it.
    unsafe {
        match header_of(w).kind {
            kind::INT => drop(Box::from_raw(w as *mut IntObj)),
            kind::FLOAT => drop(Box::from_raw(w as *mut FloatObj)),
            kind::STR => drop(Box::from_raw(w as *mut StrObj)),
            kind::TUPLE => {
                let t = Box::from_raw(w as *mut TupleObj);
                t.items.iter().for_each(|&item| decref(item));
            }
            kind::RANGE_ITER => drop(Box::from_raw(w as *mut RangeIterObj)),
            kind::SEQ_ITER => {
                let it = Box::from_raw(w as *mut SeqIterObj);
                decref(it.seq);
            }
            kind::EXCEPTION => drop(Box::from_raw(w as *mut ExceptionObj)),
            other => crate::fatal(&format!("dealloc of unknown object kind {other}")),
        }
    }
}

pub fn new_big_obj(value: BigInt) -> Word {
    into_word(Box::new(IntObj {
        header: header(kind::INT),
        value,
    }))
}

pub fn new_float(value: f64) -> Word {
    into_word(Box::new(FloatObj {
        header: header(kind::FLOAT),
        value,
    }))
}

pub fn new_str(value: String) -> Word {
    let char_len = value.chars().count();
    into_word(Box::new(StrObj {
        header: header(kind::STR),
        value,
        char_len,
    }))
}

/// Takes over the references in `items`.
pub fn new_tuple(items: Vec<Word>) -> Word {
    into_word(Box::new(TupleObj {
        header: header(kind::TUPLE),
        items,
    }))
}

pub fn new_range_iter(next: RangeCursor) -> Word {
    into_word(Box::new(RangeIterObj {
        header: header(kind::RANGE_ITER),
        next,
    }))
}

/// Takes over the reference to `seq`.
pub fn new_seq_iter(seq: Word) -> Word {
    into_word(Box::new(SeqIterObj {
        header: header(kind::SEQ_ITER),
        seq,
        pos: 0,
    }))
}

pub fn as_seq_iter<'a>(w: Word) -> Option<&'a mut SeqIterObj> {
    // SAFETY: as in `view`; compiled code holds the only use of an iterator while it steps it.
    (heap_kind(w) == Some(kind::SEQ_ITER)).then(|| unsafe { &mut *(w as *mut SeqIterObj) })
}

pub fn new_exception(ty: ExcType, message: String) -> Word {
    into_word(Box::new(ExceptionObj {
        header: header(kind::EXCEPTION),
        ty,
        message,
    }))
}

/// Borrows the object behind `w` as a `T` when it has kind `k`.
fn view<'a, T>(w: Word, k: u32) -> Option<&'a T> {
    // SAFETY: the kind says the allocation is a `T`; borrowed while the caller holds `w`.
    (heap_kind(w) == Some(k)).then(|| unsafe { &*(w as *const T) })
}

pub fn as_big<'a>(w: Word) -> Option<&'a BigInt> {
    view::<IntObj>(w, kind::INT).map(|o| &o.value)
}

pub fn as_float(w: Word) -> Option<f64> {
    view::<FloatObj>(w, kind::FLOAT).map(|o| o.value)
}

pub fn as_str<'a>(w: Word) -> Option<&'a StrObj> {
    view::<StrObj>(w, kind::STR)
}

pub fn as_tuple<'a>(w: Word) -> Option<&'a TupleObj> {
    view::<TupleObj>(w, kind::TUPLE)
}

pub fn as_exception<'a>(w: Word) -> Option<&'a ExceptionObj> {
    view::<ExceptionObj>(w, kind::EXCEPTION)
}

pub fn as_range_iter<'a>(w: Word) -> Option<&'a mut RangeIterObj> {
    // SAFETY: as in `view`; compiled code holds the only use of an iterator while it steps it.
    (heap_kind(w) == Some(kind::RANGE_ITER)).then(|| unsafe { &mut *(w as *mut RangeIterObj) })
}

/// Python's name of the type of `w`, as error messages print it.
pub fn type_name(w: Word) -> &'static str {
    if abi::is_small_int(w) {
        return "int";
    }
    match w {
        abi::NONE => return "NoneType",
        abi::TRUE | abi::FALSE => return "bool",
        _ => {}
    }
    match heap_kind(w) {
        Some(kind::INT) => "int",
        Some(kind::FLOAT) => "float",
        Some(kind::STR) => "str",
        Some(kind::TUPLE) => "tuple",
        Some(kind::RANGE_ITER) => "range_iterator",
        Some(kind::SEQ_ITER) if as_seq_iter(w).is_some_and(|i| as_str(i.seq).is_some()) => {
            "str_iterator"
        }
        Some(kind::SEQ_ITER) => "tuple_iterator",
        Some(kind::EXCEPTION) => as_exception(w).map_or("BaseException", |e| e.ty.name()),
        _ => "object",
    }
}
