#include "util.hpp"

#include <algorithm>
#include <cctype>

namespace server {

namespace {

char lower(char c) noexcept {
  return static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
}

int base64_value(char c) noexcept {
  if (c >= 'A' && c <= 'Z') return c - 'A';
  if (c >= 'a' && c <= 'z') return c - 'a' + 26;
  if (c >= '0' && c <= '9') return c - '0' + 52;
  if (c == '+') return 62;
  if (c == '/') return 63;
  return -1;
}

// Days from 1970-01-01 to year/month/day (proleptic Gregorian; Howard Hinnant's algorithm).
std::int64_t days_from_civil(std::int64_t y, unsigned m, unsigned d) noexcept {
  y -= m <= 2;
  const std::int64_t era = (y >= 0 ? y : y - 399) / 400;
  const unsigned yoe = static_cast<unsigned>(y - era * 400);
  const unsigned doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
  const unsigned doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
  return era * 146097 + static_cast<std::int64_t>(doe) - 719468;
}

void civil_from_days(std::int64_t z, int& y, unsigned& m, unsigned& d) noexcept {
  z += 719468;
  const std::int64_t era = (z >= 0 ? z : z - 146096) / 146097;
  const unsigned doe = static_cast<unsigned>(z - era * 146097);
  const unsigned yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
  const unsigned doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
  const unsigned mp = (5 * doy + 2) / 153;
  d = doy - (153 * mp + 2) / 5 + 1;
  m = mp < 10 ? mp + 3 : mp - 9;
  y = static_cast<int>(yoe + era * 400 + (m <= 2));
}

}  // namespace

std::optional<std::string> base64_decode(std::string_view text) {
  if (text.size() % 4 != 0) return std::nullopt;
  std::string out;
  std::uint32_t acc = 0;
  int bits = 0;
  std::size_t padding = 0;
  for (std::size_t i = 0; i < text.size(); ++i) {
    if (text[i] == '=') {
      if (i + 2 < text.size()) return std::nullopt;
      ++padding;
      continue;
    }
    if (padding) return std::nullopt;
    const int v = base64_value(text[i]);
    if (v < 0) return std::nullopt;
    acc = (acc << 6) | static_cast<std::uint32_t>(v);
    bits += 6;
    if (bits >= 8) {
      bits -= 8;
      out += static_cast<char>((acc >> bits) & 0xff);
    }
  }
  return out;
}

bool iequals(std::string_view a, std::string_view b) noexcept {
  return a.size() == b.size() && std::equal(a.begin(), a.end(), b.begin(),
                                            [](char x, char y) { return lower(x) == lower(y); });
}

bool icontains(std::string_view haystack, std::string_view needle) noexcept {
  if (needle.empty()) return true;
  return std::search(haystack.begin(), haystack.end(), needle.begin(), needle.end(),
                     [](char x, char y) { return lower(x) == lower(y); }) != haystack.end();
}

std::int64_t day_number(const imapkit::date& d) noexcept {
  return days_from_civil(d.year, d.month, d.day);
}

std::int64_t to_epoch(const imapkit::date_time& d) noexcept {
  return day_number(d.date) * 86400 + d.hour * 3600 + d.minute * 60 + d.second -
         static_cast<std::int64_t>(d.zone_minutes) * 60;
}

imapkit::date_time to_date_time(std::int64_t epoch) noexcept {
  std::int64_t days = epoch / 86400;
  std::int64_t secs = epoch % 86400;
  if (secs < 0) {
    secs += 86400;
    --days;
  }
  int y = 0;
  unsigned m = 0, d = 0;
  civil_from_days(days, y, m, d);
  imapkit::date_time out;
  out.date = {static_cast<std::uint16_t>(y), static_cast<std::uint8_t>(m),
              static_cast<std::uint8_t>(d)};
  out.hour = static_cast<std::uint8_t>(secs / 3600);
  out.minute = static_cast<std::uint8_t>(secs / 60 % 60);
  out.second = static_cast<std::uint8_t>(secs % 60);
  return out;
}

std::optional<imapkit::date> parse_header_date(std::string_view v) noexcept {
  static constexpr std::string_view months[] = {"jan", "feb", "mar", "apr", "may", "jun",
                                                "jul", "aug", "sep", "oct", "nov", "dec"};
  // [day-of-week ","] day month year ...
  if (auto comma = v.find(','); comma != std::string_view::npos) v.remove_prefix(comma + 1);
  auto skip_space = [&] {
    while (!v.empty() && (v.front() == ' ' || v.front() == '\t')) v.remove_prefix(1);
  };
  auto read_number = [&]() -> int {
    int n = 0, digits = 0;
    while (!v.empty() && std::isdigit(static_cast<unsigned char>(v.front())) && digits < 5) {
      n = n * 10 + (v.front() - '0');
      v.remove_prefix(1);
      ++digits;
    }
    return digits ? n : -1;
  };
  skip_space();
  const int day = read_number();
  skip_space();
  if (v.size() < 3 || day < 1) return std::nullopt;
  int month = 0;
  for (int i = 0; i < 12; ++i)
    if (iequals(v.substr(0, 3), months[i])) month = i + 1;
  if (!month) return std::nullopt;
  v.remove_prefix(3);
  skip_space();
  int year = read_number();
  if (year < 0) return std::nullopt;
  if (year < 50)
    year += 2000;  // RFC 5322 §4.3 obsolete two-digit years
  else if (year < 1000)
    year += 1900;
  imapkit::date d{static_cast<std::uint16_t>(year), static_cast<std::uint8_t>(month),
                  static_cast<std::uint8_t>(day)};
  if (!d.exists()) return std::nullopt;
  return d;
}

bool wildcard_match(std::string_view pattern, std::string_view name) noexcept {
  if (pattern.empty()) return name.empty();
  const char p = pattern.front();
  if (p == '*' || p == '%') {
    // Try every length the wildcard could cover; "%" stops at a delimiter.
    for (std::size_t n = 0; n <= name.size(); ++n) {
      if (wildcard_match(pattern.substr(1), name.substr(n))) return true;
      if (n < name.size() && p == '%' && name[n] == '/') return false;
    }
    return false;
  }
  return !name.empty() && name.front() == p && wildcard_match(pattern.substr(1), name.substr(1));
}

}  // namespace server
