//! Floats returned unboxed. A specialized copy (called only directly, never
//! through a function object) whose every `return` returns a float it just
//! boxed (`return 1.0 / (...)` in a copy for ints) returns the status word
//! (nonzero: returned, `NULL`: raised) and the raw f64 instead: the box is
//! never made in the callee. The caller boxes the f64 where it needs an
//! object, and not at all where the small copy keeps the result unboxed
//! (`eval_A(i, j) * u_j`): the callee's allocation and the caller's check,
//! release and free all go.
//!
//! A speculative call (`mir::Speculation`) whose int copy returns unboxed and
//! whose generic callee returns a word joins both: the generic result is
//! checked to be a float where the small copy keeps it unboxed (it leaves the
//! small copy otherwise, as any guessed float does), and the int copy's result
//! is boxed where the call's result needs an object.

use std::collections::HashSet;

use cranelift_codegen::ir::condcodes::IntCC;
use cranelift_codegen::ir::{self, BlockArg, InstBuilder, Value, types};

use super::{FnTranslator, WORD, pure_leaves};
use crate::mir::{self, Arg, Function, Inst, Module, Prim, Terminator, ValueId};

/// The functions of `module` that return floats unboxed: specialized copies
/// (no function object calls them) that are no generator, whose address
/// nothing takes, and whose every return is of a float boxed just before it
/// (`returned_boxes`).
pub(super) fn float_abi_functions(module: &Module) -> HashSet<mir::FuncId> {
    let mut addressed = HashSet::new();
    for inst in module
        .funcs
        .values()
        .flat_map(|f| f.blocks.values())
        .flat_map(|b| &b.insts)
    {
        if let Inst::Call { args, .. } = inst {
            for a in args {
                if let Arg::FuncAddr(id) = a {
                    addressed.insert(*id);
                }
            }
        }
    }
    module
        .funcs
        .iter()
        .filter(|(id, f)| {
            f.specialized
                && !f.is_generator
                && !f.is_module
                && !addressed.contains(id)
                && returned_boxes(f).is_some()
        })
        .map(|(id, _)| id)
        .collect()
}

/// The boxes `f` returns, when every return (of a block anything reaches)
/// returns a float boxed in the same block, with only releases of other
/// values after the box, and the box has no other use; else `None`.
pub(super) fn returned_boxes(f: &Function) -> Option<HashSet<ValueId>> {
    let reachable: HashSet<mir::BlockId> =
        mir::ownership::reverse_postorder(f).into_iter().collect();
    let mut boxes = HashSet::new();
    for (id, block) in f.blocks.iter() {
        if !reachable.contains(&id) {
            continue;
        }
        let Terminator::Return(v) = block.term else {
            continue;
        };
        let at = block.insts.iter().position(
            |inst| matches!(inst, Inst::Prim { dst, op: Prim::BoxFloat, .. } if *dst == v),
        )?;
        if !block.insts[at + 1..]
            .iter()
            .all(|inst| matches!(inst, Inst::DecRef(d) if *d != v))
        {
            return None;
        }
        boxes.insert(v);
    }
    if boxes.is_empty() {
        return None;
    }
    // No other use of a returned box.
    for block in f.blocks.values() {
        if block
            .insts
            .iter()
            .any(|inst| inst.operands().iter().any(|o| boxes.contains(o)))
        {
            return None;
        }
        if !matches!(block.term, Terminator::Return(_)) {
            let mut used = false;
            block
                .term
                .clone()
                .for_each_operand(&mut |v| used |= boxes.contains(v));
            if used {
                return None;
            }
        }
    }
    Some(boxes)
}

/// A call of a compiled function, as `Inst::CallUser` makes it.
pub(super) struct UserCall<'a> {
    pub(super) dst: ValueId,
    pub(super) func: mir::FuncId,
    pub(super) callee: ValueId,
    pub(super) args: &'a [ValueId],
    pub(super) speculate: Option<&'a mir::Speculation>,
    pub(super) line: u32,
}

impl<'a> UserCall<'a> {
    /// Whether the call reaches one of `funcs`: its callee, or the copy it
    /// speculates on.
    pub(super) fn reaches(&self, funcs: &HashSet<mir::FuncId>) -> bool {
        funcs.contains(&self.func) || self.speculate.is_some_and(|s| funcs.contains(&s.func))
    }

    pub(super) fn of(inst: &'a Inst) -> Option<UserCall<'a>> {
        match inst {
            Inst::CallUser {
                dst,
                func,
                callee,
                args,
                speculate,
                line,
            } => Some(UserCall {
                dst: *dst,
                func: *func,
                callee: *callee,
                args,
                speculate: speculate.as_ref(),
                line: *line,
            }),
            _ => None,
        }
    }
}

impl FnTranslator<'_, '_> {
    /// Whether this function returns floats unboxed.
    pub(super) fn returns_unboxed(&self) -> bool {
        !self.returned.is_empty()
    }

    /// The box of a returned float is not made: its f64 is returned.
    pub(super) fn returned_box(&mut self, inst: &Inst) -> bool {
        let Inst::Prim {
            dst,
            op: Prim::BoxFloat,
            args,
            ..
        } = inst
        else {
            return false;
        };
        if !self.returned.contains(dst) {
            return false;
        }
        let x = self.val(args[0]);
        self.returned_f64 = Some((*dst, x));
        // No object: nothing to release.
        self.immediates.insert(*dst);
        true
    }

    /// Returns `word` (`NULL`: raised) the way this function returns.
    pub(super) fn return_word(&mut self, word: Value) {
        if self.returns_unboxed() {
            let zero = self.b.ins().f64const(0.0);
            self.b.ins().return_(&[word, zero]);
        } else {
            self.b.ins().return_(&[word]);
        }
    }

    /// Returns MIR value `v`: its f64 when this function returns unboxed.
    pub(super) fn return_value(&mut self, v: ValueId) {
        match self.returned_f64 {
            Some((d, x)) if d == v && self.returns_unboxed() => {
                let one = self.b.ins().iconst(WORD, 1);
                self.b.ins().return_(&[one, x]);
            }
            _ => {
                let w = self.val(v);
                self.b.ins().return_(&[w]);
            }
        }
    }

    /// Whether `call` reaches a copy returning floats unboxed.
    pub(super) fn calls_float_abi(&self, call: &UserCall) -> bool {
        call.reaches(&self.cg.float_abi)
    }

    /// One direct call of `func`: `(word, None)` for a word-returning callee,
    /// `(status, Some(x))` for one returning unboxed; raising unwinds.
    fn call_checked(
        &mut self,
        func: mir::FuncId,
        callee: ValueId,
        args: &[ValueId],
        line: u32,
    ) -> Result<(Value, Option<Value>), String> {
        let results = self.call_direct_results(func, callee, args)?;
        let failed = self.b.ins().icmp_imm_s(IntCC::Equal, results[0], 0);
        self.unwind_if(failed, line)?;
        Ok((results[0], results.get(1).copied()))
    }

    /// A call reaching a copy that returns floats unboxed, its result an
    /// object: boxed where that copy returned.
    pub(super) fn call_float_abi_boxed(&mut self, call: &UserCall) -> Result<(), String> {
        let word = self.call_both_ways(call, |t, (w, x)| match x {
            Some(x) => t.box_float(x),
            None => w,
        })?;
        self.def(call.dst, word);
        Ok(())
    }

    /// Calls `func`, or the copy `s` speculates on when its ints are small;
    /// `finish` turns each path's result into the one word the join takes.
    fn call_both_ways(
        &mut self,
        call: &UserCall,
        mut finish: impl FnMut(&mut Self, (Value, Option<Value>)) -> Value,
    ) -> Result<Value, String> {
        let (func, callee, args, line) = (call.func, call.callee, call.args, call.line);
        let Some(s) = call.speculate else {
            let r = self.call_checked(func, callee, args, line)?;
            return Ok(finish(self, r));
        };
        let small = self.speculation_holds(s, args);
        let (fast, slow, join, r) = self.two_paths(small, WORD);
        self.b.switch_to_block(fast);
        let rf = self.call_checked(s.func, callee, args, line)?;
        let wf = finish(self, rf);
        self.b.ins().jump(join, &[BlockArg::Value(wf)]);
        self.b.switch_to_block(slow);
        let rs = self.call_checked(func, callee, args, line)?;
        let ws = finish(self, rs);
        self.b.ins().jump(join, &[BlockArg::Value(ws)]);
        self.b.switch_to_block(join);
        Ok(r)
    }

    /// The speculative call's fast arm, starting at block `fast`: when every
    /// argument is a small int (checked by the speculation, or known in the
    /// small copy) and the int copy is a pure leaf, it is computed there and
    /// joins `join` (word, f64, is-object); returns the block that must make
    /// the call (where the inline code bails out, or `fast` itself).
    fn inline_fast_arm(
        &mut self,
        s: &mir::Speculation,
        args: &[ValueId],
        fast: ir::Block,
        join: ir::Block,
    ) -> Result<ir::Block, String> {
        let all_small = (0..args.len()).all(|k| s.ints.contains(&k) || self.known(args[k]));
        if !all_small || !pure_leaves::is_pure_leaf(&self.module.funcs[s.func]) {
            return Ok(fast);
        }
        self.b.switch_to_block(fast);
        let bail = self.b.create_block();
        self.b.set_cold_block(bail);
        let words: Vec<Value> = args.iter().map(|a| self.val(*a)).collect();
        let x = self.inline_pure_leaf(s.func, &words, bail)?;
        let status = self.b.ins().iconst(WORD, 1);
        let object = self.b.ins().iconst(types::I8, 0);
        self.b.ins().jump(
            join,
            &[
                BlockArg::Value(status),
                BlockArg::Value(x),
                BlockArg::Value(object),
            ],
        );
        Ok(bail)
    }

    /// In the small copy, a call reaching a copy that returns floats unboxed
    /// whose result stays unboxed: the f64 as it returned, or the generic
    /// callee's result checked to be a float (else the small copy leaves,
    /// with the object as the call's result) and released.
    pub(super) fn call_float_abi_unboxed(&mut self, call: &UserCall) -> Result<(), String> {
        let UserCall {
            dst,
            func,
            callee,
            args,
            speculate: s,
            line,
        } = *call;
        let join = self.b.create_block();
        let word = self.b.append_block_param(join, WORD);
        let value = self.b.append_block_param(join, types::F64);
        let is_object = self.b.append_block_param(join, types::I8);
        let mut arms = Vec::new();
        match s {
            Some(s) => {
                let small = self.speculation_holds(s, args);
                let (fast, slow) = (self.b.create_block(), self.b.create_block());
                self.b.ins().brif(small, fast, &[], slow, &[]);
                let fast = self.inline_fast_arm(s, args, fast, join)?;
                arms.push((fast, s.func));
                arms.push((slow, func));
            }
            None => {
                let only = self.b.create_block();
                self.b.ins().jump(only, &[]);
                arms.push((only, func));
            }
        }
        for (block, target) in arms {
            self.b.switch_to_block(block);
            let (w, x) = self.call_checked(target, callee, args, line)?;
            let (x, object) = match x {
                Some(x) => (x, 0),
                None => (self.b.ins().f64const(0.0), 1),
            };
            let object = self.b.ins().iconst(types::I8, object);
            self.b.ins().jump(
                join,
                &[
                    BlockArg::Value(w),
                    BlockArg::Value(x),
                    BlockArg::Value(object),
                ],
            );
        }
        self.b.switch_to_block(join);
        // The generic copy, should the small one leave here, has the object
        // (a returned float's status word is never read as one: see below).
        self.def(dst, word);
        let (check, done) = (self.b.create_block(), self.b.create_block());
        let shadow = self.b.append_block_param(done, types::F64);
        self.b
            .ins()
            .brif(is_object, check, &[], done, &[BlockArg::Value(value)]);
        self.b.switch_to_block(check);
        let at = self.cur.1 + 1;
        let heap = self.is_heap(word);
        self.stay_if(heap, at);
        let float = self.is_float_object(word);
        self.stay_if(float, at);
        let x = self.float_of(word);
        self.decref(word, false);
        self.b.ins().jump(done, &[BlockArg::Value(x)]);
        self.b.switch_to_block(done);
        // From here the result has no object: leaving boxes its shadow.
        self.keep_unboxed(dst, shadow);
        Ok(())
    }
}
