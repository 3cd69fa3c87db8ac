//! Leap seconds, with every release that reads a leap second list
//! (`leapseclist`, chrony 4.6 and later): lint judges the distribution's
//! `leap-seconds.list` as chronyd does (used, expired: "needs update",
//! broken: "failed check, ignoring"), and a lab helper reports the list's
//! expiry. With libfaketime on 31 December, a leap second the list (or, for
//! older releases, a leapsectz zone) announces shows in `stratum status`
//! with its countdown to midnight UTC.

use std::path::{Path, PathBuf};
use std::time::Duration;

use stratum::core::conf::ChronyVersion;
use stratum::core::leap::NTP_UNIX_OFFSET;

use crate::common::helper::HelperProc;
use crate::common::lab::{Chronyd, free_udp_port, wait_for};
use crate::common::{self};

const LEAPSECLIST: ChronyVersion = ChronyVersion::new(4, 6);

/// Debian's leap-seconds.list (tzdata), with its expiry line set to `expires`
/// (Unix seconds) and `extra` entries appended.
fn list(expires: i64, extra: &str) -> String {
    let base = std::fs::read_to_string("/usr/share/zoneinfo/leap-seconds.list")
        .expect("tzdata's leap-seconds.list");
    let mut out: String = base
        .lines()
        .map(|l| {
            if l.starts_with("#@") {
                format!("#@\t{}\n", expires + NTP_UNIX_OFFSET)
            } else {
                format!("{l}\n")
            }
        })
        .collect();
    out.push_str(extra);
    out
}

fn now() -> i64 {
    stratum::sys::now() as i64
}

fn lint_rules(conf: &Path, version: &str) -> String {
    let out = common::stratum()
        .args([
            "config",
            "lint",
            "--lang",
            "en",
            "--format",
            "json",
            "--chrony-version",
            version,
        ])
        .arg(conf)
        .output()
        .unwrap();
    String::from_utf8_lossy(&out.stdout).into_owned()
}

#[test]
fn leap_second_lists_are_judged_as_chronyd_judges_them() {
    let releases: Vec<_> = common::releases()
        .into_iter()
        .filter(|r| r.version >= LEAPSECLIST)
        .collect();
    if releases.is_empty() {
        assert!(!common::in_ci(), "no chrony 4.6 or later but CI=true");
        eprintln!("skipped: no chrony release with leapseclist");
        return;
    }
    let day = 86400;
    let good = list(now() + 200 * day, "");
    let expired = list(now() - 10 * day, "");
    let broken = good
        .lines()
        .filter(|l| !l.contains("1 Jul 2012"))
        .map(|l| format!("{l}\n"))
        .collect::<String>();
    assert_ne!(broken, good, "the 2012 line is in tzdata's list");
    for r in releases {
        let tmp = tempfile::tempdir().unwrap();
        let dir = tmp.path();
        let up = Chronyd::upstream(&r.chronyd, dir);
        for (case, text, rule, log) in [
            ("good", &good, None, "Using leap second list"),
            (
                "expired",
                &expired,
                Some("leap-list-expired"),
                "needs update",
            ),
            (
                "broken",
                &broken,
                Some("leap-list-invalid"),
                "failed check, ignoring",
            ),
        ] {
            let path = dir.join(format!("{case}.list"));
            std::fs::write(&path, text).unwrap();
            let body = format!(
                "leapseclist {}\nserver 127.0.0.1 port {} iburst minpoll -2 maxpoll -1",
                path.display(),
                up.port
            );
            let c = Chronyd::start(&r.chronyd, dir, case, &body);
            let said = wait_for(Duration::from_secs(20), || {
                c.log_text().contains(log).then_some(())
            });
            assert!(
                said.is_some(),
                "chrony {} {case}: chronyd did not say {log:?}: {}",
                r.label,
                c.log_text()
            );
            let lint = lint_rules(&dir.join(format!("{case}.conf")), &r.label);
            for other in [
                "leap-list-expired",
                "leap-list-invalid",
                "leap-list-unreadable",
            ] {
                assert_eq!(
                    lint.contains(other),
                    rule == Some(other),
                    "chrony {} {case}: {lint}",
                    r.label
                );
            }
        }
        // The helper reports the list and its end.
        let path = dir.join("expired.list");
        std::fs::create_dir_all(dir.join("helper")).unwrap();
        let helper = HelperProc::start_lab_with(
            &dir.join("helper"),
            &format!("leapseclist {}\nlocal stratum 8", path.display()),
            free_udp_port(),
            &["--chronyd", &r.chronyd.display().to_string()],
        );
        let leap = wait_for(Duration::from_secs(10), || helper.snapshot().leap_list)
            .expect("the snapshot has no leap list");
        assert!(leap.problem.is_none() && leap.expires < now(), "{leap:?}");
        let text = status(&helper, &[]);
        assert!(
            text.contains("Leap second list") && text.contains("expired on"),
            "chrony {}: {text}",
            r.label
        );
    }
}

fn status(helper: &HelperProc, env: &[(&str, String)]) -> String {
    let out = common::stratum()
        .args(["status", "--lang", "en", "--socket"])
        .arg(&helper.socket)
        .envs(env.iter().map(|(k, v)| (*k, v.as_str())))
        .output()
        .unwrap();
    String::from_utf8_lossy(&out.stdout).into_owned()
}

fn faketime() -> Option<PathBuf> {
    [
        "/usr/lib/x86_64-linux-gnu/faketime/libfaketime.so.1",
        "/usr/lib/faketime/libfaketime.so.1",
    ]
    .into_iter()
    .map(PathBuf::from)
    .find(|p| p.exists())
}

#[test]
fn a_pending_leap_second_is_counted_down_to_midnight() {
    let Some(preload) = faketime() else {
        assert!(!common::in_ci(), "faketime is not installed but CI=true");
        eprintln!("skipped: faketime is not installed");
        return;
    };
    // chronyd announces a leap only on 30 June or 31 December: this year's
    // 31 December at 12:00 UTC for chronyd, the helper and the command line
    // alike (their own clocks; -x leaves the system's alone).
    let (year, ..) = stratum::core::civil_from_unix(now());
    let midnight = stratum::core::time::days_from_civil(year + 1, 1, 1) * 86400;
    let target = midnight - 12 * 3600;
    let env = vec![
        ("LD_PRELOAD", preload.display().to_string()),
        ("FAKETIME", format!("{:+}", target - now())),
        ("FAKETIME_DONT_RESET", "1".to_string()),
    ];
    for r in common::releases() {
        // 4.0 takes kernel receive timestamps, which libfaketime does not
        // move (see labs::a_leap_second_pending).
        if r.version < ChronyVersion::new(4, 1) {
            eprintln!("chrony {}: no faked date with kernel timestamps", r.label);
            continue;
        }
        let tmp = tempfile::tempdir().unwrap();
        let dir = tmp.path();
        let up = Chronyd::start_env(
            &r.chronyd,
            dir,
            "upstream",
            "local stratum 1\nallow 127.0.0.0/8",
            free_udp_port(),
            &env,
        );
        // The list announces one more second at the end of this year; older
        // releases learn it from a zone compiled with zic.
        let leap_source = if r.version >= LEAPSECLIST {
            let path = dir.join("leap-seconds.list");
            let entry = format!("{}\t38\t# 1 Jan {}\n", midnight + NTP_UNIX_OFFSET, year + 1);
            std::fs::write(&path, list(midnight + 180 * 86400, &entry)).unwrap();
            format!("leapseclist {}", path.display())
        } else {
            format!("leapsectz {}", crate::labs::leap_zone(dir, year).display())
        };
        let config = format!(
            "{leap_source}\nserver 127.0.0.1 port {} iburst minpoll -2 maxpoll -1",
            up.port
        );
        let envs: Vec<(&str, std::ffi::OsString)> =
            env.iter().map(|(k, v)| (*k, v.into())).collect();
        let envs: Vec<(&str, &std::ffi::OsStr)> =
            envs.iter().map(|(k, v)| (*k, v.as_os_str())).collect();
        std::fs::create_dir_all(dir.join("helper")).unwrap();
        let chronyd = r.chronyd.display().to_string();
        let helper = HelperProc::start_lab_env_with(
            &dir.join("helper"),
            &config,
            free_udp_port(),
            &["--chronyd", &chronyd],
            &envs,
        );
        let pending = wait_for(Duration::from_secs(30), || {
            let t = helper.snapshot().tracking?;
            (t.leap_status == 1).then_some(())
        });
        assert!(
            pending.is_some(),
            "chrony {}: no leap announced: {}",
            r.label,
            helper.log_text()
        );
        let text = status(&helper, &env);
        let line = text
            .lines()
            .find(|l| l.starts_with("Leap second pending"))
            .unwrap_or_else(|| panic!("chrony {}: no countdown: {text}", r.label));
        eprintln!("chrony {}: {line}", r.label);
        assert!(line.contains(&format!("{year}-12-31")), "{line}");
        // Twelve hours before midnight, less the time the lab took.
        let hours: u32 = line
            .split(", in ")
            .nth(1)
            .and_then(|x| x.split(' ').next())
            .and_then(|h| h.parse().ok())
            .unwrap_or_else(|| panic!("{line}"));
        assert!(hours == 11 || hours == 12, "{line}");
    }
}
