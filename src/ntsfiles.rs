//! NTS certificate files on disk, for the command line and the helper alike:
//! a directory holding `ca.crt`, `ca.key`, `server.crt` and `server.key`.
//! Keys are never readable by others; a file replaced is backed up first.
//! The directory must be root's or the writer's alone (see
//! [`crate::fsutil::trust`]); everything in it is read and written through
//! its descriptor, never through a link.

use std::io;
use std::path::{Path, PathBuf};

use crate::core::nts::{self, Issued, Pem};
use crate::fsutil::dir::{DirError, OutputDir};
use crate::fsutil::open::{self, Links};
use crate::fsutil::trust::Owners;

pub const CA_CERT: &str = "ca.crt";
pub const CA_KEY: &str = "ca.key";
pub const SERVER_CERT: &str = "server.crt";
pub const SERVER_KEY: &str = "server.key";

/// Who may read the server's key besides its owner.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum KeyAccess {
    /// 0600, the writer's own (a lab's chronyd runs as the same user).
    Owner,
    /// 0640 root:GID: chronyd reads its key after dropping root privileges
    /// (chrony.conf(5), ntsserverkey), as the user of that group.
    Group(u32),
}

/// What was written, and the backups of what it replaced.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Written {
    pub files: Vec<PathBuf>,
    pub backups: Vec<PathBuf>,
}

/// Reads a PEM file the user named (links followed), refusing anything
/// that is not a regular file or is larger than a certificate could be.
pub fn read_pem(path: &Path) -> io::Result<String> {
    let bytes = open::read_capped(path, Links::Follow, nts::MAX_PEM_BYTES as u64)?;
    Ok(String::from_utf8_lossy(&bytes).into_owned())
}

fn read_in(dir: &OutputDir, name: &str) -> io::Result<Option<String>> {
    Ok(dir
        .read(name, nts::MAX_PEM_BYTES as u64)?
        .map(|(b, _)| String::from_utf8_lossy(&b).into_owned()))
}

/// The CA kept in `dir`, if both its files are there.
pub fn read_ca(dir: &OutputDir) -> io::Result<Option<Pem>> {
    match (read_in(dir, CA_CERT)?, read_in(dir, CA_KEY)?) {
        (None, None) => Ok(None),
        (Some(cert), Some(key)) => Ok(Some(Pem { cert, key })),
        _ => Err(io::Error::new(
            io::ErrorKind::NotFound,
            "one of ca.crt and ca.key is missing",
        )),
    }
}

/// The server certificate kept in `dir`.
pub fn read_server_cert(dir: &OutputDir) -> io::Result<String> {
    read_in(dir, SERVER_CERT)?.ok_or_else(|| io::Error::from(io::ErrorKind::NotFound))
}

/// Opens the directory certificates are written to, by the rule every
/// output directory of root follows: it and everything above it belong to
/// root or to the user writing (made 0755 when missing), nobody else can
/// write them, no link in it is ever followed.
pub fn open_dir(dir: &Path) -> Result<OutputDir, DirError> {
    OutputDir::open_trusted(dir, &Owners::root_and_me())
}

fn write_one(
    dir: &OutputDir,
    name: &str,
    data: &[u8],
    mode: u32,
    group: Option<u32>,
    out: &mut Written,
) -> io::Result<()> {
    // A link, FIFO or oversized thing where the file goes is no old
    // version to keep: it is replaced, never followed or read.
    let old = match dir.read(name, nts::MAX_PEM_BYTES as u64) {
        Ok(old) => old,
        Err(e)
            if e.raw_os_error() == Some(rustix::io::Errno::LOOP.raw_os_error())
                || matches!(
                    e.kind(),
                    io::ErrorKind::InvalidInput | io::ErrorKind::FileTooLarge
                ) =>
        {
            None
        }
        Err(e) => return Err(e),
    };
    if let Some((old, old_mode)) = old
        && old != data
    {
        out.backups.push(dir.backup(name, &old, old_mode)?);
    }
    // Created by the writer, with its group and final mode, before it
    // takes the name: never an old file's owner, never readable by others
    // for a moment.
    dir.write(name, data, mode, group)?;
    out.files.push(dir.join(name));
    Ok(())
}

/// Writes what `issue` made into `dir`: the certificates 0644, the CA key
/// 0600, the server key per `access`. The CA files are written only when
/// the CA is new; `ca_cert` copies a CA given from elsewhere beside them.
pub fn write_issued(
    dir: &OutputDir,
    issued: &Issued,
    access: KeyAccess,
    copy_ca_cert: bool,
) -> io::Result<Written> {
    let mut out = Written::default();
    if issued.new_ca {
        write_one(dir, CA_KEY, issued.ca.key.as_bytes(), 0o600, None, &mut out)?;
    }
    if issued.new_ca || copy_ca_cert {
        write_one(
            dir,
            CA_CERT,
            issued.ca.cert.as_bytes(),
            0o644,
            None,
            &mut out,
        )?;
    }
    let (mode, group) = match access {
        KeyAccess::Owner => (0o600, None),
        KeyAccess::Group(g) => (0o640, Some(g)),
    };
    write_one(
        dir,
        SERVER_KEY,
        issued.server.key.as_bytes(),
        mode,
        group,
        &mut out,
    )?;
    write_one(
        dir,
        SERVER_CERT,
        issued.server.cert.as_bytes(),
        0o644,
        None,
        &mut out,
    )?;
    Ok(out)
}

/// The chrony.conf lines a server with these files needs (`ntsport` when
/// it is not the standard 4460).
pub fn server_lines(dir: &Path, dump_dir: &Path, ntsport: Option<u16>) -> String {
    let mut s = format!(
        "ntsservercert {}\nntsserverkey {}\nntsdumpdir {}\n",
        dir.join(SERVER_CERT).display(),
        dir.join(SERVER_KEY).display(),
        dump_dir.display()
    );
    if let Some(p) = ntsport.filter(|p| *p != 4460) {
        s.push_str(&format!("ntsport {p}\n"));
    }
    s
}

/// The lines of a client that trusts this CA.
pub fn client_lines(dir: &Path, name: &str, ntsport: Option<u16>) -> String {
    let port = ntsport
        .filter(|p| *p != 4460)
        .map(|p| format!(" ntsport {p}"))
        .unwrap_or_default();
    format!(
        "server {name} iburst nts{port}\nntstrustedcerts {}\n",
        dir.join(CA_CERT).display()
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::os::unix::fs::MetadataExt;

    fn issued(ca: Option<&Pem>) -> Issued {
        nts::issue(&nts::IssueRequest {
            names: &["127.0.0.1".to_string()],
            days: 30,
            ca,
            now: crate::sys::now() as i64,
        })
        .unwrap()
    }

    #[test]
    fn keys_stay_private_and_a_replaced_file_is_backed_up() {
        let tmp = tempfile::tempdir().unwrap();
        let dir = tmp.path().join("nts");
        let first = issued(None);
        let out = open_dir(&dir).unwrap();
        let w = write_issued(&out, &first, KeyAccess::Owner, false).unwrap();
        assert_eq!(w.files.len(), 4);
        assert!(w.backups.is_empty());
        let mode = |f: &str| std::fs::metadata(dir.join(f)).unwrap().mode() & 0o777;
        assert_eq!(mode(CA_KEY), 0o600);
        assert_eq!(mode(SERVER_KEY), 0o600);
        assert_eq!(mode(SERVER_CERT), 0o644);
        // Renewed with the same CA: only the server's pair changes, the old
        // one is kept (private, as it was).
        let ca = read_ca(&out).unwrap().unwrap();
        let second = issued(Some(&ca));
        let w = write_issued(&out, &second, KeyAccess::Owner, false).unwrap();
        assert_eq!(w.files.len(), 2);
        assert_eq!(w.backups.len(), 2);
        // Backups are no wider than what they copy (the key's stays private).
        for b in &w.backups {
            let m = std::fs::metadata(b).unwrap().mode() & 0o777;
            assert_eq!(m & 0o077, 0, "{b:?} {m:o}");
        }
        assert_eq!(
            std::fs::read_to_string(dir.join(SERVER_KEY)).unwrap(),
            second.server.key
        );
    }

    #[test]
    fn a_group_key_is_root_and_group_readable_only() {
        if !rustix::process::geteuid().is_root() {
            eprintln!("skipped: chown needs root");
            return;
        }
        let tmp = tempfile::tempdir().unwrap();
        let out = open_dir(tmp.path()).unwrap();
        let w = write_issued(&out, &issued(None), KeyAccess::Group(4242), false).unwrap();
        assert!(w.files.iter().any(|f| f.ends_with(SERVER_KEY)));
        let m = std::fs::metadata(tmp.path().join(SERVER_KEY)).unwrap();
        assert_eq!((m.uid(), m.gid(), m.mode() & 0o777), (0, 4242, 0o640));
    }
}
