//! Text size at 1024×700, in both languages: one value behind the slider,
//! its arrow keys and Ctrl +/−/0 (the one saved); a drag that does not
//! rescale the window under the pointer; a navigation that scrolls at
//! 200 % so Settings and Help stay in reach.

use egui::accesskit::Role;
use egui_kittest::Harness;
use egui_kittest::kittest::{NodeT, Queryable};
use stratum::gui::app::{App, Panel};
use stratum::gui::backend::Backend;
use stratum::i18n::{Lang, Localizer};

use super::window::{SIZE, harness, offline, settings, show, shown_texts};

/// The zoom the window draws at, the saved one, and the percentage shown.
fn zoom(h: &Harness<'static, App>) -> (f32, f32) {
    (h.ctx.zoom_factor(), h.state().state.settings.zoom)
}

fn assert_zoom(h: &Harness<'static, App>, lang: Lang, want: f32) {
    let (drawn, saved) = zoom(h);
    assert!(
        (drawn - want).abs() < 1e-4 && (saved - want).abs() < 1e-4,
        "{lang:?}: drawn at {drawn}, saved {saved}, wanted {want}"
    );
    let shown = format!("{:.0} %", want * 100.0);
    assert!(
        shown_texts(h).contains(&shown),
        "{lang:?}: the slider does not read {shown}"
    );
}

fn slider_center(h: &Harness<'static, App>, name: &str) -> egui::Pos2 {
    h.get_by_role_and_label(Role::Slider, name).rect().center()
}

#[test]
fn the_slider_its_arrow_keys_and_ctrl_plus_minus_zero_are_one_saved_value() {
    for lang in Lang::ALL {
        let tr = Localizer::new(lang);
        let name = tr.tr("gui-zoom");
        let mut h = offline(lang);
        show(&mut h, Panel::Settings);
        assert_zoom(&h, lang, 1.0);
        // Ctrl + and Ctrl −: the window, the slider and the setting agree.
        h.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::Plus);
        h.run_steps(3);
        assert_zoom(&h, lang, 1.1);
        for _ in 0..3 {
            h.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::Minus);
            h.run_steps(3);
        }
        assert_zoom(&h, lang, 0.8);
        // Never below 80 %.
        h.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::Minus);
        h.run_steps(3);
        assert_zoom(&h, lang, 0.8);
        h.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::Num0);
        h.run_steps(3);
        assert_zoom(&h, lang, 1.0);
        // The arrow keys step the slider, once it has focus.
        h.get_by_role_and_label(Role::Slider, &name).focus();
        h.run_steps(2);
        h.key_press(egui::Key::ArrowRight);
        h.run_steps(3);
        assert_zoom(&h, lang, 1.05);
        h.key_press(egui::Key::ArrowLeft);
        h.key_press(egui::Key::ArrowLeft);
        h.run_steps(3);
        assert_zoom(&h, lang, 0.95);
    }
}

#[test]
fn dragging_the_text_size_slider_rescales_the_window_only_on_release() {
    for lang in Lang::ALL {
        let tr = Localizer::new(lang);
        let name = tr.tr("gui-zoom");
        let mut h = offline(lang);
        show(&mut h, Panel::Settings);
        let from = slider_center(&h, &name);
        let to = from + egui::vec2(60.0, 0.0);
        let button = |pos, pressed| egui::Event::PointerButton {
            pos,
            button: egui::PointerButton::Primary,
            pressed,
            modifiers: egui::Modifiers::NONE,
        };
        h.input_mut().events.push(egui::Event::PointerMoved(from));
        h.input_mut().events.push(button(from, true));
        h.run_steps(2);
        for i in 1..=6 {
            let at = from + egui::vec2(10.0 * i as f32, 0.0);
            h.input_mut().events.push(egui::Event::PointerMoved(at));
            h.run_steps(1);
        }
        // Mid-drag: the window has not moved under the pointer, nothing is
        // saved, and the slider shows where the handle is.
        let (drawn, saved) = zoom(&h);
        assert_eq!((drawn, saved), (1.0, 1.0), "{lang:?}: rescaled mid-drag");
        let pending = shown_texts(&h)
            .into_iter()
            .find(|t| t.ends_with(" %") && t != "100 %");
        assert!(
            pending.is_some(),
            "{lang:?}: the slider reads 100 % mid-drag"
        );
        h.input_mut().events.push(button(to, false));
        h.run_steps(3);
        let (drawn, saved) = zoom(&h);
        assert!(
            saved > 1.0 && (drawn - saved).abs() < 1e-4,
            "{lang:?}: after release drawn at {drawn}, saved {saved}"
        );
        assert_eq!(pending.unwrap(), format!("{:.0} %", saved * 100.0));
    }
}

#[test]
fn at_200_percent_settings_and_help_are_reachable_from_the_navigation() {
    for lang in Lang::ALL {
        let tr = Localizer::new(lang);
        let quiet: stratum::gui::backend::Waker = std::sync::Arc::new(|_| {});
        let mut s = settings(lang);
        s.zoom = 2.0;
        let mut h = harness(App::headless(s, Backend::offline(quiet)));
        h.run_steps(4);
        assert_eq!(h.ctx.zoom_factor(), 2.0, "{lang:?}: the saved size");
        // A 1024×700 window at 200 % has half as many points each way
        // (the harness is sized in points).
        h.set_size(SIZE / h.ctx.zoom_factor());
        show(&mut h, Panel::Overview);
        // Node rects are in the window's pixels, as the pointer moves.
        let height = h.ctx.screen_rect().height() * h.ctx.zoom_factor();
        let help = tr.tr("gui-help");
        let below = h.get_by_label(&help).rect().min.y;
        assert!(below > height, "{lang:?}: Help fits already ({below})");
        for (label, check) in [
            (tr.tr("gui-panel-settings"), Some(Panel::Settings)),
            (help, None),
        ] {
            h.get_by_label(&label).scroll_to_me();
            h.run_steps(3);
            let r = h.get_by_label(&label).rect();
            assert!(
                r.max.y <= height + 0.5,
                "{lang:?}: “{label}” still off-screen at {r:?}"
            );
            // (kittest's pointer does not follow the zoom: AccessKit's click.)
            h.get_by_label(&label).click_accesskit();
            h.run_steps(3);
            if let Some(p) = check {
                assert_eq!(h.state().state.panel, p, "{lang:?}");
            }
        }
        assert!(
            stratum::gui::help::is_open(&h.ctx),
            "{lang:?}: Help did not open"
        );
    }
}

#[test]
fn at_135_and_200_percent_the_status_bar_items_do_not_overlap() {
    use stratum::core::alarm::{Alarm, AlarmKind, Health, HealthState};
    use stratum::gui::backend::Event;
    for lang in Lang::ALL {
        for z in [1.35, 2.0] {
            let quiet: stratum::gui::backend::Waker = std::sync::Arc::new(|_| {});
            let mut s = settings(lang);
            s.zoom = z;
            let mut h = harness(App::headless(s, Backend::offline(quiet)));
            h.run_steps(2);
            h.set_size(SIZE / z);
            let now = stratum::sys::now();
            let st = &mut h.state_mut().state;
            st.on_event(Event::Connected {
                info: super::status_bar::info(),
                started_lab: true,
                server: "/home/admin/.local/share/stratum/run/helper.sock".into(),
            });
            st.on_event(Event::Snapshot(Box::new(stratum::ipc::Snapshot {
                time: now,
                tracking: Some(super::tracking(now)),
                health: Health {
                    state: HealthState::Warning,
                    alarms: vec![Alarm {
                        kind: AlarmKind::SourceUnresolved,
                        what: "ntp.aliyun.com".into(),
                    }],
                },
                ..Default::default()
            })));
            // A short panel: no rows of its own scrolled under the bar.
            show(&mut h, Panel::Roster);
            // Node rects are in the window's pixels.
            let bottom = SIZE.y - 32.0 * z;
            let items: Vec<(String, egui::Rect)> = h
                .query_all(egui_kittest::kittest::By::new().predicate(|n| n.role() == Role::Label))
                .filter_map(|n| {
                    let a = n.accesskit_node();
                    let t = a.value().or_else(|| a.label())?.to_string();
                    let r = n.rect();
                    // (A panel's rows scrolled under the bar run past the
                    // window's edge: not the bar's.)
                    (r.center().y > bottom && r.max.y <= SIZE.y + 0.5).then_some((t, r))
                })
                .collect();
            assert!(items.len() >= 3, "{lang:?} {z}: {items:?}");
            for (i, (a, ra)) in items.iter().enumerate() {
                assert!(
                    ra.min.x >= 10.0 * z && ra.max.x <= SIZE.x + 0.5,
                    "{lang:?} at {z}: “{a}” leaves the bar or covers the dot ({ra:?})"
                );
                for (b, rb) in &items[i + 1..] {
                    let overlap = ra.intersect(*rb);
                    assert!(
                        overlap.width() <= 0.5 || overlap.height() <= 0.5,
                        "{lang:?} at {z}: “{a}” {ra:?} overlaps “{b}” {rb:?}"
                    );
                }
            }
        }
    }
}
