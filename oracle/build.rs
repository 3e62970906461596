//! Embeds an rpath to the libpython pyo3 was configured with, so the oracle loads
//! the intended CPython 3.11 with no environment variable, and records that
//! interpreter's version so a test can tell if another libpython got loaded.

fn main() {
    pyo3_build_config::add_libpython_rpath_link_args();
    let config = pyo3_build_config::get();
    let version = config.executable().and_then(|exe| {
        let out = std::process::Command::new(exe)
            .args(["-c", "import platform; print(platform.python_version())"])
            .output()
            .ok()?;
        String::from_utf8(out.stdout)
            .ok()
            .map(|s| s.trim().to_string())
    });
    println!(
        "cargo:rustc-env=SKINK_ORACLE_PYTHON={}",
        version.unwrap_or_default()
    );
}
