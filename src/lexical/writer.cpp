// The serializer's lexical layer: sinks, validity checks, and writer's encoders.
#include <charconv>
#include <cstring>

#include "abnf/ascii.hpp"
#include "abnf/base64.hpp"
#include "abnf/chars.hpp"
#include "imapkit/mutf7.hpp"
#include "imapkit/serialize.hpp"
#include "imapkit/utf8.hpp"
#include "lexical/encode.hpp"

namespace imapkit {

namespace chars = grammar::chars;

std::vector<std::string_view> buffer_sink::fragments() const {
  std::vector<std::string_view> out;
  std::size_t start = 0;
  for (std::size_t end : waits_) {
    out.push_back(std::string_view(data_).substr(start, end - start));
    start = end;
  }
  out.push_back(std::string_view(data_).substr(start));
  return out;
}

void fixed_buffer_sink::write(std::string_view bytes) {
  // An empty value may be a view with no data pointer, which memcpy must not be given (UB, found
  // by fuzz_lexical_writer: fuzz/regressions/lexical_writer/).
  if (overflowed_ || bytes.empty()) return;
  if (bytes.size() > capacity_ - size_) {
    overflowed_ = true;
    return;
  }
  std::memcpy(buffer_ + size_, bytes.data(), bytes.size());
  size_ += bytes.size();
}

std::string_view to_string(serialize_errc e) noexcept {
  switch (e) {
    case serialize_errc::ok:
      return "ok";
    case serialize_errc::invalid_atom:
      return "invalid atom";
    case serialize_errc::invalid_tag:
      return "invalid tag";
    case serialize_errc::invalid_flag:
      return "invalid flag";
    case serialize_errc::invalid_number:
      return "number out of range";
    case serialize_errc::invalid_sequence_set:
      return "invalid sequence set";
    case serialize_errc::invalid_date:
      return "invalid date";
    case serialize_errc::invalid_text:
      return "invalid text";
    case serialize_errc::nul_in_string:
      return "NUL where no literal8 is allowed";
    case serialize_errc::invalid_mailbox:
      return "invalid mailbox name";
    case serialize_errc::invalid_value:
      return "invalid value";
    case serialize_errc::streamed_literal:
      return "streamed literal that cannot be written";
  }
  return "?";
}

namespace {

bool all_of_class(std::string_view s, std::uint16_t cls) noexcept {
  if (s.empty()) return false;
  for (char c : s)
    if (!chars::is(cls, c)) return false;
  return true;
}

bool has_high_bit(std::string_view s) noexcept {
  for (char c : s)
    if (static_cast<unsigned char>(c) >= 0x80) return true;
  return false;
}

constexpr std::string_view month_names[] = {"Jan", "Feb", "Mar", "Apr", "May", "Jun",
                                            "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"};

}  // namespace

bool is_valid_atom(std::string_view s) noexcept { return all_of_class(s, chars::atom_char); }
bool is_valid_astring_atom(std::string_view s) noexcept {
  return all_of_class(s, chars::astring_char);
}
bool is_valid_tag(std::string_view s) noexcept { return all_of_class(s, chars::tag_char); }

bool is_valid_base64(std::string_view s) noexcept { return abnf::is_base64(s); }

bool is_valid_flag(std::string_view s, bool allow_wildcard) noexcept {
  if (allow_wildcard && s == "\\*") return true;
  if (!s.empty() && s.front() == '\\') s.remove_prefix(1);
  return is_valid_atom(s);
}

bool is_valid_date(const date& d) noexcept { return d.exists(); }

bool is_valid_date_time(const date_time& d) noexcept {
  const int zone = d.zone_minutes < 0 ? -d.zone_minutes : d.zone_minutes;
  return is_valid_date(d.date) && d.hour <= 23 && d.minute <= 59 && d.second <= 60 &&
         zone / 60 <= 99;
}

bool is_valid_sequence_set(const sequence_set& s, bool allow_star) noexcept {
  if (s.last_command) return s.ranges.empty();
  if (s.ranges.empty()) return false;
  for (const seq_range& r : s.ranges)
    if (!allow_star && (r.first == seq_range::star || r.last == seq_range::star)) return false;
  return true;
}

bool writer::fail(serialize_errc code, std::string_view what) {
  if (error_.code == serialize_errc::ok) error_ = serialize_error{code, what};
  return false;
}

writer& writer::raw(std::string_view bytes) {
  if (ok()) out_.write(bytes);
  return *this;
}

bool writer::tag(std::string_view t) {
  if (!ok()) return false;
  if (!is_valid_tag(t)) return fail(serialize_errc::invalid_tag, "tag");
  out_.write(t);
  return true;
}

bool writer::atom(std::string_view a) {
  if (!ok()) return false;
  if (!is_valid_atom(a)) return fail(serialize_errc::invalid_atom, "atom");
  out_.write(a);
  return true;
}

bool writer::number(std::uint64_t n) {
  if (n > 0xffffffffu) return fail(serialize_errc::invalid_number, "number");
  return number64(n);
}

bool writer::nz_number(std::uint64_t n) {
  if (n == 0) return fail(serialize_errc::invalid_number, "nz-number");
  return number(n);
}

bool writer::number64(std::uint64_t n) {
  if (!ok()) return false;
  if (n > static_cast<std::uint64_t>(INT64_MAX))
    return fail(serialize_errc::invalid_number, "number64");
  char buf[24];
  const auto r = std::to_chars(buf, buf + sizeof buf, n);
  out_.write(std::string_view(buf, static_cast<std::size_t>(r.ptr - buf)));
  return true;
}

bool writer::quoted_allowed(std::string_view value) const noexcept {
  return value.size() <= options_.max_quoted_length && quotable(value);
}

bool writer::quotable(std::string_view value) const noexcept {
  bool high = false;
  for (char c : value) {
    if (c == '\r' || c == '\n' || c == '\0') return false;
    if (static_cast<unsigned char>(c) >= 0x80) high = true;
  }
  return !high || (options_.utf8 && is_valid_utf8(value));
}

void writer::write_quoted(std::string_view value) {
  out_.write("\"");
  std::size_t start = 0;
  for (std::size_t i = 0; i < value.size(); ++i) {
    if (value[i] == '"' || value[i] == '\\') {
      out_.write(value.substr(start, i - start));
      out_.write("\\");
      start = i;
    }
  }
  out_.write(value.substr(start));
  out_.write("\"");
}

void writer::literal_head(std::uint64_t size, bool binary) {
  const bool non_synchronizing =
      options_.writer == serialize_options::role::client &&
      (options_.literal_plus || (options_.literal_minus && size <= 4096));
  char head[32];
  char* p = head;
  if (binary) *p++ = '~';
  *p++ = '{';
  p = std::to_chars(p, head + sizeof head, size).ptr;
  if (non_synchronizing) *p++ = '+';
  *p++ = '}';
  *p++ = '\r';
  *p++ = '\n';
  out_.write(std::string_view(head, static_cast<std::size_t>(p - head)));
  if (options_.writer == serialize_options::role::client && !non_synchronizing)
    out_.wait_for_continuation();
}

bool writer::literal(std::string_view value, bool binary) {
  if (!ok()) return false;
  // find, not memchr: an empty view may have no data pointer, which memchr must not be given.
  if (!binary && value.find('\0') != std::string_view::npos)
    return fail(serialize_errc::nul_in_string, "literal");
  literal_head(value.size(), binary);
  out_.write(value);
  return true;
}

bool writer::streamed(const imapkit::string& value, bool allow_literal8) {
  if (!ok()) return false;
  const auto& literals = options_.streamed_literals;
  // The octets are not looked at (they are not here), so NUL cannot be checked: a literal8
  // stays a literal8, and a literal is trusted to be one, as the announced size is.
  const bool binary = value.kind == string_kind::literal8;
  if (value.stream > literals.size() || (binary && !allow_literal8))
    return fail(serialize_errc::streamed_literal, "literal");
  imapkit::streamed_literal literal = literals[value.stream - 1];
  literal.index = value.stream;
  literal.binary = binary;
  literal_head(literal.size, binary);
  if (!out_.streamed_literal(literal)) return fail(serialize_errc::streamed_literal, "literal");
  return true;
}

bool writer::literal(const imapkit::string& value, bool binary) {
  if (value.is_streamed()) return streamed(value, binary);
  return literal(value.value, binary);
}

bool writer::string(const imapkit::string& value, bool allow_literal8) {
  if (value.is_streamed()) return streamed(value, allow_literal8);
  return string(value.value, allow_literal8);
}

bool writer::astring(const imapkit::string& value) {
  if (value.is_streamed()) return streamed(value, false);
  return astring(value.value);
}

bool writer::string(std::string_view value, bool allow_literal8) {
  if (!ok()) return false;
  if (quoted_allowed(value)) {
    write_quoted(value);
    return true;
  }
  return literal_or_literal8(value, allow_literal8);
}

bool writer::literal_or_literal8(std::string_view value, bool allow_literal8) {
  const bool has_nul = value.find('\0') != std::string_view::npos;
  if (has_nul && !allow_literal8) return fail(serialize_errc::nul_in_string, "string");
  return literal(value, has_nul);
}

bool writer::astring(std::string_view value) {
  if (!ok()) return false;
  if (is_valid_astring_atom(value)) {
    out_.write(value);
    return true;
  }
  return string(value);
}

bool writer::nstring(const imapkit::string& value, bool allow_literal8) {
  if (!ok()) return false;
  if (value.is_nil()) {
    out_.write("NIL");
    return true;
  }
  return string(value, allow_literal8);
}

bool writer::message_data(const imapkit::string& value, bool allow_literal8) {
  if (!ok()) return false;
  if (value.is_nil()) {
    out_.write("NIL");
    return true;
  }
  if (value.is_streamed()) return streamed(value, allow_literal8);
  return literal_or_literal8(value.value, allow_literal8);
}

bool writer::mailbox(const imapkit::mailbox& m) {
  if (!ok()) return false;
  if (m.name.is_nil()) return fail(serialize_errc::invalid_mailbox, "mailbox");
  if (m.is_inbox()) {
    out_.write("INBOX");
    return true;
  }
  return astring(m.name);
}

bool writer::flag(const imapkit::flag& f, bool allow_wildcard) {
  if (!ok()) return false;
  if (!is_valid_flag(f.name, allow_wildcard)) return fail(serialize_errc::invalid_flag, "flag");
  out_.write(f.name);
  return true;
}

bool writer::flag_list(const list<imapkit::flag>& flags) {
  raw("(");
  bool first = true;
  for (const imapkit::flag& f : flags) {
    if (!first) sp();
    first = false;
    if (!flag(f)) return false;
  }
  raw(")");
  return ok();
}

bool writer::sequence_set(const imapkit::sequence_set& s, bool allow_star) {
  if (!ok()) return false;
  if (!is_valid_sequence_set(s, allow_star))
    return fail(serialize_errc::invalid_sequence_set, "sequence-set");
  if (s.last_command) {
    out_.write("$");
    return true;
  }
  bool first = true;
  const auto seq_number = [&](std::uint32_t n) {
    if (n == seq_range::star)
      out_.write("*");
    else
      number(n);
  };
  for (const seq_range& r : s.ranges) {
    if (!first) out_.write(",");
    first = false;
    seq_number(r.first);
    if (!r.is_single()) {
      out_.write(":");
      seq_number(r.last);
    }
  }
  return true;
}

bool writer::date(const imapkit::date& d) {
  if (!ok()) return false;
  if (!is_valid_date(d)) return fail(serialize_errc::invalid_date, "date");
  char buf[16];
  char* p = std::to_chars(buf, buf + sizeof buf, unsigned{d.day}).ptr;
  *p++ = '-';
  std::memcpy(p, month_names[d.month - 1].data(), 3);
  p += 3;
  *p++ = '-';
  // date-year = 4DIGIT: year 1 is "0001".
  for (unsigned div = 1000; div != 0; div /= 10) *p++ = static_cast<char>('0' + d.year / div % 10);
  out_.write(std::string_view(buf, static_cast<std::size_t>(p - buf)));
  return true;
}

bool writer::date_time(const imapkit::date_time& d) {
  if (!ok()) return false;
  if (!is_valid_date_time(d)) return fail(serialize_errc::invalid_date, "date-time");
  const auto two = [](char* p, unsigned v) {
    p[0] = static_cast<char>('0' + v / 10);
    p[1] = static_cast<char>('0' + v % 10);
  };
  // "dd-Mon-yyyy hh:mm:ss +zzzz"
  char buf[28];
  buf[0] = '"';
  two(buf + 1, d.date.day);
  buf[3] = '-';
  std::memcpy(buf + 4, month_names[d.date.month - 1].data(), 3);
  buf[7] = '-';
  for (unsigned i = 0, div = 1000; i < 4; ++i, div /= 10)
    buf[8 + i] = static_cast<char>('0' + d.date.year / div % 10);
  buf[12] = ' ';
  two(buf + 13, d.hour);
  buf[15] = ':';
  two(buf + 16, d.minute);
  buf[18] = ':';
  two(buf + 19, d.second);
  buf[21] = ' ';
  const unsigned zone =
      static_cast<unsigned>(d.zone_minutes < 0 ? -d.zone_minutes : d.zone_minutes);
  buf[22] = d.zone_minutes < 0 ? '-' : '+';
  two(buf + 23, zone / 60);
  two(buf + 25, zone % 60);
  out_.write(std::string_view(buf, 27));
  out_.write("\"");
  return true;
}

bool writer::text(std::string_view t) {
  if (!ok()) return false;
  for (char c : t)
    if (c == '\r' || c == '\n' || c == '\0') return fail(serialize_errc::invalid_text, "text");
  if (has_high_bit(t) && !(options_.utf8 && is_valid_utf8(t)))
    return fail(serialize_errc::invalid_text, "text");
  out_.write(t);
  return true;
}

namespace {

// The token of a generic value (see token_parser in grammar/generic.hpp): CHARs up to SP, CTL,
// "(", ")" or DQUOTE, where a "[...]" section may hold spaces and parentheses. It must not start
// like a literal, a quoted string or NIL. Every "[" must be closed by a "]" before any other
// "[": the parser reads an unclosed "[" as an ordinary character only when no "]" follows on
// the line, so "a[" followed by the value "b]" would come back as the one token "a[ b]"
// (fuzz/regressions/generic/unclosed-bracket-token-swallows-next-value).
bool is_valid_generic_token(std::string_view s) noexcept {
  if (s.empty() || s.front() == '{' || (s.size() >= 2 && s[0] == '~' && s[1] == '{')) return false;
  // The parser's nil is whole_kw("NIL"): NIL, then no ASTRING-CHAR. A token starting so ("nil\\")
  // would come back as NIL and another value (found by fuzz_lexical_writer).
  if (encode::starts_with_keyword(s, "NIL")) return false;
  for (std::size_t i = 0; i < s.size(); ++i) {
    const char c = s[i];
    if (c == '[') {
      const std::size_t close = s.find_first_of("[]", i + 1);
      if (close == std::string_view::npos || s[close] != ']') return false;
      for (std::size_t k = i + 1; k < close; ++k)
        if (s[k] == '\r' || s[k] == '\n' || s[k] == '\0') return false;
      i = close;
    } else if (c == ' ' || c == '(' || c == ')' || c == '"' ||
               chars::is_ctl(static_cast<unsigned char>(c)) || chars::is(chars::high_bit, c)) {
      return false;
    }
  }
  return true;
}

}  // namespace

bool writer::generic_value(const imapkit::generic_value& v) {
  if (!ok()) return false;
  switch (v.kind) {
    case generic_value::kind_t::nil:
      out_.write("NIL");
      return true;
    case generic_value::kind_t::atom:
      if (!is_valid_generic_token(v.text.value)) return fail(serialize_errc::invalid_atom, "value");
      out_.write(v.text.value);
      return true;
    case generic_value::kind_t::string:
      return string(v.text, v.text.kind == string_kind::literal8);
    case generic_value::kind_t::list: {
      out_.write("(");
      bool first = true;
      for (const imapkit::generic_value& item : v.items) {
        if (!first) out_.write(" ");
        first = false;
        if (!generic_value(item)) return false;
      }
      out_.write(")");
      return true;
    }
  }
  return fail(serialize_errc::invalid_value, "value");
}

bool writer::atom_or_quoted(std::string_view value) {
  if (!ok()) return false;
  if (is_valid_atom(value)) {
    out_.write(value);
    return true;
  }
  return quoted(value);
}

bool writer::quoted(std::string_view value, std::string_view what) {
  if (!ok()) return false;
  // No literal may go here, so max_quoted_length (a preference for literals) does not apply
  // (fuzz/regressions/ast_roundtrip/long-charset-with-short-quoted-limit).
  if (!quotable(value)) return fail(serialize_errc::invalid_value, what);
  write_quoted(value);
  return true;
}

bool writer::atom_or_string(std::string_view value) {
  if (!ok()) return false;
  if (is_valid_atom(value)) {
    out_.write(value);
    return true;
  }
  return string(value);
}

bool writer::quoted_char(char c) {
  if (!ok()) return false;
  // QUOTED-CHAR = <any TEXT-CHAR except quoted-specials> / "\" quoted-specials (/ UTF8-2 ...
  // which a single char cannot be).
  if (c == '\r' || c == '\n' || c == '\0' || static_cast<unsigned char>(c) >= 0x80)
    return fail(serialize_errc::invalid_value, "QUOTED-CHAR");
  write_quoted(std::string_view(&c, 1));
  return true;
}

bool encode_mailbox_name(std::string_view utf8_name, const serialize_options& options,
                         std::string& wire_name) {
  wire_name.clear();
  if (mailbox{imapkit::string::atom(utf8_name)}.is_inbox()) {
    wire_name = "INBOX";
    return true;
  }
  if (options.utf8) {
    if (!is_valid_utf8(utf8_name)) return false;
    wire_name.assign(utf8_name);
    return true;
  }
  return static_cast<bool>(mutf7_encode(utf8_name, wire_name));
}

}  // namespace imapkit
