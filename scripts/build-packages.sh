#!/usr/bin/env bash
# Builds the two Debian packages and the two RPMs (RHEL, Rocky, CentOS,
# Fedora) from one checkout:
#   stratum-helper  the helper, its units and the headless command line
#   stratum         the desktop window (depends on stratum-helper)
# with dpkg-deb and rpmbuild (scripts/package.py, from the metadata in
# Cargo.toml). PROFILE=dev reuses the test build (as the packaging check
# does); the default is a release build. NO_BUILD=1 takes the binaries as
# they are. Packages land in $OUT (default target/packages).
source "$(dirname "$0")/common.sh"
check_rust
profile=${PROFILE:-release}
target=${CARGO_TARGET_DIR:-target}
dir=$([ "$profile" = dev ] && echo debug || echo "$profile")
out=${OUT:-$target/packages}
mkdir -p "$out"
if [ "${NO_BUILD:-}" != 1 ]; then
    cargo build --locked --profile "$profile" --bins
    # The command line without any GUI library, in its own target directory
    # so it does not replace the desktop build's binary.
    CARGO_TARGET_DIR="$target/headless" cargo build --locked --profile "$profile" \
        --no-default-features --bins --quiet
fi
cp "$target/headless/$dir/stratum" "$target/$dir/stratum-cli"
# The man pages and shell completions, from the command line's declaration.
gen="$target/$dir/generated"
mkdir -p "$gen"
cli="$target/$dir/stratum-cli"
"$cli" man stratum | gzip -9n >"$gen/stratum.1.gz"
"$cli" man stratum-helper | gzip -9n >"$gen/stratum-helper.8.gz"
LANG=C "$cli" completions bash >"$gen/stratum.bash"
LANG=C "$cli" completions zsh >"$gen/_stratum"
LANG=C "$cli" completions fish >"$gen/stratum.fish"
export PROFILE_DIR="$target/$dir"
# The test build's packages are checked and thrown away: compressed fast.
[ "$profile" = dev ] && export COMPRESS=fast
# The four packages are independent: built side by side.
pids=()
python3 scripts/package.py deb base "$out" >/dev/null & pids+=($!)
python3 scripts/package.py deb helper "$out" >/dev/null & pids+=($!)
python3 scripts/package.py rpm helper "$out" & pids+=($!)
python3 scripts/package.py rpm desktop "$out" & pids+=($!)
fail=0
for p in "${pids[@]}"; do wait "$p" || fail=1; done
[ "$fail" = 0 ] || exit 1
ls "$out"/*.deb "$out"/*.rpm
