//! A directory files are written into by descriptor: opened once after the
//! trust rule passed it, then every read, create, mode, owner and rename is
//! relative to that descriptor (`openat`, `fchmod`, `fchown`, `renameat`),
//! never a path a link could redirect. Each new file is created by this
//! process with its final group and mode before it takes its name.

use std::fs::File;
use std::io::{self, Write};
use std::os::fd::{AsFd, OwnedFd};
use std::os::unix::fs::MetadataExt;
use std::path::{Path, PathBuf};

use rustix::fs::{AtFlags, Mode, OFlags};

use super::open::{open_dir, open_regular_at, read_all};
use super::trust::{Distrust, Leaf, Owners, resolve};

/// Why a directory cannot be written into.
#[derive(Debug, thiserror::Error)]
pub enum DirError {
    #[error("{} is not trusted ({})", .0.path, .0.kind)]
    Untrusted(Distrust),
    #[error(transparent)]
    Io(#[from] io::Error),
}

/// An open, trusted directory.
#[derive(Debug)]
pub struct OutputDir {
    fd: OwnedFd,
    /// Where it is, links resolved (for messages and the lines printed).
    pub path: PathBuf,
}

impl OutputDir {
    /// Opens `path` (made 0755 when missing) if it passes the trust rule
    /// for `owners` as a directory nobody else may add names to: owned by
    /// one of them, writable by nobody else, and so is everything above.
    pub fn open_trusted(path: &Path, owners: &Owners) -> Result<OutputDir, DirError> {
        let mut r = resolve(path, owners, Leaf::Closed).map_err(DirError::Untrusted)?;
        if !r.exists() {
            // The nearest existing directory is closed to others: nobody
            // can get between these mkdirs and the check that follows.
            super::atomic::create_dir_chain(&r.real)?;
            r = resolve(&r.real, owners, Leaf::Closed).map_err(DirError::Untrusted)?;
        }
        let meta = r
            .meta
            .ok_or_else(|| io::Error::from(io::ErrorKind::NotFound))?;
        let fd = open_dir(&r.real)?;
        let st = rustix::fs::fstat(&fd).map_err(io::Error::from)?;
        if (st.st_dev, st.st_ino) != (meta.dev(), meta.ino()) {
            return Err(io::Error::other("the directory changed while it was opened").into());
        }
        Ok(OutputDir { fd, path: r.real })
    }

    /// `name` in this directory, for messages.
    pub fn join(&self, name: &str) -> PathBuf {
        self.path.join(name)
    }

    /// A regular file's bytes (at most `cap`), `None` when there is none.
    /// A link, FIFO or device there is an error.
    pub fn read(&self, name: &str, cap: u64) -> io::Result<Option<(Vec<u8>, u32)>> {
        match open_regular_at(&self.fd, Path::new(name), cap) {
            Ok(f) => {
                let mode = f.metadata()?.mode() & 0o7777;
                Ok(Some((read_all(f, cap)?, mode)))
            }
            Err(e) if e.kind() == io::ErrorKind::NotFound => Ok(None),
            Err(e) => Err(e),
        }
    }

    /// Creates a new file here that nobody else can have opened: this
    /// process's, with group `gid` and `mode` set on its descriptor.
    fn create(&self, name: &str, mode: u32, gid: Option<u32>) -> io::Result<File> {
        let fd = rustix::fs::openat(
            &self.fd,
            name,
            OFlags::WRONLY | OFlags::CREATE | OFlags::EXCL | OFlags::NOFOLLOW | OFlags::CLOEXEC,
            Mode::from_raw_mode(mode & 0o600),
        )?;
        if let Some(g) = gid {
            rustix::fs::fchown(&fd, None, Some(rustix::fs::Gid::from_raw(g)))?;
        }
        rustix::fs::fchmod(&fd, Mode::from_raw_mode(mode))?;
        Ok(File::from(fd))
    }

    fn remove(&self, name: &str) {
        let _ = rustix::fs::unlinkat(&self.fd, name, AtFlags::empty());
    }

    /// Replaces `name` atomically with `data`: a new file with its final
    /// group and mode, written and synced, renamed over the old entry
    /// (whatever it was: a link there is replaced, never followed).
    pub fn write(&self, name: &str, data: &[u8], mode: u32, gid: Option<u32>) -> io::Result<()> {
        let tmp = format!(".{name}.stratum-{}.tmp", std::process::id());
        self.remove(&tmp);
        let written = (|| {
            let mut f = self.create(&tmp, mode, gid)?;
            f.write_all(data)?;
            f.sync_all()?;
            rustix::fs::renameat(&self.fd, &tmp, &self.fd, name)?;
            rustix::fs::fsync(&self.fd)?;
            Ok(())
        })();
        if written.is_err() {
            self.remove(&tmp);
        }
        written
    }

    /// Keeps `data` (an old version of `name`) as a new backup file named
    /// `NAME.stratum-STAMP.bak`, never wider than 0600, this process's.
    pub fn backup(&self, name: &str, data: &[u8], old_mode: u32) -> io::Result<PathBuf> {
        let now = std::time::SystemTime::now()
            .duration_since(std::time::UNIX_EPOCH)
            .unwrap_or_default();
        let (y, mo, d, h, mi, s) = crate::core::civil_from_unix(now.as_secs() as i64);
        let stamp = format!(
            "{y:04}{mo:02}{d:02}-{h:02}{mi:02}{s:02}.{:09}",
            now.subsec_nanos()
        );
        for n in 0..1000 {
            let extra = if n == 0 {
                String::new()
            } else {
                format!("-{n}")
            };
            let file = format!("{name}.stratum-{stamp}{extra}.bak");
            let mut f = match self.create(&file, old_mode & 0o600, None) {
                Ok(f) => f,
                Err(e) if e.kind() == io::ErrorKind::AlreadyExists => continue,
                Err(e) => return Err(e),
            };
            if let Err(e) = f.write_all(data).and_then(|()| f.sync_all()) {
                self.remove(&file);
                return Err(e);
            }
            return Ok(self.join(&file));
        }
        Err(io::Error::new(
            io::ErrorKind::AlreadyExists,
            "no free backup name",
        ))
    }
}

impl AsFd for OutputDir {
    fn as_fd(&self) -> std::os::fd::BorrowedFd<'_> {
        self.fd.as_fd()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::os::unix::fs::PermissionsExt;

    fn base() -> tempfile::TempDir {
        let exe = std::env::current_exe().unwrap();
        tempfile::tempdir_in(exe.parent().unwrap()).unwrap()
    }

    #[test]
    fn links_in_the_directory_are_replaced_never_followed() {
        let t = base();
        let victim = t.path().join("victim");
        std::fs::write(&victim, "precious").unwrap();
        let out = t.path().join("out");
        let d = OutputDir::open_trusted(&out, &Owners::root_and_me()).unwrap();
        std::os::unix::fs::symlink(&victim, out.join("key")).unwrap();
        std::os::unix::fs::symlink(t.path().join("made"), out.join("dangling")).unwrap();
        assert!(d.read("key", 100).is_err());
        d.write("key", b"secret", 0o600, None).unwrap();
        d.write("dangling", b"x", 0o644, None).unwrap();
        assert_eq!(std::fs::read_to_string(&victim).unwrap(), "precious");
        assert!(!t.path().join("made").exists());
        let m = std::fs::symlink_metadata(out.join("key")).unwrap();
        assert!(m.is_file());
        assert_eq!(m.permissions().mode() & 0o777, 0o600);
        assert_eq!(d.read("key", 100).unwrap().unwrap().0, b"secret");
        let b = d.backup("key", b"old", 0o644).unwrap();
        assert_eq!(
            std::fs::metadata(&b).unwrap().permissions().mode() & 0o777,
            0o600
        );
        // Only the files written and the backup: no temporaries left.
        assert_eq!(std::fs::read_dir(&out).unwrap().count(), 3);
    }

    #[test]
    fn a_directory_others_can_write_is_refused() {
        let t = base();
        let out = t.path().join("open");
        std::fs::create_dir(&out).unwrap();
        std::fs::set_permissions(&out, std::fs::Permissions::from_mode(0o1777)).unwrap();
        assert!(matches!(
            OutputDir::open_trusted(&out, &Owners::root_and_me()),
            Err(DirError::Untrusted(_))
        ));
        // A link to a good directory, itself trusted, is followed.
        let good = t.path().join("good");
        std::fs::create_dir(&good).unwrap();
        std::os::unix::fs::symlink("good", t.path().join("link")).unwrap();
        let d = OutputDir::open_trusted(&t.path().join("link"), &Owners::root_and_me()).unwrap();
        assert_eq!(d.path, std::fs::canonicalize(&good).unwrap());
    }
}
