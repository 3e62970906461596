//! HIR -> MIR: structured control flow becomes blocks, every value becomes an owned
//! reference released exactly once. This is the one place that decides ownership
//! (see the rules in `mir`).

use std::collections::HashMap;

use num_traits::ToPrimitive;
use skink_abi::{self as abi, RtFn};

use crate::diagnostic::{SourceFile, Span};
use crate::hir::{
    self, BinOp, CmpOp, CompKind, ExprKind, FPart, ForIter, SlotSource, StmtKind, Target, UnaryOp,
    Var,
};
use crate::mir::*;

/// Interns constants across the module.
#[derive(Default)]
struct Consts {
    table: PrimaryMap<ConstId, Const>,
    seen: HashMap<String, ConstId>,
    /// Constant set displays by content: the item order of the first one. CPython
    /// shares one frozenset constant among equal displays of a module, so later
    /// ones take its layout.
    set_displays: HashMap<Vec<String>, Vec<String>>,
}

impl Consts {
    fn intern(&mut self, c: Const) -> ConstId {
        let key = format!("{c:?}");
        if let Some(&id) = self.seen.get(&key) {
            return id;
        }
        let id = self.table.push(c);
        self.seen.insert(key, id);
        id
    }
}

/// The step of `range(...)` when it is a nonzero int literal small enough for
/// a counter's increment (1 when absent); a zero step is left to the runtime,
/// which raises.
fn constant_step(args: &[hir::Expr]) -> Option<i64> {
    let step = match args {
        [_] | [_, _] => return Some(1),
        [_, _, step] => step,
        _ => return None,
    };
    let literal = |e: &hir::Expr| match &e.kind {
        ExprKind::Int(i) => i.to_i64(),
        _ => None,
    };
    let value = match &step.kind {
        ExprKind::Unary(UnaryOp::Neg, inner) => literal(inner).map(|i| -i),
        _ => literal(step),
    }?;
    (value != 0 && value.unsigned_abs() < 1 << 32).then_some(value)
}

/// Lowers a whole module.
pub fn lower(module: &hir::Module, file: &SourceFile) -> Module {
    let mut consts = Consts::default();
    let mut funcs = PrimaryMap::new();
    for (id, f) in &module.funcs {
        let is_module = Some(id) == module.main;
        let built = FnBuilder::build(module, f, is_module, file, &mut consts);
        funcs.push(built);
    }
    Module {
        funcs,
        consts: consts.table,
        globals: module.globals.values().map(|g| g.name.clone()).collect(),
        main: module.main.unwrap_or_else(|| FuncId::from_u32(0)),
        file: file.path.clone(),
    }
}

/// What leaving a statement early (`break`, `continue`, `return`) must do on the way out.
enum Exit<'a> {
    Loop {
        continue_to: BlockId,
        break_to: BlockId,
        /// The iterator a `break` releases.
        iter: Option<ValueId>,
    },
    /// Run a `finally` body, under the handler outside its `try`.
    Finally {
        body: &'a [hir::Stmt],
        outer_handler: Option<BlockId>,
    },
    /// Leave an `except` clause (or a `finally` run for an exception): unbind the
    /// name, drop the exception being handled.
    Handler {
        exc: Option<ValueId>,
        name: Option<Var>,
        outer_handler: Option<BlockId>,
    },
}

struct FnBuilder<'a> {
    hir: &'a hir::Module,
    /// The function being lowered.
    func: &'a hir::Function,
    file: &'a SourceFile,
    consts: &'a mut Consts,
    f: Function,
    cur: BlockId,
    exits: Vec<Exit<'a>>,
    /// The handler of the blocks created now.
    handler: Option<BlockId>,
}

fn binop_fn(op: BinOp) -> RtFn {
    match op {
        BinOp::Add => RtFn::Add,
        BinOp::Sub => RtFn::Sub,
        BinOp::Mul => RtFn::Mul,
        BinOp::TrueDiv => RtFn::TrueDiv,
        BinOp::FloorDiv => RtFn::FloorDiv,
        BinOp::Mod => RtFn::Mod,
        BinOp::Pow => RtFn::Pow,
        BinOp::LShift => RtFn::LShift,
        BinOp::RShift => RtFn::RShift,
        BinOp::BitAnd => RtFn::BitAnd,
        BinOp::BitOr => RtFn::BitOr,
        BinOp::BitXor => RtFn::BitXor,
    }
}

/// Whether CPython's compiler folds `e` into a constant.
fn is_constant(e: &hir::Expr) -> bool {
    match &e.kind {
        ExprKind::None
        | ExprKind::Bool(_)
        | ExprKind::Int(_)
        | ExprKind::Float(_)
        | ExprKind::Str(_)
        | ExprKind::Bytes(_) => true,
        ExprKind::Unary(UnaryOp::Neg | UnaryOp::Pos | UnaryOp::Invert, inner) => {
            matches!(inner.kind, ExprKind::Int(_) | ExprKind::Float(_)) || fold_int(inner).is_some()
        }
        ExprKind::Binary(..) => fold_int(e).is_some(),
        ExprKind::Tuple(items) => items.iter().all(is_constant),
        ExprKind::Subscript(..) => folded_subscript(e).is_some(),
        _ => false,
    }
}

/// Where a comprehension's elements go.
#[derive(Clone, Copy)]
enum Accumulator {
    /// The list, set or dict being built.
    Container(ValueId),
    /// The hidden local holding `sum`'s running total.
    Total(LocalId),
}

/// A loop's head (where `continue` goes), the block of its `else` and the block
/// after it (where `break` goes).
#[derive(Clone, Copy)]
struct LoopBlocks {
    head: BlockId,
    else_b: BlockId,
    exit: BlockId,
}

/// A comprehension's parts, as `ExprKind::Comprehension` holds them.
struct Comprehension<'e> {
    kind: CompKind,
    elt: &'e hir::Expr,
    value: Option<&'e hir::Expr>,
    generators: &'e [hir::Generator],
    cells: &'e [LocalId],
    generator: bool,
}

/// What CPython's AST optimizer folds `constant[constant]` to (`fold_subscr`):
/// an item of a constant tuple, or a character of a str; `None` where it does not
/// fold (other operands, or an index the item lookup would reject).
enum Folded<'a> {
    Item(&'a hir::Expr),
    Char(char),
}

fn folded_subscript(e: &hir::Expr) -> Option<Folded<'_>> {
    let ExprKind::Subscript(value, index) = &e.kind else {
        return None;
    };
    let index = i64::try_from(fold_int(index)?).ok()?;
    let pick = |len: usize| {
        let len = i64::try_from(len).ok()?;
        let i = if index < 0 { index + len } else { index };
        (0..len).contains(&i).then_some(i as usize)
    };
    match &value.kind {
        ExprKind::Tuple(items) if items.iter().all(is_constant) => {
            pick(items.len()).map(|i| Folded::Item(&items[i]))
        }
        ExprKind::Str(s) => {
            let n = s.chars().count();
            pick(n).and_then(|i| s.chars().nth(i)).map(Folded::Char)
        }
        _ => None,
    }
}

/// A key telling constants apart as CPython's constant cache does (by type and value).
fn constant_key(e: &hir::Expr) -> Option<String> {
    Some(match &e.kind {
        ExprKind::None => "n".into(),
        ExprKind::Bool(b) => format!("b{b}"),
        ExprKind::Float(x) => format!("f{}", x.to_bits()),
        ExprKind::Str(s) => format!("s{s:?}"),
        ExprKind::Bytes(b) => format!("y{b:?}"),
        ExprKind::Unary(UnaryOp::Neg, inner) if matches!(inner.kind, ExprKind::Float(_)) => {
            let ExprKind::Float(x) = inner.kind else {
                return None;
            };
            format!("f{}", (-x).to_bits())
        }
        ExprKind::Tuple(items) => {
            let parts: Vec<String> = items.iter().map(constant_key).collect::<Option<_>>()?;
            format!("t({})", parts.join(","))
        }
        ExprKind::Subscript(..) => match folded_subscript(e)? {
            Folded::Item(item) => return constant_key(item),
            Folded::Char(c) => format!("s{:?}", c.to_string()),
        },
        _ => format!("i{}", fold_int(e)?),
    })
}

/// The value CPython's AST optimizer folds an int expression to, within its size
/// limits (`safe_multiply`, `safe_power`, `safe_lshift`: 128 bits).
fn fold_int(e: &hir::Expr) -> Option<num_bigint::BigInt> {
    use num_bigint::BigInt;
    use num_integer::Integer;
    use num_traits::{Signed, Zero};
    const MAX_INT_BITS: u64 = 128;
    match &e.kind {
        ExprKind::Int(i) => Some(i.clone()),
        ExprKind::Subscript(..) => match folded_subscript(e)? {
            Folded::Item(item) => fold_int(item),
            Folded::Char(_) => None,
        },
        ExprKind::Unary(UnaryOp::Neg, a) => fold_int(a).map(|v| -v),
        ExprKind::Unary(UnaryOp::Pos, a) => fold_int(a),
        ExprKind::Unary(UnaryOp::Invert, a) => fold_int(a).map(|v| -v - 1),
        ExprKind::Binary(op, a, b) => {
            let (x, y) = (fold_int(a)?, fold_int(b)?);
            let bits = |v: &BigInt| v.bits();
            Some(match op {
                BinOp::Add => x + y,
                BinOp::Sub => x - y,
                BinOp::Mul => {
                    if !x.is_zero() && !y.is_zero() && bits(&x) + bits(&y) > MAX_INT_BITS {
                        return None;
                    }
                    x * y
                }
                BinOp::FloorDiv if !y.is_zero() => x.div_floor(&y),
                BinOp::Mod if !y.is_zero() => x.mod_floor(&y),
                BinOp::Pow if !y.is_negative() => {
                    let w: u64 = y.try_into().ok()?;
                    if !x.is_zero() && w > 0 && bits(&x) > MAX_INT_BITS / w {
                        return None;
                    }
                    num_traits::pow(x, usize::try_from(w).ok()?)
                }
                BinOp::LShift if !y.is_negative() => {
                    let w: u64 = (&y).try_into().ok()?;
                    if w > MAX_INT_BITS || (!x.is_zero() && bits(&x) > MAX_INT_BITS - w) {
                        return None;
                    }
                    x << w
                }
                BinOp::RShift if !y.is_negative() => {
                    let w: u64 = (&y).try_into().unwrap_or(u64::MAX).min(1 << 20);
                    x >> w
                }
                BinOp::BitAnd => x & y,
                BinOp::BitOr => x | y,
                BinOp::BitXor => x ^ y,
                _ => return None,
            })
        }
        _ => None,
    }
}

fn inplace_code(op: BinOp) -> i64 {
    use abi::inplace::*;
    match op {
        BinOp::Add => ADD,
        BinOp::Sub => SUB,
        BinOp::Mul => MUL,
        BinOp::TrueDiv => TRUEDIV,
        BinOp::FloorDiv => FLOORDIV,
        BinOp::Mod => MOD,
        BinOp::Pow => POW,
        BinOp::LShift => LSHIFT,
        BinOp::RShift => RSHIFT,
        BinOp::BitAnd => AND,
        BinOp::BitOr => OR,
        BinOp::BitXor => XOR,
    }
}

impl<'a> FnBuilder<'a> {
    fn build(
        hir: &'a hir::Module,
        func: &'a hir::Function,
        is_module: bool,
        file: &'a SourceFile,
        consts: &'a mut Consts,
    ) -> Function {
        let mut f = Function {
            name: func.name.clone(),
            is_module,
            is_generator: func.is_generator,
            params: func.params.clone(),
            locals: func.locals.clone(),
            local_tys: SecondaryMap::with_default(Ty::Word),
            specialized: false,
            ints: Default::default(),
            values: PrimaryMap::new(),
            blocks: PrimaryMap::new(),
        };
        let entry = f.blocks.push(Block::default());
        let mut b = FnBuilder {
            hir,
            func,
            file,
            consts,
            f,
            cur: entry,
            exits: Vec::new(),
            handler: None,
        };
        b.prologue(func);
        b.stmts(&func.body);
        let none = b.word(abi::NONE);
        b.terminate(Terminator::Return(none));
        b.f
    }

    fn line(&self, span: Span) -> u32 {
        self.file.line(span.start)
    }

    /// Takes the closure's cells and makes the cells of captured locals (a
    /// captured parameter moves into its cell).
    fn prologue(&mut self, func: &hir::Function) {
        for (i, &l) in func.frees.iter().enumerate() {
            let dst = self.value(Ty::Word);
            self.emit(Inst::ClosureCell {
                dst,
                index: i as u32,
            });
            self.emit(Inst::StoreLocal { local: l, src: dst });
        }
        for &l in &func.cells {
            self.new_cell(l, func.params.contains(&l));
        }
    }

    /// Replaces local `l` by a cell holding its value (or an unbound cell).
    fn new_cell(&mut self, l: LocalId, keep_value: bool) {
        let init = if keep_value {
            let v = self.value(Ty::Word);
            self.emit(Inst::LoadLocal { dst: v, local: l });
            v
        } else {
            self.word(abi::NULL)
        };
        let cell = self.call(RtFn::CellNew, vec![Arg::Value(init)], 0);
        if !keep_value {
            self.decref(init);
        }
        self.emit(Inst::StoreLocal {
            local: l,
            src: cell,
        });
    }

    /// Borrows the cell object a local holds.
    fn cell_of(&mut self, l: LocalId) -> ValueId {
        let cell = self.value(Ty::Word);
        self.emit(Inst::LoadLocal {
            dst: cell,
            local: l,
        });
        cell
    }

    fn value(&mut self, ty: Ty) -> ValueId {
        self.f.values.push(ty)
    }

    fn emit(&mut self, inst: Inst) {
        self.f.blocks[self.cur].insts.push(inst);
    }

    fn new_block(&mut self) -> BlockId {
        self.f.blocks.push(Block {
            handler: self.handler,
            ..Block::default()
        })
    }

    /// Continues in a fresh block (created under the current handler).
    fn continue_in_new_block(&mut self) -> BlockId {
        let b = self.new_block();
        self.terminate(Terminator::Jump(b, vec![]));
        self.switch_to(b);
        b
    }

    /// Ends the current block; what follows goes to a fresh (unreachable) block.
    fn terminate(&mut self, term: Terminator) {
        self.f.blocks[self.cur].term = term;
        self.cur = self.new_block();
    }

    fn switch_to(&mut self, b: BlockId) {
        self.cur = b;
    }

    fn word(&mut self, word: i64) -> ValueId {
        let dst = self.value(Ty::Word);
        self.emit(Inst::Word { dst, word });
        dst
    }

    fn call(&mut self, func: RtFn, args: Vec<Arg>, line: u32) -> ValueId {
        let ty = match func.ret() {
            Some(abi::AbiType::I32) => Ty::I32,
            _ => Ty::Word,
        };
        let dst = self.value(ty);
        self.emit(Inst::Call {
            dst: Some(dst),
            func,
            args,
            line,
        });
        dst
    }

    fn decref(&mut self, v: ValueId) {
        self.emit(Inst::DecRef(v));
    }

    /// Calls a runtime function that always raises; code after it is dead.
    fn raise(&mut self, func: RtFn, args: Vec<Arg>, line: u32) {
        self.call(func, args, line);
        self.terminate(Terminator::Unreachable);
    }

    fn copy(&mut self, src: ValueId) -> ValueId {
        let dst = self.value(Ty::Word);
        self.emit(Inst::Copy { dst, src });
        dst
    }

    fn text_const(&mut self, s: &str) -> ValueId {
        self.constant(Const::Str(s.to_string()))
    }

    fn store_var(&mut self, var: Var, src: ValueId) {
        match var {
            Var::Local(local) => self.emit(Inst::StoreLocal { local, src }),
            Var::Global(global) => self.emit(Inst::StoreGlobal { global, src }),
            Var::Cell(local) => {
                let cell = self.cell_of(local);
                self.emit(Inst::StoreCell { cell, src });
            }
        }
    }

    /// Unbinds a variable without checking it was bound (end of an `except` clause).
    fn unbind(&mut self, var: Var) {
        let null = self.word(abi::NULL);
        self.store_var(var, null);
    }

    /// Runs the exit actions above `keep` (innermost first), as leaving them requires.
    fn run_exits(&mut self, keep: usize) {
        let saved_handler = self.handler;
        let mut i = self.exits.len();
        while i > keep {
            i -= 1;
            match &self.exits[i] {
                Exit::Loop { .. } => {}
                Exit::Finally {
                    body,
                    outer_handler,
                } => {
                    let (body, outer) = (*body, *outer_handler);
                    self.handler = outer;
                    self.continue_in_new_block();
                    let inner = self.exits.split_off(i);
                    self.stmts(body);
                    self.exits.extend(inner);
                }
                Exit::Handler {
                    exc,
                    name,
                    outer_handler,
                } => {
                    let (exc, name, outer) = (*exc, *name, *outer_handler);
                    self.handler = outer;
                    self.continue_in_new_block();
                    if let Some(n) = name {
                        self.unbind(n);
                    }
                    self.call_void(RtFn::ExcEnd, vec![]);
                    if let Some(e) = exc {
                        self.decref(e);
                    }
                }
            }
        }
        self.handler = saved_handler;
    }

    fn call_void(&mut self, func: RtFn, args: Vec<Arg>) {
        self.emit(Inst::Call {
            dst: None,
            func,
            args,
            line: 0,
        });
    }

    fn innermost_loop(&self) -> usize {
        self.exits
            .iter()
            .rposition(|e| matches!(e, Exit::Loop { .. }))
            .expect("break and continue outside a loop are rejected by HIR lowering")
    }

    // ---- statements ----

    fn stmts(&mut self, body: &'a [hir::Stmt]) {
        for s in body {
            self.stmt(s);
        }
    }

    fn stmt(&mut self, s: &'a hir::Stmt) {
        match &s.kind {
            StmtKind::Expr(e) => {
                let v = self.expr(e);
                self.decref(v);
            }
            StmtKind::Pass => {}
            StmtKind::Seq(body) => self.stmts(body),
            StmtKind::Assign { targets, value } => self.assign(targets, value),
            StmtKind::AugAssign { target, op, value } => self.aug_assign(target, *op, value),
            StmtKind::Try {
                body,
                handlers,
                orelse,
                finalbody,
            } => self.try_stmt(body, handlers, orelse, finalbody),
            StmtKind::Class {
                name,
                qualname,
                ns,
                class_cell,
                decorators,
                bases,
                body,
                target,
            } => {
                let line = self.line(s.span);
                let decorators: Vec<ValueId> = decorators.iter().map(|d| self.expr(d)).collect();
                let bases: Vec<ValueId> = bases.iter().map(|b| self.expr(b)).collect();
                let bases = self.call(RtFn::TupleNew, vec![Arg::Array(bases)], line);
                let module_key = self.text_const("__module__");
                let module = self.text_const("__main__");
                let qual_key = self.text_const("__qualname__");
                let qual = self.text_const(qualname);
                let kv = vec![module_key, module, qual_key, qual];
                let dict = self.call(RtFn::DictNew, vec![Arg::Array(kv.clone())], line);
                for v in kv {
                    self.decref(v);
                }
                self.emit(Inst::StoreLocal {
                    local: *ns,
                    src: dict,
                });
                if let Some(c) = class_cell {
                    self.new_cell(*c, false);
                }
                self.stmts(body);
                let nsv = self.cell_of(*ns);
                let mut cls = self.call(
                    RtFn::BuildClass,
                    vec![
                        Arg::Text(name.clone()),
                        Arg::Text(qualname.clone()),
                        Arg::Value(bases),
                        Arg::Value(nsv),
                    ],
                    line,
                );
                self.decref(bases);
                if let Some(c) = class_cell {
                    let cell = self.cell_of(*c);
                    let v = self.copy(cls);
                    self.emit(Inst::StoreCell { cell, src: v });
                }
                for d in decorators.into_iter().rev() {
                    let none = self.word(abi::NULL);
                    let r = self.call(
                        RtFn::Call,
                        vec![Arg::Value(d), Arg::Array(vec![cls]), Arg::Value(none)],
                        line,
                    );
                    self.decref(cls);
                    self.decref(d);
                    cls = r;
                }
                self.store(target, cls, line);
                self.unbind(Var::Local(*ns));
                if let Some(c) = class_cell {
                    self.unbind(Var::Local(*c));
                }
            }
            StmtKind::Raise { exc, cause } => {
                let line = self.line(s.span);
                match exc {
                    None => self.raise(RtFn::Reraise, vec![], line),
                    Some(e) => {
                        let v = self.expr(e);
                        let c = match cause {
                            Some(c) => self.expr(c),
                            None => self.word(abi::NULL),
                        };
                        self.raise(RtFn::Raise, vec![Arg::Value(v), Arg::Value(c)], line);
                    }
                }
            }
            StmtKind::Assert { test, msg } => {
                let line = self.line(s.span);
                let (ok, fail) = (self.new_block(), self.new_block());
                self.branch_on(test, ok, fail);
                self.switch_to(fail);
                let m = match msg {
                    Some(m) => self.expr(m),
                    None => self.word(abi::NULL),
                };
                self.raise(RtFn::AssertFail, vec![Arg::Value(m)], line);
                self.switch_to(ok);
            }
            StmtKind::Del(targets) => {
                for t in targets {
                    self.del(t);
                }
            }
            StmtKind::If { test, body, orelse } => {
                let (then_b, else_b, join) = (self.new_block(), self.new_block(), self.new_block());
                self.branch_on(test, then_b, else_b);
                self.switch_to(then_b);
                self.stmts(body);
                self.terminate(Terminator::Jump(join, vec![]));
                self.switch_to(else_b);
                self.stmts(orelse);
                self.terminate(Terminator::Jump(join, vec![]));
                self.switch_to(join);
            }
            StmtKind::While { test, body, orelse } => {
                let (blocks, body_b) = self.enter_loop();
                let LoopBlocks { else_b, .. } = blocks;
                self.branch_on(test, body_b, else_b);
                self.switch_to(body_b);
                self.loop_body_and_else(blocks, None, body, orelse);
            }
            StmtKind::For {
                target,
                iter,
                body,
                orelse,
            } => self.for_loop(s.span, target, iter, body, orelse),
            StmtKind::Break => {
                let li = self.innermost_loop();
                self.run_exits(li + 1);
                if let Exit::Loop { break_to, iter, .. } = self.exits[li] {
                    if let Some(it) = iter {
                        self.decref(it);
                    }
                    self.terminate(Terminator::Jump(break_to, vec![]));
                }
            }
            StmtKind::Continue => {
                let li = self.innermost_loop();
                self.run_exits(li + 1);
                if let Exit::Loop { continue_to, .. } = self.exits[li] {
                    self.terminate(Terminator::Jump(continue_to, vec![]));
                }
            }
            StmtKind::Return(value) => {
                let v = match value {
                    Some(e) => self.expr(e),
                    None => self.word(abi::NONE),
                };
                // Iterators of enclosing loops are released by the ownership pass.
                self.run_exits(0);
                self.terminate(Terminator::Return(v));
            }
        }
    }

    fn try_stmt(
        &mut self,
        body: &'a [hir::Stmt],
        handlers: &'a [hir::Handler],
        orelse: &'a [hir::Stmt],
        finalbody: &'a [hir::Stmt],
    ) {
        let outer = self.handler;
        let fin_exc = (!finalbody.is_empty()).then(|| self.new_block());
        let after = self.new_block();
        let inner_outer = fin_exc.or(outer);
        self.handler = inner_outer;
        let dispatch = (!handlers.is_empty()).then(|| self.new_block());
        if fin_exc.is_some() {
            self.exits.push(Exit::Finally {
                body: finalbody,
                outer_handler: outer,
            });
        }

        self.handler = dispatch.or(inner_outer);
        let body_start = self.continue_in_new_block();
        self.stmts(body);
        self.handler = inner_outer;
        self.continue_in_new_block();
        self.stmts(orelse);
        self.terminate(Terminator::Jump(after, vec![]));

        if let Some(d) = dispatch {
            self.f.blocks[d].catch_state = Some(body_start);
            self.switch_to(d);
            let exc = self.call(RtFn::ExcFetch, vec![], 0);
            // An exception while matching (evaluating a clause's class, a class
            // that is not an exception) ends the handling of this one.
            let match_cleanup = self.new_block();
            self.handler = Some(match_cleanup);
            self.continue_in_new_block();
            for h in handlers {
                let line = self.line(h.span);
                let mut no_match = None;
                if let Some(class) = &h.class {
                    let cls = self.expr(class);
                    let m = self.call(
                        RtFn::ExcMatches,
                        vec![Arg::Value(exc), Arg::Value(cls)],
                        line,
                    );
                    self.decref(cls);
                    let (yes, no) = (self.new_block(), self.new_block());
                    self.terminate(Terminator::Branch {
                        cond: m,
                        then_: yes,
                        else_: no,
                    });
                    self.switch_to(yes);
                    no_match = Some(no);
                }
                let e = self.copy(exc);
                match h.name {
                    Some(name) => self.store_var(name, e),
                    None => self.decref(e),
                }
                self.decref(exc);
                self.handler = inner_outer;
                let cleanup = self.new_block();
                self.handler = Some(cleanup);
                let clause_start = self.continue_in_new_block();
                self.f.blocks[cleanup].catch_state = Some(clause_start);
                self.exits.push(Exit::Handler {
                    exc: None,
                    name: h.name,
                    outer_handler: inner_outer,
                });
                self.stmts(&h.body);
                self.exits.pop();
                if let Some(n) = h.name {
                    self.unbind(n);
                }
                self.call_void(RtFn::ExcEnd, vec![]);
                self.terminate(Terminator::Jump(after, vec![]));
                self.handler = Some(match_cleanup);
                self.switch_to(cleanup);
                if let Some(n) = h.name {
                    self.unbind(n);
                }
                self.call_void(RtFn::ExcEnd, vec![]);
                self.terminate(Terminator::Unwind);
                match no_match {
                    Some(no) => self.switch_to(no),
                    None => break,
                }
            }
            if handlers.last().is_some_and(|h| h.class.is_some()) {
                // No clause matched: the exception goes on.
                self.call_void(RtFn::ExcRestore, vec![Arg::Value(exc)]);
                self.decref(exc);
                self.terminate(Terminator::Unwind);
            }
            self.handler = inner_outer;
            self.f.blocks[match_cleanup].catch_state = Some(d);
            self.switch_to(match_cleanup);
            self.call_void(RtFn::ExcEnd, vec![]);
            self.terminate(Terminator::Unwind);
        }
        if fin_exc.is_some() {
            self.exits.pop();
        }

        if let Some(fe) = fin_exc {
            // The `finally` body on the way of an exception.
            self.f.blocks[fe].catch_state = Some(body_start);
            self.handler = outer;
            self.switch_to(fe);
            let exc = self.call(RtFn::ExcFetch, vec![], 0);
            let cleanup = self.new_block();
            self.handler = Some(cleanup);
            let fin_start = self.continue_in_new_block();
            self.f.blocks[cleanup].catch_state = Some(fin_start);
            self.exits.push(Exit::Handler {
                exc: Some(exc),
                name: None,
                outer_handler: outer,
            });
            self.stmts(finalbody);
            self.exits.pop();
            self.handler = outer;
            self.continue_in_new_block();
            self.call_void(RtFn::ExcRestore, vec![Arg::Value(exc)]);
            self.decref(exc);
            self.terminate(Terminator::Unwind);
            self.switch_to(cleanup);
            self.call_void(RtFn::ExcEnd, vec![]);
            self.decref(exc);
            self.terminate(Terminator::Unwind);
        }

        self.handler = outer;
        self.switch_to(after);
        if fin_exc.is_some() {
            self.stmts(finalbody);
        }
    }

    fn for_loop(
        &mut self,
        span: Span,
        target: &'a Target,
        it: &'a ForIter,
        body: &'a [hir::Stmt],
        orelse: &'a [hir::Stmt],
    ) {
        let line = self.line(span);
        if let ForIter::Range(args) = it
            && let Some(step) = constant_step(args)
        {
            return self.counted_loop(line, target, args, step, body, orelse);
        }
        let iter = match it {
            ForIter::Range(args) => {
                let values: Vec<ValueId> = args.iter().map(|a| self.expr(a)).collect();
                let iter = self.call(RtFn::RangeIter, vec![Arg::Array(values.clone())], line);
                for v in values {
                    self.decref(v);
                }
                iter
            }
            ForIter::Value(e) | ForIter::Enumerate(e, _) => {
                let v = self.expr(e);
                let iter = self.call(RtFn::Iter, vec![Arg::Value(v)], line);
                self.decref(v);
                iter
            }
        };
        let count = match it {
            ForIter::Enumerate(_, count) => Some(count.as_ref()),
            ForIter::Range(_) | ForIter::Value(_) => None,
        };
        self.start_count(count);
        let (blocks, body_b) = self.enter_loop();
        let LoopBlocks { else_b, .. } = blocks;
        let item = self.next_item(iter, line, else_b, body_b);
        self.step_count(count);
        self.store(target, item, line);
        self.loop_body_and_else(blocks, Some(iter), body, orelse);
    }

    /// Starts a loop: jumps to a new head block and continues there; returns the
    /// loop's blocks and the (still empty) first block of its body.
    fn enter_loop(&mut self) -> (LoopBlocks, BlockId) {
        let (head, body_b, else_b, exit) = (
            self.new_block(),
            self.new_block(),
            self.new_block(),
            self.new_block(),
        );
        self.terminate(Terminator::Jump(head, vec![]));
        self.switch_to(head);
        (LoopBlocks { head, else_b, exit }, body_b)
    }

    /// A loop's body (in the current block) and its `else` (in `else_b`); the
    /// loop's iterator, if it has one, is released when it is exhausted.
    fn loop_body_and_else(
        &mut self,
        blocks: LoopBlocks,
        iter: Option<ValueId>,
        body: &'a [hir::Stmt],
        orelse: &'a [hir::Stmt],
    ) {
        let LoopBlocks { head, else_b, exit } = blocks;
        self.exits.push(Exit::Loop {
            continue_to: head,
            break_to: exit,
            iter,
        });
        self.stmts(body);
        self.exits.pop();
        self.terminate(Terminator::Jump(head, vec![]));
        self.switch_to(else_b);
        if let Some(iter) = iter {
            self.decref(iter);
        }
        self.stmts(orelse);
        self.terminate(Terminator::Jump(exit, vec![]));
        self.switch_to(exit);
    }

    /// `for target in range(...)` with a constant step: the range is made (and
    /// its arguments checked) once, then a hidden counter runs from its start
    /// while it is below its stop (above, for a negative step). The counter
    /// is an int local, so the loop needs no iterator object and, in the
    /// small-int copy, no memory.
    fn counted_loop(
        &mut self,
        line: u32,
        target: &'a Target,
        args: &'a [hir::Expr],
        step: i64,
        body: &'a [hir::Stmt],
        orelse: &'a [hir::Stmt],
    ) {
        let values: Vec<ValueId> = args.iter().map(|a| self.expr(a)).collect();
        let range = self.call(RtFn::RangeNew, vec![Arg::Array(values.clone())], line);
        for v in values {
            self.decref(v);
        }
        let counter = self.hidden_local("range counter");
        let limit = self.hidden_local("range stop");
        for (local, field) in [(counter, 0), (limit, 1)] {
            let v = self.call(
                RtFn::RangeField,
                vec![Arg::Value(range), Arg::Int(field)],
                line,
            );
            self.emit(Inst::StoreLocal { local, src: v });
        }
        self.decref(range);
        let (blocks, body_b) = self.enter_loop();
        let LoopBlocks { else_b, .. } = blocks;
        let (i, stop) = (self.value(Ty::Word), self.value(Ty::Word));
        self.emit(Inst::LoadLocal {
            dst: i,
            local: counter,
        });
        self.emit(Inst::LoadLocal {
            dst: stop,
            local: limit,
        });
        let more = if step > 0 { RtFn::Lt } else { RtFn::Gt };
        let c = self.call(more, vec![Arg::Value(i), Arg::Value(stop)], line);
        let t = self.call(RtFn::Truthy, vec![Arg::Value(c)], line);
        self.decref(c);
        self.terminate(Terminator::Branch {
            cond: t,
            then_: body_b,
            else_: else_b,
        });
        self.switch_to(body_b);
        let item = self.value(Ty::Word);
        self.emit(Inst::LoadLocal {
            dst: item,
            local: counter,
        });
        self.emit(Inst::IncRef(item));
        let step = self.word(abi::small_int(step));
        let next = self.call(RtFn::Add, vec![Arg::Value(item), Arg::Value(step)], line);
        self.decref(step);
        self.emit(Inst::StoreLocal {
            local: counter,
            src: next,
        });
        self.store(target, item, line);
        self.loop_body_and_else(blocks, None, body, orelse);
    }

    /// A local of this function the source does not name.
    fn hidden_local(&mut self, what: &str) -> LocalId {
        self.f.locals.push(format!("<{what}>"))
    }

    /// Sets an `enumerate` loop's count to 0 (nothing for other loops).
    fn start_count(&mut self, count: Option<&hir::EnumerateCount>) {
        if let Some(count) = count {
            let (target, value) = &count.start;
            self.assign(std::slice::from_ref(target), value);
        }
    }

    /// Stores an `enumerate` loop's count in its index target and increments it.
    fn step_count(&mut self, count: Option<&hir::EnumerateCount>) {
        for (target, value) in count.iter().flat_map(|count| &count.step) {
            self.assign(std::slice::from_ref(target), value);
        }
    }

    /// Steps `iter`: goes on in `body` with the item, or to `exhausted`.
    fn next_item(
        &mut self,
        iter: ValueId,
        line: u32,
        exhausted: BlockId,
        body: BlockId,
    ) -> ValueId {
        let item = self.call(RtFn::IterNext, vec![Arg::Value(iter)], line);
        let done = self.value(Ty::I32);
        self.emit(Inst::IsWord {
            dst: done,
            value: item,
            word: abi::STOP,
        });
        self.terminate(Terminator::Branch {
            cond: done,
            then_: exhausted,
            else_: body,
        });
        self.switch_to(body);
        item
    }

    fn assign(&mut self, targets: &[Target], value: &hir::Expr) {
        let line = self.line(value.span);
        // `a, b = x, y` needs no tuple: evaluate every item, then store left to right.
        if let (
            [
                Target::Tuple {
                    items: targets,
                    star: None,
                    ..
                },
            ],
            ExprKind::Tuple(items),
        ) = (targets, &value.kind)
            && targets.len() == items.len()
            && !items.iter().any(|i| matches!(i.kind, ExprKind::Starred(_)))
        {
            let values: Vec<ValueId> = items.iter().map(|e| self.expr(e)).collect();
            for (t, v) in targets.iter().zip(values) {
                self.store(t, v, line);
            }
            return;
        }
        let v = self.expr(value);
        let (last, first) = targets.split_last().expect("an assignment has a target");
        for t in first {
            let c = self.copy(v);
            self.store(t, c, line);
        }
        self.store(last, v, line);
    }

    fn aug_assign(&mut self, target: &Target, op: BinOp, value: &hir::Expr) {
        let line = self.line(value.span);
        let code = Arg::Int(inplace_code(op));
        match target {
            Target::Var(var, span) => {
                let cur = self.load(*var, self.line(*span));
                let r = self.inplace(cur, value, code.clone(), line);
                self.store_var(*var, r);
            }
            Target::Subscript { obj, index, .. } => {
                let o = self.expr(obj);
                let k = self.expr(index);
                let cur = self.call(RtFn::GetItem, vec![Arg::Value(o), Arg::Value(k)], line);
                let r = self.inplace(cur, value, code.clone(), line);
                self.call(
                    RtFn::SetItem,
                    vec![Arg::Value(o), Arg::Value(k), Arg::Value(r)],
                    line,
                );
                self.decref(r);
                self.decref(o);
                self.decref(k);
            }
            Target::Attribute { obj, name, .. } => {
                let o = self.expr(obj);
                let n = self.text_const(name);
                let cur = self.call(
                    RtFn::GetAttr,
                    vec![Arg::Value(o), Arg::Value(n), Arg::AttrCache],
                    line,
                );
                let r = self.inplace(cur, value, code.clone(), line);
                self.call(
                    RtFn::SetAttr,
                    vec![Arg::Value(o), Arg::Value(n), Arg::Value(r), Arg::AttrCache],
                    line,
                );
                self.decref(r);
                self.decref(o);
            }
            Target::ClassName { ns, name, span } => {
                // FIXME: CPython falls back to a global of that name (LOAD_NAME);
                // skink raises NameError when the class body has not bound it.
                let ns_value = self.cell_of(*ns);
                let key = self.text_const(name);
                let cur = self.call(
                    RtFn::NsLoad,
                    vec![Arg::Value(ns_value), Arg::Value(key)],
                    line,
                );
                self.emit(Inst::CheckBound {
                    value: cur,
                    name: name.clone(),
                    kind: Unbound::Global,
                    line: self.line(*span),
                });
                let r = self.inplace(cur, value, code.clone(), line);
                let ns_value = self.cell_of(*ns);
                self.call(
                    RtFn::SetItem,
                    vec![Arg::Value(ns_value), Arg::Value(key), Arg::Value(r)],
                    line,
                );
                self.decref(r);
                self.decref(key);
            }
            Target::Tuple { .. } => {}
        }
    }

    /// `cur op= value`: evaluates `value`, releases both operands, returns the result.
    fn inplace(&mut self, cur: ValueId, value: &hir::Expr, code: Arg, line: u32) -> ValueId {
        let v = self.expr(value);
        let r = self.call(
            RtFn::Inplace,
            vec![Arg::Value(cur), Arg::Value(v), code],
            line,
        );
        self.decref(cur);
        self.decref(v);
        r
    }

    fn del(&mut self, target: &Target) {
        match target {
            Target::Var(var, span) => {
                let line = self.line(*span);
                let v = self.load(*var, line);
                self.decref(v);
                self.unbind(*var);
            }
            Target::Tuple { items, .. } => {
                for t in items {
                    self.del(t);
                }
            }
            Target::Subscript { obj, index, span } => {
                let line = self.line(*span);
                let o = self.expr(obj);
                let k = self.expr(index);
                self.call(RtFn::DelItem, vec![Arg::Value(o), Arg::Value(k)], line);
                self.decref(o);
                self.decref(k);
            }
            Target::ClassName { ns, name, span } => {
                let line = self.line(*span);
                let ns = self.cell_of(*ns);
                let key = self.text_const(name);
                self.call(RtFn::NsDel, vec![Arg::Value(ns), Arg::Value(key)], line);
                self.decref(key);
            }
            Target::Attribute { obj, name, span } => {
                let line = self.line(*span);
                let o = self.expr(obj);
                let n = self.text_const(name);
                self.call(RtFn::DelAttr, vec![Arg::Value(o), Arg::Value(n)], line);
                self.decref(o);
            }
        }
    }

    /// Moves the owned value `v` into `target`.
    fn store(&mut self, target: &Target, v: ValueId, line: u32) {
        match target {
            Target::Var(var, _) => self.store_var(*var, v),
            Target::Tuple { items, star, span } => {
                let line = if span.start == 0 && span.end == 0 {
                    line
                } else {
                    self.line(*span)
                };
                let dsts: Vec<ValueId> = items.iter().map(|_| self.value(Ty::Word)).collect();
                self.emit(Inst::Unpack {
                    value: v,
                    dsts: dsts.clone(),
                    star: *star,
                    line,
                });
                self.decref(v);
                for (t, d) in items.iter().zip(dsts) {
                    self.store(t, d, line);
                }
            }
            Target::Subscript { obj, index, span } => {
                let line = self.line(*span);
                let o = self.expr(obj);
                // `x[a:b:c] = v` passes the parts: no slice object for a list.
                if let ExprKind::Slice(a, b, c) = &index.kind {
                    let parts = [self.expr(a), self.expr(b), self.expr(c)];
                    let mut args = vec![Arg::Value(o)];
                    args.extend(parts.iter().map(|&p| Arg::Value(p)));
                    args.push(Arg::Value(v));
                    self.call(RtFn::SetSlice, args, line);
                    self.decref(v);
                    self.decref(o);
                    parts.into_iter().for_each(|p| self.decref(p));
                    return;
                }
                let k = self.expr(index);
                self.call(
                    RtFn::SetItem,
                    vec![Arg::Value(o), Arg::Value(k), Arg::Value(v)],
                    line,
                );
                self.decref(v);
                self.decref(o);
                self.decref(k);
            }
            Target::ClassName { ns, name, .. } => {
                let ns = self.cell_of(*ns);
                let key = self.text_const(name);
                self.call(
                    RtFn::SetItem,
                    vec![Arg::Value(ns), Arg::Value(key), Arg::Value(v)],
                    line,
                );
                self.decref(key);
                self.decref(v);
            }
            Target::Attribute { obj, name, span } => {
                let line = self.line(*span);
                let o = self.expr(obj);
                let n = self.text_const(name);
                self.call(
                    RtFn::SetAttr,
                    vec![Arg::Value(o), Arg::Value(n), Arg::Value(v), Arg::AttrCache],
                    line,
                );
                self.decref(v);
                self.decref(o);
            }
        }
    }

    // ---- expressions: each returns an owned reference ----

    /// Branches on the truth of `e` the way CPython's jumps do: `and`, `or`,
    /// `not` and chained comparisons become control flow, so each operand's
    /// truth is asked once (`if a or b:` calls `a.__bool__` once, where
    /// taking the value of `a or b` and testing it would call it twice).
    fn branch_on(&mut self, e: &hir::Expr, then_: BlockId, else_: BlockId) {
        match &e.kind {
            ExprKind::BoolOp { and, values } => {
                let (last, first) = values.split_last().expect("a bool op has operands");
                for v in first {
                    let next = self.new_block();
                    if *and {
                        self.branch_on(v, next, else_);
                    } else {
                        self.branch_on(v, then_, next);
                    }
                    self.switch_to(next);
                }
                self.branch_on(last, then_, else_);
            }
            ExprKind::Unary(UnaryOp::Not, a) => self.branch_on(a, else_, then_),
            ExprKind::Compare { left, rest } if rest.len() > 1 => {
                let line = self.line(e.span);
                let mut lhs = self.expr(left);
                for (i, (op, e)) in rest.iter().enumerate() {
                    let rhs = self.expr(e);
                    let r = self.compare_op(*op, lhs, rhs, line);
                    self.decref(lhs);
                    let t = self.call(RtFn::Truthy, vec![Arg::Value(r)], line);
                    self.decref(r);
                    if i + 1 == rest.len() {
                        self.decref(rhs);
                        self.terminate(Terminator::Branch {
                            cond: t,
                            then_,
                            else_,
                        });
                        break;
                    }
                    let (next, stop) = (self.new_block(), self.new_block());
                    self.terminate(Terminator::Branch {
                        cond: t,
                        then_: next,
                        else_: stop,
                    });
                    self.switch_to(stop);
                    self.decref(rhs);
                    self.terminate(Terminator::Jump(else_, vec![]));
                    self.switch_to(next);
                    lhs = rhs;
                }
            }
            _ => {
                let cond = self.condition(e);
                self.terminate(Terminator::Branch { cond, then_, else_ });
            }
        }
    }

    /// Evaluates `e` for its truth value, releasing it.
    fn condition(&mut self, e: &hir::Expr) -> ValueId {
        let v = self.expr(e);
        let line = self.line(e.span);
        let t = self.call(RtFn::Truthy, vec![Arg::Value(v)], line);
        self.decref(v);
        t
    }

    fn load(&mut self, var: Var, line: u32) -> ValueId {
        let dst = self.value(Ty::Word);
        let (name, kind) = match var {
            Var::Local(l) => {
                self.emit(Inst::LoadLocal { dst, local: l });
                (self.f.locals[l].clone(), Unbound::Local)
            }
            Var::Global(g) => {
                self.emit(Inst::LoadGlobal { dst, global: g });
                (self.hir.globals[g].name.clone(), Unbound::Global)
            }
            Var::Cell(l) => {
                let cell = self.cell_of(l);
                self.emit(Inst::LoadCell { dst, cell });
                let kind = if self.func.frees.contains(&l) {
                    Unbound::Free
                } else {
                    Unbound::Local
                };
                (self.f.locals[l].clone(), kind)
            }
        };
        let is_param = matches!(var, Var::Local(l) if self.f.params.contains(&l));
        if !is_param {
            self.emit(Inst::CheckBound {
                value: dst,
                name,
                kind,
                line,
            });
        }
        self.emit(Inst::IncRef(dst));
        dst
    }

    fn constant(&mut self, c: Const) -> ValueId {
        let id = self.consts.intern(c);
        let dst = self.value(Ty::Word);
        self.emit(Inst::Const { dst, id });
        dst
    }

    fn expr(&mut self, e: &hir::Expr) -> ValueId {
        let line = self.line(e.span);
        match &e.kind {
            ExprKind::None => self.word(abi::NONE),
            ExprKind::Bool(b) => self.word(abi::bool_word(*b)),
            ExprKind::Ellipsis => self.word(abi::ELLIPSIS),
            ExprKind::NamedExpr(target, value) => {
                let v = self.expr(value);
                let stored = self.copy(v);
                self.store(target, stored, line);
                v
            }
            ExprKind::Int(i) => match i.to_i64() {
                Some(v) if (abi::SMALL_INT_MIN..=abi::SMALL_INT_MAX).contains(&v) => {
                    self.word(abi::small_int(v))
                }
                _ => self.constant(Const::BigInt(i.to_string())),
            },
            ExprKind::Float(x) => self.constant(Const::Float(*x)),
            ExprKind::Str(s) => self.constant(Const::Str(s.clone())),
            ExprKind::Bytes(b) => self.constant(Const::Bytes(b.clone())),
            ExprKind::Load(var) => self.load(*var, line),
            ExprKind::Binary(op, a, b) => {
                let (x, y) = (self.expr(a), self.expr(b));
                let r = self.call(binop_fn(*op), vec![Arg::Value(x), Arg::Value(y)], line);
                self.decref(x);
                self.decref(y);
                r
            }
            ExprKind::Unary(UnaryOp::Not, a) => {
                let t = self.condition(a);
                let dst = self.value(Ty::Word);
                self.emit(Inst::BoolWord {
                    dst,
                    cond: t,
                    negate: true,
                });
                dst
            }
            ExprKind::Unary(op, a) => {
                let x = self.expr(a);
                let func = match op {
                    UnaryOp::Neg => RtFn::Neg,
                    UnaryOp::Pos => RtFn::Pos,
                    UnaryOp::Invert | UnaryOp::Not => RtFn::Invert,
                };
                let r = self.call(func, vec![Arg::Value(x)], line);
                self.decref(x);
                r
            }
            ExprKind::Compare { left, rest } => self.compare(left, rest, line),
            ExprKind::BoolOp { and, values } => self.bool_op(*and, values),
            ExprKind::IfExp { test, body, orelse } => {
                let (then_b, else_b, join) = (self.new_block(), self.new_block(), self.new_block());
                let result = self.value(Ty::Word);
                self.f.blocks[join].params.push(result);
                self.branch_on(test, then_b, else_b);
                self.switch_to(then_b);
                let v = self.expr(body);
                self.terminate(Terminator::Jump(join, vec![v]));
                self.switch_to(else_b);
                let v = self.expr(orelse);
                self.terminate(Terminator::Jump(join, vec![v]));
                self.switch_to(join);
                result
            }
            ExprKind::Tuple(items) | ExprKind::List(items) | ExprKind::Set(items) => {
                self.display(&e.kind, items, line)
            }
            ExprKind::Dict(items) => self.dict_display(items, line),
            ExprKind::Starred(inner) => {
                // Only displays and calls take `*x`; HIR lowering rejects it elsewhere.
                let v = self.expr(inner);
                self.decref(v);
                self.word(abi::NONE)
            }
            ExprKind::Builtin(name) => {
                self.call(RtFn::LoadBuiltin, vec![Arg::Text(name.clone())], line)
            }
            ExprKind::Subscript(a, b) => {
                // `x[a:b:c]` passes the parts: no slice object for a list or tuple.
                if let ExprKind::Slice(start, stop, step) = &b.kind {
                    let x = self.expr(a);
                    let parts = [self.expr(start), self.expr(stop), self.expr(step)];
                    let mut args = vec![Arg::Value(x)];
                    args.extend(parts.iter().map(|&p| Arg::Value(p)));
                    let r = self.call(RtFn::GetSlice, args, line);
                    self.decref(x);
                    parts.into_iter().for_each(|p| self.decref(p));
                    return r;
                }
                let (x, y) = (self.expr(a), self.expr(b));
                let r = self.call(RtFn::GetItem, vec![Arg::Value(x), Arg::Value(y)], line);
                self.decref(x);
                self.decref(y);
                r
            }
            ExprKind::Slice(a, b, c) => {
                let vs = [self.expr(a), self.expr(b), self.expr(c)];
                let r = self.call(
                    RtFn::SliceNew,
                    vs.iter().map(|&v| Arg::Value(v)).collect(),
                    line,
                );
                for v in vs {
                    self.decref(v);
                }
                r
            }
            ExprKind::Attribute(obj, name) => {
                let o = self.expr(obj);
                let n = self.text_const(name);
                let r = self.call(
                    RtFn::GetAttr,
                    vec![Arg::Value(o), Arg::Value(n), Arg::AttrCache],
                    line,
                );
                self.decref(o);
                r
            }
            ExprKind::CallMethod {
                obj,
                name,
                args,
                keywords,
            } => {
                let o = self.expr(obj);
                let n = self.text_const(name);
                let simple = !args.iter().any(|a| matches!(a.kind, ExprKind::Starred(_)))
                    && keywords.iter().all(|(k, _)| k.is_some());
                let r = if simple {
                    // The check raises a missing method's AttributeError before
                    // the arguments are evaluated; when evaluating them can do
                    // nothing (constants, no keywords), the call raises the same
                    // error itself (case errors/missing_method_constant_args).
                    if !keywords.is_empty() || !args.iter().all(is_constant) {
                        self.call(
                            RtFn::CheckMethod,
                            vec![Arg::Value(o), Arg::Value(n), Arg::AttrCache],
                            line,
                        );
                    }
                    let (values, kwnames) = self.simple_args(args, keywords);
                    let r = self.call(
                        RtFn::CallMethod,
                        vec![
                            Arg::Value(o),
                            Arg::Value(n),
                            Arg::Array(values.clone()),
                            Arg::Value(kwnames),
                            Arg::AttrCache,
                        ],
                        line,
                    );
                    for v in values {
                        self.decref(v);
                    }
                    r
                } else {
                    let m = self.call(
                        RtFn::GetAttr,
                        vec![Arg::Value(o), Arg::Value(n), Arg::AttrCache],
                        line,
                    );
                    let r = self.star_call(m, args, keywords, line);
                    self.decref(m);
                    r
                };
                self.decref(o);
                r
            }
            ExprKind::Call {
                func,
                args,
                keywords,
            } => {
                let f = self.expr(func);
                let simple = !args.iter().any(|a| matches!(a.kind, ExprKind::Starred(_)))
                    && keywords.iter().all(|(k, _)| k.is_some());
                let r = if simple {
                    let (values, kwnames) = self.simple_args(args, keywords);
                    let r = self.call(
                        RtFn::Call,
                        vec![
                            Arg::Value(f),
                            Arg::Array(values.clone()),
                            Arg::Value(kwnames),
                        ],
                        line,
                    );
                    for v in values {
                        self.decref(v);
                    }
                    r
                } else {
                    self.star_call(f, args, keywords, line)
                };
                self.decref(f);
                r
            }
            ExprKind::FString(parts) => self.fstring(parts, line),
            ExprKind::Comprehension {
                kind,
                elt,
                value,
                generators,
                cells,
                generator,
            } => {
                let comp = Comprehension {
                    kind: *kind,
                    elt,
                    value: value.as_deref(),
                    generators,
                    cells,
                    generator: *generator,
                };
                self.comprehension(comp, line)
            }
            ExprKind::CallFunc {
                func,
                global,
                args,
                slots,
            } => {
                let callee = if self.calls_itself(*func) {
                    // Running, it is bound: its `def` ran, and nothing else
                    // binds the name. Its code never reads its function object.
                    self.word(abi::NULL)
                } else {
                    self.load_function(*global, line)
                };
                let values: Vec<ValueId> = args.iter().map(|a| self.expr(a)).collect();
                let mut moved = vec![false; values.len()];
                let mut slot_values = Vec::new();
                for slot in slots {
                    let v = match slot {
                        SlotSource::Arg(i) => {
                            moved[*i] = true;
                            values[*i]
                        }
                        SlotSource::Default(g) => {
                            let d = self.value(Ty::Word);
                            self.emit(Inst::LoadGlobal { dst: d, global: *g });
                            self.emit(Inst::IncRef(d));
                            d
                        }
                        SlotSource::Tuple(items) => {
                            let items: Vec<ValueId> = items
                                .iter()
                                .map(|&i| {
                                    moved[i] = true;
                                    values[i]
                                })
                                .collect();
                            self.call(RtFn::TupleNew, vec![Arg::Array(items)], line)
                        }
                        SlotSource::Dict(items) => {
                            let mut kv = Vec::new();
                            for (k, i) in items {
                                kv.push(self.text_const(k));
                                kv.push(values[*i]);
                            }
                            let d = self.call(RtFn::DictNew, vec![Arg::Array(kv.clone())], line);
                            for v in kv {
                                self.decref(v);
                            }
                            for (_, i) in items {
                                moved[*i] = true;
                            }
                            d
                        }
                    };
                    slot_values.push(v);
                }
                debug_assert!(moved.iter().all(|&m| m), "every argument fills a slot");
                let dst = self.value(Ty::Word);
                self.emit(Inst::CallUser {
                    dst,
                    func: *func,
                    callee,
                    args: slot_values,
                    speculate: None,
                    line,
                });
                dst
            }
            ExprKind::MakeFunction {
                func,
                defaults,
                kwdefaults,
                closure,
                default_globals,
            } => self.make_function(*func, defaults, kwdefaults, closure, default_globals, line),
            ExprKind::Yield(v) => {
                let v = match v {
                    Some(v) => self.expr(v),
                    None => self.word(abi::NONE),
                };
                let r = self.call(RtFn::Yield, vec![Arg::Value(v)], line);
                self.decref(v);
                r
            }
            ExprKind::YieldFrom(v) => {
                let v = self.expr(v);
                let r = self.call(RtFn::YieldFrom, vec![Arg::Value(v)], line);
                self.decref(v);
                r
            }
            ExprKind::Import(m) => self.call(RtFn::Import, vec![Arg::Text(m.clone())], line),
            ExprKind::ContextExit(m) => {
                let v = self.expr(m);
                let r = self.call(RtFn::ContextExit, vec![Arg::Value(v)], line);
                self.decref(v);
                r
            }
            ExprKind::ContextExitException(e) => {
                let v = self.expr(e);
                let t = self.call(RtFn::ContextExitException, vec![Arg::Value(v)], line);
                self.decref(v);
                let dst = self.value(Ty::Word);
                self.emit(Inst::BoolWord {
                    dst,
                    cond: t,
                    negate: false,
                });
                dst
            }
            ExprKind::CellRef(l) => {
                let cell = self.cell_of(*l);
                self.emit(Inst::IncRef(cell));
                cell
            }
            ExprKind::LoadClassName { ns, name, fallback } => {
                let ns = self.cell_of(*ns);
                let key = self.text_const(name);
                let found = self.call(RtFn::NsLoad, vec![Arg::Value(ns), Arg::Value(key)], line);
                self.decref(key);
                let missing = self.value(Ty::I32);
                self.emit(Inst::IsWord {
                    dst: missing,
                    value: found,
                    word: abi::NULL,
                });
                let (absent, join) = (self.new_block(), self.new_block());
                let result = self.value(Ty::Word);
                self.f.blocks[join].params.push(result);
                let present = self.new_block();
                self.terminate(Terminator::Branch {
                    cond: missing,
                    then_: absent,
                    else_: present,
                });
                self.switch_to(present);
                self.terminate(Terminator::Jump(join, vec![found]));
                self.switch_to(absent);
                let v = self.expr(fallback);
                self.terminate(Terminator::Jump(join, vec![v]));
                self.switch_to(join);
                result
            }
            ExprKind::NameError(name) => {
                self.raise(RtFn::RaiseNameError, vec![Arg::Text(name.clone())], line);
                self.word(abi::NONE)
            }
        }
    }

    /// A function object: defaults (also kept in their globals for a static
    /// function), keyword-only defaults, the closure's cells, the code constant.
    fn make_function(
        &mut self,
        func: FuncId,
        defaults: &[hir::Expr],
        kwdefaults: &[(String, hir::Expr)],
        closure: &[LocalId],
        default_globals: &[GlobalId],
        line: u32,
    ) -> ValueId {
        let mut kept = default_globals.iter();
        let mut keep = |b: &mut Self, v: ValueId| {
            if let Some(&g) = kept.next() {
                let c = b.copy(v);
                b.emit(Inst::StoreGlobal { global: g, src: c });
            }
        };
        let defaults = if defaults.is_empty() {
            self.word(abi::NULL)
        } else {
            let mut values = Vec::new();
            for d in defaults {
                let v = self.expr(d);
                keep(self, v);
                values.push(v);
            }
            self.call(RtFn::TupleNew, vec![Arg::Array(values)], line)
        };
        let kwdefaults = if kwdefaults.is_empty() {
            self.word(abi::NULL)
        } else {
            let mut kv = Vec::new();
            for (k, d) in kwdefaults {
                kv.push(self.text_const(k));
                let v = self.expr(d);
                keep(self, v);
                kv.push(v);
            }
            let dict = self.call(RtFn::DictNew, vec![Arg::Array(kv.clone())], line);
            for v in kv {
                self.decref(v);
            }
            dict
        };
        let closure = if closure.is_empty() {
            self.word(abi::NULL)
        } else {
            let cells: Vec<ValueId> = closure
                .iter()
                .map(|&l| {
                    let c = self.cell_of(l);
                    self.emit(Inst::IncRef(c));
                    c
                })
                .collect();
            self.call(RtFn::TupleNew, vec![Arg::Array(cells)], line)
        };
        let code = self.code_const(func);
        let fobj = self.call(
            RtFn::MakeFunction,
            vec![
                Arg::Value(code),
                Arg::FuncAddr(func),
                Arg::Value(defaults),
                Arg::Value(kwdefaults),
                Arg::Value(closure),
            ],
            line,
        );
        self.decref(defaults);
        self.decref(kwdefaults);
        self.decref(closure);
        fobj
    }

    /// The code constant of `func` (see `RtFn::ConstCode`).
    fn code_const(&mut self, func: FuncId) -> ValueId {
        let f = &self.hir.funcs[func];
        let spec = &f.spec;
        let mut flags = 0;
        if spec.varargs {
            flags |= abi::code_flags::VARARGS;
        }
        if spec.varkw {
            flags |= abi::code_flags::VARKW;
        }
        let mut fields = vec![
            f.name.clone(),
            f.qualname.clone(),
            spec.posonly.to_string(),
            spec.positional.to_string(),
            spec.kwonly.to_string(),
            flags.to_string(),
        ];
        fields.extend(spec.names.iter().cloned());
        // The docstring, when there is one, follows the parameter names.
        fields.extend(f.doc.iter().cloned());
        self.constant(Const::Code(fields.join("\0")))
    }

    /// A function's global is bound once its `def` ran; before that, `NameError`.
    /// Whether calling `func` (a static `def`) from here is this function
    /// calling itself, with a body that never needs its own function object:
    /// no closure cells to read, and no generator to make from it.
    fn calls_itself(&self, func: hir::FuncId) -> bool {
        let callee = &self.hir.funcs[func];
        std::ptr::eq(callee, self.func) && callee.frees.is_empty() && !callee.is_generator
    }

    fn load_function(&mut self, global: GlobalId, line: u32) -> ValueId {
        let dst = self.value(Ty::Word);
        self.emit(Inst::LoadGlobal { dst, global });
        let name = self.hir.globals[global].name.clone();
        self.emit(Inst::CheckBound {
            value: dst,
            name,
            kind: Unbound::Global,
            line,
        });
        dst
    }

    /// Positional values then keyword values, and the keyword names (or NULL).
    fn simple_args(
        &mut self,
        args: &[hir::Expr],
        keywords: &[(Option<String>, hir::Expr)],
    ) -> (Vec<ValueId>, ValueId) {
        let mut values: Vec<ValueId> = args.iter().map(|a| self.expr(a)).collect();
        let mut names = Vec::new();
        for (k, v) in keywords {
            values.push(self.expr(v));
            names.push(k.clone().unwrap_or_default());
        }
        let kwnames = if names.is_empty() {
            self.word(abi::NULL)
        } else {
            self.constant(Const::Names(names))
        };
        (values, kwnames)
    }

    /// `f(*a, b, **k)`: builds the argument tuple and keyword dict, then calls.
    fn star_call(
        &mut self,
        f: ValueId,
        args: &[hir::Expr],
        keywords: &[(Option<String>, hir::Expr)],
        line: u32,
    ) -> ValueId {
        let list = self.call(RtFn::ListNew, vec![Arg::Array(vec![])], line);
        for item in args {
            match &item.kind {
                ExprKind::Starred(inner) => {
                    let v = self.expr(inner);
                    self.call(
                        RtFn::CallArgsExtend,
                        vec![Arg::Value(list), Arg::Value(v), Arg::Value(f)],
                        line,
                    );
                    self.decref(v);
                }
                _ => {
                    let v = self.expr(item);
                    self.call(
                        RtFn::ListAppend,
                        vec![Arg::Value(list), Arg::Value(v)],
                        line,
                    );
                    self.decref(v);
                }
            }
        }
        let tuple = self.call(RtFn::ListToTuple, vec![Arg::Value(list)], line);
        self.decref(list);
        let kw = if keywords.is_empty() {
            self.word(abi::NULL)
        } else {
            let d = self.call(RtFn::DictNew, vec![Arg::Array(vec![])], line);
            for (k, v) in keywords {
                let value = self.expr(v);
                let key = match k {
                    Some(k) => self.text_const(k),
                    None => self.word(abi::NULL),
                };
                self.call(
                    RtFn::CallKwargsAdd,
                    vec![
                        Arg::Value(d),
                        Arg::Value(key),
                        Arg::Value(value),
                        Arg::Value(f),
                    ],
                    line,
                );
                self.decref(key);
                self.decref(value);
            }
            d
        };
        let r = self.call(
            RtFn::CallStar,
            vec![Arg::Value(f), Arg::Value(tuple), Arg::Value(kw)],
            line,
        );
        self.decref(tuple);
        self.decref(kw);
        r
    }

    /// A list of the items, with `*x` items spliced in.
    fn sequence(&mut self, items: &[hir::Expr], line: u32) -> ValueId {
        let list = self.call(RtFn::ListNew, vec![Arg::Array(vec![])], line);
        for item in items {
            match &item.kind {
                ExprKind::Starred(inner) => {
                    let v = self.expr(inner);
                    self.call(RtFn::Extend, vec![Arg::Value(list), Arg::Value(v)], line);
                    self.decref(v);
                }
                _ => {
                    let v = self.expr(item);
                    self.call(
                        RtFn::ListAppend,
                        vec![Arg::Value(list), Arg::Value(v)],
                        line,
                    );
                    self.decref(v);
                }
            }
        }
        list
    }

    fn display(&mut self, kind: &ExprKind, items: &[hir::Expr], line: u32) -> ValueId {
        let starred = items.iter().any(|i| matches!(i.kind, ExprKind::Starred(_)));
        match kind {
            ExprKind::Set(_) => {
                if starred {
                    let set = self.call(RtFn::SetNew, vec![Arg::Array(vec![])], line);
                    for item in items {
                        let (v, func) = match &item.kind {
                            ExprKind::Starred(inner) => (self.expr(inner), RtFn::Extend),
                            _ => (self.expr(item), RtFn::SetAdd),
                        };
                        self.call(func, vec![Arg::Value(set), Arg::Value(v)], line);
                        self.decref(v);
                    }
                    return set;
                }
                let constant = items.len() >= 3 && items.iter().all(is_constant);
                let items: Vec<&hir::Expr> =
                    match constant.then(|| self.shared_set_order(items)).flatten() {
                        Some(ordered) => ordered,
                        None => items.iter().collect(),
                    };
                let values: Vec<ValueId> = items.iter().map(|i| self.expr(i)).collect();
                let func = if constant {
                    RtFn::SetNewConst
                } else {
                    RtFn::SetNew
                };
                let set = self.call(func, vec![Arg::Array(values.clone())], line);
                for v in values {
                    self.decref(v);
                }
                set
            }
            _ if starred => {
                let list = self.sequence(items, line);
                if matches!(kind, ExprKind::Tuple(_)) {
                    let t = self.call(RtFn::ListToTuple, vec![Arg::Value(list)], line);
                    self.decref(list);
                    return t;
                }
                list
            }
            _ => {
                let values: Vec<ValueId> = items.iter().map(|i| self.expr(i)).collect();
                let func = if matches!(kind, ExprKind::Tuple(_)) {
                    RtFn::TupleNew
                } else {
                    RtFn::ListNew
                };
                self.call(func, vec![Arg::Array(values)], line)
            }
        }
    }

    /// The items of a constant set display in the order of the first equal display
    /// of the module (its own order if it is the first).
    fn shared_set_order<'e>(&mut self, items: &'e [hir::Expr]) -> Option<Vec<&'e hir::Expr>> {
        let keys: Vec<String> = items.iter().map(constant_key).collect::<Option<_>>()?;
        let mut unique: Vec<String> = Vec::new();
        let mut first_item: HashMap<&String, &hir::Expr> = HashMap::new();
        for (k, item) in keys.iter().zip(items) {
            if !first_item.contains_key(k) {
                first_item.insert(k, item);
                unique.push(k.clone());
            }
        }
        let mut content = unique.clone();
        content.sort();
        let order = self
            .consts
            .set_displays
            .entry(content)
            .or_insert(unique)
            .clone();
        order.iter().map(|k| first_item.get(k).copied()).collect()
    }

    fn dict_display(&mut self, items: &[(Option<hir::Expr>, hir::Expr)], line: u32) -> ValueId {
        if items.iter().all(|(k, _)| k.is_some()) {
            let mut values = Vec::new();
            for (k, v) in items {
                if let Some(k) = k {
                    values.push(self.expr(k));
                }
                values.push(self.expr(v));
            }
            let d = self.call(RtFn::DictNew, vec![Arg::Array(values.clone())], line);
            for v in values {
                self.decref(v);
            }
            return d;
        }
        let d = self.call(RtFn::DictNew, vec![Arg::Array(vec![])], line);
        for (k, v) in items {
            match k {
                Some(k) => {
                    let key = self.expr(k);
                    let value = self.expr(v);
                    self.call(
                        RtFn::SetItem,
                        vec![Arg::Value(d), Arg::Value(key), Arg::Value(value)],
                        line,
                    );
                    self.decref(key);
                    self.decref(value);
                }
                None => {
                    let m = self.expr(v);
                    self.call(RtFn::DictMerge, vec![Arg::Value(d), Arg::Value(m)], line);
                    self.decref(m);
                }
            }
        }
        d
    }

    fn fstring(&mut self, parts: &[FPart], line: u32) -> ValueId {
        let mut pieces = Vec::new();
        for p in parts {
            match p {
                FPart::Literal(s) => pieces.push(self.text_const(s)),
                FPart::Field {
                    value,
                    conversion,
                    spec,
                } => {
                    let mut v = self.expr(value);
                    if let Some(c) = conversion {
                        let converted =
                            self.call(RtFn::Convert, vec![Arg::Value(v), Arg::Int(*c)], line);
                        self.decref(v);
                        v = converted;
                    }
                    let spec = match spec {
                        Some(s) => self.expr(s),
                        None => self.text_const(""),
                    };
                    let r = self.call(
                        RtFn::FormatValue,
                        vec![Arg::Value(v), Arg::Value(spec)],
                        line,
                    );
                    self.decref(v);
                    self.decref(spec);
                    pieces.push(r);
                }
            }
        }
        if let [one] = pieces.as_slice()
            && matches!(parts, [FPart::Literal(_)])
        {
            return *one;
        }
        let r = self.call(RtFn::BuildString, vec![Arg::Array(pieces.clone())], line);
        for p in pieces {
            self.decref(p);
        }
        r
    }

    /// A list, set or dict comprehension builds a container; `sum(<genexp>)` keeps
    /// a running total (see `CompKind::Sum`).
    fn comprehension(&mut self, comp: Comprehension<'_>, line: u32) -> ValueId {
        let Comprehension {
            kind,
            elt,
            value,
            generators,
            cells,
            generator,
        } = comp;
        let container = |func| move |l: &mut Self| l.call(func, vec![Arg::Array(vec![])], line);
        let acc = match kind {
            CompKind::List => Accumulator::Container(container(RtFn::ListNew)(self)),
            CompKind::Set => Accumulator::Container(container(RtFn::SetNew)(self)),
            CompKind::Dict => Accumulator::Container(container(RtFn::DictNew)(self)),
            CompKind::Sum(total) => {
                let zero = self.word(abi::small_int(0));
                self.store_var(Var::Local(total), zero);
                Accumulator::Total(total)
            }
        };
        for &l in cells {
            self.new_cell(l, false);
        }
        let done = self.new_block();
        let mut heads = Vec::new();
        let mut iters = Vec::new();
        let mut exit_to = done;
        // A generator expression's body (all but its first iterable, evaluated
        // outside) raises through a handler that applies PEP 479.
        let outer_handler = self.handler;
        let mut body_handler = None;
        for (i, g) in generators.iter().enumerate() {
            let v = self.expr(&g.iter);
            let it = self.call(RtFn::Iter, vec![Arg::Value(v)], line);
            self.decref(v);
            if generator && i == 0 {
                let handler = self.new_block();
                self.handler = Some(handler);
                let body_start = self.continue_in_new_block();
                self.f.blocks[handler].catch_state = Some(body_start);
                body_handler = Some(handler);
            }
            self.start_count(g.enumerate.as_ref());
            let (head, body, finished) = (self.new_block(), self.new_block(), self.new_block());
            self.terminate(Terminator::Jump(head, vec![]));
            self.switch_to(head);
            let item = self.next_item(it, line, finished, body);
            // Exhausted: release the iterator, go on with the enclosing loop.
            self.switch_to(finished);
            self.decref(it);
            self.terminate(Terminator::Jump(exit_to, vec![]));
            self.switch_to(body);
            self.step_count(g.enumerate.as_ref());
            self.store(&g.target, item, line);
            for cond in &g.ifs {
                let pass = self.new_block();
                self.branch_on(cond, pass, head);
                self.switch_to(pass);
            }
            heads.push(head);
            iters.push(it);
            exit_to = head;
        }
        // The element is made inside the generator; the builtin takes it outside.
        let v = self.expr(elt);
        let dict_value = value.map(|value| self.expr(value));
        if body_handler.is_some() {
            self.handler = outer_handler;
            self.continue_in_new_block();
        }
        match (kind, acc) {
            (_, Accumulator::Total(total)) => {
                let sum = self.load(Var::Local(total), line);
                let r = self.call(
                    binop_fn(BinOp::Add),
                    vec![Arg::Value(sum), Arg::Value(v)],
                    line,
                );
                self.decref(sum);
                self.decref(v);
                self.store_var(Var::Local(total), r);
            }
            (CompKind::List | CompKind::Set | CompKind::Sum(_), Accumulator::Container(acc)) => {
                let add = if kind == CompKind::List {
                    RtFn::ListAppend
                } else {
                    RtFn::SetAdd
                };
                self.call(add, vec![Arg::Value(acc), Arg::Value(v)], line);
                self.decref(v);
            }
            (CompKind::Dict, Accumulator::Container(acc)) => {
                let value = match dict_value {
                    Some(value) => value,
                    None => self.word(abi::NONE),
                };
                self.call(
                    RtFn::SetItem,
                    vec![Arg::Value(acc), Arg::Value(v), Arg::Value(value)],
                    line,
                );
                self.decref(v);
                self.decref(value);
            }
        }
        let innermost = *heads.last().unwrap_or(&done);
        self.terminate(Terminator::Jump(innermost, vec![]));
        if let Some(handler) = body_handler {
            self.switch_to(handler);
            self.call_void(RtFn::GenexprStopIteration, vec![]);
            self.terminate(Terminator::Unwind);
        }
        self.switch_to(done);
        // The comprehension's variables die with it.
        for g in generators {
            self.unbind_target(&g.target);
            for (target, _) in g.enumerate.iter().flat_map(|count| &count.step) {
                self.unbind_target(target);
            }
        }
        match acc {
            Accumulator::Container(acc) => acc,
            Accumulator::Total(total) => {
                let sum = self.load(Var::Local(total), line);
                self.unbind(Var::Local(total));
                sum
            }
        }
    }

    /// Forgets a comprehension variable; a captured one keeps its cell (closures
    /// hold it) and the local lets go of it.
    fn unbind_target(&mut self, t: &Target) {
        match t {
            Target::Var(Var::Cell(l), _) => self.unbind(Var::Local(*l)),
            Target::Var(v, _) => self.unbind(*v),
            Target::Tuple { items, .. } => items.iter().for_each(|t| self.unbind_target(t)),
            Target::Subscript { .. } | Target::ClassName { .. } | Target::Attribute { .. } => {}
        }
    }

    fn compare_op(&mut self, op: CmpOp, x: ValueId, y: ValueId, line: u32) -> ValueId {
        let func = match op {
            CmpOp::Eq => RtFn::Eq,
            CmpOp::Ne => RtFn::Ne,
            CmpOp::Lt => RtFn::Lt,
            CmpOp::Le => RtFn::Le,
            CmpOp::Gt => RtFn::Gt,
            CmpOp::Ge => RtFn::Ge,
            CmpOp::In | CmpOp::NotIn => {
                let c = self.call(RtFn::Contains, vec![Arg::Value(y), Arg::Value(x)], line);
                let dst = self.value(Ty::Word);
                self.emit(Inst::BoolWord {
                    dst,
                    cond: c,
                    negate: op == CmpOp::NotIn,
                });
                return dst;
            }
            CmpOp::Is | CmpOp::IsNot => {
                // One side is a None/True/False literal, a unique immediate: identity is word equality.
                let same = self.value(Ty::I32);
                self.emit(Inst::SameWord {
                    dst: same,
                    a: x,
                    b: y,
                });
                let dst = self.value(Ty::Word);
                self.emit(Inst::BoolWord {
                    dst,
                    cond: same,
                    negate: op == CmpOp::IsNot,
                });
                return dst;
            }
        };
        self.call(func, vec![Arg::Value(x), Arg::Value(y)], line)
    }

    /// `left op1 e1 op2 e2 ...`: each operand evaluated once, stopping at the first false.
    fn compare(&mut self, left: &hir::Expr, rest: &[(CmpOp, hir::Expr)], line: u32) -> ValueId {
        let mut lhs = self.expr(left);
        let join = self.new_block();
        let result = self.value(Ty::Word);
        self.f.blocks[join].params.push(result);
        for (i, (op, e)) in rest.iter().enumerate() {
            let rhs = self.expr(e);
            let r = self.compare_op(*op, lhs, rhs, line);
            self.decref(lhs);
            if i + 1 == rest.len() {
                self.decref(rhs);
                self.terminate(Terminator::Jump(join, vec![r]));
                break;
            }
            let t = self.call(RtFn::Truthy, vec![Arg::Value(r)], line);
            let (next, stop) = (self.new_block(), self.new_block());
            self.terminate(Terminator::Branch {
                cond: t,
                then_: next,
                else_: stop,
            });
            self.switch_to(stop);
            self.decref(rhs);
            self.terminate(Terminator::Jump(join, vec![r]));
            self.switch_to(next);
            self.decref(r);
            lhs = rhs;
        }
        self.switch_to(join);
        result
    }

    /// `a and b and c` / `a or b or c`: returns the deciding operand.
    fn bool_op(&mut self, and: bool, values: &[hir::Expr]) -> ValueId {
        let join = self.new_block();
        let result = self.value(Ty::Word);
        self.f.blocks[join].params.push(result);
        for (i, e) in values.iter().enumerate() {
            let v = self.expr(e);
            if i + 1 == values.len() {
                self.terminate(Terminator::Jump(join, vec![v]));
                break;
            }
            let t = self.call(RtFn::Truthy, vec![Arg::Value(v)], self.line(e.span));
            let (next, done) = (self.new_block(), self.new_block());
            let (then_, else_) = if and { (next, done) } else { (done, next) };
            self.terminate(Terminator::Branch {
                cond: t,
                then_,
                else_,
            });
            self.switch_to(done);
            self.terminate(Terminator::Jump(join, vec![v]));
            self.switch_to(next);
            self.decref(v);
        }
        self.switch_to(join);
        result
    }
}
