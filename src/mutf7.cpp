#include "imapkit/mutf7.hpp"

#include <array>

namespace imapkit {

namespace {

// BASE64 value of each byte, -1 for bytes outside the modified alphabet.
constexpr std::array<std::int8_t, 256> base64_values = [] {
  std::array<std::int8_t, 256> values{};
  values.fill(-1);
  for (int v = 0; v < 64; ++v) {
    values[static_cast<unsigned char>(detail::base64_alphabet[v])] = static_cast<std::int8_t>(v);
  }
  return values;
}();

constexpr bool is_high_surrogate(std::uint32_t u) { return u >= 0xD800 && u <= 0xDBFF; }
constexpr bool is_low_surrogate(std::uint32_t u) { return u >= 0xDC00 && u <= 0xDFFF; }

// Characters of BASE64 the canonical encoder writes for n UTF-16 code units.
constexpr std::size_t base64_length(std::size_t units) { return (16 * units + 5) / 6; }

void append_utf8(std::string& out, char32_t cp) {
  if (cp < 0x80) {
    out.push_back(static_cast<char>(cp));
  } else if (cp < 0x800) {
    out.push_back(static_cast<char>(0xC0 | (cp >> 6)));
    out.push_back(static_cast<char>(0x80 | (cp & 0x3F)));
  } else if (cp < 0x10000) {
    out.push_back(static_cast<char>(0xE0 | (cp >> 12)));
    out.push_back(static_cast<char>(0x80 | ((cp >> 6) & 0x3F)));
    out.push_back(static_cast<char>(0x80 | (cp & 0x3F)));
  } else {
    out.push_back(static_cast<char>(0xF0 | (cp >> 18)));
    out.push_back(static_cast<char>(0x80 | ((cp >> 12) & 0x3F)));
    out.push_back(static_cast<char>(0x80 | ((cp >> 6) & 0x3F)));
    out.push_back(static_cast<char>(0x80 | (cp & 0x3F)));
  }
}

// Counts what mutf7_encode_to writes, to size an output without writing it.
struct counting_iterator {
  struct sink {
    std::size_t* count;
    const sink& operator=(char) const {
      ++*count;
      return *this;
    }
  };
  using difference_type = std::ptrdiff_t;
  std::size_t* count = nullptr;

  sink operator*() const { return {count}; }
  counting_iterator& operator++() { return *this; }
  counting_iterator operator++(int) { return *this; }
};
static_assert(std::output_iterator<counting_iterator, char>);

// Decodes the shift opened by the '&' at in[amp] (not "&-"), appending its characters to out.
// On success sets end to one past the closing '-'.
mutf7_result decode_shift(std::string_view in, std::size_t amp, std::string& out,
                          std::size_t& end) {
  const std::size_t start = amp + 1;
  std::uint32_t bits = 0;  // bits not yet part of a code unit, nbits of them
  int nbits = 0;
  std::size_t units = 0;
  std::uint32_t high = 0;  // a high surrogate waiting for its low half
  std::size_t high_offset = 0;

  std::size_t i = start;
  for (;; ++i) {
    if (i == in.size()) return {mutf7_errc::unterminated_shift, amp};
    const auto c = static_cast<unsigned char>(in[i]);
    if (c == '-') break;
    if (c < 0x20 || c > 0x7e) return {mutf7_errc::invalid_byte, i};
    const int value = base64_values[c];
    // Includes "&Jjo!": no implicit shift back to US-ASCII.
    if (value < 0) return {mutf7_errc::bad_base64, i};
    bits = (bits << 6) | static_cast<std::uint32_t>(value);
    nbits += 6;
    if (nbits < 16) continue;

    nbits -= 16;
    const std::uint32_t unit = bits >> nbits;
    bits &= (1u << nbits) - 1;
    const std::size_t unit_offset = start + base64_length(units);  // where its first bit is
    ++units;
    if (high != 0) {
      if (!is_low_surrogate(unit)) return {mutf7_errc::invalid_utf16, high_offset};
      append_utf8(out, 0x10000 + ((high - 0xD800) << 10) + (unit - 0xDC00));
      high = 0;
    } else if (is_high_surrogate(unit)) {
      high = unit;
      high_offset = unit_offset;
    } else if (is_low_surrogate(unit)) {
      return {mutf7_errc::invalid_utf16, unit_offset};
    } else if (unit >= 0x20 && unit <= 0x7e) {
      // Printable ASCII must stand for itself ('&' as "&-").
      return {mutf7_errc::non_canonical, unit_offset};
    } else {
      append_utf8(out, unit);
    }
  }

  if (units == 0) return {mutf7_errc::empty_shift, amp};
  // Six or more bits left over: characters beyond what the code units need.
  if (nbits >= 6) return {mutf7_errc::bad_base64, start + base64_length(units)};
  if (bits != 0) return {mutf7_errc::non_canonical, i - 1};
  if (high != 0) return {mutf7_errc::invalid_utf16, high_offset};
  end = i + 1;
  return {};
}

}  // namespace

std::string_view to_string(mutf7_errc e) noexcept {
  switch (e) {
    case mutf7_errc::ok:
      return "ok";
    case mutf7_errc::invalid_utf8:
      return "invalid UTF-8";
    case mutf7_errc::bad_base64:
      return "bad modified BASE64";
    case mutf7_errc::unterminated_shift:
      return "unterminated shift (\"&\" without \"-\")";
    case mutf7_errc::empty_shift:
      return "empty shift";
    case mutf7_errc::non_canonical:
      return "non-canonical modified UTF-7";
    case mutf7_errc::invalid_utf16:
      return "unpaired UTF-16 surrogate";
    case mutf7_errc::invalid_byte:
      return "byte outside printable US-ASCII";
  }
  return "unknown modified UTF-7 error";
}

mutf7_result mutf7_encode(std::string_view utf8, std::string& out) {
  // mutf7_encode_to validates before writing, so out is untouched on failure.
  return mutf7_encode_to(utf8, std::back_inserter(out)).status;
}

std::optional<std::size_t> mutf7_encoded_size(std::string_view utf8) noexcept {
  std::size_t count = 0;
  if (!mutf7_encode_to(utf8, counting_iterator{&count}).status) return std::nullopt;
  return count;
}

mutf7_result mutf7_decode(std::string_view in, std::string& out) {
  const std::size_t original_size = out.size();
  const auto fail = [&](mutf7_result r) {
    out.resize(original_size);
    return r;
  };

  bool after_shift = false;  // the previous thing was a BASE64 run closed by '-'
  for (std::size_t i = 0; i < in.size();) {
    const auto c = static_cast<unsigned char>(in[i]);
    if (c < 0x20 || c > 0x7e) return fail({mutf7_errc::invalid_byte, i});
    if (c != '&') {
      out.push_back(static_cast<char>(c));
      ++i;
      after_shift = false;
      continue;
    }
    if (i + 1 == in.size()) return fail({mutf7_errc::unterminated_shift, i});
    if (in[i + 1] == '-') {
      out.push_back('&');
      i += 2;
      after_shift = false;
      continue;
    }
    // "&a-&b-" is a superfluous shift: the encoder would have written "&ab-".
    if (after_shift) return fail({mutf7_errc::non_canonical, i});
    std::size_t end = 0;
    if (const mutf7_result r = decode_shift(in, i, out, end); !r) return fail(r);
    i = end;
    after_shift = true;
  }
  return {};
}

std::optional<std::string> to_mutf7(std::string_view utf8) {
  std::string out;
  if (!mutf7_encode(utf8, out)) return std::nullopt;
  return out;
}

std::optional<std::string> from_mutf7(std::string_view mutf7) {
  std::string out;
  if (!mutf7_decode(mutf7, out)) return std::nullopt;
  return out;
}

}  // namespace imapkit
