// Parser options and limits. Every limit has a safe default; going past one is a clean error.
#pragma once

#include <bit>
#include <boost/describe/enum.hpp>
#include <boost/describe/enumerators.hpp>
#include <boost/mp11/algorithm.hpp>
#include <cstddef>
#include <cstdint>
#include <initializer_list>
#include <span>
#include <string_view>

#include "imapkit/string.hpp"

namespace imapkit {

// One family of real servers' (or clients') deviations from the ABNF of RFC 9051 / RFC 3501 and
// the extensions. Each is a row of docs/quirks.md, with its bytes, the servers that send them
// and the test that holds them; parse_options::quirks says which a parse accepts.
enum class quirk : std::uint8_t {
  // Responses
  status_without_text,          // "a1 OK\r\n": no SP resp-text after the status word
  code_without_space,           // "* OK [READ-WRITE]\r\n": "]" then CRLF (strict: text)
  bare_continuation,            // "+\r\n"
  trailing_spaces,              // "* SEARCH 1 2 \r\n"
  space_before_close_paren,     // "(MESSAGES 2 UNSEEN 0 )", "(FLAGS (\Seen ) UID 7 )"
  eight_bit_text,               // octets that are not UTF-8 in text and quoted strings
  brackets_in_flags,            // "[Gmail]Label]" and 8-bit octets in a flag keyword
  single_thread_child,          // "* THREAD (1 (2))": thread-nested of one thread-list
  nonexistent_date,             // "31-Apr-2023"
  mod_sequence_zero,            // HIGHESTMODSEQ 0, MODSEQ (0), CHANGEDSINCE 0, ...
  unknown_untagged_data,        // "* XFOO bar (1 2)": kept as generic data
  doubled_spaces,               // "*  STATUS", "* SEARCH 1  2", "* LIST () \".\"  INBOX", ...
  space_between_list_items,     // a SP between namespace-descrs, body parts, addresses
  wildcard_flag_in_flags,       // "* FLAGS (\Seen \*)"
  bare_star_in_permanentflags,  // "[PERMANENTFLAGS (\Seen *)]" (strict: the generic code)
  empty_delimiter,              // "* LIST () \"\" INBOX"
  empty_fetch,                  // "* 3 FETCH ()"
  one_digit_day,                // "1-Jan-2020 10:00:00 +0000" without the day's leading SP
  nul_in_literal,               // a NUL octet in a literal (only literal8 may hold one)
  unpadded_base64,              // base64 whose length is not a multiple of 4
  eight_bit_mailbox_name,       // * LIST () "/" Entw\xc3\xbcrfe: 8-bit octets in a mailbox atom
  quota_without_list,           // "* QUOTA \"ROOT\"\r\n": no SP quota-list (Courier, no quota set)
  // BODYSTRUCTURE and ENVELOPE
  empty_parameter_list,             // body-fld-param "()"
  nil_encoding_and_octets,          // NIL body-fld-enc, NIL or "" body-fld-octets
  missing_lines,                    // no body-fld-lines after a TEXT or MESSAGE/RFC822 part's size
  negative_sizes,                   // body-fld-octets / body-fld-lines "-1"
  message_rfc822_without_envelope,  // MESSAGE/RFC822 sent as body-type-basic
  message_body_without_space,       // MESSAGE/RFC822's envelope and body with no SP: ")("
  disposition_bare_string,          // body-fld-dsp "inline" without its list
  nil_parameter_value,              // ("charset" NIL)
  disposition_nil_type,             // body-fld-dsp (NIL NIL)
  envelope_in_extra_parentheses,    // ENVELOPE (("date" ...))
  empty_address_list,               // "()" for an address list
  nil_in_address_list,              // (NIL (NIL NIL "a" "x.org")): NIL among the addresses
  multipart_without_parts,          // ("ALTERNATIVE" ("BOUNDARY" "x") NIL NIL): no body part
  space_after_open_paren,           // ( "X-ZIP" NIL ...): SP after a body's "("
  atoms_in_body_fields,             // (CHARSET X-UNKNOWN), 7BIT: atoms for body field strings
  nil_media_type,                   // ("TEXT" NIL ...), (NIL NIL ...): NIL media type / subtype
  // Command arguments
  eight_bit_search_atom,  // SEARCH BODY M\xc3\xbcnchen: 8-bit octets in an atom
  unknown_quoted_escape,  // "bad \q escape"
  // Recovery
  item_recovery,  // a FETCH item nothing can read is kept as an invalid item (docs/quirks.md)
};
BOOST_DESCRIBE_ENUM(quirk, status_without_text, code_without_space, bare_continuation,
                    trailing_spaces, space_before_close_paren, eight_bit_text, brackets_in_flags,
                    single_thread_child, nonexistent_date, mod_sequence_zero, unknown_untagged_data,
                    doubled_spaces, space_between_list_items, wildcard_flag_in_flags,
                    bare_star_in_permanentflags, empty_delimiter, empty_fetch, one_digit_day,
                    nul_in_literal, unpadded_base64, eight_bit_mailbox_name, quota_without_list,
                    empty_parameter_list, nil_encoding_and_octets, missing_lines, negative_sizes,
                    message_rfc822_without_envelope, message_body_without_space,
                    disposition_bare_string, nil_parameter_value, disposition_nil_type,
                    envelope_in_extra_parentheses, empty_address_list, nil_in_address_list,
                    multipart_without_parts, space_after_open_paren, atoms_in_body_fields,
                    nil_media_type, eight_bit_search_atom, unknown_quoted_escape, item_recovery)

inline constexpr std::size_t quirk_count =
    boost::mp11::mp_size<boost::describe::describe_enumerators<quirk>>::value;
static_assert(quirk_count <= 64, "quirk_set holds 64 quirks");

// The name of a quirk, as docs/quirks.md and `imapkit parse --quirks` spell it.
std::string_view to_string(quirk q) noexcept;
// The quirk named name, or false.
bool quirk_from_string(std::string_view name, quirk& out) noexcept;

// A set of quirks: which a parse accepts (parse_options::quirks) or which a message needed
// (result::quirks).
class quirk_set {
 public:
  constexpr quirk_set() noexcept = default;
  constexpr quirk_set(std::initializer_list<quirk> qs) noexcept {
    for (const quirk q : qs) add(q);
  }
  static constexpr quirk_set all() noexcept {
    quirk_set s;
    s.bits_ = (std::uint64_t{1} << quirk_count) - 1;
    return s;
  }

  constexpr bool has(quirk q) const noexcept { return (bits_ & bit(q)) != 0; }
  constexpr quirk_set& add(quirk q) noexcept {
    bits_ |= bit(q);
    return *this;
  }
  constexpr quirk_set& add(quirk_set other) noexcept {
    bits_ |= other.bits_;
    return *this;
  }
  constexpr quirk_set& remove(quirk q) noexcept {
    bits_ &= ~bit(q);
    return *this;
  }
  constexpr bool empty() const noexcept { return bits_ == 0; }
  constexpr std::size_t size() const noexcept {
    return static_cast<std::size_t>(std::popcount(bits_));
  }
  // Every quirk of *this is in other.
  constexpr bool subset_of(quirk_set other) const noexcept { return (bits_ & ~other.bits_) == 0; }
  constexpr std::uint64_t bits() const noexcept { return bits_; }

  constexpr quirk_set& operator|=(quirk_set o) noexcept {
    bits_ |= o.bits_;
    return *this;
  }
  friend constexpr quirk_set operator|(quirk_set a, quirk_set b) noexcept { return a |= b; }
  friend constexpr quirk_set operator&(quirk_set a, quirk_set b) noexcept {
    a.bits_ &= b.bits_;
    return a;
  }
  friend constexpr bool operator==(quirk_set, quirk_set) noexcept = default;

  // Calls f(quirk) for each quirk of the set, in declaration order.
  template <class F>
  constexpr void for_each(F&& f) const {
    for (std::size_t i = 0; i < quirk_count; ++i)
      if (bits_ & (std::uint64_t{1} << i)) f(static_cast<quirk>(i));
  }

 private:
  static constexpr std::uint64_t bit(quirk q) noexcept {
    return std::uint64_t{1} << static_cast<unsigned>(q);
  }
  std::uint64_t bits_ = 0;
};

// A comma-separated list of quirk names into out ("trailing_spaces,negative_sizes"; "" is none,
// "all" every one; blanks and line ends around a name are ignored, so a file's line reads as
// is); false with the first unknown name in bad. `imapkit parse --quirks` reads it so.
bool quirks_from_string(std::string_view list, quirk_set& out, std::string_view& bad) noexcept;

// The quirks that read bytes strict mode also takes, differently: "* OK [CLOSED]\r\n" is text
// to RFC 9051 (which wants SP after "]") and a response code with code_without_space; strict mode
// reads PERMANENTFLAGS holding a bare "*" or a "]" in a flag, and HIGHESTMODSEQ 0 (in a code, a
// STATUS attribute or ESEARCH's MODSEQ), as the generic item of that name. Every other quirk
// only accepts bytes that fewer quirks refuse, so a message that parses with fewer quirks parses
// to the same value with more (the fuzzers check it, fuzz/parse_checks.hpp).
inline constexpr quirk_set rereading_quirks{quirk::code_without_space,
                                            quirk::bare_star_in_permanentflags,
                                            quirk::brackets_in_flags, quirk::mod_sequence_zero};

// The two presets of parse_options: the ABNF alone, or with every quirk of docs/quirks.md.
enum class parse_mode : std::uint8_t {
  strict,   // the ABNF of RFC 9051 / RFC 3501 and the extensions, nothing else
  lenient,  // also every documented deviation of real servers (docs/quirks.md)
};

struct parse_options {
  // The deviations from the ABNF this parse accepts (none: strict).
  quirk_set quirks{};
  // Nesting depth of parenthesised lists, BODYSTRUCTURE parts, THREAD lists and search keys.
  // Cyrus sends the BODYSTRUCTURE of a 110-level MIME message whole (docs/limits.md).
  unsigned max_depth = 256;
  // Items in one list (flags, search results, FETCH items, ...): command_list_items by default,
  // response_list_items in responses() (docs/limits.md).
  std::size_t max_list_items = command_list_items;
  // The literals of the message whose data the framer streamed (its message event's
  // `literals`): each is read as a string with no value and its `stream` index, and the parse
  // reads none of its octets from the message. Empty: every literal's octets are in the message.
  std::span<const streamed_literal> streamed_literals{};

  // A server trusts its clients little: 2^20 items, far more than any real command carries.
  static constexpr std::size_t command_list_items = std::size_t{1} << 20;
  // A client trusts its server more: 2^24, for the SEARCH, ESEARCH, VANISHED (EARLIER) and
  // THREAD answers of very large mailboxes (`* SEARCH` with 5,000,000 UIDs is a 39 MB line).
  static constexpr std::size_t response_list_items = std::size_t{1} << 24;

  static constexpr parse_options lenient() noexcept {
    parse_options o;
    o.quirks = quirk_set::all();
    return o;
  }
  static constexpr parse_options strict() noexcept { return {}; }
  static constexpr parse_options of(parse_mode mode) noexcept {
    return mode == parse_mode::lenient ? lenient() : strict();
  }
  // What a client gives its server's responses (parse_response's default): the mode's quirks
  // and the larger list limit.
  static constexpr parse_options responses(parse_mode mode = parse_mode::lenient) noexcept {
    parse_options o = of(mode);
    o.max_list_items = response_list_items;
    return o;
  }
};

}  // namespace imapkit
