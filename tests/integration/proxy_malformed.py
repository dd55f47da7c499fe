#!/usr/bin/env python3
"""Integration test: malformed commands through `imapkit proxy` to a real Dovecot.

A raw socket sends valid commands and deliberately malformed ones (a FETCH missing its ")", a
SELECT missing its argument, a garbage line), and an APPEND whose synchronizing literal Dovecot
refuses. The same session runs directly against Dovecot and through `imapkit proxy --once`.
Checks: Dovecot's answers (BAD for the malformed lines) come back through the proxy unchanged,
the proxy flags exactly the malformed lines with their offsets and productions, traces the
refused APPEND and keeps parsing after it, and exits 1.

  proxy_malformed.py --imapkit PATH --dovecot-sh PATH [--dovecot PATH]
"""

import argparse
import os
import re
import shutil
import socket
import subprocess
import sys
import tempfile

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import dovecot_client  # noqa: E402  (the seeded messages)
from dovecot_run import (Failure, dovecot_env, exit_on_signals,  # noqa: E402
                         start_dovecot, stop_dovecot)
from proxy_common import Proxy, check, check_records, summaries, without_timings  # noqa: E402

LOGIN = f"a1 LOGIN {dovecot_client.USER} {dovecot_client.PASSWORD}\r\n".encode()
# (line sent, how the answer ends: a tagged response's tag, or None for an untagged "* BAD")
SESSION = [
    (LOGIN, "a1"),
    (b"a2 SELECT INBOX\r\n", "a2"),
    (b"a3 UID FETCH 1:* (FLAGS BODY.PEEK[HEADER.FIELDS (SUBJECT)])\r\n", "a3"),
    (b"a4 FETCH 1:* (FLAGS\r\n", "a4"),                   # missing ")"
    (b"a5 SELECT\r\n", "a5"),                             # missing mailbox
    (b"\x01\x02garbage \xff\xfe\r\n", None),              # not a command at all
    (b"a6 APPEND Nope (\\Seen) {5}\r\n", "a6"),            # refused: no "+", no literal sent
    (b"a7 NOOP\r\n", "a7"),
    (b"a8 LOGOUT\r\n", "a8"),
]
# The malformed lines: (index in SESSION, offset in the line, production, expected)
VIOLATIONS = [(3, 19, "fetch-att", "')'"), (4, 9, "select", "' '"), (5, 0, "command", "command")]


def run_session(port):
    """Sends SESSION line by line; returns everything received, as lines."""
    received = []
    with socket.create_connection(("127.0.0.1", port), timeout=30) as s:
        f = s.makefile("rb")
        received.append(f.readline())  # greeting
        for line, tag in SESSION:
            s.sendall(line)
            while True:
                answer = f.readline()
                check(answer, f"connection closed while waiting for the answer to {line!r}")
                received.append(answer)
                if tag is None and answer.startswith(b"* BAD"):
                    break
                if tag is not None and answer.startswith(tag.encode() + b" "):
                    break
        check(f.read() == b"", "bytes after LOGOUT")
    return received


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--imapkit", required=True)
    parser.add_argument("--dovecot-sh", required=True)
    parser.add_argument("--dovecot")
    args = parser.parse_args()
    exit_on_signals()
    env = dovecot_env(args.dovecot)
    base = tempfile.mkdtemp(prefix="imapkit-proxy-")
    os.chmod(base, 0o755)  # as root Dovecot runs as nobody, who must reach DIR inside
    dovecot_dir = os.path.join(base, "dovecot")
    proxy = None
    try:
        port = start_dovecot(args.dovecot_sh, dovecot_dir, env)
        dovecot_client.seed(dovecot_dir)
        run_session(port)  # the first SELECT claims the \Recent flags; the next ones see none
        direct = run_session(port)

        proxy = Proxy(args.imapkit, port, base, "malformed", ["--once"])
        proxied = run_session(proxy.port)
        status = proxy.wait()
        trace = proxy.trace()
        print(trace)

        def answers(lines):
            return [without_timings(line.decode("utf-8", "replace")) for line in lines]
        check(answers(proxied) == answers(direct),
              f"answers through the proxy:\n{proxied}\ndirectly:\n{direct}")
        for index, _, _, _ in VIOLATIONS:
            tag = SESSION[index][1]
            bad = [a for a in answers(proxied)
                   if a.startswith(f"{tag} BAD " if tag else "* BAD ")]
            check(bad, f"Dovecot did not answer BAD to {SESSION[index][0]!r}")
        check(status == 1, f"--once with violations: exit status {status}, expected 1")

        flagged = [line for line in trace.splitlines() if " !! " in line]
        check(len(flagged) == len(VIOLATIONS), "flagged lines:\n" + "\n".join(flagged))
        sent_before = [sum(len(line) for line, _ in SESSION[:i]) for i in range(len(SESSION))]
        for line, (index, offset, production, expected) in zip(flagged, VIOLATIONS):
            stream = sent_before[index] + offset
            want = (f"#1 C> !! offset {offset} (stream {stream}) in {production}: "
                    f"expected {expected} | ")
            check(line.startswith(want), f"flagged {line!r}, expected it to start with {want!r}")
        check(flagged[2].endswith("| \\x01\\x02garbage \\xFF\\xFE"),
              f"the garbage line is not shown escaped: {flagged[2]!r}")
        check(re.search(r"^#1 C> a6 APPEND Nope \(\\Seen\) \{5 bytes\} \[literal refused by the "
                        r"server, not sent\]$", trace, re.M), "the refused APPEND")
        check(re.search(r"^#1 C> a7 NOOP$", trace, re.M), "NOOP after the refused APPEND")
        check(re.search(r"^#1 S< \* \d+ FETCH \(UID \d+ FLAGS \(.*\) BODY\[HEADER\.FIELDS "
                        r"\(SUBJECT\)\] \{\d+ bytes\}\)$", trace, re.M), "FETCH with a literal")

        ends = summaries(trace)
        check(list(ends) == [1], f"summary lines: {ends}")
        c_messages, c_bytes, _, s_bytes, violations = ends[1]
        check(c_messages == len(SESSION) and c_bytes == sum(len(line) for line, _ in SESSION),
              f"client side: {c_messages} messages, {c_bytes} bytes")
        check(s_bytes == sum(len(line) for line in proxied), f"server side: {s_bytes} bytes")
        check(violations == len(VIOLATIONS), f"{violations} violations")
        check(trace.rstrip().endswith(f"total: 1 connections, {len(VIOLATIONS)} violations"),
              "no total line")

        records = proxy.records()
        check_records(records, trace)
        errors = [r for r in records if "error" in r]
        check([(r["direction"], r["error"]["offset"], r["error"]["production"]) for r in errors]
              == [("client", offset, production) for _, offset, production, _ in VIOLATIONS],
              f"JSON error records: {errors}")
        check([r["error"]["tag"] for r in errors] == ["a4", "a5", ""], "tags of the errors")
        refused = [r for r in records if r.get("refused_literal")]
        check(len(refused) == 1 and refused[0]["length"] == len(SESSION[6][0]),
              f"refused APPEND record: {refused}")
        print("integration.proxy_malformed: all checks passed")
        return 0
    except (Failure, subprocess.TimeoutExpired, OSError) as e:
        print(f"FAILED: {e}", file=sys.stderr)
        if proxy is not None:
            print(f"proxy trace:\n{proxy.trace()}\n{proxy.stderr()}", file=sys.stderr)
        return 1
    finally:
        if proxy is not None:
            proxy.stop()
        stop_dovecot(args.dovecot_sh, dovecot_dir, env)
        shutil.rmtree(base, ignore_errors=True)


if __name__ == "__main__":
    sys.exit(main())
