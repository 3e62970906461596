//! Differential testing of a rule: both sides evaluated by CPython (the oracle)
//! on generated values, edge cases first (`check_rule.py`).

use serde::Deserialize;
use skink_rules::Rule;

const CHECKER: &str = include_str!("check_rule.py");

/// What the oracle found: how many cases agreed, and the first that did not.
#[derive(Clone, Debug, Deserialize, PartialEq)]
pub struct Tested {
    pub cases: usize,
    pub counterexample: Option<String>,
}

/// A Python variable for a rule variable (prefixed: a rule may name one `abs`).
fn py_var(v: &str) -> String {
    format!("v_{v}")
}

/// Runs both sides of `rule` on every typing its guards allow.
pub fn test_rule(rule: &Rule) -> Result<Tested, String> {
    let vars: Vec<String> = rule.guards.iter().map(|g| g.var.clone()).collect();
    let params: Vec<String> = vars.iter().map(|v| py_var(v)).collect();
    let lambda = |side: &skink_rules::Term| {
        format!("lambda {}: {}", params.join(", "), side.python(&py_var))
    };
    let typings: Vec<Vec<&str>> = rule
        .typings()
        .iter()
        .map(|t| t.iter().map(|(_, ty)| ty.name()).collect())
        .collect();
    let spec = serde_json::json!({
        "vars": vars,
        "typings": typings,
        "lhs": lambda(&rule.lhs),
        "rhs": lambda(&rule.rhs),
        // One fixed seed per rule name: the same rule is tested on the same values.
        "seed": rule.name.bytes().fold(0u64, |h, b| h.wrapping_mul(31).wrapping_add(b as u64)),
    });
    let source = CHECKER.replace(
        "print(json.dumps(check(SPEC)))",
        &format!(
            "SPEC = json.loads({:?})\nprint(json.dumps(check(SPEC)))",
            spec.to_string()
        ),
    );
    let out = skink_oracle::run(&source, "check_rule.py", &[])?;
    if out.exit_code != 0 {
        return Err(format!(
            "the oracle could not check rule `{}`: {}",
            rule.name, out.stderr_last_line
        ));
    }
    let last = out.stdout.lines().last().unwrap_or("");
    serde_json::from_str(last).map_err(|e| format!("bad checker output `{last}`: {e}"))
}
