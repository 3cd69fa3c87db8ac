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

/// The source has not answered and chronyd has sent it fewer than eight
/// requests (one reach register), or has just started when the count is
/// not known: "waiting will not help" would be premature.
fn polled_too_little(s: &Snapshot, d: &SelectData) -> bool {
    use crate::core::health::SourceHealth;
    s.sources
        .iter()
        .find(|x| x.address == d.address)
        .is_some_and(|src| {
            let sent = s.sent_to(src);
            SourceHealth::of(src, sent) == SourceHealth::NotYet
                || (sent.is_none() && src.reach & 0xff == 0 && s.just_started())
        })
}

/// A "no measurement at all" verdict said as "no answer yet".
fn no_answer_yet(row: &mut [Field]) {
    use super::verdict::Why;
    for f in row.iter_mut().filter(|f| f.name == F::SelectState) {
        if let Some(r) = f.reason.as_mut().filter(|r| {
            r.id == Why::SelectNoMeasurement
                && r.args.iter().any(|(k, v)| *k == "refclock" && v == "no")
        }) {
            r.id = Why::SelectNoAnswerYet;
        }
    }
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
            if polled_too_little(s, d) {
                no_answer_yet(row);
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
    super::cross::selection_verdict(out.values_mut());
    // Tracking against the sources: a selected source not followed, a
    // reference that no longer answers (the same as a paste of both).
    super::follows::apply(
        &mut out.values_mut().collect::<Vec<_>>(),
        &super::chronyd_log::Log::default(),
    );
    out
}

#[cfg(test)]
mod tests {
    use super::super::verdict::Status;
    use super::*;

    fn auth(mode: u16) -> AuthData {
        AuthData {
            mode,
            key_type: if mode == 1 { 1 } else { 0 },
            key_id: if mode == 1 { 5 } else { 0 },
            key_length: if mode == 1 { 160 } else { 0 },
            ke_attempts: 0,
            last_ke_ago: u32::MAX,
            cookies: 0,
            cookie_length: 0,
            nak: 0,
        }
    }

    /// authdata's 0 under a key a source does not have, or NTS it does
    /// not use, counts nothing: a placeholder ("–"), never green.
    #[test]
    fn authdata_of_what_a_source_does_not_use_is_no_count() {
        let s = Snapshot {
            authdata: vec![
                ("10.0.0.124".into(), auth(0)),
                ("10.0.0.125".into(), auth(1)),
            ],
            ..Snapshot::default()
        };
        let e = &explain_snapshot(&s)[&Kind::ChronycAuthdata];
        let cell =
            |row: usize, name: F| e.rows[row].iter().find(|f| f.name == name).unwrap().clone();
        let nts = [F::KeAttempts, F::Nak, F::Cookies, F::CookieLength];
        let key = [F::KeyId, F::KeyType, F::KeyLength];
        for name in key.iter().chain(&nts) {
            let f = cell(0, *name);
            assert!(f.placeholder(), "{name:?}: {f:?}");
            assert_ne!(f.status, Status::Ok, "{name:?}");
        }
        for name in nts {
            assert!(cell(1, name).placeholder(), "{name:?}");
            assert_ne!(cell(1, name).status, Status::Ok, "{name:?}");
        }
        // A key's own columns are its data.
        for name in key {
            assert!(!cell(1, name).placeholder(), "{name:?}");
        }
    }
}
