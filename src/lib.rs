//! Stratum: a desktop control panel for chrony time servers.
//!
//! `core` is pure (parsing, lint, formats); `i18n` holds the translated
//! texts; `cli` is the command-line edge.

pub mod cli;
pub mod core;
pub mod exporter;
pub mod fsutil;
#[cfg(feature = "gui")]
pub mod gui;
pub mod helper;
pub mod i18n;
pub mod includes;
pub mod ipc;
pub mod ntsfiles;
pub mod sys;
