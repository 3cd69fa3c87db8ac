//! Who reaches chronyd's UDP command port (cmdport, bindcmdaddress,
//! cmdallow/cmddeny).

use crate::core::conf::access::{self, AccessScope};
use crate::core::conf::directive::{BindKind, BindTarget, Directive, OptValue};

use super::model::*;
use super::rules::Rule;

/// The commands an `opencommands` line opens (chrony.conf(5) 4.7: the
/// last line's names, known ones only), or "default" without one.
fn opened(doc: &crate::core::conf::document::Document) -> String {
    use crate::core::conf::directive::OPEN_COMMANDS;
    let last = doc
        .directive_lines()
        .filter(|(_, d)| d.name.eq_ignore_ascii_case("opencommands"))
        .last();
    let Some((_, d)) = last else {
        return "default".into();
    };
    let names: Vec<String> = d
        .args
        .split_whitespace()
        .map(str::to_ascii_lowercase)
        .filter(|w| OPEN_COMMANDS.contains(&w.as_str()))
        .collect();
    if names.is_empty() {
        "default".into()
    } else {
        names.join(", ")
    }
}

/// Who reaches chronyd's UDP command port. chrony.conf(5) cmdport: "If set
/// to 0, chronyd will not open the port", so cmdallow, cmddeny and an
/// address bindcmdaddress do nothing; by default the port is bound to
/// loopback only; cmdallow/cmddeny are ordered as allow/deny are.
pub(super) fn cmdmon_access(l: &mut Linter) {
    let doc = l.doc;
    let cmd_rules: Vec<_> = doc.access_rules(AccessScope::Cmd).collect();
    let port_off = l
        .directives()
        .filter_map(|(i, d)| match d {
            Directive::Simple {
                spec,
                value: OptValue::Int(x),
            } if spec.name == "cmdport" => Some((i, *x)),
            _ => None,
        })
        .last()
        .filter(|(_, x)| *x == 0)
        .map(|(i, _)| i);
    let binds: Vec<usize> = doc
        .directives()
        .filter(|(_, d)| {
            matches!(
                d,
                Directive::Bind {
                    kind: BindKind::Command,
                    target: BindTarget::Ip(_)
                }
            )
        })
        .map(|(i, _)| i)
        .collect();
    if let Some(at) = port_off {
        let mut lines: Vec<usize> = cmd_rules.iter().map(|(i, _)| *i).chain(binds).collect();
        lines.sort_unstable();
        if !lines.is_empty() {
            let names = lines
                .iter()
                .map(|i| (i + 1).to_string())
                .collect::<Vec<_>>()
                .join(", ");
            l.add_at((Rule::CmdportOffCmdLines, Some(at), vec![("lines", names)]));
        }
        return;
    }
    let has_cmdallow = cmd_rules.iter().any(|(_, a)| a.allow);
    let remote_cmd = doc.directives().any(|(_, d)| {
        matches!(d, Directive::Bind { kind: BindKind::Command, target: BindTarget::Ip(ip) } if !ip.is_loopback())
    });
    let at = cmd_rules.iter().find(|(_, a)| a.allow).map(|(i, _)| *i);
    let rules: Vec<_> = cmd_rules.iter().map(|(_, a)| *a).collect();
    match (has_cmdallow, remote_cmd) {
        (true, false) => l.add_at((Rule::CmdallowNoBind, at, vec![])),
        // Monitoring from another host works; say what it exposes.
        (true, true) if access::admits_beyond_loopback(&rules) => {
            l.add_at((Rule::CmdmonExposed, at, vec![("commands", opened(doc))]))
        }
        _ => {}
    }
}
