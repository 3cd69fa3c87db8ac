//! 1024×700 with the F1 guide open beside the panel, in both languages:
//! the Roster's verdicts, its notes and its form wrap beside the guide
//! instead of running under it, and Apply's file field is as wide as the
//! lab's chrony.conf path (the whole path on hover).

use egui::accesskit::Role;
use egui_kittest::Harness;
use egui_kittest::kittest::{By, NodeT, Queryable};
use stratum::core::roster::report::NoAnswer;
use stratum::core::roster::{Device, DeviceKind, DeviceReport, RosterReport, Verdict};
use stratum::gui::app::{App, Panel};
use stratum::gui::backend::Event;
use stratum::i18n::{Lang, Localizer};

use super::tour::event;
use super::window::{offline, show};

/// Two devices that do not poll this server, as the lab walk had them.
fn two_silent_devices(h: &mut Harness<'static, App>) {
    event(
        h,
        Event::Connected {
            info: super::status_bar::info(),
            started_lab: true,
            server: "/home/admin/.local/share/stratum/run/helper.sock".into(),
        },
    );
    let devices: Vec<DeviceReport> = [("client-124", "10.0.0.124"), ("self", "127.0.0.1:11123")]
        .into_iter()
        .map(|(name, address)| DeviceReport {
            name: name.into(),
            address: address.into(),
            kind: DeviceKind::ALL[0],
            verdict: Verdict::NotPolling,
            since: 1.8e9,
            polls: None,
            answer: None,
            no_answer: Some(NoAnswer::Timeout),
            expected_stratum: Some(11),
            drifting: false,
            denied_by_acl: true,
            itself: false,
        })
        .collect();
    let report = RosterReport {
        unknown: Vec::new(),
        unknown_total: 0,
        file: "/work/qa/W5/h1/.local/share/stratum/stratum.toml".into(),
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
    let now = stratum::sys::now();
    let snapshot = stratum::ipc::Snapshot {
        time: now,
        tracking: Some(super::tracking(now)),
        serverstats: Some(Default::default()),
        roster: Some(report),
        ..Default::default()
    };
    event(h, Event::Snapshot(Box::new(snapshot)));
}

/// The left edge of the guide (its Close button's).
fn guide_left(h: &Harness<'static, App>, tr: &Localizer) -> f32 {
    h.get_by_role_and_label(Role::Button, &tr.tr("gui-close"))
        .rect()
        .min
        .x
}

/// Every text and control of the panel, with where it is: those that
/// start left of the guide.
fn beside(h: &Harness<'static, App>, left: f32) -> Vec<(String, egui::Rect)> {
    h.query_all(By::new())
        .filter(|n| {
            matches!(
                n.accesskit_node().role(),
                Role::Label | Role::Button | Role::TextInput | Role::ComboBox
            )
        })
        .filter_map(|n| {
            let a = n.accesskit_node();
            let text = a.value().or_else(|| a.label())?.to_string();
            let r = n.rect();
            // Not the status bar's (the window's bottom row).
            (r.min.x > 170.0 && r.min.x < left && r.max.y < 668.0).then_some((text, r))
        })
        .collect()
}

#[test]
fn with_the_guide_open_the_roster_wraps_beside_it_and_apply_shows_the_whole_path() {
    for lang in Lang::ALL {
        let tr = Localizer::new(lang);
        let mut h = offline(lang);
        two_silent_devices(&mut h);
        stratum::gui::help::set_open(&h.ctx, true);
        show(&mut h, Panel::Roster);
        let left = guide_left(&h, &tr);
        let shown = beside(&h, left);
        assert!(
            shown.iter().any(|(t, _)| t.contains("client-124")),
            "{lang:?}: no verdict in {shown:?}"
        );
        for (text, r) in &shown {
            assert!(
                r.max.x <= left,
                "{lang:?}: “{text}” runs under the guide ({r:?}, guide at {left})"
            );
        }
        // Apply: the lab's file named in full.
        let path = "/work/qa/W5/h1/.local/share/stratum/chrony.conf";
        h.state_mut().state.config_path = path.into();
        show(&mut h, Panel::Apply);
        let files = tr.tr("gui-files");
        let field = h.get_by_role_and_label(Role::TextInput, &files);
        let font = egui::TextStyle::Body.resolve(&h.ctx.style());
        let needed = h.ctx.fonts(|f| {
            f.layout_no_wrap(path.into(), font, egui::Color32::WHITE)
                .size()
                .x
        });
        let r = field.rect();
        assert!(
            r.width() >= needed && r.max.x <= guide_left(&h, &tr),
            "{lang:?}: the file field ({r:?}) does not show {path} ({needed} wide)"
        );
    }
}

/// Every text and control of the panel in view ends left of the guide
/// (or of the window's scrollbar when the guide is closed): nothing cut.
fn nothing_cut(h: &Harness<'static, App>, tr: &Localizer, what: &str) {
    let open = stratum::gui::help::is_open(&h.ctx);
    let right = if open {
        guide_left(h, tr)
    } else {
        h.ctx.screen_rect().width() - h.ctx.style().spacing.scroll.bar_width
    };
    let shown = beside(h, right);
    assert!(!shown.is_empty(), "{what}: nothing shown");
    for (text, r) in &shown {
        assert!(
            r.max.x <= right,
            "{what} (guide open: {open}): “{text}” is cut at {right} ({r:?})"
        );
    }
}

/// At 1024×700, guide open and closed, in both languages: the Export
/// preview's long comment (the lab client's), each Guided setup
/// preview, and the Upstream servers table with five names (Remove in
/// view) are whole.
#[test]
fn at_1024_the_previews_and_the_upstream_table_are_not_cut() {
    use stratum::core::conf::roles::Role as SetupRole;
    use stratum::core::export::Format;
    for lang in Lang::ALL {
        let tr = Localizer::new(lang);
        let mut h = offline(lang);
        let mut doc = String::new();
        for host in [
            "ntp.aliyun.com",
            "ntp1.aliyun.com",
            "time1.cloud.tencent.com",
            "time2.cloud.tencent.com",
            "ntp2.aliyun.com",
        ] {
            doc.push_str(&format!("server {host} iburst\n"));
        }
        h.state_mut().state.doc = stratum::core::conf::Document::parse(&doc);
        for open in [false, true] {
            stratum::gui::help::set_open(&h.ctx, open);
            let what = format!("{lang:?}");
            h.state_mut().panels.export.format = Format::ChronyClient;
            h.state_mut().panels.export.servers = "10.0.0.123 10.0.0.124".into();
            show(&mut h, Panel::Export);
            nothing_cut(&h, &tr, &format!("{what} Export"));
            for role in SetupRole::ALL {
                h.state_mut().panels.setup.role = role;
                show(&mut h, Panel::Setup);
                nothing_cut(&h, &tr, &format!("{what} Guided {role:?}"));
            }
            show(&mut h, Panel::Upstreams);
            let removes = h
                .query_all_by_role_and_label(Role::Button, &tr.tr("gui-remove"))
                .count();
            assert_eq!(removes, 5, "{what}");
            nothing_cut(&h, &tr, &format!("{what} Upstream servers"));
        }
    }
}
