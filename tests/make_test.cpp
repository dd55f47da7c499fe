// Checked factories (include/imapkit/make.hpp): what could not be sent is refused where it is
// made.
#include "imapkit/make.hpp"

#include <gtest/gtest.h>

namespace {

using namespace imapkit;

TEST(Make, TagRefusesPlusSpaceAndControls) {
  EXPECT_EQ(make_tag("a001"), "a001");
  EXPECT_EQ(make_tag("A.1]"), "A.1]");  // ASTRING-CHAR includes "]"
  EXPECT_FALSE(make_tag(""));
  EXPECT_FALSE(make_tag("a+1"));
  EXPECT_FALSE(make_tag("a 1"));
  EXPECT_FALSE(make_tag("a\r\n"));
  EXPECT_FALSE(make_tag("*"));
  EXPECT_FALSE(make_tag("a{5}"));
}

TEST(Make, AtomRefusesSpecials) {
  EXPECT_EQ(make_atom("X-GM-RAW"), "X-GM-RAW");
  for (std::string_view bad :
       {"", "a b", "a(", "a)", "a{", "a%", "a*", "a\"", "a\\", "a]", "a\x01", "caf\xc3\xa9"})
    EXPECT_FALSE(make_atom(bad)) << bad;
}

TEST(Make, FlagsAndKeywords) {
  EXPECT_EQ(make_flag("\\Seen")->name, "\\Seen");
  EXPECT_EQ(make_flag("$Forwarded")->name, "$Forwarded");
  EXPECT_FALSE(make_flag("\\"));
  EXPECT_FALSE(make_flag("a(b"));
  EXPECT_FALSE(make_flag("\\Seen)"));
  EXPECT_FALSE(make_flag("\\*"));  // only PERMANENTFLAGS may hold \*, and it is not a flag to set
  EXPECT_TRUE(make_keyword("NonJunk"));
  EXPECT_FALSE(make_keyword("\\Seen"));
}

TEST(Make, DatesThatExist) {
  EXPECT_TRUE(make_date(2024, 2, 29));
  EXPECT_FALSE(make_date(2023, 2, 29));
  EXPECT_FALSE(make_date(1900, 2, 29));
  EXPECT_TRUE(make_date(2000, 2, 29));
  EXPECT_FALSE(make_date(2026, 4, 31));
  EXPECT_FALSE(make_date(2026, 13, 1));
  EXPECT_FALSE(make_date(0, 1, 1));
  EXPECT_FALSE(make_date(10000, 1, 1));
  const auto t = make_date_time(2026, 11, 23, 21, 5, 0, -300);
  ASSERT_TRUE(t);
  EXPECT_EQ(t->zone_minutes, -300);
  EXPECT_FALSE(make_date_time(2026, 11, 23, 24, 0, 0, 0));
  EXPECT_FALSE(make_date_time(2026, 11, 23, 0, 60, 0, 0));
  EXPECT_FALSE(make_date_time(2026, 11, 23, 0, 0, 0, 100 * 60));
}

TEST(Make, SequenceSets) {
  arena mem;
  const auto s = make_sequence_set(mem, "1:5,7,10:*");
  ASSERT_TRUE(s);
  ASSERT_EQ(s->ranges.size(), 3u);
  EXPECT_EQ(s->ranges[0], (seq_range{1, 5}));
  EXPECT_EQ(s->ranges[1], (seq_range{7, 7}));
  EXPECT_EQ(s->ranges[2], (seq_range{10, seq_range::star}));
  EXPECT_TRUE(make_sequence_set(mem, "$")->last_command);
  EXPECT_TRUE(make_sequence_set(mem, "4294967295"));
  for (std::string_view bad :
       {"", "0", "1:0", "01", "1,", ",1", "1 2", "4294967296", "1:2:3", "a", "$,1", "-1"})
    EXPECT_FALSE(make_sequence_set(mem, bad)) << bad;
  EXPECT_FALSE(make_sequence_set(mem, "1:*", /*allow_star=*/false));
  EXPECT_TRUE(make_sequence_set(mem, {seq_range{3, 4}}));
  EXPECT_FALSE(make_sequence_set(mem, std::initializer_list<seq_range>{}));
}

TEST(Make, MailboxNamesGoOutInTheirWireForm) {
  arena mem;
  EXPECT_TRUE(make_mailbox(mem, "inbox")->is_inbox());
  EXPECT_EQ(make_mailbox(mem, "inbox")->name.value, "INBOX");
  // RFC 3501 §5.1.3's example: "~peter/mail/日本語/台北"
  EXPECT_EQ(
      make_mailbox(mem, "~peter/mail/\xe6\x97\xa5\xe6\x9c\xac\xe8\xaa\x9e/\xe5\x8f\xb0\xe5\x8c\x97")
          ->name.value,
      "~peter/mail/&ZeVnLIqe-/&U,BTFw-");
  serialize_options utf8;
  utf8.utf8 = true;
  EXPECT_EQ(make_mailbox(mem, "Entw\xc3\xbcrfe", utf8)->name.value, "Entw\xc3\xbcrfe");
  EXPECT_EQ(make_mailbox(mem, "A&B")->name.value, "A&-B");
  EXPECT_FALSE(make_mailbox(mem, "bad\xff"));
  EXPECT_FALSE(make_mailbox(mem, std::string_view("a\0b", 3)));
}

}  // namespace
