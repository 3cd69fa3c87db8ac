//! Alerting rules over the metrics page (`stratum metrics`, chrony_exporter's
//! names plus Stratum's certificate, leap list and client gauges), for the
//! Prometheus (and Alertmanager) people already run: the clock far off,
//! unsynchronised, a high stratum, a source or reference clock lost, an
//! NTS certificate or leap second list near its end, a server silent.

use std::fmt::Write as _;

/// The thresholds, with defaults a lab time server lives with.
#[derive(Debug, Clone, PartialEq)]
pub struct Thresholds {
    /// |system clock − NTP time| above this (seconds) for 5 minutes: warning.
    pub offset_warn: f64,
    /// … above this for 2 minutes: critical.
    pub offset_crit: f64,
    /// A stratum above this (and synchronised) for 15 minutes: warning.
    pub max_stratum: u8,
    /// Days before an NTS certificate's end to warn.
    pub cert_days: u32,
    /// Days before the leap second list's end to warn.
    pub leap_days: u32,
    /// Minutes a server may not answer before it is an alert.
    pub silent_minutes: u32,
}

impl Default for Thresholds {
    fn default() -> Thresholds {
        Thresholds {
            offset_warn: 0.1,
            offset_crit: 1.0,
            max_stratum: 10,
            cert_days: crate::core::nts::WARN_DAYS as u32,
            leap_days: crate::core::leap::WARN_DAYS as u32,
            silent_minutes: 5,
        }
    }
}

/// One alerting rule. `summary` may name labels as `{{ $labels.NAME }}`.
#[derive(Debug, Clone, PartialEq)]
pub struct AlertRule {
    pub name: &'static str,
    pub expr: String,
    /// Minutes the condition must hold.
    pub for_minutes: u32,
    pub severity: &'static str,
    pub summary: &'static str,
}

pub fn rules(t: &Thresholds) -> Vec<AlertRule> {
    let refclock = r#"chrony_sources_state_info{source_mode="reference clock"}"#;
    vec![
        AlertRule {
            name: "ChronyServerSilent",
            expr: "chrony_up == 0".into(),
            for_minutes: t.silent_minutes,
            severity: "critical",
            summary: "chronyd {{ $labels.server }} does not answer.",
        },
        AlertRule {
            name: "ChronyUnsynchronised",
            expr: "chrony_tracking_stratum == 0 or chrony_tracking_stratum >= 16".into(),
            for_minutes: 10,
            severity: "critical",
            summary: "chronyd {{ $labels.server }} is not synchronised to any source.",
        },
        AlertRule {
            name: "ChronyStratumHigh",
            expr: format!(
                "chrony_tracking_stratum > {} and chrony_tracking_stratum < 16",
                t.max_stratum
            ),
            for_minutes: 15,
            severity: "warning",
            summary: "chronyd {{ $labels.server }} is at a higher stratum than expected.",
        },
        AlertRule {
            name: "ChronyOffsetLarge",
            expr: format!(
                "abs(chrony_tracking_system_time_seconds) > {}",
                t.offset_warn
            ),
            for_minutes: 5,
            severity: "warning",
            summary: "The clock of {{ $labels.server }} is far from NTP time.",
        },
        AlertRule {
            name: "ChronyOffsetCritical",
            expr: format!(
                "abs(chrony_tracking_system_time_seconds) > {}",
                t.offset_crit
            ),
            for_minutes: 2,
            severity: "critical",
            summary: "The clock of {{ $labels.server }} is very far from NTP time.",
        },
        AlertRule {
            name: "ChronySourceUnreachable",
            expr: format!(
                "chrony_sources_reachability_ratio == 0 unless on(server, source_address) {refclock}"
            ),
            for_minutes: 15,
            severity: "warning",
            summary: "{{ $labels.server }} gets no answer from {{ $labels.source_name }}.",
        },
        AlertRule {
            name: "ChronyReferenceClockLost",
            // No sample for two polls (chrony's refclock loss, as explain
            // reports it).
            expr: format!(
                "(chrony_sources_last_sample_age_seconds > 2 * chrony_sources_polling_interval_seconds) and on(server, source_address) {refclock}"
            ),
            for_minutes: 1,
            severity: "critical",
            summary: "{{ $labels.server }} lost its reference clock {{ $labels.source_name }}.",
        },
        AlertRule {
            name: "ChronyNtsCertificateExpiring",
            expr: format!(
                "chrony_nts_certificate_expiry_seconds < {}",
                u64::from(t.cert_days) * 86400
            ),
            for_minutes: 0,
            severity: "warning",
            summary: "The NTS certificate {{ $labels.certificate }} of {{ $labels.server }} is near its end (stratum nts renew).",
        },
        AlertRule {
            name: "ChronyNtsCertificateExpired",
            expr: "chrony_nts_certificate_expiry_seconds <= 0".into(),
            for_minutes: 0,
            severity: "critical",
            summary: "The NTS certificate {{ $labels.certificate }} of {{ $labels.server }} has expired.",
        },
        AlertRule {
            name: "ChronyLeapSecondListExpiring",
            expr: format!(
                "chrony_leap_seconds_list_expiry_seconds < {}",
                u64::from(t.leap_days) * 86400
            ),
            for_minutes: 0,
            severity: "warning",
            summary: "The leap second list {{ $labels.list }} of {{ $labels.server }} is near or past its end (update tzdata).",
        },
        // The roster (stratum roster): what the helper's alarms say.
        AlertRule {
            name: "StratumRosterDeviceStoppedPolling",
            expr: "stratum_roster_device_last_poll_seconds > stratum_roster_device_silent_after_seconds"
                .into(),
            for_minutes: 0,
            severity: "warning",
            summary: "{{ $labels.device }} stopped polling {{ $labels.server }} (silent for 3 times its poll interval).",
        },
        AlertRule {
            name: "StratumRosterDeviceNeverPolled",
            expr: "stratum_roster_device_polling == 0 unless on(server, device) stratum_roster_device_last_poll_seconds".into(),
            for_minutes: 20,
            severity: "warning",
            summary: "{{ $labels.device }} is on the roster of {{ $labels.server }} but never polls it.",
        },
        AlertRule {
            name: "StratumRosterDeviceFollowsOther",
            expr: "stratum_roster_device_follows_other == 1".into(),
            for_minutes: 5,
            severity: "warning",
            summary: "{{ $labels.device }} follows a server other than {{ $labels.server }}.",
        },
        AlertRule {
            name: "StratumRosterDeviceOffset",
            expr: format!(
                "abs(stratum_roster_device_offset_seconds) > {}",
                t.offset_warn
            ),
            for_minutes: 5,
            severity: "warning",
            summary: "{{ $labels.device }} is far from the time of {{ $labels.server }}.",
        },
    ]
}

/// YAML text needs no quoting of these; a double-quoted scalar is safe.
fn quoted(s: &str) -> String {
    format!("\"{}\"", s.replace('\\', "\\\\").replace('"', "\\\""))
}

/// The rule file (`promtool check rules` accepts it).
pub fn prometheus_rules(t: &Thresholds) -> String {
    let mut o = String::from(
        "# Alerting rules for chrony time servers, over the metrics of `stratum metrics`\n\
         # (chrony_exporter's names). Written by `stratum export alerts --to prometheus`.\n\
         groups:\n  - name: stratum-chrony\n    rules:\n",
    );
    for r in rules(t) {
        let _ = writeln!(o, "      - alert: {}", r.name);
        let _ = writeln!(o, "        expr: {}", quoted(&r.expr));
        if r.for_minutes > 0 {
            let _ = writeln!(o, "        for: {}m", r.for_minutes);
        }
        let _ = writeln!(o, "        labels:\n          severity: {}", r.severity);
        let _ = writeln!(
            o,
            "        annotations:\n          summary: {}",
            quoted(r.summary)
        );
    }
    o
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn thresholds_reach_the_expressions() {
        let t = Thresholds {
            offset_warn: 0.02,
            max_stratum: 4,
            cert_days: 7,
            ..Default::default()
        };
        let text = prometheus_rules(&t);
        assert!(text.contains("abs(chrony_tracking_system_time_seconds) > 0.02"));
        assert!(text.contains("chrony_tracking_stratum > 4 and"));
        assert!(text.contains("chrony_nts_certificate_expiry_seconds < 604800"));
        assert_eq!(text.matches("- alert: ").count(), rules(&t).len());
    }
}
