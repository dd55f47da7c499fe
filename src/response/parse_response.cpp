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
