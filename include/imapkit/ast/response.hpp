// A server response (RFC 9051 §7 / §9, RFC 3501 §7 / §9): a continuation request, a tagged
// status response, or untagged data. What parse_response returns.
#pragma once

#include <boost/describe/class.hpp>
#include <cstdint>
#include <optional>
#include <string_view>
#include <variant>

#include "imapkit/ast/fetch.hpp"
#include "imapkit/ast/keywords.hpp"
#include "imapkit/ast/lexical.hpp"
#include "imapkit/ast/mailbox_data.hpp"
#include "imapkit/ast/resp_text_code.hpp"

namespace imapkit {

// The condition of a status response: resp-cond-state ("OK" / "NO" / "BAD"), resp-cond-auth
// ("OK" / "PREAUTH") and resp-cond-bye ("BYE").
enum class status_kind : std::uint8_t { ok, no, bad, preauth, bye };

inline constexpr keyword_row<status_kind> status_kind_names[] = {
    {status_kind::ok, "OK"},           {status_kind::no, "NO"},   {status_kind::bad, "BAD"},
    {status_kind::preauth, "PREAUTH"}, {status_kind::bye, "BYE"},
};
static_assert(rows_in_enum_order(status_kind_names,
                                 static_cast<std::size_t>(status_kind::bye) + 1));

// "OK", "NO", "BAD", "PREAUTH", "BYE"
constexpr std::string_view to_string(status_kind kind) noexcept {
  return row_of(status_kind_names, kind).keyword;
}

// resp-cond-state / resp-cond-auth / resp-cond-bye = status SP resp-text
struct resp_cond {
  status_kind status = status_kind::ok;
  resp_text text;
  friend bool operator==(const resp_cond&, const resp_cond&) = default;
};
BOOST_DESCRIBE_STRUCT(resp_cond, (), (status, text))

// message-data = nz-number SP "FETCH" SP msg-att
// uidfetch-resp = uniqueid SP "UIDFETCH" SP msg-att   (RFC 9586 UIDONLY: number is the UID)
struct fetch_data {
  std::uint32_t number = 0;
  msg_att_list attributes;
  bool uidfetch = false;  // "UIDFETCH": number is the message's UID, not its sequence number
  friend bool operator==(const fetch_data&, const fetch_data&) = default;
};
BOOST_DESCRIBE_STRUCT(fetch_data, (), (number, attributes, uidfetch))

// response-data = "*" SP (resp-cond-state / resp-cond-bye / mailbox-data / message-data /
//                 capability-data / enable-data) CRLF
// greeting = "*" SP (resp-cond-auth / resp-cond-bye) CRLF   (an untagged OK / PREAUTH / BYE)
// with the extensions' untagged responses, and generic_data for unknown ones (lenient mode).
using untagged_data =
    std::variant<resp_cond, capability_data, enable_data, flags_data, mailbox_list, status_data,
                 search_data, esearch_data, sort_data, thread_data, exists_data, recent_data,
                 namespace_data, quota_data, quotaroot_data, metadata_data, id_data, acl_data,
                 listrights_data, myrights_data, expunge_data, vanished_data, fetch_data,
                 jmapaccess_data, genurlauth_data, urlfetch_data, language_data, comparator_data,
                 generic_data>;

// The keywords that name untagged data besides the status responses (status_kind_names), with
// whether a number comes before the keyword ("* 5 EXISTS"): the names a generic_data may not
// have, or it would be read back as known data.
struct untagged_keyword_row {
  std::string_view keyword;
  bool after_number = false;
  bool is_keyword = true;
};
inline constexpr untagged_keyword_row untagged_data_keywords[] = {
    {"CAPABILITY"},   {"ENABLED"},       {"FLAGS"},       {"LIST"},           {"LSUB"},
    {"STATUS"},       {"SEARCH"},        {"ESEARCH"},     {"SORT"},           {"THREAD"},
    {"NAMESPACE"},    {"QUOTA"},         {"QUOTAROOT"},   {"METADATA"},       {"ID"},
    {"ACL"},          {"LISTRIGHTS"},    {"MYRIGHTS"},    {"VANISHED"},       {"EXISTS", true},
    {"RECENT", true}, {"EXPUNGE", true}, {"FETCH", true}, {"UIDFETCH", true}, {"JMAPACCESS"},
    {"GENURLAUTH"},   {"URLFETCH"},      {"LANGUAGE"},    {"COMPARATOR"},
};

struct untagged {
  untagged_data data;
  friend bool operator==(const untagged&, const untagged&) = default;
};
BOOST_DESCRIBE_STRUCT(untagged, (), (data))

// response-tagged = tag SP resp-cond-state CRLF
struct tagged {
  std::string_view tag;
  resp_cond state;  // status is ok, no or bad
  friend bool operator==(const tagged&, const tagged&) = default;
};
BOOST_DESCRIBE_STRUCT(tagged, (), (tag, state))

// continue-req = "+" SP (resp-text / base64) CRLF
// The two forms overlap ("+ aGVsbG8=" is both): the text is always given as resp-text, and
// is_base64 says whether it is also a well-formed base64 (SASL challenges; an empty text is the
// empty challenge).
struct continue_req {
  resp_text text;
  bool is_base64 = false;
  friend bool operator==(const continue_req&, const continue_req&) = default;
};
BOOST_DESCRIBE_STRUCT(continue_req, (), (text, is_base64))

// response = continue-req / response-data / response-tagged / response-fatal (one message)
struct response {
  std::variant<continue_req, untagged, tagged> value;

  bool is_continuation() const noexcept { return value.index() == 0; }
  bool is_untagged() const noexcept { return value.index() == 1; }
  bool is_tagged() const noexcept { return value.index() == 2; }
  friend bool operator==(const response&, const response&) = default;
};
BOOST_DESCRIBE_STRUCT(response, (), (value))

}  // namespace imapkit
