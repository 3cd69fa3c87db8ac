//! `ntpdata`: the NTP packets of each source.

use crate::common;

use std::net::IpAddr;

use common::cmdmon::BlockingCmdmon;
use common::lab::Chronyd;

use super::{agree, between, check, csv_rows, refid_hex};

/// `chronyc -c ntpdata` against our reading of the same report.
pub(super) fn ntpdata(c: &mut BlockingCmdmon, server: &Chronyd, lo: IpAddr) {
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
}
