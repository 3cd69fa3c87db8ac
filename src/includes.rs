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
    skipped_files(&mut out);
    no_source_anywhere(&mut out);
    duplicates_across_files(&mut out);
    out
}

/// Directory entries looked at per `confdir`/`sourcedir` directory, and
/// bytes read of each skipped file: a directory is outside input.
const MAX_DIR_ENTRIES: usize = 4096;
const MAX_SKIPPED_BYTES: u64 = 64 * 1024;

/// The files of a `sourcedir` / `confdir` directory chronyd skips for
/// their suffix (conf.c search_dirs globs `*.sources` / `*.conf`) although
/// they hold what the directory is for: source lines, or directives
/// chronyd takes. A README of prose is left alone.
fn skipped_files(files: &mut [ConfigFile]) {
    for f in files.iter_mut() {
        let lines: Vec<(usize, &'static str, Vec<String>)> = f
            .doc
            .directives()
            .filter_map(|(i, d)| match d {
                Directive::Dirs { name, dirs } => Some((i, *name, dirs.clone())),
                _ => None,
            })
            .collect();
        for (line, name, dirs) in lines {
            let ext = if name == "sourcedir" {
                "sources"
            } else {
                "conf"
            };
            for dir in dirs {
                let Ok(entries) = std::fs::read_dir(&dir) else {
                    continue;
                };
                let mut skipped: Vec<PathBuf> = entries
                    .take(MAX_DIR_ENTRIES)
                    .filter_map(Result::ok)
                    .map(|e| e.path())
                    .filter(|p| {
                        let n = p
                            .file_name()
                            .map(|n| n.to_string_lossy())
                            .unwrap_or_default();
                        !n.starts_with('.') && !n.ends_with(&format!(".{ext}")) && p.is_file()
                    })
                    .filter(|p| holds_directives(p, name == "sourcedir"))
                    .collect();
                skipped.sort();
                for file in skipped {
                    f.problems.push(Diagnostic::new(
                        Rule::DirFileSkipped,
                        Some(line + 1),
                        vec![
                            ("directive", name.to_string()),
                            ("ext", ext.to_string()),
                            ("dir", dir.clone()),
                            ("file", file.display().to_string()),
                        ],
                    ));
                }
            }
        }
    }
}

/// Whether a file has a line chronyd would take: a source line (for a
/// sourcedir) or any directive it reads.
fn holds_directives(path: &std::path::Path, sources_only: bool) -> bool {
    use std::io::Read;
    let mut bytes = Vec::new();
    let Ok(file) = std::fs::File::open(path) else {
        return false;
    };
    if file
        .take(MAX_SKIPPED_BYTES)
        .read_to_end(&mut bytes)
        .is_err()
    {
        return false;
    }
    Document::parse(bytes)
        .directives()
        .any(|(_, d)| !sources_only || matches!(d, Directive::Source(_)))
}

/// A configuration that reads other files but has no server, pool, peer
/// or refclock line in any of them: lint of the main file alone cannot
/// tell (the sources could be in the files), so it is said here.
fn no_source_anywhere(files: &mut [ConfigFile]) {
    let Some(root) = files.first() else {
        return;
    };
    let reads_dirs = root.doc.directives().any(|(_, d)| {
        matches!(d, Directive::Dirs { .. })
            || matches!(d, Directive::Simple { spec, .. } if spec.name == "include")
    });
    // A refused source line is an error of its own, not a missing source.
    let has_source = files.iter().any(|f| {
        f.doc.directive_lines().any(|(_, d)| {
            ["server", "pool", "peer", "refclock"]
                .iter()
                .any(|n| d.name.eq_ignore_ascii_case(n))
        })
    });
    if !reads_dirs || has_source {
        return;
    }
    let local = files
        .iter()
        .filter(|f| !f.sources)
        .any(|f| f.doc.local().is_some());
    files[0].problems.push(Diagnostic::new(
        Rule::NoSourcesRead,
        None,
        vec![("local", if local { "yes" } else { "no" }.to_string())],
    ));
}

/// One address, one source across the files too: chronyd adds a host once
/// (4.3+ logs "Could not add source") whichever file names it again.
/// Duplicates within one file are that file's lint's.
fn duplicates_across_files(files: &mut [ConfigFile]) {
    let mut seen: std::collections::HashMap<String, (usize, usize)> = Default::default();
    let mut found = Vec::new();
    for (fi, f) in files.iter().enumerate() {
        for (i, s) in f.doc.sources() {
            let key = s.host.to_ascii_lowercase();
            match seen.get(&key) {
                Some(&(first_file, first_line)) if first_file != fi => {
                    found.push((fi, i, s.host.clone(), first_file, first_line))
                }
                Some(_) => {}
                None => {
                    seen.insert(key, (fi, i));
                }
            }
        }
    }
    for (fi, i, host, ff, fl) in found {
        let file = files[ff].path.display().to_string();
        files[fi].problems.push(Diagnostic::new(
            Rule::DuplicateSourceFile,
            Some(i + 1),
            vec![
                ("host", host),
                ("file", file),
                ("line", (fl + 1).to_string()),
            ],
        ));
    }
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

    fn rules(files: &[ConfigFile]) -> Vec<(usize, Rule, Option<usize>)> {
        files
            .iter()
            .enumerate()
            .flat_map(|(f, c)| c.problems.iter().map(move |d| (f, d.rule, d.line)))
            .collect()
    }

    #[test]
    fn a_dir_file_with_another_suffix_is_named_and_no_source_is_said() {
        // The R25 case: the only sources sit in aliyun.source (no "s").
        let t = tempfile::tempdir().unwrap();
        let (sd, cd) = (t.path().join("sd"), t.path().join("cd"));
        std::fs::create_dir_all(&sd).unwrap();
        std::fs::create_dir_all(&cd).unwrap();
        write(&sd, "aliyun.source", "server ntp1.aliyun.com iburst\n");
        write(&sd, "x.sources.bak", "pool pool.example.org iburst\n");
        // Prose (Debian ships a README in both directories): not named.
        write(&sd, "README", "Files found in this directory are read.\n");
        write(&cd, "x.conf.orig", "makestep 1 3\n");
        let root = format!(
            "local stratum 8\nsourcedir {}\nconfdir {}\n",
            sd.display(),
            cd.display()
        );
        let files = with_includes(t.path().join("chrony.conf"), Document::parse(&root));
        assert_eq!(
            rules(&files),
            [
                (0, Rule::DirFileSkipped, Some(2)),
                (0, Rule::DirFileSkipped, Some(2)),
                (0, Rule::DirFileSkipped, Some(3)),
                (0, Rule::NoSourcesRead, None),
            ]
        );
        assert!(
            files[0].problems[0]
                .arg("file")
                .unwrap()
                .ends_with("aliyun.source")
        );
        assert_eq!(files[0].problems[3].arg("local"), Some("yes"));
        // Named right, the source is read: nothing to say.
        std::fs::rename(sd.join("aliyun.source"), sd.join("aliyun.sources")).unwrap();
        std::fs::remove_file(sd.join("x.sources.bak")).unwrap();
        std::fs::remove_file(cd.join("x.conf.orig")).unwrap();
        let files = with_includes(t.path().join("chrony.conf"), Document::parse(&root));
        assert!(rules(&files).is_empty(), "{:?}", rules(&files));
    }

    #[test]
    fn a_source_named_again_in_a_sources_file_is_a_duplicate() {
        let t = tempfile::tempdir().unwrap();
        let d = t.path().join("sd");
        std::fs::create_dir_all(&d).unwrap();
        write(
            &d,
            "dup.sources",
            "server 192.0.2.9 iburst\nserver NTP1.example.org iburst\n",
        );
        let root = format!(
            "server ntp1.example.org iburst\nsourcedir {}\n",
            d.display()
        );
        let files = with_includes(t.path().join("chrony.conf"), Document::parse(root));
        assert_eq!(rules(&files), [(1, Rule::DuplicateSourceFile, Some(2))]);
        let p = &files[1].problems[0];
        assert_eq!(p.arg("line"), Some("1"));
        assert_eq!(
            p.arg("file"),
            Some(t.path().join("chrony.conf").to_str().unwrap())
        );
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
        let root = format!(
            "server 192.0.2.1 iburst\ninclude {}/*.conf\n",
            t.path().display()
        );
        let files = with_includes(t.path().join("main"), Document::parse(root));
        assert_eq!(files.len(), 1);
        assert_eq!(files[0].problems.len(), 1, "{:?}", files[0].problems);
        assert_eq!(files[0].problems[0].rule, Rule::IncludeUnreadable);
        assert_eq!(files[0].problems[0].line, Some(2));
    }
}
