// Definitions of the authenticated-state commands declared in command_auth.hpp. Included only by
// src/command/parse_command_auth.cpp.
#pragma once

#include "command/command_auth.hpp"
#include "command/command_common.hpp"
#include "lexical/annotate.hpp"
#include "lexical/metadata.hpp"
#include "lexical/modifiers.hpp"

namespace imapkit::grammar::cmd {

// ---------------------------------------------------------------------------------------------
// SELECT / EXAMINE

// known-uids = sequence-set; seq-match-data = "(" known-sequence-set SP known-uid-set ")"
// "QRESYNC" SP "(" uidvalidity SP mod-sequence-value [SP known-uids] [SP seq-match-data] ")"
// (RFC 7162 §7: select-param)
IMAPKIT_RULE(qresync_params, "qresync-params", imapkit::qresync_param);
inline const auto qresync_params_rule_def =
    x3::lit('(') > nz_number[set_member<&imapkit::qresync_param::uidvalidity>] > sp >
    mod_sequence_value[set_member<&imapkit::qresync_param::modseq>] >
    -(sp >> sequence_set[([](auto& ctx) { x3::_val(ctx).known_uids = x3::_attr(ctx); })]) >
    -(sp >> x3::lit('(') >
      sequence_set[([](auto& ctx) { x3::_val(ctx).known_sequence_set = x3::_attr(ctx); })] > sp >
      sequence_set[([](auto& ctx) { x3::_val(ctx).known_uid_set = x3::_attr(ctx); })] > ')') > ')';
IMAPKIT_DEFINE(qresync_params_rule)
inline const auto& qresync_params = qresync_params_rule;

// select-param = "CONDSTORE" / "QRESYNC" SP qresync-params / tagged-ext-label [SP tagged-ext-val]
// (RFC 4466, RFC 7162)
IMAPKIT_RULE(select_param, "select-param", imapkit::select_command);
inline const auto select_param_rule_def =
    whole_kw("CONDSTORE")[([](auto& ctx) { x3::_val(ctx).condstore = true; })] |
    (whole_kw("QRESYNC") > sp >
     qresync_params[([](auto& ctx) { x3::_val(ctx).qresync = x3::_attr(ctx); })]) |
    tagged_ext_param[push_member<&imapkit::select_command::other_params>];
IMAPKIT_DEFINE(select_param_rule)
inline const auto& select_param = select_param_rule;

// Appends the parameters of one select-param to the command being built.
inline constexpr auto merge_select_param = [](auto& ctx) {
  auto& v = x3::_val(ctx);
  const imapkit::select_command& p = x3::_attr(ctx);
  v.condstore = v.condstore || p.condstore;
  if (p.qresync) v.qresync = p.qresync;
  for (const auto& other : p.other_params) push_item(ctx, v.other_params, other);
};

// select = "SELECT" SP mailbox [select-params]; examine = "EXAMINE" SP mailbox [select-params]
// select-params = SP "(" select-param *(SP select-param) ")"   (RFC 9051, RFC 4466)
IMAPKIT_RULE(select, "select", imapkit::select_command);
inline const auto select_rule_def =
    (whole_kw("SELECT") |
     whole_kw("EXAMINE")[([](auto& ctx) { x3::_val(ctx).read_only = true; })]) > sp >
    mailbox[set_member<&imapkit::select_command::mailbox>] >
    -(sp > x3::lit('(') > select_param[merge_select_param] >
      *(sp > select_param[merge_select_param]) > ')');
IMAPKIT_DEFINE(select_rule)
inline const auto& select = select_rule;

// ---------------------------------------------------------------------------------------------
// CREATE, DELETE, RENAME, SUBSCRIBE, UNSUBSCRIBE

// use-attr = "\All" / "\Archive" / "\Drafts" / "\Flagged" / "\Junk" / "\Sent" / "\Trash" /
//            use-attr-ext; use-attr-ext = "\" atom       (RFC 6154 §6)
IMAPKIT_RULE(use_attr, "use-attr", std::string_view);
inline const auto use_attr_rule_def =
    x3::raw[x3::lit('\\') >> atom_chars]
           [([](auto& ctx) { x3::_val(ctx) = as_view(x3::_attr(ctx)); })];
IMAPKIT_DEFINE(use_attr_rule)
inline const auto& use_attr = use_attr_rule;

// create-param =/ "USE" SP "(" [use-attr *(SP use-attr)] ")"   (RFC 6154)
// create-param = create-param-name [SP create-param-value]      (RFC 4466)
IMAPKIT_RULE(create_param, "create-param", imapkit::create_command);
inline const auto create_param_rule_def =
    (whole_kw("USE")[([](auto& ctx) { x3::_val(ctx).has_use = true; })] > sp > x3::lit('(') >
     -(use_attr[push_member<&imapkit::create_command::use>] >
       *(sp > use_attr[push_member<&imapkit::create_command::use>])) > ')') |
    tagged_ext_param[push_member<&imapkit::create_command::other_params>];
IMAPKIT_DEFINE(create_param_rule)
inline const auto& create_param = create_param_rule;

inline constexpr auto merge_create_param = [](auto& ctx) {
  auto& v = x3::_val(ctx);
  const imapkit::create_command& p = x3::_attr(ctx);
  v.has_use = v.has_use || p.has_use;
  for (const auto& u : p.use) push_item(ctx, v.use, u);
  for (const auto& other : p.other_params) push_item(ctx, v.other_params, other);
};

// create = "CREATE" SP mailbox [create-params]
// create-params = SP "(" create-param *(SP create-param) ")"   (RFC 9051, RFC 4466)
IMAPKIT_RULE(create, "create", imapkit::create_command);
inline const auto create_rule_def = whole_kw("CREATE") > sp >
                                    mailbox[set_member<&imapkit::create_command::mailbox>] >
                                    -(sp > x3::lit('(') > create_param[merge_create_param] >
                                      *(sp > create_param[merge_create_param]) > ')');
IMAPKIT_DEFINE(create_rule)
inline const auto& create = create_rule;

// delete = "DELETE" SP mailbox
IMAPKIT_RULE(delete_, "delete", imapkit::delete_command);
inline const auto delete__rule_def =
    whole_kw("DELETE") > sp > mailbox[set_member<&imapkit::delete_command::mailbox>];
IMAPKIT_DEFINE(delete__rule)
inline const auto& delete_ = delete__rule;

// rename = "RENAME" SP mailbox SP mailbox
IMAPKIT_RULE(rename, "rename", imapkit::rename_command);
inline const auto rename_rule_def = whole_kw("RENAME") > sp >
                                    mailbox[set_member<&imapkit::rename_command::from>] > sp >
                                    mailbox[set_member<&imapkit::rename_command::to>];
IMAPKIT_DEFINE(rename_rule)
inline const auto& rename = rename_rule;

// subscribe = "SUBSCRIBE" SP mailbox
IMAPKIT_RULE(subscribe, "subscribe", imapkit::subscribe_command);
inline const auto subscribe_rule_def =
    whole_kw("SUBSCRIBE") > sp > mailbox[set_member<&imapkit::subscribe_command::mailbox>];
IMAPKIT_DEFINE(subscribe_rule)
inline const auto& subscribe = subscribe_rule;

// unsubscribe = "UNSUBSCRIBE" SP mailbox
IMAPKIT_RULE(unsubscribe, "unsubscribe", imapkit::unsubscribe_command);
inline const auto unsubscribe_rule_def =
    whole_kw("UNSUBSCRIBE") > sp > mailbox[set_member<&imapkit::unsubscribe_command::mailbox>];
IMAPKIT_DEFINE(unsubscribe_rule)
inline const auto& unsubscribe = unsubscribe_rule;

// ---------------------------------------------------------------------------------------------
// STATUS, LIST, LSUB

// status-att = "MESSAGES" / "UIDNEXT" / "UIDVALIDITY" / "UNSEEN" / "DELETED" / "SIZE"  (RFC 9051)
//            / "RECENT" (RFC 3501) / "HIGHESTMODSEQ" (RFC 7162) / "APPENDLIMIT" (RFC 7889)
//            / "MAILBOXID" (RFC 8474) / "DELETED-STORAGE" (RFC 9208)
IMAPKIT_RULE(status_att, "status-att", imapkit::status_att);
inline const auto status_att_rule_def =
    primitives::keyword_alternatives<status_att_names, nullptr,
                                     &primitives::every_row<keyword_row<imapkit::status_att>>>;
IMAPKIT_DEFINE(status_att_rule)
inline const auto& status_att = status_att_rule;

// "(" status-att *(SP status-att) ")"
IMAPKIT_RULE(status_att_list, "status-att-list", list<imapkit::status_att>);
inline const auto status_att_list_rule_def = x3::lit('(') > status_att[push_val] >
                                             *(sp > status_att[push_val]) > ')';
IMAPKIT_DEFINE(status_att_list_rule)
inline const auto& status_att_list = status_att_list_rule;

// status = "STATUS" SP mailbox SP "(" status-att *(SP status-att) ")"
IMAPKIT_RULE(status, "status", imapkit::status_command);
inline const auto status_rule_def =
    whole_kw("STATUS") > sp > mailbox[set_member<&imapkit::status_command::mailbox>] > sp >
    status_att_list[set_member<&imapkit::status_command::attributes>];
IMAPKIT_DEFINE(status_rule)
inline const auto& status = status_rule;

// list-select-opts = "(" [list-select-opt *(SP list-select-opt)] ")"   (RFC 5258, simplified:
// SUBSCRIBED, REMOTE, RECURSIVEMATCH, SPECIAL-USE and option-extension are all option names)
IMAPKIT_RULE(list_select_opts, "list-select-opts", list<imapkit::tagged_ext_param>);
inline const auto list_select_opts_rule_def = x3::lit('(') > -(option_extension[push_val] >
                                                               *(sp > option_extension[push_val])) >
                                              ')';
IMAPKIT_DEFINE(list_select_opts_rule)
inline const auto& list_select_opts = list_select_opts_rule;

// return-option = "SUBSCRIBED" / "CHILDREN" / status-option / option-extension  (RFC 5258)
// status-option = "STATUS" SP "(" status-att *(SP status-att) ")"              (RFC 5819)
IMAPKIT_RULE(return_option, "return-option", imapkit::list_command);
inline const auto return_option_rule_def =
    (whole_kw("STATUS")[([](auto& ctx) { x3::_val(ctx).return_status = true; })] > sp >
     status_att_list[set_member<&imapkit::list_command::status_attributes>]) |
    option_extension[push_member<&imapkit::list_command::return_options>];
IMAPKIT_DEFINE(return_option_rule)
inline const auto& return_option = return_option_rule;

inline constexpr auto merge_return_option = [](auto& ctx) {
  auto& v = x3::_val(ctx);
  const imapkit::list_command& o = x3::_attr(ctx);
  if (o.return_status) {
    v.return_status = true;
    for (const auto& a : o.status_attributes) push_item(ctx, v.status_attributes, a);
  }
  for (const auto& r : o.return_options) push_item(ctx, v.return_options, r);
};

// list-return-opts = "RETURN" SP "(" [return-option *(SP return-option)] ")"   (RFC 5258)
IMAPKIT_RULE(list_return_opts, "list-return-opts", imapkit::list_command);
inline const auto list_return_opts_rule_def =
    whole_kw("RETURN")[([](auto& ctx) { x3::_val(ctx).has_return = true; })] > sp > x3::lit('(') >
    -(return_option[merge_return_option] > *(sp > return_option[merge_return_option])) > ')';
IMAPKIT_DEFINE(list_return_opts_rule)
inline const auto& list_return_opts = list_return_opts_rule;

// mbox-or-pat = list-mailbox / patterns; patterns = "(" list-mailbox *(SP list-mailbox) ")"
IMAPKIT_RULE(mbox_or_pat, "mbox-or-pat", imapkit::list_command);
inline const auto mbox_or_pat_rule_def =
    (x3::lit('(')[([](auto& ctx) { x3::_val(ctx).patterns_parenthesized = true; })] >
     list_mailbox[push_member<&imapkit::list_command::patterns>] >
     *(sp > list_mailbox[push_member<&imapkit::list_command::patterns>]) > ')') |
    list_mailbox[push_member<&imapkit::list_command::patterns>];
IMAPKIT_DEFINE(mbox_or_pat_rule)
inline const auto& mbox_or_pat = mbox_or_pat_rule;

// list = "LIST" [SP list-select-opts] SP mailbox SP mbox-or-pat [SP list-return-opts]
// (RFC 9051, RFC 5258)
IMAPKIT_RULE(list_, "list", imapkit::list_command);
inline const auto list__rule_def =
    whole_kw("LIST") > sp >
    -(list_select_opts[set_member<&imapkit::list_command::selection_options>] >
      sp) > mailbox[set_member<&imapkit::list_command::reference>] > sp
    > mbox_or_pat[([](auto& ctx) {
        x3::_val(ctx).patterns = x3::_attr(ctx).patterns;
        x3::_val(ctx).patterns_parenthesized = x3::_attr(ctx).patterns_parenthesized;
      })] > -(sp > list_return_opts[([](auto& ctx) {
                auto& v = x3::_val(ctx);
                const imapkit::list_command& r = x3::_attr(ctx);
                v.has_return = true;
                v.return_options = r.return_options;
                v.return_status = r.return_status;
                v.status_attributes = r.status_attributes;
              })]);
IMAPKIT_DEFINE(list__rule)
inline const auto& list_ = list__rule;

// lsub = "LSUB" SP mailbox SP list-mailbox   (RFC 3501)
IMAPKIT_RULE(lsub, "lsub", imapkit::lsub_command);
inline const auto lsub_rule_def = whole_kw("LSUB") > sp >
                                  mailbox[set_member<&imapkit::lsub_command::reference>] > sp >
                                  list_mailbox[set_member<&imapkit::lsub_command::pattern>];
IMAPKIT_DEFINE(lsub_rule)
inline const auto& lsub = lsub_rule;

// ---------------------------------------------------------------------------------------------
// APPEND, REPLACE

// cat-part's keyword (spelled by catenate_part_names), setting the part's kind.
template <imapkit::catenate_part::kind_t Kind>
inline constexpr auto cat_part_kw = whole_kw(
    imapkit::to_string(Kind))[primitives::set_member_to<&imapkit::catenate_part::kind, Kind>];

// cat-part = text-literal / url / utf8-literal                        (RFC 4469 §5, RFC 6855 §4)
// text-literal = "TEXT" SP literal; url = "URL" SP astring; utf8-literal = "UTF8" SP "(" literal8
// ")"
IMAPKIT_RULE(cat_part, "cat-part", imapkit::catenate_part);
inline const auto cat_part_rule_def =
    (cat_part_kw<imapkit::catenate_part::kind_t::text> > sp >
     literal[set_member<&imapkit::catenate_part::value>]) |
    (cat_part_kw<imapkit::catenate_part::kind_t::url> > sp >
     astring[set_member<&imapkit::catenate_part::value>]) |
    (cat_part_kw<imapkit::catenate_part::kind_t::utf8> > sp > x3::lit('(') >
     literal8[set_member<&imapkit::catenate_part::value>] > ')');
IMAPKIT_DEFINE(cat_part_rule)
inline const auto& cat_part = cat_part_rule;

// append-data = literal / literal8 / append-data-ext                   (RFC 9051, RFC 3516)
// append-data-ext =/ "UTF8" SP "(" literal8 ")"                          (RFC 6855 §4)
// append-data =/ "CATENATE" SP "(" cat-part *(SP cat-part) ")"           (RFC 4469 §5)
IMAPKIT_RULE(append_data, "append-data", imapkit::append_message);
inline const auto append_data_rule_def =
    literal[set_member<&imapkit::append_message::data>] |
    literal8[set_member<&imapkit::append_message::data>] |
    (whole_kw("UTF8")[([](auto& ctx) { x3::_val(ctx).utf8 = true; })] > sp > x3::lit('(') >
     literal8[set_member<&imapkit::append_message::data>] > ')') |
    (whole_kw("CATENATE") > sp > x3::lit('(') >
     cat_part[push_member<&imapkit::append_message::catenate>] >
     *(sp > cat_part[push_member<&imapkit::append_message::catenate>]) > ')');
IMAPKIT_DEFINE(append_data_rule)
inline const auto& append_data = append_data_rule;

inline constexpr auto merge_append_data = [](auto& ctx) {
  x3::_val(ctx).data = x3::_attr(ctx).data;
  x3::_val(ctx).utf8 = x3::_attr(ctx).utf8;
  x3::_val(ctx).catenate = x3::_attr(ctx).catenate;
};
inline constexpr auto set_append_flags = [](auto& ctx) {
  x3::_val(ctx).has_flags = true;
  x3::_val(ctx).flags = x3::_attr(ctx);
};
inline constexpr auto set_append_date = [](auto& ctx) { x3::_val(ctx).date_time = x3::_attr(ctx); };

// SP "ANNOTATION" SP att-annotate: RFC 5257's append-ext (RFC 4466 append-opts' *(SP append-ext);
// the only append-ext read)
inline const auto append_annotation =
    sp >> whole_kw("ANNOTATION") > sp
    > att_annotate[set_member<&imapkit::append_message::annotations>];

// append-message = append-opts SP append-data; append-opts = [SP flag-list] [SP date-time]
// [SP att-annotate] (RFC 9051, RFC 3502 MULTIAPPEND, RFC 5257). Once a flag-list, date-time or
// annotation has been read, the message must go on to its data.
IMAPKIT_RULE(append_message, "append-message", imapkit::append_message);
inline const auto append_message_rule_def =
    (sp >> flag_list[set_append_flags] > -(sp >> date_time[set_append_date]) > -append_annotation >
     sp > append_data[merge_append_data]) |
    (sp >> date_time[set_append_date] > -append_annotation > sp > append_data[merge_append_data]) |
    (append_annotation > sp > append_data[merge_append_data]) |
    (sp >> append_data[merge_append_data]);
IMAPKIT_DEFINE(append_message_rule)
inline const auto& append_message = append_message_rule;

// append = "APPEND" SP mailbox 1*append-message   (RFC 9051, RFC 3502)
IMAPKIT_RULE(append, "append", imapkit::append_command);
inline const auto append_rule_def =
    whole_kw("APPEND") > sp > mailbox[set_member<&imapkit::append_command::mailbox>] >
    append_message[push_member<&imapkit::append_command::messages>] >
    *append_message[push_member<&imapkit::append_command::messages>];
IMAPKIT_DEFINE(append_rule)
inline const auto& append = append_rule;

// replace = "REPLACE" SP seq-number SP mailbox append-message             (RFC 8508 §6)
// uid-replace = "UID" SP "REPLACE" SP uniqueid SP mailbox append-message
inline const auto replace_args_rule_def =
    seq_number[set_member<&imapkit::replace_command::number>] > sp >
    mailbox[set_member<&imapkit::replace_command::mailbox>] >
    append_message[set_member<&imapkit::replace_command::message>];
IMAPKIT_DEFINE(replace_args_rule)

// ---------------------------------------------------------------------------------------------
// QUOTA (RFC 9208 §4)

// quota-root-name = astring
IMAPKIT_RULE(quota_root_name, "quota-root-name", imapkit::string);
inline const auto quota_root_name_rule_def = astring;
IMAPKIT_DEFINE(quota_root_name_rule)
inline const auto& quota_root_name = quota_root_name_rule;

// getquota = "GETQUOTA" SP quota-root-name
IMAPKIT_RULE(getquota, "getquota", imapkit::getquota_command);
inline const auto getquota_rule_def =
    whole_kw("GETQUOTA") > sp > quota_root_name[set_member<&imapkit::getquota_command::quota_root>];
IMAPKIT_DEFINE(getquota_rule)
inline const auto& getquota = getquota_rule;

// getquotaroot = "GETQUOTAROOT" SP mailbox
IMAPKIT_RULE(getquotaroot, "getquotaroot", imapkit::getquotaroot_command);
inline const auto getquotaroot_rule_def =
    whole_kw("GETQUOTAROOT") > sp > mailbox[set_member<&imapkit::getquotaroot_command::mailbox>];
IMAPKIT_DEFINE(getquotaroot_rule)
inline const auto& getquotaroot = getquotaroot_rule;

// setquota-resource = resource-name SP resource-limit; resource-name = atom; resource-limit =
// number64
IMAPKIT_RULE(setquota_resource, "setquota-resource", imapkit::quota_limit);
inline const auto setquota_resource_rule_def = atom[set_member<&imapkit::quota_limit::resource>] >
                                               sp >
                                               number64[set_member<&imapkit::quota_limit::limit>];
IMAPKIT_DEFINE(setquota_resource_rule)
inline const auto& setquota_resource = setquota_resource_rule;

// setquota = "SETQUOTA" SP quota-root-name SP setquota-list
// setquota-list = "(" [setquota-resource *(SP setquota-resource)] ")"
IMAPKIT_RULE(setquota, "setquota", imapkit::setquota_command);
inline const auto setquota_rule_def =
    whole_kw("SETQUOTA") > sp >
    quota_root_name[set_member<&imapkit::setquota_command::quota_root>] > sp > x3::lit('(') >
    -(setquota_resource[push_member<&imapkit::setquota_command::limits>] >
      *(sp > setquota_resource[push_member<&imapkit::setquota_command::limits>])) > ')';
IMAPKIT_DEFINE(setquota_rule)
inline const auto& setquota = setquota_rule;

// ---------------------------------------------------------------------------------------------
// METADATA (RFC 5464 §5)

// getmetadata-option = maxsize-opt / scope-opt / tagged-ext
// maxsize-opt = "MAXSIZE" SP number; scope-opt = "DEPTH" SP ("0" / "1" / "infinity")
IMAPKIT_RULE(getmetadata_option, "getmetadata-option", imapkit::getmetadata_command);
inline const auto getmetadata_option_rule_def =
    (whole_kw("MAXSIZE") > sp >
     number[([](auto& ctx) { x3::_val(ctx).maxsize = x3::_attr(ctx); })]) |
    (whole_kw("DEPTH") > sp >
     primitives::keyword_alternatives<
         imapkit::metadata_depth_names, &imapkit::getmetadata_command::depth,
         &primitives::every_row<keyword_row<imapkit::getmetadata_command::depth_t>>>) |
    tagged_ext_param[push_member<&imapkit::getmetadata_command::other_options>];
IMAPKIT_DEFINE(getmetadata_option_rule)
inline const auto& getmetadata_option = getmetadata_option_rule;

inline constexpr auto merge_getmetadata_option = [](auto& ctx) {
  auto& v = x3::_val(ctx);
  const imapkit::getmetadata_command& o = x3::_attr(ctx);
  if (o.maxsize) v.maxsize = o.maxsize;
  if (o.depth != imapkit::getmetadata_command::depth_t::unset) v.depth = o.depth;
  for (const auto& other : o.other_options) push_item(ctx, v.other_options, other);
};

// getmetadata-options = "(" getmetadata-option *(SP getmetadata-option) ")"
IMAPKIT_RULE(getmetadata_options, "getmetadata-options", imapkit::getmetadata_command);
inline const auto getmetadata_options_rule_def = x3::lit('(') >
                                                 getmetadata_option[merge_getmetadata_option] >
                                                 *(sp >
                                                   getmetadata_option[merge_getmetadata_option]) >
                                                 ')';
IMAPKIT_DEFINE(getmetadata_options_rule)
inline const auto& getmetadata_options = getmetadata_options_rule;

// entries = entry / "(" entry *(SP entry) ")"
IMAPKIT_RULE(entries, "entries", imapkit::getmetadata_command);
inline const auto entries_rule_def =
    (x3::lit('(')[([](auto& ctx) { x3::_val(ctx).entries_parenthesized = true; })] >
     entry[push_member<&imapkit::getmetadata_command::entries>] >
     *(sp > entry[push_member<&imapkit::getmetadata_command::entries>]) > ')') |
    entry[push_member<&imapkit::getmetadata_command::entries>];
IMAPKIT_DEFINE(entries_rule)
inline const auto& entries = entries_rule;

// getmetadata = "GETMETADATA" [SP getmetadata-options] SP mailbox SP entries
IMAPKIT_RULE(getmetadata, "getmetadata", imapkit::getmetadata_command);
inline const auto getmetadata_rule_def =
    whole_kw("GETMETADATA") > sp >
    -(getmetadata_options[merge_getmetadata_option] >
      sp) > mailbox[set_member<&imapkit::getmetadata_command::mailbox>] > sp
    > entries[([](auto& ctx) {
        x3::_val(ctx).entries = x3::_attr(ctx).entries;
        x3::_val(ctx).entries_parenthesized = x3::_attr(ctx).entries_parenthesized;
      })];
IMAPKIT_DEFINE(getmetadata_rule)
inline const auto& getmetadata = getmetadata_rule;

// setmetadata = "SETMETADATA" SP mailbox SP entry-values
// entry-values = "(" entry-value *(SP entry-value) ")"
IMAPKIT_RULE(setmetadata, "setmetadata", imapkit::setmetadata_command);
inline const auto setmetadata_rule_def =
    whole_kw("SETMETADATA") > sp > mailbox[set_member<&imapkit::setmetadata_command::mailbox>] >
    sp > x3::lit('(') > entry_value[push_member<&imapkit::setmetadata_command::entries>] >
    *(sp > entry_value[push_member<&imapkit::setmetadata_command::entries>]) > ')';
IMAPKIT_DEFINE(setmetadata_rule)
inline const auto& setmetadata = setmetadata_rule;

// ---------------------------------------------------------------------------------------------
// ACL (RFC 4314 §4)

// identifier = astring
IMAPKIT_RULE(identifier, "identifier", imapkit::string);
inline const auto identifier_rule_def = astring;
IMAPKIT_DEFINE(identifier_rule)
inline const auto& identifier = identifier_rule;

// mod-rights = astring   ; +rights to add, -rights to remove, rights to replace
IMAPKIT_RULE(mod_rights, "mod-rights", imapkit::string);
inline const auto mod_rights_rule_def = astring;
IMAPKIT_DEFINE(mod_rights_rule)
inline const auto& mod_rights = mod_rights_rule;

// setacl = "SETACL" SP mailbox SP identifier SP mod-rights
IMAPKIT_RULE(setacl, "setacl", imapkit::setacl_command);
inline const auto setacl_rule_def = whole_kw("SETACL") > sp >
                                    mailbox[set_member<&imapkit::setacl_command::mailbox>] > sp >
                                    identifier[set_member<&imapkit::setacl_command::identifier>] >
                                    sp > mod_rights[set_member<&imapkit::setacl_command::rights>];
IMAPKIT_DEFINE(setacl_rule)
inline const auto& setacl = setacl_rule;

// deleteacl = "DELETEACL" SP mailbox SP identifier
IMAPKIT_RULE(deleteacl, "deleteacl", imapkit::deleteacl_command);
inline const auto deleteacl_rule_def =
    whole_kw("DELETEACL") > sp > mailbox[set_member<&imapkit::deleteacl_command::mailbox>] > sp >
    identifier[set_member<&imapkit::deleteacl_command::identifier>];
IMAPKIT_DEFINE(deleteacl_rule)
inline const auto& deleteacl = deleteacl_rule;

// getacl = "GETACL" SP mailbox
IMAPKIT_RULE(getacl, "getacl", imapkit::getacl_command);
inline const auto getacl_rule_def =
    whole_kw("GETACL") > sp > mailbox[set_member<&imapkit::getacl_command::mailbox>];
IMAPKIT_DEFINE(getacl_rule)
inline const auto& getacl = getacl_rule;

// listrights = "LISTRIGHTS" SP mailbox SP identifier
IMAPKIT_RULE(listrights, "listrights", imapkit::listrights_command);
inline const auto listrights_rule_def =
    whole_kw("LISTRIGHTS") > sp > mailbox[set_member<&imapkit::listrights_command::mailbox>] > sp >
    identifier[set_member<&imapkit::listrights_command::identifier>];
IMAPKIT_DEFINE(listrights_rule)
inline const auto& listrights = listrights_rule;

// myrights = "MYRIGHTS" SP mailbox
IMAPKIT_RULE(myrights, "myrights", imapkit::myrights_command);
inline const auto myrights_rule_def =
    whole_kw("MYRIGHTS") > sp > mailbox[set_member<&imapkit::myrights_command::mailbox>];
IMAPKIT_DEFINE(myrights_rule)
inline const auto& myrights = myrights_rule;

// ---------------------------------------------------------------------------------------------
// COMPARATOR (RFC 5255), GETJMAPACCESS (RFC 9698), URLAUTH (RFC 4467, RFC 5524)

// comparator-cmd = "COMPARATOR" *(SP comp-order-quoted); comp-order-quoted = astring
IMAPKIT_RULE(comparator_cmd, "comparator-cmd", imapkit::comparator_command);
inline const auto comparator_cmd_rule_def =
    whole_kw("COMPARATOR") >> *(sp > astring[push_member<&imapkit::comparator_command::orders>]);
IMAPKIT_DEFINE(comparator_cmd_rule)
inline const auto& comparator_cmd = comparator_cmd_rule;

// url-rump SP mechanism; url-rump = astring   (RFC 4467 §9)
IMAPKIT_RULE(url_rump, "url-rump", imapkit::url_rump);
inline const auto url_rump_rule_def = astring[set_member<&imapkit::url_rump::url>] > sp >
                                      url_mechanism_name[set_member<&imapkit::url_rump::mechanism>];
IMAPKIT_DEFINE(url_rump_rule)

// genurlauth = "GENURLAUTH" 1*(SP url-rump SP mechanism)
IMAPKIT_RULE(genurlauth, "genurlauth", imapkit::genurlauth_command);
inline const auto genurlauth_rule_def =
    whole_kw("GENURLAUTH") >
    +(sp > url_rump_rule[push_member<&imapkit::genurlauth_command::rumps>]);
IMAPKIT_DEFINE(genurlauth_rule)
inline const auto& genurlauth = genurlauth_rule;

// url-fetch-arg = url-fetch-simple / url-fetch-ext; url-fetch-simple = url-full
// url-fetch-ext = "(" url-full *(SP url-fetch-param) ")"
// url-fetch-param = "BODY" / "BINARY" / "BODYPARTSTRUCTURE" / atom   (RFC 5524 §5)
IMAPKIT_RULE(url_fetch_arg, "url-fetch-arg", imapkit::urlfetch_arg);
inline const auto url_fetch_arg_rule_def =
    (x3::lit('(')[([](auto& ctx) { x3::_val(ctx).extended = true; })] >
     astring[set_member<&imapkit::urlfetch_arg::url>] >
     *(sp > atom[push_member<&imapkit::urlfetch_arg::params>]) > ')') |
    astring[set_member<&imapkit::urlfetch_arg::url>];
IMAPKIT_DEFINE(url_fetch_arg_rule)

// urlfetch = "URLFETCH" 1*(SP url-fetch-arg)   (RFC 4467 §9, RFC 5524 §5)
IMAPKIT_RULE(urlfetch, "urlfetch", imapkit::urlfetch_command);
inline const auto urlfetch_rule_def =
    whole_kw("URLFETCH") >
    +(sp > url_fetch_arg_rule[push_member<&imapkit::urlfetch_command::urls>]);
IMAPKIT_DEFINE(urlfetch_rule)
inline const auto& urlfetch = urlfetch_rule;

// resetkey = "RESETKEY" [SP mailbox *(SP mechanism)]   (RFC 4467 §9)
IMAPKIT_RULE(resetkey, "resetkey", imapkit::resetkey_command);
inline const auto resetkey_rule_def =
    whole_kw("RESETKEY") >>
    -(sp > mailbox[set_member<&imapkit::resetkey_command::mailbox>] >
      *(sp > url_mechanism_name[push_member<&imapkit::resetkey_command::mechanisms>]));
IMAPKIT_DEFINE(resetkey_rule)
inline const auto& resetkey = resetkey_rule;

// ---------------------------------------------------------------------------------------------
// command-auth

inline const auto command_auth_rule_def =
    select[set_body] | create[set_body] | delete_[set_body] | rename[set_body] |
    subscribe[set_body] | unsubscribe[set_body] | list_[set_body] | lsub[set_body] |
    whole_kw("NAMESPACE")[emplace_body<imapkit::namespace_command>] | status[set_body] |
    append[set_body] | whole_kw("IDLE")[emplace_body<imapkit::idle_command>] | getquota[set_body] |
    getquotaroot[set_body] | setquota[set_body] | getmetadata[set_body] | setmetadata[set_body] |
    setacl[set_body] | deleteacl[set_body] | getacl[set_body] | listrights[set_body] |
    myrights[set_body] | (whole_kw("REPLACE") > sp > replace_args_rule[set_body]) |
    comparator_cmd[set_body] |
    whole_kw("GETJMAPACCESS")[emplace_body<imapkit::getjmapaccess_command>] | genurlauth[set_body] |
    urlfetch[set_body] | resetkey[set_body];
IMAPKIT_DEFINE(command_auth_rule)

}  // namespace imapkit::grammar::cmd
