//! Exceptions: the pending exception, the traceback recorded while unwinding,
//! recursion depth accounting and the report of an uncaught exception.
//!
//! A fallible runtime function sets the pending exception and returns its sentinel
//! (`NULL` or a negative number); compiled code checks the sentinel, records a
//! traceback entry and returns `NULL` itself, up to `skink_main`.

use std::cell::{Cell, RefCell};
use std::sync::atomic::{AtomicI64, Ordering};

use skink_abi::{self as abi, Word};

use crate::object;

macro_rules! exc_types {
    ($($name:ident : $parent:tt,)*) => {
        /// The built-in exception classes, with CPython's hierarchy.
        #[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
        pub enum ExcType { $($name,)* }

        impl ExcType {
            pub fn name(self) -> &'static str {
                match self { $(ExcType::$name => stringify!($name),)* }
            }

            pub fn parent(self) -> Option<ExcType> {
                match self { $(ExcType::$name => exc_types!(@parent $parent),)* }
            }

            pub fn named(name: &str) -> Option<ExcType> {
                match name { $(stringify!($name) => Some(ExcType::$name),)* _ => None }
            }
        }
    };
    (@parent None) => { None };
    (@parent $p:ident) => { Some(ExcType::$p) };
}

exc_types! {
    ArithmeticError: Exception,
    AssertionError: Exception,
    AttributeError: Exception,
    BaseException: None,
    BlockingIOError: OSError,
    BrokenPipeError: ConnectionError,
    BufferError: Exception,
    BytesWarning: Warning,
    ChildProcessError: OSError,
    ConnectionAbortedError: ConnectionError,
    ConnectionError: OSError,
    ConnectionRefusedError: ConnectionError,
    ConnectionResetError: ConnectionError,
    DeprecationWarning: Warning,
    EOFError: Exception,
    EncodingWarning: Warning,
    Exception: BaseException,
    FileExistsError: OSError,
    FileNotFoundError: OSError,
    FloatingPointError: ArithmeticError,
    FutureWarning: Warning,
    GeneratorExit: BaseException,
    ImportError: Exception,
    ImportWarning: Warning,
    IndentationError: SyntaxError,
    IndexError: LookupError,
    InterruptedError: OSError,
    IsADirectoryError: OSError,
    KeyError: LookupError,
    KeyboardInterrupt: BaseException,
    LookupError: Exception,
    MemoryError: Exception,
    ModuleNotFoundError: ImportError,
    NameError: Exception,
    NotADirectoryError: OSError,
    NotImplementedError: RuntimeError,
    OSError: Exception,
    OverflowError: ArithmeticError,
    PendingDeprecationWarning: Warning,
    PermissionError: OSError,
    ProcessLookupError: OSError,
    RecursionError: RuntimeError,
    ReferenceError: Exception,
    ResourceWarning: Warning,
    RuntimeError: Exception,
    RuntimeWarning: Warning,
    StopAsyncIteration: Exception,
    StopIteration: Exception,
    SyntaxError: Exception,
    SyntaxWarning: Warning,
    SystemError: Exception,
    SystemExit: BaseException,
    TabError: IndentationError,
    TimeoutError: OSError,
    TypeError: Exception,
    UnboundLocalError: NameError,
    UnicodeDecodeError: UnicodeError,
    UnicodeEncodeError: UnicodeError,
    UnicodeError: ValueError,
    UnicodeTranslateError: UnicodeError,
    UnicodeWarning: Warning,
    UnsupportedOperation: OSError,
    UserWarning: Warning,
    ValueError: Exception,
    Warning: Exception,
    ZeroDivisionError: ArithmeticError,
}

impl ExcType {
    pub fn is_subclass(self, of: ExcType) -> bool {
        // `io.UnsupportedOperation` derives from both OSError and ValueError.
        if self == ExcType::UnsupportedOperation && of.is_subclass_single(ExcType::ValueError) {
            return ExcType::ValueError.is_subclass_single(of);
        }
        self.is_subclass_single(of)
    }

    /// How a traceback's last line names the class: with its module when that is
    /// not `builtins` (`io.UnsupportedOperation`).
    pub fn qualified_name(self) -> &'static str {
        match self {
            ExcType::UnsupportedOperation => "io.UnsupportedOperation",
            other => other.name(),
        }
    }

    fn is_subclass_single(self, of: ExcType) -> bool {
        let mut t = Some(self);
        while let Some(x) = t {
            if x == of {
                return true;
            }
            t = x.parent();
        }
        false
    }
}

/// The `OSError` subclass CPython raises for an `errno` (PEP 3151).
pub fn os_error_type(errno: i32) -> ExcType {
    match errno {
        1 | 13 => ExcType::PermissionError,
        2 => ExcType::FileNotFoundError,
        3 => ExcType::ProcessLookupError,
        4 => ExcType::InterruptedError,
        10 => ExcType::ChildProcessError,
        11 | 114 | 115 => ExcType::BlockingIOError,
        17 => ExcType::FileExistsError,
        20 => ExcType::NotADirectoryError,
        21 => ExcType::IsADirectoryError,
        32 | 108 => ExcType::BrokenPipeError,
        103 => ExcType::ConnectionAbortedError,
        104 => ExcType::ConnectionResetError,
        110 => ExcType::TimeoutError,
        111 => ExcType::ConnectionRefusedError,
        _ => ExcType::OSError,
    }
}

/// `ty(*args)` for a builtin exception type. `OSError(errno, strerror[, filename])`
/// becomes the subclass for `errno` and keeps `filename` outside `args`, as in CPython.
pub fn new_exception_from_args(ty: ExcType, args: &[Word]) -> Word {
    let os_error = ty.is_subclass(ExcType::OSError) && (2..=5).contains(&args.len());
    let ty = match args.first().and_then(|&a| crate::int::int_of(a)) {
        Some(crate::int::Int::Small(errno)) if os_error && ty == ExcType::OSError => {
            os_error_type(i32::try_from(errno).unwrap_or(0))
        }
        _ => ty,
    };
    let kept = if os_error && args.len() >= 3 {
        &args[..2]
    } else {
        args
    };
    kept.iter().for_each(|&w| object::incref(w));
    let e = object::new_exception(ty, object::new_tuple(kept.to_vec()));
    if os_error
        && let Some(&filename) = args.get(2)
        && let Some(x) = object::as_exception(e)
    {
        let key = object::Owned(object::new_str("filename".into()));
        let _ = x.dict.set(key.0, filename);
    }
    e
}

thread_local! {
    static PENDING: Cell<Word> = const { Cell::new(abi::NULL) };
    /// The exceptions being handled by `except` clauses, innermost last (owned).
    static HANDLED: RefCell<Vec<Word>> = const { RefCell::new(Vec::new()) };
}

/// The frames in use (`abi::DEPTH_SYMBOL`). A compiled function is handed the
/// depth it starts at by its caller, in a register, and *stores* its own depth
/// here before the runtime may read it, never loading it: a counter loaded and
/// stored by every call would chain every call to the one before through
/// memory. A compiled frame does not give the count back on its way out, so a
/// call into compiled code may leave a deeper count here; compiled code that
/// calls the runtime stores its depth first, and the array entry by which the
/// runtime calls a function restores the runtime's depth after it. The
/// runtime reads it when it calls a function itself.
/// The runtime is single-threaded, so the atomic is only for a safe `static`.
#[unsafe(no_mangle)]
#[allow(non_upper_case_globals)]
pub static skink_depth: AtomicI64 = AtomicI64::new(0);

/// `sys.getrecursionlimit()` (`abi::RECURSION_LIMIT_SYMBOL`): a frame starting at
/// this depth or deeper raises `RecursionError`.
#[unsafe(no_mangle)]
#[allow(non_upper_case_globals)]
pub static skink_recursion_limit: AtomicI64 = AtomicI64::new(abi::RECURSION_LIMIT);

fn frames_left() -> i64 {
    recursion_limit() - skink_depth.load(Ordering::Relaxed)
}

/// Enters a frame of the MIR interpreter, as compiled code does inline: false
/// (with `RecursionError` raised) when the limit is reached.
pub fn enter_frame() -> bool {
    skink_recursion_enter() == 0
}

/// Leaves a frame [`enter_frame`] entered.
pub fn leave_frame() {
    shift_depth(-1);
}

/// The result of a fallible runtime operation; `Err` means an exception is pending.
pub type PyResult<T> = Result<T, Raised>;

/// Proof that an exception was set as pending.
#[derive(Debug)]
pub struct Raised;

/// Sets `ty(message)` as the pending exception.
pub fn raise<T>(ty: ExcType, message: impl Into<String>) -> PyResult<T> {
    let args = object::new_tuple(vec![object::new_str(message.into())]);
    raise_object(object::new_exception(ty, args))
}

/// Sets `ty(arg)` as the pending exception, taking over `arg` (KeyError's key).
pub fn raise_with_arg<T>(ty: ExcType, arg: Word) -> PyResult<T> {
    raise_object(object::new_exception(ty, object::new_tuple(vec![arg])))
}

/// Makes the exception object `exc` (owned) pending, chaining the exception
/// being handled as its `__context__` as CPython does.
pub fn raise_object<T>(exc: Word) -> PyResult<T> {
    let handled = HANDLED.with(|h| h.borrow().last().copied());
    if let (Some(context), Some(e)) = (handled, object::as_exception(exc))
        && context != exc
        && e.context.0 == abi::NULL
        && !chain_contains(context, exc)
    {
        object::incref(context);
        e.context = object::Owned(context);
    }
    let old = PENDING.with(|p| p.replace(exc));
    if old != abi::NULL {
        object::decref(old);
    }
    Err(Raised)
}

/// Whether `exc` is already in the context chain of `start` (no cycles, as CPython).
fn chain_contains(start: Word, exc: Word) -> bool {
    let mut w = start;
    let mut steps = 0;
    while let Some(e) = object::as_exception(w) {
        if w == exc {
            return true;
        }
        w = e.context.0;
        steps += 1;
        if steps > 10_000 {
            return true;
        }
    }
    false
}

/// Takes the pending exception (owned); NULL when none is.
pub fn take_pending() -> Word {
    PENDING.with(|p| p.replace(abi::NULL))
}

/// Whether the pending exception is an instance of `ty`.
pub fn pending_is(ty: ExcType) -> bool {
    PENDING.with(|p| object::as_exception(p.get()).is_some_and(|e| e.ty.is_subclass(ty)))
}

/// Makes `exc` (owned, or NULL for nothing) pending again.
pub fn restore_pending(exc: Word) {
    if exc == abi::NULL {
        return;
    }
    let old = PENDING.with(|p| p.replace(exc));
    if old != abi::NULL {
        object::decref(old);
    }
}

/// PEP 479: a StopIteration escaping a generator (or a generator expression run
/// inline) is a bug, so it becomes RuntimeError, caused by it. Any other pending
/// exception stays.
pub fn stop_iteration_to_runtime_error() {
    if pending_is(ExcType::StopIteration) {
        let cause = take_pending();
        let _ = raise::<()>(ExcType::RuntimeError, "generator raised StopIteration");
        // It was raised while the StopIteration was being handled, so that is its
        // context as well as its cause.
        object::incref(cause);
        PENDING.with(|p| match object::as_exception(p.get()) {
            Some(e) => e.context = object::Owned(cause),
            None => object::decref(cause),
        });
        chain_cause(cause);
    }
}

#[unsafe(no_mangle)]
pub extern "C" fn skink_genexpr_stop_iteration() {
    stop_iteration_to_runtime_error();
}

/// Sets `cause` (owned) as the `__cause__` of the pending exception.
pub fn chain_cause(cause: Word) {
    PENDING.with(|p| match object::as_exception(p.get()) {
        Some(e) => {
            e.cause = object::Owned(cause);
            e.suppress_context = true;
        }
        None => object::decref(cause),
    });
}

/// `raise value` for a class or an instance (as `gen.throw(value)` does): always
/// leaves an exception pending.
pub fn raise_value(value: Word) -> PyResult<()> {
    let exc = instantiate(value)?;
    raise_object(exc)
}

/// Takes a pending `StopIteration` and returns its value (owned; `None` without one).
pub fn take_stop_value() -> Word {
    let e = take_pending();
    let value = object::as_exception(e)
        .and_then(|x| object::as_tuple(x.args.0).and_then(|t| t.items.first().copied()))
        .unwrap_or(abi::NONE);
    object::incref(value);
    if e != abi::NULL {
        object::decref(e);
    }
    value
}

/// Discards the pending exception.
pub fn clear_pending() {
    let w = take_pending();
    if w != abi::NULL {
        object::decref(w);
    }
}

/// `except` entry: the pending exception becomes the one being handled.
#[unsafe(no_mangle)]
pub extern "C" fn skink_exc_fetch() -> Word {
    let exc = take_pending();
    if exc == abi::NULL {
        crate::fatal("exception handler entered without an exception");
    }
    object::incref(exc);
    HANDLED.with(|h| h.borrow_mut().push(exc));
    exc
}

#[unsafe(no_mangle)]
pub extern "C" fn skink_exc_end() {
    if let Some(w) = HANDLED.with(|h| h.borrow_mut().pop()) {
        object::decref(w);
    }
}

#[unsafe(no_mangle)]
pub extern "C" fn skink_exc_restore(exc: Word) {
    skink_exc_end();
    object::incref(exc);
    let old = PENDING.with(|p| p.replace(exc));
    if old != abi::NULL {
        object::decref(old);
    }
}

/// Whether `exc` matches the class or tuple of classes of an `except` clause.
#[unsafe(no_mangle)]
pub extern "C" fn skink_exc_matches(exc: Word, spec: Word) -> i32 {
    match exc_matches(exc, spec) {
        Ok(b) => b as i32,
        Err(Raised) => -1,
    }
}

fn exc_matches(exc: Word, spec: Word) -> PyResult<bool> {
    let ty = object::type_of(exc);
    if let Some(items) = object::as_tuple(spec) {
        for &t in items.items.iter() {
            if exc_matches(exc, t)? {
                return Ok(true);
            }
        }
        return Ok(false);
    }
    match object::as_type(spec) {
        Some(t @ object::PyType::Exc(_)) => Ok(ty.is_subtype(t)),
        Some(t @ object::PyType::Class(c)) if !c.get().builtin.same(object::PyType::Object) => {
            Ok(ty.is_subtype(t))
        }
        _ => type_error("catching classes that do not inherit from BaseException is not allowed"),
    }
}

/// `raise value [from cause]`; `cause` is NULL without `from`.
#[unsafe(no_mangle)]
pub extern "C" fn skink_raise(value: Word, cause: Word) -> Word {
    let exc = match instantiate(value) {
        Ok(e) => e,
        Err(Raised) => return abi::NULL,
    };
    if cause != abi::NULL {
        let cause = if cause == abi::NONE {
            abi::NULL
        } else {
            match instantiate(cause) {
                Ok(c) => c,
                Err(Raised) => {
                    object::decref(exc);
                    if pending_is(ExcType::TypeError) {
                        clear_pending();
                        return to_word(type_error(
                            "exception causes must derive from BaseException",
                        ));
                    }
                    return abi::NULL;
                }
            }
        };
        if let Some(e) = object::as_exception(exc) {
            e.cause = object::Owned(cause);
            e.suppress_context = true;
        }
    }
    to_word(raise_object(exc))
}

/// An exception instance from a `raise` operand: an instance, or a class to call.
fn instantiate(value: Word) -> PyResult<Word> {
    if object::as_exception(value).is_some() {
        object::incref(value);
        return Ok(value);
    }
    if let Some(object::PyType::Exc(t)) = object::as_type(value) {
        return Ok(object::new_exception(t, object::new_tuple(Vec::new())));
    }
    if let Some(c) = crate::class::as_class(value)
        && !c.get().builtin.same(object::PyType::Object)
    {
        return crate::class::instantiate(c, &[], &[]);
    }
    type_error("exceptions must derive from BaseException")
}

#[unsafe(no_mangle)]
pub extern "C" fn skink_reraise() -> Word {
    match HANDLED.with(|h| h.borrow().last().copied()) {
        Some(exc) => {
            object::incref(exc);
            let old = PENDING.with(|p| p.replace(exc));
            if old != abi::NULL {
                object::decref(old);
            }
            abi::NULL
        }
        None => to_word(raise(
            ExcType::RuntimeError,
            "No active exception to reraise",
        )),
    }
}

#[unsafe(no_mangle)]
pub extern "C" fn skink_assert_fail(message: Word) -> Word {
    let args = if message == abi::NULL {
        Vec::new()
    } else {
        object::incref(message);
        vec![message]
    };
    to_word(raise_object(object::new_exception(
        ExcType::AssertionError,
        object::new_tuple(args),
    )))
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
/// `name` must point at `len` bytes of UTF-8 in the program's data.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn skink_raise_unbound_free(name: *const u8, len: i64) -> Word {
    // SAFETY: forwarded contract.
    let name = unsafe { static_str(name, len) };
    to_word(raise(
        ExcType::NameError,
        format!(
            "cannot access free variable '{name}' where it is not associated with a value in enclosing scope"
        ),
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
    PENDING.with(|p| {
        if let Some(e) = object::as_exception(p.get()) {
            e.traceback.push((func, line as u32));
        }
    });
}

#[unsafe(no_mangle)]
pub extern "C" fn skink_recursion_enter() -> i32 {
    if frames_left() < 1 {
        let _ = raise::<()>(ExcType::RecursionError, "maximum recursion depth exceeded");
        return -1;
    }
    shift_depth(1);
    0
}

/// `sys.getrecursionlimit()`.
pub fn recursion_limit() -> i64 {
    skink_recursion_limit.load(Ordering::Relaxed)
}

/// `sys.setrecursionlimit(n)`: frames already entered stay counted.
pub fn set_recursion_limit(n: i64) {
    skink_recursion_limit.store(n, Ordering::Relaxed)
}

/// The exceptions being handled, from position `from` up, taken off the stack
/// (a generator suspends inside its `except` clauses).
pub fn take_handled(from: usize) -> Vec<Word> {
    HANDLED.with(|h| {
        let mut h = h.borrow_mut();
        if from >= h.len() {
            // Nothing handled: no allocation (split_off(0) would make one).
            return Vec::new();
        }
        h.split_off(from)
    })
}

/// The exception being handled (borrowed; `None` when there is none).
pub fn handled_top() -> Word {
    HANDLED
        .with(|h| h.borrow().last().copied())
        .unwrap_or(abi::NONE)
}

pub fn handled_depth() -> usize {
    HANDLED.with(|h| h.borrow().len())
}

pub fn restore_handled(saved: Vec<Word>) {
    HANDLED.with(|h| h.borrow_mut().extend(saved));
}

/// Moves the recursion count by `delta` (a generator's frame leaves the stack
/// when it suspends and comes back when it resumes).
pub fn shift_depth(delta: i64) {
    // A compiled program is one thread: no locked read-modify-write, which
    // costs a comparison of two tuples as much as the comparison. The MIR
    // interpreter's tests run programs on threads at once.
    #[cfg(feature = "program")]
    skink_depth.store(
        skink_depth.load(Ordering::Relaxed) + delta,
        Ordering::Relaxed,
    );
    #[cfg(not(feature = "program"))]
    skink_depth.fetch_add(delta, Ordering::Relaxed);
}

/// Runs `f` one recursion level deeper, as CPython's `Py_EnterRecursiveCall(what)`:
/// comparing, printing or hashing deeply nested containers raises RecursionError.
pub fn nested<T>(what: &str, f: impl FnOnce() -> PyResult<T>) -> PyResult<T> {
    if frames_left() < 1 {
        return raise(
            ExcType::RecursionError,
            format!("maximum recursion depth exceeded{what}"),
        );
    }
    shift_depth(1);
    let r = f();
    shift_depth(-1);
    r
}

/// Runs the module body (which counts as the first frame, as in CPython) and turns
/// an uncaught exception into CPython's report and exit code 1.
pub fn run_module(module: extern "C" fn() -> Word, file: &str) -> i32 {
    skink_depth.store(1, Ordering::Relaxed);
    let result = module();
    crate::io::flush_stdout();
    if result != abi::NULL {
        object::decref(result);
        return 0;
    }
    let exc = take_pending();
    if object::as_exception(exc).is_some_and(|e| e.ty == ExcType::SystemExit) {
        return system_exit(exc);
    }
    let mut report = String::new();
    append_chain(&mut report, file, exc, 0);
    object::decref(exc);
    crate::io::write_stderr(&report);
    1
}

/// An uncaught `SystemExit(code)`: exits with the code, as CPython's handler does
/// (None is 0, an int is the status, anything else is printed and gives 1).
fn system_exit(exc: Word) -> i32 {
    let code = object::as_exception(exc)
        .and_then(|e| object::as_tuple(e.args.0).and_then(|t| t.items.first().copied()))
        .unwrap_or(abi::NONE);
    let status = if code == abi::NONE {
        0
    } else if let Some(i) = crate::int::int_of(code) {
        match i {
            crate::int::Int::Small(v) => v as i32,
            crate::int::Int::Big(_) => -1,
        }
    } else {
        let text = crate::ops::str_of(code).unwrap_or_default();
        crate::io::write_stderr(&format!("{text}\n"));
        1
    };
    object::decref(exc);
    status
}

/// The report of `exc` preceded by its cause or context, as CPython prints them.
fn append_chain(report: &mut String, file: &str, exc: Word, depth: usize) {
    let Some(e) = object::as_exception(exc) else {
        report.push_str("SystemError: error return without exception set\n");
        return;
    };
    if depth < 100 {
        if e.cause.0 != abi::NULL {
            append_chain(report, file, e.cause.0, depth + 1);
            report.push_str(
                "\nThe above exception was the direct cause of the following exception:\n\n",
            );
        } else if e.context.0 != abi::NULL && !e.suppress_context {
            append_chain(report, file, e.context.0, depth + 1);
            report.push_str(
                "\nDuring handling of the above exception, another exception occurred:\n\n",
            );
        }
    }
    if !e.traceback.is_empty() {
        report.push_str("Traceback (most recent call last):\n");
        append_frames(report, file, e.traceback.iter().rev());
    }
    report.push_str(&final_line(exc));
    report.push('\n');
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
pub fn final_line(exc: Word) -> String {
    let name = match (crate::class::class_of(exc), object::as_exception(exc)) {
        (Some(c), _) => c.get().qualname,
        (None, Some(e)) => e.ty.qualified_name(),
        (None, None) => object::type_name(exc),
    };
    match crate::ops::str_of(exc) {
        Ok(m) if m.is_empty() => name.to_string(),
        Ok(m) => format!("{name}: {m}"),
        Err(Raised) => {
            clear_pending();
            format!("{name}: <exception str() failed>")
        }
    }
}
