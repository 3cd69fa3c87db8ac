//! Lint rules checked through `lint` itself, as `stratum config lint`
//! runs them (the rule modules are children of lint and do not import it).

use stratum::core::conf::lint::Rule;
use stratum::core::conf::{Document, LintOptions, lint};

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
