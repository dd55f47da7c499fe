"""Shared by the server_*.py integration tests: the seeded messages, starting and stopping
imapkit_example_server, reading its maildir, running a tool as an unprivileged user.

Messages are seeded with CRLF line ends: the server serves a maildir file's bytes as they are
when they already end lines in CRLF, so "byte-identical to what the server holds" means
identical to the file on disk.
"""

import base64
import os
import pwd
import re
import select
import shutil
import subprocess
import sys
import tempfile
import time

USER, PASSWORD = "imapkit", "imapkit-pass"


def crlf(text):
    """A message's text with CRLF line ends, as bytes."""
    return text.replace("\r\n", "\n").replace("\n", "\r\n").encode("utf-8")


PLAIN = crlf("""\
Date: Mon, 23 Nov 2026 09:00:00 +0100
From: Alice Example <alice@example.org>
To: Bob Example <bob@example.net>
Cc: Carol <carol@example.com>
Subject: Plain hello
Message-ID: <plain@example.org>
MIME-Version: 1.0
Content-Type: text/plain; charset=us-ascii

Hello Bob,
just plain text about kumquats.
""")

# The parts of MIXED, so that tests can compare BODY[n] with the exact bytes.
MIXED_TEXT = crlf("See the report attached.\nRegards, Dave\n")
MIXED_ATTACHMENT = bytes(range(256)) * 2  # binary: BINARY[2] must give these bytes back
# base64 in 76-character lines, as MIME writers do.
MIXED_ATTACHMENT_B64 = crlf(base64.encodebytes(MIXED_ATTACHMENT).decode("ascii"))
MIXED_PART1_HEADER = crlf("Content-Type: text/plain; charset=utf-8\n\n")
MIXED_PART2_HEADER = crlf("""\
Content-Type: application/octet-stream; name="report.bin"
Content-Transfer-Encoding: base64
Content-Disposition: attachment; filename="report.bin"

""")
MIXED = (crlf("""\
Date: Tue, 24 Nov 2026 10:30:00 +0000
From: Dave <dave@example.net>
To: Alice Example <alice@example.org>
Subject: Quarterly report
Message-ID: <mixed@example.net>
MIME-Version: 1.0
Content-Type: multipart/mixed; boundary="mix-1"

This is a multi-part message in MIME format.
--mix-1
""") + MIXED_PART1_HEADER + MIXED_TEXT + b"--mix-1\r\n" + MIXED_PART2_HEADER +
         MIXED_ATTACHMENT_B64 + b"--mix-1--\r\n")

ALTERNATIVE = crlf("""\
Date: Wed, 25 Nov 2026 08:00:00 -0500
From: Carol <carol@example.com>
To: Bob Example <bob@example.net>
Subject: Alternative parts
Message-ID: <alternative@example.com>
MIME-Version: 1.0
Content-Type: multipart/alternative; boundary="alt-1"

--alt-1
Content-Type: text/plain; charset=us-ascii

Plain version.
--alt-1
Content-Type: text/html; charset=us-ascii

<p>HTML version.</p>
--alt-1--
""")

# (file name in cur/ with maildir info, bytes, mtime = INTERNALDATE)
SEED = [
    ("1700000001.M1P1.seed:2,S", PLAIN, 1795420800),        # 23-Nov-2026 08:00:00 UTC
    ("1700000002.M2P1.seed:2,", MIXED, 1795507200 + 3600),  # 24-Nov-2026 09:00:00 UTC
    ("1700000003.M3P1.seed:2,F", ALTERNATIVE, 1795593600 + 7200),  # 25-Nov-2026 10:00 UTC
]


def seed_maildir(root):
    """Writes SEED into root/cur (INBOX) and makes root/Archive an empty mailbox."""
    for sub in ("cur", "new", "tmp", "Archive/cur", "Archive/new", "Archive/tmp"):
        os.makedirs(os.path.join(root, sub), exist_ok=True)
    for name, data, mtime in SEED:
        path = os.path.join(root, "cur", name)
        with open(path, "wb") as f:
            f.write(data)
        os.utime(path, (mtime, mtime))


def maildir_files(mailbox_dir):
    """{file name: bytes} of the messages of a maildir (cur/ and new/)."""
    out = {}
    for sub in ("cur", "new"):
        d = os.path.join(mailbox_dir, sub)
        if not os.path.isdir(d):
            continue
        for name in sorted(os.listdir(d)):
            with open(os.path.join(d, name), "rb") as f:
                out[name] = f.read()
    return out


def maildir_flags(file_name):
    """The maildir info letters of a file name ("...:2,FS" -> "FS")."""
    return file_name.split(":2,", 1)[1] if ":2," in file_name else ""


class Server:
    """imapkit_example_server on 127.0.0.1, a free port, serving `maildir`. Always stopped by
    stop() (by its PID); its stderr log is kept in a file and shown when a test fails."""

    started = 0

    def __init__(self, binary, maildir, log=True, extra_args=()):
        Server.started += 1
        self.log_path = os.path.join(os.path.dirname(os.path.abspath(maildir)),
                                     "server-%d.log" % Server.started)
        self.log_file = open(self.log_path, "wb")
        args = [binary, "--listen", "127.0.0.1:0", "--maildir", maildir, "--user", USER,
                "--password", PASSWORD]
        if log:
            args.append("--log")
        args.extend(extra_args)
        self.proc = subprocess.Popen(args, stdout=subprocess.PIPE, stderr=self.log_file,
                                     stdin=subprocess.DEVNULL)
        # The port line, within 30 s (a server that hangs must not hang the test).
        ready, _, _ = select.select([self.proc.stdout], [], [], 30)
        line = self.proc.stdout.readline().decode("ascii", "replace") if ready else ""
        m = re.match(r"listening on 127\.0\.0\.1:(\d+)$", line.strip())
        if not m:
            self.stop()
            raise RuntimeError("server did not report its port: %r" % line)
        self.port = int(m.group(1))

    def stop(self):
        if self.proc.poll() is None:
            self.proc.terminate()
            try:
                self.proc.wait(timeout=10)
            except subprocess.TimeoutExpired:
                self.proc.kill()
                self.proc.wait()
        self.log_file.close()

    def show_log(self, limit=20000):
        with open(self.log_path, "rb") as f:
            data = f.read()
        sys.stderr.write("--- server log (last %d bytes) ---\n" % limit)
        sys.stderr.write(data[-limit:].decode("utf-8", "replace"))
        sys.stderr.write("\n--- end of server log ---\n")


def unprivileged():
    """When running as root: (uid, gid) of "nobody", to run a client that dislikes root;
    None otherwise."""
    if os.geteuid() != 0:
        return None
    pw = pwd.getpwnam("nobody")
    return pw.pw_uid, pw.pw_gid


def chown_tree(path, ids):
    if ids is None:
        return
    for dirpath, dirnames, filenames in os.walk(path):
        os.chown(dirpath, *ids)
        for n in filenames:
            os.chown(os.path.join(dirpath, n), *ids)


def as_user_prefix(ids):
    """The command prefix that runs a program as `ids` (setpriv), or [] for the current user."""
    if ids is None:
        return []
    setpriv = shutil.which("setpriv") or "/usr/bin/setpriv"
    return [setpriv, "--reuid=%d" % ids[0], "--regid=%d" % ids[1], "--clear-groups", "--"]


def make_workdir(prefix):
    d = tempfile.mkdtemp(prefix=prefix)
    os.chmod(d, 0o755)
    return d


class Check:
    """Collects assertion results; each failure is printed, the count decides the exit code."""

    def __init__(self):
        self.failures = 0
        self.passed = 0

    def __call__(self, condition, what, detail=None):
        if condition:
            self.passed += 1
        else:
            self.failures += 1
            sys.stderr.write("FAIL: %s\n" % what)
            if detail is not None:
                text = repr(detail)
                sys.stderr.write("      got: %s\n" % (text if len(text) < 600 else
                                                      text[:600] + "..."))
        return condition

    def equal(self, got, expected, what):
        expected_text = repr(expected)
        if len(expected_text) > 600:
            expected_text = expected_text[:600] + "..."
        return self(got == expected, "%s (expected %s)" % (what, expected_text), got)

    def report(self, test):
        """Prints the tally; returns the test's exit status."""
        print("%s: %d checks passed, %d failed" % (test, self.passed, self.failures))
        return 1 if self.failures else 0


def clean_up(server, check, work, keep):
    """The end of every server test: the server stopped (its log shown if a check failed), the
    work directory removed unless --keep."""
    if server:
        server.stop()
        if check.failures:
            server.show_log()
    if keep:
        print("kept", work)
    else:
        shutil.rmtree(work, ignore_errors=True)


def wait_for(predicate, timeout=10.0, step=0.05):
    end = time.time() + timeout
    while time.time() < end:
        if predicate():
            return True
        time.sleep(step)
    return predicate()
