//! A generated program, compiled to native code and run, against CPython: any
//! divergence is a crash for libFuzzer (with the program in the message).
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let mut u = arbitrary::Unstructured::new(data);
    let Ok(generated) = skink_progen::generate(&mut u, skink_progen::Features::all()) else {
        return;
    };
    let source = generated.program.render();
    let work = tempfile::tempdir().expect("a scratch directory");
    let verdict = skink_fuzz::check(&source, work.path(), "libfuzzer");
    if verdict.is_failure() {
        panic!("{}\n--- program ---\n{source}", verdict.summary());
    }
});
