//! What the e-graph knows of each e-class: its Python type (the rules' guards
//! test it), its machine representation (extraction keeps it), and its constant
//! value, which folding adds to the class as a node. The analysis also holds the
//! fuel and the log of rewrites, so every change to the graph is counted once.

use std::collections::{BTreeMap, HashMap};

use egg::{Analysis, DidMerge, EGraph, Id, Language};
use skink_rules::Op;
use skink_rules::Ty as RuleTy;
use skink_rules::fold::{Konst, fold};

use crate::inject;
use crate::mir::ValueId;
use crate::mir::egraph::lang::Node;

/// How a value is held in machine code.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Repr {
    /// A Python object (`Ty::Word`).
    Word,
    /// A raw float (`Ty::F64`).
    F64,
    /// A truth value (`Ty::I32`) standing for a bool.
    Truth,
}

#[derive(Clone, Debug, PartialEq)]
pub struct Data {
    pub ty: Option<RuleTy>,
    pub repr: Option<Repr>,
    pub konst: Option<Konst>,
}

/// The representation an op's result has, given its operands'.
pub fn result_repr(op: Op, ty: Option<RuleTy>, args: &[Option<Repr>]) -> Option<Repr> {
    match op {
        Op::Box => matches!(args, [Some(Repr::F64 | Repr::Truth)]).then_some(Repr::Word),
        Op::Unbox => match (args, ty?) {
            ([Some(Repr::Word)], RuleTy::Float) => Some(Repr::F64),
            ([Some(Repr::Word)], RuleTy::Bool) => Some(Repr::Truth),
            _ => None,
        },
        Op::Lt | Op::Le | Op::Gt | Op::Ge | Op::Eq | Op::Ne | Op::Not | Op::FitsI64 => {
            Some(Repr::Truth)
        }
        _ => {
            let first = *args.first()?;
            args.iter().all(|r| *r == first).then_some(first?)
        }
    }
}

/// The representation a constant of this kind has as a node of its own.
pub fn konst_repr(k: Konst) -> Repr {
    match k {
        Konst::Int(_) => Repr::Word,
        Konst::Float(_) => Repr::F64,
        Konst::Bool(_) => Repr::Truth,
    }
}

/// One rewrite that changed a graph, numbered by the fuel it took.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Firing {
    pub fuel: u64,
    pub rule: String,
    /// The function whose block it was in.
    pub function: String,
}

/// The analysis, and the state of one optimization run carried through it.
#[derive(Debug, Default)]
pub struct Facts {
    /// The type and representation of each leaf of the graph being built.
    pub leaves: HashMap<ValueId, (Option<RuleTy>, Repr)>,
    /// How many rewrites may change a graph (`None`: no limit).
    pub fuel: Option<u64>,
    /// The function being optimized, for the log.
    pub function: String,
    pub fired: BTreeMap<String, usize>,
    /// Every rewrite so far, in fuel order: the fuel used is its length.
    pub firings: Vec<Firing>,
}

/// The name constant folding is logged under.
pub const CONST_FOLD: &str = "const-fold";

impl Facts {
    pub fn has_fuel(&self) -> bool {
        self.fuel.is_none_or(|f| (self.firings.len() as u64) < f)
    }

    /// Logs a rewrite that changed the graph and takes its fuel.
    pub fn burn(&mut self, rule: &str) {
        *self.fired.entry(rule.to_string()).or_default() += 1;
        self.firings.push(Firing {
            fuel: self.firings.len() as u64 + 1,
            rule: rule.to_string(),
            function: self.function.clone(),
        });
    }
}

impl Analysis<Node> for Facts {
    type Data = Data;

    fn make(egraph: &mut EGraph<Node, Self>, enode: &Node, _id: Id) -> Data {
        let data = |id: &Id| &egraph[*id].data;
        match enode {
            Node::Val(v) => {
                let (ty, repr) = egraph
                    .analysis
                    .leaves
                    .get(v)
                    .copied()
                    .unwrap_or((None, Repr::Word));
                Data {
                    ty,
                    repr: Some(repr),
                    konst: None,
                }
            }
            Node::Int(_) | Node::Float(_) | Node::Bool(_) => {
                let k = enode.as_konst().expect("a constant node");
                Data {
                    ty: Some(match k {
                        Konst::Int(_) => RuleTy::Int,
                        Konst::Float(_) => RuleTy::Float,
                        Konst::Bool(_) => RuleTy::Bool,
                    }),
                    repr: Some(konst_repr(k)),
                    konst: Some(k),
                }
            }
            Node::Unary(op, _) | Node::Binary(op, _) => {
                let kids = enode.children();
                let tys: Option<Vec<RuleTy>> = kids.iter().map(|c| data(c).ty).collect();
                let ty = tys.and_then(|t| op.result(t.as_slice()));
                let reprs: Vec<Option<Repr>> = kids.iter().map(|c| data(c).repr).collect();
                let konsts: Option<Vec<Konst>> = kids.iter().map(|c| data(c).konst).collect();
                Data {
                    ty,
                    repr: result_repr(*op, ty, &reprs),
                    konst: konsts.and_then(|k| {
                        let op = match op {
                            Op::Sub if inject::is_on(inject::Fault::FoldSubAdds) => Op::Add,
                            op => *op,
                        };
                        fold(op, k.as_slice())
                    }),
                }
            }
        }
    }

    fn merge(&mut self, a: &mut Data, b: Data) -> DidMerge {
        let before = a.clone();
        if a.ty.is_none() {
            a.ty = b.ty;
        }
        if a.repr.is_none() {
            a.repr = b.repr;
        }
        if a.konst.is_none() {
            a.konst = b.konst;
        }
        DidMerge(*a != before, *a != b)
    }

    fn modify(egraph: &mut EGraph<Node, Self>, id: Id) {
        let data = &egraph[id].data;
        let Some(k) = data.konst else { return };
        // A boxed constant stays as it is: its node would be unboxed.
        if data.repr != Some(konst_repr(k)) || !egraph.analysis.has_fuel() {
            return;
        }
        let node = Node::konst(k);
        if egraph[id].nodes.contains(&node) {
            return;
        }
        let folded = egraph.add(node);
        if egraph.union(id, folded) {
            egraph.analysis.burn(CONST_FOLD);
        }
    }
}
