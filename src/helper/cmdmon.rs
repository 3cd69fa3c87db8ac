//! The IO side of cmdmon: an async client over chronyd's Unix command socket
//! (every command) or UDP (monitoring a remote chronyd), with a timeout that
//! doubles on each retry, as chronyc does.

use std::io;
use std::net::{IpAddr, SocketAddr};
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicU32, Ordering};
use std::time::Duration;

use tokio::net::{UdpSocket, UnixDatagram};
use tokio::time::Instant;

use crate::core::cmdmon::wire::{MAX_REPLY_LEN, limits};
use crate::core::cmdmon::{
    Activity, AuthData, Client, NtpData, Reply, Request, RtcReport, SelectData, ServerStats,
    Smoothing, SourceData, SourceStats, Status, Tracking, WireAddr, WireError,
};
use crate::core::codes::ErrorCode;
use crate::core::conf::ChronyVersion;

/// Where chronyd listens for commands.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Endpoint {
    Unix(PathBuf),
    Udp(SocketAddr),
}

#[derive(Debug, thiserror::Error)]
pub enum CmdmonError {
    #[error("cannot reach chronyd: {0}")]
    Io(#[from] io::Error),
    #[error("chronyd did not answer")]
    Timeout,
    #[error("chronyd refused: {0}")]
    Refused(Status),
    #[error("unexpected reply from chronyd: {0}")]
    Protocol(WireError),
    /// The running release has no such request.
    #[error("not supported by chrony {0}")]
    Unsupported(String),
}

impl CmdmonError {
    /// A stable code for the GUI/CLI to translate.
    pub fn code(&self) -> ErrorCode {
        match self {
            CmdmonError::Io(_) => ErrorCode::ChronydUnreachable,
            CmdmonError::Timeout => ErrorCode::ChronydTimeout,
            CmdmonError::Refused(Status::Unauthorised) => ErrorCode::ChronydNotAuthorised,
            CmdmonError::Refused(_) => ErrorCode::ChronydRefused,
            CmdmonError::Protocol(_) => ErrorCode::ChronydProtocol,
            CmdmonError::Unsupported(_) => ErrorCode::ChronydUnsupported,
        }
    }
}

enum Sock {
    Unix(UnixDatagram),
    Udp(UdpSocket),
}

/// How long a caller waits for chronyd, by what it is doing: one place for
/// the timeouts and retries every task uses.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Patience {
    /// Waiting for a starting chronyd to answer: asked again and again, so
    /// each try is short and never repeated.
    Startup,
    /// The local chronyd, polled every second or changed by an apply.
    Local,
    /// A watched host over the network (one poll has a budget of its own).
    Remote,
}

impl Patience {
    fn timeout_and_retries(self) -> (Duration, u32) {
        match self {
            Patience::Startup => (Duration::from_millis(200), 0),
            Patience::Local => (Duration::from_millis(300), 1),
            Patience::Remote => (Duration::from_millis(400), 1),
        }
    }
}

pub struct CmdmonClient {
    sock: Sock,
    /// Our own socket file, removed on drop.
    local_path: Option<PathBuf>,
    pub timeout: Duration,
    pub retries: u32,
    /// The release on the other end: which request variants it takes.
    pub version: ChronyVersion,
    sequence: u32,
    buf: Vec<u8>,
}

/// Clients listed in one snapshot: a busy server's whole table (chronyd
/// keeps up to 16 million records) would make every poll a multi-megabyte
/// message; the count of the rest is reported instead.
pub const MAX_CLIENTS_LISTED: usize = 50_000;

static CLIENT_COUNTER: AtomicU32 = AtomicU32::new(0);

/// A random 32-bit value without a dependency: the std hasher's keys are
/// seeded from the OS.
fn random_u32() -> u32 {
    use std::hash::{BuildHasher, Hasher};
    let mut h = std::collections::hash_map::RandomState::new().build_hasher();
    h.write_u32(CLIENT_COUNTER.load(Ordering::Relaxed));
    h.finish() as u32
}

/// Binds the reply socket chronyd answers to: a file in chronyd's own socket
/// directory (the one place every chronyd can reach), which chronyd — often
/// running as `_chrony` while we are root — must be able to write to, as
/// chronyc arranges. That directory is chronyd's user's: the socket gets
/// its mode 0666 at `bind` (never a chmod by path afterwards, which a link
/// swapped in between would carry to any file of root's).
fn bind_reply_socket(server: &Path) -> io::Result<(UnixDatagram, PathBuf)> {
    let dir = server.parent().unwrap_or(Path::new("/"));
    let n = CLIENT_COUNTER.fetch_add(1, Ordering::Relaxed);
    let local = dir.join(format!("stratum.{}.{n}.sock", std::process::id()));
    // A stale one of ours (unlink never follows a link).
    let _ = std::fs::remove_file(&local);
    let s = crate::fsutil::sock::bind_datagram(&local, 0o666)?;
    let ready = s
        .set_nonblocking(true)
        .and_then(|()| s.connect(server))
        .and_then(|()| UnixDatagram::from_std(s));
    match ready {
        Ok(s) => Ok((s, local)),
        Err(e) => {
            let _ = std::fs::remove_file(&local);
            Err(e)
        }
    }
}

impl CmdmonClient {
    /// Sets how long each request waits and how often it is sent again.
    pub fn set_patience(&mut self, p: Patience) {
        (self.timeout, self.retries) = p.timeout_and_retries();
    }

    pub async fn connect(endpoint: &Endpoint) -> Result<Self, CmdmonError> {
        let (sock, local_path) = match endpoint {
            Endpoint::Unix(server) => {
                let (s, local) = bind_reply_socket(server)?;
                (Sock::Unix(s), Some(local))
            }
            Endpoint::Udp(addr) => {
                let bind: SocketAddr = if addr.is_ipv4() {
                    (std::net::Ipv4Addr::UNSPECIFIED, 0).into()
                } else {
                    (std::net::Ipv6Addr::UNSPECIFIED, 0).into()
                };
                let s = UdpSocket::bind(bind).await?;
                s.connect(addr).await?;
                (Sock::Udp(s), None)
            }
        };
        Ok(CmdmonClient {
            sock,
            local_path,
            timeout: Duration::from_millis(1000),
            retries: 2,
            version: ChronyVersion::LATEST,
            sequence: random_u32(),
            buf: vec![0u8; MAX_REPLY_LEN + 64],
        })
    }

    async fn send(&self, buf: &[u8]) -> io::Result<usize> {
        match &self.sock {
            Sock::Unix(s) => s.send(buf).await,
            Sock::Udp(s) => s.send(buf).await,
        }
    }

    async fn recv(sock: &Sock, buf: &mut [u8]) -> io::Result<usize> {
        match sock {
            Sock::Unix(s) => s.recv(buf).await,
            Sock::Udp(s) => s.recv(buf).await,
        }
    }

    /// Sends a request and waits for its reply, resending with a doubled
    /// timeout when none comes.
    pub async fn request(&mut self, request: &Request) -> Result<Reply, CmdmonError> {
        for attempt in 0..=self.retries {
            self.sequence = self.sequence.wrapping_add(1) ^ random_u32();
            let sequence = self.sequence;
            let packet = match request.encode(sequence, attempt as u16, self.version) {
                Ok(p) => p,
                Err(WireError::Unsupported { version }) => {
                    return Err(CmdmonError::Unsupported(version));
                }
                Err(e) => return Err(CmdmonError::Protocol(e)),
            };
            self.send(&packet).await?;
            let deadline = Instant::now() + self.timeout * (1 << attempt.min(8));
            loop {
                let n =
                    match tokio::time::timeout_at(deadline, Self::recv(&self.sock, &mut self.buf))
                        .await
                    {
                        Err(_elapsed) => break,
                        Ok(Ok(n)) => n,
                        Ok(Err(e)) => return Err(e.into()),
                    };
                match request.decode(&self.buf[..n], sequence, self.version) {
                    Ok(reply) => return Ok(reply),
                    Err(WireError::Status(s)) => return Err(CmdmonError::Refused(s)),
                    // A late reply to an earlier attempt, or not a reply.
                    Err(
                        WireError::OtherSequence
                        | WireError::OtherCommand
                        | WireError::NotReply
                        | WireError::ShortHeader,
                    ) => continue,
                    Err(WireError::ShortReply { .. }) => break,
                    Err(e) => return Err(CmdmonError::Protocol(e)),
                }
            }
        }
        Err(CmdmonError::Timeout)
    }

    async fn expect<T>(
        &mut self,
        r: &Request,
        f: impl FnOnce(Reply) -> Option<T>,
    ) -> Result<T, CmdmonError> {
        let reply = self.request(r).await?;
        f(reply).ok_or(CmdmonError::Protocol(WireError::UnexpectedReply {
            got: 0,
            expected: 0,
        }))
    }

    pub async fn tracking(&mut self) -> Result<Tracking, CmdmonError> {
        self.expect(&Request::Tracking, |r| match r {
            Reply::Tracking(t) => Some(t),
            _ => None,
        })
        .await
    }

    pub async fn n_sources(&mut self) -> Result<u32, CmdmonError> {
        self.expect(&Request::NSources, |r| match r {
            Reply::NSources(n) => Some(n),
            _ => None,
        })
        .await
    }

    /// How many sources chronyd has. A count beyond chronyd's own limit is
    /// a protocol error: nothing is sized from it.
    pub async fn n_sources_checked(&mut self) -> Result<u32, CmdmonError> {
        let n = self.n_sources().await?;
        if n > limits::MAX_SOURCES {
            return Err(CmdmonError::Protocol(WireError::Count {
                what: "sources",
                got: u64::from(n),
                limit: u64::from(limits::MAX_SOURCES),
            }));
        }
        Ok(n)
    }

    /// One request per source index, as chronyc does for its tables, for
    /// the first `at_most` sources. The vector grows with the answers, never
    /// with the count a reply claims.
    async fn per_source<T>(
        &mut self,
        request: fn(u32) -> Request,
        pick: fn(Reply) -> Option<T>,
        at_most: u32,
    ) -> Result<Vec<T>, CmdmonError> {
        let n = self.n_sources_checked().await?.min(at_most);
        let mut out = Vec::new();
        for i in 0..n {
            out.push(self.expect(&request(i), pick).await?);
        }
        Ok(out)
    }

    pub async fn sources(&mut self) -> Result<Vec<SourceData>, CmdmonError> {
        self.sources_at_most(limits::MAX_SOURCES).await
    }

    /// The first `at_most` sources (a watched host's are bounded).
    pub async fn sources_at_most(&mut self, at_most: u32) -> Result<Vec<SourceData>, CmdmonError> {
        self.per_source(
            Request::SourceData,
            |r| match r {
                Reply::SourceData(s) => Some(s),
                _ => None,
            },
            at_most,
        )
        .await
    }

    pub async fn sourcestats(&mut self) -> Result<Vec<SourceStats>, CmdmonError> {
        self.per_source(
            Request::SourceStats,
            |r| match r {
                Reply::SourceStats(s) => Some(s),
                _ => None,
            },
            limits::MAX_SOURCES,
        )
        .await
    }

    pub async fn selectdata(&mut self) -> Result<Vec<SelectData>, CmdmonError> {
        self.per_source(
            Request::SelectData,
            |r| match r {
                Reply::SelectData(s) => Some(s),
                _ => None,
            },
            limits::MAX_SOURCES,
        )
        .await
    }

    pub async fn activity(&mut self) -> Result<Activity, CmdmonError> {
        self.expect(&Request::Activity, |r| match r {
            Reply::Activity(a) => Some(a),
            _ => None,
        })
        .await
    }

    pub async fn serverstats(&mut self) -> Result<ServerStats, CmdmonError> {
        self.expect(&Request::ServerStats, |r| match r {
            Reply::ServerStats(s) => Some(s),
            _ => None,
        })
        .await
    }

    pub async fn ntpdata(&mut self, ip: IpAddr) -> Result<NtpData, CmdmonError> {
        self.expect(&Request::NtpData(ip), |r| match r {
            Reply::NtpData(d) => Some(*d),
            _ => None,
        })
        .await
    }

    pub async fn authdata(&mut self, ip: IpAddr) -> Result<AuthData, CmdmonError> {
        self.expect(&Request::AuthData(ip), |r| match r {
            Reply::AuthData(d) => Some(d),
            _ => None,
        })
        .await
    }

    pub async fn source_name(&mut self, addr: WireAddr) -> Result<String, CmdmonError> {
        self.expect(&Request::NtpSourceName(addr), |r| match r {
            Reply::NtpSourceName(n) => Some(n),
            _ => None,
        })
        .await
    }

    pub async fn smoothing(&mut self) -> Result<Smoothing, CmdmonError> {
        self.expect(&Request::Smoothing, |r| match r {
            Reply::Smoothing(s) => Some(s),
            _ => None,
        })
        .await
    }

    pub async fn rtc(&mut self) -> Result<RtcReport, CmdmonError> {
        self.expect(&Request::Rtc, |r| match r {
            Reply::Rtc(s) => Some(s),
            _ => None,
        })
        .await
    }

    /// Clients page by page (8 per page), as chronyc does, up to
    /// `at_most`. Whatever the pages claim, the walk ends: indices only move
    /// forward and never past chronyd's own number of records.
    pub async fn clients(&mut self, at_most: usize) -> Result<Vec<Client>, CmdmonError> {
        let mut out = Vec::new();
        let mut first_index = 0;
        loop {
            let page = self
                .expect(
                    &Request::ClientAccesses {
                        first_index,
                        min_hits: 0,
                        reset: false,
                    },
                    |r| match r {
                        Reply::Clients(p) => Some(p),
                        _ => None,
                    },
                )
                .await?;
            if page.n_indices > limits::MAX_CLIENT_RECORDS {
                return Err(CmdmonError::Protocol(WireError::Count {
                    what: "client records",
                    got: u64::from(page.n_indices),
                    limit: u64::from(limits::MAX_CLIENT_RECORDS),
                }));
            }
            let full = page.n_records >= limits::CLIENTS_PER_PAGE;
            let room = at_most.saturating_sub(out.len());
            out.extend(page.clients.into_iter().take(room));
            if out.len() >= at_most
                || page.next_index <= first_index
                || page.next_index >= page.n_indices
                || !full
            {
                break;
            }
            first_index = page.next_index;
        }
        Ok(out)
    }

    /// A control command whose reply carries nothing but a status.
    pub async fn control(&mut self, request: &Request) -> Result<(), CmdmonError> {
        self.request(request).await.map(|_| ())
    }
}

impl Drop for CmdmonClient {
    fn drop(&mut self) {
        if let Some(p) = &self.local_path {
            let _ = std::fs::remove_file(p);
        }
    }
}

/// A current-thread runtime for callers outside the helper (tests, benches)
/// that want answers without async code of their own: connect and request on
/// the same runtime.
pub fn runtime() -> tokio::runtime::Runtime {
    tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()
        .expect("a tokio runtime")
}
