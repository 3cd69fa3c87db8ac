//! Widgets shared by the panels: explained fields and tables (a name in the
//! chosen language, the meaning in the tooltip, the verdict's colour),
//! findings as cards, the note for missing live data, an action's result.

use egui::RichText;
use egui_extras::{Column, TableBuilder};

use crate::core::explain::{Explained, Field, FieldId, Kind, Value};
use crate::gui::state::{AppState, ApplyState, Connection, Selected, status_color};

/// An empty cell of a grid: room, and nothing for a screen reader to read.
pub fn empty_cell(ui: &mut egui::Ui) {
    ui.allocate_space(egui::Vec2::ZERO);
}

/// A row of a two-column grid: a label and the control it names. The
/// control's accessible name is the label's text, so that screen readers
/// and UI tests find the field by what it is called.
pub fn labelled(
    ui: &mut egui::Ui,
    label: &str,
    add: impl FnOnce(&mut egui::Ui) -> egui::Response,
) -> egui::Response {
    let name = ui.label(label);
    let r = add(ui).labelled_by(name.id);
    ui.end_row();
    r
}

/// A header cell whose tooltip says what the column means.
/// A column or field name in the chosen language; the meaning and the
/// tool's own id in the tooltip.
pub fn header_ui(ui: &mut egui::Ui, st: &AppState, kind: Kind, field: &str) {
    // The column grows to its name rather than wrapping it (names in
    // Chinese with a unit are wider than the numbers below them).
    let name = egui::RichText::new(field_name(st, field)).strong();
    ui.add(egui::Label::new(name).wrap_mode(egui::TextWrapMode::Extend))
        .on_hover_text(field_meaning(st, kind, field));
}

/// A field's name in the chosen language (the tool's id when it has none).
pub fn field_name(st: &AppState, field: &str) -> String {
    let label = format!("label-{field}");
    if st.tr.has(&label) {
        st.t(&label)
    } else {
        field.to_string()
    }
}

/// What a field means, in words (the tool's own id for it is no help to
/// the reader, who sees the field's name beside it).
pub fn field_meaning(st: &AppState, kind: Kind, field: &str) -> String {
    st.tr.field_meaning(kind, field)
}

/// A value as the window shows it: [`display_value`], with the words
/// chronyc prints for a state ("Normal", "Not synchronised", "Yes") in the
/// window's language (`value-<words>`). Anything else (numbers, names,
/// addresses, symbols) is shown as printed.
pub fn shown_value(st: &AppState, kind: Kind, f: &Field) -> String {
    // On its own clock chronyd's root dispersion (often 0) bounds no
    // error: "unknown", never a 0 that reads as exact time.
    if f.name == FieldId::RootDispersion
        && f.reason
            .as_ref()
            .is_some_and(|r| r.id == crate::core::explain::Why::OwnClockNoBound)
    {
        return st.t("gui-own-clock-bound-unknown");
    }
    let text = display_value(kind, f);
    if let (FieldId::SystemTime, Value::Seconds(v)) = (f.name, f.value)
        && text != f.raw
    {
        return system_time_words(&st.tr, v);
    }
    if !WORD_FIELDS.contains(&f.name) {
        return text;
    }
    match value_id(&text) {
        Some(id) if st.tr.has(&id) => st.t(&id),
        _ => text,
    }
}

/// A 0 chronyd reports with no reference to compare with (tracking with
/// Reference ID 7F7F0101 or 00000000): its initial value, not a
/// measurement, as Plots and Statistics leave those zeros out. Read so
/// on live values only: a paste keeps chronyc's words.
pub fn not_measured(f: &Field) -> bool {
    use crate::core::explain::Why;
    f.reason
        .as_ref()
        .is_some_and(|r| matches!(r.id, Why::NoReference | Why::OwnClockNoBound))
        && matches!(f.value, Value::Seconds(v) | Value::Ppm(v) if v == 0.0)
}

/// chronyd's correction in chronyc's words ("1.2 µs ahead of NTP time
/// (fast)"), never a bare signed number beside "System clock vs NTP": its
/// sign is the clock's reversed (positive when the clock is behind).
pub fn system_time_words(tr: &crate::i18n::Localizer, correction: f64) -> String {
    if correction == 0.0 {
        return human_seconds(0.0);
    }
    let id = if correction > 0.0 {
        "why-clock-slow"
    } else {
        "why-clock-fast"
    };
    tr.tr_args(id, &[("value", human_seconds(correction.abs()))])
}

/// chronyc's fields whose values are words of its own (never a name a
/// user gave: a source called "server" stays "server").
const WORD_FIELDS: &[FieldId] = &[
    FieldId::Leap,
    FieldId::NtpMode,
    FieldId::Interleaved,
    FieldId::Authenticated,
    FieldId::TxTimestamping,
    FieldId::RxTimestamping,
];

/// The message id of a value made only of words (`Not synchronised` ->
/// `value-not-synchronised`); `None` for anything with digits or symbols.
pub fn value_id(raw: &str) -> Option<String> {
    let raw = raw.trim();
    let words = !raw.is_empty()
        && raw
            .chars()
            .all(|c| c.is_ascii_alphabetic() || c == ' ' || c == '-');
    words.then(|| format!("value-{}", raw.to_ascii_lowercase().replace(' ', "-")))
}

/// How a value reads on screen: chronyc's `-c` numbers and the live
/// snapshot's (plain seconds, Unix times) in units a person reads at a
/// glance, `152 ns` rather than `0.000000152`; anything else exactly as
/// printed. The explanation side panel keeps the raw text.
pub fn display_value(_kind: Kind, f: &Field) -> String {
    if f.placeholder() {
        return crate::core::explain::NO_VALUE.to_string();
    }
    let plain = |r: &str| {
        !r.is_empty()
            && r.bytes()
                .all(|b| b.is_ascii_digit() || b == b'.' || b == b'-' || b == b'+')
    };
    if !plain(&f.raw) {
        return f.raw.clone();
    }
    // How long ago: whole seconds, as chronyc prints them (the column's
    // name says "since").
    let ago = matches!(
        f.name,
        FieldId::LastRx | FieldId::CmdLast | FieldId::LastKe | FieldId::NtpLast
    );
    match f.value {
        Value::Seconds(v) if ago && v >= 1.0 => format!("{v:.0} s"),
        Value::Time(v) if v > 0.0 => format!("{} UTC", crate::core::time::utc_datetime(v as i64)),
        Value::Seconds(v) => human_seconds(v),
        _ => f.raw.clone(),
    }
}

/// Seconds in the unit people read them in: 152 ns, 4.1 µs, 2.300 ms.
pub fn human_seconds(v: f64) -> String {
    let a = v.abs();
    // Anything that rounds to no nanosecond reads as zero, in one unit:
    // never "0 s" beside "0 ns" (or "-0 ns") for the same nothing.
    if a < 0.5e-9 {
        "0 s".to_string()
    } else if a < 1e-6 {
        format!("{:.0} ns", v * 1e9)
    } else if a < 1e-3 {
        format!("{:.1} µs", v * 1e6)
    } else if a < 1.0 {
        format!("{:.3} ms", v * 1e3)
    } else {
        format!("{v:.3} s")
    }
}

/// A value cell coloured by its verdict; a click opens the explanation.
pub fn cell_ui(ui: &mut egui::Ui, st: &mut AppState, kind: Kind, f: &Field) {
    value_ui(ui, st, kind, f, egui::TextWrapMode::Wrap);
}

/// A table's cell: never wrapped inside an address, name or number (the
/// column takes the width of its widest cell; a table wider than the
/// panel scrolls sideways).
pub fn table_cell_ui(ui: &mut egui::Ui, st: &mut AppState, kind: Kind, f: &Field) {
    value_ui(ui, st, kind, f, egui::TextWrapMode::Extend);
}

fn value_ui(ui: &mut egui::Ui, st: &mut AppState, kind: Kind, f: &Field, wrap: egui::TextWrapMode) {
    let shown = shown_value(st, kind, f);
    // A value shown as pasted keeps the tool's English; its reading in
    // the window's language goes beside it (`stratum explain` puts it in
    // the meaning column).
    match st.tr.value_reading(f).filter(|_| shown == f.raw) {
        Some(reading) => {
            ui.horizontal(|ui| {
                value_label_ui(ui, st, kind, f, shown, wrap);
                ui.add(egui::Label::new(RichText::new(reading).weak()).wrap_mode(wrap));
            });
        }
        None => value_label_ui(ui, st, kind, f, shown, wrap),
    }
}

fn value_label_ui(
    ui: &mut egui::Ui,
    st: &mut AppState,
    kind: Kind,
    f: &Field,
    shown: String,
    wrap: egui::TextWrapMode,
) {
    let color = status_color(f.status);
    let text =
        RichText::new(shown)
            .monospace()
            .color(if f.status == crate::core::explain::Status::Info {
                ui.visuals().text_color()
            } else {
                color
            });
    let mut r = ui.add(
        egui::Label::new(text)
            .wrap_mode(wrap)
            .sense(egui::Sense::click()),
    );
    if f.raw == st.t("gui-not-measured") {
        r = r.on_hover_text(st.t("gui-not-measured-help"));
    } else if let Some(reason) = f.reason.as_ref().filter(|_| f.placeholder()) {
        r = r.on_hover_text(if reason.id == crate::core::explain::Why::NoSample {
            st.t("gui-no-measurement")
        } else {
            st.tr.reason_text_in(kind, reason)
        });
    }
    if r.clicked() {
        st.selected = Some(Selected {
            field: f.name.id(),
            raw: f.raw.clone(),
            status: f.status,
            reason: f.reason.as_ref().map(|r| st.tr.reason_text_in(kind, r)),
            meaning: st.tr.field_meaning(kind, f.name.id()),
        });
    }
}

/// An explained table: a header with meanings, rows of judged cells.
pub fn rows_ui(ui: &mut egui::Ui, st: &mut AppState, id: &str, e: &Explained) {
    let Some(first) = e.rows.first() else {
        ui.label(st.t("gui-no-rows"));
        return;
    };
    let names: Vec<FieldId> = first.iter().map(|f| f.name).collect();
    // The panel scrolls, not each table: a table of its own height never
    // hides its last rows at a small window; wide ones scroll sideways.
    ui.push_id(id, |ui| {
        egui::ScrollArea::horizontal().id_salt(id).show(ui, |ui| {
            TableBuilder::new(ui)
                .striped(true)
                .vscroll(false)
                .columns(Column::auto().at_least(40.0), names.len())
                .header(20.0, |mut h| {
                    for n in &names {
                        h.col(|ui| header_ui(ui, st, e.kind, n.id()));
                    }
                })
                .body(|mut body| {
                    for row in &e.rows {
                        body.row(18.0, |mut r| {
                            for f in row {
                                r.col(|ui| table_cell_ui(ui, st, e.kind, f));
                            }
                        });
                    }
                });
        });
    });
}

/// Key/value fields as a grid.
pub fn fields_ui(ui: &mut egui::Ui, st: &mut AppState, id: &str, kind: Kind, fields: &[Field]) {
    egui::Grid::new(id)
        .num_columns(2)
        .striped(true)
        .show(ui, |ui| {
            for f in fields {
                header_ui(ui, st, kind, f.name.id());
                cell_ui(ui, st, kind, f);
                ui.end_row();
            }
        });
}

/// The text with each quoted command (“chronyc -N sources -a”) joined by
/// no-break spaces, so that wrapping never splits a command across lines,
/// where a reader would copy half of it.
pub fn one_line_commands(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    while let Some(open) = rest.find('“') {
        let (before, after) = rest.split_at(open + '“'.len_utf8());
        out.push_str(before);
        let Some(close) = after.find('”') else {
            rest = after;
            break;
        };
        let quoted = &after[..close];
        let command = quoted.starts_with(|c: char| c.is_ascii_lowercase())
            && quoted.is_ascii()
            && quoted.len() <= 48;
        if command {
            out.push_str(&quoted.replace(' ', "\u{a0}"));
        } else {
            out.push_str(quoted);
        }
        rest = &after[close..];
    }
    out.push_str(rest);
    out
}

/// A wrapped label whose quoted commands stay on one line; screen readers
/// get `text` as written (plain spaces).
pub fn command_text_ui(
    ui: &mut egui::Ui,
    text: &str,
    color: egui::Color32,
    size: Option<f32>,
) -> egui::Response {
    let mut shown = RichText::new(one_line_commands(text)).color(color);
    if let Some(size) = size {
        shown = shown.size(size);
    }
    let r = ui.add(egui::Label::new(shown).wrap());
    r.widget_info(|| egui::WidgetInfo::labeled(egui::WidgetType::Label, true, text));
    r
}

/// Findings first and large, each in a frame of its verdict's colour; a
/// clear "no problem found" when there is none.
pub fn findings_ui(
    ui: &mut egui::Ui,
    st: &AppState,
    findings: &[(Kind, crate::core::explain::Finding)],
) {
    // As wide as what is in sight, left of the scroll bar: a wide table
    // elsewhere in the panel widens the scrolled area, and egui's bar
    // floats over the content's right edge.
    let card = |ui: &mut egui::Ui, color: egui::Color32, text: String| {
        let s = &ui.spacing().scroll;
        let bar = s.bar_width + s.bar_inner_margin + s.bar_outer_margin;
        let visible = ui.clip_rect().right() - bar - ui.cursor().left();
        let outer = ui.available_width().min(visible).max(120.0);
        let margin = 8.0;
        let stroke = 1.5;
        egui::Frame::group(ui.style())
            .stroke(egui::Stroke::new(stroke, color))
            .inner_margin(egui::Margin::same(margin as i8))
            .show(ui, |ui| {
                let inner = outer - 2.0 * (margin + stroke);
                ui.set_width(inner);
                ui.set_max_width(inner);
                command_text_ui(ui, &text, color, Some(15.0));
            });
    };
    if findings.is_empty() {
        card(
            ui,
            status_color(crate::core::explain::Status::Ok),
            st.t("explain-no-findings"),
        );
        return;
    }
    for (kind, f) in findings {
        card(ui, status_color(f.severity), st.tr.finding_text(*kind, f));
    }
}

/// A message for when live data is missing: why, and how to fix it.
pub fn offline_note_ui(ui: &mut egui::Ui, st: &AppState) -> bool {
    if st.snapshot.as_ref().is_some_and(|s| s.tracking.is_some()) {
        return false;
    }
    let text = match &st.connection {
        Connection::Offline { .. } => st.t("gui-offline-help"),
        Connection::Connecting(stage) => st.t(stage.message_id()),
        Connection::Connected { .. } if st.snapshot.as_ref().is_some_and(|s| s.starting) => {
            st.t("gui-conn-chronyd-starting")
        }
        Connection::Connected { .. } => st.t("gui-waiting-chronyd"),
    };
    ui.label(text);
    true
}

/// What the last apply did, where the user clicked Apply: applied live or
/// by a restart (with the backup's name), unchanged, rolled back, failed.
pub fn apply_result_ui(ui: &mut egui::Ui, st: &AppState) {
    match &st.apply {
        ApplyState::Idle => {}
        ApplyState::Running { .. } => {
            ui.horizontal(|ui| {
                ui.spinner();
                ui.label(st.t("gui-applying"));
            });
        }
        ApplyState::Done { applied: a, .. } => {
            ui.colored_label(
                status_color(crate::core::explain::Status::Ok),
                st.ta(
                    a.message_id(),
                    &[("backup", a.backup.clone().unwrap_or_default())],
                ),
            );
        }
        ApplyState::Failed { code, detail } => {
            ui.colored_label(
                status_color(crate::core::explain::Status::Bad),
                st.tr.error_text(*code, detail.clone()),
            );
        }
    }
}

/// `on_disabled_hover_text`, only where the widget is in sight: egui tests
/// a disabled widget's whole rectangle, not the part its scroll area shows,
/// so a button scrolled under the status bar would open its tooltip over
/// the bar's own.
pub trait DisabledHover {
    fn disabled_hover_text(self, text: impl Into<egui::WidgetText>) -> Self;
}

impl DisabledHover for egui::Response {
    fn disabled_hover_text(self, text: impl Into<egui::WidgetText>) -> Self {
        let seen = self
            .ctx
            .pointer_hover_pos()
            .is_some_and(|p| self.interact_rect.contains(p));
        if seen {
            self.on_disabled_hover_text(text)
        } else {
            self
        }
    }
}

/// A generated file's text as a preview shows it in `width` points: a
/// comment line too long for the width is broken into several, each
/// starting with the syntax's comment `mark`, so that no tail of a
/// comment reads as a line of configuration (the file itself keeps its
/// lines; a long configuration line still scrolls sideways).
pub fn preview_lines(ui: &egui::Ui, text: &str, mark: &str, width: f32) -> String {
    let font = egui::TextStyle::Monospace.resolve(ui.style());
    let color = ui.visuals().text_color();
    let mut out = String::with_capacity(text.len());
    for line in text.split_inclusive('\n') {
        let body = line.trim_end_matches('\n');
        let comment = body.trim_start().strip_prefix(mark);
        let wide = |s: String| ui.fonts(|f| f.layout_no_wrap(s, font.clone(), color).size().x);
        let Some(comment) = comment.filter(|_| wide(body.to_string()) > width) else {
            out.push_str(line);
            continue;
        };
        let indent = &body[..body.len() - body.trim_start().len()];
        let prefix = format!("{indent}{mark} ");
        let room = (width - wide(prefix.clone())).max(80.0);
        let galley =
            ui.fonts(|f| f.layout(comment.trim_start().to_string(), font.clone(), color, room));
        for row in &galley.rows {
            let part: String = row.glyphs.iter().map(|g| g.chr).collect();
            out.push_str(&prefix);
            out.push_str(part.trim_end());
            out.push('\n');
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn shown(kind: Kind, name: FieldId, raw: &str, value: Value) -> String {
        display_value(kind, &Field::typed(name, raw, value))
    }

    /// chronyc(1), tracking: "System time ... whether the system clock is
    /// fast or slow"; in -c (and cmdmon) the value is the correction,
    /// positive when the clock is slow. The window says it in words.
    #[test]
    fn the_system_time_says_ahead_or_behind_as_chronyc_does() {
        use crate::i18n::{Lang, Localizer};
        let en = Localizer::new(Lang::En);
        assert_eq!(
            system_time_words(&en, -0.000_001_2),
            "1.2 µs ahead of NTP time (fast)"
        );
        assert_eq!(
            system_time_words(&en, 0.003),
            "3.000 ms behind NTP time (slow)"
        );
        assert_eq!(system_time_words(&en, 0.0), "0 s");
        let zh = Localizer::new(Lang::ZhCn);
        assert_eq!(
            system_time_words(&zh, -0.000_001_2),
            "比 NTP 时间超前 1.2 µs（快）"
        );
    }

    #[test]
    fn chronyc_numbers_read_in_units_and_other_text_stays_as_printed() {
        let t = Kind::ChronycTracking;
        let s = |raw: &str| Value::Seconds(raw.parse().unwrap());
        let f = FieldId::SystemTime;
        assert_eq!(shown(t, f, "0.000000152", s("0.000000152")), "152 ns");
        let f = FieldId::LastOffset;
        assert_eq!(shown(t, f, "-0.000004119", s("-0.000004119")), "-4.1 µs");
        let f = FieldId::RootDelay;
        assert_eq!(shown(t, f, "0.012345678", s("0.012345678")), "12.346 ms");
        let f = FieldId::RootDispersion;
        assert_eq!(shown(t, f, "0.000000000", s("0.000000000")), "0 s");
        // "Since last reply": whole seconds, as chronyc prints LastRx.
        let k = Kind::ChronycSources;
        assert_eq!(shown(k, FieldId::LastRx, "32", s("32")), "32 s");
        let when = Value::Time(1_795_324_295.710_328);
        assert_eq!(
            shown(t, FieldId::RefTime, "1795324295.710328341", when),
            "2026-11-22 05:11:35 UTC"
        );
        // Not seconds, or not a plain number: exactly as printed.
        let ppm = Value::Ppm(-0.004);
        assert_eq!(shown(t, FieldId::Frequency, "-0.004", ppm), "-0.004");
        assert_eq!(
            shown(t, FieldId::RefTime, "Sun Nov 22 05:11:35 2026", Value::Text),
            "Sun Nov 22 05:11:35 2026"
        );
        let err = Value::Seconds(0.001);
        assert_eq!(
            shown(Kind::ChronycSources, FieldId::Error, "+/- 1ms", err),
            "+/- 1ms"
        );
        assert_eq!(
            shown(Kind::NtpqPeers, FieldId::Offset, "0.789", Value::Text),
            "0.789"
        );
    }
}
