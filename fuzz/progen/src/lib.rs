//! A generator of valid, terminating, deterministic Python programs inside the
//! subset skink supports, for differential fuzzing against CPython (in the manner
//! of Csmith and YARPGen: it tracks the type of every variable, guards divisors,
//! bounds loops, recursion and exponents, and prints intermediate values so that
//! a miscompilation shows in the output).
//!
//! Programs are built as a small syntax tree ([`Program`]) so that a failing one
//! can be minimized statement by statement before it is rendered as text. The
//! generator reads its decisions from an [`arbitrary::Unstructured`], so that
//! cargo-fuzz and a seeded byte stream drive it alike.

mod ast;
mod generator;

pub use ast::{Block, Expr, ExprKind, Program, Stmt, Ty};
pub use generator::{Feature, Features, Generated, generate};

/// A deterministic byte stream for `seed` (splitmix64), for driving the
/// generator without a fuzzer: the same seed gives the same program.
pub fn seed_bytes(seed: u64, len: usize) -> Vec<u8> {
    let mut state = seed;
    let mut out = Vec::with_capacity(len + 8);
    while out.len() < len {
        state = state.wrapping_add(0x9e37_79b9_7f4a_7c15);
        let mut z = state;
        z = (z ^ (z >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
        z ^= z >> 31;
        out.extend_from_slice(&z.to_le_bytes());
    }
    out.truncate(len);
    out
}

/// The program for `seed` with `features`.
pub fn program_for_seed(seed: u64, features: Features) -> Generated {
    let bytes = seed_bytes(seed, 4096);
    let mut u = arbitrary::Unstructured::new(&bytes);
    // An exhausted stream only makes later choices their defaults; never an error.
    generate(&mut u, features).unwrap_or_else(|_| Generated {
        program: Program::default(),
        counts: Default::default(),
    })
}
