//! Verification refutes each deliberately wrong rule of `wrong.rules` and names
//! its counterexample: the traps of DESIGN.md, caught by CPython itself (and,
//! with the `smt` feature, by Z3 for the int rule).

use skink_rules::Status;
use skink_rules::syntax::parse_family;

fn check(name: &str, expect: &str) {
    let (family, errors) = parse_family("wrong", include_str!("wrong.rules"));
    assert!(errors.is_empty(), "{errors:?}");
    let rule = family
        .rules
        .iter()
        .find(|r| r.name == name)
        .expect("the rule is in wrong.rules");
    let status = skink_rules_verify::verify(rule).expect("the oracle runs");
    let Status::Refuted { counterexample } = status else {
        panic!("{name} was not refuted: {status:?}");
    };
    assert_eq!(counterexample, expect, "{name}");
}

#[test]
fn float_mul_zero_is_refuted() {
    check(
        "wrong-float-mul-zero",
        "?x = -0.0: the left side gives -0.0 (float), the right side 0.0 (float)",
    );
}

#[test]
fn float_sub_self_is_refuted() {
    check(
        "wrong-float-sub-self",
        "?x = nan: the left side gives nan (float), the right side 0.0 (float)",
    );
}

#[test]
fn floordiv_mul_is_refuted() {
    check(
        "wrong-floordiv-mul",
        "?a = 0, ?b = 0: the left side gives raises ZeroDivisionError, the right side 0 (int)",
    );
}

#[test]
fn add_zero_on_a_bool_is_refuted() {
    check(
        "wrong-add-zero-bool",
        "?x = False: the left side gives 0 (int), the right side False (bool)",
    );
}

/// Z3 on its own refutes the wrong int rule and proves a right one.
#[cfg(feature = "smt")]
#[test]
fn z3_refutes_floordiv_mul_and_proves_its_fix() {
    use skink_rules_verify::smt::{Proof, prove};
    let (family, _) = parse_family("wrong", include_str!("wrong.rules"));
    let wrong = family
        .rules
        .iter()
        .find(|r| r.name == "wrong-floordiv-mul")
        .expect("in wrong.rules");
    assert!(
        matches!(prove(wrong), Proof::Refuted(_)),
        "{:?}",
        prove(wrong)
    );
    let (fixed, errors) = parse_family(
        "fixed",
        "# (a // b) * b + a % b == a\nrule fixed (?a: int, ?b: int)\n    (add (mul (floordiv ?a ?b) ?b) (mod ?a ?b)) => ?a\n",
    );
    assert!(errors.is_empty(), "{errors:?}");
    // Wrong still when b == 0: the left side raises ZeroDivisionError, ?a does not.
    let Proof::Refuted(why) = prove(&fixed.rules[0]) else {
        panic!("a division by zero was missed");
    };
    assert!(why.contains("?b = 0"), "{why}");
    let (guarded, _) = parse_family(
        "guarded",
        "# (a // 7) * 7 + a % 7 == a\nrule guarded (?a: int)\n    (add (mul (floordiv ?a 7) 7) (mod ?a 7)) => ?a\n",
    );
    assert_eq!(prove(&guarded.rules[0]), Proof::Proved);
    // A type change is refuted before the solver is asked.
    let bool_rule = family
        .rules
        .iter()
        .find(|r| r.name == "wrong-add-zero-bool")
        .expect("in wrong.rules");
    assert_eq!(
        prove(bool_rule),
        Proof::Refuted(
            "with ?x: bool the left side is of type int, the right side of type bool".into()
        )
    );
}
