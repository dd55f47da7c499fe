// AST of client commands (RFC 9051 §9 `command`, RFC 3501 §9 forms, and the extensions listed in
// docs/commands.md), and of the other lines a client sends: AUTHENTICATE continuation data and
// IDLE's DONE. Each type is named after the ABNF production it comes from.
#pragma once

#include <boost/describe/class.hpp>
#include <cstdint>
#include <optional>
#include <string_view>
#include <variant>

#include "imapkit/ast/fetch_command.hpp"
#include "imapkit/ast/keywords.hpp"
#include "imapkit/ast/lexical.hpp"
#include "imapkit/ast/mailbox_data.hpp"
#include "imapkit/ast/search.hpp"
#include "imapkit/list.hpp"
#include "imapkit/string.hpp"

namespace imapkit {

// A parameter of the RFC 4466 shape: tagged-ext-label [SP tagged-ext-val]. Used for the
// parameters of SELECT / EXAMINE / CREATE and the options of LIST and GETMETADATA that the grammar
// does not know by name. The value is kept in its generic form.
struct tagged_ext_param {
  std::string_view name;
  std::optional<generic_value> value;

  friend bool operator==(const tagged_ext_param&, const tagged_ext_param&) = default;
};
BOOST_DESCRIBE_STRUCT(tagged_ext_param, (), (name, value))

// --- Any state ---------------------------------------------------------------------------------

// "CAPABILITY" / "LOGOUT" / "NOOP" (RFC 9051), "UNAUTHENTICATE" (RFC 8437), "STARTTLS",
// "NAMESPACE" (RFC 2342), "IDLE" (RFC 2177), "CHECK" (RFC 3501), "CLOSE", "UNSELECT" (RFC 3691),
// "EXPUNGE": the commands that take no argument.
struct capability_command {
  friend bool operator==(const capability_command&, const capability_command&) = default;
};
BOOST_DESCRIBE_STRUCT(capability_command, (), ())
struct logout_command {
  friend bool operator==(const logout_command&, const logout_command&) = default;
};
BOOST_DESCRIBE_STRUCT(logout_command, (), ())
struct noop_command {
  friend bool operator==(const noop_command&, const noop_command&) = default;
};
BOOST_DESCRIBE_STRUCT(noop_command, (), ())
struct unauthenticate_command {
  friend bool operator==(const unauthenticate_command&, const unauthenticate_command&) = default;
};
BOOST_DESCRIBE_STRUCT(unauthenticate_command, (), ())
struct starttls_command {
  friend bool operator==(const starttls_command&, const starttls_command&) = default;
};
BOOST_DESCRIBE_STRUCT(starttls_command, (), ())
struct namespace_command {
  friend bool operator==(const namespace_command&, const namespace_command&) = default;
};
BOOST_DESCRIBE_STRUCT(namespace_command, (), ())
struct idle_command {
  friend bool operator==(const idle_command&, const idle_command&) = default;
};
BOOST_DESCRIBE_STRUCT(idle_command, (), ())
struct check_command {
  friend bool operator==(const check_command&, const check_command&) = default;
};
BOOST_DESCRIBE_STRUCT(check_command, (), ())
struct close_command {
  friend bool operator==(const close_command&, const close_command&) = default;
};
BOOST_DESCRIBE_STRUCT(close_command, (), ())
struct unselect_command {
  friend bool operator==(const unselect_command&, const unselect_command&) = default;
};
BOOST_DESCRIBE_STRUCT(unselect_command, (), ())
struct expunge_command {
  friend bool operator==(const expunge_command&, const expunge_command&) = default;
};
BOOST_DESCRIBE_STRUCT(expunge_command, (), ())

// id = "ID" SP id-params-list                                        (RFC 2971)
// id-params-list = "(" [string SP nstring *(SP string SP nstring)] ")" / nil
// (id_param is shared with the ID response: ast/mailbox_data.hpp)
struct id_command {
  bool nil = false;  // "ID NIL"
  list<id_param> params;

  friend bool operator==(const id_command&, const id_command&) = default;
};
BOOST_DESCRIBE_STRUCT(id_command, (), (nil, params))

// enable = "ENABLE" 1*(SP capability)                                (RFC 5161, RFC 9051)
struct enable_command {
  list<std::string_view> capabilities;

  friend bool operator==(const enable_command&, const enable_command&) = default;
};
BOOST_DESCRIBE_STRUCT(enable_command, (), (capabilities))

// compress = "COMPRESS" SP algorithm; algorithm = "DEFLATE"           (RFC 4978)
// Any atom is accepted as the algorithm: the server answers an unknown one with a tagged BAD.
struct compress_command {
  std::string_view algorithm;

  friend bool operator==(const compress_command&, const compress_command&) = default;
};
BOOST_DESCRIBE_STRUCT(compress_command, (), (algorithm))

// --- Not authenticated -------------------------------------------------------------------------

// login = "LOGIN" SP userid SP password
struct login_command {
  imapkit::string userid;
  imapkit::string password;

  friend bool operator==(const login_command&, const login_command&) = default;
};
BOOST_DESCRIBE_STRUCT(login_command, (), (userid, password))

// authenticate = "AUTHENTICATE" SP auth-type [SP initial-resp]       (RFC 9051, RFC 4959 SASL-IR)
// initial-resp = (base64 / "=")
// The continuation lines that follow (*(CRLF base64)) are separate messages: authenticate_data.
struct authenticate_command {
  std::string_view mechanism;  // auth-type, as written (upper-case it before comparing)
  // The base64 text as sent; "=" is an empty initial response. An empty value is the (ABNF-valid,
  // see docs/commands.md) empty base64 after a trailing SP, which mutt sends and Dovecot treats as
  // no initial response.
  std::optional<std::string_view> initial_response;

  friend bool operator==(const authenticate_command&, const authenticate_command&) = default;
};
BOOST_DESCRIBE_STRUCT(authenticate_command, (), (mechanism, initial_response))

// --- Authenticated -----------------------------------------------------------------------------

// QRESYNC select parameter (RFC 7162 §7):
// "QRESYNC" SP "(" uidvalidity SP mod-sequence-value [SP known-uids] [SP seq-match-data] ")"
// seq-match-data = "(" known-sequence-set SP known-uid-set ")"
struct qresync_param {
  std::uint32_t uidvalidity = 0;
  std::uint64_t modseq = 0;
  std::optional<sequence_set> known_uids;
  std::optional<sequence_set> known_sequence_set;  // seq-match-data, both or neither
  std::optional<sequence_set> known_uid_set;

  friend bool operator==(const qresync_param&, const qresync_param&) = default;
};
BOOST_DESCRIBE_STRUCT(qresync_param, (),
                      (uidvalidity, modseq, known_uids, known_sequence_set, known_uid_set))

// select = "SELECT" SP mailbox [select-params]; examine = "EXAMINE" SP mailbox [select-params]
// select-params = SP "(" select-param *(SP select-param) ")"          (RFC 4466, RFC 7162)
struct select_command {
  bool read_only = false;  // EXAMINE
  imapkit::mailbox mailbox;
  bool condstore = false;                // CONDSTORE parameter (RFC 7162 §3.1.8)
  std::optional<qresync_param> qresync;  // QRESYNC parameter (RFC 7162 §3.2.5)
  list<tagged_ext_param> other_params;   // any other select-param

  friend bool operator==(const select_command&, const select_command&) = default;
};
BOOST_DESCRIBE_STRUCT(select_command, (), (read_only, mailbox, condstore, qresync, other_params))

// create = "CREATE" SP mailbox [create-params]                       (RFC 4466)
// create-param =/ "USE" SP "(" [use-attr *(SP use-attr)] ")"          (RFC 6154)
struct create_command {
  imapkit::mailbox mailbox;
  bool has_use = false;
  list<std::string_view> use;  // use-attr as written: "\Drafts", "\Sent", ...
  list<tagged_ext_param> other_params;

  friend bool operator==(const create_command&, const create_command&) = default;
};
BOOST_DESCRIBE_STRUCT(create_command, (), (mailbox, has_use, use, other_params))

// delete = "DELETE" SP mailbox; subscribe / unsubscribe likewise; getquotaroot (RFC 9208),
// getacl / myrights (RFC 4314) also name just a mailbox.
struct delete_command {
  imapkit::mailbox mailbox;
  friend bool operator==(const delete_command&, const delete_command&) = default;
};
BOOST_DESCRIBE_STRUCT(delete_command, (), (mailbox))
struct subscribe_command {
  imapkit::mailbox mailbox;
  friend bool operator==(const subscribe_command&, const subscribe_command&) = default;
};
BOOST_DESCRIBE_STRUCT(subscribe_command, (), (mailbox))
struct unsubscribe_command {
  imapkit::mailbox mailbox;
  friend bool operator==(const unsubscribe_command&, const unsubscribe_command&) = default;
};
BOOST_DESCRIBE_STRUCT(unsubscribe_command, (), (mailbox))
struct getquotaroot_command {
  imapkit::mailbox mailbox;
  friend bool operator==(const getquotaroot_command&, const getquotaroot_command&) = default;
};
BOOST_DESCRIBE_STRUCT(getquotaroot_command, (), (mailbox))
struct getacl_command {
  imapkit::mailbox mailbox;
  friend bool operator==(const getacl_command&, const getacl_command&) = default;
};
BOOST_DESCRIBE_STRUCT(getacl_command, (), (mailbox))
struct myrights_command {
  imapkit::mailbox mailbox;
  friend bool operator==(const myrights_command&, const myrights_command&) = default;
};
BOOST_DESCRIBE_STRUCT(myrights_command, (), (mailbox))

// rename = "RENAME" SP mailbox SP mailbox
struct rename_command {
  imapkit::mailbox from;
  imapkit::mailbox to;

  friend bool operator==(const rename_command&, const rename_command&) = default;
};
BOOST_DESCRIBE_STRUCT(rename_command, (), (from, to))

// status-att: the enum of ast/mailbox_data.hpp (shared with STATUS responses); a command only
// ever holds the named attributes, never status_att::other.

// status = "STATUS" SP mailbox SP "(" status-att *(SP status-att) ")"
struct status_command {
  imapkit::mailbox mailbox;
  list<status_att> attributes;

  friend bool operator==(const status_command&, const status_command&) = default;
};
BOOST_DESCRIBE_STRUCT(status_command, (), (mailbox, attributes))

// list = "LIST" [SP list-select-opts] SP mailbox SP mbox-or-pat [SP list-return-opts]
// (RFC 9051, RFC 5258 LIST-EXTENDED, RFC 5819 LIST-STATUS, RFC 6154 SPECIAL-USE)
// Options are kept by name, as written ("SUBSCRIBED", "RECURSIVEMATCH", "SPECIAL-USE", ...), with
// an option-value where one was given; RETURN's STATUS option is broken out.
struct list_command {
  list<tagged_ext_param> selection_options;  // list-select-opts; empty when absent or "()"
  imapkit::mailbox reference;
  list<imapkit::string> patterns;         // list-mailbox: 1*list-char (as an atom) or string
  bool patterns_parenthesized = false;    // patterns = "(" list-mailbox *(SP list-mailbox) ")"
  bool has_return = false;                // "RETURN (...)" present (possibly empty)
  list<tagged_ext_param> return_options;  // return-option other than STATUS
  bool return_status = false;             // status-option = "STATUS" SP "(" status-att... ")"
  list<status_att> status_attributes;

  friend bool operator==(const list_command&, const list_command&) = default;
};
BOOST_DESCRIBE_STRUCT(list_command, (),
                      (selection_options, reference, patterns, patterns_parenthesized, has_return,
                       return_options, return_status, status_attributes))

// lsub = "LSUB" SP mailbox SP list-mailbox                              (RFC 3501)
struct lsub_command {
  imapkit::mailbox reference;
  imapkit::string pattern;

  friend bool operator==(const lsub_command&, const lsub_command&) = default;
};
BOOST_DESCRIBE_STRUCT(lsub_command, (), (reference, pattern))

// cat-part = text-literal / url / utf8-literal                        (RFC 4469 §5, RFC 6855 §4)
// text-literal = "TEXT" SP literal; url = "URL" SP astring; utf8-literal = "UTF8" SP "(" literal8
// ")"
struct catenate_part {
  enum class kind_t : std::uint8_t { text, url, utf8 };
  kind_t kind = kind_t::text;
  imapkit::string value;  // text: a literal; url: an astring holding an IMAP URL (RFC 5092);
                          // utf8: a literal8

  friend bool operator==(const catenate_part&, const catenate_part&) = default;
};
BOOST_DESCRIBE_STRUCT(catenate_part, (), (kind, value))

inline constexpr keyword_row<catenate_part::kind_t> catenate_part_names[] = {
    {catenate_part::kind_t::text, "TEXT"},
    {catenate_part::kind_t::url, "URL"},
    {catenate_part::kind_t::utf8, "UTF8"},
};
static_assert(rows_in_enum_order(catenate_part_names,
                                 static_cast<std::size_t>(catenate_part::kind_t::utf8) + 1));

constexpr std::string_view to_string(catenate_part::kind_t kind) noexcept {
  return row_of(catenate_part_names, kind).keyword;
}

// append-message = append-opts SP append-data                          (RFC 9051, RFC 3502)
// append-opts = [SP flag-list] [SP date-time] *(SP append-ext)           (RFC 4466)
// append-ext =/ att-annotate                                             (RFC 5257)
// append-data = literal / literal8 / "UTF8" SP "(" literal8 ")"          (RFC 3516, RFC 6855)
//             / "CATENATE" SP "(" cat-part *(SP cat-part) ")"            (RFC 4469)
struct append_message {
  bool has_flags = false;
  list<imapkit::flag> flags;
  std::optional<imapkit::date_time> date_time;
  imapkit::string data;  // kind literal or literal8; unused (NIL) in the CATENATE form
  bool utf8 = false;     // UTF8 (~{N}...) form of RFC 6855
  list<catenate_part> catenate;  // the CATENATE form when not empty: the parts, in order
  list<annotation_entry> annotations;  // "ANNOTATION" SP "(" entry-att ... ")" (RFC 5257)

  friend bool operator==(const append_message&, const append_message&) = default;
};
BOOST_DESCRIBE_STRUCT(append_message, (),
                      (has_flags, flags, date_time, data, utf8, catenate, annotations))

// append = "APPEND" SP mailbox 1*append-message   (one message, or several: MULTIAPPEND)
struct append_command {
  imapkit::mailbox mailbox;
  list<append_message> messages;

  friend bool operator==(const append_command&, const append_command&) = default;
};
BOOST_DESCRIBE_STRUCT(append_command, (), (mailbox, messages))

// getquota = "GETQUOTA" SP quota-root-name; quota-root-name = astring       (RFC 9208)
struct getquota_command {
  imapkit::string quota_root;

  friend bool operator==(const getquota_command&, const getquota_command&) = default;
};
BOOST_DESCRIBE_STRUCT(getquota_command, (), (quota_root))

// setquota-resource = resource-name SP resource-limit                       (RFC 9208)
struct quota_limit {
  std::string_view resource;  // atom: "STORAGE", "MESSAGE", ...
  std::uint64_t limit = 0;    // number64

  friend bool operator==(const quota_limit&, const quota_limit&) = default;
};
BOOST_DESCRIBE_STRUCT(quota_limit, (), (resource, limit))

// setquota = "SETQUOTA" SP quota-root-name SP setquota-list
// setquota-list = "(" [setquota-resource *(SP setquota-resource)] ")"
struct setquota_command {
  imapkit::string quota_root;
  list<quota_limit> limits;

  friend bool operator==(const setquota_command&, const setquota_command&) = default;
};
BOOST_DESCRIBE_STRUCT(setquota_command, (), (quota_root, limits))

// getmetadata = "GETMETADATA" [SP getmetadata-options] SP mailbox SP entries   (RFC 5464)
// getmetadata-option = "MAXSIZE" SP number / "DEPTH" SP ("0" / "1" / "infinity") / tagged-ext
// entries = entry / "(" entry *(SP entry) ")"; entry = astring
struct getmetadata_command {
  enum class depth_t : std::uint8_t { unset, zero, one, infinity };
  std::optional<std::uint32_t> maxsize;
  depth_t depth = depth_t::unset;
  list<tagged_ext_param> other_options;
  imapkit::mailbox mailbox;
  list<imapkit::string> entries;
  bool entries_parenthesized = false;

  friend bool operator==(const getmetadata_command&, const getmetadata_command&) = default;
};
BOOST_DESCRIBE_STRUCT(getmetadata_command, (),
                      (maxsize, depth, other_options, mailbox, entries, entries_parenthesized))

inline constexpr keyword_row<getmetadata_command::depth_t> metadata_depth_names[] = {
    {getmetadata_command::depth_t::unset, "", false},
    {getmetadata_command::depth_t::zero, "0"},
    {getmetadata_command::depth_t::one, "1"},
    {getmetadata_command::depth_t::infinity, "INFINITY"},
};
static_assert(rows_in_enum_order(metadata_depth_names,
                                 static_cast<std::size_t>(getmetadata_command::depth_t::infinity) +
                                     1));

// DEPTH's value: "0", "1", "INFINITY"; empty for unset.
constexpr std::string_view to_string(getmetadata_command::depth_t depth) noexcept {
  return row_of(metadata_depth_names, depth).keyword;
}

// entry-value = entry SP value; value = nstring / literal8 (RFC 5464): the same shape as in a
// METADATA response (NIL removes the entry).
using metadata_entry_value = metadata_entry;

// setmetadata = "SETMETADATA" SP mailbox SP entry-values
// entry-values = "(" entry-value *(SP entry-value) ")"
struct setmetadata_command {
  imapkit::mailbox mailbox;
  list<metadata_entry_value> entries;

  friend bool operator==(const setmetadata_command&, const setmetadata_command&) = default;
};
BOOST_DESCRIBE_STRUCT(setmetadata_command, (), (mailbox, entries))

// ACL commands (RFC 4314 §4):
// setacl = "SETACL" SP mailbox SP identifier SP mod-rights; mod-rights = astring
// deleteacl = "DELETEACL" SP mailbox SP identifier
// listrights = "LISTRIGHTS" SP mailbox SP identifier
struct setacl_command {
  imapkit::mailbox mailbox;
  imapkit::string identifier;
  imapkit::string rights;  // mod-rights as written: optional "+" / "-" then rights

  friend bool operator==(const setacl_command&, const setacl_command&) = default;
};
BOOST_DESCRIBE_STRUCT(setacl_command, (), (mailbox, identifier, rights))
struct deleteacl_command {
  imapkit::mailbox mailbox;
  imapkit::string identifier;

  friend bool operator==(const deleteacl_command&, const deleteacl_command&) = default;
};
BOOST_DESCRIBE_STRUCT(deleteacl_command, (), (mailbox, identifier))
struct listrights_command {
  imapkit::mailbox mailbox;
  imapkit::string identifier;

  friend bool operator==(const listrights_command&, const listrights_command&) = default;
};
BOOST_DESCRIBE_STRUCT(listrights_command, (), (mailbox, identifier))

// --- Selected ----------------------------------------------------------------------------------

// uid-expunge = "UID" SP "EXPUNGE" SP uid-set                                (RFC 4315, RFC 9051)
struct uid_expunge_command {
  sequence_set uids;

  friend bool operator==(const uid_expunge_command&, const uid_expunge_command&) = default;
};
BOOST_DESCRIBE_STRUCT(uid_expunge_command, (), (uids))

// copy = "COPY" SP sequence-set SP mailbox; move = "MOVE" SP sequence-set SP mailbox (RFC 6851)
// with "UID" SP in front for the UID forms.
struct copy_command {
  bool uid = false;
  sequence_set set;
  imapkit::mailbox mailbox;

  friend bool operator==(const copy_command&, const copy_command&) = default;
};
BOOST_DESCRIBE_STRUCT(copy_command, (), (uid, set, mailbox))
struct move_command {
  bool uid = false;
  sequence_set set;
  imapkit::mailbox mailbox;

  friend bool operator==(const move_command&, const move_command&) = default;
};
BOOST_DESCRIBE_STRUCT(move_command, (), (uid, set, mailbox))

// search = "SEARCH" [search-return-opts] SP search-program; its arguments: ast/search.hpp.
struct search_command {
  bool uid = false;
  search_program program;

  friend bool operator==(const search_command&, const search_command&) = default;
};
BOOST_DESCRIBE_STRUCT(search_command, (), (uid, program))

// fetch = "FETCH" SP sequence-set SP (...) [fetch-modifiers]; arguments: ast/fetch_command.hpp.
struct fetch_command {
  bool uid = false;
  fetch_program program;

  friend bool operator==(const fetch_command&, const fetch_command&) = default;
};
BOOST_DESCRIBE_STRUCT(fetch_command, (), (uid, program))

// store = "STORE" SP sequence-set [store-modifiers] SP store-att-flags
struct store_command {
  bool uid = false;
  store_program program;

  friend bool operator==(const store_command&, const store_command&) = default;
};
BOOST_DESCRIBE_STRUCT(store_command, (), (uid, program))

// sort = ["UID" SP] "SORT" SP sort-criteria SP search-criteria                 (RFC 5256)
struct sort_command {
  bool uid = false;
  sort_program program;

  friend bool operator==(const sort_command&, const sort_command&) = default;
};
BOOST_DESCRIBE_STRUCT(sort_command, (), (uid, program))

// thread = ["UID" SP] "THREAD" SP thread-alg SP search-criteria               (RFC 5256)
struct thread_command {
  bool uid = false;
  thread_program program;

  friend bool operator==(const thread_command&, const thread_command&) = default;
};
BOOST_DESCRIBE_STRUCT(thread_command, (), (uid, program))

// language-cmd = "LANGUAGE" *(SP lang-range-quoted); lang-range-quoted = astring   (RFC 5255 §3.5;
// any state)
struct language_command {
  list<imapkit::string> ranges;  // empty: the client asks which languages the server has

  friend bool operator==(const language_command&, const language_command&) = default;
};
BOOST_DESCRIBE_STRUCT(language_command, (), (ranges))

// comparator-cmd = "COMPARATOR" *(SP comp-order-quoted); comp-order-quoted = astring
// (RFC 5255 §4.10)
struct comparator_command {
  list<imapkit::string> orders;  // empty: the client asks which comparator is active

  friend bool operator==(const comparator_command&, const comparator_command&) = default;
};
BOOST_DESCRIBE_STRUCT(comparator_command, (), (orders))

// "GETJMAPACCESS"   (RFC 9698 §4)
struct getjmapaccess_command {
  friend bool operator==(const getjmapaccess_command&, const getjmapaccess_command&) = default;
};
BOOST_DESCRIBE_STRUCT(getjmapaccess_command, (), ())

// url-rump SP mechanism; url-rump = astring (an authimapurlrump); mechanism = "INTERNAL" /
// 1*(ALPHA / DIGIT / "-" / ".")   (RFC 4467 §9)
struct url_rump {
  imapkit::string url;
  std::string_view mechanism;

  friend bool operator==(const url_rump&, const url_rump&) = default;
};
BOOST_DESCRIBE_STRUCT(url_rump, (), (url, mechanism))

// genurlauth = "GENURLAUTH" 1*(SP url-rump SP mechanism)   (RFC 4467 §9)
struct genurlauth_command {
  list<url_rump> rumps;

  friend bool operator==(const genurlauth_command&, const genurlauth_command&) = default;
};
BOOST_DESCRIBE_STRUCT(genurlauth_command, (), (rumps))

// url-fetch-arg = url-full / "(" url-full *(SP url-fetch-param) ")"; url-full = astring;
// url-fetch-param = "BODY" / "BINARY" / "BODYPARTSTRUCTURE" / atom   (RFC 4467 §9, RFC 5524 §5)
struct urlfetch_arg {
  imapkit::string url;
  bool extended = false;          // the parenthesized form of RFC 5524
  list<std::string_view> params;  // its url-fetch-params, as sent

  friend bool operator==(const urlfetch_arg&, const urlfetch_arg&) = default;
};
BOOST_DESCRIBE_STRUCT(urlfetch_arg, (), (url, extended, params))

// urlfetch = "URLFETCH" 1*(SP url-fetch-arg)   (RFC 4467 §9, RFC 5524 §5)
struct urlfetch_command {
  list<urlfetch_arg> urls;

  friend bool operator==(const urlfetch_command&, const urlfetch_command&) = default;
};
BOOST_DESCRIBE_STRUCT(urlfetch_command, (), (urls))

// resetkey = "RESETKEY" [SP mailbox *(SP mechanism)]   (RFC 4467 §9)
struct resetkey_command {
  std::optional<imapkit::mailbox> mailbox;  // absent: every key of the user
  list<std::string_view> mechanisms;

  friend bool operator==(const resetkey_command&, const resetkey_command&) = default;
};
BOOST_DESCRIBE_STRUCT(resetkey_command, (), (mailbox, mechanisms))

// filter-mailboxes (RFC 5465 §8, as RFC 7377 §6 updates it): which mailboxes an ESEARCH covers.
struct mailbox_filter {
  enum class kind_t : std::uint8_t {
    selected,          // "selected"
    selected_delayed,  // "selected-delayed" (NOTIFY only; RFC 7377 forbids it in ESEARCH)
    inboxes,           // "inboxes"
    personal,          // "personal"
    subscribed,        // "subscribed"
    subtree,           // "subtree" SP one-or-more-mailbox
    mailboxes,         // "mailboxes" SP one-or-more-mailbox
    subtree_one,       // "subtree-one" SP one-or-more-mailbox (RFC 7377)
  };
  kind_t kind = kind_t::selected;
  list<imapkit::mailbox> mailboxes;  // one-or-more-mailbox of subtree / mailboxes / subtree-one

  friend bool operator==(const mailbox_filter&, const mailbox_filter&) = default;
};
BOOST_DESCRIBE_STRUCT(mailbox_filter, (), (kind, mailboxes))

inline constexpr keyword_row<mailbox_filter::kind_t> mailbox_filter_names[] = {
    {mailbox_filter::kind_t::selected, "SELECTED"},
    {mailbox_filter::kind_t::selected_delayed, "SELECTED-DELAYED"},
    {mailbox_filter::kind_t::inboxes, "INBOXES"},
    {mailbox_filter::kind_t::personal, "PERSONAL"},
    {mailbox_filter::kind_t::subscribed, "SUBSCRIBED"},
    {mailbox_filter::kind_t::subtree, "SUBTREE"},
    {mailbox_filter::kind_t::mailboxes, "MAILBOXES"},
    {mailbox_filter::kind_t::subtree_one, "SUBTREE-ONE"},
};
static_assert(rows_in_enum_order(mailbox_filter_names,
                                 static_cast<std::size_t>(mailbox_filter::kind_t::subtree_one) +
                                     1));

// "SELECTED", "SUBTREE-ONE", ...
constexpr std::string_view to_string(mailbox_filter::kind_t kind) noexcept {
  return row_of(mailbox_filter_names, kind).keyword;
}

// Whether the filter names its mailboxes: "subtree" / "mailboxes" / "subtree-one" SP
// one-or-more-mailbox.
constexpr bool takes_mailboxes(mailbox_filter::kind_t kind) noexcept {
  return kind == mailbox_filter::kind_t::subtree || kind == mailbox_filter::kind_t::mailboxes ||
         kind == mailbox_filter::kind_t::subtree_one;
}

// esearch = "ESEARCH" [SP esearch-source-opts] [SP search-return-opts] SP search-program
// esearch-source-opts = "IN" SP "(" source-mbox [SP "(" scope-options ")"] ")"   (RFC 7377 §6)
// RFC 7377's own examples (§2) send "UID ESEARCH", which its ABNF lacks; accepted as the UID form.
struct esearch_command {
  bool uid = false;
  list<mailbox_filter> sources;          // source-mbox; empty without "IN (...)"
  list<tagged_ext_param> scope_options;  // scope-option = scope-option-name [SP scope-option-value]
  search_program program;                // search-return-opts and the search-program

  friend bool operator==(const esearch_command&, const esearch_command&) = default;
};
BOOST_DESCRIBE_STRUCT(esearch_command, (), (uid, sources, scope_options, program))

// replace = ["UID" SP] "REPLACE" SP seq-number SP mailbox append-message        (RFC 8508)
struct replace_command {
  bool uid = false;
  std::uint32_t number = 0;  // seq-number (nz-number; "*" is 0)
  imapkit::mailbox mailbox;
  append_message message;

  friend bool operator==(const replace_command&, const replace_command&) = default;
};
BOOST_DESCRIBE_STRUCT(replace_command, (), (uid, number, mailbox, message))

// --- Extensions the grammar does not know ------------------------------------------------------

// x-command = "X" atom <experimental command arguments>, and any other command name: the name and
// its arguments in their generic form, so a server can answer BAD cleanly or handle it itself.
struct generic_command {
  std::string_view name;
  list<generic_value> args;

  friend bool operator==(const generic_command&, const generic_command&) = default;
};
BOOST_DESCRIBE_STRUCT(generic_command, (), (name, args))

using command_body = std::variant<
    // any state
    capability_command, logout_command, noop_command, id_command, enable_command, compress_command,
    unauthenticate_command,
    // not authenticated
    starttls_command, login_command, authenticate_command,
    // authenticated
    select_command, create_command, delete_command, rename_command, subscribe_command,
    unsubscribe_command, list_command, lsub_command, namespace_command, status_command,
    append_command, idle_command, getquota_command, getquotaroot_command, setquota_command,
    getmetadata_command, setmetadata_command, setacl_command, deleteacl_command, getacl_command,
    listrights_command, myrights_command,
    // selected
    check_command, close_command, unselect_command, expunge_command, uid_expunge_command,
    copy_command, move_command, search_command, fetch_command, store_command, sort_command,
    thread_command, replace_command, esearch_command,
    // RFC 5255, RFC 9698, RFC 4467 (LANGUAGE in any state; the others authenticated)
    language_command, comparator_command, getjmapaccess_command, genurlauth_command,
    urlfetch_command, resetkey_command,
    // unknown
    generic_command>;

// The first words of the commands the grammar knows (a command_body other than generic_command):
// a generic_command of one of these names would come back as that command (or fail to parse),
// never as itself.
inline constexpr std::string_view command_keywords[] = {
    "CAPABILITY",     "LOGOUT",        "NOOP",         "ID",          "ENABLE",      "COMPRESS",
    "UNAUTHENTICATE", "LOGIN",         "AUTHENTICATE", "STARTTLS",    "CHECK",       "CLOSE",
    "UNSELECT",       "EXPUNGE",       "COPY",         "MOVE",        "FETCH",       "STORE",
    "SEARCH",         "UID",           "SORT",         "THREAD",      "ESEARCH",     "SELECT",
    "EXAMINE",        "CREATE",        "DELETE",       "RENAME",      "SUBSCRIBE",   "UNSUBSCRIBE",
    "LIST",           "LSUB",          "NAMESPACE",    "STATUS",      "APPEND",      "IDLE",
    "GETQUOTA",       "GETQUOTAROOT",  "SETQUOTA",     "GETMETADATA", "SETMETADATA", "SETACL",
    "DELETEACL",      "GETACL",        "LISTRIGHTS",   "MYRIGHTS",    "REPLACE",     "LANGUAGE",
    "COMPARATOR",     "GETJMAPACCESS", "GENURLAUTH",   "URLFETCH",    "RESETKEY"};

// command = tag SP (command-any / command-auth / command-nonauth / command-select) CRLF
struct command {
  std::string_view tag;
  command_body body;

  friend bool operator==(const command&, const command&) = default;
};
BOOST_DESCRIBE_STRUCT(command, (), (tag, body))

// The ABNF name of the command a body holds ("SELECT", "UID FETCH", "EXAMINE", the generic
// name...).
std::string_view command_name(const command& c) noexcept;

// A line of AUTHENTICATE's exchange after the command (RFC 9051 §6.2.2): base64, or "*" to cancel.
struct authenticate_data {
  std::string_view base64;  // as sent (may be empty: an empty response); empty when cancelled
  bool cancel = false;      // "*"

  friend bool operator==(const authenticate_data&, const authenticate_data&) = default;
};
BOOST_DESCRIBE_STRUCT(authenticate_data, (), (base64, cancel))

// idle = "IDLE" CRLF "DONE": the DONE that ends IDLE (case-insensitive: mutt sends "done").
struct idle_done {
  friend bool operator==(const idle_done&, const idle_done&) = default;
};
BOOST_DESCRIBE_STRUCT(idle_done, (), ())

// Anything a client sends: a command, or one of the two kinds of line inside a command's exchange.
using client_message = std::variant<command, authenticate_data, idle_done>;

}  // namespace imapkit
