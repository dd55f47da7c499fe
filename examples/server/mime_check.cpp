// mime_check: compares server::mime_message with Dovecot for one message.
//
//   imapkit_example_mime_check [--unknown-cte PART]... MESSAGE-FILE RESPONSE-FILE...
//
// Each RESPONSE-FILE holds one of Dovecot's untagged FETCH responses for the message, exactly as
// it came over the wire (literals included): `* 1 FETCH (ENVELOPE (...) BODY (...)
// BODYSTRUCTURE (...) BODY[HEADER] {N}...)`. Every ENVELOPE, BODY and BODYSTRUCTURE field is
// compared by value (imapkit::string's equality: a literal equals the quoted string of the same
// bytes), every BODY[section] and BINARY[part] byte for byte. Each difference is printed with
// its path. --unknown-cte PART (1.2, ...) says Dovecot refused BINARY[PART] with [UNKNOWN-CTE]:
// mime_message must refuse it too. BINARY of a multipart or message/rfc822 part is not compared:
// Dovecot rewrites the parts inside to binary (their headers included), mime_message returns the
// content as it stands. Exit status: 0 when everything is equal, 1 on a difference, 2 on a usage
// or input error.
#include <cstdio>
#include <fstream>
#include <iostream>
#include <iterator>
#include <sstream>
#include <string>
#include <string_view>
#include <vector>

#include "imapkit/parse.hpp"
#include "mime.hpp"

namespace {

struct comparison {
  int differences = 0;
  int fields = 0;

  void report(const std::string& path, std::string_view dovecot, std::string_view ours) {
    ++differences;
    std::cout << "DIFF " << path << "\n  dovecot: " << dovecot << "\n  ours:    " << ours << "\n";
  }
};

std::string show(const imapkit::string& s) {
  if (s.is_nil()) return "NIL";
  std::string out = "\"";
  out += s.value;
  out += '"';
  return out;
}

std::string show_bytes(std::string_view bytes) {
  std::string out = "\"";
  for (char c : bytes) {
    if (c == '\r')
      out += "\\r";
    else if (c == '\n')
      out += "\\n";
    else
      out.push_back(c);
  }
  return out + "\" (" + std::to_string(bytes.size()) + " bytes)";
}

void compare_string(comparison& c, const std::string& path, const imapkit::string& dovecot,
                    const imapkit::string& ours) {
  ++c.fields;
  if (!(dovecot == ours)) c.report(path, show(dovecot), show(ours));
}

void compare_number(comparison& c, const std::string& path, std::uint64_t dovecot,
                    std::uint64_t ours) {
  ++c.fields;
  if (dovecot != ours) c.report(path, std::to_string(dovecot), std::to_string(ours));
}

void compare_addresses(comparison& c, const std::string& path, const imapkit::address_list& dovecot,
                       const imapkit::address_list& ours) {
  compare_number(c, path + ".count", dovecot.size(), ours.size());
  for (std::size_t i = 0; i < dovecot.size() && i < ours.size(); ++i) {
    const std::string at = path + "[" + std::to_string(i) + "]";
    compare_string(c, at + ".name", dovecot[i].name, ours[i].name);
    compare_string(c, at + ".adl", dovecot[i].adl, ours[i].adl);
    compare_string(c, at + ".mailbox", dovecot[i].mailbox, ours[i].mailbox);
    compare_string(c, at + ".host", dovecot[i].host, ours[i].host);
  }
}

void compare_envelope(comparison& c, const std::string& path, const imapkit::envelope& dovecot,
                      const imapkit::envelope& ours) {
  compare_string(c, path + ".date", dovecot.date, ours.date);
  compare_string(c, path + ".subject", dovecot.subject, ours.subject);
  compare_addresses(c, path + ".from", dovecot.from, ours.from);
  compare_addresses(c, path + ".sender", dovecot.sender, ours.sender);
  compare_addresses(c, path + ".reply-to", dovecot.reply_to, ours.reply_to);
  compare_addresses(c, path + ".to", dovecot.to, ours.to);
  compare_addresses(c, path + ".cc", dovecot.cc, ours.cc);
  compare_addresses(c, path + ".bcc", dovecot.bcc, ours.bcc);
  compare_string(c, path + ".in-reply-to", dovecot.in_reply_to, ours.in_reply_to);
  compare_string(c, path + ".message-id", dovecot.message_id, ours.message_id);
}

void compare_params(comparison& c, const std::string& path, const imapkit::body_params& dovecot,
                    const imapkit::body_params& ours) {
  compare_number(c, path + ".count", dovecot.size(), ours.size());
  for (std::size_t i = 0; i < dovecot.size() && i < ours.size(); ++i) {
    const std::string at = path + "[" + std::to_string(i) + "]";
    compare_string(c, at + ".name", dovecot[i].name, ours[i].name);
    compare_string(c, at + ".value", dovecot[i].value, ours[i].value);
  }
}

const char* kind_name(imapkit::body_structure::kind_t kind) {
  switch (kind) {
    case imapkit::body_structure::kind_t::basic:
      return "basic";
    case imapkit::body_structure::kind_t::text:
      return "text";
    case imapkit::body_structure::kind_t::message:
      return "message";
    case imapkit::body_structure::kind_t::multipart:
      return "multipart";
  }
  return "?";
}

void compare_body(comparison& c, const std::string& path, const imapkit::body_structure& dovecot,
                  const imapkit::body_structure& ours) {
  ++c.fields;
  if (dovecot.kind != ours.kind) {
    c.report(path + ".kind", kind_name(dovecot.kind), kind_name(ours.kind));
    return;
  }
  compare_string(c, path + ".subtype", dovecot.media_subtype, ours.media_subtype);
  compare_number(c, path + ".extension_fields", dovecot.extension_fields, ours.extension_fields);
  if (dovecot.is_multipart()) {
    compare_number(c, path + ".parts.count", dovecot.parts.size(), ours.parts.size());
    for (std::size_t i = 0; i < dovecot.parts.size() && i < ours.parts.size(); ++i)
      compare_body(c, path + "." + std::to_string(i + 1), dovecot.parts[i], ours.parts[i]);
    if (dovecot.extension_fields >= 1)
      compare_params(c, path + ".params", dovecot.multipart_params, ours.multipart_params);
  } else {
    compare_string(c, path + ".type", dovecot.media_type, ours.media_type);
    compare_params(c, path + ".params", dovecot.fields.params, ours.fields.params);
    compare_string(c, path + ".id", dovecot.fields.id, ours.fields.id);
    compare_string(c, path + ".description", dovecot.fields.description, ours.fields.description);
    compare_string(c, path + ".encoding", dovecot.fields.encoding, ours.fields.encoding);
    compare_number(c, path + ".octets", dovecot.fields.octets, ours.fields.octets);
    if (dovecot.kind != imapkit::body_structure::kind_t::basic)
      compare_number(c, path + ".lines", dovecot.lines, ours.lines);
    if (dovecot.kind == imapkit::body_structure::kind_t::message) {
      if (dovecot.encapsulated_envelope() && ours.encapsulated_envelope())
        compare_envelope(c, path + ".envelope", *dovecot.encapsulated_envelope(),
                         *ours.encapsulated_envelope());
      if (dovecot.encapsulated_body() && ours.encapsulated_body())
        compare_body(c, path + ".body", *dovecot.encapsulated_body(), *ours.encapsulated_body());
      else
        c.report(path + ".body", dovecot.encapsulated_body() ? "present" : "missing",
                 ours.encapsulated_body() ? "present" : "missing");
    }
    if (dovecot.extension_fields >= 1) compare_string(c, path + ".md5", dovecot.md5, ours.md5);
  }
  if (dovecot.extension_fields >= 2) {
    compare_string(c, path + ".disposition.type", dovecot.disposition.type, ours.disposition.type);
    compare_params(c, path + ".disposition.params", dovecot.disposition.params,
                   ours.disposition.params);
  }
  if (dovecot.extension_fields >= 3) {
    compare_number(c, path + ".language.count", dovecot.language.size(), ours.language.size());
    for (std::size_t i = 0; i < dovecot.language.size() && i < ours.language.size(); ++i)
      compare_string(c, path + ".language[" + std::to_string(i) + "]", dovecot.language[i],
                     ours.language[i]);
  }
  if (dovecot.extension_fields >= 4)
    compare_string(c, path + ".location", dovecot.location, ours.location);
}

// "BODY[1.2.HEADER.FIELDS (DATE FROM)]" for messages.
std::string section_name(const imapkit::section& section, const char* item = "BODY") {
  std::string name = item;
  name += '[';
  for (std::size_t i = 0; i < section.part.size(); ++i) {
    if (i > 0) name += '.';
    name += std::to_string(section.part[i]);
  }
  const std::string_view text = imapkit::to_string(section.text);
  if (!text.empty() && !section.part.empty()) name += '.';
  name += text;
  if (!section.header_fields.empty()) {
    name += " (";
    for (std::size_t i = 0; i < section.header_fields.size(); ++i) {
      if (i > 0) name += ' ';
      name += section.header_fields[i].value;
    }
    name += ')';
  }
  return name + "]";
}

bool read_file(const char* path, std::string& out) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return false;
  out.assign(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
  return true;
}

}  // namespace

// The node of `root` that part numbers name (RFC 9051 §6.4.5 on the structure), nullptr if none.
const imapkit::body_structure* find_node(const imapkit::body_structure& root,
                                         std::span<const std::uint32_t> numbers) {
  const imapkit::body_structure* node = &root;
  bool top = true;
  for (std::uint32_t n : numbers) {
    if (!top && node->encapsulated_body() != nullptr) node = node->encapsulated_body();
    top = false;
    if (node->is_multipart()) {
      if (n == 0 || n > node->parts.size()) return nullptr;
      node = &node->parts[n - 1];
    } else if (n != 1) {
      return nullptr;
    }
  }
  return node;
}

// Parses "1.2.3".
std::vector<std::uint32_t> parse_part(std::string_view text) {
  std::vector<std::uint32_t> numbers;
  std::uint32_t n = 0;
  for (char ch : text) {
    if (ch == '.') {
      numbers.push_back(n);
      n = 0;
    } else {
      n = n * 10 + static_cast<std::uint32_t>(ch - '0');
    }
  }
  numbers.push_back(n);
  return numbers;
}

// Compares the items of one FETCH response; returns how many items it compared.
int compare_response(comparison& c, const server::mime_message& mime, imapkit::arena& ours_arena,
                     const imapkit::fetch_data& data) {
  int items = 0;
  for (const imapkit::msg_att& item : data.attributes) {
    if (const auto* env = item.get<imapkit::fetch_envelope>()) {
      ++items;
      compare_envelope(c, "ENVELOPE", env->value, mime.envelope(ours_arena));
    } else if (const auto* body = item.get<imapkit::fetch_body_structure>()) {
      ++items;
      compare_body(c, body->extensible ? "BODYSTRUCTURE" : "BODY", body->value,
                   mime.body_structure(ours_arena, body->extensible));
    } else if (const auto* section = item.get<imapkit::fetch_body_section>()) {
      ++items;
      ++c.fields;
      const std::string name = section_name(section->section);
      const std::optional<std::string> ours = mime.section(section->section);
      if (section->data.is_nil()) {
        if (ours) c.report(name, "NIL", show_bytes(*ours));
      } else if (!ours) {
        // For a part that does not exist Dovecot sends an empty string; mime_message says
        // "no such part" and leaves the wire form to the server.
        if (!section->data.value.empty())
          c.report(name, show_bytes(section->data.value), "no such part");
      } else if (*ours != section->data.value) {
        c.report(name, show_bytes(section->data.value), show_bytes(*ours));
      }
    } else if (const auto* binary = item.get<imapkit::fetch_binary>()) {
      const imapkit::body_structure structure = mime.body_structure(ours_arena, false);
      const imapkit::body_structure* node = find_node(structure, binary->section.part.span());
      if (node != nullptr && node->kind != imapkit::body_structure::kind_t::basic &&
          node->kind != imapkit::body_structure::kind_t::text) {
        std::cout << "  (not compared: BINARY of a " << kind_name(node->kind) << " part)\n";
        continue;
      }
      ++items;
      ++c.fields;
      const std::string name = section_name(binary->section, "BINARY");
      std::string decoded;
      const auto error = mime.binary(binary->section.part.span(), decoded);
      if (error == server::mime_message::binary_error::no_such_part) {
        if (!binary->data.value.empty())
          c.report(name, show_bytes(binary->data.value), "no such part");
      } else if (error == server::mime_message::binary_error::unknown_encoding) {
        c.report(name, show_bytes(binary->data.value), "unknown encoding");
      } else if (decoded != binary->data.value) {
        c.report(name, show_bytes(binary->data.value), show_bytes(decoded));
      }
    }
  }
  return items;
}

int main(int argc, char** argv) {
  std::vector<std::string> unknown_cte;
  int first = 1;
  while (first + 1 < argc && std::string_view(argv[first]) == "--unknown-cte") {
    unknown_cte.emplace_back(argv[first + 1]);
    first += 2;
  }
  if (argc - first < 2) {
    std::cerr << "usage: imapkit_example_mime_check [--unknown-cte PART]... MESSAGE-FILE "
                 "RESPONSE-FILE...\n";
    return 2;
  }
  const char* message_path = argv[first];
  std::string message;
  if (!read_file(message_path, message)) {
    std::cerr << "mime_check: cannot read " << message_path << "\n";
    return 2;
  }
  const server::mime_message mime(message);
  comparison c;
  int items = 0;
  for (const std::string& part : unknown_cte) {
    ++items;
    ++c.fields;
    std::string decoded;
    const std::vector<std::uint32_t> numbers = parse_part(part);
    if (mime.binary(numbers, decoded) != server::mime_message::binary_error::unknown_encoding)
      c.report("BINARY[" + part + "]", "NO [UNKNOWN-CTE]", "decoded");
  }
  for (int i = first + 1; i < argc; ++i) {
    std::string response_bytes;
    if (!read_file(argv[i], response_bytes)) {
      std::cerr << "mime_check: cannot read " << argv[i] << "\n";
      return 2;
    }
    imapkit::arena response_arena;
    const auto parsed = imapkit::parse_response(response_bytes, response_arena);
    if (!parsed) {
      std::cerr << "mime_check: " << argv[i]
                << ": Dovecot's response does not parse: " << parsed.error().message() << "\n";
      return 2;
    }
    const auto* data =
        parsed->is_untagged()
            ? std::get_if<imapkit::fetch_data>(&std::get<imapkit::untagged>(parsed->value).data)
            : nullptr;
    if (data == nullptr) {
      std::cerr << "mime_check: " << argv[i] << ": not an untagged FETCH response\n";
      return 2;
    }
    imapkit::arena ours_arena;
    items += compare_response(c, mime, ours_arena, *data);
  }
  if (items == 0) {
    std::cerr << "mime_check: no ENVELOPE, BODY, BODYSTRUCTURE, BODY[] or BINARY[] to compare\n";
    return 2;
  }
  std::cout << message_path << ": " << items << " items, " << c.fields << " fields compared, "
            << c.differences << " differences\n";
  return c.differences == 0 ? 0 : 1;
}
