//! Saving from the window: each export format keeps its own path (a Huawei
//! snippet never lands on the chrony.conf saved a moment ago), and a path
//! that names an existing file asks before replacing it — Cancel leaves
//! the file as it was, Replace writes. Through the path field (the
//! desktop's Save dialog, where there is one, asks that itself and writes
//! at once), in both languages.

use egui::accesskit::Role;
use egui_kittest::Harness;
use egui_kittest::kittest::{NodeT, Queryable};
use stratum::core::export::Format;
use stratum::gui::app::App;
use stratum::gui::settings::Settings;
use stratum::gui::state::FileState;
use stratum::i18n::{Lang, Localizer};

/// Picks an export format by its name, as a person clicks it.
pub fn choose(h: &mut Harness<'static, App>, tr: &Localizer, f: Format) {
    h.get_by_label(&tr.tr(&f.title_id())).click();
    h.run();
    assert_eq!(h.state().panels.export.format, f);
}

/// The save row's path field: the last one-line field of the panel.
pub fn path_field<'a>(h: &'a Harness<'static, App>) -> egui_kittest::Node<'a> {
    h.query_all_by_role(Role::TextInput)
        .last()
        .expect("a path field")
}

/// The lab server's address field (the panel's first one-line field).
pub fn servers(h: &mut Harness<'static, App>, text: &str) {
    h.query_all_by_role(Role::TextInput).next().unwrap().focus();
    h.run();
    for _ in 0..h.state().panels.export.servers.chars().count() {
        h.key_press(egui::Key::Backspace);
    }
    h.run();
    if !text.is_empty() {
        h.query_all_by_role(Role::TextInput)
            .next()
            .unwrap()
            .type_text(text);
        h.run();
    }
    assert_eq!(h.state().panels.export.servers, text);
}

pub fn type_path(h: &mut Harness<'static, App>, path: &str) {
    path_field(h).focus();
    h.run();
    path_field(h).type_text(path);
    h.run();
}

pub fn save(h: &mut Harness<'static, App>, tr: &Localizer) {
    h.get_by_role_and_label(Role::Button, &tr.tr("gui-save-as"))
        .click();
    h.step();
    // The backend answers; the outcome shows under the row.
    super::wait(h, "the save", &|a| {
        a.state
            .files
            .last()
            .is_some_and(|(_, f)| !matches!(f, FileState::Writing(_)))
    });
    h.run();
}

#[test]
fn each_format_keeps_its_path_and_an_existing_file_is_replaced_only_when_asked() {
    for lang in [Lang::En, Lang::ZhCn] {
        let tr = Localizer::new(lang);
        let tmp = tempfile::tempdir().unwrap();
        let file = tmp.path().join("lab-export.txt");
        let shown = file.display().to_string();
        let mut h = super::offline_with(Settings {
            lang: Some(lang),
            panel: "export".into(),
            ..Settings::default()
        });
        choose(&mut h, &tr, Format::ChronyServer);
        type_path(&mut h, &shown);
        save(&mut h, &tr);
        let saved = tr.tr_args("gui-file-saved", &[("path", shown.clone())]);
        assert!(h.query_by_label(&saved).is_some(), "{lang:?}: no “{saved}”");
        let server_conf = std::fs::read(&file).unwrap();
        assert!(String::from_utf8_lossy(&server_conf).contains("local stratum"));

        // Another format: its own (empty) path, not the one just used.
        choose(&mut h, &tr, Format::HuaweiVrp);
        // The lab server's address, for the switch to point at.
        servers(&mut h, "10.0.0.123");
        assert_eq!(
            path_field(&h).accesskit_node().value().unwrap_or_default(),
            "",
            "{lang:?}: the chrony.conf path carried over to the Huawei snippet"
        );
        // The same path typed on purpose: asked first, nothing written.
        type_path(&mut h, &shown);
        save(&mut h, &tr);
        let ask = tr.tr_args("gui-file-exists", &[("path", shown.clone())]);
        assert!(h.query_by_label(&ask).is_some(), "{lang:?}: no “{ask}”");
        assert_eq!(std::fs::read(&file).unwrap(), server_conf);
        h.get_by_role_and_label(Role::Button, &tr.tr("gui-cancel"))
            .click();
        h.run();
        assert!(h.query_by_label(&ask).is_none());
        assert_eq!(std::fs::read(&file).unwrap(), server_conf, "{lang:?}");
        // Asked again, and replaced.
        save(&mut h, &tr);
        h.get_by_role_and_label(Role::Button, &tr.tr("gui-file-replace"))
            .click();
        h.step();
        super::wait(&mut h, "the replacement", &|a| {
            matches!(a.state.files.last(), Some((_, FileState::Written(_))))
        });
        h.run();
        assert!(h.query_by_label(&saved).is_some(), "{lang:?}: no “{saved}”");
        let snippet = String::from_utf8(std::fs::read(&file).unwrap()).unwrap();
        assert!(
            snippet.contains("ntp-service unicast-server 10.0.0.123"),
            "{lang:?}: {snippet}"
        );

        // Back to the server's format (which takes no server address): its
        // path is still there.
        servers(&mut h, "");
        choose(&mut h, &tr, Format::ChronyServer);
        assert_eq!(
            path_field(&h).accesskit_node().value().unwrap_or_default(),
            shown,
            "{lang:?}: the chrony-server path was forgotten"
        );
    }
}

/// Importing something that is not a file (a FIFO named by mistake) says
/// so at once, and the window's file work goes on.
#[test]
fn importing_a_fifo_is_refused_at_once_and_saves_still_work() {
    let tmp = tempfile::tempdir().unwrap();
    let fifo = tmp.path().join("not-a-file");
    let made = std::process::Command::new("mkfifo")
        .arg(&fifo)
        .status()
        .unwrap();
    assert!(made.success());
    let tr = Localizer::new(Lang::En);
    let mut h = super::offline_with(Settings {
        lang: Some(Lang::En),
        panel: "apply".into(),
        ..Settings::default()
    });
    h.step();
    super::wait(&mut h, "the lint", &|a| a.state.lint.diagnostics.is_some());
    h.run();
    type_path(&mut h, &fifo.display().to_string());
    h.get_by_role_and_label(Role::Button, &tr.tr("gui-import"))
        .click();
    h.step();
    super::wait(&mut h, "the import", &|a| {
        matches!(a.state.files.last(), Some((_, FileState::Failed(_))))
    });
    h.run();
    assert!(
        h.query_by_label_contains("not a regular file").is_some(),
        "no reason shown"
    );
    // The same thread saves: it was not left waiting on the FIFO.
    let file = tmp.path().join("saved.conf");
    path_field(&h).focus();
    h.run();
    for _ in 0..fifo.display().to_string().chars().count() {
        h.key_press(egui::Key::Backspace);
    }
    h.run();
    type_path(&mut h, &file.display().to_string());
    save(&mut h, &tr);
    assert_eq!(
        std::fs::read(&file).unwrap(),
        h.state().state.doc.render(),
        "the editor's text, byte for byte"
    );
}

/// What the system refuses is said in the window's language: a file that
/// is not there, a directory named instead of a file, a save into a
/// directory that does not exist — never the C library's English ("No such
/// file or directory (os error 2)").
#[test]
fn refused_files_are_said_in_the_windows_language() {
    use stratum::i18n::{OsError, OsErrorKind};
    for lang in Lang::ALL {
        let tr = Localizer::new(lang);
        let said = |kind| {
            tr.os_error(&OsError {
                kind,
                detail: String::new(),
            })
        };
        let tmp = tempfile::tempdir().unwrap();
        let mut h = super::offline_with(Settings {
            lang: Some(lang),
            panel: "apply".into(),
            ..Settings::default()
        });
        h.step();
        super::wait(&mut h, "the lint", &|a| a.state.lint.diagnostics.is_some());
        h.run();
        let missing = tmp.path().join("missing.conf").display().to_string();
        let dir = tmp.path().display().to_string();
        let cases = [
            (&missing, "cli-cannot-read", said(OsErrorKind::NotFound)),
            (&dir, "cli-cannot-read", said(OsErrorKind::NotRegular)),
        ];
        let mut typed = String::new();
        for (path, id, reason) in cases {
            clear_path(&mut h, &typed);
            type_path(&mut h, path);
            typed = path.clone();
            h.get_by_role_and_label(Role::Button, &tr.tr("gui-import"))
                .click();
            h.step();
            super::wait(&mut h, "the import", &|a| {
                matches!(a.state.files.last(), Some((_, FileState::Failed(_))))
            });
            h.run();
            let want = tr.tr_args(id, &[("path", path.as_str()), ("reason", &reason)]);
            assert!(h.query_by_label(&want).is_some(), "{lang:?}: no “{want}”");
            assert!(h.query_by_label_contains("os error").is_none(), "{lang:?}");
        }
        // A save into a directory that is not there.
        let nowhere = tmp.path().join("no/such/dir/x.conf").display().to_string();
        clear_path(&mut h, &typed);
        type_path(&mut h, &nowhere);
        save(&mut h, &tr);
        let want = tr.tr_args(
            "cli-cannot-write",
            &[
                ("path", nowhere.as_str()),
                ("reason", &said(OsErrorKind::NotFound)),
            ],
        );
        assert!(h.query_by_label(&want).is_some(), "{lang:?}: no “{want}”");
    }
}

/// Empties the path field of what was typed into it.
fn clear_path(h: &mut Harness<'static, App>, typed: &str) {
    path_field(h).focus();
    h.run();
    for _ in 0..typed.chars().count() {
        h.key_press(egui::Key::Backspace);
    }
    h.run();
}
