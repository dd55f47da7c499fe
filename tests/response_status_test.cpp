// Status responses, greetings and continuation requests (RFC 9051 §7.1, §7.5; RFC 3501 §7.1,
// §7.5), and the lenient-mode quirks of real servers (docs/quirks.md).
#include "response_test_helpers.hpp"

namespace {

using namespace imapkit;
using StatusResponse = imapkit::test::ResponseTest;

TEST_F(StatusResponse, Greetings) {
  // RFC 9051 §7.1.1, §7.1.4, §7.1.5
  auto c = data<resp_cond>("* OK IMAP4rev2 server ready\r\n");
  EXPECT_EQ(c.status, status_kind::ok);
  EXPECT_FALSE(c.text.code.has_value());
  EXPECT_EQ(c.text.text, "IMAP4rev2 server ready");
  c = data<resp_cond>("* PREAUTH IMAP4rev2 server logged in as Smith\r\n");
  EXPECT_EQ(c.status, status_kind::preauth);
  EXPECT_EQ(c.text.text, "IMAP4rev2 server logged in as Smith");
  c = data<resp_cond>("* BYE Autologout; idle for too long\r\n");
  EXPECT_EQ(c.status, status_kind::bye);
  // Dovecot's BYE forms (imaplib-errors.s2c, *-conn*.s2c)
  EXPECT_EQ(data<resp_cond>("* BYE Too many invalid IMAP commands.\r\n").text.text,
            "Too many invalid IMAP commands.");
  EXPECT_EQ(data<resp_cond>("* BYE Logging out\r\n").status, status_kind::bye);
}

TEST_F(StatusResponse, TaggedOkNoBad) {
  // RFC 9051 §7.1.1-7.1.3
  tagged t = as_tagged(ok("A001 OK LOGIN completed\r\n"));
  EXPECT_EQ(t.tag, "A001");
  EXPECT_EQ(t.state.status, status_kind::ok);
  EXPECT_EQ(t.state.text.text, "LOGIN completed");
  t = as_tagged(ok("A223 NO COPY failed: disk is full\r\n"));
  EXPECT_EQ(t.state.status, status_kind::no);
  t = as_tagged(ok("A443 BAD no such command\r\n"));
  EXPECT_EQ(t.state.status, status_kind::bad);
  // Dovecot's timings are part of the text
  t = as_tagged(
      ok("e8 BAD Error in IMAP command: Too long argument (82704.520 + 0.002 + 0.001 secs).\r\n"));
  EXPECT_EQ(t.state.text.text,
            "Error in IMAP command: Too long argument (82704.520 + 0.002 + 0.001 secs).");
  // tags of every client in the captures
  for (const char* tag : {"FIPA12", "a0000", "A001", "1", "z0", "DOAO103"}) {
    const std::string input = std::string(tag) + " OK done\r\n";
    EXPECT_EQ(as_tagged(ok(input)).tag, tag);
  }
  // A tagged PREAUTH or BYE does not exist.
  fails("a1 PREAUTH x\r\n", 3);
  fails("a1 BYE x\r\n", 3);
  // "+" and "*" are not tags.
  fails("a+b OK x\r\n", 1);
}

TEST_F(StatusResponse, UntaggedBad) {
  // resp-cond-state is allowed untagged; Dovecot (imaplib-errors-conn2.s2c)
  const auto c = data<resp_cond>("* BAD Error in IMAP tag: Invalid tag (0.001 + 0.000 secs).\r\n");
  EXPECT_EQ(c.status, status_kind::bad);
  EXPECT_EQ(c.text.text, "Error in IMAP tag: Invalid tag (0.001 + 0.000 secs).");
  EXPECT_EQ(data<resp_cond>("* NO Disk is 98% full, please delete unnecessary data\r\n").status,
            status_kind::no);
}

TEST_F(StatusResponse, UntaggedOkDuringIdle) {
  // Dovecot (imaplib-idle.s2c)
  const auto c = data<resp_cond>("* OK Still here\r\n");
  EXPECT_EQ(c.text.text, "Still here");
  // Dovecot after SELECT while another mailbox was selected (RFC 7162 CLOSED)
  const resp_text_code code_ = code("* OK [CLOSED] Previous mailbox closed.\r\n");
  EXPECT_EQ(code_.kind, resp_code_kind::closed);
}

TEST_F(StatusResponse, EmptyTextAfterSp) {
  // RFC 9051: resp-text = ["[" resp-text-code "]" SP] [text], the text may be empty
  EXPECT_EQ(as_tagged(ok("a1 OK \r\n")).state.text.text, "");
  EXPECT_EQ(data<resp_cond>("* OK \r\n").text.text, "");
}

TEST_F(StatusResponse, ContinuationText) {
  // RFC 9051 §7.5
  continue_req c = as_continue(ok("+ Ready for additional command text\r\n"));
  EXPECT_EQ(c.text.text, "Ready for additional command text");
  EXPECT_FALSE(c.is_base64);
  // Dovecot (imaplib-broad.s2c, imaplib-idle.s2c)
  c = as_continue(ok("+ idling\r\n"));
  EXPECT_EQ(c.text.text, "idling");
  EXPECT_FALSE(c.is_base64);
  c = as_continue(ok("+ OK\r\n"));
  EXPECT_EQ(c.text.text, "OK");
  c = as_continue(ok("+ [ALERT] Literal too big\r\n"));
  ASSERT_TRUE(c.text.code.has_value());
  EXPECT_EQ(c.text.code->kind, resp_code_kind::alert);
  EXPECT_FALSE(c.is_base64);
}

TEST_F(StatusResponse, ContinuationBase64) {
  // RFC 9051 §6.2.2 (SCRAM), Dovecot CRAM-MD5 challenge (imaplib-auth-conn5.s2c)
  continue_req c = as_continue(ok("+ PDE2MzAzODAzNjMwOTE1ODUuMTc5NTM3OTA5MkB2bT4=\r\n"));
  EXPECT_TRUE(c.is_base64);
  EXPECT_EQ(c.text.text, "PDE2MzAzODAzNjMwOTE1ODUuMTc5NTM3OTA5MkB2bT4=");
  c = as_continue(ok("+ dj1yTWk=\r\n"));
  EXPECT_TRUE(c.is_base64);
  // "+ " with nothing after: the empty base64 (an empty SASL challenge), Dovecot AUTHENTICATE PLAIN
  c = as_continue(ok("+ \r\n"));
  EXPECT_TRUE(c.is_base64);
  EXPECT_EQ(c.text.text, "");
}

TEST_F(StatusResponse, ResponseTypes) {
  EXPECT_TRUE(ok("+ go\r\n").is_continuation());
  EXPECT_TRUE(ok("* 1 EXISTS\r\n").is_untagged());
  EXPECT_TRUE(ok("x OK y\r\n").is_tagged());
}

TEST_F(StatusResponse, Errors) {
  fails("", 0);
  fails("* OK x", 6);          // no CRLF
  fails("* OK x\n", 6);        // a bare LF is no CRLF
  fails("* OK x\r\n\r\n", 8);  // one response only
  fails("*OK x\r\n", 1);
  fails("* FOO\r\n", 2);  // unknown untagged data is strict-mode error
  const parse_error e = fails("a1 OK [UIDNEXT 5] x\n", 19);
  EXPECT_EQ(e.tag, "a1");  // the tag is known when a tagged response fails
}

// ---------------------------------------------------------------------------------------------
// Lenient mode: deviations of real servers. Each is in docs/quirks.md.

TEST_F(StatusResponse, QuirkNoSpaceAfterStatus) {
  // "a1 OK\r\n": an empty resp-text without its SP.
  tagged t = as_tagged(lenient_only("a1 OK\r\n"));
  EXPECT_EQ(t.state.status, status_kind::ok);
  EXPECT_EQ(t.state.text.text, "");
  EXPECT_EQ(data<resp_cond>(lenient_only("* OK\r\n")).status, status_kind::ok);
}

TEST_F(StatusResponse, QuirkBareContinuation) {
  // "+\r\n": a continuation request without SP.
  const continue_req c = as_continue(lenient_only("+\r\n"));
  EXPECT_TRUE(c.is_base64);
  EXPECT_EQ(c.text.text, "");
}

TEST_F(StatusResponse, QuirkTrailingSpace) {
  // "* SEARCH 1 2 \r\n", "* CAPABILITY IMAP4rev1 IDLE \r\n", "* SEARCH \r\n"
  EXPECT_EQ(joined(data<search_data>(lenient_only("* SEARCH 1 2 \r\n")).numbers), "1 2");
  EXPECT_TRUE(data<search_data>(lenient_only("* SEARCH \r\n")).numbers.empty());
  EXPECT_EQ(
      joined(data<capability_data>(lenient_only("* CAPABILITY IMAP4rev1 IDLE \r\n")).capabilities),
      "IMAP4rev1 IDLE");
  EXPECT_EQ(data<status_data>(lenient_only("* STATUS INBOX (MESSAGES 2) \r\n")).attributes.size(),
            1u);
}

TEST_F(StatusResponse, QuirkSpaceBeforeCloseParen) {
  const auto s = data<status_data>(lenient_only("* STATUS INBOX (MESSAGES 2 UNSEEN 0 )\r\n"));
  EXPECT_EQ(s.attributes.size(), 2u);
  EXPECT_EQ(joined(data<flags_data>(lenient_only("* FLAGS (\\Seen \\Deleted )\r\n")).flags),
            "\\Seen \\Deleted");
  EXPECT_EQ(data<quota_data>(lenient_only("* QUOTA \"\" (STORAGE 1 2 )\r\n")).resources.size(), 1u);
}

TEST_F(StatusResponse, QuirkLowerCaseKeywords) {
  // Keywords are case-insensitive in the ABNF itself (RFC 9051 §9 note 1): both modes.
  EXPECT_EQ(as_tagged(ok("a1 ok done\r\n")).state.status, status_kind::ok);
  EXPECT_EQ(data<exists_data>("* 3 exists\r\n").count, 3u);
  EXPECT_EQ(data<status_data>("* status INBOX (messages 2)\r\n").attributes[0].att,
            status_att::messages);
}

TEST_F(StatusResponse, Quirk8BitText) {
  // 8-bit bytes that are not UTF-8 (Latin-1 from a localized server) in text and in quoted strings.
  const auto c = data<resp_cond>(lenient_only("* OK Bienvenue \xe0 bord\r\n"));
  EXPECT_EQ(c.text.text, "Bienvenue \xe0 bord");
  const auto l = data<mailbox_list>(lenient_only("* LIST () \"/\" \"Entw\xfcrfe\"\r\n"));
  EXPECT_EQ(l.mailbox.name.value, "Entw\xfcrfe");
  // well-formed UTF-8 is RFC 9051 text: both modes
  EXPECT_EQ(data<resp_cond>("* OK Gr\xc3\xbc\xc3\x9f"
                            "e\r\n")
                .text.text,
            "Gr\xc3\xbc\xc3\x9f"
            "e");
}

TEST_F(StatusResponse, QuirkBracketsInFlags) {
  // "]" inside a flag keyword (flag_atom_chars, docs/quirks.md); "[" is an ATOM-CHAR anyway.
  const auto f = data<flags_data>(lenient_only("* FLAGS (\\Seen [Gmail]Label])\r\n"));
  EXPECT_EQ(joined(f.flags), "\\Seen [Gmail]Label]");
  EXPECT_EQ(joined(data<flags_data>("* FLAGS (\\Seen [x)\r\n").flags), "\\Seen [x");
}

}  // namespace
