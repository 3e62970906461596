//! `skink diff` and `skink interp`: a program run by CPython, by the reference
//! MIR interpreter after each MIR pass, and as a native binary; the first stage
//! whose outcome differs from CPython's is named, so a wrong output is traced to
//! the pass or the code generator that made it.

use std::ffi::OsString;
use std::path::{Path, PathBuf};
use std::process::Command;
use std::time::Duration;

use clap::Args;
use skink_compiler::{Error, OptLevel, Options, PASSES, link};
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

/// The passes an optimization level runs.
fn passes_of(level: OptLevel) -> &'static [&'static str] {
    match level {
        OptLevel::None => &PASSES[..1],
        OptLevel::Full => &PASSES,
    }
}

fn pass_named(name: &str, opt: Options) -> Result<&'static str, Error> {
    passes_of(opt.level)
        .iter()
        .copied()
        .find(|p| *p == name)
        .ok_or_else(|| {
            Error::Environment(format!(
                "-O{} runs only the passes {}",
                opt.level.name(),
                passes_of(opt.level).join(", ")
            ))
        })
}

/// `skink interp`: runs the program's MIR after a pass in this process.
pub fn interp(args: &InterpArgs) -> Result<u8, Error> {
    let source = skink_compiler::read_source(&args.file)?;
    let opt = args.opt.options();
    let after = args
        .after
        .as_deref()
        .map(|p| pass_named(p, opt))
        .transpose()?;
    let mir = skink_compiler::mir_after(&source, opt, after)?;
    let mut argv = vec![source.path.clone()];
    argv.extend(args.args.iter().map(|a| a.to_string_lossy().into_owned()));
    let code = skink_interp::run(mir, argv).map_err(Error::Internal)?;
    Ok(code as u8)
}

/// One stage of `skink diff`: its name, what a first divergence there means,
/// and the command that runs the program.
struct Stage {
    name: String,
    blame: &'static str,
    command: Command,
}

fn blame_of(pass: &str) -> &'static str {
    match pass {
        "lower" => "lowering to MIR, or the runtime",
        "specialize" => "the specialize pass (type inference and specialized copies)",
        "unbox" => "the unbox pass",
        "egraph" => "the e-graph optimizer (bisect it with --opt-fuel)",
        _ => "this pass",
    }
}

/// `skink diff`: prints each stage's outcome against CPython's and ends with
/// the first divergence; exit code 1 when there is one.
pub fn diff(args: &DiffArgs) -> Result<u8, Error> {
    let source = skink_compiler::read_source(&args.file)?;
    let opt = args.opt.options();
    // A rejected program is reported as `build` would, before anything runs.
    skink_compiler::mir_after(&source, opt, None)?;
    let python = find_python(args.python.as_deref())?;
    let timeout = Duration::from_secs(args.timeout);
    let exe = std::env::current_exe()
        .map_err(|e| Error::Environment(format!("cannot find the skink executable: {e}")))?;

    let mut stages = Vec::new();
    let mut cpython = Command::new(&python);
    cpython.arg(&args.file).args(&args.args);
    for pass in passes_of(opt.level) {
        let mut command = Command::new(&exe);
        command
            .arg("interp")
            .arg("--after")
            .arg(pass)
            .args(opt_flags(opt))
            .arg(&args.file)
            .args(&args.args);
        stages.push(Stage {
            name: format!("MIR after {pass}"),
            blame: blame_of(pass),
            command,
        });
    }
    let dir = link::cache_dir().join("diff");
    std::fs::create_dir_all(&dir)
        .map_err(|e| Error::Environment(format!("cannot create {}: {e}", dir.display())))?;
    let binary = link::unique_temp_path(&dir, "program", "bin");
    skink_compiler::build_at(&source, &binary, opt)?;
    let mut native = Command::new(&binary);
    native.args(&args.args);
    stages.push(Stage {
        name: "native".into(),
        blame: "code generation (Cranelift lowering or its inline fast paths)",
        command: native,
    });

    let result = compare(cpython, stages, timeout);
    let _ = std::fs::remove_file(&binary);
    result
}

fn opt_flags(opt: Options) -> Vec<String> {
    let mut flags = vec![format!("-O{}", opt.level.name())];
    if let Some(fuel) = opt.fuel {
        flags.push(format!("--opt-fuel={fuel}"));
    }
    flags
}

fn compare(cpython: Command, stages: Vec<Stage>, timeout: Duration) -> Result<u8, Error> {
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
        let verdict = match run_command(stage.command, timeout) {
            Ok(actual) if actual == expected => "same".to_string(),
            Ok(actual) => {
                let why = describe_difference(&expected, &actual);
                first.get_or_insert((stage.name.clone(), stage.blame, why.clone()));
                format!("DIFFERS: {}", short_difference(&expected, &actual))
            }
            Err(e) => {
                first.get_or_insert((stage.name.clone(), stage.blame, e.clone()));
                format!("FAILED: {}", e.lines().next().unwrap_or(""))
            }
        };
        println!("{:<width$}  {verdict}", stage.name);
    }
    match first {
        None => {
            println!("\nevery stage agrees with CPython");
            Ok(0)
        }
        Some((name, blame, why)) => {
            println!("\nfirst divergence: {name} ({blame})\n{why}");
            Ok(1)
        }
    }
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
