#!/usr/bin/env bash
# Validates the desktop file, the AppStream metadata and the systemd unit,
# builds both .debs and both .rpms from the binaries the test run just built
# (the debug build, stripped into the packages as a release build is; plus
# the headless command line), and checks what each carries and needs
# (dpkg-deb; rpm -qp --list/--requires; rpmlint): the headless package links
# no GUI library, the RHEL helper package brings its /etc drop-in.
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
         ./lib/systemd/system/stratum-metrics.service ./usr/share/stratum/grafana/stratum.json \
         ./usr/share/man/man1/stratum.1.gz ./usr/share/man/man8/stratum-helper.8.gz \
         ./usr/share/bash-completion/completions/stratum ./usr/share/zsh/vendor-completions/_stratum \
         ./usr/share/fish/vendor_completions.d/stratum.fish; do
    has "$out/stratum-helper.deb" "$f"
done
for f in ./usr/libexec/stratum/stratum-gui ./usr/share/applications/org.stratum.Stratum.desktop \
         ./usr/share/metainfo/org.stratum.Stratum.metainfo.xml; do
    has "$out/stratum.deb" "$f"
done
dpkg-deb --field "$out/stratum-helper.deb" Depends | grep chrony >/dev/null || { echo "packaging: stratum-helper does not depend on chrony" >&2; fail=1; }
dpkg-deb --field "$out/stratum.deb" Depends | grep stratum-helper >/dev/null || { echo "packaging: stratum does not depend on stratum-helper" >&2; fail=1; }
# lintian: errors and warnings fail; a finding that does not apply is
# overridden inside the package (packaging/lintian/), with its reason.
if lint=$(lintian --fail-on error,warning "$out/stratum-helper.deb" "$out/stratum.deb" 2>&1); then
    echo "packaging: lintian: clean"
else
    echo "packaging: lintian:" >&2
    grep -v 'running with root privileges' <<<"$lint" >&2
    fail=1
fi
# The headless command line needs no GUI library, even at run time.
headless="$target/headless/debug/stratum"
if grep -qa -e libwayland -e libxkbcommon -e eframe "$headless"; then
    echo "packaging: the headless stratum carries GUI code" >&2
    fail=1
else
    echo "packaging: headless stratum has no GUI code"
fi
"$headless" config lint /dev/null >/dev/null || { echo "packaging: headless stratum does not run" >&2; fail=1; }
# The RPMs: the same split, RHEL's paths.
helper_rpm=$(ls "$out"/stratum-helper-[0-9]*.rpm)
window_rpm=$(ls "$out"/stratum-[0-9]*.rpm)
# (grep -q would stop reading at the first match: under pipefail the writer's
# SIGPIPE then fails the pipeline, so a listed file could read as missing.)
rpm_has() {
    local pkg=$1 f=$2
    if rpm -qp --list "$pkg" 2>/dev/null | grep -x "$f" >/dev/null; then
        echo "packaging: $(basename "$pkg") has $f"
    else
        echo "packaging: $f MISSING from $(basename "$pkg")" >&2
        fail=1
    fi
}
for f in /usr/bin/stratum /usr/bin/stratum-helper /usr/lib/systemd/system/stratum-helper.service \
         /usr/lib/systemd/system/stratum-helper.service.d/rhel.conf \
         /usr/lib/systemd/system/stratum-metrics.service /usr/share/stratum/grafana/stratum.json \
         /usr/share/man/man1/stratum.1.gz /usr/share/man/man8/stratum-helper.8.gz \
         /usr/share/bash-completion/completions/stratum /usr/share/zsh/site-functions/_stratum \
         /usr/share/fish/vendor_completions.d/stratum.fish; do
    rpm_has "$helper_rpm" "$f"
done
for f in /usr/libexec/stratum/stratum-gui /usr/share/applications/org.stratum.Stratum.desktop \
         /usr/share/metainfo/org.stratum.Stratum.metainfo.xml; do
    rpm_has "$window_rpm" "$f"
done
if rpm -qp --list "$helper_rpm" | grep -e stratum-gui -e '\.desktop$' >/dev/null; then
    echo "packaging: the helper rpm carries the window" >&2
    fail=1
fi
rpm -qp --requires "$helper_rpm" | grep -x 'chrony' >/dev/null \
    || { echo "packaging: stratum-helper.rpm does not require chrony" >&2; fail=1; }
rpm -qp --requires "$window_rpm" | grep '^stratum-helper = 0.1.0' >/dev/null \
    || { echo "packaging: stratum.rpm does not require stratum-helper" >&2; fail=1; }
if rpm -qp --requires "$helper_rpm" | grep -e mesa -e libX -e wayland -e fonts >/dev/null; then
    echo "packaging: the helper rpm requires GUI libraries or fonts" >&2
    fail=1
fi
rpm -qp --scripts "$helper_rpm" | grep 'groupadd --system stratum' >/dev/null \
    || { echo "packaging: stratum-helper.rpm does not create the stratum group" >&2; fail=1; }
echo "packaging: rpm requires of stratum.rpm: $(rpm -qp --requires "$window_rpm" | tr '\n' ' ')"
# rpmlint: errors fail; what a package built without rpmbuild cannot have
# (a changelog, a signature) is filtered in packaging/rpmlint.toml with the
# reason beside each.
for pkg in "$helper_rpm" "$window_rpm"; do
    if ! lint=$(rpmlint --config packaging/rpmlint.toml "$pkg" 2>&1); then
        echo "packaging: rpmlint $(basename "$pkg"):" >&2
        echo "$lint" >&2
        fail=1
    else
        echo "packaging: rpmlint $(basename "$pkg"): $(tail -1 <<<"$lint")"
    fi
done
exit $fail
