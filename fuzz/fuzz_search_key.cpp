// fuzz_search_key: SEARCH keys (RFC 9051 §6.4.4, §9 search-key), with OR / NOT / parenthesised
// nesting the deepest recursion of the command grammar, on their own: arbitrary bytes as one
// search-key and as a whole SEARCH program (RETURN, CHARSET, several keys), strict, lenient and
// with tight limits (max_depth 8, max_list_items 16). Nothing may crash or overflow the stack
// (the seeds hold 10,000 nested keys); see parse_checks.hpp for the agreement between modes.
#include <cstdint>
#include <string_view>

#include "imapkit/parse.hpp"
#include "parse_checks.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view text(reinterpret_cast<const char*>(data), size);
  const bool key = imapkit::fuzz::check_modes(
      text, [](std::string_view t, imapkit::arena& mem, const imapkit::parse_options& o) {
        return imapkit::parse_search_key(t, mem, o);
      });
  const bool program = imapkit::fuzz::check_modes(
      text, [](std::string_view t, imapkit::arena& mem, const imapkit::parse_options& o) {
        return imapkit::parse_search_program(t, mem, o);
      });
  // One key is a program of one key.
  if (key) FUZZ_CHECK(program);
  return 0;
}
