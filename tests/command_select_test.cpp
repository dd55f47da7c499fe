// Selected-state commands (RFC 9051 §6.4 and extensions): CHECK (RFC 3501), CLOSE, UNSELECT,
// EXPUNGE, UID EXPUNGE, COPY, MOVE (RFC 6851), and SEARCH / FETCH / STORE / SORT / THREAD (whose
// arguments have their own tests; here: that the command grammar reaches them, with UID forms).
#include <gtest/gtest.h>

#include <string>

#include "command_test_helpers.hpp"
#include "imapkit/parse.hpp"

namespace {

using namespace imapkit;

class CommandSelect : public test_support::CommandTest {};

TEST_F(CommandSelect, NoArguments) {
  ok<check_command>("FXXZ CHECK\r\n");
  ok<close_command>("A341 CLOSE\r\n");
  ok<unselect_command>("A342 UNSELECT\r\n");
  ok<expunge_command>("A202 EXPUNGE\r\n");
  fails("A202 EXPUNGE 1\r\n", 12);
  fails("a CLOSE ALL\r\n", 7);
}

TEST_F(CommandSelect, UidExpunge) {
  // RFC 9051 §6.4.9: C: A003 UID EXPUNGE 3000:3002
  auto u = ok<uid_expunge_command>("A003 UID EXPUNGE 3000:3002\r\n");
  ASSERT_EQ(u.uids.ranges.size(), 1u);
  EXPECT_EQ(u.uids.ranges[0], (seq_range{3000, 3002}));
  EXPECT_EQ(ok<uid_expunge_command>("DOAO95 UID EXPUNGE 27\r\n").uids.ranges[0].first, 27u);
  fails("a UID EXPUNGE\r\n", 13);
  fails("a UID EXPUNGE *\r\n", 14);  // uid-set has no "*"
  fails("a UID EXPUNGE 0\r\n", 14);
}

TEST_F(CommandSelect, CopyMove) {
  // RFC 9051 §6.4.7: C: A003 COPY 2:4 MEETING
  auto c = ok<copy_command>("A003 COPY 2:4 MEETING\r\n");
  EXPECT_FALSE(c.uid);
  ASSERT_EQ(c.set.ranges.size(), 1u);
  EXPECT_EQ(c.set.ranges[0], (seq_range{2, 4}));
  EXPECT_EQ(c.mailbox.name.value, "MEETING");
  // C: A005 UID COPY 305:310 meeting
  auto uc = ok<copy_command>("A005 UID COPY 305:310 meeting\r\n");
  EXPECT_TRUE(uc.uid);
  EXPECT_EQ(uc.set.ranges[0], (seq_range{305, 310}));
  auto perl = ok<copy_command>("50 UID COPY 125,126 Projects/Beta\r\n");
  EXPECT_EQ(perl.set.ranges.size(), 2u);
  // RFC 6851 §4.1: C: a UID MOVE 42:69 foo
  auto m = ok<move_command>("a UID MOVE 42:69 foo\r\n");
  EXPECT_TRUE(m.uid);
  EXPECT_EQ(m.set.ranges[0], (seq_range{42, 69}));
  EXPECT_EQ(m.mailbox.name.value, "foo");
  auto star = ok<move_command>("DOAO77 MOVE 1:* Archive\r\n");
  EXPECT_EQ(star.set.ranges[0].last, seq_range::star);
  EXPECT_TRUE(ok<copy_command>("a COPY $ Trash\r\n").set.last_command);
  fails("c6 COPY 1\r\n", 9);         // imaplib-errors-conn2
  fails("a COPY 0 x\r\n", 7);        // seq-number is nz-number
  fails("a COPY 1:x Trash\r\n", 8);  // bad sequence set
  fails("a COPY 1,,2 Trash\r\n", 8);
  fails("a COPY 1: Trash\r\n", 8);  // "1" is a sequence-set; the ":" cannot follow it
}

TEST_F(CommandSelect, Search) {
  // RFC 9051 §6.4.4: C: A282 SEARCH RETURN (MIN COUNT) FLAGGED
  auto s = ok<search_command>("A282 SEARCH RETURN (MIN COUNT) FLAGGED\r\n");
  EXPECT_FALSE(s.uid);
  EXPECT_TRUE(s.program.returns.present);
  EXPECT_EQ(s.program.returns.options.size(), 2u);
  ASSERT_EQ(s.program.keys.size(), 1u);
  EXPECT_EQ(s.program.keys[0].kind, search_key_kind::flagged);
  auto u = ok<search_command>("A285 UID SEARCH RETURN (MIN MAX) 1:5000\r\n");
  EXPECT_TRUE(u.uid);
  EXPECT_EQ(u.program.keys[0].kind, search_key_kind::sequence_set);
  // A literal inside the search program (RFC 9051 §6.4.4)
  auto lit = ok<search_command>(
      "A285 SEARCH CHARSET UTF-8 TEXT "
      "{12}\r\n\xd0\xbe\xd1\x82\xd0\xbf\xd1\x83\xd1\x81\xd0\xba\r\n");
  ASSERT_TRUE(lit.program.charset);
  EXPECT_EQ(lit.program.charset->value, "UTF-8");
  EXPECT_EQ(std::get<search_astring>(lit.program.keys[0].arg).value.kind, string_kind::literal);
  fails("a SEARCH\r\n", 8);
  fails("a SEARCH \r\n", 9);
}

TEST_F(CommandSelect, Fetch) {
  // RFC 9051 §6.4.5: C: A654 FETCH 2:4 (FLAGS BODY[HEADER.FIELDS (DATE FROM)])
  auto f = ok<fetch_command>("A654 FETCH 2:4 (FLAGS BODY[HEADER.FIELDS (DATE FROM)])\r\n");
  EXPECT_FALSE(f.uid);
  EXPECT_EQ(f.program.set.ranges[0], (seq_range{2, 4}));
  ASSERT_EQ(f.program.atts.size(), 2u);
  EXPECT_EQ(f.program.atts[0].kind, fetch_att_kind::flags);
  EXPECT_EQ(f.program.atts[1].kind, fetch_att_kind::body_section);
  EXPECT_EQ(f.program.atts[1].section.header_fields.size(), 2u);
  auto u = ok<fetch_command>("A004 UID FETCH 1 BODY[]\r\n");
  EXPECT_TRUE(u.uid);
  EXPECT_EQ(u.program.atts[0].kind, fetch_att_kind::body_section);
  auto macro = ok<fetch_command>("A003 FETCH 4 ALL\r\n");
  EXPECT_EQ(macro.program.macro, fetch_macro::all);
  // RFC 7162 §3.1.4.1: C: s100 UID FETCH 1:* (FLAGS) (CHANGEDSINCE 12345)
  auto cs = ok<fetch_command>("s100 UID FETCH 1:* (FLAGS) (CHANGEDSINCE 12345)\r\n");
  ASSERT_EQ(cs.program.modifiers.size(), 1u);
  EXPECT_EQ(cs.program.modifiers[0].mod_sequence, 12345u);
  fails("DOAO104 FETCH\r\n", 13);  // imaplib-broad: arguments missing
  fails("b1 FETCH 0 FLAGS\r\n", 9);
  fails("b4 FETCH 1 (FLAGS\r\n", 17);
}

TEST_F(CommandSelect, Store) {
  // RFC 9051 §6.4.6: C: A003 STORE 2:4 +FLAGS (\Deleted)
  auto s = ok<store_command>("A003 STORE 2:4 +FLAGS (\\Deleted)\r\n");
  EXPECT_FALSE(s.uid);
  EXPECT_EQ(s.program.operation, store_operation::add);
  ASSERT_EQ(s.program.flags.size(), 1u);
  EXPECT_EQ(s.program.flags[0].name, "\\Deleted");
  auto u = ok<store_command>("a0047 UID STORE 164 +FLAGS.SILENT (\\Flagged)\r\n");
  EXPECT_TRUE(u.uid);
  EXPECT_TRUE(u.program.silent);
  // RFC 7162 §3.1.3: C: a102 STORE 1:* (UNCHANGEDSINCE 12121230045) +FLAGS.SILENT (\Deleted)
  auto m = ok<store_command>(
      "a102 STORE 1:* (UNCHANGEDSINCE 12121230045) +FLAGS.SILENT (\\Deleted)\r\n");
  ASSERT_EQ(m.program.modifiers.size(), 1u);
  EXPECT_EQ(m.program.modifiers[0].mod_sequence, 12121230045u);
  fails("c1 STORE 1 FLAGZ (\\Seen)\r\n", 11);
}

TEST_F(CommandSelect, StoreGmailLabels) {
  // developers.google.com/gmail/imap/imap-extensions: a011 STORE 1 +X-GM-LABELS (foo)
  auto s = ok<store_command>("a011 STORE 1 +X-GM-LABELS (foo)\r\n");
  EXPECT_EQ(s.program.item, store_item::gmail_labels);
  EXPECT_EQ(s.program.operation, store_operation::add);
  EXPECT_TRUE(s.program.parenthesized);
  ASSERT_EQ(s.program.labels.size(), 1u);
  EXPECT_EQ(s.program.labels[0].value, "foo");
  EXPECT_TRUE(s.program.flags.empty());
  // The forms MailKit and imap_tools send: removal, replacement, .SILENT, system labels bare and
  // quoted, a label with a space, and bare labels without parentheses.
  auto r = ok<store_command>(
      "a UID STORE 1:3 -X-GM-LABELS.SILENT (\\Inbox \"\\\\Important\" \"Muy Importante\" "
      "[Imap]/Trash)\r\n");
  EXPECT_TRUE(r.uid);
  EXPECT_EQ(r.program.operation, store_operation::remove);
  EXPECT_TRUE(r.program.silent);
  ASSERT_EQ(r.program.labels.size(), 4u);
  EXPECT_EQ(r.program.labels[0].value, "\\Inbox");
  EXPECT_EQ(r.program.labels[1].value, "\\Important");
  EXPECT_EQ(r.program.labels[2].value, "Muy Importante");
  EXPECT_EQ(r.program.labels[3].value, "[Imap]/Trash");
  auto bare = ok<store_command>("b STORE 2 X-GM-LABELS work \"NIL\"\r\n");
  EXPECT_EQ(bare.program.operation, store_operation::replace);
  EXPECT_FALSE(bare.program.parenthesized);
  ASSERT_EQ(bare.program.labels.size(), 2u);
  EXPECT_EQ(bare.program.labels[1].value, "NIL");  // quoted: a label named NIL
  EXPECT_FALSE(bare.program.labels[1].is_nil());
  EXPECT_TRUE(ok<store_command>("c STORE 1 X-GM-LABELS ()\r\n").program.labels.empty());
  fails("d STORE 1 +X-GM-LABELS\r\n", 22);
  fails("d STORE 1 +X-GM-LABELS (a\r\n", 25);
}

TEST_F(CommandSelect, AnnotateExperiment1) {
  // RFC 5257 §4.3 FETCH (the RFC folds its lines)
  auto f = ok<fetch_command>("a FETCH 1 (ANNOTATION (/comment value))\r\n");
  ASSERT_EQ(f.program.atts.size(), 1u);
  const fetch_att& a = f.program.atts[0];
  EXPECT_EQ(a.kind, fetch_att_kind::annotation);
  ASSERT_NE(a.annotation, nullptr);
  ASSERT_EQ(a.annotation->entries.size(), 1u);
  EXPECT_EQ(a.annotation->entries[0].value, "/comment");
  EXPECT_FALSE(a.annotation->entries_parenthesized);
  EXPECT_EQ(a.annotation->attributes[0].value, "value");
  auto w = ok<fetch_command>("a UID FETCH 1123 (UID ANNOTATION (/* (value.priv size.priv)))\r\n");
  ASSERT_EQ(w.program.atts.size(), 2u);
  EXPECT_EQ(w.program.atts[1].annotation->entries[0].value, "/*");
  EXPECT_TRUE(w.program.atts[1].annotation->attributes_parenthesized);
  EXPECT_EQ(w.program.atts[1].annotation->attributes.size(), 2u);
  auto p = ok<fetch_command>("a FETCH 1 (ANNOTATION ((/comment /altsubject) value.priv))\r\n");
  EXPECT_TRUE(p.program.atts[0].annotation->entries_parenthesized);
  EXPECT_EQ(p.program.atts[0].annotation->entries.size(), 2u);
  EXPECT_EQ(ok<fetch_command>("a FETCH 1 (ANNOTATION (/% value.shared))\r\n")
                .program.atts[0]
                .annotation->entries[0]
                .value,
            "/%");
  fails("a FETCH 1 (ANNOTATION (/comment))\r\n", 31);  // entries SP attribs
  fails("a FETCH 1 ANNOTATION\r\n", 20);
  // §4.6 STORE
  auto s = ok<store_command>(
      "a STORE 1 ANNOTATION (/comment (value.priv \"Get tix Tuesday\") /altsubject "
      "(value.priv \"Wots On\"))\r\n");
  EXPECT_EQ(s.program.item, store_item::annotation);
  ASSERT_EQ(s.program.annotations.size(), 2u);
  EXPECT_EQ(s.program.annotations[1].entry.value, "/altsubject");
  EXPECT_EQ(s.program.annotations[1].values[0].attribute.value, "value.priv");
  EXPECT_EQ(s.program.annotations[1].values[0].value.value, "Wots On");
  auto n = ok<store_command>("a STORE 1 ANNOTATION (/comment (value.shared NIL))\r\n");
  EXPECT_TRUE(n.program.annotations[0].values[0].value.is_nil());
  auto two = ok<store_command>(
      "a STORE 1 ANNOTATION (/comment (value.priv \"My new comment\" value.shared \"foo's "
      "bar\"))\r\n");
  EXPECT_EQ(two.program.annotations[0].values.size(), 2u);
  fails("a STORE 1 +ANNOTATION (/comment (value.priv x))\r\n", 10);  // no "+" / "-"
  fails("a STORE 1 ANNOTATION.SILENT (/comment (value.priv x))\r\n", 20);
  fails("a STORE 1 ANNOTATION (/comment ())\r\n", 32);
  // §4.8 SEARCH
  auto k = ok<search_command>("a SEARCH ANNOTATION /comment value \"IMAP4\"\r\n");
  ASSERT_EQ(k.program.keys.size(), 1u);
  EXPECT_EQ(k.program.keys[0].kind, search_key_kind::annotation);
  const auto& sa = std::get<search_annotation>(k.program.keys[0].arg);
  EXPECT_EQ(sa.entry, "/comment");
  EXPECT_EQ(sa.attribute, annotation_attribute::value);
  EXPECT_EQ(sa.value.value, "IMAP4");
  auto star = ok<search_command>("a SEARCH ANNOTATION * VALUE.PRIV \"IMAP4\"\r\n");
  EXPECT_EQ(std::get<search_annotation>(star.program.keys[0].arg).attribute,
            annotation_attribute::value_priv);
  fails("a SEARCH ANNOTATION /comment size.priv \"x\"\r\n", 29);  // att-search: value*
  // §4.9 SORT
  auto o = ok<sort_command>("a SORT (ANNOTATION /altsubject value.shared) UTF-8 ALL\r\n");
  ASSERT_EQ(o.program.criteria.size(), 1u);
  EXPECT_EQ(o.program.criteria[0].key, sort_key_kind::annotation);
  EXPECT_EQ(o.program.criteria[0].entry.value, "/altsubject");
  EXPECT_EQ(o.program.criteria[0].attribute, annotation_attribute::value_shared);
  fails("a SORT (ANNOTATION /altsubject value) UTF-8 ALL\r\n", 31);  // att-sort: .priv/.shared
}

TEST_F(CommandSelect, SearchFilter) {
  // RFC 5466 §3.1: C: a SEARCH UID 300:900 FILTER on-the-road SINCE "3-Dec-2002"
  auto s = ok<search_command>("a SEARCH UID 300:900 FILTER on-the-road SINCE \"3-Dec-2002\"\r\n");
  ASSERT_EQ(s.program.keys.size(), 3u);
  EXPECT_EQ(s.program.keys[1].kind, search_key_kind::filter);
  EXPECT_EQ(std::get<search_atom>(s.program.keys[1].arg).value, "on-the-road");
  fails("a SEARCH FILTER a/b\r\n", 17);  // filter-name holds no "/"
  fails("a SEARCH FILTER\r\n", 15);
}

TEST_F(CommandSelect, SortThread) {
  // RFC 5256 §3: C: A282 SORT (SUBJECT) UTF-8 SINCE 1-Feb-1994
  auto s = ok<sort_command>("A282 SORT (SUBJECT) UTF-8 SINCE 1-Feb-1994\r\n");
  EXPECT_FALSE(s.uid);
  ASSERT_EQ(s.program.criteria.size(), 1u);
  EXPECT_EQ(s.program.criteria[0].key, sort_key_kind::subject);
  EXPECT_EQ(s.program.charset.value, "UTF-8");
  EXPECT_EQ(s.program.keys[0].kind, search_key_kind::since);
  auto us = ok<sort_command>("46 UID SORT (REVERSE ARRIVAL) UTF-8 ALL\r\n");
  EXPECT_TRUE(us.uid);
  EXPECT_TRUE(us.program.criteria[0].reverse);
  // C: A283 THREAD ORDEREDSUBJECT UTF-8 SINCE 5-MAR-2000
  auto t = ok<thread_command>("A283 THREAD ORDEREDSUBJECT UTF-8 SINCE 5-MAR-2000\r\n");
  EXPECT_EQ(t.program.algorithm, thread_algorithm::ordered_subject);
  EXPECT_EQ(std::get<search_date>(t.program.keys[0].arg).date.month, 3);
  auto ut = ok<thread_command>("47 UID THREAD REFERENCES UTF-8 ALL\r\n");
  EXPECT_TRUE(ut.uid);
  EXPECT_EQ(ut.program.algorithm, thread_algorithm::references);
  fails("a SORT\r\n", 6);
  fails("a THREAD REFERENCES\r\n", 19);
}

TEST_F(CommandSelect, Esearch) {
  // RFC 7377 §2.1: C: tag1 ESEARCH IN (mailboxes "folder1" subtree-one "folder2") unseen
  auto e = ok<esearch_command>(
      "tag1 ESEARCH IN (mailboxes \"folder1\" subtree-one \"folder2\") unseen\r\n");
  ASSERT_EQ(e.sources.size(), 2u);
  EXPECT_EQ(e.sources[0].kind, mailbox_filter::kind_t::mailboxes);
  ASSERT_EQ(e.sources[0].mailboxes.size(), 1u);
  EXPECT_EQ(e.sources[0].mailboxes[0].name.value, "folder1");
  EXPECT_EQ(e.sources[1].kind, mailbox_filter::kind_t::subtree_one);
  EXPECT_EQ(e.program.keys[0].kind, search_key_kind::unseen);
  // C: tag1 ESEARCH IN (mailboxes "folder1" subtree-one "folder2") RETURN (MIN) ...
  auto r = ok<esearch_command>(
      "tag1 ESEARCH IN (subtree (\"a\" \"b\") personal) RETURN (MIN COUNT) FROM alice\r\n");
  EXPECT_EQ(r.sources[0].mailboxes.size(), 2u);
  EXPECT_EQ(r.sources[1].kind, mailbox_filter::kind_t::personal);
  EXPECT_TRUE(r.program.returns.present);
  EXPECT_EQ(r.program.returns.options.size(), 2u);
  // imaplib-search-sort-thread: LONO99
  auto lono = ok<esearch_command>("LONO99 ESEARCH IN (mailboxes INBOX) RETURN (COUNT) ALL\r\n");
  EXPECT_TRUE(lono.sources[0].mailboxes[0].is_inbox());
  // RFC 7377 §2: C: tag1 UID ESEARCH FROM "frobozz" 1:100
  auto uid = ok<esearch_command>("tag1 UID ESEARCH FROM \"frobozz\" 1:100\r\n");
  EXPECT_TRUE(uid.uid);
  ASSERT_EQ(uid.program.keys.size(), 2u);
  EXPECT_EQ(uid.program.keys[1].kind, search_key_kind::sequence_set);
  // Without IN: the selected mailbox
  EXPECT_TRUE(ok<esearch_command>("a ESEARCH ALL\r\n").sources.empty());
  auto scoped = ok<esearch_command>("a ESEARCH IN (inboxes (X-SCOPE 1)) ALL\r\n");
  ASSERT_EQ(scoped.scope_options.size(), 1u);
  EXPECT_EQ(scoped.scope_options[0].name, "X-SCOPE");
  fails("a ESEARCH IN (selected-delayed) ALL\r\n", 14);  // RFC 7377 forbids it
  fails("a ESEARCH IN () ALL\r\n", 14);
  fails("a ESEARCH IN (subtree) ALL\r\n", 21);
}

}  // namespace
