// fuzz_ast_roundtrip: the random AST generator of the round-trip tests (tests/generate/), driven
// by the fuzzer's bytes instead of a PRNG. The first byte chooses the side (response or client
// message), whether values invalid for their slot may appear, and the serialize options; the
// rest drives the generator. Every generated value must serialize (unless it holds an invalid
// value: then the sink stays empty), frame as exactly one message and parse back (strict, with
// the two quirks generate::reading_options names) to an equal value: fuzz/roundtrip_checks.hpp.
#include <cstdint>

#include "fuzz_support.hpp"
#include "generate.hpp"
#include "roundtrip_checks.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  using namespace imapkit;
  const std::uint8_t setup = size == 0 ? 0 : data[0];
  if (size != 0) {
    ++data;
    --size;
  }
  generate::byte_entropy entropy(data, size);
  arena mem;
  generate::options gen;
  gen.invalid = (setup & 0x02) != 0;
  gen.long_strings = (setup & 0x04) != 0;
  generate::builder b(entropy, mem, gen);
  serialize_options options;
  options.utf8 = (setup & 0x08) != 0;
  options.literal_plus = (setup & 0x10) != 0;
  options.literal_minus = (setup & 0x20) != 0;
  if (setup & 0x40) options.max_quoted_length = 8;

  if (setup & 0x01) {
    const response r = generate::random_response(b);
    const serialize_result written = fuzz::check_round_trip(
        r, framer_side::read_responses, options, [](std::string_view m, arena& again) {
          return parse_response(m, again, generate::reading_options());
        });
    FUZZ_CHECK(written || gen.invalid);
  } else {
    const client_message c = generate::random_client_message(b);
    const client_expectation expect =
        std::holds_alternative<authenticate_data>(c) ? client_expectation::authenticate_data
        : std::holds_alternative<idle_done>(c)       ? client_expectation::idle_done
                                                     : client_expectation::command;
    const serialize_result written = fuzz::check_round_trip(
        c, framer_side::read_commands, options, [expect](std::string_view m, arena& again) {
          return parse_client_message(m, again, expect, parse_options::strict());
        });
    FUZZ_CHECK(written || gen.invalid);
  }
  return 0;
}
