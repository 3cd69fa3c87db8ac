//! Framing: a 4-byte big-endian length, then that many bytes of JSON.

use std::io::{self, Read, Write};

use serde::Serialize;
use serde::de::DeserializeOwned;

use super::{MAX_FRAME, MAX_REPLY_FRAME};
use crate::core::codes::ErrorCode;

#[derive(Debug, thiserror::Error)]
pub enum FrameError {
    #[error("connection closed")]
    Closed,
    #[error("frame of {0} bytes is over the limit")]
    TooLarge(usize),
    #[error("malformed message: {0}")]
    Malformed(String),
    #[error(transparent)]
    Io(#[from] io::Error),
}

impl FrameError {
    pub fn code(&self) -> ErrorCode {
        match self {
            FrameError::Closed => ErrorCode::IpcClosed,
            FrameError::TooLarge(_) => ErrorCode::IpcFrameTooLarge,
            FrameError::Malformed(_) => ErrorCode::IpcMalformed,
            FrameError::Io(e)
                if matches!(
                    e.kind(),
                    io::ErrorKind::WouldBlock | io::ErrorKind::TimedOut
                ) =>
            {
                ErrorCode::IpcTimeout
            }
            FrameError::Io(_) => ErrorCode::IpcIo,
        }
    }
}

pub fn write_frame<W: Write, T: Serialize>(w: &mut W, msg: &T) -> Result<(), FrameError> {
    let body = serde_json::to_vec(msg).map_err(|e| FrameError::Malformed(e.to_string()))?;
    if body.len() > MAX_FRAME {
        return Err(FrameError::TooLarge(body.len()));
    }
    let mut buf = Vec::with_capacity(body.len() + 4);
    buf.extend_from_slice(&(body.len() as u32).to_be_bytes());
    buf.extend_from_slice(&body);
    w.write_all(&buf)?;
    w.flush()?;
    Ok(())
}

/// Reads one frame from the helper. The length is checked first, and the
/// body grows with the bytes that come, never with the length a peer
/// claims.
pub fn read_frame<R: Read, T: DeserializeOwned>(r: &mut R) -> Result<T, FrameError> {
    let mut len = [0u8; 4];
    match r.read_exact(&mut len) {
        Ok(()) => {}
        Err(e) if e.kind() == io::ErrorKind::UnexpectedEof => return Err(FrameError::Closed),
        Err(e) => return Err(e.into()),
    }
    let len = u32::from_be_bytes(len) as usize;
    if len > MAX_REPLY_FRAME {
        return Err(FrameError::TooLarge(len));
    }
    let mut body = Vec::new();
    r.take(len as u64).read_to_end(&mut body)?;
    if body.len() < len {
        return Err(FrameError::Malformed("truncated frame".into()));
    }
    serde_json::from_slice(&body).map_err(|e| FrameError::Malformed(e.to_string()))
}

/// Encodes one frame (length prefix + JSON) for writing later.
pub fn encode_frame<T: Serialize>(msg: &T) -> Result<Vec<u8>, FrameError> {
    let body = serde_json::to_vec(msg).map_err(|e| FrameError::Malformed(e.to_string()))?;
    frame_bytes(&body)
}

/// Wraps an already encoded JSON body in a frame (helper to client).
pub fn frame_bytes(body: &[u8]) -> Result<Vec<u8>, FrameError> {
    if body.len() > MAX_REPLY_FRAME {
        return Err(FrameError::TooLarge(body.len()));
    }
    let mut buf = Vec::with_capacity(body.len() + 4);
    buf.extend_from_slice(&(body.len() as u32).to_be_bytes());
    buf.extend_from_slice(body);
    Ok(buf)
}

/// The async reader of the helper: waits as long as the caller likes for a
/// frame to start, then gives the rest of it `body_deadline` (a peer that
/// trickles a byte at a time does not hold a connection).
pub async fn read_frame_async<R, T>(
    r: &mut R,
    body_deadline: std::time::Duration,
) -> Result<T, FrameError>
where
    R: tokio::io::AsyncRead + Unpin,
    T: DeserializeOwned,
{
    use tokio::io::AsyncReadExt;
    let mut len = [0u8; 4];
    match r.read(&mut len[..1]).await {
        Ok(0) => return Err(FrameError::Closed),
        Ok(_) => {}
        Err(e) => return Err(e.into()),
    }
    let rest = async {
        r.read_exact(&mut len[1..]).await?;
        let n = u32::from_be_bytes(len) as usize;
        if n > MAX_FRAME {
            return Err(FrameError::TooLarge(n));
        }
        let mut body = Vec::new();
        (&mut *r).take(n as u64).read_to_end(&mut body).await?;
        if body.len() < n {
            return Err(FrameError::Io(io::ErrorKind::UnexpectedEof.into()));
        }
        Ok(body)
    };
    let body = match tokio::time::timeout(body_deadline, rest).await {
        Err(_) => {
            return Err(FrameError::Io(io::Error::new(
                io::ErrorKind::TimedOut,
                "frame not complete in time",
            )));
        }
        Ok(Err(FrameError::Io(e))) if e.kind() == io::ErrorKind::UnexpectedEof => {
            return Err(FrameError::Malformed("truncated frame".into()));
        }
        Ok(r) => r?,
    };
    serde_json::from_slice(&body).map_err(|e| FrameError::Malformed(e.to_string()))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ipc::{ClientMessage, RequestBody};

    #[test]
    fn frames_round_trip_and_refuse_garbage() {
        let msg = ClientMessage::Request {
            id: 7,
            body: RequestBody::Snapshot,
        };
        let mut buf = Vec::new();
        write_frame(&mut buf, &msg).unwrap();
        let back: ClientMessage = read_frame(&mut buf.as_slice()).unwrap();
        assert_eq!(back, msg);
        // Oversized length: refused before allocating.
        let huge = [0xff, 0xff, 0xff, 0xff, b'{'];
        assert!(matches!(
            read_frame::<_, ClientMessage>(&mut &huge[..]),
            Err(FrameError::TooLarge(_))
        ));
        // Truncated body.
        let mut t = buf.clone();
        t.truncate(buf.len() - 3);
        assert!(matches!(
            read_frame::<_, ClientMessage>(&mut t.as_slice()),
            Err(FrameError::Malformed(_))
        ));
        // Not JSON, or JSON of another shape.
        let mut g = 5u32.to_be_bytes().to_vec();
        g.extend_from_slice(b"\x00\x01xyz");
        assert!(matches!(
            read_frame::<_, ClientMessage>(&mut g.as_slice()),
            Err(FrameError::Malformed(_))
        ));
        assert!(matches!(
            read_frame::<_, ClientMessage>(&mut &[][..]),
            Err(FrameError::Closed)
        ));
    }
}
