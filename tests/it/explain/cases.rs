//! Cases written from the tools' manuals: dead upstreams, silent sources,
//! a filling reach register, empty tables, each tool's meanings, peers at
//! one stratum, a server running at another rate.

use crate::common;

use std::time::Duration;

use common::lab::{Chronyd, wait_for};
use stratum::core::explain::{FieldId, Rule, Why, explain};
use stratum::i18n::{Lang, Localizer};

use super::*;

fn field<'a>(
    row: &'a [stratum::core::explain::Field],
    name: &str,
) -> &'a stratum::core::explain::Field {
    row.iter().find(|f| f.name.id() == name).unwrap()
}

/// chronyc(1): the reach register is an octal shift register of the last 8
/// polls, newest in the lowest bit. Written from chronyc's manual, not from
/// a captured session.
#[test]
fn dead_upstreams_are_named_and_their_placeholders_not_judged() {
    let text = "\
MS Name/IP address         Stratum Poll Reach LastRx Last sample
===============================================================================
^* 192.168.10.1                  2   6   377    35   -215us[ -301us] +/-   12ms
^? ntp.example.net               0   6     0     -     +0ns[   +0ns] +/-    0ns
^? 10.99.0.7                     0   6     0     -     +0ns[   +0ns] +/-    0ns
";
    let e = explain(text).unwrap();
    let dead = &e.rows[1];
    assert_eq!(
        field(dead, "reach").status,
        stratum::core::explain::Status::Bad
    );
    for name in ["sample-offset", "measured-offset", "error"] {
        let f = field(dead, name);
        assert_eq!(f.status, stratum::core::explain::Status::Info, "{name}");
        assert_eq!(f.reason.as_ref().unwrap().id, Why::NoSample);
    }
    let f = e
        .findings
        .iter()
        .find(|f| f.rule == Rule::from_id("some-unreachable").unwrap())
        .expect("a finding");
    let named = &f.args.iter().find(|(k, _)| *k == "sources").unwrap().1;
    assert!(
        named.contains("ntp.example.net") && named.contains("10.99.0.7"),
        "{named}"
    );
    assert!(!named.contains("192.168.10.1"));
    // Its text gives the causes, the unsynchronised upstream among them.
    let tr = Localizer::new(Lang::En);
    let msg = tr.tr_args("finding-some-unreachable", &f.args);
    assert!(
        msg.contains("UDP 123") && msg.contains("not synchronised"),
        "{msg}"
    );
    assert!(
        !e.findings
            .iter()
            .any(|f| f.rule == Rule::from_id("no-upstream-reachable").unwrap())
    );
}

/// Sources configured by IP address (the lab notes' `chronyc sources`
/// of 100.100.61.88, 120.25.115.20…): a name that does not resolve is no
/// possible cause, in either language; a configured name keeps it. And
/// chronyc(1)'s "+0ns" for a source never sampled is a placeholder: the
/// text output shows "–" with the reason, never "+0ns" as data.
#[test]
fn silent_sources_by_address_are_not_blamed_on_names() {
    let by_address = std::fs::read_to_string(dir().join("chronyc-sources-seed004.txt")).unwrap();
    let all_silent = "\
MS Name/IP address         Stratum Poll Reach LastRx Last sample
===============================================================================
^? 120.25.115.20                 0   7     0     -     +0ns[   +0ns] +/-    0ns
^? 203.107.6.88                  0   7     0     -     +0ns[   +0ns] +/-    0ns
";
    for (text, rule) in [
        (by_address.as_str(), "some-unreachable"),
        (all_silent, "no-upstream-reachable"),
    ] {
        let e = explain(text).unwrap();
        let f = e
            .findings
            .iter()
            .find(|f| f.rule == Rule::from_id(rule).unwrap())
            .unwrap_or_else(|| panic!("no {rule}"));
        for (lang, name) in [(Lang::En, "resolve"), (Lang::ZhCn, "解析")] {
            let msg = Localizer::new(lang).finding_text(e.kind, f);
            assert!(!msg.contains(name), "{rule}: {msg}");
            assert!(msg.contains("UDP 123"), "{rule}: {msg}");
        }
    }
    // A configured name that never answered may well not resolve.
    let named = all_silent.replace("203.107.6.88     ", "ntp.aliyun.com   ");
    let e = explain(&named).unwrap();
    let msg = Localizer::new(Lang::En).finding_text(e.kind, &e.findings[0]);
    assert!(msg.contains("names that do not resolve"), "{msg}");
    // The text output: "–" where chronyc printed its 0 placeholder.
    let file = tempfile::NamedTempFile::new().unwrap();
    std::fs::write(file.path(), all_silent).unwrap();
    let out = common::stratum()
        .args(["explain", "--lang", "en"])
        .arg(file.path())
        .output()
        .unwrap();
    let text = String::from_utf8_lossy(&out.stdout);
    let offsets: Vec<&str> = text
        .lines()
        .filter(|l| l.trim_start().starts_with("sample-offset"))
        .collect();
    assert_eq!(offsets.len(), 2, "{text}");
    for l in offsets {
        assert!(l.contains("–") && !l.contains("+0ns"), "{l}");
    }
}

#[test]
fn a_reach_register_filling_after_a_start_is_not_loss() {
    let row = |reach: &str| {
        format!(
            "MS Name/IP address         Stratum Poll Reach LastRx Last sample\n===============================================================================\n^* 192.168.10.1                  2   6   {reach:>3}    35   -215us[ -301us] +/-   12ms\n"
        )
    };
    for (reach, status, reason) in [
        ("1", "ok", "reach-starting"),
        ("37", "ok", "reach-starting"),
        ("77", "ok", "reach-starting"),
        ("177", "ok", "reach-starting"),
        ("377", "ok", "reach-full"),
        ("375", "warn", "reach-partial"),
        ("357", "warn", "reach-partial"),
        // chronyc(1): bit 0 is the newest poll. One newest miss is no
        // pattern of loss; a run of misses at the end is a stop.
        ("376", "info", "reach-last-missed"),
        // 002: one answer, then the newest poll missed; the empty older
        // bits are a start or older misses, which the row cannot tell.
        ("2", "info", "reach-last-missed-filling"),
        ("374", "warn", "reach-stopped"),
        ("300", "warn", "reach-stopped"),
        // LastRx 35 (chronyc(1): "how long ago the last good sample ...
        // was received"): it answered, then stopped; not "never".
        ("0", "warn", "reach-zero-answered"),
    ] {
        let e = explain(&row(reach)).unwrap();
        let f = field(&e.rows[0], "reach");
        assert_eq!(
            (f.status.as_str(), f.reason.as_ref().unwrap().id.id()),
            (status, reason),
            "reach {reach}"
        );
    }
}

/// What users paste that is not a whole, clean report.
#[test]
fn empty_tables_quoted_output_and_partial_tracking_are_explained() {
    // A server nobody reaches yet (chronyc prints the header alone).
    let empty = "Hostname                      NTP   Drop Int IntL Last     Cmd   Drop Int  Last\n===============================================================================\n";
    let e = explain(empty).unwrap();
    assert_eq!(e.kind_name(), "chronyc-clients");
    assert!(
        e.findings
            .iter()
            .any(|f| f.rule == Rule::from_id("no-clients-yet").unwrap())
    );
    // Quoted in notes or mail.
    let tracking = "Reference ID    : C0A80A01 (192.168.10.1)\nStratum         : 3\nSystem time     : 0.000012 seconds fast of NTP time\nLeap status     : Normal\n";
    for quote in ["> ", "# ", ">"] {
        let quoted: String = tracking.lines().map(|l| format!("{quote}{l}\n")).collect();
        let e = explain(&quoted).unwrap_or_else(|err| panic!("{quote:?}: {err}"));
        assert_eq!(e.kind_name(), "chronyc-tracking", "{quote:?}");
        assert_eq!(e.fields.len(), 4);
    }
    // A few lines of tracking.
    let part = "System time     : 0.000012 seconds fast of NTP time\nLast offset     : -0.000003 seconds\n";
    assert_eq!(explain(part).unwrap().kind_name(), "chronyc-tracking");
}

/// Each tool's own units and meanings (from chronyc(1), ntpq(1) and the
/// vendors' command references).
#[test]
fn meanings_follow_each_tools_manual() {
    let tr = Localizer::new(Lang::En);
    // chronyc clients: IntL is the interval after rate limiting.
    assert!(
        tr.tr("field-ntp-interval-limit")
            .contains("after the response rate was limited")
    );
    // ntpq -p and Cisco print poll in seconds, chronyc in log2.
    let ntpq = "     remote           refid      st t when poll reach   delay   offset  jitter\n==============================================================================\n*192.168.10.1    .GPS.            1 u   35   64  377    0.231   -0.012   0.004\n";
    let e = explain(ntpq).unwrap();
    assert!(
        e.rows[0]
            .iter()
            .any(|f| f.name == FieldId::PollSeconds && f.raw == "64")
    );
    assert!(tr.tr("field-poll-seconds").contains("seconds"));
    let cisco = "  address         ref clock       st   when   poll reach  delay  offset   disp\n*~192.168.10.1    .GPS.            1     35     64   377  0.231  -0.012  0.004\n * sys.peer, # selected, + candidate, - outlyer, x falseticker, ~ configured\n";
    let e = explain(cisco).unwrap();
    assert!(
        e.rows[0].iter().any(|f| f.name == FieldId::PollSeconds),
        "{:?}",
        e.rows[0]
    );
    // Cisco's "system time" is the date now, not an offset: no contradiction
    // between the field and the finding about reference time.
    let status = "Clock is synchronized, stratum 2, reference is 192.168.10.1\nnominal freq is 250.0000 Hz, actual freq is 250.0000 Hz, precision is 2**18\nreference time is E9F1C2A3.1D2B3C4D (10:00:03.114 UTC Mon Nov 23 2026)\nclock offset is -0.0120 msec, root delay is 0.23 msec\nroot dispersion is 1.03 msec, peer dispersion is 0.50 msec\nsystem time is E9F1C2D1.3A4B5C6D (10:00:49.228 UTC Mon Nov 23 2026)\n";
    let e = explain(status).unwrap();
    let f = e
        .fields
        .iter()
        .find(|f| f.name == FieldId::CurrentTime)
        .expect("system time read");
    assert!(
        tr.tr(&format!("field-{}", f.name))
            .contains("not an offset")
    );
    assert!(
        e.findings
            .iter()
            .any(|x| x.rule == Rule::from_id("reference-vs-system-time").unwrap())
    );
}

/// Two peers synchronised to an upstream share its stratum: not a problem.
#[test]
fn peers_at_the_same_stratum_are_flagged_only_when_serving_their_own_clocks() {
    let synced = "MS Name/IP address         Stratum Poll Reach LastRx Last sample\n===============================================================================\n^* 192.168.10.1                  2   6   377    35   -215us[ -301us] +/-   12ms\n=+ 10.0.0.2                      3   6   377    20    +15us[  +12us] +/-   13ms\n=+ 10.0.0.3                      3   6   377    21    +11us[  +10us] +/-   13ms\n";
    assert!(
        !explain(synced)
            .unwrap()
            .findings
            .iter()
            .any(|f| f.rule == Rule::from_id("peer-same-stratum").unwrap())
    );
    let isolated = "MS Name/IP address         Stratum Poll Reach LastRx Last sample\n===============================================================================\n=? 10.0.0.2                      8   6   377    20    +15us[  +12us] +/-   13ms\n=? 10.0.0.3                      8   6   377    21    +11us[  +10us] +/-   13ms\n";
    assert!(
        explain(isolated)
            .unwrap()
            .findings
            .iter()
            .any(|f| f.rule == Rule::from_id("peer-same-stratum").unwrap())
    );
}

/// chronyc(1) sourcestats: "Frequency: This is the estimated residual
/// frequency for the server". Real chronyd of every release follows three
/// loopback servers, one of whose clock runs 300 ppm off (a chronyd -x
/// whose drift file says so: its null clock driver serves time at that
/// rate): that source's settled residual frequency is its own clock's
/// rate, and explain says so, naming it, not that this clock's frequency
/// is wrong.
#[test]
fn a_server_running_at_another_rate_is_named_not_this_clock() {
    std::thread::scope(|s| {
        for r in common::releases() {
            s.spawn(move || {
                let tmp = tempfile::tempdir().unwrap();
                let dir = tmp.path();
                std::fs::write(dir.join("fast.drift"), "300.000000 0.000000\n").unwrap();
                let ups: Vec<Chronyd> = [("a", 11), ("b", 12), ("fast", 13)]
                    .iter()
                    .map(|(name, last)| {
                        Chronyd::start(
                            &r.chronyd,
                            dir,
                            name,
                            &format!(
                                "local stratum 1\nallow 127.0.0.0/8\nbindaddress 127.0.0.{last}"
                            ),
                        )
                    })
                    .collect();
                let servers: String = ups
                    .iter()
                    .zip([11, 12, 13])
                    .map(|(u, last)| {
                        format!(
                            "server 127.0.0.{last} port {} iburst minpoll -2 maxpoll -2\n",
                            u.port
                        )
                    })
                    .collect();
                let c = Chronyd::start(&r.chronyd, dir, "client", &servers);
                // Each source settled: the fast one 300 ppm off.
                let rows = || {
                    let csv = c.chronyc(&["-c", "-n", "sourcestats"]);
                    let rows: Vec<(String, f64, f64, i64)> = csv
                        .lines()
                        .filter_map(|l| {
                            let w: Vec<&str> = l.split(',').collect();
                            Some((
                                w.first()?.to_string(),
                                w.get(4)?.parse().ok()?,
                                w.get(5)?.parse().ok()?,
                                w.get(1)?.parse().ok()?,
                            ))
                        })
                        .collect();
                    (rows.len() == 3
                        && rows.iter().all(|(_, _, skew, n)| *n >= 6 && *skew < 10.0)
                        && rows
                            .iter()
                            .any(|(a, f, ..)| a == "127.0.0.13" && f.abs() > 200.0))
                    .then_some(rows)
                };
                let got = wait_for(Duration::from_secs(40), rows);
                assert!(
                    got.is_some(),
                    "chrony {}: {}",
                    r.label,
                    c.chronyc(&["-n", "sourcestats"])
                );
                let text = c.chronyc(&["-n", "sourcestats"]);
                let e = explain(&text).unwrap();
                let row = e
                    .rows
                    .iter()
                    .find(|row| field(row, "address").raw == "127.0.0.13")
                    .unwrap_or_else(|| panic!("chrony {}: {text}", r.label));
                let f = field(row, "frequency");
                assert_eq!(
                    f.reason.as_ref().map(|r| r.id),
                    Some(Why::ResidualFreqApart),
                    "chrony {}: {text}",
                    r.label
                );
                let rule = |id: &str| e.findings.iter().find(|f| f.rule.id() == id);
                let apart = rule("source-frequency-apart")
                    .unwrap_or_else(|| panic!("chrony {}: {:?}", r.label, e.findings));
                let tr = Localizer::new(Lang::En);
                let said = tr.finding_text(e.kind, apart);
                assert!(
                    said.starts_with("127.0.0.13 runs at another rate"),
                    "{said}"
                );
                assert!(
                    rule("frequency-high").is_none(),
                    "chrony {}: {text}",
                    r.label
                );
                eprintln!("chrony {}: {said}", r.label);
            });
        }
    });
}

/// A sources table copied from a narrow pane: a row broken over three lines
/// is read whole; a row whose rest was lost marks the table cut (the paste
/// ends mid-row), never "no source is listed".
#[test]
fn wrapped_sources_rows_are_joined_and_a_lost_rest_marks_the_table_cut() {
    const HEADER: &str = "MS Name/IP address         Stratum Poll Reach LastRx Last sample";
    let wrapped = [
        HEADER,
        "^* ntp1.example.net          2",
        "   6   377    32   +12us[ +15u",
        "s] +/- 2ms",
        "^+ ntp2.example.net          2   6   377    31   -4us[ -2us] +/- 3ms",
    ]
    .join("\n");
    let e = explain(&wrapped).unwrap();
    assert_eq!(e.rows.len(), 2, "{wrapped}");
    assert!(!e.cut);
    let lost = [
        HEADER,
        "^* 10.0.0.1                      2   6   377",
        "(the rest of this line was lost)",
        "^+ 10.0.0.2                      2   6   377    31   -4us[ -2us] +/- 3ms",
    ]
    .join("\n");
    let e = explain(&lost).unwrap();
    assert_eq!(e.rows.len(), 1, "{lost}");
    assert!(e.cut);
}
