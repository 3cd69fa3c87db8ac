//! chronyd's own messages in a paste (`chronyd -d` in the foreground, or
//! the journal pasted above the tables): the ones that name the cause for
//! a source. nts_ke_session.c logs "Could not connect to LABEL : ERROR"
//! and nts_ke_client.c "Could not connect to LABEL" when the TCP
//! connection to a server's NTS-KE port fails; LABEL is "ADDRESS:PORT
//! (NAME)". Without key establishment chronyd has no cookies and sends no
//! NTP request, so the source's reach stays 0 for a reason no firewall
//! on UDP 123 explains. reference.c logs "Adjustment of X seconds exceeds
//! the allowed maximum of Y seconds (ignored)" (or "(exiting)") when an
//! update's offset is over `maxchange`: the clock is not corrected, for a
//! reason no source or network explains.

use std::net::IpAddr;

use super::field::{FieldId as F, SourceAddr, Value};
use super::model::{Explained, Kind, field};
use super::verdict::{Reason, Status, Why};

/// The messages read at most: a paste is capped in size, its lines are
/// not, and one per source is all that matters.
const MAX_FAILURES: usize = 64;

/// One failed NTS-KE connection as chronyd logged it.
#[derive(Debug, PartialEq)]
pub(super) struct KeFailure {
    pub address: String,
    pub port: Option<u16>,
    pub name: Option<String>,
    pub error: Option<String>,
}

impl KeFailure {
    fn about(&self, row: &[super::model::Field]) -> bool {
        let Some(f) = field(row, F::Address) else {
            return false;
        };
        match f.value {
            Value::Source(SourceAddr::Ip(ip)) => self.address.parse::<IpAddr>() == Ok(ip),
            _ => {
                let shown = f.raw.trim();
                shown == self.address || self.name.as_deref() == Some(shown)
            }
        }
    }
}

/// The NTS-KE connection failures logged in `text`.
pub(super) fn nts_ke_failures(text: &str) -> Vec<KeFailure> {
    text.lines()
        .filter_map(parse_line)
        .take(MAX_FAILURES)
        .collect()
}

fn parse_line(line: &str) -> Option<KeFailure> {
    let (_, rest) = line.split_once("Could not connect to ")?;
    // ntp_signd.c's "Could not connect to signd socket PATH" is not NTS-KE.
    if rest.starts_with("signd ") {
        return None;
    }
    let (label, error) = match rest.split_once(" : ") {
        Some((l, e)) => (
            l.trim(),
            Some(e.trim().to_string()).filter(|e| !e.is_empty()),
        ),
        None => (rest.trim(), None),
    };
    let (sock, name) = match label.split_once(" (") {
        Some((s, n)) => (s.trim(), n.strip_suffix(')').map(str::to_string)),
        None => (label, None),
    };
    // UTI_IPSockAddrToString: "[::1]:4460" for IPv6, "a.b.c.d:4460" else.
    let (address, port) = match sock.strip_prefix('[') {
        Some(v6) => {
            let (a, p) = v6.split_once("]:")?;
            (a, p)
        }
        None => sock.rsplit_once(':')?,
    };
    address.parse::<IpAddr>().ok()?;
    Some(KeFailure {
        address: address.to_string(),
        port: port.parse().ok(),
        name,
        error,
    })
}

/// An update chronyd refused for `maxchange` (reference.c,
/// `is_offset_ok`), as its last such log line in the paste says.
#[derive(Debug, Clone, PartialEq)]
pub(super) struct Ignored {
    /// The correction chronyd would have made, seconds, as logged.
    pub adjustment: String,
    /// maxchange's maximum, seconds, as logged.
    pub maximum: String,
    /// "(exiting)": the count of offsets to ignore ran out, chronyd exited.
    pub exiting: bool,
}

/// The last `maxchange` message in `text` (the latest state of chronyd).
pub(super) fn ignored_update(text: &str) -> Option<Ignored> {
    text.lines().rev().find_map(parse_ignored)
}

fn parse_ignored(line: &str) -> Option<Ignored> {
    let (_, rest) = line.split_once("Adjustment of ")?;
    let (adjustment, rest) = rest.split_once(" seconds exceeds the allowed maximum of ")?;
    let (maximum, rest) = rest.split_once(" seconds (")?;
    let exiting = match rest.trim_end().strip_suffix(')')? {
        "ignored" => false,
        "exiting" => true,
        _ => return None,
    };
    // Numbers as chronyd prints them ("%.3f"): nothing else is quoted.
    let number = |s: &str| {
        s.parse::<f64>()
            .ok()
            .filter(|v| v.is_finite())
            .map(|_| s.to_string())
    };
    Some(Ignored {
        adjustment: number(adjustment.trim())?,
        maximum: number(maximum.trim())?,
        exiting,
    })
}

/// What chronyd's own log lines in a paste say beyond one source's cause.
#[derive(Debug, Default)]
pub(super) struct Log {
    /// The last `maxchange` message.
    pub ignored: Option<Ignored>,
    /// A failed step or clock adjustment.
    pub control: Option<ClockControl>,
    /// sources.c: "Can't synchronise: no required source in selectable
    /// sources": sources with `require` (authselectmode mix gives it to
    /// authenticated ones) are not selectable, so no source may be.
    pub no_required: bool,
    /// An NTS-KE connection failed: that source has no keys.
    pub nts_ke_failed: bool,
}

impl Log {
    pub fn read(text: &str) -> Log {
        Log {
            ignored: ignored_update(text),
            control: clock_control(text),
            no_required: text
                .lines()
                .any(|l| l.contains("no required source in selectable sources")),
            // chrony 4.0's nts_ntp_client.c: an NTS source given by address
            // has no name to run NTS-KE with, so it never gets keys.
            nts_ke_failed: !nts_ke_failures(text).is_empty()
                || text
                    .lines()
                    .any(|l| l.contains("Missing name of ") && l.contains(" for NTS-KE")),
        }
    }
}

/// How chronyd failed to control the clock, as its log in the paste says.
#[derive(Debug, Clone, PartialEq)]
pub(super) enum ControlFailure {
    /// local.c: "Could not step system clock" (the driver refused the
    /// step), this many times.
    Step(usize),
    /// sys_timex.c: "adjtimex(0x…) failed : ERROR" (`ntp_adjtime` off
    /// Linux), fatal: chronyd exits.
    Adjust { call: String, error: String },
}

/// Why chronyd may not set the clock, when its log says it.
#[derive(Debug, Clone, Copy, PartialEq)]
pub(super) enum ControlCause {
    /// sys_null.c "Disabled control of system clock": started with -x.
    Disabled,
    /// sys_linux.c "CAP_SYS_TIME not present": not in the bounding set
    /// (a container without the capability).
    NoCapability,
    Unknown,
}

impl ControlCause {
    pub fn id(self) -> &'static str {
        match self {
            ControlCause::Disabled => "disabled",
            ControlCause::NoCapability => "no-capability",
            ControlCause::Unknown => "unknown",
        }
    }
}

/// chronyd's log says it could not set or adjust the clock.
#[derive(Debug, Clone, PartialEq)]
pub(super) struct ClockControl {
    pub failure: ControlFailure,
    /// reference.c's "System clock wrong by X seconds", the last one.
    pub wrong_by: Option<String>,
    pub cause: ControlCause,
}

/// The clock-control failure chronyd logged in `text`, if any.
pub(super) fn clock_control(text: &str) -> Option<ClockControl> {
    let mut steps = 0usize;
    let mut adjust = None;
    let mut wrong_by = None;
    let mut cause = ControlCause::Unknown;
    for line in text.lines() {
        if line.contains("Could not step system clock") {
            steps = steps.saturating_add(1);
        } else if line.contains("Disabled control of system clock") {
            cause = ControlCause::Disabled;
        } else if line.contains("CAP_SYS_TIME not present") && cause == ControlCause::Unknown {
            cause = ControlCause::NoCapability;
        } else if let Some(v) = parse_wrong_by(line) {
            wrong_by = Some(v);
        } else if let Some(a) = parse_adjtimex(line) {
            adjust = Some(a);
        }
    }
    let failure = match adjust {
        Some(a) => a,
        None if steps > 0 => ControlFailure::Step(steps),
        None => return None,
    };
    Some(ClockControl {
        failure,
        wrong_by,
        cause,
    })
}

/// "System clock wrong by -2.999999 seconds" (or "… seconds (step)" of -q).
fn parse_wrong_by(line: &str) -> Option<String> {
    let (_, rest) = line.split_once("System clock wrong by ")?;
    let (value, _) = rest.split_once(" seconds")?;
    let value = value.trim();
    value
        .parse::<f64>()
        .ok()
        .filter(|v| v.is_finite())
        .map(|_| value.to_string())
}

/// "adjtimex(0x8001) failed : Operation not permitted".
fn parse_adjtimex(line: &str) -> Option<ControlFailure> {
    let at = line
        .find("adjtimex(0x")
        .or_else(|| line.find("ntp_adjtime(0x"))?;
    let (call, rest) = line[at..].split_once(") failed")?;
    if !call
        .split_once("(0x")?
        .1
        .chars()
        .all(|c| c.is_ascii_hexdigit())
    {
        return None;
    }
    let error = rest.trim_start_matches([' ', ':']).trim();
    // The error is strerror's: short; anything longer is not chronyd's.
    let error: String = error.chars().take(80).collect();
    Some(ControlFailure::Adjust {
        call: format!("{call})"),
        error: if error.is_empty() { "-".into() } else { error },
    })
}

/// Marks each `sources` row that never answered and whose NTS-KE
/// connection chronyd logged as failing: that is its cause.
pub(super) fn apply(text: &str, parts: &mut [Explained]) {
    let failures = nts_ke_failures(text);
    if failures.is_empty() {
        return;
    }
    for e in parts.iter_mut().filter(|e| e.kind == Kind::ChronycSources) {
        let mut changed = false;
        for row in &mut e.rows {
            if value_reach(row) != Some(0) {
                continue;
            }
            let Some(k) = failures.iter().find(|k| k.about(row)) else {
                continue;
            };
            let reason = Reason::new(Why::NtsKeConnectFailed)
                .arg("error", k.error.clone().unwrap_or_else(|| "-".into()))
                .arg(
                    "port",
                    k.port.map_or_else(|| "-".to_string(), |p| p.to_string()),
                );
            for f in row
                .iter_mut()
                .filter(|f| matches!(f.name, F::Reach | F::LastRx | F::State))
            {
                f.status = Status::Bad;
                f.reason = Some(reason.clone());
            }
            changed = true;
        }
        if changed {
            super::diagnose::diagnose(e);
        }
    }
}

/// What a failed TLS handshake of NTS-KE says was wrong with the
/// certificate (nts_ke_session.c logs "TLS handshake with LABEL failed :
/// ERROR", ERROR being GnuTLS's words).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum TlsCause {
    /// "The certificate is NOT trusted. The certificate issuer is unknown."
    Untrusted,
    /// "The certificate chain uses expired certificate."
    Expired,
    /// "The name in the certificate does not match the expected."
    Name,
    Other,
}

impl TlsCause {
    fn of(error: &str) -> TlsCause {
        let e = error.to_ascii_lowercase();
        if e.contains("expired") || e.contains("not yet activated") {
            TlsCause::Expired
        } else if e.contains("name in the certificate") || e.contains("hostname") {
            TlsCause::Name
        } else if e.contains("not trusted") || e.contains("issuer") {
            TlsCause::Untrusted
        } else {
            TlsCause::Other
        }
    }

    fn id(self) -> &'static str {
        match self {
            TlsCause::Untrusted => "untrusted",
            TlsCause::Expired => "expired",
            TlsCause::Name => "name",
            TlsCause::Other => "other",
        }
    }
}

/// The failed NTS-KE handshakes in `text`: (label, error).
fn tls_failures(text: &str) -> Vec<(String, String)> {
    text.lines()
        .filter_map(|l| {
            let (_, rest) = l.split_once("TLS handshake with ")?;
            let (label, error) = rest.split_once(" failed")?;
            let error = error.trim_start_matches([' ', ':']).trim();
            // GnuTLS's sentences are short; anything longer is cut.
            Some((label.trim().to_string(), error.chars().take(160).collect()))
        })
        .take(MAX_FAILURES)
        .collect()
}

/// A key establishment that keeps failing, when chronyd's log in the paste
/// says why (a TLS handshake with that server failed): that cause first,
/// not the list of every possible one.
pub(super) fn name_nts_cause(text: &str, parts: &mut [Explained]) {
    let failures = tls_failures(text);
    if failures.is_empty() {
        return;
    }
    for f in parts
        .iter_mut()
        .flat_map(|e| e.findings.iter_mut())
        .filter(|f| f.rule == super::verdict::Rule::NtsKeFailing)
        .filter(|f| !f.args.iter().any(|(k, _)| *k == "cause"))
    {
        let Some(sources) = f
            .args
            .iter()
            .find(|(k, _)| *k == "sources")
            .map(|x| x.1.clone())
        else {
            continue;
        };
        // The label is "ADDRESS:PORT (NAME)": the source as chronyc shows it.
        let about = |label: &str| {
            let (sock, name) = label.split_once(" (").unwrap_or((label, ""));
            let name = name.trim_end_matches(')');
            let host = sock.rsplit_once(':').map_or(sock, |(h, _)| h);
            let host = host.trim_start_matches('[').trim_end_matches(']');
            sources
                .split(", ")
                .any(|s| s == host || (!name.is_empty() && s == name))
        };
        if let Some((_, error)) = failures.iter().find(|(l, _)| about(l)) {
            f.args.push(("cause", "tls-log".into()));
            f.args.push(("tls", TlsCause::of(error).id().into()));
            f.args.push(("error", error.clone()));
        }
    }
}

fn value_reach(row: &[super::model::Field]) -> Option<u32> {
    match field(row, F::Reach)?.value {
        Value::Reach(r) => Some(r.into()),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn gnutls_handshake_errors_name_their_cause() {
        let t = tls_failures(
            "x TLS handshake with 127.0.0.90:4460 (nts.example) failed : Error in the certificate verification. The certificate is NOT trusted. The certificate issuer is unknown. \n",
        );
        assert_eq!(t[0].0, "127.0.0.90:4460 (nts.example)");
        assert_eq!(TlsCause::of(&t[0].1), TlsCause::Untrusted);
        assert_eq!(
            TlsCause::of("The certificate chain uses expired certificate."),
            TlsCause::Expired
        );
        assert_eq!(
            TlsCause::of("The name in the certificate does not match the expected."),
            TlsCause::Name
        );
        assert_eq!(TlsCause::of("Decryption has failed."), TlsCause::Other);
    }

    #[test]
    fn chronyds_nts_ke_connect_messages_are_read() {
        let got = nts_ke_failures(
            "2026-12-07T09:27:01Z Could not connect to 127.0.0.21:16280 (nts.r5.test) : Connection refused\n\
             Could not connect to [::1]:4460 (nts6.example)\n\
             Could not connect to signd socket /var/lib/samba/ntp_signd/socket : No such file\n\
             Could not connect to nowhere : Connection refused\n",
        );
        assert_eq!(
            got,
            vec![
                KeFailure {
                    address: "127.0.0.21".into(),
                    port: Some(16280),
                    name: Some("nts.r5.test".into()),
                    error: Some("Connection refused".into()),
                },
                KeFailure {
                    address: "::1".into(),
                    port: Some(4460),
                    name: Some("nts6.example".into()),
                    error: None,
                },
            ]
        );
    }

    #[test]
    fn chronyds_maxchange_messages_are_read() {
        let log = "Dec 07 11:49:21 ntp2 chronyd[4242]: Adjustment of 2.000 seconds exceeds the allowed maximum of 0.500 seconds (ignored) \n\
             2026-12-07T11:49:22Z Adjustment of -3.250 seconds exceeds the allowed maximum of 1.000 seconds (exiting)\n";
        assert_eq!(
            ignored_update(log),
            Some(Ignored {
                adjustment: "-3.250".into(),
                maximum: "1.000".into(),
                exiting: true,
            })
        );
        assert_eq!(
            ignored_update(log.lines().next().unwrap()).map(|i| i.exiting),
            Some(false)
        );
        // The other "Adjustment of" message (local.c's invalid offset),
        // and a mangled one, are not maxchange's.
        assert_eq!(
            ignored_update("Adjustment of 1e10 seconds is invalid"),
            None
        );
        assert_eq!(
            ignored_update(
                "Adjustment of x seconds exceeds the allowed maximum of 0.5 seconds (ignored)"
            ),
            None
        );
    }

    #[test]
    fn chronyds_clock_control_failures_are_read() {
        // chronyd 4.9 started with -x, its source 3 s off (makestep 1 -1).
        let log = "2026-12-07T13:12:21Z Disabled control of system clock\n\
             2026-12-07T13:12:21Z System clock wrong by 2.999999 seconds\n\
             2026-12-07T13:12:21Z Could not step system clock\n\
             2026-12-07T13:12:22Z Could not step system clock\n";
        assert_eq!(
            clock_control(log),
            Some(ClockControl {
                failure: ControlFailure::Step(2),
                wrong_by: Some("2.999999".into()),
                cause: ControlCause::Disabled,
            })
        );
        // A container without CAP_SYS_TIME: chronyd warns, then the first
        // adjtimex call fails and chronyd exits.
        let log = "CAP_SYS_TIME not present\n\
             Fatal error : adjtimex(0x8001) failed : Operation not permitted\n";
        assert_eq!(
            clock_control(log),
            Some(ClockControl {
                failure: ControlFailure::Adjust {
                    call: "adjtimex(0x8001)".into(),
                    error: "Operation not permitted".into(),
                },
                wrong_by: None,
                cause: ControlCause::NoCapability,
            })
        );
        // The offset alone is no failure; a mangled call is not chronyd's.
        assert_eq!(clock_control("System clock wrong by 2.5 seconds"), None);
        assert_eq!(clock_control("adjtimex(0xzz) failed : x"), None);
    }

    #[test]
    fn a_flood_of_messages_is_capped() {
        let text = "Could not connect to 10.0.0.1:4460 (a) : Connection refused\n".repeat(1000);
        assert_eq!(nts_ke_failures(&text).len(), MAX_FAILURES);
    }
}
