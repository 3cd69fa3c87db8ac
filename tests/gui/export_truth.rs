//! Export says whether its file is current, at 1024×700 in both
//! languages: a save goes stale the moment the preview changes, a preview
//! made from edits not applied yet says so, each vendor keeps its own
//! interface name, and a pair's other server is offered to its clients.

use egui::accesskit::Role;
use egui_kittest::Harness;
use egui_kittest::kittest::{NodeT, Queryable};
use stratum::core::conf::Document;
use stratum::core::export::Format;
use stratum::gui::app::{App, Panel};
use stratum::gui::state::FileState;
use stratum::i18n::{Lang, Localizer};

use super::files::{choose, save, servers, type_path};
use super::window::{offline, show, shown_texts};

fn preview(h: &Harness<'static, App>, tr: &Localizer) -> String {
    h.get_by_label(&tr.tr("gui-export-preview"))
        .accesskit_node()
        .value()
        .unwrap_or_default()
        .to_string()
}

/// Types into the source-interface field (named by its label).
fn interface(h: &mut Harness<'static, App>, tr: &Localizer, text: &str) {
    let label = tr.tr("gui-source-interface");
    h.get_by_role_and_label(Role::TextInput, &label).focus();
    h.run();
    h.get_by_role_and_label(Role::TextInput, &label)
        .type_text(text);
    h.run();
}

#[test]
fn a_saved_export_is_no_longer_called_saved_once_its_preview_changes() {
    for lang in Lang::ALL {
        let tr = Localizer::new(lang);
        let tmp = tempfile::tempdir().unwrap();
        let file = tmp.path().join("huawei.txt");
        let shown = file.display().to_string();
        let mut h = offline(lang);
        show(&mut h, Panel::Export);
        choose(&mut h, &tr, Format::HuaweiVrp);
        servers(&mut h, "10.0.0.123");
        type_path(&mut h, &shown);
        save(&mut h, &tr);
        let saved = tr.tr_args("gui-file-saved", &[("path", shown.as_str())]);
        let stale = tr.tr_args("gui-file-changed-since", &[("path", shown.as_str())]);
        assert!(
            h.query_by_label(&saved).is_some(),
            "{lang:?}: {:?}",
            shown_texts(&h)
        );
        // Cisco's interface name stays Cisco's.
        choose(&mut h, &tr, Format::CiscoIos);
        interface(&mut h, &tr, "Vlan10");
        assert!(preview(&h, &tr).contains("Vlan10"), "{lang:?}");
        choose(&mut h, &tr, Format::HuaweiVrp);
        let text = preview(&h, &tr);
        assert!(
            !text.contains("Vlan10"),
            "{lang:?}: Huawei got Cisco's name: {text}"
        );
        assert!(
            h.query_by_label(&saved).is_some(),
            "{lang:?}: same preview, still saved"
        );
        // Huawei's own name: the preview is no longer the file.
        interface(&mut h, &tr, "Vlanif10");
        assert!(
            preview(&h, &tr).contains("source-interface Vlanif10"),
            "{lang:?}"
        );
        assert!(
            h.query_by_label(&saved).is_none(),
            "{lang:?}: “{saved}” stays"
        );
        assert!(
            h.query_by_label(&stale).is_some(),
            "{lang:?}: {:?}",
            shown_texts(&h)
        );
        let on_disk = std::fs::read_to_string(&file).unwrap();
        assert!(!on_disk.contains("Vlanif10"));
        // Saving again makes it current.
        save(&mut h, &tr);
        // The file is there: replacing it is asked first.
        let replace = tr.tr("gui-file-replace");
        h.get_by_role_and_label(Role::Button, &replace).click();
        h.run();
        // The file lands before the backend's answer does: wait for the
        // answer, which is what the row shows.
        super::wait(&mut h, "the save", &|a| {
            matches!(a.state.files.last(), Some((_, FileState::Written(_))))
        });
        h.run();
        assert!(std::fs::read_to_string(&file).is_ok_and(|t| t.contains("Vlanif10")));
        assert!(
            h.query_by_label(&saved).is_some(),
            "{lang:?}: {:?}",
            shown_texts(&h)
        );
    }
}

#[test]
fn the_server_export_says_when_it_includes_changes_not_yet_applied() {
    for lang in Lang::ALL {
        let tr = Localizer::new(lang);
        let mut h = offline(lang);
        show(&mut h, Panel::Export);
        let applied = "server 10.1.1.1 iburst\nallow 10.0.0.0/24\nlocal stratum 10 orphan\n";
        {
            let st = &mut h.state_mut().state;
            st.doc = Document::parse(applied);
            st.base = applied.as_bytes().to_vec();
        }
        choose(&mut h, &tr, Format::ChronyServer);
        let note = tr.tr("gui-export-unapplied");
        assert!(
            h.query_by_label(&note).is_none(),
            "{lang:?}: nothing is pending"
        );
        // A second upstream typed on another panel, not applied.
        h.state_mut().state.doc = Document::parse(format!("{applied}server 10.1.1.2 iburst\n"));
        h.run();
        assert!(preview(&h, &tr).contains("10.1.1.2"));
        assert!(
            h.query_by_label(&note).is_some(),
            "{lang:?}: {:?}",
            shown_texts(&h)
        );
        // A switch's file does not depend on it.
        choose(&mut h, &tr, Format::CiscoIos);
        servers(&mut h, "10.0.0.123");
        assert!(h.query_by_label(&note).is_none(), "{lang:?}");
    }
}

#[test]
fn a_pair_offers_its_other_server_to_the_clients_export() {
    for lang in Lang::ALL {
        let tr = Localizer::new(lang);
        let mut h = offline(lang);
        show(&mut h, Panel::Export);
        h.state_mut().state.doc =
            Document::parse("peer 10.0.0.124 iburst\nlocal stratum 10 orphan\nallow 10.0.0.0/24\n");
        for format in [Format::ChronyClient, Format::HuaweiVrp, Format::CiscoIos] {
            choose(&mut h, &tr, format);
            h.state_mut().panels.export.servers = "10.0.0.123".into();
            h.run();
            let offer = tr.tr_args("gui-export-add-pair", &[("server", "10.0.0.124")]);
            h.get_by_role_and_label(Role::Button, &offer).click();
            h.run();
            assert_eq!(h.state().panels.export.servers, "10.0.0.123 10.0.0.124");
            let text = preview(&h, &tr);
            assert!(text.contains("10.0.0.124"), "{lang:?} {format}: {text}");
            // The one typed first is preferred, as Peers promises.
            let first = text
                .lines()
                .find(|l| l.contains("10.0.0.123"))
                .unwrap_or_default();
            assert!(
                ["prefer", "preference", "priority"]
                    .iter()
                    .any(|w| first.contains(w)),
                "{lang:?} {format}: {text}"
            );
            assert!(
                h.query_by_label(&offer).is_none(),
                "{lang:?} {format}: offered twice"
            );
        }
        // This server's own file: its Peer field, empty, says the pair is
        // already there (the preview has the peer line).
        choose(&mut h, &tr, Format::ChronyServer);
        let note = tr.tr_args("gui-export-peer-in-file", &[("peers", "10.0.0.124")]);
        assert!(
            h.query_by_label(&note).is_some(),
            "{lang:?}: the Peer field does not say the file has 10.0.0.124"
        );
    }
}
