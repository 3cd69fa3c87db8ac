//! Statistics: a series (the system clock's offset, frequency, skew, root
//! delay and dispersion, or a source's offset) over 5 min to 7 days — its
//! summary as ntpviz gives it, a histogram with ±1σ marks, and OADEV, MDEV
//! and TDEV on log–log axes with their intervals and the noise type at
//! each τ. The backend computes them from the helper's history; nothing
//! here but drawing.

use egui_plot::{Bar, BarChart, GridInput, GridMark, Legend, Line, Plot, PlotPoints, VLine};

use crate::core::series::{Field, Scope, SeriesId};
use crate::core::stats::{Analysis, DevPoint};
use crate::gui::backend::Command;
use crate::gui::settings::PlotWindow;
use crate::gui::state::AppState;

pub struct Form {
    pub series: SeriesId,
    pub window: PlotWindow,
    /// What was last asked for (asked again when the choice changes).
    asked: Option<(SeriesId, PlotWindow)>,
    pub csv: crate::gui::dialogs::SaveField,
}

impl Default for Form {
    fn default() -> Form {
        Form {
            series: SeriesId::system(Field::Offset),
            window: PlotWindow::OneHour,
            asked: None,
            csv: Default::default(),
        }
    }
}

/// The series one can analyse, with their labels.
fn choices(st: &AppState) -> Vec<(SeriesId, String)> {
    let mut v: Vec<(SeriesId, String)> = [
        (Field::Offset, "gui-series-system-offset"),
        (Field::Frequency, "gui-series-frequency"),
        (Field::Skew, "gui-series-skew"),
        (Field::RootDelay, "gui-stats-root-delay"),
        (Field::RootDispersion, "gui-stats-root-dispersion"),
        (Field::Error, "gui-stats-max-error"),
        (Field::NtpRate, "gui-stats-ntp-rate"),
        (Field::Clients, "gui-stats-clients"),
    ]
    .into_iter()
    .map(|(f, id)| (SeriesId::system(f), st.t(id)))
    .collect();
    for s in &st.series {
        if let (Scope::Source(name), Field::Offset) = (&s.scope, s.field) {
            v.push((
                s.clone(),
                st.ta("gui-stats-source-offset", &[("source", name.clone())]),
            ));
        }
    }
    v
}

/// An axis tick of `field` at `v`, with as many digits as the ticks'
/// spacing `step` needs: two ticks never read the same.
pub fn tick_text(field: Field, v: f64, step: f64) -> String {
    let step = step.abs();
    let digits = |scale: f64| -> usize {
        if step > 0.0 && step.is_finite() {
            (-(step / scale).log10().floor()).clamp(0.0, 9.0) as usize
        } else {
            0
        }
    };
    match field {
        Field::Frequency | Field::Skew | Field::ResidualFreq => {
            format!("{v:+.*} ppm", digits(1.0))
        }
        Field::NtpRate => format!("{v:.*}/s", digits(1.0)),
        Field::Clients => format!("{v:.*}", digits(1.0)),
        _ => {
            // The unit of the spacing, so that the digits follow it.
            let (scale, unit) = match step {
                s if s < 1e-6 => (1e-9, "ns"),
                s if s < 1e-3 => (1e-6, "µs"),
                s if s < 1.0 => (1e-3, "ms"),
                _ => (1.0, "s"),
            };
            format!("{:.*} {unit}", digits(scale), v / scale)
        }
    }
}

/// Grid marks for an axis that plots log10 of the values: at 1, 2 and 5
/// times each power of ten in view (the powers alone when many decades
/// are), so that every tick is a distinct round value.
pub fn log_marks(input: GridInput) -> Vec<GridMark> {
    let (lo, hi) = input.bounds;
    if !(lo.is_finite() && hi.is_finite()) || hi <= lo || hi - lo > 60.0 {
        return Vec::new();
    }
    let multiples: &[f64] = if hi - lo > 4.0 {
        &[1.0]
    } else {
        &[1.0, 2.0, 5.0]
    };
    let mut marks = Vec::new();
    for decade in (lo.floor() as i32)..=(hi.ceil() as i32) {
        for m in multiples {
            let value = f64::from(decade) + m.log10();
            if (lo..=hi).contains(&value) {
                let step_size = if *m == 1.0 { 1.0 } else { 0.3 };
                marks.push(GridMark { value, step_size });
            }
        }
    }
    marks
}

/// The value 10^v of a log axis at a tick (1-2-5 values: one significant
/// digit says them all).
pub fn log_tick_text(v: f64) -> String {
    format!("{:.0e}", 10f64.powf(v))
}

/// The noise type at each τ of the deviations, where the Allan deviation
/// there and at the τ its slope is read against are above zero: a series
/// that does not change has no noise to name.
pub fn noise_at(d: &crate::core::stats::Deviations) -> Vec<(f64, crate::core::stats::Noise)> {
    let ad: Vec<f64> = d.oadev.iter().map(|p| p[1]).collect();
    let good = |i: usize| ad.get(i).is_some_and(|v| v.is_finite() && *v > 0.0);
    d.oadev
        .iter()
        .zip(&d.noise)
        .enumerate()
        .filter(|(i, _)| {
            let j = if i + 1 < ad.len() {
                i + 1
            } else {
                i.saturating_sub(1)
            };
            good(*i) && good(j)
        })
        .map(|(_, (p, n))| (p[0], *n))
        .collect()
}

/// Seconds (or ppm) in a readable unit.
fn value_text(field: Field, v: f64) -> String {
    match field {
        Field::Frequency | Field::Skew | Field::ResidualFreq => format!("{v:+.3} ppm"),
        Field::NtpRate => format!("{v:.2}/s"),
        Field::Clients => format!("{v:.0}"),
        _ => crate::gui::widgets::human_seconds(v),
    }
}

pub fn statistics_ui(
    ui: &mut egui::Ui,
    st: &mut AppState,
    form: &mut Form,
    commands: &mut Vec<Command>,
) {
    let list = choices(st);
    ui.horizontal(|ui| {
        let current = list
            .iter()
            .find(|(s, _)| *s == form.series)
            .map(|(_, l)| l.clone())
            .unwrap_or_else(|| form.series.to_string());
        // Named for screen readers by its label (beside it).
        egui::ComboBox::from_label(st.t("gui-stats-series"))
            .selected_text(current)
            .show_ui(ui, |ui| {
                for (s, label) in &list {
                    ui.selectable_value(&mut form.series, s.clone(), label);
                }
            });
        ui.separator();
        for w in PlotWindow::ALL {
            if ui
                .selectable_label(form.window == w, st.t(w.label_id()))
                .clicked()
            {
                form.window = w;
            }
        }
        ui.separator();
        if ui.button(st.t("gui-stats-refresh")).clicked() {
            form.asked = None;
        }
    });
    let want = (form.series.clone(), form.window);
    let connected = matches!(
        st.connection,
        crate::gui::state::Connection::Connected { .. }
    );
    if form.asked.as_ref() != Some(&want) && connected {
        form.asked = Some(want);
        commands.push(Command::Stats {
            series: form.series.clone(),
            window: form.window.seconds(),
        });
    }
    // Why the maximum error has no values while the clock is its own.
    let own_clock = st
        .snapshot
        .as_ref()
        .and_then(|s| s.tracking.as_ref())
        .is_some_and(|t| t.serves_own_clock());
    if own_clock && form.series == SeriesId::system(Field::Error) {
        ui.label(st.t("gui-stats-max-error-own-clock"));
    }
    // Root delay and dispersion are left out the same way (History::record).
    let root = [Field::RootDelay, Field::RootDispersion].map(SeriesId::system);
    if own_clock && root.contains(&form.series) {
        ui.label(st.t("gui-stats-root-own-clock"));
    }
    let Some(r) = st
        .stats
        .as_ref()
        .filter(|r| r.series == form.series && r.window == form.window.seconds())
    else {
        ui.weak(st.t("gui-stats-computing"));
        return;
    };
    let a: Analysis = r.analysis.clone();
    let field = form.series.field;
    let Some(s) = a.summary else {
        ui.weak(st.t("gui-stats-no-data"));
        return;
    };
    // chronyd's zeros for a clock nothing measured are no values (Plots
    // leaves them out the same way): no "nothing varies", no 0 s min/max.
    if s.min == 0.0
        && s.max == 0.0
        && crate::gui::panels::plots::unmeasured_zeros(st, &form.series, &[])
    {
        ui.label(st.ta("gui-stats-unmeasured", &[("n", s.n.to_string())]));
        return;
    }
    ui.weak(st.ta("gui-stats-samples", &[("n", s.n.to_string())]));
    // The histogram takes two fifths of the room, the deviations the rest:
    // a large window is filled, a small one keeps the old sizes.
    let room = super::plots::room_below(ui);
    let hist_height = ((room - 100.0) * 0.4).max(220.0);
    ui.columns(2, |cols| {
        egui::Grid::new("stats-summary")
            .striped(true)
            .show(&mut cols[0], |ui| {
                for (id, v) in s.rows() {
                    ui.label(st.t(&format!("stats-label-{id}")));
                    if matches!(id, "skewness" | "kurtosis") && !s.has_shape() {
                        ui.monospace(crate::core::explain::NO_VALUE)
                            .on_hover_text(st.t("gui-stats-shape-undefined"));
                    } else if matches!(id, "skewness" | "kurtosis") {
                        ui.monospace(format!("{v:+.3}"));
                    } else {
                        ui.monospace(value_text(field, v));
                    }
                    ui.end_row();
                }
            });
        if s.max == s.min {
            // One value throughout: no spread to draw.
            cols[1].label(st.ta(
                "gui-stats-constant",
                &[("value", value_text(field, s.min)), ("n", s.n.to_string())],
            ));
        } else if let Some(h) = &a.histogram {
            let bars: Vec<Bar> = h
                .counts
                .iter()
                .enumerate()
                .map(|(i, c)| Bar::new(h.lo + (i as f64 + 0.5) * h.width, *c as f64).width(h.width))
                .collect();
            let unit = field;
            Plot::new("stats-histogram")
                .height(hist_height)
                .x_axis_formatter(move |m, _| tick_text(unit, m.value, m.step_size))
                .allow_drag(false)
                .allow_scroll(false)
                .show(&mut cols[1], |p| {
                    p.bar_chart(BarChart::new(st.t("gui-stats-histogram"), bars));
                    for x in [h.mean - h.sd, h.mean + h.sd] {
                        p.vline(VLine::new(st.t("gui-stats-sigma"), x));
                    }
                });
        }
    });
    let noise = a.deviations.as_ref().map(noise_at).unwrap_or_default();
    if a.deviations.is_some() && noise.is_empty() {
        ui.add_space(6.0);
        ui.weak(st.t("gui-stats-flat"));
    }
    if let Some(d) = a.deviations.as_ref().filter(|_| !noise.is_empty()) {
        ui.add_space(6.0);
        ui.strong(st.t("gui-stats-deviations"));
        // log10 on both axes; the axes say the powers of ten.
        let line = |pts: &[DevPoint], k: usize| -> PlotPoints<'static> {
            pts.iter()
                .filter(|p| p[1] > 0.0 && p[k] > 0.0)
                .map(|p| [p[0].log10(), p[k].log10()])
                .collect::<Vec<_>>()
                .into()
        };
        // Round values at the ticks (the axes are log10); below it the
        // noise line and the CSV row.
        let height = (super::plots::room_below(ui) - 80.0).max(240.0);
        let r = Plot::new("stats-deviations")
            .height(height)
            .legend(Legend::default())
            .x_grid_spacer(log_marks)
            .y_grid_spacer(log_marks)
            .x_axis_formatter(|m, _| log_tick_text(m.value))
            .y_axis_formatter(|m, _| log_tick_text(m.value))
            .label_formatter(|name, p| {
                format!(
                    "{name}\nτ = {:.3e} s\n{:.3e}",
                    10f64.powf(p.x),
                    10f64.powf(p.y)
                )
            })
            .show(ui, |p| {
                p.line(Line::new("OADEV", line(&d.oadev, 1)));
                p.line(
                    Line::new("OADEV −", line(&d.oadev, 2))
                        .style(egui_plot::LineStyle::dotted_dense()),
                );
                p.line(
                    Line::new("OADEV +", line(&d.oadev, 3))
                        .style(egui_plot::LineStyle::dotted_dense()),
                );
                p.line(Line::new("MDEV", line(&d.mdev, 1)));
                p.line(Line::new("TDEV", line(&d.tdev, 1)));
            });
        super::plots::name_plot(&r.response, &st.t("gui-a11y-deviations"));
        // The noise type at each τ, in words.
        let regions: Vec<String> = noise
            .iter()
            .map(|(tau, n)| {
                format!(
                    "τ {}: {}",
                    crate::gui::widgets::human_seconds(*tau),
                    st.t(&format!("stats-noise-{}", n.id()))
                )
            })
            .collect();
        ui.weak(regions.join(" · "));
    }
    let series = form.series.clone();
    let csv = |_: &AppState| analysis_csv(&series, &a).into_bytes();
    crate::gui::dialogs::save_ui(
        ui,
        st,
        &mut form.csv,
        ("gui-file-csv", "statistics.csv"),
        "gui-export-csv",
        crate::gui::dialogs::Payload::Bytes(&csv),
    );
}

/// The analysis as `series,kind,tau,value,low,high` rows (as `stratum
/// stats --format csv`).
pub fn analysis_csv(series: &SeriesId, a: &Analysis) -> String {
    let mut w = csv::Writer::from_writer(Vec::new());
    let _ = w.write_record(crate::core::stats::CSV_HEADER);
    if let Some(s) = &a.summary {
        let _ =
            crate::core::stats::write_csv(&mut w, &series.to_string(), s, a.deviations.as_ref());
    }
    String::from_utf8(w.into_inner().unwrap_or_default()).unwrap_or_default()
}

impl crate::gui::view::View for Form {
    fn ui(
        &mut self,
        ui: &mut egui::Ui,
        st: &mut AppState,
        commands: &mut Vec<crate::gui::backend::Command>,
    ) {
        statistics_ui(ui, st, self, commands);
    }
}
