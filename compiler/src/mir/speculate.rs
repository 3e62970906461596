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
//!
//! The same webs guess which values of unknown type are floats (`float_values`):
//! code generation checks those where they are made, in the fast copy of the
//! function, and keeps their arithmetic unboxed there.

use std::collections::{HashMap, HashSet};

use skink_abi::{self as abi, RtFn};

use crate::mir::*;

/// What the literals (and proven types) an arithmetic web touches say about
/// its values.
#[derive(Clone, Copy, Debug, Default)]
struct Evidence {
    int: bool,
    float: bool,
    other: bool,
}

/// One piece of evidence about a web's values.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Seen {
    Int,
    Float,
    Other,
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
            into.int |= e.int;
            into.float |= e.float;
            into.other |= e.other;
            self.parent.insert(rb, ra);
        }
    }

    fn note(&mut self, n: Node, seen: Seen) {
        let r = self.root(n);
        let e = self.evidence.entry(r).or_default();
        match seen {
            Seen::Int => e.int = true,
            Seen::Float => e.float = true,
            Seen::Other => e.other = true,
        }
    }

    fn evidence_of(&mut self, n: Node) -> Evidence {
        let r = self.root(n);
        self.evidence.get(&r).copied().unwrap_or_default()
    }

    /// Notes the literals of `f`: small ints, constants and `None`/`True`/`False`.
    fn note_literals(&mut self, f: &Function, consts: &PrimaryMap<ConstId, Const>) {
        for inst in f.blocks.values().flat_map(|b| &b.insts) {
            match inst {
                Inst::Word { dst, word } if word & 1 == 1 => {
                    self.note(Node::Value(*dst), Seen::Int);
                }
                Inst::Word { dst, word } if *word != abi::NULL => {
                    self.note(Node::Value(*dst), Seen::Other);
                }
                Inst::Const { dst, id } => {
                    let seen = match consts[*id] {
                        Const::BigInt(_) => Seen::Int,
                        Const::Float(_) => Seen::Float,
                        _ => Seen::Other,
                    };
                    self.note(Node::Value(*dst), seen);
                }
                _ => {}
            }
        }
    }

    /// Joins what flows between locals, copies and block parameters.
    fn join_flows(&mut self, f: &Function) {
        for block in f.blocks.values() {
            for inst in &block.insts {
                match inst {
                    Inst::LoadLocal { dst, local } => {
                        self.join(Node::Local(*local), Node::Value(*dst));
                    }
                    Inst::StoreLocal { local, src } => {
                        self.join(Node::Local(*local), Node::Value(*src));
                    }
                    Inst::Copy { dst, src } => self.join(Node::Value(*dst), Node::Value(*src)),
                    _ => {}
                }
            }
            if let Terminator::Jump(to, args) = &block.term {
                for (&p, &a) in f.blocks[*to].params.iter().zip(args) {
                    self.join(Node::Value(p), Node::Value(a));
                }
            }
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
    webs.note_literals(f, consts);
    webs.join_flows(f);
    // Nodes that take part in some arithmetic or comparison.
    let mut computed: Vec<Node> = Vec::new();
    for inst in f.blocks.values().flat_map(|b| &b.insts) {
        let Inst::Call {
            dst, func, args, ..
        } = inst
        else {
            continue;
        };
        let operands: Vec<ValueId> = match (func, args.as_slice()) {
            (op, [Arg::Value(a), Arg::Value(b)]) if int_arithmetic(*op) || ordering(*op) => {
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
    let computed: Vec<Node> = computed.into_iter().map(|n| webs.root(n)).collect();
    f.params
        .iter()
        .enumerate()
        .filter(|&(_, &p)| {
            let r = webs.root(Node::Local(p));
            let e = webs.evidence_of(r);
            computed.contains(&r) && e.int && !e.float && !e.other
        })
        .map(|(i, _)| i)
        .collect()
}

/// How an instruction takes part in float-capable arithmetic.
struct FloatUse {
    /// An operand (the base of `**`).
    operand: ValueId,
    /// Values in the same web: the other operand, the result.
    joins: Vec<ValueId>,
    /// The exponent of `**`, often an int literal of a float web: it is
    /// guessed by its own web.
    exponent: Option<ValueId>,
}

/// `inst` as float-capable arithmetic or a comparison, if it is one.
fn float_use(inst: &Inst) -> Option<FloatUse> {
    let Inst::Call {
        dst, func, args, ..
    } = inst
    else {
        return None;
    };
    let arithmetic = |op: RtFn| int_arithmetic(op) || op == RtFn::TrueDiv;
    let (op, a, b) = match (func, args.as_slice()) {
        (RtFn::Inplace, [Arg::Value(a), Arg::Value(b), Arg::Int(code)]) => {
            (crate::mir::types::inplace_op(*code)?, *a, *b)
        }
        (RtFn::Neg, [Arg::Value(a)]) => {
            return Some(FloatUse {
                operand: *a,
                joins: dst.iter().copied().collect(),
                exponent: None,
            });
        }
        (f, [Arg::Value(a), Arg::Value(b)]) => (*f, *a, *b),
        _ => return None,
    };
    let (joins, exponent) = match op {
        op if arithmetic(op) => ([Some(b), *dst].into_iter().flatten().collect(), None),
        // Comparisons give bools: only their operands share a web.
        op if ordering(op) => (vec![b], None),
        RtFn::Pow => (dst.iter().copied().collect(), Some(b)),
        _ => return None,
    };
    Some(FloatUse {
        operand: a,
        joins,
        exponent,
    })
}

/// The `Word` values of `f` worth guessing to be floats: each takes part in
/// arithmetic whose web meets a float (a literal, a proven float, a true
/// division's result) and no int, str or other literal nor a proven int. An
/// iterator's next item (possibly its end marker) and block parameters are
/// left out: the guess is checked where a value is made.
pub fn float_values(f: &Function, consts: &PrimaryMap<ConstId, Const>) -> HashSet<ValueId> {
    let mut webs = Webs::default();
    webs.note_literals(f, consts);
    webs.join_flows(f);
    for v in &f.ints.values {
        webs.note(Node::Value(*v), Seen::Int);
    }
    let mut computed: HashSet<Node> = HashSet::new();
    let mut left_out: HashSet<ValueId> = HashSet::new();
    for block in f.blocks.values() {
        left_out.extend(block.params.iter().copied());
        for inst in &block.insts {
            match inst {
                Inst::Prim {
                    dst,
                    op: Prim::BoxFloat,
                    ..
                } => webs.note(Node::Value(*dst), Seen::Float),
                Inst::Prim {
                    op: Prim::UnboxFloat,
                    args,
                    ..
                } => webs.note(Node::Value(args[0]), Seen::Float),
                Inst::Call {
                    dst: Some(d),
                    func: RtFn::IterNext,
                    ..
                } => {
                    left_out.insert(*d);
                }
                Inst::Call {
                    dst: Some(d),
                    func: RtFn::TrueDiv,
                    ..
                } => webs.note(Node::Value(*d), Seen::Float),
                _ => {}
            }
            if let Some(used) = float_use(inst) {
                computed.insert(Node::Value(used.operand));
                computed.extend(used.exponent.map(Node::Value));
                for other in used.joins {
                    webs.join(Node::Value(used.operand), Node::Value(other));
                }
            }
        }
    }
    let computed: HashSet<Node> = computed.into_iter().map(|n| webs.root(n)).collect();
    f.values
        .iter()
        .filter(|&(v, ty)| *ty == Ty::Word && !left_out.contains(&v))
        .map(|(v, _)| v)
        .filter(|&v| {
            let r = webs.root(Node::Value(v));
            let e = webs.evidence_of(r);
            computed.contains(&r) && e.float && !e.int && !e.other
        })
        .collect()
}
