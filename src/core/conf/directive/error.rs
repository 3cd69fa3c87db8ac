//! Why chronyd would refuse a directive, as chronyd says it.

use crate::core::conf::lint::rules::Rule;

/// Why chronyd would refuse a directive line while reading the file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ParseError {
    /// "Invalid directive"
    UnknownDirective,
    /// "Missing arguments for X directive"
    MissingArguments { expected: usize, found: usize },
    /// "Too many arguments for X directive"
    TooManyArguments { expected: usize, found: usize },
    /// An option chrony does not know ("Could not parse X directive").
    UnknownOption(String),
    /// An option whose value is missing or not a number.
    BadOptionValue(String),
    /// The arguments cannot be read ("Could not parse X directive").
    Invalid,
    /// An address that is not an IP address.
    BadAddress(String),
    /// "Invalid log parameter"
    BadLogParameter(String),
    /// "Invalid refclock option"
    BadRefclockOption(String),
    /// `local stratum N` outside 1..=15.
    LocalStratum(i64),
    /// A `refid` or `lock` value of more than four characters (4.0–4.3
    /// read four and take the rest for an option, 4.4+ refuse the value).
    LongRefid { option: String, value: String },
    /// A `leapsecmode` that is none of its four modes ("Could not parse
    /// leapsecmode directive").
    LeapsecmodeUnknown(String),
}

impl ParseError {
    /// The lint rule id reported for this error.
    pub fn rule(&self) -> Rule {
        match self {
            ParseError::UnknownDirective => Rule::UnknownDirective,
            ParseError::MissingArguments { .. } => Rule::MissingArguments,
            ParseError::TooManyArguments { .. } => Rule::TooManyArguments,
            ParseError::UnknownOption(_) => Rule::UnknownOption,
            ParseError::BadOptionValue(_) => Rule::BadOptionValue,
            ParseError::Invalid => Rule::InvalidArguments,
            ParseError::BadAddress(_) => Rule::BadAddress,
            ParseError::BadLogParameter(_) => Rule::BadLogParameter,
            ParseError::BadRefclockOption(_) => Rule::UnknownOption,
            ParseError::LocalStratum(_) => Rule::LocalStratumRange,
            ParseError::LongRefid { .. } => Rule::RefidTooLong,
            ParseError::LeapsecmodeUnknown(_) => Rule::LeapsecmodeUnknown,
        }
    }
}
