//! Language, theme, helper socket, default plot window.

use crate::gui::settings::PlotWindow;
use crate::gui::state::AppState;
use crate::gui::zoom;
use crate::i18n::Lang;

/// Shows only what the window knows: no state of its own.
#[derive(Default)]
pub struct Form;

pub fn settings_ui(ui: &mut egui::Ui, st: &mut AppState) {
    egui::Grid::new("settings").num_columns(2).show(ui, |ui| {
        ui.label(st.t("gui-language"));
        let current = st.tr.lang();
        ui.horizontal(|ui| {
            for (lang, label) in [(Lang::En, "English"), (Lang::ZhCn, "简体中文")] {
                if ui.selectable_label(current == lang, label).clicked() && current != lang {
                    st.set_lang(lang);
                }
            }
        });
        ui.end_row();
        ui.label(st.t("gui-theme"));
        ui.horizontal(|ui| {
            let mut dark = st.settings.dark;
            ui.selectable_value(&mut dark, true, st.t("gui-theme-dark"));
            ui.selectable_value(&mut dark, false, st.t("gui-theme-light"));
            if dark != st.settings.dark {
                st.settings.dark = dark;
                ui.ctx().set_visuals(if dark {
                    egui::Visuals::dark()
                } else {
                    egui::Visuals::light()
                });
                st.settings_dirty = true;
            }
        });
        ui.end_row();
        let name = ui.label(st.t("gui-zoom"));
        ui.horizontal(|ui| {
            // While the handle is dragged the window keeps its size (it
            // would rescale under the pointer); the size is taken on release.
            let id = ui.id().with("zoom-dragged");
            let pending: Option<f32> = ui.data(|d| d.get_temp(id));
            let mut zoom = pending.unwrap_or(st.settings.zoom);
            let r = ui
                .add(
                    egui::Slider::new(&mut zoom, zoom::MIN..=zoom::MAX)
                        .step_by(zoom::STEP as f64)
                        .show_value(false),
                )
                .labelled_by(name.id)
                .on_hover_text(st.t("gui-zoom-help"));
            // Focus on click, so the arrow keys step it next.
            if r.clicked() || r.drag_started() {
                r.request_focus();
            }
            ui.label(format!("{:.0} %", zoom * 100.0));
            if r.dragged() {
                ui.data_mut(|d| d.insert_temp(id, zoom));
            } else {
                ui.data_mut(|d| d.remove::<f32>(id));
                let zoom = zoom::clamp(zoom);
                if zoom != st.settings.zoom {
                    // Applied by the next frame (gui::zoom::frame).
                    st.settings.zoom = zoom;
                    st.settings_dirty = true;
                    ui.ctx().request_repaint();
                }
            }
        });
        ui.end_row();
        let name = ui.label(st.t("gui-helper-socket"));
        let mut socket = st.settings.socket.clone().unwrap_or_default();
        // Empty: the helper found at start is used; show which.
        let in_use = st.server.clone().unwrap_or_default();
        if ui
            .add(egui::TextEdit::singleline(&mut socket).hint_text(in_use))
            .labelled_by(name.id)
            .on_hover_text(st.t("gui-helper-socket-help"))
            .changed()
        {
            st.settings.socket = (!socket.trim().is_empty()).then(|| socket.trim().to_string());
            st.settings_dirty = true;
        }
        ui.end_row();
        let name = ui.label(st.t("gui-connect"));
        ui.horizontal(|ui| {
            let id = ui.id().with("connect-to");
            let mut target: String = ui.data_mut(|d| d.get_temp(id)).unwrap_or_default();
            ui.add(
                egui::TextEdit::singleline(&mut target)
                    .id_salt("settings.target")
                    .hint_text(st.t("gui-connect-hint"))
                    .desired_width(260.0),
            )
            .labelled_by(name.id)
            .on_hover_text(st.t("gui-connect-help"));
            let valid = crate::ipc::client::SshTarget::parse(target.trim()).is_some()
                || target.trim().starts_with('/');
            if ui
                .add_enabled(valid, egui::Button::new(st.t("gui-connect-button")))
                .clicked()
            {
                st.reconnect = Some(target.trim().to_string());
            }
            ui.data_mut(|d| d.insert_temp(id, target));
            for r in st.settings.recent.clone() {
                if ui.small_button(&r).clicked() {
                    st.reconnect = Some(r);
                }
            }
        });
        ui.end_row();
        let name = ui.label(st.t("gui-chronyd-path"));
        let mut chronyd = st.settings.chronyd.clone().unwrap_or_default();
        // Empty: the chronyd `stratum` finds; show which.
        let found = crate::sys::find_chronyd(None)
            .map(|p| p.display().to_string())
            .unwrap_or_default();
        let field = ui
            .add(egui::TextEdit::singleline(&mut chronyd).hint_text(found))
            .labelled_by(name.id)
            .on_hover_text(st.t("gui-chronyd-path-help"));
        if field.changed() {
            st.settings.chronyd = (!chronyd.trim().is_empty()).then(|| chronyd.trim().to_string());
            st.settings_dirty = true;
        }
        // Done typing (Enter or focus elsewhere): the lab helper restarts
        // with it, not at every keystroke.
        if field.lost_focus() {
            st.chronyd_chosen = true;
        }
        ui.end_row();
        ui.label(st.t("gui-plot-window"));
        ui.horizontal(|ui| {
            for w in PlotWindow::ALL {
                if ui
                    .selectable_label(st.settings.plot_window == w, st.t(w.label_id()))
                    .clicked()
                {
                    st.settings.plot_window = w;
                    st.settings_dirty = true;
                }
            }
        });
        ui.end_row();
    });
    ui.add_space(8.0);
    ui.label(st.ta(
        "gui-settings-file",
        &[("path", crate::gui::settings::path().display().to_string())],
    ));
}

impl crate::gui::view::View for Form {
    fn ui(
        &mut self,
        ui: &mut egui::Ui,
        st: &mut AppState,
        _commands: &mut Vec<crate::gui::backend::Command>,
    ) {
        settings_ui(ui, st);
    }
}
