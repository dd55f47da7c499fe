// The command serializer: one encoder per production of RFC 9051 §9 `command` (and the
// extensions of ast/command.hpp), each mirroring the rule of command/command.hpp or
// command_auth_def.hpp that reads it back. The arguments of SEARCH / SORT / THREAD are the search
// area's (search/encode_search.cpp), those of FETCH / STORE the fetch area's
// (fetch/encode_fetch_att.cpp).
#include <variant>

#include "abnf/chars.hpp"
#include "fetch/encode.hpp"
#include "lexical/encode.hpp"
#include "search/encode.hpp"

namespace imapkit {

namespace encode {

namespace {

bool base64(writer& w, std::string_view s) {
  if (!w.ok()) return false;
  if (!is_valid_base64(s)) return w.fail(serialize_errc::invalid_value, "base64");
  w.raw(s);
  return w.ok();
}

// tagged-ext = tagged-ext-label [SP tagged-ext-val]   (RFC 4466; the label an atom). A name that
// is one of the context's keywords would be read as that keyword; after a parameter without a
// value, a name that starts like a tagged-ext-val (a digit, "$", "-" DIGIT) would be read as that
// parameter's value.
bool tagged_ext_params(writer& w, const list<tagged_ext_param>& params,
                       std::initializer_list<std::string_view> keywords) {
  bool after_valueless = false;
  return sp_separated(w, params, [&](const tagged_ext_param& p) {
    for (std::string_view k : keywords)
      if (iequals(p.name, k)) return w.fail(serialize_errc::invalid_value, "tagged-ext");
    if (after_valueless && starts_like_tagged_ext_val(p.name))
      return w.fail(serialize_errc::invalid_value, "tagged-ext");
    after_valueless = !p.value;
    if (!w.atom(p.name)) return false;
    if (!p.value) return true;
    w.sp();
    return tagged_ext_val(w, *p.value);
  });
}

// option-extension = option-tag [SP option-value]; option-value = "(" option-val-comp ")"
// (RFC 5258: LIST's selection and return options)
bool option_extensions(writer& w, const list<tagged_ext_param>& options,
                       std::initializer_list<std::string_view> keywords) {
  return sp_separated(w, options, [&](const tagged_ext_param& o) {
    for (std::string_view k : keywords)
      if (iequals(o.name, k)) return w.fail(serialize_errc::invalid_value, "option-extension");
    if (!w.atom(o.name)) return false;
    if (!o.value) return true;
    if (o.value->kind != generic_value::kind_t::list)
      return w.fail(serialize_errc::invalid_value, "option-value");
    w.sp();
    return w.generic_value(*o.value);
  });
}

// "(" status-att *(SP status-att) ")"
bool status_att_list(writer& w, const list<status_att>& atts) {
  if (atts.empty()) return w.fail(serialize_errc::invalid_value, "status-att");
  w.raw("(");
  if (!sp_separated(w, atts, [&](status_att a) {
        if (a == status_att::other || to_string(a).empty())
          return w.fail(serialize_errc::invalid_value, "status-att");
        w.raw(to_string(a));
        return w.ok();
      }))
    return false;
  w.raw(")");
  return w.ok();
}

// --- one encoder per command ------------------------------------------------------------------

// The command's keyword and nothing else.
struct keyword_only {
  writer& w;
  std::string_view name;
  bool operator()() const {
    w.raw(name);
    return w.ok();
  }
};

// id = "ID" SP id-params-list; id-params-list = "(" [string SP nstring *(SP string SP nstring)] ")"
// / nil   (RFC 2971)
bool id(writer& w, const id_command& c) {
  w.raw("ID ");
  if (c.nil) {
    if (!c.params.empty()) return w.fail(serialize_errc::invalid_value, "id-params-list");
    w.raw("NIL");
    return w.ok();
  }
  w.raw("(");
  if (!sp_separated(w, c.params, [&](const id_param& p) {
        if (p.field.is_nil()) return w.fail(serialize_errc::invalid_value, "id-params-list");
        if (!w.string(p.field)) return false;
        w.sp();
        return w.nstring(p.value);
      }))
    return false;
  w.raw(")");
  return w.ok();
}

// enable = "ENABLE" 1*(SP capability)
bool enable(writer& w, const enable_command& c) {
  if (c.capabilities.empty()) return w.fail(serialize_errc::invalid_value, "enable");
  w.raw("ENABLE");
  for (std::string_view cap : c.capabilities) {
    w.sp();
    if (!w.atom(cap)) return false;
  }
  return w.ok();
}

// compress = "COMPRESS" SP algorithm
bool compress(writer& w, const compress_command& c) {
  w.raw("COMPRESS ");
  return w.atom(c.algorithm);
}

// login = "LOGIN" SP userid SP password
bool login(writer& w, const login_command& c) {
  w.raw("LOGIN ");
  if (!astring_value(w, c.userid)) return false;
  w.sp();
  return astring_value(w, c.password);
}

// authenticate = "AUTHENTICATE" SP auth-type [SP initial-resp]; initial-resp = base64 / "="
// (RFC 4959; the empty base64 after SP is kept as an empty initial response: docs/commands.md)
bool authenticate(writer& w, const authenticate_command& c) {
  w.raw("AUTHENTICATE ");
  if (!w.atom(c.mechanism)) return false;
  if (!c.initial_response) return w.ok();
  w.sp();
  if (*c.initial_response == "=") {
    w.raw("=");
    return w.ok();
  }
  return base64(w, *c.initial_response);
}

// QRESYNC SP "(" uidvalidity SP mod-sequence-value [SP known-uids] [SP seq-match-data] ")"
bool qresync_params(writer& w, const qresync_param& q) {
  if (q.known_sequence_set.has_value() != q.known_uid_set.has_value())
    return w.fail(serialize_errc::invalid_value, "seq-match-data");
  w.raw("QRESYNC (");
  w.nz_number(q.uidvalidity);
  w.sp();
  mod_sequence_value(w, q.modseq);
  if (q.known_uids) {
    w.sp();
    if (!w.sequence_set(*q.known_uids)) return false;
  }
  if (q.known_sequence_set) {
    w.raw(" (");
    if (!w.sequence_set(*q.known_sequence_set)) return false;
    w.sp();
    if (!w.sequence_set(*q.known_uid_set)) return false;
    w.raw(")");
  }
  w.raw(")");
  return w.ok();
}

// select = "SELECT" SP mailbox [select-params]; examine likewise
// select-params = SP "(" select-param *(SP select-param) ")"
bool select(writer& w, const select_command& c) {
  w.raw(c.read_only ? "EXAMINE " : "SELECT ");
  if (!w.mailbox(c.mailbox)) return false;
  if (!c.condstore && !c.qresync && c.other_params.empty()) return w.ok();
  w.raw(" (");
  bool first = true;
  if (c.condstore) {
    w.raw("CONDSTORE");
    first = false;
  }
  if (c.qresync) {
    if (!first) w.sp();
    first = false;
    if (!qresync_params(w, *c.qresync)) return false;
  }
  if (!c.other_params.empty()) {
    if (!first) w.sp();
    if (!tagged_ext_params(w, c.other_params, {"CONDSTORE", "QRESYNC"})) return false;
  }
  w.raw(")");
  return w.ok();
}

// use-attr = "\" atom   (RFC 6154, kept as written)
bool use_attr(writer& w, std::string_view a) {
  if (a.size() < 2 || a[0] != '\\' || !is_valid_atom(a.substr(1)))
    return w.fail(serialize_errc::invalid_flag, "use-attr");
  w.raw(a);
  return w.ok();
}

// create = "CREATE" SP mailbox [create-params]; create-param =/ "USE" SP "(" [use-attr ...] ")"
bool create(writer& w, const create_command& c) {
  w.raw("CREATE ");
  if (!w.mailbox(c.mailbox)) return false;
  if (!c.has_use && !c.use.empty()) return w.fail(serialize_errc::invalid_value, "create-param");
  if (!c.has_use && c.other_params.empty()) return w.ok();
  w.raw(" (");
  if (c.has_use) {
    w.raw("USE (");
    if (!sp_separated(w, c.use, [&](std::string_view a) { return use_attr(w, a); })) return false;
    w.raw(")");
    if (!c.other_params.empty()) w.sp();
  }
  if (!tagged_ext_params(w, c.other_params, {"USE"})) return false;
  w.raw(")");
  return w.ok();
}

// KEYWORD SP mailbox (DELETE, SUBSCRIBE, UNSUBSCRIBE, GETQUOTAROOT, GETACL, MYRIGHTS)
bool mailbox_command(writer& w, std::string_view keyword, const imapkit::mailbox& m) {
  w.raw(keyword).sp();
  return w.mailbox(m);
}

// rename = "RENAME" SP mailbox SP mailbox
bool rename(writer& w, const rename_command& c) {
  w.raw("RENAME ");
  if (!w.mailbox(c.from)) return false;
  w.sp();
  return w.mailbox(c.to);
}

// status = "STATUS" SP mailbox SP "(" status-att *(SP status-att) ")"
bool status(writer& w, const status_command& c) {
  w.raw("STATUS ");
  if (!w.mailbox(c.mailbox)) return false;
  w.sp();
  return status_att_list(w, c.attributes);
}

// list = "LIST" [SP list-select-opts] SP mailbox SP mbox-or-pat [SP list-return-opts]
bool list_(writer& w, const list_command& c) {
  if (!c.has_return && (c.return_status || !c.return_options.empty()))
    return w.fail(serialize_errc::invalid_value, "list-return-opts");
  if (!c.return_status && !c.status_attributes.empty())
    return w.fail(serialize_errc::invalid_value, "status-option");
  w.raw("LIST ");
  // list-select-opts = "(" [list-select-opt *(SP list-select-opt)] ")" (absent when empty: the
  // AST does not tell "()" from nothing)
  if (!c.selection_options.empty()) {
    w.raw("(");
    if (!option_extensions(w, c.selection_options, {})) return false;
    w.raw(") ");
  }
  if (!w.mailbox(c.reference)) return false;
  w.sp();
  // mbox-or-pat = list-mailbox / patterns; patterns = "(" list-mailbox *(SP list-mailbox) ")"
  if (c.patterns_parenthesized ? c.patterns.empty() : c.patterns.size() != 1)
    return w.fail(serialize_errc::invalid_value, "mbox-or-pat");
  if (c.patterns_parenthesized) w.raw("(");
  if (!sp_separated(w, c.patterns, [&](const imapkit::string& p) { return list_mailbox(w, p); }))
    return false;
  if (c.patterns_parenthesized) w.raw(")");
  if (!c.has_return) return w.ok();
  // list-return-opts = "RETURN" SP "(" [return-option *(SP return-option)] ")"
  w.raw(" RETURN (");
  if (!option_extensions(w, c.return_options, {"STATUS"})) return false;
  if (c.return_status) {
    // status-option = "STATUS" SP "(" status-att *(SP status-att) ")"   (RFC 5819)
    if (!c.return_options.empty()) w.sp();
    w.raw("STATUS ");
    if (!status_att_list(w, c.status_attributes)) return false;
  }
  w.raw(")");
  return w.ok();
}

// lsub = "LSUB" SP mailbox SP list-mailbox
bool lsub(writer& w, const lsub_command& c) {
  w.raw("LSUB ");
  if (!w.mailbox(c.reference)) return false;
  w.sp();
  return list_mailbox(w, c.pattern);
}

// cat-part = "TEXT" SP literal / "URL" SP astring / "UTF8" SP "(" literal8 ")"   (RFC 4469, 6855)
bool cat_part(writer& w, const catenate_part& part) {
  if (part.value.is_nil()) return w.fail(serialize_errc::invalid_value, "cat-part");
  w.raw(to_string(part.kind));
  w.sp();
  switch (part.kind) {
    case catenate_part::kind_t::text:
      return w.literal(part.value, false);
    case catenate_part::kind_t::url:
      return w.astring(part.value);
    case catenate_part::kind_t::utf8:
      w.raw("(");
      w.literal(part.value, true);
      w.raw(")");
      return w.ok();
  }
  return w.fail(serialize_errc::invalid_value, "cat-part");
}

// append-message = append-opts SP append-data; append-opts = [SP flag-list] [SP date-time]
// append-data = literal / literal8 / "UTF8" SP "(" literal8 ")"   (written with its leading SP)
//             / "CATENATE" SP "(" cat-part *(SP cat-part) ")"
bool append_message(writer& w, const imapkit::append_message& m) {
  if (!w.ok()) return false;
  if (!m.has_flags && !m.flags.empty()) return w.fail(serialize_errc::invalid_value, "append-opts");
  // Exactly one form of data: a literal, or CATENATE's parts (never both, never the UTF8 mark
  // with parts: a UTF8 part is a cat-part of its own).
  if (m.catenate.empty() ? m.data.is_nil() : !m.data.is_nil() || m.utf8)
    return w.fail(serialize_errc::invalid_value, "append-data");
  if (m.has_flags) {
    w.sp();
    if (!w.flag_list(m.flags)) return false;
  }
  if (m.date_time) {
    w.sp();
    if (!w.date_time(*m.date_time)) return false;
  }
  if (!m.annotations.empty()) {
    // append-ext =/ att-annotate   (RFC 5257)
    w.raw(" ANNOTATION (");
    if (!sp_separated(w, m.annotations, [&](const annotation_entry& e) { return entry_att(w, e); }))
      return false;
    w.raw(")");
  }
  w.sp();
  if (!m.catenate.empty()) {
    w.raw("CATENATE (");
    if (!sp_separated(w, m.catenate, [&](const catenate_part& part) { return cat_part(w, part); }))
      return false;
    w.raw(")");
    return w.ok();
  }
  if (m.utf8) {
    w.raw("UTF8 (");
    w.literal(m.data, true);
    w.raw(")");
    return w.ok();
  }
  // literal8 only where the data holds NUL: a plain literal is what every server takes.
  if (m.data.is_streamed()) return w.literal(m.data, m.data.kind == string_kind::literal8);
  return w.literal(m.data.value, m.data.value.find('\0') != std::string_view::npos);
}

// append = "APPEND" SP mailbox 1*append-message   (RFC 3502 MULTIAPPEND)
bool append(writer& w, const append_command& c) {
  if (c.messages.empty()) return w.fail(serialize_errc::invalid_value, "append-message");
  w.raw("APPEND ");
  if (!w.mailbox(c.mailbox)) return false;
  for (const imapkit::append_message& m : c.messages)
    if (!append_message(w, m)) return false;
  return w.ok();
}

// getquota = "GETQUOTA" SP quota-root-name
bool getquota(writer& w, const getquota_command& c) {
  w.raw("GETQUOTA ");
  return astring_value(w, c.quota_root);
}

// setquota = "SETQUOTA" SP quota-root-name SP setquota-list
// setquota-list = "(" [setquota-resource *(SP setquota-resource)] ")"
bool setquota(writer& w, const setquota_command& c) {
  w.raw("SETQUOTA ");
  if (!astring_value(w, c.quota_root)) return false;
  w.raw(" (");
  if (!sp_separated(w, c.limits, [&](const quota_limit& l) {
        // setquota-resource = resource-name SP resource-limit
        if (!w.atom(l.resource)) return false;
        w.sp();
        return w.number64(l.limit);
      }))
    return false;
  w.raw(")");
  return w.ok();
}

// getmetadata = "GETMETADATA" [SP getmetadata-options] SP mailbox SP entries
bool getmetadata(writer& w, const getmetadata_command& c) {
  using depth_t = getmetadata_command::depth_t;
  w.raw("GETMETADATA ");
  // getmetadata-options = "(" getmetadata-option *(SP getmetadata-option) ")"
  if (c.maxsize || c.depth != depth_t::unset || !c.other_options.empty()) {
    w.raw("(");
    bool first = true;
    if (c.maxsize) {
      w.raw("MAXSIZE ");
      w.number(*c.maxsize);
      first = false;
    }
    if (c.depth != depth_t::unset) {
      if (!first) w.sp();
      first = false;
      if (!is_keyword_kind(metadata_depth_names, c.depth))
        return w.fail(serialize_errc::invalid_value, "scope-opt");
      w.raw("DEPTH ");
      w.raw(to_string(c.depth));
    }
    if (!c.other_options.empty()) {
      if (!first) w.sp();
      if (!tagged_ext_params(w, c.other_options, {"MAXSIZE", "DEPTH"})) return false;
    }
    w.raw(") ");
  }
  if (!w.mailbox(c.mailbox)) return false;
  w.sp();
  // entries = entry / "(" entry *(SP entry) ")"
  if (c.entries_parenthesized ? c.entries.empty() : c.entries.size() != 1)
    return w.fail(serialize_errc::invalid_value, "entries");
  if (c.entries_parenthesized) w.raw("(");
  if (!sp_separated(w, c.entries, [&](const imapkit::string& e) { return astring_value(w, e); }))
    return false;
  if (c.entries_parenthesized) w.raw(")");
  return w.ok();
}

// setmetadata = "SETMETADATA" SP mailbox SP entry-values
// entry-values = "(" entry-value *(SP entry-value) ")"; entry-value = entry SP value
// value = nstring / literal8
bool setmetadata(writer& w, const setmetadata_command& c) {
  if (c.entries.empty()) return w.fail(serialize_errc::invalid_value, "entry-values");
  w.raw("SETMETADATA ");
  if (!w.mailbox(c.mailbox)) return false;
  w.raw(" (");
  if (!sp_separated(w, c.entries, [&](const metadata_entry_value& e) {
        if (!astring_value(w, e.entry)) return false;
        w.sp();
        return w.nstring(e.value, true);
      }))
    return false;
  w.raw(")");
  return w.ok();
}

// setacl = "SETACL" SP mailbox SP identifier SP mod-rights; deleteacl / listrights: without the
// rights   (RFC 4314)
bool acl_command(writer& w, std::string_view keyword, const imapkit::mailbox& m,
                 const imapkit::string& identifier, const imapkit::string* rights) {
  w.raw(keyword).sp();
  if (!w.mailbox(m)) return false;
  w.sp();
  if (!astring_value(w, identifier)) return false;
  if (!rights) return w.ok();
  w.sp();
  return astring_value(w, *rights);
}

// ["UID" SP] KEYWORD SP sequence-set SP mailbox (COPY, MOVE)
template <class C>
bool copy_move(writer& w, std::string_view keyword, const C& c) {
  if (c.uid) w.raw("UID ");
  w.raw(keyword).sp();
  if (!w.sequence_set(c.set)) return false;
  w.sp();
  return w.mailbox(c.mailbox);
}

// uid-expunge = "UID" SP "EXPUNGE" SP uid-set   (no "*", no "$")
bool uid_expunge(writer& w, const uid_expunge_command& c) {
  if (c.uids.last_command) return w.fail(serialize_errc::invalid_sequence_set, "uid-set");
  w.raw("UID EXPUNGE ");
  return w.sequence_set(c.uids, false);
}

// filter-mailboxes (RFC 5465, RFC 7377): "selected" / "inboxes" / "personal" / "subscribed" /
// ("subtree" / "mailboxes" / "subtree-one") SP one-or-more-mailbox
bool filter_mailboxes(writer& w, const mailbox_filter& f) {
  // selected-delayed: NOTIFY only, RFC 7377 forbids it in ESEARCH
  if (!is_keyword_kind(mailbox_filter_names, f.kind) ||
      f.kind == mailbox_filter::kind_t::selected_delayed ||
      takes_mailboxes(f.kind) == f.mailboxes.empty())
    return w.fail(serialize_errc::invalid_value, "filter-mailboxes");
  w.raw(to_string(f.kind));
  if (!takes_mailboxes(f.kind)) return w.ok();
  w.sp();
  // one-or-more-mailbox = mailbox / "(" mailbox *(SP mailbox) ")"
  const bool many = f.mailboxes.size() > 1;
  if (many) w.raw("(");
  if (!sp_separated(w, f.mailboxes, [&](const imapkit::mailbox& m) { return w.mailbox(m); }))
    return false;
  if (many) w.raw(")");
  return w.ok();
}

// esearch = "ESEARCH" [SP esearch-source-opts] [SP search-return-opts] SP search-program
// esearch-source-opts = "IN" SP "(" source-mbox [SP "(" scope-options ")"] ")"
bool esearch(writer& w, const esearch_command& c) {
  if (c.sources.empty() && !c.scope_options.empty())
    return w.fail(serialize_errc::invalid_value, "esearch-source-opts");
  if (c.uid) w.raw("UID ");
  w.raw("ESEARCH ");
  if (!c.sources.empty()) {
    w.raw("IN (");
    if (!sp_separated(w, c.sources,
                      [&](const mailbox_filter& f) { return filter_mailboxes(w, f); }))
      return false;
    if (!c.scope_options.empty()) {
      w.raw(" (");
      if (!tagged_ext_params(w, c.scope_options, {})) return false;
      w.raw(")");
    }
    w.raw(") ");
  }
  return search_program(w, c.program);
}

// replace = ["UID" SP] "REPLACE" SP seq-number SP mailbox append-message   (RFC 8508)
bool replace(writer& w, const replace_command& c) {
  if (c.uid) w.raw("UID ");
  w.raw("REPLACE ");
  if (c.number == seq_range::star)
    w.raw("*");
  else
    w.nz_number(c.number);
  w.sp();
  if (!w.mailbox(c.mailbox)) return false;
  return append_message(w, c.message);
}

// x-command: a name the grammar does not know, then its arguments as generic values
// "LANGUAGE" *(SP lang-range-quoted), "COMPARATOR" *(SP comp-order-quoted): astrings
// (RFC 5255)
bool astring_list_command(writer& w, std::string_view keyword, const list<imapkit::string>& values,
                          std::string_view what) {
  w.raw(keyword);
  for (const imapkit::string& v : values) {
    w.sp();
    if (!astring_value(w, v, what)) return false;
  }
  return w.ok();
}

// mechanism = "INTERNAL" / 1*(ALPHA / DIGIT / "-" / ".")   (RFC 4467)
bool url_mechanism(writer& w, std::string_view mechanism) {
  if (!all_of_class(mechanism, grammar::chars::mechanism_char))
    return w.fail(serialize_errc::invalid_atom, "mechanism");
  w.raw(mechanism);
  return w.ok();
}

// genurlauth = "GENURLAUTH" 1*(SP url-rump SP mechanism)   (RFC 4467)
bool genurlauth(writer& w, const genurlauth_command& c) {
  if (c.rumps.empty()) return w.fail(serialize_errc::invalid_value, "genurlauth");
  w.raw("GENURLAUTH");
  for (const url_rump& r : c.rumps) {
    w.sp();
    if (!astring_value(w, r.url, "url-rump")) return false;
    w.sp();
    if (!url_mechanism(w, r.mechanism)) return false;
  }
  return w.ok();
}

// urlfetch = "URLFETCH" 1*(SP url-fetch-arg); url-fetch-arg = url-full / "(" url-full
// *(SP url-fetch-param) ")"; url-fetch-param = atom   (RFC 4467, RFC 5524)
bool urlfetch(writer& w, const urlfetch_command& c) {
  if (c.urls.empty()) return w.fail(serialize_errc::invalid_value, "urlfetch");
  w.raw("URLFETCH");
  for (const urlfetch_arg& a : c.urls) {
    w.sp();
    if (!a.extended && !a.params.empty())
      return w.fail(serialize_errc::invalid_value, "url-fetch-arg");
    if (a.extended) w.raw("(");
    if (!astring_value(w, a.url, "url-full")) return false;
    for (std::string_view p : a.params) {
      w.sp();
      if (!w.atom(p)) return false;
    }
    if (a.extended) w.raw(")");
  }
  return w.ok();
}

// resetkey = "RESETKEY" [SP mailbox *(SP mechanism)]   (RFC 4467)
bool resetkey(writer& w, const resetkey_command& c) {
  w.raw("RESETKEY");
  if (!c.mailbox) {
    if (!c.mechanisms.empty()) return w.fail(serialize_errc::invalid_value, "resetkey");
    return w.ok();
  }
  w.sp();
  if (!w.mailbox(*c.mailbox)) return false;
  for (std::string_view m : c.mechanisms) {
    w.sp();
    if (!url_mechanism(w, m)) return false;
  }
  return w.ok();
}

bool generic(writer& w, const generic_command& c) {
  for (std::string_view k : command_keywords)
    if (iequals(c.name, k)) return w.fail(serialize_errc::invalid_value, "x-command");
  if (!w.atom(c.name)) return false;
  for (const generic_value& v : c.args) {
    w.sp();
    if (!w.generic_value(v)) return false;
  }
  return w.ok();
}

// The UID forms: "UID" SP and the command.
template <class C>
bool uid_prefixed(writer& w, std::string_view keyword, const C& c) {
  if (c.uid) w.raw("UID ");
  w.raw(keyword).sp();
  return w.ok();
}

// command-any / command-auth / command-nonauth / command-select / x-command
bool command_body(writer& w, const imapkit::command_body& body) {
  return std::visit(
      [&](const auto& c) -> bool {
        using T = std::decay_t<decltype(c)>;
        if constexpr (std::is_same_v<T, capability_command>)
          return keyword_only{w, "CAPABILITY"}();
        else if constexpr (std::is_same_v<T, logout_command>)
          return keyword_only{w, "LOGOUT"}();
        else if constexpr (std::is_same_v<T, noop_command>)
          return keyword_only{w, "NOOP"}();
        else if constexpr (std::is_same_v<T, unauthenticate_command>)
          return keyword_only{w, "UNAUTHENTICATE"}();
        else if constexpr (std::is_same_v<T, starttls_command>)
          return keyword_only{w, "STARTTLS"}();
        else if constexpr (std::is_same_v<T, namespace_command>)
          return keyword_only{w, "NAMESPACE"}();
        else if constexpr (std::is_same_v<T, idle_command>)
          return keyword_only{w, "IDLE"}();
        else if constexpr (std::is_same_v<T, check_command>)
          return keyword_only{w, "CHECK"}();
        else if constexpr (std::is_same_v<T, close_command>)
          return keyword_only{w, "CLOSE"}();
        else if constexpr (std::is_same_v<T, unselect_command>)
          return keyword_only{w, "UNSELECT"}();
        else if constexpr (std::is_same_v<T, expunge_command>)
          return keyword_only{w, "EXPUNGE"}();
        else if constexpr (std::is_same_v<T, id_command>)
          return id(w, c);
        else if constexpr (std::is_same_v<T, enable_command>)
          return enable(w, c);
        else if constexpr (std::is_same_v<T, compress_command>)
          return compress(w, c);
        else if constexpr (std::is_same_v<T, login_command>)
          return login(w, c);
        else if constexpr (std::is_same_v<T, authenticate_command>)
          return authenticate(w, c);
        else if constexpr (std::is_same_v<T, select_command>)
          return select(w, c);
        else if constexpr (std::is_same_v<T, create_command>)
          return create(w, c);
        else if constexpr (std::is_same_v<T, delete_command>)
          return mailbox_command(w, "DELETE", c.mailbox);
        else if constexpr (std::is_same_v<T, subscribe_command>)
          return mailbox_command(w, "SUBSCRIBE", c.mailbox);
        else if constexpr (std::is_same_v<T, unsubscribe_command>)
          return mailbox_command(w, "UNSUBSCRIBE", c.mailbox);
        else if constexpr (std::is_same_v<T, getquotaroot_command>)
          return mailbox_command(w, "GETQUOTAROOT", c.mailbox);
        else if constexpr (std::is_same_v<T, getacl_command>)
          return mailbox_command(w, "GETACL", c.mailbox);
        else if constexpr (std::is_same_v<T, myrights_command>)
          return mailbox_command(w, "MYRIGHTS", c.mailbox);
        else if constexpr (std::is_same_v<T, rename_command>)
          return rename(w, c);
        else if constexpr (std::is_same_v<T, status_command>)
          return status(w, c);
        else if constexpr (std::is_same_v<T, list_command>)
          return list_(w, c);
        else if constexpr (std::is_same_v<T, lsub_command>)
          return lsub(w, c);
        else if constexpr (std::is_same_v<T, append_command>)
          return append(w, c);
        else if constexpr (std::is_same_v<T, getquota_command>)
          return getquota(w, c);
        else if constexpr (std::is_same_v<T, setquota_command>)
          return setquota(w, c);
        else if constexpr (std::is_same_v<T, getmetadata_command>)
          return getmetadata(w, c);
        else if constexpr (std::is_same_v<T, setmetadata_command>)
          return setmetadata(w, c);
        else if constexpr (std::is_same_v<T, setacl_command>)
          return acl_command(w, "SETACL", c.mailbox, c.identifier, &c.rights);
        else if constexpr (std::is_same_v<T, deleteacl_command>)
          return acl_command(w, "DELETEACL", c.mailbox, c.identifier, nullptr);
        else if constexpr (std::is_same_v<T, listrights_command>)
          return acl_command(w, "LISTRIGHTS", c.mailbox, c.identifier, nullptr);
        else if constexpr (std::is_same_v<T, uid_expunge_command>)
          return uid_expunge(w, c);
        else if constexpr (std::is_same_v<T, copy_command>)
          return copy_move(w, "COPY", c);
        else if constexpr (std::is_same_v<T, move_command>)
          return copy_move(w, "MOVE", c);
        else if constexpr (std::is_same_v<T, search_command>)
          return uid_prefixed(w, "SEARCH", c) && search_program(w, c.program);
        else if constexpr (std::is_same_v<T, fetch_command>)
          return uid_prefixed(w, "FETCH", c) && fetch_program(w, c.program);
        else if constexpr (std::is_same_v<T, store_command>)
          return uid_prefixed(w, "STORE", c) && store_program(w, c.program);
        else if constexpr (std::is_same_v<T, sort_command>)
          return uid_prefixed(w, "SORT", c) && sort_program(w, c.program);
        else if constexpr (std::is_same_v<T, thread_command>)
          return uid_prefixed(w, "THREAD", c) && thread_program(w, c.program);
        else if constexpr (std::is_same_v<T, esearch_command>)
          return esearch(w, c);
        else if constexpr (std::is_same_v<T, replace_command>)
          return replace(w, c);
        else if constexpr (std::is_same_v<T, language_command>)
          return astring_list_command(w, "LANGUAGE", c.ranges, "lang-range-quoted");
        else if constexpr (std::is_same_v<T, comparator_command>)
          return astring_list_command(w, "COMPARATOR", c.orders, "comp-order-quoted");
        else if constexpr (std::is_same_v<T, getjmapaccess_command>)
          return keyword_only{w, "GETJMAPACCESS"}();
        else if constexpr (std::is_same_v<T, genurlauth_command>)
          return genurlauth(w, c);
        else if constexpr (std::is_same_v<T, urlfetch_command>)
          return urlfetch(w, c);
        else if constexpr (std::is_same_v<T, resetkey_command>)
          return resetkey(w, c);
        else if constexpr (std::is_same_v<T, generic_command>)
          return generic(w, c);
        else
          static_assert(sizeof(T) == 0, "a command body without an encoder");
      },
      body);
}

// command = tag SP (command-any / command-auth / command-nonauth / command-select) CRLF
bool command(writer& w, const imapkit::command& c) {
  if (!w.tag(c.tag)) return false;
  w.sp();
  if (!command_body(w, c.body)) return false;
  w.crlf();
  return w.ok();
}

// A command is always written by a client: its synchronizing literals wait for "+".
serialize_options client_options(const serialize_options& options) {
  serialize_options o = options;
  o.writer = serialize_options::role::client;
  return o;
}

}  // namespace

}  // namespace encode

serialize_result serialize(const command& c, sink& out, const serialize_options& options) {
  out.begin_message();
  writer w(out, encode::client_options(options));
  if (!encode::command(w, c)) out.abandon_message();
  return w.error();
}

serialize_result serialize(const client_message& m, sink& out, const serialize_options& options) {
  if (const command* c = std::get_if<command>(&m)) return serialize(*c, out, options);
  out.begin_message();
  writer w(out, encode::client_options(options));
  if (const authenticate_data* d = std::get_if<authenticate_data>(&m)) {
    // base64 / "*" (cancel), then CRLF (RFC 9051 §6.2.2)
    if (d->cancel) {
      if (!d->base64.empty()) w.fail(serialize_errc::invalid_value, "base64");
      w.raw("*");
    } else {
      encode::base64(w, d->base64);
    }
  } else {
    // idle = "IDLE" CRLF "DONE"
    w.raw("DONE");
  }
  w.crlf();
  if (!w.ok()) out.abandon_message();
  return w.error();
}

}  // namespace imapkit
