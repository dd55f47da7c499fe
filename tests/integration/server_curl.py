#!/usr/bin/env python3
"""Integration test: curl's IMAP support drives imapkit_example_server.

The server's maildir is seeded with three messages (common.SEED); UIDs 1, 2, 3 are those in
order. Every curl run is one connection (CAPABILITY, AUTHENTICATE PLAIN with an initial
response, the work, LOGOUT):

 - URLs (RFC 5092): the mailbox list; every message by UID, with the UIDVALIDITY read from the
   server's .imapkit-uids (a wrong one must be refused by curl), and by MAILINDEX; sections
   1, 2, 1.MIME, 2.MIME, HEADER, TEXT, HEADER.FIELDS and a PARTIAL range; a SEARCH in the query
   part. curl fetches BODY[] (not PEEK): the files must get \\Seen.
 - Custom commands (-X; with a mailbox in the URL curl SELECTs it first, and prints the untagged
   responses): EXAMINE, STATUS, UID FETCH of sizes and dates, STORE and UID STORE (the file
   names change), SEARCH, CREATE / RENAME / DELETE of a name with a space, UID COPY, UID MOVE,
   EXPUNGE, and a malformed FETCH (curl must fail on the BAD).
 - Upload (-T): APPEND with curl's (\\Seen): a 100 KB message with UTF-8 and CRLF line ends is
   stored byte for byte; one with LF line ends is stored as sent and served with CRLF.
 - Failures curl must report: a wrong password, a UID or a mailbox that does not exist.

curl reads body data only from a literal ("Failed to parse FETCH response" otherwise), which is
why imapkit writes message data as a literal however short (writer::message_data): the short
parts of the multipart/alternative and a 10-octet partial are fetched here too. Custom commands
do not show literals: bodies go through URLs.

  server_curl.py --server PATH --curl PATH [--keep]
"""

import argparse
import base64
import os
import re
import subprocess
import sys
import time

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "server"))
import common  # noqa: E402
from common import USER, PASSWORD, Check  # noqa: E402

check = Check()


class Curl:
    """Runs curl against the server: curl(path, *options) -> (exit status, stdout bytes)."""

    def __init__(self, binary, port):
        self.binary = binary
        self.base = "imap://127.0.0.1:%d/" % port

    def __call__(self, path="", *options, user=USER, password=PASSWORD):
        result = subprocess.run(
            [self.binary, "--silent", "--show-error", "--max-time", "30",
             "--user", "%s:%s" % (user, password), *options, self.base + path],
            stdin=subprocess.DEVNULL, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
            timeout=60)
        self.last_error = result.stderr.decode("utf-8", "replace")
        return result.returncode, result.stdout

    def ok(self, path="", *options, what):
        """stdout of a run that must succeed."""
        status, out = self(path, *options)
        check.equal(status, 0, "%s: curl exit status (%s)" % (what, self.last_error.strip()))
        return out

    def command(self, path, command, what):
        """The untagged responses of a custom command (-X), as text lines."""
        return self.ok(path, "--request", command, what=what).decode("utf-8").splitlines()


def uid_url(mailbox, uidvalidity, uid, section=None, partial=None):
    url = "%s;UIDVALIDITY=%d/;UID=%d" % (mailbox, uidvalidity, uid)
    if section:
        url += "/;SECTION=" + section.replace(" ", "%20")
    if partial:
        url += ";PARTIAL=" + partial
    return url


def flags_of(maildir, data):
    """The maildir flags of the one file holding `data`; None if not exactly one."""
    names = [n for n, d in common.maildir_files(maildir).items() if d == data]
    return common.maildir_flags(names[0]) if len(names) == 1 else None


def header_of(message):
    return message[:message.index(b"\r\n\r\n") + 4]


def check_fetches(curl, uidvalidity, maildir):
    for uid, (_, data, _) in enumerate(common.SEED, 1):
        check.equal(curl.ok(uid_url("INBOX", uidvalidity, uid), what="UID %d" % uid), data,
                    "BODY[] of UID %d is the maildir file's bytes" % uid)
    check(all("S" in common.maildir_flags(n) for n in common.maildir_files(maildir)),
          "curl's BODY[] fetches set \\Seen on every file", sorted(common.maildir_files(maildir)))
    check.equal(curl.ok("INBOX;MAILINDEX=3", what="MAILINDEX"), common.ALTERNATIVE,
                "BODY[] of message 3 by MAILINDEX")
    status, out = curl(uid_url("INBOX", uidvalidity + 1, 1))
    check(status != 0 and out == b"", "curl refuses a URL with another UIDVALIDITY",
          (status, out[:60]))

    # (uid, section, partial, expected bytes). A part ends before the CRLF of the boundary.
    sections = [
        (2, "1", None, common.MIXED_TEXT[:-2]),
        (2, "1.MIME", None, common.MIXED_PART1_HEADER),
        (2, "2.MIME", None, common.MIXED_PART2_HEADER),
        (1, "HEADER", None, header_of(common.PLAIN)),
        (3, "TEXT", None, common.ALTERNATIVE[len(header_of(common.ALTERNATIVE)):]),
        (1, "HEADER.FIELDS (SUBJECT FROM)", None,
         b"From: Alice Example <alice@example.org>\r\nSubject: Plain hello\r\n\r\n"),
        (1, None, "0.40", common.PLAIN[:40]),
        (1, None, "300.100", common.PLAIN[300:400]),
        # Short data with no line end: a literal all the same, or curl could not read it.
        (3, "1", None, b"Plain version."),
        (3, "2", None, b"<p>HTML version.</p>"),
        (1, None, "4.10", common.PLAIN[4:14]),
    ]
    for uid, section, partial, expected in sections:
        what = "UID %d section %s partial %s" % (uid, section, partial)
        check.equal(curl.ok(uid_url("INBOX", uidvalidity, uid, section, partial), what=what),
                    expected, what)
    attachment = curl.ok(uid_url("INBOX", uidvalidity, 2, "2"), what="BODY[2]")
    check.equal(attachment, common.MIXED_ATTACHMENT_B64[:-2], "BODY[2] (base64) of UID 2")
    check.equal(base64.b64decode(attachment), common.MIXED_ATTACHMENT,
                "the attachment decodes to its bytes")


def check_custom_commands(curl, uidvalidity, maildir):
    lines = curl.command("", "EXAMINE INBOX", "EXAMINE")
    check("* 3 EXISTS" in lines, "EXAMINE: 3 EXISTS", lines)
    check("* OK [UIDVALIDITY %d] UIDs valid" % uidvalidity in lines,
          "EXAMINE: the UIDVALIDITY of .imapkit-uids", lines)
    check.equal(curl.command("", "STATUS INBOX (MESSAGES UIDNEXT UNSEEN)", "STATUS"),
                ["* STATUS INBOX (MESSAGES 3 UIDNEXT 4 UNSEEN 0)"], "STATUS INBOX")

    lines = curl.command("INBOX", "UID FETCH 1:* (RFC822.SIZE INTERNALDATE)", "UID FETCH")
    expected = ['* %d FETCH (UID %d RFC822.SIZE %d INTERNALDATE "%s")' % (
        uid, uid, len(data), time.strftime("%d-%b-%Y %H:%M:%S +0000", time.gmtime(mtime)))
        for uid, (_, data, mtime) in enumerate(common.SEED, 1)]
    check.equal(lines, expected, "UID FETCH RFC822.SIZE INTERNALDATE: the files' sizes, mtimes")

    check.equal(curl.command("INBOX", "STORE 2 +FLAGS (\\Flagged)", "STORE"),
                ["* 2 FETCH (FLAGS (\\Flagged \\Seen))"], "STORE +FLAGS")
    check.equal(flags_of(maildir, common.MIXED), "FS", "STORE renamed the file to :2,FS")
    check.equal(curl.command("INBOX", "SEARCH FLAGGED", "SEARCH"), ["* SEARCH 2 3"],
                "SEARCH FLAGGED")
    check.equal(curl.command("INBOX", "UID STORE 2 -FLAGS.SILENT (\\Flagged)", "UID STORE"),
                [], "UID STORE -FLAGS.SILENT says nothing")
    check.equal(flags_of(maildir, common.MIXED), "S", "UID STORE renamed the file to :2,S")
    check.equal(curl.ok("INBOX?FROM%20carol", what="URL search"), b"* SEARCH 3\r\n",
                "SEARCH in the URL's query")
    check.equal(curl.ok("INBOX?UNSEEN", what="URL search"), b"* SEARCH\r\n",
                "SEARCH UNSEEN: curl read everything")

    curl.command("", 'CREATE "Work Items"', "CREATE")
    check(os.path.isdir(os.path.join(maildir, "Work Items", "cur")), "CREATE made the directory")
    check('* LIST (\\HasNoChildren) "/" "Work Items"' in curl.command("", 'LIST "" *', "LIST"),
          "LIST quotes the name with a space")
    curl.command("", 'RENAME "Work Items" Done', "RENAME")
    check(os.path.isdir(os.path.join(maildir, "Done", "cur"))
          and not os.path.exists(os.path.join(maildir, "Work Items")), "RENAME moved it")
    curl.command("", "DELETE Done", "DELETE")
    check(not os.path.exists(os.path.join(maildir, "Done")), "DELETE removed it")

    archive = os.path.join(maildir, "Archive")
    curl.command("INBOX", "UID COPY 1 Archive", "UID COPY")
    check(common.PLAIN in common.maildir_files(archive).values(), "UID COPY into Archive")
    lines = curl.command("INBOX", "UID MOVE 3 Archive", "UID MOVE")
    check("* 3 EXPUNGE" in lines, "UID MOVE expunges message 3", lines)
    check(common.ALTERNATIVE in common.maildir_files(archive).values()
          and common.ALTERNATIVE not in common.maildir_files(maildir).values(),
          "UID MOVE moved the file")
    curl.command("INBOX", "STORE 1 +FLAGS.SILENT (\\Deleted)", "STORE \\Deleted")
    check.equal(curl.command("INBOX", "EXPUNGE", "EXPUNGE"), ["* 1 EXPUNGE"], "EXPUNGE")
    check.equal(list(common.maildir_files(maildir).values()), [common.MIXED],
                "INBOX holds only the multipart message")
    status, _ = curl("INBOX", "--request", "FETCH 1:x FLAGS")
    check(status != 0, "curl fails on the BAD of a malformed FETCH", status)


def check_uploads(curl, maildir, work):
    # 100 KB: the literal arrives in many reads. UTF-8 and CRLF line ends, stored as they are.
    big = (b"From: curl <curl@example.org>\r\nSubject: =?UTF-8?Q?gr=C3=BC=C3=9Fe?=\r\n"
           b"Content-Type: text/plain; charset=utf-8\r\n\r\n" +
           b"".join(("Grüße aus curl, line %05d\r\n" % i).encode("utf-8")
                    for i in range(3500)))
    lf_only = b"Subject: LF line ends\n\nfirst line\nsecond line\n"
    for name, data in (("big.eml", big), ("lf.eml", lf_only)):
        path = os.path.join(work, name)
        with open(path, "wb") as f:
            f.write(data)
        curl.ok("Archive", "--upload-file", path, what="upload " + name)

    archive = os.path.join(maildir, "Archive")
    check.equal(flags_of(archive, big), "S", "the 100 KB upload is stored byte for byte, \\Seen")
    check.equal(flags_of(archive, lf_only), "S", "the LF upload is stored as sent")
    with open(os.path.join(archive, ".imapkit-uids")) as f:
        uidvalidity = int(f.read().split()[0])
    # UIDs 1 and 2 of Archive are the COPY and the MOVE; the uploads come next.
    check.equal(curl.ok(uid_url("Archive", uidvalidity, 3), what="fetch big"), big,
                "the 100 KB upload comes back byte for byte")
    check.equal(curl.ok(uid_url("Archive", uidvalidity, 4), what="fetch LF"),
                lf_only.replace(b"\n", b"\r\n"), "the LF upload is served with CRLF")


def check_failures(curl):
    status, _ = curl("", password="wrong")
    check.equal(status, 67, "a wrong password: curl's 'login denied'")
    status, out = curl("INBOX;UID=99")
    check(status != 0 and out == b"", "a UID that does not exist: curl fails", status)
    status, out = curl("Nowhere;UID=1")
    check(status != 0 and out == b"", "a mailbox that does not exist: curl fails", status)


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--server", required=True, help="imapkit_example_server binary")
    parser.add_argument("--curl", required=True, help="curl binary")
    parser.add_argument("--keep", action="store_true", help="keep the temporary directory")
    args = parser.parse_args()

    work = common.make_workdir("imapkit-server-curl-")
    maildir = os.path.join(work, "server")
    common.seed_maildir(maildir)
    server = None
    try:
        server = common.Server(args.server, maildir)
        curl = Curl(args.curl, server.port)
        with open(os.path.join(maildir, ".imapkit-uids")) as f:
            uidvalidity = int(f.read().split()[0])

        listing = curl.ok(what="LIST").decode("utf-8").splitlines()
        check.equal(sorted(re.sub(r'^\* LIST \([^)]*\) "/" ', "", line) for line in listing),
                    ["Archive", "INBOX"], "the mailbox list")
        check_fetches(curl, uidvalidity, maildir)
        check_custom_commands(curl, uidvalidity, maildir)
        check_uploads(curl, maildir, work)
        check_failures(curl)
        check(server.proc.poll() is None, "server still running")
    finally:
        common.clean_up(server, check, work, args.keep)
    return check.report("server_curl")


if __name__ == "__main__":
    sys.exit(main())
