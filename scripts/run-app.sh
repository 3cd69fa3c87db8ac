#!/usr/bin/env bash
# Sets up a fresh Debian 12 machine and runs Stratum. Extra arguments go to
# `stratum` (for example: ./scripts/run-app.sh config lint /etc/chrony/chrony.conf).
source "$(dirname "$0")/common.sh"

install_debs "${STRATUM_DEBS[@]}"
check_rust

# Both binaries: the window starts a lab helper when none is running.
cargo build --release --locked --bins --quiet
exec "${CARGO_TARGET_DIR:-target}/release/stratum" "$@"
