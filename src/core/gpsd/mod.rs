//! gpsd as a time source: its JSON reports (gpsd_json(5): DEVICES, TPV,
//! SKY, PPS) folded into what a time-server admin asks — which
//! receivers, is there a fix, how many satellites are used, is a PPS
//! seen — and the refclock lines chronyd needs to take gpsd's time.
//!
//! gpsd is outside the process: each line is capped and parsed on its
//! own, counts are capped, unknown classes and fields are ignored.

mod report;
mod shm;

pub use report::{DEFAULT_PORT, GpsdDevice, GpsdReport, MAX_DEVICES, MAX_LINE, WATCH};
pub use shm::{NoShm, ShmUnits, SourceKind, Unfed, no_shm, refclock_lines, shm_units, unfed};
