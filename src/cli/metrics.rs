//! `stratum metrics --listen ADDR:PORT`: the Prometheus page served by an
//! unprivileged process, apart from the root helper (as ntpd-rs runs its
//! exporter apart from its daemon). It subscribes over the helper's socket
//! and so shows exactly what that socket shows its user: server statistics
//! only when the user may read them. Scrapes cost this process, never the
//! helper.

use std::net::SocketAddr;
use std::sync::Arc;
use std::time::Duration;

use super::args::MetricsArgs;

use super::common::{CliError, CliResult};
use super::status::connect;
use crate::core::metrics::{MAX_PAGE_BYTES, Target, page};
use crate::core::snapshot::Snapshot;
use crate::i18n::Localizer;
use crate::ipc::client::IpcClient;
use crate::ipc::{ReplyBody, RequestBody};

struct Args {
    listen: SocketAddr,
    to: Option<String>,
}

fn parse(a: MetricsArgs) -> Result<Args, CliError> {
    let to = super::status::target(a.target)?;
    let v = a
        .listen
        .ok_or_else(|| CliError::new("cli-missing-option").arg("option", "--listen"))?
        .to_string_lossy()
        .into_owned();
    let listen = v
        .parse::<SocketAddr>()
        .map_err(|_| CliError::new("helper-bad-listen").arg("value", v.escape_debug()))?;
    Ok(Args { listen, to })
}

/// One page from the helper: the local snapshot as this user may see it,
/// and every watched host.
fn page_from(client: &mut IpcClient, local: &Snapshot) -> String {
    let rows = match client.request(RequestBody::Fleet) {
        Ok(ReplyBody::Fleet { hosts }) => hosts,
        _ => Vec::new(),
    };
    let mut hosts: Vec<(String, Option<Snapshot>)> = Vec::new();
    for row in rows {
        let snap = if row.reachable {
            match client.request(RequestBody::FleetHost {
                host: row.host.clone(),
            }) {
                Ok(ReplyBody::Snapshot(s)) => Some(*s),
                _ => None,
            }
        } else {
            None
        };
        hosts.push((row.host.to_string(), snap));
    }
    let mut targets = vec![Target::local(Some(local))];
    for (host, snap) in &hosts {
        let mut t = Target::local(snap.as_ref());
        t.server = host;
        targets.push(t);
    }
    page(&targets, MAX_PAGE_BYTES)
}

pub fn run(a: MetricsArgs, tr: &Localizer) -> CliResult {
    let args = parse(a)?;
    let rt = tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()
        .map_err(|e| CliError::new("helper-io").arg("detail", e))?;
    let listener = rt
        .block_on(tokio::net::TcpListener::bind(args.listen))
        .map_err(|e| {
            CliError::new("helper-socket")
                .arg("path", args.listen)
                .arg("reason", e)
        })?;
    let down: Arc<[u8]> = Arc::from(page(&[Target::local(None)], MAX_PAGE_BYTES).into_bytes());
    let (tx, rx) = tokio::sync::watch::channel(Arc::clone(&down));
    std::thread::spawn(move || rt.block_on(crate::exporter::serve(listener, rx)));
    // The helper may come and go: the page says `chrony_up 0` meanwhile.
    loop {
        let mut client = match connect(args.to.clone(), tr) {
            Ok(c) => c,
            Err(_) => {
                tx.send_replace(Arc::clone(&down));
                std::thread::sleep(Duration::from_secs(2));
                continue;
            }
        };
        client.set_timeout(Duration::from_secs(30));
        if !matches!(
            client.request(RequestBody::Subscribe),
            Ok(ReplyBody::Subscribed)
        ) {
            std::thread::sleep(Duration::from_secs(2));
            continue;
        }
        while let Ok(snap) = client.next_push() {
            // Pushes that came while the fleet was asked for are older.
            let snap = client.pushed.drain(..).next_back().unwrap_or(snap);
            let text = page_from(&mut client, &snap);
            tx.send_replace(Arc::from(text.into_bytes()));
        }
        tx.send_replace(Arc::clone(&down));
        std::thread::sleep(Duration::from_secs(1));
    }
}
