//! Tests of this crate link the oracle's libpython: embed its rpath (link
//! arguments of a dependency's build script do not propagate).

fn main() {
    pyo3_build_config::add_libpython_rpath_link_args();
}
