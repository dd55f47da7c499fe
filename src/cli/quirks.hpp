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

// A comma-separated list of quirk names ("trailing_spaces,negative_sizes"; "" is none, "all"
// every one) into out; false with the unknown name in bad.
inline bool parse_quirk_list(std::string_view list, quirk_set& out, std::string& bad) {
  out = {};
  while (!list.empty()) {
    const std::size_t comma = list.find(',');
    const std::string_view name = list.substr(0, comma);
    list = comma == std::string_view::npos ? std::string_view{} : list.substr(comma + 1);
    if (name.empty()) continue;
    if (name == "all") {
      out = quirk_set::all();
      continue;
    }
    quirk q;
    if (!quirk_from_string(name, q)) {
      bad = name;
      return false;
    }
    out.add(q);
  }
  return true;
}

}  // namespace imapkit::cli
