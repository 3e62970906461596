//! AST -> HIR: resolves every name (local, global, builtin), binds calls to their
//! targets, removes sugar (augmented assignment) and rejects everything outside the
//! supported subset with a diagnostic at its source span. Never fails: it returns
//! the HIR together with the diagnostics, as rust-analyzer's lowering does.

use std::collections::{HashMap, HashSet};

use crate::diagnostic::{Diagnostic, Span};
use crate::frontend::{Ranged, ast, span};
use crate::hir::*;

/// Python's builtin names; those skink does not support yet are rejected when used.
const PYTHON_BUILTINS: &[&str] = &[
    "ArithmeticError",
    "AssertionError",
    "AttributeError",
    "BaseException",
    "BaseExceptionGroup",
    "BlockingIOError",
    "BrokenPipeError",
    "BufferError",
    "BytesWarning",
    "ChildProcessError",
    "ConnectionAbortedError",
    "ConnectionError",
    "ConnectionRefusedError",
    "ConnectionResetError",
    "DeprecationWarning",
    "EOFError",
    "Ellipsis",
    "EncodingWarning",
    "EnvironmentError",
    "Exception",
    "ExceptionGroup",
    "False",
    "FileExistsError",
    "FileNotFoundError",
    "FloatingPointError",
    "FutureWarning",
    "GeneratorExit",
    "IOError",
    "ImportError",
    "ImportWarning",
    "IndentationError",
    "IndexError",
    "InterruptedError",
    "IsADirectoryError",
    "KeyError",
    "KeyboardInterrupt",
    "LookupError",
    "MemoryError",
    "ModuleNotFoundError",
    "NameError",
    "None",
    "NotADirectoryError",
    "NotImplemented",
    "NotImplementedError",
    "OSError",
    "OverflowError",
    "PendingDeprecationWarning",
    "PermissionError",
    "ProcessLookupError",
    "RecursionError",
    "ReferenceError",
    "ResourceWarning",
    "RuntimeError",
    "RuntimeWarning",
    "StopAsyncIteration",
    "StopIteration",
    "SyntaxError",
    "SyntaxWarning",
    "SystemError",
    "SystemExit",
    "TabError",
    "TimeoutError",
    "True",
    "TypeError",
    "UnboundLocalError",
    "UnicodeDecodeError",
    "UnicodeEncodeError",
    "UnicodeError",
    "UnicodeTranslateError",
    "UnicodeWarning",
    "UserWarning",
    "ValueError",
    "Warning",
    "ZeroDivisionError",
    "__build_class__",
    "__debug__",
    "__doc__",
    "__import__",
    "__loader__",
    "__name__",
    "__package__",
    "__spec__",
    "abs",
    "aiter",
    "all",
    "anext",
    "any",
    "ascii",
    "bin",
    "bool",
    "breakpoint",
    "bytearray",
    "bytes",
    "callable",
    "chr",
    "classmethod",
    "compile",
    "complex",
    "copyright",
    "credits",
    "delattr",
    "dict",
    "dir",
    "divmod",
    "enumerate",
    "eval",
    "exec",
    "exit",
    "filter",
    "float",
    "format",
    "frozenset",
    "getattr",
    "globals",
    "hasattr",
    "hash",
    "help",
    "hex",
    "id",
    "input",
    "int",
    "isinstance",
    "issubclass",
    "iter",
    "len",
    "license",
    "list",
    "locals",
    "map",
    "max",
    "memoryview",
    "min",
    "next",
    "object",
    "oct",
    "open",
    "ord",
    "pow",
    "print",
    "property",
    "quit",
    "range",
    "repr",
    "reversed",
    "round",
    "set",
    "setattr",
    "slice",
    "sorted",
    "staticmethod",
    "str",
    "sum",
    "super",
    "tuple",
    "type",
    "vars",
    "zip",
];

/// CPython allows at most this many nested loop blocks in one function (`CO_MAXBLOCKS`).
const MAX_NESTED_BLOCKS: usize = 20;

/// Deeper expressions are refused rather than risk the compiler's stack; CPython's
/// own compiler gives up at a similar depth.
const MAX_EXPR_DEPTH: usize = 1000;

fn unsupported(span: Span, what: &str) -> Diagnostic {
    Diagnostic::error(
        span,
        format!("unsupported: {what} is not supported yet"),
        "not supported by skink yet",
    )
    .with_help(
        "skink compiles a subset of Python 3.11; see docs/architecture.md for what is supported",
    )
}

fn syntax_error(span: Span, message: &str) -> Diagnostic {
    Diagnostic::error(span, format!("SyntaxError: {message}"), "here")
        .with_help("CPython rejects this program at compile time too")
}

/// The builtin names skink's runtime provides (functions, types, exception classes).
const SUPPORTED_BUILTINS: &[&str] = &[
    "print",
    "len",
    "repr",
    "ascii",
    "abs",
    "divmod",
    "pow",
    "round",
    "min",
    "max",
    "sum",
    "sorted",
    "any",
    "all",
    "isinstance",
    "issubclass",
    "ord",
    "chr",
    "hash",
    "iter",
    "next",
    "format",
    "hex",
    "oct",
    "bin",
    "callable",
    "object",
    "type",
    "int",
    "bool",
    "float",
    "str",
    "bytes",
    "list",
    "tuple",
    "dict",
    "set",
    "frozenset",
    "range",
    "slice",
    "enumerate",
    "zip",
    "map",
    "filter",
    "reversed",
    "EnvironmentError",
    "IOError",
    "ArithmeticError",
    "AssertionError",
    "AttributeError",
    "BaseException",
    "BlockingIOError",
    "BrokenPipeError",
    "BufferError",
    "BytesWarning",
    "ChildProcessError",
    "ConnectionAbortedError",
    "ConnectionError",
    "ConnectionRefusedError",
    "ConnectionResetError",
    "DeprecationWarning",
    "EOFError",
    "EncodingWarning",
    "Exception",
    "FileExistsError",
    "FileNotFoundError",
    "FloatingPointError",
    "FutureWarning",
    "GeneratorExit",
    "ImportError",
    "ImportWarning",
    "IndentationError",
    "IndexError",
    "InterruptedError",
    "IsADirectoryError",
    "KeyError",
    "KeyboardInterrupt",
    "LookupError",
    "MemoryError",
    "ModuleNotFoundError",
    "NameError",
    "NotADirectoryError",
    "NotImplementedError",
    "OSError",
    "OverflowError",
    "PendingDeprecationWarning",
    "PermissionError",
    "ProcessLookupError",
    "RecursionError",
    "ReferenceError",
    "ResourceWarning",
    "RuntimeError",
    "RuntimeWarning",
    "StopAsyncIteration",
    "StopIteration",
    "SyntaxError",
    "SyntaxWarning",
    "SystemError",
    "SystemExit",
    "TabError",
    "TimeoutError",
    "TypeError",
    "UnboundLocalError",
    "UnicodeDecodeError",
    "UnicodeEncodeError",
    "UnicodeError",
    "UnicodeTranslateError",
    "UnicodeWarning",
    "UserWarning",
    "ValueError",
    "Warning",
    "ZeroDivisionError",
];

fn builtin_named(name: &str) -> Option<&'static str> {
    SUPPORTED_BUILTINS.iter().copied().find(|b| *b == name)
}

/// Attributes of CPython's builtin types that skink's runtime does not provide:
/// rejected at compile time rather than failing with `AttributeError` at run time.
const UNSUPPORTED_ATTRIBUTES: &[&str] = &[
    "add_note",
    "as_integer_ratio",
    "format_map",
    "from_bytes",
    "fromhex",
    "indices",
    "maketrans",
    "mapping",
    "removeprefix",
    "removesuffix",
    "to_bytes",
    "translate",
    "with_traceback",
];

/// Functions called through a value pass their arguments as this many words at most.
const MAX_VALUE_PARAMS: usize = 12;

/// Builtin type names whose use in an annotation evaluates without effect.
fn is_harmless_annotation(e: &ast::Expr) -> bool {
    match e {
        ast::Expr::Name(n) => matches!(n.id.as_str(), "int" | "float" | "str" | "bool"),
        ast::Expr::Constant(c) => matches!(c.value, ast::Constant::None | ast::Constant::Str(_)),
        _ => false,
    }
}

/// Calls `visit` on every statement of `body` and of the blocks nested in its
/// `if`, `while` and `for` statements, in source order; not into functions.
fn walk_blocks<'a>(body: &'a [ast::Stmt], visit: &mut impl FnMut(&'a ast::Stmt)) {
    for s in body {
        visit(s);
        match s {
            ast::Stmt::For(ast::StmtFor { body, orelse, .. })
            | ast::Stmt::While(ast::StmtWhile { body, orelse, .. })
            | ast::Stmt::If(ast::StmtIf { body, orelse, .. }) => {
                walk_blocks(body, visit);
                walk_blocks(orelse, visit);
            }
            ast::Stmt::Try(t) => {
                walk_blocks(&t.body, visit);
                for h in &t.handlers {
                    let ast::ExceptHandler::ExceptHandler(h) = h;
                    walk_blocks(&h.body, visit);
                }
                walk_blocks(&t.orelse, visit);
                walk_blocks(&t.finalbody, visit);
            }
            _ => {}
        }
    }
}

/// Names an assignment target binds.
fn target_names(e: &ast::Expr, out: &mut Vec<(String, Span)>) {
    match e {
        ast::Expr::Name(n) => out.push((n.id.to_string(), span(n.range))),
        ast::Expr::Tuple(t) => t.elts.iter().for_each(|e| target_names(e, out)),
        ast::Expr::List(l) => l.elts.iter().for_each(|e| target_names(e, out)),
        ast::Expr::Starred(s) => target_names(&s.value, out),
        _ => {}
    }
}

/// Names bound in a block of statements, not looking into nested functions.
fn collect_bindings(body: &[ast::Stmt], out: &mut Vec<(String, Span)>) {
    walk_blocks(body, &mut |s| match s {
        ast::Stmt::Assign(a) => a.targets.iter().for_each(|t| target_names(t, out)),
        ast::Stmt::AugAssign(a) => target_names(&a.target, out),
        ast::Stmt::AnnAssign(a) => target_names(&a.target, out),
        ast::Stmt::For(f) => target_names(&f.target, out),
        ast::Stmt::Delete(d) => d.targets.iter().for_each(|t| target_names(t, out)),
        ast::Stmt::Try(t) => {
            for h in &t.handlers {
                let ast::ExceptHandler::ExceptHandler(h) = h;
                if let Some(name) = &h.name {
                    out.push((name.to_string(), span(h.range)));
                }
            }
        }
        _ => {}
    });
}

/// `global` declarations in a function body (any depth of blocks).
fn collect_globals(body: &[ast::Stmt], out: &mut Vec<(String, Span)>) {
    walk_blocks(body, &mut |s| {
        if let ast::Stmt::Global(g) = s {
            out.extend(g.names.iter().map(|n| (n.to_string(), span(g.range))));
        }
    });
}

/// Names a piece of code reads, in source order (enough of the expression
/// grammar for the constructs this slice compiles; the rest is rejected anyway).
fn collect_uses(e: &ast::Expr, out: &mut Vec<(String, Span)>) {
    match e {
        ast::Expr::Name(n) => out.push((n.id.to_string(), span(n.range))),
        ast::Expr::BinOp(b) => {
            collect_uses(&b.left, out);
            collect_uses(&b.right, out);
        }
        ast::Expr::UnaryOp(u) => collect_uses(&u.operand, out),
        ast::Expr::BoolOp(b) => b.values.iter().for_each(|v| collect_uses(v, out)),
        ast::Expr::Compare(c) => {
            collect_uses(&c.left, out);
            c.comparators.iter().for_each(|v| collect_uses(v, out));
        }
        ast::Expr::IfExp(i) => {
            collect_uses(&i.test, out);
            collect_uses(&i.body, out);
            collect_uses(&i.orelse, out);
        }
        ast::Expr::Tuple(t) => t.elts.iter().for_each(|v| collect_uses(v, out)),
        ast::Expr::Call(c) => {
            collect_uses(&c.func, out);
            c.args.iter().for_each(|v| collect_uses(v, out));
            c.keywords.iter().for_each(|k| collect_uses(&k.value, out));
        }
        _ => {}
    }
}

/// CPython's symbol-table errors for a `global` statement that comes after the
/// name was used or assigned in the same scope (a use is reported first, as CPython does).
fn check_global_order(
    body: &[ast::Stmt],
    used: &mut HashSet<String>,
    assigned: &mut HashSet<String>,
    diags: &mut Vec<Diagnostic>,
) {
    for s in body {
        let mut uses = Vec::new();
        let mut binds = Vec::new();
        match s {
            ast::Stmt::Global(g) => {
                for name in &g.names {
                    let name = name.as_str();
                    let problem = if used.contains(name) {
                        "used prior to"
                    } else if assigned.contains(name) {
                        "assigned to before"
                    } else {
                        continue;
                    };
                    diags.push(syntax_error(
                        span(g.range),
                        &format!("name '{name}' is {problem} global declaration"),
                    ));
                }
            }
            ast::Stmt::If(ast::StmtIf {
                test, body, orelse, ..
            })
            | ast::Stmt::While(ast::StmtWhile {
                test, body, orelse, ..
            }) => {
                collect_uses(test, &mut uses);
                used.extend(uses.into_iter().map(|(n, _)| n));
                check_global_order(body, used, assigned, diags);
                check_global_order(orelse, used, assigned, diags);
            }
            ast::Stmt::For(f) => {
                collect_uses(&f.iter, &mut uses);
                used.extend(uses.into_iter().map(|(n, _)| n));
                target_names(&f.target, &mut binds);
                assigned.extend(binds.into_iter().map(|(n, _)| n));
                check_global_order(&f.body, used, assigned, diags);
                check_global_order(&f.orelse, used, assigned, diags);
            }
            ast::Stmt::FunctionDef(def) => {
                assigned.insert(def.name.to_string());
            }
            _ => {
                match s {
                    ast::Stmt::Expr(e) => collect_uses(&e.value, &mut uses),
                    ast::Stmt::Return(r) => r.value.iter().for_each(|v| collect_uses(v, &mut uses)),
                    ast::Stmt::Assign(a) => collect_uses(&a.value, &mut uses),
                    ast::Stmt::AnnAssign(a) => {
                        a.value.iter().for_each(|v| collect_uses(v, &mut uses))
                    }
                    ast::Stmt::AugAssign(a) => {
                        collect_uses(&a.target, &mut uses);
                        collect_uses(&a.value, &mut uses);
                    }
                    _ => {}
                }
                used.extend(uses.into_iter().map(|(n, _)| n));
                collect_bindings(std::slice::from_ref(s), &mut binds);
                assigned.extend(binds.into_iter().map(|(n, _)| n));
            }
        }
    }
}

/// `def` statements of the module, in any block of the module body.
fn collect_defs<'a>(body: &'a [ast::Stmt], out: &mut Vec<&'a ast::StmtFunctionDef>) {
    walk_blocks(body, &mut |s| {
        if let ast::Stmt::FunctionDef(f) = s {
            out.push(f);
        }
    });
}

struct Scope {
    is_module: bool,
    locals: HashMap<String, LocalId>,
    loop_depth: usize,
    try_depth: usize,
    /// The function whose locals comprehension variables become.
    func: FuncId,
}

/// What a call site needs of a function before its body is lowered.
struct Signature {
    params: Vec<String>,
    /// Globals holding the defaults of the last `defaults.len()` parameters.
    defaults: Vec<GlobalId>,
}

struct Lowerer<'a> {
    module: Module,
    diags: Vec<Diagnostic>,
    globals: HashMap<String, GlobalId>,
    signatures: HashMap<FuncId, Signature>,
    expr_depth: usize,
    source: &'a str,
}

/// Lowers a parsed module to HIR; `source` is its text, for checks the AST cannot answer.
pub fn lower(body: &[ast::Stmt], source: &str) -> (Module, Vec<Diagnostic>) {
    let mut l = Lowerer {
        module: Module::default(),
        diags: Vec::new(),
        globals: HashMap::new(),
        signatures: HashMap::new(),
        expr_depth: 0,
        source,
    };
    l.module_body(body);
    (l.module, l.diags)
}

impl Lowerer<'_> {
    fn error(&mut self, d: Diagnostic) {
        self.diags.push(d);
    }

    fn new_function(&mut self, name: &str, span: Span) -> FuncId {
        self.module.funcs.push(Function {
            name: name.to_string(),
            params: Vec::new(),
            defaults: Vec::new(),
            locals: PrimaryMap::new(),
            body: Vec::new(),
            span,
        })
    }

    fn global(&mut self, name: &str, kind: GlobalKind) -> GlobalId {
        if let Some(&g) = self.globals.get(name) {
            return g;
        }
        let g = self.module.globals.push(Global {
            name: name.to_string(),
            kind,
        });
        self.globals.insert(name.to_string(), g);
        g
    }

    fn module_body(&mut self, body: &[ast::Stmt]) {
        let main = self.new_function("<module>", Span::default());
        self.module.main = Some(main);

        // Functions first, so a call may come before the `def` in the text.
        let mut defs = Vec::new();
        collect_defs(body, &mut defs);
        let mut def_ids = HashMap::new();
        for def in &defs {
            let name = def.name.as_str();
            if builtin_named(name).is_some() {
                self.error(unsupported(
                    span(def.range),
                    &format!("redefining the builtin `{name}`"),
                ));
                continue;
            }
            if self.globals.contains_key(name) {
                self.error(unsupported(
                    span(def.range),
                    &format!("defining the function `{name}` twice"),
                ));
                continue;
            }
            let f = self.new_function(name, span(def.range));
            self.global(name, GlobalKind::Function(f));
            def_ids.insert(span(def.range), f);
            let params = def
                .args
                .args
                .iter()
                .map(|a| a.def.arg.to_string())
                .collect();
            let defaults = (def.args.args.iter().enumerate())
                .filter(|(_, a)| a.default.is_some())
                .map(|(i, _)| {
                    let name = format!("{name}.__defaults__[{i}]");
                    self.module.globals.push(Global {
                        name,
                        kind: GlobalKind::Default(f),
                    })
                })
                .collect();
            self.signatures.insert(f, Signature { params, defaults });
        }

        // Module-level bindings and names functions declare `global`.
        let mut bound = Vec::new();
        collect_bindings(body, &mut bound);
        for def in &defs {
            let mut declared = Vec::new();
            collect_globals(&def.body, &mut declared);
            let declared: HashSet<_> = declared.into_iter().map(|(n, _)| n).collect();
            let mut assigned = Vec::new();
            collect_bindings(&def.body, &mut assigned);
            bound.extend(assigned.into_iter().filter(|(n, _)| declared.contains(n)));
        }
        for (name, at) in bound {
            match self
                .globals
                .get(&name)
                .map(|&g| self.module.globals[g].kind)
            {
                Some(GlobalKind::Function(_)) => self.error(unsupported(
                    at,
                    &format!("assigning to `{name}`, which names a function,"),
                )),
                Some(_) => {}
                None if builtin_named(&name).is_some() => {
                    self.error(unsupported(at, &format!("rebinding the builtin `{name}`")))
                }
                None => {
                    self.global(&name, GlobalKind::Variable);
                }
            }
        }

        check_global_order(
            body,
            &mut HashSet::new(),
            &mut HashSet::new(),
            &mut self.diags,
        );
        let mut scope = Scope {
            is_module: true,
            locals: HashMap::new(),
            loop_depth: 0,
            try_depth: 0,
            func: main,
        };
        let stmts = self.block(&mut scope, body, &def_ids);
        self.module.funcs[main].body = stmts;
    }

    fn function(&mut self, f: FuncId, def: &ast::StmtFunctionDef) -> Vec<(GlobalId, Expr)> {
        let args = &def.args;
        if !def.decorator_list.is_empty() {
            self.error(unsupported(
                span(def.decorator_list[0].range()),
                "a decorator",
            ));
        }
        if !args.posonlyargs.is_empty() {
            self.error(unsupported(span(def.range), "a positional-only parameter"));
        }
        if let Some(v) = &args.vararg {
            self.error(unsupported(span(v.range), "a `*args` parameter"));
        }
        if let Some(k) = &args.kwonlyargs.first() {
            self.error(unsupported(span(k.def.range), "a keyword-only parameter"));
        }
        if let Some(k) = &args.kwarg {
            self.error(unsupported(span(k.range), "a `**kwargs` parameter"));
        }
        let annotations = args
            .args
            .iter()
            .filter_map(|a| a.def.annotation.as_deref())
            .chain(def.returns.as_deref());
        for ann in annotations {
            if !is_harmless_annotation(ann) {
                let at = span(ann.range());
                self.error(unsupported(
                    at,
                    "this annotation (only `int`, `float`, `str`, `bool`, `None` and strings)",
                ));
            }
        }

        let mut params: HashSet<String> = args.args.iter().map(|a| a.def.arg.to_string()).collect();
        check_global_order(&def.body, &mut HashSet::new(), &mut params, &mut self.diags);
        let mut declared = Vec::new();
        collect_globals(&def.body, &mut declared);
        let declared: HashSet<String> = declared.into_iter().map(|(n, _)| n).collect();
        let mut scope = Scope {
            is_module: false,
            locals: HashMap::new(),
            loop_depth: 0,
            try_depth: 0,
            func: f,
        };
        let mut params = Vec::new();
        for a in &args.args {
            let name = a.def.arg.to_string();
            if declared.contains(&name) {
                self.error(syntax_error(
                    span(a.def.range),
                    &format!("name '{name}' is parameter and global"),
                ));
            }
            if scope.locals.contains_key(&name) {
                self.error(syntax_error(
                    span(a.def.range),
                    &format!("duplicate argument '{name}' in function definition"),
                ));
                continue;
            }
            let l = self.module.funcs[f].locals.push(name.clone());
            scope.locals.insert(name, l);
            params.push(l);
        }
        let mut assigned = Vec::new();
        collect_bindings(&def.body, &mut assigned);
        for (name, _) in assigned {
            if !declared.contains(&name) && !scope.locals.contains_key(&name) {
                let l = self.module.funcs[f].locals.push(name.clone());
                scope.locals.insert(name, l);
            }
        }

        // Defaults are evaluated in the enclosing (module) scope when the def runs.
        let default_globals = self.signatures[&f].defaults.clone();
        let mut module_scope = Scope {
            is_module: true,
            locals: HashMap::new(),
            loop_depth: 0,
            try_depth: 0,
            func: self.module.main.unwrap_or(f),
        };
        let default_exprs = args.args.iter().filter_map(|a| a.default.as_deref());
        let defaults = (default_globals.iter().zip(default_exprs))
            .map(|(&g, d)| (g, self.expr(&mut module_scope, d)))
            .collect();
        let body = self.block(&mut scope, &def.body, &HashMap::new());
        let func = &mut self.module.funcs[f];
        func.params = params;
        func.defaults = default_globals;
        func.body = body;
        defaults
    }

    fn block(
        &mut self,
        scope: &mut Scope,
        body: &[ast::Stmt],
        defs: &HashMap<Span, FuncId>,
    ) -> Vec<Stmt> {
        body.iter()
            .filter_map(|s| self.stmt(scope, s, defs))
            .collect()
    }

    fn stmt(
        &mut self,
        scope: &mut Scope,
        s: &ast::Stmt,
        defs: &HashMap<Span, FuncId>,
    ) -> Option<Stmt> {
        let at = span(s.range());
        let kind = match s {
            ast::Stmt::Expr(e) => StmtKind::Expr(self.expr(scope, &e.value)),
            ast::Stmt::Assign(a) => {
                let value = self.expr(scope, &a.value);
                let targets = a
                    .targets
                    .iter()
                    .map(|t| self.target(scope, t))
                    .collect::<Option<Vec<_>>>()?;
                StmtKind::Assign { targets, value }
            }
            ast::Stmt::AugAssign(a) => {
                let op = self.binop(a.op, at)?;
                let target = match a.target.as_ref() {
                    ast::Expr::Name(_) | ast::Expr::Subscript(_) => {
                        self.target(scope, &a.target)?
                    }
                    ast::Expr::Attribute(_) => {
                        return self.reject(at, "augmented assignment to an attribute");
                    }
                    _ => {
                        self.error(syntax_error(
                            span(a.target.range()),
                            "'tuple' is an illegal expression for augmented assignment",
                        ));
                        return None;
                    }
                };
                let value = self.expr(scope, &a.value);
                StmtKind::AugAssign { target, op, value }
            }
            ast::Stmt::AnnAssign(a) => {
                if !is_harmless_annotation(&a.annotation) {
                    let at = span(a.annotation.range());
                    self.error(unsupported(
                        at,
                        "this annotation (only `int`, `float`, `str`, `bool`, `None` and strings)",
                    ));
                }
                let value = a.value.as_ref()?;
                let value = self.expr(scope, value);
                let target = self.target(scope, &a.target)?;
                StmtKind::Assign {
                    targets: vec![target],
                    value,
                }
            }
            ast::Stmt::If(i) => StmtKind::If {
                test: self.expr(scope, &i.test),
                body: self.block(scope, &i.body, defs),
                orelse: self.block(scope, &i.orelse, defs),
            },
            ast::Stmt::While(w) => {
                let test = self.expr(scope, &w.test);
                if !self.enter_loop(scope, at) {
                    return None;
                }
                let body = self.block(scope, &w.body, defs);
                scope.loop_depth -= 1;
                let orelse = self.block(scope, &w.orelse, defs);
                StmtKind::While { test, body, orelse }
            }
            ast::Stmt::For(f) => {
                let iter = self.for_iter(scope, &f.iter)?;
                let target = self.target(scope, &f.target)?;
                if !self.enter_loop(scope, at) {
                    return None;
                }
                let body = self.block(scope, &f.body, defs);
                scope.loop_depth -= 1;
                let orelse = self.block(scope, &f.orelse, defs);
                StmtKind::For {
                    target,
                    iter,
                    body,
                    orelse,
                }
            }
            ast::Stmt::Break(_) if scope.loop_depth == 0 => {
                self.error(syntax_error(at, "'break' outside loop"));
                return None;
            }
            ast::Stmt::Continue(_) if scope.loop_depth == 0 => {
                self.error(syntax_error(at, "'continue' not properly in loop"));
                return None;
            }
            ast::Stmt::Break(_) => StmtKind::Break,
            ast::Stmt::Continue(_) => StmtKind::Continue,
            ast::Stmt::Pass(_) => StmtKind::Pass,
            ast::Stmt::Return(_) if scope.is_module => {
                self.error(syntax_error(at, "'return' outside function"));
                return None;
            }
            ast::Stmt::Return(r) => StmtKind::Return(r.value.as_ref().map(|v| self.expr(scope, v))),
            ast::Stmt::Global(_) => StmtKind::Pass,
            ast::Stmt::FunctionDef(def) => {
                if !scope.is_module {
                    self.error(unsupported(at, "a nested function"));
                    return None;
                }
                let f = *defs.get(&at)?;
                let global = self.globals[def.name.as_str()];
                let defaults = self.function(f, def);
                StmtKind::Def {
                    func: f,
                    global,
                    defaults,
                }
            }
            ast::Stmt::ClassDef(_) => return self.reject(at, "a class definition"),
            ast::Stmt::Import(_) | ast::Stmt::ImportFrom(_) => return self.reject(at, "`import`"),
            ast::Stmt::Try(t) => {
                if scope.loop_depth + scope.try_depth >= MAX_NESTED_BLOCKS {
                    self.error(syntax_error(at, "too many statically nested blocks"));
                    return None;
                }
                scope.try_depth += 1;
                let body = self.block(scope, &t.body, defs);
                let mut handlers = Vec::new();
                for (i, h) in t.handlers.iter().enumerate() {
                    let ast::ExceptHandler::ExceptHandler(h) = h;
                    if h.type_.is_none() && i + 1 != t.handlers.len() {
                        self.error(syntax_error(
                            span(h.range),
                            "default 'except:' must be last",
                        ));
                    }
                    let class = h.type_.as_ref().map(|c| self.expr(scope, c));
                    let name = h.name.as_ref().map(|n| self.store_var(scope, n.as_str()));
                    let body = self.block(scope, &h.body, defs);
                    handlers.push(Handler {
                        class,
                        name,
                        body,
                        span: span(h.range),
                    });
                }
                let orelse = self.block(scope, &t.orelse, defs);
                let finalbody = self.block(scope, &t.finalbody, defs);
                scope.try_depth -= 1;
                StmtKind::Try {
                    body,
                    handlers,
                    orelse,
                    finalbody,
                }
            }
            ast::Stmt::TryStar(_) => return self.reject(at, "`try`/`except*`"),
            ast::Stmt::Raise(r) => StmtKind::Raise {
                exc: r.exc.as_ref().map(|e| self.expr(scope, e)),
                cause: r.cause.as_ref().map(|e| self.expr(scope, e)),
            },
            ast::Stmt::With(_) | ast::Stmt::AsyncWith(_) => return self.reject(at, "`with`"),
            ast::Stmt::Delete(d) => {
                let targets = d
                    .targets
                    .iter()
                    .map(|t| self.target(scope, t))
                    .collect::<Option<Vec<_>>>()?;
                StmtKind::Del(targets)
            }
            ast::Stmt::Assert(a) => StmtKind::Assert {
                test: self.expr(scope, &a.test),
                msg: a.msg.as_ref().map(|m| self.expr(scope, m)),
            },
            ast::Stmt::Nonlocal(_) => return self.reject(at, "`nonlocal`"),
            ast::Stmt::Match(_) => return self.reject(at, "`match`"),
            ast::Stmt::AsyncFunctionDef(_) | ast::Stmt::AsyncFor(_) => {
                return self.reject(at, "`async`");
            }
            ast::Stmt::TypeAlias(_) => return self.reject(at, "a type alias"),
        };
        Some(Stmt { kind, span: at })
    }

    /// The parser turns a lone surrogate escape into U+FFFD; a U+FFFD in the value
    /// that the literal's source does not spell out came from one.
    fn has_lone_surrogate(&self, value: &str, at: Span) -> bool {
        let replacements = value.matches('\u{FFFD}').count();
        if replacements == 0 {
            return false;
        }
        let source = self
            .source
            .get(at.start as usize..at.end as usize)
            .unwrap_or("")
            .to_ascii_lowercase();
        let spelled = source.matches('\u{FFFD}').count()
            + source.matches("\\ufffd").count()
            + source.matches("\\u0000fffd").count()
            + source.matches("\\n{replacement character}").count();
        replacements > spelled
    }

    fn reject<T>(&mut self, at: Span, what: &str) -> Option<T> {
        self.error(unsupported(at, what));
        None
    }

    /// What a `for` loop iterates: `range(...)` specially, anything else as a value.
    fn for_iter(&mut self, scope: &mut Scope, iter: &ast::Expr) -> Option<ForIter> {
        if let ast::Expr::Call(c) = iter
            && let ast::Expr::Name(n) = c.func.as_ref()
            && n.id.as_str() == "range"
            && !scope.locals.contains_key("range")
            && !self.globals.contains_key("range")
            && c.keywords.is_empty()
            && (1..=3).contains(&c.args.len())
            && !c.args.iter().any(|a| matches!(a, ast::Expr::Starred(_)))
        {
            return Some(ForIter::Range(
                c.args.iter().map(|a| self.expr(scope, a)).collect(),
            ));
        }
        Some(ForIter::Value(self.expr(scope, iter)))
    }

    fn store_var(&mut self, scope: &Scope, name: &str) -> Var {
        match scope.locals.get(name) {
            Some(&l) => Var::Local(l),
            None => Var::Global(self.global(name, GlobalKind::Variable)),
        }
    }

    fn target(&mut self, scope: &mut Scope, e: &ast::Expr) -> Option<Target> {
        let at = span(e.range());
        match e {
            ast::Expr::Name(n) => Some(Target::Var(self.store_var(scope, n.id.as_str()), at)),
            ast::Expr::Tuple(ast::ExprTuple { elts, .. })
            | ast::Expr::List(ast::ExprList { elts, .. }) => {
                let mut star = None;
                let mut items = Vec::new();
                for (i, e) in elts.iter().enumerate() {
                    if let ast::Expr::Starred(st) = e {
                        if star.is_some() {
                            self.error(syntax_error(
                                span(e.range()),
                                "multiple starred expressions in assignment",
                            ));
                            return None;
                        }
                        star = Some(i);
                        items.push(self.target(scope, &st.value)?);
                    } else {
                        items.push(self.target(scope, e)?);
                    }
                }
                Some(Target::Tuple {
                    items,
                    star,
                    span: at,
                })
            }
            ast::Expr::Starred(_) => {
                self.error(syntax_error(
                    at,
                    "starred assignment target must be in a list or tuple",
                ));
                None
            }
            ast::Expr::Subscript(sub) => {
                let obj = self.boxed(scope, &sub.value);
                let index = self.boxed(scope, &sub.slice);
                Some(Target::Subscript {
                    obj,
                    index,
                    span: at,
                })
            }
            ast::Expr::Attribute(_) => self.reject(at, "assignment to an attribute"),
            _ => {
                self.error(syntax_error(at, "cannot assign to expression"));
                None
            }
        }
    }

    fn load_kind(&mut self, scope: &Scope, name: &str, at: Span) -> ExprKind {
        if let Some(&l) = scope.locals.get(name) {
            return ExprKind::Load(Var::Local(l));
        }
        if let Some(&g) = self.globals.get(name) {
            if let GlobalKind::Function(f) = self.module.globals[g].kind
                && self.signatures[&f].params.len() > MAX_VALUE_PARAMS
            {
                self.error(unsupported(
                    at,
                    &format!(
                        "using a function of more than {MAX_VALUE_PARAMS} parameters (`{name}`) as a value"
                    ),
                ));
            }
            return ExprKind::Load(Var::Global(g));
        }
        if name == "__name__" {
            return ExprKind::Str("__main__".into());
        }
        if let Some(b) = builtin_named(name) {
            return ExprKind::Builtin(b.to_string());
        }
        if PYTHON_BUILTINS.contains(&name) {
            self.error(unsupported(at, &format!("the builtin `{name}`")));
        }
        ExprKind::NameError(name.to_string())
    }

    fn binop(&mut self, op: ast::Operator, at: Span) -> Option<BinOp> {
        Some(match op {
            ast::Operator::Add => BinOp::Add,
            ast::Operator::Sub => BinOp::Sub,
            ast::Operator::Mult => BinOp::Mul,
            ast::Operator::Div => BinOp::TrueDiv,
            ast::Operator::FloorDiv => BinOp::FloorDiv,
            ast::Operator::Mod => BinOp::Mod,
            ast::Operator::Pow => BinOp::Pow,
            ast::Operator::LShift => BinOp::LShift,
            ast::Operator::RShift => BinOp::RShift,
            ast::Operator::BitAnd => BinOp::BitAnd,
            ast::Operator::BitOr => BinOp::BitOr,
            ast::Operator::BitXor => BinOp::BitXor,
            ast::Operator::MatMult => return self.reject(at, "the `@` operator"),
        })
    }

    fn expr(&mut self, scope: &mut Scope, e: &ast::Expr) -> Expr {
        let at = span(e.range());
        if self.expr_depth >= MAX_EXPR_DEPTH {
            if self.expr_depth == MAX_EXPR_DEPTH {
                self.error(
                    Diagnostic::error(at, "expression nested too deeply", "here").with_help(
                        format!(
                            "skink compiles expressions nested up to {MAX_EXPR_DEPTH} levels deep"
                        ),
                    ),
                );
                self.expr_depth += 1;
            }
            return Expr {
                kind: ExprKind::None,
                span: at,
            };
        }
        self.expr_depth += 1;
        let kind = self.expr_kind(scope, e, at).unwrap_or(ExprKind::None);
        self.expr_depth -= 1;
        Expr { kind, span: at }
    }

    fn enter_loop(&mut self, scope: &mut Scope, at: Span) -> bool {
        if scope.loop_depth >= MAX_NESTED_BLOCKS {
            self.error(syntax_error(at, "too many statically nested blocks"));
            return false;
        }
        scope.loop_depth += 1;
        true
    }

    fn boxed(&mut self, scope: &mut Scope, e: &ast::Expr) -> Box<Expr> {
        Box::new(self.expr(scope, e))
    }

    fn expr_kind(&mut self, scope: &mut Scope, e: &ast::Expr, at: Span) -> Option<ExprKind> {
        Some(match e {
            ast::Expr::Constant(c) => match &c.value {
                ast::Constant::None => ExprKind::None,
                ast::Constant::Bool(b) => ExprKind::Bool(*b),
                ast::Constant::Int(i) => ExprKind::Int(i.clone()),
                ast::Constant::Float(f) => ExprKind::Float(*f),
                ast::Constant::Str(s) if self.has_lone_surrogate(s, at) => {
                    return self.reject(
                        at,
                        "a string literal with a lone surrogate (`\\ud800`-`\\udfff`)",
                    );
                }
                ast::Constant::Str(s) => ExprKind::Str(s.clone()),
                ast::Constant::Bytes(_) => return self.reject(at, "a bytes literal"),
                ast::Constant::Complex { .. } => return self.reject(at, "a complex literal"),
                ast::Constant::Ellipsis => return self.reject(at, "`...`"),
                ast::Constant::Tuple(_) => return self.reject(at, "a constant tuple"),
            },
            ast::Expr::Name(n) => self.load_kind(scope, n.id.as_str(), at),
            ast::Expr::BinOp(b) => {
                let op = self.binop(b.op, at)?;
                ExprKind::Binary(op, self.boxed(scope, &b.left), self.boxed(scope, &b.right))
            }
            ast::Expr::UnaryOp(u) => {
                let op = match u.op {
                    ast::UnaryOp::USub => UnaryOp::Neg,
                    ast::UnaryOp::UAdd => UnaryOp::Pos,
                    ast::UnaryOp::Invert => UnaryOp::Invert,
                    ast::UnaryOp::Not => UnaryOp::Not,
                };
                ExprKind::Unary(op, self.boxed(scope, &u.operand))
            }
            ast::Expr::BoolOp(b) => ExprKind::BoolOp {
                and: matches!(b.op, ast::BoolOp::And),
                values: b.values.iter().map(|v| self.expr(scope, v)).collect(),
            },
            ast::Expr::Compare(c) => self.compare(scope, c, at)?,
            ast::Expr::IfExp(i) => ExprKind::IfExp {
                test: self.boxed(scope, &i.test),
                body: self.boxed(scope, &i.body),
                orelse: self.boxed(scope, &i.orelse),
            },
            ast::Expr::Tuple(t) => ExprKind::Tuple(self.display_items(scope, &t.elts)),
            ast::Expr::List(l) => ExprKind::List(self.display_items(scope, &l.elts)),
            ast::Expr::Set(st) => ExprKind::Set(self.display_items(scope, &st.elts)),
            ast::Expr::Dict(d) => {
                let mut items = Vec::new();
                for (k, v) in d.keys.iter().zip(&d.values) {
                    let k = k.as_ref().map(|k| self.expr(scope, k));
                    items.push((k, self.expr(scope, v)));
                }
                ExprKind::Dict(items)
            }
            ast::Expr::Call(c) => self.call(scope, c)?,
            ast::Expr::JoinedStr(j) => self.fstring(scope, &j.values, at)?,
            ast::Expr::FormattedValue(_) => self.fstring(scope, std::slice::from_ref(e), at)?,
            ast::Expr::ListComp(c) => {
                self.comprehension(scope, CompKind::List, &c.elt, None, &c.generators, at)?
            }
            ast::Expr::SetComp(c) => {
                self.comprehension(scope, CompKind::Set, &c.elt, None, &c.generators, at)?
            }
            ast::Expr::DictComp(c) => self.comprehension(
                scope,
                CompKind::Dict,
                &c.key,
                Some(&c.value),
                &c.generators,
                at,
            )?,
            ast::Expr::GeneratorExp(_) => return self.reject(at, "a generator expression"),
            ast::Expr::Lambda(_) => return self.reject(at, "`lambda`"),
            ast::Expr::NamedExpr(_) => return self.reject(at, "the `:=` operator"),
            ast::Expr::Attribute(a) => {
                if UNSUPPORTED_ATTRIBUTES.contains(&a.attr.as_str()) {
                    return self.reject(at, &format!("the attribute `{}`", a.attr));
                }
                ExprKind::Attribute(self.boxed(scope, &a.value), a.attr.to_string())
            }
            ast::Expr::Subscript(sub) => {
                ExprKind::Subscript(self.boxed(scope, &sub.value), self.boxed(scope, &sub.slice))
            }
            ast::Expr::Slice(sl) => {
                let mut part = |p: &Option<Box<ast::Expr>>| match p {
                    Some(e) => self.boxed(scope, e),
                    None => Box::new(Expr {
                        kind: ExprKind::None,
                        span: at,
                    }),
                };
                let (a, b, c) = (part(&sl.lower), part(&sl.upper), part(&sl.step));
                ExprKind::Slice(a, b, c)
            }
            ast::Expr::Starred(_) => {
                self.error(syntax_error(at, "can't use starred expression here"));
                return None;
            }
            ast::Expr::Await(_) => return self.reject(at, "`await`"),
            ast::Expr::Yield(_) | ast::Expr::YieldFrom(_) => return self.reject(at, "`yield`"),
        })
    }

    /// Items of a display or the positional arguments of a call, `*x` allowed.
    fn display_items(&mut self, scope: &mut Scope, elts: &[ast::Expr]) -> Vec<Expr> {
        elts.iter()
            .map(|e| match e {
                ast::Expr::Starred(st) => Expr {
                    kind: ExprKind::Starred(self.boxed(scope, &st.value)),
                    span: span(e.range()),
                },
                _ => self.expr(scope, e),
            })
            .collect()
    }

    fn fstring(&mut self, scope: &mut Scope, values: &[ast::Expr], at: Span) -> Option<ExprKind> {
        let mut parts = Vec::new();
        for v in values {
            match v {
                ast::Expr::Constant(c) => match &c.value {
                    ast::Constant::Str(s) => parts.push(FPart::Literal(s.clone())),
                    _ => return self.reject(at, "this f-string"),
                },
                ast::Expr::FormattedValue(fv) => {
                    let conversion = match fv.conversion {
                        ast::ConversionFlag::None => None,
                        ast::ConversionFlag::Str => Some(1),
                        ast::ConversionFlag::Repr => Some(2),
                        ast::ConversionFlag::Ascii => Some(3),
                    };
                    let value = self.expr(scope, &fv.value);
                    let spec = match fv.format_spec.as_deref() {
                        None => None,
                        Some(ast::Expr::JoinedStr(j)) => Some(Expr {
                            kind: self.fstring(scope, &j.values, at)?,
                            span: at,
                        }),
                        Some(other) => Some(self.expr(scope, other)),
                    };
                    parts.push(FPart::Field {
                        value,
                        conversion,
                        spec,
                    });
                }
                ast::Expr::JoinedStr(j) => {
                    if let ExprKind::FString(inner) = self.fstring(scope, &j.values, at)? {
                        parts.extend(inner);
                    }
                }
                _ => return self.reject(at, "this f-string"),
            }
        }
        Some(ExprKind::FString(parts))
    }

    /// A comprehension runs in the current function with its variables as fresh
    /// locals, so they neither leak nor clash (Python 3 gives them their own scope).
    fn comprehension(
        &mut self,
        scope: &mut Scope,
        kind: CompKind,
        elt: &ast::Expr,
        value: Option<&ast::Expr>,
        generators: &[ast::Comprehension],
        at: Span,
    ) -> Option<ExprKind> {
        if scope.loop_depth + scope.try_depth + generators.len() > MAX_NESTED_BLOCKS {
            self.error(syntax_error(at, "too many statically nested blocks"));
            return None;
        }
        let mut saved = Vec::new();
        let mut gens = Vec::new();
        for g in generators {
            if g.is_async {
                return self.reject(at, "an async comprehension");
            }
            // The first iterable is evaluated in the enclosing scope, before any binding.
            let iter = self.expr(scope, &g.iter);
            let mut names = Vec::new();
            target_names(&g.target, &mut names);
            for (name, _) in names {
                let l = self.module.funcs[scope.func].locals.push(name.clone());
                saved.push((name.clone(), scope.locals.insert(name, l)));
            }
            let target = self.target(scope, &g.target);
            let ifs = g.ifs.iter().map(|c| self.expr(scope, c)).collect();
            if let Some(target) = target {
                gens.push(Generator { target, iter, ifs });
            }
        }
        let elt = self.boxed(scope, elt);
        let value = value.map(|v| self.boxed(scope, v));
        for (name, old) in saved.into_iter().rev() {
            match old {
                Some(l) => scope.locals.insert(name, l),
                None => scope.locals.remove(&name),
            };
        }
        if gens.len() != generators.len() {
            return None;
        }
        Some(ExprKind::Comprehension {
            kind,
            elt,
            value,
            generators: gens,
        })
    }

    fn compare(&mut self, scope: &mut Scope, c: &ast::ExprCompare, at: Span) -> Option<ExprKind> {
        let is_literal = |e: &ast::Expr| matches!(e, ast::Expr::Constant(k) if !matches!(k.value, ast::Constant::None | ast::Constant::Bool(_) | ast::Constant::Ellipsis));
        let mut prev = c.left.as_ref();
        let mut rest = Vec::new();
        for (op, right) in c.ops.iter().zip(&c.comparators) {
            let op = match op {
                ast::CmpOp::Eq => CmpOp::Eq,
                ast::CmpOp::NotEq => CmpOp::Ne,
                ast::CmpOp::Lt => CmpOp::Lt,
                ast::CmpOp::LtE => CmpOp::Le,
                ast::CmpOp::Gt => CmpOp::Gt,
                ast::CmpOp::GtE => CmpOp::Ge,
                ast::CmpOp::Is | ast::CmpOp::IsNot if is_literal(prev) || is_literal(right) => {
                    let d = unsupported(at, "`is` with a literal").with_help(
                        "CPython compiles this with `SyntaxWarning: \"is\" with a literal`, which skink does not reproduce; use `==`",
                    );
                    self.error(d);
                    return None;
                }
                ast::CmpOp::Is => CmpOp::Is,
                ast::CmpOp::IsNot => CmpOp::IsNot,
                ast::CmpOp::In => CmpOp::In,
                ast::CmpOp::NotIn => CmpOp::NotIn,
            };
            rest.push((op, self.expr(scope, right)));
            prev = right;
        }
        Some(ExprKind::Compare {
            left: self.boxed(scope, &c.left),
            rest,
        })
    }

    fn call(&mut self, scope: &mut Scope, c: &ast::ExprCall) -> Option<ExprKind> {
        // A module-level function called by name binds statically.
        if let ast::Expr::Name(n) = c.func.as_ref()
            && !scope.locals.contains_key(n.id.as_str())
            && let Some(&g) = self.globals.get(n.id.as_str())
            && let GlobalKind::Function(f) = self.module.globals[g].kind
        {
            if let Some(star) = c.args.iter().find(|a| matches!(a, ast::Expr::Starred(_))) {
                return self.reject(span(star.range()), "`*` unpacking in a call of a function");
            }
            return self.call_function(scope, c, f, g);
        }
        let args = self.display_items(scope, &c.args);
        let mut keywords = Vec::new();
        let mut seen = HashSet::new();
        for k in &c.keywords {
            let name = k.arg.as_ref().map(|a| a.to_string());
            if let Some(n) = &name
                && !seen.insert(n.clone())
            {
                self.error(syntax_error(
                    span(k.range),
                    &format!("keyword argument repeated: {n}"),
                ));
                return None;
            }
            keywords.push((name, self.expr(scope, &k.value)));
        }
        if let ast::Expr::Attribute(a) = c.func.as_ref() {
            if UNSUPPORTED_ATTRIBUTES.contains(&a.attr.as_str()) {
                return self.reject(
                    span(a.range),
                    &format!("the method `{}` of a builtin type", a.attr),
                );
            }
            return Some(ExprKind::CallMethod {
                obj: self.boxed(scope, &a.value),
                name: a.attr.to_string(),
                args,
                keywords,
            });
        }
        let func = self.boxed(scope, &c.func);
        Some(ExprKind::Call {
            func,
            args,
            keywords,
        })
    }

    fn call_function(
        &mut self,
        scope: &mut Scope,
        c: &ast::ExprCall,
        f: FuncId,
        g: GlobalId,
    ) -> Option<ExprKind> {
        if let Some(k) = c.keywords.first() {
            return self.reject(span(k.range), "a keyword argument to a user function");
        }
        let args: Vec<Expr> = c.args.iter().map(|a| self.expr(scope, a)).collect();
        let name = &self.module.funcs[f].name;
        let Signature { params, defaults } = &self.signatures[&f];
        let n_defaults = defaults.len();
        let given = args.len();
        let required = params.len() - n_defaults;
        if given > params.len() {
            let takes = if n_defaults == 0 {
                let s = if params.len() == 1 { "" } else { "s" };
                format!("{} positional argument{s}", params.len())
            } else {
                format!("from {required} to {} positional arguments", params.len())
            };
            let was = if given == 1 { "was" } else { "were" };
            let message = format!("{name}() takes {takes} but {given} {was} given");
            return Some(ExprKind::CallError {
                global: g,
                args,
                message,
            });
        }
        if given < required {
            let missing: Vec<String> = params[given..required]
                .iter()
                .map(|p| format!("'{p}'"))
                .collect();
            let list = match missing.as_slice() {
                [one] => one.clone(),
                [a, b] => format!("{a} and {b}"),
                [init @ .., last] => format!("{}, and {last}", init.join(", ")),
                [] => String::new(),
            };
            let s = if missing.len() == 1 { "" } else { "s" };
            let message = format!(
                "{name}() missing {} required positional argument{s}: {list}",
                missing.len()
            );
            return Some(ExprKind::CallError {
                global: g,
                args,
                message,
            });
        }
        let fill = defaults[given - required..].to_vec();
        Some(ExprKind::CallFunc {
            func: f,
            global: g,
            args,
            fill,
        })
    }
}
