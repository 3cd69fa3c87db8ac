//! The helper's own Prometheus page (`--metrics-listen`): built once per
//! poll on a blocking thread, from what any local user may see (no client
//! list, no server statistics: a TCP scraper has no uid to check), and
//! served by [`crate::exporter`] without touching the runtime's other work.
//! `stratum metrics` serves the same page from an unprivileged process.

use std::sync::Arc;

use tokio::sync::watch;

use super::state::{Shared, public_view};
use super::types::lock;
use super::watch::Watched;
use crate::core::metrics::{MAX_PAGE_BYTES, Target, page};
use crate::core::snapshot::Snapshot;

/// The page for a snapshot and the watched hosts.
pub fn render(local: Option<&Snapshot>, watched: &[Watched]) -> String {
    let mut targets = vec![Target::local(local)];
    targets.extend(watched.iter().map(Watched::target));
    page(&targets, MAX_PAGE_BYTES)
}

/// Rebuilds the page after every poll until the helper stops.
pub async fn build_pages(shared: Arc<Shared>, page_tx: watch::Sender<Arc<[u8]>>) {
    let mut latest = shared.latest.subscribe();
    loop {
        if latest.changed().await.is_err() {
            return;
        }
        let snap = latest
            .borrow_and_update()
            .as_ref()
            .map(|e| public_view(&e.snapshot));
        let watched = lock(&shared.fleet).clone();
        let built =
            tokio::task::spawn_blocking(move || render(snap.as_ref(), &watched).into_bytes()).await;
        if let Ok(bytes) = built {
            page_tx.send_replace(Arc::from(bytes));
        }
    }
}
