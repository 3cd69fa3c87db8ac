//! From chronyd's client log (one snapshot after another) and the devices'
//! NTP replies to verdicts: the state each device needs between polls (its
//! request count, the gaps between its requests, its last reply) and the
//! rules that turn them into one verdict.

use std::collections::{HashMap, HashSet, VecDeque};
use std::net::IpAddr;

use super::report::{
    Answer, DeviceReport, Follows, MAX_UNKNOWN_LISTED, NoAnswer, Polls, RosterReport,
    UnknownClient, Verdict, reference_text,
};
use super::{Device, IntentFile};
use crate::core::alarm::{Alarm, AlarmKind};
use crate::core::cmdmon::Client;
use crate::core::ntp::Reply;

/// Gaps between requests remembered per device (the interval is the
/// longest: a client's poll at most doubles from one request to the next).
const GAPS: usize = 4;

/// Queries in a row without an answer before the last answer no longer
/// counts (one lost packet changes nothing).
pub const MAX_MISSED: u32 = 2;

/// A device never seen polling raises its alarm only once the client log
/// has been watched this long (s): longer than chrony's default maxpoll
/// (1024 s), so a client that polls slowly is seen first.
pub const NEVER_SEEN_GRACE: f64 = 1200.0;

#[derive(Debug, Default, Clone)]
struct DeviceState {
    /// Requests counted and when the last one came (Unix s).
    seen: Option<(u32, f64)>,
    gaps: VecDeque<f64>,
    drops: Option<u32>,
    /// When its drops last grew.
    dropped_at: Option<f64>,
    answer: Option<(f64, Reply)>,
    no_answer: Option<NoAnswer>,
    missed: u32,
    probed: bool,
    verdict: Option<(Verdict, f64)>,
}

/// Whom this server is, as a reference id says it: its own addresses and
/// its pair partner's.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Identity {
    pub own: HashSet<u32>,
    /// The addresses behind `own`.
    pub addresses: HashSet<IpAddr>,
    pub partner: HashSet<u32>,
}

impl Identity {
    pub fn add_own(&mut self, ip: IpAddr) {
        self.own.insert(crate::core::ntp::refid_of(ip));
        self.addresses.insert(ip);
    }

    /// This server itself: its own addresses, or the loopback address
    /// chronyd answers on by default (another 127.x may be another
    /// daemon, as in a lab).
    pub fn is_self(&self, ip: IpAddr) -> bool {
        ip == IpAddr::from([127, 0, 0, 1])
            || ip == IpAddr::from(std::net::Ipv6Addr::LOCALHOST)
            || self.addresses.contains(&ip)
    }

    pub fn add_partner(&mut self, ip: IpAddr) {
        self.partner.insert(crate::core::ntp::refid_of(ip));
    }

    pub fn follows(&self, ref_id: u32) -> Follows {
        if self.own.contains(&ref_id) {
            Follows::Us
        } else if self.partner.contains(&ref_id) {
            Follows::Partner
        } else {
            Follows::Other
        }
    }
}

/// This server as one poll sees it.
pub struct Context<'a> {
    pub now: f64,
    /// chronyd's client log (`None`: not read, so nobody is known to poll).
    pub clients: Option<&'a [Client]>,
    /// This server's stratum, when synchronised.
    pub stratum: Option<u8>,
    /// chronyd's correction of the system clock (tracking's system time,
    /// positive when the clock is slow): what this server serves is the
    /// system clock plus it.
    pub correction: f64,
    pub identity: &'a Identity,
    /// Who this server lets in (`allow`): all, or these networks.
    pub acl: Option<(bool, &'a [ipnet::IpNet])>,
    /// |offset| past this (s) is drifting.
    pub offset_threshold: f64,
}

/// Every device's state, kept by the helper between polls.
#[derive(Debug, Clone)]
pub struct Tracker {
    /// When watching began (Unix s).
    pub started: f64,
    /// Requests in chronyd's client log at the last poll: fewer now means
    /// chronyd restarted and its log starts again.
    logged: u64,
    states: HashMap<String, DeviceState>,
}

impl Tracker {
    pub fn new(now: f64) -> Tracker {
        Tracker {
            started: now,
            logged: 0,
            states: HashMap::new(),
        }
    }

    /// A valid reply from `name`, measured at `now`.
    pub fn answered(&mut self, name: &str, now: f64, reply: Reply) {
        let s = self.states.entry(name.to_string()).or_default();
        s.answer = Some((now, reply));
        s.no_answer = None;
        s.missed = 0;
        s.probed = true;
    }

    /// A query to `name` got no answer to believe.
    pub fn missed(&mut self, name: &str, why: NoAnswer) {
        let s = self.states.entry(name.to_string()).or_default();
        s.missed = s.missed.saturating_add(1);
        if s.missed > MAX_MISSED {
            s.answer = None;
        }
        s.no_answer = Some(why);
        s.probed = true;
    }

    /// The verdicts for this poll. `addresses` are each device's resolved
    /// addresses (by name); devices missing from it are matched by their
    /// address when it is an IP.
    pub fn evaluate(
        &mut self,
        intent: &IntentFile,
        addresses: &HashMap<String, Vec<IpAddr>>,
        ctx: &Context,
    ) -> RosterReport {
        self.states
            .retain(|n, _| intent.devices.iter().any(|d| &d.name == n));
        // chronyd restarted (its log counts fewer requests than before):
        // a device can only be missed once its interval has passed since.
        if let Some(clients) = ctx.clients {
            let logged: u64 = clients.iter().map(|c| u64::from(c.ntp_hits)).sum();
            if logged < self.logged {
                self.started = ctx.now;
            }
            self.logged = logged;
        }
        let watched = ctx.now - self.started;
        let by_ip: HashMap<IpAddr, &Client> = ctx
            .clients
            .unwrap_or(&[])
            .iter()
            .filter(|c| c.ntp_hits > 0)
            .map(|c| (c.address, c))
            .collect();
        let mut claimed: HashSet<IpAddr> = HashSet::new();
        let mut devices = Vec::with_capacity(intent.devices.len());
        for d in &intent.devices {
            let ips = device_ips(d, addresses);
            claimed.extend(ips.iter().copied());
            let client = ips.iter().find_map(|ip| by_ip.get(ip).copied());
            let state = self.states.entry(d.name.clone()).or_default();
            devices.push(judge(
                d,
                &ips,
                client,
                state,
                intent.min_poll_interval(),
                watched,
                ctx,
            ));
        }
        let mut unknown: Vec<UnknownClient> = by_ip
            .values()
            .filter(|c| !claimed.contains(&c.address))
            .map(|c| UnknownClient {
                address: c.address,
                packets: c.ntp_hits,
                last_ago: c.ntp_last.map(f64::from),
            })
            .collect();
        let unknown_total = unknown.len();
        unknown.sort_by(|a, b| {
            a.last_ago
                .unwrap_or(f64::MAX)
                .total_cmp(&b.last_ago.unwrap_or(f64::MAX))
                .then(a.address.cmp(&b.address))
        });
        unknown.truncate(MAX_UNKNOWN_LISTED);
        RosterReport {
            devices,
            unknown,
            unknown_total,
            file: String::new(),
            alarms: Vec::new(),
        }
    }

    /// The alarms of a report: a device that stopped polling (or was
    /// never seen in [`NEVER_SEEN_GRACE`]), follows another server, or
    /// drifts past the threshold.
    pub fn alarms(&self, report: &RosterReport, now: f64) -> Vec<Alarm> {
        let mut out = Vec::new();
        for d in &report.devices {
            let kind = match d.verdict {
                // This server itself never polls itself: nothing to alarm.
                Verdict::NotPolling
                    if !d.itself
                        && (d.polls.is_some() || now - self.started >= NEVER_SEEN_GRACE) =>
                {
                    Some(AlarmKind::RosterNotPolling)
                }
                Verdict::FollowsOther => Some(AlarmKind::RosterFollowsOther),
                Verdict::FollowsUs if d.drifting => Some(AlarmKind::RosterOffset),
                _ => None,
            };
            if let Some(kind) = kind {
                out.push(Alarm {
                    kind,
                    what: d.name.clone(),
                });
            }
        }
        out
    }
}

/// A device's addresses: resolved, or its address when it is an IP.
fn device_ips(d: &Device, addresses: &HashMap<String, Vec<IpAddr>>) -> Vec<IpAddr> {
    match addresses.get(&d.name) {
        Some(ips) if !ips.is_empty() => ips.clone(),
        _ => d.host().parse::<IpAddr>().into_iter().collect(),
    }
}

fn judge(
    d: &Device,
    ips: &[IpAddr],
    client: Option<&Client>,
    s: &mut DeviceState,
    min_interval: f64,
    watched: f64,
    ctx: &Context,
) -> DeviceReport {
    let now = ctx.now;
    let polls = client.map(|c| {
        let last_at = c.ntp_last.map(|l| now - f64::from(l));
        match (s.seen, last_at) {
            // chronyd restarted (or forgot it): start again.
            (Some((n, _)), _) if c.ntp_hits < n => s.gaps.clear(),
            (Some((n, prev)), Some(at)) if c.ntp_hits > n && at > prev => {
                let gap = (at - prev) / f64::from(c.ntp_hits - n);
                if s.gaps.len() == GAPS {
                    s.gaps.pop_front();
                }
                s.gaps.push_back(gap);
            }
            _ => {}
        }
        if let Some(at) = last_at {
            s.seen = Some((c.ntp_hits, at));
        }
        if s.drops.is_some_and(|n| c.ntp_drops > n) {
            s.dropped_at = Some(now);
        }
        s.drops = Some(c.ntp_drops);
        let interval = s
            .gaps
            .iter()
            .copied()
            .reduce(f64::max)
            .or_else(|| c.ntp_interval.map(|i| 2f64.powi(i32::from(i))));
        let window = 3.0 * interval.unwrap_or(min_interval).max(min_interval);
        let last_ago = c.ntp_last.map(f64::from);
        Polls {
            address: c.address,
            last_ago,
            interval,
            silent_after: window,
            packets: c.ntp_hits,
            drops: c.ntp_drops,
            rate_limited: s.dropped_at.is_some_and(|t| now - t <= window),
            polling: last_ago.is_some_and(|l| l <= window),
        }
    });
    let polling = polls.as_ref().is_some_and(|p| p.polling);
    let answer = s.answer.as_ref().map(|(t, r)| Answer {
        time: *t,
        stratum: r.stratum,
        ref_id: r.ref_id,
        reference: reference_text(r.ref_id, r.stratum),
        leap: r.leap,
        root_distance: r.root_distance(),
        offset: r.offset - ctx.correction,
        delay: r.delay,
        follows: ctx.identity.follows(r.ref_id),
        synchronised: r.synchronised(),
    });
    // A device seen polling that went silent has stopped, whatever its
    // last answer said: following us means polling us.
    let stopped = polls.as_ref().is_some_and(|p| !p.polling);
    let itself = ips.iter().any(|ip| ctx.identity.is_self(*ip));
    let verdict = match &answer {
        _ if stopped => Verdict::NotPolling,
        Some(a) if !a.synchronised => Verdict::Unsynchronised,
        Some(a) if a.follows == Follows::Other => Verdict::FollowsOther,
        Some(_) => Verdict::FollowsUs,
        None if polling && s.probed => Verdict::PollsNoAnswer,
        None if polling => Verdict::Unknown,
        None if ctx.clients.is_none() => Verdict::Unknown,
        // Never seen, and watched for less than one poll interval of the
        // roster's: not polling yet proves nothing.
        None if polls.is_none() && watched < min_interval && !itself => Verdict::Waiting,
        None => Verdict::NotPolling,
    };
    let since = match s.verdict {
        Some((v, t)) if v == verdict => t,
        _ => {
            s.verdict = Some((verdict, now));
            now
        }
    };
    let expected_stratum = answer.as_ref().and_then(|a| {
        let ours = ctx.stratum.filter(|s| (1..16).contains(s))?;
        (a.follows == Follows::Us && a.synchronised && a.stratum != ours + 1).then_some(ours + 1)
    });
    let drifting = verdict == Verdict::FollowsUs
        && answer
            .as_ref()
            .is_some_and(|a| a.offset.abs() > ctx.offset_threshold);
    let denied_by_acl = verdict == Verdict::NotPolling
        && ctx.acl.is_some_and(|(all, nets)| {
            !all && !ips.is_empty() && !ips.iter().any(|ip| nets.iter().any(|n| n.contains(ip)))
        });
    DeviceReport {
        name: d.name.clone(),
        address: d.address.clone(),
        kind: d.kind,
        verdict,
        since,
        polls,
        answer,
        no_answer: s.no_answer.clone(),
        expected_stratum,
        drifting,
        denied_by_acl,
        itself,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::roster::DeviceKind;

    fn client(addr: &str, hits: u32, last: u32) -> Client {
        Client {
            address: addr.parse().unwrap(),
            ntp_hits: hits,
            ntp_drops: 0,
            ntp_interval: Some(1),
            ntp_interval_limit: None,
            ntp_last: Some(last),
            cmd_hits: 0,
            cmd_drops: 0,
            cmd_interval: None,
            cmd_last: None,
            nts_ke_hits: 0,
            nts_ke_drops: 0,
            nts_ke_interval: None,
            nts_ke_last: None,
        }
    }

    fn intent() -> IntentFile {
        let d = |name: &str, address: &str, kind| Device {
            name: name.into(),
            address: address.into(),
            kind,
        };
        IntentFile {
            server_addresses: vec![],
            min_poll_interval: Some(4.0),
            devices: vec![
                d("pc1", "10.0.0.11", DeviceKind::Chrony),
                d("sw1", "10.0.0.2", DeviceKind::Switch),
                d("other", "10.0.0.12", DeviceKind::Chrony),
                d("gone", "192.168.9.9", DeviceKind::Ntpd),
            ],
        }
    }

    fn reply(ref_id: u32, stratum: u8, offset: f64) -> Reply {
        Reply {
            leap: 0,
            version: 4,
            stratum,
            poll: 6,
            precision: -20,
            root_delay: 0.001,
            root_dispersion: 0.001,
            ref_id,
            ref_time: 0.0,
            offset,
            delay: 0.0002,
        }
    }

    #[test]
    fn each_device_gets_its_verdict_and_strangers_are_listed_apart() {
        let mut id = Identity::default();
        id.add_own("10.0.0.1".parse().unwrap());
        let nets = ["10.0.0.0/24".parse().unwrap()];
        // Watched for longer than the roster's 4 s interval.
        let mut t = Tracker::new(990.0);
        let f = intent();
        t.answered("pc1", 1000.0, reply(0x0a00_0001, 3, 0.0002));
        t.answered("other", 1000.0, reply(0x0a00_0063, 3, 0.0));
        t.missed("sw1", NoAnswer::Refused);
        let clients = [
            client("10.0.0.11", 10, 1),
            client("10.0.0.2", 5, 3),
            client("10.0.0.12", 7, 2),
            client("10.0.0.99", 3, 1),
        ];
        let ctx = Context {
            now: 1001.0,
            clients: Some(&clients),
            stratum: Some(2),
            correction: 0.0,
            identity: &id,
            acl: Some((false, &nets)),
            offset_threshold: 0.1,
        };
        let r = t.evaluate(&f, &HashMap::new(), &ctx);
        let v: Vec<_> = r.devices.iter().map(|d| d.verdict).collect();
        assert_eq!(
            v,
            [
                Verdict::FollowsUs,
                Verdict::PollsNoAnswer,
                Verdict::FollowsOther,
                Verdict::NotPolling
            ]
        );
        assert_eq!(r.following(), (1, 4));
        assert_eq!(r.unknown_total, 1);
        assert_eq!(r.unknown[0].address.to_string(), "10.0.0.99");
        // 192.168.9.9 is outside `allow 10.0.0.0/24`: the likely cause.
        assert!(r.devices[3].denied_by_acl);
        assert_eq!(r.devices[0].expected_stratum, None);
        let alarms = t.alarms(&r, 1001.0);
        assert_eq!(
            alarms,
            [Alarm {
                kind: AlarmKind::RosterFollowsOther,
                what: "other".into()
            }]
        );
        // After the grace, the device never seen raises its alarm too.
        assert_eq!(t.alarms(&r, 1000.0 + NEVER_SEEN_GRACE).len(), 2);
    }

    /// A device at this server's own address (127.0.0.1 or ::1 on any
    /// port, or an address of this server) is this server: it is said so,
    /// and raises no "does not poll" alarm; another loopback address is
    /// another daemon (a lab's second chronyd), judged as any device.
    #[test]
    fn a_device_at_this_servers_own_address_is_this_server() {
        let mut id = Identity::default();
        id.add_own("10.0.0.1".parse().unwrap());
        let d = |name: &str, address: &str| Device {
            name: name.into(),
            address: address.into(),
            kind: DeviceKind::Chrony,
        };
        let f = IntentFile {
            server_addresses: vec![],
            min_poll_interval: Some(4.0),
            devices: vec![
                d("lab-self", "127.0.0.1:11123"),
                d("v6-self", "[::1]:123"),
                d("own-nic", "10.0.0.1"),
                d("lab-other", "127.0.0.2:11123"),
            ],
        };
        let mut t = Tracker::new(0.0);
        let ctx = Context {
            now: 10.0,
            clients: Some(&[]),
            stratum: Some(10),
            correction: 0.0,
            identity: &id,
            acl: None,
            offset_threshold: 0.1,
        };
        let r = t.evaluate(&f, &HashMap::new(), &ctx);
        let itself: Vec<bool> = r.devices.iter().map(|d| d.itself).collect();
        assert_eq!(itself, [true, true, true, false]);
        let alarms = t.alarms(&r, NEVER_SEEN_GRACE + 1.0);
        let named: Vec<&str> = alarms.iter().map(|a| a.what.as_str()).collect();
        assert_eq!(named, ["lab-other"]);
    }

    /// W9: six seconds after chronyd started, a device that polls every
    /// 64 s or more cannot have asked yet: "waiting", not "does not poll",
    /// until one interval has passed since chronyd (re)started.
    #[test]
    fn a_device_is_not_judged_before_one_poll_interval_has_passed() {
        let id = Identity::default();
        let f = IntentFile {
            server_addresses: vec![],
            min_poll_interval: Some(64.0),
            devices: vec![Device {
                name: "client".into(),
                address: "127.0.0.2".into(),
                kind: DeviceKind::Other,
            }],
        };
        let mut t = Tracker::new(0.0);
        let mut eval = |now: f64, clients: &[Client]| {
            let ctx = Context {
                now,
                clients: Some(clients),
                stratum: Some(10),
                correction: 0.0,
                identity: &id,
                acl: None,
                offset_threshold: 0.1,
            };
            t.evaluate(&f, &HashMap::new(), &ctx).devices[0].verdict
        };
        let others = [client("127.0.0.9", 50, 1)];
        assert_eq!(eval(6.0, &others), Verdict::Waiting);
        assert_eq!(eval(70.0, &others), Verdict::NotPolling);
        // chronyd restarted: its log counts fewer requests, and the
        // device gets one interval again.
        let restarted = [client("127.0.0.9", 1, 1)];
        assert_eq!(eval(100.0, &restarted), Verdict::Waiting);
        assert_eq!(eval(170.0, &restarted), Verdict::NotPolling);
    }

    #[test]
    fn a_client_that_stops_polling_for_three_intervals_is_silent() {
        let id = Identity::default();
        let f = intent();
        let mut t = Tracker::new(0.0);
        let mut eval = |now: f64, hits: u32, last: u32| {
            let clients = [client("10.0.0.11", hits, last)];
            let ctx = Context {
                now,
                clients: Some(&clients),
                stratum: None,
                correction: 0.0,
                identity: &id,
                acl: None,
                offset_threshold: 0.1,
            };
            let r = t.evaluate(&f, &HashMap::new(), &ctx);
            r.devices[0].polls.clone().unwrap()
        };
        // A request every 8 s.
        for i in 1..5u32 {
            let p = eval(f64::from(i * 8), i, 0);
            assert!(p.polling);
        }
        let p = eval(40.0, 4, 8);
        assert_eq!(p.interval, Some(8.0));
        assert!(p.polling);
        // 3 × 8 s later it is silent; a new request clears it.
        let p = eval(57.0, 4, 25);
        assert!(!p.polling);
        let p = eval(58.0, 5, 0);
        assert!(p.polling);
    }

    #[test]
    fn a_lost_reply_keeps_the_verdict_three_do_not() {
        let mut id = Identity::default();
        id.add_own("10.0.0.1".parse().unwrap());
        let f = intent();
        let mut t = Tracker::new(0.0);
        t.answered("pc1", 0.0, reply(0x0a00_0001, 5, 0.5));
        let clients = [client("10.0.0.11", 10, 1)];
        let ctx = Context {
            now: 1.0,
            clients: Some(&clients),
            stratum: Some(2),
            correction: 0.0,
            identity: &id,
            acl: None,
            offset_threshold: 0.1,
        };
        let r = t.evaluate(&f, &HashMap::new(), &ctx);
        assert_eq!(r.devices[0].verdict, Verdict::FollowsUs);
        assert_eq!(r.devices[0].expected_stratum, Some(3));
        assert!(r.devices[0].drifting, "0.5 s is past 0.1 s");
        for _ in 0..MAX_MISSED {
            t.missed("pc1", NoAnswer::Timeout);
        }
        let r = t.evaluate(&f, &HashMap::new(), &ctx);
        assert_eq!(r.devices[0].verdict, Verdict::FollowsUs);
        t.missed("pc1", NoAnswer::Timeout);
        let r = t.evaluate(&f, &HashMap::new(), &ctx);
        assert_eq!(r.devices[0].verdict, Verdict::PollsNoAnswer);
    }
}
