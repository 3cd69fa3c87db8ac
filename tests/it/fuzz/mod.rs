//! A short fuzz run of every decoder that reads outside bytes (the long one
//! is `cargo bench --bench fuzz`). cmdmon seeds are replies captured just
//! now from every chrony release built here, plus the stored corpus.
//! `STRATUM_FUZZ_SECS` sets the time per decoder (default 2 s);
//! `STRATUM_UPDATE_CORPUS=1` stores the captured replies as the corpus.

mod cmdmon;
mod feeds;
mod helper_inputs;
mod texts;

use std::time::Duration;

fn budget() -> Duration {
    Duration::from_secs_f64(
        std::env::var("STRATUM_FUZZ_SECS")
            .ok()
            .and_then(|s| s.parse().ok())
            .unwrap_or(2.0),
    )
}

fn files(dir: &str, ext: &str) -> Vec<Vec<u8>> {
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join(dir);
    std::fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|e| e == ext))
        .map(|p| std::fs::read(p).unwrap())
        .collect()
}
