//! Apply you can trust, driven through the window against a real lab
//! helper on every chrony release, the languages taking turns:
//! - an edit made on another panel while an Apply runs stays pending (in
//!   the diff and marked in the sidebar); what became applied is exactly
//!   what was sent; one Apply at a time from any panel; a new edit takes an
//!   old success message away;
//! - a chrony.conf with a Latin-1 comment, edited and applied from the
//!   window, keeps every byte.

use egui::accesskit::Role;
use egui_kittest::Harness;
use egui_kittest::kittest::{NodeT, Queryable};
use stratum::gui::app::{App, ApplyState};
use stratum::gui::backend::Backend;
use stratum::gui::settings::Settings;
use stratum::i18n::{Lang, Localizer};

use super::common;

pub fn window(helper: &common::helper::HelperProc, lang: Lang) -> Harness<'static, App> {
    let settings = Settings {
        lang: Some(lang),
        ..Settings::default()
    };
    let backend = Backend::start(Some(helper.socket.clone()), None, super::no_waker());
    let mut h = super::harness(App::headless(settings, backend));
    super::wait(&mut h, "the helper's configuration", &|a| {
        a.state.may_change() && !a.state.config_path.is_empty()
    });
    h
}

/// Opens a panel from the navigation (not the open panel's heading, which
/// has the same name).
pub fn open(h: &mut Harness<'static, App>, tr: &Localizer, panel: &str) {
    let name = tr.tr(&format!("gui-panel-{panel}"));
    h.query_all_by_label(&name)
        .find(|n| n.accesskit_node().role() != Role::Label)
        .unwrap_or_else(|| panic!("no “{name}” in the navigation"))
        .click();
    h.step();
}

/// Types a subnet into the Access panel's field (Add is left to the caller).
pub fn type_subnet(h: &mut Harness<'static, App>, tr: &Localizer, subnet: &str) {
    open(h, tr, "access");
    h.get_by_role(Role::TextInput).focus();
    h.step();
    h.get_by_role(Role::TextInput).type_text(subnet);
    h.step();
}

pub fn click_add(h: &mut Harness<'static, App>, tr: &Localizer) {
    h.get_by_role_and_label(Role::Button, &tr.tr("gui-add"))
        .click();
    h.step();
}

pub fn wait_applied(h: &mut Harness<'static, App>, what: &str) {
    super::wait(h, "the apply", &|a| {
        matches!(
            a.state.apply,
            ApplyState::Done { .. } | ApplyState::Failed { .. }
        )
    });
    assert!(
        matches!(h.state().state.apply, ApplyState::Done { .. }),
        "{what}: {:?}",
        h.state().state.apply
    );
}

/// Every release, the languages taking turns (both on a lone release).
pub fn releases_and_languages() -> Vec<(common::Release, Lang)> {
    let releases = common::releases();
    if let [only] = releases.as_slice() {
        return vec![(only.clone(), Lang::ZhCn), (only.clone(), Lang::En)];
    }
    releases
        .into_iter()
        .enumerate()
        .map(|(i, r)| (r, if i % 2 == 0 { Lang::ZhCn } else { Lang::En }))
        .collect()
}

/// Runs `run` for each (release, language) of [`releases_and_languages`],
/// each in its own thread at once (a lab's waits are waited once), and
/// fails as the first of them failed.
pub fn in_each_release_at_once(run: fn(common::Release, Lang)) {
    let runs: Vec<_> = releases_and_languages()
        .into_iter()
        .map(|(r, lang)| std::thread::spawn(move || run(r, lang)))
        .collect();
    for r in runs {
        if let Err(e) = r.join() {
            std::panic::resume_unwind(e);
        }
    }
}

pub fn helper_for(
    dir: &std::path::Path,
    release: &common::Release,
    config: &[u8],
) -> common::helper::HelperProc {
    let chronyd = release.chronyd.display().to_string();
    common::helper::HelperProc::start_lab_bytes(
        dir,
        config,
        common::lab::free_udp_port(),
        &["--chronyd", &chronyd],
    )
}

#[test]
fn an_edit_made_while_applying_stays_pending_and_the_sent_text_is_applied() {
    for (release, lang) in releases_and_languages() {
        let what = format!("chrony {} ({lang:?})", release.label);
        let tr = Localizer::new(lang);
        let tmp = tempfile::tempdir().unwrap();
        let helper = helper_for(
            tmp.path(),
            &release,
            b"local stratum 10 orphan\nallow 127.0.0.0/8\n",
        );
        let mut h = window(&helper, lang);
        // The subnet waits in the Access panel's field.
        type_subnet(&mut h, &tr, "10.1.0.0/16");
        // Guided setup's isolated lab: a change chronyd restarts for.
        open(&mut h, &tr, "setup");
        h.run();
        h.get_by_role_and_label(Role::Button, &tr.tr("gui-setup-apply"))
            .click();
        h.step();
        // The helper's answers wait until the edit is made, as they would
        // from a slower machine (a frame here can outlast a live apply).
        let answers =
            std::mem::replace(&mut h.state_mut().backend.rx, std::sync::mpsc::channel().1);
        h.step();
        let ApplyState::Running { sent, .. } = h.state().state.apply.clone() else {
            panic!("{what}: no apply running: {:?}", h.state().state.apply);
        };
        assert!(
            h.get_by_role_and_label(Role::Button, &tr.tr("gui-setup-apply"))
                .accesskit_node()
                .is_disabled(),
            "{what}: a second apply can be started from Guided setup"
        );
        // Meanwhile, on another panel: the subnet goes in.
        open(&mut h, &tr, "access");
        click_add(&mut h, &tr);
        assert!(h.state().state.applying());
        h.state_mut().backend.rx = answers;
        assert!(
            h.state()
                .state
                .doc
                .render_lossy()
                .contains("allow 10.1.0.0/16\n")
        );
        wait_applied(&mut h, &what);
        // What was sent is what the helper has, and what the window counts
        // as applied; the edit is not in it.
        let on_disk = std::fs::read(helper.data.join("chrony.conf")).unwrap();
        assert_eq!(on_disk, sent, "{what}: the file is not what was sent");
        assert_eq!(h.state().state.base, sent, "{what}");
        assert!(!String::from_utf8_lossy(&sent).contains("10.1.0.0/16"));
        // The edit is pending: marked in the sidebar, in the Apply diff.
        assert!(h.state().state.unapplied(), "{what}: the edit was lost");
        open(&mut h, &tr, "apply");
        super::wait(&mut h, "the lint", &|a| a.state.lint.diagnostics.is_some());
        h.run();
        assert!(
            h.query_by_label(&tr.tr("gui-unapplied")).is_some(),
            "{what}: the sidebar does not mark the unapplied change"
        );
        assert!(
            h.query_by_label("+ allow 10.1.0.0/16").is_some(),
            "{what}: the pending edit is not in the diff"
        );
        let ApplyState::Done { applied, .. } = h.state().state.apply.clone() else {
            unreachable!()
        };
        let success = tr.tr_args(
            applied.message_id(),
            &[("backup", applied.backup.clone().unwrap_or_default())],
        );
        assert!(
            h.query_by_label(&success).is_some(),
            "{what}: no “{success}”"
        );
        // A new edit: the old success is gone.
        type_subnet(&mut h, &tr, "10.2.0.0/16");
        click_add(&mut h, &tr);
        open(&mut h, &tr, "apply");
        super::wait(&mut h, "the lint", &|a| a.state.lint.diagnostics.is_some());
        h.run();
        assert!(
            h.query_by_label(&success).is_none(),
            "{what}: the old success stays after a new edit"
        );
        assert_eq!(h.state().state.apply, ApplyState::Idle);
        // Applying now takes both pending edits.
        h.get_by_role_and_label(Role::Button, &tr.tr("gui-apply-now"))
            .click();
        h.step();
        wait_applied(&mut h, &what);
        let on_disk =
            String::from_utf8(std::fs::read(helper.data.join("chrony.conf")).unwrap()).unwrap();
        assert!(
            on_disk.contains("allow 10.1.0.0/16\n") && on_disk.contains("allow 10.2.0.0/16\n"),
            "{what}: {on_disk}"
        );
        h.run();
        assert!(h.query_by_label(&tr.tr("gui-unapplied")).is_none());
        h.state_mut().backend.shutdown();
    }
}

#[test]
fn a_latin1_chrony_conf_keeps_every_byte_through_an_edit_and_apply() {
    let original: &[u8] =
        b"# R\xe9seau du labo \xab salle 2 \xbb (Latin-1)\nlocal stratum 10 orphan\nallow 127.0.0.0/8\n";
    for (release, lang) in releases_and_languages() {
        let what = format!("chrony {} ({lang:?})", release.label);
        let tr = Localizer::new(lang);
        let tmp = tempfile::tempdir().unwrap();
        let helper = helper_for(tmp.path(), &release, original);
        let mut h = window(&helper, lang);
        assert_eq!(
            h.state().state.base,
            original,
            "{what}: the window did not get the file's bytes"
        );
        type_subnet(&mut h, &tr, "10.3.0.0/16");
        click_add(&mut h, &tr);
        open(&mut h, &tr, "apply");
        super::wait(&mut h, "the lint", &|a| a.state.lint.diagnostics.is_some());
        h.run();
        h.get_by_role_and_label(Role::Button, &tr.tr("gui-apply-now"))
            .click();
        h.step();
        wait_applied(&mut h, &what);
        let on_disk = std::fs::read(helper.data.join("chrony.conf")).unwrap();
        // The new line and nothing else: every other byte as it was.
        let line = b"allow 10.3.0.0/16\n";
        let at = on_disk
            .windows(line.len())
            .position(|w| w == line)
            .unwrap_or_else(|| panic!("{what}: {}", String::from_utf8_lossy(&on_disk)));
        let mut without = on_disk.clone();
        without.drain(at..at + line.len());
        assert_eq!(
            without,
            original,
            "{what}: bytes changed: {:?}",
            String::from_utf8_lossy(&on_disk)
        );
        // And the window knows the file as it is now.
        assert_eq!(h.state().state.base, on_disk, "{what}");
        assert!(!h.state().state.unapplied());
        h.state_mut().backend.shutdown();
    }
}

/// One apply at a time: while one runs, every Apply button in the window
/// is off, and says why.
#[test]
fn while_an_apply_runs_no_panel_starts_another() {
    for lang in [Lang::En, Lang::ZhCn] {
        let tr = Localizer::new(lang);
        let mut h = super::offline_with(Settings {
            lang: Some(lang),
            panel: "apply".into(),
            ..Settings::default()
        });
        {
            let st = &mut h.state_mut().state;
            st.info = Some(super::status_bar::info());
            st.doc = stratum::core::conf::Document::parse("allow 10.0.0.0/8\n");
            assert!(st.start_apply(st.doc.render()));
            // A second one is refused, whoever asks.
            assert!(!st.start_apply(b"allow 10.9.0.0/16\n".to_vec()));
        }
        h.step();
        super::wait(&mut h, "the lint", &|a| a.state.lint.diagnostics.is_some());
        h.step();
        for (panel, button) in [("apply", "gui-apply-now"), ("setup", "gui-setup-apply")] {
            open(&mut h, &tr, panel);
            h.step();
            let label = tr.tr(button);
            let b = h.get_by_role_and_label(Role::Button, &label);
            assert!(
                b.accesskit_node().is_disabled(),
                "{lang:?}: {panel}'s Apply is on while an apply runs"
            );
        }
    }
}
