// body (FETCH BODY / BODYSTRUCTURE): RFC examples, extension data, recursion, limits, quirks.
#include <gtest/gtest.h>

#include <string>
#include <string_view>

#include "imapkit/parse.hpp"
#include "imapkit/serialize.hpp"

namespace imapkit {
namespace {

using kind = body_structure::kind_t;

struct body_fixture : ::testing::Test {
  arena mem;

  body_structure parse_ok(std::string_view text,
                          const parse_options& options = parse_options::strict()) {
    auto r = parse_body_structure(text, mem, options);
    EXPECT_TRUE(r.ok()) << text << "\n" << (r.ok() ? "" : r.error().message());
    return r.ok() ? *r : body_structure{};
  }
  parse_error parse_fail(std::string_view text,
                         const parse_options& options = parse_options::strict()) {
    auto r = parse_body_structure(text, mem, options);
    EXPECT_FALSE(r.ok()) << text;
    return r.ok() ? parse_error{} : r.error();
  }
  // Accepted only in lenient mode: fails strictly, returns the lenient parse.
  body_structure lenient_only(std::string_view text) {
    parse_fail(text, parse_options::strict());
    return parse_ok(text, parse_options::lenient());
  }
};

TEST_F(body_fixture, rfc3501_simple_text) {
  // RFC 3501 §7.4.2 / RFC 9051 §7.5.2 BODYSTRUCTURE example
  const auto b = parse_ok(R"(("TEXT" "PLAIN" ("CHARSET" "US-ASCII") NIL NIL "7BIT" 2279 48))");
  EXPECT_EQ(b.kind, kind::text);
  EXPECT_EQ(b.media_type.value, "TEXT");
  EXPECT_EQ(b.media_subtype.value, "PLAIN");
  ASSERT_EQ(b.fields.params.size(), 1u);
  EXPECT_EQ(b.fields.params[0].name.value, "CHARSET");
  EXPECT_EQ(b.fields.params[0].value.value, "US-ASCII");
  EXPECT_TRUE(b.fields.id.is_nil());
  EXPECT_TRUE(b.fields.description.is_nil());
  EXPECT_EQ(b.fields.encoding.value, "7BIT");
  EXPECT_EQ(b.fields.octets, 2279u);
  EXPECT_EQ(b.lines, 48u);
  EXPECT_EQ(b.extension_fields, 0);
  EXPECT_TRUE(b.parts.empty());
  EXPECT_EQ(b.encapsulated_envelope(), nullptr);
}

TEST_F(body_fixture, rfc3501_two_part_mixed) {
  // RFC 3501 §7.4.2 / RFC 9051 §7.5.2 multipart example
  const auto b = parse_ok(
      R"((("TEXT" "PLAIN" ("CHARSET" "US-ASCII") NIL NIL "7BIT" 1152 23)("TEXT" "PLAIN" ("CHARSET" "US-ASCII" "NAME" "cc.diff") "<960723163407.20117h@cac.washington.edu>" "Compiler diff" "BASE64" 4554 73) "MIXED"))");
  EXPECT_EQ(b.kind, kind::multipart);
  EXPECT_TRUE(b.is_multipart());
  EXPECT_TRUE(b.media_type.is_nil());
  EXPECT_EQ(b.media_subtype.value, "MIXED");
  ASSERT_EQ(b.parts.size(), 2u);
  EXPECT_EQ(b.parts[0].fields.octets, 1152u);
  EXPECT_EQ(b.parts[0].lines, 23u);
  const body_structure& diff = b.parts[1];
  ASSERT_EQ(diff.fields.params.size(), 2u);
  EXPECT_EQ(diff.fields.params[1].name.value, "NAME");
  EXPECT_EQ(diff.fields.params[1].value.value, "cc.diff");
  EXPECT_EQ(diff.fields.id.value, "<960723163407.20117h@cac.washington.edu>");
  EXPECT_EQ(diff.fields.description.value, "Compiler diff");
  EXPECT_EQ(diff.fields.encoding.value, "BASE64");
  EXPECT_EQ(diff.fields.octets, 4554u);
  EXPECT_EQ(diff.lines, 73u);
  EXPECT_EQ(b.extension_fields, 0);
}

TEST_F(body_fixture, extension_data_single_part_all_fields) {
  const auto b = parse_ok(
      R"(("IMAGE" "PNG" ("NAME" "a.png") "<id@x>" NIL "BASE64" 1024 "Q2hlY2s=" ("ATTACHMENT" ("FILENAME" "a.png" "SIZE" "768")) ("en" "de") "http://example.com/a.png" 7 ("x" 3 ("nested" NIL)) NIL))");
  EXPECT_EQ(b.kind, kind::basic);
  EXPECT_EQ(b.fields.octets, 1024u);
  EXPECT_EQ(b.lines, 0u);
  EXPECT_EQ(b.extension_fields, 4);
  EXPECT_EQ(b.md5.value, "Q2hlY2s=");
  EXPECT_EQ(b.disposition.type.value, "ATTACHMENT");
  ASSERT_EQ(b.disposition.params.size(), 2u);
  EXPECT_EQ(b.disposition.params[1].name.value, "SIZE");
  EXPECT_EQ(b.disposition.params[1].value.value, "768");
  ASSERT_EQ(b.language.size(), 2u);
  EXPECT_EQ(b.language[0].value, "en");
  EXPECT_EQ(b.language[1].value, "de");
  EXPECT_EQ(b.location.value, "http://example.com/a.png");
  ASSERT_EQ(b.extensions.size(), 3u);
  EXPECT_EQ(b.extensions[0].kind, body_extension::kind_t::number);
  EXPECT_EQ(b.extensions[0].number, 7u);
  ASSERT_EQ(b.extensions[1].kind, body_extension::kind_t::list);
  ASSERT_EQ(b.extensions[1].items.size(), 3u);
  EXPECT_EQ(b.extensions[1].items[0].text.value, "x");
  EXPECT_EQ(b.extensions[1].items[1].number, 3u);
  ASSERT_EQ(b.extensions[1].items[2].items.size(), 2u);
  EXPECT_TRUE(b.extensions[1].items[2].items[1].text.is_nil());
  EXPECT_EQ(b.extensions[2].kind, body_extension::kind_t::nstring);
  EXPECT_TRUE(b.extensions[2].text.is_nil());
}

TEST_F(body_fixture, extension_data_partial_levels) {
  const auto md5_only = parse_ok(R"(("TEXT" "PLAIN" NIL NIL NIL "7BIT" 1 1 NIL))");
  EXPECT_EQ(md5_only.extension_fields, 1);
  EXPECT_TRUE(md5_only.md5.is_nil());
  EXPECT_TRUE(md5_only.fields.params.empty());
  const auto with_dsp = parse_ok(R"(("TEXT" "PLAIN" NIL NIL NIL "7BIT" 1 1 NIL ("inline" NIL)))");
  EXPECT_EQ(with_dsp.extension_fields, 2);
  EXPECT_EQ(with_dsp.disposition.type.value, "inline");
  EXPECT_TRUE(with_dsp.disposition.params.empty());
  const auto with_lang = parse_ok(R"(("TEXT" "PLAIN" NIL NIL NIL "7BIT" 1 1 NIL NIL "fr"))");
  EXPECT_EQ(with_lang.extension_fields, 3);
  EXPECT_TRUE(with_lang.disposition.is_nil());
  ASSERT_EQ(with_lang.language.size(), 1u);
  EXPECT_EQ(with_lang.language[0].value, "fr");
}

TEST_F(body_fixture, multipart_extension_data_from_dovecot) {
  // imaplib-broad.s2c (Dovecot 2.3.19): BODYSTRUCTURE of a message with three attachments
  const auto b = parse_ok(
      R"((("text" "plain" ("charset" "utf-8") NIL NIL "7bit" 33 1 NIL NIL NIL NIL)("audio" "x-wav" NIL NIL NIL "base64" 92 NIL ("attachment" ("filename" "sndhdr.wav")) NIL NIL)("text" "csv" ("charset" "utf-8") NIL NIL "7bit" 47 3 NIL ("attachment" ("filename" "report.csv")) NIL NIL)("application" "octet-stream" NIL NIL NIL "base64" 18984 NIL ("attachment" ("filename" "data.bin")) NIL NIL) "mixed" ("boundary" "===============4652901934796805455==") NIL NIL NIL))");
  EXPECT_EQ(b.kind, kind::multipart);
  EXPECT_EQ(b.media_subtype.value, "mixed");
  ASSERT_EQ(b.parts.size(), 4u);
  EXPECT_EQ(b.extension_fields, 4);
  ASSERT_EQ(b.multipart_params.size(), 1u);
  EXPECT_EQ(b.multipart_params[0].name.value, "boundary");
  EXPECT_EQ(b.multipart_params[0].value.value, "===============4652901934796805455==");
  EXPECT_TRUE(b.disposition.is_nil());
  EXPECT_TRUE(b.language.empty());
  EXPECT_TRUE(b.location.is_nil());
  // lower-case media types are still TEXT (ABNF strings are case-insensitive)
  EXPECT_EQ(b.parts[0].kind, kind::text);
  EXPECT_EQ(b.parts[0].lines, 1u);
  EXPECT_EQ(b.parts[1].kind, kind::basic);
  EXPECT_EQ(b.parts[1].media_type.value, "audio");
  EXPECT_EQ(b.parts[1].fields.octets, 92u);
  EXPECT_EQ(b.parts[1].disposition.type.value, "attachment");
  EXPECT_EQ(b.parts[1].disposition.params[0].value.value, "sndhdr.wav");
  EXPECT_EQ(b.parts[2].kind, kind::text);
  EXPECT_EQ(b.parts[2].lines, 3u);
  EXPECT_EQ(b.parts[3].fields.octets, 18984u);
}

TEST_F(body_fixture, message_rfc822_digest_from_dovecot) {
  // imaplib-fetch-deep.s2c: a multipart/digest of two message/rfc822 parts
  const auto b = parse_ok(
      R"((("message" "rfc822" NIL NIL NIL "7bit" 102 (NIL "ee" ((NIL NIL "cc" "dd.org")) ((NIL NIL "cc" "dd.org")) ((NIL NIL "cc" "dd.org")) ((NIL NIL "aa" "bb.org")) NIL NIL NIL NIL) ("text" "plain" ("charset" "us-ascii") NIL NIL "7bit" 11 1 NIL NIL NIL NIL) 6 NIL NIL NIL NIL)("message" "rfc822" NIL NIL NIL "7bit" 102 (NIL "ee" ((NIL NIL "cc" "dd.org")) ((NIL NIL "cc" "dd.org")) ((NIL NIL "cc" "dd.org")) ((NIL NIL "aa" "bb.org")) NIL NIL NIL NIL) ("text" "plain" ("charset" "us-ascii") NIL NIL "7bit" 11 1 NIL NIL NIL NIL) 6 NIL NIL NIL NIL) "digest" ("boundary" "BOUNDARY") NIL NIL NIL))");
  ASSERT_EQ(b.parts.size(), 2u);
  EXPECT_EQ(b.media_subtype.value, "digest");
  const body_structure& msg = b.parts[0];
  EXPECT_EQ(msg.kind, kind::message);
  EXPECT_EQ(msg.fields.octets, 102u);
  EXPECT_EQ(msg.lines, 6u);
  EXPECT_EQ(msg.extension_fields, 4);
  ASSERT_NE(msg.encapsulated_envelope(), nullptr);
  EXPECT_TRUE(msg.encapsulated_envelope()->date.is_nil());
  EXPECT_EQ(msg.encapsulated_envelope()->subject.value, "ee");
  EXPECT_EQ(msg.encapsulated_envelope()->to[0].mailbox.value, "aa");
  ASSERT_NE(msg.encapsulated_body(), nullptr);
  EXPECT_EQ(msg.encapsulated_body()->kind, kind::text);
  EXPECT_EQ(msg.encapsulated_body()->fields.octets, 11u);
  EXPECT_EQ(b.parts[0], b.parts[1]);
}

// A message/rfc822 holding a message/rfc822 holding a multipart, with literals inside.
TEST_F(body_fixture, message_rfc822_three_levels_with_literals) {
  const std::string env = R"((NIL {5})"
                          "\r\n"
                          R"(Hello NIL NIL NIL NIL NIL NIL NIL NIL))";
  const std::string inner =
      R"((("TEXT" "PLAIN" NIL NIL NIL "7BIT" 3 1)("TEXT" "HTML" NIL NIL NIL "7BIT" 4 1) "ALTERNATIVE"))";
  const std::string level2 =
      R"(("MESSAGE" "RFC822" NIL NIL NIL "7BIT" 200 )" + env + " " + inner + " 9)";
  const std::string level1 = R"(("message" "global" NIL NIL {4})"
                             "\r\n"
                             R"(desc "8BIT" 300 )" +
                             env + " " + level2 + " 12)";
  const auto b = parse_ok(level1);
  EXPECT_EQ(b.kind, kind::message);
  EXPECT_EQ(b.media_subtype.value, "global");
  EXPECT_EQ(b.fields.description.value, "desc");
  EXPECT_EQ(b.fields.description.kind, string_kind::literal);
  EXPECT_EQ(b.lines, 12u);
  EXPECT_EQ(b.encapsulated_envelope()->subject.value, "Hello");
  const body_structure* l2 = b.encapsulated_body();
  ASSERT_NE(l2, nullptr);
  EXPECT_EQ(l2->kind, kind::message);
  EXPECT_EQ(l2->lines, 9u);
  const body_structure* l3 = l2->encapsulated_body();
  ASSERT_NE(l3, nullptr);
  EXPECT_EQ(l3->kind, kind::multipart);
  EXPECT_EQ(l3->media_subtype.value, "ALTERNATIVE");
  ASSERT_EQ(l3->parts.size(), 2u);
  EXPECT_EQ(l3->parts[1].media_subtype.value, "HTML");
}

TEST_F(body_fixture, message_other_subtype_is_basic) {
  // body-type-basic: MESSAGE subtypes other than RFC822 / GLOBAL carry no envelope
  const auto b = parse_ok(R"(("MESSAGE" "DELIVERY-STATUS" NIL NIL NIL "7BIT" 421))");
  EXPECT_EQ(b.kind, kind::basic);
  EXPECT_EQ(b.fields.octets, 421u);
}

TEST_F(body_fixture, nested_multipart) {
  const auto b = parse_ok(
      R"(((("TEXT" "PLAIN" NIL NIL NIL "7BIT" 1 1)("TEXT" "HTML" NIL NIL NIL "7BIT" 2 1) "ALTERNATIVE")("IMAGE" "GIF" NIL NIL NIL "BASE64" 30) "RELATED"))");
  ASSERT_EQ(b.parts.size(), 2u);
  EXPECT_EQ(b.parts[0].kind, kind::multipart);
  EXPECT_EQ(b.parts[0].parts.size(), 2u);
  EXPECT_EQ(b.parts[0].parts[1].fields.octets, 2u);
  EXPECT_EQ(b.parts[1].kind, kind::basic);
}

// ---------------------------------------------------------------------------------------------
// Depth limits: recursion stops cleanly at options.max_depth.

std::string nested_multipart(std::size_t depth) {
  std::string s(depth - 1, '(');
  s += R"(("TEXT" "PLAIN" NIL NIL NIL "7BIT" 1 1))";
  for (std::size_t i = 1; i < depth; ++i) s += R"( "MIXED"))";
  return s;
}

TEST_F(body_fixture, depth_limit) {
  // 256 levels is the default limit: 256 nested bodies parse, 257 do not.
  const auto ok = parse_ok(nested_multipart(256));
  const body_structure* p = &ok;
  std::size_t levels = 1;
  while (!p->parts.empty()) p = &p->parts[0], ++levels;
  EXPECT_EQ(levels, 256u);
  EXPECT_EQ(p->kind, kind::text);
  const auto e = parse_fail(nested_multipart(257));
  EXPECT_EQ(e.offset, 257u);
  EXPECT_EQ(e.expected, "nesting depth within max_depth");
  EXPECT_EQ(e.kind, parse_errc::depth_limit);
  parse_options tight = parse_options::strict();
  tight.max_depth = 3;
  EXPECT_TRUE(parse_body_structure(nested_multipart(3), mem, tight).ok());
  EXPECT_FALSE(parse_body_structure(nested_multipart(4), mem, tight).ok());
}

TEST_F(body_fixture, ten_thousand_deep_fails_cleanly) {
  const std::string deep_multipart(10000, '(');
  EXPECT_EQ(parse_fail(deep_multipart).expected, "nesting depth within max_depth");
  EXPECT_EQ(parse_fail(deep_multipart, parse_options::lenient()).expected,
            "nesting depth within max_depth");
  // through message/rfc822: each level is an envelope and a body
  std::string deep_message;
  for (int i = 0; i < 10000; ++i)
    deep_message +=
        R"(("MESSAGE" "RFC822" NIL NIL NIL "7BIT" 1 (NIL NIL NIL NIL NIL NIL NIL NIL NIL NIL) )";
  EXPECT_EQ(parse_fail(deep_message).expected, "nesting depth within max_depth");
  // body-extension lists
  std::string deep_extension = R"(("TEXT" "PLAIN" NIL NIL NIL "7BIT" 1 1 NIL NIL NIL NIL )";
  deep_extension += std::string(10000, '(');
  EXPECT_EQ(parse_fail(deep_extension).expected, "nesting depth within max_depth");
  // and through a whole FETCH response
  const std::string fetch = "(BODYSTRUCTURE " + deep_multipart;
  auto r = parse_fetch_items(fetch, mem);
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.error().expected, "nesting depth within max_depth");
}

// ---------------------------------------------------------------------------------------------
// Errors.

TEST_F(body_fixture, errors) {
  // unbalanced: the multipart's closing parenthesis is missing
  const auto a = parse_fail(R"((("TEXT" "PLAIN" NIL NIL NIL "7BIT" 1 1) "MIXED")");
  EXPECT_EQ(a.offset, 48u);
  EXPECT_EQ(a.production, "body");
  // a TEXT part without body-fld-lines
  const auto b = parse_fail(R"(("TEXT" "PLAIN" NIL NIL NIL "7BIT" 1))");
  EXPECT_EQ(b.offset, 36u);
  EXPECT_EQ(b.production, "body-type-1part");
  // a parameter without its value
  const auto c = parse_fail(R"(("TEXT" "PLAIN" ("CHARSET") NIL NIL "7BIT" 1 1))");
  EXPECT_EQ(c.offset, 26u);
  EXPECT_EQ(c.production, "body-fld-param");
  // octets must be a number
  const auto d = parse_fail(R"(("TEXT" "PLAIN" NIL NIL NIL "7BIT" "x" 1))");
  EXPECT_EQ(d.offset, 35u);
  EXPECT_EQ(d.production, "body-fields");
  // a multipart needs its subtype
  const auto e = parse_fail(R"((("TEXT" "PLAIN" NIL NIL NIL "7BIT" 1 1)))");
  EXPECT_EQ(e.offset, 40u);
  EXPECT_EQ(e.production, "body-type-mpart");
  // one body and nothing after it
  const auto f = parse_fail(R"(("TEXT" "PLAIN" NIL NIL NIL "7BIT" 1 1) )");
  EXPECT_EQ(f.offset, 39u);
  EXPECT_EQ(f.expected, "end of message");
  // a MESSAGE/RFC822 part whose envelope is cut short (strict: no fallback to basic)
  const auto g = parse_fail(
      R"(("MESSAGE" "RFC822" NIL NIL NIL "7BIT" 1 (NIL NIL) ("TEXT" "PLAIN" NIL NIL NIL "7BIT" 1 1) 1))");
  EXPECT_EQ(g.offset, 49u);
  EXPECT_EQ(g.production, "envelope");
}

// ---------------------------------------------------------------------------------------------
// Lenient mode: each quirk is rejected strictly and accepted leniently (docs/quirks.md).

TEST_F(body_fixture, quirk_multipart_with_nil_parts) {
  // Dovecot, MailKit #1393 (catalogue row 27): NIL where the parts are
  const auto b = lenient_only(R"((NIL "alternative" ("boundary" "x") NIL NIL))");
  EXPECT_EQ(b.kind, kind::multipart);
  EXPECT_TRUE(b.parts.empty());
  EXPECT_TRUE(b.media_type.is_nil());
  EXPECT_EQ(b.media_subtype.value, "alternative");
  ASSERT_EQ(b.multipart_params.size(), 1u);
  EXPECT_EQ(b.multipart_params[0].value.value, "x");
  const auto bare = lenient_only(R"((NIL "mixed"))");
  EXPECT_EQ(bare.media_subtype.value, "mixed");
  // Office 365's NIL media type of a single part is not this form (nil_media_type, below).
  parse_options without_nil_media = parse_options::lenient();
  without_nil_media.quirks.remove(quirk::nil_media_type);
  parse_fail(R"((NIL NIL NIL NIL NIL "7BIT" 10))", without_nil_media);
}

TEST_F(body_fixture, quirk_nil_media_type) {
  // Office 365 (MailKit #1446): NIL as a part's subtype, as its type, as a multipart's subtype.
  auto b = lenient_only(R"(("TEXT" NIL ("CHARSET" "utf-8") NIL NIL "7BIT" 10 1))");
  EXPECT_EQ(b.kind, kind::text);
  EXPECT_EQ(b.media_type.value, "TEXT");
  EXPECT_TRUE(b.media_subtype.is_nil());
  EXPECT_EQ(b.fields.octets, 10u);
  EXPECT_EQ(b.lines, 1u);
  b = lenient_only(R"((NIL NIL NIL NIL NIL "7BIT" 10 NIL NIL NIL NIL))");
  EXPECT_EQ(b.kind, kind::basic);
  EXPECT_TRUE(b.media_type.is_nil());
  EXPECT_TRUE(b.media_subtype.is_nil());
  EXPECT_EQ(b.extension_fields, 4);
  b = lenient_only(R"((("TEXT" "PLAIN" NIL NIL NIL "7BIT" 1 1) NIL ("BOUNDARY" "x") NIL NIL))");
  EXPECT_EQ(b.kind, kind::multipart);
  EXPECT_TRUE(b.media_subtype.is_nil());
  ASSERT_EQ(b.multipart_params.size(), 1u);
  // A multipart that lost its parts starts the same way and keeps its reading: at most four
  // values follow its subtype.
  b = parse_ok(R"(("RELATED" NIL ("ATTACHMENT" NIL) NIL))", parse_options::lenient());
  EXPECT_EQ(b.kind, kind::multipart);
  EXPECT_EQ(b.media_subtype.value, "RELATED");
  b = parse_ok(R"((NIL "alternative" ("boundary" "x") NIL NIL NIL))", parse_options::lenient());
  EXPECT_EQ(b.kind, kind::multipart);
  EXPECT_EQ(b.media_subtype.value, "alternative");
  // Five values after a NIL subtype are too few for a part: refused.
  parse_fail(R"(("TEXT" NIL NIL NIL NIL "7BIT"))", parse_options::lenient());
}

TEST_F(body_fixture, quirk_empty_parameter_list) {
  const auto b = lenient_only(R"(("TEXT" "PLAIN" () NIL NIL "7BIT" 10 1))");
  EXPECT_TRUE(b.fields.params.empty());
  EXPECT_EQ(b.lines, 1u);
}

TEST_F(body_fixture, quirk_nil_encoding_and_octets) {
  const auto b = lenient_only(R"(("APPLICATION" "PDF" NIL NIL NIL NIL NIL))");
  EXPECT_TRUE(b.fields.encoding.is_nil());
  EXPECT_EQ(b.fields.octets, 0u);
  const auto c = lenient_only(R"(("APPLICATION" "PDF" NIL NIL NIL "BASE64" ""))");
  EXPECT_EQ(c.fields.encoding.value, "BASE64");
  EXPECT_EQ(c.fields.octets, 0u);
}

TEST_F(body_fixture, quirk_missing_lines) {
  const auto t = lenient_only(R"(("TEXT" "PLAIN" NIL NIL NIL "7BIT" 10))");
  EXPECT_EQ(t.kind, kind::text);
  EXPECT_EQ(t.lines, 0u);
  const auto with_ext = lenient_only(R"(("TEXT" "PLAIN" NIL NIL NIL "7BIT" 10 NIL NIL NIL NIL))");
  EXPECT_EQ(with_ext.extension_fields, 4);
  const auto m = lenient_only(
      R"(("MESSAGE" "RFC822" NIL NIL NIL "7BIT" 10 (NIL NIL NIL NIL NIL NIL NIL NIL NIL NIL) ("TEXT" "PLAIN" NIL NIL NIL "7BIT" 1 1)))");
  EXPECT_EQ(m.kind, kind::message);
  EXPECT_EQ(m.lines, 0u);
  EXPECT_EQ(m.encapsulated_body()->fields.octets, 1u);
}

TEST_F(body_fixture, quirk_message_rfc822_without_envelope) {
  const auto b = lenient_only(R"(("MESSAGE" "RFC822" NIL NIL NIL "7BIT" 1234 NIL NIL NIL NIL))");
  EXPECT_EQ(b.kind, kind::basic);
  EXPECT_EQ(b.encapsulated_envelope(), nullptr);
  EXPECT_EQ(b.fields.octets, 1234u);
  EXPECT_EQ(b.extension_fields, 4);
}

TEST_F(body_fixture, message_global_as_basic_part_is_rfc3501) {
  // RFC 3501's media-message is MESSAGE/RFC822 alone: MESSAGE/GLOBAL is body-type-basic there,
  // as Dovecot 2.3 and Mailutils 3.15 send it. Strict mode reads it, and RFC 9051's form with
  // an envelope; the serializer writes both back.
  const std::string_view basic = R"(("MESSAGE" "GLOBAL" NIL NIL NIL "8bit" 141 NIL NIL NIL NIL))";
  const auto b = parse_ok(basic);
  EXPECT_EQ(b.kind, kind::basic);
  EXPECT_EQ(b.encapsulated_envelope(), nullptr);
  EXPECT_EQ(b.fields.octets, 141u);
  EXPECT_EQ(b.extension_fields, 4);
  const auto m = parse_ok(
      R"(("MESSAGE" "GLOBAL" NIL NIL NIL "8bit" 141 (NIL "s" NIL NIL NIL NIL NIL NIL NIL NIL) )"
      R"(("TEXT" "PLAIN" NIL NIL NIL "8bit" 21 1) 5))");
  EXPECT_EQ(m.kind, kind::message);
  ASSERT_NE(m.encapsulated_envelope(), nullptr);
  for (const std::string_view body :
       {basic, std::string_view(R"(("MESSAGE" "GLOBAL" NIL NIL NIL "8bit" 141 (NIL "s" NIL NIL )"
                                R"(NIL NIL NIL NIL NIL NIL) ("TEXT" "PLAIN" NIL NIL NIL "8bit" )"
                                R"(21 1) 5))")}) {
    const std::string message = "* 1 FETCH (BODYSTRUCTURE " + std::string(body) + ")\r\n";
    const auto parsed = parse_response(message, mem);
    ASSERT_TRUE(parsed.ok()) << message;
    buffer_sink out;
    ASSERT_TRUE(serialize(*parsed, out)) << message;
    EXPECT_EQ(out.bytes(), message);
  }
  EXPECT_EQ(parse_fail(R"(("MESSAGE" "RFC822" NIL NIL NIL "8bit" 141 NIL NIL NIL NIL))").offset,
            42u);  // MESSAGE/RFC822 needs its envelope in both RFCs
}

TEST_F(body_fixture, quirk_message_body_without_space) {
  // GNU Mailutils 3.15: no SP between a MESSAGE/RFC822 part's envelope and its body.
  const parse_error e = parse_fail(
      R"(("message" "rfc822" NIL NIL "Fwd" "7BIT" 505 (NIL "s" NIL NIL NIL NIL NIL NIL NIL NIL))"
      R"(("text" "plain" NIL NIL NIL "7BIT" 21 1) 19 NIL NIL NIL))");
  EXPECT_EQ(e.expected, "' '");
  const auto b = lenient_only(
      R"(("message" "rfc822" NIL NIL "Fwd" "7BIT" 505 (NIL "s" NIL NIL NIL NIL NIL NIL NIL NIL))"
      R"(("text" "plain" NIL NIL NIL "7BIT" 21 1) 19 NIL NIL NIL))");
  EXPECT_EQ(b.kind, kind::message);
  ASSERT_NE(b.encapsulated_envelope(), nullptr);
  EXPECT_EQ(b.encapsulated_envelope()->subject.value, "s");
  ASSERT_EQ(b.parts.size(), 1u);
  EXPECT_EQ(b.parts[0].fields.octets, 21u);
  EXPECT_EQ(b.lines, 19u);
}

TEST_F(body_fixture, quirk_disposition_bare_string) {
  const auto b = lenient_only(R"(("TEXT" "PLAIN" NIL NIL NIL "7BIT" 1 1 NIL "inline"))");
  EXPECT_EQ(b.extension_fields, 2);
  EXPECT_EQ(b.disposition.type.value, "inline");
  EXPECT_TRUE(b.disposition.params.empty());
  // Exchange 2016's "extra string after a multipart's subtype" (jakartaee/mail-api #278,
  // catalogue row 26) is this form: the string stands where the multipart's disposition is.
  const auto m = lenient_only(
      R"((("text" "plain" ("charset" "us-ascii") NIL NIL "7bit" 21 0 NIL ("inline" NIL) NIL NIL))"
      R"(("application" "octet-stream" ("name" "private.txt") NIL NIL "base64" 690 NIL )"
      R"(("attachment" ("filename" "private.txt")) NIL NIL) "mixed" ("boundary" )"
      R"("----=_Part_0_-1731707885.1504253815584") "S/MIME Encrypted Message" NIL))");
  EXPECT_EQ(m.kind, kind::multipart);
  ASSERT_EQ(m.parts.size(), 2u);
  EXPECT_EQ(m.media_subtype.value, "mixed");
  EXPECT_EQ(m.disposition.type.value, "S/MIME Encrypted Message");
  EXPECT_EQ(m.extension_fields, 3);
}

TEST_F(body_fixture, quirk_negative_octets_and_lines) {
  // Exchange, SmarterMail: -1; seznam.cz: -2 (emersion/go-imap #534, MailKit #385 / #823). An
  // unknown size, read as 0 like NIL.
  const parse_error e = parse_fail(R"(("TEXT" "PLAIN" NIL NIL NIL "7BIT" -1 -1))");
  EXPECT_EQ(e.offset, 35u);
  const auto b = lenient_only(R"(("TEXT" "PLAIN" NIL NIL NIL "7BIT" -1 -2 NIL NIL NIL NIL))");
  EXPECT_EQ(b.fields.octets, 0u);
  EXPECT_EQ(b.lines, 0u);
  EXPECT_EQ(b.extension_fields, 4);
}

TEST_F(body_fixture, quirk_nil_parameter_value) {
  // imap.mail.ru, Exchange: ("charset" NIL), ("boundary" NIL) (vmime #159, MailKit #124)
  const parse_error e = parse_fail(R"(("TEXT" "PLAIN" ("charset" NIL) NIL NIL "7BIT" 10 1))");
  EXPECT_EQ(e.offset, 27u);
  const auto b = lenient_only(R"(("TEXT" "PLAIN" ("charset" NIL) NIL NIL "7BIT" 10 1))");
  ASSERT_EQ(b.fields.params.size(), 1u);
  EXPECT_EQ(b.fields.params[0].name.value, "charset");
  EXPECT_TRUE(b.fields.params[0].value.is_nil());
}

TEST_F(body_fixture, quirk_disposition_nil_type) {
  // Exchange: (NIL NIL) as body-fld-dsp (MailKit #486)
  const parse_error e = parse_fail(R"(("TEXT" "PLAIN" NIL NIL NIL "7BIT" 10 1 NIL (NIL NIL)))");
  EXPECT_EQ(e.offset, 45u);
  const auto b = lenient_only(R"(("TEXT" "PLAIN" NIL NIL NIL "7BIT" 10 1 NIL (NIL NIL)))");
  EXPECT_EQ(b.extension_fields, 2);
  EXPECT_TRUE(b.disposition.is_nil());
}

TEST_F(body_fixture, quirk_space_between_parts) {
  // RFC 9051 §7.5.2 prints its example with a line break between the parts
  const auto b = lenient_only(
      R"((("TEXT" "PLAIN" NIL NIL NIL "7BIT" 1 1) ("TEXT" "PLAIN" NIL NIL NIL "7BIT" 2 1) "MIXED"))");
  ASSERT_EQ(b.parts.size(), 2u);
  EXPECT_EQ(b.parts[1].fields.octets, 2u);
}

}  // namespace
}  // namespace imapkit
