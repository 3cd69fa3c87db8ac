//! The desktop app driven through its accessibility tree (egui_kittest,
//! no GPU): panels edit the configuration exactly where they should,
//! invalid input disables Apply, the language switches at run time, the
//! UI is idle when nothing changes, and an Apply through a real lab
//! helper shows the new server in the sources table.

mod common;
// The window at 1024×700 by concern, one file each (tests/gui/).
#[path = "gui/chinese.rs"]
mod chinese;
#[path = "gui/forms.rs"]
mod forms;
#[path = "gui/pair.rs"]
mod pair;
#[path = "gui/roster.rs"]
mod roster;
#[path = "gui/small.rs"]
mod small;
#[path = "gui/tour.rs"]
mod tour;
#[path = "gui/window.rs"]
mod window;
#[path = "gui/words.rs"]
mod words;

// The window you can trust, in modules of their own (tests/gui/*.rs):
// first run and status bar, Apply, files.
#[path = "gui/files.rs"]
mod files;
#[path = "gui/first_run.rs"]
mod first_run;
#[path = "gui/status_bar.rs"]
mod status_bar;
#[path = "gui/trust.rs"]
mod trust;

use std::time::{Duration, Instant};

use egui::accesskit::Role;
use egui_kittest::Harness;
use egui_kittest::kittest::{NodeT, Queryable};
use stratum::gui::app::{App, ApplyState, Panel};
use stratum::gui::backend::Backend;
use stratum::gui::settings::Settings;
use stratum::i18n::Lang;

fn settings() -> Settings {
    Settings {
        lang: Some(Lang::En),
        ..Settings::default()
    }
}

fn harness(app: App) -> Harness<'static, App> {
    harness_sized(app, egui::vec2(1200.0, 900.0))
}

/// The app in a window of `size` (logical points).
fn harness_sized(app: App, size: egui::Vec2) -> Harness<'static, App> {
    let mut fonts_done = false;
    Harness::builder().with_size(size).build_state(
        move |ctx, app: &mut App| {
            if !fonts_done {
                stratum::gui::fonts::install(ctx);
                fonts_done = true;
            }
            app.ui(ctx)
        },
        app,
    )
}

/// The app with no helper: this machine's work (lint, files) is done by
/// its backend, whose events wake the harness's context.
fn offline_with(settings: Settings) -> Harness<'static, App> {
    let mut h = harness(App::headless(settings, Backend::offline(no_waker())));
    let waker = stratum::gui::waker(h.ctx.clone(), None);
    h.state_mut().backend = Backend::offline(waker);
    h.run();
    h
}

fn offline() -> Harness<'static, App> {
    offline_with(settings())
}

fn no_waker() -> stratum::gui::backend::Waker {
    std::sync::Arc::new(|_| {})
}

/// Steps the UI until `f` holds (30 s at most).
fn wait(h: &mut Harness<'static, App>, what: &str, f: &dyn Fn(&App) -> bool) {
    let start = Instant::now();
    while !f(h.state()) {
        assert!(
            start.elapsed() < Duration::from_secs(30),
            "timed out waiting for {what}"
        );
        h.step();
        std::thread::sleep(Duration::from_millis(20));
    }
}

#[test]
fn panels_edit_only_their_lines_and_bad_subnets_block_apply() {
    let mut h = offline();
    let before = h.state().state.doc.render_lossy();
    h.get_by_label("Upstream servers").click();
    h.run();
    h.get_by_role(Role::TextInput).focus();
    h.run();
    h.get_by_role(Role::TextInput).type_text("10.9.8.7");
    h.run();
    h.get_by_role_and_label(Role::Button, "Add").click();
    h.run();
    let after = h.state().state.doc.render_lossy();
    // Exactly one line more, the new server, after the existing lines it
    // goes after; everything else identical.
    let diff: Vec<_> = similar::TextDiff::from_lines(&before, &after)
        .iter_all_changes()
        .filter(|c| c.tag() != similar::ChangeTag::Equal)
        .map(|c| (c.tag(), c.to_string()))
        .collect();
    assert_eq!(
        diff,
        vec![(
            similar::ChangeTag::Insert,
            "server 10.9.8.7 iburst\n".to_string()
        )]
    );

    h.get_by_label("Access").click();
    h.run();
    h.get_by_role(Role::TextInput).focus();
    h.run();
    h.get_by_role(Role::TextInput).type_text("10.0.0.0/33");
    h.run();
    assert!(
        h.query_by_label_contains("at most /32").is_some(),
        "no error shown"
    );
    let add = h.get_by_role_and_label(Role::Button, "Add");
    // An empty host never adds anything either (tested below via the form).
    assert!(
        add.accesskit_node().is_disabled(),
        "Add enabled for a bad subnet"
    );
    // Fix it: the allow line goes in.
    h.get_by_role(Role::TextInput).focus();
    h.key_press(egui::Key::Backspace);
    h.key_press(egui::Key::Backspace);
    h.get_by_role(Role::TextInput).type_text("24");
    h.run();
    h.get_by_role_and_label(Role::Button, "Add").click();
    h.run();
    assert!(
        h.state()
            .state
            .doc
            .render_lossy()
            .contains("allow 10.0.0.0/24\n")
    );

    // With a lint error in the file, Apply is disabled.
    h.state_mut().state.doc = stratum::core::conf::Document::parse("allow 10.0.0.0/33\n");
    h.get_by_label("Apply").click();
    h.step();
    wait(&mut h, "the lint", &|a| a.state.lint.diagnostics.is_some());
    h.run();
    assert!(
        h.query_all_by_label_contains("/33").count() >= 1,
        "no lint error shown"
    );
    let apply = h.get_by_role_and_label(Role::Button, "Apply to chronyd");
    assert!(apply.accesskit_node().is_disabled());
}

#[test]
fn switching_to_chinese_changes_the_labels() {
    let mut h = offline();
    assert!(h.query_by_label("Upstream servers").is_some());
    h.get_by_label("Settings").click();
    h.run();
    h.get_by_label("简体中文").click();
    h.run();
    assert!(h.query_by_label("上游服务器").is_some());
    assert!(h.query_by_label("Upstream servers").is_none());
    assert_eq!(h.state().state.tr.lang(), Lang::ZhCn);
}

#[test]
fn idle_ui_does_not_repaint() {
    let mut h = offline();
    // run() returns once no repaint is requested; a busy loop would
    // exceed the step limit and panic.
    let steps = h.run();
    assert!(steps <= 3, "{steps} frames for an idle UI");
    for p in Panel::ALL {
        h.state_mut().state.panel = p;
        if p == Panel::Apply {
            // Its lint comes from the backend, with a spinner meanwhile.
            h.step();
            wait(&mut h, "the lint", &|a| a.state.lint.diagnostics.is_some());
        }
        let steps = h.run();
        assert!(steps < 10, "{p:?} keeps repainting ({steps} frames)");
    }
}

#[test]
fn apply_through_a_lab_helper_shows_the_new_server() {
    let Some(chronyd) = common::chronyd() else {
        return;
    };
    let tmp = tempfile::tempdir().unwrap();
    let up = common::lab::Chronyd::upstream(&chronyd, tmp.path());
    let helper = common::helper::HelperProc::start_lab(
        tmp.path(),
        "local stratum 10 orphan\nallow 127.0.0.0/8\nmakestep 1 3\n",
        common::lab::free_udp_port(),
    );
    let backend = Backend::start(Some(helper.socket.clone()), None, no_waker());
    let mut h = harness(App::headless(settings(), backend));
    wait(&mut h, "the helper's configuration", &|a| {
        a.state.may_change() && String::from_utf8_lossy(&a.state.base).contains("local stratum 10")
    });
    h.get_by_label("Upstream servers").click();
    h.run();
    h.get_by_role(Role::TextInput).focus();
    h.run();
    h.get_by_role(Role::TextInput).type_text("127.0.0.1");
    h.run();
    // Port and poll interval through the form's fields.
    {
        let f = &mut h.state_mut().panels.upstreams;
        f.port = Some(i64::from(up.port));
        f.minpoll = Some(-2);
        f.maxpoll = Some(-1);
    }
    h.run();
    h.get_by_role_and_label(Role::Button, "Add").click();
    h.run();
    h.get_by_label("Apply").click();
    h.step();
    wait(&mut h, "the lint", &|a| a.state.lint.diagnostics.is_some());
    h.run();
    h.get_by_role_and_label(Role::Button, "Apply to chronyd")
        .click();
    // The spinner animates while the apply runs: step, do not settle.
    h.step();
    wait(&mut h, "the apply", &|a| {
        matches!(
            a.state.apply,
            ApplyState::Done { .. } | ApplyState::Failed { .. }
        )
    });
    assert!(
        matches!(h.state().state.apply, ApplyState::Done { .. }),
        "{:?}",
        h.state().state.apply
    );
    let conf = std::fs::read_to_string(helper.data.join("chrony.conf")).unwrap();
    assert!(
        conf.starts_with(&format!(
            "server 127.0.0.1 iburst port {} minpoll -2 maxpoll -1\n",
            up.port
        )),
        "{conf}"
    );
    h.get_by_label("Sources").click();
    h.run();
    wait(&mut h, "the source in the live table", &|a| {
        a.state
            .live
            .get(&stratum::core::explain::Kind::ChronycSources)
            .is_some_and(|e| {
                e.rows
                    .iter()
                    .any(|r| r.iter().any(|f| f.raw == "127.0.0.1"))
            })
    });
    h.run();
    assert!(h.query_all_by_label("127.0.0.1").count() >= 1);
}

#[test]
fn the_fleet_panel_shows_each_server_and_who_follows_whom() {
    use stratum::gui::backend::Event;
    use stratum::ipc::FleetRow;
    let mut h = offline();
    let row = |host: &str, stratum: u16, reference: &str| FleetRow {
        host: host.parse().unwrap(),
        reachable: true,
        stratum: Some(stratum),
        reference: Some(reference.into()),
        system_time: Some(1.5e-6),
        frequency: Some(-3.2),
        skew: Some(0.01),
        leap: Some("Normal".into()),
        selected: None,
        sources: Some(1),
        error: None,
        roster_followers: None,
    };
    let dead = FleetRow {
        reachable: false,
        stratum: None,
        reference: None,
        system_time: None,
        frequency: None,
        error: Some(stratum::ipc::ErrorCode::ChronydTimeout),
        ..row("10.0.0.9:323", 0, "")
    };
    h.state_mut().state.on_event(Event::Fleet(vec![
        FleetRow {
            roster_followers: Some(vec!["pc-7".into(), "sw-core".into()]),
            ..row("10.0.0.1:323", 1, "GPS")
        },
        row("10.0.0.2:323", 2, "10.0.0.1"),
        row("10.0.0.3:323", 10, "7F7F0101"),
        dead,
    ]));
    h.get_by_label("Fleet").click();
    h.run();
    assert_eq!(h.state().state.panel, Panel::Fleet);
    for text in ["10.0.0.1:323", "10.0.0.2:323", "10.0.0.9:323"] {
        assert!(h.query_all_by_label(text).count() >= 1, "{text}");
    }
    // The silent host: what its silence means, said about that host.
    assert!(
        h.query_by_label_contains("no answer on its command port (UDP 323)")
            .is_some()
    );
    // 10.0.0.2 follows 10.0.0.1: the topology column names it.
    assert_eq!(h.query_all_by_label("10.0.0.1:323").count(), 2);
    // Two roster devices keep 10.0.0.1's time.
    assert!(h.query_by_label("Roster devices following it").is_some());
    assert!(h.query_by_label("pc-7, sw-core").is_some());
    // A server on `local stratum` serves its own clock (chronyd's 127.127.1.1).
    assert!(h.query_by_label("its own clock (local stratum)").is_some());
    // chronyd's correction of +1.5 µs is a clock behind: minus under
    // "Offset", as on its plot (+ ahead) and for the sources.
    assert_eq!(h.query_all_by_label("-1.5 µs").count(), 3);
    assert!(h.query_by_label("+1.5 µs").is_none());
}

/// The Plots panel's CSV gives the system clock ahead of NTP time
/// positive, from chronyd's correction: a clock 5 s behind is -5 under
/// system.clock_ahead (what `stratum stats` reads back as the offset); the
/// last offset, not plotted there, is not exported under that name.
#[test]
fn the_plots_csv_gives_the_clock_ahead_from_chronyds_correction() {
    use stratum::core::series::{Field, SeriesId};
    use stratum::gui::backend::Event;
    let mut h = offline();
    h.state_mut().state.on_event(Event::History(vec![
        (SeriesId::system(Field::Correction), vec![(100.0, 5.0, 5.0)]),
        (SeriesId::system(Field::Offset), vec![(100.0, 0.001, 0.001)]),
        (
            SeriesId::system(Field::Frequency),
            vec![(100.0, -3.5, -3.5)],
        ),
    ]));
    let csv = stratum::gui::panels::plots::history_csv(&h.state().state);
    assert_eq!(
        csv,
        "series,time,min,max\nsystem.clock_ahead,100.000,-5e0,-5e0\nsystem.frequency,100.000,-3.5e0,-3.5e0\n"
    );
}

/// Edit one source, remove an earlier one, then save: the edited source's
/// line changes, nothing else (lines moved under the form).
#[test]
fn an_edit_lands_on_its_source_after_an_earlier_one_is_removed() {
    let mut h = offline();
    h.state_mut().state.doc = stratum::core::conf::Document::parse(
        "server 10.0.0.1 iburst\nserver 10.0.0.2 iburst\nserver 10.0.0.3 iburst\n",
    );
    h.get_by_label("Upstream servers").click();
    h.run();
    // Edit the third source, then remove the first.
    h.get_all_by_label("Edit").nth(2).unwrap().click();
    h.run();
    h.get_all_by_label("Remove").next().unwrap().click();
    h.run();
    // The form holds the third source; change its host as a user types.
    assert_eq!(h.state().panels.upstreams.host, "10.0.0.3");
    h.state_mut().panels.upstreams.host = "10.0.0.9".into();
    h.run();
    h.get_by_role_and_label(Role::Button, "Save").click();
    h.run();
    assert_eq!(
        h.state().state.doc.render_lossy(),
        "server 10.0.0.2 iburst\nserver 10.0.0.9 iburst\n"
    );
}

/// In Chinese, the live tables show Chinese column names, never chronyc's
/// machine ids.
#[test]
fn chinese_tables_show_chinese_column_names() {
    let mut h = offline_with(Settings {
        lang: Some(Lang::ZhCn),
        ..Settings::default()
    });
    let text = "MS Name/IP address         Stratum Poll Reach LastRx Last sample\n===============================================================================\n^* 192.168.10.1                  2   6   377    35   -215us[ -301us] +/-   12ms\n";
    h.state_mut().panels.explain.set_input(text.into());
    h.state_mut().state.panel = Panel::Explain;
    h.run();
    for zh in ["偏移", "可达性（八进制）", "层级", "上次应答（秒前）"] {
        assert!(h.query_all_by_label(zh).count() >= 1, "{zh} missing");
    }
    for id in ["sample-offset", "last-rx", "reach", "measured-offset"] {
        assert!(h.query_by_label(id).is_none(), "machine id {id} shown");
    }
}

/// Each role of the guided setup: pick it, fill its fields, the preview is
/// its file, and "Use" makes it the configuration being edited.
#[test]
fn the_guided_setup_makes_each_role() {
    use stratum::core::conf::roles::{Role as SetupRole, RoleInput, render};
    let cases = [
        (
            "Isolated lab server",
            SetupRole::Isolated,
            RoleInput {
                subnets: "10.0.0.0/24".into(),
                ..Default::default()
            },
            "local stratum 10 orphan",
        ),
        (
            "Lab server with upstreams",
            SetupRole::Upstreams,
            RoleInput {
                upstreams: "0.pool.ntp.org ntp.example.org".into(),
                subnets: "10.0.0.0/24".into(),
                ..Default::default()
            },
            "pool 0.pool.ntp.org iburst",
        ),
        (
            "Client of a lab server",
            SetupRole::Client,
            RoleInput {
                servers: "10.0.0.123 10.0.0.124".into(),
                ..Default::default()
            },
            "server 10.0.0.123 iburst prefer",
        ),
        (
            "Server of a primary/backup pair",
            SetupRole::Pair,
            RoleInput {
                subnets: "10.0.0.0/24".into(),
                peer: "10.0.0.124".into(),
                upstreams: "ntp.example.org".into(),
                ..Default::default()
            },
            "peer 10.0.0.124",
        ),
    ];
    for (label, role, input, line) in cases {
        let mut h = offline();
        h.get_by_role_and_label(Role::Button, "Guided setup")
            .click();
        h.run();
        h.get_by_label(label).click();
        h.run();
        assert_eq!(h.state().panels.setup.role, role);
        h.state_mut().panels.setup.input = input.clone();
        h.run();
        let want = render(role, &input).unwrap();
        assert!(
            h.query_by_label_contains(line).is_some(),
            "{label}: preview"
        );
        h.get_by_role_and_label(Role::Button, "Use this configuration")
            .click();
        // Apply opens with its lint coming from the backend.
        h.step();
        wait(&mut h, "the lint", &|a| a.state.lint.diagnostics.is_some());
        h.run();
        assert_eq!(h.state().state.doc.render_lossy(), want, "{label}");
        assert_eq!(h.state().state.panel, Panel::Apply);
    }
    // A bad field says which and offers nothing to use.
    let mut h = offline();
    h.get_by_role_and_label(Role::Button, "Guided setup")
        .click();
    h.run();
    h.state_mut().panels.setup.input.subnets = "10.0.0.0/33".into();
    h.run();
    assert!(
        h.query_by_label("“10.0.0.0/33” is not a subnet: write it like 10.0.0.0/24.")
            .is_some()
    );
    assert!(h.query_by_label("Use this configuration").is_none());
}

/// Without a mouse: Tab reaches the navigation, Enter opens a panel.
#[test]
fn panels_are_reachable_from_the_keyboard() {
    let mut h = offline();
    let mut reached = false;
    for _ in 0..80 {
        h.key_press(egui::Key::Tab);
        h.run();
        let focused = h
            .query_all_by_label("Sources")
            .any(|n| n.accesskit_node().is_focused());
        if focused {
            reached = true;
            break;
        }
    }
    assert!(reached, "Tab never reached the Sources entry");
    h.key_press(egui::Key::Enter);
    h.run();
    assert_eq!(h.state().state.panel, Panel::Sources);
    // Every control the panels draw has a role and a name for assistive
    // technology (what these tests find them by).
    for p in Panel::ALL {
        h.state_mut().state.panel = p;
        h.step();
        if p == Panel::Apply {
            wait(&mut h, "the lint", &|a| a.state.lint.diagnostics.is_some());
        }
        h.run();
        for n in h.query_all_by_role(Role::Button) {
            assert!(
                n.accesskit_node()
                    .label()
                    .is_some_and(|l| !l.trim().is_empty()),
                "{p:?}: a button without a label"
            );
        }
    }
}

/// Every file choice has a "Browse…" button beside its path field; with no
/// desktop portal the button is off and the field still takes a path.
#[test]
fn file_choices_offer_the_desktop_dialog_beside_the_path() {
    let mut h = offline();
    for p in [Panel::Apply, Panel::Plots] {
        h.state_mut().state.panel = p;
        h.step();
        wait(&mut h, "the lint", &|a| a.state.lint.diagnostics.is_some());
        h.run();
        let browse: Vec<_> = h.query_all_by_label("Browse…").collect();
        assert!(!browse.is_empty(), "{p:?}: no Browse…");
        if !stratum::gui::dialogs::portal_possible() {
            assert!(browse.iter().all(|b| b.accesskit_node().is_disabled()));
        }
    }
}

/// chronyd's tracking report for a server synchronised to 10.0.0.1.
fn tracking(now: f64) -> stratum::core::cmdmon::Tracking {
    stratum::core::cmdmon::Tracking {
        ref_id: 0x0a00_0001,
        address: Some("10.0.0.1".parse().unwrap()),
        stratum: 2,
        leap_status: 0,
        ref_time: now - 12.0,
        system_time: 2.5e-6,
        last_offset: 1e-6,
        rms_offset: 2e-6,
        frequency_ppm: -3.0,
        residual_freq_ppm: 0.0,
        skew_ppm: 0.05,
        root_delay: 4e-4,
        root_dispersion: 1e-4,
        update_interval: 16.0,
    }
}

/// The Overview at a glance: the verdict, the offset with its error bound,
/// which source and since when, a sparkline, the findings.
#[test]
fn the_overview_says_it_all_at_a_glance() {
    use stratum::gui::backend::Event;
    let mut h = offline();
    let now = stratum::sys::now();
    let tracking = tracking(now);
    h.state_mut()
        .state
        .on_event(Event::Snapshot(Box::new(stratum::ipc::Snapshot {
            time: now,
            tracking: Some(tracking),
            ..Default::default()
        })));
    let pts: Vec<(f64, f64, f64)> = (0..60)
        .map(|i| (now - 300.0 + f64::from(i) * 5.0, 1e-6, 2e-6))
        .collect();
    h.state_mut().state.on_event(Event::History(vec![(
        "system.correction".parse().unwrap(),
        pts,
    )]));
    h.state_mut().state.panel = Panel::Overview;
    h.run();
    // chronyd's correction is positive: the clock is behind (chronyc's "slow").
    assert!(
        h.query_by_label_contains(
            "System clock 2.5 µs behind NTP time (slow); true time within ±300.0 µs, stratum 2"
        )
        .is_some()
    );
    assert!(h.query_by_label_contains("Follows 10.0.0.1").is_some());
    assert!(
        h.query_by_label_contains(
            "The system clock against NTP time over the last 5 minutes, and its maximum error"
        )
        .is_some()
    );
    // One source only: the finding is on top.
    assert!(
        h.query_by_label_contains("falseticker").is_some()
            || h.query_by_label_contains("No problem").is_some()
    );
}

/// The Clients table names its columns in the chosen language (the meaning
/// in the tooltip), a click on a name sorts by it, and the count agrees in number.
#[test]
fn client_columns_have_names_and_sort_on_click() {
    use std::net::{IpAddr, Ipv4Addr};
    use stratum::core::cmdmon::Client;
    use stratum::gui::backend::Event;
    let mut h = offline();
    let client = |last: u8, hits: u32| Client {
        address: IpAddr::V4(Ipv4Addr::new(10, 0, 0, last)),
        ntp_hits: hits,
        ntp_drops: 0,
        ntp_interval: Some(6),
        ntp_interval_limit: None,
        ntp_last: Some(3),
        cmd_hits: 0,
        cmd_drops: 0,
        cmd_interval: None,
        cmd_last: None,
        nts_ke_hits: 0,
        nts_ke_drops: 0,
        nts_ke_interval: None,
        nts_ke_last: None,
    };
    let snapshot = |clients: Vec<Client>| {
        let now = stratum::sys::now();
        Event::Snapshot(Box::new(stratum::ipc::Snapshot {
            time: now,
            tracking: Some(tracking(now)),
            clients,
            ..Default::default()
        }))
    };
    h.state_mut().state.on_event(snapshot(vec![client(1, 5)]));
    h.get_by_label("Clients").click();
    h.run();
    assert!(h.query_by_label("1 client").is_some());
    h.state_mut()
        .state
        .on_event(snapshot(vec![client(1, 5), client(2, 50)]));
    h.run();
    assert!(h.query_by_label("2 clients").is_some());
    for name in [
        "Address ⏶",
        "NTP requests",
        "NTP dropped",
        "Last request (s ago)",
    ] {
        assert!(h.query_by_label(name).is_some(), "{name}");
    }
    assert!(h.query_by_label("ntp-hits").is_none());
    h.get_by_label("NTP requests").click();
    h.run();
    assert_eq!(h.state().panels.clients.sort, 1);
    assert!(h.query_by_label("NTP requests ⏶").is_some());
}

/// The direction of time on the Overview, in both languages: chronyd's
/// correction of +5 s is a clock 5 s behind ("slow", 慢), -5 s one ahead;
/// a lab serving its own clock says so instead of a distance to true time.
#[test]
fn the_overview_says_slow_when_the_clock_is_behind() {
    use stratum::gui::backend::Event;
    for (lang, correction, want) in [
        (Lang::En, 5.0, "System clock 5.000 s behind NTP time (slow)"),
        (
            Lang::En,
            -5.0,
            "System clock 5.000 s ahead of NTP time (fast)",
        ),
        (Lang::ZhCn, 5.0, "系统时钟比 NTP 时间落后 5.000 s（慢）"),
        (Lang::ZhCn, -5.0, "系统时钟比 NTP 时间超前 5.000 s（快）"),
    ] {
        let mut h = offline_with(Settings {
            lang: Some(lang),
            ..Settings::default()
        });
        let now = stratum::sys::now();
        let mut t = tracking(now);
        t.system_time = correction;
        h.state_mut()
            .state
            .on_event(Event::Snapshot(Box::new(stratum::ipc::Snapshot {
                time: now,
                tracking: Some(t),
                ..Default::default()
            })));
        h.state_mut().state.panel = Panel::Overview;
        h.run();
        assert!(h.query_by_label_contains(want).is_some(), "{want}");
    }
    // A lab on its own clock: no distance to true time, a drift bound.
    let mut h = offline();
    let now = stratum::sys::now();
    let mut t = tracking(now);
    t.ref_id = stratum::core::cmdmon::LOCAL_REFID;
    t.address = None;
    t.stratum = 10;
    t.root_dispersion = 0.25;
    t.root_delay = 0.0;
    h.state_mut()
        .state
        .on_event(Event::Snapshot(Box::new(stratum::ipc::Snapshot {
            time: now,
            tracking: Some(t),
            ..Default::default()
        })));
    h.state_mut().state.panel = Panel::Overview;
    h.run();
    assert!(
        h.query_by_label_contains("Serves its own clock (local stratum 10)")
            .is_some()
    );
    assert!(
        h.query_by_label_contains("it may have drifted up to 250.000 ms")
            .is_some()
    );
    assert!(h.query_by_label_contains("true time within").is_none());
}

/// Every character of the Chinese texts has a glyph in the fonts the app
/// ships (the CJK subset in assets/fonts, egui's own): a machine with no
/// CJK font installed shows no empty boxes.
#[test]
fn every_chinese_character_is_in_the_shipped_fonts() {
    assert_every_character_has_a_glyph("zh-CN");
}

/// The English texts too: a sign only the monospace font has (Hack's ●)
/// shows as an empty box in the window's proportional text.
#[test]
fn every_english_character_has_a_glyph_in_the_window_font() {
    assert_every_character_has_a_glyph("en");
}

/// Every character of a language's texts has a glyph in the fonts of the
/// window's proportional family (what labels, buttons and most values use).
fn assert_every_character_has_a_glyph(lang: &str) {
    let defaults = egui::FontDefinitions::default();
    let shipped: &[u8] = include_bytes!("../assets/fonts/DroidSansFallback-Stratum-subset.ttf");
    let mut faces: Vec<ttf_parser::Face> = vec![ttf_parser::Face::parse(shipped, 0).unwrap()];
    for name in &defaults.families[&egui::FontFamily::Proportional] {
        let data = &defaults.font_data[name];
        if let Ok(f) = ttf_parser::Face::parse(&data.font, data.index) {
            faces.push(f);
        }
    }
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("i18n")
        .join(lang);
    let mut missing = std::collections::BTreeMap::<char, String>::new();
    for entry in std::fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        let text = std::fs::read_to_string(&path).unwrap();
        for line in text.lines().filter(|l| !l.trim_start().starts_with('#')) {
            for c in line.chars().filter(|c| !c.is_ascii()) {
                if !faces.iter().any(|f| f.glyph_index(c).is_some()) {
                    missing.entry(c).or_insert_with(|| line.trim().to_string());
                }
            }
        }
    }
    assert!(
        missing.is_empty(),
        "{} characters without a glyph (add them to the subset, assets/fonts/README.md): {}",
        missing.len(),
        missing
            .iter()
            .map(|(c, l)| format!("{c} U+{:04X} in “{l}”", *c as u32))
            .collect::<Vec<_>>()
            .join("\n")
    );
}

/// A window nobody touches: on a panel that shows nothing live (Guided
/// setup, where a first run starts), the status bar says "connected" within
/// 2 s of the helper answering, and Apply becomes possible, with no input
/// event at all. Frames are drawn only when the backend asked for one.
#[test]
fn the_window_repaints_when_the_helper_answers() {
    let Some(_chronyd) = common::chronyd() else {
        return;
    };
    let tmp = tempfile::tempdir().unwrap();
    let helper = common::helper::HelperProc::start_lab(
        tmp.path(),
        "local stratum 10 orphan\nallow 127.0.0.0/8\n",
        common::lab::free_udp_port(),
    );
    let mut h = harness(App::headless(
        Settings {
            panel: "setup".into(),
            ..settings()
        },
        Backend::offline(no_waker()),
    ));
    h.run();
    assert_eq!(h.state().state.panel, Panel::Setup);
    assert!(h.query_by_label("Looking for a Stratum helper…").is_some());
    // As in the window: snapshots are not wanted on this panel, every
    // other event is.
    let wants_live = std::sync::Arc::new(stratum::gui::backend::LiveGate::new(false));
    let waker = stratum::gui::waker(h.ctx.clone(), Some(wants_live));
    let start = Instant::now();
    h.state_mut().backend = Backend::start(Some(helper.socket.clone()), None, waker);
    let mut frames = 0;
    while h.query_by_label("Connected to the helper").is_none() {
        assert!(
            start.elapsed() < Duration::from_secs(2),
            "no “connected” 2 s after the helper answered ({frames} frames drawn)"
        );
        // Only the frames the backend asked for: a UI that waits for the
        // mouse would never get here.
        if h.ctx.has_requested_repaint() {
            h.step();
            frames += 1;
        } else {
            std::thread::sleep(Duration::from_millis(5));
        }
    }
    assert!(
        !h.get_by_role_and_label(Role::Button, "Apply to the lab now")
            .accesskit_node()
            .is_disabled(),
        "Apply to the lab stays disabled once connected"
    );
}

/// Guided setup's "Apply to the lab now" says what happened beside the
/// button: applied, with the previous file's backup named.
#[test]
fn the_guided_setup_says_what_its_apply_did() {
    let Some(_chronyd) = common::chronyd() else {
        return;
    };
    let tmp = tempfile::tempdir().unwrap();
    let helper = common::helper::HelperProc::start_lab(
        tmp.path(),
        "local stratum 10 orphan\nallow 127.0.0.0/8\n",
        common::lab::free_udp_port(),
    );
    let mut h = harness(App::headless(
        Settings {
            panel: "setup".into(),
            ..settings()
        },
        Backend::start(Some(helper.socket.clone()), None, no_waker()),
    ));
    wait(&mut h, "the helper", &|a| a.state.may_change());
    h.run();
    h.get_by_role_and_label(Role::Button, "Apply to the lab now")
        .click();
    h.step();
    wait(&mut h, "the apply", &|a| {
        matches!(
            a.state.apply,
            ApplyState::Done { .. } | ApplyState::Failed { .. }
        )
    });
    h.run();
    let ApplyState::Done { applied: done, .. } = &h.state().state.apply else {
        panic!("{:?}", h.state().state.apply);
    };
    let backup = done.backup.clone().expect("a backup of the previous file");
    assert!(
        h.query_by_label_contains(&backup).is_some(),
        "the panel does not name the backup {backup}"
    );
    assert!(h.query_by_label_contains("Applied").is_some());
}

/// Settings live where they were loaded from: a test's settings never touch
/// the user's file, and a change is written (debounced) by the backend.
#[test]
fn settings_are_written_to_their_own_file_off_the_frame() {
    let tmp = tempfile::tempdir().unwrap();
    let file = tmp.path().join("settings.toml");
    let mut h = offline_with(Settings {
        file: Some(file.clone()),
        ..settings()
    });
    h.get_by_label("Settings").click();
    h.run();
    h.get_by_label("简体中文").click();
    h.run();
    let start = Instant::now();
    loop {
        let text = std::fs::read_to_string(&file).unwrap_or_default();
        if text.contains("zh") {
            break;
        }
        assert!(start.elapsed() < Duration::from_secs(10), "{text:?}");
        h.step();
        std::thread::sleep(Duration::from_millis(50));
    }
    let back = Settings::load_from(file.clone());
    assert_eq!(back.lang, Some(Lang::ZhCn));
    assert_eq!(back.file, Some(file));
}

/// The Overview says when the server's NTS certificate has expired, and
/// its verdict is then the bad one; 20 days left is a warning.
#[test]
fn the_overview_shows_the_nts_certificate_and_its_end() {
    use stratum::gui::backend::Event;
    let mut h = offline();
    let now = stratum::sys::now();
    let cert = |days: i64| stratum::core::nts::CertSummary {
        path: "/etc/chrony/nts/server.crt".into(),
        names: vec!["ntp1.lab".into()],
        not_before: now as i64 - 86_400 * 400,
        not_after: now as i64 + days * 86_400,
        unreadable: false,
    };
    use stratum::core::alarm::AlarmKind;
    for (days, text, alarm) in [
        (-3, "EXPIRED", AlarmKind::CertificateExpired),
        (20, "20 days left", AlarmKind::CertificateExpiring),
    ] {
        let mut snap = stratum::ipc::Snapshot {
            time: now,
            tracking: Some(tracking(now)),
            nts_certs: vec![cert(days)],
            ..Default::default()
        };
        // As the helper judges every snapshot.
        snap.health = stratum::core::health::verdict(
            &snap,
            &stratum::core::export::alerts::Thresholds::default(),
        );
        h.state_mut()
            .state
            .on_event(Event::Snapshot(Box::new(snap)));
        h.state_mut().state.panel = Panel::Overview;
        h.run();
        assert!(h.query_by_label_contains(text).is_some(), "{text}");
        // The headline is the verdict's worst alarm, the certificate's,
        // as the status bar says it: the same sentence twice.
        let want = h.state().state.tr.alarm_text(&stratum::core::alarm::Alarm {
            kind: alarm,
            what: "/etc/chrony/nts/server.crt".into(),
        });
        assert_eq!(h.query_all_by_label(&want).count(), 2, "{want}");
    }
}

#[test]
fn the_statistics_panel_shows_summary_histogram_and_deviations() {
    use stratum::core::series::{Field, SeriesId};
    use stratum::gui::backend::{Event, StatsResult};
    for (lang, sigma, noise) in [(Lang::En, "σ", "white FM"), (Lang::ZhCn, "σ", "白频率噪声")]
    {
        let mut h = offline_with(Settings {
            lang: Some(lang),
            ..Settings::default()
        });
        // A random walk of phase (white FM), 2048 points a second apart.
        let mut x = 0.0;
        let mut seed = 12345u64;
        let points: Vec<(f64, f64)> = (0..2048)
            .map(|i| {
                seed = seed
                    .wrapping_mul(6364136223846793005)
                    .wrapping_add(1442695040888963407);
                x += ((seed >> 33) as f64 / (1u64 << 31) as f64 - 0.5) * 1e-6;
                (i as f64, x)
            })
            .collect();
        let series = SeriesId::system(Field::Offset);
        let analysis = stratum::core::stats::analyse(Field::Offset, points);
        assert!(analysis.deviations.is_some());
        h.state_mut()
            .state
            .on_event(Event::Stats(Box::new(StatsResult {
                series,
                window: 3600.0,
                analysis,
            })));
        h.state_mut().state.panel = Panel::Statistics;
        h.run();
        assert!(h.query_by_label(sigma).is_some(), "{lang:?}: no σ row");
        assert!(
            h.query_by_label_contains(noise).is_some(),
            "{lang:?}: no noise type"
        );
        assert!(h.query_all_by_label_contains("OADEV").next().is_some());
    }
}

#[test]
fn alarms_show_in_the_status_bar_and_are_notified_once() {
    use stratum::core::alarm::{Alarm, AlarmKind, Health, HealthState};
    use stratum::gui::backend::{Command, Event};
    let mut h = offline();
    let now = stratum::sys::now();
    let snap = |alarms: Vec<Alarm>| {
        Event::Snapshot(Box::new(stratum::ipc::Snapshot {
            time: now,
            tracking: Some(tracking(now)),
            health: Health {
                state: HealthState::Critical,
                alarms,
            },
            ..Default::default()
        }))
    };
    let offset = Alarm {
        kind: AlarmKind::OffsetLarge,
        what: "0.500 s".into(),
    };
    let lost = Alarm {
        kind: AlarmKind::RefclockLost,
        what: "GPS".into(),
    };
    // As the verdict orders them: the critical one first.
    h.state_mut()
        .state
        .on_event(snap(vec![lost.clone(), offset.clone()]));
    assert_eq!(
        h.state().state.notify.len(),
        2,
        "one notification per new alarm"
    );
    h.run();
    // The critical one first, the other counted.
    assert!(
        h.query_by_label_contains("Alarm: the reference clock GPS gives no samples. (and 1 more)")
            .is_some()
    );
    assert!(h.state().state.notify.is_empty(), "handed to the backend");
    // The same alarms again, the offset having moved: the same alarms,
    // nothing new to notify.
    let moved = Alarm {
        kind: AlarmKind::OffsetLarge,
        what: "0.612 s".into(),
    };
    h.state_mut()
        .state
        .on_event(snap(vec![lost.clone(), moved.clone()]));
    assert!(h.state().state.notify.is_empty());
    // One clears: its notification is withdrawn, the other's stays.
    h.state_mut().state.on_event(snap(vec![moved.clone()]));
    let withdrawn: Vec<_> = h.state_mut().state.notify.drain(..).collect();
    assert!(
        matches!(&withdrawn[..], [Command::Withdraw(s)] if *s == lost.subject()),
        "{withdrawn:?}"
    );
    // It comes back: notified again.
    h.state_mut()
        .state
        .on_event(snap(vec![lost.clone(), offset]));
    let again: Vec<_> = h.state_mut().state.notify.drain(..).collect();
    assert!(
        matches!(&again[..], [Command::Notify { subject, critical: true, .. }] if *subject == lost.subject()),
        "{again:?}"
    );
}

/// The window at the smallest size it is held to (DESIGN.md: 1024x700).
fn small_harness(app: App) -> Harness<'static, App> {
    let mut fonts_done = false;
    Harness::builder()
        .with_size(egui::vec2(1024.0, 700.0))
        .build_state(
            move |ctx, app: &mut App| {
                if !fonts_done {
                    stratum::gui::fonts::install(ctx);
                    fonts_done = true;
                }
                app.ui(ctx)
            },
            app,
        )
}

/// A window in `lang` on a real lab helper.
fn lab_window(helper: &common::helper::HelperProc, lang: Lang) -> Harness<'static, App> {
    let backend = Backend::start(Some(helper.socket.clone()), None, no_waker());
    let settings = Settings {
        lang: Some(lang),
        ..Settings::default()
    };
    small_harness(App::headless(settings, backend))
}

/// Clicks a navigation entry by its text in the window's language.
fn open(h: &mut Harness<'static, App>, tr: &stratum::i18n::Localizer, panel: &str) {
    h.get_by_label(&tr.tr(panel)).click();
    h.run();
}

/// The first lab note's task in the window, in a lab with no DNS (its
/// helper in a network namespace with only loopback): two upstream servers
/// by name, a subnet, `local stratum 10`, applied. The names never resolve:
/// Sources and Upstream servers name them and say so, and the headline says
/// the server serves its own clock and why, never "healthy" (chrony.conf(5),
/// local: the local reference "allows chronyd operating as an NTP server to
/// appear synchronised to real time ... even when it was never
/// synchronised"; chronyc(1), activity: a source "not resolved to an
/// address yet").
#[test]
fn the_first_lab_note_without_dns_shows_names_and_the_own_clock() {
    use stratum::i18n::Localizer;
    let names = ["ntp.aliyun.com", "cn.pool.ntp.org"];
    for r in common::releases() {
        for lang in [Lang::En, Lang::ZhCn] {
            let label = format!("chrony {} {}", r.label, lang.code());
            eprintln!("{label}: the first lab note without DNS");
            let tr = Localizer::new(lang);
            let tmp = tempfile::tempdir().unwrap();
            let chronyd = r.chronyd.to_str().unwrap().to_string();
            let (helper, isolated) = common::helper::HelperProc::start_lab_isolated(
                tmp.path(),
                "",
                common::lab::free_udp_port(),
                &["--chronyd", &chronyd],
            );
            if !isolated {
                // Without a namespace these names could resolve and be
                // polled: not here.
                assert!(!common::in_ci(), "no network namespace under CI=true");
                eprintln!("skipped: no network namespace for a lab without DNS");
                return;
            }
            let mut h = lab_window(&helper, lang);
            wait(&mut h, "the helper", &|a| a.state.may_change());
            h.run();
            // Upstream servers: both names, as the lab note writes them.
            open(&mut h, &tr, "gui-panel-upstreams");
            for n in names {
                h.get_by_role(Role::TextInput).focus();
                h.run();
                h.get_by_role(Role::TextInput).type_text(n);
                h.run();
                h.get_by_role_and_label(Role::Button, &tr.tr("gui-add"))
                    .click();
                h.run();
            }
            // Access: the clients' subnet.
            open(&mut h, &tr, "gui-panel-access");
            h.get_by_role(Role::TextInput).focus();
            h.run();
            h.get_by_role(Role::TextInput).type_text("10.0.0.0/24");
            h.run();
            h.get_by_role_and_label(Role::Button, &tr.tr("gui-add"))
                .click();
            h.run();
            // Stratum & isolation: serve time when no upstream answers.
            open(&mut h, &tr, "gui-panel-stratum");
            h.get_by_label(&tr.tr("gui-local-enable")).click();
            h.run();
            let doc = h.state().state.doc.render_lossy();
            for line in [
                "server ntp.aliyun.com iburst\n",
                "server cn.pool.ntp.org iburst\n",
                "allow 10.0.0.0/24\n",
                "local stratum 10\n",
            ] {
                assert!(doc.contains(line), "{label}: {line} not in\n{doc}");
            }
            h.state_mut().state.panel = Panel::Apply;
            h.step();
            wait(&mut h, "the lint", &|a| a.state.lint.diagnostics.is_some());
            h.run();
            h.get_by_role_and_label(Role::Button, &tr.tr("gui-apply-now"))
                .click();
            h.step();
            wait(&mut h, "the apply", &|a| {
                matches!(
                    a.state.apply,
                    ApplyState::Done { .. } | ApplyState::Failed { .. }
                )
            });
            assert!(
                matches!(h.state().state.apply, ApplyState::Done { .. }),
                "{label}: {:?}",
                h.state().state.apply
            );
            wait(&mut h, "the server on its own clock, names known", &|a| {
                a.state.snapshot.as_ref().is_some_and(|s| {
                    s.health.alarms.first().map(|x| x.kind)
                        == Some(stratum::core::alarm::AlarmKind::OwnClock)
                        && names.iter().all(|n| {
                            s.sources
                                .iter()
                                .any(|x| x.name.as_deref() == Some(*n) && x.unresolved())
                        })
                })
            });

            // Overview: not healthy, and why, in the window's words.
            open(&mut h, &tr, "gui-panel-overview");
            let causes: Vec<String> = names
                .iter()
                .map(|n| tr.tr_args("health-cause-unresolved", &[("name", *n)]))
                .collect();
            let headline = tr.tr_args(
                "health-own-clock-silent",
                &[
                    ("stratum", "10".to_string()),
                    ("causes", causes.join(&tr.tr("health-cause-separator"))),
                ],
            );
            assert!(
                h.query_by_label(&headline).is_some(),
                "{label}: no headline {headline:?}"
            );
            let healthy = tr.tr_args("health-healthy-unnamed", &[("stratum", "10".to_string())]);
            assert!(h.query_by_label_contains(&healthy).is_none(), "{label}");
            // The status bar: the same verdict's first alarm.
            let alarm = tr.tr_args("alarm-own-clock", &[("what", "10")]);
            assert!(
                h.query_by_label_contains(&alarm).is_some(),
                "{label}: no alarm {alarm:?} in the status bar"
            );
            // Sources: each name, never an id, said not to resolve.
            open(&mut h, &tr, "gui-panel-sources");
            for n in names {
                assert!(
                    h.query_all_by_label(n).count() >= 1,
                    "{label}: {n} not on Sources"
                );
            }
            assert!(
                h.query_by_label_contains("ID#0").is_none(),
                "{label}: an ID# address on Sources"
            );
            // The finding names both (in chronyd's order of its sources).
            let text = tr.tr_args(
                "finding-name-unresolved",
                &[("sources", "\u{1}"), ("count", "2")],
            );
            let marker: String = text
                .split('\u{1}')
                .nth(1)
                .unwrap_or_default()
                .chars()
                .take(25)
                .collect();
            let found = h.query_all_by_label_contains(&marker).any(|n| {
                // A label's text is its AccessKit value.
                let node = n.accesskit_node();
                let l = node.value().or(node.label()).unwrap_or_default();
                names.iter().all(|x| l.contains(x))
            });
            assert!(found, "{label}: no finding {marker:?} naming both");
            // Upstream servers: each configured line's live state.
            open(&mut h, &tr, "gui-panel-upstreams");
            assert_eq!(
                h.query_all_by_label(&tr.tr("source-health-unresolved"))
                    .count(),
                2,
                "{label}: each line not said to be unresolved"
            );
            assert!(
                h.query_by_label(&tr.tr("source-health-absent")).is_none(),
                "{label}: a line chronyd has is said to be absent"
            );
            drop(h);
        }
    }
}

/// A synced lab: its upstream (a loopback chronyd) by name; healthy, and
/// named as configured everywhere.
#[test]
fn a_synced_lab_is_healthy_and_names_its_upstream() {
    use stratum::i18n::Localizer;
    // localhost may be ::1 first: the upstream answers on both.
    let v6 = std::net::UdpSocket::bind("[::1]:0").is_ok();
    for r in common::releases() {
        for lang in [Lang::En, Lang::ZhCn] {
            let label = format!("chrony {} {}", r.label, lang.code());
            eprintln!("{label}: a synced lab");
            let tr = Localizer::new(lang);
            let tmp = tempfile::tempdir().unwrap();
            let body = if v6 {
                "local stratum 1\nallow 127.0.0.0/8\nallow ::1\nbindaddress ::1"
            } else {
                "local stratum 1\nallow 127.0.0.0/8"
            };
            let up = common::lab::Chronyd::start(&r.chronyd, tmp.path(), "upstream", body);
            let chronyd = r.chronyd.to_str().unwrap().to_string();
            let helper = common::helper::HelperProc::start_lab_with(
                tmp.path(),
                &format!(
                    "server localhost port {} iburst minpoll -2 maxpoll -1\nallow 127.0.0.0/8\n",
                    up.port
                ),
                common::lab::free_udp_port(),
                &["--chronyd", &chronyd],
            );
            let mut h = lab_window(&helper, lang);
            wait(&mut h, "the healthy verdict", &|a| {
                a.state
                    .snapshot
                    .as_ref()
                    .is_some_and(|s| s.health.state == stratum::core::alarm::HealthState::Healthy)
            });
            open(&mut h, &tr, "gui-panel-overview");
            let headline = tr.tr_args(
                "health-healthy",
                &[
                    ("reference", "localhost".to_string()),
                    ("stratum", "2".to_string()),
                ],
            );
            assert!(
                h.query_by_label(&headline).is_some(),
                "{label}: no headline {headline:?}"
            );
            open(&mut h, &tr, "gui-panel-sources");
            assert!(
                h.query_all_by_label("localhost").count() >= 1,
                "{label}: localhost not on Sources"
            );
            open(&mut h, &tr, "gui-panel-upstreams");
            assert!(
                h.query_by_label(&tr.tr("source-health-selected")).is_some(),
                "{label}: the line is not said to be selected"
            );
        }
    }
}

/// "Why each source is or is not selected" at 1024x700: every row chronyd's
/// selectdata gives is there and can be scrolled fully into view (the
/// panel scrolls, not each table, so no row hides below a table's edge).
#[test]
fn every_selectdata_row_can_be_seen_at_1024x700() {
    use stratum::core::cmdmon::{
        SelectData, SourceData, SourceMode, SourceState, SourceStats, WireAddr, WireAddrSer,
    };
    use stratum::gui::backend::Event;
    let backend = Backend::offline(no_waker());
    let mut h = small_harness(App::headless(settings(), backend));
    let now = stratum::sys::now();
    let addr = |i: u8| WireAddr::Ip(std::net::IpAddr::from([192, 0, 2, i]));
    let sources: Vec<SourceData> = (1..=9)
        .map(|i| SourceData {
            address: WireAddrSer(addr(i)),
            poll: 6,
            stratum: 2,
            state: if i == 1 {
                SourceState::Selected
            } else {
                SourceState::Combined
            },
            mode: SourceMode::Server,
            flags: 0,
            reach: 0o377,
            last_rx: 10,
            offset: 1e-5,
            measured_offset: 1e-5,
            error: 1e-3,
            name: Some(format!("ntp{i}.lab.example")),
        })
        .collect();
    let selectdata: Vec<SelectData> = (1..=9)
        .map(|i| SelectData {
            ref_id: 0,
            address: WireAddrSer(addr(i)),
            state: if i == 1 { '*' } else { '+' },
            authenticated: false,
            leap: 0,
            configured_options: 0,
            effective_options: 0,
            last_sample_ago: 10,
            score: 1.0,
            lo_limit: -1e-3,
            hi_limit: 1e-3,
        })
        .collect();
    // Their statistics too, so that the selection table starts low.
    let sourcestats: Vec<SourceStats> = (1..=9)
        .map(|i| SourceStats {
            ref_id: 0,
            address: WireAddrSer(addr(i)),
            samples: 8,
            runs: 4,
            span: 512,
            frequency_ppm: 0.01,
            freq_skew_ppm: 0.1,
            offset: 1e-5,
            std_dev: 1e-5,
            offset_error: 1e-5,
        })
        .collect();
    h.state_mut()
        .state
        .on_event(Event::Snapshot(Box::new(stratum::ipc::Snapshot {
            time: now,
            tracking: Some(tracking(now)),
            sources,
            sourcestats,
            selectdata,
            ..Default::default()
        })));
    h.state_mut().state.panel = Panel::Sources;
    h.run();
    let view = egui::Rect::from_min_size(egui::Pos2::ZERO, egui::vec2(1024.0, 700.0));
    let tr = stratum::i18n::Localizer::new(Lang::En);
    let header = tr.tr("label-select-state");
    let names: Vec<String> = (1..=9).map(|i| format!("ntp{i}.lab.example")).collect();
    // The selection table's row (the last of a name's three: Sources,
    // statistics, selection) and its distance below the table's header.
    let rows = |h: &Harness<'static, App>| -> Vec<(egui::Rect, f32)> {
        let top = h.get_by_label(&header).rect().max.y;
        names
            .iter()
            .map(|n| {
                let r = h.query_all_by_label(n).last().unwrap().rect();
                (r, r.min.y - top)
            })
            .collect()
    };
    for n in &names {
        // On Sources, in the statistics, in the selection table.
        let count = h.query_all_by_label(n).count();
        assert_eq!(count, 3, "{n} shown {count} times");
    }
    let laid_out = rows(&h);
    assert!(
        !view.contains_rect(laid_out[8].0),
        "the window is large enough to need no scrolling: the test proves nothing"
    );
    // The mouse wheel over the panel, as a user scrolls down to the table.
    h.input_mut()
        .events
        .push(egui::Event::PointerMoved(egui::pos2(600.0, 350.0)));
    for _ in 0..30 {
        h.input_mut().events.push(egui::Event::MouseWheel {
            unit: egui::MouseWheelUnit::Point,
            delta: egui::vec2(0.0, -120.0),
            modifiers: egui::Modifiers::default(),
        });
        h.run();
    }
    for ((n, (rect, below)), (_, natural)) in names.iter().zip(rows(&h)).zip(&laid_out) {
        assert!(
            view.contains_rect(rect),
            "{n}'s selection row at {rect:?} cannot be brought into the 1024x700 window"
        );
        // The page scrolled, not the table inside itself: each row keeps
        // its place under the header.
        assert!(
            (below - natural).abs() < 1.0,
            "{n} moved {below} px from its header (laid out at {natural}): the table scrolled inside itself"
        );
    }
}
