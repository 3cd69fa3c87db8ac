//! Explain pasted output of chronyc, ntpd tools and network switches: find
//! what it is, read every field, judge each value (ok / warn / bad / info,
//! with a reason) and diagnose problems across fields with cause and fix.
//! Texts (field meanings, reasons, findings) live in the Fluent catalogue:
//! `field-<name>`, `why-<reason>`, `finding-<rule>`.

mod checks;
mod chronyc;
mod ntpd;
mod switch;
pub mod verdict;

pub use verdict::{Finding, Reason, Rule, Why};

use serde::Serialize;

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
    NtpqPeers,
    NtpqRv,
    Ntpstat,
    Timedatectl,
    TimedatectlShow,
    TimedatectlTimesyncStatus,
    CiscoShowNtpStatus,
    CiscoShowNtpAssociations,
    CiscoShowNtpAssociationsDetail,
    NxosShowNtpPeerStatus,
    HuaweiNtpServiceStatus,
    HuaweiNtpServiceSessions,
    H3cNtpServiceStatus,
    H3cNtpServiceSessions,
    JunosShowNtpStatus,
    JunosShowNtpAssociations,
    AristaShowNtpStatus,
    AristaShowNtpAssociations,
    ShowNtpServer,
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
            Kind::NtpqPeers => "ntpq-peers",
            Kind::NtpqRv => "ntpq-rv",
            Kind::Ntpstat => "ntpstat",
            Kind::Timedatectl => "timedatectl",
            Kind::TimedatectlShow => "timedatectl-show",
            Kind::TimedatectlTimesyncStatus => "timedatectl-timesync-status",
            Kind::CiscoShowNtpStatus => "cisco-show-ntp-status",
            Kind::CiscoShowNtpAssociations => "cisco-show-ntp-associations",
            Kind::CiscoShowNtpAssociationsDetail => "cisco-show-ntp-associations-detail",
            Kind::NxosShowNtpPeerStatus => "nxos-show-ntp-peer-status",
            Kind::HuaweiNtpServiceStatus => "huawei-ntp-service-status",
            Kind::HuaweiNtpServiceSessions => "huawei-ntp-service-sessions",
            Kind::H3cNtpServiceStatus => "h3c-ntp-service-status",
            Kind::H3cNtpServiceSessions => "h3c-ntp-service-sessions",
            Kind::JunosShowNtpStatus => "junos-show-ntp-status",
            Kind::JunosShowNtpAssociations => "junos-show-ntp-associations",
            Kind::AristaShowNtpStatus => "arista-show-ntp-status",
            Kind::AristaShowNtpAssociations => "arista-show-ntp-associations",
            Kind::ShowNtpServer => "show-ntp-server",
        }
    }

    /// Whose terms advice for this output is given in.
    pub fn family(self) -> Family {
        use Kind::*;
        match self {
            ChronycSources | ChronycSourcestats | ChronycTracking | ChronycClients
            | ChronycActivity | ChronycNtpdata | ChronycServerstats | ChronycSelectdata
            | ChronycAuthdata => Family::Chrony,
            NtpqPeers | NtpqRv | Ntpstat => Family::Ntpd,
            Timedatectl | TimedatectlShow | TimedatectlTimesyncStatus => Family::Systemd,
            CiscoShowNtpStatus
            | CiscoShowNtpAssociations
            | CiscoShowNtpAssociationsDetail
            | NxosShowNtpPeerStatus
            | HuaweiNtpServiceStatus
            | HuaweiNtpServiceSessions
            | H3cNtpServiceStatus
            | H3cNtpServiceSessions
            | JunosShowNtpStatus
            | JunosShowNtpAssociations
            | AristaShowNtpStatus
            | AristaShowNtpAssociations
            | ShowNtpServer => Family::Switch,
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
}

impl Family {
    pub fn id(self) -> &'static str {
        match self {
            Family::Chrony => "chrony",
            Family::Ntpd => "ntpd",
            Family::Switch => "switch",
            Family::Systemd => "systemd",
        }
    }
}

/// The message ids of a finding's text, most specific first: in the
/// output's own terms (`finding-<rule>-<family>`), else the general one.
pub fn finding_ids(kind: Kind, rule: Rule) -> [String; 2] {
    [
        format!("finding-{}-{}", rule.id(), kind.family().id()),
        format!("finding-{}", rule.id()),
    ]
}

/// The message ids of a field's meaning, most specific first: for this
/// output (`meaning-<kind>-<name>`, where the tools differ), else general.
pub fn field_ids(kind: Kind, name: &str) -> [String; 2] {
    [
        format!("meaning-{}-{name}", kind.name()),
        format!("field-{name}"),
    ]
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Status {
    Ok,
    Warn,
    Bad,
    Info,
}

impl Status {
    pub fn as_str(self) -> &'static str {
        match self {
            Status::Ok => "ok",
            Status::Warn => "warn",
            Status::Bad => "bad",
            Status::Info => "info",
        }
    }
}

/// One field: its catalogue name, the text as pasted, the verdict.
#[derive(Debug, Clone, PartialEq)]
pub struct Field {
    pub name: &'static str,
    pub raw: String,
    pub status: Status,
    pub reason: Option<Reason>,
}

impl Field {
    pub fn info(name: &'static str, raw: impl Into<String>) -> Field {
        Field {
            name,
            raw: raw.into(),
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

    fn new(kind: Kind) -> Explained {
        Explained {
            kind,
            csv: false,
            fields: Vec::new(),
            rows: Vec::new(),
            findings: Vec::new(),
        }
    }
}

#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum ExplainError {
    #[error("empty input")]
    Empty,
    #[error("not recognised")]
    NotRecognised,
    #[error("input too large")]
    TooLarge,
}

impl ExplainError {
    /// The message id that tells the user.
    pub fn message_id(&self) -> &'static str {
        match self {
            ExplainError::Empty => "explain-empty",
            ExplainError::NotRecognised => "explain-not-recognised",
            ExplainError::TooLarge => "explain-too-large",
        }
    }
}

/// Inputs above this size are refused rather than scanned.
pub const MAX_INPUT: usize = 4 << 20;

/// Removes what terminals and shells add around output: ANSI escape
/// sequences, carriage returns, prompts and the commands typed.
pub fn clean(text: &str) -> Vec<String> {
    let mut out = Vec::new();
    for raw in text.split('\n') {
        let mut line = String::with_capacity(raw.len());
        let mut chars = raw.chars().peekable();
        while let Some(c) = chars.next() {
            if c == '\u{1b}' {
                // CSI: ESC [ ... final byte in @..~
                if chars.peek() == Some(&'[') {
                    chars.next();
                    for d in chars.by_ref() {
                        if ('@'..='~').contains(&d) {
                            break;
                        }
                    }
                }
                continue;
            }
            if c == '\r' || (c.is_control() && c != '\t') {
                continue;
            }
            line.push(c);
        }
        let trimmed = line.trim_end().to_string();
        // chronyc's interactive prompt.
        let trimmed = trimmed
            .strip_prefix("chronyc> ")
            .map(str::to_string)
            .unwrap_or(trimmed);
        out.push(trimmed);
    }
    unquote(&mut out);
    out
}

/// Output quoted in notes, mail or chat: every line behind `> ` (or `#`,
/// as in a commented script). The quote marks go; the output stays.
fn unquote(lines: &mut [String]) {
    let mut quoted = lines.iter().filter(|l| !l.trim().is_empty()).peekable();
    if quoted.peek().is_none() {
        return;
    }
    for mark in ['>', '#'] {
        if lines
            .iter()
            .filter(|l| !l.trim().is_empty())
            .all(|l| l.trim_start().starts_with(mark))
        {
            for l in lines.iter_mut() {
                let t = l.trim_start();
                if let Some(rest) = t.strip_prefix(mark) {
                    *l = rest.strip_prefix(' ').unwrap_or(rest).to_string();
                }
            }
            return;
        }
    }
}

/// A shell or device prompt followed by a command, e.g.
/// `[root@host ~]# chronyc sources`, `<Huawei>display ntp-service status`,
/// `user@router> show ntp status`, `switch# show ntp associations`.
pub fn prompt_command(line: &str) -> Option<&str> {
    let l = line.trim_start();
    if let Some(rest) = l.strip_prefix('<') {
        return rest.split_once('>').map(|(_, c)| c.trim());
    }
    // Switches print no space after the prompt: `switch#show ntp status`.
    for sep in ["# ", "> ", "$ ", "#", ">"] {
        if let Some(i) = l.find(sep) {
            let (head, cmd) = (&l[..i], l[i + sep.len()..].trim());
            let promptish = !head.contains(' ') || head.starts_with('[') || head.contains('@');
            let known = [
                "chronyc",
                "ntpq",
                "ntpstat",
                "timedatectl",
                "show",
                "display",
                "dis ",
            ]
            .iter()
            .any(|k| cmd.starts_with(k));
            if promptish && known {
                return Some(cmd);
            }
        }
    }
    None
}

/// Explains one pasted output.
pub fn explain(text: &str) -> Result<Explained, ExplainError> {
    if text.len() > MAX_INPUT {
        return Err(ExplainError::TooLarge);
    }
    let lines = clean(text);
    // Whole prompt lines: the prompt tells devices apart (Junos's
    // `user@router>` from EOS's `switch#`).
    let commands: Vec<String> = lines
        .iter()
        .filter(|l| prompt_command(l).is_some())
        .cloned()
        .collect();
    let content: Vec<&str> = lines
        .iter()
        .map(String::as_str)
        .filter(|l| prompt_command(l).is_none() && !l.trim().is_empty())
        .collect();
    if content.is_empty() {
        return Err(ExplainError::Empty);
    }
    let mut e = chronyc::parse(&content)
        .or_else(|| ntpd::parse(&content, &commands))
        .or_else(|| switch::parse(&content))
        .ok_or(ExplainError::NotRecognised)?;
    if e.fields.is_empty() && e.rows.is_empty() {
        // A table with its header and no row says something: nobody yet.
        let empty = match e.kind {
            Kind::ChronycClients => Some(Rule::NoClientsYet),
            Kind::ChronycSources | Kind::ChronycSourcestats => Some(Rule::NoSources),
            _ => None,
        };
        match empty {
            Some(rule) => e.findings.push(checks::empty_table(rule)),
            None => return Err(ExplainError::NotRecognised),
        }
        return Ok(e);
    }
    // Whatever the tool: a source that never answered has no offsets to judge.
    for row in &mut e.rows {
        checks::unjudge_placeholder_offsets(row);
    }
    checks::judge_report(&mut e);
    checks::diagnose(&mut e);
    Ok(e)
}

/// Explains a paste that may hold several outputs one after another, each
/// block separated by a blank line (`stratum status` prints tracking, the
/// sources and the clients this way; people paste `chronyc tracking` and
/// `chronyc sources` together). A paste that is one output is read whole.
pub fn explain_all(text: &str) -> Result<Vec<Explained>, ExplainError> {
    if text.len() > MAX_INPUT {
        return Err(ExplainError::TooLarge);
    }
    let whole = explain(text);
    let mut blocks: Vec<String> = Vec::new();
    let mut current = String::new();
    for line in clean(text) {
        if line.trim().is_empty() {
            if !current.trim().is_empty() {
                blocks.push(std::mem::take(&mut current));
            }
            current.clear();
        } else {
            current.push_str(&line);
            current.push('\n');
        }
    }
    if !current.trim().is_empty() {
        blocks.push(current);
    }
    let parts: Vec<Explained> = blocks.iter().filter_map(|b| explain(b).ok()).collect();
    // One output (its own blank lines or legend aside): read whole.
    match (&whole, parts.len()) {
        (Ok(w), n) if n <= 1 => Ok(vec![w.clone()]),
        (_, 0) => whole.map(|w| vec![w]),
        _ => Ok(parts),
    }
}

/// Every field name the parsers can emit, per kind: the catalogue the
/// translation tests hold to.
pub fn catalogue() -> Vec<(Kind, &'static [&'static str])> {
    let mut v = chronyc::fields();
    v.extend(ntpd::fields());
    v.extend(switch::fields());
    v
}

pub use checks::human;

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn prompts_with_and_without_a_space_are_recognised() {
        let cases = [
            ("[root@lab ~]# chronyc sources", Some("chronyc sources")),
            ("user@router> show ntp status", Some("show ntp status")),
            (
                "switch#show ntp associations",
                Some("show ntp associations"),
            ),
            ("leaf1>show ntp status", Some("show ntp status")),
            (
                "<Huawei>display ntp-service status",
                Some("display ntp-service status"),
            ),
            // chronyc's legend is not a prompt.
            (
                "  / .- Source mode  '^' = server, '=' = peer, '#' = local clock.",
                None,
            ),
            (
                "^* 10.0.0.1  2   6   377    12   +10us[ +12us] +/-  1ms",
                None,
            ),
        ];
        for (line, want) in cases {
            assert_eq!(prompt_command(line), want, "{line}");
        }
    }

    #[test]
    fn the_prompt_tells_junos_from_arista() {
        let table = "     remote           refid      st t when poll reach   delay   offset  jitter\n\
            ==============================================================================\n\
            *10.1.1.1        .GPS.            1 u   33   64  377    1.234   -0.123   0.045\n";
        let kind = |prompt: &str| explain(&format!("{prompt}\n{table}")).unwrap().kind;
        assert_eq!(
            kind("user@router> show ntp associations"),
            Kind::JunosShowNtpAssociations
        );
        assert_eq!(
            kind("leaf1#show ntp associations"),
            Kind::AristaShowNtpAssociations
        );
        assert_eq!(kind("$ ntpq -pn"), Kind::NtpqPeers);
    }
}
