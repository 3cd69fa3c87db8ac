//! The lab notes' tasks at 1024×700 on real lab helpers: the first lab note
//! in a lab without DNS, a synced lab, and the selection table.

use super::*;
use egui::accesskit::Role;
use egui_kittest::Harness;
use egui_kittest::kittest::{NodeT, Queryable};
use stratum::gui::app::{App, ApplyState, Panel};
use stratum::gui::backend::Backend;
use stratum::gui::settings::Settings;
use stratum::i18n::Lang;

/// The window at the smallest size it is held to (DESIGN.md: 1024x700).
fn small_harness(app: App) -> Harness<'static, App> {
    let mut fonts_done = false;
    // A live helper's reads keep arriving while the window settles, and
    // each can change a table's column widths (egui's Grid repaints once
    // when they change): more than kittest's default 4 frames on a loaded
    // machine, while a busy loop still exceeds 16.
    Harness::builder()
        .with_size(egui::vec2(1024.0, 700.0))
        .with_max_steps(16)
        .build_state(
            move |ctx, app: &mut App| {
                if !fonts_done {
                    stratum::gui::fonts::install(ctx);
                    fonts_done = true;
                }
                app.ui(ctx)
            },
            app,
        )
}

/// A window in `lang` on a real lab helper.
fn lab_window(helper: &common::helper::HelperProc, lang: Lang) -> Harness<'static, App> {
    let backend = Backend::start(Some(helper.socket.clone()), None, no_waker());
    let settings = Settings {
        lang: Some(lang),
        ..Settings::default()
    };
    small_harness(App::headless(settings, backend))
}

/// Clicks a navigation entry by its text in the window's language.
fn open(h: &mut Harness<'static, App>, tr: &stratum::i18n::Localizer, panel: &str) {
    h.get_by_label(&tr.tr(panel)).click_accesskit();
    h.run();
}

/// The first lab note's task in the window, in a lab with no DNS (its
/// helper in a network namespace with only loopback): two upstream servers
/// by name, a subnet, `local stratum 10`, applied. The names never resolve:
/// Sources and Upstream servers name them and say so, and the headline says
/// the server serves its own clock and why, never "healthy" (chrony.conf(5),
/// local: the local reference "allows chronyd operating as an NTP server to
/// appear synchronised to real time ... even when it was never
/// synchronised"; chronyc(1), activity: a source "not resolved to an
/// address yet").
#[test]
fn the_first_lab_note_without_dns_shows_names_and_the_own_clock() {
    use stratum::i18n::Localizer;
    let names = ["ntp.aliyun.com", "cn.pool.ntp.org"];
    for r in common::releases() {
        for lang in [Lang::En, Lang::ZhCn] {
            let label = format!("chrony {} {}", r.label, lang.code());
            eprintln!("{label}: the first lab note without DNS");
            let tr = Localizer::new(lang);
            let tmp = tempfile::tempdir().unwrap();
            let chronyd = r.chronyd.to_str().unwrap().to_string();
            let (helper, isolated) = common::helper::HelperProc::start_lab_isolated(
                tmp.path(),
                "",
                common::lab::free_udp_port(),
                &["--chronyd", &chronyd],
            );
            if !isolated {
                // Without a namespace these names could resolve and be
                // polled: not here.
                assert!(!common::in_ci(), "no network namespace under CI=true");
                eprintln!("skipped: no network namespace for a lab without DNS");
                return;
            }
            let mut h = lab_window(&helper, lang);
            wait(&mut h, "the helper", &|a| a.state.may_change());
            h.run();
            // Upstream servers: both names, as the lab note writes them.
            open(&mut h, &tr, "gui-panel-upstreams");
            for n in names {
                h.get_by_role(Role::TextInput).focus();
                h.run();
                h.get_by_role(Role::TextInput).type_text(n);
                h.run();
                h.get_by_role_and_label(Role::Button, &tr.tr("gui-add"))
                    .click_accesskit();
                h.run();
            }
            // Access: the clients' subnet.
            open(&mut h, &tr, "gui-panel-access");
            h.get_by_role(Role::TextInput).focus();
            h.run();
            h.get_by_role(Role::TextInput).type_text("10.0.0.0/24");
            h.run();
            h.get_by_role_and_label(Role::Button, &tr.tr("gui-add"))
                .click_accesskit();
            h.run();
            // Stratum & isolation: serve time when no upstream answers.
            open(&mut h, &tr, "gui-panel-stratum");
            h.get_by_label(&tr.tr("gui-local-enable")).click_accesskit();
            h.run();
            let doc = h.state().state.doc.render_lossy();
            for line in [
                "server ntp.aliyun.com iburst\n",
                "server cn.pool.ntp.org iburst\n",
                "allow 10.0.0.0/24\n",
                "local stratum 10\n",
            ] {
                assert!(doc.contains(line), "{label}: {line} not in\n{doc}");
            }
            h.state_mut().state.panel = Panel::Apply;
            h.step();
            wait(&mut h, "the lint", &|a| a.state.lint.diagnostics.is_some());
            h.run();
            h.get_by_role_and_label(Role::Button, &tr.tr("gui-apply-now"))
                .click_accesskit();
            h.step();
            wait(&mut h, "the apply", &|a| {
                matches!(
                    a.state.apply,
                    ApplyState::Done { .. } | ApplyState::Failed { .. }
                )
            });
            assert!(
                matches!(h.state().state.apply, ApplyState::Done { .. }),
                "{label}: {:?}",
                h.state().state.apply
            );
            wait(&mut h, "the server on its own clock, names known", &|a| {
                a.state.snapshot.as_ref().is_some_and(|s| {
                    s.health.alarms.first().map(|x| x.kind)
                        == Some(stratum::core::alarm::AlarmKind::OwnClock)
                        && names.iter().all(|n| {
                            s.sources
                                .iter()
                                .any(|x| x.name.as_deref() == Some(*n) && x.unresolved())
                        })
                })
            });

            // Overview: not healthy, and why, in the window's words.
            open(&mut h, &tr, "gui-panel-overview");
            let causes: Vec<String> = names
                .iter()
                .map(|n| tr.tr_args("health-cause-unresolved", &[("name", *n)]))
                .collect();
            let headline = tr.tr_args(
                "health-own-clock-silent",
                &[
                    ("stratum", "10".to_string()),
                    ("causes", causes.join(&tr.tr("health-cause-separator"))),
                ],
            );
            assert!(
                h.query_by_label(&headline).is_some(),
                "{label}: no headline {headline:?}"
            );
            let healthy = tr.tr_args("health-healthy-unnamed", &[("stratum", "10".to_string())]);
            assert!(h.query_by_label_contains(&healthy).is_none(), "{label}");
            // The status bar: after how many there are ("Alarm:" said once
            // for them), the first name that does not resolve, which the
            // admin can fix (the own clock follows from it; it is in the
            // hover).
            let alarm = tr.tr_args("alarm-source-unresolved", &[("what", names[0])]);
            let prefix = tr.tr("gui-alarm-prefix");
            let alarm = alarm
                .strip_prefix(prefix.as_str())
                .unwrap_or(&alarm)
                .trim_start()
                .to_string();
            assert!(
                h.query_by_label_contains(&alarm).is_some(),
                "{label}: no alarm {alarm:?} in the status bar"
            );
            // Sources: each name, never an id, said not to resolve.
            open(&mut h, &tr, "gui-panel-sources");
            for n in names {
                assert!(
                    h.query_all_by_label(n).count() >= 1,
                    "{label}: {n} not on Sources"
                );
            }
            assert!(
                h.query_by_label_contains("ID#0").is_none(),
                "{label}: an ID# address on Sources"
            );
            // The finding names both (in chronyd's order of its sources).
            let text = tr.tr_args(
                "finding-name-unresolved",
                &[("sources", "\u{1}"), ("count", "2")],
            );
            let marker: String = text
                .split('\u{1}')
                .nth(1)
                .unwrap_or_default()
                .chars()
                .take(25)
                .collect();
            let found = h.query_all_by_label_contains(&marker).any(|n| {
                // A label's text is its AccessKit value.
                let node = n.accesskit_node();
                let l = node.value().or(node.label()).unwrap_or_default();
                names.iter().all(|x| l.contains(x))
            });
            assert!(found, "{label}: no finding {marker:?} naming both");
            // Upstream servers: each configured line's live state.
            open(&mut h, &tr, "gui-panel-upstreams");
            assert_eq!(
                h.query_all_by_label(&tr.tr("source-health-unresolved"))
                    .count(),
                2,
                "{label}: each line not said to be unresolved"
            );
            assert!(
                h.query_by_label(&tr.tr("source-health-absent")).is_none(),
                "{label}: a line chronyd has is said to be absent"
            );
            drop(h);
        }
    }
}

/// A synced lab: its upstream (a loopback chronyd) by name; healthy, and
/// named as configured everywhere.
#[test]
fn a_synced_lab_is_healthy_and_names_its_upstream() {
    use stratum::i18n::Localizer;
    // localhost may be ::1 first: the upstream answers on both.
    let v6 = std::net::UdpSocket::bind("[::1]:0").is_ok();
    for r in common::releases() {
        for lang in [Lang::En, Lang::ZhCn] {
            let label = format!("chrony {} {}", r.label, lang.code());
            eprintln!("{label}: a synced lab");
            let tr = Localizer::new(lang);
            let tmp = tempfile::tempdir().unwrap();
            let body = if v6 {
                "local stratum 1\nallow 127.0.0.0/8\nallow ::1\nbindaddress ::1"
            } else {
                "local stratum 1\nallow 127.0.0.0/8"
            };
            let up = common::lab::Chronyd::start(&r.chronyd, tmp.path(), "upstream", body);
            let chronyd = r.chronyd.to_str().unwrap().to_string();
            let helper = common::helper::HelperProc::start_lab_with(
                tmp.path(),
                &format!(
                    "server localhost port {} iburst minpoll -2 maxpoll -1\nallow 127.0.0.0/8\n",
                    up.port
                ),
                common::lab::free_udp_port(),
                &["--chronyd", &chronyd],
            );
            let mut h = lab_window(&helper, lang);
            wait(&mut h, "the healthy verdict", &|a| {
                a.state
                    .snapshot
                    .as_ref()
                    .is_some_and(|s| s.health.state == stratum::core::alarm::HealthState::Healthy)
            });
            open(&mut h, &tr, "gui-panel-overview");
            let headline = tr.tr_args(
                "health-healthy",
                &[
                    ("reference", "localhost".to_string()),
                    ("stratum", "2".to_string()),
                ],
            );
            assert!(
                h.query_by_label(&headline).is_some(),
                "{label}: no headline {headline:?}"
            );
            open(&mut h, &tr, "gui-panel-sources");
            assert!(
                h.query_all_by_label("localhost").count() >= 1,
                "{label}: localhost not on Sources"
            );
            open(&mut h, &tr, "gui-panel-upstreams");
            assert!(
                h.query_by_label(&tr.tr("source-health-selected")).is_some(),
                "{label}: the line is not said to be selected"
            );
        }
    }
}

/// "Why each source is or is not selected" at 1024x700: every row chronyd's
/// selectdata gives is there and can be scrolled fully into view (the
/// panel scrolls, not each table, so no row hides below a table's edge).
#[test]
fn every_selectdata_row_can_be_seen_at_1024x700() {
    use stratum::core::cmdmon::{
        SelectData, SourceData, SourceMode, SourceState, SourceStats, WireAddr, WireAddrSer,
    };
    use stratum::gui::backend::Event;
    let backend = Backend::offline(no_waker());
    let mut h = small_harness(App::headless(settings(), backend));
    let now = stratum::sys::now();
    let addr = |i: u8| WireAddr::Ip(std::net::IpAddr::from([192, 0, 2, i]));
    // More rows than 700 px show at once (their cells are one line each).
    const ROWS: u8 = 16;
    let sources: Vec<SourceData> = (1..=ROWS)
        .map(|i| SourceData {
            address: WireAddrSer(addr(i)),
            poll: 6,
            stratum: 2,
            state: if i == 1 {
                SourceState::Selected
            } else {
                SourceState::Combined
            },
            mode: SourceMode::Server,
            flags: 0,
            reach: 0o377,
            last_rx: 10,
            offset: 1e-5,
            measured_offset: 1e-5,
            error: 1e-3,
            name: Some(format!("ntp{i}.lab.example")),
        })
        .collect();
    let selectdata: Vec<SelectData> = (1..=ROWS)
        .map(|i| SelectData {
            ref_id: 0,
            address: WireAddrSer(addr(i)),
            state: if i == 1 { '*' } else { '+' },
            authenticated: false,
            leap: 0,
            configured_options: 0,
            effective_options: 0,
            last_sample_ago: 10,
            score: 1.0,
            lo_limit: -1e-3,
            hi_limit: 1e-3,
        })
        .collect();
    // Their statistics too, so that the selection table starts low.
    let sourcestats: Vec<SourceStats> = (1..=ROWS)
        .map(|i| SourceStats {
            ref_id: 0,
            address: WireAddrSer(addr(i)),
            samples: 8,
            runs: 4,
            span: 512,
            frequency_ppm: 0.01,
            freq_skew_ppm: 0.1,
            offset: 1e-5,
            std_dev: 1e-5,
            offset_error: 1e-5,
        })
        .collect();
    h.state_mut()
        .state
        .on_event(Event::Snapshot(Box::new(stratum::ipc::Snapshot {
            time: now,
            tracking: Some(tracking(now)),
            sources,
            sourcestats,
            selectdata,
            ..Default::default()
        })));
    h.state_mut().state.panel = Panel::Sources;
    h.run();
    let view = egui::Rect::from_min_size(egui::Pos2::ZERO, egui::vec2(1024.0, 700.0));
    let tr = stratum::i18n::Localizer::new(Lang::En);
    let header = tr.tr("label-select-state");
    let names: Vec<String> = (1..=ROWS).map(|i| format!("ntp{i}.lab.example")).collect();
    // The selection table's row (the last of a name's three: Sources,
    // statistics, selection) and its distance below the table's header.
    let rows = |h: &Harness<'static, App>| -> Vec<(egui::Rect, f32)> {
        let top = h.get_by_label(&header).rect().max.y;
        names
            .iter()
            .map(|n| {
                let r = h.query_all_by_label(n).last().unwrap().rect();
                (r, r.min.y - top)
            })
            .collect()
    };
    for n in &names {
        // On Sources, in the statistics, in the selection table.
        let count = h.query_all_by_label(n).count();
        assert_eq!(count, 3, "{n} shown {count} times");
    }
    let laid_out = rows(&h);
    assert!(
        !view.contains_rect(laid_out[ROWS as usize - 1].0),
        "the window is large enough to need no scrolling: the test proves nothing"
    );
    // The mouse wheel over the panel, as a user scrolls down to the table.
    h.input_mut()
        .events
        .push(egui::Event::PointerMoved(egui::pos2(600.0, 350.0)));
    for _ in 0..30 {
        h.input_mut().events.push(egui::Event::MouseWheel {
            unit: egui::MouseWheelUnit::Point,
            delta: egui::vec2(0.0, -120.0),
            modifiers: egui::Modifiers::default(),
        });
        h.run();
    }
    for ((n, (rect, below)), (_, natural)) in names.iter().zip(rows(&h)).zip(&laid_out) {
        assert!(
            view.contains_rect(rect),
            "{n}'s selection row at {rect:?} cannot be brought into the 1024x700 window"
        );
        // The page scrolled, not the table inside itself: each row keeps
        // its place under the header.
        assert!(
            (below - natural).abs() < 1.0,
            "{n} moved {below} px from its header (laid out at {natural}): the table scrolled inside itself"
        );
    }
}
