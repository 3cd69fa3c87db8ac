//! Export: the lab's configuration for other servers, clients, switches
//! and firewalls, with a preview, copy and save. Only the fields the chosen
//! format uses are shown, so switching formats never leaves a value behind
//! that blocks the export.

use std::collections::HashMap;

use egui::RichText;

use crate::core::export::{Field, Format, Options, Role, export};
use crate::gui::backend::Command;
use crate::gui::dialogs::{Payload, SaveField, save_ui};
use crate::gui::settings::ExportFields;
use crate::gui::state::{AppState, status_color};
use crate::gui::widgets::labelled;

pub struct Form {
    pub format: Format,
    pub servers: String,
    pub backup: bool,
    pub peer: String,
    /// The source interface of the format shown; each vendor keeps its
    /// own (Cisco's "Vlan10" is Huawei's "Vlanif10").
    pub source_interface: String,
    pub interfaces: HashMap<Format, String>,
    pub key: String,
    pub vrf: String,
    /// Where each format was saved (a Huawei snippet never lands on the
    /// chrony.conf saved before it).
    pub saves: HashMap<Format, SaveField>,
    /// Clients authenticate the server with NTS; where they keep its CA.
    pub nts: bool,
    pub nts_ca: String,
    /// The ntp.conf is for ntpd 4.2.6 (CentOS 7): no `restrict source`.
    pub ntpd_old: bool,
    /// When a host field last changed (egui's clock): its names are
    /// looked up once typing has paused, not at every key.
    pub typed_at: Option<f64>,
    /// The window's language when each format was saved: a file that
    /// differs from the preview only in its comments' language is not
    /// stale.
    pub saved_lang: HashMap<Format, crate::i18n::Lang>,
    /// The words of the language a file was saved in (made when needed).
    saved_words: Option<crate::i18n::Localizer>,
}

/// How long typing pauses before the names typed are looked up.
const LOOKUP_PAUSE: f64 = 0.8;

impl Default for Form {
    fn default() -> Self {
        Form {
            format: Format::ChronyClient,
            servers: String::new(),
            backup: false,
            peer: String::new(),
            source_interface: String::new(),
            interfaces: HashMap::new(),
            key: String::new(),
            vrf: String::new(),
            nts: false,
            nts_ca: String::new(),
            ntpd_old: false,
            saves: HashMap::new(),
            typed_at: None,
            saved_lang: HashMap::new(),
            saved_words: None,
        }
    }
}

impl Form {
    /// The inputs a previous run kept (settings.toml).
    pub fn restore(&mut self, kept: &ExportFields) {
        self.servers = kept.servers.clone();
        self.peer = kept.peer.clone();
        self.backup = kept.backup;
        self.key = kept.key.clone();
        for (name, path) in &kept.paths {
            if let Ok(f) = name.parse::<Format>() {
                // Read once now: a file changed since (or saved from
                // other inputs) is flagged "not current" at once.
                self.saves.insert(f, SaveField::remembered(path));
            }
        }
    }

    /// The inputs to keep for the next run.
    pub fn kept(&self) -> ExportFields {
        ExportFields {
            servers: self.servers.trim().to_string(),
            peer: self.peer.trim().to_string(),
            backup: self.backup,
            key: self.key.trim().to_string(),
            paths: self
                .saves
                .iter()
                .filter(|(_, s)| !s.path.trim().is_empty())
                .map(|(f, s)| (f.name().to_string(), s.path.trim().to_string()))
                .collect(),
        }
    }
}

/// Hands what the panel was given to the settings when it changed (they
/// are written at most once a second, and on the way out).
fn keep(st: &mut AppState, form: &Form) {
    let kept = form.kept();
    if kept != st.settings.export {
        st.settings.export = kept;
        st.settings_dirty = true;
    }
}

fn none_if_empty(s: &str) -> Option<String> {
    (!s.trim().is_empty()).then(|| s.trim().to_string())
}

/// The formats as the chooser groups them: servers and clients, switches,
/// firewalls.
const GROUPS: [(&str, &[Format]); 3] = [
    (
        "gui-export-group-hosts",
        &[
            Format::ChronyServer,
            Format::ChronyClient,
            Format::Ntp,
            Format::NtpClient,
        ],
    ),
    (
        "gui-export-group-switches",
        &[
            Format::CiscoIos,
            Format::CiscoNxos,
            Format::HuaweiVrp,
            Format::H3cComware,
            Format::JuniperJunos,
            Format::AristaEos,
        ],
    ),
    (
        "gui-export-group-firewalls",
        &[Format::Firewalld, Format::Ufw, Format::Nftables],
    ),
];

/// The host of HOST, HOST:PORT or [V6]:PORT as typed.
fn host_of(w: &str) -> String {
    let w = w.trim();
    match w.strip_prefix('[') {
        Some(r) => r.split(']').next().unwrap_or(r).to_string(),
        None if w.matches(':').count() == 1 => w.split(':').next().unwrap_or(w).to_string(),
        None => w.to_string(),
    }
}

/// The options of the fields the format shows; what is typed in a field
/// it does not show is kept for when it shows again, never used.
pub fn options(f: &Form) -> Result<Options, crate::core::export::OptionError> {
    let uses = |x: Field| f.format.uses(x);
    let key = match none_if_empty(&f.key).filter(|_| uses(Field::Key)) {
        Some(k) => Some(k.parse()?),
        None => None,
    };
    let text = |on: bool, s: &str| none_if_empty(s).filter(|_| on);
    let nts = uses(Field::Nts) && f.nts;
    // "Lab server(s)" lists the primary, then its backup: the file of a
    // server never peers with that server's own address.
    let host = host_of;
    // Only a server's own file (the formats with the backup tick) has a
    // side of the pair: a firewall's peer is let in whatever its side.
    let backup = uses(Field::Role) && f.backup;
    let this_server = f.servers.split_whitespace().nth(usize::from(backup));
    if uses(Field::Role)
        && let Some(p) = text(uses(Field::Peer), &f.peer)
        && this_server.is_some_and(|s| host(s) == host(&p))
    {
        return Err(if backup {
            crate::core::export::OptionError::PeerIsTheBackup(p)
        } else {
            crate::core::export::OptionError::PeerIsThisServer(p)
        });
    }
    Ok(Options {
        servers: if uses(Field::Servers) {
            f.servers.split_whitespace().map(String::from).collect()
        } else {
            Vec::new()
        },
        role: if uses(Field::Role) && f.backup {
            Role::Backup
        } else {
            Role::Primary
        },
        peer: text(uses(Field::Peer), &f.peer),
        source_interface: text(uses(Field::SourceInterface), &f.source_interface),
        key,
        vrf: text(uses(Field::Vrf), &f.vrf),
        monitor: None,
        ntpd: (uses(Field::NtpdOld) && f.ntpd_old)
            .then_some(crate::core::export::NtpdVersion(4, 2, 6)),
        nts,
        nts_ca: text(nts, &f.nts_ca),
        addresses: Default::default(),
    })
}

/// How the vendor names its interfaces (a loopback, a VLAN's), as the
/// field's example.
fn interface_example(format: Format) -> &'static str {
    match format {
        Format::HuaweiVrp => "LoopBack0 / Vlanif10",
        Format::H3cComware => "LoopBack0 / Vlan-interface10",
        Format::CiscoNxos => "loopback0 / mgmt0",
        Format::JuniperJunos => "lo0.0",
        _ => "Loopback0 / Vlan10",
    }
}

/// The other servers of the pair this configuration belongs to (its
/// `peer` lines) that the servers field does not list yet: clients get
/// both, the first typed preferred.
fn missing_pair(st: &AppState, form: &Form) -> Vec<String> {
    if !form.format.uses(Field::Servers) || form.servers.trim().is_empty() {
        return Vec::new();
    }
    let typed: Vec<&str> = form.servers.split_whitespace().collect();
    crate::core::export::Intent::from_document(&st.doc)
        .peers
        .into_iter()
        .filter(|p| {
            !typed
                .iter()
                .any(|t| t == p || t.split(':').next() == Some(p))
        })
        .collect()
}

/// The format chooser: every format a button (no popup over the fields
/// below, which a click in a dropdown's list would reach), each group's
/// title above its buttons: buttons that wrap in a narrow panel (the guide
/// open at 1024 px) push the next group down instead of a grid row's fixed
/// height letting them overlap it.
fn format_ui(ui: &mut egui::Ui, st: &AppState, form: &mut Form) {
    for (group, formats) in GROUPS {
        let title = ui.label(egui::RichText::new(st.t(group)).strong());
        ui.horizontal_wrapped(|ui| {
            for f in formats {
                let r = ui.selectable_label(form.format == *f, st.t(&f.title_id()));
                if r.labelled_by(title.id).clicked() && form.format != *f {
                    let typed = std::mem::take(&mut form.source_interface);
                    form.interfaces.insert(form.format, typed);
                    form.source_interface = form.interfaces.remove(f).unwrap_or_default();
                    form.format = *f;
                }
            }
        });
        ui.add_space(2.0);
    }
}

/// The fields of the chosen format, each named for screen readers by the
/// label beside it.
fn fields_ui(ui: &mut egui::Ui, st: &AppState, f: &mut Form) {
    let format = f.format;
    let uses = |x: Field| format.uses(x);
    egui::Grid::new("export_form")
        .num_columns(2)
        .show(ui, |ui| {
            if uses(Field::Servers) {
                let r = labelled(ui, &st.t("gui-servers"), |ui| {
                    ui.add(
                        egui::TextEdit::singleline(&mut f.servers)
                            .id_salt("export.servers")
                            .hint_text(st.t("gui-export-servers-hint")),
                    )
                    .on_hover_text(st.t("gui-servers-help"))
                });
                if r.changed() {
                    f.typed_at = Some(ui.input(|i| i.time));
                }
            }
            for other in missing_pair(st, f) {
                crate::gui::widgets::empty_cell(ui);
                if ui
                    .button(st.ta("gui-export-add-pair", &[("server", other.clone())]))
                    .on_hover_text(st.t("gui-export-add-pair-help"))
                    .clicked()
                {
                    f.servers = format!("{} {other}", f.servers.trim());
                }
                ui.end_row();
            }
            if uses(Field::Role) {
                crate::gui::widgets::empty_cell(ui);
                ui.checkbox(&mut f.backup, st.t("gui-export-backup"))
                    .on_hover_text(st.t("gui-export-backup-help"));
                ui.end_row();
            }
            if uses(Field::Peer) {
                // A pair this file already has: say so beside the empty
                // field (its preview has the peer line) rather than invite
                // the same peer typed twice.
                let in_file = crate::core::export::Intent::from_document(&st.doc).peers;
                // Whose address goes here: the side the file is for.
                let peer_hint = match (uses(Field::Role), f.backup) {
                    (false, _) => "gui-export-peer-hint",
                    (true, false) => "gui-export-peer-hint-primary",
                    (true, true) => "gui-export-peer-hint-backup",
                };
                let r = labelled(ui, &st.t("gui-peer"), |ui| {
                    ui.horizontal(|ui| {
                        let field = ui
                            .add(
                                egui::TextEdit::singleline(&mut f.peer)
                                    .id_salt("export.peer")
                                    .hint_text(st.t(peer_hint)),
                            )
                            .on_hover_text(st.t("gui-export-peer-help"));
                        if f.peer.trim().is_empty() {
                            peer_hint_ui(ui, st, f, &in_file);
                        }
                        field
                    })
                    .inner
                });
                if r.changed() {
                    f.typed_at = Some(ui.input(|i| i.time));
                }
            }
            if uses(Field::SourceInterface) {
                labelled(ui, &st.t("gui-source-interface"), |ui| {
                    ui.add(
                        egui::TextEdit::singleline(&mut f.source_interface)
                            .id_salt("export.source_interface")
                            .hint_text(interface_example(f.format)),
                    )
                    .on_hover_text(st.t("gui-source-interface-help"))
                });
            }
            if uses(Field::Vrf) {
                labelled(ui, &st.t("gui-vrf"), |ui| {
                    ui.add(egui::TextEdit::singleline(&mut f.vrf).id_salt("export.vrf"))
                });
            }
            if uses(Field::Key) {
                labelled(ui, &st.t("gui-key"), |ui| {
                    ui.add(
                        egui::TextEdit::singleline(&mut f.key)
                            .id_salt("export.key")
                            .hint_text("1:md5:secret"),
                    )
                });
            }
            if uses(Field::NtpdOld) {
                crate::gui::widgets::empty_cell(ui);
                ui.checkbox(&mut f.ntpd_old, st.t("gui-export-ntpd-old"))
                    .on_hover_text(st.t("gui-export-ntpd-old-help"));
                ui.end_row();
            }
            if uses(Field::Nts) {
                crate::gui::widgets::empty_cell(ui);
                ui.checkbox(&mut f.nts, st.t("gui-export-nts"));
                ui.end_row();
                if f.nts {
                    let hint = st.t("gui-export-nts-ca-hint");
                    labelled(ui, &st.t("gui-export-nts-ca"), |ui| {
                        ui.add(
                            egui::TextEdit::singleline(&mut f.nts_ca)
                                .id_salt("export.nts_ca")
                                .hint_text(hint),
                        )
                    });
                }
            }
        });
}

/// Beside an empty Peer field: a primary's peer is the pair's other
/// server, already in this server's file; a backup's peer is the primary,
/// which is this server (the lab servers typed that are not its peers),
/// offered as a button.
fn peer_hint_ui(ui: &mut egui::Ui, st: &AppState, f: &mut Form, in_file: &[String]) {
    if !f.backup {
        if !in_file.is_empty() {
            ui.weak(st.ta("gui-export-peer-in-file", &[("peers", in_file.join(" "))]));
        }
        return;
    }
    let primary = f
        .servers
        .split_whitespace()
        .find(|t| {
            !in_file
                .iter()
                .any(|p| t == p || t.split(':').next() == Some(p))
        })
        .map(|t| t.split(':').next().unwrap_or(t).to_string());
    match primary {
        Some(p) => {
            if ui
                .button(st.ta("gui-export-peer-primary", &[("server", p.clone())]))
                .on_hover_text(st.t("gui-export-backup-help"))
                .clicked()
            {
                f.peer = p;
            }
        }
        None => {
            ui.weak(st.t("gui-export-peer-type-primary"));
        }
    }
}

pub fn export_ui(
    ui: &mut egui::Ui,
    st: &mut AppState,
    form: &mut Form,
    commands: &mut Vec<Command>,
) {
    format_ui(ui, st, form);
    ui.add_space(4.0);
    fields_ui(ui, st, form);
    // The backup's file peers with this server; this server's own file
    // must peer back, or the pair is one-sided.
    if form.backup
        && form.format.uses(Field::Role)
        && !form.peer.trim().is_empty()
        && crate::core::export::Intent::from_document(&st.doc)
            .peers
            .is_empty()
    {
        ui.colored_label(
            status_color(crate::core::explain::Status::Warn),
            st.t("gui-export-pair-one-sided"),
        );
    }
    // A backup peers with the primary, the first lab server typed: another
    // address is said at once (the file is still offered: the servers
    // field may be out of date).
    if form.backup
        && form.format.uses(Field::Role)
        && let Some(primary) = form.servers.split_whitespace().next().map(host_of)
        && !form.peer.trim().is_empty()
        && host_of(form.peer.trim()) != primary
        && form.servers.split_whitespace().nth(1).map(host_of) != Some(host_of(form.peer.trim()))
    {
        ui.colored_label(
            status_color(crate::core::explain::Status::Warn),
            st.ta(
                "gui-export-peer-not-primary",
                &[("primary", primary), ("peer", form.peer.trim().to_string())],
            ),
        );
    }
    let mut opts = match options(form) {
        Ok(o) => o,
        Err(e) => {
            ui.colored_label(
                status_color(crate::core::explain::Status::Bad),
                st.tr.tr_args(e.id(), &e.args()),
            );
            return;
        }
    };
    look_up_ui(ui, st, form, &mut opts, commands);
    let f = &*form;
    let words = crate::cli::export::Translated {
        tr: &st.tr,
        file: st.config_path.clone(),
        backup: opts.role == crate::core::export::Role::Backup,
    };
    match export(&st.doc, f.format, &opts, &words) {
        Ok(e) => {
            for n in &e.notes {
                // A note that names a CLI command has a window wording
                // naming the panel that does the same (gui-export-note-…).
                let window_id = format!("gui-{}", n.id);
                let id = if st.tr.has(&window_id) {
                    window_id.as_str()
                } else {
                    n.id
                };
                ui.label(
                    RichText::new(st.ta(
                        "export-note-line",
                        &[("text", st.tr.export_note(id, &n.args))],
                    ))
                    .weak(),
                );
            }
            // Edits not applied yet change what this file says: the file
            // from the applied configuration would differ.
            if st.unapplied() {
                let applied = crate::core::conf::Document::parse(&st.base);
                let from_applied = export(&applied, f.format, &opts, &words).map(|a| a.text);
                if from_applied.as_ref().ok() != Some(&e.text) {
                    ui.colored_label(
                        status_color(crate::core::explain::Status::Warn),
                        st.t("gui-export-unapplied"),
                    )
                    .on_hover_text(st.t("gui-unapplied-help"));
                }
            }
            let title = ui.strong(st.t("gui-export-preview"));
            // No soft wrap: a wrapped comment's tail would read as a
            // config line without its "#". A long comment is shown as
            // several comment lines instead (Copy and Save keep the
            // file's lines); a long config line scrolls.
            let margin = 2.0 * ui.spacing().button_padding.x + 8.0;
            let mut text = crate::gui::widgets::preview_lines(
                ui,
                &e.text,
                f.format.comment(),
                ui.available_width() - margin,
            );
            let mut layouter = |ui: &egui::Ui, buf: &dyn egui::TextBuffer, _wrap: f32| {
                let mut job = egui::text::LayoutJob::simple(
                    buf.as_str().to_owned(),
                    egui::TextStyle::Monospace.resolve(ui.style()),
                    ui.visuals().text_color(),
                    f32::INFINITY,
                );
                job.wrap.max_width = f32::INFINITY;
                ui.fonts(|f| f.layout_job(job))
            };
            egui::ScrollArea::horizontal()
                .id_salt("export.preview")
                .show(ui, |ui| {
                    ui.add(
                        egui::TextEdit::multiline(&mut text)
                            .id_salt("export.text")
                            .code_editor()
                            .interactive(true)
                            .layouter(&mut layouter),
                    )
                    .labelled_by(title.id);
                });
            // The comments above are English on purpose: say why.
            if let Some(notice) = st.tr.export_ascii_notice(f.format) {
                ui.label(RichText::new(notice).weak());
            }
            ui.horizontal(|ui| {
                if ui.button(st.t("gui-copy")).clicked() {
                    ui.ctx().copy_text(e.text.clone());
                }
            });
            let name = form.format.file_name();
            let other_lang = only_comments_differ(st, form, &opts, &e.text);
            let field = form.saves.entry(form.format).or_default();
            // A file saved from another preview is not this one; one that
            // differs only in its comments' language is.
            field.changed = !other_lang
                && field
                    .saved
                    .as_ref()
                    .is_some_and(|s| s.as_slice() != e.text.as_bytes());
            let bytes = |_: &AppState| e.text.clone().into_bytes();
            let before = field.last;
            save_ui(
                ui,
                st,
                field,
                ("gui-file", name),
                "gui-save-as",
                Payload::Bytes(&bytes),
            );
            if field.last != before {
                form.saved_lang.insert(form.format, st.tr.lang());
            } else if other_lang {
                ui.weak(st.t("gui-export-saved-other-lang"));
            }
        }
        // What is missing, and where to type it (the window's words).
        Err(e) => {
            ui.colored_label(
                status_color(crate::core::explain::Status::Warn),
                st.tr.tr_args(e.id(), &e.args()),
            );
        }
    }
}

/// Whether the file saved for this format differs from the preview only
/// because it was saved from the window in another language (its
/// comments): the same export in that language is what was saved.
fn only_comments_differ(st: &AppState, form: &mut Form, opts: &Options, text: &str) -> bool {
    let Some(saved) = form.saves.get(&form.format).and_then(|s| s.saved.as_ref()) else {
        return false;
    };
    if saved.as_slice() == text.as_bytes() {
        return false;
    }
    // A file read back at start was saved in a language this run does not
    // know: any other language may have written it.
    let langs: Vec<crate::i18n::Lang> = match form.saved_lang.get(&form.format) {
        Some(l) => vec![*l],
        None if form
            .saves
            .get(&form.format)
            .is_some_and(|s| s.on_disk.is_some()) =>
        {
            crate::i18n::Lang::ALL.to_vec()
        }
        None => return false,
    };
    let saved = saved.clone();
    langs
        .into_iter()
        .filter(|l| *l != st.tr.lang())
        .any(|lang| {
            if form.saved_words.as_ref().map(|t| t.lang()) != Some(lang) {
                form.saved_words = Some(crate::i18n::Localizer::new(lang));
            }
            let Some(tr) = &form.saved_words else {
                return false;
            };
            let words = crate::cli::export::Translated {
                tr,
                file: st.config_path.clone(),
                backup: opts.role == crate::core::export::Role::Backup,
            };
            export(&st.doc, form.format, opts, &words)
                .is_ok_and(|e| e.text.as_bytes() == saved.as_slice())
        })
}

/// The addresses of the names typed (a client's `allow`, a device that
/// takes addresses only need them), looked up on this machine, off the
/// UI thread, once typing has paused; while a lookup runs, a line says so.
fn look_up_ui(
    ui: &mut egui::Ui,
    st: &mut AppState,
    form: &Form,
    opts: &mut Options,
    commands: &mut Vec<Command>,
) {
    let names = opts.names();
    if names.is_empty() {
        return;
    }
    let now = ui.input(|i| i.time);
    let wait = form.typed_at.map_or(0.0, |t| t + LOOKUP_PAUSE - now);
    if wait > 0.0 {
        ui.ctx()
            .request_repaint_after(std::time::Duration::from_secs_f64(wait));
        return;
    }
    let mut ask = Vec::new();
    let mut pending = Vec::new();
    for name in names {
        match st.addresses.get(&name) {
            Some(addrs) => opts.set_addresses(&name, addrs.clone()),
            None => {
                if st.looking_up.insert(name.clone()) {
                    ask.push(name.clone());
                }
                pending.push(name);
            }
        }
    }
    if !ask.is_empty() {
        commands.push(Command::LookUp(ask));
    }
    if !pending.is_empty() {
        ui.weak(st.ta("gui-export-looking-up", &[("names", pending.join(", "))]));
    }
}

impl crate::gui::view::View for Form {
    fn ui(
        &mut self,
        ui: &mut egui::Ui,
        st: &mut AppState,
        commands: &mut Vec<crate::gui::backend::Command>,
    ) {
        export_ui(ui, st, self, commands);
        keep(st, self);
    }
}
