//! Sources, access lines, lab pairs, reference clocks and untrusted paths,
//! through `lint` (the tests were the lint module's own).

use super::at_release::{V43, rules};
use stratum::core::conf::guard::{Distrust, DistrustKind, PathClass};
use stratum::core::conf::lint::{FileFacts, ReadFile, Rule, lint_peer_pair};
use stratum::core::conf::{ChronyVersion, Document, LintOptions, lint};

#[test]
fn sources_chronyd_can_never_authenticate_are_warned_of() {
    let d05 = "pool localhost iburst maxsources 2\nminsources 2\nauthselectmode require\n";
    assert!(rules(d05, V43).contains(&(Rule::AuthRequiredNoneAuthenticated, Some(3))));
    for fine in [
        "server a iburst key 1\nserver b iburst\nkeyfile /k\nauthselectmode require\n",
        "server a iburst nts\nauthselectmode require\n",
        "server a iburst\nrefclock PHC /dev/ptp0\nauthselectmode require\n",
        "server a iburst\nauthselectmode require\nauthselectmode mix\n",
    ] {
        assert!(
            !rules(fine, V43)
                .iter()
                .any(|r| r.0 == Rule::AuthRequiredNoneAuthenticated),
            "{fine}"
        );
    }
    let d06 = "server 127.0.0.1 key 7\n";
    assert!(rules(d06, V43).contains(&(Rule::KeyMissing, Some(1))));
    let keys = |text: &'static str| {
        move |_: &str| {
            Some(FileFacts {
                bytes: text.as_bytes().to_vec(),
                mode: 0o640,
            })
        }
    };
    let with = |read: &ReadFile| -> Vec<Rule> {
        let opts = LintOptions {
            read: Some(read),
            ..Default::default()
        };
        lint(
            &Document::parse("server a iburst key 7\nkeyfile /k\n"),
            &opts,
        )
        .into_iter()
        .map(|d| d.rule)
        .collect()
    };
    assert!(with(&keys("1 SHA1 HEX:00\n# 7 MD5 x\n")).contains(&Rule::KeyMissing));
    assert!(!with(&keys("1 SHA1 HEX:00\n  7 MD5 secret\n")).contains(&Rule::KeyMissing));
    // A key file lint cannot read (another machine's) says nothing.
    assert!(
        !rules("server a iburst key 7\nkeyfile /k\n", V43)
            .iter()
            .any(|r| r.0 == Rule::KeyMissing)
    );
}

/// chrony.conf(5) authselectmode require: "If any unauthenticated NTP
/// sources are specified, they will automatically get the noselect option
/// to prevent them from being selected" - QA round R29's config (lab cR showed
/// the plain source `^?` with EOpts `N` on every release). The plain server
/// looks like a backup and is none: it is named, in both languages. Not said
/// under mix, nor when no source is authenticated (the stronger warning says
/// it), nor of a source already marked noselect.
#[test]
fn plain_sources_under_authselectmode_require_are_named_as_never_selected() {
    use stratum::core::conf::lint::Severity;
    use stratum::i18n::{Lang, Localizer};
    let l03 = "driftfile /var/lib/chrony/drift\nmakestep 1.0 3\nrtcsync\nkeyfile /etc/chrony.keys\nauthselectmode require\nserver 10.0.0.123 iburst key 1\nserver 10.0.0.124 iburst\n";
    for v in [(4, 0), (4, 3), (4, 6), (4, 9)].map(|(a, b)| ChronyVersion::new(a, b)) {
        let opts = LintOptions {
            version: v,
            ..Default::default()
        };
        let d = lint(&Document::parse(l03), &opts);
        let w = d
            .iter()
            .find(|d| d.rule == Rule::AuthRequiredPlainNoselect)
            .unwrap_or_else(|| panic!("{v:?}: {:?}", d.iter().map(|d| d.rule).collect::<Vec<_>>()));
        assert_eq!((w.line, w.severity), (Some(7), Severity::Warning), "{v:?}");
        let en = Localizer::new(Lang::En).tr_args(&w.message_id(), &w.args);
        for words in ["10.0.0.124 has neither", "never selected", "no backup"] {
            assert!(en.contains(words), "{en}");
        }
        assert!(!en.contains("10.0.0.123"), "{en}");
        let zh = Localizer::new(Lang::ZhCn).tr_args(&w.message_id(), &w.args);
        for words in ["10.0.0.124 没有", "永远不会被选中", "备用"] {
            assert!(zh.contains(words), "{zh}");
        }
    }
    // Two plain ones beside a reference clock: both named, in order.
    let two = "server a iburst\nrefclock PHC /dev/ptp0\npool b iburst\nauthselectmode require\n";
    let d = lint(&Document::parse(two), &LintOptions::default());
    let w = d
        .iter()
        .find(|d| d.rule == Rule::AuthRequiredPlainNoselect)
        .expect("two plain sources beside a refclock");
    let en = Localizer::new(Lang::En).tr_args(&w.message_id(), &w.args);
    assert!(en.contains("a, b have neither"), "{en}");
    for fine in [
        l03.replace("require", "mix"),
        "server a iburst\nserver b iburst\nauthselectmode require\n".to_string(),
        "keyfile /k\nserver a key 1\nserver b noselect\nauthselectmode require\n".to_string(),
        "server a nts\nserver b nts\nauthselectmode require\n".to_string(),
    ] {
        assert!(
            !rules(&fine, V43)
                .iter()
                .any(|r| r.0 == Rule::AuthRequiredPlainNoselect),
            "{fine}"
        );
    }
}

/// chrony.conf(5) authselectmode mix, the default since 4.0: "If both
/// authenticated and unauthenticated NTP sources are specified, all
/// authenticated NTP sources and reference clocks will get the require and
/// trust options": one keyed server among plain ones holds them all back
/// when it fails (prefer: "all unauthenticated NTP sources will get the
/// noselect option"). Said on the keyed line; not with ignore, nor
/// when every source (or none) is authenticated, nor of noselect sources.
#[test]
fn one_authenticated_source_among_plain_ones_is_required_by_default() {
    let k13 = "keyfile /etc/chrony.keys\nserver 192.0.2.1 iburst key 7\nserver 192.0.2.2 iburst\nserver 192.0.2.3 iburst\nmakestep 1 3\n";
    for v in [(4, 0), (4, 3), (4, 6), (4, 9)].map(|(a, b)| ChronyVersion::new(a, b)) {
        assert!(
            rules(k13, v).contains(&(Rule::AuthMixRequired, Some(2))),
            "{v:?}"
        );
    }
    let nts = "server a iburst\nserver b iburst nts\nauthselectmode mix\n";
    assert!(rules(nts, V43).contains(&(Rule::AuthMixRequired, Some(2))));
    // prefer: the plain ones get noselect, worse still.
    let prefer = format!("{k13}authselectmode prefer\n");
    assert!(rules(&prefer, V43).contains(&(Rule::AuthMixRequired, Some(2))));
    for fine in [
        format!("{k13}authselectmode ignore\n"),
        format!("{k13}authselectmode require\n"),
        "keyfile /k\nserver a key 1\nserver b key 2\n".to_string(),
        "server a\nserver b\n".to_string(),
        "keyfile /k\nserver a key 1\nserver b noselect\n".to_string(),
    ] {
        assert!(
            !rules(&fine, V43)
                .iter()
                .any(|r| r.0 == Rule::AuthMixRequired),
            "{fine}"
        );
    }
}

#[test]
fn template_placeholders_and_commented_allow_lines_say_what_to_fix() {
    // The lab notes' template: the address is to be filled in, it is not
    // an option named "ntp".
    let r = rules(
        "peer <slave ntp server ip> iburst prefer\nallow <client ip subnet>\n",
        V43,
    );
    assert!(r.contains(&(Rule::Placeholder, Some(1))), "{r:?}");
    assert!(r.contains(&(Rule::Placeholder, Some(2))), "{r:?}");
    assert!(!r.iter().any(|x| x.0 == Rule::UnknownOption), "{r:?}");
    // 4.0 reads the subnet before the comment and serves it: one
    // warning about later releases, no "serves nobody".
    let v40 = ChronyVersion::new(4, 0);
    let text = "local stratum 10\nallow 10.0.0.0/24   # lab\n";
    let r = rules(text, v40);
    assert!(r.contains(&(Rule::AccessLenientComment, Some(2))), "{r:?}");
    assert!(!r.iter().any(|x| x.0 == Rule::NoAllow), "{r:?}");
    // 4.3 refuses the line: the comment is the error.
    let r = rules(text, V43);
    assert!(r.contains(&(Rule::TrailingComment, Some(2))), "{r:?}");
}

#[test]
fn lab_warnings() {
    // An isolated server with no local stratum.
    let r = rules(
        "server 192.168.0.5 iburst\nallow 10.20.0.0/16\nmakestep 1 3\n",
        V43,
    );
    assert!(r.contains(&(Rule::NoLocalStratum, Some(2))));
    assert!(r.contains(&(Rule::FewSources, None)));
    // A client letting only its server ask for its time serves no one.
    for text in [
        "server 10.0.0.1 iburst\nallow 10.0.0.1\n",
        "server ntp.lab iburst\nallow ntp.lab\n",
    ] {
        assert!(
            !rules(text, V43).iter().any(|r| r.0 == Rule::NoLocalStratum),
            "{text}"
        );
    }
    let r = rules(
        "server 10.0.0.1 iburst\nallow 10.0.0.1\nallow 10.0.0.9\n",
        V43,
    );
    assert!(r.contains(&(Rule::NoLocalStratum, Some(2))));
    let r = rules("local stratum 10\n", V43);
    assert!(r.contains(&(Rule::NoAllow, Some(1))));
    let r = rules(
        "peer 10.0.0.2 iburst\nlocal stratum 8\nallow 10.0.0.0/24\n",
        V43,
    );
    assert!(r.contains(&(Rule::PeerBurst, Some(1))));
    assert!(r.contains(&(Rule::PeerNoOrphan, Some(2))));
    let r = rules(
        "server a iburst\nserver a iburst\nserver b iburst\nmakestep 1 3\n",
        V43,
    );
    assert!(r.contains(&(Rule::DuplicateSource, Some(2))));
    assert!(rules("cmdallow 10.0.0.0/8\n", V43).contains(&(Rule::CmdallowNoBind, Some(1))));
    assert!(
        !rules("cmdallow 10.0.0.0/8\nbindcmdaddress 0.0.0.0\n", V43)
            .iter()
            .any(|r| r.0 == Rule::CmdallowNoBind)
    );
    assert!(rules("pool p iburst\n", V43).contains(&(Rule::NoMakestep, None)));
    assert!(
        rules("driftfile /a\ndriftfile /b\n", V43).contains(&(Rule::DuplicateDirective, Some(1)))
    );
}

#[test]
fn a_client_of_one_server_gets_a_hint_and_one_address_is_one_source() {
    let client = rules("server 10.0.0.123 iburst\nmakestep 1 3\n", V43);
    assert!(
        client.contains(&(Rule::FewSourcesClient, None)),
        "{client:?}"
    );
    assert!(!client.iter().any(|r| r.0 == Rule::FewSources));
    let server = rules(
        "server 10.0.0.123 iburst\nmakestep 1 3\nallow 10.0.0.0/24\n",
        V43,
    );
    assert!(server.contains(&(Rule::FewSources, None)));
    let both = rules("server 10.0.0.2 iburst\npeer 10.0.0.2\n", V43);
    assert!(both.contains(&(Rule::DuplicateSource, Some(2))), "{both:?}");
}

#[test]
fn an_allowed_name_that_does_not_resolve_is_an_error() {
    let doc = Document::parse("allow lab-clients.example\nallow localhost\nlocal stratum 10\n");
    let resolves = |h: &str| h == "localhost";
    let opts = LintOptions {
        version: V43,
        path_exists: None,
        resolves: Some(&resolves),
        ..Default::default()
    };
    let d = lint(&doc, &opts);
    let rules: Vec<(Rule, Option<usize>)> = d.iter().map(|d| (d.rule, d.line)).collect();
    assert!(
        rules.contains(&(Rule::AllowHostUnresolved, Some(1))),
        "{rules:?}"
    );
    assert!(rules.contains(&(Rule::AllowHostname, Some(2))));
}

#[test]
fn a_pair_follows_the_orphan_rule() {
    // chrony.conf(5): the same local configuration on every server of
    // the group, in orphan mode.
    let oa = Document::parse("peer 10.0.0.2\nlocal stratum 8 orphan\n");
    let ob = Document::parse("peer 10.0.0.1\nlocal stratum 8 orphan\n");
    assert_eq!(lint_peer_pair(&oa, &ob), None);
    // Different strata (the old "8 and 9" advice) break it, either way.
    let nine = Document::parse("peer 10.0.0.1\nlocal stratum 9 orphan\n");
    let d = lint_peer_pair(&oa, &nine).expect("a finding");
    assert_eq!(d.rule, Rule::PeerStrataDiffer);
    assert_eq!(d.line, Some(2));
    assert_eq!(
        d.args,
        vec![("stratum", "8".to_string()), ("other", "9".to_string())]
    );
    assert!(lint_peer_pair(&nine, &oa).is_some());
    // A partner without local at all differs too.
    let bare = Document::parse("peer 10.0.0.1\n");
    assert!(lint_peer_pair(&oa, &bare).is_some());
    // Each file says itself that orphan is missing.
    let rules: Vec<Rule> = lint(
        &Document::parse("peer 10.0.0.2\nlocal stratum 8\n"),
        &LintOptions::default(),
    )
    .into_iter()
    .map(|d| d.rule)
    .collect();
    assert!(rules.contains(&Rule::PeerNoOrphan), "{rules:?}");
}

// Reference clocks that depend on one another.
fn refclock_rules(text: &str) -> Vec<Rule> {
    let opts = LintOptions {
        version: ChronyVersion::new(4, 9),
        ..Default::default()
    };
    lint(&Document::parse(text), &opts)
        .into_iter()
        .map(|d| d.rule)
        .filter(|r| matches!(r, Rule::RefclockLockUnknown | Rule::RefclockPpsUnnumbered))
        .collect()
}

#[test]
fn a_pps_clock_needs_a_clock_or_source_to_number_its_seconds() {
    assert_eq!(
        refclock_rules("refclock PPS /dev/pps0\n"),
        [Rule::RefclockPpsUnnumbered]
    );
    // chrony.conf(5)'s example pair: the PPS locked to the NMEA clock.
    let pair = "refclock SHM 0 refid NMEA noselect\nrefclock PPS /dev/pps0 lock NMEA\n";
    assert!(refclock_rules(pair).is_empty());
    // Without a refid the SHM clock is SHM0, its default.
    assert!(refclock_rules("refclock SHM 0\nrefclock PPS /dev/pps0 lock SHM0\n").is_empty());
    assert!(refclock_rules("refclock PPS /dev/pps0\npool pool.ntp.org iburst\n").is_empty());
    assert!(refclock_rules("refclock PPS /dev/pps0 local\n").is_empty());
}

#[test]
fn a_lock_naming_no_clock_is_reported() {
    let text = "refclock SHM 0 refid GPS\nrefclock PPS /dev/pps0 lock NMEA\n";
    assert_eq!(refclock_rules(text), [Rule::RefclockLockUnknown]);
}

#[test]
fn a_path_the_rule_refuses_is_an_error_that_says_why() {
    let trust = |p: &str, class: PathClass| {
        (p.starts_with("/run/chrony/") && class == PathClass::Names).then(|| Distrust {
            path: "/run/chrony".into(),
            kind: DistrustKind::Owner,
            owner: Some("_chrony".into()),
        })
    };
    let opts = LintOptions {
        trust: Some(&trust),
        ..Default::default()
    };
    let d = lint(
        &Document::parse("include /run/chrony/*.conf\npidfile /run/chrony/x.pid\n"),
        &opts,
    );
    let found: Vec<_> = d.iter().filter(|d| d.rule == Rule::PathUntrusted).collect();
    assert_eq!(found.len(), 1, "{d:?}");
    assert_eq!(found[0].line, Some(1));
    assert_eq!(found[0].arg("owner"), Some("_chrony"));
    assert_eq!(found[0].arg("why"), Some("owner"));
}

/// chrony.conf(5): noselect "never selected for synchronisation"; prefer
/// "prefer this source over sources without the prefer option". On one
/// line prefer does nothing: lint says so on that line, in every release
/// and both languages, and says nothing of either option alone.
#[test]
fn prefer_on_a_noselect_line_is_warned_of() {
    use stratum::core::conf::lint::Severity;
    use stratum::i18n::{Lang, Localizer};
    let both = "server 10.0.0.1 iburst prefer noselect\nserver 10.0.0.2 iburst\nmakestep 1.0 3\n";
    for v in [(4, 0), (4, 3), (4, 6), (4, 9)].map(|(a, b)| ChronyVersion::new(a, b)) {
        assert!(
            rules(both, v).contains(&(Rule::PreferNoselect, Some(1))),
            "{v:?}"
        );
        for alone in [
            "server 10.0.0.1 iburst prefer\nserver 10.0.0.2 iburst noselect\n",
            "server 10.0.0.1 iburst noselect\nserver 10.0.0.2 iburst\n",
        ] {
            assert!(
                !rules(alone, v).iter().any(|r| r.0 == Rule::PreferNoselect),
                "{v:?} {alone}"
            );
        }
    }
    let d = lint(&Document::parse(both), &LintOptions::default());
    let w = d
        .iter()
        .find(|d| d.rule == Rule::PreferNoselect)
        .expect("prefer-noselect");
    assert_eq!(w.severity, Severity::Warning);
    let en = Localizer::new(Lang::En).tr_args(&w.message_id(), &w.args);
    assert!(
        en.contains("prefer on the line of 10.0.0.1 does nothing"),
        "{en}"
    );
    let zh = Localizer::new(Lang::ZhCn).tr_args(&w.message_id(), &w.args);
    assert!(zh.contains("10.0.0.1 这一行上的 prefer 不起作用"), "{zh}");
}

/// R38-1: seed 004's primary (`local stratum 8`, peered with a backup at
/// `local stratum 9`, no orphan) is a configuration chronyd starts with on
/// every release, and the backup follows the primary (R38, live 4.9: `=*`,
/// also after the upstream stopped). chrony.conf(5), local, orphan: orphan
/// "allows multiple servers in the network to use the same local
/// configuration and to be synchronised to one another". So a hint about
/// what orphan is for, not a warning that it is needed.
#[test]
fn a_primary_and_backup_at_different_local_strata_get_an_orphan_hint_not_a_warning() {
    use stratum::core::conf::lint::Severity;
    use stratum::i18n::{Lang, Localizer};
    let path = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/tests/data/chronyd/ok-seed004-primary.conf"
    );
    let text = std::fs::read_to_string(path)
        .unwrap()
        .replace("@DIR@", "/var/lib/chrony");
    for v in [(4, 0), (4, 3), (4, 6), (4, 9)] {
        let opts = LintOptions {
            version: ChronyVersion::new(v.0, v.1),
            ..Default::default()
        };
        let d = lint(&Document::parse(&text), &opts);
        let hint = d
            .iter()
            .find(|d| d.rule == Rule::PeerNoOrphan)
            .unwrap_or_else(|| panic!("{v:?}: {d:?}"));
        assert_eq!(hint.severity, Severity::Hint, "{v:?}");
        let en = Localizer::new(Lang::En).tr_args(&hint.message_id(), &hint.args);
        assert!(en.contains("lower local stratum"), "{en}");
        assert!(en.contains("share one local configuration"), "{en}");
        assert!(!en.contains("need"), "{en}");
        let zh = Localizer::new(Lang::ZhCn).tr_args(&hint.message_id(), &hint.args);
        assert!(zh.contains("层级较低的一台"), "{zh}");
        assert!(!zh.contains("需要"), "{zh}");
    }
}

/// Audits R43/R44: `server iburst` (the address forgotten). chronyd reads
/// the first word after the directive as the host (cmdparse.c
/// CPS_ParseNTPSourceAdd), so it starts and looks up a host "iburst" that
/// never resolves: the line gives no time. Lint says the line names no
/// server, not "iburst has no iburst".
#[test]
fn a_source_line_whose_host_is_an_option_names_no_server() {
    for text in [
        "server iburst\n",
        "pool iburst maxsources 4\n",
        "peer prefer\n",
    ] {
        let doc = Document::parse(text);
        let d = lint(&doc, &LintOptions::default());
        let found: Vec<&stratum::core::conf::lint::Diagnostic> = d
            .iter()
            .filter(|d| d.rule == Rule::SourceHostIsOption)
            .collect();
        assert_eq!(found.len(), 1, "{text}: {d:?}");
        assert_eq!(found[0].line, Some(1));
        assert!(
            !d.iter()
                .any(|d| matches!(d.rule, Rule::NoIburst | Rule::PeerBurst)),
            "{text}: {d:?}"
        );
    }
    // A host that merely starts like an option is a host.
    let d = lint(
        &Document::parse("server iburst.example.org iburst\n"),
        &LintOptions::default(),
    );
    assert!(
        !d.iter().any(|d| d.rule == Rule::SourceHostIsOption),
        "{d:?}"
    );
}
