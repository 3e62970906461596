//! Extraction: the cheapest term of an e-class that can be computed at one
//! point of a block, under a cost model that prefers unboxed and cheap ops.
//! A leaf is only usable where its value is live; an op only where MIR has an
//! instruction for it in the operands' representations.

use std::collections::{BTreeSet, HashMap};

use egg::{EGraph, Id, Language};
use skink_abi as abi;
use skink_rules::{Op, Ty as RuleTy};

use crate::mir::ValueId;
use crate::mir::egraph::analysis::{Facts, Repr, result_repr};
use crate::mir::egraph::lang::Node;

/// More than any term: an op that cannot be made here.
pub const NEVER: u32 = u32::MAX / 4;

/// A runtime call: what an op on words the graph cannot emit costs.
pub const RUNTIME_CALL: u32 = 30;

/// What computing `node` costs, its operands aside, or `None` where MIR has no
/// instruction for it (or, for a leaf, the value is not live).
pub fn node_cost(
    egraph: &EGraph<Node, Facts>,
    node: &Node,
    live: &dyn Fn(ValueId) -> bool,
) -> Option<u32> {
    let data = |id: &Id| &egraph[*id].data;
    match node {
        Node::Val(v) => live(*v).then_some(0),
        Node::Int(i) => ((abi::SMALL_INT_MIN..=abi::SMALL_INT_MAX).contains(i)).then_some(1),
        Node::Float(_) | Node::Bool(_) => Some(1),
        Node::Unary(op, _) | Node::Binary(op, _) => {
            let kids = node.children();
            let reprs: Vec<Option<Repr>> = kids.iter().map(|c| data(c).repr).collect();
            let all = |r: Repr| reprs.iter().all(|k| *k == Some(r));
            let int_words = all(Repr::Word) && kids.iter().all(|c| data(c).ty == Some(RuleTy::Int));
            match op {
                // A float object is an allocation; a bool word is an immediate.
                Op::Box if all(Repr::F64) => Some(20),
                Op::Box if all(Repr::Truth) => Some(1),
                Op::Unbox if all(Repr::Word) => match data(&kids[0]).ty? {
                    RuleTy::Float => Some(2),
                    RuleTy::Bool => Some(2),
                    RuleTy::Int => None,
                },
                Op::Add | Op::Sub | Op::Mul | Op::Neg if all(Repr::F64) => Some(2),
                Op::TrueDiv if all(Repr::F64) => Some(5),
                Op::Lt | Op::Le | Op::Gt | Op::Ge | Op::Eq | Op::Ne if all(Repr::F64) => Some(2),
                Op::Lt | Op::Le | Op::Gt | Op::Ge | Op::Eq | Op::Ne if int_words => Some(4),
                op if int_words => int_word_cost(*op),
                Op::Not if all(Repr::Truth) => Some(1),
                _ => None,
            }
        }
    }
}

/// What an op on two int words costs where code generation inlines it for
/// small ints (a tag test, the machine op, a range check); ops it leaves to
/// the runtime are never chosen, so no rule turns an inline op into a call.
fn int_word_cost(op: Op) -> Option<u32> {
    match op {
        Op::BitAnd | Op::BitOr => Some(2),
        Op::BitXor => Some(3),
        Op::Add | Op::Sub => Some(4),
        Op::Shr => Some(5),
        Op::Mul => Some(6),
        Op::FloorDiv | Op::Mod => Some(12),
        _ => None,
    }
}

/// Whether `node` has the representation its class has: a class only ever
/// holds one, but a node that would change it is never chosen.
fn keeps_repr(egraph: &EGraph<Node, Facts>, class: Id, node: &Node) -> bool {
    let want = egraph[class].data.repr;
    let got = match node {
        Node::Unary(op, _) | Node::Binary(op, _) => {
            let reprs: Vec<Option<Repr>> = node
                .children()
                .iter()
                .map(|c| egraph[*c].data.repr)
                .collect();
            result_repr(*op, egraph[class].data.ty, &reprs)
        }
        Node::Val(_) => want,
        _ => node
            .as_konst()
            .map(crate::mir::egraph::analysis::konst_repr),
    };
    want.is_some() && got == want
}

/// The best node of each class reachable from `root`, with the cost of its term.
pub fn best(
    egraph: &EGraph<Node, Facts>,
    root: Id,
    live: &dyn Fn(ValueId) -> bool,
) -> HashMap<Id, (u32, Node)> {
    let mut reach: BTreeSet<Id> = BTreeSet::new();
    let mut stack = vec![egraph.find(root)];
    while let Some(c) = stack.pop() {
        if reach.insert(c) {
            for n in &egraph[c].nodes {
                stack.extend(n.children().iter().map(|k| egraph.find(*k)));
            }
        }
    }
    let mut best: HashMap<Id, (u32, Node)> = HashMap::new();
    loop {
        let mut changed = false;
        for &c in &reach {
            for n in &egraph[c].nodes {
                let Some(own) = node_cost(egraph, n, live) else {
                    continue;
                };
                if !keeps_repr(egraph, c, n) {
                    continue;
                }
                let mut total = own;
                for k in n.children() {
                    total = total.saturating_add(best.get(&egraph.find(*k)).map_or(NEVER, |b| b.0));
                }
                if total < NEVER && best.get(&c).is_none_or(|b| total < b.0) {
                    best.insert(c, (total, n.clone()));
                    changed = true;
                }
            }
        }
        if !changed {
            return best;
        }
    }
}
