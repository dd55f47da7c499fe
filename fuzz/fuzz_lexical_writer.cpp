// fuzz_lexical_writer: the serializer's lexical layer (imapkit::writer, include/imapkit/
// serialize.hpp) given arbitrary field values: strings with CR, LF, NUL, quotes, braces and
// 8-bit octets, atoms, tags, flags, numbers, dates, sequence sets and generic values.
//
// Input: two bytes of serialize_options and sink capacity, then a tag, a command name and up to
// 16 values, each a kind byte and its value's bytes (see read_program). They are written as one
// generic command `TAG NAME value...` CRLF. Properties:
//  - when the writer accepts every value, the bytes frame as exactly ONE message (fed fragment by
//    fragment, the framer waits for "+" exactly at the writer's continuation points), and
//    parse_generic_command (strict and lenient) gives back exactly the values written;
//  - when it rejects a value, nothing is written from that value on (nothing of a scalar value
//    at all) and the partial output never frames as a complete message;
//  - a fixed_buffer_sink gets a prefix of the same bytes and reports overflow exactly when the
//    output did not fit.
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "fuzz_support.hpp"
#include "imapkit/framer.hpp"
#include "imapkit/parse.hpp"
#include "imapkit/serialize.hpp"

namespace {

using imapkit::generic_value;
using imapkit::fuzz::byte_reader;
using kind_t = imapkit::generic_value::kind_t;

enum class op : std::uint8_t {
  atom,
  astring,
  string,
  nstring,
  literal,
  number,
  nz_number,
  number64,
  flag,
  flag_list,
  mailbox,
  sequence_set,
  date,
  date_time,
  generic,
  count
};

// One value to write, with everything it needs.
struct field {
  op kind = op::atom;
  std::string text;     // atom, astring, string, literal, flag, mailbox
  bool choice = false;  // literal8 allowed / binary literal / NIL / flag wildcard
  std::uint64_t number = 0;
  std::vector<std::string> flags;  // flag_list
  imapkit::sequence_set set;
  imapkit::date_time when;
  generic_value value;  // generic
};

struct program {
  imapkit::serialize_options options;
  std::size_t capacity = 0;  // of the fixed_buffer_sink
  std::string tag, name;
  std::vector<field> fields;
};

// Strings: one length byte, then that many bytes. A length byte >= 0xF0 asks for a long string
// (the bytes repeated up to ~4 KiB), to reach the quoted-length threshold and LITERAL-'s 4096.
std::string read_string(byte_reader& in) {
  const std::uint8_t length = in.byte();
  if (length < 0xF0) return std::string(in.bytes(length));
  const std::string_view unit = in.bytes(8);
  std::string s;
  const std::size_t target = static_cast<std::size_t>(length - 0xEF) * 300;
  while (!unit.empty() && s.size() < target) s.append(unit);
  return s;
}

std::uint64_t read_number(byte_reader& in) {
  switch (in.byte() & 3) {
    case 0:
      return in.byte();  // small
    case 1:
      return 0;
    case 2:
      return 0xFFFFFFFFull + (in.byte() & 1);  // the 32-bit edge
    default:
      return in.u64();
  }
}

generic_value read_generic(byte_reader& in, imapkit::arena& mem, std::vector<std::string>& keep,
                           int depth) {
  generic_value v;
  const std::uint8_t b = in.byte();
  switch (b & 3) {
    case 0:
      v.kind = kind_t::nil;
      break;
    case 1:
      v.kind = kind_t::atom;
      v.text = imapkit::string::atom(mem.copy(read_string(in)));
      break;
    case 2:
      v.kind = kind_t::string;
      v.text = (b & 4) ? imapkit::string::literal8(mem.copy(read_string(in)))
                       : imapkit::string::quoted(mem.copy(read_string(in)));
      // mem.copy returns an empty view for an empty string; it is still a (non-NIL) string.
      break;
    case 3: {
      v.kind = kind_t::list;
      imapkit::list<generic_value> items;
      const int n = depth >= 4 ? 0 : (b >> 2) % 5;
      for (int i = 0; i < n; ++i) items.push_back(mem, read_generic(in, mem, keep, depth + 1));
      v.items = items;
      break;
    }
  }
  return v;
}

program read_program(byte_reader& in, imapkit::arena& mem, std::vector<std::string>& keep) {
  program p;
  const std::uint8_t o = in.byte();
  p.options.writer =
      (o & 1) ? imapkit::serialize_options::role::server : imapkit::serialize_options::role::client;
  p.options.literal_plus = (o & 2) != 0;
  p.options.literal_minus = (o & 4) != 0;
  p.options.utf8 = (o & 8) != 0;
  static constexpr std::size_t quoted_lengths[] = {1000, 0, 1, 16};
  p.options.max_quoted_length = quoted_lengths[(o >> 4) & 3];
  p.capacity = std::size_t{in.byte()} * 16;
  p.tag = read_string(in);
  p.name = read_string(in);
  const std::size_t n = in.byte() % 17;
  for (std::size_t i = 0; i < n && !in.empty(); ++i) {
    field f;
    const std::uint8_t k = in.byte();
    f.kind = static_cast<op>(k % static_cast<std::uint8_t>(op::count));
    f.choice = (k & 0x80) != 0;
    switch (f.kind) {
      case op::atom:
      case op::astring:
      case op::string:
      case op::nstring:
      case op::literal:
      case op::flag:
      case op::mailbox:
        f.text = read_string(in);
        break;
      case op::number:
      case op::nz_number:
      case op::number64:
        f.number = read_number(in);
        break;
      case op::flag_list:
        for (std::size_t j = in.byte() % 5; j > 0; --j) f.flags.push_back(read_string(in));
        break;
      case op::sequence_set: {
        const std::uint8_t b = in.byte();
        f.set.last_command = (b & 0x80) != 0;
        for (std::size_t j = b % 5; j > 0; --j) {
          const std::uint32_t first =
              (in.byte() & 1) ? in.byte() : static_cast<std::uint32_t>(in.u64());
          const std::uint32_t last = (in.byte() & 1) ? first : in.byte();
          f.set.ranges.push_back(mem, imapkit::seq_range{first, last});
        }
        break;
      }
      case op::date:
      case op::date_time: {
        f.when.date.year = static_cast<std::uint16_t>((in.byte() << 8) | in.byte());
        f.when.date.month = in.byte() % 14;
        f.when.date.day = in.byte() % 33;
        f.when.hour = in.byte() % 26;
        f.when.minute = in.byte() % 62;
        f.when.second = in.byte() % 62;
        f.when.zone_minutes = static_cast<std::int16_t>((in.byte() << 8) | in.byte());
        break;
      }
      case op::generic:
        f.value = read_generic(in, mem, keep, 0);
        break;
      case op::count:
        break;
    }
    p.fields.push_back(std::move(f));
  }
  return p;
}

bool is_nil_word(std::string_view s) {
  return s.size() == 3 && (s[0] | 0x20) == 'n' && (s[1] | 0x20) == 'i' && (s[2] | 0x20) == 'l';
}

// The generic value a bare token reads back as: NIL is nil, anything else an atom.
generic_value token(std::string_view s) {
  if (is_nil_word(s)) return {};
  return generic_value{kind_t::atom, imapkit::string::atom(s), {}};
}

generic_value string_value(std::string_view s) {
  return generic_value{kind_t::string, imapkit::string::quoted(s), {}};
}

// A bare token with a "[" not closed by "]" before the next "[" inside it: the generic grammar
// then looks for the "]" in what follows on the line (it reads BODY[HEADER.FIELDS (A B)] as one
// token), so values written after it may be read as part of it. The generic grammar's limit,
// not the writer's: the real command grammar reads atoms by their ABNF.
bool has_unclosed_bracket(std::string_view s) {
  for (std::size_t i = 0; i < s.size(); ++i) {
    if (s[i] != '[') continue;
    const std::size_t close = s.find_first_of("[]", i + 1);
    if (close == std::string_view::npos || s[close] != ']') return true;
    i = close;
  }
  return false;
}

std::string sequence_set_text(const imapkit::sequence_set& s) {
  if (s.last_command) return "$";
  std::string out;
  const auto number = [&](std::uint32_t n) {
    if (n == imapkit::seq_range::star)
      out += '*';
    else
      out += std::to_string(n);
  };
  for (const imapkit::seq_range& r : s.ranges) {
    if (!out.empty()) out += ',';
    number(r.first);
    if (r.first != r.last) {
      out += ':';
      number(r.last);
    }
  }
  return out;
}

constexpr std::string_view months[] = {"Jan", "Feb", "Mar", "Apr", "May", "Jun",
                                       "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"};

// What one accepted field reads back as, and whether it was written as a bare token with an
// unclosed "[" (see has_unclosed_bracket).
struct expectation {
  generic_value value;
  bool bracket_hazard = false;
};

// Writes one field; fills `expected` when the writer accepts it. Returns whether it did, and
// whether the field is scalar (validated whole before anything is written).
bool write_field(imapkit::writer& w, const field& f, imapkit::arena& mem,
                 std::vector<std::string>& keep, expectation& expected, bool& scalar) {
  scalar = true;
  switch (f.kind) {
    case op::atom:
      expected = {token(f.text), has_unclosed_bracket(f.text)};
      return w.atom(f.text);
    case op::astring:
      if (imapkit::is_valid_astring_atom(f.text)) {
        expected = {token(f.text), has_unclosed_bracket(f.text)};
      } else {
        expected = {string_value(f.text)};
      }
      return w.astring(f.text);
    case op::string:
      expected = {string_value(f.text)};
      return w.string(f.text, f.choice);
    case op::nstring:
      expected = {f.choice ? generic_value{} : string_value(f.text)};
      return w.nstring(f.choice ? imapkit::string::nil() : imapkit::string::quoted(f.text));
    case op::literal:
      expected = {string_value(f.text)};
      return w.literal(f.text, f.choice);
    case op::number:
    case op::nz_number:
    case op::number64:
      keep.push_back(std::to_string(f.number));
      expected = {token(keep.back())};
      return f.kind == op::number      ? w.number(f.number)
             : f.kind == op::nz_number ? w.nz_number(f.number)
                                       : w.number64(f.number);
    case op::flag:
      expected = {token(f.text), has_unclosed_bracket(f.text)};
      return w.flag(imapkit::flag{f.text}, f.choice);
    case op::flag_list: {
      scalar = false;
      imapkit::list<imapkit::flag> flags;
      generic_value list{kind_t::list, {}, {}};
      imapkit::list<generic_value> items;
      bool hazard = false;
      for (const std::string& name : f.flags) {
        flags.push_back(mem, imapkit::flag{name});
        items.push_back(mem, token(name));
        hazard = hazard || has_unclosed_bracket(name);
      }
      list.items = items;
      expected = {list, hazard};
      return w.flag_list(flags);
    }
    case op::mailbox: {
      const imapkit::mailbox m{imapkit::string::quoted(f.text)};
      if (m.is_inbox()) {
        expected = {token("INBOX")};
      } else if (imapkit::is_valid_astring_atom(f.text)) {
        expected = {token(f.text), has_unclosed_bracket(f.text)};
      } else {
        expected = {string_value(f.text)};
      }
      return w.mailbox(m);
    }
    case op::sequence_set:
      keep.push_back(sequence_set_text(f.set));
      expected = {token(keep.back())};
      return w.sequence_set(f.set, f.choice);
    case op::date:
      if (imapkit::is_valid_date(f.when.date)) {
        char buf[16];  // date-year = 4DIGIT: year 256 is "0256"
        std::snprintf(buf, sizeof buf, "%u-%s-%04u", unsigned{f.when.date.day},
                      months[f.when.date.month - 1].data(), unsigned{f.when.date.year});
        keep.push_back(buf);
        expected = {token(keep.back())};
      }
      return w.date(f.when.date);
    case op::date_time:
      if (imapkit::is_valid_date_time(f.when)) {
        char buf[40];
        const int zone = f.when.zone_minutes < 0 ? -f.when.zone_minutes : f.when.zone_minutes;
        std::snprintf(buf, sizeof buf, "%02u-%s-%04u %02u:%02u:%02u %c%02d%02d",
                      unsigned{f.when.date.day}, months[f.when.date.month - 1].data(),
                      unsigned{f.when.date.year}, unsigned{f.when.hour}, unsigned{f.when.minute},
                      unsigned{f.when.second}, f.when.zone_minutes < 0 ? '-' : '+', zone / 60,
                      zone % 60);
        keep.push_back(std::string(buf, 26));
        expected = {string_value(keep.back())};
      }
      return w.date_time(f.when);
    case op::generic:
      scalar = f.value.kind != kind_t::list;
      expected = {f.value};
      return w.generic_value(f.value);
    case op::count:
      break;
  }
  return false;
}

struct outcome {
  bool accepted = false;
  bool compare_values = true;  // no bare token with an unclosed "[" (has_unclosed_bracket)
  std::vector<generic_value> expected;
};

// Runs the program against `out`, checking what a rejection may leave behind.
template <class Sink>
outcome run(const program& p, Sink& out, imapkit::arena& mem, std::vector<std::string>& keep) {
  outcome result;
  imapkit::writer w(out, p.options);
  const auto size = [&] { return out.bytes().size(); };
  bool rejected = false;
  std::size_t size_at_rejection = 0;
  const auto step = [&](bool ok, bool scalar, std::size_t before) {
    if (rejected) {
      FUZZ_CHECK(!ok);
      FUZZ_CHECK(size() == size_at_rejection);
      return;
    }
    if (!ok) {
      FUZZ_CHECK(!w.ok());
      FUZZ_CHECK(w.error().code != imapkit::serialize_errc::ok);
      if (scalar) FUZZ_CHECK(size() == before);
      rejected = true;
      size_at_rejection = size();
    }
  };

  std::size_t before = size();
  step(w.tag(p.tag), true, before);
  w.sp();
  before = size();
  step(w.atom(p.name), true, before);
  for (const field& f : p.fields) {
    w.sp();
    if (rejected) FUZZ_CHECK(size() == size_at_rejection);
    before = size();
    expectation e;
    bool scalar = true;
    const bool ok = write_field(w, f, mem, keep, e, scalar);
    step(ok, scalar, before);
    if (ok) {
      result.expected.push_back(e.value);
      if (e.bracket_hazard) result.compare_values = false;
    }
  }
  w.crlf();
  if (rejected) FUZZ_CHECK(size() == size_at_rejection);
  result.accepted = !rejected;
  FUZZ_CHECK(w.ok() == !rejected);
  if (has_unclosed_bracket(p.name)) result.compare_values = false;
  return result;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  byte_reader in(data, size);
  imapkit::arena mem;
  std::vector<std::string> keep;  // text of expected values
  keep.reserve(64);
  const program p = read_program(in, mem, keep);
  const bool client = p.options.writer == imapkit::serialize_options::role::client;

  imapkit::buffer_sink out;
  const outcome result = run(p, out, mem, keep);
  const std::string_view bytes = out.bytes();

  // The same program into a fixed buffer: a prefix of the bytes, overflow iff they did not fit.
  {
    std::string storage(p.capacity, '\0');
    imapkit::fixed_buffer_sink fixed(storage.data(), storage.size());
    std::vector<std::string> keep_fixed;
    keep_fixed.reserve(64);
    run(p, fixed, mem, keep_fixed);
    FUZZ_CHECK(bytes.starts_with(fixed.bytes()));
    FUZZ_CHECK(fixed.overflowed() == (fixed.bytes().size() < bytes.size()));
    FUZZ_CHECK(fixed.continuation_count() == out.continuation_points().size());
  }

  // Continuation points: only a client's synchronizing literals wait, right after "{N}\r\n".
  const auto& waits = out.continuation_points();
  if (!client || p.options.literal_plus) FUZZ_CHECK(waits.empty());
  for (std::size_t point : waits) {
    FUZZ_CHECK(point >= 4 && point <= bytes.size());
    FUZZ_CHECK(bytes.substr(point - 3, 3) == "}\r\n");
    FUZZ_CHECK(bytes[point - 4] >= '0' && bytes[point - 4] <= '9');
  }

  // Framed fragment by fragment: the framer waits exactly where the writer does, and the whole
  // output is one message (or, after a rejection, no complete message at all).
  imapkit::framer f(client ? imapkit::framer_side::read_commands
                           : imapkit::framer_side::read_responses);
  std::size_t from = 0;
  std::vector<std::string> messages;
  const auto drain = [&] {
    for (imapkit::framer::event e = f.next(); e.kind != imapkit::framer::status::need_more;
         e = f.next()) {
      FUZZ_CHECK(e.kind == imapkit::framer::status::message);
      messages.emplace_back(e.message);
    }
  };
  for (std::size_t point : waits) {
    f.feed(bytes.substr(from, point - from));
    from = point;
    drain();
    FUZZ_CHECK(messages.empty());
    FUZZ_CHECK(f.awaiting_continuation());
  }
  f.feed(bytes.substr(from));
  drain();
  if (!result.accepted) {
    FUZZ_CHECK(messages.empty());
    return 0;
  }
  FUZZ_CHECK(messages.size() == 1);
  FUZZ_CHECK(messages.front() == bytes);
  FUZZ_CHECK(f.buffered() == 0);

  // Parsed back, in both modes: exactly the values written.
  for (const imapkit::parse_options& options :
       {imapkit::parse_options::strict(), imapkit::parse_options::lenient()}) {
    imapkit::arena parse_mem;
    const auto parsed = client ? imapkit::parse_generic_command(bytes, parse_mem, options)
                               : imapkit::parse_generic_response(bytes, parse_mem, options);
    // After a bare token with an unclosed "[", the generic grammar may read the rest of the
    // line into that token (see has_unclosed_bracket): nothing to compare.
    if (!result.compare_values) continue;
    if (imapkit::fuzz::is_status_word(p.name)) {
      // `TAG OK ...` is a status response to the generic grammar: what follows the name is
      // resp-text, a single line. Without a literal, it is exactly the bytes written.
      const std::string_view head_and_text = bytes.substr(0, bytes.size() - 2);
      if (head_and_text.find_first_of("\r\n") != std::string_view::npos) continue;
      FUZZ_CHECK(parsed.ok());
      FUZZ_CHECK(parsed->tag == p.tag && parsed->name == p.name && parsed->args.empty());
      const std::size_t head = p.tag.size() + 1 + p.name.size();
      FUZZ_CHECK(parsed->has_text == (head_and_text.size() > head));
      if (parsed->has_text) FUZZ_CHECK(parsed->text == head_and_text.substr(head + 1));
      continue;
    }
    if (!parsed) {
      std::fprintf(stderr, "written: %.*s\nerror: %s\n", static_cast<int>(bytes.size()),
                   bytes.data(), parsed.error().message().c_str());
    }
    FUZZ_CHECK(parsed.ok());
    FUZZ_CHECK(parsed->tag == p.tag);
    FUZZ_CHECK(parsed->name == p.name);
    FUZZ_CHECK(!parsed->has_text);
    if (parsed->args.size() != result.expected.size()) {
      std::fprintf(stderr, "written: %.*s\n", static_cast<int>(bytes.size()), bytes.data());
    }
    FUZZ_CHECK(parsed->args.size() == result.expected.size());
    for (std::size_t i = 0; i < result.expected.size(); ++i) {
      if (!(parsed->args[i] == result.expected[i])) {
        std::fprintf(stderr, "value %zu differs; written: %.*s\n", i,
                     static_cast<int>(bytes.size()), bytes.data());
      }
      FUZZ_CHECK(parsed->args[i] == result.expected[i]);
    }
  }
  return 0;
}
