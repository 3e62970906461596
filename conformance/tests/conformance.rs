//! The conformance suite as a test: every case compiled by skink must behave as its
//! recorded CPython outcome says; every recorded outcome must still be CPython's;
//! the checked-in compatibility matrix must be the one these results generate.

use skink_compiler::OptLevel;
use skink_conformance::*;

fn cases() -> Vec<Case> {
    discover(&cases_dir()).expect("the cases directory is readable")
}

#[test]
fn every_case_behaves_as_cpython() {
    let cases = cases();
    assert!(
        cases.len() >= 80,
        "the suite has shrunk to {} cases",
        cases.len()
    );
    let work = tempfile::tempdir().expect("temp dir");
    let verdicts = judge_all(&cases, work.path(), 2);
    let failures: Vec<String> = cases
        .iter()
        .zip(&verdicts)
        .filter(|(_, v)| !v.is_ok())
        .map(|(c, v)| match v {
            Verdict::Fail(why) => format!("FAIL {}\n{why}", c.id),
            _ => format!("UNEXPECTED PASS {} (remove its xfail header)", c.id),
        })
        .collect();
    assert!(
        failures.is_empty(),
        "{} of {} cases failed:\n\n{}",
        failures.len(),
        cases.len(),
        failures.join("\n")
    );

    let python = skink_oracle::python_version().expect("oracle");
    let generated = render_markdown(&report(&cases, &verdicts, &python));
    let checked_in =
        std::fs::read_to_string(repo_root().join("docs/compat.md")).unwrap_or_default();
    assert!(
        generated == checked_in,
        "docs/compat.md is stale: run `cargo run -p skink-conformance -- report`"
    );
}

#[test]
fn recorded_expectations_are_still_cpythons() {
    let mut stale = Vec::new();
    for case in cases() {
        let recorded = case.expected().expect("every case is blessed");
        let now = case.oracle().expect("the oracle runs");
        if recorded != now {
            stale.push(format!(
                "{}\n{}",
                case.id,
                describe_difference(&recorded, &now)
            ));
        }
    }
    assert!(
        stale.is_empty(),
        "expectations no longer match CPython (re-bless after checking):\n{}",
        stale.join("\n")
    );
}

/// The reference MIR interpreter runs every case's MIR as lowered (-O0) and
/// after the last pass of -O1, and must behave as CPython did: the MIR means
/// what the program means, before and after optimization.
#[test]
fn the_mir_interpreter_behaves_as_cpython() {
    let runner = std::path::Path::new(env!("CARGO_BIN_EXE_skink-conformance"));
    let work = tempfile::tempdir().expect("temp dir");
    let cases: Vec<Case> = cases().into_iter().filter(|c| c.xfail.is_none()).collect();
    let runs = [(OptLevel::None, "lower"), (OptLevel::Full, "egraph")];
    let failures: Vec<String> = in_parallel(&cases, 2, |case| {
        let expected = case.expected().expect("every case is blessed");
        let mut failed = Vec::new();
        for (opt, pass) in runs {
            let why = match case.run_interpreted(runner, work.path(), opt, pass) {
                Ok(actual) if actual == expected => continue,
                Ok(actual) => describe_difference(&expected, &actual),
                Err(e) => e,
            };
            failed.push(format!(
                "{} (MIR after {pass} at -O{}):\n{why}",
                case.id,
                opt.name()
            ));
        }
        failed
    })
    .into_iter()
    .flatten()
    .collect();
    assert!(
        failures.is_empty(),
        "{} interpreted runs differ from CPython:\n\n{}",
        failures.len(),
        failures.join("\n")
    );
}
