//! The contract between code that skink compiles and the skink runtime.
//!
//! Everything both sides must agree on lives here and only here: how a Python value
//! fits in one 64-bit word, the layout of the heap object header, and the table of
//! runtime functions with their signatures and how each one reports an exception.
//! The runtime checks its side with `const` assertions; the compiler reads the table
//! to declare imports. Changing anything here means bumping [`ABI_VERSION`], which
//! renames the fingerprint symbol so that a stale runtime fails at link time.

/// Bumped on every incompatible change of this crate.
pub const ABI_VERSION: u32 = 1;

/// The symbol every compiled object references and only a matching runtime defines.
pub fn fingerprint_symbol() -> String {
    format!("skink_abi_fingerprint_v{ABI_VERSION}")
}

/// A Python value is one machine word (pointer tagging):
///
/// - low bit 1: a small int `x` stored as `(x << 1) | 1`, `x` in [`SMALL_INT_MIN`, `SMALL_INT_MAX`];
/// - low three bits 000 and not zero: a pointer to a heap object starting with [`ObjHeader`];
/// - low two bits 10: an immediate constant ([`NONE`], [`FALSE`], [`TRUE`], [`STOP`]);
/// - zero: no value. Returned by a fallible runtime function it means "an exception is
///   pending"; in a variable it means "unbound".
pub type Word = i64;

pub const NULL: Word = 0;
pub const NONE: Word = 0x2;
pub const FALSE: Word = 0x6;
pub const TRUE: Word = 0xA;
/// Returned by iterator `next` functions when the iterator is exhausted; never a user value.
pub const STOP: Word = 0xE;

pub const INT_TAG_MASK: Word = 0x1;
pub const PTR_TAG_MASK: Word = 0x7;

pub const SMALL_INT_BITS: u32 = 63;
pub const SMALL_INT_MIN: i64 = -(1 << 62);
pub const SMALL_INT_MAX: i64 = (1 << 62) - 1;

/// Tags a small int; the caller guarantees the range.
pub const fn small_int(x: i64) -> Word {
    (x << 1) | 1
}

pub const fn is_small_int(w: Word) -> bool {
    w & INT_TAG_MASK == 1
}

pub const fn is_heap(w: Word) -> bool {
    w != NULL && w & PTR_TAG_MASK == 0
}

pub const fn bool_word(b: bool) -> Word {
    if b { TRUE } else { FALSE }
}

/// Every heap object starts with this header.
#[repr(C)]
pub struct ObjHeader {
    /// Number of owned references. Immortal objects (constants) start at
    /// [`IMMORTAL_REFCOUNT`], far enough from zero that they are never freed.
    pub refcount: i64,
    pub kind: u32,
    pub reserved: u32,
}

pub const HEADER_SIZE: usize = 16;
pub const REFCOUNT_OFFSET: i32 = 0;
pub const KIND_OFFSET: i32 = 8;
pub const IMMORTAL_REFCOUNT: i64 = 1 << 60;

/// Kinds of heap object (`ObjHeader::kind`).
pub mod kind {
    pub const INT: u32 = 1;
    pub const FLOAT: u32 = 2;
    pub const STR: u32 = 3;
    pub const TUPLE: u32 = 4;
    pub const RANGE_ITER: u32 = 5;
    pub const SEQ_ITER: u32 = 7;
    pub const EXCEPTION: u32 = 6;
}

/// The Python recursion limit compiled programs enforce (CPython's default).
pub const RECURSION_LIMIT: i64 = 1000;

/// Machine-level types of runtime function parameters and results.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum AbiType {
    /// A Python value ([`Word`]).
    Value,
    I64,
    I32,
    F64,
    /// A pointer (to bytes, to an array of words, to a function).
    Ptr,
}

/// How a runtime function reports that it raised.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Raises {
    Never,
    /// Returns [`NULL`] with the exception pending.
    OnNull,
    /// Returns a negative number with the exception pending.
    OnNegative,
}

macro_rules! runtime_functions {
    ($( $(#[$doc:meta])* $variant:ident = $sym:literal ( $($param:ident),* ) -> $ret:tt, $raises:ident; )*) => {
        /// A function of the runtime that compiled code calls.
        #[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
        pub enum RtFn { $( $(#[$doc])* $variant, )* }

        impl RtFn {
            pub const ALL: &'static [RtFn] = &[ $( RtFn::$variant, )* ];

            /// The linker symbol.
            pub fn symbol(self) -> &'static str {
                match self { $( RtFn::$variant => $sym, )* }
            }

            pub fn params(self) -> &'static [AbiType] {
                match self { $( RtFn::$variant => &[ $( AbiType::$param ),* ], )* }
            }

            pub fn ret(self) -> Option<AbiType> {
                match self { $( RtFn::$variant => runtime_functions!(@ret $ret), )* }
            }

            pub fn raises(self) -> Raises {
                match self { $( RtFn::$variant => Raises::$raises, )* }
            }
        }
    };
    (@ret unit) => { None };
    (@ret $t:ident) => { Some(AbiType::$t) };
}

runtime_functions! {
    // Binary operators: borrow both operands, return a new reference.
    Add = "skink_op_add"(Value, Value) -> Value, OnNull;
    Sub = "skink_op_sub"(Value, Value) -> Value, OnNull;
    Mul = "skink_op_mul"(Value, Value) -> Value, OnNull;
    TrueDiv = "skink_op_truediv"(Value, Value) -> Value, OnNull;
    FloorDiv = "skink_op_floordiv"(Value, Value) -> Value, OnNull;
    Mod = "skink_op_mod"(Value, Value) -> Value, OnNull;
    Pow = "skink_op_pow"(Value, Value) -> Value, OnNull;
    LShift = "skink_op_lshift"(Value, Value) -> Value, OnNull;
    RShift = "skink_op_rshift"(Value, Value) -> Value, OnNull;
    BitAnd = "skink_op_and"(Value, Value) -> Value, OnNull;
    BitOr = "skink_op_or"(Value, Value) -> Value, OnNull;
    BitXor = "skink_op_xor"(Value, Value) -> Value, OnNull;
    // Unary operators.
    Neg = "skink_op_neg"(Value) -> Value, OnNull;
    Pos = "skink_op_pos"(Value) -> Value, OnNull;
    Invert = "skink_op_invert"(Value) -> Value, OnNull;
    // Rich comparisons: return `True` or `False`.
    Eq = "skink_cmp_eq"(Value, Value) -> Value, OnNull;
    Ne = "skink_cmp_ne"(Value, Value) -> Value, OnNull;
    Lt = "skink_cmp_lt"(Value, Value) -> Value, OnNull;
    Le = "skink_cmp_le"(Value, Value) -> Value, OnNull;
    Gt = "skink_cmp_gt"(Value, Value) -> Value, OnNull;
    Ge = "skink_cmp_ge"(Value, Value) -> Value, OnNull;
    /// `bool(v)` as 1 or 0.
    Truthy = "skink_truthy"(Value) -> I32, OnNegative;
    /// Frees a heap object whose reference count reached zero.
    Dealloc = "skink_dealloc"(Value) -> unit, Never;
    /// Immortal constants, created once at program start.
    ConstStr = "skink_const_str"(Ptr, I64) -> Value, Never;
    ConstInt = "skink_const_int"(Ptr, I64) -> Value, Never;
    ConstFloat = "skink_const_float"(F64) -> Value, Never;
    // Builtins taking their positional arguments as (pointer to words, count).
    Print = "skink_builtin_print"(Ptr, I64, Value, Value) -> Value, OnNull;
    IntNew = "skink_builtin_int"(Ptr, I64) -> Value, OnNull;
    FloatNew = "skink_builtin_float"(Ptr, I64) -> Value, OnNull;
    StrNew = "skink_builtin_str"(Ptr, I64) -> Value, OnNull;
    BoolNew = "skink_builtin_bool"(Ptr, I64) -> Value, OnNull;
    Repr = "skink_builtin_repr"(Ptr, I64) -> Value, OnNull;
    Abs = "skink_builtin_abs"(Ptr, I64) -> Value, OnNull;
    Divmod = "skink_builtin_divmod"(Ptr, I64) -> Value, OnNull;
    PowBuiltin = "skink_builtin_pow"(Ptr, I64) -> Value, OnNull;
    Round = "skink_builtin_round"(Ptr, I64) -> Value, OnNull;
    Min = "skink_builtin_min"(Ptr, I64) -> Value, OnNull;
    Max = "skink_builtin_max"(Ptr, I64) -> Value, OnNull;
    Len = "skink_builtin_len"(Ptr, I64) -> Value, OnNull;
    /// `range(...)` for a `for` loop: returns an iterator object.
    RangeIter = "skink_range_iter"(Ptr, I64) -> Value, OnNull;
    /// `iter(v)` for a `for` loop over a tuple or a str.
    Iter = "skink_iter"(Value) -> Value, OnNull;
    /// Next item of an iterator from `RangeIter` or `Iter`, or [`STOP`].
    IterNext = "skink_iter_next"(Value) -> Value, Never;
    /// Builds a tuple, taking over the references in the array.
    TupleNew = "skink_tuple_new"(Ptr, I64) -> Value, OnNull;
    /// Unpacks exactly `n` items of a tuple into the array (new references); 0 or -1.
    Unpack = "skink_unpack"(Value, I64, Ptr) -> I32, OnNegative;
    // Raising: each sets the pending exception and returns NULL.
    RaiseNameError = "skink_raise_name_error"(Ptr, I64) -> Value, OnNull;
    RaiseUnboundLocal = "skink_raise_unbound_local"(Ptr, I64) -> Value, OnNull;
    RaiseTypeError = "skink_raise_type_error"(Ptr, I64) -> Value, OnNull;
    /// Records a traceback entry (function name, line) while unwinding.
    TracebackAdd = "skink_traceback_add"(Ptr, I64, I32) -> unit, Never;
    /// Counts a Python call; raises `RecursionError` past the limit.
    RecursionEnter = "skink_recursion_enter"() -> I32, OnNegative;
    RecursionLeave = "skink_recursion_leave"() -> unit, Never;
    /// The program entry: runs the module function, reports an uncaught exception.
    Main = "skink_main"(I32, Ptr, Ptr, Ptr, I64) -> I32, Never;
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tags_do_not_overlap() {
        for w in [NONE, FALSE, TRUE, STOP] {
            assert!(!is_small_int(w) && !is_heap(w) && w != NULL);
        }
        assert!(is_small_int(small_int(SMALL_INT_MIN)) && is_small_int(small_int(SMALL_INT_MAX)));
        assert_eq!(small_int(SMALL_INT_MAX) >> 1, SMALL_INT_MAX);
        assert_eq!(small_int(SMALL_INT_MIN) >> 1, SMALL_INT_MIN);
    }

    #[test]
    fn symbols_are_unique() {
        let mut names: Vec<_> = RtFn::ALL.iter().map(|f| f.symbol()).collect();
        names.sort();
        names.dedup();
        assert_eq!(names.len(), RtFn::ALL.len());
    }
}
