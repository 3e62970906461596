//! The outside programs the suite runs: CPython 3.11 (the reference for every
//! output and every speedup) and valgrind's cachegrind (the instruction counter).

use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};
use std::sync::atomic::{AtomicU64, Ordering};

/// A CPython 3.11 interpreter, by its real path: a pyenv shim would add ~100 ms
/// of its own to every timed run.
#[derive(Clone, Debug)]
pub struct Python {
    pub executable: PathBuf,
    pub version: String,
}

impl Python {
    /// `explicit`, else `$SKINK_BENCH_PYTHON`, else whatever `python3` resolves to.
    pub fn find(explicit: Option<&Path>) -> Result<Python, String> {
        let launcher = explicit
            .map(Path::to_path_buf)
            .or_else(|| std::env::var_os("SKINK_BENCH_PYTHON").map(PathBuf::from))
            .unwrap_or_else(|| PathBuf::from("python3"));
        let out = Command::new(&launcher)
            .args([
                "-c",
                "import sys; print(sys.executable); print(sys.version.split()[0])",
            ])
            .stdin(Stdio::null())
            .output()
            .map_err(|e| {
                format!(
                    "cannot run {} (CPython 3.11, the reference every benchmark is checked against): {e}",
                    launcher.display()
                )
            })?;
        let text = String::from_utf8_lossy(&out.stdout);
        let mut lines = text.lines();
        let (Some(executable), Some(version)) = (lines.next(), lines.next()) else {
            return Err(format!(
                "{} did not say where it is: {}",
                launcher.display(),
                String::from_utf8_lossy(&out.stderr).trim()
            ));
        };
        if !version.starts_with("3.11.") {
            return Err(format!(
                "{} is Python {version}; the benchmarks compare with CPython 3.11 (pass --python)",
                launcher.display()
            ));
        }
        Ok(Python {
            executable: PathBuf::from(executable),
            version: version.to_string(),
        })
    }

    /// A command running `script` with `args`, hash randomization off.
    pub fn command(&self, script: &Path, args: &[String]) -> Command {
        let mut cmd = Command::new(&self.executable);
        cmd.arg(script)
            .args(args)
            .env("PYTHONHASHSEED", "0")
            .stdin(Stdio::null());
        cmd
    }
}

/// valgrind, checked to be there.
#[derive(Clone, Debug)]
pub struct Valgrind {
    pub version: String,
}

impl Valgrind {
    pub fn find() -> Result<Valgrind, String> {
        let out = Command::new("valgrind")
            .arg("--version")
            .stdin(Stdio::null())
            .output()
            .map_err(|e| {
                format!(
                    "cannot run valgrind, which counts instructions: {e} \
                     (install it: apt-get install valgrind)"
                )
            })?;
        Ok(Valgrind {
            version: String::from_utf8_lossy(&out.stdout).trim().to_string(),
        })
    }

    /// Runs `program args` in `dir` under cachegrind with an empty environment (so
    /// neither the caller's variables nor their size change the count) and returns
    /// the program's output with the instructions it executed.
    pub fn count(
        &self,
        dir: &Path,
        program: &str,
        args: &[String],
        env: &[(&str, &str)],
    ) -> Result<(Output, u64), String> {
        static LOGS: AtomicU64 = AtomicU64::new(0);
        let n = LOGS.fetch_add(1, Ordering::Relaxed);
        let log = dir.join(format!(".cachegrind-{}-{n}.log", std::process::id()));
        let out = Command::new("valgrind")
            .args([
                "--tool=cachegrind",
                "--cache-sim=no",
                "--branch-sim=no",
                "--cachegrind-out-file=/dev/null",
            ])
            .arg(format!("--log-file={}", log.display()))
            .arg(program)
            .args(args)
            .current_dir(dir)
            .env_clear()
            .envs(env.iter().copied())
            .stdin(Stdio::null())
            .output()
            .map_err(|e| format!("cannot run valgrind: {e}"))?;
        let text = std::fs::read_to_string(&log)
            .map_err(|e| format!("valgrind wrote no log at {}: {e}", log.display()))?;
        let _ = std::fs::remove_file(&log);
        let count = parse_instruction_count(&text).ok_or_else(|| {
            format!(
                "valgrind reported no instruction count for {program}:\n{}",
                text.lines().take(20).collect::<Vec<_>>().join("\n")
            )
        })?;
        Ok((out, count))
    }
}

/// The `I refs:` total of a cachegrind log.
pub fn parse_instruction_count(log: &str) -> Option<u64> {
    log.lines().find_map(|line| {
        let (_, rest) = line.split_once("I   refs:")?;
        rest.trim().replace(',', "").parse().ok()
    })
}

#[cfg(test)]
mod tests {
    use super::parse_instruction_count;

    #[test]
    fn reads_cachegrind_totals() {
        let log = "==1== Command: ./a\n==1== \n==1== I   refs:      2,799,004\n";
        assert_eq!(parse_instruction_count(log), Some(2_799_004));
        assert_eq!(parse_instruction_count("==1== Command: ./a\n"), None);
    }
}
