//! The interval task: one snapshot of chronyd per tick (the six reports plus
//! source names), recorded in history, encoded once and handed to every
//! subscriber through a bounded broadcast. History is saved every minute.

use std::sync::Arc;
use std::time::Duration;

use tokio::time::{Instant, MissedTickBehavior};

use super::cmdmon::{CmdmonClient, CmdmonError, Endpoint, MAX_CLIENTS_LISTED, Patience};
use super::state::{Encoded, Shared};
use super::types::lock;
use crate::core::cmdmon::SourceMode;
use crate::core::conf::ChronyVersion;
use crate::core::nts::CertSummary;
use crate::core::snapshot::Snapshot;
use crate::sys::now;

const SAVE_EVERY: Duration = Duration::from_secs(60);

/// How often the NTS certificates and the leap second list are read again.
const CERTS_EVERY: Duration = Duration::from_secs(60);

/// What the configuration's files say, read once: the certificates it
/// serves NTS with (`ntsservercert`, include files left aside) and the leap
/// second list chronyd reads (`leapseclist`).
pub fn config_files(
    config: &std::path::Path,
) -> (Vec<CertSummary>, Option<crate::core::leap::LeapListSummary>) {
    use crate::core::conf::{Directive, OptValue};
    // (A chrony.conf is far smaller than the PEM files' cap.)
    let Ok(text) = crate::ntsfiles::read_pem(config) else {
        return (Vec::new(), None);
    };
    let doc = crate::core::conf::Document::parse(&text);
    let word = |name: &'static str| {
        doc.directives().filter_map(move |(_, d)| match d {
            Directive::Simple {
                spec,
                value: OptValue::Word(p),
            } if spec.name == name => Some(p.clone()),
            _ => None,
        })
    };
    let certs = word("ntsservercert")
        .take(16)
        .map(|p| {
            let pem = crate::ntsfiles::read_pem(std::path::Path::new(&p)).ok();
            CertSummary::of(&p, pem.as_deref())
        })
        .collect();
    let leap = word("leapseclist").next().map(|path| {
        let facts = crate::sys::file_facts(&path);
        let list = facts.as_ref().and_then(|f| {
            (f.bytes.len() <= crate::core::leap::MAX_BYTES)
                .then(|| String::from_utf8_lossy(&f.bytes))
        });
        crate::core::leap::LeapListSummary::of(&path, list.as_deref(), now() as i64)
    });
    (certs, leap)
}

/// One poll of chronyd.
pub async fn poll_once(
    endpoint: &Endpoint,
    version: ChronyVersion,
    client: &mut Option<CmdmonClient>,
) -> Snapshot {
    let mut snap = Snapshot {
        time: now(),
        ..Snapshot::default()
    };
    if client.is_none() {
        match CmdmonClient::connect(endpoint).await {
            Ok(mut c) => {
                c.set_patience(Patience::Local);
                c.version = version;
                *client = Some(c);
            }
            Err(e) => {
                snap.error = Some(e.code());
                snap.error_detail = detail(endpoint, &e);
                return snap;
            }
        }
    }
    let c = client.as_mut().expect("connected");
    let result: Result<(), CmdmonError> = async {
        snap.tracking = Some(c.tracking().await?);
        snap.sources = c.sources().await?;
        snap.sourcestats = c.sourcestats().await?;
        snap.activity = Some(c.activity().await?);
        snap.serverstats = Some(c.serverstats().await?);
        snap.clients = c.clients(MAX_CLIENTS_LISTED + 1).await?;
        if snap.clients.len() > MAX_CLIENTS_LISTED {
            snap.clients.truncate(MAX_CLIENTS_LISTED);
            snap.clients_truncated = true;
        }
        name_sources(c, &mut snap.sources).await;
        // Why each source is (not) selected: 4.2 and later.
        if let Ok(sd) = c.selectdata().await {
            snap.selectdata = sd;
        }
        // How each NTP source is authenticated (a release or source that
        // does not say is left out, never the whole snapshot).
        for s in &snap.sources {
            if s.mode != SourceMode::RefClock
                && let Some(ip) = s.address.0.ip()
                && let Ok(a) = c.authdata(ip).await
            {
                snap.authdata.push((ip.to_string(), a));
            }
        }
        // How many polls a silent source has had (only those: one more
        // request each).
        for s in &snap.sources {
            if s.mode != SourceMode::RefClock
                && s.reach & 0xff == 0
                && let Some(ip) = s.address.0.ip()
                && let Ok(d) = c.ntpdata(ip).await
            {
                snap.sent.push((ip.to_string(), d.total_tx));
            }
        }
        Ok(())
    }
    .await;
    if let Err(e) = result {
        snap.error = Some(e.code());
        snap.error_detail = detail(endpoint, &e);
        *client = None;
    }
    snap
}

/// Names every source as configured (cmdmon's source-name request, what
/// `chronyc -N` shows), also the ones whose name does not resolve: chronyd
/// lists those by an `ID#` address and keeps their name. A reference clock
/// is named by its refid. A release or source that does not say keeps its
/// address.
pub async fn name_sources(c: &mut CmdmonClient, sources: &mut [crate::core::cmdmon::SourceData]) {
    for s in sources {
        s.name = match s.mode {
            SourceMode::RefClock => Some(s.label()),
            _ => c
                .source_name(s.address.0)
                .await
                .ok()
                .filter(|n| !n.is_empty()),
        };
    }
}

/// What an error is about, for its message's `detail`.
fn detail(endpoint: &Endpoint, e: &CmdmonError) -> Option<String> {
    match e {
        CmdmonError::Io(io) => Some(match endpoint {
            Endpoint::Unix(p) => format!("{}: {io}", p.display()),
            Endpoint::Udp(a) => format!("{a}: {io}"),
        }),
        CmdmonError::Refused(s) => Some(s.to_string()),
        CmdmonError::Protocol(w) => Some(w.to_string()),
        CmdmonError::Unsupported(v) => Some(v.clone()),
        CmdmonError::Timeout => None,
    }
}

/// How long a chronyd just started may take to open its command socket
/// before silence is a fault (it takes well under a second; a loaded
/// machine, or `-r` reading large dumps, takes longer).
pub const STARTING_GRACE: Duration = Duration::from_secs(15);

/// A poll that got no answer, said as what it is: chronyd still starting
/// (progress), chronyd stopped (its own reason), or chronyd silent on a
/// socket it should have opened by now.
pub fn judge_silence(
    snap: &mut Snapshot,
    status: &super::supervisor::ChronydStatus,
    answered_pid: Option<u32>,
) {
    if snap.tracking.is_some() || snap.error.is_none() {
        return;
    }
    match (status.pid, status.since) {
        (Some(pid), Some(since))
            if answered_pid != Some(pid) && since.elapsed() < STARTING_GRACE =>
        {
            snap.starting = true;
        }
        // Being started: the trust check and the socket directory come
        // before chronyd's process (a failed start leaves its reason).
        (None, Some(since)) if status.last_exit.is_none() && since.elapsed() < STARTING_GRACE => {
            snap.starting = true;
        }
        (None, _) if status.last_exit.is_some() => {
            snap.error = Some(crate::core::codes::ErrorCode::ChronydExited);
            snap.error_detail = status.last_exit.clone();
        }
        _ => {}
    }
}

/// Records and publishes one snapshot.
pub fn publish(shared: &Shared, snap: &Snapshot) {
    if snap.tracking.is_some() {
        lock(&shared.history).record(snap);
    }
    let encoded = Arc::new(Encoded::new(snap));
    // No receiver is fine: nobody subscribed yet.
    let _ = shared.pushes.send(Arc::clone(&encoded));
    shared.latest.send_replace(Some(encoded));
}

/// Writes the history file (on the blocking pool: a week of history is
/// megabytes, written with fsync).
pub async fn save_history(shared: &Shared) {
    let mut buf = Vec::new();
    if lock(&shared.history).save(&mut buf).is_err() {
        return;
    }
    let dir = shared.fixed.paths.data_dir.clone();
    let file = shared.fixed.paths.history.clone();
    let written = tokio::task::spawn_blocking(move || {
        std::fs::create_dir_all(&dir).and_then(|()| crate::fsutil::write_atomic(&file, &buf))
    })
    .await;
    if let Ok(Err(e)) = written {
        tracing::warn!(error = %e, "could not save history");
    }
}

pub async fn run(shared: Arc<Shared>, every: Duration) {
    let endpoint = Endpoint::Unix(shared.fixed.paths.chronyd_socket.clone());
    let version = shared.fixed.chrony_version.unwrap_or(ChronyVersion::LATEST);
    let mut client = None;
    let mut tick = tokio::time::interval(every);
    tick.set_missed_tick_behavior(MissedTickBehavior::Delay);
    let mut last_save = Instant::now();
    let mut status = shared.chronyd.clone();
    let mut certs = Vec::new();
    let mut leap = None;
    let mut certs_at: Option<Instant> = None;
    let mut pid = None;
    // The chronyd (by pid) that has answered at least once.
    let mut answered_pid = None;
    loop {
        tick.tick().await;
        // An apply or restart is under way: wait for it instead of
        // reporting the gap as an error.
        if status.borrow().busy {
            let _ = status.wait_for(|s| !s.busy).await;
            client = None;
        }
        let mut snap = poll_once(&endpoint, version, &mut client).await;
        {
            let st = status.borrow();
            if snap.tracking.is_some() {
                answered_pid = st.pid;
            }
            if st.pid.is_some() {
                snap.chronyd_up = st.since.map(|t| t.elapsed().as_secs_f64());
            }
            judge_silence(&mut snap, &st, answered_pid);
        }
        // The NTS certificates: read again every minute, and when chronyd
        // was (re)started (an apply or a renewal may have changed them).
        let now_pid = status.borrow().pid;
        if certs_at.is_none_or(|t| t.elapsed() >= CERTS_EVERY) || now_pid != pid {
            let config = shared.fixed.paths.config.clone();
            (certs, leap) = tokio::task::spawn_blocking(move || config_files(&config))
                .await
                .unwrap_or_default();
            certs_at = Some(Instant::now());
            pid = now_pid;
        }
        snap.nts_certs = certs.clone();
        snap.leap_list = leap.clone();
        let thresholds = crate::core::export::alerts::Thresholds::default();
        // The roster's verdicts first: its alarms are part of the one
        // verdict on this poll.
        shared.roster.annotate(&mut snap, thresholds.offset_warn);
        snap.health = crate::core::health::verdict(&snap, &thresholds);
        publish(&shared, &snap);
        if last_save.elapsed() >= SAVE_EVERY {
            save_history(&shared).await;
            last_save = Instant::now();
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::codes::ErrorCode;
    use crate::helper::supervisor::ChronydStatus;

    fn silent() -> Snapshot {
        Snapshot {
            error: Some(ErrorCode::ChronydUnreachable),
            error_detail: Some("/run/x.sock: Connection refused".into()),
            ..Snapshot::default()
        }
    }

    #[test]
    fn silence_is_progress_while_chronyd_starts_and_a_fault_with_its_reason_after() {
        let started = ChronydStatus {
            pid: Some(42),
            since: Some(Instant::now()),
            ..ChronydStatus::default()
        };
        // Just started, never answered: a step of the start.
        let mut s = silent();
        judge_silence(&mut s, &started, None);
        assert!(s.starting);
        // Its process not there yet (the trust check comes first): a step
        // of the start too.
        let launching = ChronydStatus {
            since: Some(Instant::now()),
            ..ChronydStatus::default()
        };
        let mut s = silent();
        judge_silence(&mut s, &launching, None);
        assert!(s.starting);
        // The same chronyd answered before: silence now is a fault.
        let mut s = silent();
        judge_silence(&mut s, &started, Some(42));
        assert!(!s.starting);
        assert_eq!(s.error, Some(ErrorCode::ChronydUnreachable));
        assert!(s.error_detail.is_some());
        // Stopped: chronyd's own reason.
        let stopped = ChronydStatus {
            last_exit: Some("Fatal error : Invalid directive at line 3".into()),
            ..ChronydStatus::default()
        };
        let mut s = silent();
        judge_silence(&mut s, &stopped, Some(42));
        assert_eq!(s.error, Some(ErrorCode::ChronydExited));
        assert_eq!(
            s.error_detail.as_deref(),
            Some("Fatal error : Invalid directive at line 3")
        );
        assert!(!s.starting);
    }
}
