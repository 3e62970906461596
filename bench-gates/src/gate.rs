//! The gate: a run's measurements against the baseline and the thresholds of
//! `gates.toml`. Every failure names the program and the metric.

use serde::{Deserialize, Serialize};

use crate::baseline::{Baseline, Entry};
use crate::report::{BenchResult, Report, grouped};
use crate::suite::{Limits, Suite};

/// A reason the gate fails, or (as a note) something worth knowing that does not fail it.
#[derive(Clone, Debug, Deserialize, Serialize, PartialEq)]
pub struct Finding {
    pub program: String,
    pub metric: String,
    pub detail: String,
}

#[derive(Clone, Debug, Default, Deserialize, Serialize, PartialEq)]
pub struct GateOutcome {
    pub violations: Vec<Finding>,
    pub notes: Vec<Finding>,
}

impl GateOutcome {
    pub fn passed(&self) -> bool {
        self.violations.is_empty()
    }

    fn fail(&mut self, program: &str, metric: &str, detail: String) {
        self.violations.push(Finding {
            program: program.to_string(),
            metric: metric.to_string(),
            detail,
        });
    }

    fn note(&mut self, program: &str, metric: &str, detail: String) {
        self.notes.push(Finding {
            program: program.to_string(),
            metric: metric.to_string(),
            detail,
        });
    }
}

/// The least a benchmark runs under CPython 3.11, in seconds.
pub const MIN_CPYTHON_SECONDS: f64 = 0.5;

/// Checks every program of `report` against `baseline` and the limits of `suite`.
pub fn evaluate(report: &Report, suite: &Suite, baseline: &Baseline) -> GateOutcome {
    let mut outcome = GateOutcome::default();
    if let Some(startup) = &report.startup {
        check_program(
            &mut outcome,
            startup,
            Some(&baseline.startup),
            &suite.startup.limits,
            None,
        );
    }
    for result in &report.benchmarks {
        let Some(bench) = suite.benchmarks.iter().find(|b| b.name == result.name) else {
            outcome.fail(
                &result.name,
                "suite",
                "measured but not in gates.toml".to_string(),
            );
            continue;
        };
        check_program(
            &mut outcome,
            result,
            baseline.benchmarks.get(&result.name),
            &bench.limits,
            Some(bench.min_speedup),
        );
    }
    outcome
}

fn check_program(
    outcome: &mut GateOutcome,
    result: &BenchResult,
    baseline: Option<&Entry>,
    limits: &Limits,
    min_speedup: Option<f64>,
) {
    let name = &result.name;
    if let Some(e) = &result.error {
        outcome.fail(name, "run", e.clone());
        return;
    }
    if let Some(m) = &result.mismatch {
        outcome.fail(
            name,
            "output",
            format!(
                "with args [{}] the compiled program printed something else than CPython 3.11",
                m.args.join(" ")
            ),
        );
        return;
    }
    let empty = Entry::default();
    let base = baseline.unwrap_or(&empty);
    let metrics = [
        (
            "instructions",
            result.instructions,
            base.instructions,
            limits.instructions,
        ),
        (
            "binary_size",
            result.binary_size,
            base.binary_size,
            limits.binary_size,
        ),
        (
            "compile_instructions",
            result.compile_instructions,
            base.compile_instructions,
            limits.compile_instructions,
        ),
    ];
    for (metric, measured, accepted, limit) in metrics {
        let Some(measured) = measured else { continue };
        let Some(accepted) = accepted else {
            outcome.fail(
                name,
                metric,
                format!(
                    "{} measured but the baseline has no value; record one with `skink bench --update-baseline`",
                    grouped(measured)
                ),
            );
            continue;
        };
        let change = measured as f64 / accepted.max(1) as f64 - 1.0;
        // Exactly at the limit passes: 1030 against 1000 with +3% must not fail on rounding.
        let slack = 1e-9;
        if change > limit + slack {
            outcome.fail(
                name,
                metric,
                format!(
                    "{} against the baseline {}: {:+.2}%, past the limit of +{:.1}%",
                    grouped(measured),
                    grouped(accepted),
                    change * 100.0,
                    limit * 100.0
                ),
            );
        } else if -change > limit + slack {
            outcome.note(
                name,
                metric,
                format!(
                    "{} against the baseline {}: {:+.2}%; record the gain with `skink bench --update-baseline`",
                    grouped(measured),
                    grouped(accepted),
                    change * 100.0
                ),
            );
        }
    }
    if let (Some(wall), Some(floor)) = (&result.wall, min_speedup) {
        // Shorter runs would let process startup, not the program, decide the speedup.
        if wall.cpython_seconds < MIN_CPYTHON_SECONDS {
            outcome.note(
                name,
                "speedup",
                format!(
                    "CPython ran it in {:.3} s, under the {MIN_CPYTHON_SECONDS} s a benchmark must take; raise its args",
                    wall.cpython_seconds
                ),
            );
        }
        let speedup = wall.speedup();
        if speedup < floor {
            outcome.fail(
                name,
                "speedup",
                format!(
                    "{speedup:.2}x against CPython 3.11 ({:.3} s against {:.3} s), below the floor of {floor:.2}x",
                    wall.skink_seconds, wall.cpython_seconds
                ),
            );
        }
    }
}

/// The gate's verdict as lines for the terminal.
pub fn summary(outcome: &GateOutcome) -> String {
    let mut out = String::new();
    for v in &outcome.violations {
        out.push_str(&format!("FAIL {} {}: {}\n", v.program, v.metric, v.detail));
    }
    for n in &outcome.notes {
        out.push_str(&format!("note {} {}: {}\n", n.program, n.metric, n.detail));
    }
    if outcome.passed() {
        out.push_str("gate: passed\n");
    } else {
        out.push_str(&format!(
            "gate: FAILED ({} violation{})\n",
            outcome.violations.len(),
            if outcome.violations.len() == 1 {
                ""
            } else {
                "s"
            }
        ));
    }
    out
}

#[cfg(test)]
mod tests {
    use std::path::PathBuf;

    use super::*;
    use crate::report::{Mismatch, WallTime};
    use crate::suite::{Benchmark, Startup};

    const LIMITS: Limits = Limits {
        instructions: 0.03,
        binary_size: 0.05,
        compile_instructions: 0.05,
    };

    /// `spec` has a line per measurement: `program metric measured baseline`, where
    /// baseline may be `-` (none); `program speedup cpython [skink]` gives the
    /// seconds (skink's default to 1) and `program output wrong` needs no baseline. Every benchmark has a speedup floor of 1.0; `hello` is the
    /// startup program.
    fn check(spec: &str, expect: &str) {
        let mut report = Report {
            skink_version: String::new(),
            skink_profile: "release".into(),
            python_version: String::new(),
            valgrind_version: String::new(),
            mode: "full".into(),
            startup: None,
            benchmarks: Vec::new(),
            gate: None,
        };
        let mut baseline = Baseline::default();
        let mut suite = Suite {
            dir: PathBuf::new(),
            startup: Startup {
                name: "hello".into(),
                path: PathBuf::new(),
                limits: LIMITS,
            },
            benchmarks: Vec::new(),
        };
        for line in spec.lines().map(str::trim).filter(|l| !l.is_empty()) {
            let words: Vec<&str> = line.split_whitespace().collect();
            let (program, metric) = (words[0], words[1]);
            let result = if program == "hello" {
                report
                    .startup
                    .get_or_insert_with(|| BenchResult::new("hello"))
            } else {
                if !suite.benchmarks.iter().any(|b| b.name == program) {
                    suite.benchmarks.push(Benchmark {
                        name: program.into(),
                        path: PathBuf::new(),
                        args: Vec::new(),
                        count_args: Vec::new(),
                        quick: false,
                        min_speedup: 1.0,
                        limits: LIMITS,
                    });
                    report.benchmarks.push(BenchResult::new(program));
                }
                report
                    .benchmarks
                    .iter_mut()
                    .find(|r| r.name == program)
                    .unwrap()
            };
            let entry = if program == "hello" {
                &mut baseline.startup
            } else {
                baseline.benchmarks.entry(program.into()).or_default()
            };
            let accepted = words.get(3).and_then(|w| w.parse().ok());
            match metric {
                "instructions" => {
                    result.instructions = words[2].parse().ok();
                    entry.instructions = accepted;
                }
                "binary_size" => {
                    result.binary_size = words[2].parse().ok();
                    entry.binary_size = accepted;
                }
                "compile_instructions" => {
                    result.compile_instructions = words[2].parse().ok();
                    entry.compile_instructions = accepted;
                }
                "speedup" => {
                    result.wall = Some(WallTime {
                        runs: 5,
                        cpython_seconds: words[2].parse().unwrap(),
                        skink_seconds: words.get(3).map_or(1.0, |w| w.parse().unwrap()),
                    });
                }
                "output" => {
                    result.mismatch = Some(Mismatch {
                        args: vec!["10".into()],
                        expected: "1\n".into(),
                        actual: "2\n".into(),
                    });
                }
                other => panic!("unknown metric {other}"),
            }
        }
        let outcome = evaluate(&report, &suite, &baseline);
        assert_eq!(summary(&outcome), expect, "for\n{spec}");
    }

    #[test]
    fn within_limits_passes() {
        check(
            "hello instructions 1000 1000
             sort instructions 1030 1000
             sort binary_size 1050 1000
             sort compile_instructions 960 1000
             sort speedup 1.0",
            "gate: passed\n",
        );
    }

    #[test]
    fn each_metric_past_its_limit_is_named() {
        check(
            "hello binary_size 1051 1000
             sort instructions 1031 1000
             dicts compile_instructions 1100 1000
             dicts speedup 0.9",
            "FAIL hello binary_size: 1,051 against the baseline 1,000: +5.10%, past the limit of +5.0%\n\
             FAIL sort instructions: 1,031 against the baseline 1,000: +3.10%, past the limit of +3.0%\n\
             FAIL dicts compile_instructions: 1,100 against the baseline 1,000: +10.00%, past the limit of +5.0%\n\
             FAIL dicts speedup: 0.90x against CPython 3.11 (1.000 s against 0.900 s), below the floor of 1.00x\n\
             gate: FAILED (4 violations)\n",
        );
    }

    #[test]
    fn a_wrong_output_fails_and_hides_the_other_metrics() {
        check(
            "sort instructions 10 1000
             sort output wrong",
            "FAIL sort output: with args [10] the compiled program printed something else than CPython 3.11\n\
             gate: FAILED (1 violation)\n",
        );
    }

    #[test]
    fn a_missing_baseline_fails_and_a_gain_is_a_note() {
        check(
            "sort instructions 1000 -
             dicts instructions 800 1000",
            "FAIL sort instructions: 1,000 measured but the baseline has no value; record one with `skink bench --update-baseline`\n\
             note dicts instructions: 800 against the baseline 1,000: -20.00%; record the gain with `skink bench --update-baseline`\n\
             gate: FAILED (1 violation)\n",
        );
    }

    #[test]
    fn a_benchmark_too_short_under_cpython_is_noted() {
        check(
            "sort speedup 0.4 0.2",
            "note sort speedup: CPython ran it in 0.400 s, under the 0.5 s a benchmark must take; raise its args\n\
             gate: passed\n",
        );
    }
}
