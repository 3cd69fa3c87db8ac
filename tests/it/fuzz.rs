//! A short fuzz run of every decoder that reads outside bytes (the long one
//! is `cargo bench --bench fuzz`). cmdmon seeds are replies captured just
//! now from every chrony release built here, plus the stored corpus.
//! `STRATUM_FUZZ_SECS` sets the time per decoder (default 2 s);
//! `STRATUM_UPDATE_CORPUS=1` stores the captured replies as the corpus.

use crate::common;

use std::net::IpAddr;
use std::os::unix::net::UnixDatagram;
use std::time::Duration;

use common::fuzz::{
    Captured, capture_requests, corpus_dir, fuzz, load_corpus, mutate, mutate_reply,
    reply_invariants,
};
use common::lab::{Chronyd, wait_for};
use stratum::core::conf::{ChronyVersion, Document};

fn budget() -> Duration {
    Duration::from_secs_f64(
        std::env::var("STRATUM_FUZZ_SECS")
            .ok()
            .and_then(|s| s.parse().ok())
            .unwrap_or(2.0),
    )
}

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

#[test]
fn ipc_frames() {
    use stratum::ipc::frame::{encode_frame, read_frame};
    use stratum::ipc::{ClientMessage, RequestBody, ServerMessage};
    let snap = stratum::ipc::Snapshot {
        time: 1.5,
        ..Default::default()
    };
    let seeds: Vec<Vec<u8>> = vec![
        encode_frame(&ClientMessage::Hello {
            protocol: stratum::ipc::PROTOCOL_VERSION,
        })
        .unwrap(),
        encode_frame(&ClientMessage::Request {
            id: 1,
            body: RequestBody::Apply {
                config: b"# R\xe9seau\nserver a iburst\n".to_vec().into(),
            },
        })
        .unwrap(),
        encode_frame(&ServerMessage::Reply {
            id: 1,
            body: stratum::ipc::ReplyBody::Config {
                text: b"allow 10.0.0.0/8 # \xff\n".to_vec().into(),
                path: "/etc/chrony/chrony.conf".into(),
            },
        })
        .unwrap(),
        encode_frame(&ClientMessage::Request {
            id: 2,
            body: RequestBody::History(stratum::ipc::HistoryQuery {
                series: "system.offset".parse().unwrap(),
                since: 0.0,
                until: 1e9,
                max_points: 100,
            }),
        })
        .unwrap(),
        encode_frame(&ServerMessage::Push {
            snapshot: Box::new(snap),
        })
        .unwrap(),
        encode_frame(&ServerMessage::Fatal {
            code: stratum::ipc::ErrorCode::IpcBusy,
        })
        .unwrap(),
    ];
    let tokens: &[&[u8]] = &[
        b"{",
        b"}",
        b"\"",
        b"[",
        b"]",
        b"null",
        b"1e999",
        b"\\u0000",
        b"\xff\xff\xff\x7f",
        // Inside the base64 of a configuration.
        b"=",
        b"+/",
    ];
    let run = fuzz("ipc", &seeds, tokens, budget(), 7, mutate, |input| {
        let _ = read_frame::<_, ClientMessage>(&mut &input[..]);
        let _ = read_frame::<_, ServerMessage>(&mut &input[..]);
    });
    eprintln!(
        "fuzz ipc: {} inputs ({:.0}/s)",
        run.inputs,
        run.per_second()
    );
}

#[test]
fn chrony_logs() {
    use stratum::core::history::History;
    use stratum::helper::logimport::{LogKind, import_reader};
    let seeds: Vec<Vec<u8>> = vec![
        b"   Date (UTC) Time     IP Address   St   Freq ppm   Skew ppm     Offset L Co  Offset sd Rem. corr. Root delay Root disp. Max. error\n2017-08-22 13:22:36 203.0.113.15     2     -3.541      0.075 -8.621e-06 N  2  2.940e-06 -2.084e-04  1.534e-02  3.472e-04  8.304e-03\n".to_vec(),
        b"2016-08-10 05:40:50 203.0.113.15     6.261e-04 -3.247e-04  6.262e-04 -1.237e-06  1.597e-06  8.1e-02  18   0   8  0.00\n".to_vec(),
        b"2016-11-14 19:33:41 203.0.113.15    N  2 111 111 1111  10 10 1.0  -4.966e-03  2.296e-01  1.577e-05  1.615e-01  7.446e-03 CB00717B 4B D K\n".to_vec(),
        // Lines a hostile log holds: far dates, control bytes in the
        // address, a NUL, no line end at all.
        b"9999-12-31 23:59:59 \x1b]0;x\x07     2     -3.541      0.075 -8.621e-06 N  2  2.940e-06 -2.084e-04  1.534e-02  3.472e-04  8.304e-03\n0000-01-01 00:00:00 203.0.113.15\x00    2 1 1 1 N 2 1 1 1 1 1".to_vec(),
    ];
    let tokens: &[&[u8]] = &[
        b" ",
        b"\n",
        b"-",
        b"e-",
        b"9999-99-99 99:99:99",
        b"9999-12-31 23:59:59",
        b"1970-01-01 00:00:00",
        b"nan",
        b"inf",
        b"1e308",
        b"\x00",
        b"\x1b[2J",
        b"\r",
    ];
    let run = fuzz("logs", &seeds, tokens, budget(), 11, mutate, |input| {
        for kind in [
            LogKind::Tracking,
            LogKind::Measurements,
            LogKind::Statistics,
        ] {
            let mut h = History::default();
            let stats = import_reader(input, kind, &mut h).unwrap();
            assert!(stats.bytes <= input.len() as u64);
            // Series are named from the lines: never more than the lines
            // that could name them, and history stays bounded.
            assert!(h.names().len() as u64 <= 16 * (stats.lines + 1));
        }
    });
    eprintln!(
        "fuzz logs: {} inputs ({:.0}/s)",
        run.inputs,
        run.per_second()
    );
}

/// What `stratum stats` reads: content detection, then both passes of
/// the record reader and the streaming statistics, for every series,
/// with the input cut into blocks.
#[test]
fn stats_inputs() {
    use common::fuzz::{stats_seeds, stats_target, stats_tokens};
    let seeds = stats_seeds();
    let run = fuzz(
        "stats",
        &seeds,
        stats_tokens(),
        budget(),
        23,
        mutate,
        stats_target,
    );
    eprintln!(
        "fuzz stats: {} inputs ({:.0}/s)",
        run.inputs,
        run.per_second()
    );
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

#[test]
fn pasted_command_output() {
    let mut seeds = files("tests/data/explain", "txt");
    // Pastes as admins make them: sessions, UTF-16, switch records.
    seeds.extend(files("tests/data/explain/pastes", "txt"));
    // chronyd's log lines and chronyc's replies and messages after their
    // prompts, with tracking read against sources.
    for lab in ["maxchange", "reference-lost", "replies"] {
        seeds.extend(files(
            &format!("tests/data/explain/captures/4.9/{lab}"),
            "txt",
        ));
    }
    let tokens: &[&[u8]] = &[
        b"\n",
        b" ",
        b",",
        b":",
        b"[",
        b"]",
        b"+/-",
        b"=",
        b"*",
        b"^",
        b"\x1b[0m",
        b"\r\n",
        b"377",
        b"-",
        b"chronyc> ",
        b"\xff\xfe",
        b"\x00",
        b", key: ",
        b"expire=",
        b"ind assid status",
        b"Adjustment of ",
        b" seconds (ignored)",
        b"Unrecognized command",
        b"$ chronyc -h /x ",
        b"511 Source already present",
        b" Source: [5]",
        b"  Reachabilities: ",
        b"system peer: ",
        b" (chrony) version ",
    ];
    let run = fuzz("explain", &seeds, tokens, budget(), 13, mutate, |input| {
        // Bytes as a file gives them: decoded (UTF-16 too), then every
        // output of the paste.
        if let Ok(text) = stratum::core::explain::decode(input) {
            let _ = stratum::core::explain::explain_all(&text);
        }
        let _ = stratum::core::explain::explain(&String::from_utf8_lossy(input));
    });
    eprintln!(
        "fuzz explain: {} inputs ({:.0}/s)",
        run.inputs,
        run.per_second()
    );
}

#[test]
fn chrony_conf_parse_render_and_lint() {
    use stratum::core::conf::lint::{LintOptions, lint};
    let mut seeds = files("tests/data/chronyd", "conf");
    seeds.extend(files("tests/data/roundtrip", "conf"));
    let tokens: &[&[u8]] = &[
        b"\n",
        b"\r\n",
        b" ",
        b"\t",
        b"#",
        b"!",
        b"server ",
        b"allow ",
        b"local ",
        b"include ",
        b"/33",
        b"iburst",
        b"minpoll 99",
        b"\0",
        b"\xff",
    ];
    let run = fuzz("conf", &seeds, tokens, budget(), 17, mutate, |input| {
        let doc = Document::parse(input);
        // Lossless on any bytes.
        assert_eq!(doc.render(), input);
        for version in [ChronyVersion::new(4, 0), ChronyVersion::LATEST] {
            let opts = LintOptions {
                version,
                path_exists: None,
                resolves: None,
                ..Default::default()
            };
            let _ = lint(&doc, &opts);
        }
    });
    eprintln!(
        "fuzz conf: {} inputs ({:.0}/s)",
        run.inputs,
        run.per_second()
    );
}

#[test]
fn history_file_and_watch_lists() {
    use stratum::core::history::History;
    let mut h = History::default();
    for i in 0..300 {
        h.push(
            &"system.offset".parse().unwrap(),
            1_700_000_000.0 + i as f64,
            i as f64 * 1e-6,
        );
        h.push(
            &"host.a:323.frequency".parse().unwrap(),
            1_700_000_000.0 + i as f64,
            3.0,
        );
    }
    let mut saved = Vec::new();
    h.save(&mut saved).unwrap();
    let run = fuzz("history", &[saved], &[], budget(), 19, mutate, |input| {
        let _ = History::load(&mut &input[..]);
    });
    eprintln!(
        "fuzz history: {} inputs ({:.0}/s)",
        run.inputs,
        run.per_second()
    );
    let seeds = vec![b"# lab\n10.0.0.1\n[::1]:323\nntp1.lab:1323\n".to_vec()];
    fuzz(
        "watch",
        &seeds,
        &[b":", b"[", b"]", b"\n"],
        budget() / 4,
        23,
        mutate,
        |input| {
            let _ = stratum::helper::watch::parse_watch_file(&String::from_utf8_lossy(input));
        },
    );
}

/// gpsd's JSON lines (what `stratum gpsd` reads from a gpsd it is pointed
/// at), and the leap second lists lint and the helper read.
#[test]
fn gpsd_reports_and_leap_second_lists() {
    use stratum::core::gpsd::{GpsdReport, MAX_DEVICES, refclock_lines};
    use stratum::core::leap::{LeapList, LeapListSummary};
    let seeds: Vec<Vec<u8>> = vec![
        br#"{"class":"DEVICES","devices":[{"class":"DEVICE","path":"/dev/ttyACM0","driver":"NMEA0183"}]}"#.to_vec(),
        br#"{"class":"SKY","device":"/dev/ttyACM0","satellites":[{"PRN":5,"used":true},{"PRN":7,"used":false}]}"#.to_vec(),
        br#"{"class":"TPV","device":"/dev/ttyACM0","mode":3,"time":"2026-11-30T16:30:01.000Z"}"#.to_vec(),
        br#"{"class":"PPS","device":"/dev/ttyACM0","real_sec":1796056201}"#.to_vec(),
        // gpsd 3.24+ names the SHM unit of the time and of the PPS; a pty.
        br#"{"class":"TOFF","device":"/dev/ttyACM0","shm":"NTP2"}"#.to_vec(),
        br#"{"class":"PPS","device":"/dev/pts/3","shm":"NTP-1"}"#.to_vec(),
        // Text fields a hostile gpsd fills with terminal sequences.
        br#"{"class":"VERSION","release":"3.25\u001b]0;owned\u0007","rev":"\u009b2J"}"#.to_vec(),
        br#"{"class":"DEVICES","devices":[{"path":"/dev/ttyS0\nrefclock SHM 9","driver":"u-blox\u001b]52;c;ZXZpbA==\u0007\u202e"}]}"#.to_vec(),
        std::fs::read("/usr/share/zoneinfo/leap-seconds.list").unwrap_or_default(),
    ];
    let tokens: &[&[u8]] = &[
        b"\"class\":",
        b"\"device\":",
        b"[",
        b"{",
        b"\n",
        b"#@",
        b"#$",
        b"-1",
        b"99999999999999999999",
        b"\"used\":true",
        b"\\u001b",
        b"\\u0007",
        b"\\n",
        b"\\u0000",
        b"\"driver\":\"",
        b"\"release\":\"",
        b"\"shm\":\"NTP",
    ];
    let tr = stratum::i18n::Localizer::new(stratum::i18n::Lang::En);
    let run = fuzz("gpsd+leap", &seeds, tokens, budget(), 13, mutate, |input| {
        let text = String::from_utf8_lossy(input);
        let mut r = GpsdReport::default();
        for line in text.lines() {
            r.feed(line);
        }
        assert!(r.devices.len() <= MAX_DEVICES);
        // At most two refclock lines per receiver, each one line.
        let lines = refclock_lines(&r);
        assert!(lines.lines().count() <= 2 * r.devices.len());
        assert!(
            !lines
                .chars()
                .any(|c| c != '\n' && stratum::core::text::is_unsafe(c))
        );
        // What `stratum gpsd` prints of its text fields acts on no terminal.
        let shown = tr.tr_args(
            "gpsd-version",
            &[
                ("release", r.release.clone().unwrap_or_default()),
                ("host", String::new()),
            ],
        );
        assert!(
            !shown.chars().any(stratum::core::text::is_unsafe),
            "{shown:?}"
        );
        for d in &r.devices {
            let shown = tr.tr_args(
                "gpsd-device",
                &[
                    ("path", d.path.clone()),
                    ("driver", d.driver.clone().unwrap_or_default()),
                    ("fix", String::new()),
                    ("used", String::new()),
                    ("seen", String::new()),
                    ("pps", String::new()),
                ],
            );
            assert!(
                !shown.chars().any(stratum::core::text::is_unsafe),
                "{shown:?}"
            );
        }
        if let Ok(l) = LeapList::parse(&text) {
            assert!(l.entries.len() <= stratum::core::leap::MAX_ENTRIES);
            let _ = l.next_leap(0);
        }
        let _ = LeapListSummary::of("x", Some(&text), 0);
    });
    eprintln!(
        "fuzz gpsd+leap: {} inputs ({:.0}/s)",
        run.inputs,
        run.per_second()
    );
}

/// A device's NTP reply (what the roster's prober reads from any host it
/// asks), seeded with real replies of every chrony release, and the
/// roster's intent file.
#[test]
fn ntp_replies_and_intent_files() {
    use stratum::core::ntp::{HEADER_LEN, decode, reply_for, request};
    let nonce = 0x0123_4567_89ab_cdefu64;
    let t1 = 1_700_000_000.0;
    let req = request(nonce);
    let mut seeds = vec![
        reply_for(
            &req,
            0,
            3,
            0x7f00_0001,
            0.001,
            0.002,
            t1 + 0.001,
            t1 + 0.001,
        )
        .to_vec(),
    ];
    // Real replies: each release's chronyd answering our request.
    for r in common::releases() {
        let tmp = tempfile::tempdir().unwrap();
        let server = Chronyd::start(
            &r.chronyd,
            tmp.path(),
            "server",
            "local stratum 5\nallow 127.0.0.1",
        );
        let s = std::net::UdpSocket::bind("127.0.0.1:0").unwrap();
        s.set_read_timeout(Some(Duration::from_secs(2))).unwrap();
        let got = wait_for(Duration::from_secs(10), || {
            s.send_to(&request(nonce), ("127.0.0.1", server.port))
                .ok()?;
            let mut buf = [0u8; 512];
            let n = s.recv(&mut buf).ok()?;
            Some(buf[..n].to_vec())
        })
        .expect("chronyd answers NTP");
        let reply = decode(&got, nonce, stratum::sys::now() - 1.0, stratum::sys::now())
            .unwrap_or_else(|e| panic!("chrony {}: {e}", r.label));
        assert_eq!(reply.stratum, 5, "chrony {}", r.label);
        seeds.push(got);
    }
    let run = fuzz(
        "ntp",
        &seeds,
        &[&[0x24], &[0x1c], &[0; 8], &[0xff; 4]],
        budget(),
        29,
        mutate,
        |input| {
            if let Ok(r) = decode(input, nonce, t1, t1 + 0.01) {
                // Only our own answer, with sane values, gets through.
                assert!(input.len() >= HEADER_LEN && input[24..32] == nonce.to_be_bytes());
                assert!(r.delay >= 0.0 && r.delay <= stratum::core::ntp::MAX_DELAY);
                assert!(r.root_delay >= 0.0 && r.root_dispersion >= 0.0);
                assert!(r.offset.is_finite() && r.stratum > 0);
            }
        },
    );
    eprintln!(
        "fuzz ntp: {} inputs ({:.0}/s)",
        run.inputs,
        run.per_second()
    );
    let seeds = vec![
        b"server_addresses = [\"10.0.0.1\"]\nmin_poll_interval = 64\n[[device]]\nname = \"sw1\"\naddress = \"10.0.0.2\"\nkind = \"switch\"\n".to_vec(),
    ];
    fuzz(
        "intent",
        &seeds,
        &[b"[[device]]", b"\"", b"=", b"\n"],
        budget() / 2,
        31,
        mutate,
        |input| {
            if let Ok(f) = stratum::core::roster::IntentFile::parse(&String::from_utf8_lossy(input))
            {
                assert!(f.devices.len() <= stratum::core::roster::MAX_DEVICES);
                // What was accepted is written back and read as the same.
                assert_eq!(
                    stratum::core::roster::IntentFile::parse(&f.to_text()).unwrap(),
                    f
                );
            }
        },
    );
}
