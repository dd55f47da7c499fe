// The generator's building blocks: hostile strings, atoms, tags, flags, numbers, sets, dates.
#include <algorithm>
#include <string>

#include "generate.hpp"

namespace imapkit::generate {

std::uint64_t byte_entropy::bits() {
  std::uint64_t v = 0;
  for (int i = 0; i < 8 && size_ != 0; ++i) {
    v = (v << 8) | *data_++;
    --size_;
  }
  return v;
}

bool builder::make_invalid() { return opts_.invalid && e_.chance(1); }

namespace {

constexpr std::string_view letters = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";
constexpr std::string_view atom_tail =
    "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789"
    "-_.!#&'+/=?@^|~";
constexpr std::string_view base64_alphabet =
    "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";

// Pieces of hostile strings: each is what a careless encoder would let break out of its slot.
constexpr std::string_view hostile_pieces[] = {"\r\n",
                                               "\r",
                                               "\n",
                                               "\"",
                                               "\\",
                                               "{5}",
                                               "{5}\r\n",
                                               "{0+}\r\n",
                                               "~{3}",
                                               ")",
                                               "(",
                                               "]",
                                               "[",
                                               " ",
                                               "NIL",
                                               "*",
                                               "%",
                                               "\t",
                                               "\x7f",
                                               "\x80",
                                               "\xff",
                                               "\xc3\xa9",
                                               "\xe6\x97\xa5\xe6\x9c\xac",
                                               "\xf0\x9f\x93\xa7",
                                               "a1 OK done\r\n",
                                               "* BYE\r\n",
                                               "+ go\r\n",
                                               "&-",
                                               "&Jjo-",
                                               "\x01"};

char pick_char(entropy& e, std::string_view from) { return from[e.below(from.size())]; }

}  // namespace

std::string_view builder::any_string(bool no_nul) {
  std::size_t length;
  const auto r = e_.below(100);
  if (r < 5)
    length = 0;
  else if (r < 70)
    length = e_.between(1, 12);
  else if (r < 99 || !opts_.long_strings)
    length = e_.between(13, 120);
  else
    length = e_.between(1000, 5000);
  std::string s;
  while (s.size() < length) {
    const auto k = e_.below(100);
    if (k < 55)
      s += pick_char(e_, atom_tail);
    else if (k < 60 && !no_nul)
      s += '\0';
    else if (k < 70)
      s += ' ';
    else
      s += hostile_pieces[e_.below(std::size(hostile_pieces))];
  }
  return copy(s);
}

imapkit::string builder::string_value(bool no_nul) {
  const auto v = any_string(no_nul);
  switch (e_.below(4)) {
    case 0:
      return imapkit::string::atom(v);
    case 1:
      return imapkit::string::quoted(v);
    case 2:
      return imapkit::string::literal(v);
    default:
      return imapkit::string::literal8(v);
  }
}

imapkit::string builder::nstring_value(bool no_nul) {
  if (e_.chance(15)) return imapkit::string::nil();
  return string_value(no_nul);
}

std::string_view builder::atom() {
  if (make_invalid()) {
    constexpr std::string_view bad[] = {"",     "two words", "a(b", "x\r\ny", "q\"",
                                        "a{5}", "b]",        "p%",  "s*",     "\xc3\xa9"};
    return bad[e_.below(std::size(bad))];
  }
  std::string s(1, pick_char(e_, letters));
  const auto n = e_.below(12);
  for (std::uint64_t i = 0; i < n; ++i) s += pick_char(e_, atom_tail);
  return copy(s);
}

std::string_view builder::atom_not(std::initializer_list<std::string_view> keywords) {
  for (;;) {
    const std::string_view a = atom();
    if (std::none_of(keywords.begin(), keywords.end(),
                     [&](std::string_view k) { return iequal(k, a); }))
      return a;
  }
}

std::string_view builder::random_case(std::string_view keyword) {
  std::string s(keyword);
  if (e_.chance(50)) return keyword;
  for (char& c : s)
    if (e_.chance(50) && ((c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z'))) c ^= 0x20;
  return copy(s);
}

std::string_view builder::tag() {
  if (make_invalid()) {
    constexpr std::string_view bad[] = {"", "a+1", "a 1", "a\r\n", "t(", "t{1}", "*"};
    return bad[e_.below(std::size(bad))];
  }
  constexpr std::string_view tag_chars =
      "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_.!#&'/=?@^|~]";
  std::string s(1, pick_char(e_, letters));
  const auto n = e_.below(8);
  for (std::uint64_t i = 0; i < n; ++i) s += pick_char(e_, tag_chars);
  return copy(s);
}

imapkit::flag builder::flag(bool allow_wildcard) {
  if (make_invalid()) {
    constexpr std::string_view bad[] = {"", "\\", "a(b", "\\Seen)", "two words", "x\r\n"};
    return {bad[e_.below(std::size(bad))]};
  }
  constexpr std::string_view system[] = {"\\Answered", "\\Flagged", "\\Deleted",  "\\Seen",
                                         "\\Draft",    "\\Recent",  "$Forwarded", "$MDNSent",
                                         "$Junk",      "NonJunk"};
  const auto r = e_.below(100);
  if (allow_wildcard && r < 10) return {"\\*"};
  if (r < 60) return {random_case(system[e_.below(std::size(system))])};
  if (r < 70) {
    std::string system_like = "\\";
    system_like += atom();
    return {copy(system_like)};
  }
  return {atom()};
}

list<imapkit::flag> builder::flags(bool allow_wildcard) {
  list<imapkit::flag> out;
  const auto n = count();
  for (std::size_t i = 0; i < n; ++i) out.push_back(mem_, flag(allow_wildcard));
  return out;
}

imapkit::mailbox builder::mailbox() {
  if (make_invalid()) return {imapkit::string::literal(copy(std::string("a\0b", 3)))};
  if (e_.chance(20)) return {imapkit::string::atom(random_case("INBOX"))};
  return {string_value(true)};
}

std::uint32_t builder::number() {
  const auto r = e_.below(100);
  if (r < 50) return static_cast<std::uint32_t>(e_.below(101));
  if (r < 80) return static_cast<std::uint32_t>(e_.below(65536));
  return static_cast<std::uint32_t>(e_.bits());
}

std::uint32_t builder::nz_number() {
  const std::uint32_t n = number();
  return n == 0 ? 1 : n;
}

std::uint64_t builder::number64() {
  if (e_.chance(70)) return number();
  return e_.bits() >> 1;  // up to 2^63-1
}

std::uint64_t builder::nz_number64() {
  const std::uint64_t n = number64();
  return n == 0 ? 1 : n;
}

imapkit::sequence_set builder::sequence_set(bool allow_star, bool allow_last_command) {
  imapkit::sequence_set s;
  if (allow_last_command && e_.chance(5)) {
    s.last_command = true;
    return s;
  }
  const auto n = count(1);
  const auto seq_number = [&] {
    return allow_star && e_.chance(10) ? seq_range::star : nz_number();
  };
  for (std::size_t i = 0; i < n; ++i) {
    seq_range r;
    r.first = seq_number();
    r.last = e_.chance(50) ? r.first : seq_number();
    s.ranges.push_back(mem_, r);
  }
  return s;
}

imapkit::date builder::date() {
  static constexpr unsigned days[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  imapkit::date d;
  d.year = static_cast<std::uint16_t>(e_.chance(90) ? e_.between(1970, 2100) : e_.between(1, 9999));
  d.month = static_cast<std::uint8_t>(e_.between(1, 12));
  d.day = static_cast<std::uint8_t>(e_.between(1, days[d.month - 1]));
  if (make_invalid()) {
    d.month = 2;
    d.day = 30;  // never exists
  }
  return d;
}

imapkit::date_time builder::date_time() {
  imapkit::date_time t;
  t.date = date();
  t.hour = static_cast<std::uint8_t>(e_.below(24));
  t.minute = static_cast<std::uint8_t>(e_.below(60));
  t.second = static_cast<std::uint8_t>(e_.below(60));
  const int zone = static_cast<int>(e_.below(100 * 60));
  t.zone_minutes = static_cast<std::int16_t>(e_.chance(50) ? zone : -zone);
  if (make_invalid()) t.hour = 24;
  return t;
}

imapkit::partial_range builder::partial_range() {
  imapkit::partial_range r;
  r.first = nz_number();
  r.last = nz_number();
  r.from_end = e_.chance(30);
  return r;
}

imapkit::section builder::section(bool binary) {
  imapkit::section s;
  const auto parts = e_.below(4);
  for (std::uint64_t i = 0; i < parts; ++i)
    s.part.push_back(mem_, static_cast<std::uint32_t>(e_.between(1, 20)));
  if (binary) return s;
  s.text = e_.pick<section_text>(6);
  if (s.text == section_text::mime && s.part.empty()) s.text = section_text::none;
  if (s.text == section_text::header_fields || s.text == section_text::header_fields_not) {
    const auto n = count(1);
    for (std::size_t i = 0; i < n; ++i) s.header_fields.push_back(mem_, string_value(true));
  }
  return s;
}

imapkit::generic_value builder::generic_value(unsigned depth) {
  imapkit::generic_value v;
  const auto r = e_.below(100);
  if (r < 10) return v;  // NIL
  if (r < 45) {
    v.kind = generic_value::kind_t::atom;
    v.text =
        imapkit::string::atom(e_.chance(30) ? copy(std::to_string(number64())) : atom_not({"NIL"}));
    return v;
  }
  if (r < 80 || depth >= opts_.max_depth) {
    v.kind = generic_value::kind_t::string;
    const bool binary = e_.chance(10);
    v.text = binary ? imapkit::string::literal8(any_string(false))
                    : imapkit::string::quoted(any_string(true));
    return v;
  }
  v.kind = generic_value::kind_t::list;
  const auto n = count(0, depth + 1);
  for (std::size_t i = 0; i < n; ++i) v.items.push_back(mem_, generic_value(depth + 1));
  return v;
}

std::string_view builder::text(bool may_be_empty) {
  if (make_invalid()) return "broken\r\ntext";
  constexpr std::string_view text_chars =
      "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789 -_.,:;!?()[]{}<>\"\\'*%$";
  const std::size_t length = may_be_empty && e_.chance(10) ? 0 : e_.between(1, 60);
  std::string s;
  for (std::size_t i = 0; i < length; ++i) s += pick_char(e_, text_chars);
  // Never "[" first (it would be read as a resp-text-code), nor a space at either end.
  while (!s.empty() && (s.front() == '[' || s.front() == ' ')) s.erase(0, 1);
  // Nor a space or "}" at the end: " {5}" at the end of a line announces a literal.
  while (!s.empty() && (s.back() == ' ' || s.back() == '}')) s.pop_back();
  if (s.empty() && !may_be_empty) s = "x";
  return copy(s);
}

std::string_view builder::chars_from(std::string_view alphabet, std::size_t min, std::size_t max) {
  std::string s;
  const auto n = e_.between(min, max);
  for (std::uint64_t i = 0; i < n; ++i) s += alphabet[e_.below(alphabet.size())];
  return copy(s);
}

std::string_view builder::base64() {
  std::string s;
  const auto groups = e_.below(10);
  for (std::uint64_t i = 0; i < groups; ++i)
    for (int k = 0; k < 4; ++k) s += pick_char(e_, base64_alphabet);
  if (!s.empty() && e_.chance(30)) s.back() = '=';
  return copy(s);
}

std::size_t builder::count(std::size_t min, unsigned depth) {
  const std::size_t max = std::max<std::size_t>(min, opts_.max_items >> std::min(depth, 8u));
  return static_cast<std::size_t>(e_.between(min, max));
}

}  // namespace imapkit::generate
