// Out-of-line pieces of the command AST (include/imapkit/ast/command.hpp).
#include "imapkit/ast/command.hpp"

namespace imapkit {

namespace {

struct command_namer {
  std::string_view operator()(const capability_command&) const { return "CAPABILITY"; }
  std::string_view operator()(const logout_command&) const { return "LOGOUT"; }
  std::string_view operator()(const noop_command&) const { return "NOOP"; }
  std::string_view operator()(const id_command&) const { return "ID"; }
  std::string_view operator()(const enable_command&) const { return "ENABLE"; }
  std::string_view operator()(const compress_command&) const { return "COMPRESS"; }
  std::string_view operator()(const unauthenticate_command&) const { return "UNAUTHENTICATE"; }
  std::string_view operator()(const starttls_command&) const { return "STARTTLS"; }
  std::string_view operator()(const login_command&) const { return "LOGIN"; }
  std::string_view operator()(const authenticate_command&) const { return "AUTHENTICATE"; }
  std::string_view operator()(const select_command& c) const {
    return c.read_only ? "EXAMINE" : "SELECT";
  }
  std::string_view operator()(const create_command&) const { return "CREATE"; }
  std::string_view operator()(const delete_command&) const { return "DELETE"; }
  std::string_view operator()(const rename_command&) const { return "RENAME"; }
  std::string_view operator()(const subscribe_command&) const { return "SUBSCRIBE"; }
  std::string_view operator()(const unsubscribe_command&) const { return "UNSUBSCRIBE"; }
  std::string_view operator()(const list_command&) const { return "LIST"; }
  std::string_view operator()(const lsub_command&) const { return "LSUB"; }
  std::string_view operator()(const namespace_command&) const { return "NAMESPACE"; }
  std::string_view operator()(const status_command&) const { return "STATUS"; }
  std::string_view operator()(const append_command&) const { return "APPEND"; }
  std::string_view operator()(const idle_command&) const { return "IDLE"; }
  std::string_view operator()(const getquota_command&) const { return "GETQUOTA"; }
  std::string_view operator()(const getquotaroot_command&) const { return "GETQUOTAROOT"; }
  std::string_view operator()(const setquota_command&) const { return "SETQUOTA"; }
  std::string_view operator()(const getmetadata_command&) const { return "GETMETADATA"; }
  std::string_view operator()(const setmetadata_command&) const { return "SETMETADATA"; }
  std::string_view operator()(const setacl_command&) const { return "SETACL"; }
  std::string_view operator()(const deleteacl_command&) const { return "DELETEACL"; }
  std::string_view operator()(const getacl_command&) const { return "GETACL"; }
  std::string_view operator()(const listrights_command&) const { return "LISTRIGHTS"; }
  std::string_view operator()(const myrights_command&) const { return "MYRIGHTS"; }
  std::string_view operator()(const check_command&) const { return "CHECK"; }
  std::string_view operator()(const close_command&) const { return "CLOSE"; }
  std::string_view operator()(const unselect_command&) const { return "UNSELECT"; }
  std::string_view operator()(const expunge_command&) const { return "EXPUNGE"; }
  std::string_view operator()(const uid_expunge_command&) const { return "UID EXPUNGE"; }
  std::string_view operator()(const copy_command& c) const { return c.uid ? "UID COPY" : "COPY"; }
  std::string_view operator()(const move_command& c) const { return c.uid ? "UID MOVE" : "MOVE"; }
  std::string_view operator()(const search_command& c) const {
    return c.uid ? "UID SEARCH" : "SEARCH";
  }
  std::string_view operator()(const fetch_command& c) const {
    return c.uid ? "UID FETCH" : "FETCH";
  }
  std::string_view operator()(const store_command& c) const {
    return c.uid ? "UID STORE" : "STORE";
  }
  std::string_view operator()(const sort_command& c) const { return c.uid ? "UID SORT" : "SORT"; }
  std::string_view operator()(const thread_command& c) const {
    return c.uid ? "UID THREAD" : "THREAD";
  }
  std::string_view operator()(const replace_command& c) const {
    return c.uid ? "UID REPLACE" : "REPLACE";
  }
  std::string_view operator()(const esearch_command& c) const {
    return c.uid ? "UID ESEARCH" : "ESEARCH";
  }
  std::string_view operator()(const language_command&) const { return "LANGUAGE"; }
  std::string_view operator()(const comparator_command&) const { return "COMPARATOR"; }
  std::string_view operator()(const getjmapaccess_command&) const { return "GETJMAPACCESS"; }
  std::string_view operator()(const genurlauth_command&) const { return "GENURLAUTH"; }
  std::string_view operator()(const urlfetch_command&) const { return "URLFETCH"; }
  std::string_view operator()(const resetkey_command&) const { return "RESETKEY"; }
  std::string_view operator()(const generic_command& c) const { return c.name; }
};

}  // namespace

std::string_view command_name(const command& c) noexcept {
  return std::visit(command_namer{}, c.body);
}

}  // namespace imapkit
