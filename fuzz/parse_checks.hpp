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
//  - strict mode reports no quirk;
//  - what strict mode accepts, lenient mode accepts too, with the same value (lenient only adds)
//    unless lenient mode took a quirk of rereading_quirks (a response's "* OK [CLOSED]" is text
//    to strict RFC 9051, which wants SP after "]", and a response code to lenient mode);
//  - the quirks lenient mode reports suffice: with exactly them the parse gives the same value
//    and reports no other;
//  - quirk by quirk: without one of them, the parse either fails or gives the same value
//    (unless the quirk left out rereads, or the parse with fewer kept an item as sent where more
//    quirks read it typed); with fewer quirks nothing is accepted that more refuse;
//  - what the tight limits accept, the default limits accept with the same value (a limit only
//    rejects).
// Returns whether lenient mode accepted.
template <class Parse>
bool check_modes(std::string_view text, Parse&& parse) {
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
    FUZZ_CHECK(strict.quirks().empty());
    FUZZ_CHECK(lenient.ok());
    if ((lenient.quirks() & rereading_quirks).empty()) FUZZ_CHECK(*strict == *lenient);
  }
  if (lenient.ok()) {
    const quirk_set used = lenient.quirks();
    parse_options exactly;
    exactly.quirks = used;
    imapkit::arena used_mem;
    const auto with_used = parse(text, used_mem, exactly);
    FUZZ_CHECK(with_used.ok());
    FUZZ_CHECK(*with_used == *lenient);
    FUZZ_CHECK(with_used.quirks() == used);
    used.for_each([&](quirk left_out) {
      parse_options fewer;
      fewer.quirks = quirk_set(used).remove(left_out);
      imapkit::arena fewer_mem;
      const auto with_fewer = parse(text, fewer_mem, fewer);
      // With item_recovery, fewer quirks may keep an item as sent that more quirks read typed.
      if (with_fewer.ok() && !rereading_quirks.has(left_out) &&
          !with_fewer.quirks().has(quirk::item_recovery))
        FUZZ_CHECK(*with_fewer == *lenient);
    });
  }
  if (tight.ok()) {
    FUZZ_CHECK(lenient.ok());
    FUZZ_CHECK(*tight == *lenient);
  }
  return lenient.ok();
}

}  // namespace imapkit::fuzz
