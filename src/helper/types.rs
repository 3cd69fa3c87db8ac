//! What the helper's tasks share as plain facts and values: the mode it
//! runs in, what is fixed at start, how applies are guarded, the error a
//! request gets, and a lock that survives a panic. Every task imports these
//! from here, so no two task files import each other.

use std::sync::{Mutex, MutexGuard, PoisonError};

use super::paths::Paths;
use crate::core::codes::ErrorCode;
use crate::core::conf::ChronyVersion;
use crate::core::conf::guard::PathPolicy;

pub use crate::ipc::Mode;

/// A refused or failed request: a code the client translates plus the values
/// its message needs.
#[derive(Debug, Clone, PartialEq)]
pub struct HelperError {
    pub code: ErrorCode,
    pub detail: Option<String>,
}

impl HelperError {
    pub fn new(code: ErrorCode, detail: impl Into<Option<String>>) -> Self {
        HelperError {
            code,
            detail: detail.into(),
        }
    }
}

impl From<super::cmdmon::CmdmonError> for HelperError {
    fn from(e: super::cmdmon::CmdmonError) -> Self {
        HelperError::new(e.code(), Some(e.to_string()))
    }
}

/// Facts fixed at start.
#[derive(Debug, Clone)]
pub struct Fixed {
    pub mode: Mode,
    pub paths: Paths,
    pub ntp_port: u16,
    pub chrony_version: Option<ChronyVersion>,
    pub chronyd: std::path::PathBuf,
}

#[derive(Debug, Clone)]
pub struct ApplyPolicy {
    /// Backups kept per file.
    pub keep_backups: usize,
    /// System mode: where chronyd may read and write.
    pub paths: PathPolicy,
}

/// A lock that survives a panic elsewhere: the data behind it (history) is
/// still good, and one failed request must not take every client down.
pub fn lock<T>(m: &Mutex<T>) -> MutexGuard<'_, T> {
    m.lock().unwrap_or_else(PoisonError::into_inner)
}

/// Runs blocking work (file reads, NSS) on tokio's blocking pool.
pub async fn blocking<T: Send + 'static>(f: impl FnOnce() -> T + Send + 'static) -> T {
    match tokio::task::spawn_blocking(f).await {
        Ok(v) => v,
        // The closure panicked: carry the panic on, as if it ran here.
        Err(e) => std::panic::resume_unwind(e.into_panic()),
    }
}
