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
