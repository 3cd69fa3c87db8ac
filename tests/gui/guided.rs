//! Guided setup after the panels: a configuration made through Access and
//! applied is not shown as if the setup's preview had been applied, and
//! the setup replaces it only after saying which lines it would drop — on
//! a real lab helper of every chrony release, the languages taking turns.

use egui::accesskit::Role;
use egui_kittest::kittest::Queryable;
use stratum::gui::app::{ApplyState, Panel};
use stratum::i18n::Localizer;

use super::trust::{
    click_add, helper_for, open, releases_and_languages, type_subnet, wait_applied, window,
};

#[test]
fn guided_setup_asks_before_dropping_what_the_panels_configured() {
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
        let conf = helper.data.join("chrony.conf");
        // Clients' subnet through Access, applied from Apply.
        type_subnet(&mut h, &tr, "10.0.0.0/24");
        click_add(&mut h, &tr);
        open(&mut h, &tr, "apply");
        super::wait(&mut h, "the lint", &|a| a.state.lint.diagnostics.is_some());
        h.run();
        h.get_by_role_and_label(Role::Button, &tr.tr("gui-apply-now"))
            .click();
        h.step();
        wait_applied(&mut h, &what);
        h.run();
        let ApplyState::Done { applied, .. } = h.state().state.apply.clone() else {
            unreachable!()
        };
        let success = tr.tr_args(
            applied.message_id(),
            &[("backup", applied.backup.clone().unwrap_or_default())],
        );
        assert!(
            h.query_by_label(&success).is_some(),
            "{what}: Apply shows its outcome"
        );
        // Guided setup's preview was not what was applied: no success there.
        open(&mut h, &tr, "setup");
        h.run();
        assert_eq!(h.state().state.panel, Panel::Setup);
        assert!(
            h.query_by_label(&success).is_none(),
            "{what}: Guided setup shows Apply's “{success}” under its own preview"
        );
        // Applying the preset would drop the subnet: asked first, nothing sent.
        h.get_by_role_and_label(Role::Button, &tr.tr("gui-setup-apply"))
            .click();
        h.run();
        assert!(
            matches!(h.state().state.apply, ApplyState::Done { .. }),
            "{what}: applied without asking"
        );
        let question = tr.tr_args("gui-setup-drops", &[("count", "1")]);
        assert!(h.query_by_label(&question).is_some(), "{what}: no question");
        assert!(
            h.query_by_label("allow 10.0.0.0/24").is_some(),
            "{what}: the line is not named"
        );
        h.get_by_role_and_label(Role::Button, &tr.tr("gui-cancel"))
            .click();
        h.run();
        assert!(h.query_by_label(&question).is_none());
        assert!(
            std::fs::read_to_string(&conf)
                .unwrap()
                .contains("allow 10.0.0.0/24")
        );
        // Asked again and confirmed: the setup is applied, and its outcome
        // shows here.
        h.get_by_role_and_label(Role::Button, &tr.tr("gui-setup-apply"))
            .click();
        h.run();
        h.get_by_role_and_label(Role::Button, &tr.tr("gui-setup-replace"))
            .click();
        h.step();
        wait_applied(&mut h, &what);
        h.run();
        assert!(
            !std::fs::read_to_string(&conf)
                .unwrap()
                .contains("allow 10.0.0.0/24"),
            "{what}"
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
            "{what}: the setup's own apply has no outcome"
        );
        // W8: the inputs changed, the preview is a file never applied:
        // "applied" is not said under it.
        let subnets = tr.tr("gui-setup-subnets");
        h.get_by_role_and_label(Role::TextInput, &subnets).focus();
        h.run_steps(1);
        h.get_by_role_and_label(Role::TextInput, &subnets)
            .type_text(" 10.0.1.0/24");
        h.run();
        assert!(
            h.query_by_label("allow 10.0.1.0/24").is_some()
                || super::window::shown_texts(&h)
                    .iter()
                    .any(|t| t.contains("allow 10.0.1.0/24")),
            "{what}: the preview did not change"
        );
        assert!(
            h.query_by_label(&success).is_none(),
            "{what}: “{success}” stays under a preview never applied"
        );
        h.state_mut().backend.shutdown();
    }
}

/// W9: applying a setup that only adds a source (a peer on another
/// machine) to the running chronyd asks first, naming the line; Esc
/// cancels with the file unchanged, Replace applies it.
#[test]
fn guided_apply_asks_before_giving_chronyd_a_new_source() {
    use stratum::core::conf::roles::{Role as SetupRole, RoleInput, render};
    for (release, lang) in releases_and_languages() {
        let what = format!("chrony {} ({lang:?})", release.label);
        let tr = Localizer::new(lang);
        let tmp = tempfile::tempdir().unwrap();
        let input = RoleInput {
            upstreams: "127.0.0.1".into(),
            subnets: "127.0.0.0/8".into(),
            peer: "127.0.0.2".into(),
            ..RoleInput::default()
        };
        let pair = render(SetupRole::Pair, &input).unwrap();
        // The running configuration: the pair's file without its peer.
        let before: String = pair
            .lines()
            .filter(|l| !l.starts_with("peer "))
            .map(|l| format!("{l}\n"))
            .collect();
        assert_ne!(before.lines().count(), pair.lines().count());
        let helper = helper_for(tmp.path(), &release, before.as_bytes());
        let mut h = window(&helper, lang);
        let conf = helper.data.join("chrony.conf");
        open(&mut h, &tr, "setup");
        h.get_by_label(&tr.tr("gui-role-pair")).click();
        h.run();
        h.state_mut().panels.setup.input = input.clone();
        h.run();
        h.get_by_role_and_label(Role::Button, &tr.tr("gui-setup-apply"))
            .click();
        h.run();
        let question = tr.tr_args("gui-setup-new-sources", &[("count", "1")]);
        assert!(
            h.query_by_label(&question).is_some(),
            "{what}: applied without asking: {:?}",
            super::window::shown_texts(&h)
        );
        assert!(
            h.query_by_label("+ peer 127.0.0.2").is_some(),
            "{what}: the new source is not named"
        );
        assert!(!matches!(
            h.state().state.apply,
            ApplyState::Done { .. } | ApplyState::Running { .. }
        ));
        h.key_press(egui::Key::Escape);
        h.run();
        assert!(h.query_by_label(&question).is_none(), "{what}: Esc kept it");
        assert!(
            !std::fs::read_to_string(&conf)
                .unwrap()
                .contains("peer 127.0.0.2"),
            "{what}: cancelled, yet applied"
        );
        // Asked again and confirmed: the peer is in the running file.
        h.get_by_role_and_label(Role::Button, &tr.tr("gui-setup-apply"))
            .click();
        h.run();
        h.get_by_role_and_label(Role::Button, &tr.tr("gui-setup-replace"))
            .click();
        h.step();
        wait_applied(&mut h, &what);
        h.run();
        assert!(
            std::fs::read_to_string(&conf)
                .unwrap()
                .contains("peer 127.0.0.2"),
            "{what}"
        );
    }
}

/// W9: at 1024×700 the upstream field shows four names whole, not
/// "…time2.c".
#[test]
fn at_1024x700_the_upstream_field_shows_four_names() {
    for lang in stratum::i18n::Lang::ALL {
        let tr = Localizer::new(lang);
        let mut h = super::window::offline(lang);
        super::window::show(&mut h, Panel::Setup);
        h.get_by_label(&tr.tr("gui-role-upstreams")).click();
        h.run();
        let names =
            "ntp.aliyun.com time1.cloud.tencent.com time2.cloud.tencent.com ntp1.aliyun.com";
        h.state_mut().panels.setup.input.upstreams = names.into();
        h.run();
        let label = tr.tr("gui-setup-upstreams");
        let width = h
            .get_by_role_and_label(Role::TextInput, &label)
            .rect()
            .width();
        let font = egui::TextStyle::Body.resolve(&h.ctx.style());
        let text = h.ctx.fonts(|f| {
            f.layout_no_wrap(names.into(), font, egui::Color32::WHITE)
                .size()
                .x
        });
        assert!(
            width > text,
            "{lang:?}: the field is {width} px wide, the names {text} px"
        );
    }
}
