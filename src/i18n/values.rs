//! A pasted value's reading in the reader's language. The paste keeps the
//! tool's English ("0.000000000 seconds fast of NTP time", "51 sec ago",
//! "TRUE"): it is what the user copied. Beside it the window and
//! `stratum explain --lang` say what it reads as, from the typed value.

use super::{Lang, Localizer};
use crate::core::explain::{Field, FieldId, Value, duration_seconds, human};

/// Fields whose seconds count back from now ("51 sec ago").
const AGO: &[FieldId] = &[
    FieldId::LastRx,
    FieldId::CmdLast,
    FieldId::LastKe,
    FieldId::NtpLast,
    FieldId::LastUpdate,
];

impl Localizer {
    /// The reading of `f`'s pasted words, where they are English words the
    /// reader's language says otherwise; none for an English reader (who
    /// reads the paste itself), a bare number or name, or a placeholder.
    pub fn value_reading(&self, f: &Field) -> Option<String> {
        let words = f.raw.bytes().any(|b| b.is_ascii_alphabetic());
        if self.lang == Lang::En || f.placeholder() || !words {
            return None;
        }
        let secs = |v: f64| {
            // Whole seconds back from now, as chronyc prints them.
            if AGO.contains(&f.name) && v >= 1.0 {
                self.tr_args("value-ago", &[("value", format!("{v:.0} s"))])
            } else {
                human(v)
            }
        };
        let reading = match f.value {
            // chronyc(1): the correction, positive when the clock is slow.
            Value::Seconds(v) if f.name == FieldId::SystemTime => {
                let id = if v > 0.0 {
                    "why-clock-slow"
                } else {
                    "why-clock-fast"
                };
                self.tr_args(id, &[("value", human(v.abs()))])
            }
            // tracking's frequency: positive when the clock runs fast.
            Value::Ppm(v) if f.name == FieldId::Frequency => {
                let id = if v > 0.0 {
                    "value-ppm-fast"
                } else {
                    "value-ppm-slow"
                };
                self.tr_args(id, &[("value", format!("{:.3}", v.abs()))])
            }
            Value::Bool(b) => self.tr(if b { "value-yes" } else { "value-no" }),
            Value::Seconds(v) => secs(v),
            _ => match duration_seconds(&f.raw) {
                Some(v) => secs(v),
                None => self.word_reading(&f.raw)?,
            },
        };
        (reading.trim() != f.raw.trim()).then_some(reading)
    }

    /// A value made only of words (`None`, `TRUE`, `Not synchronised`) in
    /// the reader's language, where the catalogue has it (`value-<words>`).
    fn word_reading(&self, raw: &str) -> Option<String> {
        let raw = raw.trim();
        let only_words = raw
            .chars()
            .all(|c| c.is_ascii_alphabetic() || c == ' ' || c == '-');
        let id = format!("value-{}", raw.to_ascii_lowercase().replace(' ', "-"));
        (only_words && self.has(&id)).then(|| self.tr(&id))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn read(lang: Lang, name: FieldId, raw: &str, value: Value) -> Option<String> {
        Localizer::new(lang).value_reading(&Field::typed(name, raw, value))
    }

    #[test]
    fn pasted_english_words_read_in_chinese_and_numbers_stay() {
        let zh = Lang::ZhCn;
        let fast = read(
            zh,
            FieldId::SystemTime,
            "0.000000000 seconds fast of NTP time",
            Value::Seconds(0.0),
        )
        .unwrap();
        assert!(fast.contains("NTP") && !fast.contains("seconds"), "{fast}");
        assert_eq!(
            read(zh, FieldId::LastUpdate, "51 sec ago", Value::Text).unwrap(),
            "51 s前"
        );
        assert_eq!(
            read(zh, FieldId::Other("x"), "TRUE", Value::Text).as_deref(),
            Some("是")
        );
        assert_eq!(
            read(zh, FieldId::Other("x"), "None", Value::Text).as_deref(),
            Some("无")
        );
        // A bare number, an address, a name no catalogue has: as pasted.
        assert_eq!(read(zh, FieldId::Stratum, "3", Value::Int(3)), None);
        assert_eq!(
            read(zh, FieldId::Other("x"), "ntp1.example.org", Value::Text),
            None
        );
        // An English reader reads the paste.
        assert_eq!(
            read(Lang::En, FieldId::Other("x"), "TRUE", Value::Text),
            None
        );
    }
}
