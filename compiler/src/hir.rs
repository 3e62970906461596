//! HIR: the program with names resolved (local, global, builtin), calls bound to
//! their targets and syntactic sugar removed. Produced by `hir::lower`, consumed by
//! `mir::lower`; `dump` is the text of `skink ir --stage hir`.

pub mod lower;
pub mod symbols;

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
    /// Bound once, by the (undecorated) `def` of this function: calls by name are static.
    Function(FuncId),
    /// A default value of a parameter of a static function, evaluated when the `def` runs.
    Default(FuncId),
}

/// A function's parameters as CPython's code objects describe them. The slots are
/// in CPython's order: positional (positional-only first), keyword-only, `*args`,
/// `**kwargs`.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct ParamSpec {
    pub names: Vec<String>,
    pub posonly: usize,
    /// Positional parameters, the positional-only ones included.
    pub positional: usize,
    pub kwonly: usize,
    pub varargs: bool,
    pub varkw: bool,
}

impl ParamSpec {
    pub fn slots(&self) -> usize {
        self.positional + self.kwonly + usize::from(self.varargs) + usize::from(self.varkw)
    }
}

#[derive(Debug)]
pub struct Function {
    pub name: String,
    /// `outer.<locals>.inner`, `Class.method`: what call errors name.
    pub qualname: String,
    /// One local per slot of `spec`.
    pub params: Vec<LocalId>,
    pub spec: ParamSpec,
    /// For a module-level function called statically: the globals holding the
    /// defaults of the last positional parameters, then those of keyword-only ones.
    pub defaults: Vec<GlobalId>,
    pub locals: PrimaryMap<LocalId, String>,
    /// Locals that hold a cell from the start (a nested function captures them);
    /// a parameter among them is moved into its cell.
    pub cells: Vec<LocalId>,
    /// Locals that receive the cells of the function's closure, in closure order.
    pub frees: Vec<LocalId>,
    /// Calling it makes a generator that runs the body.
    pub is_generator: bool,
    /// The docstring (`__doc__`): a string literal as the body's first statement.
    pub doc: Option<String>,
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
    /// `t1 = t2 = value`: the value is stored into each target, left to right.
    Assign {
        targets: Vec<Target>,
        value: Expr,
    },
    /// `target op= value`, evaluating the target's container and key once.
    AugAssign {
        target: Target,
        op: BinOp,
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
    Pass,
    Try {
        body: Vec<Stmt>,
        handlers: Vec<Handler>,
        orelse: Vec<Stmt>,
        finalbody: Vec<Stmt>,
    },
    /// `raise`, `raise exc`, `raise exc from cause`.
    Raise {
        exc: Option<Expr>,
        cause: Option<Expr>,
    },
    Assert {
        test: Expr,
        msg: Option<Expr>,
    },
    Del(Vec<Target>),
    /// Statements that one source statement became (a `with`).
    Seq(Vec<Stmt>),
    /// A class statement: the body runs with its names in the dict held in `ns`;
    /// the class is made, its `__class__` cell filled, decorated and stored.
    Class {
        name: String,
        qualname: String,
        ns: LocalId,
        class_cell: Option<LocalId>,
        decorators: Vec<Expr>,
        bases: Vec<Expr>,
        body: Vec<Stmt>,
        target: Target,
    },
}

/// An `except` clause.
#[derive(Debug)]
pub struct Handler {
    /// The class or tuple of classes; `None` catches everything.
    pub class: Option<Expr>,
    pub name: Option<Var>,
    pub body: Vec<Stmt>,
    pub span: Span,
}

#[derive(Debug)]
pub enum ForIter {
    /// `range(args)`, stepped without building a range object.
    Range(Vec<Expr>),
    /// Any other iterable value.
    Value(Expr),
    /// `enumerate(X)` with two targets: `X` is walked, the loop's target is the
    /// item's, and the count goes to the index target (no pairs are made).
    Enumerate(Expr, Box<EnumerateCount>),
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Var {
    Local(LocalId),
    Global(GlobalId),
    /// A local holding a cell; the variable is the cell's content.
    Cell(LocalId),
}

/// Where a static call's parameter slot gets its value from.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum SlotSource {
    /// The argument at this index (positional arguments, then keyword values).
    Arg(usize),
    /// The default kept in this global.
    Default(GlobalId),
    /// `*args`: a tuple of these arguments.
    Tuple(Vec<usize>),
    /// `**kwargs`: a dict of these keyword arguments.
    Dict(Vec<(String, usize)>),
}

#[derive(Debug)]
pub enum Target {
    Var(Var, Span),
    /// `a, *b, c`: `star` is the index of the starred target, which receives a list.
    Tuple {
        items: Vec<Target>,
        star: Option<usize>,
        span: Span,
    },
    Subscript {
        obj: Box<Expr>,
        index: Box<Expr>,
        span: Span,
    },
    /// `obj.name`.
    Attribute {
        obj: Box<Expr>,
        name: String,
        span: Span,
    },
    /// A name in a class body: an item of the namespace dict held in `ns`.
    ClassName {
        ns: LocalId,
        name: String,
        span: Span,
    },
}

/// A comprehension's `for target in iter if cond ...`.
#[derive(Debug)]
pub struct Generator {
    pub target: Target,
    pub iter: Expr,
    pub ifs: Vec<Expr>,
    /// `for i, x in enumerate(iter)`: `target` is `x`, and no pairs are made.
    pub enumerate: Option<EnumerateCount>,
}

/// The count of an `enumerate` loop without pairs, kept in a hidden local, as
/// assignments: the index target gets the count, the count is incremented, then the
/// item target gets the item, the order unpacking a pair stores them in.
#[derive(Debug)]
pub struct EnumerateCount {
    /// Sets the count to 0, each time the loop starts.
    pub start: (Target, Expr),
    /// Store the count in the index target, then increment it: each step, before
    /// the item is stored. What they assign dies with a comprehension.
    pub step: [(Target, Expr); 2],
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum CompKind {
    List,
    Set,
    Dict,
    /// `sum(<genexp>)` of the builtin `sum`, run inline: each element is added to
    /// the total kept in this hidden local as it is made, as `sum` would.
    Sum(LocalId),
}

/// A piece of an f-string.
#[derive(Debug)]
pub enum FPart {
    Literal(String),
    Field {
        value: Box<Expr>,
        /// 1 for `!s`, 2 for `!r`, 3 for `!a`.
        conversion: Option<i64>,
        spec: Option<Expr>,
    },
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
    /// `is` / `is not`: identity is word equality (small ints are immediates, so
    /// equal small ints are identical, as CPython's cached ones are).
    Is,
    IsNot,
    In,
    NotIn,
}

#[derive(Debug)]
pub enum ExprKind {
    None,
    Bool(bool),
    Int(BigInt),
    Float(f64),
    Str(String),
    Bytes(Vec<u8>),
    /// `...`.
    Ellipsis,
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
    /// Displays; items may be `Starred`.
    Tuple(Vec<Expr>),
    List(Vec<Expr>),
    Set(Vec<Expr>),
    /// `{k: v, **m}`: a `None` key unpacks the value.
    Dict(Vec<(Option<Expr>, Expr)>),
    /// `*x` inside a display or a call.
    Starred(Box<Expr>),
    /// A builtin function or type by name.
    Builtin(String),
    Subscript(Box<Expr>, Box<Expr>),
    /// `a:b:c` inside a subscript; absent parts are `None`.
    Slice(Box<Expr>, Box<Expr>, Box<Expr>),
    Attribute(Box<Expr>, String),
    /// `obj.name(args, k=v)`; `args` may hold `Starred`, a `None` keyword is `**x`.
    CallMethod {
        obj: Box<Expr>,
        name: String,
        args: Vec<Expr>,
        keywords: Vec<(Option<String>, Expr)>,
    },
    /// A call of any callable value.
    Call {
        func: Box<Expr>,
        args: Vec<Expr>,
        keywords: Vec<(Option<String>, Expr)>,
    },
    FString(Vec<FPart>),
    Comprehension {
        kind: CompKind,
        /// The element (the key for a dict).
        elt: Box<Expr>,
        value: Option<Box<Expr>>,
        generators: Vec<Generator>,
        /// Variables a nested function captures: each run gets fresh cells.
        cells: Vec<LocalId>,
        /// A generator expression a consuming builtin runs inline: a
        /// StopIteration its body raises becomes RuntimeError, as PEP 479 makes
        /// a generator's, and the builtin's own work stays outside that rule.
        generator: bool,
    },
    /// A call of a static module-level function whose arguments bind at compile
    /// time: `args` are evaluated in source order, then arranged into `slots`.
    CallFunc {
        func: FuncId,
        global: GlobalId,
        args: Vec<Expr>,
        slots: Vec<SlotSource>,
    },
    /// A function object: evaluates the defaults, takes the cells of `closure`.
    MakeFunction {
        func: FuncId,
        defaults: Vec<Expr>,
        kwdefaults: Vec<(String, Expr)>,
        closure: Vec<LocalId>,
        /// For a static function: where the defaults are also kept.
        default_globals: Vec<GlobalId>,
    },
    /// The cell object of a local (for a closure).
    CellRef(LocalId),
    /// `yield value` (`None` yields `None`): what the generator is resumed with.
    Yield(Option<Box<Expr>>),
    /// `(name := value)`: stores the value and is the value.
    NamedExpr(Box<Target>, Box<Expr>),
    /// `yield from iterable`: the delegate's return value.
    YieldFrom(Box<Expr>),
    /// `import name`: the module object.
    Import(String),
    /// `with mgr`: the bound `__exit__` of the context manager (checked first).
    ContextExit(Box<Expr>),
    /// Calls a bound `__exit__` with the exception being handled; `True` if it
    /// suppresses the exception.
    ContextExitException(Box<Expr>),
    /// A name read in a class body: the namespace dict in `ns`, else `fallback`.
    LoadClassName {
        ns: LocalId,
        name: String,
        fallback: Box<Expr>,
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
            Var::Cell(l) => format!("cell {l}:{}", f.locals[l]),
        }
    }

    fn function(&mut self, id: FuncId, f: &Function) {
        let params: Vec<_> = f
            .params
            .iter()
            .map(|&l| self.var(f, Var::Local(l)))
            .collect();
        let defaults: Vec<_> = f.defaults.iter().map(|g| g.to_string()).collect();
        let cells: Vec<_> = f.cells.iter().map(|l| l.to_string()).collect();
        let frees: Vec<_> = f.frees.iter().map(|l| l.to_string()).collect();
        let kind = if f.is_generator { " generator" } else { "" };
        self.line(
            0,
            &format!(
                "{id}{kind} {}({}) defaults [{}] cells [{}] frees [{}]",
                f.qualname,
                params.join(", "),
                defaults.join(", "),
                cells.join(", "),
                frees.join(", ")
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

    /// `(index, item) in enumerate(X) (no pairs)`.
    fn enumerate_header(
        &self,
        f: &Function,
        item: &str,
        iter: &Expr,
        count: &EnumerateCount,
    ) -> String {
        format!(
            "({}, {item}) in enumerate({}) (no pairs)",
            self.target(f, &count.step[0].0),
            self.expr(f, iter)
        )
    }

    fn target(&self, f: &Function, t: &Target) -> String {
        match t {
            Target::Var(v, _) => self.var(f, *v),
            Target::Tuple { items, star, .. } => {
                let parts: Vec<String> = items
                    .iter()
                    .enumerate()
                    .map(|(i, t)| {
                        let s = if Some(i) == *star { "*" } else { "" };
                        format!("{s}{}", self.target(f, t))
                    })
                    .collect();
                format!("({})", parts.join(", "))
            }
            Target::Subscript { obj, index, .. } => {
                format!("{}[{}]", self.expr(f, obj), self.expr(f, index))
            }
            Target::ClassName { ns, name, .. } => format!("{ns}[{name:?}]"),
            Target::Attribute { obj, name, .. } => format!("{}.{name}", self.expr(f, obj)),
        }
    }

    fn stmt(&mut self, f: &Function, s: &Stmt, depth: usize) {
        match &s.kind {
            StmtKind::Expr(e) => self.line(depth, &self.expr(f, e)),
            StmtKind::Assign { targets, value } => {
                let ts: Vec<String> = targets.iter().map(|t| self.target(f, t)).collect();
                self.line(
                    depth,
                    &format!("{} = {}", ts.join(" = "), self.expr(f, value)),
                )
            }
            StmtKind::AugAssign { target, op, value } => self.line(
                depth,
                &format!("{} {op:?}= {}", self.target(f, target), self.expr(f, value)),
            ),
            StmtKind::Try {
                body,
                handlers,
                orelse,
                finalbody,
            } => {
                self.line(depth, "try:");
                self.block(f, body, depth + 1);
                for h in handlers {
                    let class = h.class.as_ref().map_or(String::new(), |c| self.expr(f, c));
                    let name = h
                        .name
                        .map_or(String::new(), |v| format!(" as {}", self.var(f, v)));
                    self.line(depth, &format!("except {class}{name}:"));
                    self.block(f, &h.body, depth + 1);
                }
                if !orelse.is_empty() {
                    self.line(depth, "else:");
                    self.block(f, orelse, depth + 1);
                }
                if !finalbody.is_empty() {
                    self.line(depth, "finally:");
                    self.block(f, finalbody, depth + 1);
                }
            }
            StmtKind::Raise { exc, cause } => {
                let mut s = String::from("raise");
                if let Some(e) = exc {
                    s.push_str(&format!(" {}", self.expr(f, e)));
                }
                if let Some(c) = cause {
                    s.push_str(&format!(" from {}", self.expr(f, c)));
                }
                self.line(depth, &s)
            }
            StmtKind::Assert { test, msg } => {
                let m = msg
                    .as_ref()
                    .map_or(String::new(), |m| format!(", {}", self.expr(f, m)));
                self.line(depth, &format!("assert {}{m}", self.expr(f, test)))
            }
            StmtKind::Del(targets) => {
                let ts: Vec<String> = targets.iter().map(|t| self.target(f, t)).collect();
                self.line(depth, &format!("del {}", ts.join(", ")))
            }
            StmtKind::Seq(body) => self.block(f, body, depth),
            StmtKind::Class {
                name,
                ns,
                class_cell,
                decorators,
                bases,
                body,
                target,
                ..
            } => {
                let decos: Vec<String> = decorators.iter().map(|d| self.expr(f, d)).collect();
                let cell = class_cell.map_or(String::new(), |c| format!(" cell {c}"));
                self.line(
                    depth,
                    &format!(
                        "class {name}({}) ns {ns}{cell} decorators [{}] as {}:",
                        self.exprs(f, bases),
                        decos.join(", "),
                        self.target(f, target)
                    ),
                );
                self.block(f, body, depth + 1);
            }
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
                let target = self.target(f, target);
                let header = match iter {
                    ForIter::Range(args) => format!("{target} in range({})", self.exprs(f, args)),
                    ForIter::Value(e) => format!("{target} in {}", self.expr(f, e)),
                    ForIter::Enumerate(e, count) => self.enumerate_header(f, &target, e, count),
                };
                self.line(depth, &format!("for {header}:"));
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
        }
    }

    fn call_args(
        &self,
        f: &Function,
        args: &[Expr],
        keywords: &[(Option<String>, Expr)],
    ) -> String {
        let mut parts: Vec<String> = args.iter().map(|a| self.expr(f, a)).collect();
        for (k, v) in keywords {
            match k {
                Some(k) => parts.push(format!("{k}={}", self.expr(f, v))),
                None => parts.push(format!("**{}", self.expr(f, v))),
            }
        }
        parts.join(", ")
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
            ExprKind::Ellipsis => "...".into(),
            ExprKind::Bytes(b) => format!("b{:?}", String::from_utf8_lossy(b)),
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
            ExprKind::List(items) => format!("list({})", self.exprs(f, items)),
            ExprKind::Set(items) => format!("set({})", self.exprs(f, items)),
            ExprKind::Dict(items) => {
                let parts: Vec<String> = items
                    .iter()
                    .map(|(k, v)| match k {
                        Some(k) => format!("{}: {}", self.expr(f, k), self.expr(f, v)),
                        None => format!("**{}", self.expr(f, v)),
                    })
                    .collect();
                format!("dict({})", parts.join(", "))
            }
            ExprKind::Starred(e) => format!("*{}", self.expr(f, e)),
            ExprKind::Builtin(name) => format!("builtin {name}"),
            ExprKind::Subscript(a, b) => format!("{}[{}]", self.expr(f, a), self.expr(f, b)),
            ExprKind::Slice(a, b, c) => format!(
                "slice({}, {}, {})",
                self.expr(f, a),
                self.expr(f, b),
                self.expr(f, c)
            ),
            ExprKind::Attribute(a, name) => format!("{}.{name}", self.expr(f, a)),
            ExprKind::CallMethod {
                obj,
                name,
                args,
                keywords,
            } => format!(
                "{}.{name}({})",
                self.expr(f, obj),
                self.call_args(f, args, keywords)
            ),
            ExprKind::Call {
                func,
                args,
                keywords,
            } => format!(
                "call {}({})",
                self.expr(f, func),
                self.call_args(f, args, keywords)
            ),
            ExprKind::FString(parts) => {
                let parts: Vec<String> = parts
                    .iter()
                    .map(|p| match p {
                        FPart::Literal(s) => format!("{s:?}"),
                        FPart::Field {
                            value,
                            conversion,
                            spec,
                        } => format!(
                            "{{{} !{conversion:?} :{}}}",
                            self.expr(f, value),
                            spec.as_ref().map_or(String::new(), |s| self.expr(f, s))
                        ),
                    })
                    .collect();
                format!("fstring({})", parts.join(", "))
            }
            ExprKind::Comprehension {
                kind,
                elt,
                value,
                generators,
                generator,
                ..
            } => {
                let mut s = format!("{kind:?}-comp {}", self.expr(f, elt));
                if *generator {
                    s.insert_str(0, "genexpr-");
                }
                if let Some(v) = value {
                    s.push_str(&format!(": {}", self.expr(f, v)));
                }
                for g in generators {
                    let target = self.target(f, &g.target);
                    let header = match &g.enumerate {
                        Some(count) => self.enumerate_header(f, &target, &g.iter, count),
                        None => format!("{target} in {}", self.expr(f, &g.iter)),
                    };
                    s.push_str(&format!(" for {header}"));
                    for c in &g.ifs {
                        s.push_str(&format!(" if {}", self.expr(f, c)));
                    }
                }
                format!("[{s}]")
            }
            ExprKind::CallFunc {
                func,
                global,
                args,
                slots,
            } => format!(
                "call {func} via {global}({}) slots {slots:?}",
                self.exprs(f, args)
            ),
            ExprKind::MakeFunction {
                func,
                defaults,
                kwdefaults,
                closure,
                default_globals,
            } => {
                let kw: Vec<String> = kwdefaults
                    .iter()
                    .map(|(k, v)| format!("{k}={}", self.expr(f, v)))
                    .collect();
                let closure: Vec<_> = closure.iter().map(|l| l.to_string()).collect();
                let globals: Vec<_> = default_globals.iter().map(|g| g.to_string()).collect();
                format!(
                    "make-function {func} defaults ({}) kwdefaults ({}) closure [{}] kept in [{}]",
                    self.exprs(f, defaults),
                    kw.join(", "),
                    closure.join(", "),
                    globals.join(", ")
                )
            }
            ExprKind::CellRef(l) => format!("cellref {l}"),
            ExprKind::NamedExpr(t, v) => {
                format!("({} := {})", self.target(f, t), self.expr(f, v))
            }
            ExprKind::Yield(v) => match v {
                Some(v) => format!("(yield {})", self.expr(f, v)),
                None => "(yield)".into(),
            },
            ExprKind::YieldFrom(v) => format!("(yield from {})", self.expr(f, v)),
            ExprKind::ContextExit(m) => format!("context-exit({})", self.expr(f, m)),
            ExprKind::Import(m) => format!("import {m}"),
            ExprKind::ContextExitException(e) => {
                format!("context-exit-exception({})", self.expr(f, e))
            }
            ExprKind::LoadClassName { ns, name, fallback } => {
                format!("{ns}[{name:?}] or {}", self.expr(f, fallback))
            }
            ExprKind::NameError(name) => format!("name-error({name:?})"),
        }
    }
}
