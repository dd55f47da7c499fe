// Definition of msg-att (declared in fetch.hpp): the FETCH data items of RFC 9051 §9, RFC 3501 §9,
// RFC 3516 (BINARY), RFC 7162 (MODSEQ), RFC 8474 (EMAILID, THREADID), RFC 8970 (PREVIEW),
// RFC 8514 (SAVEDATE), Gmail's X-GM-* and Dovecot's SNIPPET / X-GUID / X-MAILBOX, and a generic
// fallback for any other item. Included by src/fetch/parse_fetch.cpp only.
#pragma once

#include "fetch/bodystructure.hpp"
#include "fetch/envelope.hpp"
#include "fetch/fetch.hpp"
#include "imapkit/ast/fetch_command.hpp"  // fetch_att_names: the items' keywords
#include "lexical/annotate.hpp"
#include "lexical/generic.hpp"
#include "lexical/gmail.hpp"
#include "lexical/lexical.hpp"
#include "lexical/modifiers.hpp"
#include "lexical/objectid.hpp"
#include "lexical/recover.hpp"
#include "lexical/section.hpp"

namespace imapkit::grammar {

namespace fetch_detail {

// Sets msg_att::value to the item a sub-rule built.
inline constexpr auto set_item = [](auto& ctx) { x3::_val(ctx).value = x3::_attr(ctx); };

}  // namespace fetch_detail

// msg-att-dynamic = "FLAGS" SP "(" [flag-fetch *(SP flag-fetch)] ")"
// flag-fetch = flag / obsolete-flag-recent   (RFC 3501: flag / "\Recent")
// Lenient: spaces before the closing ")" (docs/quirks.md), as for the other flag lists.
IMAPKIT_RULE(flag_fetch_list, "flag-list", list<imapkit::flag>);
inline const auto flag_fetch_list_rule_def =
    (x3::lit('(') >> -(flag[push_val] % sp) >> lenient_space_before_paren) > ')';
IMAPKIT_DEFINE(flag_fetch_list_rule)
IMAPKIT_RULE(msg_att_flags, "FLAGS", imapkit::fetch_flags);
inline const auto msg_att_flags_rule_def =
    whole_kw(to_string(fetch_att_kind::flags)) > sp >
    flag_fetch_list_rule[set_member<&imapkit::fetch_flags::flags>];
IMAPKIT_DEFINE(msg_att_flags_rule)
inline const auto& msg_att_flags = msg_att_flags_rule;

// fetch-mod-resp = "MODSEQ" SP "(" permsg-modsequence ")"   (RFC 7162 §7)
// permsg-modsequence = mod-sequence-value (1 or more; 0 in lenient mode only, docs/quirks.md)
IMAPKIT_RULE(msg_att_modseq, "MODSEQ", imapkit::fetch_modseq);
inline const auto msg_att_modseq_rule_def =
    whole_kw(to_string(fetch_att_kind::modseq)) > sp > '(' >
    mod_sequence_value[set_member<&imapkit::fetch_modseq::value>] > ')';
IMAPKIT_DEFINE(msg_att_modseq_rule)
inline const auto& msg_att_modseq = msg_att_modseq_rule;

// "ENVELOPE" SP envelope
// Lenient: the envelope inside one more pair of parentheses, as Lotus Domino sends it ("((" never
// starts an envelope: env-date is an nstring), docs/quirks.md.
IMAPKIT_RULE(msg_att_envelope, "ENVELOPE", imapkit::fetch_envelope);
inline const auto msg_att_envelope_rule_def =
    whole_kw(to_string(fetch_att_kind::envelope)) > sp >
    ((&x3::lit("((") >>
      if_quirk<quirk::envelope_in_extra_parentheses>[x3::lit('(') >>
                                                     envelope[set_member<
                                                         &imapkit::fetch_envelope::value>] > ')']) |
     envelope[set_member<&imapkit::fetch_envelope::value>]);
IMAPKIT_DEFINE(msg_att_envelope_rule)
inline const auto& msg_att_envelope = msg_att_envelope_rule;

// "INTERNALDATE" SP date-time
IMAPKIT_RULE(msg_att_internaldate, "INTERNALDATE", imapkit::fetch_internal_date);
inline const auto msg_att_internaldate_rule_def =
    whole_kw(to_string(fetch_att_kind::internal_date)) > sp >
    date_time[set_member<&imapkit::fetch_internal_date::value>];
IMAPKIT_DEFINE(msg_att_internaldate_rule)
inline const auto& msg_att_internaldate = msg_att_internaldate_rule;

// "RFC822.SIZE" SP number64   (RFC 3501: number)
IMAPKIT_RULE(msg_att_rfc822_size, "RFC822.SIZE", imapkit::fetch_rfc822_size);
inline const auto msg_att_rfc822_size_rule_def =
    whole_kw(to_string(fetch_att_kind::rfc822_size)) > sp >
    number64[set_member<&imapkit::fetch_rfc822_size::value>];
IMAPKIT_DEFINE(msg_att_rfc822_size_rule)
inline const auto& msg_att_rfc822_size = msg_att_rfc822_size_rule;

// "RFC822" [".HEADER" / ".TEXT"] SP nstring   (RFC 3501 §9)
template <imapkit::fetch_rfc822::part_t Part>
inline constexpr auto set_rfc822_part = [](auto& ctx) { x3::_val(ctx).part = Part; };
IMAPKIT_RULE(msg_att_rfc822, "RFC822", imapkit::fetch_rfc822);
inline const auto msg_att_rfc822_rule_def =
    (whole_kw(to_string(
         fetch_att_kind::rfc822_header))[set_rfc822_part<imapkit::fetch_rfc822::part_t::header>] |
     whole_kw(to_string(
         fetch_att_kind::rfc822_text))[set_rfc822_part<imapkit::fetch_rfc822::part_t::text>] |
     whole_kw(to_string(
         fetch_att_kind::rfc822))[set_rfc822_part<imapkit::fetch_rfc822::part_t::whole>]) > sp >
    nstring[set_member<&imapkit::fetch_rfc822::data>];
IMAPKIT_DEFINE(msg_att_rfc822_rule)
inline const auto& msg_att_rfc822 = msg_att_rfc822_rule;

// "BODY" ["STRUCTURE"] SP body
IMAPKIT_RULE(msg_att_body_structure, "BODYSTRUCTURE", imapkit::fetch_body_structure);
inline const auto msg_att_body_structure_rule_def =
    (whole_kw(to_string(
         fetch_att_kind::body_structure))[([](auto& ctx) { x3::_val(ctx).extensible = true; })] |
     whole_kw(to_string(fetch_att_kind::body))) > sp >
    body[set_member<&imapkit::fetch_body_structure::value>];
IMAPKIT_DEFINE(msg_att_body_structure_rule)
inline const auto& msg_att_body_structure = msg_att_body_structure_rule;

// "<" number ">" of a partial BODY[] / BINARY[] response
IMAPKIT_RULE(origin_octet, "origin-octet", std::uint32_t);
inline const auto origin_octet_rule_def = x3::lit('<') > number[set_val] > '>';
IMAPKIT_DEFINE(origin_octet_rule)
inline const auto& origin_octet = origin_octet_rule;

// "BODY" section ["<" number ">"] SP nstring
IMAPKIT_RULE(msg_att_body_section, "BODY[]", imapkit::fetch_body_section);
inline const auto msg_att_body_section_rule_def =
    (kw("BODY") >> section[set_member<&imapkit::fetch_body_section::section>]) >
    -origin_octet[set_member<&imapkit::fetch_body_section::origin>] > sp >
    nstring[set_member<&imapkit::fetch_body_section::data>];
IMAPKIT_DEFINE(msg_att_body_section_rule)
inline const auto& msg_att_body_section = msg_att_body_section_rule;

// "BINARY" section-binary SP (nstring / literal8)   (RFC 3516 §4.2, RFC 9051)
// With an origin "<" number ">" after the section for a partial fetch, as RFC 9051 §7.5.2
// describes the item (its §9 ABNF leaves it out; Dovecot sends it: BINARY[1]<10> {12}).
IMAPKIT_RULE(binary_data, "nstring / literal8", imapkit::string);
inline const auto binary_data_rule_def = nstring[set_val] | literal8[set_val];
IMAPKIT_DEFINE(binary_data_rule)
inline const auto& binary_data = binary_data_rule;
IMAPKIT_RULE(msg_att_binary, "BINARY[]", imapkit::fetch_binary);
inline const auto msg_att_binary_rule_def =
    (kw("BINARY") >> section_binary[set_member<&imapkit::fetch_binary::section>]) >
    -origin_octet[set_member<&imapkit::fetch_binary::origin>] > sp >
    binary_data[set_member<&imapkit::fetch_binary::data>];
IMAPKIT_DEFINE(msg_att_binary_rule)
inline const auto& msg_att_binary = msg_att_binary_rule;

// "BINARY.SIZE" section-binary SP number   (RFC 3516 §4.2, RFC 9051)
IMAPKIT_RULE(msg_att_binary_size, "BINARY.SIZE", imapkit::fetch_binary_size);
inline const auto msg_att_binary_size_rule_def =
    (kw("BINARY.SIZE") >> section_binary[set_member<&imapkit::fetch_binary_size::section>]) > sp >
    number[set_member<&imapkit::fetch_binary_size::size>];
IMAPKIT_DEFINE(msg_att_binary_size_rule)
inline const auto& msg_att_binary_size = msg_att_binary_size_rule;

// "UID" SP uniqueid; uniqueid = nz-number
IMAPKIT_RULE(msg_att_uid, "UID", imapkit::fetch_uid);
inline const auto msg_att_uid_rule_def = whole_kw(to_string(fetch_att_kind::uid)) > sp >
                                         nz_number[set_member<&imapkit::fetch_uid::value>];
IMAPKIT_DEFINE(msg_att_uid_rule)
inline const auto& msg_att_uid = msg_att_uid_rule;

// fetch-emailid-resp = "EMAILID" SP "(" objectid ")"                  (RFC 8474 §7)
// fetch-threadid-resp = "THREADID" SP ( "(" objectid ")" / nil )
IMAPKIT_RULE(msg_att_object_id, "EMAILID / THREADID", imapkit::fetch_object_id);
inline const auto msg_att_object_id_rule_def =
    (whole_kw(to_string(fetch_att_kind::email_id)) > sp > '(' >
     objectid[set_member<&imapkit::fetch_object_id::id>] > ')') |
    (whole_kw(to_string(fetch_att_kind::thread_id))[([](auto& ctx) {
       x3::_val(ctx).which = imapkit::fetch_object_id::which_t::thread_id;
     })] > sp > (nil[([](auto& ctx) { x3::_val(ctx).is_nil = true; })] |
                 (x3::lit('(') > objectid[set_member<&imapkit::fetch_object_id::id>] > ')')));
IMAPKIT_DEFINE(msg_att_object_id_rule)
inline const auto& msg_att_object_id = msg_att_object_id_rule;

// msg-att-dynamic =/ "PREVIEW" SP nstring   (RFC 8970 §6)
IMAPKIT_RULE(msg_att_preview, "PREVIEW", imapkit::fetch_preview);
inline const auto msg_att_preview_rule_def = whole_kw(to_string(fetch_att_kind::preview)) > sp >
                                             nstring[set_member<&imapkit::fetch_preview::text>];
IMAPKIT_DEFINE(msg_att_preview_rule)
inline const auto& msg_att_preview = msg_att_preview_rule;

// msg-att-static =/ "SAVEDATE" SP (date-time / nil)   (RFC 8514 §6)
IMAPKIT_RULE(msg_att_savedate, "SAVEDATE", imapkit::fetch_save_date);
inline const auto msg_att_savedate_rule_def =
    whole_kw(to_string(fetch_att_kind::save_date)) > sp >
    (date_time[([](auto& ctx) { x3::_val(ctx).value = x3::_attr(ctx); })] | nil);
IMAPKIT_DEFINE(msg_att_savedate_rule)
inline const auto& msg_att_savedate = msg_att_savedate_rule;

// Gmail: "X-GM-MSGID" SP number64 / "X-GM-THRID" SP number64
IMAPKIT_RULE(msg_att_gmail_id, "X-GM-MSGID / X-GM-THRID", imapkit::fetch_gmail_id);
inline const auto msg_att_gmail_id_rule_def =
    (whole_kw(to_string(imapkit::vendor_item::gmail_msgid)) |
     whole_kw(to_string(imapkit::vendor_item::gmail_thrid))[([](auto& ctx) {
       x3::_val(ctx).which = imapkit::fetch_gmail_id::which_t::thread_id;
     })]) > sp > number64[set_member<&imapkit::fetch_gmail_id::value>];
IMAPKIT_DEFINE(msg_att_gmail_id_rule)
inline const auto& msg_att_gmail_id = msg_att_gmail_id_rule;

// Gmail: "X-GM-LABELS" SP "(" [label *(SP label)] ")" (label: lexical/gmail.hpp)
IMAPKIT_RULE(msg_att_gmail_labels, "X-GM-LABELS", imapkit::fetch_gmail_labels);
inline const auto msg_att_gmail_labels_rule_def =
    whole_kw(to_string(imapkit::vendor_item::gmail_labels)) > sp > '(' >
    -(gmail_label[push_member<&imapkit::fetch_gmail_labels::labels>] % sp) > ')';
IMAPKIT_DEFINE(msg_att_gmail_labels_rule)
inline const auto& msg_att_gmail_labels = msg_att_gmail_labels_rule;

// Dovecot: "SNIPPET" SP "(" atom SP nstring ")"   (SNIPPET=FUZZY, draft of RFC 8970)
IMAPKIT_RULE(msg_att_snippet, "SNIPPET", imapkit::fetch_snippet);
inline const auto msg_att_snippet_rule_def =
    whole_kw(to_string(imapkit::vendor_item::snippet)) > sp > '(' >
    atom[set_member<&imapkit::fetch_snippet::algorithm>] > sp >
    nstring[set_member<&imapkit::fetch_snippet::text>] > ')';
IMAPKIT_DEFINE(msg_att_snippet_rule)
inline const auto& msg_att_snippet = msg_att_snippet_rule;

// Dovecot: "X-GUID" SP astring
IMAPKIT_RULE(msg_att_x_guid, "X-GUID", imapkit::fetch_x_guid);
inline const auto msg_att_x_guid_rule_def = whole_kw(to_string(imapkit::vendor_item::x_guid)) > sp >
                                            astring[set_member<&imapkit::fetch_x_guid::guid>];
IMAPKIT_DEFINE(msg_att_x_guid_rule)
inline const auto& msg_att_x_guid = msg_att_x_guid_rule;

// Dovecot: "X-MAILBOX" SP mailbox
IMAPKIT_RULE(msg_att_x_mailbox, "X-MAILBOX", imapkit::fetch_x_mailbox);
inline const auto msg_att_x_mailbox_rule_def =
    whole_kw(to_string(imapkit::vendor_item::x_mailbox)) > sp >
    mailbox[set_member<&imapkit::fetch_x_mailbox::mailbox>];
IMAPKIT_DEFINE(msg_att_x_mailbox_rule)
inline const auto& msg_att_x_mailbox = msg_att_x_mailbox_rule;

// Any other item: a name (an atom, "[section]<n>" included) SP a generic value.
IMAPKIT_RULE(msg_att_other, "msg-att extension", imapkit::fetch_other);
inline const auto msg_att_other_rule_def =
    token_parser{}[set_member<&imapkit::fetch_other::name>] >> sp >>
    generic_value[set_member<&imapkit::fetch_other::value>];
IMAPKIT_DEFINE(msg_att_other_rule)
inline const auto& msg_att_other = msg_att_other_rule;

// msg-att-dynamic / msg-att-static of RFC 9051 and RFC 3501 (split from the extensions' items
// to keep each rule's alternative small: compile time grows fast with its size).
IMAPKIT_RULE(msg_att_base, "msg-att-static", imapkit::msg_att);
inline const auto msg_att_base_rule_def =
    msg_att_uid[fetch_detail::set_item] | msg_att_flags[fetch_detail::set_item] |
    msg_att_body_section[fetch_detail::set_item] | msg_att_body_structure[fetch_detail::set_item] |
    msg_att_envelope[fetch_detail::set_item] | msg_att_internaldate[fetch_detail::set_item] |
    msg_att_rfc822_size[fetch_detail::set_item] | msg_att_rfc822[fetch_detail::set_item] |
    msg_att_binary_size[fetch_detail::set_item] | msg_att_binary[fetch_detail::set_item];
IMAPKIT_DEFINE(msg_att_base_rule)

// The extensions' items, then the generic fallback.
// msg-att-dynamic =/ "ANNOTATION" SP ("(" entry-att *(SP entry-att) ")" /
//                                    "(" entry *(SP entry) ")")   (RFC 5257 §5)
// The two forms part at the first entry: an entry-att goes on with SP "(".
IMAPKIT_RULE(msg_att_annotation, "ANNOTATION", imapkit::fetch_annotation);
inline const auto msg_att_annotation_rule_def =
    whole_kw(to_string(fetch_att_kind::annotation)) > sp > '(' >
    ((&(astring >> sp >> '(') >>
      (entry_att[push_member<&imapkit::fetch_annotation::entries>] % sp)) |
     (astring[push_member<&imapkit::fetch_annotation::changed>] % sp)) > ')';
IMAPKIT_DEFINE(msg_att_annotation_rule)

IMAPKIT_RULE(msg_att_extension, "msg-att extension", imapkit::msg_att);
inline const auto msg_att_extension_rule_def =
    msg_att_modseq[fetch_detail::set_item] | msg_att_object_id[fetch_detail::set_item] |
    msg_att_preview[fetch_detail::set_item] | msg_att_savedate[fetch_detail::set_item] |
    msg_att_gmail_id[fetch_detail::set_item] | msg_att_gmail_labels[fetch_detail::set_item] |
    msg_att_snippet[fetch_detail::set_item] | msg_att_x_guid[fetch_detail::set_item] |
    msg_att_x_mailbox[fetch_detail::set_item] | msg_att_annotation_rule[fetch_detail::set_item] |
    msg_att_other[fetch_detail::set_item];
IMAPKIT_DEFINE(msg_att_extension_rule)

// One data item: msg-att-dynamic / msg-att-static, extensions included.
IMAPKIT_RULE(msg_att_item, "msg-att-static", imapkit::msg_att);
inline const auto msg_att_item_rule_def =
    msg_att_base_rule[set_val] | msg_att_extension_rule[set_val];
IMAPKIT_DEFINE(msg_att_item_rule)

// What recover_item keeps of a FETCH item nothing reads: a fetch_invalid.
template <>
struct recovered_item<imapkit::msg_att> {
  static constexpr std::string_view production = "msg-att";
  static constexpr recovered_form form = recovered_form::name_and_value;
  static void keep(imapkit::msg_att& attr, const imapkit::fetch_invalid& invalid) {
    attr.value = invalid;
  }
};

// msg-att = "(" (msg-att-dynamic / msg-att-static) *(SP (msg-att-dynamic / msg-att-static)) ")"
// Lenient: spaces before the closing ")"; no item at all, "()"; an item nothing can read kept
// as a fetch_invalid (docs/quirks.md).
inline const auto msg_att_list_rule_def = x3::lit('(') >
                                          (((recover_item[msg_att_item_rule][push_val] % sp) >>
                                            lenient_space_before_paren) |
                                           if_quirk<quirk::empty_fetch>[&x3::lit(')')]) > ')';
IMAPKIT_DEFINE(msg_att_list_rule)

}  // namespace imapkit::grammar
