//! `stratum gpsd`: what gpsd says about its receivers (fix, satellites
//! used, PPS seen), read for a few seconds from its JSON socket, and the
//! refclock lines that take gpsd's time into chronyd.

use std::io::{Read, Write};
use std::net::{TcpStream, ToSocketAddrs};
use std::process::ExitCode;
use std::time::{Duration, Instant};

use super::args::GpsdArgs;

use super::common::{CliError, CliResult, out, outln, parse_json_format, parse_number};
use crate::core::gpsd::{DEFAULT_PORT, GpsdReport, MAX_LINE, WATCH, refclock_lines, unfed};
use crate::i18n::Localizer;

/// Reads gpsd's reports from `host` for `seconds`: a hard deadline from
/// the start (connecting included), however the peer drips its bytes.
fn read(host: &str, seconds: u64) -> std::io::Result<GpsdReport> {
    let deadline = Instant::now() + Duration::from_secs(seconds);
    let left = || {
        deadline
            .checked_duration_since(Instant::now())
            .filter(|d| !d.is_zero())
    };
    let addr = if host
        .rsplit_once(':')
        .is_some_and(|(_, p)| p.parse::<u16>().is_ok())
        && !host.ends_with(']')
    {
        host.to_string()
    } else {
        format!("{host}:{DEFAULT_PORT}")
    };
    let addr = addr
        .to_socket_addrs()?
        .next()
        .ok_or_else(|| std::io::Error::other("no address"))?;
    let timed_out = || std::io::Error::from(std::io::ErrorKind::TimedOut);
    let connect = left().ok_or_else(timed_out)?.min(Duration::from_secs(3));
    let mut stream = TcpStream::connect_timeout(&addr, connect)?;
    stream.set_write_timeout(Some(left().ok_or_else(timed_out)?))?;
    stream.write_all(WATCH.as_bytes())?;
    let mut report = GpsdReport::default();
    let mut pending: Vec<u8> = Vec::new();
    // Within a line longer than gpsd's own: dropped up to its end.
    let mut skipping = false;
    let mut chunk = [0u8; 8192];
    while let Some(left) = left() {
        stream.set_read_timeout(Some(left))?;
        let n = match stream.read(&mut chunk) {
            Ok(0) => break,
            Ok(n) => n,
            Err(e)
                if matches!(
                    e.kind(),
                    std::io::ErrorKind::WouldBlock | std::io::ErrorKind::TimedOut
                ) =>
            {
                break;
            }
            Err(e) => return Err(e),
        };
        pending.extend_from_slice(&chunk[..n]);
        while let Some(i) = memchr::memchr(b'\n', &pending) {
            if !skipping {
                report.feed(String::from_utf8_lossy(&pending[..i]).trim_end());
            }
            skipping = false;
            pending.drain(..=i);
        }
        if pending.len() > MAX_LINE {
            report.feed(&String::from_utf8_lossy(&pending));
            pending.clear();
            skipping = true;
        }
    }
    Ok(report)
}

pub fn run(a: GpsdArgs, tr: &Localizer) -> CliResult {
    let host = a
        .host
        .unwrap_or_else(|| format!("127.0.0.1:{DEFAULT_PORT}"));
    let seconds = match a.seconds {
        Some(v) => parse_number(v, "--seconds", |n| (1..=600).contains(n))?,
        None => 3,
    };
    let json = match a.format {
        Some(v) => parse_json_format(v)?,
        None => false,
    };
    let report = read(&host, seconds).map_err(|e| {
        CliError::new("gpsd-unreachable")
            .arg("host", host.escape_debug())
            .arg("reason", e)
    })?;
    let lines = refclock_lines(&report);
    let unfed = unfed(&report);
    if json {
        let v = serde_json::json!({ "gpsd": report, "refclocks": lines, "no_shm": unfed });
        outln!("{}", serde_json::to_string_pretty(&v).expect("json"));
        return Ok(ExitCode::SUCCESS);
    }
    outln!(
        "{}",
        tr.tr_args(
            "gpsd-version",
            &[
                (
                    "release",
                    report.release.clone().unwrap_or_else(|| "?".into())
                ),
                ("host", host.escape_debug().to_string()),
            ],
        )
    );
    if report.devices.is_empty() {
        outln!("{}", tr.tr("gpsd-no-devices"));
        return Ok(ExitCode::from(1));
    }
    for d in &report.devices {
        let unknown = || "-".to_string();
        outln!(
            "{}",
            tr.tr_args(
                "gpsd-device",
                &[
                    ("path", d.path.escape_debug().to_string()),
                    ("driver", d.driver.clone().unwrap_or_else(unknown)),
                    ("fix", d.fix_mode.to_string()),
                    (
                        "used",
                        d.satellites_used.map_or_else(unknown, |n| n.to_string())
                    ),
                    (
                        "seen",
                        d.satellites_seen.map_or_else(unknown, |n| n.to_string())
                    ),
                    ("pps", if d.pps { "yes" } else { "no" }.to_string()),
                ],
            )
        );
    }
    // A receiver gpsd feeds to no segment: said, and left out of the lines.
    for u in &unfed {
        outln!(
            "{}",
            tr.tr_args(
                &format!("gpsd-no-shm-{}", u.why.id()),
                &[
                    ("path", u.path.escape_debug().to_string()),
                    (
                        "release",
                        report.release.clone().unwrap_or_else(|| "?".into())
                    ),
                ],
            )
        );
    }
    if lines.is_empty() {
        outln!("{}", tr.tr("gpsd-no-refclocks"));
        return Ok(ExitCode::SUCCESS);
    }
    outln!("{}", tr.tr("gpsd-refclocks"));
    out!("{lines}");
    Ok(ExitCode::SUCCESS)
}
