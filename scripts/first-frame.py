#!/usr/bin/env python3
"""Times the explorer's start from outside, through a pseudo-terminal.

Usage: scripts/first-frame.py CACHE_DIR TEXT dossier ARGS...

Starts the command on a 120x30 pty with XDG_CACHE_HOME=CACHE_DIR, and prints
the milliseconds from the start to its first output and to TEXT (the title of
article 1, say) appearing in what it drew; then sends `q`. Used for the
figures in docs/scale.md (a reopen: first frame and list drawn).
"""
import fcntl
import os
import pty
import select
import struct
import sys
import termios
import time

cache, text, cmd = sys.argv[1], sys.argv[2].encode(), sys.argv[3:]
t0 = time.monotonic()
pid, fd = pty.fork()
if pid == 0:
    os.environ["XDG_CACHE_HOME"] = cache
    os.environ["TERM"] = "xterm-256color"
    os.execvp(cmd[0], cmd)
fcntl.ioctl(fd, termios.TIOCSWINSZ, struct.pack("HHHH", 30, 120, 0, 0))
seen = b""
first = found = None
while found is None:
    ready, _, _ = select.select([fd], [], [], 120)
    if not ready:
        break
    try:
        data = os.read(fd, 65536)
    except OSError:
        break
    now = time.monotonic() - t0
    if first is None and data:
        first = now
    seen = seen[-len(text):] + data
    if text in seen:
        found = now


def ms(t):
    return "never" if t is None else f"{t * 1000:.0f} ms"


print(f"first output {ms(first)}; '{text.decode()}' drawn {ms(found)}")
os.write(fd, b"q")
time.sleep(0.5)
try:
    os.kill(pid, 15)
except ProcessLookupError:
    pass
os.waitpid(pid, 0)
