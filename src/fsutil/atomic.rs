//! File writes that never leave a half-written file behind, never widen a
//! file's permissions, and write through a symlinked chrony.conf to its
//! target (the distribution's link stays a link).

use std::fs::{self, File, OpenOptions};
use std::io::{self, Write};
use std::os::unix::fs::{MetadataExt, OpenOptionsExt, PermissionsExt};
use std::path::{Path, PathBuf};

/// The file a write to `path` lands in: the final target of a symlink chain
/// (or `path` itself when it is not a link or does not exist yet).
pub fn write_target(path: &Path) -> io::Result<PathBuf> {
    match fs::symlink_metadata(path) {
        Ok(m) if m.file_type().is_symlink() => match fs::canonicalize(path) {
            Ok(p) => Ok(p),
            // A dangling link: create the file it names.
            Err(e) if e.kind() == io::ErrorKind::NotFound => {
                let target = fs::read_link(path)?;
                Ok(path.parent().unwrap_or(Path::new("/")).join(target))
            }
            Err(e) => Err(e),
        },
        _ => Ok(path.to_path_buf()),
    }
}

/// A new version of one file, written and synced beside it, not yet in
/// place.
struct Staged {
    tmp: PathBuf,
    target: PathBuf,
    dir: PathBuf,
}

impl Staged {
    fn discard(&self) {
        let _ = fs::remove_file(&self.tmp);
    }
}

/// Writes `data` to a temporary file beside `path`'s target with the old
/// file's mode, owner and group (`new_mode` for a file that does not exist
/// yet), and syncs it.
fn stage(path: &Path, data: &[u8], new_mode: u32) -> io::Result<Staged> {
    let target = write_target(path)?;
    let dir = target
        .parent()
        .filter(|p| !p.as_os_str().is_empty())
        .unwrap_or(Path::new("."))
        .to_path_buf();
    let name = target
        .file_name()
        .ok_or_else(|| io::Error::new(io::ErrorKind::InvalidInput, "no file name"))?;
    let old = fs::metadata(&target).ok();
    let mode = old
        .as_ref()
        .map(|m| m.permissions().mode() & 0o7777)
        .unwrap_or(new_mode);
    remove_stale_temps(&dir, name);
    let mut tmp_name = std::ffi::OsString::from(".");
    tmp_name.push(name);
    tmp_name.push(format!(".stratum-{}.tmp", std::process::id()));
    let tmp: PathBuf = dir.join(tmp_name);
    let _ = fs::remove_file(&tmp);
    let staged = Staged { tmp, target, dir };
    let result = (|| {
        let mut f = OpenOptions::new()
            .write(true)
            .create_new(true)
            .mode(mode & 0o600)
            .open(&staged.tmp)?;
        if let Some(m) = &old {
            keep_owner(&f, m.uid(), m.gid())?;
        }
        fault_point("stage")?;
        f.write_all(data)?;
        f.set_permissions(fs::Permissions::from_mode(mode))?;
        f.sync_all()
    })();
    match result {
        Ok(()) => Ok(staged),
        Err(e) => {
            staged.discard();
            Err(e)
        }
    }
}

/// Removes what a writer killed mid-write left beside `name`: its
/// `.NAME.stratum-PID.tmp` (and `.old`) files, where that process is gone.
/// Only the first thousand entries of the directory are looked at.
fn remove_stale_temps(dir: &Path, name: &std::ffi::OsStr) {
    let Ok(entries) = fs::read_dir(dir) else {
        return;
    };
    let prefix = format!(".{}.stratum-", name.to_string_lossy());
    for entry in entries.take(1000).flatten() {
        let file = entry.file_name();
        let file = file.to_string_lossy();
        let Some(rest) = file.strip_prefix(&prefix) else {
            continue;
        };
        let rest = rest.strip_suffix(".old").unwrap_or(rest);
        let Some(pid) = rest
            .strip_suffix(".tmp")
            .and_then(|p| p.parse::<u32>().ok())
        else {
            continue;
        };
        let gone = pid != std::process::id() && !Path::new(&format!("/proc/{pid}")).exists();
        if gone && entry.file_type().is_ok_and(|t| t.is_file()) {
            let _ = fs::remove_file(entry.path());
        }
    }
}

/// Writes `data` to `path` atomically: a temporary file in the same
/// directory, fsync, rename over the target, fsync of the directory. A
/// symlink is followed and its target replaced; an existing file keeps its
/// permission bits, owner and group. Returns the path written.
pub fn write_atomic(path: &Path, data: &[u8]) -> io::Result<PathBuf> {
    write_atomic_all(&[(path, data)]).map(|mut v| v.remove(0))
}

/// As [`write_atomic`], a new file readable by its owner alone (0600) from
/// its first byte: keys and secrets.
pub fn write_atomic_private(path: &Path, data: &[u8]) -> io::Result<PathBuf> {
    write_all_with_mode(&[(path, data)], 0o600).map(|mut v| v.remove(0))
}

/// Writes several files all or nothing: every new version is written and
/// synced beside its file first (a full disk fails here, with nothing
/// changed), then each is renamed into place; should a rename fail, the
/// files already replaced get their old contents back.
pub fn write_atomic_all(files: &[(&Path, &[u8])]) -> io::Result<Vec<PathBuf>> {
    write_all_with_mode(files, 0o644)
}

fn write_all_with_mode(files: &[(&Path, &[u8])], new_mode: u32) -> io::Result<Vec<PathBuf>> {
    let mut staged = Vec::new();
    for (path, data) in files {
        match stage(path, data, new_mode) {
            Ok(s) => staged.push(s),
            Err(e) => {
                staged.iter().for_each(Staged::discard);
                return Err(e);
            }
        }
    }
    // The old versions, kept by a second name (no data is copied) until
    // every file is in place.
    let mut kept: Vec<Option<PathBuf>> = Vec::new();
    for s in &staged {
        let mut name = s.tmp.clone().into_os_string();
        name.push(".old");
        let old = PathBuf::from(name);
        let _ = fs::remove_file(&old);
        kept.push(fs::hard_link(&s.target, &old).ok().map(|()| old));
    }
    let mut done = 0;
    let mut failure = None;
    for s in &staged {
        let renamed = fault_point("rename").and_then(|()| fs::rename(&s.tmp, &s.target));
        if let Err(e) = renamed {
            failure = Some(e);
            break;
        }
        done += 1;
    }
    if let Some(e) = failure {
        for (s, old) in staged.iter().zip(&kept).take(done) {
            match old {
                Some(o) => {
                    let _ = fs::rename(o, &s.target);
                }
                None => {
                    let _ = fs::remove_file(&s.target);
                }
            }
        }
        staged.iter().for_each(Staged::discard);
        kept.iter().flatten().for_each(|o| {
            let _ = fs::remove_file(o);
        });
        return Err(e);
    }
    kept.iter().flatten().for_each(|o| {
        let _ = fs::remove_file(o);
    });
    for s in &staged {
        File::open(&s.dir)?.sync_all()?;
    }
    Ok(staged.into_iter().map(|s| s.target).collect())
}

/// Fault injection for the tests of what a failure leaves behind:
/// `STRATUM_FAULT=stage:N` fails the Nth staged write from now (1-based),
/// `rename:N` the Nth rename; `hold-stage:N` / `hold-rename:N` stop there
/// instead (the process sleeps after creating the file
/// `STRATUM_FAULT_MARK` names), so that a test can kill it inside the
/// write, every time. With `STRATUM_FAULT_ARM`, writes count only once
/// that file exists. Only in debug builds; release builds never read the
/// variables.
fn fault_point(what: &str) -> io::Result<()> {
    #[cfg(debug_assertions)]
    {
        use std::sync::atomic::{AtomicU32, Ordering};
        static STAGE: AtomicU32 = AtomicU32::new(0);
        static RENAME: AtomicU32 = AtomicU32::new(0);
        // STRATUM_FAULT_ARM: counting starts once that file exists (after
        // the writes a process makes at start).
        let armed = std::env::var_os("STRATUM_FAULT_ARM").is_none_or(|f| Path::new(&f).exists());
        if armed
            && let Ok(spec) = std::env::var("STRATUM_FAULT")
            && let Some((kind, n)) = spec.split_once(':')
            && let Ok(n) = n.parse::<u32>()
        {
            let hold = kind.strip_prefix("hold-");
            if kind == what || hold == Some(what) {
                let counter = if what == "stage" { &STAGE } else { &RENAME };
                if counter.fetch_add(1, Ordering::SeqCst) + 1 == n {
                    if hold.is_none() {
                        return Err(io::Error::other(format!("injected fault at {what}")));
                    }
                    if let Some(mark) = std::env::var_os("STRATUM_FAULT_MARK") {
                        let _ = fs::write(mark, what);
                    }
                    loop {
                        std::thread::sleep(std::time::Duration::from_secs(3600));
                    }
                }
            }
        }
    }
    #[cfg(not(debug_assertions))]
    let _ = what;
    Ok(())
}

/// Gives the new file the old one's owner and group. Only root may give a
/// file away; a user keeps what the file had when they owned it anyway.
fn keep_owner(f: &File, uid: u32, gid: u32) -> io::Result<()> {
    let me = rustix::process::geteuid();
    if !me.is_root() && me.as_raw() != uid {
        return Ok(());
    }
    let owner = rustix::fs::Uid::from_raw(uid);
    let group = rustix::fs::Gid::from_raw(gid);
    match rustix::fs::fchown(f, Some(owner), Some(group)) {
        Ok(()) => Ok(()),
        // A user who owns the file but is not in its group keeps their own.
        Err(rustix::io::Errno::PERM) if !me.is_root() => Ok(()),
        Err(e) => Err(e.into()),
    }
}

/// Creates `dir` and any missing parents (0755, narrowed by the umask), like
/// `create_dir_all`, and says whether `dir` itself was made now: only a
/// directory the caller made is its to chown or chmod.
pub fn create_dir_chain(dir: &Path) -> io::Result<bool> {
    let mut missing = Vec::new();
    let mut at = Some(dir);
    while let Some(p) = at {
        if p.as_os_str().is_empty() || fs::symlink_metadata(p).is_ok() {
            break;
        }
        missing.push(p);
        at = p.parent();
    }
    let made_last = !missing.is_empty();
    for p in missing.into_iter().rev() {
        use std::os::unix::fs::DirBuilderExt;
        match fs::DirBuilder::new().mode(0o755).create(p) {
            Ok(()) => {}
            // Made by someone else meanwhile: not ours.
            Err(e) if e.kind() == io::ErrorKind::AlreadyExists => return Ok(false),
            Err(e) => return Err(e),
        }
    }
    Ok(made_last)
}

/// `FILE.bak` beside `path`.
pub fn backup_path(path: &Path) -> PathBuf {
    let mut s = path.as_os_str().to_owned();
    s.push(".bak");
    PathBuf::from(s)
}

/// Saves `data` as a new backup in `dir`, named `{prefix}{stamp}{suffix}`
/// with a stamp down to the nanosecond (and a counter if that is taken):
/// never overwrites an earlier backup. Its mode is the original's, and never
/// wider than 0600 (a file with keys stays private).
pub fn write_backup(
    dir: &Path,
    prefix: &str,
    suffix: &str,
    data: &[u8],
    original_mode: u32,
    original_owner: Option<(u32, u32)>,
) -> io::Result<PathBuf> {
    fs::create_dir_all(dir)?;
    let now = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .unwrap_or_default();
    let (y, mo, d, h, mi, s) = crate::core::civil_from_unix(now.as_secs() as i64);
    let stamp = format!(
        "{y:04}{mo:02}{d:02}-{h:02}{mi:02}{s:02}.{:09}",
        now.subsec_nanos()
    );
    let mode = original_mode & 0o600;
    for n in 0..1000 {
        let extra = if n == 0 {
            String::new()
        } else {
            format!("-{n}")
        };
        let p = dir.join(format!("{prefix}{stamp}{extra}{suffix}"));
        let mut f = match OpenOptions::new()
            .write(true)
            .create_new(true)
            .mode(mode)
            .open(&p)
        {
            Ok(f) => f,
            Err(e) if e.kind() == io::ErrorKind::AlreadyExists => continue,
            Err(e) => return Err(e),
        };
        let written = (|| {
            if let Some((uid, gid)) = original_owner {
                keep_owner(&f, uid, gid)?;
            }
            f.set_permissions(fs::Permissions::from_mode(mode))?;
            f.write_all(data)?;
            f.sync_all()
        })();
        if let Err(e) = written {
            let _ = fs::remove_file(&p);
            return Err(e);
        }
        return Ok(p);
    }
    Err(io::Error::new(
        io::ErrorKind::AlreadyExists,
        "no free backup name",
    ))
}

/// Deletes the oldest backups named `{prefix}…{suffix}` in `dir` beyond the
/// newest `keep`. Names sort by their stamp.
pub fn prune_backups(dir: &Path, prefix: &str, suffix: &str, keep: usize) -> io::Result<()> {
    let mut names: Vec<String> = fs::read_dir(dir)?
        .filter_map(Result::ok)
        .filter_map(|e| e.file_name().into_string().ok())
        .filter(|n| n.starts_with(prefix) && n.ends_with(suffix) && n.len() > prefix.len())
        .collect();
    names.sort();
    let excess = names.len().saturating_sub(keep);
    for n in &names[..excess] {
        fs::remove_file(dir.join(n))?;
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn replaces_content_and_keeps_mode() {
        let dir = tempfile::tempdir().unwrap();
        let p = dir.path().join("chrony.conf");
        fs::write(&p, "old\n").unwrap();
        fs::set_permissions(&p, fs::Permissions::from_mode(0o640)).unwrap();
        write_atomic(&p, b"new\n").unwrap();
        assert_eq!(fs::read(&p).unwrap(), b"new\n");
        assert_eq!(
            fs::metadata(&p).unwrap().permissions().mode() & 0o777,
            0o640
        );
        // No temporary file is left behind.
        assert_eq!(fs::read_dir(dir.path()).unwrap().count(), 1);
    }

    #[test]
    fn several_files_are_written_all_or_nothing() {
        let dir = tempfile::tempdir().unwrap();
        let (a, b) = (dir.path().join("a.conf"), dir.path().join("b.conf"));
        fs::write(&a, "old a\n").unwrap();
        fs::write(&b, "old b\n").unwrap();
        // The second file cannot be staged (its directory is gone).
        let missing = dir.path().join("gone/c.conf");
        assert!(write_atomic_all(&[(&a, b"new a\n"), (&missing, b"x")]).is_err());
        assert_eq!(fs::read(&a).unwrap(), b"old a\n");
        write_atomic_all(&[(&a, b"new a\n"), (&b, b"new b\n")]).unwrap();
        assert_eq!(fs::read(&a).unwrap(), b"new a\n");
        assert_eq!(fs::read(&b).unwrap(), b"new b\n");
        assert_eq!(fs::read_dir(dir.path()).unwrap().count(), 2, "no leftovers");
    }

    #[test]
    fn a_symlinked_file_is_written_through_the_link() {
        let dir = tempfile::tempdir().unwrap();
        let real = dir.path().join("real.conf");
        let link = dir.path().join("chrony.conf");
        fs::write(&real, "old\n").unwrap();
        std::os::unix::fs::symlink("real.conf", &link).unwrap();
        let written = write_atomic(&link, b"new\n").unwrap();
        assert_eq!(written, fs::canonicalize(&real).unwrap());
        assert!(
            fs::symlink_metadata(&link)
                .unwrap()
                .file_type()
                .is_symlink()
        );
        assert_eq!(fs::read(&real).unwrap(), b"new\n");
    }

    #[test]
    fn only_a_directory_made_now_is_reported_as_made() {
        let t = tempfile::tempdir().unwrap();
        let deep = t.path().join("a/b/c");
        assert!(create_dir_chain(&deep).unwrap());
        assert!(deep.is_dir());
        assert!(!create_dir_chain(&deep).unwrap());
        assert!(!create_dir_chain(t.path()).unwrap());
    }

    #[test]
    fn backups_are_private_unique_and_pruned() {
        let dir = tempfile::tempdir().unwrap();
        let mut made = Vec::new();
        for i in 0..5 {
            let p = write_backup(
                dir.path(),
                "chrony.conf.stratum-",
                ".bak",
                format!("v{i}").as_bytes(),
                0o644,
                None,
            )
            .unwrap();
            assert_eq!(
                fs::metadata(&p).unwrap().permissions().mode() & 0o777,
                0o600
            );
            made.push(p);
        }
        // Five in the same second: five files, none overwritten.
        for (i, p) in made.iter().enumerate() {
            assert_eq!(fs::read_to_string(p).unwrap(), format!("v{i}"));
        }
        let secret = write_backup(dir.path(), "k-", ".bak", b"key", 0o400, None).unwrap();
        assert_eq!(
            fs::metadata(&secret).unwrap().permissions().mode() & 0o777,
            0o400
        );
        prune_backups(dir.path(), "chrony.conf.stratum-", ".bak", 2).unwrap();
        assert!(!made[2].exists() && made[3].exists() && made[4].exists());
        assert!(secret.exists(), "other files are left alone");
    }
}
