//! Reply data to reports: one function per reply, reading the fields in
//! `candm.h`'s order; what a release does not send stays `None`.

use super::reports::*;
use super::wire::{Reader, WireAddr, WireError, rpy};
use crate::core::conf::ChronyVersion;

fn interval(v: i8) -> Option<i8> {
    (v < 127).then_some(v)
}

fn ago(v: u32) -> Option<u32> {
    (v != u32::MAX).then_some(v)
}

/// Decodes a reply's data. `version` tells what the release put in words
/// that older releases left reserved (good RX count from 4.3).
pub(super) fn decode_data(
    reply: u16,
    data: &[u8],
    version: ChronyVersion,
) -> Result<Reply, WireError> {
    let mut r = Reader::new(data);
    Ok(match reply {
        rpy::NULL => Reply::Null,
        rpy::N_SOURCES => Reply::NSources(r.u32()),
        rpy::SOURCE_DATA => source_data(&mut r),
        rpy::TRACKING => tracking(&mut r),
        rpy::SOURCESTATS => sourcestats(&mut r),
        rpy::ACTIVITY => activity(&mut r),
        rpy::SERVER_STATS2 | rpy::SERVER_STATS3 | rpy::SERVER_STATS4 => server_stats(reply, &mut r),
        rpy::CLIENT_ACCESSES_BY_INDEX3 => client_accesses(&mut r),
        rpy::NTP_DATA | rpy::NTP_DATA2 => ntp_data(reply, &mut r, version),
        rpy::NTP_SOURCE_NAME => ntp_source_name(&mut r),
        rpy::SELECT_DATA => select_data(&mut r),
        rpy::AUTH_DATA => auth_data(&mut r),
        rpy::SMOOTHING => smoothing(&mut r),
        rpy::RTC => rtc(&mut r),
        other => {
            return Err(WireError::UnexpectedReply {
                got: other,
                expected: rpy::NULL,
            });
        }
    })
}

fn source_data(r: &mut Reader) -> Reply {
    let address = WireAddrSer(r.ip());
    let poll = r.i16();
    let stratum = r.u16();
    let state = match r.u16() {
        0 => SourceState::Selected,
        1 => SourceState::Unusable,
        2 => SourceState::Falseticker,
        3 => SourceState::Jittery,
        4 => SourceState::Combined,
        5 => SourceState::NotCombined,
        _ => SourceState::Unknown,
    };
    let mode = match r.u16() {
        0 => SourceMode::Server,
        1 => SourceMode::Peer,
        2 => SourceMode::RefClock,
        _ => SourceMode::Unknown,
    };
    Reply::SourceData(SourceData {
        address,
        poll,
        stratum,
        state,
        mode,
        flags: r.u16(),
        reach: r.u16(),
        last_rx: r.u32(),
        measured_offset: r.float(),
        offset: r.float(),
        error: r.float(),
        name: None,
    })
}

fn tracking(r: &mut Reader) -> Reply {
    Reply::Tracking(Tracking {
        ref_id: r.u32(),
        address: r.ip().ip(),
        stratum: r.u16(),
        leap_status: r.u16(),
        ref_time: r.timespec(),
        system_time: r.float(),
        last_offset: r.float(),
        rms_offset: r.float(),
        frequency_ppm: r.float(),
        residual_freq_ppm: r.float(),
        skew_ppm: r.float(),
        root_delay: r.float(),
        root_dispersion: r.float(),
        update_interval: r.float(),
    })
}

fn sourcestats(r: &mut Reader) -> Reply {
    Reply::SourceStats(SourceStats {
        ref_id: r.u32(),
        address: WireAddrSer(r.ip()),
        samples: r.u32(),
        runs: r.u32(),
        span: r.u32(),
        std_dev: r.float(),
        frequency_ppm: r.float(),
        freq_skew_ppm: r.float(),
        offset: r.float(),
        offset_error: r.float(),
    })
}

fn activity(r: &mut Reader) -> Reply {
    Reply::Activity(Activity {
        online: r.i32(),
        offline: r.i32(),
        burst_online: r.i32(),
        burst_offline: r.i32(),
        unresolved: r.i32(),
    })
}

fn server_stats(reply: u16, r: &mut Reader) -> Reply {
    let wide = reply == rpy::SERVER_STATS4;
    let mut next = || if wide { r.u64() } else { u64::from(r.u32()) };
    let ntp_hits = next();
    let nke_hits = next();
    let cmd_hits = next();
    let ntp_drops = next();
    let nke_drops = next();
    let cmd_drops = next();
    let log_drops = next();
    let auth_hits = next();
    let mut more = |since: u16| (reply >= since).then(&mut next);
    let interleaved = more(rpy::SERVER_STATS3);
    let held = more(rpy::SERVER_STATS3);
    let span = more(rpy::SERVER_STATS3);
    Reply::ServerStats(ServerStats {
        ntp_packets_received: ntp_hits,
        ntp_packets_dropped: ntp_drops,
        command_packets_received: cmd_hits,
        command_packets_dropped: cmd_drops,
        client_log_records_dropped: log_drops,
        nts_ke_connections_accepted: nke_hits,
        nts_ke_connections_dropped: nke_drops,
        authenticated_ntp_packets: auth_hits,
        interleaved_ntp_packets: interleaved,
        ntp_timestamps_held: held,
        ntp_timestamp_span: span,
        ntp_daemon_rx_timestamps: more(rpy::SERVER_STATS4),
        ntp_daemon_tx_timestamps: more(rpy::SERVER_STATS4),
        ntp_kernel_rx_timestamps: more(rpy::SERVER_STATS4),
        ntp_kernel_tx_timestamps: more(rpy::SERVER_STATS4),
        ntp_hardware_rx_timestamps: more(rpy::SERVER_STATS4),
        ntp_hardware_tx_timestamps: more(rpy::SERVER_STATS4),
    })
}

fn client_accesses(r: &mut Reader) -> Reply {
    let n_indices = r.u32();
    let next_index = r.u32();
    let n_clients = r.u32().min(8);
    let mut clients = Vec::new();
    for _ in 0..n_clients {
        let ip = r.ip();
        let (ntp_hits, nke_hits, cmd_hits) = (r.u32(), r.u32(), r.u32());
        let (ntp_drops, nke_drops, cmd_drops) = (r.u32(), r.u32(), r.u32());
        let (ntp_i, nke_i, cmd_i, ntp_to) = (r.i8(), r.i8(), r.i8(), r.i8());
        let (ntp_ago, nke_ago, cmd_ago) = (r.u32(), r.u32(), r.u32());
        // An unspecified address is a record chronyd could not find.
        if let WireAddr::Ip(address) = ip {
            clients.push(Client {
                address,
                ntp_hits,
                ntp_drops,
                ntp_interval: interval(ntp_i),
                ntp_interval_limit: interval(ntp_to),
                ntp_last: ago(ntp_ago),
                cmd_hits,
                cmd_drops,
                cmd_interval: interval(cmd_i),
                cmd_last: ago(cmd_ago),
                nts_ke_hits: nke_hits,
                nts_ke_drops: nke_drops,
                nts_ke_interval: interval(nke_i),
                nts_ke_last: ago(nke_ago),
            });
        }
    }
    Reply::Clients(ClientPage {
        n_indices,
        next_index,
        n_records: n_clients,
        clients,
    })
}

fn ntp_data(reply: u16, r: &mut Reader, version: ChronyVersion) -> Reply {
    Reply::NtpData(Box::new(NtpData {
        remote_address: WireAddrSer(r.ip()),
        local_address: WireAddrSer(r.ip()),
        remote_port: r.u16(),
        leap: r.u8(),
        version: r.u8(),
        mode: r.u8(),
        stratum: r.u8(),
        poll: r.i8(),
        precision: r.i8(),
        root_delay: r.float(),
        root_dispersion: r.float(),
        ref_id: r.u32(),
        ref_time: r.timespec(),
        offset: r.float(),
        peer_delay: r.float(),
        peer_dispersion: r.float(),
        response_time: r.float(),
        jitter_asymmetry: r.float(),
        flags: r.u16(),
        tx_timestamping: r.u8() as char,
        rx_timestamping: r.u8() as char,
        total_tx: r.u32(),
        total_rx: r.u32(),
        total_valid_rx: r.u32(),
        total_good_rx: Some(r.u32()).filter(|_| version >= GOOD_RX_SINCE),
        total_kernel_tx: (reply == rpy::NTP_DATA2).then(|| r.u32()),
        total_kernel_rx: (reply == rpy::NTP_DATA2).then(|| r.u32()),
        total_hardware_tx: (reply == rpy::NTP_DATA2).then(|| r.u32()),
        total_hardware_rx: (reply == rpy::NTP_DATA2).then(|| r.u32()),
    }))
}

fn ntp_source_name(r: &mut Reader) -> Reply {
    let name: [u8; 256] = r.bytes();
    let end = name.iter().position(|b| *b == 0).unwrap_or(256);
    Reply::NtpSourceName(String::from_utf8_lossy(&name[..end]).into_owned())
}

fn select_data(r: &mut Reader) -> Reply {
    Reply::SelectData(SelectData {
        ref_id: r.u32(),
        address: WireAddrSer(r.ip()),
        state: r.u8() as char,
        authenticated: r.u8() != 0,
        leap: r.u8(),
        configured_options: {
            let _pad = r.u8();
            r.u16()
        },
        effective_options: r.u16(),
        last_sample_ago: r.u32(),
        score: r.float(),
        lo_limit: r.float(),
        hi_limit: r.float(),
    })
}

fn auth_data(r: &mut Reader) -> Reply {
    Reply::AuthData(AuthData {
        mode: r.u16(),
        key_type: r.u16(),
        key_id: r.u32(),
        key_length: r.u16(),
        ke_attempts: r.u16(),
        last_ke_ago: r.u32(),
        cookies: r.u16(),
        cookie_length: r.u16(),
        nak: r.u16(),
    })
}

fn smoothing(r: &mut Reader) -> Reply {
    let flags = r.u32();
    Reply::Smoothing(Smoothing {
        active: flags & 1 != 0,
        leap_only: flags & 2 != 0,
        offset: r.float(),
        freq_ppm: r.float(),
        wander_ppm: r.float(),
        last_update_ago: r.float(),
        remaining_time: r.float(),
    })
}

fn rtc(r: &mut Reader) -> Reply {
    Reply::Rtc(RtcReport {
        ref_time: r.timespec(),
        samples: r.u16(),
        runs: r.u16(),
        span: r.u32(),
        rtc_seconds_fast: r.float(),
        rtc_gain_rate_ppm: r.float(),
    })
}
