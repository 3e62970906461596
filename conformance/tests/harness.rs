//! The harness itself must be able to fail: a wrong expectation is a failure, an
//! xfail case that passes is an unexpected pass, an xfail case that fails is fine.

use skink_conformance::*;

fn write_case(dir: &std::path::Path, name: &str, source: &str, expected: &Outcome) {
    let feature = dir.join("demo");
    std::fs::create_dir_all(&feature).expect("mkdir");
    std::fs::write(feature.join(format!("{name}.py")), source).expect("write case");
    let json = serde_json::to_string(expected).expect("json");
    std::fs::write(feature.join(format!("{name}.expected.json")), json).expect("write expectation");
}

fn outcome(stdout: &str) -> Outcome {
    Outcome {
        stdout: stdout.into(),
        exit_code: 0,
        stderr_last_line: String::new(),
    }
}

fn check(source: &str, expected_stdout: &str, verdict: fn(&Verdict) -> bool) {
    let dir = tempfile::tempdir().expect("temp dir");
    write_case(dir.path(), "case", source, &outcome(expected_stdout));
    let cases = discover(dir.path()).expect("discover");
    let got = judge(&cases[0], dir.path());
    assert!(verdict(&got), "unexpected verdict {got:?} for {source:?}");
}

#[test]
fn matching_output_passes() {
    check("print(6 * 7)\n", "42\n", |v| *v == Verdict::Pass);
}

#[test]
fn wrong_expectation_fails() {
    check(
        "print(6 * 7)\n",
        "43\n",
        |v| matches!(v, Verdict::Fail(why) if why.contains("stdout differs")),
    );
}

#[test]
fn xfail_that_fails_is_expected() {
    check("# xfail: demonstrates the header\nprint(1)\n", "2\n", |v| {
        *v == Verdict::ExpectedFailure
    });
}

#[test]
fn xfail_that_passes_is_loud() {
    check("# xfail: demonstrates the header\nprint(1)\n", "1\n", |v| {
        *v == Verdict::UnexpectedPass
    });
}

#[test]
fn rejected_program_fails_with_the_diagnostic() {
    check(
        "class A(metaclass=type):\n    pass\n",
        "",
        |v| matches!(v, Verdict::Fail(why) if why.contains("class keyword argument")),
    );
}
