//! `skink diff` and `skink interp`: a program run by CPython, by the reference
//! MIR interpreter after each MIR pass, and as a native binary; the first stage
//! whose outcome differs from CPython's is named, so a wrong output is traced to
//! the pass or the code generator that made it.

use std::ffi::OsString;
use std::path::{Path, PathBuf};
use std::process::Command;
use std::time::Duration;

use clap::Args;
use skink_compiler::{Error, Options, PASSES, link};
use skink_outcome::{Outcome, describe_difference, run_command};

use crate::OptFlag;

#[derive(Args)]
pub struct InterpArgs {
    /// The Python source file
    file: PathBuf,
    /// Run the MIR as it is after this pass [default: the last pass of the level]
    #[arg(long, value_parser = PASSES)]
    after: Option<String>,
    #[command(flatten)]
    opt: OptFlag,
    /// Arguments for the program
    #[arg(trailing_var_arg = true, allow_hyphen_values = true)]
    args: Vec<OsString>,
}

#[derive(Args)]
pub struct DiffArgs {
    /// The Python source file
    file: PathBuf,
    #[command(flatten)]
    opt: OptFlag,
    /// The CPython 3.11 to compare with [default: python3.11, else python3]
    #[arg(long)]
    python: Option<PathBuf>,
    /// How long each stage may run, in seconds
    #[arg(long, default_value_t = 20)]
    timeout: u64,
    /// Arguments for the program
    #[arg(trailing_var_arg = true, allow_hyphen_values = true)]
    args: Vec<OsString>,
}

/// `skink interp`: runs the program's MIR after a pass in this process.
pub fn interp(args: &InterpArgs) -> Result<u8, Error> {
    let source = skink_compiler::read_source(&args.file)?;
    let mir = skink_compiler::mir_after(&source, args.opt.options(), args.after.as_deref())?;
    let mut argv = vec![source.path.clone()];
    argv.extend(args.args.iter().map(|a| a.to_string_lossy().into_owned()));
    let code = skink_interp::run(mir, argv).map_err(Error::Internal)?;
    Ok(code as u8)
}

/// One stage of `skink diff`: its name, the MIR pass it runs after (none for
/// native code), what a first divergence there means, and the command that
/// runs the program.
struct Stage {
    name: String,
    pass: Option<&'static str>,
    blame: &'static str,
    command: Command,
}

fn blame_of(pass: &str) -> &'static str {
    match pass {
        "lower" => "lowering to MIR, or the runtime",
        "specialize" => "the specialize pass (type inference and specialized copies)",
        "unbox" => "the unbox pass",
        "egraph" => "the e-graph optimizer",
        _ => "this pass",
    }
}

/// `skink diff`: prints each stage's outcome against CPython's and ends with
/// the first divergence; exit code 1 when there is one.
pub fn diff(args: &DiffArgs) -> Result<u8, Error> {
    let source = skink_compiler::read_source(&args.file)?;
    let opt = args.opt.options();
    // Building first reports a rejected program as `build` would, before anything runs.
    let dir = link::cache_dir().join("diff");
    std::fs::create_dir_all(&dir)
        .map_err(|e| Error::Environment(format!("cannot create {}: {e}", dir.display())))?;
    let binary = link::unique_temp_path(&dir, "program", "bin");
    skink_compiler::build_at(&source, &binary, opt)?;
    let result = diff_built(args, &source, opt, &binary);
    let _ = std::fs::remove_file(&binary);
    result
}

fn diff_built(
    args: &DiffArgs,
    source: &skink_compiler::SourceFile,
    opt: Options,
    binary: &Path,
) -> Result<u8, Error> {
    let python = find_python(args.python.as_deref())?;
    let timeout = Duration::from_secs(args.timeout);
    let exe = std::env::current_exe()
        .map_err(|e| Error::Environment(format!("cannot find the skink executable: {e}")))?;

    let mut cpython = Command::new(&python);
    cpython.arg(&args.file).args(&args.args);
    let mut stages: Vec<Stage> = opt
        .level
        .passes()
        .iter()
        .map(|&pass| Stage {
            name: format!("MIR after {pass}"),
            pass: Some(pass),
            blame: blame_of(pass),
            command: interp_command(&exe, pass, opt, args),
        })
        .collect();
    let mut native = Command::new(binary);
    native.args(&args.args);
    stages.push(Stage {
        name: "native".into(),
        pass: None,
        blame: "code generation (Cranelift lowering or its inline fast paths)",
        command: native,
    });

    let Some(first) = compare(cpython, stages, timeout)? else {
        println!("\nevery stage agrees with CPython");
        return Ok(0);
    };
    println!(
        "\nfirst divergence: {} ({})\n{}",
        first.stage, first.blame, first.why
    );
    if first.pass == Some("egraph") && opt.fuel.is_none() {
        bisect(args, source, opt, &first.expected, timeout, &exe)?;
    }
    Ok(1)
}

/// `skink interp --after PASS` of the program, at `opt`.
fn interp_command(exe: &Path, pass: &str, opt: Options, args: &DiffArgs) -> Command {
    let mut command = Command::new(exe);
    command
        .arg("interp")
        .arg("--after")
        .arg(pass)
        .arg(format!("-O{}", opt.level.name()));
    if let Some(fuel) = opt.fuel {
        command.arg(format!("--opt-fuel={fuel}"));
    }
    command.arg(&args.file).args(&args.args);
    command
}

/// The first stage whose outcome differs from CPython's.
struct Divergence {
    stage: String,
    pass: Option<&'static str>,
    blame: &'static str,
    why: String,
    /// CPython's outcome.
    expected: Outcome,
}

/// Finds the rewrite of the e-graph pass that first makes the outcome differ,
/// by bisecting its fuel: fuel n makes exactly the first n rewrites.
fn bisect(
    args: &DiffArgs,
    source: &skink_compiler::SourceFile,
    opt: Options,
    expected: &Outcome,
    timeout: Duration,
    exe: &Path,
) -> Result<(), Error> {
    let passes = skink_compiler::passes(source, opt)?;
    let firings = passes
        .iter()
        .rev()
        .find_map(|p| p.report.as_ref())
        .map(|r| r.firings.clone())
        .unwrap_or_default();
    let differs = |fuel: u64| -> bool {
        let fueled = Options {
            fuel: Some(fuel),
            ..opt
        };
        let command = interp_command(exe, "egraph", fueled, args);
        !matches!(run_command(command, timeout), Ok(actual) if actual == *expected)
    };
    println!("bisecting the {} rewrites with --opt-fuel:", firings.len());
    if differs(0) {
        println!(
            "  with no rewrite it already differs: the e-graph pass's extraction or tidying is wrong"
        );
        return Ok(());
    }
    let (mut good, mut bad) = (0u64, firings.len() as u64);
    while bad - good > 1 {
        let mid = good + (bad - good) / 2;
        if differs(mid) {
            bad = mid;
        } else {
            good = mid;
        }
    }
    match firings.iter().find(|f| f.fuel == bad) {
        Some(f) => println!(
            "  rewrite #{bad} makes it differ: {} in {} (`skink ir --passes` lists it; --opt-fuel {good} avoids it)",
            f.rule, f.function
        ),
        None => println!("  every rewrite together makes it differ, no single one"),
    }
    Ok(())
}

/// Runs CPython and each stage, printing a line for each; returns the first
/// stage that differs.
fn compare(
    cpython: Command,
    stages: Vec<Stage>,
    timeout: Duration,
) -> Result<Option<Divergence>, Error> {
    let width = stages
        .iter()
        .map(|s| s.name.len())
        .max()
        .unwrap_or(0)
        .max(7);
    let expected = run_command(cpython, timeout)
        .map_err(|e| Error::Environment(format!("CPython did not run the program: {e}")))?;
    println!("{:<width$}  {}", "CPython", summary(&expected));
    let mut first = None;
    for stage in stages {
        let (verdict, why) = match run_command(stage.command, timeout) {
            Ok(actual) if actual == expected => ("same".to_string(), None),
            Ok(actual) => (
                format!("DIFFERS: {}", short_difference(&expected, &actual)),
                Some(describe_difference(&expected, &actual)),
            ),
            Err(e) => (
                format!("FAILED: {}", e.lines().next().unwrap_or("")),
                Some(e),
            ),
        };
        println!("{:<width$}  {verdict}", stage.name);
        if let (Some(why), None) = (why, &first) {
            first = Some(Divergence {
                stage: stage.name,
                pass: stage.pass,
                blame: stage.blame,
                why,
                expected: expected.clone(),
            });
        }
    }
    Ok(first)
}

/// The first way `actual` differs from `expected`, in a few words.
fn short_difference(expected: &Outcome, actual: &Outcome) -> String {
    if expected.exit_code != actual.exit_code {
        return format!("exit code {}", actual.exit_code);
    }
    if expected.stderr_last_line != actual.stderr_last_line {
        return format!("last stderr line {:?}", actual.stderr_last_line);
    }
    let line = expected
        .stdout
        .lines()
        .zip(actual.stdout.lines())
        .position(|(e, a)| e != a)
        .unwrap_or_else(|| {
            expected
                .stdout
                .lines()
                .count()
                .min(actual.stdout.lines().count())
        });
    format!("stdout from line {}", line + 1)
}

fn summary(o: &Outcome) -> String {
    let lines = o.stdout.lines().count();
    let plural = if lines == 1 { "" } else { "s" };
    let mut text = format!("exit code {}, {lines} line{plural} of output", o.exit_code);
    if !o.stderr_last_line.is_empty() {
        text.push_str(&format!(", {}", o.stderr_last_line));
    }
    text
}

/// The CPython 3.11 to compare with: the one given, else `python3.11`, else
/// `python3`; anything but 3.11 is refused.
fn find_python(given: Option<&Path>) -> Result<PathBuf, Error> {
    let candidates: Vec<PathBuf> = match given {
        Some(p) => vec![p.to_path_buf()],
        None => vec!["python3.11".into(), "python3".into()],
    };
    let mut tried = Vec::new();
    for python in candidates {
        let out = Command::new(&python)
            .args(["-c", "import sys; print('%d.%d' % sys.version_info[:2])"])
            .output();
        match out {
            Ok(out) if out.status.success() => {
                let version = String::from_utf8_lossy(&out.stdout).trim().to_string();
                if version == "3.11" {
                    return Ok(python);
                }
                tried.push(format!("{} is Python {version}", python.display()));
            }
            _ => tried.push(format!("{} did not run", python.display())),
        }
    }
    Err(Error::Environment(format!(
        "skink diff compares with CPython 3.11, and found none ({}); name one with --python",
        tried.join("; ")
    )))
}
