//! Exceptions: the pending exception, the traceback recorded while unwinding,
//! recursion depth accounting and the report of an uncaught exception.
//!
//! A fallible runtime function sets the pending exception and returns its sentinel
//! (`NULL` or a negative number); compiled code checks the sentinel, records a
//! traceback entry and returns `NULL` itself, up to `skink_main`.

use std::cell::{Cell, RefCell};

use skink_abi::{self as abi, Word};

use crate::object;

/// The built-in exception types compiled programs can raise.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ExcType {
    ZeroDivisionError,
    OverflowError,
    ValueError,
    TypeError,
    NameError,
    UnboundLocalError,
    RecursionError,
    MemoryError,
    NotImplementedError,
}

impl ExcType {
    pub fn name(self) -> &'static str {
        match self {
            ExcType::ZeroDivisionError => "ZeroDivisionError",
            ExcType::OverflowError => "OverflowError",
            ExcType::ValueError => "ValueError",
            ExcType::TypeError => "TypeError",
            ExcType::NameError => "NameError",
            ExcType::UnboundLocalError => "UnboundLocalError",
            ExcType::RecursionError => "RecursionError",
            ExcType::MemoryError => "MemoryError",
            ExcType::NotImplementedError => "NotImplementedError",
        }
    }
}

thread_local! {
    static PENDING: Cell<Word> = const { Cell::new(abi::NULL) };
    static TRACEBACK: RefCell<Vec<(&'static str, u32)>> = const { RefCell::new(Vec::new()) };
    static DEPTH: Cell<i64> = const { Cell::new(0) };
}

/// The result of a fallible runtime operation; `Err` means an exception is pending.
pub type PyResult<T> = Result<T, Raised>;

/// Proof that an exception was set as pending.
#[derive(Debug)]
pub struct Raised;

/// Sets `ty(message)` as the pending exception.
pub fn raise<T>(ty: ExcType, message: impl Into<String>) -> PyResult<T> {
    let exc = object::new_exception(ty, message.into());
    let old = PENDING.with(|p| p.replace(exc));
    object::decref(old);
    Err(Raised)
}

pub fn type_error<T>(message: impl Into<String>) -> PyResult<T> {
    raise(ExcType::TypeError, message)
}

pub fn value_error<T>(message: impl Into<String>) -> PyResult<T> {
    raise(ExcType::ValueError, message)
}

pub fn overflow_error<T>(message: impl Into<String>) -> PyResult<T> {
    raise(ExcType::OverflowError, message)
}

pub fn zero_division<T>(message: impl Into<String>) -> PyResult<T> {
    raise(ExcType::ZeroDivisionError, message)
}

/// Converts a result to the `NULL`-on-error word convention of the ABI.
pub fn to_word(r: PyResult<Word>) -> Word {
    r.unwrap_or(abi::NULL)
}

/// Reads a string the compiled program passes as (pointer, length).
///
/// # Safety
/// `ptr..ptr+len` must be valid UTF-8 that lives as long as the program (object data).
pub unsafe fn static_str(ptr: *const u8, len: i64) -> &'static str {
    // SAFETY: guaranteed by the caller: compiled code passes its own read-only data.
    unsafe { std::str::from_utf8_unchecked(std::slice::from_raw_parts(ptr, len as usize)) }
}

/// # Safety
/// `name` must point at `len` bytes of UTF-8 in the program's data.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn skink_raise_name_error(name: *const u8, len: i64) -> Word {
    // SAFETY: forwarded contract.
    let name = unsafe { static_str(name, len) };
    to_word(raise(
        ExcType::NameError,
        format!("name '{name}' is not defined"),
    ))
}

/// # Safety
/// `name` must point at `len` bytes of UTF-8 in the program's data.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn skink_raise_unbound_local(name: *const u8, len: i64) -> Word {
    // SAFETY: forwarded contract.
    let name = unsafe { static_str(name, len) };
    to_word(raise(
        ExcType::UnboundLocalError,
        format!("cannot access local variable '{name}' where it is not associated with a value"),
    ))
}

/// # Safety
/// `msg` must point at `len` bytes of UTF-8 in the program's data.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn skink_raise_type_error(msg: *const u8, len: i64) -> Word {
    // SAFETY: forwarded contract.
    let msg = unsafe { static_str(msg, len) };
    to_word(type_error(msg))
}

/// # Safety
/// `func` must point at `len` bytes of UTF-8 in the program's data.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn skink_traceback_add(func: *const u8, len: i64, line: i32) {
    // SAFETY: forwarded contract.
    let func = unsafe { static_str(func, len) };
    TRACEBACK.with(|tb| tb.borrow_mut().push((func, line as u32)));
}

#[unsafe(no_mangle)]
pub extern "C" fn skink_recursion_enter() -> i32 {
    let depth = DEPTH.with(|d| d.get()) + 1;
    if depth > abi::RECURSION_LIMIT {
        let _ = raise::<()>(ExcType::RecursionError, "maximum recursion depth exceeded");
        return -1;
    }
    DEPTH.with(|d| d.set(depth));
    0
}

#[unsafe(no_mangle)]
pub extern "C" fn skink_recursion_leave() {
    DEPTH.with(|d| d.set(d.get() - 1));
}

/// Runs the module body (which counts as the first frame, as in CPython) and turns
/// an uncaught exception into CPython's report and exit code 1.
pub fn run_module(module: extern "C" fn() -> Word, file: &str) -> i32 {
    DEPTH.with(|d| d.set(1));
    let result = module();
    crate::io::flush_stdout();
    if result != abi::NULL {
        object::decref(result);
        return 0;
    }
    let exc = PENDING.with(|p| p.replace(abi::NULL));
    let mut report = String::from("Traceback (most recent call last):\n");
    let frames = TRACEBACK.with(|tb| std::mem::take(&mut *tb.borrow_mut()));
    append_frames(&mut report, file, frames.iter().rev());
    report.push_str(&final_line(exc));
    report.push('\n');
    object::decref(exc);
    crate::io::write_stderr(&report);
    1
}

/// Frame lines, outermost first, folding long runs of one line as CPython does.
fn append_frames<'a>(
    report: &mut String,
    file: &str,
    frames: impl Iterator<Item = &'a (&'static str, u32)>,
) {
    const SHOWN_REPEATS: usize = 3;
    let mut last: Option<&(&str, u32)> = None;
    let mut repeats = 0usize;
    // `repeats` counts occurrences after the first; CPython prints three in all.
    let flush = |report: &mut String, repeats: usize| {
        if repeats + 1 > SHOWN_REPEATS {
            let more = repeats + 1 - SHOWN_REPEATS;
            let s = if more == 1 { "" } else { "s" };
            report.push_str(&format!("  [Previous line repeated {more} more time{s}]\n"));
        }
    };
    for frame in frames {
        if last == Some(frame) {
            repeats += 1;
        } else {
            flush(report, repeats);
            repeats = 0;
            last = Some(frame);
        }
        if repeats < SHOWN_REPEATS {
            report.push_str(&format!(
                "  File \"{file}\", line {}, in {}\n",
                frame.1, frame.0
            ));
        }
    }
    flush(report, repeats);
}

/// `Type: message`, or `Type` alone for an empty message, as CPython ends a traceback.
fn final_line(exc: Word) -> String {
    match object::as_exception(exc) {
        Some(e) if e.message.is_empty() => e.ty.name().to_string(),
        Some(e) => format!("{}: {}", e.ty.name(), e.message),
        None => "SystemError: error return without exception set".to_string(),
    }
}
