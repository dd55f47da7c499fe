// Unit tests of server::mime_message (mime.hpp): structure, envelope, sections, decodings and
// malformed input. Expected BODY / BODYSTRUCTURE / ENVELOPE values are written as IMAP text
// (what Dovecot sends for the same message) and compared by value.
#include "mime.hpp"

#include <gtest/gtest.h>

#include <initializer_list>
#include <list>
#include <random>
#include <string>
#include <string_view>
#include <vector>

#include "imapkit/parse.hpp"

namespace {

// Messages are written with "\n" for readability and stored with CRLF, as IMAP has them.
std::string crlf(std::string_view text) {
  std::string out;
  for (char c : text) {
    if (c == '\n') out += '\r';
    out += c;
  }
  return out;
}

// Readable IMAP-like text of a value, for failure messages.
std::string show(const imapkit::string& s) {
  if (s.is_nil()) return "NIL";
  std::string out = "\"";
  out += s.value;
  out += '"';
  return out;
}

// Joins the pieces with single spaces (appending, not operator+: GCC 12 warns falsely there).
std::string spaced(std::initializer_list<std::string> pieces) {
  std::string out;
  for (const std::string& piece : pieces) {
    if (!out.empty()) out += ' ';
    out += piece;
  }
  return out;
}

std::string parenthesized(const std::string& inner) {
  std::string out = "(";
  out += inner;
  out += ')';
  return out;
}

std::string show(const imapkit::address_list& list) {
  if (list.empty()) return "NIL";
  std::string inner;
  for (const imapkit::address& a : list)
    inner += parenthesized(spaced({show(a.name), show(a.adl), show(a.mailbox), show(a.host)}));
  return parenthesized(inner);
}

std::string show(const imapkit::envelope& e) {
  return parenthesized(
      spaced({show(e.date), show(e.subject), show(e.from), show(e.sender), show(e.reply_to),
              show(e.to), show(e.cc), show(e.bcc), show(e.in_reply_to), show(e.message_id)}));
}

std::string show(const imapkit::body_params& params) {
  if (params.empty()) return "NIL";
  std::string inner;
  for (const imapkit::body_param& p : params) {
    if (!inner.empty()) inner += ' ';
    inner += spaced({show(p.name), show(p.value)});
  }
  return parenthesized(inner);
}

std::string show(const imapkit::body_structure& b) {
  std::string inner;
  if (b.is_multipart()) {
    for (const imapkit::body_structure& part : b.parts) inner += show(part);
    inner = spaced({inner, show(b.media_subtype)});
    if (b.extension_fields >= 1) inner = spaced({inner, show(b.multipart_params)});
  } else {
    inner = spaced({show(b.media_type), show(b.media_subtype), show(b.fields.params),
                    show(b.fields.id), show(b.fields.description), show(b.fields.encoding),
                    std::to_string(b.fields.octets)});
    if (b.encapsulated_envelope()) inner = spaced({inner, show(*b.encapsulated_envelope())});
    if (b.encapsulated_body()) inner = spaced({inner, show(*b.encapsulated_body())});
    if (b.kind != imapkit::body_structure::kind_t::basic)
      inner = spaced({inner, std::to_string(b.lines)});
    if (b.extension_fields >= 1) inner = spaced({inner, show(b.md5)});
  }
  if (b.extension_fields >= 2) {
    inner = spaced({inner, b.disposition.is_nil()
                               ? std::string("NIL")
                               : parenthesized(spaced(
                                     {show(b.disposition.type), show(b.disposition.params)}))});
  }
  if (b.extension_fields >= 3) {
    std::string languages;
    for (const imapkit::string& l : b.language) languages = spaced({languages, show(l)});
    inner = spaced({inner, parenthesized(languages)});
  }
  if (b.extension_fields >= 4) inner = spaced({inner, show(b.location)});
  return parenthesized(inner);
}

struct mime_fixture : ::testing::Test {
  imapkit::arena arena;
  std::list<std::string> messages;  // a mime_message's bytes must outlive it

  // The message with CRLF line ends, kept for as long as the test runs.
  std::string_view stored(std::string_view text) { return messages.emplace_back(crlf(text)); }
  imapkit::arena expected_arena;

  imapkit::body_structure expected_body(std::string_view text) {
    auto r = imapkit::parse_body_structure(text, expected_arena);
    EXPECT_TRUE(r.ok()) << text;
    return r.ok() ? *r : imapkit::body_structure{};
  }
  void expect_envelope(const server::mime_message& mime, std::string_view text) {
    const imapkit::envelope ours = mime.envelope(arena);
    EXPECT_TRUE(ours == expected_envelope(text))
        << "ENVELOPE\nexpected " << text << "\nactual   " << show(ours);
  }
  imapkit::envelope expected_envelope(std::string_view text) {
    auto r = imapkit::parse_envelope(text, expected_arena);
    EXPECT_TRUE(r.ok()) << text;
    return r.ok() ? *r : imapkit::envelope{};
  }
  void expect_body(const server::mime_message& mime, bool extended, std::string_view text) {
    const imapkit::body_structure ours = mime.body_structure(arena, extended);
    EXPECT_TRUE(ours == expected_body(text)) << (extended ? "BODYSTRUCTURE\n" : "BODY\n")
                                             << "expected " << text << "\nactual   " << show(ours);
  }
  imapkit::section section(std::initializer_list<std::uint32_t> part,
                           imapkit::section_text text = imapkit::section_text::none,
                           std::initializer_list<std::string_view> fields = {}) {
    imapkit::section s;
    for (std::uint32_t n : part) s.part.push_back(arena, n);
    s.text = text;
    for (std::string_view f : fields) s.header_fields.push_back(arena, imapkit::string::atom(f));
    return s;
  }
};

using imapkit::section_text;

// --- Single parts and defaults -----------------------------------------------------------------

TEST_F(mime_fixture, plain_message_without_mime_headers_gets_the_defaults) {
  const std::string message = crlf("From: a@example.org\nSubject: hi\n\nline one\nline two\n");
  const server::mime_message mime(message);
  expect_body(mime, false, R"(("text" "plain" ("charset" "us-ascii") NIL NIL "7bit" 20 2))");
  expect_body(mime, true,
              R"(("text" "plain" ("charset" "us-ascii") NIL NIL "7bit" 20 2 NIL NIL NIL NIL))");
  EXPECT_EQ(mime.header(), crlf("From: a@example.org\nSubject: hi\n\n"));
  EXPECT_EQ(mime.text(), crlf("line one\nline two\n"));
  EXPECT_EQ(mime.bytes(), message);
}

TEST_F(mime_fixture, content_fields_are_passed_through) {
  const std::string message = crlf(
      "Content-Type: Text/HTML; CharSet=\"ISO-8859-1\" (comment); name=\"a \\\"b\\\" c\"\n"
      "Content-Transfer-Encoding: QUOTED-PRINTABLE (comment)\n"
      "Content-ID:  <id@example.org>  \n"
      "Content-Description: folded\n  description\n"
      "Content-MD5: Q2hlY2sgSW50ZWdyaXR5IQ==\n"
      "Content-Disposition: inline; filename=\"page.html\"\n"
      "Content-Language: en, de (German), fr\n"
      "Content-Location: http://example.org/page\n"
      "\n"
      "<p>caf=E9</p>");
  const server::mime_message mime(message);
  expect_body(mime, true,
              R"(("Text" "HTML" ("CharSet" "ISO-8859-1" "name" "a \"b\" c") "<id@example.org>  " )"
              R"("folded  description" "QUOTED-PRINTABLE" 13 0 "Q2hlY2sgSW50ZWdyaXR5IQ==" )"
              R"(("inline" ("filename" "page.html")) ("en" "de" "fr") "http://example.org/page"))");
}

TEST_F(mime_fixture, non_text_parts_have_no_lines_and_no_default_charset) {
  const std::string message =
      crlf("Content-Type: image/png\nContent-Transfer-Encoding: base64\n\niVBORw0KGgo=\n");
  const server::mime_message mime(message);
  expect_body(mime, false, R"(("image" "png" NIL NIL NIL "base64" 14))");
}

TEST_F(mime_fixture, first_occurrence_of_a_mime_field_wins_and_broken_types_stay) {
  const server::mime_message no_subtype(stored("Content-Type: text\n\nx\n"));
  expect_body(no_subtype, false, R"(("text" "" ("charset" "us-ascii") NIL NIL "7bit" 3 1))");
  const server::mime_message twice(
      stored("Content-Type: image/gif\nContent-Type: text/plain\n\nGIF"));
  expect_body(twice, false, R"(("image" "gif" NIL NIL NIL "7bit" 3))");
}

TEST_F(mime_fixture, rfc2231_continuations_are_merged_as_dovecot_does) {
  const std::string message = crlf(
      "Content-Type: application/x-stuff; format=fixed;\n"
      " title*0*=us-ascii'en'This%20is%20;\n"
      " title*1=\"plain part\";\n"
      " name*0=\"gap\"; name*2=\"after gap\";\n"
      " single*=\"us-ascii''star\"\n"
      "Content-Disposition: attachment;\n filename*=UTF-8''na%C3%AFve.txt\n"
      "\n"
      "data");
  const server::mime_message mime(message);
  // Plain parameters first, then the merged ones sorted by name; a piece with a gap in its
  // numbering stays alone, and "single*" inherits the number of the piece before it.
  expect_body(
      mime, true,
      R"(("application" "x-stuff" ("format" "fixed" "name*0" "gap" "name*2" "after gap" )"
      R"("single*2*" "us-ascii''star" "title*" "us-ascii'en'This%20is%20plain part") )"
      R"(NIL NIL "7bit" 4 NIL ("attachment" ("filename*" "UTF-8''na%C3%AFve.txt")) NIL NIL))");
}

TEST_F(mime_fixture, message_without_blank_line_is_all_header) {
  const std::string message = "Subject: only a header\r\nFrom: a@example.org";
  const server::mime_message mime(message);
  EXPECT_EQ(mime.header(), message);
  EXPECT_EQ(mime.text(), "");
  expect_body(mime, false, R"(("text" "plain" ("charset" "us-ascii") NIL NIL "7bit" 0 0))");
  // The cut-off last field keeps its missing line end and gets no blank line (Dovecot).
  EXPECT_EQ(mime.section(section({}, section_text::header_fields, {"From"})),
            "From: a@example.org");
  EXPECT_EQ(mime.section(section({}, section_text::header_fields, {"Subject"})),
            "Subject: only a header\r\n\r\n");
}

TEST_F(mime_fixture, bare_lf_messages_are_split_sensibly) {
  const std::string message =
      "Subject: lf\nContent-Type: multipart/mixed; boundary=b\n\n--b\n\none\n--b\n"
      "Content-Type: text/html\n\n<p>two</p>\n--b--\n";
  const server::mime_message mime(message);
  EXPECT_EQ(mime.header(), "Subject: lf\nContent-Type: multipart/mixed; boundary=b\n\n");
  expect_body(mime, false,
              R"((("text" "plain" ("charset" "us-ascii") NIL NIL "7bit" 3 0))"
              R"(("text" "html" ("charset" "us-ascii") NIL NIL "7bit" 10 0) "mixed"))");
  EXPECT_EQ(mime.section(section({2})), "<p>two</p>");
  EXPECT_EQ(mime.header_values("subject"), std::vector<std::string>{"lf"});
}

// --- Multiparts ----------------------------------------------------------------------------------

const char* const nested_message =
    "From: Frank <frank@example.org>\n"
    "Subject: nested\n"
    "Content-Type: multipart/mixed; boundary=\"outer\"\n"
    "\n"
    "preamble, ignored\n"
    "--outer\n"
    "Content-Type: multipart/alternative; boundary=\"inner\"\n"
    "\n"
    "--inner\n"
    "Content-Type: text/plain; charset=us-ascii\n"
    "\n"
    "plain text\n"
    "--inner\n"
    "Content-Type: text/html; charset=us-ascii\n"
    "\n"
    "<p>html</p>\n"
    "\n"
    "--inner--\n"
    "--outer\n"
    "Content-Type: application/pdf; name=\"r.pdf\"\n"
    "Content-Transfer-Encoding: base64\n"
    "Content-Disposition: attachment; filename=\"r.pdf\"\n"
    "\n"
    "JVBERi0xLjQK\n"
    "--outer--\n"
    "epilogue, ignored\n";

TEST_F(mime_fixture, nested_multipart_structure) {
  const server::mime_message mime(stored(nested_message));
  expect_body(mime, false,
              R"(((("text" "plain" ("charset" "us-ascii") NIL NIL "7bit" 10 0))"
              R"(("text" "html" ("charset" "us-ascii") NIL NIL "7bit" 13 1) "alternative"))"
              R"(("application" "pdf" ("name" "r.pdf") NIL NIL "base64" 12) "mixed"))");
  expect_body(mime, true,
              R"(((("text" "plain" ("charset" "us-ascii") NIL NIL "7bit" 10 0 NIL NIL NIL NIL))"
              R"(("text" "html" ("charset" "us-ascii") NIL NIL "7bit" 13 1 NIL NIL NIL NIL) )"
              R"("alternative" ("boundary" "inner") NIL NIL NIL))"
              R"(("application" "pdf" ("name" "r.pdf") NIL NIL "base64" 12 NIL )"
              R"(("attachment" ("filename" "r.pdf")) NIL NIL) "mixed" ("boundary" "outer") )"
              R"(NIL NIL NIL))");
}

TEST_F(mime_fixture, sections_of_a_nested_multipart) {
  const server::mime_message mime(stored(nested_message));
  EXPECT_EQ(mime.section(section({1, 1})), "plain text");
  EXPECT_EQ(mime.section(section({1, 2})), crlf("<p>html</p>\n"));
  EXPECT_EQ(mime.section(section({1, 2}, section_text::mime)),
            crlf("Content-Type: text/html; charset=us-ascii\n\n"));
  // The CRLF before a delimiter belongs to the delimiter, except after a nested multipart's
  // close delimiter line (Dovecot keeps that line's end in the part).
  EXPECT_EQ(mime.section(section({1})),
            crlf("--inner\nContent-Type: text/plain; charset=us-ascii\n\nplain text\n--inner\n"
                 "Content-Type: text/html; charset=us-ascii\n\n<p>html</p>\n\n--inner--\n"));
  EXPECT_EQ(mime.section(section({2})), "JVBERi0xLjQK");
  EXPECT_EQ(mime.section(section({2}, section_text::mime)),
            crlf("Content-Type: application/pdf; name=\"r.pdf\"\n"
                 "Content-Transfer-Encoding: base64\n"
                 "Content-Disposition: attachment; filename=\"r.pdf\"\n\n"));
  // Dovecot: a non-multipart part of a multipart is its own part 1, once.
  EXPECT_EQ(mime.section(section({1, 1, 1})), "plain text");
  EXPECT_EQ(mime.section(section({1, 1, 1, 1})), std::nullopt);
  EXPECT_EQ(mime.section(section({3})), std::nullopt);
  EXPECT_EQ(mime.section(section({1, 3})), std::nullopt);
  EXPECT_EQ(mime.section(section({2, 2})), std::nullopt);
  EXPECT_EQ(mime.section(section({0})), std::nullopt);
  // HEADER / TEXT of a part that is not a message/rfc822: empty.
  EXPECT_EQ(mime.section(section({2}, section_text::header)), "");
  EXPECT_EQ(mime.section(section({2}, section_text::text)), "");
}

TEST_F(mime_fixture, truncated_multipart_runs_to_the_end) {
  const server::mime_message mime(stored(
      "Content-Type: multipart/mixed; boundary=t\n\n--t\n\nfirst\n--t\n\nsecond, no close\n"));
  expect_body(mime, false,
              R"((("text" "plain" ("charset" "us-ascii") NIL NIL "7bit" 5 0))"
              R"(("text" "plain" ("charset" "us-ascii") NIL NIL "7bit" 18 1) "mixed"))");
  EXPECT_EQ(mime.section(section({2})), crlf("second, no close\n"));
}

TEST_F(mime_fixture, multipart_without_boundary_holds_one_empty_text_part) {
  const server::mime_message mime(
      stored("Content-Type: multipart/mixed\n\n--x\n\nnot a part\n--x--\n"));
  expect_body(mime, false,
              R"((("text" "plain" ("charset" "us-ascii") NIL NIL "7bit" 0 0) "mixed"))");
  expect_body(mime, true,
              R"((("text" "plain" ("charset" "us-ascii") NIL NIL "7bit" 0 0 NIL NIL NIL NIL) )"
              R"("mixed" NIL NIL NIL NIL))");
  EXPECT_EQ(mime.section(section({1})), std::nullopt);
  EXPECT_EQ(mime.section(section({}, section_text::text)), crlf("--x\n\nnot a part\n--x--\n"));
}

TEST_F(mime_fixture, boundary_never_found_gives_one_empty_part_too) {
  const server::mime_message mime(
      stored("Content-Type: multipart/mixed; boundary=missing\n\njust text\n"));
  expect_body(mime, false,
              R"((("text" "plain" ("charset" "us-ascii") NIL NIL "7bit" 0 0) "mixed"))");
}

TEST_F(mime_fixture, digest_parts_default_to_message_rfc822) {
  const server::mime_message mime(
      stored("Content-Type: multipart/digest; boundary=d\n\n--d\n\nFrom: k@example.org\n"
             "Subject: one\n\nbody one\n--d\nContent-Type: text/plain\n\nintro\n--d--\n"));
  expect_body(mime, false,
              R"((("message" "rfc822" NIL NIL NIL "7bit" 45 )"
              R"((NIL "one" ((NIL NIL "k" "example.org")) ((NIL NIL "k" "example.org")) )"
              R"(((NIL NIL "k" "example.org")) NIL NIL NIL NIL NIL) )"
              R"(("text" "plain" ("charset" "us-ascii") NIL NIL "7bit" 8 0) 3))"
              R"(("text" "plain" ("charset" "us-ascii") NIL NIL "7bit" 5 0) "digest"))");
}

// --- message/rfc822
// --------------------------------------------------------------------------------

const char* const forward_message =
    "Subject: Fwd\n"
    "Content-Type: multipart/mixed; boundary=\"fwd\"\n"
    "\n"
    "--fwd\n"
    "Content-Type: text/plain\n"
    "\n"
    "see below\n"
    "--fwd\n"
    "Content-Type: message/rfc822\n"
    "\n"
    "From: Judy <judy@example.com>\n"
    "Subject: inner\n"
    "Content-Type: multipart/alternative; boundary=\"in\"\n"
    "\n"
    "--in\n"
    "\n"
    "inner text\n"
    "--in--\n"
    "--fwd--\n";

TEST_F(mime_fixture, message_rfc822_part_has_envelope_and_body) {
  const server::mime_message mime(stored(forward_message));
  expect_body(
      mime, false,
      R"((("text" "plain" ("charset" "us-ascii") NIL NIL "7bit" 9 0))"
      R"(("message" "rfc822" NIL NIL NIL "7bit" 129 )"
      R"((NIL "inner" (("Judy" NIL "judy" "example.com")) (("Judy" NIL "judy" "example.com")) )"
      R"((("Judy" NIL "judy" "example.com")) NIL NIL NIL NIL NIL) )"
      R"((("text" "plain" ("charset" "us-ascii") NIL NIL "7bit" 10 0) "alternative") 8) )"
      R"("mixed"))");
}

TEST_F(mime_fixture, sections_inside_a_message_rfc822_part) {
  const server::mime_message mime(stored(forward_message));
  EXPECT_EQ(mime.section(section({2}, section_text::header)),
            crlf("From: Judy <judy@example.com>\nSubject: inner\n"
                 "Content-Type: multipart/alternative; boundary=\"in\"\n\n"));
  EXPECT_EQ(mime.section(section({2}, section_text::text)), crlf("--in\n\ninner text\n--in--\n"));
  EXPECT_EQ(mime.section(section({2}, section_text::mime)),
            crlf("Content-Type: message/rfc822\n\n"));
  EXPECT_EQ(mime.section(section({2, 1})), "inner text");
  EXPECT_EQ(mime.section(section({2}, section_text::header_fields, {"subject"})),
            crlf("Subject: inner\n\n"));
  EXPECT_EQ(mime.section(section({2}, section_text::header_fields_not, {"subject", "from"})),
            crlf("Content-Type: multipart/alternative; boundary=\"in\"\n\n"));
}

TEST_F(mime_fixture, top_level_message_rfc822) {
  const server::mime_message mime(
      stored("Subject: outer\nContent-Type: message/rfc822\n\nSubject: inner\n\ninner body\n"));
  EXPECT_EQ(mime.section(section({1})), crlf("Subject: inner\n\ninner body\n"));
  EXPECT_EQ(mime.section(section({1, 1})), crlf("inner body\n"));
  EXPECT_EQ(mime.section(section({1, 1, 1})), std::nullopt);
  EXPECT_EQ(mime.section(section({1}, section_text::header)), crlf("Subject: inner\n\n"));
}

TEST_F(mime_fixture, message_global_is_a_basic_part_as_in_dovecot) {
  const server::mime_message mime(
      stored("Content-Type: message/global\n\nSubject: inner\n\nbody\n"));
  expect_body(mime, false, R"(("message" "global" NIL NIL NIL "7bit" 24))");
}

// --- Sections of the top level
// ---------------------------------------------------------------------

TEST_F(mime_fixture, top_level_sections) {
  const std::string message = crlf(
      "Date: Mon, 1 Jan 2026 00:00:00 +0000\nSubject: a\n  folded\nX-Thing: 1\n"
      "subject: second\n\nbody\n");
  const server::mime_message mime(message);
  EXPECT_EQ(mime.section(section({})), message);
  EXPECT_EQ(mime.section(section({}, section_text::header)), mime.header());
  EXPECT_EQ(mime.section(section({}, section_text::text)), crlf("body\n"));
  EXPECT_EQ(mime.section(section({}, section_text::header_fields, {"SUBJECT"})),
            crlf("Subject: a\n  folded\nsubject: second\n\n"));
  EXPECT_EQ(mime.section(section({}, section_text::header_fields_not, {"subject", "date"})),
            crlf("X-Thing: 1\n\n"));
  EXPECT_EQ(mime.section(section({}, section_text::header_fields, {"X-Absent"})), "\r\n");
  EXPECT_EQ(mime.section(section({1})), crlf("body\n"));
  // The MIME header of part 1 of a non-multipart message is the message header (Dovecot).
  EXPECT_EQ(mime.section(section({1}, section_text::mime)), mime.header());
  EXPECT_EQ(mime.section(section({1, 1})), std::nullopt);
  EXPECT_EQ(mime.section(section({2})), std::nullopt);
}

TEST_F(mime_fixture, header_values_are_unfolded) {
  const server::mime_message mime(
      stored("Subject:  a\n\tfolded  value  \nTo: x@example.org\nSUBJECT: two\n\n"));
  EXPECT_EQ(mime.header_values("subject"), (std::vector<std::string>{"a\tfolded  value  ", "two"}));
  EXPECT_EQ(mime.header_values("To"), std::vector<std::string>{"x@example.org"});
  EXPECT_TRUE(mime.header_values("Cc").empty());
}

// --- ENVELOPE
// --------------------------------------------------------------------------------------

TEST_F(mime_fixture, envelope_defaults_and_raw_values) {
  const server::mime_message mime(
      stored("From: Alice Example <alice@example.org>\n"
             "To: bob@example.net\n"
             "Subject: =?UTF-8?Q?Gr=C3=BC=C3=9Fe?=  over\n   two lines \n"
             "Message-ID:\n <id@example.org>\n"
             "In-Reply-To: <a@example.org> <b@example.org>\n"
             "\n"));
  expect_envelope(
      mime, (R"((NIL "=?UTF-8?Q?Gr=C3=BC=C3=9Fe?= over two lines" )"
             R"((("Alice Example" NIL "alice" "example.org")) )"
             R"((("Alice Example" NIL "alice" "example.org")) )"
             R"((("Alice Example" NIL "alice" "example.org")) ((NIL NIL "bob" "example.net")) )"
             R"(NIL NIL "<a@example.org> <b@example.org>" " <id@example.org>"))"));
}

TEST_F(mime_fixture, envelope_groups_routes_comments_and_quoting) {
  const server::mime_message mime(stored(
      "Date: Tue, 1 Dec 2026 09:00:00 +0100 (CET)\n"
      "From: \"Mallory \\\"the boss\\\" O'Neil\" <mallory@example.com>\n"
      "Sender: assistant@example.com (Assistant (nested) of Mallory)\n"
      "Reply-To: Team A: alice@example.org, \"Bob B.\" <bob@example.net>;, Other <o@example.org>\n"
      "To: undisclosed-recipients:;\n"
      "Cc: <@relay1.example,@relay2.example:carol@example.com>, \"quoted local\"@example.com,\n"
      " Dave (the admin) <dave@example.net>\n"
      "Bcc: \"\" <empty@example.org>, user-only, @no-mailbox.example, \"Only Phrase\",, x@y.z "
      "junk, "
      "never@example.org\n"
      "\n"));
  expect_envelope(
      mime,
      ("(\"Tue, 1 Dec 2026 09:00:00 +0100 (CET)\" NIL "
       R"((("Mallory \"the boss\" O'Neil" NIL "mallory" "example.com")) )"
       R"((("Assistant (nested) of Mallory" NIL "assistant" "example.com")) )"
       R"(((NIL NIL "Team A" NIL)(NIL NIL "alice" "example.org")("Bob B." NIL "bob" "example.net"))"
       R"((NIL NIL NIL NIL)("Other" NIL "o" "example.org")) )"
       R"(((NIL NIL "undisclosed-recipients" NIL)(NIL NIL NIL NIL)) )"
       R"(((NIL "@relay1.example,@relay2.example" "carol" "example.com"))"
       R"((NIL NIL "quoted local" "example.com")("Dave" NIL "dave" "example.net")) )"
       R"(((NIL NIL "empty" "example.org")(NIL NIL "user-only" "MISSING_DOMAIN"))"
       R"((NIL NIL "MISSING_MAILBOX" "no-mailbox.example"))"
       R"(("Only Phrase" NIL "MISSING_MAILBOX" "MISSING_DOMAIN"))"
       R"((NIL NIL "MISSING_MAILBOX" "MISSING_DOMAIN")(NIL NIL "x" "y.z")) )"
       R"(NIL NIL))"));
}

TEST_F(mime_fixture, repeated_fields_as_dovecot_reads_them) {
  // ENVELOPE strings take the last occurrence, address fields join all of theirs; MIME fields
  // take the first. Empty or unreadable MIME fields fall back to the defaults (7bit), but a
  // disposition without a type is kept.
  const server::mime_message mime(
      stored("Subject: first\nSubject: second\nFrom: one@example.org\nFrom: two@example.org\n"
             "Message-ID: <1@example.org>\nMessage-ID: <2@example.org>\nTo:\nCc: (comment)\n"
             "Content-ID: <a@b>\nContent-ID: <c@d>\nContent-Transfer-Encoding: \"base64\"\n"
             "Content-Disposition: ; filename=x\n\nbody\n"));
  expect_envelope(mime, R"((NIL "second" ((NIL NIL "one" "example.org")(NIL NIL "two" )"
                        R"("example.org")) ((NIL NIL "one" "example.org")(NIL NIL "two" )"
                        R"("example.org")) ((NIL NIL "one" "example.org")(NIL NIL "two" )"
                        R"("example.org")) NIL NIL NIL NIL "<2@example.org>"))");
  expect_body(mime, true,
              R"(("text" "plain" ("charset" "us-ascii") "<a@b>" NIL "7bit" 6 1 NIL )"
              R"(("" ("filename" "x")) NIL NIL))");
}

TEST_F(mime_fixture, envelope_of_a_message_without_headers_is_all_nil) {
  const server::mime_message mime(stored("\nbody only\n"));
  EXPECT_EQ(mime.envelope(arena), expected_envelope("(NIL NIL NIL NIL NIL NIL NIL NIL NIL NIL)"));
  expect_body(mime, false, R"(("text" "plain" ("charset" "us-ascii") NIL NIL "7bit" 11 1))");
}

// --- BINARY --------------------------------------------------------------------------------------

TEST_F(mime_fixture, binary_undoes_the_transfer_encodings) {
  const server::mime_message mime(
      stored("Content-Type: multipart/mixed; boundary=b\n\n"
             "--b\nContent-Transfer-Encoding: base64\n\naGVsbG8g\nd29ybGQ=\n"
             "--b\nContent-Transfer-Encoding: Quoted-Printable\n\n"
             "caf=C3=A9 =3D ok   \nsoft=\n break=4\n"
             "--b\nContent-Transfer-Encoding: 8bit\n\nraw =41\n"
             "--b\nContent-Transfer-Encoding: x-uuencode\n\nbegin\n"
             "--b--\n"));
  std::string decoded;
  const std::uint32_t base64_part[] = {1};
  EXPECT_EQ(mime.binary(base64_part, decoded), server::mime_message::binary_error::none);
  EXPECT_EQ(decoded, "hello world");
  const std::uint32_t qp_part[] = {2};
  EXPECT_EQ(mime.binary(qp_part, decoded), server::mime_message::binary_error::none);
  EXPECT_EQ(decoded, "caf\xC3\xA9 = ok\r\nsoft break=4");
  const std::uint32_t raw_part[] = {3};
  EXPECT_EQ(mime.binary(raw_part, decoded), server::mime_message::binary_error::none);
  EXPECT_EQ(decoded, "raw =41");
  const std::uint32_t unknown_part[] = {4};
  EXPECT_EQ(mime.binary(unknown_part, decoded),
            server::mime_message::binary_error::unknown_encoding);
  // Dovecot: a Content-Transfer-Encoding field it cannot read is an unknown encoding for
  // BINARY, though BODYSTRUCTURE shows the default 7bit.
  const server::mime_message unreadable(
      stored("Content-Transfer-Encoding: \"base64\"\n\naGVsbG8=\n"));
  const std::uint32_t only_part[] = {1};
  EXPECT_EQ(unreadable.binary(only_part, decoded),
            server::mime_message::binary_error::unknown_encoding);
  expect_body(unreadable, false, R"(("text" "plain" ("charset" "us-ascii") NIL NIL "7bit" 10 1))");
  const std::uint32_t missing_part[] = {5};
  EXPECT_EQ(mime.binary(missing_part, decoded), server::mime_message::binary_error::no_such_part);
}

TEST_F(mime_fixture, binary_of_a_single_part_message) {
  const server::mime_message mime(stored("Content-Transfer-Encoding: base64\n\nAAEC/w==\n"));
  std::string decoded;
  const std::uint32_t part[] = {1};
  EXPECT_EQ(mime.binary(part, decoded), server::mime_message::binary_error::none);
  EXPECT_EQ(decoded, std::string("\x00\x01\x02\xff", 4));
  EXPECT_EQ(mime.binary({}, decoded), server::mime_message::binary_error::none);
  EXPECT_EQ(decoded, mime.bytes());
}

// --- Robustness ----------------------------------------------------------------------------------

TEST_F(mime_fixture, move_keeps_the_walk) {
  server::mime_message first(stored(nested_message));
  server::mime_message second(std::move(first));
  EXPECT_EQ(second.section(section({1, 1})), "plain text");
  server::mime_message third(stored("Subject: x\n\ny\n"));
  third = std::move(second);
  EXPECT_EQ(third.section(section({2})), "JVBERi0xLjQK");
}

TEST_F(mime_fixture, malformed_input_never_crashes) {
  // Every prefix of some tricky messages, and random bytes from their alphabet: the walk, its
  // structure, envelope and sections must always come out (checked under the sanitizers in CI).
  const std::vector<std::string> seeds = {
      crlf(nested_message),
      crlf(forward_message),
      crlf("Content-Type: multipart/mixed; boundary=\"\"\n\n--\n\n--\n"),
      crlf("From: (unclosed comment <a@b\nTo: \"unclosed quote\nCc: a:b:c;;;,,<<>>@@\n"
           "Content-Type: message/rfc822\n\nContent-Type: message/rfc822\n\n"),
      crlf("Content-Type: multipart/digest; boundary=x\n\n--x\n--x\n--x--"),
      crlf("Content-Type: text/plain; a*=1; a*0*=2; a*1=; a**=\"\\\n\n"),
  };
  std::mt19937 random(12345);
  std::vector<std::string> inputs;
  for (const std::string& seed : seeds) {
    for (std::size_t n = 0; n <= seed.size(); n += 3) inputs.push_back(seed.substr(0, n));
    for (int i = 0; i < 50; ++i) {
      std::string noise;
      const std::size_t length = random() % 300;
      for (std::size_t k = 0; k < length; ++k) noise.push_back(seed[random() % seed.size()]);
      inputs.push_back(noise);
    }
  }
  for (const std::string& input : inputs) {
    const server::mime_message mime(input);
    imapkit::arena scratch;
    const imapkit::body_structure body = mime.body_structure(scratch, true);
    EXPECT_LE(body.fields.octets, input.size());
    (void)mime.envelope(scratch);
    EXPECT_EQ(mime.section(section({})), input);
    for (const auto& part : {section({1}), section({1, 1}), section({2, 1, 1})}) {
      for (section_text text : {section_text::none, section_text::header, section_text::text,
                                section_text::mime, section_text::header_fields}) {
        imapkit::section s = part;
        s.text = text;
        const std::optional<std::string> bytes = mime.section(s);
        if (bytes && text == section_text::none) {
          EXPECT_LE(bytes->size(), input.size());
        }
      }
    }
    std::string decoded;
    const std::uint32_t part[] = {1};
    (void)mime.binary(part, decoded);
  }
}

TEST_F(mime_fixture, deep_nesting_stops_at_dovecots_limit) {
  std::string message;
  for (int i = 0; i < 5000; ++i) message += "Content-Type: message/rfc822\r\n\r\n";
  message += "body\r\n";
  const server::mime_message mime(message);
  imapkit::arena scratch;
  // Entities at depth 0..98 are messages; the one at depth 99 is opaque octets (Dovecot).
  const imapkit::body_structure root = mime.body_structure(scratch, false);
  const imapkit::body_structure* b = &root;
  int depth = 0;
  while (b->encapsulated_body() != nullptr) {
    b = b->encapsulated_body();
    ++depth;
  }
  EXPECT_EQ(depth, 99);
  EXPECT_EQ(b->kind, imapkit::body_structure::kind_t::basic);
  EXPECT_EQ(b->media_type.value, "application");
  EXPECT_EQ(b->media_subtype.value, "octet-stream");
  EXPECT_EQ(b->fields.octets, message.size() - 100 * 32);  // 100 headers of 32 bytes
}

TEST_F(mime_fixture, longest_enclosing_boundary_ends_a_part_at_any_depth) {
  const server::mime_message mime(
      stored("Content-Type: multipart/mixed; boundary=\"pre\"\n\n"
             "--pre\nContent-Type: multipart/alternative; boundary=\"pre-inner\"\n\n"
             "--pre-inner\n\ninner one\n--pre-inner\n\ninner two, never closed\n"
             "--pre\nContent-Type: text/plain\nX-Cut: a delimiter ends this header\n"
             "--pre--\n"));
  expect_body(mime, false,
              R"(((("text" "plain" ("charset" "us-ascii") NIL NIL "7bit" 9 0))"
              R"(("text" "plain" ("charset" "us-ascii") NIL NIL "7bit" 23 0) "alternative"))"
              R"(("text" "plain" ("charset" "us-ascii") NIL NIL "7bit" 0 0) "mixed"))");
  EXPECT_EQ(mime.section(section({1, 2})), "inner two, never closed");
  EXPECT_EQ(mime.section(section({2}, section_text::mime)),
            crlf("Content-Type: text/plain\nX-Cut: a delimiter ends this header"));
}

}  // namespace
