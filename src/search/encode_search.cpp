// Encoders of the arguments of SEARCH / SORT / THREAD and of ESEARCH's return options
// (ast/search.hpp). Each mirrors the rule of search/search_def.hpp that reads it back; a value
// that rule could not read back into an equal AST (an argument of another form than its kind's, a
// name that is a known keyword) is an error.
#include <algorithm>
#include <variant>

#include "lexical/encode.hpp"
#include "search/encode.hpp"

namespace imapkit::encode {

namespace {

// --- search ------------------------------------------------------------------------------------

bool search_key(writer& w, const imapkit::search_key& k);

bool search_keys_separated(writer& w, const list<imapkit::search_key>& keys) {
  return sp_separated(w, keys, [&](const imapkit::search_key& c) { return search_key(w, c); });
}

// search-key (RFC 9051 §9, RFC 3501, RFC 7162, RFC 5032, RFC 8474, RFC 8514, RFC 6203, vendor
// keys): the keyword, then the argument of the form search_key_names gives it.
bool search_key(writer& w, const imapkit::search_key& k) {
  if (!w.ok()) return false;
  const search_key_name& name = name_of(k.kind);
  // An argument of another form than the kind's would not come back.
  if (name.kind != k.kind || k.arg.index() != search_arg_alternative(name.arg))
    return w.fail(serialize_errc::invalid_value, "search-key");
  const std::size_t operand_count = name.arg == search_arg::one_key    ? 1
                                    : name.arg == search_arg::two_keys ? 2
                                                                       : 0;
  if (operand_count != 0 && std::get<search_operands>(k.arg).keys.size() != operand_count)
    return w.fail(serialize_errc::invalid_value, "search-key");
  if (name.is_keyword) {
    w.raw(name.keyword);
    if (name.arg != search_arg::none) w.sp();
  }
  switch (name.arg) {
    case search_arg::none:
      return w.ok();
    case search_arg::astring:
      return astring_value(w, std::get<search_astring>(k.arg).value);
    // "HEADER" SP header-fld-name SP astring
    case search_arg::header: {
      const search_header& h = std::get<search_header>(k.arg);
      if (!astring_value(w, h.field)) return false;
      w.sp();
      return astring_value(w, h.value);
    }
    // flag-keyword: an atom
    case search_arg::flag_keyword:
      return w.atom(std::get<search_atom>(k.arg).value);
    case search_arg::objectid:
      return objectid(w, std::get<search_atom>(k.arg).value);
    // entry-match SP att-search SP value; value = nstring / literal8   (RFC 5257)
    case search_arg::annotation: {
      const search_annotation& a = std::get<search_annotation>(k.arg);
      if (!is_keyword_kind(annotation_attribute_names, a.attribute))
        return w.fail(serialize_errc::invalid_value, "att-search");
      if (!list_mailbox(w, imapkit::string::quoted(a.entry))) return false;  // the form: its own
      w.sp().raw(to_string(a.attribute)).sp();
      return w.nstring(a.value, true);
    }
    // filter-name = 1*<any ATOM-CHAR except "/"> (RFC 5466)
    case search_arg::filter_name: {
      // The character class UNDEFINED-FILTER's encoder checks too (abnf/chars.hpp).
      const std::string_view name = std::get<search_atom>(k.arg).value;
      if (!all_of_class(name, grammar::chars::filter_name_char))
        return w.fail(serialize_errc::invalid_atom, "filter-name");
      w.raw(name);
      return w.ok();
    }
    case search_arg::date:
      return w.date(std::get<search_date>(k.arg).date);
    case search_arg::number64:
      return w.number64(std::get<search_number>(k.arg).number);
    case search_arg::nz_number:
      return w.nz_number(std::get<search_number>(k.arg).number);
    case search_arg::set:
      return w.sequence_set(std::get<search_set>(k.arg).set);
    // search-modsequence = "MODSEQ" [SP entry-name SP entry-type-req] SP mod-sequence-valzer
    case search_arg::modseq: {
      const search_modseq& m = std::get<search_modseq>(k.arg);
      if (m.entry) {
        // entry-flag-name = DQUOTE "/flags/" attr-flag DQUOTE
        const std::string_view v = m.entry->name.value;
        if (m.entry->name.is_nil() || v.size() <= 7 || !iequals(v.substr(0, 7), "/FLAGS/"))
          return w.fail(serialize_errc::invalid_value, "entry-name");
        if (!w.quoted(v, "entry-name")) return false;
        if (!is_keyword_kind(modseq_entry_type_names, m.entry->type))
          return w.fail(serialize_errc::invalid_value, "entry-type-req");
        w.sp().raw(row_of(modseq_entry_type_names, m.entry->type).keyword).sp();
      }
      return w.number64(m.number);
    }
    // NOT / FUZZY SP search-key, OR SP search-key SP search-key
    case search_arg::one_key:
    case search_arg::two_keys:
      return search_keys_separated(w, std::get<search_operands>(k.arg).keys);
    // "(" search-key *(SP search-key) ")"
    case search_arg::key_list: {
      const list<imapkit::search_key>& keys = std::get<search_operands>(k.arg).keys;
      if (keys.empty()) return w.fail(serialize_errc::invalid_value, "search-key");
      w.raw("(");
      if (!search_keys_separated(w, keys)) return false;
      w.raw(")");
      return w.ok();
    }
    // "X-" atom SP astring (vendor keys)
    case search_arg::extension: {
      const search_extension& e = std::get<search_extension>(k.arg);
      if (!is_vendor_name(e.name)) return w.fail(serialize_errc::invalid_atom, "search-key");
      w.raw(e.name).sp();
      return astring_value(w, e.value);
    }
  }
  return w.fail(serialize_errc::invalid_value, "search-key");
}

bool search_keys(writer& w, const list<imapkit::search_key>& keys) {
  if (keys.empty()) return w.fail(serialize_errc::invalid_value, "search-key");
  return search_keys_separated(w, keys);
}

// search-return-opt = "MIN" / "MAX" / "ALL" / "COUNT" / "SAVE" / "CONTEXT" / "UPDATE" /
//   "RELEVANCY" / "PARTIAL" SP partial-range / search-ret-opt-ext
bool search_return_opt(writer& w, const imapkit::search_return_opt& o, bool after_valueless) {
  using R = search_return_opt_kind;
  if (!w.ok()) return false;
  if ((o.kind != R::partial && o.range != imapkit::partial_range{}) ||
      (o.kind != R::extension && (!o.name.empty() || o.value)))
    return w.fail(serialize_errc::invalid_value, "search-return-opt");
  switch (o.kind) {
    case R::partial:
      w.raw(to_string(o.kind)).sp();
      return partial_range(w, o.range);
    case R::extension:
      return tagged_ext_item(w, o, after_valueless, search_return_opt_names, "search-return-opt");
    default:
      if (is_keyword_kind(search_return_opt_names, o.kind)) {
        w.raw(to_string(o.kind));
        return w.ok();
      }
      return w.fail(serialize_errc::invalid_value, "search-return-opt");
  }
}

// search-return-opts = "RETURN" SP "(" [search-return-opt *(SP search-return-opt)] ")"
// (without the SP around it; nothing when absent)
bool search_return_opts(writer& w, const imapkit::search_return_opts& r) {
  if (!w.ok()) return false;
  if (!r.present) {
    if (!r.options.empty()) return w.fail(serialize_errc::invalid_value, "search-return-opts");
    return true;
  }
  w.raw("RETURN (");
  bool after_valueless = false;
  if (!sp_separated(w, r.options, [&](const imapkit::search_return_opt& o) {
        const bool ok = search_return_opt(w, o, after_valueless);
        after_valueless = o.kind == search_return_opt_kind::extension && !o.value;
        return ok;
      }))
    return false;
  w.raw(")");
  return w.ok();
}

// sort-criterion = ["REVERSE" SP] sort-key   (RFC 5256, RFC 5957, RFC 6203, vendor keys)
bool sort_criterion(writer& w, const imapkit::sort_criterion& c) {
  if (!w.ok()) return false;
  if (c.key != sort_key_kind::extension && !c.name.empty())
    return w.fail(serialize_errc::invalid_value, "sort-key");
  if (c.key != sort_key_kind::annotation &&
      (!c.entry.is_nil() || c.attribute != imapkit::sort_criterion{}.attribute))
    return w.fail(serialize_errc::invalid_value, "sort-key");
  if (c.reverse) w.raw("REVERSE ");
  if (c.key == sort_key_kind::annotation) {
    // "ANNOTATION" SP entry SP att-sort; att-sort = "value.priv" / "value.shared"   (RFC 5257)
    if (c.attribute != annotation_attribute::value_priv &&
        c.attribute != annotation_attribute::value_shared)
      return w.fail(serialize_errc::invalid_value, "att-sort");
    w.raw(to_string(c.key)).sp();
    if (!astring_value(w, c.entry, "entry")) return false;
    w.sp().raw(to_string(c.attribute));
    return w.ok();
  }
  if (c.key == sort_key_kind::extension) {
    if (!is_vendor_name(c.name)) return w.fail(serialize_errc::invalid_atom, "sort-key");
    w.raw(c.name);
    return w.ok();
  }
  if (!is_keyword_kind(sort_key_names, c.key))
    return w.fail(serialize_errc::invalid_value, "sort-key");
  w.raw(to_string(c.key));
  return w.ok();
}

}  // namespace

bool search_program(writer& w, const imapkit::search_program& p) {
  if (!search_return_opts(w, p.returns)) return false;
  if (p.returns.present) w.sp();
  if (p.charset) {
    w.raw("CHARSET ");
    if (!charset(w, *p.charset)) return false;
    w.sp();
  }
  return search_keys(w, p.keys);
}

bool sort_program(writer& w, const imapkit::sort_program& p) {
  if (!search_return_opts(w, p.returns)) return false;
  if (p.returns.present) w.sp();
  // sort-criteria = "(" sort-criterion *(SP sort-criterion) ")"
  if (p.criteria.empty()) return w.fail(serialize_errc::invalid_value, "sort-criteria");
  w.raw("(");
  if (!sp_separated(w, p.criteria,
                    [&](const imapkit::sort_criterion& c) { return sort_criterion(w, c); }))
    return false;
  w.raw(") ");
  // search-criteria = charset 1*(SP search-key)
  if (!charset(w, p.charset)) return false;
  w.sp();
  return search_keys(w, p.keys);
}

bool thread_program(writer& w, const imapkit::thread_program& p) {
  if (!w.ok()) return false;
  // thread-alg = "ORDEREDSUBJECT" / "REFERENCES" / thread-alg-ext: the name as written when it
  // names the algorithm, else the keyword.
  const auto* named = find_keyword(thread_algorithm_names, p.name);
  if (p.algorithm == thread_algorithm::other) {
    if (named) return w.fail(serialize_errc::invalid_value, "thread-alg");
    if (!w.atom(p.name)) return false;
  } else if (is_keyword_kind(thread_algorithm_names, p.algorithm)) {
    w.raw(named && named->kind == p.algorithm ? p.name : to_string(p.algorithm));
  } else {
    return w.fail(serialize_errc::invalid_value, "thread-alg");
  }
  w.sp();
  if (!charset(w, p.charset)) return false;
  w.sp();
  return search_keys(w, p.keys);
}

}  // namespace imapkit::encode
