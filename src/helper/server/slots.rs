//! Connection places: a share per unprivileged uid, a pool for all of
//! them, and room kept apart for the privileged.

use std::collections::HashMap;
use std::sync::{Arc, Mutex};

use crate::helper::types::lock;

/// Connections one unprivileged user may hold.
pub const MAX_PER_UID: usize = 8;
/// Connections all unprivileged users may hold together.
pub const MAX_UNPRIVILEGED: usize = 64;
/// Connections root, the helper's user and the admin group may hold (apart
/// from the others: a crowd of other users never locks them out).
pub const MAX_PRIVILEGED: usize = 64;

/// Connection counts, released when a [`Slot`] drops.
#[derive(Default)]
pub struct Slots {
    counts: Mutex<Counts>,
}

#[derive(Default)]
struct Counts {
    per_uid: HashMap<u32, usize>,
    unprivileged: usize,
    privileged: usize,
}

/// A connection's place. Every peer but root and the helper's own user
/// holds one of its uid's [`MAX_PER_UID`] first, taken before anything
/// asks NSS about it; then one of its pool's, once its access is known.
pub struct Slot {
    slots: Arc<Slots>,
    uid: u32,
    /// Counted in the uid's share.
    per_uid: bool,
    /// In a pool: `Some(true)` the privileged one.
    pool: Option<bool>,
}

impl Slots {
    /// The place of a peer whose uid alone says it is privileged (root,
    /// the helper's user), or the uid's share for anyone else: decided
    /// from the peer's credentials, before any lookup.
    pub(super) fn take_uid(self: &Arc<Self>, uid: u32, owner: bool) -> Option<Slot> {
        {
            // (Released before a Slot exists: its drop takes the lock.)
            let mut c = lock(&self.counts);
            if owner {
                if c.privileged >= MAX_PRIVILEGED {
                    return None;
                }
                c.privileged += 1;
            } else {
                let mine = c.per_uid.entry(uid).or_default();
                if *mine >= MAX_PER_UID {
                    return None;
                }
                *mine += 1;
            }
        }
        Some(Slot {
            slots: Arc::clone(self),
            uid,
            per_uid: !owner,
            pool: owner.then_some(true),
        })
    }

    /// A place in a pool for a peer that holds its uid's share, once its
    /// access is known (the admin group's members use the privileged
    /// pool: a crowd of other users never locks them out).
    pub(super) fn take_pool(&self, slot: &mut Slot, privileged: bool) -> bool {
        if slot.pool.is_some() {
            return true;
        }
        let mut c = lock(&self.counts);
        let (used, max) = if privileged {
            (&mut c.privileged, MAX_PRIVILEGED)
        } else {
            (&mut c.unprivileged, MAX_UNPRIVILEGED)
        };
        if *used >= max {
            return false;
        }
        *used += 1;
        slot.pool = Some(privileged);
        true
    }
}

impl Drop for Slot {
    fn drop(&mut self) {
        let mut c = lock(&self.slots.counts);
        match self.pool {
            Some(true) => c.privileged -= 1,
            Some(false) => c.unprivileged -= 1,
            None => {}
        }
        if self.per_uid
            && let Some(n) = c.per_uid.get_mut(&self.uid)
        {
            *n -= 1;
            if *n == 0 {
                c.per_uid.remove(&self.uid);
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_uid_over_its_share_is_refused_and_places_come_back() {
        let slots = Arc::new(Slots::default());
        let mut mine: Vec<Slot> = (0..MAX_PER_UID)
            .map(|_| slots.take_uid(4242, false).expect("within the share"))
            .collect();
        assert!(slots.take_uid(4242, false).is_none(), "over the share");
        // Another user and root are not held back by it.
        let mut other = slots.take_uid(4343, false).unwrap();
        assert!(slots.take_pool(&mut other, false));
        assert!(slots.take_uid(0, true).is_some());
        for s in &mut mine {
            assert!(slots.take_pool(s, false));
        }
        mine.pop();
        assert!(slots.take_uid(4242, false).is_some(), "a place came back");
        drop(mine);
        let c = lock(&slots.counts);
        assert_eq!((c.unprivileged, c.privileged), (1, 0));
        assert_eq!(c.per_uid.get(&4242), None);
    }
}
