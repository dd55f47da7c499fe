// Checked factories: the way to build the values that must hold a constrained form before they
// go into an AST for the serializer. Each returns an empty optional for a value that could not be
// sent (a tag with "+" or a space, a keyword with "(", 30-Feb, an empty sequence set), so an
// invalid value is refused where it is made, next to the code that made it.
//
// The serializer checks every value again as it writes (include/imapkit/serialize.hpp): an AST
// assembled by hand without these factories still cannot put a wrong byte on the wire; the
// factories move the refusal to the place where the value is made.
#pragma once

#include <cstdint>
#include <initializer_list>
#include <optional>
#include <string_view>

#include "imapkit/arena.hpp"
#include "imapkit/ast/lexical.hpp"
#include "imapkit/list.hpp"
#include "imapkit/serialize.hpp"

namespace imapkit {

// tag = 1*<any ASTRING-CHAR except "+">
std::optional<std::string_view> make_tag(std::string_view tag) noexcept;

// atom = 1*ATOM-CHAR (a capability, an extension's name, a search/fetch item name)
std::optional<std::string_view> make_atom(std::string_view atom) noexcept;

// flag: a system flag ("\Seen", or any "\" atom: flag-extension) or a keyword (flag-keyword =
// atom: "$Forwarded", "NonJunk").
std::optional<flag> make_flag(std::string_view name) noexcept;
// flag-keyword alone: an atom, no backslash (SEARCH KEYWORD, STORE of a user label).
std::optional<flag> make_keyword(std::string_view name) noexcept;

// date = day "-" month "-" year: a day that exists (29-Feb only in a leap year), year 1..9999.
std::optional<date> make_date(int year, int month, int day) noexcept;

// date-time: a date that exists, hh:mm:ss (second 60 allowed for a leap second), zone offset
// east of UTC in minutes within ±99:59.
std::optional<date_time> make_date_time(int year, int month, int day, int hour, int minute,
                                        int second, int zone_minutes) noexcept;

// sequence-set from its text form: "1:5,7,10:*", "*", "$" (RFC 5182). Numbers are nz-number
// (1 .. 2^32-1); no spaces. allow_star = false for a uid-set that must not hold "*".
std::optional<sequence_set> make_sequence_set(arena& mem, std::string_view text,
                                              bool allow_star = true);
// sequence-set from ranges (seq_range::star for "*"): at least one range, no 0 other than star.
std::optional<sequence_set> make_sequence_set(arena& mem, std::initializer_list<seq_range> ranges,
                                              bool allow_star = true);

// mailbox from a name as a user writes it (UTF-8): INBOX in any case is INBOX; any other name
// goes into the arena in its wire form, modified UTF-7 unless options.utf8 (UTF8=ACCEPT / IMAP4rev2
// in effect). Empty for a name that is not valid UTF-8 or holds NUL.
std::optional<mailbox> make_mailbox(arena& mem, std::string_view utf8_name,
                                    const serialize_options& options = {});

// An arena list from a braced list of values: make_list<flag>(mem, {seen, flagged}).
template <class T>
list<T> make_list(arena& mem, std::initializer_list<T> values) {
  list<T> out;
  for (const T& v : values) out.push_back(mem, v);
  return out;
}

}  // namespace imapkit
