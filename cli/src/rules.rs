//! `skink rules`: the rewrite rules and their verdicts. `list` reads what the
//! optimizer reads; `verify` (a build with `--features verify`, which links
//! CPython, and `smt` for Z3 proofs) checks every rule again and with `--write`
//! records the verdicts in rewrite-rules/status.json and docs/rules.md.

use std::path::PathBuf;

use clap::Subcommand;
use skink_compiler::Error;

#[derive(Subcommand)]
pub enum RulesCommand {
    /// List every rule with its recorded verdict
    List,
    /// Test every rule against CPython (and prove int and bool rules with Z3)
    Verify {
        /// Only the rules whose name contains PATTERN
        #[arg(long, value_name = "PATTERN")]
        filter: Option<String>,
        /// Record the verdicts in rewrite-rules/status.json and docs/rules.md
        #[arg(long, conflicts_with = "filter")]
        write: bool,
        /// The repository root holding rewrite-rules/ and docs/
        #[arg(long, value_name = "DIR", default_value = ".")]
        root: PathBuf,
    },
}

fn syntax_errors(errors: Vec<skink_rules::SyntaxError>) -> Error {
    Error::Environment(
        errors
            .iter()
            .map(|e| e.to_string())
            .collect::<Vec<_>>()
            .join("\n"),
    )
}

pub fn rules(command: &RulesCommand) -> Result<u8, Error> {
    match command {
        RulesCommand::List => {
            let families = skink_rules::families().map_err(syntax_errors)?;
            let status = skink_rules::recorded_status();
            for family in &families {
                println!("{}:", family.name);
                for rule in &family.rules {
                    let label = status
                        .get(rule)
                        .map_or_else(|| "unverified".to_string(), |s| s.label());
                    println!(
                        "  {:<28} {} => {}   [{label}]",
                        rule.name, rule.lhs, rule.rhs
                    );
                }
            }
            Ok(0)
        }
        RulesCommand::Verify {
            filter,
            write,
            root,
        } => verify(filter.as_deref(), *write, root),
    }
}

#[cfg(feature = "verify")]
fn verify(filter: Option<&str>, write: bool, root: &std::path::Path) -> Result<u8, Error> {
    let env = Error::Environment;
    let families = skink_rules::families().map_err(syntax_errors)?;
    if !skink_rules_verify::PROVES {
        eprintln!(
            "note: built without the `smt` feature: rules are tested against CPython, not proved"
        );
    }
    let refuted = std::cell::Cell::new(0usize);
    let status = skink_rules_verify::verify_all(&families, filter, &|rule, status| {
        if !status.is_verified() {
            refuted.set(refuted.get() + 1);
        }
        println!("{:<28} {}", rule.name, status.label());
    })
    .map_err(env)?;
    if write {
        if !skink_rules_verify::PROVES {
            return Err(env(
                "--write records proofs: build with `--features verify,smt`".into(),
            ));
        }
        let status_path = root.join("rewrite-rules/status.json");
        std::fs::write(&status_path, status.to_json())
            .map_err(|e| env(format!("cannot write {}: {e}", status_path.display())))?;
        let doc = root.join("docs/rules.md");
        std::fs::write(&doc, skink_rules_verify::markdown(&families, &status))
            .map_err(|e| env(format!("cannot write {}: {e}", doc.display())))?;
        println!("wrote {} and {}", status_path.display(), doc.display());
    }
    Ok(u8::from(refuted.get() > 0))
}

#[cfg(not(feature = "verify"))]
fn verify(_filter: Option<&str>, _write: bool, _root: &std::path::Path) -> Result<u8, Error> {
    Err(Error::Environment(
        "this skink was built without rule verification, which links CPython 3.11; \
         build it with `cargo build --release -p skink --features verify,smt`"
            .into(),
    ))
}
