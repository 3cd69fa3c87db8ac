//! Which other files a chrony.conf asks chronyd to read at start-up.

use super::directive::{Directive, OptValue};
use super::document::Document;

/// What one line pulls in.
#[derive(Debug, Clone, PartialEq)]
pub enum IncludeTarget {
    /// `include PATTERN`: the files glob(3) matches, read in place of the
    /// line.
    Pattern(String),
    /// `confdir DIR...`: every `*.conf` in the directories, sorted by file
    /// name; a name already seen in an earlier directory is skipped.
    ConfDirs(Vec<String>),
}

/// The lines (0-based) that make chronyd read other configuration files,
/// in file order. `sourcedir` is left out: its `.sources` files are read
/// after start-up and a bad one is logged, not fatal.
pub fn include_targets(doc: &Document) -> Vec<(usize, IncludeTarget)> {
    doc.directives()
        .filter_map(|(i, d)| match d {
            Directive::Simple {
                spec,
                value: OptValue::Word(p),
            } if spec.name == "include" => Some((i, IncludeTarget::Pattern(p.clone()))),
            Directive::Dirs {
                name: "confdir",
                dirs,
            } => Some((i, IncludeTarget::ConfDirs(dirs.clone()))),
            _ => None,
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lists_include_and_confdir_in_order_but_not_sourcedir() {
        let doc = Document::parse(
            b"server a iburst\nconfdir /etc/chrony/conf.d /run/x\nsourcedir /run/chrony-dhcp\ninclude /etc/chrony.d/*.conf\n",
        );
        assert_eq!(
            include_targets(&doc),
            vec![
                (
                    1,
                    IncludeTarget::ConfDirs(vec!["/etc/chrony/conf.d".into(), "/run/x".into()])
                ),
                (3, IncludeTarget::Pattern("/etc/chrony.d/*.conf".into())),
            ]
        );
    }
}
