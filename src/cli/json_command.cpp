// JSON forms of client messages (schema: docs/cli-json.md).
#include "json_command.hpp"

#include "json.hpp"
#include "json_describe.hpp"
#include "streamed.hpp"

namespace imapkit::cli {

// An APPEND (or REPLACE) message: its flags when given, date-time, the literal's form and size,
// and its data.
boost::json::value to_json(const append_message& m) {
  boost::json::object o;
  if (m.has_flags) o["flags"] = member_to_json(m.flags);
  if (m.date_time) o["date_time"] = to_json(*m.date_time);
  if (!m.annotations.empty()) o["annotations"] = member_to_json(m.annotations);
  if (!m.catenate.empty()) {
    // CATENATE (RFC 4469): each part's kind and value; a literal's data as a message's.
    boost::json::array parts;
    for (const catenate_part& part : m.catenate) {
      boost::json::object p{{"kind", member_to_json(part.kind)}};
      if (part.kind == catenate_part::kind_t::url) {
        p["url"] = bytes_to_json(part.value.value);
      } else {
        p["size"] = string_size(part.value);
        p["data"] = to_json(part.value);
      }
      parts.push_back(std::move(p));
    }
    o["catenate"] = std::move(parts);
    return o;
  }
  o["literal"] = m.data.kind == string_kind::literal8 ? "literal8" : "literal";
  if (m.utf8) o["utf8"] = true;
  o["size"] = string_size(m.data);
  o["data"] = to_json(m.data);
  return o;
}

// {"type", "tag", "name"}, then the members of the command's body, under the names its struct
// declares.
boost::json::value to_json(const command& c) {
  boost::json::object o{
      {"type", "command"}, {"tag", bytes_to_json(c.tag)}, {"name", bytes_to_json(command_name(c))}};
  if (std::holds_alternative<generic_command>(c.body)) o["generic"] = true;
  add_members(o, c.body);
  return o;
}

boost::json::value to_json(const client_message& m) {
  if (const auto* c = std::get_if<command>(&m)) return to_json(*c);
  if (const auto* data = std::get_if<authenticate_data>(&m)) {
    boost::json::object o{{"type", "authenticate_data"}};
    add_members(o, *data);
    return o;
  }
  return boost::json::object{{"type", "idle_done"}};
}

}  // namespace imapkit::cli
