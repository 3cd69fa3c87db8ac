#!/usr/bin/env bash
# ntpsec's ntpd for the roster lab (an ntpd host that follows the lab
# server), without installing the package: Debian's ntpsec conflicts with
# chrony, so installing it would remove chrony. The .deb is downloaded and
# unpacked once into ~/.cache/stratum/ntpsec/ (like the chrony releases);
# the tests run usr/sbin/ntpd from there.
#
# Usage: scripts/ntpsec.sh   Prints the path of ntpd.
source "$(dirname "$0")/common.sh"

cache=${STRATUM_NTPSEC:-$HOME/.cache/stratum/ntpsec}
ntpd="$cache/usr/sbin/ntpd"

if [ ! -x "$ntpd" ]; then
    work=$(mktemp -d)
    trap 'rm -rf "$work"' EXIT
    # apt's download sandbox user must be able to write there.
    chmod 0755 "$work"
    fetch() {
        ( cd "$work" && as_root apt-get -o APT::Sandbox::User=root download -qq ntpsec >/dev/null 2>&1 )
    }
    if ! fetch; then
        as_root env DEBIAN_FRONTEND=noninteractive apt-get update -qq
        fetch
    fi
    deb=$(find "$work" -maxdepth 1 -name 'ntpsec_*.deb' | head -n1)
    if [ -z "$deb" ]; then
        echo "ntpsec: could not download the ntpsec package" >&2
        exit 1
    fi
    mkdir -p "$cache"
    dpkg-deb -x "$deb" "$cache"
fi

# Its shared libraries come from packages the test suite installs
# (libssl3, libcap2, libbsd0: STRATUM_TEST_DEBS); name any that is missing.
missing=$(ldd "$ntpd" | awk '/not found/ {print $1}')
if [ -n "$missing" ]; then
    echo "ntpsec: ntpd needs libraries this machine lacks: $missing" >&2
    exit 1
fi
echo "$ntpd"
