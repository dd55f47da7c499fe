// The lexical grammar (RFC 9051 §9): one test group per rule, valid and invalid inputs, and the
// offset of every failure. This is the one test TU that includes the grammar directly.
#include "lexical/lexical.hpp"

#include <gtest/gtest.h>

#include <string>

#include "lexical/generic.hpp"
#include "x3/run.hpp"

namespace {

using namespace imapkit;
namespace g = imapkit::grammar;

class Lexical : public ::testing::Test {
 protected:
  template <class T, class Rule>
  result<T> parse(const Rule& rule, std::string_view input, parse_mode mode = parse_mode::strict) {
    parse_options options;
    options.quirks = parse_options::of(mode).quirks;
    return g::run<T>(rule, input, mem, options, "test");
  }

  template <class T, class Rule>
  T ok(const Rule& rule, std::string_view input, parse_mode mode = parse_mode::strict) {
    auto r = parse<T>(rule, input, mode);
    EXPECT_TRUE(r.ok()) << "input: " << input << " error: " << (r ? "" : r.error().message());
    return r ? *r : T{};
  }

  // Expects a failure at `offset`.
  template <class T, class Rule>
  parse_error fails(const Rule& rule, std::string_view input, std::size_t offset,
                    parse_mode mode = parse_mode::strict) {
    auto r = parse<T>(rule, input, mode);
    EXPECT_FALSE(r.ok()) << "input: " << input << " unexpectedly parsed";
    if (r) return {};
    EXPECT_EQ(r.error().offset, offset) << "input: " << input << " " << r.error().message();
    return r.error();
  }

  static bool inside(std::string_view part, std::string_view whole) {
    return part.data() >= whole.data() && part.data() + part.size() <= whole.data() + whole.size();
  }

  arena mem;
};

TEST_F(Lexical, Atom) {
  EXPECT_EQ(ok<std::string_view>(g::atom, "FETCH"), "FETCH");
  EXPECT_EQ(ok<std::string_view>(g::atom, "a.b-c+d$e[f"), "a.b-c+d$e[f");
  for (const char* bad : {"", " a", "(", ")", "{", "%", "*", "\"", "\\", "]"})
    fails<std::string_view>(g::atom, bad, 0);
  fails<std::string_view>(g::atom, "ab]", 2);  // "]" is resp-specials, not ATOM-CHAR
  fails<std::string_view>(g::atom, "ab cd", 2);
  fails<std::string_view>(g::atom, "caf\xc3\xa9", 3);  // 8-bit is never an ATOM-CHAR
  fails<std::string_view>(g::atom, "a\x7f", 1);        // CTL
}

TEST_F(Lexical, NumbersHaveTheirRanges) {
  EXPECT_EQ(ok<std::uint32_t>(g::number, "0"), 0u);
  EXPECT_EQ(ok<std::uint32_t>(g::number, "4294967295"), 4294967295u);
  fails<std::uint32_t>(g::number, "4294967296", 0);
  fails<std::uint32_t>(g::number, "-1", 0);
  EXPECT_EQ(ok<std::uint64_t>(g::number64, "9223372036854775807"), 9223372036854775807ull);
  fails<std::uint64_t>(g::number64, "9223372036854775808", 0);
  EXPECT_EQ(ok<std::uint32_t>(g::nz_number, "17"), 17u);
  fails<std::uint32_t>(g::nz_number, "0", 0);
  fails<std::uint32_t>(g::nz_number, "017", 0);  // nz-number = digit-nz *DIGIT
  fails<std::uint32_t>(g::number, "12a", 2);
}

TEST_F(Lexical, QuotedWithoutEscapesIsAViewIntoTheMessage) {
  const std::string_view in = R"("hello world")";
  const imapkit::string s = ok<imapkit::string>(g::quoted, in);
  EXPECT_EQ(s.value, "hello world");
  EXPECT_EQ(s.kind, string_kind::quoted);
  EXPECT_TRUE(inside(s.value, in));
  EXPECT_EQ(ok<imapkit::string>(g::quoted, R"("")").value, "");
}

TEST_F(Lexical, QuotedWithEscapesIsUnescapedIntoTheArena) {
  const std::string_view in = R"("a \"quoted\" back\\slash")";
  const imapkit::string s = ok<imapkit::string>(g::quoted, in);
  EXPECT_EQ(s.value, R"(a "quoted" back\slash)");
  EXPECT_FALSE(inside(s.value, in));
  EXPECT_GT(mem.bytes_used(), 0u);
}

TEST_F(Lexical, QuotedRejectsWhatMustBeALiteral) {
  fails<imapkit::string>(g::quoted, "\"abc", 4);       // unterminated
  fails<imapkit::string>(g::quoted, "\"a\r\nb\"", 2);  // CR
  fails<imapkit::string>(g::quoted, "\"a\\qb\"", 3);   // \q is no quoted-special
  fails<imapkit::string>(g::quoted, "\"a\xff\"", 2);   // not UTF-8
  EXPECT_EQ(ok<imapkit::string>(g::quoted, "\"caf\xc3\xa9\"").value, "caf\xc3\xa9");  // RFC 9051
  // Lenient mode: any 8-bit octet, and a backslash before any TEXT-CHAR.
  EXPECT_EQ(ok<imapkit::string>(g::quoted, "\"a\xff\"", parse_mode::lenient).value, "a\xff");
  EXPECT_EQ(ok<imapkit::string>(g::quoted, "\"a\\qb\"", parse_mode::lenient).value, "aqb");
}

TEST_F(Lexical, LiteralIsAViewOfItsOctets) {
  const std::string_view in = "{12}\r\nhello\r\n{5}\r\n";
  const imapkit::string s = ok<imapkit::string>(g::literal, in);
  EXPECT_EQ(s.kind, string_kind::literal);
  EXPECT_EQ(s.value, "hello\r\n{5}\r\n");
  EXPECT_TRUE(inside(s.value, in));
  EXPECT_EQ(ok<imapkit::string>(g::literal, "{0}\r\n").value, "");
  EXPECT_EQ(ok<imapkit::string>(g::literal, "{3+}\r\nabc").value, "abc");  // LITERAL+
}

TEST_F(Lexical, LiteralErrors) {
  fails<imapkit::string>(g::literal, "{5}\r\nabc", 8);   // shorter than announced
  fails<imapkit::string>(g::literal, "{}\r\n", 1);       // no size
  fails<imapkit::string>(g::literal, "{5\r\nabcde", 2);  // no "}"
  fails<imapkit::string>(g::literal, "{3}abc", 3);       // no CRLF
  fails<imapkit::string>(g::literal, "{3-}\r\nabc", 2);  // "{N-}" is not in the ABNF
  fails<imapkit::string>(g::literal, "{99999999999999999999}\r\n", 1);
  const std::string nul("{3}\r\na\0b", 8);
  fails<imapkit::string>(g::literal, nul, 6);  // CHAR8 excludes NUL
  EXPECT_EQ(ok<imapkit::string>(g::literal, nul, parse_mode::lenient).value.size(), 3u);
}

TEST_F(Lexical, Literal8HoldsNul) {
  const std::string in("~{4}\r\n\0\r\n\xff", 10);
  const imapkit::string s = ok<imapkit::string>(g::literal8, in);
  EXPECT_EQ(s.kind, string_kind::literal8);
  EXPECT_EQ(s.value, std::string_view("\0\r\n\xff", 4));
  fails<imapkit::string>(g::literal8, "{4}\r\nabcd", 0);
}

TEST_F(Lexical, StringNstringAstring) {
  EXPECT_EQ(ok<imapkit::string>(g::string, "\"x\"").kind, string_kind::quoted);
  EXPECT_EQ(ok<imapkit::string>(g::string, "{1}\r\nx").kind, string_kind::literal);
  fails<imapkit::string>(g::string, "atom", 0);

  EXPECT_TRUE(ok<imapkit::string>(g::nstring, "NIL").is_nil());
  EXPECT_TRUE(ok<imapkit::string>(g::nstring, "nil").is_nil());
  EXPECT_EQ(ok<imapkit::string>(g::nstring, "\"NIL\"").value, "NIL");
  EXPECT_FALSE(ok<imapkit::string>(g::nstring, "\"NIL\"").is_nil());
  fails<imapkit::string>(g::nstring, "NILS", 0);

  const imapkit::string a = ok<imapkit::string>(g::astring, "INBOX]x");
  EXPECT_EQ(a.kind, string_kind::atom);
  EXPECT_EQ(a.value, "INBOX]x");  // ASTRING-CHAR includes "]"
  EXPECT_EQ(ok<imapkit::string>(g::astring, "\"a b\"").value, "a b");
  fails<imapkit::string>(g::astring, "a b", 1);
  fails<imapkit::string>(g::astring, "(", 0);
}

TEST_F(Lexical, Tag) {
  EXPECT_EQ(ok<std::string_view>(g::tag, "A001"), "A001");
  EXPECT_EQ(ok<std::string_view>(g::tag, "a]"), "a]");
  fails<std::string_view>(g::tag, "a+1", 1);  // tag = 1*<any ASTRING-CHAR except "+">
  fails<std::string_view>(g::tag, "*", 0);
  fails<std::string_view>(g::tag, "+", 0);
}

TEST_F(Lexical, SequenceSet) {
  const sequence_set s = ok<sequence_set>(g::sequence_set, "1:*,5,7:3,*");
  ASSERT_EQ(s.ranges.size(), 4u);
  EXPECT_EQ(s.ranges[0], (seq_range{1, seq_range::star}));
  EXPECT_EQ(s.ranges[1], (seq_range{5, 5}));
  EXPECT_EQ(s.ranges[2], (seq_range{7, 3}));  // either order, kept as written
  EXPECT_EQ(s.ranges[3], (seq_range{seq_range::star, seq_range::star}));
  EXPECT_FALSE(s.last_command);

  const sequence_set last = ok<sequence_set>(g::sequence_set, "$");
  EXPECT_TRUE(last.last_command);
  EXPECT_TRUE(last.ranges.empty());

  fails<sequence_set>(g::sequence_set, "0", 0);
  fails<sequence_set>(g::sequence_set, "1:x", 1);
  fails<sequence_set>(g::sequence_set, "1,", 1);
  fails<sequence_set>(g::sequence_set, "1,,2", 1);
  fails<sequence_set>(g::sequence_set, "4294967296", 0);

  const sequence_set uids = ok<sequence_set>(g::uid_set, "304,319:320");
  ASSERT_EQ(uids.ranges.size(), 2u);
  EXPECT_EQ(uids.ranges[1], (seq_range{319, 320}));
  fails<sequence_set>(g::uid_set, "1:*", 1);  // uid-set has no "*"
}

TEST_F(Lexical, Flags) {
  EXPECT_EQ(ok<flag>(g::flag, "\\Seen").name, "\\Seen");
  EXPECT_TRUE(ok<flag>(g::flag, "\\Seen").is_system());
  EXPECT_EQ(ok<flag>(g::flag, "$Forwarded").name, "$Forwarded");
  EXPECT_FALSE(ok<flag>(g::flag, "$Forwarded").is_system());
  fails<flag>(g::flag, "\\*", 0);
  EXPECT_EQ(ok<flag>(g::flag_perm, "\\*").name, "\\*");

  const list<flag> flags = ok<list<flag>>(g::flag_list, "(\\Answered \\Flagged $label1 ProjectX)");
  ASSERT_EQ(flags.size(), 4u);
  EXPECT_EQ(flags[2].name, "$label1");
  EXPECT_TRUE(ok<list<flag>>(g::flag_list, "()").empty());
  fails<list<flag>>(g::flag_list, "(\\Seen", 6);
  fails<list<flag>>(g::flag_list, "(\\Seen  \\Draft)", 6);
  // "]" in a keyword: rejected by the ABNF, accepted in lenient mode (docs/quirks.md).
  fails<list<flag>>(g::flag_list, "(foo])", 4);
  EXPECT_EQ(ok<list<flag>>(g::flag_list, "(foo])", parse_mode::lenient)[0].name, "foo]");
}

TEST_F(Lexical, MailboxInboxIsCaseInsensitive) {
  EXPECT_TRUE(ok<mailbox>(g::mailbox, "inbox").is_inbox());
  EXPECT_TRUE(ok<mailbox>(g::mailbox, "\"InBoX\"").is_inbox());
  EXPECT_EQ(ok<mailbox>(g::mailbox, "inbox"), ok<mailbox>(g::mailbox, "INBOX"));
  EXPECT_FALSE(ok<mailbox>(g::mailbox, "INBOX.Sent").is_inbox());
  EXPECT_EQ(ok<mailbox>(g::mailbox, "Entw&APw-rfe").name.value, "Entw&APw-rfe");
  EXPECT_EQ(ok<mailbox>(g::mailbox, "{8}\r\nArchive/").name.value, "Archive/");
}

TEST_F(Lexical, Date) {
  EXPECT_EQ(ok<date>(g::date, "1-Feb-1994"), (date{1994, 2, 1}));
  EXPECT_EQ(ok<date>(g::date, "\"25-dec-2020\""), (date{2020, 12, 25}));
  fails<date>(g::date, "32-Foo-2020", 0);
  fails<date>(g::date, "1-Foo-2020", 0);
  fails<date>(g::date, "0-Jan-2020", 0);
  fails<date>(g::date, "1-Jan-20", 0);
}

TEST_F(Lexical, DateTime) {
  const date_time dt = ok<date_time>(g::date_time, "\"17-Jul-1996 02:44:25 -0700\"");
  EXPECT_EQ(dt.date, (date{1996, 7, 17}));
  EXPECT_EQ(dt.hour, 2);
  EXPECT_EQ(dt.minute, 44);
  EXPECT_EQ(dt.second, 25);
  EXPECT_EQ(dt.zone_minutes, -420);
  EXPECT_EQ(ok<date_time>(g::date_time, "\" 7-Jul-1996 02:44:25 +0130\"").zone_minutes, 90);
  fails<date_time>(g::date_time, "\"7-Jul-1996 02:44:25 +0130\"", 0);   // day must be fixed width
  fails<date_time>(g::date_time, "\"17-Jul-1996 24:00:00 +0000\"", 0);  // hour
  fails<date_time>(g::date_time, "\"17-Jul-1996 02:44:25 +0160\"", 0);  // zone minutes
  fails<date_time>(g::date_time, "\"17-Jul-1996 02:44:25\"", 0);
}

TEST_F(Lexical, Text) {
  EXPECT_EQ(ok<std::string_view>(g::text, "Logged in (0.001 + 0.000 secs)."),
            "Logged in (0.001 + 0.000 secs).");
  EXPECT_EQ(ok<std::string_view>(g::text, "gr\xc3\xbc\xc3\x9f"), "gr\xc3\xbc\xc3\x9f");
  fails<std::string_view>(g::text, "a\xff", 1);
  EXPECT_EQ(ok<std::string_view>(g::text, "a\xff", parse_mode::lenient), "a\xff");
  fails<std::string_view>(g::text, "a\r\n", 1);
}

TEST_F(Lexical, Base64) {
  EXPECT_EQ(ok<std::string_view>(g::base64, "AGxhYnVzZXIAbGFicGFzcw=="),
            "AGxhYnVzZXIAbGFicGFzcw==");
  EXPECT_EQ(ok<std::string_view>(g::base64, ""), "");
  fails<std::string_view>(g::base64, "abc", 0);  // not a multiple of 4
  fails<std::string_view>(g::base64, "ab=c", 0);
}

TEST_F(Lexical, GenericValues) {
  const generic_value v = ok<generic_value>(
      g::generic_value, "(NIL \"a\" {1}\r\nb (x y) BODY[HEADER.FIELDS (A B)]<0>)");
  ASSERT_EQ(v.kind, generic_value::kind_t::list);
  ASSERT_EQ(v.items.size(), 5u);
  EXPECT_EQ(v.items[0].kind, generic_value::kind_t::nil);
  EXPECT_EQ(v.items[1].text.value, "a");
  EXPECT_EQ(v.items[2].text.kind, string_kind::literal);
  EXPECT_EQ(v.items[3].items.size(), 2u);
  EXPECT_EQ(v.items[4].text.value, "BODY[HEADER.FIELDS (A B)]<0>");
  fails<generic_value>(g::generic_value, "(a (b)", 6);
}

TEST_F(Lexical, GenericMessageListsFollowingLists) {
  // THREAD's thread lists follow each other with no SP (RFC 5256; Dovecot, Cyrus, Courier).
  auto r = parse<generic_message>(g::generic_message, "* THREAD (1 2)(3)((4)(5))\r\n");
  ASSERT_TRUE(r.ok()) << r.error().message();
  EXPECT_EQ(r->name, "THREAD");
  ASSERT_EQ(r->args.size(), 3u);
  EXPECT_EQ(r->args[2].items.size(), 2u);
  // Only a list after a list: an atom glued to a list is still refused.
  auto glued = parse<generic_message>(g::generic_message, "* X a(1)\r\n");
  ASSERT_FALSE(glued.ok());
  EXPECT_EQ(glued.error().offset, 5u);
}

TEST_F(Lexical, DepthLimitStopsDeepNestingCleanly) {
  const std::string deep = std::string(10000, '(') + std::string(10000, ')');
  // The 257th "(" has been read when the limit stops the parse.
  const parse_error e = fails<generic_value>(g::generic_value, deep, 257);
  EXPECT_EQ(e.expected, "nesting depth within max_depth");
  EXPECT_EQ(e.kind, parse_errc::depth_limit);
  const std::string fine = std::string(256, '(') + std::string(256, ')');
  EXPECT_EQ(ok<generic_value>(g::generic_value, fine).kind, generic_value::kind_t::list);
}

TEST_F(Lexical, ListItemLimit) {
  parse_options options;
  options.max_list_items = 3;
  auto r = g::run<list<flag>>(g::flag_list, "(a b c d)", mem, options, "test");
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.error().offset, 8u);  // just after the item that went past the limit
  EXPECT_EQ(r.error().expected, "list items within max_list_items");
  EXPECT_EQ(r.error().kind, parse_errc::list_limit);
}

TEST_F(Lexical, ErrorsNameTheProductionAndTheTag) {
  auto r = parse<generic_message>(g::generic_message, "a1 FETCH (FLAGS\r\n");
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.error().offset, 15u);
  EXPECT_EQ(r.error().production, "value");
  EXPECT_EQ(r.error().expected, "')'");
  EXPECT_EQ(r.error().tag, "a1");
  EXPECT_EQ(r.error().kind, parse_errc::syntax);
  EXPECT_EQ(r.error().message(), "offset 15: in value: expected ')'");
}

}  // namespace
