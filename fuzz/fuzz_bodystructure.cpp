// fuzz_bodystructure: the body production (FETCH BODY / BODYSTRUCTURE's value, RFC 9051 §9), the
// deepest recursion of the response grammar, on its own: arbitrary bytes, strict, lenient and
// with tight limits (max_depth 8, max_list_items 16). Nothing may crash or overflow the stack
// (the seeds hold 10,000 nested parts); see parse_checks.hpp for the agreement between modes.
#include <cstdint>
#include <string_view>

#include "imapkit/parse.hpp"
#include "parse_checks.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view text(reinterpret_cast<const char*>(data), size);
  imapkit::fuzz::check_modes(
      text, [](std::string_view t, imapkit::arena& mem, const imapkit::parse_options& o) {
        return imapkit::parse_body_structure(t, mem, o);
      });
  return 0;
}
