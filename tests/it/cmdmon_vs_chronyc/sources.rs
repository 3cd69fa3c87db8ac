//! The sources: `sources`, `sourcestats`, `activity`, `selectdata` and
//! `authdata`.

use crate::common;

use std::net::IpAddr;

use common::cmdmon::BlockingCmdmon;
use common::lab::Chronyd;

use super::{agree, between, check, csv_rows};

/// `chronyc -c sources` against our reading of the same report.
pub(super) fn sources(c: &mut BlockingCmdmon, server: &Chronyd) {
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
}

/// `chronyc -c sourcestats` against our reading of the same report.
pub(super) fn sourcestats(c: &mut BlockingCmdmon, server: &Chronyd) {
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
}

/// `chronyc -c activity` against our reading of the same report.
pub(super) fn activity(c: &mut BlockingCmdmon, server: &Chronyd) {
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
}

/// `chronyc -c selectdata` against our reading of the same report.
pub(super) fn selectdata(c: &mut BlockingCmdmon, server: &Chronyd, _lo: IpAddr) {
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
}

/// `chronyc -c authdata` against our reading of the same report.
pub(super) fn authdata(c: &mut BlockingCmdmon, server: &Chronyd, lo: IpAddr) {
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
}
