//! A time-boxed mutation fuzzer for the output detector and parsers: takes
//! the explain fixtures, mutates them (byte flips, cuts, splices, repeated
//! lines, random bytes) and checks that `explain` never panics.
//! Run: STRATUM_FUZZ_SECS=300 cargo bench --bench fuzz_explain

use std::time::{Duration, Instant};

use stratum::core::explain::explain;

struct Rng(u64);
impl Rng {
    fn next(&mut self) -> u64 {
        // xorshift64*
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_F491_4F6C_DD1D)
    }
    fn below(&mut self, n: usize) -> usize {
        (self.next() % n.max(1) as u64) as usize
    }
}

fn main() {
    let secs: u64 = std::env::var("STRATUM_FUZZ_SECS")
        .ok()
        .and_then(|s| s.parse().ok())
        .unwrap_or(60);
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/data/explain");
    let corpus: Vec<Vec<u8>> = std::fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|e| e == "txt"))
        .map(|p| std::fs::read(p).unwrap())
        .collect();
    let mut rng = Rng(0x9E37_79B9_7F4A_7C15 ^ std::process::id() as u64);
    let start = Instant::now();
    let (mut runs, mut recognised) = (0u64, 0u64);
    let tokens: &[&[u8]] = &[
        b"\n", b" ", b",", b":", b"[", b"]", b"+/-", b"=", b"*", b"^", b"\x1b[0m", b"\r\n", b"377",
        b"-",
    ];
    while start.elapsed() < Duration::from_secs(secs) {
        let mut input = corpus[rng.below(corpus.len())].clone();
        for _ in 0..=rng.below(8) {
            let len = input.len().max(1);
            match rng.below(6) {
                0 => {
                    let i = rng.below(len);
                    if i < input.len() {
                        input[i] ^= 1 << rng.below(8);
                    }
                }
                1 => input.truncate(rng.below(len)),
                2 => {
                    let other = &corpus[rng.below(corpus.len())];
                    let at = rng.below(other.len());
                    input.extend_from_slice(&other[at..]);
                }
                3 => {
                    let t = tokens[rng.below(tokens.len())];
                    let at = rng.below(len).min(input.len());
                    input.splice(at..at, t.iter().copied());
                }
                4 => {
                    let at = rng.below(len).min(input.len());
                    let end = (at + rng.below(200)).min(input.len());
                    let chunk = input[at..end].to_vec();
                    input.splice(at..at, chunk);
                }
                _ => {
                    for _ in 0..rng.below(64) {
                        input.push(rng.next() as u8);
                    }
                }
            }
        }
        let text = String::from_utf8_lossy(&input);
        let r = std::panic::catch_unwind(|| explain(&text));
        match r {
            Ok(Ok(_)) => recognised += 1,
            Ok(Err(_)) => {}
            Err(_) => {
                eprintln!("PANIC on input:\n{text:?}");
                std::process::exit(1);
            }
        }
        runs += 1;
    }
    println!(
        "fuzzed explain for {} s: {runs} inputs ({:.0}/s), {recognised} recognised, no panic",
        secs,
        runs as f64 / start.elapsed().as_secs_f64()
    );
}
