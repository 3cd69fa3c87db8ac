//! The GUI's IO, off the frame: one thread talks to the helper (and starts
//! a lab helper when none answers), another does this machine's work (lint
//! against the files here, settings, imports and exports, `chronyd -v`, the
//! routing table). The UI sends [`Request`]s (a [`Command`] with an id) and
//! receives [`Event`]s: a reply names the request it answers
//! ([`Event::Reply`]), so it goes to whoever asked; pushed events (snapshots,
//! the connection) name none. Every event wakes the UI, so the UI is idle
//! when nothing happens.

mod helper;
mod local;
mod messages;
mod threads;
mod wake;

pub use local::png_bytes;
pub use messages::{
    Command, Contents, Event, Follow, Launch, ReadError, Request, RequestId, Stage, StatsResult,
};
pub use threads::Backend;
pub use wake::{LIVE_REFRESH, LiveGate, Wake, Waker, waker};
