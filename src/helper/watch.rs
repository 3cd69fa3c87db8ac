//! Watching other chronyd servers of the lab over UDP cmdmon: one task per
//! host, polled concurrently (1 Hz by default) with the monitoring requests
//! chronyd answers to an address its `cmdallow` permits (tracking, sources),
//! a timeout per request and a growing delay for a host that does not answer.

use std::net::SocketAddr;
use std::sync::{Arc, Mutex};
use std::time::Duration;

use tokio::time::Instant;

use super::cmdmon::{CmdmonClient, Endpoint};
use super::types::lock;
use crate::core::cmdmon::{SourceData, SourceState, Tracking};
use crate::ipc::FleetRow;
use crate::sys::now;

/// chronyd's command port.
pub const CMDMON_PORT: u16 = 323;
/// Sources kept per watched host. A lab server has a handful; a host that
/// claims thousands (up to chronyd's 65,536) is shown with its first ones
/// and its count, so one host cannot fill the helper's memory or pages.
pub const MAX_WATCHED_SOURCES: u32 = 256;
/// One poll of a watched host, every request of it, must end within this.
const POLL_BUDGET: Duration = Duration::from_secs(5);
/// A host that stopped answering is retried after up to this long.
const MAX_BACKOFF: Duration = Duration::from_secs(30);

/// What the helper knows of one watched server.
#[derive(Debug, Clone, Default)]
pub struct Watched {
    /// As the user gave it, `HOST:PORT`.
    pub host: String,
    pub tracking: Option<Tracking>,
    /// The first [`MAX_WATCHED_SOURCES`] of its sources.
    pub sources: Vec<SourceData>,
    /// How many sources it has.
    pub n_sources: u32,
    /// Unix seconds of the last answer.
    pub last_ok: Option<f64>,
    pub error: Option<String>,
}

impl Watched {
    pub fn row(&self) -> FleetRow {
        let t = self.tracking.as_ref();
        let reachable = self.error.is_none() && t.is_some();
        FleetRow {
            host: self.host.clone(),
            reachable,
            stratum: t.map(|t| t.stratum),
            reference: t.map(|t| match t.address {
                Some(ip) => ip.to_string(),
                None => crate::core::cmdmon::refid_text(t.ref_id),
            }),
            system_time: t.map(|t| t.system_time),
            frequency: t.map(|t| t.frequency_ppm),
            skew: t.map(|t| t.skew_ppm),
            leap: t.map(|t| t.leap_text().to_string()),
            selected: self
                .sources
                .iter()
                .find(|s| s.state == SourceState::Selected)
                .map(|s| s.name()),
            sources: reachable.then_some(self.n_sources),
            error: self.error.clone(),
        }
    }
}

impl Watched {
    /// This host on the metrics page.
    pub fn target(&self) -> crate::core::metrics::Target<'_> {
        let up = self.error.is_none() && self.tracking.is_some();
        crate::core::metrics::Target {
            server: &self.host,
            up,
            tracking: self.tracking.as_ref(),
            sources: &self.sources,
            names: &[],
            serverstats: None,
        }
    }
}

pub type Fleet = Arc<Mutex<Vec<Watched>>>;

/// `HOST[:PORT]` (`[v6]:PORT` for IPv6) with chronyd's command port as the
/// default; the text is kept as the user wrote it, with the port added.
pub fn parse_watch(spec: &str) -> Option<(String, u16)> {
    let spec = spec.trim();
    if spec.is_empty() || spec.chars().any(|c| c.is_control() || c.is_whitespace()) {
        return None;
    }
    let (host, port) = if let Some(rest) = spec.strip_prefix('[') {
        let (h, p) = rest.split_once(']')?;
        let port = match p.strip_prefix(':') {
            Some(p) => p.parse().ok()?,
            None if p.is_empty() => CMDMON_PORT,
            None => return None,
        };
        (h.to_string(), port)
    } else if spec.matches(':').count() > 1 {
        (spec.to_string(), CMDMON_PORT)
    } else {
        match spec.split_once(':') {
            Some((h, p)) => (h.to_string(), p.parse().ok()?),
            None => (spec.to_string(), CMDMON_PORT),
        }
    };
    crate::core::conf::edit::is_valid_host(&host).then_some((host, port))
}

/// A watch list file: one `HOST[:PORT]` a line, `#` comments and blank
/// lines skipped. A bad line is reported with its number.
pub fn parse_watch_file(text: &str) -> Result<Vec<(String, u16)>, (usize, String)> {
    let mut out = Vec::new();
    for (i, line) in text.lines().enumerate() {
        let t = line.trim();
        if t.is_empty() || t.starts_with('#') {
            continue;
        }
        match parse_watch(t) {
            Some(w) if !out.contains(&w) => out.push(w),
            Some(_) => {}
            None => return Err((i + 1, t.to_string())),
        }
    }
    Ok(out)
}

/// How a host is shown: `HOST:PORT` (`[v6]:PORT`).
pub fn label(host: &str, port: u16) -> String {
    if host.contains(':') {
        format!("[{host}]:{port}")
    } else {
        format!("{host}:{port}")
    }
}

/// What one poll of a watched host gives.
struct Answer {
    tracking: Tracking,
    sources: Vec<SourceData>,
    n_sources: u32,
}

async fn poll(addr: SocketAddr) -> Result<Answer, String> {
    let code = |e: super::cmdmon::CmdmonError| e.code().to_string();
    let polled = tokio::time::timeout(POLL_BUDGET, async {
        let mut c = CmdmonClient::connect(&Endpoint::Udp(addr))
            .await
            .map_err(code)?;
        c.timeout = Duration::from_millis(400);
        c.retries = 1;
        let tracking = c.tracking().await.map_err(code)?;
        let n_sources = c.n_sources_checked().await.map_err(code)?;
        let sources = c.sources_at_most(MAX_WATCHED_SOURCES).await.map_err(code)?;
        Ok(Answer {
            tracking,
            sources,
            n_sources,
        })
    })
    .await;
    polled.unwrap_or_else(|_| Err("chronyd-timeout".to_string()))
}

/// Polls one host until the task is dropped; every answer also goes into
/// `history` under `host.<HOST:PORT>.<field>`.
pub async fn watch(
    fleet: Fleet,
    history: Arc<Mutex<crate::core::history::History>>,
    index: usize,
    host: String,
    port: u16,
    every: Duration,
) {
    let name = label(&host, port);
    let mut delay = every;
    loop {
        let started = Instant::now();
        let addr = tokio::net::lookup_host((host.as_str(), port))
            .await
            .ok()
            .and_then(|mut a| a.next());
        let result = match addr {
            Some(a) => poll(a).await,
            None => Err("watch-unresolved".to_string()),
        };
        {
            let mut f = lock(&fleet);
            let w = &mut f[index];
            match result {
                Ok(Answer {
                    tracking: t,
                    sources: s,
                    n_sources,
                }) => {
                    let at = now();
                    let mut h = lock(&history);
                    // Two series per host (about 300 KB each when a week
                    // is full): what the Fleet panel plots.
                    for (field, v) in [("offset", t.system_time), ("frequency", t.frequency_ppm)] {
                        h.push(&crate::ipc::host_series(&name, field), at, v);
                    }
                    drop(h);
                    w.tracking = Some(t);
                    w.sources = s;
                    w.n_sources = n_sources;
                    w.last_ok = Some(now());
                    w.error = None;
                    delay = every;
                }
                Err(code) => {
                    w.error = Some(code);
                    delay = (delay * 2).min(MAX_BACKOFF).max(every);
                }
            }
        }
        tokio::time::sleep_until(started + delay).await;
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn hosts_are_read_as_users_write_them() {
        assert_eq!(parse_watch("10.0.0.5"), Some(("10.0.0.5".into(), 323)));
        assert_eq!(
            parse_watch("ntp1.lab:1323"),
            Some(("ntp1.lab".into(), 1323))
        );
        assert_eq!(parse_watch("[::1]:3230"), Some(("::1".into(), 3230)));
        assert_eq!(parse_watch("fd00::5"), Some(("fd00::5".into(), 323)));
        for bad in ["", "a b", "h:99999", "h:x", "bad\nname", "[::1"] {
            assert_eq!(parse_watch(bad), None, "{bad:?}");
        }
        assert_eq!(label("::1", 323), "[::1]:323");
        let list = "# lab servers\n10.0.0.123\n\n10.0.0.124:323\n10.0.0.123\n";
        assert_eq!(
            parse_watch_file(list),
            Ok(vec![("10.0.0.123".into(), 323), ("10.0.0.124".into(), 323)])
        );
        assert_eq!(
            parse_watch_file("ok\nbad host\n"),
            Err((2, "bad host".into()))
        );
    }
}
