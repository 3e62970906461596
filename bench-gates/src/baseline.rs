//! `baseline.json`: the last accepted measurement of every gated metric, which
//! the gate compares against and `--update-baseline` rewrites.

use std::collections::BTreeMap;
use std::path::Path;

use serde::{Deserialize, Serialize};

use crate::report::{BenchResult, Report};

/// The gated metrics of one program; a metric never measured is absent.
#[derive(Clone, Debug, Default, Deserialize, Serialize, PartialEq)]
#[serde(deny_unknown_fields)]
pub struct Entry {
    #[serde(skip_serializing_if = "Option::is_none")]
    pub instructions: Option<u64>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub binary_size: Option<u64>,
    /// Measured with a release build of skink only: a debug compiler is ~20x slower.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub compile_instructions: Option<u64>,
}

#[derive(Clone, Debug, Default, Deserialize, Serialize, PartialEq)]
#[serde(deny_unknown_fields)]
pub struct Baseline {
    /// The startup program (hello world).
    pub startup: Entry,
    /// By benchmark name; a BTreeMap so the file is written in the same order every time.
    pub benchmarks: BTreeMap<String, Entry>,
}

impl Baseline {
    pub fn load(path: &Path) -> Result<Baseline, String> {
        let text = std::fs::read_to_string(path)
            .map_err(|e| format!("cannot read the baseline {}: {e}", path.display()))?;
        serde_json::from_str(&text).map_err(|e| format!("{}: {e}", path.display()))
    }

    /// Like [`Baseline::load`], but an absent file is an empty baseline (for `--update-baseline`).
    pub fn load_or_empty(path: &Path) -> Result<Baseline, String> {
        if path.exists() {
            Baseline::load(path)
        } else {
            Ok(Baseline::default())
        }
    }

    pub fn save(&self, path: &Path) -> Result<(), String> {
        let mut text = serde_json::to_string_pretty(self).map_err(|e| e.to_string())?;
        text.push('\n');
        std::fs::write(path, text).map_err(|e| format!("cannot write {}: {e}", path.display()))
    }

    pub fn entry(&self, result: &BenchResult, startup: bool) -> Option<&Entry> {
        if startup {
            Some(&self.startup)
        } else {
            self.benchmarks.get(&result.name)
        }
    }

    /// Takes every metric `report` measured, for programs whose output was right.
    /// Refuses a report with a wrong or failed program: a baseline must be a good state.
    pub fn update_from(&mut self, report: &Report) -> Result<(), String> {
        let bad: Vec<&str> = report
            .all_results()
            .filter(|r| !r.is_sound())
            .map(|r| r.name.as_str())
            .collect();
        if !bad.is_empty() {
            return Err(format!(
                "not updating the baseline: {} did not run correctly",
                bad.join(", ")
            ));
        }
        if let Some(startup) = &report.startup {
            merge(&mut self.startup, startup);
        }
        for result in &report.benchmarks {
            merge(
                self.benchmarks.entry(result.name.clone()).or_default(),
                result,
            );
        }
        Ok(())
    }
}

impl Baseline {
    /// Drops programs the suite no longer has.
    pub fn retain_suite(&mut self, suite: &crate::suite::Suite) {
        self.benchmarks
            .retain(|name, _| suite.benchmarks.iter().any(|b| &b.name == name));
    }
}

fn merge(entry: &mut Entry, result: &BenchResult) {
    if let Some(v) = result.instructions {
        entry.instructions = Some(v);
    }
    if let Some(v) = result.binary_size {
        entry.binary_size = Some(v);
    }
    if let Some(v) = result.compile_instructions {
        entry.compile_instructions = Some(v);
    }
}
