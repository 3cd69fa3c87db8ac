//! One poll of chronyd, as the live panels, the history and
//! `stratum status` see it.

use serde::{Deserialize, Serialize};

use super::cmdmon::{
    Activity, AuthData, Client, SelectData, ServerStats, SourceData, SourceStats, Tracking,
};

/// One poll of chronyd: what the live panels and `stratum status` show.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, Default)]
pub struct Snapshot {
    /// Unix seconds when the poll finished.
    pub time: f64,
    pub tracking: Option<Tracking>,
    pub sources: Vec<SourceData>,
    pub sourcestats: Vec<SourceStats>,
    pub activity: Option<Activity>,
    pub serverstats: Option<ServerStats>,
    pub clients: Vec<Client>,
    /// chronyd has more clients than a snapshot lists (the first ones are).
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub clients_truncated: bool,
    /// Why a part is missing, if one is.
    #[serde(default)]
    pub error: Option<crate::core::codes::ErrorCode>,
    /// What `error` is about: chronyd's own last words when it stopped,
    /// the socket and the system's reason when it does not answer.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub error_detail: Option<String>,
    /// chronyd was started moments ago and has not answered yet: `error`
    /// is a step of its start, not a fault.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub starting: bool,
    /// How each NTP source is authenticated (chronyc authdata), by address.
    /// chronyd gives it only on its root socket, as server statistics.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub authdata: Vec<(String, AuthData)>,
    /// How long the chronyd this helper runs has been running (seconds),
    /// when the helper started it: "just started" is said only then.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub chronyd_up: Option<f64>,
    /// Requests sent to each NTP source that has not answered in its
    /// reach register (chronyc ntpdata's Total TX), by address: a reach of
    /// 0 after two polls is "no answer yet", not eight polls missed.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub sent: Vec<(String, u32)>,
    /// Why each source is (not) selected (chronyc selectdata, chrony 4.2
    /// and later); root's view only, as authdata.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub selectdata: Vec<SelectData>,
    /// The server's NTS certificates (its ntsservercert files).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub nts_certs: Vec<crate::core::nts::CertSummary>,
    /// The leap second list chronyd reads (`leapseclist`), if any.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub leap_list: Option<crate::core::leap::LeapListSummary>,
    /// The verdict on this poll and the alarms it raises
    /// (`health::verdict`, with the exported alert thresholds).
    #[serde(default)]
    pub health: crate::core::alarm::Health,
    /// The roster's verdicts (root's view only: they come from the client
    /// log).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub roster: Option<crate::core::roster::RosterReport>,
}

/// The first minutes after chronyd starts, while "just started" explains
/// what it does not know yet (its first polls are at most 64 s apart).
pub const JUST_STARTED: f64 = 180.0;

impl Snapshot {
    /// chronyd started less than [`JUST_STARTED`] ago (known only for a
    /// chronyd the helper runs).
    pub fn just_started(&self) -> bool {
        self.chronyd_up.is_some_and(|up| up < JUST_STARTED)
    }

    /// The requests chronyd has sent `src` (ntpdata's Total TX), when the
    /// helper asked (a source whose reach register is empty).
    pub fn sent_to(&self, src: &crate::core::cmdmon::SourceData) -> Option<u32> {
        let ip = src.address.0.ip()?.to_string();
        self.sent.iter().find(|(a, _)| *a == ip).map(|(_, n)| *n)
    }

    /// The configured name of the source chronyd knows by `addr` (as
    /// `chronyc -n` prints it), else `addr` itself.
    pub fn source_name(&self, addr: &str) -> String {
        self.sources
            .iter()
            .find(|s| s.label() == addr)
            .map_or_else(|| addr.to_string(), SourceData::display_name)
    }

    /// Escapes the control characters of every text in the snapshot that
    /// came from outside (source names, certificate names and paths, the
    /// leap list's problem, alarm subjects, roster names): a remote helper
    /// (over `--connect ssh://`) or a chronyd's configuration may hold
    /// terminal sequences. Clients call it on every snapshot they receive.
    pub fn make_printable(&mut self) {
        fn esc(s: &mut String) {
            if let std::borrow::Cow::Owned(e) = super::text::escape_controls(s) {
                *s = e;
            }
        }
        self.sources
            .iter_mut()
            .filter_map(|s| s.name.as_mut())
            .for_each(esc);
        self.authdata.iter_mut().for_each(|(a, _)| esc(a));
        for c in &mut self.nts_certs {
            esc(&mut c.path);
            c.names.iter_mut().for_each(esc);
        }
        if let Some(l) = &mut self.leap_list {
            esc(&mut l.path);
            if let Some(p) = &mut l.problem {
                esc(p);
            }
        }
        self.health.alarms.iter_mut().for_each(|a| esc(&mut a.what));
        if let Some(r) = &mut self.roster {
            esc(&mut r.file);
            for d in &mut r.devices {
                esc(&mut d.name);
                esc(&mut d.address);
            }
            r.alarms.iter_mut().for_each(|a| esc(&mut a.what));
        }
    }
}
