//! MIR: a typed SSA control-flow graph per function, with block parameters for
//! merges, explicit reference counting and explicit may-raise operations. Produced
//! by `mir::lower` (the one place that decides ownership), consumed by `codegen`;
//! `dump` is the text of `skink ir --stage mir`.
//!
//! Ownership rules: every `Word` value a MIR op produces is an owned reference
//! except `LoadLocal`/`LoadGlobal`, which borrow. Runtime calls borrow their
//! arguments except `TupleNew` (takes over) ; `StoreLocal`/`StoreGlobal` move
//! their source in and release the old value; `CallUser` moves its arguments into
//! the callee's parameters; `Return` releases the frame's locals.

pub mod lower;

use cranelift_codegen::entity::{PrimaryMap, entity_impl};
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
}

/// An immortal constant created at program start.
#[derive(Clone, Debug, PartialEq)]
pub enum Const {
    Str(String),
    /// An int literal too large for a small int, in decimal.
    BigInt(String),
    Float(f64),
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

#[derive(Debug)]
pub struct Function {
    pub name: String,
    pub is_module: bool,
    pub params: Vec<LocalId>,
    pub locals: PrimaryMap<LocalId, String>,
    pub values: PrimaryMap<ValueId, Ty>,
    pub blocks: PrimaryMap<BlockId, Block>,
}

#[derive(Debug, Default)]
pub struct Block {
    pub params: Vec<ValueId>,
    pub insts: Vec<Inst>,
    pub term: Terminator,
}

/// An argument of a runtime call; some take two machine arguments.
#[derive(Clone, Debug)]
pub enum Arg {
    Value(ValueId),
    /// A stack array of words, passed as (pointer, count).
    Array(Vec<ValueId>),
    /// Static UTF-8 text, passed as (pointer, length).
    Text(String),
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
    /// Raises `UnboundLocalError` (local) or `NameError` (global) when `value` is `NULL`.
    CheckBound {
        value: ValueId,
        name: String,
        local: bool,
        line: u32,
    },
    /// A runtime call; when the function may raise, its sentinel unwinds.
    Call {
        dst: Option<ValueId>,
        func: RtFn,
        args: Vec<Arg>,
        line: u32,
    },
    /// A call of a compiled function; `NULL` unwinds.
    CallUser {
        dst: ValueId,
        func: FuncId,
        args: Vec<ValueId>,
        line: u32,
    },
    /// Unpacks `value` into exactly `dsts.len()` new references, or raises.
    Unpack {
        value: ValueId,
        dsts: Vec<ValueId>,
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
    /// `dst = True if cond != 0 else False` (inverted when `negate`).
    BoolWord {
        dst: ValueId,
        cond: ValueId,
        negate: bool,
    },
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
    /// Never reached (code after `break`, `continue`, `return` or a raise).
    #[default]
    Unreachable,
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
    for (id, f) in &module.funcs {
        let params: Vec<_> = f
            .params
            .iter()
            .map(|p| format!("{p}:{}", f.locals[*p]))
            .collect();
        out.push_str(&format!("\n{id} {:?}({}) {{\n", f.name, params.join(", ")));
        for (b, block) in &f.blocks {
            let ps: Vec<_> = block.params.iter().map(|p| p.to_string()).collect();
            out.push_str(&format!("{b}({}):\n", ps.join(", ")));
            for inst in &block.insts {
                out.push_str(&format!("    {}\n", inst_text(f, inst)));
            }
            out.push_str(&format!("    {}\n", term_text(&block.term)));
        }
        out.push_str("}\n");
    }
    out
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
        Inst::DecRef(v) => format!("decref {v}"),
        Inst::CheckBound {
            value,
            name,
            local,
            line,
        } => {
            let kind = if *local { "local" } else { "global" };
            format!("check_bound {value} {kind} {name:?} !raise line {line}")
        }
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
            args,
            line,
        } => {
            format!("{dst} = call {func}({}) !raise line {line}", values(args))
        }
        Inst::Unpack { value, dsts, line } => {
            format!("{} = unpack {value} !raise line {line}", values(dsts))
        }
        Inst::IsWord { dst, value, word } => format!("{dst} = is_word {value}, {word:#x}"),
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
        Terminator::Unreachable => "unreachable".into(),
    }
}
