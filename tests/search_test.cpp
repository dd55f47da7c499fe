// SEARCH, SORT and THREAD arguments: every client example of the RFCs, the keys one by one,
// errors with their offsets, and the nesting limit.
#include <gtest/gtest.h>

#include <string>

#include "imapkit/parse.hpp"
#include "search_describe.hpp"

namespace {

using namespace imapkit;
using imapkit::test::describe;
using imapkit::test::expect_examples;
using imapkit::test::expect_failures;

const auto search = [](std::string_view t, arena& m, const parse_options& o) {
  return parse_search_program(t, m, o);
};
const auto sort = [](std::string_view t, arena& m, const parse_options& o) {
  return parse_sort_program(t, m, o);
};
const auto thread = [](std::string_view t, arena& m, const parse_options& o) {
  return parse_thread_program(t, m, o);
};
const auto key = [](std::string_view t, arena& m, const parse_options& o) {
  return parse_search_key(t, m, o);
};

TEST(SearchRfcExamples, Rfc9051) {
  expect_examples(
      search,
      {
          {"9051 6.4.4", "TEXT \"string not in mailbox\"", "TEXT{string not in mailbox}"},
          {"9051 6.4.4",
           "CHARSET UTF-8 TEXT {12}\r\n\xd0\xbe\xd1\x82\xd0\xbf\xd1\x83\xd1\x81\xd0\xba",
           "CHARSET{UTF-8} TEXT{\xd0\xbe\xd1\x82\xd0\xbf\xd1\x83\xd1\x81\xd0\xba}"},
          {"9051 6.4.4", "RETURN (MIN COUNT) FLAGGED", "RETURN(MIN COUNT) FLAGGED"},
          {"9051 6.4.4", "RETURN (SAVE) FLAGGED SINCE 1-Feb-1994",
           "RETURN(SAVE) FLAGGED SINCE{1994-02-01}"},
          {"9051 6.4.4", "RETURN () FLAGGED", "RETURN() FLAGGED"},
          {"9051 6.4.4", "RETURN (MIN) UNSEEN", "RETURN(MIN) UNSEEN"},
          {"9051 6.4.4", "RETURN (MIN MAX) 1:5000", "RETURN(MIN MAX) SET{1:5000}"},
          {"9051 6.4.4", "RETURN (COUNT) DELETED", "RETURN(COUNT) DELETED"},
          {"9051 6.4.4.1", "RETURN (SAVE) SINCE 1-Jan-2004", "RETURN(SAVE) SINCE{2004-01-01}"},
          {"9051 6.4.4.1", "$ SMALLER 4096", "SET{$} SMALLER{4096}"},
          {"9051 6.4.4.1", "UID $ SMALLER 4096", "UID{$} SMALLER{4096}"},
          {"9051 6.4.4.2", "RETURN (SAVE) CHARSET KOI8-R (OR $ 1,3000:3021) TEXT {4}\r\nXXXX",
           "RETURN(SAVE) CHARSET{KOI8-R} (OR(SET{$} SET{1,3000:3021})) TEXT{XXXX}"},
          {"9051 6.4.4.2",
           "CHARSET UTF-8 (OR $ 1,3000:3021) TEXT {8+}\r\n\xd0\xbc\xd0\xb0\xd1\x82\xd1\x8c",
           "CHARSET{UTF-8} (OR(SET{$} SET{1,3000:3021})) TEXT{\xd0\xbc\xd0\xb0\xd1\x82\xd1\x8c}"},
          {"9051 6.4.4.2", "RETURN (ALL) SINCE 12-Feb-2006", "RETURN(ALL) SINCE{2006-02-12}"},
          {"9051 6.4.4.2", "RETURN (ALL SAVE) SINCE 12-Feb-2006",
           "RETURN(ALL SAVE) SINCE{2006-02-12}"},
          {"9051 6.4.4.2", "RETURN (SAVE MIN) SINCE 12-Feb-2006",
           "RETURN(SAVE MIN) SINCE{2006-02-12}"},
          {"9051 6.4.4.2", "RETURN (MAX SAVE MIN) SINCE 12-Feb-2006 NOT FROM \"Smith\"",
           "RETURN(MAX SAVE MIN) SINCE{2006-02-12} NOT(FROM{Smith})"},
          {"9051 6.4.4.2", "RETURN (MAX SAVE MIN COUNT) SINCE 12-Feb-2006 NOT FROM \"Smith\"",
           "RETURN(MAX SAVE MIN COUNT) SINCE{2006-02-12} NOT(FROM{Smith})"},
          {"9051 6.4.4.2", "RETURN (ALL SAVE MIN) SINCE 12-Feb-2006 NOT FROM \"Smith\"",
           "RETURN(ALL SAVE MIN) SINCE{2006-02-12} NOT(FROM{Smith})"},
          {"9051 6.4.4.2", "RETURN (SAVE) SINCE 28-Oct-2006", "RETURN(SAVE) SINCE{2006-10-28}"},
          {"9051 6.4.4.2", "RETURN (SAVE) KEYWORD $Junk", "RETURN(SAVE) KEYWORD{$Junk}"},
          {"9051 6.4.4.2", "RETURN (ALL) SINCE 28-Oct-2006", "RETURN(ALL) SINCE{2006-10-28}"},
          {"9051 7.1", "from maria@example.com", "FROM{maria@example.com}"},
      });
}

TEST(SearchRfcExamples, Rfc3501) {
  expect_examples(
      search, {
                  {"3501 6.4.4", "FLAGGED SINCE 1-Feb-1994 NOT FROM \"Smith\"",
                   "FLAGGED SINCE{1994-02-01} NOT(FROM{Smith})"},
                  {"3501 6.4.4", "TEXT \"string not in mailbox\"", "TEXT{string not in mailbox}"},
                  {"3501 6.4.4", "CHARSET UTF-8 TEXT {6}\r\nXXXXXX", "CHARSET{UTF-8} TEXT{XXXXXX}"},
              });
}

TEST(SearchRfcExamples, Rfc4731Rfc7162Modseq) {
  expect_examples(
      search,
      {
          {"4731 3.1", "RETURN (MIN) MODSEQ \"/flags/\\\\draft\" all 620162338",
           "RETURN(MIN) MODSEQ{/flags/\\draft all 620162338}"},
          {"4731 3.1", "RETURN (MAX) MODSEQ \"/flags/\\\\draft\" all 620162338",
           "RETURN(MAX) MODSEQ{/flags/\\draft all 620162338}"},
          {"4731 3.1", "RETURN (MIN MAX) MODSEQ \"/flags/\\\\draft\" all 620162338",
           "RETURN(MIN MAX) MODSEQ{/flags/\\draft all 620162338}"},
          {"4731 3.1", "RETURN (MIN COUNT) MODSEQ \"/flags/\\\\draft\" all 620162338",
           "RETURN(MIN COUNT) MODSEQ{/flags/\\draft all 620162338}"},
          {"7162 3.1.5", "MODSEQ \"/flags/\\\\draft\" all 620162338",
           "MODSEQ{/flags/\\draft all 620162338}"},
          {"7162 3.1.5", "RETURN (ALL) MODSEQ 1234", "RETURN(ALL) MODSEQ{1234}"},
          {"7162 3.1.6", "OR NOT MODSEQ 720162338 LARGER 50000",
           "OR(NOT(MODSEQ{720162338}) LARGER{50000})"},
          {"7162 3.2.5", "300:500", "SET{300:500}"},
          {"7162 7", "MODSEQ \"/flags/$MDNSent\" priv 0", "MODSEQ{/flags/$MDNSent priv 0}"},
          {"7162 7", "MODSEQ \"/FLAGS/\\\\Seen\" SHARED 7", "MODSEQ{/FLAGS/\\Seen shared 7}"},
      });
}

TEST(SearchRfcExamples, Rfc5032Rfc5182Rfc8474Rfc8514Rfc8970) {
  expect_examples(search,
                  {
                      {"5032 3", "UNSEEN YOUNGER 259200", "UNSEEN YOUNGER{259200}"},
                      {"5032 3", "OLDER 86400", "OLDER{86400}"},
                      {"5182 2.1", "RETURN (SAVE) FLAGGED SINCE 1-Feb-1994",
                       "RETURN(SAVE) FLAGGED SINCE{1994-02-01}"},
                      {"5182 2.2", "CHARSET UTF-8 (OR $ 1,3000:3021) TEXT {8}\r\nYYYYYYYY",
                       "CHARSET{UTF-8} (OR(SET{$} SET{1,3000:3021})) TEXT{YYYYYYYY}"},
                      {"5182 2.2", "CHARSET KOI8-R (OR $ 1,3000:3021) TEXT {4}\r\nXXXX",
                       "CHARSET{KOI8-R} (OR(SET{$} SET{1,3000:3021})) TEXT{XXXX}"},
                      {"5182 2.3", "RETURN (SAVE) KEYWORD $Junk", "RETURN(SAVE) KEYWORD{$Junk}"},
                      {"8474 6", "emailid M6d99ac3275bb4e", "EMAILID{M6d99ac3275bb4e}"},
                      {"8474 6", "threadid T64b478a75b7ea9", "THREADID{T64b478a75b7ea9}"},
                      {"8514 4", "SAVEDON 28-Dec-2014", "SAVEDON{2014-12-28}"},
                      {"8514 4", "SAVEDSINCE 28-Dec-2014", "SAVEDSINCE{2014-12-28}"},
                      {"8514 6", "SAVEDBEFORE 1-Jan-2100 OR SAVEDATESUPPORTED ALL",
                       "SAVEDBEFORE{2100-01-01} OR(SAVEDATESUPPORTED ALL)"},
                      {"8970 4", "RETURN (SAVE) FROM \"FOO\"", "RETURN(SAVE) FROM{FOO}"},
                  });
}

TEST(SearchRfcExamples, Rfc5267Rfc9394Rfc6203ReturnOptions) {
  expect_examples(
      search,
      {
          {"5267 4.1", "RETURN (CONTEXT COUNT) UNDELETED", "RETURN(CONTEXT COUNT) UNDELETED"},
          {"5267 4.4", "RETURN (PARTIAL 23500:24000) UNDELETED",
           "RETURN(PARTIAL{23500:24000}) UNDELETED"},
          {"5267 4.4", "RETURN (PARTIAL 1:500) UNDELETED", "RETURN(PARTIAL{1:500}) UNDELETED"},
          {"5267 4.4", "RETURN (PARTIAL 24000:24500) UNDELETED",
           "RETURN(PARTIAL{24000:24500}) UNDELETED"},
          {"5267 4.3", "RETURN (UPDATE COUNT) DELETED", "RETURN(UPDATE COUNT) DELETED"},
          {"9394 3.1", "RETURN (PARTIAL -1:-100) UNDELETED", "RETURN(PARTIAL{-1:-100}) UNDELETED"},
          {"9394 3.1", "RETURN (PARTIAL 23500:24000) UNDELETED",
           "RETURN(PARTIAL{23500:24000}) UNDELETED"},
          {"6203 4", "FUZZY (SUBJECT \"IMAP break\")", "FUZZY((SUBJECT{IMAP break}))"},
          {"6203 4", "FUZZY SUBJECT work FROM user@example.com",
           "FUZZY(SUBJECT{work}) FROM{user@example.com}"},
          {"6203 4", "RETURN (RELEVANCY ALL) FUZZY TEXT \"Helo\"",
           "RETURN(RELEVANCY ALL) FUZZY(TEXT{Helo})"},
          // RFC 4466 search-ret-opt-ext: an unknown option, with a value where one can be.
          {"4466 2.6", "RETURN (X-FOO MIN X-BAR 1:5 X-BAZ (a \"b\")) ALL",
           "RETURN(ext:X-FOO MIN ext:X-BAR{1:5} ext:X-BAZ{(a \"b\")}) ALL"},
      });
}

TEST(SortRfcExamples, Rfc5256Rfc5267Rfc6203Rfc7162Rfc5957) {
  expect_examples(
      sort, {
                {"5256 4", "(SUBJECT) US-ASCII TEXT \"not in mailbox\"",
                 "(SUBJECT) US-ASCII TEXT{not in mailbox}"},
                {"5256 4", "(SUBJECT REVERSE DATE) UTF-8 ALL", "(SUBJECT REVERSE DATE) UTF-8 ALL"},
                {"5267 4.4", "RETURN () (REVERSE DATE) UTF-8 UNDELETED",
                 "RETURN() (REVERSE DATE) UTF-8 UNDELETED"},
                {"6203 4", "(RELEVANCY) UTF-8 FUZZY SUBJECT \"Helo\"",
                 "(RELEVANCY) UTF-8 FUZZY(SUBJECT{Helo})"},
                {"6203 4", "RETURN (RELEVANCY ALL) (RELEVANCY) UTF-8 FUZZY TEXT \"Helo\"",
                 "RETURN(RELEVANCY ALL) (RELEVANCY) UTF-8 FUZZY(TEXT{Helo})"},
                {"6203 4", "RETURN (PARTIAL 1:10) (RELEVANCY) UTF-8 FUZZY TEXT \"World\"",
                 "RETURN(PARTIAL{1:10}) (RELEVANCY) UTF-8 FUZZY(TEXT{World})"},
                {"7162 3.1.6", "RETURN (ALL) (DATE) UTF-8 MODSEQ 1234",
                 "RETURN(ALL) (DATE) UTF-8 MODSEQ{1234}"},
                {"5957 3", "(DISPLAYFROM REVERSE DISPLAYTO ARRIVAL CC FROM SIZE TO) UTF-8 ALL",
                 "(DISPLAYFROM REVERSE DISPLAYTO ARRIVAL CC FROM SIZE TO) UTF-8 ALL"},
                {"5256 5", "(reverse subject) \"UTF-8\" all unseen",
                 "(REVERSE SUBJECT) UTF-8 ALL UNSEEN"},
            });
}

TEST(ThreadRfcExamples, Rfc5256) {
  expect_examples(
      thread,
      {
          {"5256 4", "ORDEREDSUBJECT US-ASCII TEXT \"gewp\"", "ORDEREDSUBJECT US-ASCII TEXT{gewp}"},
          {"5256 4", "REFERENCES UTF-8 SINCE 5-MAR-2000", "REFERENCES UTF-8 SINCE{2000-03-05}"},
          {"Dovecot", "REFS UTF-8 SUBJECT Thread", "other:REFS UTF-8 SUBJECT{Thread}"},
          {"5256 5", "references \"UTF-8\" (OR SEEN 3:*)", "REFERENCES UTF-8 (OR(SEEN SET{3:*}))"},
      });
}

// Every key of RFC 9051 / RFC 3501 and the extensions, once each, in mixed case.
TEST(SearchKeys, EveryKey) {
  expect_examples(key, {
                           {"9051", "ALL", "ALL"},
                           {"9051", "answered", "ANSWERED"},
                           {"9051", "BCC \"a b\"", "BCC{a b}"},
                           {"9051", "BEFORE \"1-Jan-2021\"", "BEFORE{2021-01-01}"},
                           {"9051", "BODY {5}\r\nhello", "BODY{hello}"},
                           {"9051", "Cc example.org", "CC{example.org}"},
                           {"9051", "DELETED", "DELETED"},
                           {"9051", "DRAFT", "DRAFT"},
                           {"9051", "FLAGGED", "FLAGGED"},
                           {"9051", "FROM alice", "FROM{alice}"},
                           {"9051", "HEADER List-Id \"\"", "HEADER{List-Id}{}"},
                           {"9051", "KEYWORD $Forwarded", "KEYWORD{$Forwarded}"},
                           {"9051", "LARGER 9223372036854775807", "LARGER{9223372036854775807}"},
                           {"3501", "NEW", "NEW"},
                           {"9051", "NOT SEEN", "NOT(SEEN)"},
                           {"3501", "OLD", "OLD"},
                           {"9051", "ON 14-Sep-2023", "ON{2023-09-14}"},
                           {"9051", "OR SEEN FLAGGED", "OR(SEEN FLAGGED)"},
                           {"3501", "RECENT", "RECENT"},
                           {"9051", "SEEN", "SEEN"},
                           {"9051", "SENTBEFORE 1-Jan-2020", "SENTBEFORE{2020-01-01}"},
                           {"9051", "SENTON 01-Jan-2001", "SENTON{2001-01-01}"},
                           {"9051", "SENTSINCE 1-Jan-2024", "SENTSINCE{2024-01-01}"},
                           {"9051", "SINCE 1-Jun-2023", "SINCE{2023-06-01}"},
                           {"9051", "SMALLER 500", "SMALLER{500}"},
                           {"9051", "SUBJECT thread", "SUBJECT{thread}"},
                           {"9051", "TEXT invoice", "TEXT{invoice}"},
                           {"9051", "TO user42", "TO{user42}"},
                           {"9051", "UID 1:10,20,30:*", "UID{1:10,20,30:*}"},
                           {"9051", "UNANSWERED", "UNANSWERED"},
                           {"9051", "UNDELETED", "UNDELETED"},
                           {"9051", "UNDRAFT", "UNDRAFT"},
                           {"9051", "UNFLAGGED", "UNFLAGGED"},
                           {"9051", "UNKEYWORD $MDNSent", "UNKEYWORD{$MDNSent}"},
                           {"9051", "UNSEEN", "UNSEEN"},
                           {"9051", "1:5,7,9:11", "SET{1:5,7,9:11}"},
                           {"9051", "*", "SET{*}"},
                           {"5182", "$", "SET{$}"},
                           {"9051", "(SEEN (FLAGGED DRAFT))", "(SEEN (FLAGGED DRAFT))"},
                           {"7162", "MODSEQ 0", "MODSEQ{0}"},
                           {"5032", "YOUNGER 864000000", "YOUNGER{864000000}"},
                           {"8474", "EMAILID M6d99ac3275bb4e", "EMAILID{M6d99ac3275bb4e}"},
                           {"8474", "THREADID T_-1", "THREADID{T_-1}"},
                           {"8514", "SAVEDBEFORE 1-Jan-2100", "SAVEDBEFORE{2100-01-01}"},
                           {"8514", "SAVEDATESUPPORTED", "SAVEDATESUPPORTED"},
                           {"6203", "FUZZY TEXT x", "FUZZY(TEXT{x})"},
                           {"Gmail", "X-GM-RAW \"has:attachment in:unread\"",
                            "X-GM-RAW{has:attachment in:unread}"},
                           {"Dovecot", "X-GUID nonexistent", "X-GUID{nonexistent}"},
                       });
}

TEST(SearchKeys, ValuesKeepHowTheyArrived) {
  arena mem;
  const auto quoted = parse_search_key("SUBJECT \"a \\\"b\\\" c\"", mem);
  ASSERT_TRUE(quoted.ok());
  EXPECT_EQ(std::get<search_astring>(quoted->arg).value.kind, string_kind::quoted);
  EXPECT_EQ(std::get<search_astring>(quoted->arg).value.value, "a \"b\" c");
  const auto literal = parse_search_key("SUBJECT {3}\r\nabc", mem);
  ASSERT_TRUE(literal.ok());
  EXPECT_EQ(std::get<search_astring>(literal->arg).value.kind, string_kind::literal);
  const auto atom = parse_search_key("SUBJECT abc]", mem);
  ASSERT_TRUE(atom.ok());
  EXPECT_EQ(std::get<search_astring>(atom->arg).value.kind, string_kind::atom);
  EXPECT_EQ(std::get<search_astring>(atom->arg).value.value, "abc]");
  const auto uid = parse_search_key("UID 5:3", mem);
  ASSERT_TRUE(uid.ok());
  const sequence_set& set = std::get<search_set>(uid->arg).set;
  ASSERT_EQ(set.ranges.size(), 1u);
  EXPECT_EQ(set.ranges[0].first, 5u);
  EXPECT_EQ(set.ranges[0].last, 3u);
}

TEST(SearchErrors, OffsetsAndProductions) {
  expect_failures(search,
                  {
                      // Unknown key (imaplib-errors c2).
                      {"BOGUSKEY", 0, "search", "search-key"},
                      {"SEEN BOGUSKEY", 5, "search", "search-key"},
                      // OR needs two operands (c3).
                      {"(OR SEEN)", 8, "search-key", "' '"},
                      // A day that no month has, a month that does not exist (c4).
                      {"SINCE 32-Foo-2020", 6, "search-key", "date"},
                      {"SINCE 32-Jan-2020", 6, "search-key", "date"},
                      {"SINCE 1-Jan-20", 6, "search-key", "date"},
                      {"BEFORE \"1-Jan-2020", 7, "search-key", "date"},
                      // Spaces: missing, doubled, trailing.
                      {"SINCE1-Jan-2020", 0, "search", "search-key"},
                      {"SEEN  FLAGGED", 5, "search", "search-key"},
                      {"SEEN ", 5, "search", "search-key"},
                      {"FROM", 4, "search-key", "' '"},
                      {"FROM ", 5, "search-key", "astring"},
                      // Sequence sets: 0, a bad upper bound, a trailing comma.
                      {"0", 0, "search", "search-key"},
                      {"1:x", 1, "search", "end of message"},
                      {"1,2,", 3, "search", "end of message"},
                      {"UID 1:x", 5, "search", "end of message"},
                      {"UID 0", 4, "search-key", "sequence-set"},
                      // Unbalanced parentheses.
                      {"(SEEN", 5, "search-key", "')'"},
                      {"SEEN)", 4, "search", "end of message"},
                      {"()", 1, "search-key", "search-key"},
                      // 8-bit in an atom (strict): the atom ends before it.
                      {"FROM J\xc3\xbcrgen", 6, "search", "end of message"},
                      // Numbers out of range.
                      {"LARGER 9223372036854775808", 7, "search-key", "number64"},
                      {"OLDER 0", 6, "search-key", "nz-number"},
                      // MODSEQ: a wrong entry name or type.
                      {"MODSEQ \"/annotations/x\" all 5", 7, "search-key", "mod-sequence-valzer"},
                      {"MODSEQ \"/flags/\\\\seen\" everyone 5", 23, "search-key", "entry-type-req"},
                      // RETURN and CHARSET are only allowed first, in that order.
                      {"CHARSET UTF-8 RETURN (ALL) SEEN", 14, "search", "search-key"},
                      {"RETURN (MIN", 11, "search-return-opts", "')'"},
                      {"RETURN MIN SEEN", 7, "search-return-opts", "'('"},
                      {"RETURN (PARTIAL 1:-5) ALL", 18, "partial-range", "nz-number"},
                      {"CHARSET", 7, "search", "' '"},
                      // An unknown vendor key still needs its argument.
                      {"X-GM-RAW", 8, "search-key", "' '"},
                      // Bad quoted escape (imaplib-errors d5) is strict-only.
                      {"SUBJECT \"bad \\q escape\"", 14, "string", "quoted-specials after \\"},
                      // EMAILID's objectid is letters, digits, "_" and "-".
                      {"EMAILID a.b", 9, "search", "end of message"},
                  });
}

TEST(SortThreadErrors, OffsetsAndProductions) {
  expect_failures(sort,
                  {
                      // RFC 5267 §4.3's B02 and B01 omit the sort criteria; the ABNF requires them.
                      {"RETURN (UPDATE COUNT) UTF-8 KEYWORD $Junk", 22, "sort", "sort-criteria"},
                      {"RETURN (UPDATE) FLAGGED", 16, "sort", "sort-criteria"},
                      {"(ARRIVAL) ALL", 13, "sort", "' '"},  // ALL is taken as the charset
                      {"() UTF-8 ALL", 1, "sort-criterion", "sort-key"},
                      {"(BOGUS) UTF-8 ALL", 1, "sort-criterion", "sort-key"},
                      {"(REVERSE) UTF-8 ALL", 8, "sort-criterion", "' '"},
                      {"(DATE)UTF-8 ALL", 6, "sort", "' '"},
                      {"(DATE) UTF-8", 12, "sort", "' '"},
                  });
  expect_failures(thread, {
                              {"REFERENCES UTF-8", 16, "thread", "' '"},
                              {"REFERENCES ALL", 14, "thread", "' '"},
                              {"(REFERENCES) UTF-8 ALL", 0, "thread", "thread"},
                          });
}

// Dovecot's own sort key X-SCORE (imaplib-search-sort-thread LONO89, answered OK).
TEST(SortKeys, VendorKey) {
  arena mem;
  const auto r = parse_sort_program("(X-SCORE REVERSE X-Foo) UTF-8 ALL", mem);
  ASSERT_TRUE(r.ok()) << r.error().message();
  ASSERT_EQ(r->criteria.size(), 2u);
  EXPECT_EQ(r->criteria[0].key, sort_key_kind::extension);
  EXPECT_EQ(r->criteria[0].name, "X-SCORE");
  EXPECT_FALSE(r->criteria[0].reverse);
  EXPECT_TRUE(r->criteria[1].reverse);
  EXPECT_EQ(r->criteria[1].name, "X-Foo");
}

// Lenient mode: what real clients send off the ABNF (docs/quirks.md).
TEST(SearchLenient, EightBitAtomFromImaplib) {
  // imaplib-search-sort-thread.c2s LONO49: Python's imaplib passes a str argument through as
  // UTF-8 without quoting it, and Dovecot answers OK.
  const std::string_view wire = "CHARSET UTF-8 BODY M\xc3\xbcnchen";
  arena mem;
  EXPECT_FALSE(parse_search_program(wire, mem).ok());
  const auto r = parse_search_program(wire, mem, parse_options::lenient());
  ASSERT_TRUE(r.ok()) << r.error().message();
  EXPECT_EQ(describe(*r), "CHARSET{UTF-8} BODY{M\xc3\xbcnchen}");
  EXPECT_EQ(std::get<search_astring>(r->keys[0].arg).value.kind, string_kind::atom);
}

TEST(SearchLenient, UnknownQuotedEscape) {
  // imaplib-errors-conn2.c2s d5: Dovecot takes "\q" as "q".
  arena mem;
  const auto r = parse_search_program("SUBJECT \"bad \\q escape\"", mem, parse_options::lenient());
  ASSERT_TRUE(r.ok()) << r.error().message();
  EXPECT_EQ(std::get<search_astring>(r->keys[0].arg).value.value, "bad q escape");
}

TEST(SearchDepth, DeepNestingFailsCleanly) {
  // Each unit opens one level; the 257th level is refused right where it would begin.
  const std::pair<std::string_view, std::size_t> units[] = {
      {"NOT ", 257 * 4}, {"(", 257}, {"OR ALL ", 256 * 7 + 3}, {"FUZZY ", 257 * 6}};
  for (const auto& [unit, offset] : units) {
    SCOPED_TRACE(std::string(unit));
    std::string deep;
    for (int i = 0; i < 10000; ++i) deep += unit;
    deep += "ALL";
    arena mem;
    const auto r = parse_search_program(deep, mem);
    ASSERT_FALSE(r.ok());
    EXPECT_EQ(r.error().expected, "nesting depth within max_depth");
    EXPECT_EQ(r.error().offset, offset);
  }
}

TEST(SearchDepth, AtTheLimitParses) {
  std::string nested;
  for (int i = 0; i < 256; ++i) nested += "NOT ";
  nested += "SEEN";
  arena mem;
  const auto r = parse_search_key(nested, mem);
  ASSERT_TRUE(r.ok()) << r.error().message();
  const search_key* k = &*r;
  int depth = 0;
  while (k->kind == search_key_kind::not_) {
    const list<search_key>& operands = std::get<search_operands>(k->arg).keys;
    ASSERT_EQ(operands.size(), 1u);
    k = &operands[0];
    ++depth;
  }
  EXPECT_EQ(depth, 256);
  EXPECT_EQ(k->kind, search_key_kind::seen);

  parse_options shallow;
  shallow.max_depth = 4;  // NOT, (, OR, NOT
  EXPECT_TRUE(parse_search_key("NOT (OR SEEN NOT DRAFT)", mem, shallow).ok());
  EXPECT_FALSE(parse_search_key("NOT (OR SEEN NOT NOT DRAFT)", mem, shallow).ok());
}

}  // namespace
