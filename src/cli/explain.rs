//! `stratum explain [FILE|-] [--lang en|zh-CN] [--format text|json]`.

use std::io::Read;
use std::path::PathBuf;
use std::process::ExitCode;

use lexopt::prelude::*;
use serde_json::{Value, json};

use super::common::{CliError, CliResult, parse_json_format, parse_lang};
use super::common::{out, outln};
use crate::core::explain::{ExplainError, Explained, Field, Kind, MAX_INPUT, decode, explain_all};
use crate::i18n::Localizer;

fn reason(tr: &Localizer, f: &Field) -> Option<String> {
    f.reason.as_ref().map(|r| tr.reason_text(r))
}

fn field_json(tr: &Localizer, kind: Kind, f: &Field) -> Value {
    let mut v = json!({
        "name": f.name,
        "raw": f.raw,
        "meaning": tr.field_meaning(kind, f.name),
        "status": f.status.as_str(),
    });
    if let Some(r) = reason(tr, f) {
        v["reason"] = json!(r);
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

fn pad(s: &str, w: usize) -> String {
    format!("{s}{}", " ".repeat(w.saturating_sub(width(s))))
}

fn table(tr: &Localizer, kind: Kind, fields: &[Field], out: &mut String) {
    let wn = fields
        .iter()
        .map(|f| width(f.name))
        .max()
        .unwrap_or(0)
        .max(width(&tr.tr("explain-col-field")));
    let wv = fields
        .iter()
        .map(|f| width(&f.raw))
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
        let mut text = tr.field_meaning(kind, f.name);
        if let Some(r) = reason(tr, f) {
            text = tr.reason_and_meaning(&r, &text);
        }
        out.push_str(&format!(
            "  {}  {}  {}  {}\n",
            pad(f.name, wn),
            pad(&f.raw, wv),
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

pub fn run(mut parser: lexopt::Parser, tr: &Localizer) -> CliResult {
    let mut file: Option<PathBuf> = None;
    let mut json_out = false;
    while let Some(arg) = parser.next()? {
        match arg {
            Long("format") => json_out = parse_json_format(parser.value()?)?,
            Long("lang") => {
                parse_lang(parser.value()?)?;
            }
            Short('h') | Long("help") => {
                out!("{}", tr.tr("cli-help-explain"));
                return Ok(ExitCode::SUCCESS);
            }
            Value(v) if file.is_none() => file = Some(v.into()),
            other => return Err(other.unexpected().into()),
        }
    }
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
        return Err(CliError::new("cli-cannot-read")
            .arg("path", path)
            .arg("reason", e));
    }
    let result = if bytes.len() > MAX_INPUT {
        Err(ExplainError::TooLarge)
    } else {
        // A file saved by a Windows editor may be UTF-16.
        decode(&bytes).and_then(|text| explain_all(&text))
    };
    let parts = result.map_err(|e| CliError::new(e.message_id()))?;
    if json_out {
        // One output: its object; several (a `stratum status` paste): an
        // array of them, in order.
        let value = match parts.as_slice() {
            [one] => to_json(tr, one),
            many => Value::Array(many.iter().map(|e| to_json(tr, e)).collect()),
        };
        outln!("{}", serde_json::to_string_pretty(&value).expect("json"));
    } else {
        let texts: Vec<String> = parts.iter().map(|e| to_text(tr, e)).collect();
        out!("{}", texts.join("\n"));
    }
    Ok(ExitCode::SUCCESS)
}
