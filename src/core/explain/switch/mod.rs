//! Network switches: Cisco IOS/IOS-XE and NX-OS (cisco.rs), Huawei VRP and
//! H3C Comware 5/7 (vrp.rs), and the generic `show ntp server` table some
//! switches print.

mod cisco;
mod common;
mod nxos_stats;
mod trace;
mod vrp;

use super::model::{Explained, Field, Kind};
use common::{judge, table};

const SHOW_SERVER: &[&str] = &[
    "address",
    "source-interface",
    "key-id",
    "prefer",
    "version",
    "status",
];

fn leak(v: Vec<&'static str>) -> &'static [&'static str] {
    let mut v = v;
    v.dedup();
    Box::leak(v.into_boxed_slice())
}

pub fn fields() -> Vec<(Kind, &'static [&'static str])> {
    let names = |t: &[(&'static str, &'static str)]| leak(t.iter().map(|(_, n)| *n).collect());
    vec![
        (Kind::CiscoShowNtpStatus, names(cisco::STATUS)),
        (Kind::CiscoShowNtpAssociations, cisco::ASSOC),
        (Kind::CiscoShowNtpAssociationsDetail, cisco::DETAIL),
        (Kind::NxosShowNtpPeerStatus, cisco::NXOS_PEER_STATUS),
        (Kind::NxosShowNtpPeers, cisco::NXOS_PEERS),
        (Kind::NxosShowNtpStatus, cisco::NXOS_STATUS),
        (Kind::HuaweiNtpServiceStatus, names(vrp::STATUS)),
        (Kind::H3cNtpServiceStatus, names(vrp::STATUS)),
        (Kind::HuaweiNtpServiceSessions, names(vrp::SESSIONS)),
        // The verbose form's polls, powers of two.
        (Kind::HuaweiNtpServiceSessions, &["poll"]),
        (Kind::H3cNtpServiceSessions, &["poll"]),
        (Kind::H3cNtpServiceSessions, vrp::H3C_SESSIONS),
        (Kind::HuaweiNtpServiceSessions, vrp::H3C_SESSIONS),
        (Kind::ShowNtpServer, SHOW_SERVER),
        (Kind::NxosShowNtpStatisticsLocal, names(nxos_stats::LOCAL)),
        (Kind::NxosShowNtpStatisticsPeer, names(nxos_stats::PEER)),
        (
            Kind::NxosShowNtpAuthenticationStatus,
            &["authentication-status"],
        ),
        (Kind::NtpServiceTrace, trace::HOP),
        (Kind::NtpServiceTrace, &["reference"]),
    ]
}

pub fn parse(lines: &[&str], commands: &[String]) -> Option<Explained> {
    if let Some(e) = cisco::parse(lines, commands) {
        return Some(e);
    }
    if let Some(e) = nxos_stats::parse(lines) {
        return Some(e);
    }
    if let Some(e) = nxos_stats::authentication_status(lines) {
        return Some(e);
    }
    if let Some(e) = trace::parse(lines) {
        return Some(e);
    }
    if let Some(e) = vrp::parse(lines, commands) {
        return Some(e);
    }
    // show ntp server (a generic table).
    if let Some(rows) = table(lines, |l| {
        let t = l.trim_start();
        t.starts_with("ntp-server") && t.contains("status")
    }) {
        let mut e = Explained::new(Kind::ShowNtpServer);
        for l in rows {
            let w: Vec<&str> = l.split_whitespace().collect();
            if w.len() != 6 {
                continue;
            }
            let mut row: Vec<Field> = SHOW_SERVER
                .iter()
                .zip(&w)
                .map(|(n, v)| Field::info(n, *v))
                .collect();
            for f in &mut row {
                judge(f);
            }
            e.rows.push(row);
        }
        return Some(e);
    }
    None
}
