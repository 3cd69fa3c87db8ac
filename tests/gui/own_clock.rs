//! A server on its own clock (`local stratum`, Reference ID 7F7F0101) at
//! 1024x700: chronyd prints root delay and dispersion 0 there, which bound
//! no error against true time. The window says "unknown", never a green 0,
//! draws no maximum error line and tells Statistics why it has no values.

use super::*;
use egui_kittest::kittest::Queryable;
use stratum::core::cmdmon::LOCAL_REFID;
use stratum::core::series::{Field, SeriesId};
use stratum::gui::app::{App, Panel};
use stratum::gui::backend::{Event, StatsResult};
use stratum::i18n::Localizer;

fn own_clock(lang: Lang) -> Harness<'static, App> {
    let mut h = harness_sized(
        App::headless(
            Settings {
                lang: Some(lang),
                ..Settings::default()
            },
            Backend::offline(no_waker()),
        ),
        egui::vec2(1024.0, 700.0),
    );
    let now = stratum::sys::now();
    let mut t = tracking(now);
    t.ref_id = LOCAL_REFID;
    t.address = None;
    t.stratum = 10;
    t.root_dispersion = 0.0;
    t.root_delay = 0.0;
    t.system_time = 0.0;
    // W5: nine minutes on its own clock, no source configured.
    let snapshot = stratum::ipc::Snapshot {
        time: now,
        tracking: Some(t),
        chronyd_up: Some(540.0),
        ..Default::default()
    };
    h.state_mut()
        .state
        .on_event(Event::Snapshot(Box::new(snapshot)));
    // The helper's history: the clock's correction, and no maximum error
    // (History::record leaves it out on its own clock).
    let pts: Vec<(f64, f64, f64)> = (0..60)
        .map(|i| (now - 300.0 + f64::from(i) * 5.0, 0.0, 0.0))
        .collect();
    h.state_mut().state.on_event(Event::History(vec![
        ("system.correction".parse().unwrap(), pts),
        ("system.error".parse().unwrap(), Vec::new()),
    ]));
    h
}

/// W5 finding 2: root dispersion "0 s" in green, a flat 0 maximum error
/// line, "grows with time … 0 ns now" beside it. Now: "unknown (serves its
/// own clock)", neutral, and the chart says why it has no error line.
#[test]
fn its_own_clock_has_an_unknown_error_bound_not_a_green_zero() {
    for lang in [Lang::En, Lang::ZhCn] {
        let tr = Localizer::new(lang);
        let mut h = own_clock(lang);
        h.state_mut().state.panel = Panel::Overview;
        h.run();
        let unknown = tr.tr("gui-own-clock-bound-unknown");
        assert!(
            h.query_by_label(&unknown).is_some(),
            "{lang:?}: root dispersion is not {unknown}"
        );
        let no_line = tr.tr("gui-spark-unmeasured");
        assert!(
            h.query_by_label(&no_line).is_some(),
            "{lang:?}: the chart does not say {no_line}"
        );
        // The finding beside it does not promise a bound that grows.
        let grows = match lang {
            Lang::En => "grows with time",
            _ => "随时间增长",
        };
        assert!(
            h.query_by_label_contains(grows).is_none(),
            "{lang:?}: {grows}"
        );
        // Not green: the cell is drawn in the text colour (Info).
        let tracking = h
            .state()
            .state
            .snapshot
            .as_ref()
            .and_then(|s| s.tracking.clone())
            .unwrap();
        let snapshot = stratum::ipc::Snapshot {
            tracking: Some(tracking),
            ..Default::default()
        };
        let all = stratum::core::explain::explain_snapshot(&snapshot);
        let f = all[&stratum::core::explain::Kind::ChronycTracking]
            .fields
            .iter()
            .find(|f| f.name == stratum::core::explain::FieldId::RootDispersion)
            .unwrap();
        assert_eq!(f.status, stratum::core::explain::Status::Info);
    }
}

/// W8 finding 6: with nothing measured Overview drew a red "system clock"
/// line at 0 under "no line is drawn", and its rows read "0 s", "0.000"
/// and a green "Normal". Now: no offset line (its legend gone), the rows
/// say "not measured" and the leap status is neutral, as Plots says.
#[test]
fn overview_draws_and_lists_no_zeros_when_nothing_is_measured() {
    use stratum::core::explain::{FieldId, Kind, Status, explain_snapshot};
    for lang in [Lang::En, Lang::ZhCn] {
        let tr = Localizer::new(lang);
        let mut h = own_clock(lang);
        // chronyd just started on its own clock: every estimate is 0.
        let now = stratum::sys::now();
        let mut t = h
            .state()
            .state
            .snapshot
            .as_ref()
            .unwrap()
            .tracking
            .clone()
            .unwrap();
        t.last_offset = 0.0;
        t.rms_offset = 0.0;
        t.frequency_ppm = 0.0;
        t.residual_freq_ppm = 0.0;
        t.skew_ppm = 0.0;
        t.update_interval = 0.0;
        h.state_mut()
            .state
            .on_event(Event::Snapshot(Box::new(stratum::ipc::Snapshot {
                time: now,
                tracking: Some(t),
                chronyd_up: Some(540.0),
                ..Default::default()
            })));
        h.state_mut().state.panel = Panel::Overview;
        h.run();
        assert!(
            h.query_by_label(&tr.tr("gui-series-system-offset"))
                .is_none(),
            "{lang:?}: a system clock line (its legend) is drawn for zeros"
        );
        let not_measured = tr.tr("gui-not-measured");
        // System clock vs NTP, last offset, RMS offset, frequency, residual
        // frequency, skew, root delay, update interval.
        let n = h.query_all_by_label(&not_measured).count();
        assert!(n >= 8, "{lang:?}: only {n} rows say {not_measured}");
        for zero in ["0 s", "0.000", "0.000000000"] {
            assert!(
                h.query_by_label(zero).is_none(),
                "{lang:?}: a row still shows {zero}"
            );
        }
        let snapshot = stratum::ipc::Snapshot {
            tracking: h.state().state.snapshot.as_ref().unwrap().tracking.clone(),
            ..Default::default()
        };
        let all = explain_snapshot(&snapshot);
        let leap = all[&Kind::ChronycTracking]
            .fields
            .iter()
            .find(|f| f.name == FieldId::Leap)
            .unwrap();
        assert_eq!(leap.status, Status::Info, "{lang:?}: leap status is green");
    }
}

/// A clock that was measured keeps its line and its numbers.
#[test]
fn overview_draws_a_measured_clock() {
    for lang in [Lang::En, Lang::ZhCn] {
        let tr = Localizer::new(lang);
        let mut h = own_clock(lang);
        let now = stratum::sys::now();
        let pts: Vec<(f64, f64, f64)> = (0..60)
            .map(|i| (now - 300.0 + f64::from(i) * 5.0, 2e-6, 2e-6))
            .collect();
        let mut t = tracking(now);
        t.system_time = 2e-6;
        h.state_mut()
            .state
            .on_event(Event::Snapshot(Box::new(stratum::ipc::Snapshot {
                time: now,
                tracking: Some(t),
                chronyd_up: Some(540.0),
                ..Default::default()
            })));
        h.state_mut().state.on_event(Event::History(vec![(
            "system.correction".parse().unwrap(),
            pts,
        )]));
        h.state_mut().state.panel = Panel::Overview;
        h.run();
        assert!(
            h.query_by_label(&tr.tr("gui-series-system-offset"))
                .is_some(),
            "{lang:?}: a measured clock has no line"
        );
        assert!(
            h.query_by_label(&tr.tr("gui-not-measured")).is_none(),
            "{lang:?}: a measured clock reads not measured"
        );
    }
}

/// Statistics of the maximum error while on its own clock: no values, and
/// the reason, instead of "All 523 values are 0 s".
#[test]
fn statistics_say_why_the_maximum_error_has_no_values_on_its_own_clock() {
    for lang in [Lang::En, Lang::ZhCn] {
        let tr = Localizer::new(lang);
        let mut h = own_clock(lang);
        let series = SeriesId::system(Field::Error);
        h.state_mut().panels.statistics.series = series.clone();
        let window = h.state().panels.statistics.window.seconds();
        h.state_mut()
            .state
            .on_event(Event::Stats(Box::new(StatsResult {
                series,
                window,
                analysis: stratum::core::stats::analyse(Field::Error, Vec::new()),
            })));
        h.state_mut().state.panel = Panel::Statistics;
        h.run();
        let why = tr.tr("gui-stats-max-error-own-clock");
        assert!(h.query_by_label(&why).is_some(), "{lang:?}: {why}");
        // "All N values are 0 s: nothing varies…", by its words after the value.
        let constant = tr.tr_args("gui-stats-constant", &[("n", "1"), ("value", "VALUE")]);
        let tail = constant.split("VALUE").nth(1).unwrap_or_default();
        let head: String = tail.chars().take(12).collect();
        assert!(
            h.query_by_label_contains(&head).is_none(),
            "{lang:?}: {head}"
        );
    }
}

/// W6 B4: root dispersion and delay on its own clock are left out like the
/// maximum error: Statistics says why instead of "all 331 values are 0 s",
/// and Overview's finding prints no "(0 ns now)" in the sentence saying the
/// number bounds no error.
#[test]
fn root_dispersion_has_no_zero_values_on_its_own_clock() {
    for lang in [Lang::En, Lang::ZhCn] {
        let tr = Localizer::new(lang);
        for field in [Field::RootDispersion, Field::RootDelay] {
            let mut h = own_clock(lang);
            let series = SeriesId::system(field);
            h.state_mut().panels.statistics.series = series.clone();
            let window = h.state().panels.statistics.window.seconds();
            h.state_mut()
                .state
                .on_event(Event::Stats(Box::new(StatsResult {
                    series,
                    window,
                    analysis: stratum::core::stats::analyse(field, Vec::new()),
                })));
            h.state_mut().state.panel = Panel::Statistics;
            h.run();
            let why = tr.tr("gui-stats-root-own-clock");
            assert!(
                h.query_by_label(&why).is_some(),
                "{lang:?} {field:?}: {why}"
            );
        }
        let mut h = own_clock(lang);
        h.state_mut().state.panel = Panel::Overview;
        h.run();
        let zero = match lang {
            Lang::En => "0 ns now",
            _ => "目前为 0",
        };
        assert!(
            h.query_by_label_contains(zero).is_none(),
            "{lang:?}: {zero}"
        );
        let bounds = match lang {
            Lang::En => "bounds no error",
            _ => "不是误差的上限",
        };
        assert!(
            h.query_by_label_contains(bounds).is_some(),
            "{lang:?}: {bounds}"
        );
    }
}

/// The zeros chronyd prints for the system series while nothing measured
/// its clock: `unmeasured` adds them to the own-clock history.
fn with_unmeasured_zeros(h: &mut Harness<'static, App>) {
    let now = stratum::sys::now();
    let zeros: Vec<(f64, f64, f64)> = (0..60)
        .map(|i| (now - 300.0 + f64::from(i) * 5.0, 0.0, 0.0))
        .collect();
    h.state_mut().state.on_event(Event::History(vec![
        ("system.correction".parse().unwrap(), zeros.clone()),
        ("system.frequency".parse().unwrap(), zeros.clone()),
        ("system.residual_freq".parse().unwrap(), zeros.clone()),
        ("system.skew".parse().unwrap(), zeros),
        ("system.error".parse().unwrap(), Vec::new()),
    ]));
}

/// The legend entries a plot shows (painted, and named by egui_plot's
/// legend checkboxes).
fn legend_has(h: &Harness<'static, App>, name: &str) -> bool {
    h.query_by_label(name).is_some()
}

/// W7-7: Plots drew flat lines at 0 for the system clock, frequency and
/// skew of a chronyd that had measured nothing. Now they are left out and
/// the panel says there is no measurement.
#[test]
fn plots_leave_out_the_zeros_of_a_clock_nothing_measured() {
    for lang in [Lang::En, Lang::ZhCn] {
        let tr = Localizer::new(lang);
        let mut h = own_clock(lang);
        with_unmeasured_zeros(&mut h);
        h.state_mut().state.panel = Panel::Plots;
        for _ in 0..4 {
            h.run();
        }
        let note = tr.tr("gui-plots-unmeasured");
        assert!(h.query_by_label(&note).is_some(), "{lang:?}: {note}");
        for id in [
            "gui-series-system-offset",
            "gui-series-frequency",
            "gui-series-residual",
        ] {
            let name = tr.tr(id);
            assert!(!legend_has(&h, &name), "{lang:?}: {name} is drawn");
        }
        // A measured clock's zeros are drawn: synchronised to a source.
        let mut h = own_clock(lang);
        let now = stratum::sys::now();
        let mut t = tracking(now);
        t.root_dispersion = 1e-4;
        let snapshot = stratum::ipc::Snapshot {
            time: now,
            tracking: Some(t),
            chronyd_up: Some(540.0),
            ..Default::default()
        };
        h.state_mut()
            .state
            .on_event(Event::Snapshot(Box::new(snapshot)));
        with_unmeasured_zeros(&mut h);
        h.state_mut().state.panel = Panel::Plots;
        for _ in 0..4 {
            h.run();
        }
        assert!(h.query_by_label(&note).is_none(), "{lang:?}: {note}");
        let name = tr.tr("gui-series-frequency");
        assert!(legend_has(&h, &name), "{lang:?}: {name} is not drawn");
    }
}

/// W7-7: Statistics of the system clock's zeros on a clock nothing
/// measured said "All 268 values are 0 s: nothing varies"; it says there is
/// no measurement and shows no 0 s minimum.
#[test]
fn statistics_say_no_measurement_for_the_zeros_of_an_unmeasured_clock() {
    for lang in [Lang::En, Lang::ZhCn] {
        let tr = Localizer::new(lang);
        for field in [Field::Correction, Field::Frequency, Field::Skew] {
            let mut h = own_clock(lang);
            let series = SeriesId::system(field);
            h.state_mut().panels.statistics.series = series.clone();
            let window = h.state().panels.statistics.window.seconds();
            let now = stratum::sys::now();
            let zeros: Vec<(f64, f64)> = (0..268)
                .map(|i| (now - 2680.0 + f64::from(i) * 10.0, 0.0))
                .collect();
            h.state_mut()
                .state
                .on_event(Event::Stats(Box::new(StatsResult {
                    series,
                    window,
                    analysis: stratum::core::stats::analyse(field, zeros),
                })));
            h.state_mut().state.panel = Panel::Statistics;
            h.run();
            let why = tr.tr_args("gui-stats-unmeasured", &[("n", "268")]);
            assert!(
                h.query_by_label(&why).is_some(),
                "{lang:?} {field:?}: {why}"
            );
            let constant = tr.tr_args("gui-stats-constant", &[("n", "1"), ("value", "VALUE")]);
            let tail = constant.split("VALUE").nth(1).unwrap_or_default();
            let head: String = tail.chars().take(12).collect();
            assert!(
                h.query_by_label_contains(&head).is_none(),
                "{lang:?} {field:?}: {head}"
            );
            let min = tr.tr("stats-label-min");
            assert!(h.query_by_label(&min).is_none(), "{lang:?}: {min}");
        }
    }
}

/// The HH:MM:SS labels painted on the window (the plots' time axes).
fn time_labels(h: &Harness<'static, App>) -> usize {
    fn is_time(t: &str) -> bool {
        let b = t.as_bytes();
        b.len() == 8
            && b[2] == b':'
            && b[5] == b':'
            && [0, 1, 3, 4, 6, 7].iter().all(|i| b[*i].is_ascii_digit())
    }
    h.output()
        .shapes
        .iter()
        .filter(|c| matches!(&c.shape, egui::Shape::Text(t) if is_time(t.galley.text())))
        .count()
}

/// W7-7: with the F1 guide open beside Plots, the time axes lost all their
/// labels (marks closer than egui_plot labels). They keep them.
#[test]
fn plots_keep_their_time_labels_with_the_guide_open() {
    for lang in [Lang::En, Lang::ZhCn] {
        for window in stratum::gui::settings::PlotWindow::ALL {
            let mut h = harness_sized(
                App::headless(
                    Settings {
                        lang: Some(lang),
                        plot_window: window,
                        ..Settings::default()
                    },
                    Backend::offline(no_waker()),
                ),
                egui::vec2(1024.0, 700.0),
            );
            h.state_mut().state.panel = Panel::Plots;
            stratum::gui::help::set_open(&h.ctx, true);
            for _ in 0..4 {
                h.run();
            }
            // Three plots, each with at least two labelled marks.
            let n = time_labels(&h);
            assert!(n >= 6, "{lang:?} {window:?}: {n} time labels");
        }
    }
}
