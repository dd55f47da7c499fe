// AST of the arguments of SEARCH, SORT and THREAD (RFC 9051 §6.4.4 / §9, RFC 3501, RFC 4466,
// RFC 4731, RFC 5032, RFC 5182, RFC 5256, RFC 5267, RFC 5957, RFC 6203, RFC 7162, RFC 8474,
// RFC 8514, RFC 9394). JSON forms and field-by-key tables: docs/ast-search.md.
#pragma once

#include <cstdint>
#include <optional>
#include <string_view>

#include "imapkit/ast/lexical.hpp"
#include "imapkit/list.hpp"
#include "imapkit/string.hpp"

namespace imapkit {

// Which search-key a search_key is. The keys of RFC 9051 and RFC 3501 (NEW, OLD and RECENT are
// RFC 3501 only), then the extensions.
enum class search_key_kind : std::uint8_t {
  all,
  answered,
  bcc,     // value
  before,  // date
  body,    // value
  cc,      // value
  deleted,
  draft,
  flagged,
  from,     // value
  header,   // field, value
  keyword,  // value (flag-keyword, an atom)
  larger,   // number
  new_,     // RFC 3501
  not_,     // children[0]
  old,      // RFC 3501
  on,       // date
  or_,      // children[0], children[1]
  recent,   // RFC 3501
  seen,
  sent_before,  // date
  sent_on,      // date
  sent_since,   // date
  since,        // date
  smaller,      // number
  subject,      // value
  text,         // value
  to,           // value
  uid,          // set
  unanswered,
  undeleted,
  undraft,
  unflagged,
  unkeyword,  // value (flag-keyword, an atom)
  unseen,
  sequence_set,  // set: a bare sequence-set, "$" included (RFC 5182)
  list,          // children: "(" search-key *(SP search-key) ")"
  modseq,        // number; with RFC 7162's search-modseq-ext also field (entry-name) and entry_type
  older,         // number (RFC 5032, seconds)
  younger,       // number (RFC 5032, seconds)
  email_id,      // value (RFC 8474 objectid)
  thread_id,     // value (RFC 8474 objectid)
  saved_before,  // date (RFC 8514)
  saved_on,      // date (RFC 8514)
  saved_since,   // date (RFC 8514)
  savedate_supported,  // RFC 8514
  fuzzy,               // children[0] (RFC 6203)
  extension,  // name SP value: a vendor key "X-..." with one astring (X-GM-RAW, X-GUID, ...)
};

// The key as written on the wire ("SENTBEFORE", "SAVEDATESUPPORTED"); "sequence-set", "list"
// and "extension" for the kinds that have no keyword of their own.
std::string_view to_string(search_key_kind kind) noexcept;

// entry-type-req of RFC 7162's search-modseq-ext.
enum class modseq_entry_type : std::uint8_t { none, priv, shared, all };

// search-key (RFC 9051 §9). One struct for every key, with the fields its kind uses (the comment
// on each kind names them); the others stay empty. Recursive through `children`.
struct search_key {
  search_key_kind kind = search_key_kind::all;
  imapkit::string value;      // the astring argument (or objectid, flag-keyword)
  imapkit::string field;      // HEADER's header-fld-name; MODSEQ's entry-name ("/flags/\\seen")
  std::string_view name;      // extension: the key as written ("X-GM-RAW")
  imapkit::date date;         // BEFORE ON SINCE SENT* SAVED*
  std::uint64_t number = 0;   // LARGER SMALLER (number64), OLDER YOUNGER, MODSEQ
  imapkit::sequence_set set;  // UID, sequence_set
  list<search_key> children;  // NOT OR FUZZY (operands), list (members)
  modseq_entry_type entry_type = modseq_entry_type::none;

  friend bool operator==(const search_key&, const search_key&) = default;
};

// partial-range (RFC 9394; RFC 5267 has only the first form): "first:last" or "-first:-last".
// Kept as written: from_end is the "-" form, 500:400 stays 500:400.
struct partial_range {
  std::uint32_t first = 0;
  std::uint32_t last = 0;
  bool from_end = false;

  friend constexpr bool operator==(const partial_range&, const partial_range&) = default;
};

// search-return-opt (RFC 4731 / RFC 9051, RFC 5182 SAVE, RFC 5267 CONTEXT UPDATE, RFC 9394
// PARTIAL, RFC 6203 RELEVANCY, RFC 4466 search-ret-opt-ext for the rest).
enum class search_return_opt_kind : std::uint8_t {
  min,
  max,
  all,
  count,
  save,
  context,
  update,
  partial,  // range
  relevancy,
  extension,  // name [SP value]
};

struct search_return_opt {
  search_return_opt_kind kind = search_return_opt_kind::all;
  imapkit::partial_range range;        // partial
  std::string_view name;               // extension: search-ret-opt-name (tagged-ext-label)
  std::optional<generic_value> value;  // extension: search-ret-opt-value (tagged-ext-val)

  friend bool operator==(const search_return_opt&, const search_return_opt&) = default;
};

// [search-return-opts]: SP "RETURN" SP "(" [search-return-opt *(SP search-return-opt)] ")".
// `present` tells "RETURN ()" (ESEARCH with the default ALL) from no RETURN at all.
struct search_return_opts {
  bool present = false;
  list<search_return_opt> options;

  friend bool operator==(const search_return_opts&, const search_return_opts&) = default;
};

// What follows "SEARCH" SP: [search-return-opts SP] ["CHARSET" SP charset SP] search-key
// *(SP search-key). The keys are ANDed.
struct search_program {
  search_return_opts returns;
  std::optional<imapkit::string> charset;  // atom or quoted
  list<search_key> keys;

  friend bool operator==(const search_program&, const search_program&) = default;
};

// sort-key (RFC 5256, RFC 5957 DISPLAYFROM DISPLAYTO, RFC 6203 RELEVANCY); extension: a vendor
// key "X-..." (Dovecot's X-SCORE), kept by name.
enum class sort_key_kind : std::uint8_t {
  arrival,
  cc,
  date,
  from,
  size,
  subject,
  to,
  display_from,
  display_to,
  relevancy,
  extension,
};

// sort-criterion = ["REVERSE" SP] sort-key
struct sort_criterion {
  bool reverse = false;
  sort_key_kind key = sort_key_kind::arrival;
  std::string_view name;  // extension: the key as written

  friend bool operator==(const sort_criterion&, const sort_criterion&) = default;
};

// What follows "SORT" SP: [sort-return-opts SP] sort-criteria SP search-criteria (RFC 5256,
// RFC 5267 ESORT). search-criteria = charset 1*(SP search-key): the charset is required.
struct sort_program {
  search_return_opts returns;
  list<sort_criterion> criteria;
  imapkit::string charset;
  list<search_key> keys;

  friend bool operator==(const sort_program&, const sort_program&) = default;
};

// thread-alg = "ORDEREDSUBJECT" / "REFERENCES" / atom  (RFC 5256; any other, e.g. Dovecot's REFS,
// is `other` with its name)
enum class thread_algorithm : std::uint8_t { ordered_subject, references, other };

// What follows "THREAD" SP: thread-alg SP search-criteria (RFC 5256).
struct thread_program {
  thread_algorithm algorithm = thread_algorithm::references;
  std::string_view name;  // the algorithm as written ("REFS" for other)
  imapkit::string charset;
  list<search_key> keys;

  friend bool operator==(const thread_program&, const thread_program&) = default;
};

}  // namespace imapkit
