//! The configuration a new lab starts from.

/// A starting configuration for a new lab: a server on loopback that serves
/// the local clock until upstreams are added.
pub const DEFAULT_LAB_CONFIG: &str = "\
# Stratum lab server. Add upstream servers and the subnets of your clients.

# Serve time even when no upstream is reachable (isolated lab).
local stratum 10 orphan

# Clients on this machine.
allow 127.0.0.0/8

# Step the clock in the first updates if it is far off.
makestep 1 3
";
