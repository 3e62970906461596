//! The generated program as a small typed syntax tree: what the minimizer edits
//! and what renders to Python source.

use std::fmt::Write;

/// The static type of a generated value (what the generator tracks).
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub enum Ty {
    Int,
    Float,
    Bool,
    Str,
    ListInt,
    ListStr,
    DictStrInt,
    SetInt,
    TupleIntStr,
    /// An instance of the generated class with this index.
    Obj(usize),
    None,
}

impl Ty {
    /// The simplest value of the type: what the minimizer puts in place of an
    /// expression.
    pub fn simplest(&self) -> Option<Expr> {
        let text = match self {
            Ty::Int => "0",
            Ty::Float => "0.0",
            Ty::Bool => "False",
            Ty::Str => "''",
            Ty::ListInt | Ty::ListStr => "[]",
            Ty::DictStrInt => "{}",
            Ty::SetInt => "set()",
            Ty::TupleIntStr => "(0, '')",
            Ty::None => "None",
            Ty::Obj(_) => return None,
        };
        Some(Expr::lit(text, self.clone()))
    }
}

/// An expression and its type.
#[derive(Clone, Debug)]
pub struct Expr {
    pub kind: ExprKind,
    pub ty: Ty,
}

#[derive(Clone, Debug)]
pub enum ExprKind {
    /// Source text of an atom: a literal or a name.
    Atom(String),
    /// `(a op b)`.
    Binary(&'static str, Box<Expr>, Box<Expr>),
    /// `(op a)`.
    Unary(&'static str, Box<Expr>),
    /// `(a if cond else b)`.
    IfElse(Box<Expr>, Box<Expr>, Box<Expr>),
    /// `f(args, name=value)`: a function, a builtin or a class.
    Call(String, Vec<Expr>, Vec<(String, Expr)>),
    /// `obj.name(args)`.
    Method(Box<Expr>, &'static str, Vec<Expr>),
    /// `obj.name`.
    Attr(Box<Expr>, String),
    /// `obj[index]`.
    Index(Box<Expr>, Box<Expr>),
    /// `obj[lo:hi:step]`.
    Slice(
        Box<Expr>,
        Option<Box<Expr>>,
        Option<Box<Expr>>,
        Option<Box<Expr>>,
    ),
    /// A display: the brackets and the items (`[`, `(`, `{`).
    Display(&'static str, Vec<Expr>),
    /// `{k: v, ...}`.
    DictDisplay(Vec<(Expr, Expr)>),
    /// `[elt for var in iter if cond]` (`open` is `[`, `{` or `(` for a
    /// generator expression); `key` makes it a dict comprehension.
    Comprehension {
        open: &'static str,
        key: Option<Box<Expr>>,
        elt: Box<Expr>,
        var: String,
        iter: Box<Expr>,
        cond: Option<Box<Expr>>,
    },
    /// `f"...{a}...{b!r}..."`: literal parts and formatted values.
    FString(Vec<FPart>),
}

#[derive(Clone, Debug)]
pub enum FPart {
    Text(String),
    Value(Expr, &'static str),
}

impl Expr {
    pub fn lit(text: impl Into<String>, ty: Ty) -> Expr {
        Expr {
            kind: ExprKind::Atom(text.into()),
            ty,
        }
    }

    pub fn new(kind: ExprKind, ty: Ty) -> Expr {
        Expr { kind, ty }
    }

    /// The expression's source text.
    pub fn source(&self) -> String {
        let mut s = String::new();
        self.render(&mut s);
        s
    }

    pub fn render(&self, out: &mut String) {
        match &self.kind {
            ExprKind::Atom(t) => out.push_str(t),
            ExprKind::Binary(op, a, b) => {
                out.push('(');
                a.render(out);
                let _ = write!(out, " {op} ");
                b.render(out);
                out.push(')');
            }
            ExprKind::Unary(op, a) => {
                let _ = write!(out, "({op}");
                if op.chars().all(char::is_alphabetic) {
                    out.push(' ');
                }
                a.render(out);
                out.push(')');
            }
            ExprKind::IfElse(c, a, b) => {
                out.push('(');
                a.render(out);
                out.push_str(" if ");
                c.render(out);
                out.push_str(" else ");
                b.render(out);
                out.push(')');
            }
            ExprKind::Call(f, args, kwargs) => {
                out.push_str(f);
                out.push('(');
                let mut first = true;
                for a in args {
                    if !first {
                        out.push_str(", ");
                    }
                    first = false;
                    a.render(out);
                }
                for (k, v) in kwargs {
                    if !first {
                        out.push_str(", ");
                    }
                    first = false;
                    let _ = write!(out, "{k}=");
                    v.render(out);
                }
                out.push(')');
            }
            ExprKind::Method(obj, name, args) => {
                obj.render(out);
                let _ = write!(out, ".{name}(");
                for (i, a) in args.iter().enumerate() {
                    if i > 0 {
                        out.push_str(", ");
                    }
                    a.render(out);
                }
                out.push(')');
            }
            ExprKind::Attr(obj, name) => {
                obj.render(out);
                let _ = write!(out, ".{name}");
            }
            ExprKind::Index(obj, i) => {
                obj.render(out);
                out.push('[');
                i.render(out);
                out.push(']');
            }
            ExprKind::Slice(obj, lo, hi, step) => {
                obj.render(out);
                out.push('[');
                if let Some(lo) = lo {
                    lo.render(out);
                }
                out.push(':');
                if let Some(hi) = hi {
                    hi.render(out);
                }
                if let Some(step) = step {
                    out.push(':');
                    step.render(out);
                }
                out.push(']');
            }
            ExprKind::Display(open, items) => {
                if *open == "{" && items.is_empty() {
                    out.push_str("set()");
                    return;
                }
                out.push_str(open);
                for (i, a) in items.iter().enumerate() {
                    if i > 0 {
                        out.push_str(", ");
                    }
                    a.render(out);
                }
                if *open == "(" && items.len() == 1 {
                    out.push(',');
                }
                out.push_str(close_of(open));
            }
            ExprKind::DictDisplay(pairs) => {
                out.push('{');
                for (i, (k, v)) in pairs.iter().enumerate() {
                    if i > 0 {
                        out.push_str(", ");
                    }
                    k.render(out);
                    out.push_str(": ");
                    v.render(out);
                }
                out.push('}');
            }
            ExprKind::Comprehension {
                open,
                key,
                elt,
                var,
                iter,
                cond,
            } => {
                out.push_str(open);
                if let Some(k) = key {
                    k.render(out);
                    out.push_str(": ");
                }
                elt.render(out);
                let _ = write!(out, " for {var} in ");
                iter.render(out);
                if let Some(c) = cond {
                    out.push_str(" if ");
                    c.render(out);
                }
                out.push_str(close_of(open));
            }
            ExprKind::FString(parts) => {
                out.push_str("f\"");
                for p in parts {
                    match p {
                        FPart::Text(t) => out.push_str(t),
                        FPart::Value(e, conv) => {
                            // `{ {...} }`: a display right after the brace would
                            // read as an escaped `{{`.
                            let text = e.source();
                            out.push('{');
                            if text.starts_with('{') {
                                out.push(' ');
                            }
                            out.push_str(&text);
                            if text.ends_with('}') {
                                out.push(' ');
                            }
                            out.push_str(conv);
                            out.push('}');
                        }
                    }
                }
                out.push('"');
            }
        }
    }

    /// The direct subexpressions, for the minimizer.
    pub fn children_mut(&mut self) -> Vec<&mut Expr> {
        match &mut self.kind {
            ExprKind::Atom(_) => Vec::new(),
            ExprKind::Binary(_, a, b) => vec![a, b],
            ExprKind::Unary(_, a) => vec![a],
            ExprKind::IfElse(c, a, b) => vec![c, a, b],
            ExprKind::Call(_, args, kwargs) => args
                .iter_mut()
                .chain(kwargs.iter_mut().map(|(_, v)| v))
                .collect(),
            ExprKind::Method(obj, _, args) => {
                let mut v: Vec<&mut Expr> = vec![obj];
                v.extend(args.iter_mut());
                v
            }
            ExprKind::Attr(obj, _) => vec![obj],
            ExprKind::Index(obj, i) => vec![obj, i],
            ExprKind::Slice(obj, lo, hi, step) => {
                let mut v: Vec<&mut Expr> = vec![obj];
                for part in [lo, hi, step].into_iter().flatten() {
                    v.push(part);
                }
                v
            }
            ExprKind::Display(_, items) => items.iter_mut().collect(),
            ExprKind::DictDisplay(pairs) => pairs.iter_mut().flat_map(|(k, v)| [k, v]).collect(),
            ExprKind::Comprehension {
                key,
                elt,
                iter,
                cond,
                ..
            } => {
                let mut v: Vec<&mut Expr> = Vec::new();
                if let Some(k) = key {
                    v.push(k);
                }
                v.push(elt);
                v.push(iter);
                if let Some(c) = cond {
                    v.push(c);
                }
                v
            }
            ExprKind::FString(parts) => parts
                .iter_mut()
                .filter_map(|p| match p {
                    FPart::Value(e, _) => Some(e),
                    FPart::Text(_) => None,
                })
                .collect(),
        }
    }
}

fn close_of(open: &str) -> &'static str {
    match open {
        "[" => "]",
        "(" => ")",
        _ => "}",
    }
}

pub type Block = Vec<Stmt>;

#[derive(Clone, Debug)]
pub enum Stmt {
    /// `target = value` (`target` may be `obj.attr` or `xs[i]`).
    Assign(String, Expr),
    /// `target op= value`.
    AugAssign(String, &'static str, Expr),
    Print(Vec<Expr>),
    /// An expression evaluated for its effect (a call).
    Expr(Expr),
    If(Expr, Block, Block),
    /// `for var in iter:`.
    For(String, Expr, Block),
    /// `counter = 0; while counter < bound: counter += 1; body`.
    While(String, u32, Block),
    Def {
        name: String,
        params: Vec<(String, Option<Expr>)>,
        kwonly: Vec<(String, Expr)>,
        body: Block,
    },
    Class {
        name: String,
        base: Option<String>,
        body: Block,
    },
    Return(Expr),
    Yield(Expr),
    /// `nonlocal a, b` or `global a, b`.
    Declare(&'static str, Vec<String>),
    Try {
        body: Block,
        /// (exception class names, bound name, body)
        handlers: Vec<(Vec<String>, Option<String>, Block)>,
        orelse: Block,
        finally: Block,
    },
    Raise(Expr),
    Pass,
}

impl Stmt {
    pub fn render(&self, out: &mut String, depth: usize) {
        let pad = "    ".repeat(depth);
        let line = |out: &mut String, text: &str| {
            out.push_str(&pad);
            out.push_str(text);
            out.push('\n');
        };
        let expr = Expr::source;
        match self {
            Stmt::Assign(t, e) => line(out, &format!("{t} = {}", expr(e))),
            Stmt::AugAssign(t, op, e) => line(out, &format!("{t} {op}= {}", expr(e))),
            Stmt::Print(items) => {
                let parts: Vec<String> = items.iter().map(expr).collect();
                line(out, &format!("print({})", parts.join(", ")));
            }
            Stmt::Expr(e) => line(out, &expr(e)),
            Stmt::If(c, then, orelse) => {
                line(out, &format!("if {}:", expr(c)));
                render_block(then, out, depth + 1);
                if !orelse.is_empty() {
                    line(out, "else:");
                    render_block(orelse, out, depth + 1);
                }
            }
            Stmt::For(v, it, body) => {
                line(out, &format!("for {v} in {}:", expr(it)));
                render_block(body, out, depth + 1);
            }
            Stmt::While(counter, bound, body) => {
                line(out, &format!("{counter} = 0"));
                line(out, &format!("while {counter} < {bound}:"));
                let inner = "    ".repeat(depth + 1);
                out.push_str(&format!("{inner}{counter} += 1\n"));
                render_block(body, out, depth + 1);
            }
            Stmt::Def {
                name,
                params,
                kwonly,
                body,
            } => {
                let mut ps: Vec<String> = params
                    .iter()
                    .map(|(p, d)| match d {
                        Some(d) => format!("{p}={}", expr(d)),
                        None => p.clone(),
                    })
                    .collect();
                if !kwonly.is_empty() {
                    ps.push("*".into());
                    ps.extend(kwonly.iter().map(|(p, d)| format!("{p}={}", expr(d))));
                }
                line(out, &format!("def {name}({}):", ps.join(", ")));
                render_block(body, out, depth + 1);
            }
            Stmt::Class { name, base, body } => {
                match base {
                    Some(b) => line(out, &format!("class {name}({b}):")),
                    None => line(out, &format!("class {name}:")),
                }
                render_block(body, out, depth + 1);
            }
            Stmt::Return(e) => line(out, &format!("return {}", expr(e))),
            Stmt::Yield(e) => line(out, &format!("yield {}", expr(e))),
            Stmt::Declare(kw, names) => line(out, &format!("{kw} {}", names.join(", "))),
            Stmt::Try {
                body,
                handlers,
                orelse,
                finally,
            } => {
                line(out, "try:");
                render_block(body, out, depth + 1);
                for (classes, name, hbody) in handlers {
                    let what = match classes.as_slice() {
                        [one] => one.clone(),
                        many => format!("({})", many.join(", ")),
                    };
                    match name {
                        Some(n) => line(out, &format!("except {what} as {n}:")),
                        None => line(out, &format!("except {what}:")),
                    }
                    render_block(hbody, out, depth + 1);
                }
                if !orelse.is_empty() {
                    line(out, "else:");
                    render_block(orelse, out, depth + 1);
                }
                if !finally.is_empty() || handlers.is_empty() {
                    line(out, "finally:");
                    render_block(finally, out, depth + 1);
                }
            }
            Stmt::Raise(e) => line(out, &format!("raise {}", expr(e))),
            Stmt::Pass => line(out, "pass"),
        }
    }

    /// The blocks nested in the statement, for the minimizer.
    pub fn blocks_mut(&mut self) -> Vec<&mut Block> {
        match self {
            Stmt::If(_, a, b) => vec![a, b],
            Stmt::For(_, _, b) | Stmt::While(_, _, b) => vec![b],
            Stmt::Def { body, .. } | Stmt::Class { body, .. } => vec![body],
            Stmt::Try {
                body,
                handlers,
                orelse,
                finally,
            } => {
                let mut v: Vec<&mut Block> = vec![body];
                v.extend(handlers.iter_mut().map(|(_, _, b)| b));
                v.push(orelse);
                v.push(finally);
                v
            }
            _ => Vec::new(),
        }
    }

    /// The expressions directly in the statement, for the minimizer.
    pub fn exprs_mut(&mut self) -> Vec<&mut Expr> {
        match self {
            Stmt::Assign(_, e)
            | Stmt::AugAssign(_, _, e)
            | Stmt::Expr(e)
            | Stmt::Return(e)
            | Stmt::Yield(e)
            | Stmt::Raise(e) => vec![e],
            Stmt::Print(items) => items.iter_mut().collect(),
            Stmt::If(c, _, _) => vec![c],
            Stmt::For(_, it, _) => vec![it],
            _ => Vec::new(),
        }
    }
}

fn render_block(block: &Block, out: &mut String, depth: usize) {
    if block.is_empty() {
        Stmt::Pass.render(out, depth);
    }
    for s in block {
        s.render(out, depth);
    }
}

/// A whole generated program.
#[derive(Clone, Debug, Default)]
pub struct Program {
    pub body: Block,
}

impl Program {
    pub fn render(&self) -> String {
        let mut out = String::new();
        for s in &self.body {
            s.render(&mut out, 0);
        }
        out
    }
}
