//! Prometheus text format for the managed chronyd and every watched one,
//! with chrony_exporter's metric names and labels plus a `server` label
//! (`local` for the chronyd the helper manages, `HOST:PORT` for the
//! others), so existing dashboards work for the whole lab. Pure: the page
//! is built from what the caller may see, once per poll, and capped in size.

mod chrony;
mod extra;
pub mod page;
mod target;

pub use extra::MAX_CLIENT_SUBNETS;
pub use target::Target;

use page::{Page, server};

/// The largest page: beyond it, samples are left out and a comment says so.
/// Inputs are bounded already (a watched host keeps at most a few hundred
/// sources); this bounds what a scrape can cost whatever they hold.
pub const MAX_PAGE_BYTES: usize = 4 << 20;

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
            chrony::tracking(&mut p, t.server, tr);
        }
        chrony::sources(&mut p, t.server, t.sources);
        if let Some(st) = t.serverstats {
            chrony::serverstats(&mut p, t.server, st);
        }
        extra::nts(&mut p, t);
        extra::leap(&mut p, t);
        extra::clients(&mut p, t);
        if let Some(r) = t.roster {
            crate::core::roster::metrics::add(&mut p, t.server, r);
        }
        extra::health(&mut p, t);
    }
    p.render(cap)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::cmdmon::{AuthData, ServerStats, SourceData, SourceMode, Tracking};
    use crate::core::nts::CertSummary;
    use crate::core::snapshot::Snapshot;

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
