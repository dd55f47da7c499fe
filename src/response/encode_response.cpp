// The response side of the serializer: one encoder per production of a server response
// (RFC 9051 §9 and the extensions the grammar reads), each writing exactly the form that its
// parser rule (response/{response,resp_text_code,mailbox_data}.hpp; FETCH's msg-att is the fetch
// area's, fetch/encode_msg_att.cpp) reads back into an equal AST. A value the parser could not give
// back (a field the production does not carry, a name that would be read as another item) is an
// error naming the production, never silently changed output.
#include <initializer_list>
#include <string>
#include <string_view>
#include <variant>

#include "abnf/chars.hpp"
#include "fetch/encode.hpp"
#include "imapkit/framer.hpp"
#include "imapkit/parse.hpp"
#include "lexical/encode.hpp"

namespace imapkit {

namespace encode {

namespace {

namespace chars = grammar::chars;

// True when text, at the end of a line, ends like a literal announcement the framer would wait
// for (the text follows a SP, so an announcement at its start counts).
bool ends_like_literal(std::string_view t) noexcept {
  return find_literal_announcement(t, true).found;
}

// ---------------------------------------------------------------------------------------------
// resp-text

// 1*<any TEXT-CHAR except "]">: the text of an unknown resp-text-code (strict: 7-bit only)
bool is_code_text(std::string_view t) noexcept {
  for (char c : t)
    if (c == '\0' || c == '\r' || c == '\n' || c == ']' || static_cast<unsigned char>(c) >= 0x80)
      return false;
  return true;
}

// Whether the grammar reads the unknown code `name [SP text]` back as a known code: "[ALERT]" and
// "[UIDNEXT 5]" do; "[UIDNEXT]", "[COPYUID 701  ]" and "[ALERT x]" do not (a known code whose
// arguments are not its own is the generic code). Asked of the grammar itself, as a strict reader
// reads it (what the serializer writes reads back equal in strict mode; a lenient reader may take
// "[HIGHESTMODSEQ 0]" as the known code), and only for an unknown code named like a known one.
bool reads_as_known_code(std::string_view name, const resp_code_text* text) {
  std::string line = "* OK [";
  line += name;
  if (text) {
    line += ' ';
    line += text->text;
  }
  line += "] \r\n";
  arena mem;
  const result<response> r = parse_response(line, mem, parse_options::strict());
  if (!r.ok()) return true;  // it would not come back as written at all
  const auto& cond = std::get<resp_cond>(std::get<untagged>(r->value).data);
  return !cond.text.code || cond.text.code->kind != resp_code_kind::other;
}

// True when name is a code's keyword, or the first word of one (METADATA).
bool names_known_code(std::string_view name) noexcept {
  for (const resp_code_name& row : resp_code_names)
    if (row.is_keyword && iequals(name, name_of(row.kind).head())) return true;
  return false;
}

// True when the code's argument is the alternative the table says its kind takes: an unknown
// code's is std::monostate or a resp_code_text that is not empty.
bool argument_fits_kind(const imapkit::resp_text_code& c) noexcept {
  if (c.kind == resp_code_kind::other) {
    if (std::holds_alternative<std::monostate>(c.arg)) return true;
    const auto* text = std::get_if<resp_code_text>(&c.arg);
    return text && !text->text.empty();
  }
  return c.arg.index() == resp_code_arg_alternative(name_of(c.kind).arg);
}

// resp-text-code = "ALERT" / "BADCHARSET" [SP "(" charset *(SP charset) ")"] / capability-data /
//   "PARSE" / "PERMANENTFLAGS" SP "(" [flag-perm *(SP flag-perm)] ")" / "READ-ONLY" /
//   "READ-WRITE" / "TRYCREATE" / "UIDNEXT" SP nz-number / "UIDVALIDITY" SP nz-number /
//   "UNSEEN" SP nz-number / resp-code-apnd / resp-code-copy / "UIDNOTSTICKY" / ... /
//   atom [SP 1*<any TEXT-CHAR except "]">]   (with RFC 4315, 5530, 7162, 8474, 5464, 4978, 6154)
// The keyword and the form of the argument are the table's (resp_code_names).
bool resp_text_code(writer& w, const imapkit::resp_text_code& c) {
  if (!w.ok()) return false;
  // A kind outside the enum, or an argument the kind does not take, would not come back.
  if (name_of(c.kind).kind != c.kind || !argument_fits_kind(c))
    return w.fail(serialize_errc::invalid_value, "resp-text-code");

  if (c.kind == resp_code_kind::other) {
    // atom [SP 1*<any TEXT-CHAR except "]">]: the bytes must not be read as a known code.
    if (!is_valid_atom(c.name)) return w.fail(serialize_errc::invalid_atom, "resp-text-code");
    const auto* text = std::get_if<resp_code_text>(&c.arg);
    if (text && !is_code_text(text->text))
      return w.fail(serialize_errc::invalid_text, "resp-text-code");
    if (names_known_code(c.name) && reads_as_known_code(c.name, text))
      return w.fail(serialize_errc::invalid_value, "resp-text-code");
    w.raw(c.name);
    if (text) w.sp().raw(text->text);
    return w.ok();
  }

  // The keyword; METADATA's codes: "METADATA" (the code's name) SP the sub-keyword.
  keyword(w, c.name, name_of(c.kind).head());
  if (const std::string_view tail = name_of(c.kind).tail(); !tail.empty()) {
    w.sp();
    w.raw(tail);
  }
  switch (name_of(c.kind).arg) {
    case resp_code_arg::charsets: {
      // "BADCHARSET" [SP "(" charset *(SP charset) ")"]; charset = atom / quoted
      const auto& charsets = std::get<resp_code_charsets>(c.arg).charsets;
      if (charsets.empty()) return w.ok();
      w.raw(" (");
      if (!sp_separated(w, charsets,
                        [&](const imapkit::string& cs) { return w.atom_or_quoted(cs.value); }))
        return false;
      w.raw(")");
      return w.ok();
    }
    case resp_code_arg::capabilities:
      // capability-data's list: *(SP capability)
      for (std::string_view cap : std::get<resp_code_capabilities>(c.arg).capabilities) {
        w.sp();
        if (!capability(w, cap)) return false;
      }
      return w.ok();
    case resp_code_arg::flags:
      // "PERMANENTFLAGS" SP "(" [flag-perm *(SP flag-perm)] ")"
      w.raw(" (");
      if (!sp_separated(w, std::get<resp_code_flags>(c.arg).flags,
                        [&](const imapkit::flag& f) { return w.flag(f, true); }))
        return false;
      w.raw(")");
      return w.ok();
    case resp_code_arg::nz_number:
      // "UIDNEXT" / "UIDVALIDITY" / "UNSEEN" SP nz-number
      w.sp();
      return w.nz_number(std::get<resp_code_number>(c.arg).number);
    case resp_code_arg::number:
      // "METADATA" SP ("LONGENTRIES" / "MAXSIZE") SP number
      w.sp();
      return w.number(std::get<resp_code_number>(c.arg).number);
    case resp_code_arg::mod_sequence_value:
      // "HIGHESTMODSEQ" SP mod-sequence-value
      w.sp();
      return mod_sequence_value(w, std::get<resp_code_number>(c.arg).number);
    case resp_code_arg::appenduid: {
      // resp-code-apnd = "APPENDUID" SP nz-number SP append-uid
      const auto& a = std::get<resp_code_appenduid>(c.arg);
      w.sp();
      w.nz_number(a.uidvalidity);
      w.sp();
      return uid_set(w, a.uids);
    }
    case resp_code_arg::copyuid: {
      // resp-code-copy = "COPYUID" SP nz-number SP uid-set SP uid-set
      const auto& a = std::get<resp_code_copyuid>(c.arg);
      w.sp();
      w.nz_number(a.uidvalidity);
      w.sp();
      uid_set(w, a.source_uids);
      w.sp();
      return uid_set(w, a.uids);
    }
    case resp_code_arg::set:
      // "MODIFIED" SP sequence-set
      w.sp();
      return w.sequence_set(std::get<resp_code_set>(c.arg).set);
    case resp_code_arg::objectid:
      // "MAILBOXID" SP "(" objectid ")"
      w.raw(" (");
      objectid(w, std::get<resp_code_objectid>(c.arg).objectid);
      w.raw(")");
      return w.ok();
    case resp_code_arg::url_text: {
      // "BADURL" SP url-resp-text; url-resp-text = 1*<any TEXT-CHAR except "]">
      const std::string_view url = std::get<resp_code_text>(c.arg).text;
      if (url.empty() || !is_code_text(url))
        return w.fail(serialize_errc::invalid_text, "url-resp-text");
      w.sp();
      w.raw(url);
      return w.ok();
    }
    case resp_code_arg::filter_name: {
      // "UNDEFINED-FILTER" SP filter-name; filter-name = 1*<any ATOM-CHAR except "/">
      const std::string_view name = std::get<resp_code_text>(c.arg).text;
      if (name.empty() || !all_of_class(name, chars::filter_name_char))
        return w.fail(serialize_errc::invalid_atom, "filter-name");
      w.sp();
      w.raw(name);
      return w.ok();
    }
    case resp_code_arg::urlmech:
      // "URLMECH" SP "INTERNAL" *(SP mechanism ["=" base64])
      w.raw(" INTERNAL");
      for (const url_mechanism& m : std::get<resp_code_urlmech>(c.arg).mechanisms) {
        if (m.name.empty() || !all_of_class(m.name, chars::mechanism_char))
          return w.fail(serialize_errc::invalid_atom, "mechanism");
        if (m.has_access ? !is_valid_base64(m.access) : !m.access.empty())
          return w.fail(serialize_errc::invalid_value, "base64");
        w.sp();
        w.raw(m.name);
        if (m.has_access) {
          w.raw("=");
          w.raw(m.access);
        }
      }
      return w.ok();
    case resp_code_arg::inprogress: {
      // "INPROGRESS" [SP "(" inprogress-tag SP inprogress-state ")"]; inprogress-tag = quoted /
      // nil; inprogress-state = nil SP nil / number SP nil / number SP nz-number
      const auto& p = std::get<resp_code_inprogress>(c.arg);
      if (!p.has_state) {
        if (!p.tag.is_nil() || p.count || p.total)
          return w.fail(serialize_errc::invalid_value, "inprogress-state");
        return w.ok();
      }
      if ((p.total && (!p.count || *p.total == 0)))
        return w.fail(serialize_errc::invalid_value, "inprogress-state");
      w.raw(" (");
      if (p.tag.is_nil()) {
        w.raw("NIL");
      } else if (!w.quoted(p.tag.value)) {
        return false;
      }
      w.sp();
      if (p.count)
        w.number(*p.count);
      else
        w.raw("NIL");
      w.sp();
      if (p.total)
        w.nz_number(*p.total);
      else
        w.raw("NIL");
      w.raw(")");
      return w.ok();
    }
    case resp_code_arg::messagelimit: {
      // "MESSAGELIMIT" SP message-limit [SP uniqueid]; both nz-number
      const auto& m = std::get<resp_code_messagelimit>(c.arg);
      w.sp();
      w.nz_number(m.limit);
      if (m.uid) {
        w.sp();
        w.nz_number(*m.uid);
      }
      return w.ok();
    }
    case resp_code_arg::annotations: {
      // "ANNOTATIONS" SP ann-size; ann-size = "NONE" / (("READ-ONLY" / nz-number) [SP
      // "NOPRIVATE"])   (RFC 5257)
      const auto& a = std::get<resp_code_annotations>(c.arg);
      if (a.none + a.read_only + (a.max_size != 0) != 1 || (a.none && a.noprivate))
        return w.fail(serialize_errc::invalid_value, "ann-size");
      w.sp();
      if (a.none)
        w.raw("NONE");
      else if (a.read_only)
        w.raw("READ-ONLY");
      else
        w.nz_number(a.max_size);
      if (a.noprivate) w.raw(" NOPRIVATE");
      return w.ok();
    }
    case resp_code_arg::none:
    case resp_code_arg::text:  // other, written above
      return w.ok();
  }
  return w.ok();
}

// resp-text = ["[" resp-text-code "]" SP] [text]; always the last thing on its line.
bool resp_text(writer& w, const imapkit::resp_text& t) {
  if (!w.ok()) return false;
  if (t.code) {
    w.raw("[");
    if (!resp_text_code(w, *t.code)) return false;
    w.raw("] ");
  } else if (!t.text.empty() && t.text.front() == '[') {
    // Would be read as a resp-text-code (or fail as one).
    return w.fail(serialize_errc::invalid_text, "resp-text");
  }
  // A text ending in " {5}" would make the framer wait for a literal that never comes.
  if (ends_like_literal(t.text)) return w.fail(serialize_errc::invalid_text, "resp-text");
  return w.text(t.text);
}

// resp-cond-state / resp-cond-auth / resp-cond-bye = status SP resp-text
bool resp_cond(writer& w, const imapkit::resp_cond& c) {
  switch (c.status) {
    case status_kind::ok:
    case status_kind::no:
    case status_kind::bad:
    case status_kind::preauth:
    case status_kind::bye:
      break;
    default:
      return w.fail(serialize_errc::invalid_value, "resp-cond-state");
  }
  w.raw(to_string(c.status)).sp();
  return resp_text(w, c.text);
}

// ---------------------------------------------------------------------------------------------
// mailbox-data

// capability-data = "CAPABILITY" *(SP capability) SP ("IMAP4rev2" / "IMAP4rev1") *(SP ...)
bool capability_data(writer& w, const imapkit::capability_data& d) {
  if (d.capabilities.empty()) return w.fail(serialize_errc::invalid_value, "capability-data");
  w.raw("CAPABILITY");
  for (std::string_view c : d.capabilities) {
    w.sp();
    if (!capability(w, c)) return false;
  }
  return w.ok();
}

// enable-data = "ENABLED" *(SP capability)
bool enable_data(writer& w, const imapkit::enable_data& d) {
  w.raw("ENABLED");
  for (std::string_view c : d.capabilities) {
    w.sp();
    if (!capability(w, c)) return false;
  }
  return w.ok();
}

// "FLAGS" SP flag-list
bool flags_data(writer& w, const imapkit::flags_data& d) {
  w.raw("FLAGS ");
  return w.flag_list(d.flags);
}

// DQUOTE QUOTED-CHAR DQUOTE / nil
bool delimiter(writer& w, const std::optional<char>& d) {
  if (!d) {
    w.raw("NIL");
    return w.ok();
  }
  return w.quoted_char(*d);
}

// The typed part of a list-extended item must be what the parser derives from its generic value.
bool list_extended_item_consistent(const imapkit::list_extended_item& item) {
  using kind_t = imapkit::generic_value::kind_t;
  const bool is_list = item.value.kind == kind_t::list;
  if (is_list && iequals(item.tag.value, "CHILDINFO")) {
    if (item.kind != list_extended_kind::childinfo || item.old_name != imapkit::mailbox{})
      return false;
    std::size_t n = 0;
    for (const imapkit::generic_value& v : item.value.items) {
      if (v.kind != kind_t::string && v.kind != kind_t::atom) continue;
      if (n >= item.childinfo.size() || !(item.childinfo[n] == v.text)) return false;
      ++n;
    }
    return n == item.childinfo.size();
  }
  if (is_list && iequals(item.tag.value, "OLDNAME") && item.value.items.size() == 1 &&
      item.value.items[0].kind != kind_t::list && item.value.items[0].kind != kind_t::nil) {
    return item.kind == list_extended_kind::oldname && item.childinfo.empty() &&
           item.old_name.name == item.value.items[0].text;
  }
  return item.kind == list_extended_kind::other && item.childinfo.empty() &&
         item.old_name.name == imapkit::string{};
}

// mbox-list-extended-item = mbox-list-extended-item-tag SP tagged-ext-val
bool mbox_list_extended_item(writer& w, const imapkit::list_extended_item& item) {
  if (!list_extended_item_consistent(item))
    return w.fail(serialize_errc::invalid_value, "mbox-list-extended-item");
  if (item.tag.is_nil()) return w.fail(serialize_errc::invalid_value, "mbox-list-extended-item");
  w.astring(item.tag);
  w.sp();
  return w.generic_value(item.value);
}

// An extension item named like a known one ("UIDNEXT 0", "MIN x") is written only when it reads
// back as the extension item, as for response codes above: the item is written alone into a
// response (prefix, write_item, suffix) with w's options and read back strictly (or with the
// quirks of `reading`: an invalid item needs item_recovery), and is_extension(Data) says what came
// back. Else, or when the writer refuses the item, an error.
template <class Data, class WriteItem, class IsExtension>
bool reads_back_as_extension(writer& w, std::string_view what, std::string_view prefix,
                             std::string_view suffix, WriteItem&& write_item,
                             IsExtension&& is_extension,
                             const parse_options& reading = parse_options::strict()) {
  buffer_sink line;
  writer alone(line, w.options());
  alone.raw(prefix);
  write_item(alone);
  alone.raw(suffix);
  if (!alone.ok()) return w.fail(alone.error().code, alone.error().what);
  arena mem;
  const result<response> r = parse_response(line.bytes(), mem, reading);
  const auto* u = r ? std::get_if<untagged>(&r->value) : nullptr;
  const Data* d = u ? std::get_if<Data>(&u->data) : nullptr;
  return (d && is_extension(*d)) || w.fail(serialize_errc::invalid_value, what);
}

// An item kept as sent by quirk::item_recovery (an invalid STATUS attribute, ESEARCH return data
// or LIST attribute) may be written only when its bytes, alone in a response (prefix, bytes,
// suffix), read back as this very invalid item (is_same): so they hold nothing that leaves the
// item's slot, and no other field of the item can be lost. Rare: the check's allocation is fine.
template <class Data, class IsSame>
bool invalid_item_reads_back(writer& w, std::string_view what, std::string_view prefix,
                             std::string_view bytes, std::string_view suffix, IsSame&& is_same) {
  parse_options reading;
  reading.quirks = {quirk::item_recovery};
  return reads_back_as_extension<Data>(
      w, what, prefix, suffix, [&](writer& o) { o.raw(bytes); }, is_same, reading);
}

// "(" [mbx-list-flags] ")" with the attributes that nothing read (quirk::item_recovery) where
// they stood among the flags, each kept as sent (invalid_item_reads_back).
bool list_attributes(writer& w, const imapkit::mailbox_list& l) {
  std::size_t previous = 0;
  for (const imapkit::invalid_list_attribute& a : l.invalid_attributes) {
    if (a.position < previous || a.position > l.flags.size())
      return w.fail(serialize_errc::invalid_value, "mbx-list-flags");
    previous = a.position;
    if (!invalid_item_reads_back<imapkit::mailbox_list>(
            w, "mbx-list-flags", "* LIST (", a.bytes, ") NIL x\r\n",
            [&](const imapkit::mailbox_list& back) {
              return back.flags.empty() && back.invalid_attributes.size() == 1 &&
                     back.invalid_attributes[0] == imapkit::invalid_list_attribute{0, a.bytes, {}};
            }))
      return false;
  }
  w.raw("(");
  const char* separator = "";
  auto invalid = l.invalid_attributes.begin();
  for (std::size_t i = 0; i <= l.flags.size(); ++i) {
    for (; invalid != l.invalid_attributes.end() && invalid->position == i; ++invalid)
      w.raw(separator).raw(invalid->bytes), separator = " ";
    if (i == l.flags.size()) break;
    w.raw(separator);
    separator = " ";
    if (!w.flag(l.flags[i])) return false;
  }
  w.raw(")");
  return w.ok();
}

// mailbox-list = "(" [mbx-list-flags] ")" SP (DQUOTE QUOTED-CHAR DQUOTE / nil) SP mailbox
//                [SP mbox-list-extended]
bool mailbox_list(writer& w, const imapkit::mailbox_list& l) {
  w.raw(l.lsub ? "LSUB " : "LIST ");
  if (!(l.invalid_attributes.empty() ? w.flag_list(l.flags) : list_attributes(w, l))) return false;
  w.sp();
  delimiter(w, l.delimiter);
  w.sp();
  if (!w.mailbox(l.mailbox)) return false;
  if (l.extended.empty()) return w.ok();
  w.raw(" (");
  if (!sp_separated(w, l.extended, [&](const auto& i) { return mbox_list_extended_item(w, i); }))
    return false;
  w.raw(")");
  return w.ok();
}

// status-att-val = ("MESSAGES" SP number) / ("UIDNEXT" SP nz-number) / ... / (atom SP number64)
bool status_att_val(writer& w, const imapkit::status_att_val& a) {
  if (!w.ok()) return false;
  if (a.is_invalid()) {
    // Kept as sent (invalid_item_reads_back: a typed field set beside the bytes does not read
    // back, so it is refused too).
    if (!invalid_item_reads_back<status_data>(
            w, "status-att-val", "* STATUS x (", a.invalid_bytes, ")\r\n",
            [&](const status_data& s) { return s.attributes.size() == 1 && s.attributes[0] == a; }))
      return false;
    w.raw(a.invalid_bytes);
    return w.ok();
  }
  if ((a.att != status_att::mailboxid && !a.text.empty()) ||
      (a.is_nil && (a.att != status_att::appendlimit || a.number != 0)) ||
      (a.att == status_att::mailboxid && a.number != 0))
    return w.fail(serialize_errc::invalid_value, "status-att-val");
  if (a.att == status_att::other) {
    // The attribute must not be read as a known one.
    if (!is_valid_atom(a.name)) return w.fail(serialize_errc::invalid_atom, "status-att-val");
    if (find_keyword(status_att_names, a.name) &&
        !reads_back_as_extension<status_data>(
            w, "status-att-val", "* STATUS x (", ")\r\n",
            [&](writer& o) { o.raw(a.name).sp().number64(a.number); },
            [](const status_data& s) {
              return s.attributes.size() == 1 && s.attributes[0].att == status_att::other;
            }))
      return false;
    w.raw(a.name).sp();
    return w.number64(a.number);
  }
  const std::string_view word = to_string(a.att);
  if (word.empty()) return w.fail(serialize_errc::invalid_value, "status-att-val");
  keyword(w, a.name, word);
  w.sp();
  switch (a.att) {
    case status_att::uidnext:
    case status_att::uidvalidity:
      return w.nz_number(a.number);
    case status_att::messages:
    case status_att::unseen:
    case status_att::deleted:
    case status_att::recent:
      return w.number(a.number);
    case status_att::appendlimit:
      if (a.is_nil) {
        w.raw("NIL");
        return w.ok();
      }
      return w.number(a.number);
    case status_att::mailboxid:
      w.raw("(");
      objectid(w, a.text);
      w.raw(")");
      return w.ok();
    case status_att::highestmodseq:
      return mod_sequence_value(w, a.number);
    default:
      return w.number64(a.number);  // SIZE, DELETED-STORAGE
  }
}

// "STATUS" SP mailbox SP "(" [status-att-list] ")"
bool status_data(writer& w, const imapkit::status_data& d) {
  w.raw("STATUS ");
  if (!w.mailbox(d.mailbox)) return false;
  w.raw(" (");
  if (!sp_separated(w, d.attributes, [&](const auto& a) { return status_att_val(w, a); }))
    return false;
  w.raw(")");
  return w.ok();
}

// name *(SP nz-number) [SP search-sort-mod-seq]; search-sort-mod-seq = "(" "MODSEQ" SP
// mod-sequence-value ")"
bool numbers_with_modseq(writer& w, std::string_view name, const list<std::uint32_t>& numbers,
                         const std::optional<std::uint64_t>& modseq) {
  w.raw(name);
  for (std::uint32_t n : numbers) {
    w.sp();
    if (!w.nz_number(n)) return false;
  }
  if (modseq) {
    w.raw(" (MODSEQ ");
    mod_sequence_value(w, *modseq);
    w.raw(")");
  }
  return w.ok();
}

// search-return-data = "MIN" SP nz-number / "MAX" SP nz-number / "ALL" SP sequence-set /
//   "COUNT" SP number / "MODSEQ" SP mod-sequence-value /
//   "PARTIAL" SP "(" partial-range SP partial-results ")" / search-ret-data-ext
bool search_return_data(writer& w, const imapkit::search_return_data& d, bool first, bool uid) {
  if (!w.ok()) return false;
  using k = search_return_data_kind;
  if (d.is_invalid()) {
    // Kept as sent (invalid_item_reads_back; an ESEARCH line's last item ends at CRLF).
    if (!invalid_item_reads_back<esearch_data>(
            w, "search-return-data", "* ESEARCH ", d.invalid_bytes, "\r\n",
            [&](const esearch_data& e) { return e.items.size() == 1 && e.items[0] == d; }))
      return false;
    w.raw(d.invalid_bytes);
    return w.ok();
  }
  const bool uses_number =
      d.kind == k::min || d.kind == k::max || d.kind == k::count || d.kind == k::modseq;
  const bool uses_set = d.kind == k::all || d.kind == k::partial;
  const bool uses_value = d.kind == k::addto || d.kind == k::removefrom || d.kind == k::other;
  if ((!uses_number && d.number != 0) || (!uses_set && !is_empty_set(d.set)) ||
      (d.kind != k::partial && !(d.range == imapkit::partial_range{})) ||
      (d.is_nil && (d.kind != k::partial || !is_empty_set(d.set))) ||
      (!uses_value && !is_nil_value(d.value)))
    return w.fail(serialize_errc::invalid_value, "search-return-data");
  switch (d.kind) {
    case k::min:
      keyword(w, d.name, to_string(d.kind));
      w.sp();
      return w.nz_number(d.number);
    case k::max:
      keyword(w, d.name, to_string(d.kind));
      w.sp();
      return w.nz_number(d.number);
    case k::count:
      keyword(w, d.name, to_string(d.kind));
      w.sp();
      return w.number(d.number);
    case k::modseq:
      keyword(w, d.name, to_string(d.kind));
      w.sp();
      return mod_sequence_value(w, d.number);
    case k::all:
      keyword(w, d.name, to_string(d.kind));
      w.sp();
      return w.sequence_set(d.set);
    case k::partial:
      keyword(w, d.name, to_string(d.kind));
      w.raw(" (");
      if (!partial_range(w, d.range)) return false;
      w.sp();
      if (d.is_nil)
        w.raw("NIL");
      else
        w.sequence_set(d.set);
      w.raw(")");
      return w.ok();
    case k::addto:
      keyword(w, d.name, to_string(d.kind));
      w.sp();
      return w.generic_value(d.value);
    case k::removefrom:
      keyword(w, d.name, to_string(d.kind));
      w.sp();
      return w.generic_value(d.value);
    case k::other:
      // search-ret-data-ext = search-modifier-name SP search-return-value: not a known name,
      // nor the "UID" that may follow ESEARCH's correlator.
      if (!is_valid_atom(d.name)) return w.fail(serialize_errc::invalid_atom, "search-return-data");
      if (first && !uid && iequals(d.name, "UID"))
        return w.fail(serialize_errc::invalid_value, "search-return-data");
      if (find_keyword(search_return_data_names, d.name) &&
          !reads_back_as_extension<esearch_data>(
              w, "search-return-data", "* ESEARCH ", "\r\n",
              [&](writer& o) { o.raw(d.name).sp().generic_value(d.value); },
              [](const esearch_data& e) {
                return e.items.size() == 1 && e.items[0].kind == search_return_data_kind::other;
              }))
        return false;
      w.raw(d.name).sp();
      return w.generic_value(d.value);
  }
  return w.fail(serialize_errc::invalid_value, "search-return-data");
}

// esearch-response = "ESEARCH" [search-correlator] [SP "UID"] *(SP search-return-data)
// search-correlator = SP "(" one-correlator *(SP one-correlator) ")"   (RFC 7377), written in the
// order of RFC 7377's examples: TAG, MAILBOX, UIDVALIDITY
bool esearch_response(writer& w, const imapkit::esearch_data& d) {
  w.raw("ESEARCH");
  if (d.correlator || d.mailbox || d.uidvalidity) {
    const char* separator = " (";
    if (d.correlator) {
      if (d.correlator->is_nil()) return w.fail(serialize_errc::invalid_value, "search-correlator");
      w.raw(separator).raw("TAG ");
      if (!w.astring(d.correlator->value)) return false;
      separator = " ";
    }
    if (d.mailbox) {
      w.raw(separator).raw("MAILBOX ");
      if (!w.mailbox(*d.mailbox)) return false;
      separator = " ";
    }
    if (d.uidvalidity) {
      w.raw(separator).raw("UIDVALIDITY ");
      if (!w.nz_number(*d.uidvalidity)) return false;
    }
    w.raw(")");
  }
  if (d.uid) w.raw(" UID");
  bool first = true;
  for (const auto& item : d.items) {
    w.sp();
    if (!search_return_data(w, item, first, d.uid)) return false;
    first = false;
  }
  return w.ok();
}

// thread-list = "(" (thread-members / thread-nested) ")"
// thread-members = nz-number *(SP nz-number) [SP thread-nested]; thread-nested = 2*thread-list
// The parser keeps a chain's numbers as members and the branches as children: a single child
// is no branch (it would be written as more members), so it cannot come back.
bool thread_list(writer& w, const imapkit::thread_list& t) {
  if (!w.ok()) return false;
  if (t.children.size() == 1 || (t.members.empty() && t.children.empty()))
    return w.fail(serialize_errc::invalid_value, "thread-list");
  w.raw("(");
  bool first = true;
  for (std::uint32_t n : t.members) {
    if (!first) w.sp();
    first = false;
    if (!w.nz_number(n)) return false;
  }
  if (!t.members.empty() && !t.children.empty()) w.sp();
  for (const imapkit::thread_list& c : t.children)
    if (!thread_list(w, c)) return false;
  w.raw(")");
  return w.ok();
}

// thread-data = "THREAD" [SP 1*thread-list]
bool thread_data(writer& w, const imapkit::thread_data& d) {
  w.raw("THREAD");
  if (!d.threads.empty()) w.sp();
  for (const auto& t : d.threads)
    if (!thread_list(w, t)) return false;
  return w.ok();
}

// namespace-response-extension = SP string SP "(" string *(SP string) ")"
bool namespace_response_extension(writer& w, const imapkit::namespace_extension& e) {
  if (e.name.is_nil() || e.values.empty())
    return w.fail(serialize_errc::invalid_value, "namespace-response-extension");
  w.sp();
  w.string(e.name);
  w.raw(" (");
  if (!sp_separated(w, e.values, [&](const imapkit::string& v) {
        if (v.is_nil())
          return w.fail(serialize_errc::invalid_value, "namespace-response-extension");
        return w.string(v);
      }))
    return false;
  w.raw(")");
  return w.ok();
}

// namespace-descr = "(" string SP (DQUOTE QUOTED-CHAR DQUOTE / nil)
//                   [namespace-response-extensions] ")"
bool namespace_descr(writer& w, const imapkit::namespace_descr& d) {
  if (d.prefix.is_nil()) return w.fail(serialize_errc::invalid_value, "namespace-descr");
  w.raw("(");
  w.string(d.prefix);
  w.sp();
  delimiter(w, d.delimiter);
  for (const auto& e : d.extensions)
    if (!namespace_response_extension(w, e)) return false;
  w.raw(")");
  return w.ok();
}

// namespace = nil / "(" 1*namespace-descr ")"
bool namespace_(writer& w, const list<imapkit::namespace_descr>& l) {
  if (l.empty()) {
    w.raw("NIL");
    return w.ok();
  }
  w.raw("(");
  for (const auto& d : l)
    if (!namespace_descr(w, d)) return false;
  w.raw(")");
  return w.ok();
}

// namespace-response = "NAMESPACE" SP namespace SP namespace SP namespace
bool namespace_response(writer& w, const imapkit::namespace_data& d) {
  w.raw("NAMESPACE ");
  namespace_(w, d.personal);
  w.sp();
  namespace_(w, d.other_users);
  w.sp();
  return namespace_(w, d.shared);
}

// quota-response = "QUOTA" SP quota-root-name SP quota-list
// quota-list = "(" quota-resource *(SP quota-resource) ")"
// quota-resource = resource-name SP resource-usage SP resource-limit
bool quota_response(writer& w, const imapkit::quota_data& d) {
  w.raw("QUOTA ");
  if (!astring_value(w, d.root, "quota-root-name")) return false;
  w.raw(" (");
  if (!sp_separated(w, d.resources, [&](const imapkit::quota_resource& r) {
        if (!is_valid_atom(r.name)) return w.fail(serialize_errc::invalid_atom, "resource-name");
        w.raw(r.name).sp();
        w.number64(r.usage);
        w.sp();
        return w.number64(r.limit);
      }))
    return false;
  w.raw(")");
  return w.ok();
}

// quotaroot-response = "QUOTAROOT" SP mailbox *(SP quota-root-name)
bool quotaroot_response(writer& w, const imapkit::quotaroot_data& d) {
  w.raw("QUOTAROOT ");
  if (!w.mailbox(d.mailbox)) return false;
  for (const auto& r : d.roots) {
    w.sp();
    if (!astring_value(w, r, "quota-root-name")) return false;
  }
  return w.ok();
}

// metadata-resp = "METADATA" SP mailbox SP (entry-values / entry-list)
// entry-values = "(" entry-value *(SP entry-value) ")"; entry-value = entry SP value
// value = nstring / literal8; entry-list = entry *(SP entry)
bool metadata_resp(writer& w, const imapkit::metadata_data& d) {
  // Exactly one of the two forms, and neither may be empty.
  if (d.entries.empty() == d.changed.empty())
    return w.fail(serialize_errc::invalid_value, "metadata-resp");
  w.raw("METADATA ");
  if (!w.mailbox(d.mailbox)) return false;
  w.sp();
  if (!d.changed.empty())
    return sp_separated(w, d.changed,
                        [&](const imapkit::string& e) { return astring_value(w, e, "entry"); });
  w.raw("(");
  if (!sp_separated(w, d.entries, [&](const imapkit::metadata_entry& e) {
        if (!astring_value(w, e.entry, "entry")) return false;
        w.sp();
        return w.nstring(e.value, true);
      }))
    return false;
  w.raw(")");
  return w.ok();
}

// id-response = "ID" SP id-params-list; id-params-list = "(" *(string SP nstring) ")" / nil
bool id_response(writer& w, const imapkit::id_data& d) {
  w.raw("ID ");
  if (d.params.empty()) {
    w.raw("NIL");
    return w.ok();
  }
  w.raw("(");
  if (!sp_separated(w, d.params, [&](const imapkit::id_param& p) {
        if (p.field.is_nil()) return w.fail(serialize_errc::invalid_value, "id-params-list");
        w.string(p.field);
        w.sp();
        return w.nstring(p.value);
      }))
    return false;
  w.raw(")");
  return w.ok();
}

// acl-data = "ACL" SP mailbox *(SP identifier SP rights)
bool acl_data(writer& w, const imapkit::acl_data& d) {
  w.raw("ACL ");
  if (!w.mailbox(d.mailbox)) return false;
  for (const auto& e : d.entries) {
    w.sp();
    astring_value(w, e.identifier, "identifier");
    w.sp();
    if (!astring_value(w, e.rights, "rights")) return false;
  }
  return w.ok();
}

// listrights-data = "LISTRIGHTS" SP mailbox SP identifier SP rights *(SP rights)
bool listrights_data(writer& w, const imapkit::listrights_data& d) {
  w.raw("LISTRIGHTS ");
  if (!w.mailbox(d.mailbox)) return false;
  w.sp();
  astring_value(w, d.identifier, "identifier");
  w.sp();
  astring_value(w, d.required, "rights");
  for (const auto& r : d.optional) {
    w.sp();
    if (!astring_value(w, r, "rights")) return false;
  }
  return w.ok();
}

// myrights-data = "MYRIGHTS" SP mailbox SP rights
bool myrights_data(writer& w, const imapkit::myrights_data& d) {
  w.raw("MYRIGHTS ");
  if (!w.mailbox(d.mailbox)) return false;
  w.sp();
  return astring_value(w, d.rights, "rights");
}

// expunged-resp = "VANISHED" [SP "(EARLIER)"] SP known-uids
bool expunged_resp(writer& w, const imapkit::vanished_data& d) {
  w.raw(d.earlier ? "VANISHED (EARLIER) " : "VANISHED ");
  return uid_set(w, d.uids);
}

// message-data = nz-number SP "FETCH" SP msg-att
// uidfetch-resp = uniqueid SP "UIDFETCH" SP msg-att   (RFC 9586)
bool message_data(writer& w, const fetch_data& f) {
  if (!w.nz_number(f.number)) return false;
  w.raw(f.uidfetch ? " UIDFETCH " : " FETCH ");
  return msg_att(w, f.attributes);
}

// resp-jmapaccess = "JMAPACCESS" SP quoted   (RFC 9698)
bool resp_jmapaccess(writer& w, const imapkit::jmapaccess_data& d) {
  if (d.url.is_nil()) return w.fail(serialize_errc::invalid_value, "resp-jmapaccess");
  w.raw("JMAPACCESS ");
  return w.quoted(d.url.value, "resp-jmapaccess");
}

// genurlauth-data = "*" SP "GENURLAUTH" 1*(SP url-full)   (RFC 4467)
bool genurlauth_data(writer& w, const imapkit::genurlauth_data& d) {
  if (d.urls.empty()) return w.fail(serialize_errc::invalid_value, "genurlauth-data");
  w.raw("GENURLAUTH");
  for (const imapkit::string& url : d.urls) {
    w.sp();
    if (!astring_value(w, url, "url-full")) return false;
  }
  return w.ok();
}

// urlfetch-data = "*" SP "URLFETCH" 1*(SP (url-full SP nstring / url-full 1*(SP "("
// ("BODYPARTSTRUCTURE" SP body / "BODY" SP nstring / "BINARY" SP (nstring / literal8)) ")")))
// (RFC 4467, RFC 5524)
bool urlfetch_data(writer& w, const imapkit::urlfetch_data& d) {
  if (d.items.empty()) return w.fail(serialize_errc::invalid_value, "urlfetch-data");
  w.raw("URLFETCH");
  for (const imapkit::urlfetch_item& item : d.items) {
    w.sp();
    if (!astring_value(w, item.url, "url-full")) return false;
    w.sp();
    if (!item.extended) {
      if (item.has_body || item.has_binary || !item.body_part_structure.empty())
        return w.fail(serialize_errc::invalid_value, "urldata");
      if (!w.nstring(item.data)) return false;
      continue;
    }
    // The extended form carries its data in its metadata, and at least one element.
    const bool has_structure = !item.body_part_structure.empty();
    if (!item.data.is_nil() || !(has_structure || item.has_body || item.has_binary))
      return w.fail(serialize_errc::invalid_value, "url-metadata");
    if (has_structure) {
      // Written as received: the bytes must read back as one body, in strict mode.
      arena scratch;
      if (!parse_body_structure(item.body_part_structure, scratch, parse_options::strict()))
        return w.fail(serialize_errc::invalid_value, "url-meta-bodystruct");
      w.raw("(BODYPARTSTRUCTURE ");
      w.raw(item.body_part_structure);
      w.raw(")");
      if (item.has_body || item.has_binary) w.sp();
    }
    if (item.has_body) {
      w.raw("(BODY ");
      if (!w.nstring(item.body)) return false;
      w.raw(")");
      if (item.has_binary) w.sp();
    }
    if (item.has_binary) {
      w.raw("(BINARY ");
      if (!w.nstring(item.binary, true)) return false;
      w.raw(")");
    }
  }
  return w.ok();
}

// language-data = "LANGUAGE" SP "(" lang-tag-quoted *(SP lang-tag-quoted) ")"   (RFC 5255)
bool language_data(writer& w, const imapkit::language_data& d) {
  if (d.languages.empty()) return w.fail(serialize_errc::invalid_value, "language-data");
  w.raw("LANGUAGE (");
  if (!sp_separated(w, d.languages, [&](const imapkit::string& tag) {
        return astring_value(w, tag, "lang-tag-quoted");
      }))
    return false;
  w.raw(")");
  return w.ok();
}

// comparator-data = "COMPARATOR" SP comp-sel-quoted [SP "(" comp-id-quoted *(SP comp-id-quoted)
// ")"]   (RFC 5255)
bool comparator_data(writer& w, const imapkit::comparator_data& d) {
  w.raw("COMPARATOR ");
  if (!astring_value(w, d.selected, "comp-sel-quoted")) return false;
  if (d.matching.empty()) return w.ok();
  w.raw(" (");
  if (!sp_separated(w, d.matching, [&](const imapkit::string& id) {
        return astring_value(w, id, "comp-id-quoted");
      }))
    return false;
  w.raw(")");
  return w.ok();
}

// Untagged data this library does not know: [number SP] atom *(SP value) (read in lenient mode).
bool generic_data(writer& w, const imapkit::generic_data& d) {
  if (!is_valid_atom(d.name)) return w.fail(serialize_errc::invalid_atom, "untagged data");
  // The name must not be read as known data, nor (without a number) as the number of
  // "* 5 FOO".
  for (const auto& row : status_kind_names)
    if (starts_with_keyword(d.name, row.keyword))
      return w.fail(serialize_errc::invalid_value, "untagged data");
  for (const auto& row : untagged_data_keywords)
    if ((d.number || !row.after_number) && starts_with_keyword(d.name, row.keyword))
      return w.fail(serialize_errc::invalid_value, "untagged data");
  if (d.number) {
    w.number(*d.number);
    w.sp();
  } else if (!d.values.empty() &&
             d.name.find_first_not_of("0123456789") == std::string_view::npos) {
    return w.fail(serialize_errc::invalid_value, "untagged data");
  }
  w.raw(d.name);
  for (const auto& v : d.values) {
    w.sp();
    if (!w.generic_value(v)) return false;
  }
  return w.ok();
}

struct untagged_encoder {
  writer& w;
  bool operator()(const imapkit::resp_cond& c) { return resp_cond(w, c); }
  bool operator()(const imapkit::capability_data& d) { return capability_data(w, d); }
  bool operator()(const imapkit::enable_data& d) { return enable_data(w, d); }
  bool operator()(const imapkit::flags_data& d) { return flags_data(w, d); }
  bool operator()(const imapkit::mailbox_list& d) { return mailbox_list(w, d); }
  bool operator()(const imapkit::status_data& d) { return status_data(w, d); }
  bool operator()(const imapkit::search_data& d) {
    return numbers_with_modseq(w, "SEARCH", d.numbers, d.modseq);
  }
  bool operator()(const imapkit::esearch_data& d) { return esearch_response(w, d); }
  bool operator()(const imapkit::sort_data& d) {
    return numbers_with_modseq(w, "SORT", d.numbers, d.modseq);
  }
  bool operator()(const imapkit::thread_data& d) { return thread_data(w, d); }
  // number SP "EXISTS"
  bool operator()(const imapkit::exists_data& d) {
    w.number(d.count);
    w.raw(" EXISTS");
    return w.ok();
  }
  // number SP "RECENT"
  bool operator()(const imapkit::recent_data& d) {
    w.number(d.count);
    w.raw(" RECENT");
    return w.ok();
  }
  bool operator()(const imapkit::namespace_data& d) { return namespace_response(w, d); }
  bool operator()(const imapkit::quota_data& d) { return quota_response(w, d); }
  bool operator()(const imapkit::quotaroot_data& d) { return quotaroot_response(w, d); }
  bool operator()(const imapkit::metadata_data& d) { return metadata_resp(w, d); }
  bool operator()(const imapkit::id_data& d) { return id_response(w, d); }
  bool operator()(const imapkit::acl_data& d) { return acl_data(w, d); }
  bool operator()(const imapkit::listrights_data& d) { return listrights_data(w, d); }
  bool operator()(const imapkit::myrights_data& d) { return myrights_data(w, d); }
  // nz-number SP "EXPUNGE"
  bool operator()(const imapkit::expunge_data& d) {
    w.nz_number(d.number);
    w.raw(" EXPUNGE");
    return w.ok();
  }
  bool operator()(const imapkit::vanished_data& d) { return expunged_resp(w, d); }
  bool operator()(const imapkit::fetch_data& d) { return message_data(w, d); }
  bool operator()(const imapkit::jmapaccess_data& d) { return resp_jmapaccess(w, d); }
  bool operator()(const imapkit::genurlauth_data& d) { return genurlauth_data(w, d); }
  bool operator()(const imapkit::urlfetch_data& d) { return urlfetch_data(w, d); }
  bool operator()(const imapkit::language_data& d) { return language_data(w, d); }
  bool operator()(const imapkit::comparator_data& d) { return comparator_data(w, d); }
  bool operator()(const imapkit::generic_data& d) { return generic_data(w, d); }
};

// response-data = "*" SP (resp-cond-state / resp-cond-bye / mailbox-data / message-data /
//                 capability-data / enable-data) CRLF
bool response_data(writer& w, const untagged& u) {
  w.raw("* ");
  if (!std::visit(untagged_encoder{w}, u.data)) return false;
  w.crlf();
  return w.ok();
}

// response-tagged = tag SP resp-cond-state CRLF
bool response_tagged(writer& w, const tagged& t) {
  if (t.state.status != status_kind::ok && t.state.status != status_kind::no &&
      t.state.status != status_kind::bad)
    return w.fail(serialize_errc::invalid_value, "resp-cond-state");
  if (!w.tag(t.tag)) return false;
  w.sp();
  if (!resp_cond(w, t.state)) return false;
  w.crlf();
  return w.ok();
}

// continue-req = "+" SP (resp-text / base64) CRLF
// The parser sets is_base64 from the text: it must agree, or the request would not come back.
bool continue_req(writer& w, const imapkit::continue_req& c) {
  if (c.is_base64 != (!c.text.code && is_valid_base64(c.text.text)))
    return w.fail(serialize_errc::invalid_value, "continue-req");
  w.raw("+ ");
  if (!resp_text(w, c.text)) return false;
  w.crlf();
  return w.ok();
}

struct response_encoder {
  writer& w;
  bool operator()(const imapkit::continue_req& c) { return continue_req(w, c); }
  bool operator()(const untagged& u) { return response_data(w, u); }
  bool operator()(const tagged& t) { return response_tagged(w, t); }
};

}  // namespace

}  // namespace encode

serialize_result serialize(const response& r, sink& out, const serialize_options& options) {
  // A server writes responses: its literals never wait for "+".
  serialize_options server = options;
  server.writer = serialize_options::role::server;
  writer w(out, server);
  out.begin_message();
  std::visit(encode::response_encoder{w}, r.value);
  if (!w.ok()) out.abandon_message();
  return w.error();
}

}  // namespace imapkit
