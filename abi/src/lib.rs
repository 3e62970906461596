//! The contract between code that skink compiles and the skink runtime.
//!
//! Everything both sides must agree on lives here and only here: how a Python value
//! fits in one 64-bit word, the layout of the heap object header, and the table of
//! runtime functions with their signatures and how each one reports an exception.
//! The runtime checks its side with `const` assertions; the compiler reads the table
//! to declare imports. Changing anything here means bumping [`ABI_VERSION`], which
//! renames the fingerprint symbol so that a stale runtime fails at link time.

/// Bumped on every incompatible change of this crate.
pub const ABI_VERSION: u32 = 5;

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
/// The words of an attribute site's inline cache (`runtime::attr_ic::AttrIc`).
pub const ATTR_CACHE_WORDS: usize = 14;
pub const NONE: Word = 0x2;
pub const FALSE: Word = 0x6;
pub const TRUE: Word = 0xA;
/// Returned by iterator `next` functions when the iterator is exhausted; never a user value.
pub const STOP: Word = 0xE;
/// The `NotImplemented` singleton.
pub const NOT_IMPLEMENTED: Word = 0x12;
/// The `Ellipsis` singleton (`...`).
pub const ELLIPSIS: Word = 0x16;

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
/// Where a float object keeps its `f64`.
pub const FLOAT_VALUE_OFFSET: i32 = 16;
pub const REFCOUNT_OFFSET: i32 = 0;
pub const KIND_OFFSET: i32 = 8;
pub const IMMORTAL_REFCOUNT: i64 = 1 << 60;

/// Kinds of heap object (`ObjHeader::kind`).
pub mod kind {
    pub const INT: u32 = 1;
    pub const FLOAT: u32 = 2;
    pub const STR: u32 = 3;
    pub const TUPLE: u32 = 4;
    pub const ITER: u32 = 5;
    pub const EXCEPTION: u32 = 6;
    pub const LIST: u32 = 7;
    pub const DICT: u32 = 8;
    pub const SET: u32 = 9;
    pub const FROZENSET: u32 = 10;
    pub const RANGE: u32 = 11;
    pub const SLICE: u32 = 12;
    pub const BYTES: u32 = 13;
    pub const TYPE: u32 = 14;
    pub const BUILTIN_FN: u32 = 15;
    pub const FUNCTION: u32 = 16;
    pub const BOUND_METHOD: u32 = 17;
    pub const DICT_VIEW: u32 = 18;
    /// A variable captured by a nested function: one word at [`super::CELL_VALUE_OFFSET`].
    pub const CELL: u32 = 19;
    /// What calls need to know of a compiled function (immortal, one per `def`).
    pub const CODE: u32 = 20;
    /// A compiled function bound to a receiver (`obj.method`).
    pub const METHOD: u32 = 21;
    /// A user-defined class (immortal).
    pub const CLASS: u32 = 22;
    /// An instance of a user-defined class (not deriving from an exception).
    pub const INSTANCE: u32 = 23;
    pub const PROPERTY: u32 = 24;
    pub const CLASSMETHOD: u32 = 25;
    pub const STATICMETHOD: u32 = 26;
    pub const SUPER: u32 = 27;
    pub const GENERATOR: u32 = 28;
    /// A module of the standard library skink provides (immortal).
    pub const MODULE: u32 = 29;
    /// A function of such a module.
    pub const NATIVE_FN: u32 = 30;
    /// `array.array`.
    pub const ARRAY: u32 = 31;
    /// A file object (`open()`, `sys.stdout`).
    pub const FILE: u32 = 32;
    /// The iterator of `for x in range(...)` within i64 bounds; compiled code
    /// steps it inline (see [`super::RANGE_ITER_NEXT_OFFSET`]).
    pub const RANGE_ITER: u32 = 33;
}

/// The i64 fields of a `kind::RANGE_ITER` object: the next value, the stop and
/// the step (never 0; `next + step` never overflows).
pub const RANGE_ITER_NEXT_OFFSET: i32 = 16;
pub const RANGE_ITER_STOP_OFFSET: i32 = 24;
pub const RANGE_ITER_STEP_OFFSET: i32 = 32;

/// A tuple's or a list's items, which compiled code reads inline: a pointer to
/// `len` words. (The runtime keeps them in a `Vec`, whose field order Rust does
/// not promise: `skink_runtime::layout` checks these offsets at startup.)
pub const SEQ_ITEMS_OFFSET: i32 = 24;
pub const SEQ_LEN_OFFSET: i32 = 32;

/// A `kind::ITER` object walking a list or a tuple forwards: its state's tag is
/// `ITER_SEQ_TAG`, the sequence and the next index follow.
pub const ITER_TAG_OFFSET: i32 = 16;
pub const ITER_SEQ_TAG: u32 = 1;
pub const ITER_SEQ_OFFSET: i32 = 24;
pub const ITER_POS_OFFSET: i32 = 32;

/// An instance's class and its attribute values by layout index (a pointer to
/// `len` words, NULL where unset), which compiled code reads inline.
pub const INSTANCE_CLASS_OFFSET: i32 = 16;
pub const INSTANCE_VALUES_OFFSET: i32 = 24;
pub const INSTANCE_VALUES_LEN_OFFSET: i32 = 32;

/// An attribute site's cache (`ATTR_CACHE_WORDS` words): the version of the
/// classes its entries hold at, and its first entry's class and layout index.
pub const ATTR_CACHE_VERSION_OFFSET: i32 = 0;
pub const ATTR_CACHE_CLASS_OFFSET: i32 = 16;
pub const ATTR_CACHE_SLOT_OFFSET: i32 = 24;
/// The function the first entry's class gives for a method (NULL for none).
pub const ATTR_CACHE_METHOD_OFFSET: i32 = 32;

/// The runtime's `u64` version of every class namespace and instance layout:
/// any change makes a new one, and a cached lookup is valid only at its own.
pub const ATTR_VERSION_SYMBOL: &str = "skink_attr_version";

/// The runtime's list of kept float objects: a pointer to the first (NULL when
/// none), each linking to the next through its value field. Compiled code boxes
/// a float by taking the first.
pub const FLOAT_FREE_SYMBOL: &str = "skink_float_free";

/// Where a cell keeps its value (NULL when unbound); compiled code loads and stores it.
pub const CELL_VALUE_OFFSET: i32 = 16;

/// Flags of a code constant (see [`RtFn::ConstCode`]).
pub mod code_flags {
    pub const VARARGS: u32 = 1;
    pub const VARKW: u32 = 2;
    pub const GENERATOR: u32 = 4;
}

/// Operator codes of [`RtFn::Inplace`].
pub mod inplace {
    pub const ADD: i64 = 0;
    pub const SUB: i64 = 1;
    pub const MUL: i64 = 2;
    pub const TRUEDIV: i64 = 3;
    pub const FLOORDIV: i64 = 4;
    pub const MOD: i64 = 5;
    pub const POW: i64 = 6;
    pub const LSHIFT: i64 = 7;
    pub const RSHIFT: i64 = 8;
    pub const AND: i64 = 9;
    pub const OR: i64 = 10;
    pub const XOR: i64 = 11;
}

/// The Python recursion limit compiled programs enforce (CPython's default).
pub const RECURSION_LIMIT: i64 = 1000;

/// The runtime's `i64` count of frames in use, which compiled code stores
/// inline before the runtime may read it (never on a frame's way out).
pub const DEPTH_SYMBOL: &str = "skink_depth";

/// The runtime's `i64` recursion limit (`sys.getrecursionlimit()`), which
/// compiled code compares its depth with at each frame's entry.
pub const RECURSION_LIMIT_SYMBOL: &str = "skink_recursion_limit";

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
    ($( $(#[$doc:meta])* $variant:ident = $sym:ident ( $($param:ident),* ) -> $ret:tt, $raises:ident; )*) => {
        /// A function of the runtime that compiled code calls.
        #[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
        pub enum RtFn { $( $(#[$doc])* $variant, )* }

        impl RtFn {
            pub const ALL: &'static [RtFn] = &[ $( RtFn::$variant, )* ];

            /// The linker symbol.
            pub fn symbol(self) -> &'static str {
                match self { $( RtFn::$variant => stringify!($sym), )* }
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

/// The runtime functions compiled code calls, handed as a list to the macro
/// `$callback` (each entry: `Variant = symbol(params) -> result, how it raises;`),
/// so the `RtFn` enum here and the MIR interpreter's table of their addresses
/// come from this one list.
#[macro_export]
macro_rules! with_runtime_functions {
    ($callback:ident) => {
        $callback! {
            // Binary operators: borrow both operands, return a new reference.
            Add = skink_op_add(Value, Value) -> Value, OnNull;
            Sub = skink_op_sub(Value, Value) -> Value, OnNull;
            Mul = skink_op_mul(Value, Value) -> Value, OnNull;
            TrueDiv = skink_op_truediv(Value, Value) -> Value, OnNull;
            FloorDiv = skink_op_floordiv(Value, Value) -> Value, OnNull;
            Mod = skink_op_mod(Value, Value) -> Value, OnNull;
            Pow = skink_op_pow(Value, Value) -> Value, OnNull;
            LShift = skink_op_lshift(Value, Value) -> Value, OnNull;
            RShift = skink_op_rshift(Value, Value) -> Value, OnNull;
            BitAnd = skink_op_and(Value, Value) -> Value, OnNull;
            BitOr = skink_op_or(Value, Value) -> Value, OnNull;
            BitXor = skink_op_xor(Value, Value) -> Value, OnNull;
            // Unary operators.
            Neg = skink_op_neg(Value) -> Value, OnNull;
            Pos = skink_op_pos(Value) -> Value, OnNull;
            Invert = skink_op_invert(Value) -> Value, OnNull;
            // Rich comparisons: return `True` or `False`.
            Eq = skink_cmp_eq(Value, Value) -> Value, OnNull;
            Ne = skink_cmp_ne(Value, Value) -> Value, OnNull;
            Lt = skink_cmp_lt(Value, Value) -> Value, OnNull;
            Le = skink_cmp_le(Value, Value) -> Value, OnNull;
            Gt = skink_cmp_gt(Value, Value) -> Value, OnNull;
            Ge = skink_cmp_ge(Value, Value) -> Value, OnNull;
            /// `bool(v)` as 1 or 0.
            Truthy = skink_truthy(Value) -> I32, OnNegative;
            /// Frees a heap object whose reference count reached zero.
            Dealloc = skink_dealloc(Value) -> unit, Never;
            /// Immortal constants, created once at program start.
            ConstStr = skink_const_str(Ptr, I64) -> Value, Never;
            ConstInt = skink_const_int(Ptr, I64) -> Value, Never;
            /// A bytes literal, its bytes written as lowercase hex digits.
            ConstBytes = skink_const_bytes(Ptr, I64) -> Value, Never;
            ConstFloat = skink_const_float(F64) -> Value, Never;
            /// A tuple of names (keyword names of a call): the names joined by NUL bytes.
            ConstNames = skink_const_names(Ptr, I64) -> Value, Never;
            /// A code object from NUL-separated fields: name, qualname, the counts of
            /// positional-only, positional and keyword-only parameters, the flags
            /// (`code_flags`), then every parameter name in slot order, then the
            /// docstring if the function has one (it may contain NUL bytes itself).
            ConstCode = skink_const_code(Ptr, I64) -> Value, Never;
            /// `range(...)` for a `for` loop: returns an iterator object.
            RangeIter = skink_range_iter(Ptr, I64) -> Value, OnNull;
            /// `range(...)` for a counted `for` loop: the range object.
            RangeNew = skink_range_new(Ptr, I64) -> Value, OnNull;
            /// The start (0) or stop (1) of a range object, as an owned int.
            RangeField = skink_range_field(Value, I64) -> Value, Never;
            /// `iter(v)`.
            Iter = skink_iter(Value) -> Value, OnNull;
            /// Next item of an iterator, or [`STOP`] when it is exhausted.
            IterNext = skink_iter_next(Value) -> Value, OnNull;
            /// Builds a tuple, taking over the references in the array.
            TupleNew = skink_tuple_new(Ptr, I64) -> Value, Never;
            /// Unpacks exactly `n` items of an iterable into the array (new references); 0 or -1.
            Unpack = skink_unpack(Value, I64, Ptr) -> I32, OnNegative;
            /// `a, *b, c = v`: `before` items, a list of the middle, `after` items.
            UnpackEx = skink_unpack_ex(Value, I64, I64, Ptr) -> I32, OnNegative;
            /// Builds a list, taking over the references in the array.
            ListNew = skink_list_new(Ptr, I64) -> Value, Never;
            /// Builds a set of the (borrowed) items.
            SetNew = skink_set_new(Ptr, I64) -> Value, OnNull;
            /// A display of three or more constants, laid out as CPython's frozenset constant.
            SetNewConst = skink_set_new_const(Ptr, I64) -> Value, OnNull;
            /// Builds a dict of (borrowed) keys and values, which alternate in the array.
            DictNew = skink_dict_new(Ptr, I64) -> Value, OnNull;
            /// `list.append` / `set.add` for displays and comprehensions.
            ListAppend = skink_list_append(Value, Value) -> I32, OnNegative;
            SetAdd = skink_set_add(Value, Value) -> I32, OnNegative;
            /// `[*x]`, `{*x}`: extends a list or a set with an iterable.
            Extend = skink_extend(Value, Value) -> I32, OnNegative;
            /// `{**x}`: merges a mapping into a dict.
            DictMerge = skink_dict_merge(Value, Value) -> I32, OnNegative;
            /// `f(*x)`: extends the argument list; the callable is for the error message.
            CallArgsExtend = skink_call_args_extend(Value, Value, Value) -> I32, OnNegative;
            /// `f(**m)` / `f(k=v)`: adds keyword arguments to the dict (key NULL for `**m`,
            /// which is then the mapping), refusing a repeated name.
            CallKwargsAdd = skink_call_kwargs_add(Value, Value, Value, Value) -> I32, OnNegative;
            /// A tuple with the items of a list (for `(*a, *b)`).
            ListToTuple = skink_list_to_tuple(Value) -> Value, Never;
            GetItem = skink_getitem(Value, Value) -> Value, OnNull;
            SetItem = skink_setitem(Value, Value, Value) -> I32, OnNegative;
            /// `x[start:stop:step]` with the (borrowed) parts: a slice object is made
            /// only for a container other than an exact list or a tuple.
            GetSlice = skink_getslice(Value, Value, Value, Value) -> Value, OnNull;
            /// `x[start:stop:step] = value`, as `GetSlice`.
            SetSlice = skink_setslice(Value, Value, Value, Value, Value) -> I32, OnNegative;
            DelItem = skink_delitem(Value, Value) -> I32, OnNegative;
            /// A slice object; absent bounds are `None`.
            SliceNew = skink_slice_new(Value, Value, Value) -> Value, Never;
            /// `item in container` as 1 or 0: (container, item).
            Contains = skink_contains(Value, Value) -> I32, OnNegative;
            /// `obj.name` (the name is a str constant; the last argument is the site's
            /// attribute cache, `ATTR_CACHE_WORDS` zeroed words, or NULL).
            GetAttr = skink_getattr(Value, Value, Ptr) -> Value, OnNull;
            /// Raises `AttributeError` unless `obj` has the method `name`.
            CheckMethod = skink_check_method(Value, Value, Ptr) -> I32, OnNegative;
            /// `obj.name(*args)`; the last `len(kwnames)` arguments are keywords (kwnames may be NULL).
            CallMethod = skink_call_method(Value, Value, Ptr, I64, Value, Ptr) -> Value, OnNull;
            /// `callable(*args)` with keyword names as for `CallMethod`.
            Call = skink_call(Value, Ptr, I64, Value) -> Value, OnNull;
            /// `callable(*args_tuple, **kwargs_dict)` (kwargs may be NULL).
            CallStar = skink_call_star(Value, Value, Value) -> Value, OnNull;
            /// The builtin object (function or type) with this name.
            LoadBuiltin = skink_load_builtin(Ptr, I64) -> Value, Never;
            /// A function object: (code object, the address of its array entry, defaults
            /// tuple, keyword-only defaults dict, closure tuple of cells); the last three may be NULL.
            MakeFunction = skink_make_function(Value, Ptr, Value, Value, Value) -> Value, Never;
            /// A name of a class body: a new reference to `ns[name]`, or NULL (no exception) when absent.
            NsLoad = skink_ns_load(Value, Value) -> Value, Never;
            /// `obj.name = value` / `del obj.name` (the name is a str constant).
            SetAttr = skink_setattr(Value, Value, Value, Ptr) -> I32, OnNegative;
            DelAttr = skink_delattr(Value, Value) -> I32, OnNegative;
            /// A class from its name, qualified name, bases tuple and the namespace its body filled.
            BuildClass = skink_build_class(Ptr, I64, Ptr, I64, Value, Value) -> Value, OnNull;
            /// `del name` in a class body: `NameError` when absent.
            NsDel = skink_ns_del(Value, Value) -> I32, OnNegative;
            /// Calling a generator function: a generator over the body at `Ptr` (its
            /// array entry) with the `n` owned slot values, for the function object.
            GenNew = skink_gen_new(Value, Ptr, Ptr, I64) -> Value, Never;
            /// `yield value` (borrowed): what the generator is resumed with.
            Yield = skink_yield(Value) -> Value, OnNull;
            /// `yield from iterable`: the delegate's return value.
            YieldFrom = skink_yield_from(Value) -> Value, OnNull;
            /// `import name`: the module object (immortal).
            Import = skink_import(Ptr, I64) -> Value, OnNull;
            /// `with mgr`: checks the context manager protocol, returns the bound `__exit__`.
            ContextExit = skink_context_exit(Value) -> Value, OnNull;
            /// Calls a bound `__exit__` with the exception being handled: whether it suppresses it.
            ContextExitException = skink_context_exit_exception(Value) -> I32, OnNegative;
            /// A new cell holding the (borrowed) value, or unbound for NULL.
            CellNew = skink_cell_new(Value) -> Value, Never;
            /// A new reference to cell `i` of the closure of the (borrowed) function object.
            ClosureCell = skink_closure_cell(Value, I64) -> Value, Never;
            /// `a op= b` with the operator's code (`skink_abi::inplace`), in place where the type allows.
            Inplace = skink_op_inplace(Value, Value, I64) -> Value, OnNull;
            /// `format(value, spec)` for f-strings.
            FormatValue = skink_format_value(Value, Value) -> Value, OnNull;
            /// The f-string conversions `!s` (1), `!r` (2), `!a` (3).
            Convert = skink_convert(Value, I64) -> Value, OnNull;
            /// Concatenates (borrowed) strs.
            BuildString = skink_build_string(Ptr, I64) -> Value, Never;
            /// Takes the pending exception and makes it the one being handled.
            ExcFetch = skink_exc_fetch() -> Value, Never;
            /// Whether the exception matches an `except` clause's class or tuple of classes.
            ExcMatches = skink_exc_matches(Value, Value) -> I32, OnNegative;
            /// Leaves the innermost handler (pops the exception being handled).
            ExcEnd = skink_exc_end() -> unit, Never;
            /// PEP 479 for a generator expression run inline: a pending StopIteration
            /// becomes RuntimeError('generator raised StopIteration'), caused by it.
            GenexprStopIteration = skink_genexpr_stop_iteration() -> unit, Never;
            /// Makes the (borrowed) exception pending again and leaves its handler.
            ExcRestore = skink_exc_restore(Value) -> unit, Never;
            /// `raise exc` / `raise exc from cause` (cause is NULL when absent).
            Raise = skink_raise(Value, Value) -> Value, OnNull;
            /// Bare `raise`.
            Reraise = skink_reraise() -> Value, OnNull;
            /// A failed `assert`, with its message or NULL.
            AssertFail = skink_assert_fail(Value) -> Value, OnNull;
            // Raising: each sets the pending exception and returns NULL.
            RaiseNameError = skink_raise_name_error(Ptr, I64) -> Value, OnNull;
            RaiseUnboundLocal = skink_raise_unbound_local(Ptr, I64) -> Value, OnNull;
            RaiseUnboundFree = skink_raise_unbound_free(Ptr, I64) -> Value, OnNull;
            RaiseTypeError = skink_raise_type_error(Ptr, I64) -> Value, OnNull;
            /// Records a traceback entry (function name, line) while unwinding.
            TracebackAdd = skink_traceback_add(Ptr, I64, I32) -> unit, Never;
            /// A new float object (unboxed floats made into values).
            FloatNew = skink_float_new(F64) -> Value, Never;
            /// `x ** y` of a finite `x > 0` and a finite `y`, as `float.__pow__`
            /// computes it (the C library's `pow`); infinite where that raises
            /// OverflowError.
            FloatPowPositive = skink_float_pow_positive(F64, F64) -> F64, Never;
            /// `float(i)` of an int as a new float object; raises OverflowError.
            FloatOfInt = skink_float_of_int(Value) -> Value, OnNull;
            /// Raises `ZeroDivisionError: float division by zero`.
            RaiseFloatDivZero = skink_raise_float_div_zero() -> Value, OnNull;
            /// `x % y` of floats as `float.__mod__` computes it, for `y != 0`
            /// (compiled code raises for a zero divisor first).
            FloatMod = skink_float_mod(F64, F64) -> F64, Never;
            /// Raises `ZeroDivisionError: float modulo`.
            RaiseFloatModZero = skink_raise_float_mod_zero() -> Value, OnNull;
            /// Counts a Python call; raises `RecursionError` past the limit. Compiled
            /// code counts inline (`DEPTH_SYMBOL`) and calls this only to raise.
            RecursionEnter = skink_recursion_enter() -> I32, OnNegative;
            /// The program entry: runs the module function, reports an uncaught exception.
            Main = skink_main(I32, Ptr, Ptr, Ptr, I64) -> I32, Never;
        }
    };
}

with_runtime_functions!(runtime_functions);

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tags_do_not_overlap() {
        for w in [NONE, FALSE, TRUE, STOP, NOT_IMPLEMENTED] {
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

/// The standard-library modules skink provides and the names each defines: the
/// compiler rejects any other name (`math.gamma`) at compile time, and a runtime
/// test checks the modules define exactly these.
pub mod stdlib {
    pub const MODULES: &[(&str, &[&str])] = &[
        (
            "math",
            &[
                "acos",
                "acosh",
                "asin",
                "asinh",
                "atan",
                "atan2",
                "atanh",
                "cbrt",
                "ceil",
                "comb",
                "copysign",
                "cos",
                "cosh",
                "degrees",
                "e",
                "exp",
                "exp2",
                "expm1",
                "fabs",
                "factorial",
                "floor",
                "fmod",
                "frexp",
                "fsum",
                "gcd",
                "hypot",
                "inf",
                "isclose",
                "isfinite",
                "isinf",
                "isnan",
                "isqrt",
                "lcm",
                "ldexp",
                "log",
                "log10",
                "log1p",
                "log2",
                "modf",
                "nan",
                "perm",
                "pi",
                "pow",
                "prod",
                "radians",
                "sin",
                "sinh",
                "sqrt",
                "tan",
                "tanh",
                "tau",
                "trunc",
            ],
        ),
        (
            "time",
            &[
                "monotonic",
                "perf_counter",
                "perf_counter_ns",
                "sleep",
                "time",
                "time_ns",
            ],
        ),
        (
            "sys",
            &[
                "argv",
                "byteorder",
                "exit",
                "getrecursionlimit",
                "maxsize",
                "maxunicode",
                "platform",
                "setrecursionlimit",
                "stderr",
                "stdout",
            ],
        ),
        ("array", &["array", "typecodes"]),
    ];

    /// The names `module` defines, if skink provides it.
    pub fn names(module: &str) -> Option<&'static [&'static str]> {
        MODULES.iter().find(|(m, _)| *m == module).map(|(_, n)| *n)
    }
}
