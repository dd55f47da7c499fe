// Instantiates the response grammar (src/response/response.hpp). FETCH's msg-att is
// compiled in src/fetch/parse_fetch.cpp and reached through separately_compiled.
#include "imapkit/parse.hpp"
#include "response/response.hpp"
#include "x3/run.hpp"

namespace imapkit {

result<response> parse_response(std::string_view message, arena& mem,
                                const parse_options& options) {
  return grammar::run<response>(grammar::response, message, mem, options, "response");
}

}  // namespace imapkit

namespace imapkit {

std::string_view to_string(resp_code_kind kind) noexcept {
  switch (kind) {
    case resp_code_kind::alert:
      return "ALERT";
    case resp_code_kind::badcharset:
      return "BADCHARSET";
    case resp_code_kind::capability:
      return "CAPABILITY";
    case resp_code_kind::parse:
      return "PARSE";
    case resp_code_kind::permanentflags:
      return "PERMANENTFLAGS";
    case resp_code_kind::read_only:
      return "READ-ONLY";
    case resp_code_kind::read_write:
      return "READ-WRITE";
    case resp_code_kind::trycreate:
      return "TRYCREATE";
    case resp_code_kind::uidnext:
      return "UIDNEXT";
    case resp_code_kind::uidvalidity:
      return "UIDVALIDITY";
    case resp_code_kind::unseen:
      return "UNSEEN";
    case resp_code_kind::closed:
      return "CLOSED";
    case resp_code_kind::unknown_cte:
      return "UNKNOWN-CTE";
    case resp_code_kind::appenduid:
      return "APPENDUID";
    case resp_code_kind::copyuid:
      return "COPYUID";
    case resp_code_kind::uidnotsticky:
      return "UIDNOTSTICKY";
    case resp_code_kind::unavailable:
      return "UNAVAILABLE";
    case resp_code_kind::authenticationfailed:
      return "AUTHENTICATIONFAILED";
    case resp_code_kind::authorizationfailed:
      return "AUTHORIZATIONFAILED";
    case resp_code_kind::expired:
      return "EXPIRED";
    case resp_code_kind::privacyrequired:
      return "PRIVACYREQUIRED";
    case resp_code_kind::contactadmin:
      return "CONTACTADMIN";
    case resp_code_kind::noperm:
      return "NOPERM";
    case resp_code_kind::inuse:
      return "INUSE";
    case resp_code_kind::expungeissued:
      return "EXPUNGEISSUED";
    case resp_code_kind::corruption:
      return "CORRUPTION";
    case resp_code_kind::serverbug:
      return "SERVERBUG";
    case resp_code_kind::clientbug:
      return "CLIENTBUG";
    case resp_code_kind::cannot:
      return "CANNOT";
    case resp_code_kind::limit:
      return "LIMIT";
    case resp_code_kind::overquota:
      return "OVERQUOTA";
    case resp_code_kind::alreadyexists:
      return "ALREADYEXISTS";
    case resp_code_kind::nonexistent:
      return "NONEXISTENT";
    case resp_code_kind::notsaved:
      return "NOTSAVED";
    case resp_code_kind::haschildren:
      return "HASCHILDREN";
    case resp_code_kind::highestmodseq:
      return "HIGHESTMODSEQ";
    case resp_code_kind::nomodseq:
      return "NOMODSEQ";
    case resp_code_kind::modified:
      return "MODIFIED";
    case resp_code_kind::mailboxid:
      return "MAILBOXID";
    case resp_code_kind::metadata_longentries:
      return "METADATA LONGENTRIES";
    case resp_code_kind::metadata_maxsize:
      return "METADATA MAXSIZE";
    case resp_code_kind::metadata_toomany:
      return "METADATA TOOMANY";
    case resp_code_kind::metadata_noprivate:
      return "METADATA NOPRIVATE";
    case resp_code_kind::compressionactive:
      return "COMPRESSIONACTIVE";
    case resp_code_kind::useattr:
      return "USEATTR";
    case resp_code_kind::other:
      return "";
  }
  return "";
}

std::string_view to_string(status_kind kind) noexcept {
  switch (kind) {
    case status_kind::ok:
      return "OK";
    case status_kind::no:
      return "NO";
    case status_kind::bad:
      return "BAD";
    case status_kind::preauth:
      return "PREAUTH";
    case status_kind::bye:
      return "BYE";
  }
  return "";
}

}  // namespace imapkit
