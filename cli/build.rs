//! With the `fuzz` or `verify` feature `skink` links the oracle's libpython: embed its rpath
//! (link arguments of a dependency's build script do not propagate).

fn main() {
    #[cfg(any(feature = "fuzz", feature = "verify"))]
    pyo3_build_config::add_libpython_rpath_link_args();
}
