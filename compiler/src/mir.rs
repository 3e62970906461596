//! MIR: a typed SSA control-flow graph per function, with block parameters for
//! merges, explicit reference counting and explicit may-raise operations. Produced
//! by `mir::lower` (the one place that decides ownership), consumed by `codegen`;
//! `dump` is the text of `skink ir --stage mir`.
//!
//! Ownership rules: every `Word` value a MIR op produces is an owned reference
//! except `LoadLocal`/`LoadGlobal`, which borrow (an `IncRef` of such a value makes
//! it owned). Runtime calls borrow their arguments except `TupleNew` and `ListNew`
//! (which take over); `StoreLocal`/`StoreGlobal`/`StoreCell` move their source in
//! and release the old value (`LoadCell` borrows, like `LoadLocal`); `CallUser`
//! moves its arguments into the callee's parameters;
//! jumps move their arguments into the target's parameters; `Return` moves its
//! value out and releases the frame's locals.
//!
//! Exceptions: every block has a handler (or none: the exception leaves the
//! function). A may-raise op that fails, and `Unwind`, go to the handler. What
//! is owned at that moment and not at the handler's entry is released on the way;
//! `ownership` computes it (and what a `Return` or a join leaves behind) from
//! these rules, so lowering never has to.

pub mod egraph;
pub mod lower;
pub mod merge;
pub mod ownership;
pub mod speculate;
pub mod types;
pub mod unbox;

use std::collections::HashSet;

use cranelift_codegen::entity::entity_impl;
pub use cranelift_codegen::entity::{EntityRef, PrimaryMap, SecondaryMap};
use skink_abi::RtFn;

pub use crate::hir::{FuncId, GlobalId, LocalId};

#[derive(Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct BlockId(u32);
entity_impl!(BlockId, "bb");

#[derive(Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct ValueId(u32);
entity_impl!(ValueId, "v");

#[derive(Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct ConstId(u32);
entity_impl!(ConstId, "c");

/// The machine type of a MIR value.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Ty {
    /// A Python value (`skink_abi::Word`).
    Word,
    /// A machine integer: a truth value or a runtime status.
    I32,
    /// An unboxed float (a value proven to be a Python `float`).
    F64,
}

/// A pure operation on unboxed values, or a change of representation; made by
/// `unbox` where `types` proved the operands' types. Operands are borrowed; only
/// `BoxFloat` makes an owned word.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Prim {
    /// `F64 x F64 -> F64`, IEEE arithmetic as CPython's `float`.
    FAdd,
    FSub,
    FMul,
    /// Raises `ZeroDivisionError: float division by zero` for a zero divisor.
    FDiv,
    /// `%` as CPython's `float.__mod__` (the result takes the divisor's sign);
    /// raises `ZeroDivisionError: float modulo` for a zero divisor.
    FMod,
    /// `F64 -> F64`.
    FNeg,
    /// `F64 x F64 -> I32` truth values (false for nan except `FNe`).
    FLt,
    FLe,
    FGt,
    FGe,
    FEq,
    FNe,
    /// `Word x Word -> I32` on two ints: inline on small ints, else the runtime.
    ILt,
    ILe,
    IGt,
    IGe,
    IEq,
    INe,
    /// A float object's value (`Word -> F64`).
    UnboxFloat,
    /// A new float object (`F64 -> Word`, owned).
    BoxFloat,
    /// `float(i)` of an int (`Word -> F64`); raises `OverflowError` past the range.
    IntToFloat,
    /// `not b` of a truth value (`I32 -> I32`).
    Not,
}

impl Prim {
    pub fn name(self) -> &'static str {
        match self {
            Prim::FAdd => "fadd",
            Prim::FSub => "fsub",
            Prim::FMul => "fmul",
            Prim::FDiv => "fdiv",
            Prim::FMod => "fmod",
            Prim::FNeg => "fneg",
            Prim::FLt => "flt",
            Prim::FLe => "fle",
            Prim::FGt => "fgt",
            Prim::FGe => "fge",
            Prim::FEq => "feq",
            Prim::FNe => "fne",
            Prim::ILt => "ilt",
            Prim::ILe => "ile",
            Prim::IGt => "igt",
            Prim::IGe => "ige",
            Prim::IEq => "ieq",
            Prim::INe => "ine",
            Prim::UnboxFloat => "unbox_float",
            Prim::BoxFloat => "box_float",
            Prim::IntToFloat => "int_to_float",
            Prim::Not => "not",
        }
    }

    pub fn result(self) -> Ty {
        match self {
            Prim::FAdd
            | Prim::FSub
            | Prim::FMul
            | Prim::FDiv
            | Prim::FMod
            | Prim::FNeg
            | Prim::UnboxFloat
            | Prim::IntToFloat => Ty::F64,
            Prim::BoxFloat => Ty::Word,
            _ => Ty::I32,
        }
    }

    pub fn may_raise(self) -> bool {
        matches!(self, Prim::FDiv | Prim::FMod | Prim::IntToFloat)
    }

    /// For an int comparison, the runtime function that compares two ints
    /// that are not both small (it cannot fail on two ints).
    pub fn int_compare(self) -> Option<RtFn> {
        Some(match self {
            Prim::ILt => RtFn::Lt,
            Prim::ILe => RtFn::Le,
            Prim::IGt => RtFn::Gt,
            Prim::IGe => RtFn::Ge,
            Prim::IEq => RtFn::Eq,
            Prim::INe => RtFn::Ne,
            _ => return None,
        })
    }
}

/// An immortal constant created at program start.
#[derive(Clone, Debug, PartialEq)]
pub enum Const {
    Str(String),
    Bytes(Vec<u8>),
    /// An int literal too large for a small int, in decimal.
    BigInt(String),
    Float(f64),
    /// A tuple of strs: the keyword names of a call.
    Names(Vec<String>),
    /// A code object, in the text form of `RtFn::ConstCode`.
    Code(String),
}

/// What kind of variable an unbound-check is for (which error it raises).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Unbound {
    /// `UnboundLocalError`.
    Local,
    /// `NameError: name 'x' is not defined`.
    Global,
    /// `NameError` about a free variable of an enclosing scope.
    Free,
}

#[derive(Debug)]
pub struct Module {
    pub funcs: PrimaryMap<FuncId, Function>,
    pub consts: PrimaryMap<ConstId, Const>,
    pub globals: PrimaryMap<GlobalId, String>,
    pub main: FuncId,
    /// The source path, as tracebacks print it.
    pub file: String,
}

#[derive(Clone, Debug)]
pub struct Function {
    pub name: String,
    pub is_module: bool,
    /// Its native entry makes a generator; the body is compiled separately.
    pub is_generator: bool,
    pub params: Vec<LocalId>,
    pub locals: PrimaryMap<LocalId, String>,
    /// The machine type of each local (`Word` unless `unbox` proved better).
    pub local_tys: SecondaryMap<LocalId, Ty>,
    /// A copy of another function made for the argument types of its direct
    /// calls: it has no entry for calls through function objects.
    pub specialized: bool,
    pub values: PrimaryMap<ValueId, Ty>,
    pub blocks: PrimaryMap<BlockId, Block>,
    /// What type inference proved to be Python ints (see `IntFacts`).
    pub ints: IntFacts,
}

/// The values and locals type inference proved to hold Python ints (never
/// bools) whenever they hold a value; recorded after inference, so values made
/// by later passes are not in it. Code generation keeps a copy of a function
/// in which these are small ints, checked where they enter it: the facts choose
/// where to check, they are never trusted unchecked.
#[derive(Clone, Debug, Default)]
pub struct IntFacts {
    pub values: HashSet<ValueId>,
    pub locals: HashSet<LocalId>,
}

#[derive(Clone, Debug, Default)]
pub struct Block {
    pub params: Vec<ValueId>,
    pub insts: Vec<Inst>,
    pub term: Terminator,
    /// Where an exception raised in this block goes; `None` leaves the function.
    pub handler: Option<BlockId>,
    /// For a handler block: the block whose entry ownership state it starts with
    /// (the first block of its `try` body or `except` clause).
    pub catch_state: Option<BlockId>,
}

/// An argument of a runtime call; some take two machine arguments.
#[derive(Clone, Debug)]
pub enum Arg {
    Value(ValueId),
    /// A stack array of words, passed as (pointer, count).
    Array(Vec<ValueId>),
    /// Static UTF-8 text, passed as (pointer, length).
    Text(String),
    /// A machine integer.
    Int(i64),
    /// The address of a compiled function.
    FuncAddr(FuncId),
    /// The address of this call's own inline cache (`abi::ATTR_CACHE_WORDS`
    /// words, zero at start): each occurrence in the code is a cache of its own.
    AttrCache,
}

/// The faster copy a call of a compiled function may take: `func`, the callee
/// specialized for ints in the parameter slots `ints`, which the call takes
/// when the arguments there are small ints.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Speculation {
    pub func: FuncId,
    pub ints: Vec<usize>,
}

#[derive(Clone, Debug)]
pub enum Inst {
    /// An immediate word: a small int, `None`, `True` or `False`.
    Word {
        dst: ValueId,
        word: i64,
    },
    Const {
        dst: ValueId,
        id: ConstId,
    },
    /// Borrows a local; `NULL` when unbound.
    LoadLocal {
        dst: ValueId,
        local: LocalId,
    },
    StoreLocal {
        local: LocalId,
        src: ValueId,
    },
    /// Borrows a global; `NULL` when unbound.
    LoadGlobal {
        dst: ValueId,
        global: GlobalId,
    },
    StoreGlobal {
        global: GlobalId,
        src: ValueId,
    },
    IncRef(ValueId),
    DecRef(ValueId),
    /// `dst` is a new reference to the object of `src` (an increment under a new name).
    Copy {
        dst: ValueId,
        src: ValueId,
    },
    /// Raises the error of `kind` when `value` is `NULL`.
    CheckBound {
        value: ValueId,
        name: String,
        kind: Unbound,
        line: u32,
    },
    /// Borrows the content of a cell; `NULL` when unbound.
    LoadCell {
        dst: ValueId,
        cell: ValueId,
    },
    /// Moves `src` into the cell and releases the old content.
    StoreCell {
        cell: ValueId,
        src: ValueId,
    },
    /// A new reference to cell `index` of the running function's closure.
    ClosureCell {
        dst: ValueId,
        index: u32,
    },
    /// A runtime call; when the function may raise, its sentinel unwinds.
    Call {
        dst: Option<ValueId>,
        func: RtFn,
        args: Vec<Arg>,
        line: u32,
    },
    /// A call of a compiled function; `callee` is its function object (borrowed),
    /// `args` fill its parameter slots; `NULL` unwinds. With `speculate`, the
    /// call goes to a faster copy when the arguments pass its test.
    CallUser {
        dst: ValueId,
        func: FuncId,
        callee: ValueId,
        args: Vec<ValueId>,
        speculate: Option<Speculation>,
        line: u32,
    },
    /// Unpacks `value` into exactly `dsts.len()` new references, or raises; with
    /// `star`, that destination receives a list of the items in the middle.
    Unpack {
        value: ValueId,
        dsts: Vec<ValueId>,
        star: Option<usize>,
        line: u32,
    },
    /// `dst = (value == word)` as a truth value.
    IsWord {
        dst: ValueId,
        value: ValueId,
        word: i64,
    },
    /// `dst = (a == b)` as a truth value: identity of two words.
    SameWord {
        dst: ValueId,
        a: ValueId,
        b: ValueId,
    },
    /// An unboxed float constant.
    F64Const {
        dst: ValueId,
        value: f64,
    },
    /// A constant truth value (`Ty::I32`).
    TruthConst {
        dst: ValueId,
        value: bool,
    },
    /// A pure op or a change of representation (see `Prim`).
    Prim {
        dst: ValueId,
        op: Prim,
        args: Vec<ValueId>,
        line: u32,
    },
    /// `dst = True if cond != 0 else False` (inverted when `negate`).
    BoolWord {
        dst: ValueId,
        cond: ValueId,
        negate: bool,
    },
}

impl Inst {
    /// Calls `visit` on every value the instruction reads.
    pub fn for_each_operand(&mut self, visit: &mut impl FnMut(&mut ValueId)) {
        match self {
            Inst::Word { .. }
            | Inst::Const { .. }
            | Inst::LoadLocal { .. }
            | Inst::LoadGlobal { .. }
            | Inst::ClosureCell { .. }
            | Inst::F64Const { .. }
            | Inst::TruthConst { .. } => {}
            Inst::StoreLocal { src, .. } | Inst::StoreGlobal { src, .. } => visit(src),
            Inst::IncRef(v) | Inst::DecRef(v) => visit(v),
            Inst::Copy { src, .. } => visit(src),
            Inst::CheckBound { value, .. } => visit(value),
            Inst::LoadCell { cell, .. } => visit(cell),
            Inst::StoreCell { cell, src } => {
                visit(cell);
                visit(src);
            }
            Inst::Call { args, .. } => {
                for a in args {
                    match a {
                        Arg::Value(v) => visit(v),
                        Arg::Array(vs) => vs.iter_mut().for_each(&mut *visit),
                        _ => {}
                    }
                }
            }
            Inst::CallUser { callee, args, .. } => {
                visit(callee);
                args.iter_mut().for_each(visit);
            }
            Inst::Unpack { value, .. } => visit(value),
            Inst::IsWord { value, .. } => visit(value),
            Inst::SameWord { a, b, .. } => {
                visit(a);
                visit(b);
            }
            Inst::BoolWord { cond, .. } => visit(cond),
            Inst::Prim { args, .. } => args.iter_mut().for_each(visit),
        }
    }

    /// The values the instruction reads, in order.
    pub fn operands(&self) -> Vec<ValueId> {
        let mut out = Vec::new();
        self.clone().for_each_operand(&mut |v| out.push(*v));
        out
    }

    /// Calls `visit` on every value the instruction defines.
    pub fn for_each_def(&self, mut visit: impl FnMut(ValueId)) {
        match self {
            Inst::Word { dst, .. }
            | Inst::Const { dst, .. }
            | Inst::LoadLocal { dst, .. }
            | Inst::LoadGlobal { dst, .. }
            | Inst::Copy { dst, .. }
            | Inst::LoadCell { dst, .. }
            | Inst::ClosureCell { dst, .. }
            | Inst::CallUser { dst, .. }
            | Inst::IsWord { dst, .. }
            | Inst::SameWord { dst, .. }
            | Inst::F64Const { dst, .. }
            | Inst::TruthConst { dst, .. }
            | Inst::Prim { dst, .. }
            | Inst::BoolWord { dst, .. } => visit(*dst),
            Inst::Call { dst, .. } => dst.iter().copied().for_each(visit),
            Inst::Unpack { dsts, .. } => dsts.iter().copied().for_each(visit),
            Inst::StoreLocal { .. }
            | Inst::StoreGlobal { .. }
            | Inst::IncRef(_)
            | Inst::DecRef(_)
            | Inst::CheckBound { .. }
            | Inst::StoreCell { .. } => {}
        }
    }
}

#[derive(Clone, Debug, Default)]
pub enum Terminator {
    Jump(BlockId, Vec<ValueId>),
    /// Branches on a truth value (`Ty::I32`).
    Branch {
        cond: ValueId,
        then_: BlockId,
        else_: BlockId,
    },
    /// Releases the frame's locals and returns an owned value.
    Return(ValueId),
    /// The pending exception continues to the block's handler (or leaves the function).
    Unwind,
    /// Never reached (code after `break`, `continue`, `return` or a raise).
    #[default]
    Unreachable,
}

impl Terminator {
    /// Calls `visit` on every value the terminator reads.
    pub fn for_each_operand(&mut self, visit: &mut impl FnMut(&mut ValueId)) {
        match self {
            Terminator::Jump(_, args) => args.iter_mut().for_each(visit),
            Terminator::Branch { cond, .. } => visit(cond),
            Terminator::Return(v) => visit(v),
            Terminator::Unwind | Terminator::Unreachable => {}
        }
    }
}

/// The text of `skink ir --stage mir`.
pub fn dump(module: &Module) -> String {
    let mut out = String::new();
    for (id, c) in &module.consts {
        out.push_str(&format!("{id} = {c:?}\n"));
    }
    for (id, g) in &module.globals {
        out.push_str(&format!("{id} = global {g:?}\n"));
    }
    for (_, text) in dump_functions(module) {
        out.push('\n');
        out.push_str(&text);
    }
    out
}

/// Each function's name and MIR text.
pub fn dump_functions(module: &Module) -> Vec<(String, String)> {
    let mut all = Vec::new();
    for (id, f) in &module.funcs {
        let mut out = String::new();
        let params: Vec<_> = f
            .params
            .iter()
            .map(|p| format!("{p}:{}", f.locals[*p]))
            .collect();
        out.push_str(&format!("{id} {:?}({}) {{\n", f.name, params.join(", ")));
        for (b, block) in &f.blocks {
            let ps: Vec<_> = block.params.iter().map(|p| p.to_string()).collect();
            let handler = block
                .handler
                .map_or(String::new(), |h| format!(" handler {h}"));
            let state = block
                .catch_state
                .map_or(String::new(), |c| format!(" catch-state {c}"));
            out.push_str(&format!("{b}({}):{handler}{state}\n", ps.join(", ")));
            for inst in &block.insts {
                out.push_str(&format!("    {}\n", inst_text(f, inst)));
            }
            out.push_str(&format!("    {}\n", term_text(&block.term)));
        }
        out.push_str("}\n");
        all.push((format!("{id} {}", f.name), out));
    }
    all
}

fn values(vs: &[ValueId]) -> String {
    vs.iter()
        .map(|v| v.to_string())
        .collect::<Vec<_>>()
        .join(", ")
}

fn inst_text(f: &Function, inst: &Inst) -> String {
    match inst {
        Inst::Word { dst, word } => format!("{dst} = word {word:#x}"),
        Inst::Const { dst, id } => format!("{dst} = const {id}"),
        Inst::LoadLocal { dst, local } => {
            format!("{dst} = load_local {local}:{}", f.locals[*local])
        }
        Inst::StoreLocal { local, src } => {
            format!("store_local {local}:{}, {src}", f.locals[*local])
        }
        Inst::LoadGlobal { dst, global } => format!("{dst} = load_global {global}"),
        Inst::StoreGlobal { global, src } => format!("store_global {global}, {src}"),
        Inst::IncRef(v) => format!("incref {v}"),
        Inst::Copy { dst, src } => format!("{dst} = copy {src}"),
        Inst::DecRef(v) => format!("decref {v}"),
        Inst::CheckBound {
            value,
            name,
            kind,
            line,
        } => {
            let kind = format!("{kind:?}").to_lowercase();
            format!("check_bound {value} {kind} {name:?} !raise line {line}")
        }
        Inst::LoadCell { dst, cell } => format!("{dst} = load_cell {cell}"),
        Inst::StoreCell { cell, src } => format!("store_cell {cell}, {src}"),
        Inst::ClosureCell { dst, index } => format!("{dst} = closure_cell #{index}"),
        Inst::Call {
            dst,
            func,
            args,
            line,
        } => {
            let args: Vec<_> = args
                .iter()
                .map(|a| match a {
                    Arg::Value(v) => v.to_string(),
                    Arg::Array(vs) => format!("[{}]", values(vs)),
                    Arg::Text(t) => format!("{t:?}"),
                    Arg::Int(i) => format!("#{i}"),
                    Arg::FuncAddr(f) => format!("&{f}"),
                    Arg::AttrCache => "ic".to_string(),
                })
                .collect();
            let dst = dst.map_or(String::new(), |d| format!("{d} = "));
            let raise = if func.raises() == skink_abi::Raises::Never {
                String::new()
            } else {
                format!(" !raise line {line}")
            };
            format!("{dst}call {}({}){raise}", func.symbol(), args.join(", "))
        }
        Inst::CallUser {
            dst,
            func,
            callee,
            args,
            speculate,
            line,
        } => {
            let speculate = speculate.as_ref().map_or(String::new(), |s| {
                let ints: Vec<String> = s.ints.iter().map(|&i| args[i].to_string()).collect();
                format!(" or {} if ints({})", s.func, ints.join(", "))
            });
            format!(
                "{dst} = call {func} as {callee}({}){speculate} !raise line {line}",
                values(args)
            )
        }
        Inst::Unpack {
            value,
            dsts,
            star,
            line,
        } => {
            let star = star.map_or(String::new(), |i| format!(" star {i}"));
            format!("{} = unpack {value}{star} !raise line {line}", values(dsts))
        }
        Inst::IsWord { dst, value, word } => format!("{dst} = is_word {value}, {word:#x}"),
        Inst::F64Const { dst, value } => format!("{dst} = f64 {value:?}"),
        Inst::TruthConst { dst, value } => format!("{dst} = truth {}", *value as u8),
        Inst::Prim {
            dst,
            op,
            args,
            line,
        } => {
            let raise = if op.may_raise() {
                format!(" !raise line {line}")
            } else {
                String::new()
            };
            format!("{dst} = {}({}){raise}", op.name(), values(args))
        }
        Inst::SameWord { dst, a, b } => format!("{dst} = same_word {a}, {b}"),
        Inst::BoolWord { dst, cond, negate } => {
            format!(
                "{dst} = {} {cond}",
                if *negate {
                    "bool_word_not"
                } else {
                    "bool_word"
                }
            )
        }
    }
}

fn term_text(t: &Terminator) -> String {
    match t {
        Terminator::Jump(b, args) => format!("jump {b}({})", values(args)),
        Terminator::Branch { cond, then_, else_ } => format!("branch {cond}, {then_}, {else_}"),
        Terminator::Return(v) => format!("return {v}"),
        Terminator::Unwind => "unwind".into(),
        Terminator::Unreachable => "unreachable".into(),
    }
}
