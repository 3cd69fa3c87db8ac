#!/usr/bin/env bash
# Builds real chronyd + chronyc releases for the tests, from Debian's source
# packages: 4.0 (bullseye), 4.3 (bookworm), 4.6.1 (trixie) and sid's (4.9).
# Each lands in ~/.cache/stratum/chrony/<version>/{chronyd,chronyc} (about a
# minute each on 2 cores), then stays cached. The deb-src entries come from
# the machine's own apt sources (the same archive it installs from).
#
# Usage: scripts/chrony-releases.sh [SUITE...]   (default: all four)
# Prints the versions it has, one per line.
source "$(dirname "$0")/common.sh"

cache=${STRATUM_CHRONY_RELEASES:-$HOME/.cache/stratum/chrony}
suites=("$@")
[ ${#suites[@]} -gt 0 ] || suites=(bullseye bookworm trixie sid)
mkdir -p "$cache"

# A suite already built is listed in its marker file.
todo=()
for s in "${suites[@]}"; do
    v=$(cat "$cache/.$s" 2>/dev/null || true)
    if [ -n "$v" ] && [ -x "$cache/$v/chronyd" ] && [ -x "$cache/$v/chronyc" ]; then
        continue
    fi
    todo+=("$s")
done

if [ ${#todo[@]} -gt 0 ]; then
    install_debs "${CHRONY_BUILD_DEBS[@]}"
    # deb-src for the suites, from the archive URI this machine already uses.
    uri=$(sed -n 's/^URIs: *//p' /etc/apt/sources.list.d/*.sources 2>/dev/null | grep -v security | head -n1)
    [ -n "$uri" ] || uri=$(sed -n 's/^deb \(\[[^]]*\] \)\?\([^ ]*\) .*/\2/p' /etc/apt/sources.list 2>/dev/null | grep -v security | head -n1)
    if [ -z "$uri" ]; then
        echo "chrony-releases: no Debian archive in the apt sources" >&2
        exit 1
    fi
    keyring=/usr/share/keyrings/debian-archive-keyring.gpg
    lists=$(mktemp -d)
    trap 'rm -rf "$lists"' EXIT
    src="$lists/stratum-src.sources"
    printf 'Types: deb-src\nURIs: %s\nSuites: %s\nComponents: main\nSigned-By: %s\n' \
        "$uri" "${todo[*]}" "$keyring" > "$src"
    # Our own lists directory: the system's apt state is left as it was.
    aptopts=(-o "Dir::Etc::sourcelist=$src" -o "Dir::Etc::sourceparts=-"
             -o "Dir::State::Lists=$lists" -o "APT::Get::List-Cleanup=0")
    mkdir -p "$lists/partial"
    as_root apt-get "${aptopts[@]}" update -qq
    for s in "${todo[@]}"; do
        work=$(mktemp -d)
        chmod 0755 "$work"
        # The Debian package, or (when the archive has only some of its files,
        # as happens while sid moves) the upstream tarball it is made from.
        ( cd "$work" && as_root apt-get "${aptopts[@]}" -o APT::Sandbox::User=root \
            source -qq --only-source "chrony/$s" >/dev/null 2>&1 ) || true
        dir=$(find "$work" -maxdepth 1 -type d -name 'chrony-*' | head -n1)
        if [ -z "$dir" ]; then
            orig=$(find "$work" -maxdepth 1 -name 'chrony_*.orig.tar.*' | head -n1)
            if [ -z "$orig" ]; then
                echo "chrony-releases: could not fetch chrony from $s" >&2
                exit 1
            fi
            tar -xf "$orig" -C "$work"
            dir=$(find "$work" -maxdepth 1 -type d -name 'chrony-*' | head -n1)
        fi
        v=${dir##*/chrony-}
        echo "chrony-releases: building chrony $v ($s)" >&2
        ( cd "$dir" && ./configure --disable-readline --with-user=_chrony >/dev/null && make -j"$(nproc)" chronyd chronyc >/dev/null )
        mkdir -p "$cache/$v"
        cp "$dir/chronyd" "$dir/chronyc" "$cache/$v/"
        echo "$v" > "$cache/.$s"
        rm -rf "$work"
    done
fi
for s in "${suites[@]}"; do cat "$cache/.$s"; done
