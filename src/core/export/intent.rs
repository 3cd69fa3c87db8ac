//! What the lab server means to do, read from its chrony.conf, and what an
//! export says about it: the text and the notes on what a target cannot
//! express.

use std::net::IpAddr;

use crate::core::conf::{AccessScope, AccessTarget, Document, SourceKind};

/// A remark about what the target cannot express (or expresses
/// differently): a message id and its arguments.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Note {
    pub id: &'static str,
    pub args: Vec<(&'static str, String)>,
}

impl Note {
    pub(super) fn new(id: &'static str) -> Note {
        Note {
            id,
            args: Vec::new(),
        }
    }

    pub(super) fn arg(mut self, k: &'static str, v: impl ToString) -> Note {
        self.args.push((k, v.to_string()));
        self
    }
}

/// Untranslated: the id and its arguments (`id k=v k2=v2`).
impl std::fmt::Display for Note {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.id)?;
        for (k, v) in &self.args {
            write!(f, " {k}={v}")?;
        }
        Ok(())
    }
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Export {
    pub text: String,
    pub notes: Vec<Note>,
}

/// An upstream source of the lab server.
#[derive(Debug, Clone, PartialEq)]
pub struct Upstream {
    pub host: String,
    pub pool: bool,
    pub iburst: bool,
    pub prefer: bool,
    pub minpoll: Option<i64>,
    pub maxpoll: Option<i64>,
    /// Options other targets have no words for.
    pub other: Vec<String>,
}

/// NTS-KE's port (RFC 8915).
pub const NTS_KE_PORT: u16 = 4460;

/// NTP's port (RFC 5905), where chronyd listens unless `port` says
/// otherwise.
pub const NTP_PORT: u16 = 123;

/// The lab server's intent, read from its chrony.conf.
#[derive(Debug, Clone, PartialEq)]
pub struct Intent {
    pub upstreams: Vec<Upstream>,
    pub peers: Vec<String>,
    pub allowed: Vec<ipnet::IpNet>,
    pub allow_all: bool,
    pub local_stratum: Option<i64>,
    pub orphan: bool,
    pub makestep: Option<(f64, i64)>,
    pub rtcsync: bool,
    pub ratelimit: bool,
    /// The server has an NTS certificate (`ntsservercert`): NTS-KE over
    /// TCP `ntsport` (4460 unless set).
    pub nts_server: bool,
    pub ntsport: u16,
    /// The UDP port chronyd answers NTP on (chrony.conf(5) `port`: "the
    /// port on which chronyd will listen for NTP requests"); 0 when it
    /// serves no NTP at all.
    pub ntp_port: u16,
}

impl Intent {
    pub fn from_document(doc: &Document) -> Intent {
        let upstreams = doc
            .sources()
            .filter(|(_, s)| s.kind != SourceKind::Peer)
            .map(|(_, s)| Upstream {
                host: s.host.clone(),
                pool: s.kind == SourceKind::Pool,
                iburst: s.has("iburst"),
                prefer: s.has("prefer"),
                minpoll: s.int("minpoll"),
                maxpoll: s.int("maxpoll"),
                other: s
                    .options
                    .iter()
                    .map(|o| o.name())
                    .filter(|n| !matches!(*n, "iburst" | "prefer" | "minpoll" | "maxpoll"))
                    .map(String::from)
                    .collect(),
            })
            .collect();
        let peers = doc
            .sources()
            .filter(|(_, s)| s.kind == SourceKind::Peer)
            .map(|(_, s)| s.host.clone())
            .collect();
        let mut allowed = Vec::new();
        let mut allow_all = false;
        for (_, a) in doc.access_rules(AccessScope::Ntp).filter(|(_, a)| a.allow) {
            match &a.target {
                AccessTarget::Any => allow_all = true,
                AccessTarget::Net(s) => {
                    if let Some(n) = s.net() {
                        allowed.push(n.trunc());
                    }
                }
                AccessTarget::Host(h) => {
                    if let Ok(ip) = h.parse::<IpAddr>() {
                        allowed.push(ip.into());
                    }
                }
            }
        }
        let local = doc.local().map(|(_, l)| l);
        let makestep = doc.directives().find_map(|(_, d)| match d {
            crate::core::conf::Directive::Makestep { threshold, limit } => {
                Some((*threshold, *limit))
            }
            _ => None,
        });
        Intent {
            upstreams,
            peers,
            allowed,
            allow_all,
            local_stratum: local.map(|l| l.stratum()),
            orphan: local.is_some_and(|l| l.orphan()),
            makestep,
            rtcsync: doc.last_directive("rtcsync").is_some(),
            ratelimit: doc.last_directive("ratelimit").is_some(),
            nts_server: doc.last_directive("ntsservercert").is_some(),
            ntsport: port_of(doc, "ntsport").unwrap_or(NTS_KE_PORT),
            ntp_port: port_of(doc, "port").unwrap_or(NTP_PORT),
        }
    }

    /// The port the lab server's clients and devices must query, when
    /// it is not NTP's own: `None` for 123 and for `port 0` (nothing to
    /// query; [`Intent::serves_ntp`] says so).
    pub fn client_port(&self) -> Option<u16> {
        Some(self.ntp_port).filter(|p| *p != NTP_PORT && *p != 0)
    }

    /// Whether the server answers NTP at all (`port 0` turns it off).
    pub fn serves_ntp(&self) -> bool {
        self.ntp_port != 0
    }
}

/// The value of the last `name` directive that holds a port number.
fn port_of(doc: &Document, name: &str) -> Option<u16> {
    doc.directives()
        .filter_map(|(_, d)| match d {
            crate::core::conf::Directive::Simple { spec, value } if spec.name == name => {
                value.as_i64().and_then(|p| u16::try_from(p).ok())
            }
            _ => None,
        })
        .last()
}
