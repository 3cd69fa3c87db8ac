//! Where the helper keeps its files in each mode.

use std::path::{Path, PathBuf};

use crate::core::conf::directive::{BindKind, BindTarget};
use crate::core::conf::{Directive, Document};

/// Default NTP port of a lab (unprivileged).
pub const LAB_NTP_PORT: u16 = 11123;

#[derive(Debug, Clone)]
pub struct Paths {
    /// The chrony.conf the user edits (lab: in the data dir; system: the
    /// distribution's).
    pub config: PathBuf,
    /// The file chronyd reads: in lab mode the user's config with the
    /// helper's paths and ports; in system mode the config itself.
    pub chronyd_config: PathBuf,
    /// chronyd's command socket.
    pub chronyd_socket: PathBuf,
    pub data_dir: PathBuf,
    /// The helper's own socket.
    pub helper_socket: PathBuf,
    pub history: PathBuf,
    pub backups: PathBuf,
}

pub use crate::ipc::paths::{user_data_dir, user_runtime_dir};

impl Paths {
    pub fn lab(data_dir: Option<&Path>, socket: Option<&Path>) -> Paths {
        let data = data_dir
            .map(Path::to_path_buf)
            .unwrap_or_else(user_data_dir);
        let run = match data_dir {
            Some(d) => d.join("run"),
            None => user_runtime_dir(),
        };
        Paths {
            config: data.join("chrony.conf"),
            chronyd_config: run.join("chronyd.conf"),
            chronyd_socket: run.join("chronyd").join("chronyd.sock"),
            helper_socket: socket
                .map(Path::to_path_buf)
                .unwrap_or_else(|| run.join("helper.sock")),
            history: data.join("history.bin"),
            backups: data.join("backups"),
            data_dir: data,
        }
    }

    pub fn system(config: Option<&Path>, data_dir: Option<&Path>, socket: Option<&Path>) -> Paths {
        let config = config.map(Path::to_path_buf).unwrap_or_else(|| {
            ["/etc/chrony/chrony.conf", "/etc/chrony.conf"]
                .iter()
                .map(PathBuf::from)
                .find(|p| p.exists())
                .unwrap_or_else(|| PathBuf::from("/etc/chrony/chrony.conf"))
        });
        let data = data_dir
            .map(Path::to_path_buf)
            .unwrap_or_else(|| PathBuf::from("/var/lib/stratum"));
        let chronyd_socket = std::fs::read(&config)
            .ok()
            .and_then(|b| command_socket_of(&Document::parse(b)))
            .unwrap_or_else(|| PathBuf::from("/run/chrony/chronyd.sock"));
        Paths {
            chronyd_config: config.clone(),
            backups: config.parent().unwrap_or(Path::new("/")).to_path_buf(),
            config,
            chronyd_socket,
            helper_socket: socket
                .map(Path::to_path_buf)
                .unwrap_or_else(|| PathBuf::from("/run/stratum/helper.sock")),
            history: data.join("history.bin"),
            data_dir: data,
        }
    }
}

/// The Unix command socket a configuration names (`bindcmdaddress /path`).
pub fn command_socket_of(doc: &Document) -> Option<PathBuf> {
    doc.directives()
        .filter_map(|(_, d)| match d {
            Directive::Bind {
                kind: BindKind::Command,
                target: BindTarget::Path(p),
            } => Some(PathBuf::from(p)),
            _ => None,
        })
        .last()
}
