//! A reference clock of our own for the tests: samples written to chronyd's
//! `refclock SOCK` socket (refclock_sock.c's `struct sock_sample`: the
//! system time of the measurement, the offset of true time from it, a
//! pulse flag for PPS-like samples, a leap flag, the magic number), with a
//! chosen offset, jitter and pauses.

use std::os::unix::net::UnixDatagram;
use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, AtomicU64, Ordering};
use std::time::{Duration, SystemTime, UNIX_EPOCH};

const SOCK_MAGIC: i32 = 0x534f_434b;

/// One sample as chronyd reads it (40 bytes on 64-bit Linux).
pub fn sample(at: SystemTime, offset: f64, pulse: bool, leap: i32) -> Vec<u8> {
    let d = at.duration_since(UNIX_EPOCH).unwrap();
    let mut b = Vec::with_capacity(40);
    b.extend_from_slice(&(d.as_secs() as i64).to_ne_bytes());
    b.extend_from_slice(&i64::from(d.subsec_micros()).to_ne_bytes());
    b.extend_from_slice(&offset.to_ne_bytes());
    b.extend_from_slice(&i32::from(pulse).to_ne_bytes());
    b.extend_from_slice(&leap.to_ne_bytes());
    b.extend_from_slice(&0i32.to_ne_bytes());
    b.extend_from_slice(&SOCK_MAGIC.to_ne_bytes());
    b
}

/// Sends a sample every `every` until dropped; pausable (a GPS losing its
/// fix), its offset changeable.
pub struct Feeder {
    stop: Arc<AtomicBool>,
    pub paused: Arc<AtomicBool>,
    /// The offset of true time from the system clock (f64 bits).
    offset: Arc<AtomicU64>,
    thread: Option<std::thread::JoinHandle<()>>,
}

impl Feeder {
    /// `jitter`: each sample's offset moves by up to ± this much (a fixed
    /// pattern, so a test run repeats).
    pub fn start(socket: &Path, offset: f64, jitter: f64, pulse: bool, every: Duration) -> Feeder {
        let stop = Arc::new(AtomicBool::new(false));
        let paused = Arc::new(AtomicBool::new(false));
        let off = Arc::new(AtomicU64::new(offset.to_bits()));
        let (s, p, o) = (Arc::clone(&stop), Arc::clone(&paused), Arc::clone(&off));
        let path: PathBuf = socket.to_path_buf();
        let thread = std::thread::spawn(move || {
            let sock = UnixDatagram::unbound().unwrap();
            let mut n: u32 = 0;
            while !s.load(Ordering::Relaxed) {
                if !p.load(Ordering::Relaxed) {
                    // -1, -0.5, 0, 0.5, 1 times the jitter, over and over.
                    let wobble = jitter * (f64::from(n % 5) - 2.0) / 2.0;
                    let value = f64::from_bits(o.load(Ordering::Relaxed)) + wobble;
                    // chronyd creates the socket when it starts: until then
                    // a sample has nowhere to go.
                    let _ = sock.send_to(&sample(SystemTime::now(), value, pulse, 0), &path);
                    n += 1;
                }
                std::thread::sleep(every);
            }
        });
        Feeder {
            stop,
            paused,
            offset: off,
            thread: Some(thread),
        }
    }

    pub fn pause(&self, paused: bool) {
        self.paused.store(paused, Ordering::Relaxed);
    }

    pub fn set_offset(&self, offset: f64) {
        self.offset.store(offset.to_bits(), Ordering::Relaxed);
    }
}

impl Drop for Feeder {
    fn drop(&mut self) {
        self.stop.store(true, Ordering::Relaxed);
        if let Some(t) = self.thread.take() {
            let _ = t.join();
        }
    }
}
