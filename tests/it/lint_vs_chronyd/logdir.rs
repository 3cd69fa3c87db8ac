//! A `logdir` chronyd cannot make: lint hints exactly where each release's
//! chronyd logs "Could not open …/tracking.log" and writes no log, and is
//! silent where chronyd makes the missing directories itself.

use crate::common;

use std::path::Path;
use std::time::Duration;

use common::lab::{Chronyd, wait_for};
use stratum::core::conf::Document;
use stratum::core::conf::lint::{LintOptions, Rule, lint};

fn hints_uncreatable(text: &str, r: &common::Release) -> bool {
    let exists = |p: &str| Path::new(p).exists();
    lint(
        &Document::parse(text),
        &LintOptions {
            version: r.version,
            path_exists: Some(&exists),
            ..Default::default()
        },
    )
    .iter()
    .any(|d| d.rule == Rule::LogdirUncreatable)
}

#[test]
fn a_logdir_chronyd_cannot_make_is_hinted_where_every_release_fails() {
    for r in common::releases() {
        let tmp = tempfile::tempdir().unwrap();
        let dir = tmp.path();
        let up = Chronyd::upstream(&r.chronyd, dir);
        let file = dir.join("plain-file");
        std::fs::write(&file, "not a directory\n").unwrap();
        let proc = format!("/proc/stratum-nolog-{}", std::process::id());
        let cases = [
            // (name, logdir, chronyd can make it)
            (
                "missing",
                dir.join("new/deeper/logs").display().to_string(),
                true,
            ),
            ("underfile", file.join("logs").display().to_string(), false),
            ("proc", proc, false),
        ];
        for (name, logdir, makes) in cases {
            let body = format!(
                "server 127.0.0.1 port {} iburst minpoll 0 maxpoll 0\nlogdir {logdir}\nlog tracking measurements\n",
                up.port
            );
            assert_eq!(
                hints_uncreatable(&body, &r),
                !makes,
                "chrony {} {name}: lint on logdir {logdir}",
                r.label
            );
            let c = Chronyd::start(&r.chronyd, dir, name, &body);
            let tracking = Path::new(&logdir).join("tracking.log");
            if makes {
                assert!(
                    wait_for(Duration::from_secs(20), || tracking.is_file().then_some(()))
                        .is_some(),
                    "chrony {} wrote no {}: {}",
                    r.label,
                    tracking.display(),
                    c.log_text()
                );
            } else {
                assert!(
                    wait_for(Duration::from_secs(20), || c
                        .log_text()
                        .contains(&format!("Could not open {}", tracking.display()))
                        .then_some(()))
                    .is_some(),
                    "chrony {} {name}: {}",
                    r.label,
                    c.log_text()
                );
                assert!(!tracking.exists(), "chrony {} {name}", r.label);
            }
        }
    }
}
