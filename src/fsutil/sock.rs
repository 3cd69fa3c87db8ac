//! Unix sockets bound with their final mode. A socket file's mode can only
//! be set by path after `bind` (`fchmod` on a socket changes nothing on
//! disk), and a path in a directory another user writes (chronyd's
//! `/run/chrony`, owned by `_chrony`) can be swapped for a link between the
//! two calls. So the mode comes from the umask at `bind` instead, set on a
//! short-lived thread with a private umask (`unshare(CLONE_FS)`): the rest
//! of the process keeps its own.

use std::io;
use std::os::unix::net::{UnixDatagram, UnixListener};
use std::path::Path;

/// Runs `f` on a new thread whose umask leaves `mode` (of 0777) to what it
/// creates.
fn with_mode<T: Send>(mode: u32, f: impl FnOnce() -> io::Result<T> + Send) -> io::Result<T> {
    std::thread::scope(|s| {
        s.spawn(|| {
            // SAFETY: CLONE_FS only gives this thread its own umask, root
            // and working directory; no file descriptor table is unshared.
            unsafe { rustix::thread::unshare_unsafe(rustix::thread::UnshareFlags::FS) }?;
            rustix::process::umask(rustix::fs::Mode::from_raw_mode(!mode & 0o777));
            f()
        })
        .join()
        .unwrap_or_else(|_| Err(io::Error::other("bind thread panicked")))
    })
}

/// A datagram socket bound at `path` with file mode `mode` from its first
/// moment (`bind` never follows a link: an existing entry is an error).
pub fn bind_datagram(path: &Path, mode: u32) -> io::Result<UnixDatagram> {
    with_mode(mode, || UnixDatagram::bind(path))
}

/// A listening stream socket at `path` with file mode `mode`.
pub fn bind_listener(path: &Path, mode: u32) -> io::Result<UnixListener> {
    with_mode(mode, || UnixListener::bind(path))
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::os::unix::fs::PermissionsExt;

    #[test]
    fn the_socket_has_its_mode_and_the_process_keeps_its_umask() {
        let t = tempfile::tempdir().unwrap();
        let before = rustix::process::umask(rustix::fs::Mode::from_raw_mode(0o022));
        let p = t.path().join("s");
        let _s = bind_datagram(&p, 0o666).unwrap();
        let m = std::fs::symlink_metadata(&p).unwrap().permissions().mode() & 0o777;
        assert_eq!(m, 0o666);
        let l = t.path().join("l");
        let _l = bind_listener(&l, 0o600).unwrap();
        assert_eq!(
            std::fs::symlink_metadata(&l).unwrap().permissions().mode() & 0o777,
            0o600
        );
        let now = rustix::process::umask(before);
        assert_eq!(now.bits(), 0o022);
        // A link where the socket goes is never followed.
        std::os::unix::fs::symlink(t.path().join("target"), t.path().join("link")).unwrap();
        assert!(bind_datagram(&t.path().join("link"), 0o666).is_err());
        assert!(!t.path().join("target").exists());
    }
}
