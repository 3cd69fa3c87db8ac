//! The parameters of the requests that change chronyd's sources and local
//! reference, taken from chrony.conf lines with chronyc's defaults.

use crate::core::cmdmon::wire::Writer;
use crate::core::conf::ChronyVersion;

/// chrony's default `maxunreach` (`SRC_DEFAULT_MAXUNREACH`).
pub const SRC_DEFAULT_MAXUNREACH: i64 = 100_000;

/// `local` as chronyc sends it (`CPS_ParseLocal`'s defaults).
#[derive(Debug, Clone, PartialEq)]
pub struct LocalParams {
    pub stratum: i32,
    pub orphan: bool,
    pub distance: f64,
    pub activate: f64,
    pub wait_synced: f64,
    pub wait_unsynced: f64,
}

impl LocalParams {
    pub fn from_local(l: &crate::core::conf::Local) -> LocalParams {
        let orphan = l.orphan();
        LocalParams {
            stratum: l.stratum() as i32,
            orphan,
            distance: l.distance(),
            activate: l.float_option("activate").unwrap_or(0.0),
            wait_synced: l.float_option("waitsynced").unwrap_or(0.0),
            wait_unsynced: l
                .float_option("waitunsynced")
                .filter(|v| *v >= 0.0)
                .unwrap_or(if orphan { 300.0 } else { 0.0 }),
        }
    }
}

/// What chronyd is told to add with `add server|pool|peer`.
#[derive(Debug, Clone, PartialEq)]
pub struct AddSource {
    pub kind: crate::core::conf::SourceKind,
    pub name: String,
    pub port: u32,
    pub minpoll: i32,
    pub maxpoll: i32,
    pub presend: i32,
    pub min_stratum: u32,
    pub poll_target: u32,
    pub version: u32,
    pub max_sources: u32,
    pub min_samples: i32,
    pub max_samples: i32,
    pub key: u32,
    pub nts_port: u32,
    pub max_delay: f64,
    pub max_delay_ratio: f64,
    pub max_delay_dev_ratio: f64,
    pub min_delay: f64,
    pub asymmetry: f64,
    pub offset: f64,
    /// The flags whose bits every release shares (online … copy).
    pub flags: u32,
    pub filter: i32,
    pub cert_set: u32,
    pub max_delay_quant: f64,
    /// chrony 4.8+ (`maxunreach`); a reserved word before, which older
    /// releases ignore.
    pub max_unreach: i32,
    /// chrony 4.9+ (`maxntsretry`).
    pub max_nts_retry: i32,
    /// `extfield F323` / `extfield F324`.
    pub ext_mono_root: bool,
    pub ext_net_correction: bool,
    pub ipv4: bool,
    pub ipv6: bool,
}

/// chrony's default `maxntsretry` (`SRC_DEFAULT_MAXNTSRETRY`, 4.9).
pub const SRC_DEFAULT_MAXNTSRETRY: i64 = 19;
/// 4.9 replaced `REQ_ADD_SOURCE` with `REQ_ADD_SOURCE2` (new field order,
/// new bits for the address family and extension fields).
pub const ADD_SOURCE2_SINCE: ChronyVersion = ChronyVersion::new(4, 9);

impl AddSource {
    /// The request for a source line of chrony.conf, with chrony's defaults
    /// for every option the line does not give.
    pub fn from_source(s: &crate::core::conf::Source) -> AddSource {
        let int = |n: &str, d: i64| s.int(n).unwrap_or(d);
        let float = |n: &str, d: f64| s.option(n).and_then(|v| v.as_f64()).unwrap_or(d);
        let flag = |n: &str, bit: u32| if s.has(n) { bit } else { 0 };
        let flags = (if s.has("offline") { 0 } else { 0x1 })
            | flag("auto_offline", 0x2)
            | flag("iburst", 0x4)
            | flag("prefer", 0x8)
            | flag("noselect", 0x10)
            | flag("trust", 0x20)
            | flag("require", 0x40)
            | flag("xleave", 0x80)
            | flag("burst", 0x100)
            | flag("nts", 0x200)
            | flag("copy", 0x400);
        // Every `extfield` of the line (it may be given twice).
        let fields: Vec<i64> = s
            .options
            .iter()
            .filter(|o| o.name() == "extfield")
            .filter_map(|o| o.value.as_i64())
            .collect();
        AddSource {
            kind: s.kind,
            name: s.host.clone(),
            port: int("port", 123) as u32,
            minpoll: int("minpoll", 6) as i32,
            maxpoll: int("maxpoll", 10) as i32,
            presend: int("presend", 100) as i32,
            min_stratum: int("minstratum", 0) as u32,
            poll_target: int("polltarget", 8) as u32,
            version: int("version", 0) as u32,
            max_sources: int("maxsources", 4) as u32,
            min_samples: int("minsamples", -1) as i32,
            max_samples: int("maxsamples", -1) as i32,
            key: int("key", 0) as u32,
            nts_port: int("ntsport", 4460) as u32,
            max_delay: float("maxdelay", 3.0),
            max_delay_ratio: float("maxdelayratio", 0.0),
            max_delay_dev_ratio: float("maxdelaydevratio", 10.0),
            min_delay: float("mindelay", 0.0),
            asymmetry: float("asymmetry", 1.0),
            offset: float("offset", 0.0),
            flags,
            filter: int("filter", 0) as i32,
            cert_set: int("certset", 0) as u32,
            max_delay_quant: float("maxdelayquant", 0.0),
            max_unreach: int("maxunreach", SRC_DEFAULT_MAXUNREACH) as i32,
            max_nts_retry: int("maxntsretry", SRC_DEFAULT_MAXNTSRETRY) as i32,
            ext_mono_root: fields.contains(&0xF323),
            ext_net_correction: fields.contains(&0xF324),
            ipv4: s.has("ipv4"),
            ipv6: s.has("ipv6"),
        }
    }

    fn kind_code(&self) -> u32 {
        match self.kind {
            crate::core::conf::SourceKind::Server => 1,
            crate::core::conf::SourceKind::Peer => 2,
            crate::core::conf::SourceKind::Pool => 3,
        }
    }

    fn name_bytes(&self) -> [u8; 256] {
        let mut name = [0u8; 256];
        let n = self.name.len().min(255);
        name[..n].copy_from_slice(&self.name.as_bytes()[..n]);
        name
    }

    /// The fields both layouts start with (type, name … max_samples).
    fn encode_head(&self, w: &mut Writer) {
        w.u32(self.kind_code());
        w.bytes(&self.name_bytes());
        w.u32(self.port);
        w.i32(self.minpoll);
        w.i32(self.maxpoll);
        w.i32(self.presend);
        w.u32(self.min_stratum);
        w.u32(self.poll_target);
        w.u32(self.version);
        w.u32(self.max_sources);
        w.i32(self.min_samples);
        w.i32(self.max_samples);
    }

    /// `REQ_ADD_SOURCE` (4.0–4.8).
    pub(super) fn encode_v1(&self, w: &mut Writer) {
        let bit = |on: bool, b: u32| if on { b } else { 0 };
        self.encode_head(w);
        w.u32(self.key);
        w.u32(self.nts_port);
        w.float(self.max_delay);
        w.float(self.max_delay_ratio);
        w.float(self.max_delay_dev_ratio);
        w.float(self.min_delay);
        w.float(self.asymmetry);
        w.float(self.offset);
        w.u32(
            self.flags
                | bit(self.ext_mono_root, 0x800)
                | bit(self.ext_net_correction, 0x1000)
                | bit(self.ipv4, 0x2000)
                | bit(self.ipv6, 0x4000),
        );
        w.i32(self.filter);
        w.u32(self.cert_set);
        w.float(self.max_delay_quant);
        w.i32(self.max_unreach);
    }

    /// `REQ_ADD_SOURCE2` (4.9+).
    pub(super) fn encode_v2(&self, w: &mut Writer) {
        let bit = |on: bool, b: u32| if on { b } else { 0 };
        self.encode_head(w);
        w.i32(self.max_unreach);
        w.i32(self.filter);
        w.u32(self.key);
        w.u32(self.nts_port);
        w.u32(self.cert_set);
        w.i32(self.max_nts_retry);
        w.float(self.max_delay);
        w.float(self.max_delay_ratio);
        w.float(self.max_delay_dev_ratio);
        w.float(self.max_delay_quant);
        w.float(self.min_delay);
        w.float(self.asymmetry);
        w.float(self.offset);
        w.u32(
            self.flags
                | bit(self.ipv4, 0x800)
                | bit(self.ipv6, 0x1000)
                | bit(self.ext_net_correction, 0x10000)
                | bit(self.ext_mono_root, 0x8000_0000),
        );
        w.bytes(&[0u8; 32]);
    }
}
