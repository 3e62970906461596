//! Hash maps with a fixed hasher for the runtime's own tables (interned names,
//! builtin objects, modules). std's default hasher is seeded from the OS at run
//! time, which makes the instructions a program executes differ from run to run;
//! the benchmark gates count them, so the runtime must not draw randomness.
//! None of these maps is keyed by user data, so hash flooding is not a concern.

use std::collections::HashMap;
use std::hash::{BuildHasherDefault, DefaultHasher};

/// A `HashMap` whose iteration order and probe sequence are the same in every run.
pub type FixedMap<K, V> = HashMap<K, V, BuildHasherDefault<DefaultHasher>>;
