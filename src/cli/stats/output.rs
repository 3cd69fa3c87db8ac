//! What `stratum stats` prints: text in the user's language, JSON in the
//! shape DESIGN.md gives (`{"series": {NAME: …}}`, NAME as given on the
//! command line; sources' and watched hosts' series beside it), or CSV
//! rows `series,kind,tau,value,low,high`.

use serde_json::{Map, Value, json};

use super::read::{FileCounts, InFile};
use crate::cli::common::outln;
use crate::core::chronylog::{LogKind, Sign};
use crate::core::series::{Field, Scope};
use crate::core::stats::scan::{Input, SeriesInfo};
use crate::core::stats::{SeriesResult, write_csv};
use crate::i18n::Localizer;

pub struct Run<'a> {
    pub name: &'a str,
    pub field: Field,
    pub series: &'a [(SeriesInfo, SeriesResult)],
    pub files: &'a [InFile],
    pub counts: &'a [FileCounts],
}

/// The series' unit; `None` for counts and ratios.
fn unit(field: Field) -> Option<&'static str> {
    match field {
        Field::Frequency | Field::Skew | Field::ResidualFreq => Some("ppm"),
        // chrony.conf(5): polls are log2 seconds ("Local poll [10]").
        Field::Poll | Field::RemotePoll => Some("log₂ s"),
        Field::Stratum
        | Field::CombinedSources
        | Field::Score
        | Field::Stress
        | Field::Samples
        | Field::StartIndex
        | Field::Runs
        | Field::Asymmetry
        | Field::Clients => None,
        _ => Some("s"),
    }
}

/// The series whose values chronyd logs as whole numbers.
fn whole(field: Field) -> bool {
    matches!(
        field,
        Field::Stratum
            | Field::CombinedSources
            | Field::Samples
            | Field::StartIndex
            | Field::Runs
            | Field::Clients
            | Field::Poll
            | Field::RemotePoll
    )
}

fn sign_id(sign: Sign) -> &'static str {
    match sign {
        Sign::LocalFast => "local-fast",
        Sign::LocalSlow => "local-slow",
    }
}

fn input_id(input: Input) -> &'static str {
    match input {
        Input::Log(kind) => kind.id(),
        Input::HistoryCsv => "stratum-csv",
    }
}

impl Run<'_> {
    fn series_json(&self, info: &SeriesInfo, r: &SeriesResult) -> Value {
        let q = &r.quality;
        let mut summary = match serde_json::to_value(r.summary) {
            Ok(Value::Object(m)) => m,
            _ => Map::new(),
        };
        summary.insert("duplicates".into(), q.duplicates.into());
        summary.insert("reordered".into(), q.reordered.into());
        summary.insert("same_time".into(), q.same_time.into());
        summary.insert("gaps".into(), q.gaps.into());
        summary.insert("gap_seconds".into(), q.gap_seconds.into());
        let mut m = json!({
            "unit": unit(self.field),
            "first": r.first,
            "last": r.last,
            "summary": summary,
            "percentile_error": r.percentile_error,
            "histogram": {
                "lo": r.histogram.lo,
                "width": r.histogram.width,
                "counts": r.histogram.counts,
            },
            "tau0": r.tau0,
            "gaps": q.first_gaps,
            "longest_gap": q.longest_gap,
        });
        if let Some(s) = info.sign {
            m["positive"] = sign_id(s).into();
        }
        if let Some(d) = &r.deviations {
            m["adev"] = json!(d.oadev);
            m["mdev"] = json!(d.mdev);
            m["tdev"] = json!(d.tdev);
            m["noise"] = json!(d.noise);
        }
        m
    }

    pub fn json(&self) {
        let mut series = Map::new();
        let mut sources = Map::new();
        let mut hosts = Map::new();
        for (info, r) in self.series {
            let v = self.series_json(info, r);
            let one = |to: &mut Map<String, Value>, key: String| {
                let mut inner = Map::new();
                inner.insert(self.name.to_string(), v.clone());
                to.insert(key, Value::Object(inner));
            };
            match &info.scope {
                Scope::System => {
                    series.insert(self.name.to_string(), v.clone());
                }
                Scope::Source(a) => one(&mut sources, a.clone()),
                Scope::Host(h) => one(&mut hosts, h.to_string()),
            }
        }
        let files: Vec<Value> = self
            .files
            .iter()
            .zip(self.counts)
            .map(|(f, c)| {
                json!({
                    "path": f.path.to_string_lossy(),
                    "kind": input_id(f.input),
                    "records": c.records,
                    "unreadable": c.unreadable,
                    "unsynchronised": c.unsynchronised,
                    "no_frequency_estimate": c.no_estimate,
                })
                .as_object()
                .cloned()
                .map(|mut m| {
                    // Which samples of a refclocks log the series are.
                    if f.input == Input::Log(LogKind::Refclocks) {
                        if LogKind::Refclocks.raw_samples(self.field) {
                            m.insert("samples".into(), "raw".into());
                            m.insert("filtered_samples_left_out".into(), c.filtered.into());
                        } else {
                            m.insert("samples".into(), "filtered".into());
                            m.insert("raw_samples_left_out".into(), c.raw.into());
                        }
                    }
                    Value::Object(m)
                })
                .unwrap_or_default()
            })
            .collect();
        let mut top = json!({ "series": series });
        if !sources.is_empty() {
            top["sources"] = Value::Object(sources);
        }
        if !hosts.is_empty() {
            top["hosts"] = Value::Object(hosts);
        }
        top["files"] = Value::Array(files);
        outln!("{}", serde_json::to_string_pretty(&top).expect("json"));
    }

    /// The CSV `series` column: the name as given, after the source.
    fn label(&self, info: &SeriesInfo) -> String {
        match &info.scope {
            Scope::System => self.name.to_string(),
            Scope::Source(a) => format!("{a} {}", self.name),
            Scope::Host(h) => format!("{h} {}", self.name),
        }
    }

    pub fn csv(&self) {
        let mut w = csv::Writer::from_writer(Vec::new());
        let _ = w.write_record(crate::core::stats::CSV_HEADER);
        for (info, r) in self.series {
            let label = self.label(info);
            let _ = write_csv(&mut w, &label, &r.summary, r.deviations.as_ref());
            let q = &r.quality;
            for (k, v) in [
                ("duplicates", q.duplicates as f64),
                ("reordered", q.reordered as f64),
                ("gaps", q.gaps as f64),
                ("gap_seconds", q.gap_seconds),
                ("percentile_error", r.percentile_error),
            ] {
                let _ = w.write_record([label.as_str(), k, "", &v.to_string(), "", ""]);
            }
        }
        let bytes = w.into_inner().unwrap_or_default();
        crate::cli::common::write_out(&bytes);
    }

    pub fn text(&self, tr: &Localizer) {
        for (info, r) in self.series {
            outln!("{}", self.series_text(info, r, tr));
        }
        // Several series (the sources of a measurements or statistics
        // log): what was odd about the records, over all of them.
        if self.series.len() > 1 {
            let sum =
                |f: fn(&SeriesResult) -> u64| self.series.iter().map(|(_, r)| f(r)).sum::<u64>();
            outln!(
                "{}",
                tr.tr_args(
                    "stats-records-all",
                    &[
                        ("series", self.series.len().to_string()),
                        ("duplicates", sum(|r| r.quality.duplicates).to_string()),
                        ("reordered", sum(|r| r.quality.reordered).to_string()),
                        ("gaps", sum(|r| r.quality.gaps).to_string()),
                    ],
                )
            );
        }
    }

    fn series_text(&self, info: &SeriesInfo, r: &SeriesResult, tr: &Localizer) -> String {
        let name = match &info.scope {
            Scope::System => self.name.to_string(),
            Scope::Source(a) => tr.tr_args(
                "stats-of-source",
                &[("series", self.name.to_string()), ("source", a.clone())],
            ),
            Scope::Host(h) => tr.tr_args(
                "stats-of-source",
                &[("series", self.name.to_string()), ("source", h.to_string())],
            ),
        };
        let date = |t: f64| crate::core::time::utc_datetime(t as i64);
        let mut args = vec![
            ("series", name),
            ("n", r.summary.n.to_string()),
            ("first", date(r.first)),
            ("last", date(r.last)),
        ];
        let id = match unit(self.field) {
            Some(u) => {
                args.push(("unit", u.to_string()));
                "stats-series"
            }
            None => "stats-series-count",
        };
        let mut o = tr.tr_args(id, &args);
        o.push('\n');
        if let Some(s) = info.sign {
            o.push_str(&tr.tr(&format!("stats-sign-{}", sign_id(s))));
            o.push('\n');
        }
        let q = &r.quality;
        o.push_str(&tr.tr_args(
            "stats-records",
            &[
                ("duplicates", q.duplicates.to_string()),
                ("reordered", q.reordered.to_string()),
                ("gaps", q.gaps.to_string()),
            ],
        ));
        o.push('\n');
        if let (Some(g), Some(tau0)) = (q.longest_gap, r.tau0) {
            o.push_str(&tr.tr_args(
                "stats-gaps",
                &[
                    ("seconds", format!("{:.0}", q.gap_seconds)),
                    ("longest", format!("{:.0}", g.seconds)),
                    ("start", date(g.start)),
                    ("usual", format!("{tau0}")),
                ],
            ));
            o.push('\n');
        }
        let rows: Vec<(&str, String, f64)> = r
            .summary
            .rows()
            .into_iter()
            .map(|(id, v)| (id, tr.tr(&format!("stats-label-{id}")), v))
            .collect();
        // The values line up after the longest label.
        let w = rows
            .iter()
            .map(|(_, l, _)| l.chars().count())
            .max()
            .unwrap_or(0)
            .max(10);
        // A series of whole numbers (stratum, poll, samples…) reads as
        // numbers, +11 and +10.5, not +1.100000e1.
        let counts = whole(self.field);
        for (id, label, v) in rows {
            if matches!(id, "skewness" | "kurtosis") && !r.summary.has_shape() {
                let none = crate::core::explain::NO_VALUE;
                o.push_str(&format!("  {label:<w$} {none:>14}\n"));
            } else if matches!(id, "skewness" | "kurtosis") {
                o.push_str(&format!("  {label:<w$} {v:>+14.3}\n"));
            } else if counts && v.fract() == 0.0 {
                o.push_str(&format!("  {label:<w$} {v:>+14}\n"));
            } else if counts {
                o.push_str(&format!("  {label:<w$} {v:>+14.3}\n"));
            } else {
                o.push_str(&format!("  {label:<w$} {v:>+14.6e}\n"));
            }
        }
        if r.percentile_error > 0.0 {
            o.push_str(&tr.tr_args(
                "stats-sketched",
                &[("error", format!("{:.2}", r.percentile_error * 100.0))],
            ));
            o.push('\n');
        }
        if let Some(d) = &r.deviations {
            o.push_str(&tr.tr("stats-deviations-head"));
            o.push('\n');
            for i in 0..d.oadev.len() {
                let (a, md, td) = (d.oadev[i], d.mdev[i], d.tdev[i]);
                o.push_str(&format!(
                    "  {:>10.0} {:>10.3e} [{:.3e} {:.3e}] {:>10.3e} {:>10.3e}  {}\n",
                    a[0],
                    a[1],
                    a[2],
                    a[3],
                    md[1],
                    td[1],
                    tr.tr(&format!("stats-noise-{}", d.noise[i].id()))
                ));
            }
        }
        o
    }
}
