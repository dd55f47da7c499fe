// The command side of RFC 9051 §9 (and RFC 3501 §9 forms): `command` and the other lines a client
// sends (AUTHENTICATE continuation data, IDLE's DONE). The authenticated-state commands are in
// command_auth.hpp (a separately compiled rule); SEARCH / SORT / THREAD arguments in search.hpp,
// FETCH / STORE arguments in fetch_command.hpp (also separately compiled). Included only by
// src/command/parse_command.cpp.
#pragma once

#include "command/command_auth.hpp"
#include "command/command_common.hpp"
#include "fetch/fetch_command.hpp"
#include "lexical/id.hpp"
#include "search/search.hpp"

namespace imapkit::grammar::cmd {

// ---------------------------------------------------------------------------------------------
// Any state

// id = "ID" SP id-params-list
IMAPKIT_RULE(id, "id", imapkit::id_command);
inline const auto id_rule_def =
    whole_kw("ID") > sp >
    (nil[([](auto& ctx) { x3::_val(ctx).nil = true; })] |
     (x3::lit('(') > -(id_param[push_member<&imapkit::id_command::params>] >
                       *(sp > id_param[push_member<&imapkit::id_command::params>])) > ')'));
IMAPKIT_DEFINE(id_rule)
inline const auto& id = id_rule;

// enable = "ENABLE" 1*(SP capability)   (RFC 5161, RFC 9051)
IMAPKIT_RULE(enable, "enable", imapkit::enable_command);
inline const auto enable_rule_def =
    whole_kw("ENABLE") > sp > capability[push_member<&imapkit::enable_command::capabilities>] >
    *(sp > capability[push_member<&imapkit::enable_command::capabilities>]);
IMAPKIT_DEFINE(enable_rule)
inline const auto& enable = enable_rule;

// compress = "COMPRESS" SP algorithm; algorithm = "DEFLATE"   (RFC 4978 §4; any atom is taken,
// an unknown algorithm gets a tagged NO from the server)
IMAPKIT_RULE(algorithm, "algorithm", std::string_view);
inline const auto algorithm_rule_def = atom;
IMAPKIT_DEFINE(algorithm_rule)
inline const auto& algorithm = algorithm_rule;

IMAPKIT_RULE(compress, "compress", imapkit::compress_command);
inline const auto compress_rule_def =
    whole_kw("COMPRESS") > sp > algorithm[set_member<&imapkit::compress_command::algorithm>];
IMAPKIT_DEFINE(compress_rule)
inline const auto& compress = compress_rule;

// language-cmd = "LANGUAGE" *(SP lang-range-quoted); lang-range-quoted = astring   (RFC 5255)
IMAPKIT_RULE(language_cmd, "language-cmd", imapkit::language_command);
inline const auto language_cmd_rule_def =
    whole_kw("LANGUAGE") >> *(sp > astring[push_member<&imapkit::language_command::ranges>]);
IMAPKIT_DEFINE(language_cmd_rule)
inline const auto& language_cmd = language_cmd_rule;

// command-any = "CAPABILITY" / "LOGOUT" / "NOOP" / enable / id / compress / "UNAUTHENTICATE"
// / language-cmd   (RFC 9051 with RFC 2971, RFC 4978, RFC 8437, RFC 5255)
IMAPKIT_RULE(command_any, "command-any", imapkit::command);
inline const auto command_any_rule_def =
    whole_kw("CAPABILITY")[emplace_body<imapkit::capability_command>] |
    whole_kw("LOGOUT")[emplace_body<imapkit::logout_command>] |
    whole_kw("NOOP")[emplace_body<imapkit::noop_command>] | id[set_body] | enable[set_body] |
    compress[set_body] | whole_kw("UNAUTHENTICATE")[emplace_body<imapkit::unauthenticate_command>] |
    language_cmd[set_body];
IMAPKIT_DEFINE(command_any_rule)
inline const auto& command_any = command_any_rule;

// ---------------------------------------------------------------------------------------------
// Not authenticated

// userid = astring; password = astring
IMAPKIT_RULE(userid, "userid", imapkit::string);
inline const auto userid_rule_def = astring;
IMAPKIT_DEFINE(userid_rule)
inline const auto& userid = userid_rule;
IMAPKIT_RULE(password, "password", imapkit::string);
inline const auto password_rule_def = astring;
IMAPKIT_DEFINE(password_rule)
inline const auto& password = password_rule;

// login = "LOGIN" SP userid SP password
IMAPKIT_RULE(login, "login", imapkit::login_command);
inline const auto login_rule_def = whole_kw("LOGIN") > sp >
                                   userid[set_member<&imapkit::login_command::userid>] > sp >
                                   password[set_member<&imapkit::login_command::password>];
IMAPKIT_DEFINE(login_rule)
inline const auto& login = login_rule;

// auth-type = atom
IMAPKIT_RULE(auth_type, "auth-type", std::string_view);
inline const auto auth_type_rule_def = atom;
IMAPKIT_DEFINE(auth_type_rule)
inline const auto& auth_type = auth_type_rule;

// initial-resp = (base64 / "=")   (RFC 4959 §7; base64 may be empty, see docs/commands.md)
IMAPKIT_RULE(initial_resp, "initial-resp", std::string_view);
inline const auto initial_resp_rule_def =
    x3::raw[x3::lit('=') >> &crlf][([](auto& ctx) { x3::_val(ctx) = as_view(x3::_attr(ctx)); })] |
    base64[set_val];
IMAPKIT_DEFINE(initial_resp_rule)
inline const auto& initial_resp = initial_resp_rule;

// authenticate = "AUTHENTICATE" SP auth-type [SP initial-resp]   (RFC 9051, RFC 4959)
IMAPKIT_RULE(authenticate, "authenticate", imapkit::authenticate_command);
inline const auto authenticate_rule_def =
    whole_kw("AUTHENTICATE") > sp >
    auth_type[set_member<&imapkit::authenticate_command::mechanism>] >
    -(sp > initial_resp[([](auto& ctx) { x3::_val(ctx).initial_response = x3::_attr(ctx); })]);
IMAPKIT_DEFINE(authenticate_rule)
inline const auto& authenticate = authenticate_rule;

// command-nonauth = login / authenticate / "STARTTLS"
IMAPKIT_RULE(command_nonauth, "command-nonauth", imapkit::command);
inline const auto command_nonauth_rule_def =
    login[set_body] | authenticate[set_body] |
    whole_kw("STARTTLS")[emplace_body<imapkit::starttls_command>];
IMAPKIT_DEFINE(command_nonauth_rule)
inline const auto& command_nonauth = command_nonauth_rule;

// ---------------------------------------------------------------------------------------------
// Selected

// copy = "COPY" SP sequence-set SP mailbox; move = "MOVE" SP sequence-set SP mailbox (RFC 6851)
IMAPKIT_RULE(copy, "copy", imapkit::copy_command);
inline const auto copy_rule_def = whole_kw("COPY") > sp >
                                  sequence_set[set_member<&imapkit::copy_command::set>] > sp >
                                  mailbox[set_member<&imapkit::copy_command::mailbox>];
IMAPKIT_DEFINE(copy_rule)
inline const auto& copy = copy_rule;

IMAPKIT_RULE(move, "move", imapkit::move_command);
inline const auto move_rule_def = whole_kw("MOVE") > sp >
                                  sequence_set[set_member<&imapkit::move_command::set>] > sp >
                                  mailbox[set_member<&imapkit::move_command::mailbox>];
IMAPKIT_DEFINE(move_rule)
inline const auto& move = move_rule;

// search = "SEARCH" [search-return-opts] SP search-program (arguments: search.hpp)
IMAPKIT_RULE(search, "search", imapkit::search_command);
inline const auto search_rule_def =
    whole_kw("SEARCH") > sp >
    separately_compiled[search_program_rule][set_member<&imapkit::search_command::program>];
IMAPKIT_DEFINE(search_rule)
inline const auto& search = search_rule;

// fetch = "FETCH" SP sequence-set SP (...) [fetch-modifiers] (arguments: fetch_command.hpp)
IMAPKIT_RULE(fetch, "fetch", imapkit::fetch_command);
inline const auto fetch_rule_def =
    whole_kw("FETCH") > sp >
    separately_compiled[fetch_program_rule][set_member<&imapkit::fetch_command::program>];
IMAPKIT_DEFINE(fetch_rule)
inline const auto& fetch = fetch_rule;

// store = "STORE" SP sequence-set [store-modifiers] SP store-att-flags
IMAPKIT_RULE(store, "store", imapkit::store_command);
inline const auto store_rule_def =
    whole_kw("STORE") > sp >
    separately_compiled[store_program_rule][set_member<&imapkit::store_command::program>];
IMAPKIT_DEFINE(store_rule)
inline const auto& store = store_rule;

// sort = "SORT" SP sort-criteria SP search-criteria   (RFC 5256, RFC 5267)
IMAPKIT_RULE(sort, "sort", imapkit::sort_command);
inline const auto sort_rule_def =
    whole_kw("SORT") > sp >
    separately_compiled[sort_program_rule][set_member<&imapkit::sort_command::program>];
IMAPKIT_DEFINE(sort_rule)
inline const auto& sort = sort_rule;

// thread = "THREAD" SP thread-alg SP search-criteria   (RFC 5256)
IMAPKIT_RULE(thread, "thread", imapkit::thread_command);
inline const auto thread_rule_def =
    whole_kw("THREAD") > sp >
    separately_compiled[thread_program_rule][set_member<&imapkit::thread_command::program>];
IMAPKIT_DEFINE(thread_rule)
inline const auto& thread = thread_rule;

// many-mailboxes = "(" mailbox *(SP mailbox) ")"; one-or-more-mailbox = mailbox / many-mailboxes
// (RFC 5465 §8)
IMAPKIT_RULE(one_or_more_mailbox, "one-or-more-mailbox", imapkit::mailbox_filter);
inline const auto one_or_more_mailbox_rule_def =
    (x3::lit('(') > mailbox[push_member<&imapkit::mailbox_filter::mailboxes>] >
     *(sp > mailbox[push_member<&imapkit::mailbox_filter::mailboxes>]) > ')') |
    mailbox[push_member<&imapkit::mailbox_filter::mailboxes>];
IMAPKIT_DEFINE(one_or_more_mailbox_rule)
inline const auto& one_or_more_mailbox = one_or_more_mailbox_rule;

inline constexpr auto set_filter_mailboxes = [](auto& ctx) {
  x3::_val(ctx).mailboxes = x3::_attr(ctx).mailboxes;
};

// Keeps for the filter keywords: those followed by mailboxes; the others, but for
// "selected-delayed", which RFC 7377 forbids in ESEARCH (NOTIFY only).
constexpr bool filter_with_mailboxes(const keyword_row<imapkit::mailbox_filter::kind_t>& row) {
  return imapkit::takes_mailboxes(row.kind);
}
constexpr bool filter_without_mailboxes(const keyword_row<imapkit::mailbox_filter::kind_t>& row) {
  return !imapkit::takes_mailboxes(row.kind) &&
         row.kind != imapkit::mailbox_filter::kind_t::selected_delayed;
}

// filter-mailboxes = filter-mailboxes-selected / filter-mailboxes-other   (RFC 5465, RFC 7377)
// filter-mailboxes-other = "inboxes" / "personal" / "subscribed" /
//     ("subtree" / "mailboxes" / "subtree-one") SP one-or-more-mailbox
// filter-mailboxes-selected = "selected" (RFC 7377 forbids "selected-delayed" in ESEARCH)
IMAPKIT_RULE(filter_mailboxes, "filter-mailboxes", imapkit::mailbox_filter);
inline const auto filter_mailboxes_rule_def =
    primitives::keyword_alternatives<imapkit::mailbox_filter_names, &imapkit::mailbox_filter::kind,
                                     &filter_without_mailboxes> |
    (primitives::keyword_alternatives<imapkit::mailbox_filter_names, &imapkit::mailbox_filter::kind,
                                      &filter_with_mailboxes> > sp >
     one_or_more_mailbox[set_filter_mailboxes]);
IMAPKIT_DEFINE(filter_mailboxes_rule)
inline const auto& filter_mailboxes = filter_mailboxes_rule;

// esearch-source-opts = "IN" SP "(" source-mbox [SP "(" scope-options ")"] ")"
// source-mbox = filter-mailboxes *(SP filter-mailboxes); scope-options = scope-option *(SP ...)
IMAPKIT_RULE(esearch_source_opts, "esearch-source-opts", imapkit::esearch_command);
inline const auto esearch_source_opts_rule_def =
    whole_kw("IN") > sp >
    x3::lit('(') > filter_mailboxes[push_member<&imapkit::esearch_command::sources>] >
    *(sp >> filter_mailboxes[push_member<&imapkit::esearch_command::sources>]) >
    -(sp > x3::lit('(') > tagged_ext_param[push_member<&imapkit::esearch_command::scope_options>] >
      *(sp > tagged_ext_param[push_member<&imapkit::esearch_command::scope_options>]) > ')') > ')';
IMAPKIT_DEFINE(esearch_source_opts_rule)
inline const auto& esearch_source_opts = esearch_source_opts_rule;

// esearch = "ESEARCH" [SP esearch-source-opts] [SP search-return-opts] SP search-program
// (RFC 7377 §6; the search-return-opts are part of what search_program_rule reads)
IMAPKIT_RULE(esearch, "esearch", imapkit::esearch_command);
inline const auto esearch_rule_def =
    whole_kw("ESEARCH") > sp > -(esearch_source_opts[([](auto& ctx) {
                                   x3::_val(ctx).sources = x3::_attr(ctx).sources;
                                   x3::_val(ctx).scope_options = x3::_attr(ctx).scope_options;
                                 })] > sp) >
    separately_compiled[search_program_rule][set_member<&imapkit::esearch_command::program>];
IMAPKIT_DEFINE(esearch_rule)
inline const auto& esearch = esearch_rule;

// uid-expunge = "EXPUNGE" SP uid-set after "UID" SP   (RFC 4315, RFC 9051)
IMAPKIT_RULE(uid_expunge, "uid-expunge", imapkit::uid_expunge_command);
inline const auto uid_expunge_rule_def =
    whole_kw("EXPUNGE") > sp > uid_set[set_member<&imapkit::uid_expunge_command::uids>];
IMAPKIT_DEFINE(uid_expunge_rule)
inline const auto& uid_expunge = uid_expunge_rule;

// uid = "UID" SP (copy / move / fetch / search / store / uid-expunge)   (RFC 9051)
//       and SORT, THREAD (RFC 5256), REPLACE (RFC 8508), ESEARCH (RFC 7377's examples)
IMAPKIT_RULE(uid, "uid", imapkit::command);
inline const auto uid_rule_def = whole_kw("UID") > sp >
                                 (copy[set_uid_body] | move[set_uid_body] | fetch[set_uid_body] |
                                  search[set_uid_body] | store[set_uid_body] |
                                  uid_expunge[set_body] | sort[set_uid_body] |
                                  thread[set_uid_body] | esearch[set_uid_body] |
                                  (whole_kw("REPLACE") > sp >
                                   separately_compiled[replace_args_rule][set_uid_body]));
IMAPKIT_DEFINE(uid_rule)
inline const auto& uid = uid_rule;

// command-select = "CHECK" / "CLOSE" / "UNSELECT" / "EXPUNGE" / copy / move / fetch / store /
//                  search / uid, and SORT, THREAD (RFC 5256), ESEARCH (RFC 7377, also valid in
//                  the authenticated state)   (RFC 9051, RFC 3501 CHECK)
IMAPKIT_RULE(command_select, "command-select", imapkit::command);
inline const auto command_select_rule_def =
    whole_kw("CHECK")[emplace_body<imapkit::check_command>] |
    whole_kw("CLOSE")[emplace_body<imapkit::close_command>] |
    whole_kw("UNSELECT")[emplace_body<imapkit::unselect_command>] |
    whole_kw("EXPUNGE")[emplace_body<imapkit::expunge_command>] | copy[set_body] | move[set_body] |
    fetch[set_body] | store[set_body] | search[set_body] | uid[merge_body] | sort[set_body] |
    thread[set_body] | esearch[set_body];
IMAPKIT_DEFINE(command_select_rule)
inline const auto& command_select = command_select_rule;

// ---------------------------------------------------------------------------------------------
// Unknown commands

// x-command = "X" atom <experimental command arguments>, and any other command name followed by
// values (RFC 9051 §9 leaves their syntax open): kept in the generic form.
IMAPKIT_RULE(generic_command, "x-command", imapkit::generic_command);
inline const auto generic_command_rule_def =
    atom[set_member<&imapkit::generic_command::name>] >
    *(sp > generic_value[push_member<&imapkit::generic_command::args>]);
IMAPKIT_DEFINE(generic_command_rule)
inline const auto& generic_command = generic_command_rule;

// ---------------------------------------------------------------------------------------------
// command

IMAPKIT_RULE(command_body, "command", imapkit::command);
inline const auto command_body_rule_def =
    command_any[merge_body] | command_nonauth[merge_body] | command_select[merge_body] |
    separately_compiled[command_auth_rule][merge_body] | generic_command[set_body];
IMAPKIT_DEFINE(command_body_rule)
inline const auto& command_body = command_body_rule;

// The tag becomes the tag of a parse error once the SP after it shows it was a whole tag.
inline constexpr auto set_command_tag = [](auto& ctx) {
  x3::_val(ctx).tag = as_view(x3::_attr(ctx));
};
inline constexpr auto publish_tag = [](auto& ctx) { state(ctx).tag = x3::_val(ctx).tag; };

// command = tag SP (command-any / command-auth / command-nonauth / command-select) CRLF
IMAPKIT_RULE(command, "command", imapkit::command);
inline const auto command_rule_def =
    x3::raw[tag][set_command_tag] > sp[publish_tag] > command_body[merge_body] > crlf;
IMAPKIT_DEFINE(command_rule)
inline const auto& command = command_rule;

// ---------------------------------------------------------------------------------------------
// The other lines a client sends

// authenticate's continuation lines: *(CRLF base64), or "*" to cancel (RFC 9051 §6.2.2)
IMAPKIT_RULE(authenticate_data, "base64", imapkit::authenticate_data);
inline const auto authenticate_data_rule_def =
    ((x3::lit('*') >> &crlf)[([](auto& ctx) { x3::_val(ctx).cancel = true; })] |
     base64[set_member<&imapkit::authenticate_data::base64>]) > crlf;
IMAPKIT_DEFINE(authenticate_data_rule)
inline const auto& authenticate_data = authenticate_data_rule;

// idle = "IDLE" CRLF "DONE"   (RFC 2177, RFC 9051; ABNF strings are case-insensitive)
IMAPKIT_RULE(idle_done, "idle-done", imapkit::idle_done);
inline const auto idle_done_rule_def = kw("DONE") > crlf;
IMAPKIT_DEFINE(idle_done_rule)
inline const auto& idle_done = idle_done_rule;

}  // namespace imapkit::grammar::cmd
