#!/usr/bin/env python3
"""Builds the benchmark streams from the real wire captures in corpus/captures/.

Three files are written into OUT_DIR (the build directory; they are not committed):

  metadata.s2c  ~20 MB of server responses: the real FETCH responses that carry ENVELOPE or
                BODYSTRUCTURE (with UID, FLAGS, INTERNALDATE, RFC822.SIZE and header literals)
                from every capture, repeated. Each repetition is one "mailbox" fetched in
                batches: message sequence numbers and UIDs are rewritten to count up, and every
                batch ends with the tagged OK of its FETCH command, as a server would send it.
  literal.s2c   ~30 MB of full-body fetch responses: the real FETCH responses whose body
                section (BODY[], BODY[TEXT], BODY[1], BINARY[...], RFC822, ...) arrives as a
                literal of 1 KiB or more (up to the 1.6 MB message of imaplib-fetch-deep),
                repeated, renumbered the same way.
  commands.c2s  ~4 MB of client commands: the real FETCH / SEARCH / STORE / UID commands of the
                .c2s captures (literals included), repeated with fresh tags in the styles the
                recorded clients use.

Only bytes recorded on the wire are used; nothing inside a message is invented except the
renumbered sequence numbers, UIDs and tags. The output is the same on every run.
"""

import argparse
import pathlib
import re
import sys

# A literal announcement at the end of a line: "{N}", "{N+}", "{N-}", "~{N}" after SP, "(" or at
# the start of the message (the same rule as imapkit::framer).
LITERAL_AT_LINE_END = re.compile(rb"(?:^|[ (])~?\{(\d+)[+-]?\}\r?\n\Z")


def split_messages(data):
    """Cuts a capture into whole messages (one command or response, literals inline)."""
    messages = []
    start = pos = 0
    while pos < len(data):
        newline = data.find(b"\n", pos)
        if newline < 0:
            break  # a truncated last line is not a message
        segment = data[pos:newline + 1]
        literal = LITERAL_AT_LINE_END.search(segment)
        # "{" at the very start of a segment begins an argument only at the message start
        # (a segment that follows literal data continues the line the literal interrupted).
        if literal and (segment[literal.start():literal.start() + 1] in (b" ", b"(")
                        or pos == start):
            pos = newline + 1 + int(literal.group(1))
            continue
        pos = newline + 1
        messages.append(data[start:pos])
        start = pos
    return messages


def literals(message):
    """(item text before the literal, literal size) for every literal of a message."""
    found = []
    pos = 0
    while True:
        newline = message.find(b"\n", pos)
        if newline < 0:
            return found
        segment = message[pos:newline + 1]
        literal = LITERAL_AT_LINE_END.search(segment)
        if not literal or (segment[literal.start():literal.start() + 1] not in (b" ", b"(")
                           and pos != 0):
            pos = newline + 1
            continue
        size = int(literal.group(1))
        # The FETCH item name is the last word before the announcement: "BODY[]<0>", "RFC822".
        words = segment[:literal.start() + 1].split()
        found.append((words[-1] if words else b"", size))
        pos = newline + 1 + size


FETCH_START = re.compile(rb"\* (\d+) FETCH \(")
# UID item at the top level of a FETCH response. Only searched before the first quoted string or
# literal of the response, so text inside an ENVELOPE can never match.
UID_ITEM = re.compile(rb"([( ])UID (\d+)")
HEADER_ONLY_SECTION = re.compile(rb"\[(?:[\d.]*\.)?(?:HEADER(?:\.FIELDS.*)?|MIME)\]|RFC822\.HEADER")


def renumber(message, sequence_number, uid):
    """Rewrites the message sequence number and UID of one FETCH response."""
    message = FETCH_START.sub(b"* %d FETCH (" % sequence_number, message, count=1)
    cut = len(message)
    for stop in (b'"', b"{"):
        index = message.find(stop)
        if index >= 0:
            cut = min(cut, index)
    head = UID_ITEM.sub(lambda m: m.group(1) + b"UID %d" % uid, message[:cut], count=1)
    return head + message[cut:]


def is_metadata_fetch(message):
    return (FETCH_START.match(message) is not None
            and (b"ENVELOPE (" in message or b"BODYSTRUCTURE (" in message)
            and all(size < 64 * 1024 for _, size in literals(message)))


def is_full_body_fetch(message):
    if FETCH_START.match(message) is None:
        return False
    return any(size >= 1024 and not HEADER_ONLY_SECTION.search(item)
               for item, size in literals(message))


def fetch_batches(captures, keep):
    """The FETCH responses that `keep` selects, grouped by the FETCH command they answer."""
    batches = []
    for path in captures:
        current = []
        for message in split_messages(path.read_bytes()):
            if keep(message):
                current.append(message)
            elif not message.startswith(b"* ") and current:
                batches.append(current)  # a tagged response ends the batch
                current = []
        if current:
            batches.append(current)
    return batches


def write_response_stream(path, batches, target_bytes):
    """Repeats the batches, renumbered, until the stream holds at least target_bytes."""
    if not batches:
        sys.exit(f"make_streams: no responses selected for {path.name}")
    written = 0
    messages = 0
    tag_number = 0
    mailbox = 0
    with path.open("wb") as out:
        while written < target_bytes:
            mailbox += 1
            sequence_number = 0
            uid = 1000 * mailbox  # UIDs grow across "mailboxes", as after many appends
            for batch in batches:
                for message in batch:
                    sequence_number += 1
                    uid += 1 + (sequence_number % 3)  # expunged messages leave gaps
                    data = renumber(message, sequence_number, uid)
                    out.write(data)
                    written += len(data)
                    messages += 1
                tag_number += 1
                done = b"B%05d OK Fetch completed (0.001 + 0.000 secs).\r\n" % tag_number
                out.write(done)
                written += len(done)
                messages += 1
    return written, messages


COMMAND_NAMES = re.compile(rb"^\S+ (?:UID )?(FETCH|SEARCH|STORE|COPY|MOVE|EXPUNGE|SORT|THREAD)\b",
                           re.IGNORECASE)
# Tag styles of the recorded clients: imaplib, mutt, curl, Mail::IMAPClient, hand-written.
TAG_STYLES = (b"FIPA%d", b"a%04d", b"A%03d", b"%d", b"z%d")


def write_command_stream(path, captures, target_bytes):
    commands = []
    for capture in captures:
        for message in split_messages(capture.read_bytes()):
            if COMMAND_NAMES.match(message):
                commands.append(message)
    if not commands:
        sys.exit("make_streams: no commands selected")
    written = 0
    count = 0
    with path.open("wb") as out:
        while written < target_bytes:
            for command in commands:
                count += 1
                tag = TAG_STYLES[count % len(TAG_STYLES)] % count
                data = tag + command[command.index(b" "):]
                out.write(data)
                written += len(data)
    return written, count


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--captures", type=pathlib.Path, required=True,
                        help="corpus/captures directory")
    parser.add_argument("--out-dir", type=pathlib.Path, required=True)
    parser.add_argument("--metadata-mb", type=float, default=20)
    parser.add_argument("--literal-mb", type=float, default=30)
    parser.add_argument("--commands-mb", type=float, default=4)
    args = parser.parse_args()

    # Server side: every capture of what an IMAP parser sees (the inflated COMPRESS session,
    # not its raw deflate bytes).
    s2c = sorted(p for p in args.captures.glob("*.s2c") if not p.name.endswith(".raw.s2c"))
    # Client side: the deliberately broken commands of the imaplib-errors session (refused
    # literals, absurd sizes) are left out; the command stream is about real, valid traffic.
    c2s = sorted(p for p in args.captures.glob("*.c2s")
                 if not p.name.endswith(".raw.c2s") and not p.name.startswith("imaplib-errors"))
    args.out_dir.mkdir(parents=True, exist_ok=True)
    mb = 1 << 20

    size, count = write_response_stream(args.out_dir / "metadata.s2c",
                                        fetch_batches(s2c, is_metadata_fetch),
                                        int(args.metadata_mb * mb))
    print(f"make_streams: metadata.s2c {size} bytes, {count} responses")
    size, count = write_response_stream(args.out_dir / "literal.s2c",
                                        fetch_batches(s2c, is_full_body_fetch),
                                        int(args.literal_mb * mb))
    print(f"make_streams: literal.s2c {size} bytes, {count} responses")
    size, count = write_command_stream(args.out_dir / "commands.c2s", c2s,
                                       int(args.commands_mb * mb))
    print(f"make_streams: commands.c2s {size} bytes, {count} commands")


if __name__ == "__main__":
    main()
