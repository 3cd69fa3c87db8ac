//! `stratum stats FILE...`: the statistics of a series from chronyd's own
//! logs (tracking.log, measurements.log, statistics.log; rotated copies
//! too) or Stratum's CSV exports: ntpviz's summary and, for phase and
//! frequency series, OADEV, MDEV and TDEV with confidence intervals.
//! Files are streamed; each series keeps at most `MAX_POINTS` points and a
//! file names at most `MAX_SERIES` sources.

use std::collections::BTreeMap;
use std::io::{BufRead, BufReader, Read};
use std::path::Path;
use std::process::ExitCode;

use super::args::StatsArgs;
use serde::Serialize;

use super::common::{CliError, CliResult, outln};
use crate::core::chronylog::{LogKind, parse_number, parse_time};
use crate::core::series::Field;
use crate::core::stats::{Deviations, MAX_POINTS, Noise, Summary};
use crate::i18n::Localizer;

/// The most series one run keeps (sources in a measurements log).
pub const MAX_SERIES: usize = 256;

/// The longest line read (chronyd's are about 150 bytes).
const MAX_LINE: usize = 4096;

#[derive(Clone, Copy, PartialEq, Eq)]
enum Format {
    Text,
    Json,
    Csv,
}

/// What the values are, for deviations and units.
#[derive(Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
enum Unit {
    /// Seconds of phase (offsets).
    Seconds,
    /// Parts per million of frequency.
    Ppm,
}

/// A series' (time, value) points as read, at most `MAX_POINTS`.
#[derive(Default)]
struct Raw(Vec<(f64, f64)>);

impl Raw {
    fn push(&mut self, t: f64, v: f64) {
        if self.0.len() < MAX_POINTS && v.is_finite() {
            self.0.push((t, v));
        }
    }
}

#[derive(Serialize)]
struct SeriesStats {
    unit: Unit,
    first: f64,
    last: f64,
    summary: Summary,
    #[serde(skip_serializing_if = "Option::is_none")]
    adev: Option<Vec<[f64; 4]>>,
    #[serde(skip_serializing_if = "Option::is_none")]
    mdev: Option<Vec<[f64; 4]>>,
    #[serde(skip_serializing_if = "Option::is_none")]
    tdev: Option<Vec<[f64; 4]>>,
    #[serde(skip_serializing_if = "Option::is_none")]
    noise: Option<Vec<Noise>>,
    #[serde(skip)]
    deviations: Option<Deviations>,
}

fn kind_of(path: &Path) -> Option<LogKind> {
    let name = path.file_name()?.to_string_lossy();
    // Rotated copies: tracking.log.1, measurements.log-20261130.
    ["tracking.log", "measurements.log", "statistics.log"]
        .into_iter()
        .find(|n| name.starts_with(n))
        .and_then(LogKind::from_file_name)
}

fn field_name(f: Field) -> String {
    f.id().to_string()
}

fn parse_field(s: &str) -> Option<Field> {
    Field::from_id(&s.replace('-', "_"))
}

fn open(path: &Path) -> Result<BufReader<std::fs::File>, CliError> {
    let f = std::fs::File::open(path).map_err(|e| {
        CliError::new("cli-cannot-read")
            .arg("path", path.display())
            .arg("reason", e)
    })?;
    // A FIFO or device could block or never end.
    if !f.metadata().is_ok_and(|m| m.is_file()) {
        return Err(CliError::new("stats-not-a-file").arg("path", path.display()));
    }
    Ok(BufReader::with_capacity(1 << 20, f))
}

/// Reads capped lines, handing each to `each`.
fn lines(mut r: impl BufRead, mut each: impl FnMut(&[u8])) -> std::io::Result<()> {
    let mut line = Vec::with_capacity(256);
    loop {
        line.clear();
        let n = (&mut r)
            .take(MAX_LINE as u64)
            .read_until(b'\n', &mut line)?;
        if n == 0 {
            return Ok(());
        }
        if line.last() != Some(&b'\n') && n == MAX_LINE {
            // Too long to be a record: skip to its end.
            let mut sink = Vec::new();
            r.read_until(b'\n', &mut sink)?;
            continue;
        }
        each(&line);
    }
}

fn read_log(
    path: &Path,
    kind: LogKind,
    field: Field,
    out: &mut BTreeMap<String, (Unit, Raw)>,
) -> Result<(), CliError> {
    let Some(&(col, _, scale)) = kind.fields().iter().find(|f| f.1 == field) else {
        return Err(CliError::new("stats-no-series")
            .arg("series", field_name(field))
            .arg("path", path.display()));
    };
    let unit = if field == Field::Frequency {
        Unit::Ppm
    } else {
        Unit::Seconds
    };
    let mut day = ([0u8; 10], 0i64);
    let mut key = String::new();
    let r = open(path)?;
    lines(r, |line| {
        let Some(t) = parse_time(line, &mut day) else {
            return;
        };
        let mut words = line
            .split(|b| b.is_ascii_whitespace())
            .filter(|w| !w.is_empty());
        let fields: Vec<&[u8]> = words.by_ref().take(col + 1).collect();
        let (Some(addr), Some(value)) = (fields.get(2), fields.get(col)) else {
            return;
        };
        let Some(v) = parse_number(value) else {
            return;
        };
        key.clear();
        key.push_str(&match kind {
            LogKind::Tracking => "system".to_string(),
            _ => String::from_utf8_lossy(addr).into_owned(),
        });
        key.push(' ');
        key.push_str(&field_name(field));
        if !out.contains_key(&key) && out.len() >= MAX_SERIES {
            return;
        }
        out.entry(key.clone())
            .or_insert_with(|| (unit, Raw::default()))
            .1
            .push(t as f64, v * scale);
    })
    .map_err(|e| {
        CliError::new("cli-cannot-read")
            .arg("path", path.display())
            .arg("reason", e)
    })
}

/// Stratum's CSV export (`series,time,min,max`): the middle of each row.
fn read_csv(
    path: &Path,
    field: Field,
    out: &mut BTreeMap<String, (Unit, Raw)>,
) -> Result<(), CliError> {
    let mut r = csv::ReaderBuilder::new()
        .has_headers(true)
        .flexible(true)
        .from_reader(open(path)?);
    let want = field_name(field);
    for rec in r.records() {
        let Ok(rec) = rec else {
            continue;
        };
        let (Some(name), Some(t), Some(lo), Some(hi)) =
            (rec.get(0), rec.get(1), rec.get(2), rec.get(3))
        else {
            continue;
        };
        // system.clock_ahead is the plotted (negated) system offset.
        let matches = name.ends_with(&format!(".{want}"))
            || (field == Field::Offset && name == "system.clock_ahead");
        if !matches || name.len() > 256 {
            continue;
        }
        let (Ok(t), Ok(lo), Ok(hi)) = (t.parse::<f64>(), lo.parse::<f64>(), hi.parse::<f64>())
        else {
            continue;
        };
        if !out.contains_key(name) && out.len() >= MAX_SERIES {
            continue;
        }
        let unit = if field == Field::Frequency {
            Unit::Ppm
        } else {
            Unit::Seconds
        };
        out.entry(name.to_string())
            .or_insert_with(|| (unit, Raw::default()))
            .1
            .push(t, (lo + hi) / 2.0);
    }
    Ok(())
}

fn stats_of(unit: Unit, raw: Raw, field: Field) -> Option<SeriesStats> {
    let first = raw.0.iter().map(|p| p.0).fold(f64::INFINITY, f64::min);
    let last = raw.0.iter().map(|p| p.0).fold(f64::NEG_INFINITY, f64::max);
    let a = crate::core::stats::analyse(field, raw.0);
    let devs = a.deviations;
    Some(SeriesStats {
        unit,
        first,
        last,
        summary: a.summary?,
        adev: devs.as_ref().map(|d| d.oadev.clone()),
        mdev: devs.as_ref().map(|d| d.mdev.clone()),
        tdev: devs.as_ref().map(|d| d.tdev.clone()),
        noise: devs.as_ref().map(|d| d.noise.clone()),
        deviations: devs,
    })
}

fn text_of(name: &str, s: &SeriesStats, tr: &Localizer) -> String {
    let unit = match s.unit {
        Unit::Seconds => "s",
        Unit::Ppm => "ppm",
    };
    let mut o = tr.tr_args(
        "stats-series",
        &[
            ("series", name.to_string()),
            ("n", s.summary.n.to_string()),
            ("first", crate::core::time::utc_datetime(s.first as i64)),
            ("last", crate::core::time::utc_datetime(s.last as i64)),
            ("unit", unit.to_string()),
        ],
    );
    o.push('\n');
    for (id, v) in s.summary.rows() {
        let label = tr.tr(&format!("stats-label-{id}"));
        if matches!(id, "skewness" | "kurtosis") {
            o.push_str(&format!("  {label:<10} {v:>+14.3}\n"));
        } else {
            o.push_str(&format!("  {label:<10} {v:>+14.6e}\n"));
        }
    }
    if let (Some(a), Some(md), Some(td), Some(noise)) = (&s.adev, &s.mdev, &s.tdev, &s.noise) {
        o.push_str(&tr.tr("stats-deviations-head"));
        o.push('\n');
        for i in 0..a.len() {
            o.push_str(&format!(
                "  {:>10.0} {:>10.3e} [{:.3e} {:.3e}] {:>10.3e} {:>10.3e}  {}\n",
                a[i][0],
                a[i][1],
                a[i][2],
                a[i][3],
                md[i][1],
                td[i][1],
                tr.tr(&format!("stats-noise-{}", noise[i].id()))
            ));
        }
    }
    o
}

pub fn run(a: StatsArgs, tr: &Localizer) -> CliResult {
    let files = a.files;
    let field = match a.series {
        None => Field::Offset,
        Some(v) => parse_field(&v)
            .ok_or_else(|| CliError::new("stats-bad-series").arg("value", v.escape_debug()))?,
    };
    let format = match a.format.as_deref() {
        None | Some("text") => Format::Text,
        Some("json") => Format::Json,
        Some("csv") => Format::Csv,
        Some(v) => return Err(CliError::new("cli-bad-format").arg("value", v)),
    };
    if files.is_empty() {
        return Err(CliError::new("cli-missing-option").arg("option", "FILE"));
    }
    let mut raw: BTreeMap<String, (Unit, Raw)> = BTreeMap::new();
    for f in &files {
        match kind_of(f) {
            Some(kind) => read_log(f, kind, field, &mut raw)?,
            None if f.extension().is_some_and(|e| e == "csv") => read_csv(f, field, &mut raw)?,
            None => {
                return Err(CliError::new("stats-unknown-file").arg("path", f.display()));
            }
        }
    }
    let mut all: BTreeMap<String, SeriesStats> = BTreeMap::new();
    for (name, (unit, r)) in raw {
        if let Some(s) = stats_of(unit, r, field) {
            all.insert(name, s);
        }
    }
    if all.is_empty() {
        return Err(CliError::new("stats-empty").arg("series", field_name(field)));
    }
    match format {
        Format::Json => {
            let v = serde_json::json!({ "series": all });
            outln!("{}", serde_json::to_string_pretty(&v).expect("json"));
        }
        Format::Csv => {
            let mut w = csv::Writer::from_writer(Vec::new());
            let _ = w.write_record(crate::core::stats::CSV_HEADER);
            for (name, s) in &all {
                let _ =
                    crate::core::stats::write_csv(&mut w, name, &s.summary, s.deviations.as_ref());
            }
            let bytes = w.into_inner().unwrap_or_default();
            crate::cli::common::write_out(&bytes);
        }
        Format::Text => {
            for (name, s) in &all {
                outln!("{}", text_of(name, s, tr));
            }
        }
    }
    Ok(ExitCode::SUCCESS)
}
