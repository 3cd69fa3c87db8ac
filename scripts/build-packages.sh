#!/usr/bin/env bash
# Builds the two Debian packages and the two RPMs (RHEL, Rocky, CentOS,
# Fedora) from one checkout:
#   stratum-helper  the helper, its units and the headless command line
#   stratum         the desktop window (depends on stratum-helper)
# PROFILE=dev reuses the test build (as the packaging check does); the
# default is a release build. Packages land in $OUT (default target/packages).
source "$(dirname "$0")/common.sh"
check_rust
profile=${PROFILE:-release}
target=${CARGO_TARGET_DIR:-target}
dir=$([ "$profile" = dev ] && echo debug || echo "$profile")
out=${OUT:-$target/packages}
mkdir -p "$out"
command -v cargo-deb >/dev/null 2>&1 || cargo install cargo-deb --locked --quiet
command -v cargo-generate-rpm >/dev/null 2>&1 || cargo install cargo-generate-rpm --locked --quiet
if [ "${NO_BUILD:-}" != 1 ]; then
    cargo build --locked --profile "$profile" --bins
fi
# The command line without any GUI library, in its own target directory so it
# does not replace the desktop build's binary.
CARGO_TARGET_DIR="$target/headless" cargo build --locked --profile "$profile" \
    --no-default-features --bins --quiet
cp "$target/headless/$dir/stratum" "$target/$dir/stratum-cli"
# (cargo-deb warns about the dev profile the packaging check reuses.)
cargo deb --no-build --profile "$profile" -o "$out/stratum.deb" >/dev/null 2>&1
cargo deb --no-build --profile "$profile" --variant helper -o "$out/stratum-helper.deb" >/dev/null 2>&1
# The same split as rpms (asset paths name target/release; --profile maps them).
# rpm's own file names (NAME-VERSION-RELEASE.ARCH.rpm) in $out.
cargo generate-rpm --profile "$profile" --target-dir "$target" --variant helper -o "$out" >/dev/null
cargo generate-rpm --profile "$profile" --target-dir "$target" --variant desktop -o "$out" >/dev/null
ls "$out"/*.deb "$out"/*.rpm
