//! The small-int copy of a function body. Where type inference proved values
//! and locals to be ints, code generation emits the body twice: a copy in which
//! those are *small* ints (tagged words), so their arithmetic, comparisons and
//! truth tests need no tag tests and their reference counts vanish, and the
//! generic copy, which handles every value. The small copy checks each int
//! where it enters (a parameter, a call's result, a store to an int local) and
//! an op whose result leaves the small range computes it in the runtime; either
//! way it goes on in the generic copy at the same point, with the same values.
//! Nothing is lost in the move: both copies hold the same words with the same
//! ownership, so the generic copy resumes exactly where the small one stopped.

use std::collections::{BTreeSet, HashMap, HashSet};

use cranelift_codegen::entity::SecondaryMap;
use cranelift_codegen::ir::condcodes::IntCC;
use cranelift_codegen::ir::{self, BlockArg, InstBuilder, Value, types};
use cranelift_frontend::Variable;
use skink_abi::{self as abi, Raises, RtFn};

use super::small_floats::FloatFacts;
use super::small_ranges::{Range, Ranges};
use super::{FnTranslator, SmallOp, int_cc, machine_type};
use crate::inject;
use crate::mir::ownership::{Releases, successors};
use crate::mir::{self, Arg, BlockId, FuncId, Function, Inst, LocalId, ValueId};

/// Functions past this many instructions get no small copy: it doubles their
/// code and their compile time.
const MAX_INSTS: usize = 4_000;

/// Functions up to this many instructions get a small copy wherever they do
/// int arithmetic; larger ones only where they repeat it (see `wanted`).
const SMALL_FUNCTION: usize = 80;

/// Whether `f` gets a small-int copy: some int op or comparison reads a value
/// proven to be an int, and the function is small, or that op is in a loop, or
/// the function calls itself. The copy doubles a function's code and compile
/// time, which only pays where the arithmetic repeats.
pub(super) fn wanted(id: FuncId, f: &Function, floats: &FloatFacts) -> bool {
    if f.is_module || (f.ints.values.is_empty() && floats.guessed.is_empty()) {
        return false;
    }
    let size: usize = f.blocks.values().map(|b| b.insts.len()).sum();
    if size > MAX_INSTS {
        return false;
    }
    let int = |v: &ValueId| f.ints.values.contains(v);
    let int_op = |inst: &Inst| match inst {
        Inst::Call { func, args, .. } => {
            small_binary(*func, args).is_some()
                && args.iter().any(|a| matches!(a, Arg::Value(v) if int(v)))
        }
        Inst::Prim { op, args, .. } => op.int_compare().is_some() && args.iter().any(int),
        _ => false,
    };
    let recursive = f
        .blocks
        .values()
        .flat_map(|b| &b.insts)
        .any(|inst| matches!(inst, Inst::CallUser { func, .. } if *func == id));
    f.blocks.iter().any(|(b, block)| {
        (block.insts.iter().any(int_op) || floats.arithmetic_in(f, b))
            && (size <= SMALL_FUNCTION || recursive || in_loop(f, b))
    })
}

/// Whether some path from `b` leads back to it.
fn in_loop(f: &Function, b: BlockId) -> bool {
    let mut seen = HashSet::new();
    let mut stack = successors(&f.blocks[b]);
    while let Some(s) = stack.pop() {
        if s == b {
            return true;
        }
        if seen.insert(s) {
            stack.extend(successors(&f.blocks[s]));
        }
    }
    false
}

/// A binary int op or comparison with a small-int path: `+`, `-`, a `SmallOp`,
/// or a comparison, plain or in place.
#[derive(Clone, Copy, PartialEq, Eq)]
pub(super) enum Binary {
    Add,
    Sub,
    Op(SmallOp),
    Compare(IntCC),
}

pub(super) fn small_binary(f: RtFn, args: &[Arg]) -> Option<(Binary, ValueId, ValueId)> {
    use abi::inplace as code;
    let (op, a, b) = match (f, args) {
        (RtFn::Inplace, [Arg::Value(a), Arg::Value(b), Arg::Int(c)]) => {
            let op = match *c {
                code::ADD => Binary::Add,
                code::SUB => Binary::Sub,
                c => Binary::Op(SmallOp::of(f, Some(c))?),
            };
            (op, a, b)
        }
        (_, [Arg::Value(a), Arg::Value(b)]) => {
            let op = match (f, int_cc(f)) {
                (RtFn::Add, _) => Binary::Add,
                (RtFn::Sub, _) => Binary::Sub,
                (_, Some(cc)) => Binary::Compare(cc),
                (f, None) => Binary::Op(SmallOp::of(f, None)?),
            };
            (op, a, b)
        }
        _ => return None,
    };
    Some((op, *a, *b))
}

/// The MIR values still needed at each point of a function: read later, or
/// released later (on an edge, before a return, or on the way to a handler).
pub(super) struct Liveness {
    live_out: SecondaryMap<BlockId, BTreeSet<ValueId>>,
    /// At each block's entry, its parameters aside.
    live_in: SecondaryMap<BlockId, BTreeSet<ValueId>>,
}

impl Liveness {
    pub(super) fn new(f: &Function, releases: &Releases) -> Liveness {
        let mut live = Liveness {
            live_out: SecondaryMap::new(),
            live_in: SecondaryMap::new(),
        };
        let order = crate::mir::ownership::reverse_postorder(f);
        loop {
            let mut changed = false;
            for &b in order.iter().rev() {
                let mut out = BTreeSet::new();
                for s in successors(&f.blocks[b]) {
                    out.extend(live.live_in[s].iter().copied());
                }
                let mut at_entry = live.scan(f, releases, b, 0, &out);
                for p in &f.blocks[b].params {
                    at_entry.remove(p);
                }
                live.live_out[b] = out;
                if at_entry != live.live_in[b] {
                    live.live_in[b] = at_entry;
                    changed = true;
                }
            }
            if !changed {
                return live;
            }
        }
    }

    /// The values live before instruction `at` of `b`, in a fixed order.
    pub(super) fn before(
        &self,
        f: &Function,
        releases: &Releases,
        b: BlockId,
        at: usize,
    ) -> Vec<ValueId> {
        self.scan(f, releases, b, at, &self.live_out[b])
            .into_iter()
            .collect()
    }

    fn scan(
        &self,
        f: &Function,
        releases: &Releases,
        b: BlockId,
        at: usize,
        out: &BTreeSet<ValueId>,
    ) -> BTreeSet<ValueId> {
        let block = &f.blocks[b];
        let mut live = out.clone();
        let mut term = block.term.clone();
        term.for_each_operand(&mut |v| {
            live.insert(*v);
        });
        for s in successors(block) {
            live.extend(releases.edge.get(&(b, s)).into_iter().flatten().copied());
        }
        live.extend(releases.ret.get(&b).into_iter().flatten().copied());
        let unwind = |i: usize| releases.unwind.get(&(b, i)).into_iter().flatten().copied();
        live.extend(unwind(block.insts.len()));
        for (i, inst) in block.insts.iter().enumerate().skip(at).rev() {
            inst.for_each_def(|d| {
                live.remove(&d);
            });
            live.extend(inst.operands());
            live.extend(unwind(i));
        }
        live
    }
}

/// The state of the small copy while it is translated, and the points where
/// the generic copy takes over.
pub(super) struct SmallCopy {
    pub(super) blocks: SecondaryMap<BlockId, Option<ir::Block>>,
    pub(super) values: SecondaryMap<ValueId, Option<Value>>,
    pub(super) immediates: HashSet<ValueId>,
    /// Values known to be small ints (or `NULL`, before an unbound check).
    pub(super) known: HashSet<ValueId>,
    /// The generic copy's block starting before instruction `.1` of MIR block
    /// `.0`, and the MIR values that are its parameters.
    pub(super) resumes: HashMap<(BlockId, usize), (ir::Block, Vec<ValueId>)>,
    pub(super) live: Liveness,
    /// In the generic copy, the values some resume point redefines: they live
    /// in variables, so Cranelift joins the two definitions where paths meet.
    pub(super) vars: HashMap<ValueId, Variable>,
    /// Whether the small copy is being translated (else the generic one).
    pub(super) active: bool,
    pub(super) ranges: Ranges,
    pub(super) preds: SecondaryMap<BlockId, Vec<BlockId>>,
    /// The values guessed to be floats (see `small_floats`).
    pub(super) floats: FloatFacts,
    /// The unboxed value of each guessed float the small copy has made.
    pub(super) shadows: HashMap<ValueId, Value>,
    /// The guessed floats the small copy made no object for.
    pub(super) unboxed_now: HashSet<ValueId>,
    /// In the current block, each float temp's last stored value, in the
    /// order first stored.
    pub(super) forwards: Vec<(LocalId, ValueId)>,
    /// In the current block, the values loaded from float temps: each with
    /// its local and the value stored there then.
    pub(super) loaded: Vec<(ValueId, LocalId, ValueId)>,
    /// In the current block, the locals last stored with a float known here,
    /// and its shadow.
    pub(super) stored: Vec<(LocalId, Value)>,
}

/// Each block's predecessors, an exception's way in included.
pub(super) fn predecessors(f: &Function) -> SecondaryMap<BlockId, Vec<BlockId>> {
    let mut preds: SecondaryMap<BlockId, Vec<BlockId>> = SecondaryMap::new();
    for (b, block) in f.blocks.iter() {
        for s in successors(block) {
            preds[s].push(b);
        }
    }
    preds
}

impl FnTranslator<'_, '_> {
    pub(super) fn small(&mut self) -> &mut SmallCopy {
        self.small.as_mut().expect("only with a small copy")
    }

    pub(super) fn in_small_copy(&self) -> bool {
        self.small.as_ref().is_some_and(|s| s.active)
    }

    pub(super) fn known(&self, v: ValueId) -> bool {
        self.small
            .as_ref()
            .is_some_and(|s| s.active && s.known.contains(&v))
    }

    pub(super) fn mark_small(&mut self, v: ValueId) {
        self.immediates.insert(v);
        self.small().known.insert(v);
    }

    /// Records the range of a small int of the small copy.
    pub(super) fn small_range(&mut self, v: ValueId, r: Range) {
        self.small().ranges.set(v, r);
    }

    /// In the small copy, at the start of block `b`: the ranges its way in proved.
    pub(super) fn enter_small_block(&mut self, b: BlockId) {
        let s = self.small();
        let preds = s.preds[b].clone();
        s.ranges.enter(b, &preds);
        // Float temps are stored before they are read in every block.
        s.forwards.clear();
        s.loaded.clear();
        s.stored.clear();
    }

    /// In the small copy, at the end of block `b`: the ranges each way out proves.
    pub(super) fn leave_small_block(&mut self, b: BlockId, term: &mir::Terminator) {
        let ranges = &mut self.small().ranges;
        match term {
            mir::Terminator::Jump(to, _) => ranges.jump(b, *to),
            mir::Terminator::Branch { cond, then_, else_ } => {
                ranges.branch(b, *cond, *then_, *else_);
            }
            _ => {}
        }
    }

    /// Whether `l` is a proven int local held as a word.
    fn int_local(&self, l: mir::LocalId) -> bool {
        self.f.ints.locals.contains(&l) && self.f.local_tys[l] == mir::Ty::Word
    }

    /// Whether `l` holds a small int (or nothing) in the copy being translated.
    pub(super) fn small_local(&self, l: mir::LocalId) -> bool {
        self.in_small_copy() && self.int_local(l)
    }

    /// Swaps the translation state between the two copies.
    pub(super) fn switch_copy(&mut self) {
        let mut s = self.small.take().expect("only with a small copy");
        std::mem::swap(&mut self.blocks, &mut s.blocks);
        std::mem::swap(&mut self.values, &mut s.values);
        std::mem::swap(&mut self.immediates, &mut s.immediates);
        s.active = !s.active;
        self.small = Some(s);
    }

    /// Nonzero when `v` is a small int (or `NULL` when `null` allows it).
    pub(super) fn is_small(&mut self, v: Value, null: bool) -> Value {
        let tag = self.b.ins().band_imm_s(v, abi::INT_TAG_MASK);
        if !null {
            return tag;
        }
        let tagged = self.b.ins().icmp_imm_s(IntCC::NotEqual, tag, 0);
        let unbound = self.b.ins().icmp_imm_s(IntCC::Equal, v, abi::NULL);
        self.b.ins().bor(tagged, unbound)
    }

    /// The generic copy's block that resumes before instruction `at` of the
    /// current MIR block, made on first use.
    fn resume_block(&mut self, at: usize) -> (ir::Block, Vec<ValueId>) {
        let key = (self.cur.0, at);
        if let Some(r) = self.small.as_ref().and_then(|s| s.resumes.get(&key)) {
            return r.clone();
        }
        let s = self.small.as_ref().expect("only with a small copy");
        let live = s.live.before(self.f, &self.releases, key.0, at);
        let block = self.b.create_block();
        for &v in &live {
            self.b
                .append_block_param(block, machine_type(self.f.values[v]));
        }
        self.small().resumes.insert(key, (block, live.clone()));
        (block, live)
    }

    /// Leaves the small copy for the generic one before instruction `at` of
    /// the current block; `given` supplies values the small copy has not defined.
    fn deopt(&mut self, at: usize, given: &[(ValueId, Value)]) {
        let (block, live) = self.resume_block(at);
        let flushed = self.flush_float_temps();
        let mut args: Vec<BlockArg> = Vec::with_capacity(live.len());
        for v in &live {
            let x = match given.iter().chain(&flushed).find(|(g, _)| g == v) {
                Some(&(_, x)) => x,
                None => self.resume_word(*v),
            };
            args.push(BlockArg::Value(x));
        }
        self.b.ins().jump(block, &args);
    }

    /// Goes on in the small copy when `cond` holds, else in the generic copy
    /// before instruction `at`.
    pub(super) fn stay_if(&mut self, cond: Value, at: usize) {
        let (stay, leave) = (self.b.create_block(), self.b.create_block());
        self.b.set_cold_block(leave);
        self.b.ins().brif(cond, stay, &[], leave, &[]);
        self.b.switch_to_block(leave);
        self.deopt(at, &[]);
        self.b.switch_to_block(stay);
    }

    /// In the generic copy: enters the block that resumes before instruction
    /// `at` of `b`, if the small copy leaves there.
    pub(super) fn enter_resume_point(&mut self, b: BlockId, at: usize) {
        let Some((block, live)) = self
            .small
            .as_ref()
            .and_then(|s| s.resumes.get(&(b, at)).cloned())
        else {
            return;
        };
        let args: Vec<BlockArg> = live.iter().map(|v| BlockArg::Value(self.val(*v))).collect();
        self.b.ins().jump(block, &args);
        self.b.switch_to_block(block);
        let params = self.b.block_params(block).to_vec();
        for (v, p) in live.into_iter().zip(params) {
            self.def(v, p);
        }
    }

    /// Before the generic copy: every value a resume point redefines gets a
    /// variable.
    pub(super) fn declare_resumed_values(&mut self) {
        let Some(s) = self.small.as_ref() else { return };
        let mut resumed: Vec<ValueId> = s
            .resumes
            .values()
            .flat_map(|(_, live)| live.iter().copied())
            .collect();
        resumed.sort();
        resumed.dedup();
        for v in resumed {
            let var = self.b.declare_var(machine_type(self.f.values[v]));
            self.small().vars.insert(v, var);
        }
    }

    /// In the generic copy, at the start of block `b`: its parameters define
    /// their variables, and the values it reads from elsewhere come from theirs.
    pub(super) fn generic_block_entry(&mut self, b: BlockId) {
        let Some(s) = self.small.as_ref() else { return };
        if s.vars.is_empty() {
            return;
        }
        let live_in: Vec<ValueId> = s.live.live_in[b].iter().copied().collect();
        for p in self.f.blocks[b].params.clone() {
            let v = self.val(p);
            self.def(p, v);
        }
        for v in live_in {
            if let Some(&var) = self.small.as_ref().and_then(|s| s.vars.get(&v)) {
                self.values[v] = Some(self.b.use_var(var));
            }
        }
    }

    /// In the generic copy: the variable of a value a resume point redefines.
    pub(super) fn resumed_var(&self, v: ValueId) -> Option<Variable> {
        let s = self.small.as_ref()?;
        if s.active {
            return None;
        }
        s.vars.get(&v).copied()
    }

    /// In the small copy: the entry test that every int parameter is small.
    pub(super) fn small_entry(&mut self, params: &[Value], small: ir::Block, generic: ir::Block) {
        let mut all = None;
        for (i, &l) in self.f.params.iter().enumerate() {
            if !self.int_local(l) {
                continue;
            }
            let t = self.is_small(params[i], false);
            all = Some(match all {
                None => t,
                Some(a) => self.b.ins().band(a, t),
            });
        }
        match all {
            Some(c) => {
                self.b.ins().brif(c, small, &[], generic, &[]);
            }
            None => {
                self.b.ins().jump(small, &[]);
            }
        }
    }

    /// In the small copy, at the start of block `b`: checks its int parameters.
    pub(super) fn small_block_params(&mut self, b: BlockId) {
        let params = self.f.blocks[b].params.clone();
        for p in params {
            if self.f.ints.values.contains(&p) && self.f.values[p] == mir::Ty::Word {
                let v = self.val(p);
                let ok = self.is_small(v, true);
                self.stay_if(ok, 0);
                self.mark_small(p);
            }
        }
    }

    /// Translates `inst` the small copy's way, if it has one; returns whether
    /// it did.
    pub(super) fn small_inst(&mut self, inst: &Inst) -> Result<bool, String> {
        let at = self.cur.1;
        match inst {
            Inst::LoadLocal { dst, local } if self.small_local(*local) => {
                let v = self.b.use_var(self.var(*local));
                self.def(*dst, v);
                self.mark_small(*dst);
                self.small().ranges.load(*dst, *local);
            }
            Inst::StoreLocal { local, src } if self.small_local(*local) => {
                let v = self.val(*src);
                let known = self.known(*src);
                if !known {
                    let ok = self.is_small(v, true);
                    self.stay_if(ok, at);
                }
                self.small().ranges.store(*local, *src, known);
                // The old value is a small int or unbound: nothing to release.
                self.b.def_var(self.var(*local), v);
            }
            // A call's int result: one tag test serves for the `NULL` of an
            // exception too (its tag bit is clear); the cold path tells them apart.
            Inst::CallUser {
                dst,
                func,
                callee,
                args,
                speculate,
                line,
            } if self.f.ints.values.contains(dst) && self.f.values[*dst] == mir::Ty::Word => {
                let r = self.call_user(*func, *callee, args, speculate.as_ref())?;
                let small = self.is_small(r, false);
                let (stay, other) = (self.b.create_block(), self.b.create_block());
                self.b.set_cold_block(other);
                self.b.ins().brif(small, stay, &[], other, &[]);
                self.b.switch_to_block(other);
                let failed = self.b.ins().icmp_imm_s(IntCC::Equal, r, 0);
                self.unwind_if(failed, *line)?;
                self.deopt(at + 1, &[(*dst, r)]);
                self.b.switch_to_block(stay);
                self.def(*dst, r);
                self.mark_small(*dst);
            }
            Inst::Copy { dst, src } if self.known(*src) => {
                let v = self.val(*src);
                self.def(*dst, v);
                self.mark_small(*dst);
                let r = self.small().ranges.of(*src);
                self.small_range(*dst, r);
            }
            Inst::Call {
                dst: Some(dst),
                func,
                args,
                line,
            } => {
                let Some((op, a, b)) = small_binary(*func, args) else {
                    return Ok(false);
                };
                if !(self.known(a) && self.known(b)) {
                    return Ok(false);
                }
                let (x, y) = (self.val(a), self.val(b));
                if let Binary::Compare(cc) = op {
                    let r = self.compare_word(cc, x, y);
                    self.immediates.insert(*dst);
                    self.def(*dst, r);
                    return Ok(true);
                }
                let ranges = &self.small().ranges;
                let (ra, rb) = (ranges.of(a), ranges.of(b));
                let (r, refused) = match op {
                    Binary::Add | Binary::Sub => match ra.add_sub(rb, op == Binary::Add) {
                        // In range for sure: no overflow to test.
                        Some(sum) => {
                            self.small_range(*dst, sum);
                            (self.small_add_sub_plain(op == Binary::Add, x, y), None)
                        }
                        None => {
                            let (r, overflow) = self.small_add_sub_core(op == Binary::Add, x, y);
                            (r, Some(overflow))
                        }
                    },
                    Binary::Op(op @ (SmallOp::FloorDiv | SmallOp::Mod))
                        if ra.lo >= 0 && rb.lo == rb.hi && rb.lo > 0 =>
                    {
                        // A dividend proven nonnegative and a positive constant
                        // divisor: the floor ops are the machine's, uncorrected.
                        let (r, range) = self.nonnegative_floor_op(op, x, ra, rb.lo);
                        self.small_range(*dst, range);
                        (r, None)
                    }
                    Binary::Op(op) => self.small_int_core(op, x, y),
                    Binary::Compare(_) => unreachable!("compared above"),
                };
                if let Some(refused) = refused
                    && !inject::is_on(inject::Fault::CodegenSmallCopyIgnoresOverflow)
                {
                    // The runtime computes what the inline path refuses (or
                    // raises), and the generic copy goes on with it.
                    let (stay, leave) = (self.b.create_block(), self.b.create_block());
                    self.b.set_cold_block(leave);
                    self.b.ins().brif(refused, leave, &[], stay, &[]);
                    self.b.switch_to_block(leave);
                    let values = self.args(args)?;
                    let slow = self.rt_call(*func, &values);
                    self.check_result(*func, slow, *line)?;
                    let slow = slow.expect("binary ops return a word");
                    self.deopt(at + 1, &[(*dst, slow)]);
                    self.b.switch_to_block(stay);
                }
                self.def(*dst, r);
                self.mark_small(*dst);
            }
            Inst::Prim { dst, op, args, .. }
                if op.int_compare().is_some() && args.iter().all(|a| self.known(*a)) =>
            {
                let cc = op
                    .int_compare()
                    .and_then(int_cc)
                    .expect("an int comparison");
                let (x, y) = (self.val(args[0]), self.val(args[1]));
                self.small().ranges.compare(*dst, cc, args[0], args[1]);
                let c = self.b.ins().icmp(cc, x, y);
                let c = self.b.ins().uextend(types::I32, c);
                self.def(*dst, c);
            }
            Inst::Prim {
                dst,
                op: mir::Prim::IntToFloat,
                args,
                ..
            } if self.known(args[0]) => {
                let n = self.val(args[0]);
                let n = self.b.ins().sshr_imm_s(n, 1);
                let x = self.b.ins().fcvt_from_sint(types::F64, n);
                self.def(*dst, x);
            }
            _ => return Ok(false),
        }
        Ok(true)
    }

    /// `a // d` or `a % d` of a small int `a` in `ra` (nonnegative) by the
    /// positive constant `d`: the tagged result and its range. Floor and
    /// truncation agree on nonnegative operands, so no sign correction is needed.
    fn nonnegative_floor_op(&mut self, op: SmallOp, a: Value, ra: Range, d: i64) -> (Value, Range) {
        let x = self.b.ins().sshr_imm_s(a, 1);
        let divisor = self.b.ins().iconst(types::I64, d);
        let (r, range) = if op == SmallOp::FloorDiv {
            (self.b.ins().udiv(x, divisor), ra.floor_div(d))
        } else {
            (self.b.ins().urem(x, divisor), ra.modulo(d))
        };
        let doubled = self.b.ins().ishl_imm_u(r, 1);
        (self.b.ins().bor_imm_s(doubled, 1), range)
    }

    /// In the small copy, after `inst`: checks the ints it defined that are not
    /// yet known to be small (an iterator's next item is checked where it is
    /// stored, after its end was tested).
    pub(super) fn check_small_defs(&mut self, inst: &Inst) {
        if matches!(
            inst,
            Inst::Call {
                func: RtFn::IterNext,
                ..
            }
        ) {
            return;
        }
        // A call that returned has returned a value: `NULL` raised.
        let null = match inst {
            Inst::CallUser { .. } => false,
            Inst::Call { func, .. } => func.raises() != Raises::OnNull,
            _ => true,
        };
        let mut defs = Vec::new();
        inst.for_each_def(|d| defs.push(d));
        for d in defs {
            if self.f.ints.values.contains(&d)
                && self.f.values[d] == mir::Ty::Word
                && !self.known(d)
            {
                let v = self.val(d);
                let ok = self.is_small(v, null);
                self.stay_if(ok, self.cur.1 + 1);
                self.mark_small(d);
            }
        }
    }

    /// Truth of a known small int, inline.
    pub(super) fn small_truthy(&mut self, a: ValueId) -> Option<Value> {
        if !self.known(a) {
            return None;
        }
        let v = self.val(a);
        let t = self
            .b
            .ins()
            .icmp_imm_s(IntCC::NotEqual, v, abi::small_int(0));
        Some(self.b.ins().uextend(types::I32, t))
    }
}
