//! Alerting rules over the metrics page (`stratum metrics`, chrony_exporter's
//! names plus Stratum's certificate, leap list and client gauges), for the
//! Prometheus (and Alertmanager) people already run: the clock far off,
//! unsynchronised, a high stratum, a source or reference clock lost, an
//! NTS certificate or leap second list near its end, a server silent.

use std::fmt::Write as _;

use crate::core::alarm::AlarmKind;

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

/// One alerting rule. Its summary is a translated text (the caller's
/// `alert-summary-<name>`), given [`AlertRule::summary_args`].
#[derive(Debug, Clone, PartialEq)]
pub struct AlertRule {
    pub name: &'static str,
    pub expr: String,
    /// Minutes the condition must hold.
    pub for_minutes: u32,
    pub severity: &'static str,
    /// The series labels the summary names.
    pub labels: &'static [&'static str],
}

impl AlertRule {
    /// Each label the summary names, as Prometheus's template of its value
    /// (`server` → `{{ $labels.server }}`): Alertmanager fills them in, and
    /// a translation places them without writing template syntax itself.
    pub fn summary_args(&self) -> Vec<(&'static str, String)> {
        self.labels
            .iter()
            .map(|l| (*l, format!("{{{{ $labels.{l} }}}}")))
            .collect()
    }
}

/// The rules: one per kind of alarm the helper raises
/// ([`crate::core::alarm::AlarmKind`], with its severity), over the same
/// thresholds, so that Prometheus and the window say the same thing.
pub fn rules(t: &Thresholds) -> Vec<AlertRule> {
    let mut all: Vec<AlertRule> = AlarmKind::ALL.iter().map(|k| rule(*k, t)).collect();
    all.push(never_polled());
    all
}

/// The roster's other case of [`AlarmKind::RosterNotPolling`]: a device
/// never seen polling, after the 20 minutes the helper also waits (a
/// device just added, or one switched on later, is given that long).
fn never_polled() -> AlertRule {
    AlertRule {
        name: "StratumRosterDeviceNeverPolled",
        expr: "stratum_roster_device_polling == 0 unless on(server, device) stratum_roster_device_last_poll_seconds".into(),
        for_minutes: 20,
        severity: "warning",
        labels: &["device", "server"],
    }
}

/// The rule that raises `kind`'s alarm from the metrics page.
pub fn rule(kind: AlarmKind, t: &Thresholds) -> AlertRule {
    let refclock = r#"chrony_sources_state_info{source_mode="reference clock"}"#;
    let (name, expr, for_minutes, labels): (&'static str, String, u32, &'static [&'static str]) =
        match kind {
        AlarmKind::ChronydSilent => (
            "ChronyServerSilent",
            "chrony_up == 0".into(),
            t.silent_minutes,
            &["server"],
        ),
        AlarmKind::Unsynchronised => (
            "ChronyUnsynchronised",
            "chrony_tracking_stratum == 0 or chrony_tracking_stratum >= 16".into(),
            10,
            &["server"],
        ),
        // chronyd's reference while it serves its own clock (`local`):
        // 127.127.1.1.
        AlarmKind::OwnClock => (
            "ChronyServingOwnClock",
            format!(
                r#"chrony_tracking_info{{tracking_refid="{:08X}"}} == 1"#,
                crate::core::cmdmon::LOCAL_REFID
            ),
            5,
            &["server"],
        ),
        AlarmKind::StratumHigh => (
            "ChronyStratumHigh",
            format!(
                "chrony_tracking_stratum > {} and chrony_tracking_stratum < 16",
                t.max_stratum
            ),
            15,
            &["server"],
        ),
        AlarmKind::OffsetLarge => (
            "ChronyOffsetLarge",
            format!(
                "abs(chrony_tracking_system_time_seconds) > {}",
                t.offset_warn
            ),
            5,
            &["server"],
        ),
        AlarmKind::OffsetCritical => (
            "ChronyOffsetCritical",
            format!(
                "abs(chrony_tracking_system_time_seconds) > {}",
                t.offset_crit
            ),
            2,
            &["server"],
        ),
        // chronyc -n names a source whose name has no address yet `ID#…`.
        AlarmKind::SourceUnresolved => (
            "ChronySourceUnresolved",
            r#"chrony_sources_state_info{source_address=~"ID#.*"} == 1"#.into(),
            5,
            &["server", "source_name"],
        ),
        AlarmKind::SourceUnreachable => (
            "ChronySourceUnreachable",
            format!(
                r#"chrony_sources_reachability_ratio{{source_address!~"ID#.*"}} == 0 unless on(server, source_address) {refclock}"#
            ),
            15,
            &["server", "source_name"],
        ),
        // No sample for two polls (chrony's refclock loss, as explain
        // reports it).
        AlarmKind::RefclockLost => (
            "ChronyReferenceClockLost",
            format!(
                "(chrony_sources_last_sample_age_seconds > 2 * chrony_sources_polling_interval_seconds) and on(server, source_address) {refclock}"
            ),
            1,
            &["server", "source_name"],
        ),
        // More than one NTS-KE attempt since the last success "indicates a
        // problem with the network or server" (chronyc(1), authdata).
        AlarmKind::NtsFailing => (
            "ChronyNtsKeyEstablishmentFailing",
            "chrony_authdata_nts_ke_attempts > 1".into(),
            5,
            &["server", "source_address"],
        ),
        AlarmKind::CertificateExpiring => (
            "ChronyNtsCertificateExpiring",
            format!(
                "chrony_nts_certificate_expiry_seconds < {}",
                u64::from(t.cert_days) * 86400
            ),
            0,
            &["certificate", "server"],
        ),
        AlarmKind::CertificateExpired => (
            "ChronyNtsCertificateExpired",
            "chrony_nts_certificate_expiry_seconds <= 0".into(),
            0,
            &["certificate", "server"],
        ),
        AlarmKind::LeapListExpiring => (
            "ChronyLeapSecondListExpiring",
            format!(
                "chrony_leap_seconds_list_expiry_seconds < {}",
                u64::from(t.leap_days) * 86400
            ),
            0,
            &["list", "server"],
        ),
        AlarmKind::LeapListUnusable => (
            "ChronyLeapSecondListUnusable",
            "chrony_leap_seconds_list_usable == 0".into(),
            0,
            &["server", "list"],
        ),
        // The roster (stratum roster): silent for 3 times its poll interval.
        AlarmKind::RosterNotPolling => (
            "StratumRosterDeviceStoppedPolling",
            "stratum_roster_device_last_poll_seconds > stratum_roster_device_silent_after_seconds"
                .into(),
            0,
            &["device", "server"],
        ),
        AlarmKind::RosterFollowsOther => (
            "StratumRosterDeviceFollowsOther",
            "stratum_roster_device_follows_other == 1".into(),
            5,
            &["device", "server"],
        ),
        AlarmKind::RosterOffset => (
            "StratumRosterDeviceOffset",
            format!(
                "abs(stratum_roster_device_offset_seconds) > {}",
                t.offset_warn
            ),
            5,
            &["device", "server"],
        ),
    };
    AlertRule {
        name,
        expr,
        for_minutes,
        severity: if kind.critical() {
            "critical"
        } else {
            "warning"
        },
        labels,
    }
}

/// A YAML double-quoted scalar: any UTF-8 text (a Chinese summary too),
/// with backslash, quote and control characters escaped.
fn quoted(s: &str) -> String {
    let mut o = String::from("\"");
    for c in s.chars() {
        match c {
            '\\' => o.push_str("\\\\"),
            '"' => o.push_str("\\\""),
            c if c.is_control() => {
                let _ = write!(o, "\\u{:04X}", c as u32);
            }
            c => o.push(c),
        }
    }
    o.push('"');
    o
}

/// The rule file (`promtool check rules` accepts it): `header`'s lines as
/// comments, and each rule's summary as `summary` words it (the texts are
/// the caller's, in the user's language).
pub fn prometheus_rules(
    t: &Thresholds,
    header: &str,
    summary: impl Fn(&AlertRule) -> String,
) -> String {
    let mut o = String::new();
    for line in header.lines() {
        let _ = writeln!(o, "# {line}");
    }
    o.push_str("groups:\n  - name: stratum-chrony\n    rules:\n");
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
            quoted(&summary(&r))
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
        let text = prometheus_rules(&t, "a\nb", |r| r.name.to_string());
        assert!(text.starts_with("# a\n# b\ngroups:"));
        assert!(text.contains("abs(chrony_tracking_system_time_seconds) > 0.02"));
        assert!(text.contains("chrony_tracking_stratum > 4 and"));
        assert!(text.contains("chrony_nts_certificate_expiry_seconds < 604800"));
        assert_eq!(text.matches("- alert: ").count(), rules(&t).len());
    }

    #[test]
    fn every_alarm_of_the_helper_has_one_rule_of_its_severity() {
        let t = Thresholds::default();
        let all = rules(&t);
        // One rule per kind, and the roster's never-polled case.
        assert_eq!(all.len(), AlarmKind::ALL.len() + 1);
        let mut names: Vec<_> = all.iter().map(|r| r.name).collect();
        names.sort_unstable();
        names.dedup();
        assert_eq!(names.len(), all.len(), "two alarms share a rule");
        for k in AlarmKind::ALL {
            let r = rule(*k, &t);
            assert_eq!(r.severity == "critical", k.critical(), "{k}");
        }
    }
}
