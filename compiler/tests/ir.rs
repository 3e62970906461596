//! Snapshots of the stage dumps: what `skink ir` shows for small programs. A change
//! in lowering shows up here as a reviewed snapshot diff.

use skink_compiler::{SourceFile, Stage, dump};

fn check(source: &str, stage: Stage) -> String {
    match dump(&SourceFile::new("app.py", source), stage) {
        Ok(text) => text,
        Err(e) => panic!("{}", e.render()),
    }
}

const FUNCTION: &str = "def scale(x, by=2):\n    return x * by\nprint(scale(3), scale(4, 5))\n";

#[test]
fn hir_resolves_names_and_fills_defaults() {
    insta::assert_snapshot!(check(FUNCTION, Stage::Hir));
}

#[test]
fn mir_makes_ownership_explicit() {
    insta::assert_snapshot!(check(
        "x = 1\nwhile x < 100:\n    x = x * 3\nprint(x, x > 50 and 'big')\n",
        Stage::Mir
    ));
}

#[test]
fn mir_chained_comparison_evaluates_the_middle_once() {
    insta::assert_snapshot!(check("a = 1\nprint(0 < a < 2)\n", Stage::Mir));
}
