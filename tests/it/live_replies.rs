//! chronyc's replies and a chronyd that refuses to correct the clock, live
//! on every release, read as a terminal shows them: each reply means what
//! client.c prints for its status (candm.h's STT_*), read with the command
//! that got it, and a tracking report is read against the sources pasted
//! with it.

use crate::common;

use std::process::Command;
use std::time::Duration;

use common::lab::{Chronyd, wait_for};
use stratum::core::explain::{Explained, Kind, Rule, Why, explain_all};
use stratum::i18n::{Lang, Localizer};

/// What a terminal shows for `chronyc -h SOCKET COMMAND`: chronyd's status
/// lines come on standard output, chronyc's own messages on standard error.
fn chronyc_shown(c: &Chronyd, command: &str) -> String {
    shown_by(&c.chronyc, c, command)
}

/// The same with the chronyc at `chronyc` (of another release, say).
fn shown_by(chronyc: &std::path::Path, c: &Chronyd, command: &str) -> String {
    let out = Command::new(chronyc)
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
            &format!(
                "server 127.0.0.1 port {} iburst minpoll -2 maxpoll -1",
                up.port
            ),
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
        assert_eq!(
            arg(&parts[2], Rule::ChronydFailed, "cause"),
            Some("makestep")
        );
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
        for (paste, cause) in [(shell(&log), "maxchange"), (shell(""), "selected-source")] {
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

/// The other statuses cmdmon.c answers, each with client.c's text and its
/// own meaning: `clients` without a client log (STT_INACTIVE, 519, under
/// the report's header), a subnet with 33 bits (STT_BADSUBNET, 507),
/// `manual delete` of a sample that is not there (STT_BADSAMPLE, 516),
/// smoothtime without the smoothtime directive (STT_NOTENABLED, 505),
/// the RTC without rtcfile (STT_NORTC, 513), and accheck's answer for an
/// address no allow line covers (STT_ACCESSDENIED, 209).
#[test]
fn each_refusal_says_its_own_cause() {
    for r in common::releases() {
        eprintln!("chrony {}: refusals", r.label);
        let tmp = tempfile::tempdir().unwrap();
        let c = Chronyd::start(&r.chronyd, tmp.path(), "server", "noclientlog");
        let cases = [
            ("clients", Rule::ClientLogOff),
            ("allow 10.0.0.0/33", Rule::BadSubnet),
            ("manual delete 5", Rule::NoSuchSample),
            ("smoothtime reset", Rule::FacilityNotEnabled),
            ("rtcdata", Rule::RtcNotTracked),
            ("writertc", Rule::RtcNotTracked),
            ("settime 12:00:00", Rule::FacilityNotEnabled),
        ];
        for (command, rule) in cases {
            let shown = format!("chronyc> {command}\n{}", chronyc_shown(&c, command));
            let parts = explain_all(&shown).unwrap();
            assert_eq!(parts.len(), 1, "chrony {}: {shown}", r.label);
            assert_eq!(
                (parts[0].kind, rules(&parts[0])),
                (Kind::ChronycError, vec![rule]),
                "chrony {}:\n{shown}",
                r.label
            );
        }
        // 519 under the header of the report it answers.
        let clients = explain_all(&chronyc_shown(&c, "clients")).unwrap();
        assert_eq!(
            arg(&clients[0], Rule::ClientLogOff, "report"),
            Some("chronyc-clients")
        );
        let smooth = explain_all(&format!(
            "chronyc> smoothtime reset\n{}",
            chronyc_shown(&c, "smoothtime reset")
        ))
        .unwrap();
        assert_eq!(
            arg(&smooth[0], Rule::FacilityNotEnabled, "cause"),
            Some("smoothtime")
        );
        let shown = format!(
            "chronyc> accheck 127.0.0.1\n{}",
            chronyc_shown(&c, "accheck 127.0.0.1")
        );
        let parts = explain_all(&shown).unwrap();
        assert_eq!(parts[0].kind, Kind::ChronycOk, "{shown}");
        assert_eq!(
            parts[0].fields[0].reason.as_ref().map(|r| r.id),
            Some(Why::AccessDenied),
            "chrony {}: {shown}",
            r.label
        );
    }
}

/// candm.h's statuses of chronyc and chronyd that do not understand each
/// other, live between the oldest and the newest release: a command the
/// old chronyd does not have (selectopts, STT_INVALID: "502 Invalid
/// command"), a reply of another layout than the client asked for
/// (serverstats from 4.4 on: "508 Bad reply from daemon"), and an old
/// client's shorter request ("518 Packet length mismatch"). Only these get
/// "use the chronyc of the same release".
#[test]
fn releases_that_do_not_understand_each_other_are_told_so() {
    let releases = common::releases();
    let (Some(old), Some(new)) = (releases.first(), releases.last()) else {
        return;
    };
    let v = stratum::core::conf::ChronyVersion::new;
    if old.version >= v(4, 3) || new.version < v(4, 4) {
        eprintln!(
            "skipped: needs a chrony before 4.3 and one from 4.4 on (scripts/chrony-releases.sh)"
        );
        return;
    }
    let tmp = tempfile::tempdir().unwrap();
    let old_d = Chronyd::start(&old.chronyd, tmp.path(), "old", "allow 127.0.0.0/8");
    let new_d = Chronyd::start(&new.chronyd, tmp.path(), "new", "allow 127.0.0.0/8");
    let new_c = common::chronyc_for(&new.chronyd);
    let old_c = common::chronyc_for(&old.chronyd);
    for (chronyc, d, command, line) in [
        (
            &new_c,
            &old_d,
            "selectopts 127.0.0.1 +prefer",
            "502 Invalid command",
        ),
        (&new_c, &old_d, "serverstats", "508 Bad reply from daemon"),
        (&old_c, &new_d, "serverstats", "518 Packet length mismatch"),
    ] {
        let shown = format!("chronyc> {command}\n{}", shown_by(chronyc, d, command));
        assert!(shown.contains(line), "{shown}");
        let parts = explain_all(&shown).unwrap();
        let e = parts.last().unwrap();
        assert!(
            rules(e).contains(&Rule::ReleaseMismatch),
            "{shown}: {:?}",
            rules(e)
        );
        for lang in Lang::ALL {
            assert!(text(e, Rule::ReleaseMismatch, lang).contains("chronyc -v"));
        }
    }
}

/// The local date and time `secs` from now, as `date` prints it and
/// chronyc's settime reads it (chronyc(1): "settime Nov 21, 2015 16:30:05").
fn local_time_in(secs: i64) -> String {
    let out = Command::new("date")
        .arg("-d")
        .arg(format!("{secs:+} seconds"))
        .arg("+%b %d, %Y %H:%M:%S")
        .output()
        .expect("date");
    String::from_utf8_lossy(&out.stdout).trim().to_string()
}

/// chronyc(1) settime: chronyd "will take [the time] as the current time …
/// and adjust the frequency"; its reply is `200 OK` and "Clock was N
/// seconds fast.  Frequency change = …ppm, new frequency = …ppm". Two
/// samples 3 s apart whose errors differ by 4 s drive the frequency to the
/// driver's limit (chrony.conf(5) maxdrift: 100000 ppm on Linux), which
/// the reply, tracking (reference 7F7F0101) and `manual list` (text and
/// `-c`, chronyc(1): "-c … CSV format") all show, live on every release.
/// `chronyd -x` never sets the system clock.
#[test]
fn settime_replies_and_manual_samples_are_read_and_an_absurd_frequency_is_named() {
    for r in common::releases() {
        eprintln!("chrony {}: settime in manual mode", r.label);
        let tmp = tempfile::tempdir().unwrap();
        let c = Chronyd::start(&r.chronyd, tmp.path(), "manual", "manual\nlocal stratum 10");
        let first = c.chronyc(&["settime", &local_time_in(2)]);
        let e = &explain_all(&first).unwrap()[0];
        assert_eq!(e.kind, Kind::ChronycSettime, "chrony {}: {first}", r.label);
        assert!(rules(e).is_empty(), "chrony {}: {first}", r.label);
        std::thread::sleep(Duration::from_secs(3));
        let second = c.chronyc(&["settime", &local_time_in(-2)]);
        let e = &explain_all(&second).unwrap()[0];
        assert_eq!(e.kind, Kind::ChronycSettime, "chrony {}: {second}", r.label);
        assert_eq!(
            rules(e),
            vec![Rule::SettimeFrequencyLimit],
            "chrony {}: {second}",
            r.label
        );
        for lang in Lang::ALL {
            let said = text(e, Rule::SettimeFrequencyLimit, lang);
            assert!(
                said.contains("100000 ppm") && said.contains("manual reset"),
                "{said}"
            );
        }
        // The same frequency in tracking: the finding names manual input.
        let tracking = c.chronyc(&["tracking"]);
        let t = &explain_all(&tracking).unwrap()[0];
        let freq = t
            .fields
            .iter()
            .find(|f| f.name == stratum::core::explain::FieldId::Frequency)
            .unwrap();
        assert_eq!(
            freq.reason.as_ref().map(|r| r.id),
            Some(Why::FrequencyLimit),
            "chrony {}: {tracking}",
            r.label
        );
        let said = Localizer::new(Lang::En).reason_text(freq.reason.as_ref().unwrap());
        assert!(
            said.contains("100000 ppm on Linux") && !said.contains("maxdrift is 500"),
            "{said}"
        );
        // manual list, as text and as CSV: the two samples.
        for args in [&["manual", "list"][..], &["-c", "manual", "list"][..]] {
            let shown = c.chronyc(args);
            let m = &explain_all(&shown).unwrap()[0];
            assert_eq!(
                (m.kind, m.rows.len()),
                (Kind::ChronycManualList, 2),
                "chrony {}: {shown}",
                r.label
            );
        }
    }
}

/// chronyc(1) rtcdata needs chronyd to track the RTC; with rtcfile set and
/// no RTC device to open (chrony.conf(5) rtcdevice, here a path that does
/// not exist; rtc_linux.c: "Could not open RTC device"), chronyd answers
/// 513 "RTC driver not running", and the finding names the device too.
#[test]
fn an_rtc_report_refused_with_rtcfile_set_names_the_rtc_device() {
    for r in common::releases() {
        let tmp = tempfile::tempdir().unwrap();
        let body = format!(
            "rtcfile {0}/rtc\nrtcdevice {0}/no-such-rtc",
            tmp.path().display()
        );
        let c = Chronyd::start(&r.chronyd, tmp.path(), "rtc", &body);
        let shown = format!("chronyc> rtcdata\n{}", chronyc_shown(&c, "rtcdata"));
        let parts = explain_all(&shown).unwrap();
        assert_eq!(
            rules(&parts[0]),
            vec![Rule::RtcNotTracked],
            "chrony {}: {shown}",
            r.label
        );
        for lang in Lang::ALL {
            let said = text(&parts[0], Rule::RtcNotTracked, lang);
            assert!(
                said.contains("/dev/rtc") && said.contains("rtcdevice"),
                "{said}"
            );
        }
    }
}

/// What every release's chronyc prints when nothing answers on another
/// command port (`-p N`: "506 Cannot talk to daemon") names that port, not
/// 323; `-h [::1]` (chronyc takes an IPv6 host without brackets: "Could not
/// open connection to daemon") is told as the wrong host form, not as a
/// chronyd that is not running.
#[test]
fn an_unreachable_daemon_names_the_port_and_host_form_the_paste_shows() {
    for r in common::releases() {
        let chronyc = common::chronyc_for(&r.chronyd);
        // Nothing listens here: chronyc gets "port unreachable" at once.
        let port = common::lab::free_udp_port().to_string();
        for (host, bracketed) in [("127.0.0.1", false), ("[::1]", true)] {
            let args = ["-h", host, "-p", &port, "tracking"];
            let out = Command::new(&chronyc).args(args).output().expect("chronyc");
            let shown = format!(
                "$ chronyc {}\n{}{}",
                args.join(" "),
                String::from_utf8_lossy(&out.stdout),
                String::from_utf8_lossy(&out.stderr)
            );
            let parts = explain_all(&shown).unwrap();
            assert_eq!(
                rules(&parts[0]),
                vec![Rule::DaemonUnreachable],
                "chrony {}: {shown}",
                r.label
            );
            for lang in Lang::ALL {
                let said = text(&parts[0], Rule::DaemonUnreachable, lang);
                let numbers = said.split(|c: char| !c.is_ascii_digit());
                assert!(
                    !numbers.clone().any(|n| n == "323"),
                    "chrony {}: {said}",
                    r.label
                );
                if bracketed {
                    assert!(
                        said.contains("-h ::1") && !said.contains("systemctl"),
                        "chrony {}: {shown}\n{said}",
                        r.label
                    );
                } else {
                    assert!(
                        numbers.clone().any(|n| n == port),
                        "chrony {}: {said}",
                        r.label
                    );
                }
            }
        }
    }
}
