//! Any bytes, and mutations of real programs, through the whole front end and
//! code generator: skink must accept or diagnose, never panic or hang.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let text = String::from_utf8_lossy(data).into_owned();
    let file = skink_compiler::SourceFile::new("fuzz.py".to_string(), text);
    // Compiles to an object in memory; linking is not what this target tests.
    let _ = skink_compiler::compile(&file);
});
