//! The symbol table: the names each scope binds, declares and reads, and from those,
//! as CPython's `symtable.c` decides it, which locals live in cells (a nested
//! function reads them) and which names a function takes from enclosing functions.
//!
//! Class bodies and comprehensions run inline in the function around them (see
//! `hir::lower`), so a name they read from that function is a plain use there; only
//! real functions (`def`, `lambda`, generator expressions) capture, and only what they
//! capture becomes a cell.

use std::collections::{BTreeSet, HashMap, HashSet};

use cranelift_codegen::entity::{PrimaryMap, entity_impl};

use crate::diagnostic::{Diagnostic, Span};
use crate::frontend::{Ranged, ast, span};

#[derive(Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct ScopeId(u32);
entity_impl!(ScopeId, "scope");

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ScopeKind {
    Module,
    /// `def`, `lambda` or a generator expression: a real function.
    Function,
    Class,
    /// A list, set or dict comprehension (inlined into its host function).
    Comprehension,
}

#[derive(Debug)]
pub struct ScopeData {
    pub kind: ScopeKind,
    pub parent: Option<ScopeId>,
    children: Vec<ScopeId>,
    /// Names bound here (assigned, parameters, `def`/`class` names, imports), in order.
    pub bound: Vec<String>,
    bound_set: HashSet<String>,
    /// How many statements and targets bind each name.
    bind_counts: HashMap<String, usize>,
    pub globals: HashSet<String>,
    pub nonlocals: HashSet<String>,
    nonlocal_spans: Vec<(String, Span)>,
    uses: HashSet<String>,
    pub params: HashSet<String>,
    /// The body contains `yield` (a generator function).
    pub is_generator: bool,
    /// Locals a nested function captures.
    pub cells: BTreeSet<String>,
    /// Names a function takes from enclosing functions, in closure order.
    pub frees: BTreeSet<String>,
    /// A method reads `__class__` (or calls `super()`): the class body makes the cell.
    pub class_cell: bool,
}

impl ScopeData {
    fn new(kind: ScopeKind, parent: Option<ScopeId>) -> Self {
        ScopeData {
            kind,
            parent,
            children: Vec::new(),
            bound: Vec::new(),
            bound_set: HashSet::new(),
            bind_counts: HashMap::new(),
            globals: HashSet::new(),
            nonlocals: HashSet::new(),
            nonlocal_spans: Vec::new(),
            uses: HashSet::new(),
            params: HashSet::new(),
            is_generator: false,
            cells: BTreeSet::new(),
            frees: BTreeSet::new(),
            class_cell: false,
        }
    }

    /// How many places bind `name` in this scope.
    pub fn bind_count(&self, name: &str) -> usize {
        self.bind_counts.get(name).copied().unwrap_or(0)
    }

    /// Whether `name` is a variable of this scope (bound and not declared otherwise).
    pub fn is_local(&self, name: &str) -> bool {
        self.bound_set.contains(name)
            && !self.globals.contains(name)
            && !self.nonlocals.contains(name)
    }
}

#[derive(Debug, Default)]
pub struct Symbols {
    pub scopes: PrimaryMap<ScopeId, ScopeData>,
    by_span: HashMap<Span, ScopeId>,
}

impl Symbols {
    /// The scope a `def`, `lambda`, `class` or comprehension node opens.
    pub fn scope_of(&self, at: Span) -> Option<ScopeId> {
        self.by_span.get(&at).copied()
    }

    pub fn module(&self) -> ScopeId {
        ScopeId::from_u32(0)
    }
}

/// Builds and analyses the symbol table of a module; errors are CPython's
/// compile-time `SyntaxError`s about declarations.
pub fn build(body: &[ast::Stmt]) -> (Symbols, Vec<Diagnostic>) {
    let mut b = Builder {
        symbols: Symbols::default(),
        diags: Vec::new(),
        consumed_generators: Vec::new(),
    };
    let module = b
        .symbols
        .scopes
        .push(ScopeData::new(ScopeKind::Module, None));
    b.stmts(module, body);
    b.inline_consumed_generators();
    b.analyze(module, &HashSet::new());
    (b.symbols, b.diags)
}

fn syntax_error(at: Span, message: String) -> Diagnostic {
    Diagnostic::error(at, format!("SyntaxError: {message}"), "here")
        .with_help("CPython rejects this program at compile time too")
}

struct Builder {
    symbols: Symbols,
    diags: Vec<Diagnostic>,
    /// The scopes of generator expressions that are the only argument of a
    /// consuming builtin (`consumed_generator`), with the builtin's name.
    consumed_generators: Vec<(ScopeId, &'static str)>,
}

/// The builtins that consume a generator expression passed as their only argument
/// whole, before anything else can happen, so the lowering can run it inline as a
/// comprehension: `sum` adds each element as it is made; `list`, `tuple` and
/// `sorted` keep the elements in a list; `set` and `frozenset` add each to a set
/// as it is made (hashing it then, as they would).
pub const GENERATOR_CONSUMERS: [&str; 6] = ["sum", "list", "tuple", "sorted", "set", "frozenset"];

/// `consumer(<genexp>)` of one of [`GENERATOR_CONSUMERS`] with no other argument:
/// the consumer's name and the generator expression.
pub fn consumed_generator(c: &ast::ExprCall) -> Option<(&'static str, &ast::ExprGeneratorExp)> {
    match (c.func.as_ref(), c.args.as_slice()) {
        (ast::Expr::Name(n), [ast::Expr::GeneratorExp(g)]) if c.keywords.is_empty() => {
            let name = GENERATOR_CONSUMERS
                .into_iter()
                .find(|&name| name == n.id.as_str())?;
            Some((name, g))
        }
        _ => None,
    }
}

impl Builder {
    /// Makes the generator expressions of `consumer(<genexp>)` comprehensions
    /// (inlined into their host function) when no scope binds the consumer's name,
    /// so that it can only be the builtin.
    fn inline_consumed_generators(&mut self) {
        // Each consumer's name is looked up in every scope once, not per call.
        let rebound: Vec<&str> = GENERATOR_CONSUMERS
            .into_iter()
            .filter(|name| {
                self.symbols.scopes.values().any(|d| {
                    d.bound_set.contains(*name)
                        || d.globals.contains(*name)
                        || d.nonlocals.contains(*name)
                })
            })
            .collect();
        for &(scope, consumer) in &self.consumed_generators {
            if rebound.contains(&consumer) {
                continue;
            }
            let data = &mut self.symbols.scopes[scope];
            data.kind = ScopeKind::Comprehension;
            data.is_generator = false;
            data.bound.retain(|name| name != ".0");
            data.bound_set.remove(".0");
            data.bind_counts.remove(".0");
            data.params.remove(".0");
        }
    }

    fn scope(&mut self, s: ScopeId) -> &mut ScopeData {
        &mut self.symbols.scopes[s]
    }

    fn bind(&mut self, s: ScopeId, name: &str) {
        let data = self.scope(s);
        *data.bind_counts.entry(name.to_string()).or_default() += 1;
        if data.bound_set.insert(name.to_string()) {
            data.bound.push(name.to_string());
        }
    }

    fn use_name(&mut self, s: ScopeId, name: &str) {
        self.scope(s).uses.insert(name.to_string());
        // `super()` reads the method's class from the `__class__` cell.
        if name == "super" && self.symbols.scopes[s].kind == ScopeKind::Function {
            self.scope(s).uses.insert("__class__".to_string());
        }
    }

    fn open(&mut self, kind: ScopeKind, parent: ScopeId, at: Span) -> ScopeId {
        let id = self.symbols.scopes.push(ScopeData::new(kind, Some(parent)));
        self.symbols.scopes[parent].children.push(id);
        self.symbols.by_span.insert(at, id);
        id
    }

    fn stmts(&mut self, s: ScopeId, body: &[ast::Stmt]) {
        for stmt in body {
            self.stmt(s, stmt);
        }
    }

    fn arguments(&mut self, outer: ScopeId, inner: ScopeId, args: &ast::Arguments) {
        let all = args
            .posonlyargs
            .iter()
            .chain(&args.args)
            .chain(&args.kwonlyargs);
        for a in all {
            if let Some(d) = &a.default {
                self.expr(outer, d);
            }
            self.param(inner, a.def.arg.as_str());
        }
        for a in args.vararg.iter().chain(&args.kwarg) {
            self.param(inner, a.arg.as_str());
        }
    }

    fn param(&mut self, s: ScopeId, name: &str) {
        self.bind(s, name);
        self.scope(s).params.insert(name.to_string());
    }

    fn stmt(&mut self, s: ScopeId, stmt: &ast::Stmt) {
        match stmt {
            ast::Stmt::FunctionDef(def) => {
                for d in &def.decorator_list {
                    self.expr(s, d);
                }
                let inner = self.open(ScopeKind::Function, s, span(def.range));
                self.arguments(s, inner, &def.args);
                self.bind(s, def.name.as_str());
                self.stmts(inner, &def.body);
            }
            ast::Stmt::AsyncFunctionDef(_) => {}
            ast::Stmt::ClassDef(c) => {
                for d in c.decorator_list.iter().chain(&c.bases) {
                    self.expr(s, d);
                }
                for k in &c.keywords {
                    self.expr(s, &k.value);
                }
                let inner = self.open(ScopeKind::Class, s, span(c.range));
                self.bind(s, c.name.as_str());
                self.stmts(inner, &c.body);
            }
            ast::Stmt::Return(r) => r.value.iter().for_each(|v| self.expr(s, v)),
            ast::Stmt::Delete(d) => d.targets.iter().for_each(|t| self.expr(s, t)),
            ast::Stmt::Assign(a) => {
                self.expr(s, &a.value);
                a.targets.iter().for_each(|t| self.expr(s, t));
            }
            ast::Stmt::AugAssign(a) => {
                if let ast::Expr::Name(n) = a.target.as_ref() {
                    self.use_name(s, n.id.as_str());
                }
                self.expr(s, &a.target);
                self.expr(s, &a.value);
            }
            ast::Stmt::AnnAssign(a) => {
                // Annotations are never evaluated (PEP 563 semantics for all of them).
                a.value.iter().for_each(|v| self.expr(s, v));
                if a.value.is_some() || !matches!(a.target.as_ref(), ast::Expr::Name(_)) {
                    self.expr(s, &a.target);
                } else if let ast::Expr::Name(n) = a.target.as_ref() {
                    // `x: int` alone still makes `x` local to a function.
                    self.bind(s, n.id.as_str());
                }
            }
            ast::Stmt::For(f) => {
                self.expr(s, &f.iter);
                self.expr(s, &f.target);
                self.stmts(s, &f.body);
                self.stmts(s, &f.orelse);
            }
            ast::Stmt::While(w) => {
                self.expr(s, &w.test);
                self.stmts(s, &w.body);
                self.stmts(s, &w.orelse);
            }
            ast::Stmt::If(i) => {
                self.expr(s, &i.test);
                self.stmts(s, &i.body);
                self.stmts(s, &i.orelse);
            }
            ast::Stmt::With(w) => {
                for item in &w.items {
                    self.expr(s, &item.context_expr);
                    if let Some(v) = &item.optional_vars {
                        self.expr(s, v);
                    }
                }
                self.stmts(s, &w.body);
            }
            ast::Stmt::Raise(r) => {
                r.exc.iter().for_each(|e| self.expr(s, e));
                r.cause.iter().for_each(|e| self.expr(s, e));
            }
            ast::Stmt::Try(t) => {
                self.stmts(s, &t.body);
                for h in &t.handlers {
                    let ast::ExceptHandler::ExceptHandler(h) = h;
                    h.type_.iter().for_each(|e| self.expr(s, e));
                    if let Some(n) = &h.name {
                        self.bind(s, n.as_str());
                    }
                    self.stmts(s, &h.body);
                }
                self.stmts(s, &t.orelse);
                self.stmts(s, &t.finalbody);
            }
            ast::Stmt::Assert(a) => {
                self.expr(s, &a.test);
                a.msg.iter().for_each(|m| self.expr(s, m));
            }
            ast::Stmt::Import(i) => {
                for alias in &i.names {
                    let name = match &alias.asname {
                        Some(a) => a.to_string(),
                        None => alias.name.split('.').next().unwrap_or("").to_string(),
                    };
                    self.bind(s, &name);
                }
            }
            ast::Stmt::ImportFrom(i) => {
                for alias in &i.names {
                    let name = alias.asname.as_ref().unwrap_or(&alias.name);
                    if name.as_str() != "*" {
                        self.bind(s, name.as_str());
                    }
                }
            }
            ast::Stmt::Global(g) => {
                for n in &g.names {
                    self.scope(s).globals.insert(n.to_string());
                }
            }
            ast::Stmt::Nonlocal(n) => {
                for name in &n.names {
                    let data = self.scope(s);
                    data.nonlocals.insert(name.to_string());
                    data.nonlocal_spans.push((name.to_string(), span(n.range)));
                }
            }
            ast::Stmt::Expr(e) => self.expr(s, &e.value),
            _ => {}
        }
    }

    fn expr(&mut self, s: ScopeId, e: &ast::Expr) {
        match e {
            ast::Expr::Name(n) => match n.ctx {
                ast::ExprContext::Load => self.use_name(s, n.id.as_str()),
                _ => self.bind(s, n.id.as_str()),
            },
            ast::Expr::Lambda(l) => {
                let inner = self.open(ScopeKind::Function, s, span(l.range));
                self.arguments(s, inner, &l.args);
                self.expr(inner, &l.body);
            }
            ast::Expr::ListComp(c) => {
                self.comprehension(s, e, ScopeKind::Comprehension, &c.generators, &[&c.elt])
            }
            ast::Expr::SetComp(c) => {
                self.comprehension(s, e, ScopeKind::Comprehension, &c.generators, &[&c.elt])
            }
            ast::Expr::DictComp(c) => self.comprehension(
                s,
                e,
                ScopeKind::Comprehension,
                &c.generators,
                &[&c.key, &c.value],
            ),
            ast::Expr::GeneratorExp(g) => {
                self.comprehension(s, e, ScopeKind::Function, &g.generators, &[&g.elt])
            }
            ast::Expr::Yield(y) => {
                self.scope(s).is_generator = true;
                y.value.iter().for_each(|v| self.expr(s, v));
            }
            ast::Expr::YieldFrom(y) => {
                self.scope(s).is_generator = true;
                self.expr(s, &y.value);
            }
            ast::Expr::BoolOp(b) => b.values.iter().for_each(|v| self.expr(s, v)),
            ast::Expr::NamedExpr(n) => {
                self.expr(s, &n.value);
                self.expr(s, &n.target);
            }
            ast::Expr::BinOp(b) => {
                self.expr(s, &b.left);
                self.expr(s, &b.right);
            }
            ast::Expr::UnaryOp(u) => self.expr(s, &u.operand),
            ast::Expr::IfExp(i) => {
                self.expr(s, &i.test);
                self.expr(s, &i.body);
                self.expr(s, &i.orelse);
            }
            ast::Expr::Dict(d) => {
                d.keys.iter().flatten().for_each(|k| self.expr(s, k));
                d.values.iter().for_each(|v| self.expr(s, v));
            }
            ast::Expr::Set(x) => x.elts.iter().for_each(|v| self.expr(s, v)),
            ast::Expr::Await(a) => self.expr(s, &a.value),
            ast::Expr::Compare(c) => {
                self.expr(s, &c.left);
                c.comparators.iter().for_each(|v| self.expr(s, v));
            }
            ast::Expr::Call(c) => {
                self.expr(s, &c.func);
                c.args.iter().for_each(|v| self.expr(s, v));
                c.keywords.iter().for_each(|k| self.expr(s, &k.value));
                if let Some((consumer, genexp)) = consumed_generator(c)
                    && let Some(scope) = self.symbols.scope_of(span(genexp.range))
                {
                    self.consumed_generators.push((scope, consumer));
                }
            }
            ast::Expr::FormattedValue(f) => {
                self.expr(s, &f.value);
                f.format_spec.iter().for_each(|v| self.expr(s, v));
            }
            ast::Expr::JoinedStr(j) => j.values.iter().for_each(|v| self.expr(s, v)),
            ast::Expr::Constant(_) => {}
            ast::Expr::Attribute(a) => self.expr(s, &a.value),
            ast::Expr::Subscript(x) => {
                self.expr(s, &x.value);
                self.expr(s, &x.slice);
            }
            ast::Expr::Starred(x) => self.expr(s, &x.value),
            ast::Expr::List(x) => x.elts.iter().for_each(|v| self.expr(s, v)),
            ast::Expr::Tuple(x) => x.elts.iter().for_each(|v| self.expr(s, v)),
            ast::Expr::Slice(x) => {
                for p in [&x.lower, &x.upper, &x.step].into_iter().flatten() {
                    self.expr(s, p);
                }
            }
        }
    }

    /// A comprehension or generator expression: the first iterable is evaluated in
    /// the enclosing scope, everything else in the new one.
    fn comprehension(
        &mut self,
        s: ScopeId,
        node: &ast::Expr,
        kind: ScopeKind,
        generators: &[ast::Comprehension],
        elts: &[&ast::Expr],
    ) {
        let Some(first) = generators.first() else {
            return;
        };
        self.expr(s, &first.iter);
        let inner = self.open(kind, s, span(node.range()));
        if kind == ScopeKind::Function {
            self.param(inner, ".0");
            self.scope(inner).is_generator = true;
        }
        for (i, g) in generators.iter().enumerate() {
            if i > 0 {
                self.expr(inner, &g.iter);
            }
            self.expr(inner, &g.target);
            g.ifs.iter().for_each(|c| self.expr(inner, c));
        }
        for e in elts {
            self.expr(inner, e);
        }
    }

    /// Decides cells and frees below `s`; `visible` are the names enclosing functions
    /// bind. Returns what `s` needs from outside: (name, captured by a real function).
    fn analyze(&mut self, s: ScopeId, visible: &HashSet<String>) -> Vec<(String, bool)> {
        let kind = self.symbols.scopes[s].kind;
        self.check_declarations(s, visible);
        let data = &self.symbols.scopes[s];
        let locals: HashSet<String> = data
            .bound
            .iter()
            .filter(|n| data.is_local(n))
            .cloned()
            .collect();
        let children = data.children.clone();
        let mut uses: Vec<String> = data.uses.iter().cloned().collect();
        uses.sort();
        let globals = data.globals.clone();
        let mut nonlocals: Vec<String> = data.nonlocals.iter().cloned().collect();
        nonlocals.sort();

        let mut needs: Vec<(String, bool)> = Vec::new();
        match kind {
            ScopeKind::Module => {
                for c in children {
                    self.analyze(c, &HashSet::new());
                }
            }
            ScopeKind::Function | ScopeKind::Comprehension => {
                let mut child_visible = visible.clone();
                child_visible.extend(locals.iter().cloned());
                let mut frees = BTreeSet::new();
                let mut cells = BTreeSet::new();
                for n in uses.iter().chain(&nonlocals) {
                    if !locals.contains(n) && !globals.contains(n) && visible.contains(n) {
                        frees.insert((n.clone(), false));
                    }
                }
                for c in children {
                    for (n, captured) in self.analyze(c, &child_visible) {
                        if locals.contains(&n) {
                            if captured {
                                cells.insert(n);
                            }
                        } else {
                            frees.insert((n, captured));
                        }
                    }
                }
                let real = kind == ScopeKind::Function;
                let data = &mut self.symbols.scopes[s];
                data.cells = cells;
                if real {
                    data.frees = frees.iter().map(|(n, _)| n.clone()).collect();
                    needs.extend(data.frees.iter().map(|n| (n.clone(), true)));
                } else {
                    let mut seen = HashSet::new();
                    for (n, captured) in frees {
                        if seen.insert((n.clone(), captured)) {
                            needs.push((n, captured));
                        }
                    }
                }
            }
            ScopeKind::Class => {
                let mut child_visible = visible.clone();
                child_visible.insert("__class__".to_string());
                for n in &uses {
                    if !globals.contains(n) && visible.contains(n) {
                        needs.push((n.clone(), false));
                    }
                }
                for c in children {
                    for (n, captured) in self.analyze(c, &child_visible) {
                        if n == "__class__" {
                            self.symbols.scopes[s].class_cell = true;
                        } else {
                            needs.push((n, captured));
                        }
                    }
                }
            }
        }
        needs
    }

    /// CPython's errors about `nonlocal` and `global` declarations.
    fn check_declarations(&mut self, s: ScopeId, visible: &HashSet<String>) {
        let data = &self.symbols.scopes[s];
        let mut errors = Vec::new();
        for (name, at) in &data.nonlocal_spans {
            let message = if data.kind == ScopeKind::Module {
                "nonlocal declaration not allowed at module level".to_string()
            } else if data.params.contains(name) {
                format!("name '{name}' is parameter and nonlocal")
            } else if data.globals.contains(name) {
                format!("name '{name}' is nonlocal and global")
            } else if !visible.contains(name) {
                format!("no binding for nonlocal '{name}' found")
            } else {
                continue;
            };
            errors.push(syntax_error(*at, message));
        }
        self.diags.extend(errors);
    }
}
