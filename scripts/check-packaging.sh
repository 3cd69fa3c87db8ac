#!/usr/bin/env bash
# Validates the desktop file, the AppStream metadata and the systemd unit,
# builds both .debs from the binaries the test run just built (plus the
# headless command line), and checks what each carries and needs: the
# headless package links no GUI library.
source "$(dirname "$0")/common.sh"

desktop-file-validate packaging/org.stratum.Stratum.desktop
appstreamcli validate --no-net packaging/org.stratum.Stratum.metainfo.xml

target=${CARGO_TARGET_DIR:-target}
out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT

# systemd-analyze checks that ExecStart exists: point it at the build.
helper_bin=$(realpath "$target/debug/stratum-helper")
stratum_bin=$(realpath "$target/debug/stratum")
for name in stratum-helper stratum-metrics; do
    unit="$out/$name.service"
    sed -e "s|/usr/bin/stratum-helper|$helper_bin|" -e "s|/usr/bin/stratum |$stratum_bin |" \
        "packaging/$name.service" > "$unit"
    if command -v systemd-analyze >/dev/null 2>&1; then
        # Any complaint fails (the chrony and helper units it names need
        # not exist here).
        verify=$(systemd-analyze verify "$unit" 2>&1 | grep -v -e 'Failed to connect to bus' \
            -e 'chrony.*\.service' -e 'stratum-helper\.service' || true)
        if [ -n "$verify" ]; then
            echo "packaging: systemd-analyze verify $name: $verify" >&2
            exit 1
        fi
        echo "packaging: systemd unit $name verified"
    fi
done

PROFILE=dev NO_BUILD=1 OUT="$out" ./scripts/build-packages.sh >/dev/null
fail=0
has() {
    local deb=$1 f=$2 contents
    contents=$(dpkg-deb --contents "$deb")
    if grep -q " $f\$" <<<"$contents"; then
        echo "packaging: $(basename "$deb") has $f"
    else
        echo "packaging: $f MISSING from $(basename "$deb")" >&2
        fail=1
    fi
}
for f in ./usr/bin/stratum ./usr/bin/stratum-helper ./lib/systemd/system/stratum-helper.service \
         ./lib/systemd/system/stratum-metrics.service; do
    has "$out/stratum-helper.deb" "$f"
done
for f in ./usr/libexec/stratum/stratum-gui ./usr/share/applications/org.stratum.Stratum.desktop \
         ./usr/share/metainfo/org.stratum.Stratum.metainfo.xml; do
    has "$out/stratum.deb" "$f"
done
dpkg-deb --field "$out/stratum-helper.deb" Depends | grep -q chrony || { echo "packaging: stratum-helper does not depend on chrony" >&2; fail=1; }
dpkg-deb --field "$out/stratum.deb" Depends | grep -q stratum-helper || { echo "packaging: stratum does not depend on stratum-helper" >&2; fail=1; }
# The headless command line needs no GUI library, even at run time.
headless="$target/headless/debug/stratum"
if grep -qa -e libwayland -e libxkbcommon -e eframe "$headless"; then
    echo "packaging: the headless stratum carries GUI code" >&2
    fail=1
else
    echo "packaging: headless stratum has no GUI code"
fi
"$headless" config lint /dev/null >/dev/null || { echo "packaging: headless stratum does not run" >&2; fail=1; }
exit $fail
