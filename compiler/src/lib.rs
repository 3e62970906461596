//! The skink compiler: Python 3.11 source -> rustpython-parser AST -> HIR -> MIR ->
//! Cranelift IR -> object file -> executable (linked with the skink runtime).
//!
//! Every stage has a textual dump (`Stage`). Lowering never fails on user input:
//! problems come back as diagnostics, and a program with any is not compiled.

pub mod codegen;
pub mod diagnostic;
pub mod frontend;
pub mod hir;
pub mod inject;
pub mod link;
pub mod mir;

use std::path::Path;

pub use diagnostic::{Diagnostic, SourceFile, Span};

/// A stage whose dump `skink ir` prints.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Stage {
    Ast,
    Hir,
    Mir,
    Clif,
}

/// Why a compilation produced nothing.
#[derive(Debug)]
pub enum Error {
    /// The program is wrong or outside the supported subset.
    Diagnostics(SourceFile, Vec<Diagnostic>),
    /// Something around the program failed (writing, linking).
    Environment(String),
    /// A bug in skink: the program was accepted but could not be compiled.
    Internal(String),
}

impl Error {
    /// The text to show a user.
    pub fn render(&self) -> String {
        match self {
            Error::Diagnostics(file, diags) => diagnostic::render(diags, file),
            Error::Environment(msg) => format!("error: {msg}\n"),
            Error::Internal(msg) => format!(
                "error: internal compiler error: {msg}\nnote: this is a bug in skink; please report it with the program\n"
            ),
        }
    }

    /// The exit code `skink` ends with: 2 for the user's program, 1 for the
    /// environment, 101 for skink's own bugs (as rustc).
    pub fn exit_code(&self) -> i32 {
        match self {
            Error::Diagnostics(..) => 2,
            Error::Environment(_) => 1,
            Error::Internal(_) => 101,
        }
    }
}

/// Reads a source file: missing files, directories and text that is not UTF-8
/// are diagnostics like any other.
pub fn read_source(path: &Path) -> Result<SourceFile, Error> {
    let shown = path.display().to_string();
    let fail = |d: Diagnostic| Error::Diagnostics(SourceFile::new(shown.clone(), ""), vec![d]);
    if path.is_dir() {
        return Err(fail(Diagnostic::file_error(format!(
            "{shown} is a directory, not a Python file"
        ))));
    }
    let bytes = match std::fs::read(path) {
        Ok(b) => b,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => {
            return Err(fail(Diagnostic::file_error(format!(
                "cannot read {shown}: no such file"
            ))));
        }
        Err(e) => {
            return Err(fail(Diagnostic::file_error(format!(
                "cannot read {shown}: {e}"
            ))));
        }
    };
    match String::from_utf8(bytes) {
        Ok(text) => Ok(SourceFile::new(shown, text)),
        Err(e) => {
            let at = e.utf8_error().valid_up_to();
            let text = String::from_utf8_lossy(e.as_bytes()).into_owned();
            // The valid prefix is unchanged by lossy decoding; the bad byte became U+FFFD.
            let file = SourceFile::new(shown, text);
            let d = Diagnostic::error(
                Span::new(at as u32, (at + char::REPLACEMENT_CHARACTER.len_utf8()) as u32),
                "the source file is not valid UTF-8",
                format!("invalid byte 0x{:02x} here", e.as_bytes()[at]),
            )
            .with_help("Python 3 source is UTF-8 unless it declares another encoding, which skink does not support");
            Err(Error::Diagnostics(file, vec![d]))
        }
    }
}

/// Everything a compilation produced, stage by stage.
pub struct Compilation {
    pub ast: Vec<frontend::ast::Stmt>,
    pub hir: hir::Module,
    pub mir: mir::Module,
    pub codegen: codegen::Output,
}

/// Runs `work` on a thread with a large stack: the compiler recurses over the
/// program's nesting, which user input controls.
fn with_big_stack<T: Send + 'static>(
    work: impl FnOnce() -> Result<T, Error> + Send + 'static,
) -> Result<T, Error> {
    const STACK: usize = 256 << 20;
    let handle = std::thread::Builder::new()
        .name("skink-compile".into())
        .stack_size(STACK)
        .spawn(work)
        .map_err(|e| Error::Environment(format!("cannot start the compiler thread: {e}")))?;
    handle
        .join()
        .map_err(|_| Error::Internal("the compiler panicked".into()))?
}

/// How much the compiler optimizes.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum OptLevel {
    /// MIR as lowered: every value a boxed word, every op a runtime call or its
    /// inline fast path. The reference the optimized code is checked against.
    None,
    /// Type inference, specialization and unboxing.
    #[default]
    Full,
}

impl OptLevel {
    pub const ALL: [OptLevel; 2] = [OptLevel::None, OptLevel::Full];

    pub fn name(self) -> &'static str {
        match self {
            OptLevel::None => "0",
            OptLevel::Full => "1",
        }
    }

    pub fn parse(text: &str) -> Option<OptLevel> {
        OptLevel::ALL.into_iter().find(|o| o.name() == text)
    }

    /// The MIR passes the level runs, in order.
    pub fn passes(self) -> &'static [&'static str] {
        match self {
            OptLevel::None => &PASSES[..1],
            OptLevel::Full => &PASSES,
        }
    }
}

/// How to compile: the optimization level, and the optimizer's fuel.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Options {
    pub level: OptLevel,
    /// How many rewrites the e-graph optimizer may make (`None`: no limit), so
    /// a miscompilation can be bisected to the rewrite that causes it.
    pub fuel: Option<u64>,
}

impl From<OptLevel> for Options {
    fn from(level: OptLevel) -> Options {
        Options { level, fuel: None }
    }
}

/// One MIR pass as `skink ir --passes` shows it: the module after it, and
/// for the e-graph optimizer what it did.
#[derive(Clone, Debug)]
pub struct PassView {
    pub name: &'static str,
    /// Whether the MIR differs from the previous pass's.
    pub changed: bool,
    /// Each function's MIR after the pass: its name and text.
    pub functions: Vec<(String, String)>,
    pub report: Option<mir::egraph::Report>,
}

/// Compiles a source file to an object file, with the CLIF text of every function.
pub fn compile(file: &SourceFile) -> Result<Compilation, Error> {
    compile_at(file, OptLevel::default())
}

/// `compile` with options (or just an optimization level).
pub fn compile_at(file: &SourceFile, opt: impl Into<Options>) -> Result<Compilation, Error> {
    let file = file.clone();
    let opt = opt.into();
    with_big_stack(move || compile_here(&file, codegen::Clif::Keep, opt, None))
}

/// The MIR after each pass of the optimization level, as `skink ir --passes` prints it.
pub fn passes(file: &SourceFile, opt: impl Into<Options>) -> Result<Vec<PassView>, Error> {
    let file = file.clone();
    let opt = opt.into();
    with_big_stack(move || {
        let mut log = Vec::new();
        compile_here(&file, codegen::Clif::Drop, opt, Some(&mut log))?;
        Ok(log)
    })
}

/// Records the module after a pass, when a log is kept.
fn record(
    log: &mut Option<&mut Vec<PassView>>,
    name: &'static str,
    mir: &mir::Module,
    report: Option<mir::egraph::Report>,
) {
    let Some(log) = log else { return };
    let functions = mir::dump_functions(mir);
    let changed = log.last().is_none_or(|p| p.functions != functions);
    log.push(PassView {
        name,
        changed,
        functions,
        report,
    });
}

/// The MIR passes, in the order they run: -O0 runs the first, -O1 all of them.
pub const PASSES: [&str; 4] = ["lower", "specialize", "unbox", "egraph"];

/// The MIR passes of an optimization level, stopping after the pass `stop`
/// when one is given.
fn optimize(
    mir: &mut mir::Module,
    opt: Options,
    mut log: Option<&mut Vec<PassView>>,
    stop: Option<&str>,
) {
    record(&mut log, "lower", mir, None);
    if opt.level == OptLevel::None || stop == Some("lower") {
        return;
    }
    let types = mir::types::specialize_and_infer(mir);
    mir::types::record_int_facts(mir, &types);
    record(&mut log, "specialize", mir, None);
    if stop == Some("specialize") {
        return;
    }
    mir::unbox::unbox(mir, &types);
    record(&mut log, "unbox", mir, None);
    if stop == Some("unbox") {
        return;
    }
    let report = mir::egraph::optimize(mir, &types, opt.fuel);
    record(&mut log, "egraph", mir, Some(report));
}

/// Parses and lowers a source file to MIR and runs the passes of `opt`, up to
/// and including `stop` (all of them when `None`): what the MIR interpreter runs.
/// A pass the level does not run is refused.
pub fn mir_after(
    file: &SourceFile,
    opt: impl Into<Options>,
    stop: Option<&str>,
) -> Result<mir::Module, Error> {
    let file = file.clone();
    let opt = opt.into();
    let passes = opt.level.passes();
    let stop = match stop {
        None => None,
        Some(name) => Some(*passes.iter().find(|p| **p == name).ok_or_else(|| {
            Error::Environment(format!(
                "-O{} runs only the passes {}",
                opt.level.name(),
                passes.join(", ")
            ))
        })?),
    };
    with_big_stack(move || {
        let (_, _, mut mir) = lower(&file)?;
        optimize(&mut mir, opt, None, stop);
        Ok(mir)
    })
}

/// The front end: the syntax tree, HIR and MIR as lowered, or the diagnostics.
fn lower(file: &SourceFile) -> Result<(Vec<frontend::ast::Stmt>, hir::Module, mir::Module), Error> {
    let ast = frontend::parse(file).map_err(|d| Error::Diagnostics(file.clone(), vec![d]))?;
    let (hir, diags) = hir::lower::lower(&ast, &file.text);
    if !diags.is_empty() {
        return Err(Error::Diagnostics(file.clone(), diags));
    }
    let mir = mir::lower::lower(&hir, file);
    Ok((ast, hir, mir))
}

fn compile_here(
    file: &SourceFile,
    clif: codegen::Clif,
    opt: Options,
    log: Option<&mut Vec<PassView>>,
) -> Result<Compilation, Error> {
    let (ast, hir, mut mir) = lower(file)?;
    optimize(&mut mir, opt, log, None);
    let codegen = codegen::compile(&mir, clif).map_err(Error::Internal)?;
    Ok(Compilation {
        ast,
        hir,
        mir,
        codegen,
    })
}

/// The dump of one stage.
pub fn dump(file: &SourceFile, stage: Stage) -> Result<String, Error> {
    dump_at(file, stage, OptLevel::default())
}

/// `dump` with options (or just an optimization level).
pub fn dump_at(file: &SourceFile, stage: Stage, opt: impl Into<Options>) -> Result<String, Error> {
    if stage == Stage::Ast {
        let file = file.clone();
        return with_big_stack(move || {
            let ast =
                frontend::parse(&file).map_err(|d| Error::Diagnostics(file.clone(), vec![d]))?;
            Ok(frontend::dump(&ast))
        });
    }
    let c = compile_at(file, opt)?;
    Ok(match stage {
        Stage::Ast => frontend::dump(&c.ast),
        Stage::Hir => hir::dump(&c.hir),
        Stage::Mir => mir::dump(&c.mir),
        Stage::Clif => c.codegen.clif,
    })
}

/// Compiles and links a source file into the executable `output`.
pub fn build(file: &SourceFile, output: &Path) -> Result<(), Error> {
    build_at(file, output, OptLevel::default())
}

/// `build` with options (or just an optimization level).
pub fn build_at(file: &SourceFile, output: &Path, opt: impl Into<Options>) -> Result<(), Error> {
    build_linked(file, output, opt, link::LinkMode::default())
}

/// `build_at` with the C library linked as `mode` says.
pub fn build_linked(
    file: &SourceFile,
    output: &Path,
    opt: impl Into<Options>,
    mode: link::LinkMode,
) -> Result<(), Error> {
    // Printing every function as CLIF text cost a tenth of the compile time.
    let file = file.clone();
    let opt = opt.into();
    let c = with_big_stack(move || compile_here(&file, codegen::Clif::Drop, opt, None))?;
    link::link(&c.codegen.object, output, mode).map_err(Error::Environment)
}
