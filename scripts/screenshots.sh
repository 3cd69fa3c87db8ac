#!/usr/bin/env bash
# Starts the real app under Xvfb against a lab helper (with an upstream
# chronyd on loopback and a client polling the lab), waits for live data and
# saves a screenshot of each main panel in English and Chinese.
# Usage: scripts/screenshots.sh OUTDIR   (binaries from CARGO_TARGET_DIR or target/)
source "$(dirname "$0")/common.sh"
out=${1:-screenshots}
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
port() { python3 -c 'import socket; s=socket.socket(socket.AF_INET, socket.SOCK_DGRAM); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])'; }
up=$(port); lab=$(port); upcmd=$(port); clcmd=$(port)
mkdir -p "$tmp/up" "$tmp/cl"; chmod 700 "$tmp/up" "$tmp/cl"
cat > "$tmp/up.conf" <<CONF
local stratum 1
allow 127.0.0.0/8
port $up
bindaddress 127.0.0.1
# cmdmon over UDP on loopback too, so the Fleet panel watches it
cmdport $upcmd
bindcmdaddress 127.0.0.1
cmdallow 127.0.0.1
bindcmdaddress $tmp/up/s.sock
pidfile $tmp/up/p.pid
CONF
chronyd -x -d "${uflag[@]}" -f "$tmp/up.conf" 2>/dev/null & pids+=($!)
cat > "$tmp/lab.conf" <<CONF
# Lab server: one upstream on loopback, clients on 127.0.0.0/8
server 127.0.0.1 port $up iburst minpoll -2 maxpoll 0
allow 127.0.0.0/8
local stratum 10 orphan
makestep 1 3
CONF
"$bin/stratum-helper" --lab --config "$tmp/lab.conf" --data-dir "$tmp/data" --socket "$tmp/helper.sock" --ntp-port "$lab" --poll-interval 0.5 \
    --watch "127.0.0.1:$upcmd" --watch "127.0.0.1:$clcmd" 2>"$tmp/helper.log" & pids+=($!)
cat > "$tmp/cl.conf" <<CONF
server 127.0.0.1 port $lab iburst minpoll -2 maxpoll 0
port 0
cmdport $clcmd
bindcmdaddress 127.0.0.1
cmdallow 127.0.0.1
bindcmdaddress $tmp/cl/s.sock
pidfile $tmp/cl/p.pid
CONF
chronyd -x -d "${uflag[@]}" -f "$tmp/cl.conf" 2>/dev/null & pids+=($!)
sleep 6
# A first run: HOME and XDG dirs in an empty temp dir, no CJK font on the system needed.
export HOME="$tmp/home" XDG_CONFIG_HOME="$tmp/home/.config" XDG_DATA_HOME="$tmp/home/.local/share" XDG_RUNTIME_DIR="$tmp/home/run"
mkdir -p "$XDG_RUNTIME_DIR"; chmod 700 "$XDG_RUNTIME_DIR"
# (The deadlines allow for a loaded machine: the tour counts frames, and
# software GL draws each on the CPU beside the tests.)
STRATUM_SOCKET="$tmp/helper.sock" STRATUM_SCREENSHOTS="$out" LIBGL_ALWAYS_SOFTWARE=1 \
    timeout 360 xvfb-run -a -s "-screen 0 1280x860x24" "$bin/stratum"
n=$(ls "$out"/*.png 2>/dev/null | wc -l)
# A first run with no helper anywhere: the window starts its own lab helper
# (chronyd -x) and shows live data from it, then stops it on close.
export HOME="$tmp/home2" XDG_CONFIG_HOME="$tmp/home2/.config" XDG_DATA_HOME="$tmp/home2/.local/share" XDG_RUNTIME_DIR="$tmp/home2/run"
mkdir -p "$XDG_RUNTIME_DIR"; chmod 700 "$XDG_RUNTIME_DIR"
STRATUM_SCREENSHOTS="$out" STRATUM_SCREENSHOT_FIRST_RUN=1 LIBGL_ALWAYS_SOFTWARE=1 \
    timeout 240 xvfb-run -a -s "-screen 0 1280x860x24" "$bin/stratum"
# Only the helper this window started (its HOME is ours): another user of
# the machine may run a lab helper of their own meanwhile.
for p in $(pgrep -f "stratum-helper --lab$" || true); do
    if tr '\0' '\n' < "/proc/$p/environ" 2>/dev/null | grep -qx "HOME=$HOME" \
        && ! grep -q '^State:.*Z' "/proc/$p/status" 2>/dev/null; then
        echo "screenshots: the lab helper the window started is still running" >&2
        exit 1
    fi
done
echo "screenshots: $n panels and a first run saved in $out"
[ "$n" -ge 22 ] && [ -f "$out/first-run.png" ]
