//! Advanced: makestep, rtcsync, logs, rate limiting, command access,
//! leapsectz, stratumweight, and the raw text with lint inline so that
//! anything the panels do not cover can still be edited, never lost.

use egui::RichText;

use crate::core::conf::directive::Directive;
use crate::core::conf::lint::{LintOptions, lint};
use crate::core::conf::{Document, OptValue};
use crate::gui::state::{AppState, status_color};

#[derive(Default)]
pub struct Form {
    /// The raw text while it is being edited.
    pub raw: Option<String>,
    /// A single-line field's text while it has focus: the document takes
    /// it when focus leaves (or on Return), so a half-typed value that does
    /// not parse yet is never thrown away by the next frame's redraw.
    pub drafts: std::collections::BTreeMap<&'static str, String>,
    /// A value chrony would refuse, kept on screen with its error (and the
    /// document's value it was typed over) instead of changing the file.
    pub rejected: std::collections::BTreeMap<&'static str, (String, String)>,
}

fn set(doc: &mut Document, name: &str, line: Option<String>) {
    let d = line.and_then(|l| {
        let (n, a) = l.split_once(' ').unwrap_or((&l, ""));
        Directive::parse(n, a).ok()
    });
    doc.set_single(name, d.as_ref());
}

fn word(doc: &Document, name: &str) -> String {
    match doc.simple_value(name) {
        Some(OptValue::Word(w)) => w.clone(),
        Some(OptValue::Float(f)) => f.to_string(),
        _ => String::new(),
    }
}

pub fn advanced_ui(ui: &mut egui::Ui, st: &mut AppState, form: &mut Form) {
    egui::Grid::new("advanced").num_columns(2).show(ui, |ui| {
        // makestep
        let ms = st.doc.directives().find_map(|(_, d)| match d {
            Directive::Makestep { threshold, limit } => Some((*threshold, *limit)),
            _ => None,
        });
        let mut on = ms.is_some();
        let (mut th, mut lim) = ms.unwrap_or((1.0, 3));
        ui.checkbox(&mut on, "makestep")
            .on_hover_text(st.t("gui-makestep-help"));
        ui.horizontal(|ui| {
            let name = ui.label(st.t("gui-makestep-threshold"));
            ui.add_enabled(
                on,
                egui::DragValue::new(&mut th).range(0.0..=1000.0).speed(0.1),
            )
            .labelled_by(name.id);
            let name = ui.label(st.t("gui-makestep-limit"));
            ui.add_enabled(on, egui::DragValue::new(&mut lim).range(-1..=100))
                .labelled_by(name.id);
        });
        if (on, th, lim) != (ms.is_some(), ms.map_or(1.0, |m| m.0), ms.map_or(3, |m| m.1)) {
            set(
                &mut st.doc,
                "makestep",
                on.then(|| format!("makestep {th} {lim}")),
            );
        }
        ui.end_row();
        for (name, help) in [
            ("rtcsync", "gui-rtcsync-help"),
            ("noclientlog", "gui-noclientlog-help"),
        ] {
            let mut v = st.doc.last_directive(name).is_some();
            let before = v;
            ui.checkbox(&mut v, name).on_hover_text(st.t(help));
            crate::gui::widgets::empty_cell(ui);
            if v != before {
                set(&mut st.doc, name, v.then(|| name.to_string()));
            }
            ui.end_row();
        }
        // log
        let logs: Vec<String> = match st.doc.last_directive("log") {
            Some((_, Directive::Log(l))) => l.clone(),
            _ => Vec::new(),
        };
        ui.label("log").on_hover_text(st.t("gui-log-help"));
        let mut new_logs = logs.clone();
        ui.horizontal(|ui| {
            for n in ["measurements", "statistics", "tracking"] {
                let mut on = new_logs.iter().any(|l| l == n);
                if ui.checkbox(&mut on, n).changed() {
                    if on {
                        new_logs.push(n.to_string());
                    } else {
                        new_logs.retain(|l| l != n);
                    }
                }
            }
        });
        if new_logs != logs {
            set(
                &mut st.doc,
                "log",
                (!new_logs.is_empty()).then(|| format!("log {}", new_logs.join(" "))),
            );
        }
        ui.end_row();
        // ratelimit
        let rl = st.doc.last_directive("ratelimit").map(|(_, d)| d.render());
        let mut on = rl.is_some();
        ui.checkbox(&mut on, "ratelimit")
            .on_hover_text(st.t("gui-ratelimit-help"));
        match &rl {
            Some(line) => {
                ui.label(RichText::new(line).monospace());
            }
            None => crate::gui::widgets::empty_cell(ui),
        }
        if on != rl.is_some() {
            set(
                &mut st.doc,
                "ratelimit",
                on.then(|| "ratelimit interval 3 burst 8".to_string()),
            );
        }
        ui.end_row();
        // text values
        for (name, help) in [
            ("leapsectz", "gui-leapsectz-help"),
            ("stratumweight", "gui-stratumweight-help"),
            ("logdir", "gui-logdir-help"),
        ] {
            let cur = word(&st.doc, name);
            // A refused value stays only while the document still holds
            // what it was typed over.
            if form
                .rejected
                .get(name)
                .is_some_and(|(_, over)| *over != cur)
            {
                form.rejected.remove(name);
            }
            let refused = form.rejected.get(name).map(|(v, _)| v.clone());
            let mut v = form
                .drafts
                .remove(name)
                .or_else(|| refused.clone())
                .unwrap_or_else(|| cur.clone());
            let label = ui.label(name).on_hover_text(st.t(help));
            ui.horizontal(|ui| {
                let r = ui
                    .add(egui::TextEdit::singleline(&mut v).id_salt(("advanced", name)))
                    .labelled_by(label.id);
                if r.has_focus() {
                    form.drafts.insert(name, v);
                } else if r.lost_focus() && v != cur {
                    let v = v.trim();
                    match Directive::parse(name, v) {
                        _ if v.is_empty() => {
                            st.doc.set_single(name, None);
                            form.rejected.remove(name);
                        }
                        Ok(d) => {
                            st.doc.set_single(name, Some(&d));
                            form.rejected.remove(name);
                        }
                        // Bad input changes nothing: chrony's error beside it.
                        Err(_) => {
                            form.rejected.insert(name, (v.to_string(), cur.clone()));
                        }
                    }
                }
                if let Some(v) = form.rejected.get(name).map(|(v, _)| v.clone()) {
                    let probe = Document::parse(format!("{name} {v}\n"));
                    let opts = LintOptions::default();
                    if let Some(d) = lint(&probe, &opts)
                        .into_iter()
                        .find(|d| d.severity == crate::core::conf::Severity::Error)
                    {
                        ui.colored_label(
                            status_color(crate::core::explain::Status::Bad),
                            st.lint_text(&d),
                        );
                    }
                }
            });
            ui.end_row();
        }
    });
    ui.add_space(10.0);
    let title = ui.strong(st.t("gui-raw-text"));
    ui.label(st.t("gui-raw-help"));
    let mut raw = form.raw.take().unwrap_or_else(|| st.doc.render_lossy());
    let r = ui
        .add(
            egui::TextEdit::multiline(&mut raw)
                .id_salt("advanced.raw")
                .code_editor()
                .desired_rows(16)
                .desired_width(f32::INFINITY),
        )
        .labelled_by(title.id);
    if r.changed() {
        st.doc = Document::parse(&raw);
    }
    if r.has_focus() {
        form.raw = Some(raw);
    }
    let opts = LintOptions {
        version: st.chrony_version(),
        path_exists: None,
        resolves: None,
        ..Default::default()
    };
    for d in lint(&st.doc, &opts) {
        let color = status_color(match d.severity {
            crate::core::conf::Severity::Error => crate::core::explain::Status::Bad,
            crate::core::conf::Severity::Warning => crate::core::explain::Status::Warn,
            crate::core::conf::Severity::Hint => crate::core::explain::Status::Info,
        });
        let place = d.line.map(|l| format!("{l}: ")).unwrap_or_default();
        let text = format!("{place}{}", st.lint_text(&d));
        ui.colored_label(color, text);
    }
}

impl crate::gui::view::View for Form {
    fn ui(
        &mut self,
        ui: &mut egui::Ui,
        st: &mut AppState,
        _commands: &mut Vec<crate::gui::backend::Command>,
    ) {
        advanced_ui(ui, st, self);
    }
}
