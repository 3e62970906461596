//! The `skink` binary as a user meets it: builds, runs, dumps, and the diagnostics
//! for programs it cannot compile (exit code 2, never a panic).

use std::path::Path;
use std::process::Command;

struct Run {
    code: i32,
    stdout: String,
    stderr: String,
}

fn skink(dir: &Path, args: &[&str]) -> Run {
    let out = Command::new(env!("CARGO_BIN_EXE_skink"))
        .args(args)
        .current_dir(dir)
        .env("XDG_CACHE_HOME", dir.join("cache"))
        .output()
        .expect("skink runs");
    Run {
        code: out.status.code().unwrap_or(-1),
        stdout: String::from_utf8_lossy(&out.stdout).into_owned(),
        stderr: String::from_utf8_lossy(&out.stderr).into_owned(),
    }
}

/// Builds `source` (as bytes, so it may be invalid UTF-8) and checks exit code 2
/// with a diagnostic naming file, line and column; returns stderr for a snapshot.
fn check_rejected(name: &str, source: &[u8]) -> String {
    let dir = tempfile::tempdir().expect("temp dir");
    std::fs::write(dir.path().join(name), source).expect("write");
    let r = skink(dir.path(), &["build", name]);
    assert_eq!(r.code, 2, "stderr: {}", r.stderr);
    assert!(!r.stderr.contains("panicked"), "{}", r.stderr);
    assert!(r.stderr.starts_with("error: "), "{}", r.stderr);
    assert!(
        r.stderr.contains(&format!("--> {name}:")),
        "no file:line:col in {}",
        r.stderr
    );
    assert!(
        !dir.path().join(name.trim_end_matches(".py")).exists(),
        "no binary for a rejected program"
    );
    r.stderr
}

#[test]
fn syntax_error() {
    insta::assert_snapshot!(check_rejected("app.py", b"x = (1,\nprint(x\n"));
}

#[test]
fn unsupported_class() {
    insta::assert_snapshot!(check_rejected("app.py", b"print(1)\nclass A:\n    pass\n"));
}

#[test]
fn unsupported_list_literal() {
    insta::assert_snapshot!(check_rejected("app.py", b"xs = [1, 2, 3]\n"));
}

#[test]
fn unsupported_import() {
    insta::assert_snapshot!(check_rejected("app.py", b"import os\nprint(os.getcwd())\n"));
}

#[test]
fn not_utf8() {
    insta::assert_snapshot!(check_rejected("app.py", b"x = 1\ny = \"caf\xe9\"\n"));
}

#[test]
fn break_outside_loop() {
    insta::assert_snapshot!(check_rejected("app.py", b"if True:\n    break\n"));
}

#[test]
fn missing_file_and_directory() {
    let dir = tempfile::tempdir().expect("temp dir");
    std::fs::create_dir(dir.path().join("pkg")).expect("mkdir");
    for (arg, says) in [("missing.py", "no such file"), ("pkg", "is a directory")] {
        let r = skink(dir.path(), &["build", arg]);
        assert_eq!(r.code, 2, "{}", r.stderr);
        assert!(
            r.stderr.contains(says) && r.stderr.contains(&format!("--> {arg}")),
            "{}",
            r.stderr
        );
    }
}

#[test]
fn build_writes_a_standalone_executable_named_after_the_script() {
    let dir = tempfile::tempdir().expect("temp dir");
    std::fs::write(dir.path().join("hello.py"), "print('hello', 2 ** 70)\n").expect("write");
    let r = skink(dir.path(), &["build", "hello.py"]);
    assert_eq!(r.code, 0, "{}", r.stderr);
    // Run it with an empty environment: no Python, no skink variables needed.
    let out = Command::new(dir.path().join("hello"))
        .env_clear()
        .output()
        .expect("runs");
    assert_eq!(
        String::from_utf8_lossy(&out.stdout),
        "hello 1180591620717411303424\n"
    );
    let r = skink(dir.path(), &["build", "hello.py", "-o", "other"]);
    assert_eq!(r.code, 0, "{}", r.stderr);
    assert!(dir.path().join("other").exists());
}

#[test]
fn same_input_gives_the_same_binary() {
    let dir = tempfile::tempdir().expect("temp dir");
    std::fs::write(
        dir.path().join("p.py"),
        "def f(n):\n    return n * 2.5\nprint(f(4))\n",
    )
    .expect("write");
    assert_eq!(skink(dir.path(), &["build", "p.py", "-o", "a"]).code, 0);
    assert_eq!(skink(dir.path(), &["build", "p.py", "-o", "b"]).code, 0);
    let (a, b) = (
        std::fs::read(dir.path().join("a")).expect("a"),
        std::fs::read(dir.path().join("b")).expect("b"),
    );
    assert!(a == b, "two builds of one program differ");
}

#[test]
fn run_passes_arguments_and_exit_code_and_caches() {
    let dir = tempfile::tempdir().expect("temp dir");
    std::fs::write(dir.path().join("boom.py"), "print('out')\nprint(1 // 0)\n").expect("write");
    let r = skink(dir.path(), &["run", "boom.py", "--flag", "x"]);
    assert_eq!((r.code, r.stdout.as_str()), (1, "out\n"));
    assert!(
        r.stderr.starts_with("Traceback (most recent call last):\n"),
        "{}",
        r.stderr
    );
    assert!(
        r.stderr
            .ends_with("ZeroDivisionError: integer division or modulo by zero\n"),
        "{}",
        r.stderr
    );
    let cached = std::fs::read_dir(dir.path().join("cache/skink/bin"))
        .expect("cache dir")
        .count();
    assert_eq!(cached, 1);
    skink(dir.path(), &["run", "boom.py"]);
    assert_eq!(
        std::fs::read_dir(dir.path().join("cache/skink/bin"))
            .expect("cache dir")
            .count(),
        1
    );
}

#[test]
fn ir_dumps_every_stage() {
    let dir = tempfile::tempdir().expect("temp dir");
    std::fs::write(
        dir.path().join("p.py"),
        "def sq(x):\n    return x * x\nprint(sq(3))\n",
    )
    .expect("write");
    for (stage, marker) in [
        ("ast", "FunctionDef"),
        ("hir", "func1 sq(l0:x)"),
        ("mir", "call skink_op_mul"),
        ("clif", "function"),
    ] {
        let r = skink(dir.path(), &["ir", "p.py", "--stage", stage]);
        assert_eq!(r.code, 0, "{}", r.stderr);
        assert!(
            r.stdout.contains(marker),
            "{stage}: no {marker:?} in\n{}",
            r.stdout
        );
    }
}

#[test]
fn help_and_version() {
    let dir = tempfile::tempdir().expect("temp dir");
    let r = skink(dir.path(), &["--help"]);
    assert!(
        r.code == 0
            && r.stdout.contains("build")
            && r.stdout.contains("run")
            && r.stdout.contains("ir")
    );
    for cmd in ["build", "run", "ir"] {
        let r = skink(dir.path(), &[cmd, "--help"]);
        assert!(
            r.code == 0 && r.stdout.contains("Usage: skink"),
            "{cmd}: {}",
            r.stdout
        );
    }
    let r = skink(dir.path(), &["--version"]);
    assert_eq!(
        r.stdout.trim(),
        format!("skink {}", env!("CARGO_PKG_VERSION"))
    );
}
