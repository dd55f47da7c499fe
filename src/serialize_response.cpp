// The response side of the serializer: one encoder per production of a server response
// (RFC 9051 §9 and the extensions the grammar reads), each writing exactly the form that its
// parser rule (grammar/imapkit/grammar/{response,resp_text_code,mailbox_data,fetch_def,
// bodystructure,envelope}.hpp) reads back into an equal AST. A value the parser could not give
// back (a field the production does not carry, a name that would be read as another item) is an
// error naming the production, never silently changed output.
#include <initializer_list>
#include <string_view>

#include "imapkit/grammar/chars.hpp"
#include "serialize_encode.hpp"

namespace imapkit {

namespace encode {

namespace {

namespace chars = grammar::chars;

bool istarts_with(std::string_view s, std::string_view prefix) noexcept {
  return s.size() >= prefix.size() && iequals(s.substr(0, prefix.size()), prefix);
}

bool is_one_of(std::string_view s, std::initializer_list<std::string_view> words) noexcept {
  for (std::string_view w : words)
    if (iequals(s, w)) return true;
  return false;
}

// What the parser's whole_kw(word) would match at the start of s: the word, then no ASTRING-CHAR.
bool starts_with_keyword(std::string_view s, std::string_view word) noexcept {
  return istarts_with(s, word) &&
         (s.size() == word.size() || !chars::is(chars::astring_char, s[word.size()]));
}

bool is_empty_set(const imapkit::sequence_set& s) noexcept {
  return s.ranges.empty() && !s.last_command;
}

bool is_nil_value(const imapkit::generic_value& v) noexcept {
  return v.kind == generic_value::kind_t::nil && v.text == imapkit::string{} && v.items.empty();
}

// Writes the name as written when it names the keyword (so its case round-trips), else the
// keyword.
void keyword(writer& w, std::string_view name, std::string_view word) {
  w.raw(iequals(name, word) ? name : word);
}

// objectid = 1*255(ALPHA / DIGIT / "_" / "-")   (RFC 8474)
bool objectid(writer& w, std::string_view id) {
  if (!w.ok()) return false;
  if (id.empty() || id.size() > 255) return w.fail(serialize_errc::invalid_value, "objectid");
  for (char c : id)
    if (!((c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_' ||
          c == '-'))
      return w.fail(serialize_errc::invalid_value, "objectid");
  w.raw(id);
  return w.ok();
}

// uid-set = (uniqueid / uid-range) *("," uid-set): no "*", no "$"
bool uid_set(writer& w, const imapkit::sequence_set& s) {
  if (!w.ok()) return false;
  if (s.last_command) return w.fail(serialize_errc::invalid_sequence_set, "uid-set");
  return w.sequence_set(s, false);
}

// capability = ("AUTH=" auth-type) / atom
bool capability(writer& w, std::string_view c) {
  if (!w.ok()) return false;
  if (!is_valid_atom(c)) return w.fail(serialize_errc::invalid_atom, "capability");
  w.raw(c);
  return w.ok();
}

// True when text, at the end of a line, ends like a literal announcement the framer would wait
// for: SP or "(" (or nothing: the text follows a SP), then ["~"] "{" 1*DIGIT ["+" / "-"] "}".
bool ends_like_literal(std::string_view t) noexcept {
  std::size_t i = t.size();
  if (i < 3 || t[i - 1] != '}') return false;
  --i;
  if (t[i - 1] == '+' || t[i - 1] == '-') --i;
  const std::size_t digits_end = i;
  while (i > 0 && t[i - 1] >= '0' && t[i - 1] <= '9') --i;
  if (i == digits_end || i == 0 || t[i - 1] != '{') return false;
  std::size_t start = i - 1;
  if (start > 0 && t[start - 1] == '~') --start;
  return start == 0 || t[start - 1] == ' ' || t[start - 1] == '(';
}

// ---------------------------------------------------------------------------------------------
// resp-text

// 1*<any TEXT-CHAR except "]">: the text of an unknown resp-text-code (strict: 7-bit only)
bool code_text(writer& w, std::string_view t) {
  if (!w.ok()) return false;
  for (char c : t)
    if (c == '\0' || c == '\r' || c == '\n' || c == ']' || static_cast<unsigned char>(c) >= 0x80)
      return w.fail(serialize_errc::invalid_text, "resp-text-code");
  w.raw(t);
  return w.ok();
}

// Which members of a resp_text_code a kind carries.
enum code_member : unsigned {
  m_number = 1,
  m_charsets = 2,
  m_capabilities = 4,
  m_flags = 8,
  m_source_uids = 16,
  m_uids = 32,
  m_text = 64,
};

unsigned code_members(resp_code_kind k) noexcept {
  switch (k) {
    case resp_code_kind::badcharset:
      return m_charsets;
    case resp_code_kind::capability:
      return m_capabilities;
    case resp_code_kind::permanentflags:
      return m_flags;
    case resp_code_kind::uidnext:
    case resp_code_kind::uidvalidity:
    case resp_code_kind::unseen:
    case resp_code_kind::highestmodseq:
    case resp_code_kind::metadata_longentries:
    case resp_code_kind::metadata_maxsize:
      return m_number;
    case resp_code_kind::appenduid:
      return m_number | m_uids;
    case resp_code_kind::copyuid:
      return m_number | m_source_uids | m_uids;
    case resp_code_kind::modified:
      return m_uids;
    case resp_code_kind::mailboxid:
    case resp_code_kind::other:
      return m_text;
    default:
      return 0;
  }
}

bool is_metadata_code(resp_code_kind k) noexcept {
  return k == resp_code_kind::metadata_longentries || k == resp_code_kind::metadata_maxsize ||
         k == resp_code_kind::metadata_toomany || k == resp_code_kind::metadata_noprivate;
}

// resp-text-code = "ALERT" / "BADCHARSET" [SP "(" charset *(SP charset) ")"] / capability-data /
//   "PARSE" / "PERMANENTFLAGS" SP "(" [flag-perm *(SP flag-perm)] ")" / "READ-ONLY" /
//   "READ-WRITE" / "TRYCREATE" / "UIDNEXT" SP nz-number / "UIDVALIDITY" SP nz-number /
//   "UNSEEN" SP nz-number / resp-code-apnd / resp-code-copy / "UIDNOTSTICKY" / ... /
//   atom [SP 1*<any TEXT-CHAR except "]">]   (with RFC 4315, 5530, 7162, 8474, 5464, 4978, 6154)
bool resp_text_code(writer& w, const imapkit::resp_text_code& c) {
  if (!w.ok()) return false;
  const unsigned m = code_members(c.kind);
  // A member the kind does not carry would not come back.
  if ((!(m & m_number) && c.number != 0) || (!(m & m_charsets) && !c.charsets.empty()) ||
      (!(m & m_capabilities) && !c.capabilities.empty()) || (!(m & m_flags) && !c.flags.empty()) ||
      (!(m & m_source_uids) && !is_empty_set(c.source_uids)) ||
      (!(m & m_uids) && !is_empty_set(c.uids)) || (!(m & m_text) && !c.text.empty()))
    return w.fail(serialize_errc::invalid_value, "resp-text-code");

  if (c.kind == resp_code_kind::other) {
    // atom [SP 1*<any TEXT-CHAR except "]">]: the atom must not be read as a known code. A code
    // without data keeps its kind only without text ("[ALERT x]" is an unknown code).
    if (!is_valid_atom(c.name)) return w.fail(serialize_errc::invalid_atom, "resp-text-code");
    if (is_one_of(c.name,
                  {"BADCHARSET", "CAPABILITY", "PERMANENTFLAGS", "UIDNEXT", "UIDVALIDITY", "UNSEEN",
                   "APPENDUID", "COPYUID", "HIGHESTMODSEQ", "MODIFIED", "MAILBOXID", "METADATA"}))
      return w.fail(serialize_errc::invalid_value, "resp-text-code");
    if (c.text.empty()) {
      for (resp_code_kind k = resp_code_kind::alert; k != resp_code_kind::other;
           k = static_cast<resp_code_kind>(static_cast<unsigned>(k) + 1))
        if (iequals(c.name, to_string(k)))
          return w.fail(serialize_errc::invalid_value, "resp-text-code");
      w.raw(c.name);
      return w.ok();
    }
    w.raw(c.name).sp();
    return code_text(w, c.text);
  }

  if (is_metadata_code(c.kind)) {
    // "METADATA" SP ("LONGENTRIES" SP number / "MAXSIZE" SP number / "TOOMANY" / "NOPRIVATE");
    // the code's name is the "METADATA" keyword alone.
    keyword(w, c.name, "METADATA");
    switch (c.kind) {
      case resp_code_kind::metadata_longentries:
        w.raw(" LONGENTRIES ");
        return w.number(c.number);
      case resp_code_kind::metadata_maxsize:
        w.raw(" MAXSIZE ");
        return w.number(c.number);
      case resp_code_kind::metadata_toomany:
        w.raw(" TOOMANY");
        return w.ok();
      default:
        w.raw(" NOPRIVATE");
        return w.ok();
    }
  }

  keyword(w, c.name, to_string(c.kind));
  switch (c.kind) {
    case resp_code_kind::badcharset:
      // "BADCHARSET" [SP "(" charset *(SP charset) ")"]; charset = atom / quoted
      if (c.charsets.empty()) return w.ok();
      w.raw(" (");
      if (!sp_separated(w, c.charsets,
                        [&](const imapkit::string& cs) { return w.atom_or_quoted(cs.value); }))
        return false;
      w.raw(")");
      return w.ok();
    case resp_code_kind::capability:
      // capability-data's list: *(SP capability)
      for (std::string_view cap : c.capabilities) {
        w.sp();
        if (!capability(w, cap)) return false;
      }
      return w.ok();
    case resp_code_kind::permanentflags:
      // "PERMANENTFLAGS" SP "(" [flag-perm *(SP flag-perm)] ")"
      w.raw(" (");
      if (!sp_separated(w, c.flags, [&](const imapkit::flag& f) { return w.flag(f, true); }))
        return false;
      w.raw(")");
      return w.ok();
    case resp_code_kind::uidnext:
    case resp_code_kind::uidvalidity:
    case resp_code_kind::unseen:
      w.sp();
      return w.nz_number(c.number);
    case resp_code_kind::highestmodseq:
      w.sp();
      return w.number64(c.number);
    case resp_code_kind::appenduid:
      // resp-code-apnd = "APPENDUID" SP nz-number SP append-uid
      w.sp();
      w.nz_number(c.number);
      w.sp();
      return uid_set(w, c.uids);
    case resp_code_kind::copyuid:
      // resp-code-copy = "COPYUID" SP nz-number SP uid-set SP uid-set
      w.sp();
      w.nz_number(c.number);
      w.sp();
      uid_set(w, c.source_uids);
      w.sp();
      return uid_set(w, c.uids);
    case resp_code_kind::modified:
      w.sp();
      return w.sequence_set(c.uids);
    case resp_code_kind::mailboxid:
      // "MAILBOXID" SP "(" objectid ")"
      w.raw(" (");
      objectid(w, c.text);
      w.raw(")");
      return w.ok();
    default:
      return w.ok();
  }
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
  w.astring(item.tag.value);
  w.sp();
  return w.generic_value(item.value);
}

// mailbox-list = "(" [mbx-list-flags] ")" SP (DQUOTE QUOTED-CHAR DQUOTE / nil) SP mailbox
//                [SP mbox-list-extended]
bool mailbox_list(writer& w, const imapkit::mailbox_list& l) {
  w.raw(l.lsub ? "LSUB " : "LIST ");
  if (!w.flag_list(l.flags)) return false;
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
  if ((a.att != status_att::mailboxid && !a.text.empty()) ||
      (a.is_nil && (a.att != status_att::appendlimit || a.number != 0)) ||
      (a.att == status_att::mailboxid && a.number != 0))
    return w.fail(serialize_errc::invalid_value, "status-att-val");
  if (a.att == status_att::other) {
    // The attribute must not be read as a known one.
    if (!is_valid_atom(a.name)) return w.fail(serialize_errc::invalid_atom, "status-att-val");
    if (is_one_of(a.name,
                  {"MESSAGES", "UIDNEXT", "UIDVALIDITY", "UNSEEN", "DELETED-STORAGE", "DELETED",
                   "SIZE", "RECENT", "HIGHESTMODSEQ", "APPENDLIMIT", "MAILBOXID"}))
      return w.fail(serialize_errc::invalid_value, "status-att-val");
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
    default:
      return w.number64(a.number);  // SIZE, HIGHESTMODSEQ, DELETED-STORAGE
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
    w.number64(*modseq);
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
      keyword(w, d.name, "MIN");
      w.sp();
      return w.nz_number(d.number);
    case k::max:
      keyword(w, d.name, "MAX");
      w.sp();
      return w.nz_number(d.number);
    case k::count:
      keyword(w, d.name, "COUNT");
      w.sp();
      return w.number(d.number);
    case k::modseq:
      keyword(w, d.name, "MODSEQ");
      w.sp();
      return w.number64(d.number);
    case k::all:
      keyword(w, d.name, "ALL");
      w.sp();
      return w.sequence_set(d.set);
    case k::partial:
      keyword(w, d.name, "PARTIAL");
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
      keyword(w, d.name, "ADDTO");
      w.sp();
      return w.generic_value(d.value);
    case k::removefrom:
      keyword(w, d.name, "REMOVEFROM");
      w.sp();
      return w.generic_value(d.value);
    case k::other:
      // search-ret-data-ext = search-modifier-name SP search-return-value: not a known name,
      // nor the "UID" that may follow ESEARCH's correlator.
      if (!is_valid_atom(d.name)) return w.fail(serialize_errc::invalid_atom, "search-return-data");
      if (is_one_of(d.name,
                    {"MIN", "MAX", "ALL", "COUNT", "MODSEQ", "PARTIAL", "ADDTO", "REMOVEFROM"}) ||
          (first && !uid && iequals(d.name, "UID")))
        return w.fail(serialize_errc::invalid_value, "search-return-data");
      w.raw(d.name).sp();
      return w.generic_value(d.value);
  }
  return w.fail(serialize_errc::invalid_value, "search-return-data");
}

// esearch-response = "ESEARCH" [search-correlator] [SP "UID"] *(SP search-return-data)
// search-correlator = SP "(" "TAG" SP tag-string ")"
bool esearch_response(writer& w, const imapkit::esearch_data& d) {
  w.raw("ESEARCH");
  if (d.correlator) {
    if (d.correlator->is_nil()) return w.fail(serialize_errc::invalid_value, "search-correlator");
    w.raw(" (TAG ");
    if (!w.astring(d.correlator->value)) return false;
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
  w.string(e.name.value);
  w.raw(" (");
  if (!sp_separated(w, e.values, [&](const imapkit::string& v) {
        if (v.is_nil())
          return w.fail(serialize_errc::invalid_value, "namespace-response-extension");
        return w.string(v.value);
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
  w.string(d.prefix.value);
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
        w.string(p.field.value);
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

// ---------------------------------------------------------------------------------------------
// envelope, body

// address = "(" addr-name SP addr-adl SP addr-mailbox SP addr-host ")"
bool address(writer& w, const imapkit::address& a) {
  w.raw("(");
  w.nstring(a.name);
  w.sp();
  w.nstring(a.adl);
  w.sp();
  w.nstring(a.mailbox);
  w.sp();
  w.nstring(a.host);
  w.raw(")");
  return w.ok();
}

// env-from (and the other address lists) = "(" 1*address ")" / nil
bool address_list(writer& w, const imapkit::address_list& l) {
  if (l.empty()) {
    w.raw("NIL");
    return w.ok();
  }
  w.raw("(");
  for (const auto& a : l)
    if (!address(w, a)) return false;
  w.raw(")");
  return w.ok();
}

// envelope = "(" env-date SP env-subject SP env-from SP env-sender SP env-reply-to SP env-to SP
//            env-cc SP env-bcc SP env-in-reply-to SP env-message-id ")"
bool envelope(writer& w, const imapkit::envelope& e) {
  w.raw("(");
  w.nstring(e.date);
  w.sp();
  w.nstring(e.subject);
  for (const imapkit::address_list* l : {&e.from, &e.sender, &e.reply_to, &e.to, &e.cc, &e.bcc}) {
    w.sp();
    if (!address_list(w, *l)) return false;
  }
  w.sp();
  w.nstring(e.in_reply_to);
  w.sp();
  w.nstring(e.message_id);
  w.raw(")");
  return w.ok();
}

// A string slot that cannot be NIL (media types, body-fld-param pairs, body-fld-enc ...).
bool string_value(writer& w, const imapkit::string& s, std::string_view what) {
  if (s.is_nil()) return w.fail(serialize_errc::invalid_value, what);
  return w.string(s.value);
}

// body-fld-param = "(" string SP string *(SP string SP string) ")" / nil
bool body_fld_param(writer& w, const imapkit::body_params& p) {
  if (p.empty()) {
    w.raw("NIL");
    return w.ok();
  }
  w.raw("(");
  if (!sp_separated(w, p, [&](const imapkit::body_param& pair) {
        string_value(w, pair.name, "body-fld-param");
        w.sp();
        return string_value(w, pair.value, "body-fld-param");
      }))
    return false;
  w.raw(")");
  return w.ok();
}

// body-fields = body-fld-param SP body-fld-id SP body-fld-desc SP body-fld-enc SP body-fld-octets
bool body_fields(writer& w, const imapkit::body_fields& f) {
  body_fld_param(w, f.params);
  w.sp();
  w.nstring(f.id);
  w.sp();
  w.nstring(f.description);
  w.sp();
  string_value(w, f.encoding, "body-fld-enc");
  w.sp();
  return w.number(f.octets);
}

// body-fld-dsp = "(" string SP body-fld-param ")" / nil
bool body_fld_dsp(writer& w, const imapkit::body_disposition& d) {
  if (d.is_nil()) {
    if (!d.params.empty()) return w.fail(serialize_errc::invalid_value, "body-fld-dsp");
    w.raw("NIL");
    return w.ok();
  }
  w.raw("(");
  w.string(d.type.value);
  w.sp();
  body_fld_param(w, d.params);
  w.raw(")");
  return w.ok();
}

// body-fld-lang = nstring / "(" string *(SP string) ")"   (NIL: the empty list)
bool body_fld_lang(writer& w, const list<imapkit::string>& l) {
  if (l.empty()) {
    w.raw("NIL");
    return w.ok();
  }
  if (l.size() == 1) return string_value(w, l[0], "body-fld-lang");
  w.raw("(");
  if (!sp_separated(w, l,
                    [&](const imapkit::string& s) { return string_value(w, s, "body-fld-lang"); }))
    return false;
  w.raw(")");
  return w.ok();
}

// body-extension = nstring / number / number64 / "(" body-extension *(SP body-extension) ")"
bool body_extension(writer& w, const imapkit::body_extension& e) {
  if (!w.ok()) return false;
  switch (e.kind) {
    case imapkit::body_extension::kind_t::nstring:
      if (e.number != 0 || !e.items.empty())
        return w.fail(serialize_errc::invalid_value, "body-extension");
      return w.nstring(e.text);
    case imapkit::body_extension::kind_t::number:
      if (!(e.text == imapkit::string{}) || !e.items.empty())
        return w.fail(serialize_errc::invalid_value, "body-extension");
      return w.number64(e.number);
    case imapkit::body_extension::kind_t::list:
      if (e.items.empty() || !(e.text == imapkit::string{}) || e.number != 0)
        return w.fail(serialize_errc::invalid_value, "body-extension");
      w.raw("(");
      if (!sp_separated(w, e.items, [&](const auto& i) { return body_extension(w, i); }))
        return false;
      w.raw(")");
      return w.ok();
  }
  return w.fail(serialize_errc::invalid_value, "body-extension");
}

// [SP body-fld-dsp [SP body-fld-lang [SP body-fld-loc *(SP body-extension)]]], as far as
// extension_fields says; the fields past it must be empty, or they would not come back.
bool body_ext_after_first(writer& w, const imapkit::body_structure& b) {
  const unsigned n = b.extension_fields;
  if ((n < 2 && !(b.disposition == imapkit::body_disposition{})) ||
      (n < 3 && !b.language.empty()) ||
      (n < 4 && (!(b.location == imapkit::string{}) || !b.extensions.empty())))
    return w.fail(serialize_errc::invalid_value, "body-extension");
  if (n >= 2) {
    w.sp();
    if (!body_fld_dsp(w, b.disposition)) return false;
  }
  if (n >= 3) {
    w.sp();
    if (!body_fld_lang(w, b.language)) return false;
  }
  if (n >= 4) {
    w.sp();
    w.nstring(b.location);
    for (const auto& e : b.extensions) {
      w.sp();
      if (!body_extension(w, e)) return false;
    }
  }
  return w.ok();
}

bool is_media(const imapkit::string& s, std::string_view word) {
  return !s.is_nil() && iequals(s.value, word);
}

bool body(writer& w, const imapkit::body_structure& b);

// body-type-1part = (body-type-basic / body-type-msg / body-type-text) [SP body-ext-1part]
// body-type-basic = media-basic SP body-fields
// body-type-msg   = media-message SP body-fields SP envelope SP body SP body-fld-lines
// body-type-text  = media-text SP body-fields SP body-fld-lines
// body-ext-1part  = body-fld-md5 [SP body-fld-dsp [SP body-fld-lang [SP body-fld-loc ...]]]
bool body_type_1part(writer& w, const imapkit::body_structure& b) {
  using kind_t = imapkit::body_structure::kind_t;
  // The parser tells the kinds apart by the media type alone.
  const bool text = is_media(b.media_type, "TEXT");
  const bool message = is_media(b.media_type, "MESSAGE") &&
                       (is_media(b.media_subtype, "RFC822") || is_media(b.media_subtype, "GLOBAL"));
  const kind_t expected = text ? kind_t::text : message ? kind_t::message : kind_t::basic;
  if (b.kind != expected || !b.multipart_params.empty() ||
      (b.kind != kind_t::message && (!b.parts.empty() || !b.message_envelope.empty())) ||
      (b.kind == kind_t::basic && b.lines != 0) ||
      (b.kind == kind_t::message && (b.parts.size() != 1 || b.message_envelope.size() != 1)) ||
      b.extension_fields > 4 || (b.extension_fields == 0 && !(b.md5 == imapkit::string{})))
    return w.fail(serialize_errc::invalid_value, "body-type-1part");
  string_value(w, b.media_type, "media-type");
  w.sp();
  string_value(w, b.media_subtype, "media-subtype");
  w.sp();
  if (!body_fields(w, b.fields)) return false;
  if (b.kind == kind_t::message) {
    w.sp();
    if (!envelope(w, b.message_envelope[0])) return false;
    w.sp();
    if (!body(w, b.parts[0])) return false;
  }
  if (b.kind != kind_t::basic) {
    w.sp();
    w.number64(b.lines);
  }
  if (b.extension_fields == 0) return w.ok();
  w.sp();
  w.nstring(b.md5);
  return body_ext_after_first(w, b);
}

// body-type-mpart = 1*body SP media-subtype [SP body-ext-mpart]
// body-ext-mpart  = body-fld-param [SP body-fld-dsp [SP body-fld-lang [SP body-fld-loc ...]]]
bool body_type_mpart(writer& w, const imapkit::body_structure& b) {
  if (b.parts.empty() || !b.media_type.is_nil() || !(b.fields == imapkit::body_fields{}) ||
      b.lines != 0 || !b.message_envelope.empty() || !(b.md5 == imapkit::string{}) ||
      b.extension_fields > 4 || (b.extension_fields == 0 && !b.multipart_params.empty()))
    return w.fail(serialize_errc::invalid_value, "body-type-mpart");
  for (const auto& part : b.parts)
    if (!body(w, part)) return false;
  w.sp();
  string_value(w, b.media_subtype, "media-subtype");
  if (b.extension_fields == 0) return w.ok();
  w.sp();
  body_fld_param(w, b.multipart_params);
  return body_ext_after_first(w, b);
}

// body = "(" (body-type-1part / body-type-mpart) ")"
bool body(writer& w, const imapkit::body_structure& b) {
  if (!w.ok()) return false;
  w.raw("(");
  if (b.kind == imapkit::body_structure::kind_t::multipart) {
    if (!body_type_mpart(w, b)) return false;
  } else if (!body_type_1part(w, b)) {
    return false;
  }
  w.raw(")");
  return w.ok();
}

// ---------------------------------------------------------------------------------------------
// msg-att

// "<" number ">"
void origin_octet(writer& w, const std::optional<std::uint32_t>& origin) {
  if (!origin) return;
  w.raw("<");
  w.number(*origin);
  w.raw(">");
}

// X-GM-LABELS' label = "\" atom / astring
bool gmail_label(writer& w, const imapkit::string& l) {
  if (l.is_nil()) return w.fail(serialize_errc::invalid_value, "X-GM-LABELS");
  if (!l.value.empty() && l.value.front() == '\\' && is_valid_atom(l.value.substr(1))) {
    w.raw(l.value);
    return w.ok();
  }
  return w.astring(l.value);  // quotes anything with a backslash
}

// The name of an unknown FETCH item must not be read as a known one.
bool is_known_fetch_name(std::string_view name) {
  for (std::string_view word :
       {"FLAGS",       "MODSEQ",  "ENVELOPE",      "INTERNALDATE", "RFC822.SIZE", "RFC822.HEADER",
        "RFC822.TEXT", "RFC822",  "BODYSTRUCTURE", "BODY",         "UID",         "EMAILID",
        "THREADID",    "PREVIEW", "SAVEDATE",      "X-GM-MSGID",   "X-GM-THRID",  "X-GM-LABELS",
        "SNIPPET",     "X-GUID",  "X-MAILBOX"})
    if (starts_with_keyword(name, word)) return true;
  return istarts_with(name, "BODY[") || istarts_with(name, "BINARY[") ||
         istarts_with(name, "BINARY.SIZE[");
}

struct msg_att_encoder {
  writer& w;

  // "FLAGS" SP "(" [flag-fetch *(SP flag-fetch)] ")"
  bool operator()(const fetch_flags& f) {
    w.raw("FLAGS ");
    return w.flag_list(f.flags);
  }
  // "MODSEQ" SP "(" permsg-modsequence ")"
  bool operator()(const fetch_modseq& m) {
    w.raw("MODSEQ (");
    w.number64(m.value);
    w.raw(")");
    return w.ok();
  }
  // "ENVELOPE" SP envelope
  bool operator()(const fetch_envelope& e) {
    w.raw("ENVELOPE ");
    return envelope(w, e.value);
  }
  // "INTERNALDATE" SP date-time
  bool operator()(const fetch_internal_date& d) {
    w.raw("INTERNALDATE ");
    return w.date_time(d.value);
  }
  // "RFC822.SIZE" SP number64
  bool operator()(const fetch_rfc822_size& s) {
    w.raw("RFC822.SIZE ");
    return w.number64(s.value);
  }
  // "RFC822" [".HEADER" / ".TEXT"] SP nstring
  bool operator()(const fetch_rfc822& r) {
    switch (r.part) {
      case fetch_rfc822::part_t::whole:
        w.raw("RFC822 ");
        break;
      case fetch_rfc822::part_t::header:
        w.raw("RFC822.HEADER ");
        break;
      case fetch_rfc822::part_t::text:
        w.raw("RFC822.TEXT ");
        break;
      default:
        return w.fail(serialize_errc::invalid_value, "msg-att-static");
    }
    return w.nstring(r.data);
  }
  // "BODY" SP body / "BODYSTRUCTURE" SP body
  bool operator()(const fetch_body_structure& b) {
    w.raw(b.extensible ? "BODYSTRUCTURE " : "BODY ");
    return body(w, b.value);
  }
  // "BODY" section ["<" number ">"] SP nstring
  bool operator()(const fetch_body_section& b) {
    w.raw("BODY");
    if (!section(w, b.section)) return false;
    origin_octet(w, b.origin);
    w.sp();
    return w.nstring(b.data);
  }
  // "BINARY" section-binary ["<" number ">"] SP (nstring / literal8)
  bool operator()(const fetch_binary& b) {
    w.raw("BINARY");
    if (!section_binary(w, b.section)) return false;
    origin_octet(w, b.origin);
    w.sp();
    return w.nstring(b.data, true);
  }
  // "BINARY.SIZE" section-binary SP number
  bool operator()(const fetch_binary_size& b) {
    w.raw("BINARY.SIZE");
    if (!section_binary(w, b.section)) return false;
    w.sp();
    return w.number(b.size);
  }
  // "UID" SP uniqueid
  bool operator()(const fetch_uid& u) {
    w.raw("UID ");
    return w.nz_number(u.value);
  }
  // "EMAILID" SP "(" objectid ")" / "THREADID" SP ("(" objectid ")" / nil)
  bool operator()(const fetch_object_id& o) {
    const bool thread = o.which == fetch_object_id::which_t::thread_id;
    if (!thread && o.which != fetch_object_id::which_t::email_id)
      return w.fail(serialize_errc::invalid_value, "msg-att");
    if (o.is_nil) {
      if (!thread || !o.id.empty()) return w.fail(serialize_errc::invalid_value, "THREADID");
      w.raw("THREADID NIL");
      return w.ok();
    }
    w.raw(thread ? "THREADID (" : "EMAILID (");
    objectid(w, o.id);
    w.raw(")");
    return w.ok();
  }
  // "PREVIEW" SP nstring
  bool operator()(const fetch_preview& p) {
    w.raw("PREVIEW ");
    return w.nstring(p.text);
  }
  // "SAVEDATE" SP (date-time / nil)
  bool operator()(const fetch_save_date& s) {
    w.raw("SAVEDATE ");
    if (!s.value) {
      w.raw("NIL");
      return w.ok();
    }
    return w.date_time(*s.value);
  }
  // "X-GM-MSGID" SP number64 / "X-GM-THRID" SP number64
  bool operator()(const fetch_gmail_id& g) {
    if (g.which == fetch_gmail_id::which_t::message_id)
      w.raw("X-GM-MSGID ");
    else if (g.which == fetch_gmail_id::which_t::thread_id)
      w.raw("X-GM-THRID ");
    else
      return w.fail(serialize_errc::invalid_value, "msg-att");
    return w.number64(g.value);
  }
  // "X-GM-LABELS" SP "(" [label *(SP label)] ")"
  bool operator()(const fetch_gmail_labels& g) {
    w.raw("X-GM-LABELS (");
    if (!sp_separated(w, g.labels, [&](const imapkit::string& l) { return gmail_label(w, l); }))
      return false;
    w.raw(")");
    return w.ok();
  }
  // "SNIPPET" SP "(" atom SP nstring ")"
  bool operator()(const fetch_snippet& s) {
    w.raw("SNIPPET (");
    if (!is_valid_atom(s.algorithm)) return w.fail(serialize_errc::invalid_atom, "SNIPPET");
    w.raw(s.algorithm).sp();
    w.nstring(s.text);
    w.raw(")");
    return w.ok();
  }
  // "X-GUID" SP astring
  bool operator()(const fetch_x_guid& g) {
    w.raw("X-GUID ");
    return astring_value(w, g.guid, "X-GUID");
  }
  // "X-MAILBOX" SP mailbox
  bool operator()(const fetch_x_mailbox& m) {
    w.raw("X-MAILBOX ");
    return w.mailbox(m.mailbox);
  }
  // Any other item: a name (a token, "[section]<n>" included) SP a generic value.
  bool operator()(const fetch_other& o) {
    if (is_known_fetch_name(o.name)) return w.fail(serialize_errc::invalid_value, "msg-att");
    // The name is a token like a generic value's atom: generic_value checks and writes it.
    imapkit::generic_value name;
    name.kind = imapkit::generic_value::kind_t::atom;
    name.text = imapkit::string::atom(o.name);
    if (!w.generic_value(name)) return false;
    w.sp();
    return w.generic_value(o.value);
  }
};

// msg-att = "(" (msg-att-dynamic / msg-att-static) *(SP (msg-att-dynamic / msg-att-static)) ")"
bool msg_att(writer& w, const msg_att_list& items) {
  if (items.empty()) return w.fail(serialize_errc::invalid_value, "msg-att");
  w.raw("(");
  if (!sp_separated(w, items, [&](const imapkit::msg_att& a) {
        return std::visit(msg_att_encoder{w}, a.value);
      }))
    return false;
  w.raw(")");
  return w.ok();
}

// message-data = nz-number SP "FETCH" SP msg-att
bool message_data(writer& w, const fetch_data& f) {
  if (!w.nz_number(f.number)) return false;
  w.raw(" FETCH ");
  return msg_att(w, f.attributes);
}

// Untagged data this library does not know: [number SP] atom *(SP value) (read in lenient mode).
bool generic_data(writer& w, const imapkit::generic_data& d) {
  if (!is_valid_atom(d.name)) return w.fail(serialize_errc::invalid_atom, "untagged data");
  // The name must not be read as known data, nor (without a number) as the number of
  // "* 5 FOO".
  static constexpr std::string_view keywords[] = {
      "OK",        "NO",      "BAD",  "PREAUTH",    "BYE",       "CAPABILITY",
      "FLAGS",     "LIST",    "LSUB", "STATUS",     "SEARCH",    "ESEARCH",
      "NAMESPACE", "ENABLED", "SORT", "THREAD",     "QUOTAROOT", "QUOTA",
      "METADATA",  "ID",      "ACL",  "LISTRIGHTS", "MYRIGHTS",  "VANISHED"};
  for (std::string_view k : keywords)
    if (starts_with_keyword(d.name, k))
      return w.fail(serialize_errc::invalid_value, "untagged data");
  if (d.number) {
    for (std::string_view k : {"EXISTS", "RECENT", "EXPUNGE", "FETCH"})
      if (starts_with_keyword(d.name, k))
        return w.fail(serialize_errc::invalid_value, "untagged data");
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

serialize_error serialize(const response& r, sink& out, const serialize_options& options) {
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
