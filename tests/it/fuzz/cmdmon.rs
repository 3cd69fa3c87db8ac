//! cmdmon replies captured from every release, and their mutants.

use crate::common;

use std::net::IpAddr;
use std::os::unix::net::UnixDatagram;
use std::time::Duration;

use common::fuzz::{
    Captured, capture_requests, corpus_dir, fuzz, load_corpus, mutate_reply, reply_invariants,
};
use common::lab::{Chronyd, wait_for};
use stratum::core::conf::ChronyVersion;

use super::*;

/// Sends `request` to a real chronyd and keeps the reply datagram as it came.
fn capture_one(
    socket: &std::path::Path,
    request: &Request,
    version: ChronyVersion,
    sequence: u32,
) -> Option<Vec<u8>> {
    let dir = socket.parent()?;
    let local = dir.join(format!("fuzz.{}.{sequence}.sock", std::process::id()));
    let _ = std::fs::remove_file(&local);
    let s = UnixDatagram::bind(&local).ok()?;
    let result = (|| {
        s.set_read_timeout(Some(Duration::from_secs(2))).ok()?;
        s.connect(socket).ok()?;
        s.send(&request.encode(sequence, 0, version).ok()?).ok()?;
        let mut buf = [0u8; 2048];
        let n = s.recv(&mut buf).ok()?;
        Some(buf[..n].to_vec())
    })();
    let _ = std::fs::remove_file(&local);
    result
}

use stratum::core::cmdmon::Request;

/// Replies from a real chronyd of each release: one following an upstream
/// (so that sources, NTP data and statistics are real) and serving a client.
fn capture_from_releases() -> Vec<Captured> {
    let mut out = Vec::new();
    for r in common::releases() {
        let tmp = tempfile::tempdir().unwrap();
        let upstream = Chronyd::upstream(&r.chronyd, tmp.path());
        let server = Chronyd::start(
            &r.chronyd,
            tmp.path(),
            "server",
            &format!(
                "server 127.0.0.1 port {} iburst minpoll -2 maxpoll -1\nallow 127.0.0.0/8\nlocal stratum 10",
                upstream.port
            ),
        );
        // A client asks the server, so that its client list has a record.
        let _client = Chronyd::start(
            &r.chronyd,
            tmp.path(),
            "client",
            &format!(
                "server 127.0.0.1 port {} iburst minpoll -2 maxpoll -1",
                server.port
            ),
        );
        let mut c = common::cmdmon::BlockingCmdmon::connect(
            &stratum::helper::cmdmon::Endpoint::Unix(server.socket.clone()),
        )
        .unwrap();
        c.set_version(r.version);
        wait_for(Duration::from_secs(15), || {
            let s = c.sources().ok()?;
            let n = c.clients(usize::MAX).ok()?;
            (s.first().is_some_and(|s| s.reach != 0) && !n.is_empty()).then_some(())
        });
        let ip: IpAddr = "127.0.0.1".parse().unwrap();
        for (i, (name, request)) in capture_requests(ip).into_iter().enumerate() {
            let sequence = 0x5eed_0000 + i as u32;
            let Some(bytes) = capture_one(&server.socket, &request, r.version, sequence) else {
                panic!("chrony {}: no reply to {name}", r.label);
            };
            if std::env::var_os("STRATUM_UPDATE_CORPUS").is_some() {
                let dir = corpus_dir().join(&r.label);
                std::fs::create_dir_all(&dir).unwrap();
                let mut file = sequence.to_be_bytes().to_vec();
                file.extend_from_slice(&bytes);
                std::fs::write(dir.join(format!("{name}.bin")), file).unwrap();
            }
            out.push(Captured {
                request,
                version: r.version,
                sequence,
                bytes,
            });
        }
    }
    out
}

#[test]
fn cmdmon_replies_of_every_release_and_their_mutants() {
    let mut seeds = capture_from_releases();
    // The real replies are read as chronyd meant them.
    for s in &seeds {
        let r = s.request.decode(&s.bytes, s.sequence, s.version);
        assert!(
            r.is_ok() || matches!(s.request, Request::Smoothing | Request::AuthData(_)),
            "chrony {}: {:?} -> {r:?}",
            s.version,
            s.request
        );
    }
    seeds.extend(load_corpus());
    assert!(!seeds.is_empty(), "no cmdmon replies to start from");
    let datagrams: Vec<Vec<u8>> = seeds.iter().map(|s| s.bytes.clone()).collect();
    let run = fuzz(
        "cmdmon",
        &datagrams,
        &[],
        budget(),
        0xc0ffee,
        |rng, _, _| {
            // The mutant carries which seed it came from (two trailing
            // bytes) so that it is decoded as an answer to that request.
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
            let seed = &seeds[u16::from_be_bytes([tag[0], tag[1]]) as usize % seeds.len()];
            for version in [
                seed.version,
                ChronyVersion::new(4, 0),
                ChronyVersion::LATEST,
            ] {
                if let Ok(reply) = seed.request.decode(bytes, seed.sequence, version) {
                    reply_invariants(&reply);
                }
            }
        },
    );
    eprintln!(
        "fuzz cmdmon: {} inputs in {:.1} s ({:.0}/s), {} real replies as seeds",
        run.inputs,
        run.elapsed.as_secs_f64(),
        run.per_second(),
        seeds.len()
    );
}
