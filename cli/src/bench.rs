//! `skink bench`: runs the benchmark suite of `skink-bench` with a progress bar,
//! prints the table, and gates, updates the baseline or writes docs/bench.md.

use std::io::IsTerminal;
use std::path::PathBuf;
use std::time::Duration;

use clap::Args;
use indicatif::{ProgressBar, ProgressStyle};
use skink_bench::{Baseline, Options, Progress, Suite, gate, report};
use skink_compiler::Error;

#[derive(Args)]
pub struct BenchArgs {
    /// Only the benchmarks whose name contains PATTERN
    #[arg(long, value_name = "PATTERN")]
    filter: Option<String>,
    /// Also write the whole report as JSON to FILE
    #[arg(long, value_name = "FILE")]
    json: Option<PathBuf>,
    /// Compare with the baseline and the thresholds of gates.toml; exit 1 on a regression
    #[arg(long, conflicts_with = "update_baseline")]
    gate: bool,
    /// The baseline to gate against or update [default: SUITE/baseline.json]
    #[arg(long, value_name = "FILE")]
    baseline: Option<PathBuf>,
    /// Record this run's measurements as the new baseline
    #[arg(long)]
    update_baseline: bool,
    /// Only the benchmarks marked quick, instruction counts only (what CI gates on)
    #[arg(long)]
    quick: bool,
    /// Interleaved timed runs of each benchmark and of CPython; medians are reported
    #[arg(long, default_value_t = 5, value_parser = clap::value_parser!(u16).range(5..))]
    runs: u16,
    /// Write the generated page (docs/bench.md) to FILE
    #[arg(long, value_name = "FILE", conflicts_with = "quick")]
    doc: Option<PathBuf>,
    /// The suite directory, holding gates.toml, baseline.json and programs/
    #[arg(long, value_name = "DIR", default_value = "bench-gates")]
    suite: PathBuf,
    /// The CPython 3.11 to compare with [default: $SKINK_BENCH_PYTHON, else python3]
    #[arg(long, value_name = "PATH")]
    python: Option<PathBuf>,
}

pub fn bench(args: &BenchArgs) -> Result<u8, Error> {
    let env = Error::Environment;
    let suite = Suite::load(&args.suite).map_err(env)?;
    let baseline_path = args
        .baseline
        .clone()
        .unwrap_or_else(|| args.suite.join("baseline.json"));
    // Read the baseline before spending minutes measuring.
    let baseline = if args.update_baseline {
        Baseline::load_or_empty(&baseline_path)
    } else if args.gate {
        Baseline::load(&baseline_path)
    } else {
        Ok(Baseline::default())
    }
    .map_err(env)?;
    let release = !cfg!(debug_assertions);
    let skink_exe = if release && !args.quick {
        Some(
            std::env::current_exe()
                .map_err(|e| env(format!("cannot find the skink executable: {e}")))?,
        )
    } else {
        None
    };
    if !release && !args.quick {
        eprintln!(
            "note: this is a debug build of skink; compile-time instructions are counted by a release build only"
        );
    }
    let mut options = Options::discover(args.python.as_deref()).map_err(env)?;
    options.filter = args.filter.clone();
    options.quick = args.quick;
    options.runs = usize::from(args.runs);
    options.skink_exe = skink_exe;
    let bar = progress_bar();
    let show = |p: &Progress| match &bar {
        Some(bar) => {
            bar.set_length(p.total as u64);
            bar.set_position(p.done as u64);
            bar.set_message(format!("{}: {}", p.program, p.step));
        }
        None => eprintln!("[{}/{}] {}: {}", p.done + 1, p.total, p.program, p.step),
    };
    let result = skink_bench::run(&suite, &options, &show);
    if let Some(bar) = &bar {
        bar.finish_and_clear();
    }
    let mut report = result.map_err(env)?;
    if args.gate {
        report.gate = Some(skink_bench::evaluate(&report, &suite, &baseline));
    }
    print!("{}", report::table(&report));
    let mut failed = report.all_results().any(|r| !r.is_sound());
    if let Some(outcome) = &report.gate {
        print!("\n{}", gate::summary(outcome));
        failed |= !outcome.passed();
    }
    if let Some(path) = &args.json {
        let text = serde_json::to_string_pretty(&report).map_err(|e| env(e.to_string()))?;
        std::fs::write(path, text + "\n")
            .map_err(|e| env(format!("cannot write {}: {e}", path.display())))?;
    }
    if let Some(path) = &args.doc {
        std::fs::write(path, report::markdown(&report, &suite))
            .map_err(|e| env(format!("cannot write {}: {e}", path.display())))?;
        println!("wrote {}", path.display());
    }
    if args.update_baseline {
        let mut updated = baseline;
        updated.update_from(&report).map_err(env)?;
        updated.retain_suite(&suite);
        updated.save(&baseline_path).map_err(env)?;
        println!("updated {}", baseline_path.display());
    }
    Ok(u8::from(failed))
}

/// A bar on a terminal; plain lines (one per step) in logs.
fn progress_bar() -> Option<ProgressBar> {
    if !std::io::stderr().is_terminal() {
        return None;
    }
    let bar = ProgressBar::new(1);
    bar.set_style(
        ProgressStyle::with_template("{elapsed:>4} [{bar:30}] {pos}/{len} {msg}")
            .unwrap_or_else(|_| ProgressStyle::default_bar())
            .progress_chars("=> "),
    );
    bar.enable_steady_tick(Duration::from_millis(200));
    Some(bar)
}
