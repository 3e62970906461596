//! The reference MIR interpreter: runs a program's MIR, instruction by
//! instruction, against the runtime linked into this crate. It is what every
//! lowering is checked against: `skink diff` runs CPython, the MIR after each
//! pass here, and the native binary, and names the first that differs.
//!
//! It means what codegen means and nothing more: the same runtime calls and
//! raise sentinels, the same releases on the way to a handler, at a join and at
//! a return (`mir::ownership` computes them for both), the same recursion count.
//! Codegen's inline fast paths (small-int arithmetic and comparisons, truth of
//! immediates, range iteration) are not repeated: the interpreter always calls
//! the runtime, so a wrong fast path shows as a difference.
//!
//! Function objects hold native entry points, so the interpreter gives them its
//! own: `function_entry` and `generator_body` find the interpreted function by
//! the function object, registered when `MakeFunction` made it.

mod runtime_calls;

use std::cell::{Cell, RefCell};
use std::collections::HashMap;

use skink_abi::{self as abi, Raises, RtFn, Word};
use skink_compiler::mir::{
    self, Arg, BlockId, Const, ConstId, FuncId, GlobalId, Inst, LocalId, Prim, PrimaryMap,
    SecondaryMap, Terminator, Ty, ValueId, ownership,
};
use skink_runtime::{exc, function, modules, object};

/// A program being interpreted: its MIR (kept for the life of the process, as a
/// compiled program's text is), and the state compiled code keeps in data.
struct Program {
    module: &'static mir::Module,
    releases: SecondaryMap<FuncId, ownership::Releases>,
    consts: PrimaryMap<ConstId, Cell<Word>>,
    globals: PrimaryMap<GlobalId, Cell<Word>>,
    /// Which function each function object made by `MakeFunction` runs. Not
    /// its code constant: functions with the same signature share one.
    functions: RefCell<HashMap<Word, FuncId>>,
    /// The inline cache of each attribute site, by the address of its `Arg`
    /// in the (leaked) module: one per occurrence, as codegen lays them out.
    attr_caches: RefCell<HashMap<usize, Box<[Word; abi::ATTR_CACHE_WORDS]>>>,
}

thread_local! {
    static PROGRAM: Cell<Option<&'static Program>> = const { Cell::new(None) };
}

fn program() -> &'static Program {
    match PROGRAM.with(Cell::get) {
        Some(p) => p,
        None => skink_runtime::fatal("the MIR interpreter has no program"),
    }
}

/// Runs `module` as its native binary would run with arguments `argv` (the
/// first is the script): returns the exit code, having printed what the program
/// prints. The runtime's state is per process, so a process runs one program.
pub fn run(module: mir::Module, argv: Vec<String>) -> Result<i32, String> {
    let mut releases = SecondaryMap::new();
    for (id, f) in &module.funcs {
        let r = ownership::analyze(f).map_err(|errors| {
            format!(
                "ownership check failed in {}: {}",
                f.name,
                errors.join("; ")
            )
        })?;
        releases[id] = r;
    }
    // Interpreted frames take more stack than compiled ones; the recursion
    // limit, not the stack, must be what stops deep recursion.
    const STACK: usize = 1 << 30;
    // The same holds for the stacks generator bodies run on (reserved, only
    // touched as deep as the recursion goes).
    skink_runtime::generator::set_stack_size(STACK / 8);
    let worker = std::thread::Builder::new()
        .name("skink-interp".into())
        .stack_size(STACK)
        .spawn(move || {
            let module: &'static mir::Module = Box::leak(Box::new(module));
            let program: &'static Program = Box::leak(Box::new(Program {
                module,
                releases,
                consts: module.consts.keys().map(|_| Cell::new(abi::NULL)).collect(),
                globals: module
                    .globals
                    .keys()
                    .map(|_| Cell::new(abi::NULL))
                    .collect(),
                functions: RefCell::new(HashMap::new()),
                attr_caches: RefCell::new(HashMap::new()),
            }));
            PROGRAM.with(|p| p.set(Some(program)));
            modules::set_argv(argv);
            exc::run_module(module_entry, &program.module.file)
        })
        .map_err(|e| format!("cannot start the interpreter thread: {e}"))?;
    worker
        .join()
        .map_err(|_| "the MIR interpreter panicked".to_string())
}

extern "C" fn module_entry() -> Word {
    let p = program();
    Frame::run(p, p.module.main, abi::NULL, Vec::new())
}

/// The entry a function object made by the interpreter holds: the array entry
/// of codegen (`fn(function, slots) -> Word`, taking over the slot values).
extern "C" fn function_entry(func: Word, slots: *const Word) -> Word {
    let p = program();
    let id = p.function_of(func);
    let n = p.module.funcs[id].params.len();
    // SAFETY: the runtime passes the function's `n` slot values.
    let args = unsafe { slot_values(slots, n) };
    call_function(p, id, func, args)
}

/// The body of a generator made by `call_function`, run on its own stack.
extern "C" fn generator_body(func: Word, slots: *const Word) -> Word {
    let p = program();
    let id = p.function_of(func);
    let n = p.module.funcs[id].params.len();
    // SAFETY: the generator passes the slots it was made with.
    let args = unsafe { slot_values(slots, n) };
    Frame::run(p, id, func, args)
}

/// # Safety
/// `slots` must point at `n` words (or be anything when `n` is 0).
unsafe fn slot_values(slots: *const Word, n: usize) -> Vec<Word> {
    if n == 0 {
        return Vec::new();
    }
    // SAFETY: forwarded contract.
    unsafe { std::slice::from_raw_parts(slots, n) }.to_vec()
}

/// Calls the interpreted function `id` through the function object `func`,
/// moving `args` into its parameters; a generator function makes a generator.
fn call_function(p: &'static Program, id: FuncId, func: Word, args: Vec<Word>) -> Word {
    if p.module.funcs[id].is_generator {
        let bits = [
            func,
            generator_body as *const () as usize as Word,
            args.as_ptr() as Word,
            args.len() as Word,
        ];
        // SAFETY: GenNew takes over the slot values, as the native entry's call does.
        return unsafe { runtime_calls::call(RtFn::GenNew, &bits) };
    }
    Frame::run(p, id, func, args)
}

impl Program {
    fn function_of(&self, func: Word) -> FuncId {
        match self.functions.borrow().get(&func).copied() {
            Some(id) => id,
            None => skink_runtime::fatal(
                "an interpreted call of a function the interpreter did not make",
            ),
        }
    }

    /// Creates the constants, as the module function's prologue does.
    fn init_consts(&self) {
        for (id, c) in self.module.consts.iter() {
            let leak = |s: String| -> &'static str { Box::leak(s.into_boxed_str()) };
            let text = |s: &'static str| [s.as_ptr() as Word, s.len() as Word];
            // SAFETY: each constant function gets static text (the module and
            // the leaked strings live as long as the process) or a float.
            let w = unsafe {
                match c {
                    Const::Str(s) => runtime_calls::call(RtFn::ConstStr, &text(s)),
                    Const::Bytes(b) => {
                        let hex: String = b.iter().map(|x| format!("{x:02x}")).collect();
                        runtime_calls::call(RtFn::ConstBytes, &text(leak(hex)))
                    }
                    Const::BigInt(s) => runtime_calls::call(RtFn::ConstInt, &text(s)),
                    Const::Float(x) => {
                        runtime_calls::call(RtFn::ConstFloat, &[x.to_bits() as Word])
                    }
                    Const::Names(names) => {
                        runtime_calls::call(RtFn::ConstNames, &text(leak(names.join("\0"))))
                    }
                    Const::Code(s) => runtime_calls::call(RtFn::ConstCode, &text(s)),
                }
            };
            self.consts[id].set(w);
        }
    }
}

/// A raised exception leaving an instruction: the traceback line (0 when
/// re-raising).
struct Raised(u32);

/// One activation of an interpreted function.
struct Frame {
    p: &'static Program,
    f: &'static mir::Function,
    releases: &'static ownership::Releases,
    /// The running function object (NULL for the module function).
    func: Word,
    locals: SecondaryMap<LocalId, Word>,
    /// Every value as bits: a word, an `I32` sign-extended, a float's bits.
    values: SecondaryMap<ValueId, Word>,
}

/// Where a block ends: another block, or the function with a result.
enum Next {
    Block(BlockId),
    Return(Word),
}

impl Frame {
    fn run(p: &'static Program, id: FuncId, func: Word, args: Vec<Word>) -> Word {
        let f = &p.module.funcs[id];
        let mut frame = Frame {
            p,
            f,
            releases: &p.releases[id],
            func,
            locals: SecondaryMap::with_capacity(f.locals.len()),
            values: SecondaryMap::with_capacity(f.values.len()),
        };
        for (&param, arg) in f.params.iter().zip(args) {
            frame.locals[param] = arg;
        }
        if f.is_module {
            p.init_consts();
        } else {
            if !exc::enter_frame() {
                // The frame was never entered: release the arguments, report.
                frame.release_locals();
                return abi::NULL;
            }
        }
        let Some(mut block) = f.blocks.keys().next() else {
            skink_runtime::fatal("an interpreted function without blocks")
        };
        loop {
            match frame.block(block) {
                Next::Block(b) => block = b,
                Next::Return(w) => return w,
            }
        }
    }

    fn block(&mut self, id: BlockId) -> Next {
        let block = &self.f.blocks[id];
        for (i, inst) in block.insts.iter().enumerate() {
            if let Err(Raised(line)) = self.inst(inst) {
                return self.landing(id, i, line);
            }
        }
        match &block.term {
            Terminator::Jump(to, args) => {
                let values: Vec<Word> = args.iter().map(|a| self.get(*a)).collect();
                self.release_edge(id, *to);
                for (param, v) in self.f.blocks[*to].params.iter().zip(values) {
                    self.set(*param, v);
                }
                Next::Block(*to)
            }
            Terminator::Branch { cond, then_, else_ } => {
                let to = if self.get(*cond) as i32 != 0 {
                    *then_
                } else {
                    *else_
                };
                self.release_edge(id, to);
                Next::Block(to)
            }
            Terminator::Return(v) => {
                if let Some(release) = self.releases.ret.get(&id) {
                    self.release_all(release);
                }
                let v = self.get(*v);
                self.release_locals();
                self.leave();
                Next::Return(v)
            }
            Terminator::Unwind => self.landing(id, block.insts.len(), 0),
            Terminator::Unreachable => {
                skink_runtime::fatal("the MIR interpreter reached an unreachable block")
            }
        }
    }

    /// The way from a failed op to its handler: release what the ownership
    /// pass says, record the traceback line (unless re-raising), go on.
    fn landing(&mut self, id: BlockId, at: usize, line: u32) -> Next {
        if let Some(release) = self.releases.unwind.get(&(id, at)) {
            self.release_all(release);
        }
        if line != 0 {
            let name: &'static str = &self.f.name;
            let args = [name.as_ptr() as Word, name.len() as Word, Word::from(line)];
            // SAFETY: the name is static text, as codegen's is.
            unsafe { runtime_calls::call(RtFn::TracebackAdd, &args) };
        }
        match self.f.blocks[id].handler {
            Some(h) => Next::Block(h),
            None => {
                self.release_locals();
                self.leave();
                Next::Return(abi::NULL)
            }
        }
    }

    fn leave(&self) {
        if !self.f.is_module {
            exc::leave_frame();
        }
    }

    fn get(&self, v: ValueId) -> Word {
        self.values[v]
    }

    fn set(&mut self, v: ValueId, w: Word) {
        self.values[v] = w;
    }

    fn float(&self, v: ValueId) -> f64 {
        f64::from_bits(self.get(v) as u64)
    }

    fn release_all(&self, values: &[ValueId]) {
        for v in values {
            object::decref(self.get(*v));
        }
    }

    fn release_edge(&self, from: BlockId, to: BlockId) {
        if let Some(release) = self.releases.edge.get(&(from, to)) {
            self.release_all(release);
        }
    }

    fn release_locals(&self) {
        for (l, _) in self.f.locals.iter() {
            if self.f.local_tys[l] == Ty::Word {
                release_nullable(self.locals[l]);
            }
        }
    }

    /// Calls the runtime; a raise by `f`'s sentinel becomes `Raised(line)`.
    fn call(&self, f: RtFn, args: &[Word], line: u32) -> Result<Word, Raised> {
        // SAFETY: MIR calls runtime functions with the arguments their
        // contracts ask for; that is what codegen relies on too.
        let r = unsafe { runtime_calls::call(f, args) };
        let failed = match f.raises() {
            Raises::Never => false,
            Raises::OnNull => r == abi::NULL,
            Raises::OnNegative => r < 0,
        };
        if failed { Err(Raised(line)) } else { Ok(r) }
    }

    /// The machine arguments of a runtime call. Arrays live in `arrays` until
    /// the call returns.
    fn args(&self, args: &'static [Arg], arrays: &mut Vec<Vec<Word>>) -> Vec<Word> {
        let mut out = Vec::new();
        for a in args {
            match a {
                Arg::Value(v) => out.push(self.get(*v)),
                Arg::Array(vs) if vs.is_empty() => out.extend([0, 0]),
                Arg::Array(vs) => {
                    let items: Vec<Word> = vs.iter().map(|v| self.get(*v)).collect();
                    out.extend([items.as_ptr() as Word, items.len() as Word]);
                    arrays.push(items);
                }
                Arg::Text(s) => {
                    let s: &'static str = s;
                    out.extend([s.as_ptr() as Word, s.len() as Word]);
                }
                Arg::Int(i) => out.push(*i),
                Arg::FuncAddr(_) => out.push(function_entry as *const () as usize as Word),
                Arg::AttrCache => {
                    let mut caches = self.p.attr_caches.borrow_mut();
                    let cache = caches
                        .entry(a as *const Arg as usize)
                        .or_insert_with(|| Box::new([0; abi::ATTR_CACHE_WORDS]));
                    out.push(cache.as_mut_ptr() as Word);
                }
            }
        }
        out
    }

    fn inst(&mut self, inst: &'static Inst) -> Result<(), Raised> {
        match inst {
            Inst::Word { dst, word } => self.set(*dst, *word),
            Inst::Const { dst, id } => self.set(*dst, self.p.consts[*id].get()),
            Inst::LoadLocal { dst, local } => self.set(*dst, self.locals[*local]),
            Inst::StoreLocal { local, src } => {
                let new = self.get(*src);
                let old = std::mem::replace(&mut self.locals[*local], new);
                if self.f.local_tys[*local] == Ty::Word {
                    release_nullable(old);
                }
            }
            Inst::LoadGlobal { dst, global } => {
                self.set(*dst, self.p.globals[*global].get());
            }
            Inst::StoreGlobal { global, src } => {
                release_nullable(self.p.globals[*global].replace(self.get(*src)));
            }
            Inst::IncRef(v) => object::incref(self.get(*v)),
            Inst::DecRef(v) => object::decref(self.get(*v)),
            Inst::Copy { dst, src } => {
                let w = self.get(*src);
                object::incref(w);
                self.set(*dst, w);
            }
            Inst::CheckBound {
                value,
                name,
                kind,
                line,
            } => {
                if self.get(*value) == abi::NULL {
                    let f = match kind {
                        mir::Unbound::Local => RtFn::RaiseUnboundLocal,
                        mir::Unbound::Global => RtFn::RaiseNameError,
                        mir::Unbound::Free => RtFn::RaiseUnboundFree,
                    };
                    let name: &'static str = name;
                    self.call(f, &[name.as_ptr() as Word, name.len() as Word], *line)?;
                    return Err(Raised(*line));
                }
            }
            Inst::LoadCell { dst, cell } => {
                let cell = function::as_cell(self.get(*cell));
                self.set(*dst, cell.map_or(abi::NULL, |c| c.value));
            }
            Inst::StoreCell { cell, src } => {
                let value = self.get(*src);
                if let Some(c) = function::as_cell(self.get(*cell)) {
                    release_nullable(std::mem::replace(&mut c.value, value));
                }
            }
            Inst::ClosureCell { dst, index } => {
                let w = self.call(RtFn::ClosureCell, &[self.func, Word::from(*index)], 0)?;
                self.set(*dst, w);
            }
            Inst::Call {
                dst,
                func,
                args,
                line,
            } => {
                let mut arrays = Vec::new();
                let machine = self.args(args, &mut arrays);
                let r = self.call(*func, &machine, *line)?;
                drop(arrays);
                if let [_, Arg::FuncAddr(id), ..] = args.as_slice() {
                    // A new function object; one freed before may have had its address.
                    self.p.functions.borrow_mut().insert(r, *id);
                }
                if let Some(d) = dst {
                    self.set(*d, r);
                }
            }
            Inst::CallUser {
                dst,
                func,
                callee,
                args,
                speculate,
                line,
            } => {
                let args: Vec<Word> = args.iter().map(|a| self.get(*a)).collect();
                // The same test as the native code's: small ints take the copy.
                let func = match speculate {
                    Some(s) if s.ints.iter().all(|&k| args[k] & 1 == 1) => &s.func,
                    _ => func,
                };
                let r = call_function(self.p, *func, self.get(*callee), args);
                if r == abi::NULL {
                    return Err(Raised(*line));
                }
                self.set(*dst, r);
            }
            Inst::Unpack {
                value,
                dsts,
                star,
                line,
            } => {
                let mut items = vec![abi::NULL; dsts.len().max(1)];
                let ptr = items.as_mut_ptr() as Word;
                let v = self.get(*value);
                match star {
                    None => self.call(RtFn::Unpack, &[v, dsts.len() as Word, ptr], *line)?,
                    Some(i) => {
                        let (before, after) = (*i as Word, (dsts.len() - 1 - i) as Word);
                        self.call(RtFn::UnpackEx, &[v, before, after, ptr], *line)?
                    }
                };
                for (d, item) in dsts.iter().zip(items) {
                    self.set(*d, item);
                }
            }
            Inst::IsWord { dst, value, word } => {
                self.set(*dst, Word::from(self.get(*value) == *word));
            }
            Inst::SameWord { dst, a, b } => {
                self.set(*dst, Word::from(self.get(*a) == self.get(*b)));
            }
            Inst::F64Const { dst, value } => self.set(*dst, value.to_bits() as Word),
            Inst::TruthConst { dst, value } => self.set(*dst, Word::from(*value)),
            Inst::Prim {
                dst,
                op,
                args,
                line,
            } => {
                let r = self.prim(*op, args, *line)?;
                self.set(*dst, r);
            }
            Inst::BoolWord { dst, cond, negate } => {
                let truth = (self.get(*cond) as i32 != 0) != *negate;
                self.set(*dst, abi::bool_word(truth));
            }
        }
        Ok(())
    }

    /// A `Prim` op (see `mir::Prim`), as bits.
    fn prim(&self, op: Prim, args: &[ValueId], line: u32) -> Result<Word, Raised> {
        let float = |r: f64| r.to_bits() as Word;
        let truth = |b: bool| Word::from(b);
        let x = |i: usize| self.float(args[i]);
        Ok(match op {
            Prim::FAdd => float(x(0) + x(1)),
            Prim::FSub => float(x(0) - x(1)),
            Prim::FMul => float(x(0) * x(1)),
            Prim::FDiv => {
                if x(1) == 0.0 {
                    self.call(RtFn::RaiseFloatDivZero, &[], line)?;
                    return Err(Raised(line));
                }
                float(x(0) / x(1))
            }
            Prim::FMod => {
                if x(1) == 0.0 {
                    self.call(RtFn::RaiseFloatModZero, &[], line)?;
                    return Err(Raised(line));
                }
                float(skink_runtime::float::modulo_nonzero(x(0), x(1)))
            }
            Prim::FNeg => float(-x(0)),
            Prim::FLt => truth(x(0) < x(1)),
            Prim::FLe => truth(x(0) <= x(1)),
            Prim::FGt => truth(x(0) > x(1)),
            Prim::FGe => truth(x(0) >= x(1)),
            Prim::FEq => truth(x(0) == x(1)),
            Prim::FNe => truth(x(0) != x(1)),
            Prim::ILt | Prim::ILe | Prim::IGt | Prim::IGe | Prim::IEq | Prim::INe => {
                let Some(f) = op.int_compare() else {
                    skink_runtime::fatal("an int comparison without its runtime function")
                };
                let r = self.call(f, &[self.get(args[0]), self.get(args[1])], line)?;
                truth(r == abi::TRUE)
            }
            Prim::UnboxFloat => float(self.float_object(self.get(args[0]))),
            Prim::BoxFloat => self.call(RtFn::FloatNew, &[self.get(args[0])], line)?,
            Prim::IntToFloat => {
                let boxed = self.call(RtFn::FloatOfInt, &[self.get(args[0])], line)?;
                let r = self.float_object(boxed);
                object::decref(boxed);
                float(r)
            }
            Prim::Not => self.get(args[0]) ^ 1,
        })
    }
}

impl Frame {
    /// A float object's value. Codegen loads it unchecked, trusting the type
    /// proof; here a wrong proof stops the program.
    fn float_object(&self, w: Word) -> f64 {
        match object::as_float(w) {
            Some(x) => x,
            None => skink_runtime::fatal(&format!(
                "the MIR interpreter unboxed a non-float in {}",
                self.f.name
            )),
        }
    }
}

fn release_nullable(w: Word) {
    if w != abi::NULL {
        object::decref(w);
    }
}
