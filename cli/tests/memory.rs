//! Memory stays flat: a compiled program that builds and drops containers (and
//! raises and catches exceptions) in a loop must not grow with the loop count.
//! Peak RSS is read by a Python parent through `getrusage(RUSAGE_CHILDREN)`.

use std::path::Path;
use std::process::Command;

/// A program that churns through `n` rounds of short-lived objects.
fn churn_program(n: u64) -> String {
    format!(
        r#"def work(i):
    xs = [i, i + 1, [i] * 3]
    d = {{"k": xs, i: str(i)}}
    s = {{i, i + 1, i % 7}}
    t = tuple(xs) + (i,)
    words = ("a b c " * 3).split()
    msg = f"{{i:>8}} {{len(words)}} {{d['k'][0]}}"
    try:
        d["missing"]
    except KeyError as e:
        msg = msg + str(e)
    squares = [x * x for x in range(10) if x % 2]
    return len(msg) + len(s) + len(t) + sum(squares)

total = 0
for i in range({n}):
    total = total + work(i)
print(total)
"#
    )
}

/// Compiles and runs the churn program; returns its peak RSS in KiB.
fn peak_rss_kib(dir: &Path, n: u64) -> u64 {
    let src = dir.join(format!("churn{n}.py"));
    let exe = dir.join(format!("churn{n}"));
    std::fs::write(&src, churn_program(n)).expect("write");
    let build = Command::new(env!("CARGO_BIN_EXE_skink"))
        .arg("build")
        .arg(&src)
        .arg("-o")
        .arg(&exe)
        .env("XDG_CACHE_HOME", dir.join("cache"))
        .output()
        .expect("skink runs");
    assert!(
        build.status.success(),
        "{}",
        String::from_utf8_lossy(&build.stderr)
    );
    let measure = "import resource, subprocess, sys\n\
                   r = subprocess.run([sys.argv[1]], stdout=subprocess.DEVNULL)\n\
                   assert r.returncode == 0, r.returncode\n\
                   print(resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss)\n";
    let out = Command::new("python3")
        .args(["-c", measure])
        .arg(&exe)
        .output()
        .expect("python3 runs");
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8_lossy(&out.stdout)
        .trim()
        .parse()
        .expect("a number of KiB")
}

#[test]
fn memory_is_flat_when_containers_are_dropped() {
    let dir = tempfile::tempdir().expect("temp dir");
    let small = peak_rss_kib(dir.path(), 2_000);
    let large = peak_rss_kib(dir.path(), 200_000);
    // A leak of even one small object per round would add megabytes at 200k rounds.
    assert!(
        large <= small + 1024,
        "peak RSS grew from {small} KiB (2k rounds) to {large} KiB (200k rounds)"
    );
}
