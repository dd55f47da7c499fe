#!/usr/bin/env python3
"""Integration test: how the real IMAP servers disagree (issue 15, item 4; docs/servers.md).

Starts each server that can run here, one after another (Dovecot, Cyrus, Courier, Mailutils:
their scripts in this directory; then imapkit_example_server), APPENDs every test message of
messages/ (CRLF line ends) to its INBOX over a raw connection, and fetches ENVELOPE, BODY,
BODYSTRUCTURE and the BODY[section]s of mime_vs_dovecot.py plus a few deep ones from each
message. Every byte a server sends is kept and parsed by `imapkit parse --responses` (strict, or
with the quirk flags the server needs: docs/quirks.md); the FETCH answers are then compared field
by field, message by message, and every difference is printed: which server says what for which
message and field, and which servers the example server agrees with. --json FILE writes the same
as one JSON document.

Differences are findings, not failures. Failures (exit 1): a response imapkit cannot parse, a
server that is unpacked but does not start. A server that crashes or goes silent mid-session is
reported (the session reconnects once and goes on with the next message, else moves on to the
next server). A server that is not unpacked, or Courier when not root, is skipped with a
message; exit 77 (skipped) when fewer than two servers could be compared. Every server is
stopped by PID whatever happens; every read and subprocess has a timeout.

  servers_compare.py --imapkit PATH [--example-server PATH] [--dovecot PATH] [--json FILE]
                     [--only NAME,...] [--keep]
"""

import argparse
import collections
import hashlib
import json
import os
import re
import shutil
import socket
import subprocess
import sys
import tempfile
import threading
import time

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)
sys.path.insert(0, os.path.join(HERE, "server"))
from common import Server as ExampleServer  # noqa: E402
from dovecot_run import Failure, exit_on_signals  # noqa: E402
from mime_vs_dovecot import FETCH_ITEMS  # noqa: E402
import real_server_session  # noqa: E402
from real_server_session import Connection, Silent, message_bytes  # noqa: E402

PASSWORD = "imapkit-pass"
SKIP = 77
READ_TIMEOUT = 10  # seconds: a local server that says nothing for this long is stuck
real_server_session.TIMEOUT = READ_TIMEOUT  # its connect timeout and its "stuck" message
START_TIMEOUT = 60  # a server script's start or stop
PARSE_TIMEOUT = 60  # imapkit parse of one server's whole stream
SERVERS_PREFIX = os.environ.get("IMAPKIT_SERVERS") or "/opt/imapkit/servers"

# name, script, program that must be unpacked (None: on PATH), login. The quirk flags a server's
# responses need are those of its recorded captures, corpus/captures/<server>/quirks (one line;
# Dovecot's captures, at the top of corpus/captures, need none).
SCRIPT_SERVERS = (
    ("dovecot", "dovecot.sh", None, "imapkit"),
    ("cyrus", "cyrus.sh", "cyrus/usr/lib/cyrus/bin/master", "imapkit"),
    ("courier", "courier.sh", "courier/usr/bin/imapd", "imapkit"),
    ("mailutils", "mailutils.sh", "mailutils/usr/sbin/imap4d", "imapkit@imapkit.test"),
)
CAPTURES = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..", "corpus",
                        "captures")


def server_quirks(name):
    """The flags of corpus/captures/NAME/quirks, comma-separated; None when there are none."""
    path = os.path.join(CAPTURES, name, "quirks")
    if not os.path.isfile(path):
        return None
    with open(path) as f:
        return f.read().strip() or None


EXAMPLE = "example"

STRUCTURE_ITEMS = ("ENVELOPE", "BODY", "BODYSTRUCTURE")
# mime_vs_dovecot's sections, then deeper ones for the nested messages (06, 07, 16, 20, 21): the
# numbering of parts inside message/rfc822 and the headers of deep parts.
SECTIONS = [m.group(1) for m in re.finditer(r"BODY\.PEEK\[([^\]]*)\]", FETCH_ITEMS)] + [
    "2.1.MIME", "2.1.HEADER", "2.1.TEXT", "1.1.1.1", "1.1.1.1.MIME", "1.1.1.1.1",
    "1.1.1.1.1.1.1.1.1.1", "1.1.1.1.1.1.1.1.1.1.MIME", "1.1.1.1.1.1.1.1.1.1.HEADER",
]
ABSENT = "(not sent)"  # a field or item a server did not send
NO_PART = "(no such part)"  # a body part a server's BODY / BODYSTRUCTURE does not have
SENT = "(sent)"  # ENVELOPE, BODY, BODYSTRUCTURE: the item came (its fields are compared apart)


def log(text=""):
    print(text, flush=True)


class RecordingConnection(Connection):
    """real_server_session's raw connection, keeping every byte the server sent (`stream`) and
    where each response starts in it (`responses`: (offset, bytes)), for `imapkit parse`."""

    def __init__(self, port, name):
        self.stream = bytearray()
        self.responses = []
        super().__init__(port, name)

    def _more(self, deadline, so_far):
        before = len(self.buffer)
        # Acknowledge at once: a server that writes a response in pieces (Mailutils) otherwise
        # waits for the delayed ACK (40 ms) on each piece under Nagle.
        if hasattr(socket, "TCP_QUICKACK"):
            self.sock.setsockopt(socket.IPPROTO_TCP, socket.TCP_QUICKACK, 1)
        super()._more(deadline, so_far)
        self.stream += self.buffer[before:]

    def read_line(self, timeout=READ_TIMEOUT):
        line = super().read_line(timeout)
        end = len(self.stream) - len(self.buffer)
        self.responses.append((end - len(line), line))
        return line

    def run(self, text):
        """Sends one command (no literal); returns (status, [(offset, untagged bytes)])."""
        first = len(self.responses)
        status, _ = self.command(text.encode() + b"\r\n", expect=("OK", "NO", "BAD"))
        untagged = self.responses[first:-1]
        return status, untagged


# ---------------------------------------------------------------------------------------------
# Starting and stopping the servers


class ScriptServer:
    """A server started by its script (`X.sh start DIR` prints the port; `X.sh stop DIR`)."""

    def __init__(self, script, directory, env):
        self.script, self.directory, self.env = script, directory, env
        self.port = None

    def start(self):
        """Returns None when started, or ("skip" | "fail", reason)."""
        # Files, not pipes: the daemons inherit them and keep them open.
        with tempfile.TemporaryFile() as out, tempfile.TemporaryFile() as err:
            try:
                run = subprocess.run(["bash", self.script, "start", self.directory], stdout=out,
                                     stderr=err, env=self.env, timeout=START_TIMEOUT,
                                     stdin=subprocess.DEVNULL)
            except subprocess.TimeoutExpired:
                return "fail", f"start took more than {START_TIMEOUT} s"
            out.seek(0)
            err.seek(0)
            port = out.read().decode().strip()
            reason = err.read().decode(errors="replace").strip()
        if run.returncode == SKIP:
            return "skip", reason
        if run.returncode != 0 or not port.isdigit():
            return "fail", f"start failed ({run.returncode}): {reason[-1500:]}"
        self.port = int(port)
        return None

    def stop(self):
        try:
            subprocess.run(["bash", self.script, "stop", self.directory], env=self.env,
                           timeout=START_TIMEOUT, stdout=subprocess.DEVNULL,
                           stderr=subprocess.DEVNULL, stdin=subprocess.DEVNULL)
        except subprocess.TimeoutExpired:
            log(f"  warning: {os.path.basename(self.script)} stop took more than "
                f"{START_TIMEOUT} s")

    def alive(self):
        return None  # the scripts' daemons fork per connection: a reconnect says more


class ExampleProcess:
    """imapkit_example_server on an empty maildir (server/common.py's Server)."""

    def __init__(self, binary, directory):
        self.binary, self.directory = binary, directory
        self.server = None
        self.port = None

    def start(self):
        maildir = os.path.join(self.directory, "maildir")
        for sub in ("cur", "new", "tmp"):
            os.makedirs(os.path.join(maildir, sub), exist_ok=True)
        try:
            self.server = ExampleServer(self.binary, maildir, log=False)
        except (RuntimeError, OSError) as e:
            return "fail", str(e)
        self.port = self.server.port
        return None

    def stop(self):
        if self.server:
            self.server.stop()

    def alive(self):
        code = self.server.proc.poll() if self.server else None
        return None if code is None else f"the process exited with status {code}"


# ---------------------------------------------------------------------------------------------
# One server's session


def login(port, name, user):
    connection = RecordingConnection(port, name)
    connection.command(f'LOGIN "{user}" "{PASSWORD}"\r\n'.encode())
    return connection


def fetch_message(connection, number):
    """FETCHes ENVELOPE, BODY and BODYSTRUCTURE of message `number`, then all the sections;
    returns [(offset, untagged bytes)] and notes on refused commands and untagged NO / BAD. What
    is refused, or answered with an untagged NO, is asked again item by item, so that one item's
    trouble hides no other."""
    notes = []

    def ask(items, answers):
        status, untagged = connection.run(f"FETCH {number} ({items})")
        answers.extend(untagged)
        troubles = [line.decode(errors="replace").strip() for _, line in untagged
                    if re.match(rb"\* (NO|BAD)\b", line)]
        troubles += [] if status == "OK" else [status]
        return troubles

    answers = []
    for items in (STRUCTURE_ITEMS, [f"BODY.PEEK[{s}]" for s in SECTIONS]):
        together = []
        if not ask(" ".join(items), together):
            answers += together
            continue
        for item in items:
            troubles = ask(item, answers)
            if troubles:
                notes.append(f"FETCH {item}: {'; '.join(troubles)}")
    return answers, notes


def run_session(name, port, user, messages, report, process):
    """APPENDs the messages, fetches each one; returns the connections (their streams hold every
    byte received) and {message name: [(offset, bytes, connection index)]}."""
    connections = []
    answers = {}
    connection = login(port, name, user)
    connections.append(connection)
    appended = []
    for file_name, data in messages:
        status, _ = connection.command(b"APPEND INBOX {" + str(len(data)).encode() + b"}\r\n",
                                       data + b"\r\n", expect=("OK", "NO", "BAD"))
        if status == "OK":
            appended.append(file_name)
        else:
            text = connection.responses[-1][1].decode(errors="replace").strip()
            report["refused"][file_name] = text
    status, untagged = connection.run("SELECT INBOX")
    exists = [int(m.group(1)) for _, line in untagged
              for m in [re.match(rb"\* (\d+) EXISTS", line)] if m]
    if status != "OK" or exists[-1:] != [len(appended)]:
        raise Failure(f"SELECT INBOX: {status}, EXISTS {exists}, {len(appended)} appended")

    reconnects = 0
    for number, file_name in enumerate(appended, start=1):
        try:
            responses, notes = fetch_message(connection, number)
        except (Silent, Failure) as e:
            dead = process.alive()
            report["incidents"].append(f"{file_name}: {e}" + (f" ({dead})" if dead else ""))
            log(f"  {file_name}: {e}")
            connection.close()
            report["unanswered"].append(file_name)
            if dead or reconnects >= 1:
                report["incidents"].append("gave up on the server after " + file_name)
                break
            reconnects += 1
            try:
                connection = login(port, name, user)
                connections.append(connection)
                connection.run("SELECT INBOX")
            except (Silent, Failure) as e:
                report["incidents"].append(f"reconnecting: {e}; gave up on the server")
                break
            continue
        for note in notes:
            report["notes"].append(f"{file_name}: {note}")
        answers[file_name] = [(offset, line, len(connections) - 1) for offset, line in responses
                              if re.match(rb"\* %d FETCH " % number, line)]
    if not report["incidents"]:
        connection.run("LOGOUT")
    connection.close()
    return connections, answers


def parse_streams(imapkit, name, quirks, connections, work):
    """Runs `imapkit parse --responses` on each connection's stream; returns
    ({(connection index, offset): response JSON}, [parse errors], {quirk flag: count})."""
    parsed, errors, needed = {}, [], collections.Counter()
    for index, connection in enumerate(connections):
        path = os.path.join(work, f"{name}.{index}.s2c")
        # Up to the end of the last whole response: a server that died mid-response is an
        # incident, not a parse error.
        whole = max((offset + len(line) for offset, line in connection.responses), default=0)
        with open(path, "wb") as f:
            f.write(connection.stream[:whole])
        mode = ["--quirks", quirks] if quirks else ["--strict"]
        try:
            run = subprocess.run([imapkit, "parse", "--responses"] + mode + [path],
                                 capture_output=True, timeout=PARSE_TIMEOUT,
                                 stdin=subprocess.DEVNULL)
        except (subprocess.TimeoutExpired, OSError) as e:
            errors.append(f"imapkit parse {path}: {e}")
            continue
        for line in run.stdout.decode("utf-8", "replace").splitlines():
            if line.strip():
                record = json.loads(line)
                parsed[(index, record["offset"])] = record["response"]
                needed.update(record.get("quirks", []))
        for line in run.stderr.decode("utf-8", "replace").splitlines():
            if ": error:" in line:
                errors.append(line)
        if run.returncode not in (0, 1):
            errors.append(f"imapkit parse {path}: status {run.returncode}: "
                          f"{run.stderr.decode(errors='replace')[-500:]}")
    return parsed, errors, needed


# ---------------------------------------------------------------------------------------------
# Flattening the parsed answers into fields


def envelope_fields(prefix, envelope, out):
    """The envelope's fields; an address list is a list of [name, adl, mailbox, host]."""
    for key in ("date", "subject"):
        out[f"{prefix}.{key}"] = envelope[key]
    for key in ("from", "sender", "reply_to", "to", "cc", "bcc"):
        out[f"{prefix}.{key.replace('_', '-')}"] = [
            [a[k] for k in ("name", "adl", "mailbox", "host")] for a in envelope[key]] or None
    out[f"{prefix}.in-reply-to"] = envelope["in_reply_to"]
    out[f"{prefix}.message-id"] = envelope["message_id"]


BODY_FIELDS = ("type", "subtype", "params", "id", "description", "encoding", "octets", "lines",
               "md5", "disposition", "language", "location", "extensions")


def body_fields(item, body, label, child_base, out):
    """One body node's fields under `item[label]` (labels are IMAP part numbers; a multipart node
    has none: "" at the top, "N.TEXT" inside message part N), then its children."""
    prefix = f"{item}[{label}]" if label else item
    out[f"{prefix}.kind"] = body.get("kind")
    for key in BODY_FIELDS:
        if key not in body:
            continue
        value = body[key]
        # As IMAP writes them: parameters a flat list (NIL when none), a disposition a pair.
        if key == "params":
            value = [x for pair in value for x in pair] or None
        elif key == "disposition" and value is not None:
            value = [value["type"], [x for pair in value["params"] for x in pair] or None]
        elif key == "language":
            value = value or None  # imapkit's JSON writes a NIL language as []
        out[f"{prefix}.{key}"] = value
    if "envelope" in body:
        envelope_fields(f"{prefix}.envelope", body["envelope"], out)
    for number, part in enumerate(body.get("parts", []), start=1):
        body_fields(item, part, f"{child_base}{number}", f"{child_base}{number}.", out)
    if "body" in body:
        inner = body["body"]
        if inner.get("kind") == "multipart":
            body_fields(item, inner, f"{label}.TEXT", f"{label}.", out)
        else:
            body_fields(item, inner, f"{label}.1", f"{label}.1.", out)


def message_fields(responses):
    """{field: value} of one message's parsed FETCH responses."""
    out = {}
    for response in responses:
        for attribute in response.get("attributes", []):
            name = attribute.get("name")
            if attribute.get("invalid"):  # kept by item_recovery: its fields are not compared
                out[name] = f"(unreadable: {attribute.get('error', {}).get('message', '?')})"
            elif name == "ENVELOPE":
                out[name] = SENT
                envelope_fields("ENVELOPE", attribute["envelope"], out)
            elif name in ("BODY", "BODYSTRUCTURE") and "body" in attribute:
                out[name] = SENT
                body = attribute["body"]
                top = "" if body.get("kind") == "multipart" else "1"
                body_fields(name, body, top, "", out)
            elif "section" in attribute:
                out[f"BODY[{attribute['section']}]"] = attribute["value"]["data"]
            else:
                out[name] = json.dumps(attribute, ensure_ascii=False)
    return out


# ---------------------------------------------------------------------------------------------
# Showing values


def show(value, limit=None):
    """A value as IMAP writes it: NIL, "string", a number, (a list); bytes that are not UTF-8 as
    base64."""
    if isinstance(value, list):
        return "(" + " ".join(show(v, limit) for v in value) + ")"
    if value is None:
        return "NIL"
    if isinstance(value, (int, float)):
        return str(value)
    if isinstance(value, dict) and "base64" in value:
        return "base64:" + value["base64"][: limit or None]
    if isinstance(value, str):
        text = value
        cut = limit is not None and len(text) > limit
        if cut:
            text = text[:limit]
        text = json.dumps(text, ensure_ascii=False)
        return text + ("... (%d chars)" % len(value) if cut else "")
    return json.dumps(value, ensure_ascii=False)


def show_group_value(value, start):
    """A section's bytes (from `start`, the first place the servers' values part) or a field."""
    if isinstance(value, str) and len(value) > 100:
        excerpt = value[start:start + 100]
        return (f"{len(value.encode())} bytes, from char {start}: "
                + json.dumps(excerpt, ensure_ascii=False) + ("..." if start + 100 < len(value)
                                                             else ""))
    if value in (ABSENT, NO_PART, SENT) or (isinstance(value, str) and
                                            value.startswith("(unreadable")):
        return value
    return show(value, limit=300)


def json_value(value):
    """A value for the JSON report: long strings cut to 4000 chars, with their size and hash."""
    if isinstance(value, str) and len(value) > 4000:
        return {"excerpt": value[:4000], "chars": len(value),
                "sha256": hashlib.sha256(value.encode()).hexdigest()}
    return value


def field_kind(field):
    """The field with its part numbers taken out, to count differences by kind
    ("BODYSTRUCTURE[n].encoding", "BODY[n.MIME]")."""
    kind = re.sub(r"\[(\d+\.)*\d+", "[n", field)
    return re.sub(r"^BODY\[HEADER\.FIELDS.*", "BODY[HEADER.FIELDS ...]", kind)


def merged(differences):
    """One message's differences, those with the same values from the same servers made one
    entry with all their fields (the 110 levels of a deep message, the sections that name no
    part): [{"fields": [...], "groups": ...}]."""
    entries = {}
    for d in differences:
        key = json.dumps(d["groups"], ensure_ascii=False)
        entries.setdefault(key, {"fields": [], "groups": d["groups"]})["fields"].append(d["field"])
    return list(entries.values())


def short_field(field):
    """A field name with a part number of more than 6 levels shortened: "1.1.1...1 (99
    levels)"."""
    def shorten(m):
        numbers = m.group(1).split(".")
        if len(numbers) <= 6:
            return m.group(0)
        return f"[{'.'.join(numbers[:3])}...{numbers[-1]} ({len(numbers)} levels)"
    return re.sub(r"\[((?:\d+\.)*\d+)", shorten, field)


FAMILY_SHOWN = 2  # entries of one family shown per message (the 110 levels: 2, then a count)


def family(entry):
    """What makes differences alike: their kinds of field and how the servers part."""
    return (tuple(sorted({field_kind(f) for f in entry["fields"]})),
            tuple(tuple(servers) for _, servers in entry["groups"]))


def fields_text(fields):
    """Field names, those of one kind shortened when there are many."""
    by_kind = {}
    for field in fields:
        by_kind.setdefault(field_kind(field), []).append(field)
    out = []
    for kind, same in by_kind.items():
        same = [short_field(f) for f in same]
        if len(same) <= 4:
            out += same
        else:
            out.append(f"{kind} ({len(same)} fields: {same[0]}, {same[1]}, ..., {same[-1]})")
    return "; ".join(out)


# ---------------------------------------------------------------------------------------------
# The comparison


NODE = re.compile(r"^((?:BODY|BODYSTRUCTURE)(?:\[[^\]]*\])?)\.")


def node_of(field):
    """The body node a BODY / BODYSTRUCTURE field belongs to ("BODYSTRUCTURE[1.2]"), or None."""
    m = NODE.match(field)
    return m.group(1) if m else None


def parent_nodes(node):
    """The nodes that may hold `node`: "2.1" is in "2" (a single part) or "2.TEXT" (a
    multipart), "2" and "2.TEXT" in "2" or the top multipart; the top has none."""
    item, _, label = node.partition("[")
    label = label.rstrip("]")
    if not label:
        return []
    if label.endswith(".TEXT"):
        bases = [label[:-len(".TEXT")]]
    elif "." in label:
        base = label.rsplit(".", 1)[0]
        bases = [base, base + ".TEXT"]
    else:
        bases = [""]
    return [f"{item}[{b}]" if b else item for b in bases]


def compare(messages, results):
    """[{message, field, groups: [(value, [servers])]}] for every field the compared servers do
    not all give the same value, and the number of fields compared. A part one server does not
    have is one difference, of its `kind` (NO_PART), not one per field of it and of every part
    inside it: its other fields are compared among the servers that have it."""
    differences, compared = [], 0
    for file_name, _ in messages:
        present = [s for s, r in results.items() if file_name in r["fields"]]
        if len(present) < 2:
            continue
        fields = []
        nodes = {}
        for server in present:
            nodes[server] = set()
            for field in results[server]["fields"][file_name]:
                if field not in fields:
                    fields.append(field)
                if node_of(field):
                    nodes[server].add(node_of(field))
        for field in fields:
            node = node_of(field)
            item = field.split(".", 1)[0].split("[", 1)[0] if node or field.startswith(
                "ENVELOPE.") else None
            # A server that did not send the item at all differs once, on the item.
            servers = [s for s in present
                       if item is None or results[s]["fields"][file_name].get(item) == SENT]
            if node:
                lacking = [s for s in present if node not in nodes[s]]
                holder_missing = [s for s in lacking
                                  if parent_nodes(node) and
                                  not any(p in nodes[s] for p in parent_nodes(node))]
                if field == node + ".kind":
                    servers = [s for s in servers if s not in holder_missing]
                else:
                    servers = [s for s in servers if s not in lacking]
                    # A field a part of another kind does not have (a multipart's md5, a text
                    # part's envelope): the kind differs already.
                    kind_of = {s: results[s]["fields"][file_name].get(node + ".kind")
                               for s in servers}
                    having = {kind_of[s] for s in servers
                              if field in results[s]["fields"][file_name]}
                    servers = [s for s in servers if field in results[s]["fields"][file_name]
                               or kind_of[s] in having]
            if len(servers) < 2:
                continue
            compared += 1
            groups = []
            for server in servers:
                value = results[server]["fields"][file_name].get(
                    field, NO_PART if node and node not in nodes[server] else ABSENT)
                for group in groups:
                    if group[0] == value:
                        group[1].append(server)
                        break
                else:
                    groups.append((value, [server]))
            if len(groups) > 1:
                differences.append({"message": file_name, "field": field, "groups": groups})
    return differences, compared


def print_report(messages, results, differences, compared, skipped):
    log()
    log("=" * 100)
    log("How the servers disagree: every field whose value is not the same for all servers")
    log("=" * 100)
    by_message = collections.defaultdict(list)
    for d in differences:
        by_message[d["message"]].append(d)
    for file_name, _ in messages:
        refused = {s: r["refused"][file_name] for s, r in results.items()
                   if file_name in r["refused"]}
        if not by_message[file_name] and not refused:
            continue
        log(f"\n--- {file_name}")
        for server, text in refused.items():
            log(f"  APPEND refused by {server}: {text}")
        entries = merged(by_message[file_name])
        families = collections.Counter(family(e) for e in entries)
        shown = collections.Counter()
        for entry in entries:
            kin = family(entry)
            shown[kin] += 1
            if shown[kin] > FAMILY_SHOWN:
                continue
            values = [v for v, _ in entry["groups"]
                      if isinstance(v, str) and v not in (ABSENT, NO_PART)]
            start = 0
            if len(values) > 1:
                start = max(0, len(os.path.commonprefix(values)) - 20)
            log(f"  {fields_text(entry['fields'])}")
            for value, servers in entry["groups"]:
                log(f"    {', '.join(servers)}: {show_group_value(value, start)}")
            if shown[kin] == FAMILY_SHOWN and families[kin] > FAMILY_SHOWN:
                log(f"  ... and {families[kin] - FAMILY_SHOWN} more of these fields where the "
                    "same servers part the same way, with other values (all in --json)")

    log()
    log("=" * 100)
    log("Summary")
    log("=" * 100)
    for server, reason in skipped.items():
        log(f"  {server}: not compared: {reason}")
    for server, r in results.items():
        log(f"  {server}: {len(r['fields'])} messages compared; refused: "
            f"{', '.join(r['refused']) or 'none'}; quirk flags needed: "
            f"{', '.join(f'{q} ({n})' for q, n in r['quirks'].items()) or 'none'}")
        for incident in r["incidents"]:
            log(f"    incident: {incident}")
        for note in r["notes"]:
            log(f"    note: {note}")
    log(f"  {compared} fields compared, {len(differences)} differ")
    kinds = collections.Counter(field_kind(d["field"]) for d in differences)
    log("  differences by kind of field (the most frequent; all in --json):")
    ranked = sorted(kinds.items(), key=lambda kv: (-kv[1], kv[0]))
    for kind, count in ranked[:30]:
        log(f"    {count:4d}  {kind}")
    if len(ranked) > 30:
        log(f"    ... and {len(ranked) - 30} more kinds, {sum(c for _, c in ranked[30:])} "
            "differences")
    alone, agrees = agreement(differences)
    log("  fields where one server's value is shared by no other: "
        + (", ".join(f"{s} {n}" for s, n in alone.most_common()) or "none"))
    if EXAMPLE in results:
        log("  where they differ, the example server agrees with: "
            + ", ".join(f"{s} {agrees[s]}" for s in results if s != EXAMPLE))


def agreement(differences):
    """({server: differing fields where its value is its own}, {server: differing fields where
    the example server gives the same value as it})."""
    alone, agrees = collections.Counter(), collections.Counter()
    for d in differences:
        for _, servers in d["groups"]:
            if len(servers) == 1:
                alone[servers[0]] += 1
            if EXAMPLE in servers:
                agrees.update(s for s in servers if s != EXAMPLE)
    return alone, agrees


def json_report(messages, results, differences, compared, skipped, seconds):
    return {
        "seconds": round(seconds, 1),
        "messages": [name for name, _ in messages],
        "sections": SECTIONS,
        "servers": {
            **{s: {"compared": False, "reason": reason} for s, reason in skipped.items()},
            **{s: {"compared": True, "messages": len(r["fields"]), "refused": r["refused"],
                   "unanswered": r["unanswered"], "incidents": r["incidents"],
                   "notes": r["notes"], "quirks": dict(r["quirks"]),
                   "parse_errors": r["parse_errors"]}
               for s, r in results.items()},
        },
        "fields_compared": compared,
        "alone": dict(agreement(differences)[0]),
        "example_agrees_with": dict(agreement(differences)[1]),
        "differences": [
            {"message": d["message"], "field": d["field"], "kind": field_kind(d["field"]),
             "groups": [{"servers": servers, "value": json_value(value)}
                        for value, servers in d["groups"]],
             "example_agrees_with": next(
                 ([s for s in servers if s != EXAMPLE] for _, servers in d["groups"]
                  if EXAMPLE in servers), None)}
            for d in differences],
    }


# ---------------------------------------------------------------------------------------------


def compare_server(name, process, user, quirks, args, messages, work, stoppers):
    """Starts and questions one server, then stops it in a thread of `stoppers` (the next server
    starts meanwhile: a stop may wait seconds for processes to end); returns ("skip" | "fail" |
    "incident", reason) or its result."""
    started = time.monotonic()
    timings = []
    try:
        problem = process.start()
        timings.append(f"start {time.monotonic() - started:.1f} s")
        if problem:
            return problem
        result = {"refused": {}, "incidents": [], "notes": [], "unanswered": [], "fields": {}}
        try:
            connections, answers = run_session(name, process.port, user, messages, result,
                                               process)
        except (Silent, Failure) as e:
            # Before any message was fetched (login, APPEND, SELECT): reported, not compared.
            dead = process.alive()
            return "incident", f"session: {e}" + (f" ({dead})" if dead else "")
        timings.append(f"session {time.monotonic() - started:.1f} s")
    finally:
        stopper = threading.Thread(target=process.stop, name=f"stop {name}")
        stopper.start()
        stoppers.append(stopper)
    parsed, errors, needed = parse_streams(args.imapkit, name, quirks, connections, work)
    result["parse_errors"] = errors
    result["quirks"] = needed
    for file_name, responses in answers.items():
        result["fields"][file_name] = message_fields(
            [parsed[(index, offset)] for offset, _, index in responses
             if (index, offset) in parsed])
    log(f"{name}: {len(answers)} messages fetched, {len(errors)} parse errors "
        f"({', '.join(timings)}, parsed {time.monotonic() - started:.1f} s)")
    return result


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--imapkit", required=True, help="the imapkit CLI (imapkit parse)")
    parser.add_argument("--example-server", help="imapkit_example_server")
    parser.add_argument("--dovecot", help="the dovecot executable (default: found on PATH, "
                                          "/usr/sbin)")
    parser.add_argument("--json", help="write the report as JSON to this file")
    parser.add_argument("--only", help="comma-separated servers to run (default: all)")
    parser.add_argument("--keep", action="store_true", help="keep the work directory")
    args = parser.parse_args()
    args.imapkit = os.path.abspath(args.imapkit)
    exit_on_signals()
    begun = time.monotonic()
    only = set(args.only.split(",")) if args.only else None

    messages = message_bytes()
    work = tempfile.mkdtemp(prefix="imapkit-compare-")
    os.chmod(work, 0o755)  # the servers run as nobody and must reach their directories
    env = dict(os.environ)
    dovecot = args.dovecot or shutil.which("dovecot", path=env.get("PATH", "") +
                                           ":/usr/sbin:/usr/local/sbin")
    if dovecot:
        env["PATH"] = os.path.dirname(dovecot) + os.pathsep + env.get("PATH", "")

    candidates = []
    for name, script, program, user in SCRIPT_SERVERS:
        quirks = server_quirks(name)
        if program is None and not dovecot:
            candidates.append((name, "dovecot is not installed (dovecot-imapd)"))
        elif program and not os.path.exists(os.path.join(SERVERS_PREFIX, program)):
            candidates.append((name, f"not unpacked in {SERVERS_PREFIX} "
                                     "(scripts/install-servers.sh)"))
        elif name == "courier" and os.geteuid() != 0:
            candidates.append((name, "Courier's imaplogin must start as root (courier.sh)"))
        else:
            process = ScriptServer(os.path.join(HERE, script), os.path.join(work, name), env)
            candidates.append((name, (process, user, quirks)))
    if args.example_server and os.path.exists(args.example_server):
        os.makedirs(os.path.join(work, EXAMPLE))
        candidates.append((EXAMPLE, (ExampleProcess(args.example_server,
                                                     os.path.join(work, EXAMPLE)), "imapkit",
                                     None)))
    else:
        candidates.append((EXAMPLE, "no --example-server given"))

    results, skipped, failures, stoppers = {}, {}, [], []
    try:
        for name, what in candidates:
            if only and name not in only:
                continue
            if isinstance(what, str):
                log(f"{name}: skipped: {what}")
                skipped[name] = what
                continue
            process, user, quirks = what
            outcome = compare_server(name, process, user, quirks, args, messages, work,
                                     stoppers)
            if isinstance(outcome, tuple):
                kind, reason = outcome
                log(f"{name}: {dict(skip='skipped', fail='FAILED').get(kind, 'not compared')}: "
                    f"{reason}")
                skipped[name] = reason
                if kind == "fail":
                    failures.append(f"{name}: {reason}")
                continue
            results[name] = outcome
            failures += [f"{name}: does not parse: {e}" for e in outcome["parse_errors"]]

        differences, compared = compare(messages, results)
        print_report(messages, results, differences, compared, skipped)
        seconds = time.monotonic() - begun
        if args.json:
            with open(args.json, "w") as f:
                json.dump(json_report(messages, results, differences, compared, skipped,
                                      seconds), f, indent=1, ensure_ascii=False)
                f.write("\n")
        log(f"\n{len(results)} servers compared in {seconds:.1f} s; "
            f"{len(differences)} differences (findings); {len(failures)} failures")
        for failure in failures:
            print(f"FAIL: {failure}", file=sys.stderr)
        if failures:
            return 1
        return SKIP if len(results) < 2 else 0
    finally:
        for stopper in stoppers:
            stopper.join(START_TIMEOUT + 10)
        if args.keep:
            log(f"work directory kept: {work}")
        else:
            shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    sys.exit(main())
