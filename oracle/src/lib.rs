//! The oracle: an embedded CPython 3.11 (pyo3) that answers what Python really does.
//! It runs a program's source and returns its stdout, exit code and the last line
//! of its stderr. Calls are serialized (swapping `sys.stdout` is process-wide), so
//! it is safe to call from many test threads.

use std::ffi::CString;
use std::sync::{Mutex, OnceLock};

use pyo3::prelude::*;
pub use skink_outcome::Outcome;

const HELPER: &str = include_str!("oracle.py");

static LOCK: Mutex<()> = Mutex::new(());
static DEPTH_OFFSET: OnceLock<Result<i64, String>> = OnceLock::new();

/// The recursion depth `python3 app.py` allows a program that recurses from the
/// module: `f(0)` to `f(998)` succeed with the default limit of 1000.
const SCRIPT_MAX_DEPTH: i64 = 998;

const DEPTH_PROBE: &str = "
def probe(n):
    global deepest
    deepest = n
    probe(n + 1)
deepest = 0
try:
    probe(0)
except RecursionError:
    pass
print(deepest)
";

fn run_unlocked(
    source: &str,
    path: &str,
    argv: &[String],
    extra_depth: i64,
) -> Result<Outcome, String> {
    Python::attach(|py| {
        let code = CString::new(HELPER).map_err(|e| e.to_string())?;
        let module = PyModule::from_code(py, &code, c"skink_oracle.py", c"skink_oracle")
            .map_err(|e| e.to_string())?;
        let result = module
            .getattr("run")
            .and_then(|run| run.call1((source, path, argv.to_vec(), extra_depth)))
            .and_then(|r| r.extract::<(String, i32, String)>())
            .map_err(|e| e.to_string())?;
        Ok(Outcome {
            stdout: result.0,
            exit_code: result.1,
            stderr_last_line: result.2,
        })
    })
}

/// How many frames the embedding itself puts under the program, measured once.
fn depth_offset() -> Result<i64, String> {
    DEPTH_OFFSET
        .get_or_init(|| {
            let probe = run_unlocked(DEPTH_PROBE, "<probe>", &[], 0)?;
            let reached: i64 = probe
                .stdout
                .trim()
                .parse()
                .map_err(|_| format!("bad depth probe: {probe:?}"))?;
            Ok(SCRIPT_MAX_DEPTH - reached)
        })
        .clone()
}

/// Runs `source` as CPython would run the file `path` with arguments `argv`.
pub fn run(source: &str, path: &str, argv: &[String]) -> Result<Outcome, String> {
    let _guard = LOCK.lock().unwrap_or_else(|poisoned| poisoned.into_inner());
    let offset = depth_offset()?;
    run_unlocked(source, path, argv, offset)
}

/// The version of the embedded interpreter, e.g. `3.11.7`.
pub fn python_version() -> Result<String, String> {
    let _guard = LOCK.lock().unwrap_or_else(|poisoned| poisoned.into_inner());
    Python::attach(|py| {
        let sys = py.import("sys").map_err(|e| e.to_string())?;
        let info = sys.getattr("version_info").map_err(|e| e.to_string())?;
        let (major, minor, micro): (u32, u32, u32) = (
            info.getattr("major")
                .and_then(|v| v.extract())
                .map_err(|e| e.to_string())?,
            info.getattr("minor")
                .and_then(|v| v.extract())
                .map_err(|e| e.to_string())?,
            info.getattr("micro")
                .and_then(|v| v.extract())
                .map_err(|e| e.to_string())?,
        );
        Ok(format!("{major}.{minor}.{micro}"))
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn check(source: &str, stdout: &str, exit_code: i32, last: &str) {
        let got = run(source, "app.py", &[]).expect("the oracle runs");
        assert_eq!(
            got,
            Outcome {
                stdout: stdout.into(),
                exit_code,
                stderr_last_line: last.into()
            }
        );
    }

    #[test]
    fn captures_stdout_exit_code_and_last_stderr_line() {
        check("print(1 + 1)\n", "2\n", 0, "");
        check(
            "print('a')\n1 // 0\n",
            "a\n",
            1,
            "ZeroDivisionError: integer division or modulo by zero",
        );
        check("raise SystemExit(3)\n", "", 3, "");
    }

    #[test]
    fn recursion_limit_matches_a_script_run() {
        let program =
            "def f(n):\n    return 0 if n == 0 else 1 + f(n - 1)\nprint(f(998))\nprint(f(999))\n";
        check(
            program,
            "998\n",
            1,
            "RecursionError: maximum recursion depth exceeded",
        );
    }

    #[test]
    fn loads_the_configured_python_311() {
        let version = python_version().expect("version");
        assert!(version.starts_with("3.11."), "{version}");
        let configured = env!("SKINK_ORACLE_PYTHON");
        if !configured.is_empty() {
            assert_eq!(
                version, configured,
                "a different libpython was loaded than pyo3 was built for"
            );
        }
    }

    #[test]
    fn many_threads_at_once() {
        let handles: Vec<_> = (0..8)
            .map(|i| {
                std::thread::spawn(move || {
                    run(&format!("print({i} * 2)\n"), "t.py", &[]).map(|o| o.stdout)
                })
            })
            .collect();
        for (i, h) in handles.into_iter().enumerate() {
            assert_eq!(
                h.join().expect("no panic").expect("runs"),
                format!("{}\n", i * 2)
            );
        }
    }
}
