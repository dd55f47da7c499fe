// Encoders shared by responses and commands: section, section-binary, partial-range.
#include "serialize_encode.hpp"

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
  if (!sp_separated(w, fields, [&](const imapkit::string& f) { return w.astring(f.value); }))
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
      w.raw("HEADER");
      return w.ok();
    case imapkit::section_text::text:
      w.raw("TEXT");
      return w.ok();
    case imapkit::section_text::mime:
      // "MIME" only after a section-part (section-spec's second form).
      if (s.part.empty()) return w.fail(serialize_errc::invalid_value, "section-text");
      w.raw("MIME");
      return w.ok();
    case imapkit::section_text::header_fields:
      w.raw("HEADER.FIELDS ");
      return header_list(w, s.header_fields);
    case imapkit::section_text::header_fields_not:
      w.raw("HEADER.FIELDS.NOT ");
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

}  // namespace imapkit::encode
