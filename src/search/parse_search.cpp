// Instantiates the SEARCH / SORT / THREAD argument grammar (src/search/search_def.hpp)
// and its entry points.
#include "imapkit/parse.hpp"
#include "search/search_def.hpp"
#include "x3/run.hpp"

namespace imapkit {

namespace grammar {
BOOST_SPIRIT_INSTANTIATE(decltype(search_key_rule), iterator_type, context_type)
BOOST_SPIRIT_INSTANTIATE(decltype(search_program_rule), iterator_type, context_type)
BOOST_SPIRIT_INSTANTIATE(decltype(sort_program_rule), iterator_type, context_type)
BOOST_SPIRIT_INSTANTIATE(decltype(thread_program_rule), iterator_type, context_type)
}  // namespace grammar

result<search_key> parse_search_key(std::string_view text, arena& mem,
                                    const parse_options& options) {
  return grammar::run<search_key>(grammar::search_key_rule, text, mem, options, "search-key");
}

result<search_program> parse_search_program(std::string_view text, arena& mem,
                                            const parse_options& options) {
  return grammar::run<search_program>(grammar::search_program_rule, text, mem, options, "search");
}

result<sort_program> parse_sort_program(std::string_view text, arena& mem,
                                        const parse_options& options) {
  return grammar::run<sort_program>(grammar::sort_program_rule, text, mem, options, "sort");
}

result<thread_program> parse_thread_program(std::string_view text, arena& mem,
                                            const parse_options& options) {
  return grammar::run<thread_program>(grammar::thread_program_rule, text, mem, options, "thread");
}

}  // namespace imapkit
