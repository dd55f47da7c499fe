#!/usr/bin/env python3
"""Integration test: imapkit_example_server driven by Python's imaplib.

Starts the server on a free port with a temporary maildir seeded with three messages (plain
text, multipart/mixed with a base64 attachment, multipart/alternative) and exercises every
command the server implements: CAPABILITY, NOOP, LOGIN, AUTHENTICATE PLAIN (with and without an
initial response), ENABLE, ID, NAMESPACE, LIST / LSUB, CREATE / DELETE / RENAME, SUBSCRIBE /
UNSUBSCRIBE, STATUS, SELECT / EXAMINE, FETCH of every item (sections compared byte for byte with
the files in the maildir), STORE, SEARCH (and ESEARCH RETURN), COPY / MOVE (COPYUID), EXPUNGE /
UID EXPUNGE, APPEND (synchronizing and LITERAL+ literals, APPENDUID), IDLE (a second connection
APPENDs, STOREs and EXPUNGEs while the first idles), CHECK, CLOSE, UNSELECT, LOGOUT, and
malformed commands (tagged BAD with the parser's error, untagged BAD without a tag; the
connection survives), literals over the limits, ENABLE IMAP4rev2, twenty sessions at once, and
a restart (UIDVALIDITY, UIDNEXT and UIDs are kept). The server is always stopped.

  server_imaplib.py --server PATH [--keep]
"""

import argparse
import base64
import imaplib
import os
import re
import sys
import time
import traceback

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "server"))
import common  # noqa: E402

# Python 3.11's imaplib does not know ID (RFC 2971); let _simple_command send it.
imaplib.Commands.setdefault("ID", ("NONAUTH", "AUTH", "SELECTED"))
from common import USER, PASSWORD, Check  # noqa: E402

check = Check()


def connect(port):
    m = imaplib.IMAP4("127.0.0.1", port, timeout=30)
    return m


def ok(result, what):
    typ, data = result
    check.equal(typ, "OK", what)
    return data


def untagged(m, name):
    """The untagged responses of one kind imaplib collected (and forgets them)."""
    return m.untagged_responses.pop(name, [])


def fetch_items(m, uid, items):
    """UID FETCH one message: the raw response pieces (imaplib's list of tuples and bytes)."""
    typ, data = m.uid("FETCH", str(uid), items)
    check.equal(typ, "OK", "UID FETCH %s %s" % (uid, items))
    return data


def literal_of(data, item):
    """The string value that follows `item` (e.g. b"BODY[1]") in a FETCH response: a literal,
    or a quoted string (the server quotes short values without CR/LF)."""
    for piece in data:
        if isinstance(piece, tuple) and piece[0].rstrip().endswith(b"}"):
            header = piece[0]
            if re.search(re.escape(item) + rb" ~?\{\d+\}$", header):
                return piece[1]
    quoted = re.search(re.escape(item) + rb' "((?:[^"\\]|\\.)*)"', joined(data))
    if quoted:
        return re.sub(rb"\\(.)", rb"\1", quoted.group(1))
    return None


def joined(data):
    """A FETCH response's pieces as one bytes value (literals inline), for regex checks."""
    out = b""
    for piece in data:
        if isinstance(piece, tuple):
            out += piece[0] + piece[1]
        elif piece is not None:
            out += piece
    return out


def files_by_content(maildir):
    return {data: name for name, data in common.maildir_files(maildir).items()}


# --- Steps --------------------------------------------------------------------------------------


def test_greeting_and_auth(port):
    m = connect(port)
    check("IMAP4REV1" in m.capabilities, "greeting/CAPABILITY lists IMAP4rev1", m.capabilities)
    for cap in ("LITERAL+", "IDLE", "UIDPLUS", "MOVE", "ENABLE", "AUTH=PLAIN"):
        check(cap in m.capabilities, "capability " + cap, m.capabilities)
    check("STARTTLS" not in m.capabilities, "STARTTLS not offered", m.capabilities)
    typ, data = m.capability()
    check.equal(typ, "OK", "CAPABILITY")
    check(b"UIDPLUS" in data[0], "CAPABILITY response", data)
    ok(m.noop(), "NOOP before login")

    # A malformed command before login: tagged BAD with the parser's error text.
    try:
        m._simple_command("LOGIN", "onlyuser")
        check(False, "LOGIN with one argument must be BAD")
    except imaplib.IMAP4.error as e:
        text = str(e)
        check("BAD" in text and "offset" in text, "LOGIN with one argument: BAD with parser error",
              text)
    # Commands that need authentication are refused (imaplib would refuse it itself: raw).
    tag = m._new_tag()
    m.send(tag + b" SELECT INBOX\r\n")
    line = m.readline()
    check(line.startswith(tag + b" BAD"), "SELECT before login is BAD", line)

    # A synchronizing literal too large for an unauthenticated client is refused instead of
    # getting "+"; the client abandons the command and the connection goes on.
    tag = m._new_tag()
    m.send(tag + b" LOGIN {9000}\r\n")
    line = m.readline()
    check(line.startswith(tag + b" NO [TOOBIG]"), "oversized literal before login: NO [TOOBIG]",
          line)
    ok(m.noop(), "NOOP after a refused literal")

    try:
        m.login(USER, "wrong")
        check(False, "LOGIN with a wrong password must fail")
    except imaplib.IMAP4.error as e:
        check("AUTHENTICATIONFAILED" in str(e), "wrong password: NO [AUTHENTICATIONFAILED]", str(e))
    typ, data = m.login(USER, PASSWORD)
    check.equal(typ, "OK", "LOGIN")
    typ, data = m.logout()
    check.equal(typ, "BYE", "LOGOUT answers BYE")

    # AUTHENTICATE PLAIN with a continuation: imaplib waits for "+" and sends the response.
    m = connect(port)
    typ, data = m.authenticate("PLAIN", lambda challenge: b"\0" + USER.encode() + b"\0" +
                               PASSWORD.encode())
    check.equal(typ, "OK", "AUTHENTICATE PLAIN (continuation)")
    check.equal(m.state, "AUTH", "state after AUTHENTICATE")
    m.logout()

    # AUTHENTICATE PLAIN with an initial response (SASL-IR).
    m = connect(port)
    response = base64.b64encode(b"\0" + USER.encode() + b"\0" + PASSWORD.encode()).decode()
    typ, data = m._simple_command("AUTHENTICATE", "PLAIN", response)
    check.equal(typ, "OK", "AUTHENTICATE PLAIN (initial response)")
    m.state = "AUTH"
    ok(m.noop(), "NOOP after SASL-IR")
    m.logout()

    # A cancelled exchange: "*" gets BAD, the connection goes on.
    m = connect(port)
    tag = m._new_tag()
    m.send(tag + b" AUTHENTICATE PLAIN\r\n")
    line = m.readline()
    check(line.startswith(b"+"), "AUTHENTICATE without initial response gets +", line)
    m.send(b"*\r\n")
    line = m.readline()
    check(line.startswith(tag + b" BAD"), "cancelled AUTHENTICATE is BAD", line)
    ok(m.noop(), "NOOP after cancelled AUTHENTICATE")
    m.logout()


def test_mailboxes(port, maildir):
    m = connect(port)
    m.login(USER, PASSWORD)

    typ, data = m._simple_command("ENABLE", "CONDSTORE")
    check.equal(typ, "OK", "ENABLE")
    enabled = untagged(m, "ENABLED")
    check(enabled in ([b""], [None]), "ENABLE enables nothing (empty ENABLED)", enabled)

    typ, data = m._simple_command("ID", "NIL")
    check.equal(typ, "OK", "ID")
    typ, data = m.namespace()
    check.equal(typ, "OK", "NAMESPACE")
    check(data and b'(("" "/"))' in data[0], "NAMESPACE personal with /", data)

    data = ok(m.list(), "LIST")
    names = [re.search(rb'"/" (.*)$', line).group(1) for line in data]
    check(b"INBOX" in names and b"Archive" in names, "LIST * has INBOX and Archive", data)
    data = ok(m.list('""', '""'), "LIST \"\" \"\"")
    check(data == [b'(\\Noselect) "/" ""'], "LIST \"\" \"\" gives the delimiter", data)

    ok(m.create("Projects/2026"), "CREATE Projects/2026 (with superior)")
    check(os.path.isdir(os.path.join(maildir, "Projects", "2026", "cur")),
          "CREATE made the maildir")
    typ, data = m.create("Archive")
    check.equal(typ, "NO", "CREATE existing mailbox is NO")

    data = ok(m.list('""', "%"), "LIST %")
    flat = sorted(data)
    check(any(b"Projects" in line and b"\\HasChildren" in line for line in flat),
          "LIST %: Projects has children", flat)
    check(not any(b"Projects/2026" in line for line in flat), "LIST %: no level 2", flat)
    data = ok(m.list("Projects/", "*"), "LIST Projects/ *")
    check(data == [b'(\\HasNoChildren) "/" Projects/2026'], "LIST with reference", data)
    data = ok(m.list('""', "inbox"), "LIST inbox (case-insensitive)")
    check(data == [b'(\\HasNoChildren) "/" INBOX'], "LIST inbox", data)

    ok(m.rename("Projects/2026", "Projects/Old"), "RENAME")
    data = ok(m.list('""', "Projects/*"), "LIST after RENAME")
    check(data == [b'(\\HasNoChildren) "/" Projects/Old'], "renamed mailbox listed", data)
    check(os.path.isdir(os.path.join(maildir, "Projects", "Old", "cur")), "RENAME moved the dir")
    typ, data = m.rename("Nope", "Other")
    check.equal(typ, "NO", "RENAME of a missing mailbox")

    ok(m.subscribe("Projects/Old"), "SUBSCRIBE")
    data = ok(m.lsub('""', "Projects/*"), "LSUB")
    check(data == [b'() "/" Projects/Old'], "LSUB lists the subscription", data)
    ok(m.unsubscribe("Projects/Old"), "UNSUBSCRIBE")
    data = ok(m.lsub('""', "Projects/*"), "LSUB after UNSUBSCRIBE")
    check(data in ([None], []), "LSUB empty after UNSUBSCRIBE", data)

    typ, data = m.delete("Projects")
    check.equal(typ, "NO", "DELETE of a mailbox with inferiors")
    ok(m.delete("Projects/Old"), "DELETE Projects/Old")
    ok(m.delete("Projects"), "DELETE Projects")
    check(not os.path.exists(os.path.join(maildir, "Projects")), "DELETE removed the dirs")
    typ, data = m.delete("INBOX")
    check.equal(typ, "NO", "DELETE INBOX is refused")

    data = ok(m.status("INBOX", "(MESSAGES UIDNEXT UIDVALIDITY UNSEEN RECENT SIZE)"), "STATUS")
    text = data[0].decode()
    check("MESSAGES 3" in text and "UIDNEXT 4" in text and "UNSEEN 2" in text and
          "RECENT 0" in text, "STATUS INBOX values", text)
    size = sum(len(d) for _, d, _ in common.SEED)
    check("SIZE %d" % size in text, "STATUS SIZE is the sum of the files", text)
    typ, data = m.status("Nope", "(MESSAGES)")
    check.equal(typ, "NO", "STATUS of a missing mailbox")
    m.logout()


def test_select_fetch(port, maildir):
    m = connect(port)
    m.login(USER, PASSWORD)
    typ, data = m.select("INBOX")
    check.equal((typ, data), ("OK", [b"3"]), "SELECT INBOX: 3 messages")
    flags = untagged(m, "FLAGS")
    check(flags and all(f in flags[0] for f in (b"\\Seen", b"\\Answered", b"\\Flagged",
                                                   b"\\Deleted", b"\\Draft")),
          "SELECT FLAGS", flags)
    check.equal(untagged(m, "RECENT"), [b"0"], "SELECT RECENT")
    check.equal(untagged(m, "UNSEEN"), [b"2"], "SELECT OK [UNSEEN 2]")
    uidvalidity = untagged(m, "UIDVALIDITY")
    check(uidvalidity and int(uidvalidity[0]) > 0, "SELECT OK [UIDVALIDITY]", uidvalidity)
    check.equal(untagged(m, "UIDNEXT"), [b"4"], "SELECT OK [UIDNEXT 4]")
    permanent = untagged(m, "PERMANENTFLAGS")
    check(permanent and b"\\*" in permanent[0], "SELECT PERMANENTFLAGS with \\*", permanent)
    check(untagged(m, "READ-WRITE") != [], "SELECT tagged OK [READ-WRITE]")

    files = common.maildir_files(maildir)
    seeded = {data: name for name, data, _ in common.SEED}
    check(all(data in files.values() for data in seeded), "seed files unchanged on disk")

    # Whole messages byte for byte, UIDs 1..3 in the order of the INTERNALDATEs.
    for uid, (_, data, mtime) in enumerate(common.SEED, start=1):
        got = fetch_items(m, uid, "(BODY.PEEK[])")
        check.equal(literal_of(got, b"BODY[]"), data, "BODY.PEEK[] of UID %d" % uid)
        got = fetch_items(m, uid, "(RFC822.SIZE INTERNALDATE)")
        text = joined(got).decode()
        check("RFC822.SIZE %d" % len(data) in text, "RFC822.SIZE of UID %d" % uid, text)
        date = time.strftime("%d-%b-%Y %H:%M:%S +0000", time.gmtime(mtime))
        check('INTERNALDATE "%s"' % date in text, "INTERNALDATE of UID %d" % uid, text)

    # ENVELOPE and BODYSTRUCTURE computed from the stored messages.
    got = joined(fetch_items(m, 1, "(ENVELOPE)")).decode()
    check('"Plain hello"' in got and '("Alice Example" NIL "alice" "example.org")' in got and
          '("Carol" NIL "carol" "example.com")' in got and '"<plain@example.org>"' in got,
          "ENVELOPE of the plain message", got)
    got = joined(fetch_items(m, 2, "(BODYSTRUCTURE)")).decode()
    check(re.search(r'BODYSTRUCTURE \(\("text" "plain" \("charset" "utf-8"\) NIL NIL "7bit" %d \d+'
                    % (len(common.MIXED_TEXT) - 2), got, re.I) is not None,
          "BODYSTRUCTURE part 1 (text/plain, size, lines)", got)
    check(re.search(r'\("application" "octet-stream" \("name" "report.bin"\) NIL NIL "base64" %d'
                    % (len(common.MIXED_ATTACHMENT_B64) - 2), got, re.I) is not None,
          "BODYSTRUCTURE part 2 (attachment)", got)
    check(re.search(r'"mixed" \("boundary" "mix-1"\)', got, re.I) is not None,
          "BODYSTRUCTURE multipart/mixed with boundary", got)
    check(re.search(r'\("attachment" \("filename" "report.bin"\)\)', got, re.I) is not None,
          "BODYSTRUCTURE disposition", got)
    got = joined(fetch_items(m, 3, "(BODY)")).decode()
    check(re.search(r'BODY \(\("text" "plain" .*\("text" "html" .*\) "alternative"\)', got, re.I)
          is not None, "BODY (non-extensible) of the alternative message", got)

    # Sections, byte for byte against the parts the seed was built from.
    got = fetch_items(m, 2, "(BODY.PEEK[1] BODY.PEEK[2] BODY.PEEK[1.MIME] BODY.PEEK[HEADER] "
                      "BODY.PEEK[TEXT])")
    check.equal(literal_of(got, b"BODY[1]"), common.MIXED_TEXT[:-2], "BODY[1]")
    check.equal(literal_of(got, b"BODY[2]"), common.MIXED_ATTACHMENT_B64[:-2], "BODY[2]")
    check.equal(literal_of(got, b"BODY[1.MIME]"), common.MIXED_PART1_HEADER, "BODY[1.MIME]")
    header_end = common.MIXED.index(b"\r\n\r\n") + 4
    check.equal(literal_of(got, b"BODY[HEADER]"), common.MIXED[:header_end], "BODY[HEADER]")
    check.equal(literal_of(got, b"BODY[TEXT]"), common.MIXED[header_end:], "BODY[TEXT]")
    got = fetch_items(m, 2, "(BODY.PEEK[HEADER.FIELDS (Subject From)])")
    check.equal(literal_of(got, b"BODY[HEADER.FIELDS (Subject From)]"),
                b"From: Dave <dave@example.net>\r\nSubject: Quarterly report\r\n\r\n",
                "BODY[HEADER.FIELDS (Subject From)]")
    got = fetch_items(m, 2, "(BODY.PEEK[]<0.20>)")
    check.equal(literal_of(got, b"BODY[]<0>"), common.MIXED[:20], "BODY.PEEK[]<0.20>")
    got = fetch_items(m, 2, "(BINARY.PEEK[2] BINARY.SIZE[2])")
    check.equal(literal_of(got, b"BINARY[2]"), common.MIXED_ATTACHMENT, "BINARY[2] decoded")
    check(b"BINARY.SIZE[2] %d" % len(common.MIXED_ATTACHMENT) in joined(got),
          "BINARY.SIZE[2]", joined(got)[:200])
    got = fetch_items(m, 1, "(RFC822.HEADER)")
    plain_header_end = common.PLAIN.index(b"\r\n\r\n") + 4
    check.equal(literal_of(got, b"RFC822.HEADER"), common.PLAIN[:plain_header_end],
                "RFC822.HEADER")

    # Macros.
    got = joined(fetch_items(m, 1, "FAST")).decode()
    check("FLAGS" in got and "INTERNALDATE" in got and "RFC822.SIZE" in got and
          "ENVELOPE" not in got, "FETCH FAST", got)
    got = joined(fetch_items(m, 1, "ALL")).decode()
    check("ENVELOPE" in got and "BODY" not in got, "FETCH ALL", got)
    got = joined(fetch_items(m, 1, "FULL")).decode()
    check("ENVELOPE" in got and "BODY (" in got, "FETCH FULL", got)

    # Non-PEEK fetches set \Seen (and say so); message 2 is unseen.
    got = joined(fetch_items(m, 2, "(FLAGS)")).decode()
    check("\\Seen" not in got, "UID 2 unseen at first", got)
    got = fetch_items(m, 2, "(BODY[TEXT])")
    check(b"\\Seen" in joined(got), "BODY[TEXT] sets \\Seen and reports FLAGS", joined(got)[:100])
    got = fetch_items(m, 3, "(RFC822)")
    check.equal(literal_of(got, b"RFC822"), common.ALTERNATIVE, "RFC822 of UID 3")
    check(any(":2,FS" in name for name in common.maildir_files(maildir)),
          "\\Seen of UID 3 in its maildir file name")
    # Sequence-number FETCH (not UID) of a range.
    typ, data = m.fetch("1:*", "(UID)")
    check.equal(typ, "OK", "FETCH 1:*")
    check.equal([d for d in data], [b"1 (UID 1)", b"2 (UID 2)", b"3 (UID 3)"], "FETCH 1:* (UID)")
    try:
        typ, data = m.fetch("9", "(UID)")
        check(False, "FETCH of a message number that does not exist must fail", data)
    except imaplib.IMAP4.error as e:
        check("BAD" in str(e), "FETCH 9 of 3 messages is BAD", str(e))
    m.logout()


def test_store_search(port, maildir):
    m = connect(port)
    m.login(USER, PASSWORD)
    m.select("INBOX")
    # Reset: all unseen, then set flags per message.
    ok(m.store("1:*", "FLAGS.SILENT", "()"), "STORE FLAGS.SILENT ()")
    typ, data = m.store("1", "+FLAGS", "(\\Seen \\Answered)")
    check(typ == "OK" and b"\\Seen" in data[0] and b"\\Answered" in data[0], "STORE +FLAGS", data)
    typ, data = m.store("2", "FLAGS", "(\\Flagged $Work)")
    check(typ == "OK" and b"$Work" in data[0], "STORE FLAGS with a keyword", data)
    typ, data = m.store("1", "-FLAGS", "(\\Answered)")
    check(typ == "OK" and b"\\Answered" not in data[0] and b"\\Seen" in data[0], "STORE -FLAGS",
          data)
    typ, data = m.uid("STORE", "3", "+FLAGS", "(\\Draft)")
    check(typ == "OK" and b"UID 3" in data[0] and b"\\Draft" in data[0], "UID STORE", data)
    names = common.maildir_files(maildir)
    check(sorted(common.maildir_flags(n) for n in names) == ["D", "F", "S"],
          "flags in the maildir file names", sorted(names))

    def search(*criteria, uid=False):
        typ, data = (m.uid("SEARCH", *criteria) if uid else m.search(None, *criteria))
        check.equal(typ, "OK", "SEARCH %s" % (criteria,))
        return [int(x) for x in data[0].split()] if data and data[0] else []

    check.equal(search("ALL"), [1, 2, 3], "SEARCH ALL")
    check.equal(search("2:3"), [2, 3], "SEARCH 2:3")
    check.equal(search("UID", "1,3"), [1, 3], "SEARCH UID 1,3")
    check.equal(search("SEEN"), [1], "SEARCH SEEN")
    check.equal(search("UNSEEN"), [2, 3], "SEARCH UNSEEN")
    check.equal(search("FLAGGED"), [2], "SEARCH FLAGGED")
    check.equal(search("DRAFT"), [3], "SEARCH DRAFT")
    check.equal(search("ANSWERED"), [], "SEARCH ANSWERED")
    check.equal(search("DELETED"), [], "SEARCH DELETED")
    check.equal(search("KEYWORD", "$Work"), [2], "SEARCH KEYWORD")
    check.equal(search("FROM", "ALICE"), [1], "SEARCH FROM (case-insensitive)")
    check.equal(search("TO", "bob@example.net"), [1, 3], "SEARCH TO")
    check.equal(search("CC", "carol"), [1], "SEARCH CC")
    check.equal(search("SUBJECT", "report"), [2], "SEARCH SUBJECT")
    check.equal(search("HEADER", "Message-ID", "alternative"), [3], "SEARCH HEADER")
    check.equal(search("BODY", "kumquats"), [1], "SEARCH BODY")
    check.equal(search("TEXT", "Quarterly"), [2], "SEARCH TEXT (header too)")
    check.equal(search("BEFORE", "24-Nov-2026"), [1], "SEARCH BEFORE")
    check.equal(search("ON", "24-Nov-2026"), [2], "SEARCH ON")
    check.equal(search("SINCE", "24-Nov-2026"), [2, 3], "SEARCH SINCE")
    check.equal(search("SENTBEFORE", "24-Nov-2026"), [1], "SEARCH SENTBEFORE")
    check.equal(search("SENTON", "25-Nov-2026"), [3], "SEARCH SENTON")
    check.equal(search("SENTSINCE", "24-Nov-2026"), [2, 3], "SEARCH SENTSINCE")
    check.equal(search("LARGER", str(len(common.ALTERNATIVE))), [2], "SEARCH LARGER")
    check.equal(search("SMALLER", str(len(common.ALTERNATIVE))), [1], "SEARCH SMALLER")
    check.equal(search("NOT", "SEEN"), [2, 3], "SEARCH NOT")
    check.equal(search("OR", "SEEN", "DRAFT"), [1, 3], "SEARCH OR")
    check.equal(search("(FLAGGED", "KEYWORD", "$Work)", "UNSEEN"), [2], "SEARCH list")
    check.equal(search("CHARSET", "UTF-8", "SUBJECT", "hello"), [1], "SEARCH CHARSET UTF-8")
    check.equal(search("UNSEEN", uid=True), [2, 3], "UID SEARCH UNSEEN")
    typ, data = m.search("KOI8-R", "ALL")
    check(typ == "NO", "SEARCH with an unknown charset is NO [BADCHARSET]", data)
    typ, data = m._simple_command("SEARCH", "RETURN", "(MIN MAX COUNT)", "ALL")
    esearch = untagged(m, "ESEARCH")
    check(typ == "OK" and esearch and b"MIN 1 MAX 3 COUNT 3" in esearch[0],
          "SEARCH RETURN (MIN MAX COUNT)", esearch)
    typ, data = m._simple_command("UID", "SEARCH", "RETURN", "()", "UNSEEN")
    esearch = untagged(m, "ESEARCH")
    check(typ == "OK" and esearch and b"UID ALL 2:3" in esearch[0], "UID SEARCH RETURN ()",
          esearch)
    m.logout()


def test_copy_move_expunge(port, maildir):
    m = connect(port)
    m.login(USER, PASSWORD)
    m.select("INBOX")
    typ, data = m.copy("1:2", "Archive")
    check.equal(typ, "OK", "COPY")
    copyuid = untagged(m, "COPYUID")
    check(copyuid and re.match(rb"\d+ 1:2 1:2$", copyuid[0]), "COPY: COPYUID", copyuid)
    archived = common.maildir_files(os.path.join(maildir, "Archive"))
    check.equal(sorted(archived.values()), sorted([common.PLAIN, common.MIXED]),
                "COPY wrote byte-identical files to Archive")
    typ, data = m.copy("1", "Nope")
    check(typ == "NO" and b"TRYCREATE" in data[0], "COPY to a missing mailbox: NO [TRYCREATE]",
          data)
    typ, data = m.uid("COPY", "3", "Archive")
    copyuid = untagged(m, "COPYUID")
    check(typ == "OK" and copyuid and copyuid[0].endswith(b" 3 3"), "UID COPY COPYUID", copyuid)

    # MOVE: COPYUID in an untagged OK, then EXPUNGE.
    typ, data = m._simple_command("MOVE", "2", "Archive")
    check.equal(typ, "OK", "MOVE")
    copyuid = untagged(m, "COPYUID")
    check(copyuid and copyuid[0].endswith(b" 2 4"), "MOVE COPYUID", copyuid)
    check.equal(untagged(m, "EXPUNGE"), [b"2"], "MOVE EXPUNGE 2")
    typ, data = m.uid("MOVE", "3", "Archive")
    check.equal(typ, "OK", "UID MOVE")
    check.equal(untagged(m, "EXPUNGE"), [b"2"], "UID MOVE EXPUNGE (UID 3 was message 2)")
    typ, data = m.search(None, "ALL")
    check.equal(data, [b"1"], "INBOX after the MOVEs")

    # EXPUNGE and UID EXPUNGE in Archive (UIDs 1..5).
    m.select("Archive")
    m.store("1:*", "+FLAGS.SILENT", "(\\Deleted)")
    typ, data = m._simple_command("UID", "EXPUNGE", "2:3")
    check.equal(typ, "OK", "UID EXPUNGE")
    check.equal(untagged(m, "EXPUNGE"), [b"2", b"2"], "UID EXPUNGE 2:3 sends 2 and 2")
    m.store("1", "-FLAGS.SILENT", "(\\Deleted)")
    typ, data = m.expunge()
    check.equal(typ, "OK", "EXPUNGE")
    check.equal(data, [b"2", b"2"], "EXPUNGE of the \\Deleted messages")
    archived = common.maildir_files(os.path.join(maildir, "Archive"))
    check.equal(list(archived.values()), [common.PLAIN], "Archive keeps only the undeleted copy")

    # CLOSE expunges silently; UNSELECT does not.
    m.store("1", "+FLAGS.SILENT", "(\\Deleted)")
    ok(m.unselect(), "UNSELECT")
    check.equal(len(common.maildir_files(os.path.join(maildir, "Archive"))), 1,
                "UNSELECT keeps \\Deleted messages")
    m.select("Archive")
    ok(m.check(), "CHECK")
    ok(m.close(), "CLOSE")
    check.equal(len(common.maildir_files(os.path.join(maildir, "Archive"))), 0,
                "CLOSE expunged the \\Deleted message")
    m.logout()


def test_append(port, maildir):
    m = connect(port)
    m.login(USER, PASSWORD)
    message = common.crlf("From: Zed <zed@example.org>\nSubject: Appended\n\nAppended body.\n")
    typ, data = m.append("INBOX", "(\\Seen $Label)", imaplib.Time2Internaldate(1795600000),
                         message)
    check.equal(typ, "OK", "APPEND (synchronizing literal)")
    m_uid = re.search(rb"APPENDUID (\d+) (\d+)", data[0])
    check(m_uid is not None, "APPEND: APPENDUID", data)
    files = files_by_content(maildir)
    check(message in files and common.maildir_flags(files[message]) == "S",
          "APPENDed file byte-identical, \\Seen in its name", list(files.values()))
    mtime = os.stat(os.path.join(maildir, "cur", files.get(message, "x"))).st_mtime \
        if message in files else 0
    check.equal(int(mtime), 1795600000, "APPEND date-time became the INTERNALDATE (mtime)")

    typ, data = m.append("Nope", None, None, message)
    check(typ == "NO" and b"TRYCREATE" in data[0], "APPEND to a missing mailbox: TRYCREATE", data)

    # LITERAL+ (RFC 7888): {N+}, no continuation request; sent as one write.
    second = common.crlf("From: Yan <yan@example.org>\nSubject: Non-sync\n\nNo waiting.\n")
    tag = m._new_tag()
    m.send(tag + b" APPEND Archive (\\Flagged) {%d+}\r\n" % len(second) + second + b"\r\n")
    line = m.readline()
    check(line.startswith(tag + b" OK [APPENDUID "), "APPEND with {N+}: no '+', tagged OK", line)
    files = files_by_content(os.path.join(maildir, "Archive"))
    check(second in files and common.maildir_flags(files[second]) == "F",
          "LITERAL+ APPEND stored byte-identical", list(files.values()))

    # MULTIAPPEND-shaped and 8-bit content through a synchronizing literal.
    eight_bit = "From: Ü <u@example.org>\r\nSubject: Grüße\r\n\r\nÄÖÜ\r\n".encode("utf-8")
    typ, data = m.append("Archive", None, None, eight_bit)
    check.equal(typ, "OK", "APPEND 8-bit message")
    check(eight_bit in files_by_content(os.path.join(maildir, "Archive")),
          "8-bit APPEND stored byte-identical")
    m.logout()


def test_idle(port):
    a = connect(port)
    a.login(USER, PASSWORD)
    typ, data = a.select("INBOX")
    count = int(data[0])
    b = connect(port)
    b.login(USER, PASSWORD)

    # imaplib (Python 3.11) has no IDLE: send it and read the lines ourselves.
    a.sock.settimeout(10)
    tag = a._new_tag()
    a.send(tag + b" IDLE\r\n")
    line = a.readline()
    check(line.startswith(b"+ "), "IDLE continuation", line)

    new = common.crlf("From: Idle <idle@example.org>\nSubject: While idling\n\nHi.\n")
    typ, data = b.append("INBOX", None, None, new)
    check.equal(typ, "OK", "second connection APPENDs")
    lines = [a.readline(), a.readline()]
    check(lines[0] == b"* %d EXISTS\r\n" % (count + 1), "idler sees EXISTS", lines)
    check(lines[1].endswith(b"RECENT\r\n"), "idler sees RECENT", lines)

    b.select("INBOX")
    b.store(str(count + 1), "+FLAGS", "(\\Flagged)")
    line = a.readline()
    check(re.match(rb"\* %d FETCH \(UID \d+ FLAGS \(.*\\Flagged.*\)\)\r\n" % (count + 1), line)
          is not None, "idler sees the flag change", line)

    b.store(str(count + 1), "+FLAGS.SILENT", "(\\Deleted)")
    line = a.readline()
    check(b"\\Deleted" in line, "idler sees \\Deleted", line)
    b.expunge()
    line = a.readline()
    check.equal(line, b"* %d EXPUNGE\r\n" % (count + 1), "idler sees EXPUNGE")

    a.send(b"DONE\r\n")
    line = a.readline()
    check(line.startswith(tag + b" OK"), "DONE ends IDLE with tagged OK", line)
    ok(a.noop(), "NOOP after IDLE")
    typ, data = a.search(None, "ALL")
    check.equal(len(data[0].split()), count, "idler's view after IDLE")
    b.logout()
    a.logout()


def test_imap4rev2(port):
    """ENABLE IMAP4rev2 (RFC 9051): ENABLED lists it; SELECT sends no RECENT and no [UNSEEN];
    SEARCH answers with ESEARCH."""
    m = connect(port)
    check("IMAP4REV2" in m.capabilities, "IMAP4rev2 advertised", m.capabilities)
    m.login(USER, PASSWORD)
    typ, data = m._simple_command("ENABLE", "IMAP4rev2")
    check.equal(typ, "OK", "ENABLE IMAP4rev2")
    check.equal(untagged(m, "ENABLED"), [b"IMAP4rev2"], "ENABLED IMAP4rev2")
    typ, data = m.select("INBOX")
    check.equal(typ, "OK", "SELECT after ENABLE IMAP4rev2")
    check.equal(untagged(m, "RECENT"), [], "IMAP4rev2 SELECT: no RECENT")
    check.equal(untagged(m, "UNSEEN"), [], "IMAP4rev2 SELECT: no [UNSEEN]")
    tag = b"%s%d" % (m.tagpre, m.tagnum)  # the tag imaplib gives the SEARCH
    typ, data = m.search(None, "ALL")
    esearch = untagged(m, "ESEARCH")
    check(typ == "OK" and esearch and re.match(rb'\(TAG "?%s"?\) ALL 1:\d+$' % tag, esearch[0]),
          "IMAP4rev2 SEARCH answers ESEARCH", esearch)
    typ, data = m.fetch("1", "(FLAGS)")
    check(typ == "OK" and b"\\Recent" not in data[0], "IMAP4rev2 FETCH FLAGS: no \\Recent",
          data)
    m.logout()


def test_many_connections(port):
    """Twenty sessions at once on the one-threaded server: each sees another's APPEND (EXISTS)
    and STORE (FETCH FLAGS) at its next NOOP."""
    sessions = []
    for _ in range(20):
        m = connect(port)
        m.login(USER, PASSWORD)
        typ, data = m.select("Archive")
        sessions.append((m, int(data[0])))
    writer, count = sessions[0]
    typ, data = writer.append("Archive", None, None,
                              common.crlf("Subject: To everyone\n\nHello all.\n"))
    check.equal(typ, "OK", "APPEND with 20 sessions open")
    # A flag change of a message every session knows (a new message's flags are not reported
    # before its EXISTS: the client fetches them).
    writer.store("1", "+FLAGS.SILENT", "(\\Answered)")
    for i, (m, before) in enumerate(sessions[1:], start=1):
        ok(m.noop(), "NOOP of session %d" % i)
        exists = untagged(m, "EXISTS")
        fetches = untagged(m, "FETCH")
        check(exists and int(exists[-1]) == before + 1, "session %d sees EXISTS" % i, exists)
        check(any(b"\\Answered" in f for f in fetches), "session %d sees the flag" % i, fetches)
    for m, _ in sessions:
        m.logout()


def test_examine_and_errors(port):
    m = connect(port)
    m.login(USER, PASSWORD)
    typ, data = m.select("Archive", readonly=True)
    check.equal(typ, "OK", "EXAMINE")
    check(untagged(m, "READ-ONLY") != [], "EXAMINE: OK [READ-ONLY]")
    typ, data = m.search(None, "UNSEEN")
    unseen = data[0].split()
    if unseen:
        typ, data = m.fetch(unseen[0].decode(), "(BODY[])")
        check(typ == "OK" and b"FLAGS" not in joined(data), "BODY[] in EXAMINE: no FLAGS change",
              joined(data)[:80])
        typ, data = m.fetch(unseen[0].decode(), "(FLAGS)")
        check(b"\\Seen" not in data[0], "BODY[] in EXAMINE does not set \\Seen", data)
    else:
        check(False, "an unseen message to test EXAMINE with")
    typ, data = m.store("1", "+FLAGS", "(\\Flagged)")
    check.equal(typ, "NO", "STORE in EXAMINE is NO")

    # Malformed commands: tagged BAD with the parser's error; the connection goes on.
    try:
        m._simple_command("FETCH", "1:x", "FLAGS")
        check(False, "FETCH 1:x must be BAD")
    except imaplib.IMAP4.error as e:
        text = str(e)
        check(re.search(r"BAD \[?.*offset \d+: in [^:]+: expected", text) is not None,
              "FETCH 1:x: BAD with offset, production and expectation", text)
    ok(m.noop(), "NOOP after BAD")
    try:
        m._simple_command("STORE", "1", "+FLAGS", "(\\Seen")
        check(False, "unbalanced flag list must be BAD")
    except imaplib.IMAP4.error as e:
        check("offset" in str(e), "STORE with '(\\Seen': parser error", str(e))
    # No tag at all: untagged BAD.
    m.send(b"\r\n")
    line = m.readline()
    check(line.startswith(b"* BAD ") and b"offset" in line, "empty line: untagged BAD", line)
    m.send(b"   \r\n")
    line = m.readline()
    check(line.startswith(b"* BAD "), "blank line: untagged BAD", line)
    # Over the framer's limits: a 70000-octet line is dropped with * BAD [LIMIT]; an APPEND
    # literal over the server's size limit gets NO [TOOBIG] instead of "+".
    m.send(b"x1 NOOP " + b"x" * 70000 + b"\r\n")
    line = m.readline()
    check(line.startswith(b"* BAD [LIMIT]") and b"max_line_length" in line,
          "over-long line: * BAD [LIMIT]", line)
    tag = m._new_tag()
    m.send(tag + b" APPEND Archive {40000000}\r\n")
    line = m.readline()
    check(line.startswith(tag + b" NO [TOOBIG]"), "40 MB APPEND literal: NO [TOOBIG]", line)
    ok(m.noop(), "NOOP after the refused literals")
    # An unknown command is BAD too.
    tag = m._new_tag()
    m.send(tag + b" XFROBNICATE 1\r\n")
    line = m.readline()
    check(line.startswith(tag + b" BAD"), "unknown command: BAD", line)
    ok(m.noop(), "connection survives malformed commands")
    typ, data = m.logout()
    check.equal(typ, "BYE", "LOGOUT")


def mailbox_snapshot(port, mailbox):
    """(UIDVALIDITY, UIDNEXT, {uid: bytes}) of a mailbox."""
    m = connect(port)
    m.login(USER, PASSWORD)
    m.select(mailbox, readonly=True)
    uidvalidity = int(untagged(m, "UIDVALIDITY")[0])
    uidnext = int(untagged(m, "UIDNEXT")[0])
    messages = {}
    typ, data = m.uid("FETCH", "1:*", "(UID BODY.PEEK[])")
    for piece in data:
        if isinstance(piece, tuple):
            uid = int(re.search(rb"UID (\d+)", piece[0]).group(1))
            messages[uid] = piece[1]
    m.logout()
    return uidvalidity, uidnext, messages


def test_restart(binary, server, maildir):
    """UIDVALIDITY, UIDNEXT and the UIDs survive a restart of the server (.imapkit-uids)."""
    before = {box: mailbox_snapshot(server.port, box) for box in ("INBOX", "Archive")}
    check(len(before["Archive"][2]) >= 3, "Archive has messages before the restart",
          before["Archive"][2].keys())
    server.stop()
    restarted = common.Server(binary, maildir)
    try:
        for box in ("INBOX", "Archive"):
            check.equal(mailbox_snapshot(restarted.port, box), before[box],
                        "%s: UIDVALIDITY, UIDNEXT and UIDs unchanged by a restart" % box)
        m = connect(restarted.port)
        m.login(USER, PASSWORD)
        typ, data = m.append("INBOX", None, None, common.crlf("Subject: after\n\nrestart\n"))
        check(typ == "OK" and data[0].startswith(
            b"[APPENDUID %d %d]" % (before["INBOX"][0], before["INBOX"][1])),
            "APPEND after a restart gets the remembered UIDNEXT", data)
        m.logout()
    finally:
        restarted.stop()


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--server", required=True, help="imapkit_example_server binary")
    parser.add_argument("--keep", action="store_true", help="keep the temporary directory")
    args = parser.parse_args()

    work = common.make_workdir("imapkit-server-imaplib-")
    maildir = os.path.join(work, "maildir")
    common.seed_maildir(maildir)
    server = None
    try:
        server = common.Server(args.server, maildir)
        for step in (lambda: test_greeting_and_auth(server.port),
                     lambda: test_mailboxes(server.port, maildir),
                     lambda: test_select_fetch(server.port, maildir),
                     lambda: test_store_search(server.port, maildir),
                     lambda: test_copy_move_expunge(server.port, maildir),
                     lambda: test_append(server.port, maildir),
                     lambda: test_idle(server.port),
                     lambda: test_many_connections(server.port),
                     lambda: test_imap4rev2(server.port),
                     lambda: test_examine_and_errors(server.port)):
            try:
                step()
            except Exception:
                check(False, "step raised:\n" + traceback.format_exc())
        alive = server.proc.poll() is None
        check(alive, "server still running after all sessions")
        try:
            test_restart(args.server, server, maildir)
        except Exception:
            check(False, "restart step raised:\n" + traceback.format_exc())
    finally:
        common.clean_up(server, check, work, args.keep)
    return check.report("server_imaplib")


if __name__ == "__main__":
    sys.exit(main())
