#!/usr/bin/env python3
"""Integration test: Perl's Mail::IMAPClient drives imapkit_example_server.

The server's maildir is seeded with three messages (common.SEED). The Perl script
server_perl_imapclient.pl does the talking: LOGIN and AUTHENTICATE PLAIN (and a wrong password),
CAPABILITY, NAMESPACE, folders (CREATE, LIST with \\HasChildren, RENAME, SUBSCRIBE / UNSUBSCRIBE
/ LSUB, DELETE, checked on disk too), EXAMINE and SELECT (EXISTS, UIDVALIDITY as stored in
.imapkit-uids, UIDNEXT), SEARCH, FETCH (every message's BODY[] byte for byte, RFC822.SIZE,
INTERNALDATE, parse_headers, sections, BODYSTRUCTURE through Mail::IMAPClient::BodyStructure,
ENVELOPE), STORE (flags renamed into the file names, a keyword), APPEND (append_string with
flags and a date; APPENDUID), COPY (COPYUID), UID MOVE, move() (COPY and \\Deleted), EXPUNGE,
UID EXPUNGE, STATUS, IDLE (a second connection APPENDs and STOREs), CLOSE and LOGOUT.

This driver writes what the script compares with into a JSON file: the port and login, the
maildir, the seeded messages, the sections that matter (base64) and the INTERNALDATEs the
files' modification times stand for (server_php_imap.py writes the same file). Afterwards it
checks the maildir's end state itself.

  server_perl_imapclient.py --server PATH --perl PATH [--keep]
"""

import argparse
import base64
import json
import os
import subprocess
import sys
import time

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "server"))
import common  # noqa: E402
from common import USER, PASSWORD, Check  # noqa: E402

check = Check()
SCRIPT = os.path.join(os.path.dirname(os.path.abspath(__file__)), "server_perl_imapclient.pl")


def b64(data):
    return base64.b64encode(data).decode("ascii")


def body_of(message):
    return message.split(b"\r\n\r\n", 1)[1]


def expected_values(port, maildir):
    """What the Perl script compares with. UIDs 1, 2, 3 are common.SEED in order (the server
    numbers the files by modification time)."""
    with open(os.path.join(maildir, ".imapkit-uids")) as f:
        uidvalidity = int(f.read().split()[0])
    messages = {uid: data for uid, (_, data, _) in enumerate(common.SEED, 1)}
    internaldates = {uid: time.strftime("%d-%b-%Y %H:%M:%S +0000", time.gmtime(mtime))
                     for uid, (_, _, mtime) in enumerate(common.SEED, 1)}
    # A body part ends before the CRLF that precedes the next boundary (RFC 2046 5.1.1).
    sections = {
        "1:TEXT": body_of(common.PLAIN),
        "2:1": common.MIXED_TEXT[:-2],
        "2:2": common.MIXED_ATTACHMENT_B64[:-2],
        "attachment": common.MIXED_ATTACHMENT,
        "3:TEXT": body_of(common.ALTERNATIVE),
        "3:1": b"Plain version.",
        "3:2": b"<p>HTML version.</p>",
    }
    return {
        "port": port, "user": USER, "password": PASSWORD, "maildir": maildir,
        "uidvalidity": uidvalidity,
        "messages": {uid: b64(data) for uid, data in messages.items()},
        "sections": {name: b64(data) for name, data in sections.items()},
        "internaldates": internaldates,
        "mtimes": {uid: mtime for uid, (_, _, mtime) in enumerate(common.SEED, 1)},
    }


def run_client_script(check, command, server, maildir, work, language):
    """Runs a client script (COMMAND + the path of the expected values, as JSON) against the
    server, prints its output and checks that it ran to its end with every check passed."""
    expected_path = os.path.join(work, "expected.json")
    with open(expected_path, "w") as f:
        json.dump(expected_values(server.port, maildir), f)
    result = subprocess.run([*command, expected_path], stdin=subprocess.DEVNULL,
                            stdout=subprocess.PIPE, stderr=subprocess.STDOUT, timeout=120)
    output = result.stdout.decode("utf-8", "replace")
    sys.stdout.write(output)
    check.equal(result.returncode, 0, f"the {language} script's checks")
    check("checks passed" in output, f"the {language} script ran to its end")


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--server", required=True, help="imapkit_example_server binary")
    parser.add_argument("--perl", required=True, help="perl binary")
    parser.add_argument("--keep", action="store_true", help="keep the temporary directory")
    args = parser.parse_args()

    work = common.make_workdir("imapkit-server-perl-")
    maildir = os.path.join(work, "server")
    common.seed_maildir(maildir)
    server = None
    try:
        server = common.Server(args.server, maildir)
        run_client_script(check, [args.perl, SCRIPT], server, maildir, work, "Perl")

        # The end state the script left: INBOX holds PLAIN (answered during IDLE) and the
        # message appended during IDLE; Archive the copied, moved and appended messages.
        inbox = common.maildir_files(maildir)
        check.equal(sorted(inbox.values()),
                    sorted([common.PLAIN, b"Subject: during idle\r\n\r\nhello\r\n"]),
                    "INBOX at the end")
        plain_name = next((n for n, d in inbox.items() if d == common.PLAIN), "")
        check.equal(common.maildir_flags(plain_name), "RS", "PLAIN's file flags at the end")
        archive = common.maildir_files(os.path.join(maildir, "Archive"))
        check.equal(len(archive), 3, "Archive holds three messages")
        check(common.MIXED not in inbox.values() and common.MIXED not in archive.values(),
              "the expunged message is gone")
        check.equal(sorted(d for d in os.listdir(maildir) if not d.startswith(".")),
                    ["Archive", "cur", "new", "tmp"], "no mailbox directory left over")
        check(server.proc.poll() is None, "server still running")
    finally:
        common.clean_up(server, check, work, args.keep)
    return check.report("server_perl_imapclient")


if __name__ == "__main__":
    sys.exit(main())
