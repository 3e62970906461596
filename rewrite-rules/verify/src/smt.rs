//! Proofs of int and bool rules with Z3 over unbounded integers. A term becomes
//! an SMT-LIB integer and a raise code (0: none, 1: ZeroDivisionError, 2:
//! ValueError), operands raising first as Python evaluates them left to right.
//! Python's `//` rounds toward negative infinity: `a // b` is `div(a, b)` for
//! b > 0 and `div(-a, -b)` for b < 0 (SMT-LIB's `div` is Euclidean). Bools are
//! the integers 0 and 1. Floats, and the bitwise ops of two arbitrary ints, are
//! outside the encoding: such rules are tested, not proved.

use skink_rules::{Op, Rule, Term, Ty};

/// What the solver concluded for all typings of a rule.
#[derive(Clone, Debug, PartialEq)]
pub enum Proof {
    Proved,
    Refuted(String),
    /// Outside the encoding, or the solver gave up.
    Unsupported(String),
}

struct Encoded {
    value: String,
    raise: String,
}

fn int(n: i128) -> String {
    if n < 0 {
        format!("(- {})", -n)
    } else {
        n.to_string()
    }
}

fn first_raise(codes: &[&str], own: &str) -> String {
    let mut out = own.to_string();
    for code in codes.iter().rev() {
        if *code != "0" {
            out = format!("(ite (distinct {code} 0) {code} {out})");
        }
    }
    out
}

fn floordiv(a: &str, b: &str) -> String {
    format!("(ite (> {b} 0) (div {a} {b}) (div (- {a}) (- {b})))")
}

fn encode(term: &Term, ty_of: &dyn Fn(&str) -> Ty) -> Result<Encoded, String> {
    let plain = |value: String| Encoded {
        value,
        raise: "0".into(),
    };
    let (op, args) = match term {
        Term::Var(v) => return Ok(plain(format!("v_{v}"))),
        Term::Int(i) => return Ok(plain(int(*i as i128))),
        Term::Bool(b) => return Ok(plain(if *b { "1" } else { "0" }.into())),
        Term::Float(_) => return Err("a float constant".into()),
        Term::App(op, args) => (*op, args),
    };
    let tys = args
        .iter()
        .map(|a| a.ty(ty_of))
        .collect::<Result<Vec<_>, _>>()?;
    if tys.contains(&Ty::Float) || op == Op::TrueDiv {
        return Err(format!("`{}` on floats", op.name()));
    }
    let enc = args
        .iter()
        .map(|a| encode(a, ty_of))
        .collect::<Result<Vec<_>, _>>()?;
    let codes: Vec<&str> = enc.iter().map(|e| e.raise.as_str()).collect();
    let a = enc[0].value.as_str();
    let b = enc.get(1).map_or("", |e| e.value.as_str());
    let constant = |i: usize| match args.get(i) {
        Some(Term::Int(c)) => Some(*c as i128),
        Some(Term::Bool(c)) => Some(i128::from(*c)),
        _ => None,
    };
    let both_bool = tys.len() == 2 && tys[0] == Ty::Bool && tys[1] == Ty::Bool;
    let cmp = |sym: &str| format!("(ite ({sym} {a} {b}) 1 0)");
    let mut own = "0".to_string();
    let value = match op {
        Op::Add => format!("(+ {a} {b})"),
        Op::Sub => format!("(- {a} {b})"),
        Op::Mul => format!("(* {a} {b})"),
        Op::Neg => format!("(- {a})"),
        Op::Abs => format!("(ite (< {a} 0) (- {a}) {a})"),
        Op::Invert => format!("(- (- {a}) 1)"),
        Op::Not => format!("(ite (= {a} 0) 1 0)"),
        Op::FloorDiv => {
            own = format!("(ite (= {b} 0) 1 0)");
            floordiv(a, b)
        }
        Op::Mod => {
            own = format!("(ite (= {b} 0) 1 0)");
            format!("(- {a} (* {b} {}))", floordiv(a, b))
        }
        Op::Pow => match constant(1) {
            Some(0) => "1".into(),
            Some(1) => a.to_string(),
            Some(c) if (2..=16).contains(&c) => format!("(* {})", vec![a; c as usize].join(" ")),
            _ => return Err("`pow` with an exponent other than a constant 0..=16".into()),
        },
        Op::Shl | Op::Shr => match constant(1) {
            Some(c) if c < 0 => {
                own = "2".into();
                "0".into()
            }
            Some(c) if c <= 64 => {
                let scale = int(1i128 << c);
                if op == Op::Shl {
                    format!("(* {a} {scale})")
                } else {
                    format!("(div {a} {scale})")
                }
            }
            _ => return Err("a shift by other than a constant 0..=64".into()),
        },
        Op::BitAnd | Op::BitOr | Op::BitXor if both_bool => match op {
            Op::BitAnd => format!("(* {a} {b})"),
            Op::BitOr => format!("(- (+ {a} {b}) (* {a} {b}))"),
            _ => format!("(- (+ {a} {b}) (* 2 {a} {b}))"),
        },
        Op::BitAnd | Op::BitOr | Op::BitXor => {
            // One constant operand: x & 0, x & -1, x & (2**k - 1), x | 0, x ^ 0.
            let (x, c) = match (constant(0), constant(1)) {
                (_, Some(c)) => (a, c),
                (Some(c), None) => (b, c),
                _ => return Err(format!("`{}` of two non-constant ints", op.name())),
            };
            match (op, c) {
                (Op::BitAnd, 0) => "0".into(),
                (Op::BitAnd, -1) | (Op::BitOr | Op::BitXor, 0) => x.to_string(),
                (Op::BitAnd, m) if m > 0 && (m + 1).count_ones() == 1 => {
                    // SMT-LIB's mod by a positive number is never negative, like Python's.
                    format!("(mod {x} {})", int(m + 1))
                }
                _ => return Err(format!("`{}` with the constant {c}", op.name())),
            }
        }
        Op::Lt => cmp("<"),
        Op::Le => cmp("<="),
        Op::Gt => cmp(">"),
        Op::Ge => cmp(">="),
        Op::Eq => cmp("="),
        Op::Ne => cmp("distinct"),
        Op::Box | Op::Unbox => a.to_string(),
        Op::FitsI64 => format!(
            "(ite (and (<= {} {a}) (< {a} {})) 1 0)",
            int(-(1i128 << 63)),
            int(1i128 << 63)
        ),
        Op::TrueDiv => unreachable!("excluded above"),
    };
    Ok(Encoded {
        value,
        raise: first_raise(&codes, &own),
    })
}

/// One typing of a rule, ready for the solver.
enum Query {
    /// The sides have different Python types: refuted without asking.
    TypesDiffer(Ty, Ty),
    /// SMT-LIB text whose satisfiability refutes the rule.
    Smt(String),
}

/// The query that refutes `rule` under one typing, if anything can.
fn query(rule: &Rule, typing: &[(String, Ty)]) -> Result<Query, String> {
    let ty_of = |v: &str| typing.iter().find(|(n, _)| n == v).map_or(Ty::Int, |p| p.1);
    if typing.iter().any(|(_, t)| *t == Ty::Float) {
        return Err("float variables".into());
    }
    let left_ty = rule.lhs.ty(&ty_of)?;
    let right_ty = rule.rhs.ty(&ty_of)?;
    if left_ty != right_ty {
        return Ok(Query::TypesDiffer(left_ty, right_ty));
    }
    let l = encode(&rule.lhs, &ty_of)?;
    let r = encode(&rule.rhs, &ty_of)?;
    let mut q = String::new();
    for (v, t) in typing {
        q.push_str(&format!("(declare-const v_{v} Int)\n"));
        if *t == Ty::Bool {
            q.push_str(&format!("(assert (and (<= 0 v_{v}) (<= v_{v} 1)))\n"));
        }
    }
    q.push_str(&format!(
        "(assert (not (and (= {lr} {rr}) (or (distinct {lr} 0) (= {lv} {rv})))))\n",
        lr = l.raise,
        rr = r.raise,
        lv = l.value,
        rv = r.value
    ));
    Ok(Query::Smt(q))
}

/// Tries to prove `rule` for every typing its guards allow.
pub fn prove(rule: &Rule) -> Proof {
    for typing in rule.typings() {
        let q = match query(rule, &typing) {
            Ok(Query::Smt(q)) => q,
            Ok(Query::TypesDiffer(l, r)) => {
                let vars: Vec<String> = typing.iter().map(|(v, t)| format!("?{v}: {t}")).collect();
                return Proof::Refuted(format!(
                    "with {} the left side is of type {l}, the right side of type {r}",
                    vars.join(", ")
                ));
            }
            Err(why) => return Proof::Unsupported(why),
        };
        let solver = z3::Solver::new();
        solver.from_string(q.as_str());
        match solver.check() {
            z3::SatResult::Unsat => {}
            z3::SatResult::Sat => {
                let model = solver
                    .get_model()
                    .map(|m| m.to_string())
                    .unwrap_or_default();
                let values: Vec<String> = typing
                    .iter()
                    .map(|(v, _)| {
                        let value = model_value(&model, &format!("v_{v}"));
                        format!("?{v} = {value}")
                    })
                    .collect();
                return Proof::Refuted(format!("Z3 found {}", values.join(", ")));
            }
            z3::SatResult::Unknown => return Proof::Unsupported("Z3 gave up".into()),
        }
    }
    Proof::Proved
}

/// The value of `name` in Z3's printed model (`v_x -> (- 3)`).
fn model_value(model: &str, name: &str) -> String {
    model
        .lines()
        .find_map(|l| l.trim().strip_prefix(&format!("{name} -> ")))
        .map(|v| v.replace("(- ", "-").replace(')', ""))
        .unwrap_or_else(|| "any".into())
}
