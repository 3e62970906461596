//! The `skink` binary as a user meets it: builds, runs, dumps, and the diagnostics
//! for programs it cannot compile (exit code 2, never a panic).

use std::path::Path;
use std::process::Command;

struct Run {
    code: i32,
    stdout: String,
    stderr: String,
}

/// Runs skink, failing the test if it takes longer than a minute (a hang is a bug).
fn skink(dir: &Path, args: &[&str]) -> Run {
    skink_with_env(dir, args, &[])
}

fn skink_with_env(dir: &Path, args: &[&str], env: &[(&str, &str)]) -> Run {
    let mut child = Command::new(env!("CARGO_BIN_EXE_skink"))
        .args(args)
        .envs(env.iter().copied())
        .current_dir(dir)
        .env("XDG_CACHE_HOME", dir.join("cache"))
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::piped())
        .spawn()
        .expect("skink runs");
    let start = std::time::Instant::now();
    while child.try_wait().expect("wait").is_none() {
        if start.elapsed() > std::time::Duration::from_secs(60) {
            let _ = child.kill();
            panic!("skink {args:?} hung");
        }
        std::thread::sleep(std::time::Duration::from_millis(5));
    }
    let out = child.wait_with_output().expect("output");
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
fn unsupported_metaclass() {
    insta::assert_snapshot!(check_rejected(
        "app.py",
        b"print(1)\nclass A(metaclass=type):\n    pass\n"
    ));
}

#[test]
fn unsupported_walrus() {
    insta::assert_snapshot!(check_rejected(
        "app.py",
        b"xs = [1, 2, 3]\nprint([last := x for x in xs])\n"
    ));
}

#[test]
fn unsupported_builtin_method() {
    insta::assert_snapshot!(check_rejected(
        "app.py",
        b"s = 'v{major}'\nprint(s.format_map({'major': 1}))\n"
    ));
}

#[test]
fn unsupported_module_attribute() {
    insta::assert_snapshot!(check_rejected(
        "app.py",
        b"import math\nprint(math.gamma(4.5))\n"
    ));
}

#[test]
fn unsupported_module_attribute_store() {
    insta::assert_snapshot!(check_rejected(
        "app.py",
        b"import math\nmath.exp = abs\nprint(math.exp(-2))\n"
    ));
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
    // Several functions, so that the threads compiling them share the work.
    let mut program = String::new();
    for i in 0..12 {
        program.push_str(&format!(
            "def f{i}(n):\n    t = 0\n    for k in range(n):\n        t += k * {i}.5\n    return t\n"
        ));
    }
    program.push_str("print(f3(4) + f11(7))\n");
    std::fs::write(dir.path().join("p.py"), program).expect("write");
    let build = |out: &str, threads: &str| {
        let run = skink_with_env(
            dir.path(),
            &["build", "p.py", "-o", out],
            &[("SKINK_THREADS", threads)],
        );
        assert_eq!(run.code, 0, "{}", run.stderr);
        std::fs::read(dir.path().join(out)).expect("binary")
    };
    let one = build("a", "1");
    assert!(one == build("b", "1"), "two builds of one program differ");
    assert!(
        one == build("c", "3"),
        "the number of threads changes the binary"
    );
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
fn ir_passes_names_each_rewrite_and_fuel_stops_them() {
    let dir = tempfile::tempdir().expect("temp dir");
    std::fs::write(
        dir.path().join("p.py"),
        "def f(x):\n    return -(-(x * 1.0))\nprint(f(2.5))\n",
    )
    .expect("write");
    let r = skink(dir.path(), &["ir", "p.py", "--passes"]);
    assert_eq!(r.code, 0, "{}", r.stderr);
    for marker in [
        "=== lower ===",
        "=== unbox ===",
        "=== egraph ===",
        "rewrite 1: ",
    ] {
        assert!(r.stdout.contains(marker), "no {marker:?} in\n{}", r.stdout);
    }
    assert!(r.stdout.contains("float-mul-one") && r.stdout.contains("float-neg-neg"));
    let json = |args: &[&str]| {
        let r = skink(dir.path(), args);
        assert_eq!(r.code, 0, "{}", r.stderr);
        serde_json::from_str::<serde_json::Value>(&r.stdout).expect("JSON")
    };
    let full = json(&["ir", "p.py", "--passes", "--json"]);
    let egraph = &full["passes"][3];
    assert_eq!(egraph["name"], "egraph");
    let rewrites = egraph["rewrites"].as_array().expect("rewrites").len();
    assert!(rewrites >= 2, "{egraph}");
    let one = json(&["ir", "p.py", "--passes", "--json", "--opt-fuel", "1"]);
    assert_eq!(
        one["passes"][3]["rewrites"].as_array().map(Vec::len),
        Some(1)
    );
    assert_eq!(one["fuel"], 1);
    // --json belongs to --passes.
    let r = skink(dir.path(), &["ir", "p.py", "--json"]);
    assert_eq!(r.code, 2, "{}", r.stdout);
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

fn nested_loops(n: usize) -> String {
    let mut s = String::new();
    for i in 0..n {
        s.push_str(&format!("{}for i{i} in range(1):\n", "    ".repeat(i)));
    }
    s + &"    ".repeat(n) + "print('deep')\n"
}

#[test]
fn cpython_nesting_limits_are_syntax_errors() {
    let parens = |n: usize| format!("print({}1{})\n", "(".repeat(n - 1), ")".repeat(n - 1));
    let dir = tempfile::tempdir().expect("temp dir");
    for (name, source) in [("p200.py", parens(200)), ("l20.py", nested_loops(20))] {
        std::fs::write(dir.path().join(name), &source).expect("write");
        let r = skink(dir.path(), &["run", name]);
        assert_eq!(r.code, 0, "{name} is within CPython's limits: {}", r.stderr);
    }
    let too_many_parens = check_rejected("app.py", parens(201).as_bytes());
    assert!(
        too_many_parens.contains("SyntaxError: too many nested parentheses"),
        "{too_many_parens}"
    );
    let too_many_blocks = check_rejected("app.py", nested_loops(21).as_bytes());
    assert!(
        too_many_blocks.contains("SyntaxError: too many statically nested blocks"),
        "{too_many_blocks}"
    );
}

#[test]
fn absurdly_deep_expression_is_a_diagnostic_not_a_crash() {
    let source = format!("x = {}1\n", "-".repeat(100_000));
    let stderr = check_rejected("app.py", source.as_bytes());
    assert!(stderr.contains("expression nested too deeply"), "{stderr}");
}

#[test]
fn unclosed_bracket_is_a_syntax_error_not_a_hang() {
    for source in ["print(1\n", "x = [\n", "print(2\nx = 1\n"] {
        let stderr = check_rejected("app.py", source.as_bytes());
        assert!(stderr.contains("invalid syntax"), "{stderr}");
    }
}

/// Programs CPython rejects or warns about at compile time, which would change
/// stderr or the exit code, are rejected (found by an outside tester).
#[test]
fn compile_time_errors_and_warnings_of_cpython_are_rejected() {
    let cases = [
        (
            "def f():\n    x = 2\n    global x\n",
            "name 'x' is assigned to before global declaration",
        ),
        (
            "x = 1\ndef f():\n    print(x)\n    global x\n",
            "name 'x' is used prior to global declaration",
        ),
        ("print('a' is None)\n", "`is` with a literal"),
        ("print(3 is not None)\n", "`is` with a literal"),
        ("print(repr('\\ud800'))\n", "lone surrogate"),
        // Found by the differential fuzzer (seed 60), minimized.
        (
            "if False:\n    v26 = (0, f\"<{('tab\\tsep' > '')}|\")\n",
            "f-string expression part cannot include a backslash",
        ),
    ];
    for (source, says) in cases {
        let stderr = check_rejected("app.py", source.as_bytes());
        assert!(stderr.contains(says), "{source:?}: {stderr}");
    }
}

const DIFF_PROGRAM: &str = "\
def halve(a, b):
    return a // b

def less(x, y):
    return x - y

print(halve(-7, 2), less(1.5, 0.25))
";

#[test]
fn diff_finds_every_stage_agreeing() {
    let dir = tempfile::tempdir().expect("temp dir");
    std::fs::write(dir.path().join("app.py"), DIFF_PROGRAM).expect("write");
    let r = skink(dir.path(), &["diff", "app.py"]);
    assert_eq!(r.code, 0, "stdout: {}\nstderr: {}", r.stdout, r.stderr);
    insta::assert_snapshot!(r.stdout);
    let r = skink(dir.path(), &["interp", "--after", "unbox", "app.py"]);
    assert_eq!(
        (r.code, r.stdout.as_str()),
        (0, "-4 1.25\n"),
        "{}",
        r.stderr
    );
}

/// The faults are injected through `SKINK_INJECT`, which only debug builds read.
#[cfg(debug_assertions)]
#[test]
fn diff_names_the_stage_of_an_injected_miscompilation() {
    let dir = tempfile::tempdir().expect("temp dir");
    std::fs::write(dir.path().join("app.py"), DIFF_PROGRAM).expect("write");
    let unbox = [("SKINK_INJECT", "unbox-sub-adds")];
    let r = skink_with_env(dir.path(), &["diff", "app.py"], &unbox);
    assert_eq!(r.code, 1, "stdout: {}\nstderr: {}", r.stdout, r.stderr);
    insta::assert_snapshot!(r.stdout);
    // -O0 does not run the unbox pass: nothing to find.
    let r = skink_with_env(dir.path(), &["diff", "-O0", "app.py"], &unbox);
    assert_eq!(r.code, 0, "{}", r.stdout);

    // A wrong constant fold in the e-graph pass: bisecting the fuel names it.
    std::fs::write(
        dir.path().join("fold.py"),
        "def shift(x):\n    y = 3.0 - 1.0\n    return x + y\n\nprint(shift(1.0), 1.5 * 2.0)\n",
    )
    .expect("write");
    let fold = [("SKINK_INJECT", "fold-sub-adds")];
    let r = skink_with_env(dir.path(), &["diff", "fold.py"], &fold);
    assert_eq!(r.code, 1, "stdout: {}\nstderr: {}", r.stdout, r.stderr);
    insta::assert_snapshot!("diff_bisects_a_wrong_fold", r.stdout);

    let codegen = [("SKINK_INJECT", "codegen-floordiv-truncates")];
    for level in ["-O0", "-O1"] {
        let r = skink_with_env(dir.path(), &["diff", level, "app.py"], &codegen);
        assert_eq!(r.code, 1, "{level}: {}", r.stdout);
        assert!(
            r.stdout
                .contains("first divergence: native (code generation"),
            "{level}: {}",
            r.stdout
        );
        assert!(
            !r.stdout.contains("MIR after lower  DIFFERS"),
            "{}",
            r.stdout
        );
    }

    // The small-int copy keeping an overflowed word: only -O1 makes that copy.
    std::fs::write(
        dir.path().join("overflow.py"),
        "def square(x):\n    return x * x + 1\n\nprint(square(3), square(1099511627776))\n",
    )
    .expect("write");
    let small = [("SKINK_INJECT", "codegen-small-copy-ignores-overflow")];
    let r = skink_with_env(dir.path(), &["diff", "overflow.py"], &small);
    assert_eq!(r.code, 1, "stdout: {}\nstderr: {}", r.stdout, r.stderr);
    assert!(
        r.stdout
            .contains("first divergence: native (code generation"),
        "{}",
        r.stdout
    );
    let r = skink_with_env(dir.path(), &["diff", "-O0", "overflow.py"], &small);
    assert_eq!(r.code, 0, "{}", r.stdout);
}

#[test]
fn diff_and_interp_refuse_what_they_cannot_do() {
    let dir = tempfile::tempdir().expect("temp dir");
    std::fs::write(dir.path().join("app.py"), DIFF_PROGRAM).expect("write");
    let r = skink(
        dir.path(),
        &["interp", "-O0", "--after", "egraph", "app.py"],
    );
    assert_eq!(r.code, 1);
    assert_eq!(r.stderr, "error: -O0 runs only the passes lower\n");
    let r = skink(
        dir.path(),
        &["diff", "--python", "/no/such/python", "app.py"],
    );
    assert_eq!(r.code, 1);
    assert!(
        r.stderr
            .starts_with("error: skink diff compares with CPython 3.11, and found none"),
        "{}",
        r.stderr
    );
    std::fs::write(dir.path().join("bad.py"), "print(undefined_name\n").expect("write");
    let r = skink(dir.path(), &["diff", "bad.py"]);
    assert_eq!(r.code, 2, "{}", r.stderr);
    assert!(r.stderr.contains("--> bad.py:"), "{}", r.stderr);
}
