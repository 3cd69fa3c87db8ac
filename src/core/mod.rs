//! The pure core: no IO, no UI. Everything here is plain data and functions.

pub mod alarm;
pub mod calibrate;
pub mod chronylog;
pub mod cmdmon;
pub mod codes;
pub mod conf;
pub mod explain;
pub mod export;
pub mod gpsd;
pub mod health;
pub mod history;
pub mod ids;
pub mod leap;
pub mod metrics;
pub mod ntp;
pub mod nts;
pub mod roster;
pub mod series;
pub mod snapshot;
pub mod stats;
pub mod text;
pub mod time;

pub use time::civil_from_unix;
