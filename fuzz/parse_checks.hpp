// Checks shared by the harnesses of the parser entry points: one input parsed with several
// option sets must agree.
#pragma once

#include <string_view>

#include "fuzz_support.hpp"
#include "imapkit/arena.hpp"
#include "imapkit/options.hpp"

namespace imapkit::fuzz {

// Tight limits, to reach the depth and item limits with small inputs.
inline parse_options tight_lenient() {
  parse_options o = parse_options::lenient();
  o.max_depth = 8;
  o.max_list_items = 16;
  return o;
}

// Parses `text` strict, lenient, and lenient with tight limits. Properties:
//  - an error's offset lies within the text, and it names a production;
//  - what strict mode accepts, lenient mode accepts too, with the same value (lenient only adds)
//    unless `lenient_may_reinterpret`: then only acceptance is compared (a response's
//    "* OK [CLOSED]" is text to strict RFC 9051, which wants SP after "]", and a response code to
//    lenient mode, as the server meant it);
//  - what the tight limits accept, the default limits accept with the same value (a limit only
//    rejects).
// Returns whether lenient mode accepted.
template <class Parse>
bool check_modes(std::string_view text, Parse&& parse, bool lenient_may_reinterpret = false) {
  imapkit::arena strict_mem, lenient_mem, tight_mem;
  const auto strict = parse(text, strict_mem, parse_options::strict());
  const auto lenient = parse(text, lenient_mem, parse_options::lenient());
  const auto tight = parse(text, tight_mem, tight_lenient());
  for (const auto* r : {&strict, &lenient, &tight}) {
    if (!r->ok()) {
      FUZZ_CHECK(r->error().offset <= text.size());
      FUZZ_CHECK(!r->error().production.empty());
    }
  }
  if (strict.ok()) {
    FUZZ_CHECK(lenient.ok());
    if (!lenient_may_reinterpret) FUZZ_CHECK(*strict == *lenient);
  }
  if (tight.ok()) {
    FUZZ_CHECK(lenient.ok());
    FUZZ_CHECK(*tight == *lenient);
  }
  return lenient.ok();
}

}  // namespace imapkit::fuzz
