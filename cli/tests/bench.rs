//! `skink bench --gate` end to end, as a release manager runs it: it passes
//! against a baseline of what is measured, and fails naming the benchmark and
//! the metric when the baseline is 10% better than reality.

use std::path::{Path, PathBuf};
use std::process::Command;

struct Run {
    code: Option<i32>,
    stdout: String,
    stderr: String,
}

fn bench(dir: &Path, args: &[&str]) -> Run {
    let suite = Path::new(env!("CARGO_MANIFEST_DIR")).join("../bench-gates");
    let out = Command::new(env!("CARGO_BIN_EXE_skink"))
        .arg("bench")
        .arg("--suite")
        .arg(&suite)
        .args(args)
        .current_dir(dir)
        .output()
        .expect("skink runs");
    Run {
        code: out.status.code(),
        stdout: String::from_utf8_lossy(&out.stdout).into_owned(),
        stderr: String::from_utf8_lossy(&out.stderr).into_owned(),
    }
}

/// A baseline with hello world's measured values and `bench`'s scaled by `scale`.
fn write_baseline(path: &PathBuf, report: &serde_json::Value, bench: &str, scale: f64) {
    let measured = &report["benchmarks"][0];
    let scaled = |metric: &str| (measured[metric].as_u64().expect("a count") as f64 * scale) as u64;
    let text = serde_json::json!({
        "startup": {
            "instructions": report["startup"]["instructions"],
            "binary_size": report["startup"]["binary_size"],
        },
        "benchmarks": {
            bench: {
                "instructions": scaled("instructions"),
                "binary_size": scaled("binary_size"),
            }
        }
    });
    std::fs::write(path, text.to_string()).expect("write baseline");
}

#[test]
fn the_gate_fails_naming_the_culprit_against_a_baseline_ten_percent_better() {
    let work = tempfile::tempdir().expect("tempdir");
    let dir = work.path();
    let measured = bench(
        dir,
        &["--quick", "--filter", "int_arith", "--json", "run.json"],
    );
    assert_eq!(
        measured.code,
        Some(0),
        "{}{}",
        measured.stdout,
        measured.stderr
    );
    assert!(measured.stdout.contains("int_arith"), "{}", measured.stdout);
    assert!(
        measured.stderr.contains("int_arith: counting instructions"),
        "{}",
        measured.stderr
    );
    let report: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(dir.join("run.json")).expect("report"))
            .expect("json");
    let baseline = dir.join("baseline.json");

    let gate = |scale: f64| {
        write_baseline(&baseline, &report, "int_arith", scale);
        const GATE: [&str; 6] = [
            "--quick",
            "--filter",
            "int_arith",
            "--gate",
            "--baseline",
            "baseline.json",
        ];
        bench(dir, &GATE)
    };
    let same = gate(1.0);
    assert_eq!(same.code, Some(0), "{}{}", same.stdout, same.stderr);
    assert!(same.stdout.contains("gate: passed"), "{}", same.stdout);

    let better = gate(0.9);
    assert_eq!(better.code, Some(1), "{}{}", better.stdout, better.stderr);
    let failures: Vec<&str> = better
        .stdout
        .lines()
        .filter(|l| l.starts_with("FAIL"))
        .collect();
    assert_eq!(failures.len(), 2, "{}", better.stdout);
    assert!(
        failures[0].starts_with("FAIL int_arith instructions: "),
        "{}",
        failures[0]
    );
    assert!(failures[0].contains("+11.1"), "{}", failures[0]);
    assert!(
        failures[1].starts_with("FAIL int_arith binary_size: "),
        "{}",
        failures[1]
    );
    assert!(
        better.stdout.contains("gate: FAILED (2 violations)"),
        "{}",
        better.stdout
    );
}

#[test]
fn bad_arguments_are_refused_before_any_work() {
    let work = tempfile::tempdir().expect("tempdir");
    let few = bench(work.path(), &["--runs", "3"]);
    assert_eq!(few.code, Some(2), "{}", few.stderr);
    assert!(few.stderr.contains("--runs"), "{}", few.stderr);
    let nothing = bench(work.path(), &["--quick", "--filter", "no_such_benchmark"]);
    assert_eq!(nothing.code, Some(1), "{}", nothing.stderr);
    assert!(
        nothing
            .stderr
            .contains("no benchmark matches `no_such_benchmark`"),
        "{}",
        nothing.stderr
    );
    let no_baseline = bench(
        work.path(),
        &["--quick", "--gate", "--baseline", "missing.json"],
    );
    assert_eq!(no_baseline.code, Some(1), "{}", no_baseline.stderr);
    assert!(
        no_baseline
            .stderr
            .contains("cannot read the baseline missing.json"),
        "{}",
        no_baseline.stderr
    );
}
