//! HIR -> MIR: structured control flow becomes blocks, every value becomes an owned
//! reference released exactly once. This is the one place that decides ownership
//! (see the rules in `mir`).

use std::collections::HashMap;

use num_traits::ToPrimitive;
use skink_abi::{self as abi, RtFn};

use crate::diagnostic::{SourceFile, Span};
use crate::hir::{
    self, BinOp, Builtin, CmpOp, ExprKind, ForIter, PrintKeyword, StmtKind, Target, UnaryOp, Var,
};
use crate::mir::*;

/// Interns constants across the module.
#[derive(Default)]
struct Consts {
    table: PrimaryMap<ConstId, Const>,
    seen: HashMap<String, ConstId>,
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

struct LoopCtx {
    continue_to: BlockId,
    break_to: BlockId,
    /// The range iterator a `break` or `return` must release.
    iter: Option<ValueId>,
}

struct FnBuilder<'a> {
    hir: &'a hir::Module,
    file: &'a SourceFile,
    consts: &'a mut Consts,
    f: Function,
    cur: BlockId,
    loops: Vec<LoopCtx>,
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

fn builtin_fn(b: Builtin) -> RtFn {
    match b {
        Builtin::Print => RtFn::Print,
        Builtin::Int => RtFn::IntNew,
        Builtin::Float => RtFn::FloatNew,
        Builtin::Str => RtFn::StrNew,
        Builtin::Repr => RtFn::Repr,
        Builtin::Bool => RtFn::BoolNew,
        Builtin::Abs => RtFn::Abs,
        Builtin::Divmod => RtFn::Divmod,
        Builtin::Pow => RtFn::PowBuiltin,
        Builtin::Round => RtFn::Round,
        Builtin::Min => RtFn::Min,
        Builtin::Max => RtFn::Max,
        Builtin::Len => RtFn::Len,
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
            params: func.params.clone(),
            locals: func.locals.clone(),
            values: PrimaryMap::new(),
            blocks: PrimaryMap::new(),
        };
        let entry = f.blocks.push(Block::default());
        let mut b = FnBuilder {
            hir,
            file,
            consts,
            f,
            cur: entry,
            loops: Vec::new(),
        };
        b.stmts(&func.body);
        let none = b.word(abi::NONE);
        b.terminate(Terminator::Return(none));
        b.f
    }

    fn line(&self, span: Span) -> u32 {
        self.file.line(span.start)
    }

    fn value(&mut self, ty: Ty) -> ValueId {
        self.f.values.push(ty)
    }

    fn emit(&mut self, inst: Inst) {
        self.f.blocks[self.cur].insts.push(inst);
    }

    fn new_block(&mut self) -> BlockId {
        self.f.blocks.push(Block::default())
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

    /// Raises through a runtime function that always raises; code after it is dead.
    fn raise(&mut self, func: RtFn, text: String, line: u32) {
        self.call(func, vec![Arg::Text(text)], line);
        let none = self.word(abi::NONE);
        self.terminate(Terminator::Return(none));
    }

    // ---- statements ----

    fn stmts(&mut self, body: &[hir::Stmt]) {
        for s in body {
            self.stmt(s);
        }
    }

    fn stmt(&mut self, s: &hir::Stmt) {
        match &s.kind {
            StmtKind::Expr(e) => {
                let v = self.expr(e);
                self.decref(v);
            }
            StmtKind::Pass => {}
            StmtKind::Assign { target, value } => self.assign(target, value),
            StmtKind::If { test, body, orelse } => {
                let cond = self.condition(test);
                let (then_b, else_b, join) = (self.new_block(), self.new_block(), self.new_block());
                self.terminate(Terminator::Branch {
                    cond,
                    then_: then_b,
                    else_: else_b,
                });
                self.switch_to(then_b);
                self.stmts(body);
                self.terminate(Terminator::Jump(join, vec![]));
                self.switch_to(else_b);
                self.stmts(orelse);
                self.terminate(Terminator::Jump(join, vec![]));
                self.switch_to(join);
            }
            StmtKind::While { test, body, orelse } => {
                let (head, body_b, else_b, exit) = (
                    self.new_block(),
                    self.new_block(),
                    self.new_block(),
                    self.new_block(),
                );
                self.terminate(Terminator::Jump(head, vec![]));
                self.switch_to(head);
                let cond = self.condition(test);
                self.terminate(Terminator::Branch {
                    cond,
                    then_: body_b,
                    else_: else_b,
                });
                self.switch_to(body_b);
                self.loops.push(LoopCtx {
                    continue_to: head,
                    break_to: exit,
                    iter: None,
                });
                self.stmts(body);
                self.loops.pop();
                self.terminate(Terminator::Jump(head, vec![]));
                self.switch_to(else_b);
                self.stmts(orelse);
                self.terminate(Terminator::Jump(exit, vec![]));
                self.switch_to(exit);
            }
            StmtKind::For {
                target,
                iter,
                body,
                orelse,
            } => self.for_loop(s.span, target, iter, body, orelse),
            StmtKind::Break => {
                let ctx = self
                    .loops
                    .last()
                    .expect("break outside a loop is rejected by HIR lowering");
                let (to, iter) = (ctx.break_to, ctx.iter);
                if let Some(it) = iter {
                    self.decref(it);
                }
                self.terminate(Terminator::Jump(to, vec![]));
            }
            StmtKind::Continue => {
                let to = self
                    .loops
                    .last()
                    .expect("continue outside a loop is rejected by HIR lowering")
                    .continue_to;
                self.terminate(Terminator::Jump(to, vec![]));
            }
            StmtKind::Return(value) => {
                let v = match value {
                    Some(e) => self.expr(e),
                    None => self.word(abi::NONE),
                };
                let iters: Vec<ValueId> = self.loops.iter().filter_map(|l| l.iter).collect();
                for it in iters {
                    self.decref(it);
                }
                self.terminate(Terminator::Return(v));
            }
            StmtKind::Def {
                global, defaults, ..
            } => {
                for (g, e) in defaults {
                    let v = self.expr(e);
                    self.emit(Inst::StoreGlobal { global: *g, src: v });
                }
                let marker = self.word(abi::TRUE);
                self.emit(Inst::StoreGlobal {
                    global: *global,
                    src: marker,
                });
            }
        }
    }

    fn for_loop(
        &mut self,
        span: Span,
        target: &Target,
        it: &ForIter,
        body: &[hir::Stmt],
        orelse: &[hir::Stmt],
    ) {
        let line = self.line(span);
        let iter = match it {
            ForIter::Range(args) => {
                let values: Vec<ValueId> = args.iter().map(|a| self.expr(a)).collect();
                let iter = self.call(RtFn::RangeIter, vec![Arg::Array(values.clone())], line);
                for v in values {
                    self.decref(v);
                }
                iter
            }
            ForIter::Value(e) => {
                let v = self.expr(e);
                let iter = self.call(RtFn::Iter, vec![Arg::Value(v)], line);
                self.decref(v);
                iter
            }
        };
        let (head, body_b, else_b, exit) = (
            self.new_block(),
            self.new_block(),
            self.new_block(),
            self.new_block(),
        );
        self.terminate(Terminator::Jump(head, vec![]));
        self.switch_to(head);
        let item = self.call(RtFn::IterNext, vec![Arg::Value(iter)], line);
        let done = self.value(Ty::I32);
        self.emit(Inst::IsWord {
            dst: done,
            value: item,
            word: abi::STOP,
        });
        self.terminate(Terminator::Branch {
            cond: done,
            then_: else_b,
            else_: body_b,
        });
        self.switch_to(body_b);
        self.store(target, item, line);
        self.loops.push(LoopCtx {
            continue_to: head,
            break_to: exit,
            iter: Some(iter),
        });
        self.stmts(body);
        self.loops.pop();
        self.terminate(Terminator::Jump(head, vec![]));
        self.switch_to(else_b);
        self.decref(iter);
        self.stmts(orelse);
        self.terminate(Terminator::Jump(exit, vec![]));
        self.switch_to(exit);
    }

    fn assign(&mut self, target: &Target, value: &hir::Expr) {
        let line = self.line(value.span);
        // `a, b = x, y` needs no tuple: evaluate every item, then store left to right.
        if let (Target::Tuple(targets, _), ExprKind::Tuple(items)) = (target, &value.kind)
            && targets.len() == items.len()
        {
            let values: Vec<ValueId> = items.iter().map(|e| self.expr(e)).collect();
            for (t, v) in targets.iter().zip(values) {
                self.store(t, v, line);
            }
            return;
        }
        let v = self.expr(value);
        self.store(target, v, line);
    }

    /// Moves the owned value `v` into `target`.
    fn store(&mut self, target: &Target, v: ValueId, line: u32) {
        match target {
            Target::Var(Var::Local(local), _) => self.emit(Inst::StoreLocal {
                local: *local,
                src: v,
            }),
            Target::Var(Var::Global(global), _) => self.emit(Inst::StoreGlobal {
                global: *global,
                src: v,
            }),
            Target::Tuple(targets, span) => {
                let line = if span.start == 0 && span.end == 0 {
                    line
                } else {
                    self.line(*span)
                };
                let dsts: Vec<ValueId> = targets.iter().map(|_| self.value(Ty::Word)).collect();
                self.emit(Inst::Unpack {
                    value: v,
                    dsts: dsts.clone(),
                    line,
                });
                self.decref(v);
                for (t, d) in targets.iter().zip(dsts) {
                    self.store(t, d, line);
                }
            }
        }
    }

    // ---- expressions: each returns an owned reference ----

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
        let (inst, name, local) = match var {
            Var::Local(l) => (
                Inst::LoadLocal { dst, local: l },
                self.f.locals[l].clone(),
                true,
            ),
            Var::Global(g) => (
                Inst::LoadGlobal { dst, global: g },
                self.hir.globals[g].name.clone(),
                false,
            ),
        };
        self.emit(inst);
        let is_param = matches!(var, Var::Local(l) if self.f.params.contains(&l));
        if !is_param {
            self.emit(Inst::CheckBound {
                value: dst,
                name,
                local,
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
            ExprKind::Int(i) => match i.to_i64() {
                Some(v) if (abi::SMALL_INT_MIN..=abi::SMALL_INT_MAX).contains(&v) => {
                    self.word(abi::small_int(v))
                }
                _ => self.constant(Const::BigInt(i.to_string())),
            },
            ExprKind::Float(x) => self.constant(Const::Float(*x)),
            ExprKind::Str(s) => self.constant(Const::Str(s.clone())),
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
                let cond = self.condition(test);
                let (then_b, else_b, join) = (self.new_block(), self.new_block(), self.new_block());
                let result = self.value(Ty::Word);
                self.f.blocks[join].params.push(result);
                self.terminate(Terminator::Branch {
                    cond,
                    then_: then_b,
                    else_: else_b,
                });
                self.switch_to(then_b);
                let v = self.expr(body);
                self.terminate(Terminator::Jump(join, vec![v]));
                self.switch_to(else_b);
                let v = self.expr(orelse);
                self.terminate(Terminator::Jump(join, vec![v]));
                self.switch_to(join);
                result
            }
            ExprKind::Tuple(items) => {
                let values: Vec<ValueId> = items.iter().map(|i| self.expr(i)).collect();
                self.call(RtFn::TupleNew, vec![Arg::Array(values)], line)
            }
            ExprKind::CallBuiltin {
                builtin,
                args,
                keywords,
            } => {
                let values: Vec<ValueId> = args.iter().map(|a| self.expr(a)).collect();
                let mut call_args = vec![Arg::Array(values.clone())];
                let mut owned = values;
                if *builtin == Builtin::Print {
                    let (mut sep, mut end) = (None, None);
                    for (k, e) in keywords {
                        let v = self.expr(e);
                        owned.push(v);
                        match k {
                            PrintKeyword::Sep => sep = Some(v),
                            PrintKeyword::End => end = Some(v),
                        }
                    }
                    let sep = sep.unwrap_or_else(|| self.word(abi::NONE));
                    let end = end.unwrap_or_else(|| self.word(abi::NONE));
                    call_args.extend([Arg::Value(sep), Arg::Value(end)]);
                }
                let r = self.call(builtin_fn(*builtin), call_args, line);
                for v in owned {
                    self.decref(v);
                }
                r
            }
            ExprKind::CallFunc {
                func,
                global,
                args,
                fill,
            } => {
                self.load_function(*global, line);
                let mut values: Vec<ValueId> = args.iter().map(|a| self.expr(a)).collect();
                for g in fill {
                    let d = self.value(Ty::Word);
                    self.emit(Inst::LoadGlobal { dst: d, global: *g });
                    self.emit(Inst::IncRef(d));
                    values.push(d);
                }
                let dst = self.value(Ty::Word);
                self.emit(Inst::CallUser {
                    dst,
                    func: *func,
                    args: values,
                    line,
                });
                dst
            }
            ExprKind::CallError {
                global,
                args,
                message,
            } => {
                self.load_function(*global, line);
                for a in args {
                    let v = self.expr(a);
                    self.decref(v);
                }
                self.raise(RtFn::RaiseTypeError, message.clone(), line);
                self.word(abi::NONE)
            }
            ExprKind::NameError(name) => {
                self.raise(RtFn::RaiseNameError, name.clone(), line);
                self.word(abi::NONE)
            }
        }
    }

    /// A function's global is bound once its `def` ran; before that, `NameError`.
    fn load_function(&mut self, global: GlobalId, line: u32) {
        let dst = self.value(Ty::Word);
        self.emit(Inst::LoadGlobal { dst, global });
        let name = self.hir.globals[global].name.clone();
        self.emit(Inst::CheckBound {
            value: dst,
            name,
            local: false,
            line,
        });
    }

    fn compare_op(&mut self, op: CmpOp, x: ValueId, y: ValueId, line: u32) -> ValueId {
        let func = match op {
            CmpOp::Eq => RtFn::Eq,
            CmpOp::Ne => RtFn::Ne,
            CmpOp::Lt => RtFn::Lt,
            CmpOp::Le => RtFn::Le,
            CmpOp::Gt => RtFn::Gt,
            CmpOp::Ge => RtFn::Ge,
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
