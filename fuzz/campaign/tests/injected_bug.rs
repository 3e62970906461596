//! The fuzzer catches a deliberate miscompilation: with `//` compiled as
//! `int(a / b)` (rounding toward zero), a campaign must find a diverging program
//! and minimize it within a minute. (Its own test binary: the switch is global.)

use std::time::{Duration, Instant};

#[test]
fn campaign_finds_and_minimizes_an_injected_floordiv_bug() {
    skink_compiler::inject::set(skink_compiler::inject::Fault::FloordivTruncates, true);
    let cases = tempfile::tempdir().expect("temp dir");
    let options = skink_fuzz::Options {
        time: Duration::from_secs(60),
        seed: 0,
        features: skink_progen::Features::all(),
        jobs: 2,
        cases_dir: cases.path().to_path_buf(),
        max_programs: None,
        stop_at_first_failure: true,
    };
    let start = Instant::now();
    let report = skink_fuzz::campaign(&options, &|_| {});
    let took = start.elapsed();
    skink_compiler::inject::set(skink_compiler::inject::Fault::FloordivTruncates, false);
    println!("{}", skink_fuzz::summary(&report));
    let first = report
        .failures
        .first()
        .expect("the injected bug was not found");
    println!("minimized after {took:?}:\n{}", first.source);
    assert!(took < Duration::from_secs(90), "took {took:?}");
    assert!(first.source.contains("//"), "{}", first.source);
    // Minimized: a handful of lines, written as a case with CPython's outcome.
    assert!(first.source.lines().count() <= 12, "{}", first.source);
    let case = first.case.as_ref().expect("a case was written");
    assert!(case.with_extension("expected.json").exists());
}
