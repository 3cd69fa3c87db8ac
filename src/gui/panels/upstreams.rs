//! Upstream servers: the server/pool/peer lines of the configuration, each
//! with its live state, and a form to add or edit one.

use egui::RichText;

use crate::core::conf::{Directive, Source, SourceKind, parse_user_source};
use crate::core::explain::Status;
use crate::gui::state::{AppState, status_color};

pub struct Form {
    pub kind: SourceKind,
    pub host: String,
    pub iburst: bool,
    pub prefer: bool,
    pub noselect: bool,
    pub nts: bool,
    pub minpoll: Option<i64>,
    pub maxpoll: Option<i64>,
    pub maxsources: Option<i64>,
    pub port: Option<i64>,
    /// The source being edited, as it was when editing began: found again
    /// by its content on save (lines move when others are removed).
    pub editing: Option<Source>,
    pub error: Option<String>,
}

impl Default for Form {
    fn default() -> Self {
        Form {
            kind: SourceKind::Server,
            host: String::new(),
            iburst: true,
            prefer: false,
            noselect: false,
            nts: false,
            minpoll: None,
            maxpoll: None,
            maxsources: None,
            port: None,
            editing: None,
            error: None,
        }
    }
}

impl Form {
    /// The source line the form describes, as a user would type it.
    pub fn text(&self) -> String {
        let mut t = self.host.trim().to_string();
        for (on, name) in [
            (self.iburst, "iburst"),
            (self.prefer, "prefer"),
            (self.noselect, "noselect"),
            (self.nts, "nts"),
        ] {
            if on {
                t.push(' ');
                t.push_str(name);
            }
        }
        for (v, name) in [
            (self.port, "port"),
            (self.minpoll, "minpoll"),
            (self.maxpoll, "maxpoll"),
            (self.maxsources, "maxsources"),
        ] {
            if let Some(v) = v {
                t.push_str(&format!(" {name} {v}"));
            }
        }
        t
    }

    fn load(&mut self, s: &Source) {
        *self = Form {
            kind: s.kind,
            host: s.host.clone(),
            iburst: s.has("iburst"),
            prefer: s.has("prefer"),
            noselect: s.has("noselect"),
            nts: s.has("nts"),
            minpoll: s.int("minpoll"),
            maxpoll: s.int("maxpoll"),
            maxsources: s.int("maxsources"),
            port: s.int("port"),
            editing: Some(s.clone()),
            error: None,
        };
    }
}

/// Live state of a configured source line, from the names chronyd keeps
/// for its sources (a pool's addresses together): its verdict, the words,
/// and what to do when there is something to do.
fn live_state(st: &AppState, host: &str) -> Option<(Status, String, Option<String>)> {
    use crate::core::health::{SourceHealth, by_name};
    let snap = st.snapshot.as_ref()?;
    snap.tracking.as_ref()?;
    let Some(n) = by_name(snap)
        .into_iter()
        .find(|n| n.name.eq_ignore_ascii_case(host))
    else {
        return Some((Status::Info, st.t("source-health-absent"), None));
    };
    let status = match n.health {
        SourceHealth::Selected | SourceHealth::Usable => Status::Ok,
        // Still in its first polls: it may answer yet.
        SourceHealth::NotYet | SourceHealth::Unusable | SourceHealth::Jittery => Status::Warn,
        SourceHealth::Unresolved | SourceHealth::Silent | SourceHealth::Falseticker => Status::Bad,
    };
    let name = [("name", n.name.as_str())];
    let help = match n.health {
        SourceHealth::Unresolved => Some(st.tr.tr_args("source-unresolved-help", &name)),
        SourceHealth::Unusable => Some(st.tr.tr_args("source-unusable-help", &name)),
        _ => None,
    };
    Some((status, st.tr.source_health_text(&n), help))
}

/// Asks the backend (off the UI thread) whether the names among `hosts`
/// this machine was not yet asked about resolve here; addresses need no
/// lookup. Marked as asked.
pub fn ask_resolve<'a>(
    st: &mut AppState,
    hosts: impl IntoIterator<Item = &'a str>,
    commands: &mut Vec<crate::gui::backend::Command>,
) {
    let mut ask = Vec::new();
    for host in hosts {
        let host = host.to_ascii_lowercase();
        if host.parse::<std::net::IpAddr>().is_err()
            && !st.resolved.contains_key(&host)
            && st.resolving.insert(host.clone())
        {
            ask.push(host);
        }
    }
    if !ask.is_empty() {
        commands.push(crate::gui::backend::Command::Resolve(ask));
    }
}

/// One hint per source name of `doc` that does not resolve here: said
/// before Apply, never blocking it (the lab's own DNS may serve the name
/// where chronyd runs). Upstream servers, Guided setup and Apply say it
/// alike. When the names left give fewer than the 3 sources the
/// falseticker vote needs, and lint (which counts every name) did not say
/// so, that is said too.
pub fn unresolved_hints_ui(ui: &mut egui::Ui, st: &AppState, doc: &crate::core::conf::Document) {
    for line in unresolved_hints(st, doc) {
        ui.colored_label(status_color(Status::Warn), line);
    }
    checking_names_ui(ui, st, doc);
}

/// A name whose answer has not come yet: neither resolving nor not.
pub fn checking_names_ui(ui: &mut egui::Ui, st: &AppState, doc: &crate::core::conf::Document) {
    let check = NameCheck::of(st);
    let mut said = std::collections::HashSet::new();
    for (_, s) in doc.sources() {
        if check.pending(&s.host) && said.insert(s.host.to_ascii_lowercase()) {
            ui.weak(
                st.tr
                    .tr_args("gui-name-checking-here", &[("name", s.host.as_str())]),
            );
        }
    }
}

/// The warnings [`unresolved_hints_ui`] shows (Apply counts them with
/// lint's).
pub fn unresolved_hints(st: &AppState, doc: &crate::core::conf::Document) -> Vec<String> {
    let check = NameCheck::of(st);
    let mut said = std::collections::HashSet::new();
    let mut out = Vec::new();
    for (_, s) in doc.sources() {
        if check.unresolved(&s.host) && said.insert(s.host.to_ascii_lowercase()) {
            out.push(
                st.tr
                    .tr_args("gui-name-unresolved-here", &[("name", s.host.as_str())]),
            );
        }
    }
    if let Some(few) = check.few(doc) {
        // A pool line counts as the servers it may give (its maxsources,
        // chrony.conf(5) pool), said as such: one line is not "4 sources".
        let id = if few.total > few.lines as i64 {
            "gui-few-sources-resolve-pool"
        } else {
            "gui-few-sources-resolve"
        };
        out.push(st.tr.tr_args(
            id,
            &[
                ("usable", few.usable.to_string()),
                ("count", few.total.to_string()),
                ("lines", few.lines.to_string()),
            ],
        ));
    }
    out
}

/// Fewer upstream servers with an address here than the 3 the falseticker
/// vote needs: those with one, all of them, and the lines they come from.
pub struct Few {
    pub usable: i64,
    pub total: i64,
    pub lines: usize,
}

/// What the lookups on this machine said of the names typed: a name whose
/// answer has not come is pending, neither resolving nor not.
pub struct NameCheck<'a> {
    resolved: &'a std::collections::HashMap<String, bool>,
    resolving: &'a std::collections::HashSet<String>,
}

impl<'a> NameCheck<'a> {
    pub fn of(st: &'a AppState) -> Self {
        Self {
            resolved: &st.resolved,
            resolving: &st.resolving,
        }
    }

    pub fn unresolved(&self, host: &str) -> bool {
        self.resolved.get(&host.to_ascii_lowercase()) == Some(&false)
    }

    pub fn pending(&self, host: &str) -> bool {
        let host = host.to_ascii_lowercase();
        self.resolving.contains(&host) && !self.resolved.contains_key(&host)
    }

    /// The sources with an address here and all of them, when the names
    /// left give fewer than the 3 the falseticker vote needs; nothing while
    /// a lookup is pending (the count is not known yet).
    pub fn few(&self, doc: &crate::core::conf::Document) -> Option<Few> {
        let upstreams = crate::core::conf::lint::selectable_upstreams(doc);
        if upstreams.iter().any(|(h, _)| self.pending(h)) {
            return None;
        }
        let total: i64 = upstreams.iter().map(|(_, n)| n).sum();
        let usable: i64 = upstreams
            .iter()
            .filter(|(h, _)| !self.unresolved(h))
            .map(|(_, n)| n)
            .sum();
        (total >= 3 && usable < 3).then_some(Few {
            usable,
            total,
            lines: upstreams.len(),
        })
    }
}

pub fn upstreams_ui(
    ui: &mut egui::Ui,
    st: &mut AppState,
    form: &mut Form,
    commands: &mut Vec<crate::gui::backend::Command>,
) {
    // The form first: a row added below it leaves the host field where
    // it was, so a second name goes in at the same place.
    form_ui(ui, st, form);
    ui.add_space(10.0);
    let sources: Vec<(usize, Source)> = st.doc.sources().map(|(i, s)| (i, s.clone())).collect();
    // Before Apply: whether each name resolves here (the backend looks it
    // up off this thread, only when the helper runs on this machine).
    ask_resolve(st, sources.iter().map(|(_, s)| s.host.as_str()), commands);
    let mut remove = None;
    let mut edit = None;
    egui::Grid::new("upstreams")
        .num_columns(4)
        .striped(true)
        .show(ui, |ui| {
            ui.strong(st.t("gui-col-line"));
            ui.strong(st.t("gui-col-options"));
            crate::gui::widgets::empty_cell(ui);
            ui.strong(st.t("gui-col-live"));
            ui.end_row();
            for (_, s) in &sources {
                ui.label(RichText::new(format!("{} {}", s.kind.keyword(), s.host)).monospace());
                let opts: Vec<String> = s
                    .render()
                    .split_whitespace()
                    .skip(2)
                    .map(String::from)
                    .collect();
                ui.label(RichText::new(opts.join(" ")).monospace());
                ui.horizontal(|ui| {
                    if ui.button(st.t("gui-edit")).clicked() {
                        edit = Some(s.clone());
                    }
                    if ui.button(st.t("gui-remove")).clicked() {
                        remove = Some(s.host.clone());
                    }
                });
                // Last, and wrapped: the longest cell, so that at 1024
                // wide with the guide open the buttons stay in view.
                match live_state(st, &s.host) {
                    Some((status, text, help)) => {
                        let r = ui.add(
                            egui::Label::new(RichText::new(text).color(status_color(status)))
                                .wrap(),
                        );
                        if let Some(h) = help {
                            r.on_hover_text(h);
                        }
                    }
                    None => {
                        ui.add(
                            egui::Label::new(RichText::new(st.t("gui-live-unknown")).weak()).wrap(),
                        );
                    }
                };
                ui.end_row();
            }
        });
    // Under the table, so that an answer arriving does not move its columns.
    unresolved_hints_ui(ui, st, &st.doc);
    if let Some(h) = remove {
        st.doc.remove_source(&h);
    }
    if let Some(s) = edit {
        form.load(&s);
    }
}

/// Why a source line typed in the form cannot be added, in words.
pub fn source_error_text(
    st: &AppState,
    kind: SourceKind,
    text: &str,
    e: &crate::core::conf::UserSourceError,
) -> String {
    use crate::core::conf::UserSourceError;
    let host = text.split_whitespace().next().unwrap_or("");
    match e {
        UserSourceError::BadHost(h) => st
            .tr
            .tr_args("cli-source-bad-host", &[("host", h.as_str())]),
        UserSourceError::Empty => st.tr.tr_args("cli-source-bad-host", &[("host", host)]),
        UserSourceError::ControlCharacter => {
            st.tr.tr_args("cli-source-control", &[("value", text)])
        }
        UserSourceError::Parse(p) => {
            // Why chrony would refuse it, as lint says it.
            let args = crate::core::conf::lint::parse_error_args(kind.keyword(), p, text);
            let reason = st.tr.tr_args(&format!("lint-{}", p.rule()), &args);
            st.tr.tr_args(
                "cli-source-invalid",
                &[("value", text), ("reason", reason.as_str())],
            )
        }
    }
}

fn opt_value(
    ui: &mut egui::Ui,
    label: &str,
    v: &mut Option<i64>,
    range: std::ops::RangeInclusive<i64>,
    default: i64,
) {
    let mut on = v.is_some();
    let name = ui.checkbox(&mut on, label);
    match (on, v.as_mut()) {
        (true, Some(x)) => {
            ui.add(egui::DragValue::new(x).range(range))
                .labelled_by(name.id);
        }
        (true, None) => *v = Some(default),
        (false, _) => *v = None,
    }
}

fn form_ui(ui: &mut egui::Ui, st: &mut AppState, form: &mut Form) {
    let title = if form.editing.is_some() {
        "gui-edit-source"
    } else {
        "gui-add-source"
    };
    ui.strong(st.t(title));
    let labels = (
        st.t("gui-host"),
        st.t("gui-add"),
        st.t("gui-save"),
        st.t("gui-cancel"),
    );
    // The shortest poll chronyd of the reported release takes (4.0–4.2:
    // -6; lint's rule); -7, every release's bound, when it is not known.
    let min_poll = st
        .known_chrony_version()
        .map_or(-7, crate::core::conf::lint::min_poll);
    let f = &mut *form;
    // Enter in the host field adds (or saves) the source, as the button.
    let mut entered = false;
    let mut host_id = egui::Id::NULL;
    ui.horizontal(|ui| {
        for k in [SourceKind::Server, SourceKind::Pool, SourceKind::Peer] {
            ui.selectable_value(&mut f.kind, k, k.keyword());
        }
        let name = ui.label(&labels.0);
        let host = ui
            .add(
                egui::TextEdit::singleline(&mut f.host)
                    .id_salt("upstreams.host")
                    .hint_text("ntp.example.org")
                    .desired_width(200.0),
            )
            .labelled_by(name.id);
        entered = host.lost_focus() && ui.input(|i| i.key_pressed(egui::Key::Enter));
        host_id = host.id;
    });
    ui.horizontal_wrapped(|ui| {
        ui.checkbox(&mut f.iburst, "iburst");
        ui.checkbox(&mut f.prefer, "prefer");
        ui.checkbox(&mut f.noselect, "noselect");
        ui.checkbox(&mut f.nts, "nts");
        opt_value(ui, "port", &mut f.port, 1..=65535, 11123);
        opt_value(ui, "minpoll", &mut f.minpoll, min_poll..=24, 4);
        opt_value(ui, "maxpoll", &mut f.maxpoll, min_poll..=24, 10);
        if f.kind == SourceKind::Pool {
            opt_value(ui, "maxsources", &mut f.maxsources, 1..=16, 4);
        }
    });
    let text = f.text();
    // An empty host would make the first option the host name.
    let parsed = if f.host.trim().is_empty() || f.host.trim().contains(char::is_whitespace) {
        Err(crate::core::conf::UserSourceError::BadHost(
            f.host.trim().to_string(),
        ))
    } else {
        parse_user_source(f.kind, &text)
    };
    let submit_label = if f.editing.is_some() {
        labels.2.clone()
    } else {
        labels.1.clone()
    };
    let mut submit = false;
    let mut cancel = false;
    ui.horizontal(|ui| {
        submit = ui
            .add_enabled(parsed.is_ok(), egui::Button::new(submit_label))
            .clicked()
            || (entered && parsed.is_ok());
        if f.editing.is_some() {
            cancel = ui.button(&labels.3).clicked();
        }
        ui.label(
            RichText::new(format!("{} {text}", f.kind.keyword()))
                .monospace()
                .weak(),
        );
    });
    if !f.host.trim().is_empty() {
        if let Err(e) = &parsed {
            let msg = source_error_text(st, f.kind, &text, e);
            ui.colored_label(status_color(Status::Bad), msg);
        }
    }
    let f = &mut *form;
    if cancel {
        *f = Form::default();
    }
    if submit {
        if let Ok(src) = parsed {
            // The line that still holds the edited source, wherever it is
            // now; gone (removed meanwhile): added like a new one.
            let line = f
                .editing
                .as_ref()
                .and_then(|old| st.doc.sources().find(|(_, s)| s == &old).map(|(i, _)| i));
            match line {
                Some(line) => st.doc.set_directive_at(line, &Directive::Source(src)),
                None => {
                    // The first upstream gets a comment of its own (in the
                    // language of the file's comments), not an unrelated
                    // line's.
                    use crate::core::conf::edit::{Group, group_comment_id};
                    let comment = st.conf_comment(group_comment_id(Group::of_source(&src)));
                    st.doc.add_source_commented(&src, &comment);
                }
            }
            *form = Form::default();
            // The host field keeps the focus for the next name.
            ui.memory_mut(|m| m.request_focus(host_id));
        }
    }
}

impl crate::gui::view::View for Form {
    fn ui(
        &mut self,
        ui: &mut egui::Ui,
        st: &mut AppState,
        commands: &mut Vec<crate::gui::backend::Command>,
    ) {
        upstreams_ui(ui, st, self, commands);
    }
}
