//! The checked-in suite is complete and honest: at least 15 programs, each
//! taking its size from `sys.argv`, each with inputs, a speedup floor and a
//! baseline value for every gated metric.

use std::path::Path;

use skink_bench::{Baseline, Suite};

#[test]
fn every_program_has_inputs_thresholds_and_a_baseline() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR"));
    let suite = Suite::load(dir).expect("gates.toml and programs/ agree");
    let baseline = Baseline::load(&dir.join("baseline.json")).expect("the baseline loads");
    assert!(suite.benchmarks.len() >= 15, "{}", suite.benchmarks.len());
    assert!(suite.benchmarks.iter().filter(|b| b.quick).count() >= 3);
    let mut missing = Vec::new();
    for b in &suite.benchmarks {
        let text = std::fs::read_to_string(&b.path).expect("program readable");
        assert!(
            text.contains("int(sys.argv[1]) if len(sys.argv) > 1 else"),
            "{} must read its size from sys.argv",
            b.name
        );
        assert!(!b.args.is_empty() && !b.count_args.is_empty(), "{}", b.name);
        match baseline.benchmarks.get(&b.name) {
            Some(e)
                if e.instructions.is_some()
                    && e.binary_size.is_some()
                    && e.compile_instructions.is_some() => {}
            _ => missing.push(b.name.clone()),
        }
    }
    assert!(missing.is_empty(), "no complete baseline for {missing:?}");
    assert!(baseline.startup.instructions.is_some() && baseline.startup.binary_size.is_some());
    let stale: Vec<&String> = baseline
        .benchmarks
        .keys()
        .filter(|name| !suite.benchmarks.iter().any(|b| &b.name == *name))
        .collect();
    assert!(
        stale.is_empty(),
        "baseline entries without a program: {stale:?}"
    );
}

#[test]
fn a_program_without_an_entry_is_refused() {
    let work = tempfile::tempdir().expect("tempdir");
    let dir = Path::new(env!("CARGO_MANIFEST_DIR"));
    std::fs::create_dir(work.path().join("programs")).expect("mkdir");
    std::fs::copy(dir.join("gates.toml"), work.path().join("gates.toml")).expect("copy");
    std::fs::copy(dir.join("hello.py"), work.path().join("hello.py")).expect("copy");
    for entry in std::fs::read_dir(dir.join("programs")).expect("programs") {
        let path = entry.expect("entry").path();
        std::fs::copy(
            &path,
            work.path().join("programs").join(path.file_name().unwrap()),
        )
        .expect("copy");
    }
    std::fs::write(work.path().join("programs/extra.py"), "print(1)\n").expect("write");
    let err = Suite::load(work.path()).expect_err("an unlisted program is an error");
    assert!(
        err.contains("programs/extra.py has no [benchmarks.extra] entry"),
        "{err}"
    );
    std::fs::remove_file(work.path().join("programs/sieve.py")).expect("rm");
    std::fs::remove_file(work.path().join("programs/extra.py")).expect("rm");
    let err = Suite::load(work.path()).expect_err("a listed program must exist");
    assert!(
        err.contains("[benchmarks.sieve] names a program that does not exist"),
        "{err}"
    );
}
