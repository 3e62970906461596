//! What a program did, as skink promises to match CPython: its stdout, its exit
//! code and the last line of its stderr. Running a program with a timeout and
//! describing how two outcomes differ, for the conformance harness and
//! `skink diff` alike.

use std::io::Read;
use std::path::Path;
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

use serde::{Deserialize, Serialize};

/// What a program did: the three things skink promises to match.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Outcome {
    pub stdout: String,
    pub exit_code: i32,
    pub stderr_last_line: String,
}

/// Runs an executable in `cwd`, capturing its output, killing it after `timeout`.
pub fn run_with_timeout(exe: &Path, cwd: &Path, timeout: Duration) -> Result<Outcome, String> {
    let mut command = Command::new(exe);
    command.current_dir(cwd);
    run_command(command, timeout)
}

/// Runs `command` with no input, capturing its output, killing it after `timeout`.
pub fn run_command(mut command: Command, timeout: Duration) -> Result<Outcome, String> {
    let shown = command.get_program().to_string_lossy().into_owned();
    let mut child = command
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .map_err(|e| format!("cannot run {shown}: {e}"))?;
    let mut stdout = child.stdout.take().ok_or("no stdout")?;
    let mut stderr = child.stderr.take().ok_or("no stderr")?;
    let out_reader = std::thread::spawn(move || {
        let mut buf = Vec::new();
        let _ = stdout.read_to_end(&mut buf);
        buf
    });
    let err_reader = std::thread::spawn(move || {
        let mut buf = Vec::new();
        let _ = stderr.read_to_end(&mut buf);
        buf
    });
    let start = Instant::now();
    let status = loop {
        if let Some(status) = child.try_wait().map_err(|e| e.to_string())? {
            break status;
        }
        if start.elapsed() > timeout {
            let _ = child.kill();
            let _ = child.wait();
            return Err(format!("timed out after {} s", timeout.as_secs()));
        }
        std::thread::sleep(Duration::from_millis(2));
    };
    let stdout = out_reader.join().map_err(|_| "stdout reader panicked")?;
    let stderr = err_reader.join().map_err(|_| "stderr reader panicked")?;
    let stderr = String::from_utf8_lossy(&stderr);
    let exit_code = match status.code() {
        Some(c) => c,
        None => return Err(format!("killed by a signal ({status}); stderr:\n{stderr}")),
    };
    Ok(Outcome {
        stdout: String::from_utf8_lossy(&stdout).into_owned(),
        exit_code,
        // As the oracle reads it: the exception's last line, even when its message
        // ends in a newline (then stderr ends in a blank line).
        stderr_last_line: stderr
            .trim_end_matches('\n')
            .lines()
            .last()
            .unwrap_or("")
            .to_string(),
    })
}

/// A line-by-line account of how two outcomes differ.
pub fn describe_difference(expected: &Outcome, actual: &Outcome) -> String {
    let mut out = String::new();
    if expected.exit_code != actual.exit_code {
        out.push_str(&format!(
            "exit code: expected {}, got {}\n",
            expected.exit_code, actual.exit_code
        ));
    }
    if expected.stderr_last_line != actual.stderr_last_line {
        out.push_str(&format!(
            "last stderr line:\n  expected {:?}\n  got      {:?}\n",
            expected.stderr_last_line, actual.stderr_last_line
        ));
    }
    if expected.stdout != actual.stdout {
        let (e, a): (Vec<_>, Vec<_>) = (
            expected.stdout.lines().collect(),
            actual.stdout.lines().collect(),
        );
        let first = e
            .iter()
            .zip(&a)
            .position(|(x, y)| x != y)
            .unwrap_or(e.len().min(a.len()));
        out.push_str(&format!(
            "stdout differs from line {} (expected {} lines, got {}):\n  expected {:?}\n  got      {:?}\n",
            first + 1,
            e.len(),
            a.len(),
            e.get(first).unwrap_or(&"<end>"),
            a.get(first).unwrap_or(&"<end>")
        ));
    }
    out
}
