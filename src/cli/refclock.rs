//! `stratum refclock calibrate REFID`: runs a reference clock beside a
//! trusted source (the selected one, or `--against NAME`), pairs each new
//! sample of the clock with the trusted source's latest, and proposes the
//! `offset` option from the median difference; `--apply` writes it through
//! the helper and checks the clock against the trusted source again.

use std::ffi::OsString;
use std::process::ExitCode;
use std::time::{Duration, Instant};

use super::args::CalibrateArgs;

use super::common::{CliError, CliResult, outln, parse_json_format, parse_number};
use super::status::{connect, ipc_error, reply_error};
use crate::core::calibrate::{Calibration, MAX_SAMPLES, calibrate};
use crate::core::cmdmon::SourceMode;
use crate::core::codes::ErrorCode;
use crate::core::conf::Document;
use crate::core::conf::refclocks::{RefclockLine, refclocks, with_offset};
use crate::core::snapshot::Snapshot;
use crate::i18n::Localizer;
use crate::ipc::client::IpcClient;
use crate::ipc::{ReplyBody, RequestBody};

struct Args {
    refid: String,
    against: Option<String>,
    samples: usize,
    timeout: Duration,
    apply: bool,
    json: bool,
    socket: Option<String>,
}

fn unexpected(tr: &Localizer) -> CliError {
    CliError::new("cli-helper-error").arg("reason", tr.error_text(ErrorCode::IpcUnexpected, None))
}

fn snapshot(client: &mut IpcClient, tr: &Localizer) -> Result<Option<Box<Snapshot>>, CliError> {
    match client
        .request(RequestBody::Snapshot)
        .map_err(|e| ipc_error(e, tr))?
    {
        ReplyBody::Snapshot(s) => Ok(Some(s)),
        ReplyBody::Error {
            code: ErrorCode::NoSnapshotYet,
            ..
        } => Ok(None),
        ReplyBody::Error { code, detail } => Err(reply_error(tr, code, detail)),
        _ => Err(unexpected(tr)),
    }
}

/// The clock's and the trusted source's last samples (chronyc's "Last
/// sample" as measured), with the clock's seconds since its sample.
fn pair(s: &Snapshot, refid: &str, against: Option<&str>) -> Option<(f64, u32, f64, String)> {
    let clock = s
        .sources
        .iter()
        .find(|x| x.mode == SourceMode::RefClock && x.label() == refid)?;
    let trusted = s.sources.iter().find(|x| match against {
        Some(name) => x.label() == name || x.name.as_deref() == Some(name),
        None => x.state.symbol() == '*' && x.label() != refid,
    })?;
    if clock.last_rx == u32::MAX || trusted.last_rx == u32::MAX {
        return None;
    }
    Some((
        clock.measured_offset,
        clock.last_rx,
        trusted.measured_offset,
        trusted.display_name(),
    ))
}

/// Collects `n` differences (clock − trusted), one per new sample of the
/// clock, with a progress line per sample on stderr.
fn collect(
    client: &mut IpcClient,
    tr: &Localizer,
    a: &Args,
    n: usize,
) -> Result<(Vec<f64>, String), CliError> {
    let start = Instant::now();
    let mut last: Option<(f64, u32)> = None;
    let mut diffs = Vec::new();
    let mut trusted_name = String::new();
    while diffs.len() < n {
        if start.elapsed() > a.timeout {
            return Err(CliError::new("refclock-no-samples")
                .arg("refid", &a.refid)
                .arg("count", diffs.len())
                .arg("seconds", a.timeout.as_secs()));
        }
        if let Some(s) = snapshot(client, tr)?
            && let Some((clock, ago, trusted, name)) = pair(&s, &a.refid, a.against.as_deref())
        {
            // A new sample: its age went down, or its value changed.
            let fresh = last.is_some_and(|(v, t)| ago < t || v != clock);
            last = Some((clock, ago));
            if fresh {
                diffs.push(clock - trusted);
                trusted_name = name;
                eprintln!(
                    "{}",
                    tr.tr_args(
                        "refclock-progress",
                        &[
                            ("n", diffs.len().to_string()),
                            ("total", n.to_string()),
                            ("refid", a.refid.clone()),
                            ("clock", format!("{:+.3}", clock * 1e3)),
                            ("against", trusted_name.clone()),
                            ("trusted", format!("{:+.3}", trusted * 1e3)),
                        ],
                    )
                );
            }
        }
        std::thread::sleep(Duration::from_millis(250));
    }
    Ok((diffs, trusted_name))
}

fn args(c: CalibrateArgs) -> Result<Args, CliError> {
    let number = |v: Option<OsString>, max: u64, option: &str| -> Result<Option<u64>, CliError> {
        v.map(|v| parse_number(v, option, |n| (1..=max).contains(n)))
            .transpose()
    };
    let a = Args {
        refid: c.refid.unwrap_or_default(),
        against: c.against,
        samples: number(c.samples, MAX_SAMPLES as u64, "--samples")?.map_or(16, |n| n as usize),
        timeout: Duration::from_secs(number(c.timeout, 86_400, "--timeout")?.unwrap_or(600)),
        apply: c.apply,
        json: c
            .format
            .map(parse_json_format)
            .transpose()?
            .unwrap_or(false),
        socket: super::status::target(c.target)?,
    };
    if a.refid.is_empty() {
        return Err(CliError::new("cli-missing-option").arg("option", "REFID"));
    }
    Ok(a)
}

pub fn run(c: CalibrateArgs, tr: &Localizer) -> CliResult {
    let a = args(c)?;
    let mut client = connect(a.socket.clone(), tr)?;
    let (text, _) = match client
        .request(RequestBody::GetConfig)
        .map_err(|e| ipc_error(e, tr))?
    {
        ReplyBody::Config { text, path } => (text.into_bytes(), path),
        ReplyBody::Error { code, detail } => return Err(reply_error(tr, code, detail)),
        _ => return Err(unexpected(tr)),
    };
    let doc = Document::parse(&text);
    let line: RefclockLine = refclocks(&doc)
        .into_iter()
        .find(|r| r.refid == a.refid)
        .ok_or_else(|| CliError::new("refclock-not-configured").arg("refid", &a.refid))?;
    let (diffs, against) = collect(&mut client, tr, &a, a.samples)?;
    let c = calibrate(&diffs, line.offset).ok_or_else(|| {
        CliError::new("refclock-no-samples")
            .arg("refid", &a.refid)
            .arg("count", 0)
            .arg("seconds", a.timeout.as_secs())
    })?;
    let new_text = with_offset(&doc, line.index, c.proposed_offset);
    let new_line = Document::parse(&new_text)
        .lines()
        .get(line.index)
        .map(|l| l.text().into_owned())
        .unwrap_or_default();
    let mut after: Option<Calibration> = None;
    if a.apply {
        client.set_timeout(Duration::from_secs(60));
        match client
            .request(RequestBody::Apply {
                config: new_text.into(),
            })
            .map_err(|e| ipc_error(e, tr))?
        {
            ReplyBody::Applied(_) => {}
            ReplyBody::Error { code, detail } => return Err(reply_error(tr, code, detail)),
            _ => return Err(unexpected(tr)),
        }
        // Check: the clock against the trusted source with the new offset.
        let n = a.samples.clamp(3, 8);
        let (check, _) = collect(&mut client, tr, &a, n)?;
        after = calibrate(&check, c.proposed_offset);
    }
    if a.json {
        let v = serde_json::json!({
            "refid": a.refid,
            "against": against,
            "current_offset": line.offset,
            "calibration": c,
            "line": new_line,
            "applied": a.apply,
            "after": after,
        });
        outln!("{}", serde_json::to_string_pretty(&v).expect("json"));
        return Ok(ExitCode::SUCCESS);
    }
    let ms = |x: f64| format!("{:+.3}", x * 1e3);
    outln!(
        "{}",
        tr.tr_args(
            "refclock-result",
            &[
                ("refid", a.refid.clone()),
                ("against", against.clone()),
                ("samples", c.samples.to_string()),
                ("median", ms(c.median)),
                ("iqr", format!("{:.3}", c.iqr * 1e3)),
                ("min", ms(c.min)),
                ("max", ms(c.max)),
                ("offset", format!("{:.6}", c.proposed_offset)),
                ("current", format!("{:.6}", line.offset)),
            ],
        )
    );
    outln!("{new_line}");
    if let Some(after) = after {
        outln!(
            "{}",
            tr.tr_args(
                "refclock-after",
                &[
                    ("refid", a.refid.clone()),
                    ("against", against),
                    ("samples", after.samples.to_string()),
                    ("median", ms(after.median)),
                ],
            )
        );
    }
    Ok(ExitCode::SUCCESS)
}
