//! The e-graph optimizer on the fixtures of `tests/egraph/`: for each, the rules
//! that fired and the functions the pass changed, as snapshots; and the
//! properties fuel and determinism promise.

use skink_compiler::{OptLevel, Options, PassView, SourceFile};

fn passes(source: &str, fuel: Option<u64>) -> Vec<PassView> {
    let options = Options {
        level: OptLevel::Full,
        fuel,
    };
    match skink_compiler::passes(&SourceFile::new("app.py", source), options) {
        Ok(p) => p,
        Err(e) => panic!("{}", e.render()),
    }
}

/// The e-graph pass of `source`: what fired, and each function it changed.
fn egraph_view(source: &str) -> String {
    let all = passes(source, None);
    let (before, after) = (&all[all.len() - 2], &all[all.len() - 1]);
    assert_eq!(after.name, "egraph");
    let report = after.report.as_ref().expect("the e-graph pass reports");
    let mut out = String::new();
    for (rule, n) in &report.fired {
        out.push_str(&format!("fired {rule} x{n}\n"));
    }
    out.push_str(&format!("replaced {}\n", report.replaced));
    for (name, text) in &after.functions {
        if before.functions.iter().all(|(n, t)| n != name || t != text) {
            out.push('\n');
            out.push_str(text);
        }
    }
    out
}

fn fixture_paths() -> Vec<std::path::PathBuf> {
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/egraph");
    let mut files: Vec<_> = std::fs::read_dir(&dir)
        .expect("tests/egraph")
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|x| x == "py"))
        .collect();
    files.sort();
    assert!(files.len() >= 3);
    files
}

#[test]
fn fixtures() {
    for path in fixture_paths() {
        let source = std::fs::read_to_string(&path).expect("fixture");
        let name = path.file_stem().and_then(|s| s.to_str()).expect("name");
        insta::assert_snapshot!(name, egraph_view(&source));
    }
}

const PROGRAM: &str = include_str!("egraph/floats.py");

#[test]
fn fuel_n_makes_exactly_the_first_n_rewrites() {
    let report = |fuel| {
        let all = passes(PROGRAM, fuel);
        all.last().and_then(|p| p.report.clone()).expect("report")
    };
    let full = report(None);
    assert!(full.firings.len() >= 4, "{:?}", full.firings);
    for n in 0..=full.firings.len() as u64 {
        let limited = report(Some(n));
        assert_eq!(limited.firings, full.firings[..n as usize], "fuel {n}");
    }
    assert_eq!(report(Some(0)).replaced, 0);
}

#[test]
fn the_same_program_is_optimized_the_same_way() {
    for path in fixture_paths() {
        let source = std::fs::read_to_string(&path).expect("fixture");
        let text = || {
            passes(&source, None)
                .iter()
                .map(|p| format!("{:?}{:?}", p.functions, p.report))
                .collect::<String>()
        };
        let first = text();
        for _ in 0..4 {
            assert_eq!(text(), first, "{}", path.display());
        }
    }
}

#[test]
fn debug_builds_explain_each_replacement() {
    let all = passes(PROGRAM, None);
    let report = all.last().and_then(|p| p.report.clone()).expect("report");
    if cfg!(debug_assertions) {
        assert_eq!(report.explanations.len(), report.replaced);
        assert!(
            report
                .explanations
                .iter()
                .any(|e| e.contains("float-mul-one"))
        );
    } else {
        assert!(report.explanations.is_empty());
    }
}
