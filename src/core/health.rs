//! The one verdict on a time server, decided from a snapshot: which alarms
//! are raised (with the thresholds the exported Prometheus rules use,
//! `export::alerts::Thresholds`) and the state they add up to. The
//! Overview's headline, the status bar, desktop notifications, `stratum
//! status` (its text, JSON and exit code), the metrics and the alert rules
//! all say what [`verdict`] says; "healthy" is impossible while an alarm is
//! raised.

pub use crate::core::alarm::{Alarm, AlarmKind, Health, HealthState};
use crate::core::cmdmon::{LOCAL_REFID, SourceData, SourceMode, SourceState, refid_text};
use crate::core::export::alerts::Thresholds;
use crate::core::snapshot::Snapshot;

/// The most alarms a snapshot carries (one per source at worst).
pub const MAX_ALARMS: usize = 64;

crate::id_enum! {
    /// How one source fares, from chronyd's own facts (chronyc(1),
    /// `sources`): its address, its state symbol and its reach register,
    /// each read for what it says. `?` is "unusable", and a reach of 0
    /// means none of the last eight polls was answered: a source may be
    /// unusable although it answers every poll.
    pub enum SourceHealth {
        /// `*`: the system synchronises to it.
        Selected = "selected",
        /// `+` or `-`: selectable (combined or not).
        Usable = "usable",
        /// chronyd has no address for its name (an `ID#` address).
        Unresolved = "unresolved",
        /// Not answered yet, and polled fewer than eight times (reach 0
        /// says nothing of polls not sent yet).
        NotYet = "not-yet",
        /// None of the last eight polls answered (reach 0).
        Silent = "silent",
        /// `?` although it answers: chronyd cannot use its answers
        /// (unsynchronised, too far, `noselect`, an orphan peer…).
        Unusable = "unusable",
        /// `x`: it disagrees with the majority.
        Falseticker = "falseticker",
        /// `~`: its time varies too much.
        Jittery = "jittery",
    }
}

impl SourceHealth {
    /// `sent`: the requests chronyd has sent it (ntpdata), when known.
    pub fn of(s: &SourceData, sent: Option<u32>) -> SourceHealth {
        if s.unresolved() {
            return SourceHealth::Unresolved;
        }
        match s.state {
            SourceState::Selected => SourceHealth::Selected,
            SourceState::Combined | SourceState::NotCombined => SourceHealth::Usable,
            SourceState::Falseticker => SourceHealth::Falseticker,
            SourceState::Jittery => SourceHealth::Jittery,
            // chronyc(1): reach is "the last eight transmissions".
            SourceState::Unusable | SourceState::Unknown if s.reach & 0xff == 0 => match sent {
                Some(n) if n < 8 => SourceHealth::NotYet,
                _ => SourceHealth::Silent,
            },
            SourceState::Unusable | SourceState::Unknown => SourceHealth::Unusable,
        }
    }

    /// Nothing comes from it: no address, or no answer.
    pub fn no_answer(self) -> bool {
        matches!(
            self,
            SourceHealth::Unresolved | SourceHealth::NotYet | SourceHealth::Silent
        )
    }

    /// chronyd may select it (or has).
    pub fn usable(self) -> bool {
        matches!(self, SourceHealth::Selected | SourceHealth::Usable)
    }
}

/// A reference clock that stopped: no sample in two polls, or chronyd
/// calls it unusable (as explain's "reference clock lost").
fn refclock_lost(src: &SourceData) -> bool {
    let poll = 2f64.powi(i32::from(src.poll));
    let silent = src
        .last_sample_age()
        .is_none_or(|age| f64::from(age) > 2.0 * poll.max(1.0));
    silent || src.state == SourceState::Unusable
}

/// Unsynchronised while a source is still giving its first answers (its
/// reach register filling from the right: 1, 3, 7, 17…): chronyd selects
/// after a few samples, so this is progress, not an alarm.
fn first_answers_coming(s: &Snapshot) -> bool {
    let any_selected = s.sources.iter().any(|x| x.state == SourceState::Selected);
    !any_selected
        && s.sources.iter().any(|x| {
            let r = u32::from(x.reach & 0xff);
            r != 0 && r != 0xff && (r + 1).is_power_of_two()
        })
}

/// The verdict on a snapshot: every alarm raised, worst first, and the
/// state they add up to.
pub fn verdict(s: &Snapshot, t: &Thresholds) -> Health {
    let mut out: Vec<Alarm> = Vec::new();
    let mut add = |kind, what: String| {
        if out.len() < MAX_ALARMS && !out.iter().any(|a| a.kind == kind && a.what == what) {
            out.push(Alarm { kind, what });
        }
    };
    let now = s.time;
    let mut starting = false;
    match &s.tracking {
        // chronyd just started and has not opened its socket yet: a step
        // of the start, not silence.
        None if s.starting => starting = true,
        None => add(
            AlarmKind::ChronydSilent,
            s.error.map(|e| e.id().to_string()).unwrap_or_default(),
        ),
        Some(tr) => {
            let own_clock = tr.ref_id == LOCAL_REFID && (1..16).contains(&tr.stratum);
            let unsynchronised =
                !own_clock && (tr.stratum == 0 || tr.stratum >= 16 || tr.leap_status == 3);
            if (own_clock || unsynchronised) && first_answers_coming(s) {
                starting = true;
            } else if own_clock {
                add(AlarmKind::OwnClock, tr.stratum.to_string());
            } else if unsynchronised {
                add(AlarmKind::Unsynchronised, String::new());
            } else {
                if tr.stratum > u16::from(t.max_stratum) {
                    add(AlarmKind::StratumHigh, tr.stratum.to_string());
                }
                let off = tr.system_time.abs();
                if off > t.offset_crit {
                    add(AlarmKind::OffsetCritical, format!("{off:.3} s"));
                } else if off > t.offset_warn {
                    add(AlarmKind::OffsetLarge, format!("{off:.3} s"));
                }
            }
        }
    }
    for src in &s.sources {
        let name = src.display_name();
        if src.mode == SourceMode::RefClock {
            if refclock_lost(src) {
                add(AlarmKind::RefclockLost, name);
            }
            continue;
        }
        // A pool's addresses share its name: one alarm for the name.
        match SourceHealth::of(src, s.sent_to(src)) {
            SourceHealth::Unresolved => add(AlarmKind::SourceUnresolved, name),
            SourceHealth::NotYet | SourceHealth::Silent if !starting => {
                add(AlarmKind::SourceUnreachable, name)
            }
            _ => {}
        }
    }
    // NTS-KE attempts since the last successful key establishment: more
    // than one "indicates a problem with the network or server"
    // (chronyc(1), authdata).
    for (addr, a) in &s.authdata {
        if a.mode == 2 && a.ke_attempts > 1 {
            add(AlarmKind::NtsFailing, s.source_name(addr));
        }
    }
    for c in s.nts_certs.iter().filter(|c| !c.unreadable) {
        let left = c.not_after as f64 - now;
        if left <= 0.0 {
            add(AlarmKind::CertificateExpired, c.path.clone());
        } else if left < f64::from(t.cert_days) * 86400.0 {
            add(AlarmKind::CertificateExpiring, c.path.clone());
        }
    }
    if let Some(l) = &s.leap_list {
        if l.problem.is_some() {
            add(AlarmKind::LeapListUnusable, l.path.clone());
        } else if (l.expires as f64 - now) < f64::from(t.leap_days) * 86400.0 {
            add(AlarmKind::LeapListExpiring, l.path.clone());
        }
    }
    // The roster's devices (their alarms decided with the roster's own
    // grace for a device never seen polling).
    for a in s.roster.iter().flat_map(|r| &r.alarms) {
        add(a.kind, a.what.clone());
    }
    // Worst first; among equals, in the order of AlarmKind (the time
    // service itself before its sources, its sources before its files).
    out.sort_by_key(|a| (!a.critical(), a.kind));
    let state = if out.iter().any(Alarm::critical) {
        HealthState::Critical
    } else if !out.is_empty() {
        HealthState::Warning
    } else if starting {
        HealthState::Starting
    } else {
        HealthState::Healthy
    };
    Health { state, alarms: out }
}

/// One configured name and how its sources fare (a pool's addresses
/// together: the best of them, and how many there are).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NamedSource {
    pub name: String,
    pub health: SourceHealth,
    pub count: usize,
    /// Requests sent to its addresses so far (ntpdata), when known.
    pub sent: Option<u32>,
}

/// The NTP sources (reference clocks aside) grouped by their configured
/// name, in chronyd's order, each with the best state among its addresses.
pub fn by_name(s: &Snapshot) -> Vec<NamedSource> {
    let mut out: Vec<NamedSource> = Vec::new();
    for src in s.sources.iter().filter(|s| s.mode != SourceMode::RefClock) {
        let name = src.display_name();
        let sent = s.sent_to(src);
        let h = SourceHealth::of(src, sent);
        match out.iter_mut().find(|n| n.name.eq_ignore_ascii_case(&name)) {
            Some(n) => {
                n.count += 1;
                // Declaration order is best first.
                n.health = n.health.min(h);
                n.sent = match (n.sent, sent) {
                    (Some(a), Some(b)) => Some(a.saturating_add(b)),
                    (a, b) => a.or(b),
                };
            }
            None => out.push(NamedSource {
                name,
                health: h,
                count: 1,
                sent,
            }),
        }
    }
    out
}

/// Why no upstream is used.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Upstreams {
    /// No NTP source is configured.
    None,
    /// None answers: each name and why (no address, no answer).
    Silent(Vec<NamedSource>),
    /// Some answer, none can be used: the ones that cannot, and why.
    Unusable(Vec<NamedSource>),
}

impl Upstreams {
    pub fn of(s: &Snapshot) -> Upstreams {
        let named = by_name(s);
        if named.is_empty() {
            Upstreams::None
        } else if named.iter().all(|n| n.health.no_answer()) {
            Upstreams::Silent(named)
        } else {
            let unusable: Vec<NamedSource> = named
                .iter()
                .filter(|n| !n.health.usable())
                .cloned()
                .collect();
            // All selectable and none selected (waiting for more): name them.
            Upstreams::Unusable(if unusable.is_empty() { named } else { unusable })
        }
    }
}

/// What the verdict says first, with the facts its sentence names.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Headline {
    /// No alarm: synchronised to this reference at this stratum.
    Healthy { reference: String, stratum: u16 },
    /// Waiting for the first answers.
    Starting,
    /// chronyd does not answer.
    Silent,
    /// Serving its own clock at this stratum, and why no upstream is used.
    OwnClock { stratum: u16, upstreams: Upstreams },
    /// Not synchronised, and why no upstream is used.
    Unsynchronised { upstreams: Upstreams },
    /// The worst alarm, any other.
    Alarm(Alarm),
}

/// The reference the clock follows, as people name it: the configured
/// name of the source at its address, a reference clock's refid, or
/// nothing (never an empty "()").
pub fn reference_name(s: &Snapshot) -> Option<String> {
    let t = s.tracking.as_ref()?;
    match t.address {
        Some(ip) => Some(s.source_name(&ip.to_string())),
        None if t.ref_id == LOCAL_REFID || t.ref_id == 0 => None,
        None => Some(refid_text(t.ref_id)),
    }
}

/// Serving its own clock with no source configured at all: an isolated
/// server, as the user chose it (the app's first-run default), not a
/// fault. With upstreams configured and none answering it stays an alarm.
pub fn own_clock_by_choice(s: &Snapshot) -> bool {
    s.sources.is_empty()
        && s.tracking
            .as_ref()
            .is_some_and(|t| t.ref_id == LOCAL_REFID && (1..16).contains(&t.stratum))
}

/// The alarms a person is told of (status bar, notifications): the
/// verdict's, without serving its own clock when that was the choice.
pub fn alarms_to_tell(s: &Snapshot) -> Vec<Alarm> {
    let chosen = own_clock_by_choice(s);
    s.health
        .alarms
        .iter()
        .filter(|a| !(chosen && a.kind == AlarmKind::OwnClock))
        .cloned()
        .collect()
}

/// The headline of a snapshot judged as `health`.
pub fn headline(s: &Snapshot, health: &Health) -> Headline {
    let stratum = s.tracking.as_ref().map_or(0, |t| t.stratum);
    match health.alarms.first() {
        None if health.state == HealthState::Starting => Headline::Starting,
        None => Headline::Healthy {
            reference: reference_name(s).unwrap_or_default(),
            stratum,
        },
        Some(a) => match a.kind {
            AlarmKind::ChronydSilent => Headline::Silent,
            AlarmKind::OwnClock => Headline::OwnClock {
                stratum,
                upstreams: Upstreams::of(s),
            },
            AlarmKind::Unsynchronised => Headline::Unsynchronised {
                upstreams: Upstreams::of(s),
            },
            _ => Headline::Alarm(a.clone()),
        },
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::cmdmon::{Tracking, WireAddr, WireAddrSer};

    fn source(addr: WireAddr, name: &str, state: SourceState, reach: u16) -> SourceData {
        SourceData {
            address: WireAddrSer(addr),
            poll: 6,
            stratum: 2,
            state,
            mode: SourceMode::Server,
            flags: 0,
            reach,
            last_rx: if reach == 0 { u32::MAX } else { 10 },
            offset: 0.0,
            measured_offset: 0.0,
            error: 0.001,
            name: Some(name.into()),
        }
    }

    fn tracking(ref_id: u32, stratum: u16) -> Tracking {
        Tracking {
            ref_id,
            address: None,
            stratum,
            leap_status: if stratum == 0 { 3 } else { 0 },
            ..Tracking::default()
        }
    }

    fn kinds(h: &Health) -> Vec<AlarmKind> {
        h.alarms.iter().map(|a| a.kind).collect()
    }

    #[test]
    fn offsets_stratum_and_files_raise_alarms_at_the_exported_thresholds() {
        let t = Thresholds::default();
        let snap = |system_time: f64, stratum: u16| Snapshot {
            time: 1000.0,
            tracking: Some(Tracking {
                system_time,
                stratum,
                ref_id: 0xC000_0201,
                address: Some("192.0.2.1".parse().unwrap()),
                ..Tracking::default()
            }),
            leap_list: Some(crate::core::leap::LeapListSummary {
                path: "/l".into(),
                expires: 1000 + 86400,
                next_leap: None,
                problem: None,
            }),
            ..Snapshot::default()
        };
        assert_eq!(
            kinds(&verdict(&snap(0.001, 2), &t)),
            [AlarmKind::LeapListExpiring]
        );
        assert_eq!(
            kinds(&verdict(&snap(-0.5, 2), &t))[0],
            AlarmKind::OffsetLarge,
            "0.5 s is above 0.1 s"
        );
        assert_eq!(
            kinds(&verdict(&snap(2.0, 2), &t))[0],
            AlarmKind::OffsetCritical
        );
        assert_eq!(
            kinds(&verdict(&snap(0.0, 12), &t))[0],
            AlarmKind::StratumHigh
        );
        let unsynced = verdict(&snap(0.0, 0), &t);
        assert_eq!(kinds(&unsynced)[0], AlarmKind::Unsynchronised);
        assert_eq!(unsynced.state, HealthState::Critical);
    }

    /// The first lab note's server with no DNS: two names that never
    /// resolve (a pool gives several ids), `local stratum 10`.
    fn own_clock_without_dns() -> Snapshot {
        Snapshot {
            tracking: Some(tracking(LOCAL_REFID, 10)),
            sources: vec![
                source(WireAddr::Id(1), "ntp.aliyun.com", SourceState::Unusable, 0),
                source(WireAddr::Id(2), "cn.pool.ntp.org", SourceState::Unusable, 0),
                source(WireAddr::Id(3), "cn.pool.ntp.org", SourceState::Unusable, 0),
            ],
            ..Snapshot::default()
        }
    }

    /// W5 finding 3: a peer polled twice since chronyd started has an
    /// empty reach register, but no eight polls went unanswered: "not
    /// yet". After eight requests it is silent.
    #[test]
    fn a_source_polled_fewer_than_eight_times_has_not_answered_yet() {
        let peer = source(
            WireAddr::Ip("10.0.0.124".parse().unwrap()),
            "10.0.0.124",
            SourceState::Unusable,
            0,
        );
        let snap = |sent: Vec<(String, u32)>| Snapshot {
            tracking: Some(tracking(LOCAL_REFID, 10)),
            sources: vec![peer.clone()],
            sent,
            ..Snapshot::default()
        };
        let named = |s: &Snapshot| by_name(s).remove(0);
        let two = snap(vec![("10.0.0.124".into(), 2)]);
        assert_eq!(named(&two).health, SourceHealth::NotYet);
        assert_eq!(named(&two).sent, Some(2));
        let eight = snap(vec![("10.0.0.124".into(), 8)]);
        assert_eq!(named(&eight).health, SourceHealth::Silent);
        // Not asked (an older helper): what the register says.
        assert_eq!(named(&snap(Vec::new())).health, SourceHealth::Silent);
        // Either way chronyd serves its own clock because it does not
        // answer: the headline names it as not answering.
        assert!(matches!(
            headline(&two, &verdict(&two, &Thresholds::default())),
            Headline::OwnClock {
                upstreams: Upstreams::Silent(_),
                ..
            }
        ));
    }

    #[test]
    fn a_server_on_its_own_clock_with_names_that_do_not_resolve_is_not_healthy() {
        let s = own_clock_without_dns();
        let h = verdict(&s, &Thresholds::default());
        assert_eq!(h.state, HealthState::Warning);
        assert_eq!(
            h.alarms,
            [
                Alarm {
                    kind: AlarmKind::OwnClock,
                    what: "10".into()
                },
                Alarm {
                    kind: AlarmKind::SourceUnresolved,
                    what: "ntp.aliyun.com".into()
                },
                Alarm {
                    kind: AlarmKind::SourceUnresolved,
                    what: "cn.pool.ntp.org".into()
                },
            ],
            "one alarm per name, not per id"
        );
        let Headline::OwnClock {
            stratum,
            upstreams: Upstreams::Silent(named),
        } = headline(&s, &h)
        else {
            panic!("{:?}", headline(&s, &h));
        };
        assert_eq!(stratum, 10);
        assert_eq!(
            named
                .iter()
                .map(|n| (n.name.as_str(), n.health, n.count))
                .collect::<Vec<_>>(),
            [
                ("ntp.aliyun.com", SourceHealth::Unresolved, 1),
                ("cn.pool.ntp.org", SourceHealth::Unresolved, 2)
            ]
        );
        assert_eq!(reference_name(&s), None, "no name, never \"()\"");
    }

    #[test]
    fn healthy_only_without_alarms_and_a_source_selected() {
        let ip = WireAddr::Ip("127.0.0.1".parse().unwrap());
        let mut s = Snapshot {
            tracking: Some(Tracking {
                address: Some("127.0.0.1".parse().unwrap()),
                ..tracking(0x7F00_0001, 2)
            }),
            sources: vec![source(ip, "upstream.lab", SourceState::Selected, 0xff)],
            ..Snapshot::default()
        };
        let h = verdict(&s, &Thresholds::default());
        assert_eq!(h.state, HealthState::Healthy);
        assert_eq!(
            headline(&s, &h),
            Headline::Healthy {
                reference: "upstream.lab".into(),
                stratum: 2
            }
        );
        // A second configured name that does not resolve: a warning.
        s.sources.push(source(
            WireAddr::Id(1),
            "ntp.invalid",
            SourceState::Unusable,
            0,
        ));
        let h = verdict(&s, &Thresholds::default());
        assert_eq!(h.state, HealthState::Warning);
        assert_eq!(kinds(&h), [AlarmKind::SourceUnresolved]);
    }

    #[test]
    fn first_answers_are_progress_and_a_source_that_answers_unusably_is_no_silence() {
        let ip = WireAddr::Ip("192.0.2.1".parse().unwrap());
        // Two answers so far, nothing selected yet.
        let s = Snapshot {
            tracking: Some(tracking(0, 0)),
            sources: vec![source(ip, "192.0.2.1", SourceState::Unusable, 0o3)],
            ..Snapshot::default()
        };
        let h = verdict(&s, &Thresholds::default());
        assert_eq!((h.state, h.alarms.len()), (HealthState::Starting, 0));
        assert_eq!(headline(&s, &h), Headline::Starting);
        // Every poll answered, still `?`: unusable, not unreachable
        // (chronyc(1): 377 means the last eight polls were answered).
        let s = Snapshot {
            tracking: Some(tracking(0, 0)),
            sources: vec![source(ip, "192.0.2.1", SourceState::Unusable, 0o377)],
            ..Snapshot::default()
        };
        let h = verdict(&s, &Thresholds::default());
        assert_eq!(kinds(&h), [AlarmKind::Unsynchronised]);
        assert_eq!(
            headline(&s, &h),
            Headline::Unsynchronised {
                upstreams: Upstreams::Unusable(vec![NamedSource {
                    name: "192.0.2.1".into(),
                    health: SourceHealth::Unusable,
                    count: 1,
                    sent: None,
                }])
            }
        );
    }

    #[test]
    fn an_isolated_server_says_no_upstream_is_configured() {
        let s = Snapshot {
            tracking: Some(tracking(LOCAL_REFID, 10)),
            ..Snapshot::default()
        };
        let h = verdict(&s, &Thresholds::default());
        assert_eq!(kinds(&h), [AlarmKind::OwnClock]);
        assert_eq!(
            headline(&s, &h),
            Headline::OwnClock {
                stratum: 10,
                upstreams: Upstreams::None
            }
        );
    }

    proptest::proptest! {
        /// Whatever chronyd reports: "healthy" only with no alarm, and
        /// "critical" exactly when an alarm is critical; the worst first.
        #[test]
        fn healthy_is_impossible_while_an_alarm_is_raised(
            stratum in 0u16..20,
            local in proptest::bool::ANY,
            leap in 0u16..4,
            offset in -3.0f64..3.0,
            states in proptest::collection::vec((0u8..7, 0u16..256, proptest::bool::ANY), 0..6),
        ) {
            let all = [
                SourceState::Selected,
                SourceState::Combined,
                SourceState::NotCombined,
                SourceState::Unusable,
                SourceState::Falseticker,
                SourceState::Jittery,
                SourceState::Unknown,
            ];
            let sources = states
                .iter()
                .enumerate()
                .map(|(i, (st, reach, unresolved))| {
                    let addr = if *unresolved {
                        WireAddr::Id(i as u32 + 1)
                    } else {
                        WireAddr::Ip(std::net::IpAddr::from([192, 0, 2, i as u8 + 1]))
                    };
                    source(addr, &format!("s{i}"), all[usize::from(*st)], *reach)
                })
                .collect();
            let s = Snapshot {
                tracking: Some(Tracking {
                    ref_id: if local { LOCAL_REFID } else { 0xC000_0201 },
                    stratum,
                    leap_status: leap,
                    system_time: offset,
                    ..Tracking::default()
                }),
                sources,
                ..Snapshot::default()
            };
            let h = verdict(&s, &Thresholds::default());
            proptest::prop_assert_eq!(h.state == HealthState::Healthy, h.alarms.is_empty() && h.state != HealthState::Starting);
            proptest::prop_assert_eq!(h.state == HealthState::Critical, h.alarms.iter().any(Alarm::critical));
            if let Some(first) = h.alarms.first() {
                proptest::prop_assert_eq!(first.critical(), h.alarms.iter().any(Alarm::critical));
            }
        }
    }

    #[test]
    fn a_chronyd_still_starting_is_progress_not_silence() {
        let s = Snapshot {
            error: Some(crate::core::codes::ErrorCode::ChronydUnreachable),
            starting: true,
            ..Snapshot::default()
        };
        let h = verdict(&s, &Thresholds::default());
        assert_eq!((h.state, h.alarms.len()), (HealthState::Starting, 0));
        assert_eq!(headline(&s, &h), Headline::Starting);
    }

    #[test]
    fn no_snapshot_from_chronyd_is_critical() {
        let s = Snapshot {
            error: Some(crate::core::codes::ErrorCode::ChronydUnreachable),
            ..Snapshot::default()
        };
        let h = verdict(&s, &Thresholds::default());
        assert_eq!(h.state, HealthState::Critical);
        assert_eq!(headline(&s, &h), Headline::Silent);
    }
}
