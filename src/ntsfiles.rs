//! NTS certificate files on disk, for the command line and the helper alike:
//! a directory holding `ca.crt`, `ca.key`, `server.crt` and `server.key`.
//! Keys are never readable by others; a file replaced is backed up first.

use std::io;
use std::os::unix::fs::PermissionsExt;
use std::path::{Path, PathBuf};

use crate::core::nts::{self, Issued, Pem};

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

/// Reads a PEM file, refusing anything larger than a certificate could be.
pub fn read_pem(path: &Path) -> io::Result<String> {
    use std::io::Read;
    let f = std::fs::File::open(path)?;
    let mut text = String::new();
    f.take(nts::MAX_PEM_BYTES as u64 + 1)
        .read_to_string(&mut text)?;
    if text.len() > nts::MAX_PEM_BYTES {
        return Err(io::Error::other("larger than a PEM file can be"));
    }
    Ok(text)
}

/// The CA kept in `dir`, if both its files are there.
pub fn read_ca(dir: &Path) -> io::Result<Option<Pem>> {
    let (c, k) = (dir.join(CA_CERT), dir.join(CA_KEY));
    if !c.exists() && !k.exists() {
        return Ok(None);
    }
    Ok(Some(Pem {
        cert: read_pem(&c)?,
        key: read_pem(&k)?,
    }))
}

fn write_one(
    path: &Path,
    data: &[u8],
    mode: u32,
    group: Option<u32>,
    out: &mut Written,
) -> io::Result<()> {
    if let Ok(old) = std::fs::read(path)
        && old != data
    {
        let meta = std::fs::metadata(path)?;
        let name = path
            .file_name()
            .map(|n| n.to_string_lossy().into_owned())
            .unwrap_or_default();
        let dir = path.parent().unwrap_or(Path::new("."));
        use std::os::unix::fs::MetadataExt;
        out.backups.push(crate::fsutil::write_backup(
            dir,
            &format!("{name}.stratum-"),
            ".bak",
            &old,
            meta.permissions().mode(),
            Some((meta.uid(), meta.gid())),
        )?);
    }
    // A key is written private from its first byte, then opened to the
    // group that must read it.
    let written = if mode & 0o077 == 0 || group.is_some() {
        crate::fsutil::write_atomic_private(path, data)?
    } else {
        crate::fsutil::write_atomic(path, data)?
    };
    if let Some(gid) = group {
        std::os::unix::fs::chown(&written, Some(0), Some(gid))?;
    }
    std::fs::set_permissions(&written, std::fs::Permissions::from_mode(mode))?;
    out.files.push(written);
    Ok(())
}

/// Writes what `issue` made into `dir` (created 0755 if missing): the
/// certificates 0644, the CA key 0600, the server key per `access`. The CA
/// files are written only when the CA is new.
pub fn write_issued(dir: &Path, issued: &Issued, access: KeyAccess) -> io::Result<Written> {
    crate::fsutil::create_dir_chain(dir)?;
    let mut out = Written::default();
    if issued.new_ca {
        write_one(
            &dir.join(CA_KEY),
            issued.ca.key.as_bytes(),
            0o600,
            None,
            &mut out,
        )?;
        write_one(
            &dir.join(CA_CERT),
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
        &dir.join(SERVER_KEY),
        issued.server.key.as_bytes(),
        mode,
        group,
        &mut out,
    )?;
    write_one(
        &dir.join(SERVER_CERT),
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
        let w = write_issued(&dir, &first, KeyAccess::Owner).unwrap();
        assert_eq!(w.files.len(), 4);
        assert!(w.backups.is_empty());
        let mode = |f: &str| std::fs::metadata(dir.join(f)).unwrap().mode() & 0o777;
        assert_eq!(mode(CA_KEY), 0o600);
        assert_eq!(mode(SERVER_KEY), 0o600);
        assert_eq!(mode(SERVER_CERT), 0o644);
        // Renewed with the same CA: only the server's pair changes, the old
        // one is kept (private, as it was).
        let ca = read_ca(&dir).unwrap().unwrap();
        let second = issued(Some(&ca));
        let w = write_issued(&dir, &second, KeyAccess::Owner).unwrap();
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
        let w = write_issued(tmp.path(), &issued(None), KeyAccess::Group(4242)).unwrap();
        assert!(w.files.iter().any(|f| f.ends_with(SERVER_KEY)));
        let m = std::fs::metadata(tmp.path().join(SERVER_KEY)).unwrap();
        assert_eq!((m.uid(), m.gid(), m.mode() & 0o777), (0, 4242, 0o640));
    }
}
