//! Lint rules checked through `lint` itself, as `stratum config lint`
//! runs them (the rule modules are children of lint and do not import it).

use stratum::core::conf::lint::Rule;
use stratum::core::conf::{ChronyVersion, Document, LintOptions, lint};

fn rules(text: &str) -> Vec<(Rule, Option<usize>)> {
    lint(&Document::parse(text), &LintOptions::default())
        .into_iter()
        .map(|d| (d.rule, d.line))
        .collect()
}

#[test]
fn local_stratum_1_is_hinted_as_a_claim_of_a_reference_clock() {
    let r = rules("local stratum 1\nallow 127.0.0.0/8\n");
    assert!(r.contains(&(Rule::LocalStratumOne, Some(1))), "{r:?}");
    for other in ["local stratum 10", "local stratum 8 orphan", "local"] {
        let r = rules(&format!("{other}\nallow 127.0.0.0/8\n"));
        assert!(!r.iter().any(|x| x.0 == Rule::LocalStratumOne), "{other}");
    }
}

#[test]
fn hints_follow_what_chronyd_does_with_each_source() {
    // chrony.conf(5) minpoll: at 0 or below the first polls come within
    // a second or two; no iburst needed.
    let r = rules(
        "server 127.0.0.11 minpoll -4 maxpoll -4\nserver 127.0.0.12 minpoll 0\nserver 127.0.0.13\nmakestep 1 3\n",
    );
    let no_iburst: Vec<_> = r.iter().filter(|x| x.0 == Rule::NoIburst).collect();
    assert_eq!(no_iburst, [&(Rule::NoIburst, Some(3))], "{r:?}");
    // server offline: never polled until "chronyc online".
    let r = rules("server 127.0.0.7 iburst offline\nserver 127.0.0.8 iburst\nmakestep 1 3\n");
    let offline: Vec<_> = r.iter().filter(|x| x.0 == Rule::SourceOffline).collect();
    assert_eq!(offline, [&(Rule::SourceOffline, Some(1))], "{r:?}");
    // Reserved names (RFC 2606, RFC 6761); .localhost resolves to
    // loopback, a name merely containing "test" is any name.
    for (host, hinted) in [
        ("ntp1.example.invalid", true),
        ("time.example", true),
        ("pool.lab.TEST.", true),
        ("ntp.localhost", false),
        ("test.example.org", false),
        ("ntp.testing.net", false),
        ("invalid", false),
    ] {
        let r = rules(&format!("server {host} iburst\nmakestep 1 3\n"));
        assert_eq!(
            r.iter().any(|x| x.0 == Rule::ReservedName),
            hinted,
            "{host}"
        );
    }
}

#[test]
fn reference_clocks_are_counted_as_time_sources() {
    // Two refclocks and nothing else: few sources, and the message
    // speaks of time sources (lint-few-sources-client), not servers.
    let r = rules("refclock SOCK /run/chrony.sock\nrefclock SHM 0\nmakestep 1 3\n");
    assert!(r.contains(&(Rule::FewSourcesClient, None)), "{r:?}");
    let t = stratum::i18n::Localizer::new(stratum::i18n::Lang::En);
    let d = lint(
        &Document::parse("refclock SOCK /run/chrony.sock\nrefclock SHM 0\n"),
        &LintOptions::default(),
    );
    let few = d.iter().find(|d| d.rule == Rule::FewSourcesClient).unwrap();
    let text = t.tr_args(&few.message_id(), &few.args);
    assert!(text.contains("2 time sources"), "{text}");
}

#[test]
fn refids_must_be_short_and_unique() {
    // chrony.conf(5) refid: "up to four ASCII characters"; refused,
    // and named as the refid, not as an option "1".
    let d = lint(
        &Document::parse("refclock SHM 0 refid GPSX1 poll 3\n"),
        &LintOptions::default(),
    );
    let found: Vec<Rule> = d.iter().map(|d| d.rule).collect();
    assert_eq!(found, [Rule::RefidTooLong], "{d:?}");
    assert_eq!(d[0].arg("value"), Some("GPSX1"));
    // "Each refclock must have a unique reference ID": chronyd starts.
    let r = rules("refclock SHM 0 refid GPS\nrefclock SHM 1 refid GPS\nmakestep 1 3\n");
    assert!(r.contains(&(Rule::DuplicateRefid, Some(2))), "{r:?}");
    let r = rules("refclock SHM 0 refid GPS\nrefclock SHM 1 refid PPS\nmakestep 1 3\n");
    assert!(!r.iter().any(|x| x.0 == Rule::DuplicateRefid));
}

#[test]
fn limits_below_any_round_trip_are_warned_and_ordinary_ones_are_not() {
    let server = "server 127.0.0.1 iburst\nmakestep 1 3\n";
    let r = rules(&format!("maxdistance 0.000001\n{server}"));
    assert!(
        r.contains(&(Rule::MaxdistanceUnreachable, Some(1))),
        "{r:?}"
    );
    for ordinary in ["0.001", "0.1", "1.5", "16"] {
        let r = rules(&format!("maxdistance {ordinary}\n{server}"));
        assert!(
            !r.iter().any(|x| x.0 == Rule::MaxdistanceUnreachable),
            "{ordinary}"
        );
    }
    // Only the last maxdistance counts; with no network source there is
    // no round trip to compare with.
    let r = rules(&format!("maxdistance 0.000001\nmaxdistance 1\n{server}"));
    assert!(!r.iter().any(|x| x.0 == Rule::MaxdistanceUnreachable));
    let r = rules("maxdistance 0.000001\nrefclock PHC /dev/ptp0\n");
    assert!(!r.iter().any(|x| x.0 == Rule::MaxdistanceUnreachable));

    let r = rules("server 127.0.0.5 iburst maxdelay 0.000001\nmakestep 1 3\n");
    assert!(r.contains(&(Rule::MaxdelayUnreachable, Some(1))), "{r:?}");
    for ordinary in ["0.0001", "0.01", "0.3", "3"] {
        let r = rules(&format!(
            "pool pool.example.org iburst maxdelay {ordinary}\nmakestep 1 3\n"
        ));
        assert!(
            !r.iter().any(|x| x.0 == Rule::MaxdelayUnreachable),
            "{ordinary}"
        );
    }
    // maxdelayratio compares with the smallest delay seen, which itself
    // always passes (ntp_core.c check_delay_ratio): never unreachable.
    let r = rules("server 127.0.0.6 iburst maxdelayratio 1.0001\nmakestep 1 3\n");
    assert!(!r.iter().any(|x| x.0 == Rule::MaxdelayUnreachable));
}

#[test]
fn a_maxupdateskew_below_any_estimate_is_warned_and_ordinary_ones_are_not() {
    let server = "server 127.0.0.1 iburst\nmakestep 1 3\n";
    let r = rules(&format!("maxupdateskew 0.01\n{server}"));
    assert!(
        r.contains(&(Rule::MaxupdateskewUnreachable, Some(1))),
        "{r:?}"
    );
    // chrony.conf(5): "100 for NTP sources polled over a wireless
    // network, and 10 or smaller for sources on a local wired network".
    for ordinary in ["0.5", "1", "10", "100", "1000"] {
        let r = rules(&format!("maxupdateskew {ordinary}\n{server}"));
        assert!(
            !r.iter().any(|x| x.0 == Rule::MaxupdateskewUnreachable),
            "{ordinary}"
        );
    }
    let r = rules("maxupdateskew 0.01\nrefclock PHC /dev/ptp0\n");
    assert!(!r.iter().any(|x| x.0 == Rule::MaxupdateskewUnreachable));
}

/// A directive written but broken is not missing: chronyd refuses the
/// line ("Missing arguments for makestep directive" for `makestep 1.0，3`,
/// whose full-width comma chrony does not split at), lint says so on that
/// line, and does not also say "no makestep, add makestep 1 3" — nor "no
/// allow" or "no local stratum" for a broken allow or local line.
#[test]
fn a_broken_directive_is_not_said_to_be_missing() {
    let v49 = LintOptions {
        version: stratum::core::conf::ChronyVersion::new(4, 9),
        ..Default::default()
    };
    let rules_49 = |text: &str| -> Vec<(Rule, Option<usize>)> {
        lint(&Document::parse(text), &v49)
            .into_iter()
            .map(|d| (d.rule, d.line))
            .collect()
    };
    let cases = [
        (
            "server 10.0.0.1 iburst\nmakestep 1.0，3\n",
            2,
            Rule::NoMakestep,
        ),
        (
            "server 10.0.0.1 iburst\nmakestep\u{3000}1 3\n",
            2,
            Rule::NoMakestep,
        ),
        (
            "server 10.0.0.1 iburst\nmakestep 1 3\nlocal stratum 10\nallow 10.0.0.0／8\n",
            4,
            Rule::NoAllow,
        ),
        (
            "server 10.0.0.1 iburst\nmakestep 1 3\nlocal stratum 10，orphan\nallow 10.0.0.0/8\n",
            3,
            Rule::NoLocalStratum,
        ),
    ];
    for (text, line, missing) in cases {
        let r = rules_49(text);
        assert!(
            r.contains(&(Rule::OddCharacter, Some(line))),
            "{text}: {r:?}"
        );
        assert!(!r.iter().any(|x| x.0 == missing), "{text}: {r:?}");
    }
    // A file that has none still hears of it.
    let r = rules_49("server 10.0.0.1 iburst\n");
    assert!(r.contains(&(Rule::NoMakestep, None)), "{r:?}");
    let r = rules_49("server 10.0.0.1 iburst\nmakestep 1 3\nlocal stratum 10\n");
    assert!(r.iter().any(|x| x.0 == Rule::NoAllow), "{r:?}");
    // A broken allow still makes this a server: "serves nobody" is not said.
    let r = rules_49("server 10.0.0.1 iburst\nmakestep 1 3\nallow 10.0.0.0／8\n");
    assert!(!r.iter().any(|x| x.0 == Rule::FewSourcesClient), "{r:?}");
}

/// Random bytes are not "UTF-16": lint says the file is not text, once,
/// and echoes none of its bytes; a file saved as UTF-16 (with or without
/// its byte order mark) is said to be UTF-16, once. chronyd refuses both
/// ("Invalid directive", tests/it/lint_vs_chronyd.rs).
#[test]
fn binary_data_is_told_from_utf16_and_never_echoed() {
    let garbage = std::fs::read(
        std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("tests/data/chronyd/bad-binary-data.conf"),
    )
    .unwrap();
    let d = lint(&Document::parse(garbage), &LintOptions::default());
    let got: Vec<Rule> = d.iter().map(|d| d.rule).collect();
    assert_eq!(got, [Rule::NotText]);
    for lang in stratum::i18n::Lang::ALL {
        let tr = stratum::i18n::Localizer::new(lang);
        let text = tr.tr_args(&d[0].message_id(), &d[0].args);
        assert!(!text.contains("UTF-16"), "{text}");
        assert!(
            !text.chars().any(|c| c == '\u{fffd}' || c.is_control()),
            "{text}"
        );
    }
    let conf = "server 10.0.0.1 iburst\nmakestep 1 3\n";
    let le: Vec<u8> = conf.encode_utf16().flat_map(|u| u.to_le_bytes()).collect();
    let marked = [&[0xFF, 0xFE][..], &le].concat();
    for bytes in [le, marked] {
        let got: Vec<Rule> = lint(&Document::parse(bytes), &LintOptions::default())
            .iter()
            .map(|d| d.rule)
            .collect();
        assert_eq!(got, [Rule::Utf16File]);
    }
    // A stray NUL in a text file is a NUL, not a UTF-16 file.
    let d = lint(
        &Document::parse("server 10.0.0.1\0 iburst\nmakestep 1 3\n"),
        &LintOptions::default(),
    );
    let nul = d.iter().find(|d| d.arg("kind") == Some("nul")).unwrap();
    let en = stratum::i18n::Localizer::new(stratum::i18n::Lang::En);
    assert!(!en.tr_args(&nul.message_id(), &nul.args).contains("UTF-16"));
}

/// An odd character's message quotes the whole line it is on (escaped,
/// cut after 60 characters), in both languages: a line behind a full-width
/// `＃` is quoted as written, not as an empty word.
#[test]
fn an_odd_characters_line_is_quoted_whole() {
    use stratum::i18n::{Lang, Localizer};
    let text_of = |conf: &str, lang: Lang| {
        let d = lint(&Document::parse(conf), &LintOptions::default());
        let odd = d
            .iter()
            .find(|d| d.rule == Rule::OddCharacter)
            .unwrap_or_else(|| panic!("{conf}: {d:?}"));
        Localizer::new(lang).tr_args(&odd.message_id(), &odd.args)
    };
    let cases = [
        ("＃ 全角井号注释\n", "＃ 全角井号注释"),
        ("server　127.0.0.1 iburst\n", "server　127.0.0.1 iburst"),
        ("makestep 1.0，3\n", "makestep 1.0，3"),
        // Control characters written out, never passed to the terminal.
        ("server　a\u{1b}[2J\n", "server　a\\u{1b}[2J"),
    ];
    for (conf, quoted) in cases {
        let zh = text_of(conf, Lang::ZhCn);
        assert!(zh.contains(&format!("这一行“{quoted}”")), "{zh}");
        let en = text_of(conf, Lang::En);
        assert!(en.contains(&format!("the line “{quoted}”")), "{en}");
    }
    let long = format!("server　{}\n", "a".repeat(100));
    let en = text_of(&long, Lang::En);
    assert!(
        en.contains(&format!("“server　{}…”", "a".repeat(53))),
        "{en}"
    );
    // Chinese puts a space between a word and a code: 第 1 列是 U+FEFF.
    let zh = text_of("\u{feff}server 10.0.0.1\n", Lang::ZhCn);
    assert!(zh.starts_with("第 1 列是 U+FEFF，"), "{zh}");
}

fn rules_of(text: &str, version: ChronyVersion, rule: Rule) -> Vec<(Option<usize>, String)> {
    let opts = LintOptions {
        version,
        ..Default::default()
    };
    lint(&Document::parse(text), &opts)
        .into_iter()
        .filter(|d| d.rule == rule)
        .map(|d| (d.line, d.arg("case").unwrap_or("").to_string()))
        .collect()
}

fn message(text: &str, rule: Rule) -> String {
    let t = stratum::i18n::Localizer::new(stratum::i18n::Lang::En);
    let d = lint(&Document::parse(text), &LintOptions::default());
    let d = d.iter().find(|d| d.rule == rule).expect("the rule");
    t.tr_args(&d.message_id(), &d.args)
}

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

/// The unit tests of `lint/ignored.rs`, through `lint()` (a rule module's own
/// tests may not import lint, its parent).
mod ignored_rules {
    use stratum::core::conf::Document;
    use stratum::core::conf::lint::{LintOptions, Rule, lint};

    fn cancelled(text: &str) -> Vec<(Option<usize>, String)> {
        lint(&Document::parse(text), &LintOptions::default())
            .into_iter()
            .filter(|d| d.rule == Rule::AccessOverridden)
            .map(|d| (d.line, d.arg("line").unwrap_or("").to_string()))
            .collect()
    }

    #[test]
    fn only_an_all_line_over_an_earlier_opposite_subnet_cancels_it() {
        // The manual's example: allow all 1.2.0.0/16 overrides the deny of
        // 1.2.3.0/24 within it.
        assert_eq!(
            cancelled("allow 1.2.3.4\ndeny 1.2.3.0/24\nallow all 1.2.0.0/16\n"),
            [(Some(3), "2".to_string())]
        );
        assert!(cancelled("deny 1.2.3.0/24\nallow 1.2.0.0/16\n").is_empty());
        assert!(cancelled("deny 10.0.0.0/8\nallow all 192.168.0.0/16\n").is_empty());
        assert!(cancelled("allow all\ndeny 10.0.0.0/8\n").is_empty());
        assert_eq!(
            cancelled("cmdallow 10.0.0.0/8\ncmddeny all\n"),
            [(Some(2), "1".to_string())]
        );
    }
}

/// The unit tests of `lint/lab.rs`, through `lint()` (a rule module's own
/// tests may not import lint, its parent).
mod lab_rules {
    use stratum::core::conf::Document;
    use stratum::core::conf::lint::{LintOptions, Rule, lint};

    fn rules(text: &str) -> Vec<(Rule, Option<usize>)> {
        lint(&Document::parse(text), &LintOptions::default())
            .into_iter()
            .map(|d| (d.rule, d.line))
            .collect()
    }

    #[test]
    fn port_0_makes_the_allow_lines_serve_nobody() {
        let text = "server 192.0.2.41 iburst\nmakestep 1 3\nport 0\nallow 10.20.0.0/16\n";
        let r = rules(text);
        assert!(r.contains(&(Rule::ServerPortOff, Some(4))), "{r:?}");
        // No advice about what clients see, and a client's source count.
        assert!(!r.iter().any(|x| x.0 == Rule::NoLocalStratum), "{r:?}");
        assert!(r.iter().any(|x| x.0 == Rule::FewSourcesClient), "{r:?}");
        let d = lint(&Document::parse(text), &LintOptions::default());
        let off = d.iter().find(|d| d.rule == Rule::ServerPortOff).unwrap();
        assert_eq!(off.arg("line"), Some("3"));
    }

    #[test]
    fn only_the_last_port_line_counts() {
        // A later port serves again: the usual warning, no port-0 one.
        let r = rules("port 0\nport 11123\nserver 192.0.2.41 iburst\nallow 10.20.0.0/16\n");
        assert!(!r.iter().any(|x| x.0 == Rule::ServerPortOff), "{r:?}");
        assert!(r.iter().any(|x| x.0 == Rule::NoLocalStratum), "{r:?}");
        let r = rules("port 11123\nport 0\nserver 192.0.2.41 iburst\nallow 10.20.0.0/16\n");
        assert!(r.iter().any(|x| x.0 == Rule::ServerPortOff), "{r:?}");
        // Without allow, port 0 is an ordinary client.
        let r = rules("port 0\nserver 192.0.2.41 iburst\n");
        assert!(!r.iter().any(|x| x.0 == Rule::ServerPortOff), "{r:?}");
    }
}

/// The unit tests of `lint/ranges.rs`, through `lint()` (a rule module's own
/// tests may not import lint, its parent).
mod ranges_rules {
    use stratum::core::conf::Document;
    use stratum::core::conf::lint::{LintOptions, Rule, lint};

    fn found(text: &str) -> Vec<(Option<usize>, String, String)> {
        lint(&Document::parse(text), &LintOptions::default())
            .into_iter()
            .filter(|d| d.rule == Rule::MaxsamplesBelowMinsamples)
            .map(|d| {
                let arg = |k| d.arg(k).unwrap_or_default().to_string();
                (d.line, arg("minsamples"), arg("maxsamples"))
            })
            .collect()
    }

    #[test]
    fn minsamples_above_maxsamples_is_a_warning_where_it_is_written() {
        let on_line = found("server 192.0.2.91 iburst minsamples 8 maxsamples 4\n");
        assert_eq!(on_line, [(Some(1), "8".into(), "4".into())]);
        // The directives are every source's default: said once, at the
        // later of the two.
        let dirs = found("minsamples 10\nmaxsamples 6\nserver 192.0.2.1 iburst\n");
        assert_eq!(dirs, [(Some(2), "10".into(), "6".into())]);
        // A source's own maxsamples against the directive's minsamples.
        let mixed = found("minsamples 10\nserver 192.0.2.1 iburst maxsamples 6\n");
        assert_eq!(mixed, [(Some(2), "10".into(), "6".into())]);
        // Reference clocks keep samples the same way.
        let clock = found("refclock SHM 4001 minsamples 9 maxsamples 5\n");
        assert_eq!(clock, [(Some(1), "9".into(), "5".into())]);
    }

    #[test]
    fn minsamples_within_maxsamples_or_no_limit_says_nothing() {
        for text in [
            "server 192.0.2.91 iburst minsamples 4 maxsamples 8\n",
            "server 192.0.2.91 iburst minsamples 4 maxsamples 4\n",
            // maxsamples 0 is the default: no limit of its own.
            "server 192.0.2.91 iburst minsamples 8 maxsamples 0\n",
            // The source's own values replace the directives.
            "minsamples 10\nmaxsamples 6\nserver 192.0.2.1 iburst minsamples 4 maxsamples 8\n",
        ] {
            let f = found(text);
            // The directives' pair is still reported on its own line.
            assert!(
                f.iter()
                    .all(|(line, ..)| *line == Some(2) && text.starts_with("minsamples")),
                "{text}: {f:?}"
            );
        }
    }
}

/// The diagnostics of `text` under `version`, reading files through `read`.
fn lint_with(
    text: &str,
    version: ChronyVersion,
    read: &stratum::core::conf::lint::ReadFile,
) -> Vec<stratum::core::conf::lint::Diagnostic> {
    lint(
        &Document::parse(text),
        &LintOptions {
            version,
            read: Some(read),
            ..Default::default()
        },
    )
}

/// R17 F9: one verdict per fact. A key without a certificate is refused
/// from 4.1 on ("Uneven number of NTS certs and keys", conf.c 4.3) and runs
/// no NTS-KE server in 4.0, so chronyd never reads the key file: no
/// "starts, logs Could not set credentials" beside it.
#[test]
fn an_unpaired_nts_key_gets_one_verdict() {
    let text =
        "server 127.0.0.1 iburst\nallow 127.0.0.0/8\nntsserverkey /nowhere/ntp.key\nmakestep 1 3\n";
    let unreadable = |_: &str| None;
    for v in [
        ChronyVersion::new(4, 0),
        ChronyVersion::new(4, 3),
        ChronyVersion::new(4, 9),
    ] {
        let d = lint_with(text, v, &unreadable);
        let rules: Vec<Rule> = d.iter().map(|d| d.rule).collect();
        assert!(!rules.contains(&Rule::NtsFileUnreadable), "{v}: {rules:?}");
        let refused = rules.contains(&Rule::NtsUneven);
        assert_eq!(refused, v >= ChronyVersion::new(4, 1), "{v}: {rules:?}");
    }
    // A pair whose key cannot be read is still said to be unreadable.
    let pair = "ntsservercert /nowhere/ntp.crt\nntsserverkey /nowhere/ntp.key\n";
    let d = lint_with(pair, ChronyVersion::new(4, 9), &unreadable);
    assert!(d.iter().any(|d| d.rule == Rule::NtsFileUnreadable), "{d:?}");
}

/// R17 F9: a server and a peer of one address are one source (chronyd
/// drops the second line), and the dropped peer line gets no orphan advice.
#[test]
fn a_server_and_a_peer_of_one_address_count_once() {
    let text = "server 10.0.0.124 iburst\npeer 10.0.0.124\nlocal stratum 10\nallow 10.0.0.0/24\nmakestep 1.0 3\n";
    let d = lint(&Document::parse(text), &LintOptions::default());
    let few = d
        .iter()
        .find(|d| d.rule == Rule::FewSources)
        .expect("few sources");
    assert_eq!(few.arg("count"), Some("1"), "{d:?}");
    assert!(
        d.iter()
            .any(|d| d.rule == Rule::DuplicateSource && d.line == Some(2))
    );
    assert!(!d.iter().any(|d| d.rule == Rule::PeerNoOrphan), "{d:?}");
    // A real peer beside the server still gets it.
    let r =
        rules("server 10.0.0.124 iburst\npeer 10.0.0.125\nlocal stratum 10\nallow 10.0.0.0/24\n");
    assert!(r.iter().any(|x| x.0 == Rule::PeerNoOrphan), "{r:?}");
}

/// R17 F3: `server 10.0.0.123:123` is a host name that never resolves
/// (live 4.9: empty sources, "1 sources with unknown address").
#[test]
fn a_source_written_host_colon_port_is_warned_with_the_port_option() {
    let d = lint(
        &Document::parse("server 10.0.0.123:123 iburst\nmakestep 1 3\n"),
        &LintOptions::default(),
    );
    let f = d
        .iter()
        .find(|d| d.rule == Rule::SourceHostPort)
        .expect("warned");
    assert_eq!(f.line, Some(1));
    assert_eq!(
        (f.arg("name"), f.arg("port")),
        (Some("10.0.0.123"), Some("123"))
    );
    for fine in ["10.0.0.123", "fe80::1", "2001:db8::123", "ntp.lab", "ntp:x"] {
        let r = rules(&format!("server {fine} iburst\nmakestep 1 3\n"));
        assert!(!r.iter().any(|x| x.0 == Rule::SourceHostPort), "{fine}");
    }
    let r = rules("pool ntp.lab:4123 iburst\nmakestep 1 3\n");
    assert!(r.contains(&(Rule::SourceHostPort, Some(1))), "{r:?}");
}

/// R17 F4: a zone without leap seconds fails chronyd's leap second check
/// (reference.c 4.0, leapdb.c 4.8: "failed leap second check, ignoring").
#[test]
fn a_leapsectz_zone_without_leap_seconds_is_warned() {
    let r = rules("server 10.0.0.1 iburst\nmakestep 1 3\nleapsectz Asia/Shanghai\n");
    assert!(r.contains(&(Rule::LeapsectzNoLeaps, Some(3))), "{r:?}");
    let r = rules("server 10.0.0.1 iburst\nmakestep 1 3\nleapsectz right/UTC\n");
    assert!(!r.iter().any(|x| x.0 == Rule::LeapsectzNoLeaps), "{r:?}");
}

/// R17 F5: conf.c parse_makestep (4.0 to 4.8: `sscanf("%lf %d")`) reads
/// `makestep 3 1.0` as a 3 s threshold for the first update only.
#[test]
fn a_makestep_limit_with_a_fraction_is_warned_as_swapped() {
    let d = lint(
        &Document::parse("server 10.0.0.1 iburst\nmakestep 3 1.0\n"),
        &LintOptions::default(),
    );
    let f = d
        .iter()
        .find(|d| d.rule == Rule::MakestepLimitFraction)
        .expect("warned");
    assert_eq!((f.arg("read"), f.arg("swapped")), (Some("1"), Some("yes")));
    assert_eq!(f.arg("when"), Some("once"));
    let d = lint(
        &Document::parse("server 10.0.0.1 iburst\nmakestep 0.5 2.5\n"),
        &LintOptions::default(),
    );
    let f = d
        .iter()
        .find(|d| d.rule == Rule::MakestepLimitFraction)
        .expect("warned");
    assert_eq!((f.arg("read"), f.arg("swapped")), (Some("2"), Some("no")));
    for fine in ["makestep 1.0 3", "makestep 1 -1", "makestep 0.1 3"] {
        let r = rules(&format!("server 10.0.0.1 iburst\n{fine}\n"));
        assert!(
            !r.iter().any(|x| x.0 == Rule::MakestepLimitFraction),
            "{fine}"
        );
    }
}

/// R17 F10: chrony.conf(5) smoothtime "BE WARNED" on a server; leaponly,
/// or a machine that serves nobody, is fine.
#[test]
fn smoothtime_without_leaponly_on_a_server_is_warned() {
    let server =
        "server 10.0.0.1 iburst\nallow 10.0.0.0/24\nlocal stratum 10\nsmoothtime 400 0.001\n";
    assert!(rules(server).contains(&(Rule::SmoothtimeServes, Some(4))));
    let leaponly = server.replace("0.001", "0.001 leaponly");
    assert!(
        !rules(&leaponly)
            .iter()
            .any(|x| x.0 == Rule::SmoothtimeServes)
    );
    let client = "server 10.0.0.1 iburst\nsmoothtime 400 0.001\n";
    assert!(!rules(client).iter().any(|x| x.0 == Rule::SmoothtimeServes));
}

/// R17 note: a key file that does not exist is said to be missing, not to
/// lack the key (chronyd: "Could not open keyfile", then "Key 1 is missing").
#[test]
fn a_missing_key_file_is_named_as_missing() {
    let text = "server 10.0.0.123 iburst key 1\nkeyfile /nowhere/chrony.keys\n";
    let d = lint_with(text, ChronyVersion::new(4, 9), &|_: &str| None);
    let f = d
        .iter()
        .find(|d| d.rule == Rule::KeyMissing)
        .expect("warned");
    assert_eq!(f.arg("why"), Some("unreadable"));
    let keys = |_: &str| {
        Some(stratum::core::conf::lint::FileFacts {
            bytes: b"2 SHA1 HEX:00\n".to_vec(),
            mode: 0o640,
        })
    };
    let d = lint_with(text, ChronyVersion::new(4, 9), &keys);
    let f = d
        .iter()
        .find(|d| d.rule == Rule::KeyMissing)
        .expect("warned");
    assert_eq!(f.arg("why"), Some("absent"));
}
