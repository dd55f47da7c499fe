// objectid (RFC 8474 §7), shared by FETCH EMAILID/THREADID, the MAILBOXID response code and
// STATUS item, and the EMAILID/THREADID search keys: one rule, so that every translation unit
// instantiates the same definition.
#pragma once

#include "lexical/lexical.hpp"

namespace imapkit::grammar {

// objectid = 1*255(ALPHA / DIGIT / "_" / "-")
struct objectid_parser : x3::parser<objectid_parser> {
  using attribute_type = std::string_view;
  static bool const has_attribute = true;

  static constexpr bool is_objectid_char(char c) {
    return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_' ||
           c == '-';
  }

  template <class Context, class RContext, class Attribute>
  bool parse(const char*& first, const char* last, const Context&, RContext&,
             Attribute& attr) const {
    const char* p = first;
    while (p != last && p - first <= 255 && is_objectid_char(*p)) ++p;
    if (p == first || p - first > 255) return false;  // empty, or longer than 255
    primitives::assign(std::string_view(first, static_cast<std::size_t>(p - first)), attr);
    first = p;
    return true;
  }
};

IMAPKIT_RULE(objectid, "objectid", std::string_view);
inline const auto objectid_rule_def = objectid_parser{};
IMAPKIT_DEFINE(objectid_rule)
inline const auto& objectid = objectid_rule;

}  // namespace imapkit::grammar
