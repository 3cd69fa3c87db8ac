#!/usr/bin/env bash
# Sets up a fresh Debian 12 machine and runs the whole test suite:
# formatting, clippy, unit, property, UI and integration tests (real chronyd),
# packaging checks, and the real app under Xvfb.
source "$(dirname "$0")/common.sh"

install_debs "${STRATUM_DEBS[@]}" "${STRATUM_TEST_DEBS[@]}"
check_rust
# Real chrony releases (4.0, 4.3, 4.6.1, 4.9) for the tests that run chronyd:
# built once from Debian's sources, then cached.
./scripts/chrony-releases.sh >/dev/null
# ntpsec's ntpd for the roster lab, unpacked (not installed: it conflicts
# with chrony) into ~/.cache/stratum/ntpsec.
./scripts/ntpsec.sh >/dev/null

cargo fmt --check
cargo clippy --all-targets --locked -- -D warnings
# The headless build (helper and command line, no GUI library) must stay
# clean too; its own target directory keeps the desktop build's binaries.
CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-target}/headless" \
    cargo clippy --no-default-features --lib --bins --locked -- -D warnings
log=$(mktemp)
trap 'rm -f "$log"' EXIT
set +e
cargo test --locked 2>&1 | tee "$log"
rc=${PIPESTATUS[0]}
set -e
if [ "$rc" -eq 0 ]; then
    ./scripts/check-packaging.sh || rc=1
fi
if [ "$rc" -eq 0 ]; then
    # The real app under Xvfb against a lab helper: every main panel in
    # English and Chinese, on a first run with an empty HOME.
    shots=$(mktemp -d)
    ./scripts/screenshots.sh "$shots" || rc=1
    rm -rf "$shots"
fi
# One closing line over all test binaries.
awk '/^test result:/ {p += $4; f += $6} END {printf "tests: %d passed, %d failed\n", p, f}' "$log"
exit "$rc"
