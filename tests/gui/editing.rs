//! The editing panels offline and on a lab helper: each edits only its lines,
//! bad input blocks Apply, the guided setup makes each role and says what its
//! apply did, the keyboard reaches every panel, settings are written off the frame.

use super::*;
use egui::accesskit::Role;
use egui_kittest::kittest::{NodeT, Queryable};
use std::time::{Duration, Instant};
use stratum::gui::app::{App, ApplyState, Panel};
use stratum::gui::backend::Backend;
use stratum::gui::settings::Settings;
use stratum::i18n::Lang;

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
    // The new server, the file's first, at the end under a comment of its
    // own (after a blank line); everything else identical.
    let diff: Vec<_> = similar::TextDiff::from_lines(&before, &after)
        .iter_all_changes()
        .filter(|c| c.tag() != similar::ChangeTag::Equal)
        .map(|c| (c.tag(), c.to_string()))
        .collect();
    let insert = |t: &str| (similar::ChangeTag::Insert, t.to_string());
    assert_eq!(
        diff,
        vec![
            insert("\n"),
            insert("# Upstream servers this server follows.\n"),
            insert("server 10.9.8.7 iburst\n"),
        ]
    );
    assert!(after.starts_with(&before), "{after}");

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
        // The names count as resolving here: no DNS query leaves the
        // machine (Guided setup looks up what is typed).
        h.state_mut()
            .state
            .on_event(stratum::gui::backend::Event::Resolved(
                ["0.pool.ntp.org", "ntp.example.org"]
                    .map(|n| (n.to_string(), true))
                    .to_vec(),
            ));
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
        h.run();
        // The new lab's lines the role lacks (the client serves no one,
        // for one) are named and dropped only when confirmed.
        let dropped = stratum::gui::panels::setup::dropped_lines(
            &h.state().state.doc,
            &stratum::core::conf::Document::parse(&want),
        );
        if !dropped.is_empty() {
            assert!(
                h.query_by_label(&dropped[0]).is_some(),
                "{label}: {dropped:?}"
            );
            h.get_by_role_and_label(Role::Button, "Replace the configuration")
                .click();
        }
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

/// Every single-line field of every editing panel keeps what is typed into
/// it (the Advanced panel's leapsectz, stratumweight and logdir threw every
/// character away: they were rebuilt from the document each frame), and
/// the Advanced ones reach chrony.conf on Return; a value chrony refuses
/// ("stratumweight: a number") is shown with its error and changes nothing.
#[test]
fn every_single_line_field_keeps_what_is_typed() {
    let mut h = offline();
    let panels = [
        "Guided setup",
        "Upstream servers",
        "Access",
        "Peers / redundancy",
        "NTS",
        "Advanced",
        "Apply",
        "Export",
    ];
    let mut seen = 0;
    for panel in panels {
        // By AccessKit action: a pointer click lands where the button was
        // when queried, and the backend's answers move the layout.
        h.get_by_role_and_label(Role::Button, panel)
            .click_accesskit();
        h.run_steps(3);
        // A panel may wait for the backend first (Apply checks the file
        // on its worker thread, slower on a loaded machine).
        let start = Instant::now();
        while h.query_all_by_role(Role::TextInput).next().is_none()
            && start.elapsed() < Duration::from_secs(15)
        {
            h.step();
            std::thread::sleep(Duration::from_millis(20));
        }
        let labels: Vec<String> = h
            .query_all_by_role(Role::TextInput)
            .map(|n| n.accesskit_node().label().unwrap_or_default())
            .collect();
        assert!(
            !labels.is_empty(),
            "{panel}: no single-line field: {:?}",
            super::window::shown_texts(&h)
        );
        for label in labels {
            assert!(!label.is_empty(), "{panel}: a field without a label");
            let field = h.get_by_role_and_label(Role::TextInput, &label);
            field.focus();
            h.run_steps(3);
            h.get_by_role_and_label(Role::TextInput, &label)
                .type_text("q7");
            h.run_steps(3);
            let shown = h
                .get_by_role_and_label(Role::TextInput, &label)
                .accesskit_node()
                .value()
                .unwrap_or_default();
            assert!(
                shown.contains("q7"),
                "{panel}: the field “{label}” shows “{shown}” after typing “q7”"
            );
            seen += 1;
            // Leave the field as it was (and focus nowhere), so that the
            // next field's layout is the panel's own.
            for _ in 0.."q7".len() {
                h.key_press(egui::Key::Backspace);
            }
            h.key_press(egui::Key::Escape);
            h.run_steps(3);
        }
    }
    assert!(seen >= 11, "only {seen} fields found");

    // The Advanced fields reach the document on Return.
    h.get_by_role_and_label(Role::Button, "Advanced").click();
    h.run_steps(3);
    for (label, typed, line) in [
        ("leapsectz", "right/UTC", "leapsectz right/UTC\n"),
        ("stratumweight", "0.002", "stratumweight 0.002\n"),
        ("logdir", "/var/log/chrony", "logdir /var/log/chrony\n"),
    ] {
        h.get_by_role_and_label(Role::TextInput, label).focus();
        h.run_steps(3);
        h.get_by_role_and_label(Role::TextInput, label)
            .type_text(typed);
        h.key_press(egui::Key::Enter);
        h.run_steps(3);
        let doc = h.state().state.doc.render_lossy();
        assert!(doc.contains(line), "{label}: {doc}");
    }
    // chrony.conf(5), stratumweight: "stratumweight distance" takes a
    // number; a word is refused with the reason and the file keeps 0.002.
    h.get_by_role_and_label(Role::TextInput, "stratumweight")
        .focus();
    h.run_steps(3);
    for _ in 0.."0.002".len() {
        h.key_press(egui::Key::Backspace);
    }
    h.get_by_role_and_label(Role::TextInput, "stratumweight")
        .type_text("heavy");
    h.key_press(egui::Key::Enter);
    h.run_steps(3);
    let doc = h.state().state.doc.render_lossy();
    assert!(doc.contains("stratumweight 0.002\n"), "{doc}");
    let shown = h
        .get_by_role_and_label(Role::TextInput, "stratumweight")
        .accesskit_node()
        .value()
        .unwrap_or_default();
    assert_eq!(shown, "heavy", "the refused value left the field");
}

/// Upstream servers, before Apply: a name this machine cannot resolve is
/// flagged beside its line (looked up off the UI thread), an address or a
/// name that resolves (localhost, from /etc/hosts) is not. The lookup
/// that fails is refused by the resolver itself (a 64-byte label), so no
/// DNS query leaves the machine.
#[test]
fn upstream_names_that_do_not_resolve_here_are_flagged_before_apply() {
    let bad = common::netns::local_failure_name();
    let mut h = offline();
    h.state_mut().state.doc = stratum::core::conf::Document::parse(format!(
        "server {bad} iburst\nserver localhost iburst\nserver 10.0.0.1 iburst\n"
    ));
    h.get_by_role_and_label(Role::Button, "Upstream servers")
        .click();
    h.run_steps(2);
    wait(&mut h, "the lookups", &|a| {
        a.state.resolved.contains_key(&bad) && a.state.resolved.contains_key("localhost")
    });
    // The window settles once the answers are in.
    h.run();
    let hint = "does not resolve on this machine: give an address or a name your lab's DNS serves";
    assert_eq!(h.query_all_by_label_contains(hint).count(), 1);
    assert!(h.query_by_label(&format!("{bad} {hint}")).is_some());
    assert_eq!(h.state().state.resolved.get(&bad), Some(&false));
    assert_eq!(h.state().state.resolved.get("localhost"), Some(&true));
    // The address was never looked up.
    assert!(!h.state().state.resolving.contains("10.0.0.1"));
}

/// Guided setup, before Use or Apply: a name typed there that this machine
/// cannot resolve gets the hint Upstream servers gives, once, in both
/// languages; a name that resolves (localhost, looked up for real from
/// /etc/hosts) and an address get none. The failing name's answer is the
/// backend's event as a lookup would give it: a real name that fails here
/// would need a DNS query off this machine (the 64-byte label the
/// Upstream test uses is refused by the setup's own host check first).
#[test]
fn guided_setup_flags_names_that_do_not_resolve_here() {
    use stratum::gui::backend::Event;
    let bad = common::netns::UNRESOLVED_SERVER;
    for lang in [stratum::i18n::Lang::En, stratum::i18n::Lang::ZhCn] {
        let tr = stratum::i18n::Localizer::new(lang);
        let mut h = offline_with(stratum::gui::settings::Settings {
            lang: Some(lang),
            ..stratum::gui::settings::Settings::default()
        });
        h.state_mut()
            .state
            .on_event(Event::Resolved(vec![(bad.to_string(), false)]));
        super::trust::open(&mut h, &tr, "setup");
        h.run();
        let role = tr.tr("gui-role-upstreams");
        h.query_all_by_label(&role)
            .find(|n| n.accesskit_node().role() != Role::Label)
            .expect("the role")
            .click();
        h.run();
        let label = tr.tr("gui-setup-upstreams");
        h.get_by_role_and_label(Role::TextInput, &label).focus();
        h.run();
        h.get_by_role_and_label(Role::TextInput, &label)
            .type_text(&format!("{bad} localhost 10.0.0.1"));
        h.run();
        wait(&mut h, "the lookup", &|a| {
            a.state.resolved.contains_key("localhost")
        });
        h.run();
        let hint = tr.tr_args("gui-name-unresolved-here", &[("name", bad)]);
        assert_eq!(h.query_all_by_label(&hint).count(), 1, "{lang:?}: {hint}");
        let fine = tr.tr_args("gui-name-unresolved-here", &[("name", "localhost")]);
        assert!(h.query_by_label(&fine).is_none(), "{lang:?}");
        assert!(!h.state().state.resolving.contains("10.0.0.1"));
    }
}

/// The upstream form's minpoll and maxpoll go down to the shortest poll
/// the helper's chronyd takes (ntp_core.c MIN_POLL: -6 in 4.0–4.2, -7 from
/// 4.3; lint's rule), so the form never offers a value that release
/// silently replaces with the default 6; without a known release, -7.
#[test]
fn the_poll_fields_stop_at_the_reported_releases_minimum() {
    for (version, min) in [(Some("4.0"), -6), (Some("4.3"), -7), (Some("4.9"), -7)] {
        let mut h = offline();
        let mut info = super::status_bar::info();
        info.chrony_version = version.map(str::to_string);
        h.state_mut()
            .state
            .on_event(stratum::gui::backend::Event::Connected {
                info,
                started_lab: true,
                server: "/tmp/helper.sock".into(),
            });
        h.get_by_label("Upstream servers").click();
        h.run();
        {
            let f = &mut h.state_mut().panels.upstreams;
            f.host = "127.0.0.1".into();
            f.minpoll = Some(-7);
            f.maxpoll = Some(-7);
        }
        h.run();
        let f = &h.state().panels.upstreams;
        assert_eq!(
            (f.minpoll, f.maxpoll),
            (Some(min), Some(min)),
            "{version:?}"
        );
    }
    // No release known: the bound of every release.
    let mut h = offline();
    if h.state().state.known_chrony_version().is_none() {
        h.get_by_label("Upstream servers").click();
        h.run();
        h.state_mut().panels.upstreams.minpoll = Some(-7);
        h.run();
        assert_eq!(h.state().panels.upstreams.minpoll, Some(-7));
    }
}
