//! Prints the generated program for a seed: `cargo run -p skink-progen --example show -- 7`.

fn main() {
    let seed = std::env::args()
        .nth(1)
        .and_then(|s| s.parse().ok())
        .unwrap_or(0);
    let generated = skink_progen::program_for_seed(seed, skink_progen::Features::all());
    print!("{}", generated.program.render());
}
