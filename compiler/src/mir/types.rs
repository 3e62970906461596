//! Static Python types of MIR values, and the specialization of static functions
//! for the argument types of their direct calls.
//!
//! Inference is flow-insensitive per local (a local's type is the join of all
//! that is stored in it, parameters included), over SSA values and block
//! parameters, to a fixpoint; the return types of functions and the choice of
//! specialized copies are iterated with it over the whole module. A type here is
//! a promise about the value's Python type whenever the value exists (a local's
//! `NULL` "unbound" is not a value); `Any` promises nothing and keeps the
//! dynamic path. `Int` excludes `bool`, as in the rewrite rules.

use std::collections::HashMap;

use cranelift_codegen::entity::{EntityRef, SecondaryMap};
use skink_abi::{self as abi, RtFn};

use crate::mir::*;

/// The static type of a Python value.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum PyTy {
    /// Nothing known yet (the bottom of the lattice): no value reaches here.
    #[default]
    Never,
    Int,
    Float,
    Bool,
    NoneType,
    Str,
    /// The iterator `for x in range(...)` makes, whose items are ints.
    RangeIter,
    /// Any Python value.
    Any,
}

impl PyTy {
    pub fn join(self, other: PyTy) -> PyTy {
        match (self, other) {
            (PyTy::Never, t) | (t, PyTy::Never) => t,
            (a, b) if a == b => a,
            _ => PyTy::Any,
        }
    }

    pub fn name(self) -> &'static str {
        match self {
            PyTy::Never => "never",
            PyTy::Int => "int",
            PyTy::Float => "float",
            PyTy::Bool => "bool",
            PyTy::NoneType => "None",
            PyTy::Str => "str",
            PyTy::RangeIter => "range_iterator",
            PyTy::Any => "any",
        }
    }

    fn is_known(self) -> bool {
        !matches!(self, PyTy::Never | PyTy::Any)
    }

    fn is_numeric(self) -> bool {
        matches!(self, PyTy::Int | PyTy::Float | PyTy::Bool)
    }
}

/// The type of an immediate word.
fn word_type(word: i64) -> PyTy {
    match word {
        abi::NULL => PyTy::Never,
        abi::NONE => PyTy::NoneType,
        abi::TRUE | abi::FALSE => PyTy::Bool,
        w if w & 1 == 1 => PyTy::Int,
        _ => PyTy::Any,
    }
}

/// Python's result type of a binary arithmetic op (`+ - * // %` and `/`), where
/// the operand types decide it.
fn arithmetic(op: RtFn, a: PyTy, b: PyTy) -> PyTy {
    use PyTy::*;
    if a == Never || b == Never {
        return Never;
    }
    let numeric = PyTy::is_numeric;
    match op {
        RtFn::Add if a == Str && b == Str => Str,
        RtFn::TrueDiv if numeric(a) && numeric(b) => Float,
        RtFn::Add | RtFn::Sub | RtFn::Mul | RtFn::FloorDiv | RtFn::Mod
            if numeric(a) && numeric(b) =>
        {
            if a == Float || b == Float {
                Float
            } else {
                Int
            }
        }
        // `str % x` formats; `str * int` repeats.
        RtFn::Mod if a == Str => Str,
        RtFn::Mul
            if (a == Str && matches!(b, Int | Bool)) || (b == Str && matches!(a, Int | Bool)) =>
        {
            Str
        }
        RtFn::BitAnd | RtFn::BitOr | RtFn::BitXor if a == Bool && b == Bool => Bool,
        RtFn::BitAnd | RtFn::BitOr | RtFn::BitXor | RtFn::LShift | RtFn::RShift
            if matches!(a, Int | Bool) && matches!(b, Int | Bool) =>
        {
            Int
        }
        RtFn::Pow if numeric(a) && numeric(b) && (a == Float || b == Float) => Float,
        _ => Any,
    }
}

/// The binary op of `skink_op_inplace`'s operator code.
pub fn inplace_op(code: i64) -> Option<RtFn> {
    use abi::inplace::*;
    Some(match code {
        ADD => RtFn::Add,
        SUB => RtFn::Sub,
        MUL => RtFn::Mul,
        TRUEDIV => RtFn::TrueDiv,
        FLOORDIV => RtFn::FloorDiv,
        MOD => RtFn::Mod,
        POW => RtFn::Pow,
        LSHIFT => RtFn::LShift,
        RSHIFT => RtFn::RShift,
        AND => RtFn::BitAnd,
        OR => RtFn::BitOr,
        XOR => RtFn::BitXor,
        _ => return None,
    })
}

/// Whether a comparison of these types gives a bool (user classes may return
/// anything from their comparison methods).
fn compares_to_bool(a: PyTy, b: PyTy) -> bool {
    (a.is_numeric() && b.is_numeric()) || (a == PyTy::Str && b == PyTy::Str)
}

/// The result type of calling the builtin `name` with arguments of these types.
fn builtin_result(name: &str, args: &[PyTy]) -> PyTy {
    use PyTy::*;
    match (name, args) {
        ("float", [_]) => Float,
        ("int", [_] | [_, _]) => Int,
        ("len", [_]) => Int,
        ("str" | "repr", [_]) => Str,
        ("bool", [_]) => Bool,
        ("abs", [Int | Bool]) => Int,
        ("abs", [Float]) => Float,
        ("round", [Float | Int | Bool]) => Int,
        ("isinstance" | "callable", _) => Bool,
        ("min" | "max", [a, b, rest @ ..])
            if a.is_known() && rest.iter().all(|t| t == a) && a == b =>
        {
            *a
        }
        _ => Any,
    }
}

/// The types of one function's values and locals, and its return type.
#[derive(Clone, Debug, Default)]
pub struct FuncTypes {
    pub values: SecondaryMap<ValueId, PyTy>,
    pub locals: SecondaryMap<LocalId, PyTy>,
    pub ret: PyTy,
}

/// Infers one function's types, given its parameters' types and every function's
/// return type so far.
pub fn infer_function(
    f: &Function,
    params: &[PyTy],
    consts: &PrimaryMap<ConstId, Const>,
    rets: &SecondaryMap<FuncId, PyTy>,
) -> FuncTypes {
    let mut t = FuncTypes::default();
    for (i, &p) in f.params.iter().enumerate() {
        t.locals[p] = params.get(i).copied().unwrap_or(PyTy::Any);
    }
    // The builtin each value loaded by `skink_load_builtin` is.
    let mut builtins: HashMap<ValueId, &str> = HashMap::new();
    // What no path reaches (the implicit `return None` after a `return`) says
    // nothing about the function.
    let reachable = crate::mir::ownership::reverse_postorder(f);
    loop {
        let changed = std::cell::Cell::new(false);
        let set = |t: &mut SecondaryMap<ValueId, PyTy>, v: ValueId, ty: PyTy| {
            let new = t[v].join(ty);
            if new != t[v] {
                t[v] = new;
                changed.set(true);
            }
        };
        for block in reachable.iter().map(|&b| &f.blocks[b]) {
            for inst in &block.insts {
                match inst {
                    Inst::Word { dst, word } => set(&mut t.values, *dst, word_type(*word)),
                    Inst::Const { dst, id } => {
                        let ty = match consts[*id] {
                            Const::Str(_) => PyTy::Str,
                            Const::BigInt(_) => PyTy::Int,
                            Const::Float(_) => PyTy::Float,
                            _ => PyTy::Any,
                        };
                        set(&mut t.values, *dst, ty);
                    }
                    Inst::LoadLocal { dst, local } => {
                        let ty = t.locals[*local];
                        set(&mut t.values, *dst, ty);
                    }
                    Inst::StoreLocal { local, src } => {
                        let new = t.locals[*local].join(t.values[*src]);
                        if new != t.locals[*local] {
                            t.locals[*local] = new;
                            changed.set(true);
                        }
                    }
                    Inst::Copy { dst, src } => {
                        let ty = t.values[*src];
                        set(&mut t.values, *dst, ty);
                    }
                    Inst::BoolWord { dst, .. } => set(&mut t.values, *dst, PyTy::Bool),
                    Inst::CallUser {
                        dst,
                        func,
                        speculate,
                        ..
                    } => {
                        let fast = speculate.as_ref().map_or(PyTy::Never, |s| rets[s.func]);
                        set(&mut t.values, *dst, rets[*func].join(fast));
                    }
                    Inst::Call {
                        dst: Some(dst),
                        func,
                        args,
                        ..
                    } => {
                        let ty = |a: &Arg| match a {
                            Arg::Value(v) => t.values[*v],
                            _ => PyTy::Any,
                        };
                        let result = match (func, args.as_slice()) {
                            (RtFn::LoadBuiltin, [Arg::Text(name)]) => {
                                builtins.insert(*dst, name);
                                PyTy::Any
                            }
                            (
                                RtFn::Add
                                | RtFn::Sub
                                | RtFn::Mul
                                | RtFn::TrueDiv
                                | RtFn::FloorDiv
                                | RtFn::Mod
                                | RtFn::Pow
                                | RtFn::LShift
                                | RtFn::RShift
                                | RtFn::BitAnd
                                | RtFn::BitOr
                                | RtFn::BitXor,
                                [a, b],
                            ) => arithmetic(*func, ty(a), ty(b)),
                            (RtFn::Inplace, [a, b, Arg::Int(code)]) => match inplace_op(*code) {
                                Some(op) => arithmetic(op, ty(a), ty(b)),
                                None => PyTy::Any,
                            },
                            (RtFn::Neg | RtFn::Pos, [a]) => match ty(a) {
                                PyTy::Float => PyTy::Float,
                                PyTy::Int | PyTy::Bool => PyTy::Int,
                                PyTy::Never => PyTy::Never,
                                _ => PyTy::Any,
                            },
                            (RtFn::Invert, [a]) => match ty(a) {
                                PyTy::Int | PyTy::Bool => PyTy::Int,
                                PyTy::Never => PyTy::Never,
                                _ => PyTy::Any,
                            },
                            (
                                RtFn::Lt | RtFn::Le | RtFn::Gt | RtFn::Ge | RtFn::Eq | RtFn::Ne,
                                [a, b],
                            ) if compares_to_bool(ty(a), ty(b)) => PyTy::Bool,
                            (RtFn::RangeIter, _) => PyTy::RangeIter,
                            (RtFn::RangeField, _) => PyTy::Int,
                            // The exhausted marker is tested before the item is used.
                            (RtFn::IterNext, [a]) if ty(a) == PyTy::RangeIter => PyTy::Int,
                            (RtFn::FormatValue | RtFn::Convert | RtFn::BuildString, _) => PyTy::Str,
                            (RtFn::Call, [Arg::Value(callee), Arg::Array(items), _]) => {
                                match builtins.get(callee) {
                                    Some(name) => {
                                        let tys: Vec<PyTy> =
                                            items.iter().map(|v| t.values[*v]).collect();
                                        if tys.contains(&PyTy::Never) {
                                            PyTy::Never
                                        } else {
                                            builtin_result(name, &tys)
                                        }
                                    }
                                    None => PyTy::Any,
                                }
                            }
                            _ => PyTy::Any,
                        };
                        set(&mut t.values, *dst, result);
                    }
                    Inst::Prim { dst, op, .. } => {
                        let ty = match op {
                            Prim::BoxFloat => PyTy::Float,
                            _ => PyTy::Any,
                        };
                        set(&mut t.values, *dst, ty);
                    }
                    Inst::LoadGlobal { dst, .. }
                    | Inst::LoadCell { dst, .. }
                    | Inst::ClosureCell { dst, .. } => set(&mut t.values, *dst, PyTy::Any),
                    Inst::Unpack { dsts, .. } => {
                        for d in dsts {
                            set(&mut t.values, *d, PyTy::Any);
                        }
                    }
                    _ => {}
                }
            }
            match &block.term {
                Terminator::Jump(to, args) => {
                    for (&p, &a) in f.blocks[*to].params.iter().zip(args) {
                        let ty = t.values[a];
                        set(&mut t.values, p, ty);
                    }
                }
                Terminator::Return(v) => {
                    let new = t.ret.join(t.values[*v]);
                    if new != t.ret {
                        t.ret = new;
                        changed.set(true);
                    }
                }
                _ => {}
            }
        }
        if !changed.get() {
            return t;
        }
    }
}

/// How many copies of one function specialization may make.
const MAX_SPECIALIZATIONS: usize = 4;

/// The types of every function of a module.
pub struct ModuleTypes {
    pub funcs: SecondaryMap<FuncId, FuncTypes>,
}

/// Records in each function the values and locals `types` proved to be ints.
pub fn record_int_facts(module: &mut Module, types: &ModuleTypes) {
    for (id, f) in module.funcs.iter_mut() {
        let t = &types.funcs[id];
        f.ints.values = f
            .values
            .keys()
            .filter(|&v| t.values[v] == PyTy::Int)
            .collect();
        f.ints.locals = f
            .locals
            .keys()
            .filter(|&l| t.locals[l] == PyTy::Int)
            .collect();
    }
}

/// Whether calls of `f` may go to a copy specialized for their argument types.
fn specializable(f: &Function) -> bool {
    !f.is_module && !f.is_generator
}

/// The specialized copies of functions made so far.
#[derive(Default)]
struct Copies {
    /// Each function's parameter types (`Any` for the generic ones).
    params: SecondaryMap<FuncId, Vec<PyTy>>,
    /// The generic function a copy was made from.
    origin: SecondaryMap<FuncId, Option<FuncId>>,
    by_types: HashMap<(FuncId, Vec<PyTy>), FuncId>,
    count: SecondaryMap<FuncId, usize>,
}

impl Copies {
    /// The copy of `base` for arguments of types `tys`, made if there is none
    /// yet; `base` itself where nothing is known or it has copies enough.
    fn copy_for(&mut self, module: &mut Module, base: FuncId, tys: &[PyTy]) -> FuncId {
        if !tys.iter().any(|t| t.is_known()) {
            return base;
        }
        if let Some(&c) = self.by_types.get(&(base, tys.to_vec())) {
            return c;
        }
        if self.count[base] >= MAX_SPECIALIZATIONS {
            return base;
        }
        self.count[base] += 1;
        let mut copy = module.funcs[base].clone();
        copy.specialized = true;
        let c = module.funcs.push(copy);
        self.params[c] = tys.to_vec();
        self.origin[c] = Some(base);
        self.by_types.insert((base, tys.to_vec()), c);
        c
    }
}

/// Specializes the direct calls of static functions for their argument types
/// (adding the copies to the module) and infers the types of every function.
pub fn specialize_and_infer(module: &mut Module) -> ModuleTypes {
    let mut copies = Copies::default();
    for (id, f) in module.funcs.iter() {
        copies.params[id] = vec![PyTy::Any; f.params.len()];
    }
    let mut rets: SecondaryMap<FuncId, PyTy> = SecondaryMap::new();
    let mut types: SecondaryMap<FuncId, FuncTypes> = SecondaryMap::new();
    // The parameters worth speculating to be ints, per generic function.
    let mut int_params: SecondaryMap<FuncId, Option<Vec<usize>>> = SecondaryMap::new();
    loop {
        let mut changed = false;
        let mut id = FuncId::new(0);
        while id.index() < module.funcs.len() {
            let t = infer_function(&module.funcs[id], &copies.params[id], &module.consts, &rets);
            let joined = rets[id].join(t.ret);
            if joined != rets[id] {
                rets[id] = joined;
                changed = true;
            }
            // Direct calls go to the copy for their argument types.
            let mut sites = Vec::new();
            for (b, block) in module.funcs[id].blocks.iter() {
                for (i, inst) in block.insts.iter().enumerate() {
                    if let Inst::CallUser { func, args, .. } = inst {
                        let tys: Vec<PyTy> = args.iter().map(|a| t.values[*a]).collect();
                        sites.push((b, i, *func, tys));
                    }
                }
            }
            for (b, i, func, tys) in sites {
                let base = copies.origin[func].unwrap_or(func);
                if !specializable(&module.funcs[base]) || tys.contains(&PyTy::Never) {
                    continue;
                }
                let target = copies.copy_for(module, base, &tys);
                // Unknown arguments where the callee's arithmetic expects ints.
                let hinted = int_params[base].get_or_insert_with(|| {
                    crate::mir::speculate::int_params(&module.funcs[base], &module.consts)
                });
                let ints: Vec<usize> = hinted
                    .iter()
                    .copied()
                    .filter(|&k| tys.get(k) == Some(&PyTy::Any))
                    .collect();
                let speculate = if ints.is_empty() {
                    None
                } else {
                    let mut fast_tys = tys.clone();
                    for &k in &ints {
                        fast_tys[k] = PyTy::Int;
                    }
                    let fast = copies.copy_for(module, base, &fast_tys);
                    (fast != target).then_some(Speculation { func: fast, ints })
                };
                if let Inst::CallUser {
                    func, speculate: s, ..
                } = &mut module.funcs[id].blocks[b].insts[i]
                    && (*func != target || *s != speculate)
                {
                    *func = target;
                    *s = speculate;
                    changed = true;
                }
            }
            types[id] = t;
            id = FuncId::new(id.index() + 1);
        }
        if !changed {
            break;
        }
    }
    let params = copies.params;
    // The return types once more, from nothing: while a copy's calls still went
    // to the generic function, its joins above took that function's type.
    let mut rets: SecondaryMap<FuncId, PyTy> = SecondaryMap::new();
    loop {
        let mut changed = false;
        for (id, f) in module.funcs.iter() {
            let t = infer_function(f, &params[id], &module.consts, &rets);
            let joined = rets[id].join(t.ret);
            if joined != rets[id] {
                rets[id] = joined;
                changed = true;
            }
            types[id] = t;
        }
        if !changed {
            return ModuleTypes { funcs: types };
        }
    }
}
