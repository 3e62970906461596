//! Instruction counts are exact: the same binary and input give the same count
//! three times over while every core is kept busy by other threads.

use std::path::Path;
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};

use skink_bench::{Options, Suite};

#[test]
fn instruction_counts_repeat_exactly_on_a_busy_machine() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR"));
    let suite = Suite::load(dir).expect("the checked-in suite loads");
    let mut options = Options::discover(None).expect("CPython 3.11 and valgrind are installed");
    options.quick = true;
    options.filter = Some("strings".into());

    let stop = Arc::new(AtomicBool::new(false));
    let cores = std::thread::available_parallelism().map_or(2, |n| n.get());
    let load: Vec<_> = (0..cores)
        .map(|_| {
            let stop = Arc::clone(&stop);
            std::thread::spawn(move || {
                let mut x = 1u64;
                while !stop.load(Ordering::Relaxed) {
                    x = x.wrapping_mul(6364136223846793005).wrapping_add(1);
                    std::hint::black_box(x);
                }
            })
        })
        .collect();
    let counts: Vec<(u64, u64)> = (0..3)
        .map(|_| {
            let report = skink_bench::run(&suite, &options, &|_| {}).expect("the suite runs");
            let startup = report.startup.as_ref().and_then(|s| s.instructions);
            let bench = report.benchmarks[0].instructions;
            (
                startup.expect("hello world was counted"),
                bench.expect("the benchmark was counted"),
            )
        })
        .collect();
    stop.store(true, Ordering::Relaxed);
    for t in load {
        t.join().expect("load thread");
    }
    println!("hello world and strings, three runs under load: {counts:?}");
    assert!(counts.iter().all(|c| *c == counts[0]), "{counts:?}");
}
