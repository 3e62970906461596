//! Deliberate miscompilations, for showing that the differential fuzzer catches
//! one. Off unless a test turns one on; nothing else may call these.

use std::sync::atomic::{AtomicBool, Ordering};

static FLOORDIV_TRUNCATES: AtomicBool = AtomicBool::new(false);

/// Makes `a // b` compile as `int(a / b)`: rounding toward zero for negative
/// quotients (and an int where CPython gives a float), in this process.
pub fn set_floordiv_truncates(on: bool) {
    FLOORDIV_TRUNCATES.store(on, Ordering::SeqCst);
}

pub(crate) fn floordiv_truncates() -> bool {
    FLOORDIV_TRUNCATES.load(Ordering::SeqCst)
}
