//! The backend's threads, started and stopped from the window: one for
//! the helper, one for this machine's work.

use std::path::PathBuf;
use std::sync::mpsc::{Receiver, Sender, channel};
use std::time::{Duration, Instant};

use super::messages::{Event, Launch, Request};
use super::wake::Waker;
use super::{helper, local};

pub struct Backend {
    helper_tx: Sender<Request>,
    local_tx: Sender<Request>,
    pub rx: Receiver<Event>,
    threads: Vec<std::thread::JoinHandle<()>>,
}

impl Backend {
    /// Starts the IO threads. `socket`: the helper to use (else the default
    /// ones, else a lab helper is started running `chronyd`).
    pub fn start(socket: Option<PathBuf>, chronyd: Option<PathBuf>, waker: Waker) -> Backend {
        Self::launch(
            Launch {
                socket,
                chronyd,
                ..Launch::default()
            },
            waker,
        )
    }

    /// Starts the IO threads, finding or starting the helper as `how`
    /// says.
    pub fn launch(how: Launch, waker: Waker) -> Backend {
        let (helper_tx, helper_rx) = channel::<Request>();
        let (local_tx, local_rx) = channel::<Request>();
        let (events, rx) = channel::<Event>();
        let remote = how
            .socket
            .as_ref()
            .is_some_and(|s| s.to_string_lossy().starts_with("ssh://"));
        let mut threads = Vec::new();
        {
            let (events, waker, chronyd) = (events.clone(), waker.clone(), how.chronyd.clone());
            threads.push(
                std::thread::Builder::new()
                    .name("stratum-local".into())
                    .spawn(move || local::run(chronyd, remote, local_rx, events, waker))
                    .expect("local IO thread"),
            );
        }
        threads.push(
            std::thread::Builder::new()
                .name("stratum-backend".into())
                .spawn(move || helper::run(how, helper_rx, events, waker))
                .expect("backend thread"),
        );
        Backend {
            helper_tx,
            local_tx,
            rx,
            threads,
        }
    }

    /// A backend with no helper (UI tests, offline use): this machine's
    /// work is still done; requests to a helper go nowhere.
    pub fn offline(waker: Waker) -> Backend {
        let (helper_tx, _) = channel();
        let (local_tx, local_rx) = channel::<Request>();
        let (events, rx) = channel::<Event>();
        let thread = std::thread::Builder::new()
            .name("stratum-local".into())
            .spawn(move || local::run(None, false, local_rx, events, waker))
            .expect("local IO thread");
        Backend {
            helper_tx,
            local_tx,
            rx,
            threads: vec![thread],
        }
    }

    pub fn send(&self, r: Request) {
        let tx = if r.command.is_local() {
            &self.local_tx
        } else {
            &self.helper_tx
        };
        let _ = tx.send(r);
    }

    /// Lets the IO threads go without waiting for them (a reconnect from a
    /// frame): they end when they next look at their closed channels, and
    /// a lab helper they started stops then.
    pub fn detach(&mut self) {
        self.helper_tx = channel().0;
        self.local_tx = channel().0;
        self.threads.clear();
    }

    /// Closes the channels and waits (a few seconds at most) for the IO
    /// threads, which stop a lab helper they started.
    pub fn shutdown(&mut self) {
        self.helper_tx = channel().0;
        self.local_tx = channel().0;
        let start = Instant::now();
        for t in self.threads.drain(..) {
            while !t.is_finished() && start.elapsed() < Duration::from_secs(8) {
                std::thread::sleep(Duration::from_millis(20));
            }
            if t.is_finished() {
                let _ = t.join();
            }
        }
    }
}
