//! The files of `stratum stats`: opened without blocking and refused unless
//! they are regular files (a FIFO would wait for a writer for ever),
//! recognised by their content, and read twice in fixed blocks — times,
//! then values — with a progress bar on a terminal.

use std::fs::File;
use std::os::unix::fs::{FileExt, MetadataExt, OpenOptionsExt};
use std::path::{Path, PathBuf};

use crate::cli::common::CliError;
use crate::core::chronylog::{Content, HEAD_BYTES, LogKind, detect};
use crate::core::series::Field;
use crate::core::stats::scan::{FileScan, Input, Record, Scan, Streams};

use super::progress::Progress;

/// The block read at a time.
const BLOCK: usize = 256 * 1024;

/// A file to read, recognised.
pub struct InFile {
    pub path: PathBuf,
    file: File,
    size: u64,
    pub input: Input,
    /// Its first record's time (files are read in that order).
    first: Option<f64>,
    id: (u64, u64),
}

/// What a file read gave.
#[derive(Debug, Clone, Copy, Default)]
pub struct FileCounts {
    pub records: u64,
    pub unreadable: u64,
    /// Tracking records of an unsynchronised chronyd, left out.
    pub unsynchronised: u64,
    /// Tracking records with no frequency estimate yet, left out of the
    /// frequency and skew series.
    pub no_estimate: u64,
    /// Raw refclock samples, left out (the filtered ones are read).
    pub raw: u64,
    /// Filtered refclock samples, left out of `raw-offset`.
    pub filtered: u64,
    /// The first and last record times.
    pub span: Option<(f64, f64)>,
}

/// A path for a message: control characters escaped.
pub fn shown(path: &Path) -> String {
    path.display()
        .to_string()
        .chars()
        .flat_map(|c| {
            let esc: Vec<char> = if c.is_control() {
                c.escape_default().collect()
            } else {
                vec![c]
            };
            esc
        })
        .collect()
}

fn cannot_read(path: &Path, e: std::io::Error) -> CliError {
    CliError::cannot_read(shown(path), &e)
}

fn read_at(file: &File, buf: &mut [u8], offset: u64) -> std::io::Result<usize> {
    loop {
        match file.read_at(buf, offset) {
            Err(e) if e.kind() == std::io::ErrorKind::Interrupted => continue,
            r => return r,
        }
    }
}

/// Opens and recognises `path` for `field`; refuses what is not a
/// regular file, not a log or export, or has no such column.
pub fn open(path: &Path, field: Field) -> Result<InFile, CliError> {
    let file = std::fs::OpenOptions::new()
        .read(true)
        .custom_flags(rustix::fs::OFlags::NONBLOCK.bits() as i32)
        .open(path)
        .map_err(|e| cannot_read(path, e))?;
    let meta = file.metadata().map_err(|e| cannot_read(path, e))?;
    if !meta.is_file() {
        return Err(CliError::new("stats-not-a-file").arg("path", shown(path)));
    }
    let size = meta.len();
    let mut head = vec![0u8; HEAD_BYTES.min(size as usize)];
    let mut got = 0;
    while got < head.len() {
        match read_at(&file, &mut head[got..], got as u64).map_err(|e| cannot_read(path, e))? {
            0 => break,
            n => got += n,
        }
    }
    head.truncate(got);
    let (content, first) = detect(&head, (got as u64) >= size);
    let p = || shown(path);
    let input = match content {
        Content::Log(kind) => Input::Log(kind),
        Content::HistoryCsv => Input::HistoryCsv,
        Content::Other(log) => {
            return Err(CliError::new("stats-other-log")
                .arg("path", p())
                .arg("log", log.id()));
        }
        Content::Compressed(format) => {
            return Err(CliError::new("stats-compressed")
                .arg("path", p())
                .arg("format", format));
        }
        Content::Utf16 => return Err(CliError::new("stats-utf16").arg("path", p())),
        Content::StatsCsv => return Err(CliError::new("stats-stats-csv").arg("path", p())),
        Content::Unknown => return Err(CliError::new("stats-unknown-file").arg("path", p())),
    };
    if FileScan::new(input, field).is_none() {
        let Input::Log(kind) = input else {
            unreachable!("an export has every series");
        };
        return Err(no_column(path, kind, field));
    }
    Ok(InFile {
        path: path.to_path_buf(),
        file,
        size,
        input,
        first,
        id: (meta.dev(), meta.ino()),
    })
}

/// A series as `--series` names it.
pub fn series_name(f: Field) -> String {
    f.id().replace('_', "-")
}

fn no_column(path: &Path, kind: LogKind, field: Field) -> CliError {
    let have: Vec<String> = kind.series().iter().map(|f| series_name(*f)).collect();
    CliError::new("stats-no-series")
        .arg("path", shown(path))
        .arg("log", kind.id())
        .arg("series", series_name(field))
        .arg("have", have.join(", "))
}

/// Files in the order of their first records (rotated logs given in any
/// order read as one), each file once; the paths read twice are returned.
pub fn order(mut files: Vec<InFile>) -> (Vec<InFile>, Vec<(PathBuf, PathBuf)>) {
    let mut again = Vec::new();
    let mut once: Vec<InFile> = Vec::new();
    for f in files.drain(..) {
        match once.iter().find(|g| g.id == f.id) {
            Some(g) => again.push((f.path, g.path.clone())),
            None => once.push(f),
        }
    }
    once.sort_by(|a, b| {
        a.first
            .unwrap_or(f64::INFINITY)
            .total_cmp(&b.first.unwrap_or(f64::INFINITY))
    });
    (once, again)
}

/// Bytes the two passes read.
pub fn total(files: &[InFile]) -> u64 {
    files.iter().map(|f| f.size).sum::<u64>() * 2
}

/// Records handed to the statistics thread at a time.
const RECORDS: usize = 8192;

/// One pass over every file, up to the size each had when opened (a log
/// chronyd is still writing ends there for both passes), each block's
/// records handed to `each`.
fn pass(
    files: &[InFile],
    scan: &mut Scan,
    progress: &mut Progress,
    mut each: impl FnMut(&mut Scan),
) -> Result<Vec<FileCounts>, CliError> {
    let mut buf = vec![0u8; BLOCK];
    let mut counts = Vec::new();
    for f in files {
        let mut fs = FileScan::new(f.input, scan.field()).expect("checked when opened");
        let mut offset = 0u64;
        while offset < f.size {
            let want = BLOCK.min((f.size - offset) as usize);
            let n =
                read_at(&f.file, &mut buf[..want], offset).map_err(|e| cannot_read(&f.path, e))?;
            if n == 0 {
                break;
            }
            fs.feed(&buf[..n], scan);
            each(scan);
            offset += n as u64;
            progress.add(n as u64);
        }
        // A file cut short since it was opened: the rest counts as read.
        progress.add(f.size - offset);
        fs.finish(scan);
        each(scan);
        counts.push(FileCounts {
            records: fs.records,
            unreadable: fs.unreadable,
            unsynchronised: fs.unsynchronised,
            no_estimate: fs.no_estimate,
            raw: fs.raw,
            filtered: fs.filtered,
            span: fs.span,
        });
    }
    Ok(counts)
}

/// The first pass: every series' times. Refused when two files' times
/// overlap for most of the shorter one: one log's rotated copies follow
/// each other, so such files are two hosts' (or two chronyd's) logs, whose
/// records merged into one series would mean nothing.
pub fn times(files: &[InFile], scan: &mut Scan, progress: &mut Progress) -> Result<(), CliError> {
    let counts = pass(files, scan, progress, |_| {})?;
    let spans: Vec<(&InFile, (f64, f64))> = files
        .iter()
        .zip(&counts)
        .filter_map(|(f, c)| Some((f, c.span?)))
        .collect();
    for (i, (a, sa)) in spans.iter().enumerate() {
        for (b, sb) in &spans[i + 1..] {
            if let Some(overlap) = overlap(*sa, *sb) {
                return Err(CliError::new("stats-overlapping-logs")
                    .arg("path", shown(&a.path))
                    .arg("other", shown(&b.path))
                    .arg("from", crate::core::time::utc_datetime(overlap.0 as i64))
                    .arg("to", crate::core::time::utc_datetime(overlap.1 as i64)));
            }
        }
    }
    Ok(())
}

/// The common time of two files' records, when it is more than half the
/// shorter file's: a clock stepped back across a rotation makes a short
/// overlap, two logs of the same hours a long one.
fn overlap(a: (f64, f64), b: (f64, f64)) -> Option<(f64, f64)> {
    let (from, to) = (a.0.max(b.0), a.1.min(b.1));
    let shorter = (a.1 - a.0).min(b.1 - b.0);
    (to > from && to - from > shorter / 2.0).then_some((from, to))
}

/// The second pass: records read on this thread go to the statistics on
/// another (the two halves of the work take about as long), in batches
/// through a short queue whose buffers come back to be filled again.
pub fn values(
    files: &[InFile],
    scan: &mut Scan,
    mut streams: Streams,
    progress: &mut Progress,
) -> Result<(Vec<FileCounts>, Streams), CliError> {
    let (to_stats, batches) = std::sync::mpsc::sync_channel::<Vec<Record>>(4);
    let (to_reader, empties) = std::sync::mpsc::channel::<Vec<Record>>();
    std::thread::scope(|s| {
        let stats = s.spawn(move || {
            for batch in batches {
                streams.apply(&batch);
                let _ = to_reader.send(batch);
            }
            streams
        });
        let send = |scan: &mut Scan, all: bool| {
            if scan.pending() >= RECORDS || (all && scan.pending() > 0) {
                let mut buf = empties.try_recv().unwrap_or_default();
                scan.take_records(&mut buf);
                // The statistics thread only stops when this side does.
                let _ = to_stats.send(buf);
            }
        };
        let counts = pass(files, scan, progress, |scan| send(scan, false));
        send(scan, true);
        drop(to_stats);
        let streams = stats.join().expect("the statistics thread does not panic");
        counts.map(|c| (c, streams))
    })
}
