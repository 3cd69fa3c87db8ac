//! Limits that do nothing or too much: maxchange, polltarget, port 0,
//! samples, maxjitter, stratum limits, sourcedir and initstepslew.

use super::{message, rules, rules_of};
use stratum::core::conf::lint::Rule;
use stratum::core::conf::{ChronyVersion, Document, LintOptions, lint};

#[test]
fn maxchange_checked_from_the_first_update_is_warned_whatever_makestep_says() {
    let server = "server 10.0.0.1 iburst\n";
    let v = ChronyVersion::LATEST;
    let found = |text: &str| {
        let mut r = rules_of(text, v, Rule::MaxchangeIgnoresStart);
        r.extend(rules_of(text, v, Rule::MaxchangeExitsAtStart));
        r.into_iter().map(|(line, _)| line).collect::<Vec<_>>()
    };
    assert_eq!(found(&format!("{server}maxchange 0.5 0 -1\n")), [Some(2)]);
    // reference.c checks maxchange before makestep: makestep does not help.
    let with_step = format!("{server}makestep 0.1 -1\nmaxchange 0.5 0 -1\n");
    assert_eq!(
        rules_of(&with_step, v, Rule::MaxchangeIgnoresStart).len(),
        1,
        "{with_step}"
    );
    let text = message(&with_step, Rule::MaxchangeIgnoresStart);
    assert!(
        text.contains("0.5 s") && text.contains("makestep (line 2) does not help"),
        "{text}"
    );
    let exits = format!("{server}maxchange 1000 0 2\n");
    assert_eq!(rules_of(&exits, v, Rule::MaxchangeExitsAtStart).len(), 1);
    let text = message(&exits, Rule::MaxchangeExitsAtStart);
    assert!(
        text.contains("ignores 2 updates over 1000 s and exits"),
        "{text}"
    );
    // The manual's example, a check that starts after one update, one
    // turned off by a negative START, an overridden line.
    for fine in [
        "maxchange 1000 1 2\nmakestep 1 3\n",
        "maxchange 0.5 1 -1\n",
        "maxchange 0.5 -1 -1\n",
        "maxchange 0.5 0 -1\nmaxchange 0.5 3 -1\n",
    ] {
        assert!(found(&format!("{server}{fine}")).is_empty(), "{fine}");
    }
}

#[test]
fn a_polltarget_outside_6_to_60_says_what_each_release_does() {
    let v = ChronyVersion::new;
    let case = |t: i64, ver| {
        rules_of(
            &format!("server 10.0.0.1 iburst polltarget {t}\nmakestep 1 3\n"),
            ver,
            Rule::PolltargetRange,
        )
        .first()
        .map(|(_, c)| c.clone())
    };
    for ver in [v(4, 0), v(4, 3), v(4, 6), v(4, 9)] {
        assert_eq!(case(61, ver).as_deref(), Some("high"));
        assert_eq!(case(5, ver).as_deref(), Some("low"));
        for fine in [6, 8, 60] {
            assert_eq!(case(fine, ver), None);
        }
    }
    // Used as given before 4.4, raised to 1 by 4.4-4.6, refused from 4.7
    // (an error says so, not this warning).
    assert_eq!(case(0, v(4, 3)).as_deref(), Some("unchecked"));
    assert_eq!(case(-5, v(4, 0)).as_deref(), Some("unchecked"));
    assert_eq!(case(0, v(4, 4)).as_deref(), Some("raised"));
    assert_eq!(
        case(0, ChronyVersion::point(4, 6, 1)).as_deref(),
        Some("raised")
    );
    assert_eq!(case(0, v(4, 7)), None);
    let text = message(
        "server 10.0.0.1 iburst polltarget 61\n",
        Rule::PolltargetRange,
    );
    assert!(text.contains("stays at or near minpoll"), "{text}");
}

#[test]
fn a_source_on_port_0_and_samples_beyond_64_are_said() {
    let v = ChronyVersion::LATEST;
    let port0 = |text: &str| rules_of(text, v, Rule::SourcePortZero).len();
    assert_eq!(port0("pool p.example.org iburst port 0\n"), 1);
    assert_eq!(port0("server a iburst port 123\n"), 0);
    // The directive `port 0` turns chronyd's own NTP server off.
    assert_eq!(port0("port 0\nserver a iburst\n"), 0);
    for capped in [
        "maxsamples 100\n",
        "minsamples 65\n",
        "server a iburst maxsamples 128\n",
        "refclock SHM 0 minsamples 100\n",
    ] {
        assert_eq!(
            rules_of(capped, v, Rule::SamplesCapped).len(),
            1,
            "{capped}"
        );
    }
    for fine in [
        "maxsamples 64\n",
        "maxsamples 0\n",
        "server a minsamples 4\n",
    ] {
        assert!(rules_of(fine, v, Rule::SamplesCapped).is_empty(), "{fine}");
    }
}

#[test]
fn a_maxjitter_below_any_sources_jitter_is_warned_and_ordinary_ones_are_not() {
    let server = "server 127.0.0.1 iburst\nmakestep 1 3\n";
    let r = rules(&format!("maxjitter 0.0000001\n{server}"));
    assert!(r.contains(&(Rule::MaxjitterUnreachable, Some(1))), "{r:?}");
    for ordinary in ["0.000002", "0.001", "0.1", "1"] {
        let r = rules(&format!("maxjitter {ordinary}\n{server}"));
        assert!(
            !r.iter().any(|x| x.0 == Rule::MaxjitterUnreachable),
            "{ordinary}"
        );
    }
    // No network source; sources that keep 1 or 2 samples (never judged
    // by their jitter); hardware timestamps, which reach tens of ns.
    for exempt in [
        "maxjitter 0.0000001\nrefclock PHC /dev/ptp0\n",
        "maxjitter 0.0000001\nserver a iburst maxsamples 1\n",
        "maxjitter 0.0000001\nmaxsamples 2\nserver a iburst\n",
        "maxjitter 0.0000001\nhwtimestamp *\nserver a iburst\n",
    ] {
        assert!(
            !rules(exempt)
                .iter()
                .any(|x| x.0 == Rule::MaxjitterUnreachable),
            "{exempt}"
        );
    }
    // Below what chronyd ever records, hardware timestamps do not help.
    let r = rules("maxjitter 0.0000000001\nhwtimestamp *\nserver a iburst\n");
    assert!(r.iter().any(|x| x.0 == Rule::MaxjitterUnreachable), "{r:?}");
    let text = message(
        &format!("maxjitter 0.0000001\n{server}"),
        Rule::MaxjitterUnreachable,
    );
    assert!(text.starts_with("maxjitter 0.1 µs"), "{text}");
}

#[test]
fn stratum_limits_that_leave_no_source_are_warned() {
    let v = ChronyVersion::new(4, 9);
    let server = "server 10.0.0.1 iburst\nmakestep 1 3\n";
    let case = |limits: &str, more: &str| {
        rules_of(
            &format!("{server}{more}{limits}"),
            v,
            Rule::StratumLimitsUnreachable,
        )
        .first()
        .map(|(_, c)| c.clone())
    };
    assert_eq!(case("minstratum 16\n", "").as_deref(), Some("min-high"));
    assert_eq!(case("maxstratum 0\n", "").as_deref(), Some("max-zero"));
    assert_eq!(
        case("minstratum 3\nmaxstratum 2\n", "").as_deref(),
        Some("crossed")
    );
    // maxstratum 0 with a reference clock keeps the clock.
    assert_eq!(case("maxstratum 0\n", "refclock PHC /dev/ptp0\n"), None);
    for fine in [
        "minstratum 1\nmaxstratum 5\n",
        "maxstratum 99\n",
        "minstratum 15\n",
    ] {
        assert_eq!(case(fine, ""), None, "{fine}");
    }
    // Before 4.9 the directives are refused: that error, not this warning.
    assert!(
        rules_of(
            &format!("{server}minstratum 16\n"),
            ChronyVersion::new(4, 8),
            Rule::StratumLimitsUnreachable
        )
        .is_empty()
    );
}

#[test]
fn a_missing_sourcedir_is_warned_when_paths_can_be_checked() {
    let text = "server 10.0.0.1 iburst\nmakestep 1 3\nsourcedir /srv/a /srv/b\n";
    let exists = |p: &str| p == "/srv/b";
    let opts = LintOptions {
        path_exists: Some(&exists),
        ..Default::default()
    };
    let d = lint(&Document::parse(text), &opts);
    let missing: Vec<_> = d
        .iter()
        .filter(|d| d.rule == Rule::SourcedirMissing)
        .map(|d| (d.line, d.arg("path").unwrap().to_string()))
        .collect();
    assert_eq!(missing, [(Some(3), "/srv/a".to_string())]);
    // Without a way to look, nothing is said.
    assert!(!rules(text).iter().any(|x| x.0 == Rule::SourcedirMissing));
    // A sourcedir whose directories are all missing gives no sources: the
    // file's one server is then counted as all it has.
    let none = |_: &str| false;
    let opts = LintOptions {
        path_exists: Some(&none),
        ..Default::default()
    };
    let d = lint(
        &Document::parse("server 10.0.0.1 iburst\nmakestep 1 3\nsourcedir /srv/a\n"),
        &opts,
    );
    assert!(d.iter().any(|d| d.rule == Rule::FewSourcesClient), "{d:?}");
}

/// chrony.conf(5) initstepslew (every release): "to correct the system
/// clock by stepping before normal operation begins" when the error is
/// over its threshold, the servers it names polled at start; deprecated in
/// favour of makestep (from 4.1). A file with it is not told "no makestep,
/// chronyd slews it slowly", on any release; it hears, on the initstepslew
/// line, that the step happens only at start and only if those servers
/// answer, and that makestep is the way to write it. `initstepslew 30`
/// with no server steps nothing: "no makestep" stands.
#[test]
fn initstepslew_steps_at_start_and_is_hinted_towards_makestep() {
    use stratum::i18n::{Lang, Localizer};
    let text =
        "initstepslew 30 10.0.0.123\nserver 10.0.0.123 iburst\ndriftfile /var/lib/chrony/drift\n";
    for v in [(4, 0), (4, 3), (4, 6), (4, 9)] {
        let version = ChronyVersion::new(v.0, v.1);
        let opts = LintOptions {
            version,
            ..Default::default()
        };
        let d = lint(&Document::parse(text), &opts);
        let rules: Vec<_> = d.iter().map(|d| (d.rule, d.line)).collect();
        assert!(
            !rules.iter().any(|r| r.0 == Rule::NoMakestep),
            "{version}: {rules:?}"
        );
        assert!(
            !stratum::core::conf::lint::has_errors(&d),
            "{version}: {rules:?}"
        );
        let hint = d
            .iter()
            .find(|d| d.rule == Rule::InitstepslewUseMakestep)
            .unwrap_or_else(|| panic!("{version}: {rules:?}"));
        assert_eq!(hint.line, Some(1));
        assert_eq!(hint.severity, stratum::core::conf::lint::Severity::Hint);
        let en = Localizer::new(Lang::En).tr_args(&hint.message_id(), &hint.args);
        for words in [
            "over 30 s is stepped",
            "only with an answer from 10.0.0.123",
            "No suitable source for initstepslew",
            "“makestep 1 3”",
        ] {
            assert!(en.contains(words), "{en}");
        }
        assert!(!en.contains("slews it slowly"), "{en}");
        let zh = Localizer::new(Lang::ZhCn).tr_args(&hint.message_id(), &hint.args);
        for words in [
            "超过 30 秒时步进",
            "10.0.0.123 当时有应答",
            "已弃用",
            "“makestep 1 3”",
        ] {
            assert!(zh.contains(words), "{zh}");
        }
    }
    // makestep written: nothing to migrate, nothing missing.
    let r = rules(&format!("{text}makestep 1 3\n"));
    assert!(
        !r.iter()
            .any(|x| matches!(x.0, Rule::NoMakestep | Rule::InitstepslewUseMakestep)),
        "{r:?}"
    );
    // No server named: no step at start; makestep is still missing.
    let r = rules("initstepslew 30\nserver 10.0.0.123 iburst\n");
    assert!(r.contains(&(Rule::NoMakestep, None)), "{r:?}");
    assert!(
        !r.iter().any(|x| x.0 == Rule::InitstepslewUseMakestep),
        "{r:?}"
    );
}

/// The poll-below-minimum sentence names one interval when minpoll and
/// maxpoll end equal ("every 64 s", not "every 64 s to 64 s"), a range
/// otherwise (ntp_core.c: an out-of-range minpoll becomes 6, and a maxpoll
/// below it is raised to it).
#[test]
fn the_polling_sentence_names_one_interval_when_the_ends_are_equal() {
    use stratum::i18n::{Lang, Localizer};
    let opts = LintOptions {
        version: ChronyVersion::new(4, 3),
        ..Default::default()
    };
    let text = |line: &str, lang| {
        let d = lint(&Document::parse(format!("server {line}\n")), &opts);
        let d = d
            .iter()
            .find(|d| d.rule == Rule::PollBelowMinimum)
            .unwrap_or_else(|| panic!("{line}: {d:?}"));
        Localizer::new(lang).tr_args(&d.message_id(), &d.args)
    };
    let en = text("127.0.0.1 minpoll -8 maxpoll -6", Lang::En);
    assert!(en.contains("polled every 64 s (minpoll 6"), "{en}");
    assert!(!en.contains("64 s to 64 s"), "{en}");
    let zh = text("127.0.0.1 minpoll -8 maxpoll -6", Lang::ZhCn);
    assert!(zh.contains("每 64 秒轮询一次"), "{zh}");
    let en = text("127.0.0.1 minpoll -8 maxpoll 8", Lang::En);
    assert!(en.contains("polled every 64 s to 256 s"), "{en}");
    let zh = text("127.0.0.1 minpoll -8 maxpoll 8", Lang::ZhCn);
    assert!(zh.contains("每 64 秒到 256 秒轮询一次"), "{zh}");
}

/// chrony.conf(5) driftfile: the file lets chronyd "start with a good
/// estimate of the rate"; in a directory that does not exist chronyd starts
/// (every release, tests/data/chronyd/ok-driftfile-missing-directory.conf)
/// and cannot save it: a hint, as the path may be another machine's.
#[test]
fn a_driftfile_in_a_missing_directory_is_a_hint_when_paths_can_be_checked() {
    let text = "server 10.0.0.1 iburst\nmakestep 1 3\ndriftfile /var/lib/nowhere/sub/drift\n";
    let exists = |p: &str| p == "/var/lib/chrony";
    let opts = LintOptions {
        path_exists: Some(&exists),
        ..Default::default()
    };
    let d = lint(&Document::parse(text), &opts);
    let hint: Vec<_> = d
        .iter()
        .filter(|d| d.rule == Rule::DriftfileMissingDirectory)
        .map(|d| (d.line, d.severity, d.arg("path").unwrap().to_string()))
        .collect();
    assert_eq!(
        hint,
        [(
            Some(3),
            stratum::core::conf::lint::Severity::Hint,
            "/var/lib/nowhere/sub".to_string()
        )]
    );
    let there = lint(
        &Document::parse(text.replace("/var/lib/nowhere/sub", "/var/lib/chrony")),
        &opts,
    );
    assert!(
        !there
            .iter()
            .any(|d| d.rule == Rule::DriftfileMissingDirectory)
    );
    assert!(
        !rules(text)
            .iter()
            .any(|x| x.0 == Rule::DriftfileMissingDirectory)
    );
}

/// chrony.conf(5) maxupdateskew is a threshold in ppm (1000 by default);
/// reference.c takes its absolute value, so -1 is 1 ppm without a word
/// (every release starts, tests/data/chronyd/ok-maxupdateskew-negative.conf).
#[test]
fn a_negative_maxupdateskew_is_warned_with_the_value_chronyd_uses() {
    let text = "server 10.0.0.1 iburst\nmakestep 1 3\nmaxupdateskew -1\n";
    let d = lint(&Document::parse(text), &LintOptions::default());
    let d = d
        .iter()
        .find(|d| d.rule == Rule::MaxupdateskewNegative)
        .expect("warned");
    assert_eq!((d.line, d.arg("used")), (Some(3), Some("1")));
    assert!(message(text, Rule::MaxupdateskewNegative).contains("1 ppm"));
    assert!(
        !rules("maxupdateskew 100\n")
            .iter()
            .any(|x| x.0 == Rule::MaxupdateskewNegative)
    );
}

/// chrony.conf(5) logbanner: "The default is 32, and 0 can be used to
/// disable it entirely". Before 4.7 conf.c reads it with no range and -5
/// prints the banner once per file (logging.c); 4.7 on refuses it.
#[test]
fn a_negative_logbanner_is_warned_where_chronyd_takes_it_and_an_error_where_it_refuses() {
    let text = "server 10.0.0.1 iburst\nmakestep 1 3\nlogbanner -5\n";
    for v in [
        ChronyVersion::new(4, 0),
        ChronyVersion::new(4, 3),
        ChronyVersion::new(4, 6),
    ] {
        assert_eq!(
            rules_of(text, v, Rule::LogbannerNegative),
            [(Some(3), String::new())],
            "{v}"
        );
    }
    let opts = LintOptions {
        version: ChronyVersion::new(4, 9),
        ..Default::default()
    };
    let d = lint(&Document::parse(text), &opts);
    assert!(!d.iter().any(|d| d.rule == Rule::LogbannerNegative));
    assert!(stratum::core::conf::lint::has_errors(&d));
}
