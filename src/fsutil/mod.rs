//! The filesystem as root must use it where other users also write: the
//! trust rule ([`trust`]), opening without following links or blocking
//! ([`open`]), sockets bound with their final mode ([`sock`]), files
//! written through a directory descriptor ([`dir`]) and atomic writes with
//! backups ([`atomic`]).

pub mod atomic;
pub mod dir;
pub mod open;
pub mod sock;
pub mod trust;

pub use atomic::{
    backup_path, create_dir_chain, prune_backups, write_atomic, write_atomic_all,
    write_atomic_private, write_backup, write_target,
};
