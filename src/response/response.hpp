// response (RFC 9051 §9, RFC 3501 §9): continuation requests, tagged status responses and
// untagged data. FETCH's msg-att is compiled in its own TU (fetch.hpp / src/fetch/parse_fetch.cpp).
#pragma once

#include "abnf/base64.hpp"
#include "fetch/fetch.hpp"
#include "imapkit/ast/response.hpp"
#include "response/mailbox_data.hpp"

namespace imapkit::grammar {

// untagged.data = _attr (any alternative of untagged_data)
inline constexpr auto set_untagged = [](auto& ctx) { x3::_val(ctx).data = x3::_attr(ctx); };

template <status_kind Kind>
inline constexpr auto cond_kw =
    whole_kw(to_string(Kind))[([](auto& ctx) { x3::_val(ctx).status = Kind; })];

// The text after a status word: SP resp-text. Lenient: nothing at all before CRLF ("a1 OK").
inline const auto status_text = (sp >> resp_text[set_member<&imapkit::resp_cond::text>]) |
                                if_quirk<quirk::status_without_text>[&crlf];

// resp-cond-state = ("OK" / "NO" / "BAD") SP resp-text
// resp-cond-auth  = ("OK" / "PREAUTH") SP resp-text
// resp-cond-bye   = "BYE" SP resp-text
IMAPKIT_RULE(resp_cond, "resp-cond-state", imapkit::resp_cond);
inline const auto resp_cond_rule_def =
    primitives::keyword_alternatives<status_kind_names, &imapkit::resp_cond::status,
                                     &primitives::every_row<keyword_row<status_kind>>> >>
    status_text;
IMAPKIT_DEFINE(resp_cond_rule)
inline const auto& resp_cond = resp_cond_rule;

// resp-cond-state alone, for tagged responses
IMAPKIT_RULE(resp_cond_state, "resp-cond-state", imapkit::resp_cond);
inline const auto resp_cond_state_rule_def =
    (cond_kw<status_kind::ok> | cond_kw<status_kind::no> | cond_kw<status_kind::bad>) > status_text;
IMAPKIT_DEFINE(resp_cond_state_rule)
inline const auto& resp_cond_state = resp_cond_state_rule;

// message-data = nz-number SP ("EXPUNGE" / ("FETCH" SP msg-att)) / uidfetch-resp (RFC 9586)
// mailbox-data =/ number SP "EXISTS" / number SP "RECENT"
IMAPKIT_RULE(numbered_data, "message-data", imapkit::untagged);
inline const auto numbered_data_rule_def =
    number[([](auto& ctx) { x3::_val(ctx).data = imapkit::exists_data{x3::_attr(ctx)}; })] >> sp >>
    ((whole_kw("EXISTS") >> x3::eps) | whole_kw("RECENT")[([](auto& ctx) {
       x3::_val(ctx).data =
           imapkit::recent_data{std::get<imapkit::exists_data>(x3::_val(ctx).data).count};
     })] |
     whole_kw("EXPUNGE")[([](auto& ctx) {
       // nz-number: on 0 the data stays as it is and the alternative fails
       const auto n = std::get<imapkit::exists_data>(x3::_val(ctx).data).count;
       x3::_pass(ctx) = n != 0;
       if (n != 0) x3::_val(ctx).data = imapkit::expunge_data{n};
     })] |
     (whole_kw("FETCH")[([](auto& ctx) {
        const auto n = std::get<imapkit::exists_data>(x3::_val(ctx).data).count;
        x3::_pass(ctx) = n != 0;
        if (n != 0) x3::_val(ctx).data = imapkit::fetch_data{n, {}};
      })] > sp > separately_compiled[msg_att_list_rule][([](auto& ctx) {
        std::get<imapkit::fetch_data>(x3::_val(ctx).data).attributes = x3::_attr(ctx);
      })]) |
     // uidfetch-resp = uniqueid SP "UIDFETCH" SP msg-att   (RFC 9586 UIDONLY)
     (whole_kw("UIDFETCH")[([](auto& ctx) {
        const auto n = std::get<imapkit::exists_data>(x3::_val(ctx).data).count;
        x3::_pass(ctx) = n != 0;
        if (n != 0) x3::_val(ctx).data = imapkit::fetch_data{n, {}, true};
      })] > sp > separately_compiled[msg_att_list_rule][([](auto& ctx) {
        std::get<imapkit::fetch_data>(x3::_val(ctx).data).attributes = x3::_attr(ctx);
      })]));
IMAPKIT_DEFINE(numbered_data_rule)
inline const auto& numbered_data = numbered_data_rule;

// Untagged data this library does not know, kept generic (lenient mode only):
// [number SP] atom *(SP value)
IMAPKIT_RULE(generic_data, "untagged data", imapkit::generic_data);
inline const auto generic_data_rule_def =
    -(number[([](auto& ctx) { x3::_val(ctx).number = x3::_attr(ctx); })] >> sp) >>
    atom[set_member<&imapkit::generic_data::name>] >>
    *(sp >> generic_value[push_member<&imapkit::generic_data::values>]);
IMAPKIT_DEFINE(generic_data_rule)
inline const auto& generic_data = generic_data_rule;

// response-data = "*" SP (resp-cond-state / resp-cond-bye / mailbox-data / message-data /
//                 capability-data / enable-data) CRLF, with the extensions' data
// mailbox-data = "FLAGS" SP flag-list / "LIST" SP mailbox-list / esearch-response /
//   "STATUS" SP mailbox SP "(" [status-att-list] ")" / number SP "EXISTS" /
//   namespace-response / obsolete-search-response / obsolete-recent-response
//   / "LSUB" SP mailbox-list (RFC 3501) / sort-data / thread-data (RFC 5256) /
//   quota-response / quotaroot-response (RFC 9208) / metadata-resp (RFC 5464) /
//   id-response (RFC 2971) / acl-data / listrights-data / myrights-data (RFC 4314) /
//   expunged-resp (RFC 7162)
// The mailbox data of RFC 9051 / RFC 3501 that starts with a keyword.
IMAPKIT_RULE(mailbox_data, "mailbox-data", imapkit::untagged);
inline const auto mailbox_data_rule_def =
    (whole_kw("CAPABILITY") > capability_data[set_untagged]) |
    (whole_kw("FLAGS") > sp > flags_data[set_untagged]) |
    (whole_kw("LIST") > sp > mailbox_list[set_untagged]) |
    (whole_kw("LSUB") > sp > mailbox_list[([](auto& ctx) {
       imapkit::mailbox_list l = x3::_attr(ctx);
       l.lsub = true;
       x3::_val(ctx).data = l;
     })]) |
    (whole_kw("STATUS") > sp > status_data[set_untagged]) |
    (whole_kw("SEARCH") > search_data[set_untagged]) |
    (whole_kw("ESEARCH") > esearch_response[set_untagged]) |
    (whole_kw("NAMESPACE") > sp > namespace_response[set_untagged]) |
    (whole_kw("ENABLED") > enable_data[set_untagged]);
IMAPKIT_DEFINE(mailbox_data_rule)

// The extensions' untagged data that starts with a keyword.
IMAPKIT_RULE(extension_data, "response-data", imapkit::untagged);
inline const auto extension_data_rule_def =
    (whole_kw("SORT") > sort_data[set_untagged]) |
    (whole_kw("THREAD") > thread_data[set_untagged]) |
    (whole_kw("QUOTAROOT") > sp > quotaroot_response[set_untagged]) |
    (whole_kw("QUOTA") > sp > quota_response[set_untagged]) |
    (whole_kw("METADATA") > sp > metadata_resp[set_untagged]) |
    (whole_kw("ID") > sp > id_response[set_untagged]) |
    (whole_kw("ACL") > sp > acl_data[set_untagged]) |
    (whole_kw("LISTRIGHTS") > sp > listrights_data[set_untagged]) |
    (whole_kw("MYRIGHTS") > sp > myrights_data[set_untagged]) |
    (whole_kw("VANISHED") > sp > expunged_resp[set_untagged]) |
    (whole_kw("JMAPACCESS") > sp > resp_jmapaccess[set_untagged]) |
    (whole_kw("GENURLAUTH") > genurlauth_data[set_untagged]) |
    (whole_kw("URLFETCH") > urlfetch_data[set_untagged]) |
    (whole_kw("LANGUAGE") > sp > language_data[set_untagged]) |
    (whole_kw("COMPARATOR") > sp > comparator_data[set_untagged]);
IMAPKIT_DEFINE(extension_data_rule)

inline constexpr auto copy_val = [](auto& ctx) { x3::_val(ctx) = x3::_attr(ctx); };

// response-data = "*" SP (resp-cond-state / resp-cond-bye / mailbox-data / message-data /
//                 capability-data / enable-data) CRLF, with the extensions' data
// mailbox-data = "FLAGS" SP flag-list / "LIST" SP mailbox-list / esearch-response /
//   "STATUS" SP mailbox SP "(" [status-att-list] ")" / number SP "EXISTS" /
//   namespace-response / obsolete-search-response / obsolete-recent-response
//   / "LSUB" SP mailbox-list (RFC 3501) / sort-data / thread-data (RFC 5256) /
//   quota-response / quotaroot-response (RFC 9208) / metadata-resp (RFC 5464) /
//   id-response (RFC 2971) / acl-data / listrights-data / myrights-data (RFC 4314) /
//   expunged-resp (RFC 7162) / resp-jmapaccess (RFC 9698) / genurlauth-data / urlfetch-data
//   (RFC 4467) / language-data / comparator-data (RFC 5255)
// The data that starts with a number (FETCH above all) is tried before the keyword alternatives,
// which all fail on its first octet: one failed alternative instead of twenty.
IMAPKIT_RULE(untagged, "response-data", imapkit::untagged);
inline const auto untagged_rule_def =
    resp_cond[set_untagged] | numbered_data[copy_val] | mailbox_data_rule[copy_val] |
    extension_data_rule[copy_val] |
    if_quirk<quirk::unknown_untagged_data>[generic_data[set_untagged]];
IMAPKIT_DEFINE(untagged_rule)
inline const auto& untagged = untagged_rule;

// response-tagged = tag SP resp-cond-state CRLF
IMAPKIT_RULE(tagged, "response-tagged", imapkit::tagged);
inline const auto tagged_rule_def =
    tag[([](auto& ctx) { x3::_val(ctx).tag = state(ctx).tag = x3::_attr(ctx); })] > sp >
    resp_cond_state[set_member<&imapkit::tagged::state>];
IMAPKIT_DEFINE(tagged_rule)
inline const auto& tagged = tagged_rule;

// continue-req = "+" SP (resp-text / base64) CRLF
// Lenient: "+" directly followed by CRLF. No tag starts with "+", so after it only a continue-req
// can follow: an error points after the "+".
IMAPKIT_RULE(continue_req, "continue-req", imapkit::continue_req);
inline const auto continue_req_rule_def =
    x3::lit('+') >
    ((sp >> resp_text[([](auto& ctx) {
        x3::_val(ctx).text = x3::_attr(ctx);
        x3::_val(ctx).is_base64 = !x3::_attr(ctx).code && abnf::is_base64(x3::_attr(ctx).text);
      })]) |
     if_quirk<quirk::bare_continuation>[&crlf]
                                       [([](auto& ctx) { x3::_val(ctx).is_base64 = true; })]);
IMAPKIT_DEFINE(continue_req_rule)
inline const auto& continue_req = continue_req_rule;

// Lenient: spaces before the CRLF that ends a response ("* SEARCH 1 2 \r\n").
inline const auto trailing_spaces = -(&sp >> if_quirk<quirk::trailing_spaces>[+sp >> &crlf]);

// response = continue-req / response-data / response-tagged / response-fatal (one message)
IMAPKIT_RULE(response, "response", imapkit::response);
inline const auto response_rule_def =
    (continue_req[([](auto& ctx) { x3::_val(ctx).value = x3::_attr(ctx); })] |
     (x3::lit('*') > sp > more_lenient_spaces >
      untagged[([](auto& ctx) { x3::_val(ctx).value = x3::_attr(ctx); })]) |
     tagged[([](auto& ctx) { x3::_val(ctx).value = x3::_attr(ctx); })]) > trailing_spaces > crlf;
IMAPKIT_DEFINE(response_rule)
inline const auto& response = response_rule;

}  // namespace imapkit::grammar
