//! The chronyd configuration of a lab: the user's chrony.conf with only the
//! paths and ports the helper must own replaced.

use std::path::Path;

use crate::core::conf::Document;

/// Directives the helper owns in lab mode; the user's lines are dropped
/// from the generated file (never from the user's own file).
pub const OWNED: &[&str] = &[
    "port",
    "cmdport",
    "bindcmdaddress",
    "pidfile",
    "driftfile",
    "logdir",
    "dumpdir",
    "ntsdumpdir",
    "ntscachedir",
    "user",
    "lock_all",
    "sched_priority",
    "rtcfile",
    "rtcdevice",
    "hwclockfile",
];

pub use crate::core::conf::DEFAULT_LAB_CONFIG;

/// The file chronyd reads in lab mode.
pub fn lab_chronyd_config(
    user: &Document,
    ntp_port: u16,
    run_dir: &Path,
    data_dir: &Path,
    socket: &Path,
) -> Vec<u8> {
    use std::os::unix::ffi::OsStrExt;
    // The user's lines byte for byte (a Latin-1 comment stays Latin-1).
    let mut out = Vec::new();
    for line in user.lines() {
        let owned = line.parsed().is_some_and(|d| OWNED.contains(&d.name()));
        if owned {
            out.extend_from_slice(b"# (set by Stratum) ");
        }
        out.extend_from_slice(line.content());
        out.push(b'\n');
    }
    let path = |p: &Path| p.as_os_str().as_bytes().to_vec();
    out.extend_from_slice(b"\n# --- Stratum lab: paths and ports owned by the helper ---\n");
    out.extend_from_slice(format!("port {ntp_port}\ncmdport 0\n").as_bytes());
    for (name, p) in [
        ("bindcmdaddress", socket.to_path_buf()),
        ("pidfile", run_dir.join("chronyd").join("chronyd.pid")),
        ("driftfile", data_dir.join("chrony.drift")),
        ("logdir", data_dir.join("log")),
        ("dumpdir", data_dir.join("dump")),
        ("ntsdumpdir", data_dir.join("nts")),
    ] {
        out.extend_from_slice(name.as_bytes());
        out.push(b' ');
        out.extend_from_slice(&path(&p));
        out.push(b'\n');
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn owned_paths_are_replaced_and_the_rest_kept() {
        let user = Document::parse(
            "server 10.0.0.1 iburst\ndriftfile /var/lib/chrony/drift\nport 123\nallow 10.0.0.0/24\n",
        );
        let text = lab_chronyd_config(
            &user,
            11123,
            Path::new("/r"),
            Path::new("/d"),
            Path::new("/r/chronyd/chronyd.sock"),
        );
        let doc = Document::parse(&text);
        let names: Vec<String> = doc.directives().map(|(_, d)| d.render()).collect();
        assert!(names.contains(&"server 10.0.0.1 iburst".to_string()));
        assert!(names.contains(&"allow 10.0.0.0/24".to_string()));
        assert!(names.contains(&"port 11123".to_string()));
        assert!(!names.contains(&"port 123".to_string()));
        assert!(!names.iter().any(|n| n.contains("/var/lib/chrony")));
        assert!(
            String::from_utf8_lossy(&text).contains("bindcmdaddress /r/chronyd/chronyd.sock\n")
        );
    }

    #[test]
    fn the_users_bytes_reach_chronyd_unchanged() {
        let user = b"# R\xe9seau du labo (Latin-1)\nallow 10.0.0.0/24\n";
        let text = lab_chronyd_config(
            &Document::parse(user),
            11123,
            Path::new("/r"),
            Path::new("/d"),
            Path::new("/r/s.sock"),
        );
        assert!(
            text.starts_with(user),
            "{:?}",
            String::from_utf8_lossy(&text)
        );
    }
}
