//! Feeds from other daemons and files: gpsd reports, leap second lists,
//! NTP replies and intent files.

use crate::common;

use std::time::Duration;

use common::fuzz::{fuzz, mutate};
use common::lab::{Chronyd, wait_for};

use super::*;

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
        // A loaded machine starts four debug-built clients beside it: give
        // chronyd time to answer.
        let got = wait_for(Duration::from_secs(30), || {
            s.send_to(&request(nonce), ("127.0.0.1", server.port))
                .ok()?;
            let mut buf = [0u8; 512];
            let n = s.recv(&mut buf).ok()?;
            Some(buf[..n].to_vec())
        })
        .unwrap_or_else(|| panic!("chrony {}: no NTP answer: {}", r.label, server.log_text()));
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
