//! Differential fuzzing campaigns: programs from `skink-progen` are compiled by
//! skink to native code and run, and compared with what CPython (the oracle) does
//! with them. A divergence is minimized at the syntax-tree level (delta debugging
//! over statements and expressions, keeping the divergence) and written as a
//! ready-to-commit conformance case with CPython's expected outcome.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use skink_conformance::Outcome;
use skink_progen::{Block, Feature, Features, Program};

/// A generated program must finish within this; generated programs are small.
const RUN_TIMEOUT: Duration = Duration::from_secs(10);

/// How one program went.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Verdict {
    Same,
    /// skink rejected a program CPython ran.
    Rejected(String),
    /// The outcomes differ (at the optimization level named, "0" or "1").
    Diverged {
        cpython: Outcome,
        skink: Outcome,
        opt: &'static str,
    },
    /// The compiled program crashed or timed out.
    Crashed(String),
}

impl Verdict {
    pub fn is_failure(&self) -> bool {
        *self != Verdict::Same
    }

    /// A line describing the failure.
    pub fn summary(&self) -> String {
        match self {
            Verdict::Same => "same".into(),
            Verdict::Rejected(d) => format!("rejected: {}", d.lines().next().unwrap_or("")),
            Verdict::Diverged {
                cpython,
                skink,
                opt,
            } => {
                let what = if cpython.exit_code != skink.exit_code {
                    format!(
                        "exit code {} (CPython {})",
                        skink.exit_code, cpython.exit_code
                    )
                } else if cpython.stdout != skink.stdout {
                    let line = first_difference(&cpython.stdout, &skink.stdout);
                    format!("stdout differs at line {line}")
                } else {
                    format!(
                        "last stderr line {:?} (CPython {:?})",
                        skink.stderr_last_line, cpython.stderr_last_line
                    )
                };
                format!("at -O{opt}: {what}")
            }
            Verdict::Crashed(why) => format!("crashed: {why}"),
        }
    }
}

fn first_difference(a: &str, b: &str) -> usize {
    a.lines()
        .zip(b.lines())
        .position(|(x, y)| x != y)
        .unwrap_or_else(|| a.lines().count().min(b.lines().count()))
        + 1
}

/// Compiles `source` with skink at every optimization level and runs it, and
/// runs it with CPython, in `work` (a scratch directory of this thread).
pub fn check(source: &str, work: &Path, tag: &str) -> Verdict {
    let cpython = match skink_oracle::run(source, "fuzz.py", &[]) {
        Ok(o) => o,
        Err(e) => return Verdict::Crashed(format!("the oracle failed: {e}")),
    };
    let file = skink_compiler::SourceFile::new("fuzz.py".to_string(), source.to_string());
    // Every optimization level must agree with CPython; the first that does not
    // is the verdict.
    for opt in skink_compiler::OptLevel::ALL {
        let exe = work.join(format!("prog-{tag}-O{}", opt.name()));
        if let Err(e) = skink_compiler::build_at(&file, &exe, opt) {
            return Verdict::Rejected(e.render());
        }
        let cwd = work.join(format!("cwd-{tag}"));
        let _ = std::fs::create_dir_all(&cwd);
        let skink = skink_conformance::run_with_timeout(&exe, &cwd, RUN_TIMEOUT);
        let _ = std::fs::remove_file(&exe);
        let _ = std::fs::remove_dir_all(&cwd);
        match skink {
            Ok(skink) if skink == cpython => {}
            Ok(skink) => {
                return Verdict::Diverged {
                    cpython,
                    skink,
                    opt: opt.name(),
                };
            }
            Err(e) => return Verdict::Crashed(format!("at -O{}: {e}", opt.name())),
        }
    }
    Verdict::Same
}

/// Whether two failures are the same kind (what minimization keeps).
fn same_kind(a: &Verdict, b: &Verdict) -> bool {
    matches!(
        (a, b),
        (Verdict::Rejected(_), Verdict::Rejected(_))
            | (Verdict::Crashed(_), Verdict::Crashed(_))
            | (Verdict::Diverged { .. }, Verdict::Diverged { .. })
    )
}

/// Shrinks `program` while it still fails as `failure` does: first whole
/// statements (in every block), then expressions replaced by the simplest value
/// of their type, until no single change keeps the failure.
pub fn minimize(program: &Program, failure: &Verdict, work: &Path, tag: &str) -> Program {
    let mut best = program.clone();
    let tries = std::cell::Cell::new(0usize);
    let keeps = |candidate: &Program| {
        tries.set(tries.get() + 1);
        let v = check(&candidate.render(), work, tag);
        v.is_failure() && same_kind(&v, failure)
    };
    loop {
        let mut progressed = false;
        // Statements, from the last: later ones depend on earlier ones.
        let n = count_stmts(&best.body);
        for i in (0..n).rev() {
            let mut candidate = best.clone();
            if remove_stmt(&mut candidate.body, &mut i.clone()) && keeps(&candidate) {
                best = candidate;
                progressed = true;
            }
        }
        // Expressions.
        let n = count_exprs(&mut best.body);
        for i in 0..n {
            let mut candidate = best.clone();
            if simplify_expr(&mut candidate.body, &mut i.clone()) && keeps(&candidate) {
                best = candidate;
                progressed = true;
            }
        }
        if !progressed || tries.get() > 2000 {
            return best;
        }
    }
}

fn count_stmts(block: &Block) -> usize {
    block
        .iter()
        .map(|s| {
            let mut s = s.clone();
            1 + s
                .blocks_mut()
                .into_iter()
                .map(|b| count_stmts(b))
                .sum::<usize>()
        })
        .sum()
}

/// Removes the statement with preorder index `*i`.
fn remove_stmt(block: &mut Block, i: &mut usize) -> bool {
    let mut k = 0;
    while k < block.len() {
        if *i == 0 {
            block.remove(k);
            return true;
        }
        *i -= 1;
        for inner in block[k].blocks_mut() {
            if remove_stmt(inner, i) {
                return true;
            }
        }
        k += 1;
    }
    false
}

fn count_exprs(block: &mut Block) -> usize {
    let mut n = 0;
    for s in block.iter_mut() {
        for e in s.exprs_mut() {
            n += count_expr_nodes(e);
        }
        for b in s.blocks_mut() {
            n += count_exprs(b);
        }
    }
    n
}

fn count_expr_nodes(e: &mut skink_progen::Expr) -> usize {
    1 + e
        .children_mut()
        .into_iter()
        .map(count_expr_nodes)
        .sum::<usize>()
}

/// Replaces the expression with preorder index `*i` by its type's simplest value
/// (false when it already is one, or has no such value).
fn simplify_expr(block: &mut Block, i: &mut usize) -> bool {
    for s in block.iter_mut() {
        for e in s.exprs_mut() {
            if let Some(done) = simplify_in(e, i) {
                return done;
            }
        }
        for b in s.blocks_mut() {
            if simplify_expr(b, i) {
                return true;
            }
            if *i == usize::MAX {
                return false;
            }
        }
    }
    false
}

/// `Some(changed)` once the index is reached.
fn simplify_in(e: &mut skink_progen::Expr, i: &mut usize) -> Option<bool> {
    if *i == 0 {
        *i = usize::MAX;
        let simple = e.ty.simplest()?;
        if e.source() == simple.source() {
            return Some(false);
        }
        *e = simple;
        return Some(true);
    }
    *i -= 1;
    for c in e.children_mut() {
        if let Some(done) = simplify_in(c, i) {
            return Some(done);
        }
    }
    None
}

/// What a campaign is told.
#[derive(Clone, Debug)]
pub struct Options {
    pub time: Duration,
    pub seed: u64,
    pub features: Features,
    /// Worker threads (compiling and running in parallel; the oracle is serialized).
    pub jobs: usize,
    /// Where minimized failures are written as conformance cases.
    pub cases_dir: PathBuf,
    /// Stop after this many programs (None: when the time is up).
    pub max_programs: Option<u64>,
    /// Stop at the first failure (once it is minimized).
    pub stop_at_first_failure: bool,
}

/// A failure found, after minimization.
#[derive(Clone, Debug)]
pub struct Failure {
    pub seed: u64,
    pub summary: String,
    pub case: Option<PathBuf>,
    pub source: String,
}

/// What a campaign did.
#[derive(Clone, Debug, Default)]
pub struct Report {
    pub programs: u64,
    pub elapsed: Duration,
    pub failures: Vec<Failure>,
    pub feature_counts: BTreeMap<Feature, usize>,
}

impl Report {
    pub fn rate(&self) -> f64 {
        self.programs as f64 / self.elapsed.as_secs_f64().max(1e-9)
    }
}

/// Progress as the campaign goes (for a progress line).
pub struct Progress {
    pub programs: u64,
    pub failures: usize,
    pub elapsed: Duration,
}

/// Runs a campaign: seeds `seed`, `seed + 1`, ... until the time (or the program
/// budget) is used up.
pub fn campaign(options: &Options, progress: &(dyn Fn(&Progress) + Sync)) -> Report {
    let start = Instant::now();
    let next = AtomicU64::new(options.seed);
    let stop = std::sync::atomic::AtomicBool::new(false);
    let report = Arc::new(Mutex::new(Report::default()));
    let scratch = tempfile::tempdir().ok();
    let scratch_path = scratch
        .as_ref()
        .map_or_else(std::env::temp_dir, |d| d.path().to_path_buf());
    std::thread::scope(|scope| {
        for worker in 0..options.jobs.max(1) {
            let (next, report, scratch_path, stop) = (&next, &report, &scratch_path, &stop);
            scope.spawn(move || {
                let tag = format!("w{worker}");
                loop {
                    if start.elapsed() >= options.time || stop.load(Ordering::SeqCst) {
                        return;
                    }
                    let seed = next.fetch_add(1, Ordering::SeqCst);
                    if options
                        .max_programs
                        .is_some_and(|m| seed - options.seed >= m)
                    {
                        return;
                    }
                    let generated = skink_progen::program_for_seed(seed, options.features);
                    let source = generated.program.render();
                    let verdict = check(&source, scratch_path, &tag);
                    let failure = verdict.is_failure().then(|| {
                        let small = minimize(&generated.program, &verdict, scratch_path, &tag);
                        let small_source = small.render();
                        let case = write_case(&options.cases_dir, seed, &small_source, &verdict);
                        Failure {
                            seed,
                            summary: verdict.summary(),
                            case,
                            source: small_source,
                        }
                    });
                    let mut r = report.lock().unwrap_or_else(|p| p.into_inner());
                    r.programs += 1;
                    for (f, n) in generated.counts {
                        *r.feature_counts.entry(f).or_default() += n;
                    }
                    if failure.is_some() && options.stop_at_first_failure {
                        stop.store(true, Ordering::SeqCst);
                    }
                    r.failures.extend(failure);
                    let p = Progress {
                        programs: r.programs,
                        failures: r.failures.len(),
                        elapsed: start.elapsed(),
                    };
                    drop(r);
                    progress(&p);
                }
            });
        }
    });
    let mut r = report.lock().unwrap_or_else(|p| p.into_inner()).clone();
    r.elapsed = start.elapsed();
    r.failures.sort_by_key(|f| f.seed);
    r
}

/// Writes a minimized failure as `<dir>/fuzz_<seed>.py` with CPython's outcome
/// beside it, ready to commit to the conformance suite.
fn write_case(dir: &Path, seed: u64, source: &str, verdict: &Verdict) -> Option<PathBuf> {
    std::fs::create_dir_all(dir).ok()?;
    let path = dir.join(format!("fuzz_{seed}.py"));
    let text = format!(
        "# Found by `skink fuzz` (seed {seed}), minimized: {}\n{source}",
        verdict.summary()
    );
    std::fs::write(&path, &text).ok()?;
    let outcome: Outcome = skink_oracle::run(&text, "fuzz.py", &[]).ok()?;
    let mut json = serde_json::to_string_pretty(&outcome).ok()?;
    json.push('\n');
    std::fs::write(path.with_extension("expected.json"), json).ok()?;
    Some(path)
}

/// The report's closing lines: the features generated, then
/// `fuzz: N programs, F failures`.
pub fn summary(report: &Report) -> String {
    let mut out = String::new();
    let counts: Vec<String> = report
        .feature_counts
        .iter()
        .map(|(f, n)| format!("{} {n}", f.name()))
        .collect();
    out.push_str(&format!("features generated: {}\n", counts.join(", ")));
    for f in &report.failures {
        let case = f
            .case
            .as_ref()
            .map_or("(not written)".to_string(), |p| p.display().to_string());
        out.push_str(&format!("seed {}: {} -> {case}\n", f.seed, f.summary));
    }
    out.push_str(&format!(
        "{:.1} programs/s over {:.1} s\n",
        report.rate(),
        report.elapsed.as_secs_f64()
    ));
    out.push_str(&format!(
        "fuzz: {} programs, {} failures",
        report.programs,
        report.failures.len()
    ));
    out
}
