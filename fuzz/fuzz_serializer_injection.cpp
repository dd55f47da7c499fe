// fuzz_serializer_injection: commands and responses built from arbitrary field values through
// the public constructors (include/imapkit/make.hpp's checked factories where a user would use
// them, the raw value where a factory refuses, so the serializer's own checks are reached too).
// Whatever the values, the bytes written frame as exactly one message that parses back (strict)
// to what was built, or the serializer refuses and writes nothing: fuzz/roundtrip_checks.hpp.
//
// Input: a byte choosing the shape (commands: LOGIN, SELECT, SEARCH, APPEND, STORE, FETCH,
// generic, RENAME, SETMETADATA, ID; responses: tagged, untagged with a code, LIST, FETCH, STATUS,
// continuation, CAPABILITY, BYE), a byte of serialize options, then the fields, each a
// length-prefixed string or a few bytes of number.
#include <cstdint>
#include <string_view>

#include "fuzz_support.hpp"
#include "imapkit/make.hpp"
#include "roundtrip_checks.hpp"

namespace {

using namespace imapkit;
using fuzz::byte_reader;

struct build {
  byte_reader& in;
  arena& mem;
  const serialize_options& options;

  std::string_view raw() { return in.short_string(); }
  imapkit::string str() { return imapkit::string::quoted(raw()); }
  imapkit::string nstr() { return in.flag() ? imapkit::string::nil() : str(); }
  // A string that may hold NUL, as a literal8 where the slot allows one.
  imapkit::string str8() {
    const std::string_view v = raw();
    return v.find('\0') == std::string_view::npos ? imapkit::string::quoted(v)
                                                  : imapkit::string::literal8(v);
  }
  std::string_view tag() {
    const std::string_view t = raw();
    return make_tag(t).value_or(t);
  }
  std::string_view atom() {
    const std::string_view a = raw();
    return make_atom(a).value_or(a);
  }
  imapkit::flag flag() {
    const std::string_view f = raw();
    return make_flag(f).value_or(imapkit::flag{f});
  }
  list<imapkit::flag> flags() {
    list<imapkit::flag> out;
    for (auto n = in.below(4); n != 0; --n) out.push_back(mem, flag());
    return out;
  }
  imapkit::mailbox mailbox() {
    const std::string_view name = raw();
    if (auto m = make_mailbox(mem, name, options)) return *m;
    return imapkit::mailbox{imapkit::string::quoted(name)};
  }
  sequence_set set() {
    const std::string_view text = raw();
    if (auto s = make_sequence_set(mem, text)) return *s;
    sequence_set s;  // what the factory refused: a range of the raw numbers (0 included)
    s.ranges.push_back(
        mem, seq_range{static_cast<std::uint32_t>(in.u64()), static_cast<std::uint32_t>(in.u64())});
    return s;
  }
  std::uint32_t number() { return static_cast<std::uint32_t>(in.below(1u << 20)); }
  imapkit::date date() {
    const int y = static_cast<int>(in.below(10001)), m = static_cast<int>(in.below(14)),
              d = static_cast<int>(in.below(33));
    if (auto v = make_date(y, m, d)) return *v;
    return imapkit::date{static_cast<std::uint16_t>(y), static_cast<std::uint8_t>(m),
                         static_cast<std::uint8_t>(d)};
  }
  imapkit::date_time date_time() {
    const imapkit::date d = date();
    const int h = static_cast<int>(in.below(26)), mi = static_cast<int>(in.below(62)),
              s = static_cast<int>(in.below(62)), z = static_cast<int>(in.below(2 * 6000)) - 6000;
    if (auto v = make_date_time(d.year, d.month, d.day, h, mi, s, z)) return *v;
    return imapkit::date_time{d, static_cast<std::uint8_t>(h), static_cast<std::uint8_t>(mi),
                              static_cast<std::uint8_t>(s), static_cast<std::int16_t>(z)};
  }
  std::string_view text() { return raw(); }
};

command build_command(build& b) {
  command c;
  c.tag = b.tag();
  switch (b.in.below(10)) {
    case 0:
      c.body = login_command{b.str(), b.str()};
      break;
    case 1: {
      select_command s;
      s.read_only = b.in.flag();
      s.mailbox = b.mailbox();
      c.body = s;
      break;
    }
    case 2: {
      search_command s;
      s.uid = b.in.flag();
      if (b.in.flag()) s.program.charset = imapkit::string::atom(b.atom());
      for (auto n = b.in.below(4) + 1; n != 0; --n) {
        search_key k;
        switch (b.in.below(5)) {
          case 0:
            k.kind = search_key_kind::subject;
            k.arg = search_astring{b.str()};
            break;
          case 1:
            k.kind = search_key_kind::header;
            k.arg = search_header{b.str(), b.str()};
            break;
          case 2:
            k.kind = search_key_kind::keyword;
            k.arg = search_atom{b.flag().name};
            break;
          case 3:
            k.kind = search_key_kind::before;
            k.arg = search_date{b.date()};
            break;
          default:
            k.kind = search_key_kind::uid;
            k.arg = search_set{b.set()};
            break;
        }
        s.program.keys.push_back(b.mem, k);
      }
      c.body = s;
      break;
    }
    case 3: {
      append_command a;
      a.mailbox = b.mailbox();
      append_message m;
      m.has_flags = b.in.flag();
      if (m.has_flags) m.flags = b.flags();
      if (b.in.flag()) m.date_time = b.date_time();
      const std::string_view data = b.raw();
      m.data = data.find('\0') == std::string_view::npos ? imapkit::string::literal(data)
                                                         : imapkit::string::literal8(data);
      a.messages.push_back(b.mem, m);
      c.body = a;
      break;
    }
    case 4: {
      store_command s;
      s.uid = b.in.flag();
      s.program.set = b.set();
      s.program.operation = static_cast<store_operation>(b.in.below(3));
      s.program.silent = b.in.flag();
      s.program.parenthesized = true;
      s.program.flags = b.flags();
      c.body = s;
      break;
    }
    case 5: {
      fetch_command f;
      f.uid = b.in.flag();
      f.program.set = b.set();
      fetch_att att;
      att.kind = fetch_att_kind::body_section;
      att.peek = b.in.flag();
      att.section.text = section_text::header_fields;
      for (auto n = b.in.below(3) + 1; n != 0; --n)
        att.section.header_fields.push_back(b.mem, b.str());
      f.program.atts.push_back(b.mem, att);
      f.program.parenthesized = true;
      c.body = f;
      break;
    }
    case 6: {
      generic_command g;
      g.name = b.atom();
      for (auto n = b.in.below(4); n != 0; --n) {
        generic_value v;
        v.kind = generic_value::kind_t::string;
        v.text = b.str8();
        g.args.push_back(b.mem, v);
      }
      c.body = g;
      break;
    }
    case 7:
      c.body = rename_command{b.mailbox(), b.mailbox()};
      break;
    case 8: {
      setmetadata_command s;
      s.mailbox = b.mailbox();
      s.entries.push_back(
          b.mem, metadata_entry_value{b.str(), b.in.flag() ? imapkit::string::nil() : b.str8()});
      c.body = s;
      break;
    }
    default: {
      id_command i;
      for (auto n = b.in.below(3) + 1; n != 0; --n)
        i.params.push_back(b.mem, id_param{b.str(), b.nstr()});
      c.body = i;
      break;
    }
  }
  return c;
}

resp_text resp_text_of(build& b) {
  resp_text t;
  if (b.in.flag()) {
    resp_text_code code;
    switch (b.in.below(4)) {
      case 0:
        code.kind = resp_code_kind::alert;
        code.name = to_string(code.kind);
        break;
      case 1:
        code.kind = resp_code_kind::permanentflags;
        code.name = to_string(code.kind);
        code.arg = resp_code_flags{b.flags()};
        break;
      case 2:
        code.kind = resp_code_kind::uidnext;
        code.name = to_string(code.kind);
        code.arg = resp_code_number{b.number() + 1};
        break;
      default: {
        code.kind = resp_code_kind::other;
        code.name = b.atom();
        // An unknown code's text is never empty: without one it holds no argument.
        const std::string_view text = b.text();
        if (!text.empty()) code.arg = resp_code_text{text};
        break;
      }
    }
    t.code = code;
  }
  t.text = b.text();
  return t;
}

response build_response(build& b) {
  switch (b.in.below(8)) {
    case 0:
      return response{
          tagged{b.tag(), resp_cond{static_cast<status_kind>(b.in.below(3)), resp_text_of(b)}}};
    case 1:
      return response{untagged{resp_cond{status_kind::ok, resp_text_of(b)}}};
    case 2: {
      mailbox_list l;
      l.flags = b.flags();
      if (b.in.flag()) l.delimiter = static_cast<char>(b.in.byte());
      l.mailbox = b.mailbox();
      return response{untagged{l}};
    }
    case 3: {
      fetch_data f;
      f.number = b.number() + 1;
      msg_att uid{fetch_uid{b.number() + 1}};
      f.attributes.push_back(b.mem, uid);
      f.attributes.push_back(b.mem, msg_att{fetch_flags{b.flags()}});
      fetch_body_section body;
      body.data = b.in.flag() ? imapkit::string::nil() : imapkit::string::literal(b.raw());
      f.attributes.push_back(b.mem, msg_att{body});
      fetch_envelope env;
      env.value.subject = b.nstr();
      env.value.from.push_back(b.mem, address{b.nstr(), imapkit::string::nil(), b.str(), b.str()});
      f.attributes.push_back(b.mem, msg_att{env});
      return response{untagged{f}};
    }
    case 4: {
      status_data s;
      s.mailbox = b.mailbox();
      s.attributes.push_back(
          b.mem, status_att_val{status_att::messages, "MESSAGES", b.number(), {}, false, {}, {}});
      return response{untagged{s}};
    }
    case 5:
      return response{continue_req{resp_text{std::nullopt, b.text()}, false}};
    case 6: {
      capability_data c;
      c.capabilities.push_back(b.mem, std::string_view("IMAP4rev1"));
      for (auto n = b.in.below(4); n != 0; --n) c.capabilities.push_back(b.mem, b.atom());
      return response{untagged{c}};
    }
    default:
      return response{untagged{resp_cond{status_kind::bye, resp_text_of(b)}}};
  }
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  byte_reader in(data, size);
  const bool responses = in.flag();
  const std::uint8_t o = in.byte();
  serialize_options options;
  options.utf8 = (o & 1) != 0;
  options.literal_plus = (o & 2) != 0;
  options.literal_minus = (o & 4) != 0;
  if (o & 8) options.max_quoted_length = o >> 4;
  arena mem;
  build b{in, mem, options};
  if (responses) {
    const response r = build_response(b);
    fuzz::check_round_trip(r, framer_side::read_responses, options,
                           [](std::string_view m, arena& again) {
                             return parse_response(m, again, parse_options::strict());
                           });
  } else {
    const command c = build_command(b);
    fuzz::check_round_trip(c, framer_side::read_commands, options,
                           [](std::string_view m, arena& again) {
                             return parse_command(m, again, parse_options::strict());
                           });
  }
  return 0;
}
