//! The verdict in words: one place for the sentences the Overview, the
//! status bar and `stratum status` share.

use super::Localizer;

// The texts are in i18n/*/health.ftl.
impl Localizer {
    /// The verdict's first sentence: healthy and whom it follows, or the
    /// worst alarm, with why no upstream is used when that is the cause.
    pub fn health_headline(
        &self,
        s: &crate::core::snapshot::Snapshot,
        h: &crate::core::alarm::Health,
    ) -> String {
        use crate::core::health::{Headline, Upstreams, headline};
        let upstreams = |prefix: &str, stratum: u16, u: &Upstreams| {
            let (which, named) = match u {
                Upstreams::None => ("none", &[][..]),
                Upstreams::Silent(n) => ("silent", n.as_slice()),
                Upstreams::Unusable(n) => ("unusable", n.as_slice()),
            };
            let causes: Vec<String> = named.iter().map(|n| self.cause_text(n)).collect();
            self.tr_args(
                &format!("{prefix}-{which}"),
                &[
                    ("stratum", stratum.to_string()),
                    ("causes", causes.join(&self.tr("health-cause-separator"))),
                ],
            )
        };
        match headline(s, h) {
            Headline::Healthy { reference, stratum } if reference.is_empty() => self.tr_args(
                "health-healthy-unnamed",
                &[("stratum", stratum.to_string())],
            ),
            Headline::Healthy { reference, stratum } => self.tr_args(
                "health-healthy",
                &[("reference", reference), ("stratum", stratum.to_string())],
            ),
            Headline::Starting => self.tr("health-starting"),
            Headline::Silent => self.tr("health-silent"),
            Headline::OwnClock {
                stratum,
                upstreams: u,
            } => upstreams("health-own-clock", stratum, &u),
            Headline::Unsynchronised { upstreams: u } => upstreams("health-unsynchronised", 0, &u),
            Headline::Alarm(a) => self.alarm_text(&a),
        }
    }

    /// One configured name and why it is not used ("ntp.aliyun.com does
    /// not resolve", "cn.pool.ntp.org does not resolve (all 4 sources
    /// chronyd keeps for that name)").
    pub fn cause_text(&self, n: &crate::core::health::NamedSource) -> String {
        let cause = self.tr_args(
            &format!("health-cause-{}", n.health),
            &[("name", n.name.as_str())],
        );
        if n.count > 1 {
            self.tr_args(
                "health-cause-count",
                &[("cause", cause), ("count", n.count.to_string())],
            )
        } else {
            cause
        }
    }

    /// How one configured server fares, in a few words (with how many
    /// sources a pool gave).
    pub fn source_health_text(&self, n: &crate::core::health::NamedSource) -> String {
        let polls = n.sent.unwrap_or(0).to_string();
        let state = self.tr_args(
            &format!("source-health-{}", n.health),
            &[("polls", polls.as_str())],
        );
        if n.count > 1 {
            self.tr_args(
                "source-health-count",
                &[("state", state), ("count", n.count.to_string())],
            )
        } else {
            state
        }
    }
}
