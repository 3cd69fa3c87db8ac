//! A directive that sets one value given twice: the later line replaces
//! the earlier one.

use std::collections::HashMap;

use crate::core::conf::directive::{BindTarget, Directive};
use crate::core::conf::version::ChronyVersion;

use super::model::*;
use super::rules::Rule;

/// Directives that set one value (conf.c 4.0–4.9: a repeat overwrites the
/// variable, `bindaddress` one per protocol): the later line silently
/// replaces the earlier one. Lines chronyd adds up (allow, server, …) are
/// not among them.
pub(super) fn repeated_settings(l: &mut Linter) {
    let doc = l.doc;
    let mut last: HashMap<Slot, (usize, String)> = HashMap::new();
    for (i, d) in doc.directives() {
        let Some(slot) = slot(d, l.opts.version) else {
            continue;
        };
        let value = l
            .raw_args(i)
            .split_whitespace()
            .collect::<Vec<_>>()
            .join(" ");
        if let Some((prev, earlier)) = last.insert(slot, (i, value.clone())) {
            let kind = if matches!(slot.1, Family::V4 | Family::V6) {
                "bind"
            } else {
                "setting"
            };
            l.add_at((
                Rule::DuplicateDirective,
                Some(prev),
                vec![
                    ("directive", slot.0.to_string()),
                    ("line", (i + 1).to_string()),
                    ("earlier", earlier),
                    ("later", value),
                    ("kind", kind.to_string()),
                ],
            ));
        }
    }
}

/// Where a bind line's address goes: chronyd keeps one per protocol.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
enum Family {
    V4,
    V6,
    /// `bindcmdaddress /path`, the Unix socket.
    Path,
    /// A directive with one value whatever it says.
    One,
}

type Slot = (&'static str, Family);

/// The one variable a directive sets in conf.c (4.0–4.9), or `None` where
/// chronyd adds the line to a list.
fn slot(d: &Directive, version: ChronyVersion) -> Option<Slot> {
    // parse_fallbackdrift, parse_initstepslew (ARR_SetSize 0), …: each
    // overwrites its settings.
    const SINGLE_OTHER: &[&str] = &[
        "authselectmode",
        "driftfile",
        "fallbackdrift",
        "initstepslew",
        "leapsecmode",
        "mailonchange",
        "maxchange",
        "smoothtime",
        "tempcomp",
    ];
    let name = d.name();
    let single = match d {
        Directive::Bind { target, .. } => {
            return Some((
                name,
                match target {
                    BindTarget::Ip(ip) if ip.is_ipv4() => Family::V4,
                    BindTarget::Ip(_) => Family::V6,
                    BindTarget::Path(_) => Family::Path,
                },
            ));
        }
        Directive::Simple { spec, .. } => spec.name != "include" && !spec_repeats(name, version),
        Directive::Makestep { .. } | Directive::Local(_) => true,
        Directive::Other { spec, .. } => {
            SINGLE_OTHER.contains(&spec.name)
                // conf.c 4.0: `parse_string(p, &nts_trusted_cert_file)`,
                // one file; sets of trusted certificates came with 4.1.
                || (spec.name == "ntstrustedcerts"
                    && version < super::releases::TRUSTED_CERT_SETS)
        }
        _ => false,
    };
    single.then_some((name, Family::One))
}

/// Simple directives a release takes more than once.
fn spec_repeats(name: &str, version: ChronyVersion) -> bool {
    matches!(name, "ntsservercert" | "ntsserverkey") && version >= super::releases::MANY_NTS_CERTS
}
