//! The object model: heap objects behind the tagged word of `skink_abi`, their
//! allocation, reference counting and the typed views the operations work on.
//!
//! Every heap object is a `#[repr(C)]` struct starting with an `ObjHeader`; what an
//! object owns (items of a list, the sequence an iterator walks) is released by
//! the `Drop` of its Rust payload when the count reaches zero.

use num_bigint::BigInt;
use skink_abi::{self as abi, ObjHeader, Word, kind};

use crate::dict::Dict;
use crate::exc::ExcType;
use crate::function::{CellObj, FunctionObj, MethodObj};
use crate::settable::SetTable;

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
    /// `hash(s)` once computed (strs are immutable), -1 before: attribute and
    /// dict lookups hash the same names again and again.
    pub hash: std::cell::Cell<i64>,
}

impl StrObj {
    /// One byte per code point: O(1), where `str::is_ascii` scans the text.
    pub fn is_ascii(&self) -> bool {
        self.char_len == self.value.len()
    }

    /// `hash(s)`, computed once.
    pub fn hash(&self) -> i64 {
        let cached = self.hash.get();
        if cached != -1 {
            return cached;
        }
        let h = if self.is_ascii() {
            // ASCII is its own Latin-1 representation.
            crate::settable::hash_bytes(self.value.as_bytes())
        } else {
            crate::settable::hash_str(&self.value)
        };
        self.hash.set(h);
        h
    }
}

/// A sequence of owned references (the payload of tuples and lists).
#[derive(Default)]
pub struct Items(pub Vec<Word>);

impl Drop for Items {
    fn drop(&mut self) {
        decref_all(&self.0);
    }
}

impl std::ops::Deref for Items {
    type Target = Vec<Word>;
    fn deref(&self) -> &Vec<Word> {
        &self.0
    }
}

impl std::ops::DerefMut for Items {
    fn deref_mut(&mut self) -> &mut Vec<Word> {
        &mut self.0
    }
}

/// One owned reference (NULL allowed).
pub struct Owned(pub Word);

impl Drop for Owned {
    fn drop(&mut self) {
        if self.0 != abi::NULL {
            decref(self.0);
        }
    }
}

impl Owned {
    /// Takes a new reference to `w`.
    pub fn share(w: Word) -> Owned {
        incref(w);
        Owned(w)
    }

    /// Gives up ownership without releasing.
    pub fn into_word(self) -> Word {
        let w = self.0;
        std::mem::forget(self);
        w
    }
}

#[repr(C)]
pub struct TupleObj {
    pub header: ObjHeader,
    pub items: Items,
}

#[repr(C)]
pub struct ListObj {
    pub header: ObjHeader,
    pub items: Items,
    /// For an instance of a user subclass of `list`: the class word (else NULL).
    pub class: Word,
}

#[repr(C)]
pub struct DictObj {
    pub header: ObjHeader,
    pub dict: Dict,
}

/// Keys of a set table; released when the set dies.
pub struct SetKeys(pub SetTable<Word>);

impl Drop for SetKeys {
    fn drop(&mut self) {
        for (k, _) in self.0.iter() {
            decref(k);
        }
    }
}

/// A `set` or a `frozenset` (the kind tells which).
#[repr(C)]
pub struct SetObj {
    pub header: ObjHeader,
    pub table: SetKeys,
}

/// `range(start, stop, step)`; the bounds are int words.
#[repr(C)]
pub struct RangeObj {
    pub header: ObjHeader,
    pub start: Owned,
    pub stop: Owned,
    pub step: Owned,
}

#[repr(C)]
pub struct SliceObj {
    pub header: ObjHeader,
    pub start: Owned,
    pub stop: Owned,
    pub step: Owned,
}

#[repr(C)]
pub struct BytesObj {
    pub header: ObjHeader,
    pub value: Vec<u8>,
}

/// A builtin type (immortal); `type(x)` and the names `int`, `ValueError`, ... are these.
#[repr(C)]
pub struct TypeObj {
    pub header: ObjHeader,
    pub ty: PyType,
}

/// A builtin function (immortal), such as `len` or `print`.
#[repr(C)]
pub struct BuiltinFnObj {
    pub header: ObjHeader,
    pub f: BuiltinFn,
}

/// `obj.method` as a value; `receiver` is a type object for `str.lower`-style
/// method descriptors, which take the receiver as their first argument.
#[repr(C)]
pub struct BoundMethodObj {
    pub header: ObjHeader,
    pub receiver: Owned,
    pub name: String,
    pub unbound: bool,
    /// The method's direct function (`direct_methods`) when the receiver is a
    /// plain builtin container or str: a call skips the dispatch by name.
    pub direct: Option<crate::direct_methods::DirectMethod>,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ViewKind {
    Keys,
    Values,
    Items,
}

/// `d.keys()`, `d.values()`, `d.items()`.
#[repr(C)]
pub struct DictViewObj {
    pub header: ObjHeader,
    pub dict: Owned,
    pub which: ViewKind,
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

/// What an iterator walks and where it is. `repr(C)` fixes where the `Seq`
/// variant's fields are, which compiled code reads (`abi::ITER_SEQ_OFFSET`).
#[repr(C)]
pub enum IterState {
    Range(RangeCursor),
    /// A tuple, list, str (byte offset) or bytes, forwards.
    Seq {
        seq: Owned,
        pos: usize,
    },
    /// A list or tuple backwards: `pos` items are left.
    Reversed {
        seq: Owned,
        pos: usize,
    },
    /// Keys, values or items of a dict, by entry index.
    Dict {
        dict: Owned,
        pos: usize,
        len: usize,
        which: ViewKind,
    },
    /// A snapshot of a set's keys; `set` detects a change of size.
    Set {
        set: Owned,
        keys: Items,
        pos: usize,
        len: usize,
    },
    Enumerate {
        inner: Owned,
        count: Owned,
    },
    Zip {
        iters: Items,
    },
    Map {
        func: Owned,
        iters: Items,
    },
    /// `filter(None, xs)` keeps truthy items.
    Filter {
        func: Owned,
        inner: Owned,
    },
    /// The old sequence protocol: `obj[0]`, `obj[1]`, ... until `IndexError`.
    GetItem {
        obj: Owned,
        index: usize,
    },
    /// `reversed()` of a user sequence: `obj[left - 1]`, ..., `obj[0]`.
    ReversedGetItem {
        obj: Owned,
        left: usize,
    },
    Exhausted,
}

#[repr(C)]
pub struct IterObj {
    pub header: ObjHeader,
    pub state: IterState,
}

/// The iterator of a `for` loop over a range within i64 bounds, laid out for
/// compiled code (`skink_abi::RANGE_ITER_NEXT_OFFSET`). It never reaches user
/// code: only the loop holds it.
#[repr(C)]
pub struct RangeIterObj {
    pub header: ObjHeader,
    pub next: i64,
    pub stop: i64,
    pub step: i64,
}

#[repr(C)]
pub struct ExceptionObj {
    pub header: ObjHeader,
    pub ty: ExcType,
    /// The `args` tuple.
    pub args: Owned,
    /// `__cause__` and `__context__` (NULL when absent).
    pub cause: Owned,
    pub context: Owned,
    pub suppress_context: bool,
    /// Frames the exception passed through, innermost first: (function, line).
    pub traceback: Vec<(&'static str, u32)>,
    /// The user class of the exception (a class object word), or NULL.
    pub class: Word,
    /// Attributes a user exception's code set.
    pub dict: Dict,
}

/// The builtin types skink knows by name.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum PyType {
    Object,
    Type,
    Int,
    Bool,
    Float,
    Str,
    Bytes,
    NoneType,
    List,
    Tuple,
    Dict,
    Set,
    FrozenSet,
    Range,
    Slice,
    Enumerate,
    Zip,
    Map,
    Filter,
    Reversed,
    Exc(ExcType),
    Property,
    ClassMethod,
    StaticMethod,
    Super,
    /// `array.array`.
    Array,
    /// A file object.
    File(crate::file::FileClass),
    /// A user-defined class.
    Class(crate::class::ClassRef),
    /// Types that exist only as `type(x)` of internal objects.
    Other(&'static str),
}

impl PyType {
    pub fn name(self) -> &'static str {
        match self {
            PyType::Object => "object",
            PyType::Type => "type",
            PyType::Int => "int",
            PyType::Bool => "bool",
            PyType::Float => "float",
            PyType::Str => "str",
            PyType::Bytes => "bytes",
            PyType::NoneType => "NoneType",
            PyType::List => "list",
            PyType::Tuple => "tuple",
            PyType::Dict => "dict",
            PyType::Set => "set",
            PyType::FrozenSet => "frozenset",
            PyType::Range => "range",
            PyType::Slice => "slice",
            PyType::Enumerate => "enumerate",
            PyType::Zip => "zip",
            PyType::Map => "map",
            PyType::Filter => "filter",
            PyType::Reversed => "reversed",
            PyType::Exc(e) => e.name(),
            PyType::Property => "property",
            PyType::ClassMethod => "classmethod",
            PyType::StaticMethod => "staticmethod",
            PyType::Super => "super",
            PyType::Array => "array",
            PyType::File(c) => c.name(),
            PyType::Class(c) => c.get().name,
            PyType::Other(n) => n,
        }
    }

    /// The base class (`object` has none).
    pub fn base(self) -> Option<PyType> {
        match self {
            PyType::Object => None,
            PyType::Bool => Some(PyType::Int),
            PyType::Exc(e) => Some(e.parent().map_or(PyType::Object, PyType::Exc)),
            PyType::Class(c) => c.get().bases.first().copied(),
            _ => Some(PyType::Object),
        }
    }

    /// Whether `self` is `other` or a subclass of it.
    pub fn is_subtype(self, other: PyType) -> bool {
        if let (PyType::Exc(a), PyType::Exc(b)) = (self, other) {
            return a.is_subclass(b);
        }
        if let PyType::Class(c) = self {
            return c.get().mro.iter().any(|t| t.same(other));
        }
        let mut t = Some(self);
        while let Some(x) = t {
            if x.same(other) {
                return true;
            }
            t = x.base();
        }
        false
    }

    /// Type identity, field by field: a derived `==` may compare the padding of
    /// the payload-less variants as whole words, which memcheck rightly flags.
    pub fn same(self, other: PyType) -> bool {
        match (self, other) {
            (PyType::Exc(a), PyType::Exc(b)) => a == b,
            (PyType::Other(a), PyType::Other(b)) => a == b,
            (PyType::Class(a), PyType::Class(b)) => a == b,
            (PyType::File(a), PyType::File(b)) => a == b,
            (PyType::Exc(_) | PyType::Other(_) | PyType::Class(_) | PyType::File(_), _)
            | (_, PyType::Exc(_) | PyType::Other(_) | PyType::Class(_) | PyType::File(_)) => false,
            _ => std::mem::discriminant(&self) == std::mem::discriminant(&other),
        }
    }

    /// The builtin types a program can name, for `LoadBuiltin`.
    pub fn named(name: &str) -> Option<PyType> {
        Some(match name {
            "object" => PyType::Object,
            "type" => PyType::Type,
            "int" => PyType::Int,
            "bool" => PyType::Bool,
            "float" => PyType::Float,
            "str" => PyType::Str,
            "bytes" => PyType::Bytes,
            "list" => PyType::List,
            "tuple" => PyType::Tuple,
            "dict" => PyType::Dict,
            "set" => PyType::Set,
            "frozenset" => PyType::FrozenSet,
            "range" => PyType::Range,
            "slice" => PyType::Slice,
            "enumerate" => PyType::Enumerate,
            "zip" => PyType::Zip,
            "map" => PyType::Map,
            "filter" => PyType::Filter,
            "reversed" => PyType::Reversed,
            "property" => PyType::Property,
            "classmethod" => PyType::ClassMethod,
            "staticmethod" => PyType::StaticMethod,
            "super" => PyType::Super,
            "EnvironmentError" | "IOError" => PyType::Exc(ExcType::OSError),
            _ => PyType::Exc(ExcType::named(name)?),
        })
    }
}

/// Builtin functions (not types).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum BuiltinFn {
    Print,
    Len,
    Repr,
    Ascii,
    Abs,
    Divmod,
    Pow,
    Round,
    Min,
    Max,
    Sum,
    Sorted,
    Any,
    All,
    Isinstance,
    Issubclass,
    Ord,
    Chr,
    Hash,
    Iter,
    Next,
    Format,
    Hex,
    Oct,
    Bin,
    Callable,
    Getattr,
    Setattr,
    Hasattr,
    Delattr,
    Id,
    Open,
}

impl BuiltinFn {
    pub const ALL: &'static [BuiltinFn] = &[
        BuiltinFn::Print,
        BuiltinFn::Len,
        BuiltinFn::Repr,
        BuiltinFn::Ascii,
        BuiltinFn::Abs,
        BuiltinFn::Divmod,
        BuiltinFn::Pow,
        BuiltinFn::Round,
        BuiltinFn::Min,
        BuiltinFn::Max,
        BuiltinFn::Sum,
        BuiltinFn::Sorted,
        BuiltinFn::Any,
        BuiltinFn::All,
        BuiltinFn::Isinstance,
        BuiltinFn::Issubclass,
        BuiltinFn::Ord,
        BuiltinFn::Chr,
        BuiltinFn::Hash,
        BuiltinFn::Iter,
        BuiltinFn::Next,
        BuiltinFn::Format,
        BuiltinFn::Hex,
        BuiltinFn::Oct,
        BuiltinFn::Bin,
        BuiltinFn::Callable,
        BuiltinFn::Getattr,
        BuiltinFn::Setattr,
        BuiltinFn::Hasattr,
        BuiltinFn::Delattr,
        BuiltinFn::Id,
        BuiltinFn::Open,
    ];

    pub fn name(self) -> &'static str {
        match self {
            BuiltinFn::Print => "print",
            BuiltinFn::Len => "len",
            BuiltinFn::Repr => "repr",
            BuiltinFn::Ascii => "ascii",
            BuiltinFn::Abs => "abs",
            BuiltinFn::Divmod => "divmod",
            BuiltinFn::Pow => "pow",
            BuiltinFn::Round => "round",
            BuiltinFn::Min => "min",
            BuiltinFn::Max => "max",
            BuiltinFn::Sum => "sum",
            BuiltinFn::Sorted => "sorted",
            BuiltinFn::Any => "any",
            BuiltinFn::All => "all",
            BuiltinFn::Isinstance => "isinstance",
            BuiltinFn::Issubclass => "issubclass",
            BuiltinFn::Ord => "ord",
            BuiltinFn::Chr => "chr",
            BuiltinFn::Hash => "hash",
            BuiltinFn::Iter => "iter",
            BuiltinFn::Next => "next",
            BuiltinFn::Format => "format",
            BuiltinFn::Hex => "hex",
            BuiltinFn::Oct => "oct",
            BuiltinFn::Bin => "bin",
            BuiltinFn::Callable => "callable",
            BuiltinFn::Getattr => "getattr",
            BuiltinFn::Setattr => "setattr",
            BuiltinFn::Hasattr => "hasattr",
            BuiltinFn::Delattr => "delattr",
            BuiltinFn::Id => "id",
            BuiltinFn::Open => "open",
        }
    }
}

const _: () = {
    assert!(std::mem::size_of::<ObjHeader>() == abi::HEADER_SIZE);
    assert!(std::mem::offset_of!(ObjHeader, refcount) == abi::REFCOUNT_OFFSET as usize);
    assert!(std::mem::offset_of!(ObjHeader, kind) == abi::KIND_OFFSET as usize);
    assert!(std::mem::align_of::<ObjHeader>() >= 8);
};

pub fn header(kind: u32) -> ObjHeader {
    ObjHeader {
        refcount: 1,
        kind,
        reserved: 0,
    }
}

pub fn into_word<T>(obj: Box<T>) -> Word {
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

#[inline]
pub fn incref(w: Word) {
    if abi::is_heap(w) {
        // SAFETY: a heap word is a live object.
        unsafe { header_of(w) }.refcount += 1;
    }
}

/// Whether some word of `items` is a heap object (a loop without an early
/// exit, which the compiler turns into vector code over a slice): lists of
/// immediates (bools, small ints, `None`) are released without a branch per
/// item.
#[inline(always)]
pub fn any_heap(items: impl IntoIterator<Item = Word>) -> bool {
    // `(w & 7) + 7` has bit 3 set exactly when `w` has a tag; a NULL counts
    // as a heap word, which only sends it to the careful loop.
    let all_tagged = items.into_iter().fold(8, |acc, w| acc & ((w & 7) + 7));
    all_tagged & 8 == 0
}

/// `decref` of every word of `items`, skipped at once when all are immediates.
pub fn decref_all(items: &[Word]) {
    if any_heap(items.iter().copied()) {
        for &w in items {
            decref(w);
        }
    }
}

/// `incref` done `n` times.
pub fn incref_by(w: Word, n: i64) {
    if abi::is_heap(w) {
        // SAFETY: a heap word is a live object.
        unsafe { header_of(w) }.refcount += n;
    }
}

#[inline]
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

/// The reference count of a heap object (tests and the in-place fast paths).
pub fn refcount(w: Word) -> i64 {
    if abi::is_heap(w) {
        // SAFETY: a heap word is a live object.
        unsafe { header_of(w) }.refcount
    } else {
        abi::IMMORTAL_REFCOUNT
    }
}

/// Whether `w` lives forever: an immediate, or a program constant or interned
/// name (whose count starts so far from zero that it never gets there).
pub fn is_immortal(w: Word) -> bool {
    refcount(w) > abi::IMMORTAL_REFCOUNT / 2
}

/// Makes a freshly created object live forever (program constants).
pub fn make_immortal(w: Word) -> Word {
    if abi::is_heap(w) {
        // SAFETY: a heap word is a live object.
        unsafe { header_of(w) }.refcount = abi::IMMORTAL_REFCOUNT;
    }
    w
}

thread_local! {
    /// Nesting of `dealloc` calls, and the objects whose freeing was put off so that
    /// freeing a deeply nested structure does not exhaust the stack (CPython's trashcan).
    static DEALLOC_DEPTH: std::cell::Cell<u32> = const { std::cell::Cell::new(0) };
    static DEFERRED: std::cell::RefCell<Vec<Word>> = const { std::cell::RefCell::new(Vec::new()) };
}

const DEALLOC_NESTING: u32 = 200;

/// Frees an object whose count reached zero, releasing what it owns.
pub fn dealloc(w: Word) {
    // A float owns nothing, so it needs none of the nesting bookkeeping below.
    // SAFETY: the count reached zero, so `w` is a live object no one else refers to.
    if unsafe { header_of(w) }.kind == kind::FLOAT {
        // SAFETY: as above; floats are only made by `new_float`.
        return unsafe { crate::free_floats::give_back(w) };
    }
    dealloc_nested(w);
}

/// `dealloc` of anything but a float, kept out of line so that the float path
/// saves no registers.
#[inline(never)]
fn dealloc_nested(w: Word) {
    let depth = DEALLOC_DEPTH.with(|d| d.get());
    if depth >= DEALLOC_NESTING {
        DEFERRED.with(|q| q.borrow_mut().push(w));
        return;
    }
    DEALLOC_DEPTH.with(|d| d.set(depth + 1));
    free_object(w);
    if depth == 0 {
        // The outermost call drains what deeper ones put off.
        while let Some(next) = DEFERRED.with(|q| q.borrow_mut().pop()) {
            free_object(next);
        }
    }
    DEALLOC_DEPTH.with(|d| d.set(depth));
}

fn free_object(w: Word) {
    // SAFETY: each kind was allocated as a `Box` of the matching type in this module,
    // and the count reached zero, so nobody else refers to it.
    unsafe {
        match header_of(w).kind {
            kind::INT => drop(Box::from_raw(w as *mut IntObj)),
            // `dealloc` frees floats before it gets here (inline, it is the hot path).
            kind::FLOAT => crate::free_floats::give_back(w),
            kind::STR => drop(Box::from_raw(w as *mut StrObj)),
            kind::TUPLE => crate::free_tuples::give_back(w),
            kind::LIST => crate::free_lists_slices::give_back_list(w),
            kind::DICT => drop(Box::from_raw(w as *mut DictObj)),
            kind::SET | kind::FROZENSET => drop(Box::from_raw(w as *mut SetObj)),
            kind::RANGE => drop(Box::from_raw(w as *mut RangeObj)),
            kind::SLICE => crate::free_lists_slices::give_back_slice(w),
            kind::BYTES => drop(Box::from_raw(w as *mut BytesObj)),
            kind::ITER => drop(Box::from_raw(w as *mut IterObj)),
            kind::RANGE_ITER => drop(Box::from_raw(w as *mut RangeIterObj)),
            kind::EXCEPTION => drop(Box::from_raw(w as *mut ExceptionObj)),
            kind::FUNCTION => drop(Box::from_raw(w as *mut FunctionObj)),
            kind::METHOD => drop(Box::from_raw(w as *mut MethodObj)),
            kind::CELL => drop(Box::from_raw(w as *mut CellObj)),
            kind::GENERATOR => crate::generator::free(w),
            kind::ARRAY => drop(Box::from_raw(w as *mut crate::array::ArrayObj)),
            kind::FILE => drop(Box::from_raw(w as *mut crate::file::FileObj)),
            k @ (kind::INSTANCE
            | kind::PROPERTY
            | kind::CLASSMETHOD
            | kind::STATICMETHOD
            | kind::SUPER) => crate::class::free(w, k),
            kind::BOUND_METHOD => drop(Box::from_raw(w as *mut BoundMethodObj)),
            kind::DICT_VIEW => drop(Box::from_raw(w as *mut DictViewObj)),
            kind::TYPE => drop(Box::from_raw(w as *mut TypeObj)),
            kind::BUILTIN_FN => drop(Box::from_raw(w as *mut BuiltinFnObj)),
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
    crate::free_floats::take(header(kind::FLOAT), value)
}

pub fn new_str(value: String) -> Word {
    // Most text is ASCII, which a word-at-a-time test finds faster than
    // counting code points byte by byte (short strs are counted so).
    let char_len = if value.is_ascii() {
        value.len()
    } else {
        value.chars().count()
    };
    new_str_counted(value, char_len)
}

/// A str whose length in code points the caller knows (`value` not scanned).
pub fn new_str_counted(value: String, char_len: usize) -> Word {
    debug_assert_eq!(char_len, value.chars().count());
    into_word(Box::new(StrObj {
        header: header(kind::STR),
        value,
        char_len,
        hash: std::cell::Cell::new(-1),
    }))
}

/// A str of the one character `c` (owned). Each character below U+0100 is one
/// immortal object, made at its first use: indexing and iterating over text
/// make these all the time, and CPython shares them the same way (so `s[0] is
/// t[0]` for equal Latin-1 characters there too).
pub fn char_str(c: char) -> Word {
    use std::sync::atomic::{AtomicI64, Ordering};
    // A process-wide static, not a thread-local: memory checkers scan it.
    static LATIN1: [AtomicI64; 256] = [const { AtomicI64::new(0) }; 256];
    let Some(slot) = LATIN1.get(c as usize) else {
        return new_str(c.to_string());
    };
    let w = slot.load(Ordering::Relaxed);
    if w != abi::NULL {
        return w;
    }
    let w = new_str(c.to_string());
    match slot.compare_exchange(abi::NULL, w, Ordering::Relaxed, Ordering::Relaxed) {
        Ok(_) => make_immortal(w),
        Err(first) => {
            decref(w);
            first
        }
    }
}

/// Takes over the references in `items`.
pub fn new_tuple(items: Vec<Word>) -> Word {
    into_word(Box::new(TupleObj {
        header: header(kind::TUPLE),
        items: Items(items),
    }))
}

/// Takes over the references in `items`.
pub fn new_list(items: Vec<Word>) -> Word {
    crate::free_lists_slices::new_list(items)
}

pub fn new_dict(dict: Dict) -> Word {
    into_word(Box::new(DictObj {
        header: header(kind::DICT),
        dict,
    }))
}

/// Takes over the keys of `table`.
pub fn new_set(table: SetTable<Word>, frozen: bool) -> Word {
    let k = if frozen { kind::FROZENSET } else { kind::SET };
    into_word(Box::new(SetObj {
        header: header(k),
        table: SetKeys(table),
    }))
}

/// Takes over the three int words.
pub fn new_range(start: Word, stop: Word, step: Word) -> Word {
    into_word(Box::new(RangeObj {
        header: header(kind::RANGE),
        start: Owned(start),
        stop: Owned(stop),
        step: Owned(step),
    }))
}

/// Takes over the three words.
pub fn new_slice(start: Word, stop: Word, step: Word) -> Word {
    crate::free_lists_slices::new_slice(start, stop, step)
}

pub fn new_bytes(value: Vec<u8>) -> Word {
    into_word(Box::new(BytesObj {
        header: header(kind::BYTES),
        value,
    }))
}

pub fn new_iter(state: IterState) -> Word {
    into_word(Box::new(IterObj {
        header: header(kind::ITER),
        state,
    }))
}

pub fn new_range_iter(next: RangeCursor) -> Word {
    new_iter(IterState::Range(next))
}

pub fn new_loop_range_iter(next: i64, stop: i64, step: i64) -> Word {
    into_word(Box::new(RangeIterObj {
        header: header(kind::RANGE_ITER),
        next,
        stop,
        step,
    }))
}

pub fn as_loop_range_iter<'a>(w: Word) -> Option<&'a mut RangeIterObj> {
    view_mut::<RangeIterObj>(w, kind::RANGE_ITER)
}

pub fn new_type(ty: PyType) -> Word {
    into_word(Box::new(TypeObj {
        header: header(kind::TYPE),
        ty,
    }))
}

pub fn new_builtin_fn(f: BuiltinFn) -> Word {
    into_word(Box::new(BuiltinFnObj {
        header: header(kind::BUILTIN_FN),
        f,
    }))
}

/// Takes over `receiver`.
pub fn new_bound_method(receiver: Word, name: String, unbound: bool) -> Word {
    bound_method(receiver, name, unbound, None)
}

fn bound_method(
    receiver: Word,
    name: String,
    unbound: bool,
    direct: Option<crate::direct_methods::DirectMethod>,
) -> Word {
    into_word(Box::new(BoundMethodObj {
        header: header(kind::BOUND_METHOD),
        receiver: Owned(receiver),
        name,
        unbound,
        direct,
    }))
}

/// `receiver.name` of a builtin method, bound; takes over `receiver`. Its
/// direct function is found now when the receiver is a plain builtin object (a
/// `list` subclass's instance takes the general path, as at call sites).
pub fn new_builtin_bound_method(receiver: Word, name: String) -> Word {
    let direct = if crate::class::subclass_of(receiver).is_none() {
        crate::direct_methods::find(type_of(receiver), &name)
    } else {
        None
    };
    bound_method(receiver, name, false, direct)
}

/// Takes over `dict`.
pub fn new_dict_view(dict: Word, which: ViewKind) -> Word {
    into_word(Box::new(DictViewObj {
        header: header(kind::DICT_VIEW),
        dict: Owned(dict),
        which,
    }))
}

/// Takes over `args` (a tuple).
pub fn new_exception(ty: ExcType, args: Word) -> Word {
    into_word(Box::new(ExceptionObj {
        header: header(kind::EXCEPTION),
        ty,
        args: Owned(args),
        cause: Owned(abi::NULL),
        context: Owned(abi::NULL),
        suppress_context: false,
        traceback: Vec::new(),
        class: abi::NULL,
        dict: Dict::new(),
    }))
}

/// Borrows the object behind `w` as a `T` when it has kind `k`.
pub fn view<'a, T>(w: Word, k: u32) -> Option<&'a T> {
    // SAFETY: the kind says the allocation is a `T`; borrowed while the caller holds `w`.
    (heap_kind(w) == Some(k)).then(|| unsafe { &*(w as *const T) })
}

/// Mutably borrows the object behind `w`; callers keep the borrow short and never
/// hold two of the same object (the runtime is single-threaded).
pub fn view_mut<'a, T>(w: Word, k: u32) -> Option<&'a mut T> {
    // SAFETY: as in `view`.
    (heap_kind(w) == Some(k)).then(|| unsafe { &mut *(w as *mut T) })
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

pub fn as_list<'a>(w: Word) -> Option<&'a mut ListObj> {
    view_mut::<ListObj>(w, kind::LIST)
}

/// The items of a list or a tuple.
pub fn as_seq<'a>(w: Word) -> Option<&'a [Word]> {
    as_tuple(w)
        .map(|t| t.items.as_slice())
        .or_else(|| as_list(w).map(|l| l.items.as_slice()))
}

pub fn as_dict<'a>(w: Word) -> Option<&'a mut Dict> {
    view_mut::<DictObj>(w, kind::DICT).map(|d| &mut d.dict)
}

/// A set or a frozenset.
pub fn as_anyset<'a>(w: Word) -> Option<&'a mut SetTable<Word>> {
    match heap_kind(w) {
        Some(kind::SET) => view_mut::<SetObj>(w, kind::SET).map(|s| &mut s.table.0),
        Some(kind::FROZENSET) => view_mut::<SetObj>(w, kind::FROZENSET).map(|s| &mut s.table.0),
        _ => None,
    }
}

pub fn is_set(w: Word) -> bool {
    heap_kind(w) == Some(kind::SET)
}

pub fn is_frozenset(w: Word) -> bool {
    heap_kind(w) == Some(kind::FROZENSET)
}

pub fn as_range<'a>(w: Word) -> Option<&'a RangeObj> {
    view::<RangeObj>(w, kind::RANGE)
}

pub fn as_slice<'a>(w: Word) -> Option<&'a SliceObj> {
    view::<SliceObj>(w, kind::SLICE)
}

pub fn as_bytes<'a>(w: Word) -> Option<&'a BytesObj> {
    view::<BytesObj>(w, kind::BYTES)
}

pub fn as_iter<'a>(w: Word) -> Option<&'a mut IterObj> {
    view_mut::<IterObj>(w, kind::ITER)
}

pub fn as_type(w: Word) -> Option<PyType> {
    if let Some(c) = crate::class::as_class(w) {
        return Some(PyType::Class(c));
    }
    view::<TypeObj>(w, kind::TYPE).map(|t| t.ty)
}

pub fn as_builtin_fn(w: Word) -> Option<BuiltinFn> {
    view::<BuiltinFnObj>(w, kind::BUILTIN_FN).map(|f| f.f)
}

pub fn as_bound_method<'a>(w: Word) -> Option<&'a BoundMethodObj> {
    view::<BoundMethodObj>(w, kind::BOUND_METHOD)
}

pub fn as_dict_view<'a>(w: Word) -> Option<&'a DictViewObj> {
    view::<DictViewObj>(w, kind::DICT_VIEW)
}

pub fn as_exception<'a>(w: Word) -> Option<&'a mut ExceptionObj> {
    view_mut::<ExceptionObj>(w, kind::EXCEPTION)
}

/// The type of any value.
pub fn type_of(w: Word) -> PyType {
    if abi::is_small_int(w) {
        return PyType::Int;
    }
    match w {
        abi::NONE => return PyType::NoneType,
        abi::TRUE | abi::FALSE => return PyType::Bool,
        abi::NOT_IMPLEMENTED => return PyType::Other("NotImplementedType"),
        abi::ELLIPSIS => return PyType::Other("ellipsis"),
        _ => {}
    }
    if let Some(c) = crate::class::class_of(w).or_else(|| crate::class::subclass_of(w)) {
        return PyType::Class(c);
    }
    match heap_kind(w) {
        Some(kind::INT) => PyType::Int,
        Some(kind::FLOAT) => PyType::Float,
        Some(kind::STR) => PyType::Str,
        Some(kind::TUPLE) => PyType::Tuple,
        Some(kind::LIST) => PyType::List,
        Some(kind::DICT) => PyType::Dict,
        Some(kind::SET) => PyType::Set,
        Some(kind::FROZENSET) => PyType::FrozenSet,
        Some(kind::RANGE) => PyType::Range,
        Some(kind::SLICE) => PyType::Slice,
        Some(kind::BYTES) => PyType::Bytes,
        Some(kind::TYPE) => PyType::Type,
        Some(kind::BUILTIN_FN) => PyType::Other("builtin_function_or_method"),
        Some(kind::FUNCTION) => PyType::Other("function"),
        Some(kind::METHOD) => PyType::Other("method"),
        Some(kind::CELL) => PyType::Other("cell"),
        Some(kind::GENERATOR) => PyType::Other("generator"),
        Some(kind::MODULE) => PyType::Other("module"),
        Some(kind::ARRAY) => PyType::Array,
        Some(kind::FILE) => PyType::File(
            crate::file::as_file(w).map_or(crate::file::FileClass::TextIOWrapper, |f| f.class),
        ),
        Some(kind::NATIVE_FN) => PyType::Other("builtin_function_or_method"),
        Some(kind::CLASS) => PyType::Type,
        Some(kind::PROPERTY) => PyType::Property,
        Some(kind::CLASSMETHOD) => PyType::ClassMethod,
        Some(kind::STATICMETHOD) => PyType::StaticMethod,
        Some(kind::SUPER) => PyType::Super,
        Some(kind::CODE) => PyType::Other("code"),
        Some(kind::BOUND_METHOD) => match as_bound_method(w) {
            Some(m) if m.unbound => PyType::Other("method_descriptor"),
            _ => PyType::Other("builtin_function_or_method"),
        },
        Some(kind::DICT_VIEW) => PyType::Other(match as_dict_view(w).map(|v| v.which) {
            Some(ViewKind::Keys) => "dict_keys",
            Some(ViewKind::Values) => "dict_values",
            _ => "dict_items",
        }),
        Some(kind::EXCEPTION) => {
            PyType::Exc(as_exception(w).map_or(ExcType::BaseException, |e| e.ty))
        }
        Some(kind::ITER) => iter_type(w),
        _ => PyType::Object,
    }
}

fn iter_type(w: Word) -> PyType {
    let Some(it) = as_iter(w) else {
        return PyType::Object;
    };
    PyType::Other(match &it.state {
        IterState::Range(_) => "range_iterator",
        IterState::Seq { seq, .. } => match type_of(seq.0) {
            PyType::List => "list_iterator",
            PyType::Tuple => "tuple_iterator",
            PyType::Bytes => "bytes_iterator",
            _ if as_str(seq.0).is_some_and(StrObj::is_ascii) => "str_ascii_iterator",
            _ => "str_iterator",
        },
        IterState::Reversed { seq, .. } if as_list(seq.0).is_some() => "list_reverseiterator",
        IterState::Reversed { .. } => return PyType::Reversed,
        IterState::Dict { which, .. } => match which {
            ViewKind::Keys => "dict_keyiterator",
            ViewKind::Values => "dict_valueiterator",
            ViewKind::Items => "dict_itemiterator",
        },
        IterState::Set { .. } => "set_iterator",
        IterState::Enumerate { .. } => return PyType::Enumerate,
        IterState::Zip { .. } => return PyType::Zip,
        IterState::Map { .. } => return PyType::Map,
        IterState::Filter { .. } => return PyType::Filter,
        IterState::GetItem { .. } => "iterator",
        IterState::ReversedGetItem { .. } => return PyType::Reversed,
        IterState::Exhausted => "iterator",
    })
}

/// The builtin type whose methods and operations apply to `w`: its type, or for an
/// instance of a user subclass of a builtin type, that builtin type.
pub fn dispatch_type(w: Word) -> PyType {
    match type_of(w) {
        PyType::Class(c) if !c.get().builtin.same(PyType::Object) => c.get().builtin,
        t => t,
    }
}

/// Python's name of the type of `w`, as error messages print it.
pub fn type_name(w: Word) -> &'static str {
    type_of(w).name()
}
