//! Labs of time itself: a leap second pending, a reference clock that
//! stops.

use crate::common;

use std::path::{Path, PathBuf};
use std::process::Command;
use std::time::Duration;

use common::lab::{Chronyd, free_udp_port, wait_for};
use stratum::core::explain::Rule;

use super::{SOURCE, capture, csv_field, judge, judge_without};

/// The leap second list of the distribution plus one at the end of
/// 31 December, compiled into a zone for `leapsectz` (every release has it).
pub(crate) fn leap_zone(dir: &Path, year: i64) -> PathBuf {
    let mut list: String = std::fs::read_to_string("/usr/share/zoneinfo/leapseconds")
        .expect("tzdata's leapseconds")
        .lines()
        .filter(|l| !l.starts_with("Expires") && !l.starts_with("#expires"))
        .map(|l| format!("{l}\n"))
        .collect();
    list.push_str(&format!("Leap\t{year}\tDec\t31\t23:59:60\t+\tS\n"));
    std::fs::write(dir.join("leapfile"), list).unwrap();
    std::fs::write(dir.join("zone"), "Zone\tEtc/UTC\t0\t-\tUTC\n").unwrap();
    let ok = Command::new("zic")
        .arg("-L")
        .arg(dir.join("leapfile"))
        .arg("-d")
        .arg(dir.join("zoneinfo"))
        .arg(dir.join("zone"))
        .output()
        .expect("zic (libc-bin)");
    assert!(
        ok.status.success(),
        "{}",
        String::from_utf8_lossy(&ok.stderr)
    );
    dir.join("zoneinfo/Etc/UTC")
}

#[test]
fn a_leap_second_pending() {
    let preload = [
        "/usr/lib/x86_64-linux-gnu/faketime/libfaketime.so.1",
        "/usr/lib/faketime/libfaketime.so.1",
    ]
    .into_iter()
    .find(|p| Path::new(p).exists());
    let Some(preload) = preload else {
        assert!(!common::in_ci(), "faketime is not installed but CI=true");
        eprintln!("skipped: faketime is not installed");
        return;
    };
    // chronyd announces a leap second only on 30 June or 31 December: run
    // both chronyd on this year's 31 December, noon (their own clocks
    // only; -x leaves the system's alone).
    let now = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .unwrap()
        .as_secs() as i64;
    let (year, ..) = stratum::core::civil_from_unix(now);
    let target = stratum::core::time::days_from_civil(year, 12, 31) * 86400 + 12 * 3600;
    let env = [
        ("LD_PRELOAD", preload.to_string()),
        ("FAKETIME", format!("{:+}", target - now)),
        ("FAKETIME_DONT_RESET", "1".to_string()),
    ];
    for r in common::releases() {
        // chrony 4.0 takes receive timestamps from the kernel, which
        // libfaketime does not move: its answers look a month late and are
        // refused. Later releases check kernel timestamps against their own
        // clock and fall back to theirs.
        if r.version < stratum::core::conf::ChronyVersion::new(4, 1) {
            eprintln!(
                "chrony {}: no faked date with kernel timestamps; leap lab not run",
                r.label
            );
            continue;
        }
        let tmp = tempfile::tempdir().unwrap();
        let zone = leap_zone(tmp.path(), year);
        let up = Chronyd::start_env(
            &r.chronyd,
            tmp.path(),
            "upstream",
            "local stratum 1\nallow 127.0.0.0/8",
            free_udp_port(),
            &env,
        );
        let c = Chronyd::start_env(
            &r.chronyd,
            tmp.path(),
            "client",
            &format!(
                "leapsectz {}\nserver 127.0.0.1 port {} {SOURCE}",
                zone.display(),
                up.port
            ),
            free_udp_port(),
            &env,
        );
        wait_for(Duration::from_secs(15), || {
            c.chronyc(&["tracking"])
                .contains("Insert second")
                .then_some(())
        })
        .unwrap_or_else(|| {
            panic!(
                "chrony {}: no leap pending: {}{}",
                r.label,
                c.chronyc(&["tracking"]),
                c.log_text()
            )
        });
        let out = capture(&c, &["tracking", "selectdata"]);
        judge(&r, "leap-pending", &out, &[("tracking", Rule::LeapPending)]);
    }
}

/// A GPS reference clock (SOCK, fed by the test) that stops: chronyc names
/// it by its refid and explain says the reference clock is lost.
#[test]
fn a_reference_clock_that_stops() {
    for r in common::releases() {
        let tmp = tempfile::tempdir().unwrap();
        let sock = tmp.path().join("gps.sock");
        let feed = crate::common::sockfeed::Feeder::start(
            &sock,
            0.020,
            0.0005,
            false,
            Duration::from_millis(250),
        );
        let c = Chronyd::start(
            &r.chronyd,
            tmp.path(),
            "client",
            &format!(
                "refclock SOCK {} refid GPS poll 0 dpoll 0\nallow 127.0.0.0/8",
                sock.display()
            ),
        );
        wait_for(Duration::from_secs(20), || {
            c.chronyc(&["-c", "sources"])
                .starts_with("#,*,GPS")
                .then_some(())
        })
        .unwrap_or_else(|| panic!("chrony {}: GPS never selected", r.label));
        let live = capture(&c, &["sources", "tracking", "sourcestats"]);
        judge(&r, "refclock", &live, &[]);
        // chrony.conf(5), refclock, stratum: "This option sets the NTP
        // stratum of the refclock. ... The default is 0." A reference
        // clock at stratum 0 is the reference, not unsynchronised.
        judge_without(
            &r,
            "refclock",
            &live,
            &[
                ("sources", Rule::UpstreamUnsynchronised),
                ("sources", Rule::NotSynchronised),
                ("tracking", Rule::NotSynchronised),
            ],
        );
        feed.pause(true);
        // Two polls of 1 s without a sample.
        wait_for(Duration::from_secs(10), || {
            let reach = csv_field(&c, &["sources"], 5)?;
            (u32::from_str_radix(&reach, 8).ok()? & 0b11 == 0).then_some(())
        })
        .expect("the reach register shows the missing samples");
        let out = capture(&c, &["sources"]);
        judge(
            &r,
            "refclock-lost",
            &out,
            &[("sources", Rule::RefclockLost)],
        );
    }
}
