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
    /// Times whose records are copies of another file's, left out.
    skip: Vec<(f64, f64)>,
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
    /// Records left out as verbatim copies of another file's.
    pub copies: u64,
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
        skip: Vec::new(),
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
        fs.skip = f.skip.clone();
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
            copies: fs.copies,
        });
    }
    Ok(counts)
}

/// Two files whose records cover the same time, for most of the shorter.
#[derive(Debug, Clone, Copy)]
pub struct Overlap {
    a: usize,
    b: usize,
    from: f64,
    to: f64,
}

/// The first pass: every series' times, and the files whose times overlap
/// for most of the shorter one. One log's rotated copies follow each
/// other, so such files are either copies of one log (the same records:
/// see [`copies`]) or two hosts' (or two chronyd's) logs, whose records
/// merged into one series would mean nothing.
pub fn times(
    files: &[InFile],
    scan: &mut Scan,
    progress: &mut Progress,
) -> Result<Vec<Overlap>, CliError> {
    let counts = pass(files, scan, progress, |_| {})?;
    let spans: Vec<(usize, (f64, f64))> = counts
        .iter()
        .enumerate()
        .filter_map(|(i, c)| Some((i, c.span?)))
        .collect();
    let mut found = Vec::new();
    for (k, (a, sa)) in spans.iter().enumerate() {
        for (b, sb) in &spans[k + 1..] {
            if let Some((from, to)) = overlap(*sa, *sb) {
                found.push(Overlap {
                    a: *a,
                    b: *b,
                    from,
                    to,
                });
            }
        }
    }
    Ok(found)
}

/// The common time of two files' records, when it is more than half the
/// shorter file's: a clock stepped back across a rotation makes a short
/// overlap, two logs of the same hours a long one.
fn overlap(a: (f64, f64), b: (f64, f64)) -> Option<(f64, f64)> {
    let (from, to) = (a.0.max(b.0), a.1.min(b.1));
    let shorter = (a.1 - a.0).min(b.1 - b.0);
    (to > from && to - from > shorter / 2.0).then_some((from, to))
}

/// The refusal of two overlapping files that are not copies of one log.
pub fn overlapping(files: &[InFile], o: &Overlap) -> CliError {
    CliError::new("stats-overlapping-logs")
        .arg("path", shown(&files[o.a].path))
        .arg("other", shown(&files[o.b].path))
        .arg("from", crate::core::time::utc_datetime(o.from as i64))
        .arg("to", crate::core::time::utc_datetime(o.to as i64))
}

/// Records of the common time a check keeps (8 bytes each, plus the
/// table's room): past this the files are refused as before.
const COPY_CHECK: usize = 1 << 20;

/// Whether the overlapping files are copies of one log: every record of
/// one of them in the common time is, verbatim, a record of the other (an
/// admin's saved copy next to the live file, which may have more records
/// of the last second). That file's records of the common time are then
/// left out, as duplicates; any other difference (the same times with
/// other values) is two hosts' or two chronyd's logs, refused.
pub fn copies(
    files: &mut [InFile],
    scan: &Scan,
    o: &Overlap,
    progress: &mut Progress,
) -> Result<(), CliError> {
    let window = (o.from, o.to);
    let mut in_a = std::collections::HashSet::new();
    let mut too_many = false;
    records(&files[o.a], scan, window, progress, |fp| {
        if in_a.len() < COPY_CHECK {
            in_a.insert(fp);
        } else {
            too_many = true;
        }
    })?;
    if too_many {
        return Err(overlapping(files, o));
    }
    let mut seen_b = std::collections::HashSet::new();
    let (mut b_distinct, mut hits) = (0usize, 0usize);
    records(&files[o.b], scan, window, progress, |fp| {
        // Repeats inside one file are its own duplicates, found later.
        if seen_b.len() < COPY_CHECK && seen_b.insert(fp) {
            b_distinct += 1;
            hits += usize::from(in_a.contains(&fp));
        }
    })?;
    let subset = if hits > 0 && hits == b_distinct && seen_b.len() < COPY_CHECK {
        o.b
    } else if hits > 0 && hits == in_a.len() {
        o.a
    } else {
        return Err(overlapping(files, o));
    };
    files[subset].skip.push(window);
    Ok(())
}

/// The fingerprints of `f`'s records of the times `window`.
fn records(
    f: &InFile,
    scan: &Scan,
    window: (f64, f64),
    progress: &mut Progress,
    mut each: impl FnMut(u64),
) -> Result<(), CliError> {
    let mut check = scan.records_only();
    let mut buf = Vec::new();
    let mut take = |check: &mut Scan| {
        check.take_records(&mut buf);
        for r in &buf {
            if (window.0..=window.1).contains(&r.time) {
                each(r.fingerprint);
            }
        }
    };
    pass(std::slice::from_ref(f), &mut check, progress, |c| take(c))?;
    Ok(())
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
