//! Settings every release takes without a word that do not do what they
//! say, shown live as lint says them.

use crate::common;

use std::time::Duration;

use common::lab::{Chronyd, wait_for};
use stratum::core::conf::lint::{LintOptions, Rule, lint};
use stratum::core::conf::{ChronyVersion, Document};

use super::{corpus_text, ported};

/// The polling interval chronyd uses for a client's one source (chronyc -c
/// sources, log2 seconds).
fn poll(c: &Chronyd) -> Option<i64> {
    c.chronyc(&["-c", "sources"])
        .split(',')
        .nth(4)
        .and_then(|p| p.trim().parse().ok())
}

/// What lint warns of, chronyd does: chrony.conf(5) gives polltarget a
/// useful range of 6 to 60. With 61 chronyd keeps the interval at or near
/// minpoll, never longer than it starts, while the default (8) has
/// lengthened it; with 2 (and before 4.7 with -5) it is at maxpoll by
/// then (minpoll -2, maxpoll 2, every release).
#[test]
fn a_polltarget_outside_6_to_60_polls_as_lint_says_on_every_release() {
    let high = corpus_text("ok-polltarget-61.conf");
    for r in common::releases() {
        let tmp = tempfile::tempdir().unwrap();
        let up = Chronyd::upstream(&r.chronyd, tmp.path());
        let mut files = vec![
            ("default", high.replace(" polltarget 61", ""), None),
            ("high", high.clone(), Some("high")),
            (
                "low",
                high.replace("polltarget 61", "polltarget 2"),
                Some("low"),
            ),
        ];
        // Below 1: used as given before 4.4 (the adjustment divides by
        // it), raised to 1 by 4.4-4.6, refused from 4.7 (an error).
        if r.version < ChronyVersion::STRICT_INTEGERS {
            let case = if r.version >= ChronyVersion::new(4, 4) {
                "raised"
            } else {
                "unchecked"
            };
            files.push((
                "negative",
                high.replace("polltarget 61", "polltarget -5"),
                Some(case),
            ));
        }
        let mut daemons = Vec::new();
        for (name, text, case) in &files {
            let text = ported(text, up.port, "");
            let said: Vec<String> = lint(
                &Document::parse(&text),
                &LintOptions {
                    version: r.version,
                    ..Default::default()
                },
            )
            .into_iter()
            .filter(|d| d.rule == Rule::PolltargetRange)
            .map(|d| d.arg("case").unwrap_or("").to_string())
            .collect();
            assert_eq!(
                said,
                case.iter().map(|c| c.to_string()).collect::<Vec<_>>(),
                "chrony {}: {name}",
                r.label
            );
            daemons.push(Chronyd::start(&r.chronyd, tmp.path(), name, &text));
        }
        // Watch the target-61 client until the default one has lengthened
        // its interval to 2 s.
        let mut seen = Vec::new();
        let lengthened = wait_for(Duration::from_secs(60), || {
            seen.extend(poll(&daemons[1]));
            poll(&daemons[0]).filter(|p| *p >= 1)
        });
        assert!(
            lengthened.is_some(),
            "chrony {}: the default never lengthened its polling: {}",
            r.label,
            daemons[0].chronyc(&["sources"])
        );
        // It starts at 0 (chronyd's shortest interval for a source not yet
        // reached) and only ever shortens it.
        assert!(
            !seen.is_empty()
                && seen.iter().all(|p| *p <= 0)
                && poll(&daemons[1]).is_some_and(|p| p < 0),
            "chrony {}: polltarget 61 polled at {seen:?}",
            r.label
        );
        // A low target lengthens to maxpoll (2); under load a client can
        // still be one step behind when the default reaches 1, so wait for
        // it rather than read it at that instant.
        for (c, (name, ..)) in daemons.iter().zip(&files).skip(2) {
            assert!(
                wait_for(Duration::from_secs(30), || (poll(c) == Some(2))
                    .then_some(()))
                .is_some(),
                "chrony {}: {name}: {}",
                r.label,
                c.chronyc(&["sources"])
            );
        }
    }
}

/// What lint warns of, chronyd does: a sourcedir that does not exist is
/// read as an empty one, without a message; once the directory and a
/// .sources file are there, `chronyc reload sources` loads it.
#[test]
fn a_missing_sourcedir_loads_nothing_until_it_exists_on_every_release() {
    for r in common::releases() {
        let tmp = tempfile::tempdir().unwrap();
        let up = Chronyd::upstream(&r.chronyd, tmp.path());
        let dir = tmp.path().join("sources.d");
        let text = ported(
            &corpus_text("ok-sourcedir-missing.conf")
                .replace("@DIR@/no-such-dir", dir.to_str().unwrap()),
            up.port,
            "",
        );
        let missing = || {
            let exists = |p: &str| std::path::Path::new(p).exists();
            lint(
                &Document::parse(&text),
                &LintOptions {
                    version: r.version,
                    path_exists: Some(&exists),
                    ..Default::default()
                },
            )
            .iter()
            .any(|d| d.rule == Rule::SourcedirMissing)
        };
        assert!(missing(), "chrony {}: {text}", r.label);
        let c = Chronyd::start(&r.chronyd, tmp.path(), "client", &text);
        let rows = || c.chronyc(&["-c", "sources"]).lines().count();
        assert!(
            wait_for(Duration::from_secs(10), || (rows() == 1).then_some(())).is_some(),
            "chrony {}: {}",
            r.label,
            c.chronyc(&["sources"])
        );
        std::fs::create_dir(&dir).unwrap();
        std::fs::write(
            dir.join("lab.sources"),
            format!("server 127.0.0.2 port {} iburst\n", up.port),
        )
        .unwrap();
        assert!(!missing(), "chrony {}", r.label);
        assert_eq!(rows(), 1, "chrony {}: loaded before a reload", r.label);
        c.chronyc(&["reload", "sources"]);
        assert!(
            wait_for(Duration::from_secs(10), || (rows() == 2).then_some(())).is_some(),
            "chrony {}: after reload sources: {}",
            r.label,
            c.chronyc(&["sources"])
        );
    }
}

/// What lint hints, chronyd does: chrony.conf(5) gives maxsamples and
/// minsamples a useful range of 4 to 64, and chronyd keeps at most 64
/// samples of a source: with `maxsamples 100` and `minsamples 65` the
/// count (chronyc sourcestats NP) reaches 64 and stays there.
#[test]
fn samples_beyond_64_act_as_64_on_every_release() {
    let text =
        corpus_text("ok-samples-capped.conf").replace("iburst", "iburst minpoll -4 maxpoll -4");
    for r in common::releases() {
        let tmp = tempfile::tempdir().unwrap();
        let up = Chronyd::upstream(&r.chronyd, tmp.path());
        let text = ported(&text, up.port, "");
        let hints = lint(
            &Document::parse(&text),
            &LintOptions {
                version: r.version,
                ..Default::default()
            },
        )
        .iter()
        .filter(|d| d.rule == Rule::SamplesCapped)
        .count();
        assert_eq!(hints, 2, "chrony {}: {text}", r.label);
        let c = Chronyd::start(&r.chronyd, tmp.path(), "client", &text);
        let samples = || -> Option<i64> {
            c.chronyc(&["-c", "sourcestats"])
                .split(',')
                .nth(1)
                .and_then(|n| n.trim().parse().ok())
        };
        assert!(
            wait_for(Duration::from_secs(30), || samples().filter(|n| *n >= 64)).is_some(),
            "chrony {}: {}",
            r.label,
            c.chronyc(&["sourcestats"])
        );
        for _ in 0..20 {
            assert_eq!(samples(), Some(64), "chrony {}", r.label);
            std::thread::sleep(Duration::from_millis(100));
        }
    }
}

/// What lint says of a minpoll below the release's minimum, chronyd does:
/// ntp_core.c (4.0, 4.3, 4.6.1, master after 4.8) replaces it with the
/// default 6 and raises maxpoll to it, so `minpoll -8 maxpoll -6` polls at
/// 6 (64 s), while `minpoll -6 maxpoll -6`, valid on every release, polls
/// at -6.
#[test]
fn a_minpoll_below_the_minimum_polls_at_the_default_on_every_release() {
    let text = corpus_text("ok-minpoll-below-minimum.conf");
    for r in common::releases() {
        let said: Vec<(String, String)> = lint(
            &Document::parse(&text),
            &LintOptions {
                version: r.version,
                ..Default::default()
            },
        )
        .into_iter()
        .filter(|d| d.rule == Rule::PollBelowMinimum)
        .map(|d| {
            let arg = |k| d.arg(k).unwrap_or("").to_string();
            (arg("minpoll"), arg("maxpoll"))
        })
        .collect();
        assert_eq!(said, [("6".into(), "6".into())], "chrony {}", r.label);
        let tmp = tempfile::tempdir().unwrap();
        let up = Chronyd::upstream(&r.chronyd, tmp.path());
        let low = Chronyd::start(&r.chronyd, tmp.path(), "low", &ported(&text, up.port, ""));
        let valid = text.replace("minpoll -8", "minpoll -6");
        let fast = Chronyd::start(&r.chronyd, tmp.path(), "fast", &ported(&valid, up.port, ""));
        let reached = |c: &Chronyd| {
            c.chronyc(&["-c", "sources"])
                .split(',')
                .nth(5)
                .is_some_and(|reach| reach.trim() != "0")
        };
        let both = wait_for(Duration::from_secs(30), || {
            (reached(&low) && reached(&fast)).then_some(())
        });
        assert!(
            both.is_some(),
            "chrony {}: {} / {}",
            r.label,
            low.chronyc(&["sources"]),
            fast.chronyc(&["sources"])
        );
        assert_eq!(
            poll(&low),
            Some(6),
            "chrony {}: {}",
            r.label,
            low.chronyc(&["sources"])
        );
        assert_eq!(
            poll(&fast),
            Some(-6),
            "chrony {}: {}",
            r.label,
            fast.chronyc(&["sources"])
        );
    }
}

/// The rules lint gives `text` under `r`'s rules, of those listed.
fn said(text: &str, r: &common::Release, of: &[Rule]) -> Vec<Rule> {
    super::lint_rules(text, r.version)
        .into_iter()
        .filter(|d| of.contains(d))
        .collect()
}

/// Every file named `name` under `dir`, at any depth.
fn files_named(dir: &std::path::Path, name: &str) -> usize {
    std::fs::read_dir(dir)
        .into_iter()
        .flatten()
        .flatten()
        .map(|e| e.path())
        .map(|p| {
            if p.is_dir() {
                files_named(&p, name)
            } else {
                usize::from(p.file_name().is_some_and(|n| n == name))
            }
        })
        .sum()
}

/// What lint warns of, chronyd does: `log` without `logdir` starts with
/// "logdir not specified" and writes no log while it synchronises; with a
/// logdir the same line writes measurements.log there (chrony.conf(5) log).
#[test]
fn logs_without_a_logdir_are_not_written_on_every_release() {
    let text = corpus_text("ok-log-without-logdir.conf");
    for r in common::releases() {
        let tmp = tempfile::tempdir().unwrap();
        let up = Chronyd::upstream(&r.chronyd, tmp.path());
        let bare = ported(&text, up.port, "minpoll -2 maxpoll -1");
        let logs = tmp.path().join("logs");
        std::fs::create_dir(&logs).unwrap();
        let with_dir = format!("{bare}logdir {}\n", logs.display());
        assert_eq!(said(&bare, &r, &[Rule::LogNoLogdir]), [Rule::LogNoLogdir]);
        assert!(said(&with_dir, &r, &[Rule::LogNoLogdir]).is_empty());
        let daemons = [
            Chronyd::start(&r.chronyd, tmp.path(), "logdir", &with_dir),
            Chronyd::start(&r.chronyd, tmp.path(), "nologdir", &bare),
        ];
        assert!(
            wait_for(Duration::from_secs(20), || daemons
                .iter()
                .all(super::follows_at_stratum_2)
                .then_some(())
                .filter(|_| files_named(&logs, "measurements.log") > 0))
            .is_some(),
            "chrony {}: {}",
            r.label,
            daemons[0].log_text()
        );
        assert!(
            daemons[1].log_text().contains("logdir not specified"),
            "chrony {}: {}",
            r.label,
            daemons[1].log_text()
        );
        assert_eq!(
            files_named(tmp.path(), "measurements.log"),
            1,
            "chrony {}: only the logdir's",
            r.label
        );
    }
}

/// What lint warns of, chronyd does: `server [::1]` starts without a word
/// and never synchronises (the bracketed form is a host name to chronyd),
/// while `server ::1` to the same server does.
#[test]
fn a_bracketed_ipv6_source_is_never_used_on_every_release() {
    if std::net::UdpSocket::bind("[::1]:0").is_err() {
        eprintln!("skipped: no IPv6 loopback on this machine");
        return;
    }
    use common::netns::{self, Loopback};
    if !netns::available(Loopback::Only) {
        eprintln!("skipped: no loopback-only network namespace on this machine");
        return;
    }
    for r in common::releases() {
        let tmp = tempfile::tempdir().unwrap();
        let up = Chronyd::start(
            &r.chronyd,
            tmp.path(),
            "upstream",
            "local stratum 1\nbindaddress ::1\nallow 127.0.0.0/8\nallow ::1",
        );
        let source = |host: &str| {
            format!(
                "server {host} port {} iburst minpoll -2 maxpoll -1\n",
                up.port
            )
        };
        let (bare, bracketed) = (source("::1"), source("[::1]"));
        assert!(said(&bare, &r, &[Rule::SourceBrackets]).is_empty());
        assert_eq!(
            said(&bracketed, &r, &[Rule::SourceBrackets]),
            [Rule::SourceBrackets]
        );
        // "[::1]" is a name to the resolver: looked up only where no query
        // can leave loopback.
        let (isolated, _) =
            Chronyd::start_isolated(&r.chronyd, tmp.path(), "bracketed", &bracketed);
        let daemons = [
            Chronyd::start(&r.chronyd, tmp.path(), "bare", &bare),
            isolated,
        ];
        super::only_the_first_synchronises(&r.label, &daemons, "server ::1");
        // It runs and holds the source as a name that never resolved (in
        // its namespace ::1 would answer nothing either, so this is what
        // shows chronyd did not read an address).
        let unknown = wait_for(Duration::from_secs(10), || {
            daemons[1]
                .chronyc(&["activity"])
                .lines()
                .find(|l| l.contains("unknown address"))
                .and_then(|l| l.split_whitespace().next()?.parse::<u32>().ok())
        });
        assert_eq!(
            unknown,
            Some(1),
            "chrony {}: {}",
            r.label,
            daemons[1].log_text()
        );
    }
}

/// What lint warns of, chronyd does: chrony.conf(5) allow, "the allow all
/// 1.2.0.0/16 directive overrides the effect of any previous directive
/// relating to a subnet within the specified subnet". After `deny
/// 10.0.0.0/8`, `allow all` lets 10.1.2.3 in (chronyc accheck); a plain
/// `allow`, or the deny after it, keeps it out.
#[test]
fn allow_all_cancels_an_earlier_deny_on_every_release() {
    let text = corpus_text("ok-allow-all-after-deny.conf");
    let files = [
        ("cancelled", text.clone(), "Access allowed", true),
        (
            "plain",
            text.replace("allow all", "allow"),
            "Access denied",
            false,
        ),
        (
            "reordered",
            text.replace("deny 10.0.0.0/8\nallow all", "allow all\ndeny 10.0.0.0/8"),
            "Access denied",
            false,
        ),
    ];
    for r in common::releases() {
        let tmp = tempfile::tempdir().unwrap();
        for (name, text, answer, warned) in &files {
            assert_eq!(
                !said(text, &r, &[Rule::AccessOverridden]).is_empty(),
                *warned,
                "chrony {}: {name}",
                r.label
            );
            let c = Chronyd::start(&r.chronyd, tmp.path(), name, text);
            let got = wait_for(Duration::from_secs(10), || {
                let out = c.chronyc(&["accheck", "10.1.2.3"]);
                out.contains("Access").then_some(out)
            })
            .unwrap_or_default();
            assert!(got.contains(answer), "chrony {}: {name}: {got}", r.label);
        }
    }
}

/// What lint says of initstepslew, chronyd does (chrony.conf(5)
/// initstepslew: the servers it names are "rapidly polled several times"
/// at start, then "chronyd then enters its normal operating mode"). Every
/// release starts with the corpus file; its initstepslew server (port 123
/// of loopback, where the lab serves nothing) never answers, so the start
/// ends in "No suitable source for initstepslew" without a step, and the
/// ordinary server line then synchronises the clock: a step at start needs
/// the named servers, which is why lint points to makestep.
#[test]
fn initstepslew_ends_its_start_phase_and_every_release_goes_on_to_its_servers() {
    let text = corpus_text("ok-initstepslew.conf");
    for r in common::releases() {
        let rules = lint(
            &Document::parse(&text),
            &LintOptions {
                version: r.version,
                ..Default::default()
            },
        )
        .into_iter()
        .map(|d| d.rule)
        .collect::<Vec<_>>();
        assert!(rules.contains(&Rule::InitstepslewUseMakestep), "{rules:?}");
        assert!(!rules.contains(&Rule::NoMakestep), "{rules:?}");
        let tmp = tempfile::tempdir().unwrap();
        let up = Chronyd::upstream(&r.chronyd, tmp.path());
        let c = Chronyd::start(
            &r.chronyd,
            tmp.path(),
            "client",
            &ported(&text, up.port, "minpoll -2 maxpoll -1"),
        );
        // The initstepslew phase ends either way: no answer on port 123
        // (this lab), or a measurement if this machine serves NTP there.
        let ended = wait_for(Duration::from_secs(30), || {
            let log = c.log_text();
            (log.contains("No suitable source for initstepslew")
                || log.contains("System's initial offset"))
            .then_some(log)
        });
        assert!(
            ended.is_some(),
            "chrony {}: initstepslew never ended: {}",
            r.label,
            c.log_text()
        );
        assert!(
            wait_for(Duration::from_secs(30), || super::follows_at_stratum_2(&c)
                .then_some(()))
            .is_some(),
            "chrony {}: never followed its server after initstepslew: {}\n{}",
            r.label,
            c.chronyc(&["tracking"]),
            c.log_text()
        );
    }
}

/// What lint warns of, chronyd does (R17 F3): `server 127.0.0.1:PORT` is a
/// host name that never resolves, so chronyd starts and counts a source
/// with unknown address, while `server 127.0.0.1 port PORT` has none. Run
/// in a loopback-only namespace, where the name's lookup reaches no
/// resolver.
#[test]
fn a_source_written_host_colon_port_never_resolves_on_every_release() {
    use common::netns::{self, Loopback};
    if !netns::available(Loopback::Only) {
        eprintln!("skipped: no loopback-only network namespace on this machine");
        return;
    }
    for r in common::releases() {
        let tmp = tempfile::tempdir().unwrap();
        let port = common::lab::free_udp_port();
        let (colon, option) = (
            format!("server 127.0.0.1:{port} iburst\n"),
            format!("server 127.0.0.1 port {port} iburst\n"),
        );
        assert_eq!(
            said(&colon, &r, &[Rule::SourceHostPort]),
            [Rule::SourceHostPort]
        );
        assert!(said(&option, &r, &[Rule::SourceHostPort]).is_empty());
        let unknown = |c: &Chronyd| {
            c.chronyc(&["activity"])
                .lines()
                .find(|l| l.contains("unknown address"))
                .and_then(|l| l.split_whitespace().next()?.parse::<u32>().ok())
        };
        for (name, text, want) in [("colon", &colon, 1), ("option", &option, 0)] {
            let (c, _) = Chronyd::start_isolated(&r.chronyd, tmp.path(), name, text);
            let got = wait_for(Duration::from_secs(10), || unknown(&c));
            assert_eq!(
                got,
                Some(want),
                "chrony {}: {name}: {}",
                r.label,
                c.log_text()
            );
        }
    }
}

/// What lint warns of, chronyd does (R17 F4): every release logs "Timezone
/// Asia/Shanghai failed leap second check, ignoring"; right/UTC passes.
#[test]
fn a_leapsectz_zone_without_leap_seconds_is_ignored_on_every_release() {
    let zones = std::path::Path::new("/usr/share/zoneinfo");
    if !zones.join("right/UTC").exists() || !zones.join("Asia/Shanghai").exists() {
        eprintln!("skipped: no right/UTC or Asia/Shanghai in /usr/share/zoneinfo (tzdata)");
        return;
    }
    let text = corpus_text("ok-leapsectz-no-leaps.conf");
    for r in common::releases() {
        let tmp = tempfile::tempdir().unwrap();
        for (zone, warned) in [("Asia/Shanghai", true), ("right/UTC", false)] {
            let conf = text.replace("Asia/Shanghai", zone);
            assert_eq!(
                !said(&conf, &r, &[Rule::LeapsectzNoLeaps]).is_empty(),
                warned,
                "{zone}"
            );
            let name = zone.replace('/', "-");
            let c = Chronyd::start(&r.chronyd, tmp.path(), &name, &conf);
            // Checked at start, before the first source answers.
            let _ = wait_for(Duration::from_secs(3), || {
                c.log_text().contains("leap second check").then_some(())
            });
            assert_eq!(
                c.log_text()
                    .contains(&format!("Timezone {zone} failed leap second check")),
                warned,
                "chrony {}: {zone}: {}",
                r.label,
                c.log_text()
            );
        }
    }
}

/// R25-1: a source port above 65535 is taken modulo 65536 before 4.7
/// (cmdparse.c 4.0–4.6.1 `sscanf("%d")` into an int, a 16-bit port in
/// use): the upstream's port plus 65536 reaches the upstream, as lint
/// says; from 4.7 lint says chronyd refuses the line.
#[test]
fn a_source_port_above_65535_is_used_modulo_65536_as_lint_says() {
    for r in common::releases() {
        let tmp = tempfile::tempdir().unwrap();
        let up = Chronyd::upstream(&r.chronyd, tmp.path());
        let port = u32::from(up.port) + 65536;
        let text =
            format!("server 127.0.0.1 port {port} iburst minpoll -2 maxpoll 0\nmakestep 1 -1\n");
        let said = lint(
            &Document::parse(&text),
            &LintOptions {
                version: r.version,
                ..Default::default()
            },
        );
        if r.version >= ChronyVersion::STRICT_INTEGERS {
            assert!(
                said.iter().any(|d| d.rule == Rule::OutOfRange)
                    && !said.iter().any(|d| d.rule == Rule::PortWraps),
                "chrony {}: {said:?}",
                r.label
            );
            continue;
        }
        let wraps = said
            .iter()
            .find(|d| d.rule == Rule::PortWraps)
            .unwrap_or_else(|| panic!("chrony {}: {said:?}", r.label));
        assert_eq!(wraps.arg("used"), Some(up.port.to_string().as_str()));
        let c = Chronyd::start(&r.chronyd, tmp.path(), "wrapped", &text);
        assert!(
            wait_for(Duration::from_secs(20), || super::follows_at_stratum_2(&c)
                .then_some(()))
            .is_some(),
            "chrony {}: port {port} did not reach the upstream on {}: {}",
            r.label,
            up.port,
            c.chronyc(&["ntpdata"])
        );
    }
}

/// What lint warns of, chronyd does (R34 F1): a link-local address with an
/// interface zone is looked up whole as a name (chrony's addresses carry no
/// zone), and where that fails chronyd logs "Invalid host" and drops the
/// source; the bare address with `bindacqdevice` is chrony.conf(5)'s way.
/// In a loopback-only namespace, where no lookup leaves the machine.
#[test]
fn a_source_with_an_interface_zone_is_dropped_on_every_release() {
    use common::netns::{self, Loopback};
    if !netns::available(Loopback::Only) {
        eprintln!("skipped: no loopback-only network namespace on this machine");
        return;
    }
    let zoned = "server fe80::1%nosuchif9 iburst\n";
    for r in common::releases() {
        assert_eq!(said(zoned, &r, &[Rule::SourceZone]), [Rule::SourceZone]);
        assert!(
            said(
                "server fe80::1 iburst\nbindacqdevice lo\n",
                &r,
                &[Rule::SourceZone]
            )
            .is_empty()
        );
        let tmp = tempfile::tempdir().unwrap();
        let (c, _) = Chronyd::start_isolated(&r.chronyd, tmp.path(), "zoned", zoned);
        // Taken as a name: a source with unknown address (with a resolver
        // that answers, "Invalid host" and dropped), never polled.
        let unknown = wait_for(Duration::from_secs(10), || {
            c.chronyc(&["activity"])
                .lines()
                .find(|l| l.contains("unknown address"))
                .and_then(|l| l.split_whitespace().next()?.parse::<u32>().ok())
        });
        let log = c.log_text();
        assert!(
            unknown == Some(1) || log.contains("Invalid host fe80::1%nosuchif9"),
            "chrony {}: {unknown:?} {log}",
            r.label
        );
        assert!(
            !c.chronyc(&["-n", "sources"]).contains("fe80::1"),
            "chrony {}",
            r.label
        );
    }
}
