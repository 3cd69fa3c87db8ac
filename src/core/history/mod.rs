//! Bounded time series for the plots: the last hour at full resolution,
//! then one-minute buckets (min, max, mean) for seven days. Memory per
//! series is fixed (about 300 KB) whatever the poll rate, and a query over
//! any range costs at most the bucket count.

mod decimated;

pub use decimated::{BUCKET_SECS, Bucket, MAX_AGE, RECENT_SPAN, Series, SeriesPoint, bucket_start};

use std::collections::BTreeMap;
use std::io::{self, Read, Write};

use super::cmdmon::Tracking;
use super::series::{Field, SeriesId, WatchTarget};
use super::snapshot::Snapshot;

/// All series by id: this server's clock, its sources, watched hosts.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct History {
    series: BTreeMap<SeriesId, Series>,
    /// The last NTP packet count seen, for the request rate (not saved).
    last_packets: Option<(f64, u64)>,
}

/// The system series a snapshot feeds, in the order of their values.
pub const SYSTEM_SERIES: &[Field] = &[
    Field::Offset,
    Field::Correction,
    Field::RmsOffset,
    Field::Frequency,
    Field::ResidualFreq,
    Field::Skew,
    Field::RootDelay,
    Field::RootDispersion,
];

/// A watched host's series: its clock as this server's (the same field
/// from the same line of its tracking report, so `offset` is chronyc's
/// "Last offset" and `correction` its "System time" for either), and its
/// frequency. Three per host (about 300 KB each when a week is full).
pub const HOST_SERIES: &[Field] = &[Field::Offset, Field::Correction, Field::Frequency];

/// A clock series' value in a tracking report (chronyc tracking's lines):
/// one mapping for this server and the watched ones.
fn clock_value(tr: &Tracking, field: Field) -> Option<f64> {
    Some(match field {
        // "Last offset": the clock ahead positive, at its last update.
        Field::Offset => tr.last_offset,
        // "System time": chronyd's correction, the clock behind positive.
        Field::Correction => tr.system_time,
        Field::RmsOffset => tr.rms_offset,
        Field::Frequency => tr.frequency_ppm,
        Field::ResidualFreq => tr.residual_freq_ppm,
        Field::Skew => tr.skew_ppm,
        Field::RootDelay => tr.root_delay,
        Field::RootDispersion => tr.root_dispersion,
        _ => return None,
    })
}

impl History {
    pub fn push(&mut self, id: &SeriesId, t: f64, v: f64) {
        match self.series.get_mut(id) {
            Some(s) => s.push(t, v),
            None => {
                let mut s = Series::default();
                s.push(t, v);
                self.series.insert(id.clone(), s);
            }
        }
    }

    /// Records what a poll of a watched host saw at `t`: its
    /// [`HOST_SERIES`], each meaning what this server's does.
    /// Before the host reports a reference its clock offsets are
    /// placeholders: they leave a gap, not a flat 0.
    pub fn record_host(&mut self, host: &WatchTarget, t: f64, tr: &Tracking) {
        for &field in HOST_SERIES {
            if matches!(field, Field::Offset | Field::Correction) && !tr.reports_reference() {
                continue;
            }
            if let Some(v) = clock_value(tr, field) {
                self.push(&SeriesId::host(host.clone(), field), t, v);
            }
        }
    }

    /// Records what a poll saw.
    pub fn record(&mut self, snap: &Snapshot) {
        let t = snap.time;
        if let Some(tr) = &snap.tracking {
            // On its own clock the root delay and dispersion chronyd
            // reports (0, or a growing guess) describe no path to a
            // reference: a gap, as for the maximum error below.
            let own = tr.serves_own_clock();
            for &field in SYSTEM_SERIES {
                if own && matches!(field, Field::RootDelay | Field::RootDispersion) {
                    continue;
                }
                if let Some(v) = clock_value(tr, field) {
                    self.push(&SeriesId::system(field), t, v);
                }
            }
            // The maximum error of the clock (chrony_exporter's dashboards):
            // |offset| + root dispersion + half the root delay. On its own
            // clock nothing bounds it: a gap, not a flat (often 0) line.
            if !tr.serves_own_clock() {
                let max_error = tr.system_time.abs() + tr.root_dispersion + tr.root_delay / 2.0;
                self.push(&SeriesId::system(Field::Error), t, max_error);
            }
        }
        // Server load: requests per second and clients (root's view only).
        if let Some(st) = &snap.serverstats {
            let n = st.ntp_packets_received;
            if let Some((t0, n0)) = self.last_packets
                && t > t0
                && n >= n0
            {
                self.push(
                    &SeriesId::system(Field::NtpRate),
                    t,
                    (n - n0) as f64 / (t - t0),
                );
            }
            self.last_packets = Some((t, n));
            self.push(
                &SeriesId::system(Field::Clients),
                t,
                snap.clients.len() as f64,
            );
        }
        for s in &snap.sources {
            if s.last_rx == u32::MAX || s.reach == 0 {
                continue;
            }
            let a = s.address.to_string();
            self.push(&SeriesId::source(a.clone(), Field::Offset), t, s.offset);
            self.push(&SeriesId::source(a, Field::Error), t, s.error);
        }
        for s in &snap.sourcestats {
            if s.samples == 0 {
                continue;
            }
            let a = s.address.to_string();
            self.push(&SeriesId::source(a.clone(), Field::StdDev), t, s.std_dev);
            self.push(&SeriesId::source(a, Field::Frequency), t, s.frequency_ppm);
        }
    }

    /// Adds the finished buckets of `older` (history read from chronyd's
    /// logs, apart from the live one) to this history.
    pub fn merge_older(&mut self, older: &History) {
        for (id, s) in &older.series {
            let (a, b) = s.buckets.as_slices();
            let mine = self.series_mut(id);
            mine.merge_buckets(a);
            mine.merge_buckets(b);
        }
    }

    /// The series of that id, created empty if new.
    pub fn series_mut(&mut self, id: &SeriesId) -> &mut Series {
        self.series.entry(id.clone()).or_default()
    }

    pub fn get(&self, id: &SeriesId) -> Option<&Series> {
        self.series.get(id)
    }

    pub fn names(&self) -> Vec<SeriesId> {
        self.series.keys().cloned().collect()
    }

    pub fn query(
        &self,
        id: &SeriesId,
        since: f64,
        until: f64,
        max_points: usize,
    ) -> Vec<SeriesPoint> {
        self.series
            .get(id)
            .map(|s| s.query(since, until, max_points))
            .unwrap_or_default()
    }

    /// Drops what is older than the retention window relative to `now`.
    pub fn trim(&mut self, now: f64) {
        for s in self.series.values_mut() {
            s.trim(now);
        }
        self.series.retain(|_, s| !s.is_empty());
    }

    const MAGIC: &'static [u8; 8] = b"STRHIST1";

    /// A compact little-endian dump, for the helper's data dir.
    pub fn save<W: Write>(&self, w: &mut W) -> io::Result<()> {
        w.write_all(Self::MAGIC)?;
        w.write_all(&(self.series.len() as u32).to_le_bytes())?;
        for (id, s) in &self.series {
            let name = id.to_string();
            w.write_all(&(name.len() as u32).to_le_bytes())?;
            w.write_all(name.as_bytes())?;
            w.write_all(&(s.recent.len() as u32).to_le_bytes())?;
            for (t, v) in &s.recent {
                w.write_all(&t.to_le_bytes())?;
                w.write_all(&v.to_le_bytes())?;
            }
            w.write_all(&(s.buckets.len() as u32).to_le_bytes())?;
            for b in &s.buckets {
                w.write_all(&b.start.to_le_bytes())?;
                w.write_all(&b.min.to_le_bytes())?;
                w.write_all(&b.max.to_le_bytes())?;
                w.write_all(&b.sum.to_le_bytes())?;
                w.write_all(&b.n.to_le_bytes())?;
            }
        }
        Ok(())
    }

    pub fn load<R: Read>(r: &mut R) -> io::Result<History> {
        fn bad() -> io::Error {
            io::Error::new(io::ErrorKind::InvalidData, "not a Stratum history file")
        }
        fn arr<const N: usize, R: Read>(r: &mut R) -> io::Result<[u8; N]> {
            let mut b = [0u8; N];
            r.read_exact(&mut b)?;
            Ok(b)
        }
        let count = |r: &mut R, max: u32| -> io::Result<usize> {
            let n = u32::from_le_bytes(arr(r)?);
            if n > max { Err(bad()) } else { Ok(n as usize) }
        };
        if &arr::<8, R>(r)? != Self::MAGIC {
            return Err(bad());
        }
        let mut h = History::default();
        for _ in 0..count(r, 100_000)? {
            let len = count(r, 4096)?;
            let mut name = vec![0u8; len];
            r.read_exact(&mut name)?;
            // A name this build does not know (a newer helper's) is read
            // past and dropped.
            let id: Option<SeriesId> = std::str::from_utf8(&name).ok().and_then(|n| n.parse().ok());
            let mut s = Series::default();
            for _ in 0..count(r, 10_000_000)? {
                let t = f64::from_le_bytes(arr(r)?);
                let v = f32::from_le_bytes(arr(r)?);
                s.recent.push_back((t, v));
            }
            for _ in 0..count(r, 10_000_000)? {
                s.buckets.push_back(Bucket {
                    start: f64::from_le_bytes(arr(r)?),
                    min: f32::from_le_bytes(arr(r)?),
                    max: f32::from_le_bytes(arr(r)?),
                    sum: f64::from_le_bytes(arr(r)?),
                    n: u32::from_le_bytes(arr(r)?),
                });
            }
            if let Some(id) = id {
                h.series.insert(id, s);
            }
        }
        Ok(h)
    }
}

#[cfg(test)]
mod tests {

    /// W5: a free-running local clock (chronyd 4.3 printed root dispersion
    /// 0 for minutes) is no zero error bound: those polls leave the
    /// maximum error series, the clock's own series stay.
    #[test]
    fn maximum_error_is_left_out_while_serving_its_own_clock() {
        use crate::core::cmdmon::{LOCAL_REFID, Tracking};
        let mut h = History::default();
        let snap = |t: f64, ref_id: u32| Snapshot {
            time: t,
            tracking: Some(Tracking {
                ref_id,
                stratum: 10,
                root_dispersion: if ref_id == LOCAL_REFID { 0.0 } else { 0.001 },
                ..Tracking::default()
            }),
            ..Snapshot::default()
        };
        h.record(&snap(100.0, LOCAL_REFID));
        h.record(&snap(110.0, LOCAL_REFID));
        let err = SeriesId::system(Field::Error);
        assert!(h.query(&err, 0.0, 200.0, 10).is_empty());
        // Nor are its root dispersion and delay (Statistics' "all 0 s").
        for f in [Field::RootDispersion, Field::RootDelay] {
            assert!(h.query(&SeriesId::system(f), 0.0, 200.0, 10).is_empty());
        }
        assert_eq!(
            h.query(&SeriesId::system(Field::Frequency), 0.0, 200.0, 10)
                .len(),
            2
        );
        // Once it follows a server the bound is known again.
        h.record(&snap(120.0, 0x0A00_0001));
        let got = h.query(&err, 0.0, 200.0, 10);
        assert_eq!(got.len(), 1, "{got:?}");
        assert!((got[0].1 - 0.001).abs() < 1e-9, "{got:?}");
        let disp = h.query(&SeriesId::system(Field::RootDispersion), 0.0, 200.0, 10);
        assert_eq!(disp.len(), 1, "{disp:?}");
    }

    #[test]
    fn server_load_and_maximum_error_are_recorded() {
        use crate::core::cmdmon::{ServerStats, Tracking};
        let mut h = History::default();
        let snap = |t: f64, packets: u64| Snapshot {
            time: t,
            tracking: Some(Tracking {
                system_time: -0.002,
                root_delay: 0.010,
                root_dispersion: 0.001,
                ..Tracking::default()
            }),
            serverstats: Some(ServerStats {
                ntp_packets_received: packets,
                ..ServerStats::default()
            }),
            ..Snapshot::default()
        };
        h.record(&snap(100.0, 1000));
        h.record(&snap(110.0, 1500));
        let rate = h.query(&SeriesId::system(Field::NtpRate), 0.0, 200.0, 10);
        assert_eq!(rate, [(110.0, 50.0, 50.0)]);
        let err = h.query(&SeriesId::system(Field::Error), 0.0, 200.0, 10);
        assert!((err[0].1 - 0.008).abs() < 1e-8, "{err:?}");
        // A restarted chronyd counts from zero: no negative rate.
        h.record(&snap(120.0, 10));
        assert_eq!(
            h.query(&SeriesId::system(Field::NtpRate), 0.0, 200.0, 10)
                .len(),
            1
        );
    }

    use super::*;

    #[test]
    fn a_watched_hosts_series_mean_what_this_servers_do() {
        // A clock 5 ms behind after an update that found it 2 ms behind:
        // every value distinct, so a field read from the wrong line shows.
        let tr = Tracking {
            last_offset: -0.002,
            system_time: 0.005,
            rms_offset: 0.003,
            frequency_ppm: -12.5,
            residual_freq_ppm: 0.25,
            skew_ppm: 0.75,
            root_delay: 0.010,
            root_dispersion: 0.001,
            ref_id: 0x0a00_0001,
            stratum: 2,
            ..Tracking::default()
        };
        let host = WatchTarget::parse("10.0.0.2:323").unwrap();
        let mut h = History::default();
        h.record(&Snapshot {
            time: 100.0,
            tracking: Some(tr.clone()),
            ..Snapshot::default()
        });
        h.record_host(&host, 100.0, &tr);
        let one = |id: SeriesId| h.query(&id, 0.0, 200.0, 10);
        for &field in HOST_SERIES {
            let local = one(SeriesId::system(field));
            assert_eq!(local.len(), 1, "{field:?}");
            assert_eq!(one(SeriesId::host(host.clone(), field)), local, "{field:?}");
        }
        // chronyc's "Last offset" and "System time", each under its name
        // (stored as f32).
        for (field, want) in [
            (Field::Offset, -0.002),
            (Field::Correction, 0.005),
            (Field::Frequency, -12.5),
        ] {
            let got = one(SeriesId::host(host.clone(), field))[0].1;
            assert!((got - want).abs() < 1e-9, "{field:?}: {got}");
        }
    }

    #[test]
    fn seven_days_at_one_hertz_stay_bounded() {
        let mut s = Series::default();
        let start = 1_700_000_000.0;
        let n = 7 * 86400;
        for i in 0..n {
            s.push(start + f64::from(i), (f64::from(i) * 0.001).sin());
        }
        let (recent, buckets) = s.footprint();
        assert!(recent <= 3601, "{recent}");
        assert!(buckets <= 10081, "{buckets}");
        // A 7-day query decimated to 1000 columns keeps the extremes.
        let end = start + f64::from(n);
        let pts = s.query(start, end, 1000);
        assert!(pts.len() <= 1000 && pts.len() > 900, "{}", pts.len());
        let lo = pts.iter().map(|p| p.1).fold(f64::INFINITY, f64::min);
        let hi = pts.iter().map(|p| p.2).fold(f64::NEG_INFINITY, f64::max);
        assert!(lo < -0.999 && hi > 0.999, "{lo} {hi}");
        // The last 5 minutes come back raw.
        let last = s.query(end - 300.0, end, 1000);
        assert_eq!(last.len(), 300);
        assert_eq!(last[0].1, last[0].2);
    }

    #[test]
    fn old_samples_fall_off_and_late_ones_go_into_buckets() {
        let mut s = Series::default();
        s.push(0.0, 1.0);
        s.push(MAX_AGE + 120.0, 2.0);
        assert_eq!(s.query(0.0, 100.0, 10), vec![]);
        s.push(MAX_AGE + 10.0, 5.0);
        let p = s.query(MAX_AGE, MAX_AGE + 60.0, 10);
        assert_eq!(p.len(), 1);
        assert_eq!(p[0].2, 5.0);
    }

    #[test]
    fn saves_and_loads() {
        let mut h = History::default();
        for i in 0..5000 {
            h.push(
                &"system.offset".parse().unwrap(),
                f64::from(i),
                f64::from(i) * 1e-6,
            );
            h.push(
                &"source.127.0.0.1.offset".parse().unwrap(),
                f64::from(i),
                -f64::from(i),
            );
        }
        let mut buf = Vec::new();
        h.save(&mut buf).unwrap();
        let back = History::load(&mut buf.as_slice()).unwrap();
        assert_eq!(back, h);
        assert!(History::load(&mut &b"garbage!garbage"[..]).is_err());
        let mut cut = buf.clone();
        cut.truncate(buf.len() / 2);
        assert!(History::load(&mut cut.as_slice()).is_err());
    }

    /// A watched client before its first synchronisation (chronyc tracking:
    /// "Reference ID 00000000 ()", "Leap status: Not synchronised") has no
    /// offset to plot: its clock series get no point (a gap on the Fleet
    /// plot, not a flat 0); its frequency, from the drift file, still counts.
    #[test]
    fn a_watched_host_without_a_reference_plots_no_offset() {
        let unsynced = Tracking {
            leap_status: 3,
            frequency_ppm: -12.5,
            ..Tracking::default()
        };
        let host = WatchTarget::parse("10.0.0.3:323").unwrap();
        let mut h = History::default();
        h.record_host(&host, 100.0, &unsynced);
        let one = |h: &History, f: Field| h.query(&SeriesId::host(host.clone(), f), 0.0, 300.0, 10);
        assert!(one(&h, Field::Correction).is_empty());
        assert!(one(&h, Field::Offset).is_empty());
        assert_eq!(one(&h, Field::Frequency).len(), 1);
        // Once it follows a server, its offsets are measurements.
        let synced = Tracking {
            ref_id: 0x0a00_0001,
            stratum: 3,
            leap_status: 0,
            system_time: 0.004,
            ..unsynced
        };
        h.record_host(&host, 200.0, &synced);
        assert_eq!(one(&h, Field::Correction).len(), 1);
    }
}
