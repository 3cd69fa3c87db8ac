#!/usr/bin/env bash
# Validates the desktop file and AppStream metadata, builds the .deb from
# the binaries the test run just built (no second build), and checks that
# it carries both binaries, the unit, the policy, the desktop file and the
# metainfo.
source "$(dirname "$0")/common.sh"

desktop-file-validate packaging/org.stratum.Stratum.desktop
appstreamcli validate --no-net packaging/org.stratum.Stratum.metainfo.xml

command -v cargo-deb >/dev/null 2>&1 || cargo install cargo-deb --locked --quiet
out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT
cargo deb --no-build --profile dev -o "$out/stratum.deb" 2>/dev/null
contents=$(dpkg-deb --contents "$out/stratum.deb")
fail=0
for f in ./usr/bin/stratum ./usr/bin/stratum-helper \
         ./lib/systemd/system/stratum-helper.service \
         ./usr/share/polkit-1/actions/org.stratum.helper.policy \
         ./usr/share/applications/org.stratum.Stratum.desktop \
         ./usr/share/metainfo/org.stratum.Stratum.metainfo.xml; do
    if grep -q " $f\$" <<<"$contents"; then
        echo "packaging: $f ok"
    else
        echo "packaging: $f MISSING from the .deb" >&2
        fail=1
    fi
done
dpkg-deb --field "$out/stratum.deb" Depends | grep -q chrony || { echo "packaging: Depends lacks chrony" >&2; fail=1; }
exit $fail
