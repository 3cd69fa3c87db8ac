//! One rule for a pair: a primary made in Guided setup, its backup made by
//! Export, and a server paired on Peers / redundancy all carry the same
//! `local stratum N orphan` (chrony.conf(5), `local`, orphan), lint finds
//! nothing between them, and the window cites the rule, in both languages.

use egui::accesskit::Role;
use egui_kittest::kittest::{NodeT, Queryable};
use stratum::core::conf::Document;
use stratum::core::conf::lint::lint_peer_pair;
use stratum::core::export::Format;
use stratum::gui::app::Panel;
use stratum::i18n::Lang;

use super::window::{offline, show};

fn local_line(doc: &Document) -> String {
    doc.local().map(|(_, l)| l.render()).unwrap_or_default()
}

#[test]
fn a_pair_made_in_setup_peers_and_export_follows_one_rule() {
    for lang in Lang::ALL {
        let mut h = offline(lang);
        let t = |h: &egui_kittest::Harness<'static, stratum::gui::app::App>, id: &str| {
            h.state().state.t(id)
        };
        // Its upstream's name counts as resolving: no DNS query leaves the
        // machine.
        h.state_mut()
            .state
            .on_event(stratum::gui::backend::Event::Resolved(vec![(
                "ntp.example.org".into(),
                true,
            )]));
        // The primary, from Guided setup's pair role.
        show(&mut h, Panel::Setup);
        let role = t(&h, "gui-role-pair");
        h.get_by_label(&role).click();
        h.run_steps(2);
        {
            let input = &mut h.state_mut().panels.setup.input;
            input.upstreams = "ntp.example.org".into();
            input.subnets = "10.0.0.0/24".into();
            input.peer = "10.0.0.124".into();
        }
        h.run_steps(2);
        // The role's words cite the rule.
        let help = t(&h, "gui-role-pair-help");
        assert!(help.contains("chrony.conf(5)"), "{help}");
        let use_it = t(&h, "gui-setup-use");
        h.get_by_role_and_label(Role::Button, &use_it).click();
        h.run_steps(2);
        // The new lab's lines the role lacks go only when confirmed.
        let replace = t(&h, "gui-setup-replace");
        h.get_by_role_and_label(Role::Button, &replace).click();
        h.step();
        let primary = h.state().state.doc.clone();
        assert_eq!(local_line(&primary), "local stratum 10 orphan");

        // Its backup, from Export: chrony, this server, the backup of a pair.
        show(&mut h, Panel::Export);
        let title = t(&h, &Format::ChronyServer.title_id());
        h.get_by_label(&title).click();
        h.run_steps(2);
        let backup_box = t(&h, "gui-export-backup");
        h.get_by_label(&backup_box).click();
        h.run_steps(2);
        // W8: with Peer still empty, what is missing is said (the other
        // server's address), not that a pair is configured on one side.
        let one_sided = t(&h, "gui-export-pair-one-sided");
        assert!(h.query_by_label(&one_sided).is_none(), "{lang:?}");
        assert!(
            h.query_by_label(&t(&h, "export-backup-needs-peer"))
                .is_some(),
            "{lang:?}: {:?}",
            super::window::shown_texts(&h)
        );
        let peer = t(&h, "gui-peer");
        h.get_by_label(&peer).focus();
        h.run_steps(1);
        h.get_by_label(&peer).type_text("10.0.0.123");
        h.run_steps(2);
        let preview = t(&h, "gui-export-preview");
        let text = h
            .get_by_label(&preview)
            .accesskit_node()
            .value()
            .unwrap_or_default();
        let backup = Document::parse(&text);
        assert_eq!(local_line(&backup), "local stratum 10 orphan", "{text}");
        assert!(text.contains("peer 10.0.0.123"), "{text}");
        // Its header names it the backup server's file, brackets unnested.
        let header = text.lines().next().unwrap_or_default();
        assert!(
            header.contains(&t(&h, "format-chrony-server-backup")),
            "{header}"
        );
        let depth = |open: char, close: char| {
            header
                .chars()
                .fold((0i32, 0i32), |(d, max), c| {
                    let d = d + i32::from(c == open) - i32::from(c == close);
                    (d, max.max(d))
                })
                .1
        };
        assert!(
            depth('(', ')') < 2 && depth('（', '）') < 2,
            "nested brackets: {header}"
        );
        // The note beside it says the rule.
        let cite = h.query_all_by_label_contains("chrony.conf(5)").count();
        assert!(cite >= 1, "{lang:?}: Export does not cite the rule");

        // A server paired on Peers / redundancy, from an isolated lab.
        let mut h2 = offline(lang);
        h2.state_mut().state.doc =
            Document::parse("local stratum 10 orphan\nallow 10.0.0.0/24\nmakestep 1 3\n");
        show(&mut h2, Panel::Peers);
        let help = t(&h2, "gui-peers-help");
        assert!(help.contains("chrony.conf(5)"), "{help}");
        assert!(h2.query_by_label(&help).is_some());
        let partner = t(&h2, "gui-partner");
        h2.get_by_label(&partner).focus();
        h2.run_steps(1);
        h2.get_by_label(&partner).type_text("10.0.0.123");
        h2.run_steps(2);
        let set = t(&h2, "gui-set-pair");
        h2.get_by_role_and_label(Role::Button, &set).click();
        h2.run_steps(2);
        let paired = h2.state().state.doc.clone();
        assert_eq!(local_line(&paired), "local stratum 10 orphan");
        assert!(paired.render_lossy().contains("peer 10.0.0.123"));
        // It says it follows the rule now.
        let ok = h2.state().state.ta(
            "gui-pair-follows-rule",
            &[("line", "local stratum 10 orphan".into())],
        );
        assert!(h2.query_by_label(&ok).is_some(), "{ok}");

        // All three agree: lint finds nothing between any two of them.
        for (a, b) in [(&primary, &backup), (&primary, &paired), (&backup, &paired)] {
            assert_eq!(lint_peer_pair(a, b), None);
        }
        // The old advice (8 on the primary, 9 on the backup) is a finding.
        let nine =
            Document::parse(text.replace("local stratum 10 orphan", "local stratum 9 orphan"));
        assert!(lint_peer_pair(&primary, &nine).is_some());
    }
}

/// A server whose local line has another stratum keeps it: the pair takes
/// this server's line (with orphan), which its partner must then share.
#[test]
fn peers_keeps_the_servers_own_stratum_and_adds_orphan() {
    let mut h = offline(Lang::En);
    h.state_mut().state.doc = Document::parse("local stratum 12\nallow 10.0.0.0/24\n");
    show(&mut h, Panel::Peers);
    assert!(
        h.query_by_label_contains("“local stratum 12 orphan”, the same line as the partner’s")
            .is_some()
    );
    h.state_mut().panels.peers.partner = "10.0.0.2".into();
    h.run_steps(2);
    h.get_by_role_and_label(Role::Button, "Set up the pair")
        .click();
    h.run_steps(2);
    assert_eq!(local_line(&h.state().state.doc), "local stratum 12 orphan");
    // Without orphan, the panel says how to follow the rule.
    h.state_mut().state.doc = Document::parse("peer 10.0.0.2\nlocal stratum 12\n");
    h.run_steps(2);
    assert!(
        h.query_by_label_contains("no orphan local line: use “local stratum 12 orphan”")
            .is_some()
    );
}
