//! Export keeps what the user gave it: after a restart the lab servers,
//! the key and each format's saved path are back (settings.toml); a saved
//! file is not called stale when only the window's language (its
//! comments') changed; the backup of a pair is offered the primary, not
//! the peer already in this server's file. At 1024×700, in both languages.

use std::time::Duration;

use egui::accesskit::Role;
use egui_kittest::Harness;
use egui_kittest::kittest::{NodeT, Queryable};
use stratum::core::conf::Document;
use stratum::core::export::Format;
use stratum::gui::app::{App, Panel};
use stratum::gui::backend::Backend;
use stratum::gui::settings::Settings;
use stratum::i18n::{Lang, Localizer};

use super::files::{choose, path_field, save, servers, type_path};
use super::window::{harness, show, shown_texts, wait_until};

/// The window as a start reads its settings from `file`.
fn started(file: &std::path::Path, lang: Lang) -> Harness<'static, App> {
    let mut s = Settings::load_from(file.to_path_buf());
    s.lang = Some(lang);
    let quiet: stratum::gui::backend::Waker = std::sync::Arc::new(|_| {});
    let mut h = harness(App::headless(s, Backend::offline(quiet)));
    let waker = stratum::gui::waker(h.ctx.clone(), None);
    h.state_mut().backend = Backend::offline(waker);
    h.run_ok();
    h.state_mut().state.doc = Document::parse("allow 10.0.0.0/24\nlocal stratum 10\n");
    show(&mut h, Panel::Export);
    h
}

fn preview(h: &Harness<'static, App>, tr: &Localizer) -> String {
    h.get_by_label(&tr.tr("gui-export-preview"))
        .accesskit_node()
        .value()
        .unwrap_or_default()
        .to_string()
}

#[test]
fn export_inputs_survive_a_restart_and_a_language_switch_is_not_a_stale_file() {
    for lang in Lang::ALL {
        let tr = Localizer::new(lang);
        let other = Lang::ALL.into_iter().find(|l| *l != lang).unwrap();
        let tmp = tempfile::tempdir().unwrap();
        let settings = tmp.path().join("settings.toml");
        let out = tmp.path().join("client.conf");
        let shown = out.display().to_string();

        let mut h = started(&settings, lang);
        choose(&mut h, &tr, Format::ChronyClient);
        // An empty field reads as an example, never as this lab's values.
        assert!(!tr.tr("gui-export-servers-hint").contains("10.0.0.123"));
        servers(&mut h, "10.0.0.123");
        type_path(&mut h, &shown);
        save(&mut h, &tr);
        assert!(
            std::fs::read_to_string(&out)
                .unwrap()
                .contains("server 10.0.0.123")
        );

        // Only the comments' language changes: the file is not stale.
        h.state_mut().state.set_lang(other);
        h.run();
        let tr2 = Localizer::new(other);
        let stale = tr2.tr_args("gui-file-changed-since", &[("path", shown.clone())]);
        assert!(
            h.query_by_label(&stale).is_none(),
            "{lang:?}: {:?}",
            shown_texts(&h)
        );
        assert!(
            h.query_by_label(&tr2.tr("gui-export-saved-other-lang"))
                .is_some(),
            "{lang:?}: {:?}",
            shown_texts(&h)
        );
        // A changed line is: the file is stale again.
        servers(&mut h, "10.0.0.125");
        assert!(
            h.query_by_label(&stale).is_some(),
            "{lang:?}: {:?}",
            shown_texts(&h)
        );
        servers(&mut h, "10.0.0.123");
        h.state_mut().state.set_lang(lang);
        h.run();

        // The settings reach their file (at most once a second).
        wait_until(&mut h, Duration::from_secs(10), "settings written", &|_| {
            std::fs::read_to_string(&settings).is_ok_and(|t| t.contains("10.0.0.123"))
        });
        drop(h);

        // A restart: the address and the path are back.
        let mut h = started(&settings, lang);
        choose(&mut h, &tr, Format::ChronyClient);
        let first = h.query_all_by_role(Role::TextInput).next().unwrap();
        assert_eq!(
            first.accesskit_node().value().unwrap_or_default(),
            "10.0.0.123"
        );
        assert_eq!(
            path_field(&h).accesskit_node().value().unwrap_or_default(),
            shown,
            "{lang:?}"
        );
        assert!(
            preview(&h, &tr).contains("\nserver 10.0.0.123 iburst"),
            "{lang:?}"
        );
    }
}

#[test]
fn the_backup_of_a_pair_is_offered_the_primary_not_the_peer_in_this_file() {
    for lang in Lang::ALL {
        let tr = Localizer::new(lang);
        let tmp = tempfile::tempdir().unwrap();
        let mut h = started(&tmp.path().join("settings.toml"), lang);
        h.state_mut().state.doc =
            Document::parse("allow 10.0.0.0/24\npeer 10.0.0.124\nlocal stratum 10 orphan\n");
        choose(&mut h, &tr, Format::ChronyClient);
        servers(&mut h, "10.0.0.123 10.0.0.124");
        choose(&mut h, &tr, Format::ChronyServer);
        // The primary's export: its peer is the one in the file.
        let in_file = tr.tr_args("gui-export-peer-in-file", &[("peers", "10.0.0.124")]);
        assert!(
            h.query_by_label(&in_file).is_some(),
            "{lang:?}: {:?}",
            shown_texts(&h)
        );
        h.get_by_label(&tr.tr("gui-export-backup")).click();
        h.run();
        assert!(
            h.query_by_label(&in_file).is_none(),
            "{lang:?}: {:?}",
            shown_texts(&h)
        );
        let offer = tr.tr_args("gui-export-peer-primary", &[("server", "10.0.0.123")]);
        h.get_by_role_and_label(Role::Button, &offer).click();
        h.run();
        assert_eq!(h.state().panels.export.peer, "10.0.0.123");
        let text = preview(&h, &tr);
        assert!(text.contains("\npeer 10.0.0.123"), "{lang:?}: {text}");
        assert!(!text.contains("peer 10.0.0.124"), "{lang:?}: {text}");
        // Lab servers that are all this file's peers: no primary to offer,
        // the window asks for its address.
        h.state_mut().panels.export.peer.clear();
        h.state_mut().panels.export.servers = "10.0.0.124".into();
        h.run();
        assert!(
            h.query_by_label(&tr.tr("gui-export-peer-type-primary"))
                .is_some(),
            "{lang:?}: {:?}",
            shown_texts(&h)
        );
    }
}

/// Settings show the chronyd in use where its field is empty.
#[test]
fn settings_show_the_chronyd_in_use() {
    for lang in Lang::ALL {
        let tr = Localizer::new(lang);
        let mut h = super::window::offline(lang);
        show(&mut h, Panel::Settings);
        let found = stratum::sys::find_chronyd(None).map(|p| p.display().to_string());
        let name = tr.tr("gui-chronyd-path");
        let placeholder = h
            .get_by_label(&name)
            .accesskit_node()
            .placeholder()
            .map(str::to_string);
        assert_eq!(placeholder, found, "{lang:?}");
    }
}

/// "Replace it?" writes the preview on screen when Replace is pressed,
/// not the one from when Save was pressed; after a restart, a remembered
/// file that is not what the preview says is flagged "not current".
#[test]
fn replace_writes_the_preview_on_screen_and_a_remembered_stale_file_is_flagged() {
    for lang in Lang::ALL {
        let tr = Localizer::new(lang);
        let tmp = tempfile::tempdir().unwrap();
        let settings = tmp.path().join("settings.toml");
        let out = tmp.path().join("client.conf");
        std::fs::write(&out, "old file\n").unwrap();
        let shown = out.display().to_string();

        let mut h = started(&settings, lang);
        choose(&mut h, &tr, Format::ChronyClient);
        servers(&mut h, "10.0.0.123");
        type_path(&mut h, &shown);
        save(&mut h, &tr);
        let ask = tr.tr_args("gui-file-exists", &[("path", shown.clone())]);
        assert!(h.query_by_label(&ask).is_some(), "{lang:?}: no “{ask}”");
        // The preview changes while the question is open.
        servers(&mut h, "10.0.0.125");
        assert!(h.query_by_label(&ask).is_some(), "{lang:?}");
        h.get_by_role_and_label(Role::Button, &tr.tr("gui-file-replace"))
            .click();
        h.step();
        super::wait(&mut h, "the replacement", &|a| {
            matches!(
                a.state.files.last(),
                Some((_, stratum::gui::state::FileState::Written(_)))
            )
        });
        h.run();
        let written = std::fs::read_to_string(&out).unwrap();
        assert!(written.contains("server 10.0.0.125"), "{lang:?}: {written}");
        assert!(!written.contains("10.0.0.123"), "{lang:?}: {written}");
        // The preview breaks a comment too long for the panel into several
        // comment lines; the file keeps it on one.
        assert_eq!(
            comments_joined(&written),
            comments_joined(&preview(&h, &tr)),
            "{lang:?}"
        );
        let saved = tr.tr_args("gui-file-saved", &[("path", shown.clone())]);
        assert!(
            h.query_by_label(&saved).is_some(),
            "{lang:?}: {:?}",
            shown_texts(&h)
        );

        // The last inputs written, not an earlier save of a half-typed
        // server list.
        wait_until(&mut h, Duration::from_secs(10), "settings written", &|_| {
            std::fs::read_to_string(&settings)
                .is_ok_and(|t| t.contains("client.conf") && t.contains("10.0.0.125"))
        });
        drop(h);

        // A restart with the same inputs: the file is current, no flag.
        let not_current = tr.tr_args("gui-file-not-current", &[("path", shown.clone())]);
        let mut h = started(&settings, lang);
        choose(&mut h, &tr, Format::ChronyClient);
        assert!(
            h.query_by_label(&not_current).is_none(),
            "{lang:?}: {:?}",
            shown_texts(&h)
        );
        // NTS ticked: the preview is no longer what the file holds.
        h.get_by_label(&tr.tr("gui-export-nts")).click();
        h.run();
        assert!(
            h.query_by_label(&not_current).is_some(),
            "{lang:?}: {:?}",
            shown_texts(&h)
        );
        drop(h);

        // The file changed on disk between runs: flagged at once.
        std::fs::write(&out, "edited by hand\n").unwrap();
        let mut h = started(&settings, lang);
        choose(&mut h, &tr, Format::ChronyClient);
        assert!(
            h.query_by_label(&not_current).is_some(),
            "{lang:?}: {:?}",
            shown_texts(&h)
        );
    }
}

#[test]
fn the_backup_tick_survives_a_restart_and_a_server_never_peers_with_itself() {
    for lang in Lang::ALL {
        let tr = Localizer::new(lang);
        let tmp = tempfile::tempdir().unwrap();
        let settings = tmp.path().join("settings.toml");
        let mut h = started(&settings, lang);
        choose(&mut h, &tr, Format::ChronyClient);
        servers(&mut h, "10.0.0.123");
        choose(&mut h, &tr, Format::ChronyServer);
        h.get_by_label(&tr.tr("gui-export-backup")).click();
        h.run();
        // Peer still empty: what is missing is said, nothing as if a pair
        // were configured on one side.
        let one_sided = tr.tr("gui-export-pair-one-sided");
        assert!(
            h.query_by_label(&one_sided).is_none(),
            "{lang:?}: {:?}",
            shown_texts(&h)
        );
        let offer = tr.tr_args("gui-export-peer-primary", &[("server", "10.0.0.123")]);
        h.get_by_role_and_label(Role::Button, &offer).click();
        h.run();
        assert!(preview(&h, &tr).contains("\npeer 10.0.0.123"), "{lang:?}");
        // The backup's file peers with this server, whose file has no peer:
        // the pair would be one-sided.
        assert!(
            h.query_by_label(&one_sided).is_some(),
            "{lang:?}: {:?}",
            shown_texts(&h)
        );
        wait_until(&mut h, Duration::from_secs(10), "settings written", &|_| {
            std::fs::read_to_string(&settings).is_ok_and(|t| t.contains("backup = true"))
        });
        drop(h);

        // A restart: still the backup's file, with the primary as its peer.
        let mut h = started(&settings, lang);
        choose(&mut h, &tr, Format::ChronyServer);
        assert!(h.state().panels.export.backup, "{lang:?}: the tick is lost");
        assert!(preview(&h, &tr).contains("\npeer 10.0.0.123"), "{lang:?}");
        // Unticked, the file is the primary's, 10.0.0.123: refused, said.
        h.get_by_label(&tr.tr("gui-export-backup")).click();
        h.run();
        let refused = tr.tr_args(
            "window-export-peer-is-this-server",
            &[("value", "10.0.0.123")],
        );
        assert!(
            h.query_by_label(&refused).is_some(),
            "{lang:?}: no refusal “{refused}”: {:?}",
            shown_texts(&h)
        );
        assert!(
            h.query_by_label(&tr.tr("gui-export-preview")).is_none(),
            "{lang:?}: a self-peering file is still offered"
        );
    }
}

#[test]
fn enter_in_the_path_field_saves() {
    for lang in Lang::ALL {
        let tr = Localizer::new(lang);
        let tmp = tempfile::tempdir().unwrap();
        let mut h = started(&tmp.path().join("settings.toml"), lang);
        let out = tmp.path().join("client.conf");
        choose(&mut h, &tr, Format::ChronyClient);
        servers(&mut h, "10.0.0.123");
        type_path(&mut h, &out.display().to_string());
        h.key_press(egui::Key::Enter);
        wait_until(&mut h, Duration::from_secs(10), "the file saved", &|_| {
            std::fs::read_to_string(&out).is_ok_and(|t| t.contains("server 10.0.0.123"))
        });
    }
}

/// The text with each run of `# ` comment lines joined into one line, its
/// spaces left out (a break in Chinese text has none), as a preview that
/// wrapped a long comment and the file it writes compare.
fn comments_joined(text: &str) -> String {
    let mut out: Vec<String> = Vec::new();
    let mut in_comment = false;
    for line in text.lines() {
        match (line.strip_prefix("# "), out.last_mut()) {
            (Some(rest), Some(last)) if in_comment => {
                last.push_str(&rest.replace(' ', ""));
            }
            (Some(_), _) => {
                out.push(line.replace(' ', ""));
                in_comment = true;
            }
            (None, _) => {
                out.push(line.to_string());
                in_comment = false;
            }
        }
    }
    out.join("\n")
}

/// Types `text` into the pair's other-server field (found by its label).
fn peer(h: &mut Harness<'static, App>, tr: &Localizer, text: &str) {
    let label = tr.tr("gui-peer");
    h.get_by_label(&label).focus();
    h.run();
    for _ in 0..h.state().panels.export.peer.chars().count() {
        h.key_press(egui::Key::Backspace);
    }
    h.run();
    h.get_by_label(&label).type_text(text);
    h.run();
}

/// W9's walk: the backup's file given the backup's own address as its
/// peer is refused with advice that fits the ticked box, an address that
/// is not the primary is said at once, and a firewall (no pair side) is
/// never blocked by the server tab's pair.
#[test]
fn the_pair_field_says_whose_address_and_a_firewall_is_never_blocked_by_it() {
    for lang in Lang::ALL {
        let tr = Localizer::new(lang);
        let tmp = tempfile::tempdir().unwrap();
        let mut h = started(&tmp.path().join("settings.toml"), lang);
        choose(&mut h, &tr, Format::ChronyClient);
        servers(&mut h, "10.0.0.123");
        choose(&mut h, &tr, Format::ChronyServer);
        h.get_by_label(&tr.tr("gui-export-backup")).click();
        h.run();
        // The field's label and hint say whose address goes there.
        let hint = h
            .get_by_label(&tr.tr("gui-peer"))
            .accesskit_node()
            .placeholder()
            .map(str::to_string);
        assert_eq!(
            hint,
            Some(tr.tr("gui-export-peer-hint-backup")),
            "{lang:?}: the field does not ask for the primary's address"
        );
        // The backup's address typed while only the primary is known:
        // said at once, beside a file still offered.
        peer(&mut h, &tr, "10.0.0.124");
        let not_primary = tr.tr_args(
            "gui-export-peer-not-primary",
            &[("primary", "10.0.0.123"), ("peer", "10.0.0.124")],
        );
        assert!(
            h.query_by_label(&not_primary).is_some(),
            "{lang:?}: {:?}",
            shown_texts(&h)
        );
        // Once the backup is in the lab servers, its self-peering file is
        // refused, and the advice does not ask for the tick it has.
        choose(&mut h, &tr, Format::ChronyClient);
        servers(&mut h, "10.0.0.123 10.0.0.124");
        choose(&mut h, &tr, Format::ChronyServer);
        let refused = tr.tr_args(
            "window-export-peer-is-the-backup",
            &[("value", "10.0.0.124")],
        );
        assert!(
            h.query_by_label(&refused).is_some(),
            "{lang:?}: {:?}",
            shown_texts(&h)
        );
        let tick_advice = tr.tr_args(
            "window-export-peer-is-this-server",
            &[("value", "10.0.0.124")],
        );
        assert!(h.query_by_label(&tick_advice).is_none(), "{lang:?}");
        assert!(h.query_by_label(&tr.tr("gui-export-preview")).is_none());
        // firewalld has no side of a pair: its file is offered.
        choose(&mut h, &tr, Format::Firewalld);
        assert!(
            h.query_by_label(&refused).is_none(),
            "{lang:?}: {:?}",
            shown_texts(&h)
        );
        // (The peer is inside the allowed 10.0.0.0/24: no rule of its own.)
        assert!(
            preview(&h, &tr).contains("firewall-cmd --permanent"),
            "{lang:?}: {}",
            preview(&h, &tr)
        );
        // Typed right, the backup's file peers with the primary.
        choose(&mut h, &tr, Format::ChronyServer);
        peer(&mut h, &tr, "10.0.0.123");
        assert!(h.query_by_label(&not_primary).is_none(), "{lang:?}");
        assert!(preview(&h, &tr).contains("\npeer 10.0.0.123"), "{lang:?}");
    }
}
