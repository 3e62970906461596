//! `status.json`: what verification concluded about each rule, written by
//! `skink rules verify --write` and read by the optimizer. Each verdict carries
//! the rule's text, so a rule edited since is unverified until checked again.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

use crate::syntax::Rule;

#[derive(Clone, Debug, Deserialize, Serialize, PartialEq)]
#[serde(tag = "status", rename_all = "lowercase")]
pub enum Status {
    /// Proved by the SMT solver for all values, and tested on `cases` values.
    Proved { cases: usize },
    /// Agreed with CPython on `cases` generated values (no proof: floats, or ops
    /// the solver's encoding lacks).
    Tested { cases: usize },
    /// A counterexample: the values and what each side gave.
    Refuted { counterexample: String },
}

impl Status {
    pub fn is_verified(&self) -> bool {
        matches!(self, Status::Proved { .. } | Status::Tested { .. })
    }

    pub fn label(&self) -> String {
        match self {
            Status::Proved { cases } => format!("proved (and tested, {cases} cases)"),
            Status::Tested { cases } => format!("tested ({cases} cases)"),
            Status::Refuted { counterexample } => format!("refuted: {counterexample}"),
        }
    }
}

#[derive(Clone, Debug, Deserialize, Serialize, PartialEq)]
pub struct Verdict {
    /// The rule as it was verified: guards and both sides.
    pub rule: String,
    #[serde(flatten)]
    pub status: Status,
}

#[derive(Clone, Debug, Default, Deserialize, Serialize, PartialEq)]
pub struct StatusFile {
    pub rules: BTreeMap<String, Verdict>,
}

/// The text that identifies what was verified: the guards and both sides.
pub fn signature(rule: &Rule) -> String {
    let guards: Vec<String> = rule
        .guards
        .iter()
        .map(|g| {
            let tys: Vec<&str> = g.types.iter().map(|t| t.name()).collect();
            format!("?{}: {}", g.var, tys.join("|"))
        })
        .collect();
    format!("({}) {} => {}", guards.join(", "), rule.lhs, rule.rhs)
}

impl StatusFile {
    /// The verdict on `rule` as it is now, if it was verified in this form.
    pub fn get(&self, rule: &Rule) -> Option<&Status> {
        self.rules
            .get(&rule.name)
            .filter(|v| v.rule == signature(rule))
            .map(|v| &v.status)
    }

    pub fn set(&mut self, rule: &Rule, status: Status) {
        self.rules.insert(
            rule.name.clone(),
            Verdict {
                rule: signature(rule),
                status,
            },
        );
    }

    pub fn to_json(&self) -> String {
        let mut text = serde_json::to_string_pretty(self).unwrap_or_default();
        text.push('\n');
        text
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::syntax::parse_family;

    #[test]
    fn a_verdict_covers_the_rule_only_as_it_was_verified() {
        let rule = |rhs: &str| {
            let text = format!("# x\nrule r (?x: int)\n    (add ?x 0) => {rhs}\n");
            parse_family("t", &text).0.rules.remove(0)
        };
        let mut file = StatusFile::default();
        file.set(&rule("?x"), Status::Proved { cases: 3 });
        assert_eq!(file.get(&rule("?x")), Some(&Status::Proved { cases: 3 }));
        assert_eq!(file.get(&rule("(sub ?x 0)")), None, "edited since verified");
        let json = file.to_json();
        let back: StatusFile = serde_json::from_str(&json).expect("round trip");
        assert_eq!(back, file);
    }
}
