// resp-text and resp-text-code (RFC 9051 §7.1 / §9, RFC 3501 §7.1, RFC 5530, RFC 4315 UIDPLUS,
// RFC 7162 CONDSTORE/QRESYNC, RFC 8474 OBJECTID, RFC 5464 METADATA, RFC 4978 COMPRESS, RFC 4469
// CATENATE, RFC 4467 URLAUTH, RFC 5255 COMPARATOR, RFC 5466 FILTERS, RFC 9585 INPROGRESS,
// RFC 9586 UIDONLY, RFC 9738 MESSAGELIMIT).
#pragma once

#include <boost/describe/class.hpp>
#include <cstdint>
#include <iterator>
#include <optional>
#include <string_view>
#include <variant>

#include "imapkit/ast/lexical.hpp"
#include "imapkit/list.hpp"
#include "imapkit/string.hpp"

namespace imapkit {

// Which resp-text-code a resp_text_code is. resp_code_names says each one's keyword and argument;
// `other` is the generic form `atom [SP 1*<any TEXT-CHAR except "]">]` for codes the grammar
// does not know.
enum class resp_code_kind : std::uint8_t {
  // RFC 9051 / RFC 3501
  alert,
  badcharset,
  capability,
  parse,
  permanentflags,
  read_only,
  read_write,
  trycreate,
  uidnext,
  uidvalidity,
  unseen,       // RFC 3501 only
  closed,       // RFC 9051 / RFC 7162 QRESYNC
  unknown_cte,  // RFC 3516 / RFC 9051
  // RFC 4315 UIDPLUS
  appenduid,
  copyuid,
  uidnotsticky,
  // RFC 5530
  unavailable,
  authenticationfailed,
  authorizationfailed,
  expired,
  privacyrequired,
  contactadmin,
  noperm,
  inuse,
  expungeissued,
  corruption,
  serverbug,
  clientbug,
  cannot,
  limit,
  overquota,
  alreadyexists,
  nonexistent,
  // RFC 9051 additions
  notsaved,
  haschildren,
  // RFC 7162 CONDSTORE / QRESYNC
  highestmodseq,
  nomodseq,
  modified,
  // RFC 8474 OBJECTID
  mailboxid,
  // RFC 5464 METADATA: [METADATA LONGENTRIES n] / [METADATA MAXSIZE n] / TOOMANY / NOPRIVATE
  metadata_longentries,
  metadata_maxsize,
  metadata_toomany,
  metadata_noprivate,
  // RFC 4978 COMPRESS
  compressionactive,
  // RFC 6154 SPECIAL-USE
  useattr,
  // RFC 4469 CATENATE
  toobig,
  badurl,
  // RFC 4467 URLAUTH
  urlmech,
  // RFC 5255 COMPARATOR
  badcomparator,
  // RFC 5466 FILTERS
  undefined_filter,
  // RFC 9585 INPROGRESS
  inprogress,
  // RFC 9586 UIDONLY
  uidrequired,
  // RFC 9738 MESSAGELIMIT
  messagelimit,
  // RFC 5257 ANNOTATE-EXPERIMENT-1: [ANNOTATE TOOBIG] / [ANNOTATE TOOMANY] / [ANNOTATIONS ann-size]
  annotate_toobig,
  annotate_toomany,
  annotations,
  // anything else: name and text
  other,
};

// What follows a code's keyword, as the grammar reads it. Each names the alternative of
// resp_text_code::arg that holds it (resp_code_arg_alternative).
enum class resp_code_arg : std::uint8_t {
  none,                // std::monostate
  charsets,            // resp_code_charsets: [SP "(" charset *(SP charset) ")"]
  capabilities,        // resp_code_capabilities: *(SP capability)
  flags,               // resp_code_flags: SP "(" [flag-perm *(SP flag-perm)] ")"
  nz_number,           // resp_code_number
  number,              // resp_code_number, 0 allowed
  mod_sequence_value,  // resp_code_number (RFC 7162)
  appenduid,           // resp_code_appenduid: SP nz-number SP append-uid
  copyuid,             // resp_code_copyuid: SP nz-number SP uid-set SP uid-set
  set,                 // resp_code_set: SP sequence-set
  objectid,            // resp_code_objectid: SP "(" objectid ")"
  url_text,            // resp_code_text: SP url-resp-text (1*<TEXT-CHAR except "]">, RFC 4469)
  filter_name,         // resp_code_text: SP filter-name (1*<ATOM-CHAR except "/">, RFC 5466)
  urlmech,             // resp_code_urlmech: SP "INTERNAL" *(SP mechanism ["=" base64])
  inprogress,          // resp_code_inprogress: [SP "(" tag SP count SP total ")"]
  messagelimit,        // resp_code_messagelimit: SP nz-number [SP uniqueid]
  annotations,         // resp_code_annotations: SP ann-size (RFC 5257)
  text,                // other: std::monostate, or resp_code_text: SP 1*<TEXT-CHAR except "]">
};

// One row per resp_code_kind, in the enum's order: the one place that spells each code.
struct resp_code_name {
  resp_code_kind kind;
  std::string_view keyword;  // upper case, as written ("READ-ONLY", "METADATA LONGENTRIES");
                             // "other" for the generic form, whose is_keyword is false
  resp_code_arg arg;
  bool is_keyword = true;

  // The keyword's first word: the keyword itself but for METADATA's codes ("METADATA").
  constexpr std::string_view head() const noexcept { return keyword.substr(0, keyword.find(' ')); }
  // What follows the first word and its SP ("LONGENTRIES"); empty for a one-word keyword.
  constexpr std::string_view tail() const noexcept {
    const std::size_t sp = keyword.find(' ');
    return sp == std::string_view::npos ? std::string_view{} : keyword.substr(sp + 1);
  }
};

inline constexpr resp_code_name resp_code_names[] = {
    {resp_code_kind::alert, "ALERT", resp_code_arg::none},
    {resp_code_kind::badcharset, "BADCHARSET", resp_code_arg::charsets},
    {resp_code_kind::capability, "CAPABILITY", resp_code_arg::capabilities},
    {resp_code_kind::parse, "PARSE", resp_code_arg::none},
    {resp_code_kind::permanentflags, "PERMANENTFLAGS", resp_code_arg::flags},
    {resp_code_kind::read_only, "READ-ONLY", resp_code_arg::none},
    {resp_code_kind::read_write, "READ-WRITE", resp_code_arg::none},
    {resp_code_kind::trycreate, "TRYCREATE", resp_code_arg::none},
    {resp_code_kind::uidnext, "UIDNEXT", resp_code_arg::nz_number},
    {resp_code_kind::uidvalidity, "UIDVALIDITY", resp_code_arg::nz_number},
    {resp_code_kind::unseen, "UNSEEN", resp_code_arg::nz_number},
    {resp_code_kind::closed, "CLOSED", resp_code_arg::none},
    {resp_code_kind::unknown_cte, "UNKNOWN-CTE", resp_code_arg::none},
    {resp_code_kind::appenduid, "APPENDUID", resp_code_arg::appenduid},
    {resp_code_kind::copyuid, "COPYUID", resp_code_arg::copyuid},
    {resp_code_kind::uidnotsticky, "UIDNOTSTICKY", resp_code_arg::none},
    {resp_code_kind::unavailable, "UNAVAILABLE", resp_code_arg::none},
    {resp_code_kind::authenticationfailed, "AUTHENTICATIONFAILED", resp_code_arg::none},
    {resp_code_kind::authorizationfailed, "AUTHORIZATIONFAILED", resp_code_arg::none},
    {resp_code_kind::expired, "EXPIRED", resp_code_arg::none},
    {resp_code_kind::privacyrequired, "PRIVACYREQUIRED", resp_code_arg::none},
    {resp_code_kind::contactadmin, "CONTACTADMIN", resp_code_arg::none},
    {resp_code_kind::noperm, "NOPERM", resp_code_arg::none},
    {resp_code_kind::inuse, "INUSE", resp_code_arg::none},
    {resp_code_kind::expungeissued, "EXPUNGEISSUED", resp_code_arg::none},
    {resp_code_kind::corruption, "CORRUPTION", resp_code_arg::none},
    {resp_code_kind::serverbug, "SERVERBUG", resp_code_arg::none},
    {resp_code_kind::clientbug, "CLIENTBUG", resp_code_arg::none},
    {resp_code_kind::cannot, "CANNOT", resp_code_arg::none},
    {resp_code_kind::limit, "LIMIT", resp_code_arg::none},
    {resp_code_kind::overquota, "OVERQUOTA", resp_code_arg::none},
    {resp_code_kind::alreadyexists, "ALREADYEXISTS", resp_code_arg::none},
    {resp_code_kind::nonexistent, "NONEXISTENT", resp_code_arg::none},
    {resp_code_kind::notsaved, "NOTSAVED", resp_code_arg::none},
    {resp_code_kind::haschildren, "HASCHILDREN", resp_code_arg::none},
    {resp_code_kind::highestmodseq, "HIGHESTMODSEQ", resp_code_arg::mod_sequence_value},
    {resp_code_kind::nomodseq, "NOMODSEQ", resp_code_arg::none},
    {resp_code_kind::modified, "MODIFIED", resp_code_arg::set},
    {resp_code_kind::mailboxid, "MAILBOXID", resp_code_arg::objectid},
    {resp_code_kind::metadata_longentries, "METADATA LONGENTRIES", resp_code_arg::number},
    {resp_code_kind::metadata_maxsize, "METADATA MAXSIZE", resp_code_arg::number},
    {resp_code_kind::metadata_toomany, "METADATA TOOMANY", resp_code_arg::none},
    {resp_code_kind::metadata_noprivate, "METADATA NOPRIVATE", resp_code_arg::none},
    {resp_code_kind::compressionactive, "COMPRESSIONACTIVE", resp_code_arg::none},
    {resp_code_kind::useattr, "USEATTR", resp_code_arg::none},
    {resp_code_kind::toobig, "TOOBIG", resp_code_arg::none},
    {resp_code_kind::badurl, "BADURL", resp_code_arg::url_text},
    {resp_code_kind::urlmech, "URLMECH", resp_code_arg::urlmech},
    {resp_code_kind::badcomparator, "BADCOMPARATOR", resp_code_arg::none},
    {resp_code_kind::undefined_filter, "UNDEFINED-FILTER", resp_code_arg::filter_name},
    {resp_code_kind::inprogress, "INPROGRESS", resp_code_arg::inprogress},
    {resp_code_kind::uidrequired, "UIDREQUIRED", resp_code_arg::none},
    {resp_code_kind::messagelimit, "MESSAGELIMIT", resp_code_arg::messagelimit},
    {resp_code_kind::annotate_toobig, "ANNOTATE TOOBIG", resp_code_arg::none},
    {resp_code_kind::annotate_toomany, "ANNOTATE TOOMANY", resp_code_arg::none},
    {resp_code_kind::annotations, "ANNOTATIONS", resp_code_arg::annotations},
    {resp_code_kind::other, "other", resp_code_arg::text, false},
};

constexpr bool resp_code_names_in_enum_order() {
  for (std::size_t i = 0; i < std::size(resp_code_names); ++i)
    if (static_cast<std::size_t>(resp_code_names[i].kind) != i) return false;
  return std::size(resp_code_names) == static_cast<std::size_t>(resp_code_kind::other) + 1;
}
static_assert(resp_code_names_in_enum_order(), "one row per resp_code_kind, in order");

constexpr const resp_code_name& name_of(resp_code_kind kind) noexcept {
  const auto i = static_cast<std::size_t>(kind);
  return resp_code_names[i < std::size(resp_code_names) ? i : std::size(resp_code_names) - 1];
}

// The upper-case name of a code kind ("READ-ONLY", "METADATA LONGENTRIES"); "other" for other.
constexpr std::string_view to_string(resp_code_kind kind) noexcept { return name_of(kind).keyword; }

// The arguments of response codes, one struct per form (resp_code_arg names which code takes
// which).
struct resp_code_charsets {
  list<imapkit::string> charsets;  // charset = atom / quoted; may be empty
  friend bool operator==(const resp_code_charsets&, const resp_code_charsets&) = default;
};
BOOST_DESCRIBE_STRUCT(resp_code_charsets, (), (charsets))

struct resp_code_capabilities {
  list<std::string_view> capabilities;
  friend bool operator==(const resp_code_capabilities&, const resp_code_capabilities&) = default;
};
BOOST_DESCRIBE_STRUCT(resp_code_capabilities, (), (capabilities))

struct resp_code_flags {
  list<imapkit::flag> flags;  // flag-perm: "\*" included
  friend bool operator==(const resp_code_flags&, const resp_code_flags&) = default;
};
BOOST_DESCRIBE_STRUCT(resp_code_flags, (), (flags))

// UIDNEXT UIDVALIDITY UNSEEN HIGHESTMODSEQ, METADATA LONGENTRIES / MAXSIZE
struct resp_code_number {
  std::uint64_t number = 0;
  friend bool operator==(const resp_code_number&, const resp_code_number&) = default;
};
BOOST_DESCRIBE_STRUCT(resp_code_number, (), (number))

struct resp_code_appenduid {
  std::uint64_t uidvalidity = 0;
  sequence_set uids;  // the appended UIDs
  friend bool operator==(const resp_code_appenduid&, const resp_code_appenduid&) = default;
};
BOOST_DESCRIBE_STRUCT(resp_code_appenduid, (), (uidvalidity, uids))

struct resp_code_copyuid {
  std::uint64_t uidvalidity = 0;
  sequence_set source_uids;
  sequence_set uids;  // the destination UIDs
  friend bool operator==(const resp_code_copyuid&, const resp_code_copyuid&) = default;
};
BOOST_DESCRIBE_STRUCT(resp_code_copyuid, (), (uidvalidity, source_uids, uids))

// MODIFIED: message numbers or UIDs
struct resp_code_set {
  sequence_set set;
  friend bool operator==(const resp_code_set&, const resp_code_set&) = default;
};
BOOST_DESCRIBE_STRUCT(resp_code_set, (), (set))

struct resp_code_objectid {
  std::string_view objectid;
  friend bool operator==(const resp_code_objectid&, const resp_code_objectid&) = default;
};
BOOST_DESCRIBE_STRUCT(resp_code_objectid, (), (objectid))

// "URLMECH" SP "INTERNAL" *(SP mechanism ["=" base64])   (RFC 4467 §9)
struct url_mechanism {
  std::string_view name;    // mechanism = "INTERNAL" / 1*(ALPHA / DIGIT / "-" / ".")
  bool has_access = false;  // "=" base64 given (it may be empty)
  std::string_view access;  // the base64 after "="
  friend bool operator==(const url_mechanism&, const url_mechanism&) = default;
};
BOOST_DESCRIBE_STRUCT(url_mechanism, (), (name, has_access, access))

struct resp_code_urlmech {
  list<url_mechanism> mechanisms;  // those after "INTERNAL", which every URLMECH names first
  friend bool operator==(const resp_code_urlmech&, const resp_code_urlmech&) = default;
};
BOOST_DESCRIBE_STRUCT(resp_code_urlmech, (), (mechanisms))

// "INPROGRESS" [SP "(" inprogress-tag SP inprogress-state ")"]   (RFC 9585 §5)
// inprogress-tag = quoted / nil; inprogress-state = nil SP nil / number SP nil / number SP
// nz-number
struct resp_code_inprogress {
  bool has_state = false;              // the parenthesized part was given
  imapkit::string tag;                 // the command's tag (quoted) or NIL
  std::optional<std::uint32_t> count;  // items done; NIL when unknown
  std::optional<std::uint32_t> total;  // the goal; NIL when unknown (never without count)
  friend bool operator==(const resp_code_inprogress&, const resp_code_inprogress&) = default;
};
BOOST_DESCRIBE_STRUCT(resp_code_inprogress, (), (has_state, tag, count, total))

// "MESSAGELIMIT" SP message-limit [SP uniqueid]   (RFC 9738 §5)
struct resp_code_messagelimit {
  std::uint32_t limit = 0;           // nz-number: messages any command processes at most
  std::optional<std::uint32_t> uid;  // the last (lowest) UID processed, when known
  friend bool operator==(const resp_code_messagelimit&, const resp_code_messagelimit&) = default;
};
BOOST_DESCRIBE_STRUCT(resp_code_messagelimit, (), (limit, uid))

// "ANNOTATIONS" SP ann-size; ann-size = "NONE" / (("READ-ONLY" / nz-number) [SP "NOPRIVATE"])
// (RFC 5257 §5): how a mailbox takes annotations. Exactly one of none, read_only and a max_size.
struct resp_code_annotations {
  bool none = false;           // "NONE": no annotations at all
  bool read_only = false;      // "READ-ONLY": annotations cannot be changed
  std::uint32_t max_size = 0;  // nz-number: the largest annotation value, in octets
  bool noprivate = false;      // "NOPRIVATE": no private annotations
  friend bool operator==(const resp_code_annotations&, const resp_code_annotations&) = default;
};
BOOST_DESCRIBE_STRUCT(resp_code_annotations, (), (none, read_only, max_size, noprivate))

// The text of an unknown code: 1*<any TEXT-CHAR except "]">, never empty. Also BADURL's
// url-resp-text and UNDEFINED-FILTER's filter-name.
struct resp_code_text {
  std::string_view text;
  friend bool operator==(const resp_code_text&, const resp_code_text&) = default;
};
BOOST_DESCRIBE_STRUCT(resp_code_text, (), (text))

using resp_code_argument =
    std::variant<std::monostate, resp_code_charsets, resp_code_capabilities, resp_code_flags,
                 resp_code_number, resp_code_appenduid, resp_code_copyuid, resp_code_set,
                 resp_code_objectid, resp_code_text, resp_code_urlmech, resp_code_inprogress,
                 resp_code_messagelimit, resp_code_annotations>;

// The alternative of resp_code_argument that holds an argument of this form (`text`: an unknown
// code without text holds std::monostate).
constexpr std::size_t resp_code_arg_alternative(resp_code_arg arg) noexcept {
  switch (arg) {
    case resp_code_arg::none:
      return 0;
    case resp_code_arg::charsets:
      return 1;
    case resp_code_arg::capabilities:
      return 2;
    case resp_code_arg::flags:
      return 3;
    case resp_code_arg::nz_number:
    case resp_code_arg::number:
    case resp_code_arg::mod_sequence_value:
      return 4;
    case resp_code_arg::appenduid:
      return 5;
    case resp_code_arg::copyuid:
      return 6;
    case resp_code_arg::set:
      return 7;
    case resp_code_arg::objectid:
      return 8;
    case resp_code_arg::url_text:
    case resp_code_arg::filter_name:
    case resp_code_arg::text:
      return 9;
    case resp_code_arg::urlmech:
      return 10;
    case resp_code_arg::inprogress:
      return 11;
    case resp_code_arg::messagelimit:
      return 12;
    case resp_code_arg::annotations:
      return 13;
  }
  return 0;
}

// resp-text-code: which code, its name as it arrived, and its argument, whose alternative is the
// one resp_code_arg_alternative(name_of(kind).arg) names.
struct resp_text_code {
  resp_code_kind kind = resp_code_kind::other;
  std::string_view name;  // the code's atom as it arrived ("ALERT", "X-FOO", "METADATA", ...)
  resp_code_argument arg;

  friend bool operator==(const resp_text_code&, const resp_text_code&) = default;
};
BOOST_DESCRIBE_STRUCT(resp_text_code, (), (kind, name, arg))

// resp-text = ["[" resp-text-code "]" SP] [text]   (RFC 9051: the text may be empty)
struct resp_text {
  std::optional<resp_text_code> code;
  std::string_view text;

  friend bool operator==(const resp_text&, const resp_text&) = default;
};
BOOST_DESCRIBE_STRUCT(resp_text, (), (code, text))

}  // namespace imapkit
