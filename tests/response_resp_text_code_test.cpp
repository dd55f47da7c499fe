// resp-text-code (RFC 9051 §7.1, RFC 3501 §7.1, RFC 5530, RFC 4315, RFC 7162, RFC 8474,
// RFC 5464, RFC 4978): every code, from the RFCs' server examples and the Dovecot captures.
#include "response_test_helpers.hpp"

namespace {

using namespace imapkit;
using RespTextCode = imapkit::test::ResponseTest;

TEST_F(RespTextCode, Alert) {
  // RFC 9051 §7.1
  const resp_text_code c = code("* OK [ALERT] System shutdown in 10 minutes\r\n");
  EXPECT_EQ(c.kind, resp_code_kind::alert);
  EXPECT_EQ(c.name, "ALERT");
  const auto r = ok("* OK [ALERT] System shutdown in 10 minutes\r\n");
  const auto cond = data<resp_cond>(r);
  EXPECT_EQ(cond.status, status_kind::ok);
  EXPECT_EQ(cond.text.text, "System shutdown in 10 minutes");
}

TEST_F(RespTextCode, BadcharsetWithAndWithoutList) {
  // RFC 9051 §6.4.4
  resp_text_code c = code("A283 NO [BADCHARSET (UTF-8)] KOI8-R is not supported\r\n");
  EXPECT_EQ(c.kind, resp_code_kind::badcharset);
  EXPECT_EQ(joined(code_arg<resp_code_charsets>(c).charsets), "UTF-8");
  c = code("a1 NO [BADCHARSET (US-ASCII \"UTF-8\" koi8-r)] no\r\n");
  ASSERT_EQ(code_arg<resp_code_charsets>(c).charsets.size(), 3u);
  EXPECT_EQ(code_arg<resp_code_charsets>(c).charsets[1].kind, string_kind::quoted);
  EXPECT_EQ(code_arg<resp_code_charsets>(c).charsets[2].value, "koi8-r");
  // Dovecot (imaplib-search-sort-thread.s2c): no list.
  c = code("LONO53 NO [BADCHARSET] Unknown charset (0.001 + 0.000 secs).\r\n");
  EXPECT_EQ(c.kind, resp_code_kind::badcharset);
  EXPECT_TRUE(code_arg<resp_code_charsets>(c).charsets.empty());
}

TEST_F(RespTextCode, Capability) {
  // RFC 9051 §7.1 / Dovecot's greeting
  resp_text_code c = code(
      "* OK [CAPABILITY STARTTLS AUTH=SCRAM-SHA-256 LOGINDISABLED IMAP4rev2] IMAP4rev2 Service "
      "Ready\r\n");
  EXPECT_EQ(c.kind, resp_code_kind::capability);
  EXPECT_EQ(joined(code_arg<resp_code_capabilities>(c).capabilities),
            "STARTTLS AUTH=SCRAM-SHA-256 LOGINDISABLED IMAP4rev2");
  c = code(
      "* OK [CAPABILITY IMAP4rev1 SASL-IR LOGIN-REFERRALS ID ENABLE IDLE LITERAL+ AUTH=PLAIN "
      "AUTH=LOGIN AUTH=CRAM-MD5] Dovecot corpus lab ready.\r\n");
  ASSERT_EQ(code_arg<resp_code_capabilities>(c).capabilities.size(), 10u);
  EXPECT_EQ(code_arg<resp_code_capabilities>(c).capabilities[6], "LITERAL+");
}

TEST_F(RespTextCode, ParseAfterPartialOutput) {
  // Dovecot (imaplib-fetch-deep.s2c): NO [PARSE] after some FETCH responses.
  const resp_text_code c =
      code("OKKN48 NO [PARSE] Invalid data in MIME part (0.002 + 0.000 secs).\r\n");
  EXPECT_EQ(c.kind, resp_code_kind::parse);
  const tagged t =
      as_tagged(ok("OKKN48 NO [PARSE] Invalid data in MIME part (0.002 + 0.000 secs).\r\n"));
  EXPECT_EQ(t.tag, "OKKN48");
  EXPECT_EQ(t.state.status, status_kind::no);
  EXPECT_EQ(t.state.text.text, "Invalid data in MIME part (0.002 + 0.000 secs).");
}

TEST_F(RespTextCode, Permanentflags) {
  // RFC 9051 §6.3.2
  resp_text_code c = code("* OK [PERMANENTFLAGS (\\Deleted \\Seen \\*)] Limited\r\n");
  EXPECT_EQ(c.kind, resp_code_kind::permanentflags);
  EXPECT_EQ(joined(code_arg<resp_code_flags>(c).flags), "\\Deleted \\Seen \\*");
  c = code("* OK [PERMANENTFLAGS ()] No permanent flags permitted\r\n");
  EXPECT_TRUE(code_arg<resp_code_flags>(c).flags.empty());
  // The list is not optional: without it, the generic code (KnownCodeWithoutItsArguments).
  EXPECT_EQ(code("* OK [PERMANENTFLAGS] x\r\n").kind, resp_code_kind::other);
}

TEST_F(RespTextCode, ReadOnlyReadWriteTrycreate) {
  EXPECT_EQ(code("A932 OK [READ-ONLY] EXAMINE completed\r\n").kind, resp_code_kind::read_only);
  EXPECT_EQ(code("A142 OK [READ-WRITE] SELECT completed\r\n").kind, resp_code_kind::read_write);
  EXPECT_EQ(code("A003 NO [TRYCREATE] No such mailbox\r\n").kind, resp_code_kind::trycreate);
}

TEST_F(RespTextCode, UidnextUidvalidityUnseen) {
  resp_text_code c = code("* OK [UIDNEXT 4392] Predicted next UID\r\n");
  EXPECT_EQ(c.kind, resp_code_kind::uidnext);
  EXPECT_EQ(code_arg<resp_code_number>(c).number, 4392u);
  c = code("* OK [UIDVALIDITY 3857529045] UIDs valid\r\n");
  EXPECT_EQ(c.kind, resp_code_kind::uidvalidity);
  EXPECT_EQ(code_arg<resp_code_number>(c).number, 3857529045u);
  c = code("* OK [UNSEEN 12] Message 12 is first unseen\r\n");  // RFC 3501 §6.3.1
  EXPECT_EQ(c.kind, resp_code_kind::unseen);
  EXPECT_EQ(code_arg<resp_code_number>(c).number, 12u);
  // nz-number: anything else is the generic code's text (KnownCodeWithoutItsArguments).
  EXPECT_EQ(code_arg<resp_code_text>(code("* OK [UIDNEXT 0] x\r\n")).text, "0");
  EXPECT_EQ(code_arg<resp_code_text>(code("* OK [UIDNEXT abc] x\r\n")).text, "abc");
}

TEST_F(RespTextCode, KnownCodeWithoutItsArguments) {
  // A known code whose arguments are missing or malformed is what RFC 9051 §9's catch-all
  // `atom [SP 1*<any TEXT-CHAR except "]">]` reads: the generic code, kind other, in both modes,
  // so that a client keeps the response. Outlook.com sends "[COPYUID 701  ]".
  resp_text_code c = code("* OK [COPYUID 701  ] Done\r\n");
  EXPECT_EQ(c.kind, resp_code_kind::other);
  EXPECT_EQ(c.name, "COPYUID");
  EXPECT_EQ(code_arg<resp_code_text>(c).text, "701  ");
  c = code("* OK [UIDNEXT] x\r\n");
  EXPECT_EQ(c.kind, resp_code_kind::other);
  EXPECT_EQ(c.name, "UIDNEXT");
  EXPECT_TRUE(std::holds_alternative<std::monostate>(c.arg));
  c = code("A1 OK [COPYUID] done\r\n");
  EXPECT_EQ(c.kind, resp_code_kind::other);
  EXPECT_EQ(c.name, "COPYUID");
  // Arguments that read as the code's own, with more after them: the generic code too.
  c = code("* OK [UIDNEXT 5 6] x\r\n");
  EXPECT_EQ(c.kind, resp_code_kind::other);
  EXPECT_EQ(code_arg<resp_code_text>(c).text, "5 6");
  c = code("* NO [BADCHARSET (UTF-8] x\r\n");
  EXPECT_EQ(c.kind, resp_code_kind::other);
  EXPECT_EQ(code_arg<resp_code_text>(c).text, "(UTF-8");
  c = code("* OK [METADATA LONGENTRIES x] y\r\n");
  EXPECT_EQ(c.kind, resp_code_kind::other);
  EXPECT_EQ(c.name, "METADATA");
  EXPECT_EQ(code_arg<resp_code_text>(c).text, "LONGENTRIES x");
  // A limit stays an error: a list of flags past max_list_items is not text.
  parse_options few;
  few.max_list_items = 2;
  const auto r = parse_response("* OK [PERMANENTFLAGS (\\a \\b \\c)] x\r\n", mem, few);
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.error().kind, parse_errc::list_limit);
}

TEST_F(RespTextCode, AppenduidCopyuid) {
  // RFC 4315 §3 / RFC 9051 §6.3.12
  resp_text_code c = code("A003 OK [APPENDUID 38505 3955] APPEND completed\r\n");
  EXPECT_EQ(c.kind, resp_code_kind::appenduid);
  EXPECT_EQ(code_arg<resp_code_appenduid>(c).uidvalidity, 38505u);
  EXPECT_EQ(set_string(code_arg<resp_code_appenduid>(c).uids), "3955");
  c = code("A004 OK [COPYUID 38505 304,319:320 3956:3958] Done\r\n");
  EXPECT_EQ(c.kind, resp_code_kind::copyuid);
  EXPECT_EQ(code_arg<resp_code_copyuid>(c).uidvalidity, 38505u);
  EXPECT_EQ(set_string(code_arg<resp_code_copyuid>(c).source_uids), "304,319:320");
  EXPECT_EQ(set_string(code_arg<resp_code_copyuid>(c).uids), "3956:3958");
  // MULTIAPPEND (RFC 4315: append-uid may be a uid-set), Dovecot imaplib-broad.s2c
  c = code(
      "DOAO81 OK [APPENDUID 1795379003 8:9] Append completed (0.020 + 0.001 + 0.019 secs).\r\n");
  EXPECT_EQ(code_arg<resp_code_appenduid>(c).uidvalidity, 1795379003u);
  EXPECT_EQ(set_string(code_arg<resp_code_appenduid>(c).uids), "8:9");
  // Dovecot's untagged COPYUID before a MOVE's tagged OK
  c = code("* OK [COPYUID 1795378986 150 1] Moved UIDs.\r\n");
  EXPECT_EQ(set_string(code_arg<resp_code_copyuid>(c).source_uids), "150");
  EXPECT_EQ(set_string(code_arg<resp_code_copyuid>(c).uids), "1");
  EXPECT_EQ(code("A003 OK [UIDNOTSTICKY] Non-persistent UIDs\r\n").kind,
            resp_code_kind::uidnotsticky);
}

TEST_F(RespTextCode, CatenateUrlauthFiltersComparator) {
  // RFC 4469 §5: TOOBIG, BADURL SP url-resp-text
  EXPECT_EQ(code("A003 NO [TOOBIG] Message too big\r\n").kind, resp_code_kind::toobig);
  resp_text_code c =
      code("A003 NO [BADURL /INBOX;UIDVALIDITY=785799047/;UID=113330/;section=1.5.9] Bad\r\n");
  EXPECT_EQ(c.kind, resp_code_kind::badurl);
  EXPECT_EQ(code_arg<resp_code_text>(c).text,
            "/INBOX;UIDVALIDITY=785799047/;UID=113330/;section=1.5.9");
  EXPECT_EQ(code("a NO [BADURL] x\r\n").kind, resp_code_kind::other);  // no URL: generic
  // RFC 4467 §9: URLMECH SP "INTERNAL" *(SP mechanism ["=" base64])
  c = code("a33 OK [URLMECH INTERNAL XSAMPLE=P34OKhO7VEkCbsiYY8rGEg==] done\r\n");
  EXPECT_EQ(c.kind, resp_code_kind::urlmech);
  const auto mechs = code_arg<resp_code_urlmech>(c).mechanisms;
  ASSERT_EQ(mechs.size(), 1u);
  EXPECT_EQ(mechs[0].name, "XSAMPLE");
  EXPECT_TRUE(mechs[0].has_access);
  EXPECT_EQ(mechs[0].access, "P34OKhO7VEkCbsiYY8rGEg==");
  EXPECT_TRUE(
      code_arg<resp_code_urlmech>(code("a32 OK [URLMECH INTERNAL] mechs\r\n")).mechanisms.empty());
  EXPECT_EQ(code("a OK [URLMECH INTERNAL X=abc] x\r\n").kind, resp_code_kind::other);  // base64
  EXPECT_EQ(code("a OK [URLMECH XSAMPLE] x\r\n").kind, resp_code_kind::other);  // INTERNAL first
  // RFC 5255 §4.10, RFC 5466 §4
  EXPECT_EQ(code("a NO [BADCOMPARATOR] none of them\r\n").kind, resp_code_kind::badcomparator);
  c = code("a NO [UNDEFINED-FILTER on-the-road] no such filter\r\n");
  EXPECT_EQ(c.kind, resp_code_kind::undefined_filter);
  EXPECT_EQ(code_arg<resp_code_text>(c).text, "on-the-road");
  EXPECT_EQ(code("a NO [UNDEFINED-FILTER a/b] x\r\n").kind, resp_code_kind::other);  // no "/"
}

TEST_F(RespTextCode, InprogressUidrequiredMessagelimit) {
  // RFC 9585 §4
  resp_text_code c = code("* OK [INPROGRESS] Hang in there...\r\n");
  EXPECT_EQ(c.kind, resp_code_kind::inprogress);
  EXPECT_FALSE(code_arg<resp_code_inprogress>(c).has_state);
  c = code("* OK [INPROGRESS (\"tag\" NIL NIL)] Hang in there...\r\n");
  auto p = code_arg<resp_code_inprogress>(c);
  EXPECT_TRUE(p.has_state);
  EXPECT_EQ(p.tag.value, "tag");
  EXPECT_FALSE(p.count);
  EXPECT_FALSE(p.total);
  p = code_arg<resp_code_inprogress>(
      code("* OK [INPROGRESS (\"A001\" 454 1000)] Processed 45% of the items\r\n"));
  EXPECT_EQ(p.tag.value, "A001");
  EXPECT_EQ(p.count, 454u);
  EXPECT_EQ(p.total, 1000u);
  p = code_arg<resp_code_inprogress>(code("* OK [INPROGRESS (NIL 175 NIL)] x\r\n"));
  EXPECT_TRUE(p.tag.is_nil());
  EXPECT_EQ(p.count, 175u);
  // The ABNF's own refusals keep the generic code: a total without a count, a zero total, an
  // atom as the tag.
  EXPECT_EQ(code("* OK [INPROGRESS (\"t\" NIL 5)] x\r\n").kind, resp_code_kind::other);
  EXPECT_EQ(code("* OK [INPROGRESS (\"t\" 1 0)] x\r\n").kind, resp_code_kind::other);
  EXPECT_EQ(code("* OK [INPROGRESS (t 1 2)] x\r\n").kind, resp_code_kind::other);
  // RFC 9586 §3
  EXPECT_EQ(code("07 BAD [UIDREQUIRED] Message numbers are not allowed\r\n").kind,
            resp_code_kind::uidrequired);
  // RFC 9738 §3.1
  c = code("03 OK [MESSAGELIMIT 1000 23221] FETCH completed with 1000 partial results\r\n");
  EXPECT_EQ(c.kind, resp_code_kind::messagelimit);
  EXPECT_EQ(code_arg<resp_code_messagelimit>(c).limit, 1000u);
  EXPECT_EQ(code_arg<resp_code_messagelimit>(c).uid, 23221u);
  EXPECT_FALSE(code_arg<resp_code_messagelimit>(code("a NO [MESSAGELIMIT 10] x\r\n")).uid);
  EXPECT_EQ(code("a NO [MESSAGELIMIT 0] x\r\n").kind, resp_code_kind::other);
}

TEST_F(RespTextCode, AnnotateExperiment1) {
  // RFC 5257 §4.2 and §5
  resp_text_code c = code("* OK [ANNOTATIONS 20480 NOPRIVATE] x\r\n");
  EXPECT_EQ(c.kind, resp_code_kind::annotations);
  EXPECT_EQ(code_arg<resp_code_annotations>(c).max_size, 20480u);
  EXPECT_TRUE(code_arg<resp_code_annotations>(c).noprivate);
  EXPECT_TRUE(code_arg<resp_code_annotations>(code("* OK [ANNOTATIONS NONE] x\r\n")).none);
  c = code("* OK [ANNOTATIONS READ-ONLY] x\r\n");
  EXPECT_TRUE(code_arg<resp_code_annotations>(c).read_only);
  EXPECT_FALSE(code_arg<resp_code_annotations>(c).noprivate);
  EXPECT_EQ(code("a NO [ANNOTATE TOOBIG] too big\r\n").kind, resp_code_kind::annotate_toobig);
  c = code("a NO [ANNOTATE TOOMANY] too many\r\n");
  EXPECT_EQ(c.kind, resp_code_kind::annotate_toomany);
  EXPECT_EQ(c.name, "ANNOTATE");
  // Not ann-size / not a sub-keyword: the generic code.
  EXPECT_EQ(code("* OK [ANNOTATIONS NONE NOPRIVATE] x\r\n").kind, resp_code_kind::other);
  EXPECT_EQ(code("* OK [ANNOTATIONS 0] x\r\n").kind, resp_code_kind::other);
  EXPECT_EQ(code("a NO [ANNOTATE TOOLONG] x\r\n").kind, resp_code_kind::other);
}

TEST_F(RespTextCode, Rfc5530Codes) {
  // RFC 5530 §3 examples
  const std::pair<const char*, resp_code_kind> cases[] = {
      {"a NO [UNAVAILABLE] User's backend down for maintenance\r\n", resp_code_kind::unavailable},
      {"b NO [AUTHENTICATIONFAILED] Authentication failed\r\n",
       resp_code_kind::authenticationfailed},
      {"c NO [AUTHORIZATIONFAILED] No such authorization-ID\r\n",
       resp_code_kind::authorizationfailed},
      {"d NO [EXPIRED] That password isn't valid any more\r\n", resp_code_kind::expired},
      {"e NO [PRIVACYREQUIRED] Connection offers no privacy\r\n", resp_code_kind::privacyrequired},
      {"f NO [CONTACTADMIN] You need to call the admin\r\n", resp_code_kind::contactadmin},
      {"g NO [NOPERM] Access denied\r\n", resp_code_kind::noperm},
      {"h NO [INUSE] Mailbox in use\r\n", resp_code_kind::inuse},
      {"i OK [EXPUNGEISSUED] Search completed\r\n", resp_code_kind::expungeissued},
      {"j NO [CORRUPTION] Cannot open mailbox\r\n", resp_code_kind::corruption},
      {"k NO [SERVERBUG] This should not happen\r\n", resp_code_kind::serverbug},
      {"l OK [CLIENTBUG] Done\r\n", resp_code_kind::clientbug},
      {"m NO [CANNOT] Cannot create mailbox with that name\r\n", resp_code_kind::cannot},
      {"n NO [LIMIT] At most 32 flags in one mailbox\r\n", resp_code_kind::limit},
      {"o NO [OVERQUOTA] Sorry\r\n", resp_code_kind::overquota},
      {"p NO [ALREADYEXISTS] Mailbox \"that\" already exists\r\n", resp_code_kind::alreadyexists},
      {"q NO [NONEXISTENT] No such mailbox\r\n", resp_code_kind::nonexistent},
      {"r NO [NOTSAVED] Search result not saved\r\n", resp_code_kind::notsaved},
      {"s NO [HASCHILDREN] Mailbox has children\r\n", resp_code_kind::haschildren},
      {"t OK [CLOSED] Previous mailbox closed\r\n", resp_code_kind::closed},
      {"u NO [UNKNOWN-CTE] Can't decode\r\n", resp_code_kind::unknown_cte},
      {"v NO [COMPRESSIONACTIVE] COMPRESSION=DEFLATE already enabled\r\n",
       resp_code_kind::compressionactive},
      {"w NO [USEATTR] \\All not supported\r\n", resp_code_kind::useattr},
  };
  for (const auto& [input, kind] : cases) {
    const resp_text_code c = code(input);
    EXPECT_EQ(c.kind, kind) << input;
    EXPECT_EQ(c.name, to_string(kind)) << input;
    EXPECT_TRUE(has_no_arg(c)) << input;
  }
}

TEST_F(RespTextCode, CondstoreQresync) {
  // RFC 7162 §3.1.2.1, §3.1.3, §3.2.5
  resp_text_code c = code("* OK [HIGHESTMODSEQ 715194045007] Highest\r\n");
  EXPECT_EQ(c.kind, resp_code_kind::highestmodseq);
  EXPECT_EQ(code_arg<resp_code_number>(c).number, 715194045007u);
  c = code("* OK [NOMODSEQ] Sorry, this mailbox format doesn't support modsequences\r\n");
  EXPECT_EQ(c.kind, resp_code_kind::nomodseq);
  c = code("d105 OK [MODIFIED 7,9] Conditional STORE failed\r\n");
  EXPECT_EQ(c.kind, resp_code_kind::modified);
  EXPECT_EQ(set_string(code_arg<resp_code_set>(c).set), "7,9");
  c = code("* OK [HIGHESTMODSEQ 9223372036854775807] max\r\n");  // 63 bits
  EXPECT_EQ(code_arg<resp_code_number>(c).number, 9223372036854775807u);
}

TEST_F(RespTextCode, QuirkModSequenceValueZero) {
  // Purelymail answers SELECT of an empty mailbox with HIGHESTMODSEQ 0 (Purelymail issue #446);
  // RFC 7162's mod-sequence-value is 1 or more. Strict mode refuses it at the "0".
  // Strict mode reads it as the generic code (KnownCodeWithoutItsArguments), lenient mode as
  // HIGHESTMODSEQ.
  const auto code_in = [&](parse_mode mode) {
    const auto r = parse("* OK [HIGHESTMODSEQ 0] Highest\r\n", mode);
    EXPECT_TRUE(r.ok());
    return r ? *std::get<resp_cond>(std::get<untagged>(r->value).data).text.code : resp_text_code{};
  };
  const resp_text_code strict = code_in(parse_mode::strict);
  EXPECT_EQ(strict.kind, resp_code_kind::other);
  EXPECT_EQ(code_arg<resp_code_text>(strict).text, "0");
  const resp_text_code c = code_in(parse_mode::lenient);
  EXPECT_EQ(c.kind, resp_code_kind::highestmodseq);
  EXPECT_EQ(code_arg<resp_code_number>(c).number, 0u);
  // The same in STATUS and in ESEARCH's MODSEQ: the extension item of that name in strict mode
  // (MailboxData.KnownItemsWithValuesNotTheirOwn), the known one in lenient mode.
  const auto status = parse("* STATUS INBOX (HIGHESTMODSEQ 0)\r\n", parse_mode::lenient);
  ASSERT_TRUE(status.ok());
  EXPECT_EQ(data<status_data>(*status).attributes[0].att, status_att::highestmodseq);
  EXPECT_EQ(data<status_data>(*status).attributes[0].number, 0u);
  const auto esearch = parse("* ESEARCH MODSEQ 0\r\n", parse_mode::lenient);
  ASSERT_TRUE(esearch.ok());
  EXPECT_EQ(data<esearch_data>(*esearch).items[0].kind, search_return_data_kind::modseq);
  EXPECT_EQ(data<esearch_data>(parse("* ESEARCH MODSEQ 0\r\n").value()).items[0].kind,
            search_return_data_kind::other);
}

TEST_F(RespTextCode, Mailboxid) {
  // RFC 8474 §4.1
  const resp_text_code c =
      code("3 OK [MAILBOXID (F2212ea87-6097-4256-9d51-71338625)] Completed\r\n");
  EXPECT_EQ(c.kind, resp_code_kind::mailboxid);
  EXPECT_EQ(code_arg<resp_code_objectid>(c).objectid, "F2212ea87-6097-4256-9d51-71338625");
}

TEST_F(RespTextCode, Metadata) {
  // RFC 5464 §4.2.1 and §4.3; Dovecot imaplib-broad.s2c
  resp_text_code c = code("a OK [METADATA LONGENTRIES 2199] GETMETADATA complete\r\n");
  EXPECT_EQ(c.kind, resp_code_kind::metadata_longentries);
  EXPECT_EQ(code_arg<resp_code_number>(c).number, 2199u);
  c = code("DOAO24 OK [METADATA LONGENTRIES 43] Getmetadata completed (0.001 + 0.000 secs).\r\n");
  EXPECT_EQ(c.kind, resp_code_kind::metadata_longentries);
  EXPECT_EQ(c.name, "METADATA");
  EXPECT_EQ(code_arg<resp_code_number>(c).number, 43u);
  c = code("a NO [METADATA MAXSIZE 1024] Annotation too large\r\n");
  EXPECT_EQ(c.kind, resp_code_kind::metadata_maxsize);
  EXPECT_EQ(code_arg<resp_code_number>(c).number, 1024u);
  EXPECT_EQ(code("a NO [METADATA TOOMANY] Too many annotations\r\n").kind,
            resp_code_kind::metadata_toomany);
  EXPECT_EQ(code("a NO [METADATA NOPRIVATE] Private annotations not supported\r\n").kind,
            resp_code_kind::metadata_noprivate);
}

TEST_F(RespTextCode, UnknownCodeIsGeneric) {
  // atom [SP 1*<any TEXT-CHAR except "]">] (RFC 9051)
  resp_text_code c = code("* OK [X-FOO some text here] hello\r\n");
  EXPECT_EQ(c.kind, resp_code_kind::other);
  EXPECT_EQ(c.name, "X-FOO");
  EXPECT_EQ(code_arg<resp_code_text>(c).text, "some text here");
  c = code("* NO [REFERRAL imap://user;AUTH=*@SERVER2/] Remote mailbox\r\n");  // RFC 2221
  EXPECT_EQ(c.name, "REFERRAL");
  EXPECT_EQ(code_arg<resp_code_text>(c).text, "imap://user;AUTH=*@SERVER2/");
  c = code("* OK [XYZZY] plugh\r\n");
  EXPECT_EQ(c.kind, resp_code_kind::other);
  EXPECT_TRUE(has_no_arg(c));
}

TEST_F(RespTextCode, CodeKeywordsAreCaseInsensitive) {
  const resp_text_code c = code("* ok [uidnext 7] lower\r\n");
  EXPECT_EQ(c.kind, resp_code_kind::uidnext);
  EXPECT_EQ(c.name, "uidnext");
  EXPECT_EQ(code_arg<resp_code_number>(c).number, 7u);
}

TEST_F(RespTextCode, BracketThatIsNoCodeIsText) {
  // "[" that does not start a resp-text-code ... "]" SP is part of the text.
  const auto cond = data<resp_cond>("* OK [unterminated\r\n");
  EXPECT_FALSE(cond.text.code.has_value());
  EXPECT_EQ(cond.text.text, "[unterminated");
}

TEST_F(RespTextCode, CodeWithoutSpNeedsLenientMode) {
  // RFC 9051: "[" resp-text-code "]" SP [text]: without the SP, "[READ-WRITE]" is not a code;
  // the ABNF still takes the line, as text. Lenient mode reads the code (docs/quirks.md).
  const auto strict = parse("* OK [READ-WRITE]\r\n", parse_mode::strict);
  ASSERT_TRUE(strict.ok());
  const auto as_text = data<resp_cond>(*strict);
  EXPECT_FALSE(as_text.text.code.has_value());
  EXPECT_EQ(as_text.text.text, "[READ-WRITE]");
  const auto lenient = parse("* OK [READ-WRITE]\r\n", parse_mode::lenient);
  ASSERT_TRUE(lenient.ok());
  const auto cond = data<resp_cond>(*lenient);
  ASSERT_TRUE(cond.text.code.has_value());
  EXPECT_EQ(cond.text.code->kind, resp_code_kind::read_write);
  EXPECT_EQ(cond.text.text, "");
  // With the SP and an empty text, both modes read the code.
  EXPECT_EQ(code("* OK [READ-WRITE] \r\n").kind, resp_code_kind::read_write);
}

TEST_F(RespTextCode, QuirkBareStarInPermanentflags) {
  // "*" where flag-perm has "\\*" (vmime's IMAPParserTest; ruby/net-imap #228). Lenient mode
  // keeps it as written; strict mode reads the code as the generic one (its list is not
  // PERMANENTFLAGS' own, KnownCodeWithoutItsArguments).
  const auto c = [&](parse_mode mode) {
    const auto r = parse("* OK [PERMANENTFLAGS (\\Seen *)] x\r\n", mode);
    EXPECT_TRUE(r.ok());
    return r ? *std::get<resp_cond>(std::get<untagged>(r->value).data).text.code : resp_text_code{};
  };
  EXPECT_EQ(c(parse_mode::strict).kind, resp_code_kind::other);
  const resp_text_code lenient = c(parse_mode::lenient);
  EXPECT_EQ(lenient.kind, resp_code_kind::permanentflags);
  EXPECT_EQ(joined(code_arg<resp_code_flags>(lenient).flags), "\\Seen *");
}

}  // namespace
