//! Opening what someone else may have put there: never a link (unless the
//! caller resolved and trusted it), never waiting on a FIFO or a device,
//! only a regular file, never more than a cap.

use std::fs::File;
use std::io::{self, Read};
use std::os::fd::{AsFd, OwnedFd};
use std::path::Path;

use rustix::fs::{Mode, OFlags};

/// glob(3) as chronyd calls it (no GLOB_PERIOD: a leading dot must be
/// spelled out).
pub const GLOB_OPTIONS: glob::MatchOptions = glob::MatchOptions {
    case_sensitive: true,
    require_literal_separator: true,
    require_literal_leading_dot: true,
};

/// Whether the last entry of a path may be a symbolic link.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Links {
    /// `O_NOFOLLOW`: a link where a file should be is an error.
    Refuse,
    /// The user named this path (a `--ca` file, a file to lint): follow it.
    Follow,
}

/// The error inside an `io::Error` for a path that is not a regular file
/// (a FIFO, a device, a socket, a directory): told apart from other
/// invalid input where the refusal is put in words.
#[derive(Debug)]
pub struct NotRegularFile;

impl std::fmt::Display for NotRegularFile {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("not a regular file")
    }
}

impl std::error::Error for NotRegularFile {}

fn not_regular() -> io::Error {
    io::Error::new(io::ErrorKind::InvalidInput, NotRegularFile)
}

fn too_large(cap: u64) -> io::Error {
    io::Error::new(
        io::ErrorKind::FileTooLarge,
        format!("larger than {cap} bytes"),
    )
}

fn flags(links: Links) -> OFlags {
    let mut f = OFlags::RDONLY | OFlags::NONBLOCK | OFlags::CLOEXEC | OFlags::NOCTTY;
    if links == Links::Refuse {
        f |= OFlags::NOFOLLOW;
    }
    f
}

/// The fd if it is a regular file of at most `cap` bytes.
fn regular(fd: OwnedFd, cap: u64) -> io::Result<File> {
    let st = rustix::fs::fstat(&fd)?;
    if rustix::fs::FileType::from_raw_mode(st.st_mode) != rustix::fs::FileType::RegularFile {
        return Err(not_regular());
    }
    if st.st_size as u64 > cap {
        return Err(too_large(cap));
    }
    // Regular files ignore O_NONBLOCK; it only kept open() from waiting.
    Ok(File::from(fd))
}

/// Opens `path` for reading: `O_NONBLOCK` (a FIFO never blocks the open),
/// then a regular file of at most `cap` bytes or an error.
pub fn open_regular(path: &Path, links: Links, cap: u64) -> io::Result<File> {
    let fd = rustix::fs::open(path, flags(links), Mode::empty())?;
    regular(fd, cap)
}

/// As [`open_regular`], `name` in the directory `dir` (never a link).
pub fn open_regular_at(dir: impl AsFd, name: &Path, cap: u64) -> io::Result<File> {
    let fd = rustix::fs::openat(dir, name, flags(Links::Refuse), Mode::empty())?;
    regular(fd, cap)
}

/// Reads all of an opened file, at most `cap` bytes (a file that grew
/// past the cap after its size was checked is an error too).
pub fn read_all(f: File, cap: u64) -> io::Result<Vec<u8>> {
    let mut bytes = Vec::new();
    f.take(cap + 1).read_to_end(&mut bytes)?;
    if bytes.len() as u64 > cap {
        return Err(too_large(cap));
    }
    Ok(bytes)
}

/// The bytes of a regular file of at most `cap` bytes (see
/// [`open_regular`]).
pub fn read_capped(path: &Path, links: Links, cap: u64) -> io::Result<Vec<u8>> {
    read_all(open_regular(path, links, cap)?, cap)
}

/// Opens a directory without following a link at its last entry.
pub fn open_dir(path: &Path) -> io::Result<OwnedFd> {
    Ok(rustix::fs::open(
        path,
        OFlags::RDONLY | OFlags::DIRECTORY | OFlags::NOFOLLOW | OFlags::CLOEXEC,
        Mode::empty(),
    )?)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fifos_devices_links_and_big_files_are_refused_at_once() {
        let t = tempfile::tempdir().unwrap();
        let fifo = t.path().join("fifo");
        rustix::fs::mknodat(
            rustix::fs::CWD,
            &fifo,
            rustix::fs::FileType::Fifo,
            Mode::from_raw_mode(0o600),
            0,
        )
        .unwrap();
        // Returns (no writer needed) and refuses.
        let e = read_capped(&fifo, Links::Follow, 100).unwrap_err();
        assert_eq!(e.kind(), io::ErrorKind::InvalidInput);
        assert!(read_capped(Path::new("/dev/zero"), Links::Follow, 100).is_err());
        let f = t.path().join("f");
        std::fs::write(&f, "hello").unwrap();
        assert_eq!(read_capped(&f, Links::Refuse, 5).unwrap(), b"hello");
        assert_eq!(
            read_capped(&f, Links::Refuse, 4).unwrap_err().kind(),
            io::ErrorKind::FileTooLarge
        );
        let l = t.path().join("l");
        std::os::unix::fs::symlink(&f, &l).unwrap();
        assert!(read_capped(&l, Links::Refuse, 100).is_err());
        assert_eq!(read_capped(&l, Links::Follow, 100).unwrap(), b"hello");
        let d = open_dir(t.path()).unwrap();
        assert!(open_regular_at(&d, Path::new("l"), 100).is_err());
        assert!(open_regular_at(&d, Path::new("f"), 100).is_ok());
        assert!(open_dir(&l).is_err());
    }
}
