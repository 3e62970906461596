//! HIR: the program with names resolved (local, global, builtin), calls bound to
//! their targets and syntactic sugar removed. Produced by `hir::lower`, consumed by
//! `mir::lower`; `dump` is the text of `skink ir --stage hir`.

pub mod lower;

use cranelift_codegen::entity::{PrimaryMap, entity_impl};
use num_bigint::BigInt;

use crate::diagnostic::Span;

#[derive(Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct FuncId(u32);
entity_impl!(FuncId, "func");

#[derive(Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct LocalId(u32);
entity_impl!(LocalId, "l");

#[derive(Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct GlobalId(u32);
entity_impl!(GlobalId, "g");

#[derive(Debug, Default)]
pub struct Module {
    pub funcs: PrimaryMap<FuncId, Function>,
    pub globals: PrimaryMap<GlobalId, Global>,
    /// The module body, run as the function `<module>`.
    pub main: Option<FuncId>,
}

#[derive(Debug)]
pub struct Global {
    pub name: String,
    pub kind: GlobalKind,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum GlobalKind {
    /// A module-level variable.
    Variable,
    /// Bound (to a marker) when the `def` statement of the function runs.
    Function(FuncId),
    /// A default value of a parameter, evaluated when the `def` runs.
    Default(FuncId),
}

#[derive(Debug)]
pub struct Function {
    pub name: String,
    pub params: Vec<LocalId>,
    /// The globals holding default values of the last parameters.
    pub defaults: Vec<GlobalId>,
    pub locals: PrimaryMap<LocalId, String>,
    pub body: Vec<Stmt>,
    pub span: Span,
}

#[derive(Debug)]
pub struct Stmt {
    pub kind: StmtKind,
    pub span: Span,
}

#[derive(Debug)]
pub enum StmtKind {
    Expr(Expr),
    Assign {
        target: Target,
        value: Expr,
    },
    If {
        test: Expr,
        body: Vec<Stmt>,
        orelse: Vec<Stmt>,
    },
    While {
        test: Expr,
        body: Vec<Stmt>,
        orelse: Vec<Stmt>,
    },
    /// `for target in iter: body else: orelse`.
    For {
        target: Target,
        iter: ForIter,
        body: Vec<Stmt>,
        orelse: Vec<Stmt>,
    },
    Break,
    Continue,
    Return(Option<Expr>),
    /// Runs a `def`: evaluates the defaults into their globals, then binds the name.
    Def {
        func: FuncId,
        global: GlobalId,
        defaults: Vec<(GlobalId, Expr)>,
    },
    Pass,
}

#[derive(Debug)]
pub enum ForIter {
    /// `range(args)`, stepped without building a range object.
    Range(Vec<Expr>),
    /// Any other iterable value (a tuple or a str in this slice).
    Value(Expr),
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Var {
    Local(LocalId),
    Global(GlobalId),
}

#[derive(Debug)]
pub enum Target {
    Var(Var, Span),
    Tuple(Vec<Target>, Span),
}

#[derive(Debug)]
pub struct Expr {
    pub kind: ExprKind,
    pub span: Span,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum BinOp {
    Add,
    Sub,
    Mul,
    TrueDiv,
    FloorDiv,
    Mod,
    Pow,
    LShift,
    RShift,
    BitAnd,
    BitOr,
    BitXor,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum UnaryOp {
    Neg,
    Pos,
    Invert,
    Not,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum CmpOp {
    Eq,
    Ne,
    Lt,
    Le,
    Gt,
    Ge,
    /// `is` / `is not`, only ever against a `None`, `True` or `False` literal,
    /// whose identity is word equality.
    Is,
    IsNot,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Builtin {
    Print,
    Int,
    Float,
    Str,
    Repr,
    Bool,
    Abs,
    Divmod,
    Pow,
    Round,
    Min,
    Max,
    Len,
}

impl Builtin {
    pub fn name(self) -> &'static str {
        match self {
            Builtin::Print => "print",
            Builtin::Int => "int",
            Builtin::Float => "float",
            Builtin::Str => "str",
            Builtin::Repr => "repr",
            Builtin::Bool => "bool",
            Builtin::Abs => "abs",
            Builtin::Divmod => "divmod",
            Builtin::Pow => "pow",
            Builtin::Round => "round",
            Builtin::Min => "min",
            Builtin::Max => "max",
            Builtin::Len => "len",
        }
    }

    pub const ALL: &'static [Builtin] = &[
        Builtin::Print,
        Builtin::Int,
        Builtin::Float,
        Builtin::Str,
        Builtin::Repr,
        Builtin::Bool,
        Builtin::Abs,
        Builtin::Divmod,
        Builtin::Pow,
        Builtin::Round,
        Builtin::Min,
        Builtin::Max,
        Builtin::Len,
    ];

    /// How many positional arguments this slice accepts: (at least, at most).
    pub fn arity(self) -> (usize, usize) {
        match self {
            Builtin::Print => (0, usize::MAX),
            Builtin::Int => (0, 2),
            Builtin::Float | Builtin::Str | Builtin::Bool => (0, 1),
            Builtin::Repr | Builtin::Abs | Builtin::Len => (1, 1),
            Builtin::Divmod => (2, 2),
            Builtin::Pow => (2, 3),
            Builtin::Round => (1, 2),
            // One argument means an iterable, which needs the next tier.
            Builtin::Min | Builtin::Max => (2, usize::MAX),
        }
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum PrintKeyword {
    Sep,
    End,
}

#[derive(Debug)]
pub enum ExprKind {
    None,
    Bool(bool),
    Int(BigInt),
    Float(f64),
    Str(String),
    Load(Var),
    Binary(BinOp, Box<Expr>, Box<Expr>),
    Unary(UnaryOp, Box<Expr>),
    /// `left op1 e1 op2 e2 ...`, each operand evaluated at most once.
    Compare {
        left: Box<Expr>,
        rest: Vec<(CmpOp, Expr)>,
    },
    /// `and` (true) or `or` (false) over the values, returning an operand.
    BoolOp {
        and: bool,
        values: Vec<Expr>,
    },
    IfExp {
        test: Box<Expr>,
        body: Box<Expr>,
        orelse: Box<Expr>,
    },
    Tuple(Vec<Expr>),
    /// `keywords` are print's `sep`/`end`, in source order (they are evaluated in it).
    CallBuiltin {
        builtin: Builtin,
        args: Vec<Expr>,
        keywords: Vec<(PrintKeyword, Expr)>,
    },
    /// A call of a module-level function; `fill` are the defaults for missing arguments.
    CallFunc {
        func: FuncId,
        global: GlobalId,
        args: Vec<Expr>,
        fill: Vec<GlobalId>,
    },
    /// A call CPython would reject with `TypeError(message)` after evaluating the arguments.
    CallError {
        global: GlobalId,
        args: Vec<Expr>,
        message: String,
    },
    /// A name bound nowhere: raises `NameError` when evaluated.
    NameError(String),
}

/// The text of `skink ir --stage hir`.
pub fn dump(module: &Module) -> String {
    let mut p = Printer {
        module,
        out: String::new(),
    };
    for (id, f) in &module.funcs {
        p.function(id, f);
    }
    p.out
}

struct Printer<'a> {
    module: &'a Module,
    out: String,
}

impl Printer<'_> {
    fn line(&mut self, depth: usize, text: &str) {
        self.out.push_str(&"    ".repeat(depth));
        self.out.push_str(text);
        self.out.push('\n');
    }

    fn var(&self, f: &Function, v: Var) -> String {
        match v {
            Var::Local(l) => format!("{l}:{}", f.locals[l]),
            Var::Global(g) => format!("{g}:{}", self.module.globals[g].name),
        }
    }

    fn function(&mut self, id: FuncId, f: &Function) {
        let params: Vec<_> = f
            .params
            .iter()
            .map(|&l| self.var(f, Var::Local(l)))
            .collect();
        let defaults: Vec<_> = f.defaults.iter().map(|g| g.to_string()).collect();
        self.line(
            0,
            &format!(
                "{id} {}({}) defaults [{}]",
                f.name,
                params.join(", "),
                defaults.join(", ")
            ),
        );
        self.block(f, &f.body, 1);
        self.out.push('\n');
    }

    fn block(&mut self, f: &Function, body: &[Stmt], depth: usize) {
        for s in body {
            self.stmt(f, s, depth);
        }
    }

    fn target(&self, f: &Function, t: &Target) -> String {
        match t {
            Target::Var(v, _) => self.var(f, *v),
            Target::Tuple(ts, _) => {
                format!(
                    "({})",
                    ts.iter()
                        .map(|t| self.target(f, t))
                        .collect::<Vec<_>>()
                        .join(", ")
                )
            }
        }
    }

    fn stmt(&mut self, f: &Function, s: &Stmt, depth: usize) {
        match &s.kind {
            StmtKind::Expr(e) => self.line(depth, &self.expr(f, e)),
            StmtKind::Assign { target, value } => self.line(
                depth,
                &format!("{} = {}", self.target(f, target), self.expr(f, value)),
            ),
            StmtKind::If { test, body, orelse } => {
                self.line(depth, &format!("if {}:", self.expr(f, test)));
                self.block(f, body, depth + 1);
                if !orelse.is_empty() {
                    self.line(depth, "else:");
                    self.block(f, orelse, depth + 1);
                }
            }
            StmtKind::While { test, body, orelse } => {
                self.line(depth, &format!("while {}:", self.expr(f, test)));
                self.block(f, body, depth + 1);
                if !orelse.is_empty() {
                    self.line(depth, "else:");
                    self.block(f, orelse, depth + 1);
                }
            }
            StmtKind::For {
                target,
                iter,
                body,
                orelse,
            } => {
                let iter = match iter {
                    ForIter::Range(args) => format!("range({})", self.exprs(f, args)),
                    ForIter::Value(e) => self.expr(f, e),
                };
                self.line(depth, &format!("for {} in {iter}:", self.target(f, target)));
                self.block(f, body, depth + 1);
                if !orelse.is_empty() {
                    self.line(depth, "else:");
                    self.block(f, orelse, depth + 1);
                }
            }
            StmtKind::Break => self.line(depth, "break"),
            StmtKind::Continue => self.line(depth, "continue"),
            StmtKind::Pass => self.line(depth, "pass"),
            StmtKind::Return(v) => {
                let v = v.as_ref().map_or("None".into(), |e| self.expr(f, e));
                self.line(depth, &format!("return {v}"))
            }
            StmtKind::Def {
                func,
                global,
                defaults,
            } => {
                let ds: Vec<_> = defaults
                    .iter()
                    .map(|(g, e)| format!("{g} = {}", self.expr(f, e)))
                    .collect();
                self.line(
                    depth,
                    &format!(
                        "def {func} as {} [{}]",
                        self.var(f, Var::Global(*global)),
                        ds.join(", ")
                    ),
                )
            }
        }
    }

    fn exprs(&self, f: &Function, es: &[Expr]) -> String {
        es.iter()
            .map(|e| self.expr(f, e))
            .collect::<Vec<_>>()
            .join(", ")
    }

    fn expr(&self, f: &Function, e: &Expr) -> String {
        match &e.kind {
            ExprKind::None => "None".into(),
            ExprKind::Bool(b) => if *b { "True" } else { "False" }.into(),
            ExprKind::Int(i) => i.to_string(),
            ExprKind::Float(x) => format!("{x:?}"),
            ExprKind::Str(s) => format!("{s:?}"),
            ExprKind::Load(v) => self.var(f, *v),
            ExprKind::Binary(op, a, b) => {
                format!("({} {op:?} {})", self.expr(f, a), self.expr(f, b))
            }
            ExprKind::Unary(op, a) => format!("({op:?} {})", self.expr(f, a)),
            ExprKind::Compare { left, rest } => {
                let mut s = format!("({}", self.expr(f, left));
                for (op, e) in rest {
                    s.push_str(&format!(" {op:?} {}", self.expr(f, e)));
                }
                s + ")"
            }
            ExprKind::BoolOp { and, values } => {
                let sep = if *and { " and " } else { " or " };
                format!(
                    "({})",
                    values
                        .iter()
                        .map(|v| self.expr(f, v))
                        .collect::<Vec<_>>()
                        .join(sep)
                )
            }
            ExprKind::IfExp { test, body, orelse } => {
                format!(
                    "({} if {} else {})",
                    self.expr(f, body),
                    self.expr(f, test),
                    self.expr(f, orelse)
                )
            }
            ExprKind::Tuple(items) => format!("tuple({})", self.exprs(f, items)),
            ExprKind::CallBuiltin {
                builtin,
                args,
                keywords,
            } => {
                let mut s = format!("builtin {}({}", builtin.name(), self.exprs(f, args));
                for (k, e) in keywords {
                    s.push_str(&format!(", {k:?}={}", self.expr(f, e)));
                }
                s + ")"
            }
            ExprKind::CallFunc {
                func,
                global,
                args,
                fill,
            } => {
                let fill: Vec<_> = fill.iter().map(|g| g.to_string()).collect();
                format!(
                    "call {func} via {global}({}) fill [{}]",
                    self.exprs(f, args),
                    fill.join(", ")
                )
            }
            ExprKind::CallError {
                global,
                args,
                message,
            } => {
                format!(
                    "call-error via {global}({}) TypeError({message:?})",
                    self.exprs(f, args)
                )
            }
            ExprKind::NameError(name) => format!("name-error({name:?})"),
        }
    }
}
