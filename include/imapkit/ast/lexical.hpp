// AST types of the lexical layer (RFC 9051 §9): the values every command and response is built of.
#pragma once

#include <boost/describe/class.hpp>
#include <boost/describe/enum.hpp>
#include <cstdint>
#include <string_view>

#include "imapkit/list.hpp"
#include "imapkit/string.hpp"

namespace imapkit {

// seq-number / seq-range (RFC 9051 §9). A single number n is the range n:n. The value 0 stands
// for "*" (the largest number in use), which nz-number can never be.
struct seq_range {
  static constexpr std::uint32_t star = 0;
  std::uint32_t first = 0;
  std::uint32_t last = 0;  // kept in the order it was written: "5:3" is first=5, last=3

  constexpr bool is_single() const noexcept { return first == last; }
  friend constexpr bool operator==(const seq_range&, const seq_range&) = default;
};
BOOST_DESCRIBE_STRUCT(seq_range, (), (first, last))

// sequence-set, including RFC 5182's "$" (the result of the last SEARCH ... RETURN (SAVE)).
struct sequence_set {
  list<seq_range> ranges;
  bool last_command = false;  // "$"

  friend bool operator==(const sequence_set&, const sequence_set&) = default;
};
BOOST_DESCRIBE_STRUCT(sequence_set, (), (ranges, last_command))

// date (RFC 9051 §9): day-month-year, as used by SEARCH keys.
struct date {
  std::uint16_t year = 0;
  std::uint8_t month = 0;  // 1..12
  std::uint8_t day = 0;    // 1..31

  // A day that exists: year 1..9999, month 1..12, day within the month (29 February only in a
  // leap year of the Gregorian calendar). Strict parsing and the serializer take only these.
  constexpr bool exists() const noexcept {
    constexpr std::uint8_t days[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    if (year < 1 || year > 9999 || month < 1 || month > 12 || day < 1) return false;
    const bool leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
    return day <= days[month - 1] + (month == 2 && leap ? 1 : 0);
  }

  friend constexpr bool operator==(const date&, const date&) = default;
};
BOOST_DESCRIBE_STRUCT(date, (), (year, month, day))

// date-time (RFC 9051 §9): "dd-Mon-yyyy hh:mm:ss +zzzz" as in INTERNALDATE and APPEND.
struct date_time {
  imapkit::date date;
  std::uint8_t hour = 0;
  std::uint8_t minute = 0;
  std::uint8_t second = 0;
  std::int16_t zone_minutes = 0;  // offset east of UTC, "+0130" is 90

  friend constexpr bool operator==(const date_time&, const date_time&) = default;
};
BOOST_DESCRIBE_STRUCT(date_time, (), (date, hour, minute, second, zone_minutes))

// flag (RFC 9051 §9) as written, backslash included: "\Seen", "$Forwarded", "\*" (flag-perm).
struct flag {
  std::string_view name;

  constexpr bool is_system() const noexcept { return !name.empty() && name.front() == '\\'; }
  friend constexpr bool operator==(const flag&, const flag&) = default;
};
BOOST_DESCRIBE_STRUCT(flag, (), (name))

// mailbox (RFC 9051 §9): "INBOX" in any case is INBOX; any other name is an astring, in
// modified UTF-7 (RFC 3501 §5.1.3) unless UTF8=ACCEPT is in effect (see imapkit/mutf7.hpp).
struct mailbox {
  imapkit::string name;

  bool is_inbox() const noexcept;
  friend bool operator==(const mailbox& a, const mailbox& b) noexcept {
    return (a.is_inbox() && b.is_inbox()) || a.name == b.name;
  }
};
BOOST_DESCRIBE_STRUCT(mailbox, (), (name))

// A generic IMAP value, for what the grammar does not know in detail: an extension command's
// arguments, tagged-ext values, unknown response data. Numbers and atoms both arrive as atoms.
struct generic_value {
  enum class kind_t : std::uint8_t { nil, atom, string, list };
  BOOST_DESCRIBE_NESTED_ENUM(kind_t, nil, atom, string, list)
  kind_t kind = kind_t::nil;
  imapkit::string text;       // atom / string (quoted, literal, literal8)
  list<generic_value> items;  // list: the parenthesised values

  friend bool operator==(const generic_value&, const generic_value&) = default;
};
BOOST_DESCRIBE_STRUCT(generic_value, (), (kind, text, items))

}  // namespace imapkit

namespace imapkit {

// Any message in its generic form: a tag (or "*" / "+"), then either values or, for a status
// response (OK / NO / BAD / PREAUTH / BYE) and a continuation request, the raw resp-text.
// Used for what the grammar does not know, and by tools that only need the shape.
struct generic_message {
  std::string_view tag;      // "*", "+", a tag, or empty for a bare line (SASL, DONE)
  std::string_view name;     // the first atom after the tag (command or response name)
  list<generic_value> args;  // the values after the name
  std::string_view text;     // resp-text of a status response or a continuation request
  bool has_text = false;

  friend bool operator==(const generic_message&, const generic_message&) = default;
};
BOOST_DESCRIBE_STRUCT(generic_message, (), (tag, name, args, text, has_text))

}  // namespace imapkit
