//! The one rule for servers that back each other up (a primary/backup pair,
//! or any group polling each other): chrony.conf(5), `local … orphan`.
//! Every server of the group has the same `local stratum N orphan`; while
//! no upstream answers, only the server with the smallest reference ID
//! activates its local reference and the others follow it; when it stops
//! answering, the next smallest takes over. An NTP source's reference ID is
//! its IPv4 address (for IPv6, the first 4 bytes of the address's MD5
//! hash), compared with the server's own (sources.c, orphan selection).
//! Guided setup, Peers / redundancy, Export and lint all follow this rule.

use super::Local;

/// The local stratum of a lab server serving its own clock (chrony.conf(5)'s
/// default for `local`, and what every setup of the lab writes).
pub const LAB_LOCAL_STRATUM: u8 = 10;

/// The `local` line of a server of a group: the server's own line with
/// `orphan` (its stratum and other options kept, so that it stays the same
/// line as its partners'), or `local stratum 10 orphan`.
pub fn group_local(current: Option<&Local>) -> Local {
    match current {
        Some(l) => l.updated(None, Some(true), None),
        None => Local::new(LAB_LOCAL_STRATUM, true, None),
    }
}

/// Whether two servers' `local` lines follow the rule: both present, the
/// same stratum, both orphan.
pub fn follows_rule(a: &Local, b: &Local) -> bool {
    a.stratum() == b.stratum() && a.orphan() && b.orphan()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_group_keeps_the_servers_stratum_and_adds_orphan() {
        assert_eq!(group_local(None).render(), "local stratum 10 orphan");
        let l = Local::parse("stratum 8 distance 0.1").unwrap();
        assert_eq!(
            group_local(Some(&l)).render(),
            "local stratum 8 distance 0.1 orphan"
        );
        let a = Local::new(10, true, None);
        assert!(follows_rule(&a, &group_local(Some(&a))));
        assert!(!follows_rule(&a, &Local::new(11, true, None)));
        assert!(!follows_rule(&a, &Local::new(10, false, None)));
    }
}
