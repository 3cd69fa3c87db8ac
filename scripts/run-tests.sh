#!/usr/bin/env bash
# Sets up a fresh Debian 12 machine and runs the whole test suite:
# formatting, clippy, unit, property, UI and integration tests (real chronyd),
# packaging checks, and the real app under Xvfb.
#
# Stages that do not need each other run side by side: apt installs (then
# the chrony releases build) while cargo fetches and compiles; the packaging
# check and the screenshots run beside the tests, which mostly wait on
# chronyd. Clippy lints while the tests compile: cargo runs clippy-driver as
# the workspace's compiler (what `cargo clippy` does, without its separate
# check build of every dependency), so one build serves both. A line per
# stage at the end says where the time went.
source "$(dirname "$0")/common.sh"

target=${CARGO_TARGET_DIR:-target}
logs=$(mktemp -d)
shots=$(mktemp -d)
trap 'rm -rf "$logs" "$shots"' EXIT
start=$SECONDS
hz=$(getconf CLK_TCK)

# The CPU time (user + system, clock ticks) of the waited-for children of
# process $1 so far.
children_cpu() {
    awk '{print $16 + $17}' "/proc/$1/stat"
}

# timed NAME COMMAND...: runs COMMAND and notes its wall-clock time and the
# CPU time of its processes in the summary (from any subshell).
timed() {
    local name=$1 t0=$SECONDS rc=0 me=$BASHPID cpu0
    shift
    cpu0=$(children_cpu "$me")
    "$@" || rc=$?
    printf '%-36s %4d s wall  %4d s CPU%s\n' "$name" $((SECONDS - t0)) \
        $((($(children_cpu "$me") - cpu0) / hz)) "$([ "$rc" = 0 ] || echo "  FAILED ($rc)")" \
        >>"$logs/summary"
    return "$rc"
}

# background NAME COMMAND...: runs COMMAND beside the rest, its output in a
# log; `finish NAME` waits for it and prints the log.
declare -A bg_pid=()
background() {
    local name=$1
    shift
    ( "$@" ) >"$logs/$name.log" 2>&1 &
    bg_pid[$name]=$!
}
finish() {
    local rc=0
    wait "${bg_pid[$1]}" || rc=$?
    if [ "$rc" != 0 ]; then
        echo "stratum: $1 failed:" >&2
        cat "$logs/$1.log" >&2
    elif [ "${2:-}" != quiet ]; then
        cat "$logs/$1.log"
    fi
    return "$rc"
}

report() {
    echo
    echo "stages (wall clock, CPU time of their processes; [beside] ran next to others):"
    sed 's/^/  /' "$logs/summary"
    printf '  %-36s %4d s wall\n' "total" $((SECONDS - start))
}

# The machine: one apt run for the app's and the tests' packages and what
# the chrony releases are built with, then the real chrony releases (4.0,
# 4.3, 4.6.1, 4.9) the chronyd tests run against, built once from Debian's
# sources and cached. The Rust build needs none of it.
setup() {
    timed "[beside] apt" install_debs "${STRATUM_DEBS[@]}" "${STRATUM_TEST_DEBS[@]}" \
        "${CHRONY_BUILD_DEBS[@]}" &&
        timed "[beside] chrony releases" nice ./scripts/chrony-releases.sh &&
        # ntpsec's ntpd for the roster lab, unpacked (not installed: it
        # conflicts with chrony) into ~/.cache/stratum/ntpsec.
        timed "[beside] ntpsec" ./scripts/ntpsec.sh
}
background setup setup
check_rust
if ! command -v clippy-driver >/dev/null 2>&1; then
    echo "stratum: clippy-driver is missing (rustup component add clippy)" >&2
    exit 1
fi
lint=(env RUSTC_WORKSPACE_WRAPPER="$(command -v clippy-driver)"
      CLIPPY_ARGS="-D__CLIPPY_HACKERY__warnings__CLIPPY_HACKERY__")

rc=0
# The crates for this machine only (a plain fetch takes every platform's).
host=$(rustc -vV | sed -n 's/^host: //p')
timed "cargo fetch" cargo fetch --locked --quiet --target "$host" || rc=1
[ "$rc" = 0 ] && { timed "cargo fmt --check" cargo fmt --check || rc=1; }
# Every target (benches too) compiled and linted once; the test run below
# finds them built.
[ "$rc" = 0 ] && { timed "clippy + test build" "${lint[@]}" cargo test --locked \
    --all-targets --no-run || rc=1; }
# The headless build (helper and command line, no GUI library) must stay
# clean too; its own target directory keeps the desktop build's binaries.
# Its binaries go into the packages.
[ "$rc" = 0 ] && { timed "clippy + build, headless" env CARGO_TARGET_DIR="$target/headless" \
    "${lint[@]}" cargo build --locked --no-default-features --bins || rc=1; }
finish setup quiet || rc=1
if [ "$rc" != 0 ]; then
    report
    exit "$rc"
fi

background "packaging check" timed "[beside] packaging check" nice ./scripts/check-packaging.sh
# The real app under Xvfb against a synced lab: every panel in English and
# Chinese at 1024x700, the key panels at 1920x1080, and a first run with an
# empty HOME (the script fails unless every shot is there). Not niced:
# software GL draws every frame on the CPU, and the tour counts frames.
background screenshots timed "[beside] screenshots" ./scripts/screenshots.sh "$shots"
log="$logs/test.log"
# Every test binary runs even when one fails (--no-fail-fast), so the
# count is whole. Four tests at a time: most wait on chronyd rather than
# use a core (the suite also passes with 16 and 40 at once).
run_tests() {
    local rc=0
    "${lint[@]}" cargo test --locked --no-fail-fast -- --test-threads=4 > >(tee "$log") 2>&1 || rc=$?
    wait $!
    return "$rc"
}
timed "tests" run_tests || rc=1
finish "packaging check" || rc=1
finish screenshots || rc=1
report
# One closing line over all test binaries.
awk '/^test result:/ {p += $4; f += $6} END {printf "tests: %d passed, %d failed\n", p, f}' "$log"
exit "$rc"
