// Untagged data about the server and its mailboxes (RFC 9051 §7.2-§7.4 / §9, RFC 3501 §7.2,
// and the extensions' responses): CAPABILITY, ENABLED, FLAGS, LIST / LSUB, STATUS, SEARCH,
// ESEARCH, SORT, THREAD, EXISTS, RECENT, NAMESPACE, QUOTA, QUOTAROOT, METADATA, ID, ACL,
// LISTRIGHTS, MYRIGHTS, EXPUNGE and VANISHED.
#pragma once

#include <boost/describe/class.hpp>
#include <boost/describe/enum.hpp>
#include <cstdint>
#include <optional>
#include <string_view>

#include "imapkit/ast/keywords.hpp"
#include "imapkit/ast/lexical.hpp"
#include "imapkit/ast/search.hpp"
#include "imapkit/error.hpp"
#include "imapkit/list.hpp"
#include "imapkit/string.hpp"

namespace imapkit {

// capability-data = "CAPABILITY" *(SP capability) SP ("IMAP4rev2" / "IMAP4rev1") *(SP capability)
// capability = ("AUTH=" auth-type) / atom
struct capability_data {
  list<std::string_view> capabilities;
  friend bool operator==(const capability_data&, const capability_data&) = default;
};
BOOST_DESCRIBE_STRUCT(capability_data, (), (capabilities))

// enable-data = "ENABLED" *(SP capability)   (RFC 5161, RFC 9051)
struct enable_data {
  list<std::string_view> capabilities;
  friend bool operator==(const enable_data&, const enable_data&) = default;
};
BOOST_DESCRIBE_STRUCT(enable_data, (), (capabilities))

// "FLAGS" SP flag-list
struct flags_data {
  list<imapkit::flag> flags;
  friend bool operator==(const flags_data&, const flags_data&) = default;
};
BOOST_DESCRIBE_STRUCT(flags_data, (), (flags))

// mbox-list-extended-item = mbox-list-extended-item-tag SP tagged-ext-val   (RFC 5258, RFC 9051)
// The value is kept in its generic form; the items this library knows are also given typed:
// CHILDINFO's selection options and OLDNAME's mailbox.
enum class list_extended_kind : std::uint8_t { other, childinfo, oldname };
BOOST_DESCRIBE_ENUM(list_extended_kind, other, childinfo, oldname)
struct list_extended_item {
  list_extended_kind kind = list_extended_kind::other;
  imapkit::string tag;              // mbox-list-extended-item-tag (astring)
  generic_value value;              // tagged-ext-val
  list<imapkit::string> childinfo;  // CHILDINFO ("SUBSCRIBED" ...)
  imapkit::mailbox old_name;        // OLDNAME (mailbox)
  friend bool operator==(const list_extended_item&, const list_extended_item&) = default;
};
BOOST_DESCRIBE_STRUCT(list_extended_item, (), (kind, tag, value, childinfo, old_name))

// A LIST attribute that nothing reads ("\\Mar"ked"", a lone "\\"), kept by quirk::item_recovery:
// where it stood (before flags[position]), its bytes as sent, and why it did not parse (offset
// from its first byte).
struct invalid_list_attribute {
  std::size_t position = 0;
  std::string_view bytes;
  parse_error error;
  // The error is a diagnosis, not part of the value (as fetch_invalid's).
  friend bool operator==(const invalid_list_attribute& a,
                         const invalid_list_attribute& b) noexcept {
    return a.position == b.position && a.bytes == b.bytes;
  }
};
BOOST_DESCRIBE_STRUCT(invalid_list_attribute, (), (position, bytes, error))

// "LIST" SP mailbox-list / "LSUB" SP mailbox-list (RFC 3501)
// mailbox-list = "(" [mbx-list-flags] ")" SP (DQUOTE QUOTED-CHAR DQUOTE / nil) SP mailbox
//                [SP mbox-list-extended]
struct mailbox_list {
  bool lsub = false;              // LSUB rather than LIST
  list<imapkit::flag> flags;      // mbx-list-flags, as written (\HasChildren, \Noselect ...)
  std::optional<char> delimiter;  // the hierarchy delimiter; NIL: flat
  imapkit::mailbox mailbox;
  list<list_extended_item> extended;  // mbox-list-extended
  // Lenient: the attributes nothing reads, in the order sent; empty in strict mode.
  list<invalid_list_attribute> invalid_attributes;
  friend bool operator==(const mailbox_list&, const mailbox_list&) = default;
};
BOOST_DESCRIBE_STRUCT(mailbox_list, (),
                      (lsub, flags, delimiter, mailbox, extended, invalid_attributes))

// status-att-val (RFC 9051, RFC 3501's RECENT, RFC 7162 HIGHESTMODSEQ, RFC 8438 SIZE,
// RFC 7889 APPENDLIMIT, RFC 8474 MAILBOXID, RFC 9051 DELETED, RFC 9208 DELETED-STORAGE).
enum class status_att : std::uint8_t {
  messages,
  recent,
  uidnext,
  uidvalidity,
  unseen,
  deleted,
  size,
  highestmodseq,
  appendlimit,  // number, or NIL (no limit for this mailbox): is_nil
  mailboxid,    // text = objectid
  deleted_storage,
  other,  // name, number (an unknown attribute with a number64 value)
};

inline constexpr keyword_row<status_att> status_att_names[] = {
    {status_att::messages, "MESSAGES"},
    {status_att::recent, "RECENT"},
    {status_att::uidnext, "UIDNEXT"},
    {status_att::uidvalidity, "UIDVALIDITY"},
    {status_att::unseen, "UNSEEN"},
    {status_att::deleted, "DELETED"},
    {status_att::size, "SIZE"},
    {status_att::highestmodseq, "HIGHESTMODSEQ"},
    {status_att::appendlimit, "APPENDLIMIT"},
    {status_att::mailboxid, "MAILBOXID"},
    {status_att::deleted_storage, "DELETED-STORAGE"},
    {status_att::other, "", false},
};
static_assert(rows_in_enum_order(status_att_names,
                                 static_cast<std::size_t>(status_att::other) + 1));

// The attribute's name as written on the wire ("MESSAGES", "DELETED-STORAGE"); empty for other.
constexpr std::string_view to_string(status_att att) noexcept {
  return row_of(status_att_names, att).keyword;
}

struct status_att_val {
  status_att att = status_att::other;
  std::string_view name;  // the attribute as written
  std::uint64_t number = 0;
  std::string_view text;  // MAILBOXID's objectid
  bool is_nil = false;    // APPENDLIMIT NIL
  // An attribute whose value nothing reads ("UIDNEXT x"), kept by quirk::item_recovery: its
  // bytes as sent (name SP value) and why the value did not parse (offset from the first byte);
  // att is other. Empty for every other attribute.
  std::string_view invalid_bytes;
  parse_error error;
  bool is_invalid() const noexcept { return !invalid_bytes.empty(); }
  // The error is a diagnosis, not part of the value (as fetch_invalid's).
  friend bool operator==(const status_att_val& a, const status_att_val& b) noexcept {
    return a.att == b.att && a.name == b.name && a.number == b.number && a.text == b.text &&
           a.is_nil == b.is_nil && a.invalid_bytes == b.invalid_bytes;
  }
};
BOOST_DESCRIBE_STRUCT(status_att_val, (), (att, name, number, text, is_nil, invalid_bytes, error))

// "STATUS" SP mailbox SP "(" [status-att-list] ")"
struct status_data {
  imapkit::mailbox mailbox;
  list<status_att_val> attributes;
  friend bool operator==(const status_data&, const status_data&) = default;
};
BOOST_DESCRIBE_STRUCT(status_data, (), (mailbox, attributes))

// mailbox-data =/ "SEARCH" *(SP nz-number) [SP search-sort-mod-seq]   (RFC 3501, RFC 7162)
// search-sort-mod-seq = "(" "MODSEQ" SP mod-sequence-value ")"
struct search_data {
  list<std::uint32_t> numbers;
  std::optional<std::uint64_t> modseq;
  friend bool operator==(const search_data&, const search_data&) = default;
};
BOOST_DESCRIBE_STRUCT(search_data, (), (numbers, modseq))

// sort-data = "SORT" *(SP nz-number) [SP search-sort-mod-seq]   (RFC 5256, RFC 7162)
struct sort_data {
  list<std::uint32_t> numbers;
  std::optional<std::uint64_t> modseq;
  friend bool operator==(const sort_data&, const sort_data&) = default;
};
BOOST_DESCRIBE_STRUCT(sort_data, (), (numbers, modseq))

// search-return-data (RFC 4731, RFC 9051, RFC 7162 MODSEQ, RFC 9394 PARTIAL, RFC 5267
// ADDTO / REMOVEFROM); anything else is search-ret-data-ext, kept as a generic value.
enum class search_return_data_kind : std::uint8_t {
  min,      // number
  max,      // number
  all,      // set
  count,    // number
  modseq,   // number
  partial,  // range, set (empty with is_nil for NIL)
  addto,    // context updates: value holds the generic form ("(" position SP set ... ")")
  removefrom,
  other,  // name + value
};

inline constexpr keyword_row<search_return_data_kind> search_return_data_names[] = {
    {search_return_data_kind::min, "MIN"},
    {search_return_data_kind::max, "MAX"},
    {search_return_data_kind::all, "ALL"},
    {search_return_data_kind::count, "COUNT"},
    {search_return_data_kind::modseq, "MODSEQ"},
    {search_return_data_kind::partial, "PARTIAL"},
    {search_return_data_kind::addto, "ADDTO"},
    {search_return_data_kind::removefrom, "REMOVEFROM"},
    {search_return_data_kind::other, "", false},
};
static_assert(rows_in_enum_order(search_return_data_names,
                                 static_cast<std::size_t>(search_return_data_kind::other) + 1));

// "MIN", "PARTIAL", ...; empty for other.
constexpr std::string_view to_string(search_return_data_kind kind) noexcept {
  return row_of(search_return_data_names, kind).keyword;
}

struct search_return_data {
  search_return_data_kind kind = search_return_data_kind::other;
  std::string_view name;  // the return data's name as written
  std::uint64_t number = 0;
  sequence_set set;
  imapkit::partial_range range;  // PARTIAL's range: 1:100, or -1:-100 (from_end)
  bool is_nil = false;           // PARTIAL (... NIL): no results in the range
  generic_value value;           // the value of ADDTO / REMOVEFROM / an unknown item
  // A return data whose value nothing reads ("MIN" with no value before CRLF), kept by
  // quirk::item_recovery: its bytes as sent (name [SP value]) and why the value did not parse
  // (offset from the first byte); kind is other. Empty for every other return data.
  std::string_view invalid_bytes;
  parse_error error;
  bool is_invalid() const noexcept { return !invalid_bytes.empty(); }
  // The error is a diagnosis, not part of the value (as fetch_invalid's).
  friend bool operator==(const search_return_data& a, const search_return_data& b) noexcept {
    return a.kind == b.kind && a.name == b.name && a.number == b.number && a.set == b.set &&
           a.range == b.range && a.is_nil == b.is_nil && a.value == b.value &&
           a.invalid_bytes == b.invalid_bytes;
  }
};
BOOST_DESCRIBE_STRUCT(search_return_data, (),
                      (kind, name, number, set, range, is_nil, value, invalid_bytes, error))

// esearch-response = "ESEARCH" [search-correlator] [SP "UID"] *(SP search-return-data)
// search-correlator = SP "(" one-correlator *(SP one-correlator) ")"   (RFC 7377; RFC 4731 has
//   only TAG)
// one-correlator = ("TAG" SP tag-string) / ("MAILBOX" SP astring) / ("UIDVALIDITY" SP nz-number)
// (ESORT, RFC 5267, answers with ESEARCH too; MULTISEARCH, RFC 7377, names the mailbox.)
struct esearch_data {
  std::optional<imapkit::string> correlator;  // tag-string
  std::optional<imapkit::mailbox> mailbox;    // MULTISEARCH: the mailbox the results are of
  std::optional<std::uint32_t> uidvalidity;   // MULTISEARCH: its UIDVALIDITY
  bool uid = false;
  list<search_return_data> items;
  friend bool operator==(const esearch_data&, const esearch_data&) = default;
};
BOOST_DESCRIBE_STRUCT(esearch_data, (), (correlator, mailbox, uidvalidity, uid, items))

// thread-list = "(" (thread-members / thread-nested) ")"   (RFC 5256)
// thread-members = nz-number *(SP nz-number) [SP thread-nested]
// thread-nested = 2*thread-list
// A node holds its chain of messages (members, possibly empty) then the branches below.
struct thread_list {
  list<std::uint32_t> members;
  list<thread_list> children;
  friend bool operator==(const thread_list&, const thread_list&) = default;
};
BOOST_DESCRIBE_STRUCT(thread_list, (), (members, children))

// thread-data = "THREAD" [SP 1*thread-list]
struct thread_data {
  list<thread_list> threads;
  friend bool operator==(const thread_data&, const thread_data&) = default;
};
BOOST_DESCRIBE_STRUCT(thread_data, (), (threads))

// number SP "EXISTS"
struct exists_data {
  std::uint32_t count = 0;
  friend bool operator==(const exists_data&, const exists_data&) = default;
};
BOOST_DESCRIBE_STRUCT(exists_data, (), (count))

// obsolete-recent-response = number SP "RECENT"   (RFC 3501)
struct recent_data {
  std::uint32_t count = 0;
  friend bool operator==(const recent_data&, const recent_data&) = default;
};
BOOST_DESCRIBE_STRUCT(recent_data, (), (count))

// namespace-response-extension = SP string SP "(" string *(SP string) ")"   (RFC 2342, RFC 9051)
struct namespace_extension {
  imapkit::string name;
  list<imapkit::string> values;
  friend bool operator==(const namespace_extension&, const namespace_extension&) = default;
};
BOOST_DESCRIBE_STRUCT(namespace_extension, (), (name, values))

// namespace-descr = "(" string SP (DQUOTE QUOTED-CHAR DQUOTE / nil)
//                   [namespace-response-extensions] ")"
struct namespace_descr {
  imapkit::string prefix;
  std::optional<char> delimiter;  // NIL: no hierarchy
  list<namespace_extension> extensions;
  friend bool operator==(const namespace_descr&, const namespace_descr&) = default;
};
BOOST_DESCRIBE_STRUCT(namespace_descr, (), (prefix, delimiter, extensions))

// namespace-response = "NAMESPACE" SP namespace SP namespace SP namespace
// namespace = nil / "(" 1*namespace-descr ")"   (NIL is the empty list)
struct namespace_data {
  list<namespace_descr> personal;
  list<namespace_descr> other_users;
  list<namespace_descr> shared;
  friend bool operator==(const namespace_data&, const namespace_data&) = default;
};
BOOST_DESCRIBE_STRUCT(namespace_data, (), (personal, other_users, shared))

// quota-resource = resource-name SP resource-usage SP resource-limit   (RFC 9208, RFC 2087)
struct quota_resource {
  std::string_view name;  // resource-name (atom: STORAGE, MESSAGE, MAILBOX, ANNOTATION-STORAGE ...)
  std::uint64_t usage = 0;
  std::uint64_t limit = 0;
  friend bool operator==(const quota_resource&, const quota_resource&) = default;
};
BOOST_DESCRIBE_STRUCT(quota_resource, (), (name, usage, limit))

// quota-response = "QUOTA" SP quota-root-name SP quota-list
// quota-list = "(" quota-resource *(SP quota-resource) ")"   (RFC 2087 allows it empty)
struct quota_data {
  imapkit::string root;  // quota-root-name = astring
  list<quota_resource> resources;
  friend bool operator==(const quota_data&, const quota_data&) = default;
};
BOOST_DESCRIBE_STRUCT(quota_data, (), (root, resources))

// quotaroot-response = "QUOTAROOT" SP mailbox *(SP quota-root-name)
struct quotaroot_data {
  imapkit::mailbox mailbox;
  list<imapkit::string> roots;
  friend bool operator==(const quotaroot_data&, const quotaroot_data&) = default;
};
BOOST_DESCRIBE_STRUCT(quotaroot_data, (), (mailbox, roots))

// entry-value = entry SP value; value = nstring / literal8   (RFC 5464)
struct metadata_entry {
  imapkit::string entry;  // entry = astring ("/private/comment")
  imapkit::string value;  // NIL when absent
  friend bool operator==(const metadata_entry&, const metadata_entry&) = default;
};
BOOST_DESCRIBE_STRUCT(metadata_entry, (), (entry, value))

// metadata-resp = "METADATA" SP mailbox SP (entry-values / entry-list)
// entry-values = "(" entry-value *(SP entry-value) ")"   -> entries (with values)
// entry-list = entry *(SP entry)                          -> changed (unsolicited: names only)
struct metadata_data {
  imapkit::mailbox mailbox;
  list<metadata_entry> entries;
  list<imapkit::string> changed;
  friend bool operator==(const metadata_data&, const metadata_data&) = default;
};
BOOST_DESCRIBE_STRUCT(metadata_data, (), (mailbox, entries, changed))

// id-response = "ID" SP id-params-list   (RFC 2971)
// id-params-list = "(" *(string SP nstring) ")" / nil
struct id_param {
  imapkit::string field;
  imapkit::string value;  // nstring
  friend bool operator==(const id_param&, const id_param&) = default;
};
BOOST_DESCRIBE_STRUCT(id_param, (), (field, value))
struct id_data {
  list<id_param> params;  // NIL is the empty list
  friend bool operator==(const id_data&, const id_data&) = default;
};
BOOST_DESCRIBE_STRUCT(id_data, (), (params))

// acl-data = "ACL" SP mailbox *(SP identifier SP rights)   (RFC 4314)
struct acl_entry {
  imapkit::string identifier;  // astring
  imapkit::string rights;      // astring
  friend bool operator==(const acl_entry&, const acl_entry&) = default;
};
BOOST_DESCRIBE_STRUCT(acl_entry, (), (identifier, rights))
struct acl_data {
  imapkit::mailbox mailbox;
  list<acl_entry> entries;
  friend bool operator==(const acl_data&, const acl_data&) = default;
};
BOOST_DESCRIBE_STRUCT(acl_data, (), (mailbox, entries))

// listrights-data = "LISTRIGHTS" SP mailbox SP identifier SP rights *(SP rights)   (RFC 4314)
struct listrights_data {
  imapkit::mailbox mailbox;
  imapkit::string identifier;
  imapkit::string required;        // the rights always granted
  list<imapkit::string> optional;  // the groups of rights that may be granted
  friend bool operator==(const listrights_data&, const listrights_data&) = default;
};
BOOST_DESCRIBE_STRUCT(listrights_data, (), (mailbox, identifier, required, optional))

// myrights-data = "MYRIGHTS" SP mailbox SP rights   (RFC 4314)
struct myrights_data {
  imapkit::mailbox mailbox;
  imapkit::string rights;
  friend bool operator==(const myrights_data&, const myrights_data&) = default;
};
BOOST_DESCRIBE_STRUCT(myrights_data, (), (mailbox, rights))

// message-data = nz-number SP "EXPUNGE"
struct expunge_data {
  std::uint32_t number = 0;
  friend bool operator==(const expunge_data&, const expunge_data&) = default;
};
BOOST_DESCRIBE_STRUCT(expunge_data, (), (number))

// expunged-resp = "VANISHED" [SP "(EARLIER)"] SP known-uids   (RFC 7162 QRESYNC)
struct vanished_data {
  bool earlier = false;
  sequence_set uids;
  friend bool operator==(const vanished_data&, const vanished_data&) = default;
};
BOOST_DESCRIBE_STRUCT(vanished_data, (), (earlier, uids))

// resp-jmapaccess = "JMAPACCESS" SP quoted   (RFC 9698 §4: the URL of the JMAP session resource)
struct jmapaccess_data {
  imapkit::string url;
  friend bool operator==(const jmapaccess_data&, const jmapaccess_data&) = default;
};
BOOST_DESCRIBE_STRUCT(jmapaccess_data, (), (url))

// genurlauth-data = "*" SP "GENURLAUTH" 1*(SP url-full); url-full = astring   (RFC 4467 §9)
struct genurlauth_data {
  list<imapkit::string> urls;  // authorized IMAP URLs, in the order of the command's url-rumps
  friend bool operator==(const genurlauth_data&, const genurlauth_data&) = default;
};
BOOST_DESCRIBE_STRUCT(genurlauth_data, (), (urls))

// One URL's answer in urlfetch-data (RFC 4467 §9, RFC 5524 §5):
//   urldata-simple = url-full SP nstring (NIL, urldata-error, when the URL is not valid)
//   urldata-ext = url-full 1*(SP "(" url-metadata-el ")")
//   url-metadata-el = "BODYPARTSTRUCTURE" SP body / "BODY" SP nstring /
//                     "BINARY" SP (nstring / literal8)
struct urlfetch_item {
  imapkit::string url;
  imapkit::string data;   // urldata-simple's nstring; NIL in the extended form
  bool extended = false;  // RFC 5524's url-metadata form
  // The body's bytes as received, checked by the body grammar; parse_body_structure gives its
  // tree. Empty when not sent.
  std::string_view body_part_structure;
  bool has_body = false;
  imapkit::string body;  // "BODY" SP nstring
  bool has_binary = false;
  imapkit::string binary;  // "BINARY" SP (nstring / literal8)
  friend bool operator==(const urlfetch_item&, const urlfetch_item&) = default;
};
BOOST_DESCRIBE_STRUCT(urlfetch_item, (),
                      (url, data, extended, body_part_structure, has_body, body, has_binary,
                       binary))

// urlfetch-data = "*" SP "URLFETCH" 1*(SP urldata)   (RFC 4467 §9, RFC 5524 §5)
struct urlfetch_data {
  list<urlfetch_item> items;
  friend bool operator==(const urlfetch_data&, const urlfetch_data&) = default;
};
BOOST_DESCRIBE_STRUCT(urlfetch_data, (), (items))

// language-data = "LANGUAGE" SP "(" lang-tag-quoted *(SP lang-tag-quoted) ")"   (RFC 5255 §3.5)
struct language_data {
  list<imapkit::string> languages;  // astring each; never empty
  friend bool operator==(const language_data&, const language_data&) = default;
};
BOOST_DESCRIBE_STRUCT(language_data, (), (languages))

// comparator-data = "COMPARATOR" SP comp-sel-quoted [SP "(" comp-id-quoted *(SP comp-id-quoted)
// ")"]   (RFC 5255 §4.10)
struct comparator_data {
  imapkit::string selected;        // the active comparator (astring)
  list<imapkit::string> matching;  // the comparators the command's orders matched; may be absent
  friend bool operator==(const comparator_data&, const comparator_data&) = default;
};
BOOST_DESCRIBE_STRUCT(comparator_data, (), (selected, matching))

// Untagged data this library does not know ("*" SP atom *(SP value), or "*" SP number SP atom
// *(SP value)), in lenient mode only.
struct generic_data {
  std::optional<std::uint32_t> number;  // the leading number of "* 5 FOO ..."
  std::string_view name;
  list<generic_value> values;
  friend bool operator==(const generic_data&, const generic_data&) = default;
};
BOOST_DESCRIBE_STRUCT(generic_data, (), (number, name, values))

}  // namespace imapkit
