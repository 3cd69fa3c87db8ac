//! A peer's access, looked up off the async thread and a few at a time.

use std::sync::Arc;

use crate::helper::auth::{Access, Peer};
use crate::helper::state::Shared;

/// NSS lookups under way at most (each holds a thread of the blocking
/// pool; LDAP may be slow): a flood of connections queues here instead of
/// growing threads.
const MAX_LOOKUPS: usize = 4;

fn lookups() -> &'static tokio::sync::Semaphore {
    static LOOKUPS: tokio::sync::Semaphore = tokio::sync::Semaphore::const_new(MAX_LOOKUPS);
    &LOOKUPS
}

/// The peer's access now (NSS, off the async thread when it is needed).
pub(super) async fn peer_access(shared: &Arc<Shared>, peer: Peer) -> Access {
    if shared.policy.is_owner(peer) {
        return Access::Change;
    }
    let Ok(_permit) = lookups().acquire().await else {
        return Access::Monitor;
    };
    let policy = shared.policy.clone();
    tokio::task::spawn_blocking(move || policy.access(peer))
        .await
        .unwrap_or(Access::Monitor)
}
