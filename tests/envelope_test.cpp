// envelope and address (FETCH ENVELOPE): RFC examples, group syntax, literals, errors, quirks.
#include <gtest/gtest.h>

#include <string>
#include <string_view>

#include "imapkit/parse.hpp"

namespace imapkit {
namespace {

struct envelope_fixture : ::testing::Test {
  arena mem;

  envelope parse_ok(std::string_view text, const parse_options& options = parse_options::strict()) {
    auto r = parse_envelope(text, mem, options);
    EXPECT_TRUE(r.ok()) << text << "\n" << (r.ok() ? "" : r.error().message());
    return r.ok() ? *r : envelope{};
  }
  parse_error parse_fail(std::string_view text,
                         const parse_options& options = parse_options::strict()) {
    auto r = parse_envelope(text, mem, options);
    EXPECT_FALSE(r.ok()) << text;
    return r.ok() ? parse_error{} : r.error();
  }
};

TEST_F(envelope_fixture, rfc3501_sample_session) {
  // RFC 3501 §8 "a003 fetch 12 full" (lines joined as on the wire)
  const auto env = parse_ok(
      R"e(("Wed, 17 Jul 1996 02:23:25 -0700 (PDT)" "IMAP4rev1 WG mtg summary and minutes" (("Terry Gray" NIL "gray" "cac.washington.edu")) (("Terry Gray" NIL "gray" "cac.washington.edu")) (("Terry Gray" NIL "gray" "cac.washington.edu")) ((NIL NIL "imap" "cac.washington.edu")) ((NIL NIL "minutes" "CNRI.Reston.VA.US")("John Klensin" NIL "KLENSIN" "MIT.EDU")) NIL NIL "<B27397-0100000@cac.washington.edu>"))e");
  EXPECT_EQ(env.subject.value, "IMAP4rev1 WG mtg summary and minutes");
  EXPECT_EQ(env.from[0].name.value, "Terry Gray");
  EXPECT_EQ(env.from[0].name.kind, string_kind::quoted);
  EXPECT_EQ(env.to[0].host.value, "cac.washington.edu");
  ASSERT_EQ(env.cc.size(), 2u);
  EXPECT_EQ(env.cc[0].mailbox.value, "minutes");
  EXPECT_EQ(env.cc[1].mailbox.value, "KLENSIN");
  EXPECT_FALSE(env.cc[1].is_group_marker());
  EXPECT_TRUE(env.bcc.empty());
  EXPECT_TRUE(env.in_reply_to.is_nil());
  EXPECT_EQ(env.message_id.value, "<B27397-0100000@cac.washington.edu>");
}

TEST_F(envelope_fixture, all_nil) {
  // imaplib-broad.s2c: a message with only a subject
  const auto env = parse_ok(R"((NIL "only a subject" NIL NIL NIL NIL NIL NIL NIL NIL))");
  EXPECT_TRUE(env.date.is_nil());
  EXPECT_EQ(env.subject.value, "only a subject");
  EXPECT_TRUE(env.from.empty());
  EXPECT_TRUE(env.message_id.is_nil());
}

TEST_F(envelope_fixture, group_syntax) {
  // imaplib-broad.s2c (Dovecot): To: Team A: alice@example.com, bob@example.com;, carol@...
  const auto env = parse_ok(
      R"(("Thu, 30 Dec 2021 21:04:55 -0930" "Group address test 1" (("Group Sender" NIL "groups" "example.com")) NIL NIL ((NIL NIL "Team A" NIL)(NIL NIL "alice" "example.com")(NIL NIL "bob" "example.com")(NIL NIL NIL NIL)("Carol" NIL "carol" "example.com")) NIL NIL NIL NIL))");
  ASSERT_EQ(env.to.size(), 5u);
  EXPECT_TRUE(env.to[0].is_group_start());
  EXPECT_FALSE(env.to[0].is_group_end());
  EXPECT_EQ(env.to[0].mailbox.value, "Team A");
  EXPECT_FALSE(env.to[1].is_group_marker());
  EXPECT_EQ(env.to[2].mailbox.value, "bob");
  EXPECT_TRUE(env.to[3].is_group_end());
  EXPECT_FALSE(env.to[3].is_group_start());
  EXPECT_EQ(env.to[4].name.value, "Carol");
  EXPECT_TRUE(env.sender.empty());
}

TEST_F(envelope_fixture, literals_and_escapes) {
  // Dovecot sends 8-bit and long strings as literals
  const auto env = parse_ok(
      "(\"raw date\" {12}\r\nGr\xc3\xbc\xc3\x9f"
      "e aus "
      " (({5}\r\nJ\xc3\xb6rg NIL \"j\" \"x.org\")) NIL NIL "
      "((\"A \\\"B\\\"\" NIL \"a\" \"b.org\")) NIL NIL \"<r@x>\" \"<m@x>\")");
  EXPECT_EQ(env.subject.kind, string_kind::literal);
  EXPECT_EQ(env.subject.value,
            "Gr\xc3\xbc\xc3\x9f"
            "e aus ");
  ASSERT_EQ(env.from.size(), 1u);
  EXPECT_EQ(env.from[0].name.value, "J\xc3\xb6rg");
  EXPECT_EQ(env.from[0].name.kind, string_kind::literal);
  ASSERT_EQ(env.to.size(), 1u);
  EXPECT_EQ(env.to[0].name.value, "A \"B\"");
  EXPECT_EQ(env.in_reply_to.value, "<r@x>");
}

TEST_F(envelope_fixture, errors) {
  // a missing field
  const auto a = parse_fail(R"(("d" "s" NIL NIL NIL NIL NIL NIL NIL))");
  EXPECT_EQ(a.offset, 36u);
  EXPECT_EQ(a.production, "envelope");
  // an address with three fields
  const auto b = parse_fail(R"(("d" "s" ((NIL "x" "y")) NIL NIL NIL NIL NIL NIL NIL))");
  EXPECT_EQ(b.offset, 22u);
  EXPECT_EQ(b.production, "address");
  // an unbalanced address list
  const auto c = parse_fail(R"(("d" "s" ((NIL NIL "x" "y") NIL NIL NIL NIL NIL NIL NIL NIL))");
  EXPECT_EQ(c.offset, 27u);
  EXPECT_EQ(c.production, "address list");
  // an empty address list is not 1*address
  const auto d = parse_fail(R"(("d" "s" () NIL NIL NIL NIL NIL NIL NIL))");
  EXPECT_EQ(d.offset, 9u);
}

// Lenient mode (docs/quirks.md).
TEST_F(envelope_fixture, quirk_empty_address_list) {
  const std::string_view text = R"(("d" "s" () NIL NIL () NIL NIL NIL NIL))";
  parse_fail(text);
  const auto env = parse_ok(text, parse_options::lenient());
  EXPECT_TRUE(env.from.empty());
  EXPECT_TRUE(env.to.empty());
}

TEST_F(envelope_fixture, quirk_space_between_addresses) {
  const std::string_view text =
      R"(("d" "s" NIL NIL NIL ((NIL NIL "a" "x.org") (NIL NIL "b" "x.org")) NIL NIL NIL NIL))";
  parse_fail(text);
  const auto env = parse_ok(text, parse_options::lenient());
  ASSERT_EQ(env.to.size(), 2u);
  EXPECT_EQ(env.to[1].mailbox.value, "b");
}

}  // namespace
}  // namespace imapkit
