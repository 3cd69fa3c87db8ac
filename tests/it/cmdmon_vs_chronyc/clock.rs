//! This server's clock: `tracking` and `smoothing`.

use crate::common;

use common::cmdmon::BlockingCmdmon;
use common::lab::Chronyd;

use super::{TrackingField, agree, between, check, csv_rows, refid_hex};

/// `chronyc -c tracking` against our reading of the same report.
pub(super) fn tracking(c: &mut BlockingCmdmon, server: &Chronyd) {
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
}

/// `chronyc -c smoothing` against our reading of the same report.
pub(super) fn smoothing(c: &mut BlockingCmdmon, server: &Chronyd) {
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
}
