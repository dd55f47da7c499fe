// The command serializer (src/command/encode_command.cpp, src/search/encode_search.cpp,
// src/fetch/encode_fetch_att.cpp): exact bytes for typical commands, rejection of values their
// slots cannot hold, and the generated round trip parse_client_message(serialize(m)) == m over
// random commands and client lines.
#include <gtest/gtest.h>

#include <chrono>
#include <cstdio>
#include <set>
#include <string>

#include "generate.hpp"
#include "imapkit/framer.hpp"
#include "imapkit/parse.hpp"
#include "imapkit/serialize.hpp"

namespace {

using namespace imapkit;

// Parses a command and writes it again.
std::string reserialize(std::string_view text, arena& mem, const serialize_options& options = {}) {
  auto parsed = parse_command(text, mem);
  EXPECT_TRUE(parsed) << (parsed ? "" : parsed.error().message()) << " in " << text;
  if (!parsed) return {};
  buffer_sink out;
  const serialize_result written = serialize(*parsed, out, options);
  EXPECT_TRUE(written) << written.error().what;
  return std::string(out.bytes());
}

std::string printable(std::string_view s, std::size_t limit = 3000) {
  std::string out;
  for (char c : s.substr(0, limit)) {
    const unsigned char u = static_cast<unsigned char>(c);
    if (c == '\r')
      out += "\\r";
    else if (c == '\n')
      out += "\\n";
    else if (u < 0x20 || u >= 0x7f) {
      char buf[8];
      std::snprintf(buf, sizeof buf, "\\x%02x", u);
      out += buf;
    } else {
      out += c;
    }
  }
  if (s.size() > limit) out += "...";
  return out;
}

TEST(SerializeCommand, UidFetchWithSectionAndPartial) {
  arena mem;
  constexpr std::string_view text =
      "a1 UID FETCH 1:* (FLAGS BODY.PEEK[HEADER.FIELDS (From Subject)]<0.100>)\r\n";
  EXPECT_EQ(reserialize(text, mem), text);
}

TEST(SerializeCommand, SearchWithCrlfAndQuotesGoesAsLiteral) {
  arena mem;
  search_key subject;
  subject.kind = search_key_kind::subject;
  const std::string value = "say \"hi\"\r\nbye";
  subject.arg = search_astring{imapkit::string::quoted(value)};
  search_command s;
  s.program.keys.push_back(mem, subject);
  const command c{"a2", s};
  const std::string head = "a2 SEARCH SUBJECT {" + std::to_string(value.size());

  buffer_sink out;
  EXPECT_TRUE(serialize(c, out));
  EXPECT_EQ(out.bytes(), head + "}\r\n" + value + "\r\n");
  ASSERT_EQ(out.fragments().size(), 2u);
  EXPECT_EQ(out.fragments()[0], head + "}\r\n");
  EXPECT_EQ(out.fragments()[1], value + "\r\n");

  serialize_options plus;
  plus.literal_plus = true;
  buffer_sink out_plus;
  EXPECT_TRUE(serialize(c, out_plus, plus));
  EXPECT_EQ(out_plus.bytes(), head + "+}\r\n" + value + "\r\n");
  EXPECT_TRUE(out_plus.continuation_points().empty());

  // options.writer is ignored: a command is a client's, its literals wait for "+".
  serialize_options server;
  server.writer = serialize_options::role::server;
  buffer_sink out_server;
  EXPECT_TRUE(serialize(c, out_server, server));
  EXPECT_EQ(out_server.continuation_points().size(), 1u);
}

TEST(SerializeCommand, AppendWithFlagsDateAndLiteral) {
  arena mem;
  append_message m;
  m.has_flags = true;
  m.flags.push_back(mem, flag{"\\Seen"});
  m.flags.push_back(mem, flag{"$Forwarded"});
  m.date_time = date_time{{2024, 3, 5}, 14, 7, 9, 60};
  m.data = imapkit::string::literal("Subject: hi\r\n\r\nbody\r\n");
  append_command a;
  a.mailbox = mailbox{imapkit::string::atom("Sent")};
  a.messages.push_back(mem, m);
  buffer_sink out;
  EXPECT_TRUE(serialize(command{"a3", a}, out));
  const std::string first =
      "a3 APPEND Sent (\\Seen $Forwarded) \"05-Mar-2024 14:07:09 +0100\" {21}\r\n";
  EXPECT_EQ(out.bytes(), first + "Subject: hi\r\n\r\nbody\r\n\r\n");
  ASSERT_EQ(out.fragments().size(), 2u);
  EXPECT_EQ(out.fragments()[0], first);

  // MULTIAPPEND, one message with NUL: literal8.
  append_message binary;
  binary.data = imapkit::string::literal8(std::string_view("a\0b", 3));
  a.messages.push_back(mem, binary);
  buffer_sink out2;
  EXPECT_TRUE(serialize(command{"a3", a}, out2));
  EXPECT_EQ(out2.fragments().size(), 3u);
  EXPECT_EQ(out2.fragments()[1], std::string("Subject: hi\r\n\r\nbody\r\n ~{3}\r\n"));
  EXPECT_EQ(out2.fragments()[2], std::string("a\0b\r\n", 5));
}

TEST(SerializeCommand, AppendCatenateWaitsForEachTextLiteral) {
  arena mem;
  append_message m;
  catenate_part url{catenate_part::kind_t::url,
                    imapkit::string::quoted("/Drafts;UIDVALIDITY=385759045/;UID=20")};
  catenate_part text{catenate_part::kind_t::text, imapkit::string::literal("\r\n--x--\r\n")};
  m.catenate.push_back(mem, url);
  m.catenate.push_back(mem, text);
  append_command a;
  a.mailbox = mailbox{imapkit::string::atom("Drafts")};
  a.messages.push_back(mem, m);
  buffer_sink out;
  ASSERT_TRUE(serialize(command{"A003", a}, out));
  const std::string first =
      "A003 APPEND Drafts CATENATE (URL /Drafts;UIDVALIDITY=385759045/;UID=20 TEXT {9}\r\n";
  EXPECT_EQ(out.bytes(), first + "\r\n--x--\r\n)\r\n");
  ASSERT_EQ(out.fragments().size(), 2u);
  EXPECT_EQ(out.fragments()[0], first);

  // Data and parts at once, the UTF8 mark with parts, a NIL part, NUL in a TEXT part: refused.
  append_message both = m;
  both.data = imapkit::string::literal("x");
  append_message utf8_mark = m;
  utf8_mark.utf8 = true;
  append_message nil_part;
  nil_part.catenate.push_back(mem, catenate_part{catenate_part::kind_t::url, {}});
  append_message nul_text;
  nul_text.catenate.push_back(mem,
                              catenate_part{catenate_part::kind_t::text,
                                            imapkit::string::literal(std::string_view("a\0b", 3))});
  for (const append_message& bad : {both, utf8_mark, nil_part, nul_text}) {
    append_command b;
    b.mailbox = a.mailbox;
    b.messages.push_back(mem, bad);
    buffer_sink sink;
    EXPECT_FALSE(serialize(command{"a", b}, sink));
  }
}

TEST(SerializeCommand, LoginPasswordWithQuoteAndBackslash) {
  buffer_sink out;
  const login_command l{imapkit::string::atom("fred"), imapkit::string::atom("pa\"ss\\word")};
  EXPECT_TRUE(serialize(command{"a4", l}, out));
  EXPECT_EQ(out.bytes(), "a4 LOGIN fred \"pa\\\"ss\\\\word\"\r\n");
}

TEST(SerializeCommand, ExactBytesOfTypicalCommands) {
  arena mem;
  for (std::string_view text : {
           "a5 SELECT INBOX (QRESYNC (67890007 20050715194045000 41:211,214:541))\r\n",
           "a5 EXAMINE Archive (CONDSTORE QRESYNC (1 2 1:* (1,3:5 41,43:45)) X-FOO 5)\r\n",
           "a6 LIST (SUBSCRIBED) \"\" (INBOX Drafts%) RETURN (CHILDREN STATUS (MESSAGES "
           "UNSEEN))\r\n",
           "a6 LIST \"\" *\r\n",
           "a7 STORE 1:3 +FLAGS.SILENT (\\Deleted)\r\n",
           "a7 UID STORE 5 (UNCHANGEDSINCE 12) -FLAGS \\Seen $Junk\r\n",
           "a8 ID NIL\r\n",
           "a8 ID (\"name\" \"imapkit\" \"version\" NIL)\r\n",
           "a9 AUTHENTICATE PLAIN dGVzdA==\r\n",
           "a9 AUTHENTICATE PLAIN =\r\n",
           "a9 AUTHENTICATE PLAIN\r\n",
           "b1 UID SEARCH RETURN (MIN COUNT PARTIAL -1:-100) CHARSET UTF-8 OR (FROM x SEEN) NOT "
           "MODSEQ \"/flags/\\\\seen\" ALL 5\r\n",
           "b2 UID SORT (REVERSE DATE X-SCORE) UTF-8 SINCE 1-Feb-2024 X-GM-RAW \"has "
           "attachment\"\r\n",
           "b3 THREAD REFERENCES US-ASCII $\r\n",
           "b4 FETCH 1 (PREVIEW (LAZY) BINARY.PEEK[1.2]<0.10> X-GM-LABELS SNIPPET (LAZY=FUZZY)) "
           "(CHANGEDSINCE 7 VANISHED)\r\n",
           "b5 ESEARCH IN (SUBTREE (a b) PERSONAL (X 1:5)) RETURN () ALL\r\n",
           "b6 GETMETADATA (MAXSIZE 1024 DEPTH INFINITY) INBOX (/shared/comment /private/x)\r\n",
           "b7 CREATE Drafts2 (USE (\\Drafts))\r\n",
           "b8 XLIST a (b \"c d\") NIL\r\n",
       }) {
    EXPECT_EQ(reserialize(text, mem), text);
  }

  buffer_sink out;
  EXPECT_TRUE(serialize(client_message{authenticate_data{"dGVzdA==", false}}, out));
  EXPECT_TRUE(serialize(client_message{authenticate_data{"", true}}, out));
  EXPECT_TRUE(serialize(client_message{authenticate_data{"", false}}, out));
  EXPECT_TRUE(serialize(client_message{idle_done{}}, out));
  EXPECT_EQ(out.bytes(), "dGVzdA==\r\n*\r\n\r\nDONE\r\n");
}

// A rejected value leaves nothing of its message in the sink, and the error names its production.
void expect_rejected(const client_message& m, serialize_errc code, std::string_view what) {
  buffer_sink out;
  const serialize_error e = serialize(m, out).error();
  EXPECT_EQ(e.code, code) << what;
  EXPECT_EQ(e.what, what);
  EXPECT_TRUE(out.bytes().empty()) << printable(out.bytes());
  EXPECT_TRUE(out.continuation_points().empty());
}

TEST(SerializeCommand, InvalidValuesAreRejected) {
  arena mem;
  expect_rejected(command{"a+1", noop_command{}}, serialize_errc::invalid_tag, "tag");

  enable_command enable;
  enable.capabilities.push_back(mem, std::string_view("two words"));
  expect_rejected(command{"a1", enable}, serialize_errc::invalid_atom, "atom");

  store_command store;
  store.program.set.ranges.push_back(mem, seq_range{1, 1});
  store.program.flags.push_back(mem, flag{"a(b"});
  expect_rejected(command{"a1", store}, serialize_errc::invalid_flag, "flag");

  search_key before;
  before.kind = search_key_kind::before;
  before.arg = search_date{date{2023, 2, 30}};
  search_command search;
  search.program.keys.push_back(mem, before);
  expect_rejected(command{"a1", search}, serialize_errc::invalid_date, "date");

  search_key older;
  older.kind = search_key_kind::older;
  older.arg = search_number{0};
  search_command search2;
  search2.program.keys.push_back(mem, older);
  expect_rejected(command{"a1", search2}, serialize_errc::invalid_number, "nz-number");

  // After a literal was written (and a continuation point recorded): all of it is dropped.
  append_command append;
  append.mailbox = mailbox{imapkit::string::atom("INBOX")};
  append_message good;
  good.data = imapkit::string::literal("x");
  append_message bad = good;
  bad.has_flags = true;
  bad.flags.push_back(mem, flag{"\\Seen)"});
  append.messages.push_back(mem, good);
  append.messages.push_back(mem, bad);
  expect_rejected(command{"a1", append}, serialize_errc::invalid_flag, "flag");

  // A generic command named like a known one would come back as that command.
  generic_command fetch_named;
  fetch_named.name = "fetch";
  expect_rejected(command{"a1", fetch_named}, serialize_errc::invalid_value, "x-command");
  expect_rejected(authenticate_data{"abc", false}, serialize_errc::invalid_value, "base64");

  // A search key with an argument of another form than its kind's could not come back equal.
  search_key all;
  all.arg = search_astring{imapkit::string::atom("x")};
  search_command search3;
  search3.program.keys.push_back(mem, all);
  expect_rejected(command{"a1", search3}, serialize_errc::invalid_value, "search-key");
  // ... and so could FROM with a date, OR with one operand, NOT with two, an empty list.
  const auto one_key = [&](search_key_kind kind, search_argument arg) {
    search_command c;
    c.program.keys.push_back(mem, search_key{kind, arg});
    return command{"a1", c};
  };
  expect_rejected(one_key(search_key_kind::from, search_date{date{2024, 1, 1}}),
                  serialize_errc::invalid_value, "search-key");
  search_operands one;
  one.keys.push_back(mem, search_key{});
  search_operands two;
  two.keys.push_back(mem, search_key{});
  two.keys.push_back(mem, search_key{});
  expect_rejected(one_key(search_key_kind::or_, one), serialize_errc::invalid_value, "search-key");
  expect_rejected(one_key(search_key_kind::not_, two), serialize_errc::invalid_value, "search-key");
  expect_rejected(one_key(search_key_kind::list, search_operands{}), serialize_errc::invalid_value,
                  "search-key");
  expect_rejected(one_key(static_cast<search_key_kind>(200), {}), serialize_errc::invalid_value,
                  "search-key");

  // A select-param value that does not start like a tagged-ext-val would be read as a name.
  select_command select;
  select.mailbox = mailbox{imapkit::string::atom("INBOX")};
  tagged_ext_param p;
  p.name = "FOO";
  generic_value v;
  v.kind = generic_value::kind_t::atom;
  v.text = imapkit::string::atom("BAR");
  p.value = v;
  select.other_params.push_back(mem, p);
  expect_rejected(command{"a1", select}, serialize_errc::invalid_value, "tagged-ext-val");
}

TEST(SerializeCommand, ValuesThatWouldBeReadAsSomethingElseAreRejected) {
  arena mem;
  const mailbox inbox{imapkit::string::atom("INBOX")};

  // A parameter without value, then one whose name starts with a digit: read as its value.
  select_command select;
  select.mailbox = inbox;
  select.other_params.push_back(mem, tagged_ext_param{"FOO", std::nullopt});
  select.other_params.push_back(mem, tagged_ext_param{"5X", std::nullopt});
  expect_rejected(command{"a1", select}, serialize_errc::invalid_value, "tagged-ext");

  // A vendor item's argument list outside "(...)" would be read as fetch-modifiers.
  fetch_command fetch;
  fetch.program.set.ranges.push_back(mem, seq_range{1, 1});
  fetch_att snippet;
  snippet.kind = fetch_att_kind::extension;
  snippet.name = "SNIPPET";
  generic_value args;
  args.kind = generic_value::kind_t::list;
  snippet.params = args;
  fetch.program.atts.push_back(mem, snippet);
  expect_rejected(command{"a1", fetch}, serialize_errc::invalid_value, "fetch-att");

  // An extension return option named like a known one.
  search_command search;
  search.program.returns.present = true;
  search_return_opt min;
  min.kind = search_return_opt_kind::extension;
  min.name = "min";
  search.program.returns.options.push_back(mem, min);
  search_key all;
  search.program.keys.push_back(mem, all);
  expect_rejected(command{"a1", search}, serialize_errc::invalid_value, "search-return-opt");

  // Two patterns without parentheses.
  list_command list;
  list.reference = inbox;
  list.patterns.push_back(mem, imapkit::string::atom("a"));
  list.patterns.push_back(mem, imapkit::string::atom("b"));
  expect_rejected(command{"a1", list}, serialize_errc::invalid_value, "mbox-or-pat");

  // uid-set has no "*".
  uid_expunge_command expunge;
  expunge.uids.ranges.push_back(mem, seq_range{1, seq_range::star});
  expect_rejected(command{"a1", expunge}, serialize_errc::invalid_sequence_set, "sequence-set");

  // Quoted-only slots cannot take CR / LF.
  search_key modseq;
  modseq.kind = search_key_kind::modseq;
  modseq.arg = search_modseq{
      1, search_modseq_entry{imapkit::string::quoted("/flags/\r\nx"), modseq_entry_type::all}};
  search_command search2;
  search2.program.keys.push_back(mem, modseq);
  expect_rejected(command{"a1", search2}, serialize_errc::invalid_value, "entry-name");
  search_command search3;
  search3.program.charset = imapkit::string::quoted("utf\n8");
  search3.program.keys.push_back(mem, all);
  expect_rejected(command{"a1", search3}, serialize_errc::invalid_value, "charset");

  // A generic token that starts like a literal.
  generic_command x;
  x.name = "XFOO";
  generic_value literal_like;
  literal_like.kind = generic_value::kind_t::atom;
  literal_like.text = imapkit::string::atom("{5}");
  x.args.push_back(mem, literal_like);
  expect_rejected(command{"a1", x}, serialize_errc::invalid_atom, "value");

  authenticate_command auth;
  auth.mechanism = "PLAIN";
  auth.initial_response = "abc";
  expect_rejected(command{"a1", auth}, serialize_errc::invalid_value, "base64");
}

TEST(SerializeCommand, LiteralMinusOnlyUpTo4096Octets) {
  arena mem;
  append_command append;
  append.mailbox = mailbox{imapkit::string::atom("INBOX")};
  const std::string small(4096, 'x'), big(4097, 'y');
  append_message m;
  m.data = imapkit::string::literal(small);
  append.messages.push_back(mem, m);
  m.data = imapkit::string::literal(big);
  append.messages.push_back(mem, m);
  serialize_options minus;
  minus.literal_minus = true;
  buffer_sink out;
  EXPECT_TRUE(serialize(command{"a1", append}, out, minus));
  EXPECT_NE(out.bytes().find("{4096+}\r\n"), std::string_view::npos);
  EXPECT_NE(out.bytes().find(" {4097}\r\n"), std::string_view::npos);
  EXPECT_EQ(out.fragments().size(), 2u);
}

client_expectation expectation_of(const client_message& m) {
  if (std::holds_alternative<authenticate_data>(m)) return client_expectation::authenticate_data;
  if (std::holds_alternative<idle_done>(m)) return client_expectation::idle_done;
  return client_expectation::command;
}

// Which alternatives the generated values covered: every command body, search key, fetch item,
// modifier and return option must come up in the round trip.
struct coverage {
  std::set<std::size_t> bodies;
  std::set<search_key_kind> keys;
  std::set<fetch_att_kind> atts;
  std::set<fetch_modifier_kind> fetch_modifiers;
  std::set<store_modifier_kind> store_modifiers;
  std::set<search_return_opt_kind> returns;
  std::set<sort_key_kind> sort_keys;
  std::set<int> other;  // 0 authenticate_data, 1 idle_done, 2 macro, 3 uid forms

  void key(const search_key& k) {
    keys.insert(k.kind);
    if (const auto* operands = std::get_if<search_operands>(&k.arg))
      for (const search_key& c : operands->keys) key(c);
  }
  void program(const search_program& p) {
    for (const search_return_opt& o : p.returns.options) returns.insert(o.kind);
    for (const search_key& k : p.keys) key(k);
  }
  void add(const client_message& m) {
    if (std::holds_alternative<authenticate_data>(m)) other.insert(0);
    if (std::holds_alternative<idle_done>(m)) other.insert(1);
    const command* c = std::get_if<command>(&m);
    if (!c) return;
    bodies.insert(c->body.index());
    if (const auto* s = std::get_if<search_command>(&c->body)) program(s->program);
    if (const auto* s = std::get_if<esearch_command>(&c->body)) program(s->program);
    if (const auto* s = std::get_if<sort_command>(&c->body)) {
      for (const sort_criterion& k : s->program.criteria) sort_keys.insert(k.key);
      for (const search_key& k : s->program.keys) key(k);
    }
    if (const auto* f = std::get_if<fetch_command>(&c->body)) {
      if (f->program.macro != fetch_macro::none) other.insert(2);
      if (f->uid) other.insert(3);
      for (const fetch_att& a : f->program.atts) atts.insert(a.kind);
      for (const fetch_modifier& x : f->program.modifiers) fetch_modifiers.insert(x.kind);
    }
    if (const auto* st = std::get_if<store_command>(&c->body))
      for (const store_modifier& x : st->program.modifiers) store_modifiers.insert(x.kind);
  }
  void check() const {
    EXPECT_EQ(bodies.size(), std::variant_size_v<command_body>);
    EXPECT_EQ(keys.size(), static_cast<std::size_t>(search_key_kind::extension) + 1);
    EXPECT_EQ(atts.size(), static_cast<std::size_t>(fetch_att_kind::extension) + 1);
    EXPECT_EQ(fetch_modifiers.size(), 4u);
    EXPECT_EQ(store_modifiers.size(), 2u);
    EXPECT_EQ(returns.size(), static_cast<std::size_t>(search_return_opt_kind::extension) + 1);
    EXPECT_EQ(sort_keys.size(), static_cast<std::size_t>(sort_key_kind::extension) + 1);
    EXPECT_EQ(other.size(), 4u);
  }
};

struct round_trip_stats {
  std::size_t generated = 0;
  std::size_t rejected = 0;
  std::size_t failures = 0;
};

// Generates `count` client messages from seeds [first, first + count), serializes each and parses
// it back. Without invalid values every message must be written; with them, a message is either
// written and parses back equal, or rejected with nothing left in the sink.
round_trip_stats round_trip(std::uint64_t first, std::size_t count, bool invalid,
                            const serialize_options& options, coverage* covered = nullptr,
                            unsigned max_depth = 4, unsigned max_items = 5) {
  round_trip_stats stats;
  generate::options gen_options;
  gen_options.invalid = invalid;
  gen_options.max_depth = max_depth;
  gen_options.max_items = max_items;
  serialize_options plus = options;
  plus.literal_plus = true;
  for (std::uint64_t seed = first; seed < first + count && stats.failures < 10; ++seed) {
    arena mem;
    generate::prng_entropy entropy(seed);
    generate::builder b(entropy, mem, gen_options);
    const client_message m = generate::random_client_message(b);
    ++stats.generated;
    buffer_sink out;
    const serialize_error e = serialize(m, out, options).error();
    if (e.code != serialize_errc::ok) {
      ++stats.rejected;
      if (!invalid) {
        ++stats.failures;
        ADD_FAILURE() << "seed " << seed << ": rejected: " << to_string(e.code) << " in " << e.what;
      }
      if (!out.bytes().empty() || !out.continuation_points().empty()) {
        ++stats.failures;
        ADD_FAILURE() << "seed " << seed << ": rejected but wrote " << printable(out.bytes());
      }
      continue;
    }
    const std::string bytes(out.bytes());
    arena parse_mem;
    auto parsed = parse_client_message(bytes, parse_mem, expectation_of(m));
    if (!parsed || !(*parsed == m)) {
      ++stats.failures;
      ADD_FAILURE() << "seed " << seed << ": "
                    << (parsed ? std::string("parsed to a different value")
                               : parsed.error().message())
                    << "\nbytes: " << printable(bytes);
      continue;
    }
    if (covered) covered->add(m);
    // The framer sees one message, and waits for "+" exactly where the serializer said to.
    framer frame(framer_side::read_commands,
                 framer_limits::whole_messages(framer_side::read_commands));
    std::size_t framed = 0;
    const auto parts = out.fragments();
    for (std::size_t i = 0; i < parts.size(); ++i) {
      frame.feed(parts[i]);
      for (auto ev = frame.next(); ev.kind != framer::status::need_more; ev = frame.next())
        framed += ev.kind == framer::status::message && ev.message.size() == bytes.size() ? 1 : 100;
      if (std::holds_alternative<command>(m) &&
          frame.take_continuation_request() != (i + 1 < parts.size()))
        framed += 100;
    }
    if (framed != 1) {
      ++stats.failures;
      ADD_FAILURE() << "seed " << seed << ": framed wrongly: " << printable(bytes);
    }
    if (!std::holds_alternative<command>(m)) continue;
    const auto fragments = out.fragments();
    for (std::size_t i = 0; i + 1 < fragments.size(); ++i) {
      if (fragments[i].size() < 3 || fragments[i].substr(fragments[i].size() - 3) != "}\r\n") {
        ++stats.failures;
        ADD_FAILURE() << "seed " << seed << ": fragment " << i
                      << " does not end a literal's announcement: " << printable(fragments[i]);
      }
    }
    // LITERAL+: the same bytes but "{N+}", in one fragment.
    if (seed % 4 == 0) {
      buffer_sink out_plus;
      if (!serialize(m, out_plus, plus) || out_plus.fragments().size() != 1) {
        ++stats.failures;
        ADD_FAILURE() << "seed " << seed << ": LITERAL+ output: " << printable(out_plus.bytes());
        continue;
      }
      arena plus_mem;
      auto reparsed = parse_client_message(out_plus.bytes(), plus_mem, expectation_of(m));
      if (!reparsed || !(*reparsed == m)) {
        ++stats.failures;
        ADD_FAILURE() << "seed " << seed << ": LITERAL+ output does not parse back equal: "
                      << printable(out_plus.bytes());
      }
    }
  }
  return stats;
}

void report(const char* name, const round_trip_stats& s,
            std::chrono::steady_clock::time_point start) {
  const auto ms = std::chrono::duration_cast<std::chrono::milliseconds>(
                      std::chrono::steady_clock::now() - start)
                      .count();
  std::printf("[ %s ] %zu generated, %zu rejected, %lld ms\n", name, s.generated, s.rejected,
              static_cast<long long>(ms));
}

TEST(SerializeCommandRoundTrip, GeneratedCommandsParseBackEqual) {
  const auto start = std::chrono::steady_clock::now();
  coverage covered;
  const round_trip_stats s = round_trip(1, 100000, false, {}, &covered);
  report("default options", s, start);
  covered.check();
  EXPECT_EQ(s.failures, 0u);
  EXPECT_EQ(s.rejected, 0u);
}

TEST(SerializeCommandRoundTrip, Utf8AndShortQuotedStrings) {
  const auto start = std::chrono::steady_clock::now();
  serialize_options options;
  options.utf8 = true;
  options.max_quoted_length = 8;
  const round_trip_stats s = round_trip(1000001, 20000, false, options);
  report("utf8, max_quoted_length 8", s, start);
  EXPECT_EQ(s.failures, 0u);
}

TEST(SerializeCommandRoundTrip, DeepAndWideValues) {
  const auto start = std::chrono::steady_clock::now();
  const round_trip_stats s = round_trip(3000001, 5000, false, {}, nullptr, 8, 12);
  report("max_depth 8, max_items 12", s, start);
  EXPECT_EQ(s.failures, 0u);
}

TEST(SerializeCommandRoundTrip, EveryOptionCombination) {
  const auto start = std::chrono::steady_clock::now();
  round_trip_stats total;
  for (unsigned setup = 0; setup < 16; ++setup) {
    serialize_options options;
    options.utf8 = (setup & 1) != 0;
    options.literal_plus = (setup & 2) != 0;
    options.literal_minus = (setup & 4) != 0;
    if (setup & 8) options.max_quoted_length = 8;
    const round_trip_stats s = round_trip(4000001 + setup * 1000, 1000, false, options);
    EXPECT_EQ(s.failures, 0u) << "setup " << setup;
    total.generated += s.generated;
    total.rejected += s.rejected;
  }
  report("utf8 x LITERAL+ x LITERAL- x max_quoted_length", total, start);
}

TEST(SerializeCommandRoundTrip, InvalidValuesAreRejectedOrRoundTrip) {
  const auto start = std::chrono::steady_clock::now();
  const round_trip_stats s = round_trip(2000001, 100000, true, {});
  report("invalid values", s, start);
  EXPECT_EQ(s.failures, 0u);
  EXPECT_GT(s.rejected, 0u);
}

}  // namespace
