// mime: the MIME walker of the example server (see mime.hpp).
//
// The message is read once into a tree of entities (a header and a body each, views into the
// message bytes) with their parsed MIME fields; ENVELOPE, BODYSTRUCTURE and sections are then
// computed from the tree. Dovecot 2.3 is the reference for every choice the RFCs leave open:
// such places say "Dovecot" in their comment.
#include "mime.hpp"

#include <algorithm>
#include <cstddef>
#include <utility>

namespace server {

namespace {

// --- Small helpers ----------------------------------------------------------------------------

char ascii_lower(char c) noexcept { return c >= 'A' && c <= 'Z' ? static_cast<char>(c + 32) : c; }

bool iequals(std::string_view a, std::string_view b) noexcept {
  if (a.size() != b.size()) return false;
  for (std::size_t i = 0; i < a.size(); ++i)
    if (ascii_lower(a[i]) != ascii_lower(b[i])) return false;
  return true;
}

bool is_wsp(char c) noexcept { return c == ' ' || c == '\t'; }
bool is_lwsp(char c) noexcept { return c == ' ' || c == '\t' || c == '\r' || c == '\n'; }

// Unfolding as Dovecot does it for the values it passes through (ENVELOPE date/subject,
// Content-Description, ...): the CR and LF characters of the folds are dropped, the whitespace
// after them stays.
std::string unfold(std::string_view s) {
  std::string out;
  out.reserve(s.size());
  for (char c : s)
    if (c != '\r' && c != '\n') out.push_back(c);
  return out;
}

// A header value as Dovecot passes it through (its "nolf" strings: ENVELOPE date, in-reply-to
// and message-id, Content-ID, Content-Description, ...): whitespace before the value on the
// field's first line skipped, the CR and LF of folds dropped, everything else (trailing
// whitespace included) kept.
std::string raw_value(std::string_view value) {
  while (!value.empty() && is_wsp(value.front())) value.remove_prefix(1);
  return unfold(value);
}

// Dovecot's imap_append_string_for_humans(), which it uses for the ENVELOPE subject and
// address display names: every run of whitespace (SP, TAB, CR, LF) becomes one space, leading
// and trailing whitespace goes, NUL becomes 0x80.
std::string for_humans(std::string_view value) {
  std::string out;
  bool pending_space = false;
  for (char c : value) {
    if (is_lwsp(c)) {
      pending_space = !out.empty();
      continue;
    }
    if (pending_space) out.push_back(' ');
    pending_space = false;
    out.push_back(c == '\0' ? static_cast<char>(0x80) : c);
  }
  return out;
}

std::size_t count_lf(std::string_view s) noexcept {
  return static_cast<std::size_t>(std::count(s.begin(), s.end(), '\n'));
}

// The end of the line starting at `pos` (just past its LF), or s.size() for a last line without
// one.
std::size_t line_end(std::string_view s, std::size_t pos) noexcept {
  const std::size_t lf = s.find('\n', pos);
  return lf == std::string_view::npos ? s.size() : lf + 1;
}

// --- Header fields ----------------------------------------------------------------------------

struct header_field {
  std::string_view name;   // without the colon, trailing whitespace removed
  std::string_view value;  // raw: after the colon, folds included, without the final line end
  std::string_view whole;  // the field's bytes, folds and final line end included
};

// Splits a header block into fields. A line without a colon that is not a continuation is kept
// as a field of its own with an empty value (Dovecot does the same), so that section fetches
// reproduce it.
std::vector<header_field> parse_fields(std::string_view header) {
  std::vector<header_field> fields;
  std::size_t pos = 0;
  while (pos < header.size()) {
    const std::size_t start = pos;
    std::size_t end = line_end(header, pos);
    // A line that is only CRLF / LF is the separator: the header ends there.
    const std::string_view first_line = header.substr(start, end - start);
    if (first_line == "\r\n" || first_line == "\n") break;
    while (end < header.size() && is_wsp(header[end])) end = line_end(header, end);
    const std::string_view whole = header.substr(start, end - start);
    std::string_view content = whole;
    while (!content.empty() && (content.back() == '\n' || content.back() == '\r'))
      content.remove_suffix(1);
    const std::size_t colon = content.find(':');
    header_field field;
    field.whole = whole;
    if (colon == std::string_view::npos) {
      field.name = content;
    } else {
      field.name = content.substr(0, colon);
      while (!field.name.empty() && is_wsp(field.name.back())) field.name.remove_suffix(1);
      field.value = content.substr(colon + 1);
    }
    fields.push_back(field);
    pos = end;
  }
  return fields;
}

// The first field called `name`, nullptr when there is none. Dovecot reads the MIME fields
// (Content-*) from their first occurrence.
const header_field* find_field(const std::vector<header_field>& fields, std::string_view name) {
  for (const header_field& f : fields)
    if (iequals(f.name, name)) return &f;
  return nullptr;
}

// The last field called `name`: for the ENVELOPE's string fields (date, subject, in-reply-to,
// message-id), where Dovecot keeps the last occurrence.
const header_field* find_last_field(const std::vector<header_field>& fields,
                                    std::string_view name) {
  const header_field* last = nullptr;
  for (const header_field& f : fields)
    if (iequals(f.name, name)) last = &f;
  return last;
}

// --- RFC 5322 / RFC 2045 lexical scanning ------------------------------------------------------

// A cursor over a structured field value: skips comments and whitespace, reads tokens, atoms
// and quoted strings.
class scanner {
 public:
  explicit scanner(std::string_view text) : text_(text) {}

  bool at_end() const noexcept { return pos_ >= text_.size(); }
  char peek() const noexcept { return at_end() ? '\0' : text_[pos_]; }
  void advance() noexcept { ++pos_; }
  std::size_t position() const noexcept { return pos_; }
  void seek(std::size_t pos) noexcept { pos_ = pos; }

  // Skips whitespace and (nested) comments, remembering the last comment.
  void skip_cfws() {
    while (!at_end()) {
      const char c = text_[pos_];
      if (is_lwsp(c)) {
        ++pos_;
      } else if (c == '(') {
        const std::size_t start = pos_ + 1;
        int depth = 0;
        while (!at_end()) {
          const char d = text_[pos_];
          if (d == '\\' && pos_ + 1 < text_.size()) {
            pos_ += 2;
            continue;
          }
          ++pos_;
          if (d == '(') ++depth;
          if (d == ')' && --depth == 0) break;
        }
        const std::size_t stop = depth == 0 ? pos_ - 1 : pos_;
        last_comment_ = text_.substr(start, stop - start);
        any_comment_ = true;
      } else {
        break;
      }
    }
  }
  // The last comment skipped since forget_comments(), if any.
  void forget_comments() noexcept { any_comment_ = false; }
  bool any_comment() const noexcept { return any_comment_; }
  std::string_view last_comment() const noexcept { return last_comment_; }

  // RFC 2045 token: any printable ASCII except SP and tspecials.
  static bool is_token_char(char c) noexcept {
    if (static_cast<unsigned char>(c) <= 32 || c == 127) return false;
    return std::string_view("()<>@,;:\\\"/[]?=").find(c) == std::string_view::npos;
  }
  // RFC 5322 atext, plus the 8-bit bytes of RFC 6532.
  static bool is_atom_char(char c) noexcept {
    if (static_cast<unsigned char>(c) >= 128) return true;
    if (static_cast<unsigned char>(c) <= 32 || c == 127) return false;
    return std::string_view("()<>[]:;@\\,.\"").find(c) == std::string_view::npos;
  }

  std::string_view token() {
    const std::size_t start = pos_;
    while (!at_end() && is_token_char(text_[pos_])) ++pos_;
    return text_.substr(start, pos_ - start);
  }
  std::string_view atom() {
    const std::size_t start = pos_;
    while (!at_end() && is_atom_char(text_[pos_])) ++pos_;
    return text_.substr(start, pos_ - start);
  }
  // A quoted string at the cursor (which is on the opening quote), unescaped. Folds inside are
  // unfolded (CR LF dropped).
  std::string quoted() {
    std::string out;
    ++pos_;
    while (!at_end()) {
      const char c = text_[pos_++];
      if (c == '"') break;
      if (c == '\\' && !at_end()) {
        out.push_back(text_[pos_++]);
      } else if (c != '\r' && c != '\n') {
        out.push_back(c);
      }
    }
    return out;
  }

 private:
  std::string_view text_;
  std::size_t pos_ = 0;
  bool any_comment_ = false;
  std::string_view last_comment_;
};

// --- Content-Type / Content-Disposition parameters ----------------------------------------------

using param_list = std::vector<std::pair<std::string, std::string>>;

// Reads `; attribute=value` pairs. RFC 2231 continuations are merged the way Dovecot's
// rfc2231_parse() does it, because Dovecot sends them merged: name*0, name*1... become one
// "name" (or "name*" when any piece was extended, the value then staying %-encoded), appended
// after the plain parameters, sorted by name. Pieces with a gap in their numbering are sent
// unmerged.
param_list parse_params(scanner& in) {
  struct continuation {
    std::string key;
    unsigned index = 0;
    bool extended = false;
    std::string value;
  };
  param_list plain;
  std::vector<continuation> pieces;
  // Dovecot quirk: a piece without a number ("name*=...") keeps the number of the piece read
  // before it (0 if none), so it may end up unmerged as "name*2*".
  unsigned last_index = 0;
  for (;;) {
    in.skip_cfws();
    if (in.peek() != ';') break;
    in.advance();
    in.skip_cfws();
    std::string key(in.token());
    if (key.empty()) break;
    in.skip_cfws();
    if (in.peek() != '=') break;
    in.advance();
    in.skip_cfws();
    std::string value;
    if (in.peek() == '"') {
      value = in.quoted();
    } else {
      value = std::string(in.token());
      if (value.empty()) break;
    }
    const std::size_t star = key.find('*');
    if (star == std::string::npos) {
      plain.emplace_back(std::move(key), std::move(value));
      continue;
    }
    // "name*" is an extended piece; "name*3" piece 3; "name*3*" piece 3, extended. Anything
    // else with a star is an ordinary parameter.
    continuation piece;
    std::size_t p = star;
    piece.index = last_index;
    if (p + 1 < key.size()) {
      ++p;
      piece.index = 0;
      while (p < key.size() && key[p] >= '0' && key[p] <= '9')
        piece.index = piece.index * 10 + static_cast<unsigned>(key[p++] - '0');
    }
    if (p < key.size() && key[p] == '*') {
      piece.extended = true;
      ++p;
    }
    if (p != key.size()) {
      plain.emplace_back(std::move(key), std::move(value));
      continue;
    }
    last_index = piece.index;
    piece.key = key.substr(0, star);
    piece.value = std::move(value);
    pieces.push_back(std::move(piece));
  }
  // Dovecot sorts the pieces by name (case-sensitively) and number.
  std::stable_sort(pieces.begin(), pieces.end(), [](const continuation& a, const continuation& b) {
    if (a.key != b.key) return a.key < b.key;
    return a.index < b.index;
  });
  for (std::size_t i = 0; i < pieces.size();) {
    std::size_t j = i;
    bool contiguous = true;
    bool any_extended = false;
    for (unsigned expected = 0; j < pieces.size() && pieces[j].key == pieces[i].key;
         ++j, ++expected) {
      if (pieces[j].index != expected) contiguous = false;
      any_extended = any_extended || pieces[j].extended;
    }
    if (!contiguous) {
      for (std::size_t k = i; k < j; ++k) {
        std::string key = pieces[k].key + "*" + std::to_string(pieces[k].index);
        if (pieces[k].extended) key += "*";
        plain.emplace_back(std::move(key), pieces[k].value);
      }
    } else {
      std::string value;
      for (std::size_t k = i; k < j; ++k) {
        // Dovecot joins the pieces as they stand: an unextended piece after an extended one is
        // not %-escaped (RFC 2231 would want it to be).
        value += pieces[k].value;
      }
      plain.emplace_back(any_extended ? pieces[i].key + "*" : pieces[i].key, std::move(value));
    }
    i = j;
  }
  return plain;
}

// --- Addresses (RFC 5322 §3.4, with the obsolete route syntax of §4.4) --------------------------
//
// The parse follows Dovecot's message_address_parse() in what it makes of broken input, since
// ENVELOPE must match it: missing parts become "MISSING_MAILBOX" / "MISSING_DOMAIN", a bare
// address takes its comment as display name, and the list ends at the first address that is not
// followed by a comma.

struct parsed_address {
  std::optional<std::string> name;
  std::optional<std::string> adl;
  std::optional<std::string> mailbox;
  std::optional<std::string> host;
};

// Words of a phrase: atoms (dots allowed, as obs-phrase has them) and quoted strings, joined
// with single spaces (Dovecot's rfc822_parse_phrase()). Empty when there is no word.
std::string read_phrase(scanner& in) {
  std::string phrase;
  bool any = false;
  for (;;) {
    in.skip_cfws();
    std::string word;
    bool is_word = false;
    if (in.peek() == '"') {
      word = in.quoted();
      is_word = true;
    } else {
      while (!in.at_end() && (scanner::is_atom_char(in.peek()) || in.peek() == '.')) {
        word.push_back(in.peek());
        in.advance();
      }
      is_word = !word.empty();
    }
    if (!is_word) break;
    if (any) phrase.push_back(' ');
    phrase += word;
    any = true;
  }
  return phrase;
}

// dot-atom / quoted-string words joined by dots (a quoted part is taken without its quotes:
// Dovecot sends "quoted local"@example.com as the mailbox name `quoted local`).
std::string read_local_part(scanner& in) {
  std::string local;
  for (;;) {
    in.skip_cfws();
    if (in.peek() == '"') {
      local += in.quoted();
    } else {
      const std::string_view atom = in.atom();
      if (atom.empty()) break;
      local += atom;
    }
    in.skip_cfws();
    if (in.peek() != '.') break;
    in.advance();
    local += '.';
  }
  return local;
}

std::string read_domain(scanner& in) {
  std::string domain;
  for (;;) {
    in.skip_cfws();
    if (in.peek() == '[') {
      while (!in.at_end() && in.peek() != ']') {
        domain.push_back(in.peek());
        in.advance();
      }
      if (!in.at_end()) {
        domain.push_back(']');
        in.advance();
      }
    } else {
      const std::string_view atom = in.atom();
      if (atom.empty()) break;
      domain += atom;
    }
    in.skip_cfws();
    if (in.peek() != '.') break;
    in.advance();
    domain += '.';
  }
  return domain;
}

// addr-spec, with Dovecot's reading of what is not one: the last comment inside is the display
// name; a local part without "@domain" that was quoted or is followed by more words is a display
// name with no address at all ("Only Phrase").
void read_addr_spec(scanner& in, parsed_address& out) {
  in.forget_comments();
  in.skip_cfws();
  const bool quoted = in.peek() == '"';
  std::string local = read_local_part(in);
  bool has_domain = false;
  std::string domain;
  if (in.peek() == '@') {
    in.advance();
    has_domain = true;
    domain = read_domain(in);
  }
  in.skip_cfws();
  if (in.any_comment() && !in.last_comment().empty()) {
    out.name = std::string(in.last_comment());
  } else if (!has_domain) {
    const std::string rest = read_phrase(in);
    if (!rest.empty() || quoted) {
      out.name = local + " " + rest;
      local.clear();
    }
  }
  out.mailbox = local.empty() ? std::string("MISSING_MAILBOX") : local;
  out.host = domain.empty() ? std::string("MISSING_DOMAIN") : domain;
}

// name-addr: [phrase] "<" [route ":"] addr-spec ">". False (cursor unspecified) when the text is
// not one.
bool read_name_addr(scanner& in, parsed_address& out) {
  const std::string phrase = read_phrase(in);
  in.skip_cfws();
  if (in.peek() != '<') return false;
  in.advance();
  in.skip_cfws();
  if (in.peek() == '@') {
    std::string route;
    while (!in.at_end() && in.peek() != ':' && in.peek() != '>') {
      if (!is_lwsp(in.peek())) route.push_back(in.peek());
      in.advance();
    }
    if (in.peek() == ':') in.advance();
    out.adl = route;
  }
  read_addr_spec(in, out);
  // The display name is the phrase; an empty one is NIL.
  out.name.reset();
  if (!phrase.empty()) out.name = phrase;
  in.skip_cfws();
  if (in.peek() == '>') in.advance();
  return true;
}

void read_mailbox(scanner& in, std::vector<parsed_address>& out) {
  const std::size_t start = in.position();
  parsed_address address;
  if (!read_name_addr(in, address)) {
    in.seek(start);
    address = parsed_address{};
    read_addr_spec(in, address);
  }
  out.push_back(std::move(address));
}

// group: display-name ":" [mailbox-list] ";". False (cursor unspecified) when not a group.
bool read_group(scanner& in, std::vector<parsed_address>& out) {
  const std::string name = read_phrase(in);
  if (name.empty()) return false;
  in.skip_cfws();
  if (in.peek() != ':') return false;
  in.advance();
  parsed_address group_start;  // (NIL NIL "name" NIL)
  group_start.mailbox = name;
  out.push_back(std::move(group_start));
  in.skip_cfws();
  if (in.peek() != ';') {
    while (!in.at_end()) {
      read_mailbox(in, out);
      in.skip_cfws();
      if (in.peek() != ',') break;
      in.advance();
    }
  }
  if (in.peek() == ';') in.advance();
  out.push_back(parsed_address{});  // (NIL NIL NIL NIL)
  return true;
}

std::vector<parsed_address> parse_address_list(std::string_view value) {
  std::vector<parsed_address> out;
  scanner in(value);
  in.skip_cfws();
  while (!in.at_end()) {
    const std::size_t start = in.position();
    const std::size_t count = out.size();
    if (!read_group(in, out)) {
      in.seek(start);
      out.resize(count);
      read_mailbox(in, out);
    }
    in.skip_cfws();
    if (in.peek() != ',') break;  // Dovecot ignores whatever follows a missing comma
    in.advance();
    in.skip_cfws();
  }
  return out;
}

// --- Transfer decodings -------------------------------------------------------------------------

int hex_value(char c) noexcept {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  return -1;
}

void decode_base64(std::string_view in, std::string& out) {
  std::uint32_t bits = 0;
  int count = 0;
  for (char c : in) {
    int v;
    if (c >= 'A' && c <= 'Z')
      v = c - 'A';
    else if (c >= 'a' && c <= 'z')
      v = c - 'a' + 26;
    else if (c >= '0' && c <= '9')
      v = c - '0' + 52;
    else if (c == '+')
      v = 62;
    else if (c == '/')
      v = 63;
    else if (c == '=')
      break;
    else
      continue;  // line breaks and other noise are ignored (RFC 2045 §6.8)
    bits = (bits << 6) | static_cast<std::uint32_t>(v);
    if (++count == 4) {
      out.push_back(static_cast<char>((bits >> 16) & 0xff));
      out.push_back(static_cast<char>((bits >> 8) & 0xff));
      out.push_back(static_cast<char>(bits & 0xff));
      bits = 0;
      count = 0;
    }
  }
  if (count == 2) {
    out.push_back(static_cast<char>((bits >> 4) & 0xff));
  } else if (count == 3) {
    out.push_back(static_cast<char>((bits >> 10) & 0xff));
    out.push_back(static_cast<char>((bits >> 2) & 0xff));
  }
}

// RFC 2045 §6.7: "=XX" escapes, soft line breaks "=" CRLF, trailing whitespace of a line dropped.
void decode_quoted_printable(std::string_view in, std::string& out) {
  std::size_t pos = 0;
  while (pos < in.size()) {
    std::size_t end = line_end(in, pos);
    std::string_view line = in.substr(pos, end - pos);
    std::string_view newline;
    if (line.ends_with("\r\n"))
      newline = "\r\n";
    else if (line.ends_with("\n"))
      newline = "\n";
    line.remove_suffix(newline.size());
    while (!line.empty() && is_wsp(line.back())) line.remove_suffix(1);
    bool soft_break = false;
    for (std::size_t i = 0; i < line.size(); ++i) {
      if (line[i] != '=') {
        out.push_back(line[i]);
        continue;
      }
      if (i + 1 == line.size()) {
        soft_break = true;
        break;
      }
      const int high = i + 2 < line.size() ? hex_value(line[i + 1]) : -1;
      const int low = i + 2 < line.size() ? hex_value(line[i + 2]) : -1;
      if (high >= 0 && low >= 0) {
        out.push_back(static_cast<char>(high * 16 + low));
        i += 2;
      } else {
        out.push_back('=');  // a broken escape is kept as it stands
      }
    }
    if (!soft_break) out += newline;
    pos = end;
  }
}

}  // namespace

// --- The entity tree ----------------------------------------------------------------------------

namespace {

struct entity {
  std::string_view header;  // blank line included (when there was one)
  std::string_view body;
  std::vector<header_field> fields;

  // Content-Type; has_content_type false when the field is absent (then text/plain).
  bool has_content_type = false;
  std::string type, subtype;
  param_list params;
  std::optional<std::string> id, description, encoding, md5, location;
  bool encoding_unreadable = false;  // a Content-Transfer-Encoding field without a token
  std::optional<std::string> disposition;
  param_list disposition_params;
  std::optional<std::vector<std::string>> language;

  bool multipart = false;  // multipart/*
  bool message = false;    // message/rfc822: children[0] is the encapsulated message
  std::vector<entity> children;
};

void read_mime_fields(entity& e, bool in_digest) {
  if (const header_field* f = find_field(e.fields, "Content-Type")) {
    scanner in(f->value);
    in.skip_cfws();
    e.has_content_type = true;
    e.type = std::string(in.token());
    in.skip_cfws();
    if (in.peek() == '/') {
      in.advance();
      in.skip_cfws();
      e.subtype = std::string(in.token());
      e.params = parse_params(in);
    }
  } else if (in_digest) {
    // RFC 2046 §5.1.5: in a multipart/digest the default is message/rfc822.
    e.has_content_type = true;
    e.type = "message";
    e.subtype = "rfc822";
  }
  if (const header_field* f = find_field(e.fields, "Content-Transfer-Encoding")) {
    scanner in(f->value);
    in.skip_cfws();
    // An empty or unreadable value (quoted, say) leaves the default 7bit in BODYSTRUCTURE, but
    // BINARY refuses it as an unknown encoding (Dovecot does both).
    const std::string_view encoding = in.token();
    if (!encoding.empty()) e.encoding = std::string(encoding);
    e.encoding_unreadable = encoding.empty();
  }
  // Dovecot passes these through as they stand (trailing whitespace included).
  if (const header_field* f = find_field(e.fields, "Content-ID")) e.id = raw_value(f->value);
  if (const header_field* f = find_field(e.fields, "Content-Description"))
    e.description = raw_value(f->value);
  if (const header_field* f = find_field(e.fields, "Content-MD5")) e.md5 = raw_value(f->value);
  if (const header_field* f = find_field(e.fields, "Content-Location"))
    e.location = raw_value(f->value);
  if (const header_field* f = find_field(e.fields, "Content-Disposition")) {
    scanner in(f->value);
    in.skip_cfws();
    // Dovecot keeps a disposition whose type is missing: "; filename=x" is ("" ("filename" "x")).
    e.disposition = std::string(in.token());
    e.disposition_params = parse_params(in);
  }
  if (const header_field* f = find_field(e.fields, "Content-Language")) {
    // Dovecot: atoms separated by commas (comments allowed), stopping at the first non-atom.
    scanner in(f->value);
    std::vector<std::string> languages;
    in.skip_cfws();
    for (;;) {
      std::string tag;
      while (!in.at_end() && (scanner::is_atom_char(in.peek()) || in.peek() == '.'))
        tag.push_back(in.peek()), in.advance();
      if (tag.empty()) break;
      languages.push_back(std::move(tag));
      in.skip_cfws();
      if (in.peek() != ',') break;
      in.advance();
      in.skip_cfws();
    }
    if (!languages.empty()) e.language = std::move(languages);
  }
}

const std::string* find_param(const param_list& params, std::string_view name) {
  for (const auto& [key, value] : params)
    if (iequals(key, name)) return &value;
  return nullptr;
}

// Dovecot stops nesting at 100 levels: an entity at depth 99 (the top level is 0) that would have
// parts of its own (a multipart or a message/rfc822) is described as application/octet-stream,
// with its parameters kept, and its content is not looked into.
constexpr int max_depth = 99;

// Reads the message in one pass, the way Dovecot's message parser does: every "--boundary" line
// of every enclosing multipart is a delimiter at every depth (the longest boundary that the line
// begins with wins), so a part that is cut short by an outer delimiter ends there. RFC 2046
// §5.1.1: the line break before a delimiter line belongs to the delimiter; but never a line
// break before the start of the region being read, so a close delimiter's own line end stays in
// the multipart when the next delimiter line follows at once (Dovecot does the same).
class entity_reader {
 public:
  explicit entity_reader(std::string_view whole) : whole_(whole) {}

  struct stop {
    std::size_t end = 0;       // the end of the entity's bytes
    std::size_t position = 0;  // where reading stopped: a delimiter line, or the end
    int boundary = -1;         // the index of that delimiter's boundary, -1 at the end
  };

  stop read(entity& e, std::size_t start, bool in_digest, int depth) {
    // The header: up to the blank line, or up to a delimiter line (then the body is empty).
    std::size_t pos = start;
    std::size_t body_start = whole_.size();
    std::optional<stop> cut_short;
    while (pos < whole_.size()) {
      const int boundary = delimiter_at(pos);
      if (boundary >= 0) {
        body_start = strip_line_break(start, pos);
        cut_short = stop{body_start, pos, boundary};
        break;
      }
      const std::size_t next = line_end(whole_, pos);
      const std::string_view line = whole_.substr(pos, next - pos);
      pos = next;
      if (line == "\r\n" || line == "\n") {
        body_start = pos;
        break;
      }
    }
    e.header = whole_.substr(start, body_start - start);
    e.fields = parse_fields(e.header);
    read_mime_fields(e, in_digest);
    if (cut_short) {
      e.body = whole_.substr(body_start, 0);
      return *cut_short;
    }

    const bool multipart = iequals(e.type, "multipart");
    const bool message = iequals(e.type, "message") && iequals(e.subtype, "rfc822");
    if ((multipart || message) && depth >= max_depth) {
      e.type = "application";
      e.subtype = "octet-stream";
    } else if (multipart) {
      // Without a boundary the multipart has no parts: Dovecot then describes it as a
      // multipart holding one empty text/plain part (see empty_text_part), and part 1 does not
      // exist.
      e.multipart = true;
      const std::string* boundary = find_param(e.params, "boundary");
      if (boundary != nullptr && !boundary->empty())
        return finish(e, body_start, read_parts(e, *boundary, body_start, depth));
    } else if (message) {
      // Only MESSAGE/RFC822: Dovecot 2.3 describes MESSAGE/GLOBAL (RFC 6532) as a basic part,
      // with no envelope or body of its own, and its part numbers do not reach inside it,
      // although RFC 9051's body-type-msg allows GLOBAL.
      e.message = true;
      entity& inner = e.children.emplace_back();
      return finish(e, body_start, read(inner, body_start, false, depth + 1));
    }
    return finish(e, body_start, read_to_delimiter(body_start));
  }

 private:
  stop finish(entity& e, std::size_t body_start, const stop& s) {
    e.body = whole_.substr(body_start, s.end - body_start);
    return s;
  }

  // The index of the boundary whose delimiter line starts at `pos`, or -1.
  int delimiter_at(std::size_t pos) const {
    if (whole_.compare(pos, 2, "--") != 0) return -1;
    int best = -1;
    for (int i = static_cast<int>(boundaries_.size()) - 1; i >= 0; --i) {
      const std::string& b = boundaries_[static_cast<std::size_t>(i)];
      if (whole_.compare(pos + 2, b.size(), b) == 0 &&
          (best < 0 || b.size() > boundaries_[static_cast<std::size_t>(best)].size()))
        best = i;
    }
    return best;
  }

  // The end of a region that starts at `start` and is followed by a delimiter line at `pos`.
  std::size_t strip_line_break(std::size_t start, std::size_t pos) const {
    if (pos > start && whole_[pos - 1] == '\n') {
      --pos;
      if (pos > start && whole_[pos - 1] == '\r') --pos;
    }
    return pos;
  }

  // A region without structure (a leaf's body, a preamble, an epilogue): up to the next
  // delimiter line of any enclosing multipart.
  stop read_to_delimiter(std::size_t start) const {
    for (std::size_t pos = start; pos < whole_.size(); pos = line_end(whole_, pos)) {
      const int boundary = delimiter_at(pos);
      if (boundary >= 0) return {strip_line_break(start, pos), pos, boundary};
    }
    return {whole_.size(), whole_.size(), -1};
  }

  // The parts of a multipart, from its preamble to its epilogue.
  stop read_parts(entity& e, const std::string& boundary, std::size_t body_start, int depth) {
    boundaries_.push_back(boundary);
    const int own = static_cast<int>(boundaries_.size()) - 1;
    const bool digest = iequals(e.subtype, "digest");
    stop s = read_to_delimiter(body_start);  // the preamble
    while (s.boundary == own) {
      const std::size_t after_line = line_end(whole_, s.position);
      if (whole_.compare(s.position + 2 + boundary.size(), 2, "--") == 0) {
        // The close delimiter: the epilogue runs to an enclosing delimiter or the end.
        boundaries_.pop_back();
        return read_to_delimiter(after_line);
      }
      entity& child = e.children.emplace_back();
      s = read(child, after_line, digest, depth + 1);
    }
    // The end of the data, or an enclosing multipart's delimiter, before the close delimiter.
    boundaries_.pop_back();
    return s;
  }

  std::string_view whole_;
  std::vector<std::string> boundaries_;  // of the enclosing multiparts, outermost first
};

}  // namespace

struct mime_message::impl {
  std::string_view bytes;
  entity root;
};

mime_message::mime_message(std::string_view bytes) : impl_(new impl) {
  impl_->bytes = bytes;
  entity_reader(bytes).read(impl_->root, 0, false, 0);
}

mime_message::~mime_message() { delete impl_; }

mime_message::mime_message(mime_message&& other) noexcept : impl_(other.impl_) {
  other.impl_ = nullptr;
}

mime_message& mime_message::operator=(mime_message&& other) noexcept {
  if (this != &other) {
    delete impl_;
    impl_ = other.impl_;
    other.impl_ = nullptr;
  }
  return *this;
}

std::string_view mime_message::bytes() const noexcept { return impl_->bytes; }
std::string_view mime_message::header() const noexcept { return impl_->root.header; }
std::string_view mime_message::text() const noexcept { return impl_->root.body; }

// --- ENVELOPE -----------------------------------------------------------------------------------

namespace {

imapkit::string copy_string(imapkit::arena& arena, std::string_view value) {
  return imapkit::string::quoted(arena.copy(value));
}

imapkit::string copy_nstring(imapkit::arena& arena, const std::optional<std::string>& value) {
  return value ? copy_string(arena, *value) : imapkit::string::nil();
}

imapkit::string raw_nstring(imapkit::arena& arena, const header_field* field) {
  return field == nullptr ? imapkit::string::nil() : copy_string(arena, raw_value(field->value));
}

// The addresses of every field called `name`, in order: Dovecot joins repeated address fields
// (two From: fields give one list of both).
imapkit::address_list address_list_of(imapkit::arena& arena, const entity& e,
                                      std::string_view name) {
  imapkit::address_list list;
  for (const header_field& field : e.fields) {
    if (!iequals(field.name, name)) continue;
    for (const parsed_address& a : parse_address_list(unfold(field.value))) {
      imapkit::address& out = list.emplace_back(arena);
      out.name = a.name ? copy_string(arena, for_humans(*a.name)) : imapkit::string::nil();
      out.adl = copy_nstring(arena, a.adl);
      out.mailbox = copy_nstring(arena, a.mailbox);
      out.host = copy_nstring(arena, a.host);
    }
  }
  return list;
}

imapkit::envelope envelope_of(const entity& e, imapkit::arena& arena) {
  imapkit::envelope env;
  env.date = raw_nstring(arena, find_last_field(e.fields, "Date"));
  const header_field* subject = find_last_field(e.fields, "Subject");
  env.subject = subject ? copy_string(arena, for_humans(subject->value)) : imapkit::string::nil();
  env.from = address_list_of(arena, e, "From");
  env.sender = address_list_of(arena, e, "Sender");
  env.reply_to = address_list_of(arena, e, "Reply-To");
  // RFC 9051 §7.5.2: the server defaults Sender and Reply-To to From.
  if (env.sender.empty()) env.sender = env.from;
  if (env.reply_to.empty()) env.reply_to = env.from;
  env.to = address_list_of(arena, e, "To");
  env.cc = address_list_of(arena, e, "Cc");
  env.bcc = address_list_of(arena, e, "Bcc");
  env.in_reply_to = raw_nstring(arena, find_last_field(e.fields, "In-Reply-To"));
  env.message_id = raw_nstring(arena, find_last_field(e.fields, "Message-ID"));
  return env;
}

// --- BODY / BODYSTRUCTURE -----------------------------------------------------------------------

imapkit::body_params params_of(imapkit::arena& arena, const param_list& params) {
  imapkit::body_params out;
  for (const auto& [key, value] : params)
    out.push_back(arena, {copy_string(arena, key), copy_string(arena, value)});
  return out;
}

// The values Dovecot writes for an empty multipart (a multipart whose boundary never occurs):
// one empty text/plain part, because body-type-mpart needs at least one body.
imapkit::body_structure empty_text_part(imapkit::arena& arena, bool extended) {
  imapkit::body_structure b;
  b.kind = imapkit::body_structure::kind_t::text;
  b.media_type = imapkit::string::quoted("text");
  b.media_subtype = imapkit::string::quoted("plain");
  b.fields.params.push_back(
      arena, {imapkit::string::quoted("charset"), imapkit::string::quoted("us-ascii")});
  b.fields.encoding = imapkit::string::quoted("7bit");
  if (extended) b.extension_fields = 4;
  return b;
}

void add_extension_data(const entity& e, imapkit::body_structure& b, imapkit::arena& arena) {
  // Dovecot always sends all four extension fields, NIL where a header is absent.
  b.extension_fields = 4;
  if (e.disposition) {
    b.disposition.type = copy_string(arena, *e.disposition);
    b.disposition.params = params_of(arena, e.disposition_params);
  }
  if (e.language)
    for (const std::string& tag : *e.language) b.language.push_back(arena, copy_string(arena, tag));
  b.location = copy_nstring(arena, e.location);
}

imapkit::body_structure structure_of(const entity& e, imapkit::arena& arena, bool extended) {
  imapkit::body_structure b;
  if (e.multipart) {
    b.kind = imapkit::body_structure::kind_t::multipart;
    b.media_subtype = copy_string(arena, e.subtype);
    if (e.children.empty()) {
      b.parts.push_back(arena, empty_text_part(arena, extended));
    } else {
      for (const entity& child : e.children)
        b.parts.push_back(arena, structure_of(child, arena, extended));
    }
    if (extended) {
      b.multipart_params = params_of(arena, e.params);
      add_extension_data(e, b, arena);
    }
    return b;
  }
  const bool text = !e.has_content_type || iequals(e.type, "text");
  if (e.has_content_type) {
    b.media_type = copy_string(arena, e.type);
    b.media_subtype = copy_string(arena, e.subtype);
  } else {
    b.media_type = imapkit::string::quoted("text");
    b.media_subtype = imapkit::string::quoted("plain");
  }
  b.fields.params = params_of(arena, e.params);
  // Dovecot adds charset=us-ascii to every text part that names no charset (RFC 2045 §5.2's
  // default made explicit).
  if (text && find_param(e.params, "charset") == nullptr)
    b.fields.params.push_back(
        arena, {imapkit::string::quoted("charset"), imapkit::string::quoted("us-ascii")});
  b.fields.id = copy_nstring(arena, e.id);
  b.fields.description = copy_nstring(arena, e.description);
  b.fields.encoding =
      e.encoding ? copy_string(arena, *e.encoding) : imapkit::string::quoted("7bit");
  b.fields.octets = static_cast<std::uint32_t>(e.body.size());
  if (e.message && !e.children.empty()) {
    b.kind = imapkit::body_structure::kind_t::message;
    b.message_envelope.push_back(arena, envelope_of(e.children.front(), arena));
    b.parts.push_back(arena, structure_of(e.children.front(), arena, extended));
    b.lines = count_lf(e.body);
  } else if (text) {
    b.kind = imapkit::body_structure::kind_t::text;
    b.lines = count_lf(e.body);
  } else {
    b.kind = imapkit::body_structure::kind_t::basic;
  }
  if (extended) {
    b.md5 = copy_nstring(arena, e.md5);
    add_extension_data(e, b, arena);
  }
  return b;
}

// --- Sections -----------------------------------------------------------------------------------

// RFC 9051 §6.4.5 part numbering: in a multipart, n is its n-th part; a non-multipart message
// has only part 1, its body; a MESSAGE/RFC822 part's numbers continue inside the message it
// encapsulates. Dovecot extends the "part 1 of a non-multipart" rule to every non-multipart
// entity, once: BODY[1.1] is BODY[1] when part 1 is a text part of a multipart (but BODY[1.1.1]
// is nothing), and BODY[1.1] of a text/plain message is nothing.
const entity* find_part(const entity& root, std::span<const std::uint32_t> numbers) {
  // message: at a (top-level or encapsulated) message; child: at a part of a multipart;
  // selected: at a non-multipart entity whose own part 1 was taken.
  enum class position { message, child, selected };
  const entity* current = &root;
  position at = position::message;
  for (std::uint32_t n : numbers) {
    if (at != position::message && current->message && !current->children.empty()) {
      current = &current->children.front();
      at = position::message;
    }
    if (current->multipart) {
      if (n == 0 || n > current->children.size()) return nullptr;
      current = &current->children[n - 1];
      at = position::child;
    } else if (n != 1 || at == position::selected) {
      return nullptr;
    } else {
      at = position::selected;
    }
  }
  return current;
}

std::string header_fields(const entity& e, const imapkit::list<imapkit::string>& names,
                          bool exclude) {
  std::string out;
  for (const header_field& f : e.fields) {
    bool listed = false;
    for (const imapkit::string& name : names)
      if (iequals(f.name, name.value)) listed = true;
    if (listed != exclude) out += f.whole;
  }
  // RFC 9051 §6.4.5: the subset is followed by the blank line that ends a header. Dovecot: not
  // when the last field it copied had no line end (a header cut off at the end of the message).
  if (out.empty() || out.back() == '\n') out += "\r\n";
  return out;
}

}  // namespace

imapkit::envelope mime_message::envelope(imapkit::arena& arena) const {
  return envelope_of(impl_->root, arena);
}

imapkit::body_structure mime_message::body_structure(imapkit::arena& arena, bool extended) const {
  return structure_of(impl_->root, arena, extended);
}

std::optional<std::string> mime_message::section(const imapkit::section& section) const {
  const entity* part = find_part(impl_->root, section.part.span());
  if (part == nullptr) return std::nullopt;
  const bool top = section.part.empty();
  // HEADER, HEADER.FIELDS and TEXT of a part name the message a MESSAGE/RFC822 part holds.
  const entity* message = part;
  if (!top && section.text != imapkit::section_text::none &&
      section.text != imapkit::section_text::mime) {
    if (!part->message || part->children.empty()) return std::string();
    message = &part->children.front();
  }
  switch (section.text) {
    case imapkit::section_text::none:
      return std::string(top ? impl_->bytes : part->body);
    case imapkit::section_text::header:
      return std::string(message->header);
    case imapkit::section_text::header_fields:
      return header_fields(*message, section.header_fields, false);
    case imapkit::section_text::header_fields_not:
      return header_fields(*message, section.header_fields, true);
    case imapkit::section_text::text:
      return std::string(message->body);
    case imapkit::section_text::mime:
      if (top) return std::nullopt;
      return std::string(part->header);
  }
  return std::nullopt;
}

mime_message::binary_error mime_message::binary(std::span<const std::uint32_t> part,
                                                std::string& decoded) const {
  decoded.clear();
  const entity* e = find_part(impl_->root, part);
  if (e == nullptr) return binary_error::no_such_part;
  const std::string_view content = part.empty() ? impl_->bytes : e->body;
  if (!part.empty() && e->encoding_unreadable) return binary_error::unknown_encoding;
  if (part.empty() || !e->encoding) {
    decoded.assign(content);
    return binary_error::none;
  }
  const std::string_view encoding = *e->encoding;
  if (iequals(encoding, "base64")) {
    decode_base64(content, decoded);
  } else if (iequals(encoding, "quoted-printable")) {
    decode_quoted_printable(content, decoded);
  } else if (iequals(encoding, "7bit") || iequals(encoding, "8bit") ||
             iequals(encoding, "binary")) {
    decoded.assign(content);
  } else {
    return binary_error::unknown_encoding;
  }
  return binary_error::none;
}

std::vector<std::string> mime_message::header_values(std::string_view name) const {
  std::vector<std::string> values;
  for (const header_field& f : impl_->root.fields)
    if (iequals(f.name, name)) values.push_back(raw_value(f.value));
  return values;
}

}  // namespace server
