// Small helpers of the example server: base64 (AUTHENTICATE PLAIN), dates (INTERNALDATE,
// SEARCH's date keys), case-insensitive search, LIST wildcards.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "imapkit/ast/lexical.hpp"

namespace server {

// RFC 4648 base64; std::nullopt when `text` is not valid base64.
std::optional<std::string> base64_decode(std::string_view text);

bool iequals(std::string_view a, std::string_view b) noexcept;
// ASCII case-insensitive substring search (SEARCH's string keys).
bool icontains(std::string_view haystack, std::string_view needle) noexcept;

// Seconds since the epoch <-> date-time. to_date_time gives UTC (+0000).
std::int64_t to_epoch(const imapkit::date_time& d) noexcept;
imapkit::date_time to_date_time(std::int64_t epoch) noexcept;
// Days since 1970-01-01 of a date (for the day comparisons of SEARCH).
std::int64_t day_number(const imapkit::date& d) noexcept;

// The date (day, in its own time zone, as RFC 9051 §6.4.4 asks for SENT*) of an RFC 5322
// Date: header value ("Tue, 24 Nov 2026 10:00:00 +0100"); std::nullopt when it cannot be read.
std::optional<imapkit::date> parse_header_date(std::string_view value) noexcept;

// LIST pattern matching: "*" matches anything, "%" anything but the delimiter "/".
bool wildcard_match(std::string_view pattern, std::string_view name) noexcept;

}  // namespace server
