//! The numbers and times of chronyd's log records, read fast: the fixed
//! "YYYY-MM-DD HH:MM:SS" stamp and numbers as `%10.3e`/`%10.3f` print them.

use crate::core::time::days_from_civil;

fn digits2(b: &[u8]) -> Option<u32> {
    match b {
        [a, b] if a.is_ascii_digit() && b.is_ascii_digit() => {
            Some(u32::from(a - b'0') * 10 + u32::from(b - b'0'))
        }
        _ => None,
    }
}

/// "YYYY-MM-DD HH:MM:SS" at the start of a record, as Unix seconds. The
/// day part is cached: consecutive records share it.
pub fn parse_time(line: &[u8], day_cache: &mut ([u8; 10], i64)) -> Option<i64> {
    if line.len() < 19 || line[4] != b'-' || line[7] != b'-' || line[10] != b' ' || line[13] != b':'
    {
        return None;
    }
    let days = if line[..10] == day_cache.0 {
        day_cache.1
    } else {
        let y = digits2(&line[0..2])? * 100 + digits2(&line[2..4])?;
        let mo = digits2(&line[5..7])?;
        let d = digits2(&line[8..10])?;
        if !(1..=12).contains(&mo) || !(1..=31).contains(&d) {
            return None;
        }
        let days = days_from_civil(i64::from(y), mo, d);
        day_cache.0.copy_from_slice(&line[..10]);
        day_cache.1 = days;
        days
    };
    let h = digits2(&line[11..13])?;
    let mi = digits2(&line[14..16])?;
    let s = digits2(&line[17..19])?;
    if h > 23 || mi > 59 || s > 60 {
        return None;
    }
    Some(days * 86400 + i64::from(h * 3600 + mi * 60 + s))
}

const POW10: [f64; 23] = [
    1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12, 1e13, 1e14, 1e15, 1e16,
    1e17, 1e18, 1e19, 1e20, 1e21, 1e22,
];

/// A number as chronyd prints it: `-8.621e-06`, `-3.541`, `1.00`. The
/// value is exactly what `str::parse` gives (one correctly rounded
/// operation on exact operands); anything unusual goes to `str::parse`.
pub fn parse_number(b: &[u8]) -> Option<f64> {
    let mut i = 0;
    let neg = match b.first() {
        Some(b'-') => {
            i = 1;
            true
        }
        Some(b'+') => {
            i = 1;
            false
        }
        _ => false,
    };
    let mut mant: u64 = 0;
    let mut digits = 0;
    let mut frac = 0i32;
    let mut seen_dot = false;
    while i < b.len() {
        match b[i] {
            d @ b'0'..=b'9' => {
                mant = mant * 10 + u64::from(d - b'0');
                digits += 1;
                if seen_dot {
                    frac += 1;
                }
            }
            b'.' if !seen_dot => seen_dot = true,
            _ => break,
        }
        i += 1;
    }
    let mut exp = 0i32;
    if i < b.len() && (b[i] == b'e' || b[i] == b'E') {
        let mut j = i + 1;
        let eneg = match b.get(j) {
            Some(b'-') => {
                j += 1;
                true
            }
            Some(b'+') => {
                j += 1;
                false
            }
            _ => false,
        };
        let start = j;
        while j < b.len() && b[j].is_ascii_digit() && j - start < 4 {
            exp = exp * 10 + i32::from(b[j] - b'0');
            j += 1;
        }
        if j == start {
            return slow(b);
        }
        if eneg {
            exp = -exp;
        }
        i = j;
    }
    if i != b.len() || digits == 0 || digits > 15 {
        return slow(b);
    }
    let e = exp - frac;
    let v = mant as f64;
    let v = if (0..=22).contains(&e) {
        v * POW10[e as usize]
    } else if (-22..0).contains(&e) {
        v / POW10[(-e) as usize]
    } else {
        return slow(b);
    };
    Some(if neg { -v } else { v })
}

fn slow(b: &[u8]) -> Option<f64> {
    std::str::from_utf8(b).ok()?.parse().ok()
}
