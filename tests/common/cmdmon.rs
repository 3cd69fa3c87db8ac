//! Stratum's async cmdmon client driven from plain test code: one runtime
//! per client (its sockets belong to that runtime).

use std::net::IpAddr;

use stratum::core::cmdmon::{
    Activity, AuthData, Client, NtpData, Request, RtcReport, SelectData, ServerStats, Smoothing,
    SourceData, SourceStats, Tracking, WireAddr,
};
use stratum::helper::cmdmon::{CmdmonClient, CmdmonError, Endpoint, runtime};

pub struct BlockingCmdmon {
    rt: tokio::runtime::Runtime,
    c: CmdmonClient,
}

macro_rules! blocking {
    ($($name:ident($($arg:ident: $t:ty),*) -> $ret:ty;)*) => {
        $(pub fn $name(&mut self, $($arg: $t),*) -> Result<$ret, CmdmonError> {
            self.rt.block_on(self.c.$name($($arg),*))
        })*
    };
}

impl BlockingCmdmon {
    pub fn connect(endpoint: &Endpoint) -> Result<BlockingCmdmon, CmdmonError> {
        let rt = runtime();
        let c = rt.block_on(CmdmonClient::connect(endpoint))?;
        Ok(BlockingCmdmon { rt, c })
    }

    pub fn set_timeout(&mut self, timeout: std::time::Duration, retries: u32) {
        self.c.timeout = timeout;
        self.c.retries = retries;
    }

    /// The release on the other end (which request variants it takes).
    pub fn set_version(&mut self, v: stratum::core::conf::ChronyVersion) {
        self.c.version = v;
    }

    pub fn control(&mut self, r: &Request) -> Result<(), CmdmonError> {
        self.rt.block_on(self.c.control(r))
    }

    blocking! {
        tracking() -> Tracking;
        sources() -> Vec<SourceData>;
        sourcestats() -> Vec<SourceStats>;
        selectdata() -> Vec<SelectData>;
        activity() -> Activity;
        serverstats() -> ServerStats;
        clients(at_most: usize) -> Vec<Client>;
        ntpdata(ip: IpAddr) -> NtpData;
        authdata(ip: IpAddr) -> AuthData;
        source_name(addr: WireAddr) -> String;
        smoothing() -> Smoothing;
        rtc() -> RtcReport;
    }
}

/// A source as chronyd reports one that never answered: reach 0, no
/// sample (LastRx never), unusable, under the name it was configured by.
pub fn silent_source(
    addr: WireAddr,
    name: &str,
    mode: stratum::core::cmdmon::SourceMode,
) -> SourceData {
    SourceData {
        address: stratum::core::cmdmon::WireAddrSer(addr),
        poll: 6,
        stratum: 0,
        state: stratum::core::cmdmon::SourceState::Unusable,
        mode,
        flags: 0,
        reach: 0,
        last_rx: u32::MAX,
        offset: 0.0,
        measured_offset: 0.0,
        error: 0.0,
        name: Some(name.into()),
    }
}
