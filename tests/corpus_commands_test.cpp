// Replays the client->server captures (corpus/captures/*.c2s, and the sessions recorded with the
// other servers in their folders): every message of every session parses, AUTHENTICATE
// continuation lines and IDLE's DONE included; the deliberate error session
// (imaplib-errors*.c2s) is checked message by message against what Dovecot answered.
#include <gtest/gtest.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <string>
#include <vector>

#include "capture_files.hpp"
#include "imapkit/framer.hpp"
#include "imapkit/parse.hpp"

namespace {

using namespace imapkit;

std::string read_file(const std::filesystem::path& path) {
  std::ifstream in(path, std::ios::binary);
  return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
}

// What happened to one framed message of a capture.
struct outcome {
  std::string head;    // the message's first line, without CRLF
  bool framed = true;  // false: the framer refused it (a limit)
  bool parsed = false;
  std::string name;              // command name, "<base64>", "<*>" or "DONE"
  bool generic = false;          // parsed as generic_command
  std::size_t error_offset = 0;  // offset in the message, when it did not parse
  std::string error_tag;
  std::string error;
};

std::vector<outcome> replay(const std::string& bytes) {
  std::vector<outcome> out;
  framer frame(framer_side::read_commands,
               framer_limits::whole_messages(framer_side::read_commands));
  arena mem;
  client_expectation expect = client_expectation::command;
  frame.feed(bytes);
  for (;;) {
    const framer::event ev = frame.next();
    if (ev.kind == framer::status::need_more) break;
    outcome o;
    if (ev.kind == framer::status::error) {
      o.framed = false;
      o.error = std::string(ev.error.limit_name());
      out.push_back(o);
      continue;
    }
    o.head = std::string(ev.message.substr(0, std::min(ev.message.find('\r'), std::size_t{60})));
    mem.reset();
    auto r = parse_client_message(ev.message, mem, expect);
    if (r) {
      o.parsed = true;
      expect = next_expectation(*r, expect);
      if (const auto* c = std::get_if<command>(&*r)) {
        o.name = std::string(command_name(*c));
        o.generic = std::holds_alternative<generic_command>(c->body);
      } else if (const auto* d = std::get_if<authenticate_data>(&*r)) {
        o.name = d->cancel ? "<*>" : "<base64>";
      } else {
        o.name = "DONE";
      }
    } else {
      if (expect == client_expectation::authenticate_data) expect = client_expectation::command;
      o.error_offset = r.error().offset;
      o.error_tag = std::string(r.error().tag);
      o.error = r.error().message();
    }
    out.push_back(o);
  }
  return out;
}

std::vector<std::filesystem::path> captures() {
  std::vector<std::filesystem::path> files;
  for (const auto& capture : test::capture_files(".c2s")) files.push_back(capture.path);
  return files;
}

// The malformed commands tests/integration/real_server_session.py sends each server (after the
// tag), which every server answers with BAD (Courier: NO) and the grammar refuses.
bool is_deliberately_malformed(const std::filesystem::path& p, std::string_view head) {
  if (p.parent_path() == test::captures_dir()) return false;  // Dovecot's sessions
  const std::string_view command = head.substr(std::min(head.find(' ') + 1, head.size()));
  return command == "FETCH" || command == "SELECT" || command == "STORE 1 +FLAGS (\\Seen" ||
         command == "LIST \"\"";
}

bool is_error_session(const std::filesystem::path& p) {
  return p.filename().string().rfind("imaplib-errors", 0) == 0;
}

// Messages of the ordinary sessions that are invalid by the ABNF, and rejected on purpose.
struct known_invalid {
  const char* file;
  const char* head;
  std::size_t offset;
  const char* why;
};
const known_invalid invalid_in_sessions[] = {
    {"imaplib-broad.c2s", "DOAO104 FETCH", 13,
     "FETCH without arguments (imaplib-broad's error block; Dovecot: BAD No mailbox selected)"},
    {"imaplib-auth-conn4.c2s", "!!notbase64!!", 0,
     "AUTHENTICATE data that is not base64 (RFC 9051 §6.2.2: the server MUST answer BAD)"},
    {"imaplib-search-sort-thread.c2s", "LONO49 SEARCH CHARSET UTF-8 BODY M\xc3\xbcnchen", 34,
     "8-bit in an atom (Dovecot: BAD 8bit data in atom)"},
};

TEST(CorpusCommands, EveryCaptureParses) {
  std::size_t files = 0, messages = 0, malformed = 0;
  for (const auto& path : captures()) {
    if (is_error_session(path)) continue;
    ++files;
    const std::string name = path.filename().string();
    for (const outcome& o : replay(read_file(path))) {
      ++messages;
      if (o.parsed) {
        EXPECT_FALSE(o.name.empty());
        continue;
      }
      const auto known =
          std::find_if(std::begin(invalid_in_sessions), std::end(invalid_in_sessions),
                       [&](const known_invalid& k) { return name == k.file && o.head == k.head; });
      if (known != std::end(invalid_in_sessions)) {
        EXPECT_EQ(o.error_offset, known->offset) << name << ": " << o.head;
        continue;
      }
      if (is_deliberately_malformed(path, o.head)) {
        ++malformed;
        continue;
      }
      ADD_FAILURE() << name << ": " << o.head << ": " << o.error;
    }
  }
  EXPECT_EQ(files, 26u + 12u);  // Dovecot's, then 4 for each other server
  EXPECT_EQ(messages, 576u + 254u);
  EXPECT_EQ(malformed, 3u * 4u);  // real_server_session.py's 4 malformed commands per server
}

TEST(CorpusCommands, CommandNamesOfTheCaptures) {
  // Every command of the ordinary sessions is known to the grammar except the unknown commands
  // the sessions send on purpose.
  for (const auto& path : captures()) {
    if (is_error_session(path)) continue;
    for (const outcome& o : replay(read_file(path))) {
      if (!o.generic) continue;
      EXPECT_TRUE(o.name == "FOO" || o.name == "CANCELUPDATE" || o.name == "NOSUCHCOMMAND")
          << path.filename() << ": " << o.head;
    }
  }
}

// One message of the deliberate error session: accepted or rejected at an offset, and whether
// Dovecot answered BAD for its syntax (see imaplib-errors-conn2.s2c).
struct expected_outcome {
  const char* head;
  bool accepted;
  std::size_t offset;       // where it is rejected (ignored when accepted)
  bool dovecot_syntax_bad;  // Dovecot answered BAD because of the syntax
};

void check_session(const char* file, const std::vector<expected_outcome>& table) {
  const auto got = replay(read_file(std::filesystem::path(IMAPKIT_CORPUS_DIR) / "captures" / file));
  ASSERT_EQ(got.size(), table.size()) << file;
  for (std::size_t i = 0; i < table.size(); ++i) {
    const expected_outcome& want = table[i];
    const outcome& o = got[i];
    SCOPED_TRACE(std::string(file) + " message " + std::to_string(i) + ": " + want.head);
    if (!o.framed) {
      EXPECT_FALSE(want.accepted);
      EXPECT_EQ(std::string(want.head), "<framer: " + o.error + ">");
      continue;
    }
    EXPECT_EQ(o.head, want.head);
    EXPECT_EQ(o.parsed, want.accepted) << o.error;
    if (want.dovecot_syntax_bad) {
      EXPECT_FALSE(want.accepted) << "Dovecot said BAD for its syntax";
    }
    if (!o.parsed && !want.accepted) {
      EXPECT_EQ(o.error_offset, want.offset) << o.error;
    }
  }
}

TEST(CorpusCommands, ErrorsSession) {
  // Pre-login, Dovecot answers BAD to SELECT and FETCH (state, not syntax) and hangs up at the
  // third bad command.
  check_session("imaplib-errors.c2s", {
                                          {"NBPA0 CAPABILITY", true, 0, false},
                                          {"a1 SELECT INBOX", true, 0, false},
                                          {"a2 FETCH 1 FLAGS", true, 0, false},
                                          {"a3 LOGIN labuser", false, 16, false},
                                      });
}

TEST(CorpusCommands, ErrorsSessionConn2) {
  // The deliberate error session after login. "syntax" marks the commands Dovecot answered BAD
  // for their syntax; all of them are rejected. Some that Dovecot let through are rejected too
  // (strict ABNF: a5, c9, b8, d5, d9); some Dovecot refused for other reasons parse (b3: no
  // message 99999; b9: Dovecot refuses unknown system flags; d6, e3: unknown options, which the
  // ABNF allows; e5, e6: wrong state; z*: unknown commands, kept in generic form).
  check_session(
      "imaplib-errors-conn2.c2s",
      {
          {"NCDD0 CAPABILITY", true, 0, false},
          {"a0 LOGIN \"labuser\" \"wrong\\\"pass\"", true, 0, false},
          {"a4 LOGIN labuser labpass", true, 0, false},
          {"a5 NOOP extra args", false, 7, false},
          {"a6 FETCH 1 FLAGS", true, 0, false},  // BAD: no mailbox selected (state)
          {"a7 SELECT", false, 9, true},
          {"a8 SELECT \"unterminated", false, 23, true},
          {"a9 SELECT INBOX", true, 0, false},
          {"b1 FETCH 0 FLAGS", false, 9, true},
          {"b2 FETCH 1:x FLAGS", false, 10, true},
          {"b3 FETCH 99999 FLAGS", true, 0, false},
          {"b4 FETCH 1 (FLAGS", false, 17, true},
          {"b5 FETCH 1 NOSUCHITEM", false, 11, true},
          {"b6 FETCH 1 BODY[1.2.3.4.5.6.7.8.9.10.11.12.13.14.15.16.17.18", true, 0, false},
          {"b7 FETCH 1 BODY[HEADER.FIELDS ()]", false, 31, true},
          {"b8 FETCH 1 BODY.PEEK[]<10.0>", false, 26, false},
          {"b9 STORE 1 +FLAGS (\\Bogus)", true, 0, false},
          {"c1 STORE 1 FLAGZ (\\Seen)", false, 11, true},
          {"c2 SEARCH BOGUSKEY", false, 10, true},
          {"c3 SEARCH (OR SEEN)", false, 18, true},
          {"c4 SEARCH SINCE 32-Foo-2020", false, 16, true},
          {"c5 UID BOGUS 1", false, 7, true},
          {"c6 COPY 1", false, 9, true},
          {"c7 fetch 1 flags", true, 0, false},
          {"c8  NOOP", false, 3, true},
          {"c9 NOOP ", false, 7, false},
          {"* NOOP", false, 0, true},
          {"+ NOOP", false, 0, true},
          {"d1 SELECT INBOX{3}", false, 15, true},
          {"d2 SEARCH SUBJECT {5}", true, 0, false},
          {"<framer: max_literal_size>", false, 0, false},  // d3 APPEND {99999999999}
          {"d4 SEARCH CHARSET UTF-8 SUBJECT \"\xc3\xbc\"", true, 0, false},
          {"d5 SEARCH SUBJECT \"bad \\q escape\"", false, 24, false},
          {"d6 LIST \"\" \"*\" RETURN (BOGUS)", true, 0, false},
          {"d7 ENABLE BOGUS-EXTENSION", true, 0, false},
          {"d8 GETQUOTAROOT", false, 15, true},
          {"d9 ID (\"name\")", false, 13, false},
          {"e1 ID NIL", true, 0, false},
          {"e2 COMPRESS BOGUS", true, 0, false},
          {"e3 EXAMINE INBOX (BOGUS)", true, 0, false},
          {"e4 FETCH 1:3 (UID) (CHANGEDSINCE 1)", true, 0, false},
          {"e5 STARTTLS", true, 0, false},
          {"e6 AUTHENTICATE PLAIN", true, 0, false},
          {"e7 NOOP", true, 0, false},
          {"<framer: max_line_length>", false, 0, true},  // e8: a 70,000-octet line
          {"e9 NOOP", true, 0, false},
          {"z0 BOGUS0", true, 0, false},
          {"z1 BOGUS1", true, 0, false},
          {"z2 BOGUS2", true, 0, false},
          {"z3 BOGUS3", true, 0, false},
          {"z4 BOGUS4", true, 0, false},
          {"z5 BOGUS5", true, 0, false},
          {"z6 BOGUS6", true, 0, false},
          {"z7 BOGUS7", true, 0, false},
          {"z8 BOGUS8", true, 0, false},
          {"z9 BOGUS9", true, 0, false},
          {"z10 BOGUS10", true, 0, false},
          {"z11 BOGUS11", true, 0, false},
          {"z12 BOGUS12", true, 0, false},
          {"z13 BOGUS13", true, 0, false},
          {"z14 BOGUS14", true, 0, false},
          {"z15 BOGUS15", true, 0, false},
          {"z16 BOGUS16", true, 0, false},
          {"z17 BOGUS17", true, 0, false},
          {"z18 BOGUS18", true, 0, false},
          {"z19 BOGUS19", true, 0, false},
          {"z20 BOGUS20", true, 0, false},
          {"z21 BOGUS21", true, 0, false},
          {"z22 BOGUS22", true, 0, false},
          {"z23 BOGUS23", true, 0, false},
          {"z24 BOGUS24", true, 0, false},
      });
}

}  // namespace
