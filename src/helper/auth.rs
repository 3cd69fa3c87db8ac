//! Who may do what, from the peer's credentials (SO_PEERCRED) and NSS group
//! membership looked up again for every privileged request, so a member
//! removed from a group loses access without a restart.
//!
//! - anyone who can reach the socket reads what chronyc gives any user
//!   (tracking, sources, sourcestats, activity, history);
//! - root, the helper's own user, the admin group and chrony's group also read
//!   the configuration file, the NTP client list and the server statistics;
//! - root, the helper's own user and the admin group change things. The admin
//!   group is root-equivalent for time: it may rewrite chrony.conf.

/// What a peer may do, from least to most.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Access {
    /// What chronyc gives any user.
    Monitor,
    /// Also the configuration, clients and server statistics.
    Read,
    /// Also apply and actions.
    Change,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Peer {
    pub uid: u32,
    pub gid: u32,
}

#[derive(Debug, Clone)]
pub struct Policy {
    pub own_uid: u32,
    /// The admin group's name (looked up on each check).
    pub admin_group: Option<String>,
    /// chrony's own group (`_chrony`, `chrony`).
    pub chrony_group: Option<String>,
}

impl Policy {
    /// Decided without NSS: root and the helper's own user.
    pub fn is_owner(&self, peer: Peer) -> bool {
        peer.uid == 0 || peer.uid == self.own_uid
    }

    /// The peer's access now. Blocking (NSS may ask LDAP): call it off the
    /// async threads.
    pub fn access(&self, peer: Peer) -> Access {
        if self.is_owner(peer) {
            return Access::Change;
        }
        let groups = crate::sys::groups_of(peer.uid, peer.gid);
        let member = |name: &Option<String>| {
            name.as_deref()
                .and_then(crate::sys::group_id)
                .is_some_and(|g| groups.contains(&g))
        };
        if member(&self.admin_group) {
            Access::Change
        } else if member(&self.chrony_group) {
            Access::Read
        } else {
            Access::Monitor
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn root_and_the_owner_change_others_monitor() {
        let p = Policy {
            own_uid: 1000,
            admin_group: Some("no-such-group-here".into()),
            chrony_group: None,
        };
        assert_eq!(p.access(Peer { uid: 0, gid: 0 }), Access::Change);
        assert_eq!(
            p.access(Peer {
                uid: 1000,
                gid: 1000
            }),
            Access::Change
        );
        assert_eq!(
            p.access(Peer {
                uid: 4242,
                gid: 4242
            }),
            Access::Monitor
        );
        // Membership by NSS: root's primary group is `root`.
        let g = Policy {
            own_uid: 1000,
            admin_group: None,
            chrony_group: Some("root".into()),
        };
        assert_eq!(g.access(Peer { uid: 4242, gid: 0 }), Access::Read);
    }
}
