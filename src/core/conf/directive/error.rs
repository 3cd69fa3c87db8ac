//! Why chronyd would refuse a directive, as chronyd says it.

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
}

impl ParseError {
    /// The lint rule id reported for this error.
    pub fn rule(&self) -> &'static str {
        match self {
            ParseError::UnknownDirective => "unknown-directive",
            ParseError::MissingArguments { .. } => "missing-arguments",
            ParseError::TooManyArguments { .. } => "too-many-arguments",
            ParseError::UnknownOption(_) => "unknown-option",
            ParseError::BadOptionValue(_) => "bad-option-value",
            ParseError::Invalid => "invalid-arguments",
            ParseError::BadAddress(_) => "bad-address",
            ParseError::BadLogParameter(_) => "bad-log-parameter",
            ParseError::BadRefclockOption(_) => "unknown-option",
            ParseError::LocalStratum(_) => "local-stratum-range",
        }
    }
}
