//! The window's words: every message the window shows, in both languages,
//! rendered as the code fills it (the Localizer keeps what it renders while
//! the test drives the window through every panel and state: live on a lab
//! of each chrony release, then every export, setup, error, lint rule,
//! explanation, alarm and file note), names no command-line flag and leaves
//! no placeholder unfilled. Every message id the window's code names is
//! among them, so a new text cannot slip past.

use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};
use std::time::Duration;

use egui_kittest::Harness;
use egui_kittest::kittest::Queryable;
use stratum::core::alarm::{Alarm, AlarmKind};
use stratum::core::conf::Document;
use stratum::core::export::Format;
use stratum::gui::app::{App, ApplyState, Panel};
use stratum::gui::backend::{Event, StatsResult};
use stratum::gui::state::NtsState;
use stratum::i18n::{Lang, Rendered, record_renders, take_renders};
use stratum::ipc::ErrorCode;

use super::window::{RichLab, live, offline, show, wait_until};
use crate::common;

/// The `--word` flags a text names (after a space, a bracket or a quote:
/// an em dash or `a--b` is no flag).
pub fn flags(text: &str) -> Vec<String> {
    let chars: Vec<char> = text.chars().collect();
    let mut out = Vec::new();
    for i in 0..chars.len().saturating_sub(2) {
        let starts = i == 0 || !(chars[i - 1].is_alphanumeric() || chars[i - 1] == '-');
        if starts && chars[i] == '-' && chars[i + 1] == '-' && chars[i + 2].is_ascii_lowercase() {
            let word: String = chars[i..]
                .iter()
                .take_while(|c| c.is_ascii_alphanumeric() || **c == '-')
                .collect();
            out.push(word);
        }
    }
    out
}

/// What is wrong with a rendered text, if anything.
fn problem(r: &Rendered) -> Option<String> {
    if r.text == r.id {
        return Some("no such message".into());
    }
    if r.text.contains("{$") || r.text.contains("{ $") {
        return Some("a placeholder left unfilled".into());
    }
    let f = flags(&r.text);
    (!f.is_empty()).then(|| format!("names the flag {}", f.join(" ")))
}

/// Every message id the window's code names as a literal (those the
/// catalogue has: widget ids and field names are not messages).
fn ids_in_window_code() -> BTreeSet<String> {
    let en = stratum::i18n::Localizer::new(Lang::En);
    let mut out = BTreeSet::new();
    let mut stack = vec![Path::new(env!("CARGO_MANIFEST_DIR")).join("src/gui")];
    while let Some(p) = stack.pop() {
        if p.is_dir() {
            stack.extend(std::fs::read_dir(&p).unwrap().map(|e| e.unwrap().path()));
            continue;
        }
        let text = std::fs::read_to_string(&p).unwrap();
        for part in text.split('"').skip(1).step_by(2) {
            if part.contains('-')
                && part
                    .bytes()
                    .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-')
                && en.has(part)
            {
                out.insert(part.to_string());
            }
        }
    }
    // Said on the terminal when no window can open (it names `stratum
    // --help`, which is right there).
    out.remove("gui-cannot-open");
    // Shown when the desktop's file dialog closes with no choice: there is
    // no desktop portal under test.
    out.remove("gui-browse-nothing");
    // A table with a header and no row: no report the window reads comes
    // without rows today (an empty report is not explained).
    out.remove("gui-no-rows");
    out
}

fn files_under(dir: &Path, ext: &str) -> Vec<PathBuf> {
    let mut out = Vec::new();
    let mut stack = vec![dir.to_path_buf()];
    while let Some(p) = stack.pop() {
        if p.is_dir() {
            stack.extend(std::fs::read_dir(&p).unwrap().map(|e| e.unwrap().path()));
        } else if p.extension().is_some_and(|e| e == ext) {
            out.push(p);
        }
    }
    out.sort();
    out
}

fn data(rel: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/data")
        .join(rel)
}

/// Every live panel on a real lab (the release's chronyd), with the guide
/// open, in `lang`.
fn drive_live(lab: &RichLab, lang: Lang) {
    let mut h = live(lang, &lab.helper.socket);
    wait_until(&mut h, Duration::from_secs(20), "the helper's data", &|a| {
        a.state.may_change()
            && a.state
                .snapshot
                .as_ref()
                .is_some_and(|s| !s.clients.is_empty())
    });
    stratum::gui::help::set_open(&h.ctx, true);
    for p in Panel::ALL {
        show(&mut h, p);
        match p {
            Panel::Overview => {
                for title in ["gui-serverstats", "gui-activity"] {
                    let t = h.state().state.t(title);
                    h.get_by_label(&t).click_accesskit();
                    h.run_steps(2);
                }
            }
            Panel::Plots => wait_until(&mut h, Duration::from_secs(20), "history", &|a| {
                a.state.history.values().any(|v| !v.is_empty())
            }),
            Panel::Statistics => wait_until(&mut h, Duration::from_secs(20), "statistics", &|a| {
                a.state.stats.is_some()
            }),
            _ => {}
        }
        h.run_steps(2);
    }
}

fn event(h: &mut Harness<'static, App>, e: Event) {
    h.state_mut().state.on_event(e);
    h.run_steps(2);
}

/// Every state a lab does not reach by itself: each error code where the
/// window says it, apply and NTS outcomes, alarms, certificates, the leap
/// second list, watched hosts, file notes, statistics of a flat series.
fn drive_states(h: &mut Harness<'static, App>, snapshot: &stratum::ipc::Snapshot) {
    // Nothing yet: no history, no helper answering.
    show(h, Panel::Plots);
    show(h, Panel::Overview);
    let info = |mode| stratum::ipc::HelperInfo {
        protocol: 1,
        mode,
        chrony_version: Some("4.3".into()),
        chronyd_path: Some("/usr/sbin/chronyd".into()),
        config_path: "/etc/chrony/chrony.conf".into(),
        chronyd_pid: Some(1),
        chronyd_log: vec![],
        ntp_port: 123,
        may_change: true,
    };
    for (mode, server) in [
        (stratum::ipc::Mode::System, "/run/stratum/helper.sock"),
        (stratum::ipc::Mode::Lab, "ssh://admin@ntp1.lab"),
    ] {
        event(
            h,
            Event::Connected {
                info: info(mode),
                started_lab: mode == stratum::ipc::Mode::Lab,
                server: server.into(),
            },
        );
        show(h, Panel::Overview);
    }
    // chronyd not answering yet, then no helper at all.
    let mut empty = snapshot.clone();
    empty.tracking = None;
    event(h, Event::Snapshot(Box::new(empty.clone())));
    show(h, Panel::Overview);
    event(
        h,
        Event::Offline {
            code: ErrorCode::GuiNoHelper,
        },
    );
    show(h, Panel::Sources);
    event(
        h,
        Event::Connected {
            info: info(stratum::ipc::Mode::Lab),
            started_lab: true,
            server: "/tmp/helper.sock".into(),
        },
    );
    // A healthy server: its selected source alone, nothing raised.
    let mut healthy = snapshot.clone();
    let selected: Vec<String> = healthy
        .sources
        .iter()
        .filter(|x| x.state == stratum::core::cmdmon::SourceState::Selected)
        .map(|x| x.address.to_string())
        .collect();
    healthy
        .sources
        .retain(|x| selected.contains(&x.address.to_string()));
    healthy
        .sourcestats
        .retain(|x| selected.contains(&x.address.to_string()));
    healthy
        .selectdata
        .retain(|x| selected.contains(&x.address.to_string()));
    healthy.authdata.retain(|(a, _)| selected.contains(a));
    healthy.alarms.clear();
    healthy.error = None;
    event(h, Event::Snapshot(Box::new(healthy.clone())));
    show(h, Panel::Overview);
    show(h, Panel::Sources);
    // Healthy but for a certificate near its end: something to look at.
    let soon = stratum::sys::now() as i64 + 10 * 86_400;
    healthy.nts_certs = vec![stratum::core::nts::CertSummary {
        path: "/etc/chrony/nts/server.crt".into(),
        names: vec!["ntp1.lab".into()],
        not_before: soon - 400 * 86_400,
        not_after: soon,
        unreadable: false,
    }];
    event(h, Event::Snapshot(Box::new(healthy)));
    show(h, Panel::Overview);
    // A server with no source, a client rate limited.
    let mut bare = snapshot.clone();
    bare.sources.clear();
    bare.sourcestats.clear();
    bare.selectdata.clear();
    bare.authdata.clear();
    for c in bare.clients.iter_mut() {
        c.ntp_drops = 5;
    }
    event(h, Event::Snapshot(Box::new(bare)));
    show(h, Panel::Sources);
    show(h, Panel::Clients);
    // The upstreams' live states: selected, reachable, unreachable, unseen.
    let mut states = snapshot.clone();
    if let Some(x) = states.sources.get_mut(1) {
        x.state = stratum::core::cmdmon::SourceState::Combined;
        x.reach = 0o377;
    }
    event(h, Event::Snapshot(Box::new(states)));
    let hosts: Vec<String> = snapshot
        .sources
        .iter()
        .map(|x| x.address.to_string())
        .collect();
    let mut text: String = hosts
        .iter()
        .map(|a| format!("server {a} iburst\n"))
        .collect();
    text.push_str("server 192.0.2.7 iburst\n");
    h.state_mut().state.doc = Document::parse(&text);
    show(h, Panel::Upstreams);
    for x in snapshot.sources.iter().skip(1) {
        let mut dead = snapshot.clone();
        for y in dead.sources.iter_mut().filter(|y| y.address == x.address) {
            y.reach = 0;
        }
        event(h, Event::Snapshot(Box::new(dead)));
        show(h, Panel::Upstreams);
    }
    // Editing a source, and one chrony would refuse.
    let edit = h.state().state.t("gui-edit");
    h.get_all_by_label(&edit).next().unwrap().click_accesskit();
    h.run_steps(2);
    {
        let f = &mut h.state_mut().panels.upstreams;
        f.kind = stratum::core::conf::SourceKind::Server;
        f.port = Some(-1);
    }
    h.run_steps(2);
    // No field of the form makes a line chrony refuses; its words, as the
    // form would say them, for one that does.
    let line = "ntp.example.org iburst key 0";
    let e = stratum::core::conf::parse_user_source(stratum::core::conf::SourceKind::Server, line)
        .unwrap_err();
    stratum::gui::panels::upstreams::source_error_text(
        &h.state().state,
        stratum::core::conf::SourceKind::Server,
        line,
        &e,
    );
    h.state_mut().panels.upstreams = Default::default();
    // The explanation side panel of a value.
    h.state_mut().state.selected = Some(stratum::gui::state::Selected {
        field: "stratum",
        raw: "2".into(),
        status: stratum::core::explain::Status::Ok,
        reason: None,
        meaning: "m".into(),
    });
    show(h, Panel::Overview);
    h.state_mut().state.selected = None;
    // A helper that lets this user read only: Apply says why it cannot.
    let mut read_only = info(stratum::ipc::Mode::System);
    read_only.may_change = false;
    event(
        h,
        Event::Connected {
            info: read_only,
            started_lab: false,
            server: "/run/stratum/helper.sock".into(),
        },
    );
    show(h, Panel::Apply);
    event(
        h,
        Event::Connected {
            info: info(stratum::ipc::Mode::Lab),
            started_lab: true,
            server: "/tmp/helper.sock".into(),
        },
    );
    // A file chronyd would refuse: Apply says why it cannot.
    h.state_mut().state.doc = Document::parse("allow 10.0.0.0/33\n");
    show(h, Panel::Apply);
    let now = stratum::sys::now();
    let mut s = snapshot.clone();
    s.time = now;
    s.alarms = AlarmKind::ALL
        .iter()
        .map(|k| Alarm {
            kind: *k,
            what: "127.0.0.2".into(),
        })
        .collect();
    let cert = |days: i64, unreadable| stratum::core::nts::CertSummary {
        path: "/etc/chrony/nts/server.crt".into(),
        names: vec!["ntp1.lab".into()],
        not_before: now as i64 - 86_400,
        not_after: now as i64 + days * 86_400,
        unreadable,
    };
    s.nts_certs = vec![
        cert(300, false),
        cert(10, false),
        cert(-2, false),
        cert(1, true),
    ];
    if let Some(t) = s.tracking.as_mut() {
        t.leap_status = 1;
    }
    for (expires, problem) in [
        (now as i64 + 200 * 86_400, None),
        (now as i64 - 86_400, None),
        (0, Some("unreadable".to_string())),
    ] {
        s.leap_list = Some(stratum::core::leap::LeapListSummary {
            path: "/usr/share/zoneinfo/leap-seconds.list".into(),
            expires,
            next_leap: Some((now as i64 + 86_400, stratum::core::leap::Leap::Insert)),
            problem,
        });
        event(h, Event::Snapshot(Box::new(s.clone())));
        show(h, Panel::Overview);
    }
    for p in [Panel::Overview, Panel::Sources, Panel::Clients, Panel::Nts] {
        show(h, p);
    }
    // The tracking of a server on its own clock, and of one synchronised.
    if let Some(t) = s.tracking.as_mut() {
        t.ref_id = stratum::core::cmdmon::LOCAL_REFID;
        t.address = None;
    }
    event(h, Event::Snapshot(Box::new(s.clone())));
    show(h, Panel::Overview);
    // Errors, where the window says them: the connection, an operation,
    // a snapshot, an apply (on Apply and on Guided setup).
    for code in ErrorCode::ALL {
        event(h, Event::Offline { code: *code });
        event(
            h,
            Event::Failed {
                code: *code,
                detail: Some("12".into()),
            },
        );
        let mut bad = s.clone();
        bad.error = Some(*code);
        event(h, Event::Snapshot(Box::new(bad)));
        h.state_mut().state.apply = ApplyState::Failed {
            code: *code,
            detail: Some("12".into()),
        };
        show(h, Panel::Apply);
        show(h, Panel::Setup);
    }
    event(h, Event::ActionDone);
    for (live, restarted, unchanged) in [
        (true, false, false),
        (false, true, false),
        (false, false, true),
    ] {
        h.state_mut().state.apply = ApplyState::Done(stratum::ipc::Applied {
            live,
            restarted,
            backup: Some("/var/lib/stratum/chrony.conf.1".into()),
            unchanged,
        });
        show(h, Panel::Apply);
    }
    h.state_mut().state.apply = ApplyState::Running;
    show(h, Panel::Apply);
    h.state_mut().state.apply = ApplyState::Idle;
    // NTS: working, failed, made, renewed.
    h.state_mut().state.nts = NtsState::Running;
    show(h, Panel::Nts);
    h.state_mut().state.nts = NtsState::Failed("x".into());
    show(h, Panel::Nts);
    for restarted in [false, true] {
        let n = stratum::ipc::NtsIssued {
            lines: "ntsservercert /etc/chrony/nts/server.crt".into(),
            cert: cert(300, false),
            files: vec!["/etc/chrony/nts/server.crt".into()],
            backups: vec![],
            restarted,
        };
        event(h, Event::NtsIssued(n));
        show(h, Panel::Nts);
    }
    h.state_mut().panels.nts.names = "not a name!".into();
    show(h, Panel::Nts);
    // Watched hosts: answering, silent with each reason, on their own clock.
    let row = |host: &str, error: Option<ErrorCode>| stratum::ipc::FleetRow {
        host: host.parse().unwrap(),
        reachable: error.is_none(),
        stratum: Some(3),
        reference: Some("7F7F0101".into()),
        system_time: Some(1e-6),
        frequency: Some(-1.0),
        skew: Some(0.1),
        leap: Some("Normal".into()),
        selected: None,
        sources: Some(1),
        error,
    };
    let mut rows = vec![row("10.0.0.1:323", None)];
    rows.push(stratum::ipc::FleetRow {
        reachable: false,
        ..row("10.0.0.8:323", None)
    });
    rows.extend(ErrorCode::ALL.iter().map(|c| row("10.0.0.9:323", Some(*c))));
    event(h, Event::Fleet(rows));
    show(h, Panel::Fleet);
    h.state_mut().state.fleet_selected = Some("10.0.0.1:323".parse().unwrap());
    show(h, Panel::Fleet);
    // Files written and read, beside the fields they were typed in.
    let path = PathBuf::from("/tmp/stratum-words.conf");
    h.state_mut().panels.apply.path = path.display().to_string();
    for result in [Ok(()), Err("permission denied".to_string())] {
        event(
            h,
            Event::FileWritten {
                path: path.clone(),
                result,
            },
        );
        show(h, Panel::Apply);
    }
    for result in [
        Ok(b"server 10.0.0.1\n".to_vec()),
        Err("no such file".to_string()),
    ] {
        event(
            h,
            Event::ConfigRead {
                path: path.clone(),
                result,
            },
        );
        show(h, Panel::Apply);
    }
    // Statistics: computing, no data, a flat series, a noisy one.
    use stratum::core::series::{Field, SeriesId};
    show(h, Panel::Statistics);
    let series = SeriesId::system(Field::Offset);
    let window = h.state().panels.statistics.window.seconds();
    for points in [
        vec![],
        (0..600).map(|i| (f64::from(i), 0.0)).collect::<Vec<_>>(),
        (0..600)
            .map(|i| (f64::from(i), (f64::from(i) * 0.37).sin() * 1e-6))
            .collect(),
    ] {
        let analysis = stratum::core::stats::analyse(Field::Offset, points);
        event(
            h,
            Event::Stats(Box::new(StatsResult {
                series: series.clone(),
                window,
                analysis,
            })),
        );
        show(h, Panel::Statistics);
    }
}

/// Every format with every field it shows, empty and filled, right and
/// wrong.
fn drive_export(h: &mut Harness<'static, App>) {
    show(h, Panel::Export);
    for format in Format::ALL {
        for (servers, backup, peer, key, nts, ca) in [
            ("", false, "", "", false, ""),
            (
                "10.0.0.123 10.0.0.124:11123",
                false,
                "10.0.0.2",
                "1:md5:Lab-Secret1",
                true,
                "",
            ),
            (
                "10.0.0.123",
                true,
                "",
                "1:sha256:HEX:00ff",
                true,
                "/etc/chrony/ca.crt",
            ),
            ("10.0.0.123", true, "10.0.0.2:11123", "bad key", false, ""),
            ("not a host!", false, "also bad!", "", false, ""),
        ] {
            let f = &mut h.state_mut().panels.export;
            f.format = format;
            f.servers = servers.into();
            f.backup = backup;
            f.peer = peer.into();
            f.key = key.into();
            f.nts = nts;
            f.nts_ca = ca.into();
            f.source_interface = "mgmt0".into();
            f.vrf = "mgmt".into();
            h.run_steps(2);
        }
    }
    // The lab's own file with no upstream, no allow line, NTS, a key file.
    h.state_mut().state.doc = Document::parse(
        "local stratum 8\npeer lab-partner.example\nkeyfile /etc/chrony/chrony.keys\nntsservercert /etc/c.crt\nntsserverkey /etc/c.key\nmakestep 1 3\nrtcsync\nratelimit\n",
    );
    for format in Format::ALL {
        h.state_mut().panels.export.format = format;
        h.state_mut().panels.export.servers = "10.0.0.123:11123".into();
        h.run_steps(2);
    }
}

/// Every setup with each field wrong once, then right.
fn drive_setup(h: &mut Harness<'static, App>) {
    use stratum::core::conf::roles::{Role, RoleInput};
    show(h, Panel::Setup);
    for role in Role::ALL {
        h.state_mut().panels.setup.role = role;
        for input in [
            RoleInput::default(),
            RoleInput {
                upstreams: "bad host!".into(),
                ..RoleInput::default()
            },
            RoleInput {
                subnets: "10.0.0.0/33".into(),
                ..RoleInput::default()
            },
            RoleInput {
                upstreams: "ntp.example.org".into(),
                subnets: "10.0.0.0/24".into(),
                servers: "10.0.0.123".into(),
                peer: "10.0.0.124".into(),
                gps_device: "ttyS0".into(),
                ..RoleInput::default()
            },
            RoleInput {
                upstreams: "ntp.example.org".into(),
                subnets: "10.0.0.0/24".into(),
                servers: "10.0.0.123 10.0.0.124".into(),
                peer: "10.0.0.124".into(),
                gps_device: "/dev/ttyACM0".into(),
                pps_device: "/dev/pps0".into(),
                nmea_fallback: true,
            },
        ] {
            h.state_mut().panels.setup.input = input;
            h.run_steps(2);
        }
    }
}

/// Typing on the editing panels, right and wrong; pairs that follow the
/// rule and one that does not; every lint rule of the corpus; every output
/// the explain corpus holds.
fn drive_editing(h: &mut Harness<'static, App>) {
    show(h, Panel::Access);
    for subnet in ["10.0.0.0 /24", "10.0.0.0/33", "10.0.0.0/24"] {
        h.state_mut().panels.access.subnet = subnet.into();
        h.run_steps(2);
    }
    // An empty field shows no error; its text is the one the code would
    // give, all the same.
    let st = &h.state().state;
    stratum::gui::panels::access::subnet_error_text(
        st,
        &stratum::core::conf::SubnetError::Empty,
        "",
    );
    show(h, Panel::Upstreams);
    for host in ["bad host!", "a\u{7}b", "ntp.example.org"] {
        h.state_mut().panels.upstreams.host = host.into();
        h.run_steps(2);
    }
    for text in [
        "peer 10.0.0.2\nlocal stratum 10\n",
        "peer 10.0.0.2\nlocal stratum 10 orphan\n",
    ] {
        h.state_mut().state.doc = Document::parse(text);
        h.state_mut().panels.peers.partner = "10.0.0.3".into();
        show(h, Panel::Peers);
    }
    for conf in files_under(&data("chronyd"), "conf")
        .into_iter()
        .chain(files_under(&data("roundtrip"), "conf"))
    {
        h.state_mut().state.doc = Document::parse(std::fs::read(&conf).unwrap());
        show(h, Panel::Advanced);
    }
    show(h, Panel::Explain);
    for out in files_under(&data("explain"), "txt")
        .into_iter()
        .chain(files_under(&data("labs"), "txt"))
    {
        let text = String::from_utf8_lossy(&std::fs::read(&out).unwrap()).into_owned();
        h.state_mut().panels.explain.set_input(text);
        h.run_steps(2);
    }
    h.state_mut()
        .panels
        .explain
        .set_input("no report at all".into());
    h.run_steps(2);
}

#[test]
fn every_message_the_window_shows_is_filled_and_names_no_flag() {
    let releases = common::releases();
    if releases.is_empty() {
        return;
    }
    record_renders();
    let mut snapshot = None;
    for release in &releases {
        let lab = RichLab::start(release);
        snapshot = Some(lab.helper.snapshot());
        for lang in Lang::ALL {
            drive_live(&lab, lang);
        }
    }
    let snapshot = snapshot.unwrap();
    for lang in Lang::ALL {
        let mut h = offline(lang);
        stratum::gui::help::set_open(&h.ctx, true);
        drive_states(&mut h, &snapshot);
        drive_export(&mut h);
        drive_setup(&mut h);
        drive_editing(&mut h);
    }
    let rendered = take_renders();
    // Each text once, with the ids it came from.
    let mut bad: BTreeMap<String, String> = BTreeMap::new();
    let mut seen: std::collections::HashMap<Lang, BTreeSet<String>> = Default::default();
    for r in &rendered {
        seen.entry(r.lang).or_default().insert(r.id.clone());
        if let Some(p) = problem(r) {
            bad.entry(format!("{} {}: {p}", r.lang.code(), r.id))
                .or_insert_with(|| r.text.clone());
        }
    }
    assert!(
        bad.is_empty(),
        "{} texts the window shows are not fit for it:\n{}",
        bad.len(),
        bad.iter()
            .map(|(k, v)| format!("{k}\n    “{v}”"))
            .collect::<Vec<_>>()
            .join("\n")
    );
    for lang in Lang::ALL {
        let seen = &seen[&lang];
        let missing: Vec<_> = ids_in_window_code()
            .into_iter()
            .filter(|id| !seen.contains(id))
            .collect();
        assert!(
            missing.is_empty(),
            "{}: messages the window's code names but the test never saw rendered \
             (drive the window to them): {missing:?}",
            lang.code()
        );
    }
    assert!(rendered.len() > 10_000, "only {} renders", rendered.len());
}

#[test]
fn a_flag_or_an_unfilled_placeholder_is_found() {
    assert_eq!(
        flags("use --to chrony-client or --server"),
        ["--to", "--server"]
    );
    assert_eq!(flags("(stratum --help)"), ["--help"]);
    assert!(flags("a — b, 10--20, “-” and ---").is_empty());
    // The text the issue saw: the command line's, in the window.
    let cli = stratum::i18n::Localizer::new(Lang::En);
    record_renders();
    cli.tr("export-server-not-used");
    let r = take_renders();
    let p = problem(&r[0]).expect("a problem");
    assert!(p.contains("placeholder"), "{p}");
    let filled = cli.tr_args("export-server-not-used", &[("format", "ntp")]);
    assert_eq!(flags(&filled), ["--server", "--to", "--to"]);
    // The window's words for the same case name a field instead.
    let window = stratum::i18n::Localizer::window(Lang::En);
    let text = window.tr_args("export-server-not-used", &[("format", "ntp")]);
    assert!(flags(&text).is_empty(), "{text}");
}
