//! A real gpsd reading NMEA from three receivers played by the test: one
//! on a pseudo-terminal, listed first, and two over `tcp://`; sentences
//! for each second sent 300 ms, 50 ms and 150 ms after it, as a receiver's
//! serial output arrives late. `stratum gpsd` names the receivers, their 3D
//! fix and satellites, says the pty gets no shared memory, and proposes one
//! unit per network receiver in the order gpsd reports them (gpsd's
//! timehint.c: a pty takes none — "don't talk to NTP when we're running
//! inside the test harness" —, a network source one, for its in-band time;
//! a serial one a second, for its PPS). A lab chronyd of every release runs
//! the proposed lines as `noselect` beside a loopback server, and
//! calibration finds each network receiver's own lateness in its own unit:
//! +0.050 s in SHM 0 and +0.150 s in SHM 1, ±10 ms — had gpsd given the
//! pty SHM 0, its 300 ms would be found there.
//!
//! SHM 0 and 1 are machine-wide segments: when one exists before the test
//! (a real gpsd or ntpd), the chronyd part is not run; segments this
//! test's gpsd made are removed afterwards.

use std::io::Write;
use std::net::TcpListener;
use std::process::{Command, Stdio};
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};
use std::time::{Duration, SystemTime, UNIX_EPOCH};

use crate::common::helper::HelperProc;
use crate::common::lab::{Chronyd, free_tcp_port, free_udp_port, wait_for};
use crate::common::{self, ChildGuard};

/// How late each network receiver's sentences arrive.
const LATE: [f64; 2] = [0.050, 0.150];
/// How late the pty receiver's sentences arrive.
const PTY_LATE: f64 = 0.300;

fn sentence(body: &str) -> String {
    let sum = body.bytes().fold(0u8, |a, b| a ^ b);
    format!("${body}*{sum:02X}\r\n")
}

/// One second's NMEA: position and time (RMC, GGA), the seven satellites
/// used (GSA), and nine in view (GSV).
fn nmea(second: i64) -> String {
    let (y, mo, d, h, mi, s) = stratum::core::civil_from_unix(second);
    let hms = format!("{h:02}{mi:02}{s:02}.00");
    let dmy = format!("{d:02}{mo:02}{:02}", y % 100);
    let mut out = sentence(&format!(
        "GPRMC,{hms},A,5200.000,N,00400.000,E,0.0,0.0,{dmy},,,A"
    ));
    out += &sentence(&format!(
        "GPGGA,{hms},5200.000,N,00400.000,E,1,07,1.0,10.0,M,47.0,M,,"
    ));
    out += &sentence("GPGSA,A,3,05,09,12,15,18,21,24,,,,,,1.8,1.0,1.5");
    out += &sentence("GPGSV,3,1,09,05,40,083,44,09,60,250,41,12,30,120,38,15,25,200,35");
    out += &sentence("GPGSV,3,2,09,18,50,300,40,21,35,030,39,24,45,180,42,27,10,090,20");
    out += &sentence("GPGSV,3,3,09,30,05,270,18");
    out
}

/// Writes each second's sentences `late` seconds after the second begins.
fn play(mut out: impl Write, stop: &AtomicBool, late: f64) {
    while !stop.load(Ordering::Relaxed) {
        let now = SystemTime::now().duration_since(UNIX_EPOCH).unwrap();
        let next = now.as_secs() + 1;
        let at = Duration::from_secs(next) + Duration::from_secs_f64(late);
        std::thread::sleep(at - now);
        if out.write_all(nmea(next as i64).as_bytes()).is_err() {
            return;
        }
    }
}

/// The receiver: a loopback TCP server playing its sentences.
fn receiver(stop: Arc<AtomicBool>, late: f64) -> u16 {
    let listener = TcpListener::bind("127.0.0.1:0").unwrap();
    let port = listener.local_addr().unwrap().port();
    std::thread::spawn(move || {
        if let Ok((conn, _)) = listener.accept() {
            play(conn, &stop, late);
        }
    });
    port
}

/// A receiver behind a pseudo-terminal (as socat or ser2net make one):
/// the sentences go to the master side; gpsd opens the returned
/// `/dev/pts/N`. The master stays open while the thread plays.
fn pty_receiver(stop: Arc<AtomicBool>, late: f64) -> String {
    use std::os::fd::FromRawFd;
    // SAFETY: posix_openpt returns a new descriptor owned by the File
    // below; the name is read into a buffer of the size given.
    let (master, name) = unsafe {
        let fd = libc::posix_openpt(libc::O_RDWR | libc::O_NOCTTY);
        assert!(fd >= 0, "posix_openpt: {}", std::io::Error::last_os_error());
        assert_eq!(libc::grantpt(fd), 0);
        assert_eq!(libc::unlockpt(fd), 0);
        let mut buf = [0 as libc::c_char; 128];
        assert_eq!(libc::ptsname_r(fd, buf.as_mut_ptr(), buf.len()), 0);
        let name = std::ffi::CStr::from_ptr(buf.as_ptr())
            .to_string_lossy()
            .into_owned();
        (std::fs::File::from_raw_fd(fd), name)
    };
    std::thread::spawn(move || play(master, &stop, late));
    name
}

fn shm_keys() -> Vec<String> {
    let out = Command::new("ipcs").arg("-m").output().unwrap();
    String::from_utf8_lossy(&out.stdout)
        .lines()
        .filter_map(|l| l.split_whitespace().next())
        // NTP's units 0-7, and gpsd's own export segment ("GPSD").
        .filter(|k| k.starts_with("0x4e54503") || *k == "0x47505344")
        .map(str::to_string)
        .collect()
}

/// Removes the NTP SHM segments made during the test (after gpsd is
/// stopped: declared before its guard, dropped after it).
struct ShmCleanup(Vec<String>);

impl Drop for ShmCleanup {
    fn drop(&mut self) {
        for k in shm_keys().iter().filter(|k| !self.0.contains(k)) {
            let _ = Command::new("ipcrm").args(["-M", k]).status();
        }
    }
}

#[test]
fn gpsd_receivers_are_shown_and_their_time_is_calibrated() {
    let Some(gpsd) = ["/usr/sbin/gpsd", "/usr/bin/gpsd"]
        .into_iter()
        .find(|p| std::path::Path::new(p).exists())
    else {
        assert!(!common::in_ci(), "gpsd is not installed but CI=true");
        eprintln!("skipped: gpsd is not installed");
        return;
    };
    let before = shm_keys();
    let _shm = ShmCleanup(before.clone());
    let stop = Arc::new(AtomicBool::new(false));
    let ports = LATE.map(|late| receiver(stop.clone(), late));
    let pty = pty_receiver(stop.clone(), PTY_LATE);
    let tmp = tempfile::tempdir().unwrap();
    let dir = tmp.path();
    let gpsd_port = free_tcp_port();
    let _gpsd = ChildGuard(
        Command::new(gpsd)
            .args(["-N", "-n", "-S", &gpsd_port.to_string(), "-F"])
            .arg(dir.join("gpsd.ctl"))
            .arg("-P")
            .arg(dir.join("gpsd.pid"))
            .arg(&pty)
            .args(ports.map(|p| format!("tcp://127.0.0.1:{p}")))
            .stdin(Stdio::null())
            .stdout(Stdio::null())
            .stderr(std::fs::File::create(dir.join("gpsd.log")).unwrap())
            .spawn()
            .unwrap(),
    );
    let host = format!("127.0.0.1:{gpsd_port}");
    // gpsd needs a few sentences for a fix and a sky view.
    let report = wait_for(Duration::from_secs(30), || {
        let out = common::stratum()
            .args([
                "gpsd",
                "--host",
                &host,
                "--seconds",
                "2",
                "--format",
                "json",
            ])
            .output()
            .unwrap();
        let v: serde_json::Value = serde_json::from_slice(&out.stdout).ok()?;
        let devices = v["gpsd"]["devices"].as_array()?;
        (devices.len() == 3
            && devices
                .iter()
                .all(|d| d["fix_mode"] == 3 && d["satellites_used"] == 7))
        .then_some(v)
    });
    let report = report.unwrap_or_else(|| {
        panic!(
            "gpsd: no 3D fix with 7 satellites on the three receivers: {}",
            std::fs::read_to_string(dir.join("gpsd.log")).unwrap_or_default()
        )
    });
    // Which network receiver gpsd reports first, and so how late each
    // unit is; the pty is first, as given.
    let devices = report["gpsd"]["devices"].as_array().unwrap();
    assert_eq!(devices[0]["path"], pty.as_str(), "{report}");
    let late: Vec<f64> = devices[1..]
        .iter()
        .map(|d| {
            assert_eq!(d["satellites_seen"], 9);
            assert_eq!(d["pps"], false);
            let path = d["path"].as_str().unwrap();
            let n = ports
                .iter()
                .position(|p| path == format!("tcp://127.0.0.1:{p}"))
                .unwrap_or_else(|| panic!("not a receiver of the test: {path}"));
            LATE[n]
        })
        .collect();
    // The pty has none; a network source has no PPS: one unit each, in
    // gpsd's order, from SHM 0.
    assert_eq!(
        report["no_shm"],
        serde_json::json!([{"path": pty, "why": "pty"}]),
        "{report}"
    );
    let lines = report["refclocks"].as_str().unwrap();
    assert_eq!(
        lines,
        "refclock SHM 0 refid NMEA delay 0.2 offset 0.0\n\
         refclock SHM 1 refid NME1 delay 0.2 offset 0.0\n",
        "{report}"
    );
    let text = common::stratum()
        .args(["gpsd", "--host", &host, "--lang", "en"])
        .output()
        .unwrap();
    let text = String::from_utf8_lossy(&text.stdout);
    assert!(
        text.contains("3D fix, 7 of 9 satellites used, PPS not seen"),
        "{text}"
    );
    assert!(
        text.contains(&format!(
            "{pty} is a pseudo-terminal (pty: socat, ser2net, gpsfake): gpsd gives it no shared memory segment (SHM)"
        )),
        "{text}"
    );
    let zh = common::stratum()
        .args(["gpsd", "--host", &host, "--lang", "zh-CN"])
        .output()
        .unwrap();
    let zh = String::from_utf8_lossy(&zh.stdout);
    assert!(zh.contains(&format!("{pty} 是伪终端")), "{zh}");

    if before
        .iter()
        .any(|k| k == "0x4e545030" || k == "0x4e545031")
    {
        eprintln!("SHM 0 or 1 was in use before the test: gpsd's time not fed to chronyd");
        return;
    }
    for r in common::releases() {
        let sub = dir.join(&r.label);
        std::fs::create_dir_all(&sub).unwrap();
        let up = Chronyd::upstream(&r.chronyd, &sub);
        // The proposed lines, polled every second and kept out of the
        // selection beside a server to measure them against.
        let clocks: String = lines
            .lines()
            .map(|l| format!("{l} poll 0 noselect\n"))
            .collect();
        let config = format!(
            "{clocks}server 127.0.0.1 port {} iburst minpoll -2 maxpoll -1\n",
            up.port
        );
        let chronyd = r.chronyd.display().to_string();
        let helper =
            HelperProc::start_lab_with(&sub, &config, free_udp_port(), &["--chronyd", &chronyd]);
        for (refid, late) in ["NMEA", "NME1"].iter().zip(&late) {
            let (v, text) = crate::refclock::calibrate(&helper, refid, 6, false, &r.label);
            let proposed = v["calibration"]["proposed_offset"].as_f64().unwrap();
            assert!(
                (proposed - late).abs() < 0.010,
                "chrony {}: {refid} proposed {proposed}, the receiver is {late} s late: {text}",
                r.label
            );
            eprintln!(
                "chrony {}: gpsd's {refid} calibrated to {proposed:+.4} s ({late} s late)",
                r.label
            );
        }
    }
    stop.store(true, Ordering::Relaxed);
}
