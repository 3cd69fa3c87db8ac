//! chronyd's own log pasted alone: `journalctl -u chronyd` (every
//! timestamp style), `systemctl status` (its header and log tail),
//! `chronyd -d` on a terminal, /var/log/messages. chronyd(8): messages go
//! to syslog, or to the terminal with -d. Each message is chronyd's own
//! diagnosis; the fatal ones are LOG_FATAL's "Fatal error : …" (logging.c),
//! printed by conf.c, main.c, keys.c, ntp_io.c, nts_ke_server.c when chronyd
//! refuses to start. The runtime ones come from sources.c ("Selected
//! source", "Can't synchronise: …", "Source X replaced with Y"),
//! reference.c ("System clock wrong by", "No suitable source"), sched.c
//! (time jumps), ntp_core.c ("Received KoD RATE") and keys.c ("Could not
//! open keyfile", "Key N is missing").

use super::model::{Explained, Kind};
use super::verdict::{Finding, Rule};

/// Lines read at most: a paste is capped in size, its lines are not.
const MAX_LINES: usize = 2000;
/// Findings of one kind kept (the last ones are the latest state).
const MAX_EACH: usize = 8;

/// The message of one log line, without its journal, syslog or `-d`
/// prefix; `None` when the line is not chronyd's.
fn message(line: &str) -> Option<&str> {
    let l = line.trim();
    // journal / syslog: "… host chronyd[123]: MSG" or "… chronyd: MSG".
    for tag in ["chronyd[", "chronyd: "] {
        if let Some(at) = l.find(tag) {
            let rest = &l[at + tag.len()..];
            let rest = if tag == "chronyd[" {
                rest.split_once("]: ")?.1
            } else {
                rest
            };
            return Some(rest.trim());
        }
    }
    // `chronyd -d`: "2026-12-07T20:55:04Z MSG" (logging.c's UTC stamp).
    let (stamp, rest) = l.split_once(' ')?;
    let b = stamp.as_bytes();
    let iso = stamp.len() == 20
        && b[4] == b'-'
        && b[10] == b'T'
        && b[19] == b'Z'
        && b[..4].iter().all(u8::is_ascii_digit);
    iso.then_some(rest.trim())
}

/// What a fatal message asks for, when it is one chronyd is known to print.
fn fatal_fix(msg: &str) -> &'static str {
    let m = msg.to_ascii_lowercase();
    if m.contains("rate limiting cannot be enabled with noclientlog") {
        "noclientlog"
    } else if m.starts_with("invalid directive") {
        "directive"
    } else if m.starts_with("bad subnet") || m.contains("could not parse allow") {
        "subnet"
    } else if m.starts_with("missing arguments") || m.starts_with("too many arguments") {
        "arguments"
    } else if m.starts_with("invalid option") || m.starts_with("could not parse") {
        "option"
    } else if m.starts_with("invalid value") || m.starts_with("invalid ") {
        "value"
    } else if m.contains("refclock driver") {
        "refclock"
    } else if m.contains("user/group id") {
        "user"
    } else if m.contains("another chronyd may already be running") {
        "running"
    } else if m.contains("credentials") || m.contains("certificate") {
        "nts-cert"
    } else if m.starts_with("could not search for files matching") {
        // conf.c: an include/confdir/sourcedir glob that cannot be searched.
        "glob"
    } else if m.contains("could not open") || m.contains("could not read") {
        "file"
    } else {
        "other"
    }
}

/// The path a fatal message names (before its "at line N in file F"), or
/// "none": the Chinese text says it without quoting the English message.
fn named_path(msg: &str) -> String {
    let head = msg.split_once(" at line ").map_or(msg, |(h, _)| h);
    head.split_whitespace()
        .find(|w| w.starts_with('/'))
        .map(|w| w.trim_end_matches([',', '.', ':', ')']))
        .filter(|w| !w.is_empty())
        .map_or_else(|| "none".into(), str::to_string)
}

/// Takes "… at line N in file F" apart: the line number, or "-".
fn at_line(msg: &str) -> String {
    msg.split_once(" at line ")
        .and_then(|(_, r)| r.split_whitespace().next())
        .filter(|n| n.chars().all(|c| c.is_ascii_digit()))
        .map_or_else(|| "none".into(), str::to_string)
}

/// The paste read as chronyd's log, if it is one.
pub fn explain(lines: &[&str]) -> Option<Explained> {
    let msgs: Vec<&str> = lines
        .iter()
        .take(MAX_LINES)
        .filter_map(|l| message(l))
        .collect();
    // One chronyd line is no log: at least its start or a known message.
    if msgs.is_empty() {
        return None;
    }
    let failed = lines.iter().any(|l| {
        let t = l.trim_start();
        t.starts_with("Active: failed") || t.contains("status=1/FAILURE")
    });
    let mut e = Explained::new(Kind::ChronydMessages);
    let push = |e: &mut Explained, f: Finding| {
        if e.findings.iter().filter(|g| g.rule == f.rule).count() < MAX_EACH
            && !e.findings.contains(&f)
        {
            e.findings.push(f);
        }
    };
    let mut starts = 0usize;
    let mut version = String::from("-");
    let mut selected: Option<(usize, String)> = None;
    let mut unsync: Option<(usize, &'static str)> = None;
    let mut keyfile: Option<String> = None;
    let mut fatal_seen = false;
    for (i, m) in msgs.iter().enumerate() {
        if let Some(rest) = m.strip_prefix("chronyd version ") {
            if rest.contains(" starting") {
                starts += 1;
                version = rest.split_whitespace().next().unwrap_or("-").to_string();
            }
        } else if let Some(f) = m.strip_prefix("Fatal error : ") {
            fatal_seen = true;
            let f: String = f.chars().take(200).collect();
            push(
                &mut e,
                Finding::new(Rule::ChronydFatal)
                    .arg("fix", fatal_fix(&f))
                    .arg("line", at_line(&f))
                    .arg("path", named_path(&f))
                    .arg("message", f),
            );
        } else if let Some(s) = m.strip_prefix("Selected source ") {
            let s = s.split_whitespace().next().unwrap_or("-");
            selected = Some((i, s.chars().take(80).collect()));
        } else if let Some(r) = m.strip_prefix("Can't synchronise: ") {
            let why = if r.starts_with("no required source") {
                "no-required"
            } else if r.starts_with("no majority") {
                "no-majority"
            } else {
                "no-selectable"
            };
            unsync = Some((i, why));
        } else if let Some(p) = m.strip_prefix("Could not open keyfile ") {
            keyfile = Some(p.trim().chars().take(200).collect());
        } else if let Some(k) = m
            .strip_prefix("Key ")
            .and_then(|k| k.strip_suffix(" is missing"))
        {
            push(
                &mut e,
                Finding::new(Rule::LogKeyMissing)
                    .arg("key", k.chars().take(20).collect::<String>()),
            );
        } else if let Some(a) = m.strip_prefix("Received KoD RATE from ") {
            push(
                &mut e,
                Finding::new(Rule::LogKodRate)
                    .arg("source", a.trim().chars().take(80).collect::<String>()),
            );
        } else if let Some(r) = m.strip_prefix("System clock wrong by ") {
            if let Some((v, _)) = r.split_once(" seconds") {
                if v.trim().parse::<f64>().is_ok_and(f64::is_finite) {
                    push(
                        &mut e,
                        Finding::new(Rule::LogWrongBy).arg("value", v.trim()),
                    );
                }
            }
        } else if let Some(r) = m.strip_prefix("Source ") {
            if let Some((old, new)) = r.split_once(" replaced with ") {
                push(
                    &mut e,
                    Finding::new(Rule::LogReplaced)
                        .arg("old", old.chars().take(80).collect::<String>())
                        .arg("new", new.trim().chars().take(80).collect::<String>()),
                );
            }
        } else if m.starts_with("No suitable source for synchronisation") {
            push(&mut e, Finding::new(Rule::LogNoSuitable));
        } else if m.starts_with("Forward time jump detected") {
            push(
                &mut e,
                Finding::new(Rule::LogTimeJump).arg("direction", "forward"),
            );
        } else if m.starts_with("Backward time jump detected") {
            push(
                &mut e,
                Finding::new(Rule::LogTimeJump).arg("direction", "backward"),
            );
        } else if let Some(r) = m.strip_prefix("Could not create directory ") {
            let path = r.split(" : ").next().unwrap_or(r).trim();
            push(
                &mut e,
                Finding::new(Rule::LogCannotWrite)
                    .arg("what", "directory")
                    .arg("path", path.chars().take(200).collect::<String>()),
            );
        } else if let Some(r) = m.strip_prefix("Could not open ") {
            // "Could not open connection to daemon" is chronyc's.
            if !r.starts_with("connection to daemon") && !r.starts_with("keyfile") {
                let path = r.split(" : ").next().unwrap_or(r).trim();
                push(
                    &mut e,
                    Finding::new(Rule::LogCannotWrite)
                        .arg("what", "file")
                        .arg("path", path.chars().take(200).collect::<String>()),
                );
            }
        } else if m.starts_with("Could not set credentials") && !fatal_seen {
            push(
                &mut e,
                Finding::new(Rule::ChronydFatal)
                    .arg("fix", "nts-cert")
                    .arg("line", "none")
                    .arg("message", m.chars().take(200).collect::<String>()),
            );
        } else if let Some(r) = m.strip_prefix("Could not connect to ") {
            if !r.starts_with("signd ") {
                push(
                    &mut e,
                    Finding::new(Rule::LogNtsKeFailed)
                        .arg("server", r.chars().take(200).collect::<String>()),
                );
            }
        } else if m.starts_with("TLS handshake with ") {
            push(
                &mut e,
                Finding::new(Rule::LogNtsKeFailed)
                    .arg("server", m.chars().take(200).collect::<String>()),
            );
        }
    }
    if let Some(path) = keyfile {
        let keys: Vec<String> = e
            .findings
            .iter()
            .filter(|f| f.rule == Rule::LogKeyMissing)
            .filter_map(|f| f.args.first().map(|(_, k)| k.clone()))
            .collect();
        let keys = if keys.is_empty() {
            "none".into()
        } else {
            keys.join(", ")
        };
        e.findings.insert(
            0,
            Finding::new(Rule::LogKeyfile)
                .arg("path", path)
                .arg("keys", keys),
        );
        // The key is missing because the file is: the keyfile is the fix.
        e.findings.retain(|f| f.rule != Rule::LogKeyMissing);
    }
    if let Some((at, why)) = unsync {
        let again = selected
            .as_ref()
            .filter(|(s, _)| *s > at)
            .map(|(_, s)| s.clone());
        let mut f = Finding::new(Rule::LogCantSynchronise).arg("state", why);
        if again.is_some() {
            f.severity = super::verdict::Status::Warn;
        }
        push(
            &mut e,
            f.arg("again", again.unwrap_or_else(|| "none".into())),
        );
    }
    if let Some((_, s)) = &selected {
        if unsync.is_none_or(|(u, _)| selected.as_ref().is_some_and(|(s, _)| *s > u)) {
            push(&mut e, Finding::new(Rule::LogSelected).arg("source", s));
        }
    }
    if starts > 1 {
        push(
            &mut e,
            Finding::new(Rule::LogRestarted)
                .arg("count", starts)
                .arg("version", &version),
        );
    }
    if failed && !e.findings.iter().any(|f| f.rule == Rule::ChronydFatal) {
        push(&mut e, Finding::new(Rule::ChronydExited));
    }
    if e.findings.is_empty() {
        // Only chronyd's start lines: it started, nothing more is said.
        if starts == 0 {
            return None;
        }
        push(
            &mut e,
            Finding::new(Rule::LogStarted).arg("version", &version),
        );
    }
    Some(e)
}

/// The fatal message of a log in `lines`, if chronyd logged one.
pub fn fatal(lines: &[&str]) -> Option<String> {
    lines
        .iter()
        .take(MAX_LINES)
        .filter_map(|l| message(l))
        .find_map(|m| m.strip_prefix("Fatal error : "))
        .map(|f| f.chars().take(200).collect())
}

/// What chronyd's log in a paste says about the reports pasted with it:
/// a fatal start message is why chronyc could not talk to chronyd; an
/// unreadable keyfile is why a key is missing; a KoD RATE names which
/// server's lost polls are rate limiting; "no required source" is why none
/// is selected.
///
/// Pasted above reports, the log speaks through them: its own reading is
/// kept only when chronyd refused to start (the reports are then only
/// chronyc's errors), so no cause is said twice.
pub(super) fn apply(text: &str, parts: &mut Vec<Explained>) {
    let lines: Vec<&str> = text.lines().collect();
    let Some(log) = explain(&lines) else {
        return;
    };
    let arg = |rule: Rule, key: &str| -> Vec<String> {
        log.findings
            .iter()
            .filter(|f| f.rule == rule)
            .filter_map(|f| {
                f.args
                    .iter()
                    .find(|(k, _)| *k == key)
                    .map(|(_, v)| v.clone())
            })
            .collect()
    };
    let fatal = arg(Rule::ChronydFatal, "message").pop();
    let keyfile = arg(Rule::LogKeyfile, "path").pop();
    let kod = arg(Rule::LogKodRate, "source");
    let no_required = arg(Rule::LogCantSynchronise, "state")
        .iter()
        .any(|s| s == "no-required");
    let cause = |f: &Finding| {
        f.args
            .iter()
            .find(|(k, _)| *k == "cause")
            .map(|(_, v)| v.clone())
    };
    for e in parts.iter_mut().filter(|e| e.kind != Kind::ChronydMessages) {
        for f in &mut e.findings {
            match (f.rule, cause(f).as_deref()) {
                (Rule::DaemonUnreachable, _) => {
                    if let Some(m) = &fatal {
                        let reply = f
                            .args
                            .iter()
                            .find(|(k, _)| *k == "reply")
                            .map_or_else(|| "-".into(), |(_, v)| v.clone());
                        *f = Finding::new(Rule::ChronydNotStarted)
                            .arg("reply", reply)
                            .arg("message", m);
                    }
                }
                (Rule::KeyMissing, None) | (_, Some("key-missing")) => {
                    if let Some(p) = &keyfile {
                        f.args.retain(|(k, _)| *k != "cause");
                        f.args.push(("cause", "keyfile-missing".into()));
                        f.args.push(("keyfile", p.clone()));
                    }
                }
                (Rule::PacketLoss, None) => {
                    let named = f
                        .args
                        .iter()
                        .find(|(k, _)| *k == "sources")
                        .map(|(_, v)| v.clone())
                        .unwrap_or_default();
                    let hit: Vec<&String> = kod
                        .iter()
                        .filter(|s| named.split(", ").any(|n| n == s.as_str()))
                        .collect();
                    if !hit.is_empty() {
                        f.args.push(("cause", "kod-rate".into()));
                        f.args.push((
                            "rated",
                            hit.iter()
                                .map(|s| s.as_str())
                                .collect::<Vec<_>>()
                                .join(", "),
                        ));
                    }
                }
                (Rule::NoneSelected, None) if no_required => {
                    f.args.push(("cause", "required-not-selectable".into()));
                }
                _ => {}
            }
        }
    }
    if fatal.is_none() && parts.iter().any(|e| e.kind != Kind::ChronydMessages) {
        parts.retain(|e| e.kind != Kind::ChronydMessages);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_prefix_style_gives_the_message() {
        for l in [
            "Dec 07 20:50:39 time-a chronyd[11961]: Selected source 10.0.0.1",
            "2026-12-07T20:50:39+0000 time-a chronyd[11961]: Selected source 10.0.0.1",
            "Dec 07 20:50:39.123456 time-a chronyd[11961]: Selected source 10.0.0.1",
            "Dec  7 20:50:39 time-a chronyd: Selected source 10.0.0.1",
            "2026-12-07T20:50:39Z Selected source 10.0.0.1",
        ] {
            assert_eq!(message(l), Some("Selected source 10.0.0.1"), "{l}");
        }
        assert_eq!(
            message("Dec 07 20:50:39 time-a systemd[1]: Started x"),
            None
        );
        assert_eq!(message("server 10.0.0.1 iburst"), None);
    }

    #[test]
    fn a_fatal_line_names_its_line_number() {
        assert_eq!(at_line("Invalid directive severs at line 9 in file x"), "9");
        assert_eq!(at_line("Bad subnet in 192.168.1.0/33"), "none");
        assert_eq!(
            named_path("Could not search for files matching /x/nosuch.d/*.conf"),
            "/x/nosuch.d/*.conf"
        );
        assert_eq!(
            named_path("Missing arguments for makestep directive at line 9 in file /e/c.conf"),
            "none"
        );
        assert_eq!(
            fatal_fix("Rate limiting cannot be enabled with noclientlog"),
            "noclientlog"
        );
    }
}
