//! The chrony.conf engine: a lossless document model, typed directives,
//! edits that touch only their own lines, and lint.

pub mod access;
pub mod comments;
pub mod directive;
pub mod document;
pub mod edit;
pub mod guard;
pub mod include;
pub mod lab;
pub mod lint;
pub mod live;
pub mod pair;
pub mod refclocks;
pub mod roles;
pub mod scan;
pub mod version;

pub use access::{Access, AccessScope, AccessTarget, Subnet, SubnetError, parse_user_subnet};
pub use directive::{Directive, Local, OptValue, ParseError, Source, SourceKind};
pub use document::{Document, Line, LineEnding, LineKind};
pub use edit::{EditOutcome, UserSourceError, parse_user_source};
pub use lab::{DEFAULT_LAB_CONFIG, LAB_COMMENTS, lab_config};
pub use lint::{Diagnostic, LintOptions, Severity, lint};
pub use version::ChronyVersion;
