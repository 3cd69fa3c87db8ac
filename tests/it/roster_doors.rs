//! The roster through its other doors: the fleet view names, per watched
//! server, the roster devices that follow it (a chronyd of every release
//! watched over UDP cmdmon, each followed by one device), and explain reads
//! a pasted `chronyc clients` against the roster (given, or the lab's).

use std::path::Path;
use std::time::Duration;

use super::roster::stratum;
use crate::common;
use common::helper::HelperProc;
use common::lab::{Chronyd, free_udp_port, wait_for};
use serde_json::Value;

fn fleet_json(sock: &str) -> Value {
    let (_, text, _) = stratum(&["fleet", "--json", "--socket", sock]);
    serde_json::from_str(&text).unwrap_or(Value::Null)
}

#[test]
fn the_fleet_names_the_roster_devices_that_follow_each_watched_server() {
    let Some(installed) = common::chronyd() else {
        return;
    };
    let releases = common::releases();
    let tmp = tempfile::tempdir().unwrap();
    let dir = tmp.path();
    let n = std::process::id() % 200 + 20;
    let net = format!("127.78.{n}");
    // Each release a watched server on an address of its own (a reference
    // id names an address, not a port), followed by one device.
    let mut servers = Vec::new();
    let mut devices = Vec::new();
    let mut watch = Vec::new();
    let mut expect = Vec::new();
    for (i, r) in releases.iter().enumerate() {
        let ip = format!("{net}.{}", 10 + i);
        let cmdport = free_udp_port();
        let w = Chronyd::start(
            &r.chronyd,
            dir,
            &format!("w-{}", r.label),
            &format!(
                "bindaddress {ip}\nlocal stratum 3\nallow 127.0.0.0/8\ncmdport {cmdport}\nbindcmdaddress {ip}\ncmdallow 127.0.0.0/8\n"
            ),
        );
        let dev_ip = format!("{net}.{}", 50 + i);
        let d = Chronyd::start(
            &installed,
            dir,
            &format!("d-{}", r.label),
            &format!(
                "server {ip} port {} iburst minpoll -2 maxpoll -1\nbindaddress {dev_ip}\nbindacqaddress {dev_ip}\nallow 127.0.0.0/8\n",
                w.port
            ),
        );
        watch.push(format!("{ip}:{cmdport}"));
        expect.push((format!("d-{}", r.label), format!("{dev_ip}:{}", d.port)));
        servers.push(w);
        devices.push(d);
    }
    let mut extra: Vec<&str> = Vec::new();
    for w in &watch {
        extra.extend(["--watch", w.as_str()]);
    }
    let helper = HelperProc::start_lab_with(
        dir,
        &format!("bindaddress {net}.1\nlocal stratum 8\nallow 127.0.0.0/8\n"),
        free_udp_port(),
        &extra,
    );
    let sock = helper.socket.to_str().unwrap().to_string();
    for (name, address) in &expect {
        let (ok, _, err) = stratum(&["roster", "add", name, address, "--socket", &sock]);
        assert!(ok, "{err}");
    }
    let rows = wait_for(Duration::from_secs(90), || {
        let _ = stratum(&["roster", "probe", "--socket", &sock]);
        let v = fleet_json(&sock);
        let rows = v.as_array()?.clone();
        let done = rows.len() == expect.len()
            && rows.iter().zip(&expect).all(|(r, (name, _))| {
                r["roster_followers"]
                    .as_array()
                    .is_some_and(|f| f.len() == 1 && f[0] == name.as_str())
            });
        if !done {
            std::thread::sleep(Duration::from_secs(2));
        }
        done.then_some(rows)
    })
    .unwrap_or_else(|| {
        panic!(
            "{:#}\nroster: {}",
            fleet_json(&sock),
            stratum(&["roster", "list", "--json", "--socket", &sock]).1
        )
    });
    assert_eq!(rows[0]["host"], watch[0].as_str());
    let (_, text, _) = stratum(&["fleet", "--socket", &sock]);
    for (name, _) in &expect {
        assert!(
            text.contains(&format!("followed by roster devices: {name}")),
            "{text}"
        );
    }
    let (_, zh, _) = stratum(&["fleet", "--lang", "zh-CN", "--socket", &sock]);
    assert!(zh.contains("跟随它的名单设备："), "{zh}");
    drop(devices);
}

/// `chronyc clients` of a lab server (as chronyc prints it, names and
/// all): two roster devices poll it, one only talks to its command port,
/// one is not there, and one client is nobody the roster knows.
const CLIENTS: &str = "\
Hostname                      NTP   Drop Int IntL Last     Cmd   Drop Int  Last
===============================================================================
10.0.0.11                      12      0   6   -    21       0      0   -     -
pc-lab-7                        4      0   6   -    40       0      0   -     -
10.0.0.2                        0      0   -   -     -       3      0   5    12
10.0.0.99                       3      0   6   -     5       0      0   -     -
";

const ROSTER: &str = "\
[[device]]
name = \"pc1\"
address = \"10.0.0.11\"
kind = \"chrony\"

[[device]]
name = \"pc7\"
address = \"pc-lab-7\"
kind = \"chrony\"

[[device]]
name = \"mon\"
address = \"10.0.0.2\"
kind = \"other\"

[[device]]
name = \"core-sw\"
address = \"10.0.0.3\"
kind = \"switch\"
";

fn explain(args: &[&str], input: &Path, env: Option<&Path>) -> (bool, String, String) {
    let mut c = common::stratum();
    c.arg("explain").arg(input).args(args).env("LANG", "C");
    if let Some(home) = env {
        c.env("XDG_DATA_HOME", home);
    }
    let out = common::run_with_deadline(c, Duration::from_secs(30));
    (
        out.status.success(),
        String::from_utf8_lossy(&out.stdout).into_owned(),
        String::from_utf8_lossy(&out.stderr).into_owned(),
    )
}

#[test]
fn explain_reads_a_pasted_client_list_against_the_roster() {
    let tmp = tempfile::tempdir().unwrap();
    let input = tmp.path().join("clients.txt");
    std::fs::write(&input, CLIENTS).unwrap();
    let roster = tmp.path().join("stratum.toml");
    std::fs::write(&roster, ROSTER).unwrap();
    let r = roster.to_str().unwrap();

    let (ok, text, err) = explain(&["--roster", r], &input, None);
    assert!(ok, "{err}");
    for line in [
        "2 of 4 devices poll this server in this list.",
        "pc1 (10.0.0.11) polls this server (12 NTP requests).",
        "pc7 (pc-lab-7) polls this server (4 NTP requests).",
        "mon (10.0.0.2) is listed, but has sent no NTP request.",
        "core-sw (10.0.0.3) is not in this list: it does not poll this server.",
        "Likely causes: the exported commands were not applied",
        "Clients not on the roster: 10.0.0.99",
    ] {
        assert!(text.contains(line), "{line}\n{text}");
    }
    let (_, zh, _) = explain(&["--roster", r, "--lang", "zh-CN"], &input, None);
    assert!(
        zh.contains("core-sw（10.0.0.3）不在此列表中：它没有向本服务器请求时间。"),
        "{zh}"
    );
    let (ok, json, _) = explain(&["--roster", r, "--format", "json"], &input, None);
    assert!(ok);
    let v: Value = serde_json::from_str(&json).unwrap();
    assert_eq!(v["kind"], "chronyc-clients");
    assert_eq!(v["roster"]["polling"], 2);
    assert_eq!(v["roster"]["total"], 4);
    let polls: Vec<(String, bool)> = v["roster"]["devices"]
        .as_array()
        .unwrap()
        .iter()
        .map(|d| {
            (
                d["name"].as_str().unwrap().into(),
                d["polls"].as_bool().unwrap(),
            )
        })
        .collect();
    assert_eq!(
        polls,
        [
            ("pc1".into(), true),
            ("pc7".into(), true),
            ("mon".into(), false),
            ("core-sw".into(), false)
        ]
    );
    assert_eq!(v["roster"]["unknown"], serde_json::json!(["10.0.0.99"]));

    // Without --roster: the lab's roster, when there is one.
    let data = tmp.path().join("xdg");
    std::fs::create_dir_all(data.join("stratum")).unwrap();
    let (_, text, _) = explain(&[], &input, Some(&data));
    assert!(!text.contains("devices poll this server"), "{text}");
    std::fs::copy(&roster, data.join("stratum/stratum.toml")).unwrap();
    let (_, text, _) = explain(&[], &input, Some(&data));
    assert!(
        text.contains("2 of 4 devices poll this server in this list."),
        "{text}"
    );

    // A roster that cannot be read is an error naming it; other outputs
    // do not need one.
    let bad = tmp.path().join("bad.toml");
    std::fs::write(&bad, "[[device]]\nname = \"a\"\ncolour = 1\n").unwrap();
    let (ok, _, err) = explain(&["--roster", bad.to_str().unwrap()], &input, None);
    assert!(
        !ok && err.contains("bad.toml") && err.lines().count() == 1,
        "{err}"
    );
    let tracking = tmp.path().join("tracking.txt");
    std::fs::write(
        &tracking,
        "Reference ID    : 7F7F0101 ()\nStratum         : 10\nRef time (UTC)  : Thu Jan 01 00:00:00 1970\nSystem time     : 0.000000000 seconds fast of NTP time\nLast offset     : +0.000000000 seconds\nRMS offset      : 0.000000000 seconds\nFrequency       : 0.000 ppm slow\nResidual freq   : +0.000 ppm\nSkew            : 0.000 ppm\nRoot delay      : 0.000000000 seconds\nRoot dispersion : 0.000000000 seconds\nUpdate interval : 0.0 seconds\nLeap status     : Normal\n",
    )
    .unwrap();
    let (ok, _, err) = explain(&["--roster", bad.to_str().unwrap()], &tracking, None);
    assert!(ok, "{err}");
}
