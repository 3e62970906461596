//! The generator: decisions come from `Unstructured`, the types of all visible
//! variables, functions and classes are tracked so that every program is valid,
//! and values are kept in ranges where the program terminates quickly and
//! deterministically (divisors guarded, loops and exponents bounded, growing
//! values reduced inside loops, no set of strs printed in hash order).

use std::collections::BTreeMap;

use arbitrary::{Result, Unstructured};

use crate::ast::{Block, Expr, ExprKind, FPart, Program, Stmt, Ty};

/// What a generated program may use; the generator grows with skink.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Feature {
    BigInts,
    Floats,
    Strings,
    Lists,
    Tuples,
    Dicts,
    Sets,
    Comprehensions,
    Loops,
    Functions,
    Closures,
    Classes,
    Generators,
    Exceptions,
}

impl Feature {
    pub const ALL: [Feature; 14] = [
        Feature::BigInts,
        Feature::Floats,
        Feature::Strings,
        Feature::Lists,
        Feature::Tuples,
        Feature::Dicts,
        Feature::Sets,
        Feature::Comprehensions,
        Feature::Loops,
        Feature::Functions,
        Feature::Closures,
        Feature::Classes,
        Feature::Generators,
        Feature::Exceptions,
    ];

    pub fn name(self) -> &'static str {
        match self {
            Feature::BigInts => "bigints",
            Feature::Floats => "floats",
            Feature::Strings => "strings",
            Feature::Lists => "lists",
            Feature::Tuples => "tuples",
            Feature::Dicts => "dicts",
            Feature::Sets => "sets",
            Feature::Comprehensions => "comprehensions",
            Feature::Loops => "loops",
            Feature::Functions => "functions",
            Feature::Closures => "closures",
            Feature::Classes => "classes",
            Feature::Generators => "generators",
            Feature::Exceptions => "exceptions",
        }
    }

    pub fn named(name: &str) -> Option<Feature> {
        Feature::ALL.into_iter().find(|f| f.name() == name)
    }
}

/// The set of features a campaign allows.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Features(u32);

impl Features {
    pub fn all() -> Features {
        Features(Feature::ALL.iter().fold(0, |acc, f| acc | (1 << *f as u32)))
    }

    pub fn none() -> Features {
        Features(0)
    }

    pub fn with(self, f: Feature) -> Features {
        Features(self.0 | (1 << f as u32))
    }

    pub fn has(self, f: Feature) -> bool {
        self.0 & (1 << f as u32) != 0
    }

    /// Parses a comma-separated list of feature names.
    pub fn parse(text: &str) -> std::result::Result<Features, String> {
        let mut set = Features::none();
        for name in text.split(',').map(str::trim).filter(|n| !n.is_empty()) {
            match Feature::named(name) {
                Some(f) => set = set.with(f),
                None => {
                    let known: Vec<&str> = Feature::ALL.iter().map(|f| f.name()).collect();
                    return Err(format!(
                        "unknown feature `{name}` (known: {})",
                        known.join(", ")
                    ));
                }
            }
        }
        Ok(set)
    }
}

/// A generated program and how often it used each feature.
pub struct Generated {
    pub program: Program,
    pub counts: BTreeMap<Feature, usize>,
}

/// Generates one program from the decisions in `u`.
pub fn generate(u: &mut Unstructured, features: Features) -> Result<Generated> {
    let mut g = Gen {
        u,
        features,
        counts: BTreeMap::new(),
        scopes: vec![Vec::new()],
        funcs: Vec::new(),
        classes: Vec::new(),
        names: 0,
        loop_depth: 0,
        nesting: 0,
        in_function: false,
    };
    let mut body = Vec::new();
    let n = g.u.int_in_range(4..=14)?;
    for _ in 0..n {
        if g.u.is_empty() {
            break;
        }
        g.top_level(&mut body)?;
    }
    // The final values of the module's variables: a miscompiled value shows here
    // even if nothing printed it before.
    let finals: Vec<(String, Ty)> = g.scopes[0].clone();
    for (name, ty) in finals {
        if !matches!(ty, Ty::Obj(_)) {
            body.push(Stmt::Print(vec![
                Expr::lit(format!("'{name}'"), Ty::Str),
                Expr::lit(name, ty),
            ]));
        }
    }
    Ok(Generated {
        program: Program { body },
        counts: g.counts,
    })
}

#[derive(Clone)]
struct FuncSig {
    name: String,
    params: Vec<(String, Ty)>,
    /// How many of the last `params` have defaults.
    defaults: usize,
    kwonly: Vec<(String, Ty)>,
    ret: Ty,
    /// A generator of ints (called with one int).
    generator: bool,
}

#[derive(Clone)]
struct ClassInfo {
    name: String,
    fields: Vec<(String, Ty)>,
    /// (name, argument type, result type)
    methods: Vec<(String, Ty, Ty)>,
    /// An exception class (derives from Exception, one str field).
    exception: bool,
}

struct Gen<'a, 'b> {
    u: &'a mut Unstructured<'b>,
    features: Features,
    counts: BTreeMap<Feature, usize>,
    /// Visible variables, innermost scope last.
    scopes: Vec<Vec<(String, Ty)>>,
    funcs: Vec<FuncSig>,
    classes: Vec<ClassInfo>,
    names: usize,
    loop_depth: usize,
    nesting: usize,
    in_function: bool,
}

const STR_LITERALS: &[&str] = &[
    "''",
    "'a'",
    "'abc'",
    "'Hello, World'",
    "'héllo'",
    "'naïve café'",
    "'日本語'",
    "'😀 ok'",
    "'a b  c'",
    "'x\\ny'",
    "'tab\\tsep'",
    "'42'",
    "'-7'",
    "'3.5'",
    "'ß'",
    "'MiXeD'",
];

impl Gen<'_, '_> {
    fn use_feature(&mut self, f: Feature) -> bool {
        if self.features.has(f) {
            *self.counts.entry(f).or_default() += 1;
            true
        } else {
            false
        }
    }

    fn fresh(&mut self, prefix: &str) -> String {
        self.names += 1;
        format!("{prefix}{}", self.names)
    }

    fn vars_of(&self, ty: &Ty) -> Vec<String> {
        self.scopes
            .iter()
            .flatten()
            .filter(|(_, t)| t == ty)
            .map(|(n, _)| n.clone())
            .collect()
    }

    /// Variables of the innermost scope (the ones a statement may rebind).
    fn own_vars(&self) -> Vec<(String, Ty)> {
        self.scopes.last().cloned().unwrap_or_default()
    }

    fn bind(&mut self, name: &str, ty: Ty) {
        if let Some(s) = self.scopes.last_mut() {
            s.push((name.to_string(), ty));
        }
    }

    /// The types values may have under the enabled features.
    fn value_types(&mut self) -> Vec<Ty> {
        let mut tys = vec![Ty::Int, Ty::Bool];
        let f = self.features;
        if f.has(Feature::Floats) {
            tys.push(Ty::Float);
        }
        if f.has(Feature::Strings) {
            tys.push(Ty::Str);
        }
        if f.has(Feature::Lists) {
            tys.push(Ty::ListInt);
            if f.has(Feature::Strings) {
                tys.push(Ty::ListStr);
            }
        }
        if f.has(Feature::Dicts) && f.has(Feature::Strings) {
            tys.push(Ty::DictStrInt);
        }
        if f.has(Feature::Sets) {
            tys.push(Ty::SetInt);
        }
        if f.has(Feature::Tuples) && f.has(Feature::Strings) {
            tys.push(Ty::TupleIntStr);
        }
        tys
    }

    fn any_type(&mut self) -> Result<Ty> {
        let tys = self.value_types();
        Ok(self.u.choose(&tys)?.clone())
    }

    // ---- statements ----

    fn top_level(&mut self, out: &mut Block) -> Result<()> {
        let choice = self.u.int_in_range(0..=9)?;
        match choice {
            0 | 1 if self.features.has(Feature::Functions) => self.def_function(out),
            2 if self.features.has(Feature::Classes) => self.def_class(out),
            3 if self.features.has(Feature::Generators) => self.def_generator(out),
            _ => self.stmt(out),
        }
    }

    fn block(&mut self, n: usize) -> Result<Block> {
        self.scopes.push(Vec::new());
        self.nesting += 1;
        let mut out = Vec::new();
        let n = self.u.int_in_range(1..=n.max(1))?;
        for _ in 0..n {
            if self.u.is_empty() {
                break;
            }
            self.stmt(&mut out)?;
        }
        self.nesting -= 1;
        self.scopes.pop();
        Ok(out)
    }

    fn stmt(&mut self, out: &mut Block) -> Result<()> {
        let deep = self.nesting >= 3;
        match self.u.int_in_range(0..=11)? {
            0..=2 => self.assign_new(out),
            3 => self.reassign(out),
            4 => {
                let n = self.u.int_in_range(1..=3)?;
                let mut items = Vec::new();
                for _ in 0..n {
                    let ty = self.any_type()?;
                    items.push(self.expr(&ty, 2)?);
                }
                out.push(Stmt::Print(items));
                Ok(())
            }
            5 if !deep => {
                let c = self.expr(&Ty::Bool, 2)?;
                let then = self.block(3)?;
                let orelse = if self.u.arbitrary()? {
                    self.block(2)?
                } else {
                    Vec::new()
                };
                out.push(Stmt::If(c, then, orelse));
                Ok(())
            }
            6 if !deep && self.use_feature(Feature::Loops) => self.for_loop(out),
            7 if !deep && self.use_feature(Feature::Loops) => {
                let counter = self.fresh("n");
                let bound = self.u.int_in_range(0..=6)?;
                self.loop_depth += 1;
                self.scopes.push(vec![(counter.clone(), Ty::Int)]);
                let body = self.block(3)?;
                self.scopes.pop();
                self.loop_depth -= 1;
                out.push(Stmt::While(counter, bound, body));
                Ok(())
            }
            8 if !deep && self.use_feature(Feature::Exceptions) => self.try_stmt(out),
            9 if self.in_function || self.funcs.iter().any(|f| !f.generator) => {
                // A call for its effect (its result printed, so it is observable).
                let ty = self.any_type()?;
                let e = self.expr(&ty, 2)?;
                out.push(Stmt::Print(vec![e]));
                Ok(())
            }
            _ => self.assign_new(out),
        }
    }

    fn assign_new(&mut self, out: &mut Block) -> Result<()> {
        let ty = if !self.classes.is_empty() && self.u.ratio(1, 6)? {
            let idx = self.u.choose_index(self.classes.len())?;
            if self.classes[idx].exception {
                Ty::Int
            } else {
                Ty::Obj(idx)
            }
        } else {
            self.any_type()?
        };
        let e = self.expr(&ty, 3)?;
        let e = self.bounded(e);
        let name = self.fresh("v");
        out.push(Stmt::Assign(name.clone(), e));
        if self.u.arbitrary()? {
            out.push(Stmt::Print(vec![Expr::lit(name.clone(), ty.clone())]));
        }
        self.bind(&name, ty);
        Ok(())
    }

    /// Rebinds a variable of the innermost scope, keeping its type.
    fn reassign(&mut self, out: &mut Block) -> Result<()> {
        let own: Vec<(String, Ty)> = self
            .own_vars()
            .into_iter()
            .filter(|(_, t)| !matches!(t, Ty::Obj(_)))
            .collect();
        if own.is_empty() {
            return self.assign_new(out);
        }
        let (name, ty) = self.u.choose(&own)?.clone();
        if ty == Ty::Int && self.u.arbitrary()? {
            let op = *self.u.choose(&["+", "-", "^", "|"])?;
            let e = self.expr(&Ty::Int, 2)?;
            out.push(Stmt::AugAssign(name.clone(), op, e));
        } else if ty == Ty::ListInt && self.u.arbitrary()? {
            let v = self.expr(&Ty::Int, 2)?;
            let method = Expr::new(
                ExprKind::Method(
                    Box::new(Expr::lit(name.clone(), ty.clone())),
                    "append",
                    vec![v],
                ),
                Ty::None,
            );
            out.push(Stmt::Expr(method));
        } else {
            let e = self.expr(&ty, 3)?;
            // A rebinding may feed on the old value: reduced even outside loops.
            let e = if ty == Ty::Int {
                self.bin("%", e, Expr::lit("1000003", Ty::Int), Ty::Int)
            } else {
                self.bounded(e)
            };
            out.push(Stmt::Assign(name.clone(), e));
        }
        if self.u.arbitrary()? {
            out.push(Stmt::Print(vec![Expr::lit(name, ty)]));
        }
        Ok(())
    }

    /// Inside loops, growing values are reduced so that iterations cannot make
    /// them explode.
    fn bounded(&mut self, e: Expr) -> Expr {
        if self.loop_depth == 0 && !self.in_function {
            return e;
        }
        let ty = e.ty.clone();
        match ty {
            Ty::Int => Expr::new(
                ExprKind::Binary("%", Box::new(e), Box::new(Expr::lit("1000003", Ty::Int))),
                Ty::Int,
            ),
            Ty::Str | Ty::ListInt | Ty::ListStr => Expr::new(
                ExprKind::Slice(
                    Box::new(e),
                    None,
                    Some(Box::new(Expr::lit("24", Ty::Int))),
                    None,
                ),
                ty,
            ),
            _ => e,
        }
    }

    fn for_loop(&mut self, out: &mut Block) -> Result<()> {
        let var = self.fresh("i");
        let (iter, var_ty) = match self.u.int_in_range(0..=3)? {
            0 if self.features.has(Feature::Lists) => (self.expr(&Ty::ListInt, 2)?, Ty::Int),
            1 if self.features.has(Feature::Strings) => (self.expr(&Ty::Str, 1)?, Ty::Str),
            2 if self.features.has(Feature::Generators)
                && self.funcs.iter().any(|f| f.generator) =>
            {
                (self.generator_call()?, Ty::Int)
            }
            _ => {
                let n = self.u.int_in_range(0..=7)?;
                (Expr::lit(format!("range({n})"), Ty::ListInt), Ty::Int)
            }
        };
        self.loop_depth += 1;
        self.scopes.push(vec![(var.clone(), var_ty)]);
        let body = self.block(3)?;
        self.scopes.pop();
        self.loop_depth -= 1;
        out.push(Stmt::For(var, iter, body));
        Ok(())
    }

    fn try_stmt(&mut self, out: &mut Block) -> Result<()> {
        self.scopes.push(Vec::new());
        let mut body = Vec::new();
        // Something that may raise, and ordinary statements around it.
        if self.u.arbitrary()? {
            self.stmt(&mut body)?;
        }
        let risky = self.risky()?;
        body.push(risky);
        if self.u.arbitrary()? {
            self.stmt(&mut body)?;
        }
        self.scopes.pop();
        let mut handlers = Vec::new();
        let options: &[&[&str]] = &[
            &["ZeroDivisionError"],
            &["IndexError", "KeyError"],
            &["ValueError"],
            &["ArithmeticError"],
            &["LookupError"],
            &["Exception"],
        ];
        let n = self.u.int_in_range(1..=2)?;
        for _ in 0..n {
            let classes: Vec<String> = self
                .u
                .choose(options)?
                .iter()
                .map(|s| s.to_string())
                .collect();
            let name = self.fresh("e");
            let report = Stmt::Print(vec![
                Expr::lit(format!("type({name}).__name__"), Ty::Str),
                Expr::lit(name.clone(), Ty::Str),
            ]);
            let mut hbody = vec![report];
            if self.u.ratio(1, 4)? {
                hbody.extend(self.block(2)?);
            }
            handlers.push((classes, Some(name), hbody));
        }
        // Uncaught exceptions are fine too: the program ends as CPython's does.
        let orelse = if self.u.ratio(1, 3)? {
            self.block(2)?
        } else {
            Vec::new()
        };
        let finally = if self.u.ratio(1, 2)? {
            vec![Stmt::Print(vec![Expr::lit("'finally'", Ty::Str)])]
        } else {
            Vec::new()
        };
        out.push(Stmt::Try {
            body,
            handlers,
            orelse,
            finally,
        });
        Ok(())
    }

    /// A statement that may raise a built-in or user exception.
    fn risky(&mut self) -> Result<Stmt> {
        let target = self.fresh("r");
        let e = match self.u.int_in_range(0..=5)? {
            0 => {
                let a = self.expr(&Ty::Int, 2)?;
                let b = self.expr(&Ty::Int, 1)?;
                Expr::new(ExprKind::Binary("//", Box::new(a), Box::new(b)), Ty::Int)
            }
            1 if self.features.has(Feature::Lists) => {
                let l = self.expr(&Ty::ListInt, 2)?;
                let i = self.expr(&Ty::Int, 1)?;
                Expr::new(ExprKind::Index(Box::new(l), Box::new(i)), Ty::Int)
            }
            2 if self.features.has(Feature::Dicts) && self.features.has(Feature::Strings) => {
                let d = self.expr(&Ty::DictStrInt, 2)?;
                let k = self.expr(&Ty::Str, 1)?;
                Expr::new(ExprKind::Index(Box::new(d), Box::new(k)), Ty::Int)
            }
            3 if self.features.has(Feature::Strings) => {
                let s = self.expr(&Ty::Str, 1)?;
                Expr::new(ExprKind::Call("int".into(), vec![s], Vec::new()), Ty::Int)
            }
            4 => {
                let exc = self
                    .classes
                    .iter()
                    .filter(|c| c.exception)
                    .map(|c| c.name.clone())
                    .collect::<Vec<_>>();
                let class = if exc.is_empty() || self.u.arbitrary()? {
                    (*self.u.choose(&[
                        "ValueError",
                        "KeyError",
                        "IndexError",
                        "ZeroDivisionError",
                    ])?)
                    .to_string()
                } else {
                    self.u.choose(&exc)?.clone()
                };
                let arg = if self.features.has(Feature::Strings) {
                    self.expr(&Ty::Str, 1)?
                } else {
                    self.expr(&Ty::Int, 1)?
                };
                let raised = Expr::new(ExprKind::Call(class, vec![arg], Vec::new()), Ty::None);
                let cond = self.expr(&Ty::Bool, 1)?;
                return Ok(Stmt::If(cond, vec![Stmt::Raise(raised)], Vec::new()));
            }
            _ => {
                let a = self.expr(&Ty::Int, 2)?;
                let b = self.expr(&Ty::Int, 1)?;
                Expr::new(ExprKind::Binary("%", Box::new(a), Box::new(b)), Ty::Int)
            }
        };
        Ok(Stmt::If(
            Expr::lit("True", Ty::Bool),
            vec![
                Stmt::Assign(target.clone(), e),
                Stmt::Print(vec![Expr::lit(target, Ty::Int)]),
            ],
            Vec::new(),
        ))
    }

    // ---- definitions ----

    fn def_function(&mut self, out: &mut Block) -> Result<()> {
        self.use_feature(Feature::Functions);
        let name = self.fresh("f");
        let nparams = self.u.int_in_range(0..=3)?;
        let mut params = Vec::new();
        for _ in 0..nparams {
            let ty = self.any_type()?;
            params.push((self.fresh("p"), ty));
        }
        let defaults = self.u.int_in_range(0..=nparams)?;
        let mut rendered: Vec<(String, Option<Expr>)> = Vec::new();
        for (i, (p, ty)) in params.iter().enumerate() {
            let d = if i >= nparams - defaults {
                Some(self.literal(ty)?)
            } else {
                None
            };
            rendered.push((p.clone(), d));
        }
        let mut kwonly = Vec::new();
        let mut kwonly_rendered = Vec::new();
        if self.u.ratio(1, 3)? {
            let ty = self.any_type()?;
            let p = self.fresh("k");
            kwonly_rendered.push((p.clone(), self.literal(&ty)?));
            kwonly.push((p, ty));
        }
        let ret = self.any_type()?;
        let saved_loop = std::mem::replace(&mut self.loop_depth, 0);
        let saved_fn = std::mem::replace(&mut self.in_function, true);
        let mut scope: Vec<(String, Ty)> = params.clone();
        scope.extend(kwonly.iter().cloned());
        self.scopes.push(scope);
        let mut body = Vec::new();
        if self.u.ratio(1, 3)? && self.use_feature(Feature::Closures) {
            self.closure(&mut body)?;
        }
        let n = self.u.int_in_range(0..=3)?;
        for _ in 0..n {
            self.stmt(&mut body)?;
        }
        let r = self.expr(&ret, 3)?;
        body.push(Stmt::Return(r));
        self.scopes.pop();
        self.in_function = saved_fn;
        self.loop_depth = saved_loop;
        out.push(Stmt::Def {
            name: name.clone(),
            params: rendered,
            kwonly: kwonly_rendered,
            body,
        });
        self.funcs.push(FuncSig {
            name,
            params,
            defaults,
            kwonly,
            ret,
            generator: false,
        });
        Ok(())
    }

    /// A counter closure with `nonlocal`, called a few times.
    fn closure(&mut self, body: &mut Block) -> Result<()> {
        let total = self.fresh("t");
        let inner = self.fresh("g");
        let step = self.expr(&Ty::Int, 1)?;
        body.push(Stmt::Assign(total.clone(), self.literal(&Ty::Int)?));
        body.push(Stmt::Def {
            name: inner.clone(),
            params: vec![("d".into(), None)],
            kwonly: Vec::new(),
            body: vec![
                Stmt::Declare("nonlocal", vec![total.clone()]),
                Stmt::AugAssign(total.clone(), "+", Expr::lit("d", Ty::Int)),
                Stmt::Return(Expr::lit(total.clone(), Ty::Int)),
            ],
        });
        let calls = self.u.int_in_range(1..=3)?;
        for _ in 0..calls {
            body.push(Stmt::Print(vec![Expr::new(
                ExprKind::Call(inner.clone(), vec![step.clone()], Vec::new()),
                Ty::Int,
            )]));
        }
        self.bind(&total, Ty::Int);
        Ok(())
    }

    fn def_generator(&mut self, out: &mut Block) -> Result<()> {
        self.use_feature(Feature::Generators);
        let name = self.fresh("gen");
        let saved_fn = std::mem::replace(&mut self.in_function, true);
        self.scopes
            .push(vec![("n".into(), Ty::Int), ("j".into(), Ty::Int)]);
        let value = self.expr(&Ty::Int, 2)?;
        let value = self.bounded(value);
        self.scopes.pop();
        self.in_function = saved_fn;
        let mut loop_body = vec![Stmt::Yield(value)];
        if self.u.ratio(1, 4)? {
            loop_body.insert(
                0,
                Stmt::If(
                    Expr::lit("j == 3", Ty::Bool),
                    vec![Stmt::Return(Expr::lit("None", Ty::None))],
                    Vec::new(),
                ),
            );
        }
        out.push(Stmt::Def {
            name: name.clone(),
            params: vec![("n".into(), None)],
            kwonly: Vec::new(),
            body: vec![Stmt::For(
                "j".into(),
                Expr::lit("range(n)", Ty::ListInt),
                loop_body,
            )],
        });
        self.funcs.push(FuncSig {
            name,
            params: vec![("n".into(), Ty::Int)],
            defaults: 0,
            kwonly: Vec::new(),
            ret: Ty::Int,
            generator: true,
        });
        Ok(())
    }

    fn generator_call(&mut self) -> Result<Expr> {
        let gens: Vec<FuncSig> = self.funcs.iter().filter(|f| f.generator).cloned().collect();
        let g = self.u.choose(&gens)?.clone();
        let n = self.u.int_in_range(0..=6)?;
        Ok(Expr::new(
            ExprKind::Call(g.name, vec![Expr::lit(n.to_string(), Ty::Int)], Vec::new()),
            Ty::ListInt,
        ))
    }

    fn def_class(&mut self, out: &mut Block) -> Result<()> {
        self.use_feature(Feature::Classes);
        let name = format!("C{}", self.classes.len());
        if self.features.has(Feature::Exceptions) && self.u.ratio(1, 4)? {
            // A user exception with an extra field.
            out.push(Stmt::Class {
                name: name.clone(),
                base: Some("Exception".into()),
                body: vec![Stmt::Def {
                    name: "__init__".into(),
                    params: vec![("self".into(), None), ("msg".into(), None)],
                    kwonly: Vec::new(),
                    body: vec![
                        Stmt::Expr(Expr::lit("super().__init__(msg)", Ty::None)),
                        Stmt::Assign("self.note".into(), Expr::lit("'noted'", Ty::Str)),
                    ],
                }],
            });
            self.classes.push(ClassInfo {
                name,
                fields: Vec::new(),
                methods: Vec::new(),
                exception: true,
            });
            return Ok(());
        }
        let bases: Vec<usize> = (0..self.classes.len())
            .filter(|&i| !self.classes[i].exception)
            .collect();
        let base = if !bases.is_empty() && self.u.ratio(1, 3)? {
            Some(*self.u.choose(&bases)?)
        } else {
            None
        };
        let nfields = self.u.int_in_range(1..=3)?;
        let mut fields = Vec::new();
        for i in 0..nfields {
            let ty = match self.u.int_in_range(0..=2)? {
                0 if self.features.has(Feature::Strings) => Ty::Str,
                1 if self.features.has(Feature::Floats) => Ty::Float,
                _ => Ty::Int,
            };
            fields.push((format!("a{i}"), ty));
        }
        let saved_fn = std::mem::replace(&mut self.in_function, true);
        let mut body = Vec::new();
        let init_params: Vec<(String, Option<Expr>)> = std::iter::once(("self".to_string(), None))
            .chain(fields.iter().map(|(f, _)| (f.clone(), None)))
            .collect();
        let init_body: Block = fields
            .iter()
            .map(|(f, ty)| Stmt::Assign(format!("self.{f}"), Expr::lit(f.clone(), ty.clone())))
            .collect();
        body.push(Stmt::Def {
            name: "__init__".into(),
            params: init_params,
            kwonly: Vec::new(),
            body: init_body,
        });
        // repr shows every field.
        let parts: Vec<FPart> = std::iter::once(FPart::Text(format!("{name}(")))
            .chain(fields.iter().enumerate().flat_map(|(i, (f, _))| {
                let sep = if i > 0 { ", " } else { "" };
                [
                    FPart::Text(format!("{sep}{f}=")),
                    FPart::Value(Expr::lit(format!("self.{f}"), Ty::Str), "!r"),
                ]
            }))
            .chain(std::iter::once(FPart::Text(")".into())))
            .collect();
        body.push(Stmt::Def {
            name: "__repr__".into(),
            params: vec![("self".into(), None)],
            kwonly: Vec::new(),
            body: vec![Stmt::Return(Expr::new(ExprKind::FString(parts), Ty::Str))],
        });
        let mut methods = Vec::new();
        let nmethods = self.u.int_in_range(1..=2)?;
        for m in 0..nmethods {
            let mname = format!("m{m}");
            let ret = self.any_type()?;
            self.scopes.push(
                fields
                    .iter()
                    .map(|(f, ty)| (format!("self.{f}"), ty.clone()))
                    .chain(std::iter::once(("x".to_string(), Ty::Int)))
                    .collect(),
            );
            let mut r = self.expr(&ret, 3)?;
            if let Some(b) = base {
                // An override that also calls the base's method through super().
                if let Some((_, _, bret)) =
                    self.classes[b].methods.iter().find(|(n, _, _)| *n == mname)
                    && *bret == ret
                    && ret == Ty::Int
                {
                    r = Expr::new(
                        ExprKind::Binary(
                            "+",
                            Box::new(Expr::lit(format!("super().{mname}(x)"), Ty::Int)),
                            Box::new(r),
                        ),
                        Ty::Int,
                    );
                }
            }
            self.scopes.pop();
            body.push(Stmt::Def {
                name: mname.clone(),
                params: vec![("self".into(), None), ("x".into(), None)],
                kwonly: Vec::new(),
                body: vec![Stmt::Return(r)],
            });
            methods.push((mname, Ty::Int, ret));
        }
        self.in_function = saved_fn;
        // A subclass's constructor takes its own fields; inherited methods that
        // read fields it lacks are not offered on it.
        let base_name = base.map(|b| self.classes[b].name.clone());
        if let Some(b) = base {
            let inherited: Vec<(String, Ty, Ty)> = self.classes[b]
                .methods
                .iter()
                .filter(|(n, _, _)| !methods.iter().any(|(m, _, _)| m == n))
                .cloned()
                .collect();
            let base_fields = self.classes[b].fields.clone();
            if base_fields.iter().all(|bf| fields.contains(bf)) {
                methods.extend(inherited);
            }
        }
        out.push(Stmt::Class {
            name: name.clone(),
            base: base_name,
            body,
        });
        self.classes.push(ClassInfo {
            name,
            fields,
            methods,
            exception: false,
        });
        Ok(())
    }

    // ---- expressions ----

    /// A literal of `ty` (also used for defaults).
    fn literal(&mut self, ty: &Ty) -> Result<Expr> {
        let text = match ty {
            Ty::Int => {
                if self.features.has(Feature::BigInts) && self.u.ratio(1, 5)? {
                    self.use_feature(Feature::BigInts);
                    let choices = [
                        "2**64",
                        "-(2**63)",
                        "2**62 - 1",
                        "4611686018427387904",
                        "-4611686018427387905",
                        "123456789012345678901234567890",
                        "-98765432109876543210",
                        "10**30 + 7",
                    ];
                    self.u.choose(&choices)?.to_string()
                } else {
                    self.u.int_in_range(-20i64..=40)?.to_string()
                }
            }
            Ty::Float => {
                self.use_feature(Feature::Floats);
                let choices = [
                    "0.0",
                    "-0.0",
                    "0.5",
                    "1.25",
                    "-2.75",
                    "3.141592653589793",
                    "1e-7",
                    "1e300",
                    "-1e300",
                    "float('inf')",
                    "float('-inf')",
                    "float('nan')",
                    "0.1",
                    "2.5e-320",
                    "100.0",
                ];
                self.u.choose(&choices)?.to_string()
            }
            Ty::Bool => if self.u.arbitrary()? { "True" } else { "False" }.to_string(),
            Ty::Str => {
                self.use_feature(Feature::Strings);
                self.u.choose(STR_LITERALS)?.to_string()
            }
            Ty::None => "None".to_string(),
            Ty::Obj(_) => return self.expr(ty, 1),
            _ => {
                let simple = ty.simplest();
                return Ok(simple.unwrap_or_else(|| Expr::lit("None", Ty::None)));
            }
        };
        Ok(Expr::lit(text, ty.clone()))
    }

    fn expr(&mut self, ty: &Ty, depth: u32) -> Result<Expr> {
        if depth == 0 || self.u.is_empty() {
            return self.leaf(ty);
        }
        let d = depth - 1;
        match ty {
            Ty::Int => self.int_expr(d),
            Ty::Float => self.float_expr(d),
            Ty::Bool => self.bool_expr(d),
            Ty::Str => self.str_expr(d),
            Ty::ListInt => self.list_int_expr(d),
            Ty::ListStr => self.list_str_expr(d),
            Ty::DictStrInt => self.dict_expr(d),
            Ty::SetInt => self.set_expr(d),
            Ty::TupleIntStr => {
                self.use_feature(Feature::Tuples);
                let a = self.expr(&Ty::Int, d)?;
                let b = self.expr(&Ty::Str, d)?;
                Ok(Expr::new(
                    ExprKind::Display("(", vec![a, b]),
                    Ty::TupleIntStr,
                ))
            }
            Ty::Obj(idx) => self.obj_expr(*idx, d),
            Ty::None => Ok(Expr::lit("None", Ty::None)),
        }
    }

    /// A variable of the type, or a literal.
    fn leaf(&mut self, ty: &Ty) -> Result<Expr> {
        let vars = self.vars_of(ty);
        if !vars.is_empty() && self.u.ratio(2, 3)? {
            let v = self.u.choose(&vars)?.clone();
            return Ok(Expr::lit(v, ty.clone()));
        }
        match ty {
            Ty::ListInt
            | Ty::ListStr
            | Ty::DictStrInt
            | Ty::SetInt
            | Ty::TupleIntStr
            | Ty::Obj(_) => self.expr(ty, 1),
            _ => self.literal(ty),
        }
    }

    fn bin(&self, op: &'static str, a: Expr, b: Expr, ty: Ty) -> Expr {
        Expr::new(ExprKind::Binary(op, Box::new(a), Box::new(b)), ty)
    }

    fn call(&self, f: &str, args: Vec<Expr>, ty: Ty) -> Expr {
        Expr::new(ExprKind::Call(f.to_string(), args, Vec::new()), ty)
    }

    /// `(b if b != 0 else 7)`: a divisor that is never zero.
    fn nonzero(&self, b: Expr, fallback: &str, ty: Ty) -> Expr {
        let test = self.bin("!=", b.clone(), Expr::lit("0", Ty::Int), Ty::Bool);
        Expr::new(
            ExprKind::IfElse(
                Box::new(test),
                Box::new(b),
                Box::new(Expr::lit(fallback, ty.clone())),
            ),
            ty,
        )
    }

    /// `(abs(e) % m)`: a small non-negative int.
    fn small(&self, e: Expr, m: u32) -> Expr {
        let abs = self.call("abs", vec![e], Ty::Int);
        self.bin("%", abs, Expr::lit(m.to_string(), Ty::Int), Ty::Int)
    }

    fn int_expr(&mut self, d: u32) -> Result<Expr> {
        let f = self.features;
        Ok(match self.u.int_in_range(0..=15)? {
            0..=2 => {
                let op = *self.u.choose(&["+", "-", "*", "&", "|", "^"])?;
                let a = self.expr(&Ty::Int, d)?;
                let b = self.expr(&Ty::Int, d)?;
                self.bin(op, a, b, Ty::Int)
            }
            3 => {
                let op = *self.u.choose(&["//", "%"])?;
                let a = self.expr(&Ty::Int, d)?;
                let b = self.expr(&Ty::Int, d)?;
                let b = self.nonzero(b, "7", Ty::Int);
                self.bin(op, a, b, Ty::Int)
            }
            4 => {
                // The base in [-1000, 1000] and the exponent below 5: powers of
                // powers cannot explode.
                let a = self.expr(&Ty::Int, d)?;
                let a = self.bin("%", a, Expr::lit("2001", Ty::Int), Ty::Int);
                let a = self.bin("-", a, Expr::lit("1000", Ty::Int), Ty::Int);
                let e = self.expr(&Ty::Int, d)?;
                let e = self.small(e, 5);
                self.bin("**", a, e, Ty::Int)
            }
            5 => {
                let op = *self.u.choose(&["<<", ">>"])?;
                let a = self.expr(&Ty::Int, d)?;
                let s = self.expr(&Ty::Int, d)?;
                let s = self.small(s, 70);
                self.bin(op, a, s, Ty::Int)
            }
            6 => {
                let op = *self.u.choose(&["-", "~", "+"])?;
                let a = self.expr(&Ty::Int, d)?;
                Expr::new(ExprKind::Unary(op, Box::new(a)), Ty::Int)
            }
            7 => {
                let fname = *self.u.choose(&["abs", "min", "max"])?;
                let a = self.expr(&Ty::Int, d)?;
                if fname == "abs" {
                    self.call(fname, vec![a], Ty::Int)
                } else {
                    let b = self.expr(&Ty::Int, d)?;
                    self.call(fname, vec![a, b], Ty::Int)
                }
            }
            8 if f.has(Feature::Strings) => {
                let s = self.expr(&Ty::Str, d)?;
                match self.u.int_in_range(0..=2)? {
                    0 => self.call("len", vec![s], Ty::Int),
                    1 => {
                        let sub = self.literal(&Ty::Str)?;
                        Expr::new(ExprKind::Method(Box::new(s), "find", vec![sub]), Ty::Int)
                    }
                    _ => {
                        let sub = self.literal(&Ty::Str)?;
                        Expr::new(ExprKind::Method(Box::new(s), "count", vec![sub]), Ty::Int)
                    }
                }
            }
            9 if f.has(Feature::Lists) => {
                let l = self.expr(&Ty::ListInt, d)?;
                match self.u.int_in_range(0..=2)? {
                    0 => self.call("len", vec![l], Ty::Int),
                    1 => self.call("sum", vec![l], Ty::Int),
                    _ => {
                        let fname = *self.u.choose(&["min", "max"])?;
                        Expr::new(
                            ExprKind::Call(
                                fname.into(),
                                vec![l],
                                vec![("default".into(), Expr::lit("-1", Ty::Int))],
                            ),
                            Ty::Int,
                        )
                    }
                }
            }
            10 if f.has(Feature::Dicts) && f.has(Feature::Strings) => {
                let dct = self.expr(&Ty::DictStrInt, d)?;
                let k = self.expr(&Ty::Str, d)?;
                let dflt = self.expr(&Ty::Int, 0)?;
                Expr::new(
                    ExprKind::Method(Box::new(dct), "get", vec![k, dflt]),
                    Ty::Int,
                )
            }
            11 => {
                let c = self.expr(&Ty::Bool, d)?;
                let a = self.expr(&Ty::Int, d)?;
                let b = self.expr(&Ty::Int, d)?;
                Expr::new(
                    ExprKind::IfElse(Box::new(c), Box::new(a), Box::new(b)),
                    Ty::Int,
                )
            }
            12 => self.call_function(&Ty::Int, d)?,
            13 if f.has(Feature::Comprehensions) && self.use_feature(Feature::Comprehensions) => {
                let var = self.fresh("c");
                let n = self.u.int_in_range(0..=6)?;
                self.scopes.push(vec![(var.clone(), Ty::Int)]);
                let elt = self.expr(&Ty::Int, d)?;
                self.scopes.pop();
                let comp = Expr::new(
                    ExprKind::Comprehension {
                        open: "[",
                        key: None,
                        elt: Box::new(elt),
                        var,
                        iter: Box::new(Expr::lit(format!("range({n})"), Ty::ListInt)),
                        cond: None,
                    },
                    Ty::ListInt,
                );
                self.call("sum", vec![comp], Ty::Int)
            }
            14 if f.has(Feature::Generators) && self.funcs.iter().any(|g| g.generator) => {
                let g = self.generator_call()?;
                self.call("sum", vec![g], Ty::Int)
            }
            15 if f.has(Feature::Tuples) && f.has(Feature::Strings) => {
                let t = self.expr(&Ty::TupleIntStr, d)?;
                Expr::new(
                    ExprKind::Index(Box::new(t), Box::new(Expr::lit("0", Ty::Int))),
                    Ty::Int,
                )
            }
            _ => self.leaf(&Ty::Int)?,
        })
    }

    fn float_expr(&mut self, d: u32) -> Result<Expr> {
        Ok(match self.u.int_in_range(0..=7)? {
            0..=1 => {
                let op = *self.u.choose(&["+", "-", "*"])?;
                let a = self.expr(&Ty::Float, d)?;
                let b = self.expr(&Ty::Float, d)?;
                self.bin(op, a, b, Ty::Float)
            }
            2 => {
                let a = self.expr(&Ty::Float, d)?;
                let b = self.expr(&Ty::Float, d)?;
                let b = self.nonzero(b, "2.0", Ty::Float);
                self.bin("/", a, b, Ty::Float)
            }
            3 => {
                // An int joins a float: kept small so that it converts exactly.
                let i = self.expr(&Ty::Int, d)?;
                let i = self.bin("%", i, Expr::lit("1000", Ty::Int), Ty::Int);
                let x = self.expr(&Ty::Float, d)?;
                let op = *self.u.choose(&["+", "*", "-"])?;
                self.bin(op, i, x, Ty::Float)
            }
            4 => {
                let fname = *self.u.choose(&["abs", "min", "max"])?;
                let a = self.expr(&Ty::Float, d)?;
                if fname == "abs" {
                    self.call(fname, vec![a], Ty::Float)
                } else {
                    let b = self.expr(&Ty::Float, d)?;
                    self.call(fname, vec![a, b], Ty::Float)
                }
            }
            5 => {
                let i = self.expr(&Ty::Int, d)?;
                let a = self.expr(&Ty::Int, d)?;
                let a = self.nonzero(a, "3", Ty::Int);
                let i = self.bin("%", i, Expr::lit("100000", Ty::Int), Ty::Int);
                self.bin("/", i, a, Ty::Float)
            }
            6 => self.call_function(&Ty::Float, d)?,
            _ => self.leaf(&Ty::Float)?,
        })
    }

    fn bool_expr(&mut self, d: u32) -> Result<Expr> {
        Ok(match self.u.int_in_range(0..=7)? {
            0..=2 => {
                let ty = match self.u.int_in_range(0..=2)? {
                    0 if self.features.has(Feature::Floats) => Ty::Float,
                    1 if self.features.has(Feature::Strings) => Ty::Str,
                    _ => Ty::Int,
                };
                let op = *self.u.choose(&["<", "<=", ">", ">=", "==", "!="])?;
                let a = self.expr(&ty, d)?;
                let b = self.expr(&ty, d)?;
                self.bin(op, a, b, Ty::Bool)
            }
            3 => {
                let op = *self.u.choose(&["and", "or"])?;
                let a = self.expr(&Ty::Bool, d)?;
                let b = self.expr(&Ty::Bool, d)?;
                self.bin(op, a, b, Ty::Bool)
            }
            4 => {
                let a = self.expr(&Ty::Bool, d)?;
                Expr::new(ExprKind::Unary("not", Box::new(a)), Ty::Bool)
            }
            5 if self.features.has(Feature::Lists) => {
                let x = self.expr(&Ty::Int, d)?;
                let l = self.expr(&Ty::ListInt, d)?;
                self.bin("in", x, l, Ty::Bool)
            }
            6 => {
                let ty = self.any_type()?;
                let x = self.expr(&ty, d)?;
                self.call("bool", vec![x], Ty::Bool)
            }
            _ => self.leaf(&Ty::Bool)?,
        })
    }

    fn str_expr(&mut self, d: u32) -> Result<Expr> {
        self.use_feature(Feature::Strings);
        Ok(match self.u.int_in_range(0..=10)? {
            0 => {
                let a = self.expr(&Ty::Str, d)?;
                let b = self.expr(&Ty::Str, d)?;
                self.bin("+", a, b, Ty::Str)
            }
            1 => {
                let ty = self.any_type()?;
                let x = self.expr(&ty, d)?;
                let f = *self.u.choose(&["str", "repr"])?;
                self.call(f, vec![x], Ty::Str)
            }
            2 => {
                let s = self.expr(&Ty::Str, d)?;
                let m = *self
                    .u
                    .choose(&["upper", "lower", "strip", "title", "swapcase"])?;
                Expr::new(ExprKind::Method(Box::new(s), m, Vec::new()), Ty::Str)
            }
            3 => {
                let s = self.expr(&Ty::Str, d)?;
                let lo = self.expr(&Ty::Int, 0)?;
                let hi = self.expr(&Ty::Int, 0)?;
                let step = if self.u.arbitrary()? {
                    Some(Box::new(Expr::lit(
                        *self.u.choose(&["-1", "2", "-2"])?,
                        Ty::Int,
                    )))
                } else {
                    None
                };
                Expr::new(
                    ExprKind::Slice(Box::new(s), Some(Box::new(lo)), Some(Box::new(hi)), step),
                    Ty::Str,
                )
            }
            4 => {
                let s = self.expr(&Ty::Str, d)?;
                let n = self.expr(&Ty::Int, d)?;
                let n = self.small(n, 4);
                self.bin("*", s, n, Ty::Str)
            }
            5 if self.features.has(Feature::Lists) => {
                let sep = self.literal(&Ty::Str)?;
                let l = self.expr(&Ty::ListStr, d)?;
                Expr::new(ExprKind::Method(Box::new(sep), "join", vec![l]), Ty::Str)
            }
            6 => {
                let mut parts = vec![FPart::Text("<".into())];
                let n = self.u.int_in_range(1..=2)?;
                for _ in 0..n {
                    let ty = self.any_type()?;
                    let mut x = self.expr(&ty, d)?;
                    // Python 3.11 allows neither backslashes nor the f-string's
                    // own quote inside its expressions.
                    let text = x.source();
                    if text.contains('\\') || text.contains('"') {
                        x = self.literal(&Ty::Int)?;
                    }
                    let conv = *self.u.choose(&["", "!r"])?;
                    parts.push(FPart::Value(x, conv));
                    parts.push(FPart::Text("|".into()));
                }
                Expr::new(ExprKind::FString(parts), Ty::Str)
            }
            7 => {
                let s = self.expr(&Ty::Str, d)?;
                let old = self.literal(&Ty::Str)?;
                let new = self.literal(&Ty::Str)?;
                let replaced = Expr::new(
                    ExprKind::Method(Box::new(s), "replace", vec![old, new]),
                    Ty::Str,
                );
                // Replacing '' inserts between every character: kept short.
                Expr::new(
                    ExprKind::Slice(
                        Box::new(replaced),
                        None,
                        Some(Box::new(Expr::lit("40", Ty::Int))),
                        None,
                    ),
                    Ty::Str,
                )
            }
            8 => self.call_function(&Ty::Str, d)?,
            9 if self.features.has(Feature::Tuples) => {
                let t = self.expr(&Ty::TupleIntStr, d)?;
                Expr::new(
                    ExprKind::Index(Box::new(t), Box::new(Expr::lit("1", Ty::Int))),
                    Ty::Str,
                )
            }
            _ => self.leaf(&Ty::Str)?,
        })
    }

    fn list_int_expr(&mut self, d: u32) -> Result<Expr> {
        self.use_feature(Feature::Lists);
        Ok(match self.u.int_in_range(0..=7)? {
            0..=1 => {
                let n = self.u.int_in_range(0..=4)?;
                let mut items = Vec::new();
                for _ in 0..n {
                    items.push(self.expr(&Ty::Int, d)?);
                }
                Expr::new(ExprKind::Display("[", items), Ty::ListInt)
            }
            2 if self.features.has(Feature::Comprehensions)
                && self.use_feature(Feature::Comprehensions) =>
            {
                let var = self.fresh("c");
                let iter = if self.u.arbitrary()? {
                    Expr::lit(
                        format!("range({})", self.u.int_in_range(0..=8)?),
                        Ty::ListInt,
                    )
                } else {
                    self.expr(&Ty::ListInt, d)?
                };
                self.scopes.push(vec![(var.clone(), Ty::Int)]);
                let elt = self.expr(&Ty::Int, d)?;
                let cond = if self.u.arbitrary()? {
                    Some(Box::new(self.expr(&Ty::Bool, d)?))
                } else {
                    None
                };
                self.scopes.pop();
                Expr::new(
                    ExprKind::Comprehension {
                        open: "[",
                        key: None,
                        elt: Box::new(elt),
                        var,
                        iter: Box::new(iter),
                        cond,
                    },
                    Ty::ListInt,
                )
            }
            3 => {
                let l = self.expr(&Ty::ListInt, d)?;
                if self.u.arbitrary()? {
                    Expr::new(
                        ExprKind::Call(
                            "sorted".into(),
                            vec![l],
                            vec![("reverse".into(), Expr::lit("True", Ty::Bool))],
                        ),
                        Ty::ListInt,
                    )
                } else {
                    self.call("sorted", vec![l], Ty::ListInt)
                }
            }
            4 => {
                let a = self.expr(&Ty::ListInt, d)?;
                let b = self.expr(&Ty::ListInt, d)?;
                self.bin("+", a, b, Ty::ListInt)
            }
            5 => {
                let l = self.expr(&Ty::ListInt, d)?;
                let lo = self.expr(&Ty::Int, 0)?;
                Expr::new(
                    ExprKind::Slice(Box::new(l), Some(Box::new(lo)), None, None),
                    Ty::ListInt,
                )
            }
            6 if self.features.has(Feature::Generators)
                && self.funcs.iter().any(|g| g.generator) =>
            {
                let g = self.generator_call()?;
                self.call("list", vec![g], Ty::ListInt)
            }
            7 if self.features.has(Feature::Sets) => {
                let s = self.expr(&Ty::SetInt, d)?;
                self.call("sorted", vec![s], Ty::ListInt)
            }
            _ => self.leaf(&Ty::ListInt)?,
        })
    }

    fn list_str_expr(&mut self, d: u32) -> Result<Expr> {
        self.use_feature(Feature::Lists);
        Ok(match self.u.int_in_range(0..=3)? {
            0 => {
                let n = self.u.int_in_range(0..=3)?;
                let mut items = Vec::new();
                for _ in 0..n {
                    items.push(self.expr(&Ty::Str, d)?);
                }
                Expr::new(ExprKind::Display("[", items), Ty::ListStr)
            }
            1 => {
                let s = self.expr(&Ty::Str, d)?;
                Expr::new(
                    ExprKind::Method(Box::new(s), "split", Vec::new()),
                    Ty::ListStr,
                )
            }
            2 => {
                let l = self.expr(&Ty::ListStr, d)?;
                self.call("sorted", vec![l], Ty::ListStr)
            }
            _ => self.leaf(&Ty::ListStr)?,
        })
    }

    fn dict_expr(&mut self, d: u32) -> Result<Expr> {
        self.use_feature(Feature::Dicts);
        Ok(match self.u.int_in_range(0..=2)? {
            0 => {
                let n = self.u.int_in_range(0..=3)?;
                let mut pairs = Vec::new();
                for _ in 0..n {
                    let k = self.literal(&Ty::Str)?;
                    let v = self.expr(&Ty::Int, d)?;
                    pairs.push((k, v));
                }
                Expr::new(ExprKind::DictDisplay(pairs), Ty::DictStrInt)
            }
            1 if self.features.has(Feature::Comprehensions)
                && self.use_feature(Feature::Comprehensions) =>
            {
                let var = self.fresh("c");
                let n = self.u.int_in_range(0..=5)?;
                self.scopes.push(vec![(var.clone(), Ty::Int)]);
                let k = Expr::lit(format!("str({var})"), Ty::Str);
                let v = self.expr(&Ty::Int, d)?;
                self.scopes.pop();
                Expr::new(
                    ExprKind::Comprehension {
                        open: "{",
                        key: Some(Box::new(k)),
                        elt: Box::new(v),
                        var,
                        iter: Box::new(Expr::lit(format!("range({n})"), Ty::ListInt)),
                        cond: None,
                    },
                    Ty::DictStrInt,
                )
            }
            _ => self.leaf(&Ty::DictStrInt)?,
        })
    }

    fn set_expr(&mut self, d: u32) -> Result<Expr> {
        self.use_feature(Feature::Sets);
        Ok(match self.u.int_in_range(0..=3)? {
            0 => {
                let n = self.u.int_in_range(0..=4)?;
                let mut items = Vec::new();
                for _ in 0..n {
                    items.push(self.expr(&Ty::Int, d)?);
                }
                Expr::new(ExprKind::Display("{", items), Ty::SetInt)
            }
            1 => {
                let op = *self.u.choose(&["|", "&", "-", "^"])?;
                let a = self.expr(&Ty::SetInt, d)?;
                let b = self.expr(&Ty::SetInt, d)?;
                self.bin(op, a, b, Ty::SetInt)
            }
            2 if self.features.has(Feature::Lists) => {
                let l = self.expr(&Ty::ListInt, d)?;
                self.call("set", vec![l], Ty::SetInt)
            }
            _ => self.leaf(&Ty::SetInt)?,
        })
    }

    fn obj_expr(&mut self, idx: usize, d: u32) -> Result<Expr> {
        let vars = self.vars_of(&Ty::Obj(idx));
        if !vars.is_empty() && self.u.arbitrary()? {
            let v = self.u.choose(&vars)?.clone();
            return Ok(Expr::lit(v, Ty::Obj(idx)));
        }
        let class = self.classes[idx].clone();
        let mut args = Vec::new();
        for (_, ty) in &class.fields {
            args.push(self.expr(ty, d.min(1))?);
        }
        Ok(self.call(&class.name, args, Ty::Obj(idx)))
    }

    /// A call of a generated function, a method or a field returning `ty`; a
    /// leaf when none does.
    fn call_function(&mut self, ty: &Ty, d: u32) -> Result<Expr> {
        let funcs: Vec<FuncSig> = self
            .funcs
            .iter()
            .filter(|f| !f.generator && &f.ret == ty)
            .cloned()
            .collect();
        let objs: Vec<(usize, String, Ty)> = self
            .classes
            .iter()
            .enumerate()
            .flat_map(|(i, c)| {
                let mut v: Vec<(usize, String, Ty)> = c
                    .methods
                    .iter()
                    .filter(|(_, _, r)| r == ty)
                    .map(|(m, _, _)| (i, format!("{m}()"), ty.clone()))
                    .collect();
                v.extend(
                    c.fields
                        .iter()
                        .filter(|(_, t)| t == ty)
                        .map(|(f, _)| (i, f.clone(), ty.clone())),
                );
                v
            })
            .filter(|(i, _, _)| !self.classes[*i].exception)
            .collect();
        if !funcs.is_empty() && (objs.is_empty() || self.u.arbitrary()?) {
            let f = self.u.choose(&funcs)?.clone();
            let mut args = Vec::new();
            let mut kwargs = Vec::new();
            let required = f.params.len() - f.defaults;
            for (i, (p, pty)) in f.params.iter().enumerate() {
                if i >= required && self.u.arbitrary()? {
                    // Leave a defaulted parameter out, or pass it by name.
                    if self.u.arbitrary()? {
                        kwargs.push((p.clone(), self.expr(pty, d.min(1))?));
                    }
                    continue;
                }
                if !kwargs.is_empty() {
                    kwargs.push((p.clone(), self.expr(pty, d.min(1))?));
                } else {
                    args.push(self.expr(pty, d.min(1))?);
                }
            }
            for (k, kty) in &f.kwonly {
                if self.u.arbitrary()? {
                    kwargs.push((k.clone(), self.expr(kty, d.min(1))?));
                }
            }
            return Ok(Expr::new(ExprKind::Call(f.name, args, kwargs), ty.clone()));
        }
        if !objs.is_empty() {
            let (idx, what, _) = self.u.choose(&objs)?.clone();
            let obj = self.obj_expr(idx, d.min(1))?;
            return Ok(match what.strip_suffix("()") {
                Some(m) => {
                    let x = self.expr(&Ty::Int, d.min(1))?;
                    Expr::new(
                        ExprKind::Call(format!("{}.{m}", obj.source()), vec![x], Vec::new()),
                        ty.clone(),
                    )
                }
                None => Expr::new(ExprKind::Attr(Box::new(obj), what), ty.clone()),
            });
        }
        self.leaf(ty)
    }
}
