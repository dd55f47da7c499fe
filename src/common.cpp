// Small out-of-line pieces of the public types.
#include <boost/describe/enum_to_string.hpp>
#include <string>

#include "abnf/ascii.hpp"
#include "imapkit/ast/lexical.hpp"
#include "imapkit/ast/mailbox_data.hpp"
#include "imapkit/error.hpp"
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

std::string parse_error::message() const {
  std::string out = "offset " + std::to_string(offset);
  if (!production.empty()) out += ": in " + std::string(production);
  if (!expected.empty()) out += ": expected " + std::string(expected);
  return out;
}

}  // namespace imapkit
