//! diff_program links the oracle: embed the rpath to its libpython
//! here too (link arguments of a dependency's build script do not propagate).

fn main() {
    pyo3_build_config::add_libpython_rpath_link_args();
}
