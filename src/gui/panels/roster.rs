//! The roster: the devices expected to follow this server, one line and
//! one colour each (the verdict `stratum roster list` prints), the unknown
//! clients apart, and the edits (add, remove, ask now, a bundle's devices).

use std::time::{Duration, Instant};

use crate::cli::roster::words::{no_answer_text, notes, summary, verdict_line};
use crate::core::explain::Status;
use crate::core::roster::report::{DeviceReport, NoAnswer};
use crate::core::roster::{Device, DeviceKind, RosterReport, Verdict};
use crate::gui::backend::Command;
use crate::gui::state::{AppState, Panel, status_color};
use crate::ipc::RosterOp;

#[derive(Default)]
pub struct Form {
    pub name: String,
    pub address: String,
    pub kind: Option<DeviceKind>,
    /// A lab bundle's description (LAB.toml) to take devices from.
    pub bundle: String,
    /// The device last asked with "Ask … now", said until its answer is in
    /// or its queries are over.
    pub probing: Option<Probing>,
}

/// One "Ask … now": when, and the answer the device had before it (a newer
/// one is this query's).
pub struct Probing {
    pub name: String,
    pub asked: Instant,
    pub answered_before: Option<f64>,
    /// When it ended: its result stays a minute.
    pub ended: Option<Instant>,
}

/// The helper's queries: 4, 2 s apart, each waited for 2 s; with slack for
/// its schedule's tick and the window's next snapshot.
const PROBE_LASTS: Duration = Duration::from_secs(4 * 2 + 2 + 6);
/// How long a probe's result stays under the buttons.
const PROBE_RESULT_SHOWN: Duration = Duration::from_secs(60);

/// The "Ask … now" line: asking, then what came of it (its answer, or no
/// answer after the 4 queries with the likely cause), then nothing.
fn probing_ui(ui: &mut egui::Ui, st: &AppState, form: &mut Form, report: &RosterReport) {
    let Some(p) = &mut form.probing else {
        return;
    };
    let Some(d) = report.devices.iter().find(|d| d.name == p.name) else {
        form.probing = None;
        return;
    };
    let answered = d
        .answer
        .as_ref()
        .is_some_and(|a| p.answered_before.is_none_or(|b| a.time > b));
    if p.ended.is_none() && (answered || p.asked.elapsed() >= PROBE_LASTS) {
        p.ended = Some(Instant::now());
    }
    match p.ended {
        None => {
            // No spinner: the snapshots repaint meanwhile, and the wake-up
            // below ends it when no answer came.
            ui.label(st.ta(
                "roster-gui-probing",
                &[
                    ("name", p.name.clone()),
                    ("secs", PROBE_LASTS.as_secs().to_string()),
                ],
            ));
            ui.ctx()
                .request_repaint_after(PROBE_LASTS.saturating_sub(p.asked.elapsed()));
        }
        Some(t) if t.elapsed() < PROBE_RESULT_SHOWN => {
            ui.ctx()
                .request_repaint_after(PROBE_RESULT_SHOWN.saturating_sub(t.elapsed()));
            if answered {
                ui.colored_label(
                    status_color(Status::Ok),
                    st.ta("roster-gui-probe-answered", &[("name", p.name.clone())]),
                );
            } else {
                ui.colored_label(
                    status_color(Status::Warn),
                    st.ta(
                        "roster-gui-probe-no-answer",
                        &[
                            ("address", d.address.clone()),
                            ("why", probe_cause(d, &st.tr)),
                        ],
                    ),
                );
            }
        }
        Some(_) => form.probing = None,
    }
}

/// Why a device did not answer, as likely as the facts allow.
fn probe_cause(d: &DeviceReport, tr: &crate::i18n::Localizer) -> String {
    match &d.no_answer {
        None | Some(NoAnswer::Timeout) => tr.tr("roster-gui-probe-timeout-cause"),
        other => no_answer_text(other.as_ref(), tr),
    }
}

/// The colour of a verdict: following is good; polling without answering
/// is how many switches are (not an error); the rest need a look.
pub fn verdict_status(v: Verdict) -> Status {
    match v {
        Verdict::FollowsUs => Status::Ok,
        Verdict::PollsNoAnswer | Verdict::Unknown | Verdict::Waiting => Status::Info,
        Verdict::FollowsOther | Verdict::Unsynchronised => Status::Warn,
        Verdict::NotPolling => Status::Bad,
    }
}

/// The Overview's line: "5 of 6 devices follow this server".
pub fn overview_line(st: &AppState) -> Option<(String, Status)> {
    let r = st.snapshot.as_ref()?.roster.as_ref()?;
    let (following, total) = r.following();
    // Only this server itself on the roster: no device to count.
    if total == 0 {
        return None;
    }
    let status = if following == total {
        Status::Ok
    } else {
        Status::Warn
    };
    Some((
        st.ta(
            "roster-gui-overview",
            &[
                ("following", following.to_string()),
                ("total", total.to_string()),
            ],
        ),
        status,
    ))
}

pub fn roster_ui(
    ui: &mut egui::Ui,
    st: &mut AppState,
    form: &mut Form,
    commands: &mut Vec<Command>,
) {
    if crate::gui::widgets::offline_note_ui(ui, st) {
        return;
    }
    // The verdicts come from the client log, which needs more than
    // chronyc's public view.
    if st
        .snapshot
        .as_ref()
        .is_some_and(|s| s.serverstats.is_none())
    {
        ui.label(st.t("roster-gui-offline"));
    }
    // The file and the device list; verdicts come with every snapshot.
    st.follow(
        Panel::Roster,
        vec![Command::Roster(RosterOp::Get)],
        Duration::from_secs(5),
        commands,
    );
    if let Some(r) = &st.roster {
        ui.label(st.ta("roster-gui-intro", &[("path", r.file.clone())]));
    }
    let report: Option<RosterReport> =
        st.snapshot
            .as_ref()
            .and_then(|s| s.roster.clone())
            .or_else(|| {
                st.roster
                    .as_ref()
                    .map(|r| RosterReport::unjudged(&r.devices, &r.file))
            });
    if let Some(e) = &st.last_error {
        ui.colored_label(status_color(Status::Bad), e);
    }
    add_ui(ui, st, form, commands);
    ui.separator();
    let Some(report) = report.filter(|r| !r.devices.is_empty()) else {
        ui.label(st.t("roster-gui-empty"));
        return;
    };
    if st.snapshot.as_ref().is_some_and(|s| s.roster.is_some()) && report.following().1 > 0 {
        ui.strong(summary(&report, &st.tr));
    }
    if ui.button(st.t("roster-gui-probe")).clicked() {
        commands.push(Command::Roster(RosterOp::Probe { name: None }));
        form.probing = None;
    }
    // A visible result of "Ask … now": under way, then what came of it.
    probing_ui(ui, st, form, &report);
    egui::ScrollArea::vertical().show(ui, |ui| {
        for d in &report.devices {
            ui.horizontal_wrapped(|ui| {
                let line = st.ta(
                    "roster-gui-line",
                    &[
                        ("name", d.name.clone()),
                        ("kind", st.t(&format!("roster-kind-{}", d.kind.id()))),
                        ("address", d.address.clone()),
                        ("verdict", verdict_line(d, &st.tr)),
                    ],
                );
                // This server itself is not a device that fails to poll it.
                let status = if d.itself {
                    Status::Info
                } else {
                    verdict_status(d.verdict)
                };
                ui.colored_label(status_color(status), line);
                if ui
                    .small_button(st.ta("roster-gui-probe-one", &[("name", d.name.clone())]))
                    .clicked()
                {
                    commands.push(Command::Roster(RosterOp::Probe {
                        name: Some(d.name.clone()),
                    }));
                    form.probing = Some(Probing {
                        name: d.name.clone(),
                        asked: Instant::now(),
                        answered_before: d.answer.as_ref().map(|a| a.time),
                        ended: None,
                    });
                }
                if ui
                    .small_button(st.ta("roster-gui-remove", &[("name", d.name.clone())]))
                    .clicked()
                {
                    commands.push(Command::Roster(RosterOp::Remove {
                        name: d.name.clone(),
                    }));
                }
            });
            for n in notes(d, &report, &st.tr) {
                ui.label(format!("    {n}"));
            }
        }
        if report.unknown_total > 0 {
            ui.separator();
            ui.label(st.ta(
                "roster-gui-unknown",
                &[("count", report.unknown_total.to_string())],
            ));
            for u in &report.unknown {
                let addr = u.address.to_string();
                if ui
                    .small_button(st.ta("roster-gui-add-unknown", &[("address", addr.clone())]))
                    .clicked()
                {
                    form.address = addr;
                }
            }
        }
    });
}

fn add_ui(ui: &mut egui::Ui, st: &AppState, form: &mut Form, commands: &mut Vec<Command>) {
    // Wrapped rows: at 1024×700 with the help open they do not fit on one
    // line, and one over-wide row widens every line of text below it.
    ui.horizontal_wrapped(|ui| {
        // Each field named by the label before it (assistive technology
        // reads "Name", "Address", "Kind").
        let label = ui.label(st.t("roster-gui-name"));
        ui.add(
            egui::TextEdit::singleline(&mut form.name)
                .id_salt("roster.name")
                .desired_width(120.0),
        )
        .labelled_by(label.id);
        let label = ui.label(st.t("roster-gui-address"));
        let address = ui
            .add(
                egui::TextEdit::singleline(&mut form.address)
                    .id_salt("roster.address")
                    .hint_text(st.t("roster-gui-address-hint"))
                    .desired_width(140.0),
            )
            .labelled_by(label.id);
        // Enter in the address field adds, as in Upstream servers.
        let entered = address.lost_focus() && ui.input(|i| i.key_pressed(egui::Key::Enter));
        let kind_label = st.t("roster-gui-kind");
        ui.label(&kind_label);
        let kind = form.kind.unwrap_or_default();
        egui::ComboBox::from_id_salt("roster.kind")
            .selected_text(st.t(&format!("roster-kind-{}", kind.id())))
            .show_ui(ui, |ui| {
                for k in DeviceKind::ALL {
                    ui.selectable_value(
                        &mut form.kind,
                        Some(*k),
                        st.t(&format!("roster-kind-{}", k.id())),
                    );
                }
            })
            .response
            // The box is named like the label beside it (egui names a
            // combo box by its own label, which sits after it).
            .widget_info(|| {
                egui::WidgetInfo::labeled(egui::WidgetType::ComboBox, true, &kind_label)
            });
        let device = Device {
            name: form.name.trim().to_string(),
            address: form.address.trim().to_string(),
            kind,
        };
        // A bad name or address says why instead of being sent.
        let problem = device.check().err().filter(|_| !form.name.is_empty());
        let add = ui.add_enabled(
            problem.is_none() && !form.name.is_empty(),
            egui::Button::new(st.t("roster-gui-add")),
        );
        if add.clicked() || (entered && add.enabled()) {
            commands.push(Command::Roster(RosterOp::Add { device }));
            form.name.clear();
            form.address.clear();
        }
        if let Some(e) = problem {
            let (id, args) = e.message();
            let args: Vec<(&str, String)> = args.into_iter().collect();
            ui.colored_label(status_color(Status::Bad), st.tr.tr_args(id, &args));
        }
    });
    ui.horizontal_wrapped(|ui| {
        let label = ui.label(st.t("roster-gui-bundle"));
        ui.add(
            egui::TextEdit::singleline(&mut form.bundle)
                .id_salt("roster.bundle")
                .desired_width(240.0),
        )
        .labelled_by(label.id);
        crate::gui::dialogs::browse_ui(
            ui,
            st,
            crate::gui::dialogs::Pick::Open,
            "lab.toml",
            &mut form.bundle,
        );
        if ui
            .add_enabled(
                !form.bundle.trim().is_empty(),
                egui::Button::new(st.t("roster-gui-import")),
            )
            .clicked()
        {
            commands.push(Command::ReadBundle(form.bundle.trim().into()));
        }
    });
}

impl crate::gui::view::View for Form {
    fn ui(&mut self, ui: &mut egui::Ui, st: &mut AppState, commands: &mut Vec<Command>) {
        roster_ui(ui, st, self, commands);
    }
}
