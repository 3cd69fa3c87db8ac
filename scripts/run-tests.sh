#!/usr/bin/env bash
# Sets up a fresh Debian 12 machine and runs the whole test suite:
# formatting, clippy, unit, property and integration tests (real chronyd).
source "$(dirname "$0")/common.sh"

install_debs "${STRATUM_DEBS[@]}"
check_rust

cargo fmt --check
cargo clippy --all-targets --locked -- -D warnings
cargo test --locked
