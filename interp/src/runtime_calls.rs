//! Calls of runtime functions by `RtFn`, with the machine signature the ABI list
//! gives each one: the interpreter's counterpart of the calls codegen emits.
//! The declarations come from `skink_abi::with_runtime_functions!`, the same
//! list the `RtFn` enum comes from, and resolve to the runtime linked in.

use skink_abi::{RtFn, Word};

/// The Rust type a runtime function takes or returns for an ABI type.
macro_rules! abi_type {
    (Value) => {
        Word
    };
    (I64) => {
        i64
    };
    (I32) => {
        i32
    };
    (F64) => {
        f64
    };
    (Ptr) => {
        usize
    };
    (unit) => {
        ()
    };
}

/// One machine argument, from its bits as the interpreter keeps every value.
macro_rules! from_bits {
    (Value, $x:expr) => {
        $x
    };
    (I64, $x:expr) => {
        $x
    };
    (I32, $x:expr) => {
        $x as i32
    };
    (F64, $x:expr) => {
        f64::from_bits($x as u64)
    };
    (Ptr, $x:expr) => {
        $x as usize
    };
}

/// A result as bits: an `I32` sign-extended (so a negative status stays
/// negative), a float's bits, 0 for none.
macro_rules! to_bits {
    (unit, $r:expr) => {{
        let () = $r;
        0
    }};
    (I32, $r:expr) => {
        i64::from($r)
    };
    (F64, $r:expr) => {
        $r.to_bits() as i64
    };
    ($t:ident, $r:expr) => {
        $r as i64
    };
}

macro_rules! dispatch {
    ($( $(#[$doc:meta])* $variant:ident = $sym:ident ( $($param:ident),* ) -> $ret:tt, $raises:ident; )*) => {
        /// Calls the runtime function `f` with its machine arguments, as bits.
        ///
        /// # Safety
        /// The arguments must satisfy `f`'s contract, as compiled code's would.
        pub unsafe fn call(f: RtFn, args: &[i64]) -> i64 {
            debug_assert_eq!(args.len(), f.params().len(), "arguments of {}", f.symbol());
            let mut next = args.iter().copied().chain(std::iter::repeat(0));
            match f {
                $(
                    RtFn::$variant => {
                        unsafe extern "C" {
                            fn $sym($(_: abi_type!($param)),*) -> abi_type!($ret);
                        }
                        let _ = &mut next;
                        // SAFETY: the declaration is the ABI list's; the caller
                        // upholds the contract.
                        let r = unsafe { $sym($(from_bits!($param, next.next().unwrap_or(0))),*) };
                        to_bits!($ret, r)
                    }
                )*
            }
        }
    };
}

skink_abi::with_runtime_functions!(dispatch);
