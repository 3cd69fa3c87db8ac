//! The Roster panel against a real lab helper, at 1024×700, driven by
//! AccessKit labels in English and Chinese: a chronyd client made by the
//! client export follows the lab server, a switch on the roster never
//! polls; each gets its line, the Overview counts them, and the Explain
//! panel reads the lab's own `chronyc clients` against the roster. And
//! the roster's states a lab does not reach by itself, for the window's
//! words.

use std::time::{Duration, Instant};

use egui::accesskit::Role;
use egui_kittest::Harness;
use egui_kittest::kittest::{NodeT, Queryable};
use stratum::gui::app::{App, Panel};
use stratum::gui::backend::Backend;
use stratum::i18n::Lang;

use super::tour::event;
use super::window::show;
use super::{common, harness_sized, no_waker, settings, wait};

/// The text a node shows: a label's is its value, a control's its name.
fn text_of<'a>(n: &impl NodeT<'a>) -> String {
    let node = n.accesskit_node();
    let t = if node.role() == Role::Label {
        node.value()
    } else {
        node.label()
    };
    t.unwrap_or_default()
}

/// The texts on screen that contain `part`.
fn shown(h: &Harness<'static, App>, part: &str) -> Vec<String> {
    h.query_all_by_label_contains(part)
        .map(|n| text_of(&n))
        .collect()
}

/// Types `text` into the text field named `label`.
fn type_into(h: &mut Harness<'static, App>, label: &str, text: &str) {
    // AccessKit actions, not pointer clicks: a snapshot arriving between
    // the query and the event moves the layout, and a click at the old
    // place lands elsewhere.
    h.get_by_role_and_label(Role::TextInput, label).focus();
    h.run();
    h.get_by_role_and_label(Role::TextInput, label)
        .type_text(text);
    h.run();
}

#[test]
fn the_roster_panel_says_who_follows_this_server() {
    let Some(chronyd) = common::chronyd() else {
        return;
    };
    let tmp = tempfile::tempdir().unwrap();
    let n = std::process::id() % 200 + 20;
    let server = format!("127.77.{n}.1");
    let port = common::lab::free_udp_port();
    let helper = common::helper::HelperProc::start_lab(
        tmp.path(),
        &format!("bindaddress {server}\nlocal stratum 8\nallow 127.0.0.0/8\n"),
        port,
    );
    let conf = tmp.path().join("lab.conf");
    let out = common::stratum()
        .args([
            "export",
            conf.to_str().unwrap(),
            "--to",
            "chrony-client",
            "--server",
        ])
        .arg(format!("{server}:{port}"))
        .output()
        .unwrap();
    assert!(out.status.success());
    let pc = format!("127.77.{n}.10");
    let device = common::lab::Chronyd::start(
        &chronyd,
        tmp.path(),
        "pc",
        &format!(
            "{}\nbindaddress {pc}\nbindacqaddress {pc}\n",
            String::from_utf8_lossy(&out.stdout)
        ),
    );
    let backend = Backend::start(Some(helper.socket.clone()), None, no_waker());
    let mut h = harness_sized(
        App::headless(settings(), backend),
        egui::vec2(1024.0, 700.0),
    );
    wait(&mut h, "the helper", &|a| a.state.snapshot.is_some());
    h.get_by_label("Roster").click_accesskit();
    h.run();
    assert_eq!(h.state().state.panel, Panel::Roster);
    // A bad address says why before anything is sent.
    type_into(&mut h, "Name", "pc");
    type_into(&mut h, "Address", "host name");
    assert!(
        !shown(&h, "is not a device address").is_empty(),
        "the bad address is not refused"
    );
    assert!(
        h.get_by_role_and_label(Role::Button, "Add")
            .accesskit_node()
            .is_disabled()
    );
    for (name, address, kind) in [
        ("pc", format!("{pc}:{}", device.port), None),
        ("sw-gone", format!("127.77.{n}.40"), Some("switch")),
        // This server itself, as a new user lists it: not counted.
        ("client", "127.0.0.1:11123".to_string(), None),
    ] {
        h.state_mut().panels.roster.name.clear();
        h.state_mut().panels.roster.address.clear();
        h.run();
        type_into(&mut h, "Name", name);
        type_into(&mut h, "Address", &address);
        if let Some(kind) = kind {
            h.get_by_role_and_label(Role::ComboBox, "Kind").click();
            h.run();
            h.get_by_label(kind).click();
            h.run();
        } else {
            // chrony is not the default kind either.
            h.get_by_role_and_label(Role::ComboBox, "Kind").click();
            h.run();
            h.get_by_label("chrony").click();
            h.run();
        }
        h.get_by_role_and_label(Role::Button, "Add")
            .click_accesskit();
        h.run();
        wait(&mut h, "the device on the roster", &|a| {
            a.state
                .roster
                .as_ref()
                .is_some_and(|r| r.devices.iter().any(|d| d.name == name))
        });
    }
    // The client synchronised in seconds; a query (asked now) finds it
    // following.
    let start = Instant::now();
    let mut asked: Option<Instant> = None;
    let follows = |h: &Harness<'static, App>| {
        shown(h, "pc (chrony, ")
            .iter()
            .any(|t| t.contains("follows this server (offset"))
    };
    while !follows(&h) {
        assert!(
            start.elapsed() < Duration::from_secs(60),
            "pc never followed: {:?}",
            shown(&h, "pc (")
        );
        if asked.is_none_or(|a| a.elapsed() > Duration::from_secs(10)) {
            h.get_by_role_and_label(Role::Button, "Ask pc now")
                .click_accesskit();
            asked = Some(Instant::now());
        }
        h.step();
        std::thread::sleep(Duration::from_millis(50));
    }
    h.run();
    // W9-2: seconds after this server started, a device never seen
    // polling may still poll (a client polls every 64 s or more): it is
    // waiting, not judged, and no likely causes are listed yet.
    let sw = shown(&h, "sw-gone (switch, ");
    assert!(
        sw.iter().any(|t| t.contains("waiting for its first poll")),
        "{sw:?}"
    );
    assert!(shown(&h, "Likely causes: the exported commands were not applied").is_empty());
    assert!(!shown(&h, "1 of 2 devices follow this server").is_empty());
    // W8: "Ask … now" for a device that never answers ends: after its 4
    // queries "asking" goes and the window says no answer came, and from
    // where, with the likely cause.
    h.get_by_role_and_label(Role::Button, "Ask sw-gone now")
        .click_accesskit();
    h.run();
    // W9-3: the promise says when and where the result comes.
    assert!(
        !shown(
            &h,
            "Asking sw-gone now: 4 queries, 2 s apart; the result shows on this line within 16 s"
        )
        .is_empty(),
        "{:?}",
        shown(&h, "Asking")
    );
    let no_answer = format!("No answer from 127.77.{n}.40 after 4 queries: ");
    let start = Instant::now();
    while shown(&h, &no_answer).is_empty() {
        assert!(
            start.elapsed() < Duration::from_secs(40),
            "the query never ended: {:?}",
            shown(&h, "sw-gone")
        );
        h.step();
        std::thread::sleep(Duration::from_millis(50));
    }
    // Not before its queries could have been sent.
    assert!(
        start.elapsed() >= Duration::from_secs(8),
        "{:?}",
        start.elapsed()
    );
    assert!(shown(&h, "Asking sw-gone now").is_empty());
    // No answer is no proof: the causes, never "no NTP service" as a fact.
    let said = shown(&h, &no_answer);
    assert!(
        said.iter()
            .all(|t| t.contains("firewall") && !t.contains("no NTP service listens")),
        "{said:?}"
    );
    // Within the time it promised (16 s), with slack for a loaded machine.
    assert!(
        start.elapsed() < Duration::from_secs(30),
        "{:?}",
        start.elapsed()
    );
    h.get_by_label("Overview").click_accesskit();
    h.run();
    assert!(!shown(&h, "Roster: 1 of 2 devices follow this server").is_empty());
    // Not "No problem found" under a device that does not follow.
    assert!(shown(&h, "No problem found").is_empty());

    // The lab's own client list, pasted: pc polls, the switch does not.
    let clients = std::process::Command::new(common::chronyc_for(&chronyd))
        .arg("-h")
        .arg(helper.data.join("run/chronyd/chronyd.sock"))
        .args(["-n", "clients"])
        .output()
        .unwrap();
    let clients = String::from_utf8_lossy(&clients.stdout).into_owned();
    assert!(clients.contains(&pc), "{clients}");
    h.get_by_label("Explain").click_accesskit();
    h.run();
    h.state_mut().panels.explain.set_input(clients.clone());
    h.run();
    assert!(
        !shown(&h, "1 of 2 devices poll this server in this list").is_empty(),
        "{:?}",
        shown(&h, "The roster")
    );
    assert!(
        !shown(&h, "pc (")
            .iter()
            .all(|t| !t.contains("polls this server ("))
    );
    assert!(!shown(&h, "sw-gone (127.77.").is_empty());
    // This server itself is not judged against the paste.
    assert!(shown(&h, "client (127.0.0.1").is_empty());
    // Another machine's client list (lab note 001's): no roster reading,
    // so nothing contradicts the Roster panel.
    let other = "Hostname                      NTP   Drop Int IntL Last     Cmd   Drop Int  Last\n\n172.16.11.188                 275      0  10   -  1076       0      0   -     -\n";
    h.state_mut().panels.explain.set_input(other.to_string());
    h.run();
    assert!(!shown(&h, "172.16.11.188").is_empty());
    assert!(
        shown(&h, "in this list").is_empty(),
        "{:?}",
        shown(&h, "in this list")
    );
    assert!(shown(&h, "is not in this list").is_empty());
    h.state_mut().panels.explain.set_input(clients.clone());
    h.run();

    // The same in Chinese.
    h.state_mut().state.set_lang(Lang::ZhCn);
    h.run();
    assert!(!shown(&h, "台设备中有 1 台在此列表中向本服务器请求时间").is_empty());
    h.state_mut().panels.explain.set_input(other.to_string());
    h.run();
    assert!(shown(&h, "在此列表中").is_empty());
    h.get_by_label("设备名单").click_accesskit();
    h.run();
    assert!(
        shown(&h, "pc（chrony，")
            .iter()
            .any(|t| t.contains("跟随本服务器（偏差")),
        "{:?}",
        shown(&h, "pc（")
    );
    assert!(
        shown(&h, "sw-gone（交换机，")
            .iter()
            .any(|t| t.contains("等待第一次轮询"))
    );
    h.get_by_label("概览").click_accesskit();
    h.run();
    assert!(!shown(&h, "设备名单：2 台设备中有 1 台跟随本服务器").is_empty());

    // Enter in the address field adds, as in Upstream servers.
    h.get_by_label("设备名单").click_accesskit();
    h.run();
    type_into(&mut h, "名称", "sw-enter");
    type_into(&mut h, "地址", &format!("127.77.{n}.41"));
    h.key_press(egui::Key::Enter);
    wait(&mut h, "the device added by Enter", &|a| {
        a.state
            .roster
            .as_ref()
            .is_some_and(|r| r.devices.iter().any(|d| d.name == "sw-enter"))
    });
    h.run();
    // Added: the fields are empty for the next device.
    assert!(h.state().panels.roster.address.is_empty());

    // A device under a name that does not resolve here (never queried:
    // RFC 6761): asking it says so at once, and its line says that first,
    // not allow lines or a firewall.
    type_into(&mut h, "名称", "sw1");
    type_into(&mut h, "地址", "sw1.lab.invalid");
    h.key_press(egui::Key::Enter);
    wait(&mut h, "sw1 judged on the roster", &|a| {
        a.state
            .snapshot
            .as_ref()
            .and_then(|s| s.roster.as_ref())
            .is_some_and(|r| r.devices.iter().any(|d| d.name == "sw1"))
    });
    h.run();
    h.get_by_role_and_label(Role::Button, "立即查询 sw1")
        .click_accesskit();
    h.run();
    assert!(!shown(&h, "正在询问 sw1").is_empty());
    wait(&mut h, "sw1 found not to resolve", &|a| {
        a.state
            .snapshot
            .as_ref()
            .and_then(|s| s.roster.as_ref())
            .is_some_and(|r| {
                r.devices.iter().any(|d| {
                    d.name == "sw1"
                        && d.no_answer == Some(stratum::core::roster::report::NoAnswer::Unresolved)
                })
            })
    });
    h.run();
    let first = shown(&h, "sw1.lab.invalid 在本机无法解析");
    assert!(!first.is_empty(), "{:?}", shown(&h, "sw1"));
    h.state_mut().state.set_lang(Lang::En);
    h.run();
    assert!(
        !shown(
            &h,
            "Its name sw1.lab.invalid does not resolve on this machine"
        )
        .is_empty()
    );
    drop(device);
}

/// The roster in every state, where the window shows it: a device of each
/// verdict with its notes, unknown clients, a bundle that cannot be read,
/// the Overview's count, and a user who may not read the client log.
pub fn states(h: &mut Harness<'static, App>, snapshot: &stratum::ipc::Snapshot) {
    use stratum::core::roster::report::{Answer, Follows, NoAnswer, Polls, UnknownClient};
    use stratum::core::roster::{Device, DeviceKind, DeviceReport, RosterReport, Verdict};
    use stratum::gui::backend::{Event, ReadError};
    let answer = |follows| Answer {
        time: 0.0,
        stratum: 4,
        ref_id: 0x0a00_0001,
        reference: "10.0.0.1".into(),
        leap: 0,
        root_distance: 0.01,
        offset: 0.2,
        delay: 0.001,
        follows,
        synchronised: true,
    };
    let polls = Polls {
        address: "10.0.0.11".parse().unwrap(),
        last_ago: Some(30.0),
        interval: Some(64.0),
        silent_after: 192.0,
        packets: 9,
        drops: 1,
        rate_limited: true,
        polling: true,
    };
    let devices: Vec<DeviceReport> = [
        (Verdict::FollowsUs, Some(Follows::Us)),
        (Verdict::FollowsOther, Some(Follows::Other)),
        (Verdict::PollsNoAnswer, None),
        (Verdict::NotPolling, None),
    ]
    .into_iter()
    .enumerate()
    .map(|(i, (verdict, follows))| DeviceReport {
        name: format!("dev-{i}"),
        address: format!("10.0.0.{}", 11 + i),
        kind: DeviceKind::ALL[i % DeviceKind::ALL.len()],
        verdict,
        since: 1.8e9,
        polls: Some(polls.clone()),
        answer: follows.map(answer),
        no_answer: Some(NoAnswer::Timeout),
        expected_stratum: Some(3),
        drifting: true,
        denied_by_acl: true,
        itself: false,
    })
    .collect();
    let report = RosterReport {
        unknown: vec![UnknownClient {
            address: "10.0.0.99".parse().unwrap(),
            packets: 3,
            last_ago: Some(5.0),
        }],
        unknown_total: 1,
        file: "/etc/chrony/stratum.toml".into(),
        devices,
        alarms: Vec::new(),
    };
    event(
        h,
        Event::Roster(Box::new(stratum::ipc::RosterState {
            devices: report
                .devices
                .iter()
                .map(|d| Device {
                    name: d.name.clone(),
                    address: d.address.clone(),
                    kind: d.kind,
                })
                .collect(),
            server_addresses: vec![],
            file: report.file.clone(),
            report: Some(report.clone()),
        })),
    );
    let mut s = snapshot.clone();
    s.roster = Some(report);
    event(h, Event::Snapshot(Box::new(s.clone())));
    show(h, Panel::Roster);
    // "Ask … now" pressed: the query is said to be under way.
    let probing = |ended| stratum::gui::panels::roster::Probing {
        name: "dev-0".into(),
        asked: std::time::Instant::now(),
        answered_before: None,
        ended,
    };
    // Its answer not in yet (the one it has is older).
    h.state_mut().panels.roster.probing = Some(stratum::gui::panels::roster::Probing {
        answered_before: Some(f64::INFINITY),
        ..probing(None)
    });
    show(h, Panel::Roster);
    // …and then what came of it (dev-0 answered, dev-2 did not).
    h.state_mut().panels.roster.probing = Some(probing(Some(std::time::Instant::now())));
    show(h, Panel::Roster);
    h.state_mut().panels.roster.probing = Some(stratum::gui::panels::roster::Probing {
        name: "dev-2".into(),
        ..probing(Some(std::time::Instant::now()))
    });
    show(h, Panel::Roster);
    h.state_mut().panels.roster.probing = None;
    show(h, Panel::Overview);
    // A pasted client list read against it.
    h.state_mut().panels.explain.set_input(
        "Hostname                      NTP   Drop Int IntL Last     Cmd   Drop Int  Last\n\
         ===============================================================================\n\
         10.0.0.11                      12      0   6   -    21       0      0   -     -\n\
         10.0.0.12                       0      0   -   -     -       3      0   5    12\n\
         10.0.0.99                       3      0   6   -     5       0      0   -     -\n"
            .into(),
    );
    show(h, Panel::Explain);
    event(
        h,
        Event::BundleRead {
            path: "/tmp/lab.toml".into(),
            result: Err(ReadError::Invalid("expected `=`".into())),
        },
    );
    show(h, Panel::Roster);
    // A user who may not read the client log sees no verdicts.
    s.serverstats = None;
    s.roster = None;
    event(h, Event::Snapshot(Box::new(s)));
    show(h, Panel::Roster);
}
