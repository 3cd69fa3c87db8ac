//! chrony_exporter's families: tracking, sources and server statistics,
//! with its metric names and labels.

use crate::core::cmdmon::{ServerStats, SourceData, SourceMode, SourceState, Tracking, refid_text};

use super::page::{Page, server};

pub(super) fn tracking(p: &mut Page, srv: &str, t: &Tracking) {
    let l = || server(srv);
    let mut info = l();
    info.push((
        "tracking_address",
        t.address.map(|a| a.to_string()).unwrap_or_default(),
    ));
    info.push((
        "tracking_name",
        t.address
            .map(|a| a.to_string())
            .unwrap_or_else(|| refid_text(t.ref_id)),
    ));
    info.push(("tracking_refid", format!("{:08X}", t.ref_id)));
    p.add(
        "chrony_tracking_info",
        "Chrony tracking info",
        "gauge",
        info,
        1.0,
    );
    let g = |p: &mut Page, name, help, v: f64| p.add(name, help, "gauge", l(), v);
    g(
        p,
        "chrony_tracking_last_offset_seconds",
        "Chrony tracking last offset in seconds",
        t.last_offset,
    );
    g(
        p,
        "chrony_tracking_reference_timestamp_seconds",
        "Chrony tracking Reference timestamp",
        t.ref_time,
    );
    g(
        p,
        "chrony_tracking_system_time_seconds",
        "Chrony tracking System time",
        t.system_time,
    );
    g(
        p,
        "chrony_tracking_remote_reference",
        "Chrony tracking is connected to a remote source",
        if t.address.is_some() { 1.0 } else { 0.0 },
    );
    g(
        p,
        "chrony_tracking_rms_offset_seconds",
        "Chrony tracking RMS offset in seconds",
        t.rms_offset,
    );
    g(
        p,
        "chrony_tracking_root_delay_seconds",
        "Chrony tracking root delay in seconds",
        t.root_delay,
    );
    g(
        p,
        "chrony_tracking_root_dispersion_seconds",
        "Chrony tracking total of all measurement errors to the NTP root",
        t.root_dispersion,
    );
    g(
        p,
        "chrony_tracking_frequency_ppms",
        "Chrony tracking frequency in PPMs",
        t.frequency_ppm,
    );
    g(
        p,
        "chrony_tracking_residual_frequency_ppms",
        "For the currently selected reference source, the difference between the frequency it suggests and the one currently in use, in PPMs",
        t.residual_freq_ppm,
    );
    g(
        p,
        "chrony_tracking_skew_ppms",
        "The estimated error bound on the frequency, in PPMs",
        t.skew_ppm,
    );
    g(
        p,
        "chrony_tracking_update_interval_seconds",
        "The time elapsed since the last measurement from the reference source was processed, in seconds",
        t.update_interval,
    );
    g(
        p,
        "chrony_tracking_stratum",
        "Chrony tracking client stratum",
        f64::from(t.stratum),
    );
}

pub(super) fn sources(p: &mut Page, srv: &str, list: &[SourceData]) {
    for s in list {
        // The address as chronyc -n shows it (`ID#…` while the name does
        // not resolve), the name as configured.
        let addr = s.label();
        let name = s.display_name();
        let l = || {
            let mut v = server(srv);
            v.push(("source_address", addr.clone()));
            v.push(("source_name", name.clone()));
            v
        };
        let g = |p: &mut Page, n, h, v: f64| p.add(n, h, "gauge", l(), v);
        // A source never sampled has no age (chronyd sends 2^32-1).
        if let Some(age) = s.last_sample_age() {
            g(
                p,
                "chrony_sources_last_sample_age_seconds",
                "Chrony sources last good sample age in seconds",
                f64::from(age),
            );
        }
        g(
            p,
            "chrony_sources_reachability_ratio",
            "Chrony sources ratio of packet reachability",
            f64::from((s.reach & 0xff).count_ones()) / 8.0,
        );
        g(
            p,
            "chrony_sources_reachability_success",
            "Chrony sources last poll reachability success",
            f64::from(s.reach & 1),
        );
        g(
            p,
            "chrony_sources_last_sample_offset_seconds",
            "Chrony sources last sample offset in seconds",
            s.offset,
        );
        g(
            p,
            "chrony_sources_last_sample_error_margin_seconds",
            "Chrony sources last sample margin of error in seconds",
            s.error,
        );
        g(
            p,
            "chrony_sources_polling_interval_seconds",
            "Chrony sources polling interval in seconds",
            2f64.powi(i32::from(s.poll)),
        );
        g(
            p,
            "chrony_sources_stratum",
            "Chrony sources stratum",
            f64::from(s.stratum),
        );
        let mut info = l();
        info.push(("source_state", state_name(s.state).into()));
        info.push(("source_mode", mode_name(s.mode).into()));
        p.add(
            "chrony_sources_state_info",
            "Chrony sources state info",
            "gauge",
            info,
            1.0,
        );
    }
}

fn state_name(s: SourceState) -> &'static str {
    match s {
        SourceState::Selected => "sync",
        SourceState::Unusable => "unreach",
        SourceState::Falseticker => "falsetick",
        SourceState::Jittery => "jittery",
        SourceState::Combined => "candidate",
        SourceState::NotCombined => "outlier",
        _ => "unknown",
    }
}

fn mode_name(m: SourceMode) -> &'static str {
    match m {
        SourceMode::Server => "client",
        SourceMode::Peer => "peer",
        SourceMode::RefClock => "reference clock",
        SourceMode::Unknown => "unknown",
    }
}

pub(super) fn serverstats(p: &mut Page, srv: &str, s: &ServerStats) {
    let c = |p: &mut Page, n, h, v: Option<u64>| {
        if let Some(v) = v {
            p.add(n, h, "counter", server(srv), v as f64);
        }
    };
    c(
        p,
        "chrony_serverstats_ntp_packets_received_total",
        "The number of valid NTP requests received by the server.",
        Some(s.ntp_packets_received),
    );
    c(
        p,
        "chrony_serverstats_ntp_packets_dropped_total",
        "The number of NTP requests dropped by the server due to rate limiting.",
        Some(s.ntp_packets_dropped),
    );
    c(
        p,
        "chrony_serverstats_command_packets_received_total",
        "The number of command requests received by the server.",
        Some(s.command_packets_received),
    );
    c(
        p,
        "chrony_serverstats_command_packets_dropped_total",
        "The number of command requests dropped by the server due to rate limiting.",
        Some(s.command_packets_dropped),
    );
    c(
        p,
        "chrony_serverstats_client_log_records_dropped_total",
        "The number of client log records dropped by the server to limit the memory use.",
        Some(s.client_log_records_dropped),
    );
    c(
        p,
        "chrony_serverstats_nts_ke_connections_accepted_total",
        "The number of NTS-KE connections accepted by the server.",
        Some(s.nts_ke_connections_accepted),
    );
    c(
        p,
        "chrony_serverstats_nts_ke_connections_dropped_total",
        "The number of NTS-KE connections dropped by the server due to rate limiting.",
        Some(s.nts_ke_connections_dropped),
    );
    c(
        p,
        "chrony_serverstats_authenticated_ntp_packets_total",
        "The number of received NTP requests that were authenticated.",
        Some(s.authenticated_ntp_packets),
    );
    c(
        p,
        "chrony_serverstats_interleaved_ntp_packets_total",
        "The number of received NTP requests that were detected to be in the interleaved mode.",
        s.interleaved_ntp_packets,
    );
    if let Some(v) = s.ntp_timestamps_held {
        p.add("chrony_serverstats_ntp_timestamps_held", "The number of pairs of receive and transmit timestamps that the server is currently holding in memory for clients using the interleaved mode.", "gauge", server(srv), v as f64);
    }
    if let Some(v) = s.ntp_timestamp_span {
        p.add(
            "chrony_serverstats_ntp_timestamp_span_seconds",
            "The interval covered by the timestamps held by the server, in seconds.",
            "gauge",
            server(srv),
            v as f64,
        );
    }
    c(
        p,
        "chrony_serverstats_ntp_daemon_rx_timestamps_total",
        "The number of NTP responses which included a receive timestamp captured by the daemon.",
        s.ntp_daemon_rx_timestamps,
    );
    c(
        p,
        "chrony_serverstats_ntp_daemon_tx_timestamps_total",
        "The number of NTP responses which included a transmit timestamp captured by the daemon.",
        s.ntp_daemon_tx_timestamps,
    );
    c(
        p,
        "chrony_serverstats_ntp_kernel_rx_timestamps_total",
        "The number of NTP responses which included a receive timestamp captured by the kernel.",
        s.ntp_kernel_rx_timestamps,
    );
    c(
        p,
        "chrony_serverstats_ntp_kernel_tx_timestamps_total",
        "The number of NTP responses which included a transmit timestamp captured by the kernel.",
        s.ntp_kernel_tx_timestamps,
    );
    c(
        p,
        "chrony_serverstats_ntp_hw_rx_timestamps_total",
        "The number of NTP responses which included a receive timestamp captured by the NIC.",
        s.ntp_hardware_rx_timestamps,
    );
    c(
        p,
        "chrony_serverstats_ntp_hw_tx_timestamps_total",
        "The number of NTP responses which included a transmit timestamp captured by the NIC.",
        s.ntp_hardware_tx_timestamps,
    );
}
