//! Floats in the small copy of a function (see `small_ints`). Values of unknown
//! type that `mir::speculate::float_values` guesses to be floats are checked
//! where they are made (a load, an item of a list or tuple, a call's result);
//! a value that is not a float leaves the small copy for the generic one at
//! that point, as an int past the small range does. After the check the value
//! has a shadow, its unboxed `f64`, and arithmetic between shadows is the
//! machine's. A result that is only ever an operand of more such arithmetic,
//! or released, is never boxed: the generic copy gets a new float object for it
//! when the small copy leaves while it is alive (the generic copy owns such a
//! result, so the new object stands in for the one it would have made).
//!
//! A local that only ever holds such results and is read only after a store in
//! the same block (`dx = x1 - x2` in a loop body) is a *float temp*: the small
//! copy keeps it as the shadow of the value last stored, never in the local.
//! Leaving the small copy stores the boxed value, which is what the local
//! would hold there.

use std::collections::HashSet;

use cranelift_codegen::ir::condcodes::{FloatCC, IntCC};
use cranelift_codegen::ir::{BlockArg, InstBuilder, MemFlagsData, Value, types};
use cranelift_frontend::Variable;
use skink_abi::{self as abi, Raises, RtFn};

use super::{FloatArith, FnTranslator, UserCall, WORD, float_cc};
use crate::mir::speculate::{self, EXACT_INT_BOUND};
use crate::mir::{self, Arg, Function, Inst, LocalId, Terminator, ValueId};

/// What the small copy does with floats in one function.
#[derive(Default)]
pub(super) struct FloatFacts {
    /// Values guessed to be floats: checked where made, shadowed after.
    pub(super) guessed: HashSet<ValueId>,
    /// Guessed values made by float arithmetic (or a boxed constant) whose
    /// every use is more arithmetic between guessed values, or a release: the
    /// small copy never boxes them (loads of float temps among them).
    pub(super) unboxed: HashSet<ValueId>,
    /// Locals the small copy keeps as the shadow of what was stored last.
    pub(super) temps: HashSet<LocalId>,
    /// Guessed values that may be exact small ints instead
    /// (`speculate::FloatGuesses::maybe_int`): their check lets those through.
    pub(super) maybe_int: HashSet<ValueId>,
}

/// Where `replace_with_float` puts a float.
#[derive(Clone, Copy)]
enum FloatPlace {
    Local(Variable),
    /// The address of a list's item.
    Item(Value),
}

/// Float arithmetic the small copy may do on shadows.
#[derive(Clone, Copy)]
enum FloatOp {
    Arith(FloatArith),
    /// `**` of a finite positive base and a finite exponent.
    Pow,
}

/// `inst` as float arithmetic the small copy may do on shadows: the op, its
/// operands and its result.
fn float_op(inst: &Inst) -> Option<(FloatOp, ValueId, ValueId, ValueId)> {
    use abi::inplace as code;
    let Inst::Call {
        dst: Some(dst),
        func,
        args,
        ..
    } = inst
    else {
        return None;
    };
    let op = |f: RtFn| match f {
        RtFn::Add => Some(FloatOp::Arith(FloatArith::Add)),
        RtFn::Sub => Some(FloatOp::Arith(FloatArith::Sub)),
        RtFn::Mul => Some(FloatOp::Arith(FloatArith::Mul)),
        RtFn::TrueDiv => Some(FloatOp::Arith(FloatArith::Div)),
        RtFn::Pow => Some(FloatOp::Pow),
        f => float_cc(f).map(|cc| FloatOp::Arith(FloatArith::Compare(cc))),
    };
    match (func, args.as_slice()) {
        (RtFn::Inplace, [Arg::Value(a), Arg::Value(b), Arg::Int(c)]) => {
            let f = match *c {
                code::ADD => RtFn::Add,
                code::SUB => RtFn::Sub,
                code::MUL => RtFn::Mul,
                code::TRUEDIV => RtFn::TrueDiv,
                code::POW => RtFn::Pow,
                _ => return None,
            };
            Some((op(f)?, *a, *b, *dst))
        }
        (f, [Arg::Value(a), Arg::Value(b)]) => Some((op(*f)?, *a, *b, *dst)),
        _ => None,
    }
}

fn is_compare(op: FloatOp) -> bool {
    matches!(op, FloatOp::Arith(FloatArith::Compare(_)))
}

/// Locals no block reads before storing them (so none is live where a block
/// starts, a handler's included) and that are not parameters.
fn float_temp_candidates(f: &Function) -> HashSet<LocalId> {
    let mut stored = HashSet::new();
    let mut exposed = HashSet::new();
    for block in f.blocks.values() {
        let mut written = HashSet::new();
        for inst in &block.insts {
            match inst {
                Inst::LoadLocal { local, .. } if !written.contains(local) => {
                    exposed.insert(*local);
                }
                Inst::StoreLocal { local, .. } => {
                    written.insert(*local);
                    stored.insert(*local);
                }
                _ => {}
            }
        }
    }
    stored
        .into_iter()
        .filter(|l| !exposed.contains(l) && !f.params.contains(l))
        .collect()
}

impl FloatFacts {
    /// `float_returning`: the module's functions that only return floats
    /// (`speculate::float_returning`).
    /// `float_abi`: the functions returning floats unboxed (`float_returns`).
    pub(super) fn analyze(
        f: &Function,
        consts: &mir::PrimaryMap<mir::ConstId, mir::Const>,
        float_returning: &HashSet<mir::FuncId>,
        float_abi: &HashSet<mir::FuncId>,
    ) -> FloatFacts {
        let speculate::FloatGuesses {
            values: guessed,
            maybe_int,
        } = speculate::float_values(f, consts, float_returning);
        if guessed.is_empty() {
            return FloatFacts::default();
        }
        // Candidates: guessed values made by float arithmetic or boxing.
        let mut unboxed: HashSet<ValueId> = HashSet::new();
        for inst in f.blocks.values().flat_map(|b| &b.insts) {
            match inst {
                Inst::Prim {
                    dst,
                    op: mir::Prim::BoxFloat,
                    ..
                } if guessed.contains(dst) => {
                    unboxed.insert(*dst);
                }
                // A call of a copy returning its float unboxed.
                Inst::CallUser { dst, .. }
                    if guessed.contains(dst)
                        && UserCall::of(inst).is_some_and(|call| call.reaches(float_abi)) =>
                {
                    unboxed.insert(*dst);
                }
                _ => {
                    if let Some((op, _, _, dst)) = float_op(inst)
                        && !is_compare(op)
                        && guessed.contains(&dst)
                    {
                        unboxed.insert(dst);
                    }
                }
            }
        }
        let mut temps = float_temp_candidates(f);
        for inst in f.blocks.values().flat_map(|b| &b.insts) {
            if let Inst::LoadLocal { dst, local } = inst
                && temps.contains(local)
                && guessed.contains(dst)
            {
                unboxed.insert(*dst);
            }
        }
        // Any other use needs the object; a temp storing a value that has one
        // is no temp, and the values loaded from it then have objects too.
        loop {
            let before = (unboxed.len(), temps.len());
            for block in f.blocks.values() {
                for inst in &block.insts {
                    match (inst, float_op(inst)) {
                        (Inst::DecRef(_) | Inst::CheckBound { .. }, _) => {}
                        (Inst::StoreLocal { local, src }, _)
                            if temps.contains(local) && unboxed.contains(src) => {}
                        (Inst::StoreLocal { local, .. }, _) if temps.contains(local) => {
                            temps.remove(local);
                        }
                        // Any other word local gets the value boxed at the
                        // store (`replace_with_float`).
                        (Inst::StoreLocal { local, src }, _) => {
                            if f.local_tys[*local] != mir::Ty::Word {
                                unboxed.remove(src);
                            }
                        }
                        // So does a list item (`setitem_float`); the list and
                        // the index are objects.
                        (
                            Inst::Call {
                                func: RtFn::SetItem,
                                args,
                                ..
                            },
                            _,
                        ) if matches!(
                            args.as_slice(),
                            [Arg::Value(_), Arg::Value(_), Arg::Value(_)]
                        ) =>
                        {
                            for a in &args[..2] {
                                if let Arg::Value(v) = a {
                                    unboxed.remove(v);
                                }
                            }
                        }
                        (_, Some((_, a, b, _))) if guessed.contains(&a) && guessed.contains(&b) => {
                        }
                        _ => {
                            for v in inst.operands() {
                                unboxed.remove(&v);
                            }
                        }
                    }
                    if let Inst::LoadLocal { dst, local } = inst {
                        // A temp's every load has no object, or it is no temp.
                        if !unboxed.contains(dst) {
                            temps.remove(local);
                        }
                        if !temps.contains(local) {
                            unboxed.remove(dst);
                        }
                    }
                }
                let mut term: Terminator = block.term.clone();
                term.for_each_operand(&mut |v| {
                    unboxed.remove(v);
                });
            }
            if (unboxed.len(), temps.len()) == before {
                break;
            }
        }
        FloatFacts {
            guessed,
            unboxed,
            temps,
            maybe_int,
        }
    }

    /// Whether float arithmetic between guessed values is worth a small copy
    /// in block `b` (given whether the block repeats or the function is small).
    pub(super) fn arithmetic_in(&self, f: &Function, b: mir::BlockId) -> bool {
        f.blocks[b].insts.iter().any(|inst| {
            float_op(inst)
                .is_some_and(|(_, a, b, _)| self.guessed.contains(&a) && self.guessed.contains(&b))
        })
    }
}

impl FnTranslator<'_, '_> {
    fn shadow(&self, v: ValueId) -> Option<Value> {
        let s = self.small.as_ref()?;
        if !s.active {
            return None;
        }
        s.shadows.get(&v).copied()
    }

    /// Whether `v` has no object in the small copy (only its shadow).
    pub(super) fn is_unboxed(&self, v: ValueId) -> bool {
        self.small
            .as_ref()
            .is_some_and(|s| s.active && s.unboxed_now.contains(&v))
    }

    /// Before the small copy leaves: stores each float temp's value, boxed,
    /// in its local. Returns the words the generic copy takes for the values
    /// stored and loaded (the local's object, the one the generic copy has).
    pub(super) fn flush_float_temps(&mut self) -> Vec<(ValueId, Value)> {
        let Some(s) = self.small.as_ref() else {
            return Vec::new();
        };
        if !s.active || s.forwards.is_empty() {
            return Vec::new();
        }
        let forwards = s.forwards.clone();
        let loaded = s.loaded.clone();
        let mut words = Vec::new();
        for (l, src) in forwards {
            let word = self.store_temp_word(l, src);
            words.push((src, word));
            for &(v, from, stored) in &loaded {
                if from == l && stored == src {
                    words.push((v, word));
                }
            }
        }
        words
    }

    /// Stores float temp `l`'s value `src`, boxed, in the local (releasing
    /// what it held); returns the object.
    fn store_temp_word(&mut self, l: LocalId, src: ValueId) -> Value {
        let x = self.shadow(src).expect("a float temp holds a shadow");
        let word = self.box_float(x);
        let var = self.var(l);
        let old = self.b.use_var(var);
        self.decref(old, true);
        self.b.def_var(var, word);
        word
    }

    /// Float temp `l` holds its value `src` in the local from here on.
    fn flush_float_temp(&mut self, l: LocalId, src: ValueId) {
        self.store_temp_word(l, src);
        self.small().forwards.retain(|(t, _)| *t != l);
    }

    /// The word the generic copy takes for `v` when the small copy leaves:
    /// a new float object for a value the small copy never boxed.
    pub(super) fn resume_word(&mut self, v: ValueId) -> Value {
        if self.is_unboxed(v) {
            let x = self.shadow(v).expect("an unboxed value has a shadow");
            return self.box_float(x);
        }
        self.val(v)
    }

    /// Translates float arithmetic between shadows the small copy's way;
    /// returns whether it did.
    pub(super) fn small_float_inst(&mut self, inst: &Inst) -> Result<bool, String> {
        if !self.in_small_copy() {
            return Ok(false);
        }
        match inst {
            Inst::StoreLocal { local, src }
                if self.is_unboxed(*src) && self.small().floats.temps.contains(local) =>
            {
                let s = self.small();
                s.forwards.retain(|(l, _)| l != local);
                s.forwards.push((*local, *src));
                return Ok(true);
            }
            // Any other word local: the value's object is made at the store,
            // or is the float it replaces.
            Inst::StoreLocal { local, src }
                if self.is_unboxed(*src) && self.f.local_tys[*local] == mir::Ty::Word =>
            {
                let x = self.shadow(*src).expect("an unboxed value has a shadow");
                let var = self.var(*local);
                self.replace_with_float(FloatPlace::Local(var), x);
                let s = self.small();
                s.forwards.retain(|(l, _)| l != local);
                s.stored.retain(|(l, _)| l != local);
                s.stored.push((*local, x));
                return Ok(true);
            }
            // A temp stored the generic way holds its value in the local; a
            // load later in the block has the stored value's shadow.
            Inst::StoreLocal { local, src } => {
                let shadow = self.shadow(*src);
                let s = self.small();
                s.forwards.retain(|(l, _)| l != local);
                s.stored.retain(|(l, _)| l != local);
                if let Some(x) = shadow {
                    s.stored.push((*local, x));
                }
                return Ok(false);
            }
            Inst::LoadLocal { dst, local } => {
                let s = self.small();
                let Some(&(_, src)) = s.forwards.iter().find(|(l, _)| l == local) else {
                    return Ok(false);
                };
                if !s.floats.unboxed.contains(dst) {
                    // Not expected (the analysis makes such a local no temp):
                    // the local gets its object, and the load reads it.
                    self.flush_float_temp(*local, src);
                    return Ok(false);
                }
                let x = s.shadows[&src];
                s.loaded.push((*dst, *local, src));
                self.keep_unboxed(*dst, x);
                return Ok(true);
            }
            // An unboxed value is always bound.
            Inst::CheckBound { value, .. } if self.is_unboxed(*value) => return Ok(true),
            Inst::CallUser { dst, .. }
                if self.wants_unboxed(*dst)
                    && UserCall::of(inst).is_some_and(|call| self.calls_float_abi(&call)) =>
            {
                let call = UserCall::of(inst).expect("a call");
                self.call_float_abi_unboxed(&call)?;
                return Ok(true);
            }
            _ => {}
        }
        if let Inst::Prim {
            dst,
            op: mir::Prim::UnboxFloat,
            args,
            ..
        } = inst
            && let Some(x) = self.shadow(args[0])
        {
            self.def(*dst, x);
            return Ok(true);
        }
        if let Inst::Prim {
            dst,
            op: mir::Prim::BoxFloat,
            args,
            ..
        } = inst
            && self.wants_unboxed(*dst)
        {
            let x = self.val(args[0]);
            self.keep_unboxed(*dst, x);
            return Ok(true);
        }
        let Some((op, a, b, dst)) = float_op(inst) else {
            return Ok(false);
        };
        let compare = is_compare(op);
        let (x, y) = match (self.shadow(a), self.shadow(b)) {
            (Some(x), Some(y)) => (x, y),
            // A float and a small int: the int's float, correctly rounded.
            (Some(x), None) if !compare && self.known(b) => (x, self.small_to_f64(b)),
            (None, Some(y)) if !compare && self.known(a) => (self.small_to_f64(a), y),
            _ => return Ok(false),
        };
        let at = self.cur.1;
        let r = match op {
            FloatOp::Arith(FloatArith::Add) => self.b.ins().fadd(x, y),
            FloatOp::Arith(FloatArith::Sub) => self.b.ins().fsub(x, y),
            FloatOp::Arith(FloatArith::Mul) => self.b.ins().fmul(x, y),
            FloatOp::Arith(FloatArith::Div) => {
                // The generic copy raises ZeroDivisionError.
                let zero = self.b.ins().f64const(0.0);
                let nonzero = self.b.ins().fcmp(FloatCC::NotEqual, y, zero);
                self.stay_if(nonzero, at);
                self.b.ins().fdiv(x, y)
            }
            FloatOp::Pow => self.positive_pow(x, y, at),
            FloatOp::Arith(FloatArith::Compare(cc)) => {
                let holds = self.b.ins().fcmp(cc, x, y);
                let yes = self.b.ins().iconst(WORD, abi::TRUE);
                let no = self.b.ins().iconst(WORD, abi::FALSE);
                let word = self.b.ins().select(holds, yes, no);
                self.def(dst, word);
                self.immediates.insert(dst);
                return Ok(true);
            }
        };
        if self.wants_unboxed(dst) {
            self.keep_unboxed(dst, r);
        } else {
            let word = self.box_float(r);
            self.def(dst, word);
            self.small().shadows.insert(dst, r);
        }
        Ok(true)
    }

    /// Puts float `x` in `place`, releasing what it held. When that is a
    /// float object nothing else refers to (count 1: only this place), the
    /// object is overwritten instead of a new one made and the old one freed:
    /// floats are immutable, so nothing can tell, unless the program asked
    /// the old one's `id` (`Codegen::float_reuse` is off in a program that
    /// names `id`).
    fn replace_with_float(&mut self, place: FloatPlace, x: Value) {
        let flags = MemFlagsData::trusted();
        let old = match place {
            FloatPlace::Local(var) => self.b.use_var(var),
            FloatPlace::Item(at) => self.b.ins().load(WORD, flags, at, 0),
        };
        // A local may be unbound (NULL); an item never is.
        let nullable = matches!(place, FloatPlace::Local(_));
        let (fresh, done) = (self.b.create_block(), self.b.create_block());
        if self.cg.float_reuse {
            let (object, reuse) = (self.b.create_block(), self.b.create_block());
            let heap = self.is_heap(old);
            self.branch_on_object(old, heap, nullable, object, fresh);
            self.b.switch_to_block(object);
            let float = self.is_float_object(old);
            let rc = self
                .b
                .ins()
                .load(types::I64, flags, old, abi::REFCOUNT_OFFSET);
            let only = self.b.ins().icmp_imm_s(IntCC::Equal, rc, 1);
            let both = self.b.ins().band(float, only);
            self.b.ins().brif(both, reuse, &[], fresh, &[]);
            self.b.switch_to_block(reuse);
            self.b.ins().store(flags, x, old, abi::FLOAT_VALUE_OFFSET);
            self.b.ins().jump(done, &[]);
        } else {
            self.b.ins().jump(fresh, &[]);
        }
        self.b.switch_to_block(fresh);
        let word = self.box_float(x);
        match place {
            FloatPlace::Local(var) => self.b.def_var(var, word),
            FloatPlace::Item(at) => {
                self.b.ins().store(flags, word, at, 0);
            }
        }
        // Released after the store, as the runtime's `list[i] = v` does.
        self.decref(old, nullable);
        self.b.ins().jump(done, &[]);
        self.b.switch_to_block(done);
    }

    /// `seq[key] = v` for an unboxed `v` (its shadow `x`): inline for a list
    /// and a small int in range (`replace_with_float`), else the runtime's
    /// `setitem` with a new float object.
    pub(super) fn setitem_float(
        &mut self,
        seq: ValueId,
        key: ValueId,
        v: ValueId,
        line: u32,
    ) -> Result<Value, String> {
        let x = self.shadow(v).expect("an unboxed value has a shadow");
        let (seq, key) = (self.val(seq), self.val(key));
        let (slow, join) = (self.b.create_block(), self.b.create_block());
        let result = self.b.append_block_param(join, types::I32);
        self.b.set_cold_block(slow);
        let at = self.list_item_address(seq, key, slow);
        self.replace_with_float(FloatPlace::Item(at), x);
        let done = self.b.ins().iconst(types::I32, 0);
        self.b.ins().jump(join, &[BlockArg::Value(done)]);

        self.b.switch_to_block(slow);
        let word = self.box_float(x);
        let r = self.rt_call(RtFn::SetItem, &[seq, key, word]);
        // `setitem` took its own reference.
        self.decref(word, false);
        self.check_result(RtFn::SetItem, r, line)?;
        let r = r.expect("setitem returns a status");
        self.b.ins().jump(join, &[BlockArg::Value(r)]);
        self.b.switch_to_block(join);
        Ok(result)
    }

    /// `x ** y` where the base is finite and positive and the exponent finite,
    /// and the result finite; anything else (a zero, negative or infinite base,
    /// nan, an overflow) the generic copy computes or raises, before the op.
    fn positive_pow(&mut self, x: Value, y: Value, at: usize) -> Value {
        let zero = self.b.ins().f64const(0.0);
        let inf = self.b.ins().f64const(f64::INFINITY);
        let positive = self.b.ins().fcmp(FloatCC::GreaterThan, x, zero);
        let below_inf = self.b.ins().fcmp(FloatCC::LessThan, x, inf);
        let y_minus_y = self.b.ins().fsub(y, y);
        // Zero exactly when `y` is finite (inf - inf and nan give nan).
        let finite = self.b.ins().fcmp(FloatCC::Equal, y_minus_y, zero);
        let base_ok = self.b.ins().band(positive, below_inf);
        let ok = self.b.ins().band(base_ok, finite);
        self.stay_if(ok, at);
        let r = self
            .rt_call(RtFn::FloatPowPositive, &[x, y])
            .expect("returns a float");
        let in_range = self.b.ins().fcmp(FloatCC::LessThan, r, inf);
        self.stay_if(in_range, at);
        r
    }

    fn wants_unboxed(&self, v: ValueId) -> bool {
        self.small
            .as_ref()
            .is_some_and(|s| s.active && s.floats.unboxed.contains(&v))
    }

    pub(super) fn keep_unboxed(&mut self, v: ValueId, x: Value) {
        let s = self.small();
        s.shadows.insert(v, x);
        s.unboxed_now.insert(v);
        // No object: nothing to release, on any path.
        self.immediates.insert(v);
    }

    fn small_to_f64(&mut self, v: ValueId) -> Value {
        let w = self.val(v);
        let n = self.b.ins().sshr_imm_s(w, 1);
        self.b.ins().fcvt_from_sint(types::F64, n)
    }

    /// In the small copy, after `inst` went the generic way: checks the guessed
    /// floats it made, which leave the small copy when they are not floats.
    pub(super) fn check_float_defs(&mut self, inst: &Inst) {
        let Some(s) = self.small.as_ref() else { return };
        if !s.active || s.floats.guessed.is_empty() {
            return;
        }
        let mut defs = Vec::new();
        inst.for_each_def(|d| defs.push(d));
        for d in defs {
            if !self
                .small
                .as_ref()
                .is_some_and(|s| s.floats.guessed.contains(&d))
                || self.shadow(d).is_some()
            {
                continue;
            }
            let shadow = match inst {
                Inst::Prim {
                    op: mir::Prim::BoxFloat,
                    args,
                    ..
                } => self.val(args[0]),
                Inst::Copy { src, .. } if self.shadow(*src).is_some() => {
                    self.shadow(*src).expect("checked")
                }
                Inst::LoadLocal { local, .. } => {
                    let s = self.small.as_ref().expect("in the small copy");
                    match s.stored.iter().find(|(l, _)| l == local) {
                        Some(&(_, x)) => x,
                        None => self.checked_guess(d, inst),
                    }
                }
                Inst::Const { id, .. } => match self.module.consts[*id] {
                    mir::Const::Float(x) => self.b.ins().f64const(x),
                    _ => self.checked_guess(d, inst),
                },
                // An exact int literal (the analysis guesses no other).
                Inst::Word { word, .. } if word & 1 == 1 => {
                    self.b.ins().f64const((word >> 1) as f64)
                }
                _ => self.checked_guess(d, inst),
            };
            self.small().shadows.insert(d, shadow);
        }
    }

    /// The value of `d`, made by `inst`, checked as its guess says: a float
    /// object, or for a value that may hold an int literal also such an int.
    fn checked_guess(&mut self, d: ValueId, inst: &Inst) -> Value {
        if self.small().floats.maybe_int.contains(&d) {
            self.checked_float_or_int(d, inst)
        } else {
            self.checked_float(d, inst)
        }
    }

    /// The value of `d`, made by `inst`, as a float: a small int a float holds
    /// exactly, or a float object; else the generic copy goes on after `inst`.
    fn checked_float_or_int(&mut self, d: ValueId, inst: &Inst) -> Value {
        let at = self.cur.1 + 1;
        let w = self.val(d);
        let (int, object, join) = (
            self.b.create_block(),
            self.b.create_block(),
            self.b.create_block(),
        );
        let x = self.b.append_block_param(join, types::F64);
        let tag = self.b.ins().band_imm_s(w, 1);
        self.b.ins().brif(tag, int, &[], object, &[]);
        self.b.switch_to_block(int);
        let n = self.b.ins().sshr_imm_s(w, 1);
        // |n| <= 2**53: n + 2**53 <= 2**54 as an unsigned number.
        let shifted = self.b.ins().iadd_imm_s(n, EXACT_INT_BOUND);
        let exact =
            self.b
                .ins()
                .icmp_imm_s(IntCC::UnsignedLessThanOrEqual, shifted, 2 * EXACT_INT_BOUND);
        self.stay_if(exact, at);
        let as_float = self.b.ins().fcvt_from_sint(types::F64, n);
        self.b.ins().jump(join, &[as_float.into()]);
        self.b.switch_to_block(object);
        let float = self.checked_float(d, inst);
        self.b.ins().jump(join, &[float.into()]);
        self.b.switch_to_block(join);
        x
    }

    /// The value of `d`, made by `inst`, when it is a float object; else the
    /// generic copy goes on after `inst`.
    fn checked_float(&mut self, d: ValueId, inst: &Inst) -> Value {
        let at = self.cur.1 + 1;
        let w = self.val(d);
        // A call that returned has returned a value (`NULL` raised).
        let never_null = match inst {
            Inst::CallUser { .. } | Inst::Unpack { .. } => true,
            Inst::Call { func, .. } => func.raises() == Raises::OnNull,
            _ => false,
        };
        let heap = self.is_heap(w);
        let ok = if never_null {
            heap
        } else {
            let nonnull = self.b.ins().icmp_imm_s(IntCC::NotEqual, w, abi::NULL);
            self.b.ins().band(heap, nonnull)
        };
        self.stay_if(ok, at);
        let float = self.is_float_object(w);
        self.stay_if(float, at);
        self.float_of(w)
    }
}
