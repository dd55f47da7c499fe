// FETCH and STORE arguments: every client example of the RFCs, each item kind, errors with their
// offsets (including the deliberate errors of imaplib-errors-conn2.c2s).
#include <gtest/gtest.h>

#include <string>

#include "imapkit/parse.hpp"
#include "search_describe.hpp"

namespace {

using namespace imapkit;
using imapkit::test::describe;
using imapkit::test::expect_examples;
using imapkit::test::expect_failures;

const auto fetch = [](std::string_view t, arena& m, const parse_options& o) {
  return parse_fetch_program(t, m, o);
};
const auto store = [](std::string_view t, arena& m, const parse_options& o) {
  return parse_store_program(t, m, o);
};

TEST(FetchRfcExamples, Rfc9051Rfc3501) {
  expect_examples(fetch, {
                             {"9051 6.4.5", "2:4 (FLAGS BODY[HEADER.FIELDS (DATE FROM)])",
                              "2:4 (FLAGS BODY[HEADER.FIELDS (DATE FROM)])"},
                             {"9051 6.4.4.1", "$ (UID INTERNALDATE FLAGS BODY.PEEK[HEADER])",
                              "$ (UID INTERNALDATE FLAGS BODY.PEEK[HEADER])"},
                             {"9051 6.4.9", "4827313:4828442 FLAGS", "4827313:4828442 FLAGS"},
                             {"9051 6.4.6", "4 ALL", "4 ALL"},
                             {"9051 6.4.6", "3 ALL", "3 ALL"},
                             {"9051 8", "12 full", "12 FULL"},
                             {"9051 8", "12 body[header]", "12 BODY[HEADER]"},
                             {"3501 6.4.5", "2:4 (FLAGS BODY[HEADER.FIELDS (DATE FROM)])",
                              "2:4 (FLAGS BODY[HEADER.FIELDS (DATE FROM)])"},
                             {"5182 2.1", "$ (UID INTERNALDATE FLAGS RFC822.HEADER)",
                              "$ (UID INTERNALDATE FLAGS RFC822.HEADER)"},
                         });
}

TEST(FetchRfcExamples, Extensions) {
  expect_examples(fetch,
                  {
                      {"7162 3.1.4", "1:3 (MODSEQ)", "1:3 (MODSEQ)"},
                      {"7162 3.1.4.1", "1:* (FLAGS) (CHANGEDSINCE 12345)",
                       "1:* (FLAGS) mod(CHANGEDSINCE{12345})"},
                      {"7162 3.2.6", "300:500 (FLAGS) (CHANGEDSINCE 12345 VANISHED)",
                       "300:500 (FLAGS) mod(CHANGEDSINCE{12345} VANISHED)"},
                      {"8514 4", "998 (SAVEDATE)", "998 (SAVEDATE)"},
                      {"8970 5", "1 (PREVIEW)", "1 (PREVIEW)"},
                      {"8970 5", "1 (RFC822.SIZE PREVIEW)", "1 (RFC822.SIZE PREVIEW)"},
                      {"8970 5", "1:4 (ENVELOPE PREVIEW (LAZY))", "1:4 (ENVELOPE PREVIEW (LAZY))"},
                      {"8970 5", "3:4 (PREVIEW)", "3:4 (PREVIEW)"},
                      {"8970 5", "$ (UID PREVIEW (LAZY))", "$ (UID PREVIEW (LAZY))"},
                      {"8970 5", "23 (PREVIEW)", "23 (PREVIEW)"},
                      {"8474 5", "1:* (emailid threadid)", "1:* (EMAILID THREADID)"},
                      {"9394 3.2", "25900:26600 (UID FLAGS) (PARTIAL -1:-3)",
                       "25900:26600 (UID FLAGS) mod(PARTIAL{-1:-3})"},
                      {"9394 3.2", "25900:26600 (UID FLAGS) (PARTIAL 1:5)",
                       "25900:26600 (UID FLAGS) mod(PARTIAL{1:5})"},
                      {"9394 3.2", "25900:26600 (UID FLAGS) (PARTIAL -1:-30 CHANGEDSINCE 98305)",
                       "25900:26600 (UID FLAGS) mod(PARTIAL{-1:-30} CHANGEDSINCE{98305})"},
                      {"3516 4.2", "1 (BINARY[1.2]<0.1024> BINARY.PEEK[] BINARY.SIZE[3])",
                       "1 (BINARY[1.2]<0.1024> BINARY.PEEK[] BINARY.SIZE[3])"},
                      {"4466 2.4", "1 FLAGS (X-FOO X-BAR 5 X-BAZ (1 2))",
                       "1 FLAGS mod(ext:X-FOO ext:X-BAR{5} ext:X-BAZ{(1 2)})"},
                  });
}

// Each fetch-att kind once, and the macros.
TEST(FetchItems, EveryItem) {
  expect_examples(
      fetch,
      {
          {"9051", "1 ENVELOPE", "1 ENVELOPE"},
          {"9051", "1 (FLAGS INTERNALDATE RFC822.SIZE UID)",
           "1 (FLAGS INTERNALDATE RFC822.SIZE UID)"},
          {"3501", "1 (RFC822 RFC822.HEADER RFC822.TEXT)", "1 (RFC822 RFC822.HEADER RFC822.TEXT)"},
          {"9051", "1 (BODY BODYSTRUCTURE)", "1 (BODY BODYSTRUCTURE)"},
          {"9051", "1 BODY[]", "1 BODY[]"},
          {"9051", "1 BODY[]<0.1024>", "1 BODY[]<0.1024>"},
          {"9051", "1 BODY.PEEK[TEXT]<100.200>", "1 BODY.PEEK[TEXT]<100.200>"},
          {"9051", "1 BODY[1.2.MIME]", "1 BODY[1.2.MIME]"},
          {"9051", "1 BODY[2.HEADER.FIELDS.NOT (RECEIVED MESSAGE-ID)]",
           "1 BODY[2.HEADER.FIELDS.NOT (RECEIVED MESSAGE-ID)]"},
          {"9051", "1 BODY[HEADER.FIELDS (\"Subject\" {4}\r\nDate)]",
           "1 BODY[HEADER.FIELDS (Subject Date)]"},
          {"9051", "1 BODY[1.2.3.4.5.6.7.8.9.10.11.12.13.14.15.16.17.18.19.20.21]",
           "1 BODY[1.2.3.4.5.6.7.8.9.10.11.12.13.14.15.16.17.18.19.20.21]"},
          {"9051", "1 (BINARY.PEEK[2]<0.65536> BINARY.SIZE[])",
           "1 (BINARY.PEEK[2]<0.65536> BINARY.SIZE[])"},
          {"9051", "5:7 FAST", "5:7 FAST"},
          {"9051", "8:9 all", "8:9 ALL"},
          {"8970", "1 PREVIEW (LAZY)", "1 PREVIEW (LAZY)"},
          {"8970", "1 PREVIEW (CHANGEDSINCE 5)", "1 PREVIEW mod(CHANGEDSINCE{5})"},
          {"Gmail", "1 (X-GM-MSGID X-GM-THRID X-GM-LABELS)",
           "1 (ext:X-GM-MSGID ext:X-GM-THRID ext:X-GM-LABELS)"},
          {"Dovecot", "1:10 (PREVIEW SAVEDATE X-GUID X-MAILBOX)",
           "1:10 (PREVIEW SAVEDATE ext:X-GUID ext:X-MAILBOX)"},
          {"Dovecot", "11:15 (SNIPPET (LAZY=FUZZY))", "11:15 (ext:SNIPPET (LAZY=FUZZY))"},
          {"9051", "1:3 (UID) (CHANGEDSINCE 1)", "1:3 (UID) mod(CHANGEDSINCE{1})"},
          {"9051", "99999 FLAGS", "99999 FLAGS"},
          {"9051", "1 (FLAGS)", "1 (FLAGS)"},
      });
}

TEST(FetchItems, SectionAndPartialValues) {
  arena mem;
  const auto r = parse_fetch_program("7 BODY.PEEK[2.1.HEADER.FIELDS (A B)]<10.20>", mem);
  ASSERT_TRUE(r.ok()) << r.error().message();
  ASSERT_EQ(r->atts.size(), 1u);
  const fetch_att& a = r->atts[0];
  EXPECT_EQ(a.kind, fetch_att_kind::body_section);
  EXPECT_TRUE(a.peek);
  ASSERT_EQ(a.section.part.size(), 2u);
  EXPECT_EQ(a.section.part[0], 2u);
  EXPECT_EQ(a.section.part[1], 1u);
  EXPECT_EQ(a.section.text, section_text::header_fields);
  ASSERT_EQ(a.section.header_fields.size(), 2u);
  EXPECT_EQ(a.section.header_fields[1].value, "B");
  ASSERT_TRUE(a.partial.has_value());
  EXPECT_EQ(a.partial->offset, 10u);
  EXPECT_EQ(a.partial->length, 20u);
  EXPECT_FALSE(r->parenthesized);
}

TEST(StoreRfcExamples, Rfc9051Rfc3501Rfc5182Rfc7162) {
  expect_examples(
      store,
      {
          {"9051 6.4.6", "2:4 +FLAGS (\\Deleted)", "2:4 +FLAGS (\\Deleted)"},
          {"9051 6.4.4.1", "$ +FLAGS.Silent (\\Deleted)", "$ +FLAGS.SILENT (\\Deleted)"},
          {"9051 7.1", "42 FLAGS f1 f2 f3 f4 f5", "42 FLAGS f1 f2 f3 f4 f5"},
          {"9051 8", "12 +flags \\deleted", "12 +FLAGS \\deleted"},
          {"7162 3.1.3", "1:2 (UNCHANGEDSINCE 96) +FLAGS.SILENT \\Seen",
           "1:2 mod(UNCHANGEDSINCE{96}) +FLAGS.SILENT \\Seen"},
          {"7162 3.1.3", "3 +FLAGS.SILENT \\Seen", "3 +FLAGS.SILENT \\Seen"},
          {"7162 3.1.3", "7 +FLAGS.SILENT (\\Deleted)", "7 +FLAGS.SILENT (\\Deleted)"},
          {"7162 3.1.3", "7 -FLAGS.SILENT (\\Answered \\Seen)",
           "7 -FLAGS.SILENT (\\Answered \\Seen)"},
          {"7162 3.1.3", "1:7 (UNCHANGEDSINCE 320172338) +FLAGS (\\SEEN)",
           "1:7 mod(UNCHANGEDSINCE{320172338}) +FLAGS (\\SEEN)"},
          {"7162 3.1.3", "12 (UNCHANGEDSINCE 0) +FLAGS.SILENT ($MDNSent)",
           "12 mod(UNCHANGEDSINCE{0}) +FLAGS.SILENT ($MDNSent)"},
          {"7162 3.1.3", "6,4,8 (UNCHANGEDSINCE 12121230045) +FLAGS.SILENT (\\Deleted)",
           "6,4,8 mod(UNCHANGEDSINCE{12121230045}) +FLAGS.SILENT (\\Deleted)"},
          {"7162 3.1.3", "* (UNCHANGEDSINCE 12121230045) +FLAGS.SILENT (\\Deleted $Processed)",
           "* mod(UNCHANGEDSINCE{12121230045}) +FLAGS.SILENT (\\Deleted $Processed)"},
          {"7162 3.1.3", "100:150 (UNCHANGEDSINCE 212030000000) +FLAGS.SILENT ($Processed)",
           "100:150 mod(UNCHANGEDSINCE{212030000000}) +FLAGS.SILENT ($Processed)"},
          {"7162 3.1.3", "2 (UNCHANGEDSINCE 320172340) +FLAGS (\\Seen)",
           "2 mod(UNCHANGEDSINCE{320172340}) +FLAGS (\\Seen)"},
          {"7162 3.1.3", "50 (UNCHANGEDSINCE 12121230045) -FLAGS.SILENT (\\Deleted)",
           "50 mod(UNCHANGEDSINCE{12121230045}) -FLAGS.SILENT (\\Deleted)"},
          {"7162 3.1.3", "7,5,9 (UNCHANGEDSINCE 320162338) +FLAGS.SILENT (\\Deleted)",
           "7,5,9 mod(UNCHANGEDSINCE{320162338}) +FLAGS.SILENT (\\Deleted)"},
          {"4466 2.5", "1 (X-FOO X-BAR (a b)) FLAGS ()",
           "1 mod(ext:X-FOO ext:X-BAR{(a b)}) FLAGS ()"},
          {"9051", "1 FLAGS ()", "1 FLAGS ()"},
          // imaplib-errors b9: "\Bogus" is a flag-extension, valid syntax; Dovecot refuses it by
          // meaning.
          {"9051", "1 +FLAGS (\\Bogus)", "1 +FLAGS (\\Bogus)"},
      });
}

TEST(FetchErrors, OffsetsAndProductions) {
  expect_failures(fetch,
                  {
                      // imaplib-errors-conn2.c2s b1, b2, b4, b5, b7, b8.
                      {"0 FLAGS", 0, "fetch", "sequence-set"},
                      {"1:x FLAGS", 1, "fetch", "' '"},
                      {"1 (FLAGS", 8, "fetch-att", "')'"},
                      {"1 NOSUCHITEM", 2, "fetch", "fetch-att"},
                      {"1 BODY[HEADER.FIELDS ()]", 22, "header-list", "astring"},
                      {"1 BODY.PEEK[]<10.0>", 17, "partial", "nz-number"},
                      // Spaces and separators.
                      {"1,2, FLAGS", 3, "fetch", "' '"},
                      {"1  FLAGS", 2, "fetch", "fetch-att"},
                      {"1 FLAGS ", 8, "fetch", "fetch-modifiers"},
                      {"1 (FLAGS  UID)", 9, "fetch-att", "fetch-att"},
                      {"1 (FLAGS,UID)", 3, "fetch-att", "fetch-att"},  // "FLAGS," is no item
                      {"1 ()", 3, "fetch-att", "fetch-att"},
                      {"1 FLAGS)", 7, "fetch", "end of message"},
                      {"1FLAGS", 1, "fetch", "' '"},
                      // Sections and partials.
                      {"1 BODY.PEEK", 11, "fetch-att", "section"},
                      {"1 BODY[0]", 7, "section", "']'"},
                      {"1 BODY[1.]", 9, "section-spec", "section-text"},
                      {"1 BODY[MIME]", 7, "section", "']'"},
                      {"1 BODY[]<1>", 10, "partial", "'.'"},
                      {"1 BINARY[HEADER]", 9, "section-binary", "']'"},
                      {"1 BINARY.SIZE[1]<0.5>", 16, "fetch", "end of message"},
                      // 8-bit in an item name.
                      {"1 FL\xc3\x84GS", 2, "fetch", "fetch-att"},
                      // Modifiers.
                      {"1 FLAGS (CHANGEDSINCE 0)", 22, "fetch-modifier", "mod-sequence-value"},
                      {"1 FLAGS (CHANGEDSINCE)", 21, "fetch-modifier", "' '"},
                      {"1 FLAGS ()", 9, "fetch-modifiers", "fetch-modifier"},
                      {"1 FLAGS (PARTIAL 0:5)", 17, "fetch-modifier", "partial-range"},
                  });
}

TEST(StoreErrors, OffsetsAndProductions) {
  expect_failures(store, {
                             // imaplib-errors-conn2.c2s c1.
                             {"1 FLAGZ (\\Seen)", 2, "store", "store-att-flags"},
                             {"0 FLAGS (\\Seen)", 0, "store", "sequence-set"},
                             {"1 +FLAGS", 8, "store-att-flags", "' '"},
                             {"1 +FLAGS (\\Seen", 15, "flag-list", "')'"},
                             {"1 *FLAGS (\\Seen)", 2, "store", "store-att-flags"},
                             {"1 FLAGS.LOUD (\\Seen)", 7, "store-att-flags", "' '"},
                             {"1 (UNCHANGEDSINCE) FLAGS ()", 17, "store-modifier", "' '"},
                             // FLAGS () is read as an RFC 4466 store-modifier with a value; the ")"
                             // is missing at the end.
                             {"1 (UNCHANGEDSINCE 5 FLAGS ()", 28, "store-modifiers", "')'"},
                             {"1 FLAGS (\\Seen) extra", 15, "store", "end of message"},
                             {"1 FLAGS (\\Se\xc3\xa9n)", 12, "flag-list", "')'"},
                         });
}

}  // namespace
