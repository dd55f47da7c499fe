// AST of the arguments of SEARCH, SORT and THREAD (RFC 9051 §6.4.4 / §9, RFC 3501, RFC 4466,
// RFC 4731, RFC 5032, RFC 5182, RFC 5256, RFC 5267, RFC 5957, RFC 6203, RFC 7162, RFC 8474,
// RFC 8514, RFC 9394). JSON forms and field-by-key tables: docs/ast-search.md.
#pragma once

#include <boost/describe/class.hpp>
#include <boost/describe/enum.hpp>
#include <cstdint>
#include <iterator>
#include <optional>
#include <string_view>
#include <variant>

#include "imapkit/ast/keywords.hpp"
#include "imapkit/ast/lexical.hpp"
#include "imapkit/list.hpp"
#include "imapkit/string.hpp"

namespace imapkit {

// Which search-key a search_key is. The keys of RFC 9051 and RFC 3501 (NEW, OLD and RECENT are
// RFC 3501 only), then the extensions. search_key_names says each one's keyword and argument.
enum class search_key_kind : std::uint8_t {
  all,
  answered,
  bcc,
  before,
  body,
  cc,
  deleted,
  draft,
  flagged,
  from,
  header,
  keyword,
  larger,
  new_,  // RFC 3501
  not_,
  old,  // RFC 3501
  on,
  or_,
  recent,  // RFC 3501
  seen,
  sent_before,
  sent_on,
  sent_since,
  since,
  smaller,
  subject,
  text,
  to,
  uid,
  unanswered,
  undeleted,
  undraft,
  unflagged,
  unkeyword,
  unseen,
  sequence_set,        // a bare sequence-set, "$" included (RFC 5182)
  list,                // "(" search-key *(SP search-key) ")"
  modseq,              // RFC 7162
  older,               // RFC 5032 (seconds)
  younger,             // RFC 5032 (seconds)
  email_id,            // RFC 8474
  thread_id,           // RFC 8474
  saved_before,        // RFC 8514
  saved_on,            // RFC 8514
  saved_since,         // RFC 8514
  savedate_supported,  // RFC 8514
  fuzzy,               // RFC 6203
  filter,              // RFC 5466 (a named search, stored with METADATA)
  annotation,          // RFC 5257 ANNOTATE-EXPERIMENT-1
  extension,           // a vendor key "X-..." with one astring (X-GM-RAW, X-GUID, ...)
};

// What follows a search key's keyword, as the grammar reads it. Each names the alternative of
// search_key::arg that holds it (search_arg_alternative).
enum class search_arg : std::uint8_t {
  none,          // std::monostate
  astring,       // search_astring
  flag_keyword,  // search_atom: flag-keyword (an atom)
  objectid,      // search_atom: objectid (RFC 8474)
  filter_name,   // search_atom: filter-name = 1*<any ATOM-CHAR except "/"> (RFC 5466)
  annotation,    // search_annotation: entry-match SP att-search SP value (RFC 5257)
  header,        // search_header: header-fld-name SP astring
  date,          // search_date
  number64,      // search_number
  nz_number,     // search_number, not 0
  set,           // search_set: a sequence-set
  modseq,        // search_modseq: [entry-name SP entry-type-req SP] mod-sequence-valzer
  one_key,       // search_operands with one key (NOT, FUZZY)
  two_keys,      // search_operands with two keys (OR)
  key_list,      // search_operands with one or more keys (a parenthesised list)
  extension,     // search_extension: the vendor key's name, then an astring
};

// One row per search_key_kind, in the enum's order: the one place that spells each key.
struct search_key_name {
  search_key_kind kind;
  std::string_view keyword;  // as written on the wire; for the three kinds that have no keyword
                             // ("sequence-set", "list", "extension") a name, and is_keyword false
  search_arg arg;
  bool is_keyword = true;
};

inline constexpr search_key_name search_key_names[] = {
    {search_key_kind::all, "ALL", search_arg::none},
    {search_key_kind::answered, "ANSWERED", search_arg::none},
    {search_key_kind::bcc, "BCC", search_arg::astring},
    {search_key_kind::before, "BEFORE", search_arg::date},
    {search_key_kind::body, "BODY", search_arg::astring},
    {search_key_kind::cc, "CC", search_arg::astring},
    {search_key_kind::deleted, "DELETED", search_arg::none},
    {search_key_kind::draft, "DRAFT", search_arg::none},
    {search_key_kind::flagged, "FLAGGED", search_arg::none},
    {search_key_kind::from, "FROM", search_arg::astring},
    {search_key_kind::header, "HEADER", search_arg::header},
    {search_key_kind::keyword, "KEYWORD", search_arg::flag_keyword},
    {search_key_kind::larger, "LARGER", search_arg::number64},
    {search_key_kind::new_, "NEW", search_arg::none},
    {search_key_kind::not_, "NOT", search_arg::one_key},
    {search_key_kind::old, "OLD", search_arg::none},
    {search_key_kind::on, "ON", search_arg::date},
    {search_key_kind::or_, "OR", search_arg::two_keys},
    {search_key_kind::recent, "RECENT", search_arg::none},
    {search_key_kind::seen, "SEEN", search_arg::none},
    {search_key_kind::sent_before, "SENTBEFORE", search_arg::date},
    {search_key_kind::sent_on, "SENTON", search_arg::date},
    {search_key_kind::sent_since, "SENTSINCE", search_arg::date},
    {search_key_kind::since, "SINCE", search_arg::date},
    {search_key_kind::smaller, "SMALLER", search_arg::number64},
    {search_key_kind::subject, "SUBJECT", search_arg::astring},
    {search_key_kind::text, "TEXT", search_arg::astring},
    {search_key_kind::to, "TO", search_arg::astring},
    {search_key_kind::uid, "UID", search_arg::set},
    {search_key_kind::unanswered, "UNANSWERED", search_arg::none},
    {search_key_kind::undeleted, "UNDELETED", search_arg::none},
    {search_key_kind::undraft, "UNDRAFT", search_arg::none},
    {search_key_kind::unflagged, "UNFLAGGED", search_arg::none},
    {search_key_kind::unkeyword, "UNKEYWORD", search_arg::flag_keyword},
    {search_key_kind::unseen, "UNSEEN", search_arg::none},
    {search_key_kind::sequence_set, "sequence-set", search_arg::set, false},
    {search_key_kind::list, "list", search_arg::key_list, false},
    {search_key_kind::modseq, "MODSEQ", search_arg::modseq},
    {search_key_kind::older, "OLDER", search_arg::nz_number},
    {search_key_kind::younger, "YOUNGER", search_arg::nz_number},
    {search_key_kind::email_id, "EMAILID", search_arg::objectid},
    {search_key_kind::thread_id, "THREADID", search_arg::objectid},
    {search_key_kind::saved_before, "SAVEDBEFORE", search_arg::date},
    {search_key_kind::saved_on, "SAVEDON", search_arg::date},
    {search_key_kind::saved_since, "SAVEDSINCE", search_arg::date},
    {search_key_kind::savedate_supported, "SAVEDATESUPPORTED", search_arg::none},
    {search_key_kind::fuzzy, "FUZZY", search_arg::one_key},
    {search_key_kind::filter, "FILTER", search_arg::filter_name},
    {search_key_kind::annotation, "ANNOTATION", search_arg::annotation},
    {search_key_kind::extension, "extension", search_arg::extension, false},
};

static_assert(rows_in_enum_order(search_key_names,
                                 static_cast<std::size_t>(search_key_kind::extension) + 1),
              "one row per search_key_kind, in order");

constexpr const search_key_name& name_of(search_key_kind kind) noexcept {
  return row_of(search_key_names, kind);
}

// The key as written on the wire ("SENTBEFORE", "SAVEDATESUPPORTED"); "sequence-set", "list"
// and "extension" for the kinds that have no keyword of their own.
constexpr std::string_view to_string(search_key_kind kind) noexcept {
  return name_of(kind).keyword;
}

// entry-type-req of RFC 7162's search-modseq-ext.
// (JSON: the enumerator's name; on the wire: the keyword)
enum class modseq_entry_type : std::uint8_t { priv, shared, all };
BOOST_DESCRIBE_ENUM(modseq_entry_type, priv, shared, all)

inline constexpr keyword_row<modseq_entry_type> modseq_entry_type_names[] = {
    {modseq_entry_type::priv, "PRIV"},
    {modseq_entry_type::shared, "SHARED"},
    {modseq_entry_type::all, "ALL"},
};
static_assert(rows_in_enum_order(modseq_entry_type_names,
                                 static_cast<std::size_t>(modseq_entry_type::all) + 1));

struct search_key;

// The arguments of search keys, one struct per form (search_arg names which key takes which).
struct search_astring {
  imapkit::string value;
  friend bool operator==(const search_astring&, const search_astring&) = default;
};
BOOST_DESCRIBE_STRUCT(search_astring, (), (value))

// A flag-keyword (KEYWORD, UNKEYWORD), an objectid (EMAILID, THREADID) or a filter-name (FILTER):
// an atom.
struct search_atom {
  std::string_view value;
  friend bool operator==(const search_atom&, const search_atom&) = default;
};
BOOST_DESCRIBE_STRUCT(search_atom, (), (value))

struct search_header {
  imapkit::string field;  // header-fld-name
  imapkit::string value;
  friend bool operator==(const search_header&, const search_header&) = default;
};
BOOST_DESCRIBE_STRUCT(search_header, (), (field, value))

struct search_date {
  imapkit::date date;
  friend bool operator==(const search_date&, const search_date&) = default;
};
BOOST_DESCRIBE_STRUCT(search_date, (), (date))

// LARGER SMALLER (number64), OLDER YOUNGER (nz-number, seconds)
struct search_number {
  std::uint64_t number = 0;
  friend bool operator==(const search_number&, const search_number&) = default;
};
BOOST_DESCRIBE_STRUCT(search_number, (), (number))

struct search_set {
  imapkit::sequence_set set;
  friend bool operator==(const search_set&, const search_set&) = default;
};
BOOST_DESCRIBE_STRUCT(search_set, (), (set))

// RFC 7162's entry-name SP entry-type-req: entry-name = "/flags/" attr-flag, as a quoted string
struct search_modseq_entry {
  imapkit::string name;
  modseq_entry_type type = modseq_entry_type::all;
  friend bool operator==(const search_modseq_entry&, const search_modseq_entry&) = default;
};
BOOST_DESCRIBE_STRUCT(search_modseq_entry, (), (name, type))

// search-modsequence = "MODSEQ" [SP entry-name SP entry-type-req] SP mod-sequence-valzer
struct search_modseq {
  std::uint64_t number = 0;
  std::optional<search_modseq_entry> entry;
  friend bool operator==(const search_modseq&, const search_modseq&) = default;
};
BOOST_DESCRIBE_STRUCT(search_modseq, (), (number, entry))

// NOT, FUZZY: one key; OR: two; a parenthesised list: one or more.
struct search_operands {
  list<search_key> keys;
  friend bool operator==(const search_operands&, const search_operands&) = default;
};
BOOST_DESCRIBE_STRUCT(search_operands, (), (keys))

// att-search = "value" / "value.priv" / "value.shared"; att-sort = "value.priv" / "value.shared"
// (RFC 5257 §5: the annotation attributes SEARCH and SORT can name)
enum class annotation_attribute : std::uint8_t { value, value_priv, value_shared };

inline constexpr keyword_row<annotation_attribute> annotation_attribute_names[] = {
    {annotation_attribute::value, "value"},
    {annotation_attribute::value_priv, "value.priv"},
    {annotation_attribute::value_shared, "value.shared"},
};
static_assert(rows_in_enum_order(annotation_attribute_names,
                                 static_cast<std::size_t>(annotation_attribute::value_shared) + 1));

constexpr std::string_view to_string(annotation_attribute a) noexcept {
  return row_of(annotation_attribute_names, a).keyword;
}

// "ANNOTATION" SP entry-match SP att-search SP value; entry-match = list-mailbox;
// value = nstring / literal8   (RFC 5257 §5)
struct search_annotation {
  std::string_view entry;  // "/comment", "/%" (never NIL; a view keeps search_key at its size)
  imapkit::string value;
  annotation_attribute attribute = annotation_attribute::value;
  friend bool operator==(const search_annotation&, const search_annotation&) = default;
};
BOOST_DESCRIBE_STRUCT(search_annotation, (), (entry, attribute, value))
static_assert(sizeof(search_annotation) <= sizeof(search_header), "search_key keeps its size");

struct search_extension {
  std::string_view name;  // the key as written ("X-GM-RAW")
  imapkit::string value;
  friend bool operator==(const search_extension&, const search_extension&) = default;
};
BOOST_DESCRIBE_STRUCT(search_extension, (), (name, value))

using search_argument = std::variant<std::monostate, search_astring, search_atom, search_header,
                                     search_date, search_number, search_set, search_modseq,
                                     search_operands, search_extension, search_annotation>;

// The alternative of search_argument that holds an argument of this form.
constexpr std::size_t search_arg_alternative(search_arg arg) noexcept {
  switch (arg) {
    case search_arg::none:
      return 0;
    case search_arg::astring:
      return 1;
    case search_arg::flag_keyword:
    case search_arg::objectid:
    case search_arg::filter_name:
      return 2;
    case search_arg::header:
      return 3;
    case search_arg::date:
      return 4;
    case search_arg::number64:
    case search_arg::nz_number:
      return 5;
    case search_arg::set:
      return 6;
    case search_arg::modseq:
      return 7;
    case search_arg::one_key:
    case search_arg::two_keys:
    case search_arg::key_list:
      return 8;
    case search_arg::extension:
      return 9;
    case search_arg::annotation:
      return 10;
  }
  return 0;
}

// search-key (RFC 9051 §9): which key, and its argument, whose alternative is the one
// search_arg_alternative(name_of(kind).arg) names. Recursive through search_operands.
struct search_key {
  search_key_kind kind = search_key_kind::all;
  search_argument arg;

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
BOOST_DESCRIBE_STRUCT(partial_range, (), (first, last, from_end))

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

inline constexpr keyword_row<search_return_opt_kind> search_return_opt_names[] = {
    {search_return_opt_kind::min, "MIN"},
    {search_return_opt_kind::max, "MAX"},
    {search_return_opt_kind::all, "ALL"},
    {search_return_opt_kind::count, "COUNT"},
    {search_return_opt_kind::save, "SAVE"},
    {search_return_opt_kind::context, "CONTEXT"},
    {search_return_opt_kind::update, "UPDATE"},
    {search_return_opt_kind::partial, "PARTIAL"},
    {search_return_opt_kind::relevancy, "RELEVANCY"},
    {search_return_opt_kind::extension, "extension", false},
};
static_assert(rows_in_enum_order(search_return_opt_names,
                                 static_cast<std::size_t>(search_return_opt_kind::extension) + 1));

// "MIN", "PARTIAL", ...; "extension" for search-ret-opt-ext.
constexpr std::string_view to_string(search_return_opt_kind kind) noexcept {
  return row_of(search_return_opt_names, kind).keyword;
}

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
  annotation,  // RFC 5257: entry, attribute
  extension,
};

inline constexpr keyword_row<sort_key_kind> sort_key_names[] = {
    {sort_key_kind::arrival, "ARRIVAL"},
    {sort_key_kind::cc, "CC"},
    {sort_key_kind::date, "DATE"},
    {sort_key_kind::from, "FROM"},
    {sort_key_kind::size, "SIZE"},
    {sort_key_kind::subject, "SUBJECT"},
    {sort_key_kind::to, "TO"},
    {sort_key_kind::display_from, "DISPLAYFROM"},
    {sort_key_kind::display_to, "DISPLAYTO"},
    {sort_key_kind::relevancy, "RELEVANCY"},
    {sort_key_kind::annotation, "ANNOTATION"},
    {sort_key_kind::extension, "extension", false},
};
static_assert(rows_in_enum_order(sort_key_names,
                                 static_cast<std::size_t>(sort_key_kind::extension) + 1));

// "ARRIVAL", "DISPLAYFROM", ...; "extension" for a vendor key.
constexpr std::string_view to_string(sort_key_kind kind) noexcept {
  return row_of(sort_key_names, kind).keyword;
}

// sort-criterion = ["REVERSE" SP] sort-key
struct sort_criterion {
  bool reverse = false;
  sort_key_kind key = sort_key_kind::arrival;
  std::string_view name;  // extension: the key as written
  // annotation: "ANNOTATION" SP entry SP att-sort; entry = astring   (RFC 5257 §5)
  imapkit::string entry;
  annotation_attribute attribute = annotation_attribute::value_priv;

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

inline constexpr keyword_row<thread_algorithm> thread_algorithm_names[] = {
    {thread_algorithm::ordered_subject, "ORDEREDSUBJECT"},
    {thread_algorithm::references, "REFERENCES"},
    {thread_algorithm::other, "other", false},
};
static_assert(rows_in_enum_order(thread_algorithm_names,
                                 static_cast<std::size_t>(thread_algorithm::other) + 1));

// "ORDEREDSUBJECT", "REFERENCES"; "other" for thread-alg-ext.
constexpr std::string_view to_string(thread_algorithm algorithm) noexcept {
  return row_of(thread_algorithm_names, algorithm).keyword;
}

// What follows "THREAD" SP: thread-alg SP search-criteria (RFC 5256).
struct thread_program {
  thread_algorithm algorithm = thread_algorithm::references;
  std::string_view name;  // the algorithm as written ("REFS" for other)
  imapkit::string charset;
  list<search_key> keys;

  friend bool operator==(const thread_program&, const thread_program&) = default;
};

}  // namespace imapkit
