// fuzz_response: parse_response (RFC 9051 §7, §9 `response`) on arbitrary bytes, strict, lenient
// and with tight limits (max_depth 8, max_list_items 16); see parse_checks.hpp for how the modes
// must agree (lenient mode may read a strictly valid response differently, so only acceptance
// is compared between strict and lenient). Nothing may crash, overflow the stack or time out (the
// seeds hold 10,000-deep BODYSTRUCTURE and list values). When the serializer exists, a parsed
// response is also to be written back, framed and parsed again to an equal AST (docs/fuzzing.md).
#include <cstdint>
#include <string_view>

#include "imapkit/parse.hpp"
#include "parse_checks.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view message(reinterpret_cast<const char*>(data), size);
  imapkit::fuzz::check_modes(
      message,
      [](std::string_view m, imapkit::arena& mem, const imapkit::parse_options& o) {
        return imapkit::parse_response(m, mem, o);
      },
      /*lenient_may_reinterpret=*/true);
  return 0;
}
