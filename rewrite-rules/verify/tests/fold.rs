//! Constant folding (`skink_rules::fold`) against CPython: every op on every
//! pair of edge-case constants that folding answers is evaluated by the oracle,
//! which must give the same type and value (floats by their bits).

use skink_rules::Op;
use skink_rules::fold::{Konst, fold};
use skink_rules::ops::ALL_OPS;

fn edges() -> Vec<Konst> {
    let ints = [
        0,
        1,
        -1,
        2,
        -2,
        7,
        -7,
        3,
        62,
        63,
        64,
        1 << 52,
        (1 << 53) + 1,
        -(1 << 53) - 1,
        1 << 62,
        i64::MAX,
        i64::MIN,
        i64::MIN + 1,
    ];
    let floats = [
        0.0,
        -0.0,
        1.0,
        -1.5,
        0.1,
        2.5,
        9007199254740992.0,
        f64::NAN,
        f64::INFINITY,
        f64::NEG_INFINITY,
        5e-324,
        f64::MAX,
        -f64::MAX,
    ];
    let mut all: Vec<Konst> = ints.into_iter().map(Konst::Int).collect();
    all.extend(floats.into_iter().map(Konst::Float));
    all.extend([Konst::Bool(false), Konst::Bool(true)]);
    all
}

#[test]
fn folding_agrees_with_cpython() {
    let edges = edges();
    let mut checks = String::new();
    let mut count = 0;
    for op in ALL_OPS {
        let operands: Vec<Vec<Konst>> = match op.arity() {
            1 => edges.iter().map(|k| vec![*k]).collect(),
            _ => edges
                .iter()
                .flat_map(|a| edges.iter().map(move |b| vec![*a, *b]))
                .collect(),
        };
        for args in operands {
            let Some(folded) = fold(op, &args) else {
                continue;
            };
            let rendered: Vec<String> = args.iter().map(|k| k.python()).collect();
            let expr = op.python(&rendered);
            checks.push_str(&format!(
                "check_fold({expr:?}, lambda: {expr}, {})\n",
                folded.python()
            ));
            count += 1;
        }
    }
    // Box, unbox and fits_i64 fold too; the arithmetic is what matters most.
    assert!(count > 2000, "only {count} folds checked");
    // The rule checker's definitions, `same` among them, without its run.
    let checker =
        include_str!("../src/check_rule.py").replace("print(json.dumps(check(SPEC)))", "");
    let source = format!(
        r#"{checker}
bad = []
def check_fold(text, f, want):
    try:
        got = f()
    except Exception as e:
        bad.append(f"{{text}} raises {{type(e).__name__}}, folded to {{want!r}}")
        return
    if not same(got, want):
        bad.append(f"{{text}} is {{got!r}}, folded to {{want!r}}")
{checks}print(json.dumps(bad))
"#
    );
    let out = skink_oracle::run(&source, "fold_check.py", &[]).expect("the oracle runs");
    assert_eq!(out.exit_code, 0, "{}", out.stderr_last_line);
    let bad: Vec<String> =
        serde_json::from_str(out.stdout.lines().last().unwrap_or("")).expect("the checker's JSON");
    assert!(
        bad.is_empty(),
        "{} of {count} folds differ:\n{}",
        bad.len(),
        bad.join("\n")
    );
    // An op folding never answers stays an op; `**` is one.
    assert_eq!(fold(Op::Pow, &[Konst::Int(2), Konst::Int(3)]), None);
}
