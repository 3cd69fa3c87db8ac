//! chronyd's own logs (`log tracking measurements statistics`): what each
//! column holds, how a record splits into them, and which log (or Stratum
//! CSV export) a file is, read from its content. Pure: the helper's import
//! and `stratum stats` stream files through it.
//!
//! The record layouts are chronyd's `LOG_FileWrite` formats, the same in
//! every release from 4.0 to 4.9 (reference.c, ntp_core.c and
//! sourcestats.c at the tags 4.0, 4.3, 4.6.1 and 4.8, and the strings of
//! the 4.9 chronyd built here): only the selection log (4.3) was added.
//! The meaning of each column is chrony.conf(5)'s description of the
//! `log` directive, quoted beside [`LogKind::column`].

pub mod csvrow;
mod detect;
pub mod lines;
mod number;
mod record;

pub use detect::{Content, HEAD_BYTES, OtherLog, detect};
pub use number::{parse_number, parse_time};
pub use record::{Column, LogKind, MAX_NAME, Record, Sign, column, columns, split_record};
