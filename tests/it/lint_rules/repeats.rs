//! A setting given twice, who reaches the command port, and sample counts
//! meant for a one-shot chronyd (R26).

use super::{message, rules};
use stratum::core::conf::lint::Rule;

fn at(text: &str, rule: Rule) -> Vec<Option<usize>> {
    rules(text)
        .into_iter()
        .filter(|r| r.0 == rule)
        .map(|r| r.1)
        .collect()
}

#[test]
fn a_repeated_single_setting_is_said_at_the_line_it_replaces() {
    // conf.c 4.0–4.9: each of these overwrites one variable.
    for (text, line) in [
        ("bindaddress 10.20.0.5\nbindaddress 10.20.0.6\n", 1),
        ("bindcmdaddress 10.0.0.1\nbindcmdaddress 10.0.0.2\n", 1),
        ("driftfile /a\nserver a\ndriftfile /b\n", 1),
        ("local stratum 10\nlocal stratum 8\n", 1),
        ("makestep 1 3\nmakestep 0.1 -1\n", 1),
        ("maxupdateskew 100\nmaxupdateskew 10\n", 1),
        ("logdir /a\nlogdir /b\n", 1),
        ("rtcfile /a\nrtcfile /b\n", 1),
        ("smoothtime 400 0.001\nsmoothtime 400 0.01\n", 1),
        ("maxchange 1000 1 2\nmaxchange 100 1 2\n", 1),
        ("initstepslew 10 a\ninitstepslew 10 b\n", 1),
    ] {
        assert_eq!(at(text, Rule::DuplicateDirective), [Some(line)], "{text}");
    }
    // chronyd adds these up, or keeps one per protocol.
    for text in [
        "allow 10.0.0.0/8\nallow 10.1.0.0/16\n",
        "cmdallow 10.0.0.0/8\ncmdallow 10.1.0.0/16\n",
        "server a iburst\nserver b iburst\n",
        "refclock SHM 4001\nrefclock SHM 4002\n",
        "hwtimestamp eth0\nhwtimestamp eth1\n",
        "bindaddress 10.20.0.5\nbindaddress ::1\n",
        "bindcmdaddress /run/a.sock\nbindcmdaddress 127.0.0.1\n",
        "log tracking\nlog measurements\n",
    ] {
        assert!(at(text, Rule::DuplicateDirective).is_empty(), "{text}");
    }
}

#[test]
fn a_second_bindaddress_names_both_lines_and_the_unserved_interface() {
    let text = "allow 10.20.0.0/16\nbindaddress 10.20.0.5\nbindaddress 10.20.0.6\n";
    let m = message(text, Rule::DuplicateDirective);
    for part in [
        "bindaddress 10.20.0.6",
        "line 3",
        "bindaddress 10.20.0.5",
        "only one bindaddress directive can be specified",
        "does not serve",
    ] {
        assert!(m.contains(part), "{part} in {m}");
    }
    let m = message("driftfile /a\ndriftfile /b\n", Rule::DuplicateDirective);
    assert!(
        m.contains("driftfile /b") && m.contains("line 2") && m.contains("driftfile /a"),
        "{m}"
    );
    assert!(!m.contains("interface"), "{m}");
}

#[test]
fn the_command_port_is_exposed_only_when_chronyd_opens_it_to_the_network() {
    let n12 = "cmdport 0\nbindcmdaddress 0.0.0.0\ncmdallow 10.20.0.0/16\n";
    assert_eq!(at(n12, Rule::CmdportOffCmdLines), [Some(1)]);
    assert!(at(n12, Rule::CmdmonExposed).is_empty());
    assert!(at(n12, Rule::CmdallowNoBind).is_empty());
    let m = message(n12, Rule::CmdportOffCmdLines);
    assert!(m.contains("2, 3") && m.contains("no effect"), "{m}");
    // The last cmdport counts.
    assert!(
        at(
            "cmdport 0\ncmdport 323\ncmdallow 10.0.0.0/8\nbindcmdaddress 0.0.0.0\n",
            Rule::CmdportOffCmdLines
        )
        .is_empty()
    );
    // Nothing to say of a bare cmdport 0.
    assert!(at("cmdport 0\n", Rule::CmdportOffCmdLines).is_empty());
    // cmddeny all, then loopback only: nothing reaches it from the network.
    let n09 = "cmddeny all\ncmdallow 127.0.0.1\nbindcmdaddress 0.0.0.0\n";
    assert!(at(n09, Rule::CmdmonExposed).is_empty(), "{:?}", rules(n09));
    // The network let in, and a later deny all cancelling it.
    let open = "bindcmdaddress 0.0.0.0\ncmdallow 10.20.0.0/16\n";
    assert_eq!(at(open, Rule::CmdmonExposed), [Some(2)]);
    assert!(at(&format!("{open}cmddeny all\n"), Rule::CmdmonExposed).is_empty());
    // Bound to loopback only: cmdallow does nothing.
    let lo = "bindcmdaddress 127.0.0.1\ncmdallow 10.20.0.0/16\n";
    assert!(at(lo, Rule::CmdmonExposed).is_empty());
    assert_eq!(at(lo, Rule::CmdallowNoBind), [Some(2)]);
}

#[test]
fn maxsamples_1_is_warned_as_meant_for_a_one_shot_chronyd() {
    let text = "server 10.0.0.1 iburst\nmakestep 1 3\nmaxsamples 1\n";
    assert_eq!(at(text, Rule::MaxsamplesOne), [Some(3)]);
    let m = message(text, Rule::MaxsamplesOne);
    assert!(
        m.contains("frequency tracking") && m.contains("-q or -Q"),
        "{m}"
    );
    assert_eq!(
        at(
            "server 10.0.0.1 iburst maxsamples 1\nmakestep 1 3\n",
            Rule::MaxsamplesOne
        ),
        [Some(1)]
    );
    for ok in ["maxsamples 4\n", "maxsamples 0\n", "minsamples 1\n"] {
        assert!(at(ok, Rule::MaxsamplesOne).is_empty(), "{ok}");
    }
}

#[test]
fn a_client_only_host_gets_no_orphan_wait_hint() {
    let v49 = stratum::core::conf::ChronyVersion::new(4, 9);
    let has = |text: &str| {
        stratum::core::conf::lint(
            &stratum::core::conf::Document::parse(text),
            &stratum::core::conf::LintOptions {
                version: v49,
                ..Default::default()
            },
        )
        .iter()
        .any(|d| d.rule == Rule::OrphanWaits)
    };
    let server = "local stratum 10 orphan distance 0.1\nallow 10.20.0.0/16\n";
    assert!(has(server));
    assert!(!has(&format!("port 0\n{server}")));
}
