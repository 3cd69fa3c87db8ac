//! The pure core: no IO, no UI. Everything here is plain data and functions.

pub mod cmdmon;
pub mod conf;
