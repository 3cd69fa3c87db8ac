//! chrony's command and monitoring protocol (cmdmon), version 6, as laid
//! out in chrony's `candm.h`: packet headers, the padding that keeps a
//! request at least as long as its reply, and the field codecs (chrony's
//! 32-bit "Float", `IPAddr`, `Timespec`). Pure: bytes in, bytes out.

use std::net::{IpAddr, Ipv4Addr, Ipv6Addr};

pub const PROTO_VERSION: u8 = 6;
pub const PKT_TYPE_CMD_REQUEST: u8 = 1;
pub const PKT_TYPE_CMD_REPLY: u8 = 2;

/// Request header: version, type, 2 reserved, command, attempt, sequence,
/// 2 pads.
pub const REQUEST_HEADER_LEN: usize = 20;
/// Reply header: version, type, 2 reserved, command, reply, status, 3 pads,
/// sequence, 2 pads.
pub const REPLY_HEADER_LEN: usize = 28;
/// The largest reply (client accesses, 8 records).
pub const MAX_REPLY_LEN: usize = REPLY_HEADER_LEN + 492;

/// chronyd's own limits, for counts a reply claims (a count beyond them is
/// not chronyd's, and nothing is allocated from one).
pub mod limits {
    /// `MAX_SOURCES` in `ntp_sources.c`, plus room for reference clocks
    /// (chronyd does not limit those, but each is a `refclock` line).
    pub const MAX_SOURCES: u32 = 65_536 + 256;
    /// Client log records: `MAX_SLOTS * SLOT_SIZE` in `clientlog.c`.
    pub const MAX_CLIENT_RECORDS: u32 = 1 << 24;
    /// Records in one page of `clients` (`MAX_CLIENT_ACCESSES`, candm.h).
    pub const CLIENTS_PER_PAGE: u32 = 8;
}

/// Request codes (`REQ_*`).
pub mod req {
    pub const NULL: u16 = 0;
    pub const ONLINE: u16 = 1;
    pub const OFFLINE: u16 = 2;
    pub const BURST: u16 = 3;
    pub const DUMP: u16 = 6;
    pub const N_SOURCES: u16 = 14;
    pub const SOURCE_DATA: u16 = 15;
    pub const ALLOW: u16 = 17;
    pub const ALLOWALL: u16 = 18;
    pub const DENY: u16 = 19;
    pub const DENYALL: u16 = 20;
    pub const CMDALLOW: u16 = 21;
    pub const CMDALLOWALL: u16 = 22;
    pub const CMDDENY: u16 = 23;
    pub const CMDDENYALL: u16 = 24;
    pub const DEL_SOURCE: u16 = 29;
    pub const TRACKING: u16 = 33;
    pub const SOURCESTATS: u16 = 34;
    pub const RTCREPORT: u16 = 35;
    pub const MAKESTEP: u16 = 43;
    pub const ACTIVITY: u16 = 44;
    pub const SMOOTHING: u16 = 51;
    pub const REFRESH: u16 = 53;
    pub const SERVER_STATS: u16 = 54;
    pub const LOCAL2: u16 = 56;
    pub const NTP_DATA: u16 = 57;
    pub const ADD_SOURCE: u16 = 64;
    pub const NTP_SOURCE_NAME: u16 = 65;
    pub const AUTH_DATA: u16 = 67;
    pub const CLIENT_ACCESSES_BY_INDEX3: u16 = 68;
    pub const SELECT_DATA: u16 = 69;
    pub const RELOAD_SOURCES: u16 = 70;
    pub const LOCAL3: u16 = 74;
    pub const ADD_SOURCE2: u16 = 75;
}

/// Reply codes (`RPY_*`).
pub mod rpy {
    pub const NULL: u16 = 1;
    pub const N_SOURCES: u16 = 2;
    pub const SOURCE_DATA: u16 = 3;
    pub const TRACKING: u16 = 5;
    pub const SOURCESTATS: u16 = 6;
    pub const RTC: u16 = 7;
    pub const ACTIVITY: u16 = 12;
    pub const SMOOTHING: u16 = 13;
    pub const NTP_DATA: u16 = 16;
    pub const NTP_SOURCE_NAME: u16 = 19;
    pub const AUTH_DATA: u16 = 20;
    pub const CLIENT_ACCESSES_BY_INDEX3: u16 = 21;
    pub const SELECT_DATA: u16 = 23;
    pub const SERVER_STATS2: u16 = 22;
    pub const SERVER_STATS3: u16 = 24;
    pub const SERVER_STATS4: u16 = 25;
    pub const NTP_DATA2: u16 = 26;
}

/// Length of the data part of each reply kind (`pktlength.c`).
pub fn reply_data_len(reply: u16) -> Option<usize> {
    Some(match reply {
        rpy::NULL => 0,
        rpy::N_SOURCES => 4,
        rpy::SOURCE_DATA => 48,
        rpy::TRACKING => 76,
        rpy::SOURCESTATS => 56,
        rpy::RTC => 28,
        rpy::ACTIVITY => 20,
        rpy::SMOOTHING => 24,
        rpy::NTP_DATA => 124,
        rpy::NTP_SOURCE_NAME => 256,
        rpy::AUTH_DATA => 24,
        rpy::CLIENT_ACCESSES_BY_INDEX3 => 492,
        rpy::SELECT_DATA => 48,
        rpy::SERVER_STATS2 => 32,
        rpy::SERVER_STATS3 => 44,
        rpy::SERVER_STATS4 => 168,
        rpy::NTP_DATA2 => 144,
        _ => return None,
    })
}

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

/// chrony's 32-bit float: 7-bit signed exponent, 25-bit signed coefficient,
/// value = coef * 2^(exp - 25).
pub fn float_from_wire(x: u32) -> f64 {
    const COEF_BITS: i32 = 25;
    let mut exp = (x >> COEF_BITS) as i32;
    if exp >= 1 << 6 {
        exp -= 1 << 7;
    }
    exp -= COEF_BITS;
    let mut coef = (x % (1u32 << COEF_BITS)) as i32;
    if coef >= 1 << (COEF_BITS - 1) {
        coef -= 1 << COEF_BITS;
    }
    f64::from(coef) * 2f64.powi(exp)
}

/// The inverse of [`float_from_wire`], as chrony's `UTI_FloatHostToNetwork`.
pub fn float_to_wire(x: f64) -> u32 {
    const COEF_BITS: i32 = 25;
    const EXP_MAX: i32 = 63;
    const EXP_MIN: i32 = -64;
    const COEF_MAX: i32 = (1 << (COEF_BITS - 1)) - 1;
    let (x, neg) = if x < 0.0 {
        (-x, 1)
    } else if x >= 0.0 {
        (x, 0)
    } else {
        (0.0, 0) // NaN
    };
    let (mut exp, mut coef): (i32, i32);
    if x < 1.0e-100 {
        exp = 0;
        coef = 0;
    } else if x > 1.0e100 {
        exp = EXP_MAX;
        coef = COEF_MAX + neg;
    } else {
        exp = (x.ln() / 2f64.ln()) as i32 + 1;
        coef = (x * 2f64.powi(-exp + COEF_BITS) + 0.5) as i32;
        while coef > COEF_MAX + neg {
            coef >>= 1;
            exp += 1;
        }
        if exp > EXP_MAX {
            exp = EXP_MAX;
            coef = COEF_MAX + neg;
        } else if exp < EXP_MIN {
            if exp + COEF_BITS >= EXP_MIN {
                coef >>= EXP_MIN - exp;
                exp = EXP_MIN;
            } else {
                exp = 0;
                coef = 0;
            }
        }
    }
    if neg == 1 {
        coef = ((-(coef as i64)) as u32 % (1u32 << COEF_BITS)) as i32;
    }
    ((exp as u32) << COEF_BITS) | (coef as u32 & ((1 << COEF_BITS) - 1))
}

/// A reader over a reply's data part; every read is bounds-checked by the
/// length check done before decoding.
pub struct Reader<'a> {
    buf: &'a [u8],
    pos: usize,
}

impl<'a> Reader<'a> {
    pub fn new(buf: &'a [u8]) -> Self {
        Reader { buf, pos: 0 }
    }

    fn take<const N: usize>(&mut self) -> [u8; N] {
        let mut out = [0u8; N];
        if let Some(s) = self.buf.get(self.pos..self.pos + N) {
            out.copy_from_slice(s);
        }
        self.pos += N;
        out
    }

    pub fn u8(&mut self) -> u8 {
        self.take::<1>()[0]
    }

    pub fn i8(&mut self) -> i8 {
        self.u8() as i8
    }

    pub fn u16(&mut self) -> u16 {
        u16::from_be_bytes(self.take())
    }

    pub fn i16(&mut self) -> i16 {
        self.u16() as i16
    }

    pub fn u32(&mut self) -> u32 {
        u32::from_be_bytes(self.take())
    }

    pub fn i32(&mut self) -> i32 {
        self.u32() as i32
    }

    /// chrony's `Integer64`: high word, then low word.
    pub fn u64(&mut self) -> u64 {
        let high = u64::from(self.u32());
        (high << 32) | u64::from(self.u32())
    }

    pub fn float(&mut self) -> f64 {
        float_from_wire(self.u32())
    }

    pub fn bytes<const N: usize>(&mut self) -> [u8; N] {
        self.take()
    }

    /// chrony's `IPAddr`: 16 address bytes, family, pad.
    pub fn ip(&mut self) -> WireAddr {
        let addr: [u8; 16] = self.take();
        let family = self.u16();
        let _pad = self.u16();
        match family {
            1 => WireAddr::Ip(IpAddr::V4(Ipv4Addr::new(
                addr[0], addr[1], addr[2], addr[3],
            ))),
            2 => WireAddr::Ip(IpAddr::V6(Ipv6Addr::from(addr))),
            3 => WireAddr::Id(u32::from_be_bytes([addr[0], addr[1], addr[2], addr[3]])),
            _ => WireAddr::Unspec,
        }
    }

    /// chrony's `Timespec` as seconds since the Unix epoch.
    pub fn timespec(&mut self) -> f64 {
        let high = self.u32();
        let low = self.u32();
        let nsec = self.u32().min(999_999_999);
        let high = if high == 0x7fff_ffff { 0 } else { high };
        let sec = (u64::from(high) << 32) | u64::from(low);
        sec as f64 + f64::from(nsec) * 1e-9
    }
}

/// An address as chronyd reports it: a real IP, the id of a source whose
/// name is not resolved yet, or none.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum WireAddr {
    Unspec,
    Ip(IpAddr),
    Id(u32),
}

impl WireAddr {
    pub fn ip(self) -> Option<IpAddr> {
        match self {
            WireAddr::Ip(ip) => Some(ip),
            _ => None,
        }
    }
}

/// Writer for request bodies.
#[derive(Default)]
pub struct Writer {
    pub buf: Vec<u8>,
}

impl Writer {
    pub fn u16(&mut self, v: u16) {
        self.buf.extend_from_slice(&v.to_be_bytes());
    }

    pub fn u32(&mut self, v: u32) {
        self.buf.extend_from_slice(&v.to_be_bytes());
    }

    pub fn i32(&mut self, v: i32) {
        self.u32(v as u32);
    }

    pub fn float(&mut self, v: f64) {
        self.u32(float_to_wire(v));
    }

    pub fn ip(&mut self, addr: Option<IpAddr>) {
        let mut bytes = [0u8; 16];
        let family = match addr {
            None => 0,
            Some(IpAddr::V4(a)) => {
                bytes[..4].copy_from_slice(&a.octets());
                1
            }
            Some(IpAddr::V6(a)) => {
                bytes.copy_from_slice(&a.octets());
                2
            }
        };
        self.buf.extend_from_slice(&bytes);
        self.u16(family);
        self.u16(0);
    }

    /// An address as chronyd reports it, sent back: an IP, or the id
    /// chronyd gave a source whose name is not resolved yet (family
    /// `IPADDR_ID`, the id in the first four bytes; util.c's
    /// `UTI_IPNetworkToHost` reads it back the same way).
    pub fn wire_addr(&mut self, addr: WireAddr) {
        match addr {
            WireAddr::Ip(ip) => self.ip(Some(ip)),
            WireAddr::Unspec => self.ip(None),
            WireAddr::Id(id) => {
                let mut bytes = [0u8; 16];
                bytes[..4].copy_from_slice(&id.to_be_bytes());
                self.buf.extend_from_slice(&bytes);
                self.u16(3);
                self.u16(0);
            }
        }
    }

    pub fn bytes(&mut self, b: &[u8]) {
        self.buf.extend_from_slice(b);
    }
}

/// Builds a request datagram: header, body, and zero padding up to the
/// length of the expected reply (chronyd drops shorter requests, which
/// keeps it from amplifying spoofed traffic).
pub fn encode_request(
    command: u16,
    sequence: u32,
    attempt: u16,
    body: &[u8],
    reply: u16,
) -> Vec<u8> {
    let mut buf = Vec::with_capacity(MAX_REPLY_LEN);
    buf.push(PROTO_VERSION);
    buf.push(PKT_TYPE_CMD_REQUEST);
    buf.extend_from_slice(&[0, 0]);
    buf.extend_from_slice(&command.to_be_bytes());
    buf.extend_from_slice(&attempt.to_be_bytes());
    buf.extend_from_slice(&sequence.to_be_bytes());
    buf.extend_from_slice(&[0; 8]);
    buf.extend_from_slice(body);
    let reply_len = REPLY_HEADER_LEN + reply_data_len(reply).unwrap_or(0);
    if buf.len() < reply_len {
        buf.resize(reply_len, 0);
    }
    buf
}

/// A reply's header fields after validation.
#[derive(Debug, Clone, Copy)]
pub struct ReplyHeader {
    pub command: u16,
    pub reply: u16,
    pub status: u16,
    pub sequence: u32,
}

/// Validates a reply datagram against the request it should answer (any of
/// the `accepted` reply kinds) and returns its kind and data part. Errors for
/// foreign datagrams (other sequence, command, version) let the caller keep
/// waiting for the right one.
pub fn decode_reply<'a>(
    buf: &'a [u8],
    command: u16,
    sequence: u32,
    accepted: &[u16],
) -> Result<(u16, &'a [u8]), WireError> {
    if buf.len() < REPLY_HEADER_LEN {
        return Err(WireError::ShortHeader);
    }
    let mut r = Reader::new(buf);
    let version = r.u8();
    let pkt_type = r.u8();
    let res1 = r.u8();
    let res2 = r.u8();
    let h = ReplyHeader {
        command: r.u16(),
        reply: r.u16(),
        status: r.u16(),
        sequence: {
            let _pads: [u8; 6] = r.bytes();
            r.u32()
        },
    };
    if version != PROTO_VERSION {
        return Err(WireError::Version(version));
    }
    if pkt_type != PKT_TYPE_CMD_REPLY || res1 != 0 || res2 != 0 {
        return Err(WireError::NotReply);
    }
    if h.command != command {
        return Err(WireError::OtherCommand);
    }
    if h.sequence != sequence {
        return Err(WireError::OtherSequence);
    }
    if let Some(status) = Status::from_code(h.status) {
        return Err(WireError::Status(status));
    }
    if !accepted.contains(&h.reply) {
        return Err(WireError::UnexpectedReply {
            got: h.reply,
            expected: accepted.first().copied().unwrap_or(0),
        });
    }
    let expected = REPLY_HEADER_LEN + reply_data_len(h.reply).unwrap_or(0);
    if buf.len() < expected {
        return Err(WireError::ShortReply {
            got: buf.len(),
            expected,
        });
    }
    if buf.len() > expected {
        return Err(WireError::LongReply {
            got: buf.len(),
            expected,
        });
    }
    Ok((h.reply, &buf[REPLY_HEADER_LEN..expected]))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn float_round_trips_within_its_precision() {
        for x in [
            0.0,
            1.0,
            -1.0,
            0.000_003_145,
            -0.000_001_332,
            123.456,
            1e-9,
            3.0,
            1e6,
        ] {
            let back = float_from_wire(float_to_wire(x));
            assert!((back - x).abs() <= x.abs() * 1e-7 + 1e-30, "{x} -> {back}");
        }
        assert_eq!(float_from_wire(float_to_wire(f64::NAN)), 0.0);
    }

    #[test]
    fn requests_are_padded_to_their_reply_length() {
        let r = encode_request(req::TRACKING, 7, 0, &[], rpy::TRACKING);
        assert_eq!(r.len(), REPLY_HEADER_LEN + 76);
        assert_eq!(&r[..6], &[6, 1, 0, 0, 0, 33]);
        // Client accesses: 36-byte request + 484 bytes of padding.
        let r = encode_request(
            req::CLIENT_ACCESSES_BY_INDEX3,
            1,
            0,
            &[0; 16],
            rpy::CLIENT_ACCESSES_BY_INDEX3,
        );
        assert_eq!(r.len() - (REQUEST_HEADER_LEN + 16), 484);
        // Longer than its reply: no padding.
        let r = encode_request(req::BURST, 1, 0, &[0; 48], rpy::NULL);
        assert_eq!(r.len(), REQUEST_HEADER_LEN + 48);
    }

    fn reply(command: u16, reply: u16, status: u16, seq: u32, data: usize) -> Vec<u8> {
        let mut b = vec![6, 2, 0, 0];
        b.extend_from_slice(&command.to_be_bytes());
        b.extend_from_slice(&reply.to_be_bytes());
        b.extend_from_slice(&status.to_be_bytes());
        b.extend_from_slice(&[0; 6]);
        b.extend_from_slice(&seq.to_be_bytes());
        b.extend_from_slice(&[0; 8]);
        b.resize(REPLY_HEADER_LEN + data, 0);
        b
    }

    #[test]
    fn replies_are_validated() {
        let ok = reply(req::ACTIVITY, rpy::ACTIVITY, 0, 9, 20);
        assert_eq!(
            decode_reply(&ok, req::ACTIVITY, 9, &[rpy::ACTIVITY])
                .map(|(_, d)| d)
                .unwrap()
                .len(),
            20
        );
        assert_eq!(
            decode_reply(&ok, req::ACTIVITY, 8, &[rpy::ACTIVITY]),
            Err(WireError::OtherSequence)
        );
        assert_eq!(
            decode_reply(&ok[..40], req::ACTIVITY, 9, &[rpy::ACTIVITY]),
            Err(WireError::ShortReply {
                got: 40,
                expected: 48
            })
        );
        assert_eq!(
            decode_reply(&ok[..10], req::ACTIVITY, 9, &[rpy::ACTIVITY]),
            Err(WireError::ShortHeader)
        );
        let mut long = ok.clone();
        long.push(0);
        assert_eq!(
            decode_reply(&long, req::ACTIVITY, 9, &[rpy::ACTIVITY]),
            Err(WireError::LongReply {
                got: 49,
                expected: 48
            })
        );
        let denied = reply(req::SERVER_STATS, rpy::NULL, 2, 9, 0);
        assert_eq!(
            decode_reply(&denied, req::SERVER_STATS, 9, &[rpy::SERVER_STATS3]),
            Err(WireError::Status(Status::Unauthorised))
        );
        let mut v5 = ok.clone();
        v5[0] = 5;
        assert_eq!(
            decode_reply(&v5, req::ACTIVITY, 9, &[rpy::ACTIVITY]),
            Err(WireError::Version(5))
        );
    }
}
