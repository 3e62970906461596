//! The verified rules of `skink-rules` as egg rewrites: each side a pattern,
//! each variable's guard checked on its e-class's type, and every application
//! that changes the graph paid for with fuel and logged.

use egg::{
    Applier, EGraph, ENodeOrVar, Id, Language, Pattern, PatternAst, RecExpr, Rewrite,
    SearchMatches, Subst, Symbol, Var,
};
use skink_rules::{Rule, Term, Ty as RuleTy};

use crate::mir::egraph::analysis::Facts;
use crate::mir::egraph::lang::Node;

fn var(name: &str) -> Var {
    format!("?{name}")
        .parse()
        .expect("rule variables are valid egg variables")
}

/// A rule side as an egg pattern.
fn pattern(term: &Term) -> PatternAst<Node> {
    fn add(term: &Term, ast: &mut RecExpr<ENodeOrVar<Node>>) -> Id {
        let node = match term {
            Term::Var(v) => return ast.add(ENodeOrVar::Var(var(v))),
            Term::Int(i) => Node::Int(*i),
            Term::Float(x) => Node::Float(x.to_bits()),
            Term::Bool(b) => Node::Bool(*b),
            Term::App(op, args) => {
                let kids: Vec<Id> = args.iter().map(|a| add(a, ast)).collect();
                Node::app(*op, &kids)
            }
        };
        ast.add(ENodeOrVar::ENode(node))
    }
    let mut ast = RecExpr::default();
    add(term, &mut ast);
    ast
}

/// The right side of a rule, applied where the guards hold and fuel is left.
struct Guarded {
    rhs: Pattern<Node>,
    guards: Vec<(Var, Vec<RuleTy>)>,
}

impl Guarded {
    fn holds(&self, egraph: &EGraph<Node, Facts>, subst: &Subst) -> bool {
        self.guards.iter().all(|(v, tys)| {
            subst
                .get(*v)
                .and_then(|id| egraph[*id].data.ty)
                .is_some_and(|ty| tys.contains(&ty))
        })
    }
}

impl Applier<Node, Facts> for Guarded {
    fn apply_matches(
        &self,
        egraph: &mut EGraph<Node, Facts>,
        matches: &[SearchMatches<Node>],
        rule_name: Symbol,
    ) -> Vec<Id> {
        let mut added = Vec::new();
        for mat in matches {
            let searcher = mat
                .ast
                .as_ref()
                .map(|a| a.as_ref())
                .filter(|_| egraph.are_explanations_enabled());
            for subst in &mat.substs {
                if !self.holds(egraph, subst) || !egraph.analysis.has_fuel() {
                    continue;
                }
                // Rules speak of Python values; a class also has one machine
                // representation, which the right side must have too (`False`
                // is a truth value, not the word of a boxed bool).
                let rhs = instantiate(&self.rhs.ast, egraph, subst);
                let repr = egraph[mat.eclass].data.repr;
                if repr.is_none() || egraph[rhs].data.repr != repr {
                    continue;
                }
                let ids = self
                    .rhs
                    .apply_one(egraph, mat.eclass, subst, searcher, rule_name);
                if !ids.is_empty() {
                    egraph.analysis.burn(rule_name.as_str());
                }
                added.extend(ids);
            }
        }
        added
    }

    fn apply_one(
        &self,
        egraph: &mut EGraph<Node, Facts>,
        eclass: Id,
        subst: &Subst,
        searcher_ast: Option<&PatternAst<Node>>,
        rule_name: Symbol,
    ) -> Vec<Id> {
        self.rhs
            .apply_one(egraph, eclass, subst, searcher_ast, rule_name)
    }

    fn get_pattern_ast(&self) -> Option<&PatternAst<Node>> {
        Some(&self.rhs.ast)
    }

    fn vars(&self) -> Vec<Var> {
        self.rhs.vars()
    }
}

/// Adds a pattern's term for these variables to the graph.
fn instantiate(ast: &PatternAst<Node>, egraph: &mut EGraph<Node, Facts>, subst: &Subst) -> Id {
    let mut ids: Vec<Id> = Vec::with_capacity(ast.len());
    for node in ast.as_ref() {
        let id = match node {
            ENodeOrVar::Var(v) => subst[*v],
            ENodeOrVar::ENode(n) => {
                let mut n = n.clone();
                n.update_children(|c| ids[usize::from(c)]);
                egraph.add(n)
            }
        };
        ids.push(id);
    }
    *ids.last().expect("a pattern has a root")
}

/// One rule as a rewrite.
pub fn rewrite(rule: &Rule) -> Result<Rewrite<Node, Facts>, String> {
    let guards = rule
        .guards
        .iter()
        .map(|g| (var(&g.var), g.types.clone()))
        .collect();
    Rewrite::new(
        rule.name.as_str(),
        Pattern::new(pattern(&rule.lhs)),
        Guarded {
            rhs: Pattern::new(pattern(&rule.rhs)),
            guards,
        },
    )
}

/// The rules the optimizer applies: every verified one.
pub fn verified() -> Vec<Rewrite<Node, Facts>> {
    skink_rules::verified_rules()
        .iter()
        .filter_map(|r| rewrite(r).ok())
        .collect()
}
