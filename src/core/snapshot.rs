//! One poll of chronyd, as the live panels, the history and
//! `stratum status` see it.

use serde::{Deserialize, Serialize};

use std::collections::HashMap;

use super::cmdmon::{
    Activity, AuthData, Client, SelectData, ServerStats, SourceData, SourceStats, Tracking,
    leap_name, refid_text,
};
use super::explain::{Explained, Kind, explain};

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
    /// Names of sources by address, where chronyd knows one.
    #[serde(default)]
    pub names: Vec<(String, String)>,
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
    /// What the helper finds wrong now (the exported alert thresholds).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub alarms: Vec<crate::core::alarm::Alarm>,
}

fn name(s: &Snapshot, addr: &str) -> String {
    s.names
        .iter()
        .find(|(a, _)| a == addr)
        .map(|(_, n)| n.clone())
        .unwrap_or_else(|| addr.to_string())
}

impl Snapshot {
    /// Escapes the control characters of every text in the snapshot that
    /// came from outside (source names, certificate names and paths, the
    /// leap list's problem, alarm subjects): a remote helper (over
    /// `--connect ssh://`) or a chronyd's configuration may hold terminal
    /// sequences. Clients call it on every snapshot they receive.
    pub fn make_printable(&mut self) {
        fn esc(s: &mut String) {
            if let std::borrow::Cow::Owned(e) = super::text::escape_controls(s) {
                *s = e;
            }
        }
        for (a, n) in &mut self.names {
            esc(a);
            esc(n);
        }
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
        self.alarms.iter_mut().for_each(|a| esc(&mut a.what));
    }
}

/// The snapshot's reports in chronyc's CSV form.
pub fn snapshot_csv(s: &Snapshot) -> Vec<(Kind, String)> {
    let mut out = Vec::new();
    if let Some(t) = &s.tracking {
        // A reference clock is named by its refid, as chronyc does; the
        // local clock's refid is no name.
        let addr = match t.address {
            Some(a) => a.to_string(),
            None if t.ref_id == crate::core::cmdmon::LOCAL_REFID => String::new(),
            None => refid_text(t.ref_id),
        };
        out.push((
            Kind::ChronycTracking,
            format!(
                "{:08X},{},{},{:.9},{:.9},{:.9},{:.9},{:.3},{:.3},{:.3},{:.9},{:.9},{:.1},{}\n",
                t.ref_id,
                addr,
                t.stratum,
                t.ref_time,
                t.system_time,
                t.last_offset,
                t.rms_offset,
                t.frequency_ppm,
                t.residual_freq_ppm,
                t.skew_ppm,
                t.root_delay,
                t.root_dispersion,
                t.update_interval,
                t.leap_text()
            ),
        ));
    }
    if !s.sources.is_empty() {
        let text: String = s
            .sources
            .iter()
            .map(|x| {
                format!(
                    "{},{},{},{},{},{:o},{},{:.9},{:.9},{:.9}\n",
                    x.mode.symbol(),
                    x.state.symbol(),
                    name(s, &x.name()),
                    x.stratum,
                    x.poll,
                    x.reach,
                    x.last_rx,
                    x.offset,
                    x.measured_offset,
                    x.error
                )
            })
            .collect();
        out.push((Kind::ChronycSources, text));
    }
    if !s.sourcestats.is_empty() {
        let text: String = s
            .sourcestats
            .iter()
            .map(|x| {
                format!(
                    "{},{},{},{},{:.3},{:.3},{:.9},{:.9}\n",
                    // A reference clock has no address: its refid names it.
                    match x.address.0 {
                        crate::core::cmdmon::WireAddr::Unspec => refid_text(x.ref_id),
                        _ => name(s, &x.address.to_string()),
                    },
                    x.samples,
                    x.runs,
                    x.span,
                    x.frequency_ppm,
                    x.freq_skew_ppm,
                    x.offset,
                    x.std_dev
                )
            })
            .collect();
        out.push((Kind::ChronycSourcestats, text));
    }
    if let Some(a) = &s.activity {
        out.push((
            Kind::ChronycActivity,
            format!(
                "{},{},{},{},{}\n",
                a.online, a.offline, a.burst_online, a.burst_offline, a.unresolved
            ),
        ));
    }
    if !s.selectdata.is_empty() {
        let opts = |o: u16| {
            [(1, 'N'), (2, 'P'), (4, 'T'), (8, 'R')]
                .iter()
                .map(|(bit, c)| if o & bit != 0 { *c } else { '-' })
                .chain(['-'])
                .map(String::from)
                .collect::<Vec<_>>()
                .join(",")
        };
        let text: String = s
            .selectdata
            .iter()
            .map(|d| {
                let who = match d.address.0.ip() {
                    Some(ip) => name(s, &ip.to_string()),
                    None => refid_text(d.ref_id),
                };
                format!(
                    "{},{who},{},{},{},{},{:.1},{:.9},{:.9},{}\n",
                    d.state,
                    if d.authenticated { 'Y' } else { 'N' },
                    opts(d.configured_options),
                    opts(d.effective_options),
                    d.last_sample_ago,
                    d.score,
                    d.lo_limit,
                    d.hi_limit,
                    leap_name(u16::from(d.leap))
                )
            })
            .collect();
        out.push((Kind::ChronycSelectdata, text));
    }
    if !s.authdata.is_empty() {
        let text: String = s
            .authdata
            .iter()
            .map(|(addr, a)| {
                let mode = match a.mode {
                    1 => "SK",
                    2 => "NTS",
                    _ => "-",
                };
                format!(
                    "{},{mode},{},{},{},{},{},{},{},{}\n",
                    name(s, addr),
                    a.key_id,
                    a.key_type,
                    a.key_length,
                    a.last_ke_ago,
                    a.ke_attempts,
                    a.nak,
                    a.cookies,
                    a.cookie_length
                )
            })
            .collect();
        out.push((Kind::ChronycAuthdata, text));
    }
    if let Some(x) = &s.serverstats {
        out.push((
            Kind::ChronycServerstats,
            x.counters()
                .iter()
                .map(u64::to_string)
                .collect::<Vec<_>>()
                .join(",")
                + "\n",
        ));
    }
    out
}

/// Per report, the explained snapshot. Clients are drawn from the snapshot
/// directly (there can be many thousands).
pub fn explain_snapshot(s: &Snapshot) -> HashMap<Kind, Explained> {
    snapshot_csv(s)
        .into_iter()
        .filter_map(|(k, text)| explain(&text).ok().filter(|e| e.kind == k).map(|e| (k, e)))
        .collect()
}
