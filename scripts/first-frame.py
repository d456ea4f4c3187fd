#!/usr/bin/env python3
"""Times the explorer's start from outside, through a pseudo-terminal.

Usage: scripts/first-frame.py CACHE_DIR TEXT [--then TEXT2]... dossier ARGS...

Starts the command on a 120x30 pty with XDG_CACHE_HOME=CACHE_DIR, and prints
the milliseconds from the start to its first output, to TEXT (the title of
article 1, say) being on the screen, and then to each TEXT2 in turn (the
header's "1000000 articles", say: the whole list is there); then sends `q`.
The screen is kept by a small emulator of what the explorer writes (cursor
moves, printed chars, clears): the explorer redraws only the cells that
change, so a text is looked for on the screen, not in the bytes written.
Used for the figures in docs/scale.md (a reopen: first frame, list drawn).
"""
import fcntl
import os
import pty
import re
import select
import struct
import sys
import termios
import time

ROWS, COLS = 30, 120

cache, texts, rest = sys.argv[1], [sys.argv[2]], sys.argv[3:]
while rest[:1] == ["--then"]:
    texts.append(rest[1])
    rest = rest[2:]
cmd = rest


class Screen:
    """The cells of a terminal, written as a VT100 would (enough of it)."""

    # CSI sequences, OSC strings, two-byte escapes, printable text.
    TOKEN = re.compile(
        r"\x1b\[([0-9;?]*)([@-~])|\x1b\][^\x07\x1b]*(?:\x07|\x1b\\)|\x1b.|([^\x1b])",
        re.S,
    )

    def __init__(self):
        self.cells = [[" "] * COLS for _ in range(ROWS)]
        self.row = self.col = 0
        self.pending = ""

    def feed(self, text):
        text = self.pending + text
        self.pending = ""
        at = 0
        for m in self.TOKEN.finditer(text):
            at = m.end()
            if m.group(3) is not None:
                self.put(m.group(3))
            elif m.group(2) is not None:
                self.csi(m.group(1), m.group(2))
        # An escape cut off by the end of a read waits for the rest.
        cut = text.rfind("\x1b", at)
        if cut >= 0:
            self.pending = text[cut:]

    def put(self, c):
        if c == "\r":
            self.col = 0
        elif c == "\n":
            self.row = min(self.row + 1, ROWS - 1)
        elif c >= " " and self.row < ROWS and self.col < COLS:
            self.cells[self.row][self.col] = c
            self.col += 1

    def csi(self, args, final):
        numbers = [int(n) if n.isdigit() else 0 for n in args.lstrip("?").split(";")]
        if final in "Hf":
            row = numbers[0] if numbers and numbers[0] else 1
            col = numbers[1] if len(numbers) > 1 and numbers[1] else 1
            self.row, self.col = min(row, ROWS) - 1, min(col, COLS) - 1
        elif final == "J" and numbers[:1] == [2]:
            self.cells = [[" "] * COLS for _ in range(ROWS)]
        elif final == "K":
            self.cells[self.row][self.col:] = [" "] * (COLS - self.col)

    def has(self, text):
        return any(text in "".join(row) for row in self.cells)


t0 = time.monotonic()
pid, fd = pty.fork()
if pid == 0:
    os.environ["XDG_CACHE_HOME"] = cache
    os.environ["TERM"] = "xterm-256color"
    os.execvp(cmd[0], cmd)
fcntl.ioctl(fd, termios.TIOCSWINSZ, struct.pack("HHHH", ROWS, COLS, 0, 0))
screen = Screen()
first = None
found = []
while len(found) < len(texts):
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
    screen.feed(data.decode("utf-8", "replace"))
    while len(found) < len(texts) and screen.has(texts[len(found)]):
        found.append(now)


def ms(t):
    return "never" if t is None else f"{t * 1000:.0f} ms"


found += [None] * (len(texts) - len(found))
drawn = "; ".join(f"'{t}' drawn {ms(f)}" for t, f in zip(texts, found))
print(f"first output {ms(first)}; {drawn}")
os.write(fd, b"q")
time.sleep(0.5)
try:
    os.kill(pid, 15)
except ProcessLookupError:
    pass
os.waitpid(pid, 0)
