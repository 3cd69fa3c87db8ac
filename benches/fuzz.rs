//! The long fuzz run of every decoder that reads outside bytes: the same
//! targets and mutations as the short run in the tests (`tests/it/fuzz.rs`),
//! from the stored corpus of real replies, for `STRATUM_FUZZ_SECS` seconds
//! each (default 60).
//! Run: STRATUM_FUZZ_SECS=600 cargo bench --bench fuzz

#[path = "../tests/common/fuzz.rs"]
mod fuzz;

use std::time::Duration;

use fuzz::{Rng, fuzz as run, load_corpus, mutate, mutate_reply, reply_invariants};
use stratum::core::conf::{ChronyVersion, Document};

fn files(dir: &str, ext: &str) -> Vec<Vec<u8>> {
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join(dir);
    std::fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|e| e == ext))
        .map(|p| std::fs::read(p).unwrap())
        .collect()
}

fn main() {
    let secs: f64 = std::env::var("STRATUM_FUZZ_SECS")
        .ok()
        .and_then(|s| s.parse().ok())
        .unwrap_or(60.0);
    let budget = Duration::from_secs_f64(secs);
    let seed = 0x9E37_79B9_7F4A_7C15 ^ u64::from(std::process::id());
    let report = |name: &str, r: fuzz::Run, corpus: usize| {
        println!(
            "{name:<8} {:>12} inputs in {:>6.1} s = {:>9.0}/s, corpus {corpus}, crashes 0",
            r.inputs,
            r.elapsed.as_secs_f64(),
            r.per_second()
        );
    };

    let seeds = load_corpus();
    let datagrams: Vec<Vec<u8>> = seeds.iter().map(|s| s.bytes.clone()).collect();
    let r = run(
        "cmdmon",
        &datagrams,
        &[],
        budget,
        seed,
        |rng: &mut Rng, _, _| {
            let i = rng.below(seeds.len());
            let mut b = mutate_reply(rng, &seeds[i]);
            b.extend_from_slice(&(i as u16).to_be_bytes());
            b
        },
        |input| {
            if input.len() < 2 {
                return;
            }
            let (bytes, tag) = input.split_at(input.len() - 2);
            let s = &seeds[u16::from_be_bytes([tag[0], tag[1]]) as usize % seeds.len()];
            for v in [s.version, ChronyVersion::new(4, 0), ChronyVersion::LATEST] {
                if let Ok(reply) = s.request.decode(bytes, s.sequence, v) {
                    reply_invariants(&reply);
                }
            }
        },
    );
    report("cmdmon", r, seeds.len());

    let explain = files("tests/data/explain", "txt");
    let r = run(
        "explain",
        &explain,
        &[b"\n", b" ", b":", b"*", b"\r\n"],
        budget,
        seed,
        mutate,
        |i| {
            let _ = stratum::core::explain::explain(&String::from_utf8_lossy(i));
        },
    );
    report("explain", r, explain.len());

    let mut confs = files("tests/data/chronyd", "conf");
    confs.extend(files("tests/data/roundtrip", "conf"));
    let r = run(
        "conf",
        &confs,
        &[b"\n", b" ", b"#", b"server ", b"/33"],
        budget,
        seed,
        mutate,
        |i| {
            let doc = Document::parse(i);
            assert_eq!(doc.render(), i);
            let opts = stratum::core::conf::lint::LintOptions {
                version: ChronyVersion::LATEST,
                path_exists: None,
                resolves: None,
                ..Default::default()
            };
            let _ = stratum::core::conf::lint::lint(&doc, &opts);
        },
    );
    report("conf", r, confs.len());

    let frames = vec![
        stratum::ipc::frame::encode_frame(&stratum::ipc::ClientMessage::Hello {
            protocol: stratum::ipc::PROTOCOL_VERSION,
        })
        .unwrap(),
        stratum::ipc::frame::encode_frame(&stratum::ipc::ServerMessage::Push {
            snapshot: Box::default(),
        })
        .unwrap(),
    ];
    let r = run(
        "ipc",
        &frames,
        &[b"{", b"}", b"\""],
        budget,
        seed,
        mutate,
        |i| {
            let _ = stratum::ipc::frame::read_frame::<_, stratum::ipc::ClientMessage>(&mut &i[..]);
            let _ = stratum::ipc::frame::read_frame::<_, stratum::ipc::ServerMessage>(&mut &i[..]);
        },
    );
    report("ipc", r, frames.len());

    let logs = vec![b"2016-11-14 19:33:41 203.0.113.15    N  2 111 111 1111  10 10 1.0  -4.966e-03  2.296e-01  1.577e-05  1.615e-01  7.446e-03 CB00717B 4B D K\n".to_vec()];
    let r = run("logs", &logs, &[b" ", b"\n"], budget, seed, mutate, |i| {
        use stratum::helper::logimport::{LogKind, import_reader};
        for k in [
            LogKind::Tracking,
            LogKind::Measurements,
            LogKind::Statistics,
        ] {
            let _ = import_reader(i, k, &mut stratum::core::history::History::default());
        }
    });
    report("logs", r, logs.len());

    let seeds = fuzz::stats_seeds();
    let r = run(
        "stats",
        &seeds,
        fuzz::stats_tokens(),
        budget,
        seed,
        mutate,
        fuzz::stats_target,
    );
    report("stats", r, seeds.len());
}
