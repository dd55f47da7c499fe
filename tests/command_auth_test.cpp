// Authenticated-state commands (RFC 9051 §6.3 and extensions): SELECT / EXAMINE with parameters,
// CREATE (RFC 6154 USE), DELETE, RENAME, SUBSCRIBE, UNSUBSCRIBE, LIST (RFC 5258, RFC 5819),
// LSUB, NAMESPACE, STATUS, APPEND (RFC 3502, RFC 3516, RFC 6855), IDLE, QUOTA (RFC 9208),
// METADATA (RFC 5464), ACL (RFC 4314), REPLACE (RFC 8508). Examples are the RFCs' C: lines and
// the captures' commands.
#include <gtest/gtest.h>

#include <string>

#include "command_test_helpers.hpp"
#include "imapkit/parse.hpp"

namespace {

using namespace imapkit;

class CommandAuth : public test_support::CommandTest {};

TEST_F(CommandAuth, SelectExamine) {
  // RFC 9051 §6.3.2: C: A142 SELECT INBOX
  auto s = ok<select_command>("A142 SELECT INBOX\r\n");
  EXPECT_FALSE(s.read_only);
  EXPECT_TRUE(s.mailbox.is_inbox());
  EXPECT_FALSE(s.condstore);
  EXPECT_TRUE(s.other_params.empty());
  // RFC 9051 §6.3.3: C: A932 EXAMINE blurdybloop
  auto e = ok<select_command>("A932 EXAMINE blurdybloop\r\n");
  EXPECT_TRUE(e.read_only);
  EXPECT_EQ(e.mailbox.name.value, "blurdybloop");
  // mutt: quoted; curl: modified UTF-7 atom
  EXPECT_TRUE(ok<select_command>("a0007 SELECT \"INBOX\"\r\n").mailbox.is_inbox());
  EXPECT_EQ(ok<select_command>("A003 SELECT &ZeVnLIqe-\r\n").mailbox.name.value, "&ZeVnLIqe-");
  EXPECT_TRUE(ok<select_command>("a select inbox\r\n").mailbox.is_inbox());
  fails("a7 SELECT\r\n", 9);  // imaplib-errors-conn2
  fails("a8 SELECT \"unterminated\r\n", 23);
  fails("d1 SELECT INBOX{3}\r\n", 15);  // "{" ends the atom; not a literal there
  fails("a SELECT INBOX ()\r\n", 16);   // select-params hold at least one param
}

TEST_F(CommandAuth, MalformedArguments) {
  // 8-bit octets are never in an atom (RFC 9051 ATOM-CHAR is 7-bit): quote or literal them.
  fails("a SELECT caf\xc3\xa9\r\n", 12);
  EXPECT_EQ(ok<select_command>("a SELECT \"caf\xc3\xa9\"\r\n").mailbox.name.value, "caf\xc3\xa9");
  // Unbalanced parentheses
  fails("a STATUS x (MESSAGES))\r\n", 21);
  fails("a STATUS x ((MESSAGES)\r\n", 12);
  fails("a SETQUOTA x (STORAGE 1\r\n", 23);
  // Missing and extra spaces
  fails("a RENAME  x y\r\n", 9);
  fails("a RENAME x  y\r\n", 11);
  fails("a STATUS x(MESSAGES)\r\n", 10);
  fails("a STATUS x ( MESSAGES)\r\n", 12);
  // A literal shorter than announced, and a literal announcement without CRLF
  fails("a LOGIN {10}\r\nabc def\r\n", 23);  // at the end: 10 octets were announced, 9 came
  fails("a LOGIN {3} abc def\r\n", 11);
}

TEST_F(CommandAuth, SelectCondstoreQresync) {
  // RFC 7162 §3.1.8: C: a SELECT INBOX (CONDSTORE)
  auto c = ok<select_command>("a SELECT INBOX (CONDSTORE)\r\n");
  EXPECT_TRUE(c.condstore);
  EXPECT_FALSE(c.qresync);
  // RFC 7162 §3.2.5.2: C: A02 SELECT INBOX (QRESYNC (67890007 20050715194045000 41,43:211,214:541))
  auto q = ok<select_command>(
      "A02 SELECT INBOX (QRESYNC (67890007 20050715194045000 41,43:211,214:541))\r\n");
  ASSERT_TRUE(q.qresync);
  EXPECT_EQ(q.qresync->uidvalidity, 67890007u);
  EXPECT_EQ(q.qresync->modseq, 20050715194045000u);
  ASSERT_TRUE(q.qresync->known_uids);
  ASSERT_EQ(q.qresync->known_uids->ranges.size(), 3u);
  EXPECT_EQ(q.qresync->known_uids->ranges[1], (seq_range{43, 211}));
  EXPECT_FALSE(q.qresync->known_sequence_set);
  // RFC 7162 §3.2.5.2, with seq-match-data:
  // C: B02 SELECT INBOX (QRESYNC (67890007 90060115194045000 41:211,214:541 (1:15,20,22 ...)))
  auto m = ok<select_command>(
      "B02 SELECT INBOX (QRESYNC (67890007 90060115194045000 41:211,214:541 "
      "(1,3,5:7 41,43,211)))\r\n");
  ASSERT_TRUE(m.qresync);
  ASSERT_TRUE(m.qresync->known_sequence_set);
  EXPECT_EQ(m.qresync->known_sequence_set->ranges.size(), 3u);
  EXPECT_EQ(m.qresync->known_uid_set->ranges[2], (seq_range{211, 211}));
  // Only uidvalidity and modseq:
  auto bare = ok<select_command>("a EXAMINE INBOX (QRESYNC (1 2))\r\n");
  ASSERT_TRUE(bare.qresync);
  EXPECT_FALSE(bare.qresync->known_uids);
  // Both parameters, and an unknown one kept in its generic form (RFC 4466).
  auto both = ok<select_command>("a SELECT x (CONDSTORE X-FOO (1 2) X-BAR 7)\r\n");
  EXPECT_TRUE(both.condstore);
  ASSERT_EQ(both.other_params.size(), 2u);
  EXPECT_EQ(both.other_params[0].name, "X-FOO");
  ASSERT_TRUE(both.other_params[0].value);
  EXPECT_EQ(both.other_params[0].value->items.size(), 2u);
  EXPECT_EQ(both.other_params[1].value->text.value, "7");
  auto bogus = ok<select_command>("e3 EXAMINE INBOX (BOGUS)\r\n");
  ASSERT_EQ(bogus.other_params.size(), 1u);
  EXPECT_FALSE(bogus.other_params[0].value);
  fails("a SELECT INBOX (QRESYNC (0 1))\r\n", 25);        // uidvalidity is nz-number
  fails("a SELECT INBOX (QRESYNC (1 0))\r\n", 27);        // mod-sequence-value is >= 1
  fails("a SELECT INBOX (QRESYNC (1 2 (1:2)))\r\n", 33);  // seq-match-data needs both sets
  fails("a SELECT INBOX (CONDSTORE\r\n", 25);
}

TEST_F(CommandAuth, QuirkModSequenceValueZero) {
  // Wino Mail asks for QRESYNC with mod-sequence 0 on a first sync (Wino-Mail issue #656); RFC
  // 7162's mod-sequence-value is 1 or more, so strict mode (the default for commands) refuses it
  // at the "0" and lenient mode takes it. The one definition of mod-sequence-value serves both
  // directions (a server's HIGHESTMODSEQ 0: RespTextCode.QuirkModSequenceValueZero).
  constexpr std::string_view input = "a EXAMINE Inbox (QRESYNC (873134583 0))\r\n";
  EXPECT_EQ(fails(input, 36).expected, "mod-sequence-value");
  mem.reset();
  const auto r = parse_command(input, mem, parse_options::lenient());
  ASSERT_TRUE(r.ok()) << r.error().message();
  const auto& select = std::get<select_command>(r->body);
  ASSERT_TRUE(select.qresync);
  EXPECT_EQ(select.qresync->modseq, 0u);
  // CHANGEDSINCE's mod-sequence-value too.
  fails("a FETCH 1 (FLAGS) (CHANGEDSINCE 0)\r\n", 32);
}

TEST_F(CommandAuth, CreateDeleteRenameSubscribe) {
  // RFC 9051 §6.3.4: C: A003 CREATE owatagusiam/
  EXPECT_EQ(ok<create_command>("A003 CREATE owatagusiam/\r\n").mailbox.name.value, "owatagusiam/");
  EXPECT_EQ(ok<create_command>("A002 CREATE \"INBOX.Sent Mail\"\r\n").mailbox.name.value,
            "INBOX.Sent Mail");
  // RFC 6154 §5.2: C: t1 CREATE "Important Messages" (USE (\Important))
  auto use = ok<create_command>("t1 CREATE \"Important Messages\" (USE (\\Important))\r\n");
  EXPECT_TRUE(use.has_use);
  ASSERT_EQ(use.use.size(), 1u);
  EXPECT_EQ(use.use[0], "\\Important");
  auto two = ok<create_command>("t1 CREATE MySpecial (USE (\\Drafts \\Sent))\r\n");
  ASSERT_EQ(two.use.size(), 2u);
  EXPECT_EQ(two.use[1], "\\Sent");
  fails("t1 CREATE x (USE (Drafts))\r\n", 18);  // use-attr starts with "\"
  // RFC 9051 §6.3.5: C: A683 DELETE blurdybloop
  EXPECT_EQ(ok<delete_command>("A683 DELETE blurdybloop\r\n").mailbox.name.value, "blurdybloop");
  // RFC 9051 §6.3.6: C: Z433 RENAME INBOX old-mail
  auto r = ok<rename_command>("Z433 RENAME INBOX old-mail\r\n");
  EXPECT_TRUE(r.from.is_inbox());
  EXPECT_EQ(r.to.name.value, "old-mail");
  auto quoted = ok<rename_command>("60 RENAME \"Perl Test\" \"Perl Test 2\"\r\n");
  EXPECT_EQ(quoted.to.name.value, "Perl Test 2");
  fails("a RENAME x\r\n", 10);
  // RFC 9051 §6.3.7/§6.3.8
  EXPECT_EQ(ok<subscribe_command>("A002 SUBSCRIBE #news.comp.mail.mime\r\n").mailbox.name.value,
            "#news.comp.mail.mime");
  EXPECT_EQ(ok<unsubscribe_command>("A002 UNSUBSCRIBE #news.comp.mail.mime\r\n").mailbox.name.value,
            "#news.comp.mail.mime");
}

TEST_F(CommandAuth, ListBasic) {
  // RFC 9051 §6.3.9: C: A101 LIST "" ""
  auto l = ok<list_command>("A101 LIST \"\" \"\"\r\n");
  EXPECT_EQ(l.reference.name.value, "");
  EXPECT_EQ(l.reference.name.kind, string_kind::quoted);
  ASSERT_EQ(l.patterns.size(), 1u);
  EXPECT_EQ(l.patterns[0].value, "");
  EXPECT_FALSE(l.patterns_parenthesized);
  EXPECT_FALSE(l.has_return);
  auto star = ok<list_command>("A682 LIST \"\" *\r\n");
  EXPECT_EQ(star.patterns[0].value, "*");
  EXPECT_EQ(star.patterns[0].kind, string_kind::atom);
  EXPECT_EQ(ok<list_command>("A202 LIST ~/Mail/ %\r\n").reference.name.value, "~/Mail/");
  EXPECT_EQ(ok<list_command>("DOAO9 LIST \"\" Projects/%\r\n").patterns[0].value, "Projects/%");
  fails("a LIST \"\"\r\n", 9);
  fails("a LIST \"\" * \r\n", 12);
}

TEST_F(CommandAuth, ListExtended) {
  // RFC 5258 §5 / RFC 9051 §6.3.9: C: A02 LIST (SUBSCRIBED) "" "*"
  auto sub = ok<list_command>("A02 LIST (SUBSCRIBED) \"\" \"*\"\r\n");
  ASSERT_EQ(sub.selection_options.size(), 1u);
  EXPECT_EQ(sub.selection_options[0].name, "SUBSCRIBED");
  // C: A03 LIST () "" "%" RETURN (CHILDREN)
  auto children = ok<list_command>("A03 LIST () \"\" \"%\" RETURN (CHILDREN)\r\n");
  EXPECT_TRUE(children.selection_options.empty());
  EXPECT_TRUE(children.has_return);
  ASSERT_EQ(children.return_options.size(), 1u);
  EXPECT_EQ(children.return_options[0].name, "CHILDREN");
  // C: a3.1 LIST "" (% music/rock)
  auto pats = ok<list_command>("a3.1 LIST \"\" (% music/rock)\r\n");
  EXPECT_TRUE(pats.patterns_parenthesized);
  ASSERT_EQ(pats.patterns.size(), 2u);
  EXPECT_EQ(pats.patterns[1].value, "music/rock");
  // imaplib-broad: several quoted patterns
  auto four = ok<list_command>(
      "DOAO13 LIST \"\" (\"INBOX\" \"Sent\" \"Archive/*\" \"&BBcEMAQ8BDUEQgQ6BDg-\")\r\n");
  ASSERT_EQ(four.patterns.size(), 4u);
  EXPECT_EQ(four.patterns[3].value, "&BBcEMAQ8BDUEQgQ6BDg-");
  // RFC 5819 §5: C: A01 LIST "" % RETURN (STATUS (MESSAGES UNSEEN))
  auto st = ok<list_command>("A01 LIST \"\" % RETURN (STATUS (MESSAGES UNSEEN))\r\n");
  EXPECT_TRUE(st.return_status);
  ASSERT_EQ(st.status_attributes.size(), 2u);
  EXPECT_EQ(st.status_attributes[0], status_att::messages);
  EXPECT_EQ(st.status_attributes[1], status_att::unseen);
  EXPECT_TRUE(st.return_options.empty());
  // imaplib-broad: SPECIAL-USE and STATUS together
  auto both = ok<list_command>(
      "DOAO11 LIST \"\" \"*\" RETURN (SPECIAL-USE STATUS (MESSAGES UNSEEN UIDNEXT UIDVALIDITY "
      "HIGHESTMODSEQ SIZE))\r\n");
  ASSERT_EQ(both.return_options.size(), 1u);
  EXPECT_EQ(both.return_options[0].name, "SPECIAL-USE");
  ASSERT_EQ(both.status_attributes.size(), 6u);
  EXPECT_EQ(both.status_attributes[4], status_att::highestmodseq);
  EXPECT_EQ(both.status_attributes[5], status_att::size);
  auto rec =
      ok<list_command>("DOAO12 LIST (SUBSCRIBED RECURSIVEMATCH) \"\" \"*\" RETURN (CHILDREN)\r\n");
  ASSERT_EQ(rec.selection_options.size(), 2u);
  EXPECT_EQ(rec.selection_options[1].name, "RECURSIVEMATCH");
  // An option-extension with its option-value
  auto ext = ok<list_command>("a LIST (X-OPT (a b)) \"\" *\r\n");
  ASSERT_TRUE(ext.selection_options[0].value);
  EXPECT_EQ(ext.selection_options[0].value->items.size(), 2u);
  EXPECT_TRUE(ok<list_command>("a LIST \"\" * RETURN ()\r\n").has_return);
  fails("d6 LIST \"\" \"*\" RETURN BOGUS\r\n", 22);
  fails("a LIST \"\" * EXTRA\r\n", 12);  // only RETURN may follow
  fails("a LIST (SUBSCRIBED \"\" *\r\n", 19);
  fails("a LIST \"\" * RETURN (STATUS ())\r\n", 28);
}

TEST_F(CommandAuth, LsubNamespaceStatus) {
  auto l = ok<lsub_command>("A002 LSUB \"#news.\" \"comp.mail.*\"\r\n");
  EXPECT_EQ(l.reference.name.value, "#news.");
  EXPECT_EQ(l.pattern.value, "comp.mail.*");
  EXPECT_EQ(ok<lsub_command>("DOAO28 LSUB \"\" Archive/*\r\n").pattern.value, "Archive/*");
  ok<namespace_command>("A001 NAMESPACE\r\n");
  // RFC 9051 §6.3.11: C: A042 STATUS blurdybloop (UIDNEXT MESSAGES)
  auto s = ok<status_command>("A042 STATUS blurdybloop (UIDNEXT MESSAGES)\r\n");
  EXPECT_EQ(s.mailbox.name.value, "blurdybloop");
  ASSERT_EQ(s.attributes.size(), 2u);
  EXPECT_EQ(s.attributes[0], status_att::uidnext);
  EXPECT_EQ(s.attributes[1], status_att::messages);
  auto all = ok<status_command>(
      "a STATUS x (MESSAGES UIDNEXT UIDVALIDITY UNSEEN DELETED SIZE RECENT HIGHESTMODSEQ "
      "APPENDLIMIT MAILBOXID DELETED-STORAGE)\r\n");
  ASSERT_EQ(all.attributes.size(), 11u);
  EXPECT_EQ(all.attributes[4], status_att::deleted);
  EXPECT_EQ(all.attributes[10], status_att::deleted_storage);
  fails("a STATUS x ()\r\n", 12);
  fails("a STATUS x (BOGUS)\r\n", 12);
  fails("a STATUS x (MESSAGES  UNSEEN)\r\n", 21);
  fails("a STATUS x MESSAGES\r\n", 11);
}

TEST_F(CommandAuth, Append) {
  // RFC 9051 §6.3.12: C: A003 APPEND saved-messages (\Seen) {326}
  const std::string body =
      "Date: Mon, 7 Feb 1994 21:52:25 -0800 (PST)\r\n"
      "From: Fred Foobar <foobar@Blurdybloop.example>\r\n"
      "Subject: afternoon meeting\r\n"
      "To: mooch@owatagu.siam.edu.example\r\n"
      "Message-Id: <B27397-0100000@Blurdybloop.example>\r\n"
      "MIME-Version: 1.0\r\n"
      "Content-Type: TEXT/PLAIN; CHARSET=US-ASCII\r\n"
      "\r\n"
      "Hello Joe, do you think we can meet at 3:30 tomorrow?\r\n";
  ASSERT_EQ(body.size(), 326u);  // the RFC's {326}, with CRLF line ends
  const std::string cmd = "A003 APPEND saved-messages (\\Seen) {" + std::to_string(body.size()) +
                          "}\r\n" + body + "\r\n";
  auto a = ok<append_command>(cmd);
  EXPECT_EQ(a.mailbox.name.value, "saved-messages");
  ASSERT_EQ(a.messages.size(), 1u);
  EXPECT_TRUE(a.messages[0].has_flags);
  ASSERT_EQ(a.messages[0].flags.size(), 1u);
  EXPECT_EQ(a.messages[0].flags[0].name, "\\Seen");
  EXPECT_FALSE(a.messages[0].date_time);
  EXPECT_EQ(a.messages[0].data.value, body);
  EXPECT_EQ(a.messages[0].data.kind, string_kind::literal);
  // LITERAL+ and a date-time (perl-imapclient)
  auto dated = ok<append_command>(
      "55 APPEND \"Perl Test\" (\\Seen) \"01-Jan-2024 12:00:00 +0000\" {6+}\r\nbody\r\n\r\n");
  ASSERT_TRUE(dated.messages[0].date_time);
  EXPECT_EQ(dated.messages[0].date_time->date.year, 2024);
  EXPECT_EQ(dated.messages[0].date_time->hour, 12);
  EXPECT_EQ(dated.messages[0].data.value, "body\r\n");
  // No flags at all, and an empty flag list
  auto plain = ok<append_command>("BCCN3 APPEND INBOX {3}\r\nabc\r\n");
  EXPECT_FALSE(plain.messages[0].has_flags);
  auto empty = ok<append_command>("a APPEND INBOX () \" 2-Mar-2024 11:30:00 -0500\" {1}\r\nx\r\n");
  EXPECT_TRUE(empty.messages[0].has_flags);
  EXPECT_TRUE(empty.messages[0].flags.empty());
  EXPECT_EQ(empty.messages[0].date_time->zone_minutes, -300);
  EXPECT_EQ(empty.messages[0].date_time->date.day, 2);
  // MULTIAPPEND (RFC 3502 §6): C: A003 APPEND saved-messages (\Seen) {329} ... (\Seen) {295}
  auto multi = ok<append_command>(
      "A003 APPEND saved-messages (\\Seen) {3}\r\none (\\Seen) {3}\r\ntwo {5}\r\nthree\r\n");
  ASSERT_EQ(multi.messages.size(), 3u);
  EXPECT_EQ(multi.messages[1].data.value, "two");
  EXPECT_FALSE(multi.messages[2].has_flags);
  EXPECT_EQ(multi.messages[2].data.value, "three");
  // literal8 (RFC 3516) with a NUL, and UTF8 (RFC 6855)
  const std::string with_nul("a APPEND INBOX (\\Draft) ~{3}\r\na\0b\r\n", 35);
  auto binary = ok<append_command>(with_nul);  // views into with_nul
  EXPECT_EQ(binary.messages[0].data.kind, string_kind::literal8);
  EXPECT_EQ(binary.messages[0].data.value, std::string_view("a\0b", 3));
  auto utf8 = ok<append_command>("a APPEND INBOX UTF8 (~{2}\r\nhi)\r\n");
  EXPECT_TRUE(utf8.messages[0].utf8);
  EXPECT_EQ(utf8.messages[0].data.value, "hi");
  fails("a APPEND INBOX\r\n", 14);
  fails("a APPEND INBOX (\\Seen)\r\n", 22);  // flags, then no message
  fails("a APPEND INBOX \"x\"\r\n",
        14);  // no append-message starts at the SP: a quoted is not append-data
  fails("a APPEND INBOX {5}\r\nabc\r\n", 25);                    // literal shorter than announced
  fails(std::string("a APPEND INBOX {3}\r\na\0b\r\n", 25), 21);  // NUL needs literal8
  fails("a APPEND INBOX UTF8 ({2}\r\nhi)\r\n", 21);              // UTF8 takes literal8
}

TEST_F(CommandAuth, AppendCatenate) {
  // RFC 4469 §4, example 1, as the wire carries it (the RFC folds the command line)
  const std::string boundary = "--------------030308070208000400050907";
  const std::string text1 = "\r\n" + boundary + "\r\n";    // {42}
  const std::string text3 = "\r\n" + boundary + "--\r\n";  // {44}
  ASSERT_EQ(text1.size(), 42u);
  ASSERT_EQ(text3.size(), 44u);
  const std::string cmd =
      "A003 APPEND Drafts (\\Seen \\Draft $MDNSent) CATENATE "
      "(URL \"/Drafts;UIDVALIDITY=385759045/;UID=20/;section=HEADER\" TEXT {42}\r\n" +
      text1 +
      " URL \"/Drafts;UIDVALIDITY=385759045/;UID=20/;section=1.MIME\" "
      "URL \"/Drafts;UIDVALIDITY=385759045/;UID=20/;section=1\" TEXT {42}\r\n" +
      text1 + " URL \"/Drafts;UIDVALIDITY=385759045/;UID=30\" TEXT {44}\r\n" + text3 + ")\r\n";
  auto a = ok<append_command>(cmd);
  EXPECT_EQ(a.mailbox.name.value, "Drafts");
  ASSERT_EQ(a.messages.size(), 1u);
  const append_message& m = a.messages[0];
  EXPECT_EQ(m.flags.size(), 3u);
  EXPECT_TRUE(m.data.is_nil());
  ASSERT_EQ(m.catenate.size(), 7u);
  using kind = catenate_part::kind_t;
  const kind kinds[] = {kind::url,  kind::text, kind::url, kind::url,
                        kind::text, kind::url,  kind::text};
  for (std::size_t i = 0; i < 7; ++i) EXPECT_EQ(m.catenate[i].kind, kinds[i]) << i;
  EXPECT_EQ(m.catenate[0].value.value, "/Drafts;UIDVALIDITY=385759045/;UID=20/;section=HEADER");
  EXPECT_EQ(m.catenate[1].value.value, text1);
  EXPECT_EQ(m.catenate[1].value.kind, string_kind::literal);
  EXPECT_EQ(m.catenate[5].value.value, "/Drafts;UIDVALIDITY=385759045/;UID=30");
  EXPECT_EQ(m.catenate[6].value.value, text3);
  // A URL as an atom, a UTF8 part (RFC 6855 §4: cat-part =/ utf8-literal), LITERAL+, MULTIAPPEND
  // with a plain message after a CATENATE one, and REPLACE (RFC 8508 takes append-message).
  auto mixed = ok<append_command>(
      "a APPEND INBOX CATENATE (URL /INBOX;UIDVALIDITY=7/;UID=3 UTF8 (~{2+}\r\nhi)) {1}\r\nx\r\n");
  ASSERT_EQ(mixed.messages.size(), 2u);
  ASSERT_EQ(mixed.messages[0].catenate.size(), 2u);
  EXPECT_EQ(mixed.messages[0].catenate[1].kind, kind::utf8);
  EXPECT_EQ(mixed.messages[0].catenate[1].value.kind, string_kind::literal8);
  EXPECT_EQ(mixed.messages[0].catenate[1].value.value, "hi");
  EXPECT_EQ(mixed.messages[1].data.value, "x");
  auto r = ok<replace_command>("a REPLACE 4 Drafts CATENATE (TEXT {1+}\r\nx)\r\n");
  ASSERT_EQ(r.message.catenate.size(), 1u);
  EXPECT_EQ(r.message.catenate[0].value.value, "x");
  // RFC 5257 §4.7: an annotation before the data (append-ext), in MULTIAPPEND too
  auto an = ok<append_command>(
      "a APPEND drafts (\\Draft) ANNOTATION (/comment (value.priv \"Don't send until I say so\")) "
      "{3}\r\nabc ANNOTATION (/x (value.shared NIL)) {1}\r\nx\r\n");
  ASSERT_EQ(an.messages.size(), 2u);
  ASSERT_EQ(an.messages[0].annotations.size(), 1u);
  EXPECT_EQ(an.messages[0].annotations[0].entry.value, "/comment");
  EXPECT_EQ(an.messages[0].annotations[0].values[0].value.value, "Don't send until I say so");
  EXPECT_EQ(an.messages[0].data.value, "abc");
  EXPECT_TRUE(an.messages[1].annotations[0].values[0].value.is_nil());
  fails("a APPEND x ANNOTATION (/comment (value.priv \"x\"))\r\n", 49);  // no data
  fails("a APPEND INBOX CATENATE ()\r\n", 25);                // one part at least
  fails("a APPEND INBOX CATENATE (TEXT \"x\")\r\n", 30);      // TEXT takes a literal
  fails("a APPEND INBOX CATENATE (URL /a  URL /b)\r\n", 32);  // one SP between parts
  fails("a APPEND INBOX CATENATE (TEXT {1}\r\nx\r\n", 36);    // unclosed
  fails("a APPEND INBOX CATENATE (BODY {1}\r\nx)\r\n", 25);   // no such part
}

TEST_F(CommandAuth, LanguageComparator) {
  // RFC 5255 §3.3: C: A003 LANGUAGE / C: E001 LANGUAGE FR-CA EN-CA / C: D003 LANGUAGE "default"
  EXPECT_TRUE(ok<language_command>("A003 LANGUAGE\r\n").ranges.empty());
  auto l = ok<language_command>("E001 LANGUAGE FR-CA EN-CA\r\n");
  ASSERT_EQ(l.ranges.size(), 2u);
  EXPECT_EQ(l.ranges[1].value, "EN-CA");
  EXPECT_EQ(ok<language_command>("D003 LANGUAGE \"default\"\r\n").ranges[0].value, "default");
  // RFC 5255 §4.7: C: A001 COMPARATOR "cz;*" i;basic
  auto c = ok<comparator_command>("A001 COMPARATOR \"cz;*\" i;basic\r\n");
  ASSERT_EQ(c.orders.size(), 2u);
  EXPECT_EQ(c.orders[0].value, "cz;*");
  EXPECT_TRUE(ok<comparator_command>("a COMPARATOR\r\n").orders.empty());
  fails("a LANGUAGE  EN\r\n", 11);
}

TEST_F(CommandAuth, JmapaccessUrlauth) {
  // RFC 9698 §5: C: 1b GETJMAPACCESS
  ok<getjmapaccess_command>("1b GETJMAPACCESS\r\n");
  fails("1b GETJMAPACCESS x\r\n", 16);
  // RFC 4467 §6.3.2 (the RFC folds the URL)
  auto g = ok<genurlauth_command>(
      "a777 GENURLAUTH \"imap://joe@example.com/INBOX/;uid=20/;section=1.2;urlauth=submit+fred\" "
      "INTERNAL\r\n");
  ASSERT_EQ(g.rumps.size(), 1u);
  EXPECT_EQ(g.rumps[0].url.value,
            "imap://joe@example.com/INBOX/;uid=20/;section=1.2;urlauth=submit+fred");
  EXPECT_EQ(g.rumps[0].mechanism, "INTERNAL");
  EXPECT_EQ(ok<genurlauth_command>("a GENURLAUTH x INTERNAL y XSAMPLE\r\n").rumps.size(), 2u);
  fails("a GENURLAUTH x\r\n", 14);      // a mechanism for each url-rump
  fails("a GENURLAUTH x X_Y\r\n", 16);  // mechanism = 1*(ALPHA / DIGIT / "-" / ".")
  // RFC 4467 §6.3.4 and RFC 5524 §4
  auto u = ok<urlfetch_command>(
      "a002 URLFETCH \"imap://joe@example.com/INBOX/;uid=20/;section=1.2;urlauth=submit+fred:"
      "internal:91354a473744909de610943775f92038\"\r\n");
  ASSERT_EQ(u.urls.size(), 1u);
  EXPECT_FALSE(u.urls[0].extended);
  auto x = ok<urlfetch_command>(
      "A001 URLFETCH (\"imap://joe@example.com/INBOX/;uid=20/;section=1.3;urlauth=anonymous:"
      "internal:ae354a473744909de610943775f92038\" BINARY BODYPARTSTRUCTURE) plain\r\n");
  ASSERT_EQ(x.urls.size(), 2u);
  EXPECT_TRUE(x.urls[0].extended);
  ASSERT_EQ(x.urls[0].params.size(), 2u);
  EXPECT_EQ(x.urls[0].params[1], "BODYPARTSTRUCTURE");
  EXPECT_EQ(x.urls[1].url.value, "plain");
  fails("A001 URLFETCH  (\"imap://x\" BINARY)\r\n", 14);  // RFC 5524's own doubled SP
  fails("a URLFETCH\r\n", 10);
  // RFC 4467 §6.3.1: C: a31 RESETKEY / C: a32 RESETKEY INBOX / C: a33 RESETKEY INBOX XSAMPLE
  EXPECT_FALSE(ok<resetkey_command>("a31 RESETKEY\r\n").mailbox);
  EXPECT_TRUE(ok<resetkey_command>("a32 RESETKEY INBOX\r\n").mailbox->is_inbox());
  auto r = ok<resetkey_command>("a33 RESETKEY INBOX XSAMPLE\r\n");
  ASSERT_EQ(r.mechanisms.size(), 1u);
  EXPECT_EQ(r.mechanisms[0], "XSAMPLE");
}

TEST_F(CommandAuth, Quota) {
  // RFC 9208 §4.2-4.4
  EXPECT_EQ(ok<getquota_command>("G0001 GETQUOTA \"!partition/sda4\"\r\n").quota_root.value,
            "!partition/sda4");
  EXPECT_TRUE(ok<getquotaroot_command>("G0002 GETQUOTAROOT INBOX\r\n").mailbox.is_inbox());
  auto s = ok<setquota_command>("S0000 SETQUOTA \"#user/alice\" (STORAGE 510)\r\n");
  EXPECT_EQ(s.quota_root.value, "#user/alice");
  ASSERT_EQ(s.limits.size(), 1u);
  EXPECT_EQ(s.limits[0].resource, "STORAGE");
  EXPECT_EQ(s.limits[0].limit, 510u);
  auto two = ok<setquota_command>("a SETQUOTA \"\" (STORAGE 1 MESSAGE 9000000000)\r\n");
  ASSERT_EQ(two.limits.size(), 2u);
  EXPECT_EQ(two.limits[1].limit, 9000000000u);
  EXPECT_TRUE(ok<setquota_command>("a SETQUOTA x ()\r\n").limits.empty());
  fails("d8 GETQUOTAROOT\r\n", 15);
  fails("a SETQUOTA x (STORAGE)\r\n", 21);
}

TEST_F(CommandAuth, Metadata) {
  // RFC 5464 §4.2: C: a GETMETADATA "" /shared/comment
  auto g = ok<getmetadata_command>("a GETMETADATA \"\" /shared/comment\r\n");
  EXPECT_EQ(g.mailbox.name.value, "");
  ASSERT_EQ(g.entries.size(), 1u);
  EXPECT_EQ(g.entries[0].value, "/shared/comment");
  EXPECT_FALSE(g.entries_parenthesized);
  // C: a GETMETADATA INBOX (/shared/comment /private/comment)
  auto two = ok<getmetadata_command>("a GETMETADATA INBOX (/shared/comment /private/comment)\r\n");
  EXPECT_TRUE(two.entries_parenthesized);
  ASSERT_EQ(two.entries.size(), 2u);
  EXPECT_EQ(two.entries[1].value, "/private/comment");
  // C: a GETMETADATA (MAXSIZE 1024) INBOX /shared/comment ; DEPTH (imaplib-broad: lower case)
  auto max = ok<getmetadata_command>("a GETMETADATA (MAXSIZE 1024) INBOX /shared/comment\r\n");
  ASSERT_TRUE(max.maxsize);
  EXPECT_EQ(*max.maxsize, 1024u);
  auto depth =
      ok<getmetadata_command>("DOAO23 GETMETADATA (DEPTH infinity) INBOX (/private /shared)\r\n");
  EXPECT_EQ(depth.depth, getmetadata_command::depth_t::infinity);
  auto both = ok<getmetadata_command>("a GETMETADATA (MAXSIZE 5 DEPTH 1) INBOX /a\r\n");
  EXPECT_EQ(both.depth, getmetadata_command::depth_t::one);
  EXPECT_EQ(*both.maxsize, 5u);
  fails("a GETMETADATA (DEPTH 2) INBOX /a\r\n", 21);
  // RFC 5464 §4.3: C: a SETMETADATA INBOX (/private/comment {33}
  auto s = ok<setmetadata_command>(
      "a SETMETADATA INBOX (/private/comment {33}\r\nMy new comment across\r\ntwo lines.)\r\n");
  ASSERT_EQ(s.entries.size(), 1u);
  EXPECT_EQ(s.entries[0].entry.value, "/private/comment");
  EXPECT_EQ(s.entries[0].value.value, "My new comment across\r\ntwo lines.");
  // C: a SETMETADATA INBOX (/private/comment NIL)
  auto nil = ok<setmetadata_command>("a SETMETADATA INBOX (/private/comment NIL)\r\n");
  EXPECT_TRUE(nil.entries[0].value.is_nil());
  auto many =
      ok<setmetadata_command>("a SETMETADATA \"\" (/shared/x \"1\" /private/y ~{2}\r\nab)\r\n");
  ASSERT_EQ(many.entries.size(), 2u);
  EXPECT_EQ(many.entries[1].value.kind, string_kind::literal8);
  fails("a SETMETADATA INBOX ()\r\n", 21);
  fails("a SETMETADATA INBOX (/private/comment)\r\n", 37);
}

TEST_F(CommandAuth, Acl) {
  // RFC 4314 §3
  auto s = ok<setacl_command>("A035 SETACL INBOX/Drafts John lrQswicda\r\n");
  EXPECT_EQ(s.mailbox.name.value, "INBOX/Drafts");
  EXPECT_EQ(s.identifier.value, "John");
  EXPECT_EQ(s.rights.value, "lrQswicda");
  EXPECT_EQ(ok<setacl_command>("A002 SETACL INBOX/Drafts Byron +ldi\r\n").rights.value, "+ldi");
  auto d = ok<deleteacl_command>("A001 DELETEACL INBOX Fred\r\n");
  EXPECT_EQ(d.identifier.value, "Fred");
  EXPECT_EQ(ok<getacl_command>("GLOI3 GETACL \"Shared Stuff\"\r\n").mailbox.name.value,
            "Shared Stuff");
  auto l = ok<listrights_command>("DOAO29 LISTRIGHTS INBOX anyone\r\n");
  EXPECT_EQ(l.identifier.value, "anyone");
  EXPECT_TRUE(ok<myrights_command>("a0005 MYRIGHTS \"INBOX\"\r\n").mailbox.is_inbox());
  fails("a SETACL INBOX John\r\n", 19);
}

TEST_F(CommandAuth, IdleReplace) {
  ok<idle_command>("A002 IDLE\r\n");
  fails("A002 IDLE now\r\n", 9);
  // RFC 8508 §3: C: A003 REPLACE 4 Drafts (\Seen \Draft) {312}
  auto r = ok<replace_command>("A003 REPLACE 4 Drafts (\\Seen \\Draft) {3}\r\nabc\r\n");
  EXPECT_FALSE(r.uid);
  EXPECT_EQ(r.number, 4u);
  EXPECT_EQ(r.mailbox.name.value, "Drafts");
  EXPECT_EQ(r.message.flags.size(), 2u);
  EXPECT_EQ(r.message.data.value, "abc");
  auto u = ok<replace_command>("B003 UID REPLACE 25 Drafts {3+}\r\nxyz\r\n");
  EXPECT_TRUE(u.uid);
  EXPECT_EQ(u.number, 25u);
  fails("a REPLACE 4 Drafts\r\n", 18);
}

}  // namespace
