//! The e-graph optimizer: in each block, the pure ops on values of proven type
//! (unboxed float arithmetic, comparisons, truth values, boxing and unboxing,
//! and int arithmetic on words) form an e-graph; everything else, and every
//! value defined elsewhere, is an opaque leaf. The verified rules of
//! `skink-rules` and constant folding saturate it within fixed node and
//! iteration limits (never a time limit: the result must not depend on the
//! machine), and an instruction is replaced only by a strictly cheaper term.
//! Fuel counts the rewrites that change a graph, so `--opt-fuel N` stops after
//! the N-th and a miscompilation can be bisected to one rewrite.

pub mod analysis;
mod extract;
pub mod lang;
pub mod rules;

use std::collections::{BTreeMap, HashMap};
use std::time::Duration;

use egg::{EGraph, Id, Language, RecExpr, Rewrite, Runner};
use skink_abi::{self as abi, RtFn};
use skink_rules::fold::Konst;
use skink_rules::{Op, Ty as RuleTy};

use crate::mir::egraph::analysis::{Facts, Firing, Repr};
use crate::mir::egraph::extract::{NEVER, RUNTIME_CALL, best, node_cost};
use crate::mir::egraph::lang::Node;
use crate::mir::types::{FuncTypes, ModuleTypes, PyTy, inplace_op};
use crate::mir::unbox::{moves, remove_dead, substitute};
use crate::mir::*;

/// Saturation stops after this many iterations...
const ITER_LIMIT: usize = 12;
/// ...or when a block's graph has this many nodes.
const NODE_LIMIT: usize = 5_000;

/// What the optimizer did to a module.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Report {
    /// How often each rule changed a graph (`const-fold` for folding).
    pub fired: BTreeMap<String, usize>,
    /// Every rewrite in fuel order.
    pub firings: Vec<Firing>,
    /// How many instructions were replaced by cheaper terms.
    pub replaced: usize,
    /// In debug builds: why each replacement is equal to what it replaced.
    pub explanations: Vec<String>,
}

/// Optimizes every function of `module`; `fuel` limits the rewrites.
pub fn optimize(module: &mut Module, types: &ModuleTypes, fuel: Option<u64>) -> Report {
    let rules = rules::verified();
    let mut report = Report::default();
    let mut facts = Facts {
        fuel,
        ..Facts::default()
    };
    for (id, f) in module.funcs.iter_mut() {
        facts.function = f.name.clone();
        let mut subst = HashMap::new();
        let blocks: Vec<BlockId> = f.blocks.keys().collect();
        for b in blocks {
            facts = optimize_block(
                f,
                b,
                &types.funcs[id],
                &rules,
                facts,
                &mut subst,
                &mut report,
            );
        }
        substitute(f, &subst);
        tidy(f);
        remove_dead(f);
        crate::mir::merge::merge_blocks(f);
    }
    report.fired = facts.fired;
    report.firings = facts.firings;
    report
}

/// Cleans up after replacements: a `copy` whose source is released right
/// after becomes the source itself, and a branch on a negation swaps its targets.
fn tidy(f: &mut Function) {
    let mut subst = HashMap::new();
    for (_, block) in f.blocks.iter_mut() {
        let mut remove = Vec::new();
        for (i, inst) in block.insts.iter().enumerate() {
            let Inst::Copy { dst, src } = inst else {
                continue;
            };
            let next = block.insts[i + 1..]
                .iter()
                .position(|later| later.operands().contains(src));
            if let Some(j) = next
                && matches!(block.insts[i + 1 + j], Inst::DecRef(x) if x == *src)
            {
                remove.push(i);
                remove.push(i + 1 + j);
                subst.insert(*dst, *src);
            }
        }
        if !remove.is_empty() {
            let mut i = 0;
            block.insts.retain(|_| {
                i += 1;
                !remove.contains(&(i - 1))
            });
        }
        if let Terminator::Branch { cond, then_, else_ } = &mut block.term {
            let negated = block.insts.iter().find_map(|inst| match inst {
                Inst::Prim {
                    dst,
                    op: Prim::Not,
                    args,
                    ..
                } if dst == cond => Some(args[0]),
                _ => None,
            });
            if let Some(c) = negated {
                *cond = c;
                std::mem::swap(then_, else_);
            }
        }
    }
    substitute(f, &subst);
}

/// The shape of a MIR instruction the graph takes in, and what it costs now.
struct Shape {
    dst: ValueId,
    node: ShapeNode,
    cost: u32,
}

enum ShapeNode {
    Op(Op, Vec<ValueId>),
    Konst(Konst),
    /// `box(k)`: a bool constant word.
    BoxedKonst(Konst),
    /// `box(not c)`.
    BoxNot(ValueId),
    /// `not(unbox(v))`.
    NotUnbox(ValueId),
}

fn prim_op(p: Prim) -> Option<(Op, u32)> {
    Some(match p {
        Prim::FAdd => (Op::Add, 2),
        Prim::FSub => (Op::Sub, 2),
        Prim::FMul => (Op::Mul, 2),
        Prim::FDiv => (Op::TrueDiv, 5),
        Prim::FNeg => (Op::Neg, 2),
        Prim::FLt => (Op::Lt, 2),
        Prim::FLe => (Op::Le, 2),
        Prim::FGt => (Op::Gt, 2),
        Prim::FGe => (Op::Ge, 2),
        Prim::FEq => (Op::Eq, 2),
        Prim::FNe => (Op::Ne, 2),
        Prim::ILt => (Op::Lt, 4),
        Prim::ILe => (Op::Le, 4),
        Prim::IGt => (Op::Gt, 4),
        Prim::IGe => (Op::Ge, 4),
        Prim::IEq => (Op::Eq, 4),
        Prim::INe => (Op::Ne, 4),
        Prim::UnboxFloat => (Op::Unbox, 2),
        Prim::BoxFloat => (Op::Box, 20),
        Prim::Not => (Op::Not, 1),
        // Not among the e-graph's ops (no rules over it): stays in the skeleton.
        Prim::IntToFloat | Prim::FMod => return None,
    })
}

fn call_op(func: RtFn) -> Option<Op> {
    Some(match func {
        RtFn::Add => Op::Add,
        RtFn::Sub => Op::Sub,
        RtFn::Mul => Op::Mul,
        RtFn::FloorDiv => Op::FloorDiv,
        RtFn::Mod => Op::Mod,
        RtFn::BitAnd => Op::BitAnd,
        RtFn::BitOr => Op::BitOr,
        RtFn::BitXor => Op::BitXor,
        RtFn::LShift => Op::Shl,
        RtFn::RShift => Op::Shr,
        RtFn::Neg => Op::Neg,
        RtFn::Invert => Op::Invert,
        _ => return None,
    })
}

/// The runtime function computing `op` on two words (the inverse of `call_op`).
fn op_call(op: Op) -> Option<RtFn> {
    [
        RtFn::Add,
        RtFn::Sub,
        RtFn::Mul,
        RtFn::FloorDiv,
        RtFn::Mod,
        RtFn::BitAnd,
        RtFn::BitOr,
        RtFn::BitXor,
        RtFn::LShift,
        RtFn::RShift,
    ]
    .into_iter()
    .find(|f| call_op(*f) == Some(op))
}

/// The rule type of a word of this Python type.
fn rule_ty(t: PyTy) -> Option<RuleTy> {
    match t {
        PyTy::Int => Some(RuleTy::Int),
        PyTy::Float => Some(RuleTy::Float),
        PyTy::Bool => Some(RuleTy::Bool),
        _ => None,
    }
}

fn shape(inst: &Inst) -> Option<Shape> {
    let (dst, node, cost) = match inst {
        Inst::Word { dst, word } if abi::is_small_int(*word) => {
            (*dst, ShapeNode::Konst(Konst::Int(*word >> 1)), 1)
        }
        Inst::Word { dst, word } if *word == abi::TRUE || *word == abi::FALSE => (
            *dst,
            ShapeNode::BoxedKonst(Konst::Bool(*word == abi::TRUE)),
            1,
        ),
        Inst::F64Const { dst, value } => (*dst, ShapeNode::Konst(Konst::Float(*value)), 1),
        Inst::TruthConst { dst, value } => (*dst, ShapeNode::Konst(Konst::Bool(*value)), 1),
        Inst::Prim { dst, op, args, .. } => {
            let (op, cost) = prim_op(*op)?;
            (*dst, ShapeNode::Op(op, args.clone()), cost)
        }
        Inst::BoolWord { dst, cond, negate } => {
            if *negate {
                (*dst, ShapeNode::BoxNot(*cond), 2)
            } else {
                (*dst, ShapeNode::Op(Op::Box, vec![*cond]), 1)
            }
        }
        // A test of a word keeps the word alive: worth more than the test alone.
        Inst::IsWord { dst, value, word } if *word == abi::TRUE => {
            (*dst, ShapeNode::Op(Op::Unbox, vec![*value]), 2)
        }
        Inst::IsWord { dst, value, word } if *word == abi::FALSE => {
            (*dst, ShapeNode::NotUnbox(*value), 2)
        }
        Inst::Call {
            dst: Some(dst),
            func,
            args,
            ..
        } => {
            let values: Vec<ValueId> = args
                .iter()
                .filter_map(|a| match a {
                    Arg::Value(v) => Some(*v),
                    _ => None,
                })
                .collect();
            let op = match (func, args.as_slice()) {
                (RtFn::Inplace, [_, _, Arg::Int(code)]) => call_op(inplace_op(*code)?)?,
                (RtFn::Inplace, _) => return None,
                _ => call_op(*func)?,
            };
            if values.len() != op.arity() {
                return None;
            }
            (*dst, ShapeNode::Op(op, values), RUNTIME_CALL)
        }
        _ => return None,
    };
    Some(Shape { dst, node, cost })
}

/// Where each word value of a block stops being usable (see `live_at`).
struct Liveness {
    /// The position of each value the block defines.
    def: HashMap<ValueId, usize>,
    /// Word values usable as leaves, with the positions from which and until
    /// which they are: owned values until released or moved, loads of locals
    /// after their first real use (past any unbound check) until a store to the
    /// local. Loads of globals and cells are never used (a call may change them).
    word_span: HashMap<ValueId, (usize, usize)>,
}

impl Liveness {
    /// One pass over the block: each value's definition, first real use (for
    /// loads) and first release, move or store that ends it.
    fn new(f: &Function, block: &Block) -> Liveness {
        let mut def = HashMap::new();
        let mut from: HashMap<ValueId, usize> = HashMap::new();
        let mut until: HashMap<ValueId, usize> = HashMap::new();
        let mut loads: HashMap<ValueId, LocalId> = HashMap::new();
        for (i, inst) in block.insts.iter().enumerate() {
            let operands = inst.operands();
            if !matches!(inst, Inst::IncRef(_) | Inst::DecRef(_)) {
                for v in operands.iter().filter(|v| loads.contains_key(v)) {
                    from.entry(*v).or_insert(i);
                }
            }
            let mut ended: Vec<ValueId> = operands
                .iter()
                .copied()
                .filter(|v| moves(inst, *v))
                .collect();
            match inst {
                Inst::DecRef(x) => ended.push(*x),
                Inst::StoreLocal { local, .. } => {
                    ended.extend(loads.iter().filter(|(_, l)| *l == local).map(|(v, _)| *v));
                }
                _ => {}
            }
            for v in ended {
                until.entry(v).or_insert(i);
            }
            inst.for_each_def(|d| {
                def.insert(d, i);
                if f.values[d] != Ty::Word {
                    return;
                }
                match inst {
                    Inst::LoadLocal { local, .. } => {
                        loads.insert(d, *local);
                    }
                    Inst::LoadGlobal { .. } | Inst::LoadCell { .. } => {}
                    _ => {
                        from.insert(d, i + 1);
                    }
                }
            });
        }
        let word_span = from
            .into_iter()
            .filter_map(|(v, start)| {
                let end = until.get(&v).copied().unwrap_or(usize::MAX);
                (start < end).then_some((v, (start, end)))
            })
            .collect();
        Liveness { def, word_span }
    }

    /// Whether `v` can be read by an instruction placed at position `at`.
    fn live_at(&self, f: &Function, v: ValueId, at: usize) -> bool {
        if f.values[v] == Ty::Word {
            // Position `at` itself is the replaced instruction, which read it.
            return self
                .word_span
                .get(&v)
                .is_some_and(|&(from, until)| from <= at && at < until);
        }
        self.def.get(&v).is_none_or(|&d| d < at)
    }
}

/// One block's graph: the class of each value, and the instructions in it.
struct Graph {
    egraph: EGraph<Node, Facts>,
    class_of: HashMap<ValueId, Id>,
    /// Position, shape cost and the original term of each instruction taken in.
    taken: Vec<(usize, ValueId, u32, RecExpr<Node>)>,
}

impl Graph {
    fn leaf(&mut self, f: &Function, t: &FuncTypes, v: ValueId) -> Id {
        if let Some(&c) = self.class_of.get(&v) {
            return c;
        }
        let (ty, repr) = match f.values[v] {
            Ty::F64 => (Some(RuleTy::Float), Repr::F64),
            Ty::I32 => (Some(RuleTy::Bool), Repr::Truth),
            Ty::Word => (rule_ty(t.values[v]), Repr::Word),
        };
        self.egraph.analysis.leaves.insert(v, (ty, repr));
        let id = self.egraph.add(Node::Val(v));
        self.class_of.insert(v, id);
        id
    }

    fn add(&mut self, node: Node, term: &mut RecExpr<Node>) -> (Id, egg::Id) {
        let id = self.egraph.add(node.clone());
        let local = term.add(node);
        (id, local)
    }

    /// Takes in one instruction; `false` if its operands' types do not allow it.
    fn take(&mut self, f: &Function, t: &FuncTypes, at: usize, s: Shape) -> bool {
        let mut term = RecExpr::default();
        let mut cost = s.cost;
        let operand = |g: &mut Graph, v: ValueId, term: &mut RecExpr<Node>| {
            let id = g.leaf(f, t, v);
            (id, term.add(Node::Val(v)))
        };
        let (root, _) = match s.node {
            ShapeNode::Konst(k) => self.add(Node::konst(k), &mut term),
            ShapeNode::BoxedKonst(k) => {
                let (c, lc) = self.add(Node::konst(k), &mut term);
                let id = self.egraph.add(Node::Unary(Op::Box, [c]));
                (id, term.add(Node::Unary(Op::Box, [lc])))
            }
            ShapeNode::BoxNot(cond) => {
                let (c, lc) = operand(self, cond, &mut term);
                let n = self.egraph.add(Node::Unary(Op::Not, [c]));
                let ln = term.add(Node::Unary(Op::Not, [lc]));
                let id = self.egraph.add(Node::Unary(Op::Box, [n]));
                (id, term.add(Node::Unary(Op::Box, [ln])))
            }
            ShapeNode::NotUnbox(v) => {
                let (c, lc) = operand(self, v, &mut term);
                if self.egraph[c].data.ty != Some(RuleTy::Bool) {
                    return false;
                }
                let u = self.egraph.add(Node::Unary(Op::Unbox, [c]));
                let lu = term.add(Node::Unary(Op::Unbox, [lc]));
                let id = self.egraph.add(Node::Unary(Op::Not, [u]));
                (id, term.add(Node::Unary(Op::Not, [lu])))
            }
            ShapeNode::Op(op, args) => {
                let mut kids = Vec::new();
                let mut local = Vec::new();
                for a in args {
                    let (c, lc) = operand(self, a, &mut term);
                    kids.push(c);
                    local.push(lc);
                }
                let tys: Option<Vec<RuleTy>> =
                    kids.iter().map(|c| self.egraph[*c].data.ty).collect();
                // Only ops whose operand types the rules' ops are defined on,
                // and `unbox` of a bool word (`is_word v, True` tests anything).
                let Some(tys) = tys else { return false };
                if op.result(&tys).is_none() {
                    return false;
                }
                let node = Node::app(op, &kids);
                // An op code generation inlines costs what the model says it
                // does, so only a cheaper term replaces it.
                cost = cost.min(node_cost(&self.egraph, &node, &|_| true).unwrap_or(cost));
                let id = self.egraph.add(node);
                (id, term.add(Node::app(op, &local)))
            }
        };
        let val = self.egraph.add(Node::Val(s.dst));
        self.egraph.union_trusted(root, val, "definition");
        self.class_of.insert(s.dst, root);
        self.taken.push((at, s.dst, cost, term));
        true
    }
}

fn optimize_block(
    f: &mut Function,
    b: BlockId,
    t: &FuncTypes,
    rules: &[Rewrite<Node, Facts>],
    facts: Facts,
    subst: &mut HashMap<ValueId, ValueId>,
    report: &mut Report,
) -> Facts {
    let shapes: Vec<(usize, Shape)> = f.blocks[b]
        .insts
        .iter()
        .enumerate()
        .filter_map(|(i, inst)| shape(inst).map(|s| (i, s)))
        .collect();
    // A graph without an op has nothing to rewrite.
    if !shapes
        .iter()
        .any(|(_, s)| matches!(s.node, ShapeNode::Op(..)))
        || !facts.has_fuel()
    {
        return facts;
    }
    let mut egraph = EGraph::new(Facts {
        leaves: HashMap::new(),
        ..facts
    });
    if cfg!(debug_assertions) {
        egraph = egraph.with_explanations_enabled();
    }
    let mut g = Graph {
        egraph,
        class_of: HashMap::new(),
        taken: Vec::new(),
    };
    for (at, s) in shapes {
        g.take(f, t, at, s);
    }
    let runner = Runner::default()
        .with_egraph(g.egraph)
        .with_iter_limit(ITER_LIMIT)
        .with_node_limit(NODE_LIMIT)
        // The limits above bound the work; a clock would make output depend on load.
        .with_time_limit(Duration::from_secs(u64::from(u32::MAX)))
        .run(rules);
    let mut egraph = runner.egraph;
    let liveness = Liveness::new(f, &f.blocks[b]);
    let mut edits: BTreeMap<usize, Vec<Inst>> = BTreeMap::new();
    for (at, dst, cost, original) in std::mem::take(&mut g.taken) {
        let class = egraph.find(g.class_of[&dst]);
        let live = |v: ValueId| v != dst && liveness.live_at(f, v, at);
        let choice = best(&egraph, class, &live);
        let Some(&(new_cost, _)) = choice.get(&class) else {
            continue;
        };
        if new_cost >= cost.min(NEVER) {
            continue;
        }
        let line = match &f.blocks[b].insts[at] {
            Inst::Prim { line, .. } | Inst::Call { line, .. } => *line,
            _ => 0,
        };
        let mut e = Emitter {
            f,
            egraph: &egraph,
            choice: &choice,
            line,
            out: Vec::new(),
            temps: Vec::new(),
        };
        let replacement = e.root(class, dst, subst);
        let (out, temps) = (e.out, e.temps);
        let mut insts = out;
        insts.extend(temps.into_iter().map(Inst::DecRef));
        if cfg!(debug_assertions) {
            let why = explain(&mut egraph, &original, &replacement);
            report.explanations.push(format!(
                "{}: {dst} = {original} => {replacement}\n{why}",
                f.name
            ));
        }
        report.replaced += 1;
        edits.insert(at, insts);
    }
    if !edits.is_empty() {
        let old = std::mem::take(&mut f.blocks[b].insts);
        let mut insts = Vec::with_capacity(old.len());
        for (i, inst) in old.into_iter().enumerate() {
            match edits.remove(&i) {
                Some(new) => insts.extend(new),
                None => insts.push(inst),
            }
        }
        f.blocks[b].insts = insts;
    }
    let facts = std::mem::take(&mut egraph.analysis);
    Facts {
        leaves: HashMap::new(),
        ..facts
    }
}

fn explain(egraph: &mut EGraph<Node, Facts>, from: &RecExpr<Node>, to: &RecExpr<Node>) -> String {
    if egraph.lookup_expr(from).is_none() || egraph.lookup_expr(to).is_none() {
        return String::new();
    }
    egraph.explain_equivalence(from, to).get_flat_string()
}

/// Writes the chosen term of a class as MIR instructions.
struct Emitter<'a> {
    f: &'a mut Function,
    egraph: &'a EGraph<Node, Facts>,
    choice: &'a HashMap<Id, (u32, Node)>,
    line: u32,
    out: Vec<Inst>,
    /// Words made on the way, released after the root.
    temps: Vec<ValueId>,
}

impl Emitter<'_> {
    /// Defines `dst` by the class's term (or substitutes a live value for it);
    /// returns the term.
    fn root(
        &mut self,
        class: Id,
        dst: ValueId,
        subst: &mut HashMap<ValueId, ValueId>,
    ) -> RecExpr<Node> {
        let mut term = RecExpr::default();
        let node = self.choice[&class].1.clone();
        if let Node::Val(x) = node {
            term.add(Node::Val(x));
            if self.f.values[dst] == Ty::Word {
                self.out.push(Inst::Copy { dst, src: x });
            } else {
                subst.insert(dst, x);
            }
            return term;
        }
        self.node(class, &node, Some(dst), &mut term);
        term
    }

    fn class(&mut self, class: Id, term: &mut RecExpr<Node>) -> (ValueId, Id) {
        let class = self.egraph.find(class);
        let node = self.choice[&class].1.clone();
        let (v, local) = self.node(class, &node, None, term);
        if self.f.values[v] == Ty::Word && !matches!(node, Node::Val(_)) {
            self.temps.push(v);
        }
        (v, local)
    }

    fn node(
        &mut self,
        class: Id,
        node: &Node,
        dst: Option<ValueId>,
        term: &mut RecExpr<Node>,
    ) -> (ValueId, Id) {
        if let Node::Val(x) = node {
            return (*x, term.add(node.clone()));
        }
        let mut kids = Vec::new();
        let mut local = Vec::new();
        for k in node.children() {
            let (v, l) = self.class(*k, term);
            kids.push(v);
            local.push(l);
        }
        let own_term = match node {
            Node::Unary(op, _) | Node::Binary(op, _) => Node::app(*op, &local),
            other => other.clone(),
        };
        let dst = dst.unwrap_or_else(|| {
            let ty = match self.egraph[class].data.repr {
                Some(Repr::F64) => Ty::F64,
                Some(Repr::Truth) => Ty::I32,
                _ => Ty::Word,
            };
            self.f.values.push(ty)
        });
        let reprs: Vec<Ty> = kids.iter().map(|k| self.f.values[*k]).collect();
        let line = self.line;
        let prim = |op: Prim, args: Vec<ValueId>| Inst::Prim {
            dst,
            op,
            args,
            line,
        };
        let float = reprs.first() == Some(&Ty::F64);
        let inst = match node {
            Node::Int(i) => Inst::Word {
                dst,
                word: abi::small_int(*i),
            },
            Node::Float(bits) => Inst::F64Const {
                dst,
                value: f64::from_bits(*bits),
            },
            Node::Bool(b) => Inst::TruthConst { dst, value: *b },
            Node::Unary(Op::Box, _) if float => prim(Prim::BoxFloat, kids),
            Node::Unary(Op::Box, _) => Inst::BoolWord {
                dst,
                cond: kids[0],
                negate: false,
            },
            Node::Unary(Op::Unbox, _) if self.f.values[dst] == Ty::F64 => {
                prim(Prim::UnboxFloat, kids)
            }
            Node::Unary(Op::Unbox, _) => Inst::IsWord {
                dst,
                value: kids[0],
                word: abi::TRUE,
            },
            Node::Unary(Op::Not, _) => prim(Prim::Not, kids),
            Node::Unary(Op::Neg, _) => prim(Prim::FNeg, kids),
            Node::Binary(op, _) => {
                let p = match (op, float) {
                    (Op::Add, true) => Prim::FAdd,
                    (Op::Sub, true) => Prim::FSub,
                    (Op::Mul, true) => Prim::FMul,
                    (Op::TrueDiv, true) => Prim::FDiv,
                    (Op::Lt, true) => Prim::FLt,
                    (Op::Le, true) => Prim::FLe,
                    (Op::Gt, true) => Prim::FGt,
                    (Op::Ge, true) => Prim::FGe,
                    (Op::Eq, true) => Prim::FEq,
                    (Op::Ne, true) => Prim::FNe,
                    (Op::Lt, false) => Prim::ILt,
                    (Op::Le, false) => Prim::ILe,
                    (Op::Gt, false) => Prim::IGt,
                    (Op::Ge, false) => Prim::IGe,
                    (Op::Eq, false) => Prim::IEq,
                    (Op::Ne, false) => Prim::INe,
                    (op, false) => {
                        let func = op_call(*op).unwrap_or_else(|| {
                            unreachable!("extraction only chooses ops MIR has: {op:?}")
                        });
                        let args = kids.into_iter().map(Arg::Value).collect();
                        self.out.push(Inst::Call {
                            dst: Some(dst),
                            func,
                            args,
                            line,
                        });
                        return (dst, term.add(own_term));
                    }
                    _ => unreachable!("extraction only chooses ops MIR has: {op:?}"),
                };
                prim(p, kids)
            }
            _ => unreachable!("extraction only chooses ops MIR has: {node:?}"),
        };
        self.out.push(inst);
        (dst, term.add(own_term))
    }
}

#[cfg(test)]
mod tests {
    #[test]
    fn every_verified_rule_becomes_a_rewrite() {
        let verified = skink_rules::verified_rules();
        assert!(verified.len() >= 40, "{} verified rules", verified.len());
        for r in &verified {
            if let Err(e) = super::rules::rewrite(r) {
                panic!("rule {}: {e}", r.name);
            }
        }
        assert_eq!(super::rules::verified().len(), verified.len());
    }
}
