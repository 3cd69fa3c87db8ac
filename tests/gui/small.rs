//! The small things users notice, at 1024×700 in both languages: exports
//! of every format switched back and forth, Enter in the subnet field, F1's
//! guide, names for every control and value, a flat series' statistics,
//! legends clear of the newest data.

use std::time::Duration;

use egui::accesskit::Role;
use egui_kittest::Harness;
use egui_kittest::kittest::{By, NodeT, Queryable};
use stratum::core::export::{Field, Format};
use stratum::gui::app::{App, Panel};
use stratum::gui::backend::Event;
use stratum::i18n::Lang;

use super::window::{RichLab, live, offline, show, shown_texts, wait_until};
use crate::common;

fn t(h: &Harness<'static, App>, id: &str) -> String {
    h.state().state.t(id)
}

/// The field's label for each field a format may show.
fn field_label(field: Field) -> &'static str {
    match field {
        Field::Servers => "gui-servers",
        Field::Role => "gui-export-backup",
        Field::Peer => "gui-peer",
        Field::SourceInterface => "gui-source-interface",
        Field::Key => "gui-key",
        Field::Vrf => "gui-vrf",
        Field::Nts => "gui-export-nts",
        Field::NtpdOld => "gui-export-ntpd-old",
    }
}

const FIELDS: [Field; 8] = [
    Field::Servers,
    Field::Role,
    Field::Peer,
    Field::SourceInterface,
    Field::Key,
    Field::Vrf,
    Field::Nts,
    Field::NtpdOld,
];

/// The case first: a lab server typed for the client format, then
/// ntpd and chrony for the server itself, every switch and firewall, and
/// back: each shows its file (never a blocking error), only its own fields,
/// and ASCII for devices.
#[test]
fn every_export_format_switched_back_and_forth_shows_its_file() {
    for lang in Lang::ALL {
        let mut h = offline(lang);
        show(&mut h, Panel::Export);
        let client = t(&h, &Format::ChronyClient.title_id());
        h.get_by_label(&client).click();
        h.run_steps(2);
        let servers = t(&h, "gui-servers");
        h.get_by_label(&servers).focus();
        h.run_steps(1);
        h.get_by_label(&servers).type_text("10.0.0.123 10.0.0.124");
        h.run_steps(2);
        let preview = t(&h, "gui-export-preview");
        let order: Vec<Format> = [Format::Ntp, Format::ChronyServer]
            .into_iter()
            .chain(Format::ALL)
            .chain(Format::ALL.into_iter().rev())
            .collect();
        for format in order {
            let title = t(&h, &format.title_id());
            h.get_by_label(&title).click();
            h.run_steps(2);
            assert_eq!(h.state().panels.export.format, format);
            // Its file, no message blocking it.
            let text = h
                .get_by_label(&preview)
                .accesskit_node()
                .value()
                .unwrap_or_default();
            assert!(!text.trim().is_empty(), "{lang:?} {format}: no file");
            if format.ascii_only() {
                assert!(text.is_ascii(), "{lang:?} {format}: {text}");
            }
            if format.uses(Field::Servers) {
                assert!(text.contains("10.0.0.123"), "{lang:?} {format}: {text}");
            } else {
                assert!(!text.contains("10.0.0.123"), "{lang:?} {format}: {text}");
            }
            // Only the fields it uses.
            for field in FIELDS {
                let label = t(&h, field_label(field));
                let shown = h.query_all_by_label(&label).next().is_some();
                assert_eq!(shown, format.uses(field), "{lang:?} {format}: {label}");
            }
        }
    }
}

/// The format chooser is a row of buttons: choosing one never reaches a
/// field under a list that closes (as a dropdown's click did).
#[test]
fn choosing_a_format_leaves_the_fields_alone() {
    let mut h = offline(Lang::En);
    show(&mut h, Panel::Export);
    assert!(h.query_by_role(Role::ComboBox).is_none());
    h.get_by_label("Huawei VRP").click();
    h.run_steps(2);
    let focused = h
        .query_all(By::new().role(Role::TextInput))
        .any(|n| n.accesskit_node().is_focused());
    assert!(!focused, "a field took the click");
}

#[test]
fn enter_in_the_subnet_field_adds_the_subnet() {
    for (lang, net) in [(Lang::En, "10.1.2.0/24"), (Lang::ZhCn, "fd00:1::/64")] {
        let mut h = offline(lang);
        show(&mut h, Panel::Access);
        let subnet = t(&h, "gui-subnet");
        h.get_by_label(&subnet).focus();
        h.run_steps(1);
        h.get_by_label(&subnet).type_text(net);
        h.run_steps(1);
        h.key_press(egui::Key::Enter);
        h.run_steps(2);
        let doc = h.state().state.doc.render_lossy();
        assert!(doc.contains(&format!("allow {net}\n")), "{lang:?}: {doc}");
        assert!(h.state().panels.access.subnet.is_empty());
        // A wrong one stays in the field, with why, and adds nothing.
        h.get_by_label(&subnet).focus();
        h.run_steps(1);
        h.get_by_label(&subnet).type_text("10.0.0.0/33");
        h.run_steps(1);
        h.key_press(egui::Key::Enter);
        h.run_steps(2);
        assert_eq!(h.state().state.doc.render_lossy(), doc);
        assert_eq!(h.state().panels.access.subnet, "10.0.0.0/33");
    }
}

/// Upstream servers: Add leaves the host field where it was, with the
/// focus, so that a second name typed at once goes in (and is added) too.
#[test]
fn the_upstream_form_stays_put_and_keeps_the_focus_after_add() {
    for lang in [Lang::En, Lang::ZhCn] {
        let mut h = offline(lang);
        show(&mut h, Panel::Upstreams);
        let host = t(&h, "gui-host");
        let add = t(&h, "gui-add");
        let field = |h: &Harness<'static, App>| {
            let n = h.get_by_role_and_label(Role::TextInput, &host);
            (n.rect(), n.is_focused())
        };
        h.get_by_role_and_label(Role::TextInput, &host).focus();
        h.run_steps(1);
        h.get_by_role_and_label(Role::TextInput, &host)
            .type_text("10.0.0.1");
        h.run_steps(1);
        let (at, _) = field(&h);
        h.get_by_role_and_label(Role::Button, &add).click();
        h.run_steps(2);
        assert_eq!(field(&h), (at, true), "{lang:?}: after the first Add");
        // Typed with no click into the field: it still has the focus.
        h.get_by_role_and_label(Role::TextInput, &host)
            .type_text("10.0.0.2");
        h.run_steps(1);
        h.key_press(egui::Key::Enter);
        h.run_steps(2);
        assert_eq!(field(&h), (at, true), "{lang:?}: after Enter");
        h.get_by_role_and_label(Role::TextInput, &host)
            .type_text("10.0.0.3");
        h.run_steps(1);
        h.get_by_role_and_label(Role::Button, &add).click();
        h.run_steps(2);
        assert_eq!(field(&h), (at, true), "{lang:?}: after the third Add");
        let hosts: Vec<String> = h
            .state()
            .state
            .doc
            .sources()
            .map(|(_, s)| s.host.clone())
            .collect();
        assert_eq!(hosts, ["10.0.0.1", "10.0.0.2", "10.0.0.3"], "{lang:?}");
    }
}

#[test]
fn f1_opens_the_guide_of_the_panel_in_view() {
    for (lang, title, other) in [
        (Lang::En, "Help: Overview", "Help: Access"),
        (Lang::ZhCn, "帮助：概览", "帮助：访问控制"),
    ] {
        let mut h = offline(lang);
        show(&mut h, Panel::Overview);
        assert!(h.query_by_label(title).is_none());
        h.key_press(egui::Key::F1);
        h.run_steps(2);
        assert!(
            h.query_by_label(title).is_some(),
            "{lang:?}: no guide: {:?}",
            shown_texts(&h)
        );
        let first = t(&h, "help-overview");
        let para = first.split("\n\n").next().unwrap().trim().to_string();
        assert!(h.query_by_label(&para).is_some(), "{lang:?}: {para}");
        // Links to chrony's manual for the release in use.
        assert!(h.query_by_label("tracking — chronyc(1)").is_some());
        // The guide follows the panel; F1 closes it; Help opens it.
        show(&mut h, Panel::Access);
        assert!(h.query_by_label(other).is_some(), "{lang:?}: {other}");
        h.key_press(egui::Key::F1);
        h.run_steps(2);
        assert!(h.query_by_label(other).is_none());
        let help = t(&h, "gui-help");
        h.get_by_role_and_label(Role::Button, &help).click();
        h.run_steps(2);
        assert!(h.query_by_label(other).is_some());
    }
    // Every panel has its guide, and every term its page.
    let en = stratum::i18n::Localizer::new(Lang::En);
    for p in Panel::ALL {
        assert!(en.has(&format!("help-{}", p.key())), "{p:?}");
        for (manual, term) in stratum::gui::help::terms(p) {
            let url = stratum::gui::help::term_url(
                *manual,
                term,
                stratum::core::conf::ChronyVersion::new(4, 6),
            );
            assert!(
                url.starts_with("https://chrony-project.org/doc/4.6/"),
                "{url}"
            );
            assert!(url.ends_with(&format!("#{term}")));
        }
    }
}

/// Every control, value and table cell is named for screen readers, on
/// every panel of a live lab of each release, in both languages.
#[test]
fn every_control_and_value_has_a_name() {
    for (release, lang) in common::releases()
        .into_iter()
        .flat_map(|r| Lang::ALL.map(|l| (r.clone(), l)))
    {
        let lab = RichLab::start(&release);
        let mut h = live(lang, &lab.helper.socket);
        wait_until(&mut h, Duration::from_secs(20), "the helper's data", &|a| {
            a.state
                .snapshot
                .as_ref()
                .is_some_and(|s| !s.clients.is_empty() && s.tracking.is_some())
        });
        for p in Panel::ALL {
            show(&mut h, p);
            let mut nameless = Vec::new();
            for n in h.query_all(By::new()) {
                let a = n.accesskit_node();
                let named = match a.role() {
                    Role::Label => a.value().is_some_and(|v| !v.trim().is_empty()),
                    Role::Button
                    | Role::CheckBox
                    | Role::TextInput
                    | Role::MultilineTextInput
                    | Role::SpinButton
                    | Role::Slider
                    | Role::ComboBox
                    | Role::RadioButton
                    | Role::Link => a.label().is_some_and(|l| !l.trim().is_empty()),
                    _ => true,
                };
                if !named {
                    nameless.push(format!("{:?} {:?}", a.role(), a.value()));
                }
            }
            assert!(
                nameless.is_empty(),
                "chrony {} {lang:?} {p:?}: {nameless:?}",
                release.label
            );
        }
        // The sources table's cells are found by what they show.
        show(&mut h, Panel::Sources);
        assert!(h.query_all_by_label("127.0.0.1").count() >= 1);
        assert!(shown_texts(&h).iter().any(|t| t == "127.0.0.2"));
    }
}

#[test]
fn a_flat_series_has_no_noise_type_and_distinct_ticks() {
    use stratum::core::series::{Field as S, SeriesId};
    use stratum::gui::backend::StatsResult;
    for lang in Lang::ALL {
        let mut h = offline(lang);
        show(&mut h, Panel::Statistics);
        let window = h.state().panels.statistics.window.seconds();
        let zeros = (0..900).map(|i| (f64::from(i), 0.0)).collect();
        let analysis = stratum::core::stats::analyse(S::Offset, zeros);
        h.state_mut()
            .state
            .on_event(Event::Stats(Box::new(StatsResult {
                series: SeriesId::system(S::Offset),
                window,
                analysis,
            })));
        h.run_steps(2);
        let flat = t(&h, "gui-stats-flat");
        assert!(h.query_by_label(&flat).is_some(), "{lang:?}");
        for noise in ["white-pm", "white-fm", "flicker-fm", "random-walk-fm"] {
            let name = t(&h, &format!("stats-noise-{noise}"));
            assert!(
                h.query_by_label_contains(&name).is_none(),
                "{lang:?}: {name} claimed for zeros"
            );
        }
    }
    // Ticks: every mark of a log axis a distinct value, over any range.
    use stratum::gui::panels::statistics::{log_marks, log_tick_text, tick_text};
    for (lo, hi) in [(-0.2, 0.4), (-9.0, -3.0), (0.0, 1.0), (-12.3, 2.7)] {
        let marks = log_marks(egui_plot::GridInput {
            bounds: (lo, hi),
            base_step_size: 0.01,
        });
        let texts: Vec<String> = marks.iter().map(|m| log_tick_text(m.value)).collect();
        let mut unique = texts.clone();
        unique.dedup();
        assert!(!texts.is_empty(), "{lo}..{hi}");
        assert_eq!(texts, unique, "{lo}..{hi}");
    }
    // The histogram's ticks 20 ns apart around 1 µs read differently.
    let a = tick_text(S::Offset, 1.00e-6, 2e-8);
    let b = tick_text(S::Offset, 1.02e-6, 2e-8);
    assert_ne!(a, b);
    assert_eq!(b, "1020 ns");
}

/// On a plot over time the newest data is at the right edge: the legend
/// sits on the left.
#[test]
fn plot_legends_stay_clear_of_the_newest_data() {
    use stratum::core::series::{Field as S, SeriesId};
    let mut h = offline(Lang::En);
    let now = stratum::sys::now();
    let pts: Vec<(f64, f64, f64)> = (0..120)
        .map(|i| (now - 300.0 + f64::from(i) * 2.5, 1e-6, 2e-6))
        .collect();
    h.state_mut().state.on_event(Event::History(vec![
        (SeriesId::system(S::Correction), pts.clone()),
        (SeriesId::system(S::Frequency), pts),
    ]));
    show(&mut h, Panel::Plots);
    let entry = h.get_by_label("system clock");
    let rect = entry.accesskit_node().bounding_box().expect("a place");
    let width = super::window::SIZE.x as f64;
    assert!(
        rect.x1 < width / 2.0,
        "the legend reaches {} of a {width} wide window",
        rect.x1
    );
}
