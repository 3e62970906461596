//! Runs the suite: compiles every program, checks its output against CPython,
//! and takes the metrics the mode asks for.

use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};
use std::time::Instant;

use skink_compiler::diagnostic::SourceFile;

use crate::report::{BenchResult, Mismatch, Report, WallTime};
use crate::suite::{Benchmark, Suite};
use crate::tools::{Python, Valgrind};

/// What to measure.
#[derive(Clone, Debug)]
pub struct Options {
    /// Only benchmarks whose name contains this.
    pub filter: Option<String>,
    /// Instruction counts of the quick benchmarks only (what CI gates on).
    pub quick: bool,
    /// Interleaved timed runs per benchmark; the medians are reported.
    pub runs: usize,
    /// Interleaved runs of the startup program.
    pub startup_runs: usize,
    /// A release `skink` executable to count compile-time instructions with, or none.
    pub skink_exe: Option<PathBuf>,
    pub python: Python,
    pub valgrind: Valgrind,
    pub skink_version: String,
    pub skink_profile: String,
}

impl Options {
    /// A full run of every benchmark with the default number of runs, finding
    /// CPython (`python`, else `$SKINK_BENCH_PYTHON` or `python3`) and valgrind; no
    /// compile-time counts.
    pub fn discover(python: Option<&Path>) -> Result<Options, String> {
        Ok(Options {
            filter: None,
            quick: false,
            runs: 5,
            startup_runs: 21,
            skink_exe: None,
            python: Python::find(python)?,
            valgrind: Valgrind::find()?,
            skink_version: env!("CARGO_PKG_VERSION").to_string(),
            skink_profile: if cfg!(debug_assertions) {
                "debug"
            } else {
                "release"
            }
            .to_string(),
        })
    }
}

/// One unit of work finished; `done` of `total`.
pub struct Progress<'a> {
    pub done: usize,
    pub total: usize,
    pub program: &'a str,
    pub step: &'a str,
}

struct Runner<'a> {
    options: &'a Options,
    work: PathBuf,
    done: usize,
    total: usize,
    progress: &'a dyn Fn(&Progress),
}

/// Runs the benchmarks `options` select; `progress` hears of each step.
pub fn run(
    suite: &Suite,
    options: &Options,
    progress: &dyn Fn(&Progress),
) -> Result<Report, String> {
    let benchmarks = suite.select(options.filter.as_deref(), options.quick);
    if benchmarks.is_empty() {
        return Err(match &options.filter {
            Some(p) => format!("no benchmark matches `{p}`"),
            None => "the suite has no benchmarks".to_string(),
        });
    }
    let work = tempfile::Builder::new()
        .prefix("skink-bench-")
        .tempdir()
        .map_err(|e| format!("cannot create a work directory: {e}"))?;
    let steps_each = if options.quick {
        2
    } else {
        3 + usize::from(options.skink_exe.is_some())
    };
    let mut runner = Runner {
        options,
        work: work.path().to_path_buf(),
        done: 0,
        total: (benchmarks.len() + 1) * steps_each + usize::from(options.skink_exe.is_some()),
        progress,
    };
    if let Some(skink) = &options.skink_exe {
        runner.warm_compile_cache(skink, &suite.startup.path)?;
    }
    let startup = runner.program(&suite.startup.name, &suite.startup.path, &[], &[], true);
    let results = benchmarks
        .iter()
        .map(|b: &Benchmark| runner.program(&b.name, &b.path, &b.args, &b.count_args, false))
        .collect();
    Ok(Report {
        skink_version: options.skink_version.clone(),
        skink_profile: options.skink_profile.clone(),
        python_version: options.python.version.clone(),
        valgrind_version: options.valgrind.version.clone(),
        mode: if options.quick { "quick" } else { "full" }.to_string(),
        startup: Some(startup),
        benchmarks: results,
        gate: None,
    })
}

impl Runner<'_> {
    fn step(&mut self, program: &str, step: &str) {
        (self.progress)(&Progress {
            done: self.done,
            total: self.total,
            program,
            step,
        });
        self.done += 1;
    }

    /// The compile-time count must not include writing the runtime library to an empty cache.
    fn warm_compile_cache(&mut self, skink: &Path, hello: &Path) -> Result<(), String> {
        self.step("skink", "preparing the compiler's cache");
        std::fs::copy(hello, self.work.join("warm.py"))
            .map_err(|e| format!("cannot copy {}: {e}", hello.display()))?;
        let out = Command::new(skink)
            .args(["build", "warm.py", "-o", "warm"])
            .current_dir(&self.work)
            .env("XDG_CACHE_HOME", self.work.join("cache"))
            .stdin(Stdio::null())
            .output()
            .map_err(|e| format!("cannot run {}: {e}", skink.display()))?;
        if !out.status.success() {
            return Err(format!(
                "{} build failed: {}",
                skink.display(),
                String::from_utf8_lossy(&out.stderr)
            ));
        }
        Ok(())
    }

    /// Measures one program; any failure is recorded in the result, not returned.
    fn program(
        &mut self,
        name: &str,
        path: &Path,
        args: &[String],
        count_args: &[String],
        startup: bool,
    ) -> BenchResult {
        let mut result = BenchResult::new(name);
        if let Err(e) = self.measure(&mut result, path, args, count_args, startup) {
            result.error = Some(e);
        }
        result
    }

    fn measure(
        &mut self,
        result: &mut BenchResult,
        path: &Path,
        args: &[String],
        count_args: &[String],
        startup: bool,
    ) -> Result<(), String> {
        let name = result.name.clone();
        let options = self.options;
        // A fixed relative file name: the path is part of the binary (tracebacks), and
        // its size must not depend on where the suite is checked out.
        let file_name = format!("{name}.py");
        let text = std::fs::read_to_string(path)
            .map_err(|e| format!("cannot read {}: {e}", path.display()))?;
        std::fs::write(self.work.join(&file_name), &text)
            .map_err(|e| format!("cannot write the work copy of {name}: {e}"))?;

        self.step(&name, "compiling");
        let binary = self.work.join(&name);
        let started = Instant::now();
        skink_compiler::build(&SourceFile::new(file_name.clone(), text), &binary)
            .map_err(|e| format!("skink cannot compile it:\n{}", e.render()))?;
        result.compile_seconds = Some(started.elapsed().as_secs_f64());
        result.binary_size = Some(
            std::fs::metadata(&binary)
                .map_err(|e| format!("no binary: {e}"))?
                .len(),
        );

        self.step(&name, "counting instructions");
        let expected = self.cpython(&file_name, count_args)?;
        let (out, count) =
            options
                .valgrind
                .count(&self.work, &format!("./{name}"), count_args, &[])?;
        if let Some(m) = mismatch(&expected, &out, count_args) {
            result.mismatch = Some(m);
            return Ok(());
        }
        result.instructions = Some(count);
        if options.quick {
            return Ok(());
        }

        if let Some(skink) = &options.skink_exe {
            self.step(&name, "counting compile-time instructions");
            result.compile_instructions = Some(self.compile_count(skink, &file_name, &name)?);
        }

        self.step(&name, "timing against CPython");
        let rounds = if startup {
            options.startup_runs
        } else {
            options.runs
        };
        let (wall, wrong) = self.time(&file_name, &binary, args, rounds)?;
        if let Some(m) = wrong {
            result.mismatch = Some(m);
            return Ok(());
        }
        result.wall = Some(wall);
        Ok(())
    }

    /// CPython's output for `args`; a benchmark CPython itself fails is broken.
    fn cpython(&self, file_name: &str, args: &[String]) -> Result<Output, String> {
        let out = self
            .options
            .python
            .command(Path::new(file_name), args)
            .current_dir(&self.work)
            .output()
            .map_err(|e| format!("cannot run CPython: {e}"))?;
        if !out.status.success() {
            return Err(format!(
                "CPython fails on it with args [{}]: {}",
                args.join(" "),
                String::from_utf8_lossy(&out.stderr).trim()
            ));
        }
        Ok(out)
    }

    fn compile_count(&self, skink: &Path, file_name: &str, name: &str) -> Result<u64, String> {
        let path = std::env::var("PATH").unwrap_or_default();
        let cache = self.work.join("cache");
        let cache = cache.to_string_lossy();
        let mut env = vec![("PATH", path.as_str()), ("XDG_CACHE_HOME", cache.as_ref())];
        let cc = std::env::var("CC").unwrap_or_default();
        if !cc.is_empty() {
            env.push(("CC", cc.as_str()));
        }
        let skink = skink.to_string_lossy();
        let (out, count) = self.options.valgrind.count(
            &self.work,
            &skink,
            &[
                "build".to_string(),
                file_name.to_string(),
                "-o".to_string(),
                format!("{name}.compiled"),
            ],
            &env,
        )?;
        if !out.status.success() {
            return Err(format!(
                "`skink build` failed under valgrind: {}",
                String::from_utf8_lossy(&out.stderr).trim()
            ));
        }
        Ok(count)
    }

    /// Interleaved runs, CPython first in each round; every output is checked.
    fn time(
        &self,
        file_name: &str,
        binary: &Path,
        args: &[String],
        rounds: usize,
    ) -> Result<(WallTime, Option<Mismatch>), String> {
        let mut cpython = Vec::with_capacity(rounds);
        let mut skink = Vec::with_capacity(rounds);
        for _ in 0..rounds {
            let started = Instant::now();
            let expected = self.cpython(file_name, args)?;
            cpython.push(started.elapsed().as_secs_f64());
            let started = Instant::now();
            let out = Command::new(binary)
                .args(args)
                .current_dir(&self.work)
                .stdin(Stdio::null())
                .output()
                .map_err(|e| format!("cannot run the compiled program: {e}"))?;
            skink.push(started.elapsed().as_secs_f64());
            if let Some(m) = mismatch(&expected, &out, args) {
                return Ok((wall(rounds, &mut cpython, &mut skink), Some(m)));
            }
        }
        Ok((wall(rounds, &mut cpython, &mut skink), None))
    }
}

fn wall(runs: usize, cpython: &mut [f64], skink: &mut [f64]) -> WallTime {
    WallTime {
        runs,
        cpython_seconds: median(cpython),
        skink_seconds: median(skink),
    }
}

fn median(xs: &mut [f64]) -> f64 {
    xs.sort_by(f64::total_cmp);
    match xs.len() {
        0 => f64::NAN,
        n if n % 2 == 1 => xs[n / 2],
        n => (xs[n / 2 - 1] + xs[n / 2]) / 2.0,
    }
}

/// Differences in stdout or exit status between CPython and the compiled program.
fn mismatch(expected: &Output, actual: &Output, args: &[String]) -> Option<Mismatch> {
    if expected.stdout == actual.stdout && expected.status.code() == actual.status.code() {
        return None;
    }
    let describe = |o: &Output| {
        let mut text = String::from_utf8_lossy(&o.stdout).into_owned();
        if o.status.code() != Some(0) {
            text.push_str(&format!(
                "[exit {:?}] {}",
                o.status.code(),
                String::from_utf8_lossy(&o.stderr)
                    .lines()
                    .last()
                    .unwrap_or("")
            ));
        }
        text
    };
    Some(Mismatch {
        args: args.to_vec(),
        expected: describe(expected),
        actual: describe(actual),
    })
}

#[cfg(test)]
mod tests {
    use super::median;

    #[test]
    fn medians() {
        assert_eq!(median(&mut [3.0, 1.0, 2.0]), 2.0);
        assert_eq!(median(&mut [4.0, 1.0, 3.0, 2.0]), 2.5);
    }
}
