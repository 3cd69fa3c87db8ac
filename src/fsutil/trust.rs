//! Trust follows ownership: the one rule for every path root reads or
//! writes on someone's behalf.
//!
//! A path is trusted only if it, every directory above it and every
//! symbolic link on the way belong to a trusted user (root, or the user who
//! asked, for that user's own files) and nobody else can write them:
//!
//! - a directory on the way that others can write must be sticky (`/tmp`):
//!   then nobody else can rename or replace what a trusted user put there;
//! - the file itself must be writable by its trusted owner alone;
//! - a directory whose entries are read (an `include` glob, `confdir`,
//!   `sourcedir`), or where a file is still to be created, must be closed
//!   to everybody else, sticky or not: anyone who can add a name there
//!   decides what root reads later, even when nothing matches today;
//! - what chronyd itself writes (pid, drift, log and dump files) may belong
//!   to chronyd's own user as well, never to a third one.
//!
//! "Nobody else can write" means no write bit for others, and none for the
//! group unless it is root's group (or, for a user's own files, that user's
//! primary group). chronyd's own user (`_chrony`) is "another user": a
//! compromised chronyd must gain nothing through root.
//!
//! The path is walked as the kernel resolves it, one entry at a time with
//! `lstat`, links followed only once the link itself is trusted. A path
//! that passes cannot change under root's feet afterwards, since only
//! trusted users can change anything on its way; root then opens it with
//! `O_NOFOLLOW | O_NONBLOCK` and checks it got a regular file
//! ([`super::open`]). Access control lists are not read: a directory with
//! ACLs granting others write access must not be used for these files.

use std::collections::VecDeque;
use std::ffi::OsString;
use std::os::unix::fs::{MetadataExt, PermissionsExt};
use std::path::{Component, Path, PathBuf};

pub use crate::core::conf::guard::{Distrust, DistrustKind, PathClass};

/// Links followed at most on one path (the kernel's limit).
const MAX_LINKS: usize = 40;

/// The users (and groups) whose files root trusts for one purpose.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Owners {
    pub uids: Vec<u32>,
    /// Groups whose write bit does not count as "others".
    pub gids: Vec<u32>,
}

impl Owners {
    /// Root alone.
    pub fn root() -> Owners {
        Owners {
            uids: vec![0],
            gids: vec![0],
        }
    }

    /// Root and the user this process runs as (a user's own files).
    pub fn root_and_me() -> Owners {
        let mut o = Owners::root();
        let uid = rustix::process::geteuid().as_raw();
        if uid != 0 {
            o.uids.push(uid);
            o.gids.push(rustix::process::getegid().as_raw());
        }
        o
    }

    /// These owners and the user `uid` with its group `gid` too
    /// (chronyd's user, for what chronyd writes: its socket directory is
    /// 0770 so that the group's members can run chronyc).
    pub fn and_user(mut self, uid: u32, gid: u32) -> Owners {
        if !self.uids.contains(&uid) {
            self.uids.push(uid);
        }
        if !self.gids.contains(&gid) {
            self.gids.push(gid);
        }
        self
    }

    fn owns(&self, m: &std::fs::Metadata) -> bool {
        self.uids.contains(&m.uid())
    }

    /// Whether someone outside these owners can write `m`.
    fn others_write(&self, m: &std::fs::Metadata) -> bool {
        let mode = m.permissions().mode();
        mode & 0o002 != 0 || (mode & 0o020 != 0 && !self.gids.contains(&m.gid()))
    }
}

/// What the last entry of a path must be.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Leaf {
    /// A file (or directory) that is read: writable by its owner alone. A
    /// missing one is judged by the directory it would be created in.
    Read,
    /// A directory whose entries are read or created: nobody else may add
    /// a name to it.
    Closed,
    /// Something chronyd writes: any type (its command socket too), owned
    /// as the rule says; a directory must be closed, a file writable by its
    /// owner alone (a socket's mode only governs connecting).
    Written,
}

/// Where a trusted path leads.
#[derive(Debug, Clone)]
pub struct Resolved {
    /// The path with every link resolved (the missing tail appended as
    /// written).
    pub real: PathBuf,
    /// The last entry's metadata; `None` when it does not exist.
    pub meta: Option<std::fs::Metadata>,
}

impl Resolved {
    pub fn exists(&self) -> bool {
        self.meta.is_some()
    }
}

fn distrust(path: &Path, kind: DistrustKind, owner: Option<u32>) -> Distrust {
    Distrust {
        path: path.display().to_string(),
        kind,
        owner: owner.map(|uid| {
            nix::unistd::User::from_uid(nix::unistd::Uid::from_raw(uid))
                .ok()
                .flatten()
                .map_or_else(|| uid.to_string(), |u| u.name)
        }),
    }
}

fn lstat(p: &Path) -> std::io::Result<std::fs::Metadata> {
    std::fs::symlink_metadata(p)
}

/// Walks `path` entry by entry as the kernel resolves it and checks each
/// against the rule (see the module's text). A relative path is taken from
/// the current directory.
pub fn resolve(path: &Path, owners: &Owners, leaf: Leaf) -> Result<Resolved, Distrust> {
    let absolute = std::path::absolute(path).unwrap_or_else(|_| path.to_path_buf());
    let mut pending: VecDeque<OsString> = VecDeque::new();
    push_front(&mut pending, &absolute);
    let mut cur = PathBuf::from("/");
    let root = lstat(&cur).map_err(|_| distrust(&cur, DistrustKind::Special, None))?;
    check_dir_on_way(&cur, &root, owners)?;
    let mut cur_meta = root;
    let mut links = 0;
    while let Some(name) = pending.pop_front() {
        if name == ".." {
            cur.pop();
            cur_meta = lstat(&cur).map_err(|_| distrust(&cur, DistrustKind::Special, None))?;
            continue;
        }
        let next = cur.join(&name);
        let m = match lstat(&next) {
            Ok(m) => m,
            Err(_) => {
                // Not there (or not reachable): whoever may add a name to
                // the directory it would be in decides what it becomes.
                if owners.others_write(&cur_meta) {
                    return Err(distrust(&cur, DistrustKind::Writable, None));
                }
                let mut real = next;
                real.extend(pending);
                return Ok(Resolved { real, meta: None });
            }
        };
        if !owners.owns(&m) {
            return Err(distrust(&next, DistrustKind::Owner, Some(m.uid())));
        }
        if m.file_type().is_symlink() {
            links += 1;
            if links > MAX_LINKS {
                return Err(distrust(&next, DistrustKind::Loop, None));
            }
            let target = std::fs::read_link(&next)
                .map_err(|_| distrust(&next, DistrustKind::Special, None))?;
            if target.is_absolute() {
                cur = PathBuf::from("/");
                cur_meta = lstat(&cur).map_err(|_| distrust(&cur, DistrustKind::Special, None))?;
            }
            push_front(&mut pending, &target);
            continue;
        }
        if pending.is_empty() {
            use std::os::unix::fs::FileTypeExt;
            let socket = m.file_type().is_socket();
            let open = match leaf {
                Leaf::Read => owners.others_write(&m),
                Leaf::Closed => !m.is_dir() || owners.others_write(&m),
                Leaf::Written => !socket && owners.others_write(&m),
            };
            let plain = m.is_file() || m.is_dir() || (socket && leaf == Leaf::Written);
            if !plain {
                return Err(distrust(&next, DistrustKind::Special, None));
            }
            if open {
                return Err(distrust(&next, DistrustKind::Writable, None));
            }
            return Ok(Resolved {
                real: next,
                meta: Some(m),
            });
        }
        if !m.is_dir() {
            // A file in the middle of a path: nothing lies beyond it.
            let mut real = next;
            real.extend(pending);
            return Ok(Resolved { real, meta: None });
        }
        check_dir_on_way(&next, &m, owners)?;
        cur = next;
        cur_meta = m;
    }
    // The path was "/" (or ended in "..").
    if leaf == Leaf::Closed && owners.others_write(&cur_meta) {
        return Err(distrust(&cur, DistrustKind::Writable, None));
    }
    Ok(Resolved {
        real: cur,
        meta: Some(cur_meta),
    })
}

/// A directory passed through: a trusted owner, and others may write it
/// only if it is sticky (they cannot replace what is not theirs).
fn check_dir_on_way(p: &Path, m: &std::fs::Metadata, owners: &Owners) -> Result<(), Distrust> {
    if !owners.owns(m) {
        return Err(distrust(p, DistrustKind::Owner, Some(m.uid())));
    }
    if owners.others_write(m) && m.permissions().mode() & 0o1000 == 0 {
        return Err(distrust(p, DistrustKind::Writable, None));
    }
    Ok(())
}

fn push_front(pending: &mut VecDeque<OsString>, p: &Path) {
    let mut parts: Vec<OsString> = Vec::new();
    for c in p.components() {
        match c {
            Component::Normal(n) => parts.push(n.to_os_string()),
            Component::ParentDir => parts.push("..".into()),
            Component::RootDir | Component::CurDir | Component::Prefix(_) => {}
        }
    }
    for part in parts.into_iter().rev() {
        pending.push_front(part);
    }
}

/// A path a directive names, judged by the rule for its class: `config`
/// owners for what root reads as configuration (a glob's directories
/// closed, a directory of files closed), `chronyd` owners for what chronyd
/// writes; a device only by where it lies (not here). `None`: trusted.
pub fn judge(path: &str, class: PathClass, config: &Owners, chronyd: &Owners) -> Option<Distrust> {
    let p = Path::new(path);
    let checked = match class {
        PathClass::Device => return None,
        PathClass::Names if path.contains(['*', '?', '[']) => pattern_dirs(path, 512)
            .iter()
            .try_for_each(|d| resolve(d, config, Leaf::Closed).map(|_| ())),
        PathClass::Names | PathClass::Config => match resolve(p, config, Leaf::Read) {
            // A directory whose files are read: its names count.
            Ok(r) if r.meta.as_ref().is_some_and(|m| m.is_dir()) => {
                resolve(&r.real, config, Leaf::Closed).map(|_| ())
            }
            other => other.map(|_| ()),
        },
        PathClass::Chronyd => resolve(p, chronyd, Leaf::Written).map(|_| ()),
    };
    checked.err()
}

/// The directories a glob pattern reads names from: its literal directory
/// and, where a directory part has wildcards, every directory it matches
/// (at most `cap` in all). All of them must be closed to others.
pub fn pattern_dirs(pattern: &str, cap: usize) -> Vec<PathBuf> {
    let wild = |s: &str| s.contains(['*', '?', '[']);
    let p = Path::new(pattern);
    let parts: Vec<String> = p
        .components()
        .map(|c| c.as_os_str().to_string_lossy().into_owned())
        .collect();
    let Some((_last, dirs)) = parts.split_last() else {
        return Vec::new();
    };
    let mut current = vec![PathBuf::new()];
    let mut out = Vec::new();
    for part in dirs {
        if !wild(part) {
            current.iter_mut().for_each(|d| d.push(part));
            continue;
        }
        // Names are looked up here: this directory decides what matches.
        out.extend(current.iter().cloned());
        let mut next = Vec::new();
        for d in &current {
            let pat = format!("{}/{part}", glob::Pattern::escape(&d.to_string_lossy()));
            let found = glob::glob_with(&pat, super::open::GLOB_OPTIONS)
                .map(|paths| {
                    paths
                        .filter_map(Result::ok)
                        .filter(|m| m.is_dir())
                        .take(cap)
                        .collect::<Vec<_>>()
                })
                .unwrap_or_default();
            next.extend(found);
            if next.len() >= cap {
                break;
            }
        }
        current = next;
    }
    out.extend(current);
    out.truncate(cap);
    out.dedup();
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::os::unix::fs::symlink;

    fn mode(p: &Path, m: u32) {
        std::fs::set_permissions(p, std::fs::Permissions::from_mode(m)).unwrap();
    }

    /// A directory whose ancestors are this user's or root's (not /tmp's
    /// other users): beside the test binary.
    fn base() -> tempfile::TempDir {
        let exe = std::env::current_exe().unwrap();
        tempfile::tempdir_in(exe.parent().unwrap()).unwrap()
    }

    #[test]
    fn a_closed_tree_is_trusted_and_an_open_file_or_directory_is_not() {
        let t = base();
        let o = Owners::root_and_me();
        let d = t.path().join("conf.d");
        std::fs::create_dir(&d).unwrap();
        mode(&d, 0o755);
        let f = d.join("a.conf");
        std::fs::write(&f, "x").unwrap();
        mode(&f, 0o644);
        let r = resolve(&f, &o, Leaf::Read).unwrap();
        assert!(r.exists());
        assert_eq!(r.real, std::fs::canonicalize(&f).unwrap());
        assert!(resolve(&d, &o, Leaf::Closed).is_ok());

        mode(&f, 0o666);
        let e = resolve(&f, &o, Leaf::Read).unwrap_err();
        assert_eq!(e.kind, DistrustKind::Writable);
        mode(&f, 0o644);

        // Sticky and world-writable: fine on the way to a file that is
        // ours, never as the directory names are read from or made in.
        mode(&d, 0o1777);
        assert!(resolve(&f, &o, Leaf::Read).is_ok());
        assert_eq!(
            resolve(&d, &o, Leaf::Closed).unwrap_err().kind,
            DistrustKind::Writable
        );
        assert_eq!(
            resolve(&d.join("missing.conf"), &o, Leaf::Read)
                .unwrap_err()
                .kind,
            DistrustKind::Writable
        );
        mode(&d, 0o775);
        // A group of others may write: not closed (root's group excepted).
        let gid = std::fs::metadata(&d).unwrap().gid();
        let closed = resolve(&d, &o, Leaf::Closed);
        assert_eq!(closed.is_ok(), o.gids.contains(&gid), "{closed:?}");
    }

    #[test]
    fn links_are_followed_only_when_trusted_and_loops_end() {
        let t = base();
        let o = Owners::root_and_me();
        let real = t.path().join("real");
        std::fs::create_dir(&real).unwrap();
        std::fs::write(real.join("f"), "x").unwrap();
        symlink("real", t.path().join("link")).unwrap();
        let r = resolve(&t.path().join("link/f"), &o, Leaf::Read).unwrap();
        assert_eq!(r.real, std::fs::canonicalize(real.join("f")).unwrap());
        // Missing: judged by the directory it would be made in.
        let r = resolve(&t.path().join("link/new"), &o, Leaf::Read).unwrap();
        assert!(!r.exists());
        assert!(r.real.ends_with("real/new"));
        // A link to itself.
        symlink("loop", t.path().join("loop")).unwrap();
        assert_eq!(
            resolve(&t.path().join("loop"), &o, Leaf::Read)
                .unwrap_err()
                .kind,
            DistrustKind::Loop
        );
        // Only root: a link of mine is somebody else's to root.
        if !rustix::process::geteuid().is_root() {
            let e = resolve(&t.path().join("link/f"), &Owners::root(), Leaf::Read).unwrap_err();
            assert_eq!(e.kind, DistrustKind::Owner);
        }
    }

    #[test]
    fn another_users_entry_anywhere_on_the_way_is_refused() {
        if !rustix::process::geteuid().is_root() {
            eprintln!("skipped: giving a file away needs root");
            return;
        }
        let t = base();
        let o = Owners::root();
        let d = t.path().join("d");
        std::fs::create_dir(&d).unwrap();
        std::fs::write(d.join("f"), "x").unwrap();
        std::os::unix::fs::chown(&d, Some(65534), None).unwrap();
        let e = resolve(&d.join("f"), &o, Leaf::Read).unwrap_err();
        assert_eq!(
            (e.kind, e.path.clone()),
            (DistrustKind::Owner, d.display().to_string())
        );
        assert_eq!(e.owner.as_deref(), Some("nobody"));
        // chronyd's own user may own what chronyd writes.
        assert!(resolve(&d.join("f"), &o.clone().and_user(65534, 65534), Leaf::Read).is_ok());
        // A link planted by another user is not followed.
        std::os::unix::fs::chown(&d, Some(0), None).unwrap();
        symlink("/etc/passwd", d.join("l")).unwrap();
        rustix::fs::chownat(
            rustix::fs::CWD,
            d.join("l"),
            Some(rustix::fs::Uid::from_raw(65534)),
            None,
            rustix::fs::AtFlags::SYMLINK_NOFOLLOW,
        )
        .unwrap();
        assert_eq!(
            resolve(&d.join("l"), &o, Leaf::Read).unwrap_err().kind,
            DistrustKind::Owner
        );
    }

    #[test]
    fn a_glob_reads_names_from_its_directories() {
        let t = base();
        let b = t.path().display().to_string();
        std::fs::create_dir_all(t.path().join("a/x")).unwrap();
        std::fs::create_dir_all(t.path().join("b/x")).unwrap();
        let dirs = pattern_dirs(&format!("{b}/*/x/*.conf"), 100);
        assert_eq!(
            dirs,
            vec![
                t.path().to_path_buf(),
                t.path().join("a/x"),
                t.path().join("b/x")
            ]
        );
        assert_eq!(
            pattern_dirs("/run/chrony/*.conf", 100),
            vec![PathBuf::from("/run/chrony")]
        );
        assert_eq!(
            pattern_dirs("/etc/chrony/x.conf", 100),
            vec![PathBuf::from("/etc/chrony")]
        );
    }
}
