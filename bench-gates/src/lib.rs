//! skink's benchmark gates. `bench-gates/programs/` holds the benchmarks,
//! `gates.toml` their inputs and thresholds, `baseline.json` the accepted
//! measurements. A run compiles every program, checks its output against CPython
//! 3.11 and measures: instructions under valgrind (exact, so gateable on a noisy
//! machine), binary size, compile-time instructions, and wall-time speedups
//! against CPython (reported; gated only by a wide floor). `skink bench` is the
//! front end.

pub mod baseline;
pub mod gate;
pub mod report;
pub mod run;
pub mod suite;
pub mod tools;

pub use baseline::Baseline;
pub use gate::{GateOutcome, evaluate};
pub use report::Report;
pub use run::{Options, Progress, run};
pub use suite::Suite;
pub use tools::{Python, Valgrind};
