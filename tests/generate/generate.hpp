// A random AST generator: arbitrary commands and responses for the round-trip tests
// (tests/serialize_*_roundtrip_test.cpp) and, driven by a fuzzer's bytes, for fuzz_ast_roundtrip.
//
// Two kinds of value come out of it:
// - well-formed values, in the normal form the parser produces (so that
//   parse(serialize(v)) == v must hold exactly), with string values drawn from a hostile
//   alphabet: CR, LF, NUL, '"', '\', "{5}", ")", "]", 8-bit, very long;
// - with options.invalid set, now and then a value its slot cannot hold (an atom with a space,
//   a tag with '+', a flag with '(', a date that does not exist, NUL in a slot without
//   literal8): serialize must then fail and leave nothing in the sink.
#pragma once

#include <cstddef>
#include <cstdint>
#include <random>
#include <string_view>

#include "imapkit/arena.hpp"
#include "imapkit/ast/command.hpp"
#include "imapkit/ast/response.hpp"
#include "imapkit/options.hpp"

namespace imapkit::generate {

// How a round trip reads back what the serializer wrote of a generated value: strictly, but for
// the two quirks whose values the generator makes and the serializer writes as they are: unknown
// untagged data (generic_data) and FETCH items kept as sent (fetch_invalid). Neither changes how a
// strictly valid message reads (each only takes bytes the ABNF refuses).
inline parse_options reading_options() {
  parse_options o;
  o.quirks = {quirk::unknown_untagged_data, quirk::item_recovery};
  return o;
}

// ASCII case-insensitive equality, as IMAP compares keywords.
inline bool iequal(std::string_view a, std::string_view b) {
  if (a.size() != b.size()) return false;
  for (std::size_t i = 0; i < a.size(); ++i) {
    const auto up = [](char c) { return c >= 'a' && c <= 'z' ? static_cast<char>(c - 32) : c; };
    if (up(a[i]) != up(b[i])) return false;
  }
  return true;
}

// Whether `name` spells one of the keywords of a keyword table.
template <class Row, std::size_t N>
bool names_keyword(const Row (&rows)[N], std::string_view name) {
  for (const Row& row : rows)
    if (row.is_keyword && iequal(row.keyword, name)) return true;
  return false;
}

// Where the generator's choices come from: a PRNG for the tests, a fuzzer's input for the fuzzer
// (which returns zeros once its bytes run out, so every tree stays finite).
class entropy {
 public:
  virtual ~entropy() = default;
  virtual std::uint64_t bits() = 0;  // 64 bits of choice
  // True once a finite source has run out: from then on every chance() is false and every
  // below() is 0, so each tree ends as soon as it can (a zero that made chance() true would
  // recurse for ever: fuzz/regressions/ast_roundtrip/generator-recursion-after-input-runs-out).
  virtual bool exhausted() const { return false; }

  // A value in [0, n); 0 when n is 0.
  std::uint64_t below(std::uint64_t n) { return n == 0 || exhausted() ? 0 : bits() % n; }
  // A value in [lo, hi].
  std::uint64_t between(std::uint64_t lo, std::uint64_t hi) { return lo + below(hi - lo + 1); }
  // True with the given chance in percent.
  bool chance(unsigned percent) { return !exhausted() && below(100) < percent; }
  // One of the values of an enum whose enumerators are 0..count-1.
  template <class Enum>
  Enum pick(std::uint64_t count) {
    return static_cast<Enum>(below(count));
  }
};

class prng_entropy final : public entropy {
 public:
  explicit prng_entropy(std::uint64_t seed) : engine_(seed) {}
  std::uint64_t bits() override { return engine_(); }

 private:
  std::mt19937_64 engine_;
};

class byte_entropy final : public entropy {
 public:
  byte_entropy(const std::uint8_t* data, std::size_t size) : data_(data), size_(size) {}
  std::uint64_t bits() override;
  bool exhausted() const override { return size_ == 0; }

 private:
  const std::uint8_t* data_;
  std::size_t size_;
};

struct options {
  bool invalid = false;      // sometimes put a value in a slot that cannot hold it
  unsigned max_depth = 4;    // nesting of lists, search keys, body parts, threads
  unsigned max_items = 5;    // elements of a list
  bool long_strings = true;  // now and then a string of a few KiB
};

// The building blocks, for both sides. All memory comes from `mem`.
// URLAUTH's mechanism = "INTERNAL" / 1*(ALPHA / DIGIT / "-" / ".") (RFC 4467), as the generators
// draw it (chars::mechanism_char is the grammar's).
inline constexpr std::string_view mechanism_chars =
    "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-.";

class builder {
 public:
  builder(entropy& e, arena& mem, const options& opts) : e_(e), mem_(mem), opts_(opts) {}

  entropy& rng() { return e_; }
  arena& mem() { return mem_; }
  const options& opts() const { return opts_; }
  // True when this value should be an invalid one (only with opts.invalid, rarely).
  bool make_invalid();

  // Strings from the hostile alphabet (any byte, CR, LF, NUL, quotes, backslashes, "{5}",
  // parentheses, brackets, 8-bit and UTF-8, sometimes empty or very long). no_nul: without NUL
  // (for slots that allow no literal8).
  std::string_view any_string(bool no_nul = true);
  // An imapkit::string holding any_string, with a random kind other than nil (equality ignores
  // the kind: the serializer picks the representation).
  imapkit::string string_value(bool no_nul = true);
  // nstring: NIL sometimes, else string_value.
  imapkit::string nstring_value(bool no_nul = true);
  // 1*ATOM-CHAR; now and then an invalid one when make_invalid().
  std::string_view atom();
  // An atom that is not one of the given keywords (case-insensitively), e.g. for an extension
  // name that must not be read as a known item.
  std::string_view atom_not(std::initializer_list<std::string_view> keywords);
  // An atom that is none of the keywords of a keyword table (include/imapkit/ast/keywords.hpp).
  // (Constrained to keyword rows: a braced list of words would otherwise deduce an array of
  // `const char*` and pick this overload over the initializer_list one.)
  template <class Row, std::size_t N>
  requires requires(const Row& row) { row.is_keyword; }
  std::string_view atom_not(const Row (&rows)[N]) {
    for (;;) {
      const std::string_view a = atom();
      if (!names_keyword(rows, a)) return a;
    }
  }
  // An upper-case variant of a keyword with random case ("Seen" for "SEEN").
  std::string_view random_case(std::string_view keyword);
  // tag: 1*<ASTRING-CHAR except "+">
  std::string_view tag();
  // flag: \Answered ... or a keyword; flag_perm also "\*".
  imapkit::flag flag(bool allow_wildcard = false);
  list<imapkit::flag> flags(bool allow_wildcard = false);
  // mailbox: INBOX (any case), or a name from the hostile alphabet.
  imapkit::mailbox mailbox();
  // number: 0..2^32-1 biased to small values; nz_number 1..; number64 up to 2^63-1.
  std::uint32_t number();
  std::uint32_t nz_number();
  std::uint64_t number64();
  std::uint64_t nz_number64();
  imapkit::sequence_set sequence_set(bool allow_star = true, bool allow_last_command = true);
  imapkit::date date();
  imapkit::date_time date_time();
  imapkit::partial_range partial_range();
  imapkit::section section(bool binary = false);
  // generic_value (tagged-ext-val and unknown data): atoms, numbers, strings, NIL, lists.
  imapkit::generic_value generic_value(unsigned depth = 0);
  // Text for resp-text: TEXT-CHARs (no CR, LF; 8-bit only as UTF-8), never starting with "[" or
  // a space, never ending with a space or "}" (so never like a literal announcement).
  std::string_view text(bool may_be_empty = true);
  // A base64 string (for AUTHENTICATE and SASL challenges).
  std::string_view base64();
  // min..max octets, each drawn from alphabet.
  std::string_view chars_from(std::string_view alphabet, std::size_t min, std::size_t max);
  // A number of list elements in [min, opts.max_items] (fewer at depth).
  std::size_t count(std::size_t min = 0, unsigned depth = 0);

  // Copies into the arena.
  std::string_view copy(std::string_view s) { return mem_.copy(s); }

 private:
  entropy& e_;
  arena& mem_;
  const options& opts_;
};

// A random command (client_message: a command, AUTHENTICATE data or DONE) and a random response.
// src: tests/generate/generate_command.cpp, tests/generate/generate_response.cpp.
command random_command(builder& b);
client_message random_client_message(builder& b);
response random_response(builder& b);

}  // namespace imapkit::generate
