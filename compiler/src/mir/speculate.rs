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
    /// Small int literals a float can stand in for exactly go to `exact_ints`
    /// instead, when it is given.
    fn note_literals(
        &mut self,
        f: &Function,
        consts: &PrimaryMap<ConstId, Const>,
        mut exact_ints: Option<&mut HashSet<ValueId>>,
    ) {
        for inst in f.blocks.values().flat_map(|b| &b.insts) {
            match inst {
                Inst::Word { dst, word } if word & 1 == 1 => match exact_ints.as_deref_mut() {
                    Some(exact) if exactly_a_float(*word) => {
                        exact.insert(*dst);
                    }
                    _ => self.note(Node::Value(*dst), Seen::Int),
                },
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
    webs.note_literals(f, consts, None);
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
    /// The operands that, when all are ints, make the result an int (none
    /// for a comparison).
    int_when: Vec<ValueId>,
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
                int_when: vec![*a],
            });
        }
        (f, [Arg::Value(a), Arg::Value(b)]) => (*f, *a, *b),
        _ => return None,
    };
    let (joins, exponent, int_when) = match op {
        op if arithmetic(op) => (
            [Some(b), *dst].into_iter().flatten().collect(),
            None,
            vec![a, b],
        ),
        // Comparisons give bools: only their operands share a web.
        op if ordering(op) => (vec![b], None, Vec::new()),
        RtFn::Pow => (dst.iter().copied().collect(), Some(b), vec![a, b]),
        _ => return None,
    };
    Some(FloatUse {
        operand: a,
        joins,
        exponent,
        int_when,
    })
}

/// The largest magnitude up to which a float holds every int exactly (2**53).
pub const EXACT_INT_BOUND: i64 = 1 << 53;

/// Whether the small int `word` (tagged) is one a float holds exactly, so
/// that comparing it as a float is comparing it as an int.
fn exactly_a_float(word: i64) -> bool {
    (word >> 1).unsigned_abs() <= EXACT_INT_BOUND.unsigned_abs()
}

/// The values of one function guessed to be floats.
#[derive(Debug, Default)]
pub struct FloatGuesses {
    /// Each is checked where it is made, and is a float from there on.
    pub values: HashSet<ValueId>,
    /// Those among them that may instead hold one of the function's small
    /// int literals (`total = 0` before `total += x * y`): an int a float
    /// holds exactly. Such a value meets only arithmetic whose other operand
    /// is surely a float (or a comparison), where the int behaves as its
    /// float does; its check lets such ints through.
    pub maybe_int: HashSet<ValueId>,
}

/// The functions of `module` whose every return is made as a float (see
/// `returns_float`): a call of one is evidence of a float.
pub fn float_returning(module: &Module) -> HashSet<FuncId> {
    module
        .funcs
        .iter()
        .filter(|(_, f)| returns_float(f, module))
        .map(|(id, _)| id)
        .collect()
}

/// Whether everything `f` returns is made as a float: a float constant, a
/// true division's result or a boxed float (`1.0 / (i + j)`).
fn returns_float(f: &Function, module: &Module) -> bool {
    let mut made: HashSet<ValueId> = HashSet::new();
    for inst in f.blocks.values().flat_map(|b| &b.insts) {
        match inst {
            Inst::Call {
                dst: Some(d),
                func: RtFn::TrueDiv,
                ..
            }
            | Inst::Prim {
                dst: d,
                op: Prim::BoxFloat,
                ..
            } => {
                made.insert(*d);
            }
            Inst::Const { dst, id } if matches!(module.consts[*id], Const::Float(_)) => {
                made.insert(*dst);
            }
            _ => {}
        }
    }
    let mut returns = f.blocks.values().filter_map(|b| match b.term {
        Terminator::Return(v) => Some(v),
        _ => None,
    });
    let mut any = false;
    returns.all(|v| {
        any = true;
        made.contains(&v)
    }) && any
}

/// The values that may hold one of `literals` (small ints): the literals and
/// what they flow into through locals, copies and block parameters.
fn maybe_int_values(f: &Function, literals: &HashSet<ValueId>) -> HashSet<ValueId> {
    let mut values = literals.clone();
    let mut locals: HashSet<LocalId> = HashSet::new();
    loop {
        let before = (values.len(), locals.len());
        for block in f.blocks.values() {
            for inst in &block.insts {
                match inst {
                    Inst::StoreLocal { local, src } if values.contains(src) => {
                        locals.insert(*local);
                    }
                    Inst::LoadLocal { dst, local } if locals.contains(local) => {
                        values.insert(*dst);
                    }
                    Inst::Copy { dst, src } if values.contains(src) => {
                        values.insert(*dst);
                    }
                    _ => {}
                }
            }
            if let Terminator::Jump(to, args) = &block.term {
                for (&p, a) in f.blocks[*to].params.iter().zip(args) {
                    if values.contains(a) {
                        values.insert(p);
                    }
                }
            }
        }
        if (values.len(), locals.len()) == before {
            return values;
        }
    }
}

/// The `Word` values of `f` worth guessing to be floats: each takes part in
/// arithmetic whose web meets a float (a literal, a proven float, a true
/// division's result) and no str or other literal, no proven int and no int
/// literal but those a float stands in for (see `FloatGuesses::maybe_int`).
/// An iterator's next item (possibly its end marker) and block parameters are
/// left out: the guess is checked where a value is made.
pub fn float_values(
    f: &Function,
    consts: &PrimaryMap<ConstId, Const>,
    float_returning: &HashSet<FuncId>,
) -> FloatGuesses {
    let mut webs = Webs::default();
    let mut literals = HashSet::new();
    webs.note_literals(f, consts, Some(&mut literals));
    webs.join_flows(f);
    let maybe_int = maybe_int_values(f, &literals);
    for v in f.ints.values.difference(&literals) {
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
                Inst::CallUser { dst, func, .. } if float_returning.contains(func) => {
                    webs.note(Node::Value(*dst), Seen::Float);
                }
                _ => {}
            }
            if let Some(used) = float_use(inst) {
                computed.insert(Node::Value(used.operand));
                computed.extend(used.exponent.map(Node::Value));
                for other in used.joins {
                    webs.join(Node::Value(used.operand), Node::Value(other));
                }
                // An int literal in arithmetic or a comparison says ints;
                // one that is only stored (`total = 0`) does not.
                for v in inst.operands() {
                    if literals.contains(&v) {
                        webs.note(Node::Value(v), Seen::Int);
                    }
                }
                // Ints on every side could make an int (or a big one).
                if !used.int_when.is_empty() && used.int_when.iter().all(|v| maybe_int.contains(v))
                {
                    webs.note(Node::Value(used.operand), Seen::Int);
                }
            }
        }
    }
    let computed: HashSet<Node> = computed.into_iter().map(|n| webs.root(n)).collect();
    let values: HashSet<ValueId> = f
        .values
        .iter()
        .filter(|&(v, ty)| *ty == Ty::Word && !left_out.contains(&v))
        .map(|(v, _)| v)
        .filter(|&v| {
            let r = webs.root(Node::Value(v));
            let e = webs.evidence_of(r);
            computed.contains(&r) && e.float && !e.int && !e.other
        })
        .collect();
    let maybe_int: HashSet<ValueId> = maybe_int.intersection(&values).copied().collect();
    FloatGuesses { values, maybe_int }
}
