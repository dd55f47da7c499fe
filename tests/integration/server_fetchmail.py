#!/usr/bin/env python3
"""Integration test: fetchmail downloads every message from imapkit_example_server.

The server's maildir is seeded with three messages (common.SEED, CRLF line ends). fetchmail
runs in a temporary HOME with its own rc file (mode 0600, as fetchmail demands): poll
127.0.0.1 with protocol IMAP on the server's port, LOGIN, no TLS, and an MDA that writes each
message to a file of its own.

fetchmail rewrites what it delivers unless told not to; the rc file turns that off so that the
delivered files can be compared byte for byte with the server's files:
 - "set invisible": no "Received:" header of its own on top of each message;
 - "no rewrite": addresses in the header are left alone;
 - "no stripcr": the CRs of the CRLF line ends are kept (for an MDA fetchmail strips them by
   default).
"sslproto ''" is what keeps fetchmail 6.4 from trying STARTTLS: without it, it sends STARTTLS
although the server does not advertise it, and gives up when refused.

Two polls:
 1. "keep fetchall": all three messages are delivered byte-identical, and fetchmail marks them
    \\Seen on the server (STORE +FLAGS): the server's file names carry S.
 2. "fetchall" without "keep": all three are delivered again, then deleted (\\Deleted and
    EXPUNGE): the server's INBOX is empty afterwards.
fetchmail only warns when run as root, so it runs as the invoking user.

  server_fetchmail.py --server PATH --fetchmail PATH [--keep]
"""

import argparse
import os
import subprocess
import sys

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "server"))
import common  # noqa: E402
from common import USER, PASSWORD, Check  # noqa: E402

check = Check()


def poll(fetchmail, home, port, outdir, keep, what):
    os.makedirs(outdir)
    rc = os.path.join(home, ".fetchmailrc")
    with open(rc, "w") as f:
        f.write("""\
set no syslog
set invisible
poll 127.0.0.1 protocol IMAP port {port} auth password
  user "{user}" password "{password}"
  {keep} fetchall no rewrite no stripcr sslproto ''
  mda "/bin/sh -c 'cat > {outdir}/msg.$$'"
""".format(port=port, user=USER, password=PASSWORD, keep="keep" if keep else "nokeep",
           outdir=outdir))
    os.chmod(rc, 0o600)
    result = subprocess.run([fetchmail, "-f", rc, "--nosyslog", "-v"],
                            env=dict(os.environ, HOME=home), stdin=subprocess.DEVNULL,
                            stdout=subprocess.PIPE, stderr=subprocess.STDOUT, timeout=120)
    output = result.stdout.decode("utf-8", "replace")
    if not check.equal(result.returncode, 0, "%s: fetchmail exit status" % what):
        sys.stderr.write(output)
    delivered = []
    for name in sorted(os.listdir(outdir)):
        with open(os.path.join(outdir, name), "rb") as f:
            delivered.append(f.read())
    return delivered


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--server", required=True, help="imapkit_example_server binary")
    parser.add_argument("--fetchmail", required=True, help="fetchmail binary")
    parser.add_argument("--keep", action="store_true", help="keep the temporary directory")
    args = parser.parse_args()

    work = common.make_workdir("imapkit-server-fetchmail-")
    maildir = os.path.join(work, "server")
    home = os.path.join(work, "home")
    os.makedirs(home, mode=0o700)
    common.seed_maildir(maildir)
    seeded = sorted(data for _, data, _ in common.SEED)
    server = None
    try:
        server = common.Server(args.server, maildir)

        delivered = poll(args.fetchmail, home, server.port, os.path.join(work, "out1"), True,
                         "first poll (keep)")
        check.equal(len(delivered), len(seeded), "first poll: every message delivered")
        check.equal(sorted(delivered), seeded,
                    "first poll: delivered messages byte-identical to the server's files")
        files = common.maildir_files(maildir)
        check.equal(sorted(files.values()), seeded, "first poll: the server keeps the messages")
        check(all("S" in common.maildir_flags(name) for name in files),
              "first poll: fetchmail marked every message \\Seen", sorted(files))

        delivered = poll(args.fetchmail, home, server.port, os.path.join(work, "out2"), False,
                         "second poll (no keep)")
        check.equal(sorted(delivered), seeded, "second poll: every message delivered again")
        check.equal(common.maildir_files(maildir), {},
                    "second poll: fetchmail deleted and expunged every message")
        check(server.proc.poll() is None, "server still running")
    finally:
        common.clean_up(server, check, work, args.keep)
    return check.report("server_fetchmail")


if __name__ == "__main__":
    sys.exit(main())
