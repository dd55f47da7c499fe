"""Helpers of the `imapkit proxy` integration tests (proxy_dovecot.py, proxy_malformed.py,
proxy_cli.py): the proxy as a child process whose trace goes to a file, stopped by PID also when
a test fails, and the checks of its trace and JSON Lines. Dovecot: dovecot_run.py."""

import json
import os
import re
import subprocess
import time

from dovecot_run import Failure


def check(condition, what):
    if not condition:
        raise Failure(what)


class Proxy:
    """`imapkit proxy ... --listen 127.0.0.1:0`, its trace in a file; `port` is read from its
    first line, "listening on 127.0.0.1:PORT"."""

    def __init__(self, imapkit, server_port, directory, name, extra=()):
        self.trace_path = os.path.join(directory, name + ".trace")
        self.json_path = os.path.join(directory, name + ".jsonl")
        self.stderr_path = os.path.join(directory, name + ".stderr")
        self.returncode = None
        with open(self.trace_path, "wb") as out, open(self.stderr_path, "wb") as err:
            self.process = subprocess.Popen(
                [imapkit, "proxy", "--listen", "127.0.0.1:0", "--connect",
                 f"127.0.0.1:{server_port}", "--json", self.json_path, "--width", "0", *extra],
                stdout=out, stderr=err, stdin=subprocess.DEVNULL)
        deadline = time.monotonic() + 20
        while True:
            first = self.trace().split("\n", 1)[0]
            match = re.fullmatch(r"listening on 127\.0\.0\.1:(\d+)", first)
            if match:
                self.port = int(match.group(1))
                return
            if self.process.poll() is not None or time.monotonic() > deadline:
                self.stop()
                raise Failure(f"the proxy did not start: {self.trace()!r} {self.stderr()!r}")
            time.sleep(0.05)

    def trace(self):
        with open(self.trace_path, "rb") as f:
            return f.read().decode("utf-8")

    def stderr(self):
        with open(self.stderr_path, "rb") as f:
            return f.read().decode("utf-8", "replace")

    def records(self):
        with open(self.json_path, "rb") as f:
            return [json.loads(line) for line in f.read().decode("utf-8").splitlines()]

    def wait(self, timeout=30):
        """Waits for the proxy to exit by itself (--once / --connections); its exit status."""
        try:
            self.returncode = self.process.wait(timeout=timeout)
        except subprocess.TimeoutExpired:
            self.stop()
            raise Failure(f"the proxy did not exit; trace:\n{self.trace()}")
        return self.returncode

    def stop(self):
        if self.process.poll() is None:
            self.process.kill()
            self.process.wait()


def summaries(trace):
    """The "#N end: ..." lines of a trace: {N: (c_messages, c_bytes, s_messages, s_bytes,
    violations)}."""
    out = {}
    for m in re.finditer(r"^#(\d+) end: C> (\d+) messages (\d+) bytes, S< (\d+) messages (\d+) "
                         r"bytes, (\d+) violations$", trace, re.M):
        out[int(m.group(1))] = tuple(int(g) for g in m.groups()[1:])
    return out


def check_records(records, trace):
    """The JSON Lines agree with the trace: one record per message, plus one per violation that
    is not a message (a framer limit, a stream that ends inside a message); per connection and
    direction the records tile the stream, each starting where the previous one ended (a message
    the framer dropped has no length: the next record starts somewhere after it)."""
    def not_a_message(r):
        return "framer" in r.get("error", {}) or r.get("error", {}).get("incomplete")

    ends = summaries(trace)
    check(ends, "no summary line in the trace")
    for conn, (c_messages, c_bytes, s_messages, s_bytes, _) in ends.items():
        for direction, messages, size in (("client", c_messages, c_bytes),
                                          ("server", s_messages, s_bytes)):
            mine = [r for r in records if r["connection"] == conn and r["direction"] == direction]
            whole = [r for r in mine if not not_a_message(r)]
            check(len(whole) == messages,
                  f"#{conn} {direction}: {len(whole)} JSON records, trace says {messages}")
            offset, dropped = 0, False
            for r in mine:
                check(r["offset"] == offset or (dropped and r["offset"] > offset),
                      f"#{conn} {direction}: record at {r['offset']}, expected {offset}: {r}")
                dropped = "framer" in r.get("error", {})
                offset = r["offset"] + r.get("length", 0)
            check(offset == size or (dropped and offset < size),
                  f"#{conn} {direction}: records cover {offset} bytes of {size}")
    extra = sum(1 for r in records if not_a_message(r))
    check(len(records) == sum(e[0] + e[2] for e in ends.values()) + extra,
          "JSON records of unknown connections")


def without_timings(text):
    """Dovecot's tagged OK texts end in "(0.001 + 0.000 secs)": differs from run to run."""
    return re.sub(r" \(\d+\.\d+ \+ \d+\.\d+( \+ \d+\.\d+)? secs\)\.", ".", text)
