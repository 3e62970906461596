//! Unboxing: where `types` proved values to be floats, ints or bools, arithmetic
//! and comparisons become `Prim` ops on raw f64 and truth values, float locals
//! live in f64 registers, and specialized copies take float parameters unboxed.
//!
//! The rewrite is local and keeps every word the old code had (a float result
//! is still boxed right after its op), so the program stays correct at each
//! step; the boxes nobody needs any more are then removed by `remove_dead`,
//! together with their releases. Ownership is re-checked by `ownership` as
//! always, so a mistake here is an internal error, never a leak.

use std::collections::{HashMap, HashSet};

use cranelift_codegen::entity::SecondaryMap;
use skink_abi::{self as abi, RtFn};

use crate::mir::ownership::{may_raise, reverse_postorder};
use crate::mir::types::{FuncTypes, ModuleTypes, PyTy, inplace_op};
use crate::mir::*;

/// Rewrites every function of `module` with the types `types` proved.
///
/// A float local whose value some read still needs as an object would box it
/// anew at each such read, and Python can tell two boxes of one value apart:
/// `a = x; a is x` is true, and so is `x in [x]` for a NaN. Such a local
/// stays an object (one box per assignment, as in CPython); the rewrite is
/// redone without it until no local is boxed again after its store.
pub fn unbox(module: &mut Module, types: &ModuleTypes) {
    let original = module.funcs.clone();
    let mut kept_boxed: HashSet<(FuncId, LocalId)> = HashSet::new();
    loop {
        unbox_except(module, types, &kept_boxed);
        let reboxed = reboxed_locals(module);
        if reboxed.is_empty() {
            return;
        }
        kept_boxed.extend(reboxed);
        module.funcs = original.clone();
    }
}

/// The float locals of `module` a read of which is boxed into an object that
/// something may keep or compare: any use but an operand of binary arithmetic
/// or a comparison (which make new objects) or a release. Returning the box
/// counts too for a parameter, or a local given a value read from one or from
/// an object, whose caller or other holders have the original object; a float
/// made in the function has no other object, so its one box may leave.
fn reboxed_locals(module: &Module) -> Vec<(FuncId, LocalId)> {
    let mut out = Vec::new();
    for (id, f) in module.funcs.iter() {
        let mut loaded: HashMap<ValueId, LocalId> = HashMap::new();
        let mut unboxed_words: HashSet<ValueId> = HashSet::new();
        let mut boxes: HashMap<ValueId, LocalId> = HashMap::new();
        let mut borrowed: HashSet<LocalId> = f
            .params
            .iter()
            .copied()
            .filter(|&p| f.local_tys[p] == Ty::F64)
            .collect();
        for inst in f.blocks.values().flat_map(|b| &b.insts) {
            match inst {
                Inst::Prim {
                    dst,
                    op: Prim::UnboxFloat,
                    ..
                } => {
                    unboxed_words.insert(*dst);
                }
                Inst::LoadLocal { dst, local } if f.local_tys[*local] == Ty::F64 => {
                    loaded.insert(*dst, *local);
                }
                Inst::Prim {
                    dst,
                    op: Prim::BoxFloat,
                    args,
                    ..
                } => {
                    if let Some(&l) = loaded.get(&args[0]) {
                        boxes.insert(*dst, l);
                    }
                }
                _ => {}
            }
        }
        if boxes.is_empty() {
            continue;
        }
        for inst in f.blocks.values().flat_map(|b| &b.insts) {
            if let Inst::StoreLocal { local, src } = inst
                && f.local_tys[*local] == Ty::F64
                && (loaded.contains_key(src) || unboxed_words.contains(src))
            {
                borrowed.insert(*local);
            }
        }
        let mut escaped = |v: &ValueId| {
            if let Some(&l) = boxes.get(v) {
                out.push((id, l));
            }
        };
        for block in f.blocks.values() {
            for inst in &block.insts {
                match inst {
                    Inst::DecRef(_) | Inst::CheckBound { .. } => {}
                    Inst::Call {
                        func, args, dst, ..
                    } if dst.is_some() && is_arithmetic(*func, args) => {}
                    _ => inst.operands().iter().for_each(&mut escaped),
                }
            }
            match block.term {
                Terminator::Return(v) if boxes.get(&v).is_some_and(|l| !borrowed.contains(l)) => {}
                _ => {
                    let mut term = block.term.clone();
                    term.for_each_operand(&mut |v| escaped(v));
                }
            }
        }
    }
    out.sort();
    out.dedup();
    out
}

/// Whether `func(args)` is binary arithmetic or a comparison of two values,
/// which make a new object (or a truth value) and keep neither operand.
fn is_arithmetic(func: RtFn, args: &[Arg]) -> bool {
    let binary = matches!(args, [Arg::Value(_), Arg::Value(_)]);
    match func {
        RtFn::Inplace => matches!(args, [Arg::Value(_), Arg::Value(_), Arg::Int(_)]),
        RtFn::Add
        | RtFn::Sub
        | RtFn::Mul
        | RtFn::TrueDiv
        | RtFn::FloorDiv
        | RtFn::Mod
        | RtFn::Pow
        | RtFn::Lt
        | RtFn::Le
        | RtFn::Gt
        | RtFn::Ge
        | RtFn::Eq
        | RtFn::Ne => binary,
        _ => false,
    }
}

/// `unbox`, with the float locals `kept_boxed` left as objects.
fn unbox_except(module: &mut Module, types: &ModuleTypes, kept_boxed: &HashSet<(FuncId, LocalId)>) {
    // Float locals first, everywhere: callers pass unboxed floats to the
    // parameters of specialized copies.
    for (id, f) in module.funcs.iter_mut() {
        for l in f64_locals(f, &types.funcs[id]) {
            if !kept_boxed.contains(&(id, l)) {
                f.local_tys[l] = Ty::F64;
            }
        }
    }
    let param_tys: SecondaryMap<FuncId, Vec<Ty>> = {
        let mut m = SecondaryMap::new();
        for (id, f) in module.funcs.iter() {
            m[id] = f.params.iter().map(|&p| f.local_tys[p]).collect();
        }
        m
    };
    let consts = &module.consts;
    for (id, f) in module.funcs.iter_mut() {
        let mut r = Rewriter {
            t: &types.funcs[id],
            consts,
            param_tys: &param_tys,
            def_f64: HashMap::new(),
            block_f64: HashMap::new(),
            truth: HashMap::new(),
            subst: HashMap::new(),
            awaiting_box: HashMap::new(),
            words: HashMap::new(),
            float_consts: HashMap::new(),
        };
        r.function(f);
        remove_assigned_checks(f, &types.funcs[id]);
        bool_params(f, &types.funcs[id]);
        elide_borrowed_refcounts(f);
        remove_dead(f);
    }
}

/// Bool block parameters (the joins of `and`, `or` and comparison chains) whose
/// every incoming value is a `bool_word` of a truth value take the truth value
/// instead; the word is made again in the block, where a test of it folds away.
fn bool_params(f: &mut Function, t: &FuncTypes) {
    let mut def_bool: HashMap<ValueId, (ValueId, bool)> = HashMap::new();
    for (_, block) in f.blocks.iter() {
        for inst in &block.insts {
            if let Inst::BoolWord { dst, cond, negate } = inst {
                def_bool.insert(*dst, (*cond, *negate));
            }
        }
    }
    let mut incoming: HashMap<BlockId, Vec<BlockId>> = HashMap::new();
    let mut other_entry: HashSet<BlockId> = HashSet::new();
    for (b, block) in f.blocks.iter() {
        match &block.term {
            Terminator::Jump(to, _) => incoming.entry(*to).or_default().push(b),
            Terminator::Branch { then_, else_, .. } => {
                other_entry.insert(*then_);
                other_entry.insert(*else_);
            }
            _ => {}
        }
        other_entry.extend(block.handler);
    }
    // In block order: new values are numbered as they are made.
    let mut targets: Vec<BlockId> = incoming.keys().copied().collect();
    targets.sort();
    for to in targets {
        if other_entry.contains(&to) {
            continue;
        }
        let preds = incoming[&to].clone();
        for i in 0..f.blocks[to].params.len() {
            let p = f.blocks[to].params[i];
            if t.values.get(p).copied() != Some(PyTy::Bool) {
                continue;
            }
            let arg = |f: &Function, b: BlockId| match &f.blocks[b].term {
                Terminator::Jump(_, args) => args[i],
                _ => unreachable!("only jumps are incoming"),
            };
            // Each incoming word is made in its own block, right before the jump.
            let all_truths = preds.iter().all(|&b| {
                let a = arg(f, b);
                def_bool.get(&a).is_some_and(|&(_, negate)| !negate)
                    && f.blocks[b]
                        .insts
                        .iter()
                        .any(|inst| matches!(inst, Inst::BoolWord { dst, .. } if *dst == a))
            });
            if !all_truths {
                continue;
            }
            let truth = f.values.push(Ty::I32);
            for &b in &preds {
                let a = arg(f, b);
                let cond = def_bool[&a].0;
                if let Terminator::Jump(_, args) = &mut f.blocks[b].term {
                    args[i] = cond;
                }
                // The word no longer moves into the jump: release it there.
                f.blocks[b].insts.push(Inst::DecRef(a));
            }
            f.blocks[to].params[i] = truth;
            f.blocks[to].insts.insert(
                0,
                Inst::BoolWord {
                    dst: p,
                    cond: truth,
                    negate: false,
                },
            );
            let mut subst = HashMap::new();
            for inst in &f.blocks[to].insts {
                if let Inst::IsWord { dst, value, word } = inst
                    && *value == p
                    && *word == abi::TRUE
                {
                    subst.insert(*dst, truth);
                }
            }
            substitute(f, &subst);
        }
    }
}

/// Replaces every read of a key of `subst` by its value.
pub(crate) fn substitute(f: &mut Function, subst: &HashMap<ValueId, ValueId>) {
    if subst.is_empty() {
        return;
    }
    let get = |v: &mut ValueId| {
        while let Some(&r) = subst.get(v) {
            *v = r;
        }
    };
    for (_, block) in f.blocks.iter_mut() {
        for inst in &mut block.insts {
            inst.for_each_operand(&mut |v| get(v));
        }
        block.term.for_each_operand(&mut |v| get(v));
    }
}

/// Removes `incref v ... decref v` around borrowing uses of a local's value
/// in one block: the local keeps its reference alive meanwhile (nothing else
/// can store to a function's local), so the extra reference is never needed.
fn elide_borrowed_refcounts(f: &mut Function) {
    for (_, block) in f.blocks.iter_mut() {
        let mut loaded: HashMap<ValueId, LocalId> = HashMap::new();
        let mut remove: HashSet<usize> = HashSet::new();
        for (i, inst) in block.insts.iter().enumerate() {
            match inst {
                Inst::LoadLocal { dst, local } if f.local_tys[*local] == Ty::Word => {
                    loaded.insert(*dst, *local);
                }
                Inst::IncRef(v) if loaded.contains_key(v) => {
                    let local = loaded[v];
                    let mut end = None;
                    for (j, later) in block.insts.iter().enumerate().skip(i + 1) {
                        match later {
                            Inst::DecRef(d) if d == v => {
                                end = Some(j);
                                break;
                            }
                            Inst::StoreLocal { local: l, .. } if *l == local => break,
                            _ if moves(later, *v) => break,
                            _ => {}
                        }
                    }
                    if let Some(j) = end {
                        remove.insert(i);
                        remove.insert(j);
                    }
                }
                _ => {}
            }
        }
        if !remove.is_empty() {
            let mut i = 0;
            block.insts.retain(|_| {
                i += 1;
                !remove.contains(&(i - 1))
            });
        }
    }
}

/// Whether `inst` takes over the reference `v` (see the ownership rules in `mir`).
pub(crate) fn moves(inst: &Inst, v: ValueId) -> bool {
    match inst {
        Inst::StoreLocal { src, .. }
        | Inst::StoreGlobal { src, .. }
        | Inst::StoreCell { src, .. } => *src == v,
        Inst::CallUser { args, .. } => args.contains(&v),
        Inst::Call { func, args, .. } if crate::mir::ownership::consumes_args(*func) => args
            .iter()
            .any(|a| matches!(a, Arg::Array(vs) if vs.contains(&v))),
        _ => false,
    }
}

/// The locals that can live in f64 registers: every store puts a float in them,
/// every read is the lowering's `load; [check]; incref` and happens where the
/// local is surely assigned.
fn f64_locals(f: &Function, t: &FuncTypes) -> Vec<LocalId> {
    let candidates: HashSet<LocalId> = f
        .locals
        .keys()
        .filter(|&l| t.locals[l] == PyTy::Float)
        .collect();
    if candidates.is_empty() {
        return Vec::new();
    }
    let mut refused: HashSet<LocalId> = HashSet::new();
    let assigned = definitely_assigned(f, t);
    for (b, block) in f.blocks.iter() {
        let mut state = assigned.get(&b).cloned().unwrap_or_default();
        for (i, inst) in block.insts.iter().enumerate() {
            match inst {
                Inst::StoreLocal { local, src }
                    if candidates.contains(local) && t.values[*src] != PyTy::Float =>
                {
                    refused.insert(*local);
                }
                Inst::LoadLocal { dst, local } if candidates.contains(local) => {
                    let next = block.insts[i + 1..]
                        .iter()
                        .find(|n| !matches!(n, Inst::CheckBound { value, .. } if value == dst));
                    let pattern = matches!(next, Some(Inst::IncRef(v)) if v == dst);
                    if !pattern || !state.contains(local) {
                        refused.insert(*local);
                    }
                }
                _ => {}
            }
            store_effect(inst, t, &mut state);
        }
    }
    let mut out: Vec<LocalId> = candidates.difference(&refused).copied().collect();
    out.sort();
    out
}

fn store_effect(inst: &Inst, t: &FuncTypes, state: &mut HashSet<LocalId>) {
    if let Inst::StoreLocal { local, src } = inst {
        if t.values[*src] == PyTy::Never {
            // A `NULL` store: `del x`, or the start of a comprehension's scope.
            state.remove(local);
        } else {
            state.insert(*local);
        }
    }
}

/// Removes the unbound checks of loads of locals that are surely assigned
/// where they are read (the lowering checks every read of a local).
fn remove_assigned_checks(f: &mut Function, t: &FuncTypes) {
    let assigned = definitely_assigned(f, t);
    for (b, block) in f.blocks.iter_mut() {
        let Some(mut state) = assigned.get(&b).cloned() else {
            continue;
        };
        let mut surely_bound: HashSet<ValueId> = HashSet::new();
        block.insts.retain(|inst| {
            match inst {
                Inst::LoadLocal { dst, local } if state.contains(local) => {
                    surely_bound.insert(*dst);
                }
                Inst::CheckBound {
                    value,
                    kind: Unbound::Local,
                    ..
                } if surely_bound.contains(value) => return false,
                _ => {}
            }
            store_effect(inst, t, &mut state);
            true
        });
    }
}

/// For each block, the locals surely assigned at its entry (a forward must
/// analysis; a handler gets what is assigned everywhere in the blocks it guards).
fn definitely_assigned(f: &Function, t: &FuncTypes) -> HashMap<BlockId, HashSet<LocalId>> {
    let order = reverse_postorder(f);
    let mut entry: HashMap<BlockId, HashSet<LocalId>> = HashMap::new();
    let Some(&first) = order.first() else {
        return entry;
    };
    entry.insert(first, f.params.iter().copied().collect());
    let mut changed = true;
    while changed {
        changed = false;
        for &b in &order {
            let Some(start) = entry.get(&b).cloned() else {
                continue;
            };
            let block = &f.blocks[b];
            let mut state = start.clone();
            // The least assigned point of the block, for its handler.
            let mut least = start;
            for inst in &block.insts {
                store_effect(inst, t, &mut state);
                least.retain(|l| state.contains(l));
            }
            let mut flow = |to: BlockId, s: &HashSet<LocalId>| {
                let new: HashSet<LocalId> = match entry.get(&to) {
                    Some(old) => old.intersection(s).copied().collect(),
                    None => s.clone(),
                };
                if entry.get(&to) != Some(&new) {
                    entry.insert(to, new);
                    changed = true;
                }
            };
            match &block.term {
                Terminator::Jump(to, _) => flow(*to, &state),
                Terminator::Branch { then_, else_, .. } => {
                    flow(*then_, &state);
                    flow(*else_, &state);
                }
                _ => {}
            }
            if let Some(h) = block.handler {
                flow(h, &least);
            }
        }
    }
    entry
}

struct Rewriter<'a> {
    t: &'a FuncTypes,
    consts: &'a PrimaryMap<ConstId, Const>,
    param_tys: &'a SecondaryMap<FuncId, Vec<Ty>>,
    /// The unboxed value of a word, made where the word is defined (so it
    /// dominates every use of the word).
    def_f64: HashMap<ValueId, ValueId>,
    /// Unboxed values made at a use, valid in the rest of the current block.
    block_f64: HashMap<ValueId, ValueId>,
    /// The truth value of a bool word, made where the word is defined.
    truth: HashMap<ValueId, ValueId>,
    /// Values replaced by others (a `Truthy` result by the truth value it tests).
    subst: HashMap<ValueId, ValueId>,
    /// Reads of f64 locals whose word is made at the `IncRef` that follows.
    awaiting_box: HashMap<ValueId, ValueId>,
    /// Immediate words and float constants by value, for folding conversions.
    words: HashMap<ValueId, i64>,
    float_consts: HashMap<ValueId, f64>,
}

/// The `Prim` of a float arithmetic runtime function.
fn float_arith(op: RtFn) -> Option<Prim> {
    Some(match op {
        RtFn::Add => Prim::FAdd,
        RtFn::Sub if crate::inject::is_on(crate::inject::Fault::UnboxSubAdds) => Prim::FAdd,
        RtFn::Sub => Prim::FSub,
        RtFn::Mul => Prim::FMul,
        RtFn::TrueDiv => Prim::FDiv,
        RtFn::Mod => Prim::FMod,
        _ => return None,
    })
}

fn compare(op: RtFn, float: bool) -> Option<Prim> {
    Some(match (op, float) {
        (RtFn::Lt, true) => Prim::FLt,
        (RtFn::Le, true) => Prim::FLe,
        (RtFn::Gt, true) => Prim::FGt,
        (RtFn::Ge, true) => Prim::FGe,
        (RtFn::Eq, true) => Prim::FEq,
        (RtFn::Ne, true) => Prim::FNe,
        (RtFn::Lt, false) => Prim::ILt,
        (RtFn::Le, false) => Prim::ILe,
        (RtFn::Gt, false) => Prim::IGt,
        (RtFn::Ge, false) => Prim::IGe,
        (RtFn::Eq, false) => Prim::IEq,
        (RtFn::Ne, false) => Prim::INe,
        _ => return None,
    })
}

/// Integers of at most 53 bits convert to floats exactly, so comparing them as
/// floats is Python's exact int/float comparison.
const EXACT_IN_F64: i64 = 1 << 53;

impl Rewriter<'_> {
    fn ty(&self, v: ValueId) -> PyTy {
        self.t.values[v]
    }

    /// The unboxed float of word `v` (a float, or an int converted as Python's
    /// arithmetic converts it), emitting what computes it.
    fn f64_of(&mut self, f: &mut Function, out: &mut Vec<Inst>, v: ValueId, line: u32) -> ValueId {
        if let Some(&r) = self.def_f64.get(&v).or_else(|| self.block_f64.get(&v)) {
            return r;
        }
        let dst = f.values.push(Ty::F64);
        if let Some(&x) = self.float_consts.get(&v) {
            out.push(Inst::F64Const { dst, value: x });
        } else if let Some(&w) = self.words.get(&v).filter(|w| *w & 1 == 1) {
            // A small int: `int -> float` rounds half to even, as `as` does.
            out.push(Inst::F64Const {
                dst,
                value: (w >> 1) as f64,
            });
        } else {
            let op = if self.ty(v) == PyTy::Float {
                Prim::UnboxFloat
            } else {
                Prim::IntToFloat
            };
            out.push(Inst::Prim {
                dst,
                op,
                args: vec![v],
                line,
            });
        }
        self.block_f64.insert(v, dst);
        dst
    }

    /// Whether `v` can be an operand of float arithmetic (as Python converts it).
    fn floatable(&self, v: ValueId) -> bool {
        matches!(self.ty(v), PyTy::Float | PyTy::Int)
    }

    /// Whether an int operand compares exactly when converted to a float.
    fn small_exact_int(&self, v: ValueId) -> bool {
        self.words
            .get(&v)
            .is_some_and(|w| w & 1 == 1 && (w >> 1).abs() <= EXACT_IN_F64)
    }

    fn function(&mut self, f: &mut Function) {
        let order = reverse_postorder(f);
        let mut seen: HashSet<BlockId> = order.iter().copied().collect();
        let mut all = order;
        all.extend(f.blocks.keys().filter(|b| seen.insert(*b)));
        for b in all {
            self.block_f64.clear();
            let insts = std::mem::take(&mut f.blocks[b].insts);
            let mut out = Vec::with_capacity(insts.len());
            for inst in insts {
                self.inst(f, &mut out, inst);
            }
            f.blocks[b].insts = out;
        }
        let subst = std::mem::take(&mut self.subst);
        substitute(f, &subst);
    }

    fn inst(&mut self, f: &mut Function, out: &mut Vec<Inst>, inst: Inst) {
        match inst {
            Inst::Word { dst, word } => {
                self.words.insert(dst, word);
                out.push(inst);
            }
            Inst::Const { dst, id } => {
                if let Const::Float(x) = self.consts[id] {
                    self.float_consts.insert(dst, x);
                }
                out.push(inst);
            }
            Inst::LoadLocal { dst, local } if f.local_tys[local] == Ty::F64 => {
                let r = f.values.push(Ty::F64);
                out.push(Inst::LoadLocal { dst: r, local });
                self.def_f64.insert(dst, r);
                self.awaiting_box.insert(dst, r);
            }
            Inst::CheckBound { value, .. } if self.awaiting_box.contains_key(&value) => {}
            Inst::IncRef(v) if self.awaiting_box.contains_key(&v) => {
                let r = self.awaiting_box.remove(&v).expect("checked");
                out.push(Inst::Prim {
                    dst: v,
                    op: Prim::BoxFloat,
                    args: vec![r],
                    line: 0,
                });
            }
            Inst::StoreLocal { local, src } if f.local_tys[local] == Ty::F64 => {
                let r = self.f64_of(f, out, src, 0);
                out.push(Inst::StoreLocal { local, src: r });
                out.push(Inst::DecRef(src));
            }
            Inst::Call {
                dst: Some(dst),
                func,
                ref args,
                line,
            } => {
                let op = match (func, args.as_slice()) {
                    (RtFn::Inplace, [Arg::Value(a), Arg::Value(b), Arg::Int(code)]) => {
                        inplace_op(*code).map(|op| (op, vec![*a, *b]))
                    }
                    (_, [Arg::Value(a), Arg::Value(b)]) => Some((func, vec![*a, *b])),
                    (_, [Arg::Value(a)]) => Some((func, vec![*a])),
                    _ => None,
                };
                if let Some((op, operands)) = op
                    && self.call(f, out, dst, op, &operands, line)
                {
                    return;
                }
                out.push(inst);
            }
            Inst::CallUser {
                dst,
                func,
                callee,
                mut args,
                speculate,
                line,
            } => {
                let tys = self.param_tys[func].clone();
                // One set of arguments serves both copies: a copy that takes
                // some float unboxed where the other does not is not taken.
                let speculate = speculate.filter(|s| self.param_tys[s.func] == tys);
                let mut released = Vec::new();
                for (a, ty) in args.iter_mut().zip(tys) {
                    if ty == Ty::F64 {
                        let r = self.f64_of(f, out, *a, line);
                        released.push(*a);
                        *a = r;
                    }
                }
                out.extend(released.into_iter().map(Inst::DecRef));
                out.push(Inst::CallUser {
                    dst,
                    func,
                    callee,
                    args,
                    speculate,
                    line,
                });
            }
            other => out.push(other),
        }
    }

    /// Rewrites the runtime call `dst = op(operands)` where the types allow;
    /// returns whether it did.
    fn call(
        &mut self,
        f: &mut Function,
        out: &mut Vec<Inst>,
        dst: ValueId,
        op: RtFn,
        operands: &[ValueId],
        line: u32,
    ) -> bool {
        let tys: Vec<PyTy> = operands.iter().map(|&v| self.ty(v)).collect();
        match (op, operands) {
            (RtFn::Truthy, &[v]) => {
                if let Some(&c) = self.truth.get(&v) {
                    self.subst.insert(dst, c);
                } else if tys[0] == PyTy::Bool {
                    out.push(Inst::IsWord {
                        dst,
                        value: v,
                        word: abi::TRUE,
                    });
                } else if tys[0] == PyTy::Float {
                    let x = self.f64_of(f, out, v, line);
                    let zero = f.values.push(Ty::F64);
                    out.push(Inst::F64Const {
                        dst: zero,
                        value: 0.0,
                    });
                    out.push(Inst::Prim {
                        dst,
                        op: Prim::FNe,
                        args: vec![x, zero],
                        line,
                    });
                } else {
                    return false;
                }
                true
            }
            (RtFn::Neg, &[v]) if tys[0] == PyTy::Float => {
                let x = self.f64_of(f, out, v, line);
                self.float_result(f, out, dst, Prim::FNeg, vec![x], line);
                true
            }
            (_, &[a, b]) => {
                if let Some(prim) = float_arith(op)
                    && self.ty(dst) == PyTy::Float
                    && self.floatable(a)
                    && self.floatable(b)
                    && (tys[0] == PyTy::Float || tys[1] == PyTy::Float)
                {
                    let x = self.f64_of(f, out, a, line);
                    let y = self.f64_of(f, out, b, line);
                    self.float_result(f, out, dst, prim, vec![x, y], line);
                    return true;
                }
                let floats = match (tys[0], tys[1]) {
                    (PyTy::Float, PyTy::Float) => true,
                    (PyTy::Float, PyTy::Int) => self.small_exact_int(b),
                    (PyTy::Int, PyTy::Float) => self.small_exact_int(a),
                    _ => false,
                };
                let ints = tys[0] == PyTy::Int && tys[1] == PyTy::Int;
                let Some(prim) = compare(op, floats) else {
                    return false;
                };
                let args = if floats {
                    vec![self.f64_of(f, out, a, line), self.f64_of(f, out, b, line)]
                } else if ints {
                    vec![a, b]
                } else {
                    return false;
                };
                let c = f.values.push(Ty::I32);
                out.push(Inst::Prim {
                    dst: c,
                    op: prim,
                    args,
                    line,
                });
                out.push(Inst::BoolWord {
                    dst,
                    cond: c,
                    negate: false,
                });
                self.truth.insert(dst, c);
                true
            }
            _ => false,
        }
    }

    /// `dst = box(op(args))`, remembering the unboxed result.
    fn float_result(
        &mut self,
        f: &mut Function,
        out: &mut Vec<Inst>,
        dst: ValueId,
        op: Prim,
        args: Vec<ValueId>,
        line: u32,
    ) {
        let r = f.values.push(Ty::F64);
        out.push(Inst::Prim {
            dst: r,
            op,
            args,
            line,
        });
        out.push(Inst::Prim {
            dst,
            op: Prim::BoxFloat,
            args: vec![r],
            line,
        });
        self.def_f64.insert(dst, r);
    }
}

/// The value an instruction defines, if it is one `remove_dead` may delete when
/// nothing reads it: it has no effect but making the value.
fn pure_def(inst: &Inst) -> Option<ValueId> {
    match inst {
        Inst::Word { dst, .. }
        | Inst::Const { dst, .. }
        | Inst::F64Const { dst, .. }
        | Inst::TruthConst { dst, .. }
        | Inst::Copy { dst, .. }
        | Inst::BoolWord { dst, .. }
        | Inst::IsWord { dst, .. }
        | Inst::LoadLocal { dst, .. } => Some(*dst),
        Inst::Prim { dst, .. } if !may_raise(inst) => Some(*dst),
        _ => None,
    }
}

/// Deletes the pure definitions nothing reads, with their `IncRef`/`DecRef`.
pub fn remove_dead(f: &mut Function) {
    loop {
        let mut read: HashSet<ValueId> = HashSet::new();
        for (_, block) in f.blocks.iter_mut() {
            for inst in &mut block.insts {
                if matches!(inst, Inst::IncRef(_) | Inst::DecRef(_)) {
                    continue;
                }
                inst.for_each_operand(&mut |v| {
                    read.insert(*v);
                });
            }
            block.term.for_each_operand(&mut |v| {
                read.insert(*v);
            });
        }
        let mut dead: HashSet<ValueId> = HashSet::new();
        for (_, block) in f.blocks.iter() {
            for inst in &block.insts {
                if let Some(d) = pure_def(inst)
                    && !read.contains(&d)
                {
                    dead.insert(d);
                }
            }
        }
        if dead.is_empty() {
            return;
        }
        for (_, block) in f.blocks.iter_mut() {
            block.insts.retain(|inst| match inst {
                Inst::IncRef(v) | Inst::DecRef(v) => !dead.contains(v),
                _ => pure_def(inst).is_none_or(|d| !dead.contains(&d)),
            });
        }
    }
}
