//! One NTP client exchange, sans IO (RFC 5905 §7.3, 48-byte header): the
//! request the roster sends a device, and the checks its reply must pass
//! before anything in it is believed. The transmit timestamp of the request
//! is a random nonce (RFC 9109's data minimisation); a reply whose origin
//! timestamp is not that nonce is someone else's or spoofed. The caller
//! keeps the real send time, so the nonce costs no precision.

use serde::{Deserialize, Serialize};

/// The NTP header: every reply shorter than this is refused.
pub const HEADER_LEN: usize = 48;

/// Seconds from the NTP epoch (1900) to the Unix epoch.
const NTP_UNIX: f64 = 2_208_988_800.0;

/// A root distance beyond chronyd's default `maxdistance` (3 s): no chrony
/// client would use such a server, so its time is not a time to follow.
pub const MAX_ROOT_DISTANCE: f64 = 3.0;

/// A round trip longer than this is not a measurement (the caller waits
/// less than this for an answer anyway).
pub const MAX_DELAY: f64 = 10.0;

/// The bytes of a client request (mode 3, version 4) whose transmit
/// timestamp is `nonce`.
pub fn request(nonce: u64) -> [u8; HEADER_LEN] {
    let mut p = [0u8; HEADER_LEN];
    // LI 0, VN 4, mode 3 (client).
    p[0] = (4 << 3) | 3;
    // Poll 6 (64 s), the rate the roster asks at.
    p[2] = 6;
    p[40..48].copy_from_slice(&nonce.to_be_bytes());
    p
}

/// Why a reply is not believed.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, thiserror::Error)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum ReplyError {
    #[error("{len} bytes, shorter than an NTP header")]
    TooShort { len: usize },
    #[error("mode {mode}, not a server's reply")]
    NotServer { mode: u8 },
    #[error("NTP version {version}")]
    Version { version: u8 },
    /// The origin timestamp is not the nonce sent: a stale, misdirected or
    /// spoofed packet.
    #[error("origin timestamp is not ours")]
    Spoofed,
    /// Stratum 0: a kiss-o'-death (`RATE`, `DENY`, `RSTR`…).
    #[error("kiss-o'-death {code:?}")]
    Kiss { code: [u8; 4] },
    #[error("no receive or transmit timestamp")]
    NoTimestamps,
    /// Root delay or dispersion negative or absurd, a round trip below
    /// zero or beyond [`MAX_DELAY`].
    #[error("timestamps out of range")]
    OutOfRange,
}

/// What a valid reply says, and what it measures.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
pub struct Reply {
    /// 0 none, 1 insert, 2 delete, 3 not synchronised.
    pub leap: u8,
    pub version: u8,
    pub stratum: u8,
    pub poll: i8,
    pub precision: i8,
    /// Seconds.
    pub root_delay: f64,
    pub root_dispersion: f64,
    pub ref_id: u32,
    /// Unix seconds (0: never set).
    pub ref_time: f64,
    /// The device's clock minus ours (s): positive when it is ahead.
    pub offset: f64,
    /// Round trip minus the device's processing time (s).
    pub delay: f64,
}

impl Reply {
    /// Its own estimate of its error: root delay / 2 + root dispersion.
    pub fn root_distance(&self) -> f64 {
        self.root_delay / 2.0 + self.root_dispersion
    }

    /// Whether it claims to be synchronised to a usable time.
    pub fn synchronised(&self) -> bool {
        self.leap != 3
            && (1..16).contains(&self.stratum)
            && self.root_distance() <= MAX_ROOT_DISTANCE
    }
}

fn be32(b: &[u8], at: usize) -> u32 {
    u32::from_be_bytes([b[at], b[at + 1], b[at + 2], b[at + 3]])
}

fn be64(b: &[u8], at: usize) -> u64 {
    (u64::from(be32(b, at)) << 32) | u64::from(be32(b, at + 4))
}

/// NTP short format (16.16 seconds), unsigned.
fn short(v: u32) -> f64 {
    f64::from(v) / 65536.0
}

/// An NTP timestamp as Unix seconds, in the era nearest `near` (Unix
/// seconds): the 32-bit seconds wrap in 2036.
pub fn ntp_to_unix(ts: u64, near: f64) -> f64 {
    let secs = (ts >> 32) as f64;
    let frac = (ts & 0xffff_ffff) as f64 / 4_294_967_296.0;
    let era_len = 4_294_967_296.0;
    let base = secs + frac - NTP_UNIX;
    let eras = ((near - base) / era_len).round();
    base + eras * era_len
}

/// Checks a reply to the request carrying `nonce`, sent at `t1` and
/// received at `t4` (Unix seconds, the caller's clock), and measures.
pub fn decode(buf: &[u8], nonce: u64, t1: f64, t4: f64) -> Result<Reply, ReplyError> {
    if buf.len() < HEADER_LEN {
        return Err(ReplyError::TooShort { len: buf.len() });
    }
    let leap = buf[0] >> 6;
    let version = (buf[0] >> 3) & 7;
    let mode = buf[0] & 7;
    if mode != 4 {
        return Err(ReplyError::NotServer { mode });
    }
    if !(1..=4).contains(&version) {
        return Err(ReplyError::Version { version });
    }
    // Before anything else is believed: is it the answer to our request?
    if be64(buf, 24) != nonce {
        return Err(ReplyError::Spoofed);
    }
    let stratum = buf[1];
    let ref_id = be32(buf, 12);
    if stratum == 0 {
        return Err(ReplyError::Kiss {
            code: ref_id.to_be_bytes(),
        });
    }
    let (rx, tx) = (be64(buf, 32), be64(buf, 40));
    if rx == 0 || tx == 0 {
        return Err(ReplyError::NoTimestamps);
    }
    let (delay_raw, disp_raw) = (be32(buf, 4), be32(buf, 8));
    // RFC 5905 calls them signed: a top bit set is a negative (or a 9-hour)
    // value, neither of which any real server sends.
    if delay_raw & 0x8000_0000 != 0 || disp_raw & 0x8000_0000 != 0 {
        return Err(ReplyError::OutOfRange);
    }
    let t2 = ntp_to_unix(rx, t1);
    let t3 = ntp_to_unix(tx, t1);
    let delay = (t4 - t1) - (t3 - t2);
    // A little below zero is the two clocks' resolution.
    if !(-0.001..=MAX_DELAY).contains(&delay) || t4 < t1 {
        return Err(ReplyError::OutOfRange);
    }
    let ref_raw = be64(buf, 16);
    Ok(Reply {
        leap,
        version,
        stratum,
        poll: buf[2] as i8,
        precision: buf[3] as i8,
        root_delay: short(delay_raw),
        root_dispersion: short(disp_raw),
        ref_id,
        ref_time: if ref_raw == 0 {
            0.0
        } else {
            ntp_to_unix(ref_raw, t1)
        },
        offset: ((t2 - t1) + (t3 - t4)) / 2.0,
        delay: delay.max(0.0),
    })
}

/// Builds a server's reply to `request` (for tests and fuzzing): the
/// device's clock is `offset` ahead, it took `hold` seconds to answer.
#[allow(clippy::too_many_arguments)]
pub fn reply_for(
    request: &[u8; HEADER_LEN],
    leap: u8,
    stratum: u8,
    ref_id: u32,
    root_delay: f64,
    root_dispersion: f64,
    rx_unix: f64,
    tx_unix: f64,
) -> [u8; HEADER_LEN] {
    let ts = |u: f64| {
        let n = u + NTP_UNIX;
        let secs = n.floor();
        (((secs as u64) & 0xffff_ffff) << 32) | (((n - secs) * 4_294_967_296.0) as u64)
    };
    let mut p = [0u8; HEADER_LEN];
    p[0] = (leap << 6) | (4 << 3) | 4;
    p[1] = stratum;
    p[2] = request[2];
    p[3] = (-20i8) as u8;
    p[4..8].copy_from_slice(&((root_delay * 65536.0) as u32).to_be_bytes());
    p[8..12].copy_from_slice(&((root_dispersion * 65536.0) as u32).to_be_bytes());
    p[12..16].copy_from_slice(&ref_id.to_be_bytes());
    p[16..24].copy_from_slice(&ts(rx_unix - 10.0).to_be_bytes());
    p[24..32].copy_from_slice(&request[40..48]);
    p[32..40].copy_from_slice(&ts(rx_unix).to_be_bytes());
    p[40..48].copy_from_slice(&ts(tx_unix).to_be_bytes());
    p
}

/// The reference id a server following `ip` sends: the IPv4 address, or
/// the first four bytes of the MD5 of an IPv6 address (RFC 5905, as
/// chronyd and ntpd do).
pub fn refid_of(ip: std::net::IpAddr) -> u32 {
    match ip {
        std::net::IpAddr::V4(v4) => u32::from(v4),
        std::net::IpAddr::V6(v6) => {
            use md5::Digest;
            let d = md5::Md5::digest(v6.octets());
            u32::from_be_bytes([d[0], d[1], d[2], d[3]])
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const NONCE: u64 = 0x1234_5678_9abc_def0;

    fn reply(offset: f64) -> [u8; HEADER_LEN] {
        let req = request(NONCE);
        // Sent at 1000, 1 ms each way, the device `offset` ahead.
        reply_for(
            &req,
            0,
            3,
            0x7f00_0001,
            0.002,
            0.001,
            1_700_000_000.001 + offset,
            1_700_000_000.001 + offset,
        )
    }

    #[test]
    fn a_reply_measures_offset_delay_and_the_device_facts() {
        let r = decode(&reply(0.25), NONCE, 1_700_000_000.0, 1_700_000_000.002).unwrap();
        assert!((r.offset - 0.25).abs() < 1e-6, "{}", r.offset);
        assert!((r.delay - 0.002).abs() < 1e-6, "{}", r.delay);
        assert_eq!((r.stratum, r.ref_id, r.leap), (3, 0x7f00_0001, 0));
        assert!((r.root_distance() - 0.002).abs() < 1e-4);
        assert!(r.synchronised());
    }

    #[test]
    fn hostile_replies_are_refused() {
        let good = reply(0.0);
        let d = |b: &[u8]| decode(b, NONCE, 1_700_000_000.0, 1_700_000_000.002);
        assert_eq!(d(&good[..47]), Err(ReplyError::TooShort { len: 47 }));
        let mut m = good;
        m[0] = (4 << 3) | 3;
        assert_eq!(d(&m), Err(ReplyError::NotServer { mode: 3 }));
        let mut m = good;
        m[24] ^= 1;
        assert_eq!(d(&m), Err(ReplyError::Spoofed));
        let mut m = good;
        m[1] = 0;
        m[12..16].copy_from_slice(b"RATE");
        assert_eq!(d(&m), Err(ReplyError::Kiss { code: *b"RATE" }));
        let mut m = good;
        m[4] = 0x80;
        assert_eq!(d(&m), Err(ReplyError::OutOfRange));
        // Answered "before" it was asked by more than the round trip.
        let late = decode(&good, NONCE, 1_700_000_000.0, 1_700_000_100.0);
        assert_eq!(late, Err(ReplyError::OutOfRange));
        // A huge root distance decodes, but is no time to follow.
        let req = request(NONCE);
        let far = reply_for(
            &req,
            0,
            2,
            1,
            20.0,
            10.0,
            1_700_000_000.001,
            1_700_000_000.001,
        );
        assert!(!d(&far).unwrap().synchronised());
        // Extension fields after the header change nothing.
        let mut long = good.to_vec();
        long.extend_from_slice(&[0u8; 64]);
        assert_eq!(d(&long).unwrap().stratum, 3);
    }

    #[test]
    fn timestamps_cross_the_2036_era() {
        // 2036-02-07 06:28:16 UTC is NTP second 0 of era 1.
        let era1 = 2_085_978_496.0;
        let ts: u64 = 5 << 32;
        assert!((ntp_to_unix(ts, era1) - (era1 + 5.0)).abs() < 1e-6);
        assert!(
            (ntp_to_unix(0xE000_0000u64 << 32, 1_700_000_000.0) - 1_549_107_584.0).abs() < 1e-6
        );
    }

    #[test]
    fn reference_ids_of_v4_and_v6() {
        assert_eq!(refid_of("127.0.0.1".parse().unwrap()), 0x7f00_0001);
        // MD5(::1) = cf404dc8…: its first four bytes, big-endian.
        assert_eq!(refid_of("::1".parse().unwrap()), 0xcf40_4dc8);
    }
}
