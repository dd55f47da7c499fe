// Commands valid in any state and in the not-authenticated state (RFC 9051 §6.1, §6.2, RFC 2971 ID,
// RFC 5161 ENABLE, RFC 4978 COMPRESS, RFC 4959 SASL-IR, RFC 8437 UNAUTHENTICATE), and the other
// lines a client sends (AUTHENTICATE data, IDLE's DONE). Examples are the RFCs' own C: lines.
#include <gtest/gtest.h>

#include <string>

#include "command_test_helpers.hpp"
#include "imapkit/parse.hpp"

namespace {

using namespace imapkit;

class CommandAny : public test_support::CommandTest {
 protected:
  result<client_message> line(std::string_view input, client_expectation expect) {
    mem.reset();
    return parse_client_message(input, mem, expect);
  }
};

TEST_F(CommandAny, CapabilityNoopLogout) {
  // RFC 9051 §6.1.1-§6.1.3
  ok<capability_command>("abcd CAPABILITY\r\n", "abcd");
  ok<noop_command>("a002 NOOP\r\n", "a002");
  ok<logout_command>("A023 LOGOUT\r\n", "A023");
  // Command names are case-insensitive (ABNF strings).
  ok<noop_command>("c7 noop\r\n", "c7");
  ok<capability_command>("x Capability\r\n", "x");
  ok<unauthenticate_command>("a UNAUTHENTICATE\r\n", "a");  // RFC 8437
}

TEST_F(CommandAny, CommandWithoutArgumentsRejectsArguments) {
  // "a5 NOOP extra args" (imaplib-errors-conn2): CRLF expected right after NOOP.
  auto e = fails("a5 NOOP extra args\r\n", 7);
  EXPECT_EQ(e.tag, "a5");
  fails("c9 NOOP \r\n", 7);     // trailing SP
  fails("a CAPABILITY\n", 12);  // a bare LF is not CRLF
}

TEST_F(CommandAny, Id) {
  // RFC 2971 §3.1: C: a023 ID ("name" "sodr" "version" "19.34" "vendor" "Pink Floyd Music
  // Limited")
  auto id = ok<id_command>(
      "a023 ID (\"name\" \"sodr\" \"version\" \"19.34\" \"vendor\" \"Pink Floyd Music "
      "Limited\")\r\n");
  EXPECT_FALSE(id.nil);
  ASSERT_EQ(id.params.size(), 3u);
  EXPECT_EQ(id.params[0].field.value, "name");
  EXPECT_EQ(id.params[0].value.value, "sodr");
  EXPECT_EQ(id.params[2].value.value, "Pink Floyd Music Limited");
  EXPECT_TRUE(ok<id_command>("e1 ID NIL\r\n").nil);
  EXPECT_TRUE(ok<id_command>("a ID ()\r\n").params.empty());
  // NIL as a value (imaplib-broad: "support-url" NIL)
  auto with_nil = ok<id_command>("DOAO2 ID (\"os\" \"Linux\" \"support-url\" NIL)\r\n");
  ASSERT_EQ(with_nil.params.size(), 2u);
  EXPECT_TRUE(with_nil.params[1].value.is_nil());
  // A field without a value: "d9 ID ("name")" (imaplib-errors-conn2), SP expected after it.
  fails("d9 ID (\"name\")\r\n", 13);
  fails("a ID (name \"x\")\r\n", 6);  // field must be a string
}

TEST_F(CommandAny, Enable) {
  // RFC 9051 §6.3.1: C: t2 ENABLE CONDSTORE X-GOOD-IDEA
  auto e = ok<enable_command>("t2 ENABLE CONDSTORE X-GOOD-IDEA\r\n");
  ASSERT_EQ(e.capabilities.size(), 2u);
  EXPECT_EQ(e.capabilities[0], "CONDSTORE");
  EXPECT_EQ(e.capabilities[1], "X-GOOD-IDEA");
  EXPECT_EQ(ok<enable_command>("a0002 ENABLE UTF8=ACCEPT\r\n").capabilities[0], "UTF8=ACCEPT");
  fails("a ENABLE\r\n", 8);  // at least one capability
  fails("a ENABLE CONDSTORE \r\n", 19);
}

TEST_F(CommandAny, Compress) {
  // RFC 4978 §3: C: a COMPRESS DEFLATE
  EXPECT_EQ(ok<compress_command>("a COMPRESS DEFLATE\r\n").algorithm, "DEFLATE");
  EXPECT_EQ(ok<compress_command>("e2 COMPRESS BOGUS\r\n").algorithm, "BOGUS");
  fails("a COMPRESS\r\n", 10);
}

TEST_F(CommandAny, StarttlsLogin) {
  ok<starttls_command>("a002 STARTTLS\r\n", "a002");
  // RFC 9051 §6.2.3: C: a001 LOGIN SMITH SESAME
  auto login = ok<login_command>("a001 LOGIN SMITH SESAME\r\n");
  EXPECT_EQ(login.userid.value, "SMITH");
  EXPECT_EQ(login.userid.kind, string_kind::atom);
  EXPECT_EQ(login.password.value, "SESAME");
  // Quoted with an escape (imaplib-errors-conn2) and literals (imaplib-auth).
  auto quoted = ok<login_command>("a0 LOGIN \"labuser\" \"wrong\\\"pass\"\r\n");
  EXPECT_EQ(quoted.password.value, "wrong\"pass");
  EXPECT_EQ(quoted.password.kind, string_kind::quoted);
  auto literal = ok<login_command>("GJMO2 LOGIN {7}\r\nlabuser {7}\r\nlabpass\r\n");
  EXPECT_EQ(literal.userid.value, "labuser");
  EXPECT_EQ(literal.userid.kind, string_kind::literal);
  EXPECT_EQ(literal.password.value, "labpass");
  fails("a3 LOGIN labuser\r\n", 16);  // password missing
}

TEST_F(CommandAny, Authenticate) {
  // RFC 9051 §6.2.2
  auto plain = ok<authenticate_command>("a004 AUTHENTICATE PLAIN dGVzdAB0ZXN0AHRlc3Q=\r\n");
  EXPECT_EQ(plain.mechanism, "PLAIN");
  ASSERT_TRUE(plain.initial_response);
  EXPECT_EQ(*plain.initial_response, "dGVzdAB0ZXN0AHRlc3Q=");
  auto gss = ok<authenticate_command>("A001 AUTHENTICATE GSSAPI\r\n");
  EXPECT_EQ(gss.mechanism, "GSSAPI");
  EXPECT_FALSE(gss.initial_response);
  // RFC 4959 §3: an empty initial response is "="
  auto external = ok<authenticate_command>("A01 AUTHENTICATE EXTERNAL =\r\n");
  ASSERT_TRUE(external.initial_response);
  EXPECT_EQ(*external.initial_response, "=");
  // mutt: "AUTHENTICATE CRAM-MD5 " — SP then an empty base64, which the ABNF allows.
  auto mutt = ok<authenticate_command>("a0000 AUTHENTICATE CRAM-MD5 \r\n");
  EXPECT_EQ(mutt.mechanism, "CRAM-MD5");
  ASSERT_TRUE(mutt.initial_response);
  EXPECT_EQ(*mutt.initial_response, "");
  fails("a AUTHENTICATE PLAIN !!\r\n", 21);     // not base64
  fails("a AUTHENTICATE PLAIN abc\r\n", 21);    // base64 comes in groups of 4
  fails("a AUTHENTICATE PLAIN \"x\"\r\n", 21);  // never quoted (RFC 4959)
  fails("a AUTHENTICATE\r\n", 14);
}

TEST_F(CommandAny, AuthenticateDataLines) {
  // RFC 9051 §6.2.2: the client's continuation lines, and "*" to cancel.
  auto data = line("dGVzdAB0ZXN0AHRlc3Q=\r\n", client_expectation::authenticate_data);
  ASSERT_TRUE(data.ok()) << data.error().message();
  ASSERT_TRUE(std::holds_alternative<authenticate_data>(*data));
  EXPECT_EQ(std::get<authenticate_data>(*data).base64, "dGVzdAB0ZXN0AHRlc3Q=");
  EXPECT_FALSE(std::get<authenticate_data>(*data).cancel);
  auto empty = line("\r\n", client_expectation::authenticate_data);
  ASSERT_TRUE(empty.ok());
  EXPECT_EQ(std::get<authenticate_data>(*empty).base64, "");
  auto cancel = line("*\r\n", client_expectation::authenticate_data);
  ASSERT_TRUE(cancel.ok());
  EXPECT_TRUE(std::get<authenticate_data>(*cancel).cancel);
  EXPECT_EQ(next_expectation(*cancel, client_expectation::authenticate_data),
            client_expectation::command);
  EXPECT_EQ(next_expectation(*data, client_expectation::authenticate_data),
            client_expectation::authenticate_data);
  // imaplib-auth-conn4: "!!notbase64!!" — RFC 9051 §6.2.2: the server MUST answer BAD.
  auto bad = line("!!notbase64!!\r\n", client_expectation::authenticate_data);
  ASSERT_FALSE(bad.ok());
  EXPECT_EQ(bad.error().offset, 0u);
  // A line with a SP is a command even while AUTHENTICATE data is expected (SASL-IR ends the
  // exchange at once; the next line is the next command).
  auto next = line("HKPP2 NOOP\r\n", client_expectation::authenticate_data);
  ASSERT_TRUE(next.ok());
  EXPECT_EQ(std::get<command>(*next).tag, "HKPP2");
}

TEST_F(CommandAny, IdleDone) {
  auto idle = line("A002 IDLE\r\n", client_expectation::command);
  ASSERT_TRUE(idle.ok());
  EXPECT_TRUE(std::holds_alternative<idle_command>(std::get<command>(*idle).body));
  EXPECT_EQ(next_expectation(*idle, client_expectation::command), client_expectation::idle_done);
  auto done = line("DONE\r\n", client_expectation::idle_done);
  ASSERT_TRUE(done.ok());
  EXPECT_TRUE(std::holds_alternative<idle_done>(*done));
  EXPECT_EQ(next_expectation(*done, client_expectation::idle_done), client_expectation::command);
  // imaplib-idle: "done" in lower case (ABNF strings are case-insensitive).
  auto lower = line("done\r\n", client_expectation::idle_done);
  ASSERT_TRUE(lower.ok());
  EXPECT_TRUE(std::holds_alternative<idle_done>(*lower));
  auto other = line("DONEX\r\n", client_expectation::idle_done);
  ASSERT_FALSE(other.ok());
  EXPECT_EQ(other.error().offset, 4u);
  // DONE where a command is expected is not a command: a tag, then SP is missing.
  auto stray = line("DONE\r\n", client_expectation::command);
  ASSERT_FALSE(stray.ok());
  EXPECT_EQ(stray.error().offset, 4u);
}

TEST_F(CommandAny, Tag) {
  // Tags of the captures: imaplib, Mail::IMAPClient, mutt, curl, hand-written.
  for (std::string_view t : {"FIPA12", "1", "a0000", "A001", "z0", "a3.1", "x]y"}) {
    mem.reset();
    const std::string input = std::string(t) + " NOOP\r\n";  // the tag is a view into it
    auto r = parse_command(input, mem);
    ASSERT_TRUE(r.ok()) << t;
    EXPECT_EQ(r->tag, t);
  }
  // tag = 1*<any ASTRING-CHAR except "+">
  auto plus = fails("a+b NOOP\r\n", 1);
  EXPECT_TRUE(plus.tag.empty());  // no SP followed it: the tag was not readable
  auto star = fails("* NOOP\r\n", 0);
  EXPECT_TRUE(star.tag.empty());
  fails("+ NOOP\r\n", 0);
  fails("a1(x NOOP\r\n", 2);
  fails(" NOOP\r\n", 0);
  auto two_spaces = fails("c8  NOOP\r\n", 3);  // imaplib-errors-conn2
  EXPECT_EQ(two_spaces.tag, "c8");
  fails("caf\xc3\xa9 NOOP\r\n", 3);  // 8-bit in a tag
}

TEST_F(CommandAny, ErrorsCarryTheTag) {
  auto e = fails("A17 LOGIN\r\n", 9);
  EXPECT_EQ(e.tag, "A17");
  EXPECT_EQ(e.production, "login");
  auto unknown_uid = fails("c5 UID BOGUS 1\r\n", 7);  // UID takes only the UID commands
  EXPECT_EQ(unknown_uid.tag, "c5");
}

TEST_F(CommandAny, UnknownCommandsAreGeneric) {
  // x-command and any other command name: the name and its arguments as generic values.
  auto foo = ok<generic_command>("DOAO103 FOO BAR\r\n", "DOAO103");
  EXPECT_EQ(foo.name, "FOO");
  ASSERT_EQ(foo.args.size(), 1u);
  EXPECT_EQ(foo.args[0].kind, generic_value::kind_t::atom);
  EXPECT_EQ(foo.args[0].text.value, "BAR");
  auto x = ok<generic_command>("a XSTUFF (1 \"two\" (3)) {3}\r\nabc NIL\r\n");
  EXPECT_EQ(x.name, "XSTUFF");
  ASSERT_EQ(x.args.size(), 3u);
  EXPECT_EQ(x.args[0].kind, generic_value::kind_t::list);
  EXPECT_EQ(x.args[0].items.size(), 3u);
  EXPECT_EQ(x.args[1].text.value, "abc");
  EXPECT_EQ(x.args[1].text.kind, string_kind::literal);
  EXPECT_EQ(x.args[2].kind, generic_value::kind_t::nil);
  EXPECT_TRUE(ok<generic_command>("z0 BOGUS0\r\n").args.empty());
  // A known name is never taken as generic: its own grammar decides.
  EXPECT_EQ(ok<generic_command>("a NOOPX\r\n").name, "NOOPX");
  fails("a FOO \r\n", 6);
  fails("a FOO (\r\n", 7);
}

TEST_F(CommandAny, DeepNestingFailsCleanly) {
  std::string deep = "a XCMD ";
  deep += std::string(10000, '(');
  deep += std::string(10000, ')');
  deep += "\r\n";
  auto e = fails(deep, 7 + 257);  // max_depth 256: refused right after the 257th "("
  EXPECT_EQ(e.tag, "a");
  parse_options roomy;
  roomy.max_depth = 20000;
  mem.reset();
  // With a large enough limit the same input parses (no crash either way); kept small enough
  // for sanitizer stacks by testing a 1,000-deep list.
  std::string thousand = "a XCMD " + std::string(1000, '(') + std::string(1000, ')') + "\r\n";
  auto r = parse_command(thousand, mem, roomy);
  ASSERT_TRUE(r.ok()) << r.error().message();
  EXPECT_EQ(std::get<generic_command>(r->body).args.size(), 1u);
}

TEST_F(CommandAny, ListItemLimit) {
  parse_options small;
  small.max_list_items = 3;
  mem.reset();
  auto r = parse_command("a ENABLE A B C D\r\n", mem, small);
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.error().tag, "a");
  mem.reset();
  EXPECT_TRUE(parse_command("a ENABLE A B C\r\n", mem, small).ok());
}

}  // namespace
