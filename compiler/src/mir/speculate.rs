//! Which parameters of a function are worth speculating to be ints.
//!
//! Specialization copies a function for the argument types its call sites
//! prove; where a call passes values of unknown type (read from a tuple, a
//! list, a parameter of the caller), it falls back to the generic function.
//! A call may still *speculate*: test at run time that some arguments are
//! small ints and, if so, call the copy specialized for ints (its small-int
//! code), or else the generic function. Both are correct for any argument;
//! the test only picks the faster one. This module decides, from the callee's
//! body alone, which parameters are likely ints: those whose arithmetic meets
//! int literals and no float or str literal. A wrong guess costs a tag test
//! per call and a copy of the function.

use std::collections::HashMap;

use skink_abi::{self as abi, RtFn};

use crate::mir::*;

/// What the literals an arithmetic web touches say about its values.
#[derive(Clone, Copy, Debug, Default)]
struct Evidence {
    int_literal: bool,
    other_literal: bool,
}

/// Union-find over the values and locals of one function: two nodes meet when
/// one flows into the other or both are operands of the same arithmetic.
#[derive(Default)]
struct Webs {
    parent: HashMap<Node, Node>,
    evidence: HashMap<Node, Evidence>,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
enum Node {
    Value(ValueId),
    Local(LocalId),
}

impl Webs {
    fn root(&mut self, n: Node) -> Node {
        let p = *self.parent.get(&n).unwrap_or(&n);
        if p == n {
            return n;
        }
        let r = self.root(p);
        self.parent.insert(n, r);
        r
    }

    fn join(&mut self, a: Node, b: Node) {
        let (ra, rb) = (self.root(a), self.root(b));
        if ra != rb {
            let e = self.evidence.remove(&rb).unwrap_or_default();
            let into = self.evidence.entry(ra).or_default();
            into.int_literal |= e.int_literal;
            into.other_literal |= e.other_literal;
            self.parent.insert(rb, ra);
        }
    }

    fn note(&mut self, n: Node, int: bool) {
        let r = self.root(n);
        let e = self.evidence.entry(r).or_default();
        if int {
            e.int_literal = true;
        } else {
            e.other_literal = true;
        }
    }
}

/// Arithmetic whose operands and result are one web: where both operands are
/// ints, so is the result. (`/` and `**` are left out: their results are floats
/// or depend on the sign.)
fn int_arithmetic(op: RtFn) -> bool {
    matches!(
        op,
        RtFn::Add
            | RtFn::Sub
            | RtFn::Mul
            | RtFn::FloorDiv
            | RtFn::Mod
            | RtFn::LShift
            | RtFn::RShift
            | RtFn::BitAnd
            | RtFn::BitOr
            | RtFn::BitXor
    )
}

fn ordering(op: RtFn) -> bool {
    matches!(
        op,
        RtFn::Lt | RtFn::Le | RtFn::Gt | RtFn::Ge | RtFn::Eq | RtFn::Ne
    )
}

/// The indices of `f`'s parameters worth speculating to be ints: each takes
/// part in arithmetic or a comparison that meets an int literal, and nothing
/// in that web is a float or str literal.
pub fn int_params(f: &Function, consts: &PrimaryMap<ConstId, Const>) -> Vec<usize> {
    let mut webs = Webs::default();
    // Nodes that take part in some arithmetic or comparison.
    let mut computed: Vec<Node> = Vec::new();
    for block in f.blocks.values() {
        for inst in &block.insts {
            match inst {
                Inst::Word { dst, word } if word & 1 == 1 => {
                    webs.note(Node::Value(*dst), true);
                }
                Inst::Word { dst, word } if *word != abi::NULL => {
                    webs.note(Node::Value(*dst), false);
                }
                Inst::Const { dst, id } => {
                    let int = matches!(consts[*id], Const::BigInt(_));
                    webs.note(Node::Value(*dst), int);
                }
                Inst::LoadLocal { dst, local } => {
                    webs.join(Node::Local(*local), Node::Value(*dst));
                }
                Inst::StoreLocal { local, src } => {
                    webs.join(Node::Local(*local), Node::Value(*src));
                }
                Inst::Copy { dst, src } => webs.join(Node::Value(*dst), Node::Value(*src)),
                Inst::Call {
                    dst, func, args, ..
                } => {
                    let operands: Vec<ValueId> = match (func, args.as_slice()) {
                        (op, [Arg::Value(a), Arg::Value(b)])
                            if int_arithmetic(*op) || ordering(*op) =>
                        {
                            vec![*a, *b]
                        }
                        (RtFn::Inplace, [Arg::Value(a), Arg::Value(b), Arg::Int(code)])
                            if crate::mir::types::inplace_op(*code).is_some_and(int_arithmetic) =>
                        {
                            vec![*a, *b]
                        }
                        _ => continue,
                    };
                    let [a, b] = [operands[0], operands[1]];
                    webs.join(Node::Value(a), Node::Value(b));
                    computed.push(Node::Value(a));
                    if let Some(d) = dst
                        && !ordering(*func)
                    {
                        webs.join(Node::Value(a), Node::Value(*d));
                    }
                }
                _ => {}
            }
        }
        if let Terminator::Jump(to, args) = &block.term {
            for (&p, &a) in f.blocks[*to].params.iter().zip(args) {
                webs.join(Node::Value(p), Node::Value(a));
            }
        }
    }
    let computed: Vec<Node> = computed.into_iter().map(|n| webs.root(n)).collect();
    f.params
        .iter()
        .enumerate()
        .filter(|&(_, &p)| {
            let r = webs.root(Node::Local(p));
            let e = webs.evidence.get(&r).copied().unwrap_or_default();
            computed.contains(&r) && e.int_literal && !e.other_literal
        })
        .map(|(i, _)| i)
        .collect()
}
