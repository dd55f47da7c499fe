// Instantiates the FETCH / STORE argument grammar (src/fetch/fetch_command_def.hpp)
// and its entry points.
#include "fetch/fetch_command_def.hpp"
#include "imapkit/parse.hpp"
#include "x3/run.hpp"

namespace imapkit {

namespace grammar {
BOOST_SPIRIT_INSTANTIATE(decltype(fetch_program_rule), iterator_type, context_type)
BOOST_SPIRIT_INSTANTIATE(decltype(store_program_rule), iterator_type, context_type)
}  // namespace grammar

result<fetch_program> parse_fetch_program(std::string_view text, arena& mem,
                                          const parse_options& options) {
  return grammar::run<fetch_program>(grammar::fetch_program_rule, text, mem, options, "fetch");
}

result<store_program> parse_store_program(std::string_view text, arena& mem,
                                          const parse_options& options) {
  return grammar::run<store_program>(grammar::store_program_rule, text, mem, options, "store");
}

}  // namespace imapkit
