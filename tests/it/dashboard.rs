//! The Grafana dashboard (`packaging/grafana/stratum.json`), through
//! Prometheus's own tool: every query in it, as a recording rule, passes
//! `promtool check rules`; then `promtool test rules` evaluates each over
//! the series a real lab helper's /metrics page gave (with every chrony
//! release), next to Stratum's alerting rules: every panel has data (the
//! leap second list only where chronyd reads one), and the offset, its
//! error, the sources reachable and the clients per subnet are the values
//! the page said.

use std::collections::BTreeMap;
use std::io::{Read, Write};
use std::net::{TcpStream, UdpSocket};
use std::process::Command;
use std::time::Duration;

use stratum::core::conf::ChronyVersion;

use crate::common::helper::HelperProc;
use crate::common::lab::{Chronyd, free_tcp_port, free_udp_port, wait_for};
use crate::common::{self, ChildGuard, Release};

/// One query of the dashboard: its panel's title, its refId, and the
/// expression with the dashboard's variables filled as Grafana fills them
/// for "All" servers.
struct Query {
    panel: String,
    ref_id: String,
    expr: String,
}

impl Query {
    fn record(&self, n: usize) -> String {
        format!("dashboard:q{n}")
    }
}

fn dashboard() -> serde_json::Value {
    let path = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/packaging/grafana/stratum.json"
    );
    serde_json::from_str(&std::fs::read_to_string(path).unwrap()).expect("the dashboard is JSON")
}

fn queries(d: &serde_json::Value) -> Vec<Query> {
    let mut out = Vec::new();
    for p in d["panels"].as_array().expect("panels") {
        for t in p["targets"].as_array().expect("targets") {
            out.push(Query {
                panel: p["title"].as_str().unwrap().to_string(),
                ref_id: t["refId"].as_str().unwrap().to_string(),
                expr: t["expr"]
                    .as_str()
                    .unwrap()
                    .replace("$server", ".*")
                    .replace("$__rate_interval", "5m"),
            });
        }
    }
    out
}

fn find(qs: &[Query], panel: &str, ref_id: &str) -> usize {
    qs.iter()
        .position(|q| q.panel == panel && q.ref_id == ref_id)
        .unwrap_or_else(|| panic!("no query {ref_id} in panel {panel}"))
}

fn promtool() -> Option<&'static str> {
    let found = ["/usr/bin/promtool", "/usr/local/bin/promtool"]
        .into_iter()
        .find(|p| std::path::Path::new(p).exists());
    if found.is_none() {
        assert!(!common::in_ci(), "promtool is not installed but CI=true");
        eprintln!("skipped: promtool (Debian: prometheus) is not installed");
    }
    found
}

fn yaml_quote(s: &str) -> String {
    format!("'{}'", s.replace('\'', "''"))
}

/// The page's samples: `name{labels}` → value.
fn samples(page: &str) -> BTreeMap<String, f64> {
    page.lines()
        .filter(|l| !l.starts_with('#') && !l.trim().is_empty())
        .filter_map(|l| {
            let (series, value) = l.rsplit_once(' ')?;
            Some((series.to_string(), value.parse().ok()?))
        })
        .collect()
}

fn scrape(port: u16) -> String {
    let Ok(mut c) = TcpStream::connect(("127.0.0.1", port)) else {
        return String::new();
    };
    c.set_read_timeout(Some(Duration::from_secs(10))).unwrap();
    c.write_all(b"GET /metrics HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n")
        .unwrap();
    let mut text = String::new();
    c.read_to_string(&mut text).unwrap();
    text.split_once("\r\n\r\n")
        .map_or(text.clone(), |(_, b)| b.to_string())
}

#[test]
fn every_dashboard_query_passes_promtool_and_shows_a_real_helpers_series() {
    let Some(promtool) = promtool() else {
        return;
    };
    let d = dashboard();
    // What an import needs: the data source as an input, ids unique, panels
    // inside Grafana's 24 columns.
    assert_eq!(d["__inputs"][0]["name"], "DS_PROMETHEUS");
    let mut ids = std::collections::BTreeSet::new();
    for p in d["panels"].as_array().unwrap() {
        assert!(ids.insert(p["id"].as_u64().unwrap()), "panel id twice");
        assert_eq!(p["datasource"]["uid"], "${DS_PROMETHEUS}");
        let g = &p["gridPos"];
        assert!(g["x"].as_u64().unwrap() + g["w"].as_u64().unwrap() <= 24);
    }
    let qs = queries(&d);
    let titles: Vec<&str> = qs.iter().map(|q| q.panel.as_str()).collect();
    for want in [
        "Offset with its error band",
        "Maximum clock error",
        "Frequency",
        "Sources reachable",
        "Server load",
        "Clients per subnet",
        "NTS certificate: days left",
        "Leap second list: days left",
        "Alarms",
    ] {
        assert!(titles.contains(&want), "no panel {want}");
    }

    let tmp = tempfile::tempdir().unwrap();
    let dir = tmp.path();
    let mut rules = String::from("groups:\n  - name: dashboard\n    rules:\n");
    for (n, q) in qs.iter().enumerate() {
        rules.push_str(&format!(
            "      - record: {}\n        expr: {}\n",
            q.record(n),
            yaml_quote(&q.expr)
        ));
    }
    std::fs::write(dir.join("dashboard.yml"), &rules).unwrap();
    let check = Command::new(promtool)
        .args(["check", "rules", "dashboard.yml"])
        .current_dir(dir)
        .output()
        .unwrap();
    assert!(
        check.status.success(),
        "{}{}",
        String::from_utf8_lossy(&check.stdout),
        String::from_utf8_lossy(&check.stderr)
    );
    let out = common::stratum()
        .args(["export", "alerts", "--to", "prometheus", "--out"])
        .arg(dir.join("alerts.yml"))
        .output()
        .unwrap();
    assert!(out.status.success());

    let releases = common::releases();
    for release in &releases {
        evaluate_over_a_lab(promtool, release, dir, &qs);
    }
}

/// A lab on `release` following an upstream, with a source that never
/// answers, a client, an NTS certificate and (4.6 and later) a leap second
/// list; its page, recorded for 30 minutes, evaluated by promtool.
fn evaluate_over_a_lab(promtool: &str, release: &Release, dir: &std::path::Path, qs: &[Query]) {
    let lab = tempfile::tempdir().unwrap();
    let upstream = Chronyd::upstream(&release.chronyd, lab.path());
    let nts = lab.path().join("nts");
    let out = common::stratum()
        .args([
            "nts",
            "init",
            "--name",
            "localhost",
            "--days",
            "40",
            "--out",
        ])
        .arg(&nts)
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let reads_leap_list = release.version >= ChronyVersion::new(4, 6);
    // Another loopback address: sources are told apart by address.
    let silent = UdpSocket::bind("127.0.0.2:0").unwrap();
    let config = format!(
        "server 127.0.0.1 port {} iburst minpoll -2 maxpoll -1\n\
         server 127.0.0.2 port {} iburst minpoll -2 maxpoll -1\n\
         allow 127.0.0.0/8\n\
         ntsservercert {}\nntsserverkey {}\nntsport {}\n{}",
        upstream.port,
        silent.local_addr().unwrap().port(),
        nts.join("server.crt").display(),
        nts.join("server.key").display(),
        free_tcp_port(),
        if reads_leap_list {
            "leapseclist /usr/share/zoneinfo/leap-seconds.list\n"
        } else {
            ""
        }
    );
    let ntp = free_udp_port();
    let chronyd = release.chronyd.to_string_lossy().into_owned();
    let helper = HelperProc::start_lab_with(lab.path(), &config, ntp, &["--chronyd", &chronyd]);
    // The page as the lab's owner sees it (server statistics and clients
    // included), from `stratum metrics`, as packaging/stratum-metrics.service
    // serves it.
    let metrics = free_tcp_port();
    let _exporter = ChildGuard(
        common::stratum()
            .args([
                "metrics",
                "--listen",
                &format!("127.0.0.1:{metrics}"),
                "--socket",
            ])
            .arg(&helper.socket)
            .stdin(std::process::Stdio::null())
            .stdout(std::process::Stdio::null())
            .stderr(std::process::Stdio::null())
            .spawn()
            .unwrap(),
    );
    wait_for(Duration::from_secs(30), || {
        helper.snapshot().tracking.filter(|t| t.stratum == 2)
    })
    .unwrap_or_else(|| panic!("chrony {}: the lab follows its upstream", release.label));
    // One NTP client request (mode 3, version 4) puts 127.0.0.1 in the
    // client log.
    let client = UdpSocket::bind("127.0.0.1:0").unwrap();
    let mut request = [0u8; 48];
    request[0] = 0x23;
    let page = wait_for(Duration::from_secs(20), || {
        client.send_to(&request, ("127.0.0.1", ntp)).unwrap();
        std::thread::sleep(Duration::from_millis(300));
        let page = scrape(metrics);
        let ready = page
            .contains("chrony_clients_subnet{server=\"local\",subnet=\"127.0.0.0/24\"}")
            && page.contains("chrony_nts_certificate_expiry_seconds")
            && (!reads_leap_list || page.contains("chrony_leap_seconds_list_expiry_seconds"));
        ready.then_some(page)
    })
    .unwrap_or_else(|| {
        panic!(
            "chrony {}: the page lacks the client, certificate or leap list: {}",
            release.label,
            scrape(metrics)
        )
    });
    let samples = samples(&page);
    let value = |series: &str| -> f64 {
        *samples
            .get(series)
            .unwrap_or_else(|| panic!("chrony {}: no {series} in\n{page}", release.label))
    };

    let mut input = String::new();
    for (series, v) in &samples {
        input.push_str(&format!(
            "      - series: {}\n        values: '{v}x40'\n",
            yaml_quote(series)
        ));
    }
    let mut tests = String::new();
    let mut exact = |q: usize, labels: &str, v: f64| {
        tests.push_str(&format!(
            "      - expr: {}\n        eval_time: 20m\n        exp_samples:\n          - labels: {}\n            value: {v}\n",
            qs[q].record(q),
            yaml_quote(&format!("{}{labels}", qs[q].record(q)))
        ));
    };
    // The offset is the clock ahead of NTP time: chronyd's correction with
    // its sign turned; the error band is |offset| + dispersion + delay/2.
    let st = value(r#"chrony_tracking_system_time_seconds{server="local"}"#);
    let disp = value(r#"chrony_tracking_root_dispersion_seconds{server="local"}"#);
    let delay = value(r#"chrony_tracking_root_delay_seconds{server="local"}"#);
    let local = r#"{server="local"}"#;
    exact(find(qs, "Offset with its error band", "A"), local, -st);
    exact(
        find(qs, "Maximum clock error", "A"),
        local,
        st.abs() + (disp + delay / 2.0),
    );
    exact(find(qs, "Sources reachable", "A"), local, 1.0);
    exact(find(qs, "Sources reachable", "B"), local, 2.0);
    exact(
        find(qs, "Clients per subnet", "A"),
        r#"{server="local",subnet="127.0.0.0/24"}"#,
        1.0,
    );
    // Every other query has data; only the leap list's may not (chronyd
    // before 4.6 reads none).
    for (n, q) in qs.iter().enumerate() {
        let empty = q.panel.starts_with("Leap second list") && !reads_leap_list;
        tests.push_str(&format!(
            "      - expr: absent({})\n        eval_time: 20m\n        exp_samples:{}\n",
            q.record(n),
            if empty {
                "\n          - labels: '{}'\n            value: 1"
            } else {
                " []"
            }
        ));
    }
    let test = format!(
        "rule_files:\n  - alerts.yml\n  - dashboard.yml\nevaluation_interval: 1m\ntests:\n  - interval: 1m\n    input_series:\n{input}    promql_expr_test:\n{tests}"
    );
    let file = format!("test-{}.yml", release.label);
    std::fs::write(dir.join(&file), &test).unwrap();
    let run = Command::new(promtool)
        .args(["test", "rules", &file])
        .current_dir(dir)
        .output()
        .unwrap();
    let names: Vec<String> = qs
        .iter()
        .enumerate()
        .map(|(n, q)| format!("{}: {} {}", q.record(n), q.panel, q.ref_id))
        .collect();
    assert!(
        run.status.success(),
        "chrony {}: {}{}\nqueries:\n{}\n{test}",
        release.label,
        String::from_utf8_lossy(&run.stdout),
        String::from_utf8_lossy(&run.stderr),
        names.join("\n")
    );
}
