#!/usr/bin/env python3
"""Test of `imapkit proxy` against a scripted server (no Dovecot needed):

- it refuses non-loopback --listen / --connect addresses (and does not look names up);
- a response is forwarded before it is complete: the client gets the first part of a literal
  while the server holds back the rest until the client has seen it;
- a malformed response is forwarded unchanged and flagged, and so are a stream that ends inside
  a message and a command line longer than the framer's limit;
- half-close: the client shuts down its sending side, the server sees EOF and still answers, and
  the client gets that answer;
- --once exits 1 after violations, and the trace's byte counts match what was sent.

  proxy_cli.py --imapkit PATH
"""

import argparse
import os
import re
import shutil
import socket
import subprocess
import sys
import tempfile
import threading

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from dovecot_run import Failure, exit_on_signals  # noqa: E402
from proxy_common import Proxy, check, check_records  # noqa: E402

GREETING = b"* OK scripted server ready\r\n"
COMMAND = b"a1 FETCH 1 BODY[]\r\n"
FIRST_PART = b"* 1 FETCH (BODY[] {11}\r\nhello"
REST = b" world)\r\n"
MALFORMED = b"* 1 FETCH (FLAGS (\\Seen)\r\n"  # the msg-att list is not closed
DONE = b"a1 OK done\r\n"
AFTER_EOF = b"* BYE closing after your EOF\r\na2 OK"  # the last message is cut short
LONG_LINE = b"a2 NOOP " + b"x" * 70000 + b"\r\n"  # longer than the framer's max_line_length


def refusals(imapkit):
    for args, what in ((["--listen", "0.0.0.0:0", "--connect", "127.0.0.1:143"], "0.0.0.0"),
                       (["--listen", "127.0.0.1:0", "--connect", "192.0.2.1:143"], "192.0.2.1"),
                       (["--listen", "127.0.0.1:0", "--connect", "imap.example.org:143"],
                        "imap.example.org")):
        run = subprocess.run([imapkit, "proxy", *args], capture_output=True, timeout=10,
                             stdin=subprocess.DEVNULL)
        err = run.stderr.decode()
        check(run.returncode == 2 and what in err and "loopback" in err and not run.stdout,
              f"{args}: exit {run.returncode}, stderr {err!r}, stdout {run.stdout!r}")
    run = subprocess.run([imapkit, "proxy", "--help"], capture_output=True, timeout=10)
    check(run.returncode == 0 and b"--allow-remote" in run.stdout and b"loopback" in run.stdout,
          "--help does not explain the loopback rule")


class ScriptedServer(threading.Thread):
    def __init__(self, first_part_seen):
        super().__init__(daemon=True)
        self.listener = socket.create_server(("127.0.0.1", 0))
        self.port = self.listener.getsockname()[1]
        self.first_part_seen = first_part_seen
        self.received = b""
        self.error = None

    def run(self):
        try:
            self.listener.settimeout(20)
            conn, _ = self.listener.accept()
            with conn:
                conn.settimeout(20)
                conn.sendall(GREETING)
                while not self.received.endswith(COMMAND):
                    chunk = conn.recv(4096)
                    if not chunk:
                        raise Failure("EOF before the command")
                    self.received += chunk
                conn.sendall(FIRST_PART)
                # The rest only once the client saw the first part through the proxy.
                if not self.first_part_seen.wait(20):
                    raise Failure("the client never got the first part of the literal")
                conn.sendall(REST + MALFORMED + DONE)
                while True:  # until the client's half-close reaches us
                    chunk = conn.recv(4096)
                    if not chunk:
                        break
                    self.received += chunk
                conn.sendall(AFTER_EOF)
        except Exception as e:  # reported by the main thread
            self.error = e
        finally:
            self.listener.close()


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--imapkit", required=True)
    args = parser.parse_args()
    exit_on_signals()
    base = tempfile.mkdtemp(prefix="imapkit-proxy-cli-")
    proxy = None
    try:
        refusals(args.imapkit)

        first_part_seen = threading.Event()
        server = ScriptedServer(first_part_seen)
        server.start()
        proxy = Proxy(args.imapkit, server.port, base, "scripted", ["--once"])
        received = b""
        with socket.create_connection(("127.0.0.1", proxy.port), timeout=20) as s:
            s.sendall(COMMAND)
            while not received.endswith(b"hello"):
                chunk = s.recv(4096)
                check(chunk, "EOF before the first part of the literal")
                received += chunk
            first_part_seen.set()
            while not received.endswith(DONE):
                chunk = s.recv(4096)
                check(chunk, "EOF before the tagged OK")
                received += chunk
            s.sendall(LONG_LINE)
            s.shutdown(socket.SHUT_WR)
            while True:
                chunk = s.recv(4096)
                if not chunk:
                    break
                received += chunk
        server.join(30)
        check(server.error is None, f"scripted server: {server.error}")
        sent = GREETING + FIRST_PART + REST + MALFORMED + DONE + AFTER_EOF
        check(received == sent, f"the client got {received!r}, the server sent {sent!r}")
        check(server.received == COMMAND + LONG_LINE,
              f"the server got {len(server.received)} bytes: {server.received[:100]!r}...")
        status = proxy.wait()
        trace = proxy.trace()
        print(trace)
        check(status == 1, f"--once with violations: exit status {status}, expected 1")

        check(re.search(r"^#1 S< \* 1 FETCH \(BODY\[\] \{11 bytes\}\)$", trace, re.M),
              "the FETCH with its literal by size")
        stream = len(GREETING + FIRST_PART + REST)
        flagged = [line for line in trace.splitlines() if " !! " in line]
        check(len(flagged) == 3, f"flagged: {flagged}")
        match = re.fullmatch(r"#1 S< !! offset (\d+) \(stream (\d+)\) in (\S+): expected (.+) \| "
                             r"\* 1 FETCH \(FLAGS \(\\Seen\)", flagged[0])
        check(match and int(match.group(2)) == stream + int(match.group(1))
              and int(match.group(1)) >= len(b"* 1 FETCH (FLAGS (\\Seen)"),
              f"the malformed FETCH: {flagged[0]!r}")
        check(flagged[1] == f"#1 C> !! offset 0 (stream {len(COMMAND)}) in framer: message exceeds "
              "max_line_length (65536)", f"the long line: {flagged[1]!r}")
        cut = len(sent) - len(b"a2 OK")
        check(flagged[2] == f"#1 S< !! stream {cut}: the stream ends inside a message "
              "(5 bytes unframed)", f"the cut message: {flagged[2]!r}")
        check(re.search(r"^#1 S< \* BYE closing after your EOF$", trace, re.M), "BYE after EOF")
        check(re.search(rf"^#1 end: C> 1 messages {len(COMMAND + LONG_LINE)} bytes, S< 5 messages "
                        rf"{len(sent)} bytes, 3 violations$", trace, re.M), "the summary line")
        records = proxy.records()
        check(len(records) == 8 and records[-1]["error"] == {"incomplete": True, "buffered": 5}
              and records[-1]["offset"] == cut, f"JSON records: {records}")
        long_line = [r for r in records if r["direction"] == "client" and "error" in r]
        check(len(long_line) == 1 and long_line[0]["offset"] == len(COMMAND) and
              long_line[0]["error"] == {"framer": "line_too_long", "limit_name": "max_line_length",
                                        "limit": 65536}, f"the long line's record: {long_line}")
        check_records(records, trace)
        literal = [r for r in records if "response" in r and r["response"]["type"] == "fetch"]
        check(literal and literal[0]["response"]["attributes"][0]["value"]["data"]
              == {"omitted_bytes": 11}, f"the literal in JSON: {literal}")
        print("cli.proxy: all checks passed")
        return 0
    except (Failure, subprocess.TimeoutExpired, OSError) as e:
        print(f"FAILED: {e}", file=sys.stderr)
        if proxy is not None:
            print(f"proxy trace:\n{proxy.trace()}\n{proxy.stderr()}", file=sys.stderr)
        return 1
    finally:
        if proxy is not None:
            proxy.stop()
        shutil.rmtree(base, ignore_errors=True)


if __name__ == "__main__":
    sys.exit(main())
