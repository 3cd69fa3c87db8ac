//! The live snapshot explained: chronyd's replies as typed fields (the
//! same `FieldId`s and `Value`s the text reader gives chronyc's output),
//! with chronyc `-c`'s text beside each for display, then judged by the
//! same rules. Sources are named as configured, resolved or not; a `?`
//! that answers takes its cause from selectdata.

use std::collections::HashMap;
use std::net::IpAddr;

use super::chronyc::{ACTIVITY, SERVERSTATS, TRACKING};
use super::field::{AuthMode, FieldId as F, Leap, SelectState, SourceAddr, Value};
use super::model::{Explained, Field, Kind};
use crate::core::cmdmon::{
    AuthData, SelectData, SourceData, SourceMode, SourceState, SourceStats, Tracking, WireAddr,
    leap_name, refid_text,
};
use crate::core::snapshot::Snapshot;

fn typed(name: F, raw: impl Into<String>, value: Value) -> Field {
    Field::typed(name, raw, value)
}

fn secs(name: F, v: f64) -> Field {
    typed(name, format!("{v:.9}"), Value::Seconds(v))
}

fn int(name: F, v: impl Into<i64>) -> Field {
    let v = v.into();
    typed(name, v.to_string(), Value::Int(v))
}

fn ppm(name: F, v: f64) -> Field {
    typed(name, format!("{v:.3}"), Value::Ppm(v))
}

fn leap(name: F, bits: u16) -> Field {
    let v = Leap::from_bits(bits).map_or(Value::Text, Value::Leap);
    typed(name, leap_name(bits), v)
}

/// What the address column says of a source: configured by IP, a name
/// not resolved yet, a reference clock.
fn source_addr(mode: SourceMode, addr: WireAddr) -> Value {
    match (mode, addr) {
        (SourceMode::RefClock, _) => Value::Source(SourceAddr::RefClock),
        (_, WireAddr::Id(_)) => Value::Source(SourceAddr::Unresolved),
        (_, WireAddr::Ip(ip)) => Value::Source(SourceAddr::Ip(ip)),
        (_, WireAddr::Unspec) => Value::Text,
    }
}

fn tracking(s: &Snapshot, t: &Tracking) -> Vec<Field> {
    // Its name or nothing: never "7F7F0101 ()".
    let refid = match crate::core::health::reference_name(s) {
        Some(n) => format!("{:08X} ({n})", t.ref_id),
        None => format!("{:08X}", t.ref_id),
    };
    let fields = vec![
        typed(F::Refid, refid, Value::RefId(t.ref_id)),
        int(F::Stratum, t.stratum),
        typed(
            F::RefTime,
            format!("{:.9}", t.ref_time),
            Value::Time(t.ref_time),
        ),
        secs(F::SystemTime, t.system_time),
        secs(F::LastOffset, t.last_offset),
        secs(F::RmsOffset, t.rms_offset),
        ppm(F::Frequency, t.frequency_ppm),
        ppm(F::ResidualFreq, t.residual_freq_ppm),
        ppm(F::Skew, t.skew_ppm),
        secs(F::RootDelay, t.root_delay),
        secs(F::RootDispersion, t.root_dispersion),
        typed(
            F::UpdateInterval,
            format!("{:.1}", t.update_interval),
            Value::Seconds(t.update_interval),
        ),
        leap(F::Leap, t.leap_status),
    ];
    debug_assert!(fields.iter().zip(TRACKING).all(|(f, (_, n))| f.name == *n));
    fields
}

fn source(x: &SourceData) -> Vec<Field> {
    let last_rx = match x.last_sample_age() {
        Some(a) => typed(F::LastRx, a.to_string(), Value::Seconds(f64::from(a))),
        None => typed(F::LastRx, "-", Value::Never),
    };
    let state = match x.state {
        SourceState::Unknown => Value::Text,
        s => Value::State(s),
    };
    let mode = match x.mode {
        SourceMode::Unknown => Value::Text,
        m => Value::Mode(m),
    };
    vec![
        typed(F::Mode, x.mode.symbol().to_string(), mode),
        typed(F::State, x.state.symbol().to_string(), state),
        // As configured (chronyc -N), resolved or not.
        typed(
            F::Address,
            x.display_name(),
            source_addr(x.mode, x.address.0),
        ),
        int(F::Stratum, x.stratum),
        int(F::Poll, x.poll),
        typed(
            F::Reach,
            format!("{:o}", x.reach),
            Value::Reach((x.reach & 0xff) as u8),
        ),
        last_rx,
        secs(F::SampleOffset, x.offset),
        secs(F::MeasuredOffset, x.measured_offset),
        secs(F::Error, x.error),
    ]
}

fn sourcestats(s: &Snapshot, x: &SourceStats) -> Vec<Field> {
    // A reference clock has no address: its refid names it.
    let (name, addr) = match x.address.0 {
        WireAddr::Unspec => (refid_text(x.ref_id), Value::Source(SourceAddr::RefClock)),
        a => (
            s.source_name(&x.address.to_string()),
            source_addr(SourceMode::Server, a),
        ),
    };
    vec![
        typed(F::Address, name, addr),
        int(F::Samples, x.samples),
        int(F::Runs, x.runs),
        typed(
            F::Span,
            x.span.to_string(),
            Value::Seconds(f64::from(x.span)),
        ),
        ppm(F::Frequency, x.frequency_ppm),
        ppm(F::FreqSkew, x.freq_skew_ppm),
        secs(F::EstOffset, x.offset),
        secs(F::StdDev, x.std_dev),
    ]
}

/// selectdata's option letters, as chronyc prints them (N, P, T, R, -).
fn options(o: u16) -> String {
    [(1, 'N'), (2, 'P'), (4, 'T'), (8, 'R')]
        .iter()
        .map(|(bit, c)| if o & bit != 0 { *c } else { '-' })
        .chain(['-'])
        .collect()
}

fn selectdata(s: &Snapshot, d: &SelectData) -> Vec<Field> {
    let (name, addr) = match d.address.0 {
        WireAddr::Ip(ip) => (
            s.source_name(&ip.to_string()),
            Value::Source(SourceAddr::Ip(ip)),
        ),
        _ => (refid_text(d.ref_id), Value::Source(SourceAddr::RefClock)),
    };
    let state = SelectState::from_letter(d.state).map_or(Value::Text, Value::Select);
    vec![
        typed(F::SelectState, d.state.to_string(), state),
        typed(F::Address, name, addr),
        typed(
            F::Auth,
            if d.authenticated { "Y" } else { "N" },
            Value::Bool(d.authenticated),
        ),
        typed(F::ConfOptions, options(d.configured_options), Value::Text),
        typed(F::EffOptions, options(d.effective_options), Value::Text),
        typed(
            F::LastSample,
            d.last_sample_ago.to_string(),
            Value::Seconds(f64::from(d.last_sample_ago)),
        ),
        typed(F::Score, format!("{:.1}", d.score), Value::Number(d.score)),
        secs(F::LoLimit, d.lo_limit),
        secs(F::HiLimit, d.hi_limit),
        leap(F::Leap, u16::from(d.leap)),
    ]
}

fn authdata(s: &Snapshot, addr: &str, a: &AuthData) -> Vec<Field> {
    let (raw, mode) = match a.mode {
        1 => ("SK", Value::Auth(AuthMode::SymmetricKey)),
        2 => ("NTS", Value::Auth(AuthMode::Nts)),
        _ => ("-", Value::Auth(AuthMode::None)),
    };
    let address = addr
        .parse::<IpAddr>()
        .map_or(Value::Text, |ip| Value::Source(SourceAddr::Ip(ip)));
    let last_ke = if a.last_ke_ago == u32::MAX {
        typed(F::LastKe, "-", Value::Never)
    } else {
        typed(
            F::LastKe,
            a.last_ke_ago.to_string(),
            Value::Seconds(f64::from(a.last_ke_ago)),
        )
    };
    vec![
        typed(F::Address, s.source_name(addr), address),
        typed(F::AuthMode, raw, mode),
        int(F::KeyId, a.key_id),
        int(F::KeyType, a.key_type),
        int(F::KeyLength, a.key_length),
        last_ke,
        int(F::KeAttempts, a.ke_attempts),
        int(F::Nak, a.nak),
        int(F::Cookies, a.cookies),
        int(F::CookieLength, a.cookie_length),
    ]
}

/// Identical rows as one, its address marked "×N": a `pool` line whose
/// name does not resolve is up to `maxsources` sources (chrony.conf(5),
/// pool: "the maximum number of sources that can be used from the pool",
/// chronyd keeps placeholders for them) that say the same thing.
fn grouped(rows: impl Iterator<Item = Vec<Field>>) -> Vec<Vec<Field>> {
    let mut out: Vec<(Vec<Field>, usize)> = Vec::new();
    for row in rows {
        match out.iter_mut().find(|(r, _)| *r == row) {
            Some((_, n)) => *n += 1,
            None => out.push((row, 1)),
        }
    }
    out.into_iter()
        .map(|(mut row, n)| {
            if n > 1
                && let Some(a) = row.iter_mut().find(|f| f.name == F::Address)
            {
                a.raw = format!("{} ×{n}", a.raw);
            }
            row
        })
        .collect()
}

/// A source chronyd never took a sample from (sources: LastRx "-";
/// sourcestats: 0 samples): its selectdata row's last sample, limits and
/// leap are chronyd's initial values.
fn never_sampled(s: &Snapshot, d: &SelectData) -> bool {
    let from_sources = s
        .sources
        .iter()
        .find(|x| x.address == d.address)
        .map(|x| x.last_sample_age().is_none());
    let from_stats = s
        .sourcestats
        .iter()
        .find(|x| x.address == d.address)
        .map(|x| x.samples == 0);
    from_sources.or(from_stats).unwrap_or(false)
}

/// Values that are no measurement: neutral, and shown as "–" with why.
fn placeholders(row: &mut [Field]) {
    use super::verdict::{Reason, Status, Why};
    for f in row.iter_mut().filter(|f| {
        matches!(
            f.name,
            F::LastSample | F::Score | F::LoLimit | F::HiLimit | F::Leap
        )
    }) {
        f.status = Status::Info;
        f.reason = Some(Reason::new(Why::NoSample));
    }
}

/// Per report, the explained snapshot. Clients are drawn from the snapshot
/// directly (there can be many thousands). Selectdata's rows are the ones
/// `chronyc selectdata` lists: sources with an address (not the ids of
/// names that do not resolve; the sources table shows those by name).
pub fn explain_snapshot(s: &Snapshot) -> HashMap<Kind, Explained> {
    let mut out = HashMap::new();
    let mut add = |kind: Kind, fields: Vec<Field>, rows: Vec<Vec<Field>>| {
        let mut e = Explained::new(kind);
        e.fields = fields;
        e.rows = rows;
        super::judge::judge_all(&mut e);
        super::diagnose::diagnose(&mut e);
        out.insert(kind, e);
    };
    if let Some(t) = &s.tracking {
        add(Kind::ChronycTracking, tracking(s, t), Vec::new());
    }
    if !s.sources.is_empty() {
        add(
            Kind::ChronycSources,
            Vec::new(),
            grouped(s.sources.iter().map(source)),
        );
    }
    if !s.sourcestats.is_empty() {
        let rows = grouped(s.sourcestats.iter().map(|x| sourcestats(s, x)));
        add(Kind::ChronycSourcestats, Vec::new(), rows);
    }
    if let Some(a) = &s.activity {
        let values = [
            a.online,
            a.offline,
            a.burst_online,
            a.burst_offline,
            a.unresolved,
        ];
        let fields = ACTIVITY
            .iter()
            .zip(values)
            .map(|((_, n), v)| int(*n, v))
            .collect();
        add(Kind::ChronycActivity, fields, Vec::new());
    }
    let listed: Vec<&SelectData> = s
        .selectdata
        .iter()
        .filter(|d| !matches!(d.address.0, WireAddr::Id(_)))
        .collect();
    if !listed.is_empty() {
        let rows = listed.iter().map(|d| selectdata(s, d)).collect();
        add(Kind::ChronycSelectdata, Vec::new(), rows);
    }
    if !s.authdata.is_empty() {
        let rows = s
            .authdata
            .iter()
            .map(|(addr, a)| authdata(s, addr, a))
            .collect();
        add(Kind::ChronycAuthdata, Vec::new(), rows);
    }
    if let Some(x) = &s.serverstats {
        let fields = SERVERSTATS
            .iter()
            .zip(x.counters())
            .map(|((_, n), v)| int(*n, i64::try_from(v).unwrap_or(i64::MAX)))
            .collect();
        add(Kind::ChronycServerstats, fields, Vec::new());
    }
    // After judging: what was never measured gets no verdict.
    if let Some(e) = out.get_mut(&Kind::ChronycSelectdata) {
        for (row, d) in e.rows.iter_mut().zip(&listed) {
            if never_sampled(s, d) {
                placeholders(row);
            }
        }
        super::diagnose::diagnose(e);
    }
    // A `?` source that answers: why chronyd does not use it, from its
    // selectdata state.
    if let Some(select) = out.get(&Kind::ChronycSelectdata).cloned()
        && let Some(sources) = out.get_mut(&Kind::ChronycSources)
    {
        super::cross::causes_from_selectdata(sources, &select);
        super::diagnose::diagnose(sources);
    }
    out
}

#[cfg(test)]
mod tests {
    //! The window's findings over snapshots like the lab's: each rule
    //! fires only on the facts it rests on (reach, state, samples,
    //! resolved or not), so no two contradict each other.
    use super::*;
    use crate::core::cmdmon::{LOCAL_REFID, WireAddrSer};
    use crate::core::explain::{Rule, Status, Why};
    use crate::i18n::{Lang, Localizer};

    fn src(addr: WireAddr, name: &str, mode: SourceMode, reach: u16) -> SourceData {
        SourceData {
            address: WireAddrSer(addr),
            poll: 6,
            stratum: if reach == 0 { 0 } else { 3 },
            state: SourceState::Unusable,
            mode,
            flags: 0,
            reach,
            last_rx: if reach == 0 { u32::MAX } else { 12 },
            offset: 0.0,
            measured_offset: 0.0,
            error: 0.0,
            name: Some(name.into()),
        }
    }

    /// chronyd's initial sourcestats for a source never sampled.
    fn no_stats(addr: WireAddr) -> SourceStats {
        SourceStats {
            ref_id: 0,
            address: WireAddrSer(addr),
            samples: 0,
            runs: 0,
            span: 0,
            frequency_ppm: 0.0,
            freq_skew_ppm: 2000.0,
            offset: 0.0,
            std_dev: 4.0,
            offset_error: 0.0,
        }
    }

    /// Serving its own clock at stratum 10 (chrony.conf(5): `local
    /// stratum 10`), nothing measured.
    fn own_clock() -> Tracking {
        Tracking {
            ref_id: LOCAL_REFID,
            stratum: 10,
            ..Tracking::default()
        }
    }

    fn peer_ip() -> WireAddr {
        WireAddr::Ip("10.0.0.124".parse().unwrap())
    }

    /// Lab note 000 in a lab with no DNS: two upstream names that do not
    /// resolve, local stratum 10; then a peer 10.0.0.124 that never answers.
    fn lab(with_peer: bool) -> Snapshot {
        let mut s = Snapshot {
            tracking: Some(own_clock()),
            sources: vec![
                src(WireAddr::Id(1), "ntp.aliyun.com", SourceMode::Server, 0),
                src(WireAddr::Id(2), "ntp1.aliyun.com", SourceMode::Server, 0),
            ],
            sourcestats: vec![no_stats(WireAddr::Id(1)), no_stats(WireAddr::Id(2))],
            ..Snapshot::default()
        };
        if with_peer {
            s.sources
                .push(src(peer_ip(), "10.0.0.124", SourceMode::Peer, 0));
            s.sourcestats.push(no_stats(peer_ip()));
            // chronyc(1), selectdata: "M" "it does not have enough
            // measurements"; chronyd's initial leap "not synchronised".
            s.selectdata.push(SelectData {
                ref_id: 0,
                address: WireAddrSer(peer_ip()),
                state: 'M',
                authenticated: false,
                leap: 3,
                configured_options: 0,
                effective_options: 0,
                last_sample_ago: 0,
                score: 1.0,
                lo_limit: 0.0,
                hi_limit: 0.0,
            });
        }
        s
    }

    fn rules(e: &Explained) -> Vec<Rule> {
        e.findings.iter().map(|f| f.rule).collect()
    }

    fn texts(e: &Explained, lang: Lang) -> Vec<String> {
        let tr = Localizer::new(lang);
        e.findings
            .iter()
            .map(|f| tr.finding_text(e.kind, f))
            .collect()
    }

    /// chronyc(1), sources: Reach 0 is no answer to any of the last eight
    /// polls; activity: "sources with unknown address" are "not resolved
    /// to an address yet". Neither answers, so "Sources answer but none is
    /// selected" cannot be said of them.
    #[test]
    fn nothing_answers_so_none_is_said_to_answer() {
        for peer in [false, true] {
            let live = explain_snapshot(&lab(peer));
            let sources = &live[&Kind::ChronycSources];
            assert!(
                !rules(sources).contains(&Rule::NoneSelected),
                "peer {peer}: {:?}",
                rules(sources)
            );
            for lang in [Lang::En, Lang::ZhCn] {
                for t in texts(sources, lang) {
                    assert!(!t.contains("Sources answer"), "{t}");
                    assert!(!t.contains("有应答但都未被选中"), "{t}");
                    // True of every release chronyd runs: no release named.
                    assert!(!t.contains("chrony 4.0"), "{t}");
                }
            }
        }
        // One source that answers (reach 377) and is not selected: now
        // the finding holds.
        let mut s = lab(false);
        s.sources.push(src(
            WireAddr::Ip("10.0.0.1".parse().unwrap()),
            "10.0.0.1",
            SourceMode::Server,
            0o377,
        ));
        let live = explain_snapshot(&s);
        assert!(rules(&live[&Kind::ChronycSources]).contains(&Rule::NoneSelected));
    }

    /// A peer that never answered: selectdata's "M" (too few
    /// measurements) is the reason, said in words; its leap "not
    /// synchronised" is chronyd's initial value, so "answers but is not
    /// synchronised itself" is never said, and its last sample, score and
    /// limits are placeholders.
    #[test]
    fn a_peer_that_never_answered_is_not_said_to_answer() {
        let live = explain_snapshot(&lab(true));
        let select = &live[&Kind::ChronycSelectdata];
        assert!(
            !rules(select).contains(&Rule::UpstreamUnsynchronised),
            "{:?}",
            rules(select)
        );
        let row = &select.rows[0];
        for name in [F::Leap, F::LastSample, F::LoLimit, F::HiLimit, F::Score] {
            let f = row.iter().find(|f| f.name == name).unwrap();
            assert!(f.placeholder(), "{name:?}: {f:?}");
            assert_eq!(f.status, Status::Info, "{name:?}");
        }
        let en = texts(select, Lang::En).join("\n");
        assert!(
            en.contains("10.0.0.124 cannot be selected now: not enough measurements"),
            "{en}"
        );
        assert!(!en.contains("beside it"), "{en}");
        assert!(!en.contains("answers but"), "{en}");
        let zh = texts(select, Lang::ZhCn).join("\n");
        assert!(zh.contains("测量次数还不够"), "{zh}");
    }

    /// Placeholders: chronyc(1) prints 0 for a source's last sample until
    /// one arrives, and sourcestats starts at "Freq Skew" 2000 ppm and
    /// "Std Dev" 4 s with "NP" 0 ("the number of sample points currently
    /// being retained"): no sample, no measurement.
    #[test]
    fn values_without_a_sample_are_placeholders() {
        let live = explain_snapshot(&lab(true));
        for row in &live[&Kind::ChronycSources].rows {
            for name in [F::SampleOffset, F::MeasuredOffset, F::Error] {
                let f = row.iter().find(|f| f.name == name).unwrap();
                assert!(f.placeholder(), "{name:?}: {f:?}");
            }
        }
        for row in &live[&Kind::ChronycSourcestats].rows {
            for name in [F::FreqSkew, F::StdDev, F::EstOffset, F::Frequency] {
                let f = row.iter().find(|f| f.name == name).unwrap();
                assert!(f.placeholder(), "{name:?}: {f:?}");
            }
        }
        // A source that answers has measurements.
        let mut s = lab(false);
        s.sources.push(src(
            WireAddr::Ip("10.0.0.1".parse().unwrap()),
            "10.0.0.1",
            SourceMode::Server,
            0o377,
        ));
        let live = explain_snapshot(&s);
        let row = live[&Kind::ChronycSources].rows.last().unwrap().clone();
        assert!(row.iter().all(|f| !f.placeholder()), "{row:?}");
    }

    /// Lab note 001's three `pool` lines in a lab with no DNS: chronyd
    /// keeps 8 placeholder sources per line, all alike. One row per name,
    /// "×8", in sources and sourcestats; the headline counts the same 8.
    #[test]
    fn a_pool_that_does_not_resolve_is_one_row() {
        let mut s = Snapshot {
            tracking: Some(own_clock()),
            ..Snapshot::default()
        };
        let mut id = 0;
        for name in ["ntp1.aliyun.com", "ntp2.aliyun.com", "ntp3.aliyun.com"] {
            for _ in 0..8 {
                id += 1;
                s.sources
                    .push(src(WireAddr::Id(id), name, SourceMode::Server, 0));
                s.sourcestats.push(no_stats(WireAddr::Id(id)));
            }
        }
        let live = explain_snapshot(&s);
        for kind in [Kind::ChronycSources, Kind::ChronycSourcestats] {
            let names: Vec<&str> = live[&kind]
                .rows
                .iter()
                .map(|r| {
                    r.iter()
                        .find(|f| f.name == F::Address)
                        .unwrap()
                        .raw
                        .as_str()
                })
                .collect();
            assert_eq!(
                names,
                [
                    "ntp1.aliyun.com ×8",
                    "ntp2.aliyun.com ×8",
                    "ntp3.aliyun.com ×8"
                ],
                "{kind:?}"
            );
        }
        s.health = crate::core::health::verdict(&s, &Default::default());
        let headline = Localizer::new(Lang::En).health_headline(&s, &s.health);
        assert!(
            headline.contains("ntp1.aliyun.com does not resolve (all 8 sources"),
            "{headline}"
        );
    }

    /// chronyc(1), tracking: "System time ... the current offset between
    /// the NTP clock and the system clock". On its own clock (or
    /// unsynchronised) there is no NTP clock: the numbers are neutral, not
    /// green; synchronised to a server they are judged.
    #[test]
    fn no_reference_no_green_numbers() {
        let unsynced = Tracking {
            ref_id: 0,
            stratum: 0,
            leap_status: 3,
            ..Tracking::default()
        };
        for t in [own_clock(), unsynced] {
            let s = Snapshot {
                tracking: Some(t),
                ..Snapshot::default()
            };
            let live = explain_snapshot(&s);
            for f in &live[&Kind::ChronycTracking].fields {
                if matches!(
                    f.name,
                    F::SystemTime | F::LastOffset | F::RmsOffset | F::Frequency | F::Skew
                ) {
                    assert_ne!(f.status, Status::Ok, "{:?}", f.name);
                    assert_eq!(f.reason.as_ref().map(|r| r.id), Some(Why::NoReference));
                }
            }
        }
        let synced = Snapshot {
            tracking: Some(Tracking {
                ref_id: 0x0A00_0001,
                address: Some("10.0.0.1".parse().unwrap()),
                stratum: 3,
                ..Tracking::default()
            }),
            ..Snapshot::default()
        };
        let live = explain_snapshot(&synced);
        let f = live[&Kind::ChronycTracking]
            .fields
            .iter()
            .find(|f| f.name == F::SystemTime)
            .unwrap();
        assert_eq!(f.status, Status::Ok);
    }
}
