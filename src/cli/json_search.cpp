#include "json_search.hpp"

#include <string>

#include "json.hpp"
#include "json_describe.hpp"

namespace imapkit::cli {

namespace {

boost::json::array keys_to_json(const list<search_key>& keys) {
  boost::json::array out;
  for (const search_key& k : keys) out.push_back(to_json(k));
  return out;
}

boost::json::value partial_to_json(const partial_range& r) {
  const std::string sign = r.from_end ? "-" : "";
  return boost::json::string(sign + std::to_string(r.first) + ":" + sign + std::to_string(r.last));
}

boost::json::value returns_to_json(const search_return_opts& returns) {
  if (!returns.present) return nullptr;
  boost::json::array out;
  for (const search_return_opt& o : returns.options) {
    switch (o.kind) {
      case search_return_opt_kind::partial:
        out.push_back(boost::json::object{{to_string(o.kind), partial_to_json(o.range)}});
        break;
      case search_return_opt_kind::extension: {
        boost::json::object e{{"name", bytes_to_json(o.name)}};
        if (o.value) e["value"] = to_json(*o.value);
        out.push_back(std::move(e));
        break;
      }
      default:
        out.push_back(boost::json::string(to_string(o.kind)));
        break;
    }
  }
  return out;
}

boost::json::value section_to_json(const section& s) {
  std::string part;
  for (std::uint32_t p : s.part) {
    if (!part.empty()) part += '.';
    part += std::to_string(p);
  }
  boost::json::object o{{"part", part}};
  if (s.text == section_text::none)
    o["text"] = nullptr;
  else
    o["text"] = to_string(s.text);
  if (s.text == section_text::header_fields || s.text == section_text::header_fields_not) {
    boost::json::array fields;
    for (const imapkit::string& f : s.header_fields) fields.push_back(to_json(f));
    o["fields"] = std::move(fields);
  }
  return o;
}

boost::json::array flags_to_json(const list<flag>& flags) {
  boost::json::array out;
  for (const flag& f : flags) out.push_back(bytes_to_json(f.name));
  return out;
}

boost::json::value generic_or_null(const std::optional<generic_value>& v) {
  return v ? to_json(*v) : boost::json::value(nullptr);
}

}  // namespace

// A key is {"key": NAME, ...its argument's members}: {"key":"FROM","value":"alice"},
// {"key":"OR","keys":[...]}, {"key":"sequence-set","set":"1:5"}.
boost::json::value to_json(const search_key& key) {
  boost::json::object o{{"key", to_string(key.kind)}};
  add_members(o, key.arg);
  return o;
}

boost::json::value to_json(const search_program& program) {
  boost::json::object o;
  o["return"] = returns_to_json(program.returns);
  o["charset"] = program.charset ? to_json(*program.charset) : boost::json::value(nullptr);
  o["keys"] = keys_to_json(program.keys);
  return o;
}

boost::json::value to_json(const sort_program& program) {
  boost::json::object o;
  o["return"] = returns_to_json(program.returns);
  boost::json::array criteria;
  for (const sort_criterion& c : program.criteria) {
    boost::json::object co{{"key", c.key == sort_key_kind::extension ? c.name : to_string(c.key)},
                           {"reverse", c.reverse}};
    if (c.key == sort_key_kind::annotation) {
      co["entry"] = to_json(c.entry);
      co["attribute"] = to_string(c.attribute);
    }
    criteria.push_back(std::move(co));
  }
  o["criteria"] = std::move(criteria);
  o["charset"] = to_json(program.charset);
  o["keys"] = keys_to_json(program.keys);
  return o;
}

boost::json::value to_json(const thread_program& program) {
  boost::json::object o;
  o["algorithm"] = to_string(program.algorithm);
  o["name"] = program.name;
  o["charset"] = to_json(program.charset);
  o["keys"] = keys_to_json(program.keys);
  return o;
}

// An item is {"item": NAME, ...}: {"item":"BODY[]","peek":true,"section":{...},"partial":[0,100]}.
boost::json::value to_json(const fetch_att& att) {
  boost::json::object o{
      {"item", att.kind == fetch_att_kind::extension ? att.name : to_string(att.kind)}};
  switch (att.kind) {
    case fetch_att_kind::body_section:
    case fetch_att_kind::binary:
    case fetch_att_kind::binary_size:
      if (att.kind != fetch_att_kind::binary_size) o["peek"] = att.peek;
      o["section"] = section_to_json(att.section);
      if (att.partial) o["partial"] = boost::json::array{att.partial->offset, att.partial->length};
      break;
    case fetch_att_kind::preview:
      o["lazy"] = att.lazy;
      break;
    case fetch_att_kind::extension:
      if (att.params) o["params"] = to_json(*att.params);
      break;
    case fetch_att_kind::annotation: {
      if (att.annotation == nullptr) break;
      boost::json::array entries, attributes;
      for (const imapkit::string& e : att.annotation->entries) entries.push_back(to_json(e));
      for (const imapkit::string& a : att.annotation->attributes) attributes.push_back(to_json(a));
      o["entries"] = std::move(entries);
      o["entries_parenthesized"] = att.annotation->entries_parenthesized;
      o["attributes"] = std::move(attributes);
      o["attributes_parenthesized"] = att.annotation->attributes_parenthesized;
      break;
    }
    default:
      break;
  }
  return o;
}

boost::json::value to_json(const fetch_program& program) {
  boost::json::object o;
  o["set"] = to_json(program.set);
  if (program.macro == fetch_macro::none)
    o["macro"] = nullptr;
  else
    o["macro"] = to_string(program.macro);
  boost::json::array items;
  for (const fetch_att& a : program.atts) items.push_back(to_json(a));
  o["items"] = std::move(items);
  o["parenthesized"] = program.parenthesized;
  boost::json::array modifiers;
  for (const fetch_modifier& m : program.modifiers) {
    switch (m.kind) {
      case fetch_modifier_kind::changed_since:
        modifiers.push_back(boost::json::object{{to_string(m.kind), m.mod_sequence}});
        break;
      case fetch_modifier_kind::vanished:
        modifiers.push_back(boost::json::string(to_string(m.kind)));
        break;
      case fetch_modifier_kind::partial:
        modifiers.push_back(boost::json::object{{to_string(m.kind), partial_to_json(m.range)}});
        break;
      case fetch_modifier_kind::extension:
        modifiers.push_back(
            boost::json::object{{"name", m.name}, {"value", generic_or_null(m.value)}});
        break;
    }
  }
  o["modifiers"] = std::move(modifiers);
  return o;
}

boost::json::value to_json(const store_program& program) {
  boost::json::object o;
  o["set"] = to_json(program.set);
  boost::json::array modifiers;
  for (const store_modifier& m : program.modifiers) {
    if (m.kind == store_modifier_kind::unchanged_since)
      modifiers.push_back(boost::json::object{{to_string(m.kind), m.mod_sequence}});
    else
      modifiers.push_back(
          boost::json::object{{"name", m.name}, {"value", generic_or_null(m.value)}});
  }
  o["modifiers"] = std::move(modifiers);
  const std::string_view sign = program.operation == store_operation::add      ? "+"
                                : program.operation == store_operation::remove ? "-"
                                                                               : "";
  o["operation"] = std::string(sign) + std::string(to_string(program.item));
  o["silent"] = program.silent;
  if (program.item == store_item::annotation) {
    boost::json::array entries;
    for (const annotation_entry& e : program.annotations) {
      boost::json::array values;
      for (const annotation_value& v : e.values)
        values.push_back(
            boost::json::object{{"attribute", to_json(v.attribute)}, {"value", to_json(v.value)}});
      entries.push_back(boost::json::object{{"entry", to_json(e.entry)}, {"values", values}});
    }
    o["annotations"] = std::move(entries);
  } else if (program.item == store_item::gmail_labels) {
    boost::json::array labels;
    for (const imapkit::string& l : program.labels)
      labels.push_back(l.is_nil() ? boost::json::value(nullptr) : bytes_to_json(l.value));
    o["labels"] = std::move(labels);
  } else {
    o["flags"] = flags_to_json(program.flags);
  }
  o["parenthesized"] = program.parenthesized;
  return o;
}

}  // namespace imapkit::cli
