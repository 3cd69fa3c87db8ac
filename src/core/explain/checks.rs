//! Verdicts on single values and diagnoses across fields.

use super::{Explained, Field, Finding, Kind, Reason, Status};

/// Every reason id (`why-<id>` in the catalogue).
pub const REASONS: &[&str] = &[
    "reach-full",
    "reach-zero",
    "reach-partial",
    "reach-starting",
    "no-sample",
    "state-selected",
    "state-combined",
    "state-not-combined",
    "state-unusable",
    "state-falseticker",
    "state-jittery",
    "select-excluded",
    "stratum-ok",
    "stratum-unsynchronised",
    "stratum-local",
    "leap-normal",
    "leap-unsynchronised",
    "leap-pending",
    "refid-none",
    "refid-local",
    "offset-small",
    "offset-medium",
    "offset-large",
    "offset-beyond-error",
    "last-rx-never",
    "last-rx-stale",
    "drops-zero",
    "drops-rate-limited",
    "dispersion-large",
    "frequency-large",
    "skew-large",
    "tally-sys-peer",
    "tally-candidate",
    "tally-outlier",
    "tally-falseticker",
    "tally-rejected",
    "kiss-code",
    "switch-synchronized",
    "switch-unsynchronized",
    "switch-selected",
    "switch-rejected",
    "switch-candidate",
    "yes",
    "no",
    "nts-failing",
];

/// Every finding rule (`finding-<rule>` in the catalogue) and its severity.
pub const FINDINGS: &[(&str, Status)] = &[
    ("not-synchronised", Status::Bad),
    ("no-upstream-reachable", Status::Bad),
    ("some-unreachable", Status::Warn),
    ("unknown-address", Status::Bad),
    ("falseticker", Status::Warn),
    ("single-source", Status::Warn),
    ("none-selected", Status::Bad),
    ("large-offset", Status::Bad),
    ("serving-local-clock", Status::Info),
    ("clients-rate-limited", Status::Warn),
    ("ntp-service-inactive", Status::Bad),
    ("source-rejected", Status::Warn),
    ("reference-vs-system-time", Status::Info),
    ("peer-same-stratum", Status::Warn),
    ("no-clients-yet", Status::Info),
    ("no-sources", Status::Bad),
];

fn finding(rule: &'static str) -> Finding {
    let severity = FINDINGS
        .iter()
        .find(|(r, _)| *r == rule)
        .map(|(_, s)| *s)
        .unwrap_or_else(|| panic!("finding {rule} not listed"));
    Finding {
        rule,
        severity,
        args: Vec::new(),
    }
}

/// What an empty table means.
pub fn empty_table(rule: &'static str) -> Finding {
    finding(rule)
}

fn set(f: &mut Field, status: Status, reason: Reason) {
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

/// Judges an 8-bit reach register (newest poll in bit 0). Loss is a 0
/// *after* the first answer; a register still filling from the right after
/// a start (1, 3, 7, 17, 37, 77, 177) has lost nothing.
fn judge_reach(f: &mut Field, v: u32) {
    let v = v & 0xff;
    match v {
        0xff => set(f, Status::Ok, Reason::new("reach-full")),
        0 => set(f, Status::Bad, Reason::new("reach-zero")),
        _ if (v + 1).is_power_of_two() => set(
            f,
            Status::Ok,
            Reason::new("reach-starting").arg("answered", v.count_ones()),
        ),
        _ => set(
            f,
            Status::Warn,
            Reason::new("reach-partial").arg("answered", v.count_ones()),
        ),
    }
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
        judge_reach(f, if v == 377 { 0xff } else { v });
    }
}

/// A source that never answered has no sample: what its offset columns show
/// is a placeholder, not a measurement to judge.
pub fn unjudge_placeholder_offsets(row: &mut [Field]) {
    let never = row.iter().any(|x| x.name == "reach" && x.raw.trim() == "0")
        || row
            .iter()
            .any(|x| matches!(x.name, "last-rx" | "when") && x.raw.trim() == "-");
    if !never {
        return;
    }
    for x in row.iter_mut().filter(|x| {
        matches!(
            x.name,
            "sample-offset" | "measured-offset" | "error" | "offset" | "jitter" | "delay"
        )
    }) {
        x.status = Status::Info;
        x.reason = Some(Reason::new("no-sample"));
    }
}

pub fn check_state(f: &mut Field) {
    let (status, id) = match f.raw.trim() {
        // selectdata's letters: why a source is not selected.
        "N" | "w" | "W" | "T" | "P" | "U" | "O" => (Status::Info, "select-excluded"),
        "s" | "M" | "d" | "D" | "S" => (Status::Warn, "select-excluded"),
        "*" => (Status::Ok, "state-selected"),
        "+" => (Status::Ok, "state-combined"),
        "-" => (Status::Info, "state-not-combined"),
        "?" => (Status::Bad, "state-unusable"),
        "x" => (Status::Bad, "state-falseticker"),
        "~" => (Status::Warn, "state-jittery"),
        _ => return,
    };
    set(f, status, Reason::new(id));
}

pub fn check_stratum(f: &mut Field) {
    let Ok(v) = f.raw.trim().parse::<u32>() else {
        return;
    };
    match v {
        0 | 16.. => set(
            f,
            Status::Bad,
            Reason::new("stratum-unsynchronised").arg("stratum", v),
        ),
        1..=15 => set(f, Status::Ok, Reason::new("stratum-ok").arg("stratum", v)),
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
        set(f, Status::Bad, Reason::new("leap-unsynchronised"));
    } else if l.contains("insert") || l.contains("delete") || l == "01" || l == "10" {
        set(f, Status::Warn, Reason::new("leap-pending"));
    } else if l.contains("normal") || l == "00" || l == "0" || l.contains("none") {
        set(f, Status::Ok, Reason::new("leap-normal"));
    }
}

pub fn check_refid(f: &mut Field) {
    let r = f.raw.trim();
    let hex = r.split_whitespace().next().unwrap_or("");
    if hex == "00000000" || r == "0.0.0.0" || r == ".INIT." {
        set(f, Status::Bad, Reason::new("refid-none"));
    } else if hex == "7F7F0101"
        || r.contains("LOCL")
        || r.starts_with("127.127.1.")
        || r == ".LOCL."
    {
        set(f, Status::Info, Reason::new("refid-local"));
    } else if r.starts_with('.')
        && r.ends_with('.')
        && ["DENY", "RSTR", "RATE", "STEP", "AUTH", "CRYP"]
            .iter()
            .any(|k| r.contains(k))
    {
        set(f, Status::Bad, Reason::new("kiss-code").arg("code", r));
    }
}

/// An offset in seconds: under 1 ms fine for a LAN, under 100 ms worth a
/// look, above that wrong.
pub fn check_offset(f: &mut Field, value: Option<f64>) {
    let Some(v) = value.or_else(|| seconds(&f.raw)) else {
        return;
    };
    let a = v.abs();
    if a < 1e-3 {
        set(f, Status::Ok, Reason::new("offset-small"));
    } else if a < 0.1 {
        set(f, Status::Warn, Reason::new("offset-medium"));
    } else {
        set(f, Status::Bad, Reason::new("offset-large"));
    }
}

pub fn check_dispersion(f: &mut Field, value: Option<f64>) {
    if let Some(v) = value.or_else(|| seconds(&f.raw)) {
        if v >= 1.0 {
            set(f, Status::Bad, Reason::new("dispersion-large"));
        } else {
            f.status = Status::Ok;
        }
    }
}

pub fn check_frequency(f: &mut Field) {
    if let Some(v) = first_number(&f.raw) {
        if v.abs() > 500.0 {
            set(f, Status::Bad, Reason::new("frequency-large"));
        } else {
            f.status = Status::Ok;
        }
    }
}

pub fn check_skew(f: &mut Field) {
    if let Some(v) = first_number(&f.raw) {
        if v.abs() > 100.0 {
            set(f, Status::Warn, Reason::new("skew-large"));
        } else {
            f.status = Status::Ok;
        }
    }
}

/// NTS: key establishment attempts since the last success, or NAKs.
pub fn check_nts_trouble(f: &mut Field) {
    match f.raw.trim().parse::<u64>() {
        Ok(0) => f.status = Status::Ok,
        Ok(n) => set(f, Status::Warn, Reason::new("nts-failing").arg("count", n)),
        Err(_) => {}
    }
}

pub fn check_drops(f: &mut Field) {
    match f.raw.trim().parse::<u64>() {
        Ok(0) => set(f, Status::Ok, Reason::new("drops-zero")),
        Ok(n) => set(
            f,
            Status::Warn,
            Reason::new("drops-rate-limited").arg("drops", n),
        ),
        Err(_) => {}
    }
}

/// LastRx: `-` never; older than 8 polls is stale.
pub fn check_last_rx(f: &mut Field, poll: Option<i32>) {
    let r = f.raw.trim();
    if r == "-" || r == "4294967295" {
        set(f, Status::Bad, Reason::new("last-rx-never"));
        return;
    }
    let secs = parse_interval(r);
    if let (Some(s), Some(p)) = (secs, poll) {
        let limit = 8.0 * 2f64.powi(p);
        if s > limit {
            set(
                f,
                Status::Warn,
                Reason::new("last-rx-stale").arg("polls", (s / 2f64.powi(p)).round()),
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

/// ntpq's tally code.
pub fn check_tally(f: &mut Field) {
    let (status, id) = match f.raw.trim() {
        "*" | "o" => (Status::Ok, "tally-sys-peer"),
        "+" | "#" => (Status::Ok, "tally-candidate"),
        "-" => (Status::Warn, "tally-outlier"),
        "x" => (Status::Bad, "tally-falseticker"),
        "" | "." | " " => (Status::Warn, "tally-rejected"),
        _ => return,
    };
    set(f, status, Reason::new(id));
}

/// Cisco-style association markers (`*~`, `+~`, `x~`, ` ~`).
pub fn check_cisco_tally(f: &mut Field) {
    let r = f.raw.trim_end_matches('~').trim();
    let (status, id) = match r {
        "*" => (Status::Ok, "tally-sys-peer"),
        "+" | "#" => (Status::Ok, "tally-candidate"),
        "-" => (Status::Warn, "tally-outlier"),
        "x" => (Status::Bad, "tally-falseticker"),
        _ => (Status::Warn, "tally-rejected"),
    };
    set(f, status, Reason::new(id));
}

/// IOS's words for an association in `show ntp associations detail`:
/// `our_master, sane, valid`, `selected`, `candidate`, `outlyer`,
/// `falseticker`, `insane`, `invalid`, `unsynced`.
pub fn check_cisco_assoc_state(f: &mut Field) {
    let l = f.raw.to_ascii_lowercase();
    let words: Vec<&str> = l.split([',', ' ']).filter(|w| !w.is_empty()).collect();
    let has = |w: &[&str]| words.iter().any(|x| w.contains(x));
    let (status, id) = if has(&["falseticker"]) {
        (Status::Bad, "tally-falseticker")
    } else if has(&["insane", "invalid", "unsynced", "reject"]) {
        (Status::Bad, "switch-rejected")
    } else if has(&["our_master", "sys.peer", "sys_peer"]) {
        (Status::Ok, "tally-sys-peer")
    } else if has(&["outlyer", "outlier"]) {
        (Status::Warn, "tally-outlier")
    } else if has(&["selected", "candidate"]) {
        (Status::Ok, "tally-candidate")
    } else {
        (Status::Warn, "tally-rejected")
    };
    set(f, status, Reason::new(id));
}

pub fn check_switch_status(f: &mut Field) {
    let l = f.raw.trim().to_ascii_lowercase();
    if l.contains("unsynchron") || l.contains("not synchron") || l.contains("unsynchronised") {
        set(f, Status::Bad, Reason::new("switch-unsynchronized"));
    } else if l.contains("synchron") {
        set(f, Status::Ok, Reason::new("switch-synchronized"));
    } else if l.contains("reject") || l.contains("insane") || l.contains("invalid") {
        set(f, Status::Bad, Reason::new("switch-rejected"));
    } else if l.contains("select") || l.contains("sys.peer") || l.contains("master") {
        set(f, Status::Ok, Reason::new("switch-selected"));
    } else if l.contains("candidate") || l.contains("sane") || l.contains("valid") {
        set(f, Status::Ok, Reason::new("switch-candidate"));
    }
}

pub fn check_yes_no(f: &mut Field, good: bool) {
    let l = f.raw.trim().to_ascii_lowercase();
    let yes = matches!(l.as_str(), "yes" | "active" | "true");
    let no = matches!(l.as_str(), "no" | "inactive" | "false");
    if yes || no {
        let ok = yes == good;
        set(
            f,
            if ok { Status::Ok } else { Status::Bad },
            Reason::new(if yes { "yes" } else { "no" }),
        );
    }
}

pub fn first_number(raw: &str) -> Option<f64> {
    raw.split(|c: char| !(c.is_ascii_digit() || c == '.' || c == '-' || c == '+' || c == 'e'))
        .find_map(|w| w.parse::<f64>().ok())
}

fn field<'a>(fields: &'a [Field], name: &str) -> Option<&'a Field> {
    fields.iter().find(|f| f.name == name)
}

/// Diagnoses across fields.
pub fn diagnose(e: &mut Explained) {
    let mut out = Vec::new();
    let f = &e.fields;
    let bad = |name: &str| field(f, name).is_some_and(|x| x.status == Status::Bad);
    match e.kind {
        Kind::ChronycTracking => {
            if bad("refid") || bad("stratum") || bad("leap") {
                out.push(finding("not-synchronised"));
            }
            if field(f, "refid")
                .is_some_and(|x| x.reason.as_ref().is_some_and(|r| r.id == "refid-local"))
            {
                out.push(finding("serving-local-clock"));
            }
            if bad("system-time") {
                out.push(finding("large-offset"));
            }
        }
        Kind::ChronycSources
        | Kind::NtpqPeers
        | Kind::JunosShowNtpAssociations
        | Kind::AristaShowNtpAssociations
        | Kind::CiscoShowNtpAssociations
        | Kind::CiscoShowNtpAssociationsDetail
        | Kind::NxosShowNtpPeerStatus
        | Kind::H3cNtpServiceSessions
        | Kind::HuaweiNtpServiceSessions
        | Kind::ShowNtpServer => {
            let rows = &e.rows;
            let marker = |r: &Vec<Field>| {
                r.iter()
                    .find(|x| {
                        matches!(
                            x.name,
                            "state" | "tally" | "status" | "flags" | "assoc-state"
                        )
                    })
                    .map(|x| x.status)
            };
            let reach_zero = |r: &Vec<Field>| {
                r.iter()
                    .any(|x| x.name == "reach" && x.status == Status::Bad)
            };
            let selected = rows.iter().any(|r| {
                marker(r) == Some(Status::Ok)
                    && r.iter().any(|x| {
                        matches!(
                            x.reason.as_ref().map(|r| r.id),
                            Some("state-selected" | "tally-sys-peer" | "switch-selected")
                        )
                    })
            });
            let dead: Vec<String> = rows
                .iter()
                .filter(|r| reach_zero(r))
                .filter_map(|r| {
                    r.iter()
                        .find(|x| matches!(x.name, "address" | "remote" | "name"))
                        .map(|x| x.raw.trim().to_string())
                })
                .collect();
            if !rows.is_empty() && rows.iter().all(reach_zero) {
                out.push(finding("no-upstream-reachable"));
            } else {
                if !dead.is_empty() {
                    let mut x = finding("some-unreachable");
                    x.args.push(("sources", dead.join(", ")));
                    x.args.push(("count", dead.len().to_string()));
                    out.push(x);
                }
                if !rows.is_empty() && !selected {
                    out.push(finding("none-selected"));
                }
            }
            if rows.iter().any(|r| {
                r.iter().any(|x| {
                    matches!(
                        x.reason.as_ref().map(|r| r.id),
                        Some("state-falseticker" | "tally-falseticker")
                    )
                })
            }) {
                out.push(finding("falseticker"));
            }
            if rows.iter().any(|r| {
                r.iter()
                    .any(|x| matches!(x.reason.as_ref().map(|r| r.id), Some("switch-rejected")))
            }) {
                out.push(finding("source-rejected"));
            }
            let upstreams = rows
                .iter()
                .filter(|r| !r.iter().any(|x| x.name == "mode" && x.raw == "#"))
                .count();
            if upstreams == 1 {
                out.push(finding("single-source"));
            }
            // A peer that serves at our own stratum (a pair uses 8 and 9).
            let peer_strata: Vec<&str> = rows
                .iter()
                .filter(|r| r.iter().any(|x| x.name == "mode" && x.raw == "="))
                .filter_map(|r| {
                    r.iter()
                        .find(|x| x.name == "stratum")
                        .map(|x| x.raw.as_str())
                })
                .collect();
            // Peers synchronised to an upstream take their stratum from it:
            // equal strata matter only while they serve their local clocks.
            let upstream_selected = rows.iter().any(|r| {
                r.iter().any(|x| x.name == "mode" && x.raw == "^")
                    && r.iter()
                        .any(|x| x.reason.as_ref().is_some_and(|r| r.id == "state-selected"))
            });
            if !upstream_selected
                && peer_strata.len() > 1
                && peer_strata.windows(2).any(|w| w[0] == w[1])
            {
                out.push(finding("peer-same-stratum"));
            }
        }
        Kind::ChronycActivity if field(f, "unresolved").is_some_and(|x| x.raw.trim() != "0") => {
            let mut x = finding("unknown-address");
            x.args
                .push(("count", field(f, "unresolved").unwrap().raw.clone()));
            out.push(x);
        }
        Kind::ChronycClients
            if e.rows.iter().any(|r| {
                r.iter()
                    .any(|x| x.name == "ntp-drops" && x.status == Status::Warn)
            }) =>
        {
            out.push(finding("clients-rate-limited"));
        }
        Kind::Ntpstat
        | Kind::AristaShowNtpStatus
        | Kind::CiscoShowNtpStatus
        | Kind::HuaweiNtpServiceStatus
        | Kind::H3cNtpServiceStatus
        | Kind::NtpqRv
        | Kind::JunosShowNtpStatus => {
            let unsynced = f.iter().any(|x| {
                matches!(x.name, "sync-status" | "clock-status" | "leap" | "stratum")
                    && x.status == Status::Bad
            });
            if unsynced {
                out.push(finding("not-synchronised"));
            }
            if field(f, "reference-time").is_some() && field(f, "current-time").is_some() {
                out.push(finding("reference-vs-system-time"));
            }
        }
        Kind::Timedatectl => {
            if bad("clock-synchronized") {
                out.push(finding("not-synchronised"));
            }
            if bad("ntp-service") {
                out.push(finding("ntp-service-inactive"));
            }
        }
        _ => {}
    }
    e.findings = out;
}
