//! Where each of the window's operations stands: an Apply, an NTS
//! request, a file saved or imported, each tied to the request that
//! carries it (the requests and their replies: `requests.rs`).

use std::path::PathBuf;

use super::backend::{Contents, RequestId};
use crate::core::codes::ErrorCode;
use crate::ipc::Applied;

/// An Apply in progress or finished.
#[derive(Debug, Clone, PartialEq)]
pub enum ApplyState {
    Idle,
    /// Request `id` carries `sent`: the bytes that become the applied
    /// configuration if it succeeds (edits made meanwhile stay pending).
    Running {
        id: RequestId,
        sent: Vec<u8>,
    },
    /// `edited`: the document when the answer came; an edit after that
    /// takes the message away (it is about an older text).
    Done {
        applied: Applied,
        edited: Vec<u8>,
    },
    Failed {
        code: ErrorCode,
        detail: Option<String>,
    },
}

/// An NTS request (certificates made or renewed) in progress or finished.
#[derive(Debug, Clone, PartialEq)]
pub enum NtsState {
    Idle,
    Running(RequestId),
    Done(crate::ipc::NtsIssued),
    /// Why not, in the user's language.
    Failed(String),
}

/// A file saved or imported for the user.
#[derive(Debug, Clone, PartialEq)]
pub enum FileState {
    Writing(PathBuf),
    Reading(PathBuf),
    Written(PathBuf),
    Read(PathBuf),
    /// Nothing written: something is at `path`. The user replaces it
    /// (the contents are kept for that) or not.
    Exists {
        path: PathBuf,
        contents: Contents,
    },
    /// Why not, in the user's language.
    Failed(String),
}
