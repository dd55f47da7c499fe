// Instantiates the generic message grammar.
#include "imapkit/parse.hpp"
#include "lexical/generic.hpp"
#include "x3/run.hpp"

namespace imapkit {

result<generic_message> parse_generic_response(std::string_view message, arena& mem,
                                               const parse_options& options) {
  return grammar::run<generic_message>(grammar::generic_message, message, mem, options, "message");
}

result<generic_message> parse_generic_command(std::string_view message, arena& mem,
                                              const parse_options& options) {
  return grammar::run<generic_message>(grammar::generic_message, message, mem, options, "message");
}

}  // namespace imapkit
