#include "json.hpp"

#include <cstdio>
#include <string>

#include "imapkit/utf8.hpp"
#include "streamed.hpp"

namespace imapkit::cli {

namespace {

std::string base64_encode(std::string_view in) {
  static constexpr char alphabet[] =
      "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
  std::string out;
  out.reserve((in.size() + 2) / 3 * 4);
  std::size_t i = 0;
  for (; i + 2 < in.size(); i += 3) {
    const unsigned v = (static_cast<unsigned char>(in[i]) << 16) |
                       (static_cast<unsigned char>(in[i + 1]) << 8) |
                       static_cast<unsigned char>(in[i + 2]);
    out += alphabet[(v >> 18) & 63];
    out += alphabet[(v >> 12) & 63];
    out += alphabet[(v >> 6) & 63];
    out += alphabet[v & 63];
  }
  if (i < in.size()) {
    unsigned v = static_cast<unsigned char>(in[i]) << 16;
    if (i + 1 < in.size()) v |= static_cast<unsigned char>(in[i + 1]) << 8;
    out += alphabet[(v >> 18) & 63];
    out += alphabet[(v >> 12) & 63];
    out += i + 1 < in.size() ? alphabet[(v >> 6) & 63] : '=';
    out += '=';
  }
  return out;
}

}  // namespace

boost::json::value bytes_to_json(std::string_view bytes) {
  if (is_valid_utf8(bytes) && bytes.find('\0') == std::string_view::npos)
    return boost::json::string(bytes);
  return boost::json::object{{"base64", base64_encode(bytes)}};
}

namespace {
std::span<const streamed_literal_summary> current_streamed;
bool current_show_bytes = false;

const streamed_literal_summary* summary_of(const imapkit::string& s) {
  if (!s.is_streamed() || s.stream > current_streamed.size()) return nullptr;
  return &current_streamed[s.stream - 1];
}
}  // namespace

streamed_json_scope::streamed_json_scope(std::span<const streamed_literal_summary> summaries,
                                         bool show_bytes)
    : saved_(current_streamed), saved_show_bytes_(current_show_bytes) {
  current_streamed = summaries;
  current_show_bytes = show_bytes;
}

streamed_json_scope::~streamed_json_scope() {
  current_streamed = saved_;
  current_show_bytes = saved_show_bytes_;
}

std::uint64_t string_size(const imapkit::string& s) {
  if (const auto* summary = summary_of(s)) return summary->size;
  return s.value.size();
}

boost::json::value to_json(const imapkit::string& s) {
  if (s.is_nil()) return nullptr;
  if (s.is_streamed()) {
    const auto* summary = summary_of(s);
    if (summary == nullptr) return boost::json::object{{"streamed_bytes", nullptr}};
    if (current_show_bytes) return bytes_to_json(summary->bytes);
    return boost::json::object{{"streamed_bytes", summary->size}, {"sha256", summary->sha256}};
  }
  return bytes_to_json(s.value);
}

boost::json::value to_json(const generic_value& v) {
  switch (v.kind) {
    case generic_value::kind_t::nil:
      return nullptr;
    case generic_value::kind_t::atom:
      return boost::json::object{{"atom", v.text.value}};
    case generic_value::kind_t::string: {
      boost::json::object o{{"string", to_json(v.text)}};
      if (v.text.is_literal())
        o["literal"] = v.text.kind == string_kind::literal8 ? "literal8" : "literal";
      return o;
    }
    case generic_value::kind_t::list: {
      boost::json::array items;
      for (const generic_value& item : v.items) items.push_back(to_json(item));
      return items;
    }
  }
  return nullptr;
}

boost::json::value to_json(const generic_message& m) {
  boost::json::object o{
      {"type", "generic"}, {"tag", bytes_to_json(m.tag)}, {"name", bytes_to_json(m.name)}};
  if (m.has_text) o["text"] = bytes_to_json(m.text);
  boost::json::array args;
  for (const generic_value& v : m.args) args.push_back(to_json(v));
  o["args"] = std::move(args);
  return o;
}

boost::json::value to_json(const sequence_set& s) {
  if (s.last_command) return "$";
  std::string out;
  for (const seq_range& r : s.ranges) {
    if (!out.empty()) out += ',';
    out += r.first == seq_range::star ? "*" : std::to_string(r.first);
    if (!r.is_single()) out += ':' + (r.last == seq_range::star ? "*" : std::to_string(r.last));
  }
  return boost::json::string(out);
}

boost::json::value to_json(const date& d) {
  char buf[16];
  std::snprintf(buf, sizeof buf, "%04u-%02u-%02u", d.year, d.month, d.day);
  return boost::json::string(buf);
}

boost::json::value to_json(const date_time& d) {
  char buf[40];
  const int zone = d.zone_minutes < 0 ? -d.zone_minutes : d.zone_minutes;
  std::snprintf(buf, sizeof buf, "%04u-%02u-%02uT%02u:%02u:%02u%c%02d:%02d", d.date.year,
                d.date.month, d.date.day, d.hour, d.minute, d.second,
                d.zone_minutes < 0 ? '-' : '+', zone / 60, zone % 60);
  return boost::json::string(buf);
}

boost::json::value to_json(const mailbox& m) {
  return m.is_inbox() ? boost::json::value("INBOX") : to_json(m.name);
}

boost::json::value to_json(const parse_error& e) {
  boost::json::object o{{"offset", e.offset},
                        {"production", e.production},
                        {"expected", e.expected},
                        {"kind", to_string(e.kind)},
                        {"message", e.message()}};
  if (!e.tag.empty()) o["tag"] = bytes_to_json(e.tag);
  return o;
}

}  // namespace imapkit::cli
