//! Generators: a generator function's body runs as compiled code on a stack of its
//! own (a `corosensei` coroutine), so `yield` anywhere in it (inside loops, `try`,
//! `with`, the middle of an expression) is a call that suspends that stack. This
//! module implements the generator protocol on top: `next`, `send`, `throw`,
//! `close`, `yield from`, the return value carried by `StopIteration`, PEP 479,
//! and closing a generator that dies suspended (its `finally` blocks run).

use std::cell::{Cell, RefCell};
use std::sync::atomic::{AtomicUsize, Ordering};

use corosensei::stack::DefaultStack;
use corosensei::{Coroutine, CoroutineResult, Yielder};
use skink_abi::{self as abi, ObjHeader, Word, kind};

use crate::exc::{self, ExcType, PyResult, Raised};
use crate::object::{self, Owned};

/// Each generator's stack (reserved, touched lazily). Deep enough for the
/// recursion limit of compiled frames; the reference interpreter's frames are
/// far larger and it asks for more (`set_stack_size`).
static STACK_SIZE: AtomicUsize = AtomicUsize::new(8 << 20);

/// Finished generators' stacks kept for reuse.
const STACK_POOL: usize = 16;

type Body = extern "C" fn(Word, *const Word) -> Word;
type Coro = Coroutine<Word, Word, Word, DefaultStack>;

#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub enum State {
    Created,
    Suspended,
    Running,
    Done,
}

#[repr(C)]
pub struct GeneratorObj {
    pub header: ObjHeader,
    pub state: State,
    /// The function object (its name, closure).
    pub func: Owned,
    body: Body,
    /// The arguments, owned until the body starts and takes them over.
    slots: Vec<Word>,
    coro: Option<Coro>,
    yielder: *const Yielder<Word, Word>,
    /// The exceptions being handled inside the suspended body.
    handled: Vec<Word>,
    /// The value the body returned (for `yield from` and `StopIteration`).
    pub returned: Owned,
}

thread_local! {
    /// The generator running now; each `resume` keeps the one it interrupted
    /// and puts it back.
    static CURRENT: Cell<Word> = const { Cell::new(abi::NULL) };
    static STACKS: RefCell<Vec<DefaultStack>> = const { RefCell::new(Vec::new()) };
}

pub fn as_generator<'a>(w: Word) -> Option<&'a mut GeneratorObj> {
    object::view_mut::<GeneratorObj>(w, kind::GENERATOR)
}

/// A generator for the body at `body` with the `n` (owned) slot values at `args`.
///
/// # Safety
/// `args` must point at `n` owned words.
pub unsafe fn new(func: Word, body: usize, args: *const Word, n: usize) -> Word {
    // SAFETY: forwarded contract.
    let slots = if n == 0 {
        Vec::new()
    } else {
        unsafe { std::slice::from_raw_parts(args, n) }.to_vec()
    };
    // SAFETY: the compiler passes the array entry of the generator's body.
    let body: Body = unsafe { std::mem::transmute::<usize, Body>(body) };
    object::into_word(Box::new(GeneratorObj {
        header: object::header(kind::GENERATOR),
        state: State::Created,
        func: Owned::share(func),
        body,
        slots,
        coro: None,
        yielder: std::ptr::null(),
        handled: Vec::new(),
        returned: Owned(abi::NULL),
    }))
}

fn name_of(g: &GeneratorObj) -> &'static str {
    crate::function::as_function(g.func.0).map_or("?", |f| f.code.qualname)
}

pub fn repr(w: Word) -> String {
    let name = as_generator(w).map_or("?", |g| name_of(g));
    format!("<generator object {name} at {w:#x}>")
}

/// Sets the size of the stacks generators made from now on run on.
pub fn set_stack_size(bytes: usize) {
    STACK_SIZE.store(bytes, Ordering::Relaxed);
}

fn take_stack() -> DefaultStack {
    STACKS.with(|s| s.borrow_mut().pop()).unwrap_or_else(|| {
        match DefaultStack::new(STACK_SIZE.load(Ordering::Relaxed)) {
            Ok(s) => s,
            Err(_) => crate::fatal("cannot allocate a generator stack"),
        }
    })
}

fn recycle(coro: Coro) {
    let stack = coro.into_stack();
    STACKS.with(|s| {
        let mut s = s.borrow_mut();
        if s.len() < STACK_POOL {
            s.push(stack);
        }
    });
}

/// Runs the generator until it yields or finishes. `input` is the value `yield`
/// returns inside, or NULL to raise the pending exception there. Returns the
/// yielded value (owned), `STOP` when the body returned (its value is kept in
/// `returned`), or raises what the body raised.
pub fn resume(w: Word, input: Word) -> PyResult<Word> {
    let Some(g) = as_generator(w) else {
        return exc::type_error("not a generator");
    };
    match g.state {
        State::Running => return exc::value_error("generator already executing"),
        State::Done => {
            if input == abi::NULL {
                return Err(Raised);
            }
            return Ok(abi::STOP);
        }
        State::Created if input == abi::NULL => {
            // Thrown into before it started: it finishes without running.
            finish(g);
            return Err(Raised);
        }
        State::Created => {
            let body = g.body;
            let func = g.func.0;
            let slots = std::mem::take(&mut g.slots);
            let gw = w as usize;
            let coro = Coroutine::with_stack(
                take_stack(),
                move |yielder: &Yielder<Word, Word>, _first: Word| {
                    if let Some(g) = as_generator(gw as Word) {
                        g.yielder = yielder;
                    }
                    // The body takes over the slots.
                    body(func, slots.as_ptr())
                },
            );
            g.coro = Some(coro);
        }
        State::Suspended => {}
    }
    g.state = State::Running;
    let base = exc::handled_depth();
    if !g.handled.is_empty() {
        exc::restore_handled(std::mem::take(&mut g.handled));
    }
    let outer = CURRENT.replace(w);
    // The generator is kept alive by the caller while it runs.
    let result = match g.coro.as_mut() {
        Some(c) => c.resume(input),
        None => crate::fatal("generator without a coroutine"),
    };
    CURRENT.set(outer);
    let Some(g) = as_generator(w) else {
        crate::fatal("generator vanished while running");
    };
    if exc::handled_depth() > base {
        g.handled = exc::take_handled(base);
    }
    match result {
        CoroutineResult::Yield(v) => {
            g.state = State::Suspended;
            Ok(v)
        }
        CoroutineResult::Return(r) => {
            if let Some(c) = g.coro.take() {
                recycle(c);
            }
            finish(g);
            if r == abi::NULL {
                exc::stop_iteration_to_runtime_error();
                return Err(Raised);
            }
            g.returned = Owned(r);
            Ok(abi::STOP)
        }
    }
}

fn finish(g: &mut GeneratorObj) {
    g.state = State::Done;
    for w in std::mem::take(&mut g.slots) {
        object::decref(w);
    }
    for w in std::mem::take(&mut g.handled) {
        object::decref(w);
    }
}

/// `yield value` inside the running generator: suspends it; returns what the
/// generator is resumed with (owned), or NULL with an exception to raise there.
pub fn yield_value(value: Word) -> Word {
    let w = CURRENT.get();
    if w == abi::NULL {
        crate::fatal("yield outside a running generator");
    }
    let Some(g) = as_generator(w) else {
        crate::fatal("the running generator is not a generator");
    };
    let yielder = g.yielder;
    object::incref(value);
    // The generator's frame leaves the recursion count while it is suspended.
    exc::shift_depth(-1);
    // SAFETY: the yielder belongs to this generator's coroutine, which is running.
    let input = unsafe { &*yielder }.suspend(value);
    exc::shift_depth(1);
    input
}

/// `next(gen)`: the next item or `STOP`.
pub fn next(w: Word) -> PyResult<Word> {
    resume(w, abi::NONE)
}

/// `gen.send(value)`.
pub fn send(w: Word, value: Word) -> PyResult<Word> {
    if let Some(g) = as_generator(w)
        && g.state == State::Created
        && value != abi::NONE
    {
        return exc::type_error("can't send non-None value to a just-started generator");
    }
    object::incref(value);
    let r = resume(w, value);
    stop_to_exception(w, r)
}

/// Turns `STOP` into `StopIteration(value)`, as `send`, `throw` and `next()` raise it.
pub fn stop_to_exception(w: Word, r: PyResult<Word>) -> PyResult<Word> {
    match r? {
        abi::STOP => {
            let value = return_value(w);
            let args = if value == abi::NONE {
                Vec::new()
            } else {
                vec![value]
            };
            exc::raise_object(object::new_exception(
                ExcType::StopIteration,
                object::new_tuple(args),
            ))
        }
        v => Ok(v),
    }
}

/// `gen.throw(exc)`.
pub fn throw(w: Word, exc_value: Word) -> PyResult<Word> {
    // Sets the exception pending (an error making it is raised the same way).
    let _ = exc::raise_value(exc_value);
    let r = resume(w, abi::NULL);
    stop_to_exception(w, r)
}

/// `gen.close()`.
pub fn close(w: Word) -> PyResult<()> {
    let Some(g) = as_generator(w) else {
        return Ok(());
    };
    match g.state {
        State::Done => return Ok(()),
        State::Created => {
            finish(g);
            return Ok(());
        }
        _ => {}
    }
    let _ = exc::raise_object::<()>(object::new_exception(
        ExcType::GeneratorExit,
        object::new_tuple(Vec::new()),
    ));
    match resume(w, abi::NULL) {
        Ok(abi::STOP) => Ok(()),
        Ok(v) => {
            object::decref(v);
            exc::raise(ExcType::RuntimeError, "generator ignored GeneratorExit")
        }
        Err(Raised)
            if exc::pending_is(ExcType::GeneratorExit)
                || exc::pending_is(ExcType::StopIteration) =>
        {
            exc::clear_pending();
            Ok(())
        }
        Err(e) => Err(e),
    }
}

/// What a generator returned (owned; `None` when it returned nothing).
fn return_value(w: Word) -> Word {
    let value = as_generator(w).map_or(abi::NULL, |g| g.returned.0);
    let value = if value == abi::NULL { abi::NONE } else { value };
    object::incref(value);
    value
}

/// What the delegating generator passes to its delegate next.
enum Pass {
    /// A value sent in (`None` for `next`), owned.
    Send(Owned),
    /// The exception pending now, thrown into the delegating generator.
    Throw,
}

/// `yield from it` inside the running generator: the result of the delegation.
pub fn yield_from(it: Word) -> PyResult<Word> {
    let it = Owned(crate::iter::iter(it)?);
    let is_gen = as_generator(it.0).is_some();
    let mut pass = Pass::Send(Owned(abi::NONE));
    loop {
        let item = match pass {
            Pass::Send(v) if v.0 == abi::NONE => crate::iter::next(it.0)?,
            Pass::Send(v) if is_gen => resume(it.0, v.into_word())?,
            Pass::Send(v) => match crate::methods::call_method(it.0, "send", &[v.0], &[]) {
                Err(Raised) if exc::pending_is(ExcType::StopIteration) => {
                    return Ok(exc::take_stop_value());
                }
                r => r?,
            },
            // A delegate that is not a generator cannot take it: it goes on here.
            Pass::Throw if !is_gen => return Err(Raised),
            Pass::Throw => resume(it.0, abi::NULL)?,
        };
        if item == abi::STOP {
            return Ok(return_value(it.0));
        }
        let input = yield_value(Owned(item).0);
        if input != abi::NULL {
            pass = Pass::Send(Owned(input));
        } else if exc::pending_is(ExcType::GeneratorExit) {
            // Closing the delegating generator closes the delegate first.
            let pending = exc::take_pending();
            close(it.0)?;
            exc::restore_pending(pending);
            return Err(Raised);
        } else {
            pass = Pass::Throw;
        }
    }
}

/// Frees a generator; one that is suspended is closed first, as CPython's
/// finalizer does (its `finally` blocks run).
///
/// # Safety
/// `w` must be a dead generator.
pub unsafe fn free(w: Word) {
    if let Some(g) = as_generator(w)
        && g.state == State::Suspended
    {
        // Revive the object while its code runs.
        object::incref(w);
        let saved = exc::take_pending();
        if close(w).is_err() {
            let e = exc::take_pending();
            let line = exc::final_line(e);
            object::decref(e);
            crate::io::flush_stdout();
            crate::io::write_stderr(&format!("Exception ignored in: {}\n{line}\n", repr(w)));
        }
        exc::restore_pending(saved);
        if let Some(g) = as_generator(w)
            && let Some(mut c) = g.coro.take()
        {
            // It ignored GeneratorExit and stays suspended: nothing on its stack
            // needs dropping (compiled frames own no Rust objects), so reset it.
            // SAFETY: see above.
            unsafe { c.force_reset() };
            drop(c);
        }
    }
    // SAFETY: generators are allocated as boxes of GeneratorObj.
    let g = unsafe { Box::from_raw(w as *mut GeneratorObj) };
    let mut g = g;
    finish(&mut g);
    if let Some(c) = g.coro.take() {
        recycle(c);
    }
}
