//! The files a chrony.conf pulls in with `include` and `confdir`, read in
//! the order chronyd reads them, so lint sees what chronyd will see.

use std::collections::HashSet;
use std::path::PathBuf;

use crate::core::conf::Document;
use crate::core::conf::directive::Directive;
use crate::core::conf::include::{IncludeTarget, include_targets};
use crate::core::conf::lint::{Diagnostic, Rule};

/// chronyd itself has no limit; this only stops a file that includes
/// itself through others.
const MAX_DEPTH: usize = 16;

/// One file of a configuration.
pub struct ConfigFile {
    pub path: PathBuf,
    pub doc: Document,
    /// Read because another file includes it (lint it as a fragment).
    pub included: bool,
    /// A `.sources` file of a `sourcedir` (lint it as one).
    pub sources: bool,
    /// Findings about reading the files it includes (on its own lines).
    pub problems: Vec<Diagnostic>,
}

/// `root` followed by every file it includes, depth first, in chronyd's
/// order.
pub fn with_includes(path: PathBuf, doc: Document) -> Vec<ConfigFile> {
    let mut out = Vec::new();
    let mut seen = HashSet::new();
    visit(path, doc, false, 0, &mut seen, &mut out);
    // chronyd reads the `.sources` files of every `sourcedir` line after
    // the configuration (conf.c CNF_ReloadSources).
    let dirs: Vec<String> = out
        .iter()
        .flat_map(|f| f.doc.directives())
        .filter_map(|(_, d)| match d {
            Directive::Dirs {
                name: "sourcedir",
                dirs,
            } => Some(dirs.clone()),
            _ => None,
        })
        .flatten()
        .collect();
    for file in in_dirs(&dirs, "sources") {
        let key = file.canonicalize().unwrap_or_else(|_| file.clone());
        // Unreadable ones chronyd skips (UTI_OpenFile, not fatal).
        if file.is_dir() || !seen.insert(key) {
            continue;
        }
        if let Ok(bytes) = std::fs::read(&file) {
            out.push(ConfigFile {
                path: file,
                doc: Document::parse(bytes),
                included: true,
                sources: true,
                problems: Vec::new(),
            });
        }
    }
    out
}

fn visit(
    path: PathBuf,
    doc: Document,
    included: bool,
    depth: usize,
    seen: &mut HashSet<PathBuf>,
    out: &mut Vec<ConfigFile>,
) {
    seen.insert(path.canonicalize().unwrap_or_else(|_| path.clone()));
    let targets = include_targets(&doc);
    let at = out.len();
    out.push(ConfigFile {
        path,
        doc,
        included,
        sources: false,
        problems: Vec::new(),
    });
    if depth >= MAX_DEPTH {
        return;
    }
    for (line, target) in targets {
        for file in resolve(&target) {
            let key = file.canonicalize().unwrap_or_else(|_| file.clone());
            if file.is_dir() || seen.contains(&key) {
                continue;
            }
            match std::fs::read(&file) {
                Ok(bytes) => visit(file, Document::parse(bytes), true, depth + 1, seen, out),
                Err(e) => out[at].problems.push(Diagnostic::new(
                    Rule::IncludeUnreadable,
                    Some(line + 1),
                    std::iter::once(("path", file.display().to_string()))
                        .chain(crate::i18n::OsError::from(&e).args())
                        .collect(),
                )),
            }
        }
    }
}

/// The existing files a line names, in the order chronyd reads them.
fn resolve(target: &IncludeTarget) -> Vec<PathBuf> {
    match target {
        IncludeTarget::Pattern(p) => matches(p),
        IncludeTarget::ConfDirs(dirs) => in_dirs(dirs, "conf"),
    }
}

/// The files glob(3) matches, without GLOB_PERIOD: a leading dot must be
/// spelled out.
fn matches(pattern: &str) -> Vec<PathBuf> {
    let options = glob::MatchOptions {
        case_sensitive: true,
        require_literal_separator: true,
        require_literal_leading_dot: true,
    };
    glob::glob_with(pattern, options)
        .map(|paths| paths.filter_map(Result::ok).collect())
        .unwrap_or_default()
}

/// The `*.EXT` files of `dirs` as chronyd reads them (conf.c
/// search_dirs): sorted by file name, a name already seen in an earlier
/// directory skipped.
fn in_dirs(dirs: &[String], ext: &str) -> Vec<PathBuf> {
    let mut files: Vec<PathBuf> = Vec::new();
    let mut names = HashSet::new();
    for dir in dirs {
        let pattern = format!("{}/*.{ext}", glob::Pattern::escape(dir));
        for f in matches(&pattern) {
            if names.insert(f.file_name().map(|n| n.to_owned())) {
                files.push(f);
            }
        }
    }
    files.sort_by(|a, b| a.file_name().cmp(&b.file_name()));
    files
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::path::Path;

    fn write(dir: &Path, name: &str, text: &str) -> PathBuf {
        let p = dir.join(name);
        std::fs::write(&p, text).unwrap();
        p
    }

    #[test]
    fn sourcedir_files_come_last_marked_as_sources_files() {
        let t = tempfile::tempdir().unwrap();
        let d = t.path().join("src.d");
        std::fs::create_dir_all(&d).unwrap();
        write(&d, "dhcp.sources", "makestep 1 3\nserver 192.0.2.43 iburst");
        write(&d, "notes.conf", "server never-read\n");
        let root = format!("sourcedir {}\nserver 192.0.2.1 iburst\n", d.display());
        let files = with_includes(t.path().join("chrony.conf"), Document::parse(root));
        let names: Vec<_> = files.iter().map(|f| f.path.clone()).collect();
        assert_eq!(
            names,
            [t.path().join("chrony.conf"), d.join("dhcp.sources")]
        );
        assert!(files[1].sources && files[1].included && !files[0].sources);
    }

    #[test]
    fn confdir_reads_conf_files_by_name_and_skips_shadowed_ones() {
        let t = tempfile::tempdir().unwrap();
        let (a, b) = (t.path().join("a"), t.path().join("b"));
        std::fs::create_dir_all(&a).unwrap();
        std::fs::create_dir_all(&b).unwrap();
        write(&a, "20-x.conf", "server x\n");
        write(&b, "10-y.conf", "server y\n");
        write(&b, "20-x.conf", "server shadowed\n");
        write(&b, "notes.txt", "garbage\n");
        let root = format!("confdir {} {}\n", a.display(), b.display());
        let files = with_includes(t.path().join("chrony.conf"), Document::parse(root));
        let names: Vec<_> = files.iter().map(|f| f.path.clone()).collect();
        assert_eq!(
            names,
            vec![
                t.path().join("chrony.conf"),
                b.join("10-y.conf"),
                a.join("20-x.conf")
            ]
        );
        assert!(files[1].included && !files[0].included);
    }

    #[test]
    fn include_is_recursive_and_stops_at_a_loop() {
        let t = tempfile::tempdir().unwrap();
        let d = t.path();
        let one = write(d, "one.inc", &format!("include {}/two.inc\n", d.display()));
        write(
            d,
            "two.inc",
            &format!("include {}\nserver z\n", one.display()),
        );
        let root = write(
            d,
            "chrony.conf",
            &format!("include {}/*.inc\n", d.display()),
        );
        let doc = Document::parse(std::fs::read(&root).unwrap());
        let files = with_includes(root, doc);
        // one.inc, two.inc through one.inc; neither again.
        assert_eq!(files.len(), 3);
        assert!(files[2].doc.sources().any(|(_, s)| s.host == "z"));
    }

    #[test]
    fn an_unreadable_included_file_is_an_error_on_the_include_line() {
        // A dangling link: readable by nobody, root included.
        let t = tempfile::tempdir().unwrap();
        std::os::unix::fs::symlink(t.path().join("gone"), t.path().join("x.conf")).unwrap();
        let root = format!("# x\ninclude {}/*.conf\n", t.path().display());
        let files = with_includes(t.path().join("main"), Document::parse(root));
        assert_eq!(files.len(), 1);
        assert_eq!(files[0].problems.len(), 1, "{:?}", files[0].problems);
        assert_eq!(files[0].problems[0].rule, Rule::IncludeUnreadable);
        assert_eq!(files[0].problems[0].line, Some(2));
    }
}
