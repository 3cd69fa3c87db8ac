//! What explain produces: the kind of output recognised, each field with
//! its verdict, the explained whole, and why nothing could be explained.

use serde::Serialize;

use super::field::{FieldId, Value};
use super::verdict::{Finding, Reason, Status};

/// The kinds of output Stratum recognises.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
pub enum Kind {
    ChronycSources,
    ChronycSourcestats,
    ChronycTracking,
    ChronycClients,
    ChronycActivity,
    ChronycNtpdata,
    ChronycServerstats,
    ChronycSelectdata,
    ChronycAuthdata,
    /// chronyc's own status line: chronyd refused or did not answer.
    ChronycError,
    /// chronyc's `200 OK`: chronyd accepted a command.
    ChronycOk,
    /// `chronyc smoothing` (server time smoothing, `smoothtime`).
    ChronycSmoothing,
    /// `chronyc manual list` (the samples of `settime`).
    ChronycManualList,
    /// `chronyc settime`: the sample taken and the frequency it gave.
    ChronycSettime,
    /// `chronyc waitsync`: one line per try.
    ChronycWaitsync,
    NtpqPeers,
    NtpqRv,
    /// ntpsec's `ntpq -c sysinfo`: rv's system values as labelled lines.
    NtpqSysinfo,
    /// `ntpq -c kerninfo` (`kern`): the kernel's loop variables.
    NtpqKerninfo,
    /// `ntpq -c "rv ASSOCID"`: one association's variables.
    NtpqRvPeer,
    /// `ntpq -c as` (associations).
    NtpqAssociations,
    /// `ntpq -c mrulist`: the clients and peers that send this ntpd packets.
    NtpqMrulist,
    Ntpstat,
    Timedatectl,
    TimedatectlShow,
    TimedatectlTimesyncStatus,
    /// `timedatectl show-timesync`.
    TimedatectlShowTimesync,
    CiscoShowNtpStatus,
    CiscoShowNtpAssociations,
    CiscoShowNtpAssociationsDetail,
    NxosShowNtpPeerStatus,
    /// NX-OS `show ntp peers`: the configured servers and peers.
    NxosShowNtpPeers,
    /// NX-OS `show ntp status`: CFS distribution of the NTP configuration.
    NxosShowNtpStatus,
    /// NX-OS `show ntp statistics local`: the device's packet counters.
    NxosShowNtpStatisticsLocal,
    /// NX-OS `show ntp statistics peer ipaddr`: one server's counters.
    NxosShowNtpStatisticsPeer,
    /// NX-OS `show ntp authentication-status`: enabled or disabled.
    NxosShowNtpAuthenticationStatus,
    /// Huawei VRP / H3C Comware `display ntp-service trace`: the chain of
    /// servers up to the reference clock.
    NtpServiceTrace,
    HuaweiNtpServiceStatus,
    HuaweiNtpServiceSessions,
    H3cNtpServiceStatus,
    H3cNtpServiceSessions,
    JunosShowNtpStatus,
    JunosShowNtpAssociations,
    AristaShowNtpStatus,
    AristaShowNtpAssociations,
    ShowNtpServer,
    /// MikroTik RouterOS `/system ntp client print` (v7 NTP, v6 SNTP).
    MikrotikNtpClient,
    /// `chronyd -q` / `chronyd -Q`: one measurement, then exit.
    ChronydOnce,
    /// chronyd's own log (journal, systemctl status, `chronyd -d`).
    ChronydMessages,
    /// `chronyc -v` / `chronyd -v`: the release.
    ChronyVersion,
}

impl Kind {
    pub fn name(self) -> &'static str {
        match self {
            Kind::ChronycSources => "chronyc-sources",
            Kind::ChronycSourcestats => "chronyc-sourcestats",
            Kind::ChronycTracking => "chronyc-tracking",
            Kind::ChronycClients => "chronyc-clients",
            Kind::ChronycActivity => "chronyc-activity",
            Kind::ChronycNtpdata => "chronyc-ntpdata",
            Kind::ChronycServerstats => "chronyc-serverstats",
            Kind::ChronycSelectdata => "chronyc-selectdata",
            Kind::ChronycAuthdata => "chronyc-authdata",
            Kind::ChronycError => "chronyc-error",
            Kind::ChronycOk => "chronyc-ok",
            Kind::ChronycSmoothing => "chronyc-smoothing",
            Kind::ChronycManualList => "chronyc-manual-list",
            Kind::ChronycSettime => "chronyc-settime",
            Kind::ChronycWaitsync => "chronyc-waitsync",
            Kind::NtpqPeers => "ntpq-peers",
            Kind::NtpqRv => "ntpq-rv",
            Kind::NtpqSysinfo => "ntpq-sysinfo",
            Kind::NtpqKerninfo => "ntpq-kerninfo",
            Kind::NtpqRvPeer => "ntpq-rv-peer",
            Kind::NtpqAssociations => "ntpq-associations",
            Kind::NtpqMrulist => "ntpq-mrulist",
            Kind::Ntpstat => "ntpstat",
            Kind::Timedatectl => "timedatectl",
            Kind::TimedatectlShow => "timedatectl-show",
            Kind::TimedatectlTimesyncStatus => "timedatectl-timesync-status",
            Kind::TimedatectlShowTimesync => "timedatectl-show-timesync",
            Kind::CiscoShowNtpStatus => "cisco-show-ntp-status",
            Kind::CiscoShowNtpAssociations => "cisco-show-ntp-associations",
            Kind::CiscoShowNtpAssociationsDetail => "cisco-show-ntp-associations-detail",
            Kind::NxosShowNtpPeerStatus => "nxos-show-ntp-peer-status",
            Kind::NxosShowNtpPeers => "nxos-show-ntp-peers",
            Kind::NxosShowNtpStatus => "nxos-show-ntp-status",
            Kind::NxosShowNtpStatisticsLocal => "nxos-show-ntp-statistics-local",
            Kind::NxosShowNtpStatisticsPeer => "nxos-show-ntp-statistics-peer",
            Kind::NtpServiceTrace => "ntp-service-trace",
            Kind::NxosShowNtpAuthenticationStatus => "nxos-show-ntp-authentication-status",
            Kind::HuaweiNtpServiceStatus => "huawei-ntp-service-status",
            Kind::HuaweiNtpServiceSessions => "huawei-ntp-service-sessions",
            Kind::H3cNtpServiceStatus => "h3c-ntp-service-status",
            Kind::H3cNtpServiceSessions => "h3c-ntp-service-sessions",
            Kind::JunosShowNtpStatus => "junos-show-ntp-status",
            Kind::JunosShowNtpAssociations => "junos-show-ntp-associations",
            Kind::AristaShowNtpStatus => "arista-show-ntp-status",
            Kind::AristaShowNtpAssociations => "arista-show-ntp-associations",
            Kind::ShowNtpServer => "show-ntp-server",
            Kind::MikrotikNtpClient => "mikrotik-ntp-client",
            Kind::ChronydOnce => "chronyd-once",
            Kind::ChronydMessages => "chronyd-messages",
            Kind::ChronyVersion => "chrony-version",
        }
    }

    /// Whose terms advice for this output is given in.
    pub fn family(self) -> Family {
        use Kind::*;
        match self {
            ChronycSources | ChronycSourcestats | ChronycTracking | ChronycClients
            | ChronycActivity | ChronycNtpdata | ChronycServerstats | ChronycSelectdata
            | ChronycAuthdata | ChronycError | ChronycOk | ChronycSmoothing | ChronycManualList
            | ChronycSettime | ChronycWaitsync | ChronydOnce | ChronydMessages | ChronyVersion => {
                Family::Chrony
            }
            NtpqPeers | NtpqRv | NtpqSysinfo | NtpqKerninfo | NtpqRvPeer | NtpqAssociations
            | NtpqMrulist | Ntpstat => Family::Ntpd,
            Timedatectl | TimedatectlShow | TimedatectlTimesyncStatus | TimedatectlShowTimesync => {
                Family::Systemd
            }
            CiscoShowNtpStatus
            | CiscoShowNtpAssociations
            | CiscoShowNtpAssociationsDetail
            | NxosShowNtpPeerStatus
            | NxosShowNtpPeers
            | NxosShowNtpStatus
            | NxosShowNtpStatisticsLocal
            | NxosShowNtpStatisticsPeer
            | NtpServiceTrace
            | NxosShowNtpAuthenticationStatus
            | HuaweiNtpServiceStatus
            | HuaweiNtpServiceSessions
            | H3cNtpServiceStatus
            | H3cNtpServiceSessions
            | JunosShowNtpStatus
            | JunosShowNtpAssociations
            | AristaShowNtpStatus
            | AristaShowNtpAssociations
            | ShowNtpServer => Family::Switch,
            MikrotikNtpClient => Family::Mikrotik,
        }
    }

    /// A server's list of the clients that poll it (`chronyc clients`,
    /// `ntpq -c mrulist`): what a roster is read against.
    pub fn lists_clients(self) -> bool {
        matches!(self, Kind::ChronycClients | Kind::NtpqMrulist)
    }

    /// The maker of the device whose output this is, for advice in its
    /// own commands (`$vendor` of a finding's text); "other" off switches.
    pub fn vendor(self) -> &'static str {
        use Kind::*;
        match self {
            CiscoShowNtpStatus
            | CiscoShowNtpAssociations
            | CiscoShowNtpAssociationsDetail
            | NxosShowNtpPeerStatus
            | NxosShowNtpPeers
            | NxosShowNtpStatus => "cisco",
            HuaweiNtpServiceStatus | HuaweiNtpServiceSessions => "huawei",
            H3cNtpServiceStatus | H3cNtpServiceSessions => "h3c",
            JunosShowNtpStatus | JunosShowNtpAssociations => "junos",
            AristaShowNtpStatus | AristaShowNtpAssociations => "arista",
            _ => "other",
        }
    }

    /// The message id of this output's human name (`kind-<id>`).
    pub fn title_id(self) -> String {
        format!("kind-{}", self.name())
    }
}

/// The tool a piece of output comes from, for advice in its own terms
/// (chrony's `local stratum 10 orphan` is ntpd's `tos orphan`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Family {
    Chrony,
    Ntpd,
    Switch,
    Systemd,
    /// RouterOS: its own menus (`/system ntp client`), not a switch's CLI.
    Mikrotik,
}

impl Family {
    pub fn id(self) -> &'static str {
        match self {
            Family::Chrony => "chrony",
            Family::Ntpd => "ntpd",
            Family::Switch => "switch",
            Family::Systemd => "systemd",
            Family::Mikrotik => "mikrotik",
        }
    }
}

/// The message ids of a finding's text, most specific first: with the
/// cause another report of the paste gave (`finding-<rule>-by-<cause>`),
/// in the output's own terms (`finding-<rule>-<kind>`, then
/// `finding-<rule>-<family>`), else the
/// general one.
pub fn finding_ids(kind: Kind, f: &Finding) -> Vec<String> {
    let rule = f.rule.id();
    let mut ids = Vec::with_capacity(4);
    if let Some((_, cause)) = f.args.iter().find(|(k, _)| *k == "cause") {
        ids.push(format!("finding-{rule}-by-{cause}"));
    }
    // One tool of a family that says it differently (ntpstat asks ntpd or
    // chronyd, ntpq only ntpd).
    ids.push(format!("finding-{rule}-{}", kind.name()));
    ids.push(format!("finding-{rule}-{}", kind.family().id()));
    ids.push(format!("finding-{rule}"));
    ids
}

/// The message ids of a field's meaning, most specific first: for this
/// output (`meaning-<kind>-<name>`, where the tools differ), else general.
pub fn field_ids(kind: Kind, name: &str) -> [String; 3] {
    [
        format!("meaning-{}-{name}", kind.name()),
        // A family's own tool documents it its own way (ntpq(1)'s refid is
        // not chronyc's hex).
        format!("meaning-{}-{name}", kind.family().id()),
        format!("field-{name}"),
    ]
}

/// How a placeholder ([`Field::placeholder`]) reads on screen and in text.
pub const NO_VALUE: &str = "–";

/// One field: its catalogue name, the text as pasted, the value as its
/// reader understood it, the verdict.
#[derive(Debug, Clone, PartialEq)]
pub struct Field {
    pub name: FieldId,
    pub raw: String,
    pub value: Value,
    pub status: Status,
    pub reason: Option<Reason>,
}

impl Field {
    /// A field as pasted, not typed (yet).
    pub fn info(name: impl Into<FieldId>, raw: impl Into<String>) -> Field {
        Field::typed(name.into(), raw, Value::Text)
    }

    /// What a report shows where chronyd has no measurement (a source never
    /// sampled: chronyc prints 0 there, sourcestats its initial 2000 ppm
    /// and 4 s; authdata's key columns of a source without a key): a
    /// placeholder, shown as [`NO_VALUE`].
    pub fn placeholder(&self) -> bool {
        self.reason.as_ref().is_some_and(|r| r.id.is_placeholder())
    }

    /// A field with the value its reader read.
    pub fn typed(name: FieldId, raw: impl Into<String>, value: Value) -> Field {
        Field {
            name,
            raw: raw.into(),
            value,
            status: Status::Info,
            reason: None,
        }
    }
}

#[derive(Debug, Clone, PartialEq)]
pub struct Explained {
    pub kind: Kind,
    /// chronyc's `-c` CSV form.
    pub csv: bool,
    /// Key/value outputs.
    pub fields: Vec<Field>,
    /// Tables, one row per source/client/session.
    pub rows: Vec<Vec<Field>>,
    pub findings: Vec<Finding>,
    /// The paste ends before the output does (a row cut short, tracking
    /// without its last lines, a legend without its table): what is there
    /// is judged, nothing is concluded from what is missing.
    pub cut: bool,
    /// chronyc `-c`: the last line stops mid-line, with this many of the
    /// report's fields (`(got, want)`); that row is not judged.
    pub cut_line: Option<(usize, usize)>,
}

impl Explained {
    /// The kind as the CLI names it (`-csv` for chronyc's CSV form).
    pub fn kind_name(&self) -> String {
        if self.csv {
            format!("{}-csv", self.kind.name())
        } else {
            self.kind.name().to_string()
        }
    }

    pub(super) fn new(kind: Kind) -> Explained {
        Explained {
            kind,
            csv: false,
            fields: Vec::new(),
            rows: Vec::new(),
            findings: Vec::new(),
            cut: false,
            cut_line: None,
        }
    }
}

#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum ExplainError {
    #[error("empty input")]
    Empty,
    #[error("not recognised")]
    NotRecognised,
    /// Lines of chronyd's own log (chrony.conf(5) `log`): `stratum stats`
    /// reads them, explain reads chronyc's and the tools' outputs.
    #[error("chronyd's log")]
    ChronydLog(crate::core::chronylog::LogKind),
    /// One address or name alone: what `chronyc sourcename` prints
    /// (chronyc(1): "the original name or address of a source"), nothing
    /// to judge.
    #[error("a lone name")]
    LoneName,
    #[error("input too large")]
    TooLarge,
    /// A file that is neither UTF-8 nor UTF-16 (a Chinese Windows "ANSI"
    /// file is GBK).
    #[error("not UTF-8 or UTF-16")]
    Encoding,
}

impl ExplainError {
    /// The message id that tells the user.
    pub fn message_id(&self) -> &'static str {
        match self {
            ExplainError::Empty => "explain-empty",
            ExplainError::NotRecognised => "explain-not-recognised",
            ExplainError::ChronydLog(kind) => {
                use crate::core::chronylog::LogKind;
                match kind {
                    LogKind::Tracking => "explain-chronyd-log-tracking",
                    LogKind::Measurements => "explain-chronyd-log-measurements",
                    LogKind::Statistics => "explain-chronyd-log-statistics",
                    LogKind::Refclocks => "explain-chronyd-log-refclocks",
                }
            }
            ExplainError::LoneName => "explain-lone-name",
            ExplainError::TooLarge => "explain-too-large",
            ExplainError::Encoding => "explain-encoding",
        }
    }
}

/// The field named `name` among `fields` (a report's or a row's).
pub(super) fn field(fields: &[Field], name: FieldId) -> Option<&Field> {
    fields.iter().find(|f| f.name == name)
}
