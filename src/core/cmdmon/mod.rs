//! chrony's control protocol: the wire format (`wire`) apart from the
//! reports it carries (`reports`), as chrony keeps `candm.h` apart from
//! `reports.h`, and the requests encoded per release (`request`). No IO
//! here; `crate::helper::cmdmon` sends and receives.

mod decode;
pub mod reports;
pub mod request;
pub mod wire;

pub use reports::*;
pub use request::{AddSource, LocalParams, Request};
pub use wire::{Status, WireAddr, WireError};
