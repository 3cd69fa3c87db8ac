//! What a new user's walk of the window found missing, at 1024×700 in both
//! languages: Guided setup keeps its chosen role and fields across a
//! restart (settings.toml); Access's empty subnet field reads as an
//! example, not a value; Apply repeats that an upstream name does not
//! resolve on this machine.

use std::time::Duration;

use egui::accesskit::Role;
use egui_kittest::Harness;
use egui_kittest::kittest::{NodeT, Queryable};
use stratum::core::conf::Document;
use stratum::core::conf::roles;
use stratum::gui::app::{App, Panel};
use stratum::gui::backend::{Backend, Event};
use stratum::gui::settings::Settings;
use stratum::i18n::{Lang, Localizer};

use super::window::{harness, offline, show, shown_texts, wait_until};

/// The window as a start reads its settings from `file`.
fn started(file: &std::path::Path, lang: Lang) -> Harness<'static, App> {
    let mut s = Settings::load_from(file.to_path_buf());
    s.lang = Some(lang);
    let quiet: stratum::gui::backend::Waker = std::sync::Arc::new(|_| {});
    let mut h = harness(App::headless(s, Backend::offline(quiet)));
    let waker = stratum::gui::waker(h.ctx.clone(), None);
    h.state_mut().backend = Backend::offline(waker);
    h.run_ok();
    show(&mut h, Panel::Setup);
    h
}

fn field_value(h: &Harness<'static, App>, label: &str) -> String {
    h.get_by_role_and_label(Role::TextInput, label)
        .accesskit_node()
        .value()
        .unwrap_or_default()
        .to_string()
}

#[test]
fn guided_setup_keeps_its_role_and_fields_across_a_restart() {
    for lang in Lang::ALL {
        let tr = Localizer::new(lang);
        let tmp = tempfile::tempdir().unwrap();
        let settings = tmp.path().join("settings.toml");
        let mut h = started(&settings, lang);
        // The pair, chosen and filled in as a user does.
        h.get_by_label(&tr.tr(&format!("gui-role-{}", roles::Role::Pair.id())))
            .click();
        h.run();
        let peer = tr.tr("gui-setup-peer");
        h.get_by_role_and_label(Role::TextInput, &peer).focus();
        h.run_steps(1);
        h.get_by_role_and_label(Role::TextInput, &peer)
            .type_text("10.0.0.124");
        h.run();
        assert_eq!(field_value(&h, &peer), "10.0.0.124", "{lang:?}");
        wait_until(&mut h, Duration::from_secs(10), "settings written", &|_| {
            std::fs::read_to_string(&settings).is_ok_and(|t| t.contains("10.0.0.124"))
        });
        drop(h);

        // A restart: the pair is chosen, its peer filled in, its preview shown.
        let h = started(&settings, lang);
        assert_eq!(h.state().panels.setup.role, roles::Role::Pair, "{lang:?}");
        assert_eq!(field_value(&h, &peer), "10.0.0.124", "{lang:?}");
        assert!(
            shown_texts(&h)
                .iter()
                .any(|t| t.contains("peer 10.0.0.124")),
            "{lang:?}: {:?}",
            shown_texts(&h)
        );
    }
}

#[test]
fn a_first_run_that_only_looks_at_guided_setup_keeps_no_choice() {
    let tmp = tempfile::tempdir().unwrap();
    let settings = tmp.path().join("settings.toml");
    let mut h = started(&settings, Lang::En);
    h.run_steps(3);
    drop(h);
    // The settings may be written (language, panel), never a setup choice.
    let text = std::fs::read_to_string(&settings).unwrap_or_default();
    assert!(!text.contains("[setup"), "{text}");
}

#[test]
fn the_empty_subnet_field_reads_as_an_example() {
    for lang in Lang::ALL {
        let tr = Localizer::new(lang);
        let mut h = offline(lang);
        show(&mut h, Panel::Access);
        let name = tr.tr("gui-subnet");
        let field = h.get_by_role_and_label(Role::TextInput, &name);
        let hint = field
            .accesskit_node()
            .placeholder()
            .unwrap_or_default()
            .to_string();
        assert_eq!(hint, tr.tr("gui-subnet-hint"), "{lang:?}");
        // Said as an example, in the window's words, around a real subnet.
        assert_ne!(hint.trim(), "10.0.0.0/24", "{lang:?}");
        assert!(hint.contains("10.0.0.0/24"), "{lang:?}: {hint}");
        // Add stays off while the field is empty, as the example says.
        assert!(
            h.get_by_role_and_label(Role::Button, &tr.tr("gui-add"))
                .accesskit_node()
                .is_disabled(),
            "{lang:?}"
        );
    }
}

#[test]
fn apply_repeats_that_an_upstream_name_does_not_resolve_here() {
    for lang in Lang::ALL {
        let tr = Localizer::new(lang);
        let mut h = offline(lang);
        // As a lookup would answer, with no DNS query leaving the machine.
        h.state_mut().state.on_event(Event::Resolved(vec![
            ("ntp.example.org".into(), false),
            ("ntp.example.net".into(), true),
        ]));
        h.state_mut().state.doc = Document::parse(
            "server ntp.example.org iburst\nserver ntp.example.net iburst\nserver 10.0.0.1 iburst\nallow 10.0.0.0/24\n",
        );
        show(&mut h, Panel::Apply);
        let said = |name: &str| tr.tr_args("gui-name-unresolved-here", &[("name", name)]);
        assert!(
            h.query_by_label(&said("ntp.example.org")).is_some(),
            "{lang:?}: {:?}",
            shown_texts(&h)
        );
        assert!(
            h.query_by_label(&said("ntp.example.net")).is_none(),
            "{lang:?}"
        );
        assert!(h.query_by_label(&said("10.0.0.1")).is_none(), "{lang:?}");
        // Lint counts three upstreams and is content; one has no address
        // here, which leaves two for a vote that needs three.
        let few = tr.tr_args(
            "gui-few-sources-resolve",
            &[("usable", "2"), ("count", "3")],
        );
        assert!(
            h.query_by_label(&few).is_some(),
            "{lang:?}: {:?}",
            shown_texts(&h)
        );
        // Once the name resolves (the lab's DNS is fixed), it is not said.
        h.state_mut()
            .state
            .on_event(Event::Resolved(vec![("ntp.example.org".into(), true)]));
        h.run();
        assert!(h.query_by_label(&few).is_none(), "{lang:?}");
        assert!(
            h.query_by_label(&said("ntp.example.org")).is_none(),
            "{lang:?}"
        );
    }
}

/// W8: a name whose lookup had not answered was counted as resolving ("only
/// 1 of 4" while none did) and the count stayed. Until its answer comes a
/// name reads "checking" and no count is given; each answer, however late,
/// lands on its own name, and then the lines and the count agree.
#[test]
fn a_name_still_being_looked_up_is_checking_never_resolving() {
    let names = [
        "ntp.example.invalid",
        "ntp1.example.invalid",
        "time1.example.invalid",
        "time2.example.invalid",
    ];
    for lang in Lang::ALL {
        let tr = Localizer::new(lang);
        let mut h = offline(lang);
        // Asked already, no answer yet (as a slow resolver leaves them).
        for n in names {
            h.state_mut().state.resolving.insert(n.to_string());
        }
        let mut text = String::new();
        for n in names {
            text.push_str(&format!("server {n} iburst\n"));
        }
        text.push_str("allow 10.0.0.0/24\n");
        h.state_mut().state.doc = Document::parse(&text);
        show(&mut h, Panel::Apply);
        let said = |name: &str| tr.tr_args("gui-name-unresolved-here", &[("name", name)]);
        let checking = |name: &str| tr.tr_args("gui-name-checking-here", &[("name", name)]);
        let count = |usable: &str| {
            tr.tr_args(
                "gui-few-sources-resolve",
                &[("usable", usable), ("count", "4")],
            )
        };
        // Three answer; the fourth is slow.
        h.state_mut().state.on_event(Event::Resolved(
            names[..3].iter().map(|n| (n.to_string(), false)).collect(),
        ));
        h.run();
        for n in &names[..3] {
            assert!(h.query_by_label(&said(n)).is_some(), "{lang:?}: {n}");
        }
        assert!(
            h.query_by_label(&checking(names[3])).is_some(),
            "{lang:?}: {:?}",
            shown_texts(&h)
        );
        assert!(h.query_by_label(&said(names[3])).is_none(), "{lang:?}");
        // No count while one is unknown: never "only 1 of 4".
        for usable in ["0", "1"] {
            assert!(h.query_by_label(&count(usable)).is_none(), "{lang:?}");
        }
        // The late answer lands on its name: all four said, none resolves.
        h.state_mut()
            .state
            .on_event(Event::Resolved(vec![(names[3].to_string(), false)]));
        h.run();
        assert!(h.query_by_label(&said(names[3])).is_some(), "{lang:?}");
        assert!(h.query_by_label(&checking(names[3])).is_none(), "{lang:?}");
        let none = count("0");
        assert!(
            h.query_by_label(&none).is_some(),
            "{lang:?}: {:?}",
            shown_texts(&h)
        );
        if lang == Lang::En {
            assert!(none.starts_with("None of the 4"), "{none}");
        }
        assert!(h.query_by_label(&count("1")).is_none(), "{lang:?}");
    }
}

/// Types `text` into the field labelled `label` (replacing nothing: the
/// field starts empty or the text is appended).
fn type_into(h: &mut Harness<'static, App>, label: &str, text: &str) {
    h.get_by_role_and_label(Role::TextInput, label).focus();
    h.run_steps(1);
    h.get_by_role_and_label(Role::TextInput, label)
        .type_text(text);
    h.run();
}

fn pick(h: &mut Harness<'static, App>, tr: &Localizer, role: roles::Role) {
    h.get_by_label(&tr.tr(&format!("gui-role-{}", role.id())))
        .click();
    h.run();
}

#[test]
fn each_guided_role_writes_only_its_own_fields_and_the_confirm_names_what_it_adds() {
    for lang in Lang::ALL {
        let tr = Localizer::new(lang);
        let mut h = offline(lang);
        show(&mut h, Panel::Setup);
        // The pair's tab filled in first, as the walk did (lab note 004).
        pick(&mut h, &tr, roles::Role::Pair);
        type_into(&mut h, &tr.tr("gui-setup-upstreams"), "ntp.aliyun.com");
        type_into(&mut h, &tr.tr("gui-setup-peer"), "10.0.0.124");
        assert!(
            shown_texts(&h)
                .iter()
                .any(|t| t.contains("peer 10.0.0.124")),
            "{lang:?}: the pair's own file has its peer"
        );
        // The isolated server: its file has no upstream and no peer.
        pick(&mut h, &tr, roles::Role::Isolated);
        let texts = shown_texts(&h);
        let preview = texts
            .iter()
            .find(|t| t.contains("allow 127.0.0.0/8"))
            .unwrap_or_else(|| panic!("{lang:?}: no preview in {texts:?}"));
        assert!(
            !preview.contains("peer ") && !preview.contains("aliyun"),
            "{lang:?}: the isolated file names what its tab never asked: {preview}"
        );
        // The server with upstreams: its upstream, no peer.
        pick(&mut h, &tr, roles::Role::Upstreams);
        let texts = shown_texts(&h);
        let preview = texts
            .iter()
            .find(|t| t.contains("server ntp.aliyun.com iburst"))
            .unwrap_or_else(|| panic!("{lang:?}: no upstream in {texts:?}"));
        assert!(!preview.contains("peer "), "{lang:?}: {preview}");

        // A configuration with a line the setup lacks: the tab says it
        // before any button, and the confirm lists what is added too.
        h.state_mut().state.doc =
            Document::parse("server time1.cloud.tencent.com iburst\nallow 127.0.0.0/8\n");
        h.run();
        let would = tr.tr_args(
            "gui-setup-would-drop",
            &[
                ("count", "1"),
                ("lines", "server time1.cloud.tencent.com iburst"),
            ],
        );
        assert!(
            h.query_by_label(&would).is_some(),
            "{lang:?}: the tab does not say “{would}”: {:?}",
            shown_texts(&h)
        );
        h.get_by_role_and_label(Role::Button, &tr.tr("gui-setup-use"))
            .click();
        h.run();
        let drops = tr.tr_args("gui-setup-drops", &[("count", "1")]);
        assert!(h.query_by_label(&drops).is_some(), "{lang:?}: no question");
        let adds = tr.tr_args("gui-setup-adds", &[("count", "1")]);
        let adds_more = shown_texts(&h)
            .iter()
            .any(|t| t.starts_with("+ server ntp.aliyun.com iburst"));
        assert!(
            adds_more,
            "{lang:?}: the confirm does not list the upstream it adds ({adds}): {:?}",
            shown_texts(&h)
        );
        // Esc cancels the destructive question: nothing replaced.
        h.key_press(egui::Key::Escape);
        h.run();
        assert!(h.query_by_label(&drops).is_none(), "{lang:?}: Esc kept it");
        assert_eq!(h.state().state.panel, Panel::Setup, "{lang:?}");
        assert!(
            String::from_utf8_lossy(&h.state().state.doc.render())
                .contains("time1.cloud.tencent.com"),
            "{lang:?}: Esc replaced the configuration"
        );
    }
}

/// W8 finding 5: note 001's one `pool ntp1.aliyun.com iburst` line is said
/// as one configured line that stands for up to maxsources (4) servers,
/// not "4 upstream sources"; Apply's count includes the warnings it shows
/// under it (not "0 warnings" above orange lines).
#[test]
fn one_pool_line_is_counted_as_a_line_and_apply_counts_what_it_shows() {
    for lang in Lang::ALL {
        let tr = Localizer::new(lang);
        let mut h = offline(lang);
        h.state_mut()
            .state
            .on_event(Event::Resolved(vec![("ntp1.aliyun.com".into(), false)]));
        h.state_mut().state.doc =
            Document::parse("pool ntp1.aliyun.com iburst\nallow 10.0.0.0/24\n");
        show(&mut h, Panel::Upstreams);
        let few = tr.tr_args(
            "gui-few-sources-resolve-pool",
            &[("usable", "0"), ("count", "4"), ("lines", "1")],
        );
        assert!(
            h.query_by_label(&few).is_some(),
            "{lang:?}: {:?}",
            shown_texts(&h)
        );
        show(&mut h, Panel::Apply);
        h.run();
        let st = &h.state().state;
        let diags = st.lint.diagnostics.clone().unwrap();
        let count = |s: stratum::core::conf::lint::Severity| {
            diags.iter().filter(|d| d.severity == s).count()
        };
        use stratum::core::conf::lint::Severity as S;
        // The name that does not resolve here and the pool's few servers.
        let summary = tr.tr_args(
            "cli-lint-summary",
            &[
                ("errors", count(S::Error).to_string()),
                ("warnings", (count(S::Warning) + 2).to_string()),
                ("hints", count(S::Hint).to_string()),
                ("version", st.chrony_version().to_string()),
            ],
        );
        assert!(
            h.query_by_label(&summary).is_some(),
            "{lang:?}: no {summary:?} in {:?}",
            shown_texts(&h)
        );
        assert!(h.query_by_label(&few).is_some(), "{lang:?}");
    }
}
