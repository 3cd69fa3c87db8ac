//! What a reply's status field says, and why a datagram is not the reply
//! waited for.

/// Status codes (`STT_*`) a reply can carry.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, serde::Serialize, serde::Deserialize, thiserror::Error,
)]
#[serde(rename_all = "snake_case")]
pub enum Status {
    #[error("failed")]
    Failed,
    #[error("not authorised")]
    Unauthorised,
    #[error("invalid command")]
    Invalid,
    #[error("no such source")]
    NoSuchSource,
    #[error("invalid timestamp")]
    InvalidTimestamp,
    #[error("facility not enabled in daemon")]
    NotEnabled,
    #[error("bad subnet")]
    BadSubnet,
    #[error("access allowed")]
    AccessAllowed,
    #[error("access denied")]
    AccessDenied,
    #[error("source already known")]
    SourceAlreadyKnown,
    #[error("too many sources")]
    TooManySources,
    #[error("no RTC driver")]
    NoRtc,
    #[error("bad RTC file")]
    BadRtcFile,
    #[error("inactive")]
    Inactive,
    #[error("bad sample")]
    BadSample,
    #[error("invalid address family")]
    InvalidAddressFamily,
    #[error("bad packet version")]
    BadPacketVersion,
    #[error("bad packet length")]
    BadPacketLength,
    #[error("invalid name")]
    InvalidName,
    #[error("unknown status {0}")]
    Other(u16),
}

impl Status {
    /// `None` for success.
    pub fn from_code(code: u16) -> Option<Status> {
        Some(match code {
            0 => return None,
            1 => Status::Failed,
            2 => Status::Unauthorised,
            3 => Status::Invalid,
            4 => Status::NoSuchSource,
            5 => Status::InvalidTimestamp,
            6 => Status::NotEnabled,
            7 => Status::BadSubnet,
            8 => Status::AccessAllowed,
            9 => Status::AccessDenied,
            11 => Status::SourceAlreadyKnown,
            12 => Status::TooManySources,
            13 => Status::NoRtc,
            14 => Status::BadRtcFile,
            15 => Status::Inactive,
            16 => Status::BadSample,
            17 => Status::InvalidAddressFamily,
            18 => Status::BadPacketVersion,
            19 => Status::BadPacketLength,
            21 => Status::InvalidName,
            other => Status::Other(other),
        })
    }
}

/// Why a datagram is not the reply we wait for.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum WireError {
    #[error("reply shorter than its header")]
    ShortHeader,
    #[error("reply of protocol version {0}")]
    Version(u8),
    #[error("not a reply packet")]
    NotReply,
    #[error("reply to another command")]
    OtherCommand,
    #[error("reply to another request")]
    OtherSequence,
    #[error("reply of kind {got}, expected {expected}")]
    UnexpectedReply { got: u16, expected: u16 },
    #[error("reply of {got} bytes, expected {expected}")]
    ShortReply { got: usize, expected: usize },
    /// chronyd sends each reply kind at exactly its length (`pktlength.c`):
    /// anything longer is not chronyd's.
    #[error("reply of {got} bytes, expected {expected}")]
    LongReply { got: usize, expected: usize },
    /// A count in a reply beyond chronyd's own limits.
    #[error("{what} {got} is beyond chronyd's limit of {limit}")]
    Count {
        what: &'static str,
        got: u64,
        limit: u64,
    },
    #[error("not supported by chrony {version}")]
    Unsupported { version: String },
    #[error("chronyd: {0}")]
    Status(Status),
}
