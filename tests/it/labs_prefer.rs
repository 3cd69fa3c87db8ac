//! A `prefer` source that stops answering, on every release: chronyd may
//! keep it selected on its old samples (chronyc(1) selectdata: "Last" is
//! how long ago its last measurement was made), and selectdata alone must
//! say so; a release that marks it stale instead (`S`) gets that said.

use crate::common;
use crate::labs::{capture, judge, judge_without};

use std::time::Duration;

use common::lab::{Chronyd, wait_for};
use stratum::core::explain::Rule;

/// The lab notes' client of a primary/backup pair, polling every 1–4 s.
const POLL: &str = "iburst minpoll 0 maxpoll 2";

/// selectdata -c of the source at `addr`: its state and Last (seconds;
/// `-c` gives each of the five option letters its own column).
fn select_row(c: &Chronyd, addr: &str) -> Option<(String, f64)> {
    c.chronyc(&["-c", "selectdata"]).lines().find_map(|l| {
        let cols: Vec<&str> = l.split(',').collect();
        if cols.get(1) != Some(&addr) {
            return None;
        }
        Some((cols[0].to_string(), cols.get(13)?.parse().ok()?))
    })
}

fn preferred_primary_stops(r: &common::Release) -> String {
    let tmp = tempfile::tempdir().unwrap();
    let up = |i: u8| {
        Chronyd::start(
            &r.chronyd,
            tmp.path(),
            &format!("u{i}"),
            &format!("local stratum 1\nallow 127.0.0.0/8\nbindaddress 127.0.0.{i}"),
        )
    };
    let (primary, backup) = (up(2), up(3));
    let c = Chronyd::start(
        &r.chronyd,
        tmp.path(),
        "client",
        &format!(
            "server 127.0.0.2 port {} {POLL} prefer\nserver 127.0.0.3 port {} {POLL}",
            primary.port, backup.port
        ),
    );
    wait_for(Duration::from_secs(30), || {
        (select_row(&c, "127.0.0.2")?.0 == "*").then_some(())
    })
    .unwrap_or_else(|| {
        panic!(
            "chrony {}: primary never selected: {}",
            r.label,
            c.chronyc(&["-c", "selectdata"])
        )
    });
    // Both answering: nothing old to report.
    let healthy = capture(&c, &["selectdata"]);
    judge_without(
        r,
        "prefer-healthy",
        &healthy,
        &[("selectdata", Rule::SelectedStale)],
    );
    drop(primary);
    let (state, last) = wait_for(Duration::from_secs(120), || {
        let (state, last) = select_row(&c, "127.0.0.2")?;
        (state != "*" || last > 66.0).then_some((state, last))
    })
    .unwrap_or_else(|| panic!("chrony {}: {}", r.label, c.chronyc(&["selectdata"])));
    let out = capture(&c, &["selectdata"]);
    eprintln!(
        "chrony {}: the stopped primary is {state} (Last {last} s)",
        r.label
    );
    // chronyc(1) selectdata: "S - has older measurements than other
    // sources"; a source still `*` after 16 polls without an answer is
    // the one chronyd keeps on its old samples.
    let expect = if state == "*" {
        Rule::SelectedStale
    } else {
        Rule::NotSelectable
    };
    judge(r, "prefer-stopped", &out, &[("selectdata", expect)]);
    if state == "*" {
        let e = stratum::core::explain::explain(&out[0].text).unwrap();
        let f = e
            .findings
            .iter()
            .find(|f| f.rule == Rule::SelectedStale)
            .unwrap();
        assert!(
            f.args.contains(&("prefer", "yes".to_string()))
                && f.args.contains(&("sources", "127.0.0.2".to_string())),
            "chrony {}: Last {last}: {:?}",
            r.label,
            f.args
        );
    }
    state
}

#[test]
fn a_preferred_primary_that_stops_answering() {
    // A minute and more of silence per release: the releases run side by side.
    let releases = common::releases();
    let states: Vec<String> = std::thread::scope(|s| {
        let runs: Vec<_> = releases
            .iter()
            .map(|r| s.spawn(move || preferred_primary_stops(r)))
            .collect();
        runs.into_iter().map(|t| t.join().unwrap()).collect()
    });
    // 4.3 and 4.9 keep the silent primary selected (as the lab notes'
    // pair showed): the case selectdata alone must say.
    if releases
        .iter()
        .any(|r| r.label == "4.3" || r.label == "4.9")
    {
        assert!(states.iter().any(|s| s == "*"), "{states:?}");
    }
}
