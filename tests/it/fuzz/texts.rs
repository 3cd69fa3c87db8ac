//! Text a user gives or chronyd writes: chrony's logs, statistics inputs,
//! pasted command output and chrony.conf.

use crate::common;

use common::fuzz::{fuzz, mutate};
use stratum::core::conf::{ChronyVersion, Document};

use super::*;

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
        b"pll offset: ",
        b"packets processed: ",
        b"bad authentication: ",
        b"remote host: ",
        b"packets received: ",
        b"kernel status: pll unsync",
        b"maximum error: ",
        b" server 10.0.0.1,stratum 16, offset 0.1 s, synch distance 9,",
        b" refid 127.127.1.0",
        b"Authentication enabled.",
        b" (chrony) version ",
        b" chronyd[1]: ",
        b"Fatal error : ",
        b" at line ",
        b"Selected source ",
        b"Can't synchronise: ",
        b"Could not open keyfile ",
        b"Received KoD RATE from ",
        b"Could not open connection to daemon",
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
