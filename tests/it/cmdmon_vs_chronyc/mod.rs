//! Every report Stratum's cmdmon client decodes equals what `chronyc -c`
//! prints for the same chronyd at the same moment. A loopback lab: an
//! upstream (local stratum 1), a server that follows it and serves a
//! client. Values that can change between two calls are compared against
//! our reading just before and just after chronyc's.

use crate::common;

use std::net::IpAddr;
use std::time::Duration;

use common::cmdmon::BlockingCmdmon;
use common::lab::{Chronyd, wait_for};
use stratum::core::cmdmon::{SourceState, Status};
use stratum::helper::cmdmon::{CmdmonError, Endpoint};

fn csv_rows(text: &str) -> Vec<Vec<String>> {
    text.lines()
        .filter(|l| !l.is_empty())
        .map(|l| l.split(',').map(str::to_string).collect())
        .collect()
}

/// chronyc printed `csv` (with `prec` decimals) from a value read between
/// our two readings `a` and `b` (dispersions grow with time).
fn between(csv: &str, a: f64, b: f64, prec: i32) -> bool {
    let Ok(v) = csv.parse::<f64>() else {
        return false;
    };
    let tol = 0.5 * 10f64.powi(-prec) + 1e-9 * a.abs().max(b.abs());
    v >= a.min(b) - tol && v <= a.max(b) + tol
}

fn check(ok: bool, what: &str, csv: &str, ours: impl std::fmt::Debug) -> Result<(), String> {
    if ok {
        Ok(())
    } else {
        Err(format!("{what}: chronyc {csv:?}, stratum {ours:?}"))
    }
}

/// Runs `compare` up to 5 times: values may change between our reading and
/// chronyc's, but not on every try.
fn agree(what: &str, mut compare: impl FnMut() -> Result<(), String>) {
    let mut last = String::new();
    for _ in 0..5 {
        match compare() {
            Ok(()) => return,
            Err(e) => last = e,
        }
        std::thread::sleep(Duration::from_millis(150));
    }
    panic!("{what} differs from chronyc -c: {last}");
}

type TrackingField = fn(&stratum::core::cmdmon::Tracking) -> f64;

fn refid_hex(id: u32) -> String {
    format!("{id:08X}")
}

#[test]
fn every_report_equals_chronyc_csv_in_every_release() {
    let releases = common::releases();
    for r in &releases {
        eprintln!("chrony {}: every report against its chronyc -c", r.label);
        every_report_equals_chronyc_csv(r);
    }
}

fn every_report_equals_chronyc_csv(release: &common::Release) {
    let chronyd = release.chronyd.clone();
    let tmp = tempfile::tempdir().unwrap();
    let dir = tmp.path();
    let upstream = Chronyd::upstream(&chronyd, dir);
    let server = Chronyd::start(
        &chronyd,
        dir,
        "server",
        &format!(
            "server 127.0.0.1 port {} iburst minpoll -2 maxpoll -1\nallow 127.0.0.0/8\nlocal stratum 10 orphan\nsmoothtime 400 0.001",
            upstream.port
        ),
    );
    let client = Chronyd::start(
        &chronyd,
        dir,
        "client",
        &format!(
            "server 127.0.0.1 port {} iburst minpoll -2 maxpoll -1",
            server.port
        ),
    );
    let mut c = BlockingCmdmon::connect(&Endpoint::Unix(server.socket.clone())).unwrap();
    c.set_version(release.version);
    let synced = wait_for(Duration::from_secs(20), || {
        let s = c.sources().ok()?;
        let n = c.clients(usize::MAX).ok()?;
        // Selected, and the clock updated from it (tracking names it).
        let t = c.tracking().ok()?;
        (s.iter().any(|s| s.state == SourceState::Selected) && !n.is_empty() && t.address.is_some())
            .then_some(())
    });
    assert!(
        synced.is_some(),
        "server did not select its upstream: {}",
        server.log_text()
    );
    let lo: IpAddr = "127.0.0.1".parse().unwrap();

    agree("tracking", || {
        let a = c.tracking().unwrap();
        let row = csv_rows(&server.chronyc(&["-c", "-n", "tracking"])).remove(0);
        let b = c.tracking().unwrap();
        check(row[0] == refid_hex(a.ref_id), "ref id", &row[0], a.ref_id)?;
        check(
            a.address.is_some_and(|x| row[1] == x.to_string()),
            "address",
            &row[1],
            a.address,
        )?;
        check(
            row[2] == a.stratum.to_string(),
            "stratum",
            &row[2],
            a.stratum,
        )?;
        check(row[13] == a.leap_text(), "leap", &row[13], a.leap_status)?;
        let fields: [(usize, TrackingField, i32); 11] = [
            (3, |t| t.ref_time, 6),
            (4, |t| t.system_time, 9),
            (5, |t| t.last_offset, 9),
            (6, |t| t.rms_offset, 9),
            (7, |t| t.frequency_ppm, 3),
            (8, |t| t.residual_freq_ppm, 3),
            (9, |t| t.skew_ppm, 3),
            (10, |t| t.root_delay, 9),
            (11, |t| t.root_dispersion, 9),
            (12, |t| t.update_interval, 1),
            (2, |t| f64::from(t.stratum), 0),
        ];
        for (i, f, p) in fields {
            check(
                between(&row[i], f(&a), f(&b), p),
                &format!("tracking[{i}]"),
                &row[i],
                (f(&a), f(&b)),
            )?;
        }
        Ok(())
    });

    agree("sources", || {
        let a = c.sources().unwrap();
        let rows = csv_rows(&server.chronyc(&["-c", "-n", "sources"]));
        let b = c.sources().unwrap();
        check(
            rows.len() == a.len(),
            "source count",
            &rows.len().to_string(),
            a.len(),
        )?;
        for ((row, s), s2) in rows.iter().zip(&a).zip(&b) {
            check(
                row[0] == s.mode.symbol().to_string(),
                "mode",
                &row[0],
                s.mode,
            )?;
            check(
                row[1] == s.state.symbol().to_string(),
                "state",
                &row[1],
                s.state,
            )?;
            check(
                row[2] == s.address.to_string(),
                "address",
                &row[2],
                s.address,
            )?;
            check(
                row[3] == s.stratum.to_string(),
                "stratum",
                &row[3],
                s.stratum,
            )?;
            check(row[4] == s.poll.to_string(), "poll", &row[4], s.poll)?;
            check(
                row[5] == format!("{:o}", s.reach) || row[5] == format!("{:o}", s2.reach),
                "reach",
                &row[5],
                s.reach,
            )?;
            check(
                row[6] == s.last_rx.to_string() || row[6] == s2.last_rx.to_string(),
                "last rx",
                &row[6],
                s.last_rx,
            )?;
            check(
                between(&row[7], s.offset, s2.offset, 9),
                "offset",
                &row[7],
                s.offset,
            )?;
            check(
                between(&row[8], s.measured_offset, s2.measured_offset, 9),
                "measured",
                &row[8],
                s.measured_offset,
            )?;
            check(
                between(&row[9], s.error, s2.error, 9),
                "error",
                &row[9],
                s.error,
            )?;
        }
        Ok(())
    });

    agree("sourcestats", || {
        let a = c.sourcestats().unwrap();
        let rows = csv_rows(&server.chronyc(&["-c", "-n", "sourcestats"]));
        let b = c.sourcestats().unwrap();
        check(
            rows.len() == a.len(),
            "count",
            &rows.len().to_string(),
            a.len(),
        )?;
        for ((row, s), t) in rows.iter().zip(&a).zip(&b) {
            check(
                row[0] == s.address.to_string(),
                "address",
                &row[0],
                s.address,
            )?;
            let ints = [
                (1, s.samples, t.samples),
                (2, s.runs, t.runs),
                (3, s.span, t.span),
            ];
            for (i, x, y) in ints {
                check(
                    row[i] == x.to_string() || row[i] == y.to_string(),
                    "count",
                    &row[i],
                    (x, y),
                )?;
            }
            let floats = [
                (4, s.frequency_ppm, t.frequency_ppm, 3),
                (5, s.freq_skew_ppm, t.freq_skew_ppm, 3),
                (6, s.offset, t.offset, 9),
                (7, s.std_dev, t.std_dev, 9),
            ];
            for (i, x, y, p) in floats {
                check(between(&row[i], x, y, p), "value", &row[i], (x, y))?;
            }
        }
        Ok(())
    });

    agree("activity", || {
        let a = c.activity().unwrap();
        let row = csv_rows(&server.chronyc(&["-c", "activity"])).remove(0);
        let ours = [
            a.online,
            a.offline,
            a.burst_online,
            a.burst_offline,
            a.unresolved,
        ];
        check(
            row == ours.map(|v| v.to_string()),
            "activity",
            &row.join(","),
            ours,
        )
    });

    agree("serverstats", || {
        let a = c.serverstats().unwrap();
        let row = csv_rows(&server.chronyc(&["-c", "serverstats"])).remove(0);
        let b = c.serverstats().unwrap();
        let (va, vb) = (a.counters(), b.counters());
        // Every counter chronyc prints (8, 11 or 17 by release), and no more.
        check(
            row.len() == va.len(),
            "serverstats fields",
            &row.join(","),
            va.len(),
        )?;
        for i in 0..row.len() {
            // chronyc's own request lands between our two readings: the
            // command counter may sit anywhere in between.
            let x: u64 = row[i].parse().unwrap();
            check(
                x >= va[i].min(vb[i]) && x <= va[i].max(vb[i]),
                "serverstats",
                &row[i],
                (va[i], vb[i]),
            )?;
        }
        check(
            a.ntp_packets_received > 0,
            "ntp packets",
            &row[0],
            a.ntp_packets_received,
        )
    });

    agree("clients", || {
        let a = c.clients(usize::MAX).unwrap();
        let rows = csv_rows(&server.chronyc(&["-c", "-n", "clients"]));
        let b = c.clients(usize::MAX).unwrap();
        check(
            rows.len() == a.len(),
            "client count",
            &rows.len().to_string(),
            a.len(),
        )?;
        let opt_i = |v: Option<i8>| v.map_or("127".to_string(), |x| x.to_string());
        let opt_u = |v: Option<u32>| v.map_or(u32::MAX.to_string(), |x| x.to_string());
        for ((row, x), y) in rows.iter().zip(&a).zip(&b) {
            let f = |c: &stratum::core::cmdmon::Client| {
                vec![
                    c.address.to_string(),
                    c.ntp_hits.to_string(),
                    c.ntp_drops.to_string(),
                    opt_i(c.ntp_interval),
                    opt_i(c.ntp_interval_limit),
                    opt_u(c.ntp_last),
                    c.cmd_hits.to_string(),
                    c.cmd_drops.to_string(),
                    opt_i(c.cmd_interval),
                    opt_u(c.cmd_last),
                ]
            };
            check(*row == f(x) || *row == f(y), "client", &row.join(","), f(x))?;
        }
        check(
            a.iter().any(|c| c.address == lo && c.ntp_hits > 0),
            "client hits",
            "",
            &a,
        )
    });

    agree("ntpdata", || {
        let a = c.ntpdata(lo).unwrap();
        let row = csv_rows(&server.chronyc(&["-c", "ntpdata", "127.0.0.1"])).remove(0);
        let b = c.ntpdata(lo).unwrap();
        check(
            row[0] == a.remote_address.to_string(),
            "remote",
            &row[0],
            a.remote_address,
        )?;
        check(
            row[2] == a.remote_port.to_string(),
            "port",
            &row[2],
            a.remote_port,
        )?;
        check(
            row[3] == a.local_address.to_string(),
            "local",
            &row[3],
            a.local_address,
        )?;
        check(
            row[6] == a.version.to_string(),
            "version",
            &row[6],
            a.version,
        )?;
        check(
            row[8] == a.stratum.to_string(),
            "stratum",
            &row[8],
            a.stratum,
        )?;
        check(
            row[9] == a.poll.to_string() || row[9] == b.poll.to_string(),
            "poll",
            &row[9],
            a.poll,
        )?;
        check(
            row[11] == a.precision.to_string(),
            "precision",
            &row[11],
            a.precision,
        )?;
        check(row[15] == refid_hex(a.ref_id), "ref id", &row[15], a.ref_id)?;
        let floats = [
            (
                12,
                2f64.powi(a.precision.into()),
                2f64.powi(b.precision.into()),
                9,
            ),
            (13, a.root_delay, b.root_delay, 6),
            (14, a.root_dispersion, b.root_dispersion, 6),
            (17, a.ref_time, b.ref_time, 6),
            (18, a.offset, b.offset, 9),
            (19, a.peer_delay, b.peer_delay, 9),
            (20, a.peer_dispersion, b.peer_dispersion, 9),
            (21, a.response_time, b.response_time, 9),
            (22, a.jitter_asymmetry, b.jitter_asymmetry, 2),
        ];
        for (i, x, y, p) in floats {
            check(
                between(&row[i], x, y, p),
                &format!("ntpdata[{i}]"),
                &row[i],
                (x, y),
            )?;
        }
        let bits = |v: u16, n: usize| format!("{:0n$b}", v & ((1 << n) - 1));
        let tests = [
            bits(a.flags >> 7, 3),
            bits(a.flags >> 4, 3),
            bits(a.flags, 4),
        ];
        check(
            row[23..26] == tests,
            "tests",
            &row[23..26].join(","),
            &tests,
        )?;
        let yes = |b: bool| if b { "Yes" } else { "No" };
        check(
            row[26] == yes(a.flags & 0x4000 != 0),
            "interleaved",
            &row[26],
            a.flags,
        )?;
        check(
            row[27] == yes(a.flags & 0x8000 != 0),
            "authenticated",
            &row[27],
            a.flags,
        )?;
        let tss = |c: char| match c {
            'D' => "Daemon",
            'K' => "Kernel",
            'H' => "Hardware",
            _ => "Invalid",
        };
        check(
            row[28] == tss(a.tx_timestamping),
            "tx",
            &row[28],
            a.tx_timestamping,
        )?;
        check(
            row[29] == tss(a.rx_timestamping),
            "rx",
            &row[29],
            a.rx_timestamping,
        )?;
        // 4.6+ (RPY_NTP_DATA2) adds kernel and hardware timestamp counts.
        let mut totals = vec![
            (a.total_tx, b.total_tx),
            (a.total_rx, b.total_rx),
            (a.total_valid_rx, b.total_valid_rx),
        ];
        let extra = [
            (a.total_good_rx, b.total_good_rx),
            (a.total_kernel_tx, b.total_kernel_tx),
            (a.total_kernel_rx, b.total_kernel_rx),
            (a.total_hardware_tx, b.total_hardware_tx),
            (a.total_hardware_rx, b.total_hardware_rx),
        ];
        totals.extend(extra.iter().filter_map(|(x, y)| Some(((*x)?, (*y)?))));
        check(
            row.len() == 30 + totals.len(),
            "ntpdata fields",
            &row.join(","),
            totals.len(),
        )?;
        for (k, (x, y)) in totals.into_iter().enumerate() {
            let v: u32 = row[30 + k].parse().unwrap();
            check(v >= x && v <= y, "total", &row[30 + k], (x, y))?;
        }
        Ok(())
    });

    agree("selectdata", || {
        let a = c.selectdata().unwrap();
        let rows = csv_rows(&server.chronyc(&["-c", "-n", "selectdata"]));
        let b = c.selectdata().unwrap();
        check(
            rows.len() == a.len(),
            "count",
            &rows.len().to_string(),
            a.len(),
        )?;
        for ((row, s), t) in rows.iter().zip(&a).zip(&b) {
            check(
                row[0] == s.state.to_string() || row[0] == t.state.to_string(),
                "state",
                &row[0],
                s.state,
            )?;
            check(
                row[1] == s.address.to_string(),
                "address",
                &row[1],
                s.address,
            )?;
            check(
                row[2] == if s.authenticated { "Y" } else { "N" },
                "auth",
                &row[2],
                s.authenticated,
            )?;
            let opt = |o: u16, bit: u16, ch: &str| {
                if o & bit != 0 {
                    ch.to_string()
                } else {
                    "-".to_string()
                }
            };
            let conf = [
                opt(s.configured_options, 1, "N"),
                opt(s.configured_options, 2, "P"),
                opt(s.configured_options, 4, "T"),
                opt(s.configured_options, 8, "R"),
            ];
            check(row[3..7] == conf, "options", &row[3..7].join(","), &conf)?;
            check(
                row[13] == s.last_sample_ago.to_string()
                    || row[13] == t.last_sample_ago.to_string(),
                "last",
                &row[13],
                s.last_sample_ago,
            )?;
            check(
                between(&row[14], s.score, t.score, 1),
                "score",
                &row[14],
                s.score,
            )?;
            check(
                between(&row[15], s.lo_limit, t.lo_limit, 9),
                "lo",
                &row[15],
                s.lo_limit,
            )?;
            check(
                between(&row[16], s.hi_limit, t.hi_limit, 9),
                "hi",
                &row[16],
                s.hi_limit,
            )?;
        }
        Ok(())
    });

    agree("authdata", || {
        let a = c.authdata(lo).unwrap();
        let row = csv_rows(&server.chronyc(&["-c", "-n", "authdata"])).remove(0);
        let mode = match a.mode {
            0 => "-",
            1 => "SK",
            _ => "NTS",
        };
        let ours = vec![
            "127.0.0.1".to_string(),
            mode.to_string(),
            a.key_id.to_string(),
            a.key_type.to_string(),
            a.key_length.to_string(),
            a.last_ke_ago.to_string(),
            a.ke_attempts.to_string(),
            a.nak.to_string(),
            a.cookies.to_string(),
            a.cookie_length.to_string(),
        ];
        check(row == ours, "authdata", &row.join(","), ours)
    });

    agree("smoothing", || {
        let a = c.smoothing().unwrap();
        let row = csv_rows(&server.chronyc(&["-c", "smoothing"])).remove(0);
        let b = c.smoothing().unwrap();
        check(
            row[0] == if a.active { "Yes" } else { "No" },
            "active",
            &row[0],
            a.active,
        )?;
        let floats = [
            (2, a.offset, b.offset, 9),
            (3, a.freq_ppm, b.freq_ppm, 6),
            (4, a.wander_ppm, b.wander_ppm, 6),
            (5, a.last_update_ago, b.last_update_ago, 1),
            (6, a.remaining_time, b.remaining_time, 1),
        ];
        for (i, x, y, p) in floats {
            check(
                between(&row[i], x, y, p),
                &format!("smoothing[{i}]"),
                &row[i],
                (x, y),
            )?;
        }
        Ok(())
    });

    // Without an RTC driver chronyd refuses, and says so the same way.
    let rtc = c.rtc();
    assert!(
        matches!(rtc, Err(CmdmonError::Refused(Status::NoRtc))),
        "{rtc:?}"
    );
    assert!(
        server
            .chronyc(&["rtcdata"])
            .contains("513 RTC driver not running")
    );

    // The client chronyd follows the server: its tracking names it.
    let mut cc = BlockingCmdmon::connect(&Endpoint::Unix(client.socket.clone())).unwrap();
    cc.set_version(release.version);
    let followed = wait_for(Duration::from_secs(20), || {
        let t = cc.tracking().ok()?;
        (t.address == Some(lo) && t.stratum == 3).then_some(t)
    });
    assert!(
        followed.is_some(),
        "client did not follow the server: {:?}",
        cc.tracking()
    );
    drop(upstream);
}

#[test]
fn udp_answers_monitoring_and_refuses_the_rest_with_a_typed_error() {
    let Some(chronyd) = common::chronyd() else {
        return;
    };
    let tmp = tempfile::tempdir().unwrap();
    let cmdport = common::lab::free_udp_port();
    let server = Chronyd::start(
        &chronyd,
        tmp.path(),
        "udp",
        &format!(
            "local stratum 8\ncmdport {cmdport}\nbindcmdaddress 127.0.0.1\ncmdallow 127.0.0.1"
        ),
    );
    let mut c = BlockingCmdmon::connect(&Endpoint::Udp(
        format!("127.0.0.1:{cmdport}").parse().unwrap(),
    ))
    .unwrap();
    let t = wait_for(Duration::from_secs(10), || c.tracking().ok()).expect("tracking over UDP");
    let row = csv_rows(&server.chronyc(&["-c", "tracking"])).remove(0);
    assert_eq!(row[0], refid_hex(t.ref_id));
    assert_eq!(c.activity().unwrap().online, 0);
    match c.serverstats() {
        Err(e @ CmdmonError::Refused(Status::Unauthorised)) => {
            assert_eq!(e.code(), stratum::ipc::ErrorCode::ChronydNotAuthorised)
        }
        other => panic!("serverstats over UDP: {other:?}"),
    }
    // Nothing listens here: a typed timeout, not a hang.
    let dead = common::lab::free_udp_port();
    let mut d =
        BlockingCmdmon::connect(&Endpoint::Udp(format!("127.0.0.1:{dead}").parse().unwrap()))
            .unwrap();
    d.set_timeout(Duration::from_millis(100), 1);
    assert!(matches!(
        d.tracking(),
        Err(CmdmonError::Timeout | CmdmonError::Io(_))
    ));
}
