// AST of the arguments of the FETCH and STORE commands (RFC 9051 §6.4.5 / §6.4.6 / §9, RFC 3501,
// RFC 3516 BINARY, RFC 4466 modifiers, RFC 7162 CONDSTORE/QRESYNC, RFC 8474 OBJECTID, RFC 8514
// SAVEDATE, RFC 8970 PREVIEW, RFC 9394 PARTIAL). JSON forms: docs/ast-search.md.
#pragma once

#include <cstdint>
#include <optional>
#include <string_view>

#include "imapkit/ast/annotate.hpp"
#include "imapkit/ast/keywords.hpp"
#include "imapkit/ast/lexical.hpp"
#include "imapkit/ast/search.hpp"
#include "imapkit/ast/section.hpp"
#include "imapkit/list.hpp"

namespace imapkit {

// Which fetch-att a fetch_att is.
enum class fetch_att_kind : std::uint8_t {
  envelope,
  flags,
  internal_date,
  rfc822,  // RFC 3501 only
  rfc822_header,
  rfc822_size,
  rfc822_text,  // RFC 3501 only
  body,         // BODY without a section: the non-extensible BODYSTRUCTURE
  body_structure,
  uid,
  body_section,  // BODY[section]<partial> / BODY.PEEK[...]: peek, section, partial
  binary,        // BINARY[section-binary]<partial> / BINARY.PEEK[...] (RFC 3516)
  binary_size,   // BINARY.SIZE[section-binary] (RFC 3516)
  modseq,        // RFC 7162
  email_id,      // RFC 8474
  thread_id,     // RFC 8474
  preview,       // RFC 8970: lazy for "PREVIEW (LAZY)"
  save_date,     // RFC 8514
  annotation,    // RFC 5257: annotation
  extension,     // any other atom (X-GM-MSGID, X-GUID, SNIPPET, ...): name, params
};

// The items that are a keyword, and the names of the others: the section items are written
// with their section ("BODY.PEEK[1]<0.10>"), an extension with its own name.
inline constexpr keyword_row<fetch_att_kind> fetch_att_names[] = {
    {fetch_att_kind::envelope, "ENVELOPE"},
    {fetch_att_kind::flags, "FLAGS"},
    {fetch_att_kind::internal_date, "INTERNALDATE"},
    {fetch_att_kind::rfc822, "RFC822"},
    {fetch_att_kind::rfc822_header, "RFC822.HEADER"},
    {fetch_att_kind::rfc822_size, "RFC822.SIZE"},
    {fetch_att_kind::rfc822_text, "RFC822.TEXT"},
    {fetch_att_kind::body, "BODY"},
    {fetch_att_kind::body_structure, "BODYSTRUCTURE"},
    {fetch_att_kind::uid, "UID"},
    {fetch_att_kind::body_section, "BODY[]", false},
    {fetch_att_kind::binary, "BINARY[]", false},
    {fetch_att_kind::binary_size, "BINARY.SIZE[]", false},
    {fetch_att_kind::modseq, "MODSEQ"},
    {fetch_att_kind::email_id, "EMAILID"},
    {fetch_att_kind::thread_id, "THREADID"},
    {fetch_att_kind::preview, "PREVIEW"},
    {fetch_att_kind::save_date, "SAVEDATE"},
    {fetch_att_kind::annotation, "ANNOTATION"},
    {fetch_att_kind::extension, "extension", false},
};
static_assert(rows_in_enum_order(fetch_att_names,
                                 static_cast<std::size_t>(fetch_att_kind::extension) + 1));

// "ENVELOPE", "RFC822.HEADER", ...; "BODY[]", "BINARY[]", "BINARY.SIZE[]" for the section items
// and "extension" for the others.
constexpr std::string_view to_string(fetch_att_kind kind) noexcept {
  return row_of(fetch_att_names, kind).keyword;
}

// partial = "<" number "." nz-number ">"
struct fetch_partial {
  std::uint32_t offset = 0;
  std::uint32_t length = 0;

  friend constexpr bool operator==(const fetch_partial&, const fetch_partial&) = default;
};

// "ANNOTATION" SP "(" entries SP attribs ")"   (RFC 5257 §5)
// entries = entry-match / "(" entry-match *(SP entry-match) ")"; entry-match = list-mailbox
// attribs = attrib / "(" attrib *(SP attrib) ")"; attrib = astring
struct annotation_fetch {
  list<imapkit::string> entries;  // "/comment", "/%", "/*"
  bool entries_parenthesized = false;
  list<imapkit::string> attributes;  // "value", "value.priv", "size.shared", "*"
  bool attributes_parenthesized = false;
  friend bool operator==(const annotation_fetch&, const annotation_fetch&) = default;
};

// fetch-att (RFC 9051 §9 with the extensions above).
struct fetch_att {
  fetch_att_kind kind = fetch_att_kind::flags;
  bool peek = false;                     // BODY.PEEK / BINARY.PEEK
  imapkit::section section;              // body_section, binary, binary_size
  std::optional<fetch_partial> partial;  // body_section, binary
  bool lazy = false;                     // preview: PREVIEW (LAZY)
  std::string_view name;                 // extension: the item as written ("X-GM-MSGID")
  std::optional<generic_value> params;   // extension: a parenthesised argument list, when one
                                         // follows inside the fetch-att list
                                         // ("SNIPPET (LAZY=FUZZY)")
  // annotation (RFC 5257), in the message's arena; nullptr for every other kind. A pointer keeps
  // fetch_att, of which a FETCH command holds a list, at its size (with the lists in place the
  // command benchmark took 13 % more instructions, callgrind).
  const annotation_fetch* annotation = nullptr;

  // Equal items: equal members, and equal annotations (not the same pointer).
  friend bool operator==(const fetch_att& a, const fetch_att& b) noexcept {
    const bool same_annotation = a.annotation == nullptr || b.annotation == nullptr
                                     ? a.annotation == b.annotation
                                     : *a.annotation == *b.annotation;
    return same_annotation && a.kind == b.kind && a.peek == b.peek && a.section == b.section &&
           a.partial == b.partial && a.lazy == b.lazy && a.name == b.name && a.params == b.params;
  }
};

// fetch-modifier (RFC 4466), with RFC 7162 CHANGEDSINCE and VANISHED and RFC 9394 PARTIAL.
enum class fetch_modifier_kind : std::uint8_t { changed_since, vanished, partial, extension };

inline constexpr keyword_row<fetch_modifier_kind> fetch_modifier_names[] = {
    {fetch_modifier_kind::changed_since, "CHANGEDSINCE"},
    {fetch_modifier_kind::vanished, "VANISHED"},
    {fetch_modifier_kind::partial, "PARTIAL"},
    {fetch_modifier_kind::extension, "extension", false},
};
static_assert(rows_in_enum_order(fetch_modifier_names,
                                 static_cast<std::size_t>(fetch_modifier_kind::extension) + 1));

constexpr std::string_view to_string(fetch_modifier_kind kind) noexcept {
  return row_of(fetch_modifier_names, kind).keyword;
}

struct fetch_modifier {
  fetch_modifier_kind kind = fetch_modifier_kind::changed_since;
  std::uint64_t mod_sequence = 0;      // changed_since: mod-sequence-value
  imapkit::partial_range range;        // partial
  std::string_view name;               // extension: fetch-modifier-name
  std::optional<generic_value> value;  // extension: fetch-modif-params (tagged-ext-val)

  friend bool operator==(const fetch_modifier&, const fetch_modifier&) = default;
};

// The macro of a FETCH, or none when items were listed.
enum class fetch_macro : std::uint8_t { none, all, full, fast };

inline constexpr keyword_row<fetch_macro> fetch_macro_names[] = {
    {fetch_macro::none, "", false},
    {fetch_macro::all, "ALL"},
    {fetch_macro::full, "FULL"},
    {fetch_macro::fast, "FAST"},
};
static_assert(rows_in_enum_order(fetch_macro_names,
                                 static_cast<std::size_t>(fetch_macro::fast) + 1));

// "ALL", "FULL", "FAST"; "" for none.
constexpr std::string_view to_string(fetch_macro macro) noexcept {
  return row_of(fetch_macro_names, macro).keyword;
}

// What follows "FETCH" SP: sequence-set SP ("ALL" / "FULL" / "FAST" / fetch-att /
// "(" fetch-att *(SP fetch-att) ")") [fetch-modifiers]
struct fetch_program {
  imapkit::sequence_set set;
  fetch_macro macro = fetch_macro::none;
  list<fetch_att> atts;            // the items (empty for a macro)
  bool parenthesized = false;      // the items were written as a list, even of one
  list<fetch_modifier> modifiers;  // empty when there were none

  friend bool operator==(const fetch_program&, const fetch_program&) = default;
};

// store-modifier (RFC 4466), with RFC 7162 UNCHANGEDSINCE.
enum class store_modifier_kind : std::uint8_t { unchanged_since, extension };

inline constexpr keyword_row<store_modifier_kind> store_modifier_names[] = {
    {store_modifier_kind::unchanged_since, "UNCHANGEDSINCE"},
    {store_modifier_kind::extension, "extension", false},
};
static_assert(rows_in_enum_order(store_modifier_names,
                                 static_cast<std::size_t>(store_modifier_kind::extension) + 1));

constexpr std::string_view to_string(store_modifier_kind kind) noexcept {
  return row_of(store_modifier_names, kind).keyword;
}

struct store_modifier {
  store_modifier_kind kind = store_modifier_kind::unchanged_since;
  std::uint64_t mod_sequence = 0;      // unchanged_since: mod-sequence-valzer
  std::string_view name;               // extension: store-modifier-name
  std::optional<generic_value> value;  // extension: store-modif-params (tagged-ext-val)

  friend bool operator==(const store_modifier&, const store_modifier&) = default;
};

// The "+" / "-" / nothing of store-att-flags.
enum class store_operation : std::uint8_t { replace, add, remove };

// What a STORE changes: the flags (RFC 9051), Gmail's labels (X-GM-EXT-1), or annotations
// (RFC 5257 store-att-flags =/ att-annotate, without "+" / "-" or ".SILENT").
enum class store_item : std::uint8_t { flags, gmail_labels, annotation };

inline constexpr keyword_row<store_item> store_item_names[] = {
    {store_item::flags, "FLAGS"},
    {store_item::gmail_labels, "X-GM-LABELS"},
    {store_item::annotation, "ANNOTATION"},
};
static_assert(rows_in_enum_order(store_item_names,
                                 static_cast<std::size_t>(store_item::annotation) + 1));

constexpr std::string_view to_string(store_item item) noexcept {
  return row_of(store_item_names, item).keyword;
}

// What follows "STORE" SP: sequence-set [store-modifiers] SP store-att-flags, where
// store-att-flags = (["+" / "-"] "FLAGS" [".SILENT"]) SP (flag-list / (flag *(SP flag)))
// and Gmail's (["+" / "-"] "X-GM-LABELS" [".SILENT"]) SP ("(" [label *(SP label)] ")" /
// label *(SP label)), label = "NIL" / "\" atom / astring
struct store_program {
  imapkit::sequence_set set;
  list<store_modifier> modifiers;  // empty when there were none
  store_operation operation = store_operation::replace;
  store_item item = store_item::flags;
  bool silent = false;
  list<imapkit::flag> flags;     // item flags
  list<imapkit::string> labels;  // item gmail_labels, as sent ("\Inbox" keeps its "\")
  // item annotation: att-annotate = "ANNOTATION" SP "(" entry-att *(SP entry-att) ")"
  list<annotation_entry> annotations;
  bool parenthesized = false;  // flag-list form, as opposed to bare flags

  friend bool operator==(const store_program&, const store_program&) = default;
};

}  // namespace imapkit
