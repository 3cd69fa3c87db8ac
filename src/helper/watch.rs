//! Watching other chronyd servers of the lab over UDP cmdmon: one task per
//! host, polled concurrently (1 Hz by default) with the monitoring requests
//! chronyd answers to an address its `cmdallow` permits (tracking, sources),
//! a timeout per request and a growing delay for a host that does not answer.

use std::net::SocketAddr;
use std::sync::{Arc, Mutex};
use std::time::Duration;

use tokio::time::Instant;

use super::cmdmon::{CmdmonClient, Endpoint, Patience};
use super::types::lock;
use crate::core::cmdmon::{SourceData, SourceState, Tracking};
use crate::core::codes::ErrorCode;
use crate::core::series::WatchTarget;
use crate::ipc::FleetRow;
use crate::sys::now;

/// Sources kept per watched host. A lab server has a handful; a host that
/// claims thousands (up to chronyd's 65,536) is shown with its first ones
/// and its count, so one host cannot fill the helper's memory or pages.
pub const MAX_WATCHED_SOURCES: u32 = 256;
/// One poll of a watched host, every request of it, must end within this.
const POLL_BUDGET: Duration = Duration::from_secs(5);
/// A host that stopped answering is retried after up to this long.
const MAX_BACKOFF: Duration = Duration::from_secs(30);

/// What the helper knows of one watched server.
#[derive(Debug, Clone)]
pub struct Watched {
    pub host: WatchTarget,
    /// `host` as text, the metrics page's `server` label.
    pub label: String,
    pub tracking: Option<Tracking>,
    /// The first [`MAX_WATCHED_SOURCES`] of its sources.
    pub sources: Vec<SourceData>,
    /// How many sources it has.
    pub n_sources: u32,
    /// Unix seconds of the last answer.
    pub last_ok: Option<f64>,
    pub error: Option<ErrorCode>,
    /// The address it was last asked at (what a reference id names).
    pub address: Option<std::net::IpAddr>,
    /// The source addresses this host's metrics name, with when each was
    /// last seen: a host answering with new addresses every poll must not
    /// make a new series per scrape.
    pub labelled: Vec<(String, f64)>,
    /// Its sources whose address is labelled (what the metrics page shows).
    pub metric_sources: Vec<SourceData>,
}

/// Source addresses one watched host gets series for on the metrics page.
pub const MAX_SOURCE_LABELS: usize = 32;
/// A labelled address not seen for this long frees its place.
pub const LABEL_IDLE_SECS: f64 = 3600.0;

impl Watched {
    /// Keeps the sources whose address has (or now gets) a label: a new
    /// address takes a free place, or that of one not seen for an hour.
    fn label_sources(&mut self, at: f64) {
        let mut kept = Vec::new();
        for src in &self.sources {
            let addr = src.label();
            if let Some(l) = self.labelled.iter_mut().find(|(a, _)| *a == addr) {
                l.1 = at;
                kept.push(src.clone());
                continue;
            }
            let free = if self.labelled.len() < MAX_SOURCE_LABELS {
                self.labelled.push((addr, at));
                true
            } else if let Some(l) = self
                .labelled
                .iter_mut()
                .find(|(_, seen)| at - *seen > LABEL_IDLE_SECS)
            {
                *l = (addr, at);
                true
            } else {
                false
            };
            if free {
                kept.push(src.clone());
            }
        }
        self.metric_sources = kept;
    }
}

impl Watched {
    /// A host not polled yet.
    pub fn new(host: WatchTarget) -> Watched {
        Watched {
            label: host.to_string(),
            host,
            tracking: None,
            sources: Vec::new(),
            n_sources: 0,
            last_ok: None,
            error: None,
            address: None,
            labelled: Vec::new(),
            metric_sources: Vec::new(),
        }
    }

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
            // "–" until the host follows something: not a measured 0.
            system_time: t.filter(|t| t.reports_reference()).map(|t| t.system_time),
            frequency: t.map(|t| t.frequency_ppm),
            skew: t.map(|t| t.skew_ppm),
            leap: t.map(|t| t.leap_text().to_string()),
            selected: self
                .sources
                .iter()
                .find(|s| s.state == SourceState::Selected)
                .map(|s| s.display_name()),
            sources: reachable.then_some(self.n_sources),
            error: self.error,
            roster_followers: None,
        }
    }
}

impl Watched {
    /// This host on the metrics page.
    pub fn target(&self) -> crate::core::metrics::Target<'_> {
        let up = self.error.is_none() && self.tracking.is_some();
        crate::core::metrics::Target {
            server: &self.label,
            up,
            tracking: self.tracking.as_ref(),
            sources: &self.metric_sources,
            authdata: &[],
            nts_certs: &[],
            leap_list: None,
            clients: &[],
            now: 0.0,
            roster: None,
            serverstats: None,
            health: None,
        }
    }
}

pub type Fleet = Arc<Mutex<Vec<Watched>>>;

/// A watch list file: one `HOST[:PORT]` a line, `#` comments and blank
/// lines skipped. A bad line is reported with its number.
pub fn parse_watch_file(text: &str) -> Result<Vec<WatchTarget>, (usize, String)> {
    let mut out = Vec::new();
    for (i, line) in text.lines().enumerate() {
        let t = line.trim();
        if t.is_empty() || t.starts_with('#') {
            continue;
        }
        match WatchTarget::parse(t) {
            Some(w) if !out.contains(&w) => out.push(w),
            Some(_) => {}
            None => return Err((i + 1, t.to_string())),
        }
    }
    Ok(out)
}

/// What one poll of a watched host gives.
struct Answer {
    tracking: Tracking,
    sources: Vec<SourceData>,
    n_sources: u32,
}

async fn poll(addr: SocketAddr) -> Result<Answer, ErrorCode> {
    let code = |e: super::cmdmon::CmdmonError| e.code();
    let polled = tokio::time::timeout(POLL_BUDGET, async {
        let mut c = CmdmonClient::connect(&Endpoint::Udp(addr))
            .await
            .map_err(code)?;
        c.set_patience(Patience::Remote);
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
    polled.unwrap_or(Err(ErrorCode::ChronydTimeout))
}

/// Polls one host until the task is dropped; every answer also goes into
/// `history` under `host.<HOST:PORT>.<field>`.
pub async fn watch(
    fleet: Fleet,
    history: Arc<Mutex<crate::core::history::History>>,
    index: usize,
    target: WatchTarget,
    every: Duration,
) {
    let mut delay = every;
    loop {
        let started = Instant::now();
        let addr = tokio::net::lookup_host((target.host.as_str(), target.port))
            .await
            .ok()
            .and_then(|mut a| a.next());
        let result = match addr {
            Some(a) => poll(a).await,
            None => Err(ErrorCode::WatchUnresolved),
        };
        {
            let mut f = lock(&fleet);
            let w = &mut f[index];
            w.address = addr.map(|a| a.ip());
            match result {
                Ok(Answer {
                    tracking: t,
                    sources: s,
                    n_sources,
                }) => {
                    let at = now();
                    // What the Fleet panel plots.
                    lock(&history).record_host(&target, at, &t);
                    w.tracking = Some(t);
                    w.sources = s;
                    w.n_sources = n_sources;
                    w.label_sources(at);
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
    fn a_host_with_new_addresses_every_poll_keeps_its_labels() {
        use crate::core::cmdmon::{SourceMode, SourceState, WireAddr, WireAddrSer};
        let mut w = Watched::new(WatchTarget::parse("192.0.2.1").unwrap());
        let mut names = std::collections::HashSet::new();
        for poll in 0..100u32 {
            w.sources = (0..8u32)
                .map(|i| SourceData {
                    address: WireAddrSer(WireAddr::Ip(std::net::IpAddr::V4(
                        std::net::Ipv4Addr::from(0x0a00_0000 + poll * 8 + i),
                    ))),
                    poll: 6,
                    stratum: 2,
                    state: SourceState::NotCombined,
                    mode: SourceMode::Server,
                    flags: 0,
                    reach: 255,
                    last_rx: 1,
                    offset: 0.0,
                    measured_offset: 0.0,
                    error: 0.0,
                    name: None,
                })
                .collect();
            w.label_sources(f64::from(poll));
            names.extend(w.metric_sources.iter().map(SourceData::label));
        }
        assert_eq!(names.len(), MAX_SOURCE_LABELS);
        // An hour later the idle places are taken again, never more.
        w.label_sources(100.0 + LABEL_IDLE_SECS + 1.0);
        assert_eq!(w.labelled.len(), MAX_SOURCE_LABELS);
        assert_eq!(w.metric_sources.len(), 8);
    }

    #[test]
    fn watch_lists_skip_comments_and_repeats_and_name_a_bad_line() {
        let list = "# lab servers\n10.0.0.123\n\n10.0.0.124:323\n10.0.0.123\n";
        let t = |s: &str| WatchTarget::parse(s).unwrap();
        assert_eq!(
            parse_watch_file(list),
            Ok(vec![t("10.0.0.123"), t("10.0.0.124:323")])
        );
        assert_eq!(
            parse_watch_file("ok\nbad host\n"),
            Err((2, "bad host".into()))
        );
    }
}
