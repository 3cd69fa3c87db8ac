//! The chrony.conf the window writes speaks one language and keeps each
//! line with its own kind: a first run in a Chinese window starts the lab
//! with Chinese comments; the window switched to the other language then
//! writes the comments it adds in its new language and leaves the file's
//! own comments as they are; an upstream added
//! through Upstream servers and a subnet through Access land beside lines
//! of their own kind (or under a comment of their own), never under an
//! unrelated comment or one naming other values — on a lab the window
//! starts itself, every chrony release, both languages.

use egui::accesskit::Role;
use egui_kittest::kittest::Queryable;
use stratum::gui::app::{App, Panel};
use stratum::gui::backend::{Backend, Launch};
use stratum::gui::settings::Settings;
use stratum::i18n::{Lang, Localizer};

use super::common;
use super::trust::{click_add, open, releases_and_languages, type_subnet};

/// The comment line right above line `i` (skipping none).
fn above(lines: &[&str], needle: &str) -> String {
    let i = lines
        .iter()
        .position(|l| *l == needle)
        .unwrap_or_else(|| panic!("no “{needle}” in {lines:#?}"));
    lines[..i].last().copied().unwrap_or_default().to_string()
}

#[test]
fn a_lab_keeps_the_language_it_started_in_and_new_lines_join_their_kind() {
    for (release, lang) in releases_and_languages() {
        let what = format!("chrony {} ({lang:?})", release.label);
        let tr = Localizer::new(lang);
        let other = Lang::ALL.into_iter().find(|l| *l != lang).unwrap();
        let ui = Localizer::new(other);
        let tmp = tempfile::tempdir().unwrap();
        let settings = Settings {
            lang: Some(lang),
            ..Settings::default()
        };
        let app = App::headless(settings, Backend::offline(super::no_waker()));
        let mut h = super::window::harness(app);
        h.state_mut().backend = Backend::launch(
            Launch {
                chronyd: Some(release.chronyd.clone()),
                helper: Some(env!("CARGO_BIN_EXE_stratum-helper").into()),
                lab_dir: Some(tmp.path().to_path_buf()),
                ntp_port: Some(common::lab::free_udp_port()),
                lang: Some(lang),
                ..Launch::default()
            },
            super::no_waker(),
        );
        super::wait(&mut h, "the lab's configuration", &|a: &App| {
            a.state.may_change() && !a.state.config_path.is_empty()
        });
        // The file the helper wrote on its first run, comments in the
        // window's language.
        let on_disk = std::fs::read_to_string(&h.state().state.config_path).unwrap();
        for id in stratum::core::conf::LAB_COMMENTS {
            let line = format!("# {}", tr.tr(id));
            assert!(on_disk.contains(&line), "{what}: no “{line}” in\n{on_disk}");
        }
        assert_eq!(h.state().state.doc.render_lossy(), on_disk, "{what}");
        // The user switches the window to the other language: the
        // comments it adds now are in that language.
        h.state_mut().state.set_lang(other);
        h.run();
        // An upstream through Upstream servers.
        open(&mut h, &ui, "upstreams");
        h.run();
        h.state_mut().panels.upstreams.host = "ntp.aliyun.com".into();
        h.run();
        h.get_by_role_and_label(Role::Button, &ui.tr("gui-add"))
            .click();
        h.run();
        // Two subnets through Access.
        for net in ["10.0.0.0/24", "10.0.1.0/24"] {
            type_subnet(&mut h, &ui, net);
            click_add(&mut h, &ui);
            h.run();
        }
        assert_eq!(h.state().state.panel, Panel::Access);
        let text = h.state().state.doc.render_lossy();
        let lines: Vec<&str> = text.lines().collect();
        let server = lines
            .iter()
            .find(|l| l.contains("ntp.aliyun.com"))
            .copied()
            .unwrap_or_else(|| panic!("{what}: no upstream in\n{text}"));
        // The first upstream: under its own comment, in the window's
        // language at the time it was added, not the local line's.
        assert_eq!(
            above(&lines, server),
            format!("# {}", ui.tr("conf-comment-sources")),
            "{what}:\n{text}"
        );
        // Subnets follow the allow line already there, in order.
        assert_eq!(
            above(&lines, "allow 10.0.0.0/24"),
            "allow 127.0.0.0/8",
            "{what}:\n{text}"
        );
        assert_eq!(
            above(&lines, "allow 10.0.1.0/24"),
            "allow 10.0.0.0/24",
            "{what}:\n{text}"
        );
        // Nothing but its own comment or its kind above any new line.
        assert!(
            !above(&lines, server).contains(&tr.tr("lab-comment-local")),
            "{what}:\n{text}"
        );
        // The allow lines' comment names no address, so it stays true for
        // the subnets added under it.
        let allow_comment = lines[..lines
            .iter()
            .position(|l| *l == "allow 127.0.0.0/8")
            .unwrap()]
            .last()
            .copied()
            .unwrap_or_default();
        assert_eq!(
            allow_comment,
            format!("# {}", tr.tr("lab-comment-allow")),
            "{what}"
        );
        assert!(
            !allow_comment.contains("127.0.0.0"),
            "{what}: {allow_comment}"
        );
        // The comments the file had keep their language.
        for id in stratum::core::conf::LAB_COMMENTS {
            let line = format!("# {}", tr.tr(id));
            assert!(text.contains(&line), "{what}: “{line}” gone from\n{text}");
        }
        h.state_mut().backend.shutdown();
    }
}

/// The English starting file is the one the project documents
/// (DEFAULT_LAB_CONFIG), and every language's has the same directives.
#[test]
fn the_starting_configuration_differs_only_in_its_comments() {
    use stratum::core::conf::{DEFAULT_LAB_CONFIG, Document, lab_config};
    let en = Localizer::new(stratum::i18n::Lang::En);
    assert_eq!(lab_config(|id| en.tr(id)), DEFAULT_LAB_CONFIG);
    let directives = |t: &str| -> Vec<String> {
        Document::parse(t)
            .directives()
            .map(|(_, d)| d.render())
            .collect()
    };
    for lang in stratum::i18n::Lang::ALL {
        let tr = Localizer::new(lang);
        let text = lab_config(|id| tr.tr(id));
        assert_eq!(
            directives(&text),
            directives(DEFAULT_LAB_CONFIG),
            "{lang:?}"
        );
        assert!(text.contains(&format!("# {}", tr.tr("lab-comment-header"))));
    }
}
