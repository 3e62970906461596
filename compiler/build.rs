//! Builds the runtime static library (release, panic=abort) in a target directory
//! of its own and hands its path to the compiler, which embeds the bytes: `skink`
//! then needs no file or environment variable to find its runtime, also after
//! `cargo install`.

use std::path::PathBuf;
use std::process::Command;

fn main() {
    let manifest_dir = PathBuf::from(std::env::var("CARGO_MANIFEST_DIR").expect("set by cargo"));
    let runtime_dir = manifest_dir.join("../runtime");
    let abi_dir = manifest_dir.join("../abi");
    let out_dir = PathBuf::from(std::env::var("OUT_DIR").expect("set by cargo"));
    let target = std::env::var("TARGET").expect("set by cargo");
    println!("cargo:rustc-env=SKINK_HOST_TRIPLE={target}");
    for dir in [&runtime_dir, &abi_dir] {
        println!("cargo:rerun-if-changed={}", dir.join("src").display());
        println!(
            "cargo:rerun-if-changed={}",
            dir.join("Cargo.toml").display()
        );
    }
    let target_dir = out_dir.join("runtime-target");
    let cargo = std::env::var("CARGO").unwrap_or_else(|_| "cargo".into());
    let mut cmd = Command::new(cargo);
    cmd.arg("build")
        .arg("--release")
        .arg("--manifest-path")
        .arg(runtime_dir.join("Cargo.toml"))
        .arg("--target-dir")
        .arg(&target_dir)
        .arg("--target")
        .arg(&target)
        .args(["--features", "program"])
        .args(["--config", "profile.release.panic=\"abort\""])
        .args(["--config", "profile.release.lto=true"])
        .args(["--config", "profile.release.codegen-units=1"])
        .args(["--config", "profile.release.opt-level=3"]);
    // The outer build's flags (sanitizers, coverage, the jobserver) are not the runtime's.
    for var in [
        "RUSTFLAGS",
        "CARGO_ENCODED_RUSTFLAGS",
        "CARGO_TARGET_DIR",
        "CARGO_BUILD_TARGET",
        "RUSTC_WRAPPER",
        "RUSTC_WORKSPACE_WRAPPER",
        "CARGO_MAKEFLAGS",
        "MAKEFLAGS",
        "MFLAGS",
    ] {
        cmd.env_remove(var);
    }
    for (key, _) in std::env::vars() {
        if key.starts_with("CARGO_PROFILE_")
            || key.starts_with("CARGO_FEATURE_")
            || key.starts_with("CARGO_CFG_")
        {
            cmd.env_remove(key);
        }
    }
    let status = cmd.status().expect("cargo runs");
    assert!(status.success(), "building the skink runtime failed");
    let lib = target_dir
        .join(&target)
        .join("release")
        .join("libskink_runtime.a");
    assert!(lib.exists(), "runtime library missing at {}", lib.display());
    println!("cargo:rustc-env=SKINK_RUNTIME_LIB={}", lib.display());
}
