//! Which configuration changes chronyd can take at run time over cmdmon
//! (add/delete a source, append allow/deny rules, change `local`), and which
//! need a restart. Adding rules live is only equivalent to a restart when
//! they go after the existing ones: chrony applies rules in order.

use super::access::{AccessScope, AccessTarget};
use super::directive::{Directive, Local, Source};
use super::document::Document;

/// One change chronyd can take live.
#[derive(Debug, Clone, PartialEq)]
pub enum LiveChange {
    AddSource(Source),
    RemoveSource(Source),
    /// An allow/deny rule appended after the existing ones.
    AddAccess(super::access::Access),
    /// `local` set (Some) or switched off (None).
    SetLocal(Option<Local>),
}

/// What applying `new` over `old` takes.
#[derive(Debug, Clone, PartialEq)]
pub enum LivePlan {
    Unchanged,
    Live(Vec<LiveChange>),
    Restart,
}

fn others(doc: &Document) -> Vec<String> {
    doc.directives()
        .filter(|(_, d)| {
            !matches!(d, Directive::Source(_) | Directive::Local(_))
                && !matches!(d, Directive::Access(a) if a.scope == AccessScope::Ntp)
        })
        .map(|(_, d)| d.render())
        .collect()
}

pub fn plan(old: &Document, new: &Document) -> LivePlan {
    if old.render() == new.render() {
        return LivePlan::Unchanged;
    }
    // Lines chronyd would not read at all: let a restart report them.
    let unreadable = |d: &Document| {
        d.directive_lines()
            .filter(|(_, l)| l.parsed.is_err())
            .count()
    };
    if unreadable(new) > 0 || others(old) != others(new) {
        return LivePlan::Restart;
    }
    let mut changes = Vec::new();

    let old_src: Vec<&Source> = old.sources().map(|(_, s)| s).collect();
    let new_src: Vec<&Source> = new.sources().map(|(_, s)| s).collect();
    for s in &old_src {
        if !new_src.contains(s) {
            changes.push(LiveChange::RemoveSource((*s).clone()));
        }
    }
    for s in &new_src {
        if !old_src.contains(s) {
            changes.push(LiveChange::AddSource((*s).clone()));
        }
    }

    let old_acc: Vec<_> = old
        .access_rules(AccessScope::Ntp)
        .map(|(_, a)| a.clone())
        .collect();
    let new_acc: Vec<_> = new
        .access_rules(AccessScope::Ntp)
        .map(|(_, a)| a.clone())
        .collect();
    if !new_acc.starts_with(&old_acc) {
        return LivePlan::Restart;
    }
    for a in &new_acc[old_acc.len()..] {
        // A host name is resolved by chronyd only when it reads the file.
        if matches!(a.target, AccessTarget::Host(_)) {
            return LivePlan::Restart;
        }
        if let AccessTarget::Net(s) = &a.target {
            if s.net().is_none() {
                return LivePlan::Restart;
            }
        }
        changes.push(LiveChange::AddAccess(a.clone()));
    }

    let old_local = old.local().map(|(_, l)| l.clone());
    let new_local = new.local().map(|(_, l)| l.clone());
    if old_local != new_local {
        // cmdmon's local command carries stratum, orphan and distance only.
        let simple = new_local.as_ref().is_none_or(|l| {
            l.options
                .iter()
                .all(|o| matches!(o.name(), "stratum" | "orphan" | "distance"))
        });
        if !simple {
            return LivePlan::Restart;
        }
        changes.push(LiveChange::SetLocal(new_local));
    }
    if changes.is_empty() {
        // Only comments, blank lines or order changed.
        LivePlan::Live(Vec::new())
    } else {
        LivePlan::Live(changes)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn p(a: &str, b: &str) -> LivePlan {
        plan(&Document::parse(a), &Document::parse(b))
    }

    #[test]
    fn sources_allow_and_local_go_live() {
        let base = "server 10.0.0.1 iburst\nallow 10.0.0.0/24\nlocal stratum 10\n";
        assert_eq!(p(base, base), LivePlan::Unchanged);
        let LivePlan::Live(c) = p(
            base,
            "server 10.0.0.1 iburst\nserver 10.0.0.2 iburst\nallow 10.0.0.0/24\nallow 10.1.0.0/16\nlocal stratum 8 orphan\n",
        ) else {
            panic!()
        };
        assert_eq!(c.len(), 3);
        assert!(matches!(&c[0], LiveChange::AddSource(s) if s.host == "10.0.0.2"));
        assert!(matches!(&c[1], LiveChange::AddAccess(a) if a.render() == "allow 10.1.0.0/16"));
        assert!(matches!(&c[2], LiveChange::SetLocal(Some(l)) if l.stratum() == 8 && l.orphan()));
        let LivePlan::Live(c) = p(
            base,
            "server 10.0.0.1 iburst minpoll 4\nallow 10.0.0.0/24\nlocal stratum 10\n",
        ) else {
            panic!()
        };
        assert_eq!(c.len(), 2, "{c:?}");
        assert_eq!(p(base, &format!("# note\n{base}")), LivePlan::Live(vec![]));
    }

    #[test]
    fn other_changes_need_a_restart() {
        let base = "server 10.0.0.1 iburst\nallow 10.0.0.0/24\ndeny 10.0.0.128/25\n";
        // Removing or reordering rules cannot be done live.
        assert_eq!(
            p(base, "server 10.0.0.1 iburst\nallow 10.0.0.0/24\n"),
            LivePlan::Restart
        );
        assert_eq!(p(base, &format!("{base}makestep 1 3\n")), LivePlan::Restart);
        assert_eq!(
            p(base, &format!("{base}allow lab.example\n")),
            LivePlan::Restart
        );
        assert_eq!(
            p(base, &format!("{base}local stratum 10 activate 0.1\n")),
            LivePlan::Restart
        );
        assert_eq!(p(base, &format!("{base}bogus line\n")), LivePlan::Restart);
    }
}
