// Small out-of-line pieces of the public types.
#include <boost/describe/enum_to_string.hpp>
#include <boost/describe/enumerators.hpp>
#include <boost/mp11/algorithm.hpp>
#include <string>

#include "abnf/ascii.hpp"
#include "imapkit/ast/lexical.hpp"
#include "imapkit/ast/mailbox_data.hpp"
#include "imapkit/error.hpp"
#include "imapkit/options.hpp"
#include "imapkit/string.hpp"

namespace imapkit {

// The enumerator's own name ("literal8", "depth_limit"), from its BOOST_DESCRIBE_ENUM.
std::string_view to_string(string_kind kind) noexcept {
  return boost::describe::enum_to_string(kind, "?");
}

bool mailbox::is_inbox() const noexcept {
  return !name.is_nil() && abnf::iequals_upper(name.value, "INBOX");
}

std::string_view to_string(parse_errc kind) noexcept {
  return boost::describe::enum_to_string(kind, "?");
}

std::string_view to_string(quirk q) noexcept { return boost::describe::enum_to_string(q, "?"); }

bool quirk_from_string(std::string_view name, quirk& out) noexcept {
  bool found = false;
  boost::mp11::mp_for_each<boost::describe::describe_enumerators<quirk>>([&](auto e) {
    if (!found && name == e.name) {
      out = e.value;
      found = true;
    }
  });
  return found;
}

bool quirks_from_string(std::string_view list, quirk_set& out, std::string_view& bad) noexcept {
  constexpr std::string_view blanks = " \t\r\n";
  out = {};
  while (!list.empty()) {
    const std::size_t comma = list.find(',');
    std::string_view name = list.substr(0, comma);
    list = comma == std::string_view::npos ? std::string_view{} : list.substr(comma + 1);
    name.remove_prefix(std::min(name.find_first_not_of(blanks), name.size()));
    name.remove_suffix(name.size() - (name.find_last_not_of(blanks) + 1));
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

std::string parse_error::message() const {
  std::string out = "offset " + std::to_string(offset);
  if (!production.empty()) out += ": in " + std::string(production);
  if (!expected.empty()) out += ": expected " + std::string(expected);
  return out;
}

}  // namespace imapkit
