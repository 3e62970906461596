//! `skink`: the command line. Thin: it parses arguments and wires the crates
//! together; all compiler work happens in `skink-compiler`.

use std::ffi::OsString;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use clap::{Args, Parser, Subcommand, ValueEnum};
use skink_compiler::{Error, OptLevel, Options, Stage, link};

mod bench;
mod diff;
mod passes;
mod rules;

#[derive(Parser)]
#[command(
    name = "skink",
    version,
    about = "Compile a statically analysable subset of Python 3.11 to native executables",
    long_about = "skink compiles Python 3.11 programs ahead of time into standalone native executables.\n\
                  A program skink accepts prints exactly what CPython 3.11 prints; a program using \
                  something skink does not support yet is rejected with a diagnostic (exit code 2)."
)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// Compile a Python file to a native executable
    Build {
        /// The Python source file
        file: PathBuf,
        /// Where to write the executable [default: the file's name without `.py`, in the current directory]
        #[arg(short, long)]
        output: Option<PathBuf>,
        #[command(flatten)]
        opt: OptFlag,
        /// How to link the C library: static makes one self-contained file that starts
        /// faster; dynamic is smaller and lets valgrind's memcheck replace malloc
        #[arg(long, value_enum, default_value_t = LinkArg::Static)]
        link: LinkArg,
    },
    /// Compile a Python file (cached) and run it, passing the arguments through
    Run {
        /// The Python source file
        file: PathBuf,
        #[command(flatten)]
        opt: OptFlag,
        /// Arguments for the program
        #[arg(trailing_var_arg = true, allow_hyphen_values = true)]
        args: Vec<OsString>,
    },
    /// Print the intermediate representation of one compiler stage
    Ir {
        /// The Python source file
        file: PathBuf,
        /// The stage to print
        #[arg(long, value_enum, default_value_t = StageArg::Mir)]
        stage: StageArg,
        /// Print the MIR after every pass that changed it, and the rules that fired
        #[arg(long, conflicts_with = "stage")]
        passes: bool,
        /// With --passes: the same as JSON, every pass and function (for `skink tui`)
        #[arg(long, requires = "passes")]
        json: bool,
        #[command(flatten)]
        opt: OptFlag,
    },
    /// Differential fuzzing: compile generated programs and compare them with CPython
    ///
    /// Needs a skink built with `--features fuzz` (it links CPython 3.11, the oracle).
    Fuzz {
        /// How long the campaign runs, in seconds
        #[arg(long, default_value_t = 60)]
        time: u64,
        /// The first seed (programs use seed, seed + 1, ...)
        #[arg(long, default_value_t = 0)]
        seed: u64,
        /// The features generated programs may use, comma-separated [default: all]
        #[arg(long)]
        features: Option<String>,
        /// Worker threads [default: the number of CPUs]
        #[arg(long)]
        jobs: Option<usize>,
        /// Where minimized failures are written as conformance cases
        #[arg(long, default_value = "conformance/cases/fuzz")]
        cases: PathBuf,
    },
    /// Run a program under CPython, the MIR interpreter after each pass and as a
    /// native binary, and name the first stage whose output differs from CPython's
    Diff(diff::DiffArgs),
    /// Run a program's MIR in the reference interpreter (what `skink diff` compares)
    Interp(diff::InterpArgs),
    /// Run the benchmark suite: outputs checked against CPython, instruction counts,
    /// binary sizes, compile time and speedups; `--gate` checks them against the baseline
    Bench(bench::BenchArgs),
    /// The optimizer's rewrite rules: list them with their verdicts, or verify them
    #[command(subcommand)]
    Rules(rules::RulesCommand),
}

#[derive(Args)]
pub(crate) struct OptFlag {
    /// Optimization level: 0 compiles MIR as lowered (every value boxed), 1 adds type inference, specialization, unboxing and the e-graph optimizer
    #[arg(short = 'O', long = "opt-level", value_enum, default_value_t = OptArg::Full)]
    opt: OptArg,
    /// Stop the e-graph optimizer after N rewrites, to bisect a miscompilation to one
    /// (`skink ir --passes` numbers them)
    #[arg(long = "opt-fuel", value_name = "N")]
    fuel: Option<u64>,
}

impl OptFlag {
    fn options(&self) -> Options {
        Options {
            level: self.opt.level(),
            fuel: self.fuel,
        }
    }
}

#[derive(Clone, Copy, ValueEnum)]
enum LinkArg {
    Static,
    Dynamic,
}

impl LinkArg {
    fn mode(self) -> link::LinkMode {
        match self {
            LinkArg::Static => link::LinkMode::Static,
            LinkArg::Dynamic => link::LinkMode::Dynamic,
        }
    }
}

#[derive(Clone, Copy, ValueEnum)]
enum OptArg {
    #[value(name = "0")]
    None,
    #[value(name = "1")]
    Full,
}

impl OptArg {
    fn level(self) -> OptLevel {
        match self {
            OptArg::None => OptLevel::None,
            OptArg::Full => OptLevel::Full,
        }
    }
}

#[derive(Clone, Copy, ValueEnum)]
enum StageArg {
    /// The parser's syntax tree
    Ast,
    /// Names resolved, sugar removed
    Hir,
    /// The control-flow graph with explicit reference counting
    Mir,
    /// Cranelift IR, as handed to the code generator
    Clif,
}

fn main() -> ExitCode {
    // `skink ir app.py | head` must end quietly, as other Unix tools do, not panic
    // on the closed pipe: restore the default SIGPIPE that Rust's runtime ignores.
    // SAFETY: called once, first thing, before any other thread exists.
    unsafe {
        libc::signal(libc::SIGPIPE, libc::SIG_DFL);
    }
    let cli = Cli::parse();
    let result = match cli.command {
        Command::Build {
            file,
            output,
            opt,
            link,
        } => build(&file, output, opt.options(), link.mode()),
        Command::Run { file, args, opt } => run(&file, &args, opt.options()),
        Command::Ir {
            file,
            stage,
            passes,
            json,
            opt,
        } => {
            if passes {
                passes::print(&file, json, opt.options())
            } else {
                ir(&file, stage, opt.options())
            }
        }
        Command::Fuzz {
            time,
            seed,
            features,
            jobs,
            cases,
        } => fuzz(time, seed, features.as_deref(), jobs, cases),
        Command::Diff(args) => diff::diff(&args),
        Command::Interp(args) => diff::interp(&args),
        Command::Bench(args) => bench::bench(&args),
        Command::Rules(command) => rules::rules(&command),
    };
    match result {
        Ok(code) => ExitCode::from(code),
        Err(e) => {
            eprint!("{}", e.render());
            ExitCode::from(e.exit_code() as u8)
        }
    }
}

#[cfg(feature = "fuzz")]
fn fuzz(
    time: u64,
    seed: u64,
    features: Option<&str>,
    jobs: Option<usize>,
    cases: PathBuf,
) -> Result<u8, Error> {
    use std::io::Write;
    let features = match features {
        Some(text) => skink_progen::Features::parse(text).map_err(Error::Environment)?,
        None => skink_progen::Features::all(),
    };
    let jobs = jobs.unwrap_or_else(|| std::thread::available_parallelism().map_or(1, |n| n.get()));
    let options = skink_fuzz::Options {
        time: std::time::Duration::from_secs(time),
        seed,
        features,
        jobs,
        cases_dir: cases,
        max_programs: None,
        stop_at_first_failure: false,
    };
    let last_shown = std::sync::Mutex::new(0u64);
    let report = skink_fuzz::campaign(&options, &|p| {
        // One progress line, redrawn at most once a second.
        let second = p.elapsed.as_secs();
        let mut last = last_shown.lock().unwrap_or_else(|e| e.into_inner());
        if second == *last && p.failures == 0 {
            return;
        }
        *last = second;
        let mut err = std::io::stderr().lock();
        let _ = write!(
            err,
            "\rfuzz: {} programs, {} failures, {:.0} s",
            p.programs,
            p.failures,
            p.elapsed.as_secs_f64()
        );
        let _ = err.flush();
    });
    eprintln!();
    println!("{}", skink_fuzz::summary(&report));
    Ok(if report.failures.is_empty() { 0 } else { 1 })
}

#[cfg(not(feature = "fuzz"))]
fn fuzz(
    _time: u64,
    _seed: u64,
    _features: Option<&str>,
    _jobs: Option<usize>,
    _cases: PathBuf,
) -> Result<u8, Error> {
    Err(Error::Environment(
        "this skink was built without the fuzzing campaign, which links CPython 3.11; \
         build it with `cargo build --release -p skink --features fuzz`"
            .into(),
    ))
}

fn default_output(file: &Path) -> PathBuf {
    let stem = file
        .file_stem()
        .map_or_else(|| OsString::from("a.out"), |s| s.to_os_string());
    PathBuf::from(stem)
}

fn build(
    file: &Path,
    output: Option<PathBuf>,
    opt: Options,
    mode: link::LinkMode,
) -> Result<u8, Error> {
    let source = skink_compiler::read_source(file)?;
    let output = output.unwrap_or_else(|| default_output(file));
    if output
        .canonicalize()
        .ok()
        .is_some_and(|o| file.canonicalize().ok() == Some(o))
    {
        return Err(Error::Environment(format!(
            "the output {} would overwrite the source file; name another with -o",
            output.display()
        )));
    }
    skink_compiler::build_linked(&source, &output, opt, mode)?;
    Ok(0)
}

/// A hash of the running `skink` executable: a rebuilt compiler invalidates the cache.
fn compiler_hash() -> Result<String, Error> {
    let exe = std::env::current_exe()
        .map_err(|e| Error::Environment(format!("cannot find the skink executable: {e}")))?;
    let bytes = std::fs::read(&exe)
        .map_err(|e| Error::Environment(format!("cannot read {}: {e}", exe.display())))?;
    Ok(blake3::hash(&bytes).to_hex().to_string())
}

fn run(file: &Path, args: &[OsString], opt: Options) -> Result<u8, Error> {
    let source = skink_compiler::read_source(file)?;
    let mut hasher = blake3::Hasher::new();
    hasher.update(compiler_hash()?.as_bytes());
    hasher.update(source.path.as_bytes());
    hasher.update(&[0]);
    hasher.update(opt.level.name().as_bytes());
    hasher.update(&[0]);
    hasher.update(format!("{:?}", opt.fuel).as_bytes());
    hasher.update(&[0]);
    hasher.update(source.text.as_bytes());
    let key = hasher.finalize().to_hex()[..32].to_string();
    let bin_dir = link::cache_dir().join("bin");
    let binary = bin_dir.join(&key);
    if !binary.exists() {
        std::fs::create_dir_all(&bin_dir)
            .map_err(|e| Error::Environment(format!("cannot create {}: {e}", bin_dir.display())))?;
        let partial = link::unique_temp_path(&bin_dir, &key, "partial");
        skink_compiler::build_at(&source, &partial, opt)?;
        std::fs::rename(&partial, &binary)
            .map_err(|e| Error::Environment(format!("cannot write {}: {e}", binary.display())))?;
    }
    let status = std::process::Command::new(&binary)
        .args(args)
        .status()
        .map_err(|e| Error::Environment(format!("cannot run the compiled program: {e}")))?;
    Ok(exit_code_of(status))
}

/// The program's exit code; death by a signal becomes 128 + the signal, as shells report it.
fn exit_code_of(status: std::process::ExitStatus) -> u8 {
    use std::os::unix::process::ExitStatusExt;
    match (status.code(), status.signal()) {
        (Some(code), _) => code as u8,
        (None, Some(sig)) => (128 + sig) as u8,
        (None, None) => 1,
    }
}

fn ir(file: &Path, stage: StageArg, opt: Options) -> Result<u8, Error> {
    let source = skink_compiler::read_source(file)?;
    let stage = match stage {
        StageArg::Ast => Stage::Ast,
        StageArg::Hir => Stage::Hir,
        StageArg::Mir => Stage::Mir,
        StageArg::Clif => Stage::Clif,
    };
    print!("{}", skink_compiler::dump_at(&source, stage, opt)?);
    Ok(0)
}
