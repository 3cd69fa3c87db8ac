//! Verdicts on single values and diagnoses across fields.

use super::field::FieldId as F;
use super::model::Field;
use super::verdict::Status;
use super::verdict::{Finding, Reason, Rule, Why};

/// What an empty table means.
pub fn empty_table(rule: Rule) -> Finding {
    Finding::new(rule)
}

pub(super) fn set(f: &mut Field, status: Status, reason: Reason) {
    f.status = status;
    f.reason = Some(reason);
}

/// A duration as the tools print it, in seconds: `+123us`, `-8866ns`,
/// `11ms`, `0.000123000 seconds`, `-0.00016 sec`, `7.21 ms`, `1.5e-02`.
pub fn seconds(raw: &str) -> Option<f64> {
    let s = raw.trim().trim_start_matches('+');
    let (num, unit) = match s.find(|c: char| c.is_ascii_alphabetic() && c != 'e' && c != 'E') {
        Some(i) => (s[..i].trim(), s[i..].trim()),
        None => (s, ""),
    };
    let v: f64 = num.parse().ok()?;
    let scale = match unit.split_whitespace().next().unwrap_or("") {
        "" | "s" | "sec" | "secs" | "second" | "seconds" => 1.0,
        "ms" | "msec" => 1e-3,
        "us" | "µs" | "usec" => 1e-6,
        "ns" | "nsec" => 1e-9,
        _ => return None,
    };
    Some(v * scale)
}

/// Judges an 8-bit reach register as chronyc(1) defines it: "printed as an
/// octal number … updated on every received or missed packet", newest poll
/// in bit 0, so a 0 below a 1 is a poll missed after an answer. Zeros above
/// the oldest answer are either polls not made yet (a start) or misses; the
/// register alone cannot tell, so only a register with no 0 below its oldest
/// answer (1, 3, 7, 17, 37, 77, 177) can read as "still filling".
pub(super) fn judge_reach(f: &mut Field, v: u32) {
    let v = v & 0xff;
    match v {
        0xff => set(f, Status::Ok, Reason::new(Why::ReachFull)),
        0 => set(f, Status::Bad, Reason::new(Why::ReachZero)),
        _ if (v + 1).is_power_of_two() => set(
            f,
            Status::Ok,
            Reason::new(Why::ReachStarting).arg("answered", v.count_ones()),
        ),
        // Answered before, the last 2+ polls not: the server stopped
        // answering (loss and rate limiting leave gaps between answers).
        _ if v.trailing_zeros() >= 2 => set(
            f,
            Status::Warn,
            Reason::new(Why::ReachStopped).arg("missed", v.trailing_zeros()),
        ),
        // All seven older polls answered, only the newest not.
        0xfe => set(f, Status::Info, Reason::new(Why::ReachLastMissed)),
        // The newest missed, the ones before answered back to empty bits:
        // one miss since a start, or older misses too (036).
        _ if v & 1 == 0 && ((v >> 1) + 1).is_power_of_two() => set(
            f,
            Status::Info,
            Reason::new(Why::ReachLastMissedFilling)
                .arg("answered", v.count_ones())
                .arg("polls", v.count_ones() + 1),
        ),
        _ => set(
            f,
            Status::Warn,
            Reason::new(Why::ReachPartial).arg("answered", v.count_ones()),
        ),
    }
}

/// A chronyc poll (log2 seconds) in seconds, as written: 0.25, 1, 64.
pub(super) fn poll_seconds(p: i64) -> String {
    format!("{}", 2f64.powi(p.clamp(-10, 20) as i32))
}

pub fn check_reach(f: &mut Field) {
    if let Ok(v) = u32::from_str_radix(f.raw.trim(), 8) {
        judge_reach(f, v);
    }
}

/// A decimal reach count (Huawei shows the register as a number; some
/// firmware prints the octal digits, 377 for all eight).
pub fn check_reach_decimal(f: &mut Field) {
    if let Ok(v) = f.raw.trim().parse::<u32>() {
        // The octal forms of a full or filling register (17 = 4 polls
        // answered after a restart) would read as gaps in decimal.
        let v = match v {
            1 | 3 | 7 | 17 | 37 | 77 | 177 | 377 => {
                u32::from_str_radix(&v.to_string(), 8).unwrap_or(v)
            }
            _ => v,
        };
        judge_reach(f, v);
    }
}

/// A source that never answered has no sample: what its offset columns show
/// is a placeholder, not a measurement to judge.
pub fn unjudge_placeholder_offsets(row: &mut [Field]) {
    // chronyc(1), sources: LastRx is "how long ago the last good sample
    // ... was received": a number there, whatever the reach, is a real
    // sample (a source that stopped answering, or one set offline).
    let last_sample = row
        .iter()
        .any(|x| x.name == F::LastRx && !matches!(x.raw.trim(), "-" | "4294967295" | ""));
    let never = row
        .iter()
        .any(|x| x.name == F::Reach && x.raw.trim() == "0" && !last_sample)
        || row
            .iter()
            .any(|x| matches!(x.name, F::LastRx | F::When) && x.raw.trim() == "-");
    if !never {
        return;
    }
    // Its offsets, and the stratum, reference and leap a source that never
    // answered is listed with (0 or 16, .INIT., unsynchronised).
    for x in row.iter_mut().filter(|x| {
        matches!(
            x.name,
            F::SampleOffset
                | F::MeasuredOffset
                | F::Error
                | F::Offset
                | F::Jitter
                | F::Delay
                | F::Stratum
                | F::Refid
                | F::Reference
                | F::Leap
                | F::RefClock
                | F::Dispersion
        )
    }) {
        // A kiss code in the refid column says why nothing else came (the
        // server's refusal, or ntpd's own state after a step), not a
        // placeholder.
        if x.reason.as_ref().is_some_and(|r| r.id.is_kiss()) {
            continue;
        }
        x.status = Status::Info;
        // What ntpd and the switches print for an association before its
        // server's first answer says so itself: stratum 16 and the INIT
        // kiss code ("The association has not yet synchronized for the
        // first time", RFC 5905 7.4). chronyc's 0 is a bare placeholder.
        let raw = x.raw.trim();
        let why = match x.name {
            F::Stratum if raw == "16" => Why::StratumNoAnswer,
            F::Refid | F::Reference | F::RefClock if raw.trim_matches('.') == "INIT" => {
                Why::RefidInit
            }
            // ntpsec ntp_peer.c: `peer_clear(peer, "NTS", …)` for an NTS
            // association until its key exchange gives cookies.
            F::Refid | F::Reference | F::RefClock if raw == ".NTS." => Why::RefidNtsKe,
            _ => Why::NoSample,
        };
        x.reason = Some(Reason::new(why));
    }
    // Reach 0 with a kiss code: the server answered, refusing (or ntpd
    // cleared the association when it stepped the clock); the kiss code's
    // finding accounts for it, not "never answered".
    let kiss = row.iter_mut().find_map(|x| {
        let k = Kiss::parse(&x.raw)?;
        matches!(x.name, F::Refid | F::Reference | F::RefClock).then_some((x, k))
    });
    let Some((field, kiss)) = kiss else { return };
    let (status, reason) = kiss.verdict();
    set(field, status, reason.clone());
    // The reach, its age (an old `when` is the refusal, not a stopped
    // server), and why the source is not used (ntpq's blank tally).
    let rejected = |x: &Field| {
        x.name == F::Tally
            && x.reason
                .as_ref()
                .is_some_and(|r| r.id == Why::TallyRejected)
    };
    for x in row.iter_mut().filter(|x| {
        (x.name == F::Reach && x.status == Status::Bad)
            || (matches!(x.name, F::When | F::LastRx)
                && matches!(x.status, Status::Bad | Status::Warn))
            || rejected(x)
    }) {
        set(x, status, reason.clone());
    }
}

/// Stratum 16 (or 0) is "not synchronised"; 15 is the last a server can
/// give (its clients would be 16): a synchronisation loop climbs there.
pub fn check_stratum(f: &mut Field) {
    if let Ok(v) = f.raw.trim().parse::<u32>() {
        stratum_verdict(f, v.into());
    }
}

/// The verdict on a stratum as printed, whoever prints it.
pub fn stratum_verdict(f: &mut Field, v: i64) {
    match v {
        0 | 16.. => set(
            f,
            Status::Bad,
            Reason::new(Why::StratumUnsynchronised).arg("stratum", v),
        ),
        15 => set(
            f,
            Status::Warn,
            Reason::new(Why::StratumHigh).arg("stratum", v),
        ),
        _ => set(f, Status::Ok, Reason::new(Why::StratumOk).arg("stratum", v)),
    }
}

pub fn check_leap(f: &mut Field) {
    let l = f.raw.trim().to_ascii_lowercase();
    // selectdata's one-letter form: N, +, -, ?
    let l = match l.as_str() {
        "n" => "normal".to_string(),
        "?" => "unsync".to_string(),
        "+" => "insert".to_string(),
        "-" => "delete".to_string(),
        _ => l,
    };
    if l.contains("not sync")
        || l == "11"
        || l == "3"
        || l.contains("unsync")
        || l.contains("alarm")
    {
        set(f, Status::Bad, Reason::new(Why::LeapUnsynchronised));
    // timedatectl timesync-status says RFC 5905's words: "last minute of
    // the day has 61 seconds" (insert) or "… 59 seconds" (delete).
    } else if l.contains("insert")
        || l == "01"
        || l == "1"
        || l.contains("add")
        || l.contains("61 seconds")
    {
        set(f, Status::Warn, Reason::new(Why::LeapInsert));
    } else if l.contains("delete") || l == "10" || l == "2" || l.contains("59 seconds") {
        set(f, Status::Warn, Reason::new(Why::LeapDelete));
    } else if l.contains("normal") || l == "00" || l == "0" || l.contains("none") {
        set(f, Status::Ok, Reason::new(Why::LeapNormal));
    }
}

/// The reference: none, chronyd's own clock (`local`), a kiss code.
pub fn check_refid(f: &mut Field) {
    let r = f.raw.trim();
    let hex = r.split_whitespace().next().unwrap_or("");
    if hex == "00000000" || r == "0.0.0.0" || r == ".INIT." || r == "INIT" {
        set(f, Status::Bad, Reason::new(Why::RefidNone));
    } else if hex == "7F7F0101"
        || r.contains("LOCL")
        || r.contains("LOCAL")
        || r.starts_with("127.127.1.")
    {
        set(f, Status::Info, Reason::new(Why::RefidLocal));
    } else if let Some(kiss) = Kiss::parse(r) {
        let (status, reason) = kiss.verdict();
        set(f, status, reason);
    }
}

/// A kiss code as ntpq and switches print it in the refid column, between
/// dots (ntp's decode.html, "Kiss Codes"; RFC 5905, 7.4). INIT, "the
/// association has not yet synchronized for the first time", is read as no
/// reference at all ([`Why::RefidNone`]).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Kiss {
    /// "Access denied by remote server."
    Deny,
    /// "Access denied due to local policy."
    Rstr,
    /// "Rate exceeded. The server has temporarily denied access because
    /// the client exceeded the rate threshold."
    Rate,
    /// "Server authentication failed."
    Auth,
    /// "Cryptographic authentication or identification failed."
    Cryp,
    /// "A step change in system time has occurred, but the association has
    /// not yet resynchronized." ntpd sets it itself on every association
    /// when it steps the clock (clear_all): a passing state, no refusal.
    Step,
}

impl Kiss {
    fn parse(raw: &str) -> Option<Kiss> {
        // ntpq and Junos print `.RATE.`; Comware prints its refids bare
        // (its reference: "If this field displays INIT, …"), so `RATE`
        // there is the same kiss code.
        let raw = raw.trim();
        let code = raw
            .strip_prefix('.')
            .and_then(|c| c.strip_suffix('.'))
            .unwrap_or(raw);
        Some(match code {
            "DENY" => Kiss::Deny,
            "RSTR" => Kiss::Rstr,
            "RATE" => Kiss::Rate,
            "AUTH" => Kiss::Auth,
            "CRYP" => Kiss::Cryp,
            "STEP" => Kiss::Step,
            _ => return None,
        })
    }

    fn code(self) -> &'static str {
        match self {
            Kiss::Deny => "DENY",
            Kiss::Rstr => "RSTR",
            Kiss::Rate => "RATE",
            Kiss::Auth => "AUTH",
            Kiss::Cryp => "CRYP",
            Kiss::Step => "STEP",
        }
    }

    /// Each code's own meaning: a refusal, rate limiting and failed
    /// authentication give no time (bad); a step is waited out (warn).
    fn verdict(self) -> (Status, Reason) {
        let (status, why) = match self {
            Kiss::Deny | Kiss::Rstr => (Status::Bad, Why::KissDenied),
            Kiss::Rate => (Status::Bad, Why::KissRate),
            Kiss::Auth | Kiss::Cryp => (Status::Bad, Why::KissAuth),
            Kiss::Step => (Status::Warn, Why::KissStep),
        };
        (status, Reason::new(why).arg("code", self.code()))
    }
}

/// How an offset's size is said: the number itself, in a unit that fits.
pub fn human(v: f64) -> String {
    let a = v.abs();
    let s = if a >= 1.0 {
        format!("{a:.3} s")
    } else if a >= 1e-3 {
        format!("{:.3} ms", a * 1e3)
    } else if a >= 1e-6 {
        format!("{:.1} µs", a * 1e6)
    } else {
        format!("{:.0} ns", a * 1e9)
    };
    if v < 0.0 { format!("-{s}") } else { s }
}

/// An offset in seconds: under 1 ms fine for a LAN, under 100 ms worth a
/// look, above that wrong.
pub fn check_offset(f: &mut Field, value: Option<f64>) {
    let Some(v) = value.or_else(|| seconds(&f.raw)) else {
        return;
    };
    let a = v.abs();
    let r = |w| Reason::new(w).arg("value", human(a));
    if a < 1e-3 {
        set(f, Status::Ok, r(Why::OffsetSmall));
    } else if a < 0.1 {
        set(f, Status::Warn, r(Why::OffsetMedium));
    } else {
        set(f, Status::Bad, r(Why::OffsetLarge));
    }
}

/// The system clock against NTP time, `correction` as chronyd reports it
/// (positive: the clock is behind, "slow"; chronyc(1), tracking).
pub fn check_system_time(f: &mut Field, correction: f64) {
    let a = correction.abs();
    let why = if correction > 0.0 {
        Why::ClockSlow
    } else {
        Why::ClockFast
    };
    let status = if a < 1e-3 {
        Status::Ok
    } else if a < 0.1 {
        Status::Warn
    } else {
        Status::Bad
    };
    // chrony.conf(5): maxslewrate defaults to 83333.333 ppm, so slewing
    // closes an offset in at least a / 0.0833 s; "makestep 1 3" steps only
    // offsets above its 1 s threshold. A step is advice only from there.
    let slew = a / (MAX_SLEW_RATE_PPM * 1e-6);
    let step = if a > MAKESTEP_THRESHOLD { "yes" } else { "no" };
    set(
        f,
        status,
        Reason::new(why)
            .arg("value", human(a))
            .arg("slew", human(slew))
            .arg("step", step),
    );
}

/// chrony.conf(5) maxslewrate's default, ppm.
const MAX_SLEW_RATE_PPM: f64 = 83_333.333;
/// The threshold of the “makestep 1 3” the advice names, seconds.
const MAKESTEP_THRESHOLD: f64 = 1.0;

pub fn check_dispersion(f: &mut Field, value: Option<f64>) {
    if let Some(v) = value.or_else(|| seconds(&f.raw)) {
        if v >= 1.0 {
            set(
                f,
                Status::Bad,
                Reason::new(Why::DispersionLarge).arg("value", human(v)),
            );
        } else {
            f.status = Status::Ok;
        }
    }
}

/// The clock's frequency error: normal clocks stay within ±100 ppm; chronyd
/// corrects at most ±500 ppm (`maxdrift`, chrony.conf(5)).
pub fn check_frequency(f: &mut Field) {
    if let Some(v) = first_number(&f.raw) {
        let a = v.abs();
        let (status, why) = if a >= 500.0 {
            (Status::Bad, Why::FrequencyLimit)
        } else if a > 100.0 {
            (Status::Warn, Why::FrequencyHigh)
        } else {
            (Status::Ok, Why::FrequencyNormal)
        };
        set(f, status, Reason::new(why).arg("ppm", format!("{a:.3}")));
    }
}

/// NTS-KE attempts since the last successful key establishment: more than 1
/// is a problem with the network or server (chronyc(1), authdata).
pub fn judge_ke_attempts(f: &mut Field, n: u64) {
    match n {
        0 | 1 => f.status = Status::Ok,
        n => set(
            f,
            Status::Bad,
            Reason::new(Why::NtsKeAttempts).arg("count", n),
        ),
    }
}

pub fn judge_nak(f: &mut Field, n: u64) {
    match n {
        0 => f.status = Status::Ok,
        n => set(f, Status::Warn, Reason::new(Why::NtsNak).arg("count", n)),
    }
}

pub fn judge_drops(f: &mut Field, n: u64) {
    match n {
        0 => set(f, Status::Ok, Reason::new(Why::DropsZero)),
        n => set(
            f,
            Status::Warn,
            Reason::new(Why::DropsRateLimited).arg("drops", n),
        ),
    }
}

/// LastRx: `-` never; older than 8 polls is stale.
pub fn check_last_rx(f: &mut Field, poll: Option<i32>) {
    let r = f.raw.trim();
    if r == "-" || r == "4294967295" {
        set(f, Status::Bad, Reason::new(Why::LastRxNever));
        return;
    }
    let secs = parse_interval(r);
    if let (Some(s), Some(p)) = (secs, poll) {
        // Whole seconds: below 1 s polling a 1 is rounding.
        let limit = (8.0 * 2f64.powi(p)).max(1.0);
        if s > limit {
            set(
                f,
                Status::Warn,
                Reason::new(Why::LastRxStale).arg("polls", (s / 2f64.powi(p)).round()),
            );
        } else {
            f.status = Status::Ok;
        }
    }
}

/// chronyc's intervals: `58`, `17m`, `3h`, `2d`, `4y`.
pub fn parse_interval(r: &str) -> Option<f64> {
    let (n, unit) = r.split_at(r.find(|c: char| c.is_ascii_alphabetic()).unwrap_or(r.len()));
    let v: f64 = n.parse().ok()?;
    Some(
        v * match unit {
            "" => 1.0,
            "m" => 60.0,
            "h" => 3600.0,
            "d" => 86400.0,
            "y" => 365.0 * 86400.0,
            _ => return None,
        },
    )
}

/// ntpq's tally code (ntpq(1), "peers"); Junos and EOS print the same.
/// `#` is a backup: a survivor not among the first six, not combined.
pub fn check_tally(f: &mut Field) {
    use Why::*;
    let (status, id) = match f.raw.trim() {
        "*" | "o" => (Status::Ok, TallySysPeer),
        "+" => (Status::Ok, TallyCandidate),
        "#" => (Status::Ok, TallyBackup),
        "-" => (Status::Warn, TallyOutlier),
        "x" => (Status::Bad, TallyFalseticker),
        "" | "." | " " => (Status::Warn, TallyRejected),
        _ => return,
    };
    set(f, status, Reason::new(id));
}

/// Which legend a Cisco `show ntp associations` prints under its table.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum CiscoLegend {
    /// Old IOS: "* master (synced), # master (unsynced), + selected,
    /// - candidate, ~ configured".
    Master,
    /// IOS-XE (ntpd's tally codes): "* sys.peer, # selected, + candidate,
    /// - outlyer, x falseticker, ~ configured".
    SysPeer,
}

impl CiscoLegend {
    /// The legend the paste prints, if it has one.
    pub fn find(lines: &[&str]) -> Option<CiscoLegend> {
        lines.iter().find_map(|l| {
            let l = l.to_ascii_lowercase();
            if l.contains("# master") {
                Some(CiscoLegend::Master)
            } else if l.contains("# selected") || l.contains("* sys.peer") {
                Some(CiscoLegend::SysPeer)
            } else {
                None
            }
        })
    }
}

/// IOS `show ntp associations`, read by the old IOS legend ("# master
/// (unsynced)"); `x` falseticker. `~` only says the association was
/// configured, not how it fares.
pub fn check_cisco_tally(f: &mut Field) {
    check_cisco_tally_by(f, Some(CiscoLegend::Master));
}

/// The tally read by the paste's legend. Without one, `#` is read as old
/// IOS's unsynced master, unless the caller saw a `*` row: the old legend
/// has one master, so a `#` beside a synced one is IOS-XE's "selected".
pub fn check_cisco_tally_by(f: &mut Field, legend: Option<CiscoLegend>) {
    use Why::*;
    let r = f.raw.trim_end_matches('~').trim();
    let (status, id) = match (r, legend) {
        ("*", _) => (Status::Ok, TallySysPeer),
        ("#", Some(CiscoLegend::SysPeer)) => (Status::Ok, TallyBackup),
        ("#", _) => (Status::Warn, SwitchUnsynchronized),
        ("-", Some(CiscoLegend::SysPeer)) => (Status::Warn, TallyOutlier),
        ("+" | "-", _) => (Status::Ok, TallyCandidate),
        ("x", _) => (Status::Bad, TallyFalseticker),
        _ => (Status::Warn, TallyRejected),
    };
    set(f, status, Reason::new(id));
}

/// A row the selection left out (no tally mark, "rejected") whose reach
/// register shows the last poll answered: the server answers, so
/// "unreachable" is not the cause (ntpq(1), peers: a blank tally is
/// "discarded as not valid"; reach is the last eight polls). The reason
/// says so (`answers`), and the texts leave unreachability out.
pub fn rejected_but_answering(row: &mut [Field]) {
    let answers = row.iter().any(|f| {
        f.name == F::Reach && u32::from_str_radix(f.raw.trim(), 8).is_ok_and(|v| v & 1 == 1)
    });
    if !answers {
        return;
    }
    for f in row.iter_mut().filter(|f| f.name == F::Tally) {
        if f.reason
            .as_ref()
            .is_some_and(|r| r.id == Why::TallyRejected)
        {
            f.reason = Some(Reason::new(Why::TallyRejected).arg("answers", "yes"));
        }
    }
}

/// IOS's words for an association in `show ntp associations detail`:
/// `our_master, sane, valid`, `selected`, `candidate`, `outlyer`,
/// `falseticker`, `insane`, `invalid`, `unsynced`.
pub fn check_cisco_assoc_state(f: &mut Field) {
    use Why::*;
    let l = f.raw.to_ascii_lowercase();
    let words: Vec<&str> = l.split([',', ' ']).filter(|w| !w.is_empty()).collect();
    let has = |w: &[&str]| words.iter().any(|x| w.contains(x));
    let (status, id) = if has(&["falseticker"]) {
        (Status::Bad, TallyFalseticker)
    } else if has(&["insane", "invalid", "unsynced", "reject"]) {
        (Status::Bad, SwitchRejected)
    } else if has(&["our_master", "sys.peer", "sys_peer"]) {
        (Status::Ok, TallySysPeer)
    } else if has(&["outlyer", "outlier"]) {
        (Status::Warn, TallyOutlier)
    } else if has(&["selected", "candidate"]) {
        (Status::Ok, TallyCandidate)
    } else {
        (Status::Warn, TallyRejected)
    };
    set(f, status, Reason::new(id));
}

pub fn check_switch_status(f: &mut Field) {
    use Why::*;
    let l = f.raw.trim().to_ascii_lowercase();
    if l.contains("unsynchron") || l.contains("not synchron") || l.contains("unsynchronised") {
        set(f, Status::Bad, Reason::new(SwitchUnsynchronized));
    } else if l.contains("synchron") {
        set(f, Status::Ok, Reason::new(SwitchSynchronized));
    } else if l.contains("reject") || l.contains("insane") || l.contains("invalid") {
        set(f, Status::Bad, Reason::new(SwitchRejected));
    } else if l.contains("select") || l.contains("sys.peer") || l.contains("master") {
        set(f, Status::Ok, Reason::new(SwitchSelected));
    } else if l.contains("candidate") || l.contains("sane") || l.contains("valid") {
        set(f, Status::Ok, Reason::new(SwitchCandidate));
    }
}

pub fn check_yes_no(f: &mut Field, good: bool) {
    let l = f.raw.trim().to_ascii_lowercase();
    let yes = matches!(l.as_str(), "yes" | "active" | "true" | "1");
    let no = matches!(l.as_str(), "no" | "inactive" | "false" | "0");
    if yes || no {
        let ok = yes == good;
        set(
            f,
            if ok { Status::Ok } else { Status::Bad },
            Reason::new(if yes { Why::Yes } else { Why::No }),
        );
    }
}

/// `RTC in local TZ: yes` (timedatectl(1) itself warns: DST changes and
/// dual boots make the hardware clock wrong).
pub fn check_rtc_local(f: &mut Field) {
    let l = f.raw.trim().to_ascii_lowercase();
    if matches!(l.as_str(), "yes" | "true" | "1") {
        set(f, Status::Warn, Reason::new(Why::RtcLocal));
    } else if matches!(l.as_str(), "no" | "false" | "0") {
        set(f, Status::Ok, Reason::new(Why::No));
    }
}

/// H3C/HPE Comware session flags `[12345]` (Comware NTP command reference,
/// `display ntp-service sessions`): 1 the system's current reference
/// source, 2 stratum 15 or less, 3 survived the clock selection, 4 a
/// candidate, 5 created by configuration. `answers`: the session's reach
/// is above 0.
pub fn check_h3c_flags(f: &mut Field, answers: bool) {
    use Why::*;
    let has = |c: char| f.raw.contains(c);
    let (status, why) = if has('1') {
        (Status::Ok, SwitchSelected)
    } else if has('3') || has('4') {
        (Status::Ok, SwitchCandidate)
    } else if answers && has('2') {
        // It answers at a usable stratum: what it lacks is the selection
        // (3) and candidacy (4), never reachability.
        (Status::Warn, SwitchNotSurvived)
    } else {
        // Configured (5) only, or a stratum above 15 (no 2): not usable.
        (Status::Warn, TallyRejected)
    };
    set(f, status, Reason::new(why));
}

pub fn first_number(raw: &str) -> Option<f64> {
    raw.split(|c: char| !(c.is_ascii_digit() || c == '.' || c == '-' || c == '+' || c == 'e'))
        .find_map(|w| w.parse::<f64>().ok())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn reach(raw: &str) -> (Status, Option<Why>) {
        let mut f = Field::info("reach", raw);
        check_reach(&mut f);
        (f.status, f.reason.map(|r| r.id))
    }

    // chronyc(1)/ntpq(1): the register's bit 0 is the newest poll.
    #[test]
    fn a_register_ending_in_zeros_stopped_answering_a_gap_is_loss() {
        for raw in ["300", "340", "360", "370", "374", "250"] {
            assert_eq!(reach(raw), (Status::Warn, Some(Why::ReachStopped)), "{raw}");
        }
        for raw in ["357", "273", "177", "17"] {
            let want = if raw.len() < 3 || raw == "177" {
                Why::ReachStarting
            } else {
                Why::ReachPartial
            };
            assert_eq!(reach(raw).1, Some(want), "{raw}");
        }
        assert_eq!(reach("376"), (Status::Info, Some(Why::ReachLastMissed)));
        assert_eq!(
            reach("176"),
            (Status::Info, Some(Why::ReachLastMissedFilling))
        );
        assert_eq!(reach("356").1, Some(Why::ReachPartial));
    }

    /// chronyc(1): "the source's reachability register printed as an octal
    /// number. The register has 8 bits and is updated on every received or
    /// missed packet"; bit 0 is the newest poll. Every value, judged by
    /// walking its bits rather than by the arithmetic the judge uses.
    #[test]
    fn every_reach_register_is_read_as_chronyc_defines_it() {
        for v in 0u32..=255 {
            let bits: Vec<bool> = (0..8).map(|i| v >> i & 1 == 1).collect(); // [0] newest
            let answered = bits.iter().filter(|b| **b).count();
            let oldest_answer = bits.iter().rposition(|b| *b);
            // A 0 between the newest poll and the oldest answer: a poll
            // missed after the source had answered.
            let missed_after_answer: Vec<usize> = match oldest_answer {
                Some(o) => (0..o).filter(|i| !bits[*i]).collect(),
                None => vec![],
            };
            let newest_missed_run = bits.iter().take_while(|b| !**b).count();
            let want = if answered == 8 {
                (Status::Ok, Why::ReachFull)
            } else if answered == 0 {
                (Status::Bad, Why::ReachZero)
            } else if missed_after_answer.is_empty() {
                (Status::Ok, Why::ReachStarting)
            } else if newest_missed_run >= 2 {
                (Status::Warn, Why::ReachStopped)
            } else if missed_after_answer == [0] && answered == 7 {
                (Status::Info, Why::ReachLastMissed)
            } else if missed_after_answer == [0] {
                (Status::Info, Why::ReachLastMissedFilling)
            } else {
                (Status::Warn, Why::ReachPartial)
            };
            let raw = format!("{v:o}");
            let mut f = Field::info("reach", &raw);
            check_reach(&mut f);
            let got = f.reason.expect("judged");
            assert_eq!((f.status, got.id), want, "reach {raw}");
            // A register with a miss after an answer never reads as clean.
            if !missed_after_answer.is_empty() {
                assert_ne!(f.status, Status::Ok, "reach {raw}");
            }
            // The answered count it reports is the register's own.
            if let Some(n) = got.args.iter().find(|(k, _)| *k == "answered") {
                assert_eq!(n.1, answered.to_string(), "reach {raw}");
            }
        }
        // R33: 036 at a slow poll is no longer "the earlier ones were answered".
        assert_eq!(reach("36").1, Some(Why::ReachLastMissedFilling));
    }

    // Huawei prints the register in decimal (255), some firmware octal:
    // 17 after a restart is four answered polls either way, not gaps.
    #[test]
    fn a_decimal_register_in_its_octal_filling_form_is_still_filling() {
        for raw in ["17", "37", "15", "255", "377"] {
            let mut f = Field::info("reach", raw);
            check_reach_decimal(&mut f);
            assert_eq!(f.status, Status::Ok, "{raw}");
        }
    }
}
