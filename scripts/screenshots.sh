#!/usr/bin/env bash
# Starts the real app under Xvfb against a synced lab on loopback and saves a
# screenshot of every panel of the navigation in English and Chinese at
# 1024x700, the key panels at 1920x1080, and a first run (the window starting
# its own lab helper with an empty HOME). Files: LANG-WxH-PANEL.png.
#
# The lab: three upstream chronyds (stratum 1 on their own clocks), the lab
# helper's chronyd serving NTP and NTS on a free port, and three chronyd
# devices on the lab's roster: one authenticating with NTS, one plain, and one
# that polls but serves no NTP (as many switches do). The helper watches the
# upstreams and the clients for the Fleet panel. Explain gets a real
# `chronyc sources -v` of a client pasted in.
#
# Usage: scripts/screenshots.sh OUTDIR [SIZE...]   (binaries from CARGO_TARGET_DIR or target/)
#   SIZE: 1024x700 (every panel) and/or 1920x1080 (the key panels); both by default.
source "$(dirname "$0")/common.sh"
out=${1:-screenshots}
shift || true
sizes=("$@")
[ ${#sizes[@]} -gt 0 ] || sizes=(1024x700 1920x1080)
# The panels at the large size (the robot takes every panel otherwise).
key_panels=overview,sources,statistics,roster,export
# Every panel of the navigation (src/gui/state.rs, Panel::ALL).
all_panels=18
mkdir -p "$out"
out=$(cd "$out" && pwd)
bin=${CARGO_TARGET_DIR:-target}/debug
[ -x "$bin/stratum" ] || cargo build --bins --quiet
tmp=$(mktemp -d)
chmod 700 "$tmp"
pids=()
cleanup() {
    for p in "${pids[@]}"; do kill "$p" 2>/dev/null || true; done
    sleep 0.5
    for p in "${pids[@]}"; do kill -9 "$p" 2>/dev/null || true; done
    rm -rf "$tmp"
}
trap cleanup EXIT
user=$(id -un)
uflag=(-u "$user"); [ "$user" = root ] || uflag+=(-U)
port() { python3 -c 'import socket; s=socket.socket(socket.AF_INET, socket.SOCK_'"${1:-DGRAM}"'); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])'; }
# chronyd NAME CONFIG: a chronyd with -x (never touches the clock), its
# files in $tmp/NAME.
chronyd_in() {
    local name=$1 conf=$2
    mkdir -p "$tmp/$name"; chmod 700 "$tmp/$name"
    printf '%s\npidfile %s\nbindcmdaddress %s\n' "$conf" "$tmp/$name/p.pid" "$tmp/$name/s.sock" >"$tmp/$name.conf"
    chronyd -x -d "${uflag[@]}" -f "$tmp/$name.conf" 2>"$tmp/$name.log" & pids+=($!)
}

# Three upstreams, each on its own loopback address (chronyd takes one
# source per address), cmdmon over UDP for the Fleet panel.
servers=""
watch=()
for i in 1 2 3; do
    addr=127.0.0.2$i; p=$(port); c=$(port)
    chronyd_in "up$i" "local stratum 1
allow 127.0.0.0/8
port $p
bindaddress $addr
cmdport $c
bindcmdaddress $addr
cmdallow 127.0.0.0/8"
    servers+="server $addr port $p iburst minpoll -2 maxpoll 0"$'\n'
    watch+=(--watch "$addr:$c")
done

# The lab server: NTS with a private CA (the NTS panel lists its certificate).
lab=$(port); ke=$(port STREAM)
mkdir -p "$tmp/nts-dump"; chmod 700 "$tmp/nts-dump"
"$bin/stratum" nts init --name 127.0.0.1,localhost --out "$tmp/nts" --days 90 --ntsport "$ke" --dump-dir "$tmp/nts-dump" --lang en >"$tmp/nts.txt" 2>/dev/null
nts_lines=$(sed -n '/^# chrony.conf of its clients/q; /^[a-z]/p' "$tmp/nts.txt")
cat > "$tmp/lab.conf" <<CONF
# Lab server: three upstreams on loopback, clients on 127.0.0.0/8
${servers}allow 127.0.0.0/8
local stratum 10 orphan
makestep 1 3
$nts_lines
CONF

# The devices: chronyd clients of the lab, each sending from its own
# address (the roster knows a device by it) and answering NTP there.
clients=(
    "client-a 127.0.0.31 chrony nts"
    "client-b 127.0.0.32 chrony plain"
    "switch-1 127.0.0.33 switch silent"
)
for c in "${clients[@]}"; do
    read -r name addr kind how <<<"$c"
    c=$(port); p=$(port)
    case $how in
        nts) src="server 127.0.0.1 port $lab iburst minpoll -2 maxpoll 0 nts ntsport $ke
ntstrustedcerts $tmp/nts/ca.crt
ntsdumpdir $tmp/$name"
             serve="port $p
bindaddress $addr
allow 127.0.0.0/8" ;;
        plain) src="server 127.0.0.1 port $lab iburst minpoll -2 maxpoll 0"
               serve="port $p
bindaddress $addr
allow 127.0.0.0/8" ;;
        # Polls the lab, serves no NTP (what many switches do).
        silent) src="server 127.0.0.1 port $lab iburst minpoll -2 maxpoll 0"
                serve="port 0" ;;
    esac
    chronyd_in "$name" "$src
$serve
bindacqaddress $addr
cmdport $c
bindcmdaddress $addr
cmdallow 127.0.0.0/8"
    [ "$how" = silent ] || watch+=(--watch "$addr:$c")
    [ "$how" = silent ] && roster+=("$name $addr $kind") || roster+=("$name $addr:$p $kind")
done

"$bin/stratum-helper" --lab --config "$tmp/lab.conf" --data-dir "$tmp/data" --socket "$tmp/helper.sock" --ntp-port "$lab" --poll-interval 0.5 \
    "${watch[@]}" 2>"$tmp/helper.log" & pids+=($!)
for _ in $(seq 100); do [ -S "$tmp/helper.sock" ] && break; sleep 0.2; done
for d in "${roster[@]}"; do
    read -r name addr kind <<<"$d"
    "$bin/stratum" roster add "$name" "$addr" --kind "$kind" --socket "$tmp/helper.sock" >/dev/null
done
# Live data: every device judged (two follow, the switch polls), sources
# selected, a minute of history for the plots and statistics. At most 3 min.
t0=$SECONDS
until [ $((SECONDS - t0)) -ge 180 ]; do
    verdicts=$("$bin/stratum" roster list --json --socket "$tmp/helper.sock" 2>/dev/null |
        python3 -c 'import json,sys; print(" ".join(sorted(d["verdict"] for d in json.load(sys.stdin)["devices"])))' 2>/dev/null || true)
    [ "$verdicts" = "follows-us follows-us polls-no-answer" ] && [ $((SECONDS - t0)) -ge 60 ] && break
    sleep 2
done
echo "screenshots: lab ready after $((SECONDS - t0)) s (roster: ${verdicts:-none})"
# What Explain shows: a client's own view, as chronyc prints it.
chronyc -h 127.0.0.32 -p "$(sed -n 's/^cmdport //p' "$tmp/client-b.conf")" -n sources -v >"$tmp/explain.txt" 2>&1 || true

# shoot SIZE [PANELS]: one tour of the window, on a first run's empty HOME.
shoot() {
    local size=$1 panels=${2:-} home
    home=$(mktemp -d -p "$tmp")
    mkdir -p "$home/run"
    HOME=$home XDG_CONFIG_HOME="$home/.config" XDG_DATA_HOME="$home/.local/share" XDG_RUNTIME_DIR="$home/run" \
    STRATUM_SOCKET="$tmp/helper.sock" STRATUM_SCREENSHOTS="$out" STRATUM_SCREENSHOT_SIZE="$size" \
    STRATUM_SCREENSHOT_PANELS="$panels" STRATUM_SCREENSHOT_EXPLAIN="$tmp/explain.txt" LIBGL_ALWAYS_SOFTWARE=1 \
        timeout 600 xvfb-run -a -s "-screen 0 ${size}x24" "$bin/stratum"
}
expected=0 n=0
for size in "${sizes[@]}"; do
    rm -f "$out"/*-"$size"-*.png
    case $size in
        1024x700) shoot "$size"; expected=$((expected + 2 * all_panels)) ;;
        *) shoot "$size" "$key_panels"; expected=$((expected + 2 * $(tr , '\n' <<<"$key_panels" | wc -l))) ;;
    esac
    n=$((n + $(ls "$out" | grep -c -E "^(en|zh-CN)-$size-[a-z]+\.png\$" || true)))
done

# A first run with no helper anywhere: the window starts its own lab helper
# (chronyd -x) and shows live data from it, then stops it on close.
home2="$tmp/home2"
mkdir -p "$home2/run"; chmod 700 "$home2/run"
HOME=$home2 XDG_CONFIG_HOME="$home2/.config" XDG_DATA_HOME="$home2/.local/share" XDG_RUNTIME_DIR="$home2/run" \
STRATUM_SCREENSHOTS="$out" STRATUM_SCREENSHOT_FIRST_RUN=1 LIBGL_ALWAYS_SOFTWARE=1 \
    timeout 240 xvfb-run -a -s "-screen 0 1024x700x24" "$bin/stratum"
# Only the helper this window started (its HOME is ours, and not a zombie):
# another user of the machine may run a lab helper of their own meanwhile.
for p in $(pgrep -f "stratum-helper --lab$" || true); do
    if tr '\0' '\n' <"/proc/$p/environ" 2>/dev/null | grep -qx "HOME=$home2" \
        && ! grep -q '^State:.*Z' "/proc/$p/status" 2>/dev/null; then
        echo "screenshots: the lab helper the window started is still running" >&2
        exit 1
    fi
done
echo "screenshots: $n of $expected panel shots and a first run saved in $out"
[ "$n" -eq "$expected" ] && [ -f "$out/en-1024x700-first-run.png" ]
