//! `skink-conformance`: records expectations from CPython (`bless`), runs the
//! suite (`run`) and regenerates the compatibility matrix (`report`).
//!
//! Usage: `cargo run -p skink-conformance -- <bless|run|report> [FILTER]`; the
//! interpreter test runs `skink-conformance interp SOURCE SHOWN LEVEL PASS`.

use std::process::ExitCode;

use skink_conformance::*;

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    if let [command, source, shown, opt, pass] = args.as_slice()
        && command == "interp"
    {
        return match interpret(std::path::Path::new(source), shown, opt, pass) {
            Ok(code) => ExitCode::from(code as u8),
            Err(e) => {
                eprintln!("error: {e}");
                ExitCode::from(101)
            }
        };
    }
    let (command, filter) = (
        args.first().map(String::as_str),
        args.get(1).cloned().unwrap_or_default(),
    );
    let cases = match discover(&cases_dir()) {
        Ok(c) => c
            .into_iter()
            .filter(|c| c.id.contains(&filter))
            .collect::<Vec<_>>(),
        Err(e) => {
            eprintln!("error: {e}");
            return ExitCode::from(2);
        }
    };
    match command {
        Some("bless") => bless(&cases),
        Some("run") => run(&cases, false),
        Some("report") => run(&cases, true),
        _ => {
            eprintln!(
                "usage: skink-conformance <bless|run|report> [FILTER]\n\n  bless   record CPython's outcome of each case (needs the oracle)\n  run     compile and run each case, compare with its expectation\n  report  run, then regenerate docs/compat.md and docs/compat.json"
            );
            ExitCode::from(2)
        }
    }
}

fn bless(cases: &[Case]) -> ExitCode {
    for case in cases {
        match case.bless() {
            Ok(o) => println!("blessed {} (exit {})", case.id, o.exit_code),
            Err(e) => {
                eprintln!("error: {}: {e}", case.id);
                return ExitCode::from(1);
            }
        }
    }
    println!("{} cases blessed", cases.len());
    ExitCode::SUCCESS
}

fn run(cases: &[Case], write_report: bool) -> ExitCode {
    let work = match tempfile::tempdir() {
        Ok(w) => w,
        Err(e) => {
            eprintln!("error: cannot create a work directory: {e}");
            return ExitCode::from(1);
        }
    };
    let threads = std::thread::available_parallelism().map_or(2, |n| n.get());
    let verdicts = judge_all(cases, work.path(), threads);
    let mut bad = 0;
    for (case, v) in cases.iter().zip(&verdicts) {
        match v {
            Verdict::Pass => {}
            Verdict::ExpectedFailure => println!("xfail {}", case.id),
            Verdict::UnexpectedPass => {
                bad += 1;
                println!("UNEXPECTED PASS {}: remove its xfail header", case.id);
            }
            Verdict::Fail(why) => {
                bad += 1;
                println!("FAIL {}\n{}", case.id, why.trim_end());
            }
        }
    }
    let passed = verdicts.iter().filter(|v| v.is_ok()).count();
    println!("conformance: {passed} passed, {bad} failed");
    if write_report {
        let python = skink_oracle::python_version().unwrap_or_else(|_| "3.11".into());
        let r = report(cases, &verdicts, &python);
        let docs = repo_root().join("docs");
        let json = serde_json::to_string_pretty(&r).unwrap_or_default() + "\n";
        if let Err(e) = std::fs::write(docs.join("compat.json"), json)
            .and_then(|()| std::fs::write(docs.join("compat.md"), render_markdown(&r)))
        {
            eprintln!("error: cannot write the report: {e}");
            return ExitCode::from(1);
        }
        println!("wrote docs/compat.md and docs/compat.json");
    }
    if bad == 0 {
        ExitCode::SUCCESS
    } else {
        ExitCode::from(1)
    }
}
