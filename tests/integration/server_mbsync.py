#!/usr/bin/env python3
"""Integration test: mbsync (isync) syncs with imapkit_example_server, both ways.

The server's maildir is seeded with three messages (common.SEED). mbsync, configured in a
temporary HOME (IMAPStore on 127.0.0.1 and the server's port, AUTHENTICATE PLAIN, no TLS; a
local MaildirStore; one Channel for INBOX syncing everything both ways), runs twice:

 1. The first sync pulls every message: the local maildir then holds one file per server
    message, with the same content and the same flags.
 2. Locally, one message is marked \\Flagged and \\Seen (its file renamed with ":2,FS") and a
    new message is dropped into new/. The second sync must push both: the server's file of
    that message carries F and S, and the server holds the new message.

What "the same content" means, given what mbsync does by design (isync 1.4):
 - A maildir holds LF line ends, IMAP CRLF: mbsync converts CRLF -> LF when it writes a local
   file and LF -> CRLF when it uploads one.
 - mbsync adds an "X-TUID: <12 characters>" header line to every message it propagates (it
   finds the message by it if the sync is interrupted), at the end of the header, in both
   directions.
So each comparison removes exactly one X-TUID line (which must be there, at most once) and
compares the rest with LF line ends: every other byte must be identical.

  server_mbsync.py --server PATH --mbsync PATH [--keep]
"""

import argparse
import os
import re
import subprocess
import sys

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "server"))
import common  # noqa: E402
from common import USER, PASSWORD, Check  # noqa: E402

check = Check()
TUID = re.compile(rb"^X-TUID: [A-Za-z0-9+/]{12}\n", re.M)


def without_tuid(data, what):
    """`data` (LF line ends) without mbsync's X-TUID line, which must be in its header once."""
    header_end = data.find(b"\n\n")
    header = data[:header_end + 1] if header_end >= 0 else data
    found = TUID.findall(header)
    check(len(found) <= 1, "%s: at most one X-TUID line" % what, found)
    return TUID.sub(b"", data, count=1)


def lf(data):
    return data.replace(b"\r\n", b"\n")


def run_mbsync(mbsync, config, home, prefix, what):
    result = subprocess.run(prefix + [mbsync, "-c", config, "-V", "inbox"], env=dict(
        os.environ, HOME=home), stdin=subprocess.DEVNULL, stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT, timeout=120)
    output = result.stdout.decode("utf-8", "replace")
    if not check.equal(result.returncode, 0, "%s: mbsync exit status" % what):
        sys.stderr.write(output)
    return output


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--server", required=True, help="imapkit_example_server binary")
    parser.add_argument("--mbsync", required=True, help="mbsync binary")
    parser.add_argument("--keep", action="store_true", help="keep the temporary directory")
    args = parser.parse_args()

    work = common.make_workdir("imapkit-server-mbsync-")
    maildir = os.path.join(work, "server")
    home = os.path.join(work, "home")
    local = os.path.join(work, "local")
    os.makedirs(home)
    os.makedirs(local)
    common.seed_maildir(maildir)
    # mbsync runs happily as root; it is still run as "nobody" then, as a mail client would be.
    ids = common.unprivileged()
    server = None
    try:
        server = common.Server(args.server, maildir)
        config = os.path.join(home, "mbsyncrc")
        with open(config, "w") as f:
            f.write("""\
IMAPAccount imapkit
Host 127.0.0.1
Port {port}
User {user}
Pass {password}
SSLType None
AuthMechs PLAIN

IMAPStore remote
Account imapkit

MaildirStore local
Path {local}/
Inbox {local}/INBOX
SubFolders Verbatim

Channel inbox
Far :remote:INBOX
Near :local:INBOX
Create Near
Sync All
Expunge None
SyncState *
""".format(port=server.port, user=USER, password=PASSWORD, local=local))
        os.chmod(config, 0o600)
        common.chown_tree(work, ids)
        prefix = common.as_user_prefix(ids)

        # 1. Pull everything.
        run_mbsync(args.mbsync, config, home, prefix, "first sync")
        inbox = os.path.join(local, "INBOX")
        pulled = common.maildir_files(inbox)
        server_files = common.maildir_files(maildir)
        check.equal(len(pulled), len(common.SEED), "first sync: one local file per message")
        local_by_content = {without_tuid(data, name): name for name, data in pulled.items()}
        for name, data in server_files.items():
            local_name = local_by_content.get(lf(data))
            check(local_name is not None,
                  "first sync: %s arrived identical (but for LF line ends and X-TUID)" % name,
                  sorted(local_by_content))
            if local_name:
                check.equal(common.maildir_flags(local_name), common.maildir_flags(name),
                            "first sync: flags of %s" % name)

        # 2. Change locally: flag and read the unseen MIXED message, write a new one.
        mixed_local = local_by_content.get(lf(common.MIXED))
        check(mixed_local is not None, "the multipart message is in the local maildir")
        if mixed_local:
            old = next(os.path.join(inbox, sub, mixed_local) for sub in ("cur", "new")
                       if os.path.exists(os.path.join(inbox, sub, mixed_local)))
            base = mixed_local.split(":2,")[0]
            os.rename(old, os.path.join(inbox, "cur", base + ":2,FS"))
        new_message = (b"Date: Thu, 26 Nov 2026 12:00:00 +0000\n"
                       b"From: Local Writer <local@example.org>\n"
                       b"To: Alice Example <alice@example.org>\n"
                       b"Subject: Written locally\n"
                       b"Message-ID: <local-1@example.org>\n"
                       b"\n"
                       b"Uploaded by mbsync.\n"
                       b"Second line.\n")
        new_path = os.path.join(inbox, "new", "1795600000.local1.imapkit-test")
        with open(new_path, "wb") as f:
            f.write(new_message)
        common.chown_tree(work, ids)
        run_mbsync(args.mbsync, config, home, prefix, "second sync")

        server_files = common.maildir_files(maildir)
        check.equal(len(server_files), len(common.SEED) + 1, "second sync: the server has 4")
        by_content = {lf(data): name for name, data in server_files.items()}
        mixed_name = by_content.get(lf(common.MIXED))
        check(mixed_name is not None and common.maildir_flags(mixed_name) == "FS",
              "second sync: \\Flagged \\Seen reached the server's file name", mixed_name)
        uploaded = [(name, data) for name, data in server_files.items()
                    if without_tuid(lf(data), name) == new_message]
        check.equal(len(uploaded), 1, "second sync: the new message arrived identical (but for "
                    "CRLF line ends and X-TUID)")
        if uploaded:
            name, data = uploaded[0]
            check(b"\n" not in data.replace(b"\r\n", b""),
                  "uploaded message stored with CRLF line ends only", data[:80])
        # The seeded messages were not touched otherwise.
        for _, data, _ in common.SEED:
            check(data in server_files.values(), "seeded message still byte-identical on the "
                  "server")

        # 3. A third sync has nothing left to do and changes nothing.
        before = common.maildir_files(maildir)
        run_mbsync(args.mbsync, config, home, prefix, "third sync")
        check.equal(common.maildir_files(maildir), before, "third sync: server unchanged")
        check.equal(len(common.maildir_files(inbox)), len(common.SEED) + 1,
                    "third sync: local has 4")
        check(server.proc.poll() is None, "server still running")
    finally:
        common.clean_up(server, check, work, args.keep)
    return check.report("server_mbsync")


if __name__ == "__main__":
    sys.exit(main())
