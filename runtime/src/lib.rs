//! The skink runtime: what every compiled program links. Compiled code calls the
//! `extern "C"` functions below (their table is `skink_abi::RtFn`); they borrow
//! their arguments and return new references, or a sentinel with an exception
//! pending. Built as a static library for the linker and as an rlib for tests.

pub mod builtins;
pub mod exc;
pub mod float;
pub mod int;
pub mod io;
pub mod object;
pub mod ops;
pub mod str;

use skink_abi::{self as abi, Word};

use crate::exc::{static_str, to_word};
use crate::ops::{BinOp, CmpOp};

/// Defined only by a runtime whose ABI matches the compiler's; every compiled
/// object refers to it, so a mismatch fails at link time.
#[unsafe(export_name = "skink_abi_fingerprint_v1")]
pub static ABI_FINGERPRINT: u32 = abi::ABI_VERSION;

const _: () = assert!(
    abi::ABI_VERSION == 1,
    "rename the fingerprint symbol with the version"
);

/// An internal invariant broke: report and stop (never reached by user input).
pub fn fatal(what: &str) -> ! {
    io::flush_stdout();
    io::write_stderr(&format!("skink runtime: internal error: {what}\n"));
    std::process::abort()
}

/// Views the (pointer, count) argument arrays compiled code passes.
///
/// # Safety
/// `ptr` must point at `n` initialized words (or `n` must be 0).
unsafe fn args<'a>(ptr: *const Word, n: i64) -> &'a [Word] {
    if n == 0 {
        return &[];
    }
    // SAFETY: guaranteed by the caller.
    unsafe { std::slice::from_raw_parts(ptr, n as usize) }
}

macro_rules! binary_ops {
    ($($name:ident => $op:expr;)*) => {$(
        #[unsafe(no_mangle)]
        pub extern "C" fn $name(a: Word, b: Word) -> Word {
            to_word(ops::binary($op, a, b))
        }
    )*};
}

binary_ops! {
    skink_op_add => BinOp::Add;
    skink_op_sub => BinOp::Sub;
    skink_op_mul => BinOp::Mul;
    skink_op_truediv => BinOp::TrueDiv;
    skink_op_floordiv => BinOp::FloorDiv;
    skink_op_mod => BinOp::Mod;
    skink_op_pow => BinOp::Pow;
    skink_op_lshift => BinOp::LShift;
    skink_op_rshift => BinOp::RShift;
    skink_op_and => BinOp::And;
    skink_op_or => BinOp::Or;
    skink_op_xor => BinOp::Xor;
}

macro_rules! compare_ops {
    ($($name:ident => $op:expr;)*) => {$(
        #[unsafe(no_mangle)]
        pub extern "C" fn $name(a: Word, b: Word) -> Word {
            to_word(ops::compare($op, a, b).map(abi::bool_word))
        }
    )*};
}

compare_ops! {
    skink_cmp_eq => CmpOp::Eq;
    skink_cmp_ne => CmpOp::Ne;
    skink_cmp_lt => CmpOp::Lt;
    skink_cmp_le => CmpOp::Le;
    skink_cmp_gt => CmpOp::Gt;
    skink_cmp_ge => CmpOp::Ge;
}

#[unsafe(no_mangle)]
pub extern "C" fn skink_op_neg(a: Word) -> Word {
    to_word(ops::neg(a))
}

#[unsafe(no_mangle)]
pub extern "C" fn skink_op_pos(a: Word) -> Word {
    to_word(ops::pos(a))
}

#[unsafe(no_mangle)]
pub extern "C" fn skink_op_invert(a: Word) -> Word {
    to_word(ops::invert(a))
}

#[unsafe(no_mangle)]
pub extern "C" fn skink_truthy(a: Word) -> i32 {
    match ops::truthy(a) {
        Ok(b) => b as i32,
        Err(_) => -1,
    }
}

#[unsafe(no_mangle)]
pub extern "C" fn skink_dealloc(a: Word) {
    object::dealloc(a);
}

/// # Safety
/// `ptr` must point at `len` bytes of UTF-8 in the program's data.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn skink_const_str(ptr: *const u8, len: i64) -> Word {
    // SAFETY: forwarded contract.
    let s = unsafe { static_str(ptr, len) };
    object::make_immortal(object::new_str(s.to_string()))
}

/// # Safety
/// `ptr` must point at `len` bytes of decimal digits in the program's data.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn skink_const_int(ptr: *const u8, len: i64) -> Word {
    // SAFETY: forwarded contract.
    let s = unsafe { static_str(ptr, len) };
    object::make_immortal(builtins::const_int(s))
}

#[unsafe(no_mangle)]
pub extern "C" fn skink_const_float(x: f64) -> Word {
    object::make_immortal(object::new_float(x))
}

macro_rules! array_builtins {
    ($($name:ident => $f:expr;)*) => {$(
        /// # Safety
        /// `ptr` must point at `n` words.
        #[unsafe(no_mangle)]
        pub unsafe extern "C" fn $name(ptr: *const Word, n: i64) -> Word {
            // SAFETY: forwarded contract.
            let a = unsafe { args(ptr, n) };
            to_word($f(a))
        }
    )*};
}

array_builtins! {
    skink_builtin_int => builtins::int_new;
    skink_builtin_float => builtins::float_new;
    skink_builtin_str => builtins::str_new;
    skink_builtin_bool => builtins::bool_new;
    skink_builtin_repr => |a: &[Word]| builtins::repr(a[0]);
    skink_builtin_abs => |a: &[Word]| builtins::abs(a[0]);
    skink_builtin_divmod => |a: &[Word]| builtins::divmod(a[0], a[1]);
    skink_builtin_pow => builtins::pow;
    skink_builtin_round => builtins::round;
    skink_builtin_min => |a: &[Word]| builtins::min_max(a, CmpOp::Lt);
    skink_builtin_max => |a: &[Word]| builtins::min_max(a, CmpOp::Gt);
    skink_builtin_len => |a: &[Word]| builtins::len(a[0]);
    skink_range_iter => builtins::range_iter;
}

/// # Safety
/// `ptr` must point at `n` words.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn skink_builtin_print(
    ptr: *const Word,
    n: i64,
    sep: Word,
    end: Word,
) -> Word {
    // SAFETY: forwarded contract.
    let a = unsafe { args(ptr, n) };
    to_word(builtins::print(a, sep, end))
}

#[unsafe(no_mangle)]
pub extern "C" fn skink_iter(v: Word) -> Word {
    to_word(builtins::iter(v))
}

#[unsafe(no_mangle)]
pub extern "C" fn skink_iter_next(it: Word) -> Word {
    builtins::iter_next(it)
}

/// # Safety
/// `ptr` must point at `n` owned words, which the tuple takes over.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn skink_tuple_new(ptr: *const Word, n: i64) -> Word {
    // SAFETY: forwarded contract.
    let a = unsafe { args(ptr, n) };
    object::new_tuple(a.to_vec())
}

/// # Safety
/// `out` must point at room for `n` words.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn skink_unpack(value: Word, n: i64, out: *mut Word) -> i32 {
    // SAFETY: forwarded contract.
    let out = unsafe { std::slice::from_raw_parts_mut(out, n as usize) };
    match builtins::unpack(value, out) {
        Ok(()) => 0,
        Err(_) => -1,
    }
}

/// The program entry, called by the `main` that skink generates.
///
/// # Safety
/// `file` must point at `len` bytes of UTF-8 in the program's data.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn skink_main(
    _argc: i32,
    _argv: *const *const u8,
    module: extern "C" fn() -> Word,
    file: *const u8,
    len: i64,
) -> i32 {
    // SAFETY: forwarded contract.
    let file = unsafe { static_str(file, len) };
    exc::run_module(module, file)
}
