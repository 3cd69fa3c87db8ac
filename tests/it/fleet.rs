//! Watching the lab: three real chronyd with UDP cmdmon at different strata
//! and one dead address, watched by a lab helper; `stratum fleet --json`
//! and the Prometheus page show each of them.

use crate::common;

use std::io::{Read, Write};
use std::time::Duration;

use common::helper::HelperProc;
use common::lab::{Chronyd, free_tcp_port, free_udp_port, wait_for};

fn cmdmon(port: u16) -> String {
    format!("cmdport {port}\nbindcmdaddress 127.0.0.1\ncmdallow 127.0.0.1\n")
}

fn metrics(port: u16) -> String {
    let mut s = std::net::TcpStream::connect(("127.0.0.1", port)).unwrap();
    s.set_read_timeout(Some(Duration::from_secs(5))).unwrap();
    s.write_all(b"GET /metrics HTTP/1.1\r\nHost: x\r\n\r\n")
        .unwrap();
    let mut out = String::new();
    s.read_to_string(&mut out).unwrap();
    out
}

#[test]
fn fleet_shows_each_servers_stratum_and_the_dead_one() {
    let Some(chronyd) = common::chronyd() else {
        return;
    };
    let tmp = tempfile::tempdir().unwrap();
    let (pa, pb, pc, dead) = (
        free_udp_port(),
        free_udp_port(),
        free_udp_port(),
        free_udp_port(),
    );
    let a = Chronyd::start(
        &chronyd,
        tmp.path(),
        "a",
        &format!("local stratum 1\nallow 127.0.0.0/8\n{}", cmdmon(pa)),
    );
    let _b = Chronyd::start(
        &chronyd,
        tmp.path(),
        "b",
        &format!(
            "server 127.0.0.1 port {} iburst minpoll -2 maxpoll -1\n{}",
            a.port,
            cmdmon(pb)
        ),
    );
    let _c = Chronyd::start(
        &chronyd,
        tmp.path(),
        "c",
        &format!("local stratum 5\n{}", cmdmon(pc)),
    );
    // A client whose only server never answers: not synchronised yet.
    let pd = free_udp_port();
    let _d = Chronyd::start(
        &chronyd,
        tmp.path(),
        "d",
        &format!("server 127.0.0.1 port {dead} iburst\n{}", cmdmon(pd)),
    );
    let mport = free_tcp_port();
    let watch: Vec<String> = [pa, pb, pc, pd, dead]
        .iter()
        .map(|p| format!("127.0.0.1:{p}"))
        .collect();
    // Three on the command line, the dead one from a watch list file.
    let mut extra: Vec<&str> = Vec::new();
    for w in &watch[..4] {
        extra.push("--watch");
        extra.push(w);
    }
    let list = tmp.path().join("watch");
    std::fs::write(&list, format!("# the lab\n{}\n", watch[4])).unwrap();
    let list_arg = format!("--watch-file={}", list.display());
    extra.push(&list_arg);
    let listen = format!("127.0.0.1:{mport}");
    extra.extend(["--metrics-listen", &listen]);
    let helper = HelperProc::start_lab_with(
        tmp.path(),
        "local stratum 10\nallow 127.0.0.0/8\n",
        free_udp_port(),
        &extra,
    );

    let sock = helper.socket.to_str().unwrap().to_string();
    let rows = wait_for(Duration::from_secs(20), || {
        let out = common::stratum()
            .args(["fleet", "--json", "--socket", &sock])
            .output()
            .ok()?;
        let v: serde_json::Value = serde_json::from_slice(&out.stdout).ok()?;
        let rows = v.as_array()?.clone();
        let stratum = |i: usize| rows[i]["stratum"].as_u64();
        let done = rows.len() == 5
            && stratum(0) == Some(1)
            && stratum(1) == Some(2)
            && stratum(2) == Some(5)
            && rows[3]["reachable"] == true
            && rows[4]["reachable"] == false
            && rows[4]["error"].is_string();
        done.then_some(rows)
    })
    .unwrap_or_else(|| {
        let out = common::stratum()
            .args(["fleet", "--json", "--socket", &sock])
            .output()
            .unwrap();
        panic!(
            "fleet did not settle: {}",
            String::from_utf8_lossy(&out.stdout)
        )
    });
    assert_eq!(rows[0]["host"], format!("127.0.0.1:{pa}"));
    assert_eq!(rows[1]["reference"], "127.0.0.1", "b follows a");
    assert_eq!(rows[1]["selected"], "127.0.0.1");
    for r in &rows[..3] {
        assert_eq!(r["reachable"], true);
        for k in ["system_time", "frequency", "skew"] {
            assert!(r[k].is_number(), "{k}: {r}");
        }
    }
    // The client that never synchronised has no offset: chronyd's initial
    // 0 is no measurement (the Fleet panel shows "–" and plots nothing).
    assert_eq!(rows[3]["host"], format!("127.0.0.1:{pd}"));
    assert_eq!(rows[3]["stratum"], 0, "{}", rows[3]);
    assert!(rows[3]["system_time"].is_null(), "{}", rows[3]);
    // The text table names every host.
    let text = common::stratum()
        .args(["fleet", "--socket", &sock])
        .env("LANG", "C")
        .output()
        .unwrap();
    let text = String::from_utf8_lossy(&text.stdout);
    for w in &watch {
        assert!(text.contains(w.as_str()), "{text}");
    }

    // Prometheus: chrony_exporter's names, a server label per host.
    let page = metrics(mport);
    assert!(page.starts_with("HTTP/1.1 200"), "{page}");
    assert!(
        page.contains(&format!(
            "chrony_tracking_stratum{{server=\"127.0.0.1:{pa}\"}} 1\n"
        )),
        "{page}"
    );
    assert!(page.contains(&format!(
        "chrony_tracking_stratum{{server=\"127.0.0.1:{pc}\"}} 5\n"
    )));
    assert!(page.contains(&format!("chrony_up{{server=\"127.0.0.1:{dead}\"}} 0\n")));
    assert!(page.contains("chrony_up{server=\"local\"} 1\n"));
    // The root helper's page is what any user may see.
    assert!(!page.contains("chrony_serverstats"), "{page}");

    // `stratum metrics`, apart from the helper, shows what its user may
    // see: root sees the server statistics too, and every watched host.
    let eport = common::lab::free_tcp_port();
    let exporter = common::ChildGuard(
        common::stratum()
            .args([
                "metrics",
                "--listen",
                &format!("127.0.0.1:{eport}"),
                "--socket",
                &sock,
            ])
            .stdout(std::process::Stdio::null())
            .stderr(std::process::Stdio::null())
            .spawn()
            .unwrap(),
    );
    let page = wait_for(Duration::from_secs(10), || {
        let p = std::panic::catch_unwind(|| metrics(eport)).ok()?;
        p.contains("chrony_serverstats_ntp_packets_received_total{server=\"local\"}")
            .then_some(p)
    })
    .expect("stratum metrics shows root the server statistics");
    assert!(page.contains(&format!(
        "chrony_tracking_stratum{{server=\"127.0.0.1:{pc}\"}} 5\n"
    )));
    drop(exporter);
    // promtool's own check of the format, where Prometheus is installed.
    let body = page.split("\r\n\r\n").nth(1).unwrap().to_string();
    match std::process::Command::new("promtool")
        .args(["check", "metrics"])
        .stdin(std::process::Stdio::piped())
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::piped())
        .spawn()
    {
        Ok(mut child) => {
            child
                .stdin
                .take()
                .unwrap()
                .write_all(body.as_bytes())
                .unwrap();
            let out = child.wait_with_output().unwrap();
            assert!(
                out.status.success(),
                "promtool: {}{}",
                String::from_utf8_lossy(&out.stdout),
                String::from_utf8_lossy(&out.stderr)
            );
        }
        Err(_) => {
            assert!(
                !common::in_ci(),
                "promtool (Debian package prometheus) is missing but CI=true"
            );
            eprintln!("skipped promtool check: prometheus is not installed");
        }
    }
    assert!(
        metrics(mport).contains("chrony_up"),
        "a second scrape works"
    );
}
