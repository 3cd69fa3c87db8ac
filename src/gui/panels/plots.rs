//! Plots: system offset, per-source offset with its error band, frequency
//! and residual frequency, skew — over 5 min to 7 days, following live data
//! or paused, with linked time axes and hover read-out. The helper
//! decimates (min/max per pixel column), so any window costs the same.

use egui_plot::{Legend, Line, Plot, PlotPoints};

use crate::core::chronylog::csvrow::CLOCK_AHEAD;
use crate::core::history::SeriesPoint;
use crate::core::series::{Field, Scope, SeriesId};
use crate::gui::backend::Command;
use crate::gui::dialogs::{Payload, SaveField, save_ui};
use crate::gui::settings::PlotWindow;
use crate::gui::state::{AppState, Panel};

#[derive(Default)]
pub struct Form {
    pub paused_at: Option<f64>,
    /// The window and instant last asked for while paused.
    pub paused_request: Option<(PlotWindow, u64)>,
    pub csv: SaveField,
    pub png: SaveField,
}

fn now() -> f64 {
    crate::sys::now()
}

fn time_label(t: f64) -> String {
    let (_, _, _, h, m, s) = crate::core::civil_from_unix(t as i64);
    format!("{h:02}:{m:02}:{s:02}")
}

/// The legend of a plot over time: in the top left corner, away from the
/// newest data, which is drawn at the right edge.
pub fn newest_clear_legend() -> Legend {
    Legend::default().position(egui_plot::Corner::LeftTop)
}

/// The colours of the lines whose legend is drawn outside the plot.
pub const PALETTE: [egui::Color32; 6] = [
    egui::Color32::from_rgb(230, 110, 90),
    egui::Color32::from_rgb(100, 150, 240),
    egui::Color32::from_rgb(110, 190, 110),
    egui::Color32::from_rgb(220, 180, 60),
    egui::Color32::from_rgb(190, 120, 220),
    egui::Color32::from_rgb(90, 200, 200),
];

/// A plot's legend as a row of coloured names above it: it never covers
/// the data, whatever the data does and whatever the window's size.
pub fn legend_row_ui(ui: &mut egui::Ui, entries: &[(String, egui::Color32)]) {
    ui.horizontal_wrapped(|ui| {
        for (name, color) in entries {
            let (r, _) = ui.allocate_exact_size(egui::vec2(14.0, 10.0), egui::Sense::hover());
            ui.painter()
                .rect_filled(r.shrink2(egui::vec2(0.0, 3.0)), 1.0, *color);
            ui.label(name);
            ui.add_space(8.0);
        }
    });
}

/// The height below the cursor in the visible part of the panel, as it is
/// with the panel scrolled to its top: what a plot can take without pushing
/// the rest out of sight. Scrolling must not change it: measured from the
/// scrolled cursor, a plot grew by what was scrolled, covered the view
/// and pushed the buttons below it out of reach.
pub fn room_below(ui: &egui::Ui) -> f32 {
    let scrolled = (ui.clip_rect().top() - ui.max_rect().top()).max(0.0);
    (ui.clip_rect().bottom() - ui.cursor().top() - scrolled).max(0.0)
}

/// Names a plot for screen readers (and the UI tests) by `label`.
pub fn name_plot(r: &egui::Response, label: &str) {
    r.widget_info(|| egui::WidgetInfo::labeled(egui::WidgetType::Other, true, label));
}

/// Grid steps a clock reader counts in (seconds), each a multiple of the
/// one before: marks land on whole minutes and hours (UTC, as the labels),
/// not on egui_plot's powers of ten (18:00:00, 20:46:40, …).
const TIME_STEPS: [f64; 14] = [
    1.0, 5.0, 10.0, 30.0, 60.0, 300.0, 600.0, 1800.0, 3600.0, 10800.0, 21600.0, 43200.0, 86400.0,
    604800.0,
];

/// How many of egui_plot's minimum steps (6 points) a labelled mark is apart.
pub const THICK_IN_BASE_STEPS: f64 = 16.0;

/// The time axis' three step sizes (thin, medium, thick lines): the
/// smallest whole step at least as wide as egui_plot's minimum and the two
/// after it.
pub fn time_steps(input: egui_plot::GridInput) -> [f64; 3] {
    let last = TIME_STEPS.len() - 1;
    let at_least = |min: f64| TIME_STEPS.iter().position(|s| *s >= min).unwrap_or(last);
    // egui_plot labels only marks more than 60 points apart (and as wide
    // as "12:34:56"); the base step is 6 points. The thick step is kept
    // 16 base steps (about 96 points) wide so its marks keep their labels
    // when the plot narrows (the F1 guide beside it).
    let i = at_least(input.base_step_size)
        .max(at_least(input.base_step_size * THICK_IN_BASE_STEPS).saturating_sub(2))
        .min(last - 2);
    [TIME_STEPS[i], TIME_STEPS[i + 1], TIME_STEPS[i + 2]]
}

/// A plot over [since, until] whose time axis is linked with the others.
fn time_plot(id: &str, link: egui::Id, since: f64, until: f64, height: f32) -> Plot<'static> {
    Plot::new(id)
        .height(height)
        .link_axis(link, [true, false])
        .link_cursor(link, [true, false])
        .x_grid_spacer(egui_plot::uniform_grid_spacer(time_steps))
        .x_axis_formatter(|m, _| time_label(m.value))
        .label_formatter(|name, p| format!("{name}\n{}\n{:.3}", time_label(p.x), p.y))
        .include_x(since)
        .include_x(until)
}

/// The system series chronyd prints as 0 until a source has answered: on
/// its own clock with no error bound (Overview's "cannot estimate its
/// drift"), those zeros are no measurement.
pub const UNMEASURED_WHEN_OWN_CLOCK: [Field; 5] = [
    Field::Correction,
    Field::Offset,
    Field::Frequency,
    Field::ResidualFreq,
    Field::Skew,
];

/// Whether chronyd has measured nothing: it serves its own clock and its
/// root delay and dispersion are 0 (no source ever updated the clock).
pub fn measured_nothing(st: &AppState) -> bool {
    st.snapshot
        .as_ref()
        .and_then(|s| s.tracking.as_ref())
        .is_some_and(|t| t.serves_own_clock() && t.root_delay / 2.0 + t.root_dispersion == 0.0)
}

/// Whether `id`'s points are chronyd's zeros for a clock it has not
/// measured: left out, as Overview leaves them out, not drawn as data. A
/// series with any other value (a drift file's frequency) is a reading.
pub fn unmeasured_zeros(st: &AppState, id: &SeriesId, pts: &[SeriesPoint]) -> bool {
    matches!(id.scope, Scope::System)
        && UNMEASURED_WHEN_OWN_CLOCK.contains(&id.field)
        && measured_nothing(st)
        && pts.iter().all(|(_, lo, hi)| *lo == 0.0 && *hi == 0.0)
}

/// The system series of `field` to draw: none when it holds only the
/// zeros of a clock nobody measured.
fn system_points(st: &AppState, field: Field) -> Option<&Vec<SeriesPoint>> {
    let id = SeriesId::system(field);
    st.history
        .get(&id)
        .filter(|pts| !unmeasured_zeros(st, &id, pts))
}

/// How many points a plot `width` pixels wide asks the helper for: one per
/// two pixels (a line cannot show more; each point costs tessellation).
pub fn columns_for(width: f32) -> usize {
    (width / 2.0).max(100.0) as usize
}

/// Mid-points of min/max pairs as a line.
fn line_points(p: &[SeriesPoint], scale: f64) -> PlotPoints<'static> {
    p.iter()
        .map(|(t, lo, hi)| [*t, (lo + hi) / 2.0 * scale])
        .collect::<Vec<_>>()
        .into()
}

/// The plotted series: system ones and per-source offsets and errors. The
/// system clock is drawn from chronyd's correction (chronyc's "System
/// time"), the distance the Overview and `stratum status` give.
pub fn wanted_series(st: &AppState) -> Vec<SeriesId> {
    let mut v: Vec<SeriesId> = [
        Field::Correction,
        Field::Frequency,
        Field::ResidualFreq,
        Field::Skew,
    ]
    .into_iter()
    .map(SeriesId::system)
    .collect();
    v.extend(
        st.series
            .iter()
            .filter(|s| {
                matches!(s.scope, Scope::Source(_))
                    && matches!(s.field, Field::Offset | Field::Error)
            })
            .cloned(),
    );
    v
}

/// How often a followed window is asked for again: about when a new point
/// would show (a column of a week is minutes wide).
pub fn refresh_every(window: PlotWindow) -> std::time::Duration {
    std::time::Duration::from_secs(match window {
        PlotWindow::FiveMinutes => 3,
        PlotWindow::OneHour => 10,
        PlotWindow::OneDay => 60,
        PlotWindow::SevenDays => 300,
    })
}

pub fn plots_ui(
    ui: &mut egui::Ui,
    st: &mut AppState,
    form: &mut Form,
    commands: &mut Vec<Command>,
) {
    let window = st.settings.plot_window;
    ui.horizontal(|ui| {
        for w in PlotWindow::ALL {
            if ui
                .selectable_label(window == w, st.t(w.label_id()))
                .clicked()
            {
                st.settings.plot_window = w;
                st.settings_dirty = true;
            }
        }
        ui.separator();
        let follow = form.paused_at.is_none();
        if ui.selectable_label(follow, st.t("gui-follow")).clicked() {
            form.paused_at = None;
        }
        if ui.selectable_label(!follow, st.t("gui-pause")).clicked() && follow {
            form.paused_at = Some(now());
        }
    });
    let window = st.settings.plot_window;
    let until = form.paused_at.unwrap_or_else(now);
    let since = until - window.seconds();
    // Following, the backend asks again on its own clock (each answer is
    // one frame); paused, the window is asked for once.
    let width = columns_for(ui.available_width());
    match form.paused_at {
        None => {
            form.paused_request = None;
            let requests = vec![
                Command::SeriesList,
                Command::HistoryRecent {
                    series: wanted_series(st),
                    window: window.seconds(),
                    columns: width,
                },
            ];
            st.follow(Panel::Plots, requests, refresh_every(window), commands);
        }
        Some(at) => {
            let key = (window, at.to_bits());
            if form.paused_request != Some(key) {
                form.paused_request = Some(key);
                st.following = None;
                commands.push(Command::Follow(None));
                commands.push(Command::History(wanted_series(st), since, until, width));
            }
        }
    }
    let link = ui.id().with("time");
    let empty = st.history.values().all(|v| v.is_empty());
    if empty {
        ui.label(st.t("gui-no-history"));
    }
    let left_out = st
        .history
        .iter()
        .any(|(id, pts)| !pts.is_empty() && unmeasured_zeros(st, id, pts));
    if left_out {
        ui.label(st.t("gui-plots-unmeasured"));
    }
    // Three plots share what the window has (titles, legends and the two
    // save rows take about 200 points), never less than 150 each.
    let height = ((room_below(ui) - 200.0) / 3.0).max(150.0);
    ui.strong(st.t("gui-plot-offset"));
    time_plot("offset", link, since, until, height)
        .legend(newest_clear_legend())
        .show(ui, |p| {
            // The system clock against NTP time, with the sign of the
            // sources' offsets (ahead positive): -correction.
            if let Some(pts) = system_points(st, Field::Correction) {
                p.line(Line::new(
                    st.t("gui-series-system-offset"),
                    line_points(pts, -1e6),
                ));
            }
            let mut sources: Vec<(&str, &Vec<SeriesPoint>)> = st
                .history
                .iter()
                .filter_map(|(id, pts)| match (&id.scope, id.field) {
                    (Scope::Source(addr), Field::Offset) => Some((addr.as_str(), pts)),
                    _ => None,
                })
                .collect();
            sources.sort_by_key(|(addr, _)| *addr);
            for (addr, pts) in sources {
                if let Some(err) = st.history.get(&SeriesId::source(addr, Field::Error)) {
                    // The error bounds offset ± error, sample by sample
                    // (both series are recorded at the same instants).
                    let mut upper: Vec<[f64; 2]> = Vec::new();
                    let mut lower: Vec<[f64; 2]> = Vec::new();
                    for ((t, lo, hi), (te, elo, ehi)) in pts.iter().zip(err.iter()) {
                        if (t - te).abs() > 1.0 {
                            continue;
                        }
                        let (o, e) = ((lo + hi) / 2.0, (elo + ehi) / 2.0);
                        upper.push([*t, (o + e) * 1e6]);
                        lower.push([*t, (o - e) * 1e6]);
                    }
                    let band = format!("{addr} ±");
                    let color = egui::Color32::from_rgba_unmultiplied(120, 160, 255, 110);
                    for bound in [upper, lower] {
                        // Thin and faint: a dashed line costs several times
                        // more to tessellate than the data it bounds.
                        p.line(
                            Line::new(band.clone(), PlotPoints::from(bound))
                                .color(color)
                                .width(0.5),
                        );
                    }
                }
                p.line(Line::new(addr.to_string(), line_points(pts, 1e6)));
            }
        });
    ui.strong(st.t("gui-plot-frequency"));
    time_plot("frequency", link, since, until, height)
        .legend(newest_clear_legend())
        .show(ui, |p| {
            for (field, id) in [
                (Field::Frequency, "gui-series-frequency"),
                (Field::ResidualFreq, "gui-series-residual"),
            ] {
                if let Some(pts) = system_points(st, field) {
                    p.line(Line::new(st.t(id), line_points(pts, 1.0)));
                }
            }
        });
    ui.strong(st.t("gui-plot-skew"));
    time_plot("skew", link, since, until, height).show(ui, |p| {
        if let Some(pts) = system_points(st, Field::Skew) {
            p.line(Line::new(st.t("gui-series-skew"), line_points(pts, 1.0)));
        }
    });
    save_ui(
        ui,
        st,
        &mut form.csv,
        ("gui-file-csv", "offsets.csv"),
        "gui-export-csv",
        Payload::Bytes(&|st| history_csv(st).into_bytes()),
    );
    save_ui(
        ui,
        st,
        &mut form.png,
        ("gui-file-png", "plots.png"),
        "gui-export-png",
        Payload::Screenshot,
    );
}

/// series,time,min,max rows of everything plotted.
pub fn history_csv(st: &AppState) -> String {
    let mut out = String::from("series,time,min,max\n");
    let mut ids: Vec<&SeriesId> = st.history.keys().collect();
    ids.sort();
    for id in ids {
        // The system clock as plotted: ahead of NTP time positive (the
        // negated correction), named for what it is. The last offset
        // (the Statistics panel's) is not plotted here, and `stratum
        // stats` reads the clock-ahead series as the system offset.
        let (name, sign) = if *id == SeriesId::system(Field::Correction) {
            (CLOCK_AHEAD.to_string(), -1.0)
        } else if *id == SeriesId::system(Field::Offset) {
            continue;
        } else {
            (id.to_string(), 1.0)
        };
        for (t, lo, hi) in &st.history[id] {
            let (lo, hi) = if sign < 0.0 { (-hi, -lo) } else { (*lo, *hi) };
            out.push_str(&format!("{name},{t:.3},{lo:e},{hi:e}\n"));
        }
    }
    out
}

impl crate::gui::view::View for Form {
    fn ui(
        &mut self,
        ui: &mut egui::Ui,
        st: &mut AppState,
        commands: &mut Vec<crate::gui::backend::Command>,
    ) {
        plots_ui(ui, st, self, commands);
    }
}

#[cfg(test)]
mod time_axis_tests {
    use super::{TIME_STEPS, time_label, time_steps};

    /// W6 B9: at 24 h on a 1024-pixel window every mark is on a whole ten
    /// minutes (the thick ones on whole half hours or hours), never 20:46:40.
    #[test]
    fn a_day_is_marked_on_whole_hours() {
        let until = 1_765_000_000.0_f64;
        let since = until - 86_400.0;
        // egui_plot's minimum step: the range over the pixels, times six.
        for px in [600.0, 900.0, 1800.0] {
            let input = egui_plot::GridInput {
                bounds: (since, until),
                base_step_size: 86_400.0 / px * 6.0,
            };
            let base = input.base_step_size;
            let steps = time_steps(input);
            assert!(steps[0] >= base, "{steps:?}");
            assert_eq!(steps[2] % 1800.0, 0.0, "{px}: {steps:?}");
            for s in steps {
                let first = (since / s).ceil() * s;
                let label = time_label(first);
                assert!(label.ends_with(":00"), "{px}: {label}");
                assert_eq!(first % 60.0, 0.0, "{px}: {label}");
            }
        }
        // A minute's window gets seconds, a huge one stays in range.
        let tiny = egui_plot::GridInput {
            bounds: (0.0, 60.0),
            base_step_size: 0.3,
        };
        assert_eq!(time_steps(tiny), [1.0, 5.0, 10.0]);
        let huge = egui_plot::GridInput {
            bounds: (0.0, 1e9),
            base_step_size: 1e8,
        };
        assert_eq!(time_steps(huge)[2], TIME_STEPS[TIME_STEPS.len() - 1]);
        // Each step divides the next: the marks of a coarse one are also
        // marks of the finer ones.
        for w in TIME_STEPS.windows(2) {
            assert_eq!(w[1] % w[0], 0.0, "{w:?}");
        }
    }
}
