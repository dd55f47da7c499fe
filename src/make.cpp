// Checked factories (include/imapkit/make.hpp).
#include "imapkit/make.hpp"

#include <charconv>
#include <string>

namespace imapkit {

std::optional<std::string_view> make_tag(std::string_view tag) noexcept {
  if (!is_valid_tag(tag)) return std::nullopt;
  return tag;
}

std::optional<std::string_view> make_atom(std::string_view atom) noexcept {
  if (!is_valid_atom(atom)) return std::nullopt;
  return atom;
}

std::optional<flag> make_flag(std::string_view name) noexcept {
  if (!is_valid_flag(name)) return std::nullopt;
  return flag{name};
}

std::optional<flag> make_keyword(std::string_view name) noexcept {
  if (!is_valid_atom(name)) return std::nullopt;
  return flag{name};
}

std::optional<date> make_date(int year, int month, int day) noexcept {
  if (year < 1 || year > 9999 || month < 1 || month > 12 || day < 1 || day > 31)
    return std::nullopt;
  const date d{static_cast<std::uint16_t>(year), static_cast<std::uint8_t>(month),
               static_cast<std::uint8_t>(day)};
  if (!is_valid_date(d)) return std::nullopt;
  return d;
}

std::optional<date_time> make_date_time(int year, int month, int day, int hour, int minute,
                                        int second, int zone_minutes) noexcept {
  const auto d = make_date(year, month, day);
  if (!d || hour < 0 || hour > 23 || minute < 0 || minute > 59 || second < 0 || second > 60 ||
      zone_minutes < -(99 * 60 + 59) || zone_minutes > 99 * 60 + 59)
    return std::nullopt;
  date_time t;
  t.date = *d;
  t.hour = static_cast<std::uint8_t>(hour);
  t.minute = static_cast<std::uint8_t>(minute);
  t.second = static_cast<std::uint8_t>(second);
  t.zone_minutes = static_cast<std::int16_t>(zone_minutes);
  return t;
}

namespace {

// seq-number = nz-number / "*"; false for 0, more than 10 digits or a value past 2^32-1.
bool parse_seq_number(std::string_view s, bool allow_star, std::uint32_t& out) {
  if (s == "*") {
    out = seq_range::star;
    return allow_star;
  }
  if (s.empty() || s.front() == '0') return false;
  const auto r = std::from_chars(s.data(), s.data() + s.size(), out);
  return r.ec == std::errc{} && r.ptr == s.data() + s.size();
}

}  // namespace

std::optional<sequence_set> make_sequence_set(arena& mem, std::string_view text, bool allow_star) {
  sequence_set set;
  if (text == "$") {
    set.last_command = true;
    return set;
  }
  if (text.empty()) return std::nullopt;
  while (true) {
    const std::size_t comma = text.find(',');
    const std::string_view item = text.substr(0, comma);
    const std::size_t colon = item.find(':');
    seq_range r;
    if (!parse_seq_number(item.substr(0, colon), allow_star, r.first)) return std::nullopt;
    r.last = r.first;
    if (colon != std::string_view::npos &&
        !parse_seq_number(item.substr(colon + 1), allow_star, r.last))
      return std::nullopt;
    set.ranges.push_back(mem, r);
    if (comma == std::string_view::npos) break;
    text.remove_prefix(comma + 1);
  }
  return set;
}

std::optional<sequence_set> make_sequence_set(arena& mem, std::initializer_list<seq_range> ranges,
                                              bool allow_star) {
  sequence_set set;
  for (const seq_range& r : ranges) set.ranges.push_back(mem, r);
  if (!is_valid_sequence_set(set, allow_star)) return std::nullopt;
  return set;
}

std::optional<mailbox> make_mailbox(arena& mem, std::string_view utf8_name,
                                    const serialize_options& options) {
  if (utf8_name.find('\0') != std::string_view::npos) return std::nullopt;
  // The one allocation of this file: the encoded name is built in a std::string, then copied
  // into the arena (names are short, and this runs where a user names a mailbox, not per byte).
  std::string wire;
  if (!encode_mailbox_name(utf8_name, options, wire)) return std::nullopt;
  const std::string_view name = mem.copy(wire);
  const imapkit::mailbox m{is_valid_astring_atom(name) ? imapkit::string::atom(name)
                                                       : imapkit::string::quoted(name)};
  return m;
}

}  // namespace imapkit
