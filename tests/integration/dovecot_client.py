#!/usr/bin/env python3
"""Integration test: examples/client (imapkit_example_client) against a real Dovecot.

Starts a throwaway Dovecot with dovecot.sh, seeds its maildir with known messages (plain text,
multipart/alternative, nested multipart/mixed with an attachment, a message/rfc822 attachment, an
RFC 2047 subject; a second mailbox with a non-ASCII name), runs the client and checks what it
reports it parsed against what was seeded. Dovecot is always stopped, whatever happens.

  dovecot_client.py --client PATH --dovecot-sh PATH [--dovecot PATH] [--keep]
"""

import argparse
import email.header
import json
import os
import pwd
import shutil
import subprocess
import sys
import tempfile

from dovecot_run import Failure, dovecot_env, exit_on_signals, start_dovecot, stop_dovecot

USER, PASSWORD = "imapkit", "imapkit-pass"
SEARCH_SUBJECT = "Grüße"  # non-ASCII: the client sends CHARSET UTF-8 and a literal


# --- What is seeded ------------------------------------------------------------------------------
# Each message: its maildir flags (the letters after ":2,"), its text (LF line ends, as maildir
# files usually have; IMAP sizes count CRLF), and what the client must report for it.

PLAIN = """\
Date: Mon, 23 Nov 2026 09:00:00 +0100
From: Alice Example <alice@example.org>
To: Bob Example <bob@example.net>
Subject: Plain hello
Message-ID: <plain@example.org>
MIME-Version: 1.0
Content-Type: text/plain; charset=us-ascii

Hello Bob,
just plain text.
"""

ALTERNATIVE = """\
Date: Mon, 23 Nov 2026 09:10:00 +0100
From: Carol <carol@example.com>
To: Alice Example <alice@example.org>, dave@example.net
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
"""

NESTED = """\
Date: Mon, 23 Nov 2026 09:20:00 +0100
From: "Eve, the reporter" <eve@example.com>
To: Bob Example <bob@example.net>
Subject: Nested mixed with attachment
Message-ID: <nested@example.com>
MIME-Version: 1.0
Content-Type: multipart/mixed; boundary="mix-1"

--mix-1
Content-Type: multipart/alternative; boundary="alt-2"

--alt-2
Content-Type: text/plain; charset=us-ascii

See the report attached.
--alt-2
Content-Type: text/html; charset=us-ascii

<p>See the report attached.</p>
--alt-2--

--mix-1
Content-Type: application/pdf; name="report.pdf"
Content-Disposition: attachment; filename="report.pdf"
Content-Transfer-Encoding: base64

JVBERi0xLjQKJcfsj6IKMSAwIG9iago8PC9UeXBlL0NhdGFsb2c+PgplbmRvYmoKdHJhaWxlcgo8
PC9Sb290IDEgMCBSPj4KJSVFT0YK
--mix-1--
"""

FORWARDED = """\
Date: Mon, 23 Nov 2026 09:30:00 +0100
From: Bob Example <bob@example.net>
To: Alice Example <alice@example.org>
Subject: Forwarded message
Message-ID: <forwarded@example.net>
MIME-Version: 1.0
Content-Type: multipart/mixed; boundary="fwd-1"

--fwd-1
Content-Type: text/plain; charset=us-ascii

Forwarding the message below.
--fwd-1
Content-Type: message/rfc822

Date: Sun, 22 Nov 2026 18:00:00 +0100
From: Carol <carol@example.com>
To: Bob Example <bob@example.net>
Subject: Inner message subject
Message-ID: <inner@example.com>
MIME-Version: 1.0
Content-Type: text/plain; charset=us-ascii

The encapsulated message.
--fwd-1--
"""

ENCODED = """\
Date: Mon, 23 Nov 2026 09:40:00 +0100
From: =?UTF-8?B?SsO2cmcgTcO8bGxlcg==?= <joerg@example.de>
To: Bob Example <bob@example.net>
Subject: =?UTF-8?Q?Gr=C3=BC=C3=9Fe_aus_K=C3=B6ln?=
Message-ID: <encoded@example.de>
MIME-Version: 1.0
Content-Type: text/plain; charset=utf-8
Content-Transfer-Encoding: 8bit

Viele Grüße aus Köln.
"""

DRAFT = """\
From: imapkit <imapkit@example.org>
To: Bob Example <bob@example.net>
Subject: Entwurf
MIME-Version: 1.0
Content-Type: text/plain; charset=us-ascii

Not finished yet.
"""

# (maildir flags, text, subject as decoded, from, to, body tree, IMAP flags)
# Body trees: (type, subtype, [children]); multipart's type is "multipart".
INBOX = [
    ("S", PLAIN, "Plain hello",
     [("Alice Example", "alice@example.org")], [("Bob Example", "bob@example.net")],
     ("text", "plain", []), {"\\Seen"}),
    ("", ALTERNATIVE, "Alternative parts",
     [("Carol", "carol@example.com")],
     [("Alice Example", "alice@example.org"), (None, "dave@example.net")],
     ("multipart", "alternative", [("text", "plain", []), ("text", "html", [])]), set()),
    ("S", NESTED, "Nested mixed with attachment",
     [("Eve, the reporter", "eve@example.com")], [("Bob Example", "bob@example.net")],
     ("multipart", "mixed", [
         ("multipart", "alternative", [("text", "plain", []), ("text", "html", [])]),
         ("application", "pdf", [])]), {"\\Seen"}),
    ("RS", FORWARDED, "Forwarded message",
     [("Bob Example", "bob@example.net")], [("Alice Example", "alice@example.org")],
     ("multipart", "mixed", [("text", "plain", []),
                             ("message", "rfc822", [("text", "plain", [])])]),
     {"\\Answered", "\\Seen"}),
    ("", ENCODED, "Grüße aus Köln",
     [("Jörg Müller", "joerg@example.de")], [("Bob Example", "bob@example.net")],
     ("text", "plain", []), set()),
]
FOLDER_WIRE, FOLDER_NAME = "Entw&APw-rfe", "Entwürfe"


def crlf(text):
    return text.replace("\n", "\r\n").encode("utf-8")


def header_size(text):
    data = crlf(text)
    return data.index(b"\r\n\r\n") + 4


def decode_2047(value):
    if value is None:
        return None
    return str(email.header.make_header(email.header.decode_header(value)))


# --- Dovecot ---------------------------------------------------------------------------------------

def seed(dovecot_dir):
    """Writes the messages into the maildir, owned by the user Dovecot's mail processes run as."""
    # dovecot.sh's passwd-file: imapkit:{PLAIN}imapkit-pass:UID:GID::HOME
    with open(os.path.join(dovecot_dir, "users")) as f:
        fields = f.read().strip().split(":")
    uid, gid, home = int(fields[2]), int(fields[3]), fields[5]
    maildir = os.path.join(home, "Maildir")

    def write_folder(path, messages):
        for sub in ("cur", "new", "tmp"):
            os.makedirs(os.path.join(path, sub), exist_ok=True)
        # Increasing timestamps in the names: Dovecot gives new files their UIDs in name order.
        for i, (flags, text) in enumerate(messages, start=1):
            name = f"{1795000000 + i}.M{i}P1.imapkit-seed:2,{flags}"
            with open(os.path.join(path, "cur", name), "wb") as f:
                f.write(text.encode("utf-8"))

    write_folder(maildir, [(m[0], m[1]) for m in INBOX])
    folder = os.path.join(maildir, "." + FOLDER_WIRE)
    write_folder(folder, [("DS", DRAFT)])
    open(os.path.join(folder, "maildirfolder"), "w").close()

    # As root, dovecot.sh runs Dovecot as nobody: hand it the files.
    if os.geteuid() == 0:
        for root, dirs, files in os.walk(home):
            os.chown(root, uid, gid)
            for name in dirs + files:
                os.chown(os.path.join(root, name), uid, gid)


def check(condition, what):
    if not condition:
        raise Failure(what)


def tree(body):
    return (body["type"].lower(), body["subtype"].lower(), [tree(p) for p in body["parts"]])


def addresses(items):
    return [(decode_2047(a["name"]), a["address"]) for a in items]


def verify(lines):
    steps = {}
    for line in lines:
        steps.setdefault(line["step"], []).append(line)

    def one(name):
        check(name in steps, f"no {name!r} step in the client's output")
        return steps[name][0]

    check("error" not in steps, f"the client reported an error: {steps.get('error')}")
    check(lines[-1] == {"step": "done", "ok": True}, "the last line is not done/ok")

    greeting = one("greeting")
    check(greeting["status"] == "OK", "greeting is not OK")
    caps = one("capability")
    check(caps["status"] == "OK" and "IMAP4rev1" in caps["capabilities"]
          and "IDLE" in caps["capabilities"], f"CAPABILITY: {caps}")
    check(one("login")["status"] == "OK", "LOGIN failed")

    listed = {m["name"]: m for m in one("list")["mailboxes"]}
    check("INBOX" in listed, f"INBOX not listed: {sorted(listed)}")
    check(FOLDER_NAME in listed and listed[FOLDER_NAME]["wire_name"] == FOLDER_WIRE,
          f"{FOLDER_NAME} (wire {FOLDER_WIRE}) not listed: {sorted(listed)}")
    check(all(m["delimiter"] == "/" for m in listed.values()), "delimiter is not /")

    select = one("select")
    check(select["status"] == "OK" and select["exists"] == len(INBOX),
          f"SELECT: exists {select['exists']}, seeded {len(INBOX)}")
    check(select["uidvalidity"] > 0, "no UIDVALIDITY")
    check(select["uidnext"] == len(INBOX) + 1, f"UIDNEXT {select['uidnext']}")

    fetch = one("fetch")
    messages = fetch["messages"]
    check(fetch["status"] == "OK" and len(messages) == len(INBOX),
          f"FETCH returned {len(messages)} messages")
    uids = [m["uid"] for m in messages]
    check(all(a < b for a, b in zip(uids, uids[1:])), f"UIDs not ascending: {uids}")
    check([m["seq"] for m in messages] == list(range(1, len(INBOX) + 1)), "sequence numbers")
    by_subject = {decode_2047(m["envelope"]["subject"]): m for m in messages}
    for flags, text, subject, sender, to, body, imap_flags in INBOX:
        check(subject in by_subject, f"no message with subject {subject!r}: {sorted(by_subject)}")
        m = by_subject[subject]
        got_flags = set(m["flags"]) - {"\\Recent"}
        check(got_flags == imap_flags, f"{subject}: flags {got_flags}, expected {imap_flags}")
        check(m["size"] == len(crlf(text)), f"{subject}: RFC822.SIZE {m['size']}, "
              f"expected {len(crlf(text))}")
        check(m["header_size"] == header_size(text),
              f"{subject}: BODY[HEADER] {m['header_size']} octets, expected {header_size(text)}")
        check(addresses(m["envelope"]["from"]) == sender,
              f"{subject}: from {m['envelope']['from']}")
        check(addresses(m["envelope"]["to"]) == to, f"{subject}: to {m['envelope']['to']}")
        check(tree(m["body"]) == body, f"{subject}: body {tree(m['body'])}, expected {body}")
        check(len(m["internaldate"]) == 26, f"{subject}: INTERNALDATE {m['internaldate']}")
    # The UIDs follow the order the files were seeded in (their names).
    check([decode_2047(m["envelope"]["subject"]) for m in messages] == [s[2] for s in INBOX],
          "messages not in seeding order")
    nested = by_subject["Nested mixed with attachment"]["body"]["parts"][1]
    check(nested.get("disposition", "").lower() == "attachment"
          and nested.get("filename") == "report.pdf", f"attachment: {nested}")
    forwarded = by_subject["Forwarded message"]["body"]["parts"][1]
    check(forwarded.get("subject") == "Inner message subject", f"message/rfc822: {forwarded}")

    body = one("fetch_body")
    check(body["status"] == "OK" and body["uid"] == uids[0], f"full body fetch: {body}")
    check(body["size"] == body["rfc822_size"] == len(crlf(INBOX[0][1])) and body["size_matches"],
          f"BODY[] size {body['size']} vs RFC822.SIZE {body['rfc822_size']}")

    searches = {s["criteria"]: s for s in steps.get("search", [])}
    subject_search = searches.get("SUBJECT " + SEARCH_SUBJECT)
    check(subject_search and subject_search["status"] == "OK"
          and subject_search["uids"] == [by_subject["Grüße aus Köln"]["uid"]]
          and subject_search["waited_for_continuation"],  # 8-bit text: a literal
          f"SEARCH SUBJECT: {subject_search}")
    unseen = searches.get("UNSEEN")
    expected_unseen = [m["uid"] for m in messages if "\\Seen" not in m["flags"]]
    check(unseen and unseen["status"] == "OK" and unseen["uids"] == expected_unseen,
          f"SEARCH UNSEEN: {unseen}, expected {expected_unseen}")

    store = one("store")
    check(store["status"] == "OK" and store["uid"] == uids[0], f"STORE: {store}")
    check(set(store["flags"]) - {"\\Recent"} == {"\\Seen", "\\Flagged"},
          f"STORE flags: {store['flags']}")

    append = one("append")
    check(append["status"] == "OK" and append["waited_for_continuation"],
          f"APPEND (must wait for '+'): {append}")
    check(append["uid"] == select["uidnext"], f"APPENDUID {append.get('uid')}")
    appended = one("fetch_appended")
    check(appended["status"] == "OK" and appended["found"]
          and appended["subject"] == "Appended by imapkit_example_client"
          and "\\Seen" in appended["flags"], f"appended message: {appended}")

    check(one("second.login")["status"] == "OK", "second connection's LOGIN")
    second = one("second.append")
    check(second["status"] == "OK" and second["waited_for_continuation"],
          f"second connection's APPEND: {second}")
    idle = one("idle")
    check(idle["status"] == "OK" and idle["exists_before"] == len(INBOX) + 1
          and idle["exists"] == len(INBOX) + 2, f"IDLE: {idle}")

    logout = one("logout")
    check(logout["status"] == "OK" and logout["bye"], f"LOGOUT: {logout}")


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--client", required=True)
    parser.add_argument("--dovecot-sh", required=True)
    parser.add_argument("--dovecot", help="the dovecot binary (its directory joins PATH)")
    parser.add_argument("--keep", action="store_true", help="keep the Dovecot directory")
    args = parser.parse_args()

    env = dovecot_env(args.dovecot)
    exit_on_signals()

    base = tempfile.mkdtemp(prefix="imapkit-dovecot-")
    os.chmod(base, 0o755)  # as root Dovecot runs as nobody, who must reach DIR inside
    dovecot_dir = os.path.join(base, "dovecot")
    try:
        port = str(start_dovecot(args.dovecot_sh, dovecot_dir, env))
        print(f"Dovecot on 127.0.0.1:{port} in {dovecot_dir} (as "
              f"{'nobody' if os.geteuid() == 0 else pwd.getpwuid(os.geteuid()).pw_name})")
        seed(dovecot_dir)

        run = subprocess.run(
            [args.client, "--host", "127.0.0.1", "--port", port, "--user", USER,
             "--password", PASSWORD, "--search-subject", SEARCH_SUBJECT, "--timeout", "60"],
            capture_output=True, timeout=120)
        stdout = run.stdout.decode("utf-8")
        print("client stdout:\n" + stdout)
        if run.stderr:
            print("client stderr:\n" + run.stderr.decode("utf-8", "replace"))
        lines = [json.loads(line) for line in stdout.splitlines() if line.strip()]
        check(lines, "the client printed nothing")
        check(run.returncode == 0, f"the client exited with {run.returncode}")
        verify(lines)
        print("integration.dovecot_client: all checks passed")
        return 0
    except (Failure, subprocess.TimeoutExpired, json.JSONDecodeError) as e:
        print(f"FAILED: {e}", file=sys.stderr)
        log = os.path.join(dovecot_dir, "dovecot.log")
        if os.path.exists(log):
            with open(log, errors="replace") as f:
                print("dovecot.log:\n" + f.read(), file=sys.stderr)
        return 1
    finally:
        stop_dovecot(args.dovecot_sh, dovecot_dir, env)  # also if start failed half-way
        if args.keep:
            print(f"kept {base}")
        else:
            shutil.rmtree(base, ignore_errors=True)


if __name__ == "__main__":
    sys.exit(main())
