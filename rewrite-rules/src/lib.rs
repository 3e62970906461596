//! skink's rewrite rules as data: `rules/*.rules` (one family per file, see
//! [`syntax`]) over the pure ops of [`ops`], and `status.json`, the verdict of
//! `skink rules verify` on each. The optimizer takes [`verified_rules`] only: a
//! rule that is new, edited since it was verified, or refuted is never applied.

pub mod fold;
pub mod ops;
pub mod status;
pub mod syntax;

pub use ops::{Op, Ty};
pub use status::{Status, StatusFile};
pub use syntax::{Family, Rule, SyntaxError, Term};

/// The rule families, by file stem, as compiled into skink.
pub const FAMILIES: &[(&str, &str)] = &[
    ("bool", include_str!("../rules/bool.rules")),
    ("compare", include_str!("../rules/compare.rules")),
    ("float", include_str!("../rules/float.rules")),
    ("int_add", include_str!("../rules/int_add.rules")),
    ("int_bitwise", include_str!("../rules/int_bitwise.rules")),
    ("int_div", include_str!("../rules/int_div.rules")),
    ("int_mul", include_str!("../rules/int_mul.rules")),
    (
        "representation",
        include_str!("../rules/representation.rules"),
    ),
];

const STATUS: &str = include_str!("../status.json");

/// Every family, parsed; an error in any file is returned (they are all ours).
pub fn families() -> Result<Vec<Family>, Vec<SyntaxError>> {
    let mut out = Vec::new();
    let mut errors = Vec::new();
    for (name, text) in FAMILIES {
        let (family, errs) = syntax::parse_family(name, text);
        out.push(family);
        errors.extend(errs);
    }
    let mut names = std::collections::HashMap::new();
    for f in &out {
        for r in &f.rules {
            if let Some(other) = names.insert(r.name.clone(), f.name.clone()) {
                errors.push(SyntaxError {
                    file: format!("{}.rules", f.name),
                    line: r.line,
                    message: format!("rule `{}` is also in {other}.rules", r.name),
                });
            }
        }
    }
    if errors.is_empty() {
        Ok(out)
    } else {
        Err(errors)
    }
}

/// The verdicts recorded in `status.json`.
pub fn recorded_status() -> StatusFile {
    serde_json::from_str(STATUS).unwrap_or_default()
}

/// The rules the optimizer may apply: proved or tested, as they are now.
pub fn verified_rules() -> Vec<Rule> {
    let Ok(families) = families() else {
        return Vec::new();
    };
    let status = recorded_status();
    families
        .into_iter()
        .flat_map(|f| f.rules)
        .filter(|r| status.get(r).is_some_and(Status::is_verified))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_rules_file_is_compiled_in_and_parses() {
        let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("rules");
        let mut on_disk: Vec<String> = std::fs::read_dir(&dir)
            .expect("rules dir")
            .filter_map(|e| {
                let p = e.ok()?.path();
                (p.extension()? == "rules").then(|| p.file_stem()?.to_str().map(String::from))?
            })
            .collect();
        on_disk.sort();
        let compiled: Vec<String> = FAMILIES.iter().map(|(n, _)| n.to_string()).collect();
        assert_eq!(on_disk, compiled, "FAMILIES must list rules/*.rules");
        let families = families().unwrap_or_else(|e| {
            panic!(
                "{}",
                e.iter()
                    .map(|e| e.to_string())
                    .collect::<Vec<_>>()
                    .join("\n")
            )
        });
        let count: usize = families.iter().map(|f| f.rules.len()).sum();
        assert!(count >= 40, "{count} rules");
        assert!(families.iter().all(|f| !f.description.is_empty()));
    }

    /// `input` is a rules file; `expect` its parse: each rule's name, identity,
    /// and sides, or the errors.
    fn check(input: &str, expect: &str) {
        let (family, errors) = syntax::parse_family("t", input);
        let mut out = String::new();
        for r in &family.rules {
            out.push_str(&format!(
                "{} [{}] {} => {}\n",
                r.name, r.identity, r.lhs, r.rhs
            ));
        }
        for e in &errors {
            out.push_str(&format!("error {e}\n"));
        }
        assert_eq!(out, expect, "for\n{input}");
    }

    #[test]
    fn parses_rules_and_reports_each_mistake_at_its_line() {
        check(
            "# family\n\n# x + 0 == x\nrule a (?x: int)\n    (add ?x 0) => ?x\n",
            "a [x + 0 == x] (add ?x 0) => ?x\n",
        );
        check(
            "# x\nrule a (?x: int)\n    (add ?x 0) => ?y\n",
            "error t.rules:3: ?y is on the right side only\n",
        );
        check(
            "rule a (?x: int)\n    (add ?x 0) => ?x\n",
            "error t.rules:1: rule `a` has no identity comment above it\n",
        );
        check(
            "# x\nrule a (?x: int)\n    (ad ?x 0) => ?x\n",
            "error t.rules:3: unknown op `ad`\n",
        );
        check(
            "# x\nrule a (?x: float)\n    (invert ?x) => ?x\n",
            "error t.rules:3: left side: `invert` is not defined on (float)\n",
        );
        check(
            "# x\nrule a (?x: int, ?y: int)\n    (neg ?x) => ?x\n",
            "error t.rules:2: ?y is guarded but not in the left side\n",
        );
        check(
            "# x\nrule a (?x: int)\n    (add ?x) => ?x\n",
            "error t.rules:3: `add` takes 2 operand(s), not 1\n",
        );
    }
}
