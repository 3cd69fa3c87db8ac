//! `stratum fleet`: every chronyd the helper watches, one row each.

use std::process::ExitCode;

use super::args::ReadArgs;
use super::common::{CliError, CliResult, out};
use super::status::{connect, ipc_error, reply_error, target};
use crate::core::codes::ErrorCode;
use crate::i18n::Localizer;
use crate::ipc::{FleetRow, ReplyBody, RequestBody};

pub fn run(a: ReadArgs, tr: &Localizer) -> CliResult {
    let (to, json) = (target(a.target)?, a.json);
    let mut client = connect(to, tr)?;
    let hosts = match client
        .request(RequestBody::Fleet)
        .map_err(|e| ipc_error(e, tr))?
    {
        ReplyBody::Fleet { hosts } => hosts,
        ReplyBody::Error { code, detail } => return Err(reply_error(tr, code, detail)),
        _ => {
            return Err(CliError::new("cli-helper-error")
                .arg("reason", tr.error_text(ErrorCode::IpcUnexpected, None)));
        }
    };
    if json {
        out!("{}\n", serde_json::to_string_pretty(&hosts).expect("json"));
    } else {
        out!("{}", table(&hosts, tr));
    }
    Ok(ExitCode::SUCCESS)
}

fn table(hosts: &[FleetRow], tr: &Localizer) -> String {
    let mut t = format!(
        "{:<28} {:>3} {:<20} {:>14} {:>10}  {}\n",
        tr.tr("fleet-host"),
        tr.tr("fleet-stratum"),
        tr.tr("fleet-reference"),
        tr.tr("fleet-offset"),
        tr.tr("fleet-frequency"),
        tr.tr("fleet-state"),
    );
    for h in hosts {
        let state = match (&h.error, h.reachable) {
            (Some(code), _) => tr.watch_error_text(*code),
            (None, true) => tr.tr("fleet-ok"),
            (None, false) => tr.tr("fleet-waiting"),
        };
        t.push_str(&format!(
            "{:<28} {:>3} {:<20} {:>14} {:>10}  {}\n",
            h.host,
            h.stratum
                .map(|s| s.to_string())
                .unwrap_or_else(|| "-".into()),
            h.reference.clone().unwrap_or_else(|| "-".into()),
            h.system_time
                .map(|v| format!("{v:+.9}"))
                .unwrap_or_else(|| "-".into()),
            h.frequency
                .map(|v| format!("{v:+.3}"))
                .unwrap_or_else(|| "-".into()),
            state.trim(),
        ));
        // Who on this server's roster keeps that server's time.
        match h.roster_followers.as_deref() {
            Some([]) => t.push_str(&format!("    {}\n", tr.tr("fleet-followers-none"))),
            Some(names) => t.push_str(&format!(
                "    {}\n",
                tr.tr_args("fleet-followers", &[("names", tr.list(names))])
            )),
            None => {}
        }
    }
    t
}
