// Quirk names on the command line and in JSON (docs/quirks.md, docs/cli-json.md).
#pragma once

#include <boost/json.hpp>
#include <string>
#include <string_view>

#include "imapkit/options.hpp"

namespace imapkit::cli {

// ["trailing_spaces", "negative_sizes"]: the names of the quirks of s, in declaration order.
inline boost::json::array quirks_to_json(quirk_set s) {
  boost::json::array out;
  s.for_each([&](quirk q) { out.emplace_back(to_string(q)); });
  return out;
}

// "trailing_spaces, negative_sizes": the names of the quirks of s joined by separator.
inline std::string quirk_names(quirk_set s, std::string_view separator) {
  std::string out;
  s.for_each([&](quirk q) {
    if (!out.empty()) out += separator;
    out += to_string(q);
  });
  return out;
}

// quirks_from_string (imapkit/options.hpp), with the unknown name as a std::string.
inline bool parse_quirk_list(std::string_view list, quirk_set& out, std::string& bad) {
  std::string_view unknown;
  if (quirks_from_string(list, out, unknown)) return true;
  bad = unknown;
  return false;
}

}  // namespace imapkit::cli
