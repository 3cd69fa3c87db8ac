//! The window's layout as a new user reads it at 1024×700, in both
//! languages: the status bar's alarms (how many, each once on hover, a
//! click to where they are explained), the guide beside the panel (never
//! over its controls), a navigation that fits its words after a switch of
//! language, and the unapplied-changes mark that moves nothing.

use egui::accesskit::Role;
use egui_kittest::Harness;
use egui_kittest::kittest::{By, NodeT, Queryable};
use stratum::core::alarm::{Alarm, AlarmKind, Health, HealthState};
use stratum::gui::app::{App, Panel};
use stratum::gui::backend::Event;
use stratum::i18n::{Lang, Localizer};

use super::status_bar::{info, status_labels};
use super::window::{SIZE, offline, show, shown_texts};

/// A lab serving its own clock whose four upstream names do not resolve:
/// the verdict's five alarms, the worst first.
fn own_clock_and_no_dns(h: &mut Harness<'static, App>) -> Vec<Alarm> {
    let now = stratum::sys::now();
    let mut alarms = vec![Alarm {
        kind: AlarmKind::OwnClock,
        what: "10".into(),
    }];
    for name in [
        "ntp.aliyun.com",
        "ntp1.aliyun.com",
        "cn.pool.ntp.org",
        "time1.cloud.tencent.com",
    ] {
        alarms.push(Alarm {
            kind: AlarmKind::SourceUnresolved,
            what: name.into(),
        });
    }
    let st = &mut h.state_mut().state;
    st.on_event(Event::Connected {
        info: info(),
        started_lab: true,
        server: "/home/admin/.local/share/stratum/run/helper.sock".into(),
    });
    st.on_event(Event::Snapshot(Box::new(stratum::ipc::Snapshot {
        time: now,
        tracking: Some(super::tracking(now)),
        health: Health {
            state: HealthState::Warning,
            alarms: alarms.clone(),
        },
        ..Default::default()
    })));
    alarms
}

#[test]
fn the_status_bar_says_how_many_alarms_lists_each_once_and_opens_their_panel() {
    for lang in Lang::ALL {
        let mut h = offline(lang);
        h.ctx.style_mut(|s| s.interaction.tooltip_delay = 0.0);
        show(&mut h, Panel::Export);
        let alarms = own_clock_and_no_dns(&mut h);
        h.run();
        let tr = Localizer::new(lang);
        let count = match lang {
            Lang::En => "5 alarms",
            Lang::ZhCn => "5 条告警",
        };
        let labels = status_labels(&h);
        let (text, rect) = labels
            .iter()
            .find(|(t, _)| t.contains(&tr.alarm_text(&alarms[0])[..12]) || t.starts_with(count))
            .cloned()
            .unwrap_or_else(|| panic!("{lang:?}: no alarm in {labels:?}"));
        // The count leads, and its words are inside the window even where
        // the rest is cut short.
        assert!(text.starts_with(count), "{lang:?}: “{text}”");
        // After the count, what the admin can fix (the first name that does
        // not resolve), not the lab's own clock that follows from it.
        assert!(
            text.contains("ntp.aliyun.com"),
            "{lang:?}: the line leads with “{text}”"
        );
        let shown = h.ctx.fonts(|f| {
            f.layout_no_wrap(
                count.into(),
                egui::FontId::proportional(14.0),
                egui::Color32::WHITE,
            )
            .size()
            .x
        });
        assert!(
            rect.max.x <= SIZE.x + 0.5 && rect.width() >= shown,
            "{lang:?}: the count is cut off: {rect:?}"
        );
        // On hover: one tooltip, with every alarm in it.
        h.get_by_label(&text).hover();
        h.run_steps(3);
        let height = SIZE.y;
        let tips: Vec<String> = h
            .query_all(By::new().predicate(|n| n.role() == Role::Label))
            .filter(|n| n.rect().center().y <= height - 32.0)
            .filter_map(|n| n.accesskit_node().value())
            .filter(|t| t.contains("ntp.aliyun.com"))
            .collect();
        assert_eq!(tips.len(), 1, "{lang:?}: tooltips {tips:?}");
        for a in &alarms {
            assert!(
                tips[0].contains(&tr.alarm_text(a)),
                "{lang:?}: {a:?} not in {tips:?}"
            );
        }
        // A click opens the panel that explains them.
        h.get_by_label(&text).click();
        h.run_steps(2);
        assert_eq!(h.state().state.panel, Panel::Overview, "{lang:?}");
    }
}

/// The controls a user clicks or types in.
fn controls(h: &Harness<'static, App>) -> Vec<(String, egui::Rect)> {
    h.query_all(By::new().predicate(|n| {
        matches!(
            n.role(),
            Role::Button
                | Role::CheckBox
                | Role::RadioButton
                | Role::ComboBox
                | Role::TextInput
                | Role::MultilineTextInput
                | Role::Slider
                | Role::SpinButton
        )
    }))
    .map(|n| {
        let a = n.accesskit_node();
        (a.label().unwrap_or_default().to_string(), n.rect())
    })
    .collect()
}

#[test]
fn the_guide_sits_beside_the_panel_follows_it_and_closes_with_esc() {
    for lang in Lang::ALL {
        let mut h = offline(lang);
        let tr = Localizer::new(lang);
        show(&mut h, Panel::Overview);
        h.key_press(egui::Key::F1);
        h.run_steps(2);
        for panel in [
            Panel::Overview,
            Panel::Sources,
            Panel::Roster,
            Panel::Export,
        ] {
            show(&mut h, panel);
            let name = tr.tr(&format!("gui-panel-{}", panel.key()));
            let title = tr.tr_args("gui-help-title", &[("panel", name.as_str())]);
            let heading = h
                .query_by_label(&title)
                .unwrap_or_else(|| panic!("{lang:?} {panel:?}: no guide: {:?}", shown_texts(&h)))
                .rect();
            // The guide's own words are this panel's.
            let first = tr.tr(&format!("help-{}", panel.key()));
            let para = first.split("\n\n").next().unwrap().trim().to_string();
            assert!(h.query_by_label(&para).is_some(), "{lang:?} {panel:?}");
            // No two controls of the panel lie on each other (Export's
            // format buttons wrap in the narrower panel).
            let all = controls(&h);
            for (i, (la, a)) in all.iter().enumerate() {
                for (lb, b) in &all[i + 1..] {
                    let both = a.intersect(*b);
                    assert!(
                        both.width() <= 1.0 || both.height() <= 1.0,
                        "{lang:?} {panel:?}: “{la}” {a:?} lies on “{lb}” {b:?}"
                    );
                }
            }
            // No control of the panel lies under the guide.
            let close = tr.tr("gui-close");
            for (label, r) in controls(&h) {
                if label == close {
                    continue;
                }
                assert!(
                    r.max.x <= heading.min.x,
                    "{lang:?} {panel:?}: “{label}” {r:?} is under the guide (from x = {})",
                    heading.min.x
                );
            }
        }
        // Esc closes it.
        h.key_press(egui::Key::Escape);
        h.run_steps(2);
        let title = tr.tr_args(
            "gui-help-title",
            &[("panel", tr.tr("gui-panel-export").as_str())],
        );
        assert!(
            h.query_by_label(&title).is_none(),
            "{lang:?}: Esc left it open"
        );
    }
}

/// Every navigation entry: its label and where it is.
fn nav_items(h: &Harness<'static, App>, tr: &Localizer) -> Vec<(String, egui::Rect)> {
    Panel::ALL
        .iter()
        .map(|p| {
            let label = tr.tr(&format!("gui-panel-{}", p.key()));
            let r = h
                .query_all_by_label(&label)
                .map(|n| n.rect())
                .min_by(|a, b| a.min.x.total_cmp(&b.min.x))
                .unwrap_or_else(|| panic!("no “{label}” in the navigation"));
            (label, r)
        })
        .collect()
}

#[test]
fn after_a_switch_of_language_no_navigation_entry_wraps() {
    for (from, to) in [(Lang::ZhCn, Lang::En), (Lang::En, Lang::ZhCn)] {
        let mut h = offline(from);
        show(&mut h, Panel::Overview);
        h.state_mut().state.set_lang(to);
        h.run_steps(4);
        let tr = Localizer::new(to);
        let line = h.ctx.style().spacing.interact_size.y + 2.0;
        let switched = nav_items(&h, &tr);
        for (label, r) in &switched {
            assert!(
                r.height() <= line,
                "{from:?}→{to:?}: “{label}” wraps ({} px high)",
                r.height()
            );
        }
        // Where a window started in that language has them.
        let fresh = offline(to);
        for ((label, a), (_, b)) in switched.iter().zip(nav_items(&fresh, &tr)) {
            assert!(
                (a.min.y - b.min.y).abs() < 1.0,
                "{from:?}→{to:?}: “{label}” moved from y = {} to {}",
                b.min.y,
                a.min.y
            );
        }
    }
}

#[test]
fn the_unapplied_mark_is_readable_and_moves_nothing() {
    for lang in Lang::ALL {
        let mut h = offline(lang);
        show(&mut h, Panel::Upstreams);
        let tr = Localizer::new(lang);
        let mark = tr.tr("gui-unapplied");
        // Where the panel beside the navigation starts: its text field.
        let field_x = |h: &Harness<'static, App>| {
            h.query_all_by_role(Role::TextInput)
                .map(|n| n.rect().min.x)
                .fold(f32::INFINITY, f32::min)
        };
        let st = &mut h.state_mut().state;
        st.base = st.doc.render();
        h.run_steps(2);
        assert!(h.query_by_label(&mark).is_none(), "{lang:?}");
        let before = nav_items(&h, &tr);
        let x_before = field_x(&h);
        assert!(
            x_before.is_finite(),
            "{lang:?}: no field on Upstream servers"
        );
        // An edit the helper does not have yet.
        h.state_mut()
            .state
            .base
            .extend_from_slice(b"# applied earlier\n");
        h.run_steps(2);
        let node = h
            .query_by_label(&mark)
            .unwrap_or_else(|| panic!("{lang:?}: no mark: {:?}", shown_texts(&h)));
        // Words only, no glyph a font may lack, at the size of the
        // entries around it.
        assert!(
            mark.chars()
                .all(|c| c.is_alphanumeric() || c.is_whitespace()),
            "{mark}"
        );
        let apply = tr.tr("gui-panel-apply");
        let entry = before.iter().find(|(l, _)| *l == apply).unwrap().1;
        assert!(
            node.rect().height() >= entry.height() - 6.0,
            "{lang:?}: the mark is small ({:?} beside {entry:?})",
            node.rect()
        );
        for ((label, a), (_, b)) in before.iter().zip(nav_items(&h, &tr)) {
            assert!(
                (a.min.y - b.min.y).abs() < 0.5,
                "{lang:?}: “{label}” moved from y = {} to {}",
                a.min.y,
                b.min.y
            );
        }
        // The panel beside does not move either (the navigation kept the
        // mark's width).
        assert!(
            (field_x(&h) - x_before).abs() < 0.5,
            "{lang:?}: the panel moved from x = {x_before} to {}",
            field_x(&h)
        );
        // It leads to Apply.
        h.get_by_label(&mark).click();
        h.run_steps(2);
        assert_eq!(h.state().state.panel, Panel::Apply);
    }
}

/// Cells of a pasted table that are one token (an address, a name, a
/// number with its unit): none is broken over two lines, in either
/// language, with room to spare at 1024×700.
#[test]
fn table_cells_never_wrap_inside_an_address_or_number() {
    let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/data/explain");
    for lang in Lang::ALL {
        for file in ["chronyc-sources-seed004.txt", "ntpq-peers-seed003.txt"] {
            let mut h = offline(lang);
            show(&mut h, Panel::Explain);
            let text = std::fs::read_to_string(root.join(file)).unwrap();
            h.state_mut().panels.explain.set_input(text);
            h.run_steps(4);
            let line = h.ctx.style().spacing.interact_size.y + 2.0;
            let tokens: Vec<(String, egui::Rect)> = h
                .query_all(By::new().predicate(|n| n.role() == Role::Label))
                .filter_map(|n| {
                    let t = n.accesskit_node().value()?.to_string();
                    let token = !t.contains(char::is_whitespace)
                        && t.chars().any(|c| c.is_ascii_digit())
                        && t.len() >= 6;
                    token.then(|| (t, n.rect()))
                })
                .collect();
            assert!(tokens.len() >= 3, "{lang:?} {file}: {tokens:?}");
            for (t, r) in &tokens {
                assert!(
                    r.height() <= line,
                    "{lang:?} {file}: “{t}” is broken over lines ({} px high)",
                    r.height()
                );
            }
        }
    }
}

/// Explain's findings of a pasted tracking that is not synchronised (lab
/// note 001) are boxes as wide as the panel at 1024×700: each box's text
/// wraps inside it, in Chinese too (no line cut at the window's right edge,
/// no sideways scrolling), and its right border is left of the vertical
/// scrollbar.
#[test]
fn explain_findings_wrap_inside_the_panel_in_both_languages() {
    let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/data/explain");
    let text =
        std::fs::read_to_string(root.join("chronyc-tracking-seed001-unsynchronised.txt")).unwrap();
    for lang in Lang::ALL {
        let mut h = offline(lang);
        show(&mut h, Panel::Explain);
        h.state_mut().panels.explain.set_input(text.clone());
        h.run_steps(4);
        let width = h.ctx.screen_rect().width();
        // The scrollbar's room: egui's bar and its margin.
        let bar = {
            let s = &h.ctx.style().spacing.scroll;
            s.bar_width + s.bar_inner_margin + s.bar_outer_margin
        };
        let findings: Vec<(String, egui::Rect)> = h
            .query_all(By::new().predicate(|n| n.role() == Role::Label))
            .filter_map(|n| {
                let t = n.accesskit_node().value()?.to_string();
                (t.chars().count() > 60).then(|| (t, n.rect()))
            })
            .collect();
        assert!(!findings.is_empty(), "{lang:?}: no finding shown");
        for (t, r) in &findings {
            assert!(
                // The box's margin (8) and border (1.5) right of its text.
                r.max.x + 9.5 <= width - bar,
                "{lang:?}: “{t}” runs to x = {} (window {width}, bar {bar})",
                r.max.x
            );
        }
    }
}
