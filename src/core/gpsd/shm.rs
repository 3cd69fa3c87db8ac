//! Where gpsd puts each device's time for NTP: the shared memory units it
//! gives them (gpsd's timehint.c `ntpshm_link_activate`, by release) and
//! the refclock lines that take that time into chronyd.

use serde::Serialize;

use super::report::{GpsdDevice, GpsdReport};

/// What gpsd makes of a device it reads, by its path (gpsd's serial.c
/// `gpsd_classify` and the URI schemes of libgpsd_core.c `gpsd_open`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SourceKind {
    /// A serial port (RS232, USB, ACM): a receiver's messages and maybe
    /// its PPS.
    Serial,
    /// A kernel PPS device: it only pulses.
    Pps,
    /// A pseudo-terminal (`/dev/pts/N`; `/dev/ttyp*`, `/dev/ttyq*` of the
    /// old BSD-style ptys): socat, ser2net, gpsfake.
    Pty,
    /// Bluetooth RFCOMM (`/dev/rfcomm*`): messages, no PPS line.
    Bluetooth,
    /// `tcp://`, `udp://`, `gpsd://`, `dgpsip://`.
    Network,
    /// `ntrip://`: a caster's corrections.
    Ntrip,
    /// A path outside /dev: a file or a FIFO.
    File,
}

impl SourceKind {
    pub fn of(path: &str) -> SourceKind {
        const NETWORK: [&str; 4] = ["tcp://", "udp://", "gpsd://", "dgpsip://"];
        if path.starts_with("ntrip://") {
            return SourceKind::Ntrip;
        }
        if NETWORK.iter().any(|s| path.starts_with(s)) {
            return SourceKind::Network;
        }
        let Some(base) = path.strip_prefix("/dev/") else {
            return SourceKind::File;
        };
        if base.starts_with("pts/") || base.starts_with("ttyp") || base.starts_with("ttyq") {
            SourceKind::Pty
        } else if base.starts_with("pps") {
            SourceKind::Pps
        } else if base.starts_with("rfcomm") {
            SourceKind::Bluetooth
        } else {
            // gpsd_classify's default for a character device: RS232.
            SourceKind::Serial
        }
    }
}

/// Why gpsd gives a device no segment for its time.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum NoShm {
    /// Every release: "don't talk to NTP when we're running inside the
    /// test harness" (`source_pty`).
    Pty,
    /// gpsd 3.24 only: nor over TCP or UDP, nor from a remote gpsd.
    Network,
    /// gpsd 3.24 on: "do not open ntpshm for NTRIP".
    Ntrip,
    /// gpsd 3.24 on: nor from a file or a pipe.
    File,
}

impl NoShm {
    pub fn id(self) -> &'static str {
        match self {
            NoShm::Pty => "pty",
            NoShm::Network => "network",
            NoShm::Ntrip => "ntrip",
            NoShm::File => "file",
        }
    }
}

/// A gpsd release as `major.minor` (`3.25.1~dev` is 3.25).
fn release(report: &GpsdReport) -> Option<(u32, u32)> {
    let r = report.release.as_deref()?;
    let mut parts = r.split(|c: char| !c.is_ascii_digit());
    let major = parts.next()?.parse().ok()?;
    let minor = parts.next()?.parse().ok()?;
    Some((major, minor))
}

/// Why gpsd `release` gives a device of `kind` no segment for its time
/// (gpsd's timehint.c `ntpshm_link_activate` and gpsd.c `open_device`,
/// tags 3.22 to 3.27): none for a pty in every release; 3.24 also skipped
/// TCP, UDP and remote gpsd sources, which 3.25 serves again; from 3.24 a
/// file, a pipe and an NTRIP caster get none. `None`: it gets one (a
/// kernel PPS device gets only the PPS one).
pub fn no_shm(kind: SourceKind, release: Option<(u32, u32)>) -> Option<NoShm> {
    let from_324 = release.is_some_and(|r| r >= (3, 24));
    match kind {
        SourceKind::Pty => Some(NoShm::Pty),
        SourceKind::Network if release.is_some_and(|(a, b)| (a, b) == (3, 24)) => {
            Some(NoShm::Network)
        }
        SourceKind::Ntrip if from_324 => Some(NoShm::Ntrip),
        SourceKind::File if from_324 => Some(NoShm::File),
        _ => None,
    }
}

/// The shared memory units gpsd gives a device: in-band time and PPS.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ShmUnits {
    pub time: Option<u32>,
    pub pps: Option<u32>,
}

/// The SHM units gpsd (started as root) gives each device, in the order
/// it activated them (gpsd's timehint.c `ntpshm_link_activate`): nothing
/// for what [`no_shm`] names; else first a segment for the in-band time
/// (not for a PPS device), then one for the PPS (serial ports and PPS
/// devices only, whether a pulse is wired or not), each the first free one
/// from SHM 0 on: receiver 1 takes SHM 0 and 1, receiver 2 SHM 2 and 3.
/// gpsd started as another user begins at SHM 2. Where gpsd 3.24+ named
/// a unit in its reports (TOFF, PPS), that unit.
pub fn shm_units(report: &GpsdReport) -> Vec<ShmUnits> {
    let release = release(report);
    let mut next = 0u32;
    let mut take = || {
        let u = next;
        next += 1;
        u
    };
    let reported = |n: Option<i64>, computed: Option<u32>| match n {
        Some(n) => u32::try_from(n).ok(),
        None => computed,
    };
    report
        .devices
        .iter()
        .map(|d| {
            let kind = SourceKind::of(&d.path);
            let fed = no_shm(kind, release).is_none();
            let time = (fed && kind != SourceKind::Pps).then(&mut take);
            let pps = (fed && matches!(kind, SourceKind::Serial | SourceKind::Pps)).then(&mut take);
            ShmUnits {
                time: reported(d.shm_time, time),
                pps: reported(d.shm_pps, pps),
            }
        })
        .collect()
}

/// A receiver whose time gpsd puts in no segment, and why.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Unfed {
    pub path: String,
    pub why: NoShm,
}

/// The devices gpsd gives no segment for their time (kernel PPS devices
/// aside: they have no time of their own). A segment gpsd 3.24+ reported
/// as none without a reason [`no_shm`] knows is not listed.
pub fn unfed(report: &GpsdReport) -> Vec<Unfed> {
    let release = release(report);
    report
        .devices
        .iter()
        .filter_map(|d| {
            let why = no_shm(SourceKind::of(&d.path), release)?;
            Some(Unfed {
                path: d.path.clone(),
                why,
            })
        })
        .collect()
}

/// A device name safe to put in a path and a config line.
fn base_name(path: &str) -> String {
    path.rsplit('/')
        .next()
        .unwrap_or_default()
        .chars()
        .filter(|c| c.is_ascii_alphanumeric() || matches!(c, '_' | '-' | '.'))
        .collect::<String>()
        .trim_start_matches('.')
        .to_string()
}

/// The refclock lines that take gpsd's time into chronyd, following what
/// gpsd sends where (gpsd's timehint.c and gpsd(8) "USE WITH NTP"):
///
/// - a receiver's in-band (NMEA) time goes to its SHM segment
///   ([`shm_units`]): late by the sentence, so `delay 0.2` and an offset to
///   calibrate; a receiver gpsd gives no segment ([`unfed`]) gets no line;
/// - the PPS of a receiver on a serial port goes, as time already
///   numbered by the receiver, to chronyd's socket
///   `/run/chrony.<device>.sock` (the PPS thread sends there), and to the
///   receiver's second SHM segment;
/// - a kernel PPS device is no receiver: chronyd reads it itself, its
///   pulses numbered by (locked to) the first receiver's time.
pub fn refclock_lines(report: &GpsdReport) -> String {
    let units = shm_units(report);
    // The receivers with a segment for their time, in gpsd's order: the
    // refids count these (NMEA, NME1…).
    let receivers: Vec<(&GpsdDevice, u32)> = report
        .devices
        .iter()
        .zip(&units)
        .filter(|(d, _)| SourceKind::of(&d.path) != SourceKind::Pps)
        .filter_map(|(d, u)| Some((d, u.time?)))
        .collect();
    let pps_devices: Vec<&GpsdDevice> = report
        .devices
        .iter()
        .filter(|d| SourceKind::of(&d.path) == SourceKind::Pps)
        .collect();
    let name = |prefix: &str, n: usize| {
        if n == 0 {
            prefix.to_string()
        } else {
            format!("{}{}", &prefix[..3], n % 10)
        }
    };
    let mut out = String::new();
    for (n, (d, unit)) in receivers.iter().enumerate() {
        let refid = name("NMEA", n);
        let base = base_name(&d.path);
        // gpsd's socket carries the PPS of a serial receiver; a kernel
        // PPS device (read by chronyd below) is the same pulse.
        let sock_pps = d.pps
            && SourceKind::of(&d.path) == SourceKind::Serial
            && !base.is_empty()
            && pps_devices.is_empty();
        let has_pps = sock_pps || (n == 0 && !pps_devices.is_empty());
        let select = if has_pps { " noselect" } else { "" };
        out.push_str(&format!(
            "refclock SHM {unit} refid {refid} delay 0.2 offset 0.0{select}\n"
        ));
        if sock_pps {
            out.push_str(&format!(
                "refclock SOCK /run/chrony.{base}.sock refid {} prefer\n",
                name("PPS", n)
            ));
        }
    }
    for (n, p) in pps_devices.iter().enumerate() {
        let device = format!("/dev/{}", base_name(&p.path));
        let lock = if receivers.is_empty() {
            String::new()
        } else {
            " lock NMEA".to_string()
        };
        let prefer = if n == 0 { " prefer" } else { "" };
        out.push_str(&format!(
            "refclock PPS {device}{lock} refid {}{prefer}\n",
            name("PPS", n)
        ));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::super::report::{MAX_DEVICES, MAX_LINE};
    use super::*;

    /// Lines as gpsd 3.22 sends them (gpsd_json(5)), abridged.
    const LINES: &[&str] = &[
        r#"{"class":"VERSION","release":"3.22","rev":"3.22","proto_major":3,"proto_minor":14}"#,
        r#"{"class":"DEVICES","devices":[{"class":"DEVICE","path":"/dev/ttyACM0","driver":"NMEA0183","activated":"2026-11-30T16:30:00.000Z","flags":1,"native":0,"bps":9600,"parity":"N","stopbits":1,"cycle":1.00}]}"#,
        r#"{"class":"WATCH","enable":true,"json":true,"nmea":false,"raw":0,"scaled":false,"timing":false,"split24":false,"pps":false}"#,
        r#"{"class":"SKY","device":"/dev/ttyACM0","xdop":0.55,"satellites":[{"PRN":5,"el":40.0,"az":83.0,"ss":44.0,"used":true},{"PRN":7,"el":20.0,"az":150.0,"ss":30.0,"used":false},{"PRN":9,"el":60.0,"az":250.0,"ss":41.0,"used":true}]}"#,
        r#"{"class":"TPV","device":"/dev/ttyACM0","mode":3,"time":"2026-11-30T16:30:01.000Z","ept":0.005,"lat":52.0,"lon":4.0}"#,
        r#"{"class":"PPS","device":"/dev/ttyACM0","real_sec":1796056201,"real_nsec":0,"clock_sec":1796056201,"clock_nsec":120,"precision":-20}"#,
    ];

    #[test]
    fn gpsd_reports_become_receivers_with_fix_satellites_and_pps() {
        let mut r = GpsdReport::default();
        for l in LINES {
            r.feed(l);
        }
        assert_eq!(r.release.as_deref(), Some("3.22"));
        let d = &r.devices[0];
        assert_eq!(d.path, "/dev/ttyACM0");
        assert_eq!(d.driver.as_deref(), Some("NMEA0183"));
        assert_eq!(
            (d.fix_mode, d.satellites_used, d.satellites_seen),
            (3, Some(2), Some(3))
        );
        assert!(d.pps);
        // gpsd(8): "The first local time source on the command line may
        // use NTP0 and NTP1"; timehint.c: the chrony socket is the PPS
        // thread's.
        assert_eq!(
            refclock_lines(&r),
            "refclock SHM 0 refid NMEA delay 0.2 offset 0.0 noselect\n\
             refclock SOCK /run/chrony.ttyACM0.sock refid PPS prefer\n"
        );
    }

    #[test]
    fn hostile_lines_are_counted_and_capped() {
        let mut r = GpsdReport::default();
        r.feed("not json");
        r.feed(&"x".repeat(MAX_LINE + 1));
        r.feed(r#"{"no":"class"}"#);
        for i in 0..100 {
            r.feed(&format!(
                r#"{{"class":"TPV","device":"/dev/x{i}","mode":99}}"#
            ));
        }
        assert_eq!(r.ignored, 3);
        assert_eq!(r.devices.len(), MAX_DEVICES);
        assert_eq!(r.devices[0].fix_mode, 3);
        // A device name cannot smuggle a path or a second line.
        r.devices.truncate(1);
        r.devices[0].path = "/dev/../../etc/x\nserver evil".into();
        assert!(!refclock_lines(&r).contains('\n') || refclock_lines(&r).lines().count() == 1);
        assert!(!refclock_lines(&r).contains("evil\n"));
        // Not a device: gpsd's shared memory.
        r.devices[0].path = "tcp://127.0.0.1:5000".into();
        assert_eq!(
            refclock_lines(&r),
            "refclock SHM 0 refid NMEA delay 0.2 offset 0.0\n"
        );
    }

    fn report(devices: &[(&str, bool)]) -> GpsdReport {
        GpsdReport {
            release: Some("3.22".into()),
            devices: devices
                .iter()
                .map(|(path, pps)| GpsdDevice {
                    path: path.to_string(),
                    pps: *pps,
                    ..Default::default()
                })
                .collect(),
            ignored: 0,
        }
    }

    #[test]
    fn segments_follow_gpsds_allocation() {
        // timehint.c ntpshm_link_activate: time then PPS for a serial
        // port, PPS only for a PPS device, time only for tcp://.
        let r = report(&[
            ("/dev/ttyS0", false),
            ("/dev/pps0", true),
            ("tcp://127.0.0.1:5000", false),
        ]);
        let u = shm_units(&r);
        assert_eq!(
            u,
            [
                ShmUnits {
                    time: Some(0),
                    pps: Some(1)
                },
                ShmUnits {
                    time: None,
                    pps: Some(2)
                },
                ShmUnits {
                    time: Some(3),
                    pps: None
                },
            ]
        );
    }

    #[test]
    fn a_pps_device_is_no_receiver() {
        // A receiver and the kernel PPS device of its pulse: one NMEA
        // clock, the PPS read by chronyd and locked to it; no socket for
        // a second receiver that does not exist.
        let r = report(&[("/dev/ttyS0", true), ("/dev/pps0", true)]);
        assert_eq!(
            refclock_lines(&r),
            "refclock SHM 0 refid NMEA delay 0.2 offset 0.0 noselect\n\
             refclock PPS /dev/pps0 lock NMEA refid PPS prefer\n"
        );
        // Two receivers, the second without PPS: its time in SHM 2.
        let r = report(&[("/dev/ttyACM0", true), ("/dev/ttyUSB0", false)]);
        assert_eq!(
            refclock_lines(&r),
            "refclock SHM 0 refid NMEA delay 0.2 offset 0.0 noselect\n\
             refclock SOCK /run/chrony.ttyACM0.sock refid PPS prefer\n\
             refclock SHM 2 refid NME1 delay 0.2 offset 0.0\n"
        );
        assert!(!refclock_lines(&r).contains("pps1"));
    }

    #[test]
    fn a_pty_gets_no_segment_and_each_serial_receiver_two() {
        // timehint.c (3.22): `if (session->sourcetype == source_pty)
        // return;` and ntpshm_alloc twice for a serial port.
        let r = report(&[("/dev/ttyACM0", false), ("/dev/ttyUSB0", false)]);
        assert_eq!(
            refclock_lines(&r),
            "refclock SHM 0 refid NMEA delay 0.2 offset 0.0\n\
             refclock SHM 2 refid NME1 delay 0.2 offset 0.0\n"
        );
        assert!(unfed(&r).is_empty());
        // gpsfake, socat, ser2net: nothing for the pty, and the next
        // receiver takes SHM 0 (refid NMEA: it is the first fed).
        let r = report(&[("/dev/pts/1", false), ("/dev/ttyUSB0", false)]);
        assert_eq!(
            refclock_lines(&r),
            "refclock SHM 0 refid NMEA delay 0.2 offset 0.0\n"
        );
        assert_eq!(
            unfed(&r),
            [Unfed {
                path: "/dev/pts/1".into(),
                why: NoShm::Pty
            }]
        );
        // Two receivers on ptys: no line at all.
        let r = report(&[("/dev/pts/1", false), ("/dev/pts/0", false)]);
        assert_eq!(refclock_lines(&r), "");
        assert_eq!(unfed(&r).len(), 2);
    }

    #[test]
    fn network_sources_follow_the_release() {
        // 3.24 skipped TCP/UDP/remote gpsd; 3.22 and 3.25 give them one.
        let mut r = report(&[("tcp://127.0.0.1:5000", false), ("/dev/ttyS0", false)]);
        for (release, lines) in [
            (
                "3.22",
                "refclock SHM 0 refid NMEA delay 0.2 offset 0.0\n\
                 refclock SHM 1 refid NME1 delay 0.2 offset 0.0\n",
            ),
            ("3.24", "refclock SHM 0 refid NMEA delay 0.2 offset 0.0\n"),
            (
                "3.25.1~dev",
                "refclock SHM 0 refid NMEA delay 0.2 offset 0.0\n\
                 refclock SHM 1 refid NME1 delay 0.2 offset 0.0\n",
            ),
        ] {
            r.release = Some(release.into());
            assert_eq!(refclock_lines(&r), lines, "{release}");
        }
        // NTRIP carries corrections: gpsd 3.24 on gives it no segment.
        let r = GpsdReport {
            release: Some("3.27.5".into()),
            ..report(&[("ntrip://caster:2101/MOUNT", false), ("/dev/ttyS0", false)])
        };
        assert_eq!(
            refclock_lines(&r),
            "refclock SHM 0 refid NMEA delay 0.2 offset 0.0\n"
        );
        assert_eq!(unfed(&r)[0].why, NoShm::Ntrip);
    }

    #[test]
    fn the_units_gpsd_reports_are_the_ones_used() {
        // gpsd 3.24+ names the unit in TOFF (gpsd.c: "shm":"NTP%d"): a
        // gpsd not started as root begins at SHM 2.
        let mut r = GpsdReport::default();
        for l in [
            r#"{"class":"VERSION","release":"3.25"}"#,
            r#"{"class":"DEVICES","devices":[{"path":"/dev/ttyS0"}]}"#,
            r#"{"class":"TOFF","device":"/dev/ttyS0","real_sec":1,"real_nsec":0,"clock_sec":1,"clock_nsec":0,"precision":-1,"shm":"NTP2"}"#,
            r#"{"class":"PPS","device":"/dev/ttyS0","real_sec":1,"real_nsec":0,"clock_sec":1,"clock_nsec":0,"precision":-20,"shm":"NTP3"}"#,
        ] {
            r.feed(l);
        }
        assert_eq!(
            shm_units(&r),
            [ShmUnits {
                time: Some(2),
                pps: Some(3)
            }]
        );
        assert!(refclock_lines(&r).starts_with("refclock SHM 2 refid NMEA"));
        // NTP-1: none; a unit past any gpsd's is not taken.
        r.feed(r#"{"class":"TOFF","device":"/dev/ttyS0","shm":"NTP-1"}"#);
        assert_eq!(shm_units(&r)[0].time, None);
        r.feed(r#"{"class":"TOFF","device":"/dev/ttyS0","shm":"NTP99999"}"#);
        assert_eq!(shm_units(&r)[0].time, None);
        assert!(!refclock_lines(&r).contains("SHM"));
    }
}
