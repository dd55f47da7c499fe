// JSON forms of server responses (schema: docs/cli-json.md).
#include "json_response.hpp"

#include <string>

#include "json.hpp"
#include "json_describe.hpp"
#include "json_fetch.hpp"

namespace imapkit::cli {

namespace {

using boost::json::array;
using boost::json::object;
using boost::json::value;

template <class T, class F>
array to_array(const list<T>& items, F&& convert) {
  array out;
  out.reserve(items.size());
  for (const T& item : items) out.push_back(convert(item));
  return out;
}

array strings(const list<imapkit::string>& items) {
  return to_array(items, [](const imapkit::string& s) { return to_json(s); });
}
array views(const list<std::string_view>& items) {
  return to_array(items, [](std::string_view s) { return bytes_to_json(s); });
}
array flags(const list<flag>& items) {
  return to_array(items, [](const flag& f) { return bytes_to_json(f.name); });
}
array numbers(const list<std::uint32_t>& items) {
  return to_array(items, [](std::uint32_t n) { return value(n); });
}

value delimiter_json(const std::optional<char>& d) {
  if (!d) return nullptr;
  return bytes_to_json(std::string_view(&*d, 1));
}

value to_json_thread(const thread_list& t) {
  object o{{"members", numbers(t.members)}};
  if (!t.children.empty())
    o["children"] = to_array(t.children, [](const thread_list& c) { return to_json_thread(c); });
  return o;
}

array namespaces(const list<namespace_descr>& items) {
  return to_array(items, [](const namespace_descr& d) {
    object o{{"prefix", to_json(d.prefix)}, {"delimiter", delimiter_json(d.delimiter)}};
    if (!d.extensions.empty())
      o["extensions"] = to_array(d.extensions, [](const namespace_extension& e) {
        return object{{"name", to_json(e.name)}, {"values", strings(e.values)}};
      });
    return value(std::move(o));
  });
}

value search_return_json(const search_return_data& d) {
  object o{{"name", bytes_to_json(d.name)}};
  switch (d.kind) {
    case search_return_data_kind::min:
    case search_return_data_kind::max:
    case search_return_data_kind::count:
    case search_return_data_kind::modseq:
      o["value"] = d.number;
      break;
    case search_return_data_kind::all:
      o["value"] = to_json(d.set);
      break;
    case search_return_data_kind::partial: {
      std::string range =
          d.range.from_end
              ? "-" + std::to_string(d.range.first) + ":-" + std::to_string(d.range.last)
              : std::to_string(d.range.first) + ":" + std::to_string(d.range.last);
      o["range"] = range;
      o["value"] = d.is_nil ? value(nullptr) : to_json(d.set);
      break;
    }
    case search_return_data_kind::addto:
    case search_return_data_kind::removefrom:
    case search_return_data_kind::other:
      o["value"] = to_json(d.value);
      break;
  }
  return o;
}

struct data_to_json {
  value operator()(const resp_cond& c) const {
    object o{{"type", "status"}, {"status", to_string(c.status)}};
    add_resp_text(o, c.text);
    return o;
  }
  value operator()(const capability_data& d) const {
    return object{{"type", "capability"}, {"capabilities", views(d.capabilities)}};
  }
  value operator()(const enable_data& d) const {
    return object{{"type", "enabled"}, {"capabilities", views(d.capabilities)}};
  }
  value operator()(const flags_data& d) const {
    return object{{"type", "flags"}, {"flags", flags(d.flags)}};
  }
  value operator()(const mailbox_list& d) const {
    object o{{"type", d.lsub ? "lsub" : "list"},
             {"flags", flags(d.flags)},
             {"delimiter", delimiter_json(d.delimiter)},
             {"mailbox", to_json(d.mailbox)}};
    if (!d.extended.empty())
      o["extended"] = to_array(d.extended, [](const list_extended_item& item) {
        object e{{"tag", to_json(item.tag)}, {"value", to_json(item.value)}};
        if (item.kind == list_extended_kind::childinfo) e["childinfo"] = strings(item.childinfo);
        if (item.kind == list_extended_kind::oldname) e["oldname"] = to_json(item.old_name);
        return value(std::move(e));
      });
    return o;
  }
  value operator()(const status_data& d) const {
    object atts;
    for (const status_att_val& a : d.attributes) {
      const std::string name =
          a.att == status_att::other ? std::string(a.name) : std::string(to_string(a.att));
      if (a.att == status_att::mailboxid)
        atts[name] = bytes_to_json(a.text);
      else if (a.is_nil)
        atts[name] = nullptr;
      else
        atts[name] = a.number;
    }
    return object{{"type", "status-data"}, {"mailbox", to_json(d.mailbox)}, {"attributes", atts}};
  }
  value operator()(const search_data& d) const {
    object o{{"type", "search"}, {"numbers", numbers(d.numbers)}};
    if (d.modseq) o["modseq"] = *d.modseq;
    return o;
  }
  value operator()(const sort_data& d) const {
    object o{{"type", "sort"}, {"numbers", numbers(d.numbers)}};
    if (d.modseq) o["modseq"] = *d.modseq;
    return o;
  }
  value operator()(const esearch_data& d) const {
    object o{{"type", "esearch"}, {"uid", d.uid}};
    o["tag"] = d.correlator ? to_json(*d.correlator) : value(nullptr);
    o["items"] = to_array(d.items, search_return_json);
    return o;
  }
  value operator()(const thread_data& d) const {
    return object{{"type", "thread"}, {"threads", to_array(d.threads, to_json_thread)}};
  }
  value operator()(const exists_data& d) const {
    return object{{"type", "exists"}, {"number", d.count}};
  }
  value operator()(const recent_data& d) const {
    return object{{"type", "recent"}, {"number", d.count}};
  }
  value operator()(const namespace_data& d) const {
    return object{{"type", "namespace"},
                  {"personal", namespaces(d.personal)},
                  {"other_users", namespaces(d.other_users)},
                  {"shared", namespaces(d.shared)}};
  }
  value operator()(const quota_data& d) const {
    return object{
        {"type", "quota"},
        {"root", to_json(d.root)},
        {"resources", to_array(d.resources, [](const quota_resource& r) {
           return object{{"name", bytes_to_json(r.name)}, {"usage", r.usage}, {"limit", r.limit}};
         })}};
  }
  value operator()(const quotaroot_data& d) const {
    return object{
        {"type", "quotaroot"}, {"mailbox", to_json(d.mailbox)}, {"roots", strings(d.roots)}};
  }
  value operator()(const metadata_data& d) const {
    object o{{"type", "metadata"}, {"mailbox", to_json(d.mailbox)}};
    if (!d.entries.empty() || d.changed.empty())
      o["entries"] = to_array(d.entries, [](const metadata_entry& e) {
        return object{{"entry", to_json(e.entry)}, {"value", to_json(e.value)}};
      });
    if (!d.changed.empty()) o["changed"] = strings(d.changed);
    return o;
  }
  value operator()(const id_data& d) const {
    return object{{"type", "id"}, {"params", to_array(d.params, [](const id_param& p) {
                                     return array{to_json(p.field), to_json(p.value)};
                                   })}};
  }
  value operator()(const acl_data& d) const {
    return object{
        {"type", "acl"},
        {"mailbox", to_json(d.mailbox)},
        {"entries", to_array(d.entries, [](const acl_entry& e) {
           return object{{"identifier", to_json(e.identifier)}, {"rights", to_json(e.rights)}};
         })}};
  }
  value operator()(const listrights_data& d) const {
    return object{{"type", "listrights"},
                  {"mailbox", to_json(d.mailbox)},
                  {"identifier", to_json(d.identifier)},
                  {"required", to_json(d.required)},
                  {"optional", strings(d.optional)}};
  }
  value operator()(const myrights_data& d) const {
    return object{
        {"type", "myrights"}, {"mailbox", to_json(d.mailbox)}, {"rights", to_json(d.rights)}};
  }
  value operator()(const expunge_data& d) const {
    return object{{"type", "expunge"}, {"number", d.number}};
  }
  value operator()(const vanished_data& d) const {
    return object{{"type", "vanished"}, {"earlier", d.earlier}, {"uids", to_json(d.uids)}};
  }
  value operator()(const fetch_data& d) const {
    return object{{"type", "fetch"}, {"number", d.number}, {"items", to_json(d.attributes)}};
  }
  value operator()(const generic_data& d) const {
    object o{{"type", "generic"}, {"name", bytes_to_json(d.name)}};
    if (d.number) o["number"] = *d.number;
    o["values"] = to_array(d.values, [](const generic_value& v) { return to_json(v); });
    return o;
  }
};

}  // namespace

// {"name", "kind"}, then the members of the code's argument (docs/cli-json.md).
value to_json(const resp_text_code& code) {
  object o{{"name", bytes_to_json(code.name)}, {"kind", to_string(code.kind)}};
  add_members(o, code.arg);
  return o;
}

void add_resp_text(object& o, const resp_text& text) {
  if (text.code) o["code"] = to_json(*text.code);
  o["text"] = bytes_to_json(text.text);
}

value to_json(const untagged_data& data) { return std::visit(data_to_json{}, data); }

value to_json(const response& r) {
  if (const auto* c = std::get_if<continue_req>(&r.value)) {
    object o{{"type", "continue"}, {"base64", c->is_base64}};
    add_resp_text(o, c->text);
    return o;
  }
  if (const auto* t = std::get_if<tagged>(&r.value)) {
    object o{
        {"type", "tagged"}, {"tag", bytes_to_json(t->tag)}, {"status", to_string(t->state.status)}};
    add_resp_text(o, t->state.text);
    return o;
  }
  return to_json(std::get<untagged>(r.value).data);
}

}  // namespace imapkit::cli
