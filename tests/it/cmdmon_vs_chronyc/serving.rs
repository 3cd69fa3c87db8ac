//! What the server serves: `serverstats` and `clients`.

use crate::common;

use std::net::IpAddr;

use common::cmdmon::BlockingCmdmon;
use common::lab::Chronyd;

use super::{agree, check, csv_rows};

/// `chronyc -c serverstats` against our reading of the same report.
pub(super) fn serverstats(c: &mut BlockingCmdmon, server: &Chronyd) {
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
}

/// `chronyc -c clients` against our reading of the same report.
pub(super) fn clients(c: &mut BlockingCmdmon, server: &Chronyd, _client: &Chronyd, lo: IpAddr) {
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
}
