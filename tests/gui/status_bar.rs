//! The status bar at the sizes people use (1024×700, the window's own
//! 1100×760), in both languages, with everything it can say at once: one
//! line, nothing cut off at the edge, nothing wrapped mid-phrase, and the
//! whole text of each part for screen readers (and on hover) even where
//! the line is shortened with "…".

use egui::accesskit::Role;
use egui_kittest::Harness;
use egui_kittest::kittest::{By, NodeT, Queryable};
use stratum::core::alarm::{Alarm, AlarmKind, Health, HealthState};
use stratum::core::codes::ErrorCode;
use stratum::gui::app::App;
use stratum::gui::backend::{Backend, Event};
use stratum::gui::settings::Settings;
use stratum::i18n::{Lang, Localizer};

/// The labels drawn in the status bar (the window's bottom row): their
/// text as screen readers get it, and where they are.
pub fn status_labels(h: &Harness<'static, App>) -> Vec<(String, egui::Rect)> {
    let height = h.ctx.screen_rect().height();
    h.query_all(By::new().predicate(|n| n.role() == Role::Label))
        .filter_map(|n| {
            let node = n.accesskit_node();
            let text = node.value().or_else(|| node.label())?.to_string();
            let r = n.rect();
            (r.center().y > height - 32.0).then_some((text, r))
        })
        .collect()
}

pub fn info() -> stratum::ipc::HelperInfo {
    stratum::ipc::HelperInfo {
        protocol: stratum::ipc::PROTOCOL_VERSION,
        mode: stratum::ipc::Mode::Lab,
        chrony_version: Some("4.6.1".into()),
        chronyd_path: Some("/usr/sbin/chronyd".into()),
        config_path: "/home/admin/.local/share/stratum/chrony.conf".into(),
        chronyd_pid: Some(4242),
        chronyd_log: Vec::new(),
        ntp_port: 11123,
        may_change: true,
    }
}

/// Everything at once: a chronyd that answers in part (with the reason),
/// a failed request, and several alarms with long names.
fn crowded(h: &mut Harness<'static, App>) {
    let now = stratum::sys::now();
    let st = &mut h.state_mut().state;
    st.on_event(Event::Connected {
        info: info(),
        started_lab: true,
        server: "/home/admin/.local/share/stratum/run/helper.sock".into(),
    });
    st.on_event(Event::Snapshot(Box::new(stratum::ipc::Snapshot {
        time: now,
        tracking: Some(super::tracking(now)),
        error: Some(ErrorCode::ChronydRefused),
        error_detail: Some("not authorised".into()),
        // Worst first, as the verdict orders them.
        health: Health {
            state: HealthState::Critical,
            alarms: vec![
                Alarm {
                    kind: AlarmKind::RefclockLost,
                    what: "GPS".into(),
                },
                Alarm {
                    kind: AlarmKind::OffsetLarge,
                    what: "0.500 s".into(),
                },
                Alarm {
                    kind: AlarmKind::SourceUnreachable,
                    what: "ntp-a-very-long-upstream-name.example.cn.pool.ntp.org".into(),
                },
            ],
        },
        ..Default::default()
    })));
    st.last_error = Some(st.tr.error_text(
        ErrorCode::ConfigUnreadable,
        Some("/etc/chrony/chrony.conf: Permission denied (os error 13)".into()),
    ));
}

#[test]
fn the_status_bar_is_one_line_that_fits_at_every_size_and_language() {
    for lang in [Lang::En, Lang::ZhCn] {
        for (w, hgt) in [(1024.0, 700.0), (1100.0, 760.0)] {
            let settings = Settings {
                lang: Some(lang),
                panel: "overview".into(),
                ..Settings::default()
            };
            let app = App::headless(settings, Backend::offline(super::no_waker()));
            let mut h = super::harness_sized(app, egui::vec2(w, hgt));
            crowded(&mut h);
            h.run();
            let tr = Localizer::new(lang);
            let labels = status_labels(&h);
            let texts: Vec<&str> = labels.iter().map(|(t, _)| t.as_str()).collect();
            let what = format!("{lang:?} at {w}×{hgt}: {texts:?}");
            // Every part is there, whole, for screen readers.
            let expected = [
                tr.tr("gui-conn-started-lab"),
                tr.error_text(ErrorCode::ChronydRefused, Some("not authorised".into())),
                h.state().state.last_error.clone().unwrap(),
                tr.tr_args("gui-chrony-version", &[("version", "4.6.1")]),
                tr.tr("gui-mode-lab"),
            ];
            for e in &expected {
                assert!(texts.contains(&e.as_str()), "{what}: no “{e}”");
            }
            assert!(
                texts.iter().any(|t| t.contains("GPS")),
                "{what}: the critical alarm is missing"
            );
            // One row: every part on the same line, none taller than a
            // line, none past the window's edge.
            let row = labels[0].1.center().y;
            let line = h.ctx.style().spacing.interact_size.y + 6.0;
            for (text, r) in &labels {
                assert!(
                    r.height() <= line,
                    "{what}: “{text}” wraps ({} px high)",
                    r.height()
                );
                assert!(
                    (r.center().y - row).abs() < 4.0,
                    "{what}: “{text}” is not on the status line"
                );
                assert!(
                    r.min.x >= 0.0 && r.max.x <= w + 0.5,
                    "{what}: “{text}” goes past the edge ({:?})",
                    r
                );
                assert!(r.max.y <= hgt + 0.5, "{what}: “{text}” is cut off below");
            }
        }
    }
}

/// While chronyd starts (no answer yet) the bar tells no age of its last
/// read; nor while reads come every second ("0 s ago" read as NTP polls,
/// W6 B7). A read older than a few seconds shows its age.
#[test]
fn no_poll_age_before_chronyd_answers() {
    for lang in [Lang::En, Lang::ZhCn] {
        let settings = Settings {
            lang: Some(lang),
            panel: "overview".into(),
            ..Settings::default()
        };
        let app = App::headless(settings, Backend::offline(super::no_waker()));
        let mut h = super::harness_sized(app, egui::vec2(1024.0, 700.0));
        let now = stratum::sys::now();
        let st = &mut h.state_mut().state;
        st.on_event(Event::Connected {
            info: info(),
            started_lab: true,
            server: "/home/admin/.local/share/stratum/run/helper.sock".into(),
        });
        st.on_event(Event::Snapshot(Box::new(stratum::ipc::Snapshot {
            time: now,
            starting: true,
            ..Default::default()
        })));
        h.run();
        let tr = Localizer::new(lang);
        let age = tr.tr_args("gui-poll-age", &[("seconds", "0")]);
        let reading: String = age.replace('0', "").trim().chars().take(6).collect();
        let texts: Vec<String> = status_labels(&h).into_iter().map(|(t, _)| t).collect();
        assert!(!texts.contains(&age), "{lang:?}: {texts:?}");
        h.state_mut()
            .state
            .on_event(Event::Snapshot(Box::new(stratum::ipc::Snapshot {
                time: now,
                tracking: Some(super::tracking(now)),
                ..Default::default()
            })));
        h.run();
        // A fresh read (every second) is no news: no age, no "0 s ago".
        let texts: Vec<String> = status_labels(&h).into_iter().map(|(t, _)| t).collect();
        assert!(
            !texts.iter().any(|t| t.contains(&reading)),
            "{lang:?}: {texts:?}"
        );
        // A read older than a few seconds is a stale connection: its age
        // shows, named for what it is (a read of chronyd, not an NTP poll).
        let stale = stratum::gui::app::READ_STALE + std::time::Duration::from_secs(5);
        h.state_mut().state.snapshot_at = std::time::Instant::now().checked_sub(stale);
        h.run();
        let age = tr.tr_args("gui-poll-age", &[("seconds", stale.as_secs().to_string())]);
        let texts: Vec<String> = status_labels(&h).into_iter().map(|(t, _)| t).collect();
        assert!(texts.contains(&age), "{lang:?}: {texts:?}");
        assert!(age.contains("chronyd"), "{age}");
    }
}

/// At 1024×700 the alarm gets the room before static text: lab mode is
/// two words (its meaning on hover).
#[test]
fn the_alarm_keeps_its_room_beside_lab_mode() {
    for lang in [Lang::En, Lang::ZhCn] {
        let settings = Settings {
            lang: Some(lang),
            panel: "overview".into(),
            ..Settings::default()
        };
        let app = App::headless(settings, Backend::offline(super::no_waker()));
        let mut h = super::harness_sized(app, egui::vec2(1024.0, 700.0));
        let now = stratum::sys::now();
        let st = &mut h.state_mut().state;
        st.on_event(Event::Connected {
            info: info(),
            started_lab: true,
            server: "/home/admin/.local/share/stratum/run/helper.sock".into(),
        });
        // What the walk saw: a name that does not resolve, and a silent
        // upstream.
        let alarms = vec![
            Alarm {
                kind: AlarmKind::SourceUnresolved,
                what: "ntp.aliyun.com".into(),
            },
            Alarm {
                kind: AlarmKind::SourceUnreachable,
                what: "10.0.0.124".into(),
            },
        ];
        st.on_event(Event::Snapshot(Box::new(stratum::ipc::Snapshot {
            time: now,
            tracking: Some(super::tracking(now)),
            health: Health {
                state: HealthState::Critical,
                alarms,
            },
            ..Default::default()
        })));
        h.run();
        let tr = Localizer::new(lang);
        let labels = status_labels(&h);
        let texts: Vec<&str> = labels.iter().map(|(t, _)| t.as_str()).collect();
        assert!(texts.contains(&tr.tr("gui-mode-lab").as_str()), "{texts:?}");
        let (text, rect) = labels
            .iter()
            .find(|(t, _)| t.contains("ntp.aliyun.com"))
            .unwrap_or_else(|| panic!("{lang:?}: no alarm in {texts:?}"));
        // The alarm gets the room: whole when it fits, else at least 40 %
        // of the bar (the long lab-mode text took most of it).
        let font = egui::TextStyle::Body.resolve(&h.ctx.style());
        let needed = h.ctx.fonts(|f| {
            f.layout_no_wrap(text.clone(), font, egui::Color32::WHITE)
                .size()
                .x
        });
        assert!(
            rect.width() + 1.0 >= needed.min(0.4 * 1024.0),
            "{lang:?}: “{text}” is cut short ({} of {needed} px)",
            rect.width()
        );
    }
}
