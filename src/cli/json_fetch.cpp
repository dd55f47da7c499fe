#include "json_fetch.hpp"

#include <string>
#include <type_traits>
#include <variant>

#include "json.hpp"
#include "json_describe.hpp"

namespace imapkit::cli {

namespace {

namespace json = boost::json;

json::array params_to_json(const body_params& params) {
  json::array out;
  for (const body_param& p : params) out.push_back(json::array{to_json(p.name), to_json(p.value)});
  return out;
}

json::value extension_to_json(const body_extension& e) {
  switch (e.kind) {
    case body_extension::kind_t::nstring:
      return to_json(e.text);
    case body_extension::kind_t::number:
      return e.number;
    case body_extension::kind_t::list: {
      json::array items;
      for (const body_extension& item : e.items) items.push_back(extension_to_json(item));
      return items;
    }
  }
  return nullptr;
}

json::value optional_origin(const std::optional<std::uint32_t>& origin) {
  if (!origin) return nullptr;
  return *origin;
}

json::value string_with_form(const imapkit::string& s) {
  json::object o{{"data", to_json(s)}};
  if (s.is_literal()) o["literal"] = s.kind == string_kind::literal8 ? "literal8" : "literal";
  return o;
}

}  // namespace

std::string section_to_string(const section& s) {
  std::string out;
  for (std::uint32_t part : s.part) {
    if (!out.empty()) out += '.';
    out += std::to_string(part);
  }
  const std::string_view text = to_string(s.text);
  if (!text.empty()) {
    if (!out.empty()) out += '.';
    out += text;
  }
  if (s.text == section_text::header_fields || s.text == section_text::header_fields_not) {
    out += " (";
    for (std::size_t i = 0; i < s.header_fields.size(); ++i) {
      if (i != 0) out += ' ';
      out += s.header_fields[i].value;
    }
    out += ')';
  }
  return out;
}

// The members, and "group" at a group's start or end.
json::value to_json(const address& a) {
  json::object o;
  add_members(o, a);
  if (a.is_group_start()) o["group"] = "start";
  if (a.is_group_end()) o["group"] = "end";
  return o;
}

json::value to_json(const body_structure& b) {
  json::object o{{"kind", member_to_json(b.kind)}};
  if (b.is_multipart()) {
    json::array parts;
    for (const body_structure& part : b.parts) parts.push_back(to_json(part));
    o["parts"] = std::move(parts);
    o["subtype"] = to_json(b.media_subtype);
    if (b.extension_fields >= 1) o["params"] = params_to_json(b.multipart_params);
  } else {
    o["type"] = to_json(b.media_type);
    o["subtype"] = to_json(b.media_subtype);
    o["params"] = params_to_json(b.fields.params);
    o["id"] = to_json(b.fields.id);
    o["description"] = to_json(b.fields.description);
    o["encoding"] = to_json(b.fields.encoding);
    o["octets"] = b.fields.octets;
    if (const envelope* env = b.encapsulated_envelope()) o["envelope"] = member_to_json(*env);
    if (const body_structure* body = b.encapsulated_body()) o["body"] = to_json(*body);
    if (b.kind == body_structure::kind_t::text || b.kind == body_structure::kind_t::message)
      o["lines"] = b.lines;
    if (b.extension_fields >= 1) o["md5"] = to_json(b.md5);
  }
  if (b.extension_fields >= 2) {
    o["disposition"] =
        b.disposition.is_nil()
            ? json::value(nullptr)
            : json::value(json::object{{"type", to_json(b.disposition.type)},
                                       {"params", params_to_json(b.disposition.params)}});
  }
  if (b.extension_fields >= 3) {
    json::array language;
    for (const imapkit::string& l : b.language) language.push_back(to_json(l));
    o["language"] = std::move(language);
  }
  if (b.extension_fields >= 4) {
    o["location"] = to_json(b.location);
    if (!b.extensions.empty()) {
      json::array extensions;
      for (const body_extension& e : b.extensions) extensions.push_back(extension_to_json(e));
      o["extensions"] = std::move(extensions);
    }
  }
  return o;
}

json::value to_json(const msg_att& item) {
  json::object o{{"name", bytes_to_json(item.name())}};
  std::visit(
      [&](const auto& v) {
        using T = std::decay_t<decltype(v)>;
        if constexpr (std::is_same_v<T, fetch_flags>) {
          o["flags"] = member_to_json(v.flags);
        } else if constexpr (std::is_same_v<T, fetch_modseq> ||
                             std::is_same_v<T, fetch_rfc822_size> || std::is_same_v<T, fetch_uid> ||
                             std::is_same_v<T, fetch_gmail_id>) {
          o["value"] = v.value;
        } else if constexpr (std::is_same_v<T, fetch_envelope>) {
          o["envelope"] = member_to_json(v.value);
        } else if constexpr (std::is_same_v<T, fetch_internal_date>) {
          o["value"] = to_json(v.value);
        } else if constexpr (std::is_same_v<T, fetch_rfc822>) {
          o["value"] = string_with_form(v.data);
        } else if constexpr (std::is_same_v<T, fetch_body_structure>) {
          o["body"] = to_json(v.value);
        } else if constexpr (std::is_same_v<T, fetch_body_section> ||
                             std::is_same_v<T, fetch_binary>) {
          o["section"] = section_to_string(v.section);
          o["origin"] = optional_origin(v.origin);
          o["value"] = string_with_form(v.data);
        } else if constexpr (std::is_same_v<T, fetch_binary_size>) {
          o["section"] = section_to_string(v.section);
          o["value"] = v.size;
        } else if constexpr (std::is_same_v<T, fetch_object_id>) {
          o["value"] = v.is_nil ? json::value(nullptr) : json::value(json::string(v.id));
        } else if constexpr (std::is_same_v<T, fetch_preview>) {
          o["value"] = to_json(v.text);
        } else if constexpr (std::is_same_v<T, fetch_save_date>) {
          o["value"] = v.value ? to_json(*v.value) : json::value(nullptr);
        } else if constexpr (std::is_same_v<T, fetch_gmail_labels>) {
          json::array labels;
          for (const imapkit::string& l : v.labels) labels.push_back(to_json(l));
          o["labels"] = std::move(labels);
        } else if constexpr (std::is_same_v<T, fetch_snippet>) {
          o["algorithm"] = bytes_to_json(v.algorithm);
          o["value"] = to_json(v.text);
        } else if constexpr (std::is_same_v<T, fetch_x_guid>) {
          o["value"] = to_json(v.guid);
        } else if constexpr (std::is_same_v<T, fetch_x_mailbox>) {
          o["value"] = to_json(v.mailbox);
        } else if constexpr (std::is_same_v<T, fetch_annotation>) {
          o["entries"] = member_to_json(v.entries);
          o["changed"] = member_to_json(v.changed);
        } else if constexpr (std::is_same_v<T, fetch_other>) {
          o["value"] = to_json(v.value);
        } else if constexpr (std::is_same_v<T, fetch_invalid>) {
          o["invalid"] = true;
          o["bytes"] = bytes_to_json(v.bytes);
          o["error"] = to_json(v.error);
        } else {
          static_assert(!sizeof(T), "every msg_att alternative has a JSON form");
        }
      },
      item.value);
  return o;
}

json::value to_json(const msg_att_list& items) {
  json::array out;
  for (const msg_att& item : items) out.push_back(to_json(item));
  return out;
}

}  // namespace imapkit::cli
