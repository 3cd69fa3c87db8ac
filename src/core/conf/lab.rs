//! The configuration a new lab starts from.

/// A starting configuration for a new lab: a server on loopback that serves
/// the local clock until upstreams are added (its comments in English;
/// [`lab_config`] gives them in the user's language).
pub const DEFAULT_LAB_CONFIG: &str = "\
# Stratum lab server. Add upstream servers and the subnets of your clients.

# Serve time even when no upstream is reachable (isolated lab).
local stratum 10 orphan

# Who may ask this server for time (one allow line per address or subnet).
allow 127.0.0.0/8

# Step the clock in the first updates if it is far off.
makestep 1 3
";

/// The message ids of the starting configuration's comments, in order.
pub const LAB_COMMENTS: [&str; 4] = [
    "lab-comment-header",
    "lab-comment-local",
    "lab-comment-allow",
    "lab-comment-makestep",
];

/// The starting configuration with its comments in the user's language:
/// `words` gives the text of each of [`LAB_COMMENTS`] (chronyd reads
/// comments as bytes, UTF-8 included).
pub fn lab_config(words: impl Fn(&str) -> String) -> String {
    let [header, local, allow, makestep] = LAB_COMMENTS.map(|id| {
        // One comment line each, whatever a translation holds.
        words(id).replace(['\n', '\r'], " ")
    });
    format!(
        "# {header}\n\n# {local}\nlocal stratum 10 orphan\n\n# {allow}\nallow 127.0.0.0/8\n\n# {makestep}\nmakestep 1 3\n"
    )
}
