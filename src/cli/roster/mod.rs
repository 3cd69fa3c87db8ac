//! `stratum roster add NAME ADDR [--kind K] | remove NAME | list [--json]
//! | probe [NAME] | import LAB.toml`: the devices expected to follow this
//! server, through the helper (which keeps them beside chrony.conf and
//! judges them), or in an intent file directly (`--file`, no verdicts).
//! The words of a verdict are here too: the window says the same.

use std::path::PathBuf;
use std::process::ExitCode;

use super::args::{RosterArgs, RosterCmd};
use super::common::{CliError, CliResult, out};
use super::status::{connect, ipc_error, reply_error};
use crate::core::codes::ErrorCode;
pub mod words;

use crate::core::roster::{Device, DeviceKind, RosterReport};
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

fn parse(r: RosterArgs) -> Result<Args, CliError> {
    let to = super::status::target(r.target())?;
    let usage = || CliError::new("cli-roster-usage");
    let mut json = false;
    let op = match r.action {
        None => Op::List,
        Some(RosterCmd::List(l)) => {
            json = l.json;
            Op::List
        }
        Some(RosterCmd::Add(a)) => {
            let kind = match a.kind {
                None => DeviceKind::default(),
                Some(v) => DeviceKind::from_id(&v).ok_or_else(|| {
                    CliError::new("roster-error-kind").arg("value", v.escape_debug())
                })?,
            };
            let (Some(name), Some(address)) = (a.name, a.address) else {
                return Err(usage());
            };
            Op::Add(Device {
                name,
                address,
                kind,
            })
        }
        Some(RosterCmd::Remove(a)) => Op::Remove(a.name.ok_or_else(usage)?),
        Some(RosterCmd::Probe(a)) => Op::Probe(a.name),
        Some(RosterCmd::Import(a)) => Op::Import(a.lab.ok_or_else(usage)?),
    };
    Ok(Args {
        op,
        to,
        file: r.file,
        json,
    })
}

pub fn run(r: RosterArgs, tr: &Localizer) -> CliResult {
    let a = parse(r)?;
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
            let report = state
                .report
                .clone()
                .unwrap_or_else(|| RosterReport::unjudged(&state.devices, &state.file));
            out!(
                "{}\n",
                serde_json::to_string_pretty(&json_view(&report)).expect("json")
            );
        }
        RosterOp::Get => out!("{}", words::render(&state, tr)),
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
    let text =
        std::fs::read_to_string(lab).map_err(|e| CliError::cannot_read(lab.display(), &e))?;
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
        crate::fsutil::write_atomic(path, intent.to_text().as_bytes())
            .map_err(|e| CliError::cannot_write(path.display(), &e))?;
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
    roster_error(&crate::core::roster::RosterError::from_detail(detail))
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
