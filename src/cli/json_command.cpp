#include "json_command.hpp"

#include <string>

#include "json.hpp"
#include "json_search.hpp"

namespace imapkit::cli {

namespace {


boost::json::array status_atts(const list<status_att>& atts) {
  boost::json::array out;
  for (status_att a : atts) out.push_back(boost::json::string(to_string(a)));
  return out;
}

template <class T>
boost::json::array array_of(const list<T>& items) {
  boost::json::array out;
  for (const T& item : items) out.push_back(to_json(item));
  return out;
}

boost::json::array views(const list<std::string_view>& items) {
  boost::json::array out;
  for (std::string_view item : items) out.push_back(boost::json::string(item));
  return out;
}

boost::json::value param_json(const tagged_ext_param& p) {
  boost::json::object o{{"name", p.name}};
  if (p.value) o["value"] = to_json(*p.value);
  return o;
}

boost::json::array params_json(const list<tagged_ext_param>& params) {
  boost::json::array out;
  for (const tagged_ext_param& p : params) out.push_back(param_json(p));
  return out;
}

boost::json::value append_message_json(const append_message& m) {
  boost::json::object o;
  if (m.has_flags) {
    boost::json::array flags;
    for (const flag& f : m.flags) flags.push_back(boost::json::string(f.name));
    o["flags"] = std::move(flags);
  }
  if (m.date_time) o["date_time"] = to_json(*m.date_time);
  o["literal"] = m.data.kind == string_kind::literal8 ? "literal8" : "literal";
  if (m.utf8) o["utf8"] = true;
  o["size"] = m.data.value.size();
  o["data"] = bytes_to_json(m.data.value);
  return o;
}

std::string_view depth_name(getmetadata_command::depth_t d) {
  switch (d) {
    case getmetadata_command::depth_t::zero:
      return "0";
    case getmetadata_command::depth_t::one:
      return "1";
    case getmetadata_command::depth_t::infinity:
      return "infinity";
    case getmetadata_command::depth_t::unset:
      break;
  }
  return "";
}

// Adds the arguments of one command body to its JSON object.
struct body_json {
  boost::json::object& o;

  template <class T>
  void mailbox_only(const T& c) {
    o["mailbox"] = to_json(c.mailbox);
  }

  void operator()(const capability_command&) {}
  void operator()(const logout_command&) {}
  void operator()(const noop_command&) {}
  void operator()(const unauthenticate_command&) {}
  void operator()(const starttls_command&) {}
  void operator()(const namespace_command&) {}
  void operator()(const idle_command&) {}
  void operator()(const check_command&) {}
  void operator()(const close_command&) {}
  void operator()(const unselect_command&) {}
  void operator()(const expunge_command&) {}
  void operator()(const id_command& c) {
    if (c.nil) {
      o["params"] = nullptr;
      return;
    }
    boost::json::array params;
    for (const id_param& p : c.params)
      params.push_back(
          boost::json::object{{"field", to_json(p.field)}, {"value", to_json(p.value)}});
    o["params"] = std::move(params);
  }
  void operator()(const enable_command& c) { o["capabilities"] = views(c.capabilities); }
  void operator()(const compress_command& c) { o["algorithm"] = c.algorithm; }
  void operator()(const login_command& c) {
    o["userid"] = to_json(c.userid);
    o["password"] = to_json(c.password);
  }
  void operator()(const authenticate_command& c) {
    o["mechanism"] = c.mechanism;
    if (c.initial_response) o["initial_response"] = *c.initial_response;
  }
  void operator()(const select_command& c) {
    o["mailbox"] = to_json(c.mailbox);
    if (c.condstore) o["condstore"] = true;
    if (c.qresync) {
      boost::json::object q{{"uidvalidity", c.qresync->uidvalidity}, {"modseq", c.qresync->modseq}};
      if (c.qresync->known_uids) q["known_uids"] = to_json(*c.qresync->known_uids);
      if (c.qresync->known_sequence_set) {
        q["known_sequence_set"] = to_json(*c.qresync->known_sequence_set);
        q["known_uid_set"] = to_json(*c.qresync->known_uid_set);
      }
      o["qresync"] = std::move(q);
    }
    if (!c.other_params.empty()) o["params"] = params_json(c.other_params);
  }
  void operator()(const create_command& c) {
    o["mailbox"] = to_json(c.mailbox);
    if (c.has_use) o["use"] = views(c.use);
    if (!c.other_params.empty()) o["params"] = params_json(c.other_params);
  }
  void operator()(const delete_command& c) { mailbox_only(c); }
  void operator()(const subscribe_command& c) { mailbox_only(c); }
  void operator()(const unsubscribe_command& c) { mailbox_only(c); }
  void operator()(const getquotaroot_command& c) { mailbox_only(c); }
  void operator()(const getacl_command& c) { mailbox_only(c); }
  void operator()(const myrights_command& c) { mailbox_only(c); }
  void operator()(const rename_command& c) {
    o["from"] = to_json(c.from);
    o["to"] = to_json(c.to);
  }
  void operator()(const status_command& c) {
    o["mailbox"] = to_json(c.mailbox);
    o["attributes"] = status_atts(c.attributes);
  }
  void operator()(const list_command& c) {
    if (!c.selection_options.empty()) o["selection_options"] = params_json(c.selection_options);
    o["reference"] = to_json(c.reference);
    o["patterns"] = array_of(c.patterns);
    if (c.patterns_parenthesized) o["patterns_parenthesized"] = true;
    if (c.has_return) {
      boost::json::object r{{"options", params_json(c.return_options)}};
      if (c.return_status) r["status"] = status_atts(c.status_attributes);
      o["return"] = std::move(r);
    }
  }
  void operator()(const lsub_command& c) {
    o["reference"] = to_json(c.reference);
    o["pattern"] = to_json(c.pattern);
  }
  void operator()(const append_command& c) {
    o["mailbox"] = to_json(c.mailbox);
    boost::json::array messages;
    for (const append_message& m : c.messages) messages.push_back(append_message_json(m));
    o["messages"] = std::move(messages);
  }
  void operator()(const getquota_command& c) { o["quota_root"] = to_json(c.quota_root); }
  void operator()(const setquota_command& c) {
    o["quota_root"] = to_json(c.quota_root);
    boost::json::array limits;
    for (const quota_limit& l : c.limits)
      limits.push_back(boost::json::object{{"resource", l.resource}, {"limit", l.limit}});
    o["limits"] = std::move(limits);
  }
  void operator()(const getmetadata_command& c) {
    if (c.maxsize) o["maxsize"] = *c.maxsize;
    if (c.depth != getmetadata_command::depth_t::unset) o["depth"] = depth_name(c.depth);
    if (!c.other_options.empty()) o["options"] = params_json(c.other_options);
    o["mailbox"] = to_json(c.mailbox);
    o["entries"] = array_of(c.entries);
  }
  void operator()(const setmetadata_command& c) {
    o["mailbox"] = to_json(c.mailbox);
    boost::json::array entries;
    for (const metadata_entry_value& e : c.entries)
      entries.push_back(
          boost::json::object{{"entry", to_json(e.entry)}, {"value", to_json(e.value)}});
    o["entries"] = std::move(entries);
  }
  void operator()(const setacl_command& c) {
    o["mailbox"] = to_json(c.mailbox);
    o["identifier"] = to_json(c.identifier);
    o["rights"] = to_json(c.rights);
  }
  void operator()(const deleteacl_command& c) {
    o["mailbox"] = to_json(c.mailbox);
    o["identifier"] = to_json(c.identifier);
  }
  void operator()(const listrights_command& c) {
    o["mailbox"] = to_json(c.mailbox);
    o["identifier"] = to_json(c.identifier);
  }
  void operator()(const uid_expunge_command& c) { o["uids"] = to_json(c.uids); }
  void operator()(const copy_command& c) {
    o["set"] = to_json(c.set);
    o["mailbox"] = to_json(c.mailbox);
  }
  void operator()(const move_command& c) {
    o["set"] = to_json(c.set);
    o["mailbox"] = to_json(c.mailbox);
  }
  void operator()(const search_command& c) { o["program"] = to_json(c.program); }
  void operator()(const fetch_command& c) { o["program"] = to_json(c.program); }
  void operator()(const store_command& c) { o["program"] = to_json(c.program); }
  void operator()(const sort_command& c) { o["program"] = to_json(c.program); }
  void operator()(const thread_command& c) { o["program"] = to_json(c.program); }
  void operator()(const replace_command& c) {
    o["number"] = c.number;
    o["mailbox"] = to_json(c.mailbox);
    o["message"] = append_message_json(c.message);
  }
  void operator()(const esearch_command& c) {
    static constexpr std::string_view kinds[] = {"selected",  "selected-delayed", "inboxes",
                                                 "personal",  "subscribed",       "subtree",
                                                 "mailboxes", "subtree-one"};
    if (!c.sources.empty()) {
      boost::json::array sources;
      for (const mailbox_filter& f : c.sources) {
        boost::json::object s{{"filter", kinds[static_cast<int>(f.kind)]}};
        if (!f.mailboxes.empty()) s["mailboxes"] = array_of(f.mailboxes);
        sources.push_back(std::move(s));
      }
      o["sources"] = std::move(sources);
    }
    if (!c.scope_options.empty()) o["scope_options"] = params_json(c.scope_options);
    o["program"] = to_json(c.program);
  }
  void operator()(const generic_command& c) {
    boost::json::array args;
    for (const generic_value& v : c.args) args.push_back(to_json(v));
    o["args"] = std::move(args);
  }
};

}  // namespace

boost::json::value to_json(const command& c) {
  boost::json::object o{{"type", "command"}, {"tag", c.tag}, {"name", command_name(c)}};
  if (std::holds_alternative<generic_command>(c.body)) o["generic"] = true;
  std::visit(body_json{o}, c.body);
  return o;
}

boost::json::value to_json(const client_message& m) {
  if (const auto* c = std::get_if<command>(&m)) return to_json(*c);
  if (const auto* data = std::get_if<authenticate_data>(&m)) {
    if (data->cancel) return boost::json::object{{"type", "authenticate_data"}, {"cancel", true}};
    return boost::json::object{{"type", "authenticate_data"}, {"base64", data->base64}};
  }
  return boost::json::object{{"type", "idle_done"}};
}

}  // namespace imapkit::cli
