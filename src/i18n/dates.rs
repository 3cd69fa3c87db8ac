//! Dates in words: an NTS certificate's validity, the leap second list's,
//! and a leap second chronyd announces.

use super::Localizer;

impl Localizer {
    /// An NTS certificate's names and validity at `now`, in one line.
    pub fn cert_text(&self, c: &crate::core::nts::CertSummary, now: i64) -> String {
        if c.unreadable {
            return self.tr_args("lint-nts-not-certificate", &[("path", c.path.as_str())]);
        }
        let minute = |t: i64| {
            let (y, mo, d, h, mi, _) = crate::core::civil_from_unix(t);
            format!("{y:04}-{mo:02}-{d:02} {h:02}:{mi:02} UTC")
        };
        // Before its "not before" a certificate is invalid (RFC 5280), as
        // after its end: clients refuse it until then.
        let (id, days) = if now >= c.not_after {
            ("nts-cert-expired-on", c.days_left(now).abs())
        } else if now < c.not_before {
            ("nts-cert-not-yet-valid", c.days_until_valid(now))
        } else {
            ("nts-cert-valid-until", c.days_left(now))
        };
        self.tr_args(
            id,
            &[
                ("path", c.path.clone()),
                ("names", self.list(&c.names)),
                ("from", minute(c.not_before)),
                ("date", minute(c.not_after)),
                ("days", days.to_string()),
            ],
        )
    }

    /// The leap second list: until when it is valid and the next leap it
    /// announces, or why chronyd cannot use it.
    pub fn leap_list_text(&self, l: &crate::core::leap::LeapListSummary, now: i64) -> String {
        if l.problem.is_some() {
            return self.tr_args("leap-list-unusable", &[("path", l.path.as_str())]);
        }
        let day = crate::core::time::utc_date;
        let id = if now >= l.expires {
            "leap-list-expired-on"
        } else {
            "leap-list-valid-until"
        };
        let mut text = self.tr_args(
            id,
            &[
                ("path", l.path.clone()),
                ("date", day(l.expires)),
                ("days", l.days_left(now).abs().to_string()),
            ],
        );
        if let Some((at, kind)) = l.next_leap {
            text.push(' ');
            text.push_str(&self.tr_args(
                "leap-list-next",
                &[("date", day(at - 1)), ("kind", leap_kind(kind).to_string())],
            ));
        }
        text
    }

    /// A leap second chronyd announces (tracking's leap status 1 or 2):
    /// when, and how long until then. `None` for no leap.
    pub fn pending_leap_text(&self, leap_status: u16, now: f64) -> Option<String> {
        let kind = match leap_status {
            1 => crate::core::leap::Leap::Insert,
            2 => crate::core::leap::Leap::Delete,
            _ => return None,
        };
        let at = crate::core::leap::pending_leap_at(now);
        let left = (at - now).max(0.0) as i64;
        Some(self.tr_args(
            "leap-pending",
            &[
                ("kind", leap_kind(kind).to_string()),
                ("date", crate::core::time::utc_date(at as i64 - 1)),
                ("hours", (left / 3600).to_string()),
                ("minutes", (left % 3600 / 60).to_string()),
            ],
        ))
    }
}

fn leap_kind(kind: crate::core::leap::Leap) -> &'static str {
    match kind {
        crate::core::leap::Leap::Insert => "insert",
        crate::core::leap::Leap::Delete => "delete",
        crate::core::leap::Leap::Normal => "none",
    }
}

#[cfg(test)]
mod tests {
    use crate::core::nts::CertSummary;
    use crate::i18n::{Lang, Localizer};

    /// A certificate before its start is said to be not valid yet, from
    /// when, in both languages (the Overview and NTS panels and
    /// `stratum status` show this line) - not "valid until … days left".
    #[test]
    fn a_certificate_before_its_start_is_not_valid_yet() {
        let day = 86_400;
        let now = 1_800_000_000;
        let c = CertSummary {
            path: "/etc/chrony/lab.crt".into(),
            names: vec!["ntp1.lab".into()],
            not_before: now + 10 * day,
            not_after: now + 400 * day,
            unreadable: false,
        };
        let en = Localizer::new(Lang::En).cert_text(&c, now);
        assert!(en.contains("NOT VALID YET"), "{en}");
        assert!(en.contains("in 10 days"), "{en}");
        assert!(!en.contains("days left"), "{en}");
        let zh = Localizer::new(Lang::ZhCn).cert_text(&c, now);
        assert!(zh.contains("尚未生效"), "{zh}");
        let valid = CertSummary {
            not_before: now - day,
            ..c
        };
        let en = Localizer::new(Lang::En).cert_text(&valid, now);
        assert!(en.contains("400 days left"), "{en}");
    }
}
