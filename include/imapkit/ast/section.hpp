// section (RFC 9051 §9): the part of a message a BODY[...] / BINARY[...] item names.
// Shared by FETCH commands (fetch-att) and FETCH responses (msg-att-static).
#pragma once

#include <boost/describe/class.hpp>
#include <cstdint>
#include <string_view>

#include "imapkit/ast/keywords.hpp"
#include "imapkit/list.hpp"
#include "imapkit/string.hpp"

namespace imapkit {

// section-msgtext / section-text
enum class section_text : std::uint8_t {
  none,               // BODY[] or BODY[1.2]
  header,             // HEADER
  header_fields,      // HEADER.FIELDS (...)
  header_fields_not,  // HEADER.FIELDS.NOT (...)
  text,               // TEXT
  mime,               // MIME (only after a section-part)
};

inline constexpr keyword_row<section_text> section_text_names[] = {
    {section_text::none, "", false},
    {section_text::header, "HEADER"},
    {section_text::header_fields, "HEADER.FIELDS"},
    {section_text::header_fields_not, "HEADER.FIELDS.NOT"},
    {section_text::text, "TEXT"},
    {section_text::mime, "MIME"},
};
static_assert(rows_in_enum_order(section_text_names,
                                 static_cast<std::size_t>(section_text::mime) + 1));

// "HEADER", "HEADER.FIELDS", ...; "" for none.
constexpr std::string_view to_string(section_text text) noexcept {
  return row_of(section_text_names, text).keyword;
}

// section = "[" [section-spec] "]"; section-binary = "[" [section-part] "]"
struct section {
  list<std::uint32_t> part;  // section-part: 1.2.3 (empty: the whole message)
  section_text text = section_text::none;
  list<imapkit::string> header_fields;  // header-list of HEADER.FIELDS[.NOT]: header-fld-name

  friend bool operator==(const section&, const section&) = default;
};
BOOST_DESCRIBE_STRUCT(section, (), (part, text, header_fields))

}  // namespace imapkit
