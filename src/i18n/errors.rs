//! Failures said as one sentence in the user's language, and the operating
//! system's refusals inside them: "No such file or directory (os error 2)"
//! is the C library's English, so the kind of error is said instead
//! (`os-error` in cli.ftl), with the system's words only for a kind that
//! has no text of its own.

use std::io;

/// A failure the user sees as one sentence: a message id and its
/// arguments, translated where it is shown (the CLI and the helper alike).
#[derive(Debug)]
pub struct UserError {
    pub id: &'static str,
    pub args: Vec<(&'static str, String)>,
    /// The system's refusal, said as the message's `reason`.
    pub os: Option<OsError>,
}

impl UserError {
    pub fn new(id: &'static str) -> Self {
        UserError {
            id,
            args: Vec::new(),
            os: None,
        }
    }

    pub fn arg(mut self, name: &'static str, value: impl ToString) -> Self {
        self.args.push((name, value.to_string()));
        self
    }

    /// The system's refusal as the message's `reason`.
    pub fn os(mut self, e: &io::Error) -> Self {
        self.os = Some(OsError::from(e));
        self
    }

    /// "Cannot read PATH: why", the why in the user's language.
    pub fn cannot_read(path: impl std::fmt::Display, e: &io::Error) -> Self {
        UserError::new("cli-cannot-read").arg("path", path).os(e)
    }

    /// "Cannot write PATH: why. The file was not changed."
    pub fn cannot_write(path: impl std::fmt::Display, e: &io::Error) -> Self {
        UserError::new("cli-cannot-write").arg("path", path).os(e)
    }
}

/// What the system refused, as a person needs to know it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum OsErrorKind {
    NotFound,
    PermissionDenied,
    IsADirectory,
    NotADirectory,
    /// A FIFO, a device or a socket where a file was wanted (refused by
    /// `fsutil::open` before reading).
    NotRegular,
    TooLarge,
    /// Not the text it should be (not UTF-8).
    InvalidData,
    /// A symbolic link where `O_NOFOLLOW` wants none (ELOOP).
    SymbolicLink,
    ReadOnly,
    StorageFull,
    AlreadyExists,
    /// Anything else: the system's own words are shown.
    Other,
}

impl OsErrorKind {
    pub fn id(self) -> &'static str {
        match self {
            OsErrorKind::NotFound => "not-found",
            OsErrorKind::PermissionDenied => "permission-denied",
            OsErrorKind::IsADirectory => "is-a-directory",
            OsErrorKind::NotADirectory => "not-a-directory",
            OsErrorKind::NotRegular => "not-regular",
            OsErrorKind::TooLarge => "too-large",
            OsErrorKind::InvalidData => "invalid-data",
            OsErrorKind::SymbolicLink => "symbolic-link",
            OsErrorKind::ReadOnly => "read-only",
            OsErrorKind::StorageFull => "storage-full",
            OsErrorKind::AlreadyExists => "already-exists",
            OsErrorKind::Other => "other",
        }
    }
}

/// An operating system error, kept as its kind and the system's words.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct OsError {
    pub kind: OsErrorKind,
    /// The system's text, shown only for [`OsErrorKind::Other`].
    pub detail: String,
}

impl From<&io::Error> for OsError {
    fn from(e: &io::Error) -> Self {
        use io::ErrorKind as K;
        let not_regular = e
            .get_ref()
            .is_some_and(|inner| inner.is::<crate::fsutil::open::NotRegularFile>());
        let kind = match e.kind() {
            _ if not_regular => OsErrorKind::NotRegular,
            _ if e.raw_os_error() == Some(rustix::io::Errno::LOOP.raw_os_error()) => {
                OsErrorKind::SymbolicLink
            }
            K::NotFound => OsErrorKind::NotFound,
            K::PermissionDenied => OsErrorKind::PermissionDenied,
            K::IsADirectory => OsErrorKind::IsADirectory,
            K::NotADirectory => OsErrorKind::NotADirectory,
            K::FileTooLarge => OsErrorKind::TooLarge,
            K::InvalidData => OsErrorKind::InvalidData,
            K::ReadOnlyFilesystem => OsErrorKind::ReadOnly,
            K::StorageFull | K::QuotaExceeded => OsErrorKind::StorageFull,
            K::AlreadyExists => OsErrorKind::AlreadyExists,
            _ => OsErrorKind::Other,
        };
        OsError {
            kind,
            detail: crate::core::text::escape_controls(&e.to_string()).into_owned(),
        }
    }
}

impl From<io::Error> for OsError {
    fn from(e: io::Error) -> Self {
        OsError::from(&e)
    }
}

impl OsError {
    /// The arguments of `os-error`, for a message that quotes it by
    /// reference (`{ os-error }`, as lint's include-unreadable does).
    pub fn args(&self) -> [(&'static str, String); 2] {
        [
            ("os-error", self.kind.id().to_string()),
            ("os-detail", self.detail.clone()),
        ]
    }
}
