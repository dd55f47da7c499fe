// Encoders of the arguments of SEARCH / SORT / THREAD / ESEARCH and FETCH / STORE commands
// (ast/search.hpp, ast/fetch_command.hpp). Each mirrors the rule of grammar/imapkit/grammar/
// search_def.hpp or fetch_command_def.hpp that reads it back; a value that rule could not read
// back into an equal AST (a field its kind does not use, a name that is a known keyword) is an
// error.
#include <algorithm>

#include "serialize_encode.hpp"

namespace imapkit::encode {

namespace {

// "X-" atom: a vendor search key, sort key or fetch item.
bool is_vendor_name(std::string_view s) {
  return s.size() >= 2 && (s[0] == 'X' || s[0] == 'x') && s[1] == '-' && is_valid_atom(s);
}

// objectid = 1*255(ALPHA / DIGIT / "_" / "-")   (RFC 8474)
bool objectid(writer& w, const imapkit::string& id) {
  if (!w.ok()) return false;
  const std::string_view v = id.value;
  bool ok = !id.is_nil() && !v.empty() && v.size() <= 255;
  for (char c : v)
    ok = ok &&
         ((c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || is_digit(c) || c == '_' || c == '-');
  if (!ok) return w.fail(serialize_errc::invalid_value, "objectid");
  w.raw(v);
  return w.ok();
}

// tagged-ext-label = tagged-label-fchar *tagged-label-char   (RFC 4466)
bool tagged_ext_label(writer& w, std::string_view s) {
  if (!w.ok()) return false;
  const auto fchar = [](char c) {
    return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || c == '-' || c == '_' || c == '.';
  };
  bool ok = !s.empty() && fchar(s[0]);
  for (std::size_t i = 1; ok && i < s.size(); ++i)
    ok = fchar(s[i]) || is_digit(s[i]) || s[i] == ':';
  if (!ok) return w.fail(serialize_errc::invalid_atom, "tagged-ext-label");
  w.raw(s);
  return w.ok();
}

// tagged-ext-val = tagged-ext-simple / "(" [tagged-ext-comp] ")"; the parser takes a value only
// where it starts like one (digit, "*", "$", "-" DIGIT, "("): anything else would be read as the
// next option.
bool tagged_ext_val(writer& w, const imapkit::generic_value& v) {
  if (!w.ok()) return false;
  const std::string_view t = v.text.value;
  const bool simple = v.kind == generic_value::kind_t::atom && !t.empty() &&
                      (is_digit(t[0]) || t[0] == '*' || t[0] == '$' ||
                       (t[0] == '-' && t.size() > 1 && is_digit(t[1])));
  if (!simple && v.kind != generic_value::kind_t::list)
    return w.fail(serialize_errc::invalid_value, "tagged-ext-val");
  return w.generic_value(v);
}

// An extension option (search-ret-opt-ext, fetch-modifier, store-modifier): label [SP value].
// A label must not be one of the context's keywords, and a label starting "-" DIGIT after an
// option without value would be read as that option's value.
template <class Option>
bool tagged_ext_item(writer& w, const Option& o, bool after_valueless,
                     std::initializer_list<std::string_view> keywords, std::string_view what) {
  for (std::string_view k : keywords)
    if (iequals(o.name, k)) return w.fail(serialize_errc::invalid_value, what);
  if (after_valueless && o.name.size() > 1 && o.name[0] == '-' && is_digit(o.name[1]))
    return w.fail(serialize_errc::invalid_value, what);
  if (!tagged_ext_label(w, o.name)) return false;
  if (o.value) {
    w.sp();
    return tagged_ext_val(w, *o.value);
  }
  return w.ok();
}

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
      return objectid(w, k.value);
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

// --- fetch / store -----------------------------------------------------------------------------

using F = fetch_att_kind;

// partial = "<" number "." nz-number ">"
bool partial(writer& w, const fetch_partial& p) {
  w.raw("<");
  w.number(p.offset);
  w.raw(".");
  w.nz_number(p.length);
  w.raw(">");
  return w.ok();
}

// fetch-att (RFC 9051 §9, RFC 3516, RFC 7162, RFC 8474, RFC 8514, RFC 8970, vendor items).
// `listed`: inside "(...)", where a vendor item may carry a parenthesised argument list.
bool fetch_att(writer& w, const imapkit::fetch_att& a, bool listed) {
  if (!w.ok()) return false;
  const bool sectioned = a.kind == F::body_section || a.kind == F::binary;
  if ((!sectioned && (a.peek || a.partial)) ||
      (!sectioned && a.kind != F::binary_size && a.section != imapkit::section{}) ||
      (a.kind != F::preview && a.lazy) || (a.kind != F::extension && (!a.name.empty() || a.params)))
    return w.fail(serialize_errc::invalid_value, "fetch-att");
  switch (a.kind) {
    case F::envelope:
      w.raw("ENVELOPE");
      return w.ok();
    case F::flags:
      w.raw("FLAGS");
      return w.ok();
    case F::internal_date:
      w.raw("INTERNALDATE");
      return w.ok();
    case F::rfc822:
      w.raw("RFC822");
      return w.ok();
    case F::rfc822_header:
      w.raw("RFC822.HEADER");
      return w.ok();
    case F::rfc822_size:
      w.raw("RFC822.SIZE");
      return w.ok();
    case F::rfc822_text:
      w.raw("RFC822.TEXT");
      return w.ok();
    case F::body:
      w.raw("BODY");
      return w.ok();
    case F::body_structure:
      w.raw("BODYSTRUCTURE");
      return w.ok();
    case F::uid:
      w.raw("UID");
      return w.ok();
    case F::modseq:
      w.raw("MODSEQ");
      return w.ok();
    case F::email_id:
      w.raw("EMAILID");
      return w.ok();
    case F::thread_id:
      w.raw("THREADID");
      return w.ok();
    case F::save_date:
      w.raw("SAVEDATE");
      return w.ok();
    // "PREVIEW" [SP "(" preview-mod *(SP preview-mod) ")"]
    case F::preview:
      w.raw(a.lazy ? "PREVIEW (LAZY)" : "PREVIEW");
      return w.ok();
    // "BODY" ["PEEK"] section [partial]
    case F::body_section:
      w.raw(a.peek ? "BODY.PEEK" : "BODY");
      if (!section(w, a.section)) return false;
      return a.partial ? partial(w, *a.partial) : w.ok();
    // "BINARY" [".PEEK"] section-binary [partial]
    case F::binary:
      w.raw(a.peek ? "BINARY.PEEK" : "BINARY");
      if (!section_binary(w, a.section)) return false;
      return a.partial ? partial(w, *a.partial) : w.ok();
    // "BINARY.SIZE" section-binary
    case F::binary_size:
      w.raw("BINARY.SIZE");
      return section_binary(w, a.section);
    // "X-" atom / "SNIPPET" [SP "(" ... ")"] (the argument list only inside a list)
    case F::extension:
      if (!is_vendor_name(a.name) && !iequals(a.name, "SNIPPET"))
        return w.fail(serialize_errc::invalid_atom, "fetch-att");
      w.raw(a.name);
      if (a.params) {
        if (!listed || a.params->kind != generic_value::kind_t::list)
          return w.fail(serialize_errc::invalid_value, "fetch-att");
        w.sp();
        return w.generic_value(*a.params);
      }
      return w.ok();
  }
  return w.fail(serialize_errc::invalid_value, "fetch-att");
}

// fetch-modifier = "CHANGEDSINCE" SP mod-sequence-value / "VANISHED" / "PARTIAL" SP
//   partial-range / fetch-modifier-name [SP fetch-modif-params]   (RFC 4466, RFC 7162, RFC 9394)
bool fetch_modifier(writer& w, const imapkit::fetch_modifier& m, bool after_valueless) {
  using M = fetch_modifier_kind;
  if (!w.ok()) return false;
  if ((m.kind != M::changed_since && m.mod_sequence != 0) ||
      (m.kind != M::partial && m.range != imapkit::partial_range{}) ||
      (m.kind != M::extension && (!m.name.empty() || m.value)))
    return w.fail(serialize_errc::invalid_value, "fetch-modifier");
  switch (m.kind) {
    case M::changed_since:
      // mod-sequence-value: 1 <= n
      if (m.mod_sequence == 0) return w.fail(serialize_errc::invalid_number, "mod-sequence-value");
      w.raw("CHANGEDSINCE ");
      return w.number64(m.mod_sequence);
    case M::vanished:
      w.raw("VANISHED");
      return w.ok();
    case M::partial:
      w.raw("PARTIAL ");
      return partial_range(w, m.range);
    case M::extension:
      return tagged_ext_item(w, m, after_valueless, {"CHANGEDSINCE", "VANISHED", "PARTIAL"},
                             "fetch-modifier");
  }
  return w.fail(serialize_errc::invalid_value, "fetch-modifier");
}

// store-modifier = "UNCHANGEDSINCE" SP mod-sequence-valzer / store-modifier-name
//   [SP store-modif-params]   (RFC 4466, RFC 7162)
bool store_modifier(writer& w, const imapkit::store_modifier& m, bool after_valueless) {
  if (!w.ok()) return false;
  if (m.kind == store_modifier_kind::unchanged_since) {
    if (!m.name.empty() || m.value) return w.fail(serialize_errc::invalid_value, "store-modifier");
    w.raw("UNCHANGEDSINCE ");
    return w.number64(m.mod_sequence);
  }
  if (m.mod_sequence != 0) return w.fail(serialize_errc::invalid_value, "store-modifier");
  return tagged_ext_item(w, m, after_valueless, {"UNCHANGEDSINCE"}, "store-modifier");
}

// "(" modifier *(SP modifier) ")" for fetch-modifiers / store-modifiers (without the SP before)
template <class Modifier, class Encode>
bool modifiers(writer& w, const list<Modifier>& mods, Encode&& encode) {
  w.raw("(");
  bool after_valueless = false;
  if (!sp_separated(w, mods, [&](const Modifier& m) {
        const bool ok = encode(m, after_valueless);
        after_valueless = !m.name.empty() && !m.value;
        return ok;
      }))
    return false;
  w.raw(")");
  return w.ok();
}

// charset = atom / quoted
bool charset(writer& w, const imapkit::string& c) {
  if (!w.ok()) return false;
  if (c.is_nil()) return w.fail(serialize_errc::invalid_value, "charset");
  if (is_valid_atom(c.value)) {
    w.raw(c.value);
    return w.ok();
  }
  return w.quoted(c.value, "charset");
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

bool fetch_program(writer& w, const imapkit::fetch_program& p) {
  if (!w.sequence_set(p.set)) return false;
  w.sp();
  if (p.macro != fetch_macro::none) {
    if (!p.atts.empty() || p.parenthesized) return w.fail(serialize_errc::invalid_value, "fetch");
    switch (p.macro) {
      case fetch_macro::all:
        w.raw("ALL");
        break;
      case fetch_macro::full:
        w.raw("FULL");
        break;
      case fetch_macro::fast:
        w.raw("FAST");
        break;
      default:
        return w.fail(serialize_errc::invalid_value, "fetch");
    }
  } else if (p.parenthesized) {
    if (p.atts.empty()) return w.fail(serialize_errc::invalid_value, "fetch-att");
    w.raw("(");
    if (!sp_separated(w, p.atts,
                      [&](const imapkit::fetch_att& a) { return fetch_att(w, a, true); }))
      return false;
    w.raw(")");
  } else {
    if (p.atts.size() != 1) return w.fail(serialize_errc::invalid_value, "fetch-att");
    if (!fetch_att(w, p.atts[0], false)) return false;
  }
  if (!p.modifiers.empty()) {
    // A lone PREVIEW followed by modifiers that are all a bare "LAZY" would be read back as
    // PREVIEW's own "(" preview-mod *(SP preview-mod) ")".
    const auto bare_lazy = [](const imapkit::fetch_modifier& m) {
      return m.kind == fetch_modifier_kind::extension && !m.value && iequals(m.name, "LAZY");
    };
    if (p.macro == fetch_macro::none && !p.parenthesized && p.atts.size() == 1 &&
        p.atts[0].kind == fetch_att_kind::preview && !p.atts[0].lazy &&
        std::all_of(p.modifiers.begin(), p.modifiers.end(), bare_lazy))
      return w.fail(serialize_errc::invalid_value, "fetch-modifier");
    w.sp();
    return modifiers(w, p.modifiers, [&](const imapkit::fetch_modifier& m, bool after) {
      return fetch_modifier(w, m, after);
    });
  }
  return w.ok();
}

bool store_program(writer& w, const imapkit::store_program& p) {
  if (!w.sequence_set(p.set)) return false;
  if (!p.modifiers.empty()) {
    w.sp();
    if (!modifiers(w, p.modifiers, [&](const imapkit::store_modifier& m, bool after) {
          return store_modifier(w, m, after);
        }))
      return false;
  }
  // store-att-flags = (["+" / "-"] "FLAGS" [".SILENT"]) SP (flag-list / (flag *(SP flag)))
  switch (p.operation) {
    case store_operation::replace:
      w.raw(" FLAGS");
      break;
    case store_operation::add:
      w.raw(" +FLAGS");
      break;
    case store_operation::remove:
      w.raw(" -FLAGS");
      break;
    default:
      return w.fail(serialize_errc::invalid_value, "store-att-flags");
  }
  if (p.silent) w.raw(".SILENT");
  w.sp();
  if (p.parenthesized) return w.flag_list(p.flags);
  if (p.flags.empty()) return w.fail(serialize_errc::invalid_value, "store-att-flags");
  return sp_separated(w, p.flags, [&](const imapkit::flag& f) { return w.flag(f); });
}

}  // namespace imapkit::encode
