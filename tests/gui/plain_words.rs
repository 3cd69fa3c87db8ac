//! The words a new user reads, at 1024×700 in both languages: the DNS
//! advice says to use an address instead of the name, ntpstat's bound is a
//! maximum error, Fleet names the file to list servers in, and Apply's file
//! field shows the file the helper manages and says why Import waits.

use egui::accesskit::Role;
use egui_kittest::Harness;
use egui_kittest::kittest::{By, NodeT, Queryable};
use stratum::core::alarm::{Alarm, AlarmKind, Health, HealthState};
use stratum::gui::app::{App, Panel};
use stratum::gui::backend::Event;
use stratum::i18n::{Lang, Localizer};

use super::status_bar::info;
use super::window::{offline, show, shown_texts};

/// Connected to a lab helper (`info()`: its file in
/// /home/admin/.local/share/stratum) whose upstream name does not resolve.
fn lab_without_dns(h: &mut Harness<'static, App>) {
    let now = stratum::sys::now();
    let st = &mut h.state_mut().state;
    st.on_event(Event::Connected {
        info: info(),
        started_lab: true,
        server: "/home/admin/.local/share/stratum/run/helper.sock".into(),
    });
    st.on_event(Event::Snapshot(Box::new(stratum::ipc::Snapshot {
        time: now,
        tracking: Some(super::tracking(now)),
        health: Health {
            state: HealthState::Warning,
            alarms: vec![Alarm {
                kind: AlarmKind::SourceUnresolved,
                what: "ntp.aliyun.com".into(),
            }],
        },
        ..Default::default()
    })));
}

#[test]
fn the_dns_advice_says_to_write_the_address_instead_of_the_name() {
    for lang in Lang::ALL {
        let mut h = offline(lang);
        h.ctx.style_mut(|s| s.interaction.tooltip_delay = 0.0);
        lab_without_dns(&mut h);
        h.run();
        let tr = Localizer::new(lang);
        let alarm = tr.alarm_text(&Alarm {
            kind: AlarmKind::SourceUnresolved,
            what: "ntp.aliyun.com".into(),
        });
        let shown = h.get_by_label(&alarm);
        shown.hover();
        h.run_steps(3);
        let instead = match lang {
            Lang::En => "address",
            Lang::ZhCn => "改用服务器的 IP 地址",
        };
        assert!(alarm.contains(instead), "{lang:?}: {alarm}");
        // 改写 would say "rewrite the server's address".
        assert!(!alarm.contains("改写"), "{alarm}");
        // The explanation of a pasted chronyc sources with unresolved
        // names ends in a sentence, not "ID#….".
        show(&mut h, Panel::Explain);
        h.state_mut().panels.explain.set_input(
            "MS Name/IP address         Stratum Poll Reach LastRx Last sample\n\
             ===============================================================================\n\
             ^? ID#0000000001                0   6     0     -     +0ns[   +0ns] +/-    0ns\n"
                .into(),
        );
        h.run_steps(2);
        for t in shown_texts(&h) {
            assert!(!t.contains("ID#…."), "{lang:?}: “{t}”");
            assert!(!t.contains("改写"), "{lang:?}: “{t}”");
        }
    }
}

#[test]
fn ntpstat_s_bound_reads_as_a_maximum_error() {
    for lang in Lang::ALL {
        let mut h = offline(lang);
        show(&mut h, Panel::Explain);
        h.state_mut().panels.explain.set_input(
            "synchronised to NTP server (10.0.0.1) at stratum 3\n   time correct to within 508 ms\n   polling server every 64 s\n"
                .into(),
        );
        h.run_steps(2);
        let texts = shown_texts(&h);
        let (word, not) = match lang {
            Lang::En => ("Maximum error", "Accuracy"),
            Lang::ZhCn => ("最大误差", "精度"),
        };
        assert!(texts.iter().any(|t| t == word), "{lang:?}: {texts:?}");
        assert!(!texts.iter().any(|t| t == not), "{lang:?}: {texts:?}");
    }
}

#[test]
fn fleet_names_the_file_to_list_servers_in() {
    for lang in Lang::ALL {
        let mut h = offline(lang);
        show(&mut h, Panel::Fleet);
        let offline_text = Localizer::new(lang).tr("gui-fleet-empty-offline");
        assert!(
            h.query_by_label(&offline_text).is_some(),
            "{lang:?}: {:?}",
            shown_texts(&h)
        );
        lab_without_dns(&mut h);
        h.run_steps(2);
        let path = "/home/admin/.local/share/stratum/watch";
        assert!(
            shown_texts(&h).iter().any(|t| t.contains(path)),
            "{lang:?}: {:?}",
            shown_texts(&h)
        );
    }
}

#[test]
fn apply_s_file_field_shows_the_helper_s_file_and_why_import_waits() {
    for lang in Lang::ALL {
        let mut h = offline(lang);
        let tr = Localizer::new(lang);
        lab_without_dns(&mut h);
        h.state_mut().state.config_path = info().config_path;
        show(&mut h, Panel::Apply);
        let files = tr.tr("gui-files");
        let import_label = tr.tr("gui-import");
        let field = h.get_by_role_and_label(Role::TextInput, &files);
        assert_eq!(
            field.accesskit_node().placeholder(),
            Some("/home/admin/.local/share/stratum/chrony.conf"),
            "{lang:?}"
        );
        let import = h.get_by_role_and_label(Role::Button, &import_label);
        assert!(import.accesskit_node().is_disabled());
        let why = tr.tr("gui-files-need-path");
        assert!(
            h.query_by_label(&why).is_some(),
            "{lang:?}: {:?}",
            shown_texts(&h)
        );
        // A path typed: Import can be clicked, the note goes.
        h.get_by_role_and_label(Role::TextInput, &tr.tr("gui-files"))
            .focus();
        h.run();
        h.get_by_role_and_label(Role::TextInput, &tr.tr("gui-files"))
            .type_text("/tmp/lab.conf");
        h.run();
        assert!(h.query_by_label(&why).is_none(), "{lang:?}");
        let enabled = h
            .query_all(
                By::new()
                    .role(Role::Button)
                    .label(tr.tr("gui-import").as_str()),
            )
            .any(|n| !n.accesskit_node().is_disabled());
        assert!(enabled, "{lang:?}");
    }
}

/// Drives the window to the texts of this module's concerns that the
/// panel tour does not reach (for the words test): Fleet with no helper
/// and on a system helper, Guided setup's question, the first upstream and
/// peer added, an export changed after it was saved (and a remembered
/// one that differs), Statistics of the root dispersion on its own clock.
pub fn drive(h: &mut Harness<'static, App>) {
    let lang = h.state().state.tr.lang();
    let tr = Localizer::new(lang);
    // Fleet: no helper, then a system helper.
    h.state_mut().state.info = None;
    // Guided's greyed Apply with no helper says why on hover.
    show(h, Panel::Setup);
    h.ctx.style_mut(|s| s.interaction.tooltip_delay = 0.0);
    h.get_by_role_and_label(Role::Button, &tr.tr("gui-setup-apply"))
        .hover();
    h.run_steps(3);
    let why = tr.tr("gui-setup-apply-no-helper");
    assert!(h.query_by_label(&why).is_some(), "{:?}", shown_texts(h));
    h.state_mut().state.fleet.clear();
    show(h, Panel::Fleet);
    let offline_text = tr.tr("gui-fleet-empty-offline");
    assert!(
        h.query_by_label(&offline_text).is_some(),
        "{:?}",
        shown_texts(h)
    );
    let mut system = info();
    system.mode = stratum::ipc::Mode::System;
    h.state_mut().state.on_event(Event::Connected {
        info: system.clone(),
        started_lab: false,
        server: "/run/stratum/helper.sock".into(),
    });
    h.state_mut().state.fleet.clear();
    h.run_steps(2);
    // How to restart the helper after listing servers: the system
    // helper's service, or (the lab helper being the window's own) Stratum.
    let told = |h: &Harness<'static, App>, how: &str| {
        assert!(
            shown_texts(h).iter().any(|t| t.contains(how)),
            "{lang:?}: Fleet does not say “{how}”: {:?}",
            shown_texts(h)
        );
    };
    told(h, "systemctl restart stratum-helper");
    h.state_mut().state.on_event(Event::Connected {
        info: info(),
        started_lab: true,
        server: "/home/admin/.local/share/stratum/run/helper.sock".into(),
    });
    h.state_mut().state.fleet.clear();
    h.run_steps(2);
    told(h, "Ctrl+Q");
    h.state_mut().state.on_event(Event::Connected {
        info: system.clone(),
        started_lab: false,
        server: "/run/stratum/helper.sock".into(),
    });
    h.state_mut().state.fleet.clear();
    h.run_steps(2);
    // The first upstream and the first peer of a file with neither.
    h.state_mut().state.doc = stratum::core::conf::Document::parse("makestep 1 3\n");
    show(h, Panel::Upstreams);
    for (kind, host) in [
        (stratum::core::conf::SourceKind::Server, "10.1.1.1"),
        (stratum::core::conf::SourceKind::Peer, "10.0.0.124"),
    ] {
        {
            let f = &mut h.state_mut().panels.upstreams;
            f.kind = kind;
            f.host = host.into();
        }
        h.run();
        h.get_by_role_and_label(Role::Button, &tr.tr("gui-add"))
            .click();
        h.run();
    }
    // Guided setup over it: asked before the upstream and peer go.
    show(h, Panel::Setup);
    h.get_by_role_and_label(Role::Button, &tr.tr("gui-setup-use"))
        .click();
    h.run();
    assert!(h.query_by_label(&tr.tr("gui-setup-replace")).is_some());
    h.get_by_role_and_label(Role::Button, &tr.tr("gui-cancel"))
        .click();
    h.run();
    // An export saved, then changed.
    let tmp = tempfile::tempdir().unwrap();
    show(h, Panel::Export);
    super::files::choose(h, &tr, stratum::core::export::Format::CiscoIos);
    h.state_mut().panels.export.servers = "10.0.0.123".into();
    h.run();
    super::files::type_path(h, &tmp.path().join("cisco.txt").display().to_string());
    super::files::save(h, &tr);
    h.state_mut().panels.export.vrf = "stale-check".into();
    h.run_steps(2);
    let changed = tr.tr_args(
        "gui-file-changed-since",
        &[(
            "path",
            tmp.path().join("cisco.txt").display().to_string().as_str(),
        )],
    );
    assert!(h.query_by_label(&changed).is_some(), "{:?}", shown_texts(h));
    // The same path as a later start finds it (kept in settings.toml, read
    // once): the file is not what the preview says.
    let kept = tmp.path().join("cisco.txt").display().to_string();
    h.state_mut().panels.export.saves.insert(
        stratum::core::export::Format::CiscoIos,
        stratum::gui::dialogs::SaveField::remembered(&kept),
    );
    h.run_steps(2);
    let not_current = tr.tr_args("gui-file-not-current", &[("path", kept.as_str())]);
    assert!(
        h.query_by_label(&not_current).is_some(),
        "{:?}",
        shown_texts(h)
    );
    // Statistics of the root dispersion while it serves its own clock.
    let before = h.state().state.snapshot.clone();
    let mut own = super::tracking(stratum::sys::now());
    own.ref_id = stratum::core::cmdmon::LOCAL_REFID;
    own.address = None;
    h.state_mut().state.snapshot = Some(stratum::ipc::Snapshot {
        tracking: Some(own),
        ..Default::default()
    });
    h.state_mut().panels.statistics.series =
        stratum::core::series::SeriesId::system(stratum::core::series::Field::RootDispersion);
    show(h, Panel::Statistics);
    let why = tr.tr("gui-stats-root-own-clock");
    assert!(h.query_by_label(&why).is_some(), "{:?}", shown_texts(h));
    h.state_mut().state.snapshot = before;
    show(h, Panel::Export);
    // This server's own file, whose pair (the peer added above) is there.
    super::files::choose(h, &tr, stratum::core::export::Format::ChronyServer);
    h.state_mut().panels.export.peer.clear();
    h.run_steps(2);
    let note = tr.tr_args("gui-export-peer-in-file", &[("peers", "10.0.0.124")]);
    assert!(h.query_by_label(&note).is_some(), "{:?}", shown_texts(h));
}

/// The DNS advice's command (“chronyc -N sources -a”) stays on one line at
/// every width the Sources panel can have, in both languages: laid out as
/// the window draws findings, with its fonts. Split, the two halves read as
/// two things to type.
#[test]
fn a_quoted_command_is_never_split_across_lines() {
    for lang in Lang::ALL {
        let h = offline(lang);
        let tr = Localizer::new(lang);
        let text = tr.tr_args(
            "finding-name-unresolved",
            &[
                (
                    "sources",
                    "ntp.aliyun.com, ntp1.aliyun.com, time1.cloud.tencent.com",
                ),
                ("count", "3"),
            ],
        );
        let command = "chronyc -N sources -a";
        assert!(text.contains(command), "{lang:?}: {text}");
        let shown = stratum::gui::widgets::one_line_commands(&text);
        for width in (240..1000).step_by(3) {
            let galley = h.ctx.fonts(|f| {
                f.layout(
                    shown.clone(),
                    egui::FontId::proportional(14.0),
                    egui::Color32::WHITE,
                    width as f32,
                )
            });
            let rows: Vec<String> = galley
                .rows
                .iter()
                .map(|r| {
                    r.glyphs
                        .iter()
                        .map(|g| g.chr)
                        .collect::<String>()
                        .replace('\u{a0}', " ")
                })
                .collect();
            assert!(
                rows.iter().any(|r| r.contains(command)),
                "{lang:?} at {width} points: “{command}” is split: {rows:?}"
            );
        }
    }
}
