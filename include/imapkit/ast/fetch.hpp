// FETCH response data: msg-att (RFC 9051 §7.5.2, §9) and the items extensions add to it.
//
// `* 12 FETCH (UID 7 FLAGS (\Seen) BODY[HEADER] {342}...)` carries a msg_att_list: one msg_att
// per data item, in the order the server sent them.
#pragma once

#include <cstdint>
#include <optional>
#include <string_view>
#include <variant>

#include "imapkit/ast/body.hpp"
#include "imapkit/ast/envelope.hpp"
#include "imapkit/ast/lexical.hpp"
#include "imapkit/ast/section.hpp"
#include "imapkit/list.hpp"
#include "imapkit/string.hpp"

namespace imapkit {

// msg-att-dynamic: "FLAGS" SP "(" [flag-fetch *(SP flag-fetch)] ")"   (\Recent included)
struct fetch_flags {
  list<flag> flags;
  friend bool operator==(const fetch_flags&, const fetch_flags&) = default;
};

// "MODSEQ" SP "(" permsg-modsequence ")"   (RFC 7162 §7 fetch-mod-resp)
struct fetch_modseq {
  std::uint64_t value = 0;
  friend bool operator==(const fetch_modseq&, const fetch_modseq&) = default;
};

// "ENVELOPE" SP envelope
struct fetch_envelope {
  imapkit::envelope value;
  friend bool operator==(const fetch_envelope&, const fetch_envelope&) = default;
};

// "INTERNALDATE" SP date-time
struct fetch_internal_date {
  date_time value;
  friend bool operator==(const fetch_internal_date&, const fetch_internal_date&) = default;
};

// "RFC822.SIZE" SP number64
struct fetch_rfc822_size {
  std::uint64_t value = 0;
  friend bool operator==(const fetch_rfc822_size&, const fetch_rfc822_size&) = default;
};

// "RFC822" / "RFC822.HEADER" / "RFC822.TEXT" SP nstring   (RFC 3501; obsolete in RFC 9051)
struct fetch_rfc822 {
  enum class part_t : std::uint8_t { whole, header, text };
  part_t part = part_t::whole;
  imapkit::string data;
  friend bool operator==(const fetch_rfc822&, const fetch_rfc822&) = default;
};

// "BODY" SP body (non-extensible: no extension data) / "BODYSTRUCTURE" SP body
struct fetch_body_structure {
  body_structure value;
  bool extensible = false;  // true for BODYSTRUCTURE, false for BODY
  friend bool operator==(const fetch_body_structure&, const fetch_body_structure&) = default;
};

// "BODY" section ["<" number ">"] SP nstring
struct fetch_body_section {
  imapkit::section section;
  std::optional<std::uint32_t> origin;  // "<" number ">": offset of a partial fetch
  imapkit::string data;                 // nstring: NIL, quoted or literal
  friend bool operator==(const fetch_body_section&, const fetch_body_section&) = default;
};

// "BINARY" section-binary ["<" number ">"] SP (nstring / literal8)   (RFC 3516, RFC 9051)
// The origin of a partial BINARY fetch is in RFC 9051 §7.5.2 ("BINARY[<section-binary>]<<number>>")
// though not in its §9 ABNF; Dovecot sends it (BINARY[1]<10> {12}).
struct fetch_binary {
  imapkit::section section;
  std::optional<std::uint32_t> origin;
  imapkit::string data;  // kind literal8 when sent as ~{N}: may hold NUL
  friend bool operator==(const fetch_binary&, const fetch_binary&) = default;
};

// "BINARY.SIZE" section-binary SP number   (RFC 3516, RFC 9051)
struct fetch_binary_size {
  imapkit::section section;
  std::uint32_t size = 0;
  friend bool operator==(const fetch_binary_size&, const fetch_binary_size&) = default;
};

// "UID" SP uniqueid
struct fetch_uid {
  std::uint32_t value = 0;
  friend bool operator==(const fetch_uid&, const fetch_uid&) = default;
};

// RFC 8474 §7: "EMAILID" SP "(" objectid ")" / "THREADID" SP ("(" objectid ")" / nil)
struct fetch_object_id {
  enum class which_t : std::uint8_t { email_id, thread_id };
  which_t which = which_t::email_id;
  std::string_view id;  // objectid; empty for THREADID NIL (the message belongs to no thread)
  bool is_nil = false;
  friend bool operator==(const fetch_object_id&, const fetch_object_id&) = default;
};

// RFC 8970 §6: "PREVIEW" SP nstring   (NIL: no preview available yet)
struct fetch_preview {
  imapkit::string text;
  friend bool operator==(const fetch_preview&, const fetch_preview&) = default;
};

// RFC 8514 §4: "SAVEDATE" SP (date-time / nil)
struct fetch_save_date {
  std::optional<date_time> value;  // empty for NIL (the mailbox does not keep save dates)
  friend bool operator==(const fetch_save_date&, const fetch_save_date&) = default;
};

// Gmail: "X-GM-MSGID" SP number64 / "X-GM-THRID" SP number64
struct fetch_gmail_id {
  enum class which_t : std::uint8_t { message_id, thread_id };
  which_t which = which_t::message_id;
  std::uint64_t value = 0;
  friend bool operator==(const fetch_gmail_id&, const fetch_gmail_id&) = default;
};

// Gmail: "X-GM-LABELS" SP "(" [(astring / flag) *(SP (astring / flag))] ")"
// Labels as sent: system labels keep their backslash ("\Inbox", "\Important").
struct fetch_gmail_labels {
  list<imapkit::string> labels;
  friend bool operator==(const fetch_gmail_labels&, const fetch_gmail_labels&) = default;
};

// Dovecot (SNIPPET=FUZZY, the draft that became RFC 8970's PREVIEW):
// "SNIPPET" SP "(" algorithm SP nstring ")", e.g. SNIPPET (FUZZY "Hello...")
struct fetch_snippet {
  std::string_view algorithm;  // "FUZZY"
  imapkit::string text;
  friend bool operator==(const fetch_snippet&, const fetch_snippet&) = default;
};

// Dovecot: "X-GUID" SP astring (the message's GUID)
struct fetch_x_guid {
  imapkit::string guid;
  friend bool operator==(const fetch_x_guid&, const fetch_x_guid&) = default;
};

// Dovecot: "X-MAILBOX" SP mailbox (the mailbox holding the message, e.g. in a virtual mailbox)
struct fetch_x_mailbox {
  imapkit::mailbox mailbox;
  friend bool operator==(const fetch_x_mailbox&, const fetch_x_mailbox&) = default;
};

// Any other item: `name SP value`, kept generically so an unknown item never fails a FETCH.
struct fetch_other {
  std::string_view name;  // as sent, a "[section]<n>" suffix included
  generic_value value;
  friend bool operator==(const fetch_other&, const fetch_other&) = default;
};

// msg-att-dynamic / msg-att-static, and the extension items: one FETCH data item.
struct msg_att {
  using value_type =
      std::variant<fetch_flags, fetch_modseq, fetch_envelope, fetch_internal_date,
                   fetch_rfc822_size, fetch_rfc822, fetch_body_structure, fetch_body_section,
                   fetch_binary, fetch_binary_size, fetch_uid, fetch_object_id, fetch_preview,
                   fetch_save_date, fetch_gmail_id, fetch_gmail_labels, fetch_snippet, fetch_x_guid,
                   fetch_x_mailbox, fetch_other>;
  value_type value;

  // The item as T, or nullptr when it is another kind of item.
  template <class T>
  const T* get() const noexcept {
    return std::get_if<T>(&value);
  }
  // The item's name as the ABNF spells it ("FLAGS", "BODY[]", "BINARY.SIZE", ...); for BODY[...],
  // BINARY[...] and BINARY.SIZE[...] without the section; fetch_other: the name as sent.
  std::string_view name() const noexcept;

  friend bool operator==(const msg_att&, const msg_att&) = default;
};

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
