//! Access: allow/deny subnets, validated as typed, with presets for the
//! networks of this machine.

use egui::RichText;

use crate::core::conf::{Access, AccessScope, SubnetError, parse_user_subnet};
use crate::core::explain::Status;
use crate::gui::state::{AppState, status_color};

pub struct Form {
    pub subnet: String,
    pub allow: bool,
}

impl Default for Form {
    fn default() -> Self {
        Form {
            subnet: String::new(),
            allow: true,
        }
    }
}

pub fn subnet_error_text(st: &AppState, e: &SubnetError, value: &str) -> String {
    match e {
        SubnetError::Empty => st.t("cli-subnet-empty"),
        SubnetError::Syntax => st.tr.tr_args("cli-subnet-syntax", &[("value", value)]),
        SubnetError::PrefixTooLong { max, .. } => st.tr.tr_args(
            "cli-subnet-prefix",
            &[("value", value.to_string()), ("max", max.to_string())],
        ),
    }
}

pub fn access_ui(ui: &mut egui::Ui, st: &mut AppState, form: &mut Form) {
    let rules: Vec<Access> = st
        .doc
        .access_rules(AccessScope::Ntp)
        .map(|(_, a)| a.clone())
        .collect();
    let mut remove = None;
    if rules.is_empty() {
        ui.colored_label(status_color(Status::Warn), st.t("gui-no-allow"));
    }
    egui::Grid::new("access")
        .num_columns(2)
        .striped(true)
        .show(ui, |ui| {
            for a in &rules {
                ui.label(RichText::new(a.render()).monospace());
                if ui.button(st.t("gui-remove")).clicked() {
                    remove = Some(a.clone());
                }
                ui.end_row();
            }
        });
    if let Some(a) = remove {
        st.doc.remove_access(a.scope, a.allow, &a.target);
    }
    ui.add_space(10.0);
    ui.strong(st.t("gui-add-subnet"));
    let (allow_l, deny_l, add_l, subnet_l) = (
        st.t("gui-allow"),
        st.t("gui-deny"),
        st.t("gui-add"),
        st.t("gui-subnet"),
    );
    let f = &mut *form;
    let mut add = false;
    ui.horizontal(|ui| {
        ui.selectable_value(&mut f.allow, true, allow_l);
        ui.selectable_value(&mut f.allow, false, deny_l);
        let name = ui.label(subnet_l);
        let field = ui
            .add(
                egui::TextEdit::singleline(&mut f.subnet)
                    .id_salt("access.subnet")
                    .hint_text(st.t("gui-subnet-hint"))
                    .desired_width(180.0),
            )
            .labelled_by(name.id);
        let valid = parse_user_subnet(&f.subnet).is_ok();
        // Enter in the field adds the subnet, as the button does; the
        // field keeps the focus for the next one.
        let entered = field.lost_focus() && ui.input(|i| i.key_pressed(egui::Key::Enter));
        if entered && valid {
            field.request_focus();
        }
        add = ui.add_enabled(valid, egui::Button::new(add_l)).clicked() || (entered && valid);
    });
    let value = form.subnet.clone();
    let parsed = parse_user_subnet(&value);
    if !value.trim().is_empty() {
        if let Err(e) = &parsed {
            ui.colored_label(status_color(Status::Bad), subnet_error_text(st, e, &value));
        }
    }
    // Worked out on Add only: it reads every translation.
    let comment = |st: &AppState| {
        st.conf_comment(crate::core::conf::edit::group_comment_id(
            crate::core::conf::edit::Group::Access,
        ))
    };
    if let (true, Ok(target)) = (add, parsed) {
        let comment = comment(st);
        st.doc.add_access_commented(
            &Access {
                scope: AccessScope::Ntp,
                allow: form.allow,
                all: false,
                target,
            },
            &comment,
        );
        form.subnet.clear();
    }
    let nets = st.local_networks().to_vec();
    if !nets.is_empty() {
        ui.add_space(6.0);
        ui.label(st.t("gui-this-lan"));
        ui.horizontal_wrapped(|ui| {
            for n in nets {
                if ui.button(&n).clicked() {
                    if let Ok(target) = parse_user_subnet(&n) {
                        let comment = comment(st);
                        st.doc.add_access_commented(
                            &Access {
                                scope: AccessScope::Ntp,
                                allow: true,
                                all: false,
                                target,
                            },
                            &comment,
                        );
                    }
                }
            }
        });
    }
}

impl crate::gui::view::View for Form {
    fn ui(
        &mut self,
        ui: &mut egui::Ui,
        st: &mut AppState,
        _commands: &mut Vec<crate::gui::backend::Command>,
    ) {
        access_ui(ui, st, self);
    }
}
