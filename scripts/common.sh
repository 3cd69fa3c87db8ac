# Shared by run-app.sh and run-tests.sh: install what Stratum needs on
# Debian/Ubuntu (as root, or through sudo) and check the Rust toolchain.

set -euo pipefail

# Debian packages the tests and the app need at run time.
# chrony, and the libraries winit and glow load at run time (X11/Wayland,
# OpenGL). Fonts are built in (assets/fonts), so none is required.
STRATUM_DEBS=(chrony libgl1 libegl1 libgl1-mesa-dri libxkbcommon0 libxkbcommon-x11-0 libxcursor1 libxrandr2 libxi6 libx11-xcb1 libwayland-client0 libwayland-egl1)
# What the test suite needs besides: packaging checks, a virtual display.
# faketime: a lab with a leap second pending runs its chronyd on 31 December
# (chrony announces leap seconds only on 30 June and 31 December); openssl:
# certificates for the NTS labs; rpm, rpmlint, lintian: the packages' checks;
# dbus-daemon, dbus-bin, dunst: a private session bus with a real
# notification daemon for the desktop notifications; man-db: the man
# pages rendered; iproute2: the roster lab's private network namespace;
# libssl3, libcap2, libbsd0: the libraries of ntpsec's ntpd, which
# scripts/ntpsec.sh unpacks without installing ntpsec (the package conflicts
# with chrony: never add it).
STRATUM_TEST_DEBS=(desktop-file-utils appstream xvfb xauth python3 prometheus openssh-server openssh-client ansible-core ansible-lint faketime openssl rpm rpmlint lintian gpsd dbus-daemon dbus-bin dunst man-db iproute2 libssl3 libcap2 libbsd0)
# What scripts/chrony-releases.sh builds chrony's releases with.
CHRONY_BUILD_DEBS=(build-essential dpkg-dev pkg-config libgnutls28-dev nettle-dev libcap-dev)

as_root() {
    if [ "$(id -u)" -eq 0 ]; then
        "$@"
    elif command -v sudo >/dev/null 2>&1; then
        sudo "$@"
    else
        echo "stratum: installing packages needs root or sudo: $*" >&2
        exit 1
    fi
}

install_debs() {
    local missing=()
    for p in "$@"; do
        dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep "install ok installed" >/dev/null || missing+=("$p")
    done
    if [ ${#missing[@]} -gt 0 ]; then
        if ! command -v apt-get >/dev/null 2>&1; then
            echo "stratum: please install: ${missing[*]}" >&2
            exit 1
        fi
        echo "stratum: installing ${missing[*]}" >&2
        as_root env DEBIAN_FRONTEND=noninteractive apt-get update -qq
        as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
    fi
}

check_rust() {
    if ! command -v cargo >/dev/null 2>&1; then
        [ -x "$HOME/.cargo/bin/cargo" ] && export PATH="$HOME/.cargo/bin:$PATH"
    fi
    if ! command -v cargo >/dev/null 2>&1; then
        echo "stratum: needs Rust 1.85 or newer (https://rustup.rs), then run this again." >&2
        exit 1
    fi
}

cd "$(dirname "${BASH_SOURCE[0]}")/.."
