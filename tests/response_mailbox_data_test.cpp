// Untagged mailbox data (RFC 9051 §7.2-§7.4, RFC 3501 §7.2-§7.4) and the extensions' untagged
// responses, from the RFCs' server examples and the Dovecot captures (corpus/captures).
#include "imapkit/serialize.hpp"
#include "response_test_helpers.hpp"

namespace {

using namespace imapkit;
using MailboxData = imapkit::test::ResponseTest;
using namespace std::literals;

TEST_F(MailboxData, Capability) {
  // RFC 9051 §7.2.2
  const auto d =
      data<capability_data>("* CAPABILITY IMAP4rev2 STARTTLS AUTH=GSSAPI XPIG-LATIN\r\n");
  EXPECT_EQ(joined(d.capabilities), "IMAP4rev2 STARTTLS AUTH=GSSAPI XPIG-LATIN");
  fails("* CAPABILITY\r\n", 12);  // at least one capability
}

TEST_F(MailboxData, Enabled) {
  // RFC 5161 §3.2 / Dovecot
  EXPECT_EQ(joined(data<enable_data>("* ENABLED X-GOOD-IDEA\r\n").capabilities), "X-GOOD-IDEA");
  EXPECT_EQ(joined(data<enable_data>("* ENABLED CONDSTORE\r\n").capabilities), "CONDSTORE");
  EXPECT_TRUE(data<enable_data>("* ENABLED\r\n").capabilities.empty());
}

TEST_F(MailboxData, Flags) {
  // RFC 9051 §7.3.5
  const auto d = data<flags_data>("* FLAGS (\\Answered \\Flagged \\Deleted \\Seen \\Draft)\r\n");
  EXPECT_EQ(joined(d.flags), "\\Answered \\Flagged \\Deleted \\Seen \\Draft");
  EXPECT_TRUE(data<flags_data>("* FLAGS ()\r\n").flags.empty());
  fails("* FLAGS (\\Seen\r\n", 14);
}

TEST_F(MailboxData, List) {
  // RFC 9051 §7.3.1
  auto d = data<mailbox_list>("* LIST (\\Noselect) \"/\" ~/Mail/foo\r\n");
  EXPECT_FALSE(d.lsub);
  EXPECT_EQ(joined(d.flags), "\\Noselect");
  EXPECT_EQ(d.delimiter, '/');
  EXPECT_EQ(d.mailbox.name.value, "~/Mail/foo");
  // NIL delimiter, quoted name with an escaped quote
  d = data<mailbox_list>("* LIST () NIL \"a \\\"b\\\"\"\r\n");
  EXPECT_FALSE(d.delimiter.has_value());
  EXPECT_EQ(d.mailbox.name.value, "a \"b\"");
  // escaped backslash delimiter
  EXPECT_EQ(data<mailbox_list>("* LIST () \"\\\\\" INBOX\r\n").delimiter, '\\');
  // Dovecot (imaplib-broad.s2c): an empty name, modified UTF-7, special-use
  d = data<mailbox_list>("* LIST (\\Noselect) \"/\" \"\"\r\n");
  EXPECT_EQ(d.mailbox.name.value, "");
  EXPECT_EQ(d.mailbox.name.kind, string_kind::quoted);
  d = data<mailbox_list>("* LIST (\\HasNoChildren \\Marked) \"/\" \"Caf&AOk- &- Bar\"\r\n");
  EXPECT_EQ(d.mailbox.name.value, "Caf&AOk- &- Bar");
  EXPECT_EQ(joined(d.flags), "\\HasNoChildren \\Marked");
  d = data<mailbox_list>("* LIST (\\HasChildren \\UnMarked \\Archive) \"/\" Archive\r\n");
  EXPECT_EQ(d.flags.size(), 3u);
  EXPECT_TRUE(d.mailbox.name.kind == string_kind::atom);
  EXPECT_TRUE(data<mailbox_list>("* LIST () \"/\" inbox\r\n").mailbox.is_inbox());
  fails("* LIST () \"//\" INBOX\r\n", 10);  // the delimiter is one character
}

TEST_F(MailboxData, ListExtended) {
  // RFC 5258 §5 (CHILDINFO) and RFC 9051 §6.3.9 (OLDNAME)
  auto d = data<mailbox_list>("* LIST () \"/\" \"Foo\" (\"CHILDINFO\" (\"SUBSCRIBED\"))\r\n");
  ASSERT_EQ(d.extended.size(), 1u);
  EXPECT_EQ(d.extended[0].kind, list_extended_kind::childinfo);
  EXPECT_EQ(d.extended[0].tag.value, "CHILDINFO");
  EXPECT_EQ(joined(d.extended[0].childinfo), "SUBSCRIBED");
  d = data<mailbox_list>("* LIST () \"/\" INBOX (\"OLDNAME\" (\"inbox\"))\r\n");
  ASSERT_EQ(d.extended.size(), 1u);
  EXPECT_EQ(d.extended[0].kind, list_extended_kind::oldname);
  EXPECT_EQ(d.extended[0].old_name.name.value, "inbox");
  d = data<mailbox_list>("* LIST () \"/\" x (X-VENDOR-ITEM 42 OTHER (a (b c)))\r\n");
  ASSERT_EQ(d.extended.size(), 2u);
  EXPECT_EQ(d.extended[0].kind, list_extended_kind::other);
  EXPECT_EQ(d.extended[0].value.text.value, "42");
  EXPECT_EQ(d.extended[1].value.items.size(), 2u);
}

TEST_F(MailboxData, Lsub) {
  // RFC 3501 §7.2.3 / Dovecot (mutt-browse.s2c)
  auto d = data<mailbox_list>("* LSUB () \".\" #news.comp.mail.misc\r\n");
  EXPECT_TRUE(d.lsub);
  EXPECT_EQ(d.delimiter, '.');
  EXPECT_EQ(d.mailbox.name.value, "#news.comp.mail.misc");
  d = data<mailbox_list>("* LSUB () \"/\" Entw&APw-rfe\r\n");
  EXPECT_EQ(d.mailbox.name.value, "Entw&APw-rfe");
}

TEST_F(MailboxData, Status) {
  // RFC 9051 §7.3.2
  auto d = data<status_data>("* STATUS blurdybloop (MESSAGES 231 UIDNEXT 44292)\r\n");
  EXPECT_EQ(d.mailbox.name.value, "blurdybloop");
  ASSERT_EQ(d.attributes.size(), 2u);
  EXPECT_EQ(d.attributes[0].att, status_att::messages);
  EXPECT_EQ(d.attributes[0].number, 231u);
  EXPECT_EQ(d.attributes[1].att, status_att::uidnext);
  EXPECT_EQ(d.attributes[1].number, 44292u);
  // Dovecot (imaplib-broad.s2c): STATUS=SIZE and CONDSTORE
  d = data<status_data>(
      "* STATUS \"Caf&AOk- &- Bar\" (MESSAGES 3 UIDNEXT 4 UIDVALIDITY 1795378996 UNSEEN 0 "
      "HIGHESTMODSEQ 5 SIZE 6076)\r\n");
  EXPECT_EQ(d.mailbox.name.value, "Caf&AOk- &- Bar");
  ASSERT_EQ(d.attributes.size(), 6u);
  EXPECT_EQ(d.attributes[2].att, status_att::uidvalidity);
  EXPECT_EQ(d.attributes[2].number, 1795378996u);
  EXPECT_EQ(d.attributes[3].att, status_att::unseen);
  EXPECT_EQ(d.attributes[4].att, status_att::highestmodseq);
  EXPECT_EQ(d.attributes[5].att, status_att::size);
  EXPECT_EQ(d.attributes[5].number, 6076u);
  // mutt's RECENT (RFC 3501)
  d = data<status_data>(
      "* STATUS Archive/2023 (RECENT 0 UIDNEXT 26 UIDVALIDITY 1795378987 UNSEEN 0)\r\n");
  EXPECT_EQ(d.attributes[0].att, status_att::recent);
  // RFC 9051 DELETED, RFC 7889 APPENDLIMIT (number and NIL), RFC 8474 MAILBOXID, RFC 9208
  d = data<status_data>(
      "* STATUS INBOX (DELETED 3 APPENDLIMIT 257890 MAILBOXID (F2212ea87-6097) "
      "DELETED-STORAGE 12 X-OTHER 5)\r\n");
  ASSERT_EQ(d.attributes.size(), 5u);
  EXPECT_EQ(d.attributes[0].att, status_att::deleted);
  EXPECT_EQ(d.attributes[1].att, status_att::appendlimit);
  EXPECT_EQ(d.attributes[1].number, 257890u);
  EXPECT_EQ(d.attributes[2].att, status_att::mailboxid);
  EXPECT_EQ(d.attributes[2].text, "F2212ea87-6097");
  EXPECT_EQ(d.attributes[3].att, status_att::deleted_storage);
  EXPECT_EQ(d.attributes[4].att, status_att::other);
  EXPECT_EQ(d.attributes[4].name, "X-OTHER");
  d = data<status_data>("* STATUS Sent (APPENDLIMIT NIL)\r\n");
  EXPECT_TRUE(d.attributes[0].is_nil);
  EXPECT_TRUE(data<status_data>("* STATUS x ()\r\n").attributes.empty());
  fails("* STATUS x (MESSAGES)\r\n", 20);
}

TEST_F(MailboxData, EsearchMultisearchCorrelator) {
  // RFC 7377 §3: the correlator names the mailbox and its UIDVALIDITY, in any order.
  auto d = data<esearch_data>(
      "* ESEARCH (TAG \"tag1\" MAILBOX \"folder1\" UIDVALIDITY 1) UID ALL "
      "4001,4003,4005,4007,4009\r\n");
  EXPECT_EQ(d.correlator->value, "tag1");
  ASSERT_TRUE(d.mailbox.has_value());
  EXPECT_EQ(d.mailbox->name.value, "folder1");
  EXPECT_EQ(d.uidvalidity, 1u);
  EXPECT_TRUE(d.uid);
  EXPECT_EQ(set_string(d.items[0].set), "4001,4003,4005,4007,4009");
  d = data<esearch_data>(
      "* ESEARCH (TAG \"tag2\" MAILBOX \"folder2/salmon\" UIDVALIDITY 1111111) UID ALL "
      "50003,50006,50009,50012\r\n");
  EXPECT_EQ(d.mailbox->name.value, "folder2/salmon");
  EXPECT_EQ(d.uidvalidity, 1111111u);
  d = data<esearch_data>("* ESEARCH (UIDVALIDITY 3 MAILBOX INBOX) COUNT 2\r\n");
  EXPECT_FALSE(d.correlator.has_value());
  EXPECT_EQ(d.uidvalidity, 3u);
  // Each correlator once; UIDVALIDITY is an nz-number.
  fails("* ESEARCH (TAG \"a\" TAG \"b\") COUNT 1\r\n", 18);
  fails("* ESEARCH (TAG a UIDVALIDITY 0) COUNT 1\r\n", 29);
  // Written back in RFC 7377's order.
  buffer_sink out;
  EXPECT_TRUE(serialize(ok("* ESEARCH (UIDVALIDITY 3 MAILBOX INBOX TAG x) COUNT 2\r\n"), out));
  EXPECT_EQ(out.bytes(), "* ESEARCH (TAG x MAILBOX INBOX UIDVALIDITY 3) COUNT 2\r\n");
}

TEST_F(MailboxData, KnownItemsWithValuesNotTheirOwn) {
  // A STATUS attribute or an ESEARCH return data with a known name and a value that is not its
  // own is read as the extension item of that name (ESEARCH: search-ret-data-ext, by the ABNF),
  // in both modes, as a malformed known response code is the generic code: the other items stay.
  auto s = data<status_data>("* STATUS INBOX (MESSAGES 1 UIDNEXT 0 UNSEEN 2)\r\n");
  ASSERT_EQ(s.attributes.size(), 3u);
  EXPECT_EQ(s.attributes[0].att, status_att::messages);
  EXPECT_EQ(s.attributes[1].att, status_att::other);
  EXPECT_EQ(s.attributes[1].name, "UIDNEXT");
  EXPECT_EQ(s.attributes[1].number, 0u);
  EXPECT_EQ(s.attributes[2].att, status_att::unseen);
  auto e = data<esearch_data>("* ESEARCH (TAG \"a\") MIN 0 COUNT x ALL 1:3\r\n");
  ASSERT_EQ(e.items.size(), 3u);
  EXPECT_EQ(e.items[0].kind, search_return_data_kind::other);
  EXPECT_EQ(e.items[0].name, "MIN");
  EXPECT_EQ(e.items[0].value.text.value, "0");
  EXPECT_EQ(e.items[1].kind, search_return_data_kind::other);
  EXPECT_EQ(e.items[1].name, "COUNT");
  EXPECT_EQ(e.items[2].kind, search_return_data_kind::all);
  // A known item must end where an item ends: "COUNT 3x" is the extension form too.
  e = data<esearch_data>("* ESEARCH COUNT 3x\r\n");
  EXPECT_EQ(e.items[0].kind, search_return_data_kind::other);
  // HIGHESTMODSEQ 0: the extension attribute in strict mode, the known one with
  // mod_sequence_zero (a rereading quirk, like [HIGHESTMODSEQ 0]).
  s = data<status_data>(parse("* STATUS x (HIGHESTMODSEQ 0)\r\n", parse_mode::strict).value());
  EXPECT_EQ(s.attributes[0].att, status_att::other);
  const auto lenient = parse("* STATUS x (HIGHESTMODSEQ 0)\r\n", parse_mode::lenient);
  ASSERT_TRUE(lenient.ok());
  EXPECT_TRUE(lenient.quirks() == quirk_set{quirk::mod_sequence_zero});
  EXPECT_EQ(data<status_data>(*lenient).attributes[0].att, status_att::highestmodseq);
  // A value nothing reads still fails the response, and so does one that the extension form
  // would write back as the known attribute ("UIDNEXT 080" as "UIDNEXT 80"; fuzz_response).
  fails("* STATUS x (UIDNEXT x)\r\n", 20);
  fails("* STATUS misc (UIDVALIDITY 0 UIDNEXT 080)\r\n", 28);

  // The serializer writes such an item back when it reads back as the extension item, and
  // refuses an extension item that would be read as the known one.
  buffer_sink out;
  EXPECT_TRUE(serialize(ok("* STATUS INBOX (MESSAGES 1 UIDNEXT 0 UNSEEN 2)\r\n"), out));
  EXPECT_EQ(out.bytes(), "* STATUS INBOX (MESSAGES 1 UIDNEXT 0 UNSEEN 2)\r\n");
  out.clear();
  EXPECT_TRUE(serialize(ok("* ESEARCH (TAG a) MIN 0 COUNT x\r\n"), out));
  EXPECT_EQ(out.bytes(), "* ESEARCH (TAG a) MIN 0 COUNT x\r\n");
  response r = ok("* STATUS INBOX (UIDNEXT 0)\r\n");
  std::get<status_data>(std::get<untagged>(r.value).data).attributes.mutable_data()[0].number = 5;
  out.clear();
  const serialize_result refused = serialize(r, out);
  ASSERT_FALSE(refused);
  EXPECT_EQ(refused.error().code, serialize_errc::invalid_value);
  EXPECT_TRUE(out.bytes().empty());
}

TEST_F(MailboxData, Search) {
  // RFC 9051 §7.3.4 (obsolete-search-response) / Dovecot
  EXPECT_EQ(joined(data<search_data>("* SEARCH 2 3 6\r\n").numbers), "2 3 6");
  auto d = data<search_data>("* SEARCH\r\n");
  EXPECT_TRUE(d.numbers.empty());
  EXPECT_FALSE(d.modseq.has_value());
  // RFC 7162 §3.1.5
  d = data<search_data>("* SEARCH 2 5 6 7 11 12 18 19 20 23 (MODSEQ 917162500)\r\n");
  EXPECT_EQ(d.numbers.size(), 10u);
  EXPECT_EQ(d.modseq, 917162500u);
  fails("* SEARCH 0\r\n", 8);  // nz-number
}

TEST_F(MailboxData, Sort) {
  // RFC 5256 §4
  EXPECT_EQ(joined(data<sort_data>("* SORT 2 3 6\r\n").numbers), "2 3 6");
  EXPECT_TRUE(data<sort_data>("* SORT\r\n").numbers.empty());
  EXPECT_EQ(data<sort_data>("* SORT 5 3 (MODSEQ 1236)\r\n").modseq, 1236u);
}

// parse_response's default is a client's: 2,000,000 numbers (a 17 MB line) are beyond a
// server's list limit (parse_options::command_list_items) and within a client's.
TEST(MailboxDataLimits, LongSearchAnswerWithTheResponseDefaults) {
  std::string line = "* SEARCH";
  for (std::uint32_t uid = 1; uid <= 2000000; ++uid) line += " " + std::to_string(uid * 2);
  line += "\r\n";
  arena mem;
  const auto r = parse_response(line, mem);
  ASSERT_TRUE(r.ok()) << r.error().message();
  const auto* search = std::get_if<search_data>(&std::get<untagged>(r->value).data);
  ASSERT_NE(search, nullptr);
  ASSERT_EQ(search->numbers.size(), 2000000u);
  EXPECT_EQ(search->numbers[1999999], 4000000u);
  arena small;
  const auto refused = parse_response(line, small, parse_options::lenient());
  ASSERT_FALSE(refused.ok());
  EXPECT_EQ(refused.error().kind, parse_errc::list_limit);
}

TEST_F(MailboxData, Esearch) {
  // RFC 4731 §3.2 / RFC 9051 §7.3.4
  auto d = data<esearch_data>("* ESEARCH (TAG \"A282\") MIN 2 COUNT 3\r\n");
  ASSERT_TRUE(d.correlator.has_value());
  EXPECT_EQ(d.correlator->value, "A282");
  EXPECT_FALSE(d.uid);
  ASSERT_EQ(d.items.size(), 2u);
  EXPECT_EQ(d.items[0].kind, search_return_data_kind::min);
  EXPECT_EQ(d.items[0].number, 2u);
  EXPECT_EQ(d.items[1].kind, search_return_data_kind::count);
  EXPECT_EQ(d.items[1].number, 3u);
  d = data<esearch_data>("* ESEARCH (TAG \"A285\") UID MIN 7 MAX 3800\r\n");
  EXPECT_TRUE(d.uid);
  EXPECT_EQ(d.items[1].number, 3800u);
  d = data<esearch_data>("* ESEARCH (TAG \"A284\")\r\n");
  EXPECT_TRUE(d.items.empty());
  d = data<esearch_data>("* ESEARCH UID COUNT 17 ALL 4:18,21,28\r\n");
  EXPECT_FALSE(d.correlator.has_value());
  EXPECT_EQ(set_string(d.items[1].set), "4:18,21,28");
  // Dovecot (imaplib-broad.s2c)
  d = data<esearch_data>("* ESEARCH (TAG \"DOAO65\") UID MIN 108 MAX 64 COUNT 157\r\n");
  EXPECT_EQ(d.correlator->value, "DOAO65");
  EXPECT_EQ(d.items.size(), 3u);
  // RFC 7162 §3.1.5 MODSEQ
  d = data<esearch_data>("* ESEARCH (TAG \"a\") ALL 1:3,5 MODSEQ 1236\r\n");
  EXPECT_EQ(d.items[1].kind, search_return_data_kind::modseq);
  EXPECT_EQ(d.items[1].number, 1236u);
  // RFC 9394 PARTIAL; Dovecot (imaplib-search-sort-thread.s2c)
  d = data<esearch_data>("* ESEARCH (TAG \"LONO72\") PARTIAL (1:10 1:10)\r\n");
  EXPECT_EQ(d.items[0].kind, search_return_data_kind::partial);
  EXPECT_FALSE(d.items[0].range.from_end);
  EXPECT_EQ(d.items[0].range.last, 10u);
  EXPECT_EQ(set_string(d.items[0].set), "1:10");
  d = data<esearch_data>("* ESEARCH (TAG \"A01\") UID PARTIAL (-1:-100 NIL)\r\n");
  EXPECT_TRUE(d.items[0].range.from_end);
  EXPECT_EQ(d.items[0].range.first, 1u);
  EXPECT_EQ(d.items[0].range.last, 100u);
  EXPECT_TRUE(d.items[0].is_nil);
  // RFC 5267 §4.2 ADDTO / REMOVEFROM, kept generic
  d = data<esearch_data>("* ESEARCH (TAG \"C01\") UID ADDTO (0 32768:32769)\r\n");
  EXPECT_EQ(d.items[0].kind, search_return_data_kind::addto);
  EXPECT_EQ(d.items[0].value.items.size(), 2u);
  d = data<esearch_data>("* ESEARCH (TAG \"B01\") UID REMOVEFROM (0 32768)\r\n");
  EXPECT_EQ(d.items[0].kind, search_return_data_kind::removefrom);
  // search-ret-data-ext
  d = data<esearch_data>("* ESEARCH RELEVANCY (4 18 75)\r\n");
  EXPECT_EQ(d.items[0].kind, search_return_data_kind::other);
  EXPECT_EQ(d.items[0].name, "RELEVANCY");
  EXPECT_EQ(d.items[0].value.items.size(), 3u);
}

TEST_F(MailboxData, Thread) {
  // RFC 5256 §4
  auto d = data<thread_data>("* THREAD (2)(3 6 (4 23)(44 7 96))\r\n");
  ASSERT_EQ(d.threads.size(), 2u);
  EXPECT_EQ(joined(d.threads[0].members), "2");
  EXPECT_EQ(joined(d.threads[1].members), "3 6");
  ASSERT_EQ(d.threads[1].children.size(), 2u);
  EXPECT_EQ(joined(d.threads[1].children[0].members), "4 23");
  EXPECT_EQ(joined(d.threads[1].children[1].members), "44 7 96");
  // thread-nested at the top: ((3)(5)) is a dummy root with two children
  d = data<thread_data>("* THREAD ((3)(5))\r\n");
  ASSERT_EQ(d.threads.size(), 1u);
  EXPECT_TRUE(d.threads[0].members.empty());
  EXPECT_EQ(d.threads[0].children.size(), 2u);
  EXPECT_TRUE(data<thread_data>("* THREAD\r\n").threads.empty());
  // Dovecot (imaplib-search-sort-thread.s2c)
  d = data<thread_data>("* THREAD (6)(4)(9)(5)(8)(3)(1)(2)(10)(7)(11 12 (13 15)(14))\r\n");
  ASSERT_EQ(d.threads.size(), 11u);
  EXPECT_EQ(joined(d.threads[10].members), "11 12");
  EXPECT_EQ(joined(d.threads[10].children[0].members), "13 15");
  d = data<thread_data>("* THREAD (124 (125 (128)(130))(126 (127)(129)))\r\n");
  EXPECT_EQ(joined(d.threads[0].children[0].children[1].members), "130");
  // thread-nested = 2*thread-list: a single nested list only in lenient mode
  lenient_only("* THREAD (1 (2))\r\n");
  fails("* THREAD (1 2\r\n", 13);
}

TEST_F(MailboxData, ExistsRecentExpunge) {
  EXPECT_EQ(data<exists_data>("* 23 EXISTS\r\n").count, 23u);
  EXPECT_EQ(data<exists_data>("* 0 EXISTS\r\n").count, 0u);
  EXPECT_EQ(data<recent_data>("* 5 RECENT\r\n").count, 5u);
  EXPECT_EQ(data<expunge_data>("* 44 EXPUNGE\r\n").number, 44u);
  fails("* 0 EXPUNGE\r\n", 2);  // nz-number
  fails("* 0 FETCH (UID 1)\r\n", 2);
}

TEST_F(MailboxData, Namespace) {
  // RFC 2342 §5 examples and RFC 9051 §7.3.3
  auto d = data<namespace_data>("* NAMESPACE ((\"\" \"/\")) NIL NIL\r\n");
  ASSERT_EQ(d.personal.size(), 1u);
  EXPECT_EQ(d.personal[0].prefix.value, "");
  EXPECT_EQ(d.personal[0].delimiter, '/');
  EXPECT_TRUE(d.other_users.empty());
  EXPECT_TRUE(d.shared.empty());
  d = data<namespace_data>(
      "* NAMESPACE ((\"\" \"/\")(\"#mh/\" \"/\" \"X-PARAM\" (\"FLAG1\" \"FLAG2\"))) NIL NIL\r\n");
  ASSERT_EQ(d.personal.size(), 2u);
  ASSERT_EQ(d.personal[1].extensions.size(), 1u);
  EXPECT_EQ(d.personal[1].extensions[0].name.value, "X-PARAM");
  EXPECT_EQ(joined(d.personal[1].extensions[0].values), "FLAG1 FLAG2");
  d = data<namespace_data>("* NAMESPACE NIL NIL ((\"\" \".\"))\r\n");
  EXPECT_EQ(d.shared[0].delimiter, '.');
  d = data<namespace_data>("* NAMESPACE ((\"\" NIL)) NIL NIL\r\n");
  EXPECT_FALSE(d.personal[0].delimiter.has_value());
  // Dovecot (perl-imapclient.s2c)
  d = data<namespace_data>(
      "* NAMESPACE ((\"\" \"/\")) ((\"shared/\" \"/\")) ((\"Public/\" \"/\"))\r\n");
  EXPECT_EQ(d.other_users[0].prefix.value, "shared/");
  EXPECT_EQ(d.shared[0].prefix.value, "Public/");
  fails("* NAMESPACE () NIL NIL\r\n", 13);  // 1*namespace-descr
}

TEST_F(MailboxData, QuirkExtraSpacesOfRfc9051Examples) {
  // RFC 9051 §6.3.9 and §7.3.3 print these with two spaces / a space between namespace-descr.
  auto l = data<mailbox_list>(lenient_only("* LIST () \".\"  \"INBOX\"\r\n"));
  EXPECT_EQ(l.delimiter, '.');
  EXPECT_TRUE(l.mailbox.is_inbox());
  auto n = data<namespace_data>(lenient_only("* NAMESPACE ((\"INBOX.\" \".\")) NIL  NIL\r\n"));
  EXPECT_EQ(n.personal[0].prefix.value, "INBOX.");
  n =
      data<namespace_data>(lenient_only("* NAMESPACE ((\"\" \"/\")) ((\"~\" \"/\")) ((\"#shared/\" "
                                        "\"/\") (\"#public/\" \"/\")(\"#ftp/\" "
                                        "\"/\")(\"#news.\" \".\"))\r\n"));
  ASSERT_EQ(n.shared.size(), 4u);
  EXPECT_EQ(n.shared[1].prefix.value, "#public/");
  EXPECT_EQ(n.shared[3].delimiter, '.');
}

TEST_F(MailboxData, QuotaAndQuotaroot) {
  // RFC 9208 §5.1 / §5.2; Dovecot (imaplib-broad.s2c)
  auto q =
      data<quota_data>("* QUOTA \"User quota\" (STORAGE 11596 2097152 MESSAGE 358 100000)\r\n");
  EXPECT_EQ(q.root.value, "User quota");
  ASSERT_EQ(q.resources.size(), 2u);
  EXPECT_EQ(q.resources[0].name, "STORAGE");
  EXPECT_EQ(q.resources[0].usage, 11596u);
  EXPECT_EQ(q.resources[0].limit, 2097152u);
  EXPECT_EQ(q.resources[1].name, "MESSAGE");
  q = data<quota_data>("* QUOTA \"\" (STORAGE 10 512)\r\n");
  EXPECT_EQ(q.root.value, "");
  auto r = data<quotaroot_data>("* QUOTAROOT INBOX \"\"\r\n");
  EXPECT_TRUE(r.mailbox.is_inbox());
  EXPECT_EQ(joined(r.roots), "");
  EXPECT_EQ(r.roots.size(), 1u);
  r = data<quotaroot_data>("* QUOTAROOT comp.mail.mime\r\n");
  EXPECT_TRUE(r.roots.empty());
  r = data<quotaroot_data>("* QUOTAROOT INBOX \"User quota\"\r\n");
  EXPECT_EQ(r.roots[0].value, "User quota");
}

TEST_F(MailboxData, Metadata) {
  // RFC 5464 §4.4.1
  auto d = data<metadata_data>("* METADATA \"\" (/shared/comment \"Shared comment\")\r\n");
  EXPECT_EQ(d.mailbox.name.value, "");
  ASSERT_EQ(d.entries.size(), 1u);
  EXPECT_EQ(d.entries[0].entry.value, "/shared/comment");
  EXPECT_EQ(d.entries[0].value.value, "Shared comment");
  d = data<metadata_data>(
      "* METADATA INBOX (/private/comment \"My comment\" /shared/comment NIL)\r\n");
  ASSERT_EQ(d.entries.size(), 2u);
  EXPECT_TRUE(d.entries[1].value.is_nil());
  // unsolicited: entry-list
  d = data<metadata_data>("* METADATA INBOX /shared/comment /private/comment\r\n");
  EXPECT_TRUE(d.entries.empty());
  EXPECT_EQ(joined(d.changed), "/shared/comment /private/comment");
  // Dovecot sends values as literals (imaplib-broad.s2c)
  d = data<metadata_data>("* METADATA \"\" (/private/vendor/corpus-lab/flag {2}\r\non)\r\n");
  EXPECT_EQ(d.entries[0].value.value, "on");
  EXPECT_EQ(d.entries[0].value.kind, string_kind::literal);
  d = data<metadata_data>("* METADATA INBOX (/private/comment ~{3}\r\na\0b)\r\n"sv);
  EXPECT_EQ(d.entries[0].value.kind, string_kind::literal8);
  EXPECT_EQ(d.entries[0].value.value, "a\0b"sv);
}

TEST_F(MailboxData, Id) {
  // RFC 2971 §3.2; Dovecot
  auto d = data<id_data>(
      "* ID (\"name\" \"Cyrus\" \"version\" \"1.5\" \"os\" \"sunos\" \"os-version\" \"5.5\" "
      "\"support-url\" \"mailto:cyrus-bugs+@andrew.cmu.edu\")\r\n");
  ASSERT_EQ(d.params.size(), 5u);
  EXPECT_EQ(d.params[0].field.value, "name");
  EXPECT_EQ(d.params[0].value.value, "Cyrus");
  EXPECT_EQ(d.params[4].value.value, "mailto:cyrus-bugs+@andrew.cmu.edu");
  d = data<id_data>("* ID (\"name\" \"Dovecot\" \"version\" \"2.3.19.1\")\r\n");
  EXPECT_EQ(d.params[1].value.value, "2.3.19.1");
  EXPECT_TRUE(data<id_data>("* ID NIL\r\n").params.empty());
  EXPECT_TRUE(data<id_data>("* ID (\"x\" NIL)\r\n").params[0].value.is_nil());
}

TEST_F(MailboxData, AclListrightsMyrights) {
  // RFC 4314 §3.6-3.8; Dovecot (imaplib-broad.s2c, perl-imapclient.s2c, mutt-browse.s2c)
  auto a = data<acl_data>("* ACL INBOX Fred rwipsldexta\r\n");
  ASSERT_EQ(a.entries.size(), 1u);
  EXPECT_EQ(a.entries[0].identifier.value, "Fred");
  EXPECT_EQ(a.entries[0].rights.value, "rwipsldexta");
  a = data<acl_data>("* ACL \"Shared Stuff\" labuser ilrws otheruser lrwstipekxacd\r\n");
  EXPECT_EQ(a.mailbox.name.value, "Shared Stuff");
  ASSERT_EQ(a.entries.size(), 2u);
  EXPECT_EQ(a.entries[1].identifier.value, "otheruser");
  EXPECT_TRUE(data<acl_data>("* ACL INBOX\r\n").entries.empty());
  auto l = data<listrights_data>("* LISTRIGHTS ~/Mail/saved smith la r swicdkxte\r\n");
  EXPECT_EQ(l.identifier.value, "smith");
  EXPECT_EQ(l.required.value, "la");
  EXPECT_EQ(joined(l.optional), "r swicdkxte");
  l = data<listrights_data>("* LISTRIGHTS INBOX anyone \"\" l r w s t p i e k x a c d\r\n");
  EXPECT_EQ(l.required.value, "");
  EXPECT_EQ(l.optional.size(), 13u);
  auto m = data<myrights_data>("* MYRIGHTS INBOX rwiptsldaex\r\n");
  EXPECT_TRUE(m.mailbox.is_inbox());
  EXPECT_EQ(m.rights.value, "rwiptsldaex");
  m = data<myrights_data>("* MYRIGHTS Archive/2023 lrwstipekxacd\r\n");
  EXPECT_EQ(m.mailbox.name.value, "Archive/2023");
}

TEST_F(MailboxData, Vanished) {
  // RFC 7162 §3.2.10
  auto d = data<vanished_data>("* VANISHED (EARLIER) 41,43:116,118,120:211,214:540\r\n");
  EXPECT_TRUE(d.earlier);
  EXPECT_EQ(set_string(d.uids), "41,43:116,118,120:211,214:540");
  d = data<vanished_data>("* VANISHED 405,407,410,425\r\n");
  EXPECT_FALSE(d.earlier);
  EXPECT_EQ(d.uids.ranges.size(), 4u);
  fails("* VANISHED *\r\n", 11);  // known-uids has no "*"
}

TEST_F(MailboxData, UnknownUntaggedDataIsGenericInLenientMode) {
  const response r = lenient_only("* XFOO bar (1 2) \"baz\"\r\n");
  const auto d = data<generic_data>(r);
  EXPECT_EQ(d.name, "XFOO");
  EXPECT_FALSE(d.number.has_value());
  ASSERT_EQ(d.values.size(), 3u);
  EXPECT_EQ(d.values[1].kind, generic_value::kind_t::list);
  EXPECT_EQ(d.values[2].text.value, "baz");
  const auto n = data<generic_data>(lenient_only("* 3 XSTUFF (a)\r\n"));
  EXPECT_EQ(n.number, 3u);
  EXPECT_EQ(n.name, "XSTUFF");
  fails("* XFOO bar\r\n", 2);
}

TEST_F(MailboxData, QuirkWildcardFlagInFlags) {
  // flag-perm's "\*" belongs to PERMANENTFLAGS; greenmail sends it in FLAGS too (ruby/net-imap
  // #228). Strict mode refuses it at the SP before it, where ")" was expected.
  fails("* FLAGS (\\Seen \\*)\r\n", 14);
  const auto f = data<flags_data>(lenient_only("* FLAGS (\\Seen \\*)\r\n"));
  ASSERT_EQ(f.flags.size(), 2u);
  EXPECT_EQ(f.flags[1].name, "\\*");
}

TEST_F(MailboxData, QuirkEmptyDelimiter) {
  // "" for the delimiter of a flat hierarchy, where the ABNF has NIL (the list of
  // deviations). Lenient mode reads it as NIL; strict mode refuses it.
  fails("* LIST () \"\" INBOX\r\n", 10);
  const auto l = data<mailbox_list>(lenient_only("* LIST () \"\" INBOX\r\n"));
  EXPECT_FALSE(l.delimiter.has_value());
  EXPECT_TRUE(l.mailbox.is_inbox());
}

TEST_F(MailboxData, QuirkDoubledSpaces) {
  // Spaces doubled after "*" (bugs.kde.org 365149, Exchange via DavMail), between SEARCH numbers
  // and in QUOTA resources (imap-codec's "(STORAGE 54 111 MESSAGE 42  1000)").
  fails("*  STATUS INBOX (MESSAGES 1)\r\n", 2);
  EXPECT_EQ(data<status_data>(lenient_only("*  STATUS INBOX (MESSAGES 1)\r\n")).attributes.size(),
            1u);
  fails("* SEARCH 1  2\r\n", 10);
  EXPECT_EQ(data<search_data>(lenient_only("* SEARCH 1  2\r\n")).numbers.size(), 2u);
  fails("* QUOTA \"\" (STORAGE 54 111 MESSAGE 42  1000)\r\n", 38);
  const auto q =
      data<quota_data>(lenient_only("* QUOTA \"\" (STORAGE 54 111 MESSAGE 42  1000)\r\n"));
  ASSERT_EQ(q.resources.size(), 2u);
  EXPECT_EQ(q.resources[1].limit, 1000u);
}

TEST_F(MailboxData, UidfetchJmapaccessUrlauthLanguageComparator) {
  // RFC 9586 §3.3: uidfetch-resp = uniqueid SP "UIDFETCH" SP msg-att
  auto f = data<fetch_data>("* 25900 UIDFETCH (FLAGS (\\Seen) UID 25900)\r\n");
  EXPECT_TRUE(f.uidfetch);
  EXPECT_EQ(f.number, 25900u);
  EXPECT_EQ(f.attributes.size(), 2u);
  EXPECT_FALSE(data<fetch_data>("* 1 FETCH (UID 5)\r\n").uidfetch);
  fails("* 0 UIDFETCH (UID 5)\r\n", 2, parse_mode::strict);  // uniqueid is nz-number
  // RFC 9698 §5
  EXPECT_EQ(
      data<jmapaccess_data>("* JMAPACCESS \"https://example.com/.well-known/jmap\"\r\n").url.value,
      "https://example.com/.well-known/jmap");
  fails("* JMAPACCESS https://example.com/\r\n", 13);  // quoted only
  // RFC 4467 §6.3.3 (the RFC folds the line)
  const std::string url =
      "imap://joe@example.com/INBOX/;uid=20/;section=1.2;urlauth=submit+fred:internal:"
      "91354a473744909de610943775f92038";
  const std::string genurlauth = "* GENURLAUTH \"" + url + "\"\r\n";
  auto g = data<genurlauth_data>(genurlauth);
  ASSERT_EQ(g.urls.size(), 1u);
  EXPECT_EQ(g.urls[0].value, url);
  fails("* GENURLAUTH\r\n", 12);
  // RFC 4467 §6.3.4: URLFETCH with a literal; an invalid URL's NIL
  const std::string urlfetch =
      "* URLFETCH \"" + url + "\" {28}\r\nSi vis pacem, para bellum.\r\n x NIL\r\n";
  auto u = data<urlfetch_data>(urlfetch);
  ASSERT_EQ(u.items.size(), 2u);
  EXPECT_EQ(u.items[0].url.value, url);
  EXPECT_EQ(u.items[0].data.value, "Si vis pacem, para bellum.\r\n");
  EXPECT_FALSE(u.items[0].extended);
  EXPECT_TRUE(u.items[1].data.is_nil());
  // RFC 5524 §4: the metadata form
  const std::string extended =
      "* URLFETCH \"" + url +
      "\" (BODYPARTSTRUCTURE (\"IMAGE\" \"PNG\" NIL NIL NIL \"BASE64\" 164)) (BODY {3}\r\nabc) "
      "(BINARY ~{2}\r\na" +
      std::string(1, '\0') + ") y NIL\r\n";
  u = data<urlfetch_data>(extended);
  ASSERT_EQ(u.items.size(), 2u);
  EXPECT_TRUE(u.items[0].extended);
  EXPECT_EQ(u.items[0].body_part_structure, "(\"IMAGE\" \"PNG\" NIL NIL NIL \"BASE64\" 164)");
  EXPECT_TRUE(u.items[0].has_body);
  EXPECT_EQ(u.items[0].body.value, "abc");
  EXPECT_TRUE(u.items[0].has_binary);
  EXPECT_EQ(u.items[0].binary.value, std::string_view("a\0", 2));
  EXPECT_EQ(u.items[1].url.value, "y");
  fails("* URLFETCH x (BODYPARTSTRUCTURE (\"IMAGE\"))\r\n", 32);  // not a body
  fails("* URLFETCH x ()\r\n", 14);
  // RFC 5255 §3.3, §4.8
  auto l = data<language_data>("* LANGUAGE (EN DE IT i-default)\r\n");
  ASSERT_EQ(l.languages.size(), 4u);
  EXPECT_EQ(l.languages[3].value, "i-default");
  fails("* LANGUAGE ()\r\n", 12);
  auto c = data<comparator_data>("* COMPARATOR i;basic\r\n");
  EXPECT_EQ(c.selected.value, "i;basic");
  EXPECT_TRUE(c.matching.empty());
  c = data<comparator_data>("* COMPARATOR i;basic (i;basic \"i;ascii-casemap\")\r\n");
  ASSERT_EQ(c.matching.size(), 2u);
  EXPECT_EQ(c.matching[1].value, "i;ascii-casemap");
}

TEST_F(MailboxData, StatusAttributeNothingReadsIsKeptInLenientMode) {
  // quirk::item_recovery: the attribute's bytes and error, the other attributes typed.
  const auto s = data<status_data>(
      lenient_only("* STATUS INBOX (MESSAGES 3 UIDNEXT x UNSEEN 1 X-FOO (1 2))\r\n"));
  ASSERT_EQ(s.attributes.size(), 4u);
  EXPECT_EQ(s.attributes[0].att, status_att::messages);
  EXPECT_EQ(s.attributes[0].number, 3u);
  EXPECT_TRUE(s.attributes[1].is_invalid());
  EXPECT_EQ(s.attributes[1].name, "UIDNEXT");
  EXPECT_EQ(s.attributes[1].invalid_bytes, "UIDNEXT x");
  EXPECT_EQ(s.attributes[1].error.offset, 8u);
  EXPECT_EQ(s.attributes[2].att, status_att::unseen);
  EXPECT_EQ(s.attributes[3].invalid_bytes, "X-FOO (1 2)");
  const auto r = parse("* STATUS INBOX (MESSAGES 3 UIDNEXT x)\r\n", parse_mode::lenient);
  ASSERT_TRUE(r.ok());
  EXPECT_TRUE(r.quirks().has(quirk::item_recovery));
  fails("* STATUS INBOX (MESSAGES 3 UIDNEXT x)\r\n", 35, parse_mode::strict);
  // Where the end of the value is not certain, the message still fails.
  fails("* STATUS INBOX (UIDNEXT \"x)\r\n", 24, parse_mode::lenient);
}

TEST_F(MailboxData, StatusAttributeReadOnlyInPartIsKeptInLenientMode) {
  // "MESSAGES 3x": no reading of the attribute ends where an attribute ends.
  const auto s = data<status_data>(lenient_only("* STATUS INBOX (MESSAGES 3x UNSEEN 1)\r\n"));
  ASSERT_EQ(s.attributes.size(), 2u);
  EXPECT_EQ(s.attributes[0].invalid_bytes, "MESSAGES 3x");
  EXPECT_EQ(s.attributes[1].att, status_att::unseen);
  fails("* STATUS INBOX (MESSAGES 3x UNSEEN 1)\r\n", 16, parse_mode::strict);
}

TEST_F(MailboxData, EsearchReturnDataNothingReadsIsKeptInLenientMode) {
  // quirk::item_recovery: a return data with no value before CRLF, the others typed.
  auto e = data<esearch_data>(lenient_only("* ESEARCH (TAG \"a\") UID MAX 2 COUNT\r\n"));
  ASSERT_EQ(e.items.size(), 2u);
  EXPECT_EQ(e.items[0].kind, search_return_data_kind::max);
  EXPECT_EQ(e.items[0].number, 2u);
  EXPECT_TRUE(e.items[1].is_invalid());
  EXPECT_EQ(e.items[1].name, "COUNT");
  EXPECT_EQ(e.items[1].invalid_bytes, "COUNT");
  EXPECT_EQ(e.items[1].error.offset, 5u);
  fails("* ESEARCH (TAG \"a\") UID MAX 2 COUNT\r\n", 35, parse_mode::strict);
  // In the middle of the line, a value the generic grammar cannot read (a CTL).
  e = data<esearch_data>(lenient_only("* ESEARCH UID MIN 1\x01 COUNT 3\r\n"));
  ASSERT_EQ(e.items.size(), 2u);
  EXPECT_EQ(e.items[0].invalid_bytes, "MIN 1\x01");
  EXPECT_EQ(e.items[1].kind, search_return_data_kind::count);
  // Where the end of the value is not certain, the message still fails.
  fails("* ESEARCH UID COUNT \"x MIN 3\r\n", 28, parse_mode::lenient);
  fails("* ESEARCH UID COUNT (1 MIN 3\r\n", 28, parse_mode::lenient);
  // The serializer writes it back as sent.
  const auto r = parse("* ESEARCH UID MIN 1\x01 COUNT 3\r\n", parse_mode::lenient);
  ASSERT_TRUE(r.ok());
  buffer_sink out;
  EXPECT_TRUE(serialize(r.value(), out));
  EXPECT_EQ(out.bytes(), "* ESEARCH UID MIN 1\x01 COUNT 3\r\n");
}

TEST_F(MailboxData, ListAttributeNothingReadsIsKeptInLenientMode) {
  // quirk::item_recovery: the attribute's bytes, error and place among the flags.
  auto l = data<mailbox_list>(
      lenient_only("* LIST (\\HasNoChildren \\Mar\"ked\" \\ \\Sent) \"/\" INBOX\r\n"));
  ASSERT_EQ(l.flags.size(), 2u);
  EXPECT_EQ(l.flags[0].name, "\\HasNoChildren");
  EXPECT_EQ(l.flags[1].name, "\\Sent");
  ASSERT_EQ(l.invalid_attributes.size(), 2u);
  EXPECT_EQ(l.invalid_attributes[0].position, 1u);
  EXPECT_EQ(l.invalid_attributes[0].bytes, "\\Mar\"ked\"");
  EXPECT_EQ(l.invalid_attributes[0].error.offset, 4u);
  EXPECT_EQ(l.invalid_attributes[1].position, 1u);
  EXPECT_EQ(l.invalid_attributes[1].bytes, "\\");
  EXPECT_TRUE(l.mailbox.is_inbox());
  fails("* LIST (\\HasNoChildren \\Mar\"ked\") \"/\" INBOX\r\n", 27, parse_mode::strict);
  const std::string_view line = "* LIST (\\HasNoChildren \\Mar\"ked\" \\ \\Sent) \"/\" INBOX\r\n";
  const auto r = parse(line, parse_mode::lenient);
  ASSERT_TRUE(r.ok());
  EXPECT_TRUE(r.quirks().has(quirk::item_recovery));
  buffer_sink out;
  EXPECT_TRUE(serialize(r.value(), out));
  EXPECT_EQ(out.bytes(), line);
  // An invalid attribute whose bytes would leave its slot is refused by the serializer.
  mailbox_list bad = l;
  bad.invalid_attributes = {};
  bad.invalid_attributes.push_back(mem, invalid_list_attribute{0, ") NIL x\r\n* BYE", {}});
  buffer_sink refused;
  EXPECT_FALSE(serialize(response{untagged{bad}}, refused));
}

}  // namespace
