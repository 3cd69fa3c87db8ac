//! The prober: asks each roster device for its time at a gentle rate (one
//! query per device per 64 s, a burst of 4 on demand, never more than
//! [`MAX_QUERIES_PER_TICK`] a second in all), believes only replies that
//! pass the checks, and slows down when a device says RATE.

use std::collections::HashMap;
use std::net::{IpAddr, SocketAddr};
use std::sync::Arc;
use std::time::Duration;

use tokio::net::UdpSocket;

use super::store::{Roster, Sched, conf_facts};
use crate::core::ntp;
use crate::core::roster::Device;
use crate::core::roster::report::NoAnswer;
use crate::helper::state::Shared;
use crate::helper::types::lock;
use crate::sys::now;

/// A device is asked again after this (s): NTP's own minimum poll.
pub const QUERY_EVERY: f64 = 64.0;
/// The spacing between the queries of a burst (s).
pub const BURST_SPACING: f64 = 2.0;
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
                crate::helper::apply::config_text(&fixed)
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
