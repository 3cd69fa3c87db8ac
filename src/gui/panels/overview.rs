//! The tracking card: synchronised or not, reference, stratum, offset,
//! frequency, leap, a one-line verdict; server stats, activity, actions.

use crate::gui::widgets::DisabledHover;
use egui::RichText;

use crate::core::alarm::HealthState;
use crate::core::explain::{Kind, Status};
use crate::core::series::{Field, SeriesId};
use crate::gui::backend::Command;
use crate::gui::state::{ActionOutcome, AppState, Panel, status_color};
use crate::gui::widgets::fields_ui;
use crate::ipc::Action;
use std::time::Duration;

/// Shows only what the window knows: no state of its own.
#[derive(Default)]
pub struct Form;

pub fn overview_ui(ui: &mut egui::Ui, st: &mut AppState, commands: &mut Vec<Command>) {
    if crate::gui::widgets::offline_note_ui(ui, st) {
        return;
    }
    if let Some(e) = st.live.get(&Kind::ChronycTracking).cloned() {
        let mut certs = nts_certs(st);
        certs.extend(leap_lines(st));
        // The verdict, as the status bar, notifications and `stratum
        // status` say it (health::verdict, decided by the helper).
        if let Some(s) = st.snapshot.as_ref() {
            // An isolated server serving its own clock, as chosen: a
            // neutral fact.
            let chosen = crate::core::health::own_clock_by_choice(s)
                && crate::core::health::alarms_to_tell(s).is_empty();
            let color = match s.health.state {
                _ if chosen => status_color(Status::Info),
                HealthState::Healthy => status_color(Status::Ok),
                HealthState::Starting => status_color(Status::Info),
                HealthState::Warning => status_color(Status::Warn),
                HealthState::Critical => status_color(Status::Bad),
            };
            let text = st.tr.health_headline(s, &s.health);
            ui.add(egui::Label::new(RichText::new(text).size(18.0).color(color)).wrap());
        }
        // Offset to true time with its error bound, at a glance.
        if let Some(t) = st.snapshot.as_ref().and_then(|s| s.tracking.as_ref()) {
            let bound = t.root_delay / 2.0 + t.root_dispersion;
            let text = if t.ref_id == crate::core::cmdmon::LOCAL_REFID && bound == 0.0 {
                // A root dispersion of 0 on its own clock is no estimate of
                // drift, not a bound: chronyd estimates drift only from a
                // source's measurements. "Just started" only while true.
                let s = st.snapshot.as_ref();
                let id = if s.is_some_and(|s| s.just_started()) {
                    "gui-own-clock-started"
                } else if s.is_some_and(|s| s.sources.is_empty()) {
                    "gui-own-clock-no-source"
                } else {
                    "gui-own-clock-no-answer"
                };
                st.ta(id, &[("stratum", t.stratum.to_string())])
            } else if t.ref_id == crate::core::cmdmon::LOCAL_REFID {
                // A free-running local clock: no distance to true time is
                // known, only how far chronyd thinks it may have drifted.
                st.ta(
                    "gui-own-clock",
                    &[
                        ("stratum", t.stratum.to_string()),
                        ("dispersion", crate::gui::widgets::human_seconds(bound)),
                    ],
                )
            } else {
                let direction = match crate::core::time::Direction::of_correction(t.system_time) {
                    crate::core::time::Direction::Slow => "slow",
                    crate::core::time::Direction::Fast => "fast",
                };
                st.ta(
                    "gui-offset-bound",
                    &[
                        ("direction", direction.to_string()),
                        (
                            "offset",
                            crate::gui::widgets::human_seconds(t.system_time.abs()),
                        ),
                        ("bound", crate::gui::widgets::human_seconds(bound)),
                        ("stratum", t.stratum.to_string()),
                    ],
                )
            };
            ui.label(RichText::new(text).size(15.0));
        }
        // The roster: how many expected devices follow this server.
        let roster = super::roster::overview_line(st);
        if let Some((line, status)) = &roster {
            ui.colored_label(status_color(*status), line);
        }
        // Which source, and since when the clock was last updated from it.
        if let Some(t) = st.snapshot.as_ref().and_then(|s| s.tracking.as_ref()) {
            // The configured name of the source; 127.127.1.1: chronyd's
            // own clock (`local`).
            let source = match st
                .snapshot
                .as_ref()
                .and_then(crate::core::health::reference_name)
            {
                Some(name) => name,
                None if t.ref_id == crate::core::cmdmon::LOCAL_REFID => st.t("gui-follows-local"),
                None => crate::core::cmdmon::refid_text(t.ref_id),
            };
            let ago = (crate::sys::now() - t.ref_time).max(0.0);
            ui.label(st.ta(
                "gui-synced-from",
                &[("source", source), ("ago", format!("{ago:.0}"))],
            ));
        }
        // This server's NTS certificates and leap second list: expiry at a
        // glance; a leap second chronyd announces, with its countdown.
        for (status, text) in certs {
            ui.colored_label(status_color(status), text);
        }
        // What follows the plot: the findings, the tracking fields, the
        // actions and two expanders (a row each).
        let row = ui.text_style_height(&egui::TextStyle::Body) + ui.spacing().item_spacing.y + 4.0;
        let below = (e.fields.len() + 8) as f32 * row;
        sparkline_ui(ui, st, commands, below);
        // The same findings as Explain gives for tracking, sources and
        // authentication.
        let mut findings: Vec<_> = e.findings.iter().map(|f| (e.kind, f.clone())).collect();
        for kind in [Kind::ChronycSources, Kind::ChronycAuthdata] {
            if let Some(x) = st.live.get(&kind) {
                findings.extend(x.findings.iter().map(|f| (x.kind, f.clone())));
            }
        }
        // "No problem found" would deny the roster's line above: a device
        // that does not follow yet (within its grace, before an alarm).
        let roster_pending = roster.is_some_and(|(_, s)| s != Status::Ok);
        if !(findings.is_empty() && roster_pending) {
            crate::gui::widgets::findings_ui(ui, st, &findings);
        }
        ui.add_space(6.0);
        // Zeros chronyd reports with no reference read "not measured".
        let not_measured = st.t("gui-not-measured");
        let fields: Vec<_> = e
            .fields
            .iter()
            .cloned()
            .map(|mut f| {
                if crate::gui::widgets::not_measured(&f) {
                    f.raw = not_measured.clone();
                    f.value = crate::core::explain::Value::Text;
                }
                f
            })
            .collect();
        fields_ui(ui, st, "tracking", e.kind, &fields);
    }
    ui.add_space(8.0);
    let mut asked = None;
    ui.horizontal(|ui| {
        let may = st.may_change();
        if ui
            .add_enabled(may, egui::Button::new(st.t("gui-action-burst")))
            .on_hover_text(st.t("gui-action-burst-help"))
            .clicked()
        {
            asked = Some(Action::Burst);
        }
        let lab = st.is_lab();
        let makestep = ui
            .add_enabled(may && !lab, egui::Button::new(st.t("gui-action-makestep")))
            .on_hover_text(st.t("gui-action-makestep-help"));
        let makestep = if lab {
            makestep.disabled_hover_text(st.t("err-action-makestep-lab"))
        } else {
            makestep
        };
        if makestep.clicked() {
            asked = Some(Action::Makestep);
        }
        if ui
            .add_enabled(may, egui::Button::new(st.t("gui-action-refresh")))
            .on_hover_text(st.t("gui-action-refresh-help"))
            .clicked()
        {
            asked = Some(Action::Refresh);
        }
    });
    let pressed = asked.is_some();
    if let Some(a) = asked {
        commands.push(Command::Action(a.clone()));
        st.action = Some((a, ActionOutcome::Pending));
    }
    action_result_ui(ui, st, pressed);
    ui.add_space(8.0);
    for (key, title) in [
        (Kind::ChronycServerstats, "gui-serverstats"),
        (Kind::ChronycActivity, "gui-activity"),
    ] {
        if let Some(e) = st.live.get(&key).cloned() {
            ui.collapsing(st.t(title), |ui| {
                // chronyd before 4.4 does not say where timestamps came from.
                let older = st
                    .snapshot
                    .as_ref()
                    .and_then(|s| s.serverstats)
                    .is_some_and(|x| x.ntp_daemon_rx_timestamps.is_none());
                if key == Kind::ChronycServerstats && older {
                    let v = st.chrony_version().to_string();
                    ui.weak(st.ta("gui-serverstats-older", &[("version", v)]));
                }
                fields_ui(ui, st, key.name(), e.kind, &e.fields)
            });
        }
    }
}

/// The offset over the last five minutes, with the clock's maximum error
/// (|offset| + root dispersion + root delay/2) beside it: as tall as the
/// window leaves after the `below` points that follow it (80 at least), its
/// legend above it, clear of the lines.
fn sparkline_ui(ui: &mut egui::Ui, st: &mut AppState, commands: &mut Vec<Command>, below: f32) {
    // chronyd's correction, as the headline above it.
    const SERIES: SeriesId = SeriesId::system(Field::Correction);
    const ERROR: SeriesId = SeriesId::system(Field::Error);
    let now = crate::sys::now();
    // The last five minutes, asked for again every 10 s by the backend.
    st.follow(
        Panel::Overview,
        vec![Command::HistoryRecent {
            series: vec![SERIES, ERROR],
            window: 300.0,
            columns: 150,
        }],
        std::time::Duration::from_secs(10),
        commands,
    );
    let Some(pts) = st.history.get(&SERIES).filter(|p| p.len() > 1) else {
        return;
    };
    // chronyd's zeros for a clock nobody measured are no line, as on
    // Plots: the chart stays (its place in the page), empty, and says why.
    use crate::gui::panels::plots::unmeasured_zeros;
    let unmeasured = unmeasured_zeros(st, &SERIES, pts);
    let line: Option<egui_plot::PlotPoints> = (!unmeasured).then(|| {
        pts.iter()
            .filter(|(t, _, _)| *t >= now - 300.0)
            // Ahead positive, as on the Plots panel.
            .map(|(t, lo, hi)| [*t - now, -(lo + hi) / 2.0 * 1e6])
            .collect::<Vec<_>>()
            .into()
    });
    // On its own clock the history has no maximum error (no bound is
    // known): no line, and a word saying why.
    let own_clock = st
        .snapshot
        .as_ref()
        .and_then(|s| s.tracking.as_ref())
        .is_some_and(|t| t.serves_own_clock());
    let error: Option<egui_plot::PlotPoints> = st
        .history
        .get(&ERROR)
        .map(|p| {
            p.iter()
                .filter(|(t, _, _)| *t >= now - 300.0)
                .map(|(t, _, hi)| [*t - now, hi * 1e6])
                .collect::<Vec<_>>()
        })
        .filter(|p| !p.is_empty())
        .map(Into::into);
    use crate::gui::panels::plots::{PALETTE, legend_row_ui, name_plot, room_below};
    ui.weak(st.t("gui-sparkline"));
    let (offset_name, error_name) = (
        st.t("gui-series-system-offset"),
        st.t("gui-stats-max-error"),
    );
    let (offset_color, error_color) = (PALETTE[0], PALETTE[1]);
    let mut legend = Vec::new();
    if line.is_some() {
        legend.push((offset_name.clone(), offset_color));
    }
    if error.is_some() {
        legend.push((error_name.clone(), error_color));
    }
    legend_row_ui(ui, &legend);
    if unmeasured {
        ui.add(egui::Label::new(RichText::new(st.t("gui-spark-unmeasured")).weak()).wrap());
    } else if own_clock {
        ui.weak(st.t("gui-spark-error-unknown"));
    }
    let height = (room_below(ui) - below).clamp(80.0, 600.0);
    let r = egui_plot::Plot::new("overview-spark")
        .height(height)
        .show_axes([false, true])
        .show_grid(false)
        .allow_drag(false)
        .allow_zoom(false)
        .allow_scroll(false)
        .show(ui, |p| {
            if let Some(line) = line {
                p.line(egui_plot::Line::new(offset_name, line).color(offset_color));
            }
            if let Some(e) = error {
                p.line(egui_plot::Line::new(error_name, e).color(error_color));
            }
        });
    name_plot(&r.response, &st.t("gui-a11y-spark"));
}

/// How long "Done" stays under the buttons.
const DONE_SHOWN: Duration = Duration::from_secs(60);

/// What chronyd's OK to a burst means for these sources: only those with
/// an address are polled; with none, nothing will come, and why is said.
fn burst_done_ui(ui: &mut egui::Ui, st: &AppState) -> egui::Response {
    let sources = st.snapshot.as_ref().map_or(&[][..], |s| &s.sources[..]);
    let polled = sources.iter().filter(|s| !s.unresolved()).count();
    let unresolved: Vec<String> = sources
        .iter()
        .filter(|s| s.unresolved())
        .map(|s| s.display_name())
        .collect();
    if polled == 0 {
        let key = if unresolved.is_empty() {
            "gui-action-done-burst-no-sources"
        } else {
            "gui-action-done-burst-unresolved"
        };
        return ui.colored_label(
            status_color(Status::Warn),
            st.ta(key, &[("names", st.tr.list(&unresolved))]),
        );
    }
    ui.colored_label(
        status_color(Status::Ok),
        st.ta(
            "gui-action-done-burst",
            &[
                ("polled", polled.to_string()),
                ("unresolved", unresolved.len().to_string()),
            ],
        ),
    )
}

/// chronyd's OK to a refresh: names that do not resolve here still do
/// not after it, so it is not called done for them.
fn refresh_done_ui(ui: &mut egui::Ui, st: &AppState) -> egui::Response {
    let sources = st.snapshot.as_ref().map_or(&[][..], |s| &s.sources[..]);
    let unresolved: Vec<String> = sources
        .iter()
        .filter(|s| s.unresolved())
        .map(|s| s.display_name())
        .collect();
    if unresolved.is_empty() {
        return ui.colored_label(status_color(Status::Ok), st.t("gui-action-done-refresh"));
    }
    ui.colored_label(
        status_color(Status::Warn),
        st.ta(
            "gui-action-done-refresh-unresolved",
            &[("names", st.tr.list(&unresolved))],
        ),
    )
}

/// What the last Burst / Step / Refresh did, right under the buttons, and
/// scrolled into view when pressed (the buttons sit low on a small window).
fn action_result_ui(ui: &mut egui::Ui, st: &AppState, just_pressed: bool) {
    let Some((action, outcome)) = &st.action else {
        return;
    };
    let name = st.t(match action {
        Action::Makestep => "gui-action-makestep",
        Action::Refresh => "gui-action-refresh",
        _ => "gui-action-burst",
    });
    let r = match outcome {
        ActionOutcome::Pending => {
            ui.horizontal(|ui| {
                ui.spinner();
                ui.label(st.ta("gui-action-pending", &[("action", name)]))
            })
            .inner
        }
        ActionOutcome::Done => {
            // What chronyd said holds for a minute (a burst's polls are over
            // by then); after that the line would be about the past.
            let left = st
                .action_done_at
                .map_or(DONE_SHOWN, |t| DONE_SHOWN.saturating_sub(t.elapsed()));
            if left.is_zero() {
                return;
            }
            ui.ctx().request_repaint_after(left);
            match action {
                Action::Makestep => {
                    ui.colored_label(status_color(Status::Ok), st.t("gui-action-done-makestep"))
                }
                Action::Refresh => refresh_done_ui(ui, st),
                _ => burst_done_ui(ui, st),
            }
        }
        ActionOutcome::Failed(why) => ui.colored_label(
            status_color(Status::Bad),
            st.ta(
                "gui-action-failed",
                &[("action", name), ("reason", why.clone())],
            ),
        ),
    };
    if just_pressed {
        r.scroll_to_me(None);
    }
}

impl crate::gui::view::View for Form {
    fn ui(
        &mut self,
        ui: &mut egui::Ui,
        st: &mut AppState,
        commands: &mut Vec<crate::gui::backend::Command>,
    ) {
        overview_ui(ui, st, commands);
    }
}

/// A pending leap second (warn: clients and logs will see a 61- or
/// 59-second minute) and the leap second list (bad when chronyd cannot use
/// it or it has expired, warn within 30 days of its end).
fn leap_lines(st: &AppState) -> Vec<(Status, String)> {
    let now = crate::sys::now();
    let mut out = Vec::new();
    let Some(s) = st.snapshot.as_ref() else {
        return out;
    };
    if let Some(t) = &s.tracking
        && let Some(text) = st.tr.pending_leap_text(t.leap_status, now)
    {
        out.push((Status::Warn, text));
    }
    if let Some(l) = &s.leap_list {
        let now = now as i64;
        let status = if l.problem.is_some() || now >= l.expires {
            Status::Bad
        } else if l.days_left(now) <= crate::core::leap::WARN_DAYS {
            Status::Warn
        } else {
            Status::Ok
        };
        out.push((status, st.tr.leap_list_text(l, now)));
    }
    out
}

/// Each NTS certificate the server serves: its verdict (bad when expired or
/// unreadable, warn within 30 days of its end) and one line about it.
fn nts_certs(st: &AppState) -> Vec<(Status, String)> {
    let now = crate::sys::now() as i64;
    st.snapshot
        .iter()
        .flat_map(|s| &s.nts_certs)
        .map(|c| {
            let status = if c.unreadable || now >= c.not_after || now < c.not_before {
                Status::Bad
            } else if c.days_left(now) <= crate::core::nts::WARN_DAYS {
                Status::Warn
            } else {
                Status::Ok
            };
            (status, st.tr.cert_text(c, now))
        })
        .collect()
}
