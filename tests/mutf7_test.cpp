#include "imapkit/mutf7.hpp"

#include <gtest/gtest.h>

#include <array>
#include <cstdint>
#include <random>
#include <set>
#include <string>
#include <string_view>
#include <vector>

namespace imapkit {
namespace {

// UTF-8 of one code point, written independently of the codec so that the tests do not trust it.
std::string utf8(char32_t cp) {
  std::string s;
  if (cp < 0x80) {
    s += static_cast<char>(cp);
  } else if (cp < 0x800) {
    s += static_cast<char>(0xC0 | (cp >> 6));
    s += static_cast<char>(0x80 | (cp & 0x3F));
  } else if (cp < 0x10000) {
    s += static_cast<char>(0xE0 | (cp >> 12));
    s += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
    s += static_cast<char>(0x80 | (cp & 0x3F));
  } else {
    s += static_cast<char>(0xF0 | (cp >> 18));
    s += static_cast<char>(0x80 | ((cp >> 12) & 0x3F));
    s += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
    s += static_cast<char>(0x80 | (cp & 0x3F));
  }
  return s;
}

bool only_printable_ascii(std::string_view s) {
  for (char c : s) {
    if (c < 0x20 || c > 0x7e) return false;
  }
  return true;
}

struct pair_case {
  std::string_view utf8;
  std::string_view mutf7;
};

void expect_both_ways(const pair_case& c) {
  EXPECT_EQ(to_mutf7(c.utf8), std::string(c.mutf7)) << c.mutf7;
  EXPECT_EQ(from_mutf7(c.mutf7), std::string(c.utf8)) << c.mutf7;
}

// --- RFC 3501 §5.1.3 ----------------------------------------------------------------------------

TEST(Mutf7, Rfc3501MixedScriptExample) {
  expect_both_ways({"~peter/mail/台北/日本語", "~peter/mail/&U,BTFw-/&ZeVnLIqe-"});
}

TEST(Mutf7, Rfc3501CorrectedForms) {
  // "The correct form is "&Jjo-!"" and "The correct form is "&U,BTF2XlZyyKng-"".
  expect_both_ways({"☺!", "&Jjo-!"});
  expect_both_ways({"台北日本語", "&U,BTF2XlZyyKng-"});
}

TEST(Mutf7, Rfc3501InvalidExamples) {
  std::string out;
  // No shift back to US-ASCII before the "!".
  EXPECT_EQ(mutf7_decode("&Jjo!", out), (mutf7_result{mutf7_errc::bad_base64, 4}));
  // Superfluous shift: the second '&' starts a run right after the first closed.
  EXPECT_EQ(mutf7_decode("&U,BTFw-&ZeVnLIqe-", out), (mutf7_result{mutf7_errc::non_canonical, 8}));
  EXPECT_EQ(out, "");
}

TEST(Mutf7, AmpersandIsAmpersandDash) {
  expect_both_ways({"&", "&-"});
  expect_both_ways({"&&", "&-&-"});
  expect_both_ways({"a&b", "a&-b"});
  expect_both_ways({"-", "-"});
  expect_both_ways({"&-", "&--"});
  // '&' and '-' next to a shift: each closes or follows it without merging.
  expect_both_ways({"é&", "&AOk-&-"});
  expect_both_ways({"&é", "&-&AOk-"});
  expect_both_ways({"é-", "&AOk--"});
  expect_both_ways({"é&é", "&AOk-&-&AOk-"});
}

// --- Names seen in the Dovecot captures in corpus/ ----------------------------------------------

TEST(Mutf7, DovecotCorpusNames) {
  for (const pair_case& c : std::initializer_list<pair_case>{
           {"Entwürfe", "Entw&APw-rfe"},
           {"日本語", "&ZeVnLIqe-"},
           {"Café & Bar", "Caf&AOk- &- Bar"},
           {"Заметки", "&BBcEMAQ8BDUEQgQ6BDg-"},
           {"Ünïcødé", "&ANw-n&AO8-c&APg-d&AOk-"},
           {"Ünïcødé/Sub", "&ANw-n&AO8-c&APg-d&AOk-/Sub"},
           {"INBOX", "INBOX"},
           {"", ""},
       }) {
    expect_both_ways(c);
  }
}

// --- Other characters ---------------------------------------------------------------------------

TEST(Mutf7, ControlCharactersAreShifted) {
  expect_both_ways({std::string_view("\0", 1), "&AAA-"});
  expect_both_ways({"\t", "&AAk-"});
  expect_both_ways({"\x7f", "&AH8-"});
  expect_both_ways({std::string_view("é\0", 3), "&AOkAAA-"});
}

TEST(Mutf7, OutsideBmpUsesSurrogatePairs) {
  expect_both_ways({"😀", "&2D3eAA-"});  // U+1F600 = D83D DE00
  expect_both_ways({"a😀b", "a&2D3eAA-b"});
  // BMP and astral characters share one shift.
  expect_both_ways({"日😀本", "&ZeXYPd4AZyw-"});
  expect_both_ways({utf8(0x10FFFF), "&2,,f,w-"});  // DBFF DFFF
  expect_both_ways({utf8(0x10000), "&2ADcAA-"});   // D800 DC00
}

TEST(Mutf7, PrintableAsciiIsItsOwnEncoding) {
  std::string ascii;
  for (char c = 0x20; c <= 0x7e; ++c) {
    if (c != '&') ascii += c;
  }
  expect_both_ways({ascii, ascii});
  EXPECT_TRUE(is_mutf7_identity(ascii));
  EXPECT_TRUE(is_mutf7_identity(""));
  EXPECT_TRUE(is_mutf7_identity("INBOX/Sent Items"));
  EXPECT_FALSE(is_mutf7_identity("a&b"));
  EXPECT_FALSE(is_mutf7_identity("&-"));
  EXPECT_FALSE(is_mutf7_identity("Entwürfe"));
  EXPECT_FALSE(is_mutf7_identity("tab\there"));
  EXPECT_FALSE(is_mutf7_identity("\x7f"));
  static_assert(is_mutf7_identity("Drafts"));
}

// --- Errors -------------------------------------------------------------------------------------

struct error_case {
  std::string_view input;
  mutf7_errc error;
  std::size_t offset;
};

void expect_decode_error(const error_case& c) {
  std::string out = "kept";
  EXPECT_EQ(mutf7_decode(c.input, out), (mutf7_result{c.error, c.offset}))
      << "input: " << c.input << " (" << to_string(c.error) << ")";
  EXPECT_EQ(out, "kept") << "output must be left alone on failure: " << c.input;
  EXPECT_EQ(from_mutf7(c.input), std::nullopt) << c.input;
}

TEST(Mutf7, DecodeUnterminatedShift) {
  for (const error_case& c : std::initializer_list<error_case>{
           {"&", mutf7_errc::unterminated_shift, 0},
           {"abc&", mutf7_errc::unterminated_shift, 3},
           {"&AOk", mutf7_errc::unterminated_shift, 0},
           {"x&-&AOkA", mutf7_errc::unterminated_shift, 3},
       }) {
    expect_decode_error(c);
  }
}

TEST(Mutf7, DecodeBadBase64) {
  for (const error_case& c : std::initializer_list<error_case>{
           {"&Jjo!", mutf7_errc::bad_base64, 4},
           {"&U/BTFw-", mutf7_errc::bad_base64, 2},  // RFC 2152 '/' instead of ','
           {"&AOk=-", mutf7_errc::bad_base64, 4},    // no '=' padding
           {"&AO k-", mutf7_errc::bad_base64, 3},
           {"&AOk&-", mutf7_errc::bad_base64, 4},
           {"&AOkA-", mutf7_errc::bad_base64, 4},   // a character beyond the one code unit
           {"&AOkAA-", mutf7_errc::bad_base64, 4},  // 14 bits: a partial code unit
           {"&AOkAAAA-", mutf7_errc::bad_base64, 7},
       }) {
    expect_decode_error(c);
  }
}

TEST(Mutf7, DecodeEmptyShift) {
  for (const error_case& c : std::initializer_list<error_case>{
           {"&A-", mutf7_errc::empty_shift, 0},
           {"x&AA-", mutf7_errc::empty_shift, 1},
       }) {
    expect_decode_error(c);
  }
}

TEST(Mutf7, DecodeNonCanonical) {
  for (const error_case& c : std::initializer_list<error_case>{
           {"&AGE-", mutf7_errc::non_canonical, 1},     // 'a' in BASE64
           {"&ACY-", mutf7_errc::non_canonical, 1},     // '&' in BASE64 (must be "&-")
           {"&AC0-", mutf7_errc::non_canonical, 1},     // '-' in BASE64
           {"&AOkAYQ-", mutf7_errc::non_canonical, 4},  // 'a' as the second code unit
           {"&AOl-", mutf7_errc::non_canonical, 3},     // non-zero padding bits
           {"&AOkA6f-", mutf7_errc::non_canonical, 6},  // non-zero padding bits (4 of them)
           {"&U,BTFw-&ZeVnLIqe-", mutf7_errc::non_canonical, 8},
           {"&AOk-&AOk-", mutf7_errc::non_canonical, 5},
       }) {
    expect_decode_error(c);
  }
  // Not superfluous: something stands between the shifts.
  EXPECT_EQ(from_mutf7("&AOk-&-&AOk-"), "é&é");
  EXPECT_EQ(from_mutf7("&AOk--&AOk-"), "é-é");
}

TEST(Mutf7, DecodeUnpairedSurrogates) {
  for (const error_case& c : std::initializer_list<error_case>{
           {"&3gA-", mutf7_errc::invalid_utf16, 1},        // lone low DC00
           {"&2D0-", mutf7_errc::invalid_utf16, 1},        // lone high D83D at the end of a shift
           {"&2D0A6Q-", mutf7_errc::invalid_utf16, 1},     // high followed by U+00E9
           {"&AOncAA-", mutf7_errc::invalid_utf16, 4},     // U+00E9 then a lone low
           {"ab&2D3YPQ-", mutf7_errc::invalid_utf16, 3},   // high followed by high
           {"&2D0-x&3gA-", mutf7_errc::invalid_utf16, 1},  // a pair cannot span two shifts
       }) {
    expect_decode_error(c);
  }
}

TEST(Mutf7, DecodeBytesOutsidePrintableAscii) {
  for (const error_case& c : std::initializer_list<error_case>{
           {"a\tb", mutf7_errc::invalid_byte, 1},
           {"Entwürfe", mutf7_errc::invalid_byte, 4},  // raw UTF-8 is not modified UTF-7
           {"\x7f", mutf7_errc::invalid_byte, 0},
           {"&AO\x80k-", mutf7_errc::invalid_byte, 3},
           {{"x\0", 2}, mutf7_errc::invalid_byte, 1},
       }) {
    expect_decode_error(c);
  }
}

TEST(Mutf7, EncodeRejectsInvalidUtf8) {
  for (const error_case& c : std::initializer_list<error_case>{
           {"\xC0\xAF", mutf7_errc::invalid_utf8, 0},                  // overlong '/'
           {"\xC1\xBF", mutf7_errc::invalid_utf8, 0},                  // overlong
           {"ab\xE0\x80\xAF", mutf7_errc::invalid_utf8, 2},            // overlong, 3 bytes
           {"\xE0\x9F\xBF", mutf7_errc::invalid_utf8, 0},              // overlong U+07FF
           {"\xF0\x80\x80\xAF", mutf7_errc::invalid_utf8, 0},          // overlong, 4 bytes
           {"\xF0\x8F\xBF\xBF", mutf7_errc::invalid_utf8, 0},          // overlong U+FFFF
           {"ab\xC3", mutf7_errc::invalid_utf8, 2},                    // truncated
           {"\xE6\x97", mutf7_errc::invalid_utf8, 0},                  // truncated
           {"x\xF0\x9F\x98", mutf7_errc::invalid_utf8, 1},             // truncated emoji
           {"\xED\xA0\x80", mutf7_errc::invalid_utf8, 0},              // surrogate D800
           {"\xED\xBF\xBF", mutf7_errc::invalid_utf8, 0},              // surrogate DFFF
           {"\xED\xA0\xBD\xED\xB8\x80", mutf7_errc::invalid_utf8, 0},  // CESU-8 pair
           {"\xF4\x90\x80\x80", mutf7_errc::invalid_utf8, 0},          // U+110000
           {"\xF5\x80\x80\x80", mutf7_errc::invalid_utf8, 0},
           {"\xF8\x88\x80\x80\x80", mutf7_errc::invalid_utf8, 0},
           {"\xFF", mutf7_errc::invalid_utf8, 0},
           {"\xFE", mutf7_errc::invalid_utf8, 0},
           {"a\x80", mutf7_errc::invalid_utf8, 1},   // stray continuation
           {"a\xC3(", mutf7_errc::invalid_utf8, 1},  // bad continuation
           {"日本\xE8\xAA", mutf7_errc::invalid_utf8, 6},
       }) {
    std::string out = "kept";
    EXPECT_EQ(mutf7_encode(c.input, out), (mutf7_result{c.error, c.offset})) << c.input;
    EXPECT_EQ(out, "kept") << c.input;
    EXPECT_EQ(to_mutf7(c.input), std::nullopt);
    EXPECT_EQ(mutf7_encoded_size(c.input), std::nullopt);
  }
  // The largest and smallest of each length are fine.
  EXPECT_EQ(to_mutf7("\xEF\xBF\xBF"), "&,,8-");         // U+FFFF
  EXPECT_EQ(to_mutf7("\xED\x9F\xBF"), "&1,8-");         // U+D7FF
  EXPECT_EQ(to_mutf7("\xEE\x80\x80"), "&4AA-");         // U+E000
  EXPECT_EQ(to_mutf7("\xF4\x8F\xBF\xBF"), "&2,,f,w-");  // U+10FFFF
  EXPECT_EQ(to_mutf7("\xC2\x80"), "&AIA-");             // U+0080
}

TEST(Mutf7, ErrorNames) {
  EXPECT_EQ(to_string(mutf7_errc::ok), "ok");
  EXPECT_EQ(to_string(mutf7_errc::invalid_utf16), "unpaired UTF-16 surrogate");
  EXPECT_TRUE(static_cast<bool>(mutf7_result{}));
  EXPECT_FALSE(static_cast<bool>(mutf7_result{mutf7_errc::empty_shift, 0}));
}

// --- Appending and the non-allocating encoder ---------------------------------------------------

TEST(Mutf7, AppendsToOutput) {
  std::string out = "INBOX.";
  ASSERT_TRUE(mutf7_encode("Entwürfe", out));
  EXPECT_EQ(out, "INBOX.Entw&APw-rfe");
  std::string decoded = "INBOX.";
  ASSERT_TRUE(mutf7_decode("Entw&APw-rfe", decoded));
  EXPECT_EQ(decoded, "INBOX.Entwürfe");
}

TEST(Mutf7, EncodeToBuffer) {
  constexpr std::string_view name = "~peter/mail/台北/日本語";
  const std::optional<std::size_t> size = mutf7_encoded_size(name);
  ASSERT_EQ(size, std::string_view("~peter/mail/&U,BTFw-/&ZeVnLIqe-").size());

  std::array<char, 64> buffer{};
  const auto r = mutf7_encode_to(name, buffer.data());
  ASSERT_TRUE(r.status);
  EXPECT_EQ(std::string_view(buffer.data(), r.out), "~peter/mail/&U,BTFw-/&ZeVnLIqe-");

  // Nothing is written when the input is invalid.
  std::array<char, 8> untouched{'x', 'x', 'x', 'x', 'x', 'x', 'x', 'x'};
  const auto bad = mutf7_encode_to("é\xFF", untouched.data());
  EXPECT_EQ(bad.status, (mutf7_result{mutf7_errc::invalid_utf8, 2}));
  EXPECT_EQ(bad.out, untouched.data());
  EXPECT_EQ(std::string_view(untouched.data(), 8), "xxxxxxxx");
}

// The encoder works at compile time, so constant names can be encoded in constants.
constexpr std::array<char, 13> encode_at_compile_time() {
  std::array<char, 13> out{};  // 12 characters and a NUL
  mutf7_encode_to("Entwürfe", out.begin());
  return out;
}
static_assert(std::string_view(encode_at_compile_time().data()) == "Entw&APw-rfe");

// --- Exhaustive and randomised ------------------------------------------------------------------

TEST(Mutf7, EveryScalarValueRoundTrips) {
  for (char32_t cp = 0; cp <= 0x10FFFF; ++cp) {
    if (cp >= 0xD800 && cp <= 0xDFFF) continue;
    const std::string in = utf8(cp);
    const std::optional<std::string> encoded = to_mutf7(in);
    ASSERT_TRUE(encoded) << std::hex << static_cast<std::uint32_t>(cp);
    ASSERT_TRUE(only_printable_ascii(*encoded));
    ASSERT_EQ(from_mutf7(*encoded), in) << *encoded;
    // Shifted exactly when not printable ASCII (and '&' is the two-character "&-").
    const bool direct = cp >= 0x20 && cp <= 0x7e;
    ASSERT_EQ(encoded->front() == '&' && *encoded != "&-", !direct) << *encoded;
  }
}

// The validator against its definition: a byte sequence is valid exactly when it is the UTF-8 of
// some scalar value.
TEST(Mutf7, Utf8ValidationMatchesDefinition) {
  std::set<std::string> valid;
  for (char32_t cp = 0x80; cp <= 0xFFFF; ++cp) {
    if (cp < 0xD800 || cp > 0xDFFF) valid.insert(utf8(cp));
  }
  std::string seq(2, '\0');
  for (int b0 = 0x80; b0 <= 0xFF; ++b0) {
    for (int b1 = 0; b1 <= 0xFF; ++b1) {
      seq = {static_cast<char>(b0), static_cast<char>(b1)};
      ASSERT_EQ(mutf7_encoded_size(seq).has_value(), valid.count(seq) == 1) << b0 << " " << b1;
    }
  }
  for (int b0 = 0xE0; b0 <= 0xEF; ++b0) {
    for (int b1 = 0; b1 <= 0xFF; ++b1) {
      for (int b2 = 0; b2 <= 0xFF; ++b2) {
        seq = {static_cast<char>(b0), static_cast<char>(b1), static_cast<char>(b2)};
        ASSERT_EQ(mutf7_encoded_size(seq).has_value(), valid.count(seq) == 1)
            << b0 << " " << b1 << " " << b2;
      }
    }
  }
  // Four bytes: every lead and second byte, with edge values in the last two.
  const std::array<int, 4> edges = {0x7F, 0x80, 0xBF, 0xC0};
  for (int b0 = 0xF0; b0 <= 0xFF; ++b0) {
    for (int b1 = 0; b1 <= 0xFF; ++b1) {
      for (int b2 : edges) {
        for (int b3 : edges) {
          seq = {static_cast<char>(b0), static_cast<char>(b1), static_cast<char>(b2),
                 static_cast<char>(b3)};
          const bool continuations =
              b2 >= 0x80 && b2 <= 0xBF && b3 >= 0x80 && b3 <= 0xBF && (b1 & 0xC0) == 0x80;
          const std::uint32_t cp =
              ((b0 & 0x07u) << 18) | ((b1 & 0x3Fu) << 12) | ((b2 & 0x3Fu) << 6) | (b3 & 0x3Fu);
          const bool expected = b0 <= 0xF7 && continuations && cp >= 0x10000 && cp <= 0x10FFFF;
          ASSERT_EQ(mutf7_encoded_size(seq).has_value(), expected) << b0 << " " << b1;
        }
      }
    }
  }
}

// A random valid UTF-8 string of 0..40 code points, weighted towards what makes shifts start and
// stop: ASCII (with many '&' and '-'), controls, and 2-, 3- and 4-byte sequences.
// std::mt19937's output is fixed by the standard; the distributions are not, so none are used.
std::string random_utf8(std::mt19937& rng) {
  const auto below = [&](std::uint32_t n) { return static_cast<std::uint32_t>(rng() % n); };
  std::string s;
  const std::uint32_t length = below(41);
  for (std::uint32_t k = 0; k < length; ++k) {
    char32_t cp = 0;
    switch (below(8)) {
      case 0:
        cp = below(2) ? '&' : '-';
        break;
      case 1:
      case 2:
        cp = 0x20 + below(0x5F);  // printable ASCII
        break;
      case 3:
        cp = below(4) ? below(0x20) : 0x7F;  // controls
        break;
      case 4:
        cp = 0x80 + below(0x800 - 0x80);
        break;
      case 5:
      case 6:
        do {
          cp = 0x800 + below(0x10000 - 0x800);
        } while (cp >= 0xD800 && cp <= 0xDFFF);
        break;
      default:
        cp = 0x10000 + below(0x110000 - 0x10000);
        break;
    }
    s += utf8(cp);
  }
  return s;
}

TEST(Mutf7, RandomRoundTrips) {
  std::mt19937 rng(20240531);
  for (int n = 0; n < 20000; ++n) {
    const std::string in = random_utf8(rng);
    const std::optional<std::string> encoded = to_mutf7(in);
    ASSERT_TRUE(encoded) << n;
    ASSERT_TRUE(only_printable_ascii(*encoded)) << *encoded;
    const std::optional<std::string> decoded = from_mutf7(*encoded);
    ASSERT_EQ(decoded, in) << *encoded;
    ASSERT_EQ(to_mutf7(*decoded), encoded) << "not canonical: " << *encoded;
    ASSERT_EQ(mutf7_encoded_size(in), encoded->size());
    ASSERT_EQ(is_mutf7_identity(in), *encoded == in) << *encoded;
  }
}

// Strictness as a property: whatever the decoder accepts is exactly what the encoder writes for
// the result. Random edits of valid encodings and random strings over the shift alphabet probe
// the non-canonical forms.
TEST(Mutf7, AcceptedInputIsCanonical) {
  std::mt19937 rng(3501);
  const auto below = [&](std::uint32_t n) { return static_cast<std::uint32_t>(rng() % n); };
  constexpr std::string_view alphabet = "&-AAAAgkw,+/9Zz!= a";
  std::size_t accepted = 0;
  for (int n = 0; n < 50000; ++n) {
    std::string s;
    if (n % 2 == 0) {
      s = *to_mutf7(random_utf8(rng));
      for (std::uint32_t edits = 1 + below(3); edits > 0 && !s.empty(); --edits) {
        const std::size_t at = below(static_cast<std::uint32_t>(s.size()));
        const char c = alphabet[below(alphabet.size())];
        switch (below(3)) {
          case 0:
            s[at] = c;
            break;
          case 1:
            s.insert(s.begin() + static_cast<std::ptrdiff_t>(at), c);
            break;
          default:
            s.erase(at, 1);
            break;
        }
      }
    } else {
      for (std::uint32_t length = below(12); length > 0; --length) {
        s += alphabet[below(alphabet.size())];
      }
    }
    const std::optional<std::string> decoded = from_mutf7(s);
    if (!decoded) continue;
    ++accepted;
    ASSERT_EQ(to_mutf7(*decoded), s) << "accepted a non-canonical form";
  }
  // Both outcomes must be common for the property to mean anything.
  EXPECT_GT(accepted, 5000u);
  EXPECT_LT(accepted, 45000u);
}

}  // namespace
}  // namespace imapkit
