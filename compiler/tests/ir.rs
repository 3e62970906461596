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

const FLOAT_LOOP: &str = "\
def step(x, n):
    s = 0.0
    for i in range(n):
        if x * i < 10.0:
            s += x / 3.0
    return s

print(step(1.5, 10))
";

#[test]
fn mir_unboxes_the_floats_of_a_specialized_copy() {
    insta::assert_snapshot!(check(FLOAT_LOOP, Stage::Mir));
}

#[test]
fn mir_at_opt_level_0_keeps_every_value_boxed() {
    let text = match skink_compiler::dump_at(
        &SourceFile::new("app.py", FLOAT_LOOP),
        Stage::Mir,
        skink_compiler::OptLevel::None,
    ) {
        Ok(text) => text,
        Err(e) => panic!("{}", e.render()),
    };
    insta::assert_snapshot!(text);
}

#[test]
fn mir_speculates_ints_for_arguments_of_unknown_type() {
    // `i` and `j` come out of a tuple: the call tests them for small ints and
    // takes the copy made for ints; `label`'s arithmetic meets a str literal, so
    // its call is left alone.
    insta::assert_snapshot!(check(
        "def tri(i, j):\n    return (i + j) * (i + j + 1) // 2\n\
         def label(s):\n    return s + '!'\n\
         for i, j in [(1, 2), (3.5, 4)]:\n    print(tri(i, j), label(i))\n",
        Stage::Mir
    ));
}
