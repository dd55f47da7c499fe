// FETCH response data: msg-att (RFC 9051 §7.5.2, §9) and the items extensions add to it.
//
// `* 12 FETCH (UID 7 FLAGS (\Seen) BODY[HEADER] {342}...)` carries a msg_att_list: one msg_att
// per data item, in the order the server sent them.
#pragma once

#include <boost/describe/class.hpp>
#include <boost/describe/enum.hpp>
#include <cstdint>
#include <optional>
#include <string_view>
#include <variant>

#include "imapkit/ast/annotate.hpp"
#include "imapkit/ast/body.hpp"
#include "imapkit/ast/envelope.hpp"
#include "imapkit/ast/keywords.hpp"
#include "imapkit/ast/lexical.hpp"
#include "imapkit/ast/section.hpp"
#include "imapkit/error.hpp"
#include "imapkit/list.hpp"
#include "imapkit/string.hpp"

namespace imapkit {

// msg-att-dynamic: "FLAGS" SP "(" [flag-fetch *(SP flag-fetch)] ")"   (\Recent included)
struct fetch_flags {
  list<flag> flags;
  friend bool operator==(const fetch_flags&, const fetch_flags&) = default;
};
BOOST_DESCRIBE_STRUCT(fetch_flags, (), (flags))

// "MODSEQ" SP "(" permsg-modsequence ")"   (RFC 7162 §7 fetch-mod-resp)
struct fetch_modseq {
  std::uint64_t value = 0;
  friend bool operator==(const fetch_modseq&, const fetch_modseq&) = default;
};
BOOST_DESCRIBE_STRUCT(fetch_modseq, (), (value))

// "ENVELOPE" SP envelope
struct fetch_envelope {
  imapkit::envelope value;
  friend bool operator==(const fetch_envelope&, const fetch_envelope&) = default;
};
BOOST_DESCRIBE_STRUCT(fetch_envelope, (), (value))

// "INTERNALDATE" SP date-time
struct fetch_internal_date {
  date_time value;
  friend bool operator==(const fetch_internal_date&, const fetch_internal_date&) = default;
};
BOOST_DESCRIBE_STRUCT(fetch_internal_date, (), (value))

// "RFC822.SIZE" SP number64
struct fetch_rfc822_size {
  std::uint64_t value = 0;
  friend bool operator==(const fetch_rfc822_size&, const fetch_rfc822_size&) = default;
};
BOOST_DESCRIBE_STRUCT(fetch_rfc822_size, (), (value))

// "RFC822" / "RFC822.HEADER" / "RFC822.TEXT" SP nstring   (RFC 3501; obsolete in RFC 9051)
struct fetch_rfc822 {
  enum class part_t : std::uint8_t { whole, header, text };
  BOOST_DESCRIBE_NESTED_ENUM(part_t, whole, header, text)
  part_t part = part_t::whole;
  imapkit::string data;
  friend bool operator==(const fetch_rfc822&, const fetch_rfc822&) = default;
};
BOOST_DESCRIBE_STRUCT(fetch_rfc822, (), (part, data))

// "BODY" SP body (non-extensible: no extension data) / "BODYSTRUCTURE" SP body
struct fetch_body_structure {
  body_structure value;
  bool extensible = false;  // true for BODYSTRUCTURE, false for BODY
  friend bool operator==(const fetch_body_structure&, const fetch_body_structure&) = default;
};
BOOST_DESCRIBE_STRUCT(fetch_body_structure, (), (value, extensible))

// "BODY" section ["<" number ">"] SP nstring
struct fetch_body_section {
  imapkit::section section;
  std::optional<std::uint32_t> origin;  // "<" number ">": offset of a partial fetch
  imapkit::string data;                 // nstring: NIL, quoted or literal
  friend bool operator==(const fetch_body_section&, const fetch_body_section&) = default;
};
BOOST_DESCRIBE_STRUCT(fetch_body_section, (), (section, origin, data))

// "BINARY" section-binary ["<" number ">"] SP (nstring / literal8)   (RFC 3516, RFC 9051)
// The origin of a partial BINARY fetch is in RFC 9051 §7.5.2 ("BINARY[<section-binary>]<<number>>")
// though not in its §9 ABNF; Dovecot sends it (BINARY[1]<10> {12}).
struct fetch_binary {
  imapkit::section section;
  std::optional<std::uint32_t> origin;
  imapkit::string data;  // kind literal8 when sent as ~{N}: may hold NUL
  friend bool operator==(const fetch_binary&, const fetch_binary&) = default;
};
BOOST_DESCRIBE_STRUCT(fetch_binary, (), (section, origin, data))

// "BINARY.SIZE" section-binary SP number   (RFC 3516, RFC 9051)
struct fetch_binary_size {
  imapkit::section section;
  std::uint32_t size = 0;
  friend bool operator==(const fetch_binary_size&, const fetch_binary_size&) = default;
};
BOOST_DESCRIBE_STRUCT(fetch_binary_size, (), (section, size))

// "UID" SP uniqueid
struct fetch_uid {
  std::uint32_t value = 0;
  friend bool operator==(const fetch_uid&, const fetch_uid&) = default;
};
BOOST_DESCRIBE_STRUCT(fetch_uid, (), (value))

// RFC 8474 §7: "EMAILID" SP "(" objectid ")" / "THREADID" SP ("(" objectid ")" / nil)
struct fetch_object_id {
  enum class which_t : std::uint8_t { email_id, thread_id };
  BOOST_DESCRIBE_NESTED_ENUM(which_t, email_id, thread_id)
  which_t which = which_t::email_id;
  std::string_view id;  // objectid; empty for THREADID NIL (the message belongs to no thread)
  bool is_nil = false;
  friend bool operator==(const fetch_object_id&, const fetch_object_id&) = default;
};
BOOST_DESCRIBE_STRUCT(fetch_object_id, (), (which, id, is_nil))

// RFC 8970 §6: "PREVIEW" SP nstring   (NIL: no preview available yet)
struct fetch_preview {
  imapkit::string text;
  friend bool operator==(const fetch_preview&, const fetch_preview&) = default;
};
BOOST_DESCRIBE_STRUCT(fetch_preview, (), (text))

// RFC 8514 §4: "SAVEDATE" SP (date-time / nil)
struct fetch_save_date {
  std::optional<date_time> value;  // empty for NIL (the mailbox does not keep save dates)
  friend bool operator==(const fetch_save_date&, const fetch_save_date&) = default;
};
BOOST_DESCRIBE_STRUCT(fetch_save_date, (), (value))

// The FETCH data items real servers send beyond the RFCs' (those are fetch_att_names): Gmail's
// and Dovecot's.
enum class vendor_item : std::uint8_t {
  gmail_msgid,
  gmail_thrid,
  gmail_labels,
  snippet,
  x_guid,
  x_mailbox
};

inline constexpr keyword_row<vendor_item> vendor_item_names[] = {
    {vendor_item::gmail_msgid, "X-GM-MSGID"},
    {vendor_item::gmail_thrid, "X-GM-THRID"},
    {vendor_item::gmail_labels, "X-GM-LABELS"},
    {vendor_item::snippet, "SNIPPET"},
    {vendor_item::x_guid, "X-GUID"},
    {vendor_item::x_mailbox, "X-MAILBOX"},
};
static_assert(rows_in_enum_order(vendor_item_names,
                                 static_cast<std::size_t>(vendor_item::x_mailbox) + 1));

// "X-GM-MSGID", "SNIPPET", ...
constexpr std::string_view to_string(vendor_item item) noexcept {
  return row_of(vendor_item_names, item).keyword;
}

// Gmail: "X-GM-MSGID" SP number64 / "X-GM-THRID" SP number64
struct fetch_gmail_id {
  enum class which_t : std::uint8_t { message_id, thread_id };
  BOOST_DESCRIBE_NESTED_ENUM(which_t, message_id, thread_id)
  which_t which = which_t::message_id;
  std::uint64_t value = 0;
  friend bool operator==(const fetch_gmail_id&, const fetch_gmail_id&) = default;
};
BOOST_DESCRIBE_STRUCT(fetch_gmail_id, (), (which, value))

// Gmail: "X-GM-LABELS" SP "(" [(astring / flag) *(SP (astring / flag))] ")"
// Labels as sent: system labels keep their backslash ("\Inbox", "\Important").
struct fetch_gmail_labels {
  list<imapkit::string> labels;
  friend bool operator==(const fetch_gmail_labels&, const fetch_gmail_labels&) = default;
};
BOOST_DESCRIBE_STRUCT(fetch_gmail_labels, (), (labels))

// Dovecot (SNIPPET=FUZZY, the draft that became RFC 8970's PREVIEW):
// "SNIPPET" SP "(" algorithm SP nstring ")", e.g. SNIPPET (FUZZY "Hello...")
struct fetch_snippet {
  std::string_view algorithm;  // "FUZZY"
  imapkit::string text;
  friend bool operator==(const fetch_snippet&, const fetch_snippet&) = default;
};
BOOST_DESCRIBE_STRUCT(fetch_snippet, (), (algorithm, text))

// Dovecot: "X-GUID" SP astring (the message's GUID)
struct fetch_x_guid {
  imapkit::string guid;
  friend bool operator==(const fetch_x_guid&, const fetch_x_guid&) = default;
};
BOOST_DESCRIBE_STRUCT(fetch_x_guid, (), (guid))

// Dovecot: "X-MAILBOX" SP mailbox (the mailbox holding the message, e.g. in a virtual mailbox)
struct fetch_x_mailbox {
  imapkit::mailbox mailbox;
  friend bool operator==(const fetch_x_mailbox&, const fetch_x_mailbox&) = default;
};
BOOST_DESCRIBE_STRUCT(fetch_x_mailbox, (), (mailbox))

// msg-att-dynamic =/ "ANNOTATION" SP ("(" entry-att *(SP entry-att) ")" /
//                                    "(" entry *(SP entry) ")")   (RFC 5257 §5)
struct fetch_annotation {
  list<annotation_entry> entries;  // entry-att: each entry with its attributes' values
  list<imapkit::string> changed;   // the second form (unsolicited): entries that changed
  friend bool operator==(const fetch_annotation&, const fetch_annotation&) = default;
};
BOOST_DESCRIBE_STRUCT(fetch_annotation, (), (entries, changed))

// Any other item: `name SP value`, kept generically so an unknown item never fails a FETCH.
struct fetch_other {
  std::string_view name;  // as sent, a "[section]<n>" suffix included
  generic_value value;
  friend bool operator==(const fetch_other&, const fetch_other&) = default;
};
BOOST_DESCRIBE_STRUCT(fetch_other, (), (name, value))

// An item whose value nothing could read (quirk::item_recovery, docs/quirks.md): a known item
// such as BODYSTRUCTURE with a value that breaks its grammar, kept as sent with the error its value
// gave, so that the FETCH's other items stay typed. The serializer writes `bytes` back as they are.
struct fetch_invalid {
  std::string_view bytes;  // the whole item: name SP value, literals included (the value may be
                           // missing: "BODY[2] " before the closing ")")
  std::string_view name;   // the item's name as sent, a view into bytes
  parse_error error;       // why the value did not parse; offset counts from the start of bytes
  // The same item: the same name and bytes. The error is a diagnosis, not part of the value: where
  // a parse stops in bytes nothing reads depends on the quirks it accepts.
  friend bool operator==(const fetch_invalid& a, const fetch_invalid& b) noexcept {
    return a.name == b.name && a.bytes == b.bytes;
  }
};
BOOST_DESCRIBE_STRUCT(fetch_invalid, (), (bytes, name, error))

// msg-att-dynamic / msg-att-static, and the extension items: one FETCH data item.
struct msg_att {
  using value_type =
      std::variant<fetch_flags, fetch_modseq, fetch_envelope, fetch_internal_date,
                   fetch_rfc822_size, fetch_rfc822, fetch_body_structure, fetch_body_section,
                   fetch_binary, fetch_binary_size, fetch_uid, fetch_object_id, fetch_preview,
                   fetch_save_date, fetch_gmail_id, fetch_gmail_labels, fetch_snippet, fetch_x_guid,
                   fetch_x_mailbox, fetch_annotation, fetch_other, fetch_invalid>;
  value_type value;

  // The item as T, or nullptr when it is another kind of item.
  template <class T>
  const T* get() const noexcept {
    return std::get_if<T>(&value);
  }
  // The item's name as the ABNF spells it ("FLAGS", "BODY[]", "BINARY.SIZE", ...); for BODY[...],
  // BINARY[...] and BINARY.SIZE[...] without the section; fetch_other and fetch_invalid: the
  // name as sent.
  std::string_view name() const noexcept;

  friend bool operator==(const msg_att&, const msg_att&) = default;
};
BOOST_DESCRIBE_STRUCT(msg_att, (), (value))

// msg-att = "(" (msg-att-dynamic / msg-att-static) *(SP (msg-att-dynamic / msg-att-static)) ")"
using msg_att_list = list<msg_att>;

// The first item of kind T in a FETCH response, or nullptr.
template <class T>
const T* find_item(const msg_att_list& items) noexcept {
  for (const msg_att& item : items)
    if (const T* p = item.get<T>()) return p;
  return nullptr;
}

}  // namespace imapkit
