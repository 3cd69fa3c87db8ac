//! The roster's state: the intent file next to chrony.conf (read with
//! O_NOFOLLOW, capped, written atomically), each device's schedule and
//! last verdicts, edits from the socket's requests, and the verdicts added
//! to each snapshot.

use std::collections::HashMap;
use std::net::IpAddr;
use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex};

use crate::core::codes::ErrorCode;
use crate::core::conf::directive::{BindKind, BindTarget};
use crate::core::conf::{AccessScope, AccessTarget, Directive, Document, SourceKind};
use crate::core::roster::track::{Context, Identity, Tracker};
use crate::core::roster::{
    INTENT_FILE, IntentFile, MAX_FILE_BYTES, RosterError, RosterReport, Verdict,
};
use crate::core::snapshot::Snapshot;
use crate::helper::types::lock;
use crate::ipc::{RosterOp, RosterState};
use crate::sys::now;

/// Queries of one burst.
pub const BURST: u32 = 4;
/// A device's burst is granted once per this (s); more asks are one.
pub const BURST_EVERY: f64 = 60.0;

/// What chrony.conf says that the roster needs.
#[derive(Debug, Clone, Default)]
pub(super) struct ConfFacts {
    /// `bindaddress`: this server's own addresses, and where queries go from.
    pub(super) bind: Vec<IpAddr>,
    /// `peer` hosts: the pair partner.
    pub(super) peers: Vec<String>,
    allow_all: bool,
    allowed: Vec<ipnet::IpNet>,
}

pub(super) fn conf_facts(text: &[u8]) -> ConfFacts {
    let doc = Document::parse(text);
    let mut f = ConfFacts::default();
    for (_, d) in doc.directives() {
        if let Directive::Bind {
            kind: BindKind::Ntp,
            target: BindTarget::Ip(ip),
        } = d
        {
            f.bind.push(*ip);
        }
    }
    f.peers = doc
        .sources()
        .filter(|(_, s)| s.kind == SourceKind::Peer)
        .map(|(_, s)| s.host.clone())
        .collect();
    for (_, a) in doc.access_rules(AccessScope::Ntp).filter(|(_, a)| a.allow) {
        match &a.target {
            AccessTarget::Any => f.allow_all = true,
            AccessTarget::Net(s) => f.allowed.extend(s.net()),
            AccessTarget::Host(h) => f
                .allowed
                .extend(h.parse::<IpAddr>().ok().map(ipnet::IpNet::from)),
        }
    }
    f
}

/// When a device is asked next.
#[derive(Debug, Clone, Default)]
pub(super) struct Sched {
    pub(super) next_at: f64,
    pub(super) burst_left: u32,
    pub(super) last_burst: Option<f64>,
    /// Stretched by a RATE kiss.
    pub(super) every: f64,
    pub(super) in_flight: bool,
}

pub(super) struct Inner {
    pub(super) intent: IntentFile,
    /// Why the file could not be read (the roster is then empty, and
    /// edits are refused rather than overwrite it).
    load_error: Option<String>,
    pub(super) tracker: Tracker,
    pub(super) sched: HashMap<String, Sched>,
    pub(super) resolved: HashMap<String, Vec<IpAddr>>,
    pub(super) resolved_at: HashMap<String, f64>,
    pub(super) conf: ConfFacts,
    pub(super) conf_at: Option<f64>,
    /// Source addresses queries went out from: this server as devices see it.
    pub(super) local: Vec<IpAddr>,
    last: Option<RosterReport>,
}

/// The roster of this helper: shared by the poller (verdicts), the prober
/// and the socket's requests. The lock is never held across an await.
pub struct Roster {
    pub path: PathBuf,
    pub(super) inner: Mutex<Inner>,
    pub(super) wake: tokio::sync::Notify,
}

/// The intent file beside `config`.
pub fn intent_path(config: &Path) -> PathBuf {
    config.parent().unwrap_or(Path::new("/")).join(INTENT_FILE)
}

/// Reads the intent file: a missing file is an empty roster; a symlink, a
/// non-file or a file past the cap is refused.
pub fn read_intent(path: &Path) -> Result<IntentFile, String> {
    use std::io::Read;
    use std::os::unix::fs::OpenOptionsExt;
    let f = match std::fs::OpenOptions::new()
        .read(true)
        .custom_flags((rustix::fs::OFlags::NOFOLLOW | rustix::fs::OFlags::NONBLOCK).bits() as i32)
        .open(path)
    {
        Ok(f) => f,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(IntentFile::default()),
        Err(e) => return Err(e.to_string()),
    };
    if !f.metadata().map_err(|e| e.to_string())?.is_file() {
        return Err("not a regular file".into());
    }
    let mut text = String::new();
    f.take(MAX_FILE_BYTES as u64 + 1)
        .read_to_string(&mut text)
        .map_err(|e| e.to_string())?;
    IntentFile::parse(&text).map_err(|e| e.to_string())
}

impl Roster {
    pub fn load(config: &Path) -> Roster {
        let path = intent_path(config);
        let (intent, load_error) = match read_intent(&path) {
            Ok(i) => (i, None),
            Err(e) => {
                tracing::warn!(file = %path.display(), error = %e, "roster not read");
                (IntentFile::default(), Some(e))
            }
        };
        Roster {
            path,
            inner: Mutex::new(Inner {
                intent,
                load_error,
                tracker: Tracker::new(now()),
                sched: HashMap::new(),
                resolved: HashMap::new(),
                resolved_at: HashMap::new(),
                conf: ConfFacts::default(),
                conf_at: None,
                local: Vec::new(),
                last: None,
            }),
            wake: tokio::sync::Notify::new(),
        }
    }

    /// Adds the verdicts (and their alarms) to a snapshot.
    pub fn annotate(&self, snap: &mut Snapshot, offset_threshold: f64) {
        let mut g = lock(&self.inner);
        let inner = &mut *g;
        if inner.intent.devices.is_empty() {
            inner.last = None;
            return;
        }
        let mut identity = Identity::default();
        for ip in inner.conf.bind.iter().chain(&inner.local) {
            identity.add_own(*ip);
        }
        for a in &inner.intent.server_addresses {
            for ip in addresses_of(&inner.resolved, &format!("server:{a}"), a) {
                identity.add_own(ip);
            }
        }
        for p in &inner.conf.peers {
            for ip in addresses_of(&inner.resolved, &format!("peer:{p}"), p) {
                identity.add_partner(ip);
            }
        }
        let tracking = snap.tracking.as_ref();
        let ctx = Context {
            now: snap.time,
            // The client log comes with server statistics (root's socket).
            clients: snap
                .serverstats
                .is_some()
                .then_some(snap.clients.as_slice()),
            stratum: tracking.and_then(|t| u8::try_from(t.stratum).ok()),
            correction: tracking.map_or(0.0, |t| t.system_time),
            identity: &identity,
            acl: inner
                .conf_at
                .is_some()
                .then_some((inner.conf.allow_all, inner.conf.allowed.as_slice())),
            offset_threshold,
        };
        let mut report = inner.tracker.evaluate(&inner.intent, &inner.resolved, &ctx);
        report.file = self.path.display().to_string();
        report.alarms = inner.tracker.alarms(&report, snap.time);
        inner.last = Some(report.clone());
        snap.roster = Some(report);
    }

    /// The roster devices whose last reply names `server` as their
    /// reference (synchronised to it); `None` without a roster.
    pub fn followers_of(&self, server: IpAddr) -> Option<Vec<String>> {
        let g = lock(&self.inner);
        let report = g.last.as_ref()?;
        let id = crate::core::ntp::refid_of(server);
        Some(
            report
                .devices
                .iter()
                .filter(|d| {
                    d.verdict != Verdict::Unsynchronised
                        && d.answer.as_ref().is_some_and(|a| a.ref_id == id)
                })
                .map(|d| d.name.clone())
                .collect(),
        )
    }

    /// A request from a peer (access already checked).
    pub async fn handle(
        self: &Arc<Self>,
        op: RosterOp,
    ) -> Result<RosterState, (ErrorCode, Option<String>)> {
        let changed = {
            let mut g = lock(&self.inner);
            match op {
                RosterOp::Get => None,
                RosterOp::Probe { name } => {
                    let t = now();
                    let names: Vec<String> = match &name {
                        Some(n) if !g.intent.devices.iter().any(|d| &d.name == n) => {
                            return Err((
                                ErrorCode::RosterEdit,
                                Some(RosterError::NoSuchDevice(n.clone()).detail()),
                            ));
                        }
                        Some(n) => vec![n.clone()],
                        None => g.intent.devices.iter().map(|d| d.name.clone()).collect(),
                    };
                    for n in names {
                        let s = g.sched.entry(n).or_default();
                        // Our own rate limit: one burst a minute per device.
                        if s.last_burst.is_none_or(|b| t - b >= BURST_EVERY) {
                            s.last_burst = Some(t);
                            s.burst_left = BURST;
                            s.next_at = t;
                        }
                    }
                    self.wake.notify_one();
                    None
                }
                op => {
                    if let Some(e) = &g.load_error {
                        return Err((
                            ErrorCode::RosterEdit,
                            Some(RosterError::File(e.clone()).detail()),
                        ));
                    }
                    let mut next = g.intent.clone();
                    let r = match op {
                        RosterOp::Add { device } => next.add(device),
                        RosterOp::Remove { name } => next.remove(&name).map(|_| ()),
                        RosterOp::Import {
                            devices,
                            server_addresses,
                        } => {
                            for a in server_addresses {
                                if !next.server_addresses.contains(&a) {
                                    next.server_addresses.push(a);
                                }
                            }
                            next.merge(devices).map(|_| ())
                        }
                        RosterOp::Get | RosterOp::Probe { .. } => unreachable!("handled above"),
                    };
                    if let Err(e) = r.and_then(|()| next.check()) {
                        return Err((ErrorCode::RosterEdit, Some(e.detail())));
                    }
                    Some(next)
                }
            }
        };
        if let Some(next) = changed {
            let path = self.path.clone();
            let text = next.to_text();
            let written = tokio::task::spawn_blocking(move || {
                crate::fsutil::write_atomic(&path, text.as_bytes())
            })
            .await;
            match written {
                Ok(Ok(_)) => {}
                Ok(Err(e)) => return Err((ErrorCode::HelperIo, Some(e.to_string()))),
                Err(_) => return Err((ErrorCode::HelperIo, None)),
            }
            let mut g = lock(&self.inner);
            // New devices are asked at once.
            for d in &next.devices {
                g.sched.entry(d.name.clone()).or_default();
            }
            g.sched
                .retain(|n, _| next.devices.iter().any(|d| &d.name == n));
            g.intent = next;
            self.wake.notify_one();
        }
        let g = lock(&self.inner);
        Ok(RosterState {
            devices: g.intent.devices.clone(),
            server_addresses: g.intent.server_addresses.clone(),
            file: self.path.display().to_string(),
            report: g.last.clone(),
        })
    }
}

/// A host's addresses: resolved (under `key`), or itself when an IP.
pub(super) fn addresses_of(
    resolved: &HashMap<String, Vec<IpAddr>>,
    key: &str,
    host: &str,
) -> Vec<IpAddr> {
    let host = crate::core::roster::split_address(host).map_or(host.to_string(), |(h, _)| h);
    match host.parse::<IpAddr>() {
        Ok(ip) => vec![ip],
        Err(_) => resolved.get(key).cloned().unwrap_or_default(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn chrony_conf_gives_own_addresses_partner_and_acl() {
        let f = conf_facts(
            b"bindaddress 10.0.0.1\npeer 10.0.0.2\nallow 10.0.0.0/24\nallow 192.168.1.7\nserver pool.example iburst\n",
        );
        assert_eq!(f.bind, ["10.0.0.1".parse::<IpAddr>().unwrap()]);
        assert_eq!(f.peers, ["10.0.0.2"]);
        assert!(!f.allow_all);
        assert_eq!(f.allowed.len(), 2);
        assert!(conf_facts(b"allow\n").allow_all);
    }
}
