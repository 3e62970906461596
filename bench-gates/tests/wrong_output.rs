//! A benchmark whose compiled output is wrong fails the gate, named, even with
//! every other metric fine: a wrong answer is a failure, never a speedup. The
//! compiler is made to miscompile `//` (its deliberate-bug hook) in this process
//! only, which is why this test has a file, and so a process, of its own.

use std::path::Path;

use skink_bench::{Baseline, Options, Suite, evaluate};

#[test]
fn a_wrong_checksum_fails_the_gate_and_names_the_benchmark() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR"));
    let suite = Suite::load(dir).expect("the checked-in suite loads");
    let baseline = Baseline::load(&dir.join("baseline.json")).expect("the baseline loads");
    let mut options = Options::discover(None).expect("CPython 3.11 and valgrind are installed");
    options.quick = true;
    options.filter = Some("int_arith".into());

    skink_compiler::inject::set(skink_compiler::inject::Fault::FloordivTruncates, true);
    let report = skink_bench::run(&suite, &options, &|_| {}).expect("the suite runs");
    skink_compiler::inject::set(skink_compiler::inject::Fault::FloordivTruncates, false);

    let bench = &report.benchmarks[0];
    assert_eq!(bench.name, "int_arith");
    let mismatch = bench
        .mismatch
        .as_ref()
        .expect("the output differs from CPython's");
    assert_ne!(mismatch.expected, mismatch.actual);
    assert_eq!(
        bench.instructions, None,
        "no metric is taken from a wrong program"
    );

    let outcome = evaluate(&report, &suite, &baseline);
    let culprits: Vec<(&str, &str)> = outcome
        .violations
        .iter()
        .map(|v| (v.program.as_str(), v.metric.as_str()))
        .collect();
    assert_eq!(culprits, [("int_arith", "output")]);
}
