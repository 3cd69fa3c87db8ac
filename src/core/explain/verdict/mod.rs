//! The vocabulary of explain: why a value got its verdict ([`Why`], texts
//! `why-<id>`, in `why.rs`) and the problems found across values
//! ([`Rule`], texts `finding-<id>`, in `rule.rs`). Every reason that can
//! mark a value warn or bad names the findings that account for it
//! ([`Why::rules`], one exhaustive match): a value flagged on screen is
//! never left without its cause and fix.

mod rule;
mod status;
mod why;

pub use rule::Rule;
pub use status::Status;
pub use why::Why;

/// A reason for a verdict: its id and the values its text names.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Reason {
    pub id: Why,
    pub args: Vec<(&'static str, String)>,
}

impl Reason {
    pub fn new(id: Why) -> Reason {
        Reason {
            id,
            args: Vec::new(),
        }
    }

    pub fn arg(mut self, k: &'static str, v: impl ToString) -> Reason {
        self.args.push((k, v.to_string()));
        self
    }
}

/// A problem across values.
#[derive(Debug, Clone, PartialEq)]
pub struct Finding {
    pub rule: Rule,
    pub severity: Status,
    pub args: Vec<(&'static str, String)>,
}

impl Finding {
    pub fn new(rule: Rule) -> Finding {
        Finding {
            rule,
            severity: rule.severity(),
            args: Vec::new(),
        }
    }

    pub fn arg(mut self, k: &'static str, v: impl ToString) -> Finding {
        self.args.push((k, v.to_string()));
        self
    }
}
