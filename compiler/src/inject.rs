//! Deliberate miscompilations, for showing that the checks catch one: the
//! differential fuzzer, the bench gate, the MIR interpreter's conformance run
//! and `skink diff`. Off unless a test turns one on, in its process or (in
//! debug builds only) through `SKINK_INJECT=<name>,...` for the processes it
//! starts; nothing else may call these.

use std::sync::OnceLock;
use std::sync::atomic::{AtomicBool, Ordering};

/// A miscompilation that can be injected.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Fault {
    /// `a // b` is lowered as `int(a / b)` (HIR): rounding toward zero for
    /// negative quotients, and an int where CPython gives a float.
    FloordivTruncates,
    /// Codegen's inline small-int `//` forgets the floor correction: only the
    /// native code is wrong, the MIR is right.
    CodegenFloordivTruncates,
    /// The small-int copy of a function ignores an overflowing `+`, `-`, `*`,
    /// ... and keeps the wrapped word: only the native code is wrong.
    CodegenSmallCopyIgnoresOverflow,
    /// The unbox pass turns a float subtraction into an addition.
    UnboxSubAdds,
    /// The e-graph's constant folding folds `a - b` as `a + b`: one rewrite,
    /// which bisecting with fuel finds.
    FoldSubAdds,
}

impl Fault {
    pub const ALL: [Fault; 5] = [
        Fault::FloordivTruncates,
        Fault::CodegenFloordivTruncates,
        Fault::CodegenSmallCopyIgnoresOverflow,
        Fault::UnboxSubAdds,
        Fault::FoldSubAdds,
    ];

    /// The name `SKINK_INJECT` uses.
    pub fn name(self) -> &'static str {
        match self {
            Fault::FloordivTruncates => "floordiv-truncates",
            Fault::CodegenFloordivTruncates => "codegen-floordiv-truncates",
            Fault::CodegenSmallCopyIgnoresOverflow => "codegen-small-copy-ignores-overflow",
            Fault::UnboxSubAdds => "unbox-sub-adds",
            Fault::FoldSubAdds => "fold-sub-adds",
        }
    }
}

static ON: [AtomicBool; Fault::ALL.len()] = [const { AtomicBool::new(false) }; Fault::ALL.len()];

/// Turns a fault on or off in this process.
pub fn set(fault: Fault, on: bool) {
    ON[fault as usize].store(on, Ordering::SeqCst);
}

/// The faults `SKINK_INJECT` names; always none in release builds.
fn from_env() -> &'static [Fault] {
    static FAULTS: OnceLock<Vec<Fault>> = OnceLock::new();
    FAULTS.get_or_init(|| {
        if !cfg!(debug_assertions) {
            return Vec::new();
        }
        let names = std::env::var("SKINK_INJECT").unwrap_or_default();
        Fault::ALL
            .into_iter()
            .filter(|f| names.split(',').any(|n| n.trim() == f.name()))
            .collect()
    })
}

pub(crate) fn is_on(fault: Fault) -> bool {
    ON[fault as usize].load(Ordering::SeqCst) || from_env().contains(&fault)
}
