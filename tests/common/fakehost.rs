//! A watched host that lies: a UDP server on loopback speaking chrony's
//! cmdmon reply format (candm.h: 28-byte header, then the report) with
//! whatever counts and bytes a test wants. Stopped when dropped.

use std::net::UdpSocket;
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, AtomicU64, Ordering};
use std::thread::JoinHandle;
use std::time::Duration;

/// How the fake answers.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Lie {
    /// `N_SOURCES` says this many, and each source index is answered.
    Sources(u32),
    /// Every reply is random bytes of random length.
    Garbage,
    /// Replies cut short by a random number of bytes.
    Truncated,
    /// Replies with bytes added after the report.
    Oversized,
    /// Replies with the wrong sequence number (a spoofer guessing).
    Spoofed,
    /// Eight sources whose addresses are new random ones at every request.
    Wandering,
}

pub struct FakeHost {
    pub port: u16,
    stop: Arc<AtomicBool>,
    pub requests: Arc<AtomicU64>,
    thread: Option<JoinHandle<()>>,
}

const REQ_N_SOURCES: u16 = 14;
const REQ_SOURCE_DATA: u16 = 15;
const REQ_TRACKING: u16 = 33;
const RPY_N_SOURCES: u16 = 2;
const RPY_SOURCE_DATA: u16 = 3;
const RPY_TRACKING: u16 = 5;

fn header(command: u16, reply: u16, sequence: u32) -> Vec<u8> {
    let mut b = vec![6, 2, 0, 0];
    b.extend_from_slice(&command.to_be_bytes());
    b.extend_from_slice(&reply.to_be_bytes());
    b.extend_from_slice(&0u16.to_be_bytes());
    b.extend_from_slice(&[0; 6]);
    b.extend_from_slice(&sequence.to_be_bytes());
    b.extend_from_slice(&[0; 8]);
    b
}

/// A plain tracking report: stratum 2, following 127.0.0.2.
fn tracking() -> Vec<u8> {
    let mut d = Vec::new();
    d.extend_from_slice(&0x7f00_0002u32.to_be_bytes());
    let mut ip = [0u8; 20];
    ip[..4].copy_from_slice(&[127, 0, 0, 2]);
    ip[16..18].copy_from_slice(&1u16.to_be_bytes());
    d.extend_from_slice(&ip);
    d.extend_from_slice(&2u16.to_be_bytes());
    d.extend_from_slice(&0u16.to_be_bytes());
    d.resize(76, 0);
    d
}

/// Source `i`: 10.x.y.z, a server, reachable.
fn source(i: u32) -> Vec<u8> {
    let mut d = Vec::new();
    let mut ip = [0u8; 20];
    ip[..4].copy_from_slice(&(0x0a00_0000 | (i & 0x00ff_ffff)).to_be_bytes());
    ip[16..18].copy_from_slice(&1u16.to_be_bytes());
    d.extend_from_slice(&ip);
    d.extend_from_slice(&6i16.to_be_bytes()); // poll
    d.extend_from_slice(&2u16.to_be_bytes()); // stratum
    d.extend_from_slice(&5u16.to_be_bytes()); // state: '-'
    d.extend_from_slice(&0u16.to_be_bytes()); // mode: server
    d.extend_from_slice(&0u16.to_be_bytes()); // flags
    d.extend_from_slice(&0o377u16.to_be_bytes()); // reach
    d.extend_from_slice(&12u32.to_be_bytes()); // last sample
    d.resize(48, 0);
    d
}

/// A small xorshift: the fake's "random" bytes, the same on every run.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0
    }
}

impl FakeHost {
    pub fn start(lie: Lie) -> FakeHost {
        let sock = UdpSocket::bind("127.0.0.1:0").unwrap();
        sock.set_read_timeout(Some(Duration::from_millis(50)))
            .unwrap();
        let port = sock.local_addr().unwrap().port();
        let stop = Arc::new(AtomicBool::new(false));
        let requests = Arc::new(AtomicU64::new(0));
        let (stop2, requests2) = (Arc::clone(&stop), Arc::clone(&requests));
        let thread = std::thread::spawn(move || {
            let mut rng = Rng(0x9e37_79b9_7f4a_7c15);
            let mut buf = [0u8; 1024];
            while !stop2.load(Ordering::Relaxed) {
                let Ok((n, from)) = sock.recv_from(&mut buf) else {
                    continue;
                };
                requests2.fetch_add(1, Ordering::Relaxed);
                if n < 20 {
                    continue;
                }
                let command = u16::from_be_bytes([buf[4], buf[5]]);
                let sequence = u32::from_be_bytes([buf[8], buf[9], buf[10], buf[11]]);
                let index = u32::from_be_bytes([buf[20], buf[21], buf[22], buf[23]]);
                let (reply, data) = match (command, lie) {
                    (REQ_TRACKING, _) => (RPY_TRACKING, tracking()),
                    (REQ_N_SOURCES, Lie::Sources(n)) => (RPY_N_SOURCES, n.to_be_bytes().to_vec()),
                    (REQ_N_SOURCES, Lie::Wandering) => (RPY_N_SOURCES, 8u32.to_be_bytes().to_vec()),
                    (REQ_N_SOURCES, _) => (RPY_N_SOURCES, 3u32.to_be_bytes().to_vec()),
                    (REQ_SOURCE_DATA, Lie::Wandering) => {
                        (RPY_SOURCE_DATA, source(rng.next() as u32))
                    }
                    (REQ_SOURCE_DATA, _) => (RPY_SOURCE_DATA, source(index)),
                    _ => continue,
                };
                let seq = if lie == Lie::Spoofed {
                    sequence.wrapping_add(1 + rng.next() as u32 % 1000)
                } else {
                    sequence
                };
                let mut packet = header(command, reply, seq);
                packet.extend_from_slice(&data);
                match lie {
                    Lie::Garbage => {
                        let len = (rng.next() % 600) as usize;
                        packet = (0..len).map(|_| rng.next() as u8).collect();
                        // Some of it looks like a reply to this request.
                        if len >= 28 && rng.next() % 2 == 0 {
                            packet[..4].copy_from_slice(&[6, 2, 0, 0]);
                            packet[4..6].copy_from_slice(&command.to_be_bytes());
                            packet[16..20].copy_from_slice(&sequence.to_be_bytes());
                            packet[8..10].copy_from_slice(&[0, 0]);
                        }
                    }
                    Lie::Truncated => {
                        let cut = 1 + (rng.next() as usize % (packet.len() - 1));
                        packet.truncate(packet.len() - cut);
                    }
                    Lie::Oversized => {
                        let extra = 1 + (rng.next() % 400) as usize;
                        packet.extend((0..extra).map(|_| 0xff));
                    }
                    _ => {}
                }
                let _ = sock.send_to(&packet, from);
            }
        });
        FakeHost {
            port,
            stop,
            requests,
            thread: Some(thread),
        }
    }

    pub fn spec(&self) -> String {
        format!("127.0.0.1:{}", self.port)
    }
}

impl Drop for FakeHost {
    fn drop(&mut self) {
        self.stop.store(true, Ordering::Relaxed);
        if let Some(t) = self.thread.take() {
            let _ = t.join();
        }
    }
}
