//! The roster's IO: the intent file next to chrony.conf (read with
//! O_NOFOLLOW, capped, written atomically), the prober that asks each
//! device for its time at a gentle rate (one query per device per 64 s, a
//! burst of 4 on demand, never more than [`MAX_QUERIES_PER_TICK`] a
//! second in all), and the verdicts added to each snapshot.

use std::collections::HashMap;
use std::net::{IpAddr, SocketAddr};
use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex};
use std::time::Duration;

use tokio::net::UdpSocket;

use super::state::Shared;
use super::types::lock;
use crate::core::codes::ErrorCode;
use crate::core::conf::directive::{BindKind, BindTarget};
use crate::core::conf::{AccessScope, AccessTarget, Directive, Document, SourceKind};
use crate::core::ntp;
use crate::core::roster::report::NoAnswer;
use crate::core::roster::track::{Context, Identity, Tracker};
use crate::core::roster::{Device, INTENT_FILE, IntentFile, MAX_FILE_BYTES, RosterReport};
use crate::core::snapshot::Snapshot;
use crate::ipc::{RosterOp, RosterState};
use crate::sys::now;

/// A device is asked again after this (s): NTP's own minimum poll.
pub const QUERY_EVERY: f64 = 64.0;
/// Queries of one burst, and the spacing between them (s).
pub const BURST: u32 = 4;
pub const BURST_SPACING: f64 = 2.0;
/// A device's burst is granted once per this (s); more asks are one.
pub const BURST_EVERY: f64 = 60.0;
/// Queries sent per second at most, whatever the roster holds.
pub const MAX_QUERIES_PER_TICK: usize = 16;
/// How long a query waits for its answer.
pub const ANSWER_WAIT: Duration = Duration::from_secs(2);
/// Datagrams read for one query at most (a flood ends the wait early).
pub const MAX_DATAGRAMS: usize = 8;
/// The longest a kiss-o'-death (RATE) stretches the interval (s).
const MAX_BACKOFF: f64 = 1024.0;
/// Names are resolved again after this (s).
const RESOLVE_EVERY: f64 = 600.0;
/// chrony.conf is read again after this (s).
const CONF_EVERY: f64 = 60.0;

/// What chrony.conf says that the roster needs.
#[derive(Debug, Clone, Default)]
struct ConfFacts {
    /// `bindaddress`: this server's own addresses, and where queries go from.
    bind: Vec<IpAddr>,
    /// `peer` hosts: the pair partner.
    peers: Vec<String>,
    allow_all: bool,
    allowed: Vec<ipnet::IpNet>,
}

fn conf_facts(text: &str) -> ConfFacts {
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

#[derive(Debug, Clone, Default)]
struct Sched {
    next_at: f64,
    burst_left: u32,
    last_burst: Option<f64>,
    /// Stretched by a RATE kiss.
    every: f64,
    in_flight: bool,
}

struct Inner {
    intent: IntentFile,
    /// Why the file could not be read (the roster is then empty, and
    /// edits are refused rather than overwrite it).
    load_error: Option<String>,
    tracker: Tracker,
    sched: HashMap<String, Sched>,
    resolved: HashMap<String, Vec<IpAddr>>,
    resolved_at: HashMap<String, f64>,
    conf: ConfFacts,
    conf_at: Option<f64>,
    /// Source addresses queries went out from: this server as devices see it.
    local: Vec<IpAddr>,
    last: Option<RosterReport>,
}

/// The roster of this helper: shared by the poller (verdicts), the prober
/// and the socket's requests. The lock is never held across an await.
pub struct Roster {
    pub path: PathBuf,
    inner: Mutex<Inner>,
    wake: tokio::sync::Notify,
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
        let alarms = inner.tracker.alarms(&report, snap.time);
        let room = crate::core::alarms::MAX_ALARMS.saturating_sub(snap.alarms.len());
        snap.alarms.extend(alarms.into_iter().take(room));
        inner.last = Some(report.clone());
        snap.roster = Some(report);
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
                            return Err((ErrorCode::RosterEdit, Some(format!("no-device:{n}"))));
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
                        return Err((ErrorCode::RosterEdit, Some(format!("file:{e}"))));
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
                        return Err((ErrorCode::RosterEdit, Some(edit_detail(&e))));
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

/// The detail of a refused edit: `ID:VALUE`, translated by the client.
fn edit_detail(e: &crate::core::roster::RosterError) -> String {
    use crate::core::roster::RosterError as E;
    match e {
        E::Name(v) => format!("name:{v}"),
        E::Address(v) => format!("address:{v}"),
        E::Duplicate(v) => format!("duplicate:{v}"),
        E::NoSuchDevice(v) => format!("no-device:{v}"),
        E::Full => "full:".into(),
        E::File(v) => format!("file:{v}"),
    }
}

/// A host's addresses: resolved (under `key`), or itself when an IP.
fn addresses_of(resolved: &HashMap<String, Vec<IpAddr>>, key: &str, host: &str) -> Vec<IpAddr> {
    let host = crate::core::roster::split_address(host).map_or(host.to_string(), |(h, _)| h);
    match host.parse::<IpAddr>() {
        Ok(ip) => vec![ip],
        Err(_) => resolved.get(key).cloned().unwrap_or_default(),
    }
}

/// One query's outcome.
enum Outcome {
    Answer(ntp::Reply, IpAddr),
    Missed(NoAnswer),
}

fn random_nonce() -> u64 {
    let mut b = [0u8; 8];
    loop {
        if rustix::rand::getrandom(&mut b, rustix::rand::GetRandomFlags::empty()).is_err() {
            // No kernel randomness: the clock's nanoseconds still differ
            // per query (spoofing then needs to see the request).
            b = (now().to_bits() ^ u64::from(std::process::id())).to_be_bytes();
        }
        let n = u64::from_be_bytes(b);
        if n != 0 {
            return n;
        }
    }
}

/// Asks `to` for its time once, from `bind` if given.
async fn query(to: SocketAddr, bind: Option<IpAddr>) -> Outcome {
    let from = bind
        .filter(|b| b.is_ipv4() == to.is_ipv4())
        .unwrap_or(match to {
            SocketAddr::V4(_) => IpAddr::V4(std::net::Ipv4Addr::UNSPECIFIED),
            SocketAddr::V6(_) => IpAddr::V6(std::net::Ipv6Addr::UNSPECIFIED),
        });
    let sock = match UdpSocket::bind(SocketAddr::new(from, 0)).await {
        Ok(s) => s,
        Err(e) => {
            return Outcome::Missed(NoAnswer::Invalid {
                reason: e.to_string(),
            });
        }
    };
    // Connected: the kernel drops datagrams from anyone else.
    if let Err(e) = sock.connect(to).await {
        return Outcome::Missed(NoAnswer::Invalid {
            reason: e.to_string(),
        });
    }
    let local = sock.local_addr().ok().map(|a| a.ip());
    let nonce = random_nonce();
    let t1 = now();
    if sock.send(&ntp::request(nonce)).await.is_err() {
        return Outcome::Missed(NoAnswer::Refused);
    }
    let deadline = tokio::time::Instant::now() + ANSWER_WAIT;
    let mut buf = [0u8; 1024];
    let mut last_error = None;
    for _ in 0..MAX_DATAGRAMS {
        let got = tokio::time::timeout_at(deadline, sock.recv(&mut buf)).await;
        let t4 = now();
        match got {
            Err(_) => break,
            Ok(Err(e)) if e.kind() == std::io::ErrorKind::ConnectionRefused => {
                return Outcome::Missed(NoAnswer::Refused);
            }
            Ok(Err(e)) => {
                last_error = Some(e.to_string());
                break;
            }
            Ok(Ok(n)) => match ntp::decode(&buf[..n], nonce, t1, t4) {
                Ok(r) => return Outcome::Answer(r, local.unwrap_or(from)),
                Err(ntp::ReplyError::Kiss { code }) => {
                    let code = String::from_utf8_lossy(&code)
                        .chars()
                        .filter(|c| c.is_ascii_alphanumeric())
                        .collect();
                    return Outcome::Missed(NoAnswer::Kiss { code });
                }
                Err(e) => last_error = Some(e.to_string()),
            },
        }
    }
    let why = match last_error {
        Some(reason) => NoAnswer::Invalid { reason },
        None => NoAnswer::Timeout,
    };
    Outcome::Missed(why)
}

/// The prober: until the helper stops.
pub async fn run(shared: Arc<Shared>) {
    let roster = Arc::clone(&shared.roster);
    let mut tick = tokio::time::interval(Duration::from_secs(1));
    tick.set_missed_tick_behavior(tokio::time::MissedTickBehavior::Delay);
    loop {
        tokio::select! {
            _ = tick.tick() => {}
            _ = roster.wake.notified() => {}
        }
        let t = now();
        // chrony.conf: own addresses, the partner, the ACL.
        let conf_due = lock(&roster.inner)
            .conf_at
            .is_none_or(|c| t - c >= CONF_EVERY);
        if conf_due {
            let fixed = shared.fixed.clone();
            let facts = tokio::task::spawn_blocking(move || {
                super::apply::config_text(&fixed)
                    .ok()
                    .map(|t| conf_facts(&t))
            })
            .await
            .ok()
            .flatten();
            let mut g = lock(&roster.inner);
            g.conf_at = Some(t);
            if let Some(f) = facts {
                g.conf = f;
            }
        }
        resolve_due(&roster, t).await;
        // Who is due, within this second's budget.
        let due: Vec<(String, SocketAddr, Option<IpAddr>)> = {
            let mut g = lock(&roster.inner);
            let inner = &mut *g;
            let bind = inner.conf.bind.first().copied();
            let mut out = Vec::new();
            for d in &inner.intent.devices {
                if out.len() >= MAX_QUERIES_PER_TICK {
                    break;
                }
                let s = inner.sched.entry(d.name.clone()).or_insert_with(|| Sched {
                    next_at: t + spread(&d.name),
                    ..Sched::default()
                });
                if s.in_flight || s.next_at > t {
                    continue;
                }
                let Some(to) = target(d, &inner.resolved) else {
                    inner.tracker.missed(&d.name, NoAnswer::Unresolved);
                    s.next_at = t + QUERY_EVERY;
                    continue;
                };
                s.in_flight = true;
                if s.burst_left > 0 {
                    s.burst_left -= 1;
                    s.next_at = t + BURST_SPACING;
                } else {
                    s.next_at = t + s.every.max(QUERY_EVERY);
                }
                out.push((d.name.clone(), to, bind));
            }
            out
        };
        for (name, to, bind) in due {
            let roster = Arc::clone(&roster);
            tokio::spawn(async move {
                let outcome = query(to, bind).await;
                let mut g = lock(&roster.inner);
                let inner = &mut *g;
                if let Some(s) = inner.sched.get_mut(&name) {
                    s.in_flight = false;
                }
                match outcome {
                    Outcome::Answer(r, local) => {
                        if !inner.local.contains(&local)
                            && !local.is_unspecified()
                            && inner.local.len() < 16
                        {
                            inner.local.push(local);
                        }
                        inner.tracker.answered(&name, now(), r);
                        if let Some(s) = inner.sched.get_mut(&name) {
                            s.every = QUERY_EVERY;
                        }
                    }
                    Outcome::Missed(why) => {
                        // RATE: the device asks us to slow down; we do.
                        if let (NoAnswer::Kiss { code }, Some(s)) =
                            (&why, inner.sched.get_mut(&name))
                            && code == "RATE"
                        {
                            s.every = (s.every.max(QUERY_EVERY) * 2.0).min(MAX_BACKOFF);
                            s.burst_left = 0;
                        }
                        inner.tracker.missed(&name, why);
                    }
                }
            });
        }
    }
}

/// A device's first query comes within a minute, spread by its name so
/// that a large roster does not ask all at once.
fn spread(name: &str) -> f64 {
    let h = name
        .bytes()
        .fold(0u32, |h, b| h.wrapping_mul(31).wrapping_add(u32::from(b)));
    f64::from(h % 60)
}

/// Where to ask a device: its address, or its name resolved.
fn target(d: &Device, resolved: &HashMap<String, Vec<IpAddr>>) -> Option<SocketAddr> {
    let (host, port) = crate::core::roster::split_address(&d.address)?;
    let ip = match host.parse::<IpAddr>() {
        Ok(ip) => ip,
        Err(_) => *resolved.get(&d.name)?.first()?,
    };
    Some(SocketAddr::new(ip, port))
}

/// Resolves the names due (devices, server addresses, peers), a few per
/// tick, each within a deadline.
async fn resolve_due(roster: &Roster, t: f64) {
    let due: Vec<(String, String)> = {
        let g = lock(&roster.inner);
        let devices = g.intent.devices.iter().map(|d| (d.name.clone(), d.host()));
        let servers = g.intent.server_addresses.iter().map(|a| {
            (
                format!("server:{a}"),
                crate::core::roster::split_address(a).map_or(a.clone(), |(h, _)| h),
            )
        });
        let peers = g
            .conf
            .peers
            .iter()
            .map(|p| (format!("peer:{p}"), p.clone()));
        devices
            .chain(servers)
            .chain(peers)
            .filter(|(_, h)| h.parse::<IpAddr>().is_err())
            .filter(|(k, _)| {
                g.resolved_at
                    .get(k)
                    .is_none_or(|at| t - at >= RESOLVE_EVERY)
            })
            .take(4)
            .collect()
    };
    for (key, host) in due {
        let found = tokio::time::timeout(
            Duration::from_secs(5),
            tokio::net::lookup_host((host.as_str(), 0)),
        )
        .await;
        let ips: Vec<IpAddr> = match found {
            Ok(Ok(it)) => it.map(|a| a.ip()).take(8).collect(),
            _ => Vec::new(),
        };
        let mut g = lock(&roster.inner);
        g.resolved_at.insert(key.clone(), t);
        g.resolved.insert(key, ips);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn chrony_conf_gives_own_addresses_partner_and_acl() {
        let f = conf_facts(
            "bindaddress 10.0.0.1\npeer 10.0.0.2\nallow 10.0.0.0/24\nallow 192.168.1.7\nserver pool.example iburst\n",
        );
        assert_eq!(f.bind, ["10.0.0.1".parse::<IpAddr>().unwrap()]);
        assert_eq!(f.peers, ["10.0.0.2"]);
        assert!(!f.allow_all);
        assert_eq!(f.allowed.len(), 2);
        assert!(conf_facts("allow\n").allow_all);
    }
}
