#!/usr/bin/env python3
"""Integration test: `imapkit proxy` between real clients and a real Dovecot.

Runs the same sessions twice on a freshly started and seeded Dovecot (dovecot.sh, the messages
of dovecot_client.py): once directly, once through `imapkit proxy`. The sessions are the example
client (imapkit_example_client: two connections, LIST, SELECT, FETCH BODYSTRUCTURE, SEARCH with
a literal, STORE, APPEND with a synchronizing literal, IDLE) and Python's imaplib (LOGIN, SELECT,
FETCH with literals, APPEND with a synchronizing literal, IDLE/DONE, LOGOUT; then AUTHENTICATE
PLAIN). Checks: every session succeeds through the proxy with the same results as directly, the
proxy exits 0 with 0 violations, its trace holds the expected lines, and its JSON Lines hold one
record per message, tiling both streams.

  proxy_dovecot.py --imapkit PATH --client PATH --dovecot-sh PATH [--dovecot PATH]
"""

import argparse
import base64
import imaplib
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import dovecot_client  # noqa: E402  (the seeded messages and the client's checks)
from dovecot_run import (Failure, dovecot_env, exit_on_signals,  # noqa: E402
                         start_dovecot, stop_dovecot)
from proxy_common import Proxy, check, check_records, summaries, without_timings  # noqa: E402

APPENDED = (b"From: imaplib <imaplib@example.org>\r\nTo: imapkit <imapkit@example.org>\r\n"
            b"Subject: Appended through imaplib\r\n\r\nA message sent as a synchronizing "
            b"literal.\r\n")


def run_example_client(client, port):
    run = subprocess.run(
        [client, "--host", "127.0.0.1", "--port", str(port), "--user", dovecot_client.USER,
         "--password", dovecot_client.PASSWORD, "--search-subject",
         dovecot_client.SEARCH_SUBJECT, "--timeout", "60"],
        capture_output=True, timeout=120, stdin=subprocess.DEVNULL)
    stdout = run.stdout.decode("utf-8")
    lines = [json.loads(line) for line in stdout.splitlines() if line.strip()]
    check(run.returncode == 0 and lines,
          f"the example client failed ({run.returncode}): {stdout} {run.stderr!r}")
    dovecot_client.verify(lines)
    return lines


def normalized_client_report(lines):
    """The client's report without what differs between two fresh Dovecots: UIDVALIDITY (a
    timestamp), INTERNALDATE (the seeded files' times) and the timings in status texts. Sorted:
    the two connections of the IDLE step report concurrently."""
    def strip(value):
        if isinstance(value, dict):
            return {k: strip(v) for k, v in value.items() if k not in ("uidvalidity",
                                                                        "internaldate")}
        if isinstance(value, list):
            return [strip(v) for v in value]
        if isinstance(value, str):
            return without_timings(value)
        return value
    return sorted(json.dumps(strip(line), sort_keys=True) for line in lines)


def normalized(value):
    """imaplib results with Dovecot's timings, UIDVALIDITY numbers and imaplib's tags taken
    out."""
    if isinstance(value, (list, tuple)):
        return [normalized(v) for v in value]
    if isinstance(value, bytes):
        value = value.decode("utf-8", "replace")
    if isinstance(value, str):
        value = without_timings(value)
        value = re.sub(r"(UIDVALIDITY|APPENDUID) \d+", r"\1 N", value)
        value = re.sub(r"^[A-Z]{4}\d+ ", "TAG ", value)  # imaplib's tags are random
    return value


def imaplib_session(port):
    """LOGIN, SELECT, FETCH (literals), APPEND (synchronizing literal), IDLE, LOGOUT. Returns
    what the server answered, for comparison."""
    results = []
    m = imaplib.IMAP4("127.0.0.1", port)
    try:
        results.append(m.login(dovecot_client.USER, dovecot_client.PASSWORD))
        results.append(m.select("INBOX"))
        results.append(m.fetch("1:*", "(UID FLAGS RFC822.SIZE BODYSTRUCTURE BODY.PEEK[HEADER])"))
        # imaplib always sends {N} and waits for "+".
        typ, data = m.append("INBOX", "(\\Flagged)", None, APPENDED)
        check(typ == "OK", f"APPEND: {typ} {data}")
        results.append((typ, data))
        results.append(m.uid("FETCH", "1:*", "(FLAGS BODY.PEEK[TEXT])"))
        # IDLE by hand (imaplib has no idle() before Python 3.14).
        tag = m._new_tag().decode()
        m.send(f"{tag} IDLE\r\n".encode())
        continuation = m.readline()
        check(continuation.startswith(b"+ "), f"IDLE: {continuation!r}")
        m.send(b"DONE\r\n")
        lines = [continuation]
        while not lines[-1].startswith(tag.encode() + b" "):
            lines.append(m.readline())
        check(lines[-1].startswith(f"{tag} OK".encode()), f"IDLE ended with {lines[-1]!r}")
        results.append(lines)
        results.append(m.logout())
    finally:
        if m.state != "LOGOUT":  # logout() closes the connection itself
            m.shutdown()
    return normalized(results)


def imaplib_authenticate_session(port):
    """AUTHENTICATE PLAIN (a SASL data line after "+"), NOOP, LOGOUT."""
    m = imaplib.IMAP4("127.0.0.1", port)
    try:
        secret = f"\0{dovecot_client.USER}\0{dovecot_client.PASSWORD}".encode()
        results = [m.authenticate("PLAIN", lambda _challenge: secret), m.noop(), m.logout()]
    finally:
        if m.state != "LOGOUT":  # logout() closes the connection itself
            m.shutdown()
    return normalized(results)


def run_all(args, base, env, through_proxy):
    """One fresh Dovecot, the three sessions; returns their results (and the proxies' traces)."""
    name = "proxied" if through_proxy else "direct"
    dovecot_dir = os.path.join(base, "dovecot-" + name)
    try:
        port = start_dovecot(args.dovecot_sh, dovecot_dir, env)
        dovecot_client.seed(dovecot_dir)
        if not through_proxy:
            return (run_example_client(args.client, port), imaplib_session(port),
                    imaplib_authenticate_session(port)), None
        proxies = []
        try:
            # The example client opens a second connection during IDLE.
            client_proxy = Proxy(args.imapkit, port, base, "client", ["--connections", "2"])
            proxies.append(client_proxy)
            client_lines = run_example_client(args.client, client_proxy.port)
            check(client_proxy.wait() == 0, f"proxy exit status {client_proxy.returncode}")
            imaplib_proxy = Proxy(args.imapkit, port, base, "imaplib", ["--connections", "2"])
            proxies.append(imaplib_proxy)
            imaplib_results = imaplib_session(imaplib_proxy.port)
            auth_results = imaplib_authenticate_session(imaplib_proxy.port)
            check(imaplib_proxy.wait() == 0, f"proxy exit status {imaplib_proxy.returncode}")
            return (client_lines, imaplib_results, auth_results), proxies
        except BaseException:
            for p in proxies:
                p.stop()
                print(f"proxy trace {p.trace_path}:\n{p.trace()}\n{p.stderr()}", file=sys.stderr)
            raise
    finally:
        stop_dovecot(args.dovecot_sh, dovecot_dir, env)


def check_trace(proxy, connections):
    trace = proxy.trace()
    flagged = [line for line in trace.splitlines() if " !! " in line]
    check(not flagged, "violations flagged:\n" + "\n".join(flagged))
    ends = summaries(trace)
    check(sorted(ends) == list(range(1, connections + 1)), f"summary lines: {ends}")
    check(all(e[4] == 0 for e in ends.values()), f"violations in {ends}")
    check(trace.rstrip().endswith(f"total: {connections} connections, 0 violations"),
          "no total line")
    records = proxy.records()
    check_records(records, trace)
    check(all(("command" in r) != ("response" in r) and "error" not in r for r in records),
          "a JSON record without a parsed message")
    return trace, records


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--imapkit", required=True)
    parser.add_argument("--client", required=True)
    parser.add_argument("--dovecot-sh", required=True)
    parser.add_argument("--dovecot")
    parser.add_argument("--keep", action="store_true", help="keep the temporary directory")
    args = parser.parse_args()
    exit_on_signals()
    env = dovecot_env(args.dovecot)
    base = tempfile.mkdtemp(prefix="imapkit-proxy-")
    os.chmod(base, 0o755)  # as root Dovecot runs as nobody, who must reach DIR inside
    try:
        direct, _ = run_all(args, base, env, through_proxy=False)
        proxied, (client_proxy, imaplib_proxy) = run_all(args, base, env, through_proxy=True)

        check(normalized_client_report(proxied[0]) == normalized_client_report(direct[0]),
              f"the example client's report differs through the proxy:\n{proxied[0]}\n"
              f"directly:\n{direct[0]}")
        check(proxied[1] == direct[1], f"imaplib through the proxy:\n{proxied[1]}\n"
              f"directly:\n{direct[1]}")
        check(proxied[2] == direct[2], f"AUTHENTICATE through the proxy: {proxied[2]}, "
              f"directly: {direct[2]}")

        trace, records = check_trace(client_proxy, 2)
        check(re.search(r"^#1 C> \S+ APPEND INBOX \(\\Seen\) \{\d+ bytes\}$", trace, re.M),
              "the example client's APPEND with its literal by size")
        check(re.search(r"^#2 C> \S+ APPEND INBOX \{\d+ bytes\}$", trace, re.M),
              "the second connection's APPEND")
        check(re.search(r"^#1 S< \* 3 FETCH \(.*BODYSTRUCTURE \(\(\(\"text\" \"plain\"", trace,
                        re.M), "FETCH BODYSTRUCTURE of the nested message")
        check(re.search(r"^#1 S< \* 1 FETCH \(.*BODY\[\] \{\d+ bytes\}", trace, re.M),
              "the full body fetch, its literal by size")
        check(re.search(r"^#1 C> \S+ UID SEARCH CHARSET UTF-8 SUBJECT \{\d+ bytes\}$", trace, re.M),
              "SEARCH with a literal")
        check(re.search(r"^#1 C> DONE$", trace, re.M), "IDLE's DONE")
        check(any(r.get("command", {}).get("type") == "idle_done" for r in records),
              "no idle_done record")

        trace, records = check_trace(imaplib_proxy, 2)
        check(re.search(r"^#1 C> \S+ LOGIN imapkit \"?imapkit-pass\"?$", trace, re.M), "LOGIN")
        check(re.search(rf"^#1 C> \S+ APPEND INBOX \(\\Flagged\) \{{{len(APPENDED)} bytes\}}$",
                        trace, re.M), f"APPEND with its literal as {{{len(APPENDED)} bytes}}")
        check(re.search(r"^#1 S< \+ OK$", trace, re.M), "APPEND's continuation request")
        check(re.search(r"^#1 S< \* \d+ FETCH \(UID \d+ FLAGS \(.*\) RFC822\.SIZE \d+ BODYSTRUCTURE"
                        r" .* BODY\[HEADER\] \{\d+ bytes\}\)$", trace, re.M),
              "FETCH BODYSTRUCTURE + BODY[HEADER] by size")
        check(re.search(r"^#1 S< \+ idling$", trace, re.M) and
              re.search(r"^#1 C> DONE$", trace, re.M), "IDLE / DONE")
        check(re.search(r"^#2 C> \S+ AUTHENTICATE PLAIN$", trace, re.M) and
              re.search(r"^#2 C> \(AUTHENTICATE data, \d+ bytes of base64\)$", trace, re.M),
              "AUTHENTICATE PLAIN and its data line (by size)")
        sasl = base64.b64encode(f"\0{dovecot_client.USER}\0{dovecot_client.PASSWORD}".encode())
        check(sasl.decode() not in trace, "the SASL credentials are printed in the trace")
        appends = [r for r in records if r.get("command", {}).get("name") == "APPEND"]
        check(len(appends) == 1 and appends[0]["command"]["messages"][0]["data"]
              == {"omitted_bytes": len(APPENDED)}, f"APPEND's JSON record: {appends}")
        check(any(r.get("command", {}).get("type") == "authenticate_data" for r in records),
              "no authenticate_data record")
        print("integration.proxy_dovecot: all checks passed "
              f"({len(client_proxy.records())} + {len(records)} messages traced)")
        return 0
    except (Failure, subprocess.TimeoutExpired, imaplib.IMAP4.error, OSError) as e:
        print(f"FAILED: {e}", file=sys.stderr)
        return 1
    finally:
        if args.keep:
            print(f"kept {base}")
        else:
            shutil.rmtree(base, ignore_errors=True)


if __name__ == "__main__":
    sys.exit(main())
