//! Prometheus text format for the managed chronyd and every watched one,
//! with chrony_exporter's metric names and labels plus a `server` label
//! (`local` for the chronyd the helper manages, `HOST:PORT` for the
//! others), so existing dashboards work for the whole lab. Pure: the page
//! is built from what the caller may see, once per poll, and capped in size.

pub mod page;

use std::collections::BTreeMap;

use crate::core::cmdmon::{
    AuthData, ServerStats, SourceData, SourceMode, SourceState, Tracking, refid_text,
};
use crate::core::nts::CertSummary;
use crate::core::snapshot::Snapshot;
use page::Page;

/// The largest page: beyond it, samples are left out and a comment says so.
/// Inputs are bounded already (a watched host keeps at most a few hundred
/// sources); this bounds what a scrape can cost whatever they hold.
pub const MAX_PAGE_BYTES: usize = 4 << 20;

/// One chronyd on the page.
#[derive(Debug, Clone, Copy)]
pub struct Target<'a> {
    /// The `server` label.
    pub server: &'a str,
    pub up: bool,
    pub tracking: Option<&'a Tracking>,
    pub sources: &'a [SourceData],
    /// Only for callers who may read server statistics.
    pub serverstats: Option<&'a ServerStats>,
    /// NTS authentication of the sources (root's view only).
    pub authdata: &'a [(String, AuthData)],
    /// The server's NTS certificates.
    pub nts_certs: &'a [CertSummary],
    /// The leap second list chronyd reads.
    pub leap_list: Option<&'a crate::core::leap::LeapListSummary>,
    /// The clients chronyd lists (root's view only, as server statistics).
    pub clients: &'a [crate::core::cmdmon::Client],
    /// Unix seconds, for how long the certificates have left.
    pub now: f64,
    /// The roster's verdicts (root's view only).
    pub roster: Option<&'a crate::core::roster::RosterReport>,
    /// The verdict on this chronyd (`health::verdict`), where one was made.
    pub health: Option<&'a crate::core::alarm::Health>,
}

impl<'a> Target<'a> {
    /// The managed chronyd from a snapshot (already cut to what the caller
    /// may see).
    pub fn local(snap: Option<&'a Snapshot>) -> Target<'a> {
        Target {
            server: "local",
            up: snap.is_some_and(|s| s.tracking.is_some()),
            tracking: snap.and_then(|s| s.tracking.as_ref()),
            sources: snap.map(|s| s.sources.as_slice()).unwrap_or(&[]),
            serverstats: snap.and_then(|s| s.serverstats.as_ref()),
            authdata: snap.map(|s| s.authdata.as_slice()).unwrap_or(&[]),
            nts_certs: snap.map(|s| s.nts_certs.as_slice()).unwrap_or(&[]),
            leap_list: snap.and_then(|s| s.leap_list.as_ref()),
            clients: snap.map(|s| s.clients.as_slice()).unwrap_or(&[]),
            now: snap.map_or(0.0, |s| s.time),
            roster: snap.and_then(|s| s.roster.as_ref()),
            health: snap.map(|s| &s.health),
        }
    }
}

fn server(s: &str) -> Vec<(&'static str, String)> {
    vec![("server", s.to_string())]
}

fn tracking(p: &mut Page, srv: &str, t: &Tracking) {
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

fn sources(p: &mut Page, srv: &str, list: &[SourceData]) {
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

fn serverstats(p: &mut Page, srv: &str, s: &ServerStats) {
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

/// The whole page, capped at `cap` bytes (samples beyond it are left out).
pub fn page(targets: &[Target], cap: usize) -> String {
    let mut p = Page::default();
    for t in targets {
        p.add(
            "chrony_up",
            "Whether the chrony server is up.",
            "gauge",
            server(t.server),
            if t.up { 1.0 } else { 0.0 },
        );
        if !t.up {
            continue;
        }
        if let Some(tr) = t.tracking {
            tracking(&mut p, t.server, tr);
        }
        sources(&mut p, t.server, t.sources);
        if let Some(st) = t.serverstats {
            serverstats(&mut p, t.server, st);
        }
        nts(&mut p, t);
        leap(&mut p, t);
        clients(&mut p, t);
        if let Some(r) = t.roster {
            crate::core::roster::metrics::add(&mut p, t.server, r);
        }
        health(&mut p, t);
    }
    p.render(cap)
}

/// The verdict: one series per state (1 for the current one) and one per
/// alarm raised, as the window and `stratum status` say them.
fn health(p: &mut Page, t: &Target) {
    use crate::core::alarm::HealthState;
    let Some(h) = t.health else {
        return;
    };
    for state in HealthState::ALL {
        let mut l = server(t.server);
        l.push(("state", state.id().to_string()));
        p.add(
            "chrony_health_state",
            "The verdict on the time service (Stratum): 1 for the current state.",
            "gauge",
            l,
            if *state == h.state { 1.0 } else { 0.0 },
        );
    }
    for a in &h.alarms {
        let mut l = server(t.server);
        l.push(("alarm", a.kind.id().to_string()));
        l.push((
            "severity",
            if a.critical() { "critical" } else { "warning" }.to_string(),
        ));
        l.push(("subject", a.what.clone()));
        p.add(
            "chrony_health_alarm",
            "An alarm raised by the verdict on the time service (Stratum).",
            "gauge",
            l,
            1.0,
        );
    }
}

/// The most subnets the client counts are given for; the rest are summed
/// under subnet="other" (one label value per client would explode).
pub const MAX_CLIENT_SUBNETS: usize = 32;

/// The leap second list's time left.
fn leap(p: &mut Page, t: &Target) {
    if let Some(l) = t.leap_list {
        let mut labels = server(t.server);
        labels.push(("list", l.path.clone()));
        p.add(
            "chrony_leap_seconds_list_usable",
            "Whether chronyd can use the leap second list it reads (0: it cannot).",
            "gauge",
            labels,
            if l.problem.is_none() { 1.0 } else { 0.0 },
        );
    }
    if let Some(l) = t.leap_list.filter(|l| l.problem.is_none()) {
        let mut labels = server(t.server);
        labels.push(("list", l.path.clone()));
        p.add(
            "chrony_leap_seconds_list_expiry_seconds",
            "Seconds until the leap second list chronyd reads expires (negative: expired).",
            "gauge",
            labels,
            l.expires as f64 - t.now,
        );
    }
}

/// Client statistics (chrony_exporter lacks them): how many clients, their
/// NTP packets and drops, and clients per /24 (IPv4) or /64 (IPv6).
fn clients(p: &mut Page, t: &Target) {
    if t.serverstats.is_none() {
        return;
    }
    let (hits, drops) = t.clients.iter().fold((0u64, 0u64), |a, c| {
        (a.0 + u64::from(c.ntp_hits), a.1 + u64::from(c.ntp_drops))
    });
    p.add(
        "chrony_clients",
        "The number of clients chronyd's client log holds.",
        "gauge",
        server(t.server),
        t.clients.len() as f64,
    );
    p.add(
        "chrony_clients_ntp_packets",
        "NTP requests from the clients in chronyd's client log.",
        "gauge",
        server(t.server),
        hits as f64,
    );
    p.add(
        "chrony_clients_ntp_packets_dropped",
        "NTP requests from those clients that chronyd dropped (rate limiting).",
        "gauge",
        server(t.server),
        drops as f64,
    );
    let mut nets: BTreeMap<String, u64> = BTreeMap::new();
    let mut other = 0u64;
    for c in t.clients {
        let net = match c.address {
            std::net::IpAddr::V4(a) => {
                let o = a.octets();
                format!("{}.{}.{}.0/24", o[0], o[1], o[2])
            }
            std::net::IpAddr::V6(a) => {
                let s = a.segments();
                format!("{:x}:{:x}:{:x}:{:x}::/64", s[0], s[1], s[2], s[3])
            }
        };
        if nets.contains_key(&net) || nets.len() < MAX_CLIENT_SUBNETS {
            *nets.entry(net).or_default() += 1;
        } else {
            other += 1;
        }
    }
    if other > 0 {
        nets.insert("other".into(), other);
    }
    for (net, n) in nets {
        let mut l = server(t.server);
        l.push(("subnet", net));
        p.add(
            "chrony_clients_subnet",
            "Clients per subnet (/24 or /64; subnets beyond the first 32 as other).",
            "gauge",
            l,
            n as f64,
        );
    }
}

/// NTS: each certificate's time left, each source's cookies, key
/// exchanges and NAKs (what tells an NTS client from a failing one).
fn nts(p: &mut Page, t: &Target) {
    for c in t.nts_certs.iter().filter(|c| !c.unreadable) {
        let mut l = server(t.server);
        l.push(("certificate", c.path.clone()));
        p.add(
            "chrony_nts_certificate_expiry_seconds",
            "Seconds until the NTS server certificate expires (negative: expired).",
            "gauge",
            l,
            c.not_after as f64 - t.now,
        );
    }
    for (addr, a) in t.authdata.iter().filter(|(_, a)| a.mode == 2) {
        let l = || {
            let mut l = server(t.server);
            l.push(("source_address", addr.clone()));
            l
        };
        p.add(
            "chrony_authdata_nts_cookies",
            "The number of NTS cookies the source has left.",
            "gauge",
            l(),
            f64::from(a.cookies),
        );
        p.add(
            "chrony_authdata_nts_ke_attempts",
            "NTS-KE attempts since the last successful key exchange with the source.",
            "gauge",
            l(),
            f64::from(a.ke_attempts),
        );
        p.add(
            "chrony_authdata_nts_naks",
            "NTS NAK responses received from the source.",
            "gauge",
            l(),
            f64::from(a.nak),
        );
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn one_help_and_type_per_family_labels_escaped_counters_total() {
        let t = Tracking {
            ref_id: 0x4750_5300,
            address: None,
            stratum: 1,
            leap_status: 0,
            ref_time: 1.0,
            system_time: 0.0,
            last_offset: 0.0,
            rms_offset: 0.0,
            frequency_ppm: 0.0,
            residual_freq_ppm: 0.0,
            skew_ppm: 0.0,
            root_delay: 0.0,
            root_dispersion: 0.0,
            update_interval: 16.0,
        };
        let snap = Snapshot {
            tracking: Some(t.clone()),
            serverstats: Some(ServerStats::default()),
            ..Default::default()
        };
        let targets = [
            Target::local(Some(&snap)),
            Target {
                server: "a\"b:323",
                up: true,
                tracking: Some(&t),
                sources: &[],
                authdata: &[],
                nts_certs: &[],
                leap_list: None,
                clients: &[],
                now: 0.0,
                roster: None,
                serverstats: None,
                health: None,
            },
            Target {
                server: "dead:323",
                up: false,
                tracking: None,
                sources: &[],
                authdata: &[],
                nts_certs: &[],
                leap_list: None,
                clients: &[],
                now: 0.0,
                roster: None,
                serverstats: None,
                health: None,
            },
        ];
        let page = page(&targets, MAX_PAGE_BYTES);
        let mut seen = std::collections::HashSet::new();
        for l in page.lines().filter(|l| l.starts_with("# TYPE ")) {
            let w: Vec<&str> = l.split_whitespace().collect();
            assert!(seen.insert(w[2].to_string()), "TYPE twice: {l}");
            if w[3] == "counter" {
                assert!(w[2].ends_with("_total"), "{l}");
            }
        }
        assert!(page.contains("chrony_tracking_info{server=\"local\",tracking_address=\"\",tracking_name=\"GPS\",tracking_refid=\"47505300\"} 1\n"), "{page}");
        assert!(page.contains("server=\"a\\\"b:323\""), "label escaped");
        assert!(page.contains("chrony_up{server=\"dead:323\"} 0\n"));
    }

    #[test]
    fn clients_are_counted_per_subnet_and_the_leap_list_has_its_time_left() {
        let client = |a: [u8; 4]| crate::core::cmdmon::Client {
            address: std::net::IpAddr::from(a),
            ntp_hits: 10,
            ntp_drops: 1,
            ntp_interval: None,
            ntp_interval_limit: None,
            ntp_last: None,
            cmd_hits: 0,
            cmd_drops: 0,
            cmd_interval: None,
            cmd_last: None,
            nts_ke_hits: 0,
            nts_ke_drops: 0,
            nts_ke_interval: None,
            nts_ke_last: None,
        };
        let mut clients: Vec<_> = (0..40u8).map(|i| client([10, 0, i, 1])).collect();
        clients.push(client([10, 0, 0, 2]));
        let snap = Snapshot {
            time: 1000.0,
            serverstats: Some(ServerStats::default()),
            clients,
            leap_list: Some(crate::core::leap::LeapListSummary {
                path: "/usr/share/zoneinfo/leap-seconds.list".into(),
                expires: 1000 + 86400,
                next_leap: None,
                problem: None,
            }),
            ..Default::default()
        };
        let mut t = Target::local(Some(&snap));
        t.up = true;
        let text = page(&[t], MAX_PAGE_BYTES);
        assert!(
            text.contains("chrony_clients{server=\"local\"} 41\n"),
            "{text}"
        );
        assert!(text.contains("chrony_clients_ntp_packets{server=\"local\"} 410\n"));
        assert!(
            text.contains("chrony_clients_subnet{server=\"local\",subnet=\"10.0.0.0/24\"} 2\n")
        );
        assert!(text.contains("chrony_clients_subnet{server=\"local\",subnet=\"other\"} 8\n"));
        assert_eq!(
            text.matches("chrony_clients_subnet{").count(),
            MAX_CLIENT_SUBNETS + 1
        );
        assert!(text.contains("chrony_leap_seconds_list_expiry_seconds{server=\"local\",list=\"/usr/share/zoneinfo/leap-seconds.list\"} 86400\n"), "{text}");
        // Without server statistics (an ordinary user's view): no clients.
        let mut t = Target::local(Some(&snap));
        t.serverstats = None;
        assert!(!page(&[t], MAX_PAGE_BYTES).contains("chrony_clients"));
    }

    #[test]
    fn nts_certificates_and_cookies_are_gauges() {
        let snap = Snapshot {
            time: 1000.0,
            tracking: None,
            authdata: vec![(
                "127.0.0.1".into(),
                AuthData {
                    mode: 2,
                    key_type: 15,
                    key_id: 0,
                    key_length: 256,
                    ke_attempts: 0,
                    last_ke_ago: 5,
                    cookies: 8,
                    cookie_length: 64,
                    nak: 0,
                },
            )],
            nts_certs: vec![CertSummary {
                path: "/etc/chrony/nts/server.crt".into(),
                names: vec!["ntp1.lab".into()],
                not_before: 0,
                not_after: 400,
                unreadable: false,
            }],
            ..Default::default()
        };
        let mut t = Target::local(Some(&snap));
        t.up = true;
        let text = page(&[t], MAX_PAGE_BYTES);
        assert!(text.contains(
            "chrony_nts_certificate_expiry_seconds{server=\"local\",certificate=\"/etc/chrony/nts/server.crt\"} -600"
        ), "{text}");
        assert!(
            text.contains(
                "chrony_authdata_nts_cookies{server=\"local\",source_address=\"127.0.0.1\"} 8"
            ),
            "{text}"
        );
    }

    #[test]
    fn sources_are_labelled_by_their_configured_names_and_the_verdict_is_a_series() {
        use crate::core::cmdmon::{SourceState, WireAddr, WireAddrSer};
        let src = SourceData {
            address: WireAddrSer(WireAddr::Id(1)),
            poll: 6,
            stratum: 0,
            state: SourceState::Unusable,
            mode: SourceMode::Server,
            flags: 0,
            reach: 0,
            last_rx: u32::MAX,
            offset: 0.0,
            measured_offset: 0.0,
            error: 0.0,
            name: Some("ntp.aliyun.com".into()),
        };
        let mut snap = Snapshot {
            tracking: Some(Tracking {
                ref_id: crate::core::cmdmon::LOCAL_REFID,
                stratum: 10,
                ..Tracking::default()
            }),
            sources: vec![src],
            ..Snapshot::default()
        };
        snap.health = crate::core::health::verdict(
            &snap,
            &crate::core::export::alerts::Thresholds::default(),
        );
        let page = page(&[Target::local(Some(&snap))], MAX_PAGE_BYTES);
        assert!(
            page.contains(r#"source_address="ID#0000000001",source_name="ntp.aliyun.com""#),
            "{page}"
        );
        assert!(
            page.contains(r#"chrony_health_state{server="local",state="warning"} 1"#),
            "{page}"
        );
        assert!(
            page.contains(r#"chrony_health_state{server="local",state="healthy"} 0"#),
            "{page}"
        );
        assert!(
            page.contains(
                r#"chrony_health_alarm{server="local",alarm="source-unresolved",severity="warning",subject="ntp.aliyun.com"} 1"#
            ),
            "{page}"
        );
    }
}
