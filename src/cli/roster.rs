//! `stratum roster add NAME ADDR [--kind K] | remove NAME | list [--json]
//! | probe [NAME] | import LAB.toml`: the devices expected to follow this
//! server, through the helper (which keeps them beside chrony.conf and
//! judges them), or in an intent file directly (`--file`, no verdicts).
//! The words of a verdict are here too: the window says the same.

use std::path::PathBuf;
use std::process::ExitCode;

use lexopt::prelude::*;

use super::common::{CliError, CliResult, out, parse_lang};
use super::status::{connect, ipc_error, reply_error, target_value};
use crate::core::codes::ErrorCode;
use crate::core::roster::report::{Follows, NoAnswer};
use crate::core::roster::{Device, DeviceKind, DeviceReport, RosterReport, Verdict};
use crate::i18n::Localizer;
use crate::ipc::{ReplyBody, RequestBody, RosterOp, RosterState};

enum Op {
    Add(Device),
    Remove(String),
    List,
    Probe(Option<String>),
    Import(PathBuf),
}

struct Args {
    op: Op,
    to: Option<String>,
    file: Option<PathBuf>,
    json: bool,
}

fn value(p: &mut lexopt::Parser) -> Result<String, CliError> {
    target_value(p)
}

fn parse(p: &mut lexopt::Parser, tr: &Localizer) -> Result<Option<Args>, CliError> {
    let mut words: Vec<String> = Vec::new();
    let (mut to, mut file, mut json, mut kind) = (None, None, false, None);
    while let Some(arg) = p.next()? {
        match arg {
            Value(v) => words.push(v.into_string().map_err(|v| {
                CliError::new("cli-not-unicode").arg("argument", v.to_string_lossy())
            })?),
            Long("socket" | "connect") => to = Some(value(p)?),
            Long("file") => file = Some(PathBuf::from(value(p)?)),
            Long("json") => json = true,
            Long("kind") => {
                let v = value(p)?;
                kind = Some(DeviceKind::from_id(&v).ok_or_else(|| {
                    CliError::new("roster-error-kind").arg("value", v.escape_debug())
                })?);
            }
            Long("lang") => {
                parse_lang(p.value()?)?;
            }
            Short('h') | Long("help") => {
                out!("{}", tr.tr("cli-help-roster"));
                return Ok(None);
            }
            other => return Err(other.unexpected().into()),
        }
    }
    let usage = || CliError::new("cli-roster-usage");
    let op = match words
        .iter()
        .map(String::as_str)
        .collect::<Vec<_>>()
        .as_slice()
    {
        ["add", name, address] => Op::Add(Device {
            name: name.to_string(),
            address: address.to_string(),
            kind: kind.unwrap_or_default(),
        }),
        ["remove", name] => Op::Remove(name.to_string()),
        ["list"] | [] => Op::List,
        ["probe"] => Op::Probe(None),
        ["probe", name] => Op::Probe(Some(name.to_string())),
        ["import", lab] => Op::Import(PathBuf::from(lab)),
        _ => return Err(usage()),
    };
    Ok(Some(Args { op, to, file, json }))
}

pub fn run(mut parser: lexopt::Parser, tr: &Localizer) -> CliResult {
    let Some(a) = parse(&mut parser, tr)? else {
        return Ok(ExitCode::SUCCESS);
    };
    let op = match a.op {
        Op::Add(d) => {
            // Refused here with the reason, before anything is sent.
            d.check().map_err(|e| roster_error(&e))?;
            RosterOp::Add { device: d }
        }
        Op::Remove(name) => RosterOp::Remove { name },
        Op::List => RosterOp::Get,
        Op::Probe(name) => RosterOp::Probe { name },
        Op::Import(lab) => {
            let (devices, server_addresses) = bundle_devices(&lab)?;
            RosterOp::Import {
                devices,
                server_addresses,
            }
        }
    };
    let state = match &a.file {
        Some(path) => edit_file(path, op.clone())?,
        None => {
            let mut client = connect(a.to.clone(), tr)?;
            match client
                .request(RequestBody::Roster { op: op.clone() })
                .map_err(|e| ipc_error(e, tr))?
            {
                ReplyBody::Roster(s) => *s,
                ReplyBody::Error {
                    code: ErrorCode::RosterEdit,
                    detail,
                } => return Err(edit_error(detail.as_deref().unwrap_or(""))),
                ReplyBody::Error { code, detail } => return Err(reply_error(tr, code, detail)),
                _ => {
                    return Err(CliError::new("cli-helper-error")
                        .arg("reason", tr.error_text(ErrorCode::IpcUnexpected, None)));
                }
            }
        }
    };
    match op {
        RosterOp::Get if a.json => {
            let report = state.report.clone().unwrap_or_else(|| unjudged(&state));
            out!(
                "{}\n",
                serde_json::to_string_pretty(&json_view(&report)).expect("json")
            );
        }
        RosterOp::Get => out!("{}", render(&state, tr, crate::sys::now())),
        RosterOp::Add { device } => {
            out!("{}\n", tr.tr_args("roster-added", &[("name", device.name)]))
        }
        RosterOp::Remove { name } => out!("{}\n", tr.tr_args("roster-removed", &[("name", name)])),
        RosterOp::Import { devices, .. } => out!(
            "{}\n",
            tr.tr_args(
                "roster-imported",
                &[
                    ("count", devices.len().to_string()),
                    ("total", state.devices.len().to_string())
                ]
            )
        ),
        RosterOp::Probe { .. } => out!("{}\n", tr.tr("roster-probing")),
    }
    Ok(ExitCode::SUCCESS)
}

/// The devices of an export bundle's description: its switches (those
/// with a known source address), and the servers' addresses.
fn bundle_devices(lab: &std::path::Path) -> Result<(Vec<Device>, Vec<String>), CliError> {
    let text = std::fs::read_to_string(lab).map_err(|e| {
        CliError::new("cli-cannot-read")
            .arg("path", lab.display())
            .arg("reason", e)
    })?;
    let spec: crate::core::export::bundle::LabSpec = toml::from_str(&text).map_err(|e| {
        CliError::new("cli-cannot-read")
            .arg("path", lab.display())
            .arg("reason", e.message())
    })?;
    Ok((spec.roster_devices(), spec.server_addresses()))
}

/// Edits an intent file in place (offline: no helper, no verdicts).
fn edit_file(path: &std::path::Path, op: RosterOp) -> Result<RosterState, CliError> {
    let cannot = |e: String| {
        CliError::new("cli-cannot-read")
            .arg("path", path.display())
            .arg("reason", e)
    };
    let mut intent = crate::helper::roster::read_intent(path).map_err(cannot)?;
    let changed = match op {
        RosterOp::Get | RosterOp::Probe { .. } => false,
        RosterOp::Add { device } => {
            intent.add(device).map_err(|e| roster_error(&e))?;
            true
        }
        RosterOp::Remove { name } => {
            intent.remove(&name).map_err(|e| roster_error(&e))?;
            true
        }
        RosterOp::Import {
            devices,
            server_addresses,
        } => {
            for a in server_addresses {
                if !intent.server_addresses.contains(&a) {
                    intent.server_addresses.push(a);
                }
            }
            intent.merge(devices).map_err(|e| roster_error(&e))?;
            true
        }
    };
    if changed {
        crate::fsutil::write_atomic(path, intent.to_text().as_bytes()).map_err(|e| {
            CliError::new("cli-cannot-write")
                .arg("path", path.display())
                .arg("reason", e)
        })?;
    }
    Ok(RosterState {
        devices: intent.devices,
        server_addresses: intent.server_addresses,
        file: path.display().to_string(),
        report: None,
    })
}

fn roster_error(e: &crate::core::roster::RosterError) -> CliError {
    let (id, args) = e.message();
    let mut c = CliError::new(id);
    for (k, v) in args {
        c = c.arg(k, v);
    }
    c
}

/// The helper's `ID:VALUE` detail of a refused edit, as its sentence.
fn edit_error(detail: &str) -> CliError {
    use crate::core::roster::RosterError as E;
    let (id, v) = detail.split_once(':').unwrap_or((detail, ""));
    let v = v.to_string();
    roster_error(&match id {
        "name" => E::Name(v),
        "address" => E::Address(v),
        "duplicate" => E::Duplicate(v),
        "no-device" => E::NoSuchDevice(v),
        "full" => E::Full,
        _ => E::File(v),
    })
}

/// A report with every device not judged yet (no helper, or no poll yet).
pub fn unjudged(state: &RosterState) -> RosterReport {
    RosterReport {
        devices: state
            .devices
            .iter()
            .map(|d| DeviceReport {
                name: d.name.clone(),
                address: d.address.clone(),
                kind: d.kind,
                verdict: Verdict::Unknown,
                since: 0.0,
                polls: None,
                answer: None,
                no_answer: None,
                expected_stratum: None,
                drifting: false,
                denied_by_acl: false,
            })
            .collect(),
        file: state.file.clone(),
        ..RosterReport::default()
    }
}

/// `roster list --json`: the report with its counts.
fn json_view(r: &RosterReport) -> serde_json::Value {
    let (following, total) = r.following();
    serde_json::json!({
        "file": r.file,
        "following": following,
        "total": total,
        "devices": r.devices,
        "unknown": r.unknown,
        "unknown_total": r.unknown_total,
    })
}

/// Seconds as a short signed duration (+0.213 ms, -1.204 s).
pub fn offset_text(s: f64) -> String {
    let a = s.abs();
    if a >= 1.0 {
        format!("{s:+.3} s")
    } else if a >= 1e-3 {
        format!("{:+.3} ms", s * 1e3)
    } else {
        format!("{:+.1} µs", s * 1e6)
    }
}

/// An age in whole units (45 s, 12 min, 3 h, 2 d).
pub fn ago_text(s: f64) -> String {
    let s = s.max(0.0);
    if s < 120.0 {
        format!("{s:.0} s")
    } else if s < 7200.0 {
        format!("{:.0} min", s / 60.0)
    } else if s < 172_800.0 {
        format!("{:.0} h", s / 3600.0)
    } else {
        format!("{:.0} d", s / 86400.0)
    }
}

fn no_answer_text(n: Option<&NoAnswer>, tr: &Localizer) -> String {
    match n {
        None | Some(NoAnswer::Timeout) => tr.tr("roster-why-timeout"),
        Some(NoAnswer::Refused) => tr.tr("roster-why-refused"),
        Some(NoAnswer::Unresolved) => tr.tr("roster-why-unresolved"),
        Some(NoAnswer::Kiss { code }) => tr.tr_args("roster-why-kiss", &[("code", code.as_str())]),
        Some(NoAnswer::Invalid { reason }) => {
            tr.tr_args("roster-why-invalid", &[("reason", reason.as_str())])
        }
    }
}

/// One device's verdict in one line.
pub fn verdict_line(d: &DeviceReport, tr: &Localizer) -> String {
    let a = d.answer.as_ref();
    let reference = a.map_or_else(String::new, |a| a.reference.clone());
    let polls = d.polls.as_ref().is_some_and(|p| p.polling);
    match d.verdict {
        Verdict::FollowsUs => {
            let a = a.expect("follows: answered");
            let id = if a.follows == Follows::Partner {
                "roster-verdict-follows-partner"
            } else {
                "roster-verdict-follows-us"
            };
            tr.tr_args(
                id,
                &[
                    ("offset", offset_text(a.offset)),
                    ("since", crate::core::time::utc_datetime(d.since as i64)),
                    ("reference", reference),
                ],
            )
        }
        Verdict::FollowsOther if polls => {
            tr.tr_args("roster-verdict-follows-other", &[("reference", reference)])
        }
        Verdict::FollowsOther => tr.tr_args(
            "roster-verdict-follows-other-silent",
            &[("reference", reference)],
        ),
        Verdict::Unsynchronised => {
            let a = a.expect("unsynchronised: answered");
            tr.tr_args(
                "roster-verdict-unsynchronised",
                &[
                    ("stratum", a.stratum.to_string()),
                    ("leap", a.leap.to_string()),
                    ("distance", format!("{:.3}", a.root_distance)),
                ],
            )
        }
        Verdict::PollsNoAnswer => {
            let id = if d.kind == DeviceKind::Switch {
                "roster-verdict-polls-no-answer-switch"
            } else {
                "roster-verdict-polls-no-answer"
            };
            tr.tr_args(
                id,
                &[
                    (
                        "ago",
                        ago_text(d.polls.as_ref().and_then(|p| p.last_ago).unwrap_or(0.0)),
                    ),
                    ("why", no_answer_text(d.no_answer.as_ref(), tr)),
                ],
            )
        }
        Verdict::NotPolling => match d.polls.as_ref().and_then(|p| p.last_ago) {
            Some(ago) => tr.tr_args("roster-verdict-stopped", &[("ago", ago_text(ago))]),
            None => tr.tr("roster-verdict-not-polling"),
        },
        Verdict::Unknown => tr.tr("roster-verdict-unknown"),
    }
}

/// What else a device's line needs: the likely causes when it does not
/// poll, a stratum that is not ours + 1, a drift, a rate limit.
pub fn notes(d: &DeviceReport, r: &RosterReport, tr: &Localizer) -> Vec<String> {
    let mut out = Vec::new();
    if d.verdict == Verdict::NotPolling {
        if d.denied_by_acl {
            out.push(tr.tr_args("roster-cause-acl-here", &[("address", d.address.clone())]));
        }
        out.push(tr.tr(&format!("roster-causes-{}", d.kind.id())));
        if d.kind == DeviceKind::Switch && r.unknown_total > 0 {
            out.push(tr.tr_args(
                "roster-cause-other-address",
                &[("count", r.unknown_total.to_string())],
            ));
        }
    }
    if let (Some(e), Some(a)) = (d.expected_stratum, d.answer.as_ref()) {
        out.push(tr.tr_args(
            "roster-note-stratum",
            &[
                ("stratum", a.stratum.to_string()),
                ("expected", e.to_string()),
            ],
        ));
    }
    if d.drifting
        && let Some(a) = &d.answer
    {
        out.push(tr.tr_args("roster-note-drifting", &[("offset", offset_text(a.offset))]));
    }
    if d.polls.as_ref().is_some_and(|p| p.rate_limited) {
        out.push(tr.tr("roster-note-rate-limited"));
    }
    if d.verdict == Verdict::FollowsUs && d.polls.is_none() {
        out.push(tr.tr("roster-note-polls-elsewhere"));
    }
    out
}

/// "5 of 6 devices follow this server".
pub fn summary(r: &RosterReport, tr: &Localizer) -> String {
    let (following, total) = r.following();
    tr.tr_args(
        "roster-summary",
        &[
            ("following", following.to_string()),
            ("total", total.to_string()),
        ],
    )
}

/// `stratum roster list`: a line per device, then the unknown clients.
pub fn render(state: &RosterState, tr: &Localizer, now: f64) -> String {
    let _ = now;
    let report = state.report.clone().unwrap_or_else(|| unjudged(state));
    let mut o = String::new();
    o.push_str(&tr.tr_args("roster-file", &[("path", state.file.as_str())]));
    o.push('\n');
    if report.devices.is_empty() {
        o.push_str(&tr.tr("roster-empty"));
        o.push('\n');
        return o;
    }
    if state.report.is_some() {
        o.push_str(&summary(&report, tr));
        o.push('\n');
    }
    let w = report
        .devices
        .iter()
        .map(|d| d.name.chars().count())
        .max()
        .unwrap_or(4)
        .max(4);
    let wa = report
        .devices
        .iter()
        .map(|d| d.address.len())
        .max()
        .unwrap_or(7)
        .max(7);
    for d in &report.devices {
        o.push_str(&format!(
            "  {:<w$}  {:<6}  {:<wa$}  {}\n",
            d.name,
            d.kind.id(),
            d.address,
            verdict_line(d, tr),
        ));
        for n in notes(d, &report, tr) {
            o.push_str(&format!("  {:<w$}  {n}\n", ""));
        }
    }
    if report.unknown_total > 0 {
        let list: Vec<String> = report
            .unknown
            .iter()
            .map(|u| u.address.to_string())
            .collect();
        o.push_str(&tr.tr_args(
            "roster-unknown",
            &[
                ("count", report.unknown_total.to_string()),
                ("list", list.join(", ")),
            ],
        ));
        o.push('\n');
    }
    o
}

/// The roster's line in `stratum status`: the count, and who does not
/// follow (by name).
pub fn status_line(r: &RosterReport, tr: &Localizer) -> String {
    let mut s = summary(r, tr);
    let not: Vec<String> = r
        .devices
        .iter()
        .filter(|d| !d.verdict.follows())
        .take(8)
        .map(|d| {
            format!(
                "{} ({})",
                d.name,
                tr.tr(&format!("roster-short-{}", d.verdict.id()))
            )
        })
        .collect();
    if !not.is_empty() {
        s.push_str(": ");
        s.push_str(&not.join(", "));
    }
    s
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_verdict_and_kind_has_words_in_both_languages() {
        for lang in crate::i18n::Lang::ALL {
            let tr = Localizer::new(lang);
            for v in Verdict::ALL {
                let id = format!("roster-short-{}", v.id());
                assert_ne!(tr.tr(&id), id, "{lang:?} {id}");
            }
            for k in DeviceKind::ALL {
                let id = format!("roster-causes-{}", k.id());
                assert_ne!(tr.tr(&id), id, "{lang:?} {id}");
            }
        }
    }

    #[test]
    fn offsets_and_ages_read_short() {
        assert_eq!(offset_text(0.000213), "+213.0 µs");
        assert_eq!(offset_text(-0.0213), "-21.300 ms");
        assert_eq!(ago_text(45.0), "45 s");
        assert_eq!(ago_text(600.0), "10 min");
    }
}
