//! Stratum's history export (`series,time,min,max`, what the Plots panel
//! writes) read one line at a time with csv-core: quoting as CSV has it
//! (a spreadsheet may have saved it), in fixed buffers.

use crate::core::series::{Field, Scope, SeriesId};

use super::lines::MAX_LINE;
use super::record::Sign;

/// The history export's header.
pub const HISTORY_HEADER: [&str; 4] = ["series", "time", "min", "max"];

/// The name under which the Plots panel writes the system clock: ahead of
/// NTP time positive (chronyd's correction negated).
pub const CLOCK_AHEAD: &str = "system.clock_ahead";

/// One row: the series name, its time (Unix seconds) and the bucket's
/// lowest and highest value.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Row<'a> {
    pub name: &'a str,
    pub time: f64,
    pub min: f64,
    pub max: f64,
}

/// Reads rows with one csv-core reader and its buffers.
pub struct RowReader {
    csv: csv_core::Reader,
    out: Box<[u8; MAX_LINE]>,
    ends: [usize; 8],
}

impl Default for RowReader {
    fn default() -> Self {
        RowReader::new()
    }
}

impl RowReader {
    pub fn new() -> RowReader {
        RowReader {
            csv: csv_core::Reader::new(),
            out: Box::new([0; MAX_LINE]),
            ends: [0; 8],
        }
    }

    /// The fields of one line (at most 8), or `None` when it is not one
    /// CSV record.
    fn fields(&mut self, line: &[u8]) -> Option<usize> {
        use csv_core::ReadRecordResult::{End, InputEmpty, Record};
        self.csv.reset();
        let (r, used, written, n) = self
            .csv
            .read_record(line, &mut self.out[..], &mut self.ends);
        if used != line.len() || !matches!(r, InputEmpty | Record) {
            return None;
        }
        let n = if matches!(r, Record) {
            n
        } else {
            // End of input closes the record (ends count from its start).
            let (r, _, _, m) =
                self.csv
                    .read_record(&[], &mut self.out[written..], &mut self.ends[n..]);
            if !matches!(r, Record | End) {
                return None;
            }
            n + m
        };
        Some(n)
    }

    fn field(&self, i: usize) -> &[u8] {
        let start = if i == 0 { 0 } else { self.ends[i - 1] };
        &self.out[start..self.ends[i]]
    }

    /// Whether `line` is a header with exactly these fields.
    pub fn is_header(&mut self, line: &[u8], header: &[&str]) -> bool {
        self.fields(line) == Some(header.len())
            && header
                .iter()
                .enumerate()
                .all(|(i, h)| self.field(i).eq_ignore_ascii_case(h.as_bytes()))
    }

    /// A history row whose name is a series and whose numbers are finite.
    pub fn read(&mut self, line: &[u8]) -> Option<Row<'_>> {
        if self.fields(line)? != 4 {
            return None;
        }
        let num = |b: &[u8]| {
            std::str::from_utf8(b)
                .ok()?
                .trim()
                .parse::<f64>()
                .ok()
                .filter(|v| v.is_finite())
        };
        let (time, min, max) = (
            num(self.field(1))?,
            num(self.field(2))?,
            num(self.field(3))?,
        );
        let name = std::str::from_utf8(self.field(0)).ok()?;
        series_of(name)?;
        Some(Row {
            name,
            time,
            min,
            max,
        })
    }
}

/// The series a history row belongs to, and what a positive value means
/// when that is known (the clock-ahead series: the local clock fast).
pub fn series_of(name: &str) -> Option<(SeriesId, Option<Sign>)> {
    if name == CLOCK_AHEAD {
        return Some((SeriesId::system(Field::Offset), Some(Sign::LocalFast)));
    }
    let id: SeriesId = name.parse().ok()?;
    // The system offset is always exported as the clock ahead; a row that
    // says otherwise is not from Stratum.
    if id.scope == Scope::System && id.field == Field::Offset {
        return None;
    }
    Some((id, None))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn rows_as_the_plots_panel_writes_them_and_as_a_spreadsheet_saves_them() {
        let mut r = RowReader::new();
        let row = r
            .read(b"system.clock_ahead,1780000000.000,-1e-6,3e-6")
            .unwrap();
        assert_eq!(
            (row.name, row.time, row.min, row.max),
            (CLOCK_AHEAD, 1.78e9, -1e-6, 3e-6)
        );
        let row = r
            .read(b"\"source.10.0.0.1.offset\",\"1780000000.5\",1,2")
            .unwrap();
        assert_eq!(row.name, "source.10.0.0.1.offset");
        for bad in [
            &b"system.offset,1,2,3"[..],
            b"bogus,1,2,3",
            b"system.frequency,1,2",
            b"system.frequency,1,2,nan",
            b"system.frequency,1,2,3,4",
            b"\"system.frequency,1,2,3",
        ] {
            assert!(r.read(bad).is_none(), "{}", String::from_utf8_lossy(bad));
        }
        assert!(r.is_header(b"series,time,min,max", &HISTORY_HEADER));
        assert!(!r.is_header(b"series,time,min", &HISTORY_HEADER));
        assert!(r.is_header(
            b"series,kind,tau,value,low,high",
            &crate::core::stats::summary::CSV_HEADER
        ));
    }
}
