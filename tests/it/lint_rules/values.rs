//! Values chronyd reads otherwise than written (QA round R25): a port
//! above 65535 before 4.7, a number with more after it (a decimal comma).

use stratum::core::conf::lint::Rule;
use stratum::core::conf::{ChronyVersion, Document, LintOptions, lint};
use stratum::i18n::{Lang, Localizer};

/// The diagnostics of `rule` in `text` under `version`, in `lang`.
fn said(
    text: &str,
    version: ChronyVersion,
    rule: Rule,
    lang: Lang,
) -> Vec<(Option<usize>, String)> {
    let t = Localizer::new(lang);
    lint(
        &Document::parse(text),
        &LintOptions {
            version,
            ..Default::default()
        },
    )
    .into_iter()
    .filter(|d| d.rule == rule)
    .map(|d| (d.line, t.tr_args(&d.message_id(), &d.args)))
    .collect()
}

/// R25-1: 4.0–4.6.1 start with `port 1230000` and poll port 50352; every
/// 16-bit port (source port and ntsport, port, acquisitionport, cmdport,
/// ntsport, ptpport) is said with the port really used. 4.7+ refuse it.
#[test]
fn a_port_above_65535_names_the_port_chronyd_uses_before_4_7() {
    let text = "server ntp2.aliyun.com port 1230000 iburst\n\
                server 10.0.0.2 ntsport 65540 iburst\n\
                port 65536\nacquisitionport 70000\ncmdport 123456\n\
                ntsport 65537\nacquisitionport -1\nmakestep 1 3\n";
    for v in [
        ChronyVersion::new(4, 0),
        ChronyVersion::new(4, 3),
        ChronyVersion::new(4, 6),
    ] {
        let en = said(text, v, Rule::PortWraps, Lang::En);
        let lines: Vec<_> = en.iter().map(|(l, _)| *l).collect();
        assert_eq!(
            lines,
            [Some(1), Some(2), Some(3), Some(4), Some(5), Some(6)],
            "{v}: {en:?}"
        );
        assert!(
            en[0].1.contains("port 1230000") && en[0].1.contains("uses port 50352"),
            "{}",
            en[0].1
        );
        assert!(
            en[1].1.contains("ntsport 65540") && en[1].1.contains("port 4 "),
            "{}",
            en[1].1
        );
        assert!(en[4].1.contains("uses port 57920"), "{}", en[4].1);
        let zh = said(text, v, Rule::PortWraps, Lang::ZhCn);
        assert!(zh[0].1.contains("实际使用端口 50352"), "{}", zh[0].1);
        let errors = lint(
            &Document::parse(text),
            &LintOptions {
                version: v,
                ..Default::default()
            },
        );
        assert!(
            !stratum::core::conf::lint::has_errors(&errors),
            "{v}: {errors:?}"
        );
    }
    let v = ChronyVersion::new(4, 9);
    assert!(said(text, v, Rule::PortWraps, Lang::En).is_empty());
    // acquisitionport -1 too (conf.c 4.8: `parse_int(p, &acquisition_port, 0, 65535)`).
    assert_eq!(said(text, v, Rule::OutOfRange, Lang::En).len(), 7);
    // In range: nothing.
    let fine = "server 10.0.0.1 port 65535 iburst\nport 0\nmakestep 1 3\n";
    assert!(said(fine, ChronyVersion::new(4, 3), Rule::PortWraps, Lang::En).is_empty());
}

/// R25-4: `stratumweight 0,05` is read as 0 by every release
/// (parse_double's `sscanf("%lf")`): the value used and the one meant.
#[test]
fn a_number_with_more_after_it_names_the_value_chronyd_uses() {
    let text = "server 10.0.0.1 iburst\nstratumweight 0,05\nmaxclockerror 2x\nlogbanner 20x\nmakestep 1 3\n";
    for v in [
        ChronyVersion::new(4, 0),
        ChronyVersion::new(4, 6),
        ChronyVersion::new(4, 9),
    ] {
        let en = said(text, v, Rule::NumberPrefix, Lang::En);
        assert!(
            en[0].1.contains("uses stratumweight 0.") && en[0].1.contains("“stratumweight 0.05”"),
            "{v}: {}",
            en[0].1
        );
        assert!(
            en[1].1.contains("uses maxclockerror 2.") && !en[1].1.contains("comma"),
            "{}",
            en[1].1
        );
        // logbanner is an integer: refused from 4.7 (not-an-integer), read
        // as 20 before.
        let banner = en.iter().any(|(l, _)| *l == Some(4));
        assert_eq!(banner, v < ChronyVersion::STRICT_INTEGERS, "{v}: {en:?}");
        let zh = said(text, v, Rule::NumberPrefix, Lang::ZhCn);
        assert!(
            zh[0].1.contains("实际使用 stratumweight 0。")
                && zh[0].1.contains("“stratumweight 0.05”"),
            "{}",
            zh[0].1
        );
    }
    let fine = "server 10.0.0.1 iburst\nstratumweight 0.05\nmakestep 1 3\n";
    assert!(said(fine, ChronyVersion::new(4, 3), Rule::NumberPrefix, Lang::En).is_empty());
}

/// R25-3: a leapsectz zone this machine does not have (right/UTC8) is
/// said with chronyd's own log line; one that exists is judged as before.
#[test]
fn a_leapsectz_zone_missing_here_is_warned_with_chronyds_log_line() {
    let text = "server 10.0.0.1 iburst\nmakestep 1 3\nleapsectz right/UTC8\n";
    let exists = |p: &str| std::path::Path::new(p).exists();
    let diags = |text: &str| {
        lint(
            &Document::parse(text),
            &LintOptions {
                path_exists: Some(&exists),
                ..Default::default()
            },
        )
    };
    assert!(!exists("/usr/share/zoneinfo/right/UTC8"));
    let d = diags(text);
    let found: Vec<_> = d.iter().map(|d| (d.rule, d.line)).collect();
    assert!(
        found.contains(&(Rule::LeapsectzMissing, Some(3))),
        "{found:?}"
    );
    assert!(
        !found.iter().any(|f| f.0 == Rule::LeapsectzNoLeaps),
        "{found:?}"
    );
    let en = Localizer::new(Lang::En);
    let m = d.iter().find(|d| d.rule == Rule::LeapsectzMissing).unwrap();
    let msg = en.tr_args(&m.message_id(), &m.args);
    assert!(
        msg.contains("Timezone right/UTC8 failed leap second check, ignoring")
            && msg.contains("this machine"),
        "{msg}"
    );
    // A zone that is there: not missing (right/UTC where tzdata ships it).
    if exists("/usr/share/zoneinfo/right/UTC") {
        let ok = diags("server 10.0.0.1 iburst\nmakestep 1 3\nleapsectz right/UTC\n");
        assert!(
            !ok.iter().any(|d| d.rule == Rule::LeapsectzMissing),
            "{ok:?}"
        );
    }
}

/// R25-7: maxclockerror 2000 is a hint with the manual's figures; 10 (a
/// low quality clock) is not.
#[test]
fn a_maxclockerror_far_above_the_manuals_figures_is_a_hint() {
    let v = ChronyVersion::new(4, 3);
    let text = "server 10.0.0.1 iburst\nmakestep 1 3\nmaxclockerror 2000\n";
    let en = said(text, v, Rule::MaxclockerrorHigh, Lang::En);
    assert_eq!(en.len(), 1, "{en:?}");
    assert!(
        en[0].1.contains("10 for a low quality clock") && en[0].1.contains("adds 2 ms"),
        "{}",
        en[0].1
    );
    assert_eq!(
        Rule::MaxclockerrorHigh.severity(),
        stratum::core::conf::lint::Severity::Hint
    );
    let zh = said(text, v, Rule::MaxclockerrorHigh, Lang::ZhCn);
    assert!(zh[0].1.contains("增加 2 毫秒"), "{}", zh[0].1);
    let fine = "server 10.0.0.1 iburst\nmakestep 1 3\nmaxclockerror 10\n";
    assert!(said(fine, v, Rule::MaxclockerrorHigh, Lang::En).is_empty());
}
