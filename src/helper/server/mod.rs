//! The helper's Unix socket: an async listener, one task per connection.
//! A peer must finish its hello within a deadline, each request frame once
//! begun within another, and a connection with nothing to do is closed.
//! Connections are capped per uid (before any user lookup), with room kept
//! for root, the helper's user and the admin group. A connection has at most one subscription, fed
//! from a bounded broadcast: a subscriber that does not read is dropped,
//! never waited on. No lock is held across a socket write.

use std::collections::HashMap;
use std::future::Future;
use std::io;
use std::path::Path;
use std::pin::Pin;
use std::sync::{Arc, Mutex};
use std::time::Duration;

use tokio::io::AsyncWriteExt;
use tokio::net::unix::OwnedWriteHalf;
use tokio::net::{UnixListener, UnixStream};
use tokio::sync::{broadcast, mpsc, oneshot};

use super::apply::config_text;
use super::auth::{Access, Peer};
use super::state::Shared;
use super::supervisor::SupMsg;
use super::types::lock;
use crate::core::codes::ErrorCode;
use crate::ipc::frame::{FrameError, encode_frame, read_frame_async};
use crate::ipc::{ClientMessage, PROTOCOL_VERSION, ReplyBody, RequestBody, ServerMessage};

/// Connections one unprivileged user may hold.
pub const MAX_PER_UID: usize = 8;
/// Connections all unprivileged users may hold together.
pub const MAX_UNPRIVILEGED: usize = 64;
/// Connections root, the helper's user and the admin group may hold (apart
/// from the others: a crowd of other users never locks them out).
pub const MAX_PRIVILEGED: usize = 64;
/// The whole hello frame must arrive within this.
pub const HELLO_DEADLINE: Duration = Duration::from_secs(5);
/// A request frame, once its first byte came, must be complete within this.
pub const FRAME_DEADLINE: Duration = Duration::from_secs(10);
/// Each reply or push must be written within this.
pub const WRITE_DEADLINE: Duration = Duration::from_secs(5);
/// A connection without a subscription that sends nothing for this long.
pub const IDLE_TIMEOUT: Duration = Duration::from_secs(120);
/// Applies and actions waiting for the supervisor beyond the one it runs.
pub const QUEUED_CHANGES: usize = 4;
/// Pushes a subscriber may fall behind before it is dropped.
pub const PUSH_BACKLOG: usize = 8;

/// Connection counts, released when a [`Slot`] drops.
#[derive(Default)]
pub struct Slots {
    counts: Mutex<Counts>,
}

#[derive(Default)]
struct Counts {
    per_uid: HashMap<u32, usize>,
    unprivileged: usize,
    privileged: usize,
}

/// A connection's place. Every peer but root and the helper's own user
/// holds one of its uid's [`MAX_PER_UID`] first, taken before anything
/// asks NSS about it; then one of its pool's, once its access is known.
pub struct Slot {
    slots: Arc<Slots>,
    uid: u32,
    /// Counted in the uid's share.
    per_uid: bool,
    /// In a pool: `Some(true)` the privileged one.
    pool: Option<bool>,
}

impl Slots {
    /// The place of a peer whose uid alone says it is privileged (root,
    /// the helper's user), or the uid's share for anyone else: decided
    /// from the peer's credentials, before any lookup.
    fn take_uid(self: &Arc<Self>, uid: u32, owner: bool) -> Option<Slot> {
        {
            // (Released before a Slot exists: its drop takes the lock.)
            let mut c = lock(&self.counts);
            if owner {
                if c.privileged >= MAX_PRIVILEGED {
                    return None;
                }
                c.privileged += 1;
            } else {
                let mine = c.per_uid.entry(uid).or_default();
                if *mine >= MAX_PER_UID {
                    return None;
                }
                *mine += 1;
            }
        }
        Some(Slot {
            slots: Arc::clone(self),
            uid,
            per_uid: !owner,
            pool: owner.then_some(true),
        })
    }

    /// A place in a pool for a peer that holds its uid's share, once its
    /// access is known (the admin group's members use the privileged
    /// pool: a crowd of other users never locks them out).
    fn take_pool(&self, slot: &mut Slot, privileged: bool) -> bool {
        if slot.pool.is_some() {
            return true;
        }
        let mut c = lock(&self.counts);
        let (used, max) = if privileged {
            (&mut c.privileged, MAX_PRIVILEGED)
        } else {
            (&mut c.unprivileged, MAX_UNPRIVILEGED)
        };
        if *used >= max {
            return false;
        }
        *used += 1;
        slot.pool = Some(privileged);
        true
    }
}

impl Drop for Slot {
    fn drop(&mut self) {
        let mut c = lock(&self.slots.counts);
        match self.pool {
            Some(true) => c.privileged -= 1,
            Some(false) => c.unprivileged -= 1,
            None => {}
        }
        if self.per_uid
            && let Some(n) = c.per_uid.get_mut(&self.uid)
        {
            *n -= 1;
            if *n == 0 {
                c.per_uid.remove(&self.uid);
            }
        }
    }
}

/// NSS lookups under way at most (each holds a thread of the blocking
/// pool; LDAP may be slow): a flood of connections queues here instead of
/// growing threads.
const MAX_LOOKUPS: usize = 4;

fn lookups() -> &'static tokio::sync::Semaphore {
    static LOOKUPS: tokio::sync::Semaphore = tokio::sync::Semaphore::const_new(MAX_LOOKUPS);
    &LOOKUPS
}

/// Binds the socket (replacing a stale one), reachable by everyone who can
/// reach its directory: access control is per request.
pub fn bind(path: &Path) -> io::Result<UnixListener> {
    if let Some(dir) = path.parent() {
        std::fs::create_dir_all(dir)?;
    }
    if std::fs::symlink_metadata(path).is_ok() {
        // A helper that still answers owns it; a dead one left it behind.
        if std::os::unix::net::UnixStream::connect(path).is_ok() {
            return Err(io::Error::new(
                io::ErrorKind::AddrInUse,
                "another helper is running",
            ));
        }
        std::fs::remove_file(path)?;
    }
    // Reachable by everyone from its first moment, without a chmod by
    // path after it.
    let l = crate::fsutil::sock::bind_listener(path, 0o666)?;
    l.set_nonblocking(true)?;
    UnixListener::from_std(l)
}

/// How often the socket's file is checked to still be the one listened on.
const SOCKET_CHECK: Duration = Duration::from_secs(2);

/// The identity of the socket file at `path`, if there is one.
pub fn socket_identity(path: &Path) -> Option<(u64, u64)> {
    use std::os::unix::fs::MetadataExt;
    std::fs::symlink_metadata(path)
        .ok()
        .map(|m| (m.dev(), m.ino()))
}

/// Accepts until the task is dropped. Should the socket file (or its
/// directory, say a cleaned-up `/run`) disappear, it is made again: a
/// helper nobody can reach is a helper that is down.
pub async fn serve(mut listener: UnixListener, path: std::path::PathBuf, shared: Arc<Shared>) {
    let slots = Arc::new(Slots::default());
    let mut bound = socket_identity(&path);
    let mut check = tokio::time::interval(SOCKET_CHECK);
    check.set_missed_tick_behavior(tokio::time::MissedTickBehavior::Delay);
    loop {
        let accepted = tokio::select! {
            a = listener.accept() => a,
            _ = check.tick() => {
                if socket_identity(&path) != bound {
                    match bind(&path) {
                        Ok(l) => {
                            tracing::warn!(socket = %path.display(), "the socket was removed: listening again");
                            listener = l;
                            bound = socket_identity(&path);
                        }
                        Err(e) => tracing::warn!(error = %e, socket = %path.display(), "the socket was removed and cannot be made again"),
                    }
                }
                continue;
            }
        };
        let stream = match accepted {
            Ok((s, _)) => s,
            Err(e) => {
                // Out of file descriptors: wait instead of spinning.
                tracing::warn!(error = %e, "accept failed");
                tokio::time::sleep(Duration::from_millis(100)).await;
                continue;
            }
        };
        let Ok(cred) = rustix::net::sockopt::socket_peercred(&stream) else {
            continue;
        };
        let peer = Peer {
            uid: cred.uid.as_raw(),
            gid: cred.gid.as_raw(),
        };
        // The uid's share before anything else, right here: a user who
        // floods the socket is refused at the cost of one getsockopt and
        // one write that never waits, with no task, lookup or thread.
        let Some(mut slot) = slots.take_uid(peer.uid, shared.policy.is_owner(peer)) else {
            refuse_now(&stream, ErrorCode::IpcBusy);
            continue;
        };
        let shared = Arc::clone(&shared);
        let slots = Arc::clone(&slots);
        tokio::spawn(async move {
            let access = peer_access(&shared, peer).await;
            if !slots.take_pool(&mut slot, access == Access::Change) {
                refuse(stream, ErrorCode::IpcBusy).await;
                return;
            }
            if let Err(e) = connection(stream, &shared, peer, access).await {
                tracing::debug!(uid = peer.uid, code = %e.code(), "connection ended");
            }
            drop(slot);
        });
    }
}

/// The peer's access now (NSS, off the async thread when it is needed).
async fn peer_access(shared: &Arc<Shared>, peer: Peer) -> Access {
    if shared.policy.is_owner(peer) {
        return Access::Change;
    }
    let Ok(_permit) = lookups().acquire().await else {
        return Access::Monitor;
    };
    let policy = shared.policy.clone();
    tokio::task::spawn_blocking(move || policy.access(peer))
        .await
        .unwrap_or(Access::Monitor)
}

/// Says why to a peer refused at the door, if its socket takes the frame
/// at once (never waited for).
fn refuse_now(stream: &UnixStream, code: ErrorCode) {
    if let Ok(frame) = encode_frame(&ServerMessage::Fatal { code }) {
        let _ = stream.try_write(&frame);
    }
}

async fn refuse(mut stream: UnixStream, code: ErrorCode) {
    if let Ok(frame) = encode_frame(&ServerMessage::Fatal { code }) {
        let _ = tokio::time::timeout(Duration::from_secs(1), stream.write_all(&frame)).await;
    }
}

async fn write(w: &mut OwnedWriteHalf, frame: &[u8]) -> Result<(), FrameError> {
    match tokio::time::timeout(WRITE_DEADLINE, w.write_all(frame)).await {
        Ok(r) => r.map_err(FrameError::from),
        Err(_) => Err(FrameError::Io(io::Error::new(
            io::ErrorKind::TimedOut,
            "peer does not read",
        ))),
    }
}

async fn write_msg(w: &mut OwnedWriteHalf, msg: &ServerMessage) -> Result<(), FrameError> {
    write(w, &encode_frame(msg)?).await
}

async fn fatal(w: &mut OwnedWriteHalf, code: ErrorCode) {
    if let Ok(frame) = encode_frame(&ServerMessage::Fatal { code }) {
        let _ = tokio::time::timeout(Duration::from_millis(200), w.write_all(&frame)).await;
    }
}

type Pending = Pin<Box<dyn Future<Output = ReplyBody> + Send>>;

async fn connection(
    stream: UnixStream,
    shared: &Arc<Shared>,
    peer: Peer,
    access: Access,
) -> Result<(), FrameError> {
    let (mut rd, mut wr) = stream.into_split();
    let hello = tokio::time::timeout(
        HELLO_DEADLINE,
        read_frame_async::<_, ClientMessage>(&mut rd, HELLO_DEADLINE),
    )
    .await;
    match hello {
        Ok(Ok(ClientMessage::Hello { protocol })) if protocol == PROTOCOL_VERSION => {
            write_msg(
                &mut wr,
                &ServerMessage::Hello {
                    protocol: PROTOCOL_VERSION,
                    info: shared.info(access),
                },
            )
            .await?;
        }
        Ok(Ok(ClientMessage::Hello { .. })) => {
            fatal(&mut wr, ErrorCode::IpcVersion).await;
            return Ok(());
        }
        Ok(Ok(_)) => {
            fatal(&mut wr, ErrorCode::IpcNoHello).await;
            return Ok(());
        }
        Ok(Err(e)) => {
            fatal(&mut wr, e.code()).await;
            return Err(e);
        }
        Err(_) => {
            fatal(&mut wr, ErrorCode::IpcTimeout).await;
            return Ok(());
        }
    }

    // Frames are read by their own task so that a half-read frame is never
    // lost to the select below; one request waits at a time.
    let (req_tx, mut requests) = mpsc::channel::<Result<ClientMessage, FrameError>>(1);
    let reader = tokio::spawn(async move {
        loop {
            let msg = read_frame_async::<_, ClientMessage>(&mut rd, FRAME_DEADLINE).await;
            let stop = msg.is_err();
            if req_tx.send(msg).await.is_err() || stop {
                return;
            }
        }
    });
    let _reader = AbortOnDrop(reader);

    let mut subscription: Option<broadcast::Receiver<Arc<super::state::Encoded>>> = None;
    let mut pending: Option<(u64, Pending)> = None;
    loop {
        tokio::select! {
            msg = requests.recv(), if pending.is_none() => {
                let msg = match msg {
                    None | Some(Err(FrameError::Closed)) => return Ok(()),
                    Some(Err(e)) => {
                        fatal(&mut wr, e.code()).await;
                        return Err(e);
                    }
                    Some(Ok(m)) => m,
                };
                let ClientMessage::Request { id, body } = msg else {
                    fatal(&mut wr, ErrorCode::IpcSecondHello).await;
                    return Ok(());
                };
                match handle(shared, peer, access, id, body, &mut subscription).await {
                    Handled::Frame(f) => write(&mut wr, &f).await?,
                    Handled::Reply(body) => {
                        write_msg(&mut wr, &ServerMessage::Reply { id, body: *body }).await?
                    }
                    Handled::Later(fut) => pending = Some((id, fut)),
                }
            }
            body = async { pending.as_mut().expect("guarded").1.as_mut().await }, if pending.is_some() => {
                let (id, _) = pending.take().expect("guarded");
                write_msg(&mut wr, &ServerMessage::Reply { id, body }).await?;
            }
            push = async { subscription.as_mut().expect("guarded").recv().await }, if subscription.is_some() => {
                match push {
                    Ok(encoded) => write(&mut wr, encoded.push_frame(access >= Access::Read)).await?,
                    Err(broadcast::error::RecvError::Lagged(_)) => {
                        fatal(&mut wr, ErrorCode::IpcLagging).await;
                        return Ok(());
                    }
                    Err(broadcast::error::RecvError::Closed) => return Ok(()),
                }
            }
            _ = tokio::time::sleep(IDLE_TIMEOUT), if subscription.is_none() && pending.is_none() => {
                fatal(&mut wr, ErrorCode::IpcIdle).await;
                return Ok(());
            }
        }
    }
}

struct AbortOnDrop(tokio::task::JoinHandle<()>);

impl Drop for AbortOnDrop {
    fn drop(&mut self) {
        self.0.abort();
    }
}

enum Handled {
    /// An encoded frame (snapshots are encoded once per poll).
    Frame(Vec<u8>),
    Reply(Box<ReplyBody>),
    /// Waits for the supervisor.
    Later(Pending),
}

fn error(code: ErrorCode, detail: Option<String>) -> Handled {
    Handled::Reply(Box::new(ReplyBody::error(code, detail)))
}

async fn handle(
    shared: &Arc<Shared>,
    peer: Peer,
    hello_access: Access,
    id: u64,
    body: RequestBody,
    subscription: &mut Option<broadcast::Receiver<Arc<super::state::Encoded>>>,
) -> Handled {
    // Privileged requests look the peer up again: group changes count now.
    let access = match &body {
        RequestBody::GetConfig
        | RequestBody::Apply { .. }
        | RequestBody::Action { .. }
        | RequestBody::Roster { .. } => peer_access(shared, peer).await,
        _ => hello_access,
    };
    match body {
        RequestBody::Info => Handled::Reply(Box::new(ReplyBody::Info(shared.info(access)))),
        RequestBody::Snapshot => match shared.latest.borrow().as_ref() {
            Some(s) => Handled::Frame(s.reply_frame(id, access >= Access::Read)),
            None => error(ErrorCode::NoSnapshotYet, None),
        },
        RequestBody::History(q) => {
            let points =
                lock(&shared.history).query(&q.series, q.since, q.until, q.max_points.min(100_000));
            Handled::Reply(Box::new(ReplyBody::History {
                series: q.series,
                points,
            }))
        }
        RequestBody::SeriesList => Handled::Reply(Box::new(ReplyBody::SeriesList {
            series: lock(&shared.history).names(),
        })),
        RequestBody::GetConfig if access < Access::Read => error(ErrorCode::NotAuthorised, None),
        RequestBody::GetConfig => {
            // A file read (by the trust rule, never blocking on a FIFO)
            // off the runtime thread, as a reply that comes later.
            let fixed = shared.fixed.clone();
            Handled::Later(Box::pin(async move {
                let path = fixed.paths.config.display().to_string();
                match tokio::task::spawn_blocking(move || config_text(&fixed)).await {
                    Ok(Ok(text)) => ReplyBody::Config {
                        text: text.into(),
                        path,
                    },
                    Ok(Err(e)) => ReplyBody::error(e.code, e.detail),
                    Err(_) => ReplyBody::error(ErrorCode::HelperIo, None),
                }
            }))
        }
        r if r.is_change() && access < Access::Change => error(ErrorCode::NotAuthorised, None),
        // The verdicts come from the client log: who may read it.
        RequestBody::Roster { .. } if access < Access::Read => {
            error(ErrorCode::NotAuthorised, None)
        }
        RequestBody::Roster { op } => {
            let roster = Arc::clone(&shared.roster);
            Handled::Later(Box::pin(async move {
                match roster.handle(op).await {
                    Ok(state) => ReplyBody::Roster(Box::new(state)),
                    Err((code, detail)) => ReplyBody::error(code, detail),
                }
            }))
        }
        RequestBody::Apply { config } => {
            let (reply, rx) = oneshot::channel();
            let msg = SupMsg::Apply {
                text: config.into_bytes(),
                uid: peer.uid,
                reply,
            };
            later(shared, msg, async move {
                match rx.await {
                    Ok(Ok(a)) => ReplyBody::Applied(a),
                    Ok(Err(e)) => ReplyBody::error(e.code, e.detail),
                    Err(_) => ReplyBody::error(ErrorCode::HelperIo, None),
                }
            })
        }
        RequestBody::Action { action } => {
            let (reply, rx) = oneshot::channel();
            let msg = SupMsg::Action {
                action,
                uid: peer.uid,
                reply,
            };
            later(shared, msg, async move {
                match rx.await {
                    Ok(Ok(())) => ReplyBody::Done,
                    Ok(Err(e)) => ReplyBody::error(e.code, e.detail),
                    Err(_) => ReplyBody::error(ErrorCode::HelperIo, None),
                }
            })
        }
        RequestBody::NtsIssue { .. } | RequestBody::NtsRenew { .. } => {
            let (names, days, renew) = match body {
                RequestBody::NtsIssue { names, days } => (names, days, false),
                RequestBody::NtsRenew { days } => (Vec::new(), days, true),
                _ => unreachable!("matched above"),
            };
            let (reply, rx) = oneshot::channel();
            let msg = SupMsg::Nts {
                names,
                days,
                renew,
                uid: peer.uid,
                reply,
            };
            later(shared, msg, async move {
                match rx.await {
                    Ok(Ok(n)) => ReplyBody::NtsIssued(n),
                    Ok(Err(e)) => ReplyBody::error(e.code, e.detail),
                    Err(_) => ReplyBody::error(ErrorCode::HelperIo, None),
                }
            })
        }
        RequestBody::Fleet => {
            // Who follows each watched server, as the roster's replies say
            // (for those who may read the roster).
            let hosts = lock(&shared.fleet)
                .iter()
                .map(|w| {
                    let mut row = w.row();
                    if access >= Access::Read {
                        row.roster_followers =
                            w.address.and_then(|ip| shared.roster.followers_of(ip));
                    }
                    row
                })
                .collect();
            Handled::Reply(Box::new(ReplyBody::Fleet { hosts }))
        }
        RequestBody::FleetHost { host } => {
            let fleet = lock(&shared.fleet);
            match fleet.iter().find(|w| w.host == host) {
                Some(w) => Handled::Reply(Box::new(ReplyBody::Snapshot(Box::new(
                    crate::core::snapshot::Snapshot {
                        time: w.last_ok.unwrap_or(0.0),
                        tracking: w.tracking.clone(),
                        sources: w.sources.clone(),
                        error: w.error,
                        ..Default::default()
                    },
                )))),
                None => error(ErrorCode::FleetUnknownHost, Some(host.to_string())),
            }
        }
        RequestBody::Subscribe => {
            // One per connection: subscribing again changes nothing.
            if subscription.is_none() {
                *subscription = Some(shared.pushes.subscribe());
            }
            Handled::Reply(Box::new(ReplyBody::Subscribed))
        }
    }
}

/// Queues a change for the supervisor; a full queue is a clear "busy".
fn later(
    shared: &Arc<Shared>,
    msg: SupMsg,
    answer: impl Future<Output = ReplyBody> + Send + 'static,
) -> Handled {
    match shared.supervisor.try_send(msg) {
        Ok(()) => Handled::Later(Box::pin(answer)),
        Err(_) => error(ErrorCode::ApplyBusy, None),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_uid_over_its_share_is_refused_and_places_come_back() {
        let slots = Arc::new(Slots::default());
        let mut mine: Vec<Slot> = (0..MAX_PER_UID)
            .map(|_| slots.take_uid(4242, false).expect("within the share"))
            .collect();
        assert!(slots.take_uid(4242, false).is_none(), "over the share");
        // Another user and root are not held back by it.
        let mut other = slots.take_uid(4343, false).unwrap();
        assert!(slots.take_pool(&mut other, false));
        assert!(slots.take_uid(0, true).is_some());
        for s in &mut mine {
            assert!(slots.take_pool(s, false));
        }
        mine.pop();
        assert!(slots.take_uid(4242, false).is_some(), "a place came back");
        drop(mine);
        let c = lock(&slots.counts);
        assert_eq!((c.unprivileged, c.privileged), (1, 0));
        assert_eq!(c.per_uid.get(&4242), None);
    }
}
