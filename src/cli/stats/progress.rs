//! A progress bar on standard error for a run that takes more than a
//! second, and only when standard error is a terminal (never in a pipe or
//! a log file).

use std::io::{IsTerminal, Write};
use std::time::{Duration, Instant};

const WIDTH: usize = 30;

pub struct Progress {
    label: String,
    total: u64,
    done: u64,
    start: Instant,
    drawn: Option<Instant>,
    on: bool,
}

impl Progress {
    pub fn new(label: String, total: u64) -> Progress {
        Progress {
            label,
            total,
            done: 0,
            start: Instant::now(),
            drawn: None,
            on: total > 0 && std::io::stderr().is_terminal(),
        }
    }

    pub fn add(&mut self, bytes: u64) {
        self.done = (self.done + bytes).min(self.total);
        if !self.on || self.start.elapsed() < Duration::from_secs(1) {
            return;
        }
        if self
            .drawn
            .is_some_and(|t| t.elapsed() < Duration::from_millis(100))
        {
            return;
        }
        self.drawn = Some(Instant::now());
        let part = self.done as f64 / self.total as f64;
        let full = (part * WIDTH as f64) as usize;
        let _ = write!(
            std::io::stderr(),
            "\r{} [{}{}] {:3.0} % {:.0} s",
            self.label,
            "#".repeat(full),
            "-".repeat(WIDTH - full),
            part * 100.0,
            self.start.elapsed().as_secs_f64()
        );
    }

    /// Clears the bar, if one was drawn.
    pub fn finish(&mut self) {
        if self.drawn.take().is_some() {
            let _ = write!(std::io::stderr(), "\r\x1b[K");
        }
    }
}
