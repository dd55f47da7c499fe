// The SEARCH / SORT / THREAD / FETCH / STORE arguments of every command in the real client
// captures (corpus/captures/*.c2s) go through the argument entry points. Everything parses except
// the deliberate syntax errors of imaplib-errors-conn2.c2s, which Dovecot answered with BAD.
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <map>
#include <set>
#include <string>
#include <vector>

#include "imapkit/framer.hpp"
#include "imapkit/parse.hpp"
#include "search_describe.hpp"

namespace {

using namespace imapkit;
using imapkit::test::describe;

struct captured_command {
  std::string file;
  std::string tag;
  std::string name;  // SEARCH / SORT / THREAD / FETCH / STORE (upper case)
  std::string args;  // after "NAME ", without the final CRLF; literals inline
};

bool iequals(std::string_view a, std::string_view b) {
  if (a.size() != b.size()) return false;
  for (std::size_t i = 0; i < a.size(); ++i)
    if (std::toupper(static_cast<unsigned char>(a[i])) !=
        std::toupper(static_cast<unsigned char>(b[i])))
      return false;
  return true;
}

std::vector<captured_command> read_commands() {
  std::vector<captured_command> out;
  const std::filesystem::path dir = std::filesystem::path(IMAPKIT_CORPUS_DIR) / "captures";
  std::vector<std::filesystem::path> files;
  for (const auto& entry : std::filesystem::directory_iterator(dir)) {
    const std::string name = entry.path().filename().string();
    // .raw.c2s is the deflated wire form of imaplib-compress.c2s.
    if (entry.path().extension() == ".c2s" && name.find(".raw.") == std::string::npos)
      files.push_back(entry.path());
  }
  std::sort(files.begin(), files.end());
  for (const auto& path : files) {
    std::ifstream in(path, std::ios::binary);
    const std::string bytes((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
    framer frame(framer_side::read_commands,
                 framer_limits::whole_messages(framer_side::read_commands));
    frame.feed(bytes);
    for (framer::event ev = frame.next(); ev.kind != framer::status::need_more; ev = frame.next()) {
      if (ev.kind != framer::status::message) continue;
      std::string_view m = ev.message;
      if (m.size() >= 2 && m.substr(m.size() - 2) == "\r\n") m.remove_suffix(2);
      const std::size_t tag_end = m.find(' ');
      if (tag_end == std::string_view::npos) continue;
      std::string_view rest = m.substr(tag_end + 1);
      if (rest.size() > 4 && iequals(rest.substr(0, 4), "UID ")) rest.remove_prefix(4);
      const std::size_t name_end = rest.find(' ');
      if (name_end == std::string_view::npos) continue;
      const std::string_view name = rest.substr(0, name_end);
      for (const char* wanted : {"SEARCH", "SORT", "THREAD", "FETCH", "STORE"}) {
        if (iequals(name, wanted)) {
          out.push_back({path.filename().string(), std::string(m.substr(0, tag_end)), wanted,
                         std::string(rest.substr(name_end + 1))});
        }
      }
    }
  }
  return out;
}

// true when the arguments parse; the parsed tree goes to `tree` (describe()).
bool parse_args(const captured_command& c, const parse_options& options, std::string& tree,
                parse_error& error) {
  arena mem;
  const auto run = [&](const auto& r) {
    if (r.ok())
      tree = describe(*r);
    else
      error = r.error();
    return r.ok();
  };
  if (c.name == "SEARCH") return run(parse_search_program(c.args, mem, options));
  if (c.name == "SORT") return run(parse_sort_program(c.args, mem, options));
  if (c.name == "THREAD") return run(parse_thread_program(c.args, mem, options));
  if (c.name == "FETCH") return run(parse_fetch_program(c.args, mem, options));
  return run(parse_store_program(c.args, mem, options));
}

// Dovecot answered these with BAD for their syntax (imaplib-errors-conn2.s2c): rejected in both
// modes, at the offset (within the arguments) where the syntax goes wrong.
const std::map<std::string, std::size_t> syntax_errors = {
    {"b1", 0},   // FETCH 0 FLAGS: 0 is no seq-number
    {"b2", 1},   // FETCH 1:x FLAGS
    {"b4", 8},   // FETCH 1 (FLAGS   -- no ")"
    {"b5", 2},   // FETCH 1 NOSUCHITEM
    {"b7", 22},  // FETCH 1 BODY[HEADER.FIELDS ()]
    {"c1", 2},   // STORE 1 FLAGZ (\Seen)
    {"c2", 0},   // SEARCH BOGUSKEY
    {"c3", 8},   // SEARCH (OR SEEN)
    {"c4", 6},   // SEARCH SINCE 32-Foo-2020
    // Dovecot answered OK, but the ABNF's partial length is nz-number: BODY.PEEK[]<10.0>.
    {"b8", 17},
};

// Off the ABNF but answered OK by Dovecot: rejected in strict mode, accepted in lenient mode
// (docs/quirks.md).
const std::set<std::string> lenient_only = {
    "imaplib-search-sort-thread.c2s LONO49",  // SEARCH CHARSET UTF-8 BODY München (8-bit atom)
    "imaplib-errors-conn2.c2s d5",            // SEARCH SUBJECT "bad \q escape"
};

TEST(SearchCorpus, EveryCapturedArgumentParses) {
  const std::vector<captured_command> commands = read_commands();
  std::map<std::string, int> per_command;
  int strict_ok = 0;
  for (const captured_command& c : commands) {
    const std::string id = c.file + " " + c.tag;
    SCOPED_TRACE(id + " " + c.name + " " + c.args.substr(0, 200));
    std::string tree;
    parse_error error;
    const bool is_syntax_error =
        c.file == "imaplib-errors-conn2.c2s" && syntax_errors.count(c.tag) != 0;
    const bool strict = parse_args(c, parse_options::strict(), tree, error);
    const bool lenient = parse_args(c, parse_options::lenient(), tree, error);
    if (is_syntax_error) {
      EXPECT_FALSE(strict) << tree;
      EXPECT_FALSE(lenient) << tree;
      EXPECT_EQ(error.offset, syntax_errors.at(c.tag)) << error.message();
    } else if (lenient_only.count(id) != 0) {
      EXPECT_FALSE(parse_args(c, parse_options::strict(), tree, error));
      EXPECT_TRUE(lenient) << error.message();
    } else {
      EXPECT_TRUE(strict) << error.message();
      EXPECT_TRUE(lenient) << error.message();
      strict_ok += strict ? 1 : 0;
    }
    ++per_command[c.name];
  }
  // The captures hold this many of each (counted with grep on the command lines; a change means
  // the extraction broke).
  EXPECT_EQ(per_command["SEARCH"], 98);
  EXPECT_EQ(per_command["SORT"], 20);
  EXPECT_EQ(per_command["THREAD"], 12);
  EXPECT_EQ(per_command["FETCH"], 107);
  EXPECT_EQ(per_command["STORE"], 18);
  EXPECT_EQ(strict_ok, 98 + 20 + 12 + 107 + 18 - 10 - 2);
}

// A few captured commands with their whole parsed value.
TEST(SearchCorpus, CapturedValues) {
  const std::map<std::string, std::string> expected = {
      {"imaplib-broad.c2s DOAO57",
       "(OR((FROM{bob}) (TO{bob}))) (OR(KEYWORD{$Forwarded} UNKEYWORD{$label1}))"},
      {"imaplib-broad.c2s DOAO59", "RETURN(MIN MAX COUNT ALL) SINCE{2020-01-01}"},
      {"imaplib-broad.c2s DOAO65", "RETURN(COUNT MIN MAX) (ARRIVAL) UTF-8 ALL"},
      {"imaplib-broad.c2s DOAO68", "other:REFS UTF-8 SUBJECT{Thread}"},
      {"imaplib-broad.c2s DOAO74", "6:7 mod(UNCHANGEDSINCE{999999}) +FLAGS.SILENT (\\Answered)"},
      {"imaplib-broad.c2s DOAO40",
       "5 (BODY.PEEK[]<0.1024> BODY.PEEK[TEXT]<100.200> BINARY.SIZE[2] BINARY.PEEK[2] "
       "BODY.PEEK[2]<0.100>)"},
      {"imaplib-broad.c2s DOAO55",
       "CHARSET{UTF-8} SUBJECT{Gr\xc3\xbc\xc3\x9f"
       "e}"},
      {"imaplib-search-sort-thread.c2s LONO45", "MODSEQ{/flags/\\seen all 1}"},
      {"imaplib-search-sort-thread.c2s LONO72", "RETURN(PARTIAL{1:10}) ALL"},
      {"imaplib-search-sort-thread.c2s LONO86", "(SIZE REVERSE DATE) UTF-8 ALL"},
      {"imaplib-search-sort-thread.c2s LONO89", "(ext:X-SCORE) UTF-8 ALL"},
      {"mutt-browse.c2s a0047", "164 +FLAGS.SILENT (\\Flagged)"},
      {"perl-imapclient.c2s 11", "1:41 BODY.PEEK[HEADER.FIELDS (Subject From Date)]"},
  };
  std::set<std::string> seen;
  for (const captured_command& c : read_commands()) {
    const std::string id = c.file + " " + c.tag;
    const auto it = expected.find(id);
    if (it == expected.end()) continue;
    SCOPED_TRACE(id);
    std::string tree;
    parse_error error;
    ASSERT_TRUE(parse_args(c, parse_options::strict(), tree, error)) << error.message();
    EXPECT_EQ(tree, it->second);
    seen.insert(id);
  }
  EXPECT_EQ(seen.size(), expected.size());
}

}  // namespace
