#!/usr/bin/env python3
"""A local user who tries to freeze or lock out the Stratum helper.

Usage: hostile_client.py SOCKET SECONDS

For SECONDS it keeps, as many as the helper lets it:
  - connections that say hello, subscribe many times and never read;
  - connections that never say hello;
  - connections that trickle their hello one byte every 4 seconds;
and reconnects whatever the helper closes. Bounded: at most 3000 connection
attempts in all. Prints one line of counts at the end.
"""
import json
import socket
import struct
import sys
import time

path, seconds = sys.argv[1], float(sys.argv[2])


def frame(obj):
    body = json.dumps(obj).encode()
    return struct.pack(">I", len(body)) + body


hello = frame({"type": "hello", "protocol": 3})
subscribe = b"".join(
    frame({"type": "request", "id": i, "body": {"type": "subscribe"}}) for i in range(50)
)

held = []  # (socket, kind, next_byte_index)
attempts = refused = 0
end = time.monotonic() + seconds
last_trickle = time.monotonic()
while time.monotonic() < end:
    kinds = ["subscriber"] * 6 + ["silent"] * 2 + ["trickle"] * 2
    for kind in kinds:
        if attempts >= 3000:
            break
        attempts += 1
        try:
            s = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
        except OSError:
            refused += 1
            break
        s.setblocking(False)
        try:
            s.connect(path)
            if kind == "subscriber":
                s.send(hello)
                try:
                    s.send(subscribe)
                except BlockingIOError:
                    pass
            held.append([s, kind, 0])
        except OSError:
            refused += 1
            s.close()
    if time.monotonic() - last_trickle >= 4:
        last_trickle = time.monotonic()
        for h in held:
            if h[1] == "trickle" and h[2] < len(hello):
                try:
                    h[0].send(hello[h[2] : h[2] + 1])
                    h[2] += 1
                except OSError:
                    pass
    # Forget sockets the helper closed: EOF, an error, or (for those that
    # never said hello) any answer, which can only be a refusal.
    alive = []
    for h in held:
        try:
            data = h[0].recv(1, socket.MSG_PEEK)
            if data == b"" or h[1] != "subscriber":
                h[0].close()
                continue
        except BlockingIOError:
            pass
        except OSError:
            h[0].close()
            continue
        alive.append(h)
    # Stay under our own descriptor limit.
    while len(alive) > 900:
        alive.pop(0)[0].close()
    held = alive
    time.sleep(0.05)
print(f"attempts={attempts} refused={refused} held_at_end={len(held)}")
