// fuzz_mutf7: modified UTF-7 (RFC 3501 §5.1.3) decode and encode of arbitrary bytes.
//
// The input is used three ways: as modified UTF-7 to decode, as (mostly invalid) UTF-8 to
// encode, and, read three bytes per code point, as valid UTF-8 built from arbitrary scalar
// values. Properties:
//  - nothing crashes; an error's offset lies within the input, and a failed call leaves the
//    output as it was;
//  - decode(encode(x)) == x for valid UTF-8, and the encoding is printable ASCII;
//  - encode(decode(e)) == e whenever decode accepts e (the decoder accepts only canonical forms);
//  - the allocating, the sized and the iterator forms of the encoder agree.
#include <cstdint>
#include <iterator>
#include <string>
#include <string_view>

#include "fuzz_support.hpp"
#include "imapkit/mutf7.hpp"

namespace {

using imapkit::fuzz::byte_reader;

bool printable_ascii(std::string_view s) {
  for (char c : s)
    if (c < 0x20 || c > 0x7e) return false;
  return true;
}

// Appends code point cp as UTF-8.
void append_utf8(std::string& out, char32_t cp) {
  if (cp < 0x80) {
    out += static_cast<char>(cp);
  } else if (cp < 0x800) {
    out += static_cast<char>(0xC0 | (cp >> 6));
    out += static_cast<char>(0x80 | (cp & 0x3F));
  } else if (cp < 0x10000) {
    out += static_cast<char>(0xE0 | (cp >> 12));
    out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
    out += static_cast<char>(0x80 | (cp & 0x3F));
  } else {
    out += static_cast<char>(0xF0 | (cp >> 18));
    out += static_cast<char>(0x80 | ((cp >> 12) & 0x3F));
    out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
    out += static_cast<char>(0x80 | (cp & 0x3F));
  }
}

// Encodes `utf8`; checks every encoder entry point against the others and the round trip when
// the input is valid UTF-8.
void check_encode(std::string_view utf8) {
  const imapkit::mutf7_result valid = imapkit::detail::validate_utf8(utf8);

  std::string encoded = "prefix";
  const imapkit::mutf7_result r = imapkit::mutf7_encode(utf8, encoded);
  FUZZ_CHECK(r == valid);
  const std::optional<std::size_t> size = imapkit::mutf7_encoded_size(utf8);
  const std::optional<std::string> to = imapkit::to_mutf7(utf8);
  std::string via_iterator;
  const auto r_to = imapkit::mutf7_encode_to(utf8, std::back_inserter(via_iterator));
  FUZZ_CHECK(r_to.status == valid);

  if (!r) {
    FUZZ_CHECK(r.error == imapkit::mutf7_errc::invalid_utf8);
    FUZZ_CHECK(r.offset < utf8.size());
    FUZZ_CHECK(encoded == "prefix");
    FUZZ_CHECK(!size && !to);
    FUZZ_CHECK(via_iterator.empty());
    return;
  }
  FUZZ_CHECK(encoded.starts_with("prefix"));
  const std::string_view wire = std::string_view(encoded).substr(6);
  FUZZ_CHECK(printable_ascii(wire));
  FUZZ_CHECK(size && *size == wire.size());
  FUZZ_CHECK(to && *to == wire);
  FUZZ_CHECK(via_iterator == wire);
  if (imapkit::is_mutf7_identity(utf8)) FUZZ_CHECK(wire == utf8);

  // Into a buffer of exactly the announced size.
  std::string buffer(*size, '\0');
  const auto r_buf = imapkit::mutf7_encode_to(utf8, buffer.data());
  FUZZ_CHECK(r_buf.status.error == imapkit::mutf7_errc::ok);
  FUZZ_CHECK(r_buf.out == buffer.data() + buffer.size());
  FUZZ_CHECK(buffer == wire);

  std::string decoded = "prefix";
  const imapkit::mutf7_result back = imapkit::mutf7_decode(wire, decoded);
  FUZZ_CHECK(back.error == imapkit::mutf7_errc::ok);
  FUZZ_CHECK(std::string_view(decoded).substr(6) == utf8);
}

// Decodes `wire`; when it is accepted, encoding the result must give `wire` back.
void check_decode(std::string_view wire) {
  std::string decoded = "prefix";
  const imapkit::mutf7_result r = imapkit::mutf7_decode(wire, decoded);
  const std::optional<std::string> from = imapkit::from_mutf7(wire);
  if (!r) {
    FUZZ_CHECK(r.offset <= wire.size());
    FUZZ_CHECK(decoded == "prefix");
    FUZZ_CHECK(!from);
    return;
  }
  FUZZ_CHECK(printable_ascii(wire));
  const std::string_view utf8 = std::string_view(decoded).substr(6);
  FUZZ_CHECK(from && *from == utf8);
  FUZZ_CHECK(imapkit::detail::validate_utf8(utf8).error == imapkit::mutf7_errc::ok);
  if (imapkit::is_mutf7_identity(wire)) FUZZ_CHECK(utf8 == wire);

  std::string again;
  FUZZ_CHECK(imapkit::mutf7_encode(utf8, again).error == imapkit::mutf7_errc::ok);
  FUZZ_CHECK(again == wire);
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view input(reinterpret_cast<const char*>(data), size);
  check_decode(input);
  check_encode(input);

  // Valid UTF-8 from arbitrary scalar values, three bytes each: the top bits pick how wide
  // the character is, so ASCII, BMP and supplementary characters all come up often.
  byte_reader in(data, size);
  std::string utf8;
  while (in.remaining() >= 3) {
    const std::uint32_t raw =
        (std::uint32_t{in.byte()} << 16) | (std::uint32_t{in.byte()} << 8) | in.byte();
    char32_t cp = 0;
    switch (raw >> 22) {
      case 0:
        cp = raw & 0x7F;
        break;
      case 1:
        cp = raw & 0x7FF;
        break;
      case 2:
        cp = raw & 0xFFFF;
        break;
      default:
        cp = 0x10000 + (raw & 0xFFFFF);
        break;
    }
    if (cp >= 0xD800 && cp <= 0xDFFF) cp -= 0x800;  // no surrogates in UTF-8
    append_utf8(utf8, cp);
  }
  FUZZ_CHECK(imapkit::detail::validate_utf8(utf8).error == imapkit::mutf7_errc::ok);
  check_encode(utf8);
  return 0;
}
