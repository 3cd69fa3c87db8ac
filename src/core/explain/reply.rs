//! chronyc's own status lines: the `5xx` replies it prints when chronyd
//! refuses a command or does not answer (client.c, `request_reply`: the
//! codes of candm.h's `STT_*`, the same in 4.0 through 4.9), and the fixed
//! messages chronyc prints itself before anything reaches chronyd
//! ("Unrecognized command", "Could not get address for hostname", "Could
//! not open connection to daemon", the syntax errors of its commands).
//! Pasted alone, under the header of the report that was asked for, or
//! after the prompt that ran the command, which gives the code its meaning.

use super::command::{Command, Typed};
use super::field::{FieldId as F, Value};
use super::model::{Explained, Field, Kind};
use super::verdict::{Finding, Reason, Rule, Why};

/// What a status line means: chronyd's code (client.c's text for each
/// `STT_*` of candm.h) or chronyc's own message.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Reply {
    /// 500 (STT_FAILED): chronyd tried and failed (cmdmon.c: makestep,
    /// settime, doffset).
    Failure,
    /// 501: a command only the Unix socket may give, sent over UDP.
    NotAuthorised,
    /// 503: the address given is not one of chronyd's sources.
    NoSuchSource,
    /// 505: the facility the command needs is not configured.
    NotEnabled,
    /// 506, or no socket at all: chronyd does not answer.
    NoDaemon,
    /// 507: allow/deny/cmdallow/cmddeny with a subnet that is not one.
    BadSubnet,
    /// 510: `cmdallow` does not cover the host asking.
    NoHostAccess,
    /// 511: `add` of an address that is already a source.
    AlreadyPresent,
    /// 512: chronyd holds as many sources as it can.
    TooManySources,
    /// 513: no RTC tracking (`rtcfile`).
    NoRtc,
    /// 514: writertc could not write the rtcfile.
    RtcNotWritten,
    /// 515: an address of a family chronyd does not use.
    AddressFamily,
    /// 516: `manual delete` of a sample that is not there.
    NoSuchSample,
    /// 519: no client log (`noclientlog`).
    ClientLogOff,
    /// 521: a source name chronyd refuses.
    InvalidName,
    /// 502, 504, 508, 517, 518, 520: chronyc and chronyd of releases that
    /// do not understand each other's requests, replies or codes.
    Mismatch,
    /// Any other 5xx code (client.c prints none).
    Other,
    /// chronyc: "Unrecognized command" (and "Unrecognized dns command").
    UnknownCommand,
    /// chronyc: "Could not get address for hostname".
    NameUnresolved,
    /// chronyc: the syntax errors of its commands' arguments.
    BadSyntax,
    /// chronyc 4.7+: its own reply socket could not be set up.
    SocketSetup,
    /// chronyc: "Authentication is no longer supported" (authhash,
    /// password): a warning, nothing was sent.
    NoAuthentication,
}

/// chronyc's fixed messages (client.c's `LOG(LOGS_ERR, …)`, 4.0 to 4.9),
/// each a whole line: exact, or a fixed start and end around a value.
fn chronyc_message(t: &str) -> Option<(u16, Reply)> {
    use Reply::*;
    let between = |start: &str, end: &str| t.starts_with(start) && t.ends_with(end);
    let reply = match t {
        "Could not open connection to daemon" => NoDaemon,
        "Unrecognized command" | "Unrecognized dns command" => UnknownCommand,
        "Could not get address for hostname" => NameUnresolved,
        // settime's date that getdate() cannot read: chronyc's, with a code.
        "510 - Could not parse date string" => return Some((510, BadSyntax)),
        "Invalid value"
        | "Could not read address"
        | "Invalid host/IP address"
        | "Invalid maximum number of retries"
        | "Command too long" => BadSyntax,
        "Could not bind/connect client Unix socket" => SocketSetup,
        "Authentication is no longer supported" => NoAuthentication,
        _ if t.eq_ignore_ascii_case("Could not open connection to daemon")
            || (t.starts_with("Could not open") && t.contains("command socket")) =>
        {
            NoDaemon
        }
        _ if between("Invalid syntax for ", "")
            && !t.contains("  ")
            && t.split_whitespace().count() <= 6 =>
        {
            BadSyntax
        }
        _ if between("Bad syntax for ", " command")
            || between("Invalid ", " add command")
            || between("Timeout ", " is too short")
            || between("Unknown hash function or cipher", "")
            || between("", " can't be set in chronyc") =>
        {
            BadSyntax
        }
        _ if between("Could not create ", "")
            && t.contains(" : ")
            && t.split_whitespace()
                .nth(3)
                .is_some_and(|p| p.starts_with('/'))
            || between("Could not open/stat ", "")
            || between("Unexpected mode/owner of ", "")
            || between("Could not change socket or directory permissions", "")
            || between("Server socket path ", " is too long")
            || between("Could not get user/group ID of ", "") =>
        {
            SocketSetup
        }
        _ => return None,
    };
    Some((0, reply))
}

/// chronyc's status line, if `line` is one: its code (0 for chronyc's own
/// messages, which have none) and meaning. 2xx lines are successes
/// (`200 OK`) and say nothing.
pub fn status_line(line: &str) -> Option<(u16, Reply)> {
    let t = line.trim();
    if let Some(r) = chronyc_message(t) {
        return Some(r);
    }
    let (code, text) = t.split_once(' ')?;
    let code: u16 = code.parse().ok()?;
    if !(500..=599).contains(&code) || text.is_empty() {
        return None;
    }
    // chronyc's texts start with a capital letter ("Not authorised",
    // "Cannot talk to daemon"); a table row starting with a number does not.
    if !text.starts_with(|c: char| c.is_ascii_uppercase()) || text.contains("  ") {
        return None;
    }
    use Reply::*;
    let reply = match code {
        500 => Failure,
        501 => NotAuthorised,
        503 => NoSuchSource,
        505 => NotEnabled,
        506 => NoDaemon,
        507 => BadSubnet,
        510 => NoHostAccess,
        511 => AlreadyPresent,
        512 => TooManySources,
        513 => NoRtc,
        514 => RtcNotWritten,
        515 => AddressFamily,
        516 => NoSuchSample,
        519 => ClientLogOff,
        521 => InvalidName,
        // cmdmon.c answers STT_INVALID to a request number it does not
        // have (a newer chronyc's), STT_BADPKTVERSION and STT_BADPKTLENGTH
        // to another protocol or layout; client.c prints 508 for a reply
        // that is not the one it asked for, 520 for a status it does not
        // know; 504 (STT_INVALIDTS) no chronyd 4 sends.
        502 | 504 | 508 | 517 | 518 | 520 => Mismatch,
        _ => Other,
    };
    Some((code, reply))
}

impl Reply {
    fn rule(self) -> Rule {
        use Reply::*;
        match self {
            Failure => Rule::ChronydFailed,
            NotAuthorised => Rule::CommandNotAuthorised,
            NoSuchSource => Rule::NoSuchSource,
            NotEnabled => Rule::FacilityNotEnabled,
            NoDaemon => Rule::DaemonUnreachable,
            BadSubnet => Rule::BadSubnet,
            NoHostAccess => Rule::CommandNoHostAccess,
            AlreadyPresent => Rule::SourceAlreadyPresent,
            TooManySources => Rule::TooManySources,
            NoRtc => Rule::RtcNotTracked,
            RtcNotWritten => Rule::RtcNotWritten,
            AddressFamily => Rule::AddressFamily,
            NoSuchSample => Rule::NoSuchSample,
            ClientLogOff => Rule::ClientLogOff,
            InvalidName => Rule::InvalidName,
            Mismatch => Rule::ReleaseMismatch,
            Other => Rule::CommandFailed,
            UnknownCommand => Rule::ChronycUnknownCommand,
            NameUnresolved => Rule::ChronycNameUnresolved,
            BadSyntax => Rule::ChronycBadSyntax,
            SocketSetup => Rule::ChronycSocket,
            NoAuthentication => Rule::ChronycNoAuthentication,
        }
    }

    /// chronyc's own messages: nothing was sent to chronyd.
    fn chronycs_own(self) -> bool {
        use Reply::*;
        matches!(
            self,
            UnknownCommand | NameUnresolved | BadSyntax | SocketSetup | NoAuthentication
        )
    }

    /// The cause a command gives the reply (`finding-<rule>-by-<cause>`):
    /// cmdmon.c fails makestep, settime and doffset each for its own
    /// reason, and 505 names the facility the command needs.
    fn cause(self, typed: &Typed) -> Option<&'static str> {
        let c = typed.command?;
        match self {
            Reply::Failure => match c {
                Command::Makestep => Some("makestep"),
                Command::Settime => Some("settime"),
                Command::Doffset => Some("doffset"),
                _ => None,
            },
            Reply::NotEnabled => c.facility(),
            _ => None,
        }
    }
}

/// The finding for a status line (`report`: the report asked for, when
/// its header was pasted with the line; `typed`: the command the paste
/// shows ran).
pub fn finding(line: &str, report: Option<Kind>, typed: Option<&Typed>) -> Option<Finding> {
    let (code, reply) = status_line(line)?;
    let mut f = Finding::new(reply.rule())
        .arg("reply", line.trim())
        .arg("code", code);
    if let Some(k) = report {
        f = f.arg("report", k.name());
    }
    if let Some(t) = typed {
        f = f.arg("command", &t.word);
        if let Some(cause) = reply.cause(t) {
            f = f.arg("cause", cause);
        }
        if reply == Reply::UnknownCommand {
            f = f.arg("nearest", t.nearest().unwrap_or("none"));
        }
        if reply == Reply::NameUnresolved {
            f = f.arg("name", t.argument.as_deref().unwrap_or("none"));
        }
    }
    if reply == Reply::NoDaemon {
        f = no_daemon_args(f, typed);
    }
    // The texts choose by these (`[none]`: the paste does not show it).
    for k in ["command", "nearest", "name"] {
        if !f.args.iter().any(|(a, _)| *a == k) {
            f = f.arg(k, "none");
        }
    }
    Some(f)
}

/// What the paste's command line says of where chronyc looked: its `-p`
/// port (chronyc's default 323 otherwise) and whether `-h` gave an IPv6
/// address in brackets, which chronyc does not read as an address (it
/// takes `-h ::1`), so it tried none ("Could not open connection to
/// daemon", chronyc 4.0 and 4.9 alike).
fn no_daemon_args(f: Finding, typed: Option<&Typed>) -> Finding {
    let port = typed.and_then(|t| t.port).unwrap_or(323);
    let host = typed.and_then(|t| t.host.as_deref());
    let bare = host
        .and_then(|h| h.strip_prefix('['))
        .and_then(|h| h.strip_suffix(']'))
        .filter(|h| h.parse::<std::net::Ipv6Addr>().is_ok());
    f.arg("port", port)
        .arg(
            "hostform",
            if bare.is_some() { "bracketed" } else { "plain" },
        )
        .arg("bare", bare.unwrap_or("none"))
}

/// chronyc's usage text (client.c prints "Usage: NAME [OPTION]...
/// [COMMAND]..." when getopt refuses an option, after getopt's own
/// "NAME: invalid option -- 'e'"): chronyc ran no command. An option of a
/// later release (`-e` came with 4.4) given to an older chronyc shows this.
pub fn usage(lines: &[&str]) -> Option<Explained> {
    let is_usage = |l: &&&str| {
        let t = l.trim();
        t.starts_with("Usage:") && t.contains("chronyc") && t.contains("[OPTION]")
    };
    lines.iter().find(is_usage)?;
    let refused = lines.iter().find_map(|l| {
        let t = l.trim();
        // glibc: "invalid option -- 'e'", "unrecognized option '--foo'";
        // musl: "unrecognized option: e".
        let (_, rest) = t
            .split_once("invalid option -- ")
            .or_else(|| t.split_once("unrecognized option"))?;
        let opt = rest
            .trim_start_matches([':', ' '])
            .trim_matches(['\'', '`']);
        let opt = opt.chars().take(40).collect::<String>();
        let opt = if opt.starts_with('-') {
            opt
        } else {
            format!("-{opt}")
        };
        Some((t, opt))
    });
    let mut e = Explained::new(Kind::ChronycError);
    let (line, option) = refused.unwrap_or((lines.iter().find(is_usage)?.trim(), String::new()));
    let mut f = Field::typed(F::Reply, line, Value::Int(0));
    let x = Finding::new(Rule::ChronycUnknownOption).arg(
        "option",
        if option.is_empty() {
            "none".to_string()
        } else {
            option
        },
    );
    f.status = x.severity;
    f.reason = Some(Reason::new(Why::ChronycUsage));
    e.fields.push(f);
    e.findings.push(x);
    Some(e)
}

/// A paste that is only status lines (and perhaps the header of the report
/// asked for): the lines, each with its meaning, and their findings.
pub fn explain(lines: &[&str], report: Option<Kind>, typed: Option<&Typed>) -> Option<Explained> {
    let replies: Vec<&str> = lines
        .iter()
        .copied()
        .filter(|l| status_line(l).is_some())
        .collect();
    if replies.is_empty() {
        return None;
    }
    let mut e = Explained::new(Kind::ChronycError);
    for l in &replies {
        let (code, reply) = status_line(l)?;
        let mut f = Field::typed(F::Reply, l.trim(), Value::Int(i64::from(code)));
        let Some(x) = finding(l, report, typed) else {
            continue;
        };
        f.status = x.severity;
        f.reason = Some(Reason::new(if reply.chronycs_own() {
            Why::ChronycRefused
        } else {
            Why::ReplyRefused
        }));
        e.fields.push(f);
        if !e.findings.iter().any(|y| y.rule == x.rule) {
            e.findings.push(x);
        }
    }
    Some(e)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn chronycs_status_lines_are_told_from_table_rows() {
        assert_eq!(
            status_line("501 Not authorised"),
            Some((501, Reply::NotAuthorised))
        );
        assert_eq!(
            status_line("506 Cannot talk to daemon"),
            Some((506, Reply::NoDaemon))
        );
        assert_eq!(
            status_line("Could not open connection to daemon"),
            Some((0, Reply::NoDaemon))
        );
        assert_eq!(
            status_line("519 Client logging is not active in the daemon"),
            Some((519, Reply::ClientLogOff))
        );
        assert_eq!(
            status_line("517 Protocol version mismatch"),
            Some((517, Reply::Mismatch))
        );
        assert_eq!(
            status_line("511 Source already present"),
            Some((511, Reply::AlreadyPresent))
        );
        assert_eq!(status_line("509 Something new"), Some((509, Reply::Other)));
        assert_eq!(status_line("200 OK"), None);
        assert_eq!(status_line("503 sources online"), None);
    }

    #[test]
    fn chronycs_own_messages_are_told_from_other_lines() {
        let cases = [
            ("Unrecognized command", Some((0, Reply::UnknownCommand))),
            (
                "Could not get address for hostname",
                Some((0, Reply::NameUnresolved)),
            ),
            (
                "510 - Could not parse date string",
                Some((510, Reply::BadSyntax)),
            ),
            (
                "Invalid syntax for burst command",
                Some((0, Reply::BadSyntax)),
            ),
            (
                "Bad syntax for makestep command",
                Some((0, Reply::BadSyntax)),
            ),
            ("Invalid option in add command", Some((0, Reply::BadSyntax))),
            ("Timeout 10 is too short", Some((0, Reply::BadSyntax))),
            (
                "minpoll can't be set in chronyc",
                Some((0, Reply::BadSyntax)),
            ),
            (
                "Could not create /run/chrony-cmd : Permission denied",
                Some((0, Reply::SocketSetup)),
            ),
            (
                "Unexpected mode/owner of /run/chrony",
                Some((0, Reply::SocketSetup)),
            ),
            (
                "Authentication is no longer supported",
                Some((0, Reply::NoAuthentication)),
            ),
            // chronyd's own lines and table text are not chronyc's.
            ("Could not create socket", None),
            (
                "2026-12-07T09:27:01Z Could not get address for hostname",
                None,
            ),
            ("Invalid syntax for a line that goes on and on here", None),
        ];
        for (line, want) in cases {
            assert_eq!(status_line(line), want, "{line}");
        }
    }

    #[test]
    fn chronycs_usage_names_the_option_it_refused() {
        let lines = [
            "/usr/bin/chronyc: invalid option -- 'e'",
            "Usage: /usr/bin/chronyc [OPTION]... [COMMAND]...",
            "  -n\t\tDon't resolve hostnames",
        ];
        let e = usage(&lines).unwrap();
        assert_eq!(e.findings[0].rule, Rule::ChronycUnknownOption);
        assert!(e.findings[0].args.contains(&("option", "-e".to_string())));
        let long = ["chronyc: unrecognized option '--wait'", lines[1]];
        let e = usage(&long).unwrap();
        assert!(
            e.findings[0]
                .args
                .contains(&("option", "--wait".to_string()))
        );
        assert!(usage(&["chronyc: invalid option -- 'e'"]).is_none());
    }
}
