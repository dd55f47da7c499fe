#!/usr/bin/env python3
"""Integration test: a 100 MB message APPENDed and fetched back in bounded memory.

Writes a 100 MB message file (a text part and a base64 attachment, CRLF line ends), then, through
a throwaway Dovecot (dovecot.sh) and through imapkit_example_server, APPENDs it with
`imapkit_example_client append --file` (a streamed literal sent from disk; synchronizing, and
to the example server with LITERAL+ too) and fetches it back with `fetch --to` (BODY[] written
to a file as it arrives; the example server sends it from its maildir file in chunks). Checks
that the SHA-256 of what came back (and of the example server's maildir file) is the sent
file's, and that the peak RSS of the example client and of the example server stays under
48 MiB, far below the message: neither holds it (--peak-limit-mib: a sanitizer build's shadow
memory and quarantine of freed blocks add tens of MiB that the programs do not hold). Prints the
measured figures. Dovecot and the server are always stopped, by their PIDs.

  large_message.py --client PATH --server PATH [--dovecot-sh PATH --dovecot PATH]
                   [--peak-limit-mib N] [--keep]
"""

import argparse
import base64
import hashlib
import json
import os
import shutil
import subprocess
import sys
import time

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "server"))
import common  # noqa: E402
from common import USER, PASSWORD, Check  # noqa: E402
from dovecot_run import Failure, dovecot_env, exit_on_signals, start_dovecot, stop_dovecot  # noqa: E402

MESSAGE_SIZE = 100 * 1000 * 1000
PEAK_LIMIT_KIB = 48 * 1024  # --peak-limit-mib sets it
# The example server takes APPENDs up to 32 MiB by default; this one is larger.
SERVER_MAX_APPEND = 256 * 1024 * 1024
TIME = "/usr/bin/time"

check = Check()


def write_message(path):
    """A MESSAGE_SIZE-octet MIME message (random data in base64 lines); returns its SHA-256."""
    head = (b"From: Large Sender <large@example.org>\r\n"
            b"To: imapkit <imapkit@example.org>\r\n"
            b"Subject: A 100 MB message\r\n"
            b"Message-ID: <large@example.org>\r\n"
            b"MIME-Version: 1.0\r\n"
            b"Content-Type: multipart/mixed; boundary=\"large-1\"\r\n"
            b"\r\n"
            b"--large-1\r\n"
            b"Content-Type: text/plain; charset=us-ascii\r\n"
            b"\r\n"
            b"The attachment is large.\r\n"
            b"--large-1\r\n"
            b"Content-Type: application/octet-stream; name=\"large.bin\"\r\n"
            b"Content-Transfer-Encoding: base64\r\n"
            b"\r\n")
    tail = b"--large-1--\r\n"
    digest = hashlib.sha256()
    with open(path, "wb") as f:
        def put(data):
            f.write(data)
            digest.update(data)
        put(head)
        left = MESSAGE_SIZE - len(head) - len(tail)
        line = 78  # 76 base64 characters and CRLF
        while left >= line:
            count = min(1000, left // line)  # lines of 57 random octets each
            encoded = base64.encodebytes(os.urandom(57 * count)).replace(b"\n", b"\r\n")
            put(encoded)
            left -= len(encoded)
        put(b"A" * (left - 2) + b"\r\n" if left >= 2 else b" " * left)  # to the exact size
        put(tail)
    return digest.hexdigest()


def sha256_of(path):
    digest = hashlib.sha256()
    with open(path, "rb") as f:
        while chunk := f.read(1 << 20):
            digest.update(chunk)
    return digest.hexdigest()


def run_measured(client, port, args, what):
    """Runs the example client; returns (its JSON lines by step, its peak RSS in KiB, seconds).
    The peak is /usr/bin/time's %M where it exists; os.wait4's ru_maxrss otherwise, an upper
    bound: it counts the Python process the child was forked from (about 20 MiB) too."""
    started = time.monotonic()
    out_path = os.path.join(WORK, "client.out")
    rss_path = os.path.join(WORK, "client.rss")
    command = [client] + args[:1] + ["--host", "127.0.0.1", "--port", str(port), "--user", USER,
                                     "--password", PASSWORD, "--timeout", "300"] + args[1:]
    timed = os.path.exists(TIME)
    if timed:
        command = [TIME, "-f", "%M", "-o", rss_path] + command
    with open(out_path, "wb") as out, open(out_path + ".err", "wb") as err:
        proc = subprocess.Popen(command, stdout=out, stderr=err)
        _, status, usage = os.wait4(proc.pid, 0)
        returncode = os.waitstatus_to_exitcode(status)
    seconds = time.monotonic() - started
    peak = usage.ru_maxrss
    if timed:
        with open(rss_path) as f:
            peak = int(f.read().split()[-1])
    with open(out_path, "rb") as f:
        stdout = f.read().decode("utf-8")
    lines = [json.loads(line) for line in stdout.splitlines() if line.strip()]
    if returncode != 0:
        with open(out_path + ".err", "rb") as f:
            sys.stderr.write(stdout + f.read().decode("utf-8", "replace"))
    check.equal(returncode, 0, "%s: the client's exit status" % what)
    return {line["step"]: line for line in lines}, peak, seconds


def peak_rss_kib(pid):
    """VmHWM (the peak resident set) of a running process, in KiB."""
    with open("/proc/%d/status" % pid) as f:
        for line in f:
            if line.startswith("VmHWM:"):
                return int(line.split()[1])
    return 0


def round_trip(client, port, message, digest, name, append_args):
    """APPEND `message`, fetch it back; checks and prints; returns the fetched UID."""
    steps, append_peak, append_seconds = run_measured(
        client, port, ["append", "--file", message] + append_args, name + " append")
    append = steps.get("append", {})
    check(append.get("status") == "OK" and append.get("size") == MESSAGE_SIZE,
          "%s: APPEND of %d octets" % (name, MESSAGE_SIZE), append or steps)
    uid = append.get("uid")
    check(uid is not None, "%s: APPENDUID names the message" % name, append)
    fetched = os.path.join(WORK, name + "-fetched.eml")
    steps, fetch_peak, fetch_seconds = run_measured(
        client, port, ["fetch", "--to", fetched, "--uid", str(uid or 0)], name + " fetch")
    fetch = steps.get("fetch", {})
    check(fetch.get("status") == "OK" and fetch.get("size") == MESSAGE_SIZE
          and fetch.get("rfc822_size") == MESSAGE_SIZE and fetch.get("streamed"),
          "%s: BODY[] streamed to a file, RFC822.SIZE %d" % (name, MESSAGE_SIZE), fetch or steps)
    came_back = sha256_of(fetched) if os.path.exists(fetched) else None
    check.equal(came_back, digest, "%s: SHA-256 of the fetched body" % name)
    for what, peak in (("append", append_peak), ("fetch", fetch_peak)):
        check(peak < PEAK_LIMIT_KIB, "%s: client peak RSS of %s under %d KiB" %
              (name, what, PEAK_LIMIT_KIB), peak)
    print("%s: append %.1f s (%s), client peak RSS %.1f MiB; fetch %.1f s, client peak RSS "
          "%.1f MiB" % (name, append_seconds,
                        "LITERAL+" if append.get("literal_plus") else
                        "waited for +" if append.get("waited_for_continuation") else "?",
                        append_peak / 1024, fetch_seconds, fetch_peak / 1024))
    return uid


def through_dovecot(args, message, digest):
    env = dovecot_env(args.dovecot)
    dovecot_dir = os.path.join(WORK, "dovecot")
    try:
        port = start_dovecot(args.dovecot_sh, dovecot_dir, env)
        print("Dovecot on 127.0.0.1:%d" % port)
        round_trip(args.client, port, message, digest, "dovecot", [])
    except Failure as e:
        check(False, "Dovecot: %s" % e)
    finally:
        stop_dovecot(args.dovecot_sh, dovecot_dir, env)
        log = os.path.join(dovecot_dir, "dovecot.log")
        if check.failures and os.path.exists(log):
            with open(log, errors="replace") as f:
                sys.stderr.write("dovecot.log:\n" + f.read()[-5000:])


def through_example_server(args, message, digest):
    maildir = os.path.join(WORK, "maildir")
    for sub in ("cur", "new", "tmp"):
        os.makedirs(os.path.join(maildir, sub), exist_ok=True)
    server = None
    try:
        server = common.Server(args.server, maildir, log=False,
                               extra_args=["--max-append-size", str(SERVER_MAX_APPEND)])
        print("imapkit_example_server on 127.0.0.1:%d" % server.port)
        # Both ways the server streams an APPEND to tmp/: after its "+", and with LITERAL+.
        round_trip(args.client, server.port, message, digest, "example_server", [])
        round_trip(args.client, server.port, message, digest, "example_server_literal_plus",
                   ["--literal-plus"])
        server_peak = peak_rss_kib(server.proc.pid)
        check(server_peak < PEAK_LIMIT_KIB,
              "example server peak RSS under %d KiB" % PEAK_LIMIT_KIB, server_peak)
        print("example_server: server peak RSS %.1f MiB" % (server_peak / 1024))
        stored = os.listdir(os.path.join(maildir, "cur"))
        check.equal(len(stored), 2, "the maildir holds the two messages in cur/")
        for name in stored:
            check.equal(sha256_of(os.path.join(maildir, "cur", name)), digest,
                        "SHA-256 of the maildir file " + name)
        check.equal(os.listdir(os.path.join(maildir, "tmp")), [], "nothing left in tmp/")
    finally:
        if server:
            server.stop()
            if check.failures:
                server.show_log()


WORK = None  # the test's temporary directory


def main():
    global WORK
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--client", required=True, help="imapkit_example_client binary")
    parser.add_argument("--server", required=True, help="imapkit_example_server binary")
    parser.add_argument("--dovecot-sh", help="dovecot.sh (without it: no Dovecot round trip)")
    parser.add_argument("--dovecot", help="the dovecot binary (its directory joins PATH)")
    parser.add_argument("--peak-limit-mib", type=int, default=48,
                        help="peak RSS each example program must stay under (default 48)")
    parser.add_argument("--keep", action="store_true", help="keep the temporary directory")
    args = parser.parse_args()
    global PEAK_LIMIT_KIB
    PEAK_LIMIT_KIB = args.peak_limit_mib * 1024
    exit_on_signals()

    WORK = common.make_workdir("imapkit-large-message-")
    try:
        message = os.path.join(WORK, "large.eml")
        started = time.monotonic()
        digest = write_message(message)
        check.equal(os.path.getsize(message), MESSAGE_SIZE, "the message file's size")
        print("wrote %s: %d octets, SHA-256 %s (%.1f s)" %
              (message, MESSAGE_SIZE, digest, time.monotonic() - started))
        if args.dovecot_sh:
            through_dovecot(args, message, digest)
        else:
            print("no Dovecot: the Dovecot round trip is skipped")
        through_example_server(args, message, digest)
    finally:
        if args.keep:
            print("kept", WORK)
        else:
            shutil.rmtree(WORK, ignore_errors=True)
    return check.report("large_message")


if __name__ == "__main__":
    sys.exit(main())
