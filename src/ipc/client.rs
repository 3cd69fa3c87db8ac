//! The client side of the helper socket, for the CLI and the GUI backend.

use std::os::unix::net::UnixStream;
use std::path::Path;
use std::time::Duration;

use super::frame::{FrameError, read_frame, write_frame};
use super::{
    ClientMessage, HelperInfo, PROTOCOL_VERSION, ReplyBody, RequestBody, ServerMessage, Snapshot,
};

#[derive(Debug, thiserror::Error)]
pub enum IpcError {
    #[error("no helper answers at {0}")]
    Unreachable(String),
    #[error("the helper refused the connection: {0}")]
    Refused(String),
    #[error(transparent)]
    Frame(#[from] FrameError),
}

impl IpcError {
    pub fn code(&self) -> String {
        match self {
            IpcError::Unreachable(_) => "helper-unreachable".into(),
            IpcError::Refused(c) => c.clone(),
            IpcError::Frame(f) => f.code().into(),
        }
    }
}

pub struct IpcClient {
    stream: UnixStream,
    next_id: u64,
    pub info: HelperInfo,
    /// Snapshots pushed while waiting for a reply (after Subscribe).
    pub pushed: Vec<Snapshot>,
}

impl IpcClient {
    pub fn connect(path: &Path, timeout: Duration) -> Result<IpcClient, IpcError> {
        let mut stream = UnixStream::connect(path)
            .map_err(|_| IpcError::Unreachable(path.display().to_string()))?;
        stream
            .set_read_timeout(Some(timeout))
            .map_err(FrameError::from)?;
        stream
            .set_write_timeout(Some(timeout))
            .map_err(FrameError::from)?;
        write_frame(
            &mut stream,
            &ClientMessage::Hello {
                protocol: PROTOCOL_VERSION,
            },
        )?;
        match read_frame(&mut stream)? {
            ServerMessage::Hello { info, .. } => Ok(IpcClient {
                stream,
                next_id: 1,
                info,
                pushed: Vec::new(),
            }),
            ServerMessage::Fatal { code } => Err(IpcError::Refused(code)),
            _ => Err(IpcError::Refused("ipc-no-hello".into())),
        }
    }

    pub fn set_timeout(&self, timeout: Duration) {
        let _ = self.stream.set_read_timeout(Some(timeout));
    }

    pub fn request(&mut self, body: RequestBody) -> Result<ReplyBody, IpcError> {
        let id = self.next_id;
        self.next_id += 1;
        write_frame(&mut self.stream, &ClientMessage::Request { id, body })?;
        loop {
            match read_frame(&mut self.stream)? {
                ServerMessage::Reply { id: got, body } if got == id => return Ok(body),
                ServerMessage::Push { snapshot } => self.pushed.push(*snapshot),
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
                ServerMessage::Push { snapshot } => return Ok(*snapshot),
                ServerMessage::Fatal { code } => return Err(IpcError::Refused(code)),
                _ => continue,
            }
        }
    }
}
