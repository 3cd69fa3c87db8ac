//! The verdicts on whole reports: tracking, authdata, sourcestats, serverstats and `clients -k`.

use super::super::checks::set;
use super::super::field::{AuthMode, FieldId as F, Leap, Value};
use super::super::model::Field;
use super::super::verdict::{Reason, Status, Why};
use super::common::{OWN_CLOCK_STRATUM, int, set_named, value};
use crate::core::cmdmon::LOCAL_REFID;

/// `tracking`: at stratum 11, following a server (not its own clock), the
/// server is at 10, chrony's default `local stratum`: it most likely serves
/// its own clock (the lab notes' server seen from its client).
pub(super) fn judge_tracking(fields: &mut [Field]) {
    let follows_server =
        matches!(value(fields, F::Refid), Value::RefId(id) if id != 0 && id != LOCAL_REFID);
    // chronyc(1), tracking: System time is "the current offset between the
    // NTP clock and the system clock"; with no reference (Reference ID
    // 00000000 or the local clock's 127.127.1.1, Leap status "Not
    // synchronised") there is no NTP clock to compare with: the offsets,
    // frequency and skew are chronyd's own estimates and are shown
    // neutral, never green. The leap status it serves then is its own
    // word, not a source's (neutral too), and an update interval of 0 is
    // no update yet.
    let no_reference = matches!(value(fields, F::Refid), Value::RefId(0 | LOCAL_REFID))
        || value(fields, F::Leap) == Value::Leap(Leap::Unsynchronised);
    if no_reference {
        for f in fields.iter_mut().filter(|f| {
            matches!(
                f.name,
                F::SystemTime
                    | F::LastOffset
                    | F::RmsOffset
                    | F::Frequency
                    | F::ResidualFreq
                    | F::Skew
                    | F::UpdateInterval
                    | F::Leap
            ) && matches!(f.status, Status::Ok | Status::Info)
        }) {
            set(f, Status::Info, Reason::new(Why::NoReference));
        }
    }
    // On its own clock the root delay and dispersion (chronyd 4.3 prints
    // 0 for both for minutes) bound no error against true time: neutral,
    // never a green 0 (the window reads the reason as "unknown").
    if value(fields, F::Refid) == Value::RefId(LOCAL_REFID) {
        for f in fields.iter_mut().filter(|f| {
            matches!(f.name, F::RootDelay | F::RootDispersion)
                && matches!(f.status, Status::Ok | Status::Info)
        }) {
            set(f, Status::Info, Reason::new(Why::OwnClockNoBound));
        }
    }
    if follows_server && int(fields, F::Stratum) == Some(OWN_CLOCK_STRATUM + 1) {
        set_named(
            fields,
            F::Stratum,
            Status::Warn,
            Reason::new(Why::StratumOwnClock).arg("stratum", OWN_CLOCK_STRATUM + 1),
        );
    }
}

/// `authdata`: with NTS, key establishment that keeps failing shows as
/// attempts with no key yet and no cookies; a working one keeps 8 cookies
/// (chronyc(1), authdata).
pub(super) fn judge_authdata(row: &mut [Field]) {
    // chronyc prints 0 in the columns of an authentication the source does
    // not use (no key, no NTS): no count of anything, so no verdict.
    let mode = value(row, F::AuthMode);
    for f in row.iter_mut() {
        let why = match mode {
            Value::Auth(AuthMode::SymmetricKey) => {
                NTS_COLUMNS.contains(&f.name).then_some(Why::NotNts)
            }
            Value::Auth(AuthMode::None) => (KEY_COLUMNS.contains(&f.name)
                || NTS_COLUMNS.contains(&f.name))
            .then_some(Why::NoKey),
            _ => None,
        };
        if let Some(why) = why {
            f.status = Status::Info;
            f.reason = Some(Reason::new(why));
        }
    }
    // chronyc(1) authdata: KLen is "the length of the key in bits"; a
    // symmetric key of length 0 is one the keyfile lacks (chronyd logs
    // "Key N is missing" and cannot authenticate the source).
    if mode == Value::Auth(AuthMode::SymmetricKey) && int(row, F::KeyLength) == Some(0) {
        let key = int(row, F::KeyId).map_or_else(|| "?".to_string(), |k| k.to_string());
        set_named(
            row,
            F::KeyLength,
            Status::Bad,
            Reason::new(Why::KeyMissing).arg("key", key),
        );
    }
    if mode != Value::Auth(AuthMode::Nts) {
        return;
    }
    let never = value(row, F::LastKe) == Value::Never;
    match int(row, F::Cookies) {
        Some(0) => set_named(row, F::Cookies, Status::Bad, Reason::new(Why::NtsNoCookies)),
        Some(c) if c < 8 && !never => set_named(
            row,
            F::Cookies,
            Status::Warn,
            Reason::new(Why::NtsFewCookies).arg("count", c),
        ),
        Some(_) => set_named(row, F::Cookies, Status::Ok, Reason::new(Why::Yes)),
        None => {}
    }
}

/// authdata's columns of a symmetric key, and of NTS alone (chronyc(1),
/// authdata).
const KEY_COLUMNS: &[F] = &[F::KeyId, F::KeyType, F::KeyLength];
const NTS_COLUMNS: &[F] = &[F::KeAttempts, F::Nak, F::Cookies, F::CookieLength];

/// `sourcestats`: no samples yet (or left) for a source. Below 3 samples
/// chronyd runs no regression (sourcestats.c, MIN_SAMPLES_FOR_REGRESS):
/// the skew (2000 ppm) and standard deviation (4 s) it prints are its
/// worst-case bounds, placeholders rather than estimates.
pub(super) fn judge_sourcestats(row: &mut [Field]) {
    let n = int(row, F::Samples);
    if n.is_some_and(|n| n > 0 && n < 3) {
        set_named(row, F::Samples, Status::Info, Reason::new(Why::SamplesFew));
    }
    if n.is_some_and(|n| n < 3) {
        if n == Some(0) {
            set_named(row, F::Samples, Status::Warn, Reason::new(Why::SamplesNone));
        }
        for x in row.iter_mut().filter(|x| {
            matches!(
                x.name,
                F::EstOffset | F::StdDev | F::Frequency | F::FreqSkew
            )
        }) {
            x.status = Status::Info;
            x.reason = Some(Reason::new(if n == Some(0) {
                Why::NoSample
            } else {
                Why::SamplesFew
            }));
        }
    }
}

/// Beyond this a frequency is more than normal clocks are off (and a
/// skew more than an estimate to go by): judge/values.rs's bounds.
const FREQUENCY_NORMAL_PPM: f64 = 100.0;

/// `sourcestats`, across the rows. chronyc(1): "Frequency: This is the
/// estimated residual frequency for the server, in parts per million" and
/// "Freq Skew: This is the estimated error bounds on Freq". A residual
/// frequency is the source's rate against this clock as chronyd already
/// corrects it, not this clock's own frequency (tracking's). One beyond
/// ±100 ppm whose bounds are as wide (or wider than 100 ppm) is that
/// source's estimate still settling; a settled one while another settled
/// source keeps this clock's rate (within ±100 ppm) is that server's clock
/// running at another rate. Only when no settled source keeps this
/// clock's rate is the clock's rate itself in question (the value's own
/// verdict stays: not corrected yet, or another program adjusts it).
pub(super) fn judge_residual_frequencies(rows: &mut [Vec<Field>]) {
    let estimate = |row: &[Field]| match (value(row, F::Frequency), value(row, F::FreqSkew)) {
        (Value::Ppm(f), Value::Ppm(s)) if int(row, F::Samples).is_none_or(|n| n >= 3) => {
            Some((f, s))
        }
        _ => None,
    };
    let settling = |(f, s): (f64, f64)| s >= f.abs() || s > FREQUENCY_NORMAL_PPM;
    let estimates: Vec<Option<(f64, f64)>> = rows.iter().map(|r| estimate(r)).collect();
    for (i, row) in rows.iter_mut().enumerate() {
        let Some((f, s)) = estimates[i] else { continue };
        if f.abs() <= FREQUENCY_NORMAL_PPM {
            continue;
        }
        if settling((f, s)) {
            let samples = int(row, F::Samples).map_or_else(|| "?".to_string(), |n| n.to_string());
            let r = Reason::new(Why::ResidualFreqSettling)
                .arg("ppm", format!("{f:+.3}"))
                .arg("skew", format!("{s:.3}"))
                .arg("samples", samples);
            set_named(row, F::Frequency, Status::Warn, r);
            continue;
        }
        // The sources this clock keeps its rate with (a residual within
        // ±100 ppm, known to better than that).
        let mut keeping: Vec<f64> = estimates
            .iter()
            .enumerate()
            .filter(|(j, _)| *j != i)
            .filter_map(|(_, e)| *e)
            .filter(|(f, s)| f.abs() <= FREQUENCY_NORMAL_PPM && *s <= FREQUENCY_NORMAL_PPM)
            .map(|(f, _)| f)
            .collect();
        if keeping.is_empty() {
            continue;
        }
        keeping.sort_by(f64::total_cmp);
        let median = keeping[keeping.len() / 2];
        set_named(
            row,
            F::Frequency,
            Status::Warn,
            Reason::new(Why::ResidualFreqApart)
                .arg("ppm", format!("{f:+.3}"))
                .arg("others", format!("{median:+.3}")),
        );
    }
}

/// `serverstats`: a server that drops a large share of its NTP requests is
/// rate limiting (or out of client log memory).
pub(super) fn judge_serverstats(fields: &mut [Field]) {
    // chronyc(1) serverstats: "NTS-KE connections accepted" and
    // "Authenticated NTP packets": a client that got its keys sends NTS
    // requests at once; keys given and none came means each client's key
    // establishment failed on its side (it refused the certificate).
    if let (Some(ke), Some(0)) = (int(fields, F::NtskeAccepted), int(fields, F::AuthPackets))
        && ke > 0
    {
        set_named(
            fields,
            F::AuthPackets,
            Status::Warn,
            Reason::new(Why::NtsKeNoRequests).arg("ke", ke),
        );
    }
    let (Some(rx), Some(dropped)) = (int(fields, F::NtpReceived), int(fields, F::NtpDropped))
    else {
        return;
    };
    // chrony counts a request as received before it decides to drop it
    // (clientlog.c, CLG_LogServiceAccess: `total_hits[service]++` comes
    // before ntp_core.c asks CLG_LimitServiceRate), so the dropped are a
    // share of the received. Capped: the counters are the server's words.
    if dropped > 0 && rx > 0 {
        let share = (dropped as f64 / rx as f64).min(1.0);
        let status = if share >= 0.5 {
            Status::Bad
        } else {
            Status::Warn
        };
        set_named(
            fields,
            F::NtpDropped,
            status,
            Reason::new(Why::ServerDropping)
                .arg("drops", dropped)
                .arg("percent", format!("{:.0}", share * 100.0)),
        );
    }
}

/// `clients -k`: chronyc(1), clients: "With the -k option the last four
/// columns will show the NTS-KE accesses"; the second column is "The
/// number of NTP packets received from the client". A client that got its
/// keys sends NTS requests at once, so KE accepted and no NTP packet is a
/// client whose key establishment failed on its side, or one sent to
/// another NTP server (ntsntpserver).
pub(super) fn judge_client_nts(row: &mut [Field]) {
    if let (Some(ke), Some(0)) = (int(row, F::NtsKeHits), int(row, F::NtpHits))
        && ke > 0
    {
        set_named(
            row,
            F::NtpHits,
            Status::Warn,
            Reason::new(Why::NtsKeNoNtp).arg("ke", ke),
        );
    }
}
