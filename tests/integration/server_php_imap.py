#!/usr/bin/env python3
"""Integration test: PHP's imap extension (UW c-client) drives imapkit_example_server.

The server's maildir is seeded with three messages (common.SEED). The PHP script
server_php_imap.php does the talking, through imap_open on {127.0.0.1:PORT/imap/notls}: LOGIN,
AUTHENTICATE PLAIN by continuation (and a wrong password), imap_list / imap_getmailboxes /
imap_lsub, imap_createmailbox (a modified UTF-7 name too) / imap_renamemailbox /
imap_deletemailbox and imap_(un)subscribe (checked on disk too), imap_status (UIDVALIDITY as
stored in .imapkit-uids), imap_check, imap_search, imap_fetchbody / imap_fetchheader /
imap_body / imap_fetchmime (every message and section byte for byte, a quoted section among
them), imap_fetchstructure, imap_headerinfo, imap_fetch_overview, imap_setflag_full /
imap_clearflag_full (the file names change), imap_append (flags, date), imap_mail_copy,
imap_mail_move (COPY and \\Deleted), imap_expunge, imap_uid / imap_msgno and imap_close with
CL_EXPUNGE.

The JSON file the script compares with is server_perl_imapclient.py's (expected_values).
Afterwards this driver checks the maildir's end state itself.

  server_php_imap.py --server PATH --php PATH [--keep]
"""

import argparse
import os
import sys

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "server"))
import common  # noqa: E402
from common import Check  # noqa: E402
from server_perl_imapclient import run_client_script  # noqa: E402

check = Check()
SCRIPT = os.path.join(os.path.dirname(os.path.abspath(__file__)), "server_php_imap.php")


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--server", required=True, help="imapkit_example_server binary")
    parser.add_argument("--php", required=True, help="php (CLI) binary")
    parser.add_argument("--keep", action="store_true", help="keep the temporary directory")
    args = parser.parse_args()

    work = common.make_workdir("imapkit-server-php-")
    maildir = os.path.join(work, "server")
    common.seed_maildir(maildir)
    server = None
    try:
        server = common.Server(args.server, maildir)
        # display_errors to stderr: c-client's warnings end up in the test's output.
        run_client_script(check, [args.php, "-d", "display_errors=stderr", SCRIPT], server,
                          maildir, work, "PHP")

        # The end state the script left: INBOX holds PLAIN and MIXED (answered and read),
        # Archive the copied PLAIN and the moved ALTERNATIVE.
        inbox = common.maildir_files(maildir)
        check.equal(sorted(inbox.values()), sorted([common.PLAIN, common.MIXED]),
                    "INBOX at the end")
        mixed_name = next((n for n, d in inbox.items() if d == common.MIXED), "")
        check.equal(common.maildir_flags(mixed_name), "RS", "MIXED's file flags at the end")
        archive = common.maildir_files(os.path.join(maildir, "Archive"))
        check.equal(sorted(archive.values()), sorted([common.PLAIN, common.ALTERNATIVE]),
                    "Archive at the end")
        check.equal(sorted(d for d in os.listdir(maildir) if not d.startswith(".")),
                    ["Archive", "cur", "new", "tmp"], "no mailbox directory left over")
        check(server.proc.poll() is None, "server still running")
    finally:
        common.clean_up(server, check, work, args.keep)
    return check.report("server_php_imap")


if __name__ == "__main__":
    sys.exit(main())
