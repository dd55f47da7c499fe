// section and section-binary (RFC 9051 §9, RFC 3516): shared by FETCH commands and responses.
#pragma once

#include "imapkit/ast/section.hpp"
#include "lexical/lexical.hpp"

namespace imapkit::grammar {

// header-fld-name = astring
// header-list = "(" header-fld-name *(SP header-fld-name) ")"
IMAPKIT_RULE(header_list, "header-list", list<imapkit::string>);
inline const auto header_list = header_list_rule = '(' > astring[push_val] >
                                                   *(sp > astring[push_val]) > ')';

template <section_text Kind>
inline constexpr auto set_section_text = [](auto& ctx) { x3::_val(ctx).text = Kind; };

inline constexpr auto set_header_fields = [](auto& ctx) {
  x3::_val(ctx).header_fields = x3::_attr(ctx);
};

inline constexpr auto merge_section_text = [](auto& ctx) {
  x3::_val(ctx).text = x3::_attr(ctx).text;
  x3::_val(ctx).header_fields = x3::_attr(ctx).header_fields;
};

// section-msgtext = "HEADER" / "HEADER.FIELDS" [".NOT"] SP header-list / "TEXT"
// (the longest keyword first: X3 alternatives are ordered)
template <section_text Text>
inline constexpr auto section_text_kw = kw(to_string(Text))[set_section_text<Text>];
inline const auto section_msgtext =
    (section_text_kw<section_text::header_fields_not> > sp > header_list[set_header_fields]) |
    (section_text_kw<section_text::header_fields> > sp > header_list[set_header_fields]) |
    section_text_kw<section_text::header> | section_text_kw<section_text::text>;

// section-part = nz-number *("." nz-number)
inline const auto section_part =
    nz_number[push_member<&imapkit::section::part>] % (x3::lit('.') >> &nz_number_p);

// section-text = section-msgtext / "MIME"
IMAPKIT_RULE(section_text_rule_id, "section-text", imapkit::section);
inline const auto section_text_p = section_text_rule_id_rule =
    section_msgtext | section_text_kw<section_text::mime>;

// section-spec = section-msgtext / (section-part ["." section-text])
IMAPKIT_RULE(section_spec, "section-spec", imapkit::section);
inline const auto section_spec = section_spec_rule =
    section_msgtext | (section_part >> -('.' > section_text_p[merge_section_text]));

// section = "[" [section-spec] "]"
IMAPKIT_RULE(section, "section", imapkit::section);
inline const auto section = section_rule = '[' > -section_spec[set_val] > ']';

// section-binary = "[" [section-part] "]"
IMAPKIT_RULE(section_binary, "section-binary", imapkit::section);
inline const auto section_binary = section_binary_rule =
    '[' > -(nz_number[push_member<&imapkit::section::part>] % '.') > ']';

}  // namespace imapkit::grammar
