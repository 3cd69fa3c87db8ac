//! The system-mode guard on the filesystem. `core::conf::guard` judges the
//! words of the submitted file; this follows every file chronyd will read
//! as configuration (`include`, `confdir`, `sourcedir`), resolving globs and
//! symlinks, and checks every path the configuration names where it really
//! is: under chrony's directories (the placement policy), and trusted by
//! the rule of [`crate::fsutil::trust`] (it and everything above it root's,
//! or chronyd's own user's for what chronyd writes, and writable by nobody
//! else; a glob's directory closed to others even while nothing matches).
//!
//! It runs before anything else in an apply touches the filesystem, and the
//! textual check comes first: a path outside the allowed places is refused
//! without being looked at, so the answer never tells whether it exists.
//! The trust part runs again before every start of chronyd ([`check_trust`]):
//! what was trusted at apply may have changed since.

use std::path::{Path, PathBuf};

use crate::core::codes::ErrorCode;
use crate::core::conf::Document;
use crate::core::conf::guard::{
    Distrust, DistrustKind, PathClass, PathPolicy, PathUse, refused_paths, trust_paths,
};
use crate::fsutil::open::{GLOB_OPTIONS, Links, read_capped};
use crate::fsutil::trust::{Leaf, Owners, Resolved, pattern_dirs, resolve};

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
    /// A path chronyd would use, or an entry on its way, fails the trust
    /// rule.
    Untrusted(Distrust),
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
            Refusal::Untrusted(d) => (ErrorCode::ApplyPathUntrusted, d.path.clone()),
        }
    }
}

/// Whose files root trusts: for what it reads as configuration, and for
/// what chronyd writes (chronyd's own user besides).
#[derive(Debug, Clone)]
pub struct Trust {
    pub config: Owners,
    pub chronyd: Owners,
}

impl Trust {
    /// Root and the helper's own user; chronyd's `users` (by name, through
    /// NSS: blocking) for what chronyd writes.
    pub fn this_process<'a>(users: impl IntoIterator<Item = &'a str>) -> Trust {
        let config = Owners::root_and_me();
        let chronyd = users
            .into_iter()
            .filter_map(|u| nix::unistd::User::from_name(u).ok().flatten())
            .fold(config.clone(), |o, u| {
                o.and_user(u.uid.as_raw(), u.gid.as_raw())
            });
        Trust { config, chronyd }
    }
}

struct Walk<'a> {
    /// `None`: the trust rule alone (at a start of chronyd).
    policy: Option<&'a PathPolicy>,
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
        policy: Some(policy),
        trust,
        files: 0,
    };
    walk.document(doc, None, current_user, 0)
}

/// The trust rule alone over a configuration chronyd is about to start
/// with (the administrator's own file may name places the apply policy
/// would not allow; nobody else may have changed what it names).
pub fn check_trust(doc: &Document, trust: &Trust) -> Result<(), Refusal> {
    let mut walk = Walk {
        policy: None,
        trust,
        files: 0,
    };
    walk.document(doc, None, None, 0)
}

/// A configuration file root is about to hand to chronyd, read by the rule:
/// trusted where it resolves, a regular file, at most 1 MiB, never blocking.
pub fn read_config(path: &Path, owners: &Owners) -> Result<Vec<u8>, Refusal> {
    let r = resolve(path, owners, Leaf::Read).map_err(Refusal::Untrusted)?;
    read_capped(&r.real, Links::Refuse, MAX_FILE_BYTES).map_err(|_| {
        Refusal::Untrusted(Distrust {
            path: r.real.display().to_string(),
            kind: DistrustKind::Special,
            owner: None,
        })
    })
}

fn wild(s: &str) -> bool {
    s.contains(['*', '?', '['])
}

impl Walk<'_> {
    fn document(
        &mut self,
        doc: &Document,
        file: Option<&Path>,
        current_user: Option<&str>,
        depth: usize,
    ) -> Result<(), Refusal> {
        if let (Some(f), Some(policy)) = (file, self.policy)
            && let Some(r) = refused_paths(doc, policy, current_user).into_iter().next()
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
            for (path, class) in trust_paths(&name, &d.args) {
                match (name.as_str(), class) {
                    ("include", _) => {
                        if wild(path) {
                            // Where names are looked up decides what
                            // matches later: closed, matching or not.
                            for dir in pattern_dirs(path, MAX_FILES) {
                                self.trusted(&dir, Leaf::Closed, &self.trust.config, &refuse)?;
                            }
                        }
                        let files = expand(path, None);
                        if files.is_empty() && !wild(path) {
                            self.trusted(Path::new(path), Leaf::Read, &self.trust.config, &refuse)?;
                        }
                        for f in files {
                            self.config_file(&f, current_user, depth, &refuse)?;
                        }
                    }
                    ("confdir" | "sourcedir", _) => {
                        let ext = if name == "confdir" { "conf" } else { "sources" };
                        self.trusted(Path::new(path), Leaf::Closed, &self.trust.config, &refuse)?;
                        for f in expand(path, Some(ext)) {
                            self.config_file(&f, current_user, depth, &refuse)?;
                        }
                    }
                    (_, PathClass::Device) => {
                        self.placed_as_resolved(Path::new(path), PathUse::Read, &refuse)?
                    }
                    (_, PathClass::Chronyd) => {
                        let r = self.trusted(
                            Path::new(path),
                            Leaf::Written,
                            &self.trust.chronyd,
                            &refuse,
                        )?;
                        self.placed(&r.real, PathUse::Write, &refuse)?;
                    }
                    (_, PathClass::Config | PathClass::Names) => {
                        let r =
                            self.trusted(Path::new(path), Leaf::Read, &self.trust.config, &refuse)?;
                        if r.meta.as_ref().is_some_and(|m| m.is_dir()) {
                            // A directory of certificates: its names count.
                            self.trusted(&r.real, Leaf::Closed, &self.trust.config, &refuse)?;
                        }
                    }
                }
            }
        }
        Ok(())
    }

    /// `path` passes the trust rule for `owners`, and (with a policy) lies
    /// in an allowed place once resolved.
    fn trusted(
        &self,
        path: &Path,
        leaf: Leaf,
        owners: &Owners,
        refuse: &dyn Fn() -> Refusal,
    ) -> Result<Resolved, Refusal> {
        let r = resolve(path, owners, leaf).map_err(Refusal::Untrusted)?;
        self.placed(&r.real, PathUse::Read, refuse)?;
        Ok(r)
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
        let r = self.trusted(path, Leaf::Read, &self.trust.config, refuse)?;
        // A dangling link or an unreadable entry: refused like any other
        // path that does not lead where it may.
        let meta = r.meta.as_ref().ok_or_else(refuse)?;
        if meta.is_dir() {
            return Ok(());
        }
        self.files += 1;
        if self.files > MAX_FILES || depth >= MAX_DEPTH {
            return Err(refuse());
        }
        let bytes = read_capped(&r.real, Links::Refuse, MAX_FILE_BYTES).map_err(|_| refuse())?;
        self.document(
            &Document::parse(bytes),
            Some(&r.real),
            current_user,
            depth + 1,
        )
    }

    /// The resolved path is still an allowed place (always, without a
    /// policy).
    fn placed(
        &self,
        real: &Path,
        use_: PathUse,
        refuse: &dyn Fn() -> Refusal,
    ) -> Result<(), Refusal> {
        let Some(policy) = self.policy else {
            return Ok(());
        };
        match real.to_str() {
            Some(s) if policy.allows(s, use_) => Ok(()),
            _ => Err(refuse()),
        }
    }

    /// A device chronyd opens: where it really is (links followed as the
    /// kernel would, without judging their owners: `/dev` is root's).
    fn placed_as_resolved(
        &self,
        path: &Path,
        use_: PathUse,
        refuse: &dyn Fn() -> Refusal,
    ) -> Result<(), Refusal> {
        if self.policy.is_none() {
            return Ok(());
        }
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
                // chronyd would fail to open it; that is for chronyd -p.
                Err(_) => Ok(()),
            },
            _ => Err(refuse()),
        }
    }
}

/// The files a pattern names, as chronyd reads them: `include` takes a
/// glob(3) pattern; `confdir`/`sourcedir` the `*.conf`/`*.sources` files of
/// a directory.
fn expand(pattern: &str, dir_ext: Option<&str>) -> Vec<PathBuf> {
    let pattern = match dir_ext {
        Some(ext) => format!("{}/*.{ext}", glob::Pattern::escape(pattern)),
        None => pattern.to_string(),
    };
    glob::glob_with(&pattern, GLOB_OPTIONS)
        .map(|paths| paths.filter_map(Result::ok).take(MAX_FILES + 1).collect())
        .unwrap_or_default()
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::os::unix::fs::{PermissionsExt, symlink};

    fn setup() -> (tempfile::TempDir, PathPolicy, Trust) {
        // Under the build directory: its parents are the developer's (or
        // root's), not /tmp's.
        let exe = std::env::current_exe().unwrap();
        let t = tempfile::tempdir_in(exe.parent().unwrap()).unwrap();
        let root = t.path().join("etc-chrony");
        std::fs::create_dir_all(root.join("conf.d")).unwrap();
        let policy =
            PathPolicy::distribution(&[root.display().to_string()], vec!["_chrony".into()]);
        (t, policy, Trust::this_process(["_chrony"]))
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
            Err(Refusal::Untrusted(Distrust {
                path: std::fs::canonicalize(&loose).unwrap().display().to_string(),
                kind: DistrustKind::Writable,
                owner: None,
            }))
        );
    }

    #[test]
    fn a_glob_that_matches_nothing_yet_needs_a_closed_directory() {
        let (t, policy, trust) = setup();
        let drop = t.path().join("etc-chrony/drop");
        std::fs::create_dir_all(&drop).unwrap();
        let text = format!("include {}/*.conf\n", drop.display());
        assert_eq!(run(&text, &policy, &trust), Ok(()));
        // Anyone may add a file there later: refused although empty now.
        std::fs::set_permissions(&drop, std::fs::Permissions::from_mode(0o1777)).unwrap();
        match run(&text, &policy, &trust) {
            Err(Refusal::Untrusted(d)) => {
                assert_eq!(d.kind, DistrustKind::Writable);
                assert!(d.path.ends_with("/drop"), "{d:?}");
            }
            other => panic!("{other:?}"),
        }
        // The same at a start, without the apply policy.
        assert!(check_trust(&Document::parse(&text), &trust).is_err());
        // A literal file that is not there yet: its directory decides.
        let text = format!("keyfile {}/chrony.keys\n", drop.display());
        assert!(matches!(
            run(&text, &policy, &trust),
            Err(Refusal::Untrusted(_))
        ));
    }

    #[test]
    fn a_tempcomp_point_file_is_a_path_chronyd_reads() {
        let (t, policy, trust) = setup();
        let sensor = t.path().join("etc-chrony/sensor");
        std::fs::write(&sensor, "40000\n").unwrap();
        let text = format!("tempcomp {} 30 /etc/shadow\n", sensor.display());
        match run(&text, &policy, &trust) {
            Err(Refusal::NotAllowed { value: Some(v), .. }) => assert!(v.contains("/etc/shadow")),
            other => panic!("{other:?}"),
        }
        let points = t.path().join("etc-chrony/points");
        std::fs::write(&points, "20 0\n").unwrap();
        let text = format!("tempcomp {} 30 {}\n", sensor.display(), points.display());
        assert_eq!(run(&text, &policy, &trust), Ok(()));
        // A FIFO where a file is read: refused, never opened.
        let fifo = t.path().join("etc-chrony/fifo");
        rustix::fs::mknodat(
            rustix::fs::CWD,
            &fifo,
            rustix::fs::FileType::Fifo,
            rustix::fs::Mode::from_raw_mode(0o600),
            0,
        )
        .unwrap();
        let text = format!(
            "ntsservercert {}\nntsserverkey {}\n",
            fifo.display(),
            points.display()
        );
        match run(&text, &policy, &trust) {
            Err(Refusal::Untrusted(d)) => assert_eq!(d.kind, DistrustKind::Special),
            other => panic!("{other:?}"),
        }
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
