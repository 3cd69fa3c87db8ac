//! chronyc's own status lines: the `5xx` replies it prints when chronyd
//! refuses a command or does not answer (client.c, `request_reply`: the
//! codes of candm.h's `STT_*`), and "Could not open connection to daemon"
//! (client.c, a fatal error when no command socket can be opened). Pasted
//! alone, or under the header of the report that was asked for.

use super::field::{FieldId as F, Value};
use super::model::{Explained, Field, Kind};
use super::verdict::{Finding, Reason, Rule, Why};

/// What a status line means, by its code.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Reply {
    /// 501: a command only the Unix socket may give, sent over UDP.
    NotAuthorised,
    /// 510: `cmdallow` does not cover the host asking.
    NoHostAccess,
    /// 506, or no socket at all: chronyd does not answer.
    NoDaemon,
    /// 505: the facility asked about is not configured.
    NotEnabled,
    /// 513: no RTC tracking (`rtcfile`).
    NoRtc,
    /// 503: the address given is not one of chronyd's sources.
    NoSuchSource,
    /// Any other refusal (500, 502, 504, 507, 508, 511, 512, 514–521).
    Other,
}

/// chronyc's status line, if `line` is one: its code (0 for the
/// connection message, which has none) and meaning. 2xx lines are
/// successes (`200 OK`) and say nothing.
pub fn status_line(line: &str) -> Option<(u16, Reply)> {
    let t = line.trim();
    if t.eq_ignore_ascii_case("Could not open connection to daemon")
        || (t.starts_with("Could not open") && t.contains("command socket"))
    {
        return Some((0, Reply::NoDaemon));
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
    let reply = match code {
        501 => Reply::NotAuthorised,
        510 => Reply::NoHostAccess,
        506 => Reply::NoDaemon,
        505 => Reply::NotEnabled,
        513 => Reply::NoRtc,
        503 => Reply::NoSuchSource,
        _ => Reply::Other,
    };
    Some((code, reply))
}

impl Reply {
    fn rule(self) -> Rule {
        match self {
            Reply::NotAuthorised => Rule::CommandNotAuthorised,
            Reply::NoHostAccess => Rule::CommandNoHostAccess,
            Reply::NoDaemon => Rule::DaemonUnreachable,
            Reply::NotEnabled => Rule::FacilityNotEnabled,
            Reply::NoRtc => Rule::RtcNotTracked,
            Reply::NoSuchSource => Rule::NoSuchSource,
            Reply::Other => Rule::CommandFailed,
        }
    }
}

/// The finding for a status line (`report`: the report asked for, when
/// its header was pasted with the line).
pub fn finding(line: &str, report: Option<Kind>) -> Option<Finding> {
    let (_, reply) = status_line(line)?;
    let mut f = Finding::new(reply.rule()).arg("reply", line.trim());
    if let Some(k) = report {
        f = f.arg("report", k.name());
    }
    Some(f)
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
pub fn explain(lines: &[&str], report: Option<Kind>) -> Option<Explained> {
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
        let (code, _) = status_line(l)?;
        let mut f = Field::typed(F::Reply, l.trim(), Value::Int(i64::from(code)));
        let Some(x) = finding(l, report) else {
            continue;
        };
        f.status = x.severity;
        f.reason = Some(Reason::new(Why::ReplyRefused));
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
            Some((519, Reply::Other))
        );
        assert_eq!(status_line("200 OK"), None);
        assert_eq!(status_line("503 sources online"), None);
        assert_eq!(status_line("510 - Could not parse date string"), None);
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
