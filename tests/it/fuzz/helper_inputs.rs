//! What the helper reads from others: IPC frames, its history file and
//! watch lists.

use crate::common;

use common::fuzz::{fuzz, mutate};

use super::*;

#[test]
fn ipc_frames() {
    use stratum::ipc::frame::{encode_frame, read_frame};
    use stratum::ipc::{ClientMessage, RequestBody, ServerMessage};
    let snap = stratum::ipc::Snapshot {
        time: 1.5,
        ..Default::default()
    };
    let seeds: Vec<Vec<u8>> = vec![
        encode_frame(&ClientMessage::Hello {
            protocol: stratum::ipc::PROTOCOL_VERSION,
        })
        .unwrap(),
        encode_frame(&ClientMessage::Request {
            id: 1,
            body: RequestBody::Apply {
                config: b"# R\xe9seau\nserver a iburst\n".to_vec().into(),
            },
        })
        .unwrap(),
        encode_frame(&ServerMessage::Reply {
            id: 1,
            body: stratum::ipc::ReplyBody::Config {
                text: b"allow 10.0.0.0/8 # \xff\n".to_vec().into(),
                path: "/etc/chrony/chrony.conf".into(),
            },
        })
        .unwrap(),
        encode_frame(&ClientMessage::Request {
            id: 2,
            body: RequestBody::History(stratum::ipc::HistoryQuery {
                series: "system.offset".parse().unwrap(),
                since: 0.0,
                until: 1e9,
                max_points: 100,
            }),
        })
        .unwrap(),
        encode_frame(&ServerMessage::Push {
            snapshot: Box::new(snap),
        })
        .unwrap(),
        encode_frame(&ServerMessage::Fatal {
            code: stratum::ipc::ErrorCode::IpcBusy,
        })
        .unwrap(),
    ];
    let tokens: &[&[u8]] = &[
        b"{",
        b"}",
        b"\"",
        b"[",
        b"]",
        b"null",
        b"1e999",
        b"\\u0000",
        b"\xff\xff\xff\x7f",
        // Inside the base64 of a configuration.
        b"=",
        b"+/",
    ];
    let run = fuzz("ipc", &seeds, tokens, budget(), 7, mutate, |input| {
        let _ = read_frame::<_, ClientMessage>(&mut &input[..]);
        let _ = read_frame::<_, ServerMessage>(&mut &input[..]);
    });
    eprintln!(
        "fuzz ipc: {} inputs ({:.0}/s)",
        run.inputs,
        run.per_second()
    );
}

#[test]
fn history_file_and_watch_lists() {
    use stratum::core::history::History;
    let mut h = History::default();
    for i in 0..300 {
        h.push(
            &"system.offset".parse().unwrap(),
            1_700_000_000.0 + i as f64,
            i as f64 * 1e-6,
        );
        h.push(
            &"host.a:323.frequency".parse().unwrap(),
            1_700_000_000.0 + i as f64,
            3.0,
        );
    }
    let mut saved = Vec::new();
    h.save(&mut saved).unwrap();
    let run = fuzz("history", &[saved], &[], budget(), 19, mutate, |input| {
        let _ = History::load(&mut &input[..]);
    });
    eprintln!(
        "fuzz history: {} inputs ({:.0}/s)",
        run.inputs,
        run.per_second()
    );
    let seeds = vec![b"# lab\n10.0.0.1\n[::1]:323\nntp1.lab:1323\n".to_vec()];
    fuzz(
        "watch",
        &seeds,
        &[b":", b"[", b"]", b"\n"],
        budget() / 4,
        23,
        mutate,
        |input| {
            let _ = stratum::helper::watch::parse_watch_file(&String::from_utf8_lossy(input));
        },
    );
}
