//! Typed reads and edits of a [`Document`]. Every edit rewrites, inserts or
//! removes only the lines it concerns; all other lines keep their bytes.

use super::access::{Access, AccessScope, AccessTarget};
use super::directive::{Directive, Local, OptValue, Source, SourceKind};
use super::document::Document;

/// Where an edit landed, for callers that show or select the changed line.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum EditOutcome {
    Inserted(usize),
    Replaced(usize),
    Unchanged,
}

/// The message id of the comment above the first line of a group the
/// window or the command line adds (`add_*_commented`), in the user's
/// language: upstream servers, the pair's peer, or who may ask for time.
pub fn group_comment_id(group: Group) -> &'static str {
    match group {
        Group::Sources => "conf-comment-sources",
        Group::Peers => "conf-comment-peers",
        Group::Access => "conf-comment-allow",
    }
}

/// The groups of lines an edit starts with a comment of its own.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Group {
    /// `server` and `pool`.
    Sources,
    /// `peer`.
    Peers,
    /// `allow` and `deny`.
    Access,
}

impl Group {
    pub fn of_source(s: &Source) -> Group {
        if s.kind == SourceKind::Peer {
            Group::Peers
        } else {
            Group::Sources
        }
    }
}

pub fn same_host(a: &str, b: &str) -> bool {
    // Host names are case-insensitive; addresses compare as written, but
    // also by value so that `::1` and `0::1` match.
    a.eq_ignore_ascii_case(b)
        || matches!((a.parse::<std::net::IpAddr>(), b.parse::<std::net::IpAddr>()), (Ok(x), Ok(y)) if x == y)
}

impl Document {
    /// `server`, `pool` and `peer` lines chrony accepts, in file order.
    pub fn sources(&self) -> impl Iterator<Item = (usize, &Source)> {
        self.directives().filter_map(|(i, d)| match d {
            Directive::Source(s) => Some((i, s)),
            _ => None,
        })
    }

    /// `allow`/`deny` (or `cmdallow`/`cmddeny`) lines of a scope.
    pub fn access_rules(&self, scope: AccessScope) -> impl Iterator<Item = (usize, &Access)> {
        self.directives().filter_map(move |(i, d)| match d {
            Directive::Access(a) if a.scope == scope => Some((i, a)),
            _ => None,
        })
    }

    /// The `local` directive in effect (chrony uses the last one).
    pub fn local(&self) -> Option<(usize, &Local)> {
        self.directives()
            .filter_map(|(i, d)| match d {
                Directive::Local(l) => Some((i, l)),
                _ => None,
            })
            .last()
    }

    /// The last line of a directive by name, as chrony uses the last value.
    pub fn last_directive(&self, name: &str) -> Option<(usize, &Directive)> {
        self.directives().filter(|(_, d)| d.name() == name).last()
    }

    /// The value of a one-value directive such as `driftfile` or `rtcsync`.
    pub fn simple_value(&self, name: &str) -> Option<&OptValue> {
        match self.last_directive(name)?.1 {
            Directive::Simple { value, .. } => Some(value),
            _ => None,
        }
    }

    fn last_index_where(&self, f: impl Fn(&Directive) -> bool) -> Option<usize> {
        self.directives()
            .filter(|(_, d)| f(d))
            .map(|(i, _)| i)
            .last()
    }

    fn first_directive_index(&self) -> Option<usize> {
        self.directive_lines().map(|(i, _)| i).next()
    }

    /// Adds a source after the last existing source line (or before the
    /// first directive when there is none). A source of the same kind and
    /// host is updated in place instead of duplicated.
    pub fn add_source(&mut self, source: &Source) -> EditOutcome {
        let existing = self
            .sources()
            .find(|(_, s)| s.kind == source.kind && same_host(&s.host, &source.host))
            .map(|(i, s)| (i, s.clone()));
        if let Some((i, old)) = existing {
            if old == *source {
                return EditOutcome::Unchanged;
            }
            self.replace_line(i, &source.render());
            return EditOutcome::Replaced(i);
        }
        let at = self
            .last_index_where(|d| matches!(d, Directive::Source(_)))
            .map(|i| i + 1)
            .or_else(|| self.first_directive_index())
            .unwrap_or(self.len());
        self.insert_line(at, &source.render());
        EditOutcome::Inserted(at)
    }

    /// Adds a source where a user replacing one expects it: after the last
    /// source line, or, when the file has none left, at `removed_at` (where
    /// the removed one was), not between a comment and the line it belongs
    /// to. Otherwise as [`Document::add_source_commented`]: the window and
    /// the command line put a new line in the same place.
    pub fn add_source_after_removal(
        &mut self,
        source: &Source,
        removed_at: Option<usize>,
        comment: &str,
    ) -> EditOutcome {
        let has_sources = self.sources().next().is_some();
        match removed_at {
            Some(at) if !has_sources && at <= self.len() => {
                self.insert_line(at, &source.render());
                EditOutcome::Inserted(at)
            }
            _ => self.add_source_commented(source, comment),
        }
    }

    /// Adds a source as [`Document::add_source`] does, except that the
    /// first source of its kind (server/pool, or peer) goes at the end of
    /// the file under a comment of its own (`comment`, in the user's
    /// language), never under the comment of an unrelated line.
    pub fn add_source_commented(&mut self, source: &Source, comment: &str) -> EditOutcome {
        let peer = source.kind == SourceKind::Peer;
        let same_group = |s: &Source| (s.kind == SourceKind::Peer) == peer;
        let same = self
            .sources()
            .any(|(_, s)| s.kind == source.kind && same_host(&s.host, &source.host));
        let last_of_group = self
            .sources()
            .filter(|(_, s)| same_group(s))
            .map(|(i, _)| i)
            .last();
        match last_of_group {
            // An update in place, or a line after the last of its own kind
            // (a server after the servers, not after the peer).
            _ if same => return self.add_source(source),
            Some(i) => {
                self.insert_line(i + 1, &source.render());
                return EditOutcome::Inserted(i + 1);
            }
            None => {}
        }
        let at = self.append_group(comment);
        self.insert_line(at, &source.render());
        EditOutcome::Inserted(at)
    }

    /// Adds an access rule as [`Document::add_access`] does, except that
    /// the first rule of its scope goes at the end of the file under a
    /// comment of its own.
    pub fn add_access_commented(&mut self, access: &Access, comment: &str) -> EditOutcome {
        if self.access_rules(access.scope).next().is_some() {
            return self.add_access(access);
        }
        let at = self.append_group(comment);
        self.insert_line(at, &access.render());
        EditOutcome::Inserted(at)
    }

    /// Appends a blank line (unless the file ends in one) and `# comment`;
    /// where the group's first line goes.
    fn append_group(&mut self, comment: &str) -> usize {
        let ends_blank = self
            .lines()
            .last()
            .is_none_or(|l| l.text().trim().is_empty());
        if !ends_blank {
            self.insert_line(self.len(), "");
        }
        let comment = comment.replace(['\n', '\r'], " ");
        if !comment.trim().is_empty() {
            self.insert_line(self.len(), &format!("# {}", comment.trim()));
        }
        self.len()
    }

    /// Removes every source line naming `host` (of any kind); returns how
    /// many lines went.
    pub fn remove_source(&mut self, host: &str) -> usize {
        let lines: Vec<usize> = self
            .sources()
            .filter(|(_, s)| same_host(&s.host, host))
            .map(|(i, _)| i)
            .collect();
        for i in lines.iter().rev() {
            self.remove_line(*i);
        }
        lines.len()
    }

    /// Rewrites line `index` as `directive`, keeping its indentation and
    /// line ending.
    pub fn set_directive_at(&mut self, index: usize, directive: &Directive) {
        self.replace_line(index, &directive.render());
    }

    /// Adds an access rule after the last rule of its scope (else after the
    /// last source, else at the end). An identical rule is not added twice.
    pub fn add_access(&mut self, access: &Access) -> EditOutcome {
        if self.access_rules(access.scope).any(|(_, a)| a == access) {
            return EditOutcome::Unchanged;
        }
        let at = self
            .last_index_where(|d| matches!(d, Directive::Access(a) if a.scope == access.scope))
            .or_else(|| self.last_index_where(|d| matches!(d, Directive::Source(_))))
            .map(|i| i + 1)
            .unwrap_or(self.len());
        self.insert_line(at, &access.render());
        EditOutcome::Inserted(at)
    }

    /// Removes rules of a scope and kind that name `target`.
    pub fn remove_access(
        &mut self,
        scope: AccessScope,
        allow: bool,
        target: &AccessTarget,
    ) -> usize {
        let lines: Vec<usize> = self
            .access_rules(scope)
            .filter(|(_, a)| a.allow == allow && &a.target == target)
            .map(|(i, _)| i)
            .collect();
        for i in lines.iter().rev() {
            self.remove_line(*i);
        }
        lines.len()
    }

    /// Sets the `local` directive: rewrites the one in effect (dropping
    /// earlier, overridden ones), inserts one after the access rules or
    /// sources, or with `None` removes them all.
    pub fn set_local(&mut self, local: Option<&Local>) -> EditOutcome {
        let lines: Vec<usize> = self
            .directives()
            .filter(|(_, d)| matches!(d, Directive::Local(_)))
            .map(|(i, _)| i)
            .collect();
        match (local, lines.split_last()) {
            (None, _) => {
                for i in lines.iter().rev() {
                    self.remove_line(*i);
                }
                if lines.is_empty() {
                    EditOutcome::Unchanged
                } else {
                    EditOutcome::Replaced(lines[0])
                }
            }
            (Some(l), Some((&last, earlier))) => {
                let unchanged =
                    matches!(self.lines()[last].parsed(), Some(Directive::Local(cur)) if cur == l);
                if !unchanged {
                    self.replace_line(last, &l.render());
                }
                for i in earlier.iter().rev() {
                    self.remove_line(*i);
                }
                if unchanged && earlier.is_empty() {
                    EditOutcome::Unchanged
                } else {
                    EditOutcome::Replaced(last - earlier.len())
                }
            }
            (Some(l), None) => {
                let at = self
                    .last_index_where(
                        |d| matches!(d, Directive::Access(a) if a.scope == AccessScope::Ntp),
                    )
                    .or_else(|| self.last_index_where(|d| matches!(d, Directive::Source(_))))
                    .map(|i| i + 1)
                    .unwrap_or(self.len());
                self.insert_line(at, &l.render());
                EditOutcome::Inserted(at)
            }
        }
    }

    /// Sets a directive that appears once (`makestep`, `rtcsync`,
    /// `driftfile`, ...): rewrites the line in effect, appends one, or with
    /// `None` removes every line of that name.
    ///
    /// The bind directives are once per address family (chrony.conf(5):
    /// IPv4, IPv6, and for `bindcmdaddress` a Unix socket path): setting one
    /// replaces only the line of its own family.
    pub fn set_single(&mut self, name: &str, directive: Option<&Directive>) -> EditOutcome {
        use super::directive::BindTarget;
        let family = |d: &Directive| match d {
            Directive::Bind { target, .. } => Some(match target {
                BindTarget::Ip(std::net::IpAddr::V4(_)) => 4,
                BindTarget::Ip(std::net::IpAddr::V6(_)) => 6,
                BindTarget::Path(_) => 0,
            }),
            _ => None,
        };
        let wanted = directive.and_then(family);
        let lines: Vec<usize> = self
            .directives()
            .filter(|(_, d)| d.name() == name)
            .filter(|(_, d)| wanted.is_none() || family(d) == wanted)
            .map(|(i, _)| i)
            .collect();
        match (directive, lines.last()) {
            (None, _) => {
                for i in lines.iter().rev() {
                    self.remove_line(*i);
                }
                if lines.is_empty() {
                    EditOutcome::Unchanged
                } else {
                    EditOutcome::Replaced(lines[0])
                }
            }
            (Some(d), Some(&last)) => {
                if self.lines()[last].parsed() == Some(d) {
                    return EditOutcome::Unchanged;
                }
                self.replace_line(last, &d.render());
                EditOutcome::Replaced(last)
            }
            (Some(d), None) => {
                let at = self.len();
                self.insert_line(at, &d.render());
                EditOutcome::Inserted(at)
            }
        }
    }
}

/// A source as a user types it: `HOST [OPTION]...`, checked so that nothing
/// can smuggle a second line or a comment into the file.
pub fn parse_user_source(kind: SourceKind, text: &str) -> Result<Source, UserSourceError> {
    if text.contains(|c: char| c.is_control() && c != '\t') {
        return Err(UserSourceError::ControlCharacter);
    }
    let host = text
        .split_whitespace()
        .next()
        .ok_or(UserSourceError::Empty)?;
    if !is_valid_host(host) {
        return Err(UserSourceError::BadHost(host.to_string()));
    }
    Source::parse(kind, text).map_err(UserSourceError::Parse)
}

/// A source host: an IP address or a DNS name.
pub fn is_valid_host(host: &str) -> bool {
    host.parse::<std::net::IpAddr>().is_ok() || super::access::is_hostname(host)
}

#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum UserSourceError {
    #[error("empty")]
    Empty,
    #[error("control character")]
    ControlCharacter,
    #[error("bad host {0}")]
    BadHost(String),
    #[error("{0:?}")]
    Parse(super::directive::ParseError),
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::conf::directive::SourceKind;

    const BASE: &str = "# lab\r\nserver 10.0.0.1 iburst\r\n\r\nallow 10.0.0.0/24\r\n# end\r\n";

    #[test]
    fn add_source_goes_after_last_source_in_file_style() {
        let mut doc = Document::parse(BASE);
        let s = parse_user_source(SourceKind::Server, "10.0.0.2 iburst prefer").unwrap();
        assert_eq!(doc.add_source(&s), EditOutcome::Inserted(2));
        assert_eq!(
            doc.render_lossy(),
            "# lab\r\nserver 10.0.0.1 iburst\r\nserver 10.0.0.2 iburst prefer\r\n\r\nallow 10.0.0.0/24\r\n# end\r\n"
        );
        assert_eq!(doc.add_source(&s), EditOutcome::Unchanged);
        assert_eq!(doc.remove_source("10.0.0.2"), 1);
        assert_eq!(doc.render_lossy(), BASE);
    }

    #[test]
    fn local_is_replaced_in_place() {
        let mut doc = Document::parse("local stratum 10\nallow\n");
        doc.set_local(Some(&Local::new(8, true, None)));
        assert_eq!(doc.render_lossy(), "local stratum 8 orphan\nallow\n");
        doc.set_local(None);
        assert_eq!(doc.render_lossy(), "allow\n");
        doc.set_local(Some(&Local::new(9, false, None)));
        assert_eq!(doc.render_lossy(), "allow\nlocal stratum 9\n");
    }

    #[test]
    fn user_sources_cannot_inject_lines() {
        assert_eq!(
            parse_user_source(SourceKind::Server, "a.lab\nallow all"),
            Err(UserSourceError::ControlCharacter)
        );
        assert!(matches!(
            parse_user_source(SourceKind::Server, "a;b iburst"),
            Err(UserSourceError::BadHost(_))
        ));
        assert!(parse_user_source(SourceKind::Server, "a.lab iburst fast").is_err());
        assert_eq!(
            parse_user_source(SourceKind::Server, "  "),
            Err(UserSourceError::Empty)
        );
    }
}
