//! `skink ir --passes`: the MIR after every pass that changed it, with the
//! rewrites the e-graph optimizer made (numbered by the fuel they took, which
//! `--opt-fuel` counts), as text or as JSON for `skink tui`.

use std::path::Path;

use serde_json::{Value, json};
use skink_compiler::{Error, Options, PassView};

pub fn print(file: &Path, as_json: bool, opt: Options) -> Result<u8, Error> {
    let source = skink_compiler::read_source(file)?;
    let passes = skink_compiler::passes(&source, opt)?;
    if as_json {
        let doc = to_json(&source.path, opt, &passes);
        println!("{}", serde_json::to_string_pretty(&doc).unwrap_or_default());
    } else {
        print!("{}", to_text(&passes));
    }
    Ok(0)
}

/// For each function of a pass: whether it differs from the previous pass.
fn changed_functions(passes: &[PassView], i: usize) -> Vec<(&str, &str, bool)> {
    passes[i]
        .functions
        .iter()
        .map(|(name, text)| {
            let before = i
                .checked_sub(1)
                .and_then(|p| passes[p].functions.iter().find(|(n, _)| n == name));
            (
                name.as_str(),
                text.as_str(),
                before.is_none_or(|(_, t)| t != text),
            )
        })
        .collect()
}

fn to_text(passes: &[PassView]) -> String {
    let mut out = String::new();
    for (i, pass) in passes.iter().enumerate() {
        if !pass.changed {
            out.push_str(&format!("=== {}: unchanged ===\n\n", pass.name));
            continue;
        }
        out.push_str(&format!("=== {} ===\n", pass.name));
        if let Some(report) = &pass.report {
            if report.fired.is_empty() {
                out.push_str("rules fired: none\n");
            } else {
                let fired: Vec<String> = report
                    .fired
                    .iter()
                    .map(|(rule, n)| format!("{rule} x{n}"))
                    .collect();
                out.push_str(&format!("rules fired: {}\n", fired.join(", ")));
            }
            out.push_str(&format!("instructions replaced: {}\n", report.replaced));
            for f in &report.firings {
                out.push_str(&format!(
                    "  rewrite {}: {} in {}\n",
                    f.fuel, f.rule, f.function
                ));
            }
            for why in &report.explanations {
                out.push_str(&format!("  because {why}\n"));
            }
        }
        for (_, text, changed) in changed_functions(passes, i) {
            if changed {
                out.push('\n');
                out.push_str(text);
            }
        }
        out.push('\n');
    }
    out
}

fn to_json(file: &str, opt: Options, passes: &[PassView]) -> Value {
    let passes: Vec<Value> = passes
        .iter()
        .enumerate()
        .map(|(i, pass)| {
            let functions: Vec<Value> = changed_functions(passes, i)
                .into_iter()
                .map(|(name, text, changed)| json!({"name": name, "mir": text, "changed": changed}))
                .collect();
            let mut doc = json!({
                "name": pass.name,
                "changed": pass.changed,
                "functions": functions,
            });
            if let Some(r) = &pass.report {
                doc["rules"] = json!(r.fired);
                doc["rewrites"] = r
                    .firings
                    .iter()
                    .map(|f| json!({"fuel": f.fuel, "rule": f.rule, "function": f.function}))
                    .collect();
                doc["replaced"] = json!(r.replaced);
                doc["explanations"] = json!(r.explanations);
            }
            doc
        })
        .collect();
    json!({
        "file": file,
        "opt_level": opt.level.name(),
        "fuel": opt.fuel,
        "passes": passes,
    })
}
