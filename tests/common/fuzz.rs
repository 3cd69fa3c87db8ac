//! A time-boxed mutation fuzzer on stable Rust for every decoder that reads
//! bytes from outside the process: cmdmon replies (every release's
//! variants), IPC frames, chrony's logs (the helper's import and
//! `stratum stats`' readers and statistics), pasted command output
//! (explain), chrony.conf (parse and lint), Stratum's history file and
//! watch lists.
//! Seeds are real inputs (replies captured from real chronyd releases, the
//! test corpora); mutations are byte-level plus, for cmdmon, structure-aware
//! (the header kept valid so the report decoder is reached, counts and
//! lengths set to the values that break naive code). Shared by
//! `tests/it/fuzz.rs` (a short run in the test command) and
//! `benches/fuzz.rs` (the long run).

#![allow(dead_code)]

use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use stratum::core::cmdmon::{Reply, Request, WireAddr};
use stratum::core::conf::ChronyVersion;

pub struct Rng(pub u64);

impl Rng {
    pub fn next(&mut self) -> u64 {
        // xorshift64*
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_F491_4F6C_DD1D)
    }

    pub fn below(&mut self, n: usize) -> usize {
        (self.next() % n.max(1) as u64) as usize
    }
}

/// 32-bit values that break code trusting a count or a length.
const NASTY_WORDS: &[u32] = &[
    0,
    1,
    7,
    8,
    9,
    255,
    256,
    65_535,
    65_536,
    65_537,
    0x7fff_ffff,
    0x8000_0000,
    0xffff_fffe,
    0xffff_ffff,
];

/// Byte-level mutations: flips, cuts, splices from other seeds, inserted
/// tokens, repeated chunks, random tails.
pub fn mutate(rng: &mut Rng, seeds: &[Vec<u8>], tokens: &[&[u8]]) -> Vec<u8> {
    let mut input = seeds[rng.below(seeds.len())].clone();
    for _ in 0..=rng.below(8) {
        let len = input.len().max(1);
        match rng.below(7) {
            0 => {
                let i = rng.below(len);
                if i < input.len() {
                    input[i] ^= 1 << rng.below(8);
                }
            }
            1 => input.truncate(rng.below(len)),
            2 => {
                let other = &seeds[rng.below(seeds.len())];
                let at = rng.below(other.len());
                input.extend_from_slice(&other[at.min(other.len())..]);
            }
            3 if !tokens.is_empty() => {
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
            5 => {
                let at = rng.below(len);
                if at + 4 <= input.len() {
                    let w = NASTY_WORDS[rng.below(NASTY_WORDS.len())];
                    input[at..at + 4].copy_from_slice(&w.to_be_bytes());
                }
            }
            _ => {
                for _ in 0..rng.below(64) {
                    input.push(rng.next() as u8);
                }
            }
        }
    }
    input
}

/// What a fuzz run did.
#[derive(Debug, Clone, Copy)]
pub struct Run {
    pub inputs: u64,
    pub elapsed: Duration,
}

impl Run {
    pub fn per_second(&self) -> f64 {
        self.inputs as f64 / self.elapsed.as_secs_f64().max(1e-9)
    }
}

/// Feeds `check` mutated inputs for `budget`. A panic (in the decoder or in
/// an invariant `check` asserts) saves the input under
/// `target/fuzz-failures/` and fails with its path.
pub fn fuzz(
    name: &str,
    seeds: &[Vec<u8>],
    tokens: &[&[u8]],
    budget: Duration,
    seed: u64,
    mut mutator: impl FnMut(&mut Rng, &[Vec<u8>], &[&[u8]]) -> Vec<u8>,
    check: impl Fn(&[u8]),
) -> Run {
    assert!(!seeds.is_empty(), "{name}: no seeds");
    let mut rng = Rng(seed | 1);
    let start = Instant::now();
    let mut inputs = 0u64;
    // Every seed as it is first.
    for s in seeds {
        run_one(name, s, &check);
        inputs += 1;
    }
    while start.elapsed() < budget {
        let input = mutator(&mut rng, seeds, tokens);
        run_one(name, &input, &check);
        inputs += 1;
    }
    Run {
        inputs,
        elapsed: start.elapsed(),
    }
}

fn run_one(name: &str, input: &[u8], check: &impl Fn(&[u8])) {
    let r = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| check(input)));
    if r.is_err() {
        let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("target/fuzz-failures");
        let _ = std::fs::create_dir_all(&dir);
        let path = dir.join(format!("{name}-{:016x}.bin", hash(input)));
        let _ = std::fs::write(&path, input);
        panic!(
            "{name}: a decoder panicked; input saved in {}",
            path.display()
        );
    }
}

fn hash(b: &[u8]) -> u64 {
    b.iter().fold(0xcbf2_9ce4_8422_2325u64, |h, x| {
        (h ^ *x as u64).wrapping_mul(0x100_0000_01b3)
    })
}

// ---- cmdmon replies ----

/// One reply captured from a real chronyd: the request that asked for it,
/// the release, the sequence it answered, and its bytes.
#[derive(Debug, Clone)]
pub struct Captured {
    pub request: Request,
    pub version: ChronyVersion,
    pub sequence: u32,
    pub bytes: Vec<u8>,
}

/// The stored corpus of real replies: `tests/data/cmdmon/<version>/<name>.bin`,
/// each file the sequence (4 bytes, big-endian) then the datagram.
pub fn corpus_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/data/cmdmon")
}

/// The requests whose replies are captured, by a file name.
pub fn capture_requests(source_ip: std::net::IpAddr) -> Vec<(&'static str, Request)> {
    vec![
        ("tracking", Request::Tracking),
        ("n_sources", Request::NSources),
        ("source_data", Request::SourceData(0)),
        ("sourcestats", Request::SourceStats(0)),
        ("activity", Request::Activity),
        ("serverstats", Request::ServerStats),
        ("ntpdata", Request::NtpData(source_ip)),
        (
            "source_name",
            Request::NtpSourceName(WireAddr::Ip(source_ip)),
        ),
        ("selectdata", Request::SelectData(0)),
        ("authdata", Request::AuthData(source_ip)),
        (
            "clients",
            Request::ClientAccesses {
                first_index: 0,
                min_hits: 0,
                reset: false,
            },
        ),
        ("smoothing", Request::Smoothing),
    ]
}

pub fn load_corpus() -> Vec<Captured> {
    let mut out = Vec::new();
    let Ok(versions) = std::fs::read_dir(corpus_dir()) else {
        return out;
    };
    let ip: std::net::IpAddr = "127.0.0.1".parse().unwrap();
    for v in versions.flatten() {
        let Some(version) = v
            .file_name()
            .to_str()
            .and_then(|s| s.parse::<ChronyVersion>().ok())
        else {
            continue;
        };
        for (name, request) in capture_requests(ip) {
            let Ok(b) = std::fs::read(v.path().join(format!("{name}.bin"))) else {
                continue;
            };
            if b.len() < 4 {
                continue;
            }
            out.push(Captured {
                request,
                version,
                sequence: u32::from_be_bytes([b[0], b[1], b[2], b[3]]),
                bytes: b[4..].to_vec(),
            });
        }
    }
    out
}

/// Structure-aware: most mutants keep the header the decoder checks
/// (version, type, command, sequence) so that the report itself is reached;
/// the reply code is sometimes swapped for another kind's, words of the
/// report are set to nasty counts, and lengths are cut or grown.
pub fn mutate_reply(rng: &mut Rng, seed: &Captured) -> Vec<u8> {
    let mut b = seed.bytes.clone();
    let header = 28.min(b.len());
    for _ in 0..=rng.below(6) {
        match rng.below(8) {
            0 if b.len() > header => {
                let i = header + rng.below(b.len() - header);
                b[i] ^= 1 << rng.below(8);
            }
            1 if b.len() >= header + 4 => {
                let words = (b.len() - header) / 4;
                let at = header + 4 * rng.below(words);
                let w = NASTY_WORDS[rng.below(NASTY_WORDS.len())];
                b[at..at + 4].copy_from_slice(&w.to_be_bytes());
            }
            2 => {
                let len = b.len();
                b.truncate(rng.below(len + 1));
            }
            3 => b.extend((0..rng.below(64)).map(|_| rng.next() as u8)),
            4 if b.len() >= 8 => {
                // Another reply kind in the same packet.
                let kind = 1 + rng.below(30) as u16;
                b[6..8].copy_from_slice(&kind.to_be_bytes());
            }
            5 if b.len() >= 10 => {
                // A status: chronyd refusing.
                let st = rng.below(25) as u16;
                b[8..10].copy_from_slice(&st.to_be_bytes());
            }
            6 if !b.is_empty() => {
                let i = rng.below(b.len());
                b[i] = rng.next() as u8;
            }
            _ => {}
        }
    }
    b
}

/// What no decoded report may break, whatever the bytes.
pub fn reply_invariants(reply: &Reply) {
    match reply {
        Reply::Clients(p) => {
            assert!(p.clients.len() <= 8 && p.n_records <= 8, "{p:?}");
        }
        Reply::NtpSourceName(n) => assert!(n.len() <= 256 * 3),
        _ => {}
    }
}

/// Seeds for `stratum stats`' readers: records of each log chronyd writes
/// (an unsynchronised tracking record among them) and a CSV export.
pub fn stats_seeds() -> Vec<Vec<u8>> {
    vec![
        b"   Date (UTC) Time     IP Address   St   Freq ppm   Skew ppm     Offset L Co  Offset sd Rem. corr. Root delay Root disp. Max. error\n2017-08-22 13:22:36 203.0.113.15     2     -3.541      0.075 -8.621e-06 N  2  2.940e-06 -2.084e-04  1.534e-02  3.472e-04  8.304e-03\n2017-08-22 13:22:52 203.0.113.15     2     -3.541      0.075 -8.621e-06 N  2  2.940e-06 -2.084e-04  1.534e-02  3.472e-04  8.304e-03\n2017-08-22 13:23:08                  0     -3.541      0.075  0.000e+00 ?  0  2.940e-06 -2.084e-04  1.534e-02  3.472e-04  8.304e-03\n".to_vec(),
        b"2016-08-10 05:40:50 203.0.113.15     6.261e-04 -3.247e-04  6.262e-04 -1.237e-06  1.597e-06  8.1e-02  18   0   8  0.00\n2016-08-10 05:41:50 203.0.113.15     6.261e-04 -3.247e-04  6.262e-04 -1.237e-06  1.597e-06  8.1e-02  18   0   8  0.00\n".to_vec(),
        b"2016-11-14 19:33:41 203.0.113.15    N  2 111 111 1111  10 10 1.0  -4.966e-03  2.296e-01  1.577e-05  1.615e-01  7.446e-03 CB00717B 4B D K\n2016-11-14 19:34:41 ::1             N  2 111 111 1111  10 10 1.0  -4.966e-03  2.296e-01  1.577e-05  1.615e-01  7.446e-03 CB00717B 4B D K\n".to_vec(),
        b"   Date (UTC) Time         Refid  DP L P  Raw offset   Cooked offset      Disp.\n2026-12-07 09:28:54.314068 GPS     0 N 0  2.999977e-01  2.999977e-01  1.000e-08\n2026-12-07 09:28:54.564154 GPS     - N -       -        2.999743e-01  3.304e-05\n2026-12-07 09:28:55.564630 PPS2    - N -       -       -1.048115e-05  2.340e-05\n".to_vec(),
        b"series,time,min,max\nsystem.clock_ahead,1780000000.000,-1e-6,2e-6\nsource.10.0.0.1.offset,1780000001.5,1e-3,1e-3\n\"system.frequency\",1780000002,-3.5,-3.4\n".to_vec(),
    ]
}

/// Tokens that break date, number, name and CSV readers.
pub fn stats_tokens() -> &'static [&'static [u8]] {
    &[
        b" ",
        b"\n",
        b"\r\n",
        b",",
        b"\"",
        b"-",
        b"e-",
        b"9999-12-31 23:59:59",
        b"1970-01-01 00:00:00",
        b"nan",
        b"inf",
        b"1e308",
        b"               ",
    ]
}

/// What `stratum stats` does with a file, without the IO: content
/// detection, then both passes of the record reader and the streaming
/// statistics for three series, the input cut into blocks.
pub fn stats_target(input: &[u8]) {
    use stratum::core::chronylog::{Content, LogKind, detect};
    use stratum::core::series::Field;
    use stratum::core::stats::scan::{FileScan, Input, Scan};
    let input_kind = match detect(input, true).0 {
        Content::Log(kind) => Input::Log(kind),
        Content::HistoryCsv => Input::HistoryCsv,
        // Refused kinds are read as each log anyway: the readers must
        // hold on anything.
        _ => Input::Log(LogKind::Measurements),
    };
    let cut = input.len() / 3 + 1;
    for field in [
        Field::Offset,
        Field::Frequency,
        Field::Delay,
        Field::Dispersion,
    ] {
        let mut scan = Scan::new(field);
        let mut streams = None;
        let mut buf = Vec::new();
        for pass in 0..2 {
            if pass == 1 {
                streams = Some(scan.start_values());
            }
            let Some(mut f) = FileScan::new(input_kind, field) else {
                break;
            };
            for block in input.chunks(cut) {
                f.feed(block, &mut scan);
                scan.take_records(&mut buf);
                if let Some(s) = &mut streams {
                    s.apply(&buf);
                }
            }
            f.finish(&mut scan);
            scan.take_records(&mut buf);
            if let Some(s) = &mut streams {
                s.apply(&buf);
            }
            assert!(f.records + f.unreadable <= input.len() as u64 + 1);
        }
        let Some(streams) = streams else {
            continue;
        };
        for (_, r) in scan.finish(streams) {
            let s = r.summary;
            assert!(s.n > 0 && s.min <= s.p50 && s.p50 <= s.max, "{s:?}");
            assert_eq!(r.histogram.counts.iter().sum::<u64>(), s.n as u64);
        }
    }
}
