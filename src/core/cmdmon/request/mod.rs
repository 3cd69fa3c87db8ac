//! The requests Stratum sends over cmdmon, encoded for the chronyd release
//! that receives them (4.0 to 4.9): the request codes and layouts changed
//! (`LOCAL2` → `LOCAL3` in 4.6, `max_unreach` in the add-source request from
//! 4.8), and so did some replies (server statistics 2/3/4, NTP data 1/2).

use std::net::IpAddr;

mod params;

pub use params::{
    ADD_SOURCE2_SINCE, AddSource, LocalParams, SRC_DEFAULT_MAXNTSRETRY, SRC_DEFAULT_MAXUNREACH,
};

use super::decode::decode_data;
use super::reports::Reply;
use super::wire::{self, WireAddr, WireError, Writer, req, rpy};
use crate::core::conf::ChronyVersion;

/// `REQ_LOCAL3` replaced `REQ_LOCAL2`.
pub const LOCAL3_SINCE: ChronyVersion = ChronyVersion::new(4, 6);
/// `RPY_NTP_DATA2` (kernel and hardware timestamp counts).
pub const NTP_DATA2_SINCE: ChronyVersion = ChronyVersion::new(4, 6);
/// `RPY_SERVER_STATS4` (64-bit counters, timestamp counts).
pub const SERVER_STATS4_SINCE: ChronyVersion = ChronyVersion::new(4, 4);
/// `RPY_SERVER_STATS3` (interleaved, timestamps held).
pub const SERVER_STATS3_SINCE: ChronyVersion = ChronyVersion::new(4, 2);

fn server_stats_reply(version: ChronyVersion) -> u16 {
    if version >= SERVER_STATS4_SINCE {
        rpy::SERVER_STATS4
    } else if version >= SERVER_STATS3_SINCE {
        rpy::SERVER_STATS3
    } else {
        rpy::SERVER_STATS2
    }
}

/// A cmdmon request.
#[derive(Debug, Clone, PartialEq)]
pub enum Request {
    Null,
    NSources,
    SourceData(u32),
    Tracking,
    SourceStats(u32),
    Activity,
    ServerStats,
    NtpData(IpAddr),
    /// The name chronyd keeps for a source (`chronyc -N`): as configured,
    /// also for one whose name is not resolved yet (an `ID#` address).
    NtpSourceName(WireAddr),
    SelectData(u32),
    AuthData(IpAddr),
    ClientAccesses {
        first_index: u32,
        min_hits: u32,
        reset: bool,
    },
    Smoothing,
    Rtc,
    /// `burst good/total [mask/address]`; `None` for every source.
    Burst {
        good: i32,
        total: i32,
        address: Option<(IpAddr, IpAddr)>,
    },
    Online(Option<(IpAddr, IpAddr)>),
    Offline(Option<(IpAddr, IpAddr)>),
    Makestep,
    AddSource(Box<AddSource>),
    DeleteSource(IpAddr),
    /// allow/deny (cmd: cmdallow/cmddeny); `all` overrides narrower rules.
    Access {
        cmd: bool,
        allow: bool,
        all: bool,
        address: Option<IpAddr>,
        bits: i32,
    },
    /// `local …`, or `local off` with `None`.
    Local(Option<LocalParams>),
    ReloadSources,
    Refresh,
    Dump,
}

fn mask_addr(w: &mut Writer, a: &Option<(IpAddr, IpAddr)>) {
    w.ip(a.map(|(mask, _)| mask));
    w.ip(a.map(|(_, addr)| addr));
}

impl Request {
    /// (request code, the reply this release sends, body) for a chronyd of
    /// `version`, or the typed error for a request that release lacks.
    pub fn encode_body(&self, version: ChronyVersion) -> Result<(u16, u16, Vec<u8>), WireError> {
        let unsupported = || WireError::Unsupported {
            version: version.to_string(),
        };
        let mut w = Writer::default();
        let (command, reply) = match self {
            Request::Null => (req::NULL, rpy::NULL),
            Request::NSources => (req::N_SOURCES, rpy::N_SOURCES),
            Request::SourceData(i) => {
                w.u32(*i);
                (req::SOURCE_DATA, rpy::SOURCE_DATA)
            }
            Request::Tracking => (req::TRACKING, rpy::TRACKING),
            Request::SourceStats(i) => {
                w.u32(*i);
                (req::SOURCESTATS, rpy::SOURCESTATS)
            }
            Request::Activity => (req::ACTIVITY, rpy::ACTIVITY),
            Request::ServerStats => (req::SERVER_STATS, server_stats_reply(version)),
            Request::NtpData(ip) => {
                w.ip(Some(*ip));
                let reply = if version >= NTP_DATA2_SINCE {
                    rpy::NTP_DATA2
                } else {
                    rpy::NTP_DATA
                };
                (req::NTP_DATA, reply)
            }
            Request::NtpSourceName(addr) => {
                w.wire_addr(*addr);
                (req::NTP_SOURCE_NAME, rpy::NTP_SOURCE_NAME)
            }
            Request::SelectData(i) => {
                w.u32(*i);
                (req::SELECT_DATA, rpy::SELECT_DATA)
            }
            Request::AuthData(ip) => {
                w.ip(Some(*ip));
                (req::AUTH_DATA, rpy::AUTH_DATA)
            }
            Request::ClientAccesses {
                first_index,
                min_hits,
                reset,
            } => {
                w.u32(*first_index);
                w.u32(8);
                w.u32(*min_hits);
                w.u32(u32::from(*reset));
                (
                    req::CLIENT_ACCESSES_BY_INDEX3,
                    rpy::CLIENT_ACCESSES_BY_INDEX3,
                )
            }
            Request::Smoothing => (req::SMOOTHING, rpy::SMOOTHING),
            Request::Rtc => (req::RTCREPORT, rpy::RTC),
            Request::Burst {
                good,
                total,
                address,
            } => {
                mask_addr(&mut w, address);
                w.i32(*good);
                w.i32(*total);
                (req::BURST, rpy::NULL)
            }
            Request::Online(a) => {
                mask_addr(&mut w, a);
                (req::ONLINE, rpy::NULL)
            }
            Request::Offline(a) => {
                mask_addr(&mut w, a);
                (req::OFFLINE, rpy::NULL)
            }
            Request::Makestep => (req::MAKESTEP, rpy::NULL),
            Request::AddSource(a) => {
                if version >= ADD_SOURCE2_SINCE {
                    a.encode_v2(&mut w);
                    (req::ADD_SOURCE2, rpy::NULL)
                } else {
                    a.encode_v1(&mut w);
                    (req::ADD_SOURCE, rpy::NULL)
                }
            }
            Request::DeleteSource(ip) => {
                w.ip(Some(*ip));
                (req::DEL_SOURCE, rpy::NULL)
            }
            Request::Access {
                cmd,
                allow,
                all,
                address,
                bits,
            } => {
                w.ip(*address);
                w.i32(*bits);
                let code = match (cmd, allow, all) {
                    (false, true, false) => req::ALLOW,
                    (false, true, true) => req::ALLOWALL,
                    (false, false, false) => req::DENY,
                    (false, false, true) => req::DENYALL,
                    (true, true, false) => req::CMDALLOW,
                    (true, true, true) => req::CMDALLOWALL,
                    (true, false, false) => req::CMDDENY,
                    (true, false, true) => req::CMDDENYALL,
                };
                (code, rpy::NULL)
            }
            Request::Local(l) => {
                let off = LocalParams {
                    stratum: 0,
                    orphan: false,
                    distance: 0.0,
                    activate: 0.0,
                    wait_synced: 0.0,
                    wait_unsynced: 0.0,
                };
                let p = l.as_ref().unwrap_or(&off);
                w.i32(i32::from(l.is_some()));
                w.i32(p.stratum);
                w.float(p.distance);
                w.i32(i32::from(p.orphan));
                // 4.6 replaced LOCAL2 with LOCAL3 (activate; 4.7 added the
                // waits in what 4.6 reserved) and stopped handling LOCAL2.
                if version >= LOCAL3_SINCE {
                    w.float(p.activate);
                    w.float(p.wait_synced);
                    w.float(p.wait_unsynced);
                    (req::LOCAL3, rpy::NULL)
                } else if p.activate != 0.0 {
                    return Err(unsupported());
                } else {
                    (req::LOCAL2, rpy::NULL)
                }
            }
            Request::ReloadSources => (req::RELOAD_SOURCES, rpy::NULL),
            Request::Refresh => (req::REFRESH, rpy::NULL),
            Request::Dump => {
                w.i32(0);
                (req::DUMP, rpy::NULL)
            }
        };
        Ok((command, reply, w.buf))
    }

    /// Every reply chronyd may answer this request with, across releases.
    pub fn accepted_replies(&self) -> &'static [u16] {
        match self {
            Request::NSources => &[rpy::N_SOURCES],
            Request::SourceData(_) => &[rpy::SOURCE_DATA],
            Request::Tracking => &[rpy::TRACKING],
            Request::SourceStats(_) => &[rpy::SOURCESTATS],
            Request::Activity => &[rpy::ACTIVITY],
            Request::ServerStats => &[rpy::SERVER_STATS4, rpy::SERVER_STATS3, rpy::SERVER_STATS2],
            Request::NtpData(_) => &[rpy::NTP_DATA2, rpy::NTP_DATA],
            Request::NtpSourceName(_) => &[rpy::NTP_SOURCE_NAME],
            Request::SelectData(_) => &[rpy::SELECT_DATA],
            Request::AuthData(_) => &[rpy::AUTH_DATA],
            Request::ClientAccesses { .. } => &[rpy::CLIENT_ACCESSES_BY_INDEX3],
            Request::Smoothing => &[rpy::SMOOTHING],
            Request::Rtc => &[rpy::RTC],
            Request::Null
            | Request::Burst { .. }
            | Request::Online(_)
            | Request::Offline(_)
            | Request::Makestep
            | Request::AddSource(_)
            | Request::DeleteSource(_)
            | Request::Access { .. }
            | Request::Local(_)
            | Request::ReloadSources
            | Request::Refresh
            | Request::Dump => &[rpy::NULL],
        }
    }

    /// Whether chronyd answers this request over UDP (the rest needs the
    /// Unix socket: "501 Not authorised").
    pub fn allowed_over_udp(&self) -> bool {
        matches!(
            self,
            Request::Null
                | Request::NSources
                | Request::SourceData(_)
                | Request::Tracking
                | Request::SourceStats(_)
                | Request::Activity
        )
    }

    /// Whether the request changes chronyd's state.
    pub fn is_control(&self) -> bool {
        matches!(
            self,
            Request::Burst { .. }
                | Request::Online(_)
                | Request::Offline(_)
                | Request::Makestep
                | Request::AddSource(_)
                | Request::DeleteSource(_)
                | Request::Access { .. }
                | Request::Local(_)
                | Request::ReloadSources
                | Request::Refresh
                | Request::Dump
                | Request::ClientAccesses { reset: true, .. }
        )
    }

    /// The full datagram for this request to a chronyd of `version`.
    pub fn encode(
        &self,
        sequence: u32,
        attempt: u16,
        version: ChronyVersion,
    ) -> Result<Vec<u8>, WireError> {
        let (command, reply, body) = self.encode_body(version)?;
        Ok(wire::encode_request(
            command, sequence, attempt, &body, reply,
        ))
    }

    /// The request code sent to a chronyd of `version`.
    pub fn command(&self, version: ChronyVersion) -> Result<u16, WireError> {
        self.encode_body(version).map(|(c, _, _)| c)
    }

    /// Validates and decodes the reply datagram to this request: any of the
    /// replies a release may send for it, decoded by the one that came.
    pub fn decode(
        &self,
        buf: &[u8],
        sequence: u32,
        version: ChronyVersion,
    ) -> Result<Reply, WireError> {
        let command = self.command(version)?;
        let (reply, data) = wire::decode_reply(buf, command, sequence, self.accepted_replies())?;
        decode_data(reply, data, version)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const V43: ChronyVersion = ChronyVersion::new(4, 3);
    #[test]
    fn add_source_carries_the_config_line() {
        let s = crate::core::conf::parse_user_source(
            crate::core::conf::SourceKind::Server,
            "127.0.0.1 port 11123 iburst minpoll -2 prefer",
        )
        .unwrap();
        let a = AddSource::from_source(&s);
        assert_eq!((a.port, a.minpoll, a.maxpoll), (11123, -2, 10));
        assert_eq!(a.flags, 0x1 | 0x4 | 0x8);
        let r = Request::AddSource(Box::new(a));
        let (command, reply, body) = r.encode_body(V43).unwrap();
        assert_eq!(
            (command, reply, body.len()),
            (req::ADD_SOURCE, rpy::NULL, 352)
        );
        assert_eq!(&body[4..13], b"127.0.0.1");
        // 4.8: max_unreach (chrony's default) where 4.7 had a reserved word.
        assert_eq!(&body[348..352], &100_000u32.to_be_bytes());
        // 4.9: REQ_ADD_SOURCE2, 388 bytes, max_unreach after max_samples.
        let (command, _, body) = r.encode_body(ChronyVersion::new(4, 9)).unwrap();
        assert_eq!((command, body.len()), (req::ADD_SOURCE2, 388));
        assert_eq!(&body[300..304], &100_000u32.to_be_bytes());
        assert_eq!(&body[320..324], &19u32.to_be_bytes());
        assert_eq!(&body[352..356], &(0x1u32 | 0x4 | 0x8).to_be_bytes());
    }

    #[test]
    fn replies_are_matched_to_the_command_sent_to_that_release() {
        let s = crate::core::conf::parse_user_source(
            crate::core::conf::SourceKind::Server,
            "127.0.0.2 iburst",
        )
        .unwrap();
        let r = Request::AddSource(Box::new(AddSource::from_source(&s)));
        for (v, code) in [
            (V43, req::ADD_SOURCE),
            (ChronyVersion::new(4, 9), req::ADD_SOURCE2),
        ] {
            // chronyd echoes the command it received in its reply.
            let mut reply = vec![6, 2, 0, 0];
            reply.extend_from_slice(&code.to_be_bytes());
            reply.extend_from_slice(&rpy::NULL.to_be_bytes());
            reply.extend_from_slice(&[0; 8]);
            reply.extend_from_slice(&7u32.to_be_bytes());
            reply.extend_from_slice(&[0; 8]);
            assert_eq!(r.decode(&reply, 7, v), Ok(Reply::Null), "{v}");
        }
    }

    #[test]
    fn local_follows_the_release() {
        let l = LocalParams {
            stratum: 10,
            orphan: true,
            distance: 1.0,
            activate: 0.0,
            wait_synced: 0.0,
            wait_unsynced: 300.0,
        };
        let (c, _, body) = Request::Local(Some(l.clone())).encode_body(V43).unwrap();
        assert_eq!((c, body.len()), (req::LOCAL2, 16));
        let (c, _, body) = Request::Local(Some(l.clone()))
            .encode_body(ChronyVersion::new(4, 6))
            .unwrap();
        assert_eq!((c, body.len()), (req::LOCAL3, 28));
        let activate = LocalParams { activate: 0.5, ..l };
        assert!(matches!(
            Request::Local(Some(activate)).encode_body(V43),
            Err(WireError::Unsupported { .. })
        ));
    }

    #[test]
    fn request_lengths_match_chrony() {
        // (request, total datagram length from chrony's pktlength.c)
        let cases: Vec<(Request, usize)> = vec![
            (Request::Tracking, 104),
            (Request::NSources, 32),
            (Request::SourceData(0), 76),
            (Request::SourceStats(0), 84),
            (Request::Activity, 48),
            (Request::ServerStats, 72),
            (Request::NtpData("127.0.0.1".parse().unwrap()), 152),
            (Request::SelectData(0), 76),
            (Request::AuthData("127.0.0.1".parse().unwrap()), 52),
            (
                Request::ClientAccesses {
                    first_index: 0,
                    min_hits: 0,
                    reset: false,
                },
                520,
            ),
            (Request::Makestep, 28),
            (Request::Local(None), 36),
            (
                Request::Burst {
                    good: 4,
                    total: 4,
                    address: None,
                },
                68,
            ),
        ];
        for (r, len) in cases {
            assert_eq!(r.encode(1, 0, V43).unwrap().len(), len, "{r:?}");
        }
    }
}
