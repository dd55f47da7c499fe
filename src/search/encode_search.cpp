// Encoders of the arguments of SEARCH / SORT / THREAD and of ESEARCH's return options
// (ast/search.hpp). Each mirrors the rule of search/search_def.hpp that reads it back; a value
// that rule could not read back into an equal AST (a field its kind does not use, a name that is a
// known keyword) is an error.
#include <algorithm>

#include "lexical/encode.hpp"
#include "search/encode.hpp"

namespace imapkit::encode {

namespace {

// --- search ------------------------------------------------------------------------------------

using K = search_key_kind;

// The fields a search key's kind uses; the others must be empty, as the parser leaves them.
bool search_key_fields_ok(const imapkit::search_key& k) {
  const K kind = k.kind;
  const bool value = kind == K::bcc || kind == K::body || kind == K::cc || kind == K::from ||
                     kind == K::header || kind == K::subject || kind == K::text || kind == K::to ||
                     kind == K::keyword || kind == K::unkeyword || kind == K::email_id ||
                     kind == K::thread_id || kind == K::extension;
  const bool field = kind == K::header || kind == K::modseq;
  const bool date = kind == K::before || kind == K::on || kind == K::since ||
                    kind == K::sent_before || kind == K::sent_on || kind == K::sent_since ||
                    kind == K::saved_before || kind == K::saved_on || kind == K::saved_since;
  const bool number = kind == K::larger || kind == K::smaller || kind == K::older ||
                      kind == K::younger || kind == K::modseq;
  const bool set = kind == K::uid || kind == K::sequence_set;
  const bool children = kind == K::not_ || kind == K::or_ || kind == K::list || kind == K::fuzzy;
  return (value || k.value == imapkit::string{}) && (field || k.field == imapkit::string{}) &&
         (kind == K::extension || k.name.empty()) && (date || k.date == imapkit::date{}) &&
         (number || k.number == 0) && (set || k.set == imapkit::sequence_set{}) &&
         (children || k.children.empty()) &&
         (kind == K::modseq || k.entry_type == modseq_entry_type::none);
}

bool search_key(writer& w, const imapkit::search_key& k);

// The operands of NOT / OR / FUZZY: exactly `n` keys.
bool operands(writer& w, const imapkit::search_key& k, std::size_t n) {
  if (k.children.size() != n) return w.fail(serialize_errc::invalid_value, "search-key");
  w.raw(to_string(k.kind)).sp();
  return sp_separated(w, k.children,
                      [&](const imapkit::search_key& c) { return search_key(w, c); });
}

// search-key (RFC 9051 §9, RFC 3501, RFC 7162, RFC 5032, RFC 8474, RFC 8514, RFC 6203, vendor keys)
bool search_key(writer& w, const imapkit::search_key& k) {
  if (!w.ok()) return false;
  if (!search_key_fields_ok(k)) return w.fail(serialize_errc::invalid_value, "search-key");
  switch (k.kind) {
    case K::all:
    case K::answered:
    case K::deleted:
    case K::draft:
    case K::flagged:
    case K::new_:
    case K::old:
    case K::recent:
    case K::seen:
    case K::unanswered:
    case K::undeleted:
    case K::undraft:
    case K::unflagged:
    case K::unseen:
    case K::savedate_supported:
      w.raw(to_string(k.kind));
      return w.ok();
    // KEY SP astring
    case K::bcc:
    case K::body:
    case K::cc:
    case K::from:
    case K::subject:
    case K::text:
    case K::to:
      w.raw(to_string(k.kind)).sp();
      return astring_value(w, k.value);
    // "HEADER" SP header-fld-name SP astring
    case K::header:
      w.raw("HEADER ");
      if (!astring_value(w, k.field)) return false;
      w.sp();
      return astring_value(w, k.value);
    // ("KEYWORD" / "UNKEYWORD") SP flag-keyword: an atom
    case K::keyword:
    case K::unkeyword:
      if (k.value.is_nil()) return w.fail(serialize_errc::invalid_atom, "flag-keyword");
      w.raw(to_string(k.kind)).sp();
      return w.atom(k.value.value);
    // ("EMAILID" / "THREADID") SP objectid
    case K::email_id:
    case K::thread_id:
      w.raw(to_string(k.kind)).sp();
      if (k.value.is_nil()) return w.fail(serialize_errc::invalid_value, "objectid");
      return objectid(w, k.value.value);
    case K::before:
    case K::on:
    case K::since:
    case K::sent_before:
    case K::sent_on:
    case K::sent_since:
    case K::saved_before:
    case K::saved_on:
    case K::saved_since:
      w.raw(to_string(k.kind)).sp();
      return w.date(k.date);
    // ("LARGER" / "SMALLER") SP number64
    case K::larger:
    case K::smaller:
      w.raw(to_string(k.kind)).sp();
      return w.number64(k.number);
    // ("OLDER" / "YOUNGER") SP nz-number
    case K::older:
    case K::younger:
      w.raw(to_string(k.kind)).sp();
      return w.nz_number(k.number);
    case K::uid:
      w.raw("UID ");
      return w.sequence_set(k.set);
    case K::sequence_set:
      return w.sequence_set(k.set);
    // search-modsequence = "MODSEQ" [SP entry-name SP entry-type-req] SP mod-sequence-valzer
    case K::modseq: {
      const bool has_entry = !k.field.is_nil();
      if (has_entry != (k.entry_type != modseq_entry_type::none))
        return w.fail(serialize_errc::invalid_value, "search-modsequence");
      w.raw("MODSEQ ");
      if (has_entry) {
        // entry-flag-name = DQUOTE "/flags/" attr-flag DQUOTE
        const std::string_view v = k.field.value;
        if (v.size() <= 7 || !iequals(v.substr(0, 7), "/FLAGS/"))
          return w.fail(serialize_errc::invalid_value, "entry-name");
        if (!w.quoted(v, "entry-name")) return false;
        switch (k.entry_type) {
          case modseq_entry_type::priv:
            w.raw(" PRIV ");
            break;
          case modseq_entry_type::shared:
            w.raw(" SHARED ");
            break;
          default:
            w.raw(" ALL ");
            break;
        }
      }
      return w.number64(k.number);
    }
    case K::not_:
      return operands(w, k, 1);
    case K::fuzzy:
      return operands(w, k, 1);
    case K::or_:
      return operands(w, k, 2);
    // "(" search-key *(SP search-key) ")"
    case K::list:
      if (k.children.empty()) return w.fail(serialize_errc::invalid_value, "search-key");
      w.raw("(");
      if (!sp_separated(w, k.children,
                        [&](const imapkit::search_key& c) { return search_key(w, c); }))
        return false;
      w.raw(")");
      return w.ok();
    // "X-" atom SP astring (vendor keys)
    case K::extension:
      if (!is_vendor_name(k.name)) return w.fail(serialize_errc::invalid_atom, "search-key");
      w.raw(k.name).sp();
      return astring_value(w, k.value);
  }
  return w.fail(serialize_errc::invalid_value, "search-key");
}

bool search_keys(writer& w, const list<imapkit::search_key>& keys) {
  if (keys.empty()) return w.fail(serialize_errc::invalid_value, "search-key");
  return sp_separated(w, keys, [&](const imapkit::search_key& k) { return search_key(w, k); });
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
    case R::min:
      w.raw("MIN");
      return w.ok();
    case R::max:
      w.raw("MAX");
      return w.ok();
    case R::all:
      w.raw("ALL");
      return w.ok();
    case R::count:
      w.raw("COUNT");
      return w.ok();
    case R::save:
      w.raw("SAVE");
      return w.ok();
    case R::context:
      w.raw("CONTEXT");
      return w.ok();
    case R::update:
      w.raw("UPDATE");
      return w.ok();
    case R::relevancy:
      w.raw("RELEVANCY");
      return w.ok();
    case R::partial:
      w.raw("PARTIAL ");
      return partial_range(w, o.range);
    case R::extension:
      return tagged_ext_item(
          w, o, after_valueless,
          {"MIN", "MAX", "ALL", "COUNT", "SAVE", "CONTEXT", "UPDATE", "RELEVANCY", "PARTIAL"},
          "search-return-opt");
  }
  return w.fail(serialize_errc::invalid_value, "search-return-opt");
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
  if (c.reverse) w.raw("REVERSE ");
  switch (c.key) {
    case sort_key_kind::arrival:
      w.raw("ARRIVAL");
      return w.ok();
    case sort_key_kind::cc:
      w.raw("CC");
      return w.ok();
    case sort_key_kind::date:
      w.raw("DATE");
      return w.ok();
    case sort_key_kind::from:
      w.raw("FROM");
      return w.ok();
    case sort_key_kind::size:
      w.raw("SIZE");
      return w.ok();
    case sort_key_kind::subject:
      w.raw("SUBJECT");
      return w.ok();
    case sort_key_kind::to:
      w.raw("TO");
      return w.ok();
    case sort_key_kind::display_from:
      w.raw("DISPLAYFROM");
      return w.ok();
    case sort_key_kind::display_to:
      w.raw("DISPLAYTO");
      return w.ok();
    case sort_key_kind::relevancy:
      w.raw("RELEVANCY");
      return w.ok();
    case sort_key_kind::extension:
      if (!is_vendor_name(c.name)) return w.fail(serialize_errc::invalid_atom, "sort-key");
      w.raw(c.name);
      return w.ok();
  }
  return w.fail(serialize_errc::invalid_value, "sort-key");
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
  switch (p.algorithm) {
    case thread_algorithm::ordered_subject:
      w.raw(iequals(p.name, "ORDEREDSUBJECT") ? p.name : "ORDEREDSUBJECT");
      break;
    case thread_algorithm::references:
      w.raw(iequals(p.name, "REFERENCES") ? p.name : "REFERENCES");
      break;
    case thread_algorithm::other:
      if (iequals(p.name, "ORDEREDSUBJECT") || iequals(p.name, "REFERENCES"))
        return w.fail(serialize_errc::invalid_value, "thread-alg");
      if (!w.atom(p.name)) return false;
      break;
    default:
      return w.fail(serialize_errc::invalid_value, "thread-alg");
  }
  w.sp();
  if (!charset(w, p.charset)) return false;
  w.sp();
  return search_keys(w, p.keys);
}

}  // namespace imapkit::encode
