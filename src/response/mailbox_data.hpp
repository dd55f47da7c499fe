// mailbox-data and the other untagged data of RFC 9051 §7 / §9 and RFC 3501, with the
// extensions' responses: CAPABILITY, ENABLED (RFC 5161), FLAGS, LIST / LSUB (RFC 5258
// LIST-EXTENDED), STATUS, SEARCH and SORT (RFC 5256, RFC 7162 MODSEQ), ESEARCH (RFC 4731,
// RFC 9394 PARTIAL, RFC 5267), THREAD (RFC 5256), NAMESPACE (RFC 2342), QUOTA / QUOTAROOT
// (RFC 9208), METADATA (RFC 5464), ID (RFC 2971), ACL / LISTRIGHTS / MYRIGHTS (RFC 4314),
// VANISHED (RFC 7162).
//
// Each rule starts after its keyword and the SP that follows it (the untagged rule in
// response.hpp matches the keyword and commits), except where the keyword is optional data.
#pragma once

#include <charconv>
#include <cstring>

#include "abnf/ascii.hpp"
#include "imapkit/ast/mailbox_data.hpp"
#include "imapkit/parse.hpp"
#include "lexical/generic.hpp"
#include "lexical/id.hpp"
#include "lexical/metadata.hpp"
#include "lexical/modifiers.hpp"
#include "lexical/recover.hpp"
#include "response/resp_text_code.hpp"
#include "x3/run.hpp"

namespace imapkit::grammar {

// SP, and in lenient mode further spaces (RFC 9051's own examples have "NIL  NIL" in §7.3.3 and
// "\".\"  \"INBOX\"" in §6.3.9), docs/quirks.md.
// more_lenient_spaces is the part after the first SP, for "> sp > more_lenient_spaces >" where an
// error must still name SP. (The next byte is looked at before the mode: the common single SP
// costs one comparison.)
inline const auto more_lenient_spaces = *(&sp >> if_quirk<quirk::doubled_spaces>[sp]);
inline const auto lenient_spaces = sp >> more_lenient_spaces;

// A one-character delimiter: DQUOTE QUOTED-CHAR DQUOTE / nil
// Lenient: "" for NIL, no hierarchy (docs/quirks.md).
IMAPKIT_RULE(delimiter, "delimiter", std::optional<char>);
inline const auto delimiter_rule_def =
    nil[([](auto& ctx) { x3::_val(ctx) = std::nullopt; })] | quoted[([](auto& ctx) {
      const std::string_view v = x3::_attr(ctx).value;
      x3::_pass(ctx) = v.size() == 1 || (v.empty() && state(ctx).take(quirk::empty_delimiter));
      if (v.size() == 1)
        x3::_val(ctx) = v.front();
      else
        x3::_val(ctx) = std::nullopt;
    })];
IMAPKIT_DEFINE(delimiter_rule)
inline const auto& delimiter = delimiter_rule;

// ---------------------------------------------------------------------------------------------
// LIST / LSUB

// Fills the typed part of the extended items this library knows from the generic value.
inline void type_list_extended_item(imapkit::list_extended_item& item, imapkit::arena& mem) {
  const auto is = [&](std::string_view word) { return abnf::iequals_upper(item.tag.value, word); };
  if (item.value.kind != imapkit::generic_value::kind_t::list) return;
  if (is("CHILDINFO")) {
    item.kind = list_extended_kind::childinfo;
    for (const imapkit::generic_value& v : item.value.items)
      if (v.kind == imapkit::generic_value::kind_t::string ||
          v.kind == imapkit::generic_value::kind_t::atom)
        item.childinfo.push_back(mem, v.text);
  } else if (is("OLDNAME") && item.value.items.size() == 1 &&
             item.value.items[0].kind != imapkit::generic_value::kind_t::list &&
             item.value.items[0].kind != imapkit::generic_value::kind_t::nil) {
    item.kind = list_extended_kind::oldname;
    item.old_name.name = item.value.items[0].text;
  }
}

// mbox-list-extended-item = mbox-list-extended-item-tag SP tagged-ext-val   (RFC 5258, RFC 9051)
// mbox-list-extended-item-tag = astring
IMAPKIT_RULE(mbox_list_extended_item, "mbox-list-extended-item", imapkit::list_extended_item);
inline const auto mbox_list_extended_item_rule_def =
    astring[set_member<&imapkit::list_extended_item::tag>] > sp > generic_value[([](auto& ctx) {
      x3::_val(ctx).value = x3::_attr(ctx);
      type_list_extended_item(x3::_val(ctx), state(ctx).mem);
    })];
IMAPKIT_DEFINE(mbox_list_extended_item_rule)
inline const auto& mbox_list_extended_item = mbox_list_extended_item_rule;

// One attribute of mbx-list-flags as recover_item reads it: a flag, or the attribute nothing
// reads (invalid.bytes not empty).
struct list_attribute_item {
  imapkit::flag flag;
  imapkit::fetch_invalid invalid;
};

template <>
struct recovered_item<list_attribute_item> {
  static constexpr std::string_view production = "flag";
  static constexpr recovered_form form = recovered_form::one_token;
  static void keep(list_attribute_item& attr, const imapkit::fetch_invalid& invalid) {
    attr.invalid = invalid;
  }
};

IMAPKIT_RULE(mbx_list_attribute, "flag", list_attribute_item);
inline const auto mbx_list_attribute_rule_def =
    flag[([](auto& ctx) { x3::_val(ctx).flag = x3::_attr(ctx); })];
IMAPKIT_DEFINE(mbx_list_attribute_rule)

// An attribute into its list: a flag, or (quirk::item_recovery) an invalid attribute that keeps
// its place among the flags.
inline constexpr auto push_list_attribute = [](auto& ctx) {
  imapkit::mailbox_list& l = x3::_val(ctx);
  const list_attribute_item& item = x3::_attr(ctx);
  if (item.invalid.bytes.empty())
    push_item(ctx, l.flags, item.flag);
  else
    push_item(
        ctx, l.invalid_attributes,
        imapkit::invalid_list_attribute{l.flags.size(), item.invalid.bytes, item.invalid.error});
};

// mailbox-list = "(" [mbx-list-flags] ")" SP (DQUOTE QUOTED-CHAR DQUOTE / nil) SP mailbox
//                [SP mbox-list-extended]
// mbx-list-flags: the flags as written (flag-extension = "\" atom; mbx-list-oflag / -sflag);
//   lenient: an attribute nothing reads is kept as an invalid one (quirk::item_recovery)
// mbox-list-extended = "(" [mbox-list-extended-item *(SP mbox-list-extended-item)] ")"
IMAPKIT_RULE(mailbox_list, "mailbox-list", imapkit::mailbox_list);
inline const auto mailbox_list_rule_def =
    x3::lit('(') >
    -(recover_item[mbx_list_attribute_rule][push_list_attribute] % sp) > lenient_space_before_paren
    > ')' > sp > delimiter[set_member<&imapkit::mailbox_list::delimiter>] > lenient_spaces
    > mailbox[set_member<&imapkit::mailbox_list::mailbox>] >
    -(sp >> '(' > -(mbox_list_extended_item[push_member<&imapkit::mailbox_list::extended>] % sp) >
      ')');
IMAPKIT_DEFINE(mailbox_list_rule)
inline const auto& mailbox_list = mailbox_list_rule;

// ---------------------------------------------------------------------------------------------
// STATUS

// An attribute's keyword (status_att_names), setting att and the name as it arrived.
template <status_att Att>
inline constexpr auto status_kw = x3::raw[whole_kw(to_string(Att))][([](auto& ctx) {
  x3::_val(ctx).att = Att;
  x3::_val(ctx).name = as_view(x3::_attr(ctx));
})];

// status-att-val = ("MESSAGES" SP number) / ("UIDNEXT" SP nz-number) /
//   ("UIDVALIDITY" SP nz-number) / ("UNSEEN" SP number) / ("DELETED" SP number) /
//   ("SIZE" SP number64)                                   (RFC 9051)
//   / ("RECENT" SP number)                                 (RFC 3501)
//   / ("HIGHESTMODSEQ" SP mod-sequence-value)             (RFC 7162)
//   / ("APPENDLIMIT" SP (number / nil))                    (RFC 7889)
//   / ("MAILBOXID" SP "(" objectid ")")                    (RFC 8474)
//   / ("DELETED-STORAGE" SP number64)                      (RFC 9208)
//   / (atom SP number64)                                   (an extension's attribute)
IMAPKIT_RULE(status_att_val_base, "status-att-val", imapkit::status_att_val);
inline const auto status_att_val_base_rule_def =
    (status_kw<status_att::messages> > sp > number[set_member<&imapkit::status_att_val::number>]) |
    (status_kw<status_att::uidnext> > sp >
     nz_number[set_member<&imapkit::status_att_val::number>]) |
    (status_kw<status_att::uidvalidity> > sp >
     nz_number[set_member<&imapkit::status_att_val::number>]) |
    (status_kw<status_att::unseen> > sp > number[set_member<&imapkit::status_att_val::number>]) |
    (status_kw<status_att::deleted_storage> > sp >
     number64[set_member<&imapkit::status_att_val::number>]) |
    (status_kw<status_att::deleted> > sp > number[set_member<&imapkit::status_att_val::number>]) |
    (status_kw<status_att::size> > sp > number64[set_member<&imapkit::status_att_val::number>]);
IMAPKIT_DEFINE(status_att_val_base_rule)

// The extensions' status-att-val.
IMAPKIT_RULE(status_att_val_ext, "status-att-val", imapkit::status_att_val);
inline const auto status_att_val_ext_rule_def =
    (status_kw<status_att::recent> > sp > number[set_member<&imapkit::status_att_val::number>]) |
    (status_kw<status_att::highestmodseq> > sp >
     mod_sequence_value[set_member<&imapkit::status_att_val::number>]) |
    (status_kw<status_att::appendlimit> > sp >
     (number[set_member<&imapkit::status_att_val::number>] |
      nil[([](auto& ctx) { x3::_val(ctx).is_nil = true; })])) |
    (status_kw<status_att::mailboxid> > sp > '(' >
     objectid[set_member<&imapkit::status_att_val::text>] > ')');
IMAPKIT_DEFINE(status_att_val_ext_rule)

// An attribute is known, or an extension's (atom SP number64). A known name whose value is not
// its own ("UIDNEXT 0", "HIGHESTMODSEQ 0" in strict mode) is read as an extension's attribute
// of that name, as a malformed known response code is read as the generic one: a client keeps
// the other attributes (docs/responses.md).
IMAPKIT_RULE(status_att_val_known, "status-att-val", imapkit::status_att_val);
inline const auto status_att_val_known_rule_def =
    status_att_val_base_rule[set_val] | status_att_val_ext_rule[set_val];
IMAPKIT_DEFINE(status_att_val_known_rule)

// An extension attribute named like a known one is one only where the known one does not read
// "NAME number" as the number is written back: "UIDNEXT 0" is, "UIDNEXT 080" is not (it would
// come back as the known UIDNEXT 80). Asked of the grammar, in the message's arena.
inline constexpr auto not_read_as_known = [](auto& ctx) {
  const imapkit::status_att_val& a = x3::_val(ctx);
  if (!abnf::find_keyword(status_att_names, a.name)) return;
  parse_state& st = state(ctx);
  char digits[20];
  const auto end = std::to_chars(digits, digits + sizeof digits, a.number).ptr;
  const std::size_t n = static_cast<std::size_t>(end - digits);
  char* text = st.mem.allocate_array<char>(a.name.size() + 1 + n);
  std::memcpy(text, a.name.data(), a.name.size());
  text[a.name.size()] = ' ';
  std::memcpy(text + a.name.size() + 1, digits, n);
  x3::_pass(ctx) = !run<imapkit::status_att_val>(status_att_val_known_rule,
                                                 std::string_view(text, a.name.size() + 1 + n),
                                                 st.mem, st.options, "status-att-val")
                        .ok();
};

IMAPKIT_RULE(status_att_val, "status-att-val", imapkit::status_att_val);
inline const auto status_att_val_rule_def =
    backtrack_on_syntax_error[status_att_val_known_rule[set_val] >> &(sp | x3::lit(')'))] |
    ((atom[([](auto& ctx) {
        x3::_val(ctx) = imapkit::status_att_val{};
        x3::_val(ctx).name = x3::_attr(ctx);
      })] > sp > number64[set_member<&imapkit::status_att_val::number>]) >>
     x3::eps[not_read_as_known]);
IMAPKIT_DEFINE(status_att_val_rule)
inline const auto& status_att_val = status_att_val_rule;

// What recover_item keeps of a STATUS attribute nothing reads: its name, bytes and error.
template <>
struct recovered_item<imapkit::status_att_val> {
  static constexpr std::string_view production = "status-att-val";
  static constexpr recovered_form form = recovered_form::name_and_value;
  static void keep(imapkit::status_att_val& attr, const imapkit::fetch_invalid& invalid) {
    keep_as_invalid(attr, invalid);
  }
};

// "STATUS" SP mailbox SP "(" [status-att-list] ")"; status-att-list = status-att-val *(SP
// status-att-val). Lenient: an attribute nothing reads is kept as an invalid one
// (quirk::item_recovery), the others typed.
IMAPKIT_RULE(status_data, "status", imapkit::status_data);
inline const auto status_data_rule_def =
    mailbox[set_member<&imapkit::status_data::mailbox>] > sp > '(' >
    -(recover_item[status_att_val][push_member<&imapkit::status_data::attributes>] %
      sp) > lenient_space_before_paren
    > ')';
IMAPKIT_DEFINE(status_data_rule)
inline const auto& status_data = status_data_rule;

// ---------------------------------------------------------------------------------------------
// SEARCH, SORT, ESEARCH

// search-sort-mod-seq = "(" "MODSEQ" SP mod-sequence-value ")"   (RFC 7162)
IMAPKIT_RULE(search_sort_mod_seq, "search-sort-mod-seq", std::uint64_t);
inline const auto search_sort_mod_seq_rule_def = x3::lit('(') > kw("MODSEQ") > sp
                                                 > mod_sequence_value[set_val] > ')';
IMAPKIT_DEFINE(search_sort_mod_seq_rule)
inline const auto& search_sort_mod_seq = search_sort_mod_seq_rule;

// SP nz-number, pushed into _val.*Member; lenient: after more than one SP (docs/quirks.md). The
// single SP is tried first and the lenient alternative only where it fails (at the end of the
// list): the loop reads 10,000 numbers a line.
template <auto Member>
inline constexpr auto sp_nz_number =
    (sp >> nz_number_p[push_member<Member>]) |
    (&(sp >> sp) >> if_quirk<quirk::doubled_spaces>[+sp >> nz_number_p[push_member<Member>]]);

// "SEARCH" *(SP nz-number) [SP search-sort-mod-seq]   (after "SEARCH")
// The numbers are read by the nz-number primitive itself, not the rule: the primitive cannot
// fail in a way that names a production, and inlined into the loop it reads a SEARCH of 10,000
// numbers with 19% fewer instructions than through the rule (callgrind; docs/performance.md).
IMAPKIT_RULE(search_data, "SEARCH", imapkit::search_data);
inline const auto search_data_rule_def =
    *sp_nz_number<&imapkit::search_data::numbers> >>
    -(sp >> search_sort_mod_seq[([](auto& ctx) { x3::_val(ctx).modseq = x3::_attr(ctx); })]);
IMAPKIT_DEFINE(search_data_rule)
inline const auto& search_data = search_data_rule;

// sort-data = "SORT" *(SP nz-number) [SP search-sort-mod-seq]   (after "SORT")
IMAPKIT_RULE(sort_data, "sort-data", imapkit::sort_data);
inline const auto sort_data_rule_def =
    *sp_nz_number<&imapkit::sort_data::numbers> >>
    -(sp >> search_sort_mod_seq[([](auto& ctx) { x3::_val(ctx).modseq = x3::_attr(ctx); })]);
IMAPKIT_DEFINE(sort_data_rule)
inline const auto& sort_data = sort_data_rule;

// A return data's keyword (search_return_data_names), setting kind and the name as it arrived.
template <search_return_data_kind Kind>
inline constexpr auto return_data_kw = x3::raw[whole_kw(to_string(Kind))][([](auto& ctx) {
  x3::_val(ctx).kind = Kind;
  x3::_val(ctx).name = as_view(x3::_attr(ctx));
})];

// search-return-data = "MIN" SP nz-number / "MAX" SP nz-number / "ALL" SP sequence-set /
//   "COUNT" SP number / search-ret-data-ext   (RFC 4731, RFC 9051)
//   / "MODSEQ" SP mod-sequence-value          (RFC 7162)
//   / "PARTIAL" SP "(" partial-range SP partial-results ")"   (RFC 9394; partial-results =
//     sequence-set / "NIL")
//   / ("ADDTO" / "REMOVEFROM") SP "(" ... ")" (RFC 5267, kept generic)
// search-ret-data-ext = search-modifier-name SP search-return-value
// A known return data, or search-ret-data-ext (search-modifier-name SP search-return-value). A
// known name whose value is not its own ("MIN 0", "COUNT x") is the extension form by the ABNF:
// read as such, as a malformed known response code is read as the generic one (docs/responses.md).
IMAPKIT_RULE(search_return_data_known, "search-return-data", imapkit::search_return_data);
inline const auto search_return_data_known_rule_def =
    (return_data_kw<search_return_data_kind::min> > sp >
     nz_number[set_member<&imapkit::search_return_data::number>]) |
    (return_data_kw<search_return_data_kind::max> > sp >
     nz_number[set_member<&imapkit::search_return_data::number>]) |
    (return_data_kw<search_return_data_kind::all> > sp >
     sequence_set[set_member<&imapkit::search_return_data::set>]) |
    (return_data_kw<search_return_data_kind::count> > sp >
     number[set_member<&imapkit::search_return_data::number>]) |
    (return_data_kw<search_return_data_kind::modseq> > sp >
     mod_sequence_value[set_member<&imapkit::search_return_data::number>]) |
    (return_data_kw<search_return_data_kind::partial> > sp > '(' >
     partial_range[set_member<&imapkit::search_return_data::range>] > sp >
     (nil[([](auto& ctx) { x3::_val(ctx).is_nil = true; })] |
      sequence_set[set_member<&imapkit::search_return_data::set>]) > ')') |
    (return_data_kw<search_return_data_kind::addto> > sp >
     generic_value[set_member<&imapkit::search_return_data::value>]) |
    (return_data_kw<search_return_data_kind::removefrom> > sp >
     generic_value[set_member<&imapkit::search_return_data::value>]);
IMAPKIT_DEFINE(search_return_data_known_rule)

IMAPKIT_RULE(search_return_data, "search-return-data", imapkit::search_return_data);
inline const auto search_return_data_rule_def =
    backtrack_on_syntax_error[search_return_data_known_rule[set_val] >> &(sp | crlf)] |
    (atom[([](auto& ctx) {
       x3::_val(ctx) = imapkit::search_return_data{};
       x3::_val(ctx).name = x3::_attr(ctx);
     })] > sp > generic_value[set_member<&imapkit::search_return_data::value>]);
IMAPKIT_DEFINE(search_return_data_rule)
inline const auto& search_return_data = search_return_data_rule;

// What recover_item keeps of an ESEARCH return data nothing reads: its name, bytes and error.
template <>
struct recovered_item<imapkit::search_return_data> {
  static constexpr std::string_view production = "search-return-data";
  static constexpr recovered_form form = recovered_form::name_and_value_on_line;
  static void keep(imapkit::search_return_data& attr, const imapkit::fetch_invalid& invalid) {
    keep_as_invalid(attr, invalid);
  }
};

// one-correlator = ("TAG" SP tag-string) / ("MAILBOX" SP astring) / ("UIDVALIDITY" SP nz-number)
// (RFC 7377; tag-string = astring, RFC 9051; RFC 4731: string). Each may appear once: a second
// one is not read, so the error is at it ("expected ')'").
template <auto Member>
inline constexpr auto not_yet =
    [](auto& ctx) { x3::_pass(ctx) = !(x3::_val(ctx).*Member).has_value(); };
inline const auto one_correlator =
    (kw("TAG") >> x3::eps[not_yet<&imapkit::esearch_data::correlator>] > sp >
     astring[set_member<&imapkit::esearch_data::correlator>]) |
    (kw("MAILBOX") >> x3::eps[not_yet<&imapkit::esearch_data::mailbox>] > sp >
     mailbox[set_member<&imapkit::esearch_data::mailbox>]) |
    (kw("UIDVALIDITY") >> x3::eps[not_yet<&imapkit::esearch_data::uidvalidity>] > sp >
     nz_number[set_member<&imapkit::esearch_data::uidvalidity>]);

// search-correlator = SP "(" one-correlator *(SP one-correlator) ")"   (after the SP)
IMAPKIT_RULE(search_correlator, "search-correlator", imapkit::esearch_data);
inline const auto search_correlator_rule_def = x3::lit('(') > (x3::omit[one_correlator] % sp) > ')';
IMAPKIT_DEFINE(search_correlator_rule)
inline const auto& search_correlator = search_correlator_rule;

// esearch-response = "ESEARCH" [search-correlator] [SP "UID"] *(SP search-return-data)
// Lenient: a return data nothing reads is kept as an invalid one (quirk::item_recovery), the
// others typed.
IMAPKIT_RULE(esearch_response, "esearch-response", imapkit::esearch_data);
inline const auto esearch_response_rule_def =
    -(sp >> search_correlator[([](auto& ctx) {
        x3::_val(ctx).correlator = x3::_attr(ctx).correlator;
        x3::_val(ctx).mailbox = x3::_attr(ctx).mailbox;
        x3::_val(ctx).uidvalidity = x3::_attr(ctx).uidvalidity;
      })]) >>
    -(sp >> whole_kw("UID")[([](auto& ctx) { x3::_val(ctx).uid = true; })]) >>
    *(sp >> recover_item[search_return_data][push_member<&imapkit::esearch_data::items>]);
IMAPKIT_DEFINE(esearch_response_rule)
inline const auto& esearch_response = esearch_response_rule;

// ---------------------------------------------------------------------------------------------
// THREAD (RFC 5256)

// thread-list = "(" (thread-members / thread-nested) ")"
// thread-members = nz-number *(SP nz-number) [SP thread-nested]
// thread-nested = 2*thread-list   (lenient: a single nested list is taken too)
IMAPKIT_RULE(thread_list, "thread-list", imapkit::thread_list);
inline const auto thread_list_rule_def =
    x3::lit('(') > nest[(nz_number[push_member<&imapkit::thread_list::members>] % sp >>
                         -(sp >> +thread_list_rule[push_member<&imapkit::thread_list::children>])) |
                        +thread_list_rule[push_member<&imapkit::thread_list::children>]] >
    x3::eps[([](auto& ctx) {
      x3::_pass(ctx) =
          x3::_val(ctx).children.size() != 1 || state(ctx).take(quirk::single_thread_child);
    })] > ')';
IMAPKIT_DEFINE(thread_list_rule)
inline const auto& thread_list = thread_list_rule;

// thread-data = "THREAD" [SP 1*thread-list]   (after "THREAD")
IMAPKIT_RULE(thread_data, "thread-data", imapkit::thread_data);
inline const auto thread_data_rule_def =
    -(sp >> +thread_list[push_member<&imapkit::thread_data::threads>]);
IMAPKIT_DEFINE(thread_data_rule)
inline const auto& thread_data = thread_data_rule;

// ---------------------------------------------------------------------------------------------
// NAMESPACE (RFC 2342, RFC 9051)

// namespace-response-extension = SP string SP "(" string *(SP string) ")"
IMAPKIT_RULE(namespace_response_extension, "namespace-response-extension",
             imapkit::namespace_extension);
inline const auto namespace_response_extension_rule_def =
    string[set_member<&imapkit::namespace_extension::name>] > sp > '(' >
    (string[push_member<&imapkit::namespace_extension::values>] % sp) > ')';
IMAPKIT_DEFINE(namespace_response_extension_rule)
inline const auto& namespace_response_extension = namespace_response_extension_rule;

// namespace-descr = "(" string SP (DQUOTE QUOTED-CHAR DQUOTE / nil)
//                   [namespace-response-extensions] ")"
IMAPKIT_RULE(namespace_descr, "namespace-descr", imapkit::namespace_descr);
inline const auto namespace_descr_rule_def =
    x3::lit('(') > string[set_member<&imapkit::namespace_descr::prefix>] > sp >
    delimiter[set_member<&imapkit::namespace_descr::delimiter>] >
    *(sp >> namespace_response_extension[push_member<&imapkit::namespace_descr::extensions>]) > ')';
IMAPKIT_DEFINE(namespace_descr_rule)
inline const auto& namespace_descr = namespace_descr_rule;

// namespace = nil / "(" 1*namespace-descr ")"
// Lenient: a space between two namespace-descr (as in RFC 9051's own §7.3.3 example).
IMAPKIT_RULE(namespace_, "namespace", list<imapkit::namespace_descr>);
inline const auto namespace__rule_def =
    nil | (x3::lit('(') >
           +(namespace_descr[push_val] >>
             -(&sp >> if_quirk<quirk::space_between_list_items>[sp >> &x3::lit('(')])) > ')');
IMAPKIT_DEFINE(namespace__rule)
inline const auto& namespace_ = namespace__rule;

// namespace-response = "NAMESPACE" SP namespace SP namespace SP namespace   (after "NAMESPACE" SP)
IMAPKIT_RULE(namespace_response, "namespace-response", imapkit::namespace_data);
inline const auto namespace_response_rule_def =
    namespace_[set_member<&imapkit::namespace_data::personal>] > lenient_spaces >
    namespace_[set_member<&imapkit::namespace_data::other_users>] > lenient_spaces >
    namespace_[set_member<&imapkit::namespace_data::shared>];
IMAPKIT_DEFINE(namespace_response_rule)
inline const auto& namespace_response = namespace_response_rule;

// ---------------------------------------------------------------------------------------------
// QUOTA (RFC 9208, RFC 2087)

// quota-resource = resource-name SP resource-usage SP resource-limit
// resource-name = atom; resource-usage = number64; resource-limit = number64
IMAPKIT_RULE(quota_resource, "quota-resource", imapkit::quota_resource);
// Lenient: more than one SP between the fields and the resources (docs/quirks.md).
inline const auto quota_resource_rule_def =
    atom[set_member<&imapkit::quota_resource::name>] > sp > more_lenient_spaces >
    number64[set_member<&imapkit::quota_resource::usage>] > sp > more_lenient_spaces >
    number64[set_member<&imapkit::quota_resource::limit>];
IMAPKIT_DEFINE(quota_resource_rule)
inline const auto& quota_resource = quota_resource_rule;

// quota-response = "QUOTA" SP quota-root-name SP quota-list   (after "QUOTA" SP)
// quota-list = "(" quota-resource *(SP quota-resource) ")"; quota-root-name = astring
IMAPKIT_RULE(quota_response, "quota-response", imapkit::quota_data);

namespace quota_detail {
// SP quota-list
inline const auto sp_quota_list = sp > '(' >
                                  -(quota_resource[push_member<&imapkit::quota_data::resources>] %
                                    lenient_spaces) > lenient_space_before_paren
                                  > ')';

// SP quota-list, or lenient (quota_without_list) nothing at all before the CRLF: Courier IMAP 5.0
// answers GETQUOTAROOT on a root without a quota with `* QUOTA "ROOT"` (docs/quirks.md), read as
// an empty list. Named as the SP it starts with, which is what a strict parse misses there.
struct sp_quota_list_parser : x3::parser<sp_quota_list_parser> {
  using attribute_type = x3::unused_type;
  static bool const has_attribute = false;
  static constexpr std::string_view expected_name = "' '";

  template <class Context, class RContext, class Attribute>
  bool parse(const char*& first, const char* last, const Context& ctx, RContext& rctx,
             Attribute& attr) const {
    if (first != last && *first == '\r' && state(ctx).take(quirk::quota_without_list)) {
      return true;
    }
    return sp_quota_list.parse(first, last, ctx, rctx, attr);
  }
};
}  // namespace quota_detail

inline const auto quota_response_rule_def =
    astring[set_member<&imapkit::quota_data::root>] > quota_detail::sp_quota_list_parser{};
IMAPKIT_DEFINE(quota_response_rule)
inline const auto& quota_response = quota_response_rule;

// quotaroot-response = "QUOTAROOT" SP mailbox *(SP quota-root-name)   (after "QUOTAROOT" SP)
IMAPKIT_RULE(quotaroot_response, "quotaroot-response", imapkit::quotaroot_data);
inline const auto quotaroot_response_rule_def =
    mailbox[set_member<&imapkit::quotaroot_data::mailbox>] >>
    *(sp >> astring[push_member<&imapkit::quotaroot_data::roots>]);
IMAPKIT_DEFINE(quotaroot_response_rule)
inline const auto& quotaroot_response = quotaroot_response_rule;

// ---------------------------------------------------------------------------------------------
// METADATA (RFC 5464)

// metadata-resp = "METADATA" SP mailbox SP (entry-values / entry-list)   (after "METADATA" SP)
// entry-values = "(" entry-value *(SP entry-value) ")"; entry-list = entry *(SP entry)
IMAPKIT_RULE(metadata_resp, "metadata-resp", imapkit::metadata_data);
inline const auto metadata_resp_rule_def =
    mailbox[set_member<&imapkit::metadata_data::mailbox>] > sp >
    ((x3::lit('(') > (entry_value[push_member<&imapkit::metadata_data::entries>] % sp) > ')') |
     (astring[push_member<&imapkit::metadata_data::changed>] % sp));
IMAPKIT_DEFINE(metadata_resp_rule)
inline const auto& metadata_resp = metadata_resp_rule;

// ---------------------------------------------------------------------------------------------
// ID (RFC 2971)

// id-response = "ID" SP id-params-list   (after "ID" SP)
// id-params-list = "(" *(string SP nstring) ")" / nil
// Lenient: spaces before the ")" (imap-codec's fixtures; docs/quirks.md).
IMAPKIT_RULE(id_response, "id-response", imapkit::id_data);
inline const auto id_response_rule_def =
    nil | (x3::lit('(') > (-(id_param[push_member<&imapkit::id_data::params>] % sp) >>
                           lenient_space_before_paren) > ')');
IMAPKIT_DEFINE(id_response_rule)
inline const auto& id_response = id_response_rule;

// ---------------------------------------------------------------------------------------------
// ACL (RFC 4314)

// acl-data = "ACL" SP mailbox *(SP identifier SP rights)   (after "ACL" SP)
// identifier = astring; rights = astring
IMAPKIT_RULE(acl_entry, "identifier SP rights", imapkit::acl_entry);
inline const auto acl_entry_rule_def = astring[set_member<&imapkit::acl_entry::identifier>] >> sp >>
                                       astring[set_member<&imapkit::acl_entry::rights>];
IMAPKIT_DEFINE(acl_entry_rule)
inline const auto& acl_entry = acl_entry_rule;
IMAPKIT_RULE(acl_data, "acl-data", imapkit::acl_data);
inline const auto acl_data_rule_def = mailbox[set_member<&imapkit::acl_data::mailbox>] >>
                                      *(sp >> acl_entry[push_member<&imapkit::acl_data::entries>]);
IMAPKIT_DEFINE(acl_data_rule)
inline const auto& acl_data = acl_data_rule;

// listrights-data = "LISTRIGHTS" SP mailbox SP identifier SP rights *(SP rights)
IMAPKIT_RULE(listrights_data, "listrights-data", imapkit::listrights_data);
inline const auto listrights_data_rule_def =
    mailbox[set_member<&imapkit::listrights_data::mailbox>] > sp >
    astring[set_member<&imapkit::listrights_data::identifier>] > sp >
    astring[set_member<&imapkit::listrights_data::required>] >>
    *(sp >> astring[push_member<&imapkit::listrights_data::optional>]);
IMAPKIT_DEFINE(listrights_data_rule)
inline const auto& listrights_data = listrights_data_rule;

// myrights-data = "MYRIGHTS" SP mailbox SP rights
IMAPKIT_RULE(myrights_data, "myrights-data", imapkit::myrights_data);
inline const auto myrights_data_rule_def = mailbox[set_member<&imapkit::myrights_data::mailbox>] >
                                           sp >
                                           astring[set_member<&imapkit::myrights_data::rights>];
IMAPKIT_DEFINE(myrights_data_rule)
inline const auto& myrights_data = myrights_data_rule;

// ---------------------------------------------------------------------------------------------
// VANISHED (RFC 7162)

// expunged-resp = "VANISHED" [SP "(EARLIER)"] SP known-uids; known-uids = uid-set   (after
// "VANISHED" SP)
IMAPKIT_RULE(expunged_resp, "expunged-resp", imapkit::vanished_data);
inline const auto expunged_resp_rule_def =
    -((x3::lit('(') >> kw("EARLIER") > ')' >
       sp)[([](auto& ctx) { x3::_val(ctx).earlier = true; })]) >
    uid_set[set_member<&imapkit::vanished_data::uids>];
IMAPKIT_DEFINE(expunged_resp_rule)
inline const auto& expunged_resp = expunged_resp_rule;

// ---------------------------------------------------------------------------------------------
// CAPABILITY, ENABLED, FLAGS

// capability-data = "CAPABILITY" *(SP capability) SP "IMAP4rev2" *(SP capability)   (after
// "CAPABILITY")
IMAPKIT_RULE(capability_data, "capability-data", imapkit::capability_data);
inline const auto capability_data_rule_def =
    +(sp >> capability[push_member<&imapkit::capability_data::capabilities>]);
IMAPKIT_DEFINE(capability_data_rule)
inline const auto& capability_data = capability_data_rule;

// enable-data = "ENABLED" *(SP capability)   (after "ENABLED")
IMAPKIT_RULE(enable_data, "enable-data", imapkit::enable_data);
inline const auto enable_data_rule_def =
    *(sp >> capability[push_member<&imapkit::enable_data::capabilities>]);
IMAPKIT_DEFINE(enable_data_rule)
inline const auto& enable_data = enable_data_rule;

// "FLAGS" SP flag-list   (after "FLAGS" SP)
// Lenient: flag-perm's "\*" among the flags, as greenmail sends it (docs/quirks.md).
IMAPKIT_RULE(flags_data, "flag-list", imapkit::flags_data);
inline const auto flags_data_rule_def =
    x3::lit('(') >
    -((flag[push_member<&imapkit::flags_data::flags>] |
       if_quirk<
           quirk::wildcard_flag_in_flags>[flag_perm[push_member<&imapkit::flags_data::flags>]]) %
      sp) > lenient_space_before_paren
    > ')';
IMAPKIT_DEFINE(flags_data_rule)
inline const auto& flags_data = flags_data_rule;

// ---------------------------------------------------------------------------------------------
// JMAPACCESS (RFC 9698), URLAUTH (RFC 4467, RFC 5524), LANGUAGE and COMPARATOR (RFC 5255)

// resp-jmapaccess = "JMAPACCESS" SP quoted   (after "JMAPACCESS" SP)
IMAPKIT_RULE(resp_jmapaccess, "resp-jmapaccess", imapkit::jmapaccess_data);
inline const auto resp_jmapaccess_rule_def = quoted[set_member<&imapkit::jmapaccess_data::url>];
IMAPKIT_DEFINE(resp_jmapaccess_rule)
inline const auto& resp_jmapaccess = resp_jmapaccess_rule;

// genurlauth-data = "*" SP "GENURLAUTH" 1*(SP url-full); url-full = astring   (after "GENURLAUTH")
IMAPKIT_RULE(genurlauth_data, "genurlauth-data", imapkit::genurlauth_data);
inline const auto genurlauth_data_rule_def =
    +(sp > astring[push_member<&imapkit::genurlauth_data::urls>]);
IMAPKIT_DEFINE(genurlauth_data_rule)
inline const auto& genurlauth_data = genurlauth_data_rule;

// "BODYPARTSTRUCTURE" SP body: the body's bytes, found by the generic value grammar and read by
// the body grammar (compiled with FETCH's, in its own TU: parse_body_structure), whose quirks
// count as this message's.
inline constexpr auto set_body_part_structure = [](auto& ctx) {
  const std::string_view bytes = as_view(x3::_attr(ctx));
  parse_state& st = state(ctx);
  const result<imapkit::body_structure> body = parse_body_structure(bytes, st.mem, st.options);
  x3::_pass(ctx) = body.ok();
  if (!body.ok()) return;
  st.quirks_used.add(body.quirks());
  x3::_val(ctx).body_part_structure = bytes;
};

IMAPKIT_RULE(url_meta_body_structure, "body", imapkit::urlfetch_item);
inline const auto url_meta_body_structure_rule_def =
    x3::raw[&x3::lit('(') >> generic_value][set_body_part_structure];
IMAPKIT_DEFINE(url_meta_body_structure_rule)

// url-metadata-el = url-meta-bodystruct / url-meta-body / url-meta-binary   (RFC 5524 §5)
// url-meta-bodystruct = "BODYPARTSTRUCTURE" SP body; url-meta-body = "BODY" SP nstring
// url-meta-binary = "BINARY" SP (nstring / literal8)
inline const auto url_metadata_el =
    (whole_kw("BODYPARTSTRUCTURE") > sp > url_meta_body_structure_rule[([](auto& ctx) {
       x3::_val(ctx).body_part_structure = x3::_attr(ctx).body_part_structure;
     })]) |
    (whole_kw("BODY")[([](auto& ctx) { x3::_val(ctx).has_body = true; })] > sp >
     nstring[set_member<&imapkit::urlfetch_item::body>]) |
    (whole_kw("BINARY")[([](auto& ctx) { x3::_val(ctx).has_binary = true; })] > sp >
     (nstring[set_member<&imapkit::urlfetch_item::binary>] |
      literal8[set_member<&imapkit::urlfetch_item::binary>]));

// urldata-simple = url-full SP nstring / urldata-ext = url-full url-metadata, with
// url-metadata = 1*(SP "(" url-metadata-el ")")   (RFC 4467 §9, RFC 5524 §5)
IMAPKIT_RULE(urlfetch_item, "urldata", imapkit::urlfetch_item);
inline const auto urlfetch_item_rule_def =
    astring[set_member<&imapkit::urlfetch_item::url>] > sp >
    ((x3::lit('(')[([](auto& ctx) { x3::_val(ctx).extended = true; })] > url_metadata_el > ')' >>
      *(sp >> x3::lit('(') > url_metadata_el > ')')) |
     nstring[set_member<&imapkit::urlfetch_item::data>]);
IMAPKIT_DEFINE(urlfetch_item_rule)

// urlfetch-data = "*" SP "URLFETCH" 1*(SP urldata)   (after "URLFETCH")
IMAPKIT_RULE(urlfetch_data, "urlfetch-data", imapkit::urlfetch_data);
inline const auto urlfetch_data_rule_def =
    +(sp > urlfetch_item_rule[push_member<&imapkit::urlfetch_data::items>]);
IMAPKIT_DEFINE(urlfetch_data_rule)
inline const auto& urlfetch_data = urlfetch_data_rule;

// language-data = "LANGUAGE" SP "(" lang-tag-quoted *(SP lang-tag-quoted) ")"; lang-tag-quoted =
// astring   (after "LANGUAGE" SP)
IMAPKIT_RULE(language_data, "language-data", imapkit::language_data);
inline const auto language_data_rule_def =
    x3::lit('(') > (astring[push_member<&imapkit::language_data::languages>] % sp) > ')';
IMAPKIT_DEFINE(language_data_rule)
inline const auto& language_data = language_data_rule;

// comparator-data = "COMPARATOR" SP comp-sel-quoted [SP "(" comp-id-quoted *(SP comp-id-quoted)
// ")"]; both astring   (after "COMPARATOR" SP)
IMAPKIT_RULE(comparator_data, "comparator-data", imapkit::comparator_data);
inline const auto comparator_data_rule_def =
    astring[set_member<&imapkit::comparator_data::selected>] >
    -(sp > x3::lit('(') > (astring[push_member<&imapkit::comparator_data::matching>] % sp) > ')');
IMAPKIT_DEFINE(comparator_data_rule)
inline const auto& comparator_data = comparator_data_rule;

}  // namespace imapkit::grammar
