//! The system-mode guard on the filesystem. `core::conf::guard` judges the
//! words of the submitted file; this follows every file chronyd will read
//! as configuration (`include`, `confdir`, `sourcedir`), resolving globs and
//! symlinks, and checks it where it really is: under chrony's directories,
//! and writable by nobody but root (or the helper's own user). Paths that
//! chronyd reads or writes for other reasons (keys, certificates, pid and
//! drift files) must resolve under the allowed places too.
//!
//! It runs before anything else in an apply touches the filesystem, and the
//! textual check comes first: a path outside the allowed places is refused
//! without being looked at, so the answer never tells whether it exists.

use std::os::unix::fs::{MetadataExt, PermissionsExt};
use std::path::{Component, Path, PathBuf};

use crate::core::codes::ErrorCode;
use crate::core::conf::Document;
use crate::core::conf::guard::{PathPolicy, PathUse, paths_of, refused_paths};

/// Files of a configuration followed at most (chronyd has no limit; a
/// directory of thousands of fragments is not a configuration).
const MAX_FILES: usize = 512;
/// Include depth at most (a file that includes itself through others).
const MAX_DEPTH: usize = 16;
/// An included file larger than this is not a configuration fragment.
const MAX_FILE_BYTES: u64 = 1 << 20;

/// Why the guard refuses a configuration.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Refusal {
    /// A path or user the policy does not allow, in the submitted file
    /// (`value` is what the user wrote) or in a file it pulls in (only
    /// where: its words may be something the user cannot read).
    NotAllowed {
        file: Option<PathBuf>,
        line: usize,
        directive: String,
        value: Option<String>,
    },
    /// A file chronyd would read as configuration, or a directory on its
    /// way, can be changed by someone other than root.
    Untrusted { path: PathBuf },
}

impl Refusal {
    /// The error code and its detail for the client.
    pub fn code_detail(&self) -> (ErrorCode, String) {
        match self {
            Refusal::NotAllowed {
                file,
                line,
                directive,
                value,
            } => {
                let at = match file {
                    Some(f) => format!("{}:{line}", f.display()),
                    None => line.to_string(),
                };
                let detail = match value {
                    Some(v) => format!("{at}: {directive} {v}"),
                    None => format!("{at}: {directive}"),
                };
                (ErrorCode::ApplyPathNotAllowed, detail)
            }
            Refusal::Untrusted { path } => {
                (ErrorCode::ApplyPathUntrusted, path.display().to_string())
            }
        }
    }
}

/// Who may own what root reads as configuration.
#[derive(Debug, Clone)]
pub struct Trust {
    pub uids: Vec<u32>,
}

impl Trust {
    /// Root and the helper's own user.
    pub fn this_process() -> Trust {
        let me = rustix::process::geteuid().as_raw();
        let mut uids = vec![0];
        if me != 0 {
            uids.push(me);
        }
        Trust { uids }
    }
}

struct Walk<'a> {
    policy: &'a PathPolicy,
    trust: &'a Trust,
    files: usize,
}

/// Checks the submitted configuration and everything it makes chronyd read.
pub fn check(
    doc: &Document,
    policy: &PathPolicy,
    trust: &Trust,
    current_user: Option<&str>,
) -> Result<(), Refusal> {
    // The words first, touching nothing.
    if let Some(r) = refused_paths(doc, policy, current_user).into_iter().next() {
        return Err(Refusal::NotAllowed {
            file: None,
            line: r.line,
            directive: r.directive,
            value: Some(r.value),
        });
    }
    let mut walk = Walk {
        policy,
        trust,
        files: 0,
    };
    walk.document(doc, None, current_user, 0)
}

impl Walk<'_> {
    fn document(
        &mut self,
        doc: &Document,
        file: Option<&Path>,
        current_user: Option<&str>,
        depth: usize,
    ) -> Result<(), Refusal> {
        if let Some(f) = file
            && let Some(r) = refused_paths(doc, self.policy, current_user)
                .into_iter()
                .next()
        {
            return Err(Refusal::NotAllowed {
                file: Some(f.to_path_buf()),
                line: r.line,
                directive: r.directive,
                value: None,
            });
        }
        for (i, line) in doc.lines().iter().enumerate() {
            let Some(d) = line.directive() else { continue };
            let name = d.name.to_ascii_lowercase();
            let refuse = || Refusal::NotAllowed {
                file: file.map(Path::to_path_buf),
                line: i + 1,
                directive: name.clone(),
                value: file.is_none().then(|| d.args.trim().to_string()),
            };
            for (path, use_) in paths_of(&name, &d.args) {
                match name.as_str() {
                    "include" => {
                        for f in expand(path, None) {
                            self.config_file(&f, current_user, depth, &refuse)?;
                        }
                    }
                    "confdir" | "sourcedir" => {
                        let ext = if name == "confdir" { "conf" } else { "sources" };
                        if let Ok(dir) = std::fs::canonicalize(path) {
                            self.placed(&dir, PathUse::Read, &refuse)?;
                            self.trusted(&dir)?;
                        }
                        for f in expand(path, Some(ext)) {
                            self.config_file(&f, current_user, depth, &refuse)?;
                        }
                    }
                    _ => self.resolved(Path::new(path), use_, &refuse)?,
                }
            }
        }
        Ok(())
    }

    /// A file chronyd reads as configuration: where it resolves, who may
    /// change it, and what it says.
    fn config_file(
        &mut self,
        path: &Path,
        current_user: Option<&str>,
        depth: usize,
        refuse: &dyn Fn() -> Refusal,
    ) -> Result<(), Refusal> {
        // A dangling link or an unreadable entry: refused like any other
        // path that does not lead where it may.
        let real = std::fs::canonicalize(path).map_err(|_| refuse())?;
        self.placed(&real, PathUse::Read, refuse)?;
        self.trusted(&real)?;
        let meta = std::fs::metadata(&real).map_err(|_| refuse())?;
        if meta.is_dir() {
            return Ok(());
        }
        self.files += 1;
        if !meta.is_file()
            || meta.len() > MAX_FILE_BYTES
            || self.files > MAX_FILES
            || depth >= MAX_DEPTH
        {
            return Err(refuse());
        }
        let bytes = std::fs::read(&real).map_err(|_| refuse())?;
        self.document(
            &Document::parse(bytes),
            Some(&real),
            current_user,
            depth + 1,
        )
    }

    /// The canonical path is still an allowed place.
    fn placed(
        &self,
        real: &Path,
        use_: PathUse,
        refuse: &dyn Fn() -> Refusal,
    ) -> Result<(), Refusal> {
        match real.to_str() {
            Some(s) if self.policy.allows(s, use_) => Ok(()),
            _ => Err(refuse()),
        }
    }

    /// A path chronyd opens (keys, certificates, devices) or creates (pid,
    /// drift, log files): where it, or the directory it would be created
    /// in, really is.
    fn resolved(
        &self,
        path: &Path,
        use_: PathUse,
        refuse: &dyn Fn() -> Refusal,
    ) -> Result<(), Refusal> {
        if let Ok(real) = std::fs::canonicalize(path) {
            return self.placed(&real, use_, refuse);
        }
        // Not there yet: a link that dangles must not lead out either.
        if std::fs::symlink_metadata(path).is_ok() {
            return Err(refuse());
        }
        match (path.parent(), path.file_name()) {
            (Some(parent), Some(name)) => match std::fs::canonicalize(parent) {
                Ok(real) => self.placed(&real.join(name), use_, refuse),
                // chronyd would fail to create it; that is for chronyd -p.
                Err(_) => Ok(()),
            },
            _ => Err(refuse()),
        }
    }

    /// `real` (canonical) and every directory above it can be changed only
    /// by root or the helper's user. A world-writable directory on the way
    /// is accepted only with its sticky bit (`/tmp`): then nobody else can
    /// replace what the trusted owner put there.
    fn trusted(&self, real: &Path) -> Result<(), Refusal> {
        let mut at = PathBuf::new();
        let parts: Vec<Component> = real.components().collect();
        for (i, c) in parts.iter().enumerate() {
            at.push(c);
            let m = std::fs::symlink_metadata(&at).map_err(|_| Refusal::Untrusted {
                path: real.to_path_buf(),
            })?;
            let mode = m.permissions().mode();
            let last = i + 1 == parts.len();
            let others_write = mode & 0o022 != 0;
            let sticky_dir = m.is_dir() && mode & 0o1000 != 0;
            let owner_ok = self.trust.uids.contains(&m.uid());
            if !owner_ok || (others_write && (last || !sticky_dir)) {
                return Err(Refusal::Untrusted { path: at });
            }
        }
        Ok(())
    }
}

/// The files a pattern names, as chronyd reads them: `include` takes a
/// glob(3) pattern; `confdir`/`sourcedir` the `*.conf`/`*.sources` files of
/// a directory.
fn expand(pattern: &str, dir_ext: Option<&str>) -> Vec<PathBuf> {
    let options = glob::MatchOptions {
        case_sensitive: true,
        require_literal_separator: true,
        require_literal_leading_dot: true,
    };
    let pattern = match dir_ext {
        Some(ext) => format!("{}/*.{ext}", glob::Pattern::escape(pattern)),
        None => pattern.to_string(),
    };
    glob::glob_with(&pattern, options)
        .map(|paths| paths.filter_map(Result::ok).take(MAX_FILES + 1).collect())
        .unwrap_or_default()
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::os::unix::fs::symlink;

    fn setup() -> (tempfile::TempDir, PathPolicy, Trust) {
        // Under the build directory: its parents are the developer's (or
        // root's), not /tmp's.
        let exe = std::env::current_exe().unwrap();
        let t = tempfile::tempdir_in(exe.parent().unwrap()).unwrap();
        let root = t.path().join("etc-chrony");
        std::fs::create_dir_all(root.join("conf.d")).unwrap();
        let policy =
            PathPolicy::distribution(&[root.display().to_string()], vec!["_chrony".into()]);
        (t, policy, Trust::this_process())
    }

    fn run(text: &str, policy: &PathPolicy, trust: &Trust) -> Result<(), Refusal> {
        check(&Document::parse(text), policy, trust, None)
    }

    #[test]
    fn included_files_are_checked_where_they_resolve() {
        let (t, policy, trust) = setup();
        let conf_d = t.path().join("etc-chrony/conf.d");
        std::fs::write(conf_d.join("ok.conf"), "server 10.0.0.1 iburst\n").unwrap();
        let ok = format!(
            "include {}/*.conf\nconfdir {}\n",
            conf_d.display(),
            conf_d.display()
        );
        assert_eq!(run(&ok, &policy, &trust), Ok(()));

        // What an included file says is checked too, without its words.
        std::fs::write(conf_d.join("evil.conf"), "pidfile /etc/anything\n").unwrap();
        match run(&ok, &policy, &trust) {
            Err(Refusal::NotAllowed {
                file: Some(f),
                line: 1,
                value: None,
                ..
            }) => assert!(f.ends_with("evil.conf")),
            other => panic!("{other:?}"),
        }
        std::fs::remove_file(conf_d.join("evil.conf")).unwrap();

        // A link in an allowed place that leads out of it.
        symlink("/etc/passwd", conf_d.join("link.conf")).unwrap();
        assert!(matches!(
            run(&ok, &policy, &trust),
            Err(Refusal::NotAllowed { line: 1, .. })
        ));
        std::fs::remove_file(conf_d.join("link.conf")).unwrap();

        // Writable by others: chronyd would read what anyone put there.
        let loose = conf_d.join("loose.conf");
        std::fs::write(&loose, "server x\n").unwrap();
        std::fs::set_permissions(&loose, std::fs::Permissions::from_mode(0o666)).unwrap();
        assert_eq!(
            run(&ok, &policy, &trust),
            Err(Refusal::Untrusted {
                path: std::fs::canonicalize(&loose).unwrap()
            })
        );
    }

    #[test]
    fn outside_paths_are_refused_the_same_whether_or_not_they_exist() {
        let (_t, policy, trust) = setup();
        let missing = run("include /root/nothing-here/x.conf\n", &policy, &trust);
        let existing = run("include /etc/passwd\n", &policy, &trust);
        let strip = |r: Result<(), Refusal>| match r {
            Err(Refusal::NotAllowed {
                line, directive, ..
            }) => (line, directive),
            other => panic!("{other:?}"),
        };
        assert_eq!(strip(missing), strip(existing));
        assert!(run("include /dev/shm/x.conf\n", &policy, &trust).is_err());
        assert!(run("confdir /tmp\n", &policy, &trust).is_err());
    }

    #[test]
    fn write_paths_follow_links_and_parents() {
        let (t, policy, trust) = setup();
        let d = t.path().join("etc-chrony");
        symlink("/etc", d.join("out")).unwrap();
        let text = format!("pidfile {}/out/x.pid\n", d.display());
        assert!(run(&text, &policy, &trust).is_err());
        let text = format!("pidfile {}/chronyd.pid\n", d.display());
        assert_eq!(run(&text, &policy, &trust), Ok(()));
    }
}
