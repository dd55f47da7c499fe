// Small out-of-line pieces of the public types.
#include <string>

#include "abnf/ascii.hpp"
#include "imapkit/ast/lexical.hpp"
#include "imapkit/ast/mailbox_data.hpp"
#include "imapkit/ast/search.hpp"
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

std::string_view to_string(search_key_kind kind) noexcept {
  switch (kind) {
    case search_key_kind::all:
      return "ALL";
    case search_key_kind::answered:
      return "ANSWERED";
    case search_key_kind::bcc:
      return "BCC";
    case search_key_kind::before:
      return "BEFORE";
    case search_key_kind::body:
      return "BODY";
    case search_key_kind::cc:
      return "CC";
    case search_key_kind::deleted:
      return "DELETED";
    case search_key_kind::draft:
      return "DRAFT";
    case search_key_kind::flagged:
      return "FLAGGED";
    case search_key_kind::from:
      return "FROM";
    case search_key_kind::header:
      return "HEADER";
    case search_key_kind::keyword:
      return "KEYWORD";
    case search_key_kind::larger:
      return "LARGER";
    case search_key_kind::new_:
      return "NEW";
    case search_key_kind::not_:
      return "NOT";
    case search_key_kind::old:
      return "OLD";
    case search_key_kind::on:
      return "ON";
    case search_key_kind::or_:
      return "OR";
    case search_key_kind::recent:
      return "RECENT";
    case search_key_kind::seen:
      return "SEEN";
    case search_key_kind::sent_before:
      return "SENTBEFORE";
    case search_key_kind::sent_on:
      return "SENTON";
    case search_key_kind::sent_since:
      return "SENTSINCE";
    case search_key_kind::since:
      return "SINCE";
    case search_key_kind::smaller:
      return "SMALLER";
    case search_key_kind::subject:
      return "SUBJECT";
    case search_key_kind::text:
      return "TEXT";
    case search_key_kind::to:
      return "TO";
    case search_key_kind::uid:
      return "UID";
    case search_key_kind::unanswered:
      return "UNANSWERED";
    case search_key_kind::undeleted:
      return "UNDELETED";
    case search_key_kind::undraft:
      return "UNDRAFT";
    case search_key_kind::unflagged:
      return "UNFLAGGED";
    case search_key_kind::unkeyword:
      return "UNKEYWORD";
    case search_key_kind::unseen:
      return "UNSEEN";
    case search_key_kind::sequence_set:
      return "sequence-set";
    case search_key_kind::list:
      return "list";
    case search_key_kind::modseq:
      return "MODSEQ";
    case search_key_kind::older:
      return "OLDER";
    case search_key_kind::younger:
      return "YOUNGER";
    case search_key_kind::email_id:
      return "EMAILID";
    case search_key_kind::thread_id:
      return "THREADID";
    case search_key_kind::saved_before:
      return "SAVEDBEFORE";
    case search_key_kind::saved_on:
      return "SAVEDON";
    case search_key_kind::saved_since:
      return "SAVEDSINCE";
    case search_key_kind::savedate_supported:
      return "SAVEDATESUPPORTED";
    case search_key_kind::fuzzy:
      return "FUZZY";
    case search_key_kind::extension:
      return "extension";
  }
  return "?";
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
