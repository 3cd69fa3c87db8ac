//! The client side of the helper socket, for the CLI and the GUI backend.

use std::io::{Read, Write};
use std::os::unix::net::UnixStream;
use std::path::{Path, PathBuf};
use std::process::{Child, ChildStdin, ChildStdout, Command, Stdio};
use std::time::Duration;

use super::frame::{FrameError, read_frame, write_frame};
use super::{
    ClientMessage, HelperInfo, PROTOCOL_VERSION, ReplyBody, RequestBody, ServerMessage, Snapshot,
};
use crate::core::codes::ErrorCode;

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ssh_urls_are_read_and_nothing_reaches_ssh_as_an_option() {
        let t = SshTarget::parse("ssh://admin@ntp1.lab:2222/run/stratum/helper.sock").unwrap();
        assert_eq!(t.user.as_deref(), Some("admin"));
        assert_eq!((t.host.as_str(), t.port), ("ntp1.lab", Some(2222)));
        assert_eq!(t.socket.as_deref(), Some("/run/stratum/helper.sock"));
        let t = SshTarget::parse("ssh://[::1]:22").unwrap();
        assert_eq!((t.host.as_str(), t.port), ("::1", Some(22)));
        assert_eq!(SshTarget::parse("ssh://ntp1").unwrap().port, None);
        for bad in [
            "ssh://-oProxyCommand=x",
            "ssh://a b",
            "ssh://h/x;rm",
            "ssh://h:99999",
            "http://h",
            "ssh://u\n@h",
        ] {
            assert_eq!(SshTarget::parse(bad), None, "{bad}");
        }
    }
}

#[derive(Debug, thiserror::Error)]
pub enum IpcError {
    #[error("no helper answers at {0}")]
    Unreachable(String),
    #[error("the helper refused the connection: {0}")]
    Refused(ErrorCode),
    /// Connected (an SSH session started) but no helper said hello within
    /// the seconds given.
    #[error("{0} did not answer as a helper within {1} s")]
    NoHello(String, u64),
    #[error(transparent)]
    Frame(#[from] FrameError),
}

impl IpcError {
    pub fn code(&self) -> ErrorCode {
        match self {
            IpcError::Unreachable(_) => ErrorCode::HelperUnreachable,
            IpcError::Refused(c) => *c,
            IpcError::NoHello(..) => ErrorCode::IpcTimeout,
            IpcError::Frame(f) => f.code(),
        }
    }
}

/// How the frames travel: a local socket, or an SSH session running
/// `stratum-helper --stdio` on the remote host.
enum Link {
    Unix(UnixStream),
    Ssh {
        child: Child,
        stdin: ChildStdin,
        stdout: ChildStdout,
        /// How long one read waits (a peer that never speaks, or stops).
        timeout: Duration,
    },
}

/// Waits until `fd` has something to read, at most `timeout`.
fn readable(fd: &impl std::os::fd::AsFd, timeout: Duration) -> std::io::Result<()> {
    use rustix::event::{PollFd, PollFlags, Timespec, poll};
    let deadline = std::time::Instant::now() + timeout;
    loop {
        let left = deadline.saturating_duration_since(std::time::Instant::now());
        if left.is_zero() {
            return Err(std::io::ErrorKind::TimedOut.into());
        }
        let ts = Timespec {
            tv_sec: left.as_secs() as i64,
            tv_nsec: i64::from(left.subsec_nanos()),
        };
        let mut fds = [PollFd::new(fd, PollFlags::IN)];
        match poll(&mut fds, Some(&ts)) {
            Ok(0) => continue,
            Ok(_) => return Ok(()),
            Err(rustix::io::Errno::INTR) => continue,
            Err(e) => return Err(e.into()),
        }
    }
}

impl Read for Link {
    fn read(&mut self, buf: &mut [u8]) -> std::io::Result<usize> {
        match self {
            Link::Unix(s) => s.read(buf),
            Link::Ssh {
                stdout, timeout, ..
            } => {
                readable(stdout, *timeout)?;
                stdout.read(buf)
            }
        }
    }
}

impl Write for Link {
    fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
        match self {
            Link::Unix(s) => s.write(buf),
            Link::Ssh { stdin, .. } => stdin.write(buf),
        }
    }

    fn flush(&mut self) -> std::io::Result<()> {
        match self {
            Link::Unix(s) => s.flush(),
            Link::Ssh { stdin, .. } => stdin.flush(),
        }
    }
}

impl Drop for Link {
    fn drop(&mut self) {
        if let Link::Ssh { child, .. } = self {
            let _ = child.kill();
            let _ = child.wait();
        }
    }
}

/// `ssh://[USER@]HOST[:PORT][/SOCKET]`: where the remote helper is.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SshTarget {
    pub user: Option<String>,
    pub host: String,
    pub port: Option<u16>,
    pub socket: Option<String>,
}

impl SshTarget {
    pub fn parse(url: &str) -> Option<SshTarget> {
        let rest = url.strip_prefix("ssh://")?;
        let (authority, socket) = match rest.find('/') {
            Some(i) => (&rest[..i], Some(rest[i..].to_string())),
            None => (rest, None),
        };
        let (user, hostport) = match authority.rsplit_once('@') {
            Some((u, h)) => (Some(u.to_string()), h),
            None => (None, authority),
        };
        let (host, port) = if let Some(v6) = hostport.strip_prefix('[') {
            let (h, p) = v6.split_once(']')?;
            let port = match p.strip_prefix(':') {
                Some(p) => Some(p.parse::<u16>().ok()?),
                None if p.is_empty() => None,
                None => return None,
            };
            (h.to_string(), port)
        } else {
            match hostport.split_once(':') {
                Some((h, p)) => (h.to_string(), Some(p.parse().ok()?)),
                None => (hostport.to_string(), None),
            }
        };
        // Nothing that ssh or the remote shell would read as an option or
        // a second command.
        let clean = |s: &str| {
            !s.is_empty()
                && !s.starts_with('-')
                && s.bytes()
                    .all(|b| b.is_ascii_alphanumeric() || b"._-/@:+".contains(&b))
        };
        let ok = clean(&host)
            && user.as_deref().is_none_or(clean)
            && socket
                .as_deref()
                .is_none_or(|s| clean(s) && s.starts_with('/'));
        ok.then_some(SshTarget {
            user,
            host,
            port,
            socket,
        })
    }

    /// The command line: `ssh -T [-p PORT] [USER@]HOST stratum-helper
    /// --stdio [--socket SOCKET]`; `$STRATUM_SSH` replaces `ssh` (like
    /// `GIT_SSH_COMMAND`, through the shell), `$STRATUM_REMOTE_HELPER` the
    /// remote program.
    pub fn command(&self) -> Command {
        let mut args: Vec<String> = vec!["-T".into()];
        if let Some(p) = self.port {
            args.push("-p".into());
            args.push(p.to_string());
        }
        args.push(match &self.user {
            Some(u) => format!("{u}@{}", self.host),
            None => self.host.clone(),
        });
        args.push(
            std::env::var("STRATUM_REMOTE_HELPER").unwrap_or_else(|_| "stratum-helper".into()),
        );
        args.push("--stdio".into());
        if let Some(s) = &self.socket {
            args.push("--socket".into());
            args.push(s.clone());
        }
        match std::env::var("STRATUM_SSH")
            .ok()
            .filter(|s| !s.trim().is_empty())
        {
            Some(ssh) => {
                let mut c = Command::new("sh");
                c.arg("-c")
                    .arg(format!("exec {ssh} \"$@\""))
                    .arg("stratum-ssh")
                    .args(args);
                c
            }
            None => {
                let mut c = Command::new("ssh");
                c.args([
                    "-o",
                    "BatchMode=yes",
                    "-o",
                    "ConnectTimeout=10",
                    "-o",
                    "ServerAliveInterval=10",
                ]);
                c.args(args);
                c
            }
        }
    }
}

/// A helper to talk to: a socket path or an `ssh://` URL.
pub fn connect_to(target: &str, timeout: Duration) -> Result<IpcClient, IpcError> {
    if target.starts_with("ssh://") {
        let t =
            SshTarget::parse(target).ok_or_else(|| IpcError::Unreachable(target.to_string()))?;
        IpcClient::connect_ssh(&t, target, timeout)
    } else {
        IpcClient::connect(Path::new(target), timeout)
    }
}

/// The first of `candidates` (socket paths or `ssh://` URLs; the default
/// sockets when there are none) that answers, with which one it was; else
/// the last failure.
pub fn connect_first(
    candidates: &[PathBuf],
    timeout: Duration,
) -> Result<(IpcClient, PathBuf), (PathBuf, IpcError)> {
    let defaults;
    let candidates = if candidates.is_empty() {
        defaults = super::paths::default_helper_sockets();
        &defaults
    } else {
        candidates
    };
    let mut last = None;
    for p in candidates {
        match connect_to(&p.to_string_lossy(), timeout) {
            Ok(c) => return Ok((c, p.clone())),
            Err(e) => last = Some((p.clone(), e)),
        }
    }
    Err(last.expect("at least one candidate"))
}

pub struct IpcClient {
    stream: Link,
    next_id: u64,
    pub info: HelperInfo,
    /// Snapshots pushed while waiting for a reply (after Subscribe).
    pub pushed: Vec<Snapshot>,
}

impl IpcClient {
    pub fn connect(path: &Path, timeout: Duration) -> Result<IpcClient, IpcError> {
        let stream = UnixStream::connect(path)
            .map_err(|_| IpcError::Unreachable(path.display().to_string()))?;
        stream
            .set_read_timeout(Some(timeout))
            .map_err(FrameError::from)?;
        stream
            .set_write_timeout(Some(timeout))
            .map_err(FrameError::from)?;
        Self::hello(Link::Unix(stream))
    }

    /// Over SSH: the remote `stratum-helper --stdio` joins this session to
    /// the helper there, which authorises the SSH login user.
    /// A peer that does not finish the hello within `timeout` (ssh waiting
    /// for a password nobody types, a host that never answers) is an
    /// error, as is any later read that waits longer.
    pub fn connect_ssh(
        t: &SshTarget,
        label: &str,
        timeout: Duration,
    ) -> Result<IpcClient, IpcError> {
        let mut child = t
            .command()
            .stdin(Stdio::piped())
            .stdout(Stdio::piped())
            .stderr(Stdio::inherit())
            .spawn()
            .map_err(|_| IpcError::Unreachable(label.to_string()))?;
        let stdin = child.stdin.take().expect("piped");
        let stdout = child.stdout.take().expect("piped");
        Self::hello(Link::Ssh {
            child,
            stdin,
            stdout,
            timeout,
        })
        .map_err(|e| match e {
            IpcError::Frame(FrameError::Closed) => IpcError::Unreachable(label.to_string()),
            IpcError::Frame(FrameError::Io(io)) if io.kind() == std::io::ErrorKind::TimedOut => {
                IpcError::NoHello(label.to_string(), timeout.as_secs())
            }
            other => other,
        })
    }

    fn hello(mut stream: Link) -> Result<IpcClient, IpcError> {
        write_frame(
            &mut stream,
            &ClientMessage::Hello {
                protocol: PROTOCOL_VERSION,
            },
        )?;
        match read_frame(&mut stream)? {
            ServerMessage::Hello { mut info, .. } => {
                // chronyd's own words, from the helper's machine.
                for l in &mut info.chronyd_log {
                    if let std::borrow::Cow::Owned(e) = crate::core::text::escape_controls(l) {
                        *l = e;
                    }
                }
                Ok(IpcClient {
                    stream,
                    next_id: 1,
                    info,
                    pushed: Vec::new(),
                })
            }
            ServerMessage::Fatal { code } => Err(IpcError::Refused(code)),
            _ => Err(IpcError::Refused(ErrorCode::IpcNoHello)),
        }
    }

    pub fn set_timeout(&mut self, timeout: Duration) {
        match &mut self.stream {
            Link::Unix(s) => {
                let _ = s.set_read_timeout(Some(timeout));
            }
            Link::Ssh { timeout: t, .. } => *t = timeout,
        }
    }

    pub fn request(&mut self, body: RequestBody) -> Result<ReplyBody, IpcError> {
        let id = self.next_id;
        self.next_id += 1;
        write_frame(&mut self.stream, &ClientMessage::Request { id, body })?;
        loop {
            match read_frame(&mut self.stream)? {
                ServerMessage::Reply { id: got, mut body } if got == id => {
                    if let ReplyBody::Snapshot(s) = &mut body {
                        s.make_printable();
                    }
                    return Ok(body);
                }
                ServerMessage::Push { mut snapshot } => {
                    snapshot.make_printable();
                    self.pushed.push(*snapshot)
                }
                ServerMessage::Fatal { code } => return Err(IpcError::Refused(code)),
                _ => continue,
            }
        }
    }

    /// Waits for the next pushed snapshot (after Subscribe).
    pub fn next_push(&mut self) -> Result<Snapshot, IpcError> {
        if !self.pushed.is_empty() {
            return Ok(self.pushed.remove(0));
        }
        loop {
            match read_frame(&mut self.stream)? {
                ServerMessage::Push { mut snapshot } => {
                    snapshot.make_printable();
                    return Ok(*snapshot);
                }
                ServerMessage::Fatal { code } => return Err(IpcError::Refused(code)),
                _ => continue,
            }
        }
    }
}
