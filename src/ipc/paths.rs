//! Where a helper's socket is: part of the contract between the helper and
//! its clients (the CLI and the window look here when none is named).

use std::path::{Path, PathBuf};

/// The per-user data dir (`~/.local/share/stratum`).
pub fn user_data_dir() -> PathBuf {
    directories::ProjectDirs::from("", "", "stratum")
        .map(|d| d.data_dir().to_path_buf())
        .unwrap_or_else(|| std::env::temp_dir().join("stratum"))
}

/// The per-user runtime dir (`$XDG_RUNTIME_DIR/stratum`), falling back to
/// the data dir.
pub fn user_runtime_dir() -> PathBuf {
    directories::ProjectDirs::from("", "", "stratum")
        .and_then(|d| d.runtime_dir().map(Path::to_path_buf))
        .unwrap_or_else(|| user_data_dir().join("run"))
}

/// The helper socket a client tries when none is named: a running system
/// helper first, then the user's lab helper.
pub fn default_helper_sockets() -> Vec<PathBuf> {
    vec![
        PathBuf::from("/run/stratum/helper.sock"),
        user_runtime_dir().join("helper.sock"),
    ]
}
