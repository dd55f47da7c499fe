// locate_literal: which slot of its message a streamed literal fills (include/imapkit/framer.hpp).
//
// A small tokenizer of the bytes before the literal, not the grammar: the message is not whole
// yet, and only a few facts are wanted (tag, name, FETCH number, UID and item, argument index,
// APPEND message). Tokens are read as the framer reads arguments: quoted strings, literals
// (whose octets are skipped, or are not there for an earlier streamed one), parentheses, and
// atoms, in which "[...]" may hold spaces and parentheses (BODY[HEADER.FIELDS (FROM TO)]<0.100>).
#include <algorithm>
#include <charconv>
#include <cstdint>

#include "abnf/ascii.hpp"
#include "imapkit/framer.hpp"

namespace imapkit {

namespace {

std::uint32_t to_number(std::string_view s) {
  std::uint32_t n = 0;
  const auto [end, ec] = std::from_chars(s.data(), s.data() + s.size(), n);
  return ec == std::errc{} && end == s.data() + s.size() ? n : 0;
}

// The reader's state: one token at a time, at its depth.
struct slot_reader {
  literal_slot& slot;
  std::size_t tokens = 0;      // top-level tokens so far: tag, [number], [UID], name, arguments
  std::size_t name_index = 1;  // 2 after "* N", one more after a command's UID
  bool append = false;
  bool fetch = false;
  unsigned depth = 0;
  std::string_view last_atom;  // the last atom in the current list (or at the top level)
  // FETCH: items alternate with their values in the depth-1 list.
  bool expect_item = true;
  bool item_is_uid = false;
  // APPEND: the list opened at depth 0 is a message (CATENATE parts, the UTF8 form).
  bool message_list = false;

  void top_level(std::string_view token, bool atom) {
    if (tokens == 0) {
      slot.tag = token;
    } else if (tokens == name_index) {
      if (slot.tag == "*" && atom && tokens == 1 && to_number(token) != 0) {
        slot.number = to_number(token);
        ++name_index;
      } else if (slot.tag != "*" && slot.tag != "+" && !slot.uid && atom &&
                 abnf::iequals_upper(token, "UID")) {
        slot.uid = true;
        ++name_index;
      } else {
        slot.name = token;
        append = abnf::iequals_upper(token, "APPEND");
        fetch = slot.tag == "*" && abnf::iequals_upper(token, "FETCH");
      }
    } else {
      slot.argument = tokens - name_index - 1;
    }
    ++tokens;
  }

  // A FETCH value or name completed at depth 1.
  void fetch_token(std::string_view atom) {
    if (expect_item) {
      slot.item = atom;
      item_is_uid = abnf::iequals_upper(atom, "UID");
    } else if (item_is_uid) {
      slot.fetch_uid = to_number(atom);
    }
    expect_item = !expect_item;
  }

  void atom(std::string_view token) {
    if (depth == 0) top_level(token, true);
    if (fetch && depth == 1) fetch_token(token);
    last_atom = token;
  }

  void string_or_literal(std::string_view token, bool literal) {
    if (depth == 0) {
      top_level(token, false);
      // An APPEND's message data: a literal after the mailbox.
      if (append && literal && slot.argument > 0) ++slot.appended;
    }
    if (fetch && depth == 1) fetch_token({});
    last_atom = {};
  }

  void open() {
    if (depth == 0) {
      top_level({}, false);
      message_list = append && (abnf::iequals_upper(last_atom, "CATENATE") ||
                                abnf::iequals_upper(last_atom, "UTF8"));
    }
    ++depth;
    last_atom = {};
    if (fetch && depth == 1) expect_item = true;
  }

  void close() {
    if (depth == 0) return;
    --depth;
    if (depth == 0 && message_list) {
      ++slot.appended;
      message_list = false;
    }
    if (fetch && depth == 1) fetch_token({});  // a list was an item's value
    last_atom = {};
  }
};

}  // namespace

literal_slot locate_literal(std::string_view before,
                            std::span<const streamed_literal> earlier) noexcept {
  literal_slot slot;
  slot_reader r{slot};
  // The announcement that ends `before` is not a token: stop at its start.
  std::string_view line = before;
  while (!line.empty() && (line.back() == '\n' || line.back() == '\r')) line.remove_suffix(1);
  const std::size_t lf_before = line.rfind('\n');
  const std::size_t line_start = lf_before == std::string_view::npos ? 0 : lf_before + 1;
  const literal_announcement own =
      find_literal_announcement(line.substr(line_start), line_start == 0);
  const std::size_t end = own.found ? line_start + own.start : line.size();

  std::size_t pos = 0;
  while (pos < end) {
    const char c = before[pos];
    if (c == ' ' || c == '\r' || c == '\n') {
      ++pos;
    } else if (c == '(') {
      r.open();
      ++pos;
    } else if (c == ')') {
      r.close();
      ++pos;
    } else if (c == '"') {
      std::size_t q = pos + 1;
      while (q < end && before[q] != '"') q += before[q] == '\\' ? 2 : 1;
      q = std::min(q + 1, end);
      r.string_or_literal(before.substr(pos, q - pos), false);
      pos = q;
    } else {
      // A literal: "{N}" or "~{N}", its line end, and N octets (none for an earlier streamed
      // one). Otherwise an atom.
      if (c == '{' || c == '~') {
        const std::size_t lf = before.find('\n', pos);
        if (lf != std::string_view::npos && lf < end) {
          std::string_view head = before.substr(pos, lf - pos);
          if (!head.empty() && head.back() == '\r') head.remove_suffix(1);
          const literal_announcement lit = find_literal_announcement(head, true);
          if (lit.found && lit.valid && lit.start == 0) {
            const std::size_t data = lf + 1;
            const bool streamed = find_streamed_literal(earlier, data) != nullptr;
            const std::uint64_t size = streamed ? 0 : lit.size;
            r.string_or_literal(head, true);
            pos = data + static_cast<std::size_t>(std::min<std::uint64_t>(size, end - data));
            continue;
          }
        }
      }
      std::size_t q = pos;
      unsigned brackets = 0;
      while (q < end) {
        const char a = before[q];
        if (a == '[') ++brackets;
        if (a == ']' && brackets > 0) --brackets;
        if (brackets == 0 && (a == ' ' || a == '(' || a == ')' || a == '\r' || a == '\n')) break;
        ++q;
      }
      r.atom(before.substr(pos, q - pos));
      pos = q;
    }
  }
  slot.depth = r.depth;
  if (r.depth == 0) {
    // The literal is the next argument itself.
    slot.argument = r.tokens > r.name_index ? r.tokens - r.name_index - 1 : 0;
  }
  if (!r.fetch) slot.item = r.last_atom;
  return slot;
}

}  // namespace imapkit
