// The lexical encoders shared by responses and commands (lexical/encode.hpp): section,
// section-binary, partial-range, objectid, uid-set, capability, charset, tagged-ext.
#include "lexical/encode.hpp"

namespace imapkit::encode {

namespace {

// section-part = nz-number *("." nz-number)
bool section_part(writer& w, const list<std::uint32_t>& part) {
  bool first = true;
  for (std::uint32_t n : part) {
    if (!first) w.raw(".");
    first = false;
    if (!w.nz_number(n)) return false;
  }
  return w.ok();
}

// header-list = "(" header-fld-name *(SP header-fld-name) ")"; header-fld-name = astring
bool header_list(writer& w, const list<imapkit::string>& fields) {
  if (fields.empty()) return w.fail(serialize_errc::invalid_value, "header-list");
  w.raw("(");
  if (!sp_separated(w, fields, [&](const imapkit::string& f) { return w.astring(f); }))
    return false;
  w.raw(")");
  return w.ok();
}

// section-text = section-msgtext / "MIME"
bool section_text(writer& w, const imapkit::section& s) {
  switch (s.text) {
    case imapkit::section_text::none:
      return w.ok();
    case imapkit::section_text::header:
    case imapkit::section_text::text:
      w.raw(to_string(s.text));
      return w.ok();
    case imapkit::section_text::mime:
      // "MIME" only after a section-part (section-spec's second form).
      if (s.part.empty()) return w.fail(serialize_errc::invalid_value, "section-text");
      w.raw(to_string(s.text));
      return w.ok();
    case imapkit::section_text::header_fields:
    case imapkit::section_text::header_fields_not:
      w.raw(to_string(s.text)).sp();
      return header_list(w, s.header_fields);
  }
  return w.fail(serialize_errc::invalid_value, "section-text");
}

}  // namespace

bool section(writer& w, const imapkit::section& s) {
  if (!w.ok()) return false;
  const bool has_fields = s.text == imapkit::section_text::header_fields ||
                          s.text == imapkit::section_text::header_fields_not;
  // header_fields only with HEADER.FIELDS[.NOT]: anything else could not come back.
  if (!has_fields && !s.header_fields.empty())
    return w.fail(serialize_errc::invalid_value, "section");
  w.raw("[");
  if (!section_part(w, s.part)) return false;
  if (!s.part.empty() && s.text != imapkit::section_text::none) w.raw(".");
  if (!section_text(w, s)) return false;
  w.raw("]");
  return w.ok();
}

bool section_binary(writer& w, const imapkit::section& s) {
  if (!w.ok()) return false;
  if (s.text != imapkit::section_text::none || !s.header_fields.empty())
    return w.fail(serialize_errc::invalid_value, "section-binary");
  w.raw("[");
  if (!section_part(w, s.part)) return false;
  w.raw("]");
  return w.ok();
}

bool partial_range(writer& w, const imapkit::partial_range& r) {
  if (!w.ok()) return false;
  if (r.first == 0 || r.last == 0) return w.fail(serialize_errc::invalid_number, "partial-range");
  if (r.from_end) w.raw("-");
  w.nz_number(r.first);
  w.raw(r.from_end ? ":-" : ":");
  w.nz_number(r.last);
  return w.ok();
}

// objectid = 1*255(ALPHA / DIGIT / "_" / "-")   (RFC 8474)
bool objectid(writer& w, std::string_view id) {
  if (!w.ok()) return false;
  if (id.empty() || id.size() > 255) return w.fail(serialize_errc::invalid_value, "objectid");
  for (char c : id)
    if (!((c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_' ||
          c == '-'))
      return w.fail(serialize_errc::invalid_value, "objectid");
  w.raw(id);
  return w.ok();
}

bool mod_sequence_value(writer& w, std::uint64_t n) {
  if (!w.ok()) return false;
  if (n == 0) return w.fail(serialize_errc::invalid_number, "mod-sequence-value");
  return w.number64(n);
}

// uid-set = (uniqueid / uid-range) *("," uid-set): no "*", no "$"
bool uid_set(writer& w, const imapkit::sequence_set& s) {
  if (!w.ok()) return false;
  if (s.last_command) return w.fail(serialize_errc::invalid_sequence_set, "uid-set");
  return w.sequence_set(s, false);
}

// capability = ("AUTH=" auth-type) / atom
bool capability(writer& w, std::string_view c) {
  if (!w.ok()) return false;
  if (!is_valid_atom(c)) return w.fail(serialize_errc::invalid_atom, "capability");
  w.raw(c);
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
  const bool simple =
      v.kind == generic_value::kind_t::atom && starts_like_tagged_ext_val(v.text.value);
  if (!simple && v.kind != generic_value::kind_t::list)
    return w.fail(serialize_errc::invalid_value, "tagged-ext-val");
  return w.generic_value(v);
}

}  // namespace imapkit::encode
