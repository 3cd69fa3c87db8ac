//! `stratum stats FILE...`: the statistics of a series from chronyd's own
//! logs (tracking, measurements, statistics, refclocks; rotated or renamed copies,
//! any release from 4.0 to 4.9) or Stratum's CSV exports, recognised by
//! their content: ntpviz's summary and a histogram of every value, gaps,
//! duplicate and out-of-order records, and for phase and frequency series
//! OADEV, MDEV and TDEV with confidence intervals. Files of any size are
//! streamed twice (times, then values) in fixed memory; see
//! `core::stats::scan`.

mod output;
mod progress;
mod read;

use std::path::PathBuf;
use std::process::ExitCode;

use super::args::StatsArgs;
use super::common::{CliError, CliResult};
use crate::core::chronylog::LogKind;
use crate::core::series::Field;
use crate::core::stats::scan::{Input, Scan};
use crate::i18n::Localizer;

#[derive(Clone, Copy, PartialEq, Eq)]
enum Format {
    Text,
    Json,
    Csv,
}

/// A `--series` value: `root-delay` or `root_delay`.
fn parse_field(s: &str) -> Option<Field> {
    let f = Field::from_id(&s.replace('-', "_"))?;
    LogKind::ALL_SERIES.contains(&f).then_some(f)
}

pub fn run(a: StatsArgs, tr: &Localizer) -> CliResult {
    let paths: Vec<PathBuf> = a.files;
    let mut field = Field::Offset;
    // The series as the user named it: the key of the JSON output.
    let mut name = "offset".to_string();
    if let Some(v) = a.series {
        field = parse_field(&v).ok_or_else(|| {
            let all: Vec<String> = LogKind::ALL_SERIES
                .into_iter()
                .map(read::series_name)
                .collect();
            CliError::new("stats-bad-series")
                .arg("value", v.escape_debug())
                .arg("series", all.join(", "))
        })?;
        name = v;
    }
    let format = match a.format.as_deref() {
        None | Some("text") => Format::Text,
        Some("json") => Format::Json,
        Some("csv") => Format::Csv,
        Some(v) => return Err(CliError::new("cli-bad-format").arg("value", v.escape_debug())),
    };
    if paths.is_empty() {
        return Err(CliError::new("cli-missing-option").arg("option", "FILE"));
    }
    // Every file is opened and recognised before any is read.
    let files = paths
        .iter()
        .map(|p| read::open(p, field))
        .collect::<Result<Vec<_>, _>>()?;
    let (mut files, again) = read::order(files);
    for (path, other) in &again {
        eprintln!(
            "stratum: {}",
            tr.tr_args(
                "stats-same-file",
                &[("path", read::shown(path)), ("other", read::shown(other))]
            )
        );
    }
    let mut progress = progress::Progress::new(tr.tr("stats-progress"), read::total(&files));
    let mut scan = Scan::new(field);
    let overlaps = read::times(&files, &mut scan, &mut progress)?;
    if !overlaps.is_empty() {
        // Copies of one log lose their common records to the other file;
        // then the times are read again without them.
        for o in &overlaps {
            read::copies(&mut files, &scan, o, &mut progress)?;
        }
        scan = Scan::new(field);
        if let Some(o) = read::times(&files, &mut scan, &mut progress)?.first() {
            return Err(read::overlapping(&files, o));
        }
    }
    let streams = scan.start_values();
    let (counts, streams) = read::values(&files, &mut scan, streams, &mut progress)?;
    progress.finish();
    let dropped = scan.dropped;
    let series = scan.finish(streams);
    let mut never_synchronised = false;
    for (f, c) in files.iter().zip(&counts) {
        // chrony.conf(5) log tracking: "L … ? unsynchronised". A log whose
        // every record says so was read and understood: chronyd has not
        // been synchronised yet, and that is the answer (exit 0).
        if c.records == 0 && c.no_estimate == 0 && c.unsynchronised > 0 {
            never_synchronised = true;
            let text = tr.tr_args(
                "stats-never-synchronised",
                &[
                    ("path", read::shown(&f.path)),
                    ("records", c.unsynchronised.to_string()),
                ],
            );
            // The whole result when nothing else was read; a note beside
            // the statistics (or the JSON) otherwise.
            if series.is_empty() && format == Format::Text {
                crate::cli::common::outln!("{text}");
            } else {
                eprintln!("stratum: {text}");
            }
        } else if c.unsynchronised > 0 {
            eprintln!(
                "stratum: {}",
                tr.tr_args(
                    "stats-unsynchronised",
                    &[
                        ("path", read::shown(&f.path)),
                        ("records", c.unsynchronised.to_string())
                    ]
                )
            );
        }
        if c.no_estimate > 0 {
            eprintln!(
                "stratum: {}",
                tr.tr_args(
                    "stats-no-estimate",
                    &[
                        ("path", read::shown(&f.path)),
                        ("records", c.no_estimate.to_string())
                    ]
                )
            );
        }
        if f.input == Input::Log(LogKind::Refclocks) {
            let (id, left_out) = if LogKind::Refclocks.raw_samples(field) {
                ("stats-refclock-raw-samples", c.filtered)
            } else {
                ("stats-refclock-samples", c.raw)
            };
            eprintln!(
                "stratum: {}",
                tr.tr_args(
                    id,
                    &[
                        ("path", read::shown(&f.path)),
                        ("records", left_out.to_string())
                    ]
                )
            );
        }
        if c.copies > 0 {
            eprintln!(
                "stratum: {}",
                tr.tr_args(
                    "stats-copied-records",
                    &[
                        ("path", read::shown(&f.path)),
                        ("records", c.copies.to_string())
                    ]
                )
            );
        }
        if c.unreadable > 0 {
            eprintln!(
                "stratum: {}",
                tr.tr_args(
                    "stats-unreadable",
                    &[
                        ("path", read::shown(&f.path)),
                        ("lines", c.unreadable.to_string())
                    ]
                )
            );
        }
    }
    if dropped > 0 {
        eprintln!(
            "stratum: {}",
            tr.tr_args(
                "stats-dropped",
                &[
                    ("records", dropped.to_string()),
                    ("max", crate::core::stats::scan::MAX_SERIES.to_string())
                ]
            )
        );
    }
    // After the notes: they say why a file gave no values.
    if series.is_empty() && !never_synchronised {
        return Err(CliError::new("stats-empty").arg("series", name.escape_debug()));
    }
    let run = output::Run {
        name: &name,
        field,
        series: &series,
        files: &files,
        counts: &counts,
    };
    match format {
        Format::Json => run.json(),
        Format::Csv => run.csv(),
        Format::Text => run.text(tr),
    }
    Ok(ExitCode::SUCCESS)
}
