//! The suite as checked in: `gates.toml` (which programs run with which inputs,
//! and the threshold of every gated metric) and the programs it names.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use serde::Deserialize;

/// How far a gated metric may grow past its baseline, as a fraction (0.03 = +3%).
#[derive(Clone, Copy, Debug, Deserialize, PartialEq)]
#[serde(deny_unknown_fields)]
pub struct Limits {
    pub instructions: f64,
    pub binary_size: f64,
    pub compile_instructions: f64,
}

/// Per-benchmark overrides of [`Limits`].
#[derive(Clone, Copy, Debug, Default, Deserialize, PartialEq)]
#[serde(deny_unknown_fields)]
pub struct LimitOverrides {
    pub instructions: Option<f64>,
    pub binary_size: Option<f64>,
    pub compile_instructions: Option<f64>,
}

impl LimitOverrides {
    fn over(&self, defaults: Limits) -> Limits {
        Limits {
            instructions: self.instructions.unwrap_or(defaults.instructions),
            binary_size: self.binary_size.unwrap_or(defaults.binary_size),
            compile_instructions: self
                .compile_instructions
                .unwrap_or(defaults.compile_instructions),
        }
    }
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct BenchmarkEntry {
    /// Arguments of the timed runs: at least 0.5 s under CPython.
    args: Vec<String>,
    /// Smaller arguments for the run counted under valgrind, which is ~50x slower.
    count_args: Vec<String>,
    /// Part of the quick gate CI runs on every change.
    #[serde(default)]
    quick: bool,
    /// The slowest wall-time speedup against CPython a release accepts.
    min_speedup: f64,
    #[serde(flatten)]
    limits: LimitOverrides,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct StartupEntry {
    program: String,
    #[serde(flatten)]
    limits: LimitOverrides,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct GatesFile {
    limits: Limits,
    startup: StartupEntry,
    benchmarks: BTreeMap<String, BenchmarkEntry>,
}

/// One benchmark program with its inputs and thresholds.
#[derive(Clone, Debug)]
pub struct Benchmark {
    pub name: String,
    pub path: PathBuf,
    pub args: Vec<String>,
    pub count_args: Vec<String>,
    pub quick: bool,
    pub min_speedup: f64,
    pub limits: Limits,
}

/// The startup program (hello world): binary size, instructions and startup time.
#[derive(Clone, Debug)]
pub struct Startup {
    pub name: String,
    pub path: PathBuf,
    pub limits: Limits,
}

/// The whole suite, checked for consistency with the programs directory.
#[derive(Clone, Debug)]
pub struct Suite {
    pub dir: PathBuf,
    pub startup: Startup,
    /// Sorted by name.
    pub benchmarks: Vec<Benchmark>,
}

impl Suite {
    /// Loads `dir/gates.toml` and checks that it and `dir/programs/` name the same programs.
    pub fn load(dir: &Path) -> Result<Suite, String> {
        let gates_path = dir.join("gates.toml");
        let text = std::fs::read_to_string(&gates_path).map_err(|e| {
            format!(
                "cannot read {}: {e} (run `skink bench` from the skink repository, or pass --suite DIR)",
                gates_path.display()
            )
        })?;
        let file: GatesFile =
            toml::from_str(&text).map_err(|e| format!("{}: {e}", gates_path.display()))?;
        check_limits("limits", &file.limits)?;
        let programs_dir = dir.join("programs");
        let mut on_disk = Vec::new();
        let entries = std::fs::read_dir(&programs_dir)
            .map_err(|e| format!("cannot read {}: {e}", programs_dir.display()))?;
        for entry in entries {
            let path = entry
                .map_err(|e| format!("cannot read {}: {e}", programs_dir.display()))?
                .path();
            if path.extension().is_some_and(|x| x == "py")
                && let Some(stem) = path.file_stem().and_then(|s| s.to_str())
            {
                on_disk.push(stem.to_string());
            }
        }
        on_disk.sort();
        for name in &on_disk {
            if !file.benchmarks.contains_key(name) {
                return Err(format!(
                    "{}: programs/{name}.py has no [benchmarks.{name}] entry",
                    gates_path.display()
                ));
            }
        }
        let mut benchmarks = Vec::new();
        for (name, entry) in file.benchmarks {
            if on_disk.binary_search(&name).is_err() {
                return Err(format!(
                    "{}: [benchmarks.{name}] names a program that does not exist: programs/{name}.py",
                    gates_path.display()
                ));
            }
            let limits = entry.limits.over(file.limits);
            check_limits(&format!("benchmarks.{name}"), &limits)?;
            if !(entry.min_speedup > 0.0 && entry.min_speedup.is_finite()) {
                return Err(format!(
                    "{}: benchmarks.{name}.min_speedup must be a positive number",
                    gates_path.display()
                ));
            }
            benchmarks.push(Benchmark {
                path: programs_dir.join(format!("{name}.py")),
                name,
                args: entry.args,
                count_args: entry.count_args,
                quick: entry.quick,
                min_speedup: entry.min_speedup,
                limits,
            });
        }
        let startup_path = dir.join(&file.startup.program);
        if !startup_path.is_file() {
            return Err(format!(
                "{}: the startup program {} does not exist",
                gates_path.display(),
                startup_path.display()
            ));
        }
        let startup = Startup {
            name: Path::new(&file.startup.program)
                .file_stem()
                .and_then(|s| s.to_str())
                .unwrap_or("startup")
                .to_string(),
            path: startup_path,
            limits: file.startup.limits.over(file.limits),
        };
        Ok(Suite {
            dir: dir.to_path_buf(),
            startup,
            benchmarks,
        })
    }

    /// The benchmarks whose names contain `pattern` (all without one), quick ones only if asked.
    pub fn select(&self, pattern: Option<&str>, quick: bool) -> Vec<Benchmark> {
        self.benchmarks
            .iter()
            .filter(|b| pattern.is_none_or(|p| b.name.contains(p)))
            .filter(|b| !quick || b.quick)
            .cloned()
            .collect()
    }
}

fn check_limits(at: &str, limits: &Limits) -> Result<(), String> {
    for (name, value) in [
        ("instructions", limits.instructions),
        ("binary_size", limits.binary_size),
        ("compile_instructions", limits.compile_instructions),
    ] {
        if !(value >= 0.0 && value.is_finite()) {
            return Err(format!(
                "gates.toml: {at}.{name} must be a fraction of at least 0 (0.03 allows +3%)"
            ));
        }
    }
    Ok(())
}
