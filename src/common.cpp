// Small out-of-line pieces of the public types.
#include <string>

#include "abnf/ascii.hpp"
#include "imapkit/ast/lexical.hpp"
#include "imapkit/ast/mailbox_data.hpp"
#include "imapkit/error.hpp"
#include "imapkit/string.hpp"

namespace imapkit {

std::string_view to_string(string_kind kind) noexcept {
  switch (kind) {
    case string_kind::nil:
      return "nil";
    case string_kind::atom:
      return "atom";
    case string_kind::quoted:
      return "quoted";
    case string_kind::literal:
      return "literal";
    case string_kind::literal8:
      return "literal8";
  }
  return "?";
}

std::string_view to_string(status_att att) noexcept {
  switch (att) {
    case status_att::messages:
      return "MESSAGES";
    case status_att::recent:
      return "RECENT";
    case status_att::uidnext:
      return "UIDNEXT";
    case status_att::uidvalidity:
      return "UIDVALIDITY";
    case status_att::unseen:
      return "UNSEEN";
    case status_att::deleted:
      return "DELETED";
    case status_att::size:
      return "SIZE";
    case status_att::highestmodseq:
      return "HIGHESTMODSEQ";
    case status_att::appendlimit:
      return "APPENDLIMIT";
    case status_att::mailboxid:
      return "MAILBOXID";
    case status_att::deleted_storage:
      return "DELETED-STORAGE";
    case status_att::other:
      break;
  }
  return "";
}

bool mailbox::is_inbox() const noexcept {
  return !name.is_nil() && abnf::iequals_upper(name.value, "INBOX");
}

std::string_view to_string(parse_errc kind) noexcept {
  switch (kind) {
    case parse_errc::syntax:
      return "syntax";
    case parse_errc::depth_limit:
      return "depth_limit";
    case parse_errc::list_limit:
      return "list_limit";
  }
  return "?";
}

std::string parse_error::message() const {
  std::string out = "offset " + std::to_string(offset);
  if (!production.empty()) out += ": in " + std::string(production);
  if (!expected.empty()) out += ": expected " + std::string(expected);
  return out;
}

}  // namespace imapkit
