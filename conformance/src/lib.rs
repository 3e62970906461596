//! Conformance: `cases/<feature>/<name>.py` programs, each with the outcome CPython
//! 3.11 gave (`<name>.expected.json`, recorded by the oracle through `bless`). The
//! harness compiles every case with skink, runs it and compares stdout, exit code
//! and the last stderr line. A case whose first lines hold `# xfail: <reason>` is
//! expected to fail; an unexpected pass is reported as loudly as a failure.
//! The compatibility matrix (docs/compat.md, docs/compat.json) is generated here.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::process::Command;
use std::time::Duration;

use serde::{Deserialize, Serialize};
use skink_compiler::OptLevel;
pub use skink_outcome::{Outcome, describe_difference, run_command, run_with_timeout};

/// How long a compiled case may run before it counts as hung.
pub const RUN_TIMEOUT: Duration = Duration::from_secs(20);

#[derive(Clone, Debug)]
pub struct Case {
    /// `<feature>/<name>`.
    pub id: String,
    pub feature: String,
    pub source_path: PathBuf,
    pub expected_path: PathBuf,
    pub source: String,
    pub xfail: Option<String>,
}

/// The directory holding the cases of this repository.
pub fn cases_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("cases")
}

/// The repository root.
pub fn repo_root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("..")
}

fn xfail_reason(source: &str) -> Option<String> {
    source
        .lines()
        .take_while(|l| l.starts_with('#'))
        .find_map(|l| l.strip_prefix("# xfail:").map(|r| r.trim().to_string()))
}

/// Every case under `dir`, sorted by id.
pub fn discover(dir: &Path) -> Result<Vec<Case>, String> {
    let mut cases = Vec::new();
    let features =
        std::fs::read_dir(dir).map_err(|e| format!("cannot read {}: {e}", dir.display()))?;
    for feature in features {
        let feature = feature.map_err(|e| e.to_string())?.path();
        if !feature.is_dir() {
            continue;
        }
        let feature_name = feature
            .file_name()
            .map(|n| n.to_string_lossy().into_owned())
            .unwrap_or_default();
        for entry in std::fs::read_dir(&feature).map_err(|e| e.to_string())? {
            let path = entry.map_err(|e| e.to_string())?.path();
            if path.extension().is_none_or(|e| e != "py") {
                continue;
            }
            let stem = path
                .file_stem()
                .map(|s| s.to_string_lossy().into_owned())
                .unwrap_or_default();
            let source =
                std::fs::read_to_string(&path).map_err(|e| format!("{}: {e}", path.display()))?;
            cases.push(Case {
                id: format!("{feature_name}/{stem}"),
                feature: feature_name.clone(),
                expected_path: path.with_extension("expected.json"),
                source_path: path,
                xfail: xfail_reason(&source),
                source,
            });
        }
    }
    cases.sort_by(|a, b| a.id.cmp(&b.id));
    Ok(cases)
}

impl Case {
    /// The path programs see (in tracebacks): relative to the repository.
    pub fn display_path(&self) -> String {
        format!("conformance/cases/{}.py", self.id)
    }

    pub fn expected(&self) -> Result<Outcome, String> {
        let text = std::fs::read_to_string(&self.expected_path).map_err(|e| {
            format!(
                "{}: {e} (run the bless command)",
                self.expected_path.display()
            )
        })?;
        serde_json::from_str(&text).map_err(|e| format!("{}: {e}", self.expected_path.display()))
    }

    /// What CPython does with this case now.
    pub fn oracle(&self) -> Result<Outcome, String> {
        skink_oracle::run(&self.source, &self.display_path(), &[])
    }

    /// Records the oracle's outcome as the expectation.
    pub fn bless(&self) -> Result<Outcome, String> {
        let outcome = self.oracle()?;
        let mut text = serde_json::to_string_pretty(&outcome).map_err(|e| e.to_string())?;
        text.push('\n');
        std::fs::write(&self.expected_path, text)
            .map_err(|e| format!("{}: {e}", self.expected_path.display()))?;
        Ok(outcome)
    }

    /// Compiles the case with skink at `opt` into `work_dir` and runs it.
    pub fn run_compiled(&self, work_dir: &Path, opt: OptLevel) -> Result<Outcome, String> {
        let file = skink_compiler::SourceFile::new(self.display_path(), self.source.clone());
        let name = format!("{}.O{}", self.id.replace('/', "__"), opt.name());
        let exe = work_dir.join(&name);
        skink_compiler::build_at(&file, &exe, opt)
            .map_err(|e| format!("skink rejected it:\n{}", e.render()))?;
        // A fresh working directory per case, as the oracle gives each program.
        let cwd = work_dir.join(format!("{name}.cwd"));
        std::fs::create_dir_all(&cwd).map_err(|e| format!("{}: {e}", cwd.display()))?;
        run_with_timeout(&exe, &cwd, RUN_TIMEOUT)
    }

    /// Runs the case's MIR after `pass` at `opt` in the reference interpreter,
    /// through `runner` (the `skink-conformance` binary, whose `interp` command
    /// runs one program per process, as the runtime's state asks).
    pub fn run_interpreted(
        &self,
        runner: &Path,
        work_dir: &Path,
        opt: OptLevel,
        pass: &str,
    ) -> Result<Outcome, String> {
        let name = format!("{}.O{}.{pass}", self.id.replace('/', "__"), opt.name());
        let cwd = work_dir.join(format!("{name}.cwd"));
        std::fs::create_dir_all(&cwd).map_err(|e| format!("{}: {e}", cwd.display()))?;
        let mut command = Command::new(runner);
        command
            .current_dir(&cwd)
            .arg("interp")
            .arg(&self.source_path)
            .arg(self.display_path())
            .arg(opt.name())
            .arg(pass);
        run_command(command, RUN_TIMEOUT)
    }
}

/// `skink-conformance interp`: runs the program at `source_path`, shown as
/// `shown`, after MIR pass `pass` at level `opt` in the reference interpreter.
pub fn interpret(source_path: &Path, shown: &str, opt: &str, pass: &str) -> Result<i32, String> {
    let text = std::fs::read_to_string(source_path)
        .map_err(|e| format!("{}: {e}", source_path.display()))?;
    let file = skink_compiler::SourceFile::new(shown.to_string(), text);
    let opt = OptLevel::parse(opt).ok_or_else(|| format!("no optimization level {opt}"))?;
    let mir = skink_compiler::mir_after(&file, opt, Some(pass))
        .map_err(|e| format!("skink rejected it:\n{}", e.render()))?;
    skink_interp::run(mir, vec![shown.to_string()])
}

/// The verdict on one case.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub enum Verdict {
    Pass,
    /// Failed as its header says it would.
    ExpectedFailure,
    Fail(String),
    /// Marked xfail but passed: the header must go.
    UnexpectedPass,
}

impl Verdict {
    pub fn is_ok(&self) -> bool {
        matches!(self, Verdict::Pass | Verdict::ExpectedFailure)
    }
}

/// Compiles, runs and judges one case.
/// Judges a case compiled at every optimization level: it passes when each
/// level's program behaves as recorded.
pub fn judge(case: &Case, work_dir: &Path) -> Verdict {
    let failure = OptLevel::ALL.into_iter().find_map(|opt| {
        let outcome = case.expected().and_then(|expected| {
            let actual = case.run_compiled(work_dir, opt)?;
            Ok((expected, actual))
        });
        let why = match outcome {
            Ok((expected, actual)) if expected == actual => return None,
            Ok((expected, actual)) => describe_difference(&expected, &actual),
            Err(e) => e,
        };
        Some(format!("at -O{}: {why}", opt.name()))
    });
    match (failure, &case.xfail) {
        (None, None) => Verdict::Pass,
        (None, Some(_)) => Verdict::UnexpectedPass,
        (Some(_), Some(_)) => Verdict::ExpectedFailure,
        (Some(why), None) => Verdict::Fail(why),
    }
}

/// Judges every case on `threads` worker threads; results in case order.
pub fn judge_all(cases: &[Case], work_dir: &Path, threads: usize) -> Vec<Verdict> {
    in_parallel(cases, threads, |case| judge(case, work_dir))
}

/// `work` on every item, on `threads` worker threads; results in item order.
pub fn in_parallel<T: Sync, R: Send>(
    items: &[T],
    threads: usize,
    work: impl Fn(&T) -> R + Sync,
) -> Vec<R> {
    let next = std::sync::atomic::AtomicUsize::new(0);
    let results = std::sync::Mutex::new((0..items.len()).map(|_| None).collect::<Vec<_>>());
    std::thread::scope(|s| {
        for _ in 0..threads.max(1) {
            s.spawn(|| {
                loop {
                    let i = next.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
                    let Some(item) = items.get(i) else { break };
                    let r = work(item);
                    results.lock().unwrap_or_else(|p| p.into_inner())[i] = Some(r);
                }
            });
        }
    });
    results
        .into_inner()
        .unwrap_or_else(|p| p.into_inner())
        .into_iter()
        .map(|r| r.expect("every item is worked on"))
        .collect()
}

/// One row of the compatibility matrix.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct FeatureRow {
    pub passed: usize,
    pub expected_failures: usize,
    pub total: usize,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct CompatReport {
    pub python: String,
    pub features: BTreeMap<String, FeatureRow>,
    /// Every case with its verdict: `pass`, `xfail: <reason>`, or `fail`.
    pub cases: BTreeMap<String, String>,
}

pub fn report(cases: &[Case], verdicts: &[Verdict], python: &str) -> CompatReport {
    let mut features: BTreeMap<String, FeatureRow> = BTreeMap::new();
    let mut by_case = BTreeMap::new();
    for (case, verdict) in cases.iter().zip(verdicts) {
        let row = features.entry(case.feature.clone()).or_default();
        row.total += 1;
        let status = match verdict {
            Verdict::Pass => {
                row.passed += 1;
                "pass".to_string()
            }
            Verdict::ExpectedFailure => {
                row.expected_failures += 1;
                format!("xfail: {}", case.xfail.clone().unwrap_or_default())
            }
            Verdict::UnexpectedPass => "unexpected pass".to_string(),
            Verdict::Fail(_) => "fail".to_string(),
        };
        by_case.insert(case.id.clone(), status);
    }
    CompatReport {
        python: python.to_string(),
        features,
        cases: by_case,
    }
}

/// docs/compat.md, generated from a report.
pub fn render_markdown(r: &CompatReport) -> String {
    let mut out = String::from(
        "# Compatibility matrix\n\n\
         Generated by `cargo run -p skink-conformance -- report` from the conformance suite; do not edit.\n\
         A case passes when the compiled program's stdout, exit code and last stderr line equal\n",
    );
    out.push_str(&format!("what CPython {} gives.\n\n", r.python));
    out.push_str("| feature | passed | expected failures | total |\n|---|---:|---:|---:|\n");
    let (mut p, mut x, mut t) = (0, 0, 0);
    for (name, row) in &r.features {
        out.push_str(&format!(
            "| {name} | {} | {} | {} |\n",
            row.passed, row.expected_failures, row.total
        ));
        p += row.passed;
        x += row.expected_failures;
        t += row.total;
    }
    out.push_str(&format!("| **all** | **{p}** | **{x}** | **{t}** |\n"));
    let xfails: Vec<_> = r
        .cases
        .iter()
        .filter(|(_, s)| s.starts_with("xfail"))
        .collect();
    if !xfails.is_empty() {
        out.push_str("\n## Expected failures\n\n");
        for (id, status) in xfails {
            out.push_str(&format!(
                "- `{id}`: {}\n",
                status.trim_start_matches("xfail: ")
            ));
        }
    }
    out
}
