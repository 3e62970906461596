//! The link driver: the runtime static library is embedded in the compiler at build
//! time (see build.rs), written once to a cache directory keyed by its hash, and
//! linked with the program's object by the system `cc`, statically by default.

use std::path::{Path, PathBuf};
use std::process::Command;
use std::sync::atomic::{AtomicU64, Ordering};

static RUNTIME_LIB: &[u8] = include_bytes!(env!("SKINK_RUNTIME_LIB"));

/// A short hash of the embedded runtime.
pub fn runtime_hash() -> String {
    blake3::hash(RUNTIME_LIB).to_hex()[..16].to_string()
}

/// Where skink keeps files it can recreate: `$XDG_CACHE_HOME/skink` or `~/.cache/skink`.
pub fn cache_dir() -> PathBuf {
    if let Some(dir) = std::env::var_os("XDG_CACHE_HOME").filter(|d| !d.is_empty()) {
        return PathBuf::from(dir).join("skink");
    }
    if let Some(home) = std::env::var_os("HOME").filter(|d| !d.is_empty()) {
        return PathBuf::from(home).join(".cache").join("skink");
    }
    std::env::temp_dir().join("skink-cache")
}

/// A file name no other skink process uses at the same time.
pub fn unique_temp_path(dir: &Path, stem: &str, ext: &str) -> PathBuf {
    static COUNTER: AtomicU64 = AtomicU64::new(0);
    let n = COUNTER.fetch_add(1, Ordering::Relaxed);
    dir.join(format!(".{stem}-{}-{n}.{ext}", std::process::id()))
}

/// Writes `bytes` to `path` atomically (temporary file, then rename).
pub fn write_atomic(path: &Path, bytes: &[u8]) -> std::io::Result<()> {
    let dir = path.parent().unwrap_or(Path::new("."));
    std::fs::create_dir_all(dir)?;
    let tmp = unique_temp_path(dir, "partial", "tmp");
    std::fs::write(&tmp, bytes)?;
    std::fs::rename(&tmp, path).inspect_err(|_| {
        let _ = std::fs::remove_file(&tmp);
    })
}

fn runtime_path() -> Result<PathBuf, String> {
    let path = cache_dir().join(format!("libskink_runtime-{}.a", runtime_hash()));
    if !path.exists() {
        write_atomic(&path, RUNTIME_LIB)
            .map_err(|e| format!("cannot write the runtime to {}: {e}", path.display()))?;
    }
    Ok(path)
}

/// How the C library is linked into an executable.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum LinkMode {
    /// One self-contained file (`-static-pie`): nothing to load or relocate at
    /// start, which took a hello-world from about 1.0 ms to 0.6 ms here and
    /// does not depend on the C library of the machine it runs on.
    #[default]
    Static,
    /// Against the shared C library: smaller, and needed by tools that replace
    /// `malloc` at load time (valgrind's memcheck).
    Dynamic,
}

/// Links `object` with the runtime into the executable `output`.
pub fn link(object: &[u8], output: &Path, mode: LinkMode) -> Result<(), String> {
    let runtime = runtime_path()?;
    let out_dir = match output.parent() {
        Some(p) if !p.as_os_str().is_empty() => p.to_path_buf(),
        _ => PathBuf::from("."),
    };
    let obj_path = unique_temp_path(&std::env::temp_dir(), "skink-object", "o");
    std::fs::write(&obj_path, object)
        .map_err(|e| format!("cannot write {}: {e}", obj_path.display()))?;
    if !out_dir.is_dir() {
        let _ = std::fs::remove_file(&obj_path);
        return Err(format!(
            "the output directory {} does not exist",
            out_dir.display()
        ));
    }
    let cc = std::env::var("CC")
        .ok()
        .filter(|c| !c.is_empty())
        .unwrap_or_else(|| "cc".into());
    let mut command = Command::new(&cc);
    command.arg("-o").arg(output).arg(&obj_path).arg(&runtime);
    command.args(["-Wl,--gc-sections", "-lm", "-lpthread", "-ldl"]);
    if mode == LinkMode::Static {
        command.arg("-static-pie");
    }
    // Symbols are stripped unless a profiler wants them (`perf report` of a program).
    if std::env::var_os("SKINK_KEEP_SYMBOLS").is_none() {
        command.arg("-s");
    }
    let result = command.output();
    let _ = std::fs::remove_file(&obj_path);
    match result {
        Err(e) => Err(format!(
            "cannot run the C compiler `{cc}` to link: {e} (install gcc, or set CC)"
        )),
        Ok(out) if !out.status.success() => Err(format!(
            "linking with `{cc}` failed:\n{}{}",
            String::from_utf8_lossy(&out.stderr).trim_end(),
            match mode {
                LinkMode::Static =>
                    "\n(a static link needs the C library's static archive, \
                                     libc.a: on Debian, libc6-dev; or link with --link dynamic)",
                LinkMode::Dynamic => "",
            }
        )),
        Ok(_) => Ok(()),
    }
}
