//! When a backend event is worth a frame: every reply and connection
//! change at once; snapshots at once when what the status bar says
//! changes, at once on live panels when their state changes, and
//! otherwise no more often than [`LIVE_REFRESH`].

use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};
use std::time::{Duration, Instant};

use crate::ipc::Snapshot;

/// What woke the UI: snapshots come every poll and matter only to panels
/// that show live data, except for what the status bar (on every panel)
/// says; everything else always gets a frame.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Wake {
    /// A snapshot that changes the status bar (chronyd starting, an error
    /// and its reason, an alarm): shown at once on every panel.
    Status,
    /// A snapshot whose state (sync, reference, sources' states, errors)
    /// changed: shown at once.
    Changed,
    /// A snapshot with new numbers only: shown at most every
    /// [`LIVE_REFRESH`].
    Snapshot,
    Event,
}

/// How often numbers that merely moved are redrawn: a full window frame
/// costs a software renderer tens of milliseconds, and a value a second
/// later says nothing new to a person watching.
pub const LIVE_REFRESH: Duration = Duration::from_secs(2);

fn hash(f: impl FnOnce(&mut std::collections::hash_map::DefaultHasher)) -> u64 {
    use std::hash::Hasher;
    let mut h = std::collections::hash_map::DefaultHasher::new();
    f(&mut h);
    h.finish()
}

/// What about a snapshot the status bar shows.
pub(super) fn status_of(s: &Snapshot) -> u64 {
    use std::hash::Hash;
    hash(|h| {
        (s.error, &s.error_detail, s.starting, s.tracking.is_some()).hash(h);
        s.health.state.hash(h);
        for a in &s.health.alarms {
            (a.kind.id(), &a.what).hash(h);
        }
    })
}

/// What about a snapshot is worth a frame at once when it changes.
pub(super) fn state_of(s: &Snapshot) -> u64 {
    use std::hash::Hash;
    hash(|h| {
        s.error.hash(h);
        if let Some(t) = &s.tracking {
            (t.ref_id, t.stratum, t.leap_status).hash(h);
        }
        for src in &s.sources {
            (src.address.to_string(), src.state.symbol(), src.reach == 0).hash(h);
        }
    })
}

/// How a snapshot after `before` (status, state) wakes the UI.
pub(super) fn wake_for(before: Option<(u64, u64)>, s: &Snapshot) -> (Wake, (u64, u64)) {
    let now = (status_of(s), state_of(s));
    let wake = match before {
        Some((status, _)) if status != now.0 => Wake::Status,
        None => Wake::Status,
        Some((_, state)) if state != now.1 => Wake::Changed,
        Some(_) => Wake::Snapshot,
    };
    (wake, now)
}

/// Wakes the UI when an event arrives.
pub type Waker = Arc<dyn Fn(Wake) + Send + Sync>;

/// Whether the open panel shows live data, and when a frame last showed a
/// snapshot: the waker paces snapshot frames from it.
pub struct LiveGate {
    pub wanted: AtomicBool,
    last_frame: std::sync::Mutex<Instant>,
}

impl LiveGate {
    pub fn new(wanted: bool) -> LiveGate {
        LiveGate {
            wanted: AtomicBool::new(wanted),
            last_frame: std::sync::Mutex::new(Instant::now() - LIVE_REFRESH),
        }
    }

    /// A frame showed the latest snapshot.
    pub fn drawn(&self) {
        *self.last_frame.lock().unwrap_or_else(|e| e.into_inner()) = Instant::now();
    }

    /// How long until numbers that merely moved may be drawn again.
    fn due(&self) -> Duration {
        let last = *self.last_frame.lock().unwrap_or_else(|e| e.into_inner());
        (last + LIVE_REFRESH).saturating_duration_since(Instant::now())
    }
}

/// Wakes the UI for backend events: always for events other than
/// snapshots, and for snapshots that change the status bar; for other
/// snapshots only while the open panel shows live data (`gate`, if given),
/// at once when the state changed and otherwise no sooner than
/// [`LIVE_REFRESH`] after the last frame that showed one.
pub fn waker(ctx: egui::Context, gate: Option<Arc<LiveGate>>) -> Waker {
    Arc::new(move |wake| {
        let live = gate
            .as_ref()
            .is_none_or(|g| g.wanted.load(Ordering::Relaxed));
        // egui answers request_repaint() with two frames (one to settle); a
        // non-zero delay gets one, and egui subtracts the frame time so it
        // still comes at once. Requests coalesce: the earliest wins.
        let soon = Duration::from_millis(1);
        match wake {
            Wake::Event | Wake::Status => ctx.request_repaint_after(soon),
            Wake::Changed if live => ctx.request_repaint_after(soon),
            Wake::Snapshot if live => {
                let due = gate.as_ref().map_or(Duration::ZERO, |g| g.due());
                ctx.request_repaint_after(due.max(soon));
            }
            _ => {}
        }
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::codes::ErrorCode;

    #[test]
    fn a_snapshot_that_changes_the_status_bar_wakes_every_panel() {
        let starting = Snapshot {
            error: Some(ErrorCode::ChronydUnreachable),
            starting: true,
            ..Snapshot::default()
        };
        let (w, s) = wake_for(None, &starting);
        assert_eq!(w, Wake::Status);
        let (w, s) = wake_for(Some(s), &starting.clone());
        assert_eq!(w, Wake::Snapshot);
        // chronyd answers: the status bar's "starting" goes.
        let up = Snapshot {
            tracking: Some(Default::default()),
            ..Snapshot::default()
        };
        assert_eq!(wake_for(Some(s), &up).0, Wake::Status);
    }
}
