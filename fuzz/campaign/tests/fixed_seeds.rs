//! A fixed-seed campaign on every `cargo test`: the whole loop (generate, compile
//! to native, run, compare with CPython) over a few dozen programs, bounded in time.

use std::time::Duration;

#[test]
fn fixed_seed_programs_behave_as_cpython() {
    let cases = tempfile::tempdir().expect("temp dir");
    let options = skink_fuzz::Options {
        time: Duration::from_secs(240),
        seed: 1,
        features: skink_progen::Features::all(),
        jobs: 2,
        cases_dir: cases.path().to_path_buf(),
        max_programs: Some(60),
        stop_at_first_failure: false,
    };
    let report = skink_fuzz::campaign(&options, &|_| {});
    let summary = skink_fuzz::summary(&report);
    println!("{summary}");
    let details: Vec<String> = report
        .failures
        .iter()
        .map(|f| format!("seed {}: {}\n{}", f.seed, f.summary, f.source))
        .collect();
    assert!(report.failures.is_empty(), "{}", details.join("\n"));
    assert_eq!(report.programs, 60, "{summary}");
}
