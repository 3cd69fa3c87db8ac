//! chronyc's replies and a chronyd that refuses to correct the clock, live
//! on every release, read as a terminal shows them: each reply means what
//! client.c prints for its status (candm.h's STT_*), read with the command
//! that got it, and a tracking report is read against the sources pasted
//! with it.

use crate::common;

use std::process::Command;
use std::time::Duration;

use common::lab::{Chronyd, wait_for};
use stratum::core::explain::{Explained, Kind, Rule, explain_all};
use stratum::i18n::{Lang, Localizer};

/// What a terminal shows for `chronyc -h SOCKET COMMAND`: chronyd's status
/// lines come on standard output, chronyc's own messages on standard error.
fn chronyc_shown(c: &Chronyd, command: &str) -> String {
    let out = Command::new(&c.chronyc)
        .arg("-h")
        .arg(&c.socket)
        .args(command.split_whitespace())
        .output()
        .expect("chronyc");
    format!(
        "{}{}",
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&out.stderr)
    )
}

/// Each command as an interactive session shows it: `chronyc> COMMAND`,
/// then what it printed.
fn session(c: &Chronyd, commands: &[String]) -> String {
    commands
        .iter()
        .map(|cmd| format!("chronyc> {cmd}\n{}", chronyc_shown(c, cmd)))
        .collect()
}

fn rules(e: &Explained) -> Vec<Rule> {
    e.findings.iter().map(|f| f.rule).collect()
}

fn arg<'a>(e: &'a Explained, rule: Rule, key: &str) -> Option<&'a str> {
    e.findings
        .iter()
        .find(|f| f.rule == rule)?
        .args
        .iter()
        .find(|(k, _)| *k == key)
        .map(|(_, v)| v.as_str())
}

fn text(e: &Explained, rule: Rule, lang: Lang) -> String {
    let f = e.findings.iter().find(|f| f.rule == rule).unwrap();
    Localizer::new(lang).finding_text(e.kind, f)
}

/// cmdmon.c answers a duplicate add STT_SOURCEALREADYKNOWN, a delete of an
/// unknown address STT_NOSUCHSOURCE, makestep STT_FAILED when the clock
/// cannot be stepped (-x: "disables the control of the system clock",
/// chronyd(8)), settime and smoothing STT_NOTENABLED without the manual
/// and smoothtime directives; chronyc itself says "Unrecognized command"
/// and "Could not get address for hostname". None is a release mismatch:
/// chronyc and chronyd are of one release here.
#[test]
fn each_reply_means_what_client_c_prints_for_its_command() {
    for r in common::releases() {
        eprintln!("chrony {}: chronyc's replies", r.label);
        let tmp = tempfile::tempdir().unwrap();
        let up = Chronyd::upstream(&r.chronyd, tmp.path());
        let c = Chronyd::start(
            &r.chronyd,
            tmp.path(),
            "client",
            &format!("server 127.0.0.1 port {} iburst minpoll -2 maxpoll -1", up.port),
        );
        let commands = [
            format!("add server 127.0.0.1 port {}", up.port),
            "delete 127.0.0.99".to_string(),
            "makestep".to_string(),
            "settime 12:00:00".to_string(),
            "smoothing".to_string(),
            "trackin".to_string(),
            // Refused by the resolver itself: no query leaves the host.
            format!("delete {}", common::netns::local_failure_name()),
        ];
        let text_shown = session(&c, &commands);
        for line in [
            "511 Source already present",
            "503 No such source",
            "500 Failure",
            "505 Facility not enabled in daemon",
            "Unrecognized command",
            "Could not get address for hostname",
        ] {
            assert!(
                text_shown.contains(line),
                "chrony {}: no {line:?}:\n{text_shown}",
                r.label
            );
        }
        let parts = explain_all(&text_shown).unwrap();
        let got: Vec<Vec<Rule>> = parts.iter().map(rules).collect();
        assert_eq!(
            got,
            vec![
                vec![Rule::SourceAlreadyPresent],
                vec![Rule::NoSuchSource],
                vec![Rule::ChronydFailed],
                vec![Rule::FacilityNotEnabled],
                vec![Rule::FacilityNotEnabled],
                vec![Rule::ChronycUnknownCommand],
                vec![Rule::ChronycNameUnresolved],
            ],
            "chrony {}:\n{text_shown}",
            r.label
        );
        assert!(parts.iter().all(|e| e.kind == Kind::ChronycError));
        // Each read with its command.
        assert_eq!(arg(&parts[2], Rule::ChronydFailed, "cause"), Some("makestep"));
        assert_eq!(
            arg(&parts[3], Rule::FacilityNotEnabled, "cause"),
            Some("manual")
        );
        assert_eq!(
            arg(&parts[4], Rule::FacilityNotEnabled, "cause"),
            Some("smoothtime")
        );
        assert_eq!(
            arg(&parts[5], Rule::ChronycUnknownCommand, "nearest"),
            Some("tracking")
        );
        for lang in Lang::ALL {
            assert!(text(&parts[3], Rule::FacilityNotEnabled, lang).contains("manual"));
        }
        for (i, e) in parts.iter().enumerate() {
            let en = text(e, e.findings[0].rule, Lang::En);
            assert!(
                !en.contains("same release"),
                "chrony {}: part {i} gives release advice: {en}",
                r.label
            );
        }
    }
}

/// chrony.conf(5) maxchange: "Offsets larger than the specified maximum
/// will be ignored for the specified number of times … A negative value can
/// be used to disable the limit to ignore all large offsets. A syslog
/// message will be generated when an offset is ignored." A client whose
/// only source is 2 s off (`offset 2`) under `maxchange 0.5 0 -1` selects
/// it (`*`, reach 377) and never synchronises: tracking's "not
/// synchronised" names maxchange (from chronyd's log line when it is
/// pasted, as the cause to look for when not), never the firewall or DNS
/// the same paste rules out; selectdata's 2 s interval is a finding.
#[test]
fn a_client_that_ignores_every_correction_is_not_blamed_on_the_network() {
    for r in common::releases() {
        eprintln!("chrony {}: maxchange ignoring every update", r.label);
        let tmp = tempfile::tempdir().unwrap();
        let up = Chronyd::upstream(&r.chronyd, tmp.path());
        let c = Chronyd::start(
            &r.chronyd,
            tmp.path(),
            "client",
            &format!(
                "server 127.0.0.1 port {} iburst minpoll -2 maxpoll -1 offset 2\nmaxchange 0.5 0 -1",
                up.port
            ),
        );
        wait_for(Duration::from_secs(20), || {
            let selected = c
                .chronyc(&["-c", "sources"])
                .lines()
                .any(|l| l.starts_with("^,*,"));
            (selected && c.log_text().contains("exceeds the allowed maximum")).then_some(())
        })
        .unwrap_or_else(|| {
            panic!(
                "chrony {}: no selected source with ignored updates:\n{}\n{}",
                r.label,
                c.chronyc(&["sources"]),
                c.log_text()
            )
        });
        let tracking = c.chronyc(&["tracking"]);
        let sources = c.chronyc(&["sources"]);
        assert!(
            tracking.contains("Not synchronised"),
            "chrony {}: {tracking}",
            r.label
        );
        let log: String = c
            .log_text()
            .lines()
            .filter(|l| l.contains("Adjustment of"))
            .map(|l| format!("{l}\n"))
            .collect();
        let shell = |log: &str| {
            format!(
                "{log}[root@lab ~]# chronyc tracking\n{tracking}[root@lab ~]# chronyc sources\n{sources}"
            )
        };
        for (paste, cause) in [
            (shell(&log), "maxchange"),
            (shell(""), "selected-source"),
        ] {
            let parts = explain_all(&paste).unwrap();
            let t = parts
                .iter()
                .find(|e| e.kind == Kind::ChronycTracking)
                .unwrap();
            assert_eq!(
                arg(t, Rule::NotSynchronised, "cause"),
                Some(cause),
                "chrony {}:\n{paste}",
                r.label
            );
            for lang in Lang::ALL {
                let said = text(t, Rule::NotSynchronised, lang);
                assert!(said.contains("maxchange"), "{said}");
                assert!(
                    !said.contains("UDP 123") && !said.contains("firewall"),
                    "chrony {}: {said}",
                    r.label
                );
            }
        }
        let select = explain_all(&c.chronyc(&["selectdata"])).unwrap();
        assert!(
            rules(&select[0]).contains(&Rule::SourceOffsetLarge),
            "chrony {}: {:?}",
            r.label,
            rules(&select[0])
        );
    }
}
