//! `stratum explain [FILE|-] [--roster INTENT.toml] [--lang en|zh-CN]
//! [--format text|json]`. A pasted `chronyc clients` is also read against
//! the roster: the given intent file, else the lab's (or the system's) when
//! there is one.

use std::io::Read;
use std::path::PathBuf;
use std::process::ExitCode;

use super::args::ExplainArgs;
use serde_json::{Value, json};

use super::common::{CliError, CliResult, parse_json_format};
use super::common::{out, outln};
use super::roster::words::{pasted_device_line, pasted_lines};
use crate::core::explain::{ExplainError, Explained, Field, Kind, MAX_INPUT, decode, explain_all};
use crate::core::roster::clients::{PastedClients, read_pasted};
use crate::core::roster::{INTENT_FILE, IntentFile};
use crate::helper::roster::read_intent;
use crate::i18n::Localizer;

fn reason(tr: &Localizer, kind: Kind, f: &Field) -> Option<String> {
    f.reason.as_ref().map(|r| tr.reason_text_in(kind, r))
}

fn field_json(tr: &Localizer, kind: Kind, f: &Field) -> Value {
    let mut v = json!({
        "name": f.name.id(),
        "raw": f.raw,
        "meaning": tr.field_meaning(kind, f.name.id()),
        "status": f.status.as_str(),
    });
    if let Some(r) = reason(tr, kind, f) {
        v["reason"] = json!(r);
    }
    if let Some(r) = tr.value_reading(f) {
        v["reading"] = json!(r);
    }
    v
}

pub fn to_json(tr: &Localizer, e: &Explained) -> Value {
    let k = e.kind;
    json!({
        "kind": e.kind_name(),
        "title": tr.kind_title(k, e.csv),
        "fields": e.fields.iter().map(|f| field_json(tr, k, f)).collect::<Vec<_>>(),
        "rows": e.rows.iter().map(|r| r.iter().map(|f| field_json(tr, k, f)).collect::<Vec<_>>()).collect::<Vec<_>>(),
        "findings": e.findings.iter().map(|x| json!({
            "rule": x.rule,
            "severity": x.severity.as_str(),
            "message": tr.finding_text(k, x),
        })).collect::<Vec<_>>(),
    })
}

fn width(s: &str) -> usize {
    // CJK characters take two columns in a terminal.
    s.chars()
        .map(|c| if c as u32 >= 0x1100 { 2 } else { 1 })
        .sum()
}

/// The value as printed, or "–" where it is a placeholder (chronyc's 0
/// for a source never sampled): the verdict column says why.
fn shown(f: &Field) -> &str {
    if f.placeholder() {
        crate::core::explain::NO_VALUE
    } else {
        &f.raw
    }
}

fn pad(s: &str, w: usize) -> String {
    format!("{s}{}", " ".repeat(w.saturating_sub(width(s))))
}

fn table(tr: &Localizer, kind: Kind, fields: &[Field], out: &mut String) {
    let wn = fields
        .iter()
        .map(|f| width(f.name.id()))
        .max()
        .unwrap_or(0)
        .max(width(&tr.tr("explain-col-field")));
    let wv = fields
        .iter()
        .map(|f| width(shown(f)))
        .max()
        .unwrap_or(0)
        .clamp(5, 40);
    let wv = wv.max(width(&tr.tr("explain-col-value")));
    let wd = 7.max(width(&tr.tr("explain-col-verdict")));
    out.push_str(&format!(
        "  {}  {}  {}  {}\n",
        pad(&tr.tr("explain-col-field"), wn),
        pad(&tr.tr("explain-col-value"), wv),
        pad(&tr.tr("explain-col-verdict"), wd),
        tr.tr("explain-col-meaning")
    ));
    for f in fields {
        let verdict = tr.tr(&format!("verdict-{}", f.status.as_str()));
        let mut text = tr.field_meaning(kind, f.name.id());
        if let Some(r) = reason(tr, kind, f) {
            text = tr.reason_and_meaning(&r, &text);
        }
        // The paste stays as it was; what its English words read as comes
        // first in the meaning, as the window shows it beside the value.
        if let Some(r) = tr.value_reading(f).filter(|r| !text.contains(r.as_str())) {
            text = tr.tr_args("explain-value-reads", &[("reading", r), ("meaning", text)]);
        }
        out.push_str(&format!(
            "  {}  {}  {}  {}\n",
            pad(f.name.id(), wn),
            pad(shown(f), wv),
            pad(&verdict, wd),
            text
        ));
    }
}

pub fn to_text(tr: &Localizer, e: &Explained) -> String {
    let mut out = tr.tr_args("explain-kind", &[("kind", tr.kind_title(e.kind, e.csv))]);
    out.push_str("\n\n");
    if !e.fields.is_empty() {
        table(tr, e.kind, &e.fields, &mut out);
        out.push('\n');
    }
    for (i, row) in e.rows.iter().enumerate() {
        out.push_str(&tr.tr_args("explain-row", &[("n", (i + 1).to_string())]));
        out.push('\n');
        table(tr, e.kind, row, &mut out);
        out.push('\n');
    }
    out.push_str(&tr.tr("explain-findings"));
    out.push('\n');
    if e.findings.is_empty() {
        out.push_str("  ");
        out.push_str(&tr.tr("explain-no-findings"));
        out.push('\n');
    }
    for x in &e.findings {
        let verdict = tr.tr(&format!("verdict-{}", x.severity.as_str()));
        out.push_str(&format!("  [{verdict}] {}\n", tr.finding_text(e.kind, x)));
    }
    out
}

/// The roster a pasted client list is read against: `--roster FILE` (an
/// error when it cannot be read), else the first intent file that exists
/// beside the lab's or the system's chrony.conf (skipped when unreadable).
fn roster(given: Option<PathBuf>) -> Result<Option<(PathBuf, IntentFile)>, CliError> {
    if let Some(path) = given {
        return match read_intent(&path) {
            Ok(i) => Ok(Some((path, i))),
            Err(reason) => Err(CliError::new("cli-cannot-read")
                .arg("path", path.display())
                .arg("reason", reason)),
        };
    }
    let lab = crate::ipc::paths::user_data_dir().join(INTENT_FILE);
    let system = ["/etc/chrony/chrony.conf", "/etc/chrony.conf"]
        .map(|c| crate::helper::roster::intent_path(std::path::Path::new(c)));
    Ok(std::iter::once(lab)
        .chain(system)
        .filter(|p| p.is_file())
        .find_map(|p| read_intent(&p).ok().map(|i| (p, i))))
}

/// The roster's reading of a client list, as JSON.
fn roster_json(tr: &Localizer, path: &std::path::Path, p: &PastedClients) -> Value {
    json!({
        "file": path.display().to_string(),
        "polling": p.devices.iter().filter(|d| d.polls()).count(),
        "total": p.devices.len(),
        "devices": p.devices.iter().map(|d| json!({
            "name": d.name,
            "address": d.address,
            "kind": d.kind.id(),
            "polls": d.polls(),
            "ntp_packets": d.ntp_packets,
            "message": pasted_device_line(d, tr),
        })).collect::<Vec<_>>(),
        "unknown": p.unknown,
    })
}

pub fn run(a: ExplainArgs, tr: &Localizer) -> CliResult {
    let file: Option<PathBuf> = a.file;
    let json_out = match a.format {
        Some(v) => parse_json_format(v)?,
        None => false,
    };
    let roster_file: Option<PathBuf> = a.roster;
    // Read at most one byte over the limit: a huge input is refused, not
    // held in memory.
    let mut bytes = Vec::new();
    let limit = MAX_INPUT as u64 + 1;
    let read = match file.as_deref().filter(|p| p.as_os_str() != "-") {
        Some(p) => std::fs::File::open(p).and_then(|f| f.take(limit).read_to_end(&mut bytes)),
        None => std::io::stdin().lock().take(limit).read_to_end(&mut bytes),
    };
    if let Err(e) = read {
        let path = file
            .map(|p| p.display().to_string())
            .unwrap_or_else(|| "-".into());
        return Err(CliError::cannot_read(path, &e));
    }
    let result = if bytes.len() > MAX_INPUT {
        Err(ExplainError::TooLarge)
    } else {
        // A file saved by a Windows editor may be UTF-16.
        decode(&bytes).and_then(|text| explain_all(&text))
    };
    let parts = result.map_err(|e| CliError::new(e.message_id()))?;
    // The roster only for a client list (and only then is a bad --roster
    // an error).
    let roster = if parts.iter().any(|e| e.kind.lists_clients()) {
        roster(roster_file)?
    } else {
        None
    };
    let pasted = |e: &Explained| {
        let (path, intent) = roster.as_ref()?;
        // An empty roster has nothing to say about the paste.
        read_pasted(e, intent)
            .filter(|p| !p.devices.is_empty())
            .map(|p| (path.as_path(), p))
    };
    if json_out {
        let part = |e: &Explained| {
            let mut v = to_json(tr, e);
            if let Some((path, p)) = pasted(e) {
                v["roster"] = roster_json(tr, path, &p);
            }
            v
        };
        // One output: its object; several (a `stratum status` paste): an
        // array of them, in order.
        let value = match parts.as_slice() {
            [one] => part(one),
            many => Value::Array(many.iter().map(part).collect()),
        };
        outln!("{}", serde_json::to_string_pretty(&value).expect("json"));
    } else {
        let texts: Vec<String> = parts
            .iter()
            .map(|e| {
                let mut t = to_text(tr, e);
                if let Some((path, p)) = pasted(e) {
                    let file = path.display().to_string();
                    let lines = pasted_lines(&p, &file, tr);
                    if !lines.is_empty() {
                        t.push('\n');
                    }
                    for (i, (_, line)) in lines.into_iter().enumerate() {
                        let indent = if i == 0 { "" } else { "  " };
                        t.push_str(&format!("{indent}{line}\n"));
                    }
                }
                t
            })
            .collect();
        out!("{}", texts.join("\n"));
    }
    Ok(ExitCode::SUCCESS)
}
