//! What a run measured, as JSON (`--json`), as the terminal table and as the
//! generated page `docs/bench.md`.

use std::fmt::Write;

use serde::{Deserialize, Serialize};

use crate::gate::GateOutcome;

/// Interleaved wall-time runs of CPython and the compiled program: medians.
#[derive(Clone, Debug, Deserialize, Serialize, PartialEq)]
pub struct WallTime {
    pub runs: usize,
    pub cpython_seconds: f64,
    pub skink_seconds: f64,
}

impl WallTime {
    /// How many times faster than CPython (above 1) or slower (below 1).
    pub fn speedup(&self) -> f64 {
        self.cpython_seconds / self.skink_seconds
    }
}

/// A compiled program that printed something else than CPython.
#[derive(Clone, Debug, Deserialize, Serialize, PartialEq)]
pub struct Mismatch {
    pub args: Vec<String>,
    pub expected: String,
    pub actual: String,
}

/// Everything measured for one program; `None` where a metric was not measured.
#[derive(Clone, Debug, Default, Deserialize, Serialize, PartialEq)]
pub struct BenchResult {
    pub name: String,
    /// Could not compile or run; nothing else is trusted then.
    pub error: Option<String>,
    /// A wrong answer: a failure, never a speedup.
    pub mismatch: Option<Mismatch>,
    pub instructions: Option<u64>,
    pub binary_size: Option<u64>,
    pub compile_instructions: Option<u64>,
    /// Wall time of the in-process compilation (reported, not gated).
    pub compile_seconds: Option<f64>,
    pub wall: Option<WallTime>,
}

impl BenchResult {
    pub fn new(name: &str) -> BenchResult {
        BenchResult {
            name: name.to_string(),
            ..BenchResult::default()
        }
    }

    /// Compiled, ran and printed what CPython printed.
    pub fn is_sound(&self) -> bool {
        self.error.is_none() && self.mismatch.is_none()
    }
}

/// One run of the suite.
#[derive(Clone, Debug, Deserialize, Serialize, PartialEq)]
pub struct Report {
    pub skink_version: String,
    /// The build of skink that compiled (release or debug): compile-time
    /// instructions are only comparable between equal builds.
    pub skink_profile: String,
    pub python_version: String,
    pub valgrind_version: String,
    /// `quick` (instruction counts of the quick benchmarks) or `full`.
    pub mode: String,
    pub startup: Option<BenchResult>,
    pub benchmarks: Vec<BenchResult>,
    pub gate: Option<GateOutcome>,
}

impl Report {
    /// The startup program first, then the benchmarks.
    pub fn all_results(&self) -> impl Iterator<Item = &BenchResult> {
        self.startup.iter().chain(&self.benchmarks)
    }
}

/// `1234567` as `1,234,567`.
pub fn grouped(n: u64) -> String {
    let digits = n.to_string();
    let mut out = String::new();
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push(',');
        }
        out.push(c);
    }
    out
}

fn or_dash<T>(value: Option<T>, show: impl Fn(T) -> String) -> String {
    value.map_or_else(|| "-".to_string(), show)
}

fn status(result: &BenchResult) -> &'static str {
    if result.error.is_some() {
        "error"
    } else if result.mismatch.is_some() {
        "WRONG"
    } else {
        "ok"
    }
}

const HEADERS: [&str; 8] = [
    "program",
    "output",
    "instructions",
    "binary",
    "compile instr",
    "CPython",
    "skink",
    "speedup",
];

fn row(result: &BenchResult) -> [String; 8] {
    [
        result.name.clone(),
        status(result).to_string(),
        or_dash(result.instructions, grouped),
        or_dash(result.binary_size, grouped),
        or_dash(result.compile_instructions, grouped),
        or_dash(result.wall.as_ref(), |w| seconds(w.cpython_seconds)),
        or_dash(result.wall.as_ref(), |w| seconds(w.skink_seconds)),
        or_dash(result.wall.as_ref(), |w| format!("{:.2}x", w.speedup())),
    ]
}

fn seconds(s: f64) -> String {
    if s < 0.1 {
        format!("{:.1} ms", s * 1000.0)
    } else {
        format!("{s:.3} s")
    }
}

/// The terminal table: one row per program, then the gate's verdict.
pub fn table(report: &Report) -> String {
    let mut rows: Vec<[String; 8]> = report.all_results().map(row).collect();
    if report.startup.is_some() {
        // Its speedup is process startup, never to be read as a benchmark's.
        rows[0][0].push_str(" (startup)");
    }
    let mut widths = HEADERS.map(str::len);
    for r in &rows {
        for (w, cell) in widths.iter_mut().zip(r) {
            *w = (*w).max(cell.chars().count());
        }
    }
    let mut out = String::new();
    let line = |out: &mut String, cells: &[String]| {
        for (i, (cell, w)) in cells.iter().zip(widths).enumerate() {
            let pad = w - cell.chars().count();
            if i < 2 {
                let _ = write!(out, "{cell}{}", " ".repeat(pad));
            } else {
                let _ = write!(out, "{}{cell}", " ".repeat(pad));
            }
            out.push_str(if i + 1 < cells.len() { "  " } else { "\n" });
        }
    };
    line(&mut out, &HEADERS.map(String::from));
    for r in &rows {
        line(&mut out, r);
    }
    for result in report.all_results() {
        if let Some(e) = &result.error {
            let _ = writeln!(out, "\n{}: {e}", result.name);
        }
        if let Some(m) = &result.mismatch {
            let _ = writeln!(
                out,
                "\n{} {}: printed something else than CPython\n  CPython: {}\n  skink:   {}",
                result.name,
                m.args.join(" "),
                truncated(&m.expected),
                truncated(&m.actual)
            );
        }
    }
    out
}

/// The first 200 characters, quoted.
fn truncated(text: &str) -> String {
    let shown: String = text.chars().take(200).collect();
    format!("{shown:?}")
}

/// `docs/bench.md`, generated from a full run.
pub fn markdown(report: &Report, suite: &crate::suite::Suite) -> String {
    let mut out = String::new();
    let _ = writeln!(
        out,
        "# Benchmarks and gates\n\n\
         Generated by `skink bench --doc docs/bench.md` from one run of the whole suite; do not edit.\n\
         skink {} ({} build), CPython {}, {}.\n",
        report.skink_version, report.skink_profile, report.python_version, report.valgrind_version
    );
    out.push_str(
        "Every benchmark in `bench-gates/programs/` was written for skink. Each reads its size from \
         `sys.argv`, so nothing can be folded at compile time, and prints a checksum that is \
         compared with CPython's on every run: a wrong answer is a failure, never a speedup.\n\n",
    );
    out.push_str("## Speed against CPython 3.11\n\n");
    let runs = report
        .benchmarks
        .iter()
        .find_map(|r| r.wall.as_ref())
        .map_or(0, |w| w.runs);
    let _ = write!(
        out,
        "Wall time of the whole process, CPython and the compiled program run alternately, median \
         of {runs} runs each. Reported beside the gates; only the floor `min speedup` is checked, \
         with a wide margin, because wall time on a shared machine is noisy.\n\n",
    );
    out.push_str("| program | args | CPython | skink | speedup | min speedup |\n");
    out.push_str("|---|---|--:|--:|--:|--:|\n");
    for result in &report.benchmarks {
        let bench = suite.benchmarks.iter().find(|b| b.name == result.name);
        let _ = writeln!(
            out,
            "| {} | {} | {} | {} | {} | {} |",
            result.name,
            bench.map_or(String::new(), |b| b.args.join(" ")),
            or_dash(result.wall.as_ref(), |w| seconds(w.cpython_seconds)),
            or_dash(result.wall.as_ref(), |w| seconds(w.skink_seconds)),
            match (&result.mismatch, &result.error, &result.wall) {
                (Some(_), _, _) => "wrong output".to_string(),
                (_, Some(_), _) => "error".to_string(),
                (_, _, Some(w)) => format!("{:.2}x", w.speedup()),
                _ => "-".to_string(),
            },
            bench.map_or(String::new(), |b| format!("{:.2}x", b.min_speedup)),
        );
    }
    if let Some(s) = &report.startup {
        let _ = writeln!(
            out,
            "\nStartup (`{}.py`, hello world, measured on its own and never mixed into a speedup), \
             median of {} runs: skink {}, CPython {}; binary {} bytes.\n",
            s.name,
            s.wall.as_ref().map_or(0, |w| w.runs),
            or_dash(s.wall.as_ref(), |w| seconds(w.skink_seconds)),
            or_dash(s.wall.as_ref(), |w| seconds(w.cpython_seconds)),
            or_dash(s.binary_size, grouped),
        );
    }
    out.push_str("## Gated metrics\n\n");
    out.push_str(
        "Exact counts: the same build and input execute the same instructions on a busy machine. \
         A metric fails the gate when it grows past the baseline by more than its limit.\n\n",
    );
    out.push_str("| program | count args | instructions | limit | binary size | limit | compile instructions | limit | gate |\n");
    out.push_str("|---|---|--:|--:|--:|--:|--:|--:|---|\n");
    let programs = report
        .startup
        .iter()
        .map(|r| (r, true))
        .chain(report.benchmarks.iter().map(|r| (r, false)));
    for (result, is_startup) in programs {
        let (args, limits) = if is_startup {
            ("(none)".to_string(), suite.startup.limits)
        } else {
            match suite.benchmarks.iter().find(|b| b.name == result.name) {
                Some(b) => (b.count_args.join(" "), b.limits),
                None => continue,
            }
        };
        let failed = report
            .gate
            .as_ref()
            .is_some_and(|g| g.violations.iter().any(|v| v.program == result.name));
        let _ = writeln!(
            out,
            "| {} | {} | {} | +{:.0}% | {} | +{:.0}% | {} | +{:.0}% | {} |",
            result.name,
            args,
            or_dash(result.instructions, grouped),
            limits.instructions * 100.0,
            or_dash(result.binary_size, grouped),
            limits.binary_size * 100.0,
            or_dash(result.compile_instructions, grouped),
            limits.compile_instructions * 100.0,
            match (&report.gate, failed) {
                (None, _) => "not checked",
                (Some(_), true) => "FAIL",
                (Some(_), false) => "pass",
            }
        );
    }
    if let Some(gate) = &report.gate {
        out.push('\n');
        if gate.violations.is_empty() {
            out.push_str("The gate passed against `bench-gates/baseline.json`.\n");
        }
        for v in &gate.violations {
            let _ = writeln!(out, "- FAIL {} {}: {}", v.program, v.metric, v.detail);
        }
        for n in &gate.notes {
            let _ = writeln!(out, "- note {} {}: {}", n.program, n.metric, n.detail);
        }
    }
    out.push_str(HOW_TO_READ);
    out
}

const HOW_TO_READ: &str = "
## How to read this

- **instructions**: instructions the compiled program executes under valgrind's cachegrind, \
run with `count args` in an empty environment. The runtime draws no randomness, so the count \
repeats exactly across runs and machine load; it moves only when the compiled code or the \
runtime changes. This is the gate that catches a slowdown, as in rustc-perf and iai-callgrind.
- **binary size**: the stripped executable, in bytes.
- **compile instructions**: instructions `skink build` executes (the linker, a child process, \
not counted). Measured only by a release build of skink.
- **CPython / skink / speedup**: medians of interleaved wall-time runs with `args`, process \
start included on both sides; speedup = CPython time / skink time, so 2.00x is twice as fast \
and 0.50x half as fast. Noisy, so not gated beyond the `min speedup` floor.
- Thresholds live in `bench-gates/gates.toml`, accepted values in `bench-gates/baseline.json`. \
`skink bench --gate` fails on a wrong output or a metric past its limit and names the program \
and the metric; when an improvement passes the limit the other way it says so, and \
`skink bench --update-baseline` records the new values.
";
