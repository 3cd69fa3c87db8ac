//! The privileged side: talks to chronyd, supervises it, serves the GUI.

pub mod cmdmon;
