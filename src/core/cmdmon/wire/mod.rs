//! chrony's command and monitoring protocol (cmdmon), version 6, as laid
//! out in chrony's `candm.h`: packet headers, the padding that keeps a
//! request at least as long as its reply, and the field codecs (chrony's
//! 32-bit "Float", `IPAddr`, `Timespec`). Pure: bytes in, bytes out.

mod fields;
mod status;

pub use fields::{Reader, WireAddr, Writer, float_from_wire, float_to_wire};
pub use status::{Status, WireError};

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
