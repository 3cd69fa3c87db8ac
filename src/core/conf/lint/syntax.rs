//! What chronyd refuses while reading the file, line by line, and what
//! the release linted for does not know or takes only in a range.

use crate::core::conf::directive::{
    Directive, HWTIMESTAMP_OPTIONS, OptValue, ParseError, REFCLOCK_OPTIONS, ValueKind,
    closest_directive, closest_option,
};
use crate::core::conf::document::{LineEnding, LineKind};
use crate::core::conf::scan::{Words, is_comment_start, whole_int};
use crate::core::conf::version::ChronyVersion;

use super::chars;
use super::model::*;
use super::releases;
use super::rules::Rule;

/// How much of a line a message quotes (in characters).
const QUOTE_MAX: usize = 60;

/// Per-line reading errors, as chronyd reports them while reading the file.
pub(super) fn lines(l: &mut Linter) {
    for (i, line) in l.doc.lines().iter().enumerate() {
        // fgets() sees the CR of a CRLF line and the LF.
        let ending = match line.ending() {
            LineEnding::Lf => 1,
            LineEnding::CrLf => 2,
            LineEnding::None => 0,
        };
        if line.content().len() + ending >= MAX_LINE_LENGTH {
            l.push(
                Rule::LineTooLong,
                Some(i),
                vec![("max", (MAX_LINE_LENGTH - 1).to_string())],
            );
            continue;
        }
        let LineKind::Directive(d) = line.kind() else {
            continue;
        };
        let name = d.name.clone();
        // Before 4.2 chronyd accepts a wrong access rule, just not as
        // written.
        let lenient = d.parsed.is_err()
            && l.opts.version < releases::STRICT_ACCESS
            && releases::is_access(&name)
            && releases::lenient_access_accepts(&d.args);
        let refused = d.parsed.is_err() && !lenient;
        // A character that looks like a space (or like ASCII) but is not:
        // named, since the line looks right to whoever reads it.
        if let Some((c, column, kind)) = chars::first_odd(&line.text()) {
            let rule = if refused {
                Rule::OddCharacter
            } else {
                Rule::OddCharacterInValue
            };
            let mut args = chars::args(c, column, kind);
            // The directive as it was meant: the name before the character.
            let meant = name.split(c).find(|w| !w.is_empty()).unwrap_or("");
            args.push(("directive", meant.to_string()));
            // The whole line, as the reader finds it in the file.
            let text = line.text();
            let shown = text.trim_start_matches('\u{feff}');
            args.push(("line", crate::core::text::quote(shown, QUOTE_MAX)));
            l.push(rule, Some(i), args);
            if refused {
                continue;
            }
        }
        let Err(err) = &d.parsed else {
            continue;
        };
        if lenient {
            // A comment after a rule that reads right on its own: 4.0/4.1
            // stop at the prefix length and the rule works as meant.
            if let Some((rule, comment)) = comment_after_rule(&name, &d.args) {
                l.push(
                    Rule::AccessLenientComment,
                    Some(i),
                    vec![
                        ("directive", name),
                        ("rule", rule),
                        ("comment", comment),
                        ("version", l.opts.version.to_string()),
                    ],
                );
                continue;
            }
            l.push(
                Rule::AccessLenient,
                Some(i),
                vec![
                    ("directive", name),
                    ("args", d.args.clone()),
                    ("version", l.opts.version.to_string()),
                ],
            );
            continue;
        }
        // A template's `<…>` left unfilled (chronyd reads `<slave` as the
        // address and what follows as options): the fix is to fill it in.
        if let Some(placeholder) = placeholder_in(&d.args) {
            l.push(
                Rule::Placeholder,
                Some(i),
                vec![("directive", name), ("placeholder", placeholder)],
            );
            continue;
        }
        let comment = Words::new(&d.args)
            .collect_words()
            .into_iter()
            .find(|w| w.bytes().next().is_some_and(is_comment_start));
        if let (Some(c), false) = (comment, matches!(err, ParseError::UnknownDirective)) {
            l.push(
                Rule::TrailingComment,
                Some(i),
                vec![("directive", name), ("comment", c.to_string())],
            );
            continue;
        }
        let mut args = parse_error_args(&name, err, &d.args);
        let close = match err {
            ParseError::UnknownDirective => closest_directive(&name, l.opts.version),
            ParseError::UnknownOption(o) | ParseError::BadRefclockOption(o) => {
                closest_option(&name, o, l.opts.version)
            }
            _ => None,
        };
        if let Some(close) = close {
            args.retain(|(k, _)| *k != "suggestion");
            args.push(("suggestion", close.to_string()));
        }
        l.push(err.rule(), Some(i), args);
    }
}

/// The first `<…>` of a line's arguments: a template's placeholder.
fn placeholder_in(args: &str) -> Option<String> {
    let start = args.find('<')?;
    let len = args[start..].find('>')?;
    let inner = &args[start + 1..start + len];
    (!inner.trim().is_empty()).then(|| args[start..=start + len].to_string())
}

/// `allow 10.0.0.0/24   # note`: the rule before the comment, when it is
/// one that chronyd reads strictly, and the comment.
fn comment_after_rule(name: &str, args: &str) -> Option<(String, String)> {
    let at = args.find(|c: char| c.is_ascii() && is_comment_start(c as u8))?;
    let (rule, comment) = (args[..at].trim(), args[at..].trim());
    let parsed = Directive::parse(name, rule).is_ok();
    (parsed && !rule.is_empty()).then(|| (rule.to_string(), comment.to_string()))
}

/// Message arguments for a directive chrony cannot read.
pub fn parse_error_args(
    directive: &str,
    err: &ParseError,
    raw_args: &str,
) -> Vec<(&'static str, String)> {
    let mut args = vec![("directive", directive.to_string())];
    match err {
        ParseError::MissingArguments { expected, found }
        | ParseError::TooManyArguments { expected, found } => {
            args.push(("expected", expected.to_string()));
            args.push(("found", found.to_string()));
        }
        ParseError::UnknownOption(o) | ParseError::BadRefclockOption(o) => {
            args.push(("option", o.clone()));
            // The linter, which knows the release, names a close one.
            args.push(("suggestion", "none".to_string()));
        }
        ParseError::BadOptionValue(o) => args.push(("option", o.clone())),
        ParseError::BadAddress(v) | ParseError::BadLogParameter(v) => {
            args.push(("value", v.clone()))
        }
        ParseError::LocalStratum(s) => args.push(("value", s.to_string())),
        ParseError::LeapsecmodeUnknown(v) => args.push(("value", v.clone())),
        ParseError::LongRefid { option, value } => {
            args.push(("option", option.clone()));
            args.push(("value", value.clone()));
        }
        ParseError::UnknownDirective => {
            args.push(("args", raw_args.to_string()));
            // The linter, which knows the release, names a close one.
            args.push(("suggestion", "none".to_string()));
        }
        ParseError::Invalid => args.push(("args", raw_args.to_string())),
    }
    args
}

/// Options a directive carries, for version and range checks.
pub(crate) fn options_of(
    d: &Directive,
) -> Vec<(
    &'static str,
    &'static crate::core::conf::directive::OptSpec,
    OptValue,
)> {
    match d {
        Directive::Source(s) => s
            .options
            .iter()
            .map(|o| (d.name(), o.spec, o.value.clone()))
            .collect(),
        Directive::Local(lo) => lo
            .options
            .iter()
            .map(|o| (d.name(), o.spec, o.value.clone()))
            .collect(),
        Directive::RateLimit(r) => r
            .options
            .iter()
            .map(|o| (d.name(), o.spec, o.value.clone()))
            .collect(),
        // Refclock options follow the driver and its parameter, those of
        // hwtimestamp the interface.
        Directive::Other { spec, args } if matches!(spec.name, "refclock" | "hwtimestamp") => {
            let (table, skip) = if spec.name == "refclock" {
                (REFCLOCK_OPTIONS, 2)
            } else {
                (HWTIMESTAMP_OPTIONS, 1)
            };
            let text = args.get(skip..).unwrap_or_default().join(" ");
            let mut w = Words::new(&text);
            let mut out = Vec::new();
            while let Some(name) = w.next_word() {
                let Some(spec) = table.iter().find(|s| s.name.eq_ignore_ascii_case(name)) else {
                    break;
                };
                let value = match spec.kind {
                    ValueKind::Flag => Some(OptValue::Flag),
                    ValueKind::Int => w.int().map(OptValue::Int),
                    ValueKind::Float => w.float().map(OptValue::Float),
                    _ => w.next_word().map(|s| OptValue::Word(s.into())),
                };
                let Some(value) = value else { break };
                out.push((d.name(), spec, value));
            }
            out
        }
        _ => Vec::new(),
    }
}

/// What the version knows, and the integer checks of 4.7+ or the clamping
/// of older versions.
pub(super) fn versions_and_ranges(l: &mut Linter) {
    let v = l.opts.version;
    let strict = v >= ChronyVersion::STRICT_INTEGERS;
    for (i, d) in l.directives() {
        if d.since() > v {
            l.add((
                Rule::UnsupportedDirective,
                i,
                vec![
                    ("directive", d.name().to_string()),
                    ("since", d.since().to_string()),
                    ("version", v.to_string()),
                ],
            ));
            continue;
        }
        if let Directive::Simple { spec, .. } = d
            && strict
            && spec.kind == ValueKind::Int
        {
            // conf.c 4.7 parse_int: strtol over the whole word, then the
            // range; before 4.7 `sscanf("%d")` took a numeric prefix.
            let raw = l.raw_args(i);
            match whole_int(raw.trim()) {
                None => l.add((
                    Rule::NotAnInteger,
                    i,
                    vec![
                        ("directive", spec.name.to_string()),
                        ("value", raw.trim().to_string()),
                        ("version", v.to_string()),
                    ],
                )),
                Some(x) => {
                    if let Some((lo, hi)) = spec.range
                        && !(lo..=hi).contains(&x)
                    {
                        l.add(range_diag(i, spec.name, spec.name, x, lo, hi));
                    }
                }
            }
        }
        for (directive, spec, value) in options_of(d) {
            if spec.since > v {
                l.add((
                    Rule::UnsupportedOption,
                    i,
                    vec![
                        ("directive", directive.to_string()),
                        ("option", spec.name.to_string()),
                        ("since", spec.since.to_string()),
                        ("version", v.to_string()),
                    ],
                ));
                continue;
            }
            let Some(x) = value.as_i64() else { continue };
            let range = match d {
                Directive::RateLimit(_) => spec.range.map(|r| releases::ratelimit_range(v, r)),
                Directive::Source(_) => releases::source_option_range(v, spec.name, spec.range),
                _ => spec.range,
            };
            if let (true, Some((lo, hi))) = (strict, range) {
                // `local stratum` was checked at parse time in every version.
                let checked_at_parse = directive == "local" && spec.name == "stratum";
                if !(lo..=hi).contains(&x) && !checked_at_parse {
                    l.add(range_diag(i, directive, spec.name, x, lo, hi));
                    continue;
                }
            }
            // Out of range, a poll is replaced by its default, not clamped.
            if let (Directive::Source(s), "minpoll" | "maxpoll") = (d, spec.name) {
                if let Some((rule, args)) = super::poll::replaced(v, s, spec.name, x) {
                    l.add((rule, i, args));
                }
                continue;
            }
            if let Some(used) = clamped_value(directive, spec.name, x) {
                l.add((
                    Rule::Clamped,
                    i,
                    vec![
                        ("directive", directive.to_string()),
                        ("option", spec.name.to_string()),
                        ("value", x.to_string()),
                        ("used", used.to_string()),
                    ],
                ));
            }
        }
        if let Directive::Source(s) = d {
            for o in s.options.iter().filter(|o| o.name() == "extfield") {
                if let OptValue::Unsigned(ef) = o.value
                    && !releases::extfields(v).contains(&ef)
                {
                    l.add((
                        Rule::ExtfieldValue,
                        i,
                        vec![
                            ("value", format!("{ef:X}")),
                            ("version", v.to_string()),
                            ("known", releases::extfield_list(v)),
                        ],
                    ));
                }
            }
        }
    }
}

/// The value chronyd uses instead of `x`, where it silently clamps.
pub(super) fn clamped_value(directive: &str, option: &str, x: i64) -> Option<i64> {
    let clamp = |lo: i64, hi: i64| (!(lo..=hi).contains(&x)).then(|| x.clamp(lo, hi));
    match (directive, option) {
        ("server" | "pool" | "peer", "minstratum") => clamp(0, 15),
        ("server" | "pool" | "peer", "version") if x != 0 => clamp(1, 4),
        ("pool", "maxsources") => clamp(1, 16),
        ("ratelimit" | "ntsratelimit" | "cmdratelimit", "interval") => clamp(-19, 12),
        ("ratelimit" | "ntsratelimit" | "cmdratelimit", "burst") => clamp(1, 255),
        ("ratelimit" | "ntsratelimit" | "cmdratelimit", "leak") => clamp(1, 4),
        _ => None,
    }
}
