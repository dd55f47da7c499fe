// The response serializer: exact bytes for hand-built responses, rejected values, and the
// generated round trip parse_response(serialize(r)) == r.
#include <gtest/gtest.h>

#include <chrono>
#include <cstdio>
#include <optional>
#include <set>
#include <string>
#include <variant>

#include "generate.hpp"
#include "imapkit/framer.hpp"
#include "imapkit/parse.hpp"
#include "imapkit/serialize.hpp"

namespace {

using namespace imapkit;

// The bytes, printable: CR, LF, NUL and 8-bit escaped; cut after `limit` bytes.
std::string show(std::string_view bytes, std::size_t limit = 3000) {
  std::string out;
  for (std::size_t i = 0; i < bytes.size() && i < limit; ++i) {
    const auto c = static_cast<unsigned char>(bytes[i]);
    if (c == '\r')
      out += "\\r";
    else if (c == '\n')
      out += "\\n";
    else if (c < 0x20 || c >= 0x7f) {
      char buf[8];
      std::snprintf(buf, sizeof buf, "\\x%02x", c);
      out += buf;
    } else
      out += static_cast<char>(c);
  }
  if (bytes.size() > limit) out += "...(" + std::to_string(bytes.size()) + " bytes)";
  return out;
}

std::string write(const response& r, const serialize_options& options = {}) {
  buffer_sink out;
  const serialize_result written = serialize(r, out, options);
  EXPECT_TRUE(written) << to_string(written.error().code) << " in " << written.error().what;
  EXPECT_TRUE(out.continuation_points().empty());  // a server never waits for "+"
  return std::string(out.bytes());
}

// Serializes r, expects it to be rejected with `code` naming `what`, and nothing written.
void expect_rejected(const response& r, serialize_errc code, std::string_view what) {
  buffer_sink out;
  out.write("* OK before\r\n");  // an earlier message stays
  const serialize_error e = serialize(r, out).error();
  EXPECT_EQ(e.code, code) << to_string(e.code) << " in " << e.what;
  EXPECT_EQ(e.what, what);
  EXPECT_EQ(out.bytes(), "* OK before\r\n");
}

// Parses a response the way the round trip does (generate::reading_options).
result<response> reparse(std::string_view bytes, arena& mem, const response&) {
  return parse_response(bytes, mem, generate::reading_options());
}

template <class T>
response untagged_response(T data) {
  return response{untagged{untagged_data{std::move(data)}}};
}

// ---------------------------------------------------------------------------------------------
// Exact bytes

TEST(SerializeResponse, TaggedOkWithCode) {
  resp_text_code code;
  code.kind = resp_code_kind::uidnext;
  code.name = "UidNext";  // the name as written keeps its case
  code.arg = resp_code_number{4392};
  response r{tagged{"a1", resp_cond{status_kind::ok, resp_text{code, "SELECT completed"}}}};
  EXPECT_EQ(write(r), "a1 OK [UidNext 4392] SELECT completed\r\n");

  resp_text_code other;
  other.kind = resp_code_kind::other;
  other.name = "X-FOO";
  other.arg = resp_code_text{"a (b) c"};
  r = response{tagged{"a2", resp_cond{status_kind::no, resp_text{other, ""}}}};
  EXPECT_EQ(write(r), "a2 NO [X-FOO a (b) c] \r\n");

  resp_text_code perm;
  perm.kind = resp_code_kind::permanentflags;
  arena mem;
  auto& perm_flags = perm.arg.emplace<resp_code_flags>().flags;
  perm_flags.push_back(mem, flag{"\\Seen"});
  perm_flags.push_back(mem, flag{"\\*"});
  r = untagged_response(resp_cond{status_kind::ok, resp_text{perm, "Limited"}});
  EXPECT_EQ(write(r), "* OK [PERMANENTFLAGS (\\Seen \\*)] Limited\r\n");

  resp_text_code copy;
  copy.kind = resp_code_kind::copyuid;
  auto& copyuid = copy.arg.emplace<resp_code_copyuid>();
  copyuid.uidvalidity = 38505;
  copyuid.source_uids.ranges.push_back(mem, seq_range{304, 304});
  copyuid.source_uids.ranges.push_back(mem, seq_range{319, 320});
  copyuid.uids.ranges.push_back(mem, seq_range{3956, 3958});
  r = response{tagged{"A003", resp_cond{status_kind::ok, resp_text{copy, "Done"}}}};
  EXPECT_EQ(write(r), "A003 OK [COPYUID 38505 304,319:320 3956:3958] Done\r\n");

  resp_text_code meta;
  meta.kind = resp_code_kind::metadata_longentries;
  meta.name = "metadata";
  meta.arg = resp_code_number{2199};
  r = response{tagged{"a4", resp_cond{status_kind::ok, resp_text{meta, "done"}}}};
  EXPECT_EQ(write(r), "a4 OK [metadata LONGENTRIES 2199] done\r\n");

  r = response{continue_req{resp_text{{}, "aGVsbG8="}, true}};
  EXPECT_EQ(write(r), "+ aGVsbG8=\r\n");
}

// A code whose argument is not in the alternative its row of resp_code_names names could not
// come back equal: refused, nothing written.
TEST(SerializeResponse, CodeArgumentMustMatchItsKind) {
  const auto with_code = [](resp_code_kind kind, resp_code_argument arg) {
    resp_text_code code;
    code.kind = kind;
    code.arg = arg;
    return response{tagged{"a1", resp_cond{status_kind::ok, resp_text{code, "done"}}}};
  };
  // a number on a code without data, and no number on one that needs it
  expect_rejected(with_code(resp_code_kind::alert, resp_code_number{5}),
                  serialize_errc::invalid_value, "resp-text-code");
  expect_rejected(with_code(resp_code_kind::uidnext, {}), serialize_errc::invalid_value,
                  "resp-text-code");
  // BADCHARSET takes resp_code_charsets (possibly empty), not nothing
  expect_rejected(with_code(resp_code_kind::badcharset, {}), serialize_errc::invalid_value,
                  "resp-text-code");
  // a set where COPYUID wants its three parts
  expect_rejected(with_code(resp_code_kind::copyuid, resp_code_set{}),
                  serialize_errc::invalid_value, "resp-text-code");
  // an unknown code's text is 1*TEXT-CHAR: "no text" is std::monostate
  resp_text_code unknown;
  unknown.kind = resp_code_kind::other;
  unknown.name = "X-FOO";
  unknown.arg = resp_code_text{""};
  expect_rejected(response{tagged{"a1", resp_cond{status_kind::ok, resp_text{unknown, "x"}}}},
                  serialize_errc::invalid_value, "resp-text-code");
  // a kind outside the enum
  expect_rejected(with_code(static_cast<resp_code_kind>(200), {}), serialize_errc::invalid_value,
                  "resp-text-code");
  // the matching alternatives are written
  EXPECT_EQ(write(with_code(resp_code_kind::badcharset, resp_code_charsets{})),
            "a1 OK [BADCHARSET] done\r\n");
  unknown.arg = {};
  EXPECT_EQ(write(response{tagged{"a1", resp_cond{status_kind::ok, resp_text{unknown, "x"}}}}),
            "a1 OK [X-FOO] x\r\n");
}

TEST(SerializeResponse, UnknownCodeNamedLikeAKnownOne) {
  // An unknown code is written only when it reads back unknown: "[UIDNEXT]" and "[UIDNEXT x]"
  // do (a known code without its own arguments is the generic code), "[UIDNEXT 5]" and
  // "[ALERT]" would be read as the known codes.
  const auto with = [](std::string_view name, std::optional<std::string_view> text) {
    resp_text_code c;
    c.kind = resp_code_kind::other;
    c.name = name;
    if (text) c.arg = resp_code_text{*text};
    return response{tagged{"a1", resp_cond{status_kind::ok, resp_text{c, "x"}}}};
  };
  EXPECT_EQ(write(with("UIDNEXT", std::nullopt)), "a1 OK [UIDNEXT] x\r\n");
  EXPECT_EQ(write(with("uidnext", "x y")), "a1 OK [uidnext x y] x\r\n");
  EXPECT_EQ(write(with("COPYUID", "701  ")), "a1 OK [COPYUID 701  ] x\r\n");
  EXPECT_EQ(write(with("ALERT", "now")), "a1 OK [ALERT now] x\r\n");
  expect_rejected(with("UIDNEXT", "5"), serialize_errc::invalid_value, "resp-text-code");
  expect_rejected(with("ALERT", std::nullopt), serialize_errc::invalid_value, "resp-text-code");
  expect_rejected(with("BADCHARSET", std::nullopt), serialize_errc::invalid_value,
                  "resp-text-code");
  // What strict mode reads back: "[HIGHESTMODSEQ 0]" is the generic code there (only lenient
  // mode's quirk takes it as HIGHESTMODSEQ)
  EXPECT_EQ(write(with("HIGHESTMODSEQ", "0")), "a1 OK [HIGHESTMODSEQ 0] x\r\n");
}

TEST(SerializeResponse, FetchFlagsUidBodyLiteral) {
  arena mem;
  fetch_data f;
  f.number = 12;
  fetch_flags flags;
  flags.flags.push_back(mem, flag{"\\Seen"});
  flags.flags.push_back(mem, flag{"$Forwarded"});
  f.attributes.push_back(mem, msg_att{flags});
  f.attributes.push_back(mem, msg_att{fetch_uid{7}});
  fetch_body_section body;
  body.data = imapkit::string::quoted("hello\r\nyou");
  f.attributes.push_back(mem, msg_att{body});
  fetch_body_section part;
  part.section.part.push_back(mem, 1);
  part.section.text = section_text::mime;
  part.origin = 0;
  part.data = imapkit::string::literal("plain");
  f.attributes.push_back(mem, msg_att{part});
  fetch_binary binary;
  binary.data = imapkit::string::quoted(std::string_view("a\0b", 3));
  f.attributes.push_back(mem, msg_att{binary});
  const response r = untagged_response(f);
  const std::string bytes = write(r);
  using namespace std::string_literals;
  EXPECT_EQ(
      bytes,
      "* 12 FETCH (FLAGS (\\Seen $Forwarded) UID 7 BODY[] {10}\r\nhello\r\n"
      "you BODY[1.MIME]<0> {5}\r\nplain BINARY[] ~{3}\r\na\0b)\r\n"s);  // message data: literals
  arena parsed;
  const auto back = parse_response(bytes, parsed, parse_options::strict());
  ASSERT_TRUE(back) << back.error().message();
  EXPECT_EQ(*back, r);
}

TEST(SerializeResponse, BodyStructureMultipartWithExtensions) {
  arena mem;
  using kind_t = body_structure::kind_t;
  body_structure text;
  text.kind = kind_t::text;
  text.media_type = imapkit::string::quoted("TEXT");
  text.media_subtype = imapkit::string::quoted("PLAIN");
  text.fields.params.push_back(
      mem, body_param{imapkit::string::quoted("CHARSET"), imapkit::string::quoted("us-ascii")});
  text.fields.encoding = imapkit::string::quoted("7BIT");
  text.fields.octets = 3;
  text.lines = 1;

  body_structure image;
  image.kind = kind_t::basic;
  image.media_type = imapkit::string::quoted("IMAGE");
  image.media_subtype = imapkit::string::quoted("PNG");
  image.fields.id = imapkit::string::quoted("<id>");
  image.fields.encoding = imapkit::string::quoted("BASE64");
  image.fields.octets = 100;
  image.extension_fields = 4;
  image.disposition.type = imapkit::string::quoted("inline");
  image.language.push_back(mem, imapkit::string::quoted("en"));

  body_structure mixed;
  mixed.kind = kind_t::multipart;
  mixed.parts.push_back(mem, text);
  mixed.parts.push_back(mem, image);
  mixed.media_subtype = imapkit::string::quoted("MIXED");
  mixed.extension_fields = 4;
  mixed.multipart_params.push_back(
      mem, body_param{imapkit::string::quoted("BOUNDARY"), imapkit::string::quoted("xyz")});
  mixed.disposition.type = imapkit::string::quoted("attachment");
  mixed.disposition.params.push_back(
      mem, body_param{imapkit::string::quoted("FILENAME"), imapkit::string::quoted("a \"b\".txt")});
  mixed.language.push_back(mem, imapkit::string::quoted("en"));
  mixed.language.push_back(mem, imapkit::string::quoted("de"));
  mixed.location = imapkit::string::quoted("http://x");
  body_extension five;
  five.kind = body_extension::kind_t::number;
  five.number = 5;
  body_extension nested;
  nested.kind = body_extension::kind_t::list;
  body_extension a;
  a.text = imapkit::string::quoted("a");
  nested.items.push_back(mem, a);
  nested.items.push_back(mem, body_extension{});  // NIL
  mixed.extensions.push_back(mem, five);
  mixed.extensions.push_back(mem, nested);

  fetch_data f;
  f.number = 3;
  f.attributes.push_back(mem, msg_att{fetch_body_structure{mixed, true}});
  const response r = untagged_response(f);
  const std::string bytes = write(r);
  EXPECT_EQ(bytes,
            "* 3 FETCH (BODYSTRUCTURE ((\"TEXT\" \"PLAIN\" (\"CHARSET\" \"us-ascii\") NIL NIL "
            "\"7BIT\" 3 1)(\"IMAGE\" \"PNG\" NIL \"<id>\" NIL \"BASE64\" 100 NIL (\"inline\" NIL) "
            "\"en\" NIL) \"MIXED\" (\"BOUNDARY\" \"xyz\") (\"attachment\" (\"FILENAME\" "
            "\"a \\\"b\\\".txt\")) (\"en\" \"de\") \"http://x\" 5 (\"a\" NIL)))\r\n");
  arena parsed;
  const auto back = parse_response(bytes, parsed, parse_options::strict());
  ASSERT_TRUE(back) << back.error().message();
  EXPECT_EQ(*back, r);

  // A kind that does not match the media type would come back as another kind.
  fetch_data wrong = f;
  wrong.attributes = {};
  body_structure basic_text = text;
  basic_text.kind = kind_t::basic;
  basic_text.lines = 0;
  wrong.attributes.push_back(mem, msg_att{fetch_body_structure{basic_text, false}});
  expect_rejected(untagged_response(wrong), serialize_errc::invalid_value, "body-type-1part");
}

TEST(SerializeResponse, EnvelopeWithHostileSubject) {
  arena mem;
  envelope e;
  e.date = imapkit::string::quoted("Mon, 7 Feb 1994 21:52:25 -0800");
  e.subject = imapkit::string::quoted("Re: \"hi\"\r\nBcc: x");  // CRLF: a literal
  e.from.push_back(
      mem, address{imapkit::string::quoted("Fred \"F\" \\ Foo"), imapkit::string::nil(),
                   imapkit::string::quoted("fred"), imapkit::string::quoted("example.com")});
  // A group: start, a member, end.
  e.to.push_back(mem, address{{}, {}, imapkit::string::quoted("team"), {}});
  e.to.push_back(mem,
                 address{{}, {}, imapkit::string::quoted("a"), imapkit::string::quoted("b.c")});
  e.to.push_back(mem, address{});
  e.message_id = imapkit::string::quoted("<id@x>");
  fetch_data f;
  f.number = 1;
  f.attributes.push_back(mem, msg_att{fetch_envelope{e}});
  const response r = untagged_response(f);
  const std::string bytes = write(r);
  EXPECT_EQ(bytes,
            "* 1 FETCH (ENVELOPE (\"Mon, 7 Feb 1994 21:52:25 -0800\" {16}\r\nRe: \"hi\"\r\nBcc: x "
            "((\"Fred \\\"F\\\" \\\\ Foo\" NIL \"fred\" \"example.com\")) NIL NIL "
            "((NIL NIL \"team\" NIL)(NIL NIL \"a\" \"b.c\")(NIL NIL NIL NIL)) NIL NIL NIL "
            "\"<id@x>\"))\r\n");
  arena parsed;
  const auto back = parse_response(bytes, parsed, parse_options::strict());
  ASSERT_TRUE(back) << back.error().message();
  EXPECT_EQ(*back, r);
}

TEST(SerializeResponse, ListWithBackslashDelimiterAndNonAsciiName) {
  arena mem;
  mailbox_list l;
  l.flags.push_back(mem, flag{"\\HasNoChildren"});
  l.delimiter = '\\';
  l.mailbox.name = imapkit::string::quoted("Caf\xc3\xa9");
  EXPECT_EQ(write(untagged_response(l)),
            "* LIST (\\HasNoChildren) \"\\\\\" {5}\r\nCaf\xc3\xa9\r\n");
  serialize_options utf8;
  utf8.utf8 = true;
  EXPECT_EQ(write(untagged_response(l), utf8),
            "* LIST (\\HasNoChildren) \"\\\\\" \"Caf\xc3\xa9\"\r\n");
  // The modified UTF-7 wire name is an atom.
  std::string wire;
  ASSERT_TRUE(encode_mailbox_name("Caf\xc3\xa9", {}, wire));
  l.mailbox.name = imapkit::string::atom(wire);
  l.lsub = true;
  l.delimiter.reset();
  EXPECT_EQ(write(untagged_response(l)), "* LSUB (\\HasNoChildren) NIL Caf&AOk-\r\n");

  // LIST-EXTENDED: CHILDINFO's typed part must match its value.
  l.lsub = false;
  list_extended_item item;
  item.kind = list_extended_kind::childinfo;
  item.tag = imapkit::string::atom("CHILDINFO");
  item.value.kind = generic_value::kind_t::list;
  generic_value subscribed;
  subscribed.kind = generic_value::kind_t::string;
  subscribed.text = imapkit::string::quoted("SUBSCRIBED");
  item.value.items.push_back(mem, subscribed);
  item.childinfo.push_back(mem, subscribed.text);
  l.extended.push_back(mem, item);
  EXPECT_EQ(write(untagged_response(l)),
            "* LIST (\\HasNoChildren) NIL Caf&AOk- (CHILDINFO (\"SUBSCRIBED\"))\r\n");
  l.extended.mutable_back().childinfo = {};
  expect_rejected(untagged_response(l), serialize_errc::invalid_value, "mbox-list-extended-item");
}

TEST(SerializeResponse, Esearch) {
  arena mem;
  esearch_data d;
  d.correlator = imapkit::string::quoted("a1");
  d.uid = true;
  search_return_data min;
  min.kind = search_return_data_kind::min;
  min.number = 2;
  search_return_data count;
  count.kind = search_return_data_kind::count;
  count.name = "count";
  count.number = 3;
  search_return_data all;
  all.kind = search_return_data_kind::all;
  all.set.ranges.push_back(mem, seq_range{2, 5});
  all.set.ranges.push_back(mem, seq_range{9, 9});
  search_return_data partial;
  partial.kind = search_return_data_kind::partial;
  partial.range = imapkit::partial_range{1, 100, true};
  partial.is_nil = true;
  for (const auto& item : {min, count, all, partial}) d.items.push_back(mem, item);
  EXPECT_EQ(write(untagged_response(d)),
            "* ESEARCH (TAG a1) UID MIN 2 count 3 ALL 2:5,9 PARTIAL (-1:-100 NIL)\r\n");
  // An unknown return item named like a known one would come back as that one.
  search_return_data other;
  other.name = "MAX";
  other.value.kind = generic_value::kind_t::atom;
  other.value.text = imapkit::string::atom("1");
  d.items.push_back(mem, other);
  expect_rejected(untagged_response(d), serialize_errc::invalid_value, "search-return-data");
}

TEST(SerializeResponse, Thread) {
  arena mem;
  // RFC 5256: * THREAD (2)(3 6 (4 23)(44 7 96))
  thread_data d;
  thread_list two;
  two.members.push_back(mem, 2);
  thread_list branch1, branch2, three;
  branch1.members.push_back(mem, 4);
  branch1.members.push_back(mem, 23);
  for (std::uint32_t n : {44u, 7u, 96u}) branch2.members.push_back(mem, n);
  three.members.push_back(mem, 3);
  three.members.push_back(mem, 6);
  three.children.push_back(mem, branch1);
  three.children.push_back(mem, branch2);
  d.threads.push_back(mem, two);
  d.threads.push_back(mem, three);
  thread_list rootless;  // no common parent: ((1)(2))
  thread_list one;
  one.members.push_back(mem, 1);
  rootless.children.push_back(mem, one);
  rootless.children.push_back(mem, two);
  d.threads.push_back(mem, rootless);
  const response r = untagged_response(d);
  EXPECT_EQ(write(r), "* THREAD (2)(3 6 (4 23)(44 7 96))((1)(2))\r\n");
  EXPECT_EQ(write(untagged_response(thread_data{})), "* THREAD\r\n");
  // A single branch is no branch: the parser would read more members.
  thread_list lone;
  lone.members.push_back(mem, 1);
  lone.children.push_back(mem, two);
  thread_data bad;
  bad.threads.push_back(mem, lone);
  expect_rejected(untagged_response(bad), serialize_errc::invalid_value, "thread-list");
}

TEST(SerializeResponse, Status) {
  arena mem;
  status_data d;
  d.mailbox.name = imapkit::string::atom("blurdybloop");
  status_att_val messages{status_att::messages, "messages", 231, {}, false, {}, {}};
  status_att_val uidnext{status_att::uidnext, "", 44292, {}, false, {}, {}};
  status_att_val limit{status_att::appendlimit, "APPENDLIMIT", 0, {}, true, {}, {}};
  status_att_val id{status_att::mailboxid, "MAILBOXID", 0, "F2212ea87-6097", false, {}, {}};
  status_att_val size{
      status_att::deleted_storage, "DELETED-STORAGE", 1ull << 40, {}, false, {}, {}};
  status_att_val other{status_att::other, "X-FOO", 9, {}, false, {}, {}};
  for (const auto& a : {messages, uidnext, limit, id, size, other}) d.attributes.push_back(mem, a);
  EXPECT_EQ(write(untagged_response(d)),
            "* STATUS blurdybloop (messages 231 UIDNEXT 44292 APPENDLIMIT NIL MAILBOXID "
            "(F2212ea87-6097) DELETED-STORAGE 1099511627776 X-FOO 9)\r\n");
  d.attributes.mutable_back().name = "UNSEEN";  // would be read as UNSEEN
  expect_rejected(untagged_response(d), serialize_errc::invalid_value, "status-att-val");
}

TEST(SerializeResponse, Namespace) {
  arena mem;
  namespace_data d;
  d.personal.push_back(mem, namespace_descr{imapkit::string::quoted(""), '/', {}});
  namespace_descr shared{imapkit::string::quoted("Public Folders/"), '/', {}};
  namespace_extension x;
  x.name = imapkit::string::quoted("X-PARAM");
  x.values.push_back(mem, imapkit::string::quoted("FLAG1"));
  x.values.push_back(mem, imapkit::string::quoted("FLAG2"));
  shared.extensions.push_back(mem, x);
  d.shared.push_back(mem, shared);
  EXPECT_EQ(write(untagged_response(d)),
            "* NAMESPACE ((\"\" \"/\")) NIL ((\"Public Folders/\" \"/\" \"X-PARAM\" (\"FLAG1\" "
            "\"FLAG2\")))\r\n");
}

TEST(SerializeResponse, RejectsValuesThatCannotBeWritten) {
  arena mem;
  // A tag with "+".
  expect_rejected(response{tagged{"a+1", resp_cond{status_kind::ok, {}}}},
                  serialize_errc::invalid_tag, "tag");
  // A tagged response must be OK, NO or BAD.
  expect_rejected(response{tagged{"a1", resp_cond{status_kind::bye, {}}}},
                  serialize_errc::invalid_value, "resp-cond-state");
  // Text with CRLF: it would end the line.
  expect_rejected(untagged_response(resp_cond{status_kind::ok, resp_text{{}, "a\r\n* BYE"}}),
                  serialize_errc::invalid_text, "text");
  // Text without a code must not start with "[": it would be read as one.
  expect_rejected(untagged_response(resp_cond{status_kind::ok, resp_text{{}, "[ALERT] hi"}}),
                  serialize_errc::invalid_text, "resp-text");
  // Text ending like a literal announcement: the framer would wait for its bytes.
  expect_rejected(response{tagged{"a1", resp_cond{status_kind::no, resp_text{{}, "size {5}"}}}},
                  serialize_errc::invalid_text, "resp-text");
  // A flag with "(".
  flags_data flags;
  flags.flags.push_back(mem, flag{"a(b"});
  expect_rejected(untagged_response(flags), serialize_errc::invalid_flag, "flag");
  // nz-number 0.
  expect_rejected(untagged_response(expunge_data{0}), serialize_errc::invalid_number, "nz-number");
  fetch_data f;
  f.number = 1;
  f.attributes.push_back(mem, msg_att{fetch_uid{0}});
  expect_rejected(untagged_response(f), serialize_errc::invalid_number, "nz-number");
  // NUL where no literal8 is allowed.
  f.attributes = {};
  f.attributes.push_back(
      mem, msg_att{fetch_preview{imapkit::string::quoted(std::string_view("a\0", 2))}});
  expect_rejected(untagged_response(f), serialize_errc::nul_in_string, "string");
  // An unknown FETCH item named like a known one.
  f.attributes = {};
  f.attributes.push_back(mem, msg_att{fetch_other{"UID", {}}});
  expect_rejected(untagged_response(f), serialize_errc::invalid_value, "msg-att");
  // A continuation whose is_base64 disagrees with its text.
  expect_rejected(response{continue_req{resp_text{{}, "go ahead"}, true}},
                  serialize_errc::invalid_value, "continue-req");
}

// ---------------------------------------------------------------------------------------------
// Generated round trip

struct round_trip_stats {
  std::size_t total = 0;
  std::size_t rejected = 0;
};

// Which variants the round trip went through: the generator must reach every one.
struct coverage {
  std::set<std::size_t> responses, untagged_kinds, msg_atts, codes, status_atts, return_data,
      body_kinds, extension_fields;
  bool group = false;

  void text(const resp_text& t) {
    if (t.code) codes.insert(static_cast<std::size_t>(t.code->kind));
  }
  void env(const envelope& e) {
    for (const address_list* l : {&e.from, &e.sender, &e.reply_to, &e.to, &e.cc, &e.bcc})
      for (const address& a : *l) group = group || a.is_group_start();
  }
  void body(const body_structure& b) {
    body_kinds.insert(static_cast<std::size_t>(b.kind));
    extension_fields.insert(b.extension_fields);
    for (const auto& p : b.parts) body(p);
    for (const auto& e : b.message_envelope) env(e);
  }
  void add(const response& r) {
    responses.insert(r.value.index());
    if (const auto* c = std::get_if<continue_req>(&r.value)) text(c->text);
    if (const auto* t = std::get_if<tagged>(&r.value)) text(t->state.text);
    const auto* u = std::get_if<untagged>(&r.value);
    if (!u) return;
    untagged_kinds.insert(u->data.index());
    if (const auto* c = std::get_if<resp_cond>(&u->data)) text(c->text);
    if (const auto* st = std::get_if<status_data>(&u->data))
      for (const auto& a : st->attributes) status_atts.insert(static_cast<std::size_t>(a.att));
    if (const auto* es = std::get_if<esearch_data>(&u->data))
      for (const auto& d : es->items) return_data.insert(static_cast<std::size_t>(d.kind));
    if (const auto* f = std::get_if<fetch_data>(&u->data))
      for (const auto& a : f->attributes) {
        msg_atts.insert(a.value.index());
        if (const auto* b = a.get<fetch_body_structure>()) body(b->value);
        if (const auto* e = a.get<fetch_envelope>()) env(e->value);
      }
  }
};

// Serializes the response of `seed`; on success the framer must find exactly one message
// spanning the output and parse_response must give the response back. `may_fail` says which
// errors are acceptable (nothing of the message may then be in the sink).
template <class MayFail>
bool round_trip(std::uint64_t seed, const generate::options& gen, const serialize_options& options,
                MayFail&& may_fail, round_trip_stats& stats, coverage* cover = nullptr) {
  generate::prng_entropy rng(seed);
  arena mem;
  generate::builder b(rng, mem, gen);
  const response r = generate::random_response(b);
  ++stats.total;
  buffer_sink out;
  const serialize_error e = serialize(r, out, options).error();
  if (e.code != serialize_errc::ok) {
    ++stats.rejected;
    if (!out.bytes().empty()) {
      ADD_FAILURE() << "seed " << seed << ": rejected (" << to_string(e.code) << " in " << e.what
                    << ") but left bytes: " << show(out.bytes());
      return false;
    }
    if (!may_fail(e)) {
      ADD_FAILURE() << "seed " << seed << ": rejected: " << to_string(e.code) << " in " << e.what;
      return false;
    }
    return true;
  }
  const std::string_view bytes = out.bytes();
  if (!out.continuation_points().empty()) {
    ADD_FAILURE() << "seed " << seed << ": a response waits for \"+\": " << show(bytes);
    return false;
  }
  framer f(framer_side::read_responses, framer_limits::whole_messages(framer_side::read_responses));
  f.feed(bytes);
  const framer::event first = f.next();
  if (first.kind != framer::status::message || first.message.size() != bytes.size() ||
      f.next().kind != framer::status::need_more) {
    ADD_FAILURE() << "seed " << seed << ": the framer does not see one message: " << show(bytes);
    return false;
  }
  arena parsed;
  const auto back = reparse(bytes, parsed, r);
  if (!back) {
    ADD_FAILURE() << "seed " << seed << ": does not parse (" << back.error().message()
                  << "): " << show(bytes);
    return false;
  }
  if (!(*back == r)) {
    ADD_FAILURE() << "seed " << seed << ": parses to something else: " << show(bytes);
    return false;
  }
  if (cover) cover->add(r);
  return true;
}

void report(const char* name, const round_trip_stats& s,
            std::chrono::steady_clock::time_point start) {
  const auto ms = std::chrono::duration_cast<std::chrono::milliseconds>(
                      std::chrono::steady_clock::now() - start)
                      .count();
  std::printf("[ %s ] %zu responses, %zu rejected, %lld ms\n", name, s.total, s.rejected,
              static_cast<long long>(ms));
}

constexpr std::uint64_t seed_base = 0x5e71a112e;

TEST(SerializeResponseRoundTrip, GeneratedResponses) {
  const auto start = std::chrono::steady_clock::now();
  round_trip_stats stats;
  coverage cover;
  std::size_t failures = 0;
  for (std::uint64_t i = 0; i < 100000 && failures < 5; ++i)
    if (!round_trip(
            seed_base + i, {}, {}, [](const serialize_error&) { return false; }, stats, &cover))
      ++failures;
  report("default options", stats, start);
  EXPECT_EQ(stats.rejected, 0u);
  EXPECT_EQ(cover.responses.size(), std::variant_size_v<decltype(response::value)>);
  EXPECT_EQ(cover.untagged_kinds.size(), std::variant_size_v<untagged_data>);
  EXPECT_EQ(cover.msg_atts.size(), std::variant_size_v<msg_att::value_type>);
  EXPECT_EQ(cover.codes.size(), static_cast<std::size_t>(resp_code_kind::other) + 1);
  EXPECT_EQ(cover.status_atts.size(), static_cast<std::size_t>(status_att::other) + 1);
  EXPECT_EQ(cover.return_data.size(), static_cast<std::size_t>(search_return_data_kind::other) + 1);
  EXPECT_EQ(cover.body_kinds.size(), 4u);
  EXPECT_EQ(cover.extension_fields.size(), 5u);
  EXPECT_TRUE(cover.group);
}

TEST(SerializeResponseRoundTrip, Utf8AndShortQuoted) {
  const auto start = std::chrono::steady_clock::now();
  round_trip_stats stats;
  std::size_t failures = 0;
  serialize_options utf8;
  utf8.utf8 = true;
  for (std::uint64_t i = 0; i < 10000 && failures < 5; ++i)
    if (!round_trip(
            seed_base + i, {}, utf8, [](const serialize_error&) { return false; }, stats))
      ++failures;
  report("utf8", stats, start);
  EXPECT_EQ(stats.rejected, 0u);

  // Short quoted strings: everything longer goes as a literal, except where no literal may go
  // (a BADCHARSET charset: atom or quoted), which is quoted whatever its length.
  round_trip_stats short_stats;
  for (std::uint64_t i = 0; i < 10000 && failures < 5; ++i) {
    serialize_options options;
    options.max_quoted_length = i % 5;
    if (!round_trip(
            seed_base + i, {}, options, [](const serialize_error&) { return false; }, short_stats))
      ++failures;
  }
  report("max_quoted_length 0..4", short_stats, start);
  EXPECT_EQ(short_stats.rejected, 0u);
}

TEST(SerializeResponseRoundTrip, InvalidValuesAreRejectedOrRoundTrip) {
  const auto start = std::chrono::steady_clock::now();
  round_trip_stats stats;
  std::size_t failures = 0;
  generate::options gen;
  gen.invalid = true;
  for (std::uint64_t i = 0; i < 100000 && failures < 5; ++i)
    if (!round_trip(
            seed_base + 7000000 + i, gen, {}, [](const serialize_error&) { return true; }, stats))
      ++failures;
  report("invalid values", stats, start);
  EXPECT_GT(stats.rejected, 0u);
}

}  // namespace
