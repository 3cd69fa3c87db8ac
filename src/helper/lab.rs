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
) -> String {
    let mut out = String::new();
    for line in user.lines() {
        let owned = line.parsed().is_some_and(|d| OWNED.contains(&d.name()));
        if owned {
            out.push_str("# (set by Stratum) ");
        }
        out.push_str(&line.text());
        out.push('\n');
    }
    out.push_str(&format!(
        "\n# --- Stratum lab: paths and ports owned by the helper ---\n\
         port {ntp_port}\n\
         cmdport 0\n\
         bindcmdaddress {}\n\
         pidfile {}\n\
         driftfile {}\n\
         logdir {}\n\
         dumpdir {}\n\
         ntsdumpdir {}\n",
        socket.display(),
        run_dir.join("chronyd").join("chronyd.pid").display(),
        data_dir.join("chrony.drift").display(),
        data_dir.join("log").display(),
        data_dir.join("dump").display(),
        data_dir.join("nts").display(),
    ));
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
        assert!(text.contains("bindcmdaddress /r/chronyd/chronyd.sock"));
    }
}
