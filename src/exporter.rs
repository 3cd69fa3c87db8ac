//! Serving a Prometheus page over HTTP/1.1: `GET /metrics` answers the page
//! built last (by whoever builds it, once per poll, off this task), anything
//! else is 404. One request per connection.
//!
//! Nothing a client does costs more than a buffer and a deadline: requests
//! are capped in size and time, and when every connection slot is taken the
//! *oldest* connection is closed to make room. A crowd of slow clients
//! (slowloris) therefore cycles through the slots while a real scraper, which
//! sends its request at once, is answered in milliseconds.

use std::collections::VecDeque;
use std::sync::{Arc, Mutex};
use std::time::Duration;

use tokio::io::{AsyncReadExt, AsyncWriteExt};
use tokio::net::{TcpListener, TcpStream};
use tokio::sync::watch;
use tokio::task::AbortHandle;

/// Connections served at once; the oldest is closed for a new one.
pub const MAX_CONNECTIONS: usize = 256;
/// The request line and headers (a Prometheus scrape sends a few hundred
/// bytes).
const MAX_REQUEST: usize = 4096;
/// The whole request must arrive within this.
const REQUEST_DEADLINE: Duration = Duration::from_secs(5);
/// The whole answer must be taken within this.
const WRITE_DEADLINE: Duration = Duration::from_secs(10);

/// The page being served: the latest bytes, shared by every connection.
pub type PageRx = watch::Receiver<Arc<[u8]>>;

/// Open connections, oldest first.
#[derive(Default)]
struct Open {
    next_id: u64,
    conns: VecDeque<(u64, AbortHandle)>,
}

/// Accepts until the task is dropped.
pub async fn serve(listener: TcpListener, page: PageRx) {
    let open = Arc::new(Mutex::new(Open::default()));
    loop {
        let conn = match listener.accept().await {
            Ok((c, _)) => c,
            Err(e) => {
                // Out of file descriptors: wait instead of spinning.
                tracing::warn!(error = %e, "metrics: accept failed");
                tokio::time::sleep(Duration::from_millis(50)).await;
                continue;
            }
        };
        // One lock over evict, spawn and register: a connection that ends
        // at once still finds itself registered when it unregisters.
        let mut o = lock(&open);
        while o.conns.len() >= MAX_CONNECTIONS {
            if let Some((_, oldest)) = o.conns.pop_front() {
                oldest.abort();
            }
        }
        o.next_id += 1;
        let id = o.next_id;
        let page = page.borrow().clone();
        let done = Arc::clone(&open);
        let task = tokio::spawn(async move {
            let _ = answer(conn, &page).await;
            lock(&done).conns.retain(|(i, _)| *i != id);
        });
        o.conns.push_back((id, task.abort_handle()));
    }
}

fn lock<T>(m: &Mutex<T>) -> std::sync::MutexGuard<'_, T> {
    m.lock().unwrap_or_else(std::sync::PoisonError::into_inner)
}

/// What a request asks for.
#[derive(Debug, PartialEq, Eq)]
enum Asked {
    Metrics,
    Other,
    /// Not an HTTP request we can read.
    Bad,
}

fn read_request(head: &[u8]) -> Asked {
    let Some(line) = head.split(|b| *b == b'\n').next() else {
        return Asked::Bad;
    };
    let line = String::from_utf8_lossy(line);
    let mut w = line.split_whitespace();
    match (w.next(), w.next(), w.next()) {
        (Some("GET"), Some(path), Some(v)) if v.starts_with("HTTP/1.") => {
            let path = path.split('?').next().unwrap_or("");
            if path == "/metrics" {
                Asked::Metrics
            } else {
                Asked::Other
            }
        }
        _ => Asked::Bad,
    }
}

async fn answer(mut conn: TcpStream, page: &Arc<[u8]>) -> std::io::Result<()> {
    let mut buf = [0u8; MAX_REQUEST];
    let mut n = 0;
    let complete = tokio::time::timeout(REQUEST_DEADLINE, async {
        while n < buf.len() {
            let got = conn.read(&mut buf[n..]).await?;
            if got == 0 {
                return Ok::<bool, std::io::Error>(false);
            }
            n += got;
            if buf[..n].windows(4).any(|w| w == b"\r\n\r\n")
                || buf[..n].windows(2).any(|w| w == b"\n\n")
            {
                return Ok(true);
            }
        }
        Ok(false)
    })
    .await;
    let (status, body): (&str, &[u8]) = match complete {
        Ok(Ok(true)) => match read_request(&buf[..n]) {
            Asked::Metrics => ("200 OK", page),
            Asked::Other => ("404 Not Found", b"not found\n"),
            Asked::Bad => ("400 Bad Request", b"bad request\n"),
        },
        // Too long, too slow, or closed before the end of its headers.
        Ok(Ok(false)) if n >= buf.len() => ("431 Request Header Fields Too Large", b""),
        _ => return Ok(()),
    };
    let head = format!(
        "HTTP/1.1 {status}\r\nContent-Type: text/plain; version=0.0.4; charset=utf-8\r\nContent-Length: {}\r\nConnection: close\r\n\r\n",
        body.len()
    );
    tokio::time::timeout(WRITE_DEADLINE, async {
        conn.write_all(head.as_bytes()).await?;
        conn.write_all(body).await?;
        conn.shutdown().await
    })
    .await
    .unwrap_or_else(|_| Err(std::io::ErrorKind::TimedOut.into()))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_get_metrics_is_the_page() {
        assert_eq!(read_request(b"GET /metrics HTTP/1.1\r\n"), Asked::Metrics);
        assert_eq!(
            read_request(b"GET /metrics?x=1 HTTP/1.0\r\n"),
            Asked::Metrics
        );
        assert_eq!(read_request(b"GET / HTTP/1.1\r\n"), Asked::Other);
        assert_eq!(read_request(b"POST /metrics HTTP/1.1\r\n"), Asked::Bad);
        assert_eq!(read_request(b"\x00\xff garbage"), Asked::Bad);
    }

    #[test]
    fn a_crowd_of_silent_connections_does_not_keep_a_scraper_out() {
        let rt = tokio::runtime::Builder::new_current_thread()
            .enable_all()
            .build()
            .unwrap();
        rt.block_on(async {
            let l = TcpListener::bind("127.0.0.1:0").await.unwrap();
            let addr = l.local_addr().unwrap();
            let (_tx, rx) = watch::channel::<Arc<[u8]>>(Arc::from(&b"chrony_up 1\n"[..]));
            let server = tokio::spawn(serve(l, rx));
            // Twice the slots, each sending half a request and nothing more.
            let mut silent = Vec::new();
            for _ in 0..2 * MAX_CONNECTIONS {
                let mut c = TcpStream::connect(addr).await.unwrap();
                c.write_all(b"GET /metr").await.unwrap();
                silent.push(c);
            }
            for _ in 0..5 {
                let mut c = TcpStream::connect(addr).await.unwrap();
                c.write_all(b"GET /metrics HTTP/1.1\r\nHost: x\r\n\r\n")
                    .await
                    .unwrap();
                let mut got = Vec::new();
                tokio::time::timeout(Duration::from_secs(2), c.read_to_end(&mut got))
                    .await
                    .expect("answered while the slots were full")
                    .unwrap();
                let text = String::from_utf8_lossy(&got);
                assert!(text.starts_with("HTTP/1.1 200 OK"), "{text}");
                assert!(text.ends_with("chrony_up 1\n"), "{text}");
            }
            server.abort();
        });
    }
}
