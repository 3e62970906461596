//! `rewrite-rules/status.json` and `docs/rules.md` are what verification says
//! today: every rule has a current verdict, none is refuted, and verifying again
//! gives the same verdicts (exactly, when this build proves with Z3).

use skink_rules::{Status, recorded_status};

#[test]
fn every_rule_is_verified_and_the_record_is_current() {
    let families = skink_rules::families().expect("the rule files parse");
    let recorded = recorded_status();
    let mut problems = Vec::new();
    for rule in families.iter().flat_map(|f| &f.rules) {
        let Some(recorded) = recorded.get(rule) else {
            problems.push(format!("{}: no verdict for the rule as written", rule.name));
            continue;
        };
        if !recorded.is_verified() {
            problems.push(format!("{}: {}", rule.name, recorded.label()));
        }
        let now = skink_rules_verify::verify(rule).expect("the oracle runs");
        let agrees = if skink_rules_verify::PROVES {
            &now == recorded
        } else {
            // Without Z3 a proved rule can only be tested again, on the same cases.
            match (&now, recorded) {
                (
                    Status::Tested { cases: a },
                    Status::Proved { cases: b } | Status::Tested { cases: b },
                ) => a == b,
                _ => false,
            }
        };
        if !agrees {
            problems.push(format!(
                "{}: recorded {}, verified now {}",
                rule.name,
                recorded.label(),
                now.label()
            ));
        }
    }
    let stale: Vec<&String> = recorded
        .rules
        .keys()
        .filter(|name| {
            !families
                .iter()
                .flat_map(|f| &f.rules)
                .any(|r| &&r.name == name)
        })
        .collect();
    for name in stale {
        problems.push(format!(
            "{name}: a verdict for a rule that no longer exists"
        ));
    }
    assert!(
        problems.is_empty(),
        "run `skink rules verify --write` (a build with --features verify,smt):\n{}",
        problems.join("\n")
    );
    if skink_rules_verify::PROVES {
        let doc = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../../docs/rules.md");
        let text = std::fs::read_to_string(&doc).unwrap_or_default();
        assert!(
            text == skink_rules_verify::markdown(&families, &recorded),
            "docs/rules.md is stale: run `skink rules verify --write`"
        );
    }
}
