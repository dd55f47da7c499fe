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

// The "type" of each kind of untagged data (docs/cli-json.md).
std::string_view type_of(const capability_data&) { return "capability"; }
std::string_view type_of(const enable_data&) { return "enabled"; }
std::string_view type_of(const flags_data&) { return "flags"; }
std::string_view type_of(const mailbox_list& d) { return d.lsub ? "lsub" : "list"; }
std::string_view type_of(const search_data&) { return "search"; }
std::string_view type_of(const sort_data&) { return "sort"; }
std::string_view type_of(const esearch_data&) { return "esearch"; }
std::string_view type_of(const thread_data&) { return "thread"; }
std::string_view type_of(const exists_data&) { return "exists"; }
std::string_view type_of(const recent_data&) { return "recent"; }
std::string_view type_of(const namespace_data&) { return "namespace"; }
std::string_view type_of(const quota_data&) { return "quota"; }
std::string_view type_of(const quotaroot_data&) { return "quotaroot"; }
std::string_view type_of(const metadata_data&) { return "metadata"; }
std::string_view type_of(const id_data&) { return "id"; }
std::string_view type_of(const acl_data&) { return "acl"; }
std::string_view type_of(const listrights_data&) { return "listrights"; }
std::string_view type_of(const myrights_data&) { return "myrights"; }
std::string_view type_of(const expunge_data&) { return "expunge"; }
std::string_view type_of(const vanished_data&) { return "vanished"; }
std::string_view type_of(const fetch_data&) { return "fetch"; }
std::string_view type_of(const jmapaccess_data&) { return "jmapaccess"; }
std::string_view type_of(const genurlauth_data&) { return "genurlauth"; }
std::string_view type_of(const urlfetch_data&) { return "urlfetch"; }
std::string_view type_of(const language_data&) { return "language"; }
std::string_view type_of(const comparator_data&) { return "comparator"; }
std::string_view type_of(const generic_data&) { return "generic"; }

struct data_to_json {
  // {"type"} and the data's members, under the names its struct declares.
  template <class T>
  value operator()(const T& d) const {
    object o{{"type", type_of(d)}};
    add_members(o, d);
    return o;
  }
  value operator()(const resp_cond& c) const {
    object o{{"type", "status"}, {"status", to_string(c.status)}};
    add_resp_text(o, c.text);
    return o;
  }
  // The attributes are an object from the attribute's name to its value.
  value operator()(const status_data& d) const {
    object atts;
    for (const status_att_val& a : d.attributes) {
      const std::string_view name = a.att == status_att::other ? a.name : to_string(a.att);
      if (a.is_invalid())
        atts[name] = object{{"invalid", true},
                            {"bytes", bytes_to_json(a.invalid_bytes)},
                            {"error", to_json(a.error)}};
      else if (a.att == status_att::mailboxid)
        atts[name] = bytes_to_json(a.text);
      else if (a.is_nil)
        atts[name] = nullptr;
      else
        atts[name] = a.number;
    }
    return object{{"type", "status-data"}, {"mailbox", to_json(d.mailbox)}, {"attributes", atts}};
  }
};

}  // namespace

// A LIST extended item: its tag and value, with the typed reading of the items this library
// knows (CHILDINFO, OLDNAME).
value to_json(const list_extended_item& item) {
  object o{{"tag", to_json(item.tag)}, {"value", to_json(item.value)}};
  if (item.kind == list_extended_kind::childinfo) o["childinfo"] = member_to_json(item.childinfo);
  if (item.kind == list_extended_kind::oldname) o["oldname"] = to_json(item.old_name);
  return o;
}

// An ESEARCH return item: its name and the value its kind holds.
value to_json(const search_return_data& d) {
  object o{{"name", bytes_to_json(d.name)}};
  if (d.is_invalid()) {
    o["invalid"] = true;
    o["bytes"] = bytes_to_json(d.invalid_bytes);
    o["error"] = to_json(d.error);
    return o;
  }
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
