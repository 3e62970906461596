//! With the `fuzz` feature `skink` links the oracle's libpython: embed its rpath
//! (link arguments of a dependency's build script do not propagate).

fn main() {
    #[cfg(feature = "fuzz")]
    pyo3_build_config::add_libpython_rpath_link_args();
}
