#!/usr/bin/env python3
"""Integration test: a real IMAP server other than Dovecot, every byte through `imapkit proxy`.

Starts the server with its script (cyrus.sh: `start DIR` prints the port, `stop DIR` stops it by
PID), puts `imapkit proxy --json` in front of it, and runs a session covering what the server
advertises, adapting to its CAPABILITY (a step whose capability is missing is skipped and said
so): APPEND of the test messages (tests/integration/messages/) with synchronizing literals and,
where advertised, LITERAL+ and MULTIAPPEND; ID, NAMESPACE, ENABLE, CREATE, SUBSCRIBE, LIST,
LSUB, LIST-EXTENDED, LIST-STATUS, STATUS, SELECT, FETCH of every message (ENVELOPE,
BODYSTRUCTURE, sections, BINARY), SEARCH with a literal, ESEARCH, SORT, THREAD, STORE with
UNCHANGEDSINCE, METADATA, QUOTA, ACL, IDLE while a second connection APPENDs and STOREs, MOVE,
UID EXPUNGE, QRESYNC's VANISHED, and malformed commands the server must answer with BAD.

Checks: every step gets the status it should; every message either direction parses (the
proxy's JSON Lines hold no error but those of the malformed commands); the quirk flags the
server's responses needed are all in --allowed-quirks (the server's row of docs/quirks.md). A
dead or stuck server fails the test with a message (every read has a timeout), and the server
and the proxy are stopped by PID whatever happens.

  real_server_session.py --imapkit PATH --server-sh PATH --name NAME [--allowed-quirks A,B]
                         [--client PATH] [--user U] [--limits L] [--capture-to DIR]

The recordings of corpus/captures/<server>/ were made so (both sessions, exact bytes):
  IMAPKIT_CAPTURE_TO=$PWD/corpus/captures ctest --test-dir build/rel -R '_session$' -L 'cyrus|courier|mailutils'
"""

import argparse
import json
import os
import re
import select
import shutil
import socket
import subprocess
import sys
import tempfile
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from dovecot_run import Failure, exit_on_signals  # noqa: E402
from proxy_common import Proxy, check, check_records, summaries  # noqa: E402

USER = "imapkit"
PASSWORD = "imapkit-pass"
MESSAGES = os.path.join(os.path.dirname(os.path.abspath(__file__)), "messages")
TIMEOUT = 20  # seconds for any one read: a server that says nothing for longer is stuck
SKIP = 77  # the server script's and this test's exit status for "cannot run here" (ctest skips)
IDLE_WAIT = 5  # seconds to wait for a change pushed during IDLE
# ... by a server known to push nothing during IDLE (limit idle_pushes_nothing): the wait only
# shows that nothing comes, and the session goes on after DONE.
IDLE_WAIT_KNOWN_SILENT = 1
# Commands the grammar refuses (and a server answers with BAD).
MALFORMED = (b"FETCH\r\n", b"SELECT\r\n", b"STORE 1 +FLAGS (\\Seen\r\n", b'LIST ""\r\n')


class Silent(Failure):
    """The server sent nothing within the time a read allows."""


class Connection:
    """A raw IMAP connection: commands written as given (so literals, LITERAL+ and malformed
    commands are exactly what the test wants), responses read line by line with their
    literals."""

    def __init__(self, port, name):
        self.name = name
        try:
            self.sock = socket.create_connection(("127.0.0.1", port), timeout=TIMEOUT)
        except OSError as e:
            raise Failure(f"{name}: cannot connect: {e}")
        self.buffer = b""
        self.tags = 0
        self.greeting = self.read_line()

    def _more(self, deadline, so_far):
        """Reads what the server sent next into the buffer, waiting until `deadline`."""
        remaining = deadline - time.monotonic()
        if remaining <= 0 or not select.select([self.sock], [], [], remaining)[0]:
            raise Silent(f"{self.name}: the server sent nothing for {TIMEOUT} s (stuck?) "
                         f"after {so_far[-200:]!r}")
        try:
            data = self.sock.recv(65536)
        except OSError as e:
            raise Failure(f"{self.name}: cannot read: {e}")
        if not data:
            raise Failure(f"{self.name}: the server closed the connection (dead?) after "
                          f"{so_far[-200:]!r}")
        self.buffer += data

    def read_line(self, timeout=TIMEOUT):
        """One response line with the literals it announces, as bytes. Raises Silent when the
        server sends nothing within `timeout` seconds."""
        deadline = time.monotonic() + timeout
        line = b""
        while True:
            while b"\r\n" not in self.buffer:
                self._more(deadline, line + self.buffer)
            end = self.buffer.index(b"\r\n") + 2
            part, self.buffer = self.buffer[:end], self.buffer[end:]
            line += part
            m = re.search(rb"\{(\d+)\}\r\n$", part)
            if not m:
                return line
            size = int(m.group(1))
            while len(self.buffer) < size:
                self._more(deadline, line)
            line += self.buffer[:size]
            self.buffer = self.buffer[size:]

    def send(self, data):
        try:
            self.sock.sendall(data)
        except OSError as e:
            raise Failure(f"{self.name}: cannot send: {e}")

    def command(self, *parts, expect=("OK",)):
        """Sends TAG parts[0], then each later part after the server's "+" (a synchronizing
        literal ends each part but the last); returns (status, untagged lines). Fails unless the
        status is one of `expect`."""
        self.tags += 1
        tag = f"{self.name[0]}{self.tags:03d}"
        untagged = []
        for i, part in enumerate(parts):
            data = (f"{tag} ".encode() if i == 0 else b"") + part
            self.send(data)
            if i + 1 < len(parts):
                while True:
                    line = self.read_line()
                    if line.startswith(b"+"):
                        break
                    if line.startswith(tag.encode() + b" "):
                        raise Failure(f"{self.name}: {parts[0][:60]!r}: no '+', {line!r}")
                    untagged.append(line)
        while True:
            line = self.read_line()
            if line.startswith(tag.encode() + b" "):
                status = line.split(b" ", 2)[1].decode()
                check(status in expect,
                      f"{self.name}: {parts[0][:80]!r} answered {line!r}, expected {expect}")
                return status, untagged
            untagged.append(line)

    def close(self):
        try:
            self.sock.close()
        except OSError:
            pass


def capabilities(lines):
    caps = set()
    for line in lines:
        m = re.search(rb"CAPABILITY ([^\]\r\n]*)", line)
        if m:
            caps |= {c.upper() for c in m.group(1).decode().split()}
    return caps


def message_bytes():
    """The test messages, with CRLF line endings as IMAP wants them."""
    out = []
    for name in sorted(os.listdir(MESSAGES)):
        if name.endswith(".eml"):
            with open(os.path.join(MESSAGES, name), "rb") as f:
                data = f.read().replace(b"\r\n", b"\n").replace(b"\n", b"\r\n")
            out.append((name, data))
    return out


def session(port, report, limits):
    """The whole session; `report` collects what ran and what was skipped."""
    a = Connection(port, "alpha")
    b = None
    try:
        caps = capabilities([a.greeting] + a.command(b"CAPABILITY\r\n")[1])
        has = lambda c: c in caps  # noqa: E731
        ran = report.setdefault("ran", [])
        skipped = report.setdefault("skipped", [])

        def step(name, needs, run):
            missing = [c for c in needs if not has(c)]
            if missing:
                skipped.append(f"{name} (no {' '.join(missing)})")
                return None
            result = run()
            ran.append(name)
            return result

        _, lines = a.command(f'LOGIN {USER} "{PASSWORD}"\r\n'.encode())
        caps |= capabilities(lines)
        step("ID", ["ID"], lambda: a.command(b'ID ("name" "imapkit-test" "version" "1")\r\n'))
        namespace = step("NAMESPACE", ["NAMESPACE"], lambda: a.command(b"NAMESPACE\r\n"))
        # Folders go in the personal namespace: Courier's is "INBOX." (no top-level folders).
        prefix, delimiter = b"", b"/"
        for line in (namespace or (None, []))[1]:
            m = re.match(rb'\* NAMESPACE \(\("([^"]*)" "(.)"\)', line)
            if m:
                prefix, delimiter = m.group(1), m.group(2)
        archive = prefix + b"Archive"
        projects = prefix + b"Work" + delimiter + b"Projects"
        if has("QRESYNC"):
            step("ENABLE QRESYNC", ["ENABLE"], lambda: a.command(b"ENABLE QRESYNC\r\n"))
        else:
            step("ENABLE CONDSTORE", ["ENABLE", "CONDSTORE"],
                 lambda: a.command(b"ENABLE CONDSTORE\r\n"))
        a.command(b"CREATE " + archive + b"\r\n")
        # A hierarchy: a server whose folders are files (mbox) cannot put one in another.
        if a.command(b"CREATE " + projects + b"\r\n", expect=("OK", "NO"))[0] == "NO":
            skipped.append(f"CREATE {projects.decode()} (NO)")
        a.command(b"SUBSCRIBE " + archive + b"\r\n")

        # The test messages: synchronizing literals, and LITERAL+ for every other one.
        # A server may refuse a deliberately broken one (Cyrus: "invalid header"): said, not
        # failed.
        messages = message_bytes()
        refused = []
        for i, (name, data) in enumerate(messages):
            size = str(len(data)).encode()
            if i % 2 and has("LITERAL+"):
                status, _ = a.command(b"APPEND INBOX (\\Seen) {" + size + b"+}\r\n" + data +
                                      b"\r\n", expect=("OK", "NO"))
            else:
                status, _ = a.command(b"APPEND INBOX {" + size + b"}\r\n", data + b"\r\n",
                                      expect=("OK", "NO"))
            if status == "NO":
                refused.append(name)
        check(len(refused) < len(messages) // 2, f"APPEND refused {refused}")
        ran.append(f"APPEND of {len(messages) - len(refused)} messages"
                   + (f" ({', '.join(refused)} refused with NO)" if refused else ""))
        step("MULTIAPPEND", ["MULTIAPPEND"], lambda: a.command(
            b"APPEND " + archive + b" (\\Flagged) {" + str(len(messages[0][1])).encode() + b"}\r\n",
            messages[0][1] + b" {" + str(len(messages[1][1])).encode() + b"}\r\n",
            messages[1][1] + b"\r\n"))

        a.command(b'LIST "" "*"\r\n')
        a.command(b'LSUB "" "*"\r\n')
        step("LIST-EXTENDED", ["LIST-EXTENDED"], lambda: a.command(
            b'LIST (SUBSCRIBED RECURSIVEMATCH) "" "*" RETURN (CHILDREN SPECIAL-USE)\r\n'))
        step("LIST-STATUS", ["LIST-STATUS"], lambda: a.command(
            b'LIST "" "*" RETURN (STATUS (MESSAGES UNSEEN UIDNEXT))\r\n'))
        status_items = b"MESSAGES RECENT UIDNEXT UIDVALIDITY UNSEEN"
        if has("CONDSTORE") or has("QRESYNC"):
            status_items += b" HIGHESTMODSEQ"
        if has("STATUS=SIZE"):
            status_items += b" SIZE"
        a.command(b"STATUS INBOX (" + status_items + b")\r\n")

        _, lines = a.command(b"SELECT INBOX\r\n")
        uidvalidity = next((m.group(1) for line in lines
                            for m in [re.search(rb"UIDVALIDITY (\d+)", line)] if m), b"1")
        a.command(b"FETCH 1:* (UID FLAGS INTERNALDATE RFC822.SIZE ENVELOPE BODYSTRUCTURE)\r\n")
        a.command(b"FETCH 1:* (BODY)\r\n")
        a.command(b"FETCH 2 (BODY.PEEK[HEADER.FIELDS (SUBJECT FROM)] BODY.PEEK[1]<0.64> "
                  b"BODY.PEEK[TEXT])\r\n")
        step("FETCH MODSEQ", ["CONDSTORE"], lambda: a.command(b"FETCH 1:* (MODSEQ)\r\n"))
        step("BINARY", ["BINARY"],
             lambda: a.command(b"FETCH 5 (BINARY.PEEK[1] BINARY.SIZE[1])\r\n"))
        step("PREVIEW", ["PREVIEW"], lambda: a.command(b"FETCH 1 (PREVIEW)\r\n"))
        a.command(b"UID SEARCH CHARSET UTF-8 SUBJECT {6}\r\n", b"Report\r\n")
        step("ESEARCH", ["ESEARCH"],
             lambda: a.command(b"UID SEARCH RETURN (MIN MAX COUNT ALL) ALL\r\n"))
        step("SORT", ["SORT"], lambda: a.command(b"SORT (REVERSE DATE SUBJECT) UTF-8 ALL\r\n"))
        step("THREAD", ["THREAD=REFERENCES"],
             lambda: a.command(b"THREAD REFERENCES UTF-8 ALL\r\n"))
        a.command(b"STORE 1:2 +FLAGS (\\Flagged)\r\n")
        # A keyword: where PERMANENTFLAGS lacks \* a server may refuse it (Mailutils: BAD).
        if a.command(b"STORE 1 +FLAGS ($Imapkit)\r\n", expect=("OK", "NO", "BAD"))[0] != "OK":
            skipped.append("STORE of a keyword (refused)")
        step("STORE UNCHANGEDSINCE", ["CONDSTORE"], lambda: a.command(
            b"UID STORE 1:* (UNCHANGEDSINCE 1) -FLAGS.SILENT (\\Answered)\r\n"))
        step("METADATA", ["METADATA"], lambda: (
            a.command(b'SETMETADATA INBOX (/private/comment "imapkit was here")\r\n'),
            a.command(b"GETMETADATA INBOX (/private/comment /shared/comment)\r\n"),
            a.command(b'GETMETADATA (DEPTH infinity) "" (/private)\r\n')))
        step("QUOTA", ["QUOTA"], lambda: a.command(b"GETQUOTAROOT INBOX\r\n", expect=("OK", "NO")))
        step("ACL", ["ACL"], lambda: (a.command(b"MYRIGHTS INBOX\r\n"),
                                      a.command(b"GETACL INBOX\r\n"),
                                      a.command(b"LISTRIGHTS INBOX anyone\r\n")))

        # IDLE on alpha while beta APPENDs and changes flags: alpha sees EXISTS and FETCH.
        def idle():
            nonlocal b
            b = Connection(port, "beta")
            b.command(f'LOGIN {USER} "{PASSWORD}"\r\n'.encode())
            b.command(b"SELECT INBOX\r\n")
            a.tags += 1
            tag = f"a{a.tags:03d}".encode()
            a.send(tag + b" IDLE\r\n")
            check(a.read_line().startswith(b"+"), "IDLE: no continuation")
            b.command(b"APPEND INBOX {" + str(len(messages[0][1])).encode() + b"}\r\n",
                      messages[0][1] + b"\r\n")
            b.command(b"STORE 1 +FLAGS (\\Answered)\r\n")
            # Wait for EXISTS while idling. A server that pushes nothing during IDLE (Mailutils
            # 3.15 only looks at the mailbox when the client sends a line) is said, and must
            # report the new message by the end of the IDLE command or the NOOP after it.
            seen = []
            wait = IDLE_WAIT_KNOWN_SILENT if "idle_pushes_nothing" in limits else IDLE_WAIT
            try:
                while not any(b"EXISTS" in line for line in seen):
                    seen.append(a.read_line(timeout=wait))
            except Silent:
                check("idle_pushes_nothing" in limits,
                      f"no update pushed during IDLE within {wait} s")
                report.setdefault("notes", []).append(
                    f"no update pushed during IDLE within {wait} s")
            a.send(b"DONE\r\n")
            while True:
                line = a.read_line()
                seen.append(line)
                if line.startswith(tag + b" "):
                    check(line.startswith(tag + b" OK"), f"IDLE ended with {line!r}")
                    break
            if not any(b"EXISTS" in line for line in seen):
                seen += a.command(b"NOOP\r\n")[1]
            check(any(b"EXISTS" in line for line in seen),
                  "the second connection's APPEND was never reported")
            b.command(b"LOGOUT\r\n")
            b.close()
        step("IDLE with a second connection's changes", ["IDLE"], idle)

        step("MOVE", ["MOVE"], lambda: a.command(b"MOVE 3 " + archive + b"\r\n"))
        step("UID EXPUNGE", ["UIDPLUS"], lambda: (
            a.command(b"UID STORE 1 +FLAGS.SILENT (\\Deleted)\r\n"),
            a.command(b"UID EXPUNGE 1\r\n")))
        a.command(b"STORE 1 +FLAGS.SILENT (\\Deleted)\r\n")
        a.command(b"EXPUNGE\r\n")
        step("QRESYNC SELECT (VANISHED)", ["QRESYNC"], lambda: a.command(
            b"SELECT INBOX (QRESYNC (" + uidvalidity + b" 1 1:100))\r\n"))
        a.command(b"UNSELECT\r\n" if has("UNSELECT") else b"CLOSE\r\n")

        # Malformed commands: the server answers BAD; the proxy flags each command. An unknown
        # command is not malformed (command-any reads it generically): BAD, not flagged.
        # Courier answers NO ("Error in IMAP command received by server"): limit
        # malformed_answered_no.
        rejected = ("BAD", "NO") if "malformed_answered_no" in limits else ("BAD",)
        for bad in MALFORMED:
            a.command(bad, expect=rejected)
        a.command(b"NOSUCHCOMMAND now\r\n", expect=rejected)
        ran.append(f"{len(MALFORMED)} malformed commands and an unknown one answered BAD")
        a.command(b"LOGOUT\r\n")
    finally:
        a.close()
        if b:
            b.close()
    return caps


def example_client_session(client, imapkit, server_port, base, name, allowed, limits, record):
    """The example client's whole session (examples/client: CAPABILITY, LOGIN, LIST, SELECT,
    FETCH, SEARCH with a literal, STORE, APPEND, IDLE while its second connection APPENDs,
    LOGOUT) through a second proxy: it must end with done/ok, find the message it searches for,
    and every message either way must parse."""
    proxy = Proxy(imapkit, server_port, base, name + "-client",
                  ["--connections", "2", "--record", record])
    try:
        run = subprocess.run(
            [client, "--host", "127.0.0.1", "--port", str(proxy.port), "--user", USER,
             "--password", PASSWORD, "--search-subject", "Report attached", "--timeout", "30",
             "--idle-wait", "2" if "idle_pushes_nothing" in limits else "10"],
            capture_output=True, timeout=120, stdin=subprocess.DEVNULL)
        stdout = run.stdout.decode("utf-8", "replace")
        lines = [json.loads(line) for line in stdout.splitlines() if line.strip()]
        check(run.returncode == 0 and lines and lines[-1] == {"step": "done", "ok": True},
              f"the example client failed ({run.returncode}): {stdout[-2000:]} "
              f"{run.stderr[-2000:]!r}")
        steps = {line["step"]: line for line in lines}
        check("error" not in steps, f"the example client reported {steps.get('error')}")
        search = [line for line in lines if line["step"] == "search"][0]
        check(len(search["uids"]) >= 1, f"SEARCH SUBJECT found nothing: {search}")
        idle = steps["idle"]
        check(idle["pushed_during_idle"] or "idle_pushes_nothing" in limits,
              f"{name} pushed nothing during IDLE: {idle}")
        reported = max(idle["exists"], steps.get("noop_after_idle", {}).get("exists", 0))
        check(reported == idle["exists_before"] + 1
              or (reported == 0 and "other_session_append_unreported" in limits),
              f"the second connection's APPEND was not reported: {idle}")
        proxy.wait()
        records = proxy.records()
        check_records(records, proxy.trace())
        errors = [r for r in records if "error" in r]
        check(not errors, f"{name}: messages of the example client's session that do not "
              f"parse: {json.dumps(errors[:3])}")
        used = {q for r in records for q in r.get("quirks", [])}
        check(used <= allowed, f"{name} needed undocumented quirk flags {sorted(used - allowed)}")
        return len(lines)
    finally:
        proxy.stop()


def keep_captures(record, directory, stem):
    """Copies the proxy's recording (connN.c2s/.s2c) into directory as STEM.* for connection 1
    and STEM-connN.* for the others, the names of corpus/captures/."""
    os.makedirs(directory, exist_ok=True)
    for name in sorted(os.listdir(record)):
        m = re.fullmatch(r"conn(\d+)\.(c2s|s2c)", name)
        if m:
            target = stem if m.group(1) == "1" else f"{stem}-conn{m.group(1)}"
            shutil.copyfile(os.path.join(record, name),
                            os.path.join(directory, f"{target}.{m.group(2)}"))


def check_recording(imapkit, record, trace, allowed, name):
    """--record wrote each connection's two streams whole (their sizes are the trace's), and
    `imapkit parse` reads the recorded server stream with the allowed quirk flags and no error,
    as a user who attaches such a capture to a report would."""
    for conn, (_, c_bytes, _, s_bytes, _) in summaries(trace).items():
        for ext, size in (("c2s", c_bytes), ("s2c", s_bytes)):
            path = os.path.join(record, f"conn{conn}.{ext}")
            check(os.path.isfile(path) and os.path.getsize(path) == size,
                  f"--record: {path} is not the {size} bytes the trace counts")
        run = subprocess.run([imapkit, "parse", "--responses", "--quirks", ",".join(allowed),
                              "--summary", os.path.join(record, f"conn{conn}.s2c")],
                             capture_output=True, timeout=60)
        check(run.returncode == 0, f"{name}: the recorded conn{conn}.s2c does not parse: "
              f"{run.stdout[-1500:]!r} {run.stderr[-1500:]!r}")


def main():
    global USER
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--imapkit", required=True)
    parser.add_argument("--server-sh", required=True)
    parser.add_argument("--name", required=True)
    parser.add_argument("--client", help="imapkit_example_client, run through a second proxy")
    parser.add_argument("--limits", default="",
                        help="comma-separated known limits of the server: idle_pushes_nothing "
                             "(no update during IDLE), other_session_append_unreported (another "
                             "session's APPEND never reported to the example client's session), "
                             "malformed_answered_no (a malformed command answered NO, not BAD)")
    parser.add_argument("--user", default="imapkit",
                        help="the login name of the server's test user")
    parser.add_argument("--capture-to", metavar="DIR",
                        help="also keep both sessions' recorded bytes in DIR/NAME as "
                             "session.c2s/.s2c, session-conn2.*, example-client.* and "
                             "example-client-conn2.* (the capture format of corpus/captures/); "
                             "default: $IMAPKIT_CAPTURE_TO, which ctest passes through")
    parser.add_argument("--allowed-quirks", default="",
                        help="comma-separated quirk flags the server's responses may need")
    args = parser.parse_args()
    USER = args.user
    capture_to = args.capture_to or os.environ.get("IMAPKIT_CAPTURE_TO")
    if capture_to:
        capture_to = os.path.join(capture_to, args.name)
    exit_on_signals()
    allowed = {q for q in args.allowed_quirks.split(",") if q}
    limits = {q for q in args.limits.split(",") if q}

    base = tempfile.mkdtemp(prefix=f"imapkit-{args.name}-")
    os.chmod(base, 0o755)  # the server may run as another user
    server_dir = os.path.join(base, args.name)
    proxy = None
    try:
        with tempfile.TemporaryFile() as out, tempfile.TemporaryFile() as err:
            # Files, not pipes: the server's daemon keeps them open.
            start = subprocess.run(["bash", args.server_sh, "start", server_dir], stdout=out,
                                   stderr=err, timeout=60)
            out.seek(0)
            err.seek(0)
            port = out.read().decode().strip()
            if start.returncode == SKIP:
                print(f"{args.name}: skipped: {err.read().decode(errors='replace').strip()}")
                return SKIP
            if start.returncode != 0 or not port.isdigit():
                raise Failure(f"{args.name}: start failed: {err.read().decode(errors='replace')}")
        record = os.path.join(base, "record")
        proxy = Proxy(args.imapkit, int(port), base, args.name,
                      ["--connections", "2", "--record", record])
        report = {}
        caps = session(proxy.port, report, limits)
        proxy.wait()
        records = proxy.records()
        trace = proxy.trace()
        check_records(records, trace)

        # Errors: only the malformed commands, client side.
        errors = [r for r in records if "error" in r]
        server_errors = [r for r in errors if r["direction"] == "server"]
        check(not server_errors, f"{args.name} responses that do not parse: "
              + json.dumps(server_errors[:5]))
        client_errors = [r["error"].get("tag") for r in errors if r["direction"] == "client"]
        check(len(client_errors) == len(MALFORMED),
              f"the proxy flagged {len(client_errors)} commands, expected the "
              f"{len(MALFORMED)} malformed ones: "
              + json.dumps(errors[:6]))
        check_recording(args.imapkit, record, trace, allowed, args.name)
        if capture_to:
            keep_captures(record, capture_to, "session")
        quirks = {}
        for r in records:
            if r["direction"] == "server":
                for q in r.get("quirks", []):
                    quirks[q] = quirks.get(q, 0) + 1
        unexpected = sorted(set(quirks) - allowed)
        check(not unexpected, f"{args.name} needed undocumented quirk flags {unexpected}: "
              + json.dumps([r for r in records if set(r.get("quirks", [])) & set(unexpected)][:3]))
        server = [r for r in records if r["direction"] == "server"]
        print(f"{args.name}: {len(server)} responses, {len(records) - len(server)} commands "
              f"through the proxy; 0 responses that do not parse; quirk flags needed: "
              f"{quirks or 'none'}")
        print(f"{args.name}: ran: {'; '.join(report['ran'])}")
        print(f"{args.name}: skipped: {'; '.join(report['skipped']) or 'nothing'}")
        print(f"{args.name}: notes: {'; '.join(report.get('notes', [])) or 'none'}")
        print(f"{args.name}: capabilities: {' '.join(sorted(caps))}")
        if args.client:
            client_record = os.path.join(base, "client-record")
            steps = example_client_session(args.client, args.imapkit, int(port), base, args.name,
                                           allowed, limits, client_record)
            if capture_to:
                keep_captures(client_record, capture_to, "example-client")
            print(f"{args.name}: the example client's session: {steps} steps, done/ok, every "
                  f"message parsed")
        return 0
    except (Failure, subprocess.TimeoutExpired) as e:
        print(f"FAIL: {e}", file=sys.stderr)
        if proxy:
            print("proxy trace (last 40 lines):\n" + "\n".join(proxy.trace().splitlines()[-40:]),
                  file=sys.stderr)
        for log_file in (os.path.join(server_dir, log)
                         for log in ("imap4d.log", "authdaemond.log", "couriertcpd.log")):
            if os.path.isfile(log_file):
                with open(log_file, "rb") as f:
                    print(f"server log (end):\n" + f.read()[-3000:].decode(errors="replace"),
                          file=sys.stderr)
        log = os.path.join(server_dir, "conf", "log", "imapkit")
        if os.path.isdir(log):
            for name in sorted(os.listdir(log))[-2:]:
                with open(os.path.join(log, name), "rb") as f:
                    print(f"server telemetry {name} (end):\n"
                          + f.read()[-3000:].decode(errors="replace"), file=sys.stderr)
        return 1
    finally:
        if proxy:
            proxy.stop()
        subprocess.run(["bash", args.server_sh, "stop", server_dir], check=False, timeout=60)
        if os.environ.get("IMAPKIT_KEEP_TEMP"):
            print(f"kept {base}", file=sys.stderr)
        else:
            shutil.rmtree(base, ignore_errors=True)


if __name__ == "__main__":
    sys.exit(main())
