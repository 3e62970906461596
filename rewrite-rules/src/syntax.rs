//! The `.rules` text format. A file is one family of rules:
//!
//! ```text
//! # What the family is about (the file's first comment block).
//!
//! # x + 0 == x            <- the identity, as a comment (required)
//! rule int-add-zero (?x: int)
//!     (add ?x 0) => ?x
//! ```
//!
//! Every variable of the left side has a guard; a guard may admit several types
//! (`?x: int|bool`). Terms are s-expressions over the ops of [`crate::ops`], with
//! int, float and `True`/`False` constants.

use std::fmt;

use crate::ops::{Op, Ty};

#[derive(Clone, Debug, PartialEq)]
pub enum Term {
    Var(String),
    Int(i64),
    Float(f64),
    Bool(bool),
    App(Op, Vec<Term>),
}

impl fmt::Display for Term {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Term::Var(v) => write!(f, "?{v}"),
            Term::Int(i) => write!(f, "{i}"),
            Term::Float(x) => write!(f, "{}", float_literal(*x)),
            Term::Bool(b) => f.write_str(if *b { "True" } else { "False" }),
            Term::App(op, args) => {
                write!(f, "({}", op.name())?;
                for a in args {
                    write!(f, " {a}")?;
                }
                f.write_str(")")
            }
        }
    }
}

/// A float as Python writes it (`-0.0`, `1.0`, `0.5`).
pub fn float_literal(x: f64) -> String {
    let text = format!("{x:?}");
    if text.contains('.') || text.contains('e') || text.contains("inf") || text.contains("NaN") {
        text
    } else {
        format!("{text}.0")
    }
}

impl Term {
    /// Variables in order of first appearance.
    pub fn vars(&self) -> Vec<String> {
        let mut out = Vec::new();
        self.collect_vars(&mut out);
        out
    }

    fn collect_vars(&self, out: &mut Vec<String>) {
        match self {
            Term::Var(v) if !out.contains(v) => out.push(v.clone()),
            Term::App(_, args) => args.iter().for_each(|a| a.collect_vars(out)),
            _ => {}
        }
    }

    /// The term's Python type when each variable has the type `ty_of` gives it.
    pub fn ty(&self, ty_of: &dyn Fn(&str) -> Ty) -> Result<Ty, String> {
        match self {
            Term::Var(v) => Ok(ty_of(v)),
            Term::Int(_) => Ok(Ty::Int),
            Term::Float(_) => Ok(Ty::Float),
            Term::Bool(_) => Ok(Ty::Bool),
            Term::App(op, args) => {
                let tys = args
                    .iter()
                    .map(|a| a.ty(ty_of))
                    .collect::<Result<Vec<_>, _>>()?;
                // int ** c is an int for a constant c >= 0 (a float for c < 0).
                if *op == Op::Pow
                    && tys[0] != Ty::Float
                    && matches!(args[1], Term::Int(c) if c >= 0)
                {
                    return Ok(Ty::Int);
                }
                op.result(&tys).ok_or_else(|| {
                    let names: Vec<&str> = tys.iter().map(|t| t.name()).collect();
                    format!("`{}` is not defined on ({})", op.name(), names.join(", "))
                })
            }
        }
    }

    /// The Python expression, variables named by `var`.
    pub fn python(&self, var: &dyn Fn(&str) -> String) -> String {
        match self {
            Term::Var(v) => var(v),
            Term::Int(i) => format!("({i})"),
            Term::Float(x) => format!("({})", float_literal(*x)),
            Term::Bool(b) => (if *b { "True" } else { "False" }).to_string(),
            Term::App(op, args) => {
                let args: Vec<String> = args.iter().map(|a| a.python(var)).collect();
                op.python(&args)
            }
        }
    }
}

/// A variable's guard: the types it may have.
#[derive(Clone, Debug, PartialEq)]
pub struct Guard {
    pub var: String,
    pub types: Vec<Ty>,
}

#[derive(Clone, Debug, PartialEq)]
pub struct Rule {
    pub name: String,
    /// The identity the rule applies, as its comment says it.
    pub identity: String,
    pub guards: Vec<Guard>,
    pub lhs: Term,
    pub rhs: Term,
    /// The family (file stem) and the 1-based line of `rule`.
    pub family: String,
    pub line: usize,
}

impl Rule {
    pub fn guard(&self, var: &str) -> Option<&Guard> {
        self.guards.iter().find(|g| g.var == var)
    }

    /// Every assignment of one guard type to each variable, in guard order.
    pub fn typings(&self) -> Vec<Vec<(String, Ty)>> {
        let mut out: Vec<Vec<(String, Ty)>> = vec![Vec::new()];
        for g in &self.guards {
            out = out
                .into_iter()
                .flat_map(|prefix| {
                    g.types.iter().map(move |t| {
                        let mut next = prefix.clone();
                        next.push((g.var.clone(), *t));
                        next
                    })
                })
                .collect();
        }
        out
    }
}

/// A parsed `.rules` file.
#[derive(Clone, Debug, PartialEq)]
pub struct Family {
    pub name: String,
    pub description: String,
    pub rules: Vec<Rule>,
}

/// An error in a rules file, at `family.rules:line`.
#[derive(Clone, Debug, PartialEq)]
pub struct SyntaxError {
    pub file: String,
    pub line: usize,
    pub message: String,
}

impl fmt::Display for SyntaxError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}:{}: {}", self.file, self.line, self.message)
    }
}

/// Parses one family; every error is reported, not just the first.
pub fn parse_family(name: &str, text: &str) -> (Family, Vec<SyntaxError>) {
    let file = format!("{name}.rules");
    let mut errors = Vec::new();
    let mut description = Vec::new();
    let mut rules = Vec::new();
    let mut comment: Vec<String> = Vec::new();
    let mut in_header = true;
    let lines: Vec<&str> = text.lines().collect();
    let mut i = 0;
    while i < lines.len() {
        let line = lines[i].trim();
        let at = i + 1;
        i += 1;
        if let Some(c) = line.strip_prefix('#') {
            comment.push(c.trim().to_string());
            continue;
        }
        if line.is_empty() {
            if in_header && !comment.is_empty() {
                description = std::mem::take(&mut comment);
                in_header = false;
            }
            comment.clear();
            continue;
        }
        in_header = false;
        let mut fail = |line: usize, message: String| {
            errors.push(SyntaxError {
                file: file.clone(),
                line,
                message,
            })
        };
        let Some(head) = line.strip_prefix("rule ") else {
            fail(at, format!("expected `rule NAME (GUARDS)`, found `{line}`"));
            comment.clear();
            continue;
        };
        let identity = std::mem::take(&mut comment).join(" ");
        let body = lines.get(i).map(|l| l.trim()).unwrap_or("");
        i += 1;
        match parse_rule(head, body, identity, name, at) {
            Ok(rule) => rules.push(rule),
            Err((offset, message)) => fail(at + offset, message),
        }
    }
    let mut seen = std::collections::HashSet::new();
    for r in &rules {
        if !seen.insert(r.name.clone()) {
            errors.push(SyntaxError {
                file: file.clone(),
                line: r.line,
                message: format!("a second rule named `{}`", r.name),
            });
        }
    }
    (
        Family {
            name: name.to_string(),
            description: description.join(" "),
            rules,
        },
        errors,
    )
}

/// `head` is what follows `rule `, `body` the next line; errors carry a line offset.
fn parse_rule(
    head: &str,
    body: &str,
    identity: String,
    family: &str,
    line: usize,
) -> Result<Rule, (usize, String)> {
    let (name, guards_text) = match head.split_once('(') {
        Some((n, g)) => (n.trim(), g),
        None => {
            return Err((
                0,
                "expected guards `(?x: int, ...)` after the rule's name".into(),
            ));
        }
    };
    if name.is_empty()
        || !name
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || c == '-' || c == '_')
    {
        return Err((
            0,
            format!("`{name}` is not a rule name (letters, digits, -, _)"),
        ));
    }
    if identity.is_empty() {
        return Err((0, format!("rule `{name}` has no identity comment above it")));
    }
    let guards_text = guards_text
        .trim_end()
        .strip_suffix(')')
        .ok_or((0, "the guards must end with `)`".to_string()))?;
    let mut guards = Vec::new();
    for part in guards_text
        .split(',')
        .map(str::trim)
        .filter(|p| !p.is_empty())
    {
        let (var, types) = part
            .split_once(':')
            .ok_or((0, format!("guard `{part}` must be `?var: type`")))?;
        let var = var.trim().strip_prefix('?').ok_or((
            0,
            format!("guard variable `{}` must start with `?`", var.trim()),
        ))?;
        let types = types
            .split('|')
            .map(|t| {
                Ty::parse(t.trim())
                    .ok_or((0, format!("unknown type `{}` (int, bool, float)", t.trim())))
            })
            .collect::<Result<Vec<_>, _>>()?;
        guards.push(Guard {
            var: var.to_string(),
            types,
        });
    }
    let (lhs, rhs) = body.split_once("=>").ok_or((
        1,
        "expected `LEFT => RIGHT` on the line after `rule`".to_string(),
    ))?;
    let lhs = parse_term(lhs).map_err(|e| (1, e))?;
    let rhs = parse_term(rhs).map_err(|e| (1, e))?;
    let lhs_vars = lhs.vars();
    for v in &lhs_vars {
        if !guards.iter().any(|g: &Guard| &g.var == v) {
            return Err((0, format!("?{v} has no guard")));
        }
    }
    for g in &guards {
        if !lhs_vars.contains(&g.var) {
            return Err((0, format!("?{} is guarded but not in the left side", g.var)));
        }
    }
    for v in rhs.vars() {
        if !lhs_vars.contains(&v) {
            return Err((1, format!("?{v} is on the right side only")));
        }
    }
    if matches!(lhs, Term::Var(_)) {
        return Err((1, "the left side must be an op, not a bare variable".into()));
    }
    let rule = Rule {
        name: name.to_string(),
        identity,
        guards,
        lhs,
        rhs,
        family: family.to_string(),
        line,
    };
    for typing in rule.typings() {
        let ty_of = |v: &str| typing.iter().find(|(n, _)| n == v).map_or(Ty::Int, |p| p.1);
        rule.lhs
            .ty(&ty_of)
            .map_err(|e| (1, format!("left side: {e}")))?;
        rule.rhs
            .ty(&ty_of)
            .map_err(|e| (1, format!("right side: {e}")))?;
    }
    Ok(rule)
}

/// Parses one s-expression term, all of `text`.
pub fn parse_term(text: &str) -> Result<Term, String> {
    let tokens = tokenize(text);
    let mut pos = 0;
    let term = parse_at(&tokens, &mut pos)?;
    if pos != tokens.len() {
        return Err(format!("unexpected `{}` after the term", tokens[pos]));
    }
    Ok(term)
}

fn tokenize(text: &str) -> Vec<String> {
    text.replace('(', " ( ")
        .replace(')', " ) ")
        .split_whitespace()
        .map(String::from)
        .collect()
}

fn parse_at(tokens: &[String], pos: &mut usize) -> Result<Term, String> {
    let Some(tok) = tokens.get(*pos) else {
        return Err("the term ends early".into());
    };
    *pos += 1;
    if tok == "(" {
        let name = tokens.get(*pos).ok_or("the term ends early")?;
        *pos += 1;
        let op = Op::parse(name).ok_or_else(|| format!("unknown op `{name}`"))?;
        let mut args = Vec::new();
        while tokens.get(*pos).is_some_and(|t| t != ")") {
            args.push(parse_at(tokens, pos)?);
        }
        if tokens.get(*pos).is_none() {
            return Err("a `(` is never closed".into());
        }
        *pos += 1;
        if args.len() != op.arity() {
            return Err(format!(
                "`{}` takes {} operand(s), not {}",
                op.name(),
                op.arity(),
                args.len()
            ));
        }
        return Ok(Term::App(op, args));
    }
    if tok == ")" {
        return Err("unexpected `)`".into());
    }
    if let Some(v) = tok.strip_prefix('?') {
        if v.is_empty() || !v.chars().all(|c| c.is_ascii_alphanumeric() || c == '_') {
            return Err(format!("`{tok}` is not a variable"));
        }
        return Ok(Term::Var(v.to_string()));
    }
    match tok.as_str() {
        "True" => return Ok(Term::Bool(true)),
        "False" => return Ok(Term::Bool(false)),
        _ => {}
    }
    if tok.contains('.') {
        return tok
            .parse::<f64>()
            .map(Term::Float)
            .map_err(|_| format!("`{tok}` is not a float"));
    }
    tok.parse::<i64>().map(Term::Int).map_err(|_| {
        format!("`{tok}` is not a term (an op in parentheses, ?var, a number, True or False)")
    })
}
