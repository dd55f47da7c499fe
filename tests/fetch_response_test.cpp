// FETCH response data (msg-att): every item kind, the RFC examples, the real captures, errors.
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <iterator>
#include <string>
#include <string_view>
#include <vector>

#include "capture_files.hpp"
#include "imapkit/framer.hpp"
#include "imapkit/parse.hpp"

#ifndef IMAPKIT_CORPUS_DIR
#error "IMAPKIT_CORPUS_DIR must be defined as the absolute path of the corpus directory"
#endif

namespace imapkit {
namespace {

using namespace std::string_view_literals;

struct fetch_fixture : ::testing::Test {
  arena mem;

  msg_att_list parse_ok(std::string_view text,
                        const parse_options& options = parse_options::strict()) {
    auto r = parse_fetch_items(text, mem, options);
    EXPECT_TRUE(r.ok()) << text << "\n" << (r.ok() ? "" : r.error().message());
    return r.ok() ? *r : msg_att_list{};
  }
  parse_error parse_fail(std::string_view text,
                         const parse_options& options = parse_options::strict()) {
    auto r = parse_fetch_items(text, mem, options);
    EXPECT_FALSE(r.ok()) << text;
    return r.ok() ? parse_error{} : r.error();
  }
};

// ---------------------------------------------------------------------------------------------
// RFC 9051 / RFC 3501 examples.

TEST_F(fetch_fixture, rfc9051_noop_uid_and_flags) {
  // RFC 9051 §6.1.2: S: * 14 FETCH (UID 1305 FLAGS (\Seen \Deleted))
  const auto items = parse_ok(R"((UID 1305 FLAGS (\Seen \Deleted)))");
  ASSERT_EQ(items.size(), 2u);
  ASSERT_NE(items[0].get<fetch_uid>(), nullptr);
  EXPECT_EQ(items[0].get<fetch_uid>()->value, 1305u);
  const auto* flags = items[1].get<fetch_flags>();
  ASSERT_NE(flags, nullptr);
  ASSERT_EQ(flags->flags.size(), 2u);
  EXPECT_EQ(flags->flags[0].name, "\\Seen");
  EXPECT_EQ(flags->flags[1].name, "\\Deleted");
  EXPECT_EQ(items[0].name(), "UID");
  EXPECT_EQ(items[1].name(), "FLAGS");
}

TEST_F(fetch_fixture, rfc3501_store_responses_and_recent) {
  // RFC 3501 §6.4.6 and §6.1.2 (\Recent is a flag-fetch of RFC 3501 / obsolete-flag-recent)
  const auto a = parse_ok(R"((FLAGS (\Deleted \Flagged \Seen)))");
  EXPECT_EQ(find_item<fetch_flags>(a)->flags.size(), 3u);
  EXPECT_EQ(find_item<fetch_flags>(a)->flags[1].name, "\\Flagged");
  const auto b = parse_ok(R"((FLAGS (\Seen \Recent $Forwarded)))");
  EXPECT_EQ(find_item<fetch_flags>(b)->flags[1].name, "\\Recent");
  EXPECT_EQ(find_item<fetch_flags>(b)->flags[2].name, "$Forwarded");
  const auto empty = parse_ok("(FLAGS ())");
  EXPECT_TRUE(find_item<fetch_flags>(empty)->flags.empty());
}

TEST_F(fetch_fixture, rfc9051_uid_fetch_and_status_example) {
  // RFC 9051 §6.4.9: S: * 23 FETCH (FLAGS (\Seen) UID 4827313); §7.5.2: with RFC822.SIZE
  const auto a = parse_ok(R"((FLAGS (\Seen) UID 4827313))");
  EXPECT_EQ(find_item<fetch_uid>(a)->value, 4827313u);
  const auto b = parse_ok(R"((FLAGS (\Seen) RFC822.SIZE 44827 UID 447))");
  ASSERT_EQ(b.size(), 3u);
  EXPECT_EQ(b[1].get<fetch_rfc822_size>()->value, 44827u);
  EXPECT_EQ(b[2].get<fetch_uid>()->value, 447u);
}

// RFC 9051 §8 sample session, "a003 fetch 12 full" (lines joined as on the wire).
constexpr std::string_view rfc9051_full_fetch =
    "(FLAGS (\\Seen) INTERNALDATE \"17-Jul-1996 02:44:25 -0700\" RFC822.SIZE 4286 ENVELOPE ("
    "\"Wed, 17 Jul 1996 02:23:25 -0700 (PDT)\" \"IMAP4rev2 WG mtg summary and minutes\" "
    "((\"Terry Gray\" NIL \"gray\" \"cac.washington.edu\")) "
    "((\"Terry Gray\" NIL \"gray\" \"cac.washington.edu\")) "
    "((\"Terry Gray\" NIL \"gray\" \"cac.washington.edu\")) "
    "((NIL NIL \"imap\" \"cac.washington.edu\")) "
    "((NIL NIL \"minutes\" \"CNRI.Reston.VA.US\")(\"John Klensin\" NIL \"KLENSIN\" \"MIT.EDU\")) "
    "NIL NIL \"<B27397-0100000@cac.washington.ed>\") "
    "BODY (\"TEXT\" \"PLAIN\" (\"CHARSET\" \"US-ASCII\") NIL NIL \"7BIT\" 3028 92))";

TEST_F(fetch_fixture, rfc9051_sample_session_full) {
  const auto items = parse_ok(rfc9051_full_fetch);
  ASSERT_EQ(items.size(), 5u);
  const auto* date = items[1].get<fetch_internal_date>();
  ASSERT_NE(date, nullptr);
  EXPECT_EQ(date->value.date.year, 1996);
  EXPECT_EQ(date->value.date.month, 7);
  EXPECT_EQ(date->value.date.day, 17);
  EXPECT_EQ(date->value.hour, 2);
  EXPECT_EQ(date->value.minute, 44);
  EXPECT_EQ(date->value.second, 25);
  EXPECT_EQ(date->value.zone_minutes, -420);
  EXPECT_EQ(items[2].get<fetch_rfc822_size>()->value, 4286u);

  const envelope& env = items[3].get<fetch_envelope>()->value;
  EXPECT_EQ(env.date.value, "Wed, 17 Jul 1996 02:23:25 -0700 (PDT)");
  EXPECT_EQ(env.subject.value, "IMAP4rev2 WG mtg summary and minutes");
  ASSERT_EQ(env.from.size(), 1u);
  EXPECT_EQ(env.from[0].name.value, "Terry Gray");
  EXPECT_TRUE(env.from[0].adl.is_nil());
  EXPECT_EQ(env.from[0].mailbox.value, "gray");
  EXPECT_EQ(env.from[0].host.value, "cac.washington.edu");
  EXPECT_EQ(env.sender, env.from);
  EXPECT_EQ(env.reply_to, env.from);
  ASSERT_EQ(env.to.size(), 1u);
  EXPECT_TRUE(env.to[0].name.is_nil());
  EXPECT_EQ(env.to[0].mailbox.value, "imap");
  ASSERT_EQ(env.cc.size(), 2u);
  EXPECT_EQ(env.cc[1].name.value, "John Klensin");
  EXPECT_EQ(env.cc[1].host.value, "MIT.EDU");
  EXPECT_TRUE(env.bcc.empty());
  EXPECT_TRUE(env.in_reply_to.is_nil());
  EXPECT_EQ(env.message_id.value, "<B27397-0100000@cac.washington.ed>");

  const auto* body = items[4].get<fetch_body_structure>();
  ASSERT_NE(body, nullptr);
  EXPECT_FALSE(body->extensible);
  EXPECT_EQ(items[4].name(), "BODY");
  EXPECT_EQ(body->value.kind, body_structure::kind_t::text);
  EXPECT_EQ(body->value.media_type.value, "TEXT");
  EXPECT_EQ(body->value.media_subtype.value, "PLAIN");
  ASSERT_EQ(body->value.fields.params.size(), 1u);
  EXPECT_EQ(body->value.fields.params[0].name.value, "CHARSET");
  EXPECT_EQ(body->value.fields.params[0].value.value, "US-ASCII");
  EXPECT_EQ(body->value.fields.encoding.value, "7BIT");
  EXPECT_EQ(body->value.fields.octets, 3028u);
  EXPECT_EQ(body->value.lines, 92u);
  EXPECT_EQ(body->value.extension_fields, 0);
}

TEST_F(fetch_fixture, rfc9051_sample_session_body_header_literal) {
  const std::string header =
      "Date: Wed, 17 Jul 1996 02:23:25 -0700 (PDT)\r\n"
      "From: Terry Gray <gray@cac.washington.edu>\r\n"
      "Subject: IMAP4rev2 WG mtg summary and minutes\r\n"
      "To: imap@cac.washington.edu\r\n"
      "cc: minutes@CNRI.Reston.VA.US, John Klensin <KLENSIN@MIT.EDU>\r\n"
      "Message-Id: <B27397-0100000@cac.washington.edu>\r\n"
      "MIME-Version: 1.0\r\n"
      "Content-Type: TEXT/PLAIN; CHARSET=US-ASCII\r\n\r\n";
  const std::string text =
      "(BODY[HEADER] {" + std::to_string(header.size()) + "}\r\n" + header + ")";
  const auto items = parse_ok(text);
  ASSERT_EQ(items.size(), 1u);
  const auto* part = items[0].get<fetch_body_section>();
  ASSERT_NE(part, nullptr);
  EXPECT_EQ(part->section.text, section_text::header);
  EXPECT_TRUE(part->section.part.empty());
  EXPECT_FALSE(part->origin.has_value());
  EXPECT_EQ(part->data.kind, string_kind::literal);
  EXPECT_EQ(part->data.value, header);
}

TEST_F(fetch_fixture, body_section_variants) {
  const auto items = parse_ok(
      "(BODY[1.2.MIME] \"x\" BODY[HEADER.FIELDS (DATE FROM)] {4}\r\nabcd BODY[]<10> {0}\r\n "
      "BODY[2.TEXT] NIL BODY[3] \"\")");
  ASSERT_EQ(items.size(), 5u);
  const auto* mime = items[0].get<fetch_body_section>();
  ASSERT_EQ(mime->section.part.size(), 2u);
  EXPECT_EQ(mime->section.part[0], 1u);
  EXPECT_EQ(mime->section.part[1], 2u);
  EXPECT_EQ(mime->section.text, section_text::mime);
  EXPECT_EQ(mime->data.value, "x");
  const auto* fields = items[1].get<fetch_body_section>();
  EXPECT_EQ(fields->section.text, section_text::header_fields);
  ASSERT_EQ(fields->section.header_fields.size(), 2u);
  EXPECT_EQ(fields->section.header_fields[1].value, "FROM");
  EXPECT_EQ(fields->data.value, "abcd");
  const auto* partial = items[2].get<fetch_body_section>();
  ASSERT_TRUE(partial->origin.has_value());
  EXPECT_EQ(*partial->origin, 10u);
  EXPECT_EQ(partial->data.kind, string_kind::literal);
  EXPECT_TRUE(partial->data.value.empty());
  EXPECT_EQ(items[3].get<fetch_body_section>()->section.text, section_text::text);
  EXPECT_TRUE(items[3].get<fetch_body_section>()->data.is_nil());
  EXPECT_FALSE(items[4].get<fetch_body_section>()->data.is_nil());
  EXPECT_EQ(items[4].name(), "BODY[]");
}

TEST_F(fetch_fixture, rfc3501_rfc822_items) {
  const auto items = parse_ok(
      "(RFC822 {5}\r\nHi!\r\n RFC822.HEADER \"Subject: x\" RFC822.TEXT NIL rfc822.size 5)");
  ASSERT_EQ(items.size(), 4u);
  EXPECT_EQ(items[0].get<fetch_rfc822>()->part, fetch_rfc822::part_t::whole);
  EXPECT_EQ(items[0].get<fetch_rfc822>()->data.value, "Hi!\r\n");
  EXPECT_EQ(items[1].get<fetch_rfc822>()->part, fetch_rfc822::part_t::header);
  EXPECT_EQ(items[1].get<fetch_rfc822>()->data.value, "Subject: x");
  EXPECT_EQ(items[2].get<fetch_rfc822>()->part, fetch_rfc822::part_t::text);
  EXPECT_TRUE(items[2].get<fetch_rfc822>()->data.is_nil());
  EXPECT_EQ(items[2].name(), "RFC822.TEXT");
  EXPECT_EQ(items[3].get<fetch_rfc822_size>()->value, 5u);  // keywords are case-insensitive
}

// ---------------------------------------------------------------------------------------------
// Extensions.

TEST_F(fetch_fixture, rfc3516_binary_and_binary_size) {
  // RFC 3516 §4.2 / RFC 9051: BINARY[section-binary] with literal8 (may hold NUL), BINARY.SIZE.
  const std::string payload("GIF8\0\x01\r\x02", 8);
  const std::string text =
      "(BINARY.SIZE[2] 8 BINARY[2] ~{8}\r\n" + payload + " BINARY[1]<4> \"abc\" BINARY[] NIL)";
  const auto items = parse_ok(text);
  ASSERT_EQ(items.size(), 4u);
  const auto* size = items[0].get<fetch_binary_size>();
  ASSERT_NE(size, nullptr);
  ASSERT_EQ(size->section.part.size(), 1u);
  EXPECT_EQ(size->section.part[0], 2u);
  EXPECT_EQ(size->size, 8u);
  const auto* binary = items[1].get<fetch_binary>();
  ASSERT_NE(binary, nullptr);
  EXPECT_EQ(binary->data.kind, string_kind::literal8);
  EXPECT_EQ(binary->data.value, payload);
  EXPECT_EQ(*items[2].get<fetch_binary>()->origin, 4u);
  EXPECT_EQ(items[2].get<fetch_binary>()->data.value, "abc");
  EXPECT_TRUE(items[3].get<fetch_binary>()->section.part.empty());
  EXPECT_TRUE(items[3].get<fetch_binary>()->data.is_nil());
  EXPECT_EQ(items[1].name(), "BINARY[]");
  EXPECT_EQ(items[0].name(), "BINARY.SIZE");
}

TEST_F(fetch_fixture, binary_partial_from_dovecot) {
  // imaplib-fetch-deep.s2c: a partial BINARY fetch answered with its origin (RFC 9051 §7.5.2)
  const auto items = parse_ok("(UID 4 BINARY[1]<10> {12}\r\n\r\n--\nabcdefg)");
  ASSERT_EQ(items.size(), 2u);
  const auto* binary = items[1].get<fetch_binary>();
  ASSERT_NE(binary, nullptr);
  EXPECT_EQ(binary->section.part.size(), 1u);
  EXPECT_EQ(*binary->origin, 10u);
  EXPECT_EQ(binary->data.kind, string_kind::literal);
  EXPECT_EQ(binary->data.value, "\r\n--\nabcdefg");
}

TEST_F(fetch_fixture, rfc7162_modseq) {
  // RFC 7162 §3.2 examples
  const auto a = parse_ok("(UID 4 MODSEQ (12121231000))");
  EXPECT_EQ(find_item<fetch_modseq>(a)->value, 12121231000u);
  const auto b = parse_ok(R"((MODSEQ (320162342) FLAGS (\Seen \Deleted)))");
  EXPECT_EQ(b[0].get<fetch_modseq>()->value, 320162342u);
  EXPECT_EQ(b[1].get<fetch_flags>()->flags.size(), 2u);
  const auto c = parse_ok(R"((MODSEQ (303011130956) FLAGS ($Processed \Deleted \Answered)))");
  EXPECT_EQ(c[0].get<fetch_modseq>()->value, 303011130956u);
  EXPECT_EQ(c[1].get<fetch_flags>()->flags[0].name, "$Processed");
  // mod-sequence-value is 63-bit
  const auto d = parse_ok("(MODSEQ (9223372036854775807))");
  EXPECT_EQ(d[0].get<fetch_modseq>()->value, 9223372036854775807u);
  parse_fail("(MODSEQ (9223372036854775808))");
}

TEST_F(fetch_fixture, QuirkModSequenceValueZero) {
  // permsg-modsequence is a mod-sequence-value: 1 or more (RFC 7162 §7). Old Cyrus versions left
  // MODSEQ 0 (docs/quirks.md "mod-sequence-value 0"): lenient mode only, the same rule as
  // HIGHESTMODSEQ 0.
  const parse_error e = parse_fail("(UID 3 MODSEQ (0))");
  EXPECT_EQ(e.offset, 15u);
  EXPECT_EQ(e.expected, "mod-sequence-value");
  const auto a = parse_ok("(UID 3 MODSEQ (0))", parse_options::lenient());
  EXPECT_EQ(find_item<fetch_modseq>(a)->value, 0u);
}

TEST_F(fetch_fixture, rfc8474_emailid_threadid) {
  // RFC 8474 §5.1 and §5.2 examples
  const auto a = parse_ok("(EMAILID (M6d99ac3275bb4e) THREADID (T64b478a75b7ea9))");
  ASSERT_EQ(a.size(), 2u);
  EXPECT_EQ(a[0].get<fetch_object_id>()->which, fetch_object_id::which_t::email_id);
  EXPECT_EQ(a[0].get<fetch_object_id>()->id, "M6d99ac3275bb4e");
  EXPECT_EQ(a[1].get<fetch_object_id>()->which, fetch_object_id::which_t::thread_id);
  EXPECT_EQ(a[1].get<fetch_object_id>()->id, "T64b478a75b7ea9");
  EXPECT_EQ(a[1].name(), "THREADID");
  const auto b = parse_ok("(EMAILID (M00000001) THREADID NIL)");
  EXPECT_TRUE(b[1].get<fetch_object_id>()->is_nil);
  EXPECT_TRUE(b[1].get<fetch_object_id>()->id.empty());
  const auto e = parse_fail("(EMAILID (M0000 0001))");
  EXPECT_EQ(e.offset, 15u);
}

TEST_F(fetch_fixture, rfc8970_preview) {
  // RFC 8970 §3 and §5 examples
  const auto a = parse_ok(R"((PREVIEW "Preview text!"))");
  EXPECT_EQ(a[0].get<fetch_preview>()->text.value, "Preview text!");
  const auto b = parse_ok("(UID 23 PREVIEW NIL)");
  EXPECT_TRUE(b[1].get<fetch_preview>()->text.is_nil());
  const auto c = parse_ok("(PREVIEW {30}\r\nMessage data from message 3.\r\n)");
  EXPECT_EQ(c[0].get<fetch_preview>()->text.value, "Message data from message 3.\r\n");
  const auto d = parse_ok(R"((RFC822.SIZE 5647 PREVIEW ""))");
  EXPECT_FALSE(d[1].get<fetch_preview>()->text.is_nil());
  EXPECT_TRUE(d[1].get<fetch_preview>()->text.value.empty());
}

TEST_F(fetch_fixture, rfc8514_savedate) {
  // RFC 8514 §4.2: S: * 998 FETCH (SAVEDATE "01-Jan-2015 18:50:53 +0100")
  const auto a = parse_ok(R"((SAVEDATE "01-Jan-2015 18:50:53 +0100"))");
  const auto& v = a[0].get<fetch_save_date>()->value;
  ASSERT_TRUE(v.has_value());
  EXPECT_EQ(v->date.year, 2015);
  EXPECT_EQ(v->date.month, 1);
  EXPECT_EQ(v->date.day, 1);
  EXPECT_EQ(v->hour, 18);
  EXPECT_EQ(v->zone_minutes, 60);
  const auto b = parse_ok("(SAVEDATE NIL)");
  EXPECT_FALSE(b[0].get<fetch_save_date>()->value.has_value());
}

TEST_F(fetch_fixture, gmail_items) {
  const auto items = parse_ok(
      R"((X-GM-THRID 1278455344230334865 X-GM-MSGID 1278455344230334866 X-GM-LABELS (\Inbox \Sent Important "Muy Importante") UID 9))");
  ASSERT_EQ(items.size(), 4u);
  EXPECT_EQ(items[0].get<fetch_gmail_id>()->which, fetch_gmail_id::which_t::thread_id);
  EXPECT_EQ(items[0].get<fetch_gmail_id>()->value, 1278455344230334865u);
  EXPECT_EQ(items[1].get<fetch_gmail_id>()->which, fetch_gmail_id::which_t::message_id);
  const auto& labels = items[2].get<fetch_gmail_labels>()->labels;
  ASSERT_EQ(labels.size(), 4u);
  EXPECT_EQ(labels[0].value, "\\Inbox");
  EXPECT_EQ(labels[2].value, "Important");
  EXPECT_EQ(labels[3].value, "Muy Importante");
  const auto empty = parse_ok("(X-GM-LABELS ())");
  EXPECT_TRUE(empty[0].get<fetch_gmail_labels>()->labels.empty());
}

TEST_F(fetch_fixture, gmail_nil_label) {
  // Real Gmail (MailKit issue 244): NIL among the labels is a NIL label; "NIL" quoted is a name.
  const auto items = parse_ok(R"((X-GM-LABELS ("\\Starred" NIL "NIL")))");
  const auto& labels = items[0].get<fetch_gmail_labels>()->labels;
  ASSERT_EQ(labels.size(), 3u);
  EXPECT_EQ(labels[0].value, "\\Starred");
  EXPECT_TRUE(labels[1].is_nil());
  EXPECT_FALSE(labels[2].is_nil());
  EXPECT_EQ(labels[2].value, "NIL");
}

TEST_F(fetch_fixture, rfc5257_annotation) {
  // RFC 5257 §4.3 (the RFC folds the lines)
  const auto a = parse_ok(
      R"((UID 1123 ANNOTATION (/comment (value.priv "My comment" size.priv "10") /altsubject (value.priv "Rhinoceroses!" size.priv "13"))))");
  ASSERT_EQ(a.size(), 2u);
  const fetch_annotation* an = a[1].get<fetch_annotation>();
  ASSERT_NE(an, nullptr);
  EXPECT_EQ(a[1].name(), "ANNOTATION");
  ASSERT_EQ(an->entries.size(), 2u);
  EXPECT_EQ(an->entries[1].entry.value, "/altsubject");
  ASSERT_EQ(an->entries[1].values.size(), 2u);
  EXPECT_EQ(an->entries[1].values[0].attribute.value, "value.priv");
  EXPECT_EQ(an->entries[1].values[0].value.value, "Rhinoceroses!");
  EXPECT_TRUE(an->changed.empty());
  const auto nil = parse_ok(R"((ANNOTATION (/comment (value.shared NIL))))");
  EXPECT_TRUE(nil[0].get<fetch_annotation>()->entries[0].values[0].value.is_nil());
  // §4.4: unsolicited, the entries that changed
  const auto changed = parse_ok("(UID 1123 ANNOTATION (/comment /altsubject))");
  ASSERT_EQ(changed[1].get<fetch_annotation>()->changed.size(), 2u);
  EXPECT_TRUE(changed[1].get<fetch_annotation>()->entries.empty());
}

TEST_F(fetch_fixture, dovecot_items_from_captures) {
  // imaplib-broad.s2c
  const auto a = parse_ok(
      R"((PREVIEW "Please find the files attached." SAVEDATE "22-Nov-2026 20:23:20 +0000" X-GUID 1795378985.M915571P17205.vm,S=19954,W=20239 X-MAILBOX INBOX))");
  ASSERT_EQ(a.size(), 4u);
  EXPECT_EQ(a[2].get<fetch_x_guid>()->guid.value, "1795378985.M915571P17205.vm,S=19954,W=20239");
  EXPECT_TRUE(a[3].get<fetch_x_mailbox>()->mailbox.is_inbox());
  const auto b = parse_ok("(SNIPPET (FUZZY NIL))");
  EXPECT_EQ(b[0].get<fetch_snippet>()->algorithm, "FUZZY");
  EXPECT_TRUE(b[0].get<fetch_snippet>()->text.is_nil());
  const auto c = parse_ok(R"((SNIPPET (FUZZY "Hello there")))");
  EXPECT_EQ(c[0].get<fetch_snippet>()->text.value, "Hello there");
}

TEST_F(fetch_fixture, unknown_items_are_kept_generically) {
  const auto items = parse_ok(
      R"((UID 3 X-FOO (1 "two" (three)) X-BAR[1]<0> NIL X-ANNOTATION (/comment ("value.priv" "x"))))");
  ASSERT_EQ(items.size(), 4u);
  const auto* foo = items[1].get<fetch_other>();
  ASSERT_NE(foo, nullptr);
  EXPECT_EQ(foo->name, "X-FOO");
  EXPECT_EQ(items[1].name(), "X-FOO");
  ASSERT_EQ(foo->value.kind, generic_value::kind_t::list);
  ASSERT_EQ(foo->value.items.size(), 3u);
  EXPECT_EQ(foo->value.items[1].text.value, "two");
  EXPECT_EQ(foo->value.items[2].items[0].text.value, "three");
  EXPECT_EQ(items[2].get<fetch_other>()->name, "X-BAR[1]<0>");
  EXPECT_EQ(items[2].get<fetch_other>()->value.kind, generic_value::kind_t::nil);
  ASSERT_NE(items[3].get<fetch_other>(), nullptr);  // (RFC 5257's ANNOTATION is typed now)
  EXPECT_EQ(items[3].get<fetch_other>()->name, "X-ANNOTATION");
}

// ---------------------------------------------------------------------------------------------
// Errors: offset and production.

TEST_F(fetch_fixture, error_unbalanced_parentheses) {
  const auto e = parse_fail(R"((FLAGS (\Seen) UID 4)");
  EXPECT_EQ(e.offset, 20u);
  EXPECT_EQ(e.production, "msg-att");
  // a flag list is atoms: "UID" and "4" are flags here, and the item list lacks its ")"
  const auto g = parse_fail(R"((FLAGS (\Seen UID 4))");
  EXPECT_EQ(g.offset, 20u);
  EXPECT_EQ(g.production, "msg-att");
  const auto f = parse_fail(R"((FLAGS (\Seen "x")))");
  EXPECT_EQ(f.offset, 13u);
  EXPECT_EQ(f.production, "flag-list");
}

TEST_F(fetch_fixture, error_missing_field) {
  // an ENVELOPE with nine fields instead of ten
  const auto e = parse_fail(R"((ENVELOPE ("date" "subject" NIL NIL NIL NIL NIL NIL NIL)))");
  EXPECT_EQ(e.offset, 55u);
  EXPECT_EQ(e.production, "envelope");
  // a value-less UID
  const auto f = parse_fail("(UID)");
  EXPECT_EQ(f.offset, 4u);
  EXPECT_EQ(f.production, "UID");
  EXPECT_EQ(f.expected, "' '");
  const auto h = parse_fail("(UID x)");
  EXPECT_EQ(h.offset, 5u);
  EXPECT_EQ(h.production, "UID");
  EXPECT_EQ(h.expected, "nz-number");
  // body-fields without body-fld-octets
  const auto g = parse_fail(R"((BODY ("TEXT" "PLAIN" NIL NIL NIL "7BIT")))");
  EXPECT_EQ(g.offset, 40u);
  EXPECT_EQ(g.production, "body-fields");
}

TEST_F(fetch_fixture, error_literal_shorter_than_announced) {
  const std::string_view text = "(BODY[] {10}\r\nabc)";
  const auto e = parse_fail(text);
  EXPECT_EQ(e.offset, text.size());
  EXPECT_EQ(e.expected, "all the octets the literal announced");
}

TEST_F(fetch_fixture, error_bad_date) {
  const auto e = parse_fail(R"((INTERNALDATE "17-Jux-1996 02:44:25 -0700"))");
  EXPECT_EQ(e.offset, 14u);
  EXPECT_EQ(e.production, "INTERNALDATE");
  EXPECT_EQ(e.expected, "date-time");
  const auto f = parse_fail(R"((INTERNALDATE "32-Jul-1996 02:44:25 -0700"))");
  EXPECT_EQ(f.offset, 14u);
}

TEST_F(fetch_fixture, error_empty_and_trailing) {
  EXPECT_EQ(parse_fail("()").offset, 1u);
  EXPECT_EQ(parse_fail("(UID 1 )").offset, 6u);
  EXPECT_EQ(parse_fail("(UID 1) ").offset, 7u);
  EXPECT_EQ(parse_fail("(UID 0)").offset, 5u);  // uniqueid is nz-number
}

TEST_F(fetch_fixture, rfc3501_status_example) {
  // RFC 3501 §7.4.2: S: * 23 FETCH (FLAGS (\Seen) RFC822.SIZE 44827)
  const auto items = parse_ok(R"((FLAGS (\Seen) RFC822.SIZE 44827))");
  ASSERT_EQ(items.size(), 2u);
  EXPECT_EQ(items[0].get<fetch_flags>()->flags[0].name, "\\Seen");
  EXPECT_EQ(items[1].get<fetch_rfc822_size>()->value, 44827u);
}

// Every proper prefix of a valid response fails cleanly (no crash, an offset inside the input),
// and so does every one-byte corruption: the sanitizer build runs this too.
TEST_F(fetch_fixture, prefixes_and_corruptions_fail_cleanly) {
  const std::string full(rfc9051_full_fetch);
  for (std::size_t n = 0; n < full.size(); ++n) {
    mem.reset();
    const auto r = parse_fetch_items(std::string_view(full).substr(0, n), mem);
    ASSERT_FALSE(r.ok()) << n;
    EXPECT_LE(r.error().offset, n);
  }
  for (std::size_t i = 0; i < full.size(); ++i) {
    for (const char c : {'(', ')', ' ', '"', '{', '\0', 'X'}) {
      std::string corrupt = full;
      corrupt[i] = c;
      mem.reset();
      const auto r = parse_fetch_items(corrupt, mem);
      // many corruptions are still valid input (a byte inside a quoted string); the others
      // must point inside it
      if (!r.ok()) {
        EXPECT_LE(r.error().offset, corrupt.size()) << i;
      }
    }
  }
  // the last ")" is structural: without it, never valid
  std::string unclosed = full;
  unclosed.back() = ' ';
  EXPECT_EQ(parse_fail(unclosed).offset, full.size() - 1);
}

TEST_F(fetch_fixture, quirk_space_before_close_paren) {
  // lenient only, as for the other lists of a response (docs/quirks.md)
  const std::string_view text = "(FLAGS (\\Seen \\Deleted ) UID 7 )";
  EXPECT_EQ(parse_fail(text).offset, 22u);
  const auto items = parse_ok(text, parse_options::lenient());
  ASSERT_EQ(items.size(), 2u);
  ASSERT_EQ(items[0].get<fetch_flags>()->flags.size(), 2u);
  EXPECT_EQ(items[0].get<fetch_flags>()->flags[1].name, "\\Deleted");
  EXPECT_EQ(items[1].get<fetch_uid>()->value, 7u);
  EXPECT_TRUE(parse_fetch_items("(FLAGS ( ) UID 7)", mem).ok());
  EXPECT_FALSE(parse_fetch_items("(UID 7  FLAGS ())", mem).ok());  // only before ")"
}

TEST_F(fetch_fixture, limits) {
  // nesting through an unknown item's generic value, and through BODYSTRUCTURE
  const std::string deep_other = "(X-FOO " + std::string(10000, '(');
  EXPECT_EQ(parse_fail(deep_other).expected, "nesting depth within max_depth");
  EXPECT_EQ(parse_fail(deep_other, parse_options::lenient()).expected,
            "nesting depth within max_depth");
  // items in one list
  parse_options few = parse_options::strict();
  few.max_list_items = 2;
  EXPECT_TRUE(parse_fetch_items("(UID 1 FLAGS (\\Seen \\Draft))", mem, few).ok());
  const auto e = parse_fail("(UID 1 FLAGS () RFC822.SIZE 3)", few);
  EXPECT_EQ(e.expected, "list items within max_list_items");
  const auto f = parse_fail("(FLAGS (\\Seen \\Draft \\Deleted))", few);
  EXPECT_EQ(f.expected, "list items within max_list_items");
}

// ---------------------------------------------------------------------------------------------
// Every FETCH response of the real captures parses, strictly and leniently.

// The part of `* <n> FETCH (...)\r\n` from "(" to ")", or empty if message is no FETCH response.
std::string_view fetch_items_of(std::string_view message) {
  if (message.size() < 2 || message.substr(0, 2) != "* ") return {};
  std::size_t p = 2;
  const std::size_t digits = p;
  while (p < message.size() && message[p] >= '0' && message[p] <= '9') ++p;
  if (p == digits) return {};
  if (message.substr(p, 8) != " FETCH (") return {};
  const std::size_t open = p + 7;
  if (message.size() < open + 3 || message.substr(message.size() - 2) != "\r\n") return {};
  return message.substr(open, message.size() - 2 - open);
}

TEST(fetch_captures, every_fetch_response_parses) {
  std::size_t files = 0, responses = 0;
  for (const auto& file : test::capture_files(".s2c")) {
    ++files;
    const std::string bytes = test::read_capture(file);
    framer frame(framer_side::read_responses,
                 framer_limits::whole_messages(framer_side::read_responses));
    frame.feed(bytes);
    arena mem;
    for (;;) {
      const framer::event ev = frame.next();
      if (ev.kind == framer::status::need_more) break;
      ASSERT_EQ(ev.kind, framer::status::message) << file.name;
      const std::string_view items = fetch_items_of(ev.message);
      if (items.empty()) continue;
      ++responses;
      // Strict mode with the server's flags (docs/quirks.md: none for Dovecot and Cyrus).
      for (const parse_options& options : {file.strict_options(), parse_options::lenient()}) {
        mem.reset();
        const auto r = parse_fetch_items(items, mem, options);
        ASSERT_TRUE(r.ok()) << file.name << " at stream offset " << ev.offset
                            << (options.quirks == parse_options::lenient().quirks ? " (lenient)"
                                                                                  : " (strict)")
                            << ": " << r.error().message() << "\n"
                            << items.substr(0, 400);
        EXPECT_FALSE(r->empty());
      }
    }
  }
  EXPECT_GE(files, 32u);
  EXPECT_GE(responses, 1700u);
}

TEST_F(fetch_fixture, QuirkEmptyItemList) {
  // "* n FETCH ()" (mail.163.com, QIP; modern-email/defects #15): msg-att has at least one item.
  const parse_error e = parse_fail("()");
  EXPECT_EQ(e.offset, 1u);
  EXPECT_TRUE(parse_ok("()", parse_options::lenient()).empty());
}

TEST_F(fetch_fixture, QuirkDateDayWithoutLeadingSpace) {
  // date-day-fixed = (SP DIGIT) / 2DIGIT; qq.com writes "1-Jan-2020" (swift-nio-imap's date
  // parser takes it).
  const parse_error e = parse_fail("(INTERNALDATE \"1-Jan-2020 10:00:00 +0000\")");
  EXPECT_EQ(e.offset, 14u);
  const auto a = parse_ok("(INTERNALDATE \"1-Jan-2020 10:00:00 +0000\")", parse_options::lenient());
  EXPECT_EQ(find_item<fetch_internal_date>(a)->value.date.day, 1u);
  EXPECT_EQ(find_item<fetch_internal_date>(a)->value.date.year, 2020u);
}

TEST_F(fetch_fixture, QuirkEnvelopeInExtraParentheses) {
  // Lotus Domino wraps ENVELOPE in one more pair of parentheses (MailKit #943; libetpan).
  const std::string_view items =
      R"((UID 7 ENVELOPE (("d" "s" NIL NIL NIL NIL NIL NIL NIL "<m>"))))";
  const parse_error e = parse_fail(items);
  EXPECT_EQ(e.offset, 17u);
  const auto a = parse_ok(items, parse_options::lenient());
  EXPECT_EQ(find_item<fetch_uid>(a)->value, 7u);
  EXPECT_EQ(find_item<fetch_envelope>(a)->value.message_id.value, "<m>");
}

}  // namespace
}  // namespace imapkit
