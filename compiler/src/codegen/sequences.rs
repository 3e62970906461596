//! Inline paths for tuples and lists: `seq[i]` and `seq[i] = v` with a small
//! int index in range, unpacking of the exact number of items, and a `for`
//! loop's step over a list or a tuple. Each reads the object's items where the
//! runtime keeps them (`abi::SEQ_ITEMS_OFFSET`, checked at startup) and leaves
//! every other case (another type, an index that is no small int, a negative
//! index past the start, a wrong length, the end of the items) to the runtime
//! function the MIR names, which raises exactly as before.

use cranelift_codegen::ir::condcodes::IntCC;
use cranelift_codegen::ir::{self, BlockArg, InstBuilder, MemFlagsData, StackSlotData};
use cranelift_codegen::ir::{StackSlotKind, Value, types};
use skink_abi::{self as abi, RtFn};

use super::{FnTranslator, WORD};
use crate::mir;

/// Which objects an inline path takes.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Accept {
    TuplesAndLists,
    Lists,
}

impl FnTranslator<'_, '_> {
    /// The items pointer and length of `w` when `accept` takes it; else leaves
    /// for `otherwise`. Instances of `list` subclasses count as lists, as in
    /// the runtime's own short paths: they can define no special methods
    /// (`hir::lower` rejects such a class).
    fn seq_parts(&mut self, w: Value, accept: Accept, otherwise: ir::Block) -> (Value, Value) {
        let flags = MemFlagsData::trusted();
        let heap = self.is_heap(w);
        self.continue_if(heap, otherwise);
        let kind = self.b.ins().load(types::I32, flags, w, abi::KIND_OFFSET);
        let list = self
            .b
            .ins()
            .icmp_imm_s(IntCC::Equal, kind, i64::from(abi::kind::LIST));
        let taken = if accept == Accept::TuplesAndLists {
            let tuple = self
                .b
                .ins()
                .icmp_imm_s(IntCC::Equal, kind, i64::from(abi::kind::TUPLE));
            self.b.ins().bor(list, tuple)
        } else {
            list
        };
        self.continue_if(taken, otherwise);
        let items = self.b.ins().load(WORD, flags, w, abi::SEQ_ITEMS_OFFSET);
        let len = self.b.ins().load(WORD, flags, w, abi::SEQ_LEN_OFFSET);
        (items, len)
    }

    /// The address of item `index` of a sequence of `len` items at `items`,
    /// when `key` is a small int indexing it (negative from the end); else
    /// leaves for `otherwise`.
    fn item_address(
        &mut self,
        (items, len): (Value, Value),
        key: Value,
        otherwise: ir::Block,
    ) -> Value {
        let small = self.b.ins().band_imm_u(key, 1);
        self.continue_if(small, otherwise);
        let i = self.b.ins().sshr_imm_u(key, 1);
        let from_end = self.b.ins().iadd(i, len);
        let negative = self.b.ins().icmp_imm_s(IntCC::SignedLessThan, i, 0);
        let i = self.b.ins().select(negative, from_end, i);
        // Unsigned: a negative index still negative after adding the length
        // is past the end too.
        let inside = self.b.ins().icmp(IntCC::UnsignedLessThan, i, len);
        self.continue_if(inside, otherwise);
        let offset = self.b.ins().ishl_imm_u(i, 3);
        self.b.ins().iadd(items, offset)
    }

    /// `seq[key]`: inline for a tuple or list and a small int in range.
    pub(super) fn getitem(&mut self, args: &[Value], line: u32) -> Result<Value, String> {
        let [seq, key] = args else {
            return Err("getitem takes two operands".into());
        };
        let (slow, join) = (self.b.create_block(), self.b.create_block());
        let result = self.b.append_block_param(join, WORD);
        self.b.set_cold_block(slow);
        let parts = self.seq_parts(*seq, Accept::TuplesAndLists, slow);
        let at = self.item_address(parts, *key, slow);
        let item = self.b.ins().load(WORD, MemFlagsData::trusted(), at, 0);
        self.incref(item);
        self.b.ins().jump(join, &[BlockArg::Value(item)]);

        self.slow_call(slow, join, RtFn::GetItem, args, line)?;
        Ok(result)
    }

    /// The address of item `key` of `seq` when it is a list and `key` a small
    /// int in range; else leaves for `otherwise`.
    pub(super) fn list_item_address(
        &mut self,
        seq: Value,
        key: Value,
        otherwise: ir::Block,
    ) -> Value {
        let parts = self.seq_parts(seq, Accept::Lists, otherwise);
        self.item_address(parts, key, otherwise)
    }

    /// `seq[key] = value` (which borrows `value`): inline for a list and a small
    /// int in range.
    pub(super) fn setitem(&mut self, args: &[Value], line: u32) -> Result<Value, String> {
        let [seq, key, value] = args else {
            return Err("setitem takes three operands".into());
        };
        let (slow, join) = (self.b.create_block(), self.b.create_block());
        let result = self.b.append_block_param(join, types::I32);
        self.b.set_cold_block(slow);
        let at = self.list_item_address(*seq, *key, slow);
        let flags = MemFlagsData::trusted();
        self.incref(*value);
        let old = self.b.ins().load(WORD, flags, at, 0);
        self.b.ins().store(flags, *value, at, 0);
        // Released after the store, as the runtime's `list[i] = v` does.
        self.decref(old, false);
        let done = self.b.ins().iconst(types::I32, 0);
        self.b.ins().jump(join, &[BlockArg::Value(done)]);

        self.slow_call(slow, join, RtFn::SetItem, args, line)?;
        Ok(result)
    }

    /// `a, b, c = value`: inline for a tuple or list of exactly
    /// `dsts.len()` items; defines `dsts` with new references.
    pub(super) fn unpack(
        &mut self,
        value: mir::ValueId,
        dsts: &[mir::ValueId],
        line: u32,
    ) -> Result<(), String> {
        let v = self.val(value);
        let (slow, join) = (self.b.create_block(), self.b.create_block());
        let results: Vec<Value> = dsts
            .iter()
            .map(|_| self.b.append_block_param(join, WORD))
            .collect();
        self.b.set_cold_block(slow);
        let (items, len) = self.seq_parts(v, Accept::TuplesAndLists, slow);
        let exact = self
            .b
            .ins()
            .icmp_imm_s(IntCC::Equal, len, dsts.len() as i64);
        self.continue_if(exact, slow);
        let flags = MemFlagsData::trusted();
        let mut loaded = Vec::with_capacity(dsts.len());
        for i in 0..dsts.len() {
            let item = self.b.ins().load(WORD, flags, items, (i * 8) as i32);
            self.incref(item);
            loaded.push(BlockArg::Value(item));
        }
        self.b.ins().jump(join, &loaded);

        self.b.switch_to_block(slow);
        let items: Vec<BlockArg> = self
            .unpack_call(v, dsts.len(), None, line)?
            .into_iter()
            .map(BlockArg::Value)
            .collect();
        self.b.ins().jump(join, &items);
        self.b.switch_to_block(join);
        for (d, r) in dsts.iter().zip(results) {
            self.def(*d, r);
        }
        Ok(())
    }

    /// The runtime's unpacking of `v` into `count` new references (with `star`,
    /// the items between the first `star` and the rest gathered in a list).
    pub(super) fn unpack_call(
        &mut self,
        v: Value,
        count: usize,
        star: Option<usize>,
        line: u32,
    ) -> Result<Vec<Value>, String> {
        let slot = self.b.create_sized_stack_slot(StackSlotData::new(
            StackSlotKind::ExplicitSlot,
            (count.max(1) * 8) as u32,
            3,
        ));
        let ptr = self.b.ins().stack_addr(types::I64, slot, 0);
        let (f, r) = match star {
            None => {
                let n = self.b.ins().iconst(types::I64, count as i64);
                (RtFn::Unpack, self.rt_call(RtFn::Unpack, &[v, n, ptr]))
            }
            Some(i) => {
                let before = self.b.ins().iconst(types::I64, i as i64);
                let after = self.b.ins().iconst(types::I64, (count - 1 - i) as i64);
                let r = self.rt_call(RtFn::UnpackEx, &[v, before, after, ptr]);
                (RtFn::UnpackEx, r)
            }
        };
        self.check_result(f, r, line)?;
        Ok((0..count)
            .map(|i| {
                self.b
                    .ins()
                    .stack_load(types::I64, WORD, slot, (i * 8) as i32)
            })
            .collect())
    }

    /// The next item of `it`, a `for` loop's iterator, when it walks a list or
    /// a tuple and has not reached the end; else leaves for `otherwise`.
    /// Mirrors the runtime's step: a list's current length bounds each step.
    pub(super) fn seq_iter_next(&mut self, it: Value, kind: Value, otherwise: ir::Block) -> Value {
        let flags = MemFlagsData::trusted();
        let iter = self
            .b
            .ins()
            .icmp_imm_s(IntCC::Equal, kind, i64::from(abi::kind::ITER));
        self.continue_if(iter, otherwise);
        let tag = self
            .b
            .ins()
            .load(types::I32, flags, it, abi::ITER_TAG_OFFSET);
        let seq_state = self
            .b
            .ins()
            .icmp_imm_s(IntCC::Equal, tag, i64::from(abi::ITER_SEQ_TAG));
        self.continue_if(seq_state, otherwise);
        let seq = self.b.ins().load(WORD, flags, it, abi::ITER_SEQ_OFFSET);
        let seq_kind = self.b.ins().load(types::I32, flags, seq, abi::KIND_OFFSET);
        let tuple = self
            .b
            .ins()
            .icmp_imm_s(IntCC::Equal, seq_kind, i64::from(abi::kind::TUPLE));
        let list = self
            .b
            .ins()
            .icmp_imm_s(IntCC::Equal, seq_kind, i64::from(abi::kind::LIST));
        let either = self.b.ins().bor(tuple, list);
        self.continue_if(either, otherwise);
        let pos = self.b.ins().load(WORD, flags, it, abi::ITER_POS_OFFSET);
        let len = self.b.ins().load(WORD, flags, seq, abi::SEQ_LEN_OFFSET);
        let more = self.b.ins().icmp(IntCC::UnsignedLessThan, pos, len);
        self.continue_if(more, otherwise);
        let items = self.b.ins().load(WORD, flags, seq, abi::SEQ_ITEMS_OFFSET);
        let offset = self.b.ins().ishl_imm_u(pos, 3);
        let at = self.b.ins().iadd(items, offset);
        let item = self.b.ins().load(WORD, flags, at, 0);
        self.incref(item);
        let next = self.b.ins().iadd_imm_s(pos, 1);
        self.b.ins().store(flags, next, it, abi::ITER_POS_OFFSET);
        item
    }
}
