//! Pure leaves inlined where a speculative call reaches them. A copy that
//! returns its float unboxed (`float_returns`), made of one block of int and
//! float arithmetic on its parameters (which the speculation checked to be
//! small ints) and constants, with no other call and no store (`eval_A(i, j)`:
//! `1.0 / ((i + j) * (i + j + 1) // 2 + i + 1)`), is computed at the call
//! site on machine ints and floats. Whatever the inline code does not cover
//! (an int past 64 bits, a zero divisor, the recursion limit) jumps to the
//! real call, which computes it or raises with the callee's frame in the
//! traceback: the inline code has no effect before that point, so the call
//! starts from the same state.

use std::collections::HashMap;

use cranelift_codegen::ir::condcodes::{FloatCC, IntCC};
use cranelift_codegen::ir::{self, InstBuilder, MemFlagsData, Value, types};
use skink_abi::{self as abi, RtFn};

use super::{FnTranslator, WORD};
use crate::mir::{self, Arg, Function, Inst, Prim, Terminator, ValueId};

/// Largest function inlined, in MIR instructions.
const MAX_INSTS: usize = 40;

/// Whether `f` (a copy returning floats unboxed) is a pure leaf a call whose
/// arguments are all small ints may compute inline.
pub(super) fn is_pure_leaf(f: &Function) -> bool {
    let reachable = mir::ownership::reverse_postorder(f);
    let [entry] = reachable.as_slice() else {
        return false;
    };
    let block = &f.blocks[*entry];
    if block.insts.len() > MAX_INSTS || block.handler.is_some() {
        return false;
    }
    let Terminator::Return(_) = block.term else {
        return false;
    };
    // Every value is an int or a float the code below computes.
    let mut ints: Vec<ValueId> = Vec::new();
    let mut floats: Vec<ValueId> = Vec::new();
    for inst in &block.insts {
        let ok = match inst {
            Inst::LoadLocal { dst, local }
                if f.params.contains(local) && f.local_tys[*local] == mir::Ty::Word =>
            {
                ints.push(*dst);
                true
            }
            Inst::Word { dst, word } if abi::is_small_int(*word) => {
                ints.push(*dst);
                true
            }
            Inst::F64Const { dst, .. } => {
                floats.push(*dst);
                true
            }
            Inst::IncRef(v) | Inst::DecRef(v) => ints.contains(v),
            Inst::Call {
                dst: Some(dst),
                func,
                args,
                ..
            } => match args.as_slice() {
                [Arg::Value(a), Arg::Value(b)]
                    if ints.contains(a) && ints.contains(b) && int_op(*func).is_some() =>
                {
                    ints.push(*dst);
                    true
                }
                _ => false,
            },
            Inst::Prim { dst, op, args, .. } => {
                let all = |set: &Vec<ValueId>| args.iter().all(|a| set.contains(a));
                match op {
                    Prim::IntToFloat if all(&ints) => {
                        floats.push(*dst);
                        true
                    }
                    Prim::FAdd | Prim::FSub | Prim::FMul | Prim::FDiv if all(&floats) => {
                        floats.push(*dst);
                        true
                    }
                    // The returned box (`float_returns` made sure).
                    Prim::BoxFloat if all(&floats) => true,
                    _ => false,
                }
            }
            _ => false,
        };
        if !ok {
            return false;
        }
    }
    true
}

/// Int arithmetic computed inline.
#[derive(Clone, Copy)]
enum IntOp {
    Add,
    Sub,
    Mul,
    /// `>>` by a constant in 0..64; `//` and `%` by a positive constant.
    ShiftRight,
    FloorDiv,
    Mod,
}

fn int_op(f: RtFn) -> Option<IntOp> {
    Some(match f {
        RtFn::Add => IntOp::Add,
        RtFn::Sub => IntOp::Sub,
        RtFn::Mul => IntOp::Mul,
        RtFn::RShift => IntOp::ShiftRight,
        RtFn::FloorDiv => IntOp::FloorDiv,
        RtFn::Mod => IntOp::Mod,
        _ => return None,
    })
}

impl FnTranslator<'_, '_> {
    /// `callee`'s value for `args` (small ints, tagged), computed inline, or
    /// a jump to `bail` for anything it does not cover. The block current on
    /// return continues with the f64 result.
    pub(super) fn inline_pure_leaf(
        &mut self,
        callee: mir::FuncId,
        args: &[Value],
        bail: ir::Block,
    ) -> Result<Value, String> {
        let f: &Function = &self.module.funcs[callee];
        // The frame the call would enter must fit under the limit.
        let depth = self.callee_depth();
        let limit_addr = self.data_addr(self.cg.recursion_limit);
        let limit = self
            .b
            .ins()
            .load(WORD, MemFlagsData::trusted(), limit_addr, 0);
        let fits = self.b.ins().icmp(IntCC::SignedLessThan, depth, limit);
        self.continue_if(fits, bail);

        let entry = mir::ownership::reverse_postorder(f)[0];
        let block = &f.blocks[entry];
        let mut vals: HashMap<ValueId, Value> = HashMap::new();
        let get = |vals: &HashMap<ValueId, Value>, v: &ValueId| {
            vals.get(v)
                .copied()
                .ok_or_else(|| "an inlined value used before it is made".to_string())
        };
        for inst in &block.insts {
            match inst {
                Inst::LoadLocal { dst, local } => {
                    let k = f
                        .params
                        .iter()
                        .position(|p| p == local)
                        .ok_or("an inlined load of no parameter")?;
                    let n = self.b.ins().sshr_imm_s(args[k], 1);
                    vals.insert(*dst, n);
                }
                Inst::Word { dst, word } => {
                    let n = self.b.ins().iconst(types::I64, word >> 1);
                    vals.insert(*dst, n);
                }
                Inst::F64Const { dst, value } => {
                    let x = self.b.ins().f64const(*value);
                    vals.insert(*dst, x);
                }
                Inst::IncRef(_) | Inst::DecRef(_) => {}
                Inst::Call {
                    dst: Some(dst),
                    func,
                    args: call_args,
                    ..
                } => {
                    let [Arg::Value(a), Arg::Value(b)] = call_args.as_slice() else {
                        return Err("an inlined call of the wrong shape".into());
                    };
                    let op = int_op(*func).ok_or("an inlined call of no int op")?;
                    let (a, b) = (get(&vals, a)?, get(&vals, b)?);
                    let r = self.inline_int_op(op, a, b, bail);
                    vals.insert(*dst, r);
                }
                Inst::Prim { dst, op, args, .. } => {
                    let r = match op {
                        Prim::IntToFloat => {
                            let n = get(&vals, &args[0])?;
                            self.b.ins().fcvt_from_sint(types::F64, n)
                        }
                        Prim::FAdd | Prim::FSub | Prim::FMul | Prim::FDiv => {
                            let (x, y) = (get(&vals, &args[0])?, get(&vals, &args[1])?);
                            match op {
                                Prim::FAdd => self.b.ins().fadd(x, y),
                                Prim::FSub => self.b.ins().fsub(x, y),
                                Prim::FMul => self.b.ins().fmul(x, y),
                                _ => {
                                    let zero = self.b.ins().f64const(0.0);
                                    let nonzero = self.b.ins().fcmp(FloatCC::NotEqual, y, zero);
                                    self.continue_if(nonzero, bail);
                                    self.b.ins().fdiv(x, y)
                                }
                            }
                        }
                        Prim::BoxFloat => get(&vals, &args[0])?,
                        _ => return Err("an inlined op it cannot compute".into()),
                    };
                    vals.insert(*dst, r);
                }
                _ => return Err("an inlined instruction it cannot compute".into()),
            }
        }
        let Terminator::Return(v) = block.term else {
            return Err("an inlined function that does not return".into());
        };
        get(&vals, &v)
    }

    /// `a op b` on machine ints; leaves for `bail` past 64 bits (or for a
    /// shift or divisor the inline code does not take).
    fn inline_int_op(&mut self, op: IntOp, a: Value, b: Value, bail: ir::Block) -> Value {
        let (r, overflow) = match op {
            IntOp::Add => self.b.ins().sadd_overflow(a, b),
            IntOp::Sub => self.b.ins().ssub_overflow(a, b),
            IntOp::Mul => self.b.ins().smul_overflow(a, b),
            IntOp::ShiftRight => {
                let in_range = self.b.ins().icmp_imm_u(IntCC::UnsignedLessThan, b, 64);
                self.continue_if(in_range, bail);
                return self.b.ins().sshr(a, b);
            }
            IntOp::FloorDiv | IntOp::Mod => {
                // A positive divisor: `//` rounds toward minus infinity and
                // `%` takes the divisor's sign.
                let positive = self.b.ins().icmp_imm_s(IntCC::SignedGreaterThan, b, 0);
                self.continue_if(positive, bail);
                let q = self.b.ins().sdiv(a, b);
                let rem = self.b.ins().srem(a, b);
                let negative = self.b.ins().icmp_imm_s(IntCC::SignedLessThan, rem, 0);
                return match op {
                    IntOp::FloorDiv => {
                        let q1 = self.b.ins().iadd_imm_s(q, -1);
                        self.b.ins().select(negative, q1, q)
                    }
                    _ => {
                        let r1 = self.b.ins().iadd(rem, b);
                        self.b.ins().select(negative, r1, rem)
                    }
                };
            }
        };
        let fine = self.b.ins().icmp_imm_s(IntCC::Equal, overflow, 0);
        self.continue_if(fine, bail);
        r
    }
}
