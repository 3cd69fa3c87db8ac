//! `stratum gpsd`: what gpsd says about its receivers (fix, satellites
//! used, PPS seen), read for a few seconds from its JSON socket, and the
//! refclock lines that take gpsd's time into chronyd.

use std::io::{BufRead, BufReader, Read, Write};
use std::net::{TcpStream, ToSocketAddrs};
use std::process::ExitCode;
use std::time::{Duration, Instant};

use super::args::GpsdArgs;

use super::common::{CliError, CliResult, out, outln, parse_json_format, parse_number};
use crate::core::gpsd::{DEFAULT_PORT, GpsdReport, MAX_LINE, WATCH, refclock_lines};
use crate::i18n::Localizer;

/// Reads gpsd's reports from `host` for `seconds`.
fn read(host: &str, seconds: u64) -> std::io::Result<GpsdReport> {
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
    let mut stream = TcpStream::connect_timeout(&addr, Duration::from_secs(3))?;
    stream.write_all(WATCH.as_bytes())?;
    let end = Instant::now() + Duration::from_secs(seconds);
    let mut report = GpsdReport::default();
    let mut reader = BufReader::new(stream.try_clone()?);
    let mut line = Vec::new();
    while let Some(left) = end.checked_duration_since(Instant::now()) {
        stream.set_read_timeout(Some(left.max(Duration::from_millis(10))))?;
        line.clear();
        // One line, capped: a peer that never ends one is cut off.
        match (&mut reader)
            .take(MAX_LINE as u64 + 1)
            .read_until(b'\n', &mut line)
        {
            Ok(0) => break,
            Ok(_) => report.feed(String::from_utf8_lossy(&line).trim_end()),
            Err(e)
                if matches!(
                    e.kind(),
                    std::io::ErrorKind::WouldBlock | std::io::ErrorKind::TimedOut
                ) =>
            {
                break;
            }
            Err(e) => return Err(e),
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
    if json {
        let v = serde_json::json!({ "gpsd": report, "refclocks": lines });
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
    outln!("{}", tr.tr("gpsd-refclocks"));
    out!("{lines}");
    Ok(ExitCode::SUCCESS)
}
