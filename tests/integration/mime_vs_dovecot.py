#!/usr/bin/env python3
"""Integration test: the example server's MIME walker (examples/server/mime.cpp) against Dovecot.

Starts a throwaway Dovecot with dovecot.sh, APPENDs every message of tests/integration/messages/
(*.eml, CRLF line ends) over a raw IMAP connection, fetches ENVELOPE, BODY, BODYSTRUCTURE and a
set of BODY[section]s of each, and keeps the exact bytes of Dovecot's untagged FETCH response
(literals included). imapkit_example_mime_check then compares them, field by field and byte by
byte, with what server::mime_message computes from the same message file. Any difference fails
the test. Dovecot is always stopped, whatever happens.

  mime_vs_dovecot.py --check PATH --dovecot-sh PATH [--dovecot PATH] [--messages DIR] [--keep]
"""

import argparse
import glob
import os
import re
import shutil
import socket
import subprocess
import sys
import tempfile

from dovecot_run import Failure, dovecot_env, exit_on_signals, start_dovecot, stop_dovecot

USER, PASSWORD = "imapkit", "imapkit-pass"

# Every message is fetched with all of these. Sections that name no part of a message are
# compared too (what Dovecot answers for them is part of the behaviour to match).
FETCH_ITEMS = (
    "ENVELOPE BODY BODYSTRUCTURE BODY.PEEK[] BODY.PEEK[HEADER] BODY.PEEK[TEXT] BODY.PEEK[1] "
    "BODY.PEEK[1.MIME] BODY.PEEK[HEADER.FIELDS (FROM SUBJECT X-ABSENT)] "
    "BODY.PEEK[HEADER.FIELDS.NOT (SUBJECT DATE)] BODY.PEEK[HEADER.FIELDS (X-ABSENT)] "
    "BODY.PEEK[2] BODY.PEEK[2.MIME] BODY.PEEK[2.HEADER] BODY.PEEK[2.TEXT] "
    "BODY.PEEK[1.1] BODY.PEEK[1.1.MIME] BODY.PEEK[1.2] BODY.PEEK[2.1] BODY.PEEK[2.2] "
    "BODY.PEEK[1.HEADER] BODY.PEEK[1.TEXT] BODY.PEEK[3] BODY.PEEK[1.2.1] BODY.PEEK[1.2.2.MIME] "
    "BODY.PEEK[1.1.1] BODY.PEEK[1.1.1.MIME] BODY.PEEK[2.1.1] BODY.PEEK[1.1.TEXT] "
    "BODY.PEEK[1.1.HEADER] BODY.PEEK[2.1.MIME]"
)

# BINARY[part] (RFC 3516) of these parts is fetched one at a time: Dovecot refuses the whole
# FETCH (NO [UNKNOWN-CTE]) when it cannot decode a part; mime_check then checks that
# mime_message refuses it too.
BINARY_PARTS = ("1", "2", "3", "1.1", "1.2", "1.2.1", "1.2.2", "2.1", "2.2", "3.1")

LITERAL_AT_END = re.compile(rb"\{(\d+)\+?\}\r\n$")


class imap_connection:
    """A raw IMAP connection that returns each response's exact bytes, literals included."""

    def __init__(self, port):
        self.sock = socket.create_connection(("127.0.0.1", port), timeout=30)
        self.buffer = b""
        self.tag_number = 0
        self.last_tagged = b""

    def close(self):
        self.sock.close()

    def _fill(self):
        chunk = self.sock.recv(65536)
        if not chunk:
            raise RuntimeError("Dovecot closed the connection")
        self.buffer += chunk

    def _line(self):
        while b"\r\n" not in self.buffer:
            self._fill()
        end = self.buffer.index(b"\r\n") + 2
        line, self.buffer = self.buffer[:end], self.buffer[end:]
        return line

    def _exactly(self, count):
        while len(self.buffer) < count:
            self._fill()
        data, self.buffer = self.buffer[:count], self.buffer[count:]
        return data

    def read_response(self):
        """One whole response: a line, and for each literal it announces, the literal and the
        rest of the line."""
        response = self._line()
        while True:
            literal = LITERAL_AT_END.search(response)
            if not literal:
                return response
            response += self._exactly(int(literal.group(1)))
            response += self._line()

    def command(self, text, literal=None, allow_no=False):
        """Sends a command (with one synchronizing literal after `text` when given); returns its
        untagged responses, or None when it failed with NO and allow_no is set."""
        self.tag_number += 1
        tag = b"t%d" % self.tag_number
        if literal is None:
            self.sock.sendall(tag + b" " + text + b"\r\n")
        else:
            self.sock.sendall(tag + b" " + text + b" {%d}\r\n" % len(literal))
            response = self.read_response()
            if not response.startswith(b"+"):
                raise RuntimeError(f"no continuation for {text!r}: {response!r}")
            self.sock.sendall(literal + b"\r\n")
        untagged = []
        while True:
            response = self.read_response()
            if response.startswith(tag + b" "):
                self.last_tagged = response
                if allow_no and response.startswith(tag + b" NO"):
                    print(f"  (Dovecot refused {text.decode()}: {response.decode().strip()})")
                    return None
                if not response.startswith(tag + b" OK"):
                    raise RuntimeError(f"{text!r} failed: {response!r}")
                return untagged
            untagged.append(response)


def run(args, work):
    dovecot_dir = os.path.join(work, "dovecot")
    env = dovecot_env(args.dovecot)
    try:
        try:
            port = start_dovecot(args.dovecot_sh, dovecot_dir, env)
        except Failure as e:
            print(e, file=sys.stderr)
            return 2
        return compare_all(args, work, port)
    finally:
        stop_dovecot(args.dovecot_sh, dovecot_dir, env)  # also if start failed half-way


def compare_all(args, work, port):
    messages = sorted(glob.glob(os.path.join(args.messages, "*.eml")))
    if not messages:
        print(f"no messages in {args.messages}", file=sys.stderr)
        return 2
    connection = imap_connection(port)
    try:
        greeting = connection.read_response()
        if not greeting.startswith(b"* OK"):
            raise RuntimeError(f"greeting: {greeting!r}")
        connection.command(b'LOGIN "%s" "%s"' % (USER.encode(), PASSWORD.encode()))
        connection.command(b"SELECT INBOX")
        for path in messages:
            with open(path, "rb") as f:
                connection.command(b"APPEND INBOX", literal=f.read())
        connection.command(b"SELECT INBOX")
        failed = []
        fields = 0
        for number, path in enumerate(messages, start=1):
            response_paths = []
            unknown_cte = []
            commands = [(b"FETCH %d (%s)" % (number, FETCH_ITEMS.encode()), False)]
            commands += [(b"FETCH %d (BINARY.PEEK[%s])" % (number, part.encode()), True)
                         for part in BINARY_PARTS]
            for command, allow_no in commands:
                untagged = connection.command(command, allow_no=allow_no)
                if untagged is None:
                    if b"[UNKNOWN-CTE]" in connection.last_tagged:
                        unknown_cte += ["--unknown-cte", re.search(rb"\[([\d.]+)\]",
                                                                   command).group(1).decode()]
                    continue
                fetches = [r for r in untagged if r.startswith(b"* %d FETCH " % number)]
                if len(fetches) != 1:
                    raise RuntimeError(f"{command!r}: {len(fetches)} FETCH responses: {untagged!r}")
                response_paths.append(
                    os.path.join(work, f"{number:02d}.{len(response_paths)}.response"))
                with open(response_paths[-1], "wb") as f:
                    f.write(fetches[0])
            # Bytes, not text: a difference report quotes message bytes, 8-bit ones included.
            result = subprocess.run([args.check] + unknown_cte + [path] + response_paths,
                                    capture_output=True)
            sys.stdout.flush()
            sys.stdout.buffer.write(result.stdout)
            sys.stdout.buffer.flush()
            sys.stderr.buffer.write(result.stderr)
            summary = re.search(rb"(\d+) fields compared", result.stdout)
            if summary:
                fields += int(summary.group(1))
            if result.returncode != 0:
                failed.append(os.path.basename(path))
        connection.command(b"LOGOUT")
    finally:
        connection.close()
    print(f"{len(messages)} messages, {fields} fields compared, "
          f"{len(failed)} with differences{': ' + ', '.join(failed) if failed else ''}")
    return 1 if failed else 0


def main():
    here = os.path.dirname(os.path.abspath(__file__))
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--check", required=True, help="imapkit_example_mime_check")
    parser.add_argument("--dovecot-sh", required=True, help="tests/integration/dovecot.sh")
    parser.add_argument("--dovecot", help="the dovecot executable (its directory goes on PATH)")
    parser.add_argument("--messages", default=os.path.join(here, "messages"))
    parser.add_argument("--keep", action="store_true", help="keep the work directory")
    args = parser.parse_args()

    work = tempfile.mkdtemp(prefix="imapkit-mime-")
    os.chmod(work, 0o755)  # as root Dovecot runs as nobody, who must reach the directory inside

    exit_on_signals()
    try:
        return run(args, work)
    finally:
        if args.keep:
            print(f"work directory kept: {work}")
        else:
            shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    sys.exit(main())
