//! AST -> HIR: resolves every name (local, global, builtin), binds calls to their
//! targets, removes sugar (augmented assignment) and rejects everything outside the
//! supported subset with a diagnostic at its source span. Never fails: it returns
//! the HIR together with the diagnostics, as rust-analyzer's lowering does.

use std::collections::{HashMap, HashSet};

use skink_abi as abi;

use crate::diagnostic::{Diagnostic, Span};
use crate::frontend::{Ranged, ast, span};
use crate::hir::symbols::{self, ScopeId, Symbols};
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
    "getattr",
    "setattr",
    "hasattr",
    "delattr",
    "id",
    "open",
    "property",
    "classmethod",
    "staticmethod",
    "super",
    "NotImplemented",
    "Ellipsis",
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

/// Modules whose names only annotations use (never evaluated by skink).
const ANNOTATION_MODULES: &[&str] = &["typing", "collections.abc", "__future__"];

/// Special methods skink's runtime does not call: a class defining one is rejected
/// rather than behaving differently.
const UNSUPPORTED_SPECIAL_METHODS: &[&str] = &[
    "__new__",
    "__init_subclass__",
    "__class_getitem__",
    "__set_name__",
    "__get__",
    "__set__",
    "__delete__",
    "__getattribute__",
    "__setattr__",
    "__delattr__",
    "__del__",
    "__index__",
    "__int__",
    "__float__",
    "__complex__",
    "__bytes__",
    "__round__",
    "__trunc__",
    "__floor__",
    "__ceil__",
    "__missing__",
    "__format__",
    "__matmul__",
    "__rmatmul__",
    "__imatmul__",
    "__divmod__",
    "__rdivmod__",
    "__length_hint__",
    "__instancecheck__",
    "__subclasscheck__",
    "__dir__",
    "__sizeof__",
    "__reduce__",
    "__reduce_ex__",
    "__copy__",
    "__deepcopy__",
    "__await__",
    "__aiter__",
    "__anext__",
    "__aenter__",
    "__aexit__",
];

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
    "to_bytes",
    "translate",
    "with_traceback",
];

/// The docstring of a function or class body: a string literal as its first statement.
fn docstring(body: &[ast::Stmt]) -> Option<String> {
    match body.first() {
        Some(ast::Stmt::Expr(e)) => match e.value.as_ref() {
            ast::Expr::Constant(c) => match &c.value {
                ast::Constant::Str(s) => Some(s.clone()),
                _ => None,
            },
            _ => None,
        },
        _ => None,
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

/// How a name is reached from the code being lowered.
enum Resolved {
    Var(Var),
    /// A name of the class body being run: its namespace dict, then `fallback`.
    ClassName {
        ns: LocalId,
        fallback: Box<Resolved>,
    },
    /// Not bound in any enclosing function: a module global or a builtin.
    Global,
}

#[derive(Clone, Copy)]
enum FrameKind {
    Module,
    Function,
    /// A class body, run inline: its names live in the namespace dict `ns`.
    Class {
        ns: LocalId,
        class_cell: Option<LocalId>,
    },
    /// A comprehension, run inline with its variables as hidden locals.
    Comprehension,
}

struct Frame {
    kind: FrameKind,
    scope: ScopeId,
    /// The names this frame binds and where they live (locals, cells).
    vars: HashMap<String, Var>,
    /// The `__qualname__` prefix of what is defined here.
    qual: String,
}

/// The lexical position of the code being lowered in its host function.
struct Scope {
    /// The host function: where locals (and hidden locals) live.
    func: FuncId,
    /// Innermost last; the first is the host's own (module or function).
    frames: Vec<Frame>,
    loop_depth: usize,
    try_depth: usize,
}

impl Scope {
    fn new(func: FuncId, kind: FrameKind, scope: ScopeId, qual: String) -> Self {
        Scope {
            func,
            frames: vec![Frame {
                kind,
                scope,
                vars: HashMap::new(),
                qual,
            }],
            loop_depth: 0,
            try_depth: 0,
        }
    }

    /// Whether `return` is allowed here (inside a function, not a class body).
    fn in_function(&self) -> bool {
        self.frames.iter().rev().find_map(|f| match f.kind {
            FrameKind::Function => Some(true),
            FrameKind::Module | FrameKind::Class { .. } => Some(false),
            FrameKind::Comprehension => None,
        }) == Some(true)
    }

    fn at_module_level(&self) -> bool {
        matches!(self.frames.last().map(|f| f.kind), Some(FrameKind::Module))
    }
}

struct Lowerer<'a> {
    module: Module,
    diags: Vec<Diagnostic>,
    symbols: Symbols,
    globals: HashMap<String, GlobalId>,
    static_defaults: HashMap<FuncId, StaticDefaults>,
    /// Names imported from `typing` and friends: only annotations may use them.
    annotation_only: HashSet<String>,
    /// Module-level names bound only by `import m [as name]`: their attributes are
    /// checked against what skink's `m` defines.
    module_aliases: HashMap<String, String>,
    expr_depth: usize,
    source: &'a str,
}

/// Lowers a parsed module to HIR; `source` is its text, for checks the AST cannot answer.
pub fn lower(body: &[ast::Stmt], source: &str) -> (Module, Vec<Diagnostic>) {
    let (symbols, diags) = symbols::build(body);
    let mut l = Lowerer {
        module: Module::default(),
        diags,
        symbols,
        globals: HashMap::new(),
        static_defaults: HashMap::new(),
        annotation_only: HashSet::new(),
        module_aliases: HashMap::new(),
        expr_depth: 0,
        source,
    };
    l.module_aliases = module_aliases(body, &l.symbols);
    l.module_body(body);
    (l.module, l.diags)
}

/// Module-level names that functions rebind: they declare them `global` and bind them.
fn rebound_globals(symbols: &Symbols) -> HashSet<&str> {
    symbols
        .scopes
        .values()
        .flat_map(|data| data.globals.iter().filter(|n| data.bound.contains(n)))
        .map(String::as_str)
        .collect()
}

/// Module-level names bound once, by `import m [as name]`, and by nothing else.
fn module_aliases(body: &[ast::Stmt], symbols: &Symbols) -> HashMap<String, String> {
    let module = &symbols.scopes[symbols.module()];
    let rebound = rebound_globals(symbols);
    let mut aliases = HashMap::new();
    walk_blocks(body, &mut |s| {
        if let ast::Stmt::Import(i) = s {
            for alias in &i.names {
                let name = alias.name.as_str();
                let bound = alias.asname.as_ref().map_or(name, |a| a.as_str());
                if !name.contains('.') && module.bind_count(bound) == 1 && !rebound.contains(bound)
                {
                    aliases.insert(bound.to_string(), name.to_string());
                }
            }
        }
    });
    aliases
}

/// Module-level `def`s that bind their name once and nothing else binds it: calls
/// by that name can go straight to the function.
fn static_defs<'a>(body: &'a [ast::Stmt], symbols: &Symbols) -> Vec<&'a ast::StmtFunctionDef> {
    let module = &symbols.scopes[symbols.module()];
    let rebound = rebound_globals(symbols);
    let mut defs = Vec::new();
    walk_blocks(body, &mut |s| {
        if let ast::Stmt::FunctionDef(f) = s
            && f.decorator_list.is_empty()
            && module.bind_count(f.name.as_str()) == 1
            && !rebound.contains(f.name.as_str())
        {
            defs.push(f);
        }
    });
    defs
}

/// Whether a class body defines special methods other than `__init__` (a subclass
/// of `list` may not: the list's own behaviour would silently win).
fn defines_special_methods(body: &[ast::Stmt]) -> bool {
    body.iter().any(|s| match s {
        ast::Stmt::FunctionDef(f) => {
            let n = f.name.as_str();
            n.starts_with("__") && n.ends_with("__") && n != "__init__"
        }
        _ => false,
    })
}

/// The slots of a parameter list in CPython's order, with their spans and defaults.
fn param_slots(args: &ast::Arguments) -> (ParamSpec, Vec<(String, Span)>) {
    let mut spec = ParamSpec {
        posonly: args.posonlyargs.len(),
        positional: args.posonlyargs.len() + args.args.len(),
        kwonly: args.kwonlyargs.len(),
        varargs: args.vararg.is_some(),
        varkw: args.kwarg.is_some(),
        ..ParamSpec::default()
    };
    let mut slots: Vec<(String, Span)> = args
        .posonlyargs
        .iter()
        .chain(&args.args)
        .chain(&args.kwonlyargs)
        .map(|a| (a.def.arg.to_string(), span(a.def.range)))
        .collect();
    for a in args.vararg.iter().chain(&args.kwarg) {
        slots.push((a.arg.to_string(), span(a.range)));
    }
    spec.names = slots.iter().map(|(n, _)| n.clone()).collect();
    (spec, slots)
}

impl Lowerer<'_> {
    fn error(&mut self, d: Diagnostic) {
        self.diags.push(d);
    }

    fn new_function(&mut self, name: &str, qualname: String, span: Span) -> FuncId {
        self.module.funcs.push(Function {
            name: name.to_string(),
            qualname,
            params: Vec::new(),
            spec: ParamSpec::default(),
            defaults: Vec::new(),
            locals: PrimaryMap::new(),
            cells: Vec::new(),
            frees: Vec::new(),
            is_generator: false,
            doc: None,
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
        let main = self.new_function("<module>", "<module>".into(), Span::default());
        self.module.main = Some(main);

        // Static functions first, so a call may come before the `def` in the text.
        for def in static_defs(body, &self.symbols) {
            let name = def.name.to_string();
            if builtin_named(&name).is_some() {
                continue;
            }
            let f = self.new_function(&name, name.clone(), span(def.range));
            self.global(&name, GlobalKind::Function(f));
            let args = &def.args;
            let positional = (args.posonlyargs.iter().chain(&args.args))
                .filter(|a| a.default.is_some())
                .count();
            let kwonly: Vec<String> = (args.kwonlyargs.iter())
                .filter(|a| a.default.is_some())
                .map(|a| a.def.arg.to_string())
                .collect();
            let globals = (0..positional + kwonly.len())
                .map(|i| {
                    self.module.globals.push(Global {
                        name: format!("{name}.__defaults__[{i}]"),
                        kind: GlobalKind::Default(f),
                    })
                })
                .collect();
            let func = &mut self.module.funcs[f];
            func.spec = param_slots(args).0;
            func.defaults = globals;
            self.static_defaults
                .insert(f, StaticDefaults { positional, kwonly });
        }

        // Every module-level binding, also by `global` declarations in functions.
        let module_scope = self.symbols.module();
        let mut bound: Vec<String> = self.symbols.scopes[module_scope].bound.clone();
        for (_, data) in self.symbols.scopes.iter() {
            let mut declared: Vec<&String> = data
                .globals
                .iter()
                .filter(|n| data.bound.contains(n))
                .collect();
            declared.sort();
            bound.extend(declared.into_iter().cloned());
        }
        let mut spans = Vec::new();
        collect_bindings(body, &mut spans);
        walk_blocks(body, &mut |s| match s {
            ast::Stmt::FunctionDef(f) => spans.push((f.name.to_string(), span(f.range))),
            ast::Stmt::ClassDef(c) => spans.push((c.name.to_string(), span(c.range))),
            _ => {}
        });
        for name in bound {
            if self.globals.contains_key(&name) {
                continue;
            }
            if builtin_named(&name).is_some() {
                let at = spans
                    .iter()
                    .find(|(n, _)| *n == name)
                    .map_or(Span::default(), |(_, s)| *s);
                self.error(unsupported(at, &format!("rebinding the builtin `{name}`")));
                continue;
            }
            self.global(&name, GlobalKind::Variable);
        }

        check_global_order(
            body,
            &mut HashSet::new(),
            &mut HashSet::new(),
            &mut self.diags,
        );
        let mut scope = Scope::new(main, FrameKind::Module, module_scope, String::new());
        let stmts = self.block(&mut scope, body);
        self.module.funcs[main].body = stmts;
    }

    /// The qualified name of a function defined in `scope` (CPython's `__qualname__`).
    fn qualname(&self, scope: &Scope, name: &str) -> String {
        let prefix = scope.frames.last().map_or("", |f| f.qual.as_str());
        format!("{prefix}{name}")
    }

    /// Lowers a function (a `def`, `lambda` or generator expression body) into `f`;
    /// returns its defaults and keyword-only defaults, evaluated in `outer`.
    fn function(
        &mut self,
        outer: &mut Scope,
        f: FuncId,
        sym: ScopeId,
        args: &ast::Arguments,
        body: FunctionBody,
    ) -> Option<Defaults> {
        let (spec, slots) = param_slots(args);
        let defaults: Vec<Expr> = (args.posonlyargs.iter().chain(&args.args))
            .filter_map(|a| a.default.as_deref())
            .map(|d| self.expr(outer, d))
            .collect();
        let kwdefaults: Vec<(String, Expr)> = (args.kwonlyargs.iter())
            .filter_map(|a| Some((a.def.arg.to_string(), a.default.as_deref()?)))
            .map(|(n, d)| (n, self.expr(outer, d)))
            .collect();

        // CPython names what a function defines `f.<locals>.name`, and what a
        // generator expression (a comprehension scope) defines `<genexpr>.name`.
        let locals = if matches!(body, FunctionBody::GenExpr(_)) {
            ""
        } else {
            "<locals>."
        };
        let qual = format!("{}.{locals}", self.module.funcs[f].qualname);
        let mut scope = Scope::new(f, FrameKind::Function, sym, qual);
        let data = &self.symbols.scopes[sym];
        let cells = data.cells.clone();
        let frees: Vec<String> = data.frees.iter().cloned().collect();
        let globals = data.globals.clone();
        let locals: Vec<String> = data
            .bound
            .iter()
            .filter(|n| data.is_local(n))
            .cloned()
            .collect();
        let mut params = Vec::new();
        let mut func_cells = Vec::new();
        for (name, at) in &slots {
            if globals.contains(name) {
                self.error(syntax_error(
                    *at,
                    &format!("name '{name}' is parameter and global"),
                ));
            }
            if scope.frames[0].vars.contains_key(name) {
                self.error(syntax_error(
                    *at,
                    &format!("duplicate argument '{name}' in function definition"),
                ));
            }
            let l = self.module.funcs[f].locals.push(name.clone());
            params.push(l);
            let var = if cells.contains(name) {
                func_cells.push(l);
                Var::Cell(l)
            } else {
                Var::Local(l)
            };
            scope.frames[0].vars.entry(name.clone()).or_insert(var);
        }
        for name in locals {
            if scope.frames[0].vars.contains_key(&name) {
                continue;
            }
            let l = self.module.funcs[f].locals.push(name.clone());
            let var = if cells.contains(&name) {
                func_cells.push(l);
                Var::Cell(l)
            } else {
                Var::Local(l)
            };
            scope.frames[0].vars.insert(name, var);
        }
        let mut func_frees = Vec::new();
        for name in frees {
            let l = self.module.funcs[f].locals.push(name.clone());
            func_frees.push(l);
            scope.frames[0].vars.insert(name, Var::Cell(l));
        }

        self.module.funcs[f].params = params.clone();
        self.module.funcs[f].spec = spec.clone();
        let stmts = match body {
            FunctionBody::Block(b) => {
                self.module.funcs[f].doc = docstring(b);
                let mut assigned: HashSet<String> = spec.names.iter().cloned().collect();
                check_global_order(b, &mut HashSet::new(), &mut assigned, &mut self.diags);
                self.block(&mut scope, b)
            }
            FunctionBody::Expr(e) => {
                let value = self.expr(&mut scope, e);
                let at = value.span;
                vec![Stmt {
                    kind: StmtKind::Return(Some(value)),
                    span: at,
                }]
            }
            FunctionBody::GenExpr(g) => {
                let first = scope.frames[0].vars.get(".0").copied()?;
                self.genexpr_body(&mut scope, &g.generators, 0, &g.elt, first)?
            }
        };
        self.module.funcs[f].is_generator = self.symbols.scopes[sym].is_generator;
        let func = &mut self.module.funcs[f];
        func.params = params;
        func.spec = spec;
        func.cells = func_cells;
        func.frees = func_frees;
        func.body = stmts;
        Some((defaults, kwdefaults))
    }

    /// A `def` or `lambda` as a function object (before decorators).
    fn make_function(
        &mut self,
        scope: &mut Scope,
        name: &str,
        at: Span,
        args: &ast::Arguments,
        body: FunctionBody,
        static_func: Option<FuncId>,
    ) -> Option<ExprKind> {
        let Some(sym) = self.symbols.scope_of(at) else {
            return self.reject(at, "this function");
        };
        let qualname = self.qualname(scope, name);
        let f = match static_func {
            Some(f) => f,
            None => self.new_function(name, qualname.clone(), at),
        };
        self.module.funcs[f].qualname = qualname;
        let (defaults, kwdefaults) = self.function(scope, f, sym, args, body)?;
        let closure = self.closure_cells(scope, sym, at);
        let default_globals = match static_func {
            Some(f) => self.module.funcs[f].defaults.clone(),
            None => Vec::new(),
        };
        Some(ExprKind::MakeFunction {
            func: f,
            defaults,
            kwdefaults,
            closure,
            default_globals,
        })
    }

    /// A `def` statement: the function object, decorated, bound to its name.
    fn def(&mut self, scope: &mut Scope, def: &ast::StmtFunctionDef) -> Option<Stmt> {
        let at = span(def.range);
        let name = def.name.as_str();
        let static_func = match self.globals.get(name).map(|&g| self.module.globals[g].kind) {
            Some(GlobalKind::Function(f))
                if scope.at_module_level() && self.module.funcs[f].span == at =>
            {
                Some(f)
            }
            _ => None,
        };
        let decorators: Vec<Expr> = def
            .decorator_list
            .iter()
            .map(|d| self.expr(scope, d))
            .collect();
        let body = FunctionBody::Block(&def.body);
        let kind = self.make_function(scope, name, at, &def.args, body, static_func)?;
        let mut value = Expr { kind, span: at };
        for d in decorators.into_iter().rev() {
            let at = d.span;
            value = Expr {
                kind: ExprKind::Call {
                    func: Box::new(d),
                    args: vec![value],
                    keywords: Vec::new(),
                },
                span: at,
            };
        }
        let target = self.name_target(scope, name, at);
        Some(Stmt {
            kind: StmtKind::Assign {
                targets: vec![target],
                value,
            },
            span: at,
        })
    }

    /// A `class` statement: the body runs inline with its names in a namespace dict.
    fn class_def(&mut self, scope: &mut Scope, c: &ast::StmtClassDef) -> Option<Stmt> {
        let at = span(c.range);
        let name = c.name.to_string();
        if let Some(k) = c.keywords.first() {
            return self.reject(span(k.range), "a class keyword argument (`metaclass=...`)");
        }
        let Some(sym) = self.symbols.scope_of(at) else {
            return self.reject(at, "this class");
        };
        for stmt in &c.body {
            let defined = match stmt {
                ast::Stmt::FunctionDef(f) => Some((f.name.as_str(), span(f.range))),
                ast::Stmt::Assign(a) => match a.targets.as_slice() {
                    [ast::Expr::Name(n)] => Some((n.id.as_str(), span(a.range))),
                    _ => None,
                },
                _ => None,
            };
            if let Some((n, s)) = defined
                && UNSUPPORTED_SPECIAL_METHODS.contains(&n)
            {
                self.error(unsupported(s, &format!("the special method `{n}`")));
            }
        }
        let decorators: Vec<Expr> = c
            .decorator_list
            .iter()
            .map(|d| self.expr(scope, d))
            .collect();
        let mut bases = Vec::new();
        for b in &c.bases {
            if let ast::Expr::Name(n) = b
                && self.is_builtin(scope, n.id.as_str())
                && let Some(builtin) = builtin_named(n.id.as_str())
                && builtin != "object"
                && (builtin != "list" || defines_special_methods(&c.body))
                && !builtin.ends_with("Error")
                && !builtin.ends_with("Exception")
                && !builtin.ends_with("Warning")
                && !matches!(
                    builtin,
                    "StopIteration"
                        | "GeneratorExit"
                        | "KeyboardInterrupt"
                        | "SystemExit"
                        | "StopAsyncIteration"
                )
            {
                self.error(unsupported(
                    span(b.range()),
                    &format!("subclassing the builtin type `{builtin}`"),
                ));
            }
            bases.push(self.expr(scope, b));
        }
        let qualname = self.qualname(scope, &name);
        let ns = self.module.funcs[scope.func]
            .locals
            .push(format!("<{name} namespace>"));
        let class_cell = self.symbols.scopes[sym].class_cell.then(|| {
            self.module.funcs[scope.func]
                .locals
                .push(format!("<{name} __class__>"))
        });
        scope.frames.push(Frame {
            kind: FrameKind::Class { ns, class_cell },
            scope: sym,
            vars: HashMap::new(),
            qual: format!("{qualname}."),
        });
        let (loops, tries) = (scope.loop_depth, scope.try_depth);
        scope.loop_depth = 0;
        scope.try_depth = 0;
        let mut body = self.block(scope, &c.body);
        // CPython stores a class's docstring in its namespace as `__doc__`.
        if let Some(doc) = docstring(&c.body) {
            let target = Target::ClassName {
                ns,
                name: "__doc__".into(),
                span: at,
            };
            body.insert(
                0,
                Stmt {
                    kind: StmtKind::Assign {
                        targets: vec![target],
                        value: Expr {
                            kind: ExprKind::Str(doc),
                            span: at,
                        },
                    },
                    span: at,
                },
            );
        }
        scope.loop_depth = loops;
        scope.try_depth = tries;
        scope.frames.pop();
        let target = self.name_target(scope, &name, at);
        Some(Stmt {
            kind: StmtKind::Class {
                name,
                qualname,
                ns,
                class_cell,
                decorators,
                bases,
                body,
                target,
            },
            span: at,
        })
    }

    /// A generator expression: a generator function over `iter(first iterable)`.
    fn genexpr(
        &mut self,
        scope: &mut Scope,
        g: &ast::ExprGeneratorExp,
        at: Span,
    ) -> Option<ExprKind> {
        if g.generators.iter().any(|c| c.is_async) {
            return self.reject(at, "an async generator expression");
        }
        let Some(sym) = self.symbols.scope_of(at) else {
            return self.reject(at, "this generator expression");
        };
        let first = self.expr(scope, &g.generators.first()?.iter);
        let qualname = self.qualname(scope, "<genexpr>");
        let f = self.new_function("<genexpr>", qualname, at);
        let args = ast::Arguments {
            range: Default::default(),
            posonlyargs: Vec::new(),
            args: vec![ast::ArgWithDefault {
                range: Default::default(),
                def: ast::Arg {
                    range: rustpython_parser::text_size::TextRange::default(),
                    arg: ast::Identifier::new(".0"),
                    annotation: None,
                    type_comment: None,
                },
                default: None,
            }],
            vararg: None,
            kwonlyargs: Vec::new(),
            kwarg: None,
        };
        self.function(scope, f, sym, &args, FunctionBody::GenExpr(g))?;
        let closure = self.closure_cells(scope, sym, at);
        let make = Expr {
            kind: ExprKind::MakeFunction {
                func: f,
                defaults: Vec::new(),
                kwdefaults: Vec::new(),
                closure,
                default_globals: Vec::new(),
            },
            span: at,
        };
        let iter = Expr {
            kind: ExprKind::Call {
                func: Box::new(Expr {
                    kind: ExprKind::Builtin("iter".into()),
                    span: at,
                }),
                args: vec![first],
                keywords: Vec::new(),
            },
            span: at,
        };
        Some(ExprKind::Call {
            func: Box::new(make),
            args: vec![iter],
            keywords: Vec::new(),
        })
    }

    /// The loops of a generator expression, innermost yielding the element.
    fn genexpr_body(
        &mut self,
        scope: &mut Scope,
        gens: &[ast::Comprehension],
        i: usize,
        elt: &ast::Expr,
        first: Var,
    ) -> Option<Vec<Stmt>> {
        let g = &gens[i];
        let at = span(g.target.range());
        let iter = if i == 0 {
            Expr {
                kind: ExprKind::Load(first),
                span: span(g.iter.range()),
            }
        } else {
            self.expr(scope, &g.iter)
        };
        let target = self.target(scope, &g.target)?;
        if !self.enter_loop(scope, at) {
            return None;
        }
        let mut body = if i + 1 < gens.len() {
            self.genexpr_body(scope, gens, i + 1, elt, first)?
        } else {
            let value = self.boxed(scope, elt);
            let at = value.span;
            vec![Stmt {
                kind: StmtKind::Expr(Expr {
                    kind: ExprKind::Yield(Some(value)),
                    span: at,
                }),
                span: at,
            }]
        };
        scope.loop_depth -= 1;
        for cond in g.ifs.iter().rev() {
            let test = self.expr(scope, cond);
            body = vec![Stmt {
                kind: StmtKind::If {
                    test,
                    body,
                    orelse: Vec::new(),
                },
                span: at,
            }];
        }
        Some(vec![Stmt {
            kind: StmtKind::For {
                target,
                iter: ForIter::Value(iter),
                body,
                orelse: Vec::new(),
            },
            span: at,
        }])
    }

    /// `with a as x, b: body`, as CPython runs it:
    ///
    /// ```text
    /// mgr = a; exit = <__exit__ of mgr, protocol checked>; value = mgr.__enter__()
    /// ok = True
    /// try: x = value; <with b: body>
    /// except: ok = False; if not exit(*exc_info): raise
    /// finally: if ok: exit(None, None, None)
    /// ```
    fn with_stmt(
        &mut self,
        scope: &mut Scope,
        items: &[ast::WithItem],
        body: &[ast::Stmt],
        at: Span,
    ) -> Option<StmtKind> {
        let (item, rest) = items.split_first()?;
        if scope.loop_depth + scope.try_depth >= MAX_NESTED_BLOCKS {
            self.error(syntax_error(at, "too many statically nested blocks"));
            return None;
        }
        let mgr_value = self.expr(scope, &item.context_expr);
        let hidden =
            |l: &mut Self, what: &str| Var::Local(l.hidden_local(scope, &format!("<with {what}>")));
        let (mgr, exit, value, ok) = (
            hidden(self, "manager"),
            hidden(self, "exit"),
            hidden(self, "value"),
            hidden(self, "ok"),
        );
        let e = |kind: ExprKind| Expr { kind, span: at };
        let load = |v: Var| e(ExprKind::Load(v));
        let assign = |v: Var, value: Expr| Stmt {
            kind: StmtKind::Assign {
                targets: vec![Target::Var(v, at)],
                value,
            },
            span: at,
        };
        scope.try_depth += 1;
        let mut inner = Vec::new();
        if let Some(t) = &item.optional_vars {
            let target = self.target(scope, t);
            if let Some(target) = target {
                inner.push(Stmt {
                    kind: StmtKind::Assign {
                        targets: vec![target],
                        value: load(value),
                    },
                    span: at,
                });
            }
        }
        if rest.is_empty() {
            inner.extend(self.block(scope, body));
        } else {
            let nested = self.with_stmt(scope, rest, body, at)?;
            inner.push(Stmt {
                kind: nested,
                span: at,
            });
        }
        scope.try_depth -= 1;
        let reraise = Stmt {
            kind: StmtKind::If {
                test: e(ExprKind::Unary(
                    UnaryOp::Not,
                    Box::new(e(ExprKind::ContextExitException(Box::new(load(exit))))),
                )),
                body: vec![Stmt {
                    kind: StmtKind::Raise {
                        exc: None,
                        cause: None,
                    },
                    span: at,
                }],
                orelse: Vec::new(),
            },
            span: at,
        };
        let exit_normally = Stmt {
            kind: StmtKind::If {
                test: load(ok),
                body: vec![Stmt {
                    kind: StmtKind::Expr(e(ExprKind::Call {
                        func: Box::new(load(exit)),
                        args: vec![e(ExprKind::None), e(ExprKind::None), e(ExprKind::None)],
                        keywords: Vec::new(),
                    })),
                    span: at,
                }],
                orelse: Vec::new(),
            },
            span: at,
        };
        Some(StmtKind::Seq(vec![
            assign(mgr, mgr_value),
            assign(exit, e(ExprKind::ContextExit(Box::new(load(mgr))))),
            assign(
                value,
                e(ExprKind::CallMethod {
                    obj: Box::new(load(mgr)),
                    name: "__enter__".into(),
                    args: Vec::new(),
                    keywords: Vec::new(),
                }),
            ),
            assign(ok, e(ExprKind::Bool(true))),
            Stmt {
                kind: StmtKind::Try {
                    body: inner,
                    handlers: vec![Handler {
                        class: None,
                        name: None,
                        body: vec![assign(ok, e(ExprKind::Bool(false))), reraise],
                        span: at,
                    }],
                    orelse: Vec::new(),
                    finalbody: vec![exit_normally],
                },
                span: at,
            },
        ]))
    }

    /// `m.name` where `m` is bound only by `import m`: rejected when skink's `m`
    /// does not define `name`.
    fn check_module_attribute(&mut self, scope: &Scope, a: &ast::ExprAttribute) -> Option<()> {
        if let ast::Expr::Name(n) = a.value.as_ref()
            && matches!(self.resolve(scope, n.id.as_str()), Resolved::Global)
            && let Some(module) = self.module_aliases.get(n.id.as_str()).cloned()
        {
            self.check_module_name(span(a.range), &module, a.attr.as_str())?;
        }
        Some(())
    }

    /// Rejects `module.name` when skink's `module` does not define `name`.
    fn check_module_name(&mut self, at: Span, module: &str, name: &str) -> Option<()> {
        match abi::stdlib::names(module) {
            Some(names) if !names.contains(&name) && !name.starts_with("__") => {
                self.reject(at, &format!("`{module}.{name}`"))
            }
            _ => Some(()),
        }
    }

    fn reject_module(&mut self, at: Span, module: &str) -> Option<StmtKind> {
        if module == "dataclasses" {
            let d = unsupported(at, "`dataclasses`").with_help(
                "`dataclasses.dataclass` arrives with a later standard-library issue; write the `__init__`, `__repr__` and `__eq__` methods by hand for now",
            );
            self.error(d);
            return None;
        }
        self.reject(
            at,
            &format!("importing `{module}` (skink provides `math`, `time` and `sys`, and `typing` names in annotations)"),
        )
    }

    /// `import a, b as c`.
    fn import(&mut self, scope: &mut Scope, i: &ast::StmtImport, at: Span) -> Option<StmtKind> {
        let mut stmts = Vec::new();
        for alias in &i.names {
            let module = alias.name.as_str();
            let bound = match &alias.asname {
                Some(a) => a.to_string(),
                None => module.split('.').next().unwrap_or(module).to_string(),
            };
            if ANNOTATION_MODULES.contains(&module) {
                self.annotation_only.insert(bound);
                continue;
            }
            if abi::stdlib::names(module).is_none() {
                return self.reject_module(at, module);
            }
            let target = self.name_target(scope, &bound, at);
            stmts.push(Stmt {
                kind: StmtKind::Assign {
                    targets: vec![target],
                    value: Expr {
                        kind: ExprKind::Import(module.to_string()),
                        span: at,
                    },
                },
                span: at,
            });
        }
        Some(StmtKind::Seq(stmts))
    }

    /// `from m import a, b as c`.
    fn import_from(
        &mut self,
        scope: &mut Scope,
        i: &ast::StmtImportFrom,
        at: Span,
    ) -> Option<StmtKind> {
        let module = i.module.as_ref().map_or("", |m| m.as_str());
        if i.level.is_some_and(|l| l.to_u32() > 0) {
            return self.reject(at, "a relative import");
        }
        if i.names.iter().any(|a| a.name.as_str() == "*") {
            return self.reject(at, "`from ... import *`");
        }
        if ANNOTATION_MODULES.contains(&module) {
            for alias in &i.names {
                let bound = alias.asname.as_ref().unwrap_or(&alias.name).to_string();
                if module == "__future__" && alias.name.as_str() != "annotations" {
                    return self.reject(at, &format!("`from __future__ import {}`", alias.name));
                }
                self.annotation_only.insert(bound);
            }
            return Some(StmtKind::Pass);
        }
        if abi::stdlib::names(module).is_none() {
            return self.reject_module(at, module);
        }
        let mut stmts = Vec::new();
        for alias in &i.names {
            self.check_module_name(span(alias.range), module, alias.name.as_str())?;
        }
        for alias in &i.names {
            let bound = alias.asname.as_ref().unwrap_or(&alias.name).to_string();
            let target = self.name_target(scope, &bound, at);
            let module_expr = Expr {
                kind: ExprKind::Import(module.to_string()),
                span: at,
            };
            stmts.push(Stmt {
                kind: StmtKind::Assign {
                    targets: vec![target],
                    value: Expr {
                        kind: ExprKind::Attribute(Box::new(module_expr), alias.name.to_string()),
                        span: at,
                    },
                },
                span: at,
            });
        }
        Some(StmtKind::Seq(stmts))
    }

    /// The cells a new function of scope `sym` closes over, from where it is defined.
    fn closure_cells(&mut self, scope: &Scope, sym: ScopeId, at: Span) -> Vec<LocalId> {
        let frees: Vec<String> = self.symbols.scopes[sym].frees.iter().cloned().collect();
        let mut cells = Vec::new();
        for name in frees {
            match resolve_cell(scope, &name) {
                Some(l) => cells.push(l),
                None => {
                    self.error(Diagnostic::error(
                        at,
                        format!("internal compiler error: no cell for the free variable `{name}`"),
                        "here",
                    ));
                }
            }
        }
        cells
    }
}

/// A function's defaults and keyword-only defaults.
type Defaults = (Vec<Expr>, Vec<(String, Expr)>);

/// What a function's body is: statements, or a `lambda`'s expression.
enum FunctionBody<'a> {
    Block(&'a [ast::Stmt]),
    Expr(&'a ast::Expr),
    /// A generator expression: loops over `.0` (the first iterable) and the rest.
    GenExpr(&'a ast::ExprGeneratorExp),
}

/// The local holding the cell of `name`, seen from `scope` (for a closure).
fn resolve_cell(scope: &Scope, name: &str) -> Option<LocalId> {
    for frame in scope.frames.iter().rev() {
        match frame.kind {
            FrameKind::Class { class_cell, .. } => {
                if name == "__class__" {
                    return class_cell;
                }
            }
            FrameKind::Comprehension => {
                if let Some(Var::Cell(l)) = frame.vars.get(name) {
                    return Some(*l);
                }
            }
            FrameKind::Function => {
                return match frame.vars.get(name) {
                    Some(Var::Cell(l)) => Some(*l),
                    _ => None,
                };
            }
            FrameKind::Module => return None,
        }
    }
    None
}

impl Lowerer<'_> {
    fn block(&mut self, scope: &mut Scope, body: &[ast::Stmt]) -> Vec<Stmt> {
        body.iter().filter_map(|s| self.stmt(scope, s)).collect()
    }

    fn stmt(&mut self, scope: &mut Scope, s: &ast::Stmt) -> Option<Stmt> {
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
                    ast::Expr::Attribute(_) => self.target(scope, &a.target)?,
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
                // Annotations are not evaluated (PEP 563 semantics for all of them).
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
                body: self.block(scope, &i.body),
                orelse: self.block(scope, &i.orelse),
            },
            ast::Stmt::While(w) => {
                let test = self.expr(scope, &w.test);
                if !self.enter_loop(scope, at) {
                    return None;
                }
                let body = self.block(scope, &w.body);
                scope.loop_depth -= 1;
                let orelse = self.block(scope, &w.orelse);
                StmtKind::While { test, body, orelse }
            }
            ast::Stmt::For(f) => {
                let (iter, target) = match self.enumerate_pair(scope, &f.iter, &f.target) {
                    Some((iterable, [index, item])) => {
                        let iterable = self.expr(scope, iterable);
                        let index = self.target(scope, index)?;
                        let item = self.target(scope, item)?;
                        let count = self.enumerate_count(scope, index, at);
                        (ForIter::Enumerate(iterable, Box::new(count)), item)
                    }
                    None => (
                        self.for_iter(scope, &f.iter)?,
                        self.target(scope, &f.target)?,
                    ),
                };
                if !self.enter_loop(scope, at) {
                    return None;
                }
                let body = self.block(scope, &f.body);
                scope.loop_depth -= 1;
                let orelse = self.block(scope, &f.orelse);
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
            ast::Stmt::Return(_) if !scope.in_function() => {
                self.error(syntax_error(at, "'return' outside function"));
                return None;
            }
            ast::Stmt::Return(r) => StmtKind::Return(r.value.as_ref().map(|v| self.expr(scope, v))),
            ast::Stmt::Global(_) | ast::Stmt::Nonlocal(_) => StmtKind::Pass,
            ast::Stmt::FunctionDef(def) => return self.def(scope, def),
            ast::Stmt::ClassDef(c) => return self.class_def(scope, c),
            ast::Stmt::Import(i) => self.import(scope, i, at)?,
            ast::Stmt::ImportFrom(i) => self.import_from(scope, i, at)?,
            ast::Stmt::Try(t) => {
                if scope.loop_depth + scope.try_depth >= MAX_NESTED_BLOCKS {
                    self.error(syntax_error(at, "too many statically nested blocks"));
                    return None;
                }
                scope.try_depth += 1;
                let body = self.block(scope, &t.body);
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
                    let name = match &h.name {
                        Some(n) => Some(self.store_var(scope, n.as_str(), span(h.range))?),
                        None => None,
                    };
                    let body = self.block(scope, &h.body);
                    handlers.push(Handler {
                        class,
                        name,
                        body,
                        span: span(h.range),
                    });
                }
                let orelse = self.block(scope, &t.orelse);
                let finalbody = self.block(scope, &t.finalbody);
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
            ast::Stmt::With(w) => self.with_stmt(scope, &w.items, &w.body, at)?,
            ast::Stmt::AsyncWith(_) => return self.reject(at, "`async with`"),
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

    /// `X` and the two targets when a loop is `for i, x in enumerate(X)` with the
    /// builtin `enumerate`.
    fn enumerate_pair<'e>(
        &self,
        scope: &Scope,
        iter: &'e ast::Expr,
        target: &'e ast::Expr,
    ) -> Option<(&'e ast::Expr, [&'e ast::Expr; 2])> {
        if let ast::Expr::Call(c) = iter
            && let ast::Expr::Name(n) = c.func.as_ref()
            && n.id.as_str() == "enumerate"
            && self.is_builtin(scope, "enumerate")
            && c.keywords.is_empty()
            && let [iterable] = c.args.as_slice()
            && !matches!(iterable, ast::Expr::Starred(_))
            && let ast::Expr::Tuple(ast::ExprTuple { elts, .. })
            | ast::Expr::List(ast::ExprList { elts, .. }) = target
            && let [index, item] = elts.as_slice()
            && !elts.iter().any(|e| matches!(e, ast::Expr::Starred(_)))
        {
            return Some((iterable, [index, item]));
        }
        None
    }

    /// The count of an enumerate loop without pairs, in a hidden local.
    fn enumerate_count(&mut self, scope: &Scope, index: Target, at: Span) -> EnumerateCount {
        let count = Var::Local(self.hidden_local(scope, "<enumerate count>"));
        let e = |kind: ExprKind| Expr { kind, span: at };
        let next_count = e(ExprKind::Binary(
            BinOp::Add,
            Box::new(e(ExprKind::Load(count))),
            Box::new(e(ExprKind::Int(1.into()))),
        ));
        EnumerateCount {
            start: (Target::Var(count, at), e(ExprKind::Int(0.into()))),
            step: [
                (index, e(ExprKind::Load(count))),
                (Target::Var(count, at), next_count),
            ],
        }
    }

    /// Whether `name` can only be the builtin of that name here: no enclosing
    /// function binds it and the module defines no global of that name.
    fn is_builtin(&self, scope: &Scope, name: &str) -> bool {
        matches!(self.resolve(scope, name), Resolved::Global) && !self.globals.contains_key(name)
    }

    /// A local of the function being lowered that no source name reaches.
    fn hidden_local(&mut self, scope: &Scope, name: &str) -> LocalId {
        self.module.funcs[scope.func].locals.push(name.to_string())
    }

    /// What a `for` loop iterates: `range(...)` specially, anything else as a value.
    fn for_iter(&mut self, scope: &mut Scope, iter: &ast::Expr) -> Option<ForIter> {
        if let ast::Expr::Call(c) = iter
            && let ast::Expr::Name(n) = c.func.as_ref()
            && n.id.as_str() == "range"
            && self.is_builtin(scope, "range")
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

    /// How `name` is reached from `scope` (see `Resolved`).
    fn resolve(&self, scope: &Scope, name: &str) -> Resolved {
        // Code in a comprehension does not see the names of a class body around it.
        let mut in_comprehension = false;
        for frame in scope.frames.iter().rev() {
            match frame.kind {
                FrameKind::Comprehension => {
                    if let Some(v) = frame.vars.get(name) {
                        return Resolved::Var(*v);
                    }
                    in_comprehension = true;
                }
                FrameKind::Class { .. } if in_comprehension => {}
                FrameKind::Class { ns, .. } => {
                    let data = &self.symbols.scopes[frame.scope];
                    if data.globals.contains(name) {
                        return Resolved::Global;
                    }
                    if data.is_local(name) {
                        // CPython's LOAD_NAME: the namespace, then globals and builtins.
                        return Resolved::ClassName {
                            ns,
                            fallback: Box::new(Resolved::Global),
                        };
                    }
                }
                FrameKind::Function => {
                    return match frame.vars.get(name) {
                        Some(v) => Resolved::Var(*v),
                        None => Resolved::Global,
                    };
                }
                FrameKind::Module => return Resolved::Global,
            }
        }
        Resolved::Global
    }

    /// The variable a name binding (`except ... as name`) stores to.
    fn store_var(&mut self, scope: &Scope, name: &str, at: Span) -> Option<Var> {
        match self.resolve(scope, name) {
            Resolved::Var(v) => Some(v),
            Resolved::Global => Some(Var::Global(self.global(name, GlobalKind::Variable))),
            Resolved::ClassName { .. } => {
                self.reject(at, "binding this kind of name in a class body")
            }
        }
    }

    /// The target a plain name assignment stores to.
    fn name_target(&mut self, scope: &Scope, name: &str, at: Span) -> Target {
        match self.resolve(scope, name) {
            Resolved::Var(v) => Target::Var(v, at),
            Resolved::Global => {
                Target::Var(Var::Global(self.global(name, GlobalKind::Variable)), at)
            }
            Resolved::ClassName { ns, .. } => Target::ClassName {
                ns,
                name: name.to_string(),
                span: at,
            },
        }
    }

    fn target(&mut self, scope: &mut Scope, e: &ast::Expr) -> Option<Target> {
        let at = span(e.range());
        match e {
            ast::Expr::Name(n) => Some(self.name_target(scope, n.id.as_str(), at)),
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
            ast::Expr::Attribute(a) => {
                if let ast::Expr::Name(n) = a.value.as_ref()
                    && matches!(self.resolve(scope, n.id.as_str()), Resolved::Global)
                    && self.module_aliases.contains_key(n.id.as_str())
                {
                    // The runtime's modules are fixed tables (and their
                    // attribute sites cache what they find).
                    return self.reject(at, "assigning to or deleting a module's attribute");
                }
                Some(Target::Attribute {
                    obj: self.boxed(scope, &a.value),
                    name: a.attr.to_string(),
                    span: at,
                })
            }
            _ => {
                self.error(syntax_error(at, "cannot assign to expression"));
                None
            }
        }
    }

    fn load_kind(&mut self, scope: &Scope, name: &str, at: Span) -> ExprKind {
        self.load_resolved(self.resolve(scope, name), name, at)
    }

    fn load_resolved(&mut self, r: Resolved, name: &str, at: Span) -> ExprKind {
        match r {
            Resolved::Var(v) => ExprKind::Load(v),
            Resolved::ClassName { ns, fallback } => ExprKind::LoadClassName {
                ns,
                name: name.to_string(),
                fallback: Box::new(Expr {
                    kind: self.load_resolved(*fallback, name, at),
                    span: at,
                }),
            },
            Resolved::Global => self.load_global(name, at),
        }
    }

    /// A module global, else a builtin, else a `NameError` when evaluated.
    fn load_global(&mut self, name: &str, at: Span) -> ExprKind {
        if self.annotation_only.contains(name) {
            self.error(unsupported(
                at,
                &format!("using `{name}` (imported for annotations) outside an annotation"),
            ));
            return ExprKind::None;
        }
        if let Some(&g) = self.globals.get(name) {
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
                ast::Constant::Bytes(b) => ExprKind::Bytes(b.clone()),
                ast::Constant::Complex { .. } => return self.reject(at, "a complex literal"),
                ast::Constant::Ellipsis => ExprKind::Ellipsis,
                ast::Constant::Tuple(_) => return self.reject(at, "a constant tuple"),
            },
            ast::Expr::Name(n) => self.load_kind(scope, n.id.as_str(), at),
            ast::Expr::BinOp(b) => {
                let op = self.binop(b.op, at)?;
                let (left, right) = (self.boxed(scope, &b.left), self.boxed(scope, &b.right));
                if op == BinOp::FloorDiv
                    && crate::inject::is_on(crate::inject::Fault::FloordivTruncates)
                {
                    let quotient = Expr {
                        kind: ExprKind::Binary(BinOp::TrueDiv, left, right),
                        span: at,
                    };
                    return Some(ExprKind::Call {
                        func: Box::new(Expr {
                            kind: ExprKind::Builtin("int".into()),
                            span: at,
                        }),
                        args: vec![quotient],
                        keywords: Vec::new(),
                    });
                }
                ExprKind::Binary(op, left, right)
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
            ast::Expr::ListComp(c) => self.comprehension(
                scope,
                CompKind::List,
                &c.elt,
                None,
                &c.generators,
                at,
                false,
            )?,
            ast::Expr::SetComp(c) => {
                self.comprehension(scope, CompKind::Set, &c.elt, None, &c.generators, at, false)?
            }
            ast::Expr::DictComp(c) => self.comprehension(
                scope,
                CompKind::Dict,
                &c.key,
                Some(&c.value),
                &c.generators,
                at,
                false,
            )?,
            ast::Expr::GeneratorExp(g) => self.genexpr(scope, g, at)?,
            ast::Expr::Lambda(l) => {
                let body = FunctionBody::Expr(&l.body);
                self.make_function(scope, "<lambda>", at, &l.args, body, None)?
            }
            ast::Expr::NamedExpr(n) => {
                // In a comprehension the name binds in the enclosing function, which
                // skink's comprehension scopes do not model yet.
                let in_comprehension = scope
                    .frames
                    .iter()
                    .any(|f| matches!(f.kind, FrameKind::Comprehension))
                    || self.module.funcs[scope.func].name == "<genexpr>";
                if in_comprehension {
                    return self.reject(at, "the `:=` operator inside a comprehension");
                }
                let ast::Expr::Name(name) = n.target.as_ref() else {
                    self.error(syntax_error(
                        span(n.target.range()),
                        "cannot use assignment expressions with this target",
                    ));
                    return None;
                };
                let value = self.boxed(scope, &n.value);
                let target = self.name_target(scope, name.id.as_str(), span(name.range));
                ExprKind::NamedExpr(Box::new(target), value)
            }
            ast::Expr::Attribute(a) => {
                if UNSUPPORTED_ATTRIBUTES.contains(&a.attr.as_str()) {
                    return self.reject(at, &format!("the attribute `{}`", a.attr));
                }
                self.check_module_attribute(scope, a)?;
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
            ast::Expr::Yield(_) | ast::Expr::YieldFrom(_) if !scope.in_function() => {
                self.error(syntax_error(at, "'yield' outside function"));
                return None;
            }
            ast::Expr::Yield(_) | ast::Expr::YieldFrom(_)
                if matches!(
                    scope.frames.last().map(|f| f.kind),
                    Some(FrameKind::Comprehension)
                ) =>
            {
                self.error(syntax_error(at, "'yield' inside list comprehension"));
                return None;
            }
            ast::Expr::Yield(y) => ExprKind::Yield(y.value.as_ref().map(|v| self.boxed(scope, v))),
            ast::Expr::YieldFrom(y) => ExprKind::YieldFrom(self.boxed(scope, &y.value)),
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
                    let inner = span(fv.value.range());
                    if self
                        .source
                        .get(inner.start as usize..inner.end as usize)
                        .is_some_and(|text| text.contains('\\'))
                    {
                        self.error(syntax_error(
                            inner,
                            "f-string expression part cannot include a backslash",
                        ));
                        return None;
                    }
                    let value = self.boxed(scope, &fv.value);
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
    #[allow(clippy::too_many_arguments)]
    fn comprehension(
        &mut self,
        scope: &mut Scope,
        kind: CompKind,
        elt: &ast::Expr,
        value: Option<&ast::Expr>,
        generators: &[ast::Comprehension],
        at: Span,
        generator: bool,
    ) -> Option<ExprKind> {
        if scope.loop_depth + scope.try_depth + generators.len() > MAX_NESTED_BLOCKS {
            self.error(syntax_error(at, "too many statically nested blocks"));
            return None;
        }
        let Some(sym) = self.symbols.scope_of(at) else {
            return self.reject(at, "this comprehension");
        };
        // The first iterable is evaluated in the enclosing scope.
        let first = generators.first()?;
        let first_pair = self.enumerate_pair(scope, &first.iter, &first.target);
        let first_iter = self.expr(
            scope,
            first_pair.map_or(&first.iter, |(iterable, _)| iterable),
        );
        let cell_names = self.symbols.scopes[sym].cells.clone();
        let mut vars = HashMap::new();
        let mut cells = Vec::new();
        for g in generators {
            let mut names = Vec::new();
            target_names(&g.target, &mut names);
            for (name, _) in names {
                if vars.contains_key(&name) {
                    continue;
                }
                let l = self.module.funcs[scope.func].locals.push(name.clone());
                let var = if cell_names.contains(&name) {
                    cells.push(l);
                    Var::Cell(l)
                } else {
                    Var::Local(l)
                };
                vars.insert(name, var);
            }
        }
        let outer_qual = scope
            .frames
            .last()
            .map_or(String::new(), |f| f.qual.clone());
        let label = match kind {
            _ if generator => "<genexpr>",
            CompKind::List => "<listcomp>",
            CompKind::Set => "<setcomp>",
            CompKind::Dict => "<dictcomp>",
            CompKind::Sum(_) => "<genexpr>",
        };
        scope.frames.push(Frame {
            kind: FrameKind::Comprehension,
            scope: sym,
            vars,
            // A comprehension scope's names have no `<locals>` part.
            qual: format!("{outer_qual}{label}."),
        });
        let mut gens = Vec::new();
        let mut first_iter = Some(first_iter);
        for g in generators {
            if g.is_async {
                scope.frames.pop();
                return self.reject(at, "an async comprehension");
            }
            let (iter, pair) = match first_iter.take() {
                Some(iter) => (iter, first_pair.map(|(_, pair)| pair)),
                None => match self.enumerate_pair(scope, &g.iter, &g.target) {
                    Some((iterable, pair)) => (self.expr(scope, iterable), Some(pair)),
                    None => (self.expr(scope, &g.iter), None),
                },
            };
            let (target, enumerate) = match pair {
                Some([index, item]) => {
                    let index = self.target(scope, index);
                    let item = self.target(scope, item);
                    match index {
                        Some(index) => {
                            let at = span(g.target.range());
                            (item, Some(self.enumerate_count(scope, index, at)))
                        }
                        None => (None, None),
                    }
                }
                None => (self.target(scope, &g.target), None),
            };
            let ifs = g.ifs.iter().map(|c| self.expr(scope, c)).collect();
            if let Some(target) = target {
                gens.push(Generator {
                    target,
                    iter,
                    ifs,
                    enumerate,
                });
            }
        }
        let elt = self.boxed(scope, elt);
        let value = value.map(|v| self.boxed(scope, v));
        scope.frames.pop();
        if gens.len() != generators.len() {
            return None;
        }
        Some(ExprKind::Comprehension {
            kind,
            elt,
            value,
            generators: gens,
            cells,
            generator,
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
        // The symbol table inlined the generator (the consumer can only be the
        // builtin): it runs as a comprehension, whose list or set the builtin
        // then takes when it is not the result itself.
        if let Some((consumer, g)) = symbols::consumed_generator(c)
            && let at = span(g.range)
            && self
                .symbols
                .scope_of(at)
                .is_some_and(|s| self.symbols.scopes[s].kind == symbols::ScopeKind::Comprehension)
        {
            let kind = match consumer {
                "sum" => CompKind::Sum(self.hidden_local(scope, "<sum>")),
                "set" | "frozenset" => CompKind::Set,
                _ => CompKind::List,
            };
            let comp = self.comprehension(scope, kind, &g.elt, None, &g.generators, at, true)?;
            if matches!(consumer, "sum" | "list" | "set") {
                return Some(comp);
            }
            let whole = span(c.range);
            return Some(ExprKind::Call {
                func: Box::new(Expr {
                    kind: ExprKind::Builtin(consumer.into()),
                    span: whole,
                }),
                args: vec![Expr {
                    kind: comp,
                    span: at,
                }],
                keywords: Vec::new(),
            });
        }
        // A module-level function called by name binds statically, when it can.
        if let ast::Expr::Name(n) = c.func.as_ref()
            && matches!(self.resolve(scope, n.id.as_str()), Resolved::Global)
            && let Some(&g) = self.globals.get(n.id.as_str())
            && let GlobalKind::Function(f) = self.module.globals[g].kind
            && let Some(call) = self.call_function(scope, c, f, g)
        {
            return Some(call);
        }
        if let ast::Expr::Name(n) = c.func.as_ref()
            && n.id.as_str() == "super"
            && c.args.is_empty()
            && c.keywords.is_empty()
            && self.is_builtin(scope, "super")
        {
            return self.zero_arg_super(scope, span(c.range));
        }
        if let ast::Expr::Name(n) = c.func.as_ref()
            && n.id.as_str() == "open"
            && self.is_builtin(scope, "open")
        {
            let mode = c.args.get(1).or_else(|| {
                c.keywords
                    .iter()
                    .find(|k| k.arg.as_ref().is_some_and(|a| a.as_str() == "mode"))
                    .map(|k| &k.value)
            });
            if let Some(ast::Expr::Constant(m)) = mode
                && let ast::Constant::Str(text) = &m.value
                && text.contains('+')
            {
                return self.reject(span(m.range), "an update mode (`+`) of `open()`");
            }
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
            self.check_module_attribute(scope, a)?;
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

    /// `super()` in a method: `super(__class__, <first parameter>)`; without a
    /// parameter, plain `super()`, which raises CPython's RuntimeError.
    fn zero_arg_super(&mut self, scope: &mut Scope, at: Span) -> Option<ExprKind> {
        let func = &self.module.funcs[scope.func];
        let first = func.params.first().map(|&l| func.locals[l].clone());
        let class = match self.resolve(scope, "__class__") {
            Resolved::Var(v @ Var::Cell(_)) => v,
            _ => return self.reject(at, "`super()` outside a method"),
        };
        let args = match first {
            Some(first) => vec![
                Expr {
                    kind: ExprKind::Load(class),
                    span: at,
                },
                Expr {
                    kind: self.load_kind(scope, &first, at),
                    span: at,
                },
            ],
            None => Vec::new(),
        };
        Some(ExprKind::Call {
            func: Box::new(Expr {
                kind: ExprKind::Builtin("super".into()),
                span: at,
            }),
            args,
            keywords: Vec::new(),
        })
    }

    /// Binds the arguments of a call of the static function `f` at compile time;
    /// `None` (a dynamic call) when they are unpacked or do not fit, so that the
    /// runtime raises CPython's `TypeError`.
    fn call_function(
        &mut self,
        scope: &mut Scope,
        c: &ast::ExprCall,
        f: FuncId,
        g: GlobalId,
    ) -> Option<ExprKind> {
        if c.args.iter().any(|a| matches!(a, ast::Expr::Starred(_)))
            || c.keywords.iter().any(|k| k.arg.is_none())
        {
            return None;
        }
        let kw_names: Vec<String> = c
            .keywords
            .iter()
            .filter_map(|k| k.arg.as_ref().map(|a| a.to_string()))
            .collect();
        let slots = bind_static(
            &self.module.funcs[f],
            &self.static_defaults[&f],
            c.args.len(),
            &kw_names,
        )?;
        let mut args: Vec<Expr> = c.args.iter().map(|a| self.expr(scope, a)).collect();
        args.extend(c.keywords.iter().map(|k| self.expr(scope, &k.value)));
        Some(ExprKind::CallFunc {
            func: f,
            global: g,
            args,
            slots,
        })
    }
}

/// Which parameters of a static function have defaults: the number of positional
/// ones, and the keyword-only names.
struct StaticDefaults {
    positional: usize,
    kwonly: Vec<String>,
}

/// The slot sources of a call with `npos` positional arguments and the keywords
/// `kw_names`, or `None` where CPython would raise `TypeError`.
fn bind_static(
    f: &Function,
    defaults: &StaticDefaults,
    npos: usize,
    kw_names: &[String],
) -> Option<Vec<SlotSource>> {
    let spec = &f.spec;
    let mut slots: Vec<Option<SlotSource>> = vec![None; spec.slots()];
    let mut extra_pos = Vec::new();
    for (i, slot) in slots.iter_mut().enumerate().take(npos.min(spec.positional)) {
        *slot = Some(SlotSource::Arg(i));
    }
    for i in spec.positional..npos {
        if spec.varargs {
            extra_pos.push(i);
        } else {
            return None;
        }
    }
    let mut extra_kw = Vec::new();
    let named = spec.posonly..spec.positional + spec.kwonly;
    for (j, name) in kw_names.iter().enumerate() {
        match named.clone().find(|&p| spec.names[p] == *name) {
            Some(p) if slots[p].is_none() => slots[p] = Some(SlotSource::Arg(npos + j)),
            Some(_) => return None,
            None if spec.varkw => extra_kw.push((name.clone(), npos + j)),
            None => return None,
        }
    }
    let first_default = spec.positional - defaults.positional;
    for (i, slot) in slots.iter_mut().enumerate().take(spec.positional) {
        if slot.is_none() {
            if i < first_default {
                return None;
            }
            *slot = Some(SlotSource::Default(f.defaults[i - first_default]));
        }
    }
    for k in 0..spec.kwonly {
        let p = spec.positional + k;
        if slots[p].is_none() {
            let d = defaults.kwonly.iter().position(|n| *n == spec.names[p])?;
            slots[p] = Some(SlotSource::Default(f.defaults[defaults.positional + d]));
        }
    }
    let mut next = spec.positional + spec.kwonly;
    if spec.varargs {
        slots[next] = Some(SlotSource::Tuple(extra_pos));
        next += 1;
    }
    if spec.varkw {
        slots[next] = Some(SlotSource::Dict(extra_kw));
    }
    slots.into_iter().collect()
}
