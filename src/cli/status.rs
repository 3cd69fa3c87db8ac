//! `stratum status`: one snapshot from a running helper, as chronyc-like
//! tables or JSON.

use std::io::Write;
use std::path::PathBuf;
use std::process::ExitCode;
use std::time::{Duration, Instant};

use super::args::{HelperTarget, ReadArgs};
use super::common::{CliError, CliResult};
use crate::core::alarm::HealthState;
use crate::core::codes::ErrorCode;
use crate::i18n::Localizer;
use crate::ipc::client::{IpcClient, IpcError};
use crate::ipc::{ReplyBody, RequestBody, Snapshot};

/// `--socket PATH` or `--connect URL` (the latter when both are given).
pub fn target(t: HelperTarget) -> Result<Option<String>, CliError> {
    t.connect
        .or(t.socket)
        .map(|v| {
            v.into_string()
                .map_err(|v| CliError::new("cli-not-unicode").arg("argument", v.to_string_lossy()))
        })
        .transpose()
}

/// Connects to the named helper (socket path or `ssh://` URL), or to the
/// first default socket that answers.
pub fn connect(to: Option<String>, tr: &Localizer) -> Result<IpcClient, CliError> {
    if let Some(t) = to.as_deref().filter(|t| t.starts_with("ssh://")) {
        if crate::ipc::client::SshTarget::parse(t).is_none() {
            return Err(CliError::new("cli-bad-connect").arg("value", t.escape_debug()));
        }
        return crate::ipc::client::connect_to(t, Duration::from_secs(15))
            .map_err(|e| ipc_error(e, tr).arg("path", t));
    }
    let candidates: Vec<PathBuf> = to.map(PathBuf::from).into_iter().collect();
    crate::ipc::client::connect_first(&candidates, Duration::from_secs(15))
        .map(|(c, _)| c)
        .map_err(|(path, e)| ipc_error(e, tr).arg("path", path.display()))
}

pub fn ipc_error(e: IpcError, tr: &Localizer) -> CliError {
    match e {
        IpcError::Unreachable(p) => CliError::new("cli-helper-unreachable").arg("path", p),
        IpcError::NoHello(p, secs) => CliError::new("cli-helper-no-hello")
            .arg("path", p)
            .arg("seconds", secs),
        other => CliError::new("cli-helper-error").arg("reason", tr.error_text(other.code(), None)),
    }
}

/// A helper's error reply as one translated sentence.
pub fn reply_error(tr: &Localizer, code: ErrorCode, detail: Option<String>) -> CliError {
    CliError::new("cli-helper-failed").arg("reason", tr.error_text(code, detail))
}

pub fn run(a: ReadArgs, tr: &Localizer) -> CliResult {
    let (to, json) = (target(a.target)?, a.json);
    let mut client = connect(to, tr)?;
    // A helper that just started has not polled yet.
    let start = Instant::now();
    let snap = loop {
        match client
            .request(RequestBody::Snapshot)
            .map_err(|e| ipc_error(e, tr))?
        {
            ReplyBody::Snapshot(s) => break s,
            ReplyBody::Error { code, .. }
                if code == ErrorCode::NoSnapshotYet && start.elapsed() < Duration::from_secs(5) =>
            {
                std::thread::sleep(Duration::from_millis(200));
            }
            ReplyBody::Error { code, detail } => return Err(reply_error(tr, code, detail)),
            _ => {
                return Err(CliError::new("cli-helper-error")
                    .arg("reason", tr.error_text(ErrorCode::IpcUnexpected, None)));
            }
        }
    };
    let mut out = std::io::stdout().lock();
    if json {
        let _ = writeln!(
            out,
            "{}",
            serde_json::to_string_pretty(&snap).expect("json")
        );
    } else {
        let _ = write!(out, "{}", render_text(&snap, tr));
    }
    // The snapshot is printed either way; the exit code says whether it is
    // whole and, when it is, the verdict (documented in `stratum --help`).
    match &snap.error {
        None if snap.tracking.is_some() && snap.health.state == HealthState::Healthy => {
            Ok(ExitCode::SUCCESS)
        }
        None if snap.tracking.is_some() => Ok(ExitCode::from(EXIT_NOT_HEALTHY)),
        error => {
            if json {
                let code = error.unwrap_or(ErrorCode::ChronydUnreachable).id();
                eprintln!("stratum: {}", tr.tr_args("status-error", &[("code", code)]));
            }
            Ok(ExitCode::from(EXIT_PARTIAL))
        }
    }
}

/// `stratum status` exit code when chronyd did not answer, or answered only
/// part of the snapshot.
pub const EXIT_PARTIAL: u8 = 3;

/// `stratum status` exit code for a whole snapshot whose verdict is not
/// "healthy" (starting, or an alarm raised).
pub const EXIT_NOT_HEALTHY: u8 = 1;

fn si(seconds: f64) -> String {
    let a = seconds.abs();
    let (v, unit) = if a >= 1.0 {
        (seconds, "s")
    } else if a >= 1e-3 {
        (seconds * 1e3, "ms")
    } else if a >= 1e-6 {
        (seconds * 1e6, "us")
    } else {
        (seconds * 1e9, "ns")
    };
    format!("{v:+.0}{unit}")
}

/// chronyc-like tables.
/// An age as chronyc prints it in authdata (s, m, h, d).
fn si_ago(secs: u32) -> String {
    match secs {
        s if s < 600 => format!("{s}"),
        s if s < 36_000 => format!("{}m", s / 60),
        s if s < 864_000 => format!("{}h", s / 3600),
        s => format!("{}d", s / 86_400),
    }
}

pub fn render_text(s: &Snapshot, tr: &Localizer) -> String {
    let mut o = String::new();
    if let Some(e) = &s.error {
        o.push_str(&tr.tr_args("status-error", &[("code", e.id())]));
        o.push('\n');
    }
    let label = |id: &str| format!("{:<16}: ", tr.tr(id));
    // The verdict first: its state, its sentence, every other alarm.
    o.push_str(&label("status-health"));
    o.push_str(&tr.tr(&format!("health-state-{}", s.health.state)));
    o.push('\n');
    let headline = tr.health_headline(s, &s.health);
    o.push_str(&headline);
    o.push('\n');
    for a in &s.health.alarms {
        let text = tr.alarm_text(a);
        if text != headline {
            o.push_str(&text);
            o.push('\n');
        }
    }
    o.push('\n');
    if let Some(t) = &s.tracking {
        // The reference as configured (chronyc -N), the local clock in
        // words, a reference clock by its refid; never empty parentheses.
        let name = match crate::core::health::reference_name(s) {
            Some(n) => format!(" ({n})"),
            None if t.ref_id == crate::core::cmdmon::LOCAL_REFID => {
                format!(" ({})", tr.tr("status-local-clock"))
            }
            None => String::new(),
        };
        let dir = match crate::core::time::Direction::of_correction(t.system_time) {
            crate::core::time::Direction::Slow => "status-slow",
            crate::core::time::Direction::Fast => "status-fast",
        };
        let rows = [
            ("status-reference-id", format!("{:08X}{name}", t.ref_id)),
            ("status-stratum", t.stratum.to_string()),
            (
                "status-system-time",
                tr.tr_args(dir, &[("seconds", format!("{:.9}", t.system_time.abs()))]),
            ),
            ("status-last-offset", format!("{:+.9} s", t.last_offset)),
            ("status-rms-offset", format!("{:.9} s", t.rms_offset)),
            ("status-frequency", format!("{:.3} ppm", t.frequency_ppm)),
            ("status-skew", format!("{:.3} ppm", t.skew_ppm)),
            ("status-root-delay", format!("{:.9} s", t.root_delay)),
            (
                "status-root-dispersion",
                format!("{:.9} s", t.root_dispersion),
            ),
            ("status-leap", t.leap_text().to_string()),
        ];
        for (id, value) in rows {
            o.push_str(&label(id));
            o.push_str(&value);
            o.push('\n');
        }
        if let Some(text) = tr.pending_leap_text(t.leap_status, crate::sys::now()) {
            o.push_str(&text);
            o.push('\n');
        }
        o.push('\n');
    }
    o.push_str("MS Name/IP address         Stratum Poll Reach LastRx Last sample\n");
    o.push_str(&"=".repeat(79));
    o.push('\n');
    for src in &s.sources {
        // As configured (`chronyc -N`), resolved or not. Names come from
        // chronyd's configuration, or from a remote helper over
        // `--connect ssh://`: shown, never obeyed by the terminal.
        let name = crate::core::text::escape_controls(&src.display_name()).into_owned();
        let last_rx = if src.last_rx == u32::MAX {
            "-".to_string()
        } else {
            src.last_rx.to_string()
        };
        // Never sampled (LastRx "-" or reach 0): chronyd reports 0 for
        // the sample, a placeholder rather than a measurement.
        let sampled = src.last_sample_age().is_some() && src.reach & 0xff != 0;
        let value = |v: f64| {
            if sampled {
                si(v)
            } else {
                crate::core::explain::NO_VALUE.to_string()
            }
        };
        o.push_str(&format!(
            "{}{} {:<27} {:>2} {:>4} {:>5o} {:>6} {:>8}[{:>8}] +/- {}\n",
            src.mode.symbol(),
            src.state.symbol(),
            name,
            src.stratum,
            src.poll,
            src.reach,
            last_rx,
            value(src.offset),
            value(src.measured_offset),
            value(src.error).trim_start_matches('+'),
        ));
    }
    if !s.authdata.is_empty() {
        o.push_str("\nName/IP address             Mode KeyID Type KLen Last Atmp  NAK Cook CLen\n");
        o.push_str(&"=".repeat(73));
        o.push('\n');
        for (addr, a) in &s.authdata {
            let name = s.source_name(addr);
            let name = crate::core::text::escape_controls(&name);
            let mode = match a.mode {
                1 => "SK",
                2 => "NTS",
                _ => "-",
            };
            let last = if a.last_ke_ago == u32::MAX {
                "-".to_string()
            } else {
                si_ago(a.last_ke_ago)
            };
            o.push_str(&format!(
                "{name:<27} {mode:>4} {:>5} {:>4} {:>4} {last:>4} {:>4} {:>4} {:>4} {:>4}\n",
                a.key_id,
                a.key_type,
                a.key_length,
                a.ke_attempts,
                a.nak,
                a.cookies,
                a.cookie_length
            ));
        }
    }
    if !s.nts_certs.is_empty() {
        o.push('\n');
        let now = crate::sys::now() as i64;
        for c in &s.nts_certs {
            o.push_str(&tr.cert_text(c, now));
            o.push('\n');
        }
    }
    if let Some(l) = &s.leap_list {
        o.push('\n');
        o.push_str(&tr.leap_list_text(l, crate::sys::now() as i64));
        o.push('\n');
    }
    if !s.clients.is_empty() {
        o.push_str("\nHostname                      NTP   Drop Int IntL Last\n");
        o.push_str(&"=".repeat(55));
        o.push('\n');
        for c in &s.clients {
            let i = |v: Option<i8>| v.map_or(" -".to_string(), |x| format!("{x:2}"));
            let last = c.ntp_last.map_or("-".to_string(), |x| x.to_string());
            o.push_str(&format!(
                "{:<25} {:>8} {:>6} {}  {} {:>5}\n",
                c.address.to_string(),
                c.ntp_hits,
                c.ntp_drops,
                i(c.ntp_interval),
                i(c.ntp_interval_limit),
                last
            ));
        }
    }
    if let Some(st) = &s.serverstats {
        o.push('\n');
        o.push_str(&tr.tr_args(
            "status-packets",
            &[
                ("received", st.ntp_packets_received.to_string()),
                ("dropped", st.ntp_packets_dropped.to_string()),
            ],
        ));
        o.push('\n');
    }
    if let Some(r) = &s.roster {
        o.push('\n');
        o.push_str(&super::roster::words::status_line(r, tr));
        o.push('\n');
    }
    o
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::cmdmon::{SourceData, SourceMode, SourceState, WireAddr, WireAddrSer};
    use crate::i18n::{Lang, Localizer};

    /// chronyc(1), sources: the last sample of a source never sampled is
    /// printed as 0 ("+0ns[ +0ns] +/- 0ns"); `stratum status` shows "–"
    /// there, and real numbers for a source that answers.
    #[test]
    fn a_source_never_sampled_shows_no_numbers() {
        let src = |addr: WireAddr, name: &str, reach: u16| SourceData {
            address: WireAddrSer(addr),
            poll: 6,
            stratum: 2,
            state: SourceState::Unusable,
            mode: SourceMode::Server,
            flags: 0,
            reach,
            last_rx: if reach == 0 { u32::MAX } else { 5 },
            offset: if reach == 0 { 0.0 } else { 0.000_012 },
            measured_offset: 0.000_012,
            error: 0.002,
            name: Some(name.into()),
        };
        let s = Snapshot {
            sources: vec![
                src(WireAddr::Id(1), "ntp.aliyun.com", 0),
                src(WireAddr::Ip("10.0.0.1".parse().unwrap()), "10.0.0.1", 0o377),
            ],
            ..Snapshot::default()
        };
        let text = render_text(&s, &Localizer::new(Lang::En));
        let line = |n: &str| text.lines().find(|l| l.contains(n)).unwrap().to_string();
        let dead = line("ntp.aliyun.com");
        assert!(dead.contains("–[") && !dead.contains("0ns"), "{dead}");
        let live = line("10.0.0.1");
        assert!(live.contains("12us") && !live.contains('–'), "{live}");
    }
}
