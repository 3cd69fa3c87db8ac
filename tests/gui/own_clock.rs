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
        let no_line = tr.tr("gui-spark-error-unknown");
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
