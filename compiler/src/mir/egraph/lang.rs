//! The e-graph's language: the ops of the rewrite rules applied to e-classes,
//! constants, and existing MIR values as opaque leaves.

use std::fmt;

use cranelift_codegen::entity::EntityRef;
use egg::{FromOp, Id, Language};
use skink_rules::Op;
use skink_rules::fold::Konst;

use crate::mir::ValueId;

#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Node {
    Unary(Op, [Id; 1]),
    Binary(Op, [Id; 2]),
    Int(i64),
    /// A float by its bits: -0.0 and 0.0 are different constants.
    Float(u64),
    Bool(bool),
    /// A value the block already has (a leaf: its definition is not an op here).
    Val(ValueId),
}

impl Node {
    pub fn app(op: Op, children: &[Id]) -> Node {
        match children {
            [a] => Node::Unary(op, [*a]),
            [a, b] => Node::Binary(op, [*a, *b]),
            _ => unreachable!("rule ops take one or two operands"),
        }
    }

    pub fn op(&self) -> Option<Op> {
        match self {
            Node::Unary(op, _) | Node::Binary(op, _) => Some(*op),
            _ => None,
        }
    }

    pub fn konst(k: Konst) -> Node {
        match k {
            Konst::Int(i) => Node::Int(i),
            Konst::Float(x) => Node::Float(x.to_bits()),
            Konst::Bool(b) => Node::Bool(b),
        }
    }

    pub fn as_konst(&self) -> Option<Konst> {
        Some(match self {
            Node::Int(i) => Konst::Int(*i),
            Node::Float(bits) => Konst::Float(f64::from_bits(*bits)),
            Node::Bool(b) => Konst::Bool(*b),
            _ => return None,
        })
    }
}

impl Language for Node {
    type Discriminant = std::mem::Discriminant<Node>;

    fn discriminant(&self) -> Self::Discriminant {
        std::mem::discriminant(self)
    }

    fn matches(&self, other: &Self) -> bool {
        match (self, other) {
            (Node::Unary(a, _), Node::Unary(b, _)) | (Node::Binary(a, _), Node::Binary(b, _)) => {
                a == b
            }
            _ => self == other,
        }
    }

    fn children(&self) -> &[Id] {
        match self {
            Node::Unary(_, c) => c,
            Node::Binary(_, c) => c,
            _ => &[],
        }
    }

    fn children_mut(&mut self) -> &mut [Id] {
        match self {
            Node::Unary(_, c) => c,
            Node::Binary(_, c) => c,
            _ => &mut [],
        }
    }
}

impl fmt::Display for Node {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Node::Unary(op, _) | Node::Binary(op, _) => f.write_str(op.name()),
            Node::Int(i) => write!(f, "{i}"),
            Node::Float(bits) => {
                f.write_str(&skink_rules::syntax::float_literal(f64::from_bits(*bits)))
            }
            Node::Bool(b) => f.write_str(if *b { "True" } else { "False" }),
            Node::Val(v) => write!(f, "{v}"),
        }
    }
}

/// The inverse of `Display`, which egg's explanations need.
impl FromOp for Node {
    type Error = String;

    fn from_op(op: &str, children: Vec<Id>) -> Result<Self, Self::Error> {
        if let Some(o) = Op::parse(op) {
            return if children.len() == o.arity() {
                Ok(Node::app(o, &children))
            } else {
                Err(format!("`{op}` takes {} operand(s)", o.arity()))
            };
        }
        if !children.is_empty() {
            return Err(format!("`{op}` takes no operands"));
        }
        match op {
            "True" => return Ok(Node::Bool(true)),
            "False" => return Ok(Node::Bool(false)),
            _ => {}
        }
        if let Some(n) = op.strip_prefix('v').and_then(|n| n.parse::<usize>().ok()) {
            return Ok(Node::Val(ValueId::new(n)));
        }
        if let Ok(i) = op.parse::<i64>() {
            return Ok(Node::Int(i));
        }
        op.parse::<f64>()
            .map(|x| Node::Float(x.to_bits()))
            .map_err(|_| format!("`{op}` is not a node"))
    }
}
