// The FETCH and STORE commands' encoders: fetch-att, fetch-modifier, store-modifier and the
// programs that hold them (ast/fetch_command.hpp). Each mirrors the rule of
// fetch/fetch_command_def.hpp that reads it back.
#include "fetch/encode.hpp"
#include "lexical/encode.hpp"

namespace imapkit::encode {

namespace {

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
      (a.kind != F::preview && a.lazy) ||
      (a.kind != F::extension && (!a.name.empty() || a.params)) ||
      ((a.kind == F::annotation) != (a.annotation != nullptr)))
    return w.fail(serialize_errc::invalid_value, "fetch-att");
  switch (a.kind) {
    // "ANNOTATION" SP "(" entries SP attribs ")"   (RFC 5257)
    case F::annotation: {
      const annotation_fetch& an = *a.annotation;
      // One entry or attribute without parentheses; lists never empty.
      if (an.entries.empty() || an.attributes.empty() ||
          (!an.entries_parenthesized && an.entries.size() != 1) ||
          (!an.attributes_parenthesized && an.attributes.size() != 1))
        return w.fail(serialize_errc::invalid_value, "fetch-att");
      w.raw(to_string(a.kind)).raw(" (");
      if (an.entries_parenthesized) w.raw("(");
      if (!sp_separated(w, an.entries,
                        [&](const imapkit::string& e) { return list_mailbox(w, e); }))
        return false;
      if (an.entries_parenthesized) w.raw(")");
      w.sp();
      if (an.attributes_parenthesized) w.raw("(");
      if (!sp_separated(w, an.attributes,
                        [&](const imapkit::string& at) { return astring_value(w, at, "attrib"); }))
        return false;
      if (an.attributes_parenthesized) w.raw(")");
      w.raw(")");
      return w.ok();
    }
    // "PREVIEW" [SP "(" preview-mod *(SP preview-mod) ")"]
    case F::preview:
      w.raw(to_string(a.kind));
      if (a.lazy) w.raw(" (LAZY)");
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
    // the items that are a keyword (fetch_att_names)
    default:
      if (!is_keyword_kind(fetch_att_names, a.kind)) break;
      w.raw(to_string(a.kind));
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
      w.raw(to_string(m.kind)).sp();
      return mod_sequence_value(w, m.mod_sequence);
    case M::vanished:
      w.raw(to_string(m.kind));
      return w.ok();
    case M::partial:
      w.raw(to_string(m.kind)).sp();
      return partial_range(w, m.range);
    case M::extension:
      return tagged_ext_item(w, m, after_valueless, fetch_modifier_names, "fetch-modifier");
  }
  return w.fail(serialize_errc::invalid_value, "fetch-modifier");
}

// store-modifier = "UNCHANGEDSINCE" SP mod-sequence-valzer / store-modifier-name
//   [SP store-modif-params]   (RFC 4466, RFC 7162)
bool store_modifier(writer& w, const imapkit::store_modifier& m, bool after_valueless) {
  if (!w.ok()) return false;
  if (m.kind == store_modifier_kind::unchanged_since) {
    if (!m.name.empty() || m.value) return w.fail(serialize_errc::invalid_value, "store-modifier");
    w.raw(to_string(m.kind)).sp();
    return w.number64(m.mod_sequence);
  }
  if (m.kind != store_modifier_kind::extension || m.mod_sequence != 0)
    return w.fail(serialize_errc::invalid_value, "store-modifier");
  return tagged_ext_item(w, m, after_valueless, store_modifier_names, "store-modifier");
}

}  // namespace

bool fetch_program(writer& w, const imapkit::fetch_program& p) {
  if (!w.sequence_set(p.set)) return false;
  w.sp();
  if (p.macro != fetch_macro::none) {
    if (!p.atts.empty() || p.parenthesized) return w.fail(serialize_errc::invalid_value, "fetch");
    if (!is_keyword_kind(fetch_macro_names, p.macro))
      return w.fail(serialize_errc::invalid_value, "fetch");
    w.raw(to_string(p.macro));
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

bool entry_att(writer& w, const annotation_entry& e) {
  if (e.values.empty()) return w.fail(serialize_errc::invalid_value, "entry-att");
  if (!astring_value(w, e.entry, "entry")) return false;
  w.raw(" (");
  if (!sp_separated(w, e.values, [&](const annotation_value& v) {
        if (!astring_value(w, v.attribute, "attrib")) return false;
        w.sp();
        return w.nstring(v.value, true);
      }))
    return false;
  w.raw(")");
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
  // store-att-flags = (["+" / "-"] "FLAGS" [".SILENT"]) SP (flag-list / (flag *(SP flag))), or
  // Gmail's with "X-GM-LABELS" and labels
  switch (p.operation) {
    case store_operation::replace:
      w.raw(" ");
      break;
    case store_operation::add:
      w.raw(" +");
      break;
    case store_operation::remove:
      w.raw(" -");
      break;
    default:
      return w.fail(serialize_errc::invalid_value, "store-att-flags");
  }
  if (p.item == store_item::annotation) {
    // att-annotate = "ANNOTATION" SP "(" entry-att *(SP entry-att) ")"; no "+" / "-", no
    // ".SILENT"   (RFC 5257)
    if (p.operation != store_operation::replace || p.silent || !p.flags.empty() ||
        !p.labels.empty() || p.parenthesized || p.annotations.empty())
      return w.fail(serialize_errc::invalid_value, "att-annotate");
    w.raw("ANNOTATION (");  // after the SP written above
    if (!sp_separated(w, p.annotations, [&](const annotation_entry& e) { return entry_att(w, e); }))
      return false;
    w.raw(")");
    return w.ok();
  }
  if (!p.annotations.empty()) return w.fail(serialize_errc::invalid_value, "store-att-flags");
  if (p.item != store_item::flags && p.item != store_item::gmail_labels)
    return w.fail(serialize_errc::invalid_value, "store-att-flags");
  w.raw(to_string(p.item));
  if (p.silent) w.raw(".SILENT");
  w.sp();
  if (p.item == store_item::gmail_labels) {
    if (!p.flags.empty() || (!p.parenthesized && p.labels.empty()))
      return w.fail(serialize_errc::invalid_value, "store-att-flags");
    if (p.parenthesized) w.raw("(");
    if (!sp_separated(w, p.labels, [&](const imapkit::string& l) { return gmail_label(w, l); }))
      return false;
    if (p.parenthesized) w.raw(")");
    return w.ok();
  }
  if (!p.labels.empty()) return w.fail(serialize_errc::invalid_value, "store-att-flags");
  if (p.parenthesized) return w.flag_list(p.flags);
  if (p.flags.empty()) return w.fail(serialize_errc::invalid_value, "store-att-flags");
  return sp_separated(w, p.flags, [&](const imapkit::flag& f) { return w.flag(f); });
}

}  // namespace imapkit::encode
