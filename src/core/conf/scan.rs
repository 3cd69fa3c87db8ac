//! Word splitting and number scanning with the semantics of chrony's own
//! parser (`CPS_SplitWord`, `sscanf("%d%n")`, `sscanf("%lf%n")`), so that
//! what Stratum accepts is exactly what chronyd accepts.
//!
//! chrony reads a number as a *prefix* of the next word: in `minpoll 6iburst`
//! the `6` is the value and `iburst` becomes the next option. [`Words`]
//! reproduces that by handing the unread rest of a word back as the next word.

/// C's `isspace` in the "C" locale.
pub fn is_c_space(b: u8) -> bool {
    matches!(b, b' ' | b'\t' | b'\n' | b'\x0b' | b'\x0c' | b'\r')
}

/// Characters that start a comment line in chrony.conf.
pub fn is_comment_start(b: u8) -> bool {
    matches!(b, b'!' | b';' | b'#' | b'%')
}

/// Splits a directive's argument text into words, with push-back of the
/// unread part of a word after a numeric prefix was taken from it.
#[derive(Debug, Clone)]
pub struct Words<'a> {
    rest: &'a str,
}

impl<'a> Words<'a> {
    pub fn new(text: &'a str) -> Self {
        Words {
            rest: text.trim_start_matches(|c: char| c.is_ascii() && is_c_space(c as u8)),
        }
    }

    pub fn is_empty(&self) -> bool {
        self.rest.is_empty()
    }

    /// Everything not read yet.
    pub fn rest(&self) -> &'a str {
        self.rest
    }

    /// The next whitespace-separated word.
    pub fn next_word(&mut self) -> Option<&'a str> {
        if self.rest.is_empty() {
            return None;
        }
        let end = self
            .rest
            .bytes()
            .position(is_c_space)
            .unwrap_or(self.rest.len());
        let word = &self.rest[..end];
        *self = Words::new(&self.rest[end..]);
        Some(word)
    }

    /// Reads a number as `sscanf` would from the current position: the
    /// longest numeric prefix of the next word. The unread part of the word
    /// stays as the next word.
    fn scan<T>(&mut self, f: impl Fn(&str) -> Option<(T, usize)>) -> Option<T> {
        let (value, used) = f(self.rest)?;
        *self = Words::new(&self.rest[used..]);
        Some(value)
    }

    /// `%d`
    pub fn int(&mut self) -> Option<i64> {
        self.scan(scan_int)
    }

    /// `%u` / `%lu` (C accepts a sign and wraps negative values)
    pub fn unsigned(&mut self) -> Option<u64> {
        self.scan(scan_unsigned)
    }

    /// `%x`
    pub fn hex(&mut self) -> Option<u64> {
        self.scan(scan_hex)
    }

    /// `%lf`
    pub fn float(&mut self) -> Option<f64> {
        self.scan(scan_float)
    }

    /// Number of words left, as chrony's `get_number_of_args` counts them.
    pub fn count(&self) -> usize {
        self.clone().collect_words().len()
    }

    pub fn collect_words(mut self) -> Vec<&'a str> {
        let mut v = Vec::new();
        while let Some(w) = self.next_word() {
            v.push(w);
        }
        v
    }
}

/// Leading-whitespace, sign and digits; returns (value, bytes used).
/// Values beyond `i64` saturate (chrony's values of interest are small).
pub fn scan_int(s: &str) -> Option<(i64, usize)> {
    let b = s.as_bytes();
    let mut i = b.iter().take_while(|c| is_c_space(**c)).count();
    let neg = match b.get(i) {
        Some(b'-') => {
            i += 1;
            true
        }
        Some(b'+') => {
            i += 1;
            false
        }
        _ => false,
    };
    let start = i;
    let mut v: i64 = 0;
    while let Some(d) = b.get(i).filter(|c| c.is_ascii_digit()) {
        v = v.saturating_mul(10).saturating_add(i64::from(d - b'0'));
        i += 1;
    }
    if i == start {
        return None;
    }
    Some((if neg { -v } else { v }, i))
}

/// `strtol(s, &end, 10)` with `*end == '\0'` required: chrony 4.7's
/// `parse_int` (the whole word is a number, not just its start).
pub fn whole_int(s: &str) -> Option<i64> {
    scan_int(s)
        .filter(|(_, used)| *used == s.len())
        .map(|(v, _)| v)
}

pub fn scan_unsigned(s: &str) -> Option<(u64, usize)> {
    let (v, n) = scan_int(s)?;
    // strtoul semantics: a minus sign negates modulo 2^64.
    Some((v as u64, n))
}

pub fn scan_hex(s: &str) -> Option<(u64, usize)> {
    let b = s.as_bytes();
    let mut i = b.iter().take_while(|c| is_c_space(**c)).count();
    if b.get(i) == Some(&b'0')
        && matches!(b.get(i + 1), Some(b'x' | b'X'))
        && b.get(i + 2).is_some_and(|c| c.is_ascii_hexdigit())
    {
        i += 2;
    }
    let start = i;
    let mut v: u64 = 0;
    while let Some(d) = b.get(i).and_then(|c| (*c as char).to_digit(16)) {
        v = v.wrapping_mul(16).wrapping_add(u64::from(d));
        i += 1;
    }
    (i > start).then_some((v, i))
}

/// `strtod` prefix: decimal with optional fraction and exponent, hex floats,
/// `inf`/`infinity`/`nan`.
pub fn scan_float(s: &str) -> Option<(f64, usize)> {
    let b = s.as_bytes();
    let mut i = b.iter().take_while(|c| is_c_space(**c)).count();
    let sign_at = i;
    if matches!(b.get(i), Some(b'-' | b'+')) {
        i += 1;
    }
    let neg = b.get(sign_at) == Some(&b'-');
    let lower: String = s[i..]
        .chars()
        .take(8)
        .map(|c| c.to_ascii_lowercase())
        .collect();
    let signed = |v: f64| if neg { -v } else { v };
    if lower.starts_with("infinity") {
        return Some((signed(f64::INFINITY), i + 8));
    }
    if lower.starts_with("inf") {
        return Some((signed(f64::INFINITY), i + 3));
    }
    if lower.starts_with("nan") {
        return Some((f64::NAN, i + 3));
    }
    if b.get(i) == Some(&b'0')
        && matches!(b.get(i + 1), Some(b'x' | b'X'))
        && let Some((v, n)) = scan_hex_float(&s[i + 2..])
    {
        return Some((signed(v), i + 2 + n));
    }
    let mant_start = i;
    let mut digits = 0;
    while b.get(i).is_some_and(u8::is_ascii_digit) {
        i += 1;
        digits += 1;
    }
    if b.get(i) == Some(&b'.') {
        i += 1;
        while b.get(i).is_some_and(u8::is_ascii_digit) {
            i += 1;
            digits += 1;
        }
    }
    if digits == 0 {
        return None;
    }
    let mant_end = i;
    if matches!(b.get(i), Some(b'e' | b'E')) {
        let mut j = i + 1;
        if matches!(b.get(j), Some(b'-' | b'+')) {
            j += 1;
        }
        let exp_digits = b[j..].iter().take_while(|c| c.is_ascii_digit()).count();
        if exp_digits > 0 {
            i = j + exp_digits;
        }
    }
    let mut text = s[mant_start..mant_end].to_string();
    if text.ends_with('.') {
        text.push('0');
    }
    if text.starts_with('.') {
        text.insert(0, '0');
    }
    text.push_str(&s[mant_end..i]);
    let v: f64 = text.parse().ok()?;
    Some((signed(v), i))
}

fn scan_hex_float(s: &str) -> Option<(f64, usize)> {
    let b = s.as_bytes();
    let mut i = 0;
    let mut v = 0f64;
    let mut digits = 0;
    while let Some(d) = b.get(i).and_then(|c| (*c as char).to_digit(16)) {
        v = v * 16.0 + f64::from(d);
        i += 1;
        digits += 1;
    }
    if b.get(i) == Some(&b'.') {
        i += 1;
        let mut scale = 1.0 / 16.0;
        while let Some(d) = b.get(i).and_then(|c| (*c as char).to_digit(16)) {
            v += f64::from(d) * scale;
            scale /= 16.0;
            i += 1;
            digits += 1;
        }
    }
    if digits == 0 {
        return None;
    }
    if matches!(b.get(i), Some(b'p' | b'P'))
        && let Some((e, n)) = scan_int(&s[i + 1..])
        && !s[i + 1..].starts_with(|c: char| c.is_ascii_whitespace())
    {
        v *= 2f64.powi(e.clamp(-2000, 2000) as i32);
        i += 1 + n;
    }
    Some((v, i))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn words_push_back_after_numeric_prefix() {
        let mut w = Words::new("  6iburst  prefer ");
        assert_eq!(w.int(), Some(6));
        assert_eq!(w.next_word(), Some("iburst"));
        assert_eq!(w.next_word(), Some("prefer"));
        assert_eq!(w.next_word(), None);
    }

    #[test]
    fn ints_follow_sscanf() {
        assert_eq!(scan_int("-2"), Some((-2, 2)));
        assert_eq!(scan_int("+3x"), Some((3, 2)));
        assert_eq!(scan_int("x3"), None);
        assert_eq!(scan_int("-"), None);
        assert_eq!(scan_unsigned("-1").map(|v| v.0 as u32), Some(u32::MAX));
        assert_eq!(scan_hex("0xF1x"), Some((0xF1, 4)));
        assert_eq!(scan_hex("f"), Some((15, 1)));
        assert_eq!(whole_int("123"), Some(123));
        assert_eq!(whole_int("-5"), Some(-5));
        assert_eq!(whole_int("123abc"), None);
        assert_eq!(whole_int("1.5"), None);
    }

    #[test]
    fn floats_follow_strtod() {
        assert_eq!(scan_float("1.5"), Some((1.5, 3)));
        assert_eq!(scan_float(".5s"), Some((0.5, 2)));
        assert_eq!(scan_float("5."), Some((5.0, 2)));
        assert_eq!(scan_float("1e3"), Some((1000.0, 3)));
        assert_eq!(scan_float("1e"), Some((1.0, 1)));
        assert_eq!(scan_float("-inf"), Some((f64::NEG_INFINITY, 4)));
        assert_eq!(scan_float("0x10"), Some((16.0, 4)));
        assert_eq!(scan_float("abc"), None);
        assert_eq!(scan_float("."), None);
    }
}
